// The Worker's own consent page (MCP security best practices, "Confused Deputy": per-client
// consent before the redirect to Attio) and the local error page. Plain HTML, no JavaScript.
import type { ConsentDescription } from "@cloudflare/workers-oauth-provider";
import { escapeHtml, page } from "../page";

export { errorPage, escapeHtml, htmlResponse, pageHeaders } from "../page";

/** `issuedAt` (seconds) only chooses the message if the form comes back too late (oauth/lost-sign-in.ts). */
export function consentPage(details: ConsentDescription, handle: string, issuedAt: number, requestId?: string): string {
  const name = escapeHtml(details.clientName);
  const publisher = details.clientDomain
    ? `<p>Published by <strong>${escapeHtml(details.clientDomain)}</strong> (its client ID is a document on that domain).</p>`
    : "<p>This app registered itself; its name is not verified.</p>";
  const loopback = details.redirectIsLoopback
    ? '<p class="warn"><strong>Access will be sent to an app on this computer.</strong> Continue only if you just started connecting from it.</p>'
    : "";
  return page({
    title: `Connect ${details.clientName} to Attio`,
    requestId,
    body: `<h1>Allow <strong>${name}</strong> to use your Attio workspace?</h1>
${publisher}
<p>If you continue, Attio asks you to sign in and choose a workspace. <strong>${name}</strong> will then be able to
search, read, create, update and delete records, notes and other data in that Attio workspace, with the
permissions the Attio app was granted.</p>
<p>Access will be sent to <strong>${escapeHtml(details.redirectHost)}</strong>:<br><code>${escapeHtml(details.redirectUri)}</code></p>
${loopback}
<form method="post" action="/oauth/authorize">
<input type="hidden" name="handle" value="${escapeHtml(handle)}">
<input type="hidden" name="issued" value="${issuedAt}">
<p><button type="submit" name="decision" value="approve">Continue to Attio</button>
<button type="submit" name="decision" value="deny">Deny</button></p>
</form>`,
  });
}
