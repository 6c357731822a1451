// /oauth/callback: Attio sends the browser back here. Check the state, exchange Attio's code,
// learn the workspace from /v2/self, and complete the client's grant with our own code.
import { authorizationErrorRedirect, type AuthRequest } from "@cloudflare/workers-oauth-provider";
import type { ProviderEnv } from "../env";
import { exchangeCode, identify, revokeAttioToken } from "./upstream";
import { renderAuthorizationError } from "./authorize";
import { grantUserId, makeGrantProps } from "./grant";

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
    console.error(`Attio code exchange failed: ${exchanged.reason}`);
    return back(exchanged.transient ? "temporarily_unavailable" : "server_error", exchanged.reason);
  }
  const identity = await identify(config, exchanged.value);
  if (!identity.ok) {
    console.error(`Attio sign-in failed: ${identity.reason}`);
    await revokeAttioToken(config, exchanged.value);
    return back(identity.transient ? "temporarily_unavailable" : "server_error", identity.reason);
  }

  const { redirectTo } = await oauth.completeAuthorization({
    request: original,
    userId: grantUserId(identity.value),
    metadata: { workspaceSlug: identity.value.workspaceSlug },
    scope: original.scope,
    props: await makeGrantProps(exchanged.value, identity.value, config.encryptionKey),
  });
  headers.set("Location", redirectTo);
  return new Response(null, { status: 302, headers });
}
