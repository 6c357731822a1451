// Decides a request's protocol era and enforces the 2026-07-28 header rules
// (basic/transports/streamable-http "Request headers", SEP-2243) before dispatch.
import { RpcError, isObject } from "./rpc";
import {
  DEFAULT_LEGACY_VERSION,
  ERROR,
  META,
  MODERN_VERSION,
  SUPPORTED_VERSIONS,
  type Era,
  type JsonRpcRequest,
} from "./types";

export interface Classified {
  era: Era;
  /** The revision this request is served under. */
  version: string;
}

/** Methods whose `params` field the `Mcp-Name` header must mirror (SEP-2243 "Required For"). */
const NAME_HEADER_SOURCE: Record<string, string> = {
  "tools/call": "name",
  "prompts/get": "name",
  "resources/read": "uri",
};

/**
 * Modern requests are recognised by `_meta[io.modelcontextprotocol/protocolVersion]`
 * (2026-07-28 basic/versioning: the body decides the era, the header is a cross-check).
 */
export function classify(
  request: JsonRpcRequest,
  headers: Headers,
  isNotification: boolean,
  strictVersionHeader = false,
): Classified {
  const meta = isObject(request.params?._meta) ? request.params._meta : undefined;
  const declared = meta?.[META.protocolVersion];
  const header = headers.get("mcp-protocol-version");
  if (declared === undefined) {
    // The header or a 2026-07-28-only method says modern, but the body lacks the field that
    // makes it so: a missing required _meta field, not a legacy request (basic/index "Per-request
    // protocol fields": -32602, HTTP 400).
    if (header === MODERN_VERSION || MODERN_ONLY_METHODS.has(request.method)) {
      throw new RpcError(
        ERROR.INVALID_PARAMS,
        `Missing required _meta field "${META.protocolVersion}" (send "${MODERN_VERSION}" in params._meta on 2026-07-28 requests)`,
        400,
      );
    }
    return classifyLegacy(header);
  }

  // Header and body must agree before the version itself is judged (SEP-2243: -32020 first;
  // -32022 is for a version both name that this server does not support).
  if (!isNotification && header !== null && header !== declared) {
    const tolerated = declared === MODERN_VERSION && !strictVersionHeader && isKnownClientQuirk(header);
    if (!tolerated) {
      throw mismatch(
        `MCP-Protocol-Version header (${header}) does not match _meta protocolVersion (${String(declared)})`,
      );
    }
  }
  if (typeof declared !== "string" || declared !== MODERN_VERSION) {
    throw new RpcError(
      ERROR.UNSUPPORTED_PROTOCOL_VERSION,
      `Unsupported protocol version: ${String(declared)}. This server supports ${SUPPORTED_VERSIONS.join(", ")}`,
      400,
      { supported: [...SUPPORTED_VERSIONS], requested: String(declared) },
    );
  }
  // Notifications are exempt from header presence rules; requests must carry them.
  if (!isNotification && header === null) {
    throw mismatch("MCP-Protocol-Version header is required on 2026-07-28 requests");
  }
  if (!isObject(meta?.[META.clientCapabilities])) {
    throw new RpcError(
      ERROR.INVALID_PARAMS,
      `Missing required _meta field "${META.clientCapabilities}" (an object; send {} when the client has none)`,
      400,
    );
  }
  if (!isNotification) checkStandardHeaders(request, headers);
  return { era: "modern", version: MODERN_VERSION };
}

/** Methods that exist only in 2026-07-28 (basic/lifecycle: server/discover replaces initialize). */
const MODERN_ONLY_METHODS = new Set(["server/discover"]);

/**
 * Claude's connector proxy sends `_meta` 2026-07-28 with header 2025-11-25
 * (anthropics/claude-code#93290). The spec wants -32020; refusing would fail every call
 * from those clients, so a supported legacy header is tolerated unless
 * MCP_STRICT_VERSION_HEADER is "true".
 */
function isKnownClientQuirk(header: string): boolean {
  return header !== MODERN_VERSION && SUPPORTED_VERSIONS.includes(header);
}

/**
 * Legacy traffic is served statelessly. A missing header means 2025-03-26 (2025-11-25
 * transports). Clients in the field send a newer supported header after negotiating an
 * older version (https://github.com/CodeWithCJ/SparkyFitness/issues/2155), so any supported
 * version is tolerated; only an
 * unknown one is refused with HTTP 400 as the transport requires.
 */
function classifyLegacy(header: string | null): Classified {
  if (header === null) return { era: "legacy", version: DEFAULT_LEGACY_VERSION };
  if (!SUPPORTED_VERSIONS.includes(header)) {
    throw new RpcError(
      ERROR.INVALID_REQUEST,
      `Unsupported MCP-Protocol-Version header: ${header}. Supported: ${SUPPORTED_VERSIONS.join(", ")}`,
      400,
      { supported: [...SUPPORTED_VERSIONS], requested: header },
    );
  }
  return { era: "legacy", version: header };
}

function checkStandardHeaders(request: JsonRpcRequest, headers: Headers): void {
  const method = headers.get("mcp-method");
  if (method === null) throw mismatch("Mcp-Method header is required on 2026-07-28 requests");
  if (decodeHeaderValue(method) !== request.method) {
    throw mismatch(`Mcp-Method header (${method}) does not match the body method (${request.method})`);
  }
  const source = NAME_HEADER_SOURCE[request.method];
  if (source === undefined) return;
  const name = headers.get("mcp-name");
  if (name === null) throw mismatch(`Mcp-Name header is required for ${request.method}`);
  const expected = request.params?.[source];
  if (decodeHeaderValue(name) !== expected) {
    throw mismatch(`Mcp-Name header (${name}) does not match params.${source} (${String(expected)})`);
  }
}

/** Header values outside visible ASCII travel as `=?base64?...?=` (SEP-2243); decode before comparing. */
function decodeHeaderValue(value: string): string {
  const match = /^=\?base64\?([A-Za-z0-9+/=]*)\?=$/.exec(value);
  if (!match) return value;
  try {
    const binary = atob(match[1] ?? "");
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(
      Uint8Array.from(binary, (c) => c.charCodeAt(0)),
    );
  } catch {
    throw mismatch("A Base64-encoded header value could not be decoded");
  }
}

function mismatch(message: string): RpcError {
  return new RpcError(ERROR.HEADER_MISMATCH, message, 400);
}
