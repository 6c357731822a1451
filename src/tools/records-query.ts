// Records by exact filter (records_query), and the list entries a record is on.
import { unwrap } from "../attio/client";
import { compactRecord } from "./format";
import { emptyFilterNote, fittingLimit, shortenedNote, offsetPage, queryBody, type QueryArgs } from "./paging";
import {
  FIELDS_ARG,
  FILTER_ARG,
  OBJECT_ARG,
  OFFSET_ARG,
  RECORD_ID_ARG,
  SORTS_ARG,
  limitArg,
  pageSchema,
} from "./schemas";
import { READ_ONLY, type Tool } from "./tool";

interface RecordsQueryArgs extends QueryArgs {
  object: string;
  limit: number;
  offset: number;
  fields?: string[];
}

const recordsQuery: Tool<RecordsQueryArgs> = {
  name: "records_query",
  title: "Query records",
  description:
    "Lists one object's records matching an exact filter, sorted and paged: precise questions (deals in a " +
    "stage, people at a domain, records I own) and paging through everything. " +
    'Example: {"object":"deals","filter":{"owner":"me"},"sorts":[{"attribute":"value","direction":"desc"}],"fields":["name","value"]}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: {
      object: OBJECT_ARG,
      filter: FILTER_ARG,
      sorts: SORTS_ARG,
      limit: limitArg(25, 500),
      offset: OFFSET_ARG,
      fields: FIELDS_ARG,
    },
    required: ["object"],
    additionalProperties: false,
  },
  outputSchema: pageSchema("records"),
  async run(ctx, args) {
    const { offset } = args;
    const limit = fittingLimit(args.limit, args.fields);
    const found = await unwrap(
      ctx.attio.POST("/v2/objects/{object}/records/query", {
        params: { path: { object: args.object } },
        body: queryBody(args, limit, offset),
      }),
    );
    const records = found.data.map((record) => compactRecord(record, args.object, args.fields));
    return {
      structured: offsetPage("records", records, offset, limit, {
        ...emptyFilterNote(records.length, args.filter),
        ...shortenedNote(args.limit, limit, records.length),
      }),
    };
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
      created_at: entry.created_at,
    }));
    return { structured: offsetPage("entries", entries, offset, limit) };
  },
};

export const recordQueryTools: Tool[] = [recordsQuery, recordsListEntries];
