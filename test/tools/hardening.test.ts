// Tool arguments a model (or whoever steers it) can send that must neither reach another Attio
// path, crash the server, nor change what is written: dot segments, prototype keys, huge arrays.
import { beforeEach, describe, expect, it } from "vitest";
import { createAttio } from "../../src/attio/client";
import { MAX_CONCURRENT_LOOKUPS } from "../../src/tools/attributes";
import { attioBase } from "../helpers";
import { IDS, WORKSPACE } from "../sandbox/seed";
import { call, context, expectError, fresh } from "./harness";

beforeEach(fresh);

const DEAL = IDS.deals.globex_pilot;

describe("object and list arguments cannot change the Attio path (RFC 3986 §5.2.4 dot segments)", () => {
  it.each([
    ["delete-record", { object: "..", record_id: DEAL }],
    ["delete-record", { object: ".", record_id: DEAL }],
    ["delete-record", { object: "%2E%2e", record_id: DEAL }],
    ["records_get_details", { object: "..", record_id: DEAL }],
    ["records_query", { object: ".." }],
    ["update-record", { object: "..", record_id: DEAL, values: { name: "x" } }],
    ["list_entries_query", { list: ".." }],
  ])("%s %j is refused before any request", async (tool, args) => {
    const called = await call(tool, args);
    expectError(called, /not a valid/);
    expect(called.requests).toEqual([]);
  });

  it("the record a dot-segment delete aimed at still exists", async () => {
    await call("delete-record", { object: "..", record_id: DEAL });
    const details = await call("records_get_details", { object: "deals", record_id: DEAL });
    expect(details.isError).toBeFalsy();
  });
});

describe("prototype keys are plain data (no crash, nothing extra written)", () => {
  it('fields:["constructor","__proto__"] are unknown attributes, named as such', async () => {
    const called = await call("records_get_details", {
      object: "deals",
      record_id: DEAL,
      fields: ["constructor", "__proto__", "name"],
    });
    // Issue 8: an unknown attribute in fields is an error (nothing dropped silently), not a crash.
    expectError(called, /unknown attributes "constructor"/, /"__proto__"/);
    expect(called.text).not.toMatch(/function|\[native code\]/);
  });

  it("a __proto__ key in values is an unknown attribute, not a prototype: nothing is written", async () => {
    const values = JSON.parse('{"name":"Proto Co","__proto__":{"domains":["evil.example"]}}');
    const called = await call("create-record", { object: "companies", values });
    expectError(called, /__proto__/);
    expect(called.text).not.toMatch(/internal error/i);
    const search = await call("records_search", { query: "Proto Co", objects: ["companies"] });
    expect(search.text).not.toContain("Proto Co");
  });
});

describe("argument validation is bounded", () => {
  it("150,000 bad array items: a short error, quickly, nothing sent", async () => {
    const started = Date.now();
    const called = await call("records_search", { query: "acme", objects: Array.from({ length: 150_000 }, () => 7) });
    const elapsed = Date.now() - started;
    expectError(called, /objects/);
    expect(called.text.length).toBeLessThan(2_000);
    expect(called.requests).toEqual([]);
    expect(elapsed).toBeLessThan(1_000);
  });

  it("an over-long array of valid items is refused with its limit", async () => {
    const called = await call("records_search", {
      query: "acme",
      objects: Array.from({ length: 5_000 }, () => "companies"),
    });
    expectError(called, /at most/);
    expect(called.requests).toEqual([]);
  });
});

describe("records_discover_attributes is bounded and cached under both names", () => {
  it(`has at most ${MAX_CONCURRENT_LOOKUPS} option lookups in flight for an object with 20 selects`, async () => {
    let inFlight = 0;
    let peak = 0;
    const objectId = "0b000000-0000-4000-8000-0000000000aa";
    const attribute = (i: number) => ({
      id: {
        workspace_id: WORKSPACE.id,
        object_id: objectId,
        attribute_id: `0a000000-0000-4000-8000-0000000000${10 + i}`,
      },
      api_slug: `choice_${i}`,
      title: `Choice ${i}`,
      type: "select",
      is_multiselect: false,
      is_required: false,
      is_unique: false,
      is_writable: true,
      is_archived: false,
      config: {},
    });
    // Inject, don't mock (createAttio's fetch): an object with 20 selects whose options answer slowly.
    const handler = async (input: RequestInfo | URL): Promise<Response> => {
      const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
      if (path.endsWith("/attributes"))
        return Response.json({ data: Array.from({ length: 20 }, (_, i) => attribute(i)) });
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 15));
      inFlight--;
      return Response.json({ data: [] });
    };
    const ctx = { ...context(), attio: createAttio({ baseUrl: attioBase(), token: "t", fetch: handler }) };
    const called = await call("records_discover_attributes", { object: "widgets" }, ctx);
    expect(called.isError, called.text).toBeFalsy();
    expect(called.out.attributes).toHaveLength(20);
    expect(peak).toBeLessThanOrEqual(MAX_CONCURRENT_LOOKUPS);
    expect(peak).toBeGreaterThan(1); // still parallel
  });

  it("asking by the object's id after its slug (or the reverse) makes no new request", async () => {
    const bySlug = await call("records_discover_attributes", { object: "companies" });
    expect(bySlug.requests.length).toBeGreaterThan(0);
    const objectId = (await call("objects_list", {})).out.objects.find((o: any) => o.slug === "companies").id;
    const byId = await call("records_discover_attributes", { object: objectId });
    expect(byId.isError, byId.text).toBeFalsy();
    expect(byId.requests).toHaveLength(0);
    expect(byId.out.attributes).toEqual(bySlug.out.attributes);
  });
});
