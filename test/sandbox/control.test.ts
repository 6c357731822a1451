// The /__sandbox control API: fault injection, reset, recorded requests, unknown routes.
import { beforeEach, describe, expect, it } from "vitest";
import { useSandbox } from "./helpers";
import { startSandbox } from "./index";
import { IDS, SANDBOX_TOKEN } from "./seed";

const client = useSandbox();
beforeEach(async () => {
  await client.control("POST", "reset");
});

describe("fault injection", () => {
  it("answers 429 with an HTTP-date Retry-After, for `count` requests only", async () => {
    await client.control("POST", "fault", { mode: "429", count: 2, retryAfterSeconds: 3 });
    const before = Date.now();
    const first = await client.call("GET", "/v2/self");
    expect(first.status).toBe(429);
    expect(first.json).toEqual({
      status_code: 429,
      type: "rate_limit_error",
      code: "rate_limit_exceeded",
      message: "Rate limit exceeded, please try again later",
    });
    const retryAfter = first.headers.get("retry-after")!;
    expect(retryAfter).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(Date.parse(retryAfter)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 2000);
    expect((await client.call("GET", "/v2/self")).status).toBe(429);
    expect((await client.call("GET", "/v2/self")).status).toBe(200);
  });

  it("only hits requests whose path contains `path`", async () => {
    await client.control("POST", "fault", { mode: "500", path: "/records/query" });
    expect((await client.call("GET", "/v2/self")).status).toBe(200);
    const hit = await client.call("POST", "/v2/objects/people/records/query", {});
    expect(hit.status).toBe(500);
    expect(hit.json).toMatchObject({ status_code: 500, type: "api_error", code: "internal_error" });
    expect((await client.call("POST", "/v2/objects/people/records/query", {})).status).toBe(200);
  });

  it("hangs until the client gives up, then serves normally", async () => {
    await client.control("POST", "fault", { mode: "hang" });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 200);
    await expect(
      fetch(`${client.url}/v2/self`, {
        headers: { authorization: `Bearer ${SANDBOX_TOKEN}` },
        signal: controller.signal,
      }),
    ).rejects.toThrow();
    clearTimeout(timer);
    expect((await client.call("GET", "/v2/self")).status).toBe(200);
  });

  it("close() does not wait for hung requests", async () => {
    const sandbox = await startSandbox();
    await fetch(`${sandbox.url}/__sandbox/fault`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ mode: "hang" }),
    });
    const pending = fetch(`${sandbox.url}/v2/self`, { headers: { authorization: `Bearer ${SANDBOX_TOKEN}` } }).catch(
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await sandbox.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
  });

  it("rejects unknown modes", async () => {
    expect((await client.control("POST", "fault", { mode: "418" })).status).toBe(400);
  });
});

describe("reset", () => {
  it("restores the seed and clears faults", async () => {
    await client.call("DELETE", `/v2/objects/companies/records/${IDS.companies.acme}`);
    await client.control("POST", "fault", { mode: "500", count: 5, path: "/nowhere" });
    await client.control("POST", "reset");
    expect((await client.call("GET", `/v2/objects/companies/records/${IDS.companies.acme}`)).status).toBe(200);
    expect((await client.control("GET", "state")).json.faults).toEqual([]);
  });
});

describe("recorded requests", () => {
  it("records API and OAuth requests in order, and clears them", async () => {
    await client.call("POST", "/v2/objects/people/records/query?x=1", { limit: 1 });
    await fetch(`${client.url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=authorization_code&code=abc",
    });
    const log = await client.control("GET", "requests");
    expect(log.json).toEqual([
      {
        method: "POST",
        path: "/v2/objects/people/records/query",
        query: { x: "1" },
        headers: { authorization: `Bearer ${SANDBOX_TOKEN}`, content_type: "application/json" },
        body: { limit: 1 },
      },
      {
        method: "POST",
        path: "/oauth/token",
        query: {},
        headers: { content_type: "application/x-www-form-urlencoded" },
        body: { grant_type: "authorization_code", code: "abc" },
      },
    ]);
    await client.control("DELETE", "requests");
    expect((await client.control("GET", "requests")).json).toEqual([]);
  });
});

describe("routing", () => {
  it("answers unknown API routes with an Attio-style 404", async () => {
    const res = await client.call("GET", "/v2/nothing-here");
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ status_code: 404, type: "invalid_request_error", code: "not_found" });
  });

  it("answers 400 for a body that is not JSON", async () => {
    const res = await fetch(`${client.url}/v2/notes`, {
      method: "POST",
      headers: { authorization: `Bearer ${SANDBOX_TOKEN}`, "content-type": "application/json" },
      body: "{nope",
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "validation_type" });
  });

  it("treats a missing body as {}", async () => {
    const query = await fetch(`${client.url}/v2/objects/deals/records/query`, {
      method: "POST",
      headers: { authorization: `Bearer ${SANDBOX_TOKEN}` },
    });
    expect(((await query.json()) as { data: unknown[] }).data).toHaveLength(3);
    const create = await fetch(`${client.url}/v2/notes`, {
      method: "POST",
      headers: { authorization: `Bearer ${SANDBOX_TOKEN}` },
    });
    expect(await create.json()).toMatchObject({
      status_code: 400,
      code: "validation_type",
      message: expect.stringContaining("data is required"),
    });
  });

  it("describes its state", async () => {
    const state = await client.control("GET", "state");
    expect(state.json.workspaces).toHaveLength(2);
    expect(state.json.workspaces[0].counts.records).toBeGreaterThan(40);
  });
});
