// Generates generated/attio.d.ts from attio-openapi.json (openapi-typescript), stamped read-only.
// `npm run codegen` writes it; test/codegen.test.ts fails when the committed file drifts from the spec.
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const ROOT = new URL("../", import.meta.url);
export const SPEC_PATH = fileURLToPath(new URL("attio-openapi.json", ROOT));
export const OUTPUT_PATH = fileURLToPath(new URL("generated/attio.d.ts", ROOT));

const STAMP = `/**
 * GENERATED FILE, DO NOT EDIT.
 * Produced by \`npm run codegen\` (scripts/codegen.ts, openapi-typescript) from attio-openapi.json.
 * Change the spec and regenerate instead; a test fails when this file and the spec drift apart.
 */

`;

/** Renders the TypeScript declarations for the spec, stamp included. */
export async function generateAttioTypes(): Promise<string> {
  const spec = JSON.parse(await readFile(SPEC_PATH, "utf8"));
  const ast = await openapiTS(spec, { silent: true });
  return STAMP + astToString(ast);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const output = await generateAttioTypes();
  await writeFile(OUTPUT_PATH, output);
  console.log(`wrote ${OUTPUT_PATH} (${output.length} bytes)`);
}
