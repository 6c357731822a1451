// Configuration endpoints: objects, attributes (of objects or lists), select options,
// statuses, workspace members, and the token self-description.
import type { Handler } from "./context";
import { badRequest, notFound } from "./errors";
import { findList, findObject, requireAttribute, requireObject } from "./model";
import { renderAttribute, renderMember, renderObject, renderOption, renderStatus } from "./render";
import type { AttributeDef, Workspace } from "./types";
import { intParam, page } from "./util";

export const listObjects: Handler = ({ ws }) => ({ data: ws.objects.map((o) => renderObject(ws, o)) });

export const getObject: Handler = ({ ws, params }) => ({ data: renderObject(ws, requireObject(ws, params.object!)) });

/** `{target}/{identifier}` names either an object or a list. */
function attributesOf(ws: Workspace, target: string, identifier: string): AttributeDef[] {
  if (target === "objects") {
    const obj = findObject(ws, identifier);
    if (!obj) throw notFound(`Object with slug/ID "${identifier}" not found.`);
    return obj.attributes;
  }
  if (target === "lists") {
    const list = findList(ws, identifier);
    if (!list) throw notFound(`List with slug/ID "${identifier}" not found.`);
    return list.attributes;
  }
  throw notFound(`Unknown target "${target}": expected "objects" or "lists".`);
}

export const listAttributes: Handler = ({ ws, params, query }) => {
  const all = attributesOf(ws, params.target!, params.identifier!);
  const attrs = query.get("show_archived") === "true" ? all : all.filter((a) => !a.is_archived);
  const limit = intParam(query, "limit", attrs.length);
  return { data: page(attrs, limit, intParam(query, "offset", 0)).map((a) => renderAttribute(ws, a)) };
};

export const getAttribute: Handler = ({ ws, params }) => {
  const attr = requireAttribute(attributesOf(ws, params.target!, params.identifier!), params.attribute!);
  return { data: renderAttribute(ws, attr) };
};

export const listOptions: Handler = ({ ws, params, query }) => {
  const attr = requireAttribute(attributesOf(ws, params.target!, params.identifier!), params.attribute!);
  if (attr.type !== "select")
    throw badRequest(
      "validation_type",
      `Attribute "${attr.api_slug}" is a ${attr.type} attribute, not a select attribute.`,
    );
  const showArchived = query.get("show_archived") === "true";
  return {
    data: (attr.options ?? []).filter((o) => showArchived || !o.is_archived).map((o) => renderOption(ws, attr, o)),
  };
};

export const listStatuses: Handler = ({ ws, params, query }) => {
  const attr = requireAttribute(attributesOf(ws, params.target!, params.identifier!), params.attribute!);
  if (attr.type !== "status")
    throw badRequest(
      "validation_type",
      `Attribute "${attr.api_slug}" is a ${attr.type} attribute, not a status attribute.`,
    );
  const showArchived = query.get("show_archived") === "true";
  return {
    data: (attr.statuses ?? []).filter((s) => showArchived || !s.is_archived).map((s) => renderStatus(ws, attr, s)),
  };
};

export const listMembers: Handler = ({ ws }) => ({ data: ws.members.map((m) => renderMember(ws, m)) });

export const getMember: Handler = ({ ws, params }) => {
  const m = ws.members.find((x) => x.id === params.workspace_member_id);
  if (!m) throw notFound(`Workspace member with ID "${params.workspace_member_id}" not found.`);
  return { data: renderMember(ws, m) };
};

/** GET /v2/self: the active-token introspection shape. */
export const self: Handler = ({ ws, token }) => ({
  active: true,
  scope: token.scope,
  client_id: token.client_id,
  token_type: "Bearer",
  exp: null,
  iat: token.iat,
  sub: ws.info.id,
  aud: token.client_id,
  iss: "attio.com",
  token_level: "workspace",
  authorized_by_workspace_member_id: token.member_id,
  workspace_id: ws.info.id,
  workspace_name: ws.info.name,
  workspace_slug: ws.info.slug,
  workspace_logo_url: ws.info.logo_url,
});
