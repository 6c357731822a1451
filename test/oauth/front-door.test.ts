// The anonymous OAuth paths refuse what would exhaust the isolate or the day's KV writes: bodies
// over 16 KiB (from Content-Length and from the stream) and more than the rate limit per address.
import { SELF, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_OAUTH_BODY_BYTES } from "../../src/oauth/front-door";
import { WORKER, sandbox } from "../helpers";
import { keys } from "./kv";
import { callWorker } from "./worker";

beforeAll(() => sandbox.reset());

const FORM_ENDPOINTS = [
  ["/oauth/token", "application/x-www-form-urlencoded"],
  ["/oauth/authorize", "application/x-www-form-urlencoded"],
  ["/oauth/register", "application/json"],
] as const;

/** A body that never says how long it is: the cap must hold on the stream itself. */
function endlessStream(totalBytes: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.byteLength;
    },
  });
}

describe("body cap (RFC 9110 §15.5.14: 413 Content Too Large)", () => {
  it.each(FORM_ENDPOINTS)("%s refuses a declared body over the cap before reading it", async (path, type) => {
    const before = (await keys("client:")).length;
    const response = await SELF.fetch(`${WORKER}${path}`, {
      method: "POST",
      headers: { "content-type": type },
      body: "a".repeat(MAX_OAUTH_BODY_BYTES + 1),
    });
    expect(response.status).toBe(413);
    const body: any = await response.json();
    expect(body.error).toBe("invalid_request");
    expect(body.error_description).toContain(String(MAX_OAUTH_BODY_BYTES));
    expect((await keys("client:")).length).toBe(before);
  });

  it.each(FORM_ENDPOINTS)("%s stops reading a streamed 8 MiB body with no Content-Length", async (path, type) => {
    const response = await SELF.fetch(`${WORKER}${path}`, {
      method: "POST",
      headers: { "content-type": type },
      body: endlessStream(8 * 1024 * 1024),
      // @ts-expect-error workerd's fetch needs duplex for a stream body, as undici does
      duplex: "half",
    });
    expect(response.status).toBe(413);
  });

  it("a registration just under the cap still reaches the library", async () => {
    const response = await SELF.fetch(`${WORKER}/oauth/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ redirect_uris: ["https://client.example/cb"], token_endpoint_auth_method: "none" }),
    });
    expect(response.status).toBe(201);
  });
});

describe("rate limit per client address (Workers rate-limiting binding)", () => {
  // The tight binding (3 per 60 s) is a real one from vitest.config.ts, in place of the roomy one.
  const tight = () => ({ OAUTH_RATE_LIMITER: (env as any).TIGHT_RATE_LIMITER });
  const from = (ip: string, path: string, init: RequestInit = {}) =>
    callWorker(tight(), `${WORKER}${path}`, { ...init, headers: { ...init.headers, "cf-connecting-ip": ip } });

  it.each([
    ["/oauth/register", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }],
    ["/oauth/authorize", {}],
    ["/oauth/token", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "" }],
  ] as const)("%s answers 429 with Retry-After once an address is over the limit", async (path, init) => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 3; i++) expect((await from(ip, path, init)).status).not.toBe(429);
    const before = (await keys()).length;
    const refused = await from(ip, path, init);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(refused.headers.get("cache-control")).toBe("no-store");
    const body: any = await refused.json();
    expect(body.error).toBe("temporarily_unavailable");
    expect((await keys()).length).toBe(before); // nothing written for a refused request
    // Another address is counted on its own.
    expect((await from("198.51.100.7", path, init)).status).not.toBe(429);
  });

  it("discovery and /mcp are not limited by it", async () => {
    const ip = "192.0.2.44";
    for (let i = 0; i < 5; i++) {
      const response = await from(ip, "/.well-known/oauth-authorization-server");
      expect(response.status).toBe(200);
    }
  });

  it("the deployed binding is configured in wrangler.toml", () => {
    expect(typeof (env as any).OAUTH_RATE_LIMITER?.limit).toBe("function");
  });
});
