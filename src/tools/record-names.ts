// Names for record references, resolved in bulk: one records query per object per call, never
// one request per row (style guide "One call answers one question").
import { unwrap } from "../attio/client";
import { compactRecord, recordTitle } from "./format";
import type { ToolContext } from "./tool";

export interface RecordRef {
  object: string;
  id: string;
}

/** record id → display name, for every reference whose record could be read. */
export async function nameRecords(ctx: ToolContext, refs: readonly RecordRef[]): Promise<Map<string, string>> {
  const byObject = new Map<string, Set<string>>();
  for (const ref of refs) byObject.set(ref.object, (byObject.get(ref.object) ?? new Set()).add(ref.id));
  const names = new Map<string, string>();
  await Promise.all(
    [...byObject].map(async ([object, ids]) => {
      const found = await unwrap(
        ctx.attio.POST("/v2/objects/{object}/records/query", {
          params: { path: { object } },
          body: { filter: { record_id: { $in: [...ids] } }, limit: ids.size },
        }),
      );
      for (const record of found.data)
        names.set(record.id.record_id, recordTitle(compactRecord(record, object, ["name"]).values));
    }),
  );
  return names;
}
