// DNS rebinding defence for a server on the user's own machine (`npm start`, `wrangler dev`):
// MCP streamable HTTP "Security Warning" (2025-11-25 and 2026-07-28) — validate Origin, and bind
// to localhost. A page on evil.example whose name was rebound to 127.0.0.1 reaches this server
// with `Host: evil.example`; a local server answers only to loopback names and origins.
import { isLoopback } from "./url-policy";

/**
 * Local when WORKER_URL names a loopback origin, or, with no WORKER_URL, when the connection
 * itself comes from loopback (workerd sets CF-Connecting-IP locally; on Cloudflare it is the
 * client's public address). A deployment keeps its own handling of other hosts (index.ts).
 */
function isLocalServer(request: Request, workerUrl: string | undefined): boolean {
  if (workerUrl?.trim()) {
    try {
      return isLoopback(new URL(workerUrl.trim()).hostname);
    } catch {
      return false; // config.ts names the bad setting
    }
  }
  const ip = request.headers.get("cf-connecting-ip");
  return ip !== null && (ip === "::1" || /^127(\.\d{1,3}){3}$/.test(ip));
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    return isLoopback(new URL(origin).hostname);
  } catch {
    return false;
  }
}

/** 403 for a local server reached through a non-loopback Host or from a non-loopback Origin. */
export function refuseRebinding(
  request: Request,
  workerUrl: string | undefined,
  extraOrigins: readonly string[],
): Response | undefined {
  if (!isLocalServer(request, workerUrl)) return undefined;
  const host = new URL(request.url).hostname;
  const origin = request.headers.get("origin");
  const originAllowed = origin === null || extraOrigins.includes(origin) || isLoopbackOrigin(origin);
  if (isLoopback(host) && originAllowed) return undefined;
  const message = "Forbidden: this local server answers only to localhost, 127.0.0.1 or [::1] (DNS rebinding defence)";
  // Shaped for both readers: a JSON-RPC client (either era) and an OAuth client.
  return Response.json(
    { jsonrpc: "2.0", id: null, error: { code: -32600, message }, error_description: message },
    { status: 403, headers: { "Cache-Control": "no-store" } },
  );
}
