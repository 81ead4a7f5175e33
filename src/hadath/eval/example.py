"""Score an analysis against a hand-made expected.yaml (the worked-example format).

Every expected item is located in the text by its ``text``/``evidence`` (searched in normalised
form, mapped back to original offsets); a predicted record matches when its span overlaps that
evidence AND every attribute the item states agrees: codes must be one of the accepted codes
(``null`` in a list accepts a missing argument), people by English name, places by country and
coordinates (±0.2°), events by CAMEO, PLOVER, QuadClass, modality, nominal, tense and place,
claims by holder, hedge, negation, relation and what they are about, quotations by speaker, cue and
content. ``must_not`` items fail when a matching record exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from hadath.mosaic.dyads import dyads
from hadath.pipeline import Pipeline
from hadath.schema import ActorRef, Analysis, Document
from hadath.text.normalize import normalize

_COORDINATE_TOLERANCE = 0.2
_TIERS = ("must", "should", "must_not")


@dataclass(slots=True)
class ItemResult:
    section: str
    tier: str
    label: str
    found: bool
    why: str = ""


@dataclass(slots=True)
class ExampleReport:
    doc_id: str
    items: list[ItemResult] = field(default_factory=list)

    def tier_counts(self, tier: str) -> tuple[int, int]:
        selected = [i for i in self.items if i.tier == tier]
        return sum(i.found for i in selected), len(selected)

    @property
    def passed(self) -> bool:
        """Every must item found and no must_not item present."""
        return all(i.found for i in self.items if i.tier in ("must", "must_not"))

    def summary(self) -> dict[str, Any]:
        result: dict[str, Any] = {"doc_id": self.doc_id, "passed": self.passed}
        for tier in _TIERS:
            found, total = self.tier_counts(tier)
            result[tier] = {"ok": found, "total": total}
        sections: dict[str, dict[str, list[int]]] = {}
        for item in self.items:
            counts = sections.setdefault(item.section, {}).setdefault(item.tier, [0, 0])
            counts[0] += item.found
            counts[1] += 1
        result["sections"] = {
            s: {t: f"{c[0]}/{c[1]}" for t, c in tiers.items()} for s, tiers in sections.items()
        }
        return result


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


class EvidenceLocator:
    """Finds expected evidence strings in the original text, tolerant of spacing and spelling."""

    def __init__(self, text: str):
        self.normalized = normalize(text)
        # collapse whitespace runs so that "هذا التصريح  جاء" matches "هذا التصريح جاء"
        self.squeezed_chars: list[str] = []
        self.squeezed_to_norm: list[int] = []
        previous_space = False
        for index, char in enumerate(self.normalized.text):
            is_space = char.isspace()
            if is_space and previous_space:
                continue
            self.squeezed_chars.append(" " if is_space else char)
            self.squeezed_to_norm.append(index)
            previous_space = is_space
        self.squeezed = "".join(self.squeezed_chars)

    def find_all(self, needle: str) -> list[tuple[int, int]]:
        query = " ".join(normalize(needle).text.split())
        spans = []
        start = self.squeezed.find(query)
        while start != -1 and query:
            norm_start = self.squeezed_to_norm[start]
            norm_end = self.squeezed_to_norm[start + len(query) - 1] + 1
            spans.append(self.normalized.original_span(norm_start, norm_end))
            start = self.squeezed.find(query, start + 1)
        return spans


def spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def code_accepted(ref: ActorRef | None, accepted: Any) -> bool:
    allowed = _as_list(accepted)
    if ref is None or not ref.code:
        return None in allowed
    return ref.code in [a for a in allowed if a is not None]


def _same_text(a: str, b: str) -> bool:
    return " ".join(normalize(a).text.split()) == " ".join(normalize(b).text.split())


class ExampleScorer:
    def __init__(self, analysis: Analysis, expected: dict[str, Any], text: str):
        self.analysis = analysis
        self.expected = expected
        self.locator = EvidenceLocator(text)
        self.report = ExampleReport(analysis.doc_id)

    def _spans(self, text: str) -> list[tuple[int, int]]:
        return self.locator.find_all(text)

    def _add(self, section: str, tier: str, label: str, found: bool, why: str = "") -> None:
        if tier == "must_not":
            found = not found
        self.report.items.append(ItemResult(section, tier, label, found, why))

    def score(self) -> ExampleReport:
        for section, method in (
            ("actors", self._actor),
            ("places", self._place),
            ("events", self._event),
            ("claims", self._claim),
            ("quotations", self._quotation),
            ("mosaic", self._dyad),
        ):
            tiers = self.expected.get(section) or {}
            for tier in _TIERS:
                for item in tiers.get(tier) or []:
                    found, label, why = method(item)
                    self._add(section, tier, label, found, why)
        return self.report

    def _actor(self, item: dict[str, Any]) -> tuple[bool, str, str]:
        spans = self._spans(item["text"])
        label = f"{item['text']} → {item.get('code')}"
        if not spans:
            return False, label, "text not in document"
        candidates = [
            a for a in self.analysis.actors if any(spans_overlap((a.start, a.end), s) for s in spans)
        ]
        if not candidates:
            return False, label, "no actor mention there"
        good = [a for a in candidates if code_accepted(a, item.get("code"))]
        if not good:
            return False, label, "codes found: " + ", ".join(sorted({str(a.code) for a in candidates}))
        if "person" in item and not any((a.name_en or "").lower() == item["person"].lower() for a in good):
            return False, label, "person found: " + ", ".join(sorted({str(a.name_en) for a in good}))
        return True, label, ""

    def _place(self, item: dict[str, Any]) -> tuple[bool, str, str]:
        spans = self._spans(item["text"])
        label = f"{item['text']} → {item.get('name')}"
        candidates = [
            p for p in self.analysis.places if any(spans_overlap((p.start, p.end), s) for s in spans)
        ]
        if not candidates:
            return False, label, "no place mention there"
        for place in candidates:
            if item.get("country") and place.country != item["country"]:
                continue
            if "lat" in item and (place.lat is None or abs(place.lat - item["lat"]) > _COORDINATE_TOLERANCE):
                continue
            if "lon" in item and (place.lon is None or abs(place.lon - item["lon"]) > _COORDINATE_TOLERANCE):
                continue
            return True, label, ""
        return (
            False,
            label,
            "found: " + ", ".join(f"{p.name_en}/{p.country}/{p.lat},{p.lon}" for p in candidates),
        )

    def _event(self, item: dict[str, Any]) -> tuple[bool, str, str]:
        label = item.get("id") or item["evidence"][:40]
        spans = self._spans(item["evidence"])
        if not spans:
            return False, label, "evidence not in document"
        candidates = [
            e
            for e in self.analysis.events
            if any(spans_overlap((e.trigger_start, e.trigger_end), s) for s in spans)
        ]
        if not candidates:
            return False, label, "no event trigger inside the evidence"
        reasons: list[str] = []
        for event in candidates:
            why = self._event_mismatch(event, item)
            if not why:
                return True, label, ""
            reasons.append(f"{event.trigger}/{event.cameo}: {why}")
        return False, label, "; ".join(reasons[:4])

    def _event_mismatch(self, event: Any, item: dict[str, Any]) -> str:
        checks = [
            (
                "cameo",
                lambda: (
                    _cameo_root_form(event.cameo)
                    in {_cameo_root_form(str(c)) for c in _as_list(item["cameo"])}
                ),
            ),
            ("source", lambda: code_accepted(event.source, item["source"])),
            ("target", lambda: code_accepted(event.target, item["target"])),
            ("plover", lambda: event.plover in _as_list(item["plover"])),
            ("quad_class", lambda: event.quad_class == item["quad_class"]),
            ("modality", lambda: event.modality in _as_list(item["modality"])),
            ("nominal", lambda: event.nominal == item["nominal"]),
            (
                "time",
                lambda: (
                    (event.tense or "past") == item["time"]
                    or (item["time"] == "past" and event.tense is None)
                ),
            ),
            (
                "place",
                lambda: (
                    event.place is not None
                    and any(
                        _same_text(event.place.text, p) or p in event.place.text
                        for p in _as_list(item["place"])
                    )
                ),
            ),
        ]
        for name, check in checks:
            if name in item and not check():
                value = {
                    "source": event.source.code if event.source else None,
                    "target": event.target.code if event.target else None,
                    "place": event.place.text if event.place else None,
                    "time": event.tense,
                }.get(name, getattr(event, name, None))
                return f"{name} is {value!r}, expected {item[name]!r}"
        return ""

    def _claim(self, item: dict[str, Any]) -> tuple[bool, str, str]:
        label = item["evidence"][:50]
        spans = self._spans(item["evidence"])
        if not spans:
            return False, label, "evidence not in document"
        candidates = [
            c for c in self.analysis.claims if any(spans_overlap((c.start, c.end), s) for s in spans)
        ]
        if not candidates:
            return False, label, "no claim there"
        reasons = []
        for claim in candidates:
            problems = []
            if "holder" in item and claim.holder != item["holder"]:
                problems.append(f"holder {claim.holder}")
            if "hedged" in item and claim.hedged != item["hedged"]:
                problems.append(f"hedged {claim.hedged}")
            if "negated" in item and claim.negated != item["negated"]:
                problems.append(f"negated {claim.negated}")
            if "about" in item and not set(item["about"]) <= set(claim.about):
                problems.append(f"about {claim.about}")
            if "relation" in item and claim.relation != item["relation"]:
                problems.append(f"relation {claim.relation}")
            if "negated_part" in item and not (
                claim.negated_part and _overlap_text(claim.negated_part, item["negated_part"])
            ):
                problems.append(f"negated_part {claim.negated_part!r}")
            if not problems:
                return True, label, ""
            reasons.append(", ".join(problems))
        return False, label, "; ".join(reasons)

    def _quotation(self, item: dict[str, Any]) -> tuple[bool, str, str]:
        content = item["content"]
        label = f"{item.get('speaker')}: {content[:40]}"
        spans = self._spans(content)
        candidates = [
            q for q in self.analysis.quotations if any(spans_overlap((q.start, q.end), s) for s in spans)
        ]
        if item.get("speaker") == "any political actor":
            attributed = [q for q in candidates if q.speaker is not None]
            return (
                bool(attributed),
                label,
                "attributed to " + ", ".join(str(q.speaker.code) for q in attributed if q.speaker),
            )
        for quotation in candidates:
            if not _overlap_text(quotation.content, content):
                continue
            if "cue" in item and not _same_text(quotation.cue, item["cue"]):
                continue
            if "speaker" in item and not code_accepted(quotation.speaker, item["speaker"]):
                continue
            return True, label, ""
        return (
            False,
            label,
            "found: "
            + "; ".join(
                f"{q.speaker.code if q.speaker else None}/{q.cue}/{q.content[:30]}" for q in candidates
            )
            if candidates
            else "no quotation there",
        )

    def _dyad(self, item: dict[str, Any]) -> tuple[bool, str, str]:
        first, second = item["dyad"]
        label = f"{first}–{second}: {item['balance']}"
        table = dyads([self.analysis])
        seen = []
        for (a, b), dyad in table.items():
            if (a.startswith(first) and b.startswith(second)) or (
                a.startswith(second) and b.startswith(first)
            ):
                if dyad.balance == item["balance"]:
                    return True, label, ""
                seen.append(f"{a}–{b}: {dyad.balance}")
        return False, label, "found: " + ", ".join(seen) if seen else "dyad absent"


def _cameo_root_form(code: str) -> str:
    """CAMEO writes an unspecified root event as the root followed by 0 (120 is root 12, "reject")."""
    return code[:2] if len(code) == 3 and code.endswith("0") else code


def _overlap_text(found: str, expected: str) -> bool:
    """The found text contains the expected one, or covers at least 80% of it."""
    a = " ".join(normalize(found).text.split())
    b = " ".join(normalize(expected).text.split())
    return b in a or (a in b and len(a) >= 0.8 * len(b))


def load_expected(directory: Path) -> tuple[Document, dict[str, Any]]:
    expected_path = directory / "expected.yaml"
    article_path = directory / "article.txt"
    if not expected_path.exists() or not article_path.exists():
        raise FileNotFoundError(f"{directory} must contain article.txt and expected.yaml")
    expected = yaml.safe_load(expected_path.read_text(encoding="utf-8"))
    text = article_path.read_text(encoding="utf-8")
    meta = expected.get("document") or {}
    day = date.fromisoformat(str(meta["date"])) if meta.get("date") else None
    document = Document(id=str(meta.get("id", directory.name)), text=text, date=day, origin=str(article_path))
    return document, expected


def evaluate_example(directory: Path, pipeline: Pipeline | None = None) -> ExampleReport:
    document, expected = load_expected(directory)
    analysis = (pipeline or Pipeline()).analyze(document)
    return ExampleScorer(analysis, expected, document.text).score()
