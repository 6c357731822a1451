// The pipeline board: a list's entries in one column per stage, each column with its count and
// value total, each card named after its parent record; moving a card calls list_entries_update.
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
  if (result.isError || !s) return show(el("p", { class: "err" }, firstText(result) || "No list to show."));
  const first = (s.entries || [])[0];
  const list = (s.scope && s.scope.list) || state.args.list || (first && first.list);
  if (!list) return show(el("p", { class: "muted" }, "This result names no list to show as a board."));
  try {
    const attributes = (await callTool("records_discover_attributes", { list: list })).attributes || [];
    const wanted = s.group_by || state.args.group_by;
    const stage = attributes.find(function (a) { return a.slug === wanted; }) ||
      attributes.find(function (a) { return a.type === "status"; }) ||
      attributes.find(function (a) { return a.type === "select" && !a.multiselect; });
    if (!stage) return show(el("p", { class: "muted" }, "This list has no status or select attribute to make columns from."));
    const value = attributes.find(function (a) { return a.type === "currency"; });
    let entries = s.entries, more = s.has_more;
    if (!entries) {
      const args = { list: list, limit: 100 };
      if (state.args.filter) args.filter = state.args.filter;
      const found = await callTool("list_entries_query", args);
      entries = found.entries || [];
      more = found.has_more;
    }
    board = { list: list, slug: stage.slug, stages: (stage.options || []).slice(), value: value && value.slug,
      entries: entries, more: more, names: await parentNames(entries), totals: {} };
    for (const e of entries) if (board.stages.indexOf(stageOf(e)) < 0) board.stages.push(stageOf(e));
    for (const g of s.groups || []) board.totals[g.group === null ? "" : g.group] = { count: g.count, sum: g.sum };
    if (!s.groups) for (const e of entries) add(stageOf(e), e, 1);
    draw();
  } catch (e) { show(el("p", { class: "err" }, e.message)); }
}
function stageOf(e) { const v = e.values && e.values[board ? board.slug : ""]; return v === undefined ? "" : show1(v); }
function amountOf(e) { const v = board.value && e.values[board.value]; return v && typeof v === "object" ? v : typeof v === "number" ? { amount: v } : null; }
function add(stage, e, sign) {
  const t = board.totals[stage] || (board.totals[stage] = { count: 0, sum: undefined });
  t.count += sign;
  const a = amountOf(e);
  if (!a) return;
  if (a.currency) { t.sum = typeof t.sum === "object" && t.sum ? t.sum : {}; t.sum[a.currency] = (t.sum[a.currency] || 0) + sign * a.amount; }
  else t.sum = (typeof t.sum === "number" ? t.sum : 0) + sign * a.amount;
}
function sumText(sum) {
  if (typeof sum === "number") return number(sum);
  if (!sum || typeof sum !== "object") return "";
  return Object.keys(sum).map(function (c) { return money(sum[c], c); }).join(" + ");
}
function parentOf(e) { return e.parent || { object: e.parent_object, id: e.parent_record_id, name: e.parent_name }; }
async function parentNames(entries) {
  const names = {}, byObject = {};
  for (const e of entries) {
    const p = parentOf(e);
    if (p.name) names[p.id] = p.name;
    else (byObject[p.object] = byObject[p.object] || []).push(p.id);
  }
  // Entries that do not name their parent: one records_query per object names them all.
  await Promise.all(Object.keys(byObject).map(async function (object) {
    const ids = byObject[object];
    try {
      const found = await callTool("records_query", { object: object, filter: { record_id: { $in: ids } }, limit: ids.length, fields: ["name"] });
      for (const r of found.records || []) names[r.id] = show1(r.values && r.values.name) || names[r.id];
    } catch (e) { /* the card falls back to the record's id */ }
  }));
  return names;
}
function draw() {
  const head = el("div", { class: "head" }, [el("h1", null, label(board.list)),
    el("span", { class: "muted" }, board.entries.length + " entries" + (board.more ? " shown (more in Attio)" : ""))]);
  const columns = board.stages.map(function (stage) {
    const t = board.totals[stage] || { count: 0 };
    const col = el("div", { class: "col", "data-stage": stage,
      ondragover: function (ev) { ev.preventDefault(); col.classList.add("over"); },
      ondragleave: function () { col.classList.remove("over"); },
      ondrop: function (ev) { ev.preventDefault(); col.classList.remove("over"); const e = find(ev.dataTransfer.getData("text/plain")); if (e) move(e, stage); } }, [
      el("h2", null, [el("span", null, stage || "No stage"), el("span", { class: "tag" }, String(t.count))]),
      el("div", { class: "total" }, sumText(t.sum) || "\u00a0"),
    ]);
    for (const e of board.entries) if (stageOf(e) === stage) col.append(cardOf(e));
    return col;
  });
  show(el("div", null, [head, el("div", { class: "board" }, columns)]));
}
function find(id) { return board.entries.find(function (e) { return e.id === id; }); }
function cardOf(e) {
  const name = board.names[parentOf(e).id] || parentOf(e).id;
  const a = amountOf(e);
  const select = el("select", { "aria-label": "Move " + name + " to stage", onchange: function () { move(e, select.value); } },
    board.stages.filter(Boolean).map(function (s) { return el("option", { value: s, selected: s === stageOf(e) }, s); }));
  return el("div", { class: "card" + (e.saving ? " saving" : ""), draggable: "true", "data-entry": e.id,
    ondragstart: function (ev) { ev.dataTransfer.setData("text/plain", e.id); } }, [
    el("div", null, link(e.url, name)),
    a ? el("div", { class: "muted" }, a.currency ? money(a.amount, a.currency) : number(a.amount)) : null,
    e.error ? el("div", { class: "err" }, e.error) : null,
    select,
  ]);
}
async function move(e, stage) {
  const from = stageOf(e);
  if (stage === from || e.saving) return;
  const values = {};
  values[board.slug] = stage;
  e.saving = true; e.error = ""; add(from, e, -1); e.values[board.slug] = stage; add(stage, e, 1); draw();
  try { await callTool("list_entries_update", { list: board.list, entry_id: e.id, values: values }); }
  catch (err) { add(stage, e, -1); e.values[board.slug] = from; add(from, e, 1); e.error = err.message; }
  e.saving = false; draw();
}
start("attio-pipeline-board", state, render);
`;

export const BOARD_PAGE = page(
  "Attio pipeline",
  STYLE,
  '<main id="app"><p class="muted">Loading the board…</p></main>',
  SCRIPT,
);
