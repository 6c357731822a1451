// The whole Worker under workerd (Miniflare, local KV) over loopback HTTP, per authenticated
// request: OAuth token check, KV read, grant decryption, Attio-token unseal, MCP handling and
// the tool. Latency here is an upper bound on the Worker's own CPU time: it also holds the
// loopback HTTP hops and, for tools/call, the sandbox round trip through Miniflare's outbound proxy.
import { startHarness } from "../test/e2e/harness";
import { mcpCall, signInOverHttp } from "../test/e2e/http-signin";
import { IDS } from "../test/sandbox/seed";
import { median } from "./median";

const DETAILS_LABEL = "authenticated tools/call records_get_details, same, plus the sandbox round trip (median)";

export async function benchWorker(): Promise<Record<string, string>> {
  const harness = await startHarness();
  const ORIGIN = harness.workerUrl;
  try {
    const token = await signInOverHttp(ORIGIN);
    const mcp = (method: string, params: object) => () => mcpCall(ORIGIN, token, method, params).then((r) => r.text());
    const list = await median(300, mcp("tools/list", {}));
    const details = await median(
      200,
      mcp("tools/call", {
        name: "records_get_details",
        arguments: { object: "companies", record_id: IDS.companies.acme },
      }),
    );
    return {
      "authenticated tools/list, whole Worker in workerd over loopback HTTP (median)": `${list.toFixed(3)} ms`,
      [DETAILS_LABEL]: `${details.toFixed(3)} ms`,
    };
  } finally {
    await harness.close();
  }
}
