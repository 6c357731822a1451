// records_aggregate: counts and sums over records or list entries, filtered and grouped, paged
// through Attio by the tool itself up to a documented cap that it reports when reached.
import { beforeEach, describe, expect, it } from "vitest";
import { AGGREGATE_MAX_ROWS } from "../../src/tools/records-aggregate";
import { sandbox } from "../helpers";
import { IDS, MEMBERS } from "../sandbox/seed";
import { call, expectError, fail500, fresh, sent } from "./harness";

beforeEach(fresh);

const [ADA, MAX] = MEMBERS;

describe("records_aggregate", () => {
  it("pipeline by stage with totals, in one call: the attribute list and one page", async () => {
    const called = await call("records_aggregate", {
      list: "sales_pipeline",
      group_by: "stage",
      measure: "expected_value",
      metrics: ["sum", "avg", "max"],
    });
    expect(sent(called)).toEqual([
      "GET /v2/lists/sales_pipeline/attributes",
      "POST /v2/lists/sales_pipeline/entries/query",
    ]);
    expect(called.requests[1]!.body).toEqual({ limit: 500, offset: 0 });
    expect(called.out).toEqual({
      scope: { list: "sales_pipeline" },
      group_by: "stage",
      measure: "expected_value",
      groups: [
        { group: "Negotiation", count: 1, sum: { USD: 48000 }, avg: { USD: 48000 }, max: { USD: 48000 } },
        { group: "Prospecting", count: 1, sum: { USD: 12000 }, avg: { USD: 12000 }, max: { USD: 12000 } },
        { group: "Won", count: 1, sum: { USD: 30500 }, avg: { USD: 30500 }, max: { USD: 30500 } },
      ],
      total: { count: 3, sum: { USD: 90500 }, avg: { USD: 30166.67 }, max: { USD: 48000 } },
      scanned: 3,
      cut: false,
    });
  });

  it("who owns the most deals: groups named by member, biggest first", async () => {
    const called = await call("records_aggregate", { object: "deals", group_by: "owner", measure: "value" });
    expect(sent(called)).toEqual([
      "GET /v2/objects/deals/attributes",
      "POST /v2/objects/deals/records/query",
      "GET /v2/workspace_members",
    ]);
    expect(called.out.groups).toEqual([
      { group: "Ada Admin", group_id: ADA.id, count: 2, sum: { USD: 78500.5 } },
      { group: "Max Member", group_id: MAX.id, count: 1, sum: { USD: 12000 } },
    ]);
    expect(called.out.total).toEqual({ count: 3, sum: { USD: 90500.5 } });
  });

  it("groups by a record reference with one names query, and by a multi-select counting each option", async () => {
    const byCompany = await call("records_aggregate", { object: "people", group_by: "company" });
    expect(sent(byCompany).filter((r) => r === "POST /v2/objects/companies/records/query")).toHaveLength(1);
    expect(byCompany.out.groups[0]).toEqual({ group: "Acme Corp", group_id: IDS.companies.acme, count: 2 });
    expect(byCompany.out.total).toEqual({ count: 5 });

    const byCategory = await call("records_aggregate", { object: "companies", group_by: "categories" });
    expect(byCategory.out.groups[0]).toEqual({ group: null, count: 27 }); // the fillers have none
    expect(byCategory.out.groups).toContainEqual({ group: "SaaS", count: 2 });
    expect(byCategory.out.groups).toContainEqual({ group: "B2B", count: 2 });
    expect(byCategory.out.total.count).toBe(32); // each company once, whatever its categories
  });

  it("takes a filter in records_query syntax, and sums a plain number without currency", async () => {
    const won = await call("records_aggregate", { object: "deals", filter: { stage: "Won 🎉" }, measure: "value" });
    expect(won.requests[1]!.body).toEqual({ filter: { stage: "Won 🎉" }, limit: 500, offset: 0 });
    expect(won.out).toMatchObject({ group_by: null, groups: [], total: { count: 1, sum: { USD: 30500.5 } } });
    const hours = await call("records_aggregate", {
      object: "projects",
      measure: "budget_hours",
      metrics: ["sum", "min"],
    });
    expect(hours.out.total).toEqual({ count: 2, sum: 200, min: 80 });
  });

  it("pages through Attio itself, 500 rows a request", async () => {
    await sandbox.bulk("projects", 1000, { name: "Bulk", budget_hours: 1 });
    const called = await call("records_aggregate", { object: "projects", measure: "budget_hours" });
    const offsets = called.requests.slice(1).map((r) => (r.body as { offset: number }).offset);
    expect(offsets).toEqual([0, 500, 1000]);
    expect(called.out).toMatchObject({ scanned: 1002, cut: false, total: { count: 1002, sum: 1200 } });
  });

  it(`stops at ${AGGREGATE_MAX_ROWS} rows and says the cap cut the answer`, async () => {
    await sandbox.bulk("projects", AGGREGATE_MAX_ROWS, { name: "Bulk", is_billable: true });
    const called = await call("records_aggregate", { object: "projects", group_by: "is_billable" });
    expect(called.requests).toHaveLength(1 + AGGREGATE_MAX_ROWS / 500);
    expect(called.out).toMatchObject({ scanned: AGGREGATE_MAX_ROWS, cut: true, note: expect.stringMatching(/filter/) });
  }, 60_000);

  it("names the attributes it can group by or measure when given another", async () => {
    expectError(
      await call("records_aggregate", { object: "deals", group_by: "nmae" }),
      /deals has no attribute "nmae"/,
      /stage, owner, associated_company, associated_people/,
    );
    expectError(
      await call("records_aggregate", { object: "deals", group_by: "stage", measure: "name" }),
      /"name" is a text attribute/,
      /number or currency/,
      /: value/,
    );
  });

  it("refuses unclear arguments before any request", async () => {
    const both = await call("records_aggregate", { object: "deals", list: "sales_pipeline" });
    expectError(both, /exactly one of "object"/);
    expect(both.requests).toHaveLength(0);
    expectError(await call("records_aggregate", { object: "deals", metrics: ["sum"] }), /"metrics" need a "measure"/);
    expectError(await call("records_aggregate", { object: "deals", metrics: ["median"] }), /"metrics/);
  });

  it("passes Attio's errors on: an unknown object, a failed page", async () => {
    expectError(await call("records_aggregate", { object: "nope" }), /404/);
    await call("records_aggregate", { object: "deals" }); // warm the attribute list
    await fail500("/records/query");
    expectError(await call("records_aggregate", { object: "deals" }), /internal error/);
  });
});
