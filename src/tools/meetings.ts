// Meetings (Attio BETA) and their call transcripts; cursor-paginated. Reading one meeting is
// meetings_list with meeting_id, and transcripts_get finds the recording itself: fewer tools to choose from.
import { unwrap } from "../attio/client";
import { compactMeeting, compactRecording, transcriptLine, wantMeeting } from "./meetings-format";
import { namesFor } from "./references";
import { cursorPage, readCursor } from "./paging";
import { CURSOR_ARG, OBJECT_ARG, RECORD_ID_ARG, idArg, limitArg, outputOf, pageSchema } from "./schemas";
import { READ_ONLY, type Tool, type ToolContext } from "./tool";

const TIME_ARG = { type: "string", description: "ISO date or date-time" };

interface ListArgs {
  meeting_id?: string;
  object?: string;
  record_id?: string;
  participants?: string[];
  from?: string;
  to?: string;
  sort: "start_asc" | "start_desc";
  limit: number;
  cursor?: string;
}

const meetingsList: Tool<ListArgs> = {
  name: "meetings_list",
  title: "List meetings",
  description:
    "Lists meetings: one record's (object + record_id), by participant emails, or in a range (from, to); " +
    "meeting_id reads one in full. " +
    'Example: {"object":"companies","record_id":"<id>","sort":"start_desc","limit":5}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: {
      meeting_id: idArg(),
      object: OBJECT_ARG,
      record_id: RECORD_ID_ARG,
      participants: { type: "array", items: { type: "string" }, minItems: 1 },
      from: TIME_ARG,
      to: TIME_ARG,
      sort: { type: "string", enum: ["start_asc", "start_desc"], default: "start_asc" },
      limit: limitArg(25, 200),
      cursor: CURSOR_ARG,
    },
    // Attio filters on a linked record only with both halves.
    dependentRequired: { record_id: ["object"], object: ["record_id"] },
    additionalProperties: false,
  },
  outputSchema: pageSchema("meetings", "cursor"),
  async run(ctx, args) {
    if (args.meeting_id) {
      const found = await unwrap(
        ctx.attio.GET("/v2/meetings/{meeting_id}", { params: { path: { meeting_id: args.meeting_id } } }),
      );
      const names = await namesFor(ctx, [found.data], wantMeeting);
      return { structured: { meetings: [compactMeeting(found.data, ctx.workspaceSlug, names, true)], count: 1 } };
    }
    const at = readCursor(args.cursor);
    const query = {
      limit: args.limit,
      ...(at.cursor ? { cursor: at.cursor } : {}),
      ...(args.object && args.record_id ? { linked_object: args.object, linked_record_id: args.record_id } : {}),
      ...(args.participants ? { participants: args.participants.join(",") } : {}),
      ...(args.from ? { ends_from: args.from } : {}),
      ...(args.to ? { starts_before: args.to } : {}),
      sort: args.sort,
    };
    const listed = await unwrap(ctx.attio.GET("/v2/meetings", { params: { query } }));
    const names = await namesFor(ctx, listed.data, wantMeeting);
    const meetings = listed.data.map((meeting) => compactMeeting(meeting, ctx.workspaceSlug, names));
    return { structured: cursorPage("meetings", meetings, listed.pagination.next_cursor, at) };
  },
};

interface TranscriptArgs {
  meeting_id: string;
  call_recording_id?: string;
  cursor?: string;
}

const transcriptsGet: Tool<TranscriptArgs> = {
  name: "transcripts_get",
  title: "Read a call transcript",
  description:
    'Reads a meeting\'s call transcript as "[mm:ss] Speaker: words" lines, paged by next_cursor; by default ' +
    "its latest completed recording. " +
    'Example: {"meeting_id":"<id>"}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: { meeting_id: idArg(), call_recording_id: idArg(), cursor: CURSOR_ARG },
    required: ["meeting_id"],
    additionalProperties: false,
  },
  outputSchema: outputOf({ meeting_id: "string", call_recording_id: "string", lines: "string[]", count: "integer" }),
  async run(ctx, args) {
    const recordings = args.call_recording_id ? [] : await recordingsOf(ctx, args.meeting_id);
    const recordingId = args.call_recording_id ?? recordings.find((r) => r.status === "completed")?.id;
    if (!recordingId) {
      const note = recordings.length
        ? `No completed recording yet (${recordings.map((r) => `${r.id}: ${r.status}`).join(", ")}); try again later.`
        : "This meeting has no call recording.";
      return { structured: { meeting_id: args.meeting_id, call_recording_id: "", lines: [], count: 0, note } };
    }
    const at = readCursor(args.cursor);
    const found = await unwrap(
      ctx.attio.GET("/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}/transcript", {
        params: {
          path: { meeting_id: args.meeting_id, call_recording_id: recordingId },
          query: at.cursor ? { cursor: at.cursor } : {},
        },
      }),
    );
    // raw_transcript repeats the segments as one string; the lines carry the same words with speakers.
    const lines = found.data.transcript.map(transcriptLine);
    const others = recordings.filter((r) => r.id !== recordingId).map((r) => ({ id: r.id, status: r.status }));
    const head = {
      meeting_id: args.meeting_id,
      call_recording_id: recordingId,
      url: found.data.web_url,
      ...(others.length ? { other_recordings: others } : {}),
    };
    return { structured: { ...head, ...cursorPage("lines", lines, found.pagination.next_cursor, at) } };
  },
};

/** A meeting's recordings, newest first (one page of Attio's; a meeting rarely has more than a few). */
async function recordingsOf(ctx: ToolContext, meetingId: string) {
  const listed = await unwrap(
    ctx.attio.GET("/v2/meetings/{meeting_id}/call_recordings", {
      params: { path: { meeting_id: meetingId }, query: { limit: 50 } },
    }),
  );
  return listed.data.map(compactRecording).sort((a, b) => b.created_at.localeCompare(a.created_at));
}

export const meetingTools: Tool[] = [meetingsList, transcriptsGet];
