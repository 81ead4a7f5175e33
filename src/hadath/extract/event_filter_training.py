"""Training and cross-validation of the event filter (extract/event_filter.py) on the OEDA gold standard.

Candidates are the events Hadath's rules find (ASSAULT and PROTEST, not negated) in the sentences of
``*_gsr.csv``; a candidate is positive when its sentence is labelled ``yes`` (``easy no`` and
``difficult no`` are negative, ``ambiguous`` is left out). A sentence is detected when its best
candidate's probability reaches the type's threshold.

Training target: the labels come from unanimity (``yes`` = no annotator rejected), so a ``difficult no``
that half the annotators accepted and an ``easy no`` that nobody accepted are the same 0. With
``labels="mix"`` (the default) a candidate's target is the mean of its 0/1 label and the share of
annotators who accepted its sentence (``accept / (accept + reject)``): a ``yes`` stays 1.0, an ``easy
no`` 0.0, a ``difficult no`` lies between (0.17–0.33). Only training uses it; every figure is scored
against the 0/1 labels. ``labels="hard"`` trains on the 0/1 label alone.

Out-of-fold figures come from a k-fold cross-validation with folds fixed by a hash of the sentence id;
each type's threshold is picked on those out-of-fold predictions. Training is deterministic (full-batch
AdaGrad, fixed order), so the same data gives the same weights. ``tools/train_event_filter.py`` writes
the shipped model; ``hadath eval gsr --cross-validate`` prints the out-of-fold figures.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from hadath.eval.agreement import predictions_against_annotator
from hadath.eval.gold import gsr_files, scored_sentences
from hadath.eval.scores import PrecisionRecall
from hadath.extract.event_filter import event_features
from hadath.pipeline import Pipeline

TYPES = ("ASSAULT", "PROTEST")
L2 = 0.02
ITERATIONS = 400
LEARNING_RATE = 0.5
MIN_FEATURE_COUNT = 2  # features seen once are noise


@dataclass(slots=True)
class Sentence:
    id: str
    event_type: str
    label: bool
    candidates: list[list[str]]  # feature lists, one per candidate event
    accepted: float | None = None  # share of annotators who accepted the sentence


def target(sentence: Sentence, labels: str = "mix") -> float:
    """The training target of a sentence's candidates (see the module docstring)."""
    hard = 1.0 if sentence.label else 0.0
    if labels == "hard" or sentence.accepted is None:
        return hard
    if labels == "soft":
        return sentence.accepted
    return (hard + sentence.accepted) / 2


def load_sentences(gsr_dir: Path) -> list[Sentence]:
    """Every scored sentence of the gold files with the features of its candidate events."""
    pipeline = Pipeline(event_filter=False)
    lexicon = pipeline.compiled.lexicon
    sentences: list[Sentence] = []
    for gsr_file in gsr_files(gsr_dir):
        for gold in scored_sentences(gsr_file):
            extraction = pipeline.extract(gold.document())
            candidates = [
                [f"{gold.event_type}|{f}" for f in event_features(extraction.doc, event, extraction.dates)]
                for event in extraction.events
                if lexicon.plover_of(event.entry) == gold.event_type and event.modality.value != "negated"
            ]
            sentences.append(
                Sentence(gold.id, gold.event_type, gold.positive, candidates, gold.accepted_share)
            )
    return sentences


def train(
    sentences: list[Sentence], l2: float = L2, iterations: int = ITERATIONS, labels: str = "mix"
) -> dict[str, float]:
    """L2-regularised logistic regression over candidates, full-batch AdaGrad (deterministic)."""
    counts: dict[str, int] = defaultdict(int)
    for sentence in sentences:
        for features in sentence.candidates:
            for feature in set(features):
                counts[feature] += 1
    examples = [
        ([f for f in features if counts[f] >= MIN_FEATURE_COUNT], target(s, labels))
        for s in sentences
        for features in s.candidates
    ]
    if not examples:
        return {}
    positives = sum(label for _, label in examples)
    # weight the rare positive class up so that both classes pull equally (a soft target is that
    # much positive and the rest negative)
    positive_weight = len(examples) / (2 * max(positives, 1))
    negative_weight = len(examples) / (2 * max(len(examples) - positives, 1))
    weights: dict[str, float] = defaultdict(float)
    accumulated: dict[str, float] = defaultdict(float)
    for _ in range(iterations):
        gradient: dict[str, float] = defaultdict(float)
        for features, label in examples:
            score = sum(weights[f] for f in features)
            probability = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))
            error = (
                positive_weight * label * (probability - 1.0) + negative_weight * (1.0 - label) * probability
            )
            for feature in features:
                gradient[feature] += error
        for feature in sorted(gradient):
            g = gradient[feature] / len(examples) + l2 * weights[feature]
            accumulated[feature] += g * g
            weights[feature] -= LEARNING_RATE * g / (math.sqrt(accumulated[feature]) + 1e-8)
    return {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 1e-4}


def sentence_probability(weights: dict[str, float], sentence: Sentence) -> float:
    best = 0.0
    for features in sentence.candidates:
        score = sum(weights.get(f, 0.0) for f in features)
        best = max(best, 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score)))))
    return best


@dataclass(frozen=True, slots=True)
class _Counts(PrecisionRecall):
    tp: int
    fp: int
    fn: int


def scores(pairs: list[tuple[float, bool]], threshold: float) -> dict[str, float]:
    """Detection counts and P/R/F1 (rounded) of (probability, gold) pairs at ``threshold``."""
    counts = _Counts(
        tp=sum(1 for p, gold in pairs if p >= threshold and gold),
        fp=sum(1 for p, gold in pairs if p >= threshold and not gold),
        fn=sum(1 for p, gold in pairs if p < threshold and gold),
    )
    return {
        "precision": round(counts.precision, 3),
        "recall": round(counts.recall, 3),
        "f1": round(counts.f1, 3),
        "tp": counts.tp,
        "fp": counts.fp,
        "fn": counts.fn,
    }


def fold_of(sentence_id: str, folds: int) -> int:
    return int(hashlib.sha256(sentence_id.encode()).hexdigest(), 16) % folds


def train_per_type(
    sentences: list[Sentence], l2: float, iterations: int, labels: str = "mix"
) -> dict[str, float]:
    """One model per event type (each with its own class balance), stored in one weight table."""
    weights: dict[str, float] = {}
    for event_type in TYPES:
        weights.update(train([s for s in sentences if s.event_type == event_type], l2, iterations, labels))
    return weights


@dataclass(frozen=True, slots=True)
class CrossValidation:
    folds: int
    thresholds: dict[str, float]  # per type, chosen on the out-of-fold predictions
    out_of_fold: dict[str, dict[str, float]]  # per type: precision, recall, f1, tp, fp, fn
    # the same predictions on the clear-cut sentences only: `yes` against `easy no` (no annotator
    # accepted), without the `difficult no` that some annotators accepted
    clear_cases: dict[str, dict[str, float]]
    # the same predictions against one annotator drawn from each sentence's panel (eval/agreement.py)
    against_one_annotator: dict[str, dict[str, float]]


def is_clear_cut(sentence: Sentence) -> bool:
    """A `yes` (nobody rejected) or an `easy no` (nobody accepted); gold without vote counts is taken
    as it is labelled."""
    return sentence.label or sentence.accepted is None or sentence.accepted == 0


def cross_validate(
    sentences: list[Sentence],
    folds: int = 5,
    l2: float = L2,
    iterations: int = ITERATIONS,
    labels: str = "mix",
) -> CrossValidation:
    """Out-of-fold detection scores: each sentence is scored by a model that never saw it."""
    out_of_fold: dict[str, list[tuple[float, Sentence]]] = defaultdict(list)
    for fold in range(folds):
        training = [s for s in sentences if fold_of(s.id, folds) != fold]
        weights = train_per_type(training, l2, iterations, labels)
        for sentence in sentences:
            if fold_of(sentence.id, folds) == fold:
                out_of_fold[sentence.event_type].append((sentence_probability(weights, sentence), sentence))
    thresholds: dict[str, float] = {}
    figures: dict[str, dict[str, float]] = {}
    clear: dict[str, dict[str, float]] = {}
    against_annotator: dict[str, dict[str, float]] = {}
    for event_type in TYPES:
        pairs = [(p, s.label) for p, s in out_of_fold[event_type]]
        candidates = [t / 100 for t in range(5, 96)]
        best = max(candidates, key=lambda t: (scores(pairs, t)["f1"], -abs(t - 0.5)))
        thresholds[event_type] = best
        figures[event_type] = scores(pairs, best)
        clear[event_type] = scores(
            [(p, s.label) for p, s in out_of_fold[event_type] if is_clear_cut(s)], best
        )
        against_annotator[event_type] = predictions_against_annotator(
            (p >= best, s.accepted) for p, s in out_of_fold[event_type] if s.accepted is not None
        ).as_dict()
    return CrossValidation(folds, thresholds, figures, clear, against_annotator)


def fit(
    sentences: list[Sentence],
    thresholds: dict[str, float],
    l2: float = L2,
    iterations: int = ITERATIONS,
    labels: str = "mix",
) -> dict[str, float]:
    """Weights trained on every sentence, each type's threshold folded into its bias (0.5 decides)."""
    weights = train_per_type(sentences, l2, iterations, labels)
    for event_type, threshold in thresholds.items():
        key = f"{event_type}|bias"
        weights[key] = round(weights.get(key, 0.0) - math.log(threshold / (1 - threshold)), 4)
    return weights
