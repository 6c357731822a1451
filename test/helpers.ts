// Shared test helpers for the workerd project: requests to the Worker, MCP envelopes,
// and the sandbox's control endpoints (over HTTP, like everything else).
import { SELF } from "cloudflare:test";
import { inject } from "vitest";
import type { RecordedRequest } from "./sandbox/types";

export const WORKER = "https://attio-mcp.example.test";
export const MODERN = "2026-07-28";

export function attioBase(): string {
  return inject("attioBase");
}

export interface Message {
  body: unknown;
  headers: Record<string, string>;
}

export interface Call {
  method: string;
  params?: Record<string, unknown>;
  id?: string | number | null;
}

/** A 2026-07-28 request: `_meta` envelope plus the standard headers (SEP-2243). */
export function modern(call: Call, headers: Record<string, string | undefined> = {}): Message {
  const params = {
    ...call.params,
    _meta: {
      "io.modelcontextprotocol/protocolVersion": MODERN,
      "io.modelcontextprotocol/clientCapabilities": {},
      "io.modelcontextprotocol/clientInfo": { name: "test", version: "1" },
      ...(call.params?._meta as object | undefined),
    },
  };
  const defaults: Record<string, string> = { "mcp-protocol-version": MODERN, "mcp-method": call.method };
  const name = call.params?.name;
  if (call.method === "tools/call" && typeof name === "string") defaults["mcp-name"] = name;
  const uri = call.params?.uri;
  if (call.method === "resources/read" && typeof uri === "string") defaults["mcp-name"] = uri;
  return {
    body: { jsonrpc: "2.0", id: call.id === undefined ? 1 : call.id, method: call.method, params },
    headers: merge(defaults, headers),
  };
}

export function legacy(call: Call, headers: Record<string, string | undefined> = {}): Message {
  const body: Record<string, unknown> = { jsonrpc: "2.0", method: call.method };
  if (call.id !== null) body.id = call.id === undefined ? 1 : call.id;
  if (call.params) body.params = call.params;
  return { body, headers: merge({}, headers) };
}

function merge(base: Record<string, string>, extra: Record<string, string | undefined>): Record<string, string> {
  const out = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete out[key.toLowerCase()];
    else out[key.toLowerCase()] = value;
  }
  return out;
}

export async function post(
  message: Message,
  options: { path?: string; auth?: string | null; raw?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    ...message.headers,
  };
  if (options.auth) headers.authorization = `Bearer ${options.auth}`;
  return SELF.fetch(`${WORKER}${options.path ?? "/mcp"}`, {
    method: "POST",
    headers,
    body: options.raw ?? JSON.stringify(message.body),
  });
}

/**
 * Signs in for real (DCR, consent, the sandbox's Attio pages, PKCE, token endpoint) and returns
 * an access token for /mcp. Steps and variants live in test/oauth/flow.ts.
 */
export async function signIn(): Promise<string> {
  const { signInFully } = await import("./oauth/flow");
  return (await signInFully()).tokens.access_token;
}

/** Sandbox control endpoints (see test/sandbox/README or index.ts). */
export const sandbox = {
  async reset(): Promise<void> {
    await fetch(`${attioBase()}/__sandbox/reset`, { method: "POST" });
  },
  async fault(fault: {
    mode: "429" | "500" | "hang" | "202";
    count?: number;
    path?: string;
    retryAfterSeconds?: number;
    /** "202" only: reads of the merged record that answer merge_in_progress. */
    reads?: number;
  }): Promise<void> {
    await fetch(`${attioBase()}/__sandbox/fault`, {
      method: "POST",
      body: JSON.stringify(fault),
      headers: { "content-type": "application/json" },
    });
  },
  async requests(): Promise<RecordedRequest[]> {
    return (await fetch(`${attioBase()}/__sandbox/requests`)).json();
  },
  async clearRequests(): Promise<void> {
    await fetch(`${attioBase()}/__sandbox/requests`, { method: "DELETE" });
  },
  /** The token holds only these scopes (space-separated) until the next reset. */
  async scopes(token: string, scope: string): Promise<void> {
    await fetch(`${attioBase()}/__sandbox/scopes`, {
      method: "POST",
      body: JSON.stringify({ token, scope }),
      headers: { "content-type": "application/json" },
    });
  },
  /** POST /v2/sql answers query_timeout past `ms` until the next reset. */
  async sqlTimeout(ms: number): Promise<void> {
    await fetch(`${attioBase()}/__sandbox/sql-timeout`, {
      method: "POST",
      body: JSON.stringify({ ms }),
      headers: { "content-type": "application/json" },
    });
  },
  async revoke(token: string): Promise<void> {
    await fetch(`${attioBase()}/__sandbox/revoke`, {
      method: "POST",
      body: JSON.stringify({ token }),
      headers: { "content-type": "application/json" },
    });
  },
};
