"""NER evaluation in the CoNLL convention: exact span matching over a ``token label`` IOB file.

A predicted entity counts as a true positive only when a gold entity has the same type, first token and
last token; a boundary or type error is therefore one false positive AND one false negative. Precision,
recall and F1 are reported per type, micro-averaged over all types (the CoNLL figure), and
micro-averaged over PER, LOC and ORG (the types Hadath turns into actors and places).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hadath.eval.scores import PrecisionRecall
from hadath.ner.iob import ENTITY_TYPES, IobCorpus, read_iob, spans
from hadath.ner.model import NerTagger, load_ner_tagger

CORE_TYPES = ("PER", "LOC", "ORG")


@dataclass(slots=True)
class SpanCounts(PrecisionRecall):
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: SpanCounts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(slots=True)
class NerReport:
    by_type: dict[str, SpanCounts] = field(default_factory=dict)
    sentences: int = 0
    tokens: int = 0
    skipped_lines: int = 0

    def micro(self, types: Sequence[str] | None = None) -> SpanCounts:
        total = SpanCounts()
        for entity_type, counts in self.by_type.items():
            if types is None or entity_type in types:
                total.add(counts)
        return total

    def summary(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "tokens": self.tokens,
            "skipped_lines": self.skipped_lines,
            "per_type": {t: c.as_dict() for t, c in self.by_type.items()},
            "micro": self.micro().as_dict(),
            "micro_per_loc_org": self.micro(CORE_TYPES).as_dict(),
        }

    def lines(self) -> list[str]:
        rows = [(t, c) for t, c in self.by_type.items()]
        rows.append(("micro", self.micro()))
        rows.append(("micro PER+LOC+ORG", self.micro(CORE_TYPES)))
        table = [
            f"{self.sentences} sentences, {self.tokens} tokens"
            + (f", {self.skipped_lines} unreadable lines skipped" if self.skipped_lines else ""),
            f"{'type':18} {'precision':>9} {'recall':>7} {'F1':>7} {'gold':>6} {'found':>6} {'correct':>7}",
        ]
        for name, counts in rows:
            table.append(
                f"{name:18} {counts.precision:9.4f} {counts.recall:7.4f} {counts.f1:7.4f} "
                f"{counts.tp + counts.fn:6} {counts.tp + counts.fp:6} {counts.tp:7}"
            )
        return table


def score(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> NerReport:
    """Compare label sequences sentence by sentence (IOB1 or IOB2, chunked as ``conlleval`` does)."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold sentences but {len(predicted)} predicted")
    report = NerReport(sentences=len(gold), tokens=sum(len(labels) for labels in gold))
    for gold_labels, predicted_labels in zip(gold, predicted, strict=True):
        if len(gold_labels) != len(predicted_labels):
            raise ValueError("a predicted sentence has a different number of labels than its gold")
        gold_spans = set(spans(gold_labels))
        predicted_spans = set(spans(predicted_labels))
        for span in gold_spans | predicted_spans:
            counts = report.by_type.setdefault(span[2], SpanCounts())
            if span in gold_spans and span in predicted_spans:
                counts.tp += 1
            elif span in predicted_spans:
                counts.fp += 1
            else:
                counts.fn += 1
    order = {t: i for i, t in enumerate(ENTITY_TYPES)}
    report.by_type = dict(sorted(report.by_type.items(), key=lambda item: (order.get(item[0], 99), item[0])))
    return report


def evaluate_corpus(corpus: IobCorpus, tagger: NerTagger | None = None) -> NerReport:
    tagger = tagger or load_ner_tagger()
    gold = [sentence.labels for sentence in corpus.sentences]
    # the file is read as one document: the tagger's second pass looks at nearby sentences only
    predicted = tagger.tag_sentences([sentence.words for sentence in corpus.sentences])
    report = score(gold, predicted)
    report.skipped_lines = corpus.skipped_lines
    return report


def evaluate_ner(path: Path, tagger: NerTagger | None = None) -> NerReport:
    """Tag the tokens of an IOB file with the shipped model and score it against the file's labels."""
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such IOB file")
    return evaluate_corpus(read_iob(path), tagger)
