// Names of the MCP Apps views, apart from the pages themselves so that tools can point at them.

/** MCP Apps (SEP-1865, spec 2026-01-26) "Extension Identifier". */
export const UI_EXTENSION = "io.modelcontextprotocol/ui";
/** MCP Apps "UI Resource Format": the one MIME type hosts render. */
export const UI_MIME_TYPE = "text/html;profile=mcp-app";

export const RECORD_CARD_URI = "ui://attio/record-card";
export const PIPELINE_BOARD_URI = "ui://attio/pipeline-board";

/**
 * MCP Apps "Resource Discovery": `_meta.ui.resourceUri`, plus the flat `ui/resourceUri` key that
 * the spec deprecates but hosts still read (the SDK's registerAppTool writes both).
 */
export function uiToolMeta(uri: string): Record<string, unknown> {
  return { ui: { resourceUri: uri }, "ui/resourceUri": uri };
}
