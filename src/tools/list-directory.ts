// The workspace's lists by id, with slug and name, loaded once per workspace per minute: names the
// lists a record is on (record_overview) and the valid list slugs in argument errors (explain.ts).
// lists_save forgets it, so a new or renamed list shows at once.
import { unwrap } from "../attio/client";
import { memo } from "./cache";
import type { ToolContext } from "./tool";

/** List id → slug and name (GET /v2/lists is not paginated: one request names every list). */
export function listDirectory(ctx: ToolContext): Promise<Map<string, { slug: string; name: string }>> {
  return memo(ctx, ["lists"], async () => {
    const listed = await unwrap(ctx.attio.GET("/v2/lists"));
    return new Map(listed.data.map((l) => [l.id.list_id, { slug: l.api_slug, name: l.name }]));
  });
}
