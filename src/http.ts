// Cross-cutting HTTP stages: CORS for browser-based clients, and the one place an
// unexpected exception becomes a response (never with a stack, a secret or a token).
import { cors } from "itty-router";
import { REQUEST_ID_HEADER, type RequestLog } from "./log";

const EXPOSED = ["WWW-Authenticate", "Mcp-Session-Id", "MCP-Protocol-Version", REQUEST_ID_HEADER];

/**
 * Browser-based MCP clients must read discovery documents, the token endpoint and /mcp
 * responses, including WWW-Authenticate, which carries the RFC 9728 resource_metadata URL
 * (MCP 2025-11-25 authorization, "Protected Resource Metadata Discovery Requirements").
 */
const policy = cors({
  origin: "*",
  allowMethods: ["GET", "POST", "OPTIONS"],
  allowHeaders: [
    "Authorization",
    "Content-Type",
    "Accept",
    "MCP-Protocol-Version",
    "Mcp-Session-Id",
    "Mcp-Method",
    "Mcp-Name",
    "Last-Event-ID",
  ],
  exposeHeaders: EXPOSED,
  maxAge: 86400,
});

export const preflight = policy.preflight;

/**
 * itty's corsify sets only Allow-Origin on actual responses, but Fetch reads
 * Access-Control-Expose-Headers from the actual response, not the preflight: add it there.
 */
export function corsify(response: Response, request: Request): Response {
  const out = policy.corsify(response, request);
  if (out.headers.has("access-control-expose-headers")) return out;
  const headers = new Headers(out.headers);
  headers.set("access-control-expose-headers", EXPOSED.join(","));
  return new Response(out.body, { status: out.status, statusText: out.statusText, headers });
}

/**
 * Unexpected failures outside /mcp (which answers JSON-RPC -32603 itself): a generic 500 whose
 * body names no internals, only the request id to quote; the exception's class goes to the log line.
 */
export function renderUnexpected(error: unknown, _request: unknown, env: { LOG: RequestLog }): Response {
  env.LOG.set({ exception: error instanceof Error ? error.name : typeof error });
  const body = {
    error: "server_error",
    error_description: `Internal error. Try again; if it persists, report request id ${env.LOG.id}.`,
  };
  return Response.json(body, { status: 500, headers: { "Cache-Control": "no-store" } });
}

/**
 * Every response leaves with its request id: as a header, and inside JSON error bodies in the
 * OAuth format (RFC 6749 §5.2 allows extra members), which the library builds without one.
 */
export async function finishResponse(response: Response, log: RequestLog): Promise<Response> {
  const headers = new Headers(response.headers);
  headers.set(REQUEST_ID_HEADER, log.id);
  let body: BodyInit | null = response.body;
  if (response.status >= 400 && headers.get("content-type")?.startsWith("application/json")) {
    const text = await response.text();
    body = text;
    headers.delete("content-length");
    const parsed = parseObject(text);
    if (typeof parsed?.error === "string") {
      log.set({ oauth_error: parsed.error });
      if (parsed.request_id === undefined) body = JSON.stringify({ ...parsed, request_id: log.id });
    }
  }
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
