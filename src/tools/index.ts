// The tool registry: the fixed, ordered catalogue, and `runTool`, which validates the
// arguments, runs the tool and turns every expected failure into an isError result.
import { AttioError } from "../attio/errors";
import type { CallToolResult, JsonObject, ToolDescriptor } from "../mcp/types";
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
import { recordBulkTools } from "./records-bulk";
import { recordMergeTools } from "./records-merge";
import { recordOverviewTools } from "./record-overview";
import { recordsAggregateTools } from "./records-aggregate";
import { recordQueryTools } from "./records-query";
import { recordWriteTools } from "./records-write";
import { recordTools } from "./records";
import { sqlTools } from "./sql";
import { taskTools } from "./tasks";
import { explainFailure } from "./explain";
import { normaliseIds } from "./ids";
import { resolveMemberValues } from "./member-values";
import { ToolFailure, ToolInputError, type Tool, type ToolContext } from "./tool";
import { checkAgainstSchema, withDefaults } from "./validate";
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
    ...recordBulkTools,
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

/**
 * The input schema as listed: without the top-level `additionalProperties: false`, which every
 * tool has and the registry still enforces (an unknown argument is an error naming it), so the
 * catalogue does not pay for it 40 times over.
 */
function advertised(schema: JsonObject): JsonObject {
  const { additionalProperties, ...rest } = schema;
  return additionalProperties === false ? rest : schema;
}

export function describeTool(tool: Tool): ToolDescriptor {
  const descriptor: ToolDescriptor = {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: advertised(tool.inputSchema),
    // The title is said once, at the top level (MCP 2025-06-18 Tool.title, which clients prefer to annotations.title).
    annotations: tool.annotations,
  };
  if (tool.outputSchema) descriptor.outputSchema = tool.outputSchema;
  const meta = {
    ...(tool.ui ? uiToolMeta(tool.ui) : {}),
    ...(tool.maxResultChars ? { [MAX_RESULT_META]: tool.maxResultChars } : {}),
  };
  if (Object.keys(meta).length > 0) descriptor._meta = meta;
  return descriptor;
}

/**
 * Claude Code moves a result over 50,000 characters to a file the model must read separately
 * (https://docs.anthropic.com/en/docs/claude-code/mcp, "MCP output limits"); results stay under
 * 40,000 unless the tool declares more with this `_meta` key.
 */
const MAX_RESULT_CHARS = 40_000;
const MAX_RESULT_META = "anthropic/maxResultSizeChars";

/**
 * Runs one tool call. Argument and Attio failures become `isError` results that say how to
 * fix the call (MCP 2025-11-25 SEP-1303). An Attio 401 means this connection must sign in
 * again (sign-in-again.ts).
 */
export async function runTool(tool: Tool, args: unknown, ctx: ToolContext): Promise<CallToolResult> {
  const cap = tool.maxResultChars ?? MAX_RESULT_CHARS;
  let input = (args ?? {}) as JsonObject;
  try {
    input = normaliseIds(input);
    const invalid = checkAgainstSchema(tool.inputSchema, input);
    if (invalid) return failure(`Invalid arguments for ${tool.name}: ${invalid}.`);
    const output = await runWithMemberNames(tool, ctx, withDefaults(tool.inputSchema, input));
    const text = JSON.stringify(output.structured);
    return { content: [{ type: "text", text: capText(text, cap) }], structuredContent: output.structured };
  } catch (error) {
    if (error instanceof AttioError) {
      if (error.isUnauthorized) throw new SignInAgain("Attio no longer accepts this connection; sign in again", true);
      return failure((await explainFailure(ctx, input, error)).message);
    }
    if (error instanceof ToolInputError) return failure(`Invalid arguments for ${tool.name}: ${error.message}`);
    if (error instanceof ToolFailure) return failure(error.message);
    throw error;
  }
}

/**
 * Runs the tool; when Attio refuses a write (400) whose values name a member by name (owner:
 * "Ada Admin"), resolves the names (member-values.ts) and runs it once more. A 400 writes nothing.
 */
async function runWithMemberNames(tool: Tool, ctx: ToolContext, args: JsonObject) {
  try {
    return await tool.run(ctx, args);
  } catch (error) {
    const values = args.values as Record<string, unknown> | undefined;
    const target = typeof args.list === "string" ? "lists" : "objects";
    const identifier = (args.list ?? args.object) as string | undefined;
    if (!(error instanceof AttioError) || error.problem.kind !== "http" || error.problem.status !== 400) throw error;
    if (!values || !identifier) throw error;
    const resolved = await resolveMemberValues(ctx, target, identifier, values, true).catch(() => values);
    if (JSON.stringify(resolved) === JSON.stringify(values)) throw error;
    return tool.run(ctx, { ...args, values: resolved });
  }
}

function failure(text: string): CallToolResult {
  return { content: [{ type: "text", text }], isError: true };
}

/** A last resort: list tools page below the cap (paging.ts), so only an unforeseen result is cut here. */
function capText(text: string, cap: number): string {
  if (text.length <= cap) return text;
  return `${text.slice(0, cap)}\n[truncated at ${cap} characters: ask for fewer records or fields]`;
}
