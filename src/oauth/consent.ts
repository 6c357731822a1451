// The Worker's own consent page (MCP security best practices, "Confused Deputy": per-client
// consent before the redirect to Attio) and the local error page. Plain HTML, no JavaScript.
import type { ConsentDescription } from "@cloudflare/workers-oauth-provider";
import { displayName } from "./client-metadata";

/** Every string from a client (DCR body or CIMD document) is attacker-chosen: escape all of it. */
function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Pages that must never be framed or cached, whatever the helper headers already say:
 * MCP security best practices require frame-ancestors / X-Frame-Options DENY on consent.
 */
function pageHeaders(headers = new Headers()): Headers {
  headers.set("Content-Type", "text/html; charset=utf-8");
  headers.set(
    "Content-Security-Policy",
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
  );
  headers.set("X-Frame-Options", "DENY");
  headers.set("Cache-Control", "no-store");
  headers.set("Referrer-Policy", "no-referrer");
  return headers;
}

const STYLE =
  "body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1d1d1f}" +
  "code{background:#f2f2f4;padding:.1rem .3rem;border-radius:4px;word-break:break-all}" +
  ".warn{background:#fff4e5;border-left:4px solid #f59e0b;padding:.5rem .75rem}" +
  "button{font:inherit;padding:.5rem 1.25rem;margin-right:.5rem;border-radius:6px;border:1px solid #888;cursor:pointer}" +
  "button[value=approve]{background:#1d4ed8;color:#fff;border-color:#1d4ed8}";

/**
 * Leads with the host that will receive access (the one fact the user can check), then the
 * app's self-chosen name, shortened and cleaned (oauth/client-metadata.ts), and the redirect URI
 * as the parsed, normalised URL the browser will actually be sent to.
 */
export function consentPage(details: ConsentDescription, handle: string): string {
  const name = escapeHtml(displayName(details.clientName));
  const host = escapeHtml(details.redirectHost);
  const publisher = details.clientDomain
    ? `<p>The app calls itself <strong>${name}</strong>; it is published by <strong>${escapeHtml(details.clientDomain)}</strong> (its client ID is a document on that domain).</p>`
    : `<p>The app calls itself <strong>${name}</strong>; it registered itself, so that name is not verified.</p>`;
  const loopback = details.redirectIsLoopback
    ? '<p class="warn"><strong>Access will be sent to an app on this computer.</strong> Continue only if you just started connecting from it.</p>'
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Give ${host} access to Attio</title><style>${STYLE}</style></head>
<body>
<h1>Give <strong>${host}</strong> access to your Attio workspace?</h1>
${publisher}
<p>If you continue, Attio asks you to sign in and choose a workspace. The app will then be able to
search, read, create, update and delete records, notes and other data in that Attio workspace, with the
permissions the Attio app was granted.</p>
<p>Access will be sent to <strong>${host}</strong>:<br><code>${escapeHtml(normalised(details.redirectUri))}</code></p>
${loopback}
<form method="post" action="/oauth/authorize">
<input type="hidden" name="handle" value="${escapeHtml(handle)}">
<p><button type="submit" name="decision" value="approve">Continue to Attio</button>
<button type="submit" name="decision" value="deny">Deny</button></p>
</form>
</body></html>`;
}

/** WHATWG URL serialisation: punycode hosts, percent-encoding and default ports as browsers apply them. */
function normalised(uri: string): string {
  try {
    return new URL(uri).href;
  } catch {
    return uri;
  }
}

/**
 * A local error (never a redirect: the client or redirect URI was not trusted, or the page
 * expired). `back` is a link the user may choose to follow to the client's validated redirect URI.
 */
export function errorPage(title: string, message: string, back?: { href: string; label: string }): string {
  const link = back ? `<p><a href="${escapeHtml(back.href)}" rel="noreferrer">${escapeHtml(back.label)}</a></p>` : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${link}</body></html>`;
}

export function htmlResponse(html: string, status: number, headers?: Headers): Response {
  return new Response(html, { status, headers: pageHeaders(headers) });
}
