// The Attio client against the sandbox over HTTP: retries on 429, and every failure as a value.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAttio, retryDelayMs, unwrap } from "../../src/attio/client";
import { AttioError } from "../../src/attio/errors";
import { attioBase, sandbox } from "../helpers";
import { SANDBOX_TOKEN } from "../sandbox/seed";

const attio = (options: { timeoutMs?: number; maxRetryWaitMs?: number } = {}) =>
  createAttio({ baseUrl: attioBase(), token: SANDBOX_TOKEN, ...options });

async function failure(pending: Promise<unknown>): Promise<AttioError> {
  const error = await pending.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AttioError);
  return error as AttioError;
}

describe("createAttio", () => {
  beforeEach(() => sandbox.reset());
  afterEach(() => sandbox.reset());

  it("sends the bearer token and returns data", async () => {
    const self = await unwrap(attio().GET("/v2/self"));
    expect(self.active).toBe(true);
    const [request] = await sandbox.requests();
    expect(request?.headers.authorization).toBe(`Bearer ${SANDBOX_TOKEN}`);
  });

  it("retries a 429 after its HTTP-date Retry-After, then succeeds", async () => {
    await sandbox.fault({ mode: "429", count: 1, retryAfterSeconds: 1 });
    const started = Date.now();
    const self = await unwrap(attio().GET("/v2/self"));
    expect(self.active).toBe(true);
    expect((await sandbox.requests()).filter((r) => r.path === "/v2/self")).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("gives up after its retry budget and says when to retry", async () => {
    await sandbox.fault({ mode: "429", count: 10, retryAfterSeconds: 1 });
    const error = await failure(unwrap(attio().GET("/v2/self")));
    expect(error.problem).toMatchObject({ kind: "http", status: 429, code: "rate_limit_exceeded" });
    expect(error.message).toMatch(/rate limit reached.*Retry after .*GMT/);
    expect((await sandbox.requests()).length).toBe(3);
  });

  it("does not wait when Retry-After exceeds the budget", async () => {
    await sandbox.fault({ mode: "429", count: 1, retryAfterSeconds: 60 });
    const started = Date.now();
    const error = await failure(unwrap(attio().GET("/v2/self")));
    expect(error.problem).toMatchObject({ status: 429 });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect((await sandbox.requests()).length).toBe(1);
  });

  it("reports a 500 without retrying", async () => {
    await sandbox.fault({ mode: "500", count: 1 });
    const error = await failure(unwrap(attio().GET("/v2/self")));
    expect(error.problem).toMatchObject({ kind: "http", status: 500 });
    expect(error.message).toContain("internal error");
    expect((await sandbox.requests()).length).toBe(1);
  });

  it("times out a hanging Attio", async () => {
    await sandbox.fault({ mode: "hang", count: 1 });
    const error = await failure(unwrap(attio({ timeoutMs: 300 }).GET("/v2/self")));
    expect(error.problem).toEqual({ kind: "timeout", timeoutMs: 300 });
    expect(error.message).toContain("did not answer");
  });

  // openapi-fetch reads the body after fetch resolves: the timeout must cover that read too.
  it("times out an Attio that sends headers and then stalls the body", async () => {
    const stalled: typeof fetch = async () =>
      new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"data":')) }), {
        status: 200,
        headers: { "content-type": "application/json" },
      });
    const client = createAttio({ baseUrl: attioBase(), token: SANDBOX_TOKEN, fetch: stalled, timeoutMs: 300 });
    const hung = new Promise((resolve) => setTimeout(() => resolve("still waiting after 3 s"), 3_000));
    const error = await Promise.race([failure(unwrap(client.GET("/v2/self"))), hung]);
    expect(error).toBeInstanceOf(AttioError);
    expect((error as AttioError).problem).toEqual({ kind: "timeout", timeoutMs: 300 });
  });

  it("reports an unreachable Attio as a network failure", async () => {
    const dead = createAttio({ baseUrl: "http://127.0.0.1:9", token: SANDBOX_TOKEN });
    const error = await failure(unwrap(dead.GET("/v2/self")));
    expect(error.problem.kind).toBe("network");
    expect(error.message).toContain("Could not reach Attio");
  });

  it("passes Attio's own error message on, with a hint", async () => {
    const error = await failure(
      unwrap(
        attio().GET("/v2/objects/{object}/records/{record_id}", {
          params: { path: { object: "companies", record_id: "00000000-0000-4000-8000-000000000000" } },
        }),
      ),
    );
    expect(error.problem).toMatchObject({ kind: "http", status: 404, code: "not_found" });
    expect(error.message).toMatch(/404 not_found/);
    expect(error.message).toContain("records_search");
  });

  it("marks a rejected token as unauthorized and never echoes it", async () => {
    const error = await failure(unwrap(createAttio({ baseUrl: attioBase(), token: "not-a-token" }).GET("/v2/self")));
    expect(error.isUnauthorized).toBe(true);
    expect(error.message).not.toContain("not-a-token");
  });
});

describe("retryDelayMs", () => {
  const now = Date.parse("2026-11-28T10:00:00Z");
  it.each([
    ["2", 2000],
    ["0", 0],
    ["Sat, 28 Nov 2026 10:00:03 GMT", 3000],
    ["Sat, 28 Nov 2026 09:59:00 GMT", 0],
    ["soon", null],
    [null, null],
  ])("%s → %s", (header, expected) => expect(retryDelayMs(header, now)).toBe(expected));
});
