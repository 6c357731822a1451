// Several records of one object read in one call (records_get_details with record_ids): fetched
// in parallel, one GET each (Attio has no batch read), each missing id reported by name.
import { unwrap } from "../attio/client";
import { AttioError } from "../attio/errors";
import type { JsonObject } from "../mcp/types";
import { compactRecords } from "./compact";
import type { AttioRecord } from "./format";
import type { ToolContext } from "./tool";

/** Ids per call: 20 parallel reads stay far below Attio's 100 reads/s. */
export const MAX_RECORD_IDS = 20;

/** One record's fields, or a page of them with what was not found (plain object: no anyOf). */
export const DETAILS_SCHEMA = {
  type: "object",
  properties: {
    id: { type: "string" },
    object: { type: "string" },
    url: { type: "string" },
    values: { type: "object" },
    records: { type: "array" },
    count: { type: "integer" },
    not_found: { type: "array" },
    failed: { type: "array" },
  },
} as const satisfies JsonObject;

export async function getRecords(
  ctx: ToolContext,
  object: string,
  ids: readonly string[],
  fields?: readonly string[],
): Promise<JsonObject> {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  const results = await Promise.all(
    unique.map(async (id) => {
      try {
        const found = await unwrap(
          ctx.attio.GET("/v2/objects/{object}/records/{record_id}", { params: { path: { object, record_id: id } } }),
        );
        return { id, record: found.data as AttioRecord };
      } catch (error) {
        // A revoked token must still end the session (registry); anything else is per id.
        if (!(error instanceof AttioError) || error.isUnauthorized) throw error;
        const p = error.problem;
        return p.kind === "http" && p.status === 404 ? { id, missing: true } : { id, error: error.message };
      }
    }),
  );
  // Named together: one query per referenced object for all of them, not per record.
  const found = results.flatMap((r) => (r.record ? [r.record] : []));
  const records = (await compactRecords(ctx, object, found, fields)).map((record) => ({ ...record }));
  const out: JsonObject = { records, count: records.length };
  const missing = results.filter((r) => r.missing).map((r) => r.id);
  if (missing.length > 0) out.not_found = missing;
  const failed = results.flatMap((r) => (r.error ? [{ id: r.id, error: r.error }] : []));
  if (failed.length > 0) out.failed = failed;
  return out;
}
