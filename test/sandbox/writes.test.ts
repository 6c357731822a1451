// Writing records and entries: Attio's loose write values, validation errors, PATCH vs PUT,
// value history, assert (upsert) and deletes.
import { beforeEach, describe, expect, it } from "vitest";
import { useSandbox } from "./helpers";
import { IDS, MEMBERS, WORKSPACE } from "./seed";

const client = useSandbox();
beforeEach(async () => {
  await client.control("POST", "reset");
});

type Value = Record<string, unknown>;
const create = (object: string, values: Record<string, unknown>) =>
  client.call("POST", `/v2/objects/${object}/records`, { data: { values } });
const get = async (object: string, id: string) =>
  (await client.call("GET", `/v2/objects/${object}/records/${id}`)).json.data;

describe("write value conversion", () => {
  it("accepts scalars and objects for every writable type and reads back verbose values", async () => {
    const res = await create("people", {
      name: "de Vries, Zoe",
      email_addresses: ["Zoe.DeVries+crm@Example.co.uk", { email_address: "zoe@second.example" }],
      phone_numbers: { original_phone_number: "020 7946 0123", country_code: "GB" },
      job_title: { value: "Buyer" },
      company: { target_object: "companies", domains: [{ domain: "globex.com" }] },
      primary_location: { line_1: "1 Main St", locality: "Utrecht", country_code: "NL" },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const v = res.json.data.values as Record<string, Value[]>;
    expect(v.name![0]).toMatchObject({
      first_name: "Zoe",
      last_name: "de Vries",
      full_name: "Zoe de Vries",
      attribute_type: "personal-name",
      active_until: null,
    });
    expect(v.email_addresses![0]).toMatchObject({
      original_email_address: "Zoe.DeVries+crm@Example.co.uk",
      email_address: "zoe.devries+crm@example.co.uk",
      email_domain: "example.co.uk",
      email_root_domain: "example.co.uk",
      email_local_specifier: "zoe.devries",
    });
    expect(v.email_addresses).toHaveLength(2);
    expect(v.phone_numbers![0]).toMatchObject({
      original_phone_number: "020 7946 0123",
      country_code: "GB",
      phone_number: "+442079460123",
    });
    expect(v.job_title![0]).toMatchObject({ value: "Buyer", attribute_type: "text" });
    expect(v.company![0]).toMatchObject({ target_object: "companies", target_record_id: IDS.companies.globex });
    expect(v.primary_location![0]).toMatchObject({ locality: "Utrecht", country_code: "NL", line_2: null });
    expect(v.created_by![0]).toMatchObject({ referenced_actor_type: "api-token" });
    expect(v.record_id![0]!.value).toBe(res.json.data.id.record_id);
    expect(res.json.data.web_url).toBe(
      `https://app.attio.com/${WORKSPACE.slug}/person/${res.json.data.id.record_id}/overview`,
    );
  });

  it('reads a name string as Attio does: "Last, First", else first name alone; objects need all 3 parts', async () => {
    const alone = await create("people", { name: "Zoe de Vries" });
    expect(alone.json.data.values.name[0]).toMatchObject({
      first_name: "Zoe de Vries",
      last_name: "",
      full_name: "Zoe de Vries",
    });
    const partial = await create("people", { name: { first_name: "Zoe", last_name: "de Vries" } });
    expect(partial.status).toBe(400);
    expect(partial.json.message).toMatch(/all three/);
  });

  it("converts deal values: status by title, currency from number, actor by email, refs by id", async () => {
    const res = await create("deals", {
      name: "New deal",
      stage: "Lost",
      value: 99.5,
      owner: MEMBERS[1].email_address,
      associated_company: IDS.companies.hooli,
      associated_people: [IDS.people.eve],
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const v = res.json.data.values as Record<string, Value[]>;
    expect(v.stage![0]!.status).toMatchObject({ title: "Lost", is_archived: false });
    expect(v.value![0]).toMatchObject({ currency_value: 99.5, currency_code: "USD" });
    expect(v.owner![0]).toMatchObject({
      referenced_actor_type: "workspace-member",
      referenced_actor_id: MEMBERS[1].id,
    });
    expect(v.associated_company![0]).toMatchObject({
      target_object: "companies",
      target_record_id: IDS.companies.hooli,
    });
  });

  it("accepts select and status by id too", async () => {
    const opts = await client.call("GET", "/v2/objects/projects/attributes/priority/options");
    const high = opts.json.data.find((o: { title: string }) => o.title === "High");
    const res = await create("projects", {
      name: "By id",
      priority: high.id.option_id,
      kickoff_at: "2025-05-05T10:00:00+02:00",
      health: 5,
    });
    expect(res.json.data.values.priority[0].option.title).toBe("High");
    expect(res.json.data.values.kickoff_at[0].value).toBe("2025-05-05T08:00:00.000000000Z");
  });
});

describe("write errors", () => {
  it("lists the valid options for an unknown select option", async () => {
    const res = await create("companies", { name: "X", categories: ["SaaS", "Quantum"] });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      status_code: 400,
      type: "invalid_request_error",
      code: "value_not_found",
      message:
        'Unknown select option "Quantum" for attribute "categories". ' +
        "Valid options: SaaS, B2B, B2C, Enterprise, Fintech, Manufacturing",
    });
  });

  it.each([
    ["missing required attribute", "deals", { stage: "Lead" }, "missing_value", /name/],
    ["unknown attribute", "companies", { name: "X", shoe_size: 3 }, "value_not_found", /shoe_size/],
    [
      "system attribute",
      "companies",
      { name: "X", created_at: "2020-01-01T00:00:00Z" },
      "immutable_value",
      /created_at/,
    ],
    ["two values for a single-value attribute", "companies", { name: ["A", "B"] }, "validation_type", /name/],
    ["wrong type", "projects", { name: "X", budget_hours: "lots" }, "validation_type", /budget_hours/],
    ["bad email", "people", { email_addresses: "not-an-email" }, "validation_type", /email_addresses/],
    [
      "unknown record reference",
      "people",
      { company: "00000000-0000-4000-8000-000000000000" },
      "value_not_found",
      /company/,
    ],
    ["unknown member", "deals", { name: "X", owner: "nobody@nowhere.example" }, "value_not_found", /nobody/],
    ["rating out of range", "projects", { name: "X", health: 9 }, "validation_type", /health/],
  ])("rejects %s", async (_name, object, values, code, message) => {
    const res = await create(object, values);
    expect(res.status, JSON.stringify(res.json)).toBe(400);
    expect(res.json).toMatchObject({ status_code: 400, type: "invalid_request_error", code });
    expect(res.json.message).toMatch(message);
  });

  it("rejects a body that does not match the spec, naming the path", async () => {
    const res = await client.call("POST", "/v2/objects/companies/records", { data: { value: {} } });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe("validation_type");
    expect(res.json.message).toContain("data.values");
  });

  it("answers 409 uniqueness_conflict for a taken unique value", async () => {
    const res = await create("companies", { name: "Acme clone", domains: ["new.example", "acme.com"] });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ type: "invalid_request_error", code: "uniqueness_conflict" });
    expect(res.json.message).toContain("acme.com");
  });
});

describe("PATCH, PUT, history and delete", () => {
  const acme = `/v2/objects/companies/records/${IDS.companies.acme}`;
  const titles = (values: Value[]) => values.map((v) => (v.option as { title: string }).title);

  it("PATCH appends to multiselect values, PUT replaces them", async () => {
    const patched = await client.call("PATCH", acme, { data: { values: { categories: ["Fintech", "SaaS"] } } });
    expect(titles(patched.json.data.values.categories)).toEqual(["SaaS", "B2B", "Fintech"]);
    const put = await client.call("PUT", acme, { data: { values: { categories: "Enterprise" } } });
    expect(titles(put.json.data.values.categories)).toEqual(["Enterprise"]);
    expect(put.json.data.values.name[0].value).toBe("Acme Corp");
  });

  it("keeps overwritten values as history", async () => {
    const ann = `/v2/objects/people/records/${IDS.people.ann}`;
    await client.call("PATCH", ann, { data: { values: { job_title: "CRO" } } });
    await client.call("PATCH", ann, { data: { values: { job_title: "CEO" } } });
    const current = await client.call("GET", `${ann}/attributes/job_title/values`);
    expect(current.json.data.map((v: Value) => v.value)).toEqual(["CEO"]);
    const historic = await client.call("GET", `${ann}/attributes/job_title/values?show_historic=true`);
    expect(historic.json.data.map((v: Value) => [v.value, v.active_until === null])).toEqual([
      ["VP Sales", false],
      ["CRO", false],
      ["CEO", true],
    ]);
    expect((await get("people", IDS.people.ann)).values.job_title).toHaveLength(1);
  });

  it("clears a value with null or []", async () => {
    const res = await client.call("PATCH", acme, { data: { values: { description: null, categories: [] } } });
    expect(res.json.data.values.description).toEqual([]);
    expect(res.json.data.values.categories).toHaveLength(2); // PATCH appends nothing to a multiselect
    const put = await client.call("PUT", acme, { data: { values: { categories: [] } } });
    expect(put.json.data.values.categories).toEqual([]);
  });

  it("deletes a record and its list entries", async () => {
    expect((await client.call("DELETE", acme)).json).toEqual({});
    expect((await client.call("GET", acme)).status).toBe(404);
    const entry = await client.call("GET", `/v2/lists/sales_pipeline/entries/${IDS.entries.acme}`);
    expect(entry.status).toBe(404);
  });
});

describe("assert (upsert)", () => {
  const assert = (object: string, attr: string, values: Record<string, unknown>) =>
    client.call("PUT", `/v2/objects/${object}/records?matching_attribute=${attr}`, { data: { values } });

  it("updates the matching record, appending multiselect values", async () => {
    const res = await assert("companies", "domains", {
      domains: "acme.com",
      categories: "Fintech",
      description: "Updated",
    });
    expect(res.json.data.id.record_id).toBe(IDS.companies.acme);
    expect(res.json.data.values.description[0].value).toBe("Updated");
    expect(res.json.data.values.categories).toHaveLength(3);
    expect(res.json.data.values.domains).toHaveLength(2);
  });

  it("creates when nothing matches", async () => {
    const res = await assert("projects", "project_code", { project_code: "PRJ-777", name: "Fresh" });
    expect(res.status).toBe(200);
    const again = await assert("projects", "project_code", { project_code: "PRJ-777", name: "Fresh 2" });
    expect(again.json.data.id.record_id).toBe(res.json.data.id.record_id);
    expect(again.json.data.values.name[0].value).toBe("Fresh 2");
  });

  it.each([
    ["a non-unique attribute", "companies", "name", "validation_type"],
    ["an unknown attribute", "companies", "nope", "value_not_found"],
    ["deals, which have no unique attribute", "deals", "name", "validation_type"],
  ])("rejects %s as matching_attribute", async (_name, object, attr, code) => {
    const res = await assert(object, attr, { name: "X" });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe(code);
  });
});

describe("list entries", () => {
  const base = "/v2/lists/sales_pipeline/entries";
  const stageOf = (e: { entry_values: { stage: { status: { title: string } }[] } }) =>
    e.entry_values.stage[0]!.status.title;

  it("creates, asserts by parent, patches, puts and deletes entries", async () => {
    const created = await client.call("POST", base, {
      data: {
        parent_object: "companies",
        parent_record_id: IDS.companies.umbrella,
        entry_values: { stage: "Prospecting", owner: MEMBERS[0].email_address },
      },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(200);
    const entryId = created.json.data.id.entry_id;
    expect(created.json.data).toMatchObject({ parent_object: "companies", parent_record_id: IDS.companies.umbrella });

    const asserted = await client.call("PUT", base, {
      data: {
        parent_object: "companies",
        parent_record_id: IDS.companies.umbrella,
        entry_values: { stage: "Qualified" },
      },
    });
    expect(asserted.json.data.id.entry_id).toBe(entryId);
    expect(stageOf(asserted.json.data)).toBe("Qualified");

    const patched = await client.call("PATCH", `${base}/${entryId}`, { data: { entry_values: { priority: 2 } } });
    expect(stageOf(patched.json.data)).toBe("Qualified");
    const put = await client.call("PUT", `${base}/${entryId}`, { data: { entry_values: { stage: "Lost" } } });
    expect(stageOf(put.json.data)).toBe("Lost");

    const recordEntries = await client.call("GET", `/v2/objects/companies/records/${IDS.companies.umbrella}/entries`);
    expect(recordEntries.json.data).toEqual([
      {
        list_id: IDS.lists.sales_pipeline,
        list_api_slug: "sales_pipeline",
        entry_id: entryId,
        created_at: expect.any(String),
      },
    ]);

    expect((await client.call("DELETE", `${base}/${entryId}`)).json).toEqual({});
    expect((await client.call("GET", `${base}/${entryId}`)).status).toBe(404);
  });

  it("rejects parents outside the list's parent objects and unknown status", async () => {
    const wrongObject = await client.call("POST", base, {
      data: { parent_object: "people", parent_record_id: IDS.people.ann, entry_values: {} },
    });
    expect(wrongObject.status).toBe(400);
    const badStage = await client.call("PATCH", `${base}/${IDS.entries.acme}`, {
      data: { entry_values: { stage: "Nope" } },
    });
    expect(badStage.json.message).toBe(
      'Unknown status "Nope" for attribute "stage". Valid options: Prospecting, Qualified, Negotiation, Won, Lost',
    );
    const immutable = await client.call("PATCH", `${base}/${IDS.entries.acme}`, {
      data: { entry_values: {}, parent_record_id: IDS.companies.hooli },
    });
    expect(immutable.status).toBe(400);
  });
});
