// Merging two records: a new record id, both originals gone, the primary's values winning,
// everything attached moved over; 202 answers on demand, the 5 requests/s limit, scopes.
import { beforeEach, describe, expect, it } from "vitest";
import { useSandbox } from "./helpers";
import { IDS, SANDBOX_TOKEN } from "./seed";

const client = useSandbox();
beforeEach(async () => {
  await client.control("POST", "reset");
});

const C = IDS.companies;
const merge = (primary: string, secondary: string) =>
  client.call("POST", "/v2/objects/companies/records/merge", {
    data: { primary_record_id: primary, secondary_record_id: secondary },
  });

describe("POST /v2/objects/{object}/records/merge", () => {
  it("makes a new record from both, moves what was attached, and removes the originals", async () => {
    const dup = await client.call("POST", "/v2/objects/companies/records", {
      data: { values: { name: "ACME Corp.", description: "Duplicate", domains: "acme-corp.example" } },
    });
    const dupId = dup.json.data.id.record_id as string;
    const note = await client.call("POST", "/v2/notes", {
      data: {
        parent_object: "companies",
        parent_record_id: dupId,
        title: "On the dup",
        format: "plaintext",
        content: "x",
      },
    });
    const res = await merge(C.acme, dupId);
    expect(res.status).toBe(200);
    const id = res.json.data.new_record_id as string;
    expect([C.acme, dupId]).not.toContain(id);
    for (const old of [C.acme, dupId])
      expect((await client.call("GET", `/v2/objects/companies/records/${old}`)).status).toBe(404);

    const merged = (await client.call("GET", `/v2/objects/companies/records/${id}`)).json.data;
    expect(merged.values.name[0].value).toBe("Acme Corp"); // the primary's value wins
    expect(merged.values.record_id[0].value).toBe(id);
    expect(merged.values.domains.map((d: { domain: string }) => d.domain)).toEqual(["acme.com", "acme.io"]);

    const notes = (await client.call("GET", `/v2/notes?parent_object=companies&parent_record_id=${id}`)).json.data;
    expect(notes.map((n: { title: string }) => n.title)).toEqual(
      expect.arrayContaining(["Kickoff call", "On the dup"]),
    );
    expect(
      notes.find((n: { id: { note_id: string } }) => n.id.note_id === note.json.data.id.note_id).created_by_actor,
    ).toEqual(note.json.data.created_by_actor);
    const task = (await client.call("GET", `/v2/tasks/${IDS.tasks.follow_up_acme}`)).json.data;
    expect(task.linked_records[0].target_record_id).toBe(id);
    const entry = (await client.call("GET", `/v2/lists/sales_pipeline/entries/${IDS.entries.acme}`)).json.data;
    expect(entry.parent_record_id).toBe(id);
    const ann = (await client.call("GET", `/v2/objects/people/records/${IDS.people.ann}`)).json.data;
    expect(ann.values.company[0].target_record_id).toBe(id);
    expect((await merge(C.acme, dupId)).status).toBe(404); // not idempotent
  });

  it("refuses a self-merge and a missing record", async () => {
    expect((await merge(C.acme, C.acme)).json).toMatchObject({ status_code: 400, code: "self_merge" });
    expect((await merge(C.acme, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("answers 202 on demand; the merged record reads 404 merge_in_progress until it is done", async () => {
    await client.control("POST", "fault", { mode: "202", path: "/records/merge", reads: 2 });
    const res = await merge(C.globex, C.initech);
    expect(res.status).toBe(202);
    const path = `/v2/objects/companies/records/${res.json.data.new_record_id}`;
    expect((await client.call("GET", path)).json).toMatchObject({ status_code: 404, code: "merge_in_progress" });
    expect((await client.call("GET", path)).status).toBe(404);
    expect((await client.call("GET", path)).status).toBe(200);
  });

  it("allows 5 requests per second, then 429 with an HTTP-date Retry-After", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await merge(C.acme, C.acme)).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    const limited = await merge(C.acme, C.acme);
    expect(Date.parse(limited.headers.get("retry-after")!)).toBeGreaterThan(Date.now() - 1000);
  });

  it("needs record_permission:read-write", async () => {
    await client.control("POST", "scopes", {
      token: SANDBOX_TOKEN,
      scope: "record_permission:read object_configuration:read",
    });
    const res = await merge(C.globex, C.initech);
    expect(res.json).toMatchObject({ status_code: 403, type: "auth_error" });
    expect(res.json.message).toContain("record_permission:read-write");
  });
});
