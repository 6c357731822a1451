// Notes on records: create, list a record's notes, read one in full, edit one, delete one.
import type { components } from "../../generated/attio";
import { unwrap } from "../attio/client";
import type { JsonObject } from "../mcp/types";
import { actor, defined, recordUrl, shortTime } from "./format";
import { type Names, namesFor, type Wanted } from "./references";
import { cutLongText, offsetPage, snippet } from "./paging";
import {
  DELETED_SCHEMA,
  OBJECT_ARG,
  ID_ARG,
  OFFSET_ARG,
  RECORD_ID_ARG,
  idArg,
  limitArg,
  outputOf,
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

interface CreateArgs {
  object: string;
  record_id: string;
  title: string;
  content: string;
  format: "plaintext" | "markdown";
}

const createNote: Tool<CreateArgs> = {
  name: "create-note",
  title: "Create a note",
  description:
    "Adds a note to a record, e.g. to log a call; format markdown for headings and lists. " +
    'Example: {"object":"companies","record_id":"<id>","title":"Call with Ann","content":"Budget confirmed."}',
  annotations: WRITE,
  inputSchema: {
    type: "object",
    properties: {
      object: OBJECT_ARG,
      record_id: RECORD_ID_ARG,
      title: { type: "string", minLength: 1 },
      content: { type: "string" },
      format: { type: "string", enum: ["plaintext", "markdown"], default: "plaintext" },
    },
    required: ["object", "record_id", "title", "content"],
    additionalProperties: false,
  },
  outputSchema: writeSchema("note"),
  async run(ctx, args) {
    const created = await unwrap(
      ctx.attio.POST("/v2/notes", {
        body: {
          data: {
            parent_object: args.object,
            parent_record_id: args.record_id,
            title: args.title,
            format: args.format,
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
  limit: number;
  offset: number;
}

const listNotes: Tool<ListArgs> = {
  name: "list-notes",
  title: "List a record's notes",
  description:
    "Lists a record's notes, newest pages by next_offset, each with title, author, date and snippet; " +
    'notes_get reads one whole. Example: {"object":"people","record_id":"<id>"}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: { object: OBJECT_ARG, record_id: RECORD_ID_ARG, limit: limitArg(10, 50), offset: OFFSET_ARG },
    required: ["object", "record_id"],
    additionalProperties: false,
  },
  outputSchema: pageSchema("notes"),
  async run(ctx, args) {
    const { limit, offset } = args;
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

/** Characters of a note's text per notes_get call; a longer note is read in parts by offset. */
const NOTE_PART = 30_000;

const notesGet: Tool<{ note_id: string; offset: number }> = {
  name: "notes_get",
  title: "Read a note",
  description:
    "Reads one note's text (markdown when Attio has it) with its parent record; a long note comes in parts " +
    'via next_offset. Example: {"note_id":"<id>"}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: { note_id: idArg(), offset: OFFSET_ARG },
    required: ["note_id"],
    additionalProperties: false,
  },
  outputSchema: outputOf({
    id: "string",
    title: "string",
    parent: "object",
    content: "string",
    next_offset: "integer?",
  }),
  async run(ctx, args) {
    const found = await unwrap(ctx.attio.GET("/v2/notes/{note_id}", { params: { path: { note_id: args.note_id } } }));
    const names = await namesFor(ctx, [found.data], wantNote);
    const body = found.data.content_markdown || found.data.content_plaintext;
    const note: JsonObject = compactNote(found.data, ctx.workspaceSlug, names);
    delete note.snippet;
    const end = args.offset + NOTE_PART;
    const part = {
      content: body.slice(args.offset, end),
      format: found.data.content_markdown ? "markdown" : "plaintext",
      length: body.length,
      ...(end < body.length
        ? {
            next_offset: end,
            note: `Characters ${args.offset}-${end} of ${body.length}; call again with offset ${end}.`,
          }
        : {}),
    };
    return { structured: { ...note, ...part } };
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
    "Changes a note's title and/or replaces its whole content, keeping author, date and record. " +
    'Example: {"note_id":"<id>","content":"## Next steps\\n- Send quote","format":"markdown"}',
  annotations: OVERWRITE,
  inputSchema: {
    type: "object",
    properties: {
      note_id: ID_ARG,
      title: { type: "string", minLength: 1 },
      content: { type: "string" },
      format: { type: "string", enum: ["plaintext", "markdown"] },
    },
    required: ["note_id"],
    additionalProperties: false,
  },
  outputSchema: writeSchema("note"),
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
  description: "Permanently deletes one note; confirm with the user first. " + 'Example: {"note_id":"<id>"}',
  annotations: DESTRUCTIVE,
  inputSchema: {
    type: "object",
    properties: { note_id: idArg() },
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
