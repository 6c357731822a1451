// The committed generated/attio.d.ts must be exactly what codegen makes from attio-openapi.json,
// so the spec and the types the Worker compiles against can never drift apart.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { OUTPUT_PATH, generateAttioTypes } from "../../scripts/codegen";

describe("generated Attio types", () => {
  it("match the spec (run `npm run codegen` after changing attio-openapi.json)", async () => {
    const committed = await readFile(OUTPUT_PATH, "utf8");
    const fresh = await generateAttioTypes();
    expect(committed.length).toBe(fresh.length);
    expect(committed === fresh).toBe(true);
  });

  it("are stamped as generated", async () => {
    const committed = await readFile(OUTPUT_PATH, "utf8");
    expect(committed.startsWith("/**\n * GENERATED FILE, DO NOT EDIT.")).toBe(true);
  });
});
