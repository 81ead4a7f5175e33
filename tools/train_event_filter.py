"""Train the event filter (hadath/data/models/event_filter.json) on the OEDA Arabic gold standard.

    python tools/train_event_filter.py [--shared ../shared] [--folds 5] [--out PATH]

Candidates are the events Hadath's rules find (ASSAULT and PROTEST, not negated) in the sentences of
``*_gsr.csv``; a candidate is positive when its sentence is labelled ``yes`` (``easy no`` and
``difficult no`` are negative, ``ambiguous`` is left out). A sentence is detected when its best
candidate's probability reaches the type's threshold.

Training target: the labels come from unanimity (``yes`` = no annotator rejected), so a ``difficult no``
that half the annotators accepted and an ``easy no`` that nobody accepted are the same 0. With
``--labels mix`` (the default) a candidate's target is the mean of its 0/1 label and the share of
annotators who accepted its sentence (``accept / (accept + reject)``): a ``yes`` stays 1.0, an ``easy
no`` 0.0, a ``difficult no`` lies between (0.17–0.33). Only training uses it; every figure is scored
against the 0/1 labels. ``--labels hard`` trains on the 0/1 label alone.

Honesty: the whole development third is used for training, so the figures ``hadath eval gsr`` prints
on it afterwards are in-sample. This script therefore also prints, and stores in the model, the
out-of-fold figures of a k-fold cross-validation (folds fixed by a hash of the sentence id), and picks
each type's threshold on those out-of-fold predictions. Training is deterministic (full-batch AdaGrad,
fixed order), so the same data gives the same file.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from hadath.eval.gsr import document_date
from hadath.extract.event_filter import MODEL_PATH, event_features
from hadath.pipeline import Pipeline
from hadath.schema import Document

ROOT = Path(__file__).resolve().parents[1]
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
    pipeline = Pipeline(event_filter=False)
    sentences: list[Sentence] = []
    for gsr_file in sorted(gsr_dir.glob("*_gsr.csv")):
        with gsr_file.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                label = row["label"].strip()
                if label not in ("yes", "easy no", "difficult no"):
                    continue
                event_type = row["event_type"].strip()
                document = Document(id=row["id"], text=row["text"], date=document_date(row["id"]))
                extraction = pipeline.extract(document)
                lexicon = pipeline.compiled.lexicon
                candidates = [
                    [f"{event_type}|{f}" for f in event_features(extraction.doc, event, extraction.dates)]
                    for event in extraction.events
                    if lexicon.plover_of(event.entry) == event_type and event.modality.value != "negated"
                ]
                votes = int(row["accept"] or 0) + int(row["reject"] or 0)
                accepted = int(row["accept"] or 0) / votes if votes else None
                sentences.append(Sentence(row["id"], event_type, label == "yes", candidates, accepted))
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


def scores(pairs: list[tuple[float, bool]], threshold: float) -> dict[str, float]:
    tp = sum(1 for p, gold in pairs if p >= threshold and gold)
    fp = sum(1 for p, gold in pairs if p >= threshold and not gold)
    fn = sum(1 for p, gold in pairs if p < threshold and gold)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "tp": tp,
        "fp": fp,
        "fn": fn,
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--iterations", type=int, default=ITERATIONS)
    parser.add_argument("--labels", choices=("mix", "hard", "soft"), default="mix")
    args = parser.parse_args()
    gsr_dir = args.shared / "data/events/plover-gsr-ar-dev"
    if not gsr_dir.is_dir():
        print(f"gold standard not found at {gsr_dir}", file=sys.stderr)
        return 2
    sentences = load_sentences(gsr_dir)
    out_of_fold: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    for fold in range(args.folds):
        training = [s for s in sentences if fold_of(s.id, args.folds) != fold]
        weights = train_per_type(training, args.l2, args.iterations, args.labels)
        for sentence in sentences:
            if fold_of(sentence.id, args.folds) == fold:
                out_of_fold[sentence.event_type].append(
                    (sentence_probability(weights, sentence), sentence.label)
                )
    thresholds: dict[str, float] = {}
    cross_validated: dict[str, dict[str, float]] = {}
    for event_type in TYPES:
        pairs = out_of_fold[event_type]
        candidates = [t / 100 for t in range(5, 96)]
        best = max(candidates, key=lambda t: (scores(pairs, t)["f1"], -abs(t - 0.5)))
        thresholds[event_type] = best
        cross_validated[event_type] = scores(pairs, best)
    weights = train_per_type(sentences, args.l2, args.iterations, args.labels)
    # fold each type's threshold into its bias, so that 0.5 is the decision point for every type
    for event_type, threshold in thresholds.items():
        key = f"{event_type}|bias"
        weights[key] = round(weights.get(key, 0.0) - math.log(threshold / (1 - threshold)), 4)
    in_sample = {
        t: scores([(sentence_probability(weights, s), s.label) for s in sentences if s.event_type == t], 0.5)
        for t in TYPES
    }
    model = {
        "description": "Hadath event filter: logistic regression, "
        "P(sentence reports a specific event of this type)",
        "trained_on": "OEDA Arabic PLOVER gold standard, development third "
        "(../shared/data/events/plover-gsr-ar-dev)",
        "types": list(TYPES),
        "threshold": 0.5,
        "thresholds_folded_into_bias": thresholds,
        "cross_validation": {"folds": args.folds, "out_of_fold": cross_validated},
        "in_sample": in_sample,
        "hyperparameters": {
            "l2": args.l2,
            "iterations": args.iterations,
            "learning_rate": LEARNING_RATE,
            "min_feature_count": MIN_FEATURE_COUNT,
            "labels": args.labels,
        },
        "sentences": {t: sum(1 for s in sentences if s.event_type == t) for t in TYPES},
        "weights": weights,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8"
    )
    summary = ("thresholds_folded_into_bias", "cross_validation", "in_sample", "sentences")
    print(json.dumps({k: model[k] for k in summary}, ensure_ascii=False, indent=2))
    print(f"{len(weights)} weights written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
