// Worker bundle size as deployed: `wrangler deploy --dry-run --minify`, raw and gzip.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export function benchBundle(): Record<string, string> {
  const outdir = mkdtempSync(join(tmpdir(), "attio-mcp-bundle-"));
  execFileSync("npx", ["wrangler", "deploy", "--dry-run", "--minify", "--outdir", outdir], {
    stdio: "ignore",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
  });
  const file = readdirSync(outdir).find((name) => name.endsWith(".js"));
  if (!file) throw new Error("wrangler produced no bundle");
  const bytes = readFileSync(join(outdir, file));
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  return { "bundle (minified)": kib(bytes.length), "bundle (minified, gzip)": kib(gzipSync(bytes).length) };
}
