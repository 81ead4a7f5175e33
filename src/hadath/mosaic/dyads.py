"""The mosaic in its simplest form: dyads of actors aggregated over events.

A dyad is an unordered pair of actor codes. Its balance summarises the events between them:
``pressure`` when threats, demands and coercion (PLOVER THREATEN, DEMAND, COERCE) carry most of it,
otherwise ``conflict`` or ``cooperation`` by the sign of the summed Goldstein score (``neutral`` at 0).
Negated events did not happen and are left out; hypothetical and hedged ones are the author's
reading and count, as an analyst drawing the picture from an op-ed would count them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from hadath.schema import Analysis

PRESSURE_TYPES = frozenset({"THREATEN", "DEMAND", "COERCE"})


@dataclass(slots=True)
class Dyad:
    actors: tuple[str, str]
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


def dyads(analyses: Iterable[Analysis]) -> dict[tuple[str, str], Dyad]:
    table: dict[tuple[str, str], Dyad] = {}
    for analysis in analyses:
        for event in analysis.events:
            if event.modality == "negated" or event.source is None or event.target is None:
                continue
            source, target = event.source.code, event.target.code
            if not source or not target or source == target:
                continue
            key = (source, target) if source <= target else (target, source)
            dyad = table.setdefault(key, Dyad(key))
            dyad.events += 1
            dyad.goldstein_sum += event.goldstein or 0.0
            if event.quad_class:
                dyad.quad_counts[event.quad_class] = dyad.quad_counts.get(event.quad_class, 0) + 1
            if event.plover in PRESSURE_TYPES:
                dyad.pressure_events += 1
    return table
