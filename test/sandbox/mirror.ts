// Two-way relationship attributes, as Attio keeps them: a person's `company` and the company's
// `team` are one relationship seen from both ends, so writing either side updates the other
// (Attio docs, "Relationship attributes"; the spec's `attribute.relationship`). Mirror values are
// written directly, never through a second payload, so one write cannot recurse.
import { currentValues, findAttribute, findObject } from "./model";
import type { AttributeDef, ObjectDef, RecordRow, StoredValue } from "./types";
import type { WriteCtx } from "./values";

/** The other end of `attr`, when it is one side of a two-way relationship. */
function otherEnd(ctx: WriteCtx, attr: AttributeDef): { obj: ObjectDef; attr: AttributeDef } | undefined {
  if (!attr.relationship) return undefined;
  const obj = findObject(ctx.ws, attr.relationship.object);
  const other = obj && findAttribute(obj.attributes, attr.relationship.slug);
  return obj && other ? { obj, attr: other } : undefined;
}

/** Current targets of every two-way attribute of a row, to compare before and after a write. */
export function relationshipTargets(obj: ObjectDef, row: RecordRow | undefined): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const attr of obj.attributes) {
    if (!attr.relationship) continue;
    const values = row ? currentValues(row.values, attr.api_slug) : [];
    out.set(attr.api_slug, new Set(values.map((v) => String(v.target_record_id))));
  }
  return out;
}

function unlink(ctx: WriteCtx, row: RecordRow, slug: string, targetId: string): void {
  for (const v of currentValues(row.values, slug)) if (v.target_record_id === targetId) v.active_until = ctx.now;
}

function link(ctx: WriteCtx, row: RecordRow, slug: string, targetObject: string, targetId: string): void {
  const value: StoredValue = {
    attribute_type: "record-reference",
    active_from: ctx.now,
    active_until: null,
    created_by_actor: ctx.actor,
    target_object: targetObject,
    target_record_id: targetId,
  };
  row.values[slug] = [...(row.values[slug] ?? []), value];
}

/** Brings the far ends in line with what the write changed on `row`. */
export function mirrorRelationships(
  ctx: WriteCtx,
  obj: ObjectDef,
  row: RecordRow,
  before: Map<string, Set<string>>,
): void {
  const after = relationshipTargets(obj, row);
  for (const attr of obj.attributes) {
    const far = otherEnd(ctx, attr);
    if (!far) continue;
    const was = before.get(attr.api_slug) ?? new Set<string>();
    const now = after.get(attr.api_slug) ?? new Set<string>();
    for (const id of was) {
      const target = ctx.ws.records.get(id);
      if (!now.has(id) && target) unlink(ctx, target, far.attr.api_slug, row.id);
    }
    for (const id of now) {
      const target = ctx.ws.records.get(id);
      if (was.has(id) || !target) continue;
      if (!far.attr.is_multiselect) {
        // The far end holds one record: whoever it pointed at loses it from their side too.
        for (const old of currentValues(target.values, far.attr.api_slug)) {
          const previous = ctx.ws.records.get(String(old.target_record_id));
          if (previous && previous.id !== row.id) unlink(ctx, previous, attr.api_slug, target.id);
          old.active_until = ctx.now;
        }
      }
      link(ctx, target, far.attr.api_slug, obj.api_slug, row.id);
    }
  }
}

/** A deleted record disappears from the far end of each of its relationships. */
export function unlinkDeleted(ctx: WriteCtx, obj: ObjectDef, row: RecordRow): void {
  for (const attr of obj.attributes) {
    const far = otherEnd(ctx, attr);
    if (!far) continue;
    for (const v of currentValues(row.values, attr.api_slug)) {
      const target = ctx.ws.records.get(String(v.target_record_id));
      if (target) unlink(ctx, target, far.attr.api_slug, row.id);
    }
  }
}
