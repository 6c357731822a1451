// Read-only by construction: sql_query sends Attio a single SELECT (or WITH … SELECT) and
// nothing else. The text is scanned outside string literals and quoted identifiers; comments,
// dollar quoting, a second statement and any writing keyword are refused before any request.

/** Keywords that write, lock or change settings in PostgreSQL-style SQL (SELECT … INTO creates a table). */
const WRITING = new Set([
  "insert",
  "update",
  "delete",
  "merge",
  "upsert",
  "truncate",
  "drop",
  "alter",
  "create",
  "grant",
  "revoke",
  "copy",
  "call",
  "execute",
  "prepare",
  "vacuum",
  "lock",
  "into",
  "attach",
  "detach",
  "pragma",
  "refresh",
  "reindex",
  "cluster",
  "listen",
  "notify",
]);
/** Functions with side effects that a SELECT could call. */
const SIDE_EFFECTS = new Set(["set_config", "nextval", "setval", "lo_import", "lo_export", "dblink", "dblink_exec"]);

/** Null when `sql` is one read-only query; else why it is refused, in words a model can act on. */
export function refuseUnlessReadOnly(sql: string): string | null {
  let bare = "";
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === "'" || c === '"') {
      // E'…' strings take backslash escapes; others escape a quote by doubling it.
      const backslashes = c === "'" && /(^|[^A-Za-z0-9_])[eE]$/.test(sql.slice(0, i));
      let j = i + 1;
      for (; j < sql.length; j++) {
        if (backslashes && sql[j] === "\\") j++;
        else if (sql[j] === c) {
          if (sql[j + 1] === c) j++;
          else break;
        }
      }
      if (j >= sql.length) return `a ${c === "'" ? "string literal" : "quoted name"} is not closed`;
      bare += " ";
      i = j;
    } else if ((c === "-" && next === "-") || (c === "/" && next === "*")) {
      return "comments (-- or /* */) are not accepted; remove them";
    } else if (c === "$" && /^\$[A-Za-z_]*\$/.test(sql.slice(i)) && !/[A-Za-z0-9_]$/.test(sql.slice(0, i))) {
      return "dollar-quoted strings ($$ … $$) are not accepted; use '…' literals";
    } else if (c === ";") {
      if (sql.slice(i + 1).trim() !== "") return "only one statement is allowed (found text after a ;)";
      break;
    } else {
      bare += c;
    }
  }
  const words = bare.toLowerCase().match(/[a-z_][a-z0-9_$]*/g) ?? [];
  if (words[0] !== "select" && words[0] !== "with") return "the query must start with SELECT or WITH";
  const writing = words.find((w) => WRITING.has(w));
  if (writing) return `"${writing.toUpperCase()}" is not allowed: only reading queries are run`;
  const effect = words.find((w) => SIDE_EFFECTS.has(w));
  if (effect) return `the function ${effect}() is not allowed: it has side effects`;
  return null;
}
