// Cross-cutting HTTP stages: CORS for browser-based clients, and the one place an
// unexpected exception becomes a response (never with a stack, a secret or a token).
import { cors } from "itty-router";
import { logValue } from "./log-value";

const EXPOSED = ["WWW-Authenticate", "Mcp-Session-Id", "MCP-Protocol-Version"];

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

/** Unexpected failures: a generic 500 whose body names no internals; the detail goes to the log. */
export function renderUnexpected(error: unknown): Response {
  console.error(
    `unhandled error: ${error instanceof Error ? `${error.name}: ${logValue(error.message)}` : "non-Error thrown"}`,
  );
  return new Response(
    JSON.stringify({
      error: "server_error",
      error_description: "Internal error. Try again; if it persists check the Worker logs.",
    }),
    {
      status: 500,
      headers: { "content-type": "application/json" },
    },
  );
}
