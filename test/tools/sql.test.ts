// sql_query: the guard acts before any request; rows come back capped with a notice; Attio's
// plan gate, bad query and timeout are explained.
import { beforeEach, describe, expect, it } from "vitest";
import { sandbox } from "../helpers";
import { SANDBOX_TOKEN, SANDBOX_TOKEN_OTHER, WORKSPACE_OTHER } from "../sandbox/seed";
import { call, context, expectError, fresh, only } from "./harness";

beforeEach(fresh);

describe("sql_query", () => {
  it("sends the query as is and returns the rows", async () => {
    const query = "SELECT stage, count(*) AS n FROM lists.sales_pipeline GROUP BY stage ORDER BY stage";
    const called = await call("sql_query", { query });
    expect(only(called)).toMatchObject({ method: "POST", path: "/v2/sql", body: { sql: query } });
    expect(called.out.rows.length).toBeGreaterThan(0);
    expect(called.out.rows[0]).toEqual({ stage: expect.any(String), n: expect.any(Number) });
    expect(called.out).toMatchObject({ count: called.out.rows.length, total_rows: called.out.rows.length });
    expect(called.out.truncated).toBeUndefined();
  });

  it("caps rows at limit and says it cut", async () => {
    const called = await call("sql_query", { query: "SELECT record_id, name FROM objects.companies", limit: 10 });
    expect(called.out).toMatchObject({ count: 10, total_rows: 32, truncated: true });
    expect(called.out.note).toMatch(/Cut: showing 10 of 32 rows \(limit 10\).*raise limit/);
  });

  it("cuts by bytes too", async () => {
    const wide = "SELECT a.name, b.name AS other, a.description FROM companies a CROSS JOIN companies b";
    const called = await call("sql_query", { query: wide, limit: 1000 });
    expect(called.out.total_rows).toBe(1024);
    expect(called.out.count).toBeLessThan(1000);
    expect(called.out.note).toMatch(/to keep the result small/);
    expect(called.text.length).toBeLessThan(100_000);
  });

  it.each([
    "DELETE FROM companies",
    "UPDATE companies SET name = 'x'",
    "INSERT INTO companies (name) VALUES ('x')",
    "SELECT 1; DELETE FROM companies",
    "SELECT 1 -- ; DROP TABLE companies",
    "WITH x AS (DELETE FROM companies RETURNING *) SELECT * FROM x",
  ])("refuses %s before any request", async (query) => {
    const called = await call("sql_query", { query });
    expectError(called, /one read-only SELECT/, /Nothing was sent/);
    expect(called.requests).toEqual([]);
  });

  it("explains a bad query with where the names come from", async () => {
    expectError(
      await call("sql_query", { query: "SELECT shoe_size FROM companies" }),
      /could not run the query \(filter_error\)/,
      /records_discover_attributes/,
    );
  });

  it("reports the Enterprise gate plainly, pointing at records_aggregate", async () => {
    const called = await call("sql_query", { query: "SELECT 1" }, context(SANDBOX_TOKEN_OTHER, WORKSPACE_OTHER));
    expectError(called, /needs Attio's Enterprise plan/, /records_aggregate/);
  });

  it("names the scopes when Attio refuses for lack of them", async () => {
    await sandbox.scopes(SANDBOX_TOKEN, "object_configuration:read");
    expectError(await call("sql_query", { query: "SELECT 1" }), /record_permission:read/);
  });

  it("surfaces Attio's 30 s timeout as a clear error", async () => {
    await sandbox.sqlTimeout(1);
    const slow =
      "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 300000) SELECT count(*) FROM n";
    expectError(await call("sql_query", { query: slow }), /30-second limit/, /WHERE/);
  });
});
