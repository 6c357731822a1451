// Redirect URI policy beyond the library's: registration refuses plaintext http to a remote host.
import { isLoopback } from "../url-policy";

/**
 * OAuth 2.1 §7.5.1 / MCP authorization "Communication Security": redirect URIs are https, or
 * http on loopback (RFC 8252 §7.3, any port). The library already refuses other URIs when a
 * request uses them; refusing remote http at registration keeps such a client from existing.
 * Private-use schemes (RFC 8252 §7.1, e.g. Cursor's) stay registrable and unusable, as the
 * library decides.
 */
export function remoteHttpRedirect(redirectUris: unknown): string | undefined {
  if (!Array.isArray(redirectUris)) return undefined;
  for (const value of redirectUris) {
    if (typeof value !== "string") continue;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      continue; // the library rejects unparseable URIs itself
    }
    if (url.protocol === "http:" && !isLoopback(url.hostname)) return value;
  }
  return undefined;
}
