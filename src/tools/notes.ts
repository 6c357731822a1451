// Notes on records: create, list a record's notes, read one in full, edit one, delete one.
import type { components } from "../../generated/attio";
import { unwrap } from "../attio/client";
import { actor, defined, recordUrl, shortTime } from "./format";
import { type Names, namesFor, type Wanted } from "./references";
import { cutLongText, offsetPage, snippet } from "./paging";
import {
  ACTOR_SCHEMA,
  DELETED_SCHEMA,
  RECORD_REF_SCHEMA,
  OBJECT_ARG,
  ID_ARG,
  OFFSET_ARG,
  RECORD_ID_ARG,
  idArg,
  limitArg,
  pageSchema,
  writeSchema,
} from "./schemas";
import { DESTRUCTIVE, OVERWRITE, READ_ONLY, ToolInputError, WRITE, type Tool } from "./tool";

type AttioNote = components["schemas"]["note"];

/** `full` returns the whole body (notes_get, fetch), cut only past the size cap; lists get a snippet. */
/** What a note points at (its record, its author), for one bulk name lookup (references.ts). */
function wantNote(wanted: Wanted, note: AttioNote): void {
  wanted.record(note.parent_object, note.parent_record_id);
  if (note.created_by_actor?.id) wanted.actors = true;
}

export function compactNote(note: AttioNote, workspaceSlug: string, names: Names, full = false) {
  const body = note.content_markdown || note.content_plaintext;
  const cut = full ? cutLongText(body) : null;
  const parent = names.record(note.parent_object, note.parent_record_id);
  const url = recordUrl(workspaceSlug, parent.object, parent.id);
  return defined({
    id: note.id.note_id,
    title: note.title,
    parent,
    url,
    created_at: shortTime(note.created_at),
    author: actor(note.created_by_actor, names),
    meeting_id: note.meeting_id,
    ...(full
      ? { content: cut ?? body, format: note.content_markdown ? "markdown" : "plaintext" }
      : { snippet: snippet(note.content_plaintext) }),
    ...(cut
      ? {
          truncated: true,
          note: `The note is too long to show whole; the rest is in Attio on the record at url (${url}).`,
        }
      : {}),
  });
}

const NOTE_SCHEMA = {
  type: "object",
  properties: {
    id: { type: "string" },
    title: { type: "string" },
    parent: RECORD_REF_SCHEMA,
    url: { type: "string" },
    created_at: { type: "string" },
    author: ACTOR_SCHEMA,
    meeting_id: { type: "string" },
    snippet: { type: "string" },
    content: { type: "string" },
    format: { type: "string" },
    truncated: { type: "boolean" },
    note: { type: "string" },
  },
  required: ["id", "title", "parent", "url"],
};

interface CreateArgs {
  object: string;
  record_id: string;
  title: string;
  content: string;
  format?: "plaintext" | "markdown";
}

const createNote: Tool<CreateArgs> = {
  name: "create-note",
  title: "Create a note",
  description:
    "Adds a note to a record (company, person, deal or custom object), e.g. to log a call or a summary. " +
    "Content is plaintext by default; set format to markdown for headings, lists and emphasis. " +
    'Example: {"object":"companies","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b","title":"Call with Ann","content":"Budget confirmed.","format":"plaintext"}',
  annotations: WRITE,
  inputSchema: {
    type: "object",
    properties: {
      object: { ...OBJECT_ARG, description: "Object of the record the note is on, e.g. companies." },
      record_id: RECORD_ID_ARG,
      title: { type: "string", minLength: 1, description: "Note title (plain text)." },
      content: { type: "string", description: "Note body." },
      format: {
        type: "string",
        enum: ["plaintext", "markdown"],
        description: "Format of `content`. Default plaintext.",
      },
    },
    required: ["object", "record_id", "title", "content"],
    additionalProperties: false,
  },
  outputSchema: writeSchema("note", NOTE_SCHEMA),
  async run(ctx, args) {
    const created = await unwrap(
      ctx.attio.POST("/v2/notes", {
        body: {
          data: {
            parent_object: args.object,
            parent_record_id: args.record_id,
            title: args.title,
            format: args.format ?? "plaintext",
            content: args.content,
          },
        },
      }),
    );
    const names = await namesFor(ctx, [created.data], wantNote);
    return { structured: { note: compactNote(created.data, ctx.workspaceSlug, names), written: ["title", "content"] } };
  },
};

interface ListArgs {
  object: string;
  record_id: string;
  limit?: number;
  offset?: number;
}

const listNotes: Tool<ListArgs> = {
  name: "list-notes",
  title: "List a record's notes",
  description:
    "Lists the notes on one record (10 per page by default, at most 50; next_offset for more), each with " +
    "title, author, date and a short snippet; read a whole note with notes_get. " +
    'Example: {"object":"people","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b","limit":10}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: { object: OBJECT_ARG, record_id: RECORD_ID_ARG, limit: limitArg(10, 50), offset: OFFSET_ARG },
    required: ["object", "record_id"],
    additionalProperties: false,
  },
  outputSchema: pageSchema("notes", NOTE_SCHEMA),
  async run(ctx, args) {
    // Attio: notes default to 10 per page, at most 50 (attio-openapi.json, GET /v2/notes `limit`).
    const limit = args.limit ?? 10;
    const offset = args.offset ?? 0;
    const listed = await unwrap(
      ctx.attio.GET("/v2/notes", {
        params: { query: { parent_object: args.object, parent_record_id: args.record_id, limit, offset } },
      }),
    );
    const names = await namesFor(ctx, listed.data, wantNote);
    const notes = listed.data.map((note) => compactNote(note, ctx.workspaceSlug, names));
    return { structured: offsetPage("notes", notes, offset, limit) };
  },
};

const notesGet: Tool<{ note_id: string }> = {
  name: "notes_get",
  title: "Read a note",
  description:
    "Reads one note in full (markdown when Attio has it), with its parent record and link. Use after list-notes. " +
    'Example: {"note_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: { note_id: idArg("note's") },
    required: ["note_id"],
    additionalProperties: false,
  },
  outputSchema: NOTE_SCHEMA,
  async run(ctx, args) {
    const found = await unwrap(ctx.attio.GET("/v2/notes/{note_id}", { params: { path: { note_id: args.note_id } } }));
    const names = await namesFor(ctx, [found.data], wantNote);
    return { structured: compactNote(found.data, ctx.workspaceSlug, names, true) };
  },
};

interface UpdateArgs {
  note_id: string;
  title?: string;
  content?: string;
  format?: "plaintext" | "markdown";
}

const notesUpdate: Tool<UpdateArgs> = {
  name: "notes_update",
  title: "Edit a note",
  description:
    "Changes a note's title and/or replaces its whole content; author, date and record stay. " +
    'Example: {"note_id":"bf071e1f-6035-429d-b874-d83ea64ea13b","content":"**Next:** quote","format":"markdown"}',
  annotations: OVERWRITE,
  inputSchema: {
    type: "object",
    properties: {
      note_id: ID_ARG,
      title: { type: "string", minLength: 1 },
      content: { type: "string" },
      format: { type: "string", enum: ["plaintext", "markdown"], description: "Of content; default plaintext." },
    },
    required: ["note_id"],
    additionalProperties: false,
  },
  outputSchema: writeSchema("note", NOTE_SCHEMA),
  async run(ctx, args) {
    if (args.title === undefined && args.content === undefined)
      throw new ToolInputError("give a new title, new content, or both");
    if (args.format !== undefined && args.content === undefined)
      throw new ToolInputError("format describes content: give content too, or leave format out");
    // PATCH /v2/notes/{note_id} changes only the fields sent; the parent cannot change (attio-openapi.json).
    const data: { title?: string; content?: string; format?: "plaintext" | "markdown" } = {};
    if (args.title !== undefined) data.title = args.title;
    if (args.content !== undefined) {
      data.content = args.content;
      data.format = args.format ?? "plaintext";
    }
    const updated = await unwrap(
      ctx.attio.PATCH("/v2/notes/{note_id}", { params: { path: { note_id: args.note_id } }, body: { data } }),
    );
    const written = [
      ...(data.title !== undefined ? ["title"] : []),
      ...(data.content !== undefined ? ["content"] : []),
    ];
    const names = await namesFor(ctx, [updated.data], wantNote);
    return { structured: { note: compactNote(updated.data, ctx.workspaceSlug, names, true), written } };
  },
};

const notesDelete: Tool<{ note_id: string }> = {
  name: "notes_delete",
  title: "Delete a note",
  description:
    "Permanently deletes one note by id. Confirm with the user first. " +
    'Example: {"note_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"}',
  annotations: DESTRUCTIVE,
  inputSchema: {
    type: "object",
    properties: { note_id: idArg("note's") },
    required: ["note_id"],
    additionalProperties: false,
  },
  outputSchema: DELETED_SCHEMA,
  async run(ctx, args) {
    await unwrap(ctx.attio.DELETE("/v2/notes/{note_id}", { params: { path: { note_id: args.note_id } } }));
    return { structured: { deleted: true, id: args.note_id, kind: "note" } };
  },
};

export const noteTools: Tool[] = [createNote, listNotes, notesGet, notesUpdate, notesDelete];
