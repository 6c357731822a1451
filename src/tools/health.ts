// health-check: proves the server answers and, when signed in, which Attio workspace it reaches
// and which tool families the granted scopes leave out.
import { unwrap } from "../attio/client";
import { SignInAgain } from "../sign-in-again";
import { memberDirectory } from "./member-directory";
import { outputOf } from "./schemas";
import { uncoveredFamilies } from "./scopes";
import { READ_ONLY, type Tool } from "./tool";

const healthCheck: Tool<Record<string, never>> = {
  name: "health-check",
  title: "Check the Attio connection",
  description:
    "Checks the Attio connection: version, workspace, signed-in member (name, email), scopes and the tool " +
    "families they do not cover. Use first when other tools fail. Example: {}",
  annotations: READ_ONLY,
  inputSchema: { type: "object", properties: {}, additionalProperties: false },
  outputSchema: outputOf({
    status: "string",
    server_version: "string",
    workspace: "object",
    member: "object?",
    not_covered: "object[]?",
  }),
  async run(ctx) {
    const self = await unwrap(ctx.attio.GET("/v2/self"));
    if (!self.active) {
      // Attio reports a revoked token as inactive: as final as its 401.
      throw new SignInAgain("Attio reports this connection's token as inactive; sign in again", true);
    }
    const memberId = self.authorized_by_workspace_member_id;
    // One more request (cached a minute, shared with every tool that names members) to say who "me" is.
    const member = memberId ? (await memberDirectory(ctx)).get(memberId) : undefined;
    return {
      structured: {
        status: "ok",
        server_version: ctx.serverVersion,
        workspace: { id: self.workspace_id, name: self.workspace_name, slug: self.workspace_slug },
        member_id: self.authorized_by_workspace_member_id,
        ...(member ? { member } : {}),
        scopes: self.scope.split(" ").filter(Boolean),
        token_level: self.token_level,
        ...notCovered(self.scope),
        ...(ctx.toolMode ? { tools: { read_only: ctx.toolMode.readOnly, count: ctx.toolMode.count } } : {}),
      },
    };
  },
};

/** Families whose scopes were not granted, and what to do about it. */
function notCovered(scope: string) {
  const families = uncoveredFamilies(scope);
  if (families.length === 0) return {};
  return {
    not_covered: families,
    note:
      "These tools will be refused by Attio until a workspace admin adds the missing scopes to the Attio app " +
      "(build.attio.com) and you sign in again.",
  };
}

export const healthTools: Tool[] = [healthCheck];
