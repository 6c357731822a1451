// Both protocol eras through the official SDK v2 client's own negotiation: pinned to
// 2026-07-28 (server/discover, _meta, standard headers, resultType/ttlMs checked by the SDK)
// and in its default legacy mode (initialize). The SDK validates every result it receives.
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOOLS } from "../../src/tools/index";
import { UI_RESOURCES } from "../../src/ui/resources";
import { connectWithSignIn, MemoryOAuthProvider } from "./client";
import { startHarness, type Harness } from "./harness";

const REDIRECT = "http://127.0.0.1:59998/oauth/callback";

describe("SDK client in each protocol era", () => {
  let harness: Harness;
  let provider: MemoryOAuthProvider;
  let serverUrl: string;

  beforeAll(async () => {
    harness = await startHarness();
    serverUrl = `${harness.workerUrl}/mcp`;
    provider = new MemoryOAuthProvider(REDIRECT);
    const signedIn = await connectWithSignIn(serverUrl, provider);
    await signedIn.close();
  });
  afterAll(() => harness?.close());

  async function connectIn(versionNegotiation?: { mode: "auto" | "legacy" | { pin: string } }): Promise<Client> {
    const client = new Client(
      { name: "attio-e2e-eras", version: "1.0.0" },
      versionNegotiation ? { versionNegotiation } : {},
    );
    await client.connect(new StreamableHTTPClientTransport(new URL(serverUrl), { authProvider: provider }));
    return client;
  }

  it.each([
    ["pinned 2026-07-28", { mode: { pin: "2026-07-28" } }, "2026-07-28"],
    ["auto negotiation", { mode: "auto" as const }, "2026-07-28"],
    ["legacy initialize", undefined, "2025-11-25"],
  ])("%s: lists every tool and calls one", async (_name, negotiation, version) => {
    const client = await connectIn(negotiation as never);
    try {
      expect(client.getNegotiatedProtocolVersion()).toBe(version);
      const listed = await client.listTools();
      expect(listed.tools.map((tool) => tool.name)).toEqual(TOOLS.map((tool) => tool.name));
      const details = await client.callTool({ name: "records_query", arguments: { object: "companies", limit: 2 } });
      expect(details.isError).toBeFalsy();
      expect((details.structuredContent as { records: unknown[] }).records).toHaveLength(2);
      // MCP Apps: the extension is declared and its ui:// views are listed and read in this era too.
      expect(client.getServerCapabilities()?.extensions).toEqual({ "io.modelcontextprotocol/ui": {} });
      const { resources } = await client.listResources();
      expect(resources.map((resource) => resource.uri)).toEqual(UI_RESOURCES.map((resource) => resource.uri));
      const read = await client.readResource({ uri: resources[0]!.uri });
      expect(read.contents[0]).toMatchObject({ mimeType: "text/html;profile=mcp-app", text: UI_RESOURCES[0]!.text });
    } finally {
      await client.close();
    }
  });
});
