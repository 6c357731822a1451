// health-check: the workspace, member and token level from GET /v2/self, and which tool families
// the granted scopes leave out, naming the missing scopes.
import { beforeEach, describe, expect, it } from "vitest";
import { sandbox } from "../helpers";
import { MEMBERS, SANDBOX_TOKEN, WORKSPACE } from "../sandbox/seed";
import { call, fresh } from "./harness";

beforeEach(fresh);

describe("health-check", () => {
  it("reports the workspace and leaves out not_covered when every family is covered", async () => {
    const called = await call("health-check", {});
    // /v2/self, then the member directory (cached a minute) to name the signed-in member.
    expect(called.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /v2/self", "GET /v2/workspace_members"]);
    expect(called.out).toMatchObject({
      status: "ok",
      workspace: { id: WORKSPACE.id, slug: WORKSPACE.slug },
      member_id: MEMBERS[0].id,
      member: { id: MEMBERS[0].id, name: "Ada Admin", email: MEMBERS[0].email_address },
      token_level: "workspace",
    });
    expect(called.out.scopes).toContain("email:read");
    expect(called.out.not_covered).toBeUndefined();
  });

  it("names the families the granted scopes do not cover and the scopes they lack", async () => {
    await sandbox.scopes(
      SANDBOX_TOKEN,
      "record_permission:read-write object_configuration:read list_configuration:read " +
        "list_entry:read-write note:read-write",
    );
    const called = await call("health-check", {});
    const byFamily = Object.fromEntries(
      called.out.not_covered.map((f: { family: string; missing: string[] }) => [f.family, f.missing]),
    );
    expect(byFamily).toEqual({
      tasks: ["task:read-write", "user_management:read"],
      comments: ["comment:read-write"],
      members: ["user_management:read"],
      meetings: ["meeting:read", "call_recording:read"],
      emails: ["email:read"],
      "object attributes": ["object_configuration:read-write"],
      "lists setup": ["list_configuration:read-write"],
    });
    expect(called.out.note).toMatch(/build\.attio\.com/);
  });
});
