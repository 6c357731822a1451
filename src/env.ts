// The Worker's bindings: KV, vars and secrets (secrets are optional here so that a missing
// one becomes a clear configuration error instead of a crash; see config.ts).
import type { OAuthHelpers } from "@cloudflare/workers-oauth-provider";
import type { Config } from "./config";

export interface Env {
  /** KV namespace for clients, grants, tokens and OAuth transactions (README "KV layout"). */
  TOKEN_STORE: KVNamespace;
  /** Attio REST API origin; https required except loopback. Default https://api.attio.com. */
  ATTIO_API_BASE?: string;
  /** Attio OAuth pages origin; https required except loopback. Default https://app.attio.com. */
  ATTIO_OAUTH_BASE?: string;
  ATTIO_CLIENT_ID?: string;
  ATTIO_CLIENT_SECRET?: string;
  /** 64 hex characters (32 bytes): the AES-256-GCM key that seals Attio tokens. */
  TOKEN_ENCRYPTION_KEY?: string;
  /** Public origin of this Worker, e.g. https://attio-mcp.example.workers.dev (no trailing slash). */
  WORKER_URL?: string;
  /** Extra allowed browser origins for /mcp, comma-separated. */
  ALLOWED_ORIGINS?: string;
  /** "true" refuses Claude's `_meta` 2026-07-28 + header 2025-11-25 mismatch with -32020 (the spec's letter). */
  MCP_STRICT_VERSION_HEADER?: string;
  /** Per-IP limit on /oauth/register, /oauth/authorize and /oauth/token (wrangler.toml [[ratelimits]]). */
  OAUTH_RATE_LIMITER?: RateLimit;
  /** Days a grant lives from sign-in, however often it is refreshed (default 90). */
  GRANT_MAX_AGE_DAYS?: string;
}

/**
 * What handlers behind the OAuth provider see: the library reads its KV as `OAUTH_KV` (we alias
 * TOKEN_STORE) and injects its helpers as `OAUTH_PROVIDER`; `CONFIG` is the checked configuration.
 */
export interface ProviderEnv extends Env {
  OAUTH_KV: KVNamespace;
  OAUTH_PROVIDER: OAuthHelpers;
  CONFIG: Config;
}
