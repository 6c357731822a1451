// No secret or token ever reaches a log line or a response: a full sign-in, tool calls, and
// the failure paths that log (bad token, Attio failing, Attio revoking, a wrong sealing key),
// with every console call and every response captured and searched for each secret.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { legacy, post, sandbox, WORKER } from "../helpers";
import { TEST_BINDINGS } from "../bindings";
import { signInFully, tokenRequest, type Send, viaSelf } from "./flow";
import { callWorker } from "./worker";

beforeAll(() => sandbox.reset());
afterEach(() => vi.restoreAllMocks());

describe("secrets never leave", () => {
  it("in logs or responses, across sign-in, tool calls and every logged failure", async () => {
    const logged: string[] = [];
    for (const level of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    }
    const seen: string[] = [];
    const recording: Send = async (url, init) => {
      const response = await viaSelf(url, init);
      const copy = response.clone();
      seen.push(
        `${response.status} ${[...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n${await copy.text()}`,
      );
      return response;
    };

    const signedIn = await signInFully({ send: recording });
    const access = signedIn.tokens.access_token;
    const record = async (response: Response) => {
      seen.push(
        `${response.status} ${[...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n${await response.clone().text()}`,
      );
      return response;
    };
    const call = (name: string, args: object, token = access) =>
      post(legacy({ method: "tools/call", params: { name, arguments: args } }), { auth: token }).then(record);

    await call("health-check", {});
    await call("records_search", { query: "acme" });
    await call("records_search", { query: "acme" }, `${access}x`); // tampered token
    await sandbox.fault({ mode: "500", count: 1 });
    await call("health-check", {}); // Attio fails
    await record(
      await tokenRequest({
        grant_type: "refresh_token",
        refresh_token: `${signedIn.tokens.refresh_token}x`,
        client_id: signedIn.clientId,
      }),
    );
    // A wrong sealing key: the grant cannot be opened.
    const wrongKey = "ab".repeat(32);
    await record(
      await callWorker({ TOKEN_ENCRYPTION_KEY: wrongKey }, `${WORKER}/mcp`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${access}` },
        body: JSON.stringify({
          jsonrpc: "2.0",
          id: 1,
          method: "tools/call",
          params: { name: "health-check", arguments: {} },
        }),
      }),
    );
    // Attio revokes the token: the grant is revoked and the client told to sign in again.
    const attioToken = (await sandbox.requests())
      .find((r) => r.path === "/v2/self")!
      .headers.authorization!.replace(/^Bearer /, "");
    await sandbox.revoke(attioToken);
    expect((await call("health-check", {})).status).toBe(401);

    const secrets: Record<string, string> = {
      "Attio token": attioToken,
      "our access token": access,
      "our access token's secret part": access.split(":")[2]!,
      "refresh token's secret part": signedIn.tokens.refresh_token.split(":")[2]!,
      "authorization code's secret part": signedIn.code.split(":")[2]!,
      "PKCE verifier": signedIn.verifier,
      "Attio client secret": TEST_BINDINGS.ATTIO_CLIENT_SECRET,
      "sealing key": TEST_BINDINGS.TOKEN_ENCRYPTION_KEY,
      "wrong sealing key": wrongKey,
    };
    expect(logged.length).toBeGreaterThan(0); // the failure paths above do log
    for (const [label, secret] of Object.entries(secrets)) {
      for (const line of logged) expect(line.includes(secret), `${label} in log line: ${line}`).toBe(false);
    }
    // Responses: our own tokens are handed to the client once, by the token endpoint, and nowhere else.
    const issuedOnce = new Set([
      "our access token",
      "our access token's secret part",
      "refresh token's secret part",
      "authorization code's secret part",
    ]);
    for (const [label, secret] of Object.entries(secrets)) {
      if (issuedOnce.has(label)) continue;
      for (const response of seen) expect(response.includes(secret), `${label} in a response`).toBe(false);
    }
  });
});

describe("request values cannot forge log lines", () => {
  it.each([
    ["authorize, CIMD client_id", "GET", "/oauth/authorize", "https://unreachable.invalid/client.json"],
    ["authorize, registered client_id", "GET", "/oauth/authorize", "some-client"],
    ["token endpoint", "POST", "/oauth/token", "https://unreachable.invalid/client.json"],
  ])("%s: a newline in client_id is refused before anything logs it", async (_name, method, path, base) => {
    const logged: string[] = [];
    for (const level of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    }
    const forged = "oauth 200 ok: admin signed in";
    const params = new URLSearchParams({
      response_type: "code",
      grant_type: "authorization_code",
      code: "a:b:c",
      client_id: `${base}\n${forged}`,
      redirect_uri: "https://client.example/cb",
      code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
      code_challenge_method: "S256",
    }).toString();
    const response =
      method === "GET"
        ? await callWorker({}, `${WORKER}${path}?${params}`)
        : await callWorker({}, `${WORKER}${path}`, {
            method,
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: params,
          });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).error).toBe("invalid_request");
    for (const entry of logged) {
      expect(entry).not.toMatch(/[\r\n]/);
      expect(entry.startsWith(forged)).toBe(false);
    }
  });
});
