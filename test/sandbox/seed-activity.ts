// Seed notes, tasks, comment threads, meetings and a call recording for the main workspace.
// Built as stored rows directly: these resources have no value-conversion rules to exercise.
import { IDS, MEMBERS, SEED_TIME } from "./seed";
import type { Actor, CommentRow, MeetingRow, NoteRow, RecordingRow, TaskRow, ThreadRow, Workspace } from "./types";
import { attioTime } from "./util";

const [ADMIN, MEMBER] = MEMBERS;
const byAdmin: Actor = { type: "workspace-member", id: ADMIN.id };
const byMember: Actor = { type: "workspace-member", id: MEMBER.id };
const day = (n: number) => attioTime(new Date(Date.parse("2024-01-15T10:00:00Z") + n * 86_400_000));

export function seedNotes(ws: Workspace, plainToMarkdown: (s: string) => string): void {
  const notes: NoteRow[] = [
    {
      id: IDS.notes.acme_kickoff,
      parent_object: "companies",
      parent_record_id: IDS.companies.acme,
      title: "Kickoff call",
      meeting_id: IDS.meetings.acme_kickoff,
      content_plaintext: "Discussed the rollout timeline and pricing. Ann will confirm the budget.",
      content_markdown: "",
      created_by_actor: byAdmin,
      created_at: day(1),
    },
    {
      id: IDS.notes.ann_intro,
      parent_object: "people",
      parent_record_id: IDS.people.ann,
      title: "Intro with Ann",
      meeting_id: null,
      content_plaintext: "Ann leads sales at Acme and prefers email.",
      content_markdown: "",
      created_by_actor: byMember,
      created_at: day(2),
    },
    {
      id: IDS.notes.globex_markdown,
      parent_object: "companies",
      parent_record_id: IDS.companies.globex,
      title: "Pilot plan",
      meeting_id: null,
      content_plaintext: "Pilot plan\n\nScope: 3 teams\nTimeline: 6 weeks",
      content_markdown: "# Pilot plan\n\n- **Scope**: 3 teams\n- Timeline: *6 weeks*",
      created_by_actor: byAdmin,
      created_at: day(3),
    },
  ];
  for (const n of notes)
    ws.notes.set(n.id, { ...n, content_markdown: n.content_markdown || plainToMarkdown(n.content_plaintext) });
}

export function seedTasks(ws: Workspace): void {
  const companies = ws.objects.find((o) => o.api_slug === "companies")!.id;
  const deals = ws.objects.find((o) => o.api_slug === "deals")!.id;
  const assignee = (id: string) => ({ referenced_actor_type: "workspace-member" as const, referenced_actor_id: id });
  const tasks: TaskRow[] = [
    {
      id: IDS.tasks.follow_up_acme,
      content_plaintext: "Follow up with Acme about the renewal",
      deadline_at: "2024-03-01T17:00:00.000000000Z",
      is_completed: false,
      linked_records: [{ target_object_id: companies, target_record_id: IDS.companies.acme }],
      assignees: [assignee(ADMIN.id)],
      created_by_actor: byAdmin,
      created_at: day(1),
    },
    {
      id: IDS.tasks.send_contract,
      content_plaintext: "Send the pilot contract to Globex",
      deadline_at: "2024-03-05T12:00:00.000000000Z",
      is_completed: false,
      linked_records: [
        { target_object_id: companies, target_record_id: IDS.companies.globex },
        { target_object_id: deals, target_record_id: IDS.deals.globex_pilot },
      ],
      assignees: [assignee(MEMBER.id)],
      created_by_actor: byAdmin,
      created_at: day(2),
    },
    {
      id: IDS.tasks.done_demo,
      content_plaintext: "Run the product demo for Initech",
      deadline_at: "2024-02-01T15:00:00.000000000Z",
      is_completed: true,
      linked_records: [{ target_object_id: companies, target_record_id: IDS.companies.initech }],
      assignees: [assignee(ADMIN.id)],
      created_by_actor: byMember,
      created_at: day(3),
    },
  ];
  for (const t of tasks) ws.tasks.set(t.id, t);
}

export function seedThreads(ws: Workspace): void {
  const companies = ws.objects.find((o) => o.api_slug === "companies")!.id;
  const record = { record_id: IDS.companies.acme, object_id: companies };
  const thread: ThreadRow = {
    id: IDS.threads.acme,
    created_at: day(4),
    comment_ids: [IDS.comments.acme_first, IDS.comments.acme_reply],
  };
  const comments: CommentRow[] = [
    {
      id: IDS.comments.acme_first,
      thread_id: thread.id,
      content_plaintext: "Can someone check the renewal terms before Friday?",
      entry: null,
      record,
      author: byAdmin,
      created_at: day(4),
    },
    {
      id: IDS.comments.acme_reply,
      thread_id: thread.id,
      content_plaintext: "On it, I will update the deal by Thursday.",
      entry: null,
      record,
      author: byMember,
      created_at: day(5),
    },
  ];
  ws.threads.set(thread.id, thread);
  for (const c of comments) ws.comments.set(c.id, c);
}

export function seedMeetings(ws: Workspace): void {
  const obj = (slug: string) => ws.objects.find((o) => o.api_slug === slug)!.id;
  const meetings: MeetingRow[] = [
    {
      id: IDS.meetings.acme_kickoff,
      title: "Acme kickoff",
      description: "Kickoff for the Acme rollout: timeline, pricing and owners.",
      is_all_day: false,
      start: { datetime: "2024-02-01T09:00:00.000Z", timezone: "America/Los_Angeles" },
      end: { datetime: "2024-02-01T10:00:00.000Z", timezone: "America/Los_Angeles" },
      participants: [
        { status: "accepted", is_organizer: true, email_address: ADMIN.email_address },
        { status: "accepted", is_organizer: false, email_address: "ann@acme.com" },
        { status: "tentative", is_organizer: false, email_address: "bob@acme.com" },
      ],
      linked_records: [
        { object_slug: "companies", object_id: obj("companies"), record_id: IDS.companies.acme },
        { object_slug: "people", object_id: obj("people"), record_id: IDS.people.ann },
      ],
      created_at: day(10),
      created_by_actor: byAdmin,
    },
    {
      id: IDS.meetings.globex_review,
      title: "Globex quarterly review",
      description: "Review of pilot progress with Globex procurement.",
      is_all_day: false,
      start: { datetime: "2024-03-10T14:00:00.000Z", timezone: "Europe/London" },
      end: { datetime: "2024-03-10T15:00:00.000Z", timezone: "Europe/London" },
      participants: [
        { status: "accepted", is_organizer: true, email_address: MEMBER.email_address },
        { status: "pending", is_organizer: false, email_address: "carla@globex.com" },
      ],
      linked_records: [{ object_slug: "companies", object_id: obj("companies"), record_id: IDS.companies.globex }],
      created_at: day(20),
      created_by_actor: byMember,
    },
  ];
  for (const m of meetings) ws.meetings.set(m.id, m);
  const speaker = (name: string) => ({ name });
  const recording: RecordingRow = {
    id: IDS.call_recordings.acme_kickoff,
    meeting_id: IDS.meetings.acme_kickoff,
    status: "completed",
    created_by_actor: byAdmin,
    created_at: SEED_TIME,
    transcript: [
      {
        speech: "Thanks for joining, let's walk through the rollout plan.",
        start_time: 0,
        end_time: 4.2,
        speaker: speaker("Ada Admin"),
      },
      {
        speech: "Great. Our main concern is the timeline for the second team.",
        start_time: 4.6,
        end_time: 9.1,
        speaker: speaker("Ann Lee"),
      },
      { speech: "We can onboard them in week three.", start_time: 9.5, end_time: 12, speaker: speaker("Ada Admin") },
      {
        speech: "And pricing stays at the current tier?",
        start_time: 12.4,
        end_time: 15.3,
        speaker: speaker("Bob Stone"),
      },
      {
        speech: "Yes, pricing is locked for the renewal year.",
        start_time: 15.8,
        end_time: 19,
        speaker: speaker("Ada Admin"),
      },
    ],
  };
  ws.recordings.set(recording.id, recording);
}
