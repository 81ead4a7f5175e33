"""Sentences and tokens over normalised text, with original offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hadath.text.clitics import segment_word
from hadath.text.normalize import NormalizedText

ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff"
_TOKEN_RE = re.compile(
    rf"(?P<arabic>[{ARABIC_LETTERS}]+)"
    r"|(?P<number>\d+(?:[.,:/]\d+)*)"
    r"|(?P<latin>[^\W\d_]+(?:['’-][^\W\d_]+)*)"
    r"|(?P<punct>\S)"
)
# A sentence ends at . ! ? ؟ (possibly repeated, possibly followed by closing quotes/brackets) before
# whitespace, or at a line break. A full stop between digits (3.5) or after a one-letter abbreviation
# (د. for doctor, م. for metre/AD) does not end a sentence. A free-standing asterisk ends the headline
# that precedes a dateline ("إسرائيل تغتال 5 ... * لندن ـ «الشرق الأوسط»: ...").
_SENTENCE_END_RE = re.compile(r"(?<![\s.][^\s.])[.!?؟]+[\"'»”)\]]*(?=\s)|\n\s*|(?<=\s)\*(?=\s)")


@dataclass(slots=True)
class Token:
    """One token: original span, normalised surface, and its clitic analysis."""

    index: int
    sentence: int
    kind: str  # arabic | number | latin | punct
    start: int  # original offsets
    end: int
    norm: str
    prefixes: tuple[str, ...] = ()
    stem: str = ""
    suffixes: tuple[str, ...] = ()
    body_start: int = 0  # original offset after conjunction/preposition clitics (ال kept)
    norm_start: int = 0  # offsets in the normalised text
    norm_end: int = 0

    @property
    def key(self) -> str:
        """The form the lexicon matches on: the stem of an Arabic word, else the normalised form."""
        return self.stem or self.norm

    @property
    def is_complementiser(self) -> bool:
        """أن / إن / بأن ...: what follows is a clause. "بان" written without hamza is read so too (the
        segmenter takes it for the verb بان "appeared", which news hardly uses)."""
        return self.key == "ان" or (self.key == "بان" and "ال" not in self.prefixes)

    def has_prefix(self, *clitics: str) -> bool:
        return any(clitic in self.prefixes for clitic in clitics)


@dataclass(slots=True)
class Sentence:
    index: int
    start: int  # original offsets
    end: int
    first_token: int
    last_token: int  # exclusive


def _clean_surface(original: str, start: int, end: int, norm: str) -> str:
    """The original spelling of a word (hamzas kept, diacritics gone) for the segmenter.

    Farasa's statistics are over standard orthography, so it gets the original letters; when the
    original contains presentation forms the normalised form is the only reliable spelling.
    """
    surface = "".join(ch for ch in original[start:end] if "\u0621" <= ch <= "\u06ff" and ch not in _MARKS)
    return surface if len(surface) == len(norm) else norm


_MARKS = frozenset(chr(c) for c in [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, 0x0640])


def tokenize(normalized: NormalizedText) -> tuple[list[Sentence], list[Token]]:
    """Split a normalised document into sentences and tokens."""
    text = normalized.text
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    boundaries = [m.end() for m in _SENTENCE_END_RE.finditer(text)]
    boundaries.append(len(text))
    sentence_start = 0
    for boundary in boundaries:
        if boundary <= sentence_start:
            continue
        first = len(tokens)
        for match in _TOKEN_RE.finditer(text, sentence_start, boundary):
            kind = match.lastgroup or "punct"
            start, end = normalized.original_span(match.start(), match.end())
            original = normalized.original
            while end < len(original) and original[end] in _MARKS:
                end += 1  # a word's final diacritics (قَصَفَتْ) belong to its span
            token = Token(
                len(tokens),
                len(sentences),
                kind,
                start,
                end,
                match.group(),
                body_start=start,
                norm_start=match.start(),
                norm_end=match.end(),
            )
            if kind == "arabic":
                analysis = segment_word(_clean_surface(normalized.original, start, end, token.norm))
                token.prefixes = analysis.prefixes
                token.stem = analysis.stem
                token.suffixes = analysis.suffixes
                token.body_start = _body_start(normalized.original, start, end, analysis.conjunction_length)
            tokens.append(token)
        if len(tokens) > first:
            sentences.append(
                Sentence(len(sentences), tokens[first].start, tokens[-1].end, first, len(tokens))
            )
        sentence_start = boundary
    return sentences, tokens


def split_preposition(token: Token, original: str, preposition: str, stem: str) -> None:
    """Read the first letter after ``token``'s conjunction as a preposition and the rest as the name
    ``stem``: the segmenter leaves names it does not know whole ("لداعش", "لترامب")."""
    token.prefixes = (*token.prefixes, preposition)
    token.stem = stem
    token.suffixes = ()
    token.body_start = _body_start(original, token.body_start, token.end, 1)


def split_conjunction(
    token: Token, original: str, conjunction: str, stem: str, suffixes: tuple[str, ...]
) -> None:
    """Read ``token``'s first letter as the conjunction and the rest as the word ``stem`` +
    ``suffixes``: the segmenter misreads some words after و/ف ("واتهم" as وات + هم)."""
    token.prefixes = (conjunction,)
    token.stem = stem
    token.suffixes = suffixes
    token.body_start = _body_start(original, token.start, token.end, 1)


def _body_start(original: str, start: int, end: int, letters: int) -> int:
    """Original offset after the first ``letters`` Arabic letters of the word (skipping marks)."""
    if letters == 0:
        return start
    seen = 0
    for position in range(start, end):
        if original[position] not in _MARKS and "\u0621" <= original[position] <= "\u06ff":
            seen += 1
            if seen == letters:
                position += 1
                while position < end and original[position] in _MARKS:
                    position += 1
                return position
    return start
