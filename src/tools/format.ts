// Compact records: Attio's history-bearing values reduced to what a model reads
// (current values only, empties dropped, single values unwrapped, each type flattened).
import type { paths } from "../../generated/attio";
import type { Names } from "./references";

type RecordResponse =
  paths["/v2/objects/{object}/records/{record_id}"]["get"]["responses"][200]["content"]["application/json"];
type EntryResponse =
  paths["/v2/lists/{list}/entries/{entry_id}"]["get"]["responses"][200]["content"]["application/json"];
export type AttioRecord = RecordResponse["data"];
export type AttioEntry = EntryResponse["data"];
export type AttioValue = AttioRecord["values"][string][number];

export type Compact = string | number | boolean | { [key: string]: Compact } | Compact[];

export interface CompactRecord {
  id: string;
  object: string;
  url: string;
  created_at: string;
  values: Record<string, Compact>;
}

/** Flattens one value to its natural form, references named; null when it carries nothing. */
function compactValue(value: AttioValue, names: Names): Compact | null {
  switch (value.attribute_type) {
    case "text":
    case "number":
    case "checkbox":
    case "rating":
    case "date":
      return value.value ?? null;
    case "timestamp":
      return value.value ? shortTime(value.value) : null;
    case "currency":
      return value.currency_code
        ? { amount: value.currency_value, currency: value.currency_code }
        : value.currency_value;
    case "status":
      return value.status.title;
    case "select":
      return value.option.title;
    case "record-reference":
      return { ...names.record(value.target_object, value.target_record_id) };
    case "actor-reference":
      return value.referenced_actor_id
        ? { ...names.actor(value.referenced_actor_type, value.referenced_actor_id) }
        : null;
    case "location":
      return joinPresent([
        value.line_1,
        value.line_2,
        value.line_3,
        value.line_4,
        value.locality,
        value.region,
        value.postcode,
        value.country_code,
      ]);
    case "domain":
      return value.domain;
    case "email-address":
      return value.email_address ?? value.original_email_address ?? null;
    case "phone-number":
      return value.phone_number ?? value.original_phone_number ?? null;
    case "personal-name":
      return value.full_name || joinPresent([value.first_name, value.last_name], " ");
    case "interaction":
      return { type: value.interaction_type, at: shortTime(value.interacted_at) };
    default:
      return null;
  }
}

function joinPresent(parts: (string | null | undefined)[], separator = ", "): string | null {
  const present = parts.filter((part): part is string => typeof part === "string" && part !== "");
  return present.length > 0 ? present.join(separator) : null;
}

/**
 * Attio writes nanosecond timestamps ("2024-01-15T10:00:00.000000000Z"); trailing zero digits
 * carry nothing, so "2024-01-15T10:00:00Z" says the same in 10 fewer bytes.
 */
export function shortTime(time: string): string {
  return time.replace(/(\.\d*?)0+(Z|[+-]\d{2}:\d{2})$/, "$1$2").replace(/\.(Z|[+-])/, "$1");
}

/**
 * Shown only when asked for in `fields`: `record_id` and `created_at` repeat the envelope, and
 * `created_by` is bookkeeping a model rarely needs.
 */
const ONLY_WHEN_ASKED = new Set(["record_id", "created_at", "created_by"]);

/** The current values of each attribute shown (every one with a value, or only `fields`). */
export function currentValues(
  values: Record<string, readonly AttioValue[]>,
  fields?: readonly string[],
): [slug: string, values: AttioValue[]][] {
  const slugs = fields && fields.length > 0 ? fields : Object.keys(values).filter((slug) => !ONLY_WHEN_ASKED.has(slug));
  // `fields` come from the model: "constructor" or "__proto__" are looked up as own keys only.
  return slugs.map((slug) => [
    slug,
    (Object.hasOwn(values, slug) ? values[slug]! : []).filter(
      (value) => value.active_until === null || value.active_until === undefined,
    ),
  ]);
}

/**
 * Current values keyed by slug, empties dropped. A multi-value attribute (slug in `multi`) is
 * always an array, even with one value, so its shape does not change with its contents.
 */
export function compactValues(
  values: Record<string, readonly AttioValue[]>,
  fields: readonly string[] | undefined,
  names: Names,
  multi: ReadonlySet<string>,
): Record<string, Compact> {
  const out: Record<string, Compact> = Object.create(null);
  for (const [slug, current] of currentValues(values, fields)) {
    const compact = current
      .map((value) => compactValue(value, names))
      .filter((value): value is Compact => value !== null && value !== "");
    if (compact.length === 0) continue;
    out[slug] = multi.has(slug) || compact.length > 1 ? compact : (compact[0] as Compact);
  }
  return out;
}

export function compactRecord(
  record: AttioRecord,
  object: string,
  names: Names,
  multi: ReadonlySet<string>,
  fields?: readonly string[],
): CompactRecord {
  return {
    id: record.id.record_id,
    object,
    url: record.web_url,
    created_at: shortTime(record.created_at),
    values: compactValues(record.values, fields, names, multi),
  };
}

export interface CompactEntry {
  id: string;
  list: string;
  /** The record the entry is for: object slug, id and name. */
  parent: { object: string; id: string; name?: string };
  /** The parent record's Attio page: entries have no page of their own. */
  url: string;
  created_at: string;
  values: Record<string, Compact>;
}

export function compactEntry(
  entry: AttioEntry,
  list: string,
  workspaceSlug: string,
  names: Names,
  multi: ReadonlySet<string>,
  fields?: readonly string[],
): CompactEntry {
  const parent = names.record(entry.parent_object, entry.parent_record_id);
  return {
    id: entry.id.entry_id,
    list,
    parent,
    url: recordUrl(workspaceSlug, parent.object, parent.id),
    created_at: shortTime(entry.created_at),
    values: compactValues(entry.entry_values as Record<string, readonly AttioValue[]>, fields, names, multi),
  };
}

/** A record's display title: its name attribute, else the first text-like value. */
export function recordTitle(values: Record<string, Compact>): string {
  const name = values.name ?? values.title;
  const first = Array.isArray(name) ? name[0] : name;
  if (typeof first === "string" && first !== "") return first;
  const any = Object.values(values).find((value) => typeof value === "string");
  return typeof any === "string" ? any : "(untitled)";
}

const SINGULAR: Record<string, string> = {
  people: "person",
  companies: "company",
  deals: "deal",
  users: "user",
  workspaces: "workspace",
};

/** Attio's web address for a record, for results (search) that carry no `web_url`. */
export function recordUrl(workspaceSlug: string, object: string, recordId: string): string {
  return `https://app.attio.com/${workspaceSlug}/${SINGULAR[object] ?? object}/${recordId}`;
}

export type Actor = { id?: string | null; type?: string | null };

/** Who did something, for activity results: {id, name, email}; undefined when Attio names no one. */
export function actor(who: Actor | undefined, names: Names) {
  return who?.id ? names.actor(who.type, who.id) : undefined;
}

/** Drops undefined and null fields, in place: absent reads shorter than null. */
export function defined<T extends Record<string, unknown>>(value: T): T {
  for (const key of Object.keys(value)) if (value[key] === undefined || value[key] === null) delete value[key];
  return value;
}
