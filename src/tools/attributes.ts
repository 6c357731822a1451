// Attribute metadata, compacted for a model, with select/status options resolved.
// Cached per isolate for a short time, keyed by workspace so nothing crosses workspaces (cache.ts).
import { unwrap } from "../attio/client";
import type { components } from "../../generated/attio";
import { memo, remember } from "./cache";
import { objectSlugs } from "./object-directory";
import type { ToolContext } from "./tool";

export interface CompactAttribute {
  slug: string;
  title: string;
  type: string;
  multiselect: boolean;
  required: boolean;
  unique: boolean;
  writable: boolean;
  /** Titles of active options (select) or statuses (status). */
  options?: string[];
  /** Target objects (slugs) of a record-reference attribute. */
  references?: string[];
  /** ISO 4217 code a currency attribute stores amounts in. */
  currency?: string;
}

export type AttributeTarget = "objects" | "lists";

/**
 * @internal Exported for test/tools/hardening.test.ts. Option and status lookups in flight at once:
 * an object with 50 selects must not open 50 connections (Workers allow 6 simultaneous per request)
 * or spend half of Attio's 100 reads/s.
 * @internal exported for tests (knip --production ignores it)
 */
export const MAX_CONCURRENT_LOOKUPS = 4;

type AttioAttribute = Awaited<ReturnType<typeof fetchAttributeList>>[number];

/** An object's or list's live attributes as Attio lists them (one request, cached a minute). */
export function attributeList(
  ctx: ToolContext,
  target: AttributeTarget,
  identifier: string,
): Promise<AttioAttribute[]> {
  // Under "attributes" so attributes_save forgets it with the compact form (cache.ts forget by prefix).
  return memo(ctx, ["attributes", target, identifier, "raw"], () => fetchAttributeList(ctx, target, identifier));
}

async function fetchAttributeList(ctx: ToolContext, target: AttributeTarget, identifier: string) {
  const listed = await unwrap(
    ctx.attio.GET("/v2/{target}/{identifier}/attributes", { params: { path: { target, identifier } } }),
  );
  return listed.data.filter((attribute) => !attribute.is_archived);
}

/** Slugs of the multi-value attributes, whose compact values are always arrays. */
export async function multiValued(
  ctx: ToolContext,
  target: AttributeTarget,
  identifier: string,
): Promise<ReadonlySet<string>> {
  const attributes = await attributeList(ctx, target, identifier);
  return new Set(attributes.filter((attribute) => attribute.is_multiselect).map((attribute) => attribute.api_slug));
}

export function describeAttributes(
  ctx: ToolContext,
  target: AttributeTarget,
  identifier: string,
): Promise<CompactAttribute[]> {
  return memo(ctx, ["attributes", target, identifier], async () => {
    const { attributes, ownerId } = await fetchAttributes(ctx, target, identifier);
    // The same metadata answers the object's (or list's) id and its slug, whichever comes next.
    if (ownerId && ownerId !== identifier) remember(ctx, ["attributes", target, ownerId], attributes);
    return attributes;
  });
}

async function fetchAttributes(
  ctx: ToolContext,
  target: AttributeTarget,
  identifier: string,
): Promise<{ attributes: CompactAttribute[]; ownerId?: string }> {
  const live = await attributeList(ctx, target, identifier);
  // Attio names allowed objects by id; results say slugs (one cached GET /v2/objects when needed).
  const slugs = live.some((a) => a.type === "record-reference") ? await objectSlugs(ctx) : new Map<string, string>();
  const attributes = await mapLimited(live, MAX_CONCURRENT_LOOKUPS, async (attribute): Promise<CompactAttribute> => {
    const compact = compactAttribute(attribute, slugs);
    const path = { target, identifier, attribute: attribute.id.attribute_id };
    if (attribute.type === "select") {
      const options = await unwrap(
        ctx.attio.GET("/v2/{target}/{identifier}/attributes/{attribute}/options", { params: { path } }),
      );
      compact.options = options.data.filter((option) => !option.is_archived).map((option) => option.title);
    } else if (attribute.type === "status") {
      const statuses = await unwrap(
        ctx.attio.GET("/v2/{target}/{identifier}/attributes/{attribute}/statuses", { params: { path } }),
      );
      compact.options = statuses.data.filter((status) => !status.is_archived).map((status) => status.title);
    }
    return compact;
  });
  return { attributes, ownerId: live[0]?.id.object_id };
}

/**
 * One attribute as the tools show it (options are added by the caller, which knows them): the
 * allowed objects of a reference by slug, as `slugs` (objectSlugs) names them.
 */
export function compactAttribute(
  attribute: components["schemas"]["attribute"],
  slugs: ReadonlyMap<string, string>,
): CompactAttribute {
  const compact: CompactAttribute = {
    slug: attribute.api_slug,
    title: attribute.title,
    type: attribute.type,
    multiselect: attribute.is_multiselect,
    required: attribute.is_required,
    unique: attribute.is_unique,
    writable: attribute.is_writable,
  };
  const code = attribute.type === "currency" ? attribute.config?.currency?.default_currency_code : undefined;
  if (code) compact.currency = code;
  const allowed = attribute.config?.record_reference?.allowed_object_ids;
  if (attribute.type === "record-reference" && allowed && allowed.length > 0)
    compact.references = allowed.map((id) => slugs.get(id) ?? id);
  return compact;
}

/** `Promise.all(items.map(run))` with at most `limit` runs in flight; results keep their order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
