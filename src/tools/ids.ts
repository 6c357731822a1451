// Id arguments, checked in one place for every tool: stray whitespace trimmed, ChatGPT's
// `record:<object>:<id>` (what `search` hands out) accepted wherever a record id is, and a
// malformed id explained (what an id looks like, which tool gives one) before Attio is asked.
import { isUuid } from "./schemas";
import { ToolInputError } from "./tool";

/** Where a model gets each kind of id; named in the error for a malformed one. */
const SOURCES: Record<string, string> = {
  record_id: "records_search or records_query",
  record_ids: "records_search or records_query",
  primary_record_id: "records_search or records_query",
  secondary_record_id: "records_search or records_query",
  entry_id: "list_entries_query or records_list_entries",
  note_id: "list-notes",
  task_id: "tasks_list",
  thread_id: "comments_list",
  comment_id: "comments_list",
  meeting_id: "meetings_list",
  call_recording_id: "transcripts_get without call_recording_id",
};

/** Slug-or-id arguments: trimmed only (Attio answers an unknown one with a 404 we explain). */
const NAMES = ["object", "list", "query"];

const CHATGPT_RECORD = /^record:([^:\s]+):(.+)$/;

function badId(key: string, given: string): ToolInputError {
  const shown = given.length > 60 ? `${given.slice(0, 60)}…` : given;
  return new ToolInputError(
    `"${key}" is "${shown}", not an id: Attio ids are UUIDs like "bf071e1f-6035-429d-b874-d83ea64ea13b"; ` +
      `get one from ${SOURCES[key]}`,
  );
}

/** One record id: a UUID or `record:<object>:<uuid>`; returns the UUID and the object it named, if any. */
function readRecordId(key: string, given: string): { id: string; object?: string } {
  const text = given.trim();
  const chatgpt = CHATGPT_RECORD.exec(text);
  if (chatgpt && isUuid(chatgpt[2] as string)) return { id: chatgpt[2] as string, object: chatgpt[1] as string };
  if (!isUuid(text)) throw badId(key, given);
  return { id: text };
}

/**
 * Returns the arguments with ids normalised. A ChatGPT record id also fills `object` when the
 * call left it out, and must agree with it when both are given.
 */
export function normaliseIds(args: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...args };
  for (const key of NAMES) if (typeof out[key] === "string") out[key] = (out[key] as string).trim();
  for (const key of Object.keys(SOURCES)) {
    const value = out[key];
    if (key === "record_id" && typeof value === "string") {
      const read = readRecordId(key, value);
      out.record_id = read.id;
      if (read.object) {
        if (out.object === undefined) out.object = read.object;
        else if (out.object !== read.object)
          throw new ToolInputError(`"record_id" names a ${read.object} record but "object" is "${out.object}"`);
      }
    } else if (key.endsWith("record_id") && typeof value === "string") {
      out[key] = readRecordId(key, value).id;
    } else if (key === "record_ids" && Array.isArray(value)) {
      out.record_ids = value.map((item) => (typeof item === "string" ? readRecordId(key, item).id : item));
    } else if (typeof value === "string") {
      const text = value.trim();
      if (!isUuid(text)) throw badId(key, value);
      out[key] = text;
    }
  }
  if (Array.isArray(out.linked_records))
    out.linked_records = out.linked_records.map((link) => {
      if (typeof link !== "object" || link === null || typeof (link as { id?: unknown }).id !== "string") return link;
      const read = readRecordId("record_id", (link as { id: string }).id);
      return { ...link, id: read.id, ...(read.object && !("object" in link) ? { object: read.object } : {}) };
    });
  return out;
}
