// Every page a person sees, in a real browser (Debian's chromium driven by playwright-core), at a
// phone's 390 px and a desktop's 1280 px: no horizontal overflow, no console error (a CSP
// violation is one), each saying what to do. Then the whole sign-in in that browser: the official
// MCP SDK client registers, the browser approves our consent page, passes the sandbox's Attio
// page and our callback, the SDK redeems the code and calls a tool.
import { mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StreamableHTTPClientTransport, UnauthorizedError } from "@modelcontextprotocol/client";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, MemoryOAuthProvider } from "./client";
import { type Harness, startHarness } from "./harness";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const WIDTHS = [390, 1280] as const;
/** The sandbox's own workspace (members @sandbox.example) may sign in; its "other" workspace may not. */
const SETTINGS = { ALLOWED_EMAIL_DOMAINS: "sandbox.example" };
/** A client redirect URI the refused sign-in never reaches. */
const REDIRECT = "http://127.0.0.1:59998/oauth/callback";
/** Where screenshots go, to be looked at by a person (printed at the end). */
const SHOTS = join(tmpdir(), "attio-mcp-screenshots");

let harness: Harness;
let browser: Browser;
const started = Date.now();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [harness, browser] = await Promise.all([
    startHarness({ bindings: SETTINGS }),
    chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  console.log(`browser tests: ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${SHOTS}`);
});

/** A fresh page at this width that records console errors and uncaught exceptions. */
async function openPage(width: number): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors };
}

/** The layout checks every page must pass, and a screenshot to look at. */
async function expectReadable(page: Page, errors: string[], name: string, width: number): Promise<void> {
  const layout = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    viewport: document.querySelector('meta[name="viewport"]')?.getAttribute("content"),
    fontSize: Number.parseFloat(getComputedStyle(document.body).fontSize),
  }));
  expect(layout.viewport, name).toBe("width=device-width,initial-scale=1");
  expect(layout.scrollWidth, `${name} at ${width}px overflows horizontally`).toBeLessThanOrEqual(layout.clientWidth);
  expect(layout.fontSize, name).toBeGreaterThanOrEqual(16);
  await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  expect(errors, `${name} at ${width}px`).toEqual([]);
}

/** The MCP client's redirect URI, as a native client would listen on loopback (RFC 8252 §7.3). */
async function clientRedirectServer(): Promise<{ url: string; server: Server; landed?: URL }> {
  const state: { url: string; server: Server; landed?: URL } = { url: "", server: createServer() };
  state.server.on("request", (request, response) => {
    const url = new URL(request.url ?? "/", state.url);
    if (url.pathname === "/oauth/callback") state.landed = url; // not the browser's /favicon.ico
    response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Signed in</title>");
  });
  await new Promise<void>((resolve) => state.server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}/oauth/callback`;
  return state;
}

/** Matches this URL whatever its query (Playwright's globs treat "?" as a wildcard). */
function at(base: string): (url: URL) => boolean {
  return (url) => `${url.origin}${url.pathname}` === base;
}

async function registerClient(name: string, redirectUri: string): Promise<string> {
  const response = await fetch(`${harness.workerUrl}/oauth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      client_name: name,
      redirect_uris: [redirectUri],
      token_endpoint_auth_method: "none",
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { client_id: string }).client_id;
}

/** An authorization URL for a client with a long unbroken name and a long redirect URI. */
async function longNamedAuthorization(): Promise<string> {
  const redirect = `http://127.0.0.1:59997/${"very-long-callback-path-segment/".repeat(6)}done`;
  // 99 characters, no space: registration allows 100 (oauth/client-metadata.ts).
  const clientId = await registerClient(`Extremely${"Long".repeat(20)}ClientName`, redirect);
  const url = new URL(`${harness.workerUrl}/oauth/authorize`);
  const params = {
    response_type: "code",
    client_id: clientId,
    redirect_uri: redirect,
    state: "s",
    code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    code_challenge_method: "S256",
    resource: `${harness.workerUrl}/mcp`,
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

describe.each(WIDTHS)("pages at %i px", (width) => {
  it("landing page: the MCP URL, a working copy button, how to connect", async () => {
    const { page, errors } = await openPage(width);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: harness.workerUrl });
    await page.goto(`${harness.workerUrl}/`);
    expect(await page.textContent("#url")).toBe(`${harness.workerUrl}/mcp`);
    await page.click("#copy");
    await page.waitForFunction(() => document.getElementById("copy")?.textContent !== "Copy URL");
    expect(await page.textContent("#copy")).toBe("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${harness.workerUrl}/mcp`);
    expect(await page.textContent("body")).toContain("Sign-in is limited");
    await expectReadable(page, errors, "landing", width);
    await page.context().close();
  });

  it("consent page with a long client name and redirect URI wraps instead of widening", async () => {
    const { page, errors } = await openPage(width);
    await page.goto(await longNamedAuthorization());
    expect(await page.locator("button[value=approve]").isVisible()).toBe(true);
    await expectReadable(page, errors, "consent", width);
    await page.context().close();
  });

  it("error page: an unknown client", async () => {
    const { page, errors } = await openPage(width);
    const response = await page.goto(`${harness.workerUrl}/oauth/authorize?response_type=code&client_id=nobody`);
    expect(response?.status()).toBe(400);
    expect(await page.textContent("h1")).toBe("This sign-in cannot continue");
    errors.splice(0); // the 400 document itself is logged as a failed resource load
    await expectReadable(page, errors, "error", width);
    await page.context().close();
  });

  it("a used sign-in link says so and what to do", async () => {
    const { page, errors } = await openPage(width);
    await page.goto(`${harness.workerUrl}/oauth/callback?state=${"x".repeat(43)}&code=c`);
    expect(await page.textContent("h1")).toBe("This sign-in was already used or has expired");
    errors.splice(0);
    await expectReadable(page, errors, "used-link", width);
    await page.context().close();
  });

  it("a sign-in from a workspace this deployment does not allow: refused, naming what and who to ask", async () => {
    const { page, errors } = await openPage(width);
    // The sandbox's Attio page picks its "other" workspace (member olga@other.example) when asked
    // to: the consent form's redirect to it gets that parameter (routes see only a chain's first URL).
    await page.route(at(`${harness.workerUrl}/oauth/authorize`), async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      const response = await route.fetch({ maxRedirects: 0 });
      const headers = { ...response.headers(), location: `${response.headers().location}&workspace=other` };
      return route.fulfill({ response, headers });
    });
    const clientId = await registerClient("Refused client", REDIRECT);
    const url = new URL(await longNamedAuthorization());
    url.searchParams.set("client_id", clientId);
    url.searchParams.set("redirect_uri", REDIRECT);
    await page.goto(url.toString());
    await Promise.all([
      page.waitForURL(at(`${harness.workerUrl}/oauth/callback`)),
      page.click("button[value=approve]"),
    ]);
    expect(await page.textContent("h1")).toBe("Your Attio account cannot use this server");
    expect(await page.textContent("body")).toContain("yours is other.example");
    errors.splice(0);
    await expectReadable(page, errors, "refused", width);
    await page.context().close();
  });
});

describe("the whole sign-in in a real browser", () => {
  it("SDK client registers, the browser consents and passes Attio, the SDK redeems the code and calls a tool", async () => {
    const serverUrl = `${harness.workerUrl}/mcp`;
    const redirect = await clientRedirectServer();
    const provider = new MemoryOAuthProvider(redirect.url);
    const first = new StreamableHTTPClientTransport(new URL(serverUrl), { authProvider: provider });
    await expect(connect(first)).rejects.toBeInstanceOf(UnauthorizedError);
    expect(provider.authorizationUrl).toBeDefined();

    const { page, errors } = await openPage(390);
    await page.goto(provider.authorizationUrl!.toString());
    expect(await page.textContent("h1")).toBe("Give 127.0.0.1 access to your Attio workspace?");
    expect(await page.textContent("body")).toContain("SDK e2e client");
    await Promise.all([page.waitForURL(at(redirect.url)), page.click("button[value=approve]")]);
    expect(errors).toEqual([]);
    await page.context().close();
    const landed = redirect.landed;
    redirect.server.close();

    expect(landed?.searchParams.get("code")).toBeTruthy();
    await first.finishAuth(landed!.searchParams);
    const client = await connect(new StreamableHTTPClientTransport(new URL(serverUrl), { authProvider: provider }));
    const result = await client.callTool({ name: "health-check", arguments: {} });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ status: "ok", workspace: { slug: "sandbox-co" } });
    await client.close();
  });
});
