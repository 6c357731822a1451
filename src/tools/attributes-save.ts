// attributes_save: create an attribute on an object or list (with its select options or
// statuses, currency, reference targets), or update one: title, description, required, unique,
// options added or archived, the attribute archived. Changes the workspace for everyone.
import type { components } from "../../generated/attio";
import { unwrap } from "../attio/client";
import { type AttributeTarget, type CompactAttribute, compactAttribute } from "./attributes";
import { objectSlugs } from "./object-directory";
import { outputOf } from "./schemas";
import { forget } from "./cache";
import { ToolInputError, type Tool, type ToolContext } from "./tool";
import { needingScope, slugFrom } from "./workspace-shape";

type AttioAttribute = components["schemas"]["attribute"];
type Choice = { id: string; title: string; is_archived: boolean };

/** The types Attio lets an API client create (attio-openapi.json, "Create an attribute"). */
const TYPES = [
  "text",
  "number",
  "checkbox",
  "currency",
  "date",
  "timestamp",
  "rating",
  "status",
  "select",
  "record-reference",
  "actor-reference",
  "location",
  "domain",
  "email-address",
  "phone-number",
] as const;

interface SaveArgs {
  object?: string;
  list?: string;
  attribute?: string;
  title?: string;
  api_slug?: string;
  type?: (typeof TYPES)[number];
  description?: string;
  required?: boolean;
  unique?: boolean;
  multiselect?: boolean;
  options?: string[];
  archive_options?: string[];
  currency?: string;
  references?: string[];
  archived?: boolean;
}

const TITLES = { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 };

const attributesSave: Tool<SaveArgs> = {
  name: "attributes_save",
  title: "Create or change an attribute",
  description:
    "Creates an attribute (field) on an object or list, or changes the one `attribute` names (title, options " +
    "to add or archive). Changes the workspace for everyone: confirm first. " +
    'Example: {"object":"companies","title":"Renewal date","type":"date"}',
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  inputSchema: {
    type: "object",
    properties: {
      object: { type: "string", minLength: 1 },
      list: { type: "string" },
      attribute: { type: "string", description: "Slug to change" },
      title: { type: "string", minLength: 1 },
      api_slug: { type: "string", pattern: "^[a-z][a-z0-9_]*$" },
      type: { type: "string", enum: [...TYPES] },
      description: { type: "string" },
      required: { type: "boolean" },
      unique: { type: "boolean" },
      multiselect: { type: "boolean" },
      options: TITLES,
      archive_options: TITLES,
      currency: { type: "string", pattern: "^[A-Z]{3}$" },
      references: TITLES,
      archived: { type: "boolean" },
    },
    additionalProperties: false,
  },
  outputSchema: outputOf({
    attribute: "object",
    created: "boolean",
    written: "string[]",
    options_added: "string[]?",
    options_archived: "string[]?",
    skipped: "string[]?",
  }),

  async run(ctx, args) {
    if ((args.object === undefined) === (args.list === undefined))
      throw new ToolInputError('give exactly one of "object" (e.g. "companies") or "list" (e.g. "sales_pipeline")');
    const target: AttributeTarget = args.object !== undefined ? "objects" : "lists";
    const identifier = (args.object ?? args.list) as string;
    const scope = target === "objects" ? "object_configuration:read-write" : "list_configuration:read-write";
    const save = { ctx, target, identifier };
    const result = await needingScope(scope, () =>
      args.attribute === undefined ? create(save, args) : update(save, args.attribute, args),
    );
    // The object's (or list's) metadata may be cached under its slug and its id: forget them all.
    forget(ctx, ["attributes", target]);
    forget(ctx, ["attribute-list", target]);
    return { structured: result };
  },
};

interface Save {
  ctx: ToolContext;
  target: AttributeTarget;
  identifier: string;
}

function config(args: SaveArgs) {
  return {
    ...(args.currency
      ? { currency: { default_currency_code: args.currency as "USD", display_type: "symbol" as const } }
      : {}),
    ...(args.references ? { record_reference: { allowed_objects: args.references } } : {}),
  };
}

async function create(save: Save, args: SaveArgs) {
  const { title, type } = args;
  if (!title || !type)
    throw new ToolInputError('a new attribute needs "title" and "type"; to change one, name it in "attribute"');
  if (args.archive_options || args.archived !== undefined)
    throw new ToolInputError('archive_options and archived apply to an existing attribute: name it in "attribute"');
  if (args.options && type !== "select" && type !== "status")
    throw new ToolInputError(`options apply to select and status attributes, not ${type}`);
  if (type === "record-reference" && !args.references)
    throw new ToolInputError('a record-reference attribute needs "references", e.g. ["companies"]');
  if (args.currency && type !== "currency") throw new ToolInputError("currency applies to currency attributes only");
  const { ctx, target, identifier } = save;
  const apiSlug = args.api_slug ?? slugFrom(title, "field");
  const created = await unwrap(
    ctx.attio.POST("/v2/{target}/{identifier}/attributes", {
      params: { path: { target, identifier } },
      body: {
        data: {
          title,
          description: args.description ?? null,
          api_slug: apiSlug,
          type,
          is_required: args.required ?? false,
          is_unique: args.unique ?? false,
          is_multiselect: args.multiselect ?? false,
          config: config(args),
        },
      },
    }),
  );
  const attribute = created.data;
  const added = await addChoices(save, attribute, [], args.options ?? []);
  const written = ["title", "type", ...(args.options ? ["options"] : [])];
  return {
    attribute: await compact(save.ctx, attribute, type === "select" || type === "status" ? added.active : undefined),
    created: true,
    written,
    ...(args.options ? { options_added: added.added } : {}),
  };
}

async function update(save: Save, slug: string, args: SaveArgs) {
  if (args.type || args.api_slug || args.multiselect !== undefined)
    throw new ToolInputError("type, api_slug and multiselect cannot change on an existing attribute");
  const { ctx, target, identifier } = save;
  const path = { target, identifier, attribute: slug };
  let attribute = (
    await unwrap(ctx.attio.GET("/v2/{target}/{identifier}/attributes/{attribute}", { params: { path } }))
  ).data;
  const touchesChoices = args.options !== undefined || args.archive_options !== undefined;
  if (touchesChoices && attribute.type !== "select" && attribute.type !== "status")
    throw new ToolInputError(
      `"${slug}" is a ${attribute.type} attribute: only select and status attributes have options`,
    );
  const choices = touchesChoices ? await listChoices(save, attribute) : [];
  const toArchive = (args.archive_options ?? []).map((title) => {
    const hit = choices.find((c) => c.title === title);
    if (!hit) {
      const valid = choices.filter((c) => !c.is_archived).map((c) => c.title);
      throw new ToolInputError(`"${slug}" has no option "${title}"; its options are: ${valid.join(", ")}`);
    }
    return hit;
  });

  const data = {
    ...(args.title !== undefined ? { title: args.title } : {}),
    ...(args.description !== undefined ? { description: args.description } : {}),
    ...(args.required !== undefined ? { is_required: args.required } : {}),
    ...(args.unique !== undefined ? { is_unique: args.unique } : {}),
    ...(args.archived !== undefined ? { is_archived: args.archived } : {}),
    ...(args.currency || args.references ? { config: config(args) } : {}),
  };
  const written = Object.keys(data);
  if (written.length > 0)
    attribute = (
      await unwrap(
        ctx.attio.PATCH("/v2/{target}/{identifier}/attributes/{attribute}", { params: { path }, body: { data } }),
      )
    ).data;
  if (written.length === 0 && !touchesChoices) throw new ToolInputError("nothing to change: give a field to update");

  const added = await addChoices(save, attribute, choices, args.options ?? []);
  for (const choice of toArchive) await setArchived(save, attribute, choice, true);
  const archivedIds = new Set(toArchive.map((c) => c.id));
  const active = added.active.filter((title) => !toArchive.some((c) => c.title === title));
  return {
    attribute: await compact(
      save.ctx,
      attribute,
      attribute.type === "select" || attribute.type === "status" ? active : undefined,
    ),
    created: false,
    written: [
      ...written,
      ...(added.added.length > 0 ? ["options"] : []),
      ...(archivedIds.size ? ["archive_options"] : []),
    ],
    ...(args.options ? { options_added: added.added, skipped: added.skipped } : {}),
    ...(args.archive_options ? { options_archived: toArchive.map((c) => c.title) } : {}),
  };
}

async function listChoices(save: Save, attribute: AttioAttribute): Promise<Choice[]> {
  const { ctx, target, identifier } = save;
  const path = { target, identifier, attribute: attribute.id.attribute_id };
  const query = { show_archived: true };
  if (attribute.type === "status") {
    const listed = await unwrap(
      ctx.attio.GET("/v2/{target}/{identifier}/attributes/{attribute}/statuses", { params: { path, query } }),
    );
    return listed.data.map((s) => ({ id: s.id.status_id, title: s.title, is_archived: s.is_archived }));
  }
  const listed = await unwrap(
    ctx.attio.GET("/v2/{target}/{identifier}/attributes/{attribute}/options", { params: { path, query } }),
  );
  return listed.data.map((o) => ({ id: o.id.option_id, title: o.title, is_archived: o.is_archived }));
}

/** Adds each title in order: present ones are skipped, archived ones restored, new ones created. */
async function addChoices(save: Save, attribute: AttioAttribute, existing: Choice[], titles: string[]) {
  const { ctx, target, identifier } = save;
  const path = { target, identifier, attribute: attribute.id.attribute_id };
  const added: string[] = [];
  const skipped: string[] = [];
  for (const title of titles) {
    const known = existing.find((c) => c.title === title);
    if (known && !known.is_archived) {
      skipped.push(`${title} (already an option)`);
      continue;
    }
    if (known) await setArchived(save, attribute, known, false);
    else if (attribute.type === "status")
      await unwrap(
        ctx.attio.POST("/v2/{target}/{identifier}/attributes/{attribute}/statuses", {
          params: { path },
          body: { data: { title } },
        }),
      );
    else
      await unwrap(
        ctx.attio.POST("/v2/{target}/{identifier}/attributes/{attribute}/options", {
          params: { path },
          body: { data: { title } },
        }),
      );
    added.push(title);
  }
  const active = [...existing.filter((c) => !c.is_archived).map((c) => c.title), ...added];
  return { added, skipped, active };
}

async function setArchived(save: Save, attribute: AttioAttribute, choice: Choice, archived: boolean): Promise<void> {
  const { ctx, target, identifier } = save;
  const attributeId = attribute.id.attribute_id;
  const body = { data: { is_archived: archived } };
  if (attribute.type === "status")
    await unwrap(
      ctx.attio.PATCH("/v2/{target}/{identifier}/attributes/{attribute}/statuses/{status}", {
        params: { path: { target, identifier, attribute: attributeId, status: choice.id } },
        body,
      }),
    );
  else
    await unwrap(
      ctx.attio.PATCH("/v2/{target}/{identifier}/attributes/{attribute}/options/{option}", {
        params: { path: { target, identifier, attribute: attributeId, option: choice.id } },
        body,
      }),
    );
}

/** The saved attribute as records_discover_attributes shows it (references by slug). */
async function compact(ctx: ToolContext, attribute: AttioAttribute, options?: string[]): Promise<CompactAttribute> {
  const referencing = attribute.type === "record-reference";
  const out = compactAttribute(attribute, referencing ? await objectSlugs(ctx) : new Map());
  if (options) out.options = options;
  return out;
}

export const attributeSaveTools: Tool[] = [attributesSave];
