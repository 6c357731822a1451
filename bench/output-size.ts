// Tool output size against the raw Attio JSON for the same data, and Attio requests per tool
// call. Runs the tool code in Node against an in-process sandbox: `npx tsx bench/output-size.ts`.
import { createAttio } from "../src/attio/client";
import { forgetAll } from "../src/tools/cache";
import { findTool, runTool } from "../src/tools/index";
import type { ToolContext } from "../src/tools/tool";
import { startSandbox } from "../test/sandbox/index";
import { IDS, SANDBOX_TOKEN, WORKSPACE } from "../test/sandbox/seed";
import { TYPICAL } from "../test/tools/typical";

const sandbox = await startSandbox({ quiet: true });
const base = sandbox.url;
const ctx: ToolContext = {
  attio: createAttio({ baseUrl: base, token: SANDBOX_TOKEN }),
  workspaceId: WORKSPACE.id,
  workspaceSlug: WORKSPACE.slug,
  serverVersion: "bench",
};

const bytes = (text: string) => new TextEncoder().encode(text).length;

async function control(method: string, path: string): Promise<unknown> {
  return (await fetch(`${base}/__sandbox/${path}`, { method })).json();
}

/** The raw Attio response body, byte for byte, as the sandbox serves it. */
async function raw(method: string, path: string, body?: unknown): Promise<string> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${SANDBOX_TOKEN}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return response.text();
}

async function toolText(name: string, args: unknown): Promise<string> {
  const result = await runTool(findTool(name)!, args, ctx);
  if (result.isError) throw new Error(`${name}: ${result.content[0]?.text}`);
  return result.content[0]!.text;
}

async function compare(label: string, ours: Promise<string>, theirs: Promise<string>, note = ""): Promise<string[]> {
  const [a, b] = [bytes(await ours), bytes(await theirs)];
  return [label, String(a), String(b), `${((a / b) * 100).toFixed(1)} %`, note];
}

await control("POST", "reset");
const rows = [
  await compare(
    "records_search, 25 companies",
    toolText("records_search", { query: "", objects: ["companies"], limit: 25 }),
    raw("POST", "/v2/objects/records/search", {
      query: "",
      objects: ["companies"],
      request_as: { type: "workspace" },
      limit: 25,
    }),
    "like for like: raw search also carries only ids and titles (plus domains)",
  ),
  await compare(
    "records_search, 25 companies (vs records)",
    toolText("records_search", { query: "", objects: ["companies"], limit: 25 }),
    raw("POST", "/v2/objects/companies/records/query", { limit: 25, offset: 0 }),
    "NOT like for like: search returns no attribute values; shown only for scale",
  ),
  await compare(
    "records_query, 25 companies",
    toolText("records_query", { object: "companies", limit: 25 }),
    raw("POST", "/v2/objects/companies/records/query", { limit: 25, offset: 0 }),
    "full compact records vs raw records",
  ),
  await compare(
    "records_get_details, Acme Corp",
    toolText("records_get_details", { object: "companies", record_id: IDS.companies.acme }),
    raw("GET", `/v2/objects/companies/records/${IDS.companies.acme}`),
    "every attribute, no fields projection",
  ),
  await compare(
    "records_get_details, Ann Lee",
    toolText("records_get_details", { object: "people", record_id: IDS.people.ann }),
    raw("GET", `/v2/objects/people/records/${IDS.people.ann}`),
  ),
  await compare(
    "list_entries_query, sales_pipeline",
    toolText("list_entries_query", { list: "sales_pipeline" }),
    raw("POST", "/v2/lists/sales_pipeline/entries/query", { limit: 25, offset: 0 }),
  ),
];

console.log("Output size: our tool text vs the raw Attio JSON for the same data (target ≤ 20 %)\n");
console.log(table(["call", "ours (B)", "raw Attio (B)", "ratio", "note"], rows));

const counts: string[][] = [];
for (const [name, args] of TYPICAL) {
  await control("POST", "reset");
  forgetAll();
  await runTool(findTool(name)!, args, ctx);
  const requests = (await control("GET", "requests")) as { method: string; path: string }[];
  counts.push([name, String(requests.length), requests.map((r) => `${r.method} ${r.path}`).join(", ")]);
}
console.log("\nAttio requests per tool call (typical call, cold metadata cache)\n");
console.log(table(["tool", "requests", "Attio calls"], counts));

await sandbox.close();

function table(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? "").length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}
