// Cross-cutting HTTP stages: CORS for browser-based clients, and the one place an
// unexpected exception becomes a response (never with a stack, a secret or a token).
import { cors } from "itty-router";

/**
 * Browser-based MCP clients must read discovery documents, the token endpoint and /mcp
 * responses, including WWW-Authenticate (mcp-spec-notes "Cross-client pitfalls").
 */
export const { preflight, corsify } = cors({
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
  exposeHeaders: ["WWW-Authenticate", "Mcp-Session-Id", "MCP-Protocol-Version"],
  maxAge: 86400,
});

/** Unexpected failures: a generic 500 whose body names no internals; the detail goes to the log. */
export function renderUnexpected(error: unknown): Response {
  console.error("unhandled error:", error instanceof Error ? `${error.name}: ${error.message}` : "non-Error thrown");
  return new Response(JSON.stringify({ error: "server_error", error_description: "Internal error. Try again; if it persists check the Worker logs." }), {
    status: 500,
    headers: { "content-type": "application/json" },
  });
}
