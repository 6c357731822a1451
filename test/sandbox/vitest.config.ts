import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { name: "sandbox", include: ["test/sandbox/**/*.test.ts"], environment: "node" },
});
