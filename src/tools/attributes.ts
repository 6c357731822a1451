// Attribute metadata, compacted for a model, with select/status options resolved.
// Cached per isolate for a short time, keyed by workspace so nothing crosses workspaces (cache.ts).
import { unwrap } from "../attio/client";
import { memo } from "./cache";
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
  /** Target objects of a record-reference attribute. */
  references?: string[];
  /** ISO 4217 code a currency attribute stores amounts in. */
  currency?: string;
}

export type AttributeTarget = "objects" | "lists";

export function describeAttributes(
  ctx: ToolContext,
  target: AttributeTarget,
  identifier: string,
): Promise<CompactAttribute[]> {
  return memo(ctx, ["attributes", target, identifier], () => fetchAttributes(ctx, target, identifier));
}

async function fetchAttributes(
  ctx: ToolContext,
  target: AttributeTarget,
  identifier: string,
): Promise<CompactAttribute[]> {
  const listed = await unwrap(
    ctx.attio.GET("/v2/{target}/{identifier}/attributes", { params: { path: { target, identifier } } }),
  );
  const live = listed.data.filter((attribute) => !attribute.is_archived);
  return Promise.all(
    live.map(async (attribute): Promise<CompactAttribute> => {
      const compact: CompactAttribute = {
        slug: attribute.api_slug,
        title: attribute.title,
        type: attribute.type,
        multiselect: attribute.is_multiselect,
        required: attribute.is_required,
        unique: attribute.is_unique,
        writable: attribute.is_writable,
      };
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
      } else if (attribute.type === "currency") {
        const code = attribute.config?.currency?.default_currency_code;
        if (code) compact.currency = code;
      } else if (attribute.type === "record-reference") {
        const allowed = attribute.config?.record_reference?.allowed_object_ids;
        if (allowed && allowed.length > 0) compact.references = allowed;
      }
      return compact;
    }),
  );
}
