// ChatGPT's `search` and `fetch` (deep research / company knowledge), in exactly the shapes
// OpenAI documents (https://developers.openai.com/api/docs/mcp): search → {results:[{id,title,url}]}; fetch →
// {id,title,text,url,metadata}; each as one text item, url never empty so citations work.
import { unwrap } from "../attio/client";
import { compactOneRecord } from "./compact";
import { recordTitle, recordUrl, type Compact } from "./format";
import { cutLongText } from "./paging";
import { compactNote } from "./notes";
import { NO_NAMES } from "./references";
import { everyObjectSlug } from "./object-directory";
import { searchRecords } from "./records";
import { isUuid, outputOf } from "./schemas";
import { READ_ONLY, ToolInputError, type Tool } from "./tool";

/** Attio's search takes at most 25; ChatGPT reads the top hits. */
const SEARCH_LIMIT = 20;

const search: Tool<{ query: string }> = {
  name: "search",
  title: "Search Attio",
  description:
    "Searches every Attio object by name, domain, email or phone for ids, titles and links; read one with " +
    'fetch. Example: {"query":"acme"}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: { query: { type: "string", maxLength: 256 } },
    required: ["query"],
    additionalProperties: false,
  },
  outputSchema: outputOf({ results: "object[]" }),
  async run(ctx, args) {
    const { hits } = await searchRecords(ctx, args.query, await everyObjectSlug(ctx), SEARCH_LIMIT);
    const results = hits.map((hit) => ({
      id: `record:${hit.object}:${hit.recordId}`,
      title: hit.title || "(untitled)",
      url: hit.url,
    }));
    return { structured: { results } };
  },
};

/** `record:<object>:<record_id>` or `note:<note_id>`, as search (and the notes tools) hand out. */
function parseId(id: string): { kind: "record"; object: string; recordId: string } | { kind: "note"; noteId: string } {
  const parts = id.split(":");
  if (parts[0] === "record" && parts.length === 3 && parts[1] && isUuid(parts[2] ?? "")) {
    return { kind: "record", object: parts[1], recordId: parts[2] as string };
  }
  if (parts[0] === "note" && parts.length === 2 && isUuid(parts[1] ?? ""))
    return { kind: "note", noteId: parts[1] as string };
  throw new ToolInputError(
    `"id" must look like "record:<object>:<record id>" or "note:<note id>", as returned by search (got "${id}")`,
  );
}

function describeValue(value: Compact): string {
  if (Array.isArray(value)) return value.map(describeValue).join("; ");
  if (typeof value === "object" && typeof value.name === "string") return value.name;
  if (typeof value === "object")
    return Object.entries(value)
      .map(([key, part]) => `${key}=${describeValue(part)}`)
      .join(" ");
  return String(value);
}

const fetchTool: Tool<{ id: string }> = {
  name: "fetch",
  title: "Fetch an Attio item",
  description:
    "Reads one item found by search (a record, or note:<id>) in full as text with its link. " +
    'Example: {"id":"record:companies:<id>"}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: { id: { type: "string", minLength: 1 } },
    required: ["id"],
    additionalProperties: false,
  },
  outputSchema: outputOf({ id: "string", title: "string", text: "string", url: "string", metadata: "object" }),
  async run(ctx, args) {
    const target = parseId(args.id);
    if (target.kind === "note") {
      const found = await unwrap(
        ctx.attio.GET("/v2/notes/{note_id}", { params: { path: { note_id: target.noteId } } }),
      );
      const note = compactNote(found.data, ctx.workspaceSlug, NO_NAMES);
      const body = found.data.content_markdown || found.data.content_plaintext;
      const metadata = {
        type: "note",
        parent_object: note.parent.object,
        parent_record_id: note.parent.id,
        created_at: note.created_at,
      };
      return {
        structured: {
          id: args.id,
          title: note.title || "(untitled note)",
          text: cutLongText(body) ?? body,
          url: note.url,
          metadata,
        },
      };
    }
    const found = await unwrap(
      ctx.attio.GET("/v2/objects/{object}/records/{record_id}", {
        params: { path: { object: target.object, record_id: target.recordId } },
      }),
    );
    const record = await compactOneRecord(ctx, target.object, found.data);
    const lines = Object.entries(record.values)
      .map(([slug, value]) => `${slug}: ${describeValue(value)}`)
      .join("\n");
    const text = cutLongText(lines) ?? lines;
    const url = record.url || recordUrl(ctx.workspaceSlug, target.object, target.recordId);
    const metadata = { type: "record", object: target.object, record_id: record.id, created_at: record.created_at };
    return { structured: { id: args.id, title: recordTitle(record.values), text, url, metadata } };
  },
};

export const chatgptTools: Tool[] = [search, fetchTool];
