// JSON Schema fragments shared by tool inputs and outputs.
import type { JsonObject } from "../mcp/types";

// Argument fragments say only what the name does not: the conventions they share (id forms,
// value forms, filter syntax, paging) are stated once, in the server's instructions
// (src/mcp/server.ts) and per attribute by records_discover_attributes.

export const OBJECT_ARG = { type: "string" } as const;

/** Attio ids are UUIDs: the one check, used by ids.ts for every id argument and for ids inside other strings. */
const UUID_REGEX = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isUuid(value: string): boolean {
  return UUID_REGEX.test(value);
}

/** Ids are checked in one place (ids.ts), which also accepts ChatGPT's record:<object>:<id>. */
export const RECORD_ID_ARG = { type: "string" } as const;

/** Any other id (note, task, entry, …): checked by ids.ts too. */
export const ID_ARG = { type: "string" } as const;

export function idArg(): JsonObject {
  return { ...ID_ARG };
}

export const LIST_ARG = { type: "string" } as const;

export const FIELDS_ARG = { type: "array", items: { type: "string" } } as const;

/** Value forms are in the instructions and, per attribute, in records_discover_attributes. */
export const VALUES_ARG = { type: "object", minProperties: 1 } as const;

/** Filter syntax is in the instructions. */
export const FILTER_ARG = { type: "object" } as const;

export const SORTS_ARG = {
  type: "array",
  items: { type: "object" },
  description: '[{"attribute":"name","direction":"asc"}]',
} as const;

/** Page size: the default is stated here once; the registry fills it in (validate.ts withDefaults). */
export function limitArg(defaultLimit: number, max: number): JsonObject {
  return { type: "integer", minimum: 1, maximum: max, default: defaultLimit };
}

export const OFFSET_ARG = { type: "integer", minimum: 0, default: 0 } as const;

export const CURSOR_ARG = { type: "string", minLength: 1 } as const;

/** Replace multi-value attributes instead of adding to them (PUT instead of PATCH). */
export const OVERWRITE_ARG = { type: "boolean", default: false } as const;

type Kind = "string" | "integer" | "number" | "boolean" | "object" | "object[]" | "string[]";
type Spec = Record<string, `${Kind}${"" | "?"}`>;

/**
 * An output schema from a one-line spec: `{count: "integer", next_offset: "integer?"}`. Output
 * schemas stay shallow (top-level keys and their types; "?" marks keys a result may leave out,
 * which the schema then only types): they are part of every tools/list, which every
 * conversation pays for, and no client shows a model nested output detail.
 */
export function outputOf(spec: Spec): JsonObject {
  const properties: JsonObject = {};
  const required: string[] = [];
  for (const [key, kind] of Object.entries(spec)) {
    const bare = kind.replace("?", "") as Kind;
    properties[key] = bare.endsWith("[]") ? { type: "array" } : { type: bare };
    if (!kind.endsWith("?")) required.push(key);
  }
  return { type: "object", properties, required };
}

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
