// Median in-process time of the MCP layer: tools/list, and tools/call records_get_details
// both against the sandbox over loopback HTTP and against a replayed Attio response (our own
// CPU work alone, the part that counts against Workers' 10 ms CPU budget).
import { createAttio } from "../src/attio/client";
import { handleMcp, type TransportOptions } from "../src/mcp/transport";
import { INSTRUCTIONS } from "../src/mcp/server";
import { SERVER_INFO } from "../src/version";
import type { ToolContext } from "../src/tools/tool";
import { startSandbox } from "../test/sandbox/index";
import { IDS, SANDBOX_TOKEN, WORKSPACE } from "../test/sandbox/seed";
import { median } from "./median";

const ORIGIN = "https://bench.example";

function options(context: () => Promise<ToolContext>): TransportOptions {
  return { info: SERVER_INFO, instructions: INSTRUCTIONS, selfOrigin: ORIGIN, requestId: "bench", context };
}

function rpc(method: string, params: object): Request {
  return new Request(`${ORIGIN}/mcp`, {
    method: "POST",
    headers: { "content-type": "application/json", "mcp-protocol-version": "2025-11-25" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
}

export async function benchProtocol(): Promise<Record<string, string>> {
  const sandbox = await startSandbox({ quiet: true });
  try {
    const context = (send?: typeof fetch) => () =>
      Promise.resolve<ToolContext>({
        attio: createAttio({ baseUrl: sandbox.url, token: SANDBOX_TOKEN, ...(send ? { fetch: send } : {}) }),
        workspaceId: WORKSPACE.id,
        workspaceSlug: WORKSPACE.slug,
        serverVersion: SERVER_INFO.version,
      });
    const recordId = Object.values(IDS.companies)[0] as string;
    const details = { name: "records_get_details", arguments: { object: "companies", record_id: recordId } };

    // Record what the sandbox answers to each request the call makes (the record, then the
    // attribute list and the name look-ups), then replay those answers: the call's own work alone.
    const recorded = new Map<string, string>();
    const keyOf = async (request: Request) => `${request.method} ${request.url} ${await request.clone().text()}`;
    const recording = context(async (input, init) => {
      const request = new Request(input, init);
      const response = await fetch(request.clone());
      recorded.set(await keyOf(request), await response.clone().text());
      return response;
    });
    await (await handleMcp(rpc("tools/call", details), options(recording))).text();
    const live = context();
    const replay = context(async (input, init) => {
      const body = recorded.get(await keyOf(new Request(input, init)));
      if (body === undefined) throw new Error("the replayed call made a request the recording did not");
      return new Response(body, { headers: { "content-type": "application/json" } });
    });

    const list = await median(500, async () => (await handleMcp(rpc("tools/list", {}), options(live))).text());
    const callLive = await median(200, async () => (await handleMcp(rpc("tools/call", details), options(live))).text());
    const callOwn = await median(500, async () =>
      (await handleMcp(rpc("tools/call", details), options(replay))).text(),
    );
    return {
      "tools/list (median)": `${list.toFixed(3)} ms`,
      "tools/call records_get_details vs sandbox over HTTP (median)": `${callLive.toFixed(3)} ms`,
      "tools/call records_get_details, own work only (replayed Attio response, median)": `${callOwn.toFixed(3)} ms`,
    };
  } finally {
    await sandbox.close();
  }
}
