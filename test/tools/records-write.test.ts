// Record writes: natural-form values in, the Attio request out, the compact record and what was written back.
import { beforeEach, describe, expect, it } from "vitest";
import { createAttio } from "../../src/attio/client";
import { attioBase } from "../helpers";
import { IDS, SANDBOX_TOKEN } from "../sandbox/seed";
import { call, context, expectError, fail500, fresh, only, first } from "./harness";

beforeEach(fresh);

const ACME = IDS.companies.acme;

describe("create-record", () => {
  it("posts natural values, mapping {object,id} to a record reference", async () => {
    const values = {
      name: "Rollout 2",
      project_code: "PRJ-009",
      priority: "Low",
      budget_hours: 10,
      company: { object: "companies", id: ACME },
    };
    const called = await call("create-record", { object: "projects", values });
    const request = first(called);
    expect(request).toMatchObject({ method: "POST", path: "/v2/objects/projects/records" });
    expect(request.body).toEqual({
      data: { values: { ...values, company: { target_object: "companies", target_record_id: ACME } } },
    });
    expect(called.out.written).toEqual(["name", "project_code", "priority", "budget_hours", "company"]);
    expect(called.out.record.values).toMatchObject({
      name: "Rollout 2",
      priority: "Low",
      company: { object: "companies", id: ACME },
    });
    expect(called.out.record.url).toContain(called.out.record.id);
  });

  // Attio reads a name string as "Last, First" and text without a comma as the first name alone;
  // its object form needs all three parts (docs "attribute types: personal name").
  it("writes a person's \"First Last\" name, or a partial name object, in Attio's object form", async () => {
    const called = await call("create-record", {
      object: "people",
      values: { name: "Zoe de Vries", email_addresses: "zoe@example.nl" },
    });
    expect(first(called).body).toEqual({
      data: {
        values: {
          name: { first_name: "Zoe", last_name: "de Vries", full_name: "Zoe de Vries" },
          email_addresses: "zoe@example.nl",
        },
      },
    });
    expect(called.out.record.values.name).toBe("Zoe de Vries");

    const partial = await call("update-record", {
      object: "people",
      record_id: IDS.people.ann,
      values: { name: { first_name: "Annie", last_name: "Lee" } },
    });
    expect(first(partial).body).toEqual({
      data: { values: { name: { first_name: "Annie", last_name: "Lee", full_name: "Annie Lee" } } },
    });
    expect(partial.out.record.values.name).toBe("Annie Lee");

    // Attio's own comma form and a single word already mean what the model meant: unchanged.
    const comma = await call("records_upsert", {
      object: "people",
      matching_attribute: "email_addresses",
      values: { email_addresses: "cher@example.com", name: "Sarkisian, Cher" },
    });
    expect((only(comma).body as any).data.values.name).toBe("Sarkisian, Cher");
    expect(comma.out.record.values.name).toBe("Cher Sarkisian");
  });

  it("does not repeat valid options Attio's message already lists", async () => {
    const called = await call("create-record", { object: "companies", values: { name: "X", categories: ["Bogus"] } });
    expectError(called, /value_not_found/, /SaaS, B2B, B2C/);
    expect(called.text.match(/SaaS/g)).toHaveLength(1);
  });

  it("adds the valid options when Attio's message does not list them", async () => {
    // Real Attio may only name the bad title: strip the sandbox's list to see the tool add it.
    const terse: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (response.status !== 400) return response;
      const body = (await response.json()) as { message: string };
      return Response.json({ ...body, message: body.message.replace(/ Valid options: .*$/, "") }, { status: 400 });
    };
    const ctx = { ...context(), attio: createAttio({ baseUrl: attioBase(), token: SANDBOX_TOKEN, fetch: terse }) };
    const called = await call(
      "create-record",
      { object: "companies", values: { name: "X", categories: ["Bogus"] } },
      ctx,
    );
    expectError(
      called,
      /Unknown select option "Bogus"/,
      /Valid options for "categories": SaaS, B2B, B2C, Enterprise, Fintech, Manufacturing\./,
    );
  });

  it("lists the writable attributes when a slug does not exist", async () => {
    const called = await call("create-record", { object: "companies", values: { name: "X", colour: "red" } });
    expectError(called, /colour/, /writable attributes of companies: name, domains/);
    // the create, then the attribute metadata (attributes + 2 selects' options) for the hint
    expect(called.requests.map((r) => `${r.method} ${r.path}`)[0]).toBe("POST /v2/objects/companies/records");
  });

  it("names empty values", async () => {
    expectError(await call("create-record", { object: "companies", values: {} }), /"values"/);
  });
});

describe("update-record", () => {
  it("PATCHes by default, appending to multi-value attributes", async () => {
    const called = await call("update-record", {
      object: "companies",
      record_id: ACME,
      values: { categories: ["Fintech"] },
    });
    const request = first(called);
    expect(request).toMatchObject({
      method: "PATCH",
      path: `/v2/objects/companies/records/${ACME}`,
      body: { data: { values: { categories: ["Fintech"] } } },
    });
    expect(called.out).toMatchObject({
      written: ["categories"],
      mode: "append",
      record: { values: { categories: ["SaaS", "B2B", "Fintech"] } },
    });
  });

  it("PUTs with overwrite, replacing them", async () => {
    const called = await call("update-record", {
      object: "companies",
      record_id: ACME,
      values: { categories: ["Fintech"] },
      overwrite: true,
    });
    expect(first(called).method).toBe("PUT");
    // A multi-value attribute stays an array with one value left.
    expect(called.out).toMatchObject({ mode: "overwrite", record: { values: { categories: ["Fintech"] } } });
  });

  it("maps {amount,currency} back to a currency value", async () => {
    const called = await call("update-record", {
      object: "deals",
      record_id: IDS.deals.globex_pilot,
      values: { value: { amount: 15000, currency: "USD" } },
    });
    expect(first(called).body).toEqual({
      data: { values: { value: { currency_value: 15000, currency_code: "USD" } } },
    });
    expect(called.out.record.values.value).toEqual({ amount: 15000, currency: "USD" });
  });

  it("passes Attio's status error on, with the valid stages", async () => {
    const called = await call("update-record", {
      object: "deals",
      record_id: IDS.deals.globex_pilot,
      values: { stage: "Closed" },
    });
    expectError(called, /Closed/, /Lead, In Progress, Won 🎉, Lost/);
  });

  it("passes Attio's 404 for an unknown record", async () => {
    expectError(
      await call("update-record", {
        object: "companies",
        record_id: "c0000000-0000-4000-8000-0000000000ff",
        values: { name: "X" },
      }),
      /404/,
    );
  });

  it("names a wrong-typed flag", async () => {
    expectError(
      await call("update-record", { object: "companies", record_id: ACME, values: { name: "X" }, overwrite: "yes" }),
      /"overwrite"/,
    );
  });
});

describe("records_upsert", () => {
  it("PUTs with matching_attribute and updates the matching record", async () => {
    const called = await call("records_upsert", {
      object: "companies",
      matching_attribute: "domains",
      values: { domains: "acme.com", description: "Updated" },
    });
    const request = first(called);
    expect(request).toMatchObject({
      method: "PUT",
      path: "/v2/objects/companies/records",
      query: { matching_attribute: "domains" },
    });
    expect(request.body).toEqual({ data: { values: { domains: "acme.com", description: "Updated" } } });
    expect(called.out.record).toMatchObject({ id: ACME, values: { description: "Updated" } });
  });

  it("creates on a custom object's unique attribute when nothing matches", async () => {
    const called = await call("records_upsert", {
      object: "projects",
      matching_attribute: "project_code",
      values: { project_code: "PRJ-777", name: "New" },
    });
    expect(called.out.record.id).not.toBe(IDS.projects.rollout);
    expect(called.out.record.values).toMatchObject({ project_code: "PRJ-777", name: "New" });
  });

  it("passes Attio's error for a non-unique matching attribute", async () => {
    expectError(
      await call("records_upsert", {
        object: "companies",
        matching_attribute: "description",
        values: { description: "x" },
      }),
      /not unique/,
    );
  });

  it("names a missing matching_attribute", async () => {
    expectError(await call("records_upsert", { object: "companies", values: { name: "x" } }), /"matching_attribute"/);
  });
});

describe("delete-record", () => {
  it("deletes the named record only", async () => {
    const called = await call("delete-record", { object: "deals", record_id: IDS.deals.globex_pilot });
    expect(only(called)).toMatchObject({
      method: "DELETE",
      path: `/v2/objects/deals/records/${IDS.deals.globex_pilot}`,
    });
    expect(called.out).toEqual({ deleted: true, id: IDS.deals.globex_pilot, kind: "deals record" });
    expectError(await call("records_get_details", { object: "deals", record_id: IDS.deals.globex_pilot }), /404/);
  });

  it("reports an Attio failure", async () => {
    await fail500();
    expectError(await call("delete-record", { object: "deals", record_id: IDS.deals.globex_pilot }), /internal error/);
  });

  it("has no way to delete by filter", async () => {
    expectError(
      await call("delete-record", { object: "deals", filter: { stage: "Lead" } }),
      /"record_id"|unknown argument/,
    );
  });
});
