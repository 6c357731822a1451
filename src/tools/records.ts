// Records: find (fuzzy search), read one, learn an object's attributes, and the lists a record is on.
import { unwrap } from "../attio/client";
import { compactOneRecord } from "./compact";
import { recordUrl, shortTime } from "./format";
import { ToolInputError, READ_ONLY, type Tool, type ToolContext } from "./tool";
import { withHelp } from "./attribute-help";
import { describeAttributes } from "./attributes";
import { everyObjectSlug } from "./object-directory";
import { checkFields } from "./nearest";
import { RECORD_CARD_URI } from "../ui/uris";
import { offsetPage } from "./paging";
import { DETAILS_SCHEMA, MAX_RECORD_IDS, getRecords } from "./records-many";
import {
  FIELDS_ARG,
  ID_ARG,
  LIST_ARG,
  OBJECT_ARG,
  OFFSET_ARG,
  RECORD_ID_ARG,
  limitArg,
  outputOf,
  pageSchema,
} from "./schemas";

export interface SearchHit {
  recordId: string;
  object: string;
  title: string;
  url: string;
  /** What tells two hits apart: a person's email, a company's domain. */
  subtitle?: string;
}

/**
 * Attio's fuzzy search (at most 25 hits, eventually consistent), with a link and subtitle per
 * hit. Asks for one more hit than wanted, so `more` says whether further matches exist.
 */
export async function searchRecords(
  ctx: ToolContext,
  query: string,
  objects: string[],
  limit: number,
): Promise<{ hits: SearchHit[]; more: boolean }> {
  const found = await unwrap(
    ctx.attio.POST("/v2/objects/records/search", {
      body: { query, objects, request_as: { type: "workspace" }, limit: Math.min(limit + 1, SEARCH_MAX) },
    }),
  );
  const hits = found.data.slice(0, limit).map((hit) => {
    const out: SearchHit = {
      recordId: hit.id.record_id,
      object: hit.object_slug,
      title: hit.record_text,
      url: recordUrl(ctx.workspaceSlug, hit.object_slug, hit.id.record_id),
    };
    const subtitle = "email_addresses" in hit ? hit.email_addresses[0] : "domains" in hit ? hit.domains[0] : undefined;
    if (subtitle) out.subtitle = subtitle;
    return out;
  });
  return { hits, more: found.data.length > limit || found.data.length === SEARCH_MAX };
}

/** Attio's cap on search results. */
const SEARCH_MAX = 25;

interface SearchArgs {
  query: string;
  objects?: string[];
  limit: number;
}

const recordsSearch: Tool<SearchArgs> = {
  name: "records_search",
  title: "Search records",
  description:
    "Fuzzy-finds records by name, domain, email or phone in every object unless objects narrows it; says if " +
    'more match. records_query filters exactly. Example: {"query":"acme","objects":["companies"]}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: {
      query: { type: "string", maxLength: 256 },
      objects: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 },
      limit: limitArg(10, SEARCH_MAX),
    },
    required: ["query"],
    additionalProperties: false,
  },
  outputSchema: outputOf({ results: "object[]", count: "integer", more: "boolean", note: "string?" }),
  async run(ctx, args) {
    const objects = args.objects ?? (await everyObjectSlug(ctx));
    const { hits, more } = await searchRecords(ctx, args.query.trim(), objects, args.limit);
    const results = hits.map((hit) => ({
      id: hit.recordId,
      object: hit.object,
      title: hit.title,
      ...(hit.subtitle ? { subtitle: hit.subtitle } : {}),
      url: hit.url,
    }));
    const note = more
      ? "More records match: narrow the query or `objects`, or use records_query to page through an object."
      : results.length === 0
        ? "Nothing matched. Search matches names, domains, emails and phones; try a shorter query."
        : undefined;
    return { structured: { results, count: results.length, more, ...(note ? { note } : {}) } };
  },
};

interface DetailsArgs {
  object: string;
  record_id?: string;
  record_ids?: string[];
  fields?: string[];
}

const recordsGetDetails: Tool<DetailsArgs> = {
  name: "records_get_details",
  title: "Get record details",
  description:
    `Reads a record's current values (or up to ${MAX_RECORD_IDS} by record_ids), references named, with its ` +
    'Attio link; fields limits the attributes. Example: {"object":"companies","record_id":"<id>","fields":["name"]}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: {
      object: OBJECT_ARG,
      record_id: RECORD_ID_ARG,
      record_ids: { type: "array", items: ID_ARG, minItems: 1, maxItems: MAX_RECORD_IDS },
      fields: FIELDS_ARG,
    },
    required: ["object"],
    additionalProperties: false,
  },
  outputSchema: DETAILS_SCHEMA,
  ui: RECORD_CARD_URI,
  async run(ctx, args) {
    if ((args.record_id === undefined) === (args.record_ids === undefined))
      throw new ToolInputError('give exactly one of "record_id" or "record_ids"');
    if (args.record_ids) return { structured: await getRecords(ctx, args.object, args.record_ids, args.fields) };
    const found = await unwrap(
      ctx.attio.GET("/v2/objects/{object}/records/{record_id}", {
        params: { path: { object: args.object, record_id: args.record_id as string } },
      }),
    );
    checkFields(args.fields, Object.keys(found.data.values), args.object);
    return { structured: { ...(await compactOneRecord(ctx, args.object, found.data, args.fields)) } };
  },
};

interface DiscoverArgs {
  object?: string;
  list?: string;
}

const recordsDiscoverAttributes: Tool<DiscoverArgs> = {
  name: "records_discover_attributes",
  title: "Discover attributes",
  description:
    "Describes an object's (or list's) attributes: slug, type, how to write and filter each, options. " +
    "Call before writing or filtering. " +
    'Example: {"object":"deals"} or {"list":"sales_pipeline"}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: {
      object: OBJECT_ARG,
      list: LIST_ARG,
    },
    additionalProperties: false,
  },
  outputSchema: outputOf({ target: "string", identifier: "string", attributes: "object[]" }),
  async run(ctx, args) {
    if ((args.object === undefined) === (args.list === undefined)) {
      throw new ToolInputError('give exactly one of "object" (e.g. "companies") or "list" (e.g. "sales_pipeline")');
    }
    const target = args.object !== undefined ? "objects" : "lists";
    const identifier = (args.object ?? args.list) as string;
    const attributes = (await describeAttributes(ctx, target, identifier)).map(withHelp);
    return { structured: { target, identifier, attributes } };
  },
};

interface EntriesArgs {
  object: string;
  record_id: string;
  limit: number;
  offset: number;
}

const recordsListEntries: Tool<EntriesArgs> = {
  name: "records_list_entries",
  title: "Lists a record is on",
  description:
    "Shows which lists (pipelines, boards) a record is on, with each entry id for list_entries_update or " +
    'list_entries_remove. Example: {"object":"companies","record_id":"<id>"}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: { object: OBJECT_ARG, record_id: RECORD_ID_ARG, limit: limitArg(100, 1000), offset: OFFSET_ARG },
    required: ["object", "record_id"],
    additionalProperties: false,
  },
  outputSchema: pageSchema("entries"),
  async run(ctx, args) {
    const { limit, offset } = args;
    const found = await unwrap(
      ctx.attio.GET("/v2/objects/{object}/records/{record_id}/entries", {
        params: { path: { object: args.object, record_id: args.record_id }, query: { limit, offset } },
      }),
    );
    const entries = found.data.map((entry) => ({
      entry_id: entry.entry_id,
      list: entry.list_api_slug,
      list_id: entry.list_id,
      created_at: shortTime(entry.created_at),
    }));
    return { structured: offsetPage("entries", entries, offset, limit) };
  },
};

export const recordTools: Tool[] = [recordsSearch, recordsGetDetails, recordsDiscoverAttributes, recordsListEntries];
