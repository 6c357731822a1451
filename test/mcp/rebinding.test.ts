// DNS rebinding (MCP streamable HTTP "Security Warning", both eras): a server on the user's
// machine answers only to loopback names and origins; a deployment's handling is unchanged.
import { describe, expect, it } from "vitest";
import { legacy, modern } from "../helpers";
import { callWorker } from "../oauth/worker";

const LOCAL = "http://127.0.0.1:8787";

interface Row {
  name: string;
  env: Record<string, string | undefined>;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  status: number | "not 403";
}

const discover = modern({ method: "server/discover" });
const list = legacy({ method: "tools/list" });

const rows: Row[] = [
  {
    name: "2026-07-28 request through a rebound name (WORKER_URL on loopback)",
    env: { WORKER_URL: LOCAL },
    url: "http://evil.example:8787/mcp",
    headers: discover.headers,
    body: discover.body,
    status: 403,
  },
  {
    name: "legacy request through a rebound name (WORKER_URL on loopback)",
    env: { WORKER_URL: LOCAL },
    url: "http://evil.example:8787/mcp",
    body: list.body,
    status: 403,
  },
  {
    name: "rebound name, no WORKER_URL, connection from loopback: refused, not redirected to https",
    env: { WORKER_URL: undefined },
    url: "http://evil.example:8787/mcp",
    headers: { "cf-connecting-ip": "127.0.0.1" },
    body: list.body,
    status: 403,
  },
  {
    name: "loopback Host but a foreign Origin at the token endpoint",
    env: { WORKER_URL: LOCAL },
    url: `${LOCAL}/oauth/token`,
    headers: { origin: "http://evil.example:8787", "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=refresh_token&refresh_token=a:b:c&client_id=x",
    status: 403,
  },
  {
    name: "MCP Inspector on localhost reaching the local server",
    env: { WORKER_URL: LOCAL },
    url: `${LOCAL}/mcp`,
    headers: { origin: "http://localhost:6274" },
    body: list.body,
    status: "not 403",
  },
  {
    name: "a deployment reached through another hostname keeps today's handling",
    env: { WORKER_URL: "https://attio-mcp.example.test" },
    url: "https://other.example/mcp",
    headers: { "cf-connecting-ip": "203.0.113.9" },
    body: list.body,
    status: 401,
  },
  {
    name: "a deployment without WORKER_URL over plain http is still sent to https",
    env: { WORKER_URL: undefined },
    url: "http://attio-mcp.example.test/mcp",
    headers: { "cf-connecting-ip": "203.0.113.9" },
    body: list.body,
    status: 308,
  },
];

describe("DNS rebinding", () => {
  it.each(rows)("$name → $status", async ({ env, url, headers, body, status }) => {
    const response = await callWorker(env, url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    if (status === "not 403") {
      expect(response.status).not.toBe(403);
      return;
    }
    expect(response.status).toBe(status);
    if (status === 403) {
      expect(response.headers.get("location")).toBeNull();
      const json: any = await response.json();
      expect(json.error.code).toBe(-32600);
      expect(json.error.message).toContain("DNS rebinding");
    }
  });
});
