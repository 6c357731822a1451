// Who may sign in: ALLOWED_WORKSPACE_IDS / ALLOWED_WORKSPACE_SLUGS and ALLOWED_EMAIL_DOMAINS are
// checked at the callback. A refusal is our own page naming what was refused and who to ask;
// no grant or token is made, and the Attio token just issued is revoked at Attio (RFC 7009).
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Env } from "../../src/env";
import { MEMBER_OTHER, WORKSPACE, WORKSPACE_OTHER } from "../sandbox/seed";
import { attioBase, sandbox, WORKER } from "../helpers";
import { expectRedirect, toCallback } from "./flow";
import { issued } from "./kv";
import { callWorker, viaWorker } from "./worker";

beforeAll(() => sandbox.reset());
afterEach(() => sandbox.reset());

/** Sign in with these settings, to the sandbox's own workspace or its "other" one, up to our callback's answer. */
async function callback(settings: Partial<Env>, workspace: "own" | "other"): Promise<Response> {
  const at = await toCallback({
    send: viaWorker(settings),
    attioQuery: workspace === "other" ? "&workspace=other" : "",
  });
  await sandbox.clearRequests();
  return at.browser.fetch(at.callback);
}

const refusals: [string, Partial<Env>, "own" | "other", RegExp][] = [
  ["a workspace slug not listed", { ALLOWED_WORKSPACE_SLUGS: WORKSPACE.slug }, "other", /other-labs/],
  ["a workspace id not listed", { ALLOWED_WORKSPACE_IDS: WORKSPACE.id }, "other", /other-labs/],
  ["an email domain not listed", { ALLOWED_EMAIL_DOMAINS: "sandbox.example" }, "other", /yours is other\.example/],
  ["the right workspace, the wrong domain", { ALLOWED_EMAIL_DOMAINS: "@elsewhere.example" }, "own", /sandbox\.example/],
];

describe("a sign-in from elsewhere is refused at the callback", () => {
  it.each(refusals)("%s: our 403 page, no grant, Attio token revoked", async (_name, settings, workspace, names) => {
    const before = await issued();
    const response = await callback(settings, workspace);
    expect(response.status).toBe(403);
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain('<meta name="viewport"');
    expect(html).toMatch(names);
    expect(html).toContain("ask whoever gave you this server&#39;s address");
    expect(html).toContain(`Request id: <code>${response.headers.get("x-request-id")}</code>`);
    expect(await issued()).toEqual(before);
    const log = await sandbox.requests();
    const token = log.find((r) => r.path === "/v2/self")!.headers.authorization!.replace(/^Bearer /, "");
    expect(log.find((r) => r.path === "/oauth/revoke")?.body).toMatchObject({ token });
    const after = await fetch(`${attioBase()}/v2/self`, { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
  });

  it("names no other allowed workspace or domain (the settings are the operator's, not the visitor's)", async () => {
    const html = await (await callback({ ALLOWED_WORKSPACE_SLUGS: `${WORKSPACE.slug},hidden-co` }, "other")).text();
    expect(html).not.toContain(WORKSPACE.slug);
    expect(html).not.toContain("hidden-co");
  });
});

describe("a sign-in from an allowed workspace and domain", () => {
  it.each([
    ["slug", { ALLOWED_WORKSPACE_SLUGS: `nope, ${WORKSPACE_OTHER.slug.toUpperCase()}` }],
    ["id", { ALLOWED_WORKSPACE_IDS: WORKSPACE_OTHER.id }],
    ["either of id and slug", { ALLOWED_WORKSPACE_IDS: WORKSPACE.id, ALLOWED_WORKSPACE_SLUGS: WORKSPACE_OTHER.slug }],
    ["email domain", { ALLOWED_EMAIL_DOMAINS: `sandbox.example, ${MEMBER_OTHER.email_address.split("@")[1]}` }],
  ] as [string, Partial<Env>][])("by %s completes, back to the client with a code", async (_name, settings) => {
    const response = await callback(settings, "other");
    expect(new URL(expectRedirect(response)).searchParams.get("code")).toBeTruthy();
    expect((await sandbox.requests()).some((r) => r.path === "/oauth/revoke")).toBe(false);
  });

  it("unset allows any workspace, as before", async () => {
    expect(new URL(expectRedirect(await callback({}, "other"))).searchParams.get("code")).toBeTruthy();
  });
});

describe("the settings themselves", () => {
  it.each([
    ["ALLOWED_WORKSPACE_IDS", "sandbox-co"],
    ["ALLOWED_EMAIL_DOMAINS", "not a domain"],
  ])("a malformed %s is a 503 naming it", async (setting, value) => {
    const response = await callWorker({ [setting]: value }, `${WORKER}/health`);
    expect(response.status).toBe(503);
    const body: any = await response.json();
    expect(body.problems.map((p: { setting: string }) => p.setting)).toEqual([setting]);
    expect(JSON.stringify(body)).not.toContain(value);
  });
});
