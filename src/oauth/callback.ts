// /oauth/callback: Attio sends the browser back here. Check the state, exchange Attio's code,
// learn the workspace from /v2/self, and complete the client's grant with our own code.
import {
  authorizationErrorRedirect,
  type AuthRequest,
  type GrantSummary,
  type OAuthHelpers,
} from "@cloudflare/workers-oauth-provider";
import type { ProviderEnv } from "../env";
import { exchangeCode, identify, revokeAttioToken } from "./upstream";
import { renderAuthorizationError } from "./authorize";
import { type GrantMetadata, grantMetadata, grantUserId, makeGrantProps } from "./grant";
import { revokeAttioOf } from "./grant-end";

export async function finishSignIn(request: Request, env: ProviderEnv): Promise<Response> {
  const oauth = env.OAUTH_PROVIDER;
  const config = env.CONFIG;
  let original: AuthRequest;
  let headers: Headers;
  try {
    // Unknown, replayed, expired (KV TTL 600 s) or other-browser state: refused, nothing issued.
    ({ request: original, headers } = await oauth.finishUpstream(request));
  } catch (error) {
    return renderAuthorizationError(error);
  }
  const back = (code: "access_denied" | "server_error" | "temporarily_unavailable", description: string) => {
    // RFC 6749 §4.1.2.1 + RFC 9207: the client learns why, with its state and our iss.
    headers.set("Location", authorizationErrorRedirect(original, code, description));
    return new Response(null, { status: 302, headers });
  };

  const params = new URL(request.url).searchParams;
  const code = params.get("code");
  if (params.get("error") || !code) return back("access_denied", "Attio access was not granted");

  const exchanged = await exchangeCode(config, code);
  if (!exchanged.ok) {
    console.error(`Attio code exchange failed: ${exchanged.error.reason}`);
    return back(exchanged.error.transient ? "temporarily_unavailable" : "server_error", exchanged.error.reason);
  }
  const identity = await identify(config, exchanged.value);
  if (!identity.ok) {
    console.error(`Attio sign-in failed: ${identity.error.reason}`);
    await revokeAttioToken(config, exchanged.value);
    return back(identity.error.transient ? "temporarily_unavailable" : "server_error", identity.error.reason);
  }

  const userId = grantUserId(identity.value);
  const props = await makeGrantProps(exchanged.value, identity.value, config.encryptionKey);
  const replaced = await replaceableGrants(oauth, userId, original);
  const { redirectTo } = await oauth.completeAuthorization({
    request: original,
    userId,
    metadata: grantMetadata(props),
    scope: original.scope,
    props,
  });
  // The library replaced this member's earlier grants for the same client: their Attio tokens go too.
  for (const grant of replaced) await revokeAttioOf(config, grant.metadata as GrantMetadata | undefined);
  headers.set("Location", redirectTo);
  return new Response(null, { status: 302, headers });
}

/**
 * The grants `completeAuthorization` revokes (revokeExistingGrants): this member's, for this
 * client; for a CIMD client (an https client_id) only those with the same redirect URI.
 */
async function replaceableGrants(oauth: OAuthHelpers, userId: string, request: AuthRequest): Promise<GrantSummary[]> {
  const isDocument = request.clientId.startsWith("https://");
  const { items } = await oauth.listUserGrants(userId);
  return items.filter(
    (grant) => grant.clientId === request.clientId && (!isDocument || grant.redirectUri === request.redirectUri),
  );
}
