// JSON-RPC 2.0 and MCP shapes, protocol versions and error codes: the one source of truth
// for the wire format (MCP 2026-07-28 and the legacy 2025-11-25 / 2025-06-18 / 2025-03-26).

/** The stateless revision, selected per request by `_meta` (MCP 2026-07-28 basic/versioning). */
export const MODERN_VERSION = "2026-07-28";
/** Legacy revisions negotiated through `initialize`, newest first. */
export const LEGACY_VERSIONS = ["2025-11-25", "2025-06-18", "2025-03-26"] as const;
export const SUPPORTED_VERSIONS: readonly string[] = [MODERN_VERSION, ...LEGACY_VERSIONS];
/** 2025-11-25 transports: a missing MCP-Protocol-Version header means 2025-03-26. */
export const DEFAULT_LEGACY_VERSION = "2025-03-26";

/** `_meta` keys of the 2026-07-28 per-request protocol fields (SEP-2575). */
export const META = {
  protocolVersion: "io.modelcontextprotocol/protocolVersion",
  clientInfo: "io.modelcontextprotocol/clientInfo",
  clientCapabilities: "io.modelcontextprotocol/clientCapabilities",
  serverInfo: "io.modelcontextprotocol/serverInfo",
} as const;

export const ERROR = {
  PARSE_ERROR: -32700,
  INVALID_REQUEST: -32600,
  METHOD_NOT_FOUND: -32601,
  INVALID_PARAMS: -32602,
  INTERNAL_ERROR: -32603,
  /** 2025-11-25 server/resources "Error Handling"; 2026-07-28 uses INVALID_PARAMS instead. */
  RESOURCE_NOT_FOUND: -32002,
  HEADER_MISMATCH: -32020,
  MISSING_CLIENT_CAPABILITY: -32021,
  UNSUPPORTED_PROTOCOL_VERSION: -32022,
} as const;

export type JsonRpcId = string | number;
export type JsonObject = Record<string, unknown>;

export interface JsonRpcRequest {
  jsonrpc: "2.0";
  id?: JsonRpcId;
  method: string;
  params?: JsonObject;
}

export interface JsonRpcError {
  code: number;
  message: string;
  data?: unknown;
}

export type Era = "modern" | "legacy";

export interface ServerInfo {
  name: string;
  title: string;
  version: string;
}

export interface ToolAnnotations {
  title?: string;
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

/** A tool as listed by tools/list. */
export interface ToolDescriptor {
  name: string;
  title: string;
  description: string;
  inputSchema: JsonObject;
  outputSchema?: JsonObject;
  annotations: ToolAnnotations;
  _meta?: JsonObject;
}

interface TextContent {
  type: "text";
  text: string;
}

export interface CallToolResult {
  content: TextContent[];
  structuredContent?: unknown;
  isError?: boolean;
}
