// The Worker's table of contents: every route it serves and the stages around them.
// OAuthProvider fronts everything: it serves discovery, /oauth/register and /oauth/token itself,
// authenticates /mcp, and hands the rest to the router below.
import type { OAuthResourceAuth } from "@cloudflare/workers-oauth-provider";
import { AutoRouter, type IRequest } from "itty-router";
import { createAttio } from "./attio/client";
import { AttioError } from "./attio/errors";
import { describeBaseUrl, toClientResponse, toProviderRequest } from "./base-url";
import { describeProblems, readAllowedOrigins, readConfig } from "./config";
import type { Env, ProviderEnv } from "./env";
import { corsify, preflight, renderUnexpected } from "./http";
import { INSTRUCTIONS } from "./mcp/server";
import { handleMcp } from "./mcp/transport";
import { decideConsent, showConsent } from "./oauth/authorize";
import { finishSignIn } from "./oauth/callback";
import { frontDoor } from "./oauth/front-door";
import { invalidToken, withChallengeBody } from "./oauth/challenge";
import { openGrant, type GrantProps } from "./oauth/grant";
import { helpersFor, MCP_PATH, providerFor } from "./oauth/provider";
import { guardTokenRequest } from "./oauth/token-guard";
import { refuseRebinding } from "./rebinding";
import { SealError } from "./store/seal";
import { isLoopback } from "./url-policy";
import { SERVER_INFO } from "./version";

/** What the provider sets for its apiHandler: the grant's props and the verified token. */
type Ctx = ExecutionContext & { props?: GrantProps; auth?: OAuthResourceAuth };

const router = AutoRouter<IRequest, [ProviderEnv, Ctx]>({
  before: [preflight],
  catch: renderUnexpected,
  finally: [corsify],
});

router.get("/health", (_request, env) => health(env));
router.get("/oauth/authorize", (request, env) => showConsent(request, env));
router.post("/oauth/authorize", (request, env) => decideConsent(request, env));
router.get("/oauth/callback", (request, env) => finishSignIn(request, env));
router.all(`${MCP_PATH}`, (request, env, ctx) => serveMcp(request, env, ctx));
// POST / is MCP (base-url.ts aliases it to /mcp before routing); anything else there is a 405.
router.all("/", (_request, env) => describeBaseUrl(env.CONFIG.origin));

/** Reached only through the provider's apiRoute, i.e. with a valid token and the grant's props. */
async function serveMcp(request: IRequest, env: ProviderEnv, ctx: Ctx): Promise<Response> {
  const config = env.CONFIG;
  const props = ctx.props;
  if (!props) return invalidToken(config.origin, "Missing grant"); // fail closed
  try {
    return await handleMcp(request, {
      info: SERVER_INFO,
      instructions: INSTRUCTIONS,
      selfOrigin: config.origin,
      extraOrigins: config.allowedOrigins,
      strictVersionHeader: config.strictVersionHeader,
      // Only tools/call opens the sealed Attio token.
      context: async () => {
        const grant = await openGrant(props, config.encryptionKey);
        const attio = createAttio({ baseUrl: config.apiBase, token: grant.attioToken });
        return {
          attio,
          workspaceId: grant.workspaceId,
          workspaceSlug: grant.workspaceSlug,
          memberId: grant.memberId,
          serverVersion: SERVER_INFO.version,
        };
      },
    });
  } catch (error) {
    if (error instanceof AttioError && error.isUnauthorized) {
      // Attio tokens never expire and have no refresh (https://docs.attio.com/docs/oauth/token), so a 401
      // means the app was revoked or uninstalled: this grant can never work again.
      const token = ctx.auth ? await env.OAUTH_PROVIDER.unwrapToken(ctx.auth.token) : null;
      if (token) await env.OAUTH_PROVIDER.revokeGrant(token.grantId, token.userId);
      return invalidToken(config.origin, "Attio no longer accepts this connection; sign in again");
    }
    if (error instanceof SealError) {
      console.error(error.message);
      return invalidToken(config.origin, error.message);
    }
    throw error;
  }
}

/** Never a secret's value: settings are named, with what is wrong and how to fix it. */
function health(env: Env): Response {
  const checked = readConfig(env, "http://localhost/");
  const info = { name: SERVER_INFO.name, version: SERVER_INFO.version };
  if (!checked.ok) return Response.json({ status: "misconfigured", ...info, problems: checked.error }, { status: 503 });
  return Response.json({ status: "ok", ...info });
}

const handler = {
  fetch: (request: Request, env: ProviderEnv, ctx: ExecutionContext) => router.fetch(request, env, ctx),
};

async function fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  const url = new URL(request.url);
  const rebound = refuseRebinding(request, env.WORKER_URL, readAllowedOrigins(env));
  if (rebound) return rebound;
  // Preflights and /health need no configuration; http.ts owns the CORS policy for every path.
  if (request.method === "OPTIONS" || url.pathname === "/health") return router.fetch(request, env as ProviderEnv, ctx);
  const checked = readConfig(env, request.url);
  if (!checked.ok) {
    console.error(describeProblems(checked.error));
    const body = {
      error: "server_error",
      error_description: describeProblems(checked.error),
      problems: checked.error,
    };
    return corsify(Response.json(body, { status: 503, headers: { "Cache-Control": "no-store" } }), request as IRequest);
  }
  const config = checked.value;
  if (url.protocol === "http:" && config.origin === url.origin && !isLoopback(url.hostname)) {
    // No WORKER_URL and a plain-http request to a public host: OAuth needs https (the library
    // refuses an http issuer there), so send the client to the same URL over https.
    return Response.redirect(`https://${url.host}${url.pathname}${url.search}`, 308);
  }
  const admitted = await frontDoor(request, env, url.pathname);
  if (admitted instanceof Response) return corsify(admitted, request as IRequest);
  request = admitted;
  // The library hard-codes env.OAUTH_KV; our binding keeps the name the deploy steps promise.
  const providerEnv = { ...env, OAUTH_KV: env.TOKEN_STORE, CONFIG: config } as ProviderEnv;
  const provider = providerFor(config.origin, handler);
  const send = (forwarded: Request) => provider.fetch(forwarded, providerEnv, ctx);
  const forwarded = await toProviderRequest(request, config.origin);
  const response =
    url.pathname === "/oauth/token" && request.method === "POST"
      ? await guardTokenRequest(
          forwarded,
          { kv: env.TOKEN_STORE, oauth: helpersFor(config.origin, handler, providerEnv), config },
          send,
        )
      : await send(forwarded);
  return withChallengeBody(await toClientResponse(request, response, config.origin));
}

export default { fetch } satisfies ExportedHandler<Env>;
