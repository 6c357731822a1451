// Normalisation of domains and phone numbers the way Attio reports them (root_domain,
// E.164 phone_number plus an ISO country code). Deliberately small tables: enough for a fake.

/** Second-level labels under which registrable domains take three labels (acme.co.uk). */
const SECOND_LEVEL = new Set(["co", "com", "org", "net", "ac", "gov", "edu"]);

export function rootDomain(host: string): string {
  const labels = host.split(".");
  const take = labels.length >= 3 && labels.at(-1)!.length === 2 && SECOND_LEVEL.has(labels.at(-2)!) ? 3 : 2;
  return labels.slice(-take).join(".");
}

/** Calling codes, longest first so +44 wins over +4. */
const CALLING_CODES: [string, string][] = [
  ["44", "GB"],
  ["49", "DE"],
  ["33", "FR"],
  ["34", "ES"],
  ["39", "IT"],
  ["31", "NL"],
  ["46", "SE"],
  ["61", "AU"],
  ["81", "JP"],
  ["91", "IN"],
  ["55", "BR"],
  ["1", "US"],
];
const CODE_BY_COUNTRY = new Map(CALLING_CODES.map(([code, country]) => [country, code]));
CODE_BY_COUNTRY.set("CA", "1");

export function phoneFields(
  original: string,
  countryCode?: string,
): { original_phone_number: string; country_code: string; phone_number: string } | undefined {
  const trimmed = original.trim();
  const digits = trimmed.replace(/\D/g, "");
  if (digits.length < 6) return undefined;
  if (trimmed.startsWith("+") || trimmed.startsWith("00")) {
    const intl = trimmed.startsWith("00") ? digits.slice(2) : digits;
    const hit = CALLING_CODES.find(([code]) => intl.startsWith(code));
    return { original_phone_number: trimmed, country_code: countryCode ?? hit?.[1] ?? "US", phone_number: `+${intl}` };
  }
  const country = countryCode ?? "US";
  const code = CODE_BY_COUNTRY.get(country) ?? "1";
  const national = digits.replace(/^0/, "");
  return { original_phone_number: trimmed, country_code: country, phone_number: `+${code}${national}` };
}
