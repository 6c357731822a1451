// Records and entries as results show them: compact values (format.ts) with every reference
// named (references.ts) and multi-value attributes always arrays. Costs, per call: the attribute
// list (cached a minute), the member directory when an actor is shown (cached a minute), and one
// query per referenced object.
import { multiValued } from "./attributes";
import {
  type AttioEntry,
  type AttioRecord,
  type CompactEntry,
  type CompactRecord,
  compactEntry,
  compactRecord,
  currentValues,
} from "./format";
import { objectSlug } from "./object-directory";
import { resolveNames, Wanted } from "./references";
import type { ToolContext } from "./tool";

export async function compactRecords(
  ctx: ToolContext,
  object: string,
  records: readonly AttioRecord[],
  fields?: readonly string[],
): Promise<CompactRecord[]> {
  const wanted = new Wanted();
  for (const record of records) for (const [, values] of currentValues(record.values, fields)) wanted.values(values);
  const [slug, multi, names] = await Promise.all([
    objectSlug(ctx, object),
    multiValued(ctx, "objects", object),
    resolveNames(ctx, wanted),
  ]);
  return records.map((record) => compactRecord(record, slug, names, multi, fields));
}

export async function compactOneRecord(
  ctx: ToolContext,
  object: string,
  record: AttioRecord,
  fields?: readonly string[],
): Promise<CompactRecord> {
  return (await compactRecords(ctx, object, [record], fields))[0] as CompactRecord;
}

export async function compactEntries(
  ctx: ToolContext,
  list: string,
  entries: readonly AttioEntry[],
  fields?: readonly string[],
): Promise<CompactEntry[]> {
  const wanted = new Wanted();
  for (const entry of entries) {
    wanted.record(entry.parent_object, entry.parent_record_id);
    for (const [, values] of currentValues(entry.entry_values as AttioRecord["values"], fields)) wanted.values(values);
  }
  const [multi, names] = await Promise.all([multiValued(ctx, "lists", list), resolveNames(ctx, wanted)]);
  return entries.map((entry) => compactEntry(entry, list, ctx.workspaceSlug, names, multi, fields));
}
