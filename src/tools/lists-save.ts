// lists_save: create a list (name, parent object, workspace access) or change one (name, slug,
// access). Changes the workspace for everyone; needs list_configuration:read-write.
import { unwrap } from "../attio/client";
import { forget } from "./cache";
import { compactList } from "./lists";
import { outputOf } from "./schemas";
import { ToolInputError, type Tool } from "./tool";
import { needingScope, slugFrom } from "./workspace-shape";

const ACCESS = ["full-access", "read-and-write", "read-only"] as const;

interface SaveArgs {
  list?: string;
  name?: string;
  api_slug?: string;
  parent_object?: string;
  access?: (typeof ACCESS)[number];
}

const listsSave: Tool<SaveArgs> = {
  name: "lists_save",
  title: "Create or change a list",
  description:
    "Creates a list (pipeline) of one object's records, or renames the one `list` names or changes its access. " +
    "Changes the workspace for everyone: confirm first. " +
    'Example: {"name":"Hiring","parent_object":"people","access":"read-and-write"}',
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  inputSchema: {
    type: "object",
    properties: {
      list: { type: "string", description: "Slug to change" },
      name: { type: "string", minLength: 1 },
      api_slug: { type: "string", pattern: "^[a-z][a-z0-9_]*$" },
      parent_object: { type: "string", minLength: 1 },
      access: { type: "string", enum: [...ACCESS] },
    },
    additionalProperties: false,
  },
  outputSchema: outputOf({ list: "object", created: "boolean", written: "string[]" }),

  async run(ctx, args) {
    const saved = await needingScope("list_configuration:read-write", async () => {
      if (args.list === undefined) {
        if (!args.name || !args.parent_object)
          throw new ToolInputError('a new list needs "name" and "parent_object"; to change one, name it in "list"');
        const created = await unwrap(
          ctx.attio.POST("/v2/lists", {
            body: {
              data: {
                name: args.name,
                api_slug: args.api_slug ?? slugFrom(args.name, "list"),
                parent_object: args.parent_object,
                workspace_access: args.access ?? "full-access",
                workspace_member_access: [],
              },
            },
          }),
        );
        return {
          structured: { list: compactList(created.data), created: true, written: ["name", "parent_object", "access"] },
        };
      }
      if (args.parent_object) throw new ToolInputError("a list's parent object cannot change");
      const data = {
        ...(args.name !== undefined ? { name: args.name } : {}),
        ...(args.api_slug !== undefined ? { api_slug: args.api_slug } : {}),
        ...(args.access !== undefined ? { workspace_access: args.access } : {}),
      };
      if (Object.keys(data).length === 0) throw new ToolInputError("nothing to change: give name, api_slug or access");
      const updated = await unwrap(
        ctx.attio.PATCH("/v2/lists/{list}", { params: { path: { list: args.list } }, body: { data } }),
      );
      const written = Object.keys(data).map((key) => (key === "workspace_access" ? "access" : key));
      return { structured: { list: compactList(updated.data), created: false, written } };
    });
    // record_overview names lists from a per-workspace directory; a new or renamed list must show at once.
    forget(ctx, ["lists"]);
    return saved;
  },
};

export const listSaveTools: Tool[] = [listsSave];
