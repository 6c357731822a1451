// Record writes: create, update (append or overwrite), upsert by a unique attribute, delete.
// Each is one Attio request; the answer is the compact record after the write plus what was written.
import { unwrap } from "../attio/client";
import { compactOneRecord } from "./compact";
import type { CompactRecord } from "./format";
import { DELETED_SCHEMA, OBJECT_ARG, OVERWRITE_ARG, RECORD_ID_ARG, VALUES_ARG, writeSchema } from "./schemas";
import { DESTRUCTIVE, OVERWRITE, WRITE, type Tool } from "./tool";
import { resolveMemberValues } from "./member-values";
import { storedDifferently, toAttioValues, withValueHelp } from "./values";
import type { JsonObject } from "../mcp/types";

interface CreateArgs {
  object: string;
  values: Record<string, unknown>;
}

const createRecord: Tool<CreateArgs> = {
  name: "create-record",
  title: "Create a record",
  description:
    "Creates a record. Fails if a unique value (domain, email) is taken; records_upsert creates or updates. " +
    'Example: {"object":"companies","values":{"name":"Acme","domains":["acme.com"],"categories":["SaaS"]}}',
  annotations: WRITE,
  inputSchema: {
    type: "object",
    properties: { object: OBJECT_ARG, values: VALUES_ARG },
    required: ["object", "values"],
    additionalProperties: false,
  },
  outputSchema: writeSchema("record"),
  async run(ctx, args) {
    args.values = await resolveMemberValues(ctx, "objects", args.object, args.values);
    const created = await withValueHelp(ctx, "objects", args.object, args.values, () =>
      unwrap(
        ctx.attio.POST("/v2/objects/{object}/records", {
          params: { path: { object: args.object } },
          body: { data: { values: toAttioValues(args.values, args.object) } },
        }),
      ),
    );
    return { structured: writeResult(await compactOneRecord(ctx, args.object, created.data), args.values) };
  },
};

interface UpdateArgs {
  object: string;
  record_id: string;
  values: Record<string, unknown>;
  overwrite?: boolean;
}

const updateRecord: Tool<UpdateArgs> = {
  name: "update-record",
  title: "Update a record",
  description:
    "Changes some values of one record; multi-value attributes are added to unless overwrite. For many " +
    'records use records_update_many. Example: {"object":"people","record_id":"<id>","values":{"job_title":"CTO"}}',
  annotations: OVERWRITE,
  inputSchema: {
    type: "object",
    properties: {
      object: OBJECT_ARG,
      record_id: RECORD_ID_ARG,
      values: VALUES_ARG,
      overwrite: OVERWRITE_ARG,
    },
    required: ["object", "record_id", "values"],
    additionalProperties: false,
  },
  outputSchema: writeSchema("record"),
  async run(ctx, args) {
    args.values = await resolveMemberValues(ctx, "objects", args.object, args.values);
    const request = {
      params: { path: { object: args.object, record_id: args.record_id } },
      body: { data: { values: toAttioValues(args.values, args.object) } },
    };
    // Attio: PATCH appends to multiselect values, PUT overwrites them (attio-openapi.json, "Update a record").
    const updated = await withValueHelp(ctx, "objects", args.object, args.values, () =>
      unwrap(
        args.overwrite
          ? ctx.attio.PUT("/v2/objects/{object}/records/{record_id}", request)
          : ctx.attio.PATCH("/v2/objects/{object}/records/{record_id}", request),
      ),
    );
    const result = writeResult(await compactOneRecord(ctx, args.object, updated.data), args.values);
    return { structured: { ...result, mode: args.overwrite ? "overwrite" : "append" } };
  },
};

interface UpsertArgs {
  object: string;
  matching_attribute: string;
  values: Record<string, unknown>;
}

const recordsUpsert: Tool<UpsertArgs> = {
  name: "records_upsert",
  title: "Create or update a record",
  description:
    "Creates a record, or updates the one whose unique matching_attribute has that value in values. " +
    'Example: {"object":"companies","matching_attribute":"domains","values":{"domains":"acme.com","name":"Acme Inc"}}',
  annotations: OVERWRITE,
  inputSchema: {
    type: "object",
    properties: {
      object: OBJECT_ARG,
      matching_attribute: { type: "string", minLength: 1 },
      values: VALUES_ARG,
    },
    required: ["object", "matching_attribute", "values"],
    additionalProperties: false,
  },
  outputSchema: writeSchema("record"),
  async run(ctx, args) {
    args.values = await resolveMemberValues(ctx, "objects", args.object, args.values);
    const asserted = await withValueHelp(ctx, "objects", args.object, args.values, () =>
      unwrap(
        ctx.attio.PUT("/v2/objects/{object}/records", {
          params: { path: { object: args.object }, query: { matching_attribute: args.matching_attribute } },
          body: { data: { values: toAttioValues(args.values, args.object) } },
        }),
      ),
    );
    return { structured: writeResult(await compactOneRecord(ctx, args.object, asserted.data), args.values) };
  },
};

interface DeleteArgs {
  object: string;
  record_id: string;
}

const deleteRecord: Tool<DeleteArgs> = {
  name: "delete-record",
  title: "Delete a record",
  description:
    "Permanently deletes one record and its list entries; confirm with the user first. " +
    'Example: {"object":"deals","record_id":"<id>"}',
  annotations: DESTRUCTIVE,
  inputSchema: {
    type: "object",
    properties: { object: OBJECT_ARG, record_id: RECORD_ID_ARG },
    required: ["object", "record_id"],
    additionalProperties: false,
  },
  outputSchema: DELETED_SCHEMA,
  async run(ctx, args) {
    await unwrap(
      ctx.attio.DELETE("/v2/objects/{object}/records/{record_id}", {
        params: { path: { object: args.object, record_id: args.record_id } },
      }),
    );
    return { structured: { deleted: true, id: args.record_id, kind: `${args.object} record` } };
  },
};

/** What Attio holds now, what the call wrote, and any written value Attio stored differently. */
function writeResult(record: CompactRecord, values: Record<string, unknown>): JsonObject {
  const differs = storedDifferently(values, record.values);
  const result: JsonObject = { record, written: Object.keys(values) };
  if (Object.keys(differs).length > 0) {
    result.stored_differently = differs;
    result.note = "Attio stored some values differently from what was sent (see stored_differently).";
  }
  return result;
}

export const recordWriteTools: Tool[] = [createRecord, updateRecord, recordsUpsert, deleteRecord];
