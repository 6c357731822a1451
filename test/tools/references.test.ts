// Names beside every id: members as {id,name,email}, records as {object,id,name}, fetched in bulk
// (one query per referenced object per call, whatever the page size), multi-value attributes
// always arrays, and bookkeeping (created_by) shown only when asked for.
import { beforeEach, describe, expect, it } from "vitest";
import { IDS, MEMBERS } from "../sandbox/seed";
import { call, expectError, fresh, named, sent, sentThenAnyOrder } from "./harness";
import { sandbox } from "../helpers";

beforeEach(fresh);

const [ADA, MAX] = MEMBERS;
const ACME = IDS.companies.acme;

describe("reference names", () => {
  it("names a deal's owner, company and people with one query per referenced object", async () => {
    const called = await call("records_get_details", { object: "deals", record_id: IDS.deals.acme_renewal });
    expect(called.out.values).toMatchObject({
      owner: named(ADA),
      associated_company: { object: "companies", id: ACME, name: "Acme Corp" },
      associated_people: [
        { object: "people", id: IDS.people.ann, name: "Ann Lee" },
        { object: "people", id: IDS.people.bob, name: "Bob Stone" },
      ],
    });
    expect(sent(called).sort()).toEqual(
      [
        `GET /v2/objects/deals/records/${IDS.deals.acme_renewal}`,
        "GET /v2/objects/deals/attributes",
        "GET /v2/workspace_members",
        "POST /v2/objects/companies/records/query",
        "POST /v2/objects/people/records/query",
      ].sort(),
    );
  });

  it("costs the same few requests for a page of 32 companies as for one (never one per row)", async () => {
    const called = await call("records_query", { object: "companies", limit: 500 });
    expect(called.out.count).toBe(32);
    // The query, the attribute list, one people query for every team and one deals query for every deal.
    expect(sentThenAnyOrder(called)).toEqual([
      "POST /v2/objects/companies/records/query",
      "GET /v2/objects/companies/attributes",
      "POST /v2/objects/deals/records/query",
      "POST /v2/objects/people/records/query",
    ]);
    const names = called.requests.find((r) => r.path === "/v2/objects/people/records/query")!.body as {
      filter: { record_id: { $in: string[] } };
    };
    expect(names.filter.record_id.$in.sort()).toEqual(
      [IDS.people.ann, IDS.people.bob, IDS.people.carla, IDS.people.dan, IDS.people.eve].sort(),
    );
  });

  it("names the references of several records read by record_ids with one query per object for all", async () => {
    const called = await call("records_get_details", {
      object: "companies",
      record_ids: [ACME, IDS.companies.globex],
      fields: ["team"],
    });
    expect(sent(called).filter((r) => r === "POST /v2/objects/people/records/query")).toHaveLength(1);
    const teams = called.out.records.map((r: { values: { team: { name: string }[] } }) =>
      r.values.team.map((p) => p.name),
    );
    expect(teams.flat().sort()).toEqual(["Ann Lee", "Bob Stone", "Carla Diaz"]);
  });

  it("caches the member directory and attribute list: a second call only fetches records and names", async () => {
    await call("records_query", { object: "deals", limit: 3 });
    const again = await call("records_query", { object: "deals", limit: 3 });
    expect(sent(again).sort()).toEqual(
      [
        "POST /v2/objects/deals/records/query",
        "POST /v2/objects/companies/records/query",
        "POST /v2/objects/people/records/query",
      ].sort(),
    );
    expect(again.out.records.map((r: { values: { owner: unknown } }) => r.values.owner)).toEqual([
      named(ADA),
      named(MAX),
      named(ADA),
    ]);
  });

  it("keeps multi-value attributes arrays even with one value, and single values scalar", async () => {
    const called = await call("records_get_details", { object: "companies", record_id: IDS.companies.globex });
    expect(called.out.values).toMatchObject({
      domains: ["globex.com"],
      categories: ["Enterprise"],
      team: [{ object: "people", id: IDS.people.carla, name: "Carla Diaz" }],
      employee_range: "1K-5K",
      name: "Globex Corporation",
    });
  });

  it("sees a new multi-value attribute at once after attributes_save (the cached list is forgotten)", async () => {
    await call("records_get_details", { object: "companies", record_id: ACME });
    await call("attributes_save", {
      object: "companies",
      title: "Regions",
      type: "select",
      multiselect: true,
      options: ["EMEA", "APAC"],
    });
    await call("update-record", { object: "companies", record_id: ACME, values: { regions: "EMEA" } });
    const read = await call("records_get_details", { object: "companies", record_id: ACME, fields: ["regions"] });
    expect(read.out.values.regions).toEqual(["EMEA"]);
  });

  it("leaves created_by out unless asked for in fields, then names it", async () => {
    const plain = await call("records_get_details", { object: "deals", record_id: IDS.deals.globex_pilot });
    expect(plain.out.values).not.toHaveProperty("created_by");
    const asked = await call("records_get_details", {
      object: "deals",
      record_id: IDS.deals.globex_pilot,
      fields: ["created_by"],
    });
    expect(asked.out.values.created_by).toMatchObject({ id: expect.any(String), name: expect.any(String) });
  });

  it("leaves a reference unnamed (not the call failed) when Attio refuses the names query", async () => {
    await sandbox.fault({ mode: "500", count: 1, path: "/v2/objects/people/records/query" });
    const called = await call("records_get_details", { object: "companies", record_id: ACME, fields: ["team"] });
    expect(called.isError).toBe(false);
    expect(called.out.values.team).toEqual([
      { object: "people", id: IDS.people.ann },
      { object: "people", id: IDS.people.bob },
    ]);
  });

  it("still reports the record's own Attio failure", async () => {
    await sandbox.fault({ mode: "500", count: 1, path: `/v2/objects/companies/records/${ACME}` });
    expectError(await call("records_get_details", { object: "companies", record_id: ACME }), /internal error/);
  });

  it("round-trips a named reference into a write: {object,id,name} and {id,name,email} are accepted", async () => {
    const read = await call("records_get_details", { object: "deals", record_id: IDS.deals.acme_renewal });
    const called = await call("update-record", {
      object: "deals",
      record_id: IDS.deals.globex_pilot,
      values: { owner: read.out.values.owner, associated_company: read.out.values.associated_company },
    });
    expect(called.requests[0]!.body).toEqual({
      data: {
        values: {
          owner: { referenced_actor_type: "workspace-member", referenced_actor_id: ADA.id },
          associated_company: { target_object: "companies", target_record_id: ACME },
        },
      },
    });
    expect(called.out.record.values.owner).toEqual(named(ADA));
  });
});
