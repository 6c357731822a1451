// Every tool a reader is told about exists: the names in the server's `instructions` (read by the
// model on every session) and in README's tool table (read by whoever deploys it).
import { describe, expect, it } from "vitest";
import README from "../../README.md?raw";
import { INSTRUCTIONS } from "../../src/mcp/server";
import { TOOLS } from "../../src/tools/index";

const NAMES = new Set(TOOLS.map((tool) => tool.name));

/**
 * Fields, filter operators and sub-fields the instructions mention (they explain the conventions
 * once, issue 8); every other snake_case or kebab-case word is a tool.
 */
const FIELDS = new Set([
  "next_offset",
  "next_cursor",
  "dry_run",
  "starts_with",
  "ends_with",
  "not_empty",
  "sub-fields",
  "email_addresses",
  "email_domain",
  "target_record_id",
]);

/** "list_entries_query/add/remove" names list_entries_query, list_entries_add and list_entries_remove. */
function namesIn(text: string): string[] {
  const words = text.match(/\b[a-z]+(?:[_-][a-z]+)+(?:\/[a-z]+)*/g) ?? [];
  return words.flatMap((word) => {
    const [first = "", ...verbs] = word.split("/");
    const stem = first.slice(0, first.lastIndexOf("_") + 1);
    return [first, ...verbs.map((verb) => stem + verb)];
  });
}

/** First-column names of the first table under README's "## Tools" heading (the next one lists ui:// views). */
function readmeToolNames(readme: string): string[] {
  const section = readme.split(/^## Tools\s*$/m)[1] ?? "";
  const table = section.trimStart().split(/\n(?!\|)/)[0] ?? "";
  return [...table.matchAll(/^\| `([^`]+)`/gm)].map((match) => match[1] as string);
}

describe("tools named in the docs", () => {
  it("reads the names the instructions abbreviate", () => {
    expect(namesIn("Lists: lists_list, list_entries_query/add. Notes: create-note.")).toEqual([
      "lists_list",
      "list_entries_query",
      "list_entries_add",
      "create-note",
    ]);
  });

  it("every tool the instructions name exists", () => {
    const named = namesIn(INSTRUCTIONS).filter((name) => !FIELDS.has(name));
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((name) => !NAMES.has(name))).toEqual([]);
  });

  it("every tool in README's tool table exists", () => {
    const listed = readmeToolNames(README);
    expect(listed.length).toBeGreaterThan(10);
    expect(listed.filter((name) => !NAMES.has(name))).toEqual([]);
  });
});
