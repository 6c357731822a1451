// health-check: proves the server answers and, when signed in, which Attio workspace it reaches.
import { unwrap } from "../attio/client";
import { SignInAgain } from "../sign-in-again";
import { READ_ONLY, type Tool } from "./tool";

const healthCheck: Tool<Record<string, never>> = {
  name: "health-check",
  title: "Check the Attio connection",
  description:
    "Checks that this MCP server is up and that its Attio connection works, reporting the server version, " +
    "the Attio workspace, the signed-in member and whether this deployment is read-only. " +
    "Use it first when other tools fail. Example: {}",
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
        ...(ctx.toolMode ? { tools: { read_only: ctx.toolMode.readOnly, count: ctx.toolMode.count } } : {}),
      },
    };
  },
};

export const healthTools: Tool[] = [healthCheck];
