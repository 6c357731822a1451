// Lists and their entries: find lists, query entries, add a record, change entry values, remove.
import type { components } from "../../generated/attio";
import { unwrap } from "../attio/client";
import { compactEntries } from "./compact";
import { checkFields } from "./nearest";
import { emptyResultNote } from "./explain";
import { resolveMemberFilter, resolveMemberValues } from "./member-values";
import { fittingLimit, shortenedNote, offsetPage, queryBody, wholeList, type QueryArgs } from "./paging";
import type { JsonObject } from "../mcp/types";
import { throwIfNoneWritten, writeEach } from "./batch";
import {
  DELETED_SCHEMA,
  FIELDS_ARG,
  FILTER_ARG,
  LIST_ARG,
  OBJECT_ARG,
  OFFSET_ARG,
  OVERWRITE_ARG,
  RECORD_ID_ARG,
  SORTS_ARG,
  VALUES_ARG,
  idArg,
  limitArg,
  outputOf,
  pageSchema,
  writeSchema,
} from "./schemas";
import { DESTRUCTIVE, OVERWRITE, READ_ONLY, ToolInputError, WRITE, type Tool, type ToolContext } from "./tool";
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
  description: "Lists the workspace's lists (pipelines, boards): slug, name, which objects they hold. Example: {}",
  annotations: READ_ONLY,
  inputSchema: { type: "object", properties: {}, additionalProperties: false },
  outputSchema: pageSchema("lists", "whole"),
  async run(ctx) {
    // Not paginated by Attio: GET /v2/lists takes no limit or offset (attio-openapi.json).
    const listed = await unwrap(ctx.attio.GET("/v2/lists"));
    const lists = listed.data.map(compactList);
    return { structured: wholeList("lists", lists, "ask the user which list they mean") };
  },
};

interface EntriesQueryArgs extends QueryArgs {
  list: string;
  limit: number;
  offset: number;
  fields?: string[];
}

const listEntriesQuery: Tool<EntriesQueryArgs> = {
  name: "list_entries_query",
  title: "Query list entries",
  description:
    "Lists a list's entries (e.g. a pipeline) filtered on entry attributes (stage, owner) or parent_record_id, " +
    'sorted and paged; each names its parent record. Example: {"list":"sales_pipeline","filter":{"stage":"Lead"}}',
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
  outputSchema: pageSchema("entries"),
  async run(ctx, args) {
    const { offset } = args;
    const limit = fittingLimit(args.limit, args.fields);
    const found = await unwrap(
      ctx.attio.POST("/v2/lists/{list}/entries/query", {
        params: { path: { list: args.list } },
        body: queryBody(
          { ...args, filter: await resolveMemberFilter(ctx, "lists", args.list, args.filter) },
          limit,
          offset,
        ),
      }),
    );
    if (found.data[0]) checkFields(args.fields, Object.keys(found.data[0].entry_values), args.list);
    const entries = await compactEntries(ctx, args.list, found.data, args.fields);
    return {
      structured: offsetPage("entries", entries, offset, limit, {
        ...(entries.length === 0 && args.filter ? await emptyResultNote(ctx, "lists", args.list, args.filter) : {}),
        ...shortenedNote(args.limit, limit, entries.length),
      }),
    };
  },
};

/** Records one list_entries_add call takes; more is several calls. */
const ADD_MAX = 100;

interface AddArgs {
  list: string;
  object: string;
  record_id?: string;
  record_ids?: string[];
  values?: Record<string, unknown>;
  allow_duplicates: boolean;
}

const listEntriesAdd: Tool<AddArgs> = {
  name: "list_entries_add",
  title: "Add records to a list",
  description:
    `Adds up to ${ADD_MAX} records to a list, with optional entry values; ones already on it are left ` +
    "alone and reported. " +
    'Example: {"list":"sales_pipeline","object":"companies","record_ids":["<id>","<id>"],"values":{"stage":"Lead"}}',
  annotations: WRITE,
  inputSchema: {
    type: "object",
    properties: {
      list: LIST_ARG,
      object: OBJECT_ARG,
      record_id: RECORD_ID_ARG,
      record_ids: { type: "array", items: RECORD_ID_ARG, minItems: 1, maxItems: ADD_MAX },
      values: { ...VALUES_ARG, minProperties: 0 },
      allow_duplicates: { type: "boolean", default: false },
    },
    required: ["list", "object"],
    additionalProperties: false,
  },
  outputSchema: outputOf({ added: "object[]", already_there: "object[]", failed: "object[]" }),
  async run(ctx, args) {
    const ids = [...new Set([...(args.record_id ? [args.record_id] : []), ...(args.record_ids ?? [])])];
    if (ids.length === 0) throw new ToolInputError('give "record_ids" (or one "record_id") of the records to add');
    if (ids.length > ADD_MAX) throw new ToolInputError(`at most ${ADD_MAX} records per call: split the rest`);
    const values = await resolveMemberValues(ctx, "lists", args.list, args.values ?? {});
    const existing = args.allow_duplicates ? new Map<string, string>() : await entriesOf(ctx, args.list, ids);
    const missing = ids.filter((id) => !existing.has(id));
    const outcomes = await writeEach(missing, (id) =>
      withValueHelp(ctx, "lists", args.list, values, () => {
        const data = { parent_object: args.object, parent_record_id: id, entry_values: toAttioValues(values) };
        const request = { params: { path: { list: args.list } }, body: { data } };
        // PUT asserts by parent record (never a second entry, even if one appeared meanwhile); POST always adds.
        return unwrap(
          args.allow_duplicates
            ? ctx.attio.POST("/v2/lists/{list}/entries", request)
            : ctx.attio.PUT("/v2/lists/{list}/entries", request),
        );
      }),
    );
    if (existing.size === 0) throwIfNoneWritten(outcomes);
    const added: JsonObject[] = [];
    const failed: JsonObject[] = [];
    outcomes.forEach((outcome, i) => {
      const record_id = missing[i] as string;
      if (outcome.ok) added.push({ record_id, entry_id: outcome.value.data.id.entry_id });
      else failed.push({ record_id, error: outcome.message });
    });
    const already_there = [...existing].map(([record_id, entry_id]) => ({ record_id, entry_id }));
    const note =
      failed.length > 0
        ? `${added.length} added, ${failed.length} not added (see failed); the added ones stay on the list.`
        : undefined;
    return { structured: { added, already_there, failed, ...(note ? { note } : {}) } };
  },
};

/** Entry ids of the given records already on the list: one query, `parent_record_id` `$in`. */
async function entriesOf(ctx: ToolContext, list: string, ids: readonly string[]): Promise<Map<string, string>> {
  const found = await unwrap(
    ctx.attio.POST("/v2/lists/{list}/entries/query", {
      params: { path: { list } },
      body: { filter: { parent_record_id: { $in: [...ids] } }, limit: 500, offset: 0 },
    }),
  );
  return new Map(found.data.map((entry) => [entry.parent_record_id, entry.id.entry_id]));
}

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
    "Changes a list entry's values (e.g. its stage); multi-value attributes are added to unless overwrite. " +
    'Example: {"list":"sales_pipeline","entry_id":"<id>","values":{"stage":"Won"}}',
  annotations: OVERWRITE,
  inputSchema: {
    type: "object",
    properties: {
      list: LIST_ARG,
      entry_id: idArg(),
      values: VALUES_ARG,
      overwrite: OVERWRITE_ARG,
    },
    required: ["list", "entry_id", "values"],
    additionalProperties: false,
  },
  outputSchema: writeSchema("entry"),
  async run(ctx, args) {
    args.values = await resolveMemberValues(ctx, "lists", args.list, args.values);
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
    "Removes one entry from a list; the record stays. " + 'Example: {"list":"sales_pipeline","entry_id":"<id>"}',
  annotations: DESTRUCTIVE,
  inputSchema: {
    type: "object",
    properties: { list: LIST_ARG, entry_id: idArg() },
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
