// Era classification on its own: the body's _meta decides the era; the strict switch refuses
// the one header mismatch that is tolerated by default (Claude's connector proxy).
import { describe, expect, it } from "vitest";
import { classify } from "../../src/mcp/era";
import type { JsonRpcRequest } from "../../src/mcp/types";
import { WORKER, modern, signIn } from "../helpers";
import { callWorker } from "../oauth/worker";

const request: JsonRpcRequest = {
  jsonrpc: "2.0",
  id: 1,
  method: "tools/list",
  params: {
    _meta: {
      "io.modelcontextprotocol/protocolVersion": "2026-07-28",
      "io.modelcontextprotocol/clientCapabilities": {},
    },
  },
};
const headers = (version: string) => new Headers({ "mcp-protocol-version": version, "mcp-method": "tools/list" });

describe("classify", () => {
  it("tolerates a legacy header on a modern request by default", () => {
    expect(classify(request, headers("2025-11-25"), false)).toEqual({ era: "modern", version: "2026-07-28" });
  });

  it("refuses it with -32020 when MCP_STRICT_VERSION_HEADER is on", () => {
    expect(() => classify(request, headers("2025-11-25"), false, true)).toThrow(
      expect.objectContaining({ code: -32020, httpStatus: 400 }),
    );
  });

  it("never tolerates an unknown header version", () => {
    expect(() => classify(request, headers("2024-01-01"), false)).toThrow(expect.objectContaining({ code: -32020 }));
  });

  it("serves a request without _meta as legacy, at the header's version", () => {
    expect(
      classify(
        { jsonrpc: "2.0", id: 1, method: "tools/list" },
        new Headers({ "mcp-protocol-version": "2025-06-18" }),
        false,
      ),
    ).toEqual({
      era: "legacy",
      version: "2025-06-18",
    });
  });
});

describe("MCP_STRICT_VERSION_HEADER through the Worker", () => {
  it.each([
    [undefined, 200],
    ["true", 400],
  ])("MCP_STRICT_VERSION_HEADER=%s → %i", async (strict, status) => {
    const token = await signIn();
    const message = modern({ method: "tools/list" }, { "mcp-protocol-version": "2025-11-25" });
    const response = await callWorker({ MCP_STRICT_VERSION_HEADER: strict }, `${WORKER}/mcp`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...message.headers },
      body: JSON.stringify(message.body),
    });
    expect(response.status).toBe(status);
  });
});
