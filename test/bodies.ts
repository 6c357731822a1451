// Shapes of the JSON bodies tests read, so a test names what it expects instead of `any`.

/** RFC 6749 §5.2 error response (also the Worker's own JSON errors, which add fields). */
export interface OAuthErrorBody {
  error: string;
  error_description?: string;
  [extra: string]: unknown;
}

/** RFC 7591 §3.2.1 client information response. */
export interface RegisteredClient {
  client_id: string;
  client_secret?: string;
  redirect_uris: string[];
  token_endpoint_auth_method: string;
  client_name?: string;
}

/** RFC 8414 §2 authorization server metadata: the fields tests read. */
export interface ServerMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  registration_endpoint: string;
  code_challenge_methods_supported: string[];
  [field: string]: unknown;
}

/** A JSON-RPC 2.0 response (src/mcp/rpc.ts) with a result of shape R. */
export interface RpcBody<R = Record<string, unknown>> {
  jsonrpc: "2.0";
  id: string | number | null;
  result: R;
  error?: { code: number; message: string; data?: unknown };
}

/** A tools/call result (MCP "CallToolResult") whose structuredContent has shape S. */
export interface ToolResult<S = Record<string, unknown>> {
  isError?: boolean;
  content: { type: string; text?: string }[];
  structuredContent: S;
}

/** `response.json()` read as the shape the test expects. */
export async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
