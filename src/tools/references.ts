// Names for every reference a result carries, fetched in bulk: workspace members from the
// per-workspace directory (member-directory.ts), and referenced records with one query per object
// (`record_id` `$in`), so a page of 500 rows costs a handful of requests, never one per row.
import { unwrap } from "../attio/client";
import { AttioError } from "../attio/errors";
import type { AttioRecord, AttioValue } from "./format";
import { memberDirectory, type MemberRef } from "./member-directory";
import { objectSlugs } from "./object-directory";
import { isUuid } from "./schemas";
import type { ToolContext } from "./tool";

/** A record reference as results show it: `object` is always the slug. */
interface RecordRef {
  object: string;
  id: string;
  name?: string;
}

/** An actor reference: a member's name and email; other actors (API token, system, app) by kind. */
interface ActorRef {
  id: string;
  name: string;
  email?: string;
}

/** Attio's query endpoints return at most 500 rows (attio-api.md "Pagination"). */
const QUERY_MAX = 500;

/** What a result points at, gathered before one bulk lookup. */
export class Wanted {
  readonly records = new Map<string, Set<string>>();
  actors = false;

  record(object: string, id: string): void {
    const ids = this.records.get(object) ?? new Set<string>();
    this.records.set(object, ids);
    ids.add(id);
  }

  /** Every reference inside Attio values (record and member references). */
  values(values: Iterable<AttioValue>): void {
    for (const value of values) {
      if (value.attribute_type === "record-reference") this.record(value.target_object, value.target_record_id);
      else if (value.attribute_type === "actor-reference" && value.referenced_actor_id) this.actors = true;
    }
  }
}

export interface Names {
  record(object: string, id: string): RecordRef;
  actor(type: string | null | undefined, id: string): ActorRef;
}

const OTHER_ACTORS: Record<string, string> = { "api-token": "API token", system: "Attio", app: "an app" };

/** Resolves everything `wanted` names, in parallel: members (cached), objects (cached), records. */
export async function resolveNames(ctx: ToolContext, wanted: Wanted): Promise<Names> {
  const objects = [...wanted.records.keys()];
  const [members, slugs] = await Promise.all([
    wanted.actors ? memberDirectory(ctx) : new Map<string, MemberRef>(),
    objects.some(isUuid) ? objectSlugs(ctx) : new Map<string, string>(),
  ]);
  const slugOf = (object: string) => (isUuid(object) ? (slugs.get(object.toLowerCase()) ?? object) : object);
  const titles = new Map<string, string>();
  await Promise.all(
    objects.map((object) => recordTitles(ctx, object, [...(wanted.records.get(object) ?? [])], titles)),
  );
  return {
    record(object, id) {
      const name = titles.get(id);
      return name === undefined ? { object: slugOf(object), id } : { object: slugOf(object), id, name };
    },
    actor(type, id) {
      const member = members.get(id);
      if (member) return { id, name: member.name, email: member.email };
      return { id, name: OTHER_ACTORS[type ?? ""] ?? type ?? "unknown" };
    },
  };
}

/**
 * Titles of `ids` of one object, 500 per query. A refusal (e.g. no read access to that object)
 * leaves those references unnamed rather than failing the whole call; a 401 still signs out.
 */
async function recordTitles(ctx: ToolContext, object: string, ids: string[], into: Map<string, string>) {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += QUERY_MAX) chunks.push(ids.slice(i, i + QUERY_MAX));
  await Promise.all(
    chunks.map(async (chunk) => {
      try {
        const found = await unwrap(
          ctx.attio.POST("/v2/objects/{object}/records/query", {
            params: { path: { object } },
            body: { filter: { record_id: { $in: chunk } }, limit: chunk.length },
          }),
        );
        for (const record of found.data) into.set(record.id.record_id, titleOf(record));
      } catch (error) {
        if (!(error instanceof AttioError) || error.isUnauthorized) throw error;
      }
    }),
  );
}

/** A record's display name: its `name` (full name for people), else its first text value. */
export function titleOf(record: AttioRecord): string {
  const current = (slug: string) =>
    (record.values[slug] ?? []).filter((v) => v.active_until === null || v.active_until === undefined);
  for (const value of current("name")) {
    if (value.attribute_type === "personal-name" && value.full_name) return value.full_name;
    if (value.attribute_type === "text" && value.value) return value.value;
  }
  for (const slug of Object.keys(record.values)) {
    if (slug === "record_id") continue;
    const text = current(slug).find((v) => v.attribute_type === "text" && v.value);
    if (text && text.attribute_type === "text") return text.value as string;
  }
  return "(untitled)";
}

/** Names for everything `items` point at, as `want` reads them off each item. */
export function namesFor<T>(ctx: ToolContext, items: readonly T[], want: (wanted: Wanted, item: T) => void) {
  const wanted = new Wanted();
  for (const item of items) want(wanted, item);
  return resolveNames(ctx, wanted);
}

/** For results that show no reference names: records keep {object,id}, actors their kind. */
export const NO_NAMES: Names = {
  record: (object, id) => ({ object, id }),
  actor: (type, id) => ({ id, name: OTHER_ACTORS[type ?? ""] ?? type ?? "unknown" }),
};
