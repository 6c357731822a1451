// Discovery: RFC 8414 authorization server metadata, RFC 9728 protected resource metadata at
// both well-known paths, the 401 challenge at /mcp and POST /, and CORS for browser clients.
import type { OAuthProtectedResourceMetadata } from "@cloudflare/workers-oauth-provider";
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { WORKER, legacy, post } from "../helpers";

const PRM = `${WORKER}/.well-known/oauth-protected-resource/mcp`;

describe("RFC 8414 authorization server metadata", () => {
  it("advertises our endpoints, S256 only, RFC 9207 iss, DCR and CIMD", async () => {
    const response = await SELF.fetch(`${WORKER}/.well-known/oauth-authorization-server`);
    expect(response.status).toBe(200);
    const meta: any = await response.json();
    expect(meta.issuer).toBe(WORKER);
    expect(meta.authorization_endpoint).toBe(`${WORKER}/oauth/authorize`);
    expect(meta.token_endpoint).toBe(`${WORKER}/oauth/token`);
    expect(meta.registration_endpoint).toBe(`${WORKER}/oauth/register`);
    expect(meta.code_challenge_methods_supported).toEqual(["S256"]);
    expect(meta.authorization_response_iss_parameter_supported).toBe(true);
    expect(meta.client_id_metadata_document_supported).toBe(true);
    expect(meta.response_types_supported).toEqual(["code"]);
    expect(meta.grant_types_supported).toEqual(expect.arrayContaining(["authorization_code", "refresh_token"]));
    expect(meta.token_endpoint_auth_methods_supported).toContain("none");
    expect(meta.protected_resources).toEqual([`${WORKER}/mcp`]);
  });
});

describe("RFC 9728 protected resource metadata", () => {
  // RFC 9728 §3.3: each document names the resource its well-known URL was derived from: the
  // path form names <host>/mcp, the root form the origin (the bare Worker URL, README "Connect Claude").
  it.each([
    ["/.well-known/oauth-protected-resource/mcp", `${WORKER}/mcp`],
    ["/.well-known/oauth-protected-resource", WORKER],
  ])("%s names exactly %s", async (path, resource) => {
    const response = await SELF.fetch(`${WORKER}${path}`);
    expect(response.status).toBe(200);
    const meta = (await response.json()) as OAuthProtectedResourceMetadata;
    expect(meta.resource).toBe(resource);
    expect(meta.authorization_servers).toEqual([WORKER]);
    expect(meta.bearer_methods_supported).toEqual(["header"]);
  });

  it("follows the request origin when WORKER_URL is unset (no trailing slash anywhere)", async () => {
    const other = "https://other-host.example.test";
    const response = await SELF.fetch(`${other}/.well-known/oauth-protected-resource/mcp`);
    const meta = (await response.json()) as OAuthProtectedResourceMetadata;
    expect(meta.resource).toBe(`${other}/mcp`);
    expect(meta.authorization_servers).toEqual([other]);
  });
});

describe("plain http to a public host (no WORKER_URL)", () => {
  const http = WORKER.replace(/^https:/, "http:");

  it.each([
    ["GET", "/.well-known/oauth-authorization-server"],
    ["GET", "/.well-known/oauth-protected-resource/mcp"],
    ["GET", "/oauth/authorize?client_id=x"],
    ["POST", "/mcp"],
  ])("%s %s is redirected to https, never a crash", async (method, path) => {
    const init: RequestInit =
      method === "POST" ? { method, body: "{}", headers: { "content-type": "application/json" } } : { method };
    const response = await SELF.fetch(`${http}${path}`, { ...init, redirect: "manual" });
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe(`${WORKER}${path}`);
  });

  it("loopback http is still served (wrangler dev, npm start)", async () => {
    const response = await SELF.fetch("http://127.0.0.1:8787/.well-known/oauth-protected-resource/mcp");
    const meta = (await response.json()) as OAuthProtectedResourceMetadata;
    expect(meta.resource).toBe("http://127.0.0.1:8787/mcp");
  });
});

describe("401 challenge at /mcp", () => {
  const cases = [
    { name: "no token at /mcp", path: "/mcp", auth: undefined, error: undefined },
    { name: "no token at POST /", path: "/", auth: undefined, error: undefined },
    { name: "malformed token", path: "/mcp", auth: "not-a-token", error: "invalid_token" },
    { name: "well-formed but unknown token", path: "/mcp", auth: "u:g:secret", error: "invalid_token" },
    { name: "unknown token at POST /", path: "/", auth: "u:g:secret", error: "invalid_token" },
  ];
  it.each(cases)("$name → 401 + resource_metadata + JSON body", async ({ path, auth, error }) => {
    const response = await post(legacy({ method: "tools/list" }), { path, auth });
    expect(response.status).toBe(401);
    const challenge = response.headers.get("www-authenticate")!;
    expect(challenge).toMatch(/^Bearer /);
    // POST / is the base URL's name for /mcp: its challenge names the root (origin) document.
    expect(challenge).toContain(
      `resource_metadata="${path === "/" ? `${WORKER}/.well-known/oauth-protected-resource` : PRM}"`,
    );
    if (error) expect(challenge).toContain(`error="${error}"`);
    else expect(challenge).not.toContain("error=");
    expect(response.headers.get("content-type")).toContain("application/json");
    const body: any = await response.json();
    expect(body.error).toBe(error ?? "unauthorized");
    expect(typeof body.error_description).toBe("string");
  });

  it("GET /mcp without a token is 401 as well (the token check comes first)", async () => {
    const response = await SELF.fetch(`${WORKER}/mcp`);
    expect(response.status).toBe(401);
  });
});

describe("CORS for browser-based clients", () => {
  const origin = "https://inspector.example";

  it.each([
    "/.well-known/oauth-authorization-server",
    "/.well-known/oauth-protected-resource/mcp",
    "/.well-known/oauth-protected-resource",
  ])("%s is readable cross-origin", async (path) => {
    const response = await SELF.fetch(`${WORKER}${path}`, { headers: { origin } });
    expect(response.headers.get("access-control-allow-origin")).toMatch(new RegExp(`^(\\*|${origin})$`));
  });

  it("the token endpoint answers preflight and its responses (errors too) are readable", async () => {
    const preflight = await SELF.fetch(`${WORKER}/oauth/token`, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, authorization",
      },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get("access-control-allow-origin")).toBeTruthy();
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    const response = await SELF.fetch(`${WORKER}/oauth/token`, {
      method: "POST",
      headers: { origin, "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=authorization_code&code=x&client_id=nope",
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.headers.get("access-control-allow-origin")).toBe(origin);
  });

  it("a 401 from /mcp exposes WWW-Authenticate to the browser", async () => {
    const response = await SELF.fetch(`${WORKER}/mcp`, {
      method: "POST",
      headers: { origin: "https://claude.ai", "content-type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://claude.ai");
    expect(response.headers.get("access-control-expose-headers")?.toLowerCase()).toContain("www-authenticate");
  });

  it("registration is readable cross-origin", async () => {
    const response = await SELF.fetch(`${WORKER}/oauth/register`, {
      method: "POST",
      headers: { origin, "content-type": "application/json" },
      body: JSON.stringify({ redirect_uris: ["https://client.example/cb"], token_endpoint_auth_method: "none" }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("access-control-allow-origin")).toBe(origin);
  });
});

describe("the base URL", () => {
  it.each(["GET", "DELETE"])("%s / is 405 (as at /mcp) and names the MCP endpoint", async (method) => {
    const response = await SELF.fetch(`${WORKER}/`, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(((await response.json()) as any).mcp_endpoint).toBe(`${WORKER}/mcp`);
  });
});
