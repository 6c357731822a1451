// Origin allowlist for /mcp: MCP transports MUST answer 403 to a present, invalid Origin
// (DNS-rebinding defence, 2025-11-25 and 2026-07-28 streamable HTTP "Security").
import { isLoopback } from "../url-policy";

/** The web apps of the browser-based clients seen in practice: Claude and ChatGPT. */
const KNOWN_CLIENT_ORIGINS = ["https://claude.ai", "https://claude.com", "https://chatgpt.com"];

/**
 * Server-to-server calls carry no Origin and pass. Loopback origins (MCP Inspector) pass only
 * when the server itself runs on loopback, i.e. in local development.
 */
export function isAllowedOrigin(origin: string | null, selfOrigin: string, extra: readonly string[] = []): boolean {
  if (origin === null) return true;
  if (origin === selfOrigin || KNOWN_CLIENT_ORIGINS.includes(origin) || extra.includes(origin)) return true;
  try {
    return isLoopback(new URL(origin).hostname) && isLoopback(new URL(selfOrigin).hostname);
  } catch {
    return false;
  }
}
