// Authentication: API keys per workspace, revocation, and the OAuth authorize → token flow.
import { beforeEach, describe, expect, it } from "vitest";
import { useSandbox } from "./helpers";
import { startSandbox } from "./index";
import {
  IDS,
  MEMBER_OTHER,
  MEMBERS,
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_TOKEN,
  SANDBOX_TOKEN_OTHER,
  WORKSPACE,
  WORKSPACE_OTHER,
} from "./seed";

const client = useSandbox();
beforeEach(async () => {
  await client.control("POST", "reset");
});

describe("API keys", () => {
  it.each([
    ["no header", null],
    ["unknown token", "not-a-token"],
  ])("answers 401 auth_error for %s", async (_name, token) => {
    const res = await client.call("GET", "/v2/self", undefined, token);
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ status_code: 401, type: "auth_error", code: "unauthorized" });
    expect(res.json.message).toEqual(expect.any(String));
  });

  it("accepts HTTP Basic with the token as username", async () => {
    const res = await fetch(`${client.url}/v2/self`, {
      headers: { authorization: `Basic ${Buffer.from(`${SANDBOX_TOKEN}:`).toString("base64")}` },
    });
    expect(res.status).toBe(200);
  });

  it("maps each token to its own workspace", async () => {
    const main = await client.call("GET", "/v2/self");
    expect(main.json).toMatchObject({
      active: true,
      workspace_id: WORKSPACE.id,
      workspace_slug: WORKSPACE.slug,
      exp: null,
      iss: "attio.com",
      token_type: "Bearer",
    });
    const other = await client.call("GET", "/v2/self", undefined, SANDBOX_TOKEN_OTHER);
    expect(other.json.workspace_id).toBe(WORKSPACE_OTHER.id);
    const companies = await client.call("POST", "/v2/objects/companies/records/query", {}, SANDBOX_TOKEN_OTHER);
    expect(companies.json.data.map((r: { values: { name: { value: string }[] } }) => r.values.name[0]!.value)).toEqual([
      "Wayne Enterprises",
      "Stark Industries",
    ]);
    const acme = await client.call(
      "GET",
      `/v2/objects/companies/records/${IDS.companies.acme}`,
      undefined,
      SANDBOX_TOKEN_OTHER,
    );
    expect(acme.status).toBe(404);
  });

  it("revokes a token until reset", async () => {
    await client.control("POST", "revoke", { token: SANDBOX_TOKEN_OTHER });
    expect((await client.call("GET", "/v2/self", undefined, SANDBOX_TOKEN_OTHER)).status).toBe(401);
    expect((await client.call("GET", "/v2/self")).status).toBe(200);
    await client.control("POST", "reset");
    expect((await client.call("GET", "/v2/self", undefined, SANDBOX_TOKEN_OTHER)).status).toBe(200);
  });
});

describe("OAuth pages", () => {
  const redirect = "http://127.0.0.1:9999/oauth/callback";
  async function authorize(extra: Record<string, string> = {}): Promise<Response> {
    const q = new URLSearchParams({
      client_id: SANDBOX_CLIENT_ID,
      redirect_uri: redirect,
      response_type: "code",
      state: "xyz",
      ...extra,
    });
    return fetch(`${client.url}/authorize?${q}`, { redirect: "manual" });
  }
  async function codeFrom(res: Response): Promise<string> {
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(redirect);
    expect(location.searchParams.get("state")).toBe("xyz");
    return location.searchParams.get("code")!;
  }
  const exchange = (fields: Record<string, string>) =>
    fetch(`${client.url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        client_id: SANDBOX_CLIENT_ID,
        client_secret: SANDBOX_CLIENT_SECRET,
        redirect_uri: redirect,
        ...fields,
      }),
    });

  it("authorize → token → /v2/self, and the code is single-use", async () => {
    const code = await codeFrom(await authorize());
    const res = await exchange({ code });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const token = (await res.json()) as { access_token: string; token_type: string };
    expect(token.token_type).toBe("Bearer");
    const self = await client.call("GET", "/v2/self", undefined, token.access_token);
    expect(self.json).toMatchObject({ active: true, workspace_id: WORKSPACE.id, client_id: SANDBOX_CLIENT_ID });

    const again = await exchange({ code });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("issues tokens for the second workspace with workspace=other, and accepts JSON bodies", async () => {
    const code = await codeFrom(await authorize({ workspace: "other" }));
    const res = await fetch(`${client.url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        grant_type: "authorization_code",
        code,
        client_id: SANDBOX_CLIENT_ID,
        client_secret: SANDBOX_CLIENT_SECRET,
        redirect_uri: redirect,
      }),
    });
    const { access_token } = (await res.json()) as { access_token: string };
    expect((await client.call("GET", "/v2/self", undefined, access_token)).json.workspace_id).toBe(WORKSPACE_OTHER.id);
  });

  it.each([
    [{ client_secret: "wrong" }, 401, "invalid_client"],
    [{ client_id: "someone-else" }, 401, "invalid_client"],
    [{ code: "made-up" }, 400, "invalid_grant"],
    [{ redirect_uri: "http://127.0.0.1:9999/elsewhere" }, 400, "invalid_grant"],
    [{ grant_type: "refresh_token" }, 400, "unsupported_grant_type"],
  ])("rejects token request %j with %i %s", async (override, status, error) => {
    const code = await codeFrom(await authorize());
    const res = await exchange({ code, ...override });
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error, error_description: expect.any(String) });
  });

  it.each([
    [{ client_id: "unknown" }, "invalid_client"],
    [{ response_type: "token" }, "unsupported_response_type"],
    [{ redirect_uri: "not a url" }, "invalid_request"],
  ])("authorize rejects %j", async (override, error) => {
    const res = await authorize(override);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error });
  });

  it("tokens from another run of the sandbox still work (npm start restarted, grants kept in local KV)", async () => {
    const code = await codeFrom(await authorize());
    const { access_token } = (await (await exchange({ code })).json()) as { access_token: string };
    const restarted = await startSandbox();
    try {
      const self = await fetch(`${restarted.url}/v2/self`, { headers: { authorization: `Bearer ${access_token}` } });
      expect(self.status).toBe(200);
      expect(await self.json()).toMatchObject({ workspace_id: WORKSPACE.id });
      // Only well-formed tokens naming a seeded workspace and one of its members are accepted.
      const forged = access_token.replace(MEMBERS[0].id, MEMBER_OTHER.id);
      expect((await fetch(`${restarted.url}/v2/self`, { headers: { authorization: `Bearer ${forged}` } })).status).toBe(
        401,
      );
    } finally {
      await restarted.close();
    }
  });

  it("tokens issued before a reset keep working after it", async () => {
    const code = await codeFrom(await authorize());
    const { access_token } = (await (await exchange({ code })).json()) as { access_token: string };
    await client.control("POST", "reset");
    expect((await client.call("GET", "/v2/self", undefined, access_token)).status).toBe(200);
    await client.control("POST", "revoke", { token: access_token });
    expect((await client.call("GET", "/v2/self", undefined, access_token)).status).toBe(401);
  });
});
