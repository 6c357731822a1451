// Attio failures made actionable after the fact, so a model stops guessing: the object, list or
// attribute a call named that does not exist, with the nearest real one and the valid ones; and
// which record already holds a unique value. Only failures pay for the (cached) lookups.
import { unwrap } from "../attio/client";
import { AttioError } from "../attio/errors";
import type { JsonObject } from "../mcp/types";
import { attributeTypes } from "./attribute-types";
import { recordTitle, compactValues } from "./format";
import { listDirectory } from "./list-directory";
import { everyObjectSlug } from "./object-directory";
import { NO_NAMES } from "./references";
import { isUuid } from "./schemas";
import { unknownNames } from "./nearest";
import type { ToolContext } from "./tool";

const NO_MULTI: ReadonlySet<string> = new Set();

async function listSlugs(ctx: ToolContext): Promise<string[]> {
  return [...(await listDirectory(ctx)).values()].map((list) => list.slug);
}

/** Filter keys that are not attributes (Attio's operators and record/entry pseudo-attributes). */
const NOT_ATTRIBUTES = new Set(["record_id", "parent_record_id", "parent_object", "entry_id", "path"]);

/** Attribute slugs a filter names: its non-operator keys, at any depth of $and/$or/$not. */
function filterSlugs(filter: unknown): string[] {
  if (Array.isArray(filter)) return filter.flatMap(filterSlugs);
  if (typeof filter !== "object" || filter === null) return [];
  return Object.entries(filter).flatMap(([key, value]) =>
    key.startsWith("$") ? filterSlugs(value) : NOT_ATTRIBUTES.has(key) ? [] : [key],
  );
}

/** Every attribute slug the call named: values, filter, sorts, fields, a matching attribute. */
function namedSlugs(args: JsonObject): string[] {
  const named = [
    ...Object.keys((args.values as JsonObject | undefined) ?? {}),
    ...filterSlugs(args.filter),
    ...((args.sorts as { attribute?: unknown }[] | undefined) ?? []).map((sort) => sort?.attribute),
    ...((args.fields as unknown[] | undefined) ?? []),
    args.matching_attribute,
  ];
  return [...new Set(named.filter((slug): slug is string => typeof slug === "string" && !isUuid(slug)))];
}

/**
 * An Attio 400/404/409 with what the model needs to fix the call appended, or the error unchanged
 * when nothing the call named is wrong (or a lookup itself fails).
 */
export async function explainFailure(ctx: ToolContext, args: JsonObject, error: AttioError): Promise<AttioError> {
  const problem = error.problem;
  if (problem.kind !== "http" || ![400, 404, 409].includes(problem.status)) return error;
  const help = await findHelp(ctx, args, problem.code, problem.message).catch(() => undefined);
  return help ? new AttioError({ ...problem, message: `${problem.message} ${help}` }) : error;
}

async function findHelp(
  ctx: ToolContext,
  args: JsonObject,
  code: string,
  message: string,
): Promise<string | undefined> {
  const object = typeof args.object === "string" ? args.object : undefined;
  const list = typeof args.list === "string" ? args.list : undefined;
  if (object && !isUuid(object)) {
    const objects = await everyObjectSlug(ctx);
    if (!objects.includes(object)) return `${capital(unknownNames("object", [object], objects, "this workspace"))}.`;
  }
  if (list && !isUuid(list)) {
    const lists = await listSlugs(ctx);
    if (!lists.includes(list)) return `${capital(unknownNames("list", [list], lists, "this workspace"))}.`;
  }
  if (code === "uniqueness_conflict" && object) return holderOf(ctx, object, message);
  const target = list ? "lists" : object ? "objects" : undefined;
  const identifier = list ?? object;
  if (!target || !identifier) return undefined;
  const named = namedSlugs(args);
  // Writes already name unknown attributes (values.ts withValueHelp); say it once.
  if (named.length === 0 || message.includes("writable attributes of")) return undefined;
  const valid = [...(await attributeTypes(ctx, target, identifier)).keys()];
  const unknown = named.filter((slug) => !valid.includes(slug));
  return unknown.length > 0 ? `${capital(unknownNames("attribute", unknown, valid, identifier))}.` : undefined;
}

/** Attio names the attribute and value it refused; one query finds the record that holds it. */
async function holderOf(ctx: ToolContext, object: string, message: string): Promise<string | undefined> {
  const match = /value "([^"]+)" for unique attribute "([^"]+)"/.exec(message);
  if (!match) return undefined;
  const [, value, slug] = match as unknown as [string, string, string];
  const found = await unwrap(
    ctx.attio.POST("/v2/objects/{object}/records/query", {
      params: { path: { object } },
      body: { filter: { [slug]: value }, limit: 1, offset: 0 },
    }),
  );
  const holder = found.data[0];
  if (!holder) return undefined;
  const name = recordTitle(compactValues(holder.values, ["name"], NO_NAMES, NO_MULTI));
  return (
    `"${value}" already belongs to ${name} (${object} ${holder.id.record_id}): update that record instead, ` +
    "or merge the two with records_merge."
  );
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Why a filtered query found nothing, when the filter shows a likely cause: a member given by
 * name where Attio wants an id, or a select/status value that is not an exact title. Nothing is
 * said when the filter shows no such cause (an empty result can simply be the answer).
 */
export async function emptyResultNote(
  ctx: ToolContext,
  target: "objects" | "lists",
  identifier: string,
  filter: unknown,
): Promise<JsonObject> {
  const types = await attributeTypes(ctx, target, identifier).catch(() => new Map<string, string>());
  const used = filterSlugs(filter).map((slug) => types.get(slug));
  if (used.includes("actor-reference"))
    return {
      note:
        'Nothing matched. An actor attribute (e.g. owner) matches a member as "me", an email, a unique name, or ' +
        '{"referenced_actor_id":{"$eq":"<member id>"}} (members_list gives ids).',
    };
  if (used.includes("select") || used.includes("status"))
    return {
      note:
        "Nothing matched. Select and status values must equal an option's title exactly " +
        '(records_discover_attributes lists them, e.g. "Won 🎉").',
    };
  if (used.includes("text"))
    return { note: 'Nothing matched. Text equality is exact: {"$contains":"…"} matches part of a value.' };
  return {};
}
