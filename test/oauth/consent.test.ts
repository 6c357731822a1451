// The consent page and the legs around it: what the page shows and forbids, Deny, Attio's
// answer at the callback, and which workspace the grant names.
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_BINDINGS } from "../bindings";
import { WORKER, attioBase, legacy, post, sandbox } from "../helpers";
import {
  Browser,
  CLIENT_REDIRECT,
  authorize,
  authorizeUrl,
  consentHandle,
  expectRedirect,
  pkce,
  postConsent,
  register,
  registerClient,
  signInFully,
  toCallback,
  tokenRequest,
} from "./flow";
import { keys } from "./kv";

// Files share one sandbox: start from its seed, with no faults or revocations left by others.
beforeAll(() => sandbox.reset());

async function consentFor(clientId: string, redirectUri = CLIENT_REDIRECT) {
  const browser = new Browser();
  const { challenge } = await pkce();
  const page = await browser.fetch(
    authorizeUrl({ client_id: clientId, redirect_uri: redirectUri, code_challenge: challenge }),
  );
  return { browser, page, html: await page.text() };
}

describe("consent page", () => {
  it("names the client and its redirect URI, says Attio access is granted, and cannot be framed or cached", async () => {
    const { page, html } = await consentFor(await registerClient());
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("cache-control")).toContain("no-store");
    expect(html).toContain("Test client");
    expect(html).toContain(CLIENT_REDIRECT);
    expect(html).toContain("Attio workspace");
    expect(html).not.toContain("<script");
    expect(html).toMatch(/<form method="post" action="\/oauth\/authorize">/);
  });

  it("binds the form to this browser with a __Host- cookie (Secure, HttpOnly, SameSite=Lax)", async () => {
    const { page } = await consentFor(await registerClient());
    const cookie = page.headers.getSetCookie().find((c) => c.startsWith("__Host-"))!;
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
  });

  it("escapes everything the client chose", async () => {
    const evil = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const registered: any = await (await register([CLIENT_REDIRECT], { client_name: evil })).json();
    const { html } = await consentFor(registered.client_id);
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;");
  });

  it("leads with the host that will receive access, before the app's self-chosen name", async () => {
    const registered: any = await (
      await register(["https://receiver.example/cb"], { client_name: "Attio Official" })
    ).json();
    const { html } = await consentFor(registered.client_id, "https://receiver.example/cb");
    const heading = /<h1>(.*?)<\/h1>/s.exec(html)![1]!;
    expect(heading).toContain("receiver.example");
    expect(heading).not.toContain("Attio Official");
    expect(html.indexOf("receiver.example")).toBeLessThan(html.indexOf("Attio Official"));
    expect(html).toContain("not verified");
  });

  it("warns when access goes to an app on this computer", async () => {
    const registered: any = await (await register(["http://127.0.0.1/cb"], { application_type: "native" })).json();
    const { html } = await consentFor(registered.client_id, "http://127.0.0.1:7777/cb");
    expect(html).toContain("an app on this computer");
  });

  it("approving sends the browser to Attio's authorize URL with our client id, callback and a fresh state", async () => {
    const { browser, html } = await consentFor(await registerClient());
    const response = await postConsent(browser, consentHandle(html));
    const attio = new URL(expectRedirect(response));
    expect(attio.pathname).toBe("/authorize");
    expect(attio.searchParams.get("client_id")).toBe("sandbox-client-id");
    expect(attio.searchParams.get("response_type")).toBe("code");
    expect(attio.searchParams.get("redirect_uri")).toBe(`${WORKER}/oauth/callback`);
    expect(attio.searchParams.get("state")!.length).toBeGreaterThanOrEqual(32);
    expect(attio.searchParams.get("scope")).toBeNull(); // Attio takes no scope parameter
    expect(attio.searchParams.get("state")).not.toBe("client-state");
  });

  it("Deny returns access_denied with state and iss to the client, and the handle is spent", async () => {
    const { browser, html } = await consentFor(await registerClient());
    const handle = consentHandle(html);
    const denied = new URL(expectRedirect(await postConsent(browser, handle, "deny")));
    expect(`${denied.origin}${denied.pathname}`).toBe(CLIENT_REDIRECT);
    expect(denied.searchParams.get("error")).toBe("access_denied");
    expect(denied.searchParams.get("state")).toBe("client-state");
    expect(denied.searchParams.get("iss")).toBe(WORKER);
    expect((await postConsent(browser, handle)).status).toBe(400);
  });

  it.each([
    ["a JSON body", { "content-type": "application/json" }, '{"handle":"x","decision":"approve"}'],
    ["no body at all", {}, undefined],
  ])("a consent POST with %s is a 400 page, not a 500", async (_name, headers, body) => {
    const response = await new Browser().fetch(`${WORKER}/oauth/authorize`, { method: "POST", headers, body });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("location")).toBeNull();
  });

  it("an unknown client never sees a consent page", async () => {
    const { page } = await consentFor("no-such-client");
    expect(page.status).toBe(400);
    expect(page.headers.get("location")).toBeNull();
  });
});

describe("callback", () => {
  it("Attio's error sends access_denied (with iss) back to the client", async () => {
    const at = await toCallback();
    const callback = new URL(at.callback);
    callback.searchParams.delete("code");
    callback.searchParams.set("error", "access_denied");
    const back = new URL(expectRedirect(await at.browser.fetch(callback.toString())));
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(back.searchParams.get("iss")).toBe(WORKER);
    expect(back.searchParams.get("code")).toBeNull();
  });

  it("Attio's token endpoint hanging: the callback gives up and sends temporarily_unavailable; nothing is written", async () => {
    const at = await toCallback();
    const grants = await keys("grant:");
    await sandbox.fault({ mode: "hang", count: 1, path: "/oauth/token" });
    try {
      const answered = await Promise.race([
        at.browser.fetch(at.callback),
        new Promise<null>((done) => setTimeout(() => done(null), 15_000)),
      ]);
      expect(answered, "the callback was still waiting on Attio after 15 s").not.toBeNull();
      const back = new URL(expectRedirect(answered!));
      expect(`${back.origin}${back.pathname}`).toBe(CLIENT_REDIRECT);
      expect(back.searchParams.get("error")).toBe("temporarily_unavailable");
      expect(back.searchParams.get("state")).toBe("client-state");
      expect(back.searchParams.get("iss")).toBe(WORKER);
      expect(back.searchParams.get("code")).toBeNull();
      expect(await keys("grant:")).toEqual(grants);
      expect((await at.browser.fetch(at.callback)).status).toBe(400); // the state is spent: start again
    } finally {
      await sandbox.reset(); // releases the held-open request
    }
  }, 30_000);

  it.each([
    ["/v2/self", "500"],
    ["/v2/self", "429"],
    ["/oauth/token", "429"],
  ] as const)(
    "Attio's %s answering %s at the callback is temporarily_unavailable; no grant is written",
    async (path, mode) => {
      const at = await toCallback();
      const grants = await keys("grant:");
      await sandbox.fault({ mode, count: 5, path, retryAfterSeconds: 30 });
      try {
        const back = new URL(expectRedirect(await at.browser.fetch(at.callback)));
        expect(back.searchParams.get("error")).toBe("temporarily_unavailable");
        expect(back.searchParams.get("error_description")).not.toContain("ATTIO_CLIENT_SECRET");
        expect(back.searchParams.get("iss")).toBe(WORKER);
        expect(back.searchParams.get("code")).toBeNull();
        expect(await keys("grant:")).toEqual(grants);
      } finally {
        await sandbox.reset();
      }
    },
  );

  it("an Attio token that /v2/self could not identify is revoked at Attio, not left live", async () => {
    const at = await toCallback();
    await sandbox.clearRequests();
    await sandbox.fault({ mode: "500", count: 1, path: "/v2/self" });
    try {
      const back = new URL(expectRedirect(await at.browser.fetch(at.callback)));
      expect(back.searchParams.get("error")).toBe("temporarily_unavailable");
      const log = await sandbox.requests();
      const issued = log.find((r) => r.path === "/v2/self")!.headers.authorization!.replace(/^Bearer /, "");
      const revoke = log.find((r) => r.path === "/oauth/revoke");
      expect(revoke?.method).toBe("POST");
      expect(revoke?.body).toMatchObject({ token: issued, client_id: TEST_BINDINGS.ATTIO_CLIENT_ID });
      const after = await fetch(`${attioBase()}/v2/self`, { headers: { authorization: `Bearer ${issued}` } });
      expect(after.status).toBe(401);
    } finally {
      await sandbox.reset();
    }
  });

  it("the grant names the workspace Attio's /v2/self reports", async () => {
    const { tokens } = await signInFully({ attioQuery: "&workspace=other" });
    const body: any = await (
      await post(legacy({ method: "tools/call", params: { name: "health-check", arguments: {} } }), {
        auth: tokens.access_token,
      })
    ).json();
    expect(body.result.structuredContent.workspace.slug).toBe("other-labs");
  });

  it("signing in again from the same client replaces that member's earlier grant", async () => {
    const first = await signInFully();
    const second = await signInFully({ clientId: first.clientId });
    expect((await post(legacy({ method: "tools/list" }), { auth: second.tokens.access_token })).status).toBe(200);
    expect((await post(legacy({ method: "tools/list" }), { auth: first.tokens.access_token })).status).toBe(401);
  });
});

describe("tokens", () => {
  it("refresh rotates the refresh token; the new access token works", async () => {
    const { tokens, clientId } = await signInFully();
    const refreshed: any = await (
      await tokenRequest({ grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: clientId })
    ).json();
    expect(refreshed.access_token).toBeTruthy();
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect(refreshed.expires_in).toBe(3600);
    expect((await post(legacy({ method: "tools/list" }), { auth: refreshed.access_token })).status).toBe(200);
    // Once the new refresh token is used, the old one is dead (OAuth 2.1 §4.3.1 rotation).
    const again: any = await (
      await tokenRequest({ grant_type: "refresh_token", refresh_token: refreshed.refresh_token, client_id: clientId })
    ).json();
    expect(again.access_token).toBeTruthy();
    const old = await tokenRequest({
      grant_type: "refresh_token",
      refresh_token: tokens.refresh_token,
      client_id: clientId,
    });
    expect(old.status).toBe(400);
  });

  it("token responses are no-store (RFC 6749 §5.1)", async () => {
    const { code, clientId, verifier } = await authorize();
    const response = await tokenRequest({
      grant_type: "authorization_code",
      code,
      client_id: clientId,
      code_verifier: verifier,
      redirect_uri: CLIENT_REDIRECT,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
  });
});
