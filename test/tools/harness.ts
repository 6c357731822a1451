// Calls tools directly (no MCP layer) against the sandbox, and checks what every successful call
// must satisfy: structuredContent valid against the tool's outputSchema, and the same JSON as text.
import { Validator } from "@cfworker/json-schema";
import { expect } from "vitest";
import { createAttio } from "../../src/attio/client";
import type { CallToolResult } from "../../src/mcp/types";
import { forgetAll } from "../../src/tools/cache";
import { findTool, runTool } from "../../src/tools/index";
import type { ToolContext } from "../../src/tools/tool";
import { attioBase, sandbox } from "../helpers";
import type { RecordedRequest } from "../sandbox/types";
import { SANDBOX_TOKEN, WORKSPACE } from "../sandbox/seed";

export function context(
  token: string = SANDBOX_TOKEN,
  workspace: { id: string; slug: string } = WORKSPACE,
): ToolContext {
  return {
    attio: createAttio({ baseUrl: attioBase(), token, maxRetryWaitMs: 2_500 }),
    workspaceId: workspace.id,
    workspaceSlug: workspace.slug,
    serverVersion: "test",
  };
}

/** Fresh seed data, no faults, no recorded requests, no cached metadata. */
export async function fresh(): Promise<void> {
  await sandbox.reset();
  forgetAll();
}

export interface Called {
  result: CallToolResult;
  isError: boolean;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: assertions read arbitrary JSON
  out: any;
  /** Attio requests the call made, in order. */
  requests: RecordedRequest[];
}

export async function call(name: string, args: unknown, ctx: ToolContext = context()): Promise<Called> {
  const tool = findTool(name);
  if (!tool) throw new Error(`no tool ${name}`);
  await sandbox.clearRequests();
  const result = await runTool(tool, args, ctx);
  const requests = await sandbox.requests();
  expect(result.content).toHaveLength(1);
  const text = result.content[0]!.text;
  const isError = result.isError === true;
  if (!isError && tool.outputSchema) {
    const check = new Validator(tool.outputSchema as never, "2020-12", false).validate(result.structuredContent);
    expect(check.errors, `${name} output must match its outputSchema`).toEqual([]);
    expect(text).toBe(JSON.stringify(result.structuredContent));
  }
  return { result, isError, text, out: result.structuredContent, requests };
}

/** The one Attio request a call made, asserting that it made exactly one. */
export function only(called: Called): RecordedRequest {
  expect(called.requests.map((r) => `${r.method} ${r.path}`)).toHaveLength(1);
  return called.requests[0]!;
}

/** An isError result whose text contains every fragment. */
export function expectError(called: Called, ...fragments: (string | RegExp)[]): void {
  expect(called.isError, called.text).toBe(true);
  for (const fragment of fragments) expect(called.text).toMatch(fragment);
}

/** Makes the next Attio request fail with HTTP 500. */
export function fail500(path?: string): Promise<void> {
  return sandbox.fault({ mode: "500", count: 1, ...(path ? { path } : {}) });
}
