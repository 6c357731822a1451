// The whole Worker under workerd (Miniflare, local KV) over loopback HTTP, per authenticated
// request: OAuth token check, KV read, grant decryption, Attio-token unseal, MCP handling and
// the tool. Latency here is an upper bound on the Worker's own CPU time: it also holds the
// loopback HTTP hops and, for tools/call, the sandbox round trip through Miniflare's outbound proxy.
import { startHarness } from "../test/e2e/harness";
import { IDS } from "../test/sandbox/seed";
import { median } from "./median";

const REDIRECT = "http://127.0.0.1:9/callback";

function b64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64url");
}

export async function benchWorker(): Promise<Record<string, string>> {
  const harness = await startHarness();
  const ORIGIN = harness.workerUrl;
  const call = (url: string, init?: RequestInit) => fetch(url, { redirect: "manual", ...init });
  try {
    // Sign in as a client would: register, consent, Attio (the sandbox), callback, token.
    const client = (await (await call(`${ORIGIN}/oauth/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ redirect_uris: [REDIRECT], client_name: "bench", token_endpoint_auth_method: "none" }),
    })).json()) as { client_id: string };
    const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
    const challenge = b64url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
    const query = new URLSearchParams({ response_type: "code", client_id: client.client_id, redirect_uri: REDIRECT, code_challenge: challenge, code_challenge_method: "S256", state: "s", resource: `${ORIGIN}/mcp` });
    const consent = await call(`${ORIGIN}/oauth/authorize?${query}`);
    const cookie = consent.headers.getSetCookie().map((c: string) => c.split(";")[0]).join("; ");
    const handle = /name="handle" value="([^"]+)"/.exec(await consent.text())?.[1] ?? "";
    const approve = await call(`${ORIGIN}/oauth/authorize`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", cookie }, body: new URLSearchParams({ handle, decision: "approve" }) });
    const upstreamCookie = approve.headers.getSetCookie().map((c: string) => c.split(";")[0]).join("; ");
    const upstream = await fetch(approve.headers.get("location")!, { redirect: "manual" });
    const back = await call(upstream.headers.get("location")!, { headers: { cookie: [cookie, upstreamCookie].filter(Boolean).join("; ") } });
    const code = new URL(back.headers.get("location")!).searchParams.get("code")!;
    const token = (await (await call(`${ORIGIN}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, client_id: client.client_id, code_verifier: verifier }),
    })).json()) as { access_token: string };
    if (!token.access_token) throw new Error("bench sign-in failed");

    const mcp = (method: string, params: object) => () =>
      call(`${ORIGIN}/mcp`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${token.access_token}` },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
      }).then((r: Response) => r.text());
    const list = await median(300, mcp("tools/list", {}));
    const details = await median(200, mcp("tools/call", { name: "records_get_details", arguments: { object: "companies", record_id: IDS.companies.acme } }));
    return {
      "authenticated tools/list, whole Worker in workerd over loopback HTTP (median)": `${list.toFixed(3)} ms`,
      "authenticated tools/call records_get_details, same, plus the sandbox round trip (median)": `${details.toFixed(3)} ms`,
    };
  } finally {
    await harness.close();
  }
}
