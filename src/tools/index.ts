// The tool registry: the fixed, ordered catalogue, and `runTool`, which validates the
// arguments, runs the tool and turns every expected failure into an isError result.
import { AttioError } from "../attio/errors";
import type { CallToolResult, ToolDescriptor } from "../mcp/types";
import { SignInAgain } from "../sign-in-again";
import { attributeSaveTools } from "./attributes-save";
import { chatgptTools } from "./chatgpt";
import { commentTools } from "./comments";
import { emailTools } from "./emails";
import { healthTools } from "./health";
import { listSaveTools } from "./lists-save";
import { listTools } from "./lists";
import { meetingTools } from "./meetings";
import { memberTools } from "./members";
import { noteTools } from "./notes";
import { objectTools } from "./objects";
import { recordMergeTools } from "./records-merge";
import { recordOverviewTools } from "./record-overview";
import { recordsAggregateTools } from "./records-aggregate";
import { recordQueryTools } from "./records-query";
import { recordWriteTools } from "./records-write";
import { recordTools } from "./records";
import { sqlTools } from "./sql";
import { taskTools } from "./tasks";
import { ToolFailure, ToolInputError, type Tool, type ToolContext } from "./tool";
import { checkAgainstSchema } from "./validate";
import { uiToolMeta } from "../ui/uris";

/**
 * Every tool by family: a deployment includes or disables whole families by these names
 * (TOOLS, DISABLED_TOOLS; tools/selection.ts), so a tool added to a family file is covered.
 */
export const FAMILIES: Readonly<Record<string, readonly Tool[]>> = {
  health: healthTools,
  records: [
    ...recordTools,
    ...recordQueryTools,
    ...recordOverviewTools,
    ...recordsAggregateTools,
    ...recordWriteTools,
    ...recordMergeTools,
  ],
  objects: objectTools,
  lists: listTools,
  /** Changes to the workspace's shape: attributes, options, statuses and lists themselves. */
  schema: [...attributeSaveTools, ...listSaveTools],
  notes: noteTools,
  tasks: taskTools,
  comments: commentTools,
  members: memberTools,
  meetings: meetingTools,
  emails: emailTools,
  sql: sqlTools,
  chatgpt: chatgptTools,
};

/** Listing order is fixed (MCP 2026-07-28: tools SHOULD be returned in deterministic order). */
export const TOOLS: readonly Tool[] = Object.values(FAMILIES).flat();

const BY_NAME = new Map(TOOLS.map((tool) => [tool.name, tool]));

/** @internal the whole catalogue by name, for tests and bench (the server looks up the deployment's selection) */
export function findTool(name: string): Tool | undefined {
  return BY_NAME.get(name);
}

export function describeTool(tool: Tool): ToolDescriptor {
  const descriptor: ToolDescriptor = {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: tool.inputSchema,
    annotations: { title: tool.title, ...tool.annotations },
  };
  if (tool.outputSchema) descriptor.outputSchema = tool.outputSchema;
  if (tool.ui) descriptor._meta = uiToolMeta(tool.ui);
  return descriptor;
}

/** Claude truncates tool results near 150,000 characters; stay well under it. */
const MAX_RESULT_CHARS = 100_000;

/**
 * Runs one tool call. Argument and Attio failures become `isError` results that say how to
 * fix the call (MCP 2025-11-25 SEP-1303). An Attio 401 means this connection must sign in
 * again (sign-in-again.ts).
 */
export async function runTool(tool: Tool, args: unknown, ctx: ToolContext): Promise<CallToolResult> {
  const input = args ?? {};
  const invalid = checkAgainstSchema(tool.inputSchema, input);
  if (invalid) return failure(`Invalid arguments for ${tool.name}: ${invalid}.`);
  try {
    const output = await tool.run(ctx, input);
    const text = JSON.stringify(output.structured);
    return { content: [{ type: "text", text: capText(text) }], structuredContent: output.structured };
  } catch (error) {
    if (error instanceof AttioError) {
      if (error.isUnauthorized) throw new SignInAgain("Attio no longer accepts this connection; sign in again", true);
      return failure(error.message);
    }
    if (error instanceof ToolInputError) return failure(`Invalid arguments for ${tool.name}: ${error.message}`);
    if (error instanceof ToolFailure) return failure(error.message);
    throw error;
  }
}

function failure(text: string): CallToolResult {
  return { content: [{ type: "text", text }], isError: true };
}

function capText(text: string): string {
  if (text.length <= MAX_RESULT_CHARS) return text;
  return `${text.slice(0, MAX_RESULT_CHARS)}\n[truncated at ${MAX_RESULT_CHARS} characters: ask for fewer records or fields]`;
}
