"""Train the event filter (hadath/data/models/event_filter.json) on the OEDA Arabic gold standard.

    python tools/train_event_filter.py [--shared ../shared] [--folds 5] [--labels mix|hard|soft] [--out PATH]

What is trained, on which targets, and how the folds and thresholds are chosen is described in
hadath.extract.event_filter_training (also used by ``hadath eval gsr --cross-validate``). The whole
development third is used for training, so the figures ``hadath eval gsr`` prints on it afterwards are
in-sample; this script prints, and stores in the model, the out-of-fold figures too. The same data
gives the same file.
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
        "cross_validation": {
            "folds": args.folds,
            "out_of_fold": validation.out_of_fold,
            "clear_cases": validation.clear_cases,
            "against_one_annotator": validation.against_one_annotator,
        },
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
