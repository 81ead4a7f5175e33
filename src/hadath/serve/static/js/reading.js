// The reading view: an analysed text shown right to left with its actors, places, event triggers,
// quotations and claims highlighted, the lists of those records beside it, and the details of the one
// selected (an event's codes, with its evidence span in focus in the text). Used for a pasted text
// (the /analyze answer) and for a stored document (/documents/{doc_key}).

import { element } from "./dom.js";
import { t } from "./i18n.js";

// When a stretch of text carries several records, a click selects the first kind of this list.
const KIND_PRIORITY = ["trigger", "actor", "place", "quote", "claim"];
const LIST_KINDS = [
  ["events", "trigger"],
  ["actors", "actor"],
  ["places", "place"],
  ["quotations", "quote"],
  ["claims", "claim"],
];

/** A reading of the JSON contract of /analyze (an Analysis) for the ``text`` that was analysed. */
export function fromAnalysis(text, analysis) {
  return {
    text,
    actors: analysis.actors,
    places: analysis.places,
    events: analysis.events,
    quotations: analysis.quotations,
    claims: analysis.claims,
  };
}

function storedActor(row, prefix) {
  if (row[`${prefix}_start`] === null && row[`${prefix}_code`] === null) return null;
  return {
    code: row[`${prefix}_code`],
    text: row[`${prefix}_text`],
    start: row[`${prefix}_start`],
    end: row[`${prefix}_end`],
  };
}

/** A reading of a stored document (/documents/{doc_key}): the same records, from the store's rows. */
export function fromStoredDocument(document) {
  const mentions = document.mentions;
  return {
    text: document.text,
    actors: mentions.filter((m) => m.kind === "actor").map((m) => ({ ...m, kind: m.actor_kind })),
    places: mentions
      .filter((m) => m.kind === "place")
      .map((m) => ({ ...m, country: m.code, kind: m.actor_kind })),
    events: document.events.map((row) => ({
      ...row,
      source: storedActor(row, "source"),
      target: storedActor(row, "target"),
      place: row.place_name ? { name_en: row.place_name, country: row.place_country } : null,
      date: row.date_text || row.event_date,
      plover_mode: null,
    })),
    quotations: document.quotations.map((row) => ({ ...row, speaker: storedActor(row, "speaker") })),
    claims: document.claims,
  };
}

function arabic(text, tag = "bdi") {
  return element(tag, { lang: "ar", dir: "rtl", text });
}

// codes, numbers and arrows read left to right in either interface language
function ltr(...children) {
  return element("bdi", { dir: "ltr" }, ...children);
}

function actorLabel(actor) {
  if (!actor) return t("unknown_actor");
  return actor.code || actor.text || t("unknown_actor");
}

function goldstein(value) {
  if (value === null || value === undefined) return "—";
  return (value > 0 ? "+" : "") + value.toFixed(1);
}

/** The records of ``reading`` as spans of its text: {kind, index, start, end}. */
function annotations(reading) {
  const found = [];
  reading.claims.forEach((c, index) => found.push({ kind: "claim", index, start: c.start, end: c.end }));
  reading.quotations.forEach((q, index) => found.push({ kind: "quote", index, start: q.start, end: q.end }));
  reading.places.forEach((p, index) => found.push({ kind: "place", index, start: p.start, end: p.end }));
  reading.actors.forEach((a, index) => found.push({ kind: "actor", index, start: a.start, end: a.end }));
  reading.events.forEach((e, index) =>
    found.push({ kind: "trigger", index, start: e.trigger_start, end: e.trigger_end }),
  );
  const length = reading.text.length;
  return found
    .map((a) => ({ ...a, start: Math.max(0, Math.min(a.start, length)), end: Math.max(0, Math.min(a.end, length)) }))
    .filter((a) => a.end > a.start);
}

function describe(reading, annotation) {
  if (annotation.kind === "trigger") {
    const e = reading.events[annotation.index];
    return `${e.cameo} ${e.cameo_label || ""} (${e.plover || "—"}) ${actorLabel(e.source)} → ${actorLabel(e.target)}`;
  }
  if (annotation.kind === "actor") {
    const a = reading.actors[annotation.index];
    return `${a.code || "—"}${a.name_en ? ` (${a.name_en})` : ""}`;
  }
  if (annotation.kind === "place") {
    const p = reading.places[annotation.index];
    return `${p.name_en}${p.country ? `, ${p.country}` : ""}`;
  }
  if (annotation.kind === "quote") {
    const q = reading.quotations[annotation.index];
    return `${t("quotations")}: ${actorLabel(q.speaker)}`;
  }
  const c = reading.claims[annotation.index];
  return `${t("claims")}${c.hedged ? ` · ${t("f_hedged")}` : ""}${c.negated ? ` · ${t("f_negated")}` : ""}`;
}

/** The text cut at every annotation boundary and at ``boundaries`` (the spans a selection puts in focus,
 * so that the focus covers them exactly): [{start, end, covering: [annotation]}]. */
function segments(text, found, boundaries) {
  const cuts = new Set([0, text.length]);
  for (const a of found) {
    cuts.add(a.start);
    cuts.add(a.end);
  }
  for (const cut of boundaries) if (cut >= 0 && cut <= text.length) cuts.add(cut);
  const points = [...cuts].sort((x, y) => x - y);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [start, end] = [points[i], points[i + 1]];
    pieces.push({ start, end, covering: found.filter((a) => a.start <= start && a.end >= end) });
  }
  return pieces;
}

function detailRows(rows) {
  const list = element("dl", { class: "fields" });
  for (const [label, value] of rows) {
    if (value === null || value === undefined || value === "") continue;
    list.append(element("dt", { text: t(label) }), element("dd", {}, value));
  }
  return list;
}

function yesNo(value) {
  return value ? t("yes") : t("no");
}

function actorValue(actor) {
  if (!actor) return element("span", { class: "muted", text: "—" });
  return element(
    "span",
    {},
    element("code", { text: actor.code || "—" }),
    " ",
    actor.text ? arabic(actor.text) : null,
    actor.name_en ? element("span", { class: "muted", text: ` (${actor.name_en})` }) : null,
  );
}

function eventDetails(e) {
  const codes = ltr(element("code", { text: e.cameo }), ` ${e.cameo_label || ""}`);
  const plover = e.plover ? `${e.plover}${e.plover_mode ? ` / ${e.plover_mode}` : ""}` : "—";
  const modality = `${t(`modality_${e.modality}`)}${e.tense ? ` · ${e.tense}` : ""}`;
  const dyad = element("span", { class: "dyad", dir: "ltr" }, actorValue(e.source), " → ", actorValue(e.target));
  return detailRows([
    ["f_trigger", arabic(e.trigger)],
    ["f_cameo", codes],
    ["f_plover", ltr(plover)],
    ["f_goldstein", ltr(goldstein(e.goldstein))],
    ["f_quad", e.quad_class ? t(`quad_${e.quad_class}`) : "—"],
    ["f_modality", modality],
    ["f_source_target", dyad],
    ["f_place", e.place ? `${e.place.name_en}${e.place.country ? `, ${e.place.country}` : ""}` : "—"],
    ["f_date", ltr(e.date || "—")],
    ["f_confidence", ltr(e.confidence.toFixed(2))],
    ["f_event_id", e.event_id ? element("code", { text: e.event_id }) : null],
    ["f_evidence", arabic(e.text, "p")],
  ]);
}

function details(reading, kind, index) {
  if (kind === "trigger") return eventDetails(reading.events[index]);
  if (kind === "actor") {
    const a = reading.actors[index];
    return detailRows([
      ["f_name", arabic(a.text)],
      ["f_code", element("code", { text: a.code || "—" })],
      ["f_name", a.name_en],
      ["f_role", a.role],
      ["f_kind", a.kind],
      ["f_confidence", a.confidence === null || a.confidence === undefined ? null : a.confidence.toFixed(2)],
    ]);
  }
  if (kind === "place") {
    const p = reading.places[index];
    const coordinates = p.lat === null || p.lat === undefined ? null : `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`;
    return detailRows([
      ["f_name", arabic(p.text)],
      ["f_place", p.name_en],
      ["f_country", p.country],
      ["f_kind", p.kind],
      ["f_coordinates", coordinates],
    ]);
  }
  if (kind === "quote") {
    const q = reading.quotations[index];
    return detailRows([
      ["f_speaker", actorValue(q.speaker)],
      ["f_cue", arabic(q.cue)],
      ["f_direct", yesNo(q.direct)],
      ["f_content", arabic(q.content, "p")],
    ]);
  }
  const c = reading.claims[index];
  return detailRows([
    ["f_hedged", yesNo(c.hedged)],
    ["f_hedge", c.hedge ? arabic(c.hedge) : null],
    ["f_negated", yesNo(c.negated)],
    ["f_about", c.about.length ? c.about.join(", ") : "—"],
    ["f_relation", c.relation ? `${c.relation}${c.relation_cue ? ` (${c.relation_cue})` : ""}` : null],
    ["claims", arabic(c.text, "p")],
  ]);
}

function listLabel(reading, kind, index) {
  if (kind === "trigger") {
    const e = reading.events[index];
    return element(
      "span",
      {},
      arabic(e.trigger),
      " ",
      ltr(
        element("span", { class: "codes", text: `${actorLabel(e.source)} → ${actorLabel(e.target)} · ` }),
        element("code", { text: e.cameo }),
        element("span", { class: "codes", text: ` ${e.plover || ""} ${goldstein(e.goldstein)}` }),
      ),
      element("span", { class: `codes modality-${e.modality}`, text: ` · ${t(`modality_${e.modality}`)}` }),
    );
  }
  if (kind === "actor") {
    const a = reading.actors[index];
    return element("span", {}, arabic(a.text), " ", element("code", { text: a.code || "—" }));
  }
  if (kind === "place") {
    const p = reading.places[index];
    return element("span", {}, arabic(p.text), element("span", { class: "codes", text: ` ${p.name_en}` }));
  }
  if (kind === "quote") {
    const q = reading.quotations[index];
    return element("span", {}, element("code", { text: actorLabel(q.speaker) }), " ", arabic(`«${q.content}»`));
  }
  return arabic(reading.claims[index].text);
}

/** The spans an annotation puts in focus: {range: [start, end], main: [[start, end]], args: [[start, end]]}. */
function focusOf(reading, kind, index) {
  if (kind === "trigger") {
    const e = reading.events[index];
    const args = [e.source, e.target].filter((a) => a && a.start !== null && a.start !== undefined);
    return {
      range: [Math.min(e.start, e.trigger_start), Math.max(e.end, e.trigger_end)],
      main: [[e.trigger_start, e.trigger_end]],
      args: args.map((a) => [a.start, a.end]),
    };
  }
  if (kind === "quote") {
    const q = reading.quotations[index];
    const speaker = q.speaker && q.speaker.start !== null && q.speaker.start !== undefined ? q.speaker : null;
    const starts = [q.start, q.cue_start, ...(speaker ? [speaker.start] : [])];
    const ends = [q.end, q.cue_end, ...(speaker ? [speaker.end] : [])];
    return {
      range: [Math.min(...starts), Math.max(...ends)],
      main: [[q.cue_start, q.cue_end]],
      args: speaker ? [[speaker.start, speaker.end]] : [],
    };
  }
  const record = { actor: reading.actors, place: reading.places, claim: reading.claims }[kind][index];
  return { range: [record.start, record.end], main: [[record.start, record.end]], args: [] };
}

function overlaps(piece, [start, end]) {
  return piece.start < end && piece.end > start;
}

/**
 * Render ``reading`` into ``container``; returns {select(kind, index)}. ``kind`` is one of trigger
 * (an event), actor, place, quote, claim.
 */
export function renderReading(container, reading) {
  container.replaceChildren();
  const found = annotations(reading);
  const boundaries = [
    ...reading.events.flatMap((e) => [e.start, e.end]),
    ...reading.quotations.flatMap((q) => [q.cue_start, q.cue_end]),
  ];
  const pieces = segments(reading.text, found, boundaries);

  const textView = element("div", { class: "textview", dir: "rtl", lang: "ar" });
  const spans = pieces.map((piece) => {
    const kinds = [...new Set(piece.covering.map((a) => a.kind))];
    const span = element("span", { class: ["seg", ...kinds.map((k) => `k-${k}`)].join(" ") });
    span.textContent = reading.text.slice(piece.start, piece.end);
    if (piece.covering.length) span.title = piece.covering.map((a) => describe(reading, a)).join("\n");
    textView.append(span);
    return span;
  });

  const legend = element(
    "div",
    { class: "legend" },
    ...[
      ["actors", "k-actor"],
      ["places", "k-place"],
      ["triggers", "k-trigger"],
      ["quotations", "k-quote"],
      ["claims", "k-claim"],
    ].map(([label, kind]) => element("span", { class: `chip ${kind}`, text: t(label) })),
  );

  const detailsBody = element("div", { class: "details-body" }, element("p", { class: "muted", text: t("select_hint") }));
  const detailsCard = element("div", { class: "card details" }, element("h3", { text: t("details") }), detailsBody);
  const listItems = new Map();
  const lists = element("div", { class: "card lists" });
  for (const [collection, kind] of LIST_KINDS) {
    const records = reading[collection];
    const list = element("ol", { class: `list list-${kind}` });
    records.forEach((_, index) => {
      const item = element("li", { tabindex: "0", "data-kind": kind, "data-index": String(index) }, listLabel(reading, kind, index));
      item.addEventListener("click", () => select(kind, index, "list"));
      item.addEventListener("keydown", (event) => {
        if (event.key === "Enter") select(kind, index, "list");
      });
      listItems.set(`${kind}:${index}`, item);
      list.append(item);
    });
    const section = element(
      "details",
      { class: `list-section section-${collection}` },
      element("summary", {}, element("span", { class: `chip k-${kind}`, text: t(collection) }), ` ${records.length}`),
      list,
    );
    if (records.length && collection !== "claims") section.open = true;
    lists.append(section);
  }

  container.append(
    element("div", { class: "reading" }, element("div", { class: "card text-card" }, legend, textView), element("aside", { class: "side" }, detailsCard, lists)),
  );

  function select(kind, index, from) {
    const focus = focusOf(reading, kind, index);
    textView.classList.add("has-focus");
    let first = null;
    pieces.forEach((piece, i) => {
      const span = spans[i];
      const main = focus.main.some((range) => overlaps(piece, range));
      span.classList.toggle("in-focus", overlaps(piece, focus.range) || main);
      span.classList.toggle("focus-main", main);
      span.classList.toggle("focus-arg", focus.args.some((range) => overlaps(piece, range)));
      if (main && first === null) first = span;
    });
    detailsBody.replaceChildren(details(reading, kind, index));
    detailsCard.dataset.kind = kind;
    for (const item of listItems.values()) item.classList.remove("selected");
    const item = listItems.get(`${kind}:${index}`);
    if (item) {
      item.classList.add("selected");
      item.closest("details").open = true;
      if (from !== "list") item.scrollIntoView({ block: "nearest" });
    }
    if (first && from !== "text") first.scrollIntoView({ block: "center" });
  }

  textView.addEventListener("click", (event) => {
    const index = spans.indexOf(event.target.closest(".seg"));
    if (index < 0) return;
    const covering = pieces[index].covering;
    if (!covering.length) return;
    const ranked = [...covering].sort(
      (a, b) => KIND_PRIORITY.indexOf(a.kind) - KIND_PRIORITY.indexOf(b.kind) || a.end - a.start - (b.end - b.start),
    );
    select(ranked[0].kind, ranked[0].index, "text");
  });

  return { select };
}
