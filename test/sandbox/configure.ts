// Shaping the workspace: create and update attributes (on objects or lists), select options and
// statuses, and lists. Later record writes, reads and filters use the stored definitions, since
// they all read the same AttributeDef rows. Scopes per the spec's "Required scopes".
import { type Ctx, type Handler, requireScopes } from "./context";
import { AttioError, badRequest, notFound } from "./errors";
import { findList, findObject, requireAttribute, requireList } from "./model";
import { renderAttribute, renderList, renderOption, renderStatus } from "./render";
import type { AttributeDef, ListDef, OptionDef, StatusDef, Workspace } from "./types";
import { attioTime, newId } from "./util";

const conflict = (message: string) => new AttioError(409, "invalid_request_error", "slug_conflict", message);

/** Attributes of an object need object_configuration, of a list list_configuration. */
function parentOf(ctx: Ctx): { id: string; attributes: AttributeDef[]; kind: "object" | "list" } {
  const { ws, params } = ctx;
  if (params.target === "objects") {
    requireScopes(ctx, "object_configuration:read-write");
    const obj = findObject(ws, params.identifier!);
    if (!obj) throw notFound(`Object with slug/ID "${params.identifier}" not found.`);
    return { id: obj.id, attributes: obj.attributes, kind: "object" };
  }
  if (params.target === "lists") {
    requireScopes(ctx, "list_configuration:read-write");
    const list = findList(ws, params.identifier!);
    if (!list) throw notFound(`List with slug/ID "${params.identifier}" not found.`);
    return { id: list.id, attributes: list.attributes, kind: "list" };
  }
  throw notFound(`Unknown target "${params.target}": expected "objects" or "lists".`);
}

/** record_reference.allowed_objects names objects by slug or id; the store keeps slugs. */
function targetSlugs(ws: Workspace, allowed: string[]): string[] {
  return allowed.map((ref) => {
    const obj = findObject(ws, ref);
    if (!obj) throw badRequest("validation_type", `Could not find an object with slug "${ref}" for record_reference.`);
    return obj.api_slug;
  });
}

export const createAttribute: Handler = (ctx) => {
  const parent = parentOf(ctx);
  const d = ctx.body.data;
  if (parent.attributes.some((a) => a.api_slug === d.api_slug))
    throw conflict(
      `An attribute with the same API slug already exists on this ${parent.kind}. Please choose a different API slug.`,
    );
  if (d.type === "record-reference" && !d.config.record_reference)
    throw badRequest("validation_type", "A record-reference attribute needs config.record_reference.allowed_objects.");
  if (d.is_multiselect && ["status", "checkbox", "currency", "rating", "date", "timestamp", "number"].includes(d.type))
    throw badRequest("validation_type", `A ${d.type} attribute cannot be multiselect.`);
  const attr: AttributeDef = {
    id: newId(),
    parent_id: parent.id,
    api_slug: d.api_slug,
    title: d.title,
    description: d.description ?? null,
    type: d.type,
    is_system_attribute: false,
    is_writable: true,
    is_required: d.is_required,
    is_unique: d.is_unique,
    is_multiselect: d.is_multiselect,
    created_at: attioTime(),
  };
  if (d.type === "select") attr.options = [];
  if (d.type === "status") attr.statuses = [];
  if (d.type === "currency") attr.currency_code = d.config.currency?.default_currency_code ?? "USD";
  if (d.type === "record-reference") attr.targets = targetSlugs(ctx.ws, d.config.record_reference.allowed_objects);
  parent.attributes.push(attr);
  return { data: renderAttribute(ctx.ws, attr) };
};

export const updateAttribute: Handler = (ctx) => {
  const attr = requireAttribute(parentOf(ctx).attributes, ctx.params.attribute!);
  if (attr.is_system_attribute) throw badRequest("system_edit_unauthorized", "Cannot update a System attribute.");
  const d = ctx.body.data;
  if (d.title !== undefined) attr.title = d.title;
  if (d.description !== undefined) attr.description = d.description;
  if (d.is_required !== undefined) attr.is_required = d.is_required;
  if (d.is_unique !== undefined) attr.is_unique = d.is_unique;
  if (d.is_archived !== undefined) attr.is_archived = d.is_archived;
  if (d.config?.currency && attr.type === "currency") attr.currency_code = d.config.currency.default_currency_code;
  if (d.config?.record_reference && attr.type === "record-reference")
    attr.targets = targetSlugs(ctx.ws, d.config.record_reference.allowed_objects);
  return { data: renderAttribute(ctx.ws, attr) };
};

function choicesOf(ctx: Ctx, kind: "select" | "status"): { attr: AttributeDef; choices: OptionDef[] } {
  const attr = requireAttribute(parentOf(ctx).attributes, ctx.params.attribute!);
  if (attr.type !== kind) throw badRequest("validation_type", `This attribute is not a ${kind} attribute.`);
  return { attr, choices: (kind === "select" ? attr.options : attr.statuses) ?? [] };
}

function checkTitleFree(choices: OptionDef[], title: string, self: OptionDef | undefined, noun: string): void {
  if (choices.some((c) => c !== self && c.title === title))
    throw conflict(`There is already another ${noun} with the title "${title}".`);
}

export const createOption: Handler = (ctx) => {
  const { attr, choices } = choicesOf(ctx, "select");
  checkTitleFree(choices, ctx.body.data.title, undefined, "select option");
  const option: OptionDef = { id: newId(), title: ctx.body.data.title, is_archived: false };
  attr.options = [...choices, option];
  return { data: renderOption(ctx.ws, attr, option) };
};

/** Options are named by id or title in the path. */
function findChoice<T extends OptionDef>(choices: T[], ref: string, noun: string): T {
  const hit = choices.find((c) => c.id === ref || c.title === ref);
  if (!hit) throw badRequest("value_not_found", `Cannot find ${noun} with title or ID "${ref}".`);
  return hit;
}

export const updateOption: Handler = (ctx) => {
  const { attr, choices } = choicesOf(ctx, "select");
  const option = findChoice(choices, ctx.params.option!, "select option");
  const d = ctx.body.data ?? {};
  if (d.title !== undefined) {
    checkTitleFree(choices, d.title, option, "select option");
    option.title = d.title;
  }
  if (d.is_archived !== undefined) option.is_archived = d.is_archived;
  return { data: renderOption(ctx.ws, attr, option) };
};

export const createStatus: Handler = (ctx) => {
  const { attr, choices } = choicesOf(ctx, "status");
  const d = ctx.body.data;
  checkTitleFree(choices, d.title, undefined, "status");
  const status: StatusDef = {
    id: newId(),
    title: d.title,
    is_archived: false,
    celebration_enabled: d.celebration_enabled ?? false,
    target_time_in_status: d.target_time_in_status ?? null,
  };
  attr.statuses = [...(choices as StatusDef[]), status];
  return { data: renderStatus(ctx.ws, attr, status) };
};

export const updateStatus: Handler = (ctx) => {
  const { attr, choices } = choicesOf(ctx, "status");
  const status = findChoice(choices as StatusDef[], ctx.params.status!, "status");
  const d = ctx.body.data ?? {};
  if (d.title !== undefined) {
    checkTitleFree(choices, d.title, status, "status");
    status.title = d.title;
  }
  if (d.is_archived !== undefined) status.is_archived = d.is_archived;
  if (d.celebration_enabled !== undefined) status.celebration_enabled = d.celebration_enabled;
  if (d.target_time_in_status !== undefined) status.target_time_in_status = d.target_time_in_status;
  return { data: renderStatus(ctx.ws, attr, status) };
};

function checkMembers(ws: Workspace, access: { workspace_member_id: string }[] | undefined): void {
  for (const grant of access ?? [])
    if (!ws.members.some((m) => m.id === grant.workspace_member_id))
      throw badRequest("value_not_found", `Workspace member with ID "${grant.workspace_member_id}" not found.`);
}

export const createList: Handler = (ctx) => {
  requireScopes(ctx, "list_configuration:read-write");
  const { ws } = ctx;
  const d = ctx.body.data;
  const parent = findObject(ws, d.parent_object);
  if (!parent) throw notFound(`Parent object with slug/ID "${d.parent_object}" not found.`);
  if (ws.lists.some((l) => l.api_slug === d.api_slug))
    throw conflict(`A list with api_slug "${d.api_slug}" already exists.`);
  checkMembers(ws, d.workspace_member_access);
  const id = newId();
  const now = attioTime();
  const list: ListDef = {
    id,
    api_slug: d.api_slug,
    name: d.name,
    parent_object: [parent.api_slug],
    workspace_access: d.workspace_access,
    created_by_actor: ctx.token.actor,
    created_at: now,
    // Every list starts with Attio's two system attributes.
    attributes: [
      systemAttribute(id, "created_at", "Created at", "timestamp", now),
      systemAttribute(id, "created_by", "Created by", "actor-reference", now),
    ],
  };
  ws.lists.push(list);
  return { data: renderList(ws, list) };
};

function systemAttribute(parentId: string, slug: string, title: string, type: AttributeDef["type"], now: string) {
  return {
    id: newId(),
    parent_id: parentId,
    api_slug: slug,
    title,
    description: null,
    type,
    is_system_attribute: true,
    is_writable: false,
    is_required: false,
    is_unique: false,
    is_multiselect: false,
    created_at: now,
  } satisfies AttributeDef;
}

export const updateList: Handler = (ctx) => {
  requireScopes(ctx, "list_configuration:read-write");
  const { ws } = ctx;
  const list = requireList(ws, ctx.params.list!);
  const d = ctx.body.data ?? {};
  if (d.api_slug !== undefined && d.api_slug !== list.api_slug && ws.lists.some((l) => l.api_slug === d.api_slug))
    throw conflict(`A list with api_slug "${d.api_slug}" already exists.`);
  checkMembers(ws, d.workspace_member_access);
  if (d.name !== undefined) list.name = d.name;
  if (d.api_slug !== undefined) list.api_slug = d.api_slug;
  if (d.workspace_access !== undefined) list.workspace_access = d.workspace_access;
  return { data: renderList(ws, list) };
};
