// The Worker on a real loopback port: src/index.ts bundled with esbuild (as workerd resolves
// modules) and run by Miniflare with local KV, next to the Attio sandbox.
import { build } from "esbuild";
import { Miniflare, type Request as MiniflareRequest, Response as MiniflareResponse } from "miniflare";
import { startSandbox, type Sandbox } from "../sandbox/index";
import { TEST_BINDINGS } from "../bindings";

export interface Harness {
  /** e.g. http://127.0.0.1:54321, no trailing slash */
  workerUrl: string;
  sandbox: Sandbox;
  mf: Miniflare;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /**
   * Answers the Worker's outbound fetches to these https hosts from Node instead of the
   * network (as a hosts-file entry would): e.g. a CIMD document's host → a loopback server.
   */
  hostRoutes?: Record<string, string>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox({ quiet: true });
  const bundle = await build({
    entryPoints: ["src/index.ts"],
    bundle: true,
    format: "esm",
    platform: "neutral",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["module", "main"],
    external: ["cloudflare:*"], // workerd's built-in modules, as wrangler leaves them
    write: false,
    logLevel: "silent",
  });
  const routes = options.hostRoutes ?? {};
  const mf = new Miniflare({
    modules: true,
    script: bundle.outputFiles[0]!.text,
    compatibilityDate: "2026-04-20",
    compatibilityFlags: ["global_fetch_strictly_public"],
    kvNamespaces: ["TOKEN_STORE"],
    // The deployed binding (wrangler.toml), roomy enough for a test file's sign-ins from one address.
    ratelimits: { OAUTH_RATE_LIMITER: { simple: { limit: 1000, period: 60 } } },
    bindings: { ...TEST_BINDINGS, ATTIO_API_BASE: sandbox.url, ATTIO_OAUTH_BASE: sandbox.url },
    host: "127.0.0.1",
    port: 0,
    // All of the Worker's outbound fetches (sandbox, CIMD documents) pass through Node's fetch.
    // Typed here: miniflare's option types lean on a zod 3 that the root zod 4 (from the MCP SDKs) shadows.
    outboundService: async (request: MiniflareRequest) => {
      const url = new URL(request.url);
      const target =
        routes[url.host] === undefined ? url.toString() : `${routes[url.host]}${url.pathname}${url.search}`;
      const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
      const response = await fetch(target, {
        method: request.method,
        headers: [...request.headers],
        body,
        redirect: "manual",
      });
      return new MiniflareResponse(await response.arrayBuffer(), {
        status: response.status,
        headers: response.headers as never,
      });
    },
  });
  const ready = await mf.ready;
  const workerUrl = ready.origin;
  return {
    workerUrl,
    sandbox,
    mf,
    async close() {
      await mf.dispose();
      await sandbox.close();
    },
  };
}
