// GET / from a browser is a page that explains the server and how to connect; API clients keep
// the JSON answer; /sse and other guessed paths point at /mcp.
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { WORKER } from "./helpers";
import { callWorker } from "./oauth/worker";

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

describe("the landing page", () => {
  it("a browser gets the page: what it is, the MCP URL with a copy button, Claude and ChatGPT steps, status", async () => {
    const response = await SELF.fetch(`${WORKER}/`, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const csp = response.headers.get("content-security-policy")!;
    const nonce = /script-src 'nonce-([0-9a-f]+)'/.exec(csp)![1]!;
    const html = await response.text();
    expect(html).toContain('<meta name="viewport"');
    expect(html).toContain(`<code id="url">${WORKER}/mcp</code>`);
    expect(html).toContain('<button type="button" id="copy"');
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).toContain(`claude mcp add --transport http attio ${WORKER}/mcp`);
    expect(html).toContain("Add custom connector");
    expect(html).toContain("Developer mode");
    expect(html).toContain("This deployment is configured.");
    expect(html).toContain("Any Attio workspace can sign in.");
  });

  it("names misconfigured settings, never their values", async () => {
    const secretish = "not-a-key-but-private";
    const response = await callWorker({ TOKEN_ENCRYPTION_KEY: secretish, ATTIO_CLIENT_ID: undefined }, `${WORKER}/`, {
      headers: { accept: BROWSER_ACCEPT },
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("This deployment is not configured yet");
    expect(html).toContain("<code>TOKEN_ENCRYPTION_KEY</code>");
    expect(html).toContain("<code>ATTIO_CLIENT_ID</code>");
    expect(html).not.toContain(secretish);
  });

  it("says read-only and restricted sign-in when so configured, and uses WORKER_URL", async () => {
    const html = await (
      await callWorker(
        { READ_ONLY: "true", ALLOWED_EMAIL_DOMAINS: "example.com", WORKER_URL: "https://mcp.example.org" },
        `${WORKER}/`,
        { headers: { accept: BROWSER_ACCEPT } },
      )
    ).text();
    expect(html).toContain("(read-only)");
    expect(html).toContain("search and read your");
    expect(html).toContain("Sign-in is limited");
    expect(html).not.toContain("example.com");
    expect(html).toContain('<code id="url">https://mcp.example.org/mcp</code>');
  });

  it("API clients still get the JSON answer", async () => {
    const response = await SELF.fetch(`${WORKER}/`, { headers: { accept: "application/json" } });
    expect(response.status).toBe(405);
    expect(await response.json()).toMatchObject({ mcp_endpoint: `${WORKER}/mcp` });
  });
});

describe("wrong paths point to /mcp", () => {
  it.each(["/sse", "/messages", "/sse/message", "/v1/mcp"])("%s: 404 naming the MCP endpoint", async (path) => {
    for (const method of ["GET", "POST"]) {
      const response = await SELF.fetch(`${WORKER}${path}`, {
        method,
        headers: { accept: "application/json, text/event-stream" },
      });
      expect(response.status, `${method} ${path}`).toBe(404);
      const body: any = await response.json();
      expect(body).toMatchObject({
        error: "not_found",
        mcp_endpoint: `${WORKER}/mcp`,
        request_id: expect.any(String),
      });
      expect(body.error_description).toContain("no SSE");
    }
  });

  it("a browser gets the same as a page", async () => {
    const response = await SELF.fetch(`${WORKER}/sse`, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain(`${WORKER}/mcp (Streamable HTTP, POST)`);
  });
});
