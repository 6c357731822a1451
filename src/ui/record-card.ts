// The record card: one record at a glance (record_overview's result, or records_get_details'),
// with links into Attio, related records to open in place, and "Complete" on open tasks.
import { page } from "./shared";

const STYLE = String.raw`
header{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 8px}
dl{display:grid;grid-template-columns:minmax(90px,max-content) 1fr;gap:2px 12px;margin:10px 0 0}
dt{color:var(--color-text-secondary)}dd{margin:0}
ul{list-style:none;margin:0;padding:0}li{padding:5px 0;border-top:1px solid var(--color-border-primary)}
li:first-child{border-top:0}.chips{display:flex;flex-wrap:wrap;gap:6px}
.chip{border-radius:999px;padding:2px 10px}.row{display:flex;gap:8px;align-items:flex-start}
.row>div{flex:1;min-width:0}.done{text-decoration:line-through;color:var(--color-text-secondary)}
@media (max-width:420px){dl{grid-template-columns:1fr}dd{margin-bottom:4px}}
`;

const SCRIPT = String.raw`
const state = {};
const MAX_VALUES = 10;
function render(result) {
  const s = result.structuredContent;
  if (result.isError || !s) return show(el("p", { class: "err" }, firstText(result) || "No record to show."));
  if (s.record) return show(card(s));
  if (Array.isArray(s.records)) return show(el("div", null, s.records.map(function (r) { return card({ record: r }); })));
  if (s.values) return show(card({ record: s }));
  show(el("p", { class: "muted" }, "Nothing to show for this result."));
}
function nameOf(r) {
  if (r.name) return show1(r.name);
  const v = r.values || {};
  return show1(v.name || v.title) || "(untitled)";
}
function card(s) {
  const r = s.record, related = s.related || [], via = {};
  for (const x of related) via[x.via] = true;
  const values = Object.keys(r.values || {}).filter(function (k) { return k !== "name" && !via[k] && show1(r.values[k]); });
  const out = [
    el("header", null, [el("h1", null, link(r.url, nameOf(r))), el("span", { class: "tag" }, r.object), link(r.url, "Open in Attio")]),
  ];
  if (values.length) out.push(el("dl", null, values.slice(0, MAX_VALUES).map(function (k) {
    return [el("dt", null, label(k)), el("dd", null, show1(r.values[k]))];
  })));
  if (related.length) out.push(section("Related", el("div", { class: "chips" }, related.map(function (x) {
    return el("button", { class: "chip", title: label(x.via), onclick: function () { open(x); } }, x.name || x.id);
  }))));
  if ((s.lists || []).length) out.push(section("Lists", el("ul", null, s.lists.map(function (e) {
    const stage = e.values && (e.values.stage || e.values.status);
    return el("li", null, [e.list_name || e.list, stage ? [" ", el("span", { class: "tag" }, show1(stage))] : null]);
  }))));
  if (s.open_tasks) out.push(section("Open tasks", s.open_tasks.length ? el("ul", null, s.open_tasks.map(task)) : el("p", { class: "muted" }, "None.")));
  if ((s.notes || []).length) out.push(section("Latest notes", el("ul", null, s.notes.slice(0, 3).map(function (n) {
    return el("li", null, [el("strong", null, n.title || "Untitled note"), " ", el("span", { class: "muted" }, byline(n.author, n.created_at)),
      n.snippet ? el("div", null, n.snippet) : null]);
  }))));
  const m = s.meetings;
  if (m && (m.next || m.last)) out.push(section("Meetings", el("ul", null, [m.next && meeting("Next", m.next), m.last && meeting("Last", m.last)])));
  if ((s.comments || []).length) out.push(section("Comments", el("ul", null, s.comments.slice(0, 3).map(function (c) {
    return el("li", null, [el("span", { class: "muted" }, byline(c.author, c.created_at)), el("div", null, c.text)]);
  }))));
  for (const u of s.unavailable || []) out.push(el("p", { class: "muted" }, "Not shown: " + label(u.section) + " (" + u.reason + ")"));
  return el("article", null, out);
}
function section(title, body) { return el("section", null, [el("h2", null, title), body]); }
function byline(who, at) { return [who && (who.name || who.email), at && when(at)].filter(Boolean).join(" · "); }
function meeting(kind, x) { return el("li", null, [el("strong", null, kind + ": "), x.title || "Meeting", " ", el("span", { class: "muted" }, when(x.start, true))]); }
function task(t) {
  const text = el("div", null, [t.content, el("div", { class: "muted" },
    [t.deadline ? "Due " + when(t.deadline) : "", (t.assignees || []).map(function (a) { return a.name || a.email; }).join(", ")].filter(Boolean).join(" · "))]);
  const note = el("div", { class: "err" });
  const button = el("button", { onclick: async function () {
    button.disabled = true; button.textContent = "Completing…"; note.textContent = "";
    try {
      await callTool("tasks_update", { task_id: t.id, is_completed: true });
      text.classList.add("done"); button.replaceWith(el("span", { class: "tag" }, "Done"));
      tellModel("In the record card, the user completed the task \"" + t.content + "\" (" + t.id + ").");
    } catch (e) { button.disabled = false; button.textContent = "Complete"; note.textContent = e.message; }
  } }, "Complete");
  return el("li", null, [el("div", { class: "row" }, [text, button]), note]);
}
async function open(x) {
  try { render({ structuredContent: await callTool("record_overview", { object: x.object, record_id: x.id }) }); }
  catch (e) { document.getElementById("app").append(el("p", { class: "err" }, e.message)); }
}
start("attio-record-card", state, render);
`;

export const CARD_PAGE = page(
  "Attio record",
  STYLE,
  '<main id="app"><p class="muted">Loading the record…</p></main>',
  SCRIPT,
);
