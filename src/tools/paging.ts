// List results: every page says how to get the next one, and stays within a size budget so a
// model can afford it (Claude cuts tool results near 150,000 characters). Cutting is said out loud.
import type { JsonObject } from "../mcp/types";
import { ToolInputError } from "./tool";

/**
 * Attio's records and entries query endpoints take the same body
 * (attio-openapi.json: filter, sorts, limit, offset).
 */
export interface QueryArgs {
  filter?: Record<string, unknown>;
  sorts?: { attribute: string; direction: "asc" | "desc"; field?: string }[];
}

/** The query body: filter and sorts only when given (Attio rejects `filter: null`), limit/offset always. */
export function queryBody(args: QueryArgs, limit: number, offset: number) {
  args.sorts?.forEach(checkSort);
  return {
    ...(args.filter ? { filter: args.filter } : {}),
    ...(args.sorts ? { sorts: args.sorts } : {}),
    limit,
    offset,
  };
}

/**
 * How many records or entries to ask Attio for: what fits in one result. A compact record without
 * a `fields` projection runs to about 600 characters, with one about a tenth of that; asking for
 * more would fetch and parse rows only to drop them at the size cap.
 */
export function fittingLimit(limit: number, fields: readonly string[] | undefined): number {
  return Math.min(limit, fields && fields.length > 0 ? 250 : 50);
}

/** Says why a page is shorter than the limit asked for, when fittingLimit shortened it. */
export function shortenedNote(asked: number, limit: number, fetched: number): JsonObject {
  if (fetched < limit || asked <= limit) return {};
  return {
    note:
      `Pages hold at most ${limit} items ${limit === 250 ? "with" : "without"} \`fields\` ` +
      "so a result stays readable; continue with next_offset.",
  };
}

/** Sorts are typed loosely in the schema (bytes every conversation pays); checked here instead. */
function checkSort(sort: unknown, i: number): void {
  const { attribute, direction, field } = (sort ?? {}) as Record<string, unknown>;
  if (typeof attribute !== "string" || attribute === "")
    throw new ToolInputError(`"sorts.${i}.attribute" must be an attribute slug, e.g. "name"`);
  if (direction !== "asc" && direction !== "desc")
    throw new ToolInputError(`"sorts.${i}.direction" must be "asc" or "desc" (got ${JSON.stringify(direction)})`);
  if (field !== undefined && typeof field !== "string")
    throw new ToolInputError(`"sorts.${i}.field" must be a sub-field name, e.g. "last_name"`);
}

/** Characters of JSON a list may spend on items; with the wrapper, under the registry's 40,000-character cap. */
const ITEMS_BUDGET = 32_000;

/** Keeps leading items while their JSON fits `budget`; always keeps the first. */
export function capBySize<T>(items: readonly T[], budget = ITEMS_BUDGET): { kept: T[]; truncated: boolean } {
  const kept: T[] = [];
  let used = 0;
  for (const item of items) {
    const size = JSON.stringify(item).length + 1;
    if (kept.length > 0 && used + size > budget) return { kept, truncated: true };
    used += size;
    kept.push(item);
  }
  return { kept, truncated: false };
}

/**
 * A limit/offset page. Attio reports no total: a full page means there may be more
 * (https://docs.attio.com/rest-api/guides/pagination), so next_offset is offered then. When the size cap cut the
 * page, next_offset resumes right after the last item shown, so nothing is skipped.
 */
export function offsetPage<T>(
  key: string,
  fetched: readonly T[],
  offset: number,
  limit: number,
  extra: JsonObject = {},
): JsonObject {
  const { kept, truncated } = capBySize(fetched);
  const out: JsonObject = { [key]: kept, count: kept.length, ...extra };
  if (truncated) {
    out.next_offset = offset + kept.length;
    out.truncated = true;
    out.note =
      `Showing ${kept.length} of ${fetched.length} ${key} to keep the result small; ` +
      `call again with offset ${offset + kept.length} for the rest, or ask for fewer fields.`;
  } else if (fetched.length >= limit) {
    out.next_offset = offset + limit;
  }
  return out;
}

/** Where a cursor page starts: Attio's cursor for the page, and how many of its items were already shown. */
export interface CursorAt {
  cursor?: string;
  skip: number;
}

const RESUME = "resume:";

/**
 * Our own cursor for the rest of a page the size cap cut: Attio's next cursor starts after the
 * whole page, so following it would skip the items that were cut.
 * @internal exported for tests (knip --production ignores it)
 */
export function resumeCursor(at: CursorAt): string {
  return RESUME + btoa(JSON.stringify({ c: at.cursor ?? null, s: at.skip }));
}

/** Reads a `cursor` argument: Attio's own, or one of ours from resumeCursor. */
export function readCursor(cursor: string | undefined): CursorAt {
  if (!cursor?.startsWith(RESUME)) return cursor ? { cursor, skip: 0 } : { skip: 0 };
  try {
    const { c, s } = JSON.parse(atob(cursor.slice(RESUME.length))) as { c: unknown; s: unknown };
    if ((c === null || typeof c === "string") && Number.isInteger(s) && (s as number) > 0)
      return c === null ? { skip: s as number } : { cursor: c, skip: s as number };
  } catch {
    // falls through to the error below
  }
  throw new ToolInputError(
    '"cursor" is not one this server handed out: pass the previous result\'s next_cursor unchanged',
  );
}

/**
 * A cursor page, starting `at.skip` items into the Attio page fetched with `at.cursor`. When the
 * size cap cuts it, next_cursor resumes right after the last item shown, so nothing is skipped.
 */
export function cursorPage<T>(
  key: string,
  fetched: readonly T[],
  nextCursor: string | null | undefined,
  at: CursorAt,
  extra: JsonObject = {},
): JsonObject {
  const rest = fetched.slice(at.skip);
  const { kept, truncated } = capBySize(rest);
  const out: JsonObject = { [key]: kept, count: kept.length, ...extra };
  if (truncated) {
    out.next_cursor = resumeCursor({ ...at, skip: at.skip + kept.length });
    out.truncated = true;
    out.note =
      `Showing ${kept.length} of ${rest.length} ${key} to keep the result small; ` +
      "call again with next_cursor for the rest.";
  } else if (nextCursor) {
    out.next_cursor = nextCursor;
  }
  return out;
}

/** A list Attio does not paginate (objects, lists, members): all of it, within the budget. */
export function wholeList<T>(key: string, all: readonly T[], narrow: string): JsonObject {
  const { kept, truncated } = capBySize(all);
  const out: JsonObject = { [key]: kept, count: kept.length };
  if (truncated) {
    out.truncated = true;
    out.note = `Showing ${kept.length} of ${all.length} ${key} to keep the result small; ${narrow}.`;
  }
  return out;
}

/**
 * One text longer than a result can carry (a note body): cut to the items budget, saying so in
 * the text, so the result stays whole JSON under the registry's cap. Null when it fits.
 */
export function cutLongText(text: string, budget = ITEMS_BUDGET): string | null {
  if (text.length <= budget) return null;
  return `${text.slice(0, budget)}\n[cut: showing ${budget} of ${text.length} characters]`;
}

/** Cuts long text (note bodies, descriptions) in list views; the *_get tools return it whole. */
export function snippet(text: string | null | undefined, max = 280): string | undefined {
  if (!text) return undefined;
  const clean = text.trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}
