// Record endpoints: query (filter/sort/limit/offset in the body), create, assert (upsert by a
// unique attribute), get, PATCH (append multiselect), PUT (overwrite), delete, attribute values
// with history, and the record's list entries.
import { writeCtx, type Handler } from "./context";
import { badRequest } from "./errors";
import { compileFilter, sortRows, type Row } from "./filter";
import {
  currentValues,
  entriesOf,
  findAttribute,
  recordsOf,
  requireAttribute,
  requireObject,
  requireRecord,
} from "./model";
import { checkMergeInProgress } from "./merge";
import { renderRecord } from "./render";
import { createRecord, deleteRecord, updateRecord } from "./store";
import type { RecordRow, StoredValue } from "./types";
import { intParam, page } from "./util";
import { parseValues } from "./values";
import { valueKey } from "./write";

const asRow = (rec: RecordRow): Row & { rec: RecordRow } => ({ values: rec.values, ids: { record_id: rec.id }, rec });

export const queryRecords: Handler = ({ ws, params, body }) => {
  const obj = requireObject(ws, params.object!);
  if (body.filter_view_id)
    throw badRequest("filter_error", "filter_view_id is not supported by the sandbox; pass a filter instead.");
  const pred = compileFilter(body.filter, obj.attributes, ["record_id"]);
  const rows = sortRows(recordsOf(ws, obj).map(asRow).filter(pred), body.sorts, obj.attributes);
  const limit = body.limit ?? 500;
  return { data: page(rows, limit, body.offset ?? 0).map((r) => renderRecord(ws, obj, r.rec)) };
};

export const createRecordHandler: Handler = (ctx) => {
  const obj = requireObject(ctx.ws, ctx.params.object!);
  const row = createRecord(writeCtx(ctx), obj, ctx.body.data.values);
  return { data: renderRecord(ctx.ws, obj, row) };
};

/** PUT /records?matching_attribute=slug: update the record whose unique value matches, else create. */
export const assertRecord: Handler = (ctx) => {
  const { ws, query, body } = ctx;
  const obj = requireObject(ws, ctx.params.object!);
  const slug = query.get("matching_attribute");
  if (!slug) throw badRequest("validation_type", 'Query parameter "matching_attribute" is required.');
  const attr = findAttribute(obj.attributes, slug);
  if (!attr) throw badRequest("value_not_found", `No attribute was found for matching_attribute slug/ID "${slug}".`);
  if (!attr.is_unique)
    throw badRequest(
      "validation_type",
      `Attribute "${attr.api_slug}" is not unique, so it cannot be used as matching_attribute. Unique attributes: ${
        obj.attributes
          .filter((a) => a.is_unique && a.is_writable)
          .map((a) => a.api_slug)
          .join(", ") || "none"
      }`,
    );
  const values = body.data.values as Record<string, unknown>;
  const raw = values[attr.api_slug] ?? values[attr.id];
  if (raw === undefined)
    throw badRequest("missing_value", `The matching attribute "${attr.api_slug}" must be included in values.`);
  const wc = writeCtx(ctx);
  const wanted = new Set(parseValues(wc, attr, raw).map(valueKey));
  const matches = recordsOf(ws, obj).filter((r) =>
    currentValues(r.values, attr.api_slug).some((v) => wanted.has(valueKey(v))),
  );
  if (matches.length > 1)
    throw badRequest(
      "multiple_match_results",
      `Multiple records match the value of "${attr.api_slug}"; assert needs a single match.`,
    );
  const row = matches[0] ? updateRecord(wc, obj, matches[0], values, "append") : createRecord(wc, obj, values);
  return { data: renderRecord(ws, obj, row) };
};

export const getRecord: Handler = ({ ws, params }) => {
  const obj = requireObject(ws, params.object!);
  checkMergeInProgress(ws, params.record_id!);
  return { data: renderRecord(ws, obj, requireRecord(ws, obj, params.record_id!)) };
};

const writeRecord =
  (mode: "append" | "overwrite"): Handler =>
  (ctx) => {
    const obj = requireObject(ctx.ws, ctx.params.object!);
    const row = requireRecord(ctx.ws, obj, ctx.params.record_id!);
    updateRecord(writeCtx(ctx), obj, row, ctx.body.data.values, mode);
    return { data: renderRecord(ctx.ws, obj, row) };
  };
export const patchRecord = writeRecord("append");
export const putRecord = writeRecord("overwrite");

export const deleteRecordHandler: Handler = ({ ws, params }) => {
  const obj = requireObject(ws, params.object!);
  deleteRecord(ws, requireRecord(ws, obj, params.record_id!));
  return {};
};

/** Values of one attribute; show_historic=true includes ended values, sorted by active_from. */
export function valuesResponse(all: StoredValue[] | undefined, attrType: string, query: URLSearchParams) {
  const historic = query.get("show_historic") === "true";
  if (historic && attrType === "interaction") {
    throw badRequest("validation_type", "Cannot set show_historic param to true when querying a COMINT attribute.");
  }
  const values = (all ?? []).filter((v) => historic || v.active_until === null);
  const sorted = historic ? [...values].sort((a, b) => a.active_from.localeCompare(b.active_from)) : values;
  const limit = intParam(query, "limit", sorted.length);
  return { data: page(sorted, limit, intParam(query, "offset", 0)) };
}

export const recordValues: Handler = ({ ws, params, query }) => {
  const obj = requireObject(ws, params.object!);
  const row = requireRecord(ws, obj, params.record_id!);
  const attr = requireAttribute(obj.attributes, params.attribute!);
  return valuesResponse(row.values[attr.api_slug], attr.type, query);
};

export const recordEntries: Handler = ({ ws, params, query }) => {
  const obj = requireObject(ws, params.object!);
  const row = requireRecord(ws, obj, params.record_id!);
  const entries = ws.lists.flatMap((l) =>
    entriesOf(ws, l)
      .filter((e) => e.parent_record_id === row.id)
      .map((e) => ({
        list_id: l.id,
        list_api_slug: l.api_slug,
        entry_id: e.id,
        created_at: e.created_at,
      })),
  );
  return { data: page(entries, intParam(query, "limit", 100, 1000), intParam(query, "offset", 0)) };
};
