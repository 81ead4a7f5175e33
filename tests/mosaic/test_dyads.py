"""Dyad aggregation (mosaic/dyads.py) over hand-built Analysis records."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hadath.mosaic.dyads import Dyad, dyads
from hadath.schema import ActorRef, Analysis, Event


def actor(code: str | None) -> ActorRef:
    return ActorRef(text=code or "?", start=0, end=1, code=code)


def event(
    source: str | None,
    target: str | None,
    goldstein: float | None,
    plover: str | None = "ASSAULT",
    quad_class: str | None = "material_conflict",
    modality: str = "asserted",
    cameo: str = "190",
) -> Event:
    return Event(
        text="…",
        start=0,
        end=1,
        trigger="…",
        trigger_start=0,
        trigger_end=1,
        source=actor(source),
        target=actor(target),
        cameo=cameo,
        cameo_label="",
        plover=plover,
        plover_mode=None,
        goldstein=goldstein,
        quad_class=quad_class,
        modality=modality,
        nominal=False,
        place=None,
        date=None,
        confidence=0.9,
        sentence=0,
    )


def analysis(*events: Event, doc_id: str = "d") -> Analysis:
    return Analysis(
        doc_id=doc_id, date=None, text_length=1, sentences=1, tokens=1, genre="news", events=list(events)
    )


def test_pairs_are_unordered_and_keyed_alphabetically():
    table = dyads([analysis(event("RUSMIL", "IMG", -10.0), event("IMG", "RUSMIL", -9.0))])
    assert list(table) == [("IMG", "RUSMIL")]
    dyad = table[("IMG", "RUSMIL")]
    assert dyad.actors == ("IMG", "RUSMIL")
    assert dyad.events == 2
    assert dyad.goldstein_sum == pytest.approx(-19.0)
    assert dyad.goldstein_mean == pytest.approx(-9.5)
    assert dyad.quad_counts == {"material_conflict": 2}
    assert dyad.balance == "conflict"


def test_negated_events_are_left_out_but_hypothetical_and_reported_count():
    table = dyads(
        [
            analysis(
                event("RUSMIL", "SYRREB", -10.0, modality="negated"),
                event("RUSMIL", "SYRREB", -10.0, modality="hypothetical"),
                event("RUSMIL", "SYRREB", -9.0, modality="reported"),
            )
        ]
    )
    dyad = table[("RUSMIL", "SYRREB")]
    assert dyad.events == 2
    assert dyad.goldstein_sum == pytest.approx(-19.0)


def test_only_negated_events_give_no_dyad():
    assert dyads([analysis(event("TURMIL", "IMG", -10.0, modality="negated"))]) == {}


def test_events_without_both_codes_or_with_one_actor_are_skipped():
    table = dyads(
        [
            analysis(
                event("RUSGOV", None, 1.0),  # a target with no code
                event(None, "SYRGOV", 1.0),  # a source with no code
                replace(event("RUSGOV", "SYRGOV", 1.0), target=None),  # no target at all
                replace(event("RUSGOV", "SYRGOV", 1.0), source=None),  # no source at all
                event("SYRGOV", "SYRGOV", 3.0),  # an actor with itself
            )
        ]
    )
    assert table == {}


def test_goldstein_sums_across_documents_and_sign_decides_the_balance():
    cooperation = [
        analysis(event("RUSGOV", "SYRGOV", 4.0, plover="AID", quad_class="material_cooperation")),
        analysis(event("SYRGOV", "RUSGOV", 1.0, plover="CONSULT", quad_class="verbal_cooperation")),
        analysis(event("RUSGOV", "SYRGOV", -2.0, plover="ACCUSE", quad_class="verbal_conflict")),
    ]
    dyad = dyads(cooperation)[("RUSGOV", "SYRGOV")]
    assert dyad.events == 3
    assert dyad.goldstein_sum == pytest.approx(3.0)
    assert dyad.goldstein_mean == pytest.approx(1.0)
    assert dyad.quad_counts == {"material_cooperation": 1, "verbal_cooperation": 1, "verbal_conflict": 1}
    assert dyad.balance == "cooperation"


def test_zero_sum_is_neutral_and_missing_goldstein_counts_as_zero():
    table = dyads(
        [
            analysis(
                event("IRQGOV", "IRQOPP", 2.0, plover="CONSULT", quad_class="verbal_cooperation"),
                event("IRQOPP", "IRQGOV", -2.0, plover="ACCUSE", quad_class="verbal_conflict"),
                event("IRQGOV", "IRQOPP", None, plover=None, quad_class=None),
            )
        ]
    )
    dyad = table[("IRQGOV", "IRQOPP")]
    assert dyad.events == 3
    assert dyad.goldstein_sum == 0.0
    assert dyad.quad_counts == {"verbal_cooperation": 1, "verbal_conflict": 1}
    assert dyad.balance == "neutral"


def test_pressure_when_threats_demands_and_coercion_are_at_least_half():
    table = dyads(
        [
            analysis(
                event("RUSGOV", "SYRGOV", -7.0, plover="THREATEN", quad_class="verbal_conflict"),
                event("RUSGOV", "SYRGOV", 5.0, plover="AGREE", quad_class="verbal_cooperation"),
            )
        ]
    )
    dyad = table[("RUSGOV", "SYRGOV")]
    assert dyad.pressure_events == 1
    assert dyad.balance == "pressure"


def test_pressure_types_in_a_minority_leave_the_sign_to_decide():
    events = [
        event("USAGOV", "IRNGOV", -5.0, plover="DEMAND", quad_class="verbal_conflict"),
        event("USAGOV", "IRNGOV", 3.0, plover="CONSULT", quad_class="verbal_cooperation"),
        event("IRNGOV", "USAGOV", 4.0, plover="AGREE", quad_class="verbal_cooperation"),
    ]
    dyad = dyads([analysis(*events)])[("IRNGOV", "USAGOV")]
    assert dyad.pressure_events == 1
    assert dyad.goldstein_sum == pytest.approx(2.0)
    assert dyad.balance == "cooperation"


def test_coerce_counts_as_pressure():
    dyad = dyads([analysis(event("IRQCOP", "IRQCVL", -5.0, plover="COERCE", cameo="173"))])[
        ("IRQCOP", "IRQCVL")
    ]
    assert dyad.balance == "pressure"


def test_separate_pairs_stay_separate():
    table = dyads(
        [
            analysis(
                event("RUSMIL", "SYRREB", -10.0),
                event("SYRMIL", "RUSMIL", 6.0, plover="COOPERATE", quad_class="material_cooperation"),
            )
        ]
    )
    assert set(table) == {("RUSMIL", "SYRREB"), ("RUSMIL", "SYRMIL")}
    assert table[("RUSMIL", "SYRREB")].balance == "conflict"
    assert table[("RUSMIL", "SYRMIL")].balance == "cooperation"


def test_empty_dyad_has_zero_mean():
    assert dyads([analysis()]) == {}
    assert Dyad(("A", "B")).goldstein_mean == 0.0
    assert Dyad(("A", "B")).balance == "neutral"
