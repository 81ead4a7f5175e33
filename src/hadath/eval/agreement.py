"""Agreement with the annotators of a voted gold standard, as expected counts.

The OEDA gold standard gives, for each sentence, how many annotators accepted and rejected the event
label, and derives the label from the votes (``yes`` = nobody rejected; see eval/gold.py). That makes
it possible to put a system's detection figures beside the humans' own:

* **one annotator against the label**: the expected precision/recall/F1 of an annotator drawn at random
  from each sentence's panel, scored against the panel's label. The annotator's own vote is part of the
  label, so this is an upper bound on what one person reaches;
* **one annotator against another**: two different annotators of the same panel, one taken as the
  prediction and the other as the truth (symmetric, so precision = recall = F1);
* **a system against one annotator**: the system's yes/no per sentence scored against an annotator drawn
  at random (a sentence accepted by 1 of 3 counts one third as a positive).

Counts are sums of probabilities, so they are fractional; F1 is computed from them as usual.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from hadath.eval.scores import PrecisionRecall


@dataclass(slots=True)
class ExpectedCounts(PrecisionRecall):
    tp: float = 0.0
    fp: float = 0.0
    fn: float = 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "tp": round(self.tp, 2),
            "fp": round(self.fp, 2),
            "fn": round(self.fn, 2),
        }


def expected_counts(pairs: Iterable[tuple[float, float]]) -> ExpectedCounts:
    """Counts for independent yes/no judgements: ``pairs`` are (probability that the prediction says
    yes, probability that the truth says yes) per sentence."""
    counts = ExpectedCounts()
    for predicted, truth in pairs:
        counts.tp += predicted * truth
        counts.fp += predicted * (1 - truth)
        counts.fn += (1 - predicted) * truth
    return counts


def annotator_against_label(votes: Iterable[tuple[int, int, bool]]) -> ExpectedCounts:
    """One annotator of the panel against the label; ``votes``: (accepted, rejected, label) per sentence."""
    return expected_counts(
        (accepted / (accepted + rejected), float(label))
        for accepted, rejected, label in votes
        if accepted + rejected
    )


def annotator_against_annotator(votes: Iterable[tuple[int, int]]) -> ExpectedCounts:
    """Two different annotators of the same panel: ``votes`` are (accepted, rejected) per sentence; a
    sentence with fewer than two annotators says nothing about agreement and is skipped."""
    counts = ExpectedCounts()
    for accepted, rejected in votes:
        panel = accepted + rejected
        if panel < 2:
            continue
        pairs = panel * (panel - 1)
        counts.tp += accepted * (accepted - 1) / pairs
        disagree = accepted * rejected / pairs  # the prediction accepts, the truth rejects (and vice versa)
        counts.fp += disagree
        counts.fn += disagree
    return counts


def predictions_against_annotator(predictions: Iterable[tuple[bool, float]]) -> ExpectedCounts:
    """A system's decisions against one annotator: ``predictions`` are (predicted, share of the panel
    that accepted) per sentence."""
    return expected_counts((float(predicted), share) for predicted, share in predictions)
