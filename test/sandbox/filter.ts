// Attio's query filter and sort language over records and entries: shorthand equality
// ({"name":"Acme"}), the verbose form with $and/$or/$not and per-field comparison operators
// ({"name":{"full_name":{"$eq":...}}}), and sorts by attribute (+ optional field).
// A malformed filter is a 400 filter_error naming the offending part, as Attio does.
import { type AttioError, badRequest } from "./errors";
import { currentValues, findAttribute } from "./model";
import type { AttributeDef, StoredValue, ValueMap } from "./types";
import { LOCATION_FIELDS } from "./values";

export interface Row {
  values: ValueMap;
  /** Pseudo attributes such as record_id or parent_record_id. */
  ids: Record<string, string>;
}
type Pred = (row: Row) => boolean;

const OPERATORS = [
  "$eq",
  "$contains",
  "$starts_with",
  "$ends_with",
  "$lt",
  "$lte",
  "$gt",
  "$gte",
  "$in",
  "$not_empty",
] as const;
type Op = (typeof OPERATORS)[number];
const isOp = (k: string): k is Op => (OPERATORS as readonly string[]).includes(k);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const filterError = (message: string): AttioError => badRequest("filter_error", message);

/** The field a bare comparison on an attribute of this type applies to. */
const DEFAULT_FIELD: Record<string, string> = {
  currency: "currency_value",
  status: "title",
  select: "title",
  "record-reference": "target_record_id",
  "actor-reference": "referenced_actor_id",
  domain: "domain",
  "email-address": "email_address",
  "phone-number": "phone_number",
  "personal-name": "full_name",
  location: "locality",
  interaction: "interacted_at",
};

/** Reads a comparable field of a value; status/select expose their option's title and id. */
function fieldOf(v: StoredValue, field: string | undefined): unknown {
  const f = field ?? DEFAULT_FIELD[v.attribute_type] ?? "value";
  const nested = (v.status ?? v.option) as
    | { id: { status_id?: string; option_id?: string }; title: string }
    | undefined;
  if (nested && (f === "title" || f === "status" || f === "option")) return nested.title;
  if (nested && (f === "id" || f === "status_id" || f === "option_id"))
    return nested.id.status_id ?? nested.id.option_id;
  if (v.attribute_type === "record-reference" && f === "target_object") return v.target_object;
  return v[f];
}

function fieldsOf(type: string): string[] {
  const map: Record<string, string[]> = {
    "personal-name": ["first_name", "last_name", "full_name"],
    "email-address": [
      "email_address",
      "original_email_address",
      "email_domain",
      "email_root_domain",
      "email_local_specifier",
    ],
    domain: ["domain", "root_domain"],
    "phone-number": ["phone_number", "original_phone_number", "country_code"],
    location: LOCATION_FIELDS,
    currency: ["currency_value", "currency_code"],
    status: ["title", "status", "id", "status_id"],
    select: ["title", "option", "id", "option_id"],
    "record-reference": ["target_record_id", "target_object"],
    "actor-reference": ["referenced_actor_id", "referenced_actor_type"],
    interaction: ["interacted_at", "interaction_type"],
  };
  return map[type] ?? ["value"];
}

function norm(x: unknown): unknown {
  return typeof x === "string" ? x.toLowerCase() : x;
}

function compare(op: Op, actual: unknown, expected: unknown, where: string): boolean {
  if (actual === undefined || actual === null) return false;
  const a = norm(actual);
  const e = norm(expected);
  switch (op) {
    case "$eq":
      return a === e || (typeof a === "number" && Number(e) === a);
    case "$in":
      if (!Array.isArray(expected)) throw filterError(`Operator $in on ${where} expects an array.`);
      return expected.map(norm).includes(a);
    case "$contains":
      return String(a).includes(String(e));
    case "$starts_with":
      return String(a).startsWith(String(e));
    case "$ends_with":
      return String(a).endsWith(String(e));
    case "$lt":
      return (a as number) < (e as number);
    case "$lte":
      return (a as number) <= (e as number);
    case "$gt":
      return (a as number) > (e as number);
    case "$gte":
      return (a as number) >= (e as number);
    case "$not_empty":
      return true;
  }
}

/** Conditions on one attribute: `value`, `{$op: value}`, `{field: value}`, `{field: {$op: value}}`. */
function attributePred(attr: AttributeDef | undefined, slug: string, spec: unknown): Pred {
  const read = (row: Row): unknown[] =>
    attr ? currentValues(row.values, attr.api_slug) : row.ids[slug] !== undefined ? [row.ids[slug]] : [];
  const pick = (v: unknown, field: string | undefined): unknown => (attr ? fieldOf(v as StoredValue, field) : v);
  const conds: { field: string | undefined; op: Op; expected: unknown }[] = [];
  const addOps = (field: string | undefined, ops: Record<string, unknown>) => {
    for (const [op, expected] of Object.entries(ops)) {
      if (!isOp(op))
        throw filterError(
          `Unknown filter operator "${op}" on attribute "${slug}". Valid operators: ${OPERATORS.join(", ")}`,
        );
      conds.push({ field, op, expected });
    }
  };
  if (!isObj(spec)) conds.push({ field: undefined, op: "$eq", expected: spec });
  else {
    for (const [key, inner] of Object.entries(spec)) {
      if (isOp(key)) addOps(undefined, { [key]: inner });
      else if (key.startsWith("$"))
        throw filterError(
          `Unknown filter operator "${key}" on attribute "${slug}". Valid operators: ${OPERATORS.join(", ")}`,
        );
      else {
        if (attr && !fieldsOf(attr.type).includes(key)) {
          throw filterError(
            `Attribute "${slug}" of type ${attr.type} has no field "${key}". ` +
              `Valid fields: ${fieldsOf(attr.type).join(", ")}`,
          );
        }
        if (isObj(inner)) addOps(key, inner);
        else conds.push({ field: key, op: "$eq", expected: inner });
      }
    }
  }
  return (row) => {
    const values = read(row);
    return conds.every(({ field, op, expected }) => {
      if (op === "$not_empty") return values.length > 0 === (expected !== false);
      // A bare select/status comparison matches the option's title or its id, like Attio's shorthand.
      const byId = field === undefined && (attr?.type === "select" || attr?.type === "status");
      return values.some(
        (v) =>
          compare(op, pick(v, field), expected, `"${slug}"`) ||
          (byId && compare(op, pick(v, "id"), expected, `"${slug}"`)),
      );
    });
  };
}

/** Compiles a filter once per query; throws filter_error on unknown attributes or operators. */
export function compileFilter(filter: unknown, attrs: AttributeDef[], pseudo: string[]): Pred {
  if (filter === undefined || filter === null) return () => true;
  if (!isObj(filter)) throw filterError("Error in filter: the filter must be an object.");
  const preds: Pred[] = [];
  for (const [key, spec] of Object.entries(filter)) {
    if (key === "$and" || key === "$or") {
      if (!Array.isArray(spec)) throw filterError(`Error in filter: ${key} expects an array of filters.`);
      const parts = spec.map((f) => compileFilter(f, attrs, pseudo));
      preds.push(key === "$and" ? (r) => parts.every((p) => p(r)) : (r) => parts.some((p) => p(r)));
    } else if (key === "$not") {
      const inner = compileFilter(spec, attrs, pseudo);
      preds.push((r) => !inner(r));
    } else if (key === "path") {
      throw filterError("Error in filter: path filters are not supported by the sandbox.");
    } else if (key.startsWith("$")) {
      throw filterError(`Error in filter: unknown logical operator "${key}". Valid: $and, $or, $not`);
    } else {
      const attr = findAttribute(attrs, key);
      if (!attr && !pseudo.includes(key)) throw filterError(`Error in filter: unknown attribute slug/ID "${key}".`);
      preds.push(attributePred(attr, key, spec));
    }
  }
  return (row) => preds.every((p) => p(row));
}

export interface Sort {
  direction: "asc" | "desc";
  attribute?: string;
  field?: string;
  path?: unknown;
}

/** Stable multi-key sort; rows without a value sort last regardless of direction. */
export function sortRows<T extends Row>(rows: T[], sorts: Sort[] | undefined, attrs: AttributeDef[]): T[] {
  if (!sorts?.length) return rows;
  const keys = sorts.map((s) => {
    if (!s.attribute)
      throw filterError("Error in sorts: path sorts are not supported by the sandbox; sort by attribute.");
    const attr = findAttribute(attrs, s.attribute);
    if (!attr) throw filterError(`Error in sorts: unknown attribute slug/ID "${s.attribute}".`);
    return { attr, field: s.field, dir: s.direction === "desc" ? -1 : 1 };
  });
  return [...rows].sort((x, y) => {
    for (const { attr, field, dir } of keys) {
      const a = norm(currentValues(x.values, attr.api_slug).map((v) => fieldOf(v, field))[0]);
      const b = norm(currentValues(y.values, attr.api_slug).map((v) => fieldOf(v, field))[0]);
      if (a === b) continue;
      if (a === undefined || a === null) return 1;
      if (b === undefined || b === null) return -1;
      return (a < b ? -1 : 1) * dir;
    }
    return 0;
  });
}
