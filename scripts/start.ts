// `npm start`: the Worker under `wrangler dev` (local KV, no network, no telemetry). With no
// Attio credentials configured it also starts the Attio sandbox and points the Worker at it.
// Ctrl-C stops everything it started.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { startSandbox, type Sandbox } from "../test/sandbox/index";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from "../test/sandbox/seed";

const PORT = Number(process.env.PORT ?? 8787);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 8788);
/** Local-only key for sandbox sign-ins; real deployments set their own with `wrangler secret put`. */
const SANDBOX_ENCRYPTION_KEY = "5a4e6e2b1c9d8f7e6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f";

/** Whether a setting is given in the shell or in .dev.vars (which wrangler dev reads itself). */
function configured(name: string): boolean {
  if (process.env[name]) return true;
  return existsSync(".dev.vars") && new RegExp(`^${name}\\s*=`, "m").test(readFileSync(".dev.vars", "utf8"));
}

function configuredCredentials(): boolean {
  return configured("ATTIO_CLIENT_ID") && configured("ATTIO_CLIENT_SECRET");
}

/** Settings taken from the shell when set there (`wrangler dev` itself reads only .dev.vars). */
const PASSED_THROUGH = [
  "ATTIO_CLIENT_ID",
  "ATTIO_CLIENT_SECRET",
  "TOKEN_ENCRYPTION_KEY",
  "WORKER_URL",
  "ATTIO_API_BASE",
  "ATTIO_OAUTH_BASE",
  "ALLOWED_ORIGINS",
  "MCP_STRICT_VERSION_HEADER",
  "GRANT_MAX_AGE_DAYS",
];

async function main(): Promise<void> {
  const vars: Record<string, string> = {};
  for (const name of PASSED_THROUGH) {
    const value = process.env[name];
    if (value) vars[name] = value;
  }
  let sandbox: Sandbox | undefined;
  if (!configuredCredentials()) {
    sandbox = await startSandbox({ port: SANDBOX_PORT, quiet: true });
    Object.assign(vars, {
      ATTIO_API_BASE: sandbox.url,
      ATTIO_OAUTH_BASE: sandbox.url,
      ATTIO_CLIENT_ID: SANDBOX_CLIENT_ID,
      ATTIO_CLIENT_SECRET: SANDBOX_CLIENT_SECRET,
      TOKEN_ENCRYPTION_KEY: SANDBOX_ENCRYPTION_KEY,
    });
    console.log(`Attio sandbox (no Attio credentials configured): ${sandbox.url}; sign-ins approve automatically`);
  } else if (!configured("WORKER_URL")) {
    // Real Attio checks the redirect URI exactly: pin one local origin, the one to register with
    // the Attio app (http://localhost:8787/oauth/callback), whatever host the browser uses.
    vars.WORKER_URL = `http://localhost:${PORT}`;
  }
  const origin = vars.WORKER_URL ?? `http://127.0.0.1:${PORT}`;
  const args = [
    "wrangler",
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(PORT),
    "--local",
    "--show-interactive-dev-session=false",
  ];
  for (const [key, value] of Object.entries(vars)) args.push("--var", `${key}:${value}`);
  const wrangler = spawn("npx", args, {
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: "false",
      CLOUDFLARE_CF_FETCH_ENABLED: "false",
      WRANGLER_SEND_ERROR_REPORTS: "false",
    },
  });
  let announced = false;
  wrangler.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && chunk.toString().includes("Ready on")) {
      announced = true;
      void announce(origin);
    }
  });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // wrangler leaves workerd children behind unless its whole process group is signalled.
    try {
      if (wrangler.pid) process.kill(-wrangler.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await sandbox?.close();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  wrangler.on("exit", (code) => void stop(code ?? 0));
}

/** Says where to connect, or, when /health reports a misconfiguration, what to fix instead. */
async function announce(origin: string): Promise<void> {
  try {
    const health = await fetch(`${origin.replace("localhost", "127.0.0.1")}/health`);
    if (health.status === 503) {
      const { problems } = (await health.json()) as { problems: { setting: string; message: string }[] };
      console.error(`\nThe server runs but is misconfigured; fix these in .dev.vars or the shell, then restart:`);
      for (const problem of problems) console.error(`  - ${problem.message}`);
      return;
    }
  } catch {
    // /health unreachable: announce anyway; wrangler has printed why
  }
  console.log(`\nMCP server ready. Connect an MCP client to: ${origin}/mcp (it signs in through OAuth)\n`);
}

await main();
