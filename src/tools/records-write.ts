// Record writes: create, update (append or overwrite), upsert by a unique attribute, delete.
// Each is one Attio request; the answer is the compact record after the write plus what was written.
import { unwrap } from "../attio/client";
import { compactOneRecord } from "./compact";
import { DELETED_SCHEMA, OBJECT_ARG, RECORD_ID_ARG, RECORD_SCHEMA, VALUES_ARG, writeSchema } from "./schemas";
import { DESTRUCTIVE, OVERWRITE, WRITE, type Tool } from "./tool";
import { toAttioValues, withValueHelp } from "./values";

interface CreateArgs {
  object: string;
  values: Record<string, unknown>;
}

const createRecord: Tool<CreateArgs> = {
  name: "create-record",
  title: "Create a record",
  description:
    "Creates a company, person, deal or custom-object record. Fails if a unique value (domain, email) already " +
    "exists; use records_upsert to create-or-update instead. Get slugs and select options from " +
    "records_discover_attributes. " +
    'Example: {"object":"companies","values":{"name":"Acme","domains":["acme.com"],"categories":["SaaS"]}}',
  annotations: WRITE,
  inputSchema: {
    type: "object",
    properties: { object: OBJECT_ARG, values: VALUES_ARG },
    required: ["object", "values"],
    additionalProperties: false,
  },
  outputSchema: writeSchema("record", RECORD_SCHEMA),
  async run(ctx, args) {
    const created = await withValueHelp(ctx, "objects", args.object, args.values, () =>
      unwrap(
        ctx.attio.POST("/v2/objects/{object}/records", {
          params: { path: { object: args.object } },
          body: { data: { values: toAttioValues(args.values, args.object) } },
        }),
      ),
    );
    return {
      structured: { record: await compactOneRecord(ctx, args.object, created.data), written: Object.keys(args.values) },
    };
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
    "Changes attribute values of one record. By default multi-value attributes (domains, emails, categories, " +
    "team) get the given values added; set overwrite:true to replace each given attribute's values entirely. " +
    "Attributes not named are left alone. " +
    'Example: {"object":"people","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b","values":{"job_title":"CTO","email_addresses":["ann@acme.com"]}}',
  annotations: OVERWRITE,
  inputSchema: {
    type: "object",
    properties: {
      object: OBJECT_ARG,
      record_id: RECORD_ID_ARG,
      values: VALUES_ARG,
      overwrite: {
        type: "boolean",
        description: "Replace multi-value attributes instead of adding to them (PUT instead of PATCH). Default false.",
      },
    },
    required: ["object", "record_id", "values"],
    additionalProperties: false,
  },
  outputSchema: writeSchema("record", RECORD_SCHEMA),
  async run(ctx, args) {
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
    return {
      structured: {
        record: await compactOneRecord(ctx, args.object, updated.data),
        written: Object.keys(args.values),
        mode: args.overwrite ? "overwrite" : "append",
      },
    };
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
    "Creates a record, or updates the one whose unique attribute (`matching_attribute`, e.g. domains for " +
    "companies, email_addresses for people) has the given value; `values` must include that attribute. " +
    "Multi-value attributes are added to. Use it to sync without creating duplicates. " +
    'Example: {"object":"companies","matching_attribute":"domains","values":{"domains":"acme.com","name":"Acme Inc"}}',
  annotations: OVERWRITE,
  inputSchema: {
    type: "object",
    properties: {
      object: OBJECT_ARG,
      matching_attribute: {
        type: "string",
        minLength: 1,
        description: "Slug or id of a unique attribute present in `values`.",
      },
      values: VALUES_ARG,
    },
    required: ["object", "matching_attribute", "values"],
    additionalProperties: false,
  },
  outputSchema: writeSchema("record", RECORD_SCHEMA),
  async run(ctx, args) {
    const asserted = await withValueHelp(ctx, "objects", args.object, args.values, () =>
      unwrap(
        ctx.attio.PUT("/v2/objects/{object}/records", {
          params: { path: { object: args.object }, query: { matching_attribute: args.matching_attribute } },
          body: { data: { values: toAttioValues(args.values, args.object) } },
        }),
      ),
    );
    return {
      structured: {
        record: await compactOneRecord(ctx, args.object, asserted.data),
        written: Object.keys(args.values),
      },
    };
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
    "Permanently deletes one record (and its list entries) by id. Confirm with the user first; there is no undo. " +
    'Example: {"object":"deals","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"}',
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

export const recordWriteTools: Tool[] = [createRecord, updateRecord, recordsUpsert, deleteRecord];
