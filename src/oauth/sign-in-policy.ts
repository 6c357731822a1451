// Who may sign in to this deployment (ALLOWED_WORKSPACE_IDS, ALLOWED_WORKSPACE_SLUGS,
// ALLOWED_EMAIL_DOMAINS): checked at the callback, after Attio named the workspace and member
// and before any grant exists. The pure rule is apart from the one Attio lookup it may need.
import { type AttioObserver, createAttio, unwrap } from "../attio/client";
import type { Config, SignInPolicy } from "../config";
import { type AttioIdentity, UPSTREAM_TIMEOUT_MS } from "./upstream";

/** Why a sign-in was refused, in words for the person at the browser (their own workspace and domain only). */
export interface Refusal {
  /** The setting that refused it, for the page and the log line. */
  setting: "ALLOWED_WORKSPACE_IDS" | "ALLOWED_WORKSPACE_SLUGS" | "ALLOWED_EMAIL_DOMAINS";
  title: string;
  message: string;
}

export function needsEmail(policy: SignInPolicy): boolean {
  return policy.emailDomains.length > 0;
}

/**
 * Workspace ids and slugs are one allowlist when both are set (either may name the workspace);
 * the email domain is a second, separate check. `email` is null when it could not be learned,
 * which refuses (fail closed).
 */
export function checkSignIn(policy: SignInPolicy, identity: AttioIdentity, email?: string | null): Refusal | null {
  const { workspaceIds, workspaceSlugs, emailDomains } = policy;
  if (workspaceIds.length > 0 || workspaceSlugs.length > 0) {
    const allowed =
      workspaceIds.includes(identity.workspaceId.toLowerCase()) ||
      workspaceSlugs.includes(identity.workspaceSlug.toLowerCase());
    if (!allowed)
      return {
        setting: workspaceIds.length > 0 ? "ALLOWED_WORKSPACE_IDS" : "ALLOWED_WORKSPACE_SLUGS",
        title: "This Attio workspace cannot use this server",
        message:
          `You chose the Attio workspace "${identity.workspaceName}" (${identity.workspaceSlug}), but this server ` +
          "accepts only the workspaces its administrator listed. Connect again and pick one of those workspaces, " +
          "or ask whoever gave you this server's address to add this one.",
      };
  }
  if (emailDomains.length > 0) {
    const domain = email?.split("@").pop()?.toLowerCase();
    if (!domain || !emailDomains.includes(domain))
      return {
        setting: "ALLOWED_EMAIL_DOMAINS",
        title: "Your Attio account cannot use this server",
        message: domain
          ? `This server accepts only Attio accounts with the email domains its administrator listed, and yours ` +
            `is ${domain}. Sign in to Attio with an account on an allowed domain, or ask whoever gave you this ` +
            "server's address to add yours."
          : "This server accepts only Attio accounts with certain email domains, and Attio did not tell us your " +
            "account's email address. Ask whoever gave you this server's address for help.",
      };
  }
  return null;
}

/**
 * GET /v2/workspace_members/{id}: the signing-in member's email (needs the Attio app's
 * user_management:read scope). null when Attio does not say; the caller refuses then.
 */
export async function memberEmail(
  config: Config,
  token: string,
  memberId: string,
  observe?: AttioObserver,
): Promise<string | null> {
  try {
    const attio = createAttio({ baseUrl: config.apiBase, token, timeoutMs: UPSTREAM_TIMEOUT_MS, observe });
    const member = await unwrap(
      attio.GET("/v2/workspace_members/{workspace_member_id}", {
        params: { path: { workspace_member_id: memberId } },
      }),
    );
    return member.data.email_address || null;
  } catch {
    return null;
  }
}
