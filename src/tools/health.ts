// health-check: proves the server answers and, when signed in, which Attio workspace it reaches
// and which tool families the granted scopes leave out.
import { unwrap } from "../attio/client";
import { AttioError } from "../attio/errors";
import { uncoveredFamilies } from "./scopes";
import { READ_ONLY, type Tool } from "./tool";

const healthCheck: Tool<Record<string, never>> = {
  name: "health-check",
  title: "Check the Attio connection",
  description:
    "Checks that this MCP server is up and that its Attio connection works, reporting the server version, " +
    "the Attio workspace, the signed-in member and tool families the app's scopes do not cover. Use it first " +
    "when other tools fail. Example: {}",
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
    },
    required: ["status", "server_version", "workspace"],
  },
  async run(ctx) {
    const self = await unwrap(ctx.attio.GET("/v2/self"));
    if (!self.active) {
      // Attio reports a revoked token as inactive: treat it like its 401 so the client signs in again.
      throw new AttioError({
        kind: "http",
        status: 401,
        type: "auth_error",
        code: "inactive_token",
        message: "token inactive",
      });
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
