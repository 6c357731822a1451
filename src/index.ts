// The Worker's table of contents: every route it serves and the stages around them.
import { AutoRouter, type IRequest } from "itty-router";
import { createAttio, checkBaseUrl, isLoopback } from "./attio/client";
import type { Env } from "./env";
import { corsify, preflight, renderUnexpected } from "./http";
import { INSTRUCTIONS } from "./mcp/server";
import { handleMcp } from "./mcp/transport";
import { SERVER_INFO } from "./version";

const DEFAULT_API_BASE = "https://api.attio.com";

const router = AutoRouter<IRequest, [Env, ExecutionContext]>({
  before: [preflight],
  catch: renderUnexpected,
  finally: [corsify],
});

router.get("/health", () => ({ status: "ok", name: SERVER_INFO.name, version: SERVER_INFO.version }));
router.all("/mcp", (request, env) => serveMcp(request, env));
router.post("/", (request, env) => serveMcp(request, env));

async function serveMcp(request: IRequest, env: Env): Promise<Response> {
  const apiBase = checkBaseUrl(env.ATTIO_API_BASE ?? DEFAULT_API_BASE, "ATTIO_API_BASE");
  const selfOrigin = new URL(env.WORKER_URL ?? request.url).origin;
  return handleMcp(request, {
    info: SERVER_INFO,
    instructions: INSTRUCTIONS,
    selfOrigin,
    extraOrigins: (env.ALLOWED_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean),
    strictVersionHeader: env.MCP_STRICT_VERSION_HEADER === "true",
    context: async () => {
      const token = devToken(env, apiBase);
      return { attio: createAttio({ baseUrl: apiBase, token }), workspaceId: "dev", workspaceSlug: "dev", serverVersion: SERVER_INFO.version };
    },
  });
}

/** Until OAuth: a token from a local-only setting, honoured only against a loopback Attio (the sandbox). */
function devToken(env: Env, apiBase: string): string {
  const token = env.ATTIO_DEV_TOKEN;
  if (!token || !isLoopback(new URL(apiBase).hostname)) throw new Error("No Attio token configured");
  return token;
}

export default { fetch: router.fetch } satisfies ExportedHandler<Env>;
