"""A learned check on rule-found events: does this sentence report a specific event of that type?

Dictionary triggers find nearly every assault or protest, but also every *mention* of one: a past
assassination in a subordinate clause ("عقب اغتيال الحريري"), a trial, a report on torture, a slogan.
Event data wants the events that happened and are being reported. A logistic regression over
features of the candidate and its sentence (the trigger, its form and modality, what surrounds it:
casualty counts, time words, a temporal preposition before a verbal noun, arguments found) estimates
that probability. It is trained by ``tools/train_event_filter.py`` on the development third of the
OEDA Arabic gold standard (ASSAULT and PROTEST only), with cross-validated figures in
docs/evaluation.md; the weights are a small JSON file shipped in the package. For other event types
the rule confidence stands.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from hadath.doc import Doc
from hadath.extract.dates import DateMention, relative_time_re
from hadath.extract.events import EventMention

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "models" / "event_filter.json"
_WINDOW = 3
_NUMBER_WINDOW = 5
# a temporal or causal preposition before a verbal noun marks a reference to an earlier event


def event_features(doc: Doc, event: EventMention, dates: list[DateMention]) -> list[str]:
    """Sparse binary features of one candidate event (strings, conjoined with its PLOVER type later)."""
    tokens = doc.tokens
    sentence = doc.sentences[tokens[event.first].sentence]
    trigger_tokens = tokens[event.first : event.last]
    head = trigger_tokens[0]
    features = [
        "bias",
        f"trigger={' '.join(t.key for t in trigger_tokens)}",
        f"cameo={event.entry.cameo}",
        f"root={event.entry.cameo[:2]}",
        f"nominal={event.nominal}",
        f"modality={event.modality.value}",
        f"tense={event.modality.tense}",
        f"article={'ال' in head.prefixes}",
        f"prefix={'+'.join(head.prefixes) or '-'}",
        f"suffix={'+'.join(head.suffixes) or '-'}",
        f"source={event.source.kind if event.source else None}",
        f"target={event.target.kind if event.target else None}",
        f"place={event.place is not None}",
        f"context_entry={bool(event.entry.context)}",
        f"opener={event.clause.opener}",
        f"imported={event.entry.provenance.startswith('oeda')}",
    ]
    for offset in range(1, _WINDOW + 1):
        before = event.first - offset
        after = event.last - 1 + offset
        if before >= sentence.first_token:
            features.append(f"w-{offset}={tokens[before].key}")
        if after < sentence.last_token:
            features.append(f"w+{offset}={tokens[after].key}")
    if any(doc.cue_ends_at(event.first - gap, "reference") for gap in (0, 1)):
        features.append("reference_preposition")  # "عقب اغتيال", "بعد الهجوم"
    numbers = [
        t
        for t in tokens[max(sentence.first_token, event.first - _NUMBER_WINDOW) : event.last + _NUMBER_WINDOW]
        if t.kind == "number"
    ]
    if numbers:
        features.append("number_nearby")
    sentence_dates = [d for d in dates if d.sentence == sentence.index]
    features.append(f"date={bool(sentence_dates)}")
    sentence_text = doc.normalized.text[
        doc.normalized_offset(sentence.first_token) : doc.normalized_offset(sentence.last_token - 1, end=True)
    ]
    if relative_time_re().search(sentence_text):
        features.append("relative_time")  # أمس، اليوم: news of the day, not history
    for cue in doc.sentence_cues(sentence.index):
        if cue.category in (
            "partitive",
            "reported",
            "hypothetical",
            "intention",
        ):
            features.append(f"cue={cue.category}")
    for token in doc.tokens[sentence.first_token : sentence.last_token]:
        if token.kind == "arabic" and len(token.key) > 2:
            features.append(f"s={token.key}")
    for actor in doc.actors:
        if actor.sentence == sentence.index:
            features.append(f"actor_role={actor.role_blocks[:3] or actor.kind}")
    features.append(
        f"speech_in_sentence={any(c.category == 'speech' for c in doc.sentence_cues(sentence.index))}"
    )
    length = sentence.last_token - sentence.first_token
    features.append(f"length={min(length // 10, 6)}")
    position = (event.first - sentence.first_token) * 4 // max(length, 1)
    features.append(f"position={position}")
    return sorted(set(features))


@dataclass(frozen=True)
class EventFilter:
    """Logistic regression weights per PLOVER type, and the decision threshold chosen by cross-validation."""

    weights: dict[str, float]
    types: frozenset[str]
    threshold: float

    def probability(self, plover: str, features: list[str]) -> float:
        score = sum(self.weights.get(f"{plover}|{feature}", 0.0) for feature in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


@lru_cache(maxsize=2)
def load_event_filter(path: Path = MODEL_PATH) -> EventFilter | None:
    """The shipped model, or None when it has not been trained (rules alone then decide)."""
    if not path.exists():
        return None
    model = json.loads(path.read_text(encoding="utf-8"))
    return EventFilter(model["weights"], frozenset(model["types"]), float(model["threshold"]))
