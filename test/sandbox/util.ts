// Small shared helpers: Attio-style timestamps, ids, and paging parameters.
import { randomUUID } from "node:crypto";
import { badRequest } from "./errors";

/** Attio timestamps carry nanosecond precision: 2024-01-15T10:00:00.123000000Z. */
export function attioTime(date: Date = new Date()): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, ".$1000000Z");
}

/** Normalise any parseable date-time to Attio's format, or undefined when unparseable. */
export function normaliseTimestamp(input: string): string | undefined {
  const ms = Date.parse(input.replace(/(\.\d{3})\d+Z$/, "$1Z"));
  return Number.isNaN(ms) ? undefined : attioTime(new Date(ms));
}

export const newId = (): string => randomUUID();

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: unknown): s is string => typeof s === "string" && UUID_RE.test(s);

/** Reads an integer query parameter; Attio answers 400 validation_type on junk. */
export function intParam(query: URLSearchParams, name: string, fallback: number, max?: number): number {
  const raw = query.get(name);
  if (raw === null || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw badRequest(
      "validation_type",
      `Invalid query parameter "${name}": expected a non-negative integer, got "${raw}".`,
    );
  if (max !== undefined && n > max)
    throw badRequest("validation_type", `Invalid query parameter "${name}": must be at most ${max}, got ${n}.`);
  return n;
}

export function page<T>(items: T[], limit: number, offset: number): T[] {
  return items.slice(offset, offset + limit);
}

/** Cursors are opaque to clients; here they encode an offset. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString("base64url");
}

export function decodeCursor(cursor: string | null): number {
  if (cursor === null || cursor === "") return 0;
  const m = /^offset:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!m) throw badRequest("validation_type", `Invalid cursor "${cursor}".`);
  return Number(m[1]);
}

/** One cursor page: data plus Attio's pagination.next_cursor (null on the last page). */
export function cursorPage<T>(items: T[], query: URLSearchParams, defaultLimit: number, maxLimit: number) {
  const limit = intParam(query, "limit", defaultLimit, maxLimit) || defaultLimit;
  const offset = decodeCursor(query.get("cursor"));
  const data = items.slice(offset, offset + limit);
  const next = offset + limit < items.length ? encodeCursor(offset + limit) : null;
  return { data, pagination: { next_cursor: next } };
}

/** Deterministic UUID-shaped id from a key (FNV-1a), so seed configuration ids never change. */
export function stableId(key: string): string {
  let hex = "";
  for (let round = 0; hex.length < 32; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    hex += (h >>> 0).toString(16).padStart(8, "0");
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
