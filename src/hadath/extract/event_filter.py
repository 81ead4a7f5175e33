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

import yaml

from hadath.doc import Doc
from hadath.extract.dates import DateMention, relative_time_re
from hadath.extract.events import EventMention
from hadath.text.normalize import normalize
from hadath.text.tokens import Token, tokenize

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "models" / "event_filter.json"
_WINDOW = 3
_NUMBER_WINDOW = 5
_GROUP_WINDOW = 6  # words this close to the trigger also give a "near=" feature
_FRAME_WINDOW = 3  # an unreal frame ("محاولة", "خطة لتنفيذ") this close before the trigger
_ABSTRACT_WINDOW = 3  # an abstract noun this close after the trigger ("الهجوم على الحريات")
_COUNT_GAP = 2  # a number at most this many words before a casualty or victim noun

CONTEXT_PATH = Path(__file__).resolve().parent.parent / "data" / "cues" / "event_context.yaml"


@lru_cache(maxsize=1)
def word_groups() -> dict[str, frozenset[str]]:
    """Token key → the groups it belongs to (keys computed with the pipeline's own tokenizer)."""
    content = yaml.safe_load(CONTEXT_PATH.read_text(encoding="utf-8"))
    groups: dict[str, set[str]] = {}
    for group, words in content["groups"].items():
        for token in tokenize(normalize(" ".join(words)))[1]:
            groups.setdefault(token.key, set()).add(group)
    return {key: frozenset(names) for key, names in groups.items()}


def group_features(
    tokens: list[Token], first: int, last: int, trigger_first: int, trigger_last: int
) -> list[str]:
    """``g=GROUP`` for each word group in tokens ``first:last``, ``near=GROUP`` for those near the trigger."""
    groups = word_groups()
    found: set[str] = set()
    near: set[str] = set()
    for i in range(first, last):
        names = groups.get(tokens[i].key)
        if names:
            found |= names
            if trigger_first - _GROUP_WINDOW <= i < trigger_last + _GROUP_WINDOW:
                near |= names
    return [f"g={g}" for g in sorted(found)] + [f"near={g}" for g in sorted(near)]


def has_casualty_count(tokens: list[Token], first: int, last: int, cardinals: set[int]) -> bool:
    """A number (digits or a cardinal word) just before a casualty or victim noun: "مقتل 12 شخصا"."""
    groups = word_groups()
    for i in range(first, last - 1):
        if tokens[i].kind != "number" and i not in cardinals:
            continue
        for j in range(i + 1, min(i + 1 + _COUNT_GAP, last)):
            if groups.get(tokens[j].key, frozenset()) & {"casualty", "victim_noun"}:
                return True
    return False


def in_quotation(text_before: str) -> bool:
    """Whether an opening quotation mark before this point is still open."""
    return text_before.count("«") > text_before.count("»") or text_before.count('"') % 2 == 1


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
    features.extend(context_features(doc, event, sentence_text))
    return sorted(set(features))


def context_features(doc: Doc, event: EventMention, sentence_text: str) -> list[str]:
    """What the sentence says around the trigger: word groups, casualty counts, frames, quotes, places."""
    tokens = doc.tokens
    sentence = doc.sentences[tokens[event.first].sentence]
    first, last = sentence.first_token, sentence.last_token
    features = group_features(tokens, first, last, event.first, event.last)
    groups = word_groups()
    cardinals = {c.first for c in doc.sentence_cues(sentence.index) if c.category == "cardinal"}
    if has_casualty_count(tokens, first, last, cardinals):
        features.append("count_casualty")
    before = tokens[max(first, event.first - _FRAME_WINDOW) : event.first]
    if any("unreal_frame" in groups.get(t.key, ()) for t in before):
        features.append("unreal_frame_before")  # "محاولة اغتيال", "خطة لتنفيذ هجمات"
    after = tokens[event.last : min(event.last + _ABSTRACT_WINDOW, last)]
    if any("abstract" in groups.get(t.key, ()) for t in after):
        features.append("abstract_after")  # "الهجوم على الحريات"
    if "؟" in sentence_text or "?" in sentence_text:
        features.append("question")
    text_before = doc.normalized.text[doc.normalized_offset(first) : doc.normalized_offset(event.first)]
    if in_quotation(text_before):
        features.append("in_quote")
    places = [p for p in doc.places if p.sentence == sentence.index]
    if any(event.clause.first <= p.first < event.clause.last for p in places):
        features.append("place_in_clause")
    features.append(f"places={min(len(places), 3)}")
    if tokens[first].kind == "number":
        features.append("starts_with_number")  # a chronology line: "21 مايو 2005: اغتيال ..."
    return features


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
