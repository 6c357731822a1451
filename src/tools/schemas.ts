// JSON Schema fragments shared by tool inputs and outputs.
import type { JsonObject } from "../mcp/types";

export const OBJECT_ARG = {
  type: "string",
  minLength: 1,
  description: "Object slug or id, e.g. companies, people, deals, or a custom object's slug.",
} as const satisfies JsonObject;

/** Attio ids are UUIDs; checking the shape here turns a typo into a clear argument error. */
const UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
const UUID_REGEX = new RegExp(UUID);

/** The same UUID check for ids found inside other strings (ChatGPT fetch ids, member references). */
export function isUuid(value: string): boolean {
  return UUID_REGEX.test(value);
}

/** A UUID-shaped id, spelled briefly for the catalogue's byte budget; Attio checks the rest. */
export const ID_ARG = { type: "string", pattern: "^[0-9a-fA-F-]{36}$" } as const satisfies JsonObject;

export function idArg(what: string): JsonObject {
  return { type: "string", pattern: UUID, description: `The ${what} id (a UUID).` };
}

export const RECORD_ID_ARG = {
  type: "string",
  pattern: UUID,
  description: "The record's id (a UUID), as returned by search or query tools.",
} as const satisfies JsonObject;

export const LIST_ARG = {
  type: "string",
  minLength: 1,
  description: "List slug or id, e.g. sales_pipeline (see lists_list).",
} as const satisfies JsonObject;

export const FIELDS_ARG = {
  type: "array",
  items: { type: "string", minLength: 1 },
  description: "Only return these attribute slugs (default: every attribute with a value).",
} as const satisfies JsonObject;

export const VALUES_ARG = {
  type: "object",
  minProperties: 1,
  description:
    "Attribute values keyed by attribute slug or id, in natural form: text, numbers, booleans, dates as " +
    "strings, select/status by title, emails/domains/phones as strings, arrays for multi-value attributes, " +
    'record references as {"object":"companies","id":"<record id>"}, currency as a number, people\'s names as "First Last". ' +
    "See records_discover_attributes for slugs and options.",
} as const satisfies JsonObject;

export const FILTER_ARG = {
  type: "object",
  description:
    'Attio filter. Shorthand equality: {"name":"Acme Corp","categories":"SaaS"}. Verbose: ' +
    '{"$and":[{"name":{"$contains":"acme"}},{"budget_hours":{"$gte":50}}]}; also $or, $not, ' +
    "$eq, $contains, $starts_with, $ends_with, $lt, $lte, $gt, $gte, $in, $not_empty; sub-fields such as " +
    '{"email_addresses":{"email_domain":{"$eq":"acme.com"}}}, {"stage":{"title":{"$eq":"Won"}}}, ' +
    '{"company":{"target_record_id":{"$eq":"<id>"}}}.',
} as const satisfies JsonObject;

export const SORTS_ARG = {
  type: "array",
  items: {
    type: "object",
    properties: {
      attribute: { type: "string", minLength: 1 },
      direction: { type: "string", enum: ["asc", "desc"] },
      field: { type: "string", minLength: 1, description: 'Sub-field, e.g. "last_name" of a name.' },
    },
    required: ["attribute", "direction"],
    additionalProperties: false,
  },
  description: 'Sort order, e.g. [{"attribute":"name","direction":"asc"}].',
} as const satisfies JsonObject;

export function limitArg(defaultLimit: number, max: number): JsonObject {
  return {
    type: "integer",
    minimum: 1,
    maximum: max,
    description: `Page size, at most ${max}. Default ${defaultLimit}.`,
  };
}

export const OFFSET_ARG = {
  type: "integer",
  minimum: 0,
  description: "Items to skip: pass the previous result's next_offset to get the next page.",
} as const satisfies JsonObject;

export const CURSOR_ARG = {
  type: "string",
  minLength: 1,
  description: "Pass the previous result's next_cursor to get the next page.",
} as const satisfies JsonObject;

/** An actor as results show it: a member's id, name and email; other actors by kind (no email). */
export const ACTOR_SCHEMA = {
  type: "object",
  properties: { id: { type: "string" }, name: { type: "string" }, email: { type: "string" } },
  required: ["id", "name"],
} as const satisfies JsonObject;

/** A record reference as results show it: object slug, id, and name (absent when unreadable). */
export const RECORD_REF_SCHEMA = {
  type: "object",
  properties: { object: { type: "string" }, id: { type: "string" }, name: { type: "string" } },
  required: ["object", "id"],
} as const satisfies JsonObject;

/** A compact value: scalars, {amount,currency}, {object,id,name}, {id,name,email}, or arrays of these. */
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

export const ENTRY_SCHEMA = {
  type: "object",
  properties: {
    id: { type: "string" },
    list: { type: "string" },
    parent: RECORD_REF_SCHEMA,
    url: { type: "string" },
    created_at: { type: "string" },
    values: { type: "object", additionalProperties: COMPACT_VALUE },
  },
  required: ["id", "list", "parent", "url", "values"],
} as const satisfies JsonObject;

/** Paging fields every list result may carry (see paging.ts). */
const PAGE_FIELDS = {
  count: { type: "integer" },
  next_offset: { type: "integer" },
  next_cursor: { type: "string" },
  truncated: { type: "boolean" },
  note: { type: "string" },
} as const;

/** Output schema of a page of `item`s under `key`. */
export function pageSchema(key: string, item: JsonObject, extra: JsonObject = {}): JsonObject {
  return {
    type: "object",
    properties: { [key]: { type: "array", items: item }, ...PAGE_FIELDS, ...extra },
    required: [key, "count"],
  };
}

/** Output of a write: what Attio holds now, and what the call wrote. */
export function writeSchema(key: string, item: JsonObject): JsonObject {
  return {
    type: "object",
    properties: { [key]: item, written: { type: "array", items: { type: "string" } }, mode: { type: "string" } },
    required: [key, "written"],
  };
}

export const DELETED_SCHEMA = {
  type: "object",
  properties: { deleted: { type: "boolean", const: true }, id: { type: "string" }, kind: { type: "string" } },
  required: ["deleted", "id", "kind"],
} as const satisfies JsonObject;
