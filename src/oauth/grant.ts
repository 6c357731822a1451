// What a grant carries (the library encrypts props; the Attio token inside is sealed again
// under TOKEN_ENCRYPTION_KEY), how it is made at the callback and opened at /mcp.
import { open, seal } from "../store/seal";
import type { AttioIdentity } from "./upstream";

export interface GrantProps {
  /** The Attio access token, sealed by store/seal.ts and bound to `workspaceId`. */
  attio: string;
  workspaceId: string;
  workspaceSlug: string;
  workspaceName: string;
  memberId: string;
}

/**
 * The grant's plaintext metadata (the library stores it beside the encrypted props). `attio` is
 * the same sealed token as in props: unusable without TOKEN_ENCRYPTION_KEY, and it lets the
 * Worker revoke the Attio token when the grant ends without a live token to decrypt props.
 */
export interface GrantMetadata {
  workspaceSlug: string;
  workspaceId?: string;
  attio?: string;
}

export function grantMetadata(props: GrantProps): GrantMetadata {
  return { workspaceSlug: props.workspaceSlug, workspaceId: props.workspaceId, attio: props.attio };
}

export interface OpenedGrant extends Omit<GrantProps, "attio"> {
  attioToken: string;
}

/**
 * The library's user id: one per Attio member per workspace, so signing in again from the same
 * client replaces that member's earlier grant. It may not contain ":" (token and key separator).
 */
export function grantUserId(identity: AttioIdentity): string {
  return encodeURIComponent(`${identity.workspaceId}.${identity.memberId}`);
}

export async function makeGrantProps(attioToken: string, identity: AttioIdentity, keyHex: string): Promise<GrantProps> {
  return { ...identity, attio: await seal(attioToken, keyHex, identity.workspaceId) };
}

/** Throws SealError (naming TOKEN_ENCRYPTION_KEY) when the key differs from the one that sealed it. */
export async function openGrant(props: GrantProps, keyHex: string): Promise<OpenedGrant> {
  const { attio, ...identity } = props;
  return { ...identity, attioToken: await open(attio, keyHex, props.workspaceId) };
}
