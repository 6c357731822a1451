// The MCP Apps views as MCP resources, through the Worker in both eras: the extension declared,
// resources/list and resources/read with today's header rules, and the tools that point at them.
import { beforeAll, describe, expect, it } from "vitest";
import { legacy, modern, post, sandbox, signIn, type Message } from "../helpers";

const UI = "io.modelcontextprotocol/ui";
const CARD = "ui://attio/record-card";
const BOARD = "ui://attio/pipeline-board";
const MIME = "text/html;profile=mcp-app";

let token: string;
beforeAll(async () => {
  await sandbox.reset();
  token = await signIn();
});

async function send(message: Message): Promise<{ status: number; body: any }> {
  const response = await post(message, { auth: token });
  return { status: response.status, body: await response.json() };
}

describe("the MCP Apps extension is declared", () => {
  it("in initialize (legacy) and server/discover (2026-07-28), with resources", async () => {
    const init = await send(legacy({ method: "initialize", params: { protocolVersion: "2025-11-25" } }));
    const discover = await send(modern({ method: "server/discover" }));
    for (const { body } of [init, discover]) {
      expect(body.result.capabilities).toEqual({ tools: {}, resources: {}, extensions: { [UI]: {} } });
    }
  });
});

describe("resources/list", () => {
  it.each([
    ["legacy", legacy({ method: "resources/list" })],
    ["2026-07-28", modern({ method: "resources/list" })],
  ])("%s: names both views with their MIME type and CSP", async (era, message) => {
    const { status, body } = await send(message);
    expect(status).toBe(200);
    const resources = body.result.resources;
    expect(resources.map((r: any) => r.uri)).toEqual([CARD, BOARD]);
    for (const resource of resources) {
      expect(resource.mimeType).toBe(MIME);
      expect(resource.name).toBeTruthy();
      expect(resource._meta.ui.csp).toEqual({ connectDomains: [], resourceDomains: [] });
      expect(resource.text).toBeUndefined(); // the page itself comes from resources/read
    }
    if (era === "2026-07-28") {
      expect(body.result.resultType).toBe("complete");
      expect(body.result.ttlMs).toBeGreaterThan(0);
      expect(body.result.cacheScope).toBe("private");
    }
  });

  it("refuses a cursor it never issued", async () => {
    const { body } = await send(legacy({ method: "resources/list", params: { cursor: "abc" } }));
    expect(body.error.code).toBe(-32602);
  });

  it("has no templates", async () => {
    const { body } = await send(modern({ method: "resources/templates/list" }));
    expect(body.result.resourceTemplates).toEqual([]);
  });

  it("still needs a signed-in client", async () => {
    const response = await post(legacy({ method: "resources/list" }));
    expect(response.status).toBe(401);
  });
});

describe("resources/read", () => {
  it.each([
    ["legacy", CARD, legacy({ method: "resources/read", params: { uri: CARD } })],
    ["2026-07-28", BOARD, modern({ method: "resources/read", params: { uri: BOARD } })],
  ])("%s: returns one HTML document with its CSP metadata", async (_era, uri, message) => {
    const { status, body } = await send(message);
    expect(status).toBe(200);
    const [content, ...rest] = body.result.contents;
    expect(rest).toEqual([]);
    expect(content.uri).toBe(uri);
    expect(content.mimeType).toBe(MIME);
    expect(content.text).toMatch(/^<!doctype html>/);
    expect(content._meta.ui).toEqual({ csp: { connectDomains: [], resourceDomains: [] }, prefersBorder: true });
  });

  it("2026-07-28: Mcp-Name must be present and equal the uri", async () => {
    const missing = await send(modern({ method: "resources/read", params: { uri: CARD } }, { "mcp-name": undefined }));
    expect([missing.status, missing.body.error.code]).toEqual([400, -32020]);
    const other = await send(modern({ method: "resources/read", params: { uri: CARD } }, { "mcp-name": BOARD }));
    expect([other.status, other.body.error.code]).toEqual([400, -32020]);
  });

  it("an unknown uri is -32602 in 2026-07-28 and -32002 in legacy, naming the resources that exist", async () => {
    const uri = "ui://attio/nope";
    const modernError = await send(modern({ method: "resources/read", params: { uri } }));
    const legacyError = await send(legacy({ method: "resources/read", params: { uri } }));
    expect(modernError.body.error.code).toBe(-32602);
    expect(legacyError.body.error.code).toBe(-32002);
    for (const { body } of [modernError, legacyError]) {
      expect(body.error.data).toEqual({ uri });
      expect(body.error.message).toContain(CARD);
    }
  });

  it("a missing uri is an invalid-params error", async () => {
    const { body } = await send(legacy({ method: "resources/read", params: {} }));
    expect(body.error.code).toBe(-32602);
    expect(body.error.message).toMatch(/uri/);
  });
});

describe("tools point at the views", () => {
  it("every tool's _meta.ui.resourceUri is a listed resource, written in both spellings", async () => {
    const tools = (await send(legacy({ method: "tools/list" }))).body.result.tools;
    const listed = (await send(legacy({ method: "resources/list" }))).body.result.resources.map((r: any) => r.uri);
    const withUi = tools.filter((tool: any) => tool._meta?.ui);
    expect(withUi.map((tool: any) => [tool.name, tool._meta.ui.resourceUri])).toEqual(
      expect.arrayContaining([
        ["records_get_details", CARD],
        ["list_entries_query", BOARD],
      ]),
    );
    for (const tool of withUi) {
      expect(listed).toContain(tool._meta.ui.resourceUri);
      expect(tool._meta["ui/resourceUri"]).toBe(tool._meta.ui.resourceUri);
      // A host is reported to stall on MCP App tools whose output schema is anyOf: keep plain objects.
      expect(tool.outputSchema.type).toBe("object");
      expect(JSON.stringify(tool.outputSchema)).not.toMatch(/"(anyOf|oneOf)"/);
    }
  });
});
