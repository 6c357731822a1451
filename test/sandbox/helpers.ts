// Test helpers: one started sandbox per test file and a tiny JSON client for it.
import { afterAll, beforeAll } from "vitest";
import { startSandbox, type Sandbox } from "./index";
import { SANDBOX_TOKEN } from "./seed";

interface ApiResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: assertions read arbitrary JSON
  json: any;
}

export interface Client {
  readonly url: string;
  call(method: string, path: string, body?: unknown, token?: string | null): Promise<ApiResponse>;
  control(method: string, path: string, body?: unknown): Promise<ApiResponse>;
}

/** Starts a sandbox for the current file; `client.url` is valid inside tests. */
export function useSandbox(): Client {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  const base = () => {
    if (!sandbox) throw new Error("sandbox not started");
    return sandbox.url;
  };
  const request = async (method: string, path: string, body: unknown, token: string | null): Promise<ApiResponse> => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(base() + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: "manual",
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
  };
  return {
    get url() {
      return base();
    },
    call: (method, path, body, token = SANDBOX_TOKEN) => request(method, path, body, token),
    control: (method, path, body) => request(method, `/__sandbox/${path}`, body, null),
  };
}
