// health-check: proves the server answers and, when signed in, which Attio workspace it reaches.
import { unwrap } from "../attio/client";
import { AttioError } from "../attio/errors";
import { READ_ONLY, type Tool } from "./tool";

const healthCheck: Tool<Record<string, never>> = {
  name: "health-check",
  title: "Check the Attio connection",
  description:
    "Checks that this MCP server is up and that its Attio connection works, reporting the server version, " +
    "the Attio workspace and the signed-in member. Use it first when other tools fail. Example: {}",
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
      },
    };
  },
};

export const healthTools: Tool[] = [healthCheck];
