// The pipeline board: a list's entries (or an object's records) in one column per stage, each
// column with its count and value total, each card named after its record; moving a card calls
// list_entries_update (or update-record) through the host.
import { page } from "./shared";

const STYLE = String.raw`
.board{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(120px,1fr);gap:10px;overflow-x:auto;padding-bottom:4px}
.col{background:var(--color-background-secondary);border-radius:var(--border-radius-md);padding:8px;min-height:80px}
.col.over{outline:2px dashed var(--color-text-info)}
.col h2{margin:0 0 2px;display:flex;justify-content:space-between;gap:6px}
.total{font-size:12px;color:var(--color-text-secondary);margin-bottom:6px}
.card{background:var(--color-background-primary);border:1px solid var(--color-border-primary);
border-radius:6px;padding:6px 8px;margin-top:6px;cursor:grab}
.card.saving{opacity:.6}.card select{margin-top:4px;max-width:100%}
.head{display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline;margin-bottom:10px}
@media (max-width:520px){.board{grid-auto-flow:row;grid-auto-columns:auto}}
`;

const SCRIPT = String.raw`
const state = { args: {} };
let board;
async function render(result) {
  const s = result.structuredContent;
  if (result.isError || !s) return show(el("p", { class: "err" }, firstText(result) || "Nothing to show."));
  const scope = scopeOf(s);
  if (!scope) return show(el("p", { class: "muted" }, "This result names no list or object to show as a board."));
  const where = scope.list ? { list: scope.list } : { object: scope.object };
  try {
    const attributes = (await callTool("records_discover_attributes", where)).attributes || [];
    const wanted = s.group_by || state.args.group_by;
    const stage = attributes.find(function (a) { return a.slug === wanted; }) ||
      attributes.find(function (a) { return a.type === "status"; }) ||
      attributes.find(function (a) { return a.type === "select" && !a.multiselect; });
    if (!stage) return show(el("p", { class: "muted" }, "There is no status or select attribute to make columns from."));
    const measure = s.measure || state.args.measure;
    const value = attributes.find(function (a) { return a.slug === measure; }) ||
      attributes.find(function (a) { return a.type === "currency"; });
    let rows = scope.list ? s.entries : s.records, more = s.has_more;
    if (!rows) {
      const args = Object.assign({ limit: 100 }, where);
      if (state.args.filter) args.filter = state.args.filter;
      const found = await callTool(scope.list ? "list_entries_query" : "records_query", args);
      rows = (scope.list ? found.entries : found.records) || [];
      more = found.has_more;
    }
    const items = rows.map(function (r) { return itemOf(r, scope); });
    // Cards move only between a status's or a select's options; other groupings (an owner) are for reading.
    const movable = stage.type === "status" || stage.type === "select";
    board = { scope: scope, slug: stage.slug, stages: (stage.options || []).slice(), value: value && value.slug,
      items: items, more: more, totals: {}, movable: movable };
    await nameParents(items);
    for (const i of items) if (board.stages.indexOf(stageOf(i)) < 0) board.stages.push(stageOf(i));
    for (const g of s.groups || []) if (s.group_by === stage.slug && board.stages.indexOf(g.group || "") < 0) board.stages.push(g.group || "");
    // records_aggregate's groups count every row (not only the cards loaded here) when grouped by this attribute.
    const counted = s.groups && s.group_by === stage.slug;
    if (counted) for (const g of s.groups) board.totals[g.group === null ? "" : g.group] = { count: g.count, sum: g.sum };
    else for (const i of items) add(stageOf(i), i, 1);
    draw();
  } catch (e) { show(el("p", { class: "err" }, e.message)); }
}
function scopeOf(s) {
  if (s.scope && (s.scope.list || s.scope.object)) return s.scope;
  const first = (s.entries || [])[0];
  if (state.args.list || first) return { list: state.args.list || first.list };
  if (state.args.object) return { object: state.args.object };
  return null;
}
/** A card: a list entry (named after its parent record) or a record (named after itself). */
function itemOf(r, scope) {
  if (!scope.list) return { id: r.id, url: r.url, name: show1(r.values && r.values.name), values: r.values || {} };
  const parent = r.parent || { object: r.parent_object, id: r.parent_record_id };
  return { id: r.id, url: r.url, name: parent.name, parent: parent, values: r.values || {} };
}
async function nameParents(items) {
  const byObject = {};
  for (const i of items) if (!i.name && i.parent) (byObject[i.parent.object] = byObject[i.parent.object] || []).push(i);
  // Entries that do not name their parent: one records_query per object names them all.
  await Promise.all(Object.keys(byObject).map(async function (object) {
    const waiting = byObject[object], ids = waiting.map(function (i) { return i.parent.id; });
    try {
      const found = await callTool("records_query", { object: object, filter: { record_id: { $in: ids } }, limit: ids.length, fields: ["name"] });
      const names = {};
      for (const r of found.records || []) names[r.id] = show1(r.values && r.values.name);
      for (const i of waiting) i.name = names[i.parent.id];
    } catch (e) { /* the card falls back to the record's id */ }
  }));
}
function stageOf(i) { const v = i.values[board.slug]; return v === undefined ? "" : show1(v); }
function amountOf(i) { const v = board.value && i.values[board.value]; return v && typeof v === "object" ? v : typeof v === "number" ? { amount: v } : null; }
function add(stage, i, sign) {
  const t = board.totals[stage] || (board.totals[stage] = { count: 0, sum: undefined });
  t.count += sign;
  const a = amountOf(i);
  if (!a) return;
  if (a.currency) { t.sum = typeof t.sum === "object" && t.sum ? t.sum : {}; t.sum[a.currency] = (t.sum[a.currency] || 0) + sign * a.amount; }
  else t.sum = (typeof t.sum === "number" ? t.sum : 0) + sign * a.amount;
}
function sumText(sum) {
  if (typeof sum === "number") return number(sum);
  if (!sum || typeof sum !== "object") return "";
  return Object.keys(sum).map(function (c) { return money(sum[c], c); }).join(" + ");
}
function draw() {
  const b = board, noun = b.scope.list ? " entries" : " records";
  const head = el("div", { class: "head" }, [el("h1", null, label(b.scope.list || b.scope.object)),
    el("span", { class: "muted" }, b.items.length + noun + (b.more ? " shown (more in Attio)" : ""))]);
  const columns = b.stages.map(function (stage) {
    const t = b.totals[stage] || { count: 0 };
    const col = el("div", { class: "col", "data-stage": stage,
      ondragover: function (ev) { if (board.movable) { ev.preventDefault(); col.classList.add("over"); } },
      ondragleave: function () { col.classList.remove("over"); },
      ondrop: function (ev) {
        ev.preventDefault(); col.classList.remove("over");
        const i = b.items.find(function (x) { return x.id === ev.dataTransfer.getData("text/plain"); });
        if (i) move(i, stage);
      } }, [
      el("h2", null, [el("span", null, stage || "No stage"), el("span", { class: "tag" }, String(t.count))]),
      el("div", { class: "total" }, (t.count > 0 && sumText(t.sum)) || "\u00a0"),
    ]);
    for (const i of b.items) if (stageOf(i) === stage) col.append(cardOf(i));
    return col;
  });
  show(el("div", null, [head, el("div", { class: "board" }, columns)]));
}
function cardOf(i) {
  const name = i.name || (i.parent ? i.parent.id : i.id), a = amountOf(i);
  const select = board.movable && el("select", { "aria-label": "Move " + name + " to stage", onchange: function () { move(i, select.value); } },
    board.stages.filter(Boolean).map(function (s) { return el("option", { value: s, selected: s === stageOf(i) }, s); }));
  return el("div", { class: "card" + (i.saving ? " saving" : ""), draggable: board.movable ? "true" : null, "data-id": i.id,
    ondragstart: function (ev) { ev.dataTransfer.setData("text/plain", i.id); } }, [
    el("div", null, link(i.url, name)),
    a ? el("div", { class: "muted" }, a.currency ? money(a.amount, a.currency) : number(a.amount)) : null,
    i.error ? el("div", { class: "err" }, i.error) : null,
    select,
  ]);
}
/** The write goes through the host like any tool call, so its confirmation rules apply. */
async function move(i, stage) {
  const from = stageOf(i), values = {}, scope = board.scope;
  if (stage === from || i.saving) return;
  values[board.slug] = stage;
  i.saving = true; i.error = ""; add(from, i, -1); i.values[board.slug] = stage; add(stage, i, 1); draw();
  try {
    if (scope.list) await callTool("list_entries_update", { list: scope.list, entry_id: i.id, values: values });
    else await callTool("update-record", { object: scope.object, record_id: i.id, values: values });
    tellModel("In the board, the user moved " + (i.name || i.id) + " from " + (from || "no stage") + " to " + stage +
      " (" + board.slug + " in " + (scope.list || scope.object) + ").");
  } catch (err) { add(stage, i, -1); i.values[board.slug] = from; add(from, i, 1); i.error = err.message; }
  i.saving = false; draw();
}
start("attio-pipeline-board", state, render);
`;

export const BOARD_PAGE = page(
  "Attio pipeline",
  STYLE,
  '<main id="app"><p class="muted">Loading the board…</p></main>',
  SCRIPT,
);
