// records_merge: one merge request, the new record returned, a 202 waited for briefly, the
// endpoint's 429 honoured, and an unknown outcome never sent twice.
import { beforeEach, describe, expect, it } from "vitest";
import { createAttio } from "../../src/attio/client";
import { attioBase, sandbox } from "../helpers";
import { IDS, SANDBOX_TOKEN } from "../sandbox/seed";
import { call, context, expectError, fresh } from "./harness";

beforeEach(fresh);

const ACME = IDS.companies.acme;

async function duplicateOfAcme(): Promise<string> {
  const created = await call("create-record", {
    object: "companies",
    values: { name: "ACME Corp.", description: "dup" },
  });
  return created.out.record.id;
}

const merges = (called: { requests: { method: string; path: string }[] }) =>
  called.requests.filter((r) => r.path.endsWith("/records/merge"));

describe("records_merge", () => {
  it("merges, returns the new record, and says the old ids are gone", async () => {
    const dup = await duplicateOfAcme();
    const note = await call("create-note", { object: "companies", record_id: dup, title: "Dup's note", content: "x" });
    const called = await call("records_merge", {
      object: "companies",
      primary_record_id: ACME,
      secondary_record_id: dup,
    });
    expect(called.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /v2/objects/companies/records/merge",
      `GET /v2/objects/companies/records/${called.out.record_id}`,
    ]);
    expect(called.requests[0]!.body).toEqual({ data: { primary_record_id: ACME, secondary_record_id: dup } });
    expect(called.out).toMatchObject({ status: "merged", replaced: [ACME, dup] });
    expect([ACME, dup]).not.toContain(called.out.record_id);
    expect(called.out.record.values).toMatchObject({ name: "Acme Corp", description: expect.any(String) });
    expect(called.out.note).toContain("no longer exist");
    const moved = await call("list-notes", { object: "companies", record_id: called.out.record_id });
    const kept = moved.out.notes.find((n: { id: string }) => n.id === note.out.note.id);
    expect(kept).toMatchObject({ created_by: note.out.note.created_by, created_at: note.out.note.created_at });
  });

  it("waits briefly for an asynchronous (202) merge", async () => {
    const dup = await duplicateOfAcme();
    await sandbox.fault({ mode: "202", path: "/records/merge", reads: 1 });
    const called = await call("records_merge", {
      object: "companies",
      primary_record_id: ACME,
      secondary_record_id: dup,
    });
    expect(called.out.status).toBe("merged");
    expect(merges(called)).toHaveLength(1);
    expect(called.requests.filter((r) => r.method === "GET")).toHaveLength(2);
  });

  it("says how to check when the merge is still running after the wait", async () => {
    const dup = await duplicateOfAcme();
    await sandbox.fault({ mode: "202", path: "/records/merge", reads: 99 });
    const called = await call("records_merge", {
      object: "companies",
      primary_record_id: ACME,
      secondary_record_id: dup,
    });
    expect(called.isError).toBe(false);
    expect(called.out.status).toBe("in_progress");
    expect(called.out.note).toMatch(/Do not merge again.*records_get_details/);
    expect(called.out).not.toHaveProperty("record");
    expect(merges(called)).toHaveLength(1);
  });

  it("honours the endpoint's 429 by waiting and retrying (a 429 was not processed)", async () => {
    const dup = await duplicateOfAcme();
    await sandbox.fault({ mode: "429", path: "/records/merge", retryAfterSeconds: 1 });
    const called = await call("records_merge", {
      object: "companies",
      primary_record_id: ACME,
      secondary_record_id: dup,
    });
    expect(called.out.status).toBe("merged");
    expect(merges(called)).toHaveLength(2);
  });

  it("never retries a merge whose outcome is unknown (5xx, timeout)", async () => {
    const dup = await duplicateOfAcme();
    await sandbox.fault({ mode: "500", path: "/records/merge" });
    const failed = await call("records_merge", {
      object: "companies",
      primary_record_id: ACME,
      secondary_record_id: dup,
    });
    expectError(failed, /outcome is unknown/, /Do NOT call records_merge again/, /records_get_details/);
    expect(merges(failed)).toHaveLength(1);

    await sandbox.fault({ mode: "hang", path: "/records/merge" });
    const impatient = {
      ...context(),
      attio: createAttio({ baseUrl: attioBase(), token: SANDBOX_TOKEN, timeoutMs: 300 }),
    };
    const hung = await call(
      "records_merge",
      { object: "companies", primary_record_id: ACME, secondary_record_id: dup },
      impatient,
    );
    expectError(hung, /outcome is unknown/);
    expect(merges(hung)).toHaveLength(1);
  });

  it("passes Attio's 404 for a missing record and refuses a self-merge before any request", async () => {
    expectError(
      await call("records_merge", {
        object: "companies",
        primary_record_id: ACME,
        secondary_record_id: "00000000-0000-4000-8000-000000000000",
      }),
      /404/,
    );
    const self = await call("records_merge", {
      object: "companies",
      primary_record_id: ACME,
      secondary_record_id: ACME,
    });
    expectError(self, /same record/);
    expect(self.requests).toEqual([]);
    expectError(await call("records_merge", { object: "companies", primary_record_id: ACME }), /secondary_record_id/);
  });
});
