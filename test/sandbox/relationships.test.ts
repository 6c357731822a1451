// Two-way relationships and currency codes, as Attio keeps them: writing one end of a relationship
// (a person's company, a company's team, a deal's company or people) updates the other end, a
// deleted record leaves the far ends, and a currency code written with an amount is kept.
import { beforeEach, describe, expect, it } from "vitest";
import { useSandbox } from "./helpers";
import { IDS } from "./seed";

const client = useSandbox();
beforeEach(async () => {
  await client.control("POST", "reset");
});

const C = IDS.companies;
const P = IDS.people;

/** Current target record ids of one record-reference attribute. */
async function targets(object: string, id: string, slug: string): Promise<string[]> {
  const record = (await client.call("GET", `/v2/objects/${object}/records/${id}`)).json.data;
  return (record.values[slug] as { target_record_id: string }[]).map((v) => v.target_record_id).sort();
}
const patch = (object: string, id: string, values: Record<string, unknown>) =>
  client.call("PATCH", `/v2/objects/${object}/records/${id}`, { data: { values } });

describe("two-way relationships", () => {
  it("seeds both ends: each company's team and deals match its people's company and its deals' company", async () => {
    expect(await targets("companies", C.acme, "team")).toEqual([P.ann, P.bob].sort());
    expect(await targets("companies", C.acme, "associated_deals")).toEqual([IDS.deals.acme_renewal]);
    expect(await targets("people", P.ann, "associated_deals")).toEqual([IDS.deals.acme_renewal]);
  });

  it("moving a person to another company moves them between the two teams", async () => {
    const moved = await patch("people", P.bob, { company: C.globex });
    expect(moved.status, JSON.stringify(moved.json)).toBe(200);
    expect(await targets("companies", C.acme, "team")).toEqual([P.ann]);
    expect(await targets("companies", C.globex, "team")).toEqual([P.bob, P.carla].sort());
  });

  it("adding someone to a team sets their company, and takes them off their old company's team", async () => {
    const added = await patch("companies", C.hooli, { team: [P.dan] });
    expect(added.status, JSON.stringify(added.json)).toBe(200);
    expect(await targets("people", P.dan, "company")).toEqual([C.hooli]);
    expect(await targets("companies", C.initech, "team")).toEqual([]);
    expect(await targets("companies", C.hooli, "team")).toEqual([P.dan, P.eve].sort());
  });

  it("overwriting a team clears the company of whoever left it", async () => {
    await client.call("PUT", `/v2/objects/companies/records/${C.acme}`, { data: { values: { team: [P.ann] } } });
    expect(await targets("people", P.bob, "company")).toEqual([]);
    expect(await targets("people", P.ann, "company")).toEqual([C.acme]);
  });

  it("a new deal appears on its company and people; deleting it takes it off again", async () => {
    const created = await client.call("POST", "/v2/objects/deals/records", {
      data: { values: { name: "Hooli expansion", associated_company: C.hooli, associated_people: [P.eve] } },
    });
    const deal = created.json.data.id.record_id;
    expect(await targets("companies", C.hooli, "associated_deals")).toEqual([deal]);
    expect(await targets("people", P.eve, "associated_deals")).toEqual([deal]);
    await client.call("DELETE", `/v2/objects/deals/records/${deal}`);
    expect(await targets("companies", C.hooli, "associated_deals")).toEqual([]);
    expect(await targets("people", P.eve, "associated_deals")).toEqual([]);
  });

  it("describes each end's far end in the attribute's relationship", async () => {
    const attribute = (await client.call("GET", "/v2/objects/people/attributes/company")).json.data;
    expect(attribute.relationship).toMatchObject({ object_slug: "companies", api_slug: "team", is_multiselect: true });
    const plain = (await client.call("GET", "/v2/objects/projects/attributes/company")).json.data;
    expect(plain.relationship).toBeNull();
  });
});

describe("currency codes", () => {
  it("keeps a code written with the amount, and uses the attribute's default without one", async () => {
    const euro = await client.call("POST", "/v2/objects/deals/records", {
      data: { values: { name: "Euro deal", value: { currency_value: 5000, currency_code: "EUR" } } },
    });
    expect(euro.json.data.values.value[0]).toMatchObject({ currency_value: 5000, currency_code: "EUR" });
    const plain = await client.call("POST", "/v2/objects/deals/records", {
      data: { values: { name: "Plain deal", value: 7000 } },
    });
    expect(plain.json.data.values.value[0]).toMatchObject({ currency_value: 7000, currency_code: "USD" });
  });

  it("refuses a code that is not ISO 4217-shaped, naming the attribute", async () => {
    const bad = await client.call("POST", "/v2/objects/deals/records", {
      data: { values: { name: "Bad", value: { currency_value: 1, currency_code: "euro" } } },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/"value".*ISO 4217/);
  });
});
