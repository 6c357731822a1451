// README's deploy step 1 must name every Attio scope a tool family needs, so a deployment made
// from it leaves no tool without its scope (health-check reports the families that lack one).
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { TOOL_FAMILIES } from "../../src/tools/scopes";

describe("README deploy step 1", () => {
  it("lists every scope the tools use, at the level they need", async () => {
    const readme = await readFile(new URL("../../README.md", import.meta.url), "utf8");
    const step = readme.slice(readme.indexOf("1. **Create the Attio app.**"), readme.indexOf("2. **Create the KV"));
    const listed = new Set([...step.matchAll(/`([a-z_]+:read(?:-write)?)`/g)].map((m) => m[1]));
    const covers = (scope: string) => listed.has(scope) || (scope.endsWith(":read") && listed.has(`${scope}-write`));
    const needed = [...new Set(TOOL_FAMILIES.flatMap((f) => f.scopes))];
    expect(needed.filter((scope) => !covers(scope))).toEqual([]);
    expect(listed).toContain("email:read");
  });
});
