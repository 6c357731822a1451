// Attio revokes our app (or the member uninstalls it): the next tool call gets Attio's 401, the
// grant is revoked with all its tokens, and the client gets 401 invalid_token so it signs in again.
import { beforeAll, describe, expect, it } from "vitest";
import { WORKER, legacy, modern, post, sandbox } from "../helpers";
import { signInFully, tokenRequest } from "./flow";
import { keys } from "./kv";
import { json, type OAuthErrorBody, type RpcBody, type ToolResult } from "../bodies";

// Files share one sandbox: start from its seed, with no faults or revocations left by others.
beforeAll(() => sandbox.reset());

const healthCheck = modern({ method: "tools/call", params: { name: "health-check", arguments: {} } });

describe("Attio answers 401", () => {
  it("revokes the grant and answers 401 invalid_token with the challenge", async () => {
    await sandbox.clearRequests();
    const { tokens, clientId } = await signInFully();
    const attioToken = (await sandbox.requests())
      .find((r) => r.path === "/v2/self")!
      .headers.authorization!.replace(/^Bearer /, "");
    const userId = tokens.access_token.split(":")[0]!;
    const grantId = tokens.access_token.split(":")[1]!;
    expect(await keys(`grant:${userId}:${grantId}`)).toHaveLength(1);

    expect((await post(healthCheck, { auth: tokens.access_token })).status).toBe(200);
    await sandbox.revoke(attioToken);

    const response = await post(healthCheck, { auth: tokens.access_token });
    expect(response.status).toBe(401);
    const challenge = response.headers.get("www-authenticate")!;
    expect(challenge).toContain('error="invalid_token"');
    expect(challenge).toContain(`resource_metadata="${WORKER}/.well-known/oauth-protected-resource/mcp"`);
    const body = await json<OAuthErrorBody>(response);
    expect(body.error).toBe("invalid_token");
    expect(JSON.stringify(body)).not.toContain(attioToken);

    // The grant and its tokens are gone: neither the access token nor a refresh works again.
    expect(await keys(`grant:${userId}:${grantId}`)).toHaveLength(0);
    expect(await keys(`token:${userId}:${grantId}:`)).toHaveLength(0);
    expect((await post(legacy({ method: "tools/list" }), { auth: tokens.access_token })).status).toBe(401);
    const refresh = await tokenRequest({
      grant_type: "refresh_token",
      refresh_token: tokens.refresh_token,
      client_id: clientId,
    });
    expect(refresh.status).toBe(400);
    expect((await json<OAuthErrorBody>(refresh)).error).toBe("invalid_grant");
  });

  it("other Attio failures stay tool errors and keep the grant", async () => {
    const { tokens } = await signInFully();
    await sandbox.fault({ mode: "500", count: 1 });
    const response = await post(
      modern({ method: "tools/call", params: { name: "records_search", arguments: { query: "a" } } }),
      { auth: tokens.access_token },
    );
    expect(response.status).toBe(200);
    const body = await json<RpcBody<ToolResult>>(response);
    expect(body.result.isError).toBe(true);
    expect((await post(healthCheck, { auth: tokens.access_token })).status).toBe(200);
  });
});
