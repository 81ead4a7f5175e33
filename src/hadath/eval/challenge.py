"""Score the challenge set: short sentences of our own, each testing one phenomenon of event coding.

The set is in the spirit of CheckList (Ribeiro et al., 2020): the gold standards measure how often the
coder is right on the news they sample, and this set says *which constructions* it gets wrong (the
passive with its agent, coordinated subjects, speech inside speech, a thwarted plot, a pronoun that
refers back). Each item is a YAML record::

    - id: A-passive-03
      phenomenon: passive_agent
      split: dev                       # dev: read and tuned on; test: scored only
      date: "2016-05-10"               # optional document date (who holds an office)
      text: "قتل ثلاثة جنود عراقيين على يد مسلحين من تنظيم داعش في محافظة الأنبار."
      events:
        - {evidence: "قتل ثلاثة جنود", cameo: "190", source: [IMG, IRQREB], target: [IRQMIL],
           modality: asserted}
      must_not:
        - {evidence: "...", cameo: "190", modality: asserted, why: "..."}
      may:                             # defensible either way: neither asked for nor held against
        - {evidence: "...", cameo: "138"}   # a modality, when given, limits it to those

An expected event is *detected* when an event's trigger lies inside its evidence and the CAMEO roots
(first two digits) agree. Among the detected candidates the one with most arguments right is judged:
its source and target codes must be among the accepted ones (``null`` accepts none), by full code and
by country (the first three letters, as ``hadath eval gsr`` compares them), and its modality must be an
accepted one. Events the set does not expect count against precision, except statements (root 01) and
the events an item lists under ``may``, which are neither asked for nor held against the coder. The
pipeline runs as a user runs it, filter included, and no confidence cut is applied.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from hadath.eval.example import EvidenceLocator, code_accepted, spans_overlap
from hadath.pipeline import Pipeline
from hadath.schema import ActorRef, Document, Event

SPLITS = ("dev", "test")
MODALITIES = frozenset({"asserted", "reported", "negated", "hypothetical", "intended", "future"})
_STATEMENT_ROOT = "01"
_LIGHT_VERB_GAP = 3  # words between an evidence and a trigger just after it
_CLAUSE_MARKS = ",.;:،؛«»"


class ChallengeFormatError(ValueError):
    """An item of the challenge file that cannot be scored; the message names the file and the item."""


@dataclass(slots=True)
class ChallengeItem:
    id: str
    phenomenon: str
    split: str
    text: str
    date: date | None
    events: list[dict[str, Any]]
    must_not: list[dict[str, Any]]
    may: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class EventOutcome:
    """How the coder did on one expected event (the argument fields are False when not detected)."""

    item: str
    phenomenon: str
    split: str
    evidence: str
    detected: bool
    source: bool = False
    target: bool = False
    source_country: bool = False
    target_country: bool = False
    modality: bool = False
    found: str = ""

    @property
    def exact(self) -> bool:
        return self.detected and self.source and self.target and self.modality


@dataclass(slots=True)
class ItemOutcome:
    item: ChallengeItem
    events: list[EventOutcome]
    matched_events: int  # the coder's events that some expected event accounts for
    unexpected: list[str]  # the coder's other events (statements aside), as "trigger/cameo"
    violations: list[str]  # must_not items the coder produced

    @property
    def passed(self) -> bool:
        return all(e.exact for e in self.events) and not self.unexpected and not self.violations


@dataclass(slots=True)
class ChallengeReport:
    items: list[ItemOutcome] = field(default_factory=list)

    def select(self, split: str | None = None, phenomenon: str | None = None) -> list[ItemOutcome]:
        return [
            o
            for o in self.items
            if (split is None or o.item.split == split)
            and (phenomenon is None or o.item.phenomenon == phenomenon)
        ]

    @staticmethod
    def scores(outcomes: Iterable[ItemOutcome]) -> dict[str, Any]:
        outcomes = list(outcomes)
        events = [e for o in outcomes for e in o.events]
        detected = [e for e in events if e.detected]
        matched = sum(o.matched_events for o in outcomes)
        unexpected = sum(len(o.unexpected) for o in outcomes)

        def share(hits: int, total: int) -> float | None:
            return round(hits / total, 3) if total else None

        return {
            "items": len(outcomes),
            "items_passed": share(sum(o.passed for o in outcomes), len(outcomes)),
            "events": len(events),
            "recall": share(len(detected), len(events)),
            "precision": share(matched, matched + unexpected),
            "source": share(sum(e.source for e in detected), len(detected)),
            "target": share(sum(e.target for e in detected), len(detected)),
            "source_country": share(sum(e.source_country for e in detected), len(detected)),
            "target_country": share(sum(e.target_country for e in detected), len(detected)),
            "modality": share(sum(e.modality for e in detected), len(detected)),
            "exact": share(sum(e.exact for e in events), len(events)),
            "must_not_violated": sum(len(o.violations) for o in outcomes),
        }

    def summary(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for split in SPLITS:
            chosen = self.select(split)
            if not chosen:
                continue
            phenomena = sorted({o.item.phenomenon for o in chosen})
            result[split] = {
                "all": self.scores(chosen),
                "by_phenomenon": {p: self.scores(self.select(split, p)) for p in phenomena},
            }
        return result

    def lines(self) -> list[str]:
        header = (
            f"{'phenomenon':24} {'items':>5} {'pass':>5} {'events':>6} {'recall':>6} {'prec':>5} "
            f"{'src':>5} {'tgt':>5} {'srcC':>5} {'tgtC':>5} {'mod':>5} {'exact':>5}"
        )
        lines: list[str] = []
        for split, block in self.summary().items():
            lines += [f"== {split}", header]
            rows = [*block["by_phenomenon"].items(), ("ALL", block["all"])]
            for name, s in rows:
                cells = [
                    s[k]
                    for k in (
                        "items_passed",
                        "events",
                        "recall",
                        "precision",
                        "source",
                        "target",
                        "source_country",
                        "target_country",
                        "modality",
                        "exact",
                    )
                ]
                shown = [("-" if c is None else str(c)) for c in cells]
                lines.append(
                    f"{name:24} {s['items']:>5} {shown[0]:>5} {shown[1]:>6} {shown[2]:>6} {shown[3]:>5} "
                    + " ".join(f"{c:>5}" for c in shown[4:])
                )
        lines.append(
            "recall: expected events found (trigger in the evidence, same CAMEO root); prec: found events "
            "the set expects (statements aside); src/tgt/mod: right among the detected, srcC/tgtC by "
            "country; exact: detected with source, target and modality right; pass: items with every "
            "event exact, nothing unexpected and no must_not violated"
        )
        return lines

    def failures(self, split: str | None = None) -> list[str]:
        lines = []
        for outcome in self.select(split):
            for event in outcome.events:
                if not event.exact:
                    lines.append(f"{outcome.item.id}: {event.evidence!r}: {event.found}")
            for unexpected in outcome.unexpected:
                lines.append(f"{outcome.item.id}: unexpected {unexpected}")
            for violation in outcome.violations:
                lines.append(f"{outcome.item.id}: must_not {violation}")
        return lines


def load_challenge(path: Path) -> list[ChallengeItem]:
    """Read and check the challenge file; a broken item raises ChallengeFormatError naming it."""
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such challenge file")
    try:
        records = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as problem:
        raise ChallengeFormatError(f"{path}: not valid YAML: {problem}") from problem
    if not isinstance(records, list):
        raise ChallengeFormatError(f"{path}: expected a list of items")
    items: list[ChallengeItem] = []
    seen: set[str] = set()
    for index, record in enumerate(records):
        name = record.get("id") if isinstance(record, dict) else None
        where = f"{path}: item {name or f'#{index + 1}'}"
        if not isinstance(record, dict) or not name:
            raise ChallengeFormatError(f"{where}: an item is a mapping with an id")
        if name in seen:
            raise ChallengeFormatError(f"{where}: the id is used twice")
        seen.add(name)
        items.append(_check_item(record, where))
    return items


def _check_item(record: dict[str, Any], where: str) -> ChallengeItem:
    for key in ("phenomenon", "split", "text"):
        if not isinstance(record.get(key), str) or not record[key].strip():
            raise ChallengeFormatError(f"{where}: {key!r} is missing")
    if record["split"] not in SPLITS:
        raise ChallengeFormatError(f"{where}: split must be one of {', '.join(SPLITS)}")
    try:
        day = date.fromisoformat(str(record["date"])) if record.get("date") else None
    except ValueError as problem:
        raise ChallengeFormatError(f"{where}: date: {problem}") from problem
    locator = EvidenceLocator(record["text"])
    events = record.get("events") or []
    must_not = record.get("must_not") or []
    may = record.get("may") or []
    for kind, entries in (("events", events), ("must_not", must_not), ("may", may)):
        for entry in entries:
            if not isinstance(entry, dict) or "evidence" not in entry or "cameo" not in entry:
                raise ChallengeFormatError(f"{where}: each of {kind} needs an evidence and a cameo")
            if not locator.find_all(str(entry["evidence"])):
                raise ChallengeFormatError(f"{where}: evidence {entry['evidence']!r} is not in the text")
            modalities = _as_list(entry.get("modality", []))
            if unknown := [m for m in modalities if m not in MODALITIES]:
                raise ChallengeFormatError(f"{where}: unknown modality {unknown[0]!r}")
        if kind == "events":
            for entry in entries:
                for key in ("source", "target", "modality"):
                    if key not in entry:
                        raise ChallengeFormatError(f"{where}: event {entry['evidence']!r} lacks {key!r}")
    return ChallengeItem(
        id=record["id"],
        phenomenon=record["phenomenon"],
        split=record["split"],
        text=record["text"],
        date=day,
        events=events,
        must_not=must_not,
        may=may,
    )


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _roots(cameo: Any) -> set[str]:
    return {str(code)[:2] for code in _as_list(cameo)}


def _country_accepted(ref: ActorRef | None, accepted: Any) -> bool:
    allowed = _as_list(accepted)
    if ref is None or not ref.code:
        return None in allowed
    return ref.code[:3] in {str(a)[:3] for a in allowed if a is not None}


def _describe(event: Event) -> str:
    source = event.source.code if event.source else None
    target = event.target.code if event.target else None
    return f"{event.trigger}/{event.cameo} {source}→{target} {event.modality}"


def _at_evidence(
    events: list[Event], text: str, locator: EvidenceLocator, entry: dict[str, Any]
) -> list[Event]:
    """The events of the entry's root whose trigger lies in its evidence; failing those, whose trigger
    follows it closely: the writers' evidence often holds a light verb and its subject ("شنت أمس
    طائرات روسية") where the coder's trigger is the noun after them ("غارات")."""
    spans = locator.find_all(str(entry["evidence"]))
    of_root = [e for e in events if e.cameo[:2] in _roots(entry["cameo"])]
    inside = [e for e in of_root if any(spans_overlap((e.trigger_start, e.trigger_end), s) for s in spans)]
    return inside or [e for e in of_root if any(_just_after(text, s, e.trigger_start) for s in spans)]


def _just_after(text: str, span: tuple[int, int], position: int) -> bool:
    between = text[span[1] : position]
    return (
        span[1] <= position
        and len(between.split()) <= _LIGHT_VERB_GAP
        and not any(mark in between for mark in _CLAUSE_MARKS)
    )


def _judge(item: ChallengeItem, entry: dict[str, Any], candidates: list[Event]) -> EventOutcome:
    outcome = EventOutcome(item.id, item.phenomenon, item.split, str(entry["evidence"]), detected=False)
    if not candidates:
        outcome.found = "not detected"
        return outcome

    def marks(event: Event) -> tuple[bool, bool, bool, bool, bool]:
        return (
            code_accepted(event.source, entry["source"]),
            code_accepted(event.target, entry["target"]),
            _country_accepted(event.source, entry["source"]),
            _country_accepted(event.target, entry["target"]),
            event.modality in _as_list(entry["modality"]),
        )

    best = max(candidates, key=lambda e: (sum(marks(e)), e.confidence))
    (
        outcome.source,
        outcome.target,
        outcome.source_country,
        outcome.target_country,
        outcome.modality,
    ) = marks(best)
    outcome.detected = True
    wanted = f"expected {entry['source']}→{entry['target']} {entry['modality']}"
    outcome.found = f"found {_describe(best)}; {wanted}"
    return outcome


def score_item(item: ChallengeItem, pipeline: Pipeline) -> ItemOutcome:
    analysis = pipeline.analyze(Document(id=item.id, text=item.text, date=item.date, origin="challenge"))
    locator = EvidenceLocator(item.text)
    outcomes: list[EventOutcome] = []
    accounted: set[int] = set()
    for entry in item.events:
        candidates = _at_evidence(analysis.events, item.text, locator, entry)
        accounted.update(id(e) for e in candidates)
        outcomes.append(_judge(item, entry, candidates))
    matched = len(accounted)
    for entry in item.may:
        modalities = _as_list(entry.get("modality", []))
        accounted.update(
            id(e)
            for e in _at_evidence(analysis.events, item.text, locator, entry)
            if not modalities or e.modality in modalities
        )
    unexpected = [
        _describe(e)
        for e in analysis.events
        if id(e) not in accounted and not e.cameo.startswith(_STATEMENT_ROOT)
    ]
    violations = []
    for entry in item.must_not:
        modalities = _as_list(entry.get("modality", []))
        for event in _at_evidence(analysis.events, item.text, locator, entry):
            if not modalities or event.modality in modalities:
                violations.append(f"{entry['evidence']!r}: {_describe(event)}")
    return ItemOutcome(item, outcomes, matched, unexpected, violations)


def evaluate_challenge(path: Path, pipeline: Pipeline | None = None) -> ChallengeReport:
    items = load_challenge(path)
    pipeline = pipeline or Pipeline()
    return ChallengeReport([score_item(item, pipeline) for item in items])
