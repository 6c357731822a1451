// Configuration checks: every setting the OAuth flow and /mcp need, validated up front so a
// missing or malformed one is one clear message naming it (never its value, never a stack).
import type { Env } from "./env";
import type { Result } from "./result";
import { isKeyHex } from "./store/seal";
import { checkBaseUrl, isHttpsOrLoopback } from "./url-policy";

const DEFAULT_API_BASE = "https://api.attio.com";
const DEFAULT_OAUTH_BASE = "https://app.attio.com";

export interface Config {
  /** Issuer and resource origin: WORKER_URL, else the request's origin; no trailing slash. */
  origin: string;
  apiBase: string;
  oauthBase: string;
  clientId: string;
  clientSecret: string;
  encryptionKey: string;
  /** ALLOWED_ORIGINS: browser origins allowed at /mcp besides the built-in ones (mcp/origin.ts). */
  allowedOrigins: string[];
  /** MCP_STRICT_VERSION_HEADER is "true": refuse the one version-header mismatch Claude sends (mcp/era.ts). */
  strictVersionHeader: boolean;
  /** GRANT_MAX_AGE_DAYS: a grant's absolute lifetime from sign-in, in seconds (refreshing never extends it). */
  grantMaxAgeSeconds: number;
}

export interface ConfigProblem {
  setting: string;
  message: string;
}

export type ConfigResult = Result<Config, ConfigProblem[]>;

const KEY_HINT = "generate one with: node -e \"console.log(require('crypto').randomBytes(32).toString('hex'))\"";

export function readConfig(env: Env, requestUrl: string): ConfigResult {
  const problems: ConfigProblem[] = [];
  const need = (setting: string, value: string | undefined, howTo: string): string => {
    if (value === undefined || value.trim() === "")
      problems.push({ setting, message: `${setting} is not set; ${howTo}` });
    return value?.trim() ?? "";
  };
  const clientId = need(
    "ATTIO_CLIENT_ID",
    env.ATTIO_CLIENT_ID,
    "set it with `wrangler secret put ATTIO_CLIENT_ID` (from your Attio app at build.attio.com)",
  );
  const clientSecret = need(
    "ATTIO_CLIENT_SECRET",
    env.ATTIO_CLIENT_SECRET,
    "set it with `wrangler secret put ATTIO_CLIENT_SECRET` (from your Attio app at build.attio.com)",
  );
  const encryptionKey = need(
    "TOKEN_ENCRYPTION_KEY",
    env.TOKEN_ENCRYPTION_KEY,
    `set it with \`wrangler secret put TOKEN_ENCRYPTION_KEY\`; ${KEY_HINT}`,
  );
  if (encryptionKey && !isKeyHex(encryptionKey)) {
    problems.push({
      setting: "TOKEN_ENCRYPTION_KEY",
      message: `TOKEN_ENCRYPTION_KEY must be exactly 64 hexadecimal characters (32 bytes); ${KEY_HINT}`,
    });
  }
  const apiBase = baseUrl(env.ATTIO_API_BASE ?? DEFAULT_API_BASE, "ATTIO_API_BASE", problems);
  const oauthBase = baseUrl(env.ATTIO_OAUTH_BASE ?? DEFAULT_OAUTH_BASE, "ATTIO_OAUTH_BASE", problems);
  const origin = workerOrigin(env.WORKER_URL, requestUrl, problems);
  const grantMaxAgeSeconds = grantMaxAge(env.GRANT_MAX_AGE_DAYS, problems);
  if (problems.length > 0) return { ok: false, error: problems };
  const allowedOrigins = readAllowedOrigins(env);
  const strictVersionHeader = env.MCP_STRICT_VERSION_HEADER === "true";
  const config = { origin, apiBase, oauthBase, clientId, clientSecret, encryptionKey };
  return { ok: true, value: { ...config, allowedOrigins, strictVersionHeader, grantMaxAgeSeconds } };
}

/** ALLOWED_ORIGINS, comma-separated; read before the rest where a local server checks Origin (rebinding.ts). */
export function readAllowedOrigins(env: Env): string[] {
  return (env.ALLOWED_ORIGINS ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);
}

const DEFAULT_GRANT_MAX_AGE_DAYS = 90;

/** OAuth 2.1 §4.3.1 / RFC 9700 §4.14.2: refresh tokens are bounded in time, not only rotated. */
function grantMaxAge(value: string | undefined, problems: ConfigProblem[]): number {
  if (value === undefined || value.trim() === "") return DEFAULT_GRANT_MAX_AGE_DAYS * 86_400;
  const days = Number(value.trim());
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    problems.push({
      setting: "GRANT_MAX_AGE_DAYS",
      message: `GRANT_MAX_AGE_DAYS must be a whole number of days from 1 to 3650 (default ${DEFAULT_GRANT_MAX_AGE_DAYS})`,
    });
  }
  return days * 86_400;
}

function baseUrl(value: string, setting: string, problems: ConfigProblem[]): string {
  try {
    return checkBaseUrl(value, setting);
  } catch (error) {
    problems.push({ setting, message: (error as Error).message });
    return "";
  }
}

/**
 * RFC 8414 §2 / RFC 9728 §2: the issuer is an https URL without query or fragment, and the
 * resource must be exactly what clients type, so WORKER_URL is an origin (http only on loopback).
 */
function workerOrigin(value: string | undefined, requestUrl: string, problems: ConfigProblem[]): string {
  if (value === undefined || value.trim() === "") return new URL(requestUrl).origin;
  const example = "such as https://attio-mcp.example.workers.dev";
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    problems.push({ setting: "WORKER_URL", message: `WORKER_URL must be an absolute URL ${example}` });
    return "";
  }
  if (!isHttpsOrLoopback(url)) {
    problems.push({
      setting: "WORKER_URL",
      message: "WORKER_URL must use https:// (plain http only for 127.0.0.1 or localhost)",
    });
  } else if (url.pathname !== "/" || url.search || url.hash || url.username || url.password) {
    problems.push({
      setting: "WORKER_URL",
      message: `WORKER_URL must be the Worker's origin only, with no path, ${example}`,
    });
  }
  return url.origin;
}

/** One sentence for a body or a log line: which settings are wrong, never their values. */
export function describeProblems(problems: readonly ConfigProblem[]): string {
  return `The server is misconfigured: ${problems.map((p) => p.message).join(" ")}`;
}
