// Records by exact filter (records_query): filter, sorts, fields and offset paging.
import { unwrap } from "../attio/client";
import { compactRecords } from "./compact";
import { emptyFilterNote, offsetPage, queryBody, type QueryArgs } from "./paging";
import {
  FIELDS_ARG,
  FILTER_ARG,
  OBJECT_ARG,
  OFFSET_ARG,
  RECORD_SCHEMA,
  SORTS_ARG,
  limitArg,
  pageSchema,
} from "./schemas";
import { READ_ONLY, type Tool } from "./tool";

interface RecordsQueryArgs extends QueryArgs {
  object: string;
  limit?: number;
  offset?: number;
  fields?: string[];
}

const recordsQuery: Tool<RecordsQueryArgs> = {
  name: "records_query",
  title: "Query records",
  description:
    "Lists records of one object that match an exact Attio filter, sorted and paged; use it for precise " +
    "questions (all deals in stage Won, people at acme.com, projects over 50 hours) and to page through every " +
    'record. Filter forms: shorthand {"name":"Acme Corp"}; verbose {"$and":[{"domains":{"domain":{"$eq":"acme.com"}}},' +
    '{"budget_hours":{"$gt":50}}]} with $or, $not, $contains, $starts_with, $in, $lt/$gte, $not_empty. ' +
    "Returns compact records and next_offset when more may follow. " +
    'Example: {"object":"deals","filter":{"stage":"Won 🎉"},"sorts":[{"attribute":"value","direction":"desc"}],"limit":10,"fields":["name","value"]}',
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
  outputSchema: pageSchema("records", RECORD_SCHEMA),
  async run(ctx, args) {
    const limit = args.limit ?? 25;
    const offset = args.offset ?? 0;
    const found = await unwrap(
      ctx.attio.POST("/v2/objects/{object}/records/query", {
        params: { path: { object: args.object } },
        body: queryBody(args, limit, offset),
      }),
    );
    const records = await compactRecords(ctx, args.object, found.data, args.fields);
    return { structured: offsetPage("records", records, offset, limit, emptyFilterNote(records.length, args.filter)) };
  },
};

export const recordQueryTools: Tool[] = [recordsQuery];
