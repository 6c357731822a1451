// `npm run lint` step: fails, listing file:line, on any line of a .ts file in src/, test/,
// bench/ or scripts/ wider than Biome's lineWidth (biome.json). Biome's formatter wraps code
// but leaves long strings and comments alone, so this catches what it cannot.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const WIDTH = 120;
const ROOTS = ["src", "test", "bench", "scripts"];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const tooWide: string[] = [];
for (const file of ROOTS.flatMap(tsFiles).sort()) {
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, index) => {
      // Code points, not UTF-16 units, so "—" counts as one column as it does for Biome.
      const columns = [...line].length;
      if (columns > WIDTH) tooWide.push(`${file}:${index + 1}: ${columns} columns`);
    });
}

if (tooWide.length > 0) {
  console.error(`Lines over ${WIDTH} columns (wrap them; split long strings with +):`);
  for (const entry of tooWide) console.error(`  ${entry}`);
  process.exit(1);
}
