// The document view: a stored article with its records, the evidence of one event in focus (the link
// target of the corpus view's event table: #/document/DOC_KEY/EVENT_NO).

import { getJSON } from "./api.js";
import { t } from "./i18n.js";
import { fromStoredDocument, renderReading } from "./reading.js";

export function setUpDocument({ showError }) {
  const head = document.getElementById("document-head");
  const result = document.getElementById("document-result");
  let shown = null; // {document, eventNo}

  function draw() {
    if (!shown) return;
    const { document: stored, eventNo } = shown;
    const title = document.createElement("h2");
    title.lang = "ar";
    title.dir = "rtl";
    title.textContent = stored.title || stored.doc_id;
    const facts = document.createElement("p");
    facts.className = "muted";
    facts.textContent = [stored.date, stored.source, stored.doc_id, `${stored.events.length} ${t("events")}`]
      .filter(Boolean)
      .join(" · ");
    head.replaceChildren(title, facts);
    if (stored.url) {
      const link = document.createElement("a");
      link.href = stored.url;
      link.rel = "noreferrer";
      link.textContent = stored.url;
      head.append(link);
    }
    const view = renderReading(result, fromStoredDocument(stored));
    const index = stored.events.findIndex((e) => e.event_no === eventNo);
    if (index >= 0) view.select("trigger", index);
  }

  return {
    async show(docKey, eventNo) {
      try {
        shown = { document: await getJSON(`/documents/${encodeURIComponent(docKey)}`), eventNo };
        draw();
      } catch (error) {
        showError(error.message);
      }
    },
    redraw: draw,
  };
}
