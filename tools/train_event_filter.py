"""Train the event filter (hadath/data/models/event_filter.json) on the OEDA Arabic gold standard.

    python tools/train_event_filter.py [--shared ../shared] [--folds 5] [--out PATH]

The training itself is hadath.extract.event_filter_training (also used by ``hadath eval gsr
--cross-validate``); this script writes the model with its out-of-fold and in-sample figures.

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
import json
import sys
from pathlib import Path

from hadath.extract.event_filter import MODEL_PATH
from hadath.extract.event_filter_training import (
    ITERATIONS,
    L2,
    LEARNING_RATE,
    MIN_FEATURE_COUNT,
    TYPES,
    cross_validate,
    fit,
    load_sentences,
    scores,
    sentence_probability,
)

ROOT = Path(__file__).resolve().parents[1]


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
    validation = cross_validate(sentences, args.folds, args.l2, args.iterations, args.labels)
    weights = fit(sentences, validation.thresholds, args.l2, args.iterations, args.labels)
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
        "thresholds_folded_into_bias": validation.thresholds,
        "cross_validation": {"folds": args.folds, "out_of_fold": validation.out_of_fold},
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
