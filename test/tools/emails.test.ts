// emails_list: filters passed to Attio, short Attio pages filled within a bound, names beside
// linked record ids, the alpha gate explained, bad arguments refused before any request.
import { beforeEach, describe, expect, it } from "vitest";
import type { RecordedRequest } from "../sandbox/types";
import { IDS, SANDBOX_TOKEN_OTHER, WORKSPACE_OTHER } from "../sandbox/seed";
import { call, context, expectError, fresh } from "./harness";

beforeEach(fresh);

const emailRequests = (called: { requests: RecordedRequest[] }) =>
  called.requests.filter((r) => r.path === "/v2/emails");

describe("emails_list", () => {
  it("lists a company's emails newest first, with names beside linked records and no body", async () => {
    const called = await call("emails_list", { object: "companies", record_ids: [IDS.companies.acme], limit: 10 });
    expect(emailRequests(called)[0]!.query).toMatchObject({
      linked_object: "companies",
      linked_record_ids: IDS.companies.acme,
      limit: "10",
    });
    expect(called.out.count).toBe(5);
    const first = called.out.emails[0];
    expect(first).toMatchObject({
      direction: "inbound",
      subject: "Re: Renewal pricing",
      from: "Ann Lee <ann@acme.com>",
      to: ["Ada Admin <ada@sandbox.example>"],
      cc: ["Bob Stone <bob@acme.com>"],
    });
    expect(first.linked_records).toEqual(
      expect.arrayContaining([
        { object: "companies", id: IDS.companies.acme, name: "Acme Corp" },
        { object: "people", id: IDS.people.ann, name: "Ann Lee" },
      ]),
    );
    expect(JSON.stringify(called.out)).not.toMatch(/"body"|"content"/);
    const sent = called.out.emails.map((e: { sent_at: string }) => e.sent_at);
    expect([...sent].sort().reverse()).toEqual(sent);
    // Names cost one query per object, not one per email.
    expect(called.requests.filter((r) => r.path.endsWith("/records/query")).length).toBeLessThanOrEqual(2);
  });

  it("keeps reading past Attio's short pages, within a bound, and hands on the cursor", async () => {
    // The sandbox scans 4 emails per request; 3 of the first 4 are with acme.com.
    const full = await call("emails_list", { domain: "acme.com", limit: 4 });
    expect(full.out.count).toBe(4);
    expect(emailRequests(full).length).toBeGreaterThan(1);
    expect(full.out.next_cursor).toEqual(expect.any(String));
    const rest = await call("emails_list", { domain: "acme.com", limit: 50, cursor: full.out.next_cursor });
    expect(rest.out.count).toBe(1);
    const ids = [...full.out.emails, ...rest.out.emails].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(5);
  });

  it("passes participants, dates and the automated-sender filter", async () => {
    const called = await call("emails_list", {
      participants: ["ann@acme.com", "carla@globex.com"],
      after: "2024-02-01",
      exclude_automated: true,
      limit: 50,
    });
    expect(emailRequests(called)[0]!.query).toMatchObject({
      participants: "ann@acme.com,carla@globex.com",
      sent_after: "2024-02-01",
      exclude_automated_participants: "true",
    });
    expect(called.out.count).toBe(5);
  });

  it("says how to get access when the workspace has no email access (alpha)", async () => {
    const called = await call(
      "emails_list",
      { domain: "stark.example" },
      context(SANDBOX_TOKEN_OTHER, WORKSPACE_OTHER),
    );
    expectError(called, /alpha/, /support@attio\.com/, /email:read/);
  });

  it("refuses a call without a filter, or record_ids without object, before any request", async () => {
    const none = await call("emails_list", { limit: 5 });
    expectError(none, /record_ids \(with object\), participants or domain/);
    expect(none.requests).toEqual([]);
    expectError(await call("emails_list", { record_ids: [IDS.people.ann] }), /object/);
    expectError(await call("emails_list", { participants: ["not-an-email"] }), /participants/);
  });
});
