// The workspace's objects by id and by slug, loaded once per workspace per minute: Attio names an
// object by UUID in some places (task linked_records, attribute configs) and by slug in others;
// results always say the slug.
import { unwrap } from "../attio/client";
import { memo } from "./cache";
import { isUuid } from "./schemas";
import type { ToolContext } from "./tool";

/** Object id → api slug (GET /v2/objects is not paginated: one request names every object). */
export function objectSlugs(ctx: ToolContext): Promise<Map<string, string>> {
  return memo(ctx, ["object-slugs"], async () => {
    const listed = await unwrap(ctx.attio.GET("/v2/objects"));
    return new Map(listed.data.map((o) => [o.id.object_id, o.api_slug ?? o.id.object_id]));
  });
}

/** Every object's slug, standard and custom, from the same cached request (objects without a slug are left out). */
export async function everyObjectSlug(ctx: ToolContext): Promise<string[]> {
  return [...(await objectSlugs(ctx))].flatMap(([id, slug]) => (slug === id ? [] : [slug]));
}

/** The slug of an object given by slug or id; a slug is returned as given, with no request. */
export async function objectSlug(ctx: ToolContext, object: string): Promise<string> {
  if (!isUuid(object)) return object;
  return (await objectSlugs(ctx)).get(object.toLowerCase()) ?? object;
}
