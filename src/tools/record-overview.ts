// record_overview: "brief me on this account" in one call. The record with its references named,
// the lists it is on (each entry's values, e.g. the stage), open tasks, latest notes, the last and
// next meeting, and recent comments. Attio requests run in parallel in three rounds; a section
// Attio refuses (e.g. a missing scope) is listed under `unavailable`, never silently empty.
import { unwrap } from "../attio/client";
import { AttioError } from "../attio/errors";
import { multiValued } from "./attributes";
import { type AttioEntry, type AttioRecord, type AttioValue, compactValues, currentValues, shortTime } from "./format";
import type { components } from "../../generated/attio";

type AttioComment = components["schemas"]["comment"];
type AttioMeeting = components["schemas"]["meeting"];
type AttioNote = components["schemas"]["note"];
type AttioTask = components["schemas"]["task"];
import { listDirectory } from "./list-directory";
import { objectSlug } from "./object-directory";
import { snippet } from "./paging";
import { type Names, resolveNames, titleOf, Wanted } from "./references";
import { OBJECT_ARG, RECORD_ID_ARG, outputOf } from "./schemas";
import { RECORD_CARD_URI } from "../ui/uris";
import { READ_ONLY, type Tool, type ToolContext } from "./tool";

/** What one overview shows at most: enough for a brief; the family tools page through the rest. */
const OVERVIEW_LIMITS = { lists: 5, tasks: 10, notes: 3, comments: 5 } as const;

interface Unavailable {
  section: string;
  reason: string;
}

/** Runs one section's requests; a refusal (not a 401) empties the section and says why. */
async function section<T>(name: string, unavailable: Unavailable[], empty: T, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!(error instanceof AttioError) || error.isUnauthorized) throw error;
    unavailable.push({ section: name, reason: error.message });
    return empty;
  }
}

const byNewest = <T extends { created_at: string }>(a: T, b: T) => b.created_at.localeCompare(a.created_at);

function when(point: AttioMeeting["start"]): string {
  return "datetime" in point ? shortTime(point.datetime) : point.date;
}

function meetingBrief(meeting: AttioMeeting | undefined) {
  if (!meeting) return null;
  return { id: meeting.id.meeting_id, title: meeting.title, start: when(meeting.start), end: when(meeting.end) };
}

interface Args {
  object: string;
  record_id: string;
}

async function recordOverview(ctx: ToolContext, args: Args) {
  const { object, record_id } = args;
  const unavailable: Unavailable[] = [];
  const linked = { linked_object: object, linked_record_id: record_id };
  const now = new Date().toISOString();

  // Round 1, in parallel: the record and every section's own request.
  const [record, entryRefs, lists, tasks, notes, last, next, threads] = await Promise.all([
    unwrap(ctx.attio.GET("/v2/objects/{object}/records/{record_id}", { params: { path: { object, record_id } } })),
    section("lists", unavailable, [], async () => {
      const found = await unwrap(
        ctx.attio.GET("/v2/objects/{object}/records/{record_id}/entries", {
          params: { path: { object, record_id }, query: { limit: OVERVIEW_LIMITS.lists } },
        }),
      );
      return found.data;
    }),
    section("lists", unavailable, new Map<string, { slug: string; name: string }>(), () => listDirectory(ctx)),
    section("open_tasks", unavailable, [] as AttioTask[], async () => {
      const query = { ...linked, is_completed: false, limit: OVERVIEW_LIMITS.tasks };
      return (await unwrap(ctx.attio.GET("/v2/tasks", { params: { query } }))).data;
    }),
    section("notes", unavailable, [] as AttioNote[], async () => {
      // Attio does not document the notes order: take a full page (50, its maximum) and sort here.
      const query = { parent_object: object, parent_record_id: record_id, limit: 50 };
      return (await unwrap(ctx.attio.GET("/v2/notes", { params: { query } }))).data;
    }),
    section("meetings", unavailable, [] as AttioMeeting[], async () => {
      const query = { ...linked, starts_before: now, sort: "start_desc" as const, limit: 1 };
      return (await unwrap(ctx.attio.GET("/v2/meetings", { params: { query } }))).data;
    }),
    section("meetings", unavailable, [] as AttioMeeting[], async () => {
      const query = { ...linked, ends_from: now, sort: "start_asc" as const, limit: 1 };
      return (await unwrap(ctx.attio.GET("/v2/meetings", { params: { query } }))).data;
    }),
    section("comments", unavailable, [], async () => {
      const query = { object, record_id, limit: 50 };
      return (await unwrap(ctx.attio.GET("/v2/threads", { params: { query } }))).data;
    }),
  ]);

  // Round 2: each entry's values (the records/…/entries listing carries only ids).
  const entries = await Promise.all(
    entryRefs.map((ref) =>
      section("lists", unavailable, null as AttioEntry | null, async () => {
        const path = { list: ref.list_id, entry_id: ref.entry_id };
        return (await unwrap(ctx.attio.GET("/v2/lists/{list}/entries/{entry_id}", { params: { path } }))).data;
      }),
    ),
  );
  const shownEntries = entries.filter((entry): entry is AttioEntry => entry !== null);
  const comments = threads
    .flatMap((thread) => thread.comments)
    .sort(byNewest)
    .slice(0, OVERVIEW_LIMITS.comments);
  const latestNotes = [...notes].sort(byNewest).slice(0, OVERVIEW_LIMITS.notes);

  // Round 3: every name at once, and which attributes are multi-valued.
  const wanted = new Wanted();
  for (const [, values] of currentValues(record.data.values)) wanted.values(values);
  for (const entry of shownEntries)
    for (const [, values] of currentValues(entry.entry_values as AttioRecord["values"])) wanted.values(values);
  if (tasks.some((t) => t.assignees.length > 0) || latestNotes.length > 0 || comments.length > 0) wanted.actors = true;
  const [slug, multi, listMulti, names] = await Promise.all([
    objectSlug(ctx, object),
    multiValued(ctx, "objects", object),
    Promise.all(
      shownEntries.map((entry) => multiValued(ctx, "lists", entry.id.list_id).catch(() => new Set<string>())),
    ),
    resolveNames(ctx, wanted),
  ]);

  return {
    record: recordPart(record.data, slug, names, multi),
    related: relatedPart(record.data, names),
    lists: shownEntries.map((entry, i) => ({
      list: lists.get(entry.id.list_id)?.slug ?? entry.id.list_id,
      list_name: lists.get(entry.id.list_id)?.name ?? "",
      entry_id: entry.id.entry_id,
      values: compactValues(entry.entry_values as AttioRecord["values"], undefined, names, listMulti[i] ?? new Set()),
    })),
    open_tasks: tasks.map((task) => ({
      id: task.id.task_id,
      content: task.content_plaintext,
      deadline: task.deadline_at ? shortTime(task.deadline_at) : null,
      assignees: task.assignees.map((a) => names.actor(a.referenced_actor_type, a.referenced_actor_id)),
    })),
    notes: latestNotes.map((note) => ({
      id: note.id.note_id,
      title: note.title,
      snippet: snippet(note.content_plaintext) ?? "",
      created_at: shortTime(note.created_at),
      author: actorOf(note.created_by_actor, names),
    })),
    meetings: { last: meetingBrief(last[0]), next: meetingBrief(next[0]) },
    comments: comments.map((comment: AttioComment) => ({
      id: comment.id.comment_id,
      thread_id: comment.thread_id,
      author: actorOf(comment.author, names),
      text: comment.content_plaintext,
      created_at: shortTime(comment.created_at),
    })),
    ...(unavailable.length > 0 ? { unavailable: onePerSection(unavailable) } : {}),
  };
}

/** A section with several requests (meetings, lists) is reported once. */
function onePerSection(unavailable: Unavailable[]): Unavailable[] {
  return [...new Map(unavailable.map((u) => [u.section, u])).values()];
}

function actorOf(who: { type?: string | null; id?: string | null } | undefined, names: Names) {
  return who?.id ? names.actor(who.type, who.id) : { id: "", name: who?.type ?? "unknown" };
}

/** The record's own values; record references move to `related` so each is shown once. */
function recordPart(record: AttioRecord, object: string, names: Names, multi: ReadonlySet<string>) {
  const values = Object.fromEntries(
    Object.entries(record.values).filter(([, all]) => !all.some(isRecordReference)),
  ) as AttioRecord["values"];
  const shown = compactValues(values, undefined, names, multi);
  return { object, id: record.id.record_id, name: titleOf(record), url: record.web_url, values: shown };
}

function isRecordReference(value: AttioValue): boolean {
  return value.attribute_type === "record-reference";
}

/** People, companies, deals… the record points at, each named, with the attribute that links it. */
function relatedPart(record: AttioRecord, names: Names) {
  const related: { object: string; id: string; name: string; via: string }[] = [];
  for (const [slug, values] of currentValues(record.values)) {
    for (const value of values) {
      if (value.attribute_type !== "record-reference") continue;
      const ref = names.record(value.target_object, value.target_record_id);
      related.push({ object: ref.object, id: ref.id, name: ref.name ?? "(unnamed)", via: slug });
    }
  }
  return related;
}

const recordOverviewTool: Tool<Args> = {
  name: "record_overview",
  title: "Brief on a record",
  description:
    "Brief on one record in one call: values, related records, the lists it is on (entry values), open tasks, " +
    'latest notes, last and next meeting, recent comments. Example: {"object":"companies","record_id":"<id>"}',
  annotations: READ_ONLY,
  ui: RECORD_CARD_URI,
  inputSchema: {
    type: "object",
    properties: { object: OBJECT_ARG, record_id: RECORD_ID_ARG },
    required: ["object", "record_id"],
    additionalProperties: false,
  },
  outputSchema: outputOf({
    record: "object",
    related: "object[]",
    lists: "object[]",
    open_tasks: "object[]",
    notes: "object[]",
    meetings: "object",
    comments: "object[]",
    unavailable: "object[]?",
  }),
  async run(ctx, args) {
    return { structured: await recordOverview(ctx, args) };
  },
};

export const recordOverviewTools: Tool[] = [recordOverviewTool];
