// members_list: who is in the workspace, to name assignees, owners and comment authors.
import type { components } from "../../generated/attio";
import { unwrap } from "../attio/client";
import { wholeList } from "./paging";
import { pageSchema } from "./schemas";
import { READ_ONLY, type Tool } from "./tool";

type AttioMember = components["schemas"]["workspace-member"];

function compactMember(member: AttioMember) {
  return {
    id: member.id.workspace_member_id,
    name: `${member.first_name} ${member.last_name}`.trim(),
    email: member.email_address,
    access_level: member.access_level,
  };
}

const membersList: Tool<{ query?: string }> = {
  name: "members_list",
  title: "Find workspace members",
  description:
    "Lists workspace members (id, name, email, access), optionally those whose name or email contains query. " +
    'Example: {"query":"ann"}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: {
      query: { type: "string", minLength: 1 },
    },
    additionalProperties: false,
  },
  outputSchema: pageSchema("members", "whole"),
  async run(ctx, args) {
    // Attio's endpoint is neither filtered nor paginated, so the match happens here.
    const listed = await unwrap(ctx.attio.GET("/v2/workspace_members"));
    const needle = args.query?.trim().toLowerCase();
    const all = listed.data
      .map(compactMember)
      .filter((m) => !needle || `${m.name} ${m.email}`.toLowerCase().includes(needle));
    return { structured: wholeList("members", all, "pass a narrower query") };
  },
};

export const memberTools: Tool[] = [membersList];
