// URL policy, one definition for every setting and check: https everywhere, plain http only on
// loopback (local development and the test sandbox).

/**
 * Loopback hosts as RFC 8252 §8.3 names them (127.0.0.0/8 and [::1]), plus `localhost`, which
 * RFC 6761 §6.3 reserves for loopback and local tools use (MCP Inspector, `npm start`).
 */
export function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** OAuth 2.1 §1.5 (TLS required) with RFC 8252 §8.3's loopback exception. */
export function isHttpsOrLoopback(url: URL): boolean {
  return url.protocol === "https:" || (url.protocol === "http:" && isLoopback(url.hostname));
}

/** An Attio base URL setting: https except loopback; no trailing slash. Throws naming the setting. */
export function checkBaseUrl(value: string, setting: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${setting} must be an absolute URL such as https://api.attio.com`);
  }
  if (!isHttpsOrLoopback(url)) {
    throw new Error(`${setting} must use https:// (plain http is allowed only for 127.0.0.1 or localhost)`);
  }
  return url.origin + url.pathname.replace(/\/+$/, "");
}
