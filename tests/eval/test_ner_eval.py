"""NER evaluation (eval/ner.py): CoNLL exact-span counts on hand-made labels and on a tiny IOB file
written for the test, and the ``hadath eval ner`` command."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from hadath.cli import main
from hadath.eval.ner import evaluate_ner, score

# written for this test: gold labels in IOB1 style (an entity may open with I-), blank-line breaks
GOLD_FILE = """\
قال O
الرئيس O
إيمانويل I-PERS
ماكرون I-PERS
في O
باريس B-LOC
. O

زار O
وزير O
الخارجية O
مدينة O
حلب B-LOC

أعلنت O
شركة B-ORG
أرامكو I-ORG
"""


class FixedTagger:
    """Stands in for the CRF: returns prepared labels, so the counts are known exactly."""

    def __init__(self, labels: list[list[str]]):
        self.labels = labels

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        assert [len(s) for s in sentences] == [len(labels) for labels in self.labels]
        return self.labels


def test_exact_match_boundary_and_type_errors():
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "I-ORG", "O"]]
    predicted = [["B-PER", "O", "O", "B-LOC"], ["B-LOC", "I-LOC", "O"]]
    report = score(gold, predicted)
    # the short PER is both a false positive and a false negative; the mistyped ORG likewise
    assert (report.by_type["PER"].tp, report.by_type["PER"].fp, report.by_type["PER"].fn) == (0, 1, 1)
    assert (report.by_type["LOC"].tp, report.by_type["LOC"].fp, report.by_type["LOC"].fn) == (1, 1, 0)
    assert (report.by_type["ORG"].tp, report.by_type["ORG"].fp, report.by_type["ORG"].fn) == (0, 0, 1)
    micro = report.micro()
    assert (micro.tp, micro.fp, micro.fn) == (1, 2, 2)
    assert micro.precision == pytest.approx(1 / 3) and micro.recall == pytest.approx(1 / 3)
    assert micro.f1 == pytest.approx(1 / 3)


def test_iob1_predictions_count_like_iob2():
    report = score([["B-PER", "I-PER"]], [["I-PER", "I-PER"]])
    assert report.micro().f1 == 1.0


def test_mismatched_lengths_are_refused():
    with pytest.raises(ValueError):
        score([["O"]], [["O", "O"]])


def test_file_evaluation_with_a_fixed_tagger(tmp_path):
    path = tmp_path / "gold.txt"
    path.write_text(GOLD_FILE, encoding="utf-8")
    predicted = [
        ["O", "O", "B-PER", "I-PER", "O", "B-LOC", "O"],  # both right
        ["O", "O", "O", "B-LOC", "I-LOC"],  # "مدينة حلب": boundary error, FP + FN
        ["O", "O", "B-ORG"],  # "أرامكو" without "شركة": boundary error
    ]
    report = evaluate_ner(path, tagger=FixedTagger(predicted))
    assert report.sentences == 3 and report.tokens == 15
    summary = report.summary()
    assert summary["per_type"]["PER"] == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "tp": 1,
        "fp": 0,
        "fn": 0,
    }
    assert summary["per_type"]["LOC"]["tp"] == 1 and summary["per_type"]["LOC"]["fp"] == 1
    assert summary["per_type"]["LOC"]["fn"] == 1
    assert summary["micro"]["tp"] == 2 and summary["micro"]["fp"] == 2 and summary["micro"]["fn"] == 2
    assert summary["micro"]["f1"] == 0.5
    lines = report.lines()
    assert lines[0] == "3 sentences, 15 tokens"
    assert lines[-2].startswith("micro ") and lines[-1].startswith("micro PER+LOC+ORG")


def test_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        evaluate_ner(tmp_path / "absent.txt", tagger=FixedTagger([]))


def test_cli_prints_the_table_and_json(tmp_path, capsys):
    path = tmp_path / "gold.txt"
    path.write_text(GOLD_FILE, encoding="utf-8")
    assert main(["eval", "ner", str(path)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0] == "3 sentences, 15 tokens"
    assert table[1].split() == ["type", "precision", "recall", "F1", "gold", "found", "correct"]
    assert any(line.startswith("micro PER+LOC+ORG") for line in table)
    assert main(["eval", "ner", str(path), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["tokens"] == 15 and set(summary) >= {"per_type", "micro", "micro_per_loc_org"}
    assert main(["eval", "ner", str(Path(tmp_path) / "absent.txt")]) == 2
