"""Reading the OEDA Arabic PLOVER gold standard (``*_gsr.csv``): its files, the rows that are scored,
and the document date of each sentence.

A sentence labelled ``yes`` (no annotator rejected it) is a positive, ``easy no`` (nobody accepted it)
and ``difficult no`` (at least two rejected, at least one accepted) are negatives, ``ambiguous`` (one
rejection) is left out. The sentences are from the Arabic Gigaword (2007–08); the date in their ids
(``AAW_ARB_20071208.0036-23``) is the document date, so that actors are coded as they were then.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hadath.schema import Document

POSITIVE = "yes"
NEGATIVE = ("easy no", "difficult no")
_GIGAWORD_ID_RE = re.compile(r"^[A-Z]{3}_[A-Z]{3}_(\d{4})(\d{2})(\d{2})\.")
_ISO_DATED_ID_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})/")  # gold/saudinewsnet-2015: 2015-07-21/17@240


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    event_type: str
    label: str
    text: str
    accept: int
    reject: int

    @property
    def positive(self) -> bool:
        return self.label == POSITIVE

    @property
    def accepted_share(self) -> float | None:
        """The share of annotators who accepted the sentence."""
        votes = self.accept + self.reject
        return self.accept / votes if votes else None

    def document(self) -> Document:
        return Document(id=self.id, text=self.text, date=document_date(self.id))


def gsr_files(directory: Path) -> list[Path]:
    files = sorted(directory.glob("*_gsr.csv"))
    if not files:
        raise FileNotFoundError(
            f"{directory}: no *_gsr.csv files (expected the OEDA Arabic PLOVER gold format)"
        )
    return files


def scored_sentences(gsr_file: Path) -> Iterator[GoldSentence]:
    """The rows of one file that are scored (``ambiguous`` left out), in file order."""
    with gsr_file.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            label = row["label"].strip()
            if label not in (POSITIVE, *NEGATIVE):
                continue
            yield GoldSentence(
                row["id"],
                row["event_type"].strip(),
                label,
                row["text"],
                int(row.get("accept") or 0),
                int(row.get("reject") or 0),
            )


def document_date(sentence_id: str) -> date | None:
    """The date a Gigaword id encodes (``AAW_ARB_20071208.0036-23`` → 2007-12-08), or an id that starts
    with its article's ISO date (``2015-07-21/17@240``), if it is one."""
    match = _GIGAWORD_ID_RE.match(sentence_id) or _ISO_DATED_ID_RE.match(sentence_id)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
