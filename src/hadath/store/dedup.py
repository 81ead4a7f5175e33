"""Deduplication: the evidence of one real-world event, reported by several articles, becomes one event.

The rule (documented in docs/store.md, in the spirit of GDELT's events/mentions split and the Phoenix
"one-a-day" filter, with a date window instead of a single day):

1. Negated evidence never makes an event ("لم تقصف" reports that nothing happened).
2. Evidence is grouped by **dyad and action**: the same source code, the same target code (either may be
   empty), the same CAMEO root code (``190`` and ``193`` are both root ``19``, "fight"), and the same
   factuality (asserted or reported vs hypothetical, intended or future: a threat to strike is not the
   strike).
3. Within a group, dates are cut into **windows**: the earliest date opens a window of ``window_days``
   days after it; every date inside joins it; the next date after it opens the next window. Evidence
   without a date forms its own window.
4. Within a window, evidence is split by **place**: each place is its own event; evidence that names no
   place joins the window's only place, or, when several places are named, stays an event of its own.

The result depends only on the set of evidence, never on the order it arrived in, so a corpus ingested in
any order, in one run or many, gives the same events; event ids are a hash of the rule's key.
"""

from __future__ import annotations

import bisect
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from hadath.schema import FACTUAL_MODALITIES

DEFAULT_WINDOW_DAYS = 1


@dataclass(frozen=True, slots=True)
class Evidence:
    """One event record of one document, as far as deduplication and event attributes need it."""

    doc_key: str
    event_no: int
    source_code: str | None
    target_code: str | None
    cameo: str
    cameo_label: str | None
    plover: str | None
    goldstein: float | None
    quad_class: str | None
    modality: str
    place_id: str | None
    place_name: str | None
    place_kind: str | None
    place_country: str | None
    lat: float | None
    lon: float | None
    event_date: date | None
    confidence: float
    publisher: str | None = None
    url: str | None = None


GroupKey = tuple[str, str, str, bool]  # source, target, CAMEO root, factual


@dataclass(frozen=True, slots=True)
class DedupedEvent:
    event_id: str
    key: GroupKey
    event_date: date | None
    evidence: tuple[Evidence, ...]

    def row(self) -> dict[str, object]:
        """The events-table row: the code most of the evidence gives (ties: the more specific, then
        the lower code), its label and scores, the place, counts and the highest confidence."""
        by_code = Counter(e.cameo for e in self.evidence)
        cameo = min(by_code, key=lambda code: (-by_code[code], -len(code), code))
        coded = next(e for e in self.evidence if e.cameo == cameo)
        placed = next((e for e in self.evidence if e.place_id), None)
        first = min(self.evidence, key=lambda e: (e.event_date or date.max, e.doc_key, e.event_no))
        source, target, root, factual = self.key
        return {
            "event_id": self.event_id,
            "event_date": self.event_date,
            "source_code": source or None,
            "target_code": target or None,
            "cameo": cameo,
            "cameo_root": root,
            "cameo_label": coded.cameo_label,
            "plover": coded.plover,
            "goldstein": coded.goldstein,
            "quad_class": coded.quad_class,
            "factual": factual,
            "place_id": placed.place_id if placed else None,
            "place_name": placed.place_name if placed else None,
            "place_kind": placed.place_kind if placed else None,
            "place_country": placed.place_country if placed else None,
            "lat": placed.lat if placed else None,
            "lon": placed.lon if placed else None,
            "mentions": len(self.evidence),
            "documents": len({e.doc_key for e in self.evidence}),
            "sources": len({e.publisher or e.doc_key for e in self.evidence}),
            "confidence": max(e.confidence for e in self.evidence),
            "first_doc_key": first.doc_key,
            "url": first.url,
        }


def group_key(evidence: Evidence) -> GroupKey | None:
    """The dyad-and-action group of ``evidence``; None for negated evidence (it makes no event)."""
    if evidence.modality == "negated":
        return None
    return (
        evidence.source_code or "",
        evidence.target_code or "",
        evidence.cameo[:2],
        evidence.modality in FACTUAL_MODALITIES,
    )


def deduplicate(evidence: Iterable[Evidence], window_days: int = DEFAULT_WINDOW_DAYS) -> list[DedupedEvent]:
    """The events ``evidence`` reports, by the rule in the module docstring, sorted by id."""
    if window_days < 0:
        raise ValueError(f"window_days must be >= 0, not {window_days}")
    groups: dict[GroupKey, list[Evidence]] = defaultdict(list)
    for item in evidence:
        key = group_key(item)
        if key is not None:
            groups[key].append(item)
    events = [
        event
        for key, items in groups.items()
        for window_start, window in _windows(items, window_days)
        for event in _by_place(key, window_start, window)
    ]
    return sorted(events, key=lambda event: event.event_id)


def window_starts(days: Iterable[date], window_days: int) -> list[date]:
    """The first day of each date window (rule 3): the earliest date opens a window of ``window_days``
    days after it, the next date after that window opens the next one."""
    starts: list[date] = []
    for day in sorted(set(days)):
        if not starts or day > starts[-1] + timedelta(days=window_days):
            starts.append(day)
    return starts


def _windows(items: list[Evidence], window_days: int) -> list[tuple[date | None, list[Evidence]]]:
    undated = [e for e in items if e.event_date is None]
    windows: list[tuple[date | None, list[Evidence]]] = [(None, undated)] if undated else []
    starts = window_starts((e.event_date for e in items if e.event_date is not None), window_days)
    members: dict[date, list[Evidence]] = {start: [] for start in starts}
    for item in items:
        if item.event_date is not None:
            start = starts[bisect.bisect_right(starts, item.event_date) - 1]
            members[start].append(item)
    windows.extend((start, members[start]) for start in starts)
    return windows


def _by_place(key: GroupKey, window_start: date | None, window: list[Evidence]) -> list[DedupedEvent]:
    places: dict[str, list[Evidence]] = defaultdict(list)
    unplaced: list[Evidence] = []
    for item in window:
        (places[item.place_id] if item.place_id else unplaced).append(item)
    if len(places) == 1 and unplaced:
        next(iter(places.values())).extend(unplaced)
        unplaced = []
    clusters = list(places.items()) + ([("", unplaced)] if unplaced else [])
    return [
        DedupedEvent(_event_id(key, window_start, place), key, window_start, tuple(_ordered(items)))
        for place, items in clusters
    ]


def _ordered(items: list[Evidence]) -> list[Evidence]:
    return sorted(items, key=lambda e: (e.doc_key, e.event_no))


def _event_id(key: GroupKey, window_start: date | None, place: str) -> str:
    source, target, root, factual = key
    day = window_start.isoformat() if window_start else "undated"
    text = "\x1f".join((source, target, root, "factual" if factual else "other", day, place))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]
