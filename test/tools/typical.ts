// A typical call of every tool and how many Attio requests it takes on a cold metadata cache
// (reference names: the member directory and attribute lists are cached a minute, records are not).
// Shared by the request-count test and bench/output-size.ts.
import { IDS, MEMBERS } from "../sandbox/seed";

const A = IDS.companies.acme;
const M = IDS.meetings.acme_kickoff;

/** A typical call per tool, and how many Attio requests it takes (cold metadata cache). */
export const TYPICAL: [name: string, args: Record<string, unknown>, requests: number][] = [
  ["health-check", {}, 2], // self + members (names the signed-in member)
  ["records_search", { query: "acme" }, 2], // objects (cached a minute) + search
  ["records_get_details", { object: "companies", record_id: A }, 4], // + attributes (cached), team and deal names
  ["records_discover_attributes", { object: "companies" }, 4], // attributes + objects (slugs) + options of 2 selects
  ["records_query", { object: "companies", limit: 25 }, 4], // + attributes (cached), one names query per object
  ["records_list_entries", { object: "companies", record_id: A }, 1],
  // 8 in parallel (record, its entries, lists, open tasks, notes, last and next meeting, threads), one per
  // list entry, then attributes of the object and of each list, members, one names query per object.
  ["record_overview", { object: "companies", record_id: A }, 14],
  ["records_aggregate", { object: "deals", group_by: "stage", measure: "value" }, 2], // attributes + one page
  ["create-record", { object: "companies", values: { name: "New Co", domains: ["new.example"] } }, 2],
  ["update-record", { object: "companies", record_id: A, values: { description: "x" } }, 4],
  [
    "records_upsert",
    { object: "companies", matching_attribute: "domains", values: { domains: "acme.com", description: "x" } },
    4,
  ],
  ["records_update_many", { object: "companies", record_ids: [A], values: { description: "x" } }, 2], // query + PATCH
  ["delete-record", { object: "deals", record_id: IDS.deals.globex_pilot }, 1],
  [
    "records_merge",
    { object: "companies", primary_record_id: A, secondary_record_id: IDS.companies.hooli },
    5, // merge + read the new record + its attribute list + its team and deal names
  ],
  ["objects_list", {}, 1],
  ["attributes_save", { object: "companies", title: "Renewal date", type: "date" }, 1],
  ["lists_save", { name: "Hiring", parent_object: "people" }, 1],
  ["lists_list", {}, 1],
  ["list_entries_query", { list: "sales_pipeline" }, 4], // + attributes, members (both cached), parent names
  [
    "list_entries_add",
    { list: "sales_pipeline", object: "companies", record_ids: [IDS.companies.hooli] },
    2, // query + PUT
  ],
  ["list_entries_update", { list: "sales_pipeline", entry_id: IDS.entries.acme, values: { priority: 1 } }, 4],
  ["list_entries_remove", { list: "sales_pipeline", entry_id: IDS.entries.acme }, 1],
  ["create-note", { object: "companies", record_id: A, title: "t", content: "c" }, 3], // + members + parent name
  ["list-notes", { object: "companies", record_id: A }, 3],
  ["notes_get", { note_id: IDS.notes.acme_kickoff }, 3],
  ["notes_update", { note_id: IDS.notes.acme_kickoff, title: "t" }, 3],
  ["notes_delete", { note_id: IDS.notes.acme_kickoff }, 1],
  ["tasks_list", { is_completed: false }, 5], // + members, objects (both cached), one names query per object
  ["tasks_create", { content: "c", assignees: [MEMBERS[0].email_address] }, 2],
  ["tasks_update", { task_id: IDS.tasks.follow_up_acme, is_completed: true }, 4],
  ["tasks_delete", { task_id: IDS.tasks.follow_up_acme }, 1],
  ["comments_list", { object: "companies", record_id: A }, 2], // + members (cached)
  // The author is always the signed-in member: a grant names it (1 request); this bare context has
  // no member id, so /v2/self names it first; then the member directory names the author.
  ["comments_create", { thread_id: IDS.threads.acme, content: "c" }, 3],
  ["comments_delete", { comment_id: IDS.comments.acme_reply }, 1],
  ["members_list", { query: "ada" }, 1],
  ["meetings_list", { object: "companies", record_id: A }, 3], // + one names query per linked object
  ["meetings_list", { meeting_id: M }, 3],
  ["transcripts_get", { meeting_id: M, call_recording_id: IDS.call_recordings.acme_kickoff }, 1],
  ["transcripts_get", { meeting_id: M }, 2], // recordings + transcript
  // The sandbox scans 4 emails per request (Attio scans a bounded number): 3 pages, then names per object.
  ["emails_list", { object: "companies", record_ids: [A] }, 5],
  ["sql_query", { query: "SELECT stage, count(*) AS n FROM lists.sales_pipeline GROUP BY stage" }, 1],
  ["search", { query: "acme" }, 2], // objects (then cached for a minute) + search
  ["fetch", { id: `record:companies:${A}` }, 4],
];
