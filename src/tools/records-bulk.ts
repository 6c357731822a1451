// records_update_many: one set of values written to many records (by ids or by filter), with a
// dry run that shows each change first, and a report that names every record written or not.
import { unwrap } from "../attio/client";
import type { JsonObject } from "../mcp/types";
import { throwIfNoneWritten, writeEach } from "./batch";
import { compactValues, recordTitle, type AttioRecord, type Compact } from "./format";
import { FILTER_ARG, OBJECT_ARG, OVERWRITE_ARG, RECORD_ID_ARG, VALUES_ARG, outputOf } from "./schemas";
import { OVERWRITE, ToolInputError, type Tool, type ToolContext } from "./tool";
import { resolveMemberFilter, resolveMemberValues } from "./member-values";
import { NO_NAMES } from "./references";
import { storedDifferently, toAttioValues, withValueHelp } from "./values";

/** Changes compare values as written and as stored, so references stay bare and one value unwrapped. */
const SINGLE: ReadonlySet<string> = new Set();

/** Records one call may change: enough for everyday clean-ups, small enough to review in a dry run. */
const UPDATE_MANY_MAX = 100;

interface UpdateManyArgs {
  object: string;
  record_ids?: string[];
  filter?: Record<string, unknown>;
  values: Record<string, unknown>;
  overwrite: boolean;
  dry_run: boolean;
}

const recordsUpdateMany: Tool<UpdateManyArgs> = {
  name: "records_update_many",
  title: "Update many records",
  description:
    `Writes the same values to up to ${UPDATE_MANY_MAX} records chosen by record_ids or filter; dry_run ` +
    "shows each change first. Names every record updated, unchanged or failed. " +
    'Example: {"object":"deals","filter":{"owner":"max@example.com"},"values":{"owner":"me"},"dry_run":true}',
  annotations: OVERWRITE,
  inputSchema: {
    type: "object",
    properties: {
      object: OBJECT_ARG,
      record_ids: { type: "array", items: RECORD_ID_ARG, minItems: 1, maxItems: UPDATE_MANY_MAX },
      filter: FILTER_ARG,
      values: VALUES_ARG,
      overwrite: OVERWRITE_ARG,
      dry_run: { type: "boolean", default: false },
    },
    required: ["object", "values"],
    additionalProperties: false,
  },
  outputSchema: outputOf({
    dry_run: "boolean",
    matched: "integer",
    updated: "object[]",
    unchanged: "object[]",
    failed: "object[]",
  }),
  async run(ctx, args) {
    if ((args.record_ids === undefined) === (args.filter === undefined))
      throw new ToolInputError('give exactly one of "record_ids" or "filter" to choose the records');
    args.values = await resolveMemberValues(ctx, "objects", args.object, args.values);
    args.filter = await resolveMemberFilter(ctx, "objects", args.object, args.filter);
    const records = await targets(ctx, args);
    const plans = records.map((record) => plan(record, args.values, args.overwrite));
    const changing = plans.filter((p) => Object.keys(p.changes).length > 0);
    const unchanged = plans.filter((p) => Object.keys(p.changes).length === 0).map(({ id, name }) => ({ id, name }));
    const notFound = (args.record_ids ?? []).filter((id) => !records.some((record) => record.id.record_id === id));
    const head = {
      dry_run: args.dry_run,
      matched: records.length,
      unchanged,
      ...(notFound.length ? { not_found: notFound } : {}),
    };
    if (args.dry_run)
      return { structured: { ...head, updated: changing, failed: [], note: "Nothing written (dry run)." } };

    const request = (id: string) => ({
      params: { path: { object: args.object, record_id: id } },
      body: { data: { values: toAttioValues(args.values, args.object) } },
    });
    const outcomes = await writeEach(changing, (p) =>
      withValueHelp(ctx, "objects", args.object, args.values, () =>
        unwrap(
          args.overwrite
            ? ctx.attio.PUT("/v2/objects/{object}/records/{record_id}", request(p.id))
            : ctx.attio.PATCH("/v2/objects/{object}/records/{record_id}", request(p.id)),
        ),
      ),
    );
    if (unchanged.length === 0) throwIfNoneWritten(outcomes);
    const updated: JsonObject[] = [];
    const failed: JsonObject[] = [];
    outcomes.forEach((outcome, i) => {
      const p = changing[i] as Plan;
      if (outcome.ok) updated.push({ id: p.id, name: p.name, ...stored(outcome.value.data, args.values) });
      else failed.push({ id: p.id, name: p.name, error: outcome.message });
    });
    const note = failed.length
      ? `${updated.length} updated, ${failed.length} NOT updated (see failed); retry those with record_ids.`
      : undefined;
    return { structured: { ...head, updated, failed, ...(note ? { note } : {}) } };
  },
};

/** The chosen records, read once (their current values feed the dry run and the unchanged check). */
async function targets(ctx: ToolContext, args: UpdateManyArgs): Promise<AttioRecord[]> {
  const filter = args.record_ids ? { record_id: { $in: args.record_ids } } : args.filter;
  const found = await unwrap(
    ctx.attio.POST("/v2/objects/{object}/records/query", {
      params: { path: { object: args.object } },
      body: { filter, limit: UPDATE_MANY_MAX + 1, offset: 0 },
    }),
  );
  if (found.data.length > UPDATE_MANY_MAX)
    throw new ToolInputError(
      `the filter matches more than ${UPDATE_MANY_MAX} records, the most one call changes; narrow the filter ` +
        "(e.g. exclude records that already have the value) and call again until none match",
    );
  return found.data;
}

interface Plan {
  id: string;
  name: string;
  changes: Record<string, { from: Compact | null; to: unknown }>;
}

/** Which given attributes would change on this record, from what to what. */
function plan(record: AttioRecord, values: Record<string, unknown>, overwrite: boolean): Plan {
  const current = compactValues(record.values, Object.keys(values), NO_NAMES, SINGLE);
  const changes: Plan["changes"] = {};
  for (const [slug, given] of Object.entries(values)) {
    const from = current[slug] ?? null;
    const to = !overwrite && Array.isArray(given) ? union(from, given) : given;
    if (!same(from, to)) changes[slug] = { from, to };
  }
  return {
    id: record.id.record_id,
    name: recordTitle(compactValues(record.values, ["name"], NO_NAMES, SINGLE)),
    changes,
  };
}

function union(from: Compact | null, given: unknown[]): unknown[] {
  const before = from === null ? [] : Array.isArray(from) ? from : [from];
  return [...before, ...given.filter((item) => !before.some((b) => same(b, item)))];
}

/** Equal as a model reads them: case-insensitive text, single value = one-item array. */
function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): string => {
    const list = Array.isArray(v) ? v : v === null || v === undefined ? [] : [v];
    return JSON.stringify(list.map((item) => (typeof item === "string" ? item.toLowerCase() : item)).sort());
  };
  return norm(a) === norm(b);
}

/** What Attio holds after the write, for the attributes written; a value stored differently shows here. */
function stored(record: AttioRecord, values: Record<string, unknown>): JsonObject {
  const now = compactValues(record.values, Object.keys(values), NO_NAMES, SINGLE);
  const differs = storedDifferently(values, now);
  return { values: now, ...(Object.keys(differs).length > 0 ? { stored_differently: differs } : {}) };
}

export const recordBulkTools: Tool[] = [recordsUpdateMany];
