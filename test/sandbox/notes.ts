// Notes on records: plaintext or markdown content, both renderings stored. Listing is
// offset-paginated with Attio's default limit of 10 and maximum of 50.
import { writeCtx, type Handler } from "./context";
import { badRequest, notFound } from "./errors";
import { markdownToPlain, plainToMarkdown } from "./markdown";
import { requireObject, requireRecord } from "./model";
import type { NoteRow, Workspace } from "./types";
import { intParam, newId, normaliseTimestamp, page } from "./util";

function renderNote(ws: Workspace, n: NoteRow) {
  return {
    id: { workspace_id: ws.info.id, note_id: n.id },
    parent_object: n.parent_object,
    parent_record_id: n.parent_record_id,
    title: n.title,
    meeting_id: n.meeting_id,
    content_plaintext: n.content_plaintext,
    content_markdown: n.content_markdown,
    tags: [],
    created_by_actor: n.created_by_actor,
    created_at: n.created_at,
  };
}

function requireNote(ws: Workspace, id: string): NoteRow {
  const n = ws.notes.get(id);
  if (!n) throw notFound(`Note with ID "${id}" was not found.`);
  return n;
}

export const listNotes: Handler = ({ ws, query }) => {
  const objectParam = query.get("parent_object");
  const recordId = query.get("parent_record_id");
  if (recordId && !objectParam) throw badRequest("validation_type", "parent_record_id requires parent_object.");
  const obj = objectParam ? requireObject(ws, objectParam) : undefined;
  const notes = [...ws.notes.values()].filter(
    (n) => (!obj || n.parent_object === obj.api_slug) && (!recordId || n.parent_record_id === recordId),
  );
  const limit = intParam(query, "limit", 10, 50);
  return { data: page(notes, limit, intParam(query, "offset", 0)).map((n) => renderNote(ws, n)) };
};

export const createNote: Handler = (ctx) => {
  const { ws } = ctx;
  const d = ctx.body.data;
  const obj = requireObject(ws, d.parent_object);
  requireRecord(ws, obj, d.parent_record_id);
  if (d.meeting_id && !ws.meetings.has(d.meeting_id))
    throw notFound(`Meeting with ID "${d.meeting_id}" was not found.`);
  const wc = writeCtx(ctx);
  const createdAt = d.created_at ? normaliseTimestamp(d.created_at) : wc.now;
  if (!createdAt)
    throw badRequest("validation_type", `Invalid created_at "${d.created_at}": expected an ISO 8601 timestamp.`);
  const markdown = d.format === "markdown";
  const note: NoteRow = {
    id: newId(),
    parent_object: obj.api_slug,
    parent_record_id: d.parent_record_id,
    title: d.title,
    meeting_id: d.meeting_id ?? null,
    content_plaintext: markdown ? markdownToPlain(d.content) : d.content,
    content_markdown: markdown ? d.content : plainToMarkdown(d.content),
    created_by_actor: wc.actor,
    created_at: createdAt,
  };
  ws.notes.set(note.id, note);
  return { data: renderNote(ws, note) };
};

export const getNote: Handler = ({ ws, params }) => ({ data: renderNote(ws, requireNote(ws, params.note_id!)) });

export const deleteNote: Handler = ({ ws, params }) => {
  ws.notes.delete(requireNote(ws, params.note_id!).id);
  return {};
};

/** PATCH: title and/or content; content replaces the whole body; the parent never changes. */
export const patchNote: Handler = ({ ws, params, body }) => {
  const note = requireNote(ws, params.note_id!);
  const d = body.data ?? {};
  if (d.format !== undefined && d.content === undefined)
    throw badRequest("validation_type", "format is only meaningful together with content.");
  if (d.title !== undefined) note.title = d.title;
  if (d.content !== undefined) {
    const markdown = d.format === "markdown";
    note.content_plaintext = markdown ? markdownToPlain(d.content) : d.content;
    note.content_markdown = markdown ? d.content : plainToMarkdown(d.content);
  }
  return { data: renderNote(ws, note) };
};
