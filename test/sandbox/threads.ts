// Comment threads on records and list entries. Posting a comment with `record` or `entry`
// starts a new thread; with `thread_id` it replies. Deleting a thread's head comment deletes
// the whole thread, as in Attio.
import { writeCtx, type Handler } from "./context";
import { badRequest, notFound } from "./errors";
import { findMember, requireEntry, requireList, requireObject, requireRecord } from "./model";
import type { CommentRow, ThreadRow, Workspace } from "./types";
import { intParam, newId, normaliseTimestamp, page } from "./util";

function renderComment(ws: Workspace, c: CommentRow) {
  return {
    id: { workspace_id: ws.info.id, comment_id: c.id },
    thread_id: c.thread_id,
    content_plaintext: c.content_plaintext,
    entry: c.entry,
    record: c.record,
    resolved_at: null,
    resolved_by: { type: null, id: null },
    created_at: c.created_at,
    author: c.author,
  };
}

function renderThread(ws: Workspace, t: ThreadRow) {
  return {
    id: { workspace_id: ws.info.id, thread_id: t.id },
    comments: t.comment_ids.map((id) => renderComment(ws, ws.comments.get(id)!)),
    created_at: t.created_at,
  };
}

export const listThreads: Handler = ({ ws, query }) => {
  const recordId = query.get("record_id");
  const entryId = query.get("entry_id");
  let match: (c: CommentRow) => boolean;
  if (recordId && query.get("object")) {
    const obj = requireObject(ws, query.get("object")!);
    match = (c) => c.entry === null && c.record.record_id === recordId && c.record.object_id === obj.id;
  } else if (entryId && query.get("list")) {
    const list = requireList(ws, query.get("list")!);
    match = (c) => c.entry?.entry_id === entryId && c.entry.list_id === list.id;
  } else {
    throw badRequest("validation_type", "Pass either record_id and object, or entry_id and list.");
  }
  const threads = [...ws.threads.values()].filter((t) => match(ws.comments.get(t.comment_ids[0]!)!));
  const limit = intParam(query, "limit", 10, 50);
  return { data: page(threads, limit, intParam(query, "offset", 0)).map((t) => renderThread(ws, t)) };
};

export const getThread: Handler = ({ ws, params }) => {
  const t = ws.threads.get(params.thread_id!);
  if (!t) throw notFound(`Thread with ID "${params.thread_id}" was not found.`);
  return { data: renderThread(ws, t) };
};

export const createComment: Handler = (ctx) => {
  const { ws } = ctx;
  const d = ctx.body.data;
  const author = findMember(ws, d.author.id);
  if (!author) throw badRequest("value_not_found", `Workspace member with ID "${d.author.id}" not found.`);
  const createdAt = d.created_at ? normaliseTimestamp(d.created_at) : writeCtx(ctx).now;
  if (!createdAt) throw badRequest("validation_type", `Invalid created_at "${d.created_at}".`);
  let thread: ThreadRow | undefined;
  let target: Pick<CommentRow, "record" | "entry">;
  if (d.thread_id) {
    thread = ws.threads.get(d.thread_id);
    if (!thread)
      throw badRequest("value_not_found", "The referenced Thread could not be found, it might have been deleted.");
    const head = ws.comments.get(thread.comment_ids[0]!)!;
    target = { record: head.record, entry: head.entry };
  } else if (d.record) {
    const obj = requireObject(ws, d.record.object);
    const rec = requireRecord(ws, obj, d.record.record_id);
    target = { record: { record_id: rec.id, object_id: obj.id }, entry: null };
  } else {
    const list = requireList(ws, d.entry.list);
    const entry = requireEntry(ws, list, d.entry.entry_id);
    const parentObj = requireObject(ws, entry.parent_object);
    target = {
      record: { record_id: entry.parent_record_id, object_id: parentObj.id },
      entry: { entry_id: entry.id, list_id: list.id },
    };
  }
  if (!thread) {
    thread = { id: newId(), created_at: createdAt, comment_ids: [] };
    ws.threads.set(thread.id, thread);
  }
  const comment: CommentRow = {
    id: newId(),
    thread_id: thread.id,
    content_plaintext: d.content,
    ...target,
    author: { type: "workspace-member", id: author.id },
    created_at: createdAt,
  };
  ws.comments.set(comment.id, comment);
  thread.comment_ids.push(comment.id);
  return { data: renderComment(ws, comment) };
};

export const getComment: Handler = ({ ws, params }) => {
  const c = ws.comments.get(params.comment_id!);
  if (!c) throw notFound(`Comment with ID "${params.comment_id}" was not found.`);
  return { data: renderComment(ws, c) };
};

export const deleteComment: Handler = ({ ws, params }) => {
  const c = ws.comments.get(params.comment_id!);
  if (!c) throw notFound(`Could not find Comment with ID "${params.comment_id}".`);
  const thread = ws.threads.get(c.thread_id)!;
  const doomed = thread.comment_ids[0] === c.id ? thread.comment_ids : [c.id];
  for (const id of doomed) ws.comments.delete(id);
  thread.comment_ids = thread.comment_ids.filter((id) => !doomed.includes(id));
  if (thread.comment_ids.length === 0) ws.threads.delete(thread.id);
  return {};
};
