"""tools/ner_neural_experiment.py: its span scorer (restated there for a machine without pycrfsuite)
agrees with hadath.eval.ner, and ``prepare`` writes one row per token with the trainer's split."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from ner_neural_experiment import TAGS, prepare, score
from test_ner_training import SENTENCES, write_corpus

from hadath.eval.ner import score as hadath_score

label_ids = st.lists(st.integers(0, len(TAGS) - 1), min_size=1, max_size=12)


@given(st.lists(st.tuples(label_ids, label_ids), min_size=1, max_size=6))
def test_the_experiment_scores_spans_as_hadath_does(pairs):
    gold = [g for g, _ in pairs]
    predicted = [p[: len(g)] + [0] * (len(g) - len(p)) for g, p in pairs]
    ours = score(gold, predicted)
    theirs = hadath_score([[TAGS[t] for t in s] for s in gold], [[TAGS[t] for t in s] for s in predicted])
    for kind, counts in theirs.by_type.items():
        assert ours[kind]["gold"] == counts.tp + counts.fn
        assert abs(ours[kind]["f1"] - round(counts.f1, 4)) < 1e-9
    assert abs(ours["micro"]["f1"] - round(theirs.micro().f1, 4)) < 1e-9


def test_prepare_writes_a_row_per_token_and_the_trainers_split(tmp_path):
    write_corpus(tmp_path / "shared")
    out = tmp_path / "data.npz"
    prepare(tmp_path / "shared", out)
    with np.load(out) as data:
        lengths = [len(text.split()) for text, _ in SENTENCES]
        assert list(data["sentence_lengths"]) == lengths
        assert len(data["labels"]) == len(data["feature_offsets"]) - 1 == len(data["char_offsets"]) - 1
        assert len(data["labels"]) == sum(lengths)
        assert int(data["training_sentences"]) == 8  # the last 20 % held out, as tools/train_ner.py does
        assert TAGS[data["labels"][2]] == "B-PER" and TAGS[data["labels"][3]] == "I-PER"
        assert data["features"].max() < int(data["feature_vocabulary"])
