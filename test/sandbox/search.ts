// POST /v2/objects/records/search: Attio's fuzzy search, approximated as a case-insensitive
// substring match over names, domains, emails and phone numbers. Not paginated; limit ≤ 25.
import type { Handler } from "./context";
import { badRequest } from "./errors";
import { currentValues, findObject, recordName, recordsOf } from "./model";
import type { RecordRow } from "./types";

function haystack(rec: RecordRow): string[] {
  const v = rec.values;
  return [
    recordName(rec),
    ...currentValues(v, "domains").map((d) => String(d.domain)),
    ...currentValues(v, "email_addresses").map((e) => String(e.email_address)),
    ...currentValues(v, "phone_numbers").flatMap((p) => [String(p.phone_number), String(p.original_phone_number)]),
    ...currentValues(v, "project_code").map((p) => String(p.value)),
  ];
}

export const searchRecords: Handler = ({ ws, body }) => {
  const objects = (body.objects as string[]).map((slug) => {
    const obj = findObject(ws, slug);
    if (!obj) throw badRequest("value_not_found", `Object with slug/ID "${slug}" not found.`);
    return obj;
  });
  const needle = String(body.query).trim().toLowerCase();
  const digits = needle.replace(/\D/g, "");
  const matches = (rec: RecordRow) =>
    needle === "" ||
    haystack(rec).some(
      (s) => s.toLowerCase().includes(needle) || (digits.length >= 6 && s.replace(/\D/g, "").includes(digits)),
    );
  const limit = body.limit ?? 25;
  const data = objects
    .flatMap((obj) =>
      recordsOf(ws, obj)
        .filter(matches)
        .map((rec) => ({ obj, rec })),
    )
    .slice(0, limit)
    .map(({ obj, rec }) => {
      const base = {
        id: { workspace_id: ws.info.id, object_id: obj.id, record_id: rec.id },
        record_text: recordName(rec),
        record_image: null,
        object_slug: obj.api_slug,
      };
      if (obj.api_slug === "people") {
        return {
          ...base,
          email_addresses: currentValues(rec.values, "email_addresses").map((e) => String(e.email_address)),
          phone_numbers: currentValues(rec.values, "phone_numbers").map((p) => String(p.phone_number)),
        };
      }
      if (obj.api_slug === "companies")
        return { ...base, domains: currentValues(rec.values, "domains").map((d) => String(d.domain)) };
      return base;
    });
  return { data };
};
