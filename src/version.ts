// The server's identity, reported by initialize, server/discover and health-check.
import type { ServerInfo } from "./mcp/types";

export const SERVER_INFO: ServerInfo = { name: "attio-mcp-server", title: "Attio CRM", version: "0.1.0" };
