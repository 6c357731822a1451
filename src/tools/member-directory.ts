// The workspace's members, loaded once per workspace per minute: names every actor reference
// (owner, assignees, authors) and resolves "me", an email or a unique name to a member id.
import { unwrap } from "../attio/client";
import { memo } from "./cache";
import { isUuid } from "./schemas";
import { ToolInputError, type ToolContext } from "./tool";

export interface MemberRef {
  id: string;
  name: string;
  email: string;
}

/** GET /v2/workspace_members is neither filtered nor paged, so one request names everyone. */
export function memberDirectory(ctx: ToolContext): Promise<Map<string, MemberRef>> {
  return memo(ctx, ["members"], async () => {
    const listed = await unwrap(ctx.attio.GET("/v2/workspace_members"));
    return new Map(
      listed.data.map((m) => [
        m.id.workspace_member_id,
        {
          id: m.id.workspace_member_id,
          name: `${m.first_name} ${m.last_name}`.trim(),
          email: m.email_address,
        },
      ]),
    );
  });
}

/**
 * The member who signed in: from the grant, else GET /v2/self.
 * @public shared with the "me" work of issue 8 (knip: not yet imported)
 */
export async function signedInMemberId(ctx: ToolContext): Promise<string> {
  if (ctx.memberId) return ctx.memberId;
  const self = await unwrap(ctx.attio.GET("/v2/self"));
  const member = self.active ? self.authorized_by_workspace_member_id : undefined;
  if (!member)
    throw new ToolInputError(
      'this connection has no workspace member (for "me" or as author): sign in again as a member',
    );
  return member;
}

/**
 * A member given as "me", a member id, an email address or a name that only one member has.
 * Anything else is an argument error that names the way out (members_list).
 * @public shared with the "me" work of issue 8 (knip: not yet imported)
 */
export async function resolveMember(ctx: ToolContext, given: string): Promise<string> {
  const ref = given.trim();
  if (ref.toLowerCase() === "me") return signedInMemberId(ctx);
  if (isUuid(ref)) return ref.toLowerCase();
  const members = [...(await memberDirectory(ctx)).values()];
  const needle = ref.toLowerCase();
  const byEmail = members.find((m) => m.email.toLowerCase() === needle);
  if (byEmail) return byEmail.id;
  const byName = members.filter((m) => m.name.toLowerCase() === needle);
  if (byName.length === 1) return byName[0]!.id;
  if (byName.length > 1)
    throw new ToolInputError(
      `${byName.length} members are named "${ref}" (${byName.map((m) => m.email).join(", ")}): give an email instead`,
    );
  throw new ToolInputError(
    `no workspace member is "${ref}": give "me", a member's email or exact name, or an id from members_list`,
  );
}
