// OAuthProvider options: endpoints, token lifetimes, the /mcp resource, DCR and CIMD. One
// provider per public origin (WORKER_URL, else the request's), built once per isolate.
import { getOAuthApi, OAuthProvider, type OAuthHelpers } from "@cloudflare/workers-oauth-provider";
import type { ProviderEnv } from "../env";
import { installStrictDocumentFetch } from "./cimd-fetch";
import { refuseClientMetadata } from "./client-metadata";

/** OAuth 2.1 §7.1 / MCP authorization "Token Theft": short-lived access tokens. */
const ACCESS_TOKEN_TTL = 3600;
/** A grant lives 30 days after its last refresh; Attio tokens never expire, Attio 401 revokes sooner. */
const REFRESH_TOKEN_TTL = 30 * 24 * 3600;
/** Dynamically registered clients expire after 90 days unused (the library renews them while in use). */
const CLIENT_REGISTRATION_TTL = 90 * 24 * 3600;

export const MCP_PATH = "/mcp";

/** The protected resource: exactly what users type, no trailing slash (RFC 9728 §2, MCP 2025-11-25 "Canonical Server URI"). */
export function resourceFor(origin: string): string {
  return `${origin}${MCP_PATH}`;
}

/** RFC 9728 §3.1: the path-inserted metadata URL for `<origin>/mcp`. */
export function resourceMetadataUrl(origin: string): string {
  return `${origin}/.well-known/oauth-protected-resource${MCP_PATH}`;
}

type Handler = ExportedHandler<ProviderEnv> & { fetch: NonNullable<ExportedHandler<ProviderEnv>["fetch"]> };

const providers = new Map<string, OAuthProvider<ProviderEnv>>();
const MAX_CACHED = 8;

export function providerFor(origin: string, handler: Handler): OAuthProvider<ProviderEnv> {
  let provider = providers.get(origin);
  if (!provider) {
    installStrictDocumentFetch();
    if (providers.size >= MAX_CACHED) providers.clear();
    provider = new OAuthProvider<ProviderEnv>(options(origin, handler));
    providers.set(origin, provider);
  }
  return provider;
}

/** The library's helpers outside its default handler (the token guard ends grants with them). */
export function helpersFor(origin: string, handler: Handler, env: ProviderEnv): OAuthHelpers {
  return getOAuthApi(options(origin, handler), env);
}

function options(origin: string, handler: Handler): ConstructorParameters<typeof OAuthProvider<ProviderEnv>>[0] {
  return {
    // /mcp and its descendants need our bearer token; everything else goes to the router.
    apiRoute: resourceFor(origin),
    apiHandler: handler,
    defaultHandler: handler,
    authorizeEndpoint: `${origin}/oauth/authorize`,
    tokenEndpoint: `${origin}/oauth/token`,
    clientRegistrationEndpoint: `${origin}/oauth/register`,
    accessTokenTTL: ACCESS_TOKEN_TTL,
    refreshTokenTTL: REFRESH_TOKEN_TTL,
    refreshTokenIdleTTL: REFRESH_TOKEN_TTL,
    clientRegistrationTTL: CLIENT_REGISTRATION_TTL,
    // draft-ietf-oauth-client-id-metadata-document: Claude and ChatGPT may use an https client_id
    // document instead of DCR; needs the global_fetch_strictly_public flag (SSRF protection).
    clientIdMetadataDocumentEnabled: true,
    resourceMetadata: {
      resource: resourceFor(origin),
      authorization_servers: [origin],
      bearer_methods_supported: ["header"],
      resource_name: "Attio",
    },
    // RFC 7591 §3.2.2: refuse metadata this server will not store or show (oauth/client-metadata.ts).
    clientRegistrationCallback: ({ clientMetadata }) => refuseClientMetadata(clientMetadata),
    onError: ({ code, status, internal }) => {
      // Never the description or the request: either could carry client input.
      console.warn(`oauth ${status} ${code}: ${internal.category}/${internal.reason}`);
    },
  };
}
