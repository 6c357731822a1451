// What both MCP Apps views share: the document frame with its CSP, the theme, and a small
// JSON-RPC-over-postMessage bridge to the host (MCP Apps spec 2026-01-26 "Transport Layer":
// no SDK is needed to speak it, and the SDK's in-page build is larger than this whole Worker).
// Page scripts are plain ES2020 inside String.raw, so they must not contain backticks or "${".

/**
 * Defence in depth beside the host's sandbox: even a host that enforced nothing would let this
 * page run only its own inline code, load nothing and connect nowhere (MCP Apps "Host Behavior").
 */
const CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; " +
  "connect-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * Fallbacks for the spec's standard theme variables ("Theming"); a host's own values replace
 * them at ui/initialize. light-dark() follows the host's theme, else the user's preference.
 */
const STYLE = String.raw`
:root{color-scheme:light dark;
--color-background-primary:light-dark(#fff,#1c1c1e);--color-background-secondary:light-dark(#f4f4f5,#2a2a2e);
--color-text-primary:light-dark(#18181b,#f4f4f5);--color-text-secondary:light-dark(#52525b,#a1a1aa);
--color-border-primary:light-dark(#e4e4e7,#3f3f46);--color-text-info:light-dark(#1d4ed8,#93c5fd);
--color-text-danger:light-dark(#b91c1c,#fca5a5);--color-text-success:light-dark(#15803d,#86efac);
--font-sans:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;--border-radius-md:8px}
:root[data-theme=light]{color-scheme:light}:root[data-theme=dark]{color-scheme:dark}
*{box-sizing:border-box}
body{margin:0;padding:12px;font:14px/1.45 var(--font-sans);color:var(--color-text-primary);
background:var(--color-background-primary);overflow-wrap:anywhere}
h1{font-size:18px;margin:0}h2{font-size:12px;text-transform:uppercase;letter-spacing:.04em;
color:var(--color-text-secondary);margin:14px 0 6px}
a{color:var(--color-text-info);text-decoration:none}a:hover{text-decoration:underline}
.muted{color:var(--color-text-secondary);font-size:12px}.err{color:var(--color-text-danger)}
.tag{display:inline-block;padding:0 8px;border-radius:999px;font-size:12px;
background:var(--color-background-secondary);color:var(--color-text-secondary)}
button,select{font:inherit;font-size:12px;color:inherit;background:var(--color-background-secondary);
border:1px solid var(--color-border-primary);border-radius:6px;padding:2px 8px;cursor:pointer}
button:disabled,select:disabled{opacity:.6;cursor:progress}
`;

const BRIDGE = String.raw`
"use strict";
const host = window.parent, waiting = new Map(), on = {};
let seq = 0, locale, timeZone, hostCapabilities = {};
function post(message) { host.postMessage(Object.assign({ jsonrpc: "2.0" }, message), "*"); }
function rpc(method, params) {
  const id = ++seq;
  post({ id: id, method: method, params: params || {} });
  return new Promise(function (resolve, reject) { waiting.set(id, { resolve: resolve, reject: reject }); });
}
function notify(method, params) { post({ method: method, params: params || {} }); }
addEventListener("message", function (event) {
  const m = event.data;
  if (event.source !== host || !m || m.jsonrpc !== "2.0") return;
  if (m.method === undefined) {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.error) w.reject(new Error(m.error.message || "The host refused the request"));
    else w.resolve(m.result || {});
  } else if (m.id !== undefined) {
    const known = m.method === "ping" || m.method === "ui/resource-teardown";
    post(known ? { id: m.id, result: {} } : { id: m.id, error: { code: -32601, message: "Unknown method" } });
  } else if (on[m.method]) on[m.method](m.params || {});
});
function applyContext(c) {
  if (!c) return;
  const root = document.documentElement, vars = c.styles && c.styles.variables;
  if (c.theme === "light" || c.theme === "dark") root.dataset.theme = c.theme;
  if (vars) for (const k in vars) if (k.startsWith("--") && typeof vars[k] === "string") root.style.setProperty(k, vars[k]);
  if (c.locale) locale = c.locale;
  if (c.timeZone) timeZone = c.timeZone;
}
on["ui/notifications/host-context-changed"] = applyContext;
let lastHeight = 0;
new ResizeObserver(function () {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== lastHeight) { lastHeight = height; notify("ui/notifications/size-changed", { height: height }); }
}).observe(document.documentElement);
function start(name, state, render) {
  on["ui/notifications/tool-input"] = function (p) { state.args = p.arguments || {}; };
  on["ui/notifications/tool-result"] = render;
  on["ui/notifications/tool-cancelled"] = function () { show(el("p", { class: "muted" }, "The call was cancelled.")); };
  rpc("ui/initialize", {
    appInfo: { name: name, version: "1.0.0" },
    appCapabilities: { availableDisplayModes: ["inline"] },
    protocolVersion: "2026-01-26",
  }).then(function (r) {
    hostCapabilities = r.hostCapabilities || {};
    applyContext(r.hostContext);
    notify("ui/notifications/initialized", {});
  },
    function (e) { show(el("p", { class: "err" }, "Could not connect to the host: " + e.message)); });
}
function show(node) { document.getElementById("app").replaceChildren(node); }
function el(tag, props, kids) {
  const n = document.createElement(tag);
  for (const k in props || {}) {
    const v = props[k];
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) n.addEventListener(k.slice(2), v);
    else n.setAttribute(k, v === true ? "" : String(v));
  }
  for (const kid of [kids].flat(Infinity)) if (kid !== null && kid !== undefined && kid !== false) n.append(kid);
  return n;
}
function link(url, label) {
  if (typeof url !== "string" || !/^https:\/\//.test(url)) return el("span", null, label);
  return el("a", { href: url, target: "_blank", rel: "noopener", onclick: function (e) {
    e.preventDefault();
    rpc("ui/open-link", { url: url }).catch(function () {});
  } }, label);
}
async function callTool(name, args) {
  const r = await rpc("tools/call", { name: name, arguments: args });
  if (r.isError) throw new Error(firstText(r) || name + " failed");
  return r.structuredContent || {};
}
// A change made in the view is news to the model: say it (ui/update-model-context), where the host takes it.
function tellModel(text) {
  if (hostCapabilities.updateModelContext) rpc("ui/update-model-context", { content: [{ type: "text", text: text }] }).catch(function () {});
}
function firstText(r) { const c = r && r.content && r.content.find(function (x) { return x.type === "text"; }); return c ? c.text : ""; }
function money(amount, currency) {
  try { return new Intl.NumberFormat(locale, { style: "currency", currency: currency, maximumFractionDigits: 0 }).format(amount); }
  catch (e) { return number(amount) + " " + currency; }
}
function number(n) { return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n); }
function when(s, withTime) {
  const d = new Date(s);
  if (isNaN(d.getTime())) return String(s);
  // A bare date (an all-day meeting, a deadline day) has no time to show, and no zone to convert.
  const dated = !/T\d/.test(s), o = withTime && !dated ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "medium" };
  if (dated) o.timeZone = "UTC";
  try { return d.toLocaleString(locale, Object.assign({ timeZone: timeZone }, o)); } catch (e) { return d.toLocaleString(locale, o); }
}
function show1(v) {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.map(show1).filter(Boolean).join(", ");
  if (typeof v === "object") {
    if (typeof v.amount === "number" && v.currency) return money(v.amount, v.currency);
    if (v.name) return String(v.name);
    if (v.email) return String(v.email);
    if (v.type && v.at) return v.type + " " + when(v.at);
    if (v.object && v.id) return v.object + " " + String(v.id).slice(0, 8);
    if (v.type && v.id) return ""; // an actor Attio did not name: nothing a reader can use
    return JSON.stringify(v);
  }
  if (typeof v === "number") return number(v);
  if (typeof v === "string" && /^\d{4}-\d\d-\d\dT\d\d:/.test(v)) return when(v, true);
  return String(v);
}
function label(slug) { const s = String(slug).replace(/_/g, " "); return s.charAt(0).toUpperCase() + s.slice(1); }
`;

/** One self-contained HTML5 document: the shared frame around a page's own style, body and script. */
export function page(title: string, style: string, body: string, script: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">` +
    `<title>${title}</title><style>${STYLE.trim()}${style.trim()}</style></head>` +
    `<body>${body}<script>${BRIDGE.trim()}\n${script.trim()}</script></body></html>`
  );
}
