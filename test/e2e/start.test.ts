// `npm start` as a newcomer runs it: wrangler dev with local KV plus the Attio sandbox. It must
// announce the MCP URL, let a client sign in and call a tool, and stop everything on Ctrl-C.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { mcpCall, signInOverHttp } from "./http-signin";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function refused(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return false;
  } catch {
    return true;
  }
}

describe("npm start", () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    // Belt and braces: never leave wrangler or workerd behind if an assertion failed.
    if (child?.pid) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  });

  it("serves /mcp on the announced URL with the sandbox, and Ctrl-C stops everything", async () => {
    const [port, sandboxPort] = [await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      SANDBOX_PORT: String(sandboxPort),
      // Operator settings from the shell reach the Worker, as the Attio ones do.
      READ_ONLY: "true",
      DISABLED_TOOLS: "comments",
      ALLOWED_EMAIL_DOMAINS: "sandbox.example",
    };
    for (const name of ["ATTIO_CLIENT_ID", "ATTIO_CLIENT_SECRET", "TOKEN_ENCRYPTION_KEY", "WORKER_URL"])
      delete env[name];
    child = spawn("node_modules/.bin/tsx", ["scripts/start.ts"], {
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const ready = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start not ready in 60 s:\n${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Connect an MCP client to: (\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child!.stdout!.on("data", onData);
      child!.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child!.on("exit", (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
    });
    const mcpUrl = await ready;
    expect(mcpUrl).toBe(`http://127.0.0.1:${port}/mcp`);
    expect(output).toContain(`http://127.0.0.1:${sandboxPort}`);
    const origin = new URL(mcpUrl).origin;

    const health = await fetch(`${origin}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      tools: { read_only: true, trimmed: true },
      sign_in_restricted_by: ["ALLOWED_EMAIL_DOMAINS"],
    });
    expect((await fetch(mcpUrl, { method: "POST", body: "{}" })).status).toBe(401);
    const token = await signInOverHttp(origin);
    const called = await mcpCall(origin, token, "tools/call", { name: "records_search", arguments: { query: "acme" } });
    expect(called.status).toBe(200);
    expect(await called.text()).toContain("Acme");

    const exited = new Promise<number | null>((resolve) => child!.on("exit", resolve));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    // Nothing it started is left: neither the Worker nor the sandbox answers.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await refused(`${origin}/health`)).toBe(true);
    expect(await refused(`http://127.0.0.1:${sandboxPort}/v2/self`)).toBe(true);
  }, 120_000);

  it.each(["PORT", "SANDBOX_PORT"])("a busy %s: says which port is taken and how to pick another", async (setting) => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const taken = (busy.address() as { port: number }).port;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(await freePort()),
      SANDBOX_PORT: String(await freePort()),
    };
    env[setting] = String(taken);
    for (const name of ["ATTIO_CLIENT_ID", "ATTIO_CLIENT_SECRET"]) delete env[name];
    const started = spawn("node_modules/.bin/tsx", ["scripts/start.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    started.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    started.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => started.on("exit", resolve));
    busy.close();
    expect(code).toBe(1);
    expect(output).toContain(`Port ${taken} (${setting}) is already in use`);
    expect(output).toContain(`${setting}=${taken + 10} npm start`);
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
  });
});
