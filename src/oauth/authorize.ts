// /oauth/authorize: validate the client's request, show our consent page (GET), then on
// approval send the browser to Attio with a fresh single-use state (POST).
import { AuthorizationError, CimdFetchError } from "@cloudflare/workers-oauth-provider";
import { isLoopback } from "../url-policy";
import type { ProviderEnv } from "../env";
import { logValue } from "../log-value";
import { attioAuthorizeUrl } from "./upstream";
import { consentPage, errorPage, htmlResponse } from "./consent";

/**
 * GET: `parseAuthRequest` enforces the registered client, exact redirect URI (loopback on any
 * port, RFC 8252 §7.3), response_type=code, PKCE S256 (OAuth 2.1 §4.1.1) and `resource`
 * (RFC 8707); `beginConsent` binds the page's handle to this browser with a __Host- cookie.
 */
export async function showConsent(request: Request, env: ProviderEnv): Promise<Response> {
  try {
    const oauth = env.OAUTH_PROVIDER;
    const authRequest = await oauth.parseAuthRequest(request);
    const details = await oauth.describeConsent(authRequest); // before beginConsent: a failed lookup leaves nothing in KV
    const consent = await oauth.beginConsent(authRequest);
    return htmlResponse(consentPage(details, consent.handle), 200, consent.headers);
  } catch (error) {
    return renderAuthorizationError(error);
  }
}

/**
 * POST: the consent form. The request itself comes back from storage, never from the form, so
 * the page cannot be made to approve another client or redirect URI. Only now does a `state`
 * for Attio exist (MCP security best practices: upstream state only after consent; single-use,
 * 10 minutes, bound to this browser).
 */
export async function decideConsent(request: Request, env: ProviderEnv): Promise<Response> {
  try {
    const oauth = env.OAUTH_PROVIDER;
    const form = await request.formData().catch(() => null);
    if (!form)
      return htmlResponse(
        errorPage(
          "This sign-in cannot continue",
          "The consent form was not sent as a form. Start connecting again from your app.",
        ),
        400,
      );
    const handle = String(form.get("handle") ?? "");
    if (form.get("decision") !== "approve") {
      // RFC 6749 §4.1.2.1: access_denied to the validated redirect URI, with state and iss (RFC 9207).
      const denied = await oauth.denyConsent(request, handle, { description: "The user declined to connect Attio" });
      return new Response(null, { status: 302, headers: denied.headers });
    }
    const approved = await oauth.approveConsent(request, handle);
    const upstream = await oauth.beginUpstream(approved.request, { headers: approved.headers });
    upstream.headers.set("Location", attioAuthorizeUrl(env.CONFIG, upstream.state));
    return new Response(null, { status: 302, headers: upstream.headers });
  } catch (error) {
    return renderAuthorizationError(error);
  }
}

/**
 * RFC 9700 §4.11.2: any client may register (DCR) or publish (CIMD) a redirect URI, so an
 * automatic error redirect would make this server an open redirector with an attacker-chosen
 * `state`. Only loopback URIs (an app on the user's own machine, RFC 8252 §7.3) get one; every
 * other validated URI is offered as an explicit link on our page. Unvalidated URIs never appear.
 */
export function renderAuthorizationError(error: unknown): Response {
  if (error instanceof AuthorizationError && error.redirectTo) {
    const target = new URL(error.redirectTo);
    if (isLoopback(target.hostname)) {
      return new Response(null, { status: 302, headers: { Location: target.href, "Cache-Control": "no-store" } });
    }
    return htmlResponse(
      errorPage("This sign-in cannot continue", `${error.description}. Start connecting again from your app.`, {
        href: target.href,
        label: `Return to ${target.host}`,
      }),
      400,
    );
  }
  if (error instanceof AuthorizationError) {
    return htmlResponse(
      errorPage("This sign-in cannot continue", `${error.description}. Start connecting again from your app.`),
      400,
    );
  }
  if (error instanceof CimdFetchError) {
    console.warn(`client metadata document unavailable: ${logValue(error.metadataUrl)}: ${logValue(error.detail)}`);
    return htmlResponse(
      errorPage("This app could not be verified", "Its client metadata document could not be fetched or is invalid."),
      400,
    );
  }
  throw error;
}
