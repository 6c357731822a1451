// Users may give Claude and ChatGPT the Worker's bare base URL (no /mcp; README "Connect Claude").
// The official SDK client, given that URL, must discover, sign in and call tools too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectWithSignIn, MemoryOAuthProvider } from "./client";
import { startHarness, type Harness } from "./harness";

describe("SDK client given the Worker's base URL", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness?.close());

  it("signs in and calls a tool", async () => {
    const provider = new MemoryOAuthProvider("http://127.0.0.1:59997/oauth/callback");
    const client = await connectWithSignIn(`${harness.workerUrl}/`, provider);
    const health = await client.callTool({ name: "health-check", arguments: {} });
    expect(health.isError).toBeFalsy();
    await client.close();
    // The client asked for the origin as its resource; the token is bound to <origin>/mcp.
    const token = provider.savedTokens.at(-1)!.access_token;
    const atMcp = await fetch(`${harness.workerUrl}/mcp`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
      },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
    });
    expect(atMcp.status).toBe(200);
    // A refresh naming the origin as resource is bound to <origin>/mcp as well.
    const refreshed = await fetch(`${harness.workerUrl}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: provider.savedTokens.at(-1)!.refresh_token!,
        client_id: provider.clientInformation()!.client_id,
        resource: harness.workerUrl,
      }),
    });
    expect(refreshed.status).toBe(200);
    expect(((await refreshed.json()) as { resource?: string }).resource).toBe(`${harness.workerUrl}/mcp`);
  });
});
