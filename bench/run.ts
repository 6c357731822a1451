// `npm run bench`: every benchmark, printed as a table (figures go into README.md).
import { benchBundle } from "./bundle";
import { benchListVsSdk } from "./list-vs-sdk";
import { benchProtocol } from "./protocol";
import { benchWorker } from "./worker";

const sections: [string, () => Promise<Record<string, string>> | Record<string, string>][] = [
  ["Bundle", benchBundle],
  ["MCP layer", benchProtocol],
  ["tools/list against the official SDK", benchListVsSdk],
  ["Whole Worker, signed in", benchWorker],
];

for (const [title, run] of sections) {
  console.log(`\n## ${title}`);
  for (const [name, value] of Object.entries(await run())) console.log(`${name}: ${value}`);
}
