// tools/list: fixed order, opaque cursor pagination, well-formed descriptors; tools/call through a grant.
import { beforeAll, describe, expect, it } from "vitest";
import { legacy, post, signIn, sandbox } from "../helpers";
import { IDS, MEMBERS } from "../sandbox/seed";
import { TOOLS } from "../../src/tools/index";
import { dispatch } from "../../src/mcp/server";
import type { CallToolResult, ToolDescriptor } from "../../src/mcp/types";
import { SERVER_INFO } from "../../src/version";

const options = (pageSize: number) => ({
  info: SERVER_INFO,
  instructions: "",
  pageSize,
  requestId: "test",
  context: () => Promise.reject(new Error("not needed")),
});

interface ToolsPage {
  tools: ToolDescriptor[];
  nextCursor?: string;
}

let token: string;
beforeAll(async () => {
  await sandbox.reset(); // files share one sandbox: no faults left by others
  token = await signIn();
});

describe("tools/list", () => {
  it("lists every tool in the registry's fixed order", async () => {
    const response = await post(legacy({ method: "tools/list" }), { auth: token });
    const body = (await response.json()) as { result: ToolsPage };
    expect(body.result.tools.map((t) => t.name)).toEqual(TOOLS.map((t) => t.name));
    expect(body.result.nextCursor).toBeUndefined();
  });

  it("pages with an opaque cursor and refuses a forged one", async () => {
    const legacyEra = { era: "legacy" as const, version: "2025-11-25" };
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await dispatch("tools/list", cursor ? { cursor } : {}, legacyEra, options(1));
      // The catalogue page is serialised once per isolate (RawJson), spliced into responses as is.
      names.push(...(JSON.parse((page.tools as { json: string }).json) as ToolDescriptor[]).map((t) => t.name));
      cursor = page.nextCursor as string | undefined;
      if (cursor) expect(cursor).not.toMatch(/^\d+$/);
    } while (cursor);
    expect(names).toEqual(TOOLS.map((t) => t.name));
    await expect(dispatch("tools/list", { cursor: btoa("tools:v1:999") }, legacyEra, options(1))).rejects.toMatchObject(
      { code: -32602 },
    );
  });

  it("every tool is well-formed: name, title, all four hints, object schemas", () => {
    const names = new Set<string>();
    for (const tool of TOOLS) {
      expect(tool.name).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      expect(names.has(tool.name)).toBe(false);
      names.add(tool.name);
      expect(tool.title.length).toBeGreaterThan(0);
      expect(tool.description).toMatch(/Example: /);
      for (const hint of ["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"] as const) {
        expect(typeof tool.annotations[hint]).toBe("boolean");
      }
      expect(tool.inputSchema.type).toBe("object");
      if (tool.outputSchema) expect(tool.outputSchema.type).toBe("object");
    }
  });
});

describe("tools/call through a signed-in grant", () => {
  it("knows the signed-in member: comments_create needs no GET /v2/self", async () => {
    const token = await signIn();
    await sandbox.clearRequests();
    const response = await post(
      legacy({
        method: "tools/call",
        params: {
          name: "comments_create",
          arguments: { object: "companies", record_id: IDS.companies.acme, content: "From the grant" },
        },
      }),
      { auth: token },
    );
    const body = (await response.json()) as { result: CallToolResult };
    expect(body.result.isError).toBeFalsy();
    expect(body.result.structuredContent).toMatchObject({
      comment: { author: { id: MEMBERS[0].id, name: "Ada Admin" } },
    });
    // No /v2/self: only the comment, and the member directory that names its author.
    expect((await sandbox.requests()).map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /v2/comments",
      "GET /v2/workspace_members",
    ]);
  });
});
