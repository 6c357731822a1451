// `npx tsx bench/tasks-run.ts [out.md]`: runs bench/tasks.ts through the MCP endpoint (the real
// JSON-RPC layer, in process) against a fresh sandbox per task, and prints per task the tool
// calls, the Attio requests they made and the bytes of tool results a model reads; then the
// catalogue's size as tools/list returns it.
import { writeFileSync } from "node:fs";
import { createAttio } from "../src/attio/client";
import { handleMcp } from "../src/mcp/transport";
import { INSTRUCTIONS } from "../src/mcp/server";
import { forgetAll } from "../src/tools/cache";
import type { ToolContext } from "../src/tools/tool";
import { SERVER_INFO } from "../src/version";
import { startSandbox } from "../test/sandbox/index";
import { MEMBERS, SANDBOX_TOKEN, WORKSPACE } from "../test/sandbox/seed";
import { TASKS, type Call } from "./tasks";

const ORIGIN = "https://bench.example";
const sandbox = await startSandbox({ quiet: true });
const bytes = (text: string) => new TextEncoder().encode(text).length;

const context = (): Promise<ToolContext> =>
  Promise.resolve({
    attio: createAttio({ baseUrl: sandbox.url, token: SANDBOX_TOKEN }),
    workspaceId: WORKSPACE.id,
    workspaceSlug: WORKSPACE.slug,
    // The grant names the signed-in member, as after a real sign-in.
    memberId: MEMBERS[0].id,
    serverVersion: SERVER_INFO.version,
  });

async function rpc(method: string, params: object): Promise<Record<string, unknown>> {
  const request = new Request(`${ORIGIN}/mcp`, {
    method: "POST",
    headers: { "content-type": "application/json", "mcp-protocol-version": "2025-11-25" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const response = await handleMcp(request, {
    info: SERVER_INFO,
    instructions: INSTRUCTIONS,
    selfOrigin: ORIGIN,
    requestId: "bench",
    context,
  });
  const body = (await response.json()) as { result?: Record<string, unknown>; error?: unknown };
  if (!body.result) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}

async function control(method: string, path: string): Promise<unknown> {
  return (await fetch(`${sandbox.url}/__sandbox/${path}`, { method })).json();
}

const offered = new Set(((await rpc("tools/list", {})) as { tools: { name: string }[] }).tools.map((t) => t.name));
const rows: string[][] = [];
const totals = { calls: 0, requests: 0, bytes: 0 };
for (const task of TASKS) {
  await control("POST", "reset");
  forgetAll();
  await control("DELETE", "requests");
  let calls = 0;
  let read = 0;
  const call: Call = async (name, args) => {
    calls++;
    const result = (await rpc("tools/call", { name, arguments: args })) as {
      content: { text: string }[];
      isError?: boolean;
    };
    const text = result.content[0]?.text ?? "";
    read += bytes(text);
    if (result.isError) throw new Error(`${task.name}: ${name} failed: ${text}`);
    return JSON.parse(text);
  };
  await task.run(call, offered);
  const requests = ((await control("GET", "requests")) as unknown[]).length;
  rows.push([task.name, String(calls), String(requests), String(read)]);
  totals.calls += calls;
  totals.requests += requests;
  totals.bytes += read;
}
rows.push(["**total**", String(totals.calls), String(totals.requests), String(totals.bytes)]);

const listed = (await rpc("tools/list", {})) as { tools: Record<string, unknown>[] };
const visible = listed.tools.map(({ name, description, inputSchema }) => ({ name, description, inputSchema }));
const catalogue = [
  ["tools", String(listed.tools.length)],
  ["name + description + inputSchema (B)", String(bytes(JSON.stringify(visible)))],
  ["whole tools/list result (B)", String(bytes(JSON.stringify(listed)))],
  ["largest inputSchema (B)", String(Math.max(...listed.tools.map((t) => bytes(JSON.stringify(t.inputSchema)))))],
  ["instructions (B)", String(bytes(INSTRUCTIONS))],
];
await sandbox.close();

const report = [
  "Tasks (fresh sandbox and cold caches per task; bytes = tool result text the model reads)\n",
  table(["task", "tool calls", "Attio requests", "result bytes"], rows),
  "\nCatalogue\n",
  table(["measure", "value"], catalogue),
].join("\n");
console.log(report);
const out = process.argv[2];
if (out) writeFileSync(out, `${report}\n`);

function table(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? "").length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}
