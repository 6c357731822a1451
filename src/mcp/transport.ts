// Streamable HTTP for a stateless server: one POST carries one message and gets one JSON
// response. No sessions, no SSE stream (GET/DELETE are 405), no batches.
import { SignInAgain } from "../sign-in-again";
import { classify } from "./era";
import { isAllowedOrigin } from "./origin";
import {
  RpcError,
  errorResponse,
  jsonResponse,
  isObject,
  parseMessage,
  readCappedBody,
  readId,
  resultResponse,
  type Message,
} from "./rpc";
import { dispatch, type ServerOptions } from "./server";
import { ERROR, type JsonRpcId } from "./types";

export interface TransportOptions extends ServerOptions {
  /** This server's public origin (for the Origin check). */
  selfOrigin: string;
  extraOrigins?: readonly string[];
  /** Refuse the known Claude `_meta`/header version mismatch instead of tolerating it. */
  strictVersionHeader?: boolean;
  /** Told what each message is, for the request log: names and codes only. */
  observe?: (fields: {
    mcp_method?: string;
    tool?: string;
    era?: string;
    rpc_error?: number;
    exception?: string;
  }) => void;
}

export async function handleMcp(request: Request, options: TransportOptions): Promise<Response> {
  if (request.method !== "POST") {
    // 2026-07-28: no GET stream and no sessions; 405 is the sanctioned answer to both.
    return jsonResponse(
      {
        jsonrpc: "2.0",
        id: null,
        error: {
          code: ERROR.INVALID_REQUEST,
          message: `Method ${request.method} not allowed: POST one JSON-RPC message`,
        },
      },
      405,
      { allow: "POST" },
    );
  }
  if (!isAllowedOrigin(request.headers.get("origin"), options.selfOrigin, options.extraOrigins)) {
    return failed(null, new RpcError(ERROR.INVALID_REQUEST, "Forbidden: Origin not allowed", 403), options);
  }

  let id: JsonRpcId | null = null;
  try {
    const text = await readCappedBody(request);
    let message: Message;
    try {
      message = parseMessage(text);
    } catch (error) {
      id = readIdFromText(text);
      throw error;
    }
    if (message.kind === "response") return new Response(null, { status: 202 });
    const rpc = message.request;
    id = rpc.id ?? null;
    const tool = rpc.method === "tools/call" ? rpc.params?.name : undefined;
    options.observe?.({ mcp_method: rpc.method, tool: typeof tool === "string" ? tool : undefined });
    const isNotification = message.kind === "notification";
    const classified = classify(rpc, request.headers, isNotification, options.strictVersionHeader);
    options.observe?.({ era: classified.era });
    if (isNotification) return new Response(null, { status: 202 });
    const result = await dispatch(rpc.method, rpc.params ?? {}, classified, options);
    return resultResponse(rpc.id as JsonRpcId, result);
  } catch (error) {
    if (error instanceof RpcError) return failed(id, error, options);
    if (error instanceof SignInAgain) throw error; // index.ts answers 401 so the client signs in again
    // A bug, not a protocol fault: JSON-RPC §5.1 internal error, with what to quote; logged once by the caller.
    options.observe?.({ exception: error instanceof Error ? error.name : typeof error });
    const internal = new RpcError(
      ERROR.INTERNAL_ERROR,
      `Internal error in this MCP server. Try again; if it persists, report request id ${options.requestId}.`,
      500,
    );
    return failed(id, internal, options);
  }
}

/** Every JSON-RPC error carries the request id to quote, beside any data the error already has. */
function failed(id: JsonRpcId | null, error: RpcError, options: TransportOptions): Response {
  options.observe?.({ rpc_error: error.code });
  const data = isObject(error.data) ? error.data : {};
  return errorResponse(
    id,
    new RpcError(error.code, error.message, error.httpStatus, { ...data, requestId: options.requestId }),
  );
}

function readIdFromText(text: string): JsonRpcId | null {
  try {
    return readId(JSON.parse(text));
  } catch {
    return null;
  }
}
