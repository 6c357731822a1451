// When a grant ends (revoked, replaced, replayed, too old), its Attio token ends with it:
// RFC 7009 revocation at Attio, so no live Attio token outlives the connection it served.
import type { OAuthHelpers } from "@cloudflare/workers-oauth-provider";
import type { Config } from "../config";
import { open } from "../store/seal";
import { revokeAttioToken } from "./upstream";
import type { GrantMetadata } from "./grant";

/** The fields of the library's `grant:{userId}:{grantId}` record this Worker reads. */
export interface StoredGrant {
  id: string;
  userId: string;
  clientId: string;
  createdAt: number;
  redirectUri?: string;
  refreshTokenId?: string;
  previousRefreshTokenId?: string;
  metadata?: GrantMetadata;
}

export function grantKey(userId: string, grantId: string): string {
  return `grant:${userId}:${grantId}`;
}

/** Revokes the grant (its tokens and record) and then its Attio token. */
export async function endGrant(oauth: OAuthHelpers, config: Config, grant: StoredGrant): Promise<void> {
  await oauth.revokeGrant(grant.id, grant.userId);
  await revokeAttioOf(config, grant.metadata);
}

/**
 * Best effort: a grant made before the sealed copy lived in metadata, or sealed under an older
 * key, has nothing this Worker can open; Attio's token then stays until the app is uninstalled.
 */
export async function revokeAttioOf(config: Config, metadata: GrantMetadata | undefined): Promise<void> {
  if (!metadata?.attio || !metadata.workspaceId) return;
  let token: string;
  try {
    token = await open(metadata.attio, config.encryptionKey, metadata.workspaceId);
  } catch {
    return;
  }
  await revokeAttioToken(config, token);
}
