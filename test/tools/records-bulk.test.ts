// records_update_many: by ids or by filter, dry run first, and an exact report of what was written.
import { beforeEach, describe, expect, it } from "vitest";
import { IDS } from "../sandbox/seed";
import { call, expectError, fail500, fresh } from "./harness";

beforeEach(fresh);

const C = IDS.companies;
const sent = (called: { requests: { method: string; path: string }[] }) =>
  called.requests.map((r) => `${r.method} ${r.path}`);

describe("records_update_many", () => {
  it("shows in a dry run what would change, writing nothing", async () => {
    const called = await call("records_update_many", {
      object: "companies",
      filter: { employee_range: "5K+" },
      values: { categories: ["Enterprise"] },
      dry_run: true,
    });
    expect(sent(called)).toEqual(["POST /v2/objects/companies/records/query"]);
    expect(called.requests[0]!.body).toMatchObject({ filter: { employee_range: "5K+" }, limit: 101 });
    expect(called.out).toMatchObject({ dry_run: true, matched: 2, failed: [], unchanged: [] });
    expect(called.out.updated).toEqual(
      expect.arrayContaining([
        {
          id: C.umbrella,
          name: "Umbrella Industries",
          changes: { categories: { from: "Manufacturing", to: ["Manufacturing", "Enterprise"] } },
        },
        {
          id: C.hooli,
          name: "Hooli",
          changes: { categories: { from: ["SaaS", "B2C"], to: ["SaaS", "B2C", "Enterprise"] } },
        },
      ]),
    );
    const after = await call("records_get_details", {
      object: "companies",
      record_id: C.hooli,
      fields: ["categories"],
    });
    expect(after.out.values.categories).toEqual(["SaaS", "B2C"]);
  });

  it("writes by ids, skips records that already hold the values, and names each outcome", async () => {
    const called = await call("records_update_many", {
      object: "companies",
      record_ids: [C.acme, C.initech, C.hooli],
      values: { categories: ["B2B"] },
    });
    // Acme and Initech already carry B2B: only Hooli is written.
    expect(sent(called)).toEqual([
      "POST /v2/objects/companies/records/query",
      `PATCH /v2/objects/companies/records/${C.hooli}`,
    ]);
    expect(called.requests[0]!.body).toMatchObject({ filter: { record_id: { $in: [C.acme, C.initech, C.hooli] } } });
    expect(called.out).toMatchObject({ dry_run: false, matched: 3, failed: [] });
    expect(called.out.updated).toEqual([
      { id: C.hooli, name: "Hooli", values: { categories: ["SaaS", "B2C", "B2B"] } },
    ]);
    expect(called.out.unchanged.map((u: { id: string }) => u.id).sort()).toEqual([C.acme, C.initech].sort());
  });

  it("reports a partial failure record by record, and ids it could not find", async () => {
    const missing = "c0000000-0000-4000-8000-0000000000ff";
    await fail500(`/v2/objects/companies/records/${C.umbrella}`);
    const called = await call("records_update_many", {
      object: "companies",
      record_ids: [C.hooli, C.umbrella, missing],
      values: { description: "Key account" },
    });
    expect(called.isError).toBe(false);
    expect(called.out.updated.map((u: { id: string }) => u.id)).toEqual([C.hooli]);
    expect(called.out.failed).toEqual([
      { id: C.umbrella, name: "Umbrella Industries", error: expect.stringMatching(/500/) },
    ]);
    expect(called.out.not_found).toEqual([missing]);
    expect(called.out.note).toMatch(/1 updated, 1 NOT updated/);
  });

  it("refuses more ids than the cap before any request", async () => {
    const ids = Array.from({ length: 101 }, () => C.acme);
    const capped = await call("records_update_many", {
      object: "companies",
      record_ids: ids,
      values: { description: "x" },
    });
    expectError(capped, /"record_ids"/);
    expect(capped.requests).toHaveLength(0);
  });

  it("passes Attio's rejection of a value with the valid options", async () => {
    expectError(
      await call("records_update_many", {
        object: "companies",
        record_ids: [C.hooli],
        values: { categories: ["Nope"] },
      }),
      /Valid options for "categories"|Nope/,
    );
  });

  it("needs exactly one way to choose the records", async () => {
    expectError(
      await call("records_update_many", { object: "companies", values: { description: "x" } }),
      /exactly one/,
    );
    expectError(
      await call("records_update_many", {
        object: "companies",
        record_ids: [C.acme],
        filter: { name: "Acme Corp" },
        values: { description: "x" },
      }),
      /exactly one/,
    );
  });
});
