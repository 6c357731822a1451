// What /health and the landing page say about this deployment: configured or not (naming each
// bad setting, never a value), which tools it offers, and whether sign-in is restricted.
import { type ConfigProblem, readConfig } from "./config";
import type { Env } from "./env";
import { SERVER_INFO } from "./version";

export interface Health {
  status: "ok" | "misconfigured";
  name: string;
  version: string;
  problems?: ConfigProblem[];
  tools?: { read_only: boolean; trimmed: boolean; count: number };
  /** The settings that restrict sign-in, by name; empty means any Attio workspace may sign in. */
  sign_in_restricted_by?: string[];
}

export function describeHealth(env: Env): Health {
  const checked = readConfig(env, "http://localhost/");
  const info = { name: SERVER_INFO.name, version: SERVER_INFO.version };
  if (!checked.ok) return { status: "misconfigured", ...info, problems: checked.error };
  const { tools, signIn } = checked.value;
  const restrictedBy = [
    signIn.workspaceIds.length > 0 ? "ALLOWED_WORKSPACE_IDS" : "",
    signIn.workspaceSlugs.length > 0 ? "ALLOWED_WORKSPACE_SLUGS" : "",
    signIn.emailDomains.length > 0 ? "ALLOWED_EMAIL_DOMAINS" : "",
  ].filter(Boolean);
  return {
    status: "ok",
    ...info,
    tools: { read_only: tools.readOnly, trimmed: tools.trimmed, count: tools.tools.length },
    sign_in_restricted_by: restrictedBy,
  };
}

export function healthResponse(env: Env): Response {
  const health = describeHealth(env);
  return Response.json(health, { status: health.status === "ok" ? 200 : 503 });
}
