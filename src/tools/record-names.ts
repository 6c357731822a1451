// Names for record references by id (emails' linked records): the same bulk look-up every other
// result uses (references.ts), one records query per object per call, never one per row.
import { resolveNames, Wanted } from "./references";
import type { ToolContext } from "./tool";

interface RecordRef {
  object: string;
  id: string;
}

/** record id → display name, for every reference whose record could be read. */
export async function nameRecords(ctx: ToolContext, refs: readonly RecordRef[]): Promise<Map<string, string>> {
  const wanted = new Wanted();
  for (const ref of refs) wanted.record(ref.object, ref.id);
  const names = await resolveNames(ctx, wanted);
  const out = new Map<string, string>();
  for (const ref of refs) {
    const name = names.record(ref.object, ref.id).name;
    if (name !== undefined) out.set(ref.id, name);
  }
  return out;
}
