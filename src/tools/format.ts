// Compact records: Attio's history-bearing values reduced to what a model reads
// (current values only, empties dropped, single values unwrapped, each type flattened).
import type { paths } from "../../generated/attio";

type RecordResponse =
  paths["/v2/objects/{object}/records/{record_id}"]["get"]["responses"][200]["content"]["application/json"];
type EntryResponse =
  paths["/v2/lists/{list}/entries/{entry_id}"]["get"]["responses"][200]["content"]["application/json"];
export type AttioRecord = RecordResponse["data"];
export type AttioEntry = EntryResponse["data"];
type AttioValue = AttioRecord["values"][string][number];

export type Compact = string | number | boolean | { [key: string]: Compact } | Compact[];

export interface CompactRecord {
  id: string;
  object: string;
  url: string;
  created_at: string;
  values: Record<string, Compact>;
}

/** Flattens one value to its natural form; null when it carries nothing. */
function compactValue(value: AttioValue): Compact | null {
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
      return { object: value.target_object, id: value.target_record_id };
    case "actor-reference":
      return value.referenced_actor_id ? { type: value.referenced_actor_type, id: value.referenced_actor_id } : null;
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

/** System attributes that repeat the envelope's `id` and `created_at`; shown only when asked for in `fields`. */
const ENVELOPE_DUPLICATES = new Set(["record_id", "created_at"]);

/** Current values of every attribute (or only `fields`), keyed by slug. */
export function compactValues(
  values: Record<string, readonly AttioValue[]>,
  fields?: readonly string[],
): Record<string, Compact> {
  // `fields` come from the model: "constructor" or "__proto__" are looked up as own keys only.
  const out: Record<string, Compact> = Object.create(null);
  const slugs =
    fields && fields.length > 0 ? fields : Object.keys(values).filter((slug) => !ENVELOPE_DUPLICATES.has(slug));
  for (const slug of slugs) {
    const current = (Object.hasOwn(values, slug) ? values[slug]! : [])
      .filter((value) => value.active_until === null || value.active_until === undefined)
      .map(compactValue)
      .filter((value): value is Compact => value !== null && value !== "");
    if (current.length === 1) out[slug] = current[0] as Compact;
    else if (current.length > 1) out[slug] = current;
  }
  return out;
}

export function compactRecord(record: AttioRecord, object: string, fields?: readonly string[]): CompactRecord {
  return {
    id: record.id.record_id,
    object,
    url: record.web_url,
    created_at: shortTime(record.created_at),
    values: compactValues(record.values, fields),
  };
}

export interface CompactEntry {
  id: string;
  list: string;
  parent_object: string;
  parent_record_id: string;
  /** The parent record's Attio page: entries have no page of their own. */
  url: string;
  created_at: string;
  values: Record<string, Compact>;
}

export function compactEntry(
  entry: AttioEntry,
  list: string,
  workspaceSlug: string,
  fields?: readonly string[],
): CompactEntry {
  return {
    id: entry.id.entry_id,
    list,
    parent_object: entry.parent_object,
    parent_record_id: entry.parent_record_id,
    url: recordUrl(workspaceSlug, entry.parent_object, entry.parent_record_id),
    created_at: shortTime(entry.created_at),
    values: compactValues(entry.entry_values as Record<string, readonly AttioValue[]>, fields),
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

/** Who did something, for activity results. Members are named by id; members_list resolves them. Other actors keep their type. */
export function actor(who: Actor | undefined): string | undefined {
  if (!who?.id) return who?.type ?? undefined;
  return who.type === "workspace-member" ? who.id : `${who.type}:${who.id}`;
}

/** Drops undefined and null fields, in place: absent reads shorter than null. */
export function defined<T extends Record<string, unknown>>(value: T): T {
  for (const key of Object.keys(value)) if (value[key] === undefined || value[key] === null) delete value[key];
  return value;
}
