// The catalogue as a client receives it (the real tools/list result through the MCP layer): what
// every conversation pays before its first word stays within a byte budget.
import { describe, expect, it } from "vitest";
import { dispatch } from "../../src/mcp/server";
import { SERVER_INFO } from "../../src/version";

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

async function toolsList(era: "legacy" | "modern") {
  const classified =
    era === "legacy"
      ? { era: "legacy" as const, version: "2025-11-25" }
      : { era: "modern" as const, version: "2026-07-28" };
  const options = {
    info: SERVER_INFO,
    instructions: "",
    requestId: "test",
    context: () => Promise.reject(new Error("not needed")),
  };
  const result = await dispatch("tools/list", {}, classified, options);
  // The catalogue is serialised once per isolate and spliced into responses as is.
  const tools = JSON.parse((result.tools as { json: string }).json) as Record<string, unknown>[];
  return { ...result, tools };
}

// Issue 10's budget, which counts its own tools; issue 8's cap of 40 counts the tools before them.
const ISSUE_10_TOOLS = new Set([
  "records_merge",
  "notes_update",
  "attributes_save",
  "lists_save",
  "emails_list",
  "sql_query",
]);

describe("catalogue budget", () => {
  it("keeps name + description + inputSchema of the whole catalogue within 24,000 bytes", async () => {
    const { tools } = await toolsList("legacy");
    const visible = tools.map(({ name, description, inputSchema }) => ({ name, description, inputSchema }));
    expect(bytes(visible)).toBeLessThanOrEqual(24_000);
  });

  it.each(["legacy", "modern"] as const)("keeps the whole %s tools/list result within 38,000 bytes", async (era) => {
    expect(bytes(await toolsList(era))).toBeLessThanOrEqual(38_000);
  });

  it("has no inputSchema over 4 KB, and at most 40 tools besides issue 10's", async () => {
    const { tools } = await toolsList("legacy");
    for (const tool of tools) expect(bytes(tool.inputSchema), tool.name as string).toBeLessThanOrEqual(4_096);
    expect(tools.filter((tool) => !ISSUE_10_TOOLS.has(tool.name as string)).length).toBeLessThanOrEqual(40);
  });

  it("still says in every description when to use the tool and shows one example call", async () => {
    const { tools } = await toolsList("legacy");
    for (const tool of tools) {
      const description = tool.description as string;
      expect(description.match(/Example: /g), tool.name as string).toHaveLength(1);
      // Some words of purpose before the example, not an example alone.
      expect(description.indexOf("Example: "), tool.name as string).toBeGreaterThan(40);
    }
  });

  it("serialises the catalogue once: the same page object on every call", async () => {
    const classified = { era: "legacy" as const, version: "2025-11-25" };
    const options = {
      info: SERVER_INFO,
      instructions: "",
      requestId: "test",
      context: () => Promise.reject(new Error("not needed")),
    };
    const first = await dispatch("tools/list", {}, classified, options);
    const second = await dispatch("tools/list", {}, classified, options);
    expect(second.tools).toBe(first.tools);
  });
});
