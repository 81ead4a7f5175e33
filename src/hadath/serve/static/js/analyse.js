// The analyse view: paste or open an Arabic text, POST it to /analyze, show the reading.

import { postJSON } from "./api.js";
import { t } from "./i18n.js";
import { fromAnalysis, renderReading } from "./reading.js";

export function setUpAnalyse({ showError }) {
  const form = document.getElementById("analyse-form");
  const textArea = document.getElementById("analyse-text");
  const fileInput = document.getElementById("analyse-file");
  const dateInput = document.getElementById("analyse-date");
  const button = document.getElementById("analyse-button");
  const status = document.getElementById("analyse-status");
  const result = document.getElementById("analyse-result");
  let last = null; // {text, analysis, elapsed}: drawn again when the language changes

  fileInput.addEventListener("change", async () => {
    const file = fileInput.files[0];
    if (file) textArea.value = await file.text();
  });

  function draw() {
    if (!last) return;
    status.textContent = t("analysed_in", { ms: Math.round(last.elapsed) });
    result.hidden = false;
    renderReading(result, fromAnalysis(last.text, last.analysis));
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = textArea.value;
    if (!text.trim()) {
      showError(t("empty_text"));
      return;
    }
    button.disabled = true;
    status.textContent = t("analysing");
    try {
      const body = { text, id: "workbench" };
      if (dateInput.value) body.date = dateInput.value;
      const answer = await postJSON("/analyze", body);
      last = { text, analysis: answer.analyses[0], elapsed: answer.elapsed_ms };
      draw();
    } catch (error) {
      status.textContent = "";
      showError(error.message);
    } finally {
      button.disabled = false;
    }
  });

  return { redraw: draw };
}
