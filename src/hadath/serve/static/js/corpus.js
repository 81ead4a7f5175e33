// The corpus view: the actor network of a period (Cytoscape.js), dyad timelines (SVG), and the table of
// events whose rows open the sentence in its article (the document view).

import { getJSON } from "./api.js";
import { element } from "./dom.js";
import { t } from "./i18n.js";

const COMMUNITY_COLOURS = ["#60a5fa", "#f59e0b", "#34d399", "#f472b6", "#a78bfa", "#f87171", "#2dd4bf", "#facc15", "#94a3b8", "#fb923c"];
const BALANCE_COLOURS = { cooperation: "#16a34a", conflict: "#dc2626", pressure: "#ea580c", neutral: "#9ca3af" };
const TIMELINE_ROWS = 8;
const PAGE_SIZE = 20;
const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attributes = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

function pairKey(a, b) {
  return a <= b ? `${a},${b}` : `${b},${a}`;
}

function signed(value) {
  return (value > 0 ? "+" : "") + Number(value).toFixed(1);
}

export function setUpCorpus({ showError }) {
  const form = document.getElementById("corpus-form");
  const inputs = {
    from: document.getElementById("corpus-from"),
    to: document.getElementById("corpus-to"),
    period: document.getElementById("corpus-period"),
    level: document.getElementById("corpus-level"),
    actor: document.getElementById("corpus-actor"),
    factual: document.getElementById("corpus-factual"),
  };
  const networkBox = document.getElementById("network");
  const caption = document.getElementById("network-caption");
  const summary = document.getElementById("corpus-summary");
  const selectionBody = document.getElementById("selection-body");
  const timelines = document.getElementById("timelines");
  const tableBody = document.querySelector("#events-table tbody");
  const tableFilter = document.getElementById("events-filter");
  const range = document.getElementById("events-range");
  const previous = document.getElementById("events-prev");
  const next = document.getElementById("events-next");

  let cy = null;
  let stats = null;
  let mosaic = null;
  let selection = null; // {actor: code} or {pair: [a, b]}
  let profile = null;
  let events = null;
  let offset = 0;
  let loaded = false;

  function filters() {
    return {
      from: inputs.from.value,
      to: inputs.to.value,
      period: inputs.period.value,
      level: inputs.level.value,
      actor: inputs.actor.value.trim(),
      factual: inputs.factual.checked,
    };
  }

  async function load() {
    try {
      if (!stats) {
        stats = await getJSON("/stats");
        if (stats.first_date && !inputs.from.value) inputs.from.value = stats.first_date;
        if (stats.last_date && !inputs.to.value) inputs.to.value = stats.last_date;
      }
      const chosen = filters();
      mosaic = await getJSON("/mosaic", chosen);
      selection = null;
      profile = null;
      offset = 0;
      drawSummary();
      drawNetwork();
      drawTimelines();
      drawSelection();
      await loadEvents();
      loaded = true;
    } catch (error) {
      showError(error.message);
    }
  }

  async function loadEvents() {
    const chosen = filters();
    const params = { from: chosen.from, to: chosen.to, factual: chosen.factual || undefined, limit: PAGE_SIZE, offset };
    if (selection && selection.pair) params.dyad = selection.pair.join(",");
    else if (selection && selection.actor) params.actor = selection.actor;
    else if (chosen.actor) params.actor = chosen.actor;
    events = { params, page: await getJSON("/events", params) };
    drawEvents();
  }

  function drawSummary() {
    summary.textContent = stats ? t("store_summary", stats) : "";
  }

  function drawNetwork() {
    if (cy) cy.destroy();
    cy = null;
    const { nodes, edges } = mosaic.network;
    networkBox.dataset.nodes = String(nodes.length);
    networkBox.dataset.edges = String(edges.length);
    caption.textContent = nodes.length ? t("network_caption", { nodes: nodes.length, edges: edges.length }) : t("network_empty");
    if (!nodes.length) {
      networkBox.replaceChildren();
      return;
    }
    const maxNodeEvents = Math.max(...nodes.map((n) => n.events), 1);
    const maxEdgeEvents = Math.max(...edges.map((e) => e.events), 1);
    cy = window.cytoscape({
      container: networkBox,
      elements: [
        ...nodes.map((n) => ({
          data: {
            id: n.id,
            size: 22 + 34 * Math.sqrt(n.events / maxNodeEvents),
            colour: COMMUNITY_COLOURS[n.community % COMMUNITY_COLOURS.length],
          },
        })),
        ...edges.map((e) => ({
          data: {
            id: `${e.source}|${e.target}`,
            source: e.source,
            target: e.target,
            width: 1.5 + 6 * (e.events / maxEdgeEvents),
            colour: BALANCE_COLOURS[e.balance],
          },
        })),
      ],
      style: [
        {
          selector: "node",
          style: {
            "background-color": "data(colour)",
            label: "data(id)",
            width: "data(size)",
            height: "data(size)",
            "font-size": 11,
            "font-family": "DejaVu Sans, sans-serif",
            color: "#111827",
            "text-valign": "bottom",
            "text-margin-y": 3,
            "text-outline-color": "#ffffff",
            "text-outline-width": 2,
            "border-width": 1,
            "border-color": "#374151",
          },
        },
        { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)", "curve-style": "bezier", opacity: 0.85 } },
        { selector: "node:selected", style: { "border-width": 4, "border-color": "#111827" } },
        { selector: "edge:selected", style: { "underlay-color": "#111827", "underlay-opacity": 0.25, "underlay-padding": 4 } },
      ],
    });
    // a circle first, then force-directed from it: the same store gives the same picture every time
    cy.layout({ name: "circle", animate: false }).run();
    cy.layout({ name: "cose", animate: false, randomize: false, fit: true, padding: 30, idealEdgeLength: () => 90, nodeRepulsion: () => 9000 }).run();
    cy.on("tap", "node", (event) => chooseActor(event.target.id()));
    cy.on("tap", "edge", (event) => choosePair(event.target.data("source"), event.target.data("target")));
    cy.on("tap", (event) => {
      if (event.target === cy) clearSelection();
    });
  }

  async function chooseActor(code) {
    selection = { actor: code };
    profile = null;
    offset = 0;
    drawSelection();
    drawTimelines();
    try {
      profile = await getJSON(`/actors/${encodeURIComponent(code)}`);
      drawSelection();
      await loadEvents();
    } catch (error) {
      showError(error.message);
    }
  }

  async function select(next) {
    selection = next;
    offset = 0;
    drawSelection();
    drawTimelines();
    try {
      await loadEvents();
    } catch (error) {
      showError(error.message);
    }
  }

  const choosePair = (a, b) => select({ pair: [a, b].sort() });
  const clearSelection = () => select(null);

  function relationList(label, relations) {
    const list = element("ul", { class: "relations" });
    for (const r of relations.slice(0, 8)) {
      list.append(
        element(
          "li",
          {},
          element("code", { text: r.partner }),
          ` ${t(`balance_${r.balance}`)} · ${r.events} · `,
          element("bdi", { dir: "ltr", text: signed(r.goldstein_sum) }),
        ),
      );
    }
    return element("div", {}, element("h4", { text: t(label) }), relations.length ? list : element("p", { class: "muted", text: "—" }));
  }

  function drawSelection() {
    if (!selection) {
      selectionBody.replaceChildren(element("p", { class: "muted", text: t("network_hint") }));
      return;
    }
    if (selection.pair) {
      const [a, b] = selection.pair;
      const rows = mosaic.dyads.filter((d) => d.actor1 === a && d.actor2 === b);
      const total = rows.reduce((sum, d) => sum + d.events, 0);
      const goldstein = rows.reduce((sum, d) => sum + d.goldstein_sum, 0);
      selectionBody.replaceChildren(
        element("p", { class: "pair" }, element("code", { text: a }), " — ", element("code", { text: b })),
        element("p", { text: t("dyad_events", { events: total, sum: signed(goldstein) }) }),
      );
      return;
    }
    const parts = [element("p", { class: "pair" }, element("code", { text: selection.actor }))];
    if (profile) {
      const names = profile.names.map((n) => n.name).join(", ");
      const forms = profile.surface_forms.map((n) => n.name).join("، ");
      parts.push(
        element(
          "dl",
          { class: "fields" },
          element("dt", { text: t("names") }),
          element("dd", { text: names || "—" }),
          element("dt", { text: t("surface_forms") }),
          element("dd", { lang: "ar", dir: "rtl", text: forms || "—" }),
          element("dt", { text: t("mentions") }),
          element("dd", { text: `${profile.mentions} (${profile.documents} ${t("documents")})` }),
          element("dt", { text: t("events_as_source") }),
          element("dd", { text: String(profile.events_as_source) }),
          element("dt", { text: t("events_as_target") }),
          element("dd", { text: String(profile.events_as_target) }),
        ),
        relationList("allies", profile.allies),
        relationList("adversaries", profile.adversaries),
      );
    }
    selectionBody.replaceChildren(...parts);
  }

  function drawTimelines() {
    timelines.replaceChildren();
    if (!mosaic || !mosaic.dyads.length) return;
    const totals = new Map();
    for (const d of mosaic.dyads) totals.set(pairKey(d.actor1, d.actor2), (totals.get(pairKey(d.actor1, d.actor2)) || 0) + d.events);
    let pairs = [...totals.keys()].sort((x, y) => totals.get(y) - totals.get(x) || (x < y ? -1 : 1)).slice(0, TIMELINE_ROWS);
    const chosen = selection && selection.pair ? selection.pair.join(",") : null;
    if (chosen && !pairs.includes(chosen)) pairs = [chosen, ...pairs.slice(0, TIMELINE_ROWS - 1)];
    const periods = mosaic.periods;
    const cells = new Map(mosaic.dyads.map((d) => [`${pairKey(d.actor1, d.actor2)}@${d.period}`, d]));
    const maxAbs = Math.max(...mosaic.dyads.map((d) => Math.abs(d.goldstein_sum)), 1);
    const [labelWidth, rowHeight, width, axis] = [150, 54, 900, 22];
    const slot = (width - labelWidth - 10) / Math.max(periods.length, 1);
    const picture = svg("svg", { viewBox: `0 0 ${width} ${pairs.length * rowHeight + axis}`, class: "timeline", role: "img" });
    pairs.forEach((pair, row) => {
      const top = row * rowHeight;
      const middle = top + rowHeight / 2;
      const group = svg("g", { class: pair === chosen ? "timeline-row chosen" : "timeline-row" });
      group.append(svg("rect", { x: 0, y: top + 2, width, height: rowHeight - 4, class: "row-band" }));
      const label = svg("text", { x: 6, y: middle + 4, class: "row-label" });
      label.textContent = pair.replace(",", " — ");
      group.append(label, svg("line", { x1: labelWidth, x2: width - 10, y1: middle, y2: middle, class: "baseline" }));
      periods.forEach((period, column) => {
        const dyad = cells.get(`${pair}@${period}`);
        if (!dyad) return;
        const height = Math.max(2, (Math.abs(dyad.goldstein_sum) / maxAbs) * (rowHeight / 2 - 6));
        const barWidth = Math.max(2, Math.min(slot * 0.7, 40));
        const bar = svg("rect", {
          x: labelWidth + column * slot + (slot - barWidth) / 2,
          y: dyad.goldstein_sum >= 0 ? middle - height : middle,
          width: barWidth,
          height,
          class: `bar balance-${dyad.balance}`,
        });
        const tip = svg("title");
        tip.textContent = `${period}: ${dyad.events} · Goldstein ${signed(dyad.goldstein_sum)} · ${t(`balance_${dyad.balance}`)}`;
        bar.append(tip);
        group.append(bar);
      });
      group.addEventListener("click", () => choosePair(...pair.split(",")));
      picture.append(group);
    });
    const every = Math.ceil(periods.length / 12);
    periods.forEach((period, column) => {
      if (column % every) return;
      const tick = svg("text", { x: labelWidth + column * slot + slot / 2, y: pairs.length * rowHeight + 15, class: "tick" });
      tick.textContent = period;
      picture.append(tick);
    });
    timelines.append(picture);
  }

  function drawEvents() {
    const { params, page } = events;
    tableFilter.textContent = params.dyad || params.actor ? t("filtered_by", { filter: params.dyad || params.actor }) : "";
    tableBody.replaceChildren();
    if (!page.items.length) {
      tableBody.append(element("tr", {}, element("td", { colspan: "7", class: "muted", text: t("no_events") })));
    }
    for (const e of page.items) {
      const evidence = e.evidence[0];
      let evidenceCell = element("span", { class: "muted", text: "—" });
      if (evidence) {
        const shown = evidence.text.length > 140 ? `${evidence.text.slice(0, 140)}…` : evidence.text;
        evidenceCell = element("a", { href: `#/document/${evidence.doc_key}/${evidence.event_no}`, class: "evidence-link", title: t("open_sentence"), lang: "ar", dir: "rtl", text: shown });
      }
      tableBody.append(
        element(
          "tr",
          { "data-event-id": e.event_id },
          element("td", { class: "date", text: e.event_date || "—" }),
          element("td", {}, element("code", { text: e.source_code || "—" })),
          element("td", {}, element("code", { text: e.cameo }), ` ${e.cameo_label || ""}`, element("bdi", { dir: "ltr", class: `goldstein ${e.goldstein < 0 ? "neg" : "pos"}`, text: ` ${signed(e.goldstein ?? 0)}` })),
          element("td", {}, element("code", { text: e.target_code || "—" })),
          element("td", { text: e.place_name || "—" }),
          element("td", { class: "number", text: String(e.documents) }),
          element("td", { class: "evidence" }, evidenceCell),
        ),
      );
    }
    const first = page.total ? page.offset + 1 : 0;
    range.textContent = t("page_range", { first, last: page.offset + page.items.length, total: page.total });
    previous.disabled = page.offset === 0;
    next.disabled = page.offset + page.items.length >= page.total;
  }

  previous.addEventListener("click", async () => {
    offset = Math.max(0, offset - PAGE_SIZE);
    await loadEvents().catch((error) => showError(error.message));
  });
  next.addEventListener("click", async () => {
    offset += PAGE_SIZE;
    await loadEvents().catch((error) => showError(error.message));
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    load();
  });

  return {
    show() {
      if (!loaded) load();
      else if (cy) cy.resize(); // the container had no size while the view was hidden
    },
    redraw() {
      if (!mosaic) return;
      drawSummary();
      caption.textContent = mosaic.network.nodes.length
        ? t("network_caption", { nodes: mosaic.network.nodes.length, edges: mosaic.network.edges.length })
        : t("network_empty");
      drawSelection();
      drawTimelines();
      if (events) drawEvents();
    },
  };
}
