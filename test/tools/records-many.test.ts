// records_get_details with record_ids: one GET per id in parallel, missing ids named, a
// documented cap, and the single-id form unchanged.
import { beforeEach, describe, expect, it } from "vitest";
import { IDS } from "../sandbox/seed";
import { call, expectError, fail500, fresh } from "./harness";

beforeEach(fresh);

const C = IDS.companies;
const MISSING = "00000000-0000-4000-8000-000000000000";

describe("records_get_details with record_ids", () => {
  it("reads each id once and names the ones not found", async () => {
    const called = await call("records_get_details", {
      object: "companies",
      record_ids: [C.acme, C.globex, MISSING, C.acme],
      fields: ["name"],
    });
    expect(called.requests.map((r) => r.path).sort()).toEqual(
      [C.acme, C.globex, MISSING].map((id) => `/v2/objects/companies/records/${id}`).sort(),
    );
    expect(called.out.count).toBe(2);
    expect(called.out.records.map((r: { values: { name: string } }) => r.values.name).sort()).toEqual([
      "Acme Corp",
      "Globex Corporation",
    ]);
    expect(called.out.not_found).toEqual([MISSING]);
    expect(called.out.failed).toBeUndefined();
  });

  it("reports an id Attio failed on without losing the others", async () => {
    await fail500(`/records/${C.initech}`);
    const called = await call("records_get_details", { object: "companies", record_ids: [C.acme, C.initech] });
    expect(called.out.count).toBe(1);
    expect(called.out.failed).toEqual([{ id: C.initech, error: expect.stringMatching(/internal error/) }]);
  });

  it("keeps the single-id form as before", async () => {
    const called = await call("records_get_details", { object: "companies", record_id: C.acme });
    expect(called.out).toMatchObject({ id: C.acme, object: "companies", values: { name: "Acme Corp" } });
  });

  it("refuses both or neither id forms, and more than 20 ids, before any request", async () => {
    for (const args of [
      { object: "companies" },
      { object: "companies", record_id: C.acme, record_ids: [C.globex] },
      { object: "companies", record_ids: Array.from({ length: 21 }, () => C.acme) },
      { object: "companies", record_ids: ["nope"] },
    ]) {
      const called = await call("records_get_details", args);
      expect(called.isError, JSON.stringify(args)).toBe(true);
      expect(called.requests).toEqual([]);
    }
    expectError(
      await call("records_get_details", { object: "companies" }),
      /exactly one of "record_id" or "record_ids"/,
    );
  });
});
