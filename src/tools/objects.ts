// objects_list: the workspace's objects (standard and custom), for slugs to use everywhere else.
import type { components } from "../../generated/attio";
import { unwrap } from "../attio/client";
import { defined } from "./format";
import { wholeList } from "./paging";
import { pageSchema } from "./schemas";
import { READ_ONLY, type Tool } from "./tool";

type AttioObject = components["schemas"]["object"];

function compactObject(object: AttioObject) {
  return defined({
    id: object.id.object_id,
    slug: object.api_slug ?? object.id.object_id,
    singular: object.singular_noun,
    plural: object.plural_noun,
  });
}

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
    // Not paginated by Attio: GET /v2/objects takes no limit or offset (attio-openapi.json), and small.
    const listed = await unwrap(ctx.attio.GET("/v2/objects"));
    const objects = listed.data.map(compactObject);
    return { structured: wholeList("objects", objects, "ask the user which object they mean") };
  },
};

export const objectTools: Tool[] = [objectsList];
