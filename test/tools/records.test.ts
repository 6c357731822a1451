// Record reads: fuzzy search, one record, exact query with filter/sort/paging, a record's entries.
import { beforeEach, describe, expect, it } from "vitest";
import { IDS, WORKSPACE } from "../sandbox/seed";
import { call, expectError, fail500, fresh, only, first } from "./harness";

beforeEach(fresh);

const ACME = IDS.companies.acme;

describe("records_search", () => {
  it("sends one search and returns ids, titles, subtitles and links", async () => {
    const called = await call("records_search", { query: "acme", objects: ["companies"], limit: 5 });
    const request = only(called);
    expect(request).toMatchObject({ method: "POST", path: "/v2/objects/records/search" });
    // One more than asked for, so the result can say whether more exist.
    expect(request.body).toEqual({
      query: "acme",
      objects: ["companies"],
      request_as: { type: "workspace" },
      limit: 6,
    });
    expect(called.out.results[0]).toEqual({
      id: ACME,
      object: "companies",
      title: "Acme Corp",
      subtitle: "acme.com",
      url: `https://app.attio.com/${WORKSPACE.slug}/company/${ACME}`,
    });
    expect(called.out.more).toBe(false);
  });

  it("covers deals and custom objects unless narrowed, and says when more match", async () => {
    const rollout = await call("records_search", { query: "Acme rollout" });
    expect(rollout.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /v2/objects",
      "POST /v2/objects/records/search",
    ]);
    expect((rollout.requests[1]!.body as { objects: string[] }).objects).toEqual(
      expect.arrayContaining(["companies", "people", "deals", "projects"]),
    );
    expect(rollout.out.results).toContainEqual(expect.objectContaining({ object: "projects", title: "Acme rollout" }));

    const person = await call("records_search", { query: "carla" });
    expect(person.out.results[0]).toMatchObject({ object: "people", subtitle: "carla@globex.com" });

    const many = await call("records_search", { query: "company", objects: ["companies"], limit: 3 });
    expect(many.out).toMatchObject({ count: 3, more: true });
    expect(many.out.note).toMatch(/More records match/);
  });

  it("reports Attio's error for an unknown object", async () => {
    expectError(await call("records_search", { query: "x", objects: ["nope"] }), /nope/);
  });

  it("names a bad argument", async () => {
    expectError(await call("records_search", { query: "x", limit: 99 }), /"limit"/);
  });
});

describe("records_discover_attributes: how to write and filter each attribute", () => {
  it("says per attribute how to write it, which filter sub-fields it takes, and a currency's code", async () => {
    const called = await call("records_discover_attributes", { object: "deals" });
    const bySlug = Object.fromEntries(called.out.attributes.map((a: { slug: string }) => [a.slug, a]));
    expect(bySlug.value).toMatchObject({ type: "currency", write: expect.stringContaining('"currency"') });
    expect(bySlug.value.filter).toContain("currency_value");
    expect(bySlug.owner).toMatchObject({ type: "actor-reference", write: expect.stringContaining('"me"') });
    expect(bySlug.owner.filter).toEqual(["referenced_actor_id"]);
    expect(bySlug.associated_people).toMatchObject({ multiselect: true, write: expect.stringMatching(/^\[/) });
    expect(bySlug.stage.options).toContain("Won 🎉");
  });
});

describe("ids", () => {
  it("accepts ChatGPT's record:<object>:<id> and stray whitespace wherever a record id goes", async () => {
    const chatgpt = await call("records_get_details", { record_id: ` record:companies:${ACME} `, fields: ["name"] });
    expect(first(chatgpt).path).toBe(`/v2/objects/companies/records/${ACME}`);
    expect(chatgpt.out.values).toEqual({ name: "Acme Corp" });
    const padded = await call("list-notes", { object: "companies", record_id: `\n${ACME} ` });
    expect(first(padded).query).toMatchObject({ parent_record_id: ACME });
  });

  it("explains a malformed id before asking Attio", async () => {
    const bad = await call("records_get_details", { object: "companies", record_id: "acme" });
    expectError(bad, /"record_id" is "acme", not an id/, /UUIDs like/, /records_search or records_query/);
    expect(bad.requests).toHaveLength(0);
    expectError(
      await call("records_get_details", { object: "people", record_id: `record:companies:${ACME}` }),
      /names a companies record but "object" is "people"/,
    );
    expectError(await call("tasks_delete", { task_id: "12" }), /"task_id"/, /tasks_list/);
  });
});

describe("records_get_details", () => {
  it("returns a compact record with its link, projected by fields", async () => {
    const called = await call("records_get_details", {
      object: "companies",
      record_id: ACME,
      fields: ["name", "domains", "categories"],
    });
    expect(first(called)).toMatchObject({ method: "GET", path: `/v2/objects/companies/records/${ACME}` });
    expect(called.out).toMatchObject({
      id: ACME,
      object: "companies",
      values: { name: "Acme Corp", domains: ["acme.com", "acme.io"], categories: ["SaaS", "B2B"] },
    });
    expect(Object.keys(called.out.values)).toEqual(["name", "domains", "categories"]);
    expect(called.out.url).toContain(ACME);
  });

  it("flattens every attribute type of a custom object", async () => {
    const called = await call("records_get_details", { object: "projects", record_id: IDS.projects.rollout });
    expect(called.out.values).toMatchObject({
      name: "Acme rollout",
      project_code: "PRJ-001",
      priority: "High",
      budget_hours: 120,
      is_billable: true,
      health: 4,
      company: { object: "companies", id: ACME },
    });
  });

  it("passes Attio's 404 on with a hint", async () => {
    const called = await call("records_get_details", {
      object: "companies",
      record_id: "c0000000-0000-4000-8000-0000000000ff",
    });
    expectError(called, /404/, /not_found/, /records_search/);
  });

  it("names a malformed record id", async () => {
    expectError(await call("records_get_details", { object: "companies", record_id: "acme" }), /"record_id"/);
  });
});

describe("records_query", () => {
  it("sends filter, sorts, limit and offset in the body and offers next_offset on a full page", async () => {
    const args = {
      object: "companies",
      filter: { $or: [{ name: { $starts_with: "Company" } }, { categories: "SaaS" }] },
      sorts: [{ attribute: "name", direction: "asc" }],
      limit: 5,
      offset: 5,
      fields: ["name"],
    };
    const called = await call("records_query", args);
    const request = first(called);
    expect(request).toMatchObject({ method: "POST", path: "/v2/objects/companies/records/query" });
    expect(request.body).toEqual({ filter: args.filter, sorts: args.sorts, limit: 5, offset: 5 });
    expect(called.out.count).toBe(5);
    expect(called.out.next_offset).toBe(10);
    expect(called.out.records[0].values).toEqual({ name: "Company 10" }); // Acme Corp, Company 06…09 come first
  });

  it("accepts shorthand filters and omits next_offset on the last page", async () => {
    const called = await call("records_query", { object: "deals", filter: { stage: "Won 🎉" } });
    expect(called.out.records.map((r: { id: string }) => r.id)).toEqual([IDS.deals.initech_upsell]);
    expect(called.out.records[0].values.value).toEqual({ amount: 30500.5, currency: "USD" });
    expect(called.out.next_offset).toBeUndefined();
  });

  it("says why a filter may have matched nothing (select and status titles must be exact)", async () => {
    const called = await call("records_query", { object: "deals", filter: { stage: "Won" } });
    // The query, then the attribute list (cached a minute), which both shapes results and explains an empty one.
    expect(called.requests.map((r) => r.path)).toEqual([
      "/v2/objects/deals/records/query",
      "/v2/objects/deals/attributes",
    ]);
    expect(called.out.count).toBe(0);
    expect(called.out.note).toMatch(/records_discover_attributes/);
    const unfiltered = await call("records_query", { object: "deals", limit: 1 });
    expect(unfiltered.out.note).toBeUndefined();
  });

  it("passes Attio's filter error on", async () => {
    expectError(
      await call("records_query", { object: "companies", filter: { nonexistent_attr: "x" } }),
      /filter_error/,
    );
  });

  it("names a bad sort", async () => {
    expectError(
      await call("records_query", { object: "companies", sorts: [{ attribute: "name", direction: "up" }] }),
      /"sorts\.0\.direction"/,
    );
  });
});

describe("records_list_entries", () => {
  it("lists the entries a record has, with list slug and entry id", async () => {
    const called = await call("records_list_entries", { object: "companies", record_id: ACME });
    const request = only(called);
    expect(request).toMatchObject({
      method: "GET",
      path: `/v2/objects/companies/records/${ACME}/entries`,
      query: { limit: "100", offset: "0" },
    });
    expect(called.out.entries).toEqual([
      {
        entry_id: IDS.entries.acme,
        list: "sales_pipeline",
        list_id: IDS.lists.sales_pipeline,
        created_at: expect.any(String),
      },
    ]);
  });

  it("reports an Attio failure", async () => {
    await fail500();
    expectError(await call("records_list_entries", { object: "companies", record_id: ACME }), /internal error/);
  });

  it("names a missing argument", async () => {
    expectError(await call("records_list_entries", { object: "companies" }), /"record_id"/);
  });
});

describe("records_discover_attributes", () => {
  it("lists slugs, types and select options of a custom object", async () => {
    const called = await call("records_discover_attributes", { object: "projects" });
    expect(called.requests[0]).toMatchObject({ method: "GET", path: "/v2/objects/projects/attributes" });
    // attributes + objects (to say reference targets as slugs) + the one select's options
    expect(called.requests).toHaveLength(3);
    expect(called.out.attributes.find((a: { slug: string }) => a.slug === "priority")).toMatchObject({
      type: "select",
      options: ["Low", "Medium", "High"],
    });
    expect(called.out.attributes.find((a: { slug: string }) => a.slug === "company")).toMatchObject({
      type: "record-reference",
      references: ["companies"],
    });
  });

  it("reports Attio's 404 for an unknown object", async () => {
    expectError(await call("records_discover_attributes", { object: "nope" }), /404/);
  });

  it("needs exactly one of object or list", async () => {
    expectError(await call("records_discover_attributes", {}), /"object"/, /"list"/);
  });
});
