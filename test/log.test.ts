// One JSON log line per request: a full sign-in and tool calls (one argument carries a marker),
// an Attio 429 retried, an unknown tool and a bad token. Every console line must parse, match a
// response's X-Request-Id, and hold what a team needs and nothing it must not see.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { TEST_BINDINGS } from "./bindings";
import { legacy, modern, post, sandbox, WORKER } from "./helpers";
import { type Send, signInFully, viaSelf } from "./oauth/flow";
import type { AttioCall, LogFields } from "../src/log";

beforeAll(() => sandbox.reset());
afterEach(() => vi.restoreAllMocks());

const ARGUMENT_MARKER = "zz-argument-marker";

/** A log line as written: the request's own fields, then what the request added (src/log.ts). */
type LogLine = LogFields & {
  request_id: string;
  method: string;
  route: string;
  status: number;
  ms: number;
  attio?: AttioCall[];
  attio_retries?: number;
};
describe("request log", () => {
  it("a line per request: ids, names, statuses, Attio calls; no token, code, secret, email or argument", async () => {
    const lines: string[] = [];
    for (const level of ["log", "info", "warn", "error", "debug"] as const)
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
    const responses: Response[] = [];
    const recording: Send = async (url, init) => {
      const response = await viaSelf(url, init);
      if (url.startsWith(WORKER)) responses.push(response);
      return response;
    };
    const signedIn = await signInFully({ send: recording });
    const access = signedIn.tokens.access_token;
    const call = async (name: string, args: object, token = access) => {
      const response = await post(modern({ method: "tools/call", params: { name, arguments: args } }), { auth: token });
      responses.push(response);
      return response;
    };
    await call("health-check", {});
    await call("records_search", { query: ARGUMENT_MARKER });
    await sandbox.fault({ mode: "429", count: 1, retryAfterSeconds: 0 });
    await call("records_search", { query: `${ARGUMENT_MARKER}-again` });
    await call("no_such_tool", { secret: ARGUMENT_MARKER });
    await call("health-check", {}, `${access}x`);
    responses.push(await post(legacy({ method: "tools/list" }), { auth: access }));

    const parsed = lines.map((line) => JSON.parse(line) as LogLine);
    expect(parsed).toHaveLength(responses.length);
    const ids = responses.map((r) => r.headers.get("x-request-id"));
    expect(parsed.map((line) => line.request_id)).toEqual(ids);
    for (const line of parsed) {
      expect(line).toMatchObject({
        request_id: expect.stringMatching(/^[0-9a-f]{16}$/),
        method: expect.any(String),
        route: expect.any(String),
        status: expect.any(Number),
        ms: expect.any(Number),
      });
    }
    // The sign-in: registration, consent, approval, Attio callback (its Attio calls), token.
    expect(parsed.slice(0, 5).map((l) => `${l.method} ${l.route} ${l.status}`)).toEqual([
      "POST /oauth/register 201",
      "GET /oauth/authorize 200",
      "POST /oauth/authorize 302",
      "GET /oauth/callback 302",
      "POST /oauth/token 200",
    ]);
    const callback = parsed[3]!;
    expect(callback.client_id).toBe(signedIn.clientId);
    expect(callback.workspace_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(callback.attio!.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
      "POST /oauth/token 200",
      "GET /v2/self 200",
    ]);

    const tools = parsed.slice(5);
    expect(tools[0]).toMatchObject({
      route: "/mcp",
      status: 200,
      mcp_method: "tools/call",
      tool: "health-check",
      era: "modern",
      workspace_id: callback.workspace_id,
      client_id: signedIn.clientId,
      // Who the token is, then the member directory that names the signed-in member.
      attio: [
        { method: "GET", path: "/v2/self", status: 200, ms: expect.any(Number) },
        { method: "GET", path: "/v2/workspace_members", status: 200, ms: expect.any(Number) },
      ],
    });
    expect(tools[1]!.tool).toBe("records_search");
    expect(tools[1]!.attio!.length).toBeGreaterThan(0);
    // Ids and slugs in Attio paths are replaced: the log names the endpoint, not the data.
    for (const c of tools[1]!.attio!) expect(c.path).toMatch(/^(\/(v2|objects|records|search|:id))+$/);
    expect(tools[2]!.attio_retries).toBe(1);
    expect(tools[2]!.attio!.map((c) => c.status)).toContain(429);
    expect(tools[3]).toMatchObject({ tool: "no_such_tool", rpc_error: -32602, status: 200 });
    expect(tools[4]).toMatchObject({ route: "/mcp", status: 401 });
    expect(tools[4]!.tool).toBeUndefined(); // the token was refused before the body was read
    expect(tools[5]).toMatchObject({ mcp_method: "tools/list", era: "legacy", status: 200 });

    const all = lines.join("\n");
    const never: Record<string, string> = {
      "access token": access,
      "access token secret": access.split(":")[2]!,
      "refresh token secret": signedIn.tokens.refresh_token.split(":")[2]!,
      "authorization code secret": signedIn.code.split(":")[2]!,
      "PKCE verifier": signedIn.verifier,
      "client secret": TEST_BINDINGS.ATTIO_CLIENT_SECRET,
      "encryption key": TEST_BINDINGS.TOKEN_ENCRYPTION_KEY,
      "argument value": ARGUMENT_MARKER,
    };
    for (const [what, value] of Object.entries(never)) expect(all, what).not.toContain(value);
    const attioToken = (await sandbox.requests()).find((r) => r.path === "/v2/self")!.headers.authorization!;
    expect(all).not.toContain(attioToken.replace(/^Bearer /, ""));
    expect(all).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/); // no email address
    expect(all).not.toMatch(/state=|code=|Bearer /);
    vi.restoreAllMocks();
    console.log(`A tool call's log line, as written:\n${lines[6]}`);
  });
});
