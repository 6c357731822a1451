// Shaping the workspace: new attributes, options, statuses and lists are honoured by later
// record writes, reads and filters; archived options are refused; scopes are enforced.
import { beforeEach, describe, expect, it } from "vitest";
import { useSandbox } from "./helpers";
import { IDS, SANDBOX_TOKEN } from "./seed";

const client = useSandbox();
beforeEach(async () => {
  await client.control("POST", "reset");
});

const attribute = (title: string, api_slug: string, type: string, extra: Record<string, unknown> = {}) => ({
  data: {
    title,
    description: null,
    api_slug,
    type,
    is_required: false,
    is_unique: false,
    is_multiselect: false,
    config: {},
    ...extra,
  },
});

describe("attributes, options, statuses", () => {
  it("a new select attribute with an option can be written and filtered; an archived option cannot", async () => {
    const created = await client.call("POST", "/v2/objects/companies/attributes", attribute("Tier", "tier", "select"));
    expect(created.status).toBe(200);
    expect(
      (await client.call("POST", "/v2/objects/companies/attributes/tier/options", { data: { title: "Gold" } })).status,
    ).toBe(200);
    const write = await client.call("PATCH", `/v2/objects/companies/records/${IDS.companies.acme}`, {
      data: { values: { tier: "Gold" } },
    });
    expect(write.json.data.values.tier[0].option.title).toBe("Gold");
    const found = await client.call("POST", "/v2/objects/companies/records/query", { filter: { tier: "Gold" } });
    expect(found.json.data.map((r: { id: { record_id: string } }) => r.id.record_id)).toEqual([IDS.companies.acme]);

    await client.call("PATCH", "/v2/objects/companies/attributes/tier/options/Gold", { data: { is_archived: true } });
    const refused = await client.call("PATCH", `/v2/objects/companies/records/${IDS.companies.globex}`, {
      data: { values: { tier: "Gold" } },
    });
    expect(refused.json).toMatchObject({ status_code: 400, code: "value_not_found" });
    const options = await client.call("GET", "/v2/objects/companies/attributes/tier/options?show_archived=true");
    expect(options.json.data).toEqual([expect.objectContaining({ title: "Gold", is_archived: true })]);
  });

  it("a record-reference attribute targets the given object; currency keeps its code", async () => {
    const ref = await client.call(
      "POST",
      "/v2/objects/deals/attributes",
      attribute("Partner", "partner", "record-reference", {
        config: { record_reference: { allowed_objects: ["companies"] } },
      }),
    );
    expect(ref.json.data.config.record_reference.allowed_object_ids).toHaveLength(1);
    const money = await client.call(
      "POST",
      "/v2/objects/deals/attributes",
      attribute("ARR", "arr", "currency", {
        config: { currency: { default_currency_code: "EUR", display_type: "symbol" } },
      }),
    );
    expect(money.json.data.config.currency.default_currency_code).toBe("EUR");
    const deal = await client.call("PATCH", `/v2/objects/deals/records/${IDS.deals.acme_renewal}`, {
      data: { values: { partner: IDS.companies.globex, arr: 1200 } },
    });
    expect(deal.json.data.values.partner[0].target_record_id).toBe(IDS.companies.globex);
    expect(deal.json.data.values.arr[0]).toMatchObject({ currency_value: 1200, currency_code: "EUR" });
  });

  it("an added status can be set; a required attribute is enforced on create", async () => {
    await client.call("POST", "/v2/objects/deals/attributes/stage/statuses", { data: { title: "Churned" } });
    const deal = await client.call("PATCH", `/v2/objects/deals/records/${IDS.deals.acme_renewal}`, {
      data: { values: { stage: "Churned" } },
    });
    expect(deal.json.data.values.stage[0].status.title).toBe("Churned");
    await client.call(
      "POST",
      "/v2/objects/projects/attributes",
      attribute("Owner team", "owner_team", "text", { is_required: true }),
    );
    const missing = await client.call("POST", "/v2/objects/projects/records", {
      data: { values: { name: "No team" } },
    });
    expect(missing.json).toMatchObject({ status_code: 400, code: "missing_value" });
  });

  it("archiving an attribute hides it from the listing unless show_archived", async () => {
    await client.call("PATCH", "/v2/objects/companies/attributes/description", { data: { is_archived: true } });
    const live = await client.call("GET", "/v2/objects/companies/attributes");
    expect(live.json.data.map((a: { api_slug: string }) => a.api_slug)).not.toContain("description");
    const all = await client.call("GET", "/v2/objects/companies/attributes?show_archived=true");
    expect(all.json.data.map((a: { api_slug: string }) => a.api_slug)).toContain("description");
  });

  it("object attributes need object_configuration:read-write, list attributes list_configuration:read-write", async () => {
    await client.control("POST", "scopes", {
      token: SANDBOX_TOKEN,
      scope: "object_configuration:read list_configuration:read",
    });
    const obj = await client.call("POST", "/v2/objects/companies/attributes", attribute("X", "x", "text"));
    expect(obj.json).toMatchObject({ status_code: 403 });
    expect(obj.json.message).toContain("object_configuration:read-write");
    const list = await client.call("POST", "/v2/lists/sales_pipeline/attributes", attribute("X", "x", "text"));
    expect(list.json.message).toContain("list_configuration:read-write");
  });
});

describe("lists", () => {
  it("a created list takes entries and can be renamed", async () => {
    const created = await client.call("POST", "/v2/lists", {
      data: {
        name: "Hiring",
        api_slug: "hiring",
        parent_object: "people",
        workspace_access: "full-access",
        workspace_member_access: [],
      },
    });
    expect(created.json.data).toMatchObject({ api_slug: "hiring", parent_object: ["people"] });
    const entry = await client.call("POST", "/v2/lists/hiring/entries", {
      data: { parent_object: "people", parent_record_id: IDS.people.ann, entry_values: {} },
    });
    expect(entry.status).toBe(200);
    const renamed = await client.call("PATCH", "/v2/lists/hiring", { data: { name: "Hiring 2027" } });
    expect(renamed.json.data.name).toBe("Hiring 2027");
  });
});
