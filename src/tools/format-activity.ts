// Compact notes, tasks, comment threads, meetings, members, lists and objects: ids unwrapped
// from Attio's {workspace_id,…_id} envelopes, nulls and bookkeeping dropped, long text cut in lists.
import type { components, paths } from "../../generated/attio";
import { recordUrl, shortTime } from "./format";
import { cutLongText, snippet } from "./paging";
import type { Names, Wanted } from "./references";

type Schemas = components["schemas"];
type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { "application/json": infer B } } };
}
  ? B
  : never;

export type AttioNote = Schemas["note"];
export type AttioTask = Schemas["task"];
export type AttioThread = Schemas["thread"];
export type AttioComment = Schemas["comment"];
export type AttioMeeting = Schemas["meeting"];
export type AttioMember = Schemas["workspace-member"];
export type AttioList = Schemas["list"];
export type AttioObject = Schemas["object"];
export type AttioRecording = Json<"/v2/meetings/{meeting_id}/call_recordings", "get">["data"][number];
export type AttioTranscript = Json<
  "/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}/transcript",
  "get"
>["data"];

type Actor = { id?: string | null; type?: string | null };

/** An actor as {id, name, email}; undefined when Attio names none. */
function actor(who: Actor | undefined, names: Names) {
  return who?.id ? names.actor(who.type, who.id) : undefined;
}

/** What a note, task, comment thread or meeting points at, for one bulk name lookup (references.ts). */
export function wantNote(wanted: Wanted, note: AttioNote): void {
  wanted.record(note.parent_object, note.parent_record_id);
  if (note.created_by_actor?.id) wanted.actors = true;
}
export function wantTask(wanted: Wanted, task: AttioTask): void {
  for (const link of task.linked_records) wanted.record(link.target_object_id, link.target_record_id);
  if (task.assignees.length > 0) wanted.actors = true;
}
export function wantThread(wanted: Wanted, thread: AttioThread): void {
  if (thread.comments.length > 0) wanted.actors = true;
}
export function wantComment(wanted: Wanted, _comment: AttioComment): void {
  wanted.actors = true;
}
export function wantMeeting(wanted: Wanted, meeting: AttioMeeting): void {
  for (const link of meeting.linked_records) wanted.record(link.object_slug, link.record_id);
}

function defined<T extends Record<string, unknown>>(value: T): T {
  for (const key of Object.keys(value)) if (value[key] === undefined || value[key] === null) delete value[key];
  return value;
}

/** `full` returns the whole body (notes_get, fetch), cut only past the size cap; lists get a snippet. */
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

export function compactTask(task: AttioTask, names: Names) {
  return defined({
    id: task.id.task_id,
    content: task.content_plaintext,
    deadline: task.deadline_at ? shortTime(task.deadline_at) : null,
    is_completed: task.is_completed,
    assignees: task.assignees.map((assignee) =>
      names.actor(assignee.referenced_actor_type, assignee.referenced_actor_id),
    ),
    // Attio names the object by id here; names.record says its slug.
    linked_records: task.linked_records.map((link) => names.record(link.target_object_id, link.target_record_id)),
    created_at: shortTime(task.created_at),
  });
}

export function compactComment(comment: AttioComment, names: Names) {
  return defined({
    id: comment.id.comment_id,
    author: actor(comment.author, names),
    content: comment.content_plaintext,
    created_at: shortTime(comment.created_at),
    resolved_at: comment.resolved_at ? shortTime(comment.resolved_at) : null,
  });
}

export function compactThread(thread: AttioThread, names: Names) {
  return {
    id: thread.id.thread_id,
    created_at: shortTime(thread.created_at),
    comments: thread.comments.map((comment) => compactComment(comment, names)),
  };
}

function when(point: AttioMeeting["start"]): string {
  return "datetime" in point ? shortTime(point.datetime) : point.date;
}

export function compactMeeting(meeting: AttioMeeting, workspaceSlug: string, names: Names, full = false) {
  return defined({
    id: meeting.id.meeting_id,
    title: meeting.title,
    start: when(meeting.start),
    end: when(meeting.end),
    timezone: "timezone" in meeting.start ? meeting.start.timezone : undefined,
    all_day: meeting.is_all_day || undefined,
    participants: meeting.participants.map(
      (p) =>
        `${p.email_address ?? "(no email)"}${p.is_organizer ? " (organizer)" : ""}${p.status && p.status !== "accepted" ? ` [${p.status}]` : ""}`,
    ),
    linked_records: meeting.linked_records.map((link) => ({
      ...names.record(link.object_slug, link.record_id),
      url: recordUrl(workspaceSlug, link.object_slug, link.record_id),
    })),
    description: full ? meeting.description || undefined : snippet(meeting.description),
  });
}

export function compactRecording(recording: AttioRecording) {
  return {
    id: recording.id.call_recording_id,
    meeting_id: recording.id.meeting_id,
    status: recording.status,
    url: recording.web_url,
    created_at: shortTime(recording.created_at),
  };
}

/** "[01:05] Ann Lee: text": one short line per speech segment. */
export function transcriptLine(segment: AttioTranscript["transcript"][number]): string {
  const seconds = Math.floor(segment.start_time);
  const stamp = `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
  return `[${stamp}] ${segment.speaker.name}: ${segment.speech}`;
}

export function compactMember(member: AttioMember) {
  return {
    id: member.id.workspace_member_id,
    name: `${member.first_name} ${member.last_name}`.trim(),
    email: member.email_address,
    access_level: member.access_level,
  };
}

export function compactList(list: AttioList) {
  return {
    id: list.id.list_id,
    slug: list.api_slug,
    name: list.name,
    parent_objects: list.parent_object,
    access: list.workspace_access ?? "none",
  };
}

export function compactObject(object: AttioObject) {
  return defined({
    id: object.id.object_id,
    slug: object.api_slug ?? object.id.object_id,
    singular: object.singular_noun,
    plural: object.plural_noun,
  });
}
