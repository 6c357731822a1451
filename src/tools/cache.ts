// Short-lived per-isolate memo for workspace metadata (attributes, objects). Keys always start
// with the workspace id, so nothing cached for one workspace is ever served to another.
import type { ToolContext } from "./tool";

/** Metadata changes rarely; a minute bounds staleness after an admin edits it. */
const CACHE_TTL_MS = 60_000;
const MAX_ENTRIES = 200;
const entries = new Map<string, { at: number; value: Promise<unknown> }>();

/** Loads once per key per TTL; a failed load is forgotten so the next call retries. */
export function memo<T>(ctx: ToolContext, parts: readonly string[], load: () => Promise<T>): Promise<T> {
  const key = [ctx.workspaceId, ...parts].join("\u0000");
  const hit = entries.get(key);
  if (hit && Date.now() - hit.at < CACHE_TTL_MS) return hit.value as Promise<T>;
  const value = load();
  entries.delete(key);
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, { at: Date.now(), value });
  value.catch(() => entries.delete(key));
  return value;
}

/** Stores a value already loaded under another key (e.g. an object's id beside its slug). */
export function remember<T>(ctx: ToolContext, parts: readonly string[], value: T): void {
  const key = [ctx.workspaceId, ...parts].join("\u0000");
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, { at: Date.now(), value: Promise.resolve(value) });
}

/**
 * Drops every key that starts with `parts`, after a write changed what they hold: one object's
 * metadata may be cached under its slug and its id (attributes_save forgets both).
 */
export function forget(ctx: ToolContext, parts: readonly string[]): void {
  const prefix = [ctx.workspaceId, ...parts].join("\u0000");
  for (const key of [...entries.keys()]) if (key === prefix || key.startsWith(`${prefix}\u0000`)) entries.delete(key);
}

/**
 * Empties the memo, so request counts in tests and benchmarks do not depend on their order.
 * @internal exported for tests (knip --production ignores it)
 */
export function forgetAll(): void {
  entries.clear();
}
