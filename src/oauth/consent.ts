// The Worker's own consent page (MCP security best practices, "Confused Deputy": per-client
// consent before the redirect to Attio) and the local error page. Plain HTML, no JavaScript.
import type { ConsentDescription } from "@cloudflare/workers-oauth-provider";
import { escapeHtml, page } from "../page";
import { displayName } from "./client-metadata";

export { errorPage, htmlResponse } from "../page";

/**
 * Leads with the host that will receive access (the one fact the user can check), then the
 * app's self-chosen name, shortened and cleaned (oauth/client-metadata.ts), and the redirect URI
 * as the parsed, normalised URL the browser will actually be sent to.
 */
export function consentPage(details: ConsentDescription, handle: string, issuedAt: number, requestId?: string): string {
  const name = escapeHtml(displayName(details.clientName));
  const host = escapeHtml(details.redirectHost);
  const publisher = details.clientDomain
    ? `<p>The app calls itself <strong>${name}</strong>; it is published by <strong>${escapeHtml(details.clientDomain)}</strong> (its client ID is a document on that domain).</p>`
    : `<p>The app calls itself <strong>${name}</strong>; it registered itself, so that name is not verified.</p>`;
  const loopback = details.redirectIsLoopback
    ? '<p class="warn"><strong>Access will be sent to an app on this computer.</strong> Continue only if you just started connecting from it.</p>'
    : "";
  // `issuedAt` (seconds) only picks the message if the form comes back too late (oauth/lost-sign-in.ts).
  return page({
    title: `Give ${details.redirectHost} access to Attio`,
    requestId,
    body: `<h1>Give <strong>${host}</strong> access to your Attio workspace?</h1>
${publisher}
<p>If you continue, Attio asks you to sign in and choose a workspace. The app will then be able to
search, read, create, update and delete records, notes and other data in that Attio workspace, with the
permissions the Attio app was granted.</p>
<p>Access will be sent to <strong>${host}</strong>:<br><code>${escapeHtml(normalised(details.redirectUri))}</code></p>
${loopback}
<form method="post" action="/oauth/authorize">
<input type="hidden" name="handle" value="${escapeHtml(handle)}">
<input type="hidden" name="issued" value="${issuedAt}">
<p><button type="submit" name="decision" value="approve">Continue to Attio</button>
<button type="submit" name="decision" value="deny">Deny</button></p>
</form>`,
  });
}

/** WHATWG URL serialisation: punycode hosts, percent-encoding and default ports as browsers apply them. */
function normalised(uri: string): string {
  try {
    return new URL(uri).href;
  } catch {
    return uri;
  }
}
