// records_merge: two duplicate records become one through Attio's merge endpoint, which makes a
// NEW record (a new id), may finish asynchronously (202) and is not idempotent, so a merge whose
// outcome is unknown is never sent again (attio-openapi.json, "Merge two records").
import { unwrap } from "../attio/client";
import { AttioError } from "../attio/errors";
import { compactOneRecord } from "./compact";
import type { AttioRecord } from "./format";
import { ID_ARG, OBJECT_ARG, outputOf } from "./schemas";
import { ToolFailure, ToolInputError, type Tool, type ToolContext } from "./tool";

/** Waits between reads of a merged record that is still being applied (202): about 2 s in all. */
const SETTLE_DELAYS_MS = [250, 500, 1250];

interface MergeArgs {
  object: string;
  primary_record_id: string;
  secondary_record_id: string;
}

const recordsMerge: Tool<MergeArgs> = {
  name: "records_merge",
  title: "Merge duplicate records",
  description:
    "Merges a duplicate into a record: Attio makes a NEW record (new id), the primary's values winning; notes, " +
    "tasks, entries and references move to it; both old ids stop working. Irreversible: confirm first. " +
    'Example: {"object":"companies","primary_record_id":"<id>","secondary_record_id":"<id>"}',
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  inputSchema: {
    type: "object",
    properties: {
      object: OBJECT_ARG,
      primary_record_id: ID_ARG,
      secondary_record_id: ID_ARG,
    },
    required: ["object", "primary_record_id", "secondary_record_id"],
    additionalProperties: false,
  },
  outputSchema: outputOf({
    status: "string",
    record_id: "string",
    replaced: "string[]",
    record: "object?",
    note: "string",
  }),

  async run(ctx, args) {
    const { object, primary_record_id: primary, secondary_record_id: secondary } = args;
    if (primary.toLowerCase() === secondary.toLowerCase())
      throw new ToolInputError("primary_record_id and secondary_record_id are the same record");
    const { id, accepted } = await sendOnce(ctx, args);
    const replaced = [primary, secondary];
    const record = accepted ? await waitForMerge(ctx, object, id) : await readRecord(ctx, object, id);
    if (!record)
      return {
        structured: {
          status: "in_progress",
          record_id: id,
          replaced,
          note:
            `Attio accepted the merge and is still applying it. The merged record is ${id} (a new id; the old ids ` +
            "are gone). Do not merge again; read it in a minute with " +
            `records_get_details {"object":"${object}","record_id":"${id}"}.`,
        },
      };
    return {
      structured: {
        status: "merged",
        record_id: id,
        replaced,
        record: { ...(await compactOneRecord(ctx, object, record)) },
        note: `Merged into a new record, ${id}; the ids ${primary} and ${secondary} no longer exist.`,
      },
    };
  },
};

/**
 * One POST. The client retries only 429s, which Attio did not process (the endpoint allows 5
 * requests/s). A timeout, a dropped connection or a 5xx leaves the outcome unknown: say how to
 * check rather than merging again.
 */
async function sendOnce(ctx: ToolContext, args: MergeArgs): Promise<{ id: string; accepted: boolean }> {
  const { object, primary_record_id, secondary_record_id } = args;
  try {
    const result = await ctx.attio.POST("/v2/objects/{object}/records/merge", {
      params: { path: { object } },
      body: { data: { primary_record_id, secondary_record_id } },
    });
    const body = await unwrap(Promise.resolve(result));
    return { id: body.data.new_record_id, accepted: result.response.status === 202 };
  } catch (error) {
    if (!(error instanceof AttioError)) throw error;
    const p = error.problem;
    const unknown = p.kind !== "http" || p.status >= 500;
    if (!unknown) throw error;
    throw new ToolFailure(
      `The merge's outcome is unknown (${error.message.replace(/ Try again.*$/, "")}). Do NOT call records_merge ` +
        `again yet: first check with records_get_details on ${primary_record_id}. If Attio answers 404 there, ` +
        "the merge happened: find the merged record with records_search.",
    );
  }
}

async function readRecord(ctx: ToolContext, object: string, id: string): Promise<AttioRecord> {
  const found = await unwrap(
    ctx.attio.GET("/v2/objects/{object}/records/{record_id}", { params: { path: { object, record_id: id } } }),
  );
  return found.data;
}

/** Reads until the merged record is readable (404 merge_in_progress until then); undefined if it stays busy. */
async function waitForMerge(ctx: ToolContext, object: string, id: string): Promise<AttioRecord | undefined> {
  for (const delay of SETTLE_DELAYS_MS) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    try {
      return await readRecord(ctx, object, id);
    } catch (error) {
      const busy =
        error instanceof AttioError && error.problem.kind === "http" && error.problem.code === "merge_in_progress";
      if (!busy) throw error;
    }
  }
  return undefined;
}

export const recordMergeTools: Tool[] = [recordsMerge];
