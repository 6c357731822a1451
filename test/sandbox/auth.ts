// Bearer tokens → workspace. Two fixed API keys (one per seeded workspace) plus tokens issued
// by the OAuth pages; any of them can be revoked through the control API.
import { randomBytes } from "node:crypto";
import type { TokenInfo } from "./context";
import { stableId } from "./util";
import { unauthorized } from "./errors";
import {
  MEMBER_OTHER,
  MEMBERS,
  SANDBOX_CLIENT_ID,
  SANDBOX_TOKEN,
  SANDBOX_TOKEN_OTHER,
  WORKSPACE,
  WORKSPACE_OTHER,
} from "./seed";

/** What a full-access Attio app is granted; /v2/self reports it space-separated. */
const ALL_SCOPES = [
  "user_management:read",
  "record_permission:read-write",
  "object_configuration:read-write",
  "list_entry:read-write",
  "list_configuration:read-write",
  "public_collection:read-write",
  "private_collection:read-write",
  "comment:read-write",
  "task:read-write",
  "note:read-write",
  "meeting:read-write",
  "call_recording:read-write",
  "webhook:read-write",
  "file:read-write",
  "email:read",
].join(" ");

const SEED_IAT = 1704067200; // 2024-01-01T00:00:00Z

function apiKey(token: string, workspaceId: string, memberId: string): TokenInfo {
  return {
    token,
    workspace_id: workspaceId,
    member_id: memberId,
    client_id: SANDBOX_CLIENT_ID,
    scope: ALL_SCOPES,
    iat: SEED_IAT,
    actor: { type: "api-token", id: stableId(`api-token/${token}`) },
  };
}

const OAUTH_PREFIX = "sandbox_oauth_";

function oauthToken(token: string, workspaceId: string, memberId: string, iat: number): TokenInfo {
  return {
    token,
    workspace_id: workspaceId,
    member_id: memberId,
    client_id: SANDBOX_CLIENT_ID,
    scope: ALL_SCOPES,
    iat,
    actor: { type: "app", id: SANDBOX_CLIENT_ID },
  };
}

export class TokenRegistry {
  private readonly tokens = new Map<string, TokenInfo>([
    [SANDBOX_TOKEN, apiKey(SANDBOX_TOKEN, WORKSPACE.id, MEMBERS[0].id)],
    [SANDBOX_TOKEN_OTHER, apiKey(SANDBOX_TOKEN_OTHER, WORKSPACE_OTHER.id, MEMBER_OTHER.id)],
  ]);
  private readonly revoked = new Set<string>();
  /** Scopes narrowed by the control API (POST /__sandbox/scopes); reset restores the full set. */
  private readonly narrowed = new Map<string, string>();

  /** OAuth grants act as the installing app on behalf of the authorising member. */
  issue(workspaceId: string, memberId: string): TokenInfo {
    const token = `${OAUTH_PREFIX}${workspaceId}.${memberId}.${randomBytes(18).toString("base64url")}`;
    const info = oauthToken(token, workspaceId, memberId, Math.floor(Date.now() / 1000));
    this.tokens.set(token, info);
    return info;
  }

  revoke(token: string): void {
    this.revoked.add(token);
  }

  /** Grants `token` only these scopes (space-separated) until the next reset. */
  narrow(token: string, scope: string): void {
    this.narrowed.set(token, scope);
  }

  /** Reset re-enables revoked tokens and restores scopes; issued tokens survive so grants held by tests stay valid. */
  clearRevocations(): void {
    this.revoked.clear();
    this.narrowed.clear();
  }

  /**
   * Issued tokens name their workspace and member, so a token issued before the sandbox restarted
   * (`npm start` again, with grants kept in local KV) still works, as a real Attio token would.
   */
  lookup(token: string): TokenInfo | undefined {
    if (this.revoked.has(token)) return undefined;
    const known = this.tokens.get(token);
    if (known) return known;
    const match = new RegExp(`^${OAUTH_PREFIX}([0-9a-f-]{36})\\.([0-9a-f-]{36})\\.[A-Za-z0-9_-]{24}$`).exec(token);
    const members = match?.[1] === WORKSPACE.id ? MEMBERS : match?.[1] === WORKSPACE_OTHER.id ? [MEMBER_OTHER] : [];
    if (!match || !members.some((m) => m.id === match[2])) return undefined;
    const info = oauthToken(token, match[1]!, match[2]!, SEED_IAT);
    this.tokens.set(token, info);
    return info;
  }

  /** Accepts `Bearer <token>` and, like Attio, Basic auth with the token as username. */
  authenticate(header: string | undefined): TokenInfo {
    if (!header)
      throw unauthorized(
        "The Authorization header was not provided. Please provide an API key or OAuth access token as a Bearer token.",
      );
    let token: string | undefined;
    const [scheme, value = ""] = header.trim().split(/\s+/, 2);
    if (scheme?.toLowerCase() === "bearer") token = value;
    else if (scheme?.toLowerCase() === "basic") token = Buffer.from(value, "base64").toString().split(":")[0];
    if (!token) throw unauthorized('The Authorization header is malformed. Expected "Bearer <token>".');
    const info = this.lookup(token);
    if (!info) throw unauthorized("The provided access token is invalid, expired or has been revoked.");
    const scope = this.narrowed.get(token);
    return scope === undefined ? info : { ...info, scope };
  }
}
