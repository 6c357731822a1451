// The sign-in flow as a test plays it: a tiny cookie-keeping "browser", DCR, PKCE, our consent
// page, the sandbox's Attio pages and our token endpoint, each step callable on its own.
import { SELF } from "cloudflare:test";
import { WORKER } from "../helpers";

export type Send = (url: string, init?: RequestInit) => Promise<Response>;

/** Reaches the Worker through SELF, anything else (the sandbox) over real HTTP. */
export const viaSelf: Send = (url, init) => (url.startsWith(WORKER) ? SELF.fetch(url, init) : fetch(url, init));

export const CLIENT_REDIRECT = "https://client.example/callback";
export const RESOURCE = `${WORKER}/mcp`;

/** Keeps cookies per origin, as a browser would for the __Host- consent and upstream cookies. */
export class Browser {
  readonly jar = new Map<string, Map<string, string>>();

  constructor(private readonly send: Send = viaSelf) {}

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const origin = new URL(url).origin;
    const cookies = this.jar.get(origin) ?? new Map<string, string>();
    const headers = new Headers(init.headers);
    if (cookies.size > 0) headers.set("cookie", [...cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await this.send(url, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired) cookies.delete(name);
      else cookies.set(name, pair!.slice(eq + 1).trim());
    }
    this.jar.set(origin, cookies);
    return response;
  }

  cookieNames(origin = WORKER): string[] {
    return [...(this.jar.get(origin)?.keys() ?? [])];
  }
}

export async function pkce(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  return { verifier, challenge: base64url(digest) };
}

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** RFC 7591 registration of a public client (what Claude and ChatGPT send). */
export async function register(
  redirectUris: string[] = [CLIENT_REDIRECT],
  extra: Record<string, unknown> = {},
  send: Send = viaSelf,
): Promise<Response> {
  return send(`${WORKER}/oauth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      redirect_uris: redirectUris,
      client_name: "Test client",
      token_endpoint_auth_method: "none",
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      ...extra,
    }),
  });
}

export async function registerClient(
  redirectUris: string[] = [CLIENT_REDIRECT],
  send: Send = viaSelf,
): Promise<string> {
  const response = await register(redirectUris, {}, send);
  if (response.status !== 201) throw new Error(`registration failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { client_id: string }).client_id;
}

export interface AuthorizeParams {
  client_id: string;
  redirect_uri?: string;
  code_challenge?: string;
  code_challenge_method?: string;
  state?: string;
  resource?: string;
  response_type?: string;
  scope?: string;
}

export function authorizeUrl(params: AuthorizeParams): string {
  const url = new URL(`${WORKER}/oauth/authorize`);
  const full = {
    response_type: "code",
    redirect_uri: CLIENT_REDIRECT,
    state: "client-state",
    code_challenge_method: "S256",
    resource: RESOURCE,
    ...params,
  };
  for (const [key, value] of Object.entries(full)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

/** The consent page's hidden handle (the page is ours; the test reads it like a browser would). */
export function consentHandle(html: string): string {
  const match = /name="handle" value="([^"]+)"/.exec(html);
  if (!match) throw new Error(`no consent form in: ${html.slice(0, 300)}`);
  return match[1]!;
}

export function postConsent(
  browser: Browser,
  handle: string,
  decision: "approve" | "deny" = "approve",
): Promise<Response> {
  return browser.fetch(`${WORKER}/oauth/authorize`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ handle, decision }).toString(),
  });
}

export interface Authorized {
  browser: Browser;
  clientId: string;
  verifier: string;
  redirectUri: string;
  /** Where the Worker finally sent the browser: the client's redirect URI with code, state, iss. */
  redirect: URL;
  code: string;
}

export interface AtCallback {
  browser: Browser;
  clientId: string;
  verifier: string;
  redirectUri: string;
  /** Our /oauth/callback with Attio's code and our state, not yet visited. */
  callback: string;
}

/** Client → consent (approved) → Attio (the sandbox approves by itself), stopping at our callback. */
export async function toCallback(
  options: { clientId?: string; redirectUri?: string; browser?: Browser; send?: Send; attioQuery?: string } = {},
): Promise<AtCallback> {
  const send = options.send ?? viaSelf;
  const browser = options.browser ?? new Browser(send);
  const redirectUri = options.redirectUri ?? CLIENT_REDIRECT;
  const clientId = options.clientId ?? (await registerClient([redirectUri], send));
  const { verifier, challenge } = await pkce();
  const page = await browser.fetch(
    authorizeUrl({ client_id: clientId, redirect_uri: redirectUri, code_challenge: challenge }),
  );
  if (page.status !== 200) throw new Error(`authorize: ${page.status} ${await page.text()}`);
  const toAttio = await postConsent(browser, consentHandle(await page.text()));
  const back = await browser.fetch(expectRedirect(toAttio) + (options.attioQuery ?? ""));
  return { browser, clientId, verifier, redirectUri, callback: expectRedirect(back) };
}

/** The whole browser part: our callback redirects to the client with our code, state and iss. */
export async function authorize(options: Parameters<typeof toCallback>[0] = {}): Promise<Authorized> {
  const at = await toCallback(options);
  const callback = await at.browser.fetch(at.callback);
  const redirect = new URL(expectRedirect(callback));
  const code = redirect.searchParams.get("code");
  if (!code) throw new Error(`no code: ${redirect}`);
  return {
    browser: at.browser,
    clientId: at.clientId,
    verifier: at.verifier,
    redirectUri: at.redirectUri,
    redirect,
    code,
  };
}

export function expectRedirect(response: Response): string {
  const location = response.headers.get("location");
  if (response.status !== 302 || !location) throw new Error(`expected a 302, got ${response.status}`);
  return location;
}

export function tokenRequest(params: Record<string, string>, send: Send = viaSelf): Promise<Response> {
  return send(`${WORKER}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(params).toString(),
  });
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: string;
  scope: string;
  resource: string;
}

export async function redeem(authorized: Authorized, send: Send = viaSelf): Promise<Tokens> {
  const response = await tokenRequest(
    {
      grant_type: "authorization_code",
      code: authorized.code,
      redirect_uri: authorized.redirectUri,
      client_id: authorized.clientId,
      code_verifier: authorized.verifier,
      resource: RESOURCE,
    },
    send,
  );
  if (response.status !== 200) throw new Error(`token: ${response.status} ${await response.text()}`);
  return response.json();
}

/** The whole flow: a fresh client signs in and gets tokens. */
export async function signInFully(
  options: Parameters<typeof authorize>[0] = {},
): Promise<Authorized & { tokens: Tokens }> {
  const authorized = await authorize(options);
  return { ...authorized, tokens: await redeem(authorized, options.send) };
}
