// Compact meetings, call recordings and transcript lines for the meeting tools (tools/meetings.ts).
import type { components, paths } from "../../generated/attio";
import { defined, recordUrl, shortTime } from "./format";
import { snippet } from "./paging";

type AttioMeeting = components["schemas"]["meeting"];
type RecordingsPage =
  paths["/v2/meetings/{meeting_id}/call_recordings"]["get"]["responses"][200]["content"]["application/json"];
type TranscriptPath = paths["/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}/transcript"];
type TranscriptPage = TranscriptPath["get"]["responses"][200]["content"]["application/json"];
type AttioRecording = RecordingsPage["data"][number];
type AttioTranscriptSegment = TranscriptPage["data"]["transcript"][number];

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
export function transcriptLine(segment: AttioTranscriptSegment): string {
  const seconds = Math.floor(segment.start_time);
  const stamp = `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
  return `[${stamp}] ${segment.speaker.name}: ${segment.speech}`;
}
