// Reading: record and entry queries (filters, sorts, paging) and fuzzy search.
import { beforeAll, describe, expect, it } from "vitest";
import { useSandbox } from "./helpers";
import { FILLER_COMPANY_COUNT, IDS } from "./seed";

const client = useSandbox();
beforeAll(async () => {
  await client.control("POST", "reset");
});

type Rec = { id: { record_id: string }; values: Record<string, Record<string, unknown>[]> };
const query = async (object: string, body: unknown): Promise<Rec[]> => {
  const res = await client.call("POST", `/v2/objects/${object}/records/query`, body);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json.data;
};
const ids = (rows: Rec[]) => rows.map((r) => r.id.record_id);
const names = (rows: Rec[]) => rows.map((r) => (r.values.name![0]!.full_name ?? r.values.name![0]!.value) as string);

describe("records query paging", () => {
  it("returns every company by default (limit 500), named companies first", async () => {
    const all = await query("companies", {});
    expect(all).toHaveLength(5 + FILLER_COMPANY_COUNT);
    expect(all.length).toBeGreaterThanOrEqual(30);
    expect(names(all).slice(0, 5)).toEqual([
      "Acme Corp",
      "Globex Corporation",
      "Initech",
      "Umbrella Industries",
      "Hooli",
    ]);
  });

  it("pages with limit/offset in the body without gaps or repeats", async () => {
    const pages: Rec[][] = [];
    for (let offset = 0; ; offset += 10) {
      const page = await query("companies", { limit: 10, offset });
      pages.push(page);
      if (page.length < 10) break;
    }
    expect(pages.map((p) => p.length)).toEqual([10, 10, 10, 2]);
    expect(new Set(pages.flat().map((r) => r.id.record_id)).size).toBe(32);
  });
});

describe("records query filters", () => {
  it.each([
    ["shorthand text", "companies", { name: "Acme Corp" }, [IDS.companies.acme]],
    ["shorthand personal name", "people", { name: "Ann Lee" }, [IDS.people.ann]],
    ["shorthand email (second address)", "people", { email_addresses: "ann.lee@gmail.com" }, [IDS.people.ann]],
    ["shorthand domain", "companies", { domains: "acme.io" }, [IDS.companies.acme]],
    ["shorthand status title", "deals", { stage: "Won 🎉" }, [IDS.deals.initech_upsell]],
    ["status title field", "deals", { stage: { title: { $eq: "Lead" } } }, [IDS.deals.globex_pilot]],
    ["select option", "companies", { categories: "Fintech" }, [IDS.companies.initech]],
    ["select option, case-insensitive", "companies", { categories: { $eq: "fintech" } }, [IDS.companies.initech]],
    ["verbose full_name", "people", { name: { full_name: { $eq: "Carla Diaz" } } }, [IDS.people.carla]],
    ["last_name starts_with", "people", { name: { last_name: { $starts_with: "Sto" } } }, [IDS.people.bob]],
    [
      "email contains",
      "people",
      { email_addresses: { email_address: { $contains: "@acme" } } },
      [IDS.people.ann, IDS.people.bob],
    ],
    ["email domain", "people", { email_addresses: { email_domain: "initech.com" } }, [IDS.people.dan]],
    ["ends_with", "companies", { domains: { domain: { $ends_with: ".xyz" } } }, [IDS.companies.hooli]],
    [
      "record reference",
      "people",
      { company: { target_record_id: IDS.companies.acme } },
      [IDS.people.ann, IDS.people.bob],
    ],
    [
      "currency $gte",
      "deals",
      { value: { currency_value: { $gte: 30000 } } },
      [IDS.deals.acme_renewal, IDS.deals.initech_upsell],
    ],
    ["currency $lt", "deals", { value: { $lt: 20000 } }, [IDS.deals.globex_pilot]],
    ["$in", "deals", { stage: { title: { $in: ["Lead", "Lost"] } } }, [IDS.deals.globex_pilot]],
    ["$and", "people", { $and: [{ company: IDS.companies.acme }, { job_title: "CTO" }] }, [IDS.people.bob]],
    [
      "$or",
      "companies",
      { $or: [{ name: "Initech" }, { domains: "hooli.xyz" }] },
      [IDS.companies.initech, IDS.companies.hooli],
    ],
    ["$not", "deals", { $not: { stage: "Lead" } }, [IDS.deals.acme_renewal, IDS.deals.initech_upsell]],
    [
      "$not_empty",
      "people",
      { phone_numbers: { $not_empty: true } },
      [IDS.people.ann, IDS.people.bob, IDS.people.carla, IDS.people.eve],
    ],
    ["phone number", "people", { phone_numbers: { phone_number: "+14155550102" } }, [IDS.people.bob]],
    ["location locality", "people", { primary_location: { locality: "London" } }, [IDS.people.carla]],
    ["checkbox and number", "projects", { is_billable: true, budget_hours: { $gt: 100 } }, [IDS.projects.rollout]],
    ["record_id", "companies", { record_id: IDS.companies.globex }, [IDS.companies.globex]],
  ])("%s", async (_name, object, filter, expected) => {
    expect(ids(await query(object, { filter }))).toEqual(expected);
  });

  it.each([
    ["unknown attribute", { shoe_size: 42 }, /shoe_size/],
    ["unknown operator", { name: { $like: "x" } }, /\$like/],
    ["unknown field", { name: { middle_name: "x" } }, /middle_name/],
    ["bad logical operator", { $xor: [] }, /\$xor/],
  ])("rejects %s with 400 filter_error", async (_name, filter, message) => {
    const res = await client.call("POST", "/v2/objects/people/records/query", { filter });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ type: "invalid_request_error", code: "filter_error" });
    expect(res.json.message).toMatch(message);
  });
});

describe("records query sorts", () => {
  it("sorts by attribute and field in either direction", async () => {
    const asc = await query("people", { sorts: [{ attribute: "name", field: "last_name", direction: "asc" }] });
    expect(names(asc)).toEqual(["Dan Brown", "Carla Diaz", "Ann Lee", "Eve Martin", "Bob Stone"]);
    const desc = await query("deals", { sorts: [{ attribute: "value", direction: "desc" }], limit: 2 });
    expect(ids(desc)).toEqual([IDS.deals.acme_renewal, IDS.deals.initech_upsell]);
  });

  it("matches status shorthand by id as well as title", async () => {
    const statuses = await client.call("GET", "/v2/objects/deals/attributes/stage/statuses");
    const lead = statuses.json.data.find((s: { title: string }) => s.title === "Lead").id.status_id;
    expect(ids(await query("deals", { filter: { stage: lead } }))).toEqual([IDS.deals.globex_pilot]);
  });

  it("rejects sorting by an unknown attribute", async () => {
    const res = await client.call("POST", "/v2/objects/people/records/query", {
      sorts: [{ attribute: "nope", direction: "asc" }],
    });
    expect(res.status).toBe(400);
  });
});

describe("list entries query", () => {
  type Entry = {
    id: { entry_id: string };
    parent_record_id: string;
    entry_values: Record<string, { status?: { title: string }; value?: number }[]>;
  };
  const entries = async (body: unknown): Promise<Entry[]> => {
    const res = await client.call("POST", "/v2/lists/sales_pipeline/entries/query", body);
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    return res.json.data;
  };

  it("filters on entry values and parent_record_id, sorts and pages", async () => {
    expect((await entries({ filter: { stage: "Won" } })).map((e) => e.parent_record_id)).toEqual([
      IDS.companies.initech,
    ]);
    expect((await entries({ filter: { parent_record_id: IDS.companies.globex } })).map((e) => e.id.entry_id)).toEqual([
      IDS.entries.globex,
    ]);
    const sorted = await entries({ sorts: [{ attribute: "priority", direction: "desc" }] });
    expect(sorted.map((e) => e.entry_values.priority![0]!.value)).toEqual([5, 4, 3]);
    expect(await entries({ limit: 1, offset: 2 })).toHaveLength(1);
  });

  it("works by list id as well as slug", async () => {
    const res = await client.call("POST", `/v2/lists/${IDS.lists.sales_pipeline}/entries/query`, {});
    expect(res.json.data).toHaveLength(3);
  });
});

describe("search", () => {
  const search = (body: Record<string, unknown>) =>
    client.call("POST", "/v2/objects/records/search", { request_as: { type: "workspace" }, ...body });

  it("matches names, domains and emails across objects, case-insensitively", async () => {
    const res = await search({ query: "ACME", objects: ["companies", "people", "deals"] });
    expect(res.status).toBe(200);
    const hits = res.json.data.map(
      (d: { object_slug: string; record_text: string }) => `${d.object_slug}:${d.record_text}`,
    );
    expect(hits).toEqual(["companies:Acme Corp", "people:Ann Lee", "people:Bob Stone", "deals:Acme renewal 2024"]);
    const ann = res.json.data.find((d: { record_text: string }) => d.record_text === "Ann Lee");
    expect(ann).toMatchObject({ email_addresses: ["ann@acme.com", "ann.lee@gmail.com"], record_image: null });
  });

  it("matches phone numbers by digits and honours limit", async () => {
    const phone = await search({ query: "415 555 0102", objects: ["people"] });
    expect(phone.json.data.map((d: { record_text: string }) => d.record_text)).toEqual(["Bob Stone"]);
    const limited = await search({ query: "company", objects: ["companies"], limit: 5 });
    expect(limited.json.data).toHaveLength(5);
  });

  it.each([
    [{ query: "x", objects: ["nope"] }, "value_not_found"],
    [{ query: "x", objects: [] }, "validation_type"],
    [{ query: "x", objects: ["people"], limit: 26 }, "validation_type"],
  ])("rejects %j", async (body, code) => {
    const res = await search(body);
    expect(res.status).toBe(400);
    expect(res.json.code).toBe(code);
  });
});
