// Configuration errors: each missing or malformed setting is one clear message naming it, at
// /health (503) and at the first OAuth request; no value of a secret ever appears.
import { beforeAll, afterEach, describe, expect, it, vi } from "vitest";
import { TEST_BINDINGS } from "./bindings";
import { WORKER, legacy, modern, signIn, sandbox } from "./helpers";
import type { OAuthProtectedResourceMetadata } from "@cloudflare/workers-oauth-provider";
import { type ConfigProblem, readConfig } from "../src/config";
import { baseEnv, callWorker } from "./oauth/worker";

// Files share one sandbox: start from its seed, with no faults or revocations left by others.
beforeAll(() => sandbox.reset());

const SECRETS = [TEST_BINDINGS.ATTIO_CLIENT_SECRET, TEST_BINDINGS.TOKEN_ENCRYPTION_KEY];

const broken: [string, Record<string, string | undefined>, string][] = [
  ["ATTIO_CLIENT_ID missing", { ATTIO_CLIENT_ID: undefined }, "ATTIO_CLIENT_ID"],
  ["ATTIO_CLIENT_ID blank", { ATTIO_CLIENT_ID: "  " }, "ATTIO_CLIENT_ID"],
  ["ATTIO_CLIENT_SECRET missing", { ATTIO_CLIENT_SECRET: undefined }, "ATTIO_CLIENT_SECRET"],
  ["TOKEN_ENCRYPTION_KEY missing", { TOKEN_ENCRYPTION_KEY: undefined }, "TOKEN_ENCRYPTION_KEY"],
  ["TOKEN_ENCRYPTION_KEY too short", { TOKEN_ENCRYPTION_KEY: "abcd1234" }, "TOKEN_ENCRYPTION_KEY"],
  ["TOKEN_ENCRYPTION_KEY not hex", { TOKEN_ENCRYPTION_KEY: "z".repeat(64) }, "TOKEN_ENCRYPTION_KEY"],
  ["WORKER_URL with a path", { WORKER_URL: "https://attio-mcp.example.test/mcp" }, "WORKER_URL"],
  ["WORKER_URL over remote http", { WORKER_URL: "http://attio-mcp.example.test" }, "WORKER_URL"],
  ["ATTIO_API_BASE over remote http", { ATTIO_API_BASE: "http://api.attio.com" }, "ATTIO_API_BASE"],
];

function expectNoSecrets(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
}

describe("/health", () => {
  it("is 200 ok when configured", async () => {
    const response = await callWorker({}, `${WORKER}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", name: "attio-mcp-server" });
  });

  it.each(broken)("%s → 503 naming the setting, never a value", async (_name, overrides, setting) => {
    const response = await callWorker(overrides, `${WORKER}/health`);
    expect(response.status).toBe(503);
    const text = await response.text();
    expectNoSecrets(text);
    const body = JSON.parse(text);
    expect(body.status).toBe("misconfigured");
    expect(body.problems).toHaveLength(1);
    expect(body.problems[0].setting).toBe(setting);
    expect(body.problems[0].message).toContain(setting);
  });

  // A mistyped setting may hold a secret pasted into the wrong field: it is named, never echoed.
  const SENTINEL = "pasted-secret-3f9a";
  it.each([
    ["ATTIO_API_BASE", `not a url ${SENTINEL}`],
    ["ATTIO_OAUTH_BASE", `${SENTINEL}`],
    ["WORKER_URL", `${SENTINEL}`],
    ["WORKER_URL", `https://attio-mcp.example.test/${SENTINEL}`],
    ["TOKEN_ENCRYPTION_KEY", SENTINEL],
    ["GRANT_MAX_AGE_DAYS", SENTINEL],
  ])("a bad %s is named without echoing its value, at /health and on a 503", async (setting, value) => {
    for (const path of ["/health", "/oauth/register"]) {
      const response = await callWorker({ [setting]: value }, `${WORKER}${path}`, {
        method: path === "/health" ? "GET" : "POST",
      });
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(text).toContain(setting);
      expect(text).not.toContain(SENTINEL);
    }
  });

  it("lists every problem at once", async () => {
    const response = await callWorker(
      { ATTIO_CLIENT_ID: undefined, ATTIO_CLIENT_SECRET: undefined, TOKEN_ENCRYPTION_KEY: undefined },
      `${WORKER}/health`,
    );
    const body = (await response.json()) as { problems: ConfigProblem[] };
    expect(body.problems.map((p) => p.setting)).toEqual([
      "ATTIO_CLIENT_ID",
      "ATTIO_CLIENT_SECRET",
      "TOKEN_ENCRYPTION_KEY",
    ]);
  });
});

describe("the first OAuth request", () => {
  const requests: [string, string, RequestInit?][] = [
    ["discovery", "/.well-known/oauth-authorization-server"],
    ["resource metadata", "/.well-known/oauth-protected-resource/mcp"],
    [
      "registration",
      "/oauth/register",
      { method: "POST", body: "{}", headers: { "content-type": "application/json" } },
    ],
    ["authorize", "/oauth/authorize?client_id=x"],
    ["token", "/oauth/token", { method: "POST", body: "grant_type=refresh_token" }],
    ["/mcp", "/mcp", { method: "POST", body: "{}" }],
  ];
  it.each(requests)("%s → 503 server_error naming TOKEN_ENCRYPTION_KEY", async (_name, path, init) => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await callWorker({ TOKEN_ENCRYPTION_KEY: "not-a-key" }, `${WORKER}${path}`, init);
    expect(response.status).toBe(503);
    const text = await response.text();
    expectNoSecrets(text);
    const body = JSON.parse(text);
    expect(body.error).toBe("server_error");
    expect(body.error_description).toContain("TOKEN_ENCRYPTION_KEY");
    expect(body.problems).toEqual([expect.objectContaining({ setting: "TOKEN_ENCRYPTION_KEY" })]);
    expect(spy.mock.calls.flat().join(" ")).toContain("TOKEN_ENCRYPTION_KEY");
    spy.mockRestore();
  });

  it("WORKER_URL sets issuer and resource whatever host the request used", async () => {
    const url = `${WORKER}/.well-known/oauth-protected-resource/mcp`;
    const response = await callWorker({ WORKER_URL: "https://mcp.example.org/" }, url);
    const meta = (await response.json()) as OAuthProtectedResourceMetadata;
    expect(meta.resource).toBe("https://mcp.example.org/mcp");
    expect(meta.authorization_servers).toEqual(["https://mcp.example.org"]);
  });
});

describe("a TOKEN_ENCRYPTION_KEY that differs from the one that sealed the grant", () => {
  afterEach(() => vi.restoreAllMocks());

  it("tools/call answers 401 'Token decryption failed' naming TOKEN_ENCRYPTION_KEY; no token or secret anywhere", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const token = await signIn();
    const otherKey = "a".repeat(64);
    const call = modern({ method: "tools/call", params: { name: "health-check", arguments: {} } });
    const response = await callWorker({ TOKEN_ENCRYPTION_KEY: otherKey }, `${WORKER}/mcp`, {
      method: "POST",
      headers: {
        ...call.headers,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(call.body),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
    const text = await response.text();
    expect(text).toContain("Token decryption failed");
    expect(text).toContain("TOKEN_ENCRYPTION_KEY");
    expect(text).not.toContain(token);
    expect(text).not.toContain(otherKey);
    expectNoSecrets(text);
    const logged = errors.mock.calls.flat().join(" ");
    expect(logged).toContain("Token decryption failed");
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(otherKey);
  });

  it("methods that need no Attio token still work", async () => {
    const token = await signIn();
    const response = await callWorker({ TOKEN_ENCRYPTION_KEY: "b".repeat(64) }, `${WORKER}/mcp`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(legacy({ method: "tools/list" }).body),
    });
    expect(response.status).toBe(200);
  });
});

describe("readConfig", () => {
  const read = (overrides: Record<string, string | undefined>) => {
    const checked = readConfig({ ...baseEnv(), ...overrides }, `${WORKER}/mcp`);
    if (!checked.ok) throw new Error(JSON.stringify(checked.error));
    return checked.value;
  };

  it("reads ALLOWED_ORIGINS as a trimmed list, blanks dropped", () => {
    expect(read({ ALLOWED_ORIGINS: " https://a.example , ,https://b.example" }).allowedOrigins).toEqual([
      "https://a.example",
      "https://b.example",
    ]);
    expect(read({ ALLOWED_ORIGINS: undefined }).allowedOrigins).toEqual([]);
  });

  it.each([
    ["true", true],
    ["TRUE", false],
    ["1", false],
    [undefined, false],
  ])("MCP_STRICT_VERSION_HEADER=%s → strict %s", (value, strict) => {
    expect(read({ MCP_STRICT_VERSION_HEADER: value }).strictVersionHeader).toBe(strict);
  });

  it("a problem is a value naming the setting", () => {
    const checked = readConfig({ ...baseEnv(), WORKER_URL: "ftp://x" }, `${WORKER}/mcp`);
    expect(checked).toMatchObject({ ok: false, error: [{ setting: "WORKER_URL" }] });
  });
});
