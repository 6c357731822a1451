// resources/list, resources/templates/list and resources/read: the MCP Apps views are this server's
// only resources (MCP 2025-11-25 and 2026-07-28 server/resources).
import { findUiResource, UI_RESOURCES } from "../ui/resources";
import { RpcError } from "./rpc";
import { ERROR, type Era, type JsonObject } from "./types";

export function listResources(params: JsonObject): JsonObject {
  refuseCursor(params);
  return {
    resources: UI_RESOURCES.map(({ uri, name, title, description, mimeType, _meta }) => ({
      uri,
      name,
      title,
      description,
      mimeType,
      _meta,
    })),
  };
}

export function listResourceTemplates(params: JsonObject): JsonObject {
  refuseCursor(params);
  return { resourceTemplates: [] };
}

export function readResource(params: JsonObject, era: Era): JsonObject {
  const uri = params.uri;
  if (typeof uri !== "string") throw new RpcError(ERROR.INVALID_PARAMS, 'resources/read needs "uri", a string');
  const resource = findUiResource(uri);
  if (!resource) {
    const known = UI_RESOURCES.map((r) => r.uri).join(", ");
    // 2026-07-28 server/resources: not found is -32602; 2025-11-25 used -32002 (both carry the uri).
    throw new RpcError(
      era === "modern" ? ERROR.INVALID_PARAMS : ERROR.RESOURCE_NOT_FOUND,
      `Resource not found: ${uri}. This server's resources: ${known} (see resources/list).`,
      200,
      { uri },
    );
  }
  // MCP Apps "UI Resource Format": the content item carries the CSP metadata hosts enforce.
  return { contents: [{ uri: resource.uri, mimeType: resource.mimeType, text: resource.text, _meta: resource._meta }] };
}

/** Every list fits one page, so no cursor was ever issued: any cursor is invalid (MCP pagination). */
function refuseCursor(params: JsonObject): void {
  if (params.cursor !== undefined) {
    throw new RpcError(ERROR.INVALID_PARAMS, "Invalid cursor: this list has one page; call it without a cursor");
  }
}
