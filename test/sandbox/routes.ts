// The table of contents of the sandbox's Attio API: every implemented /v2 operation, keyed by
// the spec's own path template so request bodies validate against that operation's schema.
import type { Handler } from "./context";
import * as configure from "./configure";
import { listEmails } from "./emails";
import * as lists from "./lists";
import { mergeRecords } from "./merge";
import * as meetings from "./meetings";
import * as notes from "./notes";
import * as objects from "./objects";
import * as records from "./records";
import { searchRecords } from "./search";
import * as tasks from "./tasks";
import { querySql } from "./sql";
import * as threads from "./threads";

export interface Route {
  method: string;
  /** spec path template, e.g. /v2/objects/{object}/records/{record_id} */
  path: string;
  handler: Handler;
}

const r = (method: string, path: string, handler: Handler): Route => ({ method, path, handler });

export const ROUTES: Route[] = [
  r("GET", "/v2/self", objects.self),
  r("GET", "/v2/objects", objects.listObjects),
  r("POST", "/v2/objects/records/search", searchRecords),
  r("GET", "/v2/objects/{object}", objects.getObject),
  r("GET", "/v2/{target}/{identifier}/attributes", objects.listAttributes),
  r("GET", "/v2/{target}/{identifier}/attributes/{attribute}", objects.getAttribute),
  r("GET", "/v2/{target}/{identifier}/attributes/{attribute}/options", objects.listOptions),
  r("GET", "/v2/{target}/{identifier}/attributes/{attribute}/statuses", objects.listStatuses),
  r("POST", "/v2/{target}/{identifier}/attributes", configure.createAttribute),
  r("PATCH", "/v2/{target}/{identifier}/attributes/{attribute}", configure.updateAttribute),
  r("POST", "/v2/{target}/{identifier}/attributes/{attribute}/options", configure.createOption),
  r("PATCH", "/v2/{target}/{identifier}/attributes/{attribute}/options/{option}", configure.updateOption),
  r("POST", "/v2/{target}/{identifier}/attributes/{attribute}/statuses", configure.createStatus),
  r("PATCH", "/v2/{target}/{identifier}/attributes/{attribute}/statuses/{status}", configure.updateStatus),
  r("POST", "/v2/objects/{object}/records/merge", mergeRecords),
  r("POST", "/v2/objects/{object}/records/query", records.queryRecords),
  r("POST", "/v2/objects/{object}/records", records.createRecordHandler),
  r("PUT", "/v2/objects/{object}/records", records.assertRecord),
  r("GET", "/v2/objects/{object}/records/{record_id}", records.getRecord),
  r("PATCH", "/v2/objects/{object}/records/{record_id}", records.patchRecord),
  r("PUT", "/v2/objects/{object}/records/{record_id}", records.putRecord),
  r("DELETE", "/v2/objects/{object}/records/{record_id}", records.deleteRecordHandler),
  r("GET", "/v2/objects/{object}/records/{record_id}/attributes/{attribute}/values", records.recordValues),
  r("GET", "/v2/objects/{object}/records/{record_id}/entries", records.recordEntries),
  r("GET", "/v2/lists", lists.listLists),
  r("POST", "/v2/lists", configure.createList),
  r("GET", "/v2/lists/{list}", lists.getList),
  r("PATCH", "/v2/lists/{list}", configure.updateList),
  r("POST", "/v2/lists/{list}/entries/query", lists.queryEntries),
  r("POST", "/v2/lists/{list}/entries", lists.createEntryHandler),
  r("PUT", "/v2/lists/{list}/entries", lists.assertEntry),
  r("GET", "/v2/lists/{list}/entries/{entry_id}", lists.getEntry),
  r("PATCH", "/v2/lists/{list}/entries/{entry_id}", lists.patchEntry),
  r("PUT", "/v2/lists/{list}/entries/{entry_id}", lists.putEntry),
  r("DELETE", "/v2/lists/{list}/entries/{entry_id}", lists.deleteEntry),
  r("GET", "/v2/lists/{list}/entries/{entry_id}/attributes/{attribute}/values", lists.entryValues),
  r("GET", "/v2/workspace_members", objects.listMembers),
  r("GET", "/v2/workspace_members/{workspace_member_id}", objects.getMember),
  r("GET", "/v2/notes", notes.listNotes),
  r("POST", "/v2/notes", notes.createNote),
  r("GET", "/v2/notes/{note_id}", notes.getNote),
  r("PATCH", "/v2/notes/{note_id}", notes.patchNote),
  r("DELETE", "/v2/notes/{note_id}", notes.deleteNote),
  r("GET", "/v2/tasks", tasks.listTasks),
  r("POST", "/v2/tasks", tasks.createTask),
  r("GET", "/v2/tasks/{task_id}", tasks.getTask),
  r("PATCH", "/v2/tasks/{task_id}", tasks.patchTask),
  r("DELETE", "/v2/tasks/{task_id}", tasks.deleteTask),
  r("GET", "/v2/threads", threads.listThreads),
  r("GET", "/v2/threads/{thread_id}", threads.getThread),
  r("POST", "/v2/comments", threads.createComment),
  r("GET", "/v2/comments/{comment_id}", threads.getComment),
  r("DELETE", "/v2/comments/{comment_id}", threads.deleteComment),
  r("GET", "/v2/emails", listEmails),
  r("POST", "/v2/sql", querySql),
  r("GET", "/v2/meetings", meetings.listMeetings),
  r("GET", "/v2/meetings/{meeting_id}", meetings.getMeeting),
  r("GET", "/v2/meetings/{meeting_id}/call_recordings", meetings.listRecordings),
  r("GET", "/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}", meetings.getRecording),
  r("GET", "/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}/transcript", meetings.getTranscript),
];

/** First route whose template matches; literal segments win because they are listed first. */
export function matchRoute(
  method: string,
  pathname: string,
): { route: Route; params: Record<string, string> } | undefined {
  const segs = pathname.replace(/\/+$/, "").split("/");
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const tpl = route.path.split("/");
    if (tpl.length !== segs.length) continue;
    const params: Record<string, string> = {};
    const ok = tpl.every((t, i) => {
      const seg = decodeURIComponent(segs[i]!);
      if (t.startsWith("{")) {
        params[t.slice(1, -1)] = seg;
        return seg !== "";
      }
      return t === seg;
    });
    if (ok) return { route, params };
  }
  return undefined;
}
