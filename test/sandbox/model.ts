// Lookups over a workspace's state. Attio accepts a slug or a UUID wherever an object, list or
// attribute is named, so every lookup tries both; misses become Attio's 404 messages.
import { notFound } from "./errors";
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

export function findObject(ws: Workspace, slugOrId: string): ObjectDef | undefined {
  return ws.objects.find((o) => o.api_slug === slugOrId || o.id === slugOrId);
}

export function requireObject(ws: Workspace, slugOrId: string): ObjectDef {
  const obj = findObject(ws, slugOrId);
  if (!obj) throw notFound(`Object with slug/ID "${slugOrId}" not found.`);
  return obj;
}

export function findList(ws: Workspace, slugOrId: string): ListDef | undefined {
  return ws.lists.find((l) => l.api_slug === slugOrId || l.id === slugOrId);
}

export function requireList(ws: Workspace, slugOrId: string): ListDef {
  const list = findList(ws, slugOrId);
  if (!list) throw notFound(`List with slug/ID "${slugOrId}" not found.`);
  return list;
}

export function findAttribute(attrs: AttributeDef[], slugOrId: string): AttributeDef | undefined {
  return attrs.find((a) => a.api_slug === slugOrId || a.id === slugOrId);
}

export function requireAttribute(attrs: AttributeDef[], slugOrId: string): AttributeDef {
  const attr = findAttribute(attrs, slugOrId);
  if (!attr) throw notFound(`Attribute with slug/ID "${slugOrId}" not found.`);
  return attr;
}

export function requireRecord(ws: Workspace, obj: ObjectDef, recordId: string): RecordRow {
  const rec = ws.records.get(recordId);
  if (!rec || rec.object_id !== obj.id) throw notFound(`Record with ID "${recordId}" not found.`);
  return rec;
}

export function requireEntry(ws: Workspace, list: ListDef, entryId: string): EntryRow {
  const entry = ws.entries.get(entryId);
  if (!entry || entry.list_id !== list.id)
    throw notFound(`Entry with ID "${entryId}" not found in list "${list.api_slug}".`);
  return entry;
}

export function recordsOf(ws: Workspace, obj: ObjectDef): RecordRow[] {
  return [...ws.records.values()].filter((r) => r.object_id === obj.id);
}

export function entriesOf(ws: Workspace, list: ListDef): EntryRow[] {
  return [...ws.entries.values()].filter((e) => e.list_id === list.id);
}

export function findMember(ws: Workspace, idOrEmail: string): MemberRow | undefined {
  const needle = idOrEmail.toLowerCase();
  return ws.members.find((m) => m.id === idOrEmail || m.email_address.toLowerCase() === needle);
}

/** Only values with active_until null are current; the rest is history. */
export function currentValues(values: ValueMap, slug: string): StoredValue[] {
  return (values[slug] ?? []).filter((v) => v.active_until === null);
}

/** Display name of a record: its name attribute (text or personal-name), else empty. */
export function recordName(rec: RecordRow): string {
  const v = currentValues(rec.values, "name")[0];
  if (!v) return "";
  return String(v.attribute_type === "personal-name" ? v.full_name : v.value);
}
