// Each attribute's type by slug, for an object or a list: one request, cached a minute per
// workspace (cache.ts). Enough to resolve members in values and filters, and to explain failures,
// without the per-select option requests records_discover_attributes makes.
import { unwrap } from "../attio/client";
import { memo } from "./cache";
import type { ToolContext } from "./tool";

export type AttributeTarget = "objects" | "lists";

export function attributeTypes(
  ctx: ToolContext,
  target: AttributeTarget,
  identifier: string,
): Promise<Map<string, string>> {
  return memo(ctx, ["attribute-types", target, identifier], async () => {
    const listed = await unwrap(
      ctx.attio.GET("/v2/{target}/{identifier}/attributes", { params: { path: { target, identifier } } }),
    );
    return new Map(listed.data.filter((a) => !a.is_archived).map((a) => [a.api_slug, a.type]));
  });
}
