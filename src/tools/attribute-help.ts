// Per attribute type: how a model writes a value and which filter sub-fields it takes. Returned by
// records_discover_attributes for the attributes actually in the workspace, so no tool description
// repeats the conventions (Attio docs "Attribute types" and "Filtering":
// https://docs.attio.com/rest-api/guides/filtering).
import type { CompactAttribute } from "./attributes";

interface TypeHelp {
  write: string;
  /** Sub-fields a filter may name, e.g. {"email_addresses":{"email_domain":{"$eq":"acme.com"}}}. */
  filter?: string[];
}

const HELP: Record<string, TypeHelp> = {
  text: { write: '"text"' },
  number: { write: "42" },
  checkbox: { write: "true" },
  date: { write: '"2025-03-01"' },
  timestamp: { write: '"2025-03-01T17:00:00Z"' },
  rating: { write: "0 to 5" },
  currency: { write: '1000 or {"amount":1000,"currency":"EUR"}', filter: ["currency_value", "currency_code"] },
  select: { write: "an option title" },
  status: { write: "a status title", filter: ["title", "active_from"] },
  "record-reference": {
    write: '{"object":"<slug>","id":"<record id>"}',
    filter: ["target_record_id", "target_object"],
  },
  "actor-reference": { write: '"me", a member email or name', filter: ["referenced_actor_id"] },
  "personal-name": { write: '"First Last"', filter: ["first_name", "last_name", "full_name"] },
  "email-address": { write: '"ann@acme.com"', filter: ["email_address", "email_domain"] },
  domain: { write: '"acme.com"', filter: ["domain", "root_domain"] },
  "phone-number": { write: '"+14155550101"', filter: ["phone_number", "country_code"] },
  location: { write: '{"locality":"Berlin","country_code":"DE"}', filter: ["locality", "region", "country_code"] },
  interaction: { write: "(set by Attio)", filter: ["interacted_at"] },
};

/** The attribute with `write` (one value's form, as an array when multi-valued) and `filter` sub-fields. */
export function withHelp(attribute: CompactAttribute): CompactAttribute & { write?: string; filter?: string[] } {
  const help = HELP[attribute.type];
  if (!help || !attribute.writable) return help?.filter ? { ...attribute, filter: help.filter } : attribute;
  const write = attribute.multiselect ? `[${help.write}, …]` : help.write;
  return { ...attribute, write, ...(help.filter ? { filter: help.filter } : {}) };
}
