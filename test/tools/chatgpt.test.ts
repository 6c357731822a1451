// ChatGPT's search and fetch: exactly one text item, parsing to exactly OpenAI's shapes.
import { beforeEach, describe, expect, it } from "vitest";
import { IDS, WORKSPACE } from "../sandbox/seed";
import { call, expectError, fail500, fresh } from "./harness";

beforeEach(fresh);

const ACME = IDS.companies.acme;

describe("search", () => {
  it("searches every object and answers {results:[{id,title,url}]} as the only text item", async () => {
    const called = await call("search", { query: "acme" });
    expect(called.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /v2/objects",
      "POST /v2/objects/records/search",
    ]);
    expect(called.requests[1]!.body).toEqual({
      query: "acme",
      objects: ["people", "companies", "deals", "projects"],
      request_as: { type: "workspace" },
      limit: 21,
    });
    const parsed = JSON.parse(called.text);
    expect(Object.keys(parsed)).toEqual(["results"]);
    expect(parsed.results).toContainEqual({
      id: `record:companies:${ACME}`,
      title: "Acme Corp",
      url: `https://app.attio.com/${WORKSPACE.slug}/company/${ACME}`,
    });
    for (const result of parsed.results) {
      expect(Object.keys(result).sort()).toEqual(["id", "title", "url"]);
      expect(result.url.length).toBeGreaterThan(0);
    }
    expect(called.result.structuredContent).toEqual(parsed);
  });

  it("caches the object list briefly: a second search is one request", async () => {
    await call("search", { query: "acme" });
    expect((await call("search", { query: "globex" })).requests).toHaveLength(1);
  });

  it("reports an Attio failure", async () => {
    await fail500("/v2/objects/records/search");
    expectError(await call("search", { query: "acme" }), /internal error/);
  });

  it("needs a query", async () => {
    expectError(await call("search", {}), /"query"/);
  });
});

describe("fetch", () => {
  it("reads a record as {id,title,text,url,metadata}", async () => {
    const id = `record:companies:${ACME}`;
    const called = await call("fetch", { id });
    // The record, then its attribute list and the names of its team and deals (one query per object).
    expect(called.requests.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      [
        `GET /v2/objects/companies/records/${ACME}`,
        "GET /v2/objects/companies/attributes",
        "POST /v2/objects/people/records/query",
        "POST /v2/objects/deals/records/query",
      ].sort(),
    );
    const parsed = JSON.parse(called.text);
    expect(Object.keys(parsed).sort()).toEqual(["id", "metadata", "text", "title", "url"]);
    expect(parsed).toMatchObject({
      id,
      title: "Acme Corp",
      metadata: { type: "record", object: "companies", record_id: ACME },
    });
    expect(parsed.text).toContain("domains: acme.com; acme.io");
    expect(parsed.text).toContain("team: Ann Lee; Bob Stone");
    expect(parsed.url).toContain(ACME);
  });

  it("reads a note in full", async () => {
    const called = await call("fetch", { id: `note:${IDS.notes.globex_markdown}` });
    const parsed = JSON.parse(called.text);
    expect(parsed).toMatchObject({
      title: "Pilot plan",
      text: expect.stringContaining("# Pilot plan"),
      metadata: { type: "note", parent_object: "companies" },
    });
    expect(parsed.url).toContain(IDS.companies.globex);
  });

  // The registry cuts text over 100,000 characters; cut mid-JSON, ChatGPT could not parse the item.
  it("keeps a very long note within the size cap and still exactly the fetch shape", async () => {
    const content = "word ".repeat(30_000);
    const created = await call("create-note", { object: "companies", record_id: ACME, title: "Long", content });
    const called = await call("fetch", { id: `note:${created.out.note.id}` });
    expect(called.result.content).toHaveLength(1);
    const parsed = JSON.parse(called.text);
    expect(Object.keys(parsed).sort()).toEqual(["id", "metadata", "text", "title", "url"]);
    expect(parsed.text.length).toBeLessThan(content.length);
    expect(parsed.text).toMatch(/cut/);
    expect(called.result.structuredContent).toEqual(parsed);
  });

  it("passes Attio's 404", async () => {
    expectError(await call("fetch", { id: "record:companies:c0000000-0000-4000-8000-0000000000ff" }), /404/);
  });

  it("says what an id looks like", async () => {
    expectError(await call("fetch", { id: "acme" }), /"id" must look like "record:<object>:<record id>"/);
  });
});
