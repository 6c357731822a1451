// Lists and list entries: entries carry their own attribute values (entry_values) and point at
// a parent record of one of the list's parent objects. Assert matches on the parent record.
import { writeCtx, type Handler } from "./context";
import { badRequest } from "./errors";
import { compileFilter, sortRows, type Row } from "./filter";
import { entriesOf, findObject, requireAttribute, requireEntry, requireList } from "./model";
import { renderEntry, renderList } from "./render";
import { valuesResponse } from "./records";
import { createEntry, updateEntry } from "./store";
import type { EntryRow, ListDef, Workspace } from "./types";
import { page } from "./util";

export const listLists: Handler = ({ ws }) => ({ data: ws.lists.map((l) => renderList(ws, l)) });

export const getList: Handler = ({ ws, params }) => ({ data: renderList(ws, requireList(ws, params.list!)) });

const asRow = (entry: EntryRow): Row & { entry: EntryRow } => ({
  values: entry.values,
  ids: { entry_id: entry.id, parent_record_id: entry.parent_record_id, parent_object: entry.parent_object },
  entry,
});

export const queryEntries: Handler = ({ ws, params, body }) => {
  const list = requireList(ws, params.list!);
  if (body.filter_view_id)
    throw badRequest("filter_error", "filter_view_id is not supported by the sandbox; pass a filter instead.");
  const pred = compileFilter(body.filter, list.attributes, ["entry_id", "parent_record_id", "parent_object"]);
  const rows = sortRows(entriesOf(ws, list).map(asRow).filter(pred), body.sorts, list.attributes);
  return { data: page(rows, body.limit ?? 500, body.offset ?? 0).map((r) => renderEntry(ws, list, r.entry)) };
};

/** The parent must be a record of one of the list's parent objects. */
function resolveParent(
  ws: Workspace,
  list: ListDef,
  objectSlugOrId: string,
  recordId: string,
): { object: string; record_id: string } {
  const obj = findObject(ws, objectSlugOrId);
  if (!obj || !list.parent_object.includes(obj.api_slug)) {
    throw badRequest(
      "value_not_found",
      `List "${list.api_slug}" only accepts entries for ${list.parent_object.join(", ")}; ` +
        `got parent object "${objectSlugOrId}".`,
    );
  }
  const rec = ws.records.get(recordId);
  if (!rec || rec.object_id !== obj.id)
    throw badRequest("value_not_found", `Parent record with slug/ID "${recordId}" not found.`);
  return { object: obj.api_slug, record_id: rec.id };
}

export const createEntryHandler: Handler = (ctx) => {
  const list = requireList(ctx.ws, ctx.params.list!);
  const { parent_object, parent_record_id, entry_values } = ctx.body.data;
  const entry = createEntry(
    writeCtx(ctx),
    list,
    resolveParent(ctx.ws, list, parent_object, parent_record_id),
    entry_values,
  );
  return { data: renderEntry(ctx.ws, list, entry) };
};

export const assertEntry: Handler = (ctx) => {
  const list = requireList(ctx.ws, ctx.params.list!);
  const { parent_object, parent_record_id, entry_values } = ctx.body.data;
  const parent = resolveParent(ctx.ws, list, parent_object, parent_record_id);
  const existing = entriesOf(ctx.ws, list).filter((e) => e.parent_record_id === parent.record_id);
  if (existing.length > 1) {
    throw badRequest(
      "multiple_match_results",
      "Multiple entries were found for the given parent record. " +
        "Please remove duplicates or use the update or create entry endpoints instead.",
    );
  }
  const wc = writeCtx(ctx);
  const entry = existing[0]
    ? updateEntry(wc, list, existing[0], entry_values, "append")
    : createEntry(wc, list, parent, entry_values);
  return { data: renderEntry(ctx.ws, list, entry) };
};

export const getEntry: Handler = ({ ws, params }) => {
  const list = requireList(ws, params.list!);
  return { data: renderEntry(ws, list, requireEntry(ws, list, params.entry_id!)) };
};

const writeEntry =
  (mode: "append" | "overwrite"): Handler =>
  (ctx) => {
    const list = requireList(ctx.ws, ctx.params.list!);
    const entry = requireEntry(ctx.ws, list, ctx.params.entry_id!);
    updateEntry(writeCtx(ctx), list, entry, ctx.body.data.entry_values, mode);
    return { data: renderEntry(ctx.ws, list, entry) };
  };
export const patchEntry = writeEntry("append");
export const putEntry = writeEntry("overwrite");

export const deleteEntry: Handler = ({ ws, params }) => {
  const list = requireList(ws, params.list!);
  const entry = requireEntry(ws, list, params.entry_id!);
  ws.entries.delete(entry.id);
  return {};
};

export const entryValues: Handler = ({ ws, params, query }) => {
  const list = requireList(ws, params.list!);
  const entry = requireEntry(ws, list, params.entry_id!);
  const attr = requireAttribute(list.attributes, params.attribute!);
  return valuesResponse(entry.values[attr.api_slug], attr.type, query);
};
