// The workbench's entry point: language, routing between the views (#/analyse, #/corpus,
// #/document/DOC_KEY/EVENT_NO), and the error banner.

import { setUpAnalyse } from "./analyse.js";
import { setUpCorpus } from "./corpus.js";
import { setUpDocument } from "./document.js";
import { applyLabels, currentLanguage, onLanguageChange, setLanguage, t } from "./i18n.js";

const banner = document.getElementById("message");
let bannerTimer = null;

function showError(message) {
  banner.textContent = `${t("error")}: ${message}`;
  banner.hidden = false;
  clearTimeout(bannerTimer);
  bannerTimer = setTimeout(() => {
    banner.hidden = true;
  }, 10000);
}
banner.addEventListener("click", () => {
  banner.hidden = true;
});

const views = {
  analyse: setUpAnalyse({ showError }),
  corpus: setUpCorpus({ showError }),
  document: setUpDocument({ showError }),
};
let current = null;

function route() {
  const [, name = "analyse", key, eventNo] = window.location.hash.split("/");
  current = views[name] ? name : "analyse";
  for (const view of Object.keys(views)) document.getElementById(`view-${view}`).hidden = view !== current;
  document.getElementById("nav-analyse").classList.toggle("active", current === "analyse");
  document.getElementById("nav-corpus").classList.toggle("active", current !== "analyse");
  if (current === "corpus") views.corpus.show();
  if (current === "document") views.document.show(key, eventNo === undefined ? null : Number(eventNo));
}

const toggle = document.getElementById("language-toggle");
function labelToggle() {
  toggle.textContent = t("language_other");
  toggle.lang = currentLanguage() === "ar" ? "en" : "ar";
}
toggle.addEventListener("click", () => setLanguage(currentLanguage() === "ar" ? "en" : "ar"));
onLanguageChange(() => {
  labelToggle();
  views[current].redraw();
});

applyLabels();
labelToggle();
window.addEventListener("hashchange", route);
route();
