// A full sign-in against a running Worker over plain HTTP, as a client and its browser would:
// register (RFC 7591), PKCE, the consent page (cookies kept), the Attio pages (the sandbox
// approves by itself), our callback, the token endpoint. Returns an access token for /mcp.
const REDIRECT = "http://127.0.0.1:9/callback";

function b64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64url");
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((line) => line.split(";")[0]!);
}

function location(response: Response, step: string): string {
  const value = response.headers.get("location");
  if (!value) throw new Error(`${step}: expected a redirect, got HTTP ${response.status}`);
  return value;
}

export async function signInOverHttp(origin: string): Promise<string> {
  const call = (url: string, init?: RequestInit) => fetch(url, { redirect: "manual", ...init });
  const registered = await call(`${origin}/oauth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      redirect_uris: [REDIRECT],
      client_name: "http sign-in",
      token_endpoint_auth_method: "none",
    }),
  });
  const { client_id } = (await registered.json()) as { client_id: string };
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = b64url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
  const query = new URLSearchParams({
    response_type: "code",
    client_id,
    redirect_uri: REDIRECT,
    code_challenge: challenge,
    code_challenge_method: "S256",
    state: "s",
    resource: `${origin}/mcp`,
  });
  const consent = await call(`${origin}/oauth/authorize?${query}`);
  const cookies = cookiesOf(consent);
  const handle = /name="handle" value="([^"]+)"/.exec(await consent.text())?.[1];
  if (!handle) throw new Error(`consent page: HTTP ${consent.status}, no form`);
  const approve = await call(`${origin}/oauth/authorize`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ handle, decision: "approve" }),
  });
  cookies.push(...cookiesOf(approve));
  const attio = await call(location(approve, "consent"));
  const back = await call(location(attio, "Attio authorize"), { headers: { cookie: cookies.join("; ") } });
  const code = new URL(location(back, "callback")).searchParams.get("code");
  if (!code) throw new Error("callback: no code");
  const tokens = await call(`${origin}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT,
      client_id,
      code_verifier: verifier,
    }),
  });
  const { access_token } = (await tokens.json()) as { access_token?: string };
  if (!access_token) throw new Error(`token: HTTP ${tokens.status}`);
  return access_token;
}

/** One JSON-RPC call to /mcp with a bearer token (legacy era, no session). */
export async function mcpCall(origin: string, token: string, method: string, params: object = {}): Promise<Response> {
  return fetch(`${origin}/mcp`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
}
