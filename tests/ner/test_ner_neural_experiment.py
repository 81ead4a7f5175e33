"""tools/ner_neural_experiment.py: its span scorer (restated there for a machine without pycrfsuite)
agrees with hadath.eval.ner, and ``prepare`` writes one row per token with the trainer's split."""

from __future__ import annotations

import numpy as np
import train_ner
from hypothesis import given
from hypothesis import strategies as st
from ner_neural_experiment import TAGS, prepare, score

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
    sentences = [
        ("قال الرئيس سمير حداد في بيروت .", "O O B-PERS I-PERS O B-LOC O"),
        ("زار سمير حداد مدينة دمشق .", "O B-PERS I-PERS O B-LOC O"),
        ("أعلنت شركة النور أرباحها .", "O B-ORG I-ORG O O"),
        ("عاد حداد إلى بيروت أمس .", "O B-PERS O B-LOC O O"),
        ("قالت منظمة الأمل إن الوضع صعب .", "O B-ORG I-ORG O O O O"),
    ]
    path = tmp_path / "shared" / train_ner.ANERCORP
    path.parent.mkdir(parents=True)
    lines = [
        f"{w} {label}"
        for text, labels in sentences
        for w, label in zip(text.split(), labels.split(), strict=True)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "data.npz"
    prepare(tmp_path / "shared", out)
    with np.load(out) as data:
        tokens = sum(len(text.split()) for text, _ in sentences)
        assert list(data["sentence_lengths"]) == [len(text.split()) for text, _ in sentences]
        assert (
            len(data["labels"]) == len(data["feature_offsets"]) - 1 == len(data["char_offsets"]) - 1 == tokens
        )
        assert int(data["training_sentences"]) == 4  # the last 20 % held out, as tools/train_ner.py does
        assert TAGS[data["labels"][2]] == "B-PER" and TAGS[data["labels"][3]] == "I-PER"
        assert data["features"].max() < int(data["feature_vocabulary"])
