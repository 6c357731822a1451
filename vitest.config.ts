// Two projects: "workers" runs inside workerd with real local KV (the Worker itself and its
// modules); "node" runs the sandbox's own tests and end-to-end flows with the official MCP
// SDK client over real HTTP. Both reach the Attio sandbox on 127.0.0.1.
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { TEST_BINDINGS } from "./test/bindings.ts";

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest(({ inject }) => ({
            main: "./src/index.ts",
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: {
                ...TEST_BINDINGS,
                ATTIO_API_BASE: inject("attioBase"),
                ATTIO_OAUTH_BASE: inject("attioBase"),
              },
              // Test files sign in hundreds of times a minute from one address: the real binding
              // with a roomy limit, and a tight one that test/oauth/front-door.test.ts swaps in.
              ratelimits: {
                OAUTH_RATE_LIMITER: { simple: { limit: 100_000, period: 60 } },
                TIGHT_RATE_LIMITER: { simple: { limit: 3, period: 60 } },
              },
            },
          })),
        ],
        test: {
          name: "workers",
          include: ["test/**/*.test.ts"],
          exclude: ["test/sandbox/**", "test/e2e/**", "test/node/**"],
          globalSetup: ["./test/global-setup.ts"],
          setupFiles: ["./test/setup-file.ts"],
          // One shared sandbox holds fault and request-log state: files run one at a time.
          fileParallelism: false,
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "node",
          environment: "node",
          include: ["test/sandbox/**/*.test.ts", "test/e2e/**/*.test.ts", "test/node/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
