// `npm run bench`: every benchmark, printed as a table (figures go into README.md).
import { benchBundle } from "./bundle";
import { benchProtocol } from "./protocol";

const sections: [string, () => Promise<Record<string, string>> | Record<string, string>][] = [
  ["Bundle", benchBundle],
  ["MCP layer", benchProtocol],
];

try {
  const { benchOutputSize } = await import("./output-size");
  sections.push(["Tool output size and Attio requests", benchOutputSize]);
} catch {
  // output-size.ts arrives with the full toolset
}

for (const [title, run] of sections) {
  console.log(`\n## ${title}`);
  for (const [name, value] of Object.entries(await run())) console.log(`${name}: ${value}`);
}
