// READ_ONLY, TOOLS and DISABLED_TOOLS change what tools/list offers and what tools/call accepts,
// in both eras, while initialize and server/discover still announce the tools capability;
// /health and health-check report the mode; a name that is neither a tool nor a family is a
// configuration error naming the setting.
import { beforeAll, describe, expect, it } from "vitest";
import type { Env } from "../../src/env";
import { FAMILIES, TOOLS } from "../../src/tools/index";
import { legacy, type Message, modern, sandbox, signIn, WORKER } from "../helpers";
import { callWorker } from "../oauth/worker";

let token: string;
beforeAll(async () => {
  await sandbox.reset();
  token = await signIn();
});

async function rpc(settings: Partial<Env>, message: Message): Promise<{ status: number; body: any }> {
  const response = await callWorker(settings, `${WORKER}/mcp`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      authorization: `Bearer ${token}`,
      ...message.headers,
    },
    body: JSON.stringify(message.body),
  });
  return { status: response.status, body: await response.json() };
}

async function listed(settings: Partial<Env>, era: typeof modern | typeof legacy = legacy): Promise<string[]> {
  const { body } = await rpc(settings, era({ method: "tools/list" }));
  return body.result.tools.map((tool: { name: string }) => tool.name);
}

function call(name: string, args: object, era: typeof modern | typeof legacy = legacy): Message {
  return era({ method: "tools/call", params: { name, arguments: args } });
}

const READ_TOOLS = TOOLS.filter((tool) => tool.annotations.readOnlyHint).map((tool) => tool.name);
const WRITE_TOOLS = TOOLS.filter((tool) => !tool.annotations.readOnlyHint).map((tool) => tool.name);

describe("READ_ONLY=true", () => {
  it.each([
    ["legacy", legacy],
    ["2026-07-28", modern],
  ] as const)("lists exactly the read tools (%s)", async (_era, era) => {
    expect(WRITE_TOOLS.length).toBeGreaterThan(5);
    expect(await listed({ READ_ONLY: "true" }, era)).toEqual(READ_TOOLS);
    expect(await listed({}, era)).toEqual(TOOLS.map((tool) => tool.name));
  });

  it.each(["create-record", "delete-record", "notes_delete", "tasks_create"])(
    "refuses %s as an unknown tool",
    async (name) => {
      expect(WRITE_TOOLS).toContain(name);
      const { status, body } = await rpc({ READ_ONLY: "true" }, call(name, {}));
      expect(status).toBe(200);
      expect(body.error.code).toBe(-32602);
      expect(body.error.message).toBe(`Unknown tool: ${name}. Call tools/list for the available tools.`);
      // and the same call without the setting reaches the tool (its own argument check answers)
      const open = await rpc({}, call(name, {}));
      expect(open.body.result.isError).toBe(true);
    },
  );

  it("still answers read tools, and health-check reports the mode", async () => {
    const { body } = await rpc({ READ_ONLY: "true" }, call("health-check", {}, modern));
    expect(body.result.structuredContent.tools).toEqual({ read_only: true, count: READ_TOOLS.length });
    const normal = await rpc({}, call("health-check", {}));
    expect(normal.body.result.structuredContent.tools).toEqual({ read_only: false, count: TOOLS.length });
  });

  it("keeps the tools capability in initialize and server/discover", async () => {
    const init = await rpc(
      { READ_ONLY: "true" },
      legacy({
        method: "initialize",
        params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "t", version: "1" } },
      }),
    );
    expect(init.body.result.capabilities.tools).toEqual({});
    const discover = await rpc({ READ_ONLY: "true" }, modern({ method: "server/discover" }));
    expect(discover.body.result.capabilities.tools).toEqual({});
  });
});

describe("TOOLS and DISABLED_TOOLS", () => {
  it("TOOLS keeps the named families and tools, plus health-check", async () => {
    const notes = FAMILIES.notes!.map((tool) => tool.name);
    expect(notes).toEqual(expect.arrayContaining(["create-note", "list-notes", "notes_get", "notes_delete"]));
    const names = await listed({ TOOLS: "notes, members_list" });
    expect(names).toEqual([
      "health-check",
      ...TOOLS.map((t) => t.name).filter((n) => notes.includes(n) || n === "members_list"),
    ]);
    expect(names).toEqual(expect.arrayContaining(notes));
    const refused = await rpc({ TOOLS: "notes" }, call("records_search", { query: "acme" }));
    expect(refused.body.error.code).toBe(-32602);
    const allowed = await rpc({ TOOLS: "notes" }, call("list-notes", {}));
    expect(allowed.body.result).toBeDefined();
  });

  it("DISABLED_TOOLS removes names and families; a call to one is an unknown tool", async () => {
    const names = await listed({ DISABLED_TOOLS: "delete-record comments" });
    expect(names).not.toContain("delete-record");
    expect(names.filter((n) => n.startsWith("comments_"))).toEqual([]);
    expect(names).toHaveLength(TOOLS.length - 1 - TOOLS.filter((t) => t.name.startsWith("comments_")).length);
    const { body } = await rpc(
      { DISABLED_TOOLS: "delete-record" },
      call("delete-record", { object: "companies", record_id: "x" }, modern),
    );
    expect(body.error.code).toBe(-32602);
    expect(body.error.message).toContain("Unknown tool: delete-record");
  });

  it("READ_ONLY with TOOLS keeps only the read tools of those families", async () => {
    expect(await listed({ READ_ONLY: "true", TOOLS: "tasks" })).toEqual(["health-check", "tasks_list"]);
  });

  it.each([
    ["TOOLS", { TOOLS: "records, recrods" }, '"recrods"'],
    ["DISABLED_TOOLS", { DISABLED_TOOLS: "delete_record" }, '"delete_record"'],
    ["READ_ONLY", { READ_ONLY: "yes" }, '"true" or "false"'],
  ] as const)("a bad %s is a 503 naming it and the way out", async (setting, settings, detail) => {
    const health = await callWorker(settings, `${WORKER}/health`);
    expect(health.status).toBe(503);
    const body: any = await health.json();
    expect(body.problems).toEqual([{ setting, message: expect.stringContaining(detail) }]);
    if (setting !== "READ_ONLY") expect(body.problems[0].message).toContain("families are health, records,");
    const mcp = await rpc(settings, legacy({ method: "tools/list" }));
    expect(mcp.status).toBe(503);
  });
});

describe("/health reports the mode by name, never values", () => {
  it("tools and sign-in restrictions", async () => {
    const open: any = await (await callWorker({}, `${WORKER}/health`)).json();
    expect(open).toMatchObject({
      status: "ok",
      tools: { read_only: false, trimmed: false, count: TOOLS.length },
      sign_in_restricted_by: [],
    });
    const settings = { READ_ONLY: "true", DISABLED_TOOLS: "search", ALLOWED_WORKSPACE_SLUGS: "secret-slug" };
    const response = await callWorker(settings, `${WORKER}/health`);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({
      tools: { read_only: true, trimmed: true, count: READ_TOOLS.length - 1 },
      sign_in_restricted_by: ["ALLOWED_WORKSPACE_SLUGS"],
    });
    expect(text).not.toContain("secret-slug");
  });
});
