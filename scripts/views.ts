// Generates generated/views.ts: the MCP Apps views (src/ui) with their inline script and style
// minified by esbuild, so the Worker carries the pages at about two thirds of their source size.
// `npm run codegen` writes it; test/node/views.test.ts fails when it drifts from src/ui.
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { transform } from "esbuild";
import { BOARD_PAGE } from "../src/ui/pipeline-board";
import { CARD_PAGE } from "../src/ui/record-card";

export const VIEWS_PATH = fileURLToPath(new URL("../generated/views.ts", import.meta.url));

const STAMP = `/**
 * GENERATED FILE, DO NOT EDIT.
 * Produced by \`npm run codegen\` (scripts/views.ts, esbuild) from src/ui: each view with its script
 * and style minified. Change src/ui and regenerate; a test fails when the two drift apart.
 */
`;

/** One page with its (single) inline <style> and <script> minified; everything else as written. */
async function minifyPage(html: string): Promise<string> {
  const style = /<style>([\s\S]*?)<\/style>/.exec(html);
  const script = /<script>([\s\S]*?)<\/script>/.exec(html);
  if (!style || !script) throw new Error("a view needs one inline <style> and one inline <script>");
  const css = await transform(style[1]!, { loader: "css", minify: true });
  // A classic script, not a module: esbuild keeps top-level names, which the page's markup may use.
  const js = await transform(script[1]!, { loader: "js", minify: true, target: "es2020" });
  return html
    .replace(style[0], () => `<style>${css.code.trim()}</style>`)
    .replace(script[0], () => `<script>${js.code.trim()}</script>`);
}

/** The module text, stamp included. */
export async function generateViews(): Promise<string> {
  const card = await minifyPage(CARD_PAGE);
  const board = await minifyPage(BOARD_PAGE);
  return (
    `${STAMP}\n` +
    `export const CARD_PAGE = ${JSON.stringify(card)};\n\n` +
    `export const BOARD_PAGE = ${JSON.stringify(board)};\n`
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const output = await generateViews();
  await writeFile(VIEWS_PATH, output);
  console.log(`wrote ${VIEWS_PATH} (${output.length} bytes)`);
}
