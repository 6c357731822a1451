// A bug under /mcp is still a JSON-RPC answer: -32603 with the request's id and the request id
// to quote, never an OAuth-shaped 500; "sign in again" is not a bug and passes through.
import { describe, expect, it } from "vitest";
import { handleMcp, type TransportOptions } from "../../src/mcp/transport";
import { SignInAgain } from "../../src/sign-in-again";
import type { ToolContext } from "../../src/tools/tool";
import { SERVER_INFO } from "../../src/version";
import { legacy, type Message, modern } from "../helpers";

function options(context: () => Promise<ToolContext>, seen: object[] = []): TransportOptions {
  return {
    info: SERVER_INFO,
    instructions: "",
    selfOrigin: "https://worker.example",
    requestId: "0123456789abcdef",
    observe: (fields) => void seen.push(fields),
    context,
  };
}

function request(message: Message): Request {
  return new Request("https://worker.example/mcp", {
    method: "POST",
    headers: { "content-type": "application/json", ...message.headers },
    body: JSON.stringify(message.body),
  });
}

const healthCall = { method: "tools/call", params: { name: "health-check", arguments: {} }, id: "call-7" };

describe("unexpected errors under /mcp", () => {
  it.each([
    ["legacy", legacy],
    ["2026-07-28", modern],
  ] as const)("a thrown TypeError answers -32603 with the id and a request id (%s)", async (_era, era) => {
    const seen: object[] = [];
    const bug = async (): Promise<ToolContext> => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    };
    const response = await handleMcp(request(era(healthCall)), options(bug, seen));
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toBe("application/json");
    const body: any = await response.json();
    expect(body).toEqual({
      jsonrpc: "2.0",
      id: "call-7",
      error: {
        code: -32603,
        message: "Internal error in this MCP server. Try again; if it persists, report request id 0123456789abcdef.",
        data: { requestId: "0123456789abcdef" },
      },
    });
    expect(JSON.stringify(body)).not.toContain("reading 'x'"); // the detail stays out of the answer
    expect(seen).toContainEqual({ exception: "TypeError" });
    expect(seen).toContainEqual({ rpc_error: -32603 });
  });

  it("SignInAgain is not a bug: it reaches the one handler in index.ts", async () => {
    const expired = async (): Promise<ToolContext> => {
      throw new SignInAgain("sign in again", true);
    };
    await expect(handleMcp(request(legacy(healthCall)), options(expired))).rejects.toBeInstanceOf(SignInAgain);
  });

  it("an isError tool result ends with the request id, for the person the model tells", async () => {
    const call = legacy({ method: "tools/call", params: { name: "records_get_details", arguments: {} } });
    const response = await handleMcp(
      request(call),
      options(async () => ({}) as ToolContext),
    );
    const body: any = await response.json();
    expect(body.result.isError).toBe(true);
    expect(body.result.content[0].text).toMatch(
      /^Invalid arguments for records_get_details: .*\(request id 0123456789abcdef\)$/,
    );
  });

  it("protocol errors carry the request id in data, beside their own data", async () => {
    const response = await handleMcp(
      request(legacy({ method: "tools/call", params: { name: "nope" } })),
      options(async () => {
        throw new Error("not reached");
      }),
    );
    const body: any = await response.json();
    expect(body.error).toMatchObject({ code: -32602, data: { requestId: "0123456789abcdef" } });
  });
});
