// The attack table: each attempt is refused with the OAuth error the RFCs name, and nothing is
// issued (no new grant or access token in KV, no token in the response, no Attio exchange).
import { SELF } from "cloudflare:test";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WORKER, legacy, post, sandbox } from "../helpers";
import {
  Browser,
  CLIENT_REDIRECT,
  RESOURCE,
  authorize,
  authorizeUrl,
  consentHandle,
  pkce,
  postConsent,
  redeem,
  registerClient,
  signInFully,
  toCallback,
  tokenRequest,
  type Authorized,
} from "./flow";
import { issued, keys, store } from "./kv";

// Files share one sandbox: start from its seed, with no faults or revocations left by others.
beforeAll(() => sandbox.reset());

type Outcome =
  | { kind: "json"; status: number; error: string } // token endpoint / resource server
  | { kind: "redirect"; error: string; to: string } // error sent back to a validated loopback redirect URI
  | { kind: "link"; error: string } // our page; the validated redirect URI only as a link the user may follow
  | { kind: "page"; status: number }; // rendered locally, never redirected

interface Attack {
  name: string;
  rfc: string;
  /** Calls `mark()` right before the refused request, after any legitimate setup. */
  attack: (mark: () => Promise<void>) => Promise<Response>;
  expected: Outcome;
}

const codeParams = (a: Authorized, overrides: Record<string, string | undefined> = {}) => {
  const params: Record<string, string> = {};
  const all = {
    grant_type: "authorization_code",
    code: a.code,
    redirect_uri: a.redirectUri,
    client_id: a.clientId,
    code_verifier: a.verifier,
    resource: RESOURCE,
    ...overrides,
  };
  for (const [key, value] of Object.entries(all)) if (value !== undefined) params[key] = value;
  return params;
};

/** An authorization request that should fail before any consent page is shown. */
async function authorizeWith(
  params: Partial<Parameters<typeof authorizeUrl>[0]>,
  redirectUris = [CLIENT_REDIRECT],
): Promise<Response> {
  const clientId = await registerClient(redirectUris);
  const { challenge } = await pkce();
  return new Browser().fetch(authorizeUrl({ client_id: clientId, code_challenge: challenge, ...params }));
}

const attacks: Attack[] = [
  {
    name: "token request without the PKCE verifier",
    rfc: "OAuth 2.1 §4.1.3, RFC 6749 §5.2: a required parameter is missing",
    attack: async (mark) => {
      const a = await authorize();
      await mark();
      return tokenRequest(codeParams(a, { code_verifier: undefined }));
    },
    expected: { kind: "json", status: 400, error: "invalid_request" },
  },
  {
    name: "token request with the wrong PKCE verifier",
    rfc: "RFC 7636 §4.6",
    attack: async (mark) => {
      const a = await authorize();
      const other = (await pkce()).verifier;
      await mark();
      return tokenRequest(codeParams(a, { code_verifier: other }));
    },
    expected: { kind: "json", status: 400, error: "invalid_grant" },
  },
  {
    name: "authorization request with plain PKCE",
    rfc: "OAuth 2.1 §4.1.1 (S256 only), MCP authorization",
    attack: async () => {
      const verifier = (await pkce()).verifier;
      return authorizeWith({ code_challenge: verifier, code_challenge_method: "plain" });
    },
    expected: { kind: "link", error: "invalid_request" },
  },
  {
    name: "authorization request without PKCE",
    rfc: "OAuth 2.1 §4.1.1: public clients MUST use PKCE",
    attack: () => authorizeWith({ code_challenge: undefined, code_challenge_method: undefined }),
    expected: { kind: "link", error: "invalid_request" },
  },
  {
    name: "self-registered client's error with an attacker's state (open redirect)",
    rfc: "RFC 9700 §4.11.2: no automatic redirect to a URI nobody vetted",
    attack: () => authorizeWith({ response_type: "token", state: "<attacker-chosen>" }),
    expected: { kind: "link", error: "unsupported_response_type" },
  },
  {
    name: "loopback client's authorization error",
    rfc: "RFC 8252 §7.3 + RFC 6749 §4.1.2.1: an app on this machine still gets its redirect",
    attack: () =>
      authorizeWith({ redirect_uri: "http://127.0.0.1:7777/cb", code_challenge: undefined }, ["http://127.0.0.1/cb"]),
    expected: { kind: "redirect", error: "invalid_request", to: "http://127.0.0.1:7777/cb" },
  },
  {
    name: "redirect URI that was never registered",
    rfc: "OAuth 2.1 §4.1.2.1: never redirect to an unverified URI",
    attack: () => authorizeWith({ redirect_uri: "https://attacker.example/callback" }),
    expected: { kind: "page", status: 400 },
  },
  {
    name: "registered https redirect URI on another port",
    rfc: "OAuth 2.1 §2.3.1: exact string match (loopback only ignores the port)",
    attack: () => authorizeWith({ redirect_uri: "https://client.example:8443/callback" }),
    expected: { kind: "page", status: 400 },
  },
  {
    name: "changed redirect URI at the token step",
    rfc: "RFC 6749 §4.1.3",
    attack: async (mark) => {
      const a = await authorize();
      await mark();
      return tokenRequest(codeParams(a, { redirect_uri: "https://client.example/other" }));
    },
    expected: { kind: "json", status: 400, error: "invalid_grant" },
  },
  {
    name: "foreign resource at authorize",
    rfc: "RFC 8707 §2",
    attack: () => authorizeWith({ resource: "https://evil.example/mcp" }),
    expected: { kind: "link", error: "invalid_target" },
  },
  {
    name: "foreign resource at the token step",
    rfc: "RFC 8707 §2.2",
    attack: async (mark) => {
      const a = await authorize();
      await mark();
      return tokenRequest(codeParams(a, { resource: "https://evil.example/mcp" }));
    },
    expected: { kind: "json", status: 400, error: "invalid_target" },
  },
  {
    name: "code redeemed by another client",
    rfc: "RFC 6749 §4.1.3: the code is bound to its client",
    attack: async (mark) => {
      const a = await authorize();
      const other = await registerClient();
      await mark();
      return tokenRequest(codeParams(a, { client_id: other }));
    },
    expected: { kind: "json", status: 400, error: "invalid_grant" },
  },
  {
    name: "forged state at the callback",
    rfc: "RFC 6749 §10.12, MCP security best practices (state)",
    attack: async () => {
      const at = await toCallback();
      const forged = new URL(at.callback);
      forged.searchParams.set("state", "forged-state-value");
      return at.browser.fetch(forged.toString());
    },
    expected: { kind: "page", status: 400 },
  },
  {
    name: "expired state at the callback (KV dropped it after 600 s)",
    rfc: "MCP security best practices: short-lived state",
    attack: async () => {
      const at = await toCallback();
      // Expiry is KV's expirationTtl (600 s); deleting the records is exactly what expiry does.
      for (const key of await keys("transaction:")) await store().delete(key);
      return at.browser.fetch(at.callback);
    },
    expected: { kind: "page", status: 400 },
  },
  {
    name: "state replayed at the callback",
    rfc: "MCP security best practices: single-use state",
    attack: async (mark) => {
      const at = await toCallback();
      await at.browser.fetch(at.callback);
      await mark();
      return at.browser.fetch(at.callback);
    },
    expected: { kind: "page", status: 400 },
  },
  {
    name: "state used from another browser (stolen Attio code)",
    rfc: "MCP security best practices: state bound to the user agent",
    attack: async () => new Browser().fetch((await toCallback()).callback),
    expected: { kind: "page", status: 400 },
  },
  {
    name: "consent POST without the CSRF handle",
    rfc: "MCP security best practices: CSRF-protected consent",
    attack: async () => {
      const browser = new Browser();
      const { challenge } = await pkce();
      await browser.fetch(authorizeUrl({ client_id: await registerClient(), code_challenge: challenge }));
      return postConsent(browser, "");
    },
    expected: { kind: "page", status: 400 },
  },
  {
    name: "consent POST from another site (handle, but no __Host- cookie)",
    rfc: "MCP security best practices: consent cookie bound to the client",
    attack: async () => {
      const { challenge } = await pkce();
      const page = await new Browser().fetch(
        authorizeUrl({ client_id: await registerClient(), code_challenge: challenge }),
      );
      return postConsent(new Browser(), consentHandle(await page.text()));
    },
    expected: { kind: "page", status: 400 },
  },
  {
    name: "access token used after its grant was revoked",
    rfc: "RFC 7009 §2, RFC 6750 §3.1",
    attack: async (mark) => {
      const { tokens, clientId } = await signInFully();
      const revoked = await tokenRequest({
        token: tokens.refresh_token,
        token_type_hint: "refresh_token",
        client_id: clientId,
      });
      expect(revoked.status).toBe(200);
      await mark();
      return post(legacy({ method: "tools/list" }), { auth: tokens.access_token });
    },
    expected: { kind: "json", status: 401, error: "invalid_token" },
  },
  {
    name: "refresh token used after its grant was revoked",
    rfc: "RFC 7009 §2.1: revoking a refresh token revokes the grant",
    attack: async (mark) => {
      const { tokens, clientId } = await signInFully();
      await tokenRequest({ token: tokens.refresh_token, token_type_hint: "refresh_token", client_id: clientId });
      await mark();
      return tokenRequest({ grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: clientId });
    },
    expected: { kind: "json", status: 400, error: "invalid_grant" },
  },
  {
    name: "refresh token presented by another client",
    rfc: "RFC 6749 §6: the refresh token is bound to its client",
    attack: async (mark) => {
      const { tokens } = await signInFully();
      const other = await registerClient();
      await mark();
      return tokenRequest({ grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: other });
    },
    expected: { kind: "json", status: 400, error: "invalid_grant" },
  },
  {
    name: "an Attio token presented as bearer",
    rfc: "MCP authorization: accept only tokens issued for this resource (no passthrough)",
    attack: async (mark) => {
      await sandbox.clearRequests();
      await signInFully();
      const attioToken = (await sandbox.requests())
        .find((r) => r.path === "/v2/self")!
        .headers.authorization!.replace(/^Bearer /, "");
      expect(attioToken.length).toBeGreaterThan(0);
      await mark();
      return post(legacy({ method: "tools/list" }), { auth: attioToken });
    },
    expected: { kind: "json", status: 401, error: "invalid_token" },
  },
  {
    name: "tampered access token",
    rfc: "RFC 6750 §3.1",
    attack: async (mark) => {
      const { tokens } = await signInFully();
      const last = tokens.access_token.at(-1) === "A" ? "B" : "A";
      await mark();
      return post(legacy({ method: "tools/list" }), { auth: tokens.access_token.slice(0, -1) + last });
    },
    expected: { kind: "json", status: 401, error: "invalid_token" },
  },
];

describe("attack table", () => {
  beforeEach(() => sandbox.clearRequests());

  it.each(attacks)("$name is refused ($rfc)", async ({ attack, expected }) => {
    let before = await issued();
    const response = await attack(async () => {
      before = await issued();
    });
    const after = await issued();

    if (expected.kind === "json") {
      expect(response.status).toBe(expected.status);
      const body: any = await response.json();
      expect(body.error).toBe(expected.error);
      expect(body.access_token).toBeUndefined();
      expect(body.refresh_token).toBeUndefined();
      if (expected.status === 401) expect(response.headers.get("www-authenticate")).toContain(`error="invalid_token"`);
    } else if (expected.kind === "redirect") {
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get("location")!);
      expect(`${location.origin}${location.pathname}`).toBe(expected.to);
      expect(location.searchParams.get("error")).toBe(expected.error);
      expect(location.searchParams.get("iss")).toBe(WORKER); // RFC 9207 on errors too
      expect(location.searchParams.get("code")).toBeNull();
    } else if (expected.kind === "link") {
      expect(response.status).toBe(400);
      expect(response.headers.get("location")).toBeNull();
      const html = await response.text();
      expect(html).toContain(`Return to ${new URL(CLIENT_REDIRECT).host}`);
      const href = /<a href="([^"]+)"/.exec(html)![1]!.replace(/&#38;/g, "&");
      const link = new URL(href);
      expect(`${link.origin}${link.pathname}`).toBe(CLIENT_REDIRECT);
      expect(link.searchParams.get("error")).toBe(expected.error);
      expect(link.searchParams.get("iss")).toBe(WORKER);
    } else {
      expect(response.status).toBe(expected.status);
      expect(response.headers.get("location")).toBeNull();
      expect(response.headers.get("content-type")).toContain("text/html");
    }
    // Nothing issued by the refused request: no new grant, no new access token.
    expect(after.grants).toBeLessThanOrEqual(before.grants);
    expect(after.tokens).toBeLessThanOrEqual(before.tokens);
  });
});

describe("code replay", () => {
  it("a second redemption is invalid_grant and revokes what the first issued", async () => {
    const authorized = await authorize();
    const first = await redeem(authorized);
    const replay = await tokenRequest(codeParams(authorized));
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as any).error).toBe("invalid_grant");
    // RFC 6749 §4.1.2 / OAuth 2.1 §4.1.3: tokens issued from a replayed code are revoked.
    const mcp = await post(legacy({ method: "tools/list" }), { auth: first.access_token });
    expect(mcp.status).toBe(401);
    const refresh = await tokenRequest({
      grant_type: "refresh_token",
      refresh_token: first.refresh_token,
      client_id: authorized.clientId,
    });
    expect(refresh.status).toBe(400);
  });

  it("a forged state never reaches Attio's token endpoint", async () => {
    await sandbox.clearRequests();
    const at = await toCallback();
    const forged = new URL(at.callback);
    forged.searchParams.set("state", "x");
    expect((await at.browser.fetch(forged.toString())).status).toBe(400);
    expect((await sandbox.requests()).some((r) => r.path === "/oauth/token")).toBe(false);
    expect((await SELF.fetch(`${WORKER}/health`)).status).toBe(200);
  });
});
