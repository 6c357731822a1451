// sql_query: read-only SQL reporting on POST /v2/sql (Enterprise plan only, beta, 2 requests/s,
// 30 s limit: attio-openapi.json "Query SQL"). The guard refuses anything but one SELECT before
// any request; results are cut by rows and by bytes, saying so.
import { unwrap } from "../attio/client";
import { AttioError } from "../attio/errors";
import type { JsonObject } from "../mcp/types";
import { capBySize } from "./paging";
import { limitArg } from "./schemas";
import { refuseUnlessReadOnly } from "./sql-guard";
import { READ_ONLY, ToolFailure, ToolInputError, type Tool } from "./tool";

const DEFAULT_ROWS = 100;
const MAX_ROWS = 1000;

interface SqlArgs {
  query: string;
  limit?: number;
}

const sqlQuery: Tool<SqlArgs> = {
  name: "sql_query",
  title: "Report with SQL",
  description:
    "One read-only SQL SELECT (Enterprise plan): tables objects.<slug> and lists.<slug>, a column per " +
    "attribute plus record_id (lists: entry_id, parent_record_id). For counts, sums, joins. " +
    'Example: {"query":"SELECT stage, count(*) AS n FROM lists.sales_pipeline GROUP BY stage","limit":50}',
  annotations: READ_ONLY,
  inputSchema: {
    type: "object",
    properties: {
      query: { type: "string", minLength: 1, maxLength: 20_000 },
      limit: limitArg(DEFAULT_ROWS, MAX_ROWS),
    },
    required: ["query"],
    additionalProperties: false,
  },
  outputSchema: {
    type: "object",
    properties: {
      rows: { type: "array", items: { type: "object" } },
      count: { type: "integer" },
      total_rows: { type: "integer" },
      truncated: { type: "boolean" },
      note: { type: "string" },
    },
    required: ["rows", "count", "total_rows"],
  },
  async run(ctx, args) {
    const refused = refuseUnlessReadOnly(args.query);
    if (refused) throw new ToolInputError(`sql_query runs one read-only SELECT: ${refused}. Nothing was sent.`);
    const limit = args.limit ?? DEFAULT_ROWS;
    let rows: Record<string, unknown>[];
    try {
      rows = (await unwrap(ctx.attio.POST("/v2/sql", { body: { sql: args.query } }))).data.rows;
    } catch (error) {
      throw error instanceof AttioError ? explain(error) : error;
    }
    const { kept, truncated } = capBySize(rows.slice(0, limit));
    const out: JsonObject = { rows: kept as JsonObject[], count: kept.length, total_rows: rows.length };
    if (kept.length < rows.length) {
      out.truncated = true;
      const why = truncated ? "to keep the result small" : `(limit ${limit})`;
      out.note =
        `Cut: showing ${kept.length} of ${rows.length} rows ${why}. Aggregate, narrow the WHERE, or select fewer ` +
        `columns${limit < MAX_ROWS && !truncated ? `, or raise limit (at most ${MAX_ROWS})` : ""}.`;
    }
    return { structured: out };
  },
};

/** Attio's SQL failures, each with the way out. */
function explain(error: AttioError): Error {
  const p = error.problem;
  if (p.kind === "timeout" || (p.kind === "http" && (/timeout/i.test(p.code) || p.status === 408 || p.status === 504)))
    return new ToolFailure(
      "The query ran past Attio's 30-second limit and was stopped. Make it cheaper: filter with WHERE, " +
        "aggregate, join fewer tables, or add LIMIT.",
    );
  if (p.kind !== "http") return error;
  if (p.status === 403 && (p.code === "billing_error" || /enterprise|plan/i.test(p.message)))
    return new ToolFailure(
      `SQL reporting needs Attio's Enterprise plan, which this workspace is not on (Attio: ${p.message}). ` +
        "Use records_aggregate for counts and sums, or records_query, instead.",
    );
  if (p.status === 403)
    return new ToolFailure(
      `Attio refused the query (${p.message}). The Attio app needs the record_permission:read and ` +
        "object_configuration:read scopes; ask a workspace admin.",
    );
  if (p.status === 400)
    return new ToolFailure(
      `Attio could not run the query (${p.code}): ${p.message} Tables are objects.<slug> and lists.<slug>, ` +
        "columns are attribute slugs (records_discover_attributes lists them).",
    );
  return error;
}

export const sqlTools: Tool[] = [sqlQuery];
