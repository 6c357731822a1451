// objects_list: the workspace's objects (standard and custom), for slugs to use everywhere else.
import type { components } from "../../generated/attio";
import { unwrap } from "../attio/client";
import { defined } from "./format";
import { wholeList } from "./paging";
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
    "Lists the workspace's objects (companies, people, deals and any custom objects) with their slugs, which " +
    "the record tools take as `object`. Use it when unsure which objects exist. Example: {}",
  annotations: READ_ONLY,
  inputSchema: { type: "object", properties: {}, additionalProperties: false },
  outputSchema: {
    type: "object",
    properties: {
      objects: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: { type: "string" },
            slug: { type: "string" },
            singular: { type: "string" },
            plural: { type: "string" },
          },
          required: ["id", "slug"],
        },
      },
      count: { type: "integer" },
      truncated: { type: "boolean" },
      note: { type: "string" },
    },
    required: ["objects", "count"],
  },
  async run(ctx) {
    // Not paginated by Attio: GET /v2/objects takes no limit or offset (attio-openapi.json), and small.
    const listed = await unwrap(ctx.attio.GET("/v2/objects"));
    const objects = listed.data.map(compactObject);
    return { structured: wholeList("objects", objects, "ask the user which object they mean") };
  },
};

export const objectTools: Tool[] = [objectsList];
