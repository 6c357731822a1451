// /oauth/token in front of the library: refresh-token reuse ends the grant (OAuth 2.1 §4.3.1),
// grants have an absolute lifetime, an authorization code redeemed concurrently yields no working
// token (RFC 6749 §4.1.2), and every grant that ends here takes its Attio token with it.
import type { OAuthHelpers } from "@cloudflare/workers-oauth-provider";
import type { Config } from "../config";
import { endGrant, grantKey, revokeAttioOf, type StoredGrant } from "./grant-end";

export interface TokenGuardContext {
  kv: KVNamespace;
  oauth: OAuthHelpers;
  config: Config;
}

type Kind = "refresh" | "code" | "revoke";

/** Marks a redemption attempt; KV's minimum expiration (60 s) outlasts any racing request. */
const REDEMPTION_PREFIX = "redemption:";

/** `request` has a buffered body (oauth/front-door.ts); `next` is the library. */
export async function guardTokenRequest(
  request: Request,
  context: TokenGuardContext,
  next: (request: Request) => Promise<Response>,
): Promise<Response> {
  const form = await readForm(request);
  const target = form && classify(form);
  const ids = target && splitToken(target.credential);
  if (!target || !ids) return next(request);
  const { kv, oauth, config } = context;
  const key = grantKey(ids.userId, ids.grantId);
  const grant = await kv.get<StoredGrant>(key, "json");
  if (!grant) return next(request);

  if (target.kind === "refresh" && grant.createdAt + config.grantMaxAgeSeconds <= nowSeconds()) {
    await endGrant(oauth, config, grant);
    const days = Math.round(config.grantMaxAgeSeconds / 86_400);
    return invalidGrant(`This connection is older than ${days} days (GRANT_MAX_AGE_DAYS); sign in again`);
  }
  // Neither the current refresh token nor the one it replaced: an older generation, i.e. a copy
  // used after its successor was (OAuth 2.1 §4.3.1 reuse detection). Judged after the library
  // authenticated the client, so only the grant's own client can end it this way.
  const reused =
    target.kind === "refresh" &&
    clientIdOf(request, form) === grant.clientId &&
    ![grant.refreshTokenId, grant.previousRefreshTokenId].includes(await sha256Hex(target.credential));
  const marker = target.kind === "code" ? await claimRedemption(kv, target.credential) : undefined;

  const response = await next(request);

  if (reused && response.status === 400 && (await errorCode(response)) === "invalid_grant") {
    console.warn("oauth refresh token reuse detected: grant revoked");
    await endGrant(oauth, config, grant);
    return invalidGrant("Refresh token was already used; this connection is revoked, sign in again");
  }
  if (marker && response.ok && (await raced(kv, marker))) {
    console.warn("oauth authorization code redeemed concurrently: grant revoked");
    await endGrant(oauth, config, grant);
    return invalidGrant("Authorization code already used");
  }
  // The library ended the grant itself (code replay, revocation): end the Attio token too.
  if ((!response.ok || target.kind === "revoke") && !(await kv.get(key))) await revokeAttioOf(config, grant.metadata);
  return response;
}

async function readForm(request: Request): Promise<URLSearchParams | undefined> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/x-www-form-urlencoded")) return undefined;
  return new URLSearchParams(await request.clone().text());
}

function classify(form: URLSearchParams): { kind: Kind; credential: string } | undefined {
  const grantType = form.get("grant_type");
  const refresh = form.get("refresh_token");
  const code = form.get("code");
  const token = form.get("token");
  if (grantType === "refresh_token" && refresh) return { kind: "refresh", credential: refresh };
  if (grantType === "authorization_code" && code) return { kind: "code", credential: code };
  // RFC 7009 at the same endpoint, as the library detects it: a token and no grant_type.
  if (!grantType && token) return { kind: "revoke", credential: token };
  return undefined;
}

/** RFC 6749 §2.3.1: the client names itself in the form or in HTTP Basic credentials. */
function clientIdOf(request: Request, form: URLSearchParams): string | null {
  const basic = /^basic\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
  if (!basic) return form.get("client_id");
  try {
    const decoded = atob(basic[1] ?? "");
    return decodeURIComponent(decoded.slice(0, decoded.indexOf(":")).replace(/\+/g, " "));
  } catch {
    return null;
  }
}

/** The library's tokens are `{userId}:{grantId}:{secret}`; our user ids never contain ":". */
function splitToken(token: string): { userId: string; grantId: string } | undefined {
  const parts = token.split(":");
  if (parts.length !== 3 || !parts[0] || !parts[1]) return undefined;
  return { userId: parts[0], grantId: parts[1] };
}

/**
 * Each attempt writes its own marker before the library reads the grant, and lists the markers
 * after the library wrote it. Of two attempts that both succeed, each wrote its marker before
 * the other's grant write, so each sees both markers; an attempt that misses the other's marker
 * means the other read the grant after this one consumed the code, and the library refused it.
 */
async function claimRedemption(kv: KVNamespace, code: string): Promise<string> {
  const prefix = `${REDEMPTION_PREFIX}${await sha256Hex(code)}:`;
  await kv.put(`${prefix}${crypto.randomUUID()}`, "", { expirationTtl: 60 });
  return prefix;
}

async function raced(kv: KVNamespace, prefix: string): Promise<boolean> {
  const listed = await kv.list({ prefix, limit: 2 });
  return listed.keys.length > 1;
}

async function errorCode(response: Response): Promise<string | undefined> {
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { error?: unknown } | null;
  return typeof body?.error === "string" ? body.error : undefined;
}

/** RFC 6749 §5.2, with the no-store headers of §5.1. */
function invalidGrant(description: string): Response {
  return Response.json(
    { error: "invalid_grant", error_description: description },
    { status: 400, headers: { "Cache-Control": "no-store", Pragma: "no-cache" } },
  );
}

async function sha256Hex(value: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(value));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
