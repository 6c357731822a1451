// Errors that end the guessing, and members named the way people name them ("me", an email, a name).
import { beforeEach, describe, expect, it } from "vitest";
import { IDS, MEMBERS } from "../sandbox/seed";
import { call, context, expectError, fresh } from "./harness";

beforeEach(fresh);

const [ADA, MAX] = MEMBERS;
const me = () => ({ ...context(), memberId: ADA.id });
const sent = (called: { requests: { method: string; path: string }[] }) =>
  called.requests.map((r) => `${r.method} ${r.path}`);

describe('"me", emails and names where a member is expected', () => {
  it('filters on an actor attribute by "me", in one query plus cached metadata', async () => {
    const called = await call("records_query", { object: "deals", filter: { owner: "me" }, fields: ["name"] }, me());
    expect(sent(called)).toEqual(["GET /v2/objects/deals/attributes", "POST /v2/objects/deals/records/query"]);
    expect(called.requests[1]!.body).toMatchObject({ filter: { owner: { referenced_actor_id: { $eq: ADA.id } } } });
    expect(called.out.records.map((r: { values: { name: string } }) => r.values.name).sort()).toEqual([
      "Acme renewal 2024",
      "Initech upsell",
    ]);
    const byEmail = await call("records_query", { object: "deals", filter: { owner: { $eq: MAX.email_address } } });
    expect(byEmail.out.records.map((r: { id: string }) => r.id)).toEqual([IDS.deals.globex_pilot]);
  });

  it('writes an owner given as a name or "me", and leaves text that looks like a name alone', async () => {
    const byName = await call("update-record", {
      object: "deals",
      record_id: IDS.deals.globex_pilot,
      values: { owner: "Ada Admin", name: "Globex Pilot Phase" },
    });
    const patch = (called: { requests: { method: string; body?: unknown }[] }) =>
      called.requests.filter((r) => r.method === "PATCH").at(-1);
    expect(patch(byName)!.body).toEqual({
      data: {
        values: {
          owner: { referenced_actor_type: "workspace-member", referenced_actor_id: ADA.id },
          name: "Globex Pilot Phase",
        },
      },
    });
    const mine = await call(
      "update-record",
      { object: "deals", record_id: IDS.deals.globex_pilot, values: { owner: "me" } },
      {
        ...context(),
        memberId: MAX.id,
      },
    );
    expect(patch(mine)!.body).toMatchObject({ data: { values: { owner: { referenced_actor_id: MAX.id } } } });
  });

  it('assigns tasks as "me" or by name, and lists mine', async () => {
    const task = await call("tasks_create", { content: "Call back", assignees: ["me", "Max Member"] }, me());
    const tasksCall = (called: { requests: { method: string; path: string }[] }, method: string) =>
      called.requests.find((r) => r.method === method && r.path === "/v2/tasks") as { body?: unknown; query?: unknown };
    expect(tasksCall(task, "POST").body).toMatchObject({
      data: {
        assignees: [
          { referenced_actor_type: "workspace-member", referenced_actor_id: ADA.id },
          { referenced_actor_type: "workspace-member", referenced_actor_id: MAX.id },
        ],
      },
    });
    const mine = await call("tasks_list", { assignee: "me", is_completed: false }, me());
    expect(tasksCall(mine, "GET").query).toMatchObject({ assignee: ADA.id });
  });

  it("names an unknown member and the way out", async () => {
    expectError(
      await call("tasks_create", { content: "x", assignees: ["Nobody Here"] }),
      /no workspace member is "Nobody Here"/,
      /members_list/,
    );
  });

  it("health-check names the signed-in member", async () => {
    const called = await call("health-check", {});
    expect(called.out.member).toEqual({ id: ADA.id, name: "Ada Admin", email: ADA.email_address });
  });
});

describe("errors that end the guessing", () => {
  it("an unknown object lists the valid ones and the nearest", async () => {
    const called = await call("records_query", { object: "compnies" });
    expectError(called, /Unknown object "compnies" \(did you mean "companies"\?\)/, /people/, /deals/);
  });

  it("an unknown list lists the valid ones", async () => {
    expectError(await call("list_entries_query", { list: "sales" }), /Unknown list "sales"/, /sales_pipeline/);
  });

  it("a list made a moment ago is among the valid ones (lists_save forgets the cached lists)", async () => {
    expectError(await call("list_entries_query", { list: "partnerz" }), /Unknown list "partnerz"/);
    const made = await call("lists_save", { name: "Partners", api_slug: "partners", parent_object: "companies" });
    expect(made.isError, made.text).toBeFalsy();
    expectError(await call("list_entries_query", { list: "partnerz" }), /did you mean "partners"/);
  });

  it("an unknown attribute in a filter, sort or values names the nearest", async () => {
    expectError(
      await call("records_query", { object: "companies", filter: { nmae: "Acme Corp" } }),
      /"nmae" \(did you mean "name"\?\)/,
    );
    expectError(
      await call("update-record", { object: "companies", record_id: IDS.companies.acme, values: { domian: "a.com" } }),
      /"domian" \(did you mean "domains"\?\)/,
    );
  });

  it("an unknown attribute in fields is an error, not a silently missing value", async () => {
    const called = await call("records_get_details", {
      object: "companies",
      record_id: IDS.companies.acme,
      fields: ["name", "webiste"],
    });
    expectError(called, /"fields": unknown attribute "webiste"/, /attributes of companies: .*name/);
    expectError(await call("records_query", { object: "companies", fields: ["nme"] }), /did you mean "name"/);
  });

  it("a uniqueness conflict names the record holding the value", async () => {
    const called = await call("update-record", {
      object: "companies",
      record_id: IDS.companies.hooli,
      values: { domains: ["acme.com"] },
    });
    expectError(called, /"acme.com" already belongs to Acme Corp/, new RegExp(IDS.companies.acme), /records_merge/);
  });

  it("reports a written value Attio stored differently, and says nothing when all was kept", async () => {
    const called = await call("update-record", {
      object: "deals",
      record_id: IDS.deals.globex_pilot,
      values: { value: { amount: 5000, currency: "XYZ" }, name: "Globex pilot" },
    });
    if (called.isError) {
      // Attio may refuse an unknown currency outright: then nothing was written and the error says so.
      expect(called.text).toMatch(/currency|XYZ/i);
    } else if (called.out.record.values.value?.currency === "XYZ") {
      // Stored as sent (the sandbox keeps any code, and the result shows the value's own code).
      expect(called.out.stored_differently).toBeUndefined();
    } else {
      expect(called.out.stored_differently.value.sent).toEqual({ amount: 5000, currency: "XYZ" });
      expect(called.out.note).toMatch(/stored some values differently/);
    }
    const domain = await call("update-record", {
      object: "companies",
      record_id: IDS.companies.hooli,
      values: { domains: ["https://www.Hooli.com/about"] },
    });
    expect(domain.isError, domain.text).toBe(false);
    expect(domain.out.stored_differently?.domains?.sent).toEqual(["https://www.Hooli.com/about"]);
    const same = await call("update-record", {
      object: "companies",
      record_id: IDS.companies.hooli,
      values: { description: "Same" },
    });
    expect(same.out.stored_differently).toBeUndefined();
  });

  it("the empty-result hint names the right fix, and only when it applies", async () => {
    const actor = await call("records_query", {
      object: "deals",
      filter: { owner: { referenced_actor_id: { $eq: "x" } } },
    });
    expect(actor.out.note).toMatch(/actor attribute/);
    const select = await call("records_query", { object: "deals", filter: { stage: "Won" } });
    expect(select.out.note).toMatch(/title exactly/);
    const numeric = await call("records_query", { object: "deals", filter: { value: { $gt: 10_000_000 } } });
    expect(numeric.out.count).toBe(0);
    expect(numeric.out.note).toBeUndefined();
  });
});
