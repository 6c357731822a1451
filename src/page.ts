// The shell of every HTML page a person sees (consent, errors, refused sign-in, landing): a
// viewport tag and wrapping rules so each reads at 390 px as at 1280 px, strict headers, and
// the request id to quote. Plain HTML; only the landing page runs a script (by nonce).

/** Every string from a client (DCR body or CIMD document) is attacker-chosen: escape all of it. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Pages that must never be framed or cached, whatever the helper headers already say:
 * MCP security best practices require frame-ancestors / X-Frame-Options DENY on consent.
 */
function pageHeaders(headers = new Headers(), scriptNonce?: string): Headers {
  const script = scriptNonce ? `; script-src 'nonce-${scriptNonce}'` : "";
  headers.set("Content-Type", "text/html; charset=utf-8");
  headers.set(
    "Content-Security-Policy",
    `default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'${script}`,
  );
  headers.set("X-Frame-Options", "DENY");
  headers.set("Cache-Control", "no-store");
  // No Referer leaves for another origin (the consent URL carries the client's state), yet our own
  // consent form keeps its Origin: under "no-referrer" browsers send `Origin: null` on a POST
  // (Fetch "serializing a request origin"), which the local server's DNS-rebinding check refuses.
  headers.set("Referrer-Policy", "same-origin");
  return headers;
}

// overflow-wrap:anywhere breaks a long client name or URL instead of widening the page.
const STYLE =
  "*{box-sizing:border-box}" +
  "body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f;" +
  "overflow-wrap:anywhere}" +
  "h1{font-size:1.5rem;line-height:1.25}h2{font-size:1.1rem;margin-top:1.5rem}" +
  "code,pre{background:#f2f2f4;padding:.1rem .3rem;border-radius:4px;white-space:pre-wrap}" +
  "code{word-break:break-all}pre{padding:.5rem .75rem}" +
  ".warn{background:#fff4e5;border-left:4px solid #f59e0b;padding:.5rem .75rem}" +
  ".ok{background:#ecfdf3;border-left:4px solid #16a34a;padding:.5rem .75rem}" +
  "button{font:inherit;padding:.5rem 1.25rem;margin:0 .5rem .5rem 0;border-radius:6px;border:1px solid #888;" +
  "cursor:pointer;background:#fff}" +
  "button.primary,button[value=approve]{background:#1d4ed8;color:#fff;border-color:#1d4ed8}" +
  ".rid{color:#6b7280;font-size:.8rem;margin-top:2rem}";

export interface PageParts {
  title: string;
  /** Already-escaped HTML. */
  body: string;
  /** Shown at the foot so a person can quote it (log.ts). */
  requestId?: string;
  /** Only for a page that runs its own inline script. */
  script?: { nonce: string; code: string };
}

export function page(parts: PageParts): string {
  const rid = parts.requestId ? `\n<p class="rid">Request id: <code>${escapeHtml(parts.requestId)}</code></p>` : "";
  const script = parts.script ? `\n<script nonce="${parts.script.nonce}">${parts.script.code}</script>` : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(parts.title)}</title><style>${STYLE}</style></head>
<body>
${parts.body}${rid}${script}
</body></html>`;
}

export interface ErrorPageExtras {
  requestId?: string;
  /** A link the person may choose to follow, e.g. back to the client's validated redirect URI. */
  back?: { href: string; label: string };
}

/** A local error: what happened and what to do next (never a redirect: see oauth/authorize.ts). */
export function errorPage(title: string, message: string, extras: ErrorPageExtras = {}): string {
  const { back, requestId } = extras;
  const link = back ? `\n<p><a href="${escapeHtml(back.href)}" rel="noreferrer">${escapeHtml(back.label)}</a></p>` : "";
  return page({ title, body: `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>${link}`, requestId });
}

export function htmlResponse(html: string, status: number, headers?: Headers, scriptNonce?: string): Response {
  return new Response(html, { status, headers: pageHeaders(headers, scriptNonce) });
}
