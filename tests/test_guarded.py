"""Guarded analysis: non-Arabic text, timeouts and crashes become errors naming the document."""

from __future__ import annotations

import threading
import time

import pytest

from hadath.guarded import AnalysisTimeout, _deadline, analyse_or_error, arabic_share
from hadath.pipeline import Pipeline
from hadath.schema import Analysis, Document, InputError


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def test_arabic_share():
    assert arabic_share("قال الوزير") == 1.0
    assert arabic_share("The minister said") == 0.0
    assert arabic_share("12345 ...") == 1.0  # no letters: nothing to judge
    assert 0.4 < arabic_share("قال الوزير the minister") < 0.6


def test_non_arabic_text_is_an_error(pipeline):
    result = analyse_or_error(
        pipeline, Document("en-1", "The Russian air force struck rebel positions.", origin="c.jsonl:3")
    )
    assert isinstance(result, InputError) and result.doc_id == "en-1" and result.origin == "c.jsonl:3"
    assert "not Arabic text (0% of its letters are Arabic)" in result.cause
    mixed = analyse_or_error(
        pipeline, Document("mixed", "قال الوزير إن Reuters reported غارات روسية على حلب")
    )
    assert isinstance(mixed, Analysis)


def test_a_slow_analysis_times_out_and_the_thread_goes_on(pipeline, monkeypatch):
    def slow(document):
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(pipeline, "analyze", slow)
    started = time.perf_counter()
    result = analyse_or_error(pipeline, Document("slow", "قال الوزير"), timeout=0.3)
    assert isinstance(result, InputError) and result.cause == "analysis timed out after 0.3 s"
    assert time.perf_counter() - started < 2
    time.sleep(0.4)  # no stray timeout arrives later


def test_timeouts_work_in_a_worker_thread():
    caught = []

    def work():
        try:
            with _deadline(0.2):
                while True:
                    time.sleep(0.01)
        except AnalysisTimeout:
            caught.append(True)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(5)
    assert caught == [True]


def test_a_crash_names_the_exception_and_where(pipeline, monkeypatch):
    def broken(document):
        raise KeyError("missing")

    monkeypatch.setattr(pipeline, "analyze", broken)
    result = analyse_or_error(pipeline, Document("x", "قال الوزير"))
    assert isinstance(result, InputError) and result.cause.startswith(
        "analysis failed: KeyError: 'missing' (at test_guarded.py:"
    )
