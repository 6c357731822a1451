// GET / from a browser: what this server is, its MCP URL to copy, how to add it to Claude and
// ChatGPT, and whether this deployment is configured (from /health: setting names, never values).
// API clients asking for JSON still get base-url.ts's answer; wrong paths get a pointer to /mcp.
import type { Env } from "./env";
import { describeHealth, type Health } from "./health";
import { MCP_PATH } from "./oauth/provider";
import { escapeHtml, htmlResponse, page } from "./page";
import { isHttpsOrLoopback } from "./url-policy";

/** A browser navigating here asks for HTML first (Fetch "navigate" requests send text/html). */
export function wantsHtml(request: Request): boolean {
  const accept = request.headers.get("accept") ?? "";
  return request.method === "GET" && /\btext\/html\b/.test(accept);
}

// Selects the URL if the Clipboard API is unavailable, so a person can still copy it by hand.
const COPY_SCRIPT =
  'const b=document.getElementById("copy"),u=document.getElementById("url");' +
  'b.addEventListener("click",()=>{const s=()=>{const r=document.createRange();r.selectNodeContents(u);' +
  'const w=getSelection();w.removeAllRanges();w.addRange(r);b.textContent="Press Ctrl+C / ⌘C"};' +
  'navigator.clipboard?navigator.clipboard.writeText(u.textContent).then(()=>{b.textContent="Copied"},s):s()});';

export function landingPage(env: Env, requestUrl: URL, requestId: string): Response {
  const health = describeHealth(env);
  const origin = workerOrigin(env, requestUrl);
  const mcpUrl = escapeHtml(`${origin}${MCP_PATH}`);
  const nonce = crypto.randomUUID().replace(/-/g, "");
  const body = `<h1>Attio MCP server</h1>
<p>This is a remote <a href="https://modelcontextprotocol.io">Model Context Protocol</a> server for the
<a href="https://attio.com">Attio</a> CRM. Add it to Claude, ChatGPT or another MCP client, sign in with
Attio, and the assistant can ${health.tools?.read_only ? "search and read" : "search, read and update"} your
team's Attio workspace.</p>
<h2>Server URL</h2>
<p><code id="url">${mcpUrl}</code></p>
<p><button type="button" id="copy" class="primary">Copy URL</button></p>
${status(health)}
<h2>Add it to Claude</h2>
<p><strong>Claude on the web and Claude Desktop:</strong> Settings → Connectors → <em>Add custom connector</em>,
paste the URL, leave the OAuth fields empty, then <em>Connect</em>. Team and Enterprise owners add it under
Organization settings → Connectors.</p>
<p><strong>Claude Code:</strong></p>
<pre>claude mcp add --transport http attio ${mcpUrl}</pre>
<p>then run <code>/mcp</code> in Claude Code and choose <em>Authenticate</em>.</p>
<h2>Add it to ChatGPT</h2>
<p>Settings → Apps &amp; Connectors → Advanced settings → turn on <em>Developer mode</em>; then
<em>Create</em> a connector with the URL above and authentication <em>OAuth</em> (leave client ID and secret empty).</p>
<h2>Signing in</h2>
<p>Your app opens a page from this server naming the app and where access will be sent; after
<em>Continue to Attio</em> you sign in to Attio and pick the workspace.</p>
<p><a href="/health">Server status (JSON)</a> · version ${escapeHtml(health.version)}</p>`;
  const html = page({ title: "Attio MCP server", body, requestId, script: { nonce, code: COPY_SCRIPT } });
  return htmlResponse(html, 200, undefined, nonce);
}

function status(health: Health): string {
  if (health.status !== "ok") {
    const items = (health.problems ?? []).map(
      (p) => `<li><code>${escapeHtml(p.setting)}</code>: ${escapeHtml(p.message)}</li>`,
    );
    return `<p class="warn"><strong>This deployment is not configured yet</strong>, so sign-in will fail until its
administrator fixes these settings:</p><ul>${items.join("")}</ul>`;
  }
  const tools = health.tools;
  const mode = tools?.read_only ? "read-only" : "read and write";
  const restricted = health.sign_in_restricted_by?.length
    ? "Sign-in is limited to the Attio workspaces or email domains its administrator chose."
    : "Any Attio workspace can sign in.";
  return `<p class="ok"><strong>This deployment is configured.</strong> It offers ${tools?.count ?? 0} tools
(${mode}). ${restricted}</p>`;
}

/** WORKER_URL when it is a valid origin, else the request's: the URL clients must be given. */
function workerOrigin(env: Env, requestUrl: URL): string {
  try {
    const configured = env.WORKER_URL?.trim() ? new URL(env.WORKER_URL.trim()) : undefined;
    if (configured && isHttpsOrLoopback(configured)) return configured.origin;
  } catch {
    // malformed WORKER_URL: the status block names it
  }
  return requestUrl.origin;
}

/**
 * Paths clients guess (`/sse`, `/messages`, `/mcp/sse`, …) and anything else unknown: a 404
 * that says where the MCP endpoint is and that there is no SSE endpoint (2025-03-26 replaced
 * HTTP+SSE with Streamable HTTP; this server is stateless, one POST per message).
 */
export function pointToMcp(request: Request, origin: string): Response {
  const mcpUrl = `${origin}${MCP_PATH}`;
  const message =
    `There is nothing at this path. This MCP server has one endpoint, ${mcpUrl} (Streamable HTTP, POST); ` +
    "it has no SSE or /messages endpoint. Give your MCP client that URL.";
  if (wantsHtml(request)) {
    const body = `<h1>Not found</h1><p>${escapeHtml(message)}</p><p><a href="/">About this server</a></p>`;
    return htmlResponse(page({ title: "Not found", body }), 404);
  }
  return Response.json({ error: "not_found", error_description: message, mcp_endpoint: mcpUrl }, { status: 404 });
}
