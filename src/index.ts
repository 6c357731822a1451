// The Worker's table of contents: every route it serves and the stages around them.
// OAuthProvider fronts everything: it serves discovery, /oauth/register and /oauth/token itself,
// authenticates /mcp, and hands the rest to the router below.
import type { OAuthResourceAuth } from "@cloudflare/workers-oauth-provider";
import { AutoRouter, type IRequest } from "itty-router";
import { createAttio } from "./attio/client";
import { describeBaseUrl, toClientResponse, toProviderRequest } from "./base-url";
import { describeProblems, readAllowedOrigins, readConfig } from "./config";
import type { Env, ProviderEnv } from "./env";
import { healthResponse } from "./health";
import { landingPage, pointToMcp, wantsHtml } from "./landing";
import { corsify, finishResponse, preflight, renderUnexpected } from "./http";
import { attachLog, RequestLog } from "./log";
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
import { SignInAgain } from "./sign-in-again";
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

router.get("/health", (_request, env) => healthResponse(env));
router.get("/oauth/authorize", (request, env) => showConsent(request, env));
router.post("/oauth/authorize", (request, env) => decideConsent(request, env));
router.get("/oauth/callback", (request, env) => finishSignIn(request, env));
router.all(`${MCP_PATH}`, (request, env, ctx) => serveMcp(request, env, ctx));
// A browser at the base URL gets the landing page (even before the deployment is configured).
router.get("/", (request, env) =>
  wantsHtml(request) ? landingPage(env, new URL(request.url), env.LOG.id) : undefined,
);
// POST / is MCP (base-url.ts aliases it to /mcp before routing); anything else there is a 405.
router.all("/", (_request, env) => describeBaseUrl(env.CONFIG.origin));
// /sse, /messages and every other unknown path: a 404 that names the MCP endpoint.
router.all("*", (request, env) => pointToMcp(request, env.CONFIG.origin));

/** Reached only through the provider's apiRoute, i.e. with a valid token and the grant's props. */
async function serveMcp(request: IRequest, env: ProviderEnv, ctx: Ctx): Promise<Response> {
  const config = env.CONFIG;
  const log = env.LOG;
  const props = ctx.props;
  if (!props) return invalidToken(config.origin, "Missing grant"); // fail closed
  log.set({ workspace_id: props.workspaceId, client_id: ctx.auth?.clientId });
  try {
    return await handleMcp(request, {
      info: SERVER_INFO,
      instructions: INSTRUCTIONS,
      selfOrigin: config.origin,
      extraOrigins: config.allowedOrigins,
      strictVersionHeader: config.strictVersionHeader,
      tools: config.tools.tools,
      requestId: log.id,
      observe: (fields) => log.set(fields),
      // Only tools/call opens the sealed Attio token.
      context: async () => {
        const grant = await openGrant(props, config.encryptionKey).catch((error: unknown) => {
          if (error instanceof SealError) throw new SignInAgain(error.message, false);
          throw error;
        });
        const attio = createAttio({
          baseUrl: config.apiBase,
          token: grant.attioToken,
          observe: (call, retried) => log.attioCall(call, retried),
        });
        return {
          attio,
          workspaceId: grant.workspaceId,
          workspaceSlug: grant.workspaceSlug,
          memberId: grant.memberId,
          serverVersion: SERVER_INFO.version,
          toolMode: { readOnly: config.tools.readOnly, count: config.tools.tools.length },
        };
      },
    });
  } catch (error) {
    if (!(error instanceof SignInAgain)) throw error;
    // The one handler for "this connection must sign in again" (sign-in-again.ts).
    log.set({ note: `sign in again, grant ${error.revokeGrant ? "revoked" : "kept"}: ${error.message}` });
    if (error.revokeGrant && ctx.auth) {
      // Attio tokens never expire and have no refresh (https://docs.attio.com/docs/oauth/token), so a 401
      // means the app was revoked or uninstalled: this grant can never work again.
      const token = await env.OAUTH_PROVIDER.unwrapToken(ctx.auth.token);
      if (token) await env.OAUTH_PROVIDER.revokeGrant(token.grantId, token.userId);
    }
    return invalidToken(config.origin, error.message);
  }
}

const handler = {
  fetch: (request: Request, env: ProviderEnv, ctx: ExecutionContext) => router.fetch(request, env, ctx),
};

/** Every request: served, given its request id, and logged in one line (log.ts). */
async function fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  const url = new URL(request.url);
  const log = new RequestLog(request.method, routeName(url.pathname));
  let response: Response;
  try {
    response = await serve(request, url, { ...env, LOG: log } as Env & Pick<ProviderEnv, "LOG">, ctx);
  } catch (error) {
    response = renderUnexpected(error, request, { LOG: log });
  }
  response = await finishResponse(response, log);
  log.write(response.status);
  return response;
}

const ROUTES = new Set([
  "/",
  MCP_PATH,
  "/health",
  "/oauth/authorize",
  "/oauth/callback",
  "/oauth/token",
  "/oauth/register",
  "/.well-known/oauth-authorization-server",
  "/.well-known/oauth-protected-resource",
  `/.well-known/oauth-protected-resource${MCP_PATH}`,
]);

/** Only our own route names reach the log; any other path (which a caller chose) is "other". */
function routeName(path: string): string {
  return ROUTES.has(path) ? path : "other";
}

async function serve(
  request: Request,
  url: URL,
  env: Env & Pick<ProviderEnv, "LOG">,
  ctx: ExecutionContext,
): Promise<Response> {
  const rebound = refuseRebinding(request, env.WORKER_URL, readAllowedOrigins(env));
  if (rebound) return rebound;
  // Preflights, /health and the landing page need no configuration; http.ts owns the CORS policy.
  const unconfigured = request.method === "OPTIONS" || url.pathname === "/health";
  if (unconfigured || (url.pathname === "/" && wantsHtml(request)))
    return router.fetch(request, env as ProviderEnv, ctx);
  const checked = readConfig(env, request.url);
  if (!checked.ok) {
    env.LOG.set({ problems: checked.error.map((p) => p.setting) });
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
  const send = (forwarded: Request) => provider.fetch(attachLog(forwarded, env.LOG), providerEnv, ctx);
  const forwarded = attachLog(await toProviderRequest(request, config.origin), env.LOG);
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
