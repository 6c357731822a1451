// MCP methods of a stateless server: server/discover (2026-07-28), initialize, ping (legacy),
// tools/list, tools/call and the resources methods that serve the MCP Apps views (both eras).
import { describeTool, runTool, TOOLS } from "../tools/index";
import type { Tool, ToolContext } from "../tools/tool";
import { UI_EXTENSION } from "../ui/uris";
import { listResources, listResourceTemplates, readResource } from "./resources";
import { RawJson, RpcError, isObject } from "./rpc";
import type { Classified } from "./era";
import { ERROR, LEGACY_VERSIONS, META, SUPPORTED_VERSIONS, type JsonObject, type ServerInfo } from "./types";

export interface ServerOptions {
  info: ServerInfo;
  instructions: string;
  /** Builds the Attio-backed context; only tools/call needs it. */
  context: () => Promise<ToolContext>;
  /** tools/list page size. */
  pageSize?: number;
  /** Quoted in every JSON-RPC error (`data.requestId`), the -32603 message and every isError result (log.ts). */
  requestId: string;
  /** The tools this deployment offers (tools/selection.ts); the whole catalogue by default. */
  tools?: readonly Tool[];
}

/** tools/list is the same for every caller of a deployment; clients may reuse it this long. */
const LIST_TTL_MS = 300_000;
const DEFAULT_PAGE_SIZE = 100;
/**
 * Resources are static (no subscribe, no listChanged). The MCP Apps extension is declared in
 * `extensions` (SEP-2133); its spec defines no server settings, so the value is an empty object.
 */
const CAPABILITIES = { tools: {}, resources: {}, extensions: { [UI_EXTENSION]: {} } };

/** Conventions every tool shares, stated once here instead of in each tool's description. */
export const INSTRUCTIONS = [
  "Tools for the user's Attio CRM workspace.",
  "Objects are named by slug (companies, people, deals, custom ones from objects_list); lists by slug (lists_list). " +
    "Ids are UUIDs from search, query and list tools; " +
    'ChatGPT ids ("record:<object>:<id>") work wherever a record id does.',
  "Find with records_search (fuzzy, all objects) or records_query (exact filters, sorts, paging); " +
    "record_overview briefs one record, records_aggregate counts and sums. " +
    "records_discover_attributes gives each attribute's slug, type, write form, filter fields and options: call it " +
    "before writing or filtering an unfamiliar attribute.",
  'Values by slug, in natural form: text, numbers, true/false, dates "2025-03-01", select or status by title, ' +
    'emails/domains/phones as strings, a person\'s name "First Last", currency as a number or ' +
    '{"amount":5,"currency":"EUR"}, record references {"object":"companies","id":"<id>"}, members ("owner", ' +
    'assignees, authors) as "me", an email or a unique name. Multi-value attributes take arrays and are added to ' +
    "unless overwrite:true.",
  'Filters: shorthand {"stage":"Won","owner":"me"}, ' +
    'or {"$and":[{"name":{"$contains":"acme"}},{"value":{"$gte":1000}}]} ' +
    "with $or, $not, $eq, $contains, $starts_with, $ends_with, $lt, $lte, $gt, $gte, $in, $not_empty; sub-fields " +
    'such as {"email_addresses":{"email_domain":{"$eq":"acme.com"}}}, ' +
    '{"company":{"target_record_id":{"$eq":"<id>"}}}. ' +
    "Select and status values must be exact titles.",
  "Writes: create-record, update-record, records_upsert, records_update_many (many records, dry_run first). " +
    "Lists: lists_list, list_entries_query/add/update/remove, records_list_entries. Activity: create-note, " +
    "list-notes, notes_get, tasks_list/create/update, comments_list/create, meetings_list, transcripts_get; " +
    "members_list names the workspace's people.",
  "Results page: pass next_offset as offset (or next_cursor as cursor) for more. References come back named: " +
    "records as {object,id,name}, members as {id,name,email}. " +
    "Deleting tools need an explicit id: confirm with the user first; records_update_many has dry_run to show changes.",
].join("\n");

export async function dispatch(
  method: string,
  params: JsonObject,
  classified: Classified,
  options: ServerOptions,
): Promise<JsonObject> {
  const modern = classified.era === "modern";
  switch (method) {
    case "server/discover":
      if (!modern) break;
      return stamp(
        { supportedVersions: [...SUPPORTED_VERSIONS], capabilities: CAPABILITIES, instructions: options.instructions },
        options,
        true,
      );
    case "initialize":
      if (modern) break;
      return initialize(params, options);
    case "ping":
      if (modern) break;
      return {};
    case "tools/list":
      return stamp(listTools(params, options.pageSize ?? DEFAULT_PAGE_SIZE, options.tools ?? TOOLS), options, modern);
    case "tools/call":
      return stamp({ ...(await callTool(params, options)) }, options, modern, false);
    case "resources/list":
      return stamp(listResources(params), options, modern);
    case "resources/templates/list":
      return stamp(listResourceTemplates(params), options, modern);
    case "resources/read":
      // The pages change only with a deploy, so hosts may keep them as long as the lists.
      return stamp(readResource(params, classified.era), options, modern);
  }
  // 2026-07-28 transports: an unknown method is HTTP 404 with -32601, so it is not mistaken for a legacy 404.
  throw new RpcError(ERROR.METHOD_NOT_FOUND, `Method not found: ${method}`, modern ? 404 : 200);
}

/** Legacy lifecycle: echo a supported version, else offer the newest (2025-11-25 basic/lifecycle). */
function initialize(params: JsonObject, options: ServerOptions): JsonObject {
  const requested = params.protocolVersion;
  const version = (LEGACY_VERSIONS as readonly unknown[]).includes(requested)
    ? (requested as string)
    : LEGACY_VERSIONS[0];
  return {
    protocolVersion: version,
    capabilities: CAPABILITIES,
    serverInfo: options.info,
    instructions: options.instructions,
  };
}

/** 2026-07-28 results carry resultType, cache hints on list/discover results, and serverInfo in _meta. */
function stamp(result: JsonObject, options: ServerOptions, modern: boolean, cacheable = true): JsonObject {
  if (!modern) return result;
  const stamped: JsonObject = { ...result, resultType: "complete", _meta: { [META.serverInfo]: options.info } };
  if (cacheable) {
    stamped.ttlMs = LIST_TTL_MS;
    // The catalogue does not vary per user, but results follow a signed-in request: keep them private.
    stamped.cacheScope = "private";
  }
  return stamped;
}

/**
 * Each catalogue page, serialised once per isolate and tool selection: neither changes while it
 * runs (tools/selection.ts builds a deployment's selection once).
 */
const PAGES = new WeakMap<readonly Tool[], Map<string, RawJson>>();

function listTools(params: JsonObject, pageSize: number, tools: readonly Tool[]): JsonObject {
  const start = params.cursor === undefined ? 0 : decodeCursor(params.cursor, tools.length);
  let pages = PAGES.get(tools);
  if (!pages) {
    pages = new Map();
    PAGES.set(tools, pages);
  }
  const key = `${start}:${pageSize}`;
  let page = pages.get(key);
  if (!page) {
    page = new RawJson(JSON.stringify(tools.slice(start, start + pageSize).map(describeTool)));
    pages.set(key, page);
  }
  const result: JsonObject = { tools: page };
  if (start + pageSize < tools.length) result.nextCursor = encodeCursor(start + pageSize);
  return result;
}

/** Opaque to clients (MCP pagination); versioned so a stale or forged cursor is refused. */
function encodeCursor(offset: number): string {
  return btoa(`tools:v1:${offset}`);
}

function decodeCursor(cursor: unknown, count: number): number {
  let offset = Number.NaN;
  if (typeof cursor === "string") {
    try {
      const match = /^tools:v1:(\d+)$/.exec(atob(cursor));
      if (match) offset = Number(match[1]);
    } catch {
      // not base64: falls through to the error below
    }
  }
  if (!Number.isInteger(offset) || offset <= 0 || offset >= count) {
    throw new RpcError(
      ERROR.INVALID_PARAMS,
      "Invalid cursor: pass the nextCursor value from the previous tools/list result unchanged",
    );
  }
  return offset;
}

async function callTool(params: JsonObject, options: ServerOptions) {
  const name = params.name;
  if (typeof name !== "string") throw new RpcError(ERROR.INVALID_PARAMS, 'tools/call needs "name", a string');
  // A tool this deployment does not offer is unknown, exactly like one that does not exist.
  const tool = (options.tools ?? TOOLS).find((candidate) => candidate.name === name);
  if (!tool)
    throw new RpcError(ERROR.INVALID_PARAMS, `Unknown tool: ${name}. Call tools/list for the available tools.`);
  // null is read as "no arguments", as the Python SDK does; the tool's schema then names what is missing.
  if (params.arguments !== undefined && params.arguments !== null && !isObject(params.arguments)) {
    throw new RpcError(ERROR.INVALID_PARAMS, 'tools/call "arguments" must be an object');
  }
  const result = await runTool(tool, params.arguments, await options.context());
  if (!result.isError) return result;
  // The model may pass the failure on to a person: give them the id that finds its log line.
  const [first, ...rest] = result.content;
  if (!first) return result;
  return { ...result, content: [{ ...first, text: `${first.text} (request id ${options.requestId})` }, ...rest] };
}
