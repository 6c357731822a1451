// End to end over real HTTP: the official MCP TypeScript SDK client signs in to the Worker
// (Miniflare on loopback) through the sandbox's Attio pages, calls tools, refreshes, calls again.
// Once registering through DCR, once with a Client ID Metadata Document served on loopback.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { StreamableHTTPClientTransport, auth, type Client } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, connectWithSignIn, MemoryOAuthProvider } from "./client";
import { startHarness, type Harness } from "./harness";

/** The client's redirect URI: nothing needs to listen there, the test browser stops at it. */
const REDIRECT = "http://127.0.0.1:59999/oauth/callback";
/** An https client_id whose host the Worker's outbound fetches resolve to a loopback server. */
const CIMD_HOST = "client-metadata.e2e.example";
const CIMD_URL = `https://${CIMD_HOST}/mcp/client.json`;

async function exercise(harness: Harness, provider: MemoryOAuthProvider): Promise<void> {
  const serverUrl = `${harness.workerUrl}/mcp`;
  const client = await connectWithSignIn(serverUrl, provider);
  await expectToolsWork(client, "Sandbox Co");
  await client.close();
  expect(provider.savedTokens).toHaveLength(1);
  const first = provider.savedTokens[0]!;
  expect(first.refresh_token).toBeTruthy();
  expect(first.expires_in).toBe(3600);

  // Refresh: with tokens in hand, auth() takes the refresh branch (RFC 6749 §6); the refresh token rotates.
  expect(await auth(provider, { serverUrl })).toBe("AUTHORIZED");
  expect(provider.savedTokens).toHaveLength(2);
  const second = provider.savedTokens[1]!;
  expect(second.access_token).not.toBe(first.access_token);
  expect(second.refresh_token).not.toBe(first.refresh_token);

  const again = await connect(new StreamableHTTPClientTransport(new URL(serverUrl), { authProvider: provider }));
  await expectToolsWork(again, "Sandbox Co");
  await again.close();

  // The old access token stays valid until it expires; the rotated-out refresh token dies once
  // the new one is used (OAuth 2.1 §4.3.1).
  expect(await auth(provider, { serverUrl })).toBe("AUTHORIZED");
  const stale = await fetch(`${harness.workerUrl}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "refresh_token",
      refresh_token: first.refresh_token!,
      client_id: provider.clientInformation()!.client_id,
    }),
  });
  expect(stale.status).toBe(400);
}

async function expectToolsWork(client: Client, workspaceName: string): Promise<void> {
  const health = await client.callTool({ name: "health-check", arguments: {} });
  expect(health.isError).toBeFalsy();
  expect((health.structuredContent as { workspace: { name: string } }).workspace.name).toBe(workspaceName);
  const search = await client.callTool({
    name: "records_search",
    arguments: { query: "acme", objects: ["companies"], limit: 5 },
  });
  expect(search.isError).toBeFalsy();
  expect(JSON.stringify(search.content)).toContain("Acme Corp");
}

describe("SDK client, Dynamic Client Registration", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness?.close());

  it("discovers, registers, signs in with PKCE, calls tools, refreshes and calls again", async () => {
    const provider = new MemoryOAuthProvider(REDIRECT);
    await exercise(harness, provider);
    // Registered through /oauth/register: a server-minted client_id, not a URL.
    expect(provider.clientInformation()!.client_id).not.toMatch(/^https:/);
  });
});

describe("SDK client, Client ID Metadata Document", () => {
  let harness: Harness;
  let documentServer: Server;
  const fetched: string[] = [];

  beforeAll(async () => {
    documentServer = createServer((request, response) => {
      fetched.push(request.url ?? "");
      if (request.url !== "/mcp/client.json") return void response.writeHead(404).end();
      response.writeHead(200, { "content-type": "application/json", "cache-control": "max-age=60" });
      response.end(
        JSON.stringify({
          client_id: CIMD_URL,
          client_name: "CIMD e2e client",
          redirect_uris: [REDIRECT],
          grant_types: ["authorization_code", "refresh_token"],
          response_types: ["code"],
          token_endpoint_auth_method: "none",
          application_type: "native",
        }),
      );
    });
    await new Promise<void>((resolve) => documentServer.listen(0, "127.0.0.1", resolve));
    const port = (documentServer.address() as AddressInfo).port;
    harness = await startHarness({ hostRoutes: { [CIMD_HOST]: `http://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    await harness?.close();
    await new Promise((resolve) => documentServer?.close(resolve));
  });

  it("document URL as client_id (no registration): signs in, calls tools, refreshes and calls again", async () => {
    const provider = new MemoryOAuthProvider(REDIRECT, { clientMetadataUrl: CIMD_URL });
    await exercise(harness, provider);
    expect(provider.clientInformation()!.client_id).toBe(CIMD_URL);
    expect(fetched).toContain("/mcp/client.json"); // the Worker fetched the document itself
  });
});
