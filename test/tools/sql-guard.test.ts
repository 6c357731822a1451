// The SQL guard: one read-only SELECT/WITH passes; writes, extra statements and comment or
// quoting tricks are refused with a reason.
import { describe, expect, it } from "vitest";
import { refuseUnlessReadOnly } from "../../src/tools/sql-guard";

describe("refuseUnlessReadOnly", () => {
  it.each([
    "SELECT name FROM companies",
    "  select count(*) from objects.companies;  ",
    "(SELECT 1)",
    "WITH won AS (SELECT * FROM lists.sales_pipeline WHERE stage = 'Won') SELECT count(*) FROM won",
    "SELECT 'delete; -- /* not a comment */' AS text",
    `SELECT "update" FROM companies`,
    "SELECT name FROM companies WHERE description = 'it''s; DROP TABLE x'",
    "SELECT E'a\\'; DELETE FROM companies' AS s",
    "SELECT updated_at, created_by, deleted FROM companies",
  ])("passes %s", (sql) => {
    expect(refuseUnlessReadOnly(sql)).toBeNull();
  });

  it.each([
    ["DELETE FROM companies", /start with SELECT or WITH/],
    ["UPDATE companies SET name = 'x'", /start with SELECT or WITH/],
    ["INSERT INTO companies (name) VALUES ('x')", /start with SELECT or WITH/],
    ["SELECT 1; DELETE FROM companies", /only one statement/],
    ["SELECT 1; SELECT 2", /only one statement/],
    ["SELECT 1 -- ; DELETE FROM companies", /comments/],
    ["SELECT 1 /* */ ; DROP TABLE companies", /comments/],
    ["/* hi */ SELECT 1", /comments/],
    ["WITH gone AS (DELETE FROM companies RETURNING *) SELECT * FROM gone", /"DELETE" is not allowed/],
    ["SELECT * INTO backup FROM companies", /"INTO" is not allowed/],
    ["SELECT * FROM companies FOR UPDATE", /"UPDATE" is not allowed/],
    ["SELECT set_config('x', 'y', false)", /set_config/],
    ["SELECT $$; DELETE FROM companies$$", /dollar-quoted/],
    ["SELECT 'unclosed", /not closed/],
    ["EXPLAIN ANALYZE DELETE FROM companies", /start with SELECT or WITH/],
    ["", /start with SELECT or WITH/],
  ])("refuses %s", (sql, reason) => {
    expect(refuseUnlessReadOnly(sql)).toMatch(reason);
  });
});
