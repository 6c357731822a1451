// Meetings (Attio BETA), their call recordings and transcripts; all cursor-paginated.
import { unwrap } from "../attio/client";
import { compactMeeting, compactRecording, transcriptLine, wantMeeting } from "./meetings-format";
import { namesFor } from "./references";
import { cursorPage, readCursor } from "./paging";
import { CURSOR_ARG, OBJECT_ARG, RECORD_ID_ARG, idArg, limitArg, pageSchema } from "./schemas";
import { READ_ONLY, type Tool } from "./tool";

const LINK_SCHEMA = {
  type: "object",
  properties: { object: { type: "string" }, id: { type: "string" }, name: { type: "string" }, url: { type: "string" } },
  required: ["object", "id"],
};

const MEETING_SCHEMA = {
  type: "object",
  properties: {
    id: { type: "string" },
    title: { type: "string" },
    start: { type: "string" },
    end: { type: "string" },
    timezone: { type: "string" },
    all_day: { type: "boolean" },
    participants: { type: "array", items: { type: "string" } },
    linked_records: { type: "array", items: LINK_SCHEMA },
    description: { type: "string" },
  },
  required: ["id", "title", "start", "end", "participants", "linked_records"],
};

const TIME_ARG = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}", description: "ISO 8601 date or date-time." };

interface ListArgs {
  object?: string;
  record_id?: string;
  participants?: string[];
  from?: string;
  to?: string;
  sort?: "start_asc" | "start_desc";
  limit?: number;
  cursor?: string;
}

const meetingsList: Tool<ListArgs> = {
  name: "meetings_list",
  title: "List meetings",
  description:
    "Lists calendar meetings, optionally only those linked to one record (object + record_id), with given " +
    "participant emails, or in a time range (`from`: ends at or after, `to`: starts before). Pages with next_cursor. " +
    'Example: {"object":"companies","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b","from":"2025-01-01","sort":"start_desc","limit":10}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: {
      object: { ...OBJECT_ARG, description: "With record_id: only meetings linked to that record." },
      record_id: RECORD_ID_ARG,
      participants: {
        type: "array",
        items: { type: "string", minLength: 3 },
        minItems: 1,
        description: "Participant email addresses (any of them).",
      },
      from: TIME_ARG,
      to: TIME_ARG,
      sort: { type: "string", enum: ["start_asc", "start_desc"], description: "Default start_asc." },
      limit: limitArg(25, 200),
      cursor: CURSOR_ARG,
    },
    // Attio filters on a linked record only with both halves.
    dependentRequired: { record_id: ["object"], object: ["record_id"] },
    additionalProperties: false,
  },
  outputSchema: pageSchema("meetings", MEETING_SCHEMA),
  async run(ctx, args) {
    const at = readCursor(args.cursor);
    const query = {
      limit: args.limit ?? 25,
      ...(at.cursor ? { cursor: at.cursor } : {}),
      ...(args.object && args.record_id ? { linked_object: args.object, linked_record_id: args.record_id } : {}),
      ...(args.participants ? { participants: args.participants.join(",") } : {}),
      ...(args.from ? { ends_from: args.from } : {}),
      ...(args.to ? { starts_before: args.to } : {}),
      ...(args.sort ? { sort: args.sort } : {}),
    };
    const listed = await unwrap(ctx.attio.GET("/v2/meetings", { params: { query } }));
    const names = await namesFor(ctx, listed.data, wantMeeting);
    const meetings = listed.data.map((meeting) => compactMeeting(meeting, ctx.workspaceSlug, names));
    return { structured: cursorPage("meetings", meetings, listed.pagination.next_cursor, at) };
  },
};

const meetingsGet: Tool<{ meeting_id: string }> = {
  name: "meetings_get",
  title: "Read a meeting",
  description:
    "Reads one meeting in full: time, participants, linked records and the whole description. For what was said, " +
    "use call_recordings_list then transcripts_get. " +
    'Example: {"meeting_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: { meeting_id: idArg("meeting's") },
    required: ["meeting_id"],
    additionalProperties: false,
  },
  outputSchema: MEETING_SCHEMA,
  async run(ctx, args) {
    const found = await unwrap(
      ctx.attio.GET("/v2/meetings/{meeting_id}", { params: { path: { meeting_id: args.meeting_id } } }),
    );
    const names = await namesFor(ctx, [found.data], wantMeeting);
    return { structured: compactMeeting(found.data, ctx.workspaceSlug, names, true) };
  },
};

const callRecordingsList: Tool<{ meeting_id: string; limit?: number; cursor?: string }> = {
  name: "call_recordings_list",
  title: "List a meeting's call recordings",
  description:
    "Lists the call recordings of one meeting (id, status, link); pass a completed one's id to transcripts_get. " +
    'Example: {"meeting_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: { meeting_id: idArg("meeting's"), limit: limitArg(50, 200), cursor: CURSOR_ARG },
    required: ["meeting_id"],
    additionalProperties: false,
  },
  outputSchema: pageSchema("call_recordings", {
    type: "object",
    properties: {
      id: { type: "string" },
      meeting_id: { type: "string" },
      status: { type: "string" },
      url: { type: "string" },
      created_at: { type: "string" },
    },
    required: ["id", "meeting_id", "status", "url"],
  }),
  async run(ctx, args) {
    const at = readCursor(args.cursor);
    const listed = await unwrap(
      ctx.attio.GET("/v2/meetings/{meeting_id}/call_recordings", {
        params: {
          path: { meeting_id: args.meeting_id },
          query: { limit: args.limit ?? 50, ...(at.cursor ? { cursor: at.cursor } : {}) },
        },
      }),
    );
    return {
      structured: cursorPage("call_recordings", listed.data.map(compactRecording), listed.pagination.next_cursor, at),
    };
  },
};

interface TranscriptArgs {
  meeting_id: string;
  call_recording_id: string;
  cursor?: string;
}

const transcriptsGet: Tool<TranscriptArgs> = {
  name: "transcripts_get",
  title: "Read a call transcript",
  description:
    'Reads a call recording\'s transcript as "[mm:ss] Speaker: words" lines, one page per call; follow ' +
    "next_cursor for the rest. Get the ids from meetings_list and call_recordings_list. " +
    'Example: {"meeting_id":"bf071e1f-6035-429d-b874-d83ea64ea13b","call_recording_id":"0f3c27ac-2f7d-4c16-9c37-3c6b8f3b7c61"}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: { meeting_id: idArg("meeting's"), call_recording_id: idArg("call recording's"), cursor: CURSOR_ARG },
    required: ["meeting_id", "call_recording_id"],
    additionalProperties: false,
  },
  outputSchema: {
    type: "object",
    properties: {
      meeting_id: { type: "string" },
      call_recording_id: { type: "string" },
      url: { type: "string" },
      lines: { type: "array", items: { type: "string" } },
      count: { type: "integer" },
      next_cursor: { type: "string" },
      truncated: { type: "boolean" },
      note: { type: "string" },
    },
    required: ["meeting_id", "call_recording_id", "lines", "count"],
  },
  async run(ctx, args) {
    const at = readCursor(args.cursor);
    const found = await unwrap(
      ctx.attio.GET("/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}/transcript", {
        params: {
          path: { meeting_id: args.meeting_id, call_recording_id: args.call_recording_id },
          query: at.cursor ? { cursor: at.cursor } : {},
        },
      }),
    );
    // raw_transcript repeats the segments as one string; the lines carry the same words with speakers.
    const lines = found.data.transcript.map(transcriptLine);
    const head = { meeting_id: args.meeting_id, call_recording_id: args.call_recording_id, url: found.data.web_url };
    return { structured: { ...head, ...cursorPage("lines", lines, found.pagination.next_cursor, at) } };
  },
};

export const meetingTools: Tool[] = [meetingsList, meetingsGet, callRecordingsList, transcriptsGet];
