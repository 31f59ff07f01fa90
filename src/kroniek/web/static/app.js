// kroniek dashboard: one page, five views, filters kept in the URL's query string.
//
// Safety rule for this file: text from the database (articles, names, rules) is untrusted
// and only ever reaches the page through textContent or echarts' canvas, never through
// innerHTML. Tooltips are built as DOM nodes for the same reason.
"use strict";

const FILTERS = ["from", "to", "type", "actor", "country"];
const VIEWS = ["timeline", "network", "map", "events", "article"];
const PAGE_SIZE = 50;
const BUCKETS = ["auto", "day", "week", "month", "year"];
// The view without ?view=: the timeline, unless most events have no date (set from the
// summary), when a timeline would be nearly empty and the events table says more.
let landingView = "timeline";

// ---- state <-> URL -------------------------------------------------------------------

/** The dashboard's state, read from the query string (the URL is the source of truth). */
function readState() {
  const q = new URLSearchParams(window.location.search);
  const view = VIEWS.includes(q.get("view")) ? q.get("view") : landingView;
  const filters = {};
  for (const name of FILTERS) filters[name] = q.get(name) || "";
  return {
    view,
    filters,
    bucket: BUCKETS.includes(q.get("bucket")) ? q.get("bucket") : "auto",
    page: Math.max(0, parseInt(q.get("page") || "0", 10) || 0),
    event: q.get("event") || "",
    doc: q.get("doc") || "",
  };
}

/** Put a state into the URL (a new history entry) and render it. */
function go(changes) {
  const next = { ...readState(), ...changes };
  const q = new URLSearchParams();
  q.set("view", next.view);
  for (const name of FILTERS) if (next.filters[name]) q.set(name, next.filters[name]);
  if (next.bucket !== "auto") q.set("bucket", next.bucket);
  if (next.page) q.set("page", String(next.page));
  if (next.event) q.set("event", next.event);
  if (next.doc) q.set("doc", next.doc);
  history.pushState(null, "", "?" + q.toString());
  render();
}

/** The filters as API query parameters. */
function filterParams(filters, extra = {}) {
  const q = new URLSearchParams();
  for (const name of FILTERS) if (filters[name]) q.set(name, filters[name]);
  for (const [key, value] of Object.entries(extra)) q.set(key, String(value));
  return q;
}

// ---- small helpers -------------------------------------------------------------------

/** An element with attributes and children; strings become text nodes, never markup. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** GET an API path; an error answer is shown in the status line and thrown. */
async function api(path, params) {
  const url = params ? `${path}?${params}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) {
    const error = body.error || {};
    throw new Error(`${error.code || response.status}: ${error.message || "request failed"}`);
  }
  return body;
}

function setStatus(text) {
  document.getElementById("status").textContent = text;
}

/** A tooltip as DOM nodes: a bold first line, then plain lines. */
function tip(title, ...lines) {
  return el("div", { class: "tip" }, el("b", {}, title), ...lines.map((l) => el("div", {}, l)));
}

function chart(id) {
  const node = document.getElementById(id);
  return echarts.getInstanceByDom(node) || echarts.init(node, null, { renderer: "canvas" });
}

function partyText(list) {
  return (list || []).map((a) => a.code || a.name || a.text).join(", ");
}

// ---- the views -----------------------------------------------------------------------

// Events whose date is coarser than one period, or missing, get bars of their own at the
// end of the axis: a month-dated event is never drawn inside a week it may not lie in.
const COARSE_BAR = "coarser date";
const UNDATED_BAR = "undated";

async function renderTimeline(state) {
  for (const button of document.querySelectorAll("#bucket-switch button")) {
    button.setAttribute("aria-pressed", String(button.dataset.bucket === state.bucket));
  }
  const data = await api("/api/stats/timeline", filterParams(state.filters, { bucket: state.bucket }));
  const extra = [...(data.coarse ? [COARSE_BAR] : []), ...(data.undated ? [UNDATED_BAR] : [])];
  const notes = [`${data.periods.length} ${data.bucket}s`];
  if (data.coarse) notes.push(`${data.coarse} events dated only to a longer period: bar “${COARSE_BAR}”`);
  if (data.undated) notes.push(`${data.undated} without any date: bar “${UNDATED_BAR}”`);
  document.getElementById("timeline-note").textContent = notes.join("; ");
  chart("timeline-chart").setOption(
    {
      tooltip: { trigger: "axis", formatter: (items) => tip(items[0].axisValue,
        ...items.filter((i) => i.value).map((i) => `${i.seriesName}: ${i.value}`)) },
      legend: { type: "scroll", top: 0 },
      grid: { left: 40, right: 20, top: 40, bottom: 70 },
      xAxis: { type: "category", data: [...data.periods, ...extra] },
      yAxis: { type: "value", minInterval: 1 },
      dataZoom: data.periods.length > 60 ? [{ type: "slider" }, { type: "inside" }] : [],
      series: data.series.map((s) => ({
        name: s.event_type, type: "bar", stack: "events", emphasis: { focus: "series" },
        data: [...s.counts, ...(data.coarse ? [s.coarse] : []), ...(data.undated ? [s.undated] : [])],
      })),
    },
    true,
  );
}

/** Edge colour from PLOVER's event scale: −10 red, 0 grey, +10 green. */
function scaleColour(scale) {
  if (scale === null || scale === undefined) return "#9aa5b1";
  const t = Math.max(-1, Math.min(1, scale / 10));
  const red = t < 0 ? 200 : Math.round(200 - 160 * t);
  const green = t > 0 ? 160 : Math.round(160 + 40 * t);
  return `rgb(${red}, ${green}, ${t < 0 ? 60 : 80})`;
}

async function renderNetwork(state) {
  const data = await api("/api/network", filterParams(state.filters));
  const most = Math.max(1, ...data.nodes.map((n) => n.events));
  const instance = chart("network-chart");
  instance.setOption(
    {
      tooltip: {
        formatter: (p) => p.dataType === "edge"
          ? tip(`${p.data.source} → ${p.data.target}`, `${p.data.value} events`,
              `mean event scale ${p.data.scale ?? "n/a"}`)
          : tip(p.data.id, p.data.label_name, `${p.data.value} events`, `country ${p.data.country ?? "?"}`),
      },
      series: [{
        type: "graph",
        layout: "force",
        roam: true,
        draggable: true,
        force: { repulsion: 260, edgeLength: [80, 200] },
        edgeSymbol: ["none", "arrow"],
        label: { show: true, position: "right", formatter: (p) => p.data.id },
        data: data.nodes.map((n) => ({
          id: n.code, name: n.code, value: n.events, country: n.country, label_name: n.name,
          symbolSize: 12 + 30 * Math.sqrt(n.events / most),
        })),
        links: data.edges.map((e) => ({
          source: e.source, target: e.target, value: e.events, scale: e.mean_event_scale,
          lineStyle: { width: 1 + 2 * Math.log2(1 + e.events), color: scaleColour(e.mean_event_scale), curveness: 0.15 },
        })),
      }],
    },
    true,
  );
  instance.off("click");
  instance.on("click", (p) => {
    if (p.dataType === "node") go({ filters: { ...state.filters, actor: p.data.id }, page: 0 });
  });
}

let worldLoaded = null;
const ANTARCTICA = "010";

/** Shift a ring that crosses ±180° (Russia, Fiji) east, so it is not drawn across the map. */
function unwrapAntimeridian(geometry) {
  if (!geometry) return;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const longitudes = ring.map((point) => point[0]);
      if (Math.max(...longitudes) - Math.min(...longitudes) <= 180) continue;
      for (const point of ring) if (point[0] < 0) point[0] += 360;
    }
  }
}

/** Register world-atlas' country shapes with echarts once (TopoJSON → GeoJSON). */
function loadWorld() {
  if (!worldLoaded) {
    worldLoaded = fetch("/vendor/countries-110m.json").then((r) => r.json()).then((topo) => {
      const world = topojson.feature(topo, topo.objects.countries);
      // Antarctica has no events and, spanning every longitude, would draw as a band.
      world.features = world.features.filter((f) => f.id !== ANTARCTICA);
      for (const feature of world.features) unwrapAntimeridian(feature.geometry);
      const names = {};
      for (const feature of world.features) names[feature.id] = feature.properties.name;
      echarts.registerMap("world", world);
      return names;
    });
  }
  return worldLoaded;
}

async function renderMap(state) {
  const [names, data] = await Promise.all([loadWorld(), api("/api/places", filterParams(state.filters))]);
  const byLocation = data.places.length > 0;
  const key = byLocation ? "located" : "involved";
  document.getElementById("map-note").textContent = byLocation
    ? `${data.places.length} places; countries shaded by events located there` +
      (data.unlocated ? ` (${data.unlocated} events have no place)` : "")
    : "No event places stored yet; countries shaded by events their actors or recipients take part in.";
  const shaded = data.countries
    .filter((c) => c.numeric && names[c.numeric] && c[key] > 0)
    .map((c) => ({ name: names[c.numeric], value: c[key], code: c.country }));
  const most = Math.max(1, ...shaded.map((c) => c.value), ...data.places.map((p) => p.events));
  chart("map-chart").setOption(
    {
      tooltip: {
        formatter: (p) => p.seriesType === "scatter"
          ? tip(p.data.name, `${p.data.value[2]} events`, p.data.precision)
          : tip(p.name, `${p.value || 0} events`),
      },
      visualMap: { min: 0, max: most, left: 10, bottom: 10, seriesIndex: 0, calculable: true,
        inRange: { color: ["#e3f2fd", "#0d47a1"] } },
      geo: { map: "world", roam: true, itemStyle: { areaColor: "#eef1f4", borderColor: "#aab4be" } },
      series: [
        { type: "map", geoIndex: 0, data: shaded },
        {
          type: "scatter", coordinateSystem: "geo", itemStyle: { color: "#c62828" },
          symbolSize: (v) => 6 + 14 * Math.sqrt(v[2] / most),
          data: data.places.map((p) => ({ name: p.name, precision: p.precision,
            value: [p.longitude, p.latitude, p.events] })),
        },
      ],
    },
    true,
  );
}

async function renderEvents(state) {
  const params = filterParams(state.filters, { limit: PAGE_SIZE, offset: state.page * PAGE_SIZE });
  const data = await api("/api/events", params);
  const body = document.querySelector("#events-table tbody");
  body.replaceChildren(...data.events.map((e) => eventRow(e)));
  const last = Math.min(data.total, data.offset + data.events.length);
  document.getElementById("events-count").textContent =
    `${data.total} events` + (data.total ? ` (${data.offset + 1}–${last})` : "");
  document.getElementById("page-prev").disabled = state.page === 0;
  document.getElementById("page-next").disabled = last >= data.total;
  for (const [id, format] of [["export-jsonl", "plover-jsonl"], ["export-csv", "csv"], ["export-parquet", "parquet"]]) {
    document.getElementById(id).href = "/api/export?" + filterParams(state.filters, { format });
  }
}

function eventRow(e) {
  const place = (e.setting.places[0] || {}).name || "";
  const when = (e.setting.dates.find((d) => d.value) || {}).value || e.date || "";
  const type = e.mode ? `${e.event_type} (${e.mode})` : e.event_type;
  return el(
    "tr",
    { "data-event": e.event_id, onclick: () => go({ view: "article", event: e.event_id, doc: e.doc_id }) },
    el("td", {}, when), el("td", {}, type), el("td", {}, partyText(e.arguments.actor)),
    el("td", {}, partyText(e.arguments.recipient)), el("td", {}, e.trigger_text), el("td", {}, place),
    el("td", { class: "num" }, String(e.mentions.length)),
    el("td", {}, e.confidence.toFixed(2)), el("td", {}, e.doc_id),
  );
}

const ROLE_CLASS = {
  trigger: "hl-trigger", actor: "hl-actor", recipient: "hl-recipient", source: "hl-source",
  place: "hl-place", date: "hl-date", quantity: "hl-quantity",
};
// When spans overlap, the first class in this list decides the colour.
const PRIORITY = ["hl-trigger", "hl-actor", "hl-recipient", "hl-source", "hl-place", "hl-date",
  "hl-quantity", "hl-other", "hl-mention", "hl-placename"];

async function renderArticle(state) {
  if (!state.doc) {
    document.getElementById("article-title").textContent = "No article chosen";
    document.getElementById("article-text").replaceChildren(
      "Pick an event in the Events view to see its article and why it was coded.");
    document.getElementById("why-body").replaceChildren();
    document.getElementById("article-events").replaceChildren();
    return;
  }
  const doc = await api(`/api/documents/${encodeURIComponent(state.doc)}`);
  const selected = state.event || (doc.events[0] || {}).event_id || "";
  const evidence = selected ? await api(`/api/events/${encodeURIComponent(selected)}`) : null;
  const meta = doc.document;
  document.getElementById("article-title").textContent = meta.title || meta.doc_id;
  document.getElementById("article-meta").textContent =
    [meta.published || "date unknown", meta.source, meta.doc_id].filter(Boolean).join(" · ");
  document.getElementById("article-text").replaceChildren(...highlighted(doc, selected));
  renderWhy(evidence);
  renderArticleEvents(doc, selected, state);
}

/** The article text as text nodes and spans, one piece per run of equal highlighting. */
function highlighted(doc, selected) {
  const marks = [];
  for (const span of doc.spans) {
    let cls = null;
    if (span.event_id === selected && ROLE_CLASS[span.kind]) cls = ROLE_CLASS[span.kind];
    else if (span.kind === "trigger") cls = "hl-other";
    else if (span.kind === "actor_mention") cls = "hl-mention";
    else if (span.kind === "place_mention") cls = "hl-placename";
    if (cls) marks.push({ ...span, cls });
  }
  const cuts = new Set([0, doc.text.length]);
  for (const m of marks) { cuts.add(m.start); cuts.add(m.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const text = doc.text.slice(start, end);
    const covering = marks.filter((m) => m.start <= start && m.end >= end);
    if (covering.length === 0) { pieces.push(document.createTextNode(text)); continue; }
    covering.sort((a, b) => PRIORITY.indexOf(a.cls) - PRIORITY.indexOf(b.cls));
    const top = covering[0];
    const piece = el("span", { class: `hl ${top.cls}`, title: describeMark(top) }, text);
    if (top.cls === "hl-other") piece.addEventListener("click", () => go({ event: top.event_id }));
    pieces.push(piece);
  }
  return pieces;
}

function describeMark(m) {
  if (m.kind === "trigger") return `${m.event_type}${m.mode ? " " + m.mode : ""} trigger`;
  if (m.kind === "place" || m.kind === "place_mention") return `place: ${m.name} (${m.country})`;
  if (m.kind === "date") return `date: ${m.value ?? "unresolved"}`;
  if (m.kind === "quantity") return `${m.quantity_kind}: ${m.low}–${m.high}`;
  const who = [m.code, m.name].filter(Boolean).join(" ");
  return who ? `${m.kind}: ${who}` : m.kind;
}

/** The "why was this coded" panel: rule, lexicon entry, confidence, modes, arguments. */
function renderWhy(evidence) {
  const body = document.getElementById("why-body");
  if (!evidence) { body.replaceChildren(el("p", { class: "muted" }, "No events in this article.")); return; }
  const e = evidence.event;
  const ev = evidence.evidence;
  const [entry] = ev.rule.split("+");
  const setting = e.setting;
  const rows = [
    ["Event", e.mode ? `${e.event_type} (${e.mode})` : e.event_type],
    ["Trigger", `“${e.trigger_text}”`],
    ["Reports", reportsText(e.mentions)],
    ["Rule", ev.rule],
    ["Lexicon entry", entry],
    ["Confidence", ev.confidence.toFixed(2)],
    ["Aux modes", ev.aux.length ? ev.aux.join(", ") : "none"],
    ["Context", ev.context.length ? ev.context.join(", ") : "none"],
    ["Actor", partyText(e.arguments.actor) || "—"],
    ["Recipient", partyText(e.arguments.recipient) || "—"],
    ["Source", partyText(e.arguments.source) || "—"],
    ["Place", setting.places.map((p) => `${p.name} (${p.country}, ${p.basis})`).join("; ") || "—"],
    ["Date", setting.dates.map((d) => `${d.value ?? "?"} (${d.basis})`).join("; ") || e.date || "—"],
    ["Numbers", setting.quantities.map((q) => `${q.kind} ${q.low}–${q.high}`).join("; ") || "—"],
    ["Quad / scale", `${e.quad_code ?? "—"} / ${e.event_scale ?? "—"}`],
    ["Coder", ev.coder],
  ];
  const list = el("dl", {});
  for (const [term, value] of rows) list.append(el("dt", {}, term), el("dd", {}, value));
  body.replaceChildren(
    list,
    el("p", {}, el("b", {}, "Sentence: "), ev.sentence.text),
    el("details", {}, el("summary", {}, "PLOVER record"), el("pre", {}, JSON.stringify(evidence.plover, null, 2))),
  );
}

/** How often the article reports the happening, and in which words. */
function reportsText(mentions) {
  if (mentions.length <= 1) return "1 (this sentence only)";
  return `${mentions.length}: ` + mentions.map((m) => `“${m.text}”`).join(", ");
}

function renderArticleEvents(doc, selected, state) {
  const list = document.getElementById("article-events");
  list.replaceChildren(...doc.events.map((e) => el(
    "li",
    { "aria-current": String(e.event_id === selected), onclick: () => go({ event: e.event_id, doc: state.doc }) },
    `${e.event_type}: ${partyText(e.arguments.actor) || "?"} → ${partyText(e.arguments.recipient) || "?"} (“${e.trigger_text}”)` +
      (e.aux.length ? ` [${e.aux.join(", ")}]` : ""),
  )));
}

const RENDERERS = {
  timeline: renderTimeline, network: renderNetwork, map: renderMap, events: renderEvents, article: renderArticle,
};

// ---- page frame ------------------------------------------------------------------------

/** Show the state's view, fill the filter form, and draw the view. */
async function render() {
  const state = readState();
  document.body.dataset.rendered = "";
  for (const button of document.querySelectorAll("#tabs button")) {
    if (button.dataset.view === state.view) button.setAttribute("aria-current", "page");
    else button.removeAttribute("aria-current");
  }
  for (const view of VIEWS) document.getElementById(`view-${view}`).hidden = view !== state.view;
  const form = document.getElementById("filters");
  for (const name of FILTERS) form.elements[name].value = state.filters[name];
  setStatus("");
  try {
    await RENDERERS[state.view](state);
    const shown = document.querySelector(`#view-${state.view} .chart`);
    if (shown) echarts.getInstanceByDom(shown)?.resize();
  } catch (error) {
    setStatus(String(error.message || error));
  }
  document.body.dataset.rendered = state.view;
}

/** Filter choices and the header line, from what the database holds. */
async function loadSummary() {
  const summary = await api("/api/stats/summary");
  const hidden = summary.events - summary.shown;
  document.getElementById("summary").textContent =
    `${summary.documents} documents, ${summary.shown} events` +
    (hidden ? ` (and ${hidden} negated, hypothetical or naming nobody, in the article view)` : "") +
    (summary.first_date ? `, published ${summary.first_date} to ${summary.last_date}` : "");
  if (summary.dated * 2 < summary.shown) landingView = "events";
  const form = document.getElementById("filters");
  form.elements.type.append(...summary.types.map((t) => el("option", { value: t.event_type }, `${t.event_type} (${t.events})`)));
  form.elements.country.append(...summary.countries.map((c) => el("option", { value: c }, c)));
  const actors = await api("/api/actors");
  document.getElementById("actor-choices").replaceChildren(
    ...actors.actors.map((a) => el("option", { value: a.code || a.actor_id }, a.name || a.actor_id)));
}

function wireControls() {
  const form = document.getElementById("filters");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const filters = {};
    for (const name of FILTERS) filters[name] = form.elements[name].value.trim();
    go({ filters, page: 0 });
  });
  document.getElementById("clear-filters").addEventListener("click", () => go({ filters: {}, page: 0 }));
  for (const button of document.querySelectorAll("#tabs button")) {
    button.addEventListener("click", () => go({ view: button.dataset.view }));
  }
  for (const button of document.querySelectorAll("#bucket-switch button")) {
    button.addEventListener("click", () => go({ bucket: button.dataset.bucket }));
  }
  document.getElementById("page-prev").addEventListener("click", () => go({ page: readState().page - 1 }));
  document.getElementById("page-next").addEventListener("click", () => go({ page: readState().page + 1 }));
  window.addEventListener("popstate", render);
  window.addEventListener("resize", () => {
    for (const node of document.querySelectorAll(".chart")) echarts.getInstanceByDom(node)?.resize();
  });
}

async function start() {
  wireControls();
  try {
    await loadSummary();
  } catch (error) {
    setStatus(String(error.message || error));
  }
  await render();
}

start();
