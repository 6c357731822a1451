// JSON Schema fragments shared by tool inputs and outputs.
import type { JsonObject } from "../mcp/types";

// Argument fragments say only what the name does not: the conventions they share (id forms,
// value forms, filter syntax, paging) are stated once, in the server's instructions
// (src/mcp/server.ts) and per attribute by records_discover_attributes.

export const OBJECT_ARG = { type: "string" } as const;

/** Ids are checked in one place (ids.ts), which also accepts ChatGPT's record:<object>:<id>. */
export const RECORD_ID_ARG = { type: "string" } as const;

export function idArg(): JsonObject {
  return { type: "string" };
}

export const LIST_ARG = { type: "string" } as const;

export const FIELDS_ARG = {
  type: "array",
  items: { type: "string" },
  description: "Attribute slugs to return; default all with a value",
} as const;

export const VALUES_ARG = {
  type: "object",
  minProperties: 1,
  description: "Attribute slug → value; forms per attribute from records_discover_attributes",
} as const;

export const FILTER_ARG = { type: "object", description: 'Attio filter, e.g. {"stage":"Won"}' } as const;

export const SORTS_ARG = {
  type: "array",
  items: {
    type: "object",
    properties: { attribute: { type: "string" }, direction: { enum: ["asc", "desc"] }, field: { type: "string" } },
    required: ["attribute", "direction"],
    additionalProperties: false,
  },
} as const;

/** Page size: the default is stated here once; the registry fills it in (validate.ts withDefaults). */
export function limitArg(defaultLimit: number, max: number): JsonObject {
  return { type: "integer", minimum: 1, maximum: max, default: defaultLimit };
}

export const OFFSET_ARG = { type: "integer", minimum: 0, default: 0 } as const;

export const CURSOR_ARG = { type: "string", minLength: 1 } as const;

export const OVERWRITE_ARG = {
  type: "boolean",
  default: false,
  description: "Replace multi-value attributes instead of adding to them",
} as const;

type Kind = "string" | "integer" | "number" | "boolean" | "object" | "object[]" | "string[]";
type Spec = Record<string, `${Kind}${"" | "?"}`>;

/**
 * An output schema from a one-line spec: `{count: "integer", note: "string?"}`; "?" marks an
 * optional key. Output schemas stay shallow (item shapes are the tool's documented forms): they
 * are part of every tools/list, and no client shows the model nested output detail.
 */
export function outputOf(spec: Spec): JsonObject {
  const properties: JsonObject = {};
  const required: string[] = [];
  for (const [key, kind] of Object.entries(spec)) {
    const bare = kind.replace("?", "") as Kind;
    properties[key] = bare.endsWith("[]") ? { type: "array", items: { type: bare.slice(0, -2) } } : { type: bare };
    if (!kind.endsWith("?")) required.push(key);
  }
  return { type: "object", properties, required };
}

export const RECORD_SCHEMA = outputOf({ id: "string", object: "string", url: "string", values: "object" });

export const ENTRY_SCHEMA = outputOf({
  id: "string",
  list: "string",
  parent_object: "string",
  parent_record_id: "string",
  values: "object",
});

/** A page of items under `key`, paged by offset (next_offset) or cursor (next_cursor). */
export function pageSchema(key: string, paging: "offset" | "cursor" | "whole" = "offset"): JsonObject {
  const spec: Spec = { [key]: "object[]", count: "integer" };
  if (paging === "offset") spec.next_offset = "integer?";
  if (paging === "cursor") spec.next_cursor = "string?";
  return outputOf(spec);
}

/** Output of a write: what Attio holds now, and what the call wrote. */
export function writeSchema(key: string): JsonObject {
  return outputOf({ [key]: "object", written: "string[]" });
}

export const DELETED_SCHEMA = outputOf({ deleted: "boolean", id: "string", kind: "string" });
