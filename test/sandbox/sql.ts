// POST /v2/sql: real SQL (SQLite compiled to WASM, sql.js, a dev dependency of the sandbox only)
// over a database loaded from the workspace's own records and entries on each request: one table
// per object in schema `objects` and per list in schema `lists`, a column per attribute. Attio's
// answers: 403 billing_error off Enterprise, 400 filter_error for a bad or non-SELECT query, and
// a timeout error past the time budget (30 s at Attio; shorter through the control API).
import initSqlJs, { type Database, type SqlJsStatic, type SqlValue } from "sql.js";
import { type Handler, requireScopes } from "./context";
import { AttioError, badRequest } from "./errors";
import { currentValues, entriesOf, recordsOf } from "./model";
import type { AttributeDef, StoredValue, ValueMap, Workspace } from "./types";

const SQL_TIMEOUT_MS = 30_000;
let timeoutMs = SQL_TIMEOUT_MS;

/** Control API: a short budget lets a test see the timeout answer without waiting 30 s. */
export function setSqlTimeout(ms: number | undefined): void {
  timeoutMs = ms ?? SQL_TIMEOUT_MS;
}

let engine: Promise<SqlJsStatic> | undefined;

/** One scalar per stored value, as a model would query it (titles, addresses, amounts). */
function flatten(v: StoredValue): SqlValue {
  switch (v.attribute_type) {
    case "currency":
      return v.currency_value as number;
    case "status":
      return (v.status as { title: string }).title;
    case "select":
      return (v.option as { title: string }).title;
    case "record-reference":
      return v.target_record_id as string;
    case "actor-reference":
      return JSON.stringify({ type: v.referenced_actor_type, id: v.referenced_actor_id });
    case "location": {
      const { attribute_type: _t, active_from: _f, active_until: _u, created_by_actor: _c, ...fields } = v;
      return JSON.stringify(fields);
    }
    case "domain":
      return v.domain as string;
    case "email-address":
      return v.email_address as string;
    case "phone-number":
      return v.original_phone_number as string;
    case "interaction":
      return v.interacted_at as string;
    case "personal-name":
      return v.full_name as string;
    case "checkbox":
      return v.value ? 1 : 0;
    default:
      return v.value as SqlValue;
  }
}

function cell(values: ValueMap, attr: AttributeDef): SqlValue {
  const current = currentValues(values, attr.api_slug);
  if (attr.is_multiselect) return JSON.stringify(current.map(flatten));
  return current[0] ? flatten(current[0]) : null;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function createTable(db: Database, table: string, attrs: AttributeDef[], rows: [string[], ValueMap][]): void {
  const live = attrs.filter((a) => !a.is_archived);
  const head = table.startsWith("lists.") ? ["entry_id", "parent_record_id"] : [];
  const columns = [...head, ...live.map((a) => a.api_slug).filter((slug) => !head.includes(slug))];
  const [schema, name] = table.split(".") as [string, string];
  db.run(`CREATE TABLE ${schema}.${quote(name)} (${columns.map(quote).join(", ")})`);
  const insert = db.prepare(`INSERT INTO ${schema}.${quote(name)} VALUES (${columns.map(() => "?").join(", ")})`);
  for (const [ids, values] of rows)
    insert.run([...ids, ...live.filter((a) => !head.includes(a.api_slug)).map((a) => cell(values, a))]);
  insert.free();
}

function load(SQL: SqlJsStatic, ws: Workspace): Database {
  const db = new SQL.Database();
  db.run("ATTACH ':memory:' AS objects; ATTACH ':memory:' AS lists;");
  for (const obj of ws.objects)
    createTable(
      db,
      `objects.${obj.api_slug}`,
      obj.attributes,
      recordsOf(ws, obj).map((r) => [[], r.values]),
    );
  for (const list of ws.lists)
    createTable(
      db,
      `lists.${list.api_slug}`,
      list.attributes,
      entriesOf(ws, list).map((e) => [[e.id, e.parent_record_id], e.values]),
    );
  return db;
}

/** JSON held in a text column (multi-value attributes, actors, locations) goes back as JSON. */
function revive(value: SqlValue): unknown {
  if (typeof value !== "string" || !/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export const querySql: Handler = async (ctx) => {
  const { ws, body } = ctx;
  requireScopes(ctx, "record_permission:read", "object_configuration:read");
  if (ws.info.plan !== "enterprise")
    throw new AttioError(
      403,
      "auth_error",
      "billing_error",
      "SQL queries are only available on the Enterprise plan. Please upgrade or contact sales.",
    );
  const sql = String(body.sql);
  if (!/^\s*\(*\s*(select|with)\b/i.test(sql))
    throw badRequest("filter_error", "Only read-only SELECT queries are supported.");
  engine ??= initSqlJs();
  const db = load(await engine, ws);
  const started = Date.now();
  try {
    const statement = db.prepare(sql);
    const rows: Record<string, unknown>[] = [];
    while (statement.step()) {
      if (Date.now() - started > timeoutMs) throw timedOut();
      const row = statement.getAsObject();
      rows.push(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, revive(v)])));
    }
    statement.free();
    if (Date.now() - started > timeoutMs) throw timedOut();
    return { data: { rows } };
  } catch (error) {
    if (error instanceof AttioError) throw error;
    throw badRequest("filter_error", `SQL syntax error: ${(error as Error).message}.`);
  } finally {
    db.close();
  }
};

function timedOut(): AttioError {
  return new AttioError(
    400,
    "invalid_request_error",
    "query_timeout",
    `The query did not finish within ${Math.round(timeoutMs / 1000)} seconds.`,
  );
}
