"""Arabic normalisation for matching, with a map back to the original text.

Matching needs a canonical spelling (no diacritics, one alef, ي for ى, ه for ة, Western digits ...),
but every span Hadath reports must be a span of the ORIGINAL text. :func:`normalize` therefore returns
the normalised string together with a compact offset map: a sorted list of segments
``(normalised_start, original_start)`` inside which characters correspond one to one. Deleted characters
(diacritics, tatweel, bidi and zero-width controls) open a new segment; a character that expands to
several (presentation-form ligatures such as ﻻ) gives each produced character its own segment pointing
at the same original character. The map costs memory proportional to the number of edits, not to the
length of the text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

# Characters removed before matching. Why each: diacritics and the dagger alef are optional in
# Arabic print; tatweel is typographic stretching; bidi and zero-width controls are invisible and
# appear in copy-pasted web text between letters of one word.
_DELETED = (
    "\u0610-\u061a"  # Qur'anic annotation signs
    "\u064b-\u065f"  # harakat, tanwin, shadda, sukun and extended marks
    "\u0670"  # superscript (dagger) alef
    "\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"  # Qur'anic marks
    "\u0640"  # tatweel
    "\u200b-\u200f"  # zero-width space/joiners, LRM, RLM
    "\u202a-\u202e"  # bidi embeddings and overrides
    "\u2066-\u2069"  # bidi isolates
    "\u061c"  # Arabic letter mark
    "\ufeff"  # BOM / zero-width no-break space
    "\u00ad"  # soft hyphen
)

# One-to-one replacements (length preserving, so they run through str.translate).
_ONE_TO_ONE: dict[str, str] = {
    # alef variants -> bare alef
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    # hamza carriers: typists drop and misplace these constantly (شيئ / شيء, مسؤول / مسئول)
    "ؤ": "و",
    "ئ": "ي",
    # alef maqsura and Persian/Urdu yeh -> yeh; taa marbuta -> heh; Persian kaf -> kaf
    "ى": "ي",
    "ی": "ي",
    "ې": "ي",
    "ۍ": "ي",
    "ة": "ه",
    "ۀ": "ه",
    "ہ": "ه",
    "ک": "ك",
    "ڪ": "ك",
    # punctuation variants that matter for splitting
    "\u066b": ".",
    "\u066c": ",",
    "\u06d4": ".",
}
for _i in range(10):
    _ONE_TO_ONE[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _ONE_TO_ONE[chr(0x06F0 + _i)] = str(_i)  # Extended (Persian) digits
for (
    _space
) in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000":
    _ONE_TO_ONE[_space] = " "
for _code in range(ord("A"), ord("Z") + 1):
    _ONE_TO_ONE[chr(_code)] = chr(_code + 32)

_TRANSLATION = str.maketrans(_ONE_TO_ONE)

# Presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) need NFKC, which may expand one character to
# several (ﻻ -> لا, ﷺ -> a phrase); they are rare, so they go through the slow path.
_PRESENTATION = "\ufb50-\ufdff\ufe70-\ufefe"
_EDIT_RE = re.compile(f"[{_DELETED}{_PRESENTATION}]+")
_DELETED_RE = re.compile(f"[{_DELETED}]")


def _presentation_replacement(char: str) -> str:
    folded = unicodedata.normalize("NFKC", char)
    folded = _DELETED_RE.sub("", folded)
    return folded.translate(_TRANSLATION)


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalised string and the map from its offsets to the original's."""

    original: str
    text: str
    # segment starts in the normalised text and the original offsets they correspond to
    _norm_starts: tuple[int, ...]
    _orig_starts: tuple[int, ...]

    def original_offset(self, index: int) -> int:
        """Original offset of the normalised character at ``index`` (``len(text)`` maps to the end)."""
        if index >= len(self.text):
            return len(self.original)
        segment = bisect_right(self._norm_starts, index) - 1
        return self._orig_starts[segment] + (index - self._norm_starts[segment])

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` covering the normalised characters ``start:end``."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside normalised text of length {len(self.text)}")
        if start == end:
            point = self.original_offset(start)
            return point, point
        return self.original_offset(start), self.original_offset(end - 1) + 1


def normalize(original: str) -> NormalizedText:
    """Normalise ``original`` for matching and keep the offset map back to it."""
    translated = original.translate(_TRANSLATION)
    if not _EDIT_RE.search(translated):
        return NormalizedText(original, translated, (0,), (0,))
    pieces: list[str] = []
    norm_starts: list[int] = [0]
    orig_starts: list[int] = [0]
    produced = 0
    kept_from = 0
    for match in _EDIT_RE.finditer(translated):
        run_start, run_end = match.span()
        if run_start > kept_from:
            if produced != norm_starts[-1] or kept_from != orig_starts[-1]:
                norm_starts.append(produced)
                orig_starts.append(kept_from)
            pieces.append(translated[kept_from:run_start])
            produced += run_start - kept_from
        for position in range(run_start, run_end):
            char = translated[position]
            if _DELETED_RE.match(char):
                continue
            for out_char in _presentation_replacement(char):
                norm_starts.append(produced)
                orig_starts.append(position)
                pieces.append(out_char)
                produced += 1
        kept_from = run_end
    if kept_from < len(translated):
        norm_starts.append(produced)
        orig_starts.append(kept_from)
        pieces.append(translated[kept_from:])
    return NormalizedText(original, "".join(pieces), tuple(norm_starts), tuple(orig_starts))
