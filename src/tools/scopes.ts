// Which Attio scopes each tool family needs, from each operation's "Required scopes" in
// attio-openapi.json; health-check compares them with what GET /v2/self says was granted.

/** `:read-write` covers `:read` (Attio's scopes come in those two levels). */
function hasScope(granted: ReadonlySet<string>, scope: string): boolean {
  return granted.has(scope) || (scope.endsWith(":read") && granted.has(`${scope}-write`));
}

interface ToolFamily {
  family: string;
  tools: string;
  scopes: readonly string[];
}

/** @internal exported for the README check (test/node/readme-scopes.test.ts) */
export const TOOL_FAMILIES: readonly ToolFamily[] = [
  {
    family: "records (read)",
    tools:
      "records_search, records_get_details, records_query, records_discover_attributes, records_aggregate, " +
      "record_overview, search, fetch",
    scopes: ["record_permission:read", "object_configuration:read"],
  },
  {
    family: "records (write)",
    tools: "create-record, update-record, records_upsert, delete-record, records_merge",
    scopes: ["record_permission:read-write", "object_configuration:read"],
  },
  {
    family: "lists and entries",
    tools: "lists_list, list_entries_*, records_list_entries",
    scopes: ["list_configuration:read", "list_entry:read-write"],
  },
  { family: "notes", tools: "create-note, list-notes, notes_*", scopes: ["note:read-write"] },
  { family: "tasks", tools: "tasks_*", scopes: ["task:read-write", "user_management:read"] },
  { family: "comments", tools: "comments_*", scopes: ["comment:read-write"] },
  { family: "members", tools: "members_list", scopes: ["user_management:read"] },
  {
    family: "meetings",
    tools: "meetings_list, transcripts_get",
    scopes: ["meeting:read", "call_recording:read"],
  },
  { family: "emails", tools: "emails_list", scopes: ["email:read", "record_permission:read"] },
  { family: "object attributes", tools: "attributes_save on objects", scopes: ["object_configuration:read-write"] },
  {
    family: "lists setup",
    tools: "lists_save, attributes_save on lists",
    scopes: ["list_configuration:read-write"],
  },
  { family: "SQL", tools: "sql_query", scopes: ["record_permission:read", "object_configuration:read"] },
];

/** Families some of whose scopes were not granted, naming the missing ones. */
export function uncoveredFamilies(scope: string): { family: string; tools: string; missing: string[] }[] {
  const granted = new Set(scope.split(" ").filter(Boolean));
  return TOOL_FAMILIES.flatMap(({ family, tools, scopes }) => {
    const missing = scopes.filter((s) => !hasScope(granted, s));
    return missing.length > 0 ? [{ family, tools, missing }] : [];
  });
}
