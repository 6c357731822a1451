// objects_list: the workspace's objects (standard and custom), for slugs to use everywhere else.
import { unwrap } from "../attio/client";
import { compactObject } from "./format-activity";
import { wholeList } from "./paging";
import { pageSchema } from "./schemas";
import { READ_ONLY, type Tool } from "./tool";

const objectsList: Tool<Record<string, never>> = {
  name: "objects_list",
  title: "List objects",
  description:
    "Lists the workspace's objects (companies, people, deals, custom ones) with the slugs tools take as object. " +
    "Example: {}",
  annotations: READ_ONLY,
  inputSchema: { type: "object", properties: {}, additionalProperties: false },
  outputSchema: pageSchema("objects", "whole"),
  async run(ctx) {
    // Not paginated by Attio (attio-api.md "Pagination"), and small.
    const listed = await unwrap(ctx.attio.GET("/v2/objects"));
    const objects = listed.data.map(compactObject);
    return { structured: wholeList("objects", objects, "ask the user which object they mean") };
  },
};

export const objectTools: Tool[] = [objectsList];
