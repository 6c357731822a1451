// The MCP Apps views (extension io.modelcontextprotocol/ui, SEP-1865, spec 2026-01-26): each one
// self-contained HTML document served as a ui:// resource and named in its tools' `_meta.ui`.
// The pages as scripts/views.ts minified them from ./record-card.ts and ./pipeline-board.ts.
import { BOARD_PAGE, CARD_PAGE } from "../../generated/views";
import { PIPELINE_BOARD_URI, RECORD_CARD_URI, UI_MIME_TYPE } from "./uris";

export interface UiResource {
  uri: string;
  name: string;
  title: string;
  description: string;
  mimeType: string;
  text: string;
  _meta: { ui: { csp: { connectDomains: string[]; resourceDomains: string[] }; prefersBorder: boolean } };
}

/**
 * MCP Apps "UI Resource Format": no domain is declared, so hosts allow no network access and no
 * remote script, style, image or font (the page's own CSP meta tag says the same). The page
 * talks only to the host, over postMessage.
 */
const META: UiResource["_meta"] = { ui: { csp: { connectDomains: [], resourceDomains: [] }, prefersBorder: true } };

export const UI_RESOURCES: readonly UiResource[] = [
  {
    uri: RECORD_CARD_URI,
    name: "record-card",
    title: "Attio record card",
    description:
      "A record at a glance: key values, related records, list stages, open tasks, latest notes and meetings.",
    mimeType: UI_MIME_TYPE,
    text: CARD_PAGE,
    _meta: META,
  },
  {
    uri: PIPELINE_BOARD_URI,
    name: "pipeline-board",
    title: "Attio pipeline board",
    description: "A list as a board: one column per stage with counts and value totals, a card per entry.",
    mimeType: UI_MIME_TYPE,
    text: BOARD_PAGE,
    _meta: META,
  },
];

export function findUiResource(uri: string): UiResource | undefined {
  return UI_RESOURCES.find((resource) => resource.uri === uri);
}
