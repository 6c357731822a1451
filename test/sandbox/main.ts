// CLI for `npm start`: npx tsx test/sandbox/main.ts [--port N] [--host H] [--verbose]
import { startSandbox } from "./index";

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const port = Number(flag("port") ?? process.env.SANDBOX_PORT ?? 8788);
const sandbox = await startSandbox({ port, host: flag("host"), quiet: !process.argv.includes("--verbose") });
console.log(`Attio sandbox listening on ${sandbox.url}`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void sandbox.close().then(() => process.exit(0));
  });
}
