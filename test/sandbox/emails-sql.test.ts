// Email metadata (filters OR-ed, short pages that are not the end, the alpha gate) and SQL over
// the workspace's own records (real queries, the Enterprise gate, bad queries, the timeout).
import { beforeEach, describe, expect, it } from "vitest";
import { useSandbox } from "./helpers";
import { IDS, SANDBOX_TOKEN, SANDBOX_TOKEN_OTHER } from "./seed";

const client = useSandbox();
beforeEach(async () => {
  await client.control("POST", "reset");
});

async function allPages(query: string): Promise<{ ids: string[]; pages: number[] }> {
  const ids: string[] = [];
  const pages: number[] = [];
  let cursor: string | null = null;
  do {
    const res = await client.call("GET", `/v2/emails?${query}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    ids.push(...res.json.data.map((e: { id: { email_id: string } }) => e.id.email_id));
    pages.push(res.json.data.length);
    cursor = res.json.pagination.next_cursor;
  } while (cursor);
  return { ids, pages };
}

describe("GET /v2/emails", () => {
  it("pages by cursor where a short page is not the end", async () => {
    const { ids, pages } = await allPages("domain=acme.com&limit=10");
    expect(ids).toHaveLength(5);
    expect(pages[0]).toBeLessThan(10);
    expect(pages.length).toBeGreaterThan(1);
  });

  it("filters by linked record, participants, automated senders; never returns a body", async () => {
    const byAnn = await allPages(`linked_object=people&linked_record_ids=${IDS.people.ann}`);
    expect(byAnn.ids).toHaveLength(3);
    const byCarla = await client.call("GET", "/v2/emails?participants=carla@globex.com");
    expect(byCarla.json.data[0]).not.toHaveProperty("body");
    const humans = await allPages("domain=acme.com&exclude_automated_participants=true");
    expect(humans.ids).toHaveLength(4);
    const first = (await client.call("GET", "/v2/emails?domain=acme.com&limit=1")).json.data[0];
    expect(first.linked_records).toEqual(
      expect.arrayContaining([
        { object_slug: "companies", object_id: expect.any(String), record_id: IDS.companies.acme },
      ]),
    );
  });

  it("needs a filter, email:read, and the workspace's alpha access", async () => {
    expect((await client.call("GET", "/v2/emails")).status).toBe(400);
    const other = await client.call("GET", "/v2/emails?domain=stark.example", undefined, SANDBOX_TOKEN_OTHER);
    expect(other.json).toMatchObject({ status_code: 403 });
    expect(other.json.message).toContain("support@attio.com");
    await client.control("POST", "scopes", {
      token: SANDBOX_TOKEN,
      scope: "record_permission:read object_configuration:read",
    });
    expect((await client.call("GET", "/v2/emails?domain=acme.com")).json.message).toContain("email:read");
  });
});

describe("POST /v2/sql", () => {
  const sql = (query: string, token?: string) => client.call("POST", "/v2/sql", { sql: query }, token);

  it("answers real SQL over objects.* and lists.*, reflecting writes", async () => {
    const count = await sql("SELECT count(*) AS n FROM objects.companies");
    expect(count.json.data.rows).toEqual([{ n: 32 }]);
    const joined = await sql(
      "SELECT c.name, e.stage FROM lists.sales_pipeline e JOIN companies c ON c.record_id = e.parent_record_id ORDER BY c.name",
    );
    expect(joined.json.data.rows[0]).toEqual({ name: "Acme Corp", stage: expect.any(String) });
    await client.call("PATCH", `/v2/objects/companies/records/${IDS.companies.hooli}`, {
      data: { values: { name: "Hooli XYZ" } },
    });
    const renamed = await sql(`SELECT name, domains FROM companies WHERE record_id = '${IDS.companies.hooli}'`);
    expect(renamed.json.data.rows).toEqual([{ name: "Hooli XYZ", domains: ["hooli.xyz"] }]);
  });

  it("refuses writes and bad SQL with filter_error, off-Enterprise with billing_error", async () => {
    expect((await sql("DELETE FROM companies")).json).toMatchObject({ status_code: 400, code: "filter_error" });
    expect((await sql("SELECT nope FROM companies")).json).toMatchObject({ status_code: 400, code: "filter_error" });
    const other = await sql("SELECT 1", SANDBOX_TOKEN_OTHER);
    expect(other.json).toMatchObject({ status_code: 403, code: "billing_error" });
    expect(other.json.message).toContain("Enterprise");
  });

  it("answers query_timeout past the time budget", async () => {
    await client.control("POST", "sql-timeout", { ms: 1 });
    const slow = await sql(
      "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 300000) SELECT count(*) FROM n",
    );
    expect(slow.json).toMatchObject({ status_code: 400, code: "query_timeout" });
  });
});
