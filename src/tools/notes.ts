// Notes on records: create, list a record's notes, read one in full, delete one.
import { unwrap } from "../attio/client";
import type { JsonObject } from "../mcp/types";
import { compactNote } from "./format-activity";
import { offsetPage } from "./paging";
import {
  DELETED_SCHEMA,
  OBJECT_ARG,
  OFFSET_ARG,
  RECORD_ID_ARG,
  idArg,
  limitArg,
  outputOf,
  pageSchema,
  writeSchema,
} from "./schemas";
import { DESTRUCTIVE, READ_ONLY, WRITE, type Tool } from "./tool";

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
    return { structured: { note: compactNote(created.data, ctx.workspaceSlug), written: ["title", "content"] } };
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
    const notes = listed.data.map((note) => compactNote(note, ctx.workspaceSlug));
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
    const body = found.data.content_markdown || found.data.content_plaintext;
    const note: JsonObject = compactNote(found.data, ctx.workspaceSlug);
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

export const noteTools: Tool[] = [createNote, listNotes, notesGet, notesDelete];
