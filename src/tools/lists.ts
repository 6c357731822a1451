// Lists and their entries: find lists, query entries, add a record, change entry values, remove.
import type { components } from "../../generated/attio";
import { unwrap } from "../attio/client";
import { compactEntries } from "./compact";
import { emptyFilterNote, offsetPage, queryBody, wholeList, type QueryArgs } from "./paging";
import {
  DELETED_SCHEMA,
  ENTRY_SCHEMA,
  FIELDS_ARG,
  FILTER_ARG,
  LIST_ARG,
  OBJECT_ARG,
  OFFSET_ARG,
  RECORD_ID_ARG,
  SORTS_ARG,
  VALUES_ARG,
  idArg,
  limitArg,
  pageSchema,
  writeSchema,
} from "./schemas";
import { DESTRUCTIVE, OVERWRITE, READ_ONLY, WRITE, type Tool } from "./tool";
import { toAttioValues, withValueHelp } from "./values";

type AttioList = components["schemas"]["list"];

export function compactList(list: AttioList) {
  return {
    id: list.id.list_id,
    slug: list.api_slug,
    name: list.name,
    parent_objects: list.parent_object,
    access: list.workspace_access ?? "none",
  };
}

const listsList: Tool<Record<string, never>> = {
  name: "lists_list",
  title: "List lists",
  description:
    "Lists the workspace's lists (pipelines, boards) with slug, name and which objects they hold. Use it to " +
    "find the `list` for list_entries_query and list_entries_add. Example: {}",
  annotations: READ_ONLY,
  inputSchema: { type: "object", properties: {}, additionalProperties: false },
  outputSchema: pageSchema("lists", {
    type: "object",
    properties: {
      id: { type: "string" },
      slug: { type: "string" },
      name: { type: "string" },
      parent_objects: { type: "array", items: { type: "string" } },
      access: { type: "string" },
    },
    required: ["id", "slug", "name", "parent_objects"],
  }),
  async run(ctx) {
    // Not paginated by Attio: GET /v2/lists takes no limit or offset (attio-openapi.json).
    const listed = await unwrap(ctx.attio.GET("/v2/lists"));
    const lists = listed.data.map(compactList);
    return { structured: wholeList("lists", lists, "ask the user which list they mean") };
  },
};

interface EntriesQueryArgs extends QueryArgs {
  list: string;
  limit?: number;
  offset?: number;
  fields?: string[];
}

const listEntriesQuery: Tool<EntriesQueryArgs> = {
  name: "list_entries_query",
  title: "Query list entries",
  description:
    "Lists the entries of a list (e.g. a sales pipeline), filtered on the list's own attributes (stage, owner, " +
    "value) or the parent record, sorted and paged. Filter forms as in records_query: shorthand " +
    '{"stage":"Won"}, verbose {"$and":[{"priority":{"$gte":4}},{"parent_record_id":{"$eq":"<id>"}}]}. ' +
    "Each entry names its parent record. " +
    'Example: {"list":"sales_pipeline","filter":{"stage":"Negotiation"},"limit":20}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: {
      list: LIST_ARG,
      filter: FILTER_ARG,
      sorts: SORTS_ARG,
      limit: limitArg(25, 500),
      offset: OFFSET_ARG,
      fields: FIELDS_ARG,
    },
    required: ["list"],
    additionalProperties: false,
  },
  outputSchema: pageSchema("entries", ENTRY_SCHEMA),
  async run(ctx, args) {
    const limit = args.limit ?? 25;
    const offset = args.offset ?? 0;
    const found = await unwrap(
      ctx.attio.POST("/v2/lists/{list}/entries/query", {
        params: { path: { list: args.list } },
        body: queryBody(args, limit, offset),
      }),
    );
    const entries = await compactEntries(ctx, args.list, found.data, args.fields);
    return { structured: offsetPage("entries", entries, offset, limit, emptyFilterNote(entries.length, args.filter)) };
  },
};

interface AddArgs {
  list: string;
  object: string;
  record_id: string;
  values?: Record<string, unknown>;
}

const listEntriesAdd: Tool<AddArgs> = {
  name: "list_entries_add",
  title: "Add a record to a list",
  description:
    "Adds a record to a list as a new entry, optionally setting the entry's own attributes (see " +
    "records_discover_attributes with `list`). A record can be on a list more than once. " +
    'Example: {"list":"sales_pipeline","object":"companies","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b","values":{"stage":"Prospecting"}}',
  annotations: WRITE,
  inputSchema: {
    type: "object",
    properties: {
      list: LIST_ARG,
      object: { ...OBJECT_ARG, description: "Object of the record being added, e.g. companies." },
      record_id: RECORD_ID_ARG,
      values: { ...VALUES_ARG, minProperties: 0, description: `Entry attribute values. ${VALUES_ARG.description}` },
    },
    required: ["list", "object", "record_id"],
    additionalProperties: false,
  },
  outputSchema: writeSchema("entry", ENTRY_SCHEMA),
  async run(ctx, args) {
    const values = args.values ?? {};
    const added = await withValueHelp(ctx, "lists", args.list, values, () =>
      unwrap(
        ctx.attio.POST("/v2/lists/{list}/entries", {
          params: { path: { list: args.list } },
          body: {
            data: { parent_object: args.object, parent_record_id: args.record_id, entry_values: toAttioValues(values) },
          },
        }),
      ),
    );
    return {
      structured: { entry: (await compactEntries(ctx, args.list, [added.data]))[0]!, written: Object.keys(values) },
    };
  },
};

interface UpdateArgs {
  list: string;
  entry_id: string;
  values: Record<string, unknown>;
  overwrite?: boolean;
}

const listEntriesUpdate: Tool<UpdateArgs> = {
  name: "list_entries_update",
  title: "Update a list entry",
  description:
    "Changes a list entry's own attribute values (e.g. move a deal to another stage). Multi-value attributes " +
    "are added to unless overwrite:true. Find entry ids with list_entries_query or records_list_entries. " +
    'Example: {"list":"sales_pipeline","entry_id":"bf071e1f-6035-429d-b874-d83ea64ea13b","values":{"stage":"Won"}}',
  annotations: OVERWRITE,
  inputSchema: {
    type: "object",
    properties: {
      list: LIST_ARG,
      entry_id: idArg("list entry's"),
      values: VALUES_ARG,
      overwrite: {
        type: "boolean",
        description: "Replace multi-value attributes instead of adding to them (PUT instead of PATCH). Default false.",
      },
    },
    required: ["list", "entry_id", "values"],
    additionalProperties: false,
  },
  outputSchema: writeSchema("entry", ENTRY_SCHEMA),
  async run(ctx, args) {
    const request = {
      params: { path: { list: args.list, entry_id: args.entry_id } },
      body: { data: { entry_values: toAttioValues(args.values) } },
    };
    const updated = await withValueHelp(ctx, "lists", args.list, args.values, () =>
      unwrap(
        args.overwrite
          ? ctx.attio.PUT("/v2/lists/{list}/entries/{entry_id}", request)
          : ctx.attio.PATCH("/v2/lists/{list}/entries/{entry_id}", request),
      ),
    );
    return {
      structured: {
        entry: (await compactEntries(ctx, args.list, [updated.data]))[0]!,
        written: Object.keys(args.values),
        mode: args.overwrite ? "overwrite" : "append",
      },
    };
  },
};

interface RemoveArgs {
  list: string;
  entry_id: string;
}

const listEntriesRemove: Tool<RemoveArgs> = {
  name: "list_entries_remove",
  title: "Remove a list entry",
  description:
    "Removes one entry from a list by entry id (the record itself stays). Find the entry id with " +
    "records_list_entries or list_entries_query. " +
    'Example: {"list":"sales_pipeline","entry_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"}',
  annotations: DESTRUCTIVE,
  inputSchema: {
    type: "object",
    properties: { list: LIST_ARG, entry_id: idArg("list entry's") },
    required: ["list", "entry_id"],
    additionalProperties: false,
  },
  outputSchema: DELETED_SCHEMA,
  async run(ctx, args) {
    await unwrap(
      ctx.attio.DELETE("/v2/lists/{list}/entries/{entry_id}", {
        params: { path: { list: args.list, entry_id: args.entry_id } },
      }),
    );
    return { structured: { deleted: true, id: args.entry_id, kind: `${args.list} entry` } };
  },
};

export const listTools: Tool[] = [listsList, listEntriesQuery, listEntriesAdd, listEntriesUpdate, listEntriesRemove];
