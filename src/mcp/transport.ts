// Streamable HTTP for a stateless server: one POST carries one message and gets one JSON
// response. No sessions, no SSE stream (GET/DELETE are 405), no batches.
import { classify } from "./era";
import { isAllowedOrigin } from "./origin";
import {
  RpcError,
  errorResponse,
  jsonResponse,
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
    return errorResponse(null, new RpcError(ERROR.INVALID_REQUEST, "Forbidden: Origin not allowed", 403));
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
    const isNotification = message.kind === "notification";
    const classified = classify(rpc, request.headers, isNotification, options.strictVersionHeader);
    if (isNotification) return new Response(null, { status: 202 });
    const result = await dispatch(rpc.method, rpc.params ?? {}, classified, options);
    return resultResponse(rpc.id as JsonRpcId, result);
  } catch (error) {
    if (error instanceof RpcError) return errorResponse(id, error);
    throw error;
  }
}

function readIdFromText(text: string): JsonRpcId | null {
  try {
    return readId(JSON.parse(text));
  } catch {
    return null;
  }
}
