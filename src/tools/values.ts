// Natural-form values from a model → values Attio accepts, and Attio's write rejections made
// actionable. Attio takes scalars or arrays for any attribute (attio-openapi.json, the `values`
// description of "Create a record"), so most values pass through; only our own output shapes are
// mapped back.
import { AttioError } from "../attio/errors";
import { describeAttributes, type AttributeTarget } from "./attributes";
import { unknownNames } from "./nearest";
import type { ToolContext } from "./tool";

export type WriteValues = Record<string, unknown[]>;

/**
 * Maps the compact output forms back to Attio's write forms so a model can round-trip what it
 * read: {object,id[,name]} → record reference, {amount,currency} → currency, {id,name,email} or
 * {type:"workspace-member",id} → actor reference. Everything else (strings, numbers, titles,
 * Attio's own shapes) is unchanged.
 */
export function toAttioValues(values: Record<string, unknown>, object?: string): WriteValues {
  // Keys are data: "__proto__" or "constructor" become own properties, never the prototype.
  const out: Record<string, unknown> = Object.create(null);
  for (const [slug, value] of Object.entries(values))
    out[slug] = Array.isArray(value) ? value.map(toAttioValue) : toAttioValue(value);
  // Only people have a personal-name attribute, `name` (Attio docs "attribute types: personal name").
  if (object === "people" && typeof out.name === "string") out.name = personName(out.name);
  // The spec types write values as arrays, yet its own description and examples send single values.
  return out as WriteValues;
}

/**
 * Attio reads a name string as "Last name(s), First name(s)" and one without a comma as the
 * first name alone, so "Ann Lee" would become first name "Ann Lee". A model writes names as
 * they read ("First Last"): send those in the object form. Attio's comma form and single words
 * already mean what was meant and pass unchanged.
 */
function personName(name: string): unknown {
  const full = name.trim().replace(/\s+/g, " ");
  const cut = full.indexOf(" ");
  if (name.includes(",") || cut < 0) return name;
  return { first_name: full.slice(0, cut), last_name: full.slice(cut + 1), full_name: full };
}

function toAttioValue(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const v = value as Record<string, unknown>;
  const keys = Object.keys(v);
  const only = (...allowed: string[]) => keys.every((key) => allowed.includes(key));
  // Attio's name object needs all three parts; fill in whichever the model left out.
  const names = ["first_name", "last_name", "full_name"];
  if (keys.length > 0 && only(...names) && keys.every((key) => typeof v[key] === "string") && keys.length < 3) {
    const first = (v.first_name as string | undefined) ?? "";
    const last = (v.last_name as string | undefined) ?? "";
    return {
      first_name: first,
      last_name: last,
      full_name: (v.full_name as string | undefined) ?? [first, last].filter(Boolean).join(" "),
    };
  }
  if (
    typeof v.object === "string" &&
    typeof (v.id ?? v.record_id) === "string" &&
    only("object", "id", "record_id", "name")
  ) {
    return { target_object: v.object, target_record_id: v.id ?? v.record_id };
  }
  if (typeof v.amount === "number" && only("amount", "currency")) {
    return v.currency === undefined
      ? { currency_value: v.amount }
      : { currency_value: v.amount, currency_code: v.currency };
  }
  if (v.type === "workspace-member" && typeof v.id === "string" && only("type", "id")) {
    return { referenced_actor_type: "workspace-member", referenced_actor_id: v.id };
  }
  // A member as results show it: {id, name, email}.
  if (typeof v.id === "string" && typeof v.email === "string" && only("id", "name", "email")) {
    return { referenced_actor_type: "workspace-member", referenced_actor_id: v.id };
  }
  return value;
}

/**
 * Runs an Attio write; if Attio rejects a value, adds what the model needs to fix it from the
 * (cached) attribute metadata: valid options of a select/status it got wrong, or the writable
 * slugs when it named an attribute that does not exist. Only failures pay the extra lookup.
 */
export async function withValueHelp<T>(
  ctx: ToolContext,
  target: AttributeTarget,
  identifier: string,
  values: Record<string, unknown>,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof AttioError) || error.problem.kind !== "http" || error.problem.status !== 400) throw error;
    const help = await valueHelp(ctx, target, identifier, values, error.problem.message).catch(() => "");
    if (!help) throw error;
    throw new AttioError({ ...error.problem, message: `${error.problem.message} ${help}` });
  }
}

async function valueHelp(
  ctx: ToolContext,
  target: AttributeTarget,
  identifier: string,
  values: Record<string, unknown>,
  message: string,
): Promise<string> {
  const attributes = await describeAttributes(ctx, target, identifier);
  const bySlug = new Map(attributes.map((attribute) => [attribute.slug, attribute]));
  const notes: string[] = [];
  const unknown = Object.keys(values).filter((slug) => !bySlug.has(slug) && !/^[0-9a-f-]{36}$/i.test(slug));
  if (unknown.length > 0) {
    const writable = attributes.filter((attribute) => attribute.writable).map((attribute) => attribute.slug);
    const named = unknownNames("attribute", unknown, writable, identifier, "writable attributes");
    notes.push(`${named.charAt(0).toUpperCase()}${named.slice(1)}.`);
  }
  for (const [slug, value] of Object.entries(values)) {
    const options = bySlug.get(slug)?.options;
    if (!options) continue;
    const given = (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === "string");
    const valid = new Set(options.map((option) => option.toLowerCase()));
    const wrong = given.filter((title) => !valid.has(title.toLowerCase()) && !/^[0-9a-f-]{36}$/i.test(title));
    // Attio's own message may already list them; say it once.
    if (wrong.length > 0 && !options.every((option) => message.includes(option))) {
      notes.push(`Valid options for "${slug}": ${options.join(", ")}.`);
    }
  }
  return notes.join(" ");
}

type Stored = Record<string, unknown>;

/** Comparable form of one written or stored value: lower-cased text, or a currency's amount and code. */
function comparable(value: unknown): unknown {
  if (typeof value === "string") return value.trim().toLowerCase();
  if (typeof value === "object" && value !== null && "amount" in value) {
    const { amount, currency } = value as { amount: unknown; currency?: unknown };
    return currency === undefined ? amount : `${amount} ${String(currency).toLowerCase()}`;
  }
  return value;
}

/**
 * Written values Attio stored differently from what was sent (a currency code, a normalised domain
 * or phone number, a rounded number), so nothing changes silently. Only plain values are compared:
 * references and members come back named, not as sent.
 */
export function storedDifferently(sent: Record<string, unknown>, stored: Stored): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [slug, value] of Object.entries(sent)) {
    const items = Array.isArray(value) ? value : [value];
    if (!items.every((item) => ["string", "number", "boolean"].includes(typeof item) || isAmount(item))) continue;
    if (items.some((item) => typeof item === "string" && /^me$/i.test(item.trim()))) continue;
    const kept = stored[slug];
    const have = (Array.isArray(kept) ? kept : kept === undefined ? [] : [kept]).map(comparable);
    const amountOnly = have.map((h) => (typeof h === "string" && / [a-z]{3}$/.test(h) ? Number(h.split(" ")[0]) : h));
    const missing = items.filter((item) => {
      const want = comparable(item);
      return !have.includes(want) && !(typeof want === "number" && amountOnly.includes(want));
    });
    if (missing.length > 0) out[slug] = { sent: value, stored: kept ?? null };
  }
  return out;
}

function isAmount(value: unknown): boolean {
  return typeof value === "object" && value !== null && typeof (value as { amount?: unknown }).amount === "number";
}
