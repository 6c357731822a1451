// The catalogue as a whole: names, hints, examples that validate, request counts per call,
// per-workspace caching, size caps and rate limits.
import { beforeEach, describe, expect, it } from "vitest";
import { TOOLS, findTool } from "../../src/tools/index";
import { capBySize, cursorPage, offsetPage, readCursor } from "../../src/tools/paging";
import { checkAgainstSchema } from "../../src/tools/validate";
import { toAttioValues } from "../../src/tools/values";
import { sandbox } from "../helpers";
import { IDS, MEMBERS, SANDBOX_TOKEN_OTHER, WORKSPACE_OTHER } from "../sandbox/seed";
import { call, context, expectError, fresh } from "./harness";
import { TYPICAL } from "./typical";

beforeEach(fresh);

const SEED_NINE = [
  "health-check",
  "records_search",
  "records_get_details",
  "create-record",
  "update-record",
  "delete-record",
  "records_discover_attributes",
  "create-note",
  "list-notes",
];

/** The first balanced {...} after "Example: ". */
function exampleOf(description: string): unknown {
  const start = description.indexOf("Example: ") + "Example: ".length;
  let depth = 0;
  for (let i = start; i < description.length; i++) {
    if (description[i] === "{") depth++;
    if (description[i] === "}" && --depth === 0) return JSON.parse(description.slice(start, i + 1));
  }
  throw new Error("no example");
}

describe("catalogue", () => {
  it("keeps the seed's nine names and adds the families", () => {
    const names = TOOLS.map((tool) => tool.name);
    for (const name of SEED_NINE) expect(names).toContain(name);
    for (const name of [
      "records_query",
      "records_upsert",
      "records_list_entries",
      "objects_list",
      "lists_list",
      "list_entries_query",
      "list_entries_add",
      "list_entries_update",
      "list_entries_remove",
      "notes_get",
      "notes_delete",
      "tasks_list",
      "tasks_create",
      "tasks_update",
      "tasks_delete",
      "comments_list",
      "comments_create",
      "comments_delete",
      "members_list",
      "records_update_many",
      "meetings_list",
      "transcripts_get",
      "search",
      "fetch",
    ]) {
      expect(names).toContain(name);
    }
  });

  it("names are unique, at most 64 characters of [A-Za-z0-9_-]", () => {
    const names = TOOLS.map((tool) => tool.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  it.each(TOOLS.map((tool) => [tool.name, tool] as const))(
    "%s: title, four hints, output schema, and an example that validates",
    (_name, tool) => {
      expect(tool.title.length).toBeGreaterThan(0);
      for (const hint of ["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"] as const)
        expect(typeof tool.annotations[hint]).toBe("boolean");
      expect(tool.outputSchema?.type).toBe("object");
      expect(tool.description).toContain("Example: ");
      expect(checkAgainstSchema(tool.inputSchema, exampleOf(tool.description))).toBeNull();
    },
  );

  // MCP ToolAnnotations: destructiveHint false means "the tool performs only additive updates";
  // an update replaces what was there (a stage, a job title, with overwrite every domain).
  const OVERWRITES = [
    "update-record",
    "records_update_many",
    "records_upsert",
    "list_entries_update",
    "tasks_update",
    "notes_update",
  ];
  // A merge removes both originals (attio-openapi.json "Merge two records"); the workspace-shape
  // tools rename, archive and change configuration everyone shares.
  const REMOVES = ["records_merge", "attributes_save", "lists_save"];

  it("marks the deleting and overwriting tools destructive, and the readers read-only", () => {
    for (const tool of TOOLS) {
      const deletes = /delete|remove/.test(tool.name);
      const destroys = deletes || OVERWRITES.includes(tool.name) || REMOVES.includes(tool.name);
      expect(tool.annotations.destructiveHint, tool.name).toBe(destroys);
      if (deletes)
        expect(tool.inputSchema.required, tool.name).toEqual(expect.arrayContaining([expect.stringMatching(/_id$/)]));
    }
    for (const name of [
      "search",
      "fetch",
      "records_search",
      "records_query",
      "list_entries_query",
      "tasks_list",
      "meetings_list",
      "health-check",
    ]) {
      expect(findTool(name)!.annotations.readOnlyHint, name).toBe(true);
    }
  });
});

describe("Attio requests per call", () => {
  it("covers every tool", () => {
    expect([...new Set(TYPICAL.map(([name]) => name))].sort()).toEqual(TOOLS.map((tool) => tool.name).sort());
  });

  it.each(TYPICAL)("%s makes the fewest requests its job needs", async (name, args, expected) => {
    const called = await call(name, args);
    expect(called.isError, called.text).toBe(false);
    expect(called.requests).toHaveLength(expected);
  });
});

describe("attribute cache", () => {
  it("is per workspace: another workspace's token fetches its own metadata", async () => {
    const mine = await call("records_discover_attributes", { object: "companies" });
    expect(mine.requests.length).toBeGreaterThan(0);
    expect((await call("records_discover_attributes", { object: "companies" })).requests).toHaveLength(0);

    const theirs = await call(
      "records_discover_attributes",
      { object: "companies" },
      context(SANDBOX_TOKEN_OTHER, WORKSPACE_OTHER),
    );
    expect(theirs.requests.length).toBeGreaterThan(0);
    for (const request of theirs.requests) expect(request.headers.authorization).toBe(`Bearer ${SANDBOX_TOKEN_OTHER}`);
    // The other workspace has no custom object: its metadata must not be the first workspace's.
    expectError(
      await call("records_discover_attributes", { object: "projects" }, context(SANDBOX_TOKEN_OTHER, WORKSPACE_OTHER)),
      /404/,
    );
  });

  it("keeps search's object list per workspace too", async () => {
    await call("search", { query: "a" });
    const other = await call("search", { query: "a" }, context(SANDBOX_TOKEN_OTHER, WORKSPACE_OTHER));
    expect(other.requests[0]).toMatchObject({ method: "GET", path: "/v2/objects" });
    expect((other.requests[1]!.body as { objects: string[] }).objects).not.toContain("projects");
  });
});

describe("size caps", () => {
  it("cuts a page that is too large and resumes right after it", () => {
    const big = Array.from({ length: 10 }, (_, i) => ({ i, text: "x".repeat(10_000) }));
    const page = offsetPage("records", big, 20, 10);
    expect(page).toMatchObject({ count: 3, next_offset: 23, truncated: true });
    expect(page.note).toMatch(/offset 23/);
    expect(capBySize([{ text: "x".repeat(100_000) }]).kept).toHaveLength(1);
  });

  // Attio's next cursor starts after the whole page: handing it out after a cut would skip the cut items.
  it("cuts a cursor page and resumes inside it, then goes on with Attio's cursor", () => {
    const big = Array.from({ length: 10 }, (_, i) => ({ i, text: "x".repeat(10_000) }));
    const page = cursorPage("meetings", big, "attio-next", { cursor: "attio-this", skip: 0 });
    expect(page).toMatchObject({ count: 3, truncated: true });
    expect(page.next_cursor).not.toBe("attio-next");
    expect(page.note).toMatch(/next_cursor/);
    expect(readCursor(page.next_cursor as string)).toEqual({ cursor: "attio-this", skip: 3 });

    const small = Array.from({ length: 6 }, (_, i) => ({ i, text: "x".repeat(5_000) }));
    const rest = cursorPage("meetings", small, "attio-next", { cursor: "attio-this", skip: 1 });
    expect(rest).toMatchObject({ count: 5, next_cursor: "attio-next" });
    expect(rest.truncated).toBeUndefined();
    expect((rest.meetings as { i: number }[]).map((item) => item.i)).toEqual([1, 2, 3, 4, 5]);
  });

  it("offers next_offset only after a full page", () => {
    expect(offsetPage("records", [1, 2], 0, 2).next_offset).toBe(2);
    expect(offsetPage("records", [1], 0, 2).next_offset).toBeUndefined();
  });
});

const A = IDS.companies.acme;

describe("natural values", () => {
  it("maps compact output forms back and passes the rest through", () => {
    expect(
      toAttioValues({
        name: "Acme",
        domains: ["acme.com"],
        email_addresses: "ann@acme.com",
        company: { object: "companies", id: A },
        team: [{ object: "people", id: IDS.people.ann }],
        value: { amount: 5, currency: "EUR" },
        owner: { type: "workspace-member", id: MEMBERS[0].id },
        stage: "Lead",
        location: { locality: "Berlin" },
      }),
    ).toEqual({
      name: "Acme",
      domains: ["acme.com"],
      email_addresses: "ann@acme.com",
      company: { target_object: "companies", target_record_id: A },
      team: [{ target_object: "people", target_record_id: IDS.people.ann }],
      value: { currency_value: 5, currency_code: "EUR" },
      owner: { referenced_actor_type: "workspace-member", referenced_actor_id: MEMBERS[0].id },
      stage: "Lead",
      location: { locality: "Berlin" },
    });
  });
});

describe("rate limits", () => {
  it("retries a 429 within budget, then reports it with when to retry", async () => {
    await sandbox.fault({ mode: "429", count: 1, retryAfterSeconds: 0 });
    const retried = await call("objects_list", {});
    expect(retried.isError).toBe(false);
    expect(retried.requests).toHaveLength(2);

    // Retry-After beyond the wait budget: reported at once, after a single request.
    await sandbox.fault({ mode: "429", count: 1, retryAfterSeconds: 30 });
    const limited = await call("objects_list", {});
    expectError(limited, /rate limit/, /Retry after/);
    expect(limited.requests).toHaveLength(1);
  });
});
