// Registration (RFC 7591) and redirect URIs: the callbacks Claude and ChatGPT use register and
// receive our code; loopback matches on any port (RFC 8252 §7.3); remote http never registers.
import { beforeAll, describe, expect, it } from "vitest";
import { WORKER, sandbox } from "../helpers";
import { CLIENT_REDIRECT, authorize, redeem, register, tokenRequest } from "./flow";

// Files share one sandbox: start from its seed, with no faults or revocations left by others.
beforeAll(() => sandbox.reset());

const CLIENT_CALLBACKS = [
  ["Claude (claude.ai)", "https://claude.ai/api/mcp/auth_callback"],
  ["Claude (claude.com)", "https://claude.com/api/mcp/auth_callback"],
  ["ChatGPT (per connector)", "https://chatgpt.com/connector/oauth/abc123"],
  ["ChatGPT (stable)", "https://chatgpt.com/connector_platform_oauth_redirect"],
] as const;

describe("client callbacks seen in practice", () => {
  it.each(CLIENT_CALLBACKS)("%s: %s registers and receives code, state and iss", async (_name, redirectUri) => {
    const registered = await register([redirectUri], { client_name: "Connector" });
    expect(registered.status).toBe(201);
    const client: any = await registered.json();
    expect(client.redirect_uris).toEqual([redirectUri]);
    expect(client.token_endpoint_auth_method).toBe("none");

    const authorized = await authorize({ clientId: client.client_id, redirectUri });
    expect(`${authorized.redirect.origin}${authorized.redirect.pathname}`).toBe(redirectUri);
    expect(authorized.redirect.searchParams.get("state")).toBe("client-state");
    expect(authorized.redirect.searchParams.get("iss")).toBe(WORKER); // RFC 9207
    const tokens = await redeem(authorized);
    expect(tokens.token_type.toLowerCase()).toBe("bearer");
    expect(tokens.expires_in).toBe(3600);
    expect(tokens.resource).toBe(`${WORKER}/mcp`); // RFC 8707 §2.2
  });

  it("a confidential client (client_secret_post) registers and redeems with its secret", async () => {
    const registered = await register(["https://chatgpt.com/connector/oauth/conf1"], {
      token_endpoint_auth_method: "client_secret_post",
    });
    expect(registered.status).toBe(201);
    const client: any = await registered.json();
    expect(client.client_secret).toBeTruthy();
    const authorized = await authorize({
      clientId: client.client_id,
      redirectUri: "https://chatgpt.com/connector/oauth/conf1",
    });
    const response = await tokenRequest({
      grant_type: "authorization_code",
      code: authorized.code,
      redirect_uri: authorized.redirectUri,
      client_id: client.client_id,
      client_secret: client.client_secret,
      code_verifier: authorized.verifier,
    });
    expect(response.status).toBe(200);
  });
});

describe("loopback redirect URIs (Claude Code, MCP Inspector)", () => {
  it.each(["http://127.0.0.1:49152/callback", "http://localhost:6274/oauth/callback/debug", "http://[::1]:3000/cb"])(
    "%s registers",
    async (uri) => {
      expect((await register([uri], { application_type: "native" })).status).toBe(201);
    },
  );

  it("match on any port (RFC 8252 §7.3), but the path must match exactly", async () => {
    const registered: any = await (
      await register(["http://127.0.0.1/callback"], { application_type: "native" })
    ).json();
    const authorized = await authorize({
      clientId: registered.client_id,
      redirectUri: "http://127.0.0.1:53127/callback",
    });
    expect(authorized.redirect.host).toBe("127.0.0.1:53127");
    await expect(
      authorize({ clientId: registered.client_id, redirectUri: "http://127.0.0.1:53127/other" }),
    ).rejects.toThrow(/authorize: 400/);
  });
});

describe("registration refuses redirect URIs that could leak codes", () => {
  it.each([
    ["remote http", ["http://client.example/callback"]],
    ["remote http beside an https one", ["https://client.example/callback", "http://client.example/callback"]],
    ["javascript:", ["javascript:alert(1)"]],
    ["a fragment", ["https://client.example/callback#frag"]],
    ["none at all", []],
  ])("%s → 400 invalid_redirect_uri or invalid_client_metadata", async (_name, uris) => {
    const response = await register(uris as string[]);
    expect(response.status).toBe(400);
    const body: any = await response.json();
    expect(["invalid_redirect_uri", "invalid_client_metadata"]).toContain(body.error);
  });
});

describe("registration is bounded (RFC 7591 §2, §3.2.2): nothing unbounded is stored or shown", () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => `https://client.example/cb${i}`);
  it.each([
    ["a 1,000,000-character name (caught by the 16 KiB body cap)", { client_name: "A".repeat(1_000_000) }, 413, ""],
    ["a 101-character name", { client_name: "A".repeat(101) }, 400, "invalid_client_metadata"],
    ["a name with a newline", { client_name: "Claude\nApproved by Attio" }, 400, "invalid_client_metadata"],
    ["a name with a right-to-left override", { client_name: "Claude\u202Egnp.exe" }, 400, "invalid_client_metadata"],
    ["a name with a zero-width space", { client_name: "Cla\u200Bude" }, 400, "invalid_client_metadata"],
    ["an empty name", { client_name: "  " }, 400, "invalid_client_metadata"],
    ["six redirect URIs", { redirect_uris: many(6) }, 400, "invalid_redirect_uri"],
    [
      "a 600-character redirect URI",
      { redirect_uris: [`https://client.example/${"a".repeat(600)}`] },
      400,
      "invalid_redirect_uri",
    ],
    [
      "a 600-character logo_uri",
      { logo_uri: `https://client.example/${"a".repeat(600)}` },
      400,
      "invalid_client_metadata",
    ],
    [
      "metadata over 4 KiB in total",
      { contacts: Array.from({ length: 40 }, (_, i) => `${"x".repeat(100)}${i}@client.example`) },
      400,
      "invalid_client_metadata",
    ],
  ])("%s is refused", async (_name, extra, status, error) => {
    const { redirect_uris, ...rest } = extra as { redirect_uris?: string[] };
    const response = await register(redirect_uris ?? [CLIENT_REDIRECT], rest);
    expect(response.status).toBe(status);
    if (error) expect(((await response.json()) as any).error).toBe(error);
  });

  it("a 100-character name and five redirect URIs are accepted", async () => {
    const response = await register(many(5), { client_name: "Ä".repeat(100) });
    expect(response.status).toBe(201);
  });
});
