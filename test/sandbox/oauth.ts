// Attio's OAuth pages on the sandbox origin: /authorize auto-approves (no UI) and redirects
// with a single-use code bound to redirect_uri; /oauth/token exchanges it for a Bearer token.
// Errors follow RFC 6749 §4.1.2.1 / §5.2 ({error, error_description}), not Attio's API shape.
import { randomBytes } from "node:crypto";
import type { TokenRegistry } from "./auth";
import { OAuthError } from "./errors";
import type { Reply } from "./http";
import { MEMBER_OTHER, MEMBERS, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, WORKSPACE, WORKSPACE_OTHER } from "./seed";

interface PendingCode {
  redirect_uri: string;
  workspace_id: string;
  member_id: string;
}

// RFC 6749 §5.1: token responses must not be cached.
const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

export class OAuthPages {
  private readonly codes = new Map<string, PendingCode>();

  constructor(private readonly tokens: TokenRegistry) {}

  /** GET /authorize?client_id&redirect_uri&response_type=code&state[&workspace=other] */
  authorize(query: URLSearchParams): Reply {
    const redirect = query.get("redirect_uri");
    let target: URL;
    try {
      target = new URL(redirect ?? "");
    } catch {
      // §4.1.2.1: never redirect to an invalid redirect_uri; answer the user agent directly.
      throw new OAuthError(400, "invalid_request", "redirect_uri is missing or not an absolute URL.");
    }
    if (query.get("client_id") !== SANDBOX_CLIENT_ID)
      throw new OAuthError(400, "invalid_client", `Unknown client_id "${query.get("client_id") ?? ""}".`);
    if (query.get("response_type") !== "code")
      throw new OAuthError(400, "unsupported_response_type", 'response_type must be "code".');
    const other = query.get("workspace") === "other";
    const code = randomBytes(16).toString("hex");
    this.codes.set(code, {
      redirect_uri: redirect!,
      workspace_id: other ? WORKSPACE_OTHER.id : WORKSPACE.id,
      member_id: other ? MEMBER_OTHER.id : MEMBERS[0].id,
    });
    target.searchParams.set("code", code);
    const state = query.get("state");
    if (state !== null) target.searchParams.set("state", state);
    return { status: 302, headers: { location: target.toString(), "cache-control": "no-store" } };
  }

  /** POST /oauth/token (form or JSON); client credentials in the body or HTTP Basic. */
  token(body: unknown, authorization: string | undefined): Reply {
    const params = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
    const str = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : undefined);
    let clientId = str("client_id");
    let clientSecret = str("client_secret");
    if (authorization?.toLowerCase().startsWith("basic ")) {
      const [id, secret] = Buffer.from(authorization.slice(6).trim(), "base64").toString().split(":");
      clientId ??= decodeURIComponent(id ?? "");
      clientSecret ??= decodeURIComponent(secret ?? "");
    }
    if (str("grant_type") !== "authorization_code") {
      throw new OAuthError(400, "unsupported_grant_type", 'grant_type must be "authorization_code".');
    }
    if (clientId !== SANDBOX_CLIENT_ID || clientSecret !== SANDBOX_CLIENT_SECRET) {
      throw new OAuthError(
        401,
        "invalid_client",
        "Client authentication failed: unknown client_id or wrong client_secret.",
      );
    }
    const code = str("code");
    const pending = code ? this.codes.get(code) : undefined;
    if (!code || !pending)
      throw new OAuthError(
        400,
        "invalid_grant",
        "The authorization code is invalid, expired or has already been used.",
      );
    this.codes.delete(code); // single use
    const redirect = str("redirect_uri");
    if (redirect !== undefined && redirect !== pending.redirect_uri) {
      throw new OAuthError(
        400,
        "invalid_grant",
        "redirect_uri does not match the one used in the authorization request.",
      );
    }
    const info = this.tokens.issue(pending.workspace_id, pending.member_id);
    return { status: 200, headers: NO_STORE, body: { access_token: info.token, token_type: "Bearer" } };
  }

  /** POST /oauth/revoke {token}: always 200, per RFC 7009 §2.2. */
  revoke(body: unknown): Reply {
    const token = (body as { token?: unknown } | null)?.token;
    if (typeof token === "string") this.tokens.revoke(token);
    return { status: 200, headers: NO_STORE, body: {} };
  }
}

export function oauthErrorReply(e: OAuthError): Reply {
  return { status: e.status, headers: NO_STORE, body: { error: e.error, error_description: e.message } };
}
