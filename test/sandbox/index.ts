// Public entry point: start a sandbox on a free (or given) port and get its base URL.
import type { AddressInfo } from "node:net";
import { SandboxServer } from "./server";

export interface Sandbox {
  /** e.g. http://127.0.0.1:54321, no trailing slash; serves both the API and the OAuth pages */
  url: string;
  close(): Promise<void>;
}

export async function startSandbox(opts: { port?: number; host?: string; quiet?: boolean } = {}): Promise<Sandbox> {
  const host = opts.host ?? "127.0.0.1";
  const server = new SandboxServer(opts.quiet ?? true);
  await new Promise<void>((resolve, reject) => {
    server.http.once("error", reject);
    server.http.listen(opts.port ?? 0, host, () => {
      server.http.off("error", reject);
      resolve();
    });
  });
  const { port } = server.http.address() as AddressInfo;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return { url: `http://${shownHost}:${port}`, close: () => server.close() };
}
