// Meetings, call recordings and transcripts (Attio BETA endpoints): cursor-paginated with
// {data, pagination: {next_cursor}}. Transcripts page over speech segments.
import type { Handler } from "./context";
import { badRequest, notFound } from "./errors";
import { findObject } from "./model";
import type { MeetingRow, MeetingTime, RecordingRow, Workspace } from "./types";
import { cursorPage, decodeCursor, encodeCursor } from "./util";

/** Segments per transcript page: small so clients must follow cursors even on the seed. */
const TRANSCRIPT_PAGE_SIZE = 3;

function renderMeeting(ws: Workspace, m: MeetingRow) {
  const { id, ...rest } = m;
  return { id: { workspace_id: ws.info.id, meeting_id: id }, ...rest };
}

function renderRecording(ws: Workspace, r: RecordingRow) {
  return {
    id: { workspace_id: ws.info.id, meeting_id: r.meeting_id, call_recording_id: r.id },
    status: r.status,
    web_url: `https://app.attio.com/${ws.info.slug}/calls/${r.meeting_id}/${r.id}/meeting`,
    created_by_actor: r.created_by_actor,
    created_at: r.created_at,
  };
}

const instant = (t: MeetingTime): number => Date.parse("datetime" in t ? t.datetime : `${t.date}T00:00:00Z`);

function timeParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (!raw) return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms))
    throw badRequest("validation_type", `Invalid ${name} "${raw}": expected an ISO 8601 timestamp.`);
  return ms;
}

export const listMeetings: Handler = ({ ws, query }) => {
  const linkedObject = query.get("linked_object");
  const linkedRecord = query.get("linked_record_id");
  if (!!linkedObject !== !!linkedRecord)
    throw badRequest("validation_type", "linked_object and linked_record_id must be passed together.");
  const obj = linkedObject ? findObject(ws, linkedObject) : undefined;
  if (linkedObject && !obj) throw notFound(`Object with slug/ID "${linkedObject}" not found.`);
  const emails = (query.get("participants") ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const endsFrom = timeParam(query, "ends_from");
  const startsBefore = timeParam(query, "starts_before");
  const sort = query.get("sort") ?? "start_asc";
  if (sort !== "start_asc" && sort !== "start_desc")
    throw badRequest("validation_type", `Invalid sort "${sort}". Valid values: start_asc, start_desc`);
  const meetings = [...ws.meetings.values()]
    .filter(
      (m) =>
        (!obj || m.linked_records.some((l) => l.object_id === obj.id && l.record_id === linkedRecord)) &&
        (emails.length === 0 ||
          m.participants.some((p) => p.email_address && emails.includes(p.email_address.toLowerCase()))) &&
        (endsFrom === undefined || instant(m.end) >= endsFrom) &&
        (startsBefore === undefined || instant(m.start) < startsBefore),
    )
    .sort((a, b) => (instant(a.start) - instant(b.start)) * (sort === "start_desc" ? -1 : 1));
  const { data, pagination } = cursorPage(meetings, query, 50, 200);
  return { data: data.map((m) => renderMeeting(ws, m)), pagination };
};

function requireMeeting(ws: Workspace, id: string): MeetingRow {
  const m = ws.meetings.get(id);
  if (!m) throw notFound(`Meeting with ID "${id}" was not found.`);
  return m;
}

function requireRecording(ws: Workspace, meetingId: string, id: string): RecordingRow {
  const r = ws.recordings.get(id);
  if (!r || r.meeting_id !== meetingId) throw notFound(`Call recording with ID "${id}" was not found.`);
  return r;
}

export const getMeeting: Handler = ({ ws, params }) => ({
  data: renderMeeting(ws, requireMeeting(ws, params.meeting_id!)),
});

export const listRecordings: Handler = ({ ws, params, query }) => {
  const meeting = requireMeeting(ws, params.meeting_id!);
  const all = [...ws.recordings.values()].filter((r) => r.meeting_id === meeting.id);
  const { data, pagination } = cursorPage(all, query, 50, 200);
  return { data: data.map((r) => renderRecording(ws, r)), pagination };
};

export const getRecording: Handler = ({ ws, params }) => ({
  data: renderRecording(ws, requireRecording(ws, params.meeting_id!, params.call_recording_id!)),
});

export const getTranscript: Handler = ({ ws, params, query }) => {
  const r = requireRecording(ws, params.meeting_id!, params.call_recording_id!);
  const offset = decodeCursor(query.get("cursor"));
  const segments = r.transcript.slice(offset, offset + TRANSCRIPT_PAGE_SIZE);
  const next = offset + TRANSCRIPT_PAGE_SIZE < r.transcript.length ? encodeCursor(offset + TRANSCRIPT_PAGE_SIZE) : null;
  return {
    data: {
      id: { workspace_id: ws.info.id, meeting_id: r.meeting_id, call_recording_id: r.id },
      transcript: segments,
      raw_transcript: r.transcript.map((s) => `${s.speaker.name}: ${s.speech}`).join("\n"),
      web_url: renderRecording(ws, r).web_url,
    },
    pagination: { next_cursor: next },
  };
};
