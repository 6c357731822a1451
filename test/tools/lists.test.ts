// Objects, lists and list entries, and workspace members.
import { beforeEach, describe, expect, it } from "vitest";
import { IDS, MEMBERS, WORKSPACE } from "../sandbox/seed";
import { call, expectError, fail500, fresh, only, first, named, sentThenAnyOrder } from "./harness";

beforeEach(fresh);

const LIST = "sales_pipeline";

describe("objects_list", () => {
  it("lists standard and custom objects by slug", async () => {
    const called = await call("objects_list", {});
    expect(only(called)).toMatchObject({ method: "GET", path: "/v2/objects" });
    expect(called.out.objects.map((o: { slug: string }) => o.slug)).toEqual([
      "people",
      "companies",
      "deals",
      "projects",
    ]);
    expect(called.out.objects[3]).toMatchObject({ slug: "projects", singular: "Project", plural: "Projects" });
  });

  it("reports an Attio failure", async () => {
    await fail500();
    expectError(await call("objects_list", {}), /internal error/);
  });

  it("refuses unknown arguments", async () => {
    expectError(await call("objects_list", { object: "x" }), /unknown argument "object"/);
  });
});

describe("lists_list", () => {
  it("lists lists with slug and parent objects", async () => {
    const called = await call("lists_list", {});
    expect(only(called)).toMatchObject({ method: "GET", path: "/v2/lists" });
    expect(called.out).toEqual({
      lists: [
        {
          id: IDS.lists.sales_pipeline,
          slug: LIST,
          name: "Sales pipeline",
          parent_objects: ["companies"],
          access: "full-access",
        },
      ],
      count: 1,
    });
  });

  it("reports an Attio failure", async () => {
    await fail500();
    expectError(await call("lists_list", {}), /internal error/);
  });

  it("refuses unknown arguments", async () => {
    expectError(await call("lists_list", { limit: 5 }), /unknown argument "limit"/);
  });
});

describe("list_entries_query", () => {
  it("sends the filter and paging, returning compact entries with the parent's link", async () => {
    const called = await call("list_entries_query", {
      list: LIST,
      filter: { priority: { $gte: 4 } },
      sorts: [{ attribute: "priority", direction: "desc" }],
      limit: 2,
      fields: ["stage", "priority"],
    });
    const request = first(called);
    expect(request).toMatchObject({ method: "POST", path: `/v2/lists/${LIST}/entries/query` });
    expect(request.body).toEqual({
      filter: { priority: { $gte: 4 } },
      sorts: [{ attribute: "priority", direction: "desc" }],
      limit: 2,
      offset: 0,
    });
    expect(called.out.entries).toEqual([
      {
        id: IDS.entries.acme,
        list: LIST,
        parent: { object: "companies", id: IDS.companies.acme, name: "Acme Corp" },
        url: `https://app.attio.com/${WORKSPACE.slug}/company/${IDS.companies.acme}`,
        created_at: expect.any(String),
        values: { stage: "Negotiation", priority: 5 },
      },
      {
        id: IDS.entries.initech,
        list: LIST,
        parent: { object: "companies", id: IDS.companies.initech, name: "Initech" },
        url: expect.any(String),
        created_at: expect.any(String),
        values: { stage: "Won", priority: 4 },
      },
    ]);
    expect(called.out.next_offset).toBe(2);
    // The parents' names: one query for the page, whatever its size; no member lookup (no owner shown).
    expect(sentThenAnyOrder(called)).toEqual([
      `POST /v2/lists/${LIST}/entries/query`,
      `GET /v2/lists/${LIST}/attributes`,
      "POST /v2/objects/companies/records/query",
    ]);
    expect(called.requests.find((r) => r.path === "/v2/objects/companies/records/query")!.body).toEqual({
      filter: { record_id: { $in: [IDS.companies.acme, IDS.companies.initech] } },
      limit: 2,
    });
  });

  it("names owners as members and parents as records", async () => {
    const called = await call("list_entries_query", { list: LIST, fields: ["owner"], limit: 1 });
    expect(called.out.entries[0]).toMatchObject({
      parent: { object: "companies", id: IDS.companies.acme, name: "Acme Corp" },
      values: { owner: named(MEMBERS[0]) },
    });
  });

  it("passes Attio's 404 for an unknown list", async () => {
    expectError(await call("list_entries_query", { list: "nope" }), /404/, /nope/);
  });

  it("names a bad limit", async () => {
    expectError(await call("list_entries_query", { list: LIST, limit: 0 }), /"limit"/);
  });
});

describe("list_entries_add", () => {
  const C = IDS.companies;

  it("adds several records through Attio's assert endpoint, and leaves the ones already there alone", async () => {
    const called = await call("list_entries_add", {
      list: LIST,
      object: "companies",
      record_ids: [C.hooli, C.umbrella, C.acme],
      values: { stage: "Qualified", priority: 2 },
    });
    const sent = called.requests.map((r) => `${r.method} ${r.path}`);
    expect(sent).toEqual([
      `POST /v2/lists/${LIST}/entries/query`,
      `PUT /v2/lists/${LIST}/entries`,
      `PUT /v2/lists/${LIST}/entries`,
    ]);
    expect(called.requests[0]!.body).toMatchObject({
      filter: { parent_record_id: { $in: [C.hooli, C.umbrella, C.acme] } },
    });
    // Written a few at a time, so in any order.
    expect(called.requests.slice(1).map((r) => r.body)).toContainEqual({
      data: {
        parent_object: "companies",
        parent_record_id: C.hooli,
        entry_values: { stage: "Qualified", priority: 2 },
      },
    });
    expect(called.out.added.map((a: { record_id: string }) => a.record_id)).toEqual([C.hooli, C.umbrella]);
    expect(called.out.already_there).toEqual([{ record_id: C.acme, entry_id: IDS.entries.acme }]);
    expect(called.out.failed).toEqual([]);

    // Again: nothing is added twice, and Acme's stage was not touched.
    const again = await call("list_entries_add", { list: LIST, object: "companies", record_ids: [C.hooli, C.acme] });
    expect(again.requests).toHaveLength(1);
    expect(again.out.added).toEqual([]);
    expect(again.out.already_there).toHaveLength(2);
    const hooli = await call("list_entries_query", { list: LIST, filter: { parent_record_id: { $eq: C.hooli } } });
    expect(hooli.out.count).toBe(1);
    const acme = await call("list_entries_query", { list: LIST, filter: { parent_record_id: { $eq: C.acme } } });
    expect(acme.out.entries[0].values.stage).not.toBe("Qualified");
  });

  it("adds a second entry only when asked", async () => {
    const called = await call("list_entries_add", {
      list: LIST,
      object: "companies",
      record_id: C.acme,
      allow_duplicates: true,
    });
    expect(only(called)).toMatchObject({ method: "POST", path: `/v2/lists/${LIST}/entries` });
    expect(called.out.added).toHaveLength(1);
    const acme = await call("list_entries_query", { list: LIST, filter: { parent_record_id: { $eq: C.acme } } });
    expect(acme.out.count).toBe(2);
  });

  it("reports exactly which records were added and which were not", async () => {
    const missing = "c0000000-0000-4000-8000-0000000000ff";
    const called = await call("list_entries_add", { list: LIST, object: "companies", record_ids: [C.hooli, missing] });
    expect(called.isError).toBe(false);
    expect(called.out.added.map((a: { record_id: string }) => a.record_id)).toEqual([C.hooli]);
    expect(called.out.failed).toEqual([{ record_id: missing, error: expect.stringMatching(/404|not found/i) }]);
    expect(called.out.note).toMatch(/1 added, 1 not added/);
  });

  it("passes Attio's error for a record of the wrong object, and the valid stages for a bad one", async () => {
    expectError(
      await call("list_entries_add", { list: LIST, object: "people", record_id: IDS.people.ann }),
      /only accepts entries for companies/,
    );
    expectError(
      await call("list_entries_add", {
        list: LIST,
        object: "companies",
        record_id: C.hooli,
        values: { stage: "Maybe" },
      }),
      /Prospecting, Qualified, Negotiation, Won, Lost/,
    );
  });

  it("names a missing record id, and the cap", async () => {
    expectError(await call("list_entries_add", { list: LIST, object: "companies" }), /"record_ids"/);
    const tooMany = Array.from({ length: 101 }, () => C.hooli);
    expectError(await call("list_entries_add", { list: LIST, object: "companies", record_ids: tooMany }), /100/);
  });
});

describe("list_entries_update", () => {
  it("PATCHes entry values", async () => {
    const called = await call("list_entries_update", {
      list: LIST,
      entry_id: IDS.entries.globex,
      values: { stage: "Won" },
    });
    expect(first(called)).toMatchObject({
      method: "PATCH",
      path: `/v2/lists/${LIST}/entries/${IDS.entries.globex}`,
      body: { data: { entry_values: { stage: "Won" } } },
    });
    expect(called.out).toMatchObject({
      mode: "append",
      written: ["stage"],
      entry: { id: IDS.entries.globex, values: { stage: "Won" } },
    });
  });

  it("PUTs with overwrite", async () => {
    const called = await call("list_entries_update", {
      list: LIST,
      entry_id: IDS.entries.globex,
      values: { priority: 1 },
      overwrite: true,
    });
    expect(first(called).method).toBe("PUT");
    expect(called.out.mode).toBe("overwrite");
  });

  it("passes Attio's 404 for an unknown entry", async () => {
    expectError(
      await call("list_entries_update", {
        list: LIST,
        entry_id: "e0000000-0000-4000-8000-0000000000ff",
        values: { priority: 1 },
      }),
      /404/,
    );
  });

  it("names a malformed entry id", async () => {
    expectError(
      await call("list_entries_update", { list: LIST, entry_id: "acme", values: { priority: 1 } }),
      /"entry_id"/,
    );
  });
});

describe("list_entries_remove", () => {
  it("removes one entry by id", async () => {
    const called = await call("list_entries_remove", { list: LIST, entry_id: IDS.entries.initech });
    expect(only(called)).toMatchObject({ method: "DELETE", path: `/v2/lists/${LIST}/entries/${IDS.entries.initech}` });
    expect(called.out).toEqual({ deleted: true, id: IDS.entries.initech, kind: `${LIST} entry` });
    const left = await call("list_entries_query", { list: LIST });
    expect(left.out.count).toBe(2);
  });

  it("passes Attio's 404 for an unknown entry", async () => {
    expectError(
      await call("list_entries_remove", { list: LIST, entry_id: "e0000000-0000-4000-8000-0000000000ff" }),
      /404/,
    );
  });

  it("needs the entry id", async () => {
    expectError(await call("list_entries_remove", { list: LIST }), /"entry_id"/);
  });
});

describe("members_list", () => {
  it("lists every member, compactly", async () => {
    const called = await call("members_list", {});
    expect(only(called)).toMatchObject({ method: "GET", path: "/v2/workspace_members" });
    expect(called.out.members).toEqual(
      MEMBERS.map((m) => ({
        id: m.id,
        name: `${m.first_name} ${m.last_name}`,
        email: m.email_address,
        access_level: m.access_level,
      })),
    );
  });

  it("matches query against name and email", async () => {
    expect((await call("members_list", { query: "MAX@" })).out.members.map((m: { id: string }) => m.id)).toEqual([
      MEMBERS[1].id,
    ]);
    expect((await call("members_list", { query: "admin" })).out.members.map((m: { id: string }) => m.id)).toEqual([
      MEMBERS[0].id,
    ]);
  });

  it("reports an Attio failure", async () => {
    await fail500();
    expectError(await call("members_list", {}), /internal error/);
  });

  it("names an empty query", async () => {
    expectError(await call("members_list", { query: "" }), /"query"/);
  });
});
