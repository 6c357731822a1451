// What KV holds after real sign-ins: every key and every value read back, and none of them
// carries the Attio token or any of our codes, tokens, secrets or verifiers in clear. Also the
// number of KV operations per sign-in step and per authenticated /mcp request.
import { beforeAll, describe, expect, it } from "vitest";
import { WORKER, legacy, modern, post, sandbox } from "../helpers";
import {
  Browser,
  CLIENT_REDIRECT,
  authorize,
  authorizeUrl,
  consentHandle,
  expectRedirect,
  pkce,
  postConsent,
  redeem,
  register,
  registerClient,
  tokenRequest,
  type Send,
} from "./flow";
import { countingStore, keys, store } from "./kv";
import { viaWorker } from "./worker";
import { json, type RegisteredClient } from "../bodies";
import type { Tokens } from "./flow";

// Files share one sandbox: start from its seed, with no faults or revocations left by others.
beforeAll(() => sandbox.reset());

describe("KV holds nothing usable", () => {
  it("after DCR + confidential client + sign-in + refresh + tool call, no value or key contains a secret", async () => {
    await sandbox.clearRequests();
    const registered = await json<RegisteredClient>(
      await register([CLIENT_REDIRECT], { token_endpoint_auth_method: "client_secret_post" }),
    );
    const authorized = await authorize({ clientId: registered.client_id });
    const tokenResponse = await tokenRequest({
      grant_type: "authorization_code",
      code: authorized.code,
      redirect_uri: CLIENT_REDIRECT,
      client_id: registered.client_id,
      client_secret: registered.client_secret!,
      code_verifier: authorized.verifier,
    });
    const tokens = await json<Tokens>(tokenResponse);
    const refreshed = await json<Tokens>(
      await tokenRequest({
        grant_type: "refresh_token",
        refresh_token: tokens.refresh_token,
        client_id: registered.client_id,
        client_secret: registered.client_secret!,
      }),
    );
    expect(
      (
        await post(modern({ method: "tools/call", params: { name: "health-check", arguments: {} } }), {
          auth: refreshed.access_token,
        })
      ).status,
    ).toBe(200);

    const log = await sandbox.requests();
    const attioToken = log.find((r) => r.path === "/v2/self")!.headers.authorization!.replace(/^Bearer /, "");
    const secretPart = (token: string) => token.split(":")[2]!;
    const secrets: Record<string, string> = {
      "Attio access token": attioToken,
      "client secret": registered.client_secret!,
      "authorization code": authorized.code,
      "code secret part": secretPart(authorized.code),
      "access token": tokens.access_token,
      "access token secret part": secretPart(tokens.access_token),
      "refresh token": tokens.refresh_token,
      "refresh token secret part": secretPart(tokens.refresh_token),
      "rotated access token": refreshed.access_token,
      "rotated refresh token secret part": secretPart(refreshed.refresh_token),
      "PKCE verifier": authorized.verifier,
    };

    const names = await keys();
    expect(names.length).toBeGreaterThan(3);
    const prefixes = new Set(names.map((name) => name.split(":")[0]));
    expect([...prefixes].sort()).toEqual(expect.arrayContaining(["client", "grant", "token"]));
    for (const name of names) {
      const { value, metadata } = await store().getWithMetadata(name, "text");
      const everything = `${name}\n${value ?? ""}\n${JSON.stringify(metadata ?? null)}`;
      for (const [label, secret] of Object.entries(secrets)) {
        expect(everything.includes(secret), `${label} found under ${name}`).toBe(false);
      }
      // The Attio token is not even base64-encoded in clear.
      expect(everything.includes(btoa(attioToken))).toBe(false);
    }
  });
});

describe("KV operations (measured)", () => {
  it("per sign-in step and per authenticated /mcp request", async () => {
    const counter = countingStore(store());
    const send: Send = viaWorker({ TOKEN_STORE: counter.kv });
    const steps: Record<string, ReturnType<typeof counter.reset>> = {};

    const clientId = await registerClient([CLIENT_REDIRECT], send);
    steps["POST /oauth/register"] = counter.reset();
    const browser = new Browser(send);
    const { verifier, challenge } = await pkce();
    const page = await browser.fetch(authorizeUrl({ client_id: clientId, code_challenge: challenge }));
    steps["GET /oauth/authorize (consent page)"] = counter.reset();
    const toAttio = await postConsent(browser, consentHandle(await page.text()));
    steps["POST /oauth/authorize (approve)"] = counter.reset();
    const back = await browser.fetch(expectRedirect(toAttio));
    const callback = await browser.fetch(expectRedirect(back));
    steps["GET /oauth/callback"] = counter.reset();
    const code = new URL(expectRedirect(callback)).searchParams.get("code")!;
    const tokens = await redeem(
      { browser, clientId, verifier, redirectUri: CLIENT_REDIRECT, redirect: new URL(CLIENT_REDIRECT), code },
      send,
    );
    steps["POST /oauth/token (code)"] = counter.reset();

    const mcp = (body: unknown, headers: Record<string, string> = {}) =>
      send(`${WORKER}/mcp`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          authorization: `Bearer ${tokens.access_token}`,
          ...headers,
        },
        body: JSON.stringify(body),
      });
    expect((await mcp(legacy({ method: "tools/list" }).body)).status).toBe(200);
    steps["POST /mcp tools/list"] = counter.reset();
    const call = modern({ method: "tools/call", params: { name: "records_search", arguments: { query: "a" } } });
    expect((await mcp(call.body, call.headers)).status).toBe(200);
    steps["POST /mcp tools/call"] = counter.reset();

    const refreshed = await tokenRequest(
      { grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: clientId },
      send,
    );
    expect(refreshed.status).toBe(200);
    steps["POST /oauth/token (refresh)"] = counter.reset();

    // The KV layout with lifetimes, as written (README "KV layout").
    const now = Math.floor(Date.now() / 1000);
    const layout = new Map<string, string>();
    for (const { key, options } of counter.puts) {
      const shape = key.replace(/^(\w+(?:-\w+)*):.*/, "$1:…");
      const ttl = options?.expirationTtl ?? (options?.expiration ? options.expiration - now : undefined);
      layout.set(shape, ttl === undefined ? "no expiry" : `${Math.round(ttl)} s`);
    }
    console.log(`KV keys written:\n${[...layout].map(([k, v]) => `  ${k} ${v}`).join("\n")}`);
    expect(layout.get("transaction:…")).toBe("600 s"); // consent handle and Attio state: 10 minutes
    expect(layout.get("token:…")).toBe("3600 s"); // access tokens: 1 hour

    console.log(
      `KV operations per step:\n${Object.entries(steps)
        .map(([step, c]) => `  ${step}: ${c.reads} reads, ${c.writes} writes, ${c.deletes} deletes, ${c.lists} lists`)
        .join("\n")}`,
    );
    // An authenticated MCP request costs one KV read (the access token record) and no write.
    expect(steps["POST /mcp tools/list"]).toEqual({ reads: 1, writes: 0, deletes: 0, lists: 0 });
    expect(steps["POST /mcp tools/call"]).toEqual({ reads: 1, writes: 0, deletes: 0, lists: 0 });
    const signIn = Object.entries(steps)
      .filter(([step]) => !step.includes("/mcp") && !step.includes("refresh"))
      .map(([, c]) => c);
    const total = signIn.reduce((a, c) => ({ reads: a.reads + c.reads, writes: a.writes + c.writes }), {
      reads: 0,
      writes: 0,
    });
    console.log(`KV per sign-in (register → token): ${total.reads} reads, ${total.writes} writes`);
    expect(total.writes).toBeLessThanOrEqual(10);
  });
});
