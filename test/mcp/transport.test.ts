// The protocol rules of /mcp as one table: method × era × headers → HTTP status and JSON-RPC code.
import { beforeAll, describe, expect, it } from "vitest";
import { SELF } from "cloudflare:test";
import { MODERN, WORKER, legacy, modern, post, signIn, type Message, sandbox } from "../helpers";
import { MAX_BODY_BYTES } from "../../src/mcp/rpc";

interface Case {
  name: string;
  message: Message;
  status: number;
  code?: number;
  check?: (body: any) => void;
}

const discover = (headers = {}) => modern({ method: "server/discover" }, headers);
const call = (name: string, args: object, headers = {}) =>
  modern({ method: "tools/call", params: { name, arguments: args } }, headers);

const cases: Case[] = [
  // Legacy era: initialize negotiation, initialized notification, ping.
  {
    name: "legacy initialize echoes 2025-11-25",
    message: legacy({
      method: "initialize",
      params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "t", version: "1" } },
    }),
    status: 200,
    check: (b) => {
      expect(b.result.protocolVersion).toBe("2025-11-25");
      expect(b.result.capabilities.tools).toEqual({});
      expect(b.result.serverInfo.name).toBe("attio-mcp-server");
    },
  },
  {
    name: "legacy initialize echoes 2025-06-18",
    message: legacy({ method: "initialize", params: { protocolVersion: "2025-06-18" } }),
    status: 200,
    check: (b) => expect(b.result.protocolVersion).toBe("2025-06-18"),
  },
  {
    name: "legacy initialize echoes 2025-03-26",
    message: legacy({ method: "initialize", params: { protocolVersion: "2025-03-26" } }),
    status: 200,
    check: (b) => expect(b.result.protocolVersion).toBe("2025-03-26"),
  },
  {
    name: "legacy initialize offers newest for unknown version",
    message: legacy({ method: "initialize", params: { protocolVersion: "2024-01-01" } }),
    status: 200,
    check: (b) => expect(b.result.protocolVersion).toBe("2025-11-25"),
  },
  {
    name: "notifications/initialized is 202",
    message: legacy({ method: "notifications/initialized", id: null }),
    status: 202,
  },
  {
    name: "legacy ping answers {}",
    message: legacy({ method: "ping" }, { "mcp-protocol-version": "2025-11-25" }),
    status: 200,
    check: (b) => expect(b.result).toEqual({}),
  },
  {
    name: "legacy tools/list without header (2025-03-26)",
    message: legacy({ method: "tools/list" }),
    status: 200,
    check: (b) => {
      expect(b.result.tools.length).toBeGreaterThan(0);
      expect(b.result.resultType).toBeUndefined();
    },
  },
  {
    name: "legacy tolerates a newer supported legacy header",
    message: legacy({ method: "tools/list" }, { "mcp-protocol-version": "2025-11-25" }),
    status: 200,
  },
  {
    name: "legacy refuses an unknown header version",
    message: legacy({ method: "tools/list" }, { "mcp-protocol-version": "1999-01-01" }),
    status: 400,
    code: -32600,
    check: (b) => expect(b.error.data.supported).toContain("2025-11-25"),
  },
  {
    name: "legacy unknown method is in-band -32601",
    message: legacy({ method: "prompts/list" }),
    status: 200,
    code: -32601,
  },
  // 2026-07-28 basic/index "Per-request protocol fields": marked modern, but _meta lacks the version.
  {
    name: "server/discover (2026-07-28 only) without _meta is -32602, not legacy",
    message: legacy({ method: "server/discover" }),
    status: 400,
    code: -32602,
  },
  {
    name: "MCP-Protocol-Version 2026-07-28 without _meta is -32602, not legacy",
    message: legacy({ method: "tools/list" }, { "mcp-protocol-version": MODERN, "mcp-method": "tools/list" }),
    status: 400,
    code: -32602,
  },
  {
    name: "MCP-Protocol-Version 2026-07-28 with _meta lacking protocolVersion is -32602",
    message: legacy(
      { method: "tools/list", params: { _meta: { "io.modelcontextprotocol/clientCapabilities": {} } } },
      { "mcp-protocol-version": MODERN, "mcp-method": "tools/list" },
    ),
    status: 400,
    code: -32602,
  },
  {
    name: "response messages are accepted with 202",
    message: { body: { jsonrpc: "2.0", id: 9, result: {} }, headers: {} },
    status: 202,
  },

  // Modern era: discover, cache hints, header validation, error codes.
  {
    name: "server/discover",
    message: discover(),
    status: 200,
    check: (b) => {
      expect(b.result.supportedVersions).toEqual(["2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26"]);
      expect(b.result.capabilities.tools).toEqual({});
      expect(b.result.resultType).toBe("complete");
      expect(b.result._meta["io.modelcontextprotocol/serverInfo"].name).toBe("attio-mcp-server");
    },
  },
  {
    name: "modern tools/list carries resultType, ttlMs, cacheScope",
    message: modern({ method: "tools/list" }),
    status: 200,
    check: (b) => {
      expect(b.result.resultType).toBe("complete");
      expect(b.result.ttlMs).toBeGreaterThan(0);
      expect(b.result.cacheScope).toBe("private");
    },
  },
  { name: "modern ping was removed: 404", message: modern({ method: "ping" }), status: 404, code: -32601 },
  { name: "modern initialize was removed: 404", message: modern({ method: "initialize" }), status: 404, code: -32601 },
  { name: "modern unknown method: 404", message: modern({ method: "prompts/list" }), status: 404, code: -32601 },
  {
    name: "missing MCP-Protocol-Version",
    message: discover({ "mcp-protocol-version": undefined }),
    status: 400,
    code: -32020,
  },
  {
    name: "MCP-Protocol-Version differs from _meta",
    message: discover({ "mcp-protocol-version": "2099-01-01" }),
    status: 400,
    code: -32020,
  },
  {
    name: "Claude's legacy header with modern _meta is tolerated",
    message: discover({ "mcp-protocol-version": "2025-11-25" }),
    status: 200,
  },
  {
    name: "unsupported _meta version: -32022 with supported list",
    message: modern(
      { method: "server/discover", params: { _meta: { "io.modelcontextprotocol/protocolVersion": "2030-01-01" } } },
      { "mcp-protocol-version": "2030-01-01" },
    ),
    status: 400,
    code: -32022,
    check: (b) => {
      expect(b.error.data).toEqual({
        supported: ["2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26"],
        requested: "2030-01-01",
      });
    },
  },
  // SEP-2243: header and _meta disagreeing is -32020, judged before the version itself (-32022).
  {
    name: "header 2026-07-28 with an unsupported _meta version is the mismatch -32020",
    message: modern(
      { method: "server/discover", params: { _meta: { "io.modelcontextprotocol/protocolVersion": "2030-01-01" } } },
      { "mcp-protocol-version": MODERN },
    ),
    status: 400,
    code: -32020,
  },
  {
    name: "a legacy header with an unsupported _meta version is -32020 (Claude's tolerance is for 2026-07-28 only)",
    message: modern(
      { method: "server/discover", params: { _meta: { "io.modelcontextprotocol/protocolVersion": "2030-01-01" } } },
      { "mcp-protocol-version": "2025-11-25" },
    ),
    status: 400,
    code: -32020,
  },
  { name: "missing Mcp-Method", message: discover({ "mcp-method": undefined }), status: 400, code: -32020 },
  {
    name: "Mcp-Method differs from body",
    message: discover({ "mcp-method": "tools/list" }),
    status: 400,
    code: -32020,
  },
  {
    name: "tools/call without Mcp-Name",
    message: call("health-check", {}, { "mcp-name": undefined }),
    status: 400,
    code: -32020,
  },
  {
    name: "Mcp-Name differs from params.name",
    message: call("health-check", {}, { "mcp-name": "records_search" }),
    status: 400,
    code: -32020,
  },
  {
    name: "Mcp-Name in Base64 form is decoded",
    message: call("health-check", {}, { "mcp-name": `=?base64?${btoa("health-check")}?=` }),
    status: 200,
    check: (b) => expect(b.result.isError).toBeUndefined(),
  },
  {
    name: "undecodable Base64 Mcp-Name",
    message: call("health-check", {}, { "mcp-name": "=?base64?%%%?=" }),
    status: 400,
    code: -32020,
  },
  {
    name: "missing _meta clientCapabilities: -32602",
    message: modern({
      method: "tools/list",
      params: { _meta: { "io.modelcontextprotocol/clientCapabilities": undefined } },
    }),
    status: 400,
    code: -32602,
  },
  { name: "modern unknown tool is -32602", message: call("no_such_tool", {}), status: 200, code: -32602 },
  {
    name: "modern tools/call result carries resultType",
    message: call("health-check", {}),
    status: 200,
    check: (b) => {
      expect(b.result.resultType).toBe("complete");
      expect(b.result.structuredContent.status).toBe("ok");
    },
  },
  // Python SDK clients and servers treat `arguments: null` as no arguments; so does this server.
  {
    name: "tools/call with arguments null runs a tool that needs none",
    message: legacy({ method: "tools/call", params: { name: "health-check", arguments: null } }),
    status: 200,
    check: (b) => {
      expect(b.result.isError).toBeUndefined();
      expect(b.result.structuredContent.status).toBe("ok");
    },
  },
  {
    name: "tools/call with arguments null names a missing required argument",
    message: legacy({ method: "tools/call", params: { name: "records_search", arguments: null } }),
    status: 200,
    check: (b) => {
      expect(b.result.isError).toBe(true);
      expect(b.result.content[0].text).toContain('missing required argument "query"');
    },
  },
  {
    name: "tools/call with non-object arguments is -32602",
    message: legacy({ method: "tools/call", params: { name: "health-check", arguments: [] } }),
    status: 200,
    code: -32602,
  },
  {
    name: "legacy unknown tool is -32602",
    message: legacy({ method: "tools/call", params: { name: "nope", arguments: {} } }),
    status: 200,
    code: -32602,
  },
  {
    name: "invalid cursor is -32602",
    message: legacy({ method: "tools/list", params: { cursor: "bogus" } }),
    status: 200,
    code: -32602,
  },
  {
    name: "bad arguments are an isError result naming the field",
    message: call("records_search", { query: 5 }),
    status: 200,
    check: (b) => {
      expect(b.result.isError).toBe(true);
      expect(b.result.content[0].text).toContain('"query" must be "string"');
    },
  },
  {
    name: "errors echo a string id",
    message: modern({ method: "nope", id: "req-42" }),
    status: 404,
    code: -32601,
    check: (b) => expect(b.id).toBe("req-42"),
  },
  {
    name: "modern notifications are 202 without headers",
    message: {
      body: {
        jsonrpc: "2.0",
        method: "notifications/cancelled",
        params: {
          _meta: {
            "io.modelcontextprotocol/protocolVersion": MODERN,
            "io.modelcontextprotocol/clientCapabilities": {},
          },
        },
      },
      headers: {},
    },
    status: 202,
  },
];

// /mcp needs our OAuth access token; sign in once, for real, through the sandbox.
let token: string;
beforeAll(async () => {
  await sandbox.reset(); // files share one sandbox: no faults left by others
  token = await signIn();
});

describe("POST /mcp protocol table", () => {
  it.each(cases)("$name → $status $code", async ({ message, status, code, check }) => {
    const response = await post(message, { auth: token });
    expect(response.status).toBe(status);
    expect(response.headers.get("mcp-session-id")).toBeNull();
    if (status === 202) {
      expect(await response.text()).toBe("");
      return;
    }
    const body: any = await response.json();
    expect(body.jsonrpc).toBe("2.0");
    if (code !== undefined) {
      expect(body.error.code).toBe(code);
      expect(body.id).toBe((message.body as any).id ?? null);
    } else expect(body.error).toBeUndefined();
    check?.(body);
  });
});

describe("HTTP rules", () => {
  it.each(["GET", "DELETE", "PUT"])("%s /mcp is 405", async (method) => {
    const response = await SELF.fetch(`${WORKER}/mcp`, { method, headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });

  it("POST / serves MCP too", async () => {
    const response = await post(discover(), { path: "/", auth: token });
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).result.resultType).toBe("complete");
  });

  it.each([
    ["https://evil.example", 403],
    ["http://localhost:6274", 403],
    ["https://claude.ai", 200],
    ["https://chatgpt.com", 200],
    [WORKER, 200],
  ])("Origin %s → %i", async (origin, status) => {
    const response = await post(legacy({ method: "ping" }, { origin }), { auth: token });
    expect(response.status).toBe(status);
  });

  it("unparseable JSON is -32700 with id null", async () => {
    const response = await post({ body: null, headers: {} }, { raw: '{"jsonrpc":"2.0", "id": 1,', auth: token });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ id: null, error: { code: -32700 } });
  });

  it("a batch is -32600", async () => {
    const response = await post(
      { body: null, headers: {} },
      { raw: JSON.stringify([{ jsonrpc: "2.0", id: 1, method: "ping" }]), auth: token },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: -32600 } });
  });

  it("a body over the cap is 413", async () => {
    const big = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping", params: { pad: "x".repeat(MAX_BODY_BYTES) } });
    const response = await post({ body: null, headers: {} }, { raw: big, auth: token });
    expect(response.status).toBe(413);
  });

  it("an invalid request object echoes its id", async () => {
    const response = await post(
      { body: null, headers: {} },
      { raw: JSON.stringify({ jsonrpc: "1.0", id: 7, method: "ping" }), auth: token },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ id: 7, error: { code: -32600 } });
  });

  it("CORS preflight lets browsers send MCP headers and read WWW-Authenticate", async () => {
    const response = await SELF.fetch(`${WORKER}/mcp`, {
      method: "OPTIONS",
      headers: {
        origin: "https://claude.ai",
        "access-control-request-method": "POST",
        "access-control-request-headers": "mcp-protocol-version, mcp-method",
      },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("mcp-method");
  });
});

describe("CORS on actual responses", () => {
  it("exposes WWW-Authenticate to browser clients on the response itself, not only the preflight", async () => {
    const response = await SELF.fetch(`${WORKER}/health`, { headers: { origin: "https://claude.ai" } });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-expose-headers")?.toLowerCase()).toContain("www-authenticate");
  });
});
