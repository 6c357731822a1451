// The official MCP SDK client's side of OAuth, and the user's: an in-memory
// OAuthClientProvider, and a test "browser" that follows the redirects and posts our consent form.
import {
  Client,
  StreamableHTTPClientTransport,
  UnauthorizedError,
  type OAuthClientProvider,
  type OAuthDiscoveryState,
} from "@modelcontextprotocol/client";

type Stored<T extends keyof OAuthClientProvider> = OAuthClientProvider[T] extends (...args: never[]) => infer R
  ? Awaited<R>
  : never;

/** Keeps client registration, tokens and the PKCE verifier in memory, and records the redirect. */
export class MemoryOAuthProvider implements OAuthClientProvider {
  clientMetadataUrl?: string;
  authorizationUrl?: URL;
  savedTokens: NonNullable<Stored<"tokens">>[] = [];
  private client?: Stored<"clientInformation">;
  private verifier = "";
  private discovery?: OAuthDiscoveryState;

  constructor(
    readonly redirectUrl: string,
    options: { clientMetadataUrl?: string } = {},
  ) {
    if (options.clientMetadataUrl) this.clientMetadataUrl = options.clientMetadataUrl;
  }

  get clientMetadata() {
    return {
      client_name: "SDK e2e client",
      redirect_uris: [this.redirectUrl],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    };
  }

  clientInformation() {
    return this.client;
  }
  saveClientInformation(info: NonNullable<Stored<"clientInformation">>) {
    this.client = info;
  }
  tokens() {
    return this.savedTokens.at(-1);
  }
  saveTokens(tokens: NonNullable<Stored<"tokens">>) {
    this.savedTokens.push(tokens);
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
  /** SEP-2352: lets the SDK check the callback leg against the authorization server it discovered. */
  saveDiscoveryState(state: OAuthDiscoveryState) {
    this.discovery = state;
  }
  discoveryState() {
    return this.discovery;
  }
}

/**
 * The user in a browser: open the authorization URL, approve our consent page, pass through
 * Attio (the sandbox approves by itself) and stop at the client's redirect URI.
 */
async function playBrowser(authorizationUrl: URL, redirectUrl: string): Promise<URL> {
  const jar = new Map<string, Map<string, string>>();
  let next: { url: string; init?: RequestInit } = { url: authorizationUrl.toString() };
  for (let hop = 0; hop < 10; hop++) {
    if (next.url.startsWith(redirectUrl)) return new URL(next.url);
    const origin = new URL(next.url).origin;
    const cookies = jar.get(origin) ?? new Map<string, string>();
    const headers = new Headers(next.init?.headers);
    if (cookies.size > 0) headers.set("cookie", [...cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(next.url, { ...next.init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(";")[0]!;
      const eq = pair.indexOf("=");
      if (/max-age=0/i.test(line)) cookies.delete(pair.slice(0, eq));
      else cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    jar.set(origin, cookies);
    const location = response.headers.get("location");
    if (response.status === 302 && location) {
      next = { url: new URL(location, next.url).toString() };
      continue;
    }
    const html = await response.text();
    const handle = /name="handle" value="([^"]+)"/.exec(html)?.[1];
    if (response.status !== 200 || !handle)
      throw new Error(`browser stuck at ${next.url}: ${response.status} ${html.slice(0, 200)}`);
    next = {
      url: `${origin}/oauth/authorize`,
      init: {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ handle, decision: "approve" }).toString(),
      },
    };
  }
  throw new Error("too many redirects");
}

/** Connects; on 401 the SDK runs discovery, registration (or CIMD) and PKCE, then we sign in. */
export async function connectWithSignIn(serverUrl: string, provider: MemoryOAuthProvider): Promise<Client> {
  const first = new StreamableHTTPClientTransport(new URL(serverUrl), { authProvider: provider });
  try {
    return await connect(first);
  } catch (error) {
    if (!(error instanceof UnauthorizedError) || !provider.authorizationUrl) throw error;
  }
  const callback = await playBrowser(provider.authorizationUrl, provider.redirectUrl);
  await first.finishAuth(callback.searchParams); // checks iss (RFC 9207), redeems the code with the verifier
  return connect(new StreamableHTTPClientTransport(new URL(serverUrl), { authProvider: provider }));
}

export async function connect(transport: StreamableHTTPClientTransport): Promise<Client> {
  const client = new Client({ name: "attio-e2e", version: "1.0.0" });
  await client.connect(transport);
  return client;
}
