// "Me", an email or a unique name wherever a workspace member is expected in record values and
// filters (owner, actor attributes of custom objects): resolved to the member id Attio wants,
// using the shared member directory (member-directory.ts). Calls that name no member pay nothing.
import type { JsonObject } from "../mcp/types";
import { attributeTypes, type AttributeTarget } from "./attribute-types";
import { resolveMember } from "./member-directory";
import type { ToolContext } from "./tool";

/** A string that may name a member: "me", an email, or a name of two or more words. */
function mayNameMember(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const text = value.trim();
  return /^me$/i.test(text) || text.includes("@") || /^[\p{L}'.-]+( [\p{L}'.-]+){1,3}$/u.test(text);
}

function leaves(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(leaves);
  return [value];
}

async function actorSlugs(ctx: ToolContext, target: AttributeTarget, identifier: string): Promise<Set<string>> {
  const types = await attributeTypes(ctx, target, identifier);
  return new Set([...types].filter(([, type]) => type === "actor-reference").map(([slug]) => slug));
}

const member = (id: string) => ({ referenced_actor_type: "workspace-member", referenced_actor_id: id });

/**
 * Values with members named as "me" (and, with `names`, by name) turned into actor references;
 * emails Attio takes as they are. Tools resolve "me" up front; a name is resolved only after Attio
 * refused the write (runTool retries it once), so writes that name no member cost nothing extra.
 */
export async function resolveMemberValues(
  ctx: ToolContext,
  target: AttributeTarget,
  identifier: string,
  values: Record<string, unknown>,
  names = false,
): Promise<Record<string, unknown>> {
  const named = (v: unknown) =>
    mayNameMember(v) && !(v as string).includes("@") && (names || /^me$/i.test((v as string).trim()));
  if (!leaves(values).some(named)) return values;
  const actors = await actorSlugs(ctx, target, identifier);
  const out: Record<string, unknown> = { ...values };
  for (const [slug, value] of Object.entries(values)) {
    if (!actors.has(slug)) continue;
    const one = async (v: unknown) => (named(v) ? member(await resolveMember(ctx, v as string)) : v);
    out[slug] = Array.isArray(value) ? await Promise.all(value.map(one)) : await one(value);
  }
  return out;
}

/**
 * A filter with members named as "me", an email or a name on actor attributes turned into
 * `{"<slug>":{"referenced_actor_id":{"$eq"|"$in": …}}}`, at any depth of $and/$or/$not.
 */
export async function resolveMemberFilter(
  ctx: ToolContext,
  target: AttributeTarget,
  identifier: string,
  filter: JsonObject | undefined,
): Promise<JsonObject | undefined> {
  if (!filter || !leaves(filter).some(mayNameMember)) return filter;
  const actors = await actorSlugs(ctx, target, identifier);
  const id = (v: unknown) => (mayNameMember(v) ? resolveMember(ctx, v) : Promise.resolve(v));
  const walk = async (node: unknown): Promise<unknown> => {
    if (Array.isArray(node)) return Promise.all(node.map(walk));
    if (typeof node !== "object" || node === null) return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith("$")) out[key] = await walk(value);
      else if (!actors.has(key)) out[key] = value;
      else if (typeof value === "string") out[key] = { referenced_actor_id: { $eq: await id(value) } };
      else if (typeof value === "object" && value !== null && ("$eq" in value || "$in" in value)) {
        const { $eq, $in } = value as { $eq?: unknown; $in?: unknown };
        out[key] = {
          referenced_actor_id:
            $in !== undefined
              ? { $in: await Promise.all(([] as unknown[]).concat($in).map(id)) }
              : { $eq: await id($eq) },
        };
      } else out[key] = value;
    }
    return out;
  };
  return (await walk(filter)) as JsonObject;
}
