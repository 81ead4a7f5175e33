"""The deduplication rule (store/dedup.py): dyad + CAMEO root + factuality, date windows, places."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.store.dedup import Evidence, deduplicate

DAY = date(2016, 3, 15)


def evidence(
    doc: str,
    no: int = 0,
    *,
    source="RUSMIL",
    target="SYRREB",
    cameo="195",
    day=DAY,
    place=None,
    modality="asserted",
    publisher=None,
) -> Evidence:
    return Evidence(
        doc_key=doc,
        event_no=no,
        source_code=source,
        target_code=target,
        cameo=cameo,
        cameo_label=None,
        plover="ASSAULT",
        goldstein=-10.0,
        quad_class="material_conflict",
        modality=modality,
        place_id=place,
        place_name=place,
        place_kind="city" if place else None,
        place_country="SYR" if place else None,
        lat=36.2 if place else None,
        lon=37.1 if place else None,
        event_date=day,
        confidence=0.5 + no / 10,
        publisher=publisher,
    )


def test_the_same_strike_reported_by_three_articles_is_one_event():
    events = deduplicate(
        [evidence("a", publisher="spa"), evidence("b", 2, publisher="aawsat"), evidence("c", publisher="spa")]
    )
    assert len(events) == 1
    row = events[0].row()
    assert (row["mentions"], row["documents"], row["sources"]) == (3, 3, 2)
    assert row["confidence"] == 0.7 and row["first_doc_key"] == "a"


def test_root_code_not_full_code_decides_and_the_majority_code_wins():
    events = deduplicate([evidence("a", cameo="190"), evidence("b", cameo="195"), evidence("c", cameo="195")])
    assert len(events) == 1 and events[0].row()["cameo"] == "195" and events[0].row()["cameo_root"] == "19"
    assert len(deduplicate([evidence("a", cameo="190"), evidence("b", cameo="180")])) == 2


def test_different_dyads_directions_and_factuality_stay_apart():
    base = evidence("a")
    items = [
        base,
        replace(base, doc_key="b", source_code="SYRREB", target_code="RUSMIL"),  # the other direction
        replace(base, doc_key="c", target_code="SYRGOV"),
        replace(base, doc_key="d", modality="future"),  # a threatened strike is not the strike
    ]
    assert len(deduplicate(items)) == 4
    assert len(deduplicate([base, replace(base, doc_key="e", modality="reported")])) == 1


def test_negated_evidence_makes_no_event():
    assert deduplicate([evidence("a", modality="negated")]) == []


def test_date_windows_start_at_the_earliest_date():
    days = [DAY, DAY + timedelta(days=1), DAY + timedelta(days=2), DAY + timedelta(days=3)]
    events = deduplicate([evidence(str(i), day=d) for i, d in enumerate(days)], window_days=1)
    assert [len(e.evidence) for e in sorted(events, key=lambda e: e.event_date)] == [2, 2]
    assert len(deduplicate([evidence(str(i), day=d) for i, d in enumerate(days)], window_days=0)) == 4
    assert len(deduplicate([evidence("u", day=None), evidence("v", day=None), evidence("w")])) == 2


def test_places_split_events_and_unplaced_evidence_joins_a_single_place():
    assert len(deduplicate([evidence("a", place="aleppo"), evidence("b", place="idlib")])) == 2
    joined = deduplicate([evidence("a", place="aleppo"), evidence("b")])
    assert len(joined) == 1 and joined[0].row()["place_id"] == "aleppo"
    ambiguous = deduplicate([evidence("a", place="aleppo"), evidence("b", place="idlib"), evidence("c")])
    assert len(ambiguous) == 3


evidence_items = st.builds(
    evidence,
    doc=st.sampled_from("abcdefgh"),
    no=st.integers(0, 3),
    source=st.sampled_from(["RUSMIL", "SYRGOV", ""]),
    target=st.sampled_from(["SYRREB", "TURGOV"]),
    cameo=st.sampled_from(["190", "195", "180", "040"]),
    day=st.one_of(st.none(), st.dates(DAY, DAY + timedelta(days=6))),
    place=st.sampled_from([None, "aleppo", "idlib"]),
    modality=st.sampled_from(["asserted", "reported", "future", "negated"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(evidence_items, max_size=25, unique_by=lambda e: (e.doc_key, e.event_no)), st.randoms())
def test_events_depend_on_the_set_of_evidence_not_its_order(items, random):
    shuffled = list(items)
    random.shuffle(shuffled)
    first, second = deduplicate(items), deduplicate(shuffled)
    assert [e.row() for e in first] == [e.row() for e in second]
    # every non-negated piece of evidence is in exactly one event
    placed = [(e.doc_key, e.event_no) for event in first for e in event.evidence]
    assert sorted(placed) == sorted((e.doc_key, e.event_no) for e in items if e.modality != "negated")
