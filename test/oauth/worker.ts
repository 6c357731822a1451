// Calling the Worker's default export directly, with bindings changed per test (a missing
// secret, another key, a counting KV); the sandbox is still reached over real HTTP.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import worker from "../../src/index";
import type { Env } from "../../src/env";
import { WORKER } from "../helpers";
import type { Send } from "./flow";

export function baseEnv(): Env {
  return env as unknown as Env;
}

export async function callWorker(
  overrides: Partial<Env> | Record<string, unknown>,
  url: string,
  init?: RequestInit,
): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request(url, init), { ...baseEnv(), ...overrides } as Env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

/** A flow `Send` that reaches this Worker through `callWorker` with the given bindings. */
export function viaWorker(overrides: Partial<Env> | Record<string, unknown>): Send {
  return (url, init) => (url.startsWith(WORKER) ? callWorker(overrides, url, init) : fetch(url, init));
}
