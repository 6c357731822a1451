// What a tool is: data (name, title, description, hints, schemas) plus one `run`.
import type { Attio } from "../attio/client";
import type { JsonObject, ToolAnnotations } from "../mcp/types";

/** Who is calling, resolved from the grant (or the test harness). */
export interface ToolContext {
  attio: Attio;
  /** Attio workspace of the token; keys every per-isolate cache so nothing crosses workspaces. */
  workspaceId: string;
  /** Used to build app.attio.com links where Attio returns none. */
  workspaceSlug: string;
  /** The workspace member who signed in (from the grant), when known; saves a GET /v2/self. */
  memberId?: string;
  /** Version string reported by health-check. */
  serverVersion: string;
  /** What this deployment offers (READ_ONLY, TOOLS, DISABLED_TOOLS), reported by health-check. */
  toolMode?: { readOnly: boolean; count: number };
}

/**
 * What `run` returns: `structured`, which conforms to the tool's `outputSchema`; the registry
 * also serialises it as the text content.
 */
type ToolOutput = { structured: JsonObject };

export interface Tool<Args = unknown> {
  name: string;
  title: string;
  /** When to use it, and one example call. */
  description: string;
  annotations: Omit<ToolAnnotations, "title">;
  inputSchema: JsonObject;
  outputSchema?: JsonObject;
  /** Declared when a result may legitimately pass the registry's 40,000-character default. */
  maxResultChars?: number;
  /** The ui:// view (src/ui/resources.ts) a host that supports MCP Apps renders this tool's results in. */
  ui?: string;
  run(ctx: ToolContext, args: Args): Promise<ToolOutput>;
}

/** Thrown by a tool for bad input it detects itself; rendered as an isError result. */
export class ToolInputError extends Error {
  override name = "ToolInputError";
}

/** Thrown by a tool for a failure it has explained itself (e.g. an unknown outcome); rendered verbatim. */
export class ToolFailure extends Error {
  override name = "ToolFailure";
}

/** Annotation presets: every tool sets all four hints explicitly (MCP tools, annotation defaults assume the worst). */
export const READ_ONLY = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: true,
} as const;
export const WRITE = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: false,
  openWorldHint: true,
} as const;
/** Updates replace existing values, which MCP counts as destructive ("false: only additive updates"). */
export const OVERWRITE = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: true,
  openWorldHint: true,
} as const;
export const DESTRUCTIVE = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: true,
  openWorldHint: true,
} as const;
