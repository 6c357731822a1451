// Attio as our upstream OAuth provider: its authorize URL, the code exchange at /oauth/token,
// and GET /v2/self, which names the workspace and member the token belongs to.
import { createAttio, unwrap } from "../attio/client";
import { AttioError } from "../attio/errors";
import type { Config } from "../config";
import type { Result } from "../result";

/** Where Attio sends the browser back; the Attio app must list exactly this URL. */
function callbackUrl(config: Config): string {
  return `${config.origin}/oauth/callback`;
}

/** Attio's authorize endpoint takes no `scope`: scopes are set on the app (https://docs.attio.com/docs/oauth/authorize). */
export function attioAuthorizeUrl(config: Config, state: string): string {
  const url = new URL(`${config.oauthBase}/authorize`);
  url.searchParams.set("client_id", config.clientId);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("redirect_uri", callbackUrl(config));
  url.searchParams.set("state", state);
  return url.toString();
}

/** Why Attio refused or failed; `transient` when retrying later may work. Never a secret or Attio's body. */
interface UpstreamFailure {
  transient: boolean;
  reason: string;
}

export type Upstream<T> = Result<T, UpstreamFailure>;

function failed(transient: boolean, reason: string): Upstream<never> {
  return { ok: false, error: { transient, reason } };
}

/**
 * Each call to Attio during the callback gives up after this long: the user is waiting in a
 * browser, and the client is told `temporarily_unavailable` rather than left hanging.
 */
const UPSTREAM_TIMEOUT_MS = 10_000;

/** Attio overloaded or down (5xx) or rate limiting (429): worth retrying, not a configuration problem. */
function isTransientStatus(status: number): boolean {
  return status >= 500 || status === 429;
}

/**
 * RFC 6749 §4.1.3: the code, our redirect URI and the app's credentials in a form body. Attio
 * answers {access_token, token_type} only: no expiry, no refresh token. `reason` never holds a
 * secret or Attio's body.
 */
export async function exchangeCode(
  config: Config,
  code: string,
  send: typeof fetch = fetch,
): Promise<Upstream<string>> {
  const body = new URLSearchParams({
    client_id: config.clientId,
    client_secret: config.clientSecret,
    grant_type: "authorization_code",
    code,
    redirect_uri: callbackUrl(config),
  });
  let response: Response;
  try {
    response = await send(`${config.oauthBase}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body,
      signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
    });
  } catch {
    return failed(true, "Attio's token endpoint could not be reached or did not answer in time");
  }
  const data = (await response.json().catch(() => null)) as { access_token?: unknown } | null;
  if (response.ok && typeof data?.access_token === "string" && data.access_token.length > 0) {
    return { ok: true, value: data.access_token };
  }
  if (isTransientStatus(response.status))
    return failed(true, `Attio's token endpoint failed (HTTP ${response.status})`);
  return failed(
    false,
    `Attio refused the authorization code (HTTP ${response.status}). Check ATTIO_CLIENT_ID and ATTIO_CLIENT_SECRET, ` +
      "and that the Attio app's redirect URI is exactly <WORKER_URL>/oauth/callback.",
  );
}

/**
 * RFC 7009: hand back a token we will not use (its workspace could not be learned), so no live
 * Attio token is left behind. Best effort and bounded: the sign-in has failed either way.
 */
export async function revokeAttioToken(config: Config, token: string, send: typeof fetch = fetch): Promise<void> {
  try {
    await send(`${config.oauthBase}/oauth/revoke`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        token,
        token_type_hint: "access_token",
        client_id: config.clientId,
        client_secret: config.clientSecret,
      }),
      signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS / 2),
    });
  } catch {
    // Attio unreachable: nothing more to do; the token was never stored or shown.
  }
}

export interface AttioIdentity {
  workspaceId: string;
  workspaceSlug: string;
  workspaceName: string;
  memberId: string;
}

/** GET /v2/self: which workspace the new token opens and who authorized it. */
export async function identify(config: Config, token: string): Promise<Upstream<AttioIdentity>> {
  try {
    const self = await unwrap(
      createAttio({ baseUrl: config.apiBase, token, timeoutMs: UPSTREAM_TIMEOUT_MS }).GET("/v2/self"),
    );
    if (!self.active || !("workspace_id" in self)) return failed(false, "Attio reports the new token as inactive");
    // A grant belongs to one member; a token Attio minted on no member's behalf cannot be tied to one.
    if (!self.authorized_by_workspace_member_id)
      return failed(false, "Attio reports no workspace member behind the new token");
    return {
      ok: true,
      value: {
        workspaceId: self.workspace_id,
        workspaceSlug: self.workspace_slug,
        workspaceName: self.workspace_name,
        memberId: self.authorized_by_workspace_member_id,
      },
    };
  } catch (error) {
    const transient =
      error instanceof AttioError && (error.problem.kind !== "http" || isTransientStatus(error.problem.status));
    const status =
      error instanceof AttioError && error.problem.kind === "http" ? ` (HTTP ${error.problem.status})` : "";
    return failed(transient, `Attio's /v2/self did not identify the new token${status}`);
  }
}
