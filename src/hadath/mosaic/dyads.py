"""Dyads: events between two actors aggregated per period, with their cooperation/conflict balance.

A dyad is an unordered pair of actor codes. Its ``balance`` label summarises the events between them:
``pressure`` when threats, demands and coercion (PLOVER THREATEN, DEMAND, COERCE) carry at least half of
them, otherwise ``conflict`` or ``cooperation`` by the sign of the summed Goldstein score (``neutral`` at
0). Its ``balance_score`` is (cooperative - conflictual events) / events by QuadClass, in [-1, 1].

Negated events did not happen and are left out; hypothetical, intended and future ones are the author's
reading and count, as an analyst drawing the picture from an op-ed would count them, unless
``factual_only`` asks for asserted and reported events alone. The same rows come from one analysis
(:func:`rows_from_analyses`) or from a store's deduplicated events (:mod:`hadath.mosaic.query`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from hadath.lexicon.model import Lexicon
from hadath.schema import FACTUAL_MODALITIES, Analysis, iso_day

PRESSURE_TYPES = frozenset({"THREATEN", "DEMAND", "COERCE"})
QUAD_CLASSES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
PERIODS = ("day", "week", "month", "year", "all")
LEVELS = ("code", "country")


@dataclass(frozen=True, slots=True)
class EventRow:
    """What the mosaic needs of one event."""

    source: str
    target: str
    day: date | None
    quad_class: str | None
    goldstein: float | None
    plover: str | None
    factual: bool


@dataclass(slots=True)
class Dyad:
    actors: tuple[str, str]
    period: str = "all"
    events: int = 0
    goldstein_sum: float = 0.0
    quad_counts: dict[str, int] = field(default_factory=dict)
    pressure_events: int = 0

    @property
    def goldstein_mean(self) -> float:
        return self.goldstein_sum / self.events if self.events else 0.0

    @property
    def balance(self) -> str:
        if self.pressure_events and self.pressure_events * 2 >= self.events:
            return "pressure"
        if self.goldstein_sum < 0:
            return "conflict"
        if self.goldstein_sum > 0:
            return "cooperation"
        return "neutral"

    @property
    def balance_score(self) -> float:
        cooperative = sum(self.quad_counts.get(q, 0) for q in QUAD_CLASSES[:2])
        conflictual = sum(self.quad_counts.get(q, 0) for q in QUAD_CLASSES[2:])
        return (cooperative - conflictual) / self.events if self.events else 0.0

    def record(self) -> dict[str, object]:
        """The dyad as a flat record: the dyad table's row (exports, the HTTP API)."""
        return {
            "period": self.period,
            "actor1": self.actors[0],
            "actor2": self.actors[1],
            "events": self.events,
            **{quad: self.quad_counts.get(quad, 0) for quad in QUAD_CLASSES},
            "pressure_events": self.pressure_events,
            "goldstein_sum": round(self.goldstein_sum, 3),
            "goldstein_mean": round(self.goldstein_mean, 3),
            "balance": self.balance,
            "balance_score": round(self.balance_score, 3),
        }

    def add(self, row: EventRow) -> None:
        self.events += 1
        self.goldstein_sum += row.goldstein or 0.0
        if row.quad_class:
            self.quad_counts[row.quad_class] = self.quad_counts.get(row.quad_class, 0) + 1
        if row.plover in PRESSURE_TYPES:
            self.pressure_events += 1


def rows_from_analyses(analyses: Iterable[Analysis]) -> list[EventRow]:
    """The non-negated events with both a source and a target, from in-memory analyses."""
    rows = []
    for analysis in analyses:
        for event in analysis.events:
            if event.modality == "negated" or event.source is None or event.target is None:
                continue
            if not event.source.code or not event.target.code:
                continue
            day = iso_day(event.date) or iso_day(analysis.date)
            rows.append(
                EventRow(
                    event.source.code,
                    event.target.code,
                    day,
                    event.quad_class,
                    event.goldstein,
                    event.plover,
                    event.modality in FACTUAL_MODALITIES,
                )
            )
    return rows


def aggregate(
    rows: Iterable[EventRow],
    *,
    period: str = "all",
    level: str = "code",
    actor: str | None = None,
    start: date | None = None,
    end: date | None = None,
    factual_only: bool = False,
    role_blocks: frozenset[str] = frozenset(),
) -> dict[tuple[str, tuple[str, str]], Dyad]:
    """Dyads per (period, actor pair). ``actor`` keeps the dyads with a side whose code starts with it
    (``SYR`` keeps SYRGOV, SYRREB ...); ``level="country"`` merges codes into their first block and
    leaves out codes with no country (their first block is one of ``role_blocks``: ``GOV``, ``BUS`` ...);
    an event without a day counts only when no date range is given, in period ``undated``."""
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    table: dict[tuple[str, tuple[str, str]], Dyad] = {}
    for row in rows:
        if factual_only and not row.factual:
            continue
        if (start or end) and (row.day is None or (start and row.day < start) or (end and row.day > end)):
            continue
        source, target = (row.source[:3], row.target[:3]) if level == "country" else (row.source, row.target)
        if level == "country" and (source in role_blocks or target in role_blocks):
            continue
        if not source or not target or source == target:
            continue
        if actor and not (source.startswith(actor) or target.startswith(actor)):
            continue
        pair = (source, target) if source <= target else (target, source)
        label = period_label(row.day, period)
        dyad = table.get((label, pair))
        if dyad is None:
            dyad = table[(label, pair)] = Dyad(pair, label)
        dyad.add(row)
    return table


def role_blocks_of(lexicon: Lexicon) -> frozenset[str]:
    """First blocks of codes that name no country (``GOV``, ``BUS`` ...: the agents' role blocks): the
    country-level mosaic leaves such codes out."""
    return frozenset(agent.code[:3] for agent in lexicon.agents if agent.code)


def period_label(day: date | None, period: str) -> str:
    """``2016-03-16`` (day), ``2016-W11`` (ISO week), ``2016-03`` (month), ``2016`` (year), or ``all``."""
    if period == "all":
        return "all"
    if day is None:
        return "undated"
    if period == "day":
        return day.isoformat()
    if period == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if period == "month":
        return f"{day.year}-{day.month:02d}"
    return str(day.year)


def dyads(analyses: Iterable[Analysis]) -> dict[tuple[str, str], Dyad]:
    """The dyads of in-memory analyses over all their dates."""
    return {pair: dyad for (_, pair), dyad in aggregate(rows_from_analyses(analyses)).items()}
