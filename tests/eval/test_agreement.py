"""Expected agreement with one annotator of a voted gold standard (eval/agreement.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hadath.eval.agreement import (
    annotator_against_annotator,
    annotator_against_label,
    predictions_against_annotator,
)

panels = st.lists(st.tuples(st.integers(0, 8), st.integers(0, 8)), max_size=40)


def test_a_disputed_sentence_counts_by_its_share_of_accepting_annotators():
    # one unanimous yes, one sentence accepted by 1 of 3 and labelled no, one unanimous no
    votes = [(3, 0, True), (1, 2, False), (0, 3, False)]
    against_label = annotator_against_label(votes)
    assert (against_label.tp, against_label.fp, against_label.fn) == (1.0, pytest.approx(1 / 3), 0.0)
    pairs = annotator_against_annotator((a, r) for a, r, _ in votes)
    # yes: both accept; disputed: of the 6 ordered pairs of annotators, 2 have the first accept alone
    assert (pairs.tp, pairs.fp, pairs.fn) == (1.0, pytest.approx(1 / 3), pytest.approx(1 / 3))
    system = predictions_against_annotator([(True, 1.0), (True, 1 / 3), (False, 0.0)])
    assert (system.tp, system.fp, system.fn) == (pytest.approx(4 / 3), pytest.approx(2 / 3), 0.0)


def test_sentences_without_two_annotators_say_nothing_about_agreement():
    assert annotator_against_annotator([(1, 0), (0, 1), (0, 0)]).as_dict()["f1"] == 0.0
    assert annotator_against_label([(0, 0, True)]).tp == 0.0


@given(panels)
def test_unanimous_panels_agree_perfectly(votes):
    unanimous = [(a, 0) if a >= r else (0, r) for a, r in votes]
    accepted = [(a, r) for a, r in unanimous if a >= 2]
    pairs = annotator_against_annotator(unanimous)
    assert pairs.fp == pairs.fn == 0.0
    assert pairs.f1 == (1.0 if accepted else 0.0)
    # a system that says yes exactly where the panel accepted agrees with any of its annotators
    system = predictions_against_annotator((a > 0, a / (a + r)) for a, r in unanimous if a + r)
    assert system.fp == system.fn == 0.0


@given(panels)
def test_two_annotators_disagree_symmetrically(votes):
    pairs = annotator_against_annotator(votes)
    assert pairs.fp == pytest.approx(pairs.fn)
    assert 0.0 <= pairs.f1 <= 1.0


@given(panels)
def test_one_annotator_finds_every_unanimous_positive(votes):
    # labels as the OEDA standard derives them: yes when nobody rejected
    labelled = [(a, r, r == 0 and a > 0) for a, r in votes]
    assert annotator_against_label(labelled).fn == 0.0
