"""The store rebuilds only the date windows a batch touches; the events must equal a deduplication of
all the evidence at once, whatever the batches and their order."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hadath.schema import ActorRef, Analysis, Document, Event, PlaceRef
from hadath.store import Store

DAY = date(2016, 3, 10)
PLACES = {"aleppo": PlaceRef("حلب", 0, 3, "aleppo", "Aleppo", "SYR", 36.2, 37.1, "city")}


def event(source: str, target: str, cameo: str, day: date | None, place: str | None, modality: str) -> Event:
    actor = lambda code: ActorRef(code, 0, 3, code) if code else None  # noqa: E731
    return Event(
        text="نص",
        start=0,
        end=2,
        trigger="نص",
        trigger_start=0,
        trigger_end=2,
        source=actor(source),
        target=actor(target),
        cameo=cameo,
        cameo_label="",
        plover=None,
        plover_mode=None,
        goldstein=-10.0,
        quad_class="material_conflict",
        modality=modality,
        nominal=False,
        place=PLACES.get(place or ""),
        date=day.isoformat() if day else None,
        confidence=0.5,
        sentence=0,
    )


def document(number: int, events: list[Event]) -> tuple[Document, Analysis]:
    text = f"خبر رقم {number}"
    analysis = Analysis(
        doc_id=f"d{number}",
        date=None,
        text_length=len(text),
        sentences=1,
        tokens=3,
        genre="news",
        events=events,
    )
    return Document(f"d{number}", text, None), analysis


events_strategy = st.builds(
    event,
    source=st.sampled_from(["RUSMIL", ""]),
    target=st.sampled_from(["SYRREB"]),
    cameo=st.sampled_from(["190", "195", "040"]),
    day=st.one_of(st.none(), st.dates(DAY, DAY + timedelta(days=8))),
    place=st.sampled_from([None, "aleppo"]),
    modality=st.sampled_from(["asserted", "future", "negated"]),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.lists(events_strategy, min_size=1, max_size=3), min_size=1, max_size=10),
    st.lists(st.integers(1, 4), min_size=1, max_size=10),
    st.randoms(),
)
def test_batches_in_any_order_give_the_events_of_one_batch(tmp_path_factory, documents, sizes, random):
    items = [document(i, events) for i, events in enumerate(documents)]
    directory: Path = tmp_path_factory.mktemp("stores")
    sql = "SELECT * EXCLUDE (first_doc_key, url) FROM events ORDER BY event_id"
    with Store(directory / "whole.duckdb") as whole:
        whole.write(items)
        expected = whole.query(sql)
        links = whole.query("SELECT doc_key, event_no, event_id FROM event_sources ORDER BY ALL")
    random.shuffle(items)
    with Store(directory / "batches.duckdb") as batched:
        position = 0
        for size in sizes * 10:
            if position >= len(items):
                break
            batched.write(items[position : position + size])
            position += size
        assert batched.query(sql) == expected
        assert batched.query("SELECT doc_key, event_no, event_id FROM event_sources ORDER BY ALL") == links
