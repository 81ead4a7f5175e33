"""Clitic segmentation of Arabic words.

The statistical work is done by the pure-Python Farasa segmenter (PyPI ``farasa``), which runs
offline from pickles shipped in its wheel and segments about 20k words/s on one core. Hadath adds:

* a bounded cache of its own (Farasa's module-level cache grows without limit over a corpus);
* a bounded memo for Farasa's stem-template fit, the costliest step of its scoring: Farasa fits the
  same candidate stems again for every word that contains them (its own memo for it is never read
  and grows without limit), and the memo makes segmentation about a third faster, same output;
* alignment of Farasa's segments back onto the input word, including the ``ل+ال`` that Farasa
  restores in ``للنظام`` although the text has a single lam;
* classification of segments into proclitics (و ف ب ل ك س ال), a stem, and suffixes (number,
  gender and pronoun endings), in normalised spelling, which is what the lexicon keys on; except a
  ta marbuta written as such, which stays ة: normalisation spells it like the pronoun ه, and as a
  suffix the two say different things ("زيارة", a visit; "زيارته", his visit is زيار + ت + ه).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

from hadath.text.normalize import normalize

PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "س", "ال"})
TA_MARBUTA = "ة"


@dataclass(frozen=True, slots=True)
class Segmentation:
    """A word split into proclitics, stem and suffixes, in normalised spelling (a suffix ta marbuta
    written as such stays ة)."""

    prefixes: tuple[str, ...]
    stem: str
    suffixes: tuple[str, ...]
    # number of characters of the input word taken by proclitics other than the article: a mention
    # of "والجيش الحر" starts after و but keeps ال
    conjunction_length: int


@lru_cache(maxsize=1)
def _farasa() -> ModuleType:
    """Farasa's segmentation module (a heavy import of pickles, done on first use), with its
    stem-template fit memoised.

    ``fitTemplate`` is a pure function of the stem over Farasa's static tables, called twice for
    every candidate partition of every word; the candidate stems of one word recur in many others.
    Farasa's scoring looks it up on the module at each call, so replacing the module attribute is
    enough. The original writes every result to a module-level dict that nothing reads; the memo
    drops that entry so a long corpus does not grow it without limit.
    """
    from farasa import fitTemplateClass, segmentation

    fit_template = fitTemplateClass.fitTemplate

    @lru_cache(maxsize=100_000)
    def memoised_fit_template(stem: str) -> str:
        template = fit_template(stem)
        fitTemplateClass.hmSeenBefore.pop(stem, None)
        return template

    fitTemplateClass.fitTemplate = memoised_fit_template
    return segmentation


def _farasa_segments(word: str) -> list[str]:
    segmentation = _farasa()

    # Farasa's shipped table of previously seen words comes first, as in its own segmentLine; we read
    # it but never write to it (its cache grows without bound over a corpus)
    best = segmentation.hmSeenBefore.get(word)
    if best is None:
        solutions = segmentation.mostLikelyPartition(word, 1)
        best = solutions[0][1] if solutions else word
    best = best.replace(";", "").replace("++", "+").strip("+")
    return [part for part in best.split("+") if part]


def _align(word: str, segments: list[str]) -> list[tuple[str, int]] | None:
    """Pair each segment with the number of characters of ``word`` it consumes, or None."""
    aligned: list[tuple[str, int]] = []
    position = 0
    for index, segment in enumerate(segments):
        if word.startswith(segment, position):
            aligned.append((segment, len(segment)))
            position += len(segment)
        elif segment == "ال" and index > 0 and segments[index - 1] == "ل" and word.startswith("ل", position):
            aligned.append((segment, 1))  # للنظام = ل + (ا)ل + نظام
            position += 1
        else:
            return None
    return aligned if position == len(word) else None


@lru_cache(maxsize=200_000)
def segment_word(word: str) -> Segmentation:
    """Segment one word (surface spelling, diacritics already removed)."""
    segments = _farasa_segments(word) if len(word) > 1 else [word]
    aligned = _align(word, segments) or [(word, len(word))]
    prefixes: list[str] = []
    conjunction_length = 0
    index = 0
    while index < len(aligned) - 1:
        segment, consumed = aligned[index]
        normalised = normalize(segment).text
        if normalised not in PROCLITICS:
            break
        prefixes.append(normalised)
        if normalised != "ال":
            conjunction_length += consumed
        index += 1
    stem = normalize(aligned[index][0]).text
    suffixes = tuple(
        segment if segment == TA_MARBUTA else normalize(segment).text for segment, _ in aligned[index + 1 :]
    )
    return Segmentation(tuple(prefixes), stem, suffixes, conjunction_length)
