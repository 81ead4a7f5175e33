"""``token label`` IOB files (ANERcorp, AQMAR, CoNLL) read into sentences, and labels into spans.

The public corpora are not clean: ANERcorp has no sentence breaks, spells its person type ``PERS``,
and has a dozen typos (``B-ORF``, ``IPERS``, ``o``, a label glued to the next token); AQMAR has
article-specific ``MIS0``–``MIS3`` types and a few tags such as ``B-ENGLISH``. The reader therefore

* breaks sentences at blank lines and after a sentence-final punctuation token;
* takes the first field as the token and the last as the label, and skips lines with no label;
* maps type spellings to PER, LOC, ORG, MISC (anything else becomes O) and re-writes the labels as IOB2,
  reading I-X after O or after another type as the start of an X chunk, as the CoNLL scorer does;
  this accepts IOB1 and IOB2 files alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ENTITY_TYPES = ("PER", "LOC", "ORG", "MISC")
_SENTENCE_FINAL = frozenset({".", "!", "?", "؟", "..."})
_LABEL_RE = re.compile(r"^([BI])[-_]*([A-Z]+)")
_TYPE_SPELLINGS = {
    "PER": "PER",
    "PERS": "PER",
    "ERS": "PER",
    "LOC": "LOC",
    "LOCI": "LOC",
    "ORG": "ORG",
    "ORF": "ORG",
    "OEG": "ORG",
    "MISC": "MISC",
    "MIS": "MISC",
    "MISS": "MISC",
}


@dataclass(slots=True)
class IobSentence:
    words: list[str]
    labels: list[str]  # IOB2


@dataclass(slots=True)
class IobCorpus:
    sentences: list[IobSentence] = field(default_factory=list)
    skipped_lines: int = 0  # lines with a token but no readable label, or a label but no token

    @property
    def tokens(self) -> int:
        return sum(len(s.words) for s in self.sentences)


def normalize_label(raw: str) -> str:
    """``B-PERS`` → ``B-PER``; ``I-MIS1`` → ``I-MISC``; an unknown type or a bare ``o`` → ``O``."""
    match = _LABEL_RE.match(raw.strip().upper())
    if not match:
        return "O"
    # the type is the letters only: AQMAR numbers its article-specific classes (MIS0..MIS3, B-MIS-1)
    entity_type = _TYPE_SPELLINGS.get(match.group(2))
    return f"{match.group(1)}-{entity_type}" if entity_type else "O"


def to_iob2(labels: Sequence[str]) -> list[str]:
    """IOB1 or sloppy IOB2 → IOB2, chunk boundaries decided as in ``conlleval``."""
    result: list[str] = []
    previous_type = ""
    for label in labels:
        if label == "O":
            result.append("O")
            previous_type = ""
            continue
        prefix, entity_type = label.split("-", 1)
        if prefix == "I" and entity_type == previous_type:
            result.append(label)
        else:
            result.append(f"B-{entity_type}")
        previous_type = entity_type
    return result


def spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Chunks ``(first, last, type)`` (token indices, end exclusive) of an IOB1 or IOB2 sequence."""
    chunks: list[tuple[int, int, str]] = []
    start = -1
    current = ""
    for index, label in enumerate([*to_iob2(labels), "O"]):
        if current and not (label.startswith("I-") and label[2:] == current):
            chunks.append((start, index, current))
            current = ""
        if label.startswith("B-"):
            start, current = index, label[2:]
    return chunks


def keep_types(labels: Sequence[str], types: Iterable[str]) -> list[str]:
    """Labels of other types become O (AQMAR's MISC is not ANERcorp's MISC)."""
    kept = set(types)
    return [label if label == "O" or label[2:] in kept else "O" for label in labels]


def parse_iob(lines: Iterable[str]) -> IobCorpus:
    corpus = IobCorpus()
    words: list[str] = []
    labels: list[str] = []

    def close_sentence() -> None:
        if words:
            corpus.sentences.append(IobSentence(list(words), to_iob2(labels)))
        words.clear()
        labels.clear()

    for line in lines:
        fields = line.split()
        if not fields:
            close_sentence()
            continue
        if len(fields) < 2:
            corpus.skipped_lines += 1
            continue
        words.append(fields[0])
        labels.append(normalize_label(fields[-1]))
        if fields[0] in _SENTENCE_FINAL:
            close_sentence()
    close_sentence()
    return corpus


def read_iob(path: Path) -> IobCorpus:
    with path.open(encoding="utf-8") as handle:
        return parse_iob(handle)
