// JSON Schema fragments shared by tool inputs and outputs.
import type { JsonObject } from "../mcp/types";

export const OBJECT_ARG = {
  type: "string",
  minLength: 1,
  description: "Object slug or id, e.g. companies, people, deals, or a custom object's slug.",
} as const satisfies JsonObject;

export const RECORD_ID_ARG = {
  type: "string",
  pattern: "^[0-9a-fA-F-]{36}$",
  description: "The record's id (a UUID), as returned by search or query tools.",
} as const satisfies JsonObject;

export const FIELDS_ARG = {
  type: "array",
  items: { type: "string", minLength: 1 },
  description: "Only return these attribute slugs (default: every attribute with a value).",
} as const satisfies JsonObject;

/** A compact value: scalars, {amount,currency}, {object,id}, or arrays of these. */
const COMPACT_VALUE = {} as const;

export const RECORD_SCHEMA = {
  type: "object",
  properties: {
    id: { type: "string" },
    object: { type: "string" },
    url: { type: "string" },
    created_at: { type: "string" },
    values: { type: "object", additionalProperties: COMPACT_VALUE },
  },
  required: ["id", "object", "url", "values"],
} as const satisfies JsonObject;
