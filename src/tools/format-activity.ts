// Compact notes, tasks, comment threads, meetings, members, lists and objects: ids unwrapped
// from Attio's {workspace_id,…_id} envelopes, nulls and bookkeeping dropped, long text cut in lists.
import type { components, paths } from "../../generated/attio";
import { recordUrl, shortTime } from "./format";
import { cutLongText, snippet } from "./paging";

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

/** Members are named by id; members_list resolves them. Other actors keep their type. */
function actor(who: Actor | undefined): string | undefined {
  if (!who?.id) return who?.type ?? undefined;
  return who.type === "workspace-member" ? who.id : `${who.type}:${who.id}`;
}

function defined<T extends Record<string, unknown>>(value: T): T {
  for (const key of Object.keys(value)) if (value[key] === undefined || value[key] === null) delete value[key];
  return value;
}

/** `full` returns the whole body (notes_get, fetch), cut only past the size cap; lists get a snippet. */
export function compactNote(note: AttioNote, workspaceSlug: string, full = false) {
  const body = note.content_markdown || note.content_plaintext;
  const cut = full ? cutLongText(body) : null;
  const url = recordUrl(workspaceSlug, note.parent_object, note.parent_record_id);
  return defined({
    id: note.id.note_id,
    title: note.title,
    parent: { object: note.parent_object, id: note.parent_record_id },
    url,
    created_at: shortTime(note.created_at),
    created_by: actor(note.created_by_actor),
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

export function compactTask(task: AttioTask) {
  return defined({
    id: task.id.task_id,
    content: task.content_plaintext,
    deadline: task.deadline_at ? shortTime(task.deadline_at) : null,
    is_completed: task.is_completed,
    assignees: task.assignees.map((assignee) => assignee.referenced_actor_id),
    // Attio returns the object's id here; every tool accepts an object id where it takes a slug.
    linked_records: task.linked_records.map((link) => ({ object: link.target_object_id, id: link.target_record_id })),
    created_at: shortTime(task.created_at),
  });
}

export function compactComment(comment: AttioComment) {
  return defined({
    id: comment.id.comment_id,
    author: actor(comment.author),
    content: comment.content_plaintext,
    created_at: shortTime(comment.created_at),
    resolved_at: comment.resolved_at ? shortTime(comment.resolved_at) : null,
  });
}

export function compactThread(thread: AttioThread) {
  return {
    id: thread.id.thread_id,
    created_at: shortTime(thread.created_at),
    comments: thread.comments.map(compactComment),
  };
}

function when(point: AttioMeeting["start"]): string {
  return "datetime" in point ? shortTime(point.datetime) : point.date;
}

export function compactMeeting(meeting: AttioMeeting, workspaceSlug: string, full = false) {
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
      object: link.object_slug,
      id: link.record_id,
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
