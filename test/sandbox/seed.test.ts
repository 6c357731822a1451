// The seed is a contract other tests rely on: fixed ids resolve, every attribute type is filled
// somewhere, there is enough data to paginate, and seed.ts stays importable inside workerd.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { useSandbox } from "./helpers";
import { IDS, IDS_OTHER, SANDBOX_TOKEN_OTHER } from "./seed";
import { ATTRIBUTE_TYPES } from "./types";

const client = useSandbox();
beforeAll(async () => {
  await client.control("POST", "reset");
});

describe("seed", () => {
  it("seed.ts has no imports, so workerd tests can load it", () => {
    const source = readFileSync(new URL("./seed.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).not.toMatch(/require\(/);
  });

  it("fills every one of Attio's 17 attribute types at least once", async () => {
    const seen = new Set<string>();
    for (const object of ["companies", "people", "deals", "projects"]) {
      const res = await client.call("POST", `/v2/objects/${object}/records/query`, {});
      for (const rec of res.json.data)
        for (const values of Object.values(rec.values) as { attribute_type: string }[][])
          for (const v of values) seen.add(v.attribute_type);
    }
    expect([...seen].sort()).toEqual([...ATTRIBUTE_TYPES].sort());
  });

  it.each([
    ...Object.entries(IDS.companies).map(([k, id]) => [`companies.${k}`, `/v2/objects/companies/records/${id}`]),
    ...Object.entries(IDS.people).map(([k, id]) => [`people.${k}`, `/v2/objects/people/records/${id}`]),
    ...Object.entries(IDS.deals).map(([k, id]) => [`deals.${k}`, `/v2/objects/deals/records/${id}`]),
    ...Object.entries(IDS.projects).map(([k, id]) => [`projects.${k}`, `/v2/objects/projects/records/${id}`]),
    ...Object.entries(IDS.lists).map(([k, id]) => [`lists.${k}`, `/v2/lists/${id}`]),
    ...Object.entries(IDS.entries).map(([k, id]) => [`entries.${k}`, `/v2/lists/sales_pipeline/entries/${id}`]),
    ...Object.entries(IDS.notes).map(([k, id]) => [`notes.${k}`, `/v2/notes/${id}`]),
    ...Object.entries(IDS.tasks).map(([k, id]) => [`tasks.${k}`, `/v2/tasks/${id}`]),
    ...Object.entries(IDS.threads).map(([k, id]) => [`threads.${k}`, `/v2/threads/${id}`]),
    ...Object.entries(IDS.comments).map(([k, id]) => [`comments.${k}`, `/v2/comments/${id}`]),
    ...Object.entries(IDS.meetings).map(([k, id]) => [`meetings.${k}`, `/v2/meetings/${id}`]),
    ...Object.entries(IDS.call_recordings).map(([k, id]) => [
      `call_recordings.${k}`,
      `/v2/meetings/${IDS.meetings.acme_kickoff}/call_recordings/${id}`,
    ]),
  ])("IDS.%s resolves", async (_name, path) => {
    expect((await client.call("GET", path)).status).toBe(200);
  });

  it("gives the second workspace its own, smaller data", async () => {
    for (const id of Object.values(IDS_OTHER.companies)) {
      expect(
        (await client.call("GET", `/v2/objects/companies/records/${id}`, undefined, SANDBOX_TOKEN_OTHER)).status,
      ).toBe(200);
    }
    const members = await client.call("GET", "/v2/workspace_members", undefined, SANDBOX_TOKEN_OTHER);
    expect(members.json.data).toHaveLength(1);
    const lists = await client.call("GET", "/v2/lists", undefined, SANDBOX_TOKEN_OTHER);
    expect(lists.json.data).toEqual([]);
  });
});
