// records_aggregate: counts and sums over an object's records or a list's entries, optionally
// filtered (records_query syntax) and grouped by a select, status, checkbox, member or record
// reference, paging through Attio itself up to a fixed cap and saying when the cap cut the answer.
import { unwrap } from "../attio/client";
import type { JsonObject } from "../mcp/types";
import { aggregate, METRICS, type Metric, type Row } from "./aggregate";
import { attributeList, type AttributeTarget } from "./attributes";
import type { AttioValue } from "./format";
import { queryBody } from "./paging";
import { type Names, resolveNames, Wanted } from "./references";
import { FILTER_ARG, LIST_ARG, OBJECT_ARG, outputOf } from "./schemas";
import { PIPELINE_BOARD_URI } from "../ui/uris";
import { READ_ONLY, type Tool, type ToolContext, ToolInputError } from "./tool";

/** Attio's query endpoints return at most 500 rows a page (attio-api.md "Pagination"). */
const PAGE = 500;
/**
 * At most 10 pages (5,000 rows) per call: about a tenth of a second of Attio's 100 reads/s.
 * @internal exported for tests
 */
export const AGGREGATE_MAX_ROWS = 5_000;

const GROUPABLE = new Set(["select", "status", "checkbox", "actor-reference", "record-reference"]);
const MEASURABLE = new Set(["number", "currency"]);

interface Args {
  object?: string;
  list?: string;
  filter?: Record<string, unknown>;
  group_by?: string;
  measure?: string;
  metrics?: Metric[];
}

type Values = Record<string, readonly AttioValue[]>;

const current = (values: Values, slug: string) =>
  (values[slug] ?? []).filter((v) => v.active_until === null || v.active_until === undefined);

/** Fetches every matching row's values, page by page, up to the cap. */
async function scan(ctx: ToolContext, args: Args): Promise<{ rows: Values[]; cut: boolean }> {
  const rows: Values[] = [];
  for (let offset = 0; offset < AGGREGATE_MAX_ROWS; offset += PAGE) {
    const body = queryBody({ ...(args.filter ? { filter: args.filter } : {}) }, PAGE, offset);
    const page = args.list
      ? (
          await unwrap(
            ctx.attio.POST("/v2/lists/{list}/entries/query", { params: { path: { list: args.list } }, body }),
          )
        ).data.map((entry) => entry.entry_values as Values)
      : (
          await unwrap(
            ctx.attio.POST("/v2/objects/{object}/records/query", {
              params: { path: { object: args.object as string } },
              body,
            }),
          )
        ).data.map((record) => record.values as Values);
    rows.push(...page);
    if (page.length < PAGE) return { rows, cut: false };
  }
  return { rows, cut: true };
}

function keysOf(values: readonly AttioValue[], names: Names): Row["keys"] {
  return values.flatMap((v): Row["keys"] => {
    switch (v.attribute_type) {
      case "select":
        return [{ id: v.option.title, name: v.option.title }];
      case "status":
        return [{ id: v.status.title, name: v.status.title }];
      case "checkbox":
        return [{ id: String(v.value), name: String(v.value) }];
      case "actor-reference":
        return v.referenced_actor_id
          ? [{ id: v.referenced_actor_id, name: names.actor(v.referenced_actor_type, v.referenced_actor_id).name }]
          : [];
      case "record-reference": {
        const ref = names.record(v.target_object, v.target_record_id);
        return [{ id: ref.id, name: ref.name ?? null }];
      }
      default:
        return [];
    }
  });
}

function amountsOf(values: readonly AttioValue[]): Row["amounts"] {
  return values.flatMap((v): Row["amounts"] => {
    if (v.attribute_type === "number" && typeof v.value === "number") return [{ value: v.value, currency: null }];
    if (v.attribute_type === "currency" && typeof v.currency_value === "number")
      return [{ value: v.currency_value, currency: v.currency_code ?? null }];
    return [];
  });
}

/** Checks group_by and measure against the attributes (one cached request), naming the valid ones. */
async function checkAttributes(ctx: ToolContext, target: AttributeTarget, identifier: string, args: Args) {
  const attributes = await attributeList(ctx, target, identifier);
  const check = (slug: string | undefined, allowed: Set<string>, role: string, kinds: string) => {
    if (slug === undefined) return;
    const found = attributes.find((a) => a.api_slug === slug || a.id.attribute_id === slug);
    if (found && allowed.has(found.type)) return;
    const valid = attributes.filter((a) => allowed.has(a.type)).map((a) => a.api_slug);
    const why = found ? `"${slug}" is a ${found.type} attribute` : `${identifier} has no attribute "${slug}"`;
    throw new ToolInputError(`${why}; ${role} takes ${kinds}. Valid for ${identifier}: ${valid.join(", ") || "none"}`);
  };
  check(args.group_by, GROUPABLE, '"group_by"', "a select, status, checkbox, member or record-reference attribute");
  check(args.measure, MEASURABLE, '"measure"', "a number or currency attribute");
}

async function recordsAggregate(ctx: ToolContext, args: Args): Promise<JsonObject> {
  if ((args.object === undefined) === (args.list === undefined))
    throw new ToolInputError('give exactly one of "object" (e.g. "deals") or "list" (e.g. "sales_pipeline")');
  if (args.metrics && !args.measure)
    throw new ToolInputError('"metrics" need a "measure": the number or currency attribute to sum, e.g. "value"');
  const target: AttributeTarget = args.object !== undefined ? "objects" : "lists";
  const identifier = (args.object ?? args.list) as string;
  await checkAttributes(ctx, target, identifier, args);
  const metrics = args.measure ? (args.metrics ?? ["sum"]) : [];

  const { rows, cut } = await scan(ctx, args);
  const wanted = new Wanted();
  if (args.group_by) for (const values of rows) wanted.values(current(values, args.group_by));
  const names = await resolveNames(ctx, wanted);
  const tallied: Row[] = rows.map((values) => ({
    keys: args.group_by ? keysOf(current(values, args.group_by), names) : [],
    amounts: args.measure ? amountsOf(current(values, args.measure)) : [],
  }));
  const { groups, total } = aggregate(tallied, metrics, args.group_by !== undefined);
  return {
    scope: args.object !== undefined ? { object: args.object } : { list: args.list as string },
    group_by: args.group_by ?? null,
    ...(args.measure ? { measure: args.measure } : {}),
    groups,
    total,
    scanned: rows.length,
    cut,
    ...(cut
      ? {
          note:
            `Stopped after ${AGGREGATE_MAX_ROWS} rows (the per-call cap), ` +
            "so these figures cover only those; narrow with a filter.",
        }
      : {}),
  } as JsonObject;
}

const recordsAggregateTool: Tool<Args> = {
  name: "records_aggregate",
  title: "Count and sum records",
  description:
    "Counts records (or a list's entries) and sums/averages a number or currency measure, filtered as in " +
    `records_query, grouped by a select, status, checkbox, member or reference; up to ${AGGREGATE_MAX_ROWS} rows. ` +
    'Example: {"object":"deals","group_by":"stage","measure":"value","metrics":["sum","avg"]}',
  annotations: READ_ONLY,
  ui: PIPELINE_BOARD_URI,
  inputSchema: {
    type: "object",
    properties: {
      object: OBJECT_ARG,
      list: LIST_ARG,
      filter: FILTER_ARG,
      group_by: { type: "string", minLength: 1 },
      measure: { type: "string", minLength: 1 },
      metrics: { type: "array", items: { type: "string", enum: [...METRICS] }, minItems: 1 },
    },
    additionalProperties: false,
  },
  outputSchema: outputOf({
    scope: "object",
    groups: "object[]",
    total: "object",
    scanned: "integer",
    cut: "boolean",
  }),
  async run(ctx, args) {
    return { structured: await recordsAggregate(ctx, args) };
  },
};

export const recordsAggregateTools: Tool[] = [recordsAggregateTool];
