// health-check: proves the server answers and, when signed in, which Attio workspace it reaches
// and which tool families the granted scopes leave out.
import { unwrap } from "../attio/client";
import { SignInAgain } from "../sign-in-again";
import { uncoveredFamilies } from "./scopes";
import { READ_ONLY, type Tool } from "./tool";

const healthCheck: Tool<Record<string, never>> = {
  name: "health-check",
  title: "Check the Attio connection",
  description:
    "Checks that this MCP server is up and that its Attio connection works, reporting the server version, " +
    "the Attio workspace, the signed-in member, tool families the app's scopes do not cover, and whether " +
    "this deployment is read-only. Use it first when other tools fail. Example: {}",
  annotations: READ_ONLY,
  inputSchema: { type: "object", properties: {}, additionalProperties: false },
  outputSchema: {
    type: "object",
    properties: {
      status: { type: "string", enum: ["ok"] },
      server_version: { type: "string" },
      workspace: {
        type: "object",
        properties: { id: { type: "string" }, name: { type: "string" }, slug: { type: "string" } },
        required: ["id", "name", "slug"],
      },
      member_id: { type: ["string", "null"] },
      scopes: { type: "array", items: { type: "string" } },
      token_level: { type: "string" },
      not_covered: {
        type: "array",
        items: {
          type: "object",
          properties: {
            family: { type: "string" },
            tools: { type: "string" },
            missing: { type: "array", items: { type: "string" } },
          },
          required: ["family", "tools", "missing"],
        },
      },
      note: { type: "string" },
      tools: {
        type: "object",
        properties: { read_only: { type: "boolean" }, count: { type: "integer" } },
        required: ["read_only", "count"],
      },
    },
    required: ["status", "server_version", "workspace"],
  },
  async run(ctx) {
    const self = await unwrap(ctx.attio.GET("/v2/self"));
    if (!self.active) {
      // Attio reports a revoked token as inactive: as final as its 401.
      throw new SignInAgain("Attio reports this connection's token as inactive; sign in again", true);
    }
    return {
      structured: {
        status: "ok",
        server_version: ctx.serverVersion,
        workspace: { id: self.workspace_id, name: self.workspace_name, slug: self.workspace_slug },
        member_id: self.authorized_by_workspace_member_id,
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
