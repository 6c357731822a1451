// Applying a write payload ({slug: value(s)}) to a record's or entry's value map with Attio's
// semantics: create, append (PATCH/assert: multiselect values are added) or overwrite (PUT).
// Everything is validated before anything is mutated, so a 400 leaves state untouched.
import { badRequest, conflict } from "./errors";
import { currentValues, findAttribute } from "./model";
import type { AttributeDef, StoredValue, ValueMap } from "./types";
import { parseValues, type WriteCtx } from "./values";

export type WriteMode = "create" | "append" | "overwrite";

/** Identity of a value for de-duplication and uniqueness: two values with one key are "the same". */
export function valueKey(v: StoredValue): string {
  switch (v.attribute_type) {
    case "domain":
      return String(v.domain);
    case "email-address":
      return String(v.email_address);
    case "phone-number":
      return String(v.phone_number);
    case "record-reference":
      return String(v.target_record_id);
    case "actor-reference":
      return String(v.referenced_actor_id);
    case "select":
      return (v.option as { id: { option_id: string } }).id.option_id;
    case "status":
      return (v.status as { id: { status_id: string } }).id.status_id;
    case "personal-name":
      return String(v.full_name);
    case "currency":
      return String(v.currency_value);
    case "location":
      return JSON.stringify([v.line_1, v.locality, v.region, v.postcode, v.country_code]);
    case "interaction":
      return `${String(v.interaction_type)}@${String(v.interacted_at)}`;
    default:
      return String(v.value);
  }
}

export interface UniqueScope {
  /** Other rows whose values must not collide with unique attributes. */
  others: () => { id: string; values: ValueMap }[];
}

/** Parses a payload into per-attribute values; throws on unknown or read-only attributes. */
function parsePayload(
  ctx: WriteCtx,
  attrs: AttributeDef[],
  payload: Record<string, unknown>,
  opts: { system?: boolean } = {},
) {
  const parsed: [AttributeDef, StoredValue[]][] = [];
  for (const [slug, raw] of Object.entries(payload)) {
    const attr = findAttribute(attrs, slug);
    if (!attr) throw badRequest("value_not_found", `Cannot find attribute with slug/ID "${slug}".`);
    if (!attr.is_writable && !opts.system) {
      throw badRequest(
        "immutable_value",
        `Attribute "${attr.api_slug}" is not writable; its value is managed by Attio.`,
      );
    }
    parsed.push([attr, parseValues(ctx, attr, raw)]);
  }
  return parsed;
}

export function applyPayload(
  ctx: WriteCtx,
  attrs: AttributeDef[],
  target: ValueMap,
  payload: Record<string, unknown>,
  mode: WriteMode,
  unique: UniqueScope,
  opts: { system?: boolean } = {},
): void {
  const parsed = parsePayload(ctx, attrs, payload, opts);
  checkRequired(attrs, target, parsed, mode);
  checkUnique(parsed, unique);
  for (const [attr, values] of parsed) setValues(ctx, attr, target, values, mode);
}

function checkRequired(
  attrs: AttributeDef[],
  target: ValueMap,
  parsed: [AttributeDef, StoredValue[]][],
  mode: WriteMode,
): void {
  const given = new Map(parsed.map(([a, v]) => [a.api_slug, v.length]));
  for (const attr of attrs) {
    if (!attr.is_required) continue;
    const count = given.get(attr.api_slug);
    const missing =
      mode === "create"
        ? !count
        : count === 0 || (count === undefined && currentValues(target, attr.api_slug).length === 0);
    if (missing) {
      throw badRequest(
        "missing_value",
        `Required value for attribute with ID "${attr.id}" (slug "${attr.api_slug}") was not provided.`,
      );
    }
  }
}

function checkUnique(parsed: [AttributeDef, StoredValue[]][], unique: UniqueScope): void {
  for (const [attr, values] of parsed) {
    if (!attr.is_unique || values.length === 0) continue;
    const wanted = new Set(values.map(valueKey));
    for (const row of unique.others()) {
      const clash = currentValues(row.values, attr.api_slug).find((v) => wanted.has(valueKey(v)));
      if (clash) {
        throw conflict(
          "uniqueness_conflict",
          `Uniqueness conflict: the value "${valueKey(clash)}" for unique attribute "${attr.api_slug}" already belongs to record "${row.id}".`,
        );
      }
    }
  }
}

function setValues(ctx: WriteCtx, attr: AttributeDef, target: ValueMap, values: StoredValue[], mode: WriteMode): void {
  target[attr.api_slug] ??= [];
  const all = target[attr.api_slug]!;
  const current = all.filter((v) => v.active_until === null);
  if (attr.is_multiselect && mode === "append") {
    const have = new Set(current.map(valueKey));
    all.push(...values.filter((v) => !have.has(valueKey(v))));
    return;
  }
  // Single values and overwrites: end the current values (kept as history), keep unchanged ones.
  const next = new Set(values.map(valueKey));
  const kept = new Set<string>();
  for (const v of current) {
    if (next.has(valueKey(v)) && !kept.has(valueKey(v))) kept.add(valueKey(v));
    else v.active_until = ctx.now;
  }
  all.push(...values.filter((v) => !kept.has(valueKey(v))));
}
