// tools/list CPU: ours (src/mcp/transport.ts) against the official SDK's low-level `Server`
// with its Web-standard Streamable HTTP transport, both stateless (a server and transport per
// request, as the SDK's Workers example does), serving the same descriptors, in process.
// `npx tsx bench/list-vs-sdk.ts`. The SDK is a dev dependency here only; it never reaches the Worker.
import { Server, WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/server";
import { handleMcp } from "../src/mcp/transport";
import { INSTRUCTIONS } from "../src/mcp/server";
import { TOOLS, describeTool } from "../src/tools/index";
import { SERVER_INFO } from "../src/version";
import { median } from "./median";

const ORIGIN = "https://bench.example";

function listRequest(): Request {
  return new Request(`${ORIGIN}/mcp`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": "2025-11-25",
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }),
  });
}

async function sdkList(): Promise<string> {
  const server = new Server(SERVER_INFO, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });
  server.setRequestHandler("tools/list", () => ({ tools: TOOLS.map(describeTool) }) as never);
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  await server.connect(transport);
  return (await transport.handleRequest(listRequest())).text();
}

async function ourList(): Promise<string> {
  const options = {
    info: SERVER_INFO,
    instructions: INSTRUCTIONS,
    selfOrigin: ORIGIN,
    requestId: "bench",
    context: () => Promise.reject(new Error("tools/list needs no context")),
  };
  return (await handleMcp(listRequest(), options)).text();
}

export async function benchListVsSdk(): Promise<Record<string, string>> {
  const sdkBody = JSON.parse(await sdkList());
  if (!Array.isArray(sdkBody.result?.tools)) throw new Error(`SDK answered ${JSON.stringify(sdkBody).slice(0, 200)}`);
  // Interleaved rounds, so load from other processes on the machine hits both alike.
  const ours: number[] = [];
  const sdk: number[] = [];
  for (let round = 0; round < 5; round++) {
    ours.push(await median(200, ourList));
    sdk.push(await median(200, sdkList));
  }
  const best = (times: number[]) => Math.min(...times);
  return {
    "tools/list, ours (median, best of 5 rounds)": `${best(ours).toFixed(3)} ms`,
    "tools/list, official SDK low-level Server, stateless (same)": `${best(sdk).toFixed(3)} ms`,
    "SDK / ours": `${(best(sdk) / best(ours)).toFixed(1)}x`,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchListVsSdk());
