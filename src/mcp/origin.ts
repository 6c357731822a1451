// Origin allowlist for /mcp: MCP transports MUST answer 403 to a present, invalid Origin
// (DNS-rebinding defence, 2025-11-25 and 2026-07-28 streamable HTTP "Security").

/** Browser-based clients seen in practice (mcp-spec-notes §7). */
const KNOWN_CLIENT_ORIGINS = ["https://claude.ai", "https://claude.com", "https://chatgpt.com"];

function isLoopbackOrigin(url: URL): boolean {
  return url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
}

/**
 * Server-to-server calls carry no Origin and pass. Loopback origins (MCP Inspector) pass only
 * when the server itself runs on loopback, i.e. in local development.
 */
export function isAllowedOrigin(origin: string | null, selfOrigin: string, extra: readonly string[] = []): boolean {
  if (origin === null) return true;
  if (origin === selfOrigin || KNOWN_CLIENT_ORIGINS.includes(origin) || extra.includes(origin)) return true;
  try {
    return isLoopbackOrigin(new URL(origin)) && isLoopbackOrigin(new URL(selfOrigin));
  } catch {
    return false;
  }
}
