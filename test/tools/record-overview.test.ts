// record_overview: one call briefs on a record (values, related records, list entries, open tasks,
// latest notes, last/next meeting, recent comments), with every reference named, in a small fixed
// number of Attio requests; a section Attio refuses is reported, never silently empty.
import { beforeEach, describe, expect, it } from "vitest";
import { sandbox } from "../helpers";
import { IDS, MEMBERS } from "../sandbox/seed";
import { call, expectError, fresh, named, sent } from "./harness";

beforeEach(fresh);

const [ADA, MAX] = MEMBERS;
const ACME = IDS.companies.acme;

describe("record_overview", () => {
  it("briefs on a company in one call: values, team, pipeline stage, tasks, notes, meetings, comments", async () => {
    const called = await call("record_overview", { object: "companies", record_id: ACME });
    expect(called.isError, called.text).toBe(false);
    const out = called.out;
    expect(out.record).toMatchObject({
      object: "companies",
      id: ACME,
      name: "Acme Corp",
      values: { domains: ["acme.com", "acme.io"], categories: ["SaaS", "B2B"], employee_range: "51-250" },
    });
    // References are listed once, under related, not repeated in values.
    expect(out.record.values).not.toHaveProperty("team");
    expect(out.related).toEqual(
      expect.arrayContaining([
        { object: "people", id: IDS.people.ann, name: "Ann Lee", via: "team" },
        { object: "people", id: IDS.people.bob, name: "Bob Stone", via: "team" },
        // The deal points at the company; Attio mirrors it on the company's associated_deals.
        { object: "deals", id: IDS.deals.acme_renewal, name: "Acme renewal 2024", via: "associated_deals" },
      ]),
    );
    expect(out.lists).toEqual([
      {
        list: "sales_pipeline",
        list_name: "Sales pipeline",
        entry_id: IDS.entries.acme,
        values: {
          stage: "Negotiation",
          owner: named(ADA),
          expected_value: { amount: 48000, currency: "USD" },
          priority: 5,
        },
      },
    ]);
    expect(out.open_tasks).toEqual([
      {
        id: IDS.tasks.follow_up_acme,
        content: "Follow up with Acme about the renewal",
        deadline: "2024-03-01T17:00:00Z",
        assignees: [named(ADA)],
      },
    ]);
    expect(out.notes).toEqual([
      {
        id: IDS.notes.acme_kickoff,
        title: "Kickoff call",
        snippet: "Discussed the rollout timeline and pricing. Ann will confirm the budget.",
        created_at: "2024-01-16T10:00:00Z",
        author: named(ADA),
      },
    ]);
    expect(out.meetings).toEqual({
      last: {
        id: IDS.meetings.acme_kickoff,
        title: "Acme kickoff",
        start: "2024-02-01T09:00:00Z",
        end: "2024-02-01T10:00:00Z",
      },
      next: null,
    });
    // Newest first.
    expect(out.comments.map((c: { id: string; author: unknown }) => [c.id, c.author])).toEqual([
      [IDS.comments.acme_reply, named(MAX)],
      [IDS.comments.acme_first, named(ADA)],
    ]);
    expect(out).not.toHaveProperty("unavailable");
  });

  it("makes the documented requests: 8 in parallel, one per list entry, then names and cached metadata", async () => {
    const called = await call("record_overview", { object: "companies", record_id: ACME });
    const requests = sent(called);
    expect(requests.slice(0, 8).sort()).toEqual(
      [
        `GET /v2/objects/companies/records/${ACME}`,
        `GET /v2/objects/companies/records/${ACME}/entries`,
        "GET /v2/lists",
        "GET /v2/tasks",
        "GET /v2/notes",
        "GET /v2/meetings",
        "GET /v2/meetings",
        "GET /v2/threads",
      ].sort(),
    );
    expect(requests[8]).toMatch(/^GET \/v2\/lists\/[^/]+\/entries\//);
    // Names: one query per referenced object; members, attribute lists and lists are cached.
    expect(requests.filter((r) => r.endsWith("/records/query"))).toEqual([
      ...new Set(requests.filter((r) => r.endsWith("/records/query"))),
    ]);
    expect(requests).toHaveLength(14);
    const again = await call("record_overview", { object: "companies", record_id: ACME });
    expect(again.requests).toHaveLength(10); // lists, members and attribute lists now cached
    const tasks = called.requests.find((r) => r.path === "/v2/tasks")!;
    expect(tasks.query).toMatchObject({ linked_object: "companies", linked_record_id: ACME, is_completed: "false" });
  });

  it("names a deal's owner, company and people", async () => {
    const called = await call("record_overview", { object: "deals", record_id: IDS.deals.acme_renewal });
    expect(called.out.record.values).toMatchObject({
      name: "Acme renewal 2024",
      stage: "In Progress",
      owner: named(ADA),
    });
    expect(called.out.related).toEqual(
      expect.arrayContaining([
        { object: "companies", id: ACME, name: "Acme Corp", via: "associated_company" },
        { object: "people", id: IDS.people.ann, name: "Ann Lee", via: "associated_people" },
      ]),
    );
  });

  it("says which section Attio refused instead of showing it empty", async () => {
    await sandbox.fault({ mode: "500", count: 1, path: "/v2/tasks" });
    const called = await call("record_overview", { object: "companies", record_id: ACME });
    expect(called.isError, called.text).toBe(false);
    expect(called.out.open_tasks).toEqual([]);
    expect(called.out.unavailable).toEqual([{ section: "open_tasks", reason: expect.stringMatching(/500/) }]);
    expect(called.out.notes).toHaveLength(1);
  });

  it("fails as a whole when the record itself cannot be read, saying how to find one", async () => {
    const called = await call("record_overview", {
      object: "companies",
      record_id: "c0000000-0000-4000-8000-0000000000ff",
    });
    expectError(called, /404/, /records_search/);
  });

  it("names a malformed record id", async () => {
    expectError(await call("record_overview", { object: "companies", record_id: "acme" }), /"record_id"/);
  });
});
