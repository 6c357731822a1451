// How grants end: refresh-token reuse revokes the grant (OAuth 2.1 §4.3.1), an honest retry does
// not, grants have an absolute lifetime (GRANT_MAX_AGE_DAYS), an authorization code redeemed in
// parallel yields at most one working token (RFC 6749 §4.1.2), and every ended grant's Attio
// token is revoked at Attio (RFC 7009).
import { beforeAll, describe, expect, it } from "vitest";
import { attioBase, legacy, post, sandbox } from "../helpers";
import { type Authorized, RESOURCE, authorize, redeem, registerClient, signInFully, tokenRequest } from "./flow";
import { keys, store } from "./kv";
import { callWorker, viaWorker } from "./worker";

beforeAll(() => sandbox.reset());

type Tokens = { access_token: string; refresh_token: string };

const refresh = (clientId: string, refreshToken: string) =>
  tokenRequest({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: clientId });

async function refreshed(clientId: string, refreshToken: string): Promise<Tokens> {
  const response = await refresh(clientId, refreshToken);
  expect(response.status).toBe(200);
  return response.json();
}

async function works(accessToken: string): Promise<boolean> {
  return (await post(legacy({ method: "tools/list" }), { auth: accessToken })).status === 200;
}

/** Signs in and returns what the client got plus the Attio token the Worker sealed. */
async function signInWithAttioToken(options: Parameters<typeof signInFully>[0] = {}) {
  await sandbox.clearRequests();
  const signedIn = await signInFully(options);
  const self = (await sandbox.requests()).find((r) => r.path === "/v2/self")!;
  return { ...signedIn, attioToken: self.headers.authorization!.replace(/^Bearer /, "") };
}

async function attioAccepts(token: string): Promise<boolean> {
  return (await fetch(`${attioBase()}/v2/self`, { headers: { authorization: `Bearer ${token}` } })).status === 200;
}

async function grantCount(): Promise<number> {
  return (await keys("grant:")).length;
}

describe("refresh token rotation with reuse detection (OAuth 2.1 §4.3.1)", () => {
  it("an honest retry with the previous token, before the new one was used, keeps working", async () => {
    const { tokens, clientId } = await signInFully();
    await refreshed(clientId, tokens.refresh_token); // the answer was lost on the way back
    const retried = await refreshed(clientId, tokens.refresh_token);
    expect(await works(retried.access_token)).toBe(true);
    const next = await refreshed(clientId, retried.refresh_token);
    expect(await works(next.access_token)).toBe(true);
  });

  it("a token presented after its successor was used revokes the whole grant and its Attio token", async () => {
    const { tokens, clientId, attioToken } = await signInWithAttioToken();
    const second = await refreshed(clientId, tokens.refresh_token);
    const third = await refreshed(clientId, second.refresh_token);
    const grants = await grantCount();

    const replay = await refresh(clientId, tokens.refresh_token);
    expect(replay.status).toBe(400);
    const body: any = await replay.json();
    expect(body.error).toBe("invalid_grant");
    expect(body.error_description).toContain("sign in again");
    expect(await grantCount()).toBe(grants - 1);
    expect(await works(third.access_token)).toBe(false);
    expect((await refresh(clientId, third.refresh_token)).status).toBe(400);
    expect(await attioAccepts(attioToken)).toBe(false);
  });

  it("a stolen token replayed first: the legitimate client's next refresh ends both", async () => {
    const { tokens, clientId } = await signInFully();
    const legitimate = await refreshed(clientId, tokens.refresh_token);
    const stolen = await refreshed(clientId, tokens.refresh_token); // attacker, with the old copy
    expect(await works(stolen.access_token)).toBe(true);

    const locked = await refresh(clientId, legitimate.refresh_token);
    expect(locked.status).toBe(400);
    expect(await works(stolen.access_token)).toBe(false);
    expect((await refresh(clientId, stolen.refresh_token)).status).toBe(400);
    expect((await refresh(clientId, tokens.refresh_token)).status).toBe(400);
  });

  it("another client presenting a stale token is refused and ends nothing", async () => {
    const { tokens, clientId } = await signInFully();
    const second = await refreshed(clientId, tokens.refresh_token);
    await refreshed(clientId, second.refresh_token);
    const other = await registerClient();
    const grants = await grantCount();
    expect((await refresh(other, tokens.refresh_token)).status).toBe(400);
    expect(await grantCount()).toBe(grants);
  });
});

/** Moves every stored grant's sign-in time into the past, keeping each record's KV metadata. */
async function ageGrants(days: number): Promise<void> {
  for (const name of await keys("grant:")) {
    const { value, metadata } = await store().getWithMetadata<Record<string, unknown>>(name, "json");
    if (!value) continue;
    value.createdAt = (value.createdAt as number) - days * 86_400;
    await store().put(name, JSON.stringify(value), { metadata, expirationTtl: 30 * 86_400 });
  }
}

describe("absolute grant lifetime (GRANT_MAX_AGE_DAYS)", () => {
  it("a refresh after 90 days (the default) ends the grant and its Attio token", async () => {
    for (const name of await keys("grant:")) await store().delete(name); // only this test's grant is aged
    const { tokens, clientId, attioToken } = await signInWithAttioToken();
    await ageGrants(91);
    const response = await refresh(clientId, tokens.refresh_token);
    expect(response.status).toBe(400);
    const body: any = await response.json();
    expect(body.error).toBe("invalid_grant");
    expect(body.error_description).toContain("older than 90 days");
    expect(await works(tokens.access_token)).toBe(false);
    expect(await attioAccepts(attioToken)).toBe(false);
  });

  it("within the lifetime, refreshing still works; the setting shortens it", async () => {
    for (const name of await keys("grant:")) await store().delete(name);
    const send = viaWorker({ GRANT_MAX_AGE_DAYS: "7" });
    const { tokens, clientId } = await signInFully({ send });
    await ageGrants(6);
    const within = await tokenRequest(
      { grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: clientId },
      send,
    );
    expect(within.status).toBe(200);
    const next: Tokens = await within.json();
    await ageGrants(2);
    const after = await tokenRequest(
      { grant_type: "refresh_token", refresh_token: next.refresh_token, client_id: clientId },
      send,
    );
    expect(after.status).toBe(400);
    expect(((await after.json()) as any).error_description).toContain("older than 7 days");
  });

  it("a malformed GRANT_MAX_AGE_DAYS is named, not echoed", async () => {
    const response = await callWorker({ GRANT_MAX_AGE_DAYS: "ninety-secret" }, `${RESOURCE}`, { method: "POST" });
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(text).toContain("GRANT_MAX_AGE_DAYS");
    expect(text).not.toContain("ninety-secret");
  });
});

function codeRequest(a: Authorized) {
  return tokenRequest({
    grant_type: "authorization_code",
    code: a.code,
    redirect_uri: a.redirectUri,
    client_id: a.clientId,
    code_verifier: a.verifier,
    resource: RESOURCE,
  });
}

describe("authorization codes are single-use under concurrency (RFC 6749 §4.1.2)", () => {
  it.each([1, 2, 3, 4, 5])("round %i: of eight parallel redemptions, at most one token works afterwards", async () => {
    const authorized = await authorize();
    const responses = await Promise.all(Array.from({ length: 8 }, () => codeRequest(authorized)));
    const issued: Tokens[] = [];
    for (const response of responses) if (response.status === 200) issued.push(await response.json());
    let working = 0;
    for (const tokens of issued) if (await works(tokens.access_token)) working++;
    expect(working).toBeLessThanOrEqual(1);
    let refreshable = 0;
    for (const tokens of issued)
      if ((await refresh(authorized.clientId, tokens.refresh_token)).status === 200) refreshable++;
    expect(refreshable).toBeLessThanOrEqual(1);
  });

  it("a single redemption is unaffected", async () => {
    const authorized = await authorize();
    const tokens = await redeem(authorized);
    expect(await works(tokens.access_token)).toBe(true);
  });
});

describe("Attio tokens do not outlive their grants (RFC 7009)", () => {
  it("revoking our refresh token revokes the Attio token", async () => {
    const { tokens, clientId, attioToken } = await signInWithAttioToken();
    expect(await attioAccepts(attioToken)).toBe(true);
    const revoked = await tokenRequest({
      token: tokens.refresh_token,
      token_type_hint: "refresh_token",
      client_id: clientId,
    });
    expect(revoked.status).toBe(200);
    expect(await attioAccepts(attioToken)).toBe(false);
  });

  it("signing in again from the same client replaces the grant and revokes the old Attio token", async () => {
    const first = await signInWithAttioToken();
    const second = await signInWithAttioToken({ clientId: first.clientId });
    expect(second.attioToken).not.toBe(first.attioToken);
    expect(await works(first.tokens.access_token)).toBe(false);
    expect(await attioAccepts(first.attioToken)).toBe(false);
    expect(await attioAccepts(second.attioToken)).toBe(true);
    expect(await works(second.tokens.access_token)).toBe(true);
  });

  it("a replayed authorization code revokes the grant and the Attio token", async () => {
    await sandbox.clearRequests();
    const authorized = await authorize();
    const attioToken = (await sandbox.requests())
      .find((r) => r.path === "/v2/self")!
      .headers.authorization!.replace(/^Bearer /, "");
    await redeem(authorized);
    expect((await codeRequest(authorized)).status).toBe(400);
    expect(await attioAccepts(attioToken)).toBe(false);
  });

  it("a refresh token presented by another client leaves the Attio token alone", async () => {
    const { tokens, attioToken } = await signInWithAttioToken();
    const other = await registerClient();
    expect((await refresh(other, tokens.refresh_token)).status).toBe(400);
    expect(await attioAccepts(attioToken)).toBe(true);
  });
});
