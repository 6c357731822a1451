// Each attribute's type by slug, for an object or a list. Read from the same cached attribute list
// that names references (attributes.ts: one request a minute per workspace, forgotten when
// attributes_save changes it), so resolving members in values and filters, and explaining
// failures, add no request of their own.
import { attributeList, type AttributeTarget } from "./attributes";
import type { ToolContext } from "./tool";

export type { AttributeTarget };

export async function attributeTypes(
  ctx: ToolContext,
  target: AttributeTarget,
  identifier: string,
): Promise<Map<string, string>> {
  const attributes = await attributeList(ctx, target, identifier);
  return new Map(attributes.map((attribute) => [attribute.api_slug, attribute.type]));
}
