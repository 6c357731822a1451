// Records: find (fuzzy search), read one, learn an object's attributes, and the lists a record is on.
import { unwrap } from "../attio/client";
import { compactOneRecord } from "./compact";
import { recordUrl, shortTime } from "./format";
import { ToolInputError, READ_ONLY, type Tool, type ToolContext } from "./tool";
import { describeAttributes, ATTRIBUTE_SCHEMA } from "./attributes";
import { RECORD_CARD_URI } from "../ui/uris";
import { offsetPage } from "./paging";
import { DETAILS_SCHEMA, MAX_RECORD_IDS, getRecords } from "./records-many";
import { ID_ARG, OBJECT_ARG, OFFSET_ARG, RECORD_ID_ARG, FIELDS_ARG, limitArg, pageSchema } from "./schemas";

export interface SearchHit {
  recordId: string;
  object: string;
  title: string;
  url: string;
}

/** Attio's fuzzy search (one request; at most 25 hits, eventually consistent), with a link per hit. */
export async function searchRecords(
  ctx: ToolContext,
  query: string,
  objects: string[],
  limit: number,
): Promise<SearchHit[]> {
  const found = await unwrap(
    ctx.attio.POST("/v2/objects/records/search", {
      body: { query, objects, request_as: { type: "workspace" }, limit },
    }),
  );
  return found.data.map((hit) => ({
    recordId: hit.id.record_id,
    object: hit.object_slug,
    title: hit.record_text,
    url: recordUrl(ctx.workspaceSlug, hit.object_slug, hit.id.record_id),
  }));
}

interface SearchArgs {
  query: string;
  objects?: string[];
  limit?: number;
}

const recordsSearch: Tool<SearchArgs> = {
  name: "records_search",
  title: "Search records",
  description:
    "Fuzzy-searches Attio records by name, domain, email address or phone number across objects " +
    '(companies and people by default; add "deals" or a custom object slug in `objects`). Returns up to 25 ' +
    "matches with id, object, title and Attio link; then use records_get_details for the full record. " +
    "Results can lag writes by a few seconds; use records_query for exact filters. " +
    'Example: {"query":"acme","objects":["companies"],"limit":5}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: {
      query: { type: "string", maxLength: 256, description: "Words to match; an empty string returns recent records." },
      objects: {
        type: "array",
        items: { type: "string", minLength: 1 },
        minItems: 1,
        description:
          'Object slugs or ids to search, e.g. ["companies","people","deals"]. Default: companies and people.',
      },
      limit: { type: "integer", minimum: 1, maximum: 25, description: "At most 25 (Attio's cap). Default 10." },
    },
    required: ["query"],
    additionalProperties: false,
  },
  outputSchema: {
    type: "object",
    properties: {
      results: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: { type: "string" },
            object: { type: "string" },
            title: { type: "string" },
            url: { type: "string" },
          },
          required: ["id", "object", "title", "url"],
        },
      },
      count: { type: "integer" },
    },
    required: ["results", "count"],
  },
  async run(ctx, args) {
    const hits = await searchRecords(ctx, args.query, args.objects ?? ["companies", "people"], args.limit ?? 10);
    const results = hits.map((hit) => ({ id: hit.recordId, object: hit.object, title: hit.title, url: hit.url }));
    return { structured: { results, count: results.length } };
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
    "Reads one record's current attribute values in compact form (names, emails, select titles, " +
    "references named) with its Attio link, or up to " +
    MAX_RECORD_IDS +
    " records of one object with " +
    "`record_ids`. Use after records_search or records_query; pass `fields` to read only some attributes. " +
    'Example: {"object":"companies","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b","fields":["name","domains"]}',
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
    "Lists the attributes of an object (or of a list's entries): slug, title, type, whether it is required, " +
    "unique, multi-valued or writable, and the valid options of select and status attributes. Call it before " +
    "creating or updating records, or filtering, to get slugs and allowed values right. " +
    'Example: {"object":"deals"} or {"list":"sales_pipeline"}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: {
      object: { ...OBJECT_ARG, description: "Object slug or id, e.g. companies, people, deals or a custom object." },
      list: {
        type: "string",
        minLength: 1,
        description: "List slug or id, to describe the list's entry attributes instead.",
      },
    },
    additionalProperties: false,
  },
  outputSchema: {
    type: "object",
    properties: {
      target: { type: "string", enum: ["objects", "lists"] },
      identifier: { type: "string" },
      attributes: { type: "array", items: ATTRIBUTE_SCHEMA },
    },
    required: ["target", "identifier", "attributes"],
  },
  async run(ctx, args) {
    if ((args.object === undefined) === (args.list === undefined)) {
      throw new ToolInputError('give exactly one of "object" (e.g. "companies") or "list" (e.g. "sales_pipeline")');
    }
    const target = args.object !== undefined ? "objects" : "lists";
    const identifier = (args.object ?? args.list) as string;
    const attributes = await describeAttributes(ctx, target, identifier);
    return { structured: { target, identifier, attributes } };
  },
};

interface EntriesArgs {
  object: string;
  record_id: string;
  limit?: number;
  offset?: number;
}

const recordsListEntries: Tool<EntriesArgs> = {
  name: "records_list_entries",
  title: "Lists a record is on",
  description:
    "Shows which lists a record is on (pipelines, boards), with each entry's id, for use with " +
    "list_entries_update or list_entries_remove. " +
    'Example: {"object":"companies","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: { object: OBJECT_ARG, record_id: RECORD_ID_ARG, limit: limitArg(100, 1000), offset: OFFSET_ARG },
    required: ["object", "record_id"],
    additionalProperties: false,
  },
  outputSchema: pageSchema("entries", {
    type: "object",
    properties: {
      entry_id: { type: "string" },
      list: { type: "string" },
      list_id: { type: "string" },
      created_at: { type: "string" },
    },
    required: ["entry_id", "list", "list_id"],
  }),
  async run(ctx, args) {
    const limit = args.limit ?? 100;
    const offset = args.offset ?? 0;
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
