// In-memory state of one sandbox workspace. Shapes stay close to Attio's wire shapes so the
// renderers are thin; Maps keep insertion order, which is the default listing order.

type ActorType = "api-token" | "workspace-member" | "system" | "app";
export interface Actor {
  type: ActorType | null;
  id: string | null;
}

export const ATTRIBUTE_TYPES = [
  "text",
  "number",
  "checkbox",
  "currency",
  "date",
  "timestamp",
  "rating",
  "status",
  "select",
  "record-reference",
  "actor-reference",
  "location",
  "domain",
  "email-address",
  "phone-number",
  "interaction",
  "personal-name",
] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** A stored value: type-specific fields plus Attio's history envelope. */
export interface StoredValue {
  attribute_type: AttributeType;
  active_from: string;
  active_until: string | null;
  created_by_actor: Actor;
  [field: string]: unknown;
}
export type ValueMap = Record<string, StoredValue[]>;

export interface OptionDef {
  id: string;
  title: string;
  is_archived: boolean;
}
export interface StatusDef extends OptionDef {
  celebration_enabled: boolean;
  target_time_in_status: string | null;
}

export interface AttributeDef {
  id: string;
  /** object id or list id this attribute belongs to */
  parent_id: string;
  api_slug: string;
  title: string;
  description: string | null;
  type: AttributeType;
  is_system_attribute: boolean;
  is_writable: boolean;
  is_required: boolean;
  is_unique: boolean;
  is_multiselect: boolean;
  is_archived?: boolean;
  created_at: string;
  options?: OptionDef[];
  statuses?: StatusDef[];
  /** record-reference: api slugs of the objects it may point at */
  targets?: string[];
  currency_code?: string;
}

export interface ObjectDef {
  id: string;
  api_slug: string;
  singular_noun: string;
  plural_noun: string;
  created_at: string;
  attributes: AttributeDef[];
}

export interface RecordRow {
  id: string;
  object_id: string;
  created_at: string;
  values: ValueMap;
}

export interface ListDef {
  id: string;
  api_slug: string;
  name: string;
  /** api slugs of allowed parent objects */
  parent_object: string[];
  workspace_access: "full-access" | "read-and-write" | "read-only" | null;
  created_by_actor: Actor;
  created_at: string;
  attributes: AttributeDef[];
}

export interface EntryRow {
  id: string;
  list_id: string;
  parent_record_id: string;
  parent_object: string;
  created_at: string;
  values: ValueMap;
}

export interface MemberRow {
  id: string;
  first_name: string;
  last_name: string;
  email_address: string;
  access_level: "admin" | "member" | "suspended";
  avatar_url: string | null;
  created_at: string;
}

export interface NoteRow {
  id: string;
  parent_object: string;
  parent_record_id: string;
  title: string;
  meeting_id: string | null;
  content_plaintext: string;
  content_markdown: string;
  created_by_actor: Actor;
  created_at: string;
}

export interface TaskRow {
  id: string;
  content_plaintext: string;
  deadline_at: string | null;
  is_completed: boolean;
  linked_records: { target_object_id: string; target_record_id: string }[];
  assignees: { referenced_actor_type: ActorType; referenced_actor_id: string }[];
  created_by_actor: Actor;
  created_at: string;
}

export interface CommentRow {
  id: string;
  thread_id: string;
  content_plaintext: string;
  entry: { entry_id: string; list_id: string } | null;
  record: { record_id: string; object_id: string };
  author: Actor;
  created_at: string;
}

export interface ThreadRow {
  id: string;
  created_at: string;
  /** comment ids in order; the first is the thread's head */
  comment_ids: string[];
}

export type MeetingTime = { datetime: string; timezone: string | null } | { date: string };
export interface MeetingRow {
  id: string;
  title: string;
  description: string;
  is_all_day: boolean;
  start: MeetingTime;
  end: MeetingTime;
  participants: {
    status: "accepted" | "tentative" | "declined" | "pending";
    is_organizer: boolean;
    email_address: string | null;
  }[];
  linked_records: { object_slug: string; object_id: string; record_id: string }[];
  created_at: string;
  created_by_actor: Actor;
}

interface TranscriptSegment {
  speech: string;
  start_time: number;
  end_time: number;
  speaker: { name: string };
}
export interface RecordingRow {
  id: string;
  meeting_id: string;
  status: "processing" | "completed" | "failed";
  created_by_actor: Actor;
  created_at: string;
  transcript: TranscriptSegment[];
}

interface WorkspaceInfo {
  id: string;
  slug: string;
  name: string;
  logo_url: string | null;
  /** POST /v2/sql is Enterprise-only. */
  plan: "enterprise" | "pro";
  /** GET /v2/emails is alpha, enabled per workspace on request. */
  emails_enabled: boolean;
}

/** Email metadata as Attio stores it; linked records are derived per request (emails.ts). */
export interface EmailRow {
  id: string;
  mailbox_id: string;
  sent_at: string;
  direction: "inbound" | "outbound";
  subject_line: string | null;
  participants: { role: "from" | "reply-to" | "to" | "cc" | "bcc"; email_address: string; name: string | null }[];
}

export interface Workspace {
  info: WorkspaceInfo;
  members: MemberRow[];
  objects: ObjectDef[];
  records: Map<string, RecordRow>;
  lists: ListDef[];
  entries: Map<string, EntryRow>;
  notes: Map<string, NoteRow>;
  tasks: Map<string, TaskRow>;
  threads: Map<string, ThreadRow>;
  comments: Map<string, CommentRow>;
  meetings: Map<string, MeetingRow>;
  recordings: Map<string, RecordingRow>;
  emails: EmailRow[];
  /** Merged record id → reads left that answer 404 merge_in_progress (a 202 merge). */
  merging: Map<string, number>;
  /** Times (ms) of recent merge requests, for the endpoint's 5 requests/s limit. */
  mergeTimes: number[];
}

/** One Attio API call as the sandbox saw it (GET /__sandbox/requests), for tests to assert on. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: { authorization?: string; content_type?: string };
  body: unknown;
}
