"""Quotations: who said what, with the cue that says so.

* **Direct**: text between quotation marks is a quotation only when a speech cue governs it (a cue
  in the eight tokens before the opening mark in the same sentence, or right after the closing mark:
  «...»، قال X). A quoted phrase without a speech cue (a title, a scare quote, an idiom) is not
  anybody's statement, and a quote introduced by a scripture cue (قال تعالى، والمثل يقول) is never
  attributed to a political actor.
* **Indirect**: a speech cue, its speaker, then a complementiser (أن، إن، بأن، على أن); the content
  runs to the end of the clause. "قال X: ..." without marks is handled the same way after the colon.

The speaker of a verb cue is the actor right after it (VSO) or the nearest before it in the clause
(SVO); the speaker of a cue noun (تصريح، تأكيد) is its genitive.
"""

from __future__ import annotations

from dataclasses import dataclass

from hadath.doc import ActorMention, CueMention, Doc
from hadath.extract.clauses import Clause, clause_of

_CUE_WINDOW_BEFORE = 8
_MAX_QUOTE_TOKENS = 400
_SPEAKER_WINDOW = 4
_CLAUSE_END = frozenset("،,؛;.!?؟")


@dataclass(slots=True)
class QuotationMention:
    speaker: ActorMention | None
    cue: CueMention
    content_start: int  # original character offsets of the content
    content_end: int
    direct: bool


def extract_quotations(
    doc: Doc, clauses: list[Clause], quote_pairs: tuple[tuple[str, str], ...]
) -> list[QuotationMention]:
    quotations: list[QuotationMention] = []
    covered: list[tuple[int, int]] = []
    speech_cues = [c for c in doc.cues if c.category == "speech"]
    scripture_cues = [c for c in doc.cues if c.category == "scripture"]
    for open_index, close_index in _quoted_spans(doc, quote_pairs):
        if any(open_index - _CUE_WINDOW_BEFORE <= c.last <= open_index for c in scripture_cues):
            covered.append((open_index, close_index))
            continue
        sentence = doc.tokens[open_index].sentence
        before = [
            c
            for c in speech_cues
            if c.sentence == sentence and open_index - _CUE_WINDOW_BEFORE <= c.first < open_index
        ]
        after = [c for c in speech_cues if close_index < c.first <= close_index + 2]
        cue = before[-1] if before else (after[0] if after else None)
        if cue is None:
            continue  # quoted words nobody is said to have said
        speaker = _speaker(doc, clauses, cue, open_index if before else None)
        start = doc.tokens[open_index].end
        end = doc.tokens[close_index].start
        quotations.append(QuotationMention(speaker, cue, start, end, direct=True))
        covered.append((open_index, close_index))
    for cue in speech_cues:
        if any(a <= cue.first <= b for a, b in covered):
            continue
        indirect = _indirect(doc, clauses, cue)
        if indirect is not None:
            quotations.append(indirect)
    quotations.sort(key=lambda q: q.content_start)
    return quotations


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


def _speaker(doc: Doc, clauses: list[Clause], cue: CueMention, stop: int | None) -> ActorMention | None:
    clause = clause_of(clauses, cue.first)
    limit = stop if stop is not None else clause.last
    for mention in doc.actors:
        if cue.last <= mention.first <= cue.last + _SPEAKER_WINDOW and mention.first < limit:
            return mention
    for mention in reversed(doc.actors):
        if mention.last <= cue.first and mention.sentence == cue.sentence:
            return mention
    return None


def _indirect(doc: Doc, clauses: list[Clause], cue: CueMention) -> QuotationMention | None:
    sentence = doc.sentences[cue.sentence]
    speaker = _speaker(doc, clauses, cue, None)
    search_from = max(cue.last, speaker.last if speaker and speaker.first >= cue.last else cue.last)
    for position in range(search_from, min(search_from + 3, sentence.last_token)):
        token = doc.tokens[position]
        if token.key == "ان" or (token.kind == "punct" and token.norm == ":"):
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
        if doc.tokens[position].norm == "علي":  # تأكيد ... على أن
            continue
    return None
