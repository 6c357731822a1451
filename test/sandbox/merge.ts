// POST /v2/objects/{object}/records/merge: two records become a new one (a new id); the
// primary's values win where both have one; notes, tasks, comments, meetings, list entries and
// references to either original move to it; both originals are gone. 5 requests/s; a "202"
// fault makes the merged record answer 404 merge_in_progress for a few reads (attio-openapi.json,
// "Merge two records").
import { type Handler, requireScopes, StatusReply } from "./context";
import { AttioError, badRequest, notFound } from "./errors";
import { currentValues, requireObject } from "./model";
import type { RecordRow, ValueMap, Workspace } from "./types";
import { newId } from "./util";

const MERGES_PER_SECOND = 5;

/** 429 with an HTTP-date Retry-After, as Attio's other limits answer. */
function rateLimit(ws: Workspace): void {
  const now = Date.now();
  ws.mergeTimes = ws.mergeTimes.filter((t) => now - t < 1000);
  if (ws.mergeTimes.length >= MERGES_PER_SECOND) {
    const error = new AttioError(
      429,
      "rate_limit_error",
      "rate_limit_exceeded",
      "Rate limit exceeded, please try again later",
    );
    // HTTP dates have whole seconds: round up so a client waiting until then is not early.
    error.headers["retry-after"] = new Date(Math.ceil((ws.mergeTimes[0]! + 1000) / 1000) * 1000).toUTCString();
    throw error;
  }
  ws.mergeTimes.push(now);
}

export const mergeRecords: Handler = (ctx) => {
  const { ws, params, body } = ctx;
  requireScopes(ctx, "record_permission:read-write", "object_configuration:read");
  rateLimit(ws);
  const obj = requireObject(ws, params.object!);
  const { primary_record_id: primaryId, secondary_record_id: secondaryId } = body.data;
  if (primaryId === secondaryId) throw badRequest("self_merge", "A record cannot be merged into itself.");
  const find = (id: string): RecordRow => {
    const rec = ws.records.get(id);
    if (!rec || rec.object_id !== obj.id) throw notFound(`Record with ID "${id}" not found.`);
    return rec;
  };
  const primary = find(primaryId);
  const secondary = find(secondaryId);

  const id = newId();
  const values: ValueMap = {};
  for (const attr of obj.attributes) {
    const mine = currentValues(primary.values, attr.api_slug);
    values[attr.api_slug] = (mine.length > 0 ? mine : currentValues(secondary.values, attr.api_slug)).map((v) => ({
      ...v,
    }));
  }
  values.record_id = (values.record_id ?? []).map((v) => ({ ...v, value: id }));
  ws.records.delete(primaryId);
  ws.records.delete(secondaryId);
  ws.records.set(id, { id, object_id: obj.id, created_at: primary.created_at, values });
  moveReferences(ws, new Set([primaryId, secondaryId]), id);
  if (ctx.accepted) {
    ws.merging.set(id, ctx.accepted.reads);
    return new StatusReply(202, { data: { new_record_id: id } });
  }
  return { data: { new_record_id: id } };
};

/** Everything that pointed at an original points at the merged record; duplicate entries collapse. */
function moveReferences(ws: Workspace, from: Set<string>, to: string): void {
  for (const note of ws.notes.values()) if (from.has(note.parent_record_id)) note.parent_record_id = to;
  for (const task of ws.tasks.values())
    for (const link of task.linked_records) if (from.has(link.target_record_id)) link.target_record_id = to;
  for (const comment of ws.comments.values()) if (from.has(comment.record.record_id)) comment.record.record_id = to;
  for (const meeting of ws.meetings.values())
    for (const link of meeting.linked_records) if (from.has(link.record_id)) link.record_id = to;
  const seenLists = new Set<string>();
  for (const entry of [...ws.entries.values()]) {
    if (!from.has(entry.parent_record_id)) continue;
    if (seenLists.has(entry.list_id)) ws.entries.delete(entry.id);
    else {
      seenLists.add(entry.list_id);
      entry.parent_record_id = to;
    }
  }
  const rows = [...ws.records.values(), ...ws.entries.values()];
  for (const row of rows)
    for (const stored of Object.values(row.values))
      for (const value of stored)
        if (value.attribute_type === "record-reference" && from.has(value.target_record_id as string))
          value.target_record_id = to;
}

/** A merged record read during a 202 merge: 404 merge_in_progress, counting down to readable. */
export function checkMergeInProgress(ws: Workspace, recordId: string): void {
  const left = ws.merging.get(recordId);
  if (left === undefined) return;
  if (left <= 0) {
    ws.merging.delete(recordId);
    return;
  }
  ws.merging.set(recordId, left - 1);
  throw new AttioError(
    404,
    "invalid_request_error",
    "merge_in_progress",
    `Record with ID "${recordId}" is still being merged. Try again shortly.`,
  );
}
