// attributes_save and lists_save: what they send, that later record writes and filters honour
// it, refusals before any request, and a 403 that names the exact missing scope.
import { beforeEach, describe, expect, it } from "vitest";
import { sandbox } from "../helpers";
import { IDS, SANDBOX_TOKEN } from "../sandbox/seed";
import { call, expectError, fresh, only } from "./harness";

beforeEach(fresh);

const ACME = IDS.companies.acme;

describe("attributes_save: create", () => {
  it("adds a date attribute with a slug from its title, and it can be written at once", async () => {
    const called = await call("attributes_save", { object: "companies", title: "Renewal date", type: "date" });
    expect(only(called)).toMatchObject({
      method: "POST",
      path: "/v2/objects/companies/attributes",
      body: {
        data: {
          title: "Renewal date",
          api_slug: "renewal_date",
          type: "date",
          description: null,
          is_required: false,
          is_unique: false,
          is_multiselect: false,
          config: {},
        },
      },
    });
    expect(called.out).toMatchObject({ created: true, attribute: { slug: "renewal_date", type: "date" } });
    const written = await call("update-record", {
      object: "companies",
      record_id: ACME,
      values: { renewal_date: "2027-03-01" },
    });
    expect(written.out.record.values.renewal_date).toBe("2027-03-01");
    const discovered = await call("records_discover_attributes", { object: "companies" });
    expect(discovered.out.attributes.map((a: { slug: string }) => a.slug)).toContain("renewal_date");
  });

  it("forgets the object's cached attributes under its id as well as its slug", async () => {
    const objects = await call("objects_list", {});
    const companies = objects.out.objects.find((o: { slug: string }) => o.slug === "companies");
    await call("records_discover_attributes", { object: companies.id });
    await call("attributes_save", { object: "companies", title: "Churn risk", type: "checkbox" });
    const again = await call("records_discover_attributes", { object: companies.id });
    expect(again.out.attributes.map((a: { slug: string }) => a.slug)).toContain("churn_risk");
  });

  it("creates a multiselect with its options in order, which filters then match", async () => {
    const called = await call("attributes_save", {
      object: "companies",
      title: "Regions",
      type: "select",
      multiselect: true,
      options: ["EMEA", "APAC"],
    });
    expect(called.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /v2/objects/companies/attributes",
      "POST /v2/objects/companies/attributes/" + called.requests[1]!.path.split("/")[5] + "/options",
      "POST /v2/objects/companies/attributes/" + called.requests[1]!.path.split("/")[5] + "/options",
    ]);
    expect(called.out).toMatchObject({
      options_added: ["EMEA", "APAC"],
      attribute: { options: ["EMEA", "APAC"], multiselect: true },
    });
    await call("update-record", { object: "companies", record_id: ACME, values: { regions: ["EMEA"] } });
    const found = await call("records_query", { object: "companies", filter: { regions: "EMEA" } });
    expect(found.out.records.map((r: { id: string }) => r.id)).toEqual([ACME]);
  });

  it("creates a currency and a record reference with their config", async () => {
    const money = await call("attributes_save", { object: "deals", title: "ARR", type: "currency", currency: "EUR" });
    expect((only(money).body as { data: { config: unknown } }).data.config).toEqual({
      currency: { default_currency_code: "EUR", display_type: "symbol" },
    });
    const ref = await call("attributes_save", {
      list: "sales_pipeline",
      title: "Partner",
      api_slug: "partner",
      type: "record-reference",
      references: ["companies"],
    });
    // The allowed objects come back by slug, as records_discover_attributes names them (one cached GET /v2/objects).
    expect(ref.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /v2/lists/sales_pipeline/attributes",
      "GET /v2/objects",
    ]);
    expect(ref.out.attribute.references).toEqual(["companies"]);
  });

  it("refuses incomplete or contradictory arguments before any request", async () => {
    for (const [args, reason] of [
      [{ object: "companies", title: "X" }, /"title" and "type"/],
      [{ object: "companies", list: "sales_pipeline", title: "X", type: "text" }, /exactly one/],
      [{ object: "companies", title: "X", type: "text", options: ["A"] }, /select and status/],
      [{ object: "deals", title: "X", type: "record-reference" }, /references/],
      [{ object: "deals", title: "X", type: "text", archived: true }, /existing attribute/],
      [{ object: "deals", title: "X", type: "bogus" }, /type/],
    ] as const) {
      const called = await call("attributes_save", args);
      expectError(called, reason);
      expect(called.requests).toEqual([]);
    }
  });

  it("passes Attio's slug conflict", async () => {
    expectError(
      await call("attributes_save", { object: "companies", title: "Name", type: "text" }),
      /409 slug_conflict/,
    );
  });
});

describe("attributes_save: update", () => {
  it("adds statuses, skips present ones, archives one, and writes honour it", async () => {
    const called = await call("attributes_save", {
      object: "deals",
      attribute: "stage",
      options: ["Churned", "Lead"],
      archive_options: ["Lost"],
    });
    expect(called.out).toMatchObject({
      created: false,
      options_added: ["Churned"],
      skipped: ["Lead (already an option)"],
      options_archived: ["Lost"],
    });
    expect(called.out.attribute.options).toEqual(["Lead", "In Progress", "Won 🎉", "Churned"]);
    const churned = await call("update-record", {
      object: "deals",
      record_id: IDS.deals.acme_renewal,
      values: { stage: "Churned" },
    });
    expect(churned.isError).toBe(false);
    expectError(
      await call("update-record", { object: "deals", record_id: IDS.deals.acme_renewal, values: { stage: "Lost" } }),
      /Lost/,
    );
  });

  it("restores an archived option rather than creating a second one", async () => {
    await call("attributes_save", { object: "companies", attribute: "categories", archive_options: ["B2C"] });
    const restored = await call("attributes_save", { object: "companies", attribute: "categories", options: ["B2C"] });
    expect(restored.requests.filter((r) => r.method === "POST")).toEqual([]);
    expect(restored.requests.filter((r) => r.method === "PATCH")).toHaveLength(1);
    expect(restored.out.attribute.options).toContain("B2C");
  });

  it("renames and requires an attribute with one PATCH", async () => {
    const called = await call("attributes_save", {
      object: "projects",
      attribute: "project_code",
      title: "Code",
      required: true,
    });
    const patch = called.requests.find((r) => r.method === "PATCH")!;
    expect(patch).toMatchObject({
      path: "/v2/objects/projects/attributes/project_code",
      body: { data: { title: "Code", is_required: true } },
    });
    expect(called.out).toMatchObject({
      written: ["title", "is_required"],
      attribute: { title: "Code", required: true },
    });
  });

  it("refuses an unknown option to archive, listing the valid ones, before writing anything", async () => {
    const called = await call("attributes_save", {
      object: "deals",
      attribute: "stage",
      title: "Phase",
      archive_options: ["Nope"],
    });
    expectError(called, /no option "Nope"/, /Lead, In Progress/);
    expect(called.requests.filter((r) => r.method !== "GET")).toEqual([]);
  });

  it("passes Attio's 404 for an unknown attribute", async () => {
    expectError(await call("attributes_save", { object: "deals", attribute: "nope", title: "x" }), /404/);
  });

  it("names the missing scope when Attio answers 403", async () => {
    await sandbox.scopes(SANDBOX_TOKEN, "object_configuration:read list_configuration:read record_permission:read");
    expectError(
      await call("attributes_save", { object: "companies", title: "Renewal date", type: "date" }),
      /`object_configuration:read-write`/,
    );
    expectError(
      await call("attributes_save", { list: "sales_pipeline", title: "Region", type: "text" }),
      /`list_configuration:read-write`/,
    );
    expectError(
      await call("lists_save", { name: "Hiring", parent_object: "people" }),
      /`list_configuration:read-write`/,
    );
  });
});

describe("lists_save", () => {
  it("creates a list that then takes entries, and renames it", async () => {
    const created = await call("lists_save", {
      name: "Hiring 2027",
      parent_object: "people",
      access: "read-and-write",
    });
    expect(only(created).body).toEqual({
      data: {
        name: "Hiring 2027",
        api_slug: "hiring_2027",
        parent_object: "people",
        workspace_access: "read-and-write",
        workspace_member_access: [],
      },
    });
    expect(created.out).toMatchObject({ created: true, list: { slug: "hiring_2027", parent_objects: ["people"] } });
    const added = await call("list_entries_add", { list: "hiring_2027", object: "people", record_id: IDS.people.ann });
    expect(added.isError, added.text).toBe(false);
    const renamed = await call("lists_save", { list: "hiring_2027", name: "Hiring", access: "read-only" });
    expect(only(renamed)).toMatchObject({
      method: "PATCH",
      body: { data: { name: "Hiring", workspace_access: "read-only" } },
    });
    expect(renamed.out).toMatchObject({ created: false, written: ["name", "access"], list: { name: "Hiring" } });
  });

  it("refuses a new list without a parent, or a change of parent, before any request", async () => {
    for (const args of [
      { name: "X" },
      { list: "sales_pipeline", parent_object: "people" },
      { list: "sales_pipeline" },
    ]) {
      const called = await call("lists_save", args);
      expect(called.isError).toBe(true);
      expect(called.requests).toEqual([]);
    }
  });

  it("passes Attio's errors: duplicate slug, unknown parent", async () => {
    expectError(await call("lists_save", { name: "Sales pipeline", parent_object: "companies" }), /409 slug_conflict/);
    expectError(await call("lists_save", { name: "X", parent_object: "nope" }), /404/);
  });
});
