// Records by exact filter (records_query): filter, sorts, fields and offset paging.
import { unwrap } from "../attio/client";
import { compactRecords } from "./compact";
import { checkFields } from "./nearest";
import { emptyResultNote } from "./explain";
import { resolveMemberFilter } from "./member-values";
import { fittingLimit, shortenedNote, offsetPage, queryBody, type QueryArgs } from "./paging";
import { FIELDS_ARG, FILTER_ARG, OBJECT_ARG, OFFSET_ARG, SORTS_ARG, limitArg, pageSchema } from "./schemas";
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
    "Lists one object's records matching an exact filter, sorted and paged: deals in a stage, people at a " +
    "domain, records I own. " +
    'Example: {"object":"deals","filter":{"owner":"me"},' +
    '"sorts":[{"attribute":"value","direction":"desc"}],"fields":["name","value"]}',
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
        body: queryBody(
          { ...args, filter: await resolveMemberFilter(ctx, "objects", args.object, args.filter) },
          limit,
          offset,
        ),
      }),
    );
    // Attio returns every attribute's slug on each record, so a wrong field is known without a lookup.
    if (found.data[0]) checkFields(args.fields, Object.keys(found.data[0].values), args.object);
    const records = await compactRecords(ctx, args.object, found.data, args.fields);
    return {
      structured: offsetPage("records", records, offset, limit, {
        ...(records.length === 0 && args.filter ? await emptyResultNote(ctx, "objects", args.object, args.filter) : {}),
        ...shortenedNote(args.limit, limit, records.length),
      }),
    };
  },
};

export const recordQueryTools: Tool[] = [recordsQuery];
