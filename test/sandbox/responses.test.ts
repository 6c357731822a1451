// Every implemented operation, called over real HTTP, must answer in the spec's declared shape
// for that path, method and status, errors included. The spec is patched in a copy only, for
// its known bugs: the timestamp value variant declares format "date" although Attio sends
// date-times; OpenAPI 3.0 leftovers (`nullable: true`, and `type: [.., "null"]` with an enum
// lacking null) forbid the nulls Attio sends; one error schema spells `statusCode`.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { useSandbox } from "./helpers";
import { ROUTES } from "./routes";
import { IDS, MEMBERS, seedUuid } from "./seed";
import { CHECKED_FORMATS, compileAt, loadSpec, specPointer, type OpenApiDoc } from "./spec";

/** Deep copy with the quirks above fixed and unchecked formats (uri, email, binary) dropped. */
function patchedSpec(): OpenApiDoc {
  const copy = structuredClone(loadSpec());
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!node || typeof node !== "object") return;
    const obj = node as Record<string, unknown>;
    const props = obj.properties as Record<string, Record<string, unknown>> | undefined;
    const kind = props?.attribute_type?.enum as unknown[] | undefined;
    if (kind?.length === 1 && kind[0] === "timestamp" && props?.value?.format === "date")
      props.value.format = "date-time";
    if (typeof obj.format === "string" && !(obj.format in CHECKED_FORMATS)) delete obj.format;
    const types = Array.isArray(obj.type) ? obj.type : [obj.type];
    if (obj.nullable === true && typeof obj.type === "string") obj.type = [obj.type, "null"];
    if (Array.isArray(obj.enum) && (obj.nullable === true || types.includes("null")) && !obj.enum.includes(null))
      obj.enum.push(null);
    if (props?.statusCode && Array.isArray(obj.required)) {
      props.status_code = props.statusCode;
      delete props.statusCode;
      obj.required = obj.required.map((k) => (k === "statusCode" ? "status_code" : k));
    }
    Object.values(obj).forEach(walk);
  };
  walk(copy);
  return copy;
}

const C = IDS.companies;
const M = IDS.meetings.acme_kickoff;
const R = IDS.call_recordings.acme_kickoff;
const LIST = "sales_pipeline";
const author = { type: "workspace-member", id: MEMBERS[0].id };
const missing = "00000000-0000-4000-8000-000000000000";

/** [method, spec path, concrete path, body, expected status]; run in order against one state. */
type Case = [string, string, string, unknown, number];
const CASES: Case[] = [
  ["GET", "/v2/self", "/v2/self", undefined, 200],
  ["GET", "/v2/objects", "/v2/objects", undefined, 200],
  ["GET", "/v2/objects/{object}", "/v2/objects/companies", undefined, 200],
  ["GET", "/v2/objects/{object}", "/v2/objects/nope", undefined, 404],
  ["GET", "/v2/{target}/{identifier}/attributes", "/v2/objects/people/attributes", undefined, 200],
  ["GET", "/v2/{target}/{identifier}/attributes", `/v2/lists/${LIST}/attributes`, undefined, 200],
  ["GET", "/v2/{target}/{identifier}/attributes/{attribute}", "/v2/objects/deals/attributes/value", undefined, 200],
  ["GET", "/v2/{target}/{identifier}/attributes/{attribute}", "/v2/objects/deals/attributes/nope", undefined, 404],
  [
    "GET",
    "/v2/{target}/{identifier}/attributes/{attribute}/options",
    "/v2/objects/companies/attributes/categories/options",
    undefined,
    200,
  ],
  [
    "GET",
    "/v2/{target}/{identifier}/attributes/{attribute}/statuses",
    "/v2/objects/deals/attributes/stage/statuses",
    undefined,
    200,
  ],
  [
    "GET",
    "/v2/{target}/{identifier}/attributes/{attribute}/statuses",
    `/v2/lists/${LIST}/attributes/stage/statuses`,
    undefined,
    200,
  ],
  ["POST", "/v2/objects/{object}/records/query", "/v2/objects/companies/records/query", {}, 200],
  [
    "POST",
    "/v2/objects/{object}/records/query",
    "/v2/objects/people/records/query",
    { filter: { name: "Ann Lee" } },
    200,
  ],
  ["POST", "/v2/objects/{object}/records/query", "/v2/objects/deals/records/query", {}, 200],
  ["POST", "/v2/objects/{object}/records/query", "/v2/objects/projects/records/query", {}, 200],
  [
    "POST",
    "/v2/objects/{object}/records/query",
    "/v2/objects/people/records/query",
    { filter: { shoe_size: 42 } },
    400,
  ],
  ["POST", "/v2/objects/{object}/records/query", "/v2/objects/nope/records/query", {}, 404],
  [
    "POST",
    "/v2/objects/{object}/records",
    "/v2/objects/companies/records",
    {
      data: {
        values: {
          name: "Spec Co",
          domains: "spec.example",
          categories: ["SaaS"],
          primary_location: { line_1: "1 Way", locality: "Oslo", country_code: "NO" },
          foundation_date: "2020-02-02",
        },
      },
    },
    200,
  ],
  [
    "POST",
    "/v2/objects/{object}/records",
    "/v2/objects/people/records",
    {
      data: {
        values: {
          name: "Spec Person",
          email_addresses: "spec@person.example",
          phone_numbers: "+4420 7946 0000",
          company: C.acme,
        },
      },
    },
    200,
  ],
  [
    "POST",
    "/v2/objects/{object}/records",
    "/v2/objects/deals/records",
    { data: { values: { name: "Spec deal", stage: "Lead", value: 10, owner: MEMBERS[1].email_address } } },
    200,
  ],
  [
    "POST",
    "/v2/objects/{object}/records",
    "/v2/objects/projects/records",
    {
      data: {
        values: {
          name: "Spec project",
          is_billable: true,
          health: 2,
          budget_hours: 3.5,
          kickoff_at: "2025-01-01T00:00:00Z",
        },
      },
    },
    200,
  ],
  [
    "POST",
    "/v2/objects/{object}/records",
    "/v2/objects/deals/records",
    { data: { values: { name: "Bad", stage: "Nope" } } },
    400,
  ],
  ["POST", "/v2/objects/{object}/records", "/v2/objects/nope/records", { data: { values: {} } }, 404],
  [
    "PUT",
    "/v2/objects/{object}/records",
    "/v2/objects/companies/records?matching_attribute=domains",
    { data: { values: { domains: ["acme.com"], description: "Asserted" } } },
    200,
  ],
  [
    "PUT",
    "/v2/objects/{object}/records",
    "/v2/objects/companies/records?matching_attribute=shoe_size",
    { data: { values: { name: "X" } } },
    400,
  ],
  ["GET", "/v2/objects/{object}/records/{record_id}", `/v2/objects/companies/records/${C.acme}`, undefined, 200],
  ["GET", "/v2/objects/{object}/records/{record_id}", `/v2/objects/people/records/${IDS.people.ann}`, undefined, 200],
  ["GET", "/v2/objects/{object}/records/{record_id}", `/v2/objects/companies/records/${missing}`, undefined, 404],
  [
    "PATCH",
    "/v2/objects/{object}/records/{record_id}",
    `/v2/objects/companies/records/${C.acme}`,
    { data: { values: { categories: "Fintech" } } },
    200,
  ],
  [
    "PUT",
    "/v2/objects/{object}/records/{record_id}",
    `/v2/objects/deals/records/${IDS.deals.acme_renewal}`,
    { data: { values: { stage: "Won 🎉" } } },
    200,
  ],
  [
    "PUT",
    "/v2/objects/{object}/records/{record_id}",
    `/v2/objects/deals/records/${IDS.deals.acme_renewal}`,
    { data: { values: { name: [] } } },
    400,
  ],
  [
    "GET",
    "/v2/objects/{object}/records/{record_id}/attributes/{attribute}/values",
    `/v2/objects/deals/records/${IDS.deals.acme_renewal}/attributes/stage/values?show_historic=true`,
    undefined,
    200,
  ],
  [
    "GET",
    "/v2/objects/{object}/records/{record_id}/attributes/{attribute}/values",
    `/v2/objects/people/records/${IDS.people.ann}/attributes/last_interaction/values?show_historic=true`,
    undefined,
    400,
  ],
  [
    "GET",
    "/v2/objects/{object}/records/{record_id}/attributes/{attribute}/values",
    `/v2/objects/people/records/${IDS.people.ann}/attributes/nope/values`,
    undefined,
    404,
  ],
  [
    "GET",
    "/v2/objects/{object}/records/{record_id}/entries",
    `/v2/objects/companies/records/${C.acme}/entries`,
    undefined,
    200,
  ],
  [
    "POST",
    "/v2/objects/records/search",
    "/v2/objects/records/search",
    { query: "acme", objects: ["companies", "people", "deals"], request_as: { type: "workspace" } },
    200,
  ],
  [
    "POST",
    "/v2/objects/records/search",
    "/v2/objects/records/search",
    { query: "x", objects: ["foobar"], request_as: { type: "workspace" } },
    400,
  ],
  ["GET", "/v2/lists", "/v2/lists", undefined, 200],
  ["GET", "/v2/lists/{list}", `/v2/lists/${LIST}`, undefined, 200],
  ["GET", "/v2/lists/{list}", "/v2/lists/nope", undefined, 404],
  [
    "POST",
    "/v2/lists/{list}/entries/query",
    `/v2/lists/${LIST}/entries/query`,
    { filter: { stage: "Negotiation" } },
    200,
  ],
  ["POST", "/v2/lists/{list}/entries/query", "/v2/lists/nope/entries/query", {}, 404],
  [
    "POST",
    "/v2/lists/{list}/entries",
    `/v2/lists/${LIST}/entries`,
    { data: { parent_object: "companies", parent_record_id: C.hooli, entry_values: { stage: "Qualified" } } },
    200,
  ],
  [
    "POST",
    "/v2/lists/{list}/entries",
    `/v2/lists/${LIST}/entries`,
    { data: { parent_object: "companies", parent_record_id: C.hooli, entry_values: {} } },
    200,
  ],
  [
    "POST",
    "/v2/lists/{list}/entries",
    `/v2/lists/${LIST}/entries`,
    { data: { parent_object: "companies", parent_record_id: missing, entry_values: {} } },
    400,
  ],
  [
    "PUT",
    "/v2/lists/{list}/entries",
    `/v2/lists/${LIST}/entries`,
    { data: { parent_object: "companies", parent_record_id: C.umbrella, entry_values: { priority: 2 } } },
    200,
  ],
  [
    "PUT",
    "/v2/lists/{list}/entries",
    `/v2/lists/${LIST}/entries`,
    { data: { parent_object: "companies", parent_record_id: C.hooli, entry_values: {} } },
    400,
  ],
  ["GET", "/v2/lists/{list}/entries/{entry_id}", `/v2/lists/${LIST}/entries/${IDS.entries.acme}`, undefined, 200],
  ["GET", "/v2/lists/{list}/entries/{entry_id}", `/v2/lists/nope/entries/${IDS.entries.acme}`, undefined, 404],
  [
    "PATCH",
    "/v2/lists/{list}/entries/{entry_id}",
    `/v2/lists/${LIST}/entries/${IDS.entries.acme}`,
    { data: { entry_values: { stage: "Won" } } },
    200,
  ],
  [
    "PUT",
    "/v2/lists/{list}/entries/{entry_id}",
    `/v2/lists/${LIST}/entries/${IDS.entries.globex}`,
    { data: { entry_values: { priority: 1 } } },
    200,
  ],
  [
    "GET",
    "/v2/lists/{list}/entries/{entry_id}/attributes/{attribute}/values",
    `/v2/lists/${LIST}/entries/${IDS.entries.acme}/attributes/stage/values?show_historic=true`,
    undefined,
    200,
  ],
  ["GET", "/v2/workspace_members", "/v2/workspace_members", undefined, 200],
  ["GET", "/v2/workspace_members/{workspace_member_id}", `/v2/workspace_members/${MEMBERS[1].id}`, undefined, 200],
  ["GET", "/v2/workspace_members/{workspace_member_id}", `/v2/workspace_members/${missing}`, undefined, 404],
  ["GET", "/v2/notes", "/v2/notes?limit=50", undefined, 200],
  ["GET", "/v2/notes", `/v2/notes?parent_object=nope&parent_record_id=${C.acme}`, undefined, 404],
  [
    "POST",
    "/v2/notes",
    "/v2/notes",
    {
      data: {
        parent_object: "companies",
        parent_record_id: C.acme,
        title: "Spec",
        format: "markdown",
        content: "# Hi\n\n**bold**",
      },
    },
    200,
  ],
  [
    "POST",
    "/v2/notes",
    "/v2/notes",
    { data: { parent_object: "nope", parent_record_id: C.acme, title: "Spec", format: "plaintext", content: "x" } },
    404,
  ],
  ["GET", "/v2/notes/{note_id}", `/v2/notes/${IDS.notes.globex_markdown}`, undefined, 200],
  ["GET", "/v2/notes/{note_id}", `/v2/notes/${missing}`, undefined, 404],
  ["GET", "/v2/tasks", "/v2/tasks", undefined, 200],
  [
    "POST",
    "/v2/tasks",
    "/v2/tasks",
    {
      data: {
        content: "Spec task",
        format: "plaintext",
        deadline_at: "2025-01-01T10:00:00Z",
        is_completed: false,
        linked_records: [{ target_object: "companies", target_record_id: C.acme }],
        assignees: [{ workspace_member_email_address: MEMBERS[1].email_address }],
      },
    },
    200,
  ],
  [
    "POST",
    "/v2/tasks",
    "/v2/tasks",
    {
      data: {
        content: "Spec task",
        format: "plaintext",
        deadline_at: null,
        is_completed: false,
        linked_records: [{ target_object: "nope", target_record_id: C.acme }],
        assignees: [],
      },
    },
    404,
  ],
  ["GET", "/v2/tasks/{task_id}", `/v2/tasks/${IDS.tasks.done_demo}`, undefined, 200],
  ["GET", "/v2/tasks/{task_id}", `/v2/tasks/${missing}`, undefined, 404],
  [
    "PATCH",
    "/v2/tasks/{task_id}",
    `/v2/tasks/${IDS.tasks.send_contract}`,
    { data: { is_completed: true, deadline_at: null } },
    200,
  ],
  ["PATCH", "/v2/tasks/{task_id}", `/v2/tasks/${missing}`, { data: { is_completed: true } }, 404],
  ["GET", "/v2/threads", `/v2/threads?object=companies&record_id=${C.acme}`, undefined, 200],
  ["GET", "/v2/threads/{thread_id}", `/v2/threads/${IDS.threads.acme}`, undefined, 200],
  ["GET", "/v2/threads/{thread_id}", `/v2/threads/${missing}`, undefined, 404],
  [
    "POST",
    "/v2/comments",
    "/v2/comments",
    { data: { format: "plaintext", content: "Reply", author, thread_id: IDS.threads.acme } },
    200,
  ],
  [
    "POST",
    "/v2/comments",
    "/v2/comments",
    { data: { format: "plaintext", content: "New", author, record: { object: "people", record_id: IDS.people.ann } } },
    200,
  ],
  [
    "POST",
    "/v2/comments",
    "/v2/comments",
    { data: { format: "plaintext", content: "On entry", author, entry: { list: LIST, entry_id: IDS.entries.acme } } },
    200,
  ],
  [
    "POST",
    "/v2/comments",
    "/v2/comments",
    { data: { format: "plaintext", content: "Lost", author, thread_id: missing } },
    400,
  ],
  ["GET", "/v2/comments/{comment_id}", `/v2/comments/${IDS.comments.acme_reply}`, undefined, 200],
  ["GET", "/v2/comments/{comment_id}", `/v2/comments/${missing}`, undefined, 404],
  ["GET", "/v2/meetings", "/v2/meetings?limit=1", undefined, 200],
  ["GET", "/v2/meetings/{meeting_id}", `/v2/meetings/${M}`, undefined, 200],
  ["GET", "/v2/meetings/{meeting_id}", `/v2/meetings/${missing}`, undefined, 404],
  ["GET", "/v2/meetings/{meeting_id}/call_recordings", `/v2/meetings/${M}/call_recordings`, undefined, 200],
  [
    "GET",
    "/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}",
    `/v2/meetings/${M}/call_recordings/${R}`,
    undefined,
    200,
  ],
  [
    "GET",
    "/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}",
    `/v2/meetings/${M}/call_recordings/${missing}`,
    undefined,
    404,
  ],
  [
    "GET",
    "/v2/meetings/{meeting_id}/call_recordings/{call_recording_id}/transcript",
    `/v2/meetings/${M}/call_recordings/${R}/transcript`,
    undefined,
    200,
  ],
  // Workspace shape, note edits, emails, SQL and merge (issue 10).
  [
    "POST",
    "/v2/{target}/{identifier}/attributes",
    "/v2/objects/companies/attributes",
    {
      data: {
        title: "Renewal date",
        description: null,
        api_slug: "renewal_date",
        type: "date",
        is_required: false,
        is_unique: false,
        is_multiselect: false,
        config: {},
      },
    },
    200,
  ],
  [
    "POST",
    "/v2/{target}/{identifier}/attributes",
    "/v2/objects/companies/attributes",
    {
      data: {
        title: "Dup",
        description: null,
        api_slug: "renewal_date",
        type: "date",
        is_required: false,
        is_unique: false,
        is_multiselect: false,
        config: {},
      },
    },
    409,
  ],
  [
    "POST",
    "/v2/{target}/{identifier}/attributes",
    `/v2/lists/${LIST}/attributes`,
    {
      data: {
        title: "Region",
        description: "Sales region",
        api_slug: "region",
        type: "select",
        is_required: false,
        is_unique: false,
        is_multiselect: false,
        config: {},
      },
    },
    200,
  ],
  [
    "PATCH",
    "/v2/{target}/{identifier}/attributes/{attribute}",
    "/v2/objects/companies/attributes/renewal_date",
    { data: { title: "Renews on", is_required: false } },
    200,
  ],
  [
    "PATCH",
    "/v2/{target}/{identifier}/attributes/{attribute}",
    "/v2/objects/companies/attributes/record_id",
    { data: { title: "Nope" } },
    400,
  ],
  [
    "PATCH",
    "/v2/{target}/{identifier}/attributes/{attribute}",
    "/v2/objects/companies/attributes/nope",
    { data: { title: "Nope" } },
    404,
  ],
  [
    "POST",
    "/v2/{target}/{identifier}/attributes/{attribute}/options",
    "/v2/objects/companies/attributes/categories/options",
    { data: { title: "Healthcare" } },
    200,
  ],
  [
    "POST",
    "/v2/{target}/{identifier}/attributes/{attribute}/options",
    "/v2/objects/companies/attributes/categories/options",
    { data: { title: "Healthcare" } },
    409,
  ],
  [
    "POST",
    "/v2/{target}/{identifier}/attributes/{attribute}/options",
    "/v2/objects/companies/attributes/name/options",
    { data: { title: "X" } },
    400,
  ],
  [
    "PATCH",
    "/v2/{target}/{identifier}/attributes/{attribute}/options/{option}",
    "/v2/objects/companies/attributes/categories/options/Healthcare",
    { data: { is_archived: true } },
    200,
  ],
  [
    "PATCH",
    "/v2/{target}/{identifier}/attributes/{attribute}/options/{option}",
    "/v2/objects/companies/attributes/categories/options/Nope",
    { data: { is_archived: true } },
    400,
  ],
  [
    "POST",
    "/v2/{target}/{identifier}/attributes/{attribute}/statuses",
    "/v2/objects/deals/attributes/stage/statuses",
    { data: { title: "Churned", target_time_in_status: "P30D" } },
    200,
  ],
  [
    "POST",
    "/v2/{target}/{identifier}/attributes/{attribute}/statuses",
    "/v2/objects/deals/attributes/stage/statuses",
    { data: { title: "Lead" } },
    409,
  ],
  [
    "PATCH",
    "/v2/{target}/{identifier}/attributes/{attribute}/statuses/{status}",
    "/v2/objects/deals/attributes/stage/statuses/Churned",
    { data: { is_archived: true } },
    200,
  ],
  [
    "POST",
    "/v2/lists",
    "/v2/lists",
    {
      data: {
        name: "Hiring",
        api_slug: "hiring",
        parent_object: "people",
        workspace_access: "read-and-write",
        workspace_member_access: [],
      },
    },
    200,
  ],
  [
    "POST",
    "/v2/lists",
    "/v2/lists",
    {
      data: {
        name: "Hiring",
        api_slug: "hiring",
        parent_object: "people",
        workspace_access: "read-only",
        workspace_member_access: [],
      },
    },
    409,
  ],
  [
    "POST",
    "/v2/lists",
    "/v2/lists",
    {
      data: {
        name: "X",
        api_slug: "x",
        parent_object: "nope",
        workspace_access: "read-only",
        workspace_member_access: [],
      },
    },
    404,
  ],
  ["PATCH", "/v2/lists/{list}", "/v2/lists/hiring", { data: { name: "Hiring 2027" } }, 200],
  ["PATCH", "/v2/lists/{list}", "/v2/lists/nope", { data: { name: "X" } }, 404],
  [
    "PATCH",
    "/v2/notes/{note_id}",
    `/v2/notes/${IDS.notes.acme_kickoff}`,
    { data: { title: "Kickoff (edited)", format: "markdown", content: "# Done" } },
    200,
  ],
  ["PATCH", "/v2/notes/{note_id}", `/v2/notes/${missing}`, { data: { title: "X" } }, 404],
  ["GET", "/v2/emails", "/v2/emails?domain=acme.com&limit=2", undefined, 200],
  [
    "POST",
    "/v2/sql",
    "/v2/sql",
    { sql: "SELECT record_id, name, domains FROM companies WHERE name = 'Acme Corp'" },
    200,
  ],
  ["POST", "/v2/sql", "/v2/sql", { sql: "SELEC nothing" }, 400],
  [
    "POST",
    "/v2/objects/{object}/records/merge",
    "/v2/objects/companies/records/merge",
    { data: { primary_record_id: seedUuid("c0", 6), secondary_record_id: seedUuid("c0", 7) } },
    200,
  ],
  [
    "POST",
    "/v2/objects/{object}/records/merge",
    "/v2/objects/companies/records/merge",
    { data: { primary_record_id: seedUuid("c0", 8), secondary_record_id: seedUuid("c0", 8) } },
    400,
  ],
  [
    "POST",
    "/v2/objects/{object}/records/merge",
    "/v2/objects/companies/records/merge",
    { data: { primary_record_id: seedUuid("c0", 6), secondary_record_id: seedUuid("c0", 9) } },
    404,
  ],
  // Deletes last: they remove seed rows other cases read.
  ["DELETE", "/v2/comments/{comment_id}", `/v2/comments/${IDS.comments.acme_reply}`, undefined, 200],
  ["DELETE", "/v2/comments/{comment_id}", `/v2/comments/${missing}`, undefined, 404],
  ["DELETE", "/v2/tasks/{task_id}", `/v2/tasks/${IDS.tasks.done_demo}`, undefined, 200],
  ["DELETE", "/v2/tasks/{task_id}", `/v2/tasks/${missing}`, undefined, 404],
  ["DELETE", "/v2/notes/{note_id}", `/v2/notes/${IDS.notes.ann_intro}`, undefined, 200],
  ["DELETE", "/v2/notes/{note_id}", `/v2/notes/${missing}`, undefined, 404],
  ["DELETE", "/v2/lists/{list}/entries/{entry_id}", `/v2/lists/${LIST}/entries/${IDS.entries.initech}`, undefined, 200],
  ["DELETE", "/v2/lists/{list}/entries/{entry_id}", `/v2/lists/nope/entries/${IDS.entries.initech}`, undefined, 404],
  [
    "DELETE",
    "/v2/objects/{object}/records/{record_id}",
    `/v2/objects/people/records/${IDS.people.eve}`,
    undefined,
    200,
  ],
  ["DELETE", "/v2/objects/{object}/records/{record_id}", `/v2/objects/people/records/${missing}`, undefined, 404],
];

describe("responses match the spec's schemas", () => {
  const client = useSandbox();
  const spec = patchedSpec();
  const ajv = new Ajv2020({ strict: false, allErrors: true, formats: CHECKED_FORMATS });
  const validators = new Map<string, ValidateFunction>();
  const validatorFor = (method: string, path: string, status: number): ValidateFunction => {
    const pointer = specPointer(
      "paths",
      path,
      method.toLowerCase(),
      "responses",
      String(status),
      "content",
      "application/json",
      "schema",
    );
    if (!validators.has(pointer)) validators.set(pointer, compileAt(ajv, spec, pointer));
    return validators.get(pointer)!;
  };

  beforeAll(async () => {
    await client.control("POST", "reset");
  });

  it.each(CASES.map((c, i) => [i, ...c] as const))(
    "#%i %s %s → %s %s",
    async (_i, method, specPath, path, body, status) => {
      const res = await client.call(method, path, body);
      expect({ status: res.status, body: res.json }).toMatchObject({ status });
      const validate = validatorFor(method, specPath, status);
      const ok = validate(res.json);
      expect(ok ? [] : validate.errors?.slice(0, 5), JSON.stringify(res.json).slice(0, 400)).toEqual([]);
    },
  );

  it("covers every implemented operation with a 2xx case", () => {
    const covered = new Set(CASES.filter((c) => c[4] < 300).map((c) => `${c[0]} ${c[1]}`));
    const uncovered = ROUTES.map((r) => `${r.method} ${r.path}`).filter((k) => !covered.has(k));
    expect(uncovered).toEqual([]);
  });
});
