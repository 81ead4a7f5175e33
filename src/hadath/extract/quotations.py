"""Speech acts and quotations: who said what, with the cue that says so.

* **Speech acts**: every speech cue (قال، أكد، تصريح، تأكيد ...) with its speaker. The speaker of a
  cue is the actor right after it (VSO, or the genitive of a cue noun: "تصريح الرئيس بوتين"), else the
  nearest actor before it in its clause (SVO), else, for a verb with no subject in sight ("وأضاف أن"),
  the subject of the verb that opens its sentence when no earlier speech act is in that sentence
  ("وترفض إسرائيل ذلك، وتقول إن"), else the speaker of the previous speech act within two sentences.
  A cue that is also a first-person
  opinion cue (اعتبر = أعتبر) with no speaker in its clause is the author's own voice: a claim, not a
  quotation.
* **Direct quotations**: text between quotation marks is a quotation only when a speech cue governs
  it: a cue in the eight tokens before the opening mark in the same sentence, or right after the
  closing mark («...»، قال X). A quoted phrase without a speech cue (a title, a scare quote, an idiom)
  is not anybody's statement, and a quote introduced by a scripture cue (قال تعالى، والمثل يقول) is
  never attributed to a political actor.
* **Indirect quotations**: a speech act followed by a complementiser (أن، إن، بأن، على أن) or a colon;
  the content runs to the end of the clause.
"""

from __future__ import annotations

from dataclasses import dataclass

from hadath.doc import ActorMention, CueMention, Doc
from hadath.extract.clauses import Clause, clause_of
from hadath.extract.morphology import has_subject_ending, looks_nominal
from hadath.text.clitics import TA_MARBUTA

_CUE_WINDOW_BEFORE = 8
_MAX_QUOTE_TOKENS = 400
_SPEAKER_WINDOW = 4
_COMPLEMENTISER_WINDOW = 10  # words after the speaker (or cue) in which إن/أن opens the content
# "بعد أن التقى نظيره": أن after these opens a time or concession clause, not what was said
_ADVERBIAL_HEADS = frozenset({"بعد", "قبل", "منذ", "عقب", "حتى", "رغم", "بمجرد"})
_GENITIVE_WINDOW = 1
_QUOTED_NAME_WORDS = 4  # at most this many words in quotation marks after a speech verb are a name
CLAIM_WINDOW = 4  # tokens from a claimant to the responsibility it claims ("حركة الشباب ... المسؤولية")
_SPEAKER_MEMORY_SENTENCES = 2
_CLAUSE_END = frozenset("،,؛;.!?؟")
# what sets off an aside between the speaker and the complementiser ("قال مسؤولون، اليوم (الخميس)، إن")
_ASIDE_PUNCTUATION = frozenset("،,()")


@dataclass(slots=True)
class SpeechAct:
    cue: CueMention
    speaker: ActorMention | None


@dataclass(slots=True)
class QuotationMention:
    speaker: ActorMention | None
    cue: CueMention
    content_start: int  # original character offsets of the content
    content_end: int
    direct: bool


def extract_speech_acts(
    doc: Doc, clauses: list[Clause], quote_pairs: tuple[tuple[str, str], ...]
) -> list[SpeechAct]:
    acts: list[SpeechAct] = []
    closers = dict(quote_pairs)
    opinion_starts = {c.first for c in doc.cues if c.category == "opinion"}
    attributions = [c for c in doc.cues if c.category == "attribution"]
    previous: SpeechAct | None = None
    for cue in doc.cues:
        if cue.category != "speech":
            continue
        speaker = _speaker(doc, clause_of(clauses, cue.first), cue, closers)
        if speaker is not None and speaker.last <= cue.first and _inside(cue, attributions):
            continue  # "قتل ثلاثة جنود بحسب ما ذكرت وكالة الأنباء": the one who told it follows the verb
        if speaker is None and cue.first in opinion_starts:
            continue  # the author speaking in the first person
        if speaker is None and (previous is None or previous.cue.sentence != cue.sentence):
            speaker = _subject_of_sentence_verb(doc, cue, closers)
        if (
            speaker is None
            and previous is not None
            and _continues_previous_speaker(doc, cue, previous, closers)
        ):
            speaker = previous.speaker
        act = SpeechAct(cue, speaker)
        acts.append(act)
        previous = act
    return acts


def _inside(cue: CueMention, outer: list[CueMention]) -> bool:
    return any(o.first < cue.first and cue.last <= o.last for o in outer)


def _continues_previous_speaker(
    doc: Doc, cue: CueMention, previous: SpeechAct, closers: dict[str, str]
) -> bool:
    """ "وأضاف أن ..." / "وتابع: ..." / "وتابع «...»": a conjoined speech verb right before its
    content, with no subject, continues the previous speaker's turn."""
    if previous.speaker is None or cue.sentence - previous.cue.sentence > _SPEAKER_MEMORY_SENTENCES:
        return False
    return _opens_content(doc, cue, closers)


def _opens_content(doc: Doc, cue: CueMention, closers: dict[str, str]) -> bool:
    """A speech verb joined by و/ف with its content right after it (أن, a colon or a quotation)."""
    if not doc.tokens[cue.first].has_prefix("و", "ف"):
        return False
    following = doc.tokens[cue.last] if cue.last < len(doc.tokens) else None
    return following is not None and (
        following.is_complementiser or following.norm == ":" or following.norm in closers
    )


def extract_quotations(
    doc: Doc, acts: list[SpeechAct], quote_pairs: tuple[tuple[str, str], ...]
) -> list[QuotationMention]:
    quotations: list[QuotationMention] = []
    used: set[int] = set()
    scripture_cues = [c for c in doc.cues if c.category == "scripture"]
    for open_index, close_index in _quoted_spans(doc, quote_pairs):
        if any(open_index - _CUE_WINDOW_BEFORE <= c.last <= open_index for c in scripture_cues):
            continue
        act = _governing_act(doc, acts, open_index, close_index)
        if act is None:
            continue  # quoted words nobody is said to have said
        start = doc.tokens[open_index].end
        end = doc.tokens[close_index].start
        quotations.append(QuotationMention(act.speaker, act.cue, start, end, direct=True))
        used.add(act.cue.first)
    for act in acts:
        if act.cue.first in used:
            continue
        indirect = _indirect(doc, act)
        if indirect is not None:
            quotations.append(indirect)
    quotations.sort(key=lambda q: q.content_start)
    return quotations


def _governing_act(doc: Doc, acts: list[SpeechAct], open_index: int, close_index: int) -> SpeechAct | None:
    sentence = doc.tokens[open_index].sentence
    before = [
        a
        for a in acts
        if a.cue.sentence == sentence and open_index - _CUE_WINDOW_BEFORE <= a.cue.first < open_index
    ]
    if before:
        return before[0]
    # «...» قال X / «...»، قال X: the cue right after the closing mark
    following = close_index + 1
    if following < len(doc.tokens) and doc.tokens[following].norm in {"،", ","}:
        following += 1
    return next((a for a in acts if a.cue.first == following), None)


def _quoted_spans(doc: Doc, quote_pairs: tuple[tuple[str, str], ...]) -> list[tuple[int, int]]:
    closers = {opening: closing for opening, closing in quote_pairs}
    spans: list[tuple[int, int]] = []
    position = 0
    tokens = doc.tokens
    while position < len(tokens):
        token = tokens[position]
        closing = closers.get(token.norm) if token.kind == "punct" else None
        if closing is None:
            position += 1
            continue
        for candidate in range(position + 1, min(len(tokens), position + _MAX_QUOTE_TOKENS)):
            if tokens[candidate].kind == "punct" and tokens[candidate].norm == closing:
                if candidate > position + 1:
                    spans.append((position, candidate))
                position = candidate
                break
        position += 1
    return spans


def _subject_of_sentence_verb(doc: Doc, cue: CueMention, closers: dict[str, str]) -> ActorMention | None:
    """ "وترفض إسرائيل ذلك، وتقول إنهم عادوا": a speech verb joined by و/ف and right before its content
    (no subject of its own: "ويشير أحد الباحثين إلى أن") shares the subject of the verb that opens its
    sentence (the sentence's first actor, first word or right after it), not the speaker of an earlier
    sentence."""
    if not _opens_content(doc, cue, closers):
        return None
    following = doc.tokens[cue.last]
    if following.norm in closers and _quoted_name(doc, cue.last, closers[following.norm]):
        return None  # "وتزعم «أستون» أنه": a subject of its own, named in quotation marks
    opening = doc.sentences[cue.sentence].first_token
    subject = next(iter(doc.actors_in(opening, cue.first)), None)
    if subject is None or subject.first - opening > 1:
        return None
    return subject


def _speaker(doc: Doc, clause: Clause, cue: CueMention, closers: dict[str, str]) -> ActorMention | None:
    fronted = _fronted_by_copula(doc, clause, cue)
    if fronted is not None:
        return fronted
    # a cue noun's speaker is its genitive, right after it (an adjective may intervene); a verb's
    # subject may stand a few words later (قال أمس المتحدث باسم ...)
    window = _GENITIVE_WINDOW if looks_nominal(doc.tokens[cue.first]) else _SPEAKER_WINDOW
    limit = min(cue.last + window, clause.last - 1)
    for position in range(cue.last, min(limit + 1, len(doc.tokens))):
        if doc.tokens[position].is_complementiser or doc.tokens[position].norm == ":":
            limit = position - 1  # what follows إن/أن/: is the content, not the speaker
            break
        if doc.cue_starts_at(position, "speech"):
            limit = position - 1  # "أصدرت المنظمة بيانا يدعو الحكومة": the next act has its own
            break
        closing = closers.get(doc.tokens[position].norm)
        if closing is not None and not _quoted_name(doc, position, closing):
            limit = position - 1  # "وتابع «أصيب خمسة جنود»": the quotation is what was said
            break
    # "طالبوا فيها ...": a verb with a plural ending has its (pronoun) subject, nobody after it; nor
    # has a verb right after an indefinite noun, whose relative clause it opens ("شعارات تطالب الحكومة")
    pronoun_subject = has_subject_ending(doc.tokens[cue.last - 1])
    subject_before = pronoun_subject or _after_indefinite_noun(doc, clause, cue)
    if subject_before and claimant_after(doc, cue.last, doc.sentences[cue.sentence].last_token) is not None:
        subject_before = False  # "هجمات أعلنت حركة الشباب المسؤولية عنها": its own subject follows
    for mention in doc.actors_in(cue.last, limit + 1) if not subject_before else []:
        governed = mention.first > 0 and doc.cue_starts_at(mention.first - 1, "preposition")
        if not doc.tokens[mention.first].has_prefix("ب", "ل", "ك") and not governed:
            return mention
        break
    for mention in reversed(doc.actors_in(clause.first, cue.first)):
        if mention.last <= cue.first:
            return mention
    return None


def _fronted_by_copula(doc: Doc, clause: Clause, cue: CueMention) -> ActorMention | None:
    """ "وكانت المعارضة قد أعلنت بدء هجوم على مواقع النظام": the actor right after كان (an adjective or
    two may follow it) and before قد is the verb's subject; what follows the verb is its content."""
    qad = cue.first - 1
    if qad <= clause.first or doc.tokens[qad].norm != "قد":
        return None
    for mention in doc.actors_in(clause.first, qad):
        if doc.cue_ends_at(mention.first, "past_copula") and qad - mention.last <= 2:
            return mention
    return None


def _quoted_name(doc: Doc, opening: int, closing: str) -> bool:
    """ "وقال «ولد الشيخ أحمد» في مؤتمر": a few words in quotation marks are a name, not what was said."""
    following = doc.tokens[opening + 1 : opening + 2 + _QUOTED_NAME_WORDS]
    return any(t.norm == closing for t in following)


def claimant_after(doc: Doc, position: int, end: int) -> ActorMention | None:
    """The actor at ``position`` (one word may come first) when the responsibility it claims, or the
    attack itself, follows it within a few words, before ``end`` ("أعلنت حركة الشباب الصومالية
    المسؤولية", "وتبنى تنظيم داعش الهجوم")."""
    mention = next(iter(doc.actors_in(position, min(position + 2, end))), None)
    if mention is None:
        return None
    window_end = min(mention.last + CLAIM_WINDOW, end)
    claimed = doc.cues_in("responsibility", mention.last, window_end) or doc.cues_in(
        "claimed_act", mention.last, window_end
    )
    return mention if claimed else None


def _after_indefinite_noun(doc: Doc, clause: Clause, cue: CueMention) -> bool:
    """A speech verb right after an indefinite plural, feminine or accusative noun ("شعارات تطالب",
    "رسالة تدعو", "بيانا يدعو")."""
    if cue.first <= clause.first or looks_nominal(doc.tokens[cue.first]):
        return False
    before = doc.tokens[cue.first - 1]
    return (
        before.kind == "arabic"
        and not before.prefixes
        and any(s in ("ات", TA_MARBUTA, "ه", "ا") for s in before.suffixes)
        and not doc.actors_in(cue.first - 1, cue.first)
    )


def _indirect(doc: Doc, act: SpeechAct) -> QuotationMention | None:
    cue, speaker = act.cue, act.speaker
    sentence = doc.sentences[cue.sentence]
    search_from = speaker.last if speaker is not None and speaker.first >= cue.last else cue.last
    # words may qualify the speaker before the complementiser ("قال المسؤول الصحي في عدن إن", "أوضح
    # الرائد زيد القحطاني الناطق الإعلامي لشرطة منطقة عسير أنه"), set off by commas or brackets too,
    # until another speech verb takes over
    words = 0
    for position in range(search_from, sentence.last_token):
        token = doc.tokens[position]
        if token.kind != "punct":
            words += 1
            if words > _COMPLEMENTISER_WINDOW:
                break
        if token.is_complementiser and doc.tokens[position - 1].norm in _ADVERBIAL_HEADS:
            continue
        if token.is_complementiser or (token.kind == "punct" and token.norm == ":"):
            content_first = position + 1
            content_last = content_first
            while content_last < sentence.last_token and not (
                doc.tokens[content_last].kind == "punct" and doc.tokens[content_last].norm in _CLAUSE_END
            ):
                content_last += 1
            if content_last <= content_first:
                return None
            if token.key == "ان" and token.suffixes:  # أنه، إنها: the pronoun starts the content
                start = doc.tokens[position].start
            else:
                start = doc.tokens[content_first].start
            return QuotationMention(speaker, cue, start, doc.tokens[content_last - 1].end, direct=False)
        if (token.kind == "punct" and token.norm not in _ASIDE_PUNCTUATION) or (
            position > search_from and doc.cue_starts_at(position, "speech")
        ):
            break
    return None
