// Shared by the tools that shape the workspace (attributes_save, lists_save): they need
// configuration scopes the app may not have, and derive API slugs from titles.
import { AttioError } from "../attio/errors";
import { ToolFailure } from "./tool";

export type ConfigurationScope = "object_configuration:read-write" | "list_configuration:read-write";

/** Runs `write`; a 403 from Attio is rethrown as a ToolFailure naming `scope`. */
export async function needingScope<T>(scope: ConfigurationScope, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof AttioError && error.problem.kind === "http" && error.problem.status === 403)
      throw new ToolFailure(
        `Attio refused to change the workspace (${error.problem.message}) This needs the Attio app's ` +
          `\`${scope}\` scope: a workspace admin adds it to the app at build.attio.com, then sign in again.`,
      );
    throw error;
  }
}

/** "Renewal date" → renewal_date: Attio's API slugs are lowercase with underscores. */
export function slugFrom(title: string, prefix: string): string {
  const slug = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return /^[a-z]/.test(slug) ? slug : `${prefix}_${slug}`;
}
