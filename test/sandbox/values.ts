// Attio's write-value rules: turn the loose input a client sends (scalar, object or array) into
// verbose stored values. Each type accepts the shorthand Attio documents, and every rejection
// is a 400 whose message names the attribute, so clients can surface it to users.
import { badRequest } from "./errors";
import { findMember, findObject, recordsOf, currentValues } from "./model";
import { renderOption, renderStatus } from "./render";
import type { Actor, AttributeDef, StatusDef, StoredValue, Workspace } from "./types";
import { isUuid, normaliseTimestamp } from "./util";
import { phoneFields, rootDomain } from "./contact";

export interface WriteCtx {
  ws: Workspace;
  actor: Actor;
  now: string;
}

type Fields = Record<string, unknown>;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function invalid(attr: AttributeDef, expected: string, got: unknown): never {
  throw badRequest(
    "validation_type",
    `Invalid value for attribute "${attr.api_slug}" (type ${attr.type}): ` +
      `expected ${expected}, got ${JSON.stringify(got)}.`,
  );
}

/** Unwraps `{value: x}` so `"x"` and `{value:"x"}` are handled alike. */
function scalar(raw: unknown): unknown {
  return isObj(raw) && "value" in raw ? raw.value : raw;
}

function text(attr: AttributeDef, raw: unknown): Fields {
  const v = scalar(raw);
  if (typeof v !== "string") invalid(attr, "a string", raw);
  return { value: v };
}

function num(attr: AttributeDef, raw: unknown): Fields {
  const v = scalar(raw);
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  if (typeof n !== "number" || !Number.isFinite(n)) invalid(attr, "a number", raw);
  return { value: n };
}

function checkbox(attr: AttributeDef, raw: unknown): Fields {
  const v = scalar(raw);
  if (v === "true" || v === "false") return { value: v === "true" };
  if (typeof v !== "boolean") invalid(attr, "a boolean", raw);
  return { value: v };
}

/** A bare amount takes the attribute's default currency; a code written with it is kept as written. */
function currency(attr: AttributeDef, raw: unknown): Fields {
  const v = isObj(raw) && "currency_value" in raw ? raw.currency_value : raw;
  if (typeof v !== "number" || !Number.isFinite(v)) invalid(attr, "a number or {currency_value}", raw);
  const code = isObj(raw) ? raw.currency_code : undefined;
  if (code !== undefined && (typeof code !== "string" || !/^[A-Z]{3}$/.test(code)))
    invalid(attr, "currency_code as an ISO 4217 code such as EUR", raw);
  return { currency_value: v, currency_code: code ?? attr.currency_code ?? "USD" };
}

function date(attr: AttributeDef, raw: unknown): Fields {
  const v = scalar(raw);
  if (typeof v !== "string" || Number.isNaN(Date.parse(v))) invalid(attr, "a date (YYYY-MM-DD)", raw);
  return { value: new Date(Date.parse(v)).toISOString().slice(0, 10) };
}

function timestamp(attr: AttributeDef, raw: unknown): Fields {
  const v = scalar(raw);
  const ts = typeof v === "string" ? normaliseTimestamp(v) : undefined;
  if (!ts) invalid(attr, "an ISO 8601 timestamp", raw);
  return { value: ts };
}

function rating(attr: AttributeDef, raw: unknown): Fields {
  const v = scalar(raw);
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > 5)
    invalid(attr, "an integer rating from 0 to 5", raw);
  return { value: v };
}

/** Select and status take a title or an id; an unknown one lists the valid choices. */
function choice(ctx: WriteCtx, attr: AttributeDef, raw: unknown): Fields {
  const key = attr.type === "status" ? "status" : "option";
  const v = isObj(raw) && key in raw ? raw[key] : raw;
  if (typeof v !== "string") invalid(attr, `an ${key} title or id`, raw);
  const choices = (attr.type === "status" ? attr.statuses : attr.options) ?? [];
  const hit = choices.find((c) => !c.is_archived && (c.title === v || c.id === v));
  if (!hit) {
    const valid = choices
      .filter((c) => !c.is_archived)
      .map((c) => c.title)
      .join(", ");
    const noun = attr.type === "status" ? "status" : "select option";
    throw badRequest(
      "value_not_found",
      `Unknown ${noun} "${v}" for attribute "${attr.api_slug}". Valid options: ${valid}`,
    );
  }
  // Stored in wire form (composite id) so reads need no lookup.
  const statuses = attr.type === "status";
  return { [key]: statuses ? renderStatus(ctx.ws, attr, hit as StatusDef) : renderOption(ctx.ws, attr, hit) };
}

/** Record references: a record id (single-target attributes), {target_object, target_record_id},
 * or {target_object, <unique attribute>: [...]} which Attio resolves by matching. */
function recordRef(ctx: WriteCtx, attr: AttributeDef, raw: unknown): Fields {
  const targets = attr.targets ?? [];
  if (typeof raw === "string") {
    if (targets.length !== 1)
      invalid(attr, "{target_object, target_record_id} (attribute allows several objects)", raw);
    return resolveRef(ctx, attr, targets[0]!, raw);
  }
  if (!isObj(raw) || typeof raw.target_object !== "string") invalid(attr, "{target_object, target_record_id}", raw);
  const obj = findObject(ctx.ws, raw.target_object);
  if (!obj || !targets.includes(obj.api_slug)) {
    throw badRequest(
      "value_not_found",
      `Attribute "${attr.api_slug}" cannot reference object "${raw.target_object}". ` +
        `Allowed objects: ${targets.join(", ")}`,
    );
  }
  if (typeof raw.target_record_id === "string") return resolveRef(ctx, attr, obj.api_slug, raw.target_record_id);
  const [slug, wanted] = Object.entries(raw).find(([k]) => k !== "target_object") ?? [];
  if (!slug) invalid(attr, "{target_object, target_record_id}", raw);
  const probe = (Array.isArray(wanted) ? wanted[0] : wanted) as unknown;
  const needle = String(
    isObj(probe) ? (probe.domain ?? probe.email_address ?? probe.value ?? probe.original_phone_number) : probe,
  ).toLowerCase();
  const match = recordsOf(ctx.ws, obj).find((r) =>
    currentValues(r.values, slug).some((v) =>
      [v.domain, v.email_address, v.value, v.phone_number].some((f) => String(f).toLowerCase() === needle),
    ),
  );
  if (!match)
    throw badRequest(
      "value_not_found",
      `No ${obj.api_slug} record found with ${slug} "${needle}" for attribute "${attr.api_slug}".`,
    );
  return { target_object: obj.api_slug, target_record_id: match.id };
}

function resolveRef(ctx: WriteCtx, attr: AttributeDef, objectSlug: string, recordId: string): Fields {
  const obj = findObject(ctx.ws, objectSlug);
  const rec = isUuid(recordId) ? ctx.ws.records.get(recordId) : undefined;
  if (!obj || !rec || rec.object_id !== obj.id) {
    throw badRequest(
      "value_not_found",
      `Record with ID "${recordId}" not found in object "${objectSlug}" (attribute "${attr.api_slug}").`,
    );
  }
  return { target_object: obj.api_slug, target_record_id: rec.id };
}

function actorRef(ctx: WriteCtx, attr: AttributeDef, raw: unknown): Fields {
  let key: unknown = raw;
  if (isObj(raw)) {
    if ("workspace_member_email_address" in raw) key = raw.workspace_member_email_address;
    else if (raw.referenced_actor_type === "workspace-member") key = raw.referenced_actor_id;
    else invalid(attr, '{referenced_actor_type:"workspace-member", referenced_actor_id} or a member email', raw);
  }
  if (typeof key !== "string") invalid(attr, "a workspace member id or email address", raw);
  const member = findMember(ctx.ws, key);
  if (!member)
    throw badRequest("value_not_found", `Workspace member "${key}" not found (attribute "${attr.api_slug}").`);
  return { referenced_actor_type: "workspace-member", referenced_actor_id: member.id };
}

/** A location value's fields, as Attio writes and filters them. */
export const LOCATION_FIELDS = [
  "line_1",
  "line_2",
  "line_3",
  "line_4",
  "locality",
  "region",
  "postcode",
  "country_code",
  "latitude",
  "longitude",
];
function location(attr: AttributeDef, raw: unknown): Fields {
  if (!isObj(raw)) invalid(attr, "a location object {line_1, locality, region, postcode, country_code, …}", raw);
  const out: Fields = {};
  for (const f of LOCATION_FIELDS) {
    const v = raw[f] ?? null;
    out[f] = v === null ? null : String(v);
  }
  if (out.country_code !== null && !/^[A-Z]{2}$/.test(String(out.country_code)))
    invalid(attr, "country_code as ISO 3166-1 alpha-2", raw);
  return out;
}

function domain(attr: AttributeDef, raw: unknown): Fields {
  const v = isObj(raw) && "domain" in raw ? raw.domain : raw;
  if (typeof v !== "string") invalid(attr, "a domain string", raw);
  const d = v
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, "")
    .replace(/[/?#].*$/, "")
    .replace(/^www\./, "");
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d)) invalid(attr, "a domain like example.com", raw);
  return { domain: d, root_domain: rootDomain(d) };
}

function email(attr: AttributeDef, raw: unknown): Fields {
  const v = isObj(raw) ? (raw.email_address ?? raw.original_email_address) : raw;
  if (typeof v !== "string" || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.trim())) invalid(attr, "an email address", raw);
  const original = v.trim();
  const lower = original.toLowerCase();
  const [local, host] = lower.split("@") as [string, string];
  return {
    original_email_address: original,
    email_address: lower,
    email_domain: host,
    email_root_domain: rootDomain(host),
    email_local_specifier: local.split("+")[0],
  };
}

function phone(attr: AttributeDef, raw: unknown): Fields {
  const v = isObj(raw) ? raw.original_phone_number : raw;
  const cc = isObj(raw) && typeof raw.country_code === "string" ? raw.country_code : undefined;
  if (typeof v !== "string") invalid(attr, "a phone number string or {original_phone_number}", raw);
  const fields = phoneFields(v, cc);
  if (!fields) invalid(attr, "a phone number with at least 6 digits", raw);
  return fields;
}

/**
 * Attio's two name syntaxes (docs "attribute types: personal name"): a string in the form
 * "Last name(s), First name(s)", where text without a comma is the first name alone; or an
 * object with all three of first_name, last_name and full_name.
 */
function personalName(attr: AttributeDef, raw: unknown): Fields {
  if (typeof raw === "string") {
    const cut = raw.indexOf(",");
    const first = (cut < 0 ? raw : raw.slice(cut + 1)).trim().replace(/\s+/g, " ");
    const last = cut < 0 ? "" : raw.slice(0, cut).trim().replace(/\s+/g, " ");
    const full = [first, last].filter(Boolean).join(" ");
    if (!full) invalid(attr, "a non-empty name", raw);
    return { first_name: first, last_name: last, full_name: full };
  }
  const expected = 'a string "Last, First" or {first_name, last_name, full_name} with all three set';
  if (
    !isObj(raw) ||
    typeof raw.first_name !== "string" ||
    typeof raw.last_name !== "string" ||
    typeof raw.full_name !== "string"
  )
    invalid(attr, expected, raw);
  if (!raw.full_name) invalid(attr, "a non-empty name", raw);
  return { first_name: raw.first_name, last_name: raw.last_name, full_name: raw.full_name };
}

function interaction(attr: AttributeDef, raw: unknown): Fields {
  if (!isObj(raw) || typeof raw.interaction_type !== "string" || typeof raw.interacted_at !== "string")
    invalid(attr, "{interaction_type, interacted_at, owner_actor}", raw);
  return {
    interaction_type: raw.interaction_type,
    interacted_at: normaliseTimestamp(raw.interacted_at),
    owner_actor: raw.owner_actor ?? { type: null, id: null },
  };
}

/** Converts one attribute's raw write input into stored values (not yet applied). */
export function parseValues(ctx: WriteCtx, attr: AttributeDef, raw: unknown): StoredValue[] {
  const items = raw === null || raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (!attr.is_multiselect && items.length > 1) {
    throw badRequest(
      "validation_type",
      `Attribute "${attr.api_slug}" accepts a single value, but ${items.length} were provided.`,
    );
  }
  return items.map((item) => ({
    ...convert(ctx, attr, item),
    attribute_type: attr.type,
    active_from: ctx.now,
    active_until: null,
    created_by_actor: ctx.actor,
  }));
}

function convert(ctx: WriteCtx, attr: AttributeDef, raw: unknown): Fields {
  switch (attr.type) {
    case "text":
      return text(attr, raw);
    case "number":
      return num(attr, raw);
    case "checkbox":
      return checkbox(attr, raw);
    case "currency":
      return currency(attr, raw);
    case "date":
      return date(attr, raw);
    case "timestamp":
      return timestamp(attr, raw);
    case "rating":
      return rating(attr, raw);
    case "status":
    case "select":
      return choice(ctx, attr, raw);
    case "record-reference":
      return recordRef(ctx, attr, raw);
    case "actor-reference":
      return actorRef(ctx, attr, raw);
    case "location":
      return location(attr, raw);
    case "domain":
      return domain(attr, raw);
    case "email-address":
      return email(attr, raw);
    case "phone-number":
      return phone(attr, raw);
    case "personal-name":
      return personalName(attr, raw);
    case "interaction":
      return interaction(attr, raw);
  }
}
