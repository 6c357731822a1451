// Wire shapes for configuration and records, exactly as the spec's response schemas name them.
import { currentValues } from "./model";
import type {
  AttributeDef,
  EntryRow,
  ListDef,
  MemberRow,
  ObjectDef,
  RecordRow,
  StoredValue,
  ValueMap,
  Workspace,
} from "./types";

export function renderObject(ws: Workspace, obj: ObjectDef) {
  return {
    id: { workspace_id: ws.info.id, object_id: obj.id },
    api_slug: obj.api_slug,
    singular_noun: obj.singular_noun,
    plural_noun: obj.plural_noun,
    created_at: obj.created_at,
  };
}

export function renderAttribute(ws: Workspace, attr: AttributeDef) {
  return {
    id: { workspace_id: ws.info.id, object_id: attr.parent_id, attribute_id: attr.id },
    title: attr.title,
    description: attr.description,
    api_slug: attr.api_slug,
    type: attr.type,
    is_system_attribute: attr.is_system_attribute,
    is_writable: attr.is_writable,
    is_required: attr.is_required,
    is_unique: attr.is_unique,
    is_multiselect: attr.is_multiselect,
    is_default_value_enabled: false,
    is_archived: attr.is_archived ?? false,
    default_value: null,
    relationship: null,
    created_at: attr.created_at,
    config: {
      currency: {
        default_currency_code: attr.type === "currency" ? (attr.currency_code ?? "USD") : null,
        display_type: attr.type === "currency" ? "symbol" : null,
      },
      record_reference: {
        allowed_object_ids: attr.targets
          ? attr.targets.map((slug) => ws.objects.find((o) => o.api_slug === slug)?.id ?? slug)
          : null,
      },
    },
  };
}

export function renderOption(
  ws: Workspace,
  attr: AttributeDef,
  opt: { id: string; title: string; is_archived: boolean },
) {
  return {
    id: { workspace_id: ws.info.id, object_id: attr.parent_id, attribute_id: attr.id, option_id: opt.id },
    title: opt.title,
    is_archived: opt.is_archived,
  };
}

export function renderStatus(ws: Workspace, attr: AttributeDef, st: NonNullable<AttributeDef["statuses"]>[number]) {
  return {
    id: { workspace_id: ws.info.id, object_id: attr.parent_id, attribute_id: attr.id, status_id: st.id },
    title: st.title,
    is_archived: st.is_archived,
    celebration_enabled: st.celebration_enabled,
    target_time_in_status: st.target_time_in_status,
  };
}

/** Current values for every attribute, keyed by slug; empty attributes answer []. */
function renderValues(attrs: AttributeDef[], values: ValueMap): Record<string, StoredValue[]> {
  const out: Record<string, StoredValue[]> = {};
  for (const attr of attrs) out[attr.api_slug] = currentValues(values, attr.api_slug).map((v) => ({ ...v }));
  return out;
}

function webUrl(ws: Workspace, obj: ObjectDef, recordId: string): string {
  const noun = obj.singular_noun.toLowerCase().replace(/\s+/g, "-");
  return `https://app.attio.com/${ws.info.slug}/${noun}/${recordId}/overview`;
}

export function renderRecord(ws: Workspace, obj: ObjectDef, rec: RecordRow) {
  return {
    id: { workspace_id: ws.info.id, object_id: obj.id, record_id: rec.id },
    created_at: rec.created_at,
    web_url: webUrl(ws, obj, rec.id),
    values: renderValues(obj.attributes, rec.values),
  };
}

export function renderList(ws: Workspace, list: ListDef) {
  return {
    id: { workspace_id: ws.info.id, list_id: list.id },
    api_slug: list.api_slug,
    name: list.name,
    parent_object: list.parent_object,
    workspace_access: list.workspace_access,
    workspace_member_access: [],
    created_by_actor: list.created_by_actor,
    created_at: list.created_at,
  };
}

export function renderEntry(ws: Workspace, list: ListDef, entry: EntryRow) {
  return {
    id: { workspace_id: ws.info.id, list_id: list.id, entry_id: entry.id },
    parent_record_id: entry.parent_record_id,
    parent_object: entry.parent_object,
    created_at: entry.created_at,
    entry_values: renderValues(list.attributes, entry.values),
  };
}

export function renderMember(ws: Workspace, m: MemberRow) {
  return {
    id: { workspace_id: ws.info.id, workspace_member_id: m.id },
    first_name: m.first_name,
    last_name: m.last_name,
    avatar_url: m.avatar_url,
    email_address: m.email_address,
    created_at: m.created_at,
    access_level: m.access_level,
  };
}
