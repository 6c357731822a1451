// JSON-RPC 2.0 envelope: read a capped body, parse one message, build responses.
import { readAtMost } from "../bounded-body";
import { ERROR, type JsonObject, type JsonRpcError, type JsonRpcId, type JsonRpcRequest } from "./types";

/**
 * Largest request body accepted on /mcp; bigger bodies get HTTP 413.
 * @internal exported for tests (knip --production ignores it)
 */
export const MAX_BODY_BYTES = 1_048_576;

/** A protocol fault: rendered once as a JSON-RPC error with its HTTP status. */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly httpStatus = 200,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

const JSON_HEADERS = { "content-type": "application/json" };

export function jsonResponse(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** JSON serialised once and spliced into responses as is (the tools/list catalogue). */
export class RawJson {
  constructor(readonly json: string) {}
}

export function resultResponse(id: JsonRpcId, result: JsonObject): Response {
  const body = `{"jsonrpc":"2.0","id":${JSON.stringify(id)},"result":${serialiseResult(result)}}`;
  return new Response(body, { status: 200, headers: JSON_HEADERS });
}

/** JSON.stringify, except that top-level RawJson members are inserted without re-serialising. */
function serialiseResult(result: JsonObject): string {
  const raw = Object.keys(result).filter((key) => result[key] instanceof RawJson);
  if (raw.length === 0) return JSON.stringify(result);
  const rest: JsonObject = { ...result };
  for (const key of raw) delete rest[key];
  const spliced = raw.map((key) => `${JSON.stringify(key)}:${(result[key] as RawJson).json}`).join(",");
  const head = JSON.stringify(rest);
  return head === "{}" ? `{${spliced}}` : `${head.slice(0, -1)},${spliced}}`;
}

/** Errors echo the request id when it could be read (JSON-RPC 2.0 §5: null otherwise). */
export function errorResponse(id: JsonRpcId | null, error: RpcError): Response {
  const body: JsonRpcError = { code: error.code, message: error.message };
  if (error.data !== undefined) body.data = error.data;
  return jsonResponse({ jsonrpc: "2.0", id, error: body }, error.httpStatus);
}

/** Reads the body as text, refusing (413) anything over MAX_BODY_BYTES without buffering it all. */
export async function readCappedBody(request: Request): Promise<string> {
  const bytes = await readAtMost(request, MAX_BODY_BYTES);
  if (!bytes) throw tooLarge();
  return new TextDecoder().decode(bytes);
}

function tooLarge(): RpcError {
  return new RpcError(ERROR.INVALID_REQUEST, `Request body exceeds ${MAX_BODY_BYTES} bytes`, 413);
}

export type Message =
  | { kind: "request"; request: JsonRpcRequest & { id: JsonRpcId } }
  | { kind: "notification"; request: JsonRpcRequest }
  | { kind: "response" };

/** Best-effort id for error replies to a message that failed validation. */
export function readId(value: unknown): JsonRpcId | null {
  if (!isObject(value)) return null;
  const id = value.id;
  return typeof id === "string" || typeof id === "number" ? id : null;
}

/** Parses exactly one JSON-RPC message; batches were removed in MCP 2025-06-18. */
export function parseMessage(text: string): Message {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RpcError(ERROR.PARSE_ERROR, "Parse error: the body is not valid JSON", 400);
  }
  if (Array.isArray(value)) {
    throw new RpcError(
      ERROR.INVALID_REQUEST,
      "Batch requests are not supported: send one JSON-RPC message per POST",
      400,
    );
  }
  if (!isObject(value) || value.jsonrpc !== "2.0") {
    throw new RpcError(
      ERROR.INVALID_REQUEST,
      'Invalid Request: expected a JSON-RPC 2.0 object with "jsonrpc": "2.0"',
      400,
    );
  }
  if (value.method === undefined && ("result" in value || "error" in value)) return { kind: "response" };
  if (typeof value.method !== "string") {
    throw new RpcError(ERROR.INVALID_REQUEST, 'Invalid Request: "method" must be a string', 400);
  }
  if (value.params !== undefined && !isObject(value.params)) {
    throw new RpcError(ERROR.INVALID_REQUEST, 'Invalid Request: "params" must be an object', 400);
  }
  const id = value.id;
  if (id === undefined) return { kind: "notification", request: value as unknown as JsonRpcRequest };
  if (typeof id !== "string" && typeof id !== "number") {
    throw new RpcError(ERROR.INVALID_REQUEST, 'Invalid Request: "id" must be a string or a number', 400);
  }
  return { kind: "request", request: value as unknown as JsonRpcRequest & { id: JsonRpcId } };
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
