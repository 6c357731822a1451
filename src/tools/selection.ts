// Which tools a deployment offers: READ_ONLY keeps the tools whose readOnlyHint is true, TOOLS
// keeps only the families or names it lists (health-check always stays, to report the mode),
// DISABLED_TOOLS removes families or names. Driven by annotations and families, never a list here.
import { FAMILIES, TOOLS } from "./index";
import type { Tool } from "./tool";

export interface ToolPolicy {
  readOnly: boolean;
  /** Families or tool names to keep; empty keeps all. */
  include: readonly string[];
  /** Families or tool names to remove. */
  exclude: readonly string[];
}

export interface ToolSelection {
  tools: readonly Tool[];
  byName: ReadonlyMap<string, Tool>;
  readOnly: boolean;
  /** Whether TOOLS or DISABLED_TOOLS trimmed the catalogue. */
  trimmed: boolean;
}

export type SelectionResult = { ok: true; selection: ToolSelection } | { ok: false; setting: string; message: string };

/** The tool that reports the mode stays unless DISABLED_TOOLS names it. */
const ALWAYS_INCLUDED = "health-check";

/** Entries are echoed back in errors only when they look like a name (never arbitrary text). */
const NAME_LIKE = /^[a-z0-9_-]{1,40}$/;

const cache = new Map<string, SelectionResult>();

export function selectTools(policy: ToolPolicy): SelectionResult {
  const key = JSON.stringify(policy);
  let result = cache.get(key);
  if (!result) {
    result = compute(policy);
    if (cache.size > 16) cache.clear();
    cache.set(key, result);
  }
  return result;
}

function compute(policy: ToolPolicy): SelectionResult {
  const include = expand(policy.include, "TOOLS");
  if (!include.ok) return include;
  const exclude = expand(policy.exclude, "DISABLED_TOOLS");
  if (!exclude.ok) return exclude;
  const tools = TOOLS.filter((tool) => {
    if (exclude.names.has(tool.name)) return false;
    if (policy.readOnly && tool.annotations.readOnlyHint !== true) return false;
    return include.names.size === 0 || include.names.has(tool.name) || tool.name === ALWAYS_INCLUDED;
  });
  const selection: ToolSelection = {
    tools,
    byName: new Map(tools.map((tool) => [tool.name, tool])),
    readOnly: policy.readOnly,
    trimmed: policy.include.length > 0 || policy.exclude.length > 0,
  };
  return { ok: true, selection };
}

function expand(
  entries: readonly string[],
  setting: string,
): { ok: true; names: Set<string> } | { ok: false; setting: string; message: string } {
  const names = new Set<string>();
  for (const entry of entries) {
    const family = FAMILIES[entry];
    if (family) for (const tool of family) names.add(tool.name);
    else if (TOOLS.some((tool) => tool.name === entry)) names.add(entry);
    else {
      const shown = NAME_LIKE.test(entry) ? `"${entry}"` : "an entry";
      return {
        ok: false,
        setting,
        message:
          `${setting} lists ${shown}, which is neither a tool name nor a family; ` +
          `families are ${Object.keys(FAMILIES).join(", ")} (tool names: see README "Tools")`,
      };
    }
  }
  return { ok: true, names };
}
