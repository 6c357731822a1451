// Client ID Metadata Documents are fetched strictly (draft-ietf-oauth-client-id-metadata-document
// §4): no redirect is followed (a 302 to another host is refused), only application/json is
// accepted, and one consent page fetches the document once, so "published by" names the host
// that actually served it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness";

const CLIENT_HOST = "client.cimd.example";
const OTHER_HOST = "other.cimd.example";
const REDIRECT = "http://127.0.0.1:59998/cb";

function documentFor(clientId: string): string {
  return JSON.stringify({
    client_id: clientId,
    client_name: "Strict CIMD client",
    redirect_uris: [REDIRECT],
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    token_endpoint_auth_method: "none",
  });
}

describe("Client ID Metadata Documents are fetched strictly", () => {
  let harness: Harness;
  let server: Server;
  const fetched: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const host = (request.headers.host ?? "").split(":")[0];
      const path = request.url ?? "";
      fetched.push(`${host}${path}`);
      const id = (p: string) => `https://${CLIENT_HOST}${p}`;
      if (path === "/redirect.json")
        return void response.writeHead(302, { location: `https://${OTHER_HOST}/doc.json` }).end();
      if (path === "/doc.json") {
        // The other host serves a document claiming the redirecting URL as its client_id.
        response.writeHead(200, { "content-type": "application/json" });
        return void response.end(documentFor(id("/redirect.json")));
      }
      if (path === "/html.json") {
        response.writeHead(200, { "content-type": "text/html" });
        return void response.end(documentFor(id("/html.json")));
      }
      if (path === "/good.json") {
        response.writeHead(200, { "content-type": "application/json; charset=utf-8" });
        return void response.end(documentFor(id("/good.json")));
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    harness = await startHarness({ hostRoutes: { [CLIENT_HOST]: base, [OTHER_HOST]: base } });
  });
  afterAll(async () => {
    await harness?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function consentPage(path: string): Promise<{ status: number; html: string }> {
    const url = new URL(`${harness.workerUrl}/oauth/authorize`);
    url.search = new URLSearchParams({
      response_type: "code",
      client_id: `https://${CLIENT_HOST}${path}`,
      redirect_uri: REDIRECT,
      code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
      code_challenge_method: "S256",
      state: "s",
    }).toString();
    const response = await fetch(url, { redirect: "manual" });
    return { status: response.status, html: await response.text() };
  }

  it.each([
    ["a redirect to another host (§4: no redirects)", "/redirect.json"],
    ["a document served as text/html (§4: application/json)", "/html.json"],
  ])("%s is refused with our error page", async (_name, path) => {
    fetched.length = 0;
    const { status, html } = await consentPage(path);
    expect(status).toBe(400);
    expect(html).toContain("could not be verified");
    expect(html).not.toContain("Published by");
    expect(fetched.some((f) => f.endsWith("/doc.json"))).toBe(false); // never followed to the other host
  });

  it("a valid document is fetched once for one consent page, whose publisher is the client_id host", async () => {
    fetched.length = 0;
    const { status, html } = await consentPage("/good.json");
    expect(status).toBe(200);
    expect(html).toContain(`published by <strong>${CLIENT_HOST}</strong>`);
    expect(fetched.filter((f) => f.endsWith("/good.json"))).toHaveLength(1);
  });
});
