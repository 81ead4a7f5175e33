"""Evaluation on the OEDA Arabic PLOVER gold standard (``*_gsr.csv`` + ``*_spans.json``).

Detection: a sentence labelled ``yes`` is a positive, ``easy no`` and ``difficult no`` negatives,
``ambiguous`` is left out. Hadath predicts a positive when it finds, in the sentence, an event of
that PLOVER type whose modality is not ``negated`` (a denied attack did not happen). Precision,
recall and F1 are reported per event type.

The gold files are read by eval/gold.py (labels; documents dated from their Gigaword ids, so that
actors are coded as they were then: Taliban was not a government in 2007).

With ``cross_validated``, detection is judged out of fold: each sentence by an event filter trained on
the other folds (extract/event_filter_training.py). The shipped filter is trained on this very set, so
that is the honest estimate for text Hadath was not tuned on.

Arguments: on the span records (positives with annotated source/target), the country block of the
annotators' source and target (the majority over annotators, ignoring ``None``) is compared with the
first three letters of the code of the source/target of Hadath's most confident event of that type;
accuracy is over the records whose gold country is known.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hadath.eval.agreement import (
    annotator_against_annotator,
    annotator_against_label,
    predictions_against_annotator,
)
from hadath.eval.gold import GoldSentence, gsr_files, scored_sentences
from hadath.eval.scores import PrecisionRecall
from hadath.extract.event_filter_training import CrossValidation, cross_validate, load_sentences
from hadath.lexicon.model import Lexicon
from hadath.pipeline import Pipeline
from hadath.schema import Event

_NOT_OCCURRED = ("negated",)
# below this confidence an event is a mention of one, not a report of one (see extract/event_filter.py)
DETECTION_CONFIDENCE = 0.5


@dataclass(slots=True)
class TypeScore(PrecisionRecall):
    event_type: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    source_hits: int = 0
    source_total: int = 0
    target_hits: int = 0
    target_total: int = 0
    # span records whose accepting annotators named no country for the role ("gunmen", "civilians"):
    # Hadath is right there when its argument names none either (over-assignment shows here)
    source_null_hits: int = 0
    source_null_total: int = 0
    target_null_hits: int = 0
    target_null_total: int = 0
    # per scored sentence: (annotators who accepted, who rejected, gold label, Hadath's decision)
    votes: list[tuple[int, int, bool, bool]] = field(default_factory=list)

    def agreement(self) -> dict[str, dict[str, float]]:
        """Hadath and the annotators measured against one annotator (eval/agreement.py)."""
        return {
            "hadath_vs_one_annotator": predictions_against_annotator(
                (predicted, accepted / (accepted + rejected))
                for accepted, rejected, _, predicted in self.votes
                if accepted + rejected
            ).as_dict(),
            "one_annotator_vs_label": annotator_against_label(
                (accepted, rejected, label) for accepted, rejected, label, _ in self.votes
            ).as_dict(),
            "annotator_vs_annotator": annotator_against_annotator(
                (accepted, rejected) for accepted, rejected, _, _ in self.votes
            ).as_dict(),
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "source_country_accuracy": _share(self.source_hits, self.source_total),
            "target_country_accuracy": _share(self.target_hits, self.target_total),
            "span_records_with_gold_source": self.source_total,
            "span_records_with_gold_target": self.target_total,
            "source_no_country_accuracy": _share(self.source_null_hits, self.source_null_total),
            "target_no_country_accuracy": _share(self.target_null_hits, self.target_null_total),
            "span_records_without_gold_source_country": self.source_null_total,
            "span_records_without_gold_target_country": self.target_null_total,
            "agreement": self.agreement(),
        }


@dataclass(slots=True)
class GsrReport:
    scores: dict[str, TypeScore] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out = [f"{'type':9} {'P':>6} {'R':>6} {'F1':>6}  tp/fp/fn    src-acc  tgt-acc  src-none tgt-none"]
        for name, score in sorted(self.scores.items()):
            d = score.as_dict()
            figures = [
                "—" if d[key] is None else f"{d[key]:.3f}"
                for key in (
                    "source_country_accuracy",
                    "target_country_accuracy",
                    "source_no_country_accuracy",
                    "target_no_country_accuracy",
                )
            ]
            out.append(
                f"{name:9} {d['precision']:6.3f} {d['recall']:6.3f} {d['f1']:6.3f}  "
                f"{score.tp}/{score.fp}/{score.fn}  {figures[0]:>7}  {figures[1]:>7}  "
                f"{figures[2]:>8} {figures[3]:>8}"
            )
        out.append(
            "src/tgt-acc: the argument's country where the annotators named one; src/tgt-none: no country "
            "where they named none"
        )
        out.append(
            "F1 against one annotator drawn from each sentence's panel (expected): Hadath · "
            "an annotator against the label · against another annotator"
        )
        for name, score in sorted(self.scores.items()):
            agreement = score.agreement()
            out.append(
                f"{name:9} {agreement['hadath_vs_one_annotator']['f1']:6.3f} · "
                f"{agreement['one_annotator_vs_label']['f1']:.3f} · "
                f"{agreement['annotator_vs_annotator']['f1']:.3f}"
            )
        return out

    def summary(self) -> dict[str, Any]:
        return {"gsr": {name: score.as_dict() for name, score in sorted(self.scores.items())}}


def _share(hits: int, total: int) -> float | None:
    return round(hits / total, 3) if total else None


def _names_no_country(records: list[dict[str, Any]], role_key: str) -> bool:
    """Whether the annotators coded the role and named no country for it: OEDA writes "None" (a
    string), the 2015 set null; an empty role ({}) was not annotated and says nothing."""
    mains = [span.get(role_key) for span in records]
    coded = [role["main"] for role in mains if isinstance(role, dict) and "main" in role]
    return bool(coded) and all(main in (None, "None", "") for main in coded)


def _majority_country(records: list[dict[str, Any]], role_key: str) -> str | None:
    votes: Counter[str] = Counter()
    for span in records:
        role = span.get(role_key)
        if isinstance(role, dict):
            main = role.get("main")
            if isinstance(main, str) and len(main) == 3 and main.isupper():
                votes[main] += 1
    return votes.most_common(1)[0][0] if votes else None


def _country(code: str | None) -> str | None:
    return code[:3] if code else None


def _best(events: list[Event]) -> Event | None:
    return max(events, key=lambda e: e.confidence) if events else None


def evaluate_gsr(
    directory: Path,
    pipeline: Pipeline | None = None,
    errors_path: Path | None = None,
    min_confidence: float = DETECTION_CONFIDENCE,
) -> GsrReport:
    """Score every gold file of ``directory``; with the event filter, an event counts as reported from
    ``min_confidence`` on."""
    pipeline = pipeline or Pipeline()
    report = GsrReport()
    errors = errors_path.open("w", encoding="utf-8") if errors_path else None
    try:
        for gsr_file in gsr_files(directory):
            _evaluate_file(gsr_file, pipeline, report, errors, min_confidence)
    finally:
        if errors:
            errors.close()
    return report


def _evaluate_file(
    gsr_file: Path, pipeline: Pipeline, report: GsrReport, errors: Any, min_confidence: float
) -> None:
    predictions: dict[str, list[Event]] = {}
    filtered = pipeline.event_filter is not None
    for sentence in scored_sentences(gsr_file):
        score = report.scores.setdefault(sentence.event_type, TypeScore(sentence.event_type))
        analysis = pipeline.analyze(sentence.document())
        found = [
            e
            for e in analysis.events
            if e.plover == sentence.event_type
            and e.modality not in _NOT_OCCURRED
            and (not filtered or e.confidence >= min_confidence)
        ]
        predictions[sentence.id] = found
        gold = sentence.positive
        score.votes.append((sentence.accept, sentence.reject, gold, bool(found)))
        if gold and found:
            score.tp += 1
        elif gold:
            score.fn += 1
        elif found:
            score.fp += 1
        else:
            score.tn += 1
        if errors is not None and gold != bool(found):
            errors.write(
                json.dumps(_error_record(sentence, found, analysis.events), ensure_ascii=False) + "\n"
            )
    spans_file = gsr_file.with_name(gsr_file.name.replace("_gsr.csv", "_spans.json"))
    if spans_file.exists():
        _score_arguments(
            spans_file, predictions, report, uncountried_blocks(pipeline.compiled.lexicon), errors
        )


def _error_record(sentence: GoldSentence, found: list[Event], events: list[Event]) -> dict[str, Any]:
    gold = sentence.positive
    return {
        "kind": "false_negative" if gold else "false_positive",
        "id": sentence.id,
        "event_type": sentence.event_type,
        "label": sentence.label,
        "text": sentence.text,
        "fired": [
            {
                "trigger": e.trigger,
                "span": [e.trigger_start, e.trigger_end],
                "cameo": e.cameo,
                "plover": e.plover,
                "modality": e.modality,
                "source": e.source.code if e.source else None,
                "target": e.target.code if e.target else None,
            }
            for e in (found if not gold else events)
        ],
    }


def uncountried_blocks(lexicon: Lexicon) -> frozenset[str]:
    """First blocks of codes that name a kind of actor and no country (MIL, REB, CVL, GOV ...): those of
    the lexicon's agents and roles, less the state codes and IMG / IGO, which the annotators write in
    the country's place."""
    blocks = {agent.code[:3] for agent in lexicon.agents}
    blocks |= {role.code[:3] for role in lexicon.roles.values() if role.code}
    return frozenset(blocks - set(lexicon.countries) - {"IMG", "IGO"})


def _score_arguments(
    spans_file: Path,
    predictions: dict[str, list[Event]],
    report: GsrReport,
    uncountried: frozenset[str],
    errors: Any = None,
) -> None:
    records = json.loads(spans_file.read_text(encoding="utf-8"))
    for record in records:
        event_type = record.get("event_type")
        sentence_id = record.get("source")
        if event_type not in report.scores or sentence_id not in predictions:
            continue
        score = report.scores[event_type]
        spans = record.get("spans") or []
        best = _best(predictions[sentence_id])
        gold_source = _majority_country(spans, "source_role")
        gold_target = _majority_country(spans, "target_role")
        for role, gold, predicted in (
            ("source", gold_source, best.source if best else None),
            ("target", gold_target, best.target if best else None),
        ):
            if not gold:
                if _names_no_country(spans, f"{role}_role"):
                    named = bool(predicted and predicted.code and predicted.code[:3] not in uncountried)
                    if role == "source":
                        score.source_null_total += 1
                        score.source_null_hits += not named
                    else:
                        score.target_null_total += 1
                        score.target_null_hits += not named
                    if errors is not None and named:
                        errors.write(
                            json.dumps(_argument_error(record, role, None, best), ensure_ascii=False) + "\n"
                        )
                continue
            hit = bool(predicted and _country(predicted.code) == gold)
            if role == "source":
                score.source_total += 1
                score.source_hits += hit
            else:
                score.target_total += 1
                score.target_hits += hit
            if errors is not None and not hit:
                errors.write(json.dumps(_argument_error(record, role, gold, best), ensure_ascii=False) + "\n")


def _argument_error(
    record: dict[str, Any], role: str, gold: str | None, best: Event | None
) -> dict[str, Any]:
    """A wrong or missing argument country, or a country where the annotators named none (``gold``
    None), with the annotators' spans and what Hadath found."""
    predicted = (best.source if role == "source" else best.target) if best else None
    if gold is None:
        kind = f"{role}_country_where_none"
    else:
        kind = f"wrong_{role}_country" if predicted else f"missing_{role}"
    return {
        "kind": kind,
        "id": record.get("source"),
        "event_type": record.get("event_type"),
        "text": record.get("text"),
        "gold_country": gold,
        "gold_spans": [" ".join(span.get(f"{role}_actor") or []) for span in record.get("spans") or []],
        "event": None
        if best is None
        else {"trigger": best.trigger, "span": [best.trigger_start, best.trigger_end], "cameo": best.cameo},
        "found": None
        if predicted is None
        else {"code": predicted.code, "text": predicted.text, "span": [predicted.start, predicted.end]},
    }


def cross_validated_detection(directory: Path, folds: int = 5) -> CrossValidation:
    """Out-of-fold detection per type: each sentence judged by an event filter trained on the others,
    with the thresholds chosen on the out-of-fold predictions (as the shipped model's are); also on
    the clear-cut sentences alone (`yes` against `easy no`)."""
    gsr_files(directory)  # a clear error for a directory without gold files
    return cross_validate(load_sentences(directory), folds)


def cross_validated_lines(validation: CrossValidation) -> list[str]:
    def line(name: str, d: dict[str, float]) -> str:
        return (
            f"{name:9} {d['precision']:6.3f} {d['recall']:6.3f} {d['f1']:6.3f}  {d['tp']}/{d['fp']}/{d['fn']}"
        )

    out = [f"out of fold ({validation.folds} folds, the event filter retrained without each fold):"]
    out.extend(line(name, d) for name, d in sorted(validation.out_of_fold.items()))
    out.append("the same, clear-cut sentences only (yes against easy no; no difficult no):")
    out.extend(line(name, d) for name, d in sorted(validation.clear_cases.items()))
    out.append("the same, against one annotator drawn from each sentence's panel (expected counts):")
    out.extend(
        f"{name:9} {d['precision']:6.3f} {d['recall']:6.3f} {d['f1']:6.3f}"
        for name, d in sorted(validation.against_one_annotator.items())
    )
    return out
