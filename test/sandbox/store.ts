// Creating records and entries: the one place that stamps system values (record_id,
// created_at, created_by) so handlers and the seed builder produce identical rows.
import { entriesOf, recordsOf } from "./model";
import type { EntryRow, ListDef, ObjectDef, RecordRow, StoredValue, Workspace } from "./types";
import { newId } from "./util";
import type { WriteCtx } from "./values";
import { applyPayload, type WriteMode } from "./write";

function systemValues(ctx: WriteCtx, id: string, withRecordId: boolean): Record<string, StoredValue[]> {
  const base = { active_from: ctx.now, active_until: null, created_by_actor: ctx.actor };
  const out: Record<string, StoredValue[]> = {
    created_at: [{ ...base, attribute_type: "timestamp", value: ctx.now }],
    created_by: [
      {
        ...base,
        attribute_type: "actor-reference",
        referenced_actor_type: ctx.actor.type ?? "system",
        referenced_actor_id: ctx.actor.id,
      },
    ],
  };
  if (withRecordId) out.record_id = [{ ...base, attribute_type: "text", value: id }];
  return out;
}

/** Rows of the same object (or list) except `self`, for unique-attribute checks. */
function recordPeers(ws: Workspace, obj: ObjectDef, selfId?: string) {
  return { others: () => recordsOf(ws, obj).filter((r) => r.id !== selfId) };
}

export function createRecord(
  ctx: WriteCtx,
  obj: ObjectDef,
  payload: Record<string, unknown>,
  opts: { id?: string; system?: boolean } = {},
): RecordRow {
  const id = opts.id ?? newId();
  const values = systemValues(ctx, id, true);
  applyPayload(ctx, obj.attributes, values, payload, "create", recordPeers(ctx.ws, obj), opts);
  const row: RecordRow = { id, object_id: obj.id, created_at: ctx.now, values };
  ctx.ws.records.set(id, row);
  return row;
}

export function updateRecord(
  ctx: WriteCtx,
  obj: ObjectDef,
  row: RecordRow,
  payload: Record<string, unknown>,
  mode: WriteMode,
  opts: { system?: boolean } = {},
): RecordRow {
  applyPayload(ctx, obj.attributes, row.values, payload, mode, recordPeers(ctx.ws, obj, row.id), opts);
  return row;
}

export function createEntry(
  ctx: WriteCtx,
  list: ListDef,
  parent: { object: string; record_id: string },
  payload: Record<string, unknown>,
  opts: { id?: string; system?: boolean } = {},
): EntryRow {
  const id = opts.id ?? newId();
  const values = systemValues(ctx, id, false);
  applyPayload(
    ctx,
    list.attributes,
    values,
    payload,
    "create",
    { others: () => entriesOf(ctx.ws, list).filter((e) => e.id !== id) },
    opts,
  );
  const row: EntryRow = {
    id,
    list_id: list.id,
    parent_record_id: parent.record_id,
    parent_object: parent.object,
    created_at: ctx.now,
    values,
  };
  ctx.ws.entries.set(id, row);
  return row;
}

export function updateEntry(
  ctx: WriteCtx,
  list: ListDef,
  row: EntryRow,
  payload: Record<string, unknown>,
  mode: WriteMode,
): EntryRow {
  applyPayload(ctx, list.attributes, row.values, payload, mode, {
    others: () => entriesOf(ctx.ws, list).filter((e) => e.id !== row.id),
  });
  return row;
}

/** Deleting a record also removes its list entries, as Attio does. */
export function deleteRecord(ws: Workspace, row: RecordRow): void {
  ws.records.delete(row.id);
  for (const e of [...ws.entries.values()]) if (e.parent_record_id === row.id) ws.entries.delete(e.id);
}
