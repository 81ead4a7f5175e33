"""Modality of an event: asserted, reported, hypothetical, intended, future or negated.

Cues come from the lexicon (cues.yaml). Scope rules:

* negated — a negation particle or noun at most two tokens before the trigger (لم يشن، عدم انسحاب),
  or earlier in the clause when أي ("any") is right before the trigger (لم تشن الطائرات أي غارات),
  or the trigger is in what somebody denies (نفى أن ...); لن negates a future;
* hypothetical — a conditional or hedge cue earlier in the trigger's clause;
* intended — an intention cue (أراد، يسعى) earlier in the clause, unless the trigger is a past verb
  joined by و/ف (a second main verb: "طالبت ... واتهمتها");
* future — the س prefix on a verb trigger, سوف just before it, or a schedule (من المقرر أن) earlier in
  the clause;
* reported — the trigger is a speech act, sits inside a quotation, or follows a speech cue or an
  attribution cue (بحسب) in its sentence;
* otherwise asserted.

The first that applies wins, in that order: a negated report is negated, a hypothetical intention is
hypothetical.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from hadath.doc import CueMention, Doc
from hadath.extract.clauses import Clause
from hadath.extract.morphology import PAST_PERSON_ENDINGS, is_unsplit_future
from hadath.lexicon.model import EventEntry
from hadath.text.normalize import normalize
from hadath.text.tokens import Token

_NEGATION_WINDOW = 2


@dataclass(frozen=True, slots=True)
class Modality:
    value: str  # asserted | reported | hypothetical | intended | future | negated
    tense: str | None  # past | present | future (of a verb trigger)
    cue: str | None = None  # the word that decided it


def modality_of(
    doc: Doc,
    first: int,
    last: int,
    clause: Clause,
    governed_by_speech: bool,
    entry: EventEntry,
    denied_by: str | None = None,
) -> Modality:
    trigger = doc.tokens[first]
    sentence = doc.sentences[trigger.sentence]
    cues = doc.sentence_cues(trigger.sentence)
    # "من المقرر أن يستقبل": a schedule earlier in the clause makes the event a future one
    scheduled = next(
        (c for c in cues if c.category == "future" and clause.first <= c.first < first and c.last <= first),
        None,
    )
    future = (
        "س" in trigger.prefixes
        or (entry.pos == "verb" and is_unsplit_future(trigger))
        or any(doc.tokens[i].norm == "سوف" for i in range(max(sentence.first_token, first - 2), first))
        or scheduled is not None
    )
    tense = _tense(trigger, entry, future, after_lam=_after_lam(doc, first, sentence.first_token))
    if denied_by is not None:  # "نفت المعارضة أن تكون الغارات قد استهدفت ...": the content is denied
        return Modality("negated", tense, denied_by)
    for cue in cues:
        if cue.category in ("negation", "negation_nouns") and (
            first - _NEGATION_WINDOW <= cue.first < first or _any_under(doc, cue, first, clause)
        ):
            return Modality(
                "negated", "future" if doc.tokens[cue.first].norm == "لن" else tense, _cue_text(doc, cue)
            )
    # "فطالبت واشنطن طهران بالإفراج عنها واتهمتها بالقرصنة": a past verb joined by و/ف is a second main
    # verb, out of the reach of the intention or demand before it (a conditional reaches it: "إذا هاجم
    # ... وقتل")
    conjoined_past = trigger.has_prefix("و", "ف") and bool(set(trigger.suffixes) & PAST_PERSON_ENDINGS)
    for category, value in (
        ("hypothetical", "hypothetical"),
        ("hedge", "hypothetical"),
        ("intention", "intended"),
    ):
        if category == "intention" and conjoined_past:
            continue
        for cue in cues:
            if cue.category == category and clause.first <= cue.first < first:
                return Modality(value, tense, _cue_text(doc, cue))
    if future:
        marker = "س" if "س" in trigger.prefixes else _cue_text(doc, scheduled) if scheduled else "سوف"
        return Modality("future", "future", marker)
    is_speech_act = entry.cameo.startswith("01") or any(
        c.category == "speech" and c.first <= first < c.last for c in cues
    )
    if is_speech_act or governed_by_speech:
        return Modality("reported", tense)
    for cue in cues:
        if cue.category == "reported":
            return Modality("reported", tense, _cue_text(doc, cue))
    return Modality("asserted", tense)


def _any_under(doc: Doc, cue: CueMention, first: int, clause: Clause) -> bool:
    """ "لم تشن الطائرات أي غارات": a noun after أي ("any") is under the clause's negation before it,
    however far ("أي" only means "any" there; elsewhere it is "which" or "that is")."""
    return clause.first <= cue.first < first - 1 and doc.tokens[first - 1].norm == "اي"


def _cue_text(doc: Doc, cue: CueMention) -> str:
    return doc.surface(cue.first, cue.last, body=False)


def _tense(token: Token, entry: EventEntry, future: bool, after_lam: bool) -> str | None:
    if future:
        return "future"
    if entry.pos != "verb":
        return None
    if after_lam:
        return "past"  # لم + jussive: "لم تقصف" did not bomb
    # the lexicon lists verbs in the past; a word that is one of those forms is past even when it starts
    # like an imperfect (تظاهر، نشر), otherwise a person prefix marks the imperfect
    past = _past_forms(entry.triggers)
    if token.key in past or token.norm in past:
        return "past"
    return "present" if len(token.norm) > 3 and token.norm[0] in "يتن" else "past"


@lru_cache(maxsize=4096)
def _past_forms(triggers: tuple[str, ...]) -> frozenset[str]:
    """The lexicon's verb forms (the past), normalised once per entry rather than once per event."""
    return frozenset(normalize(trigger).text for trigger in triggers)


def _after_lam(doc: Doc, first: int, sentence_start: int) -> bool:
    return any(doc.tokens[i].norm == "لم" for i in range(max(sentence_start, first - 2), first))
