"""Date expressions: explicit (14 آذار/مارس 2016, 2016-03-14, 14/3/2016, عام 2016) and relative to
the document date (أمس، الأسبوع الماضي), from the month names and expressions in data/dates/."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml

from hadath.doc import Doc
from hadath.lexicon.loader import DATA_DIR
from hadath.text.normalize import normalize

_WORD = r"[\u0621-\u064a]"
_PREFIX = r"(?:(?<![\u0621-\u064a])(?:[وفب]|ل)?)"
_END = rf"(?!{_WORD})"


@dataclass(slots=True)
class DateMention:
    start: int  # original offsets
    end: int
    sentence: int
    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    kind: str  # explicit | relative


@dataclass(frozen=True)
class _Calendar:
    months: dict[str, int]
    relative: dict[str, tuple[str, int]]
    day_month: re.Pattern[str]
    month_year: re.Pattern[str]
    relative_re: re.Pattern[str]


@lru_cache(maxsize=4)
def _calendar(path: Path = DATA_DIR / "dates" / "calendar.yaml") -> _Calendar:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    months: dict[str, int] = {}
    for number, names in data["months"].items():
        for name in names:
            months[normalize(name).text] = int(number)
    relative = {normalize(r["text"]).text: (r["unit"], int(r["offset"])) for r in data["relative"]}
    month_alt = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    month_pair = rf"(?P<m1>{month_alt})(?:\s*[/(]\s*(?P<m2>{month_alt})\s*\)?)?"
    year = r"(?:\s*(?:من\s+)?(?:عام|سنه)?\s*(?P<y>\d{4}))?"
    day_month = re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?{month_pair}{_END}{year}")
    month_year = re.compile(rf"{_PREFIX}(?:شهر\s+)?{month_pair}{_END}\s*(?:من\s+)?(?:عام\s+)?(?P<y>\d{{4}})")
    relative_alt = "|".join(sorted(map(re.escape, relative), key=len, reverse=True))
    relative_re = re.compile(rf"{_PREFIX}(?P<rel>{relative_alt}){_END}")
    return _Calendar(months, relative, day_month, month_year, relative_re)


_ISO_RE = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_DMY_RE = re.compile(r"(?<!\d)(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?!\d)")
_YEAR_RE = re.compile(rf"{_PREFIX}(?:عام|سنه)\s+(?P<y>(?:19|20)\d\d)(?!\d)")


def relative_time_re() -> re.Pattern[str]:
    """The relative time expressions (أمس، اليوم ...) as one pattern over normalised text."""
    return _calendar().relative_re


def _shift(day: date, unit: str, offset: int) -> str:
    if unit == "day":
        return (day + timedelta(days=offset)).isoformat()
    if unit == "week":
        monday = day - timedelta(days=day.weekday()) + timedelta(weeks=offset)
        return (
            monday.isoformat()[:10]
            if offset == 0
            else f"{monday.isocalendar().year}-W{monday.isocalendar().week:02d}"
        )
    if unit == "month":
        month_index = day.year * 12 + day.month - 1 + offset
        return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}"
    return f"{day.year + offset:04d}"


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1] and 1900 <= year <= 2100


def extract_dates(doc: Doc) -> list[DateMention]:
    cal = _calendar()
    text = doc.normalized.text
    found: list[tuple[int, int, str, str]] = []

    def add(start: int, end: int, value: str, kind: str) -> None:
        if not any(s < end and start < e for s, e, _, _ in found):
            found.append((start, end, value, kind))

    for match in _ISO_RE.finditer(text):
        y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
        if _valid(y, m, d):
            add(match.start(), match.end(), date(y, m, d).isoformat(), "explicit")
    for match in _DMY_RE.finditer(text):
        y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
        if _valid(y, m, d):
            add(match.start(), match.end(), date(y, m, d).isoformat(), "explicit")
    for match in cal.day_month.finditer(text):
        month = cal.months[match["m1"]]
        day_number = int(match["d"])
        if match["y"]:
            year = int(match["y"])
        elif doc.day is not None:
            # a day-month without year is the most recent such date up to a month after the document
            year = doc.day.year - (1 if month > doc.day.month + 1 else 0)
        else:
            continue
        if _valid(year, month, day_number):
            add(match.start(), match.end(), date(year, month, day_number).isoformat(), "explicit")
    for match in cal.month_year.finditer(text):
        add(
            match.start("m1"), match.end(), f"{int(match['y']):04d}-{cal.months[match['m1']]:02d}", "explicit"
        )
    for match in _YEAR_RE.finditer(text):
        add(match.start(), match.end(), match["y"], "explicit")
    if doc.day is not None:
        for match in cal.relative_re.finditer(text):
            unit, offset = cal.relative[match["rel"]]
            add(match.start("rel"), match.end("rel"), _shift(doc.day, unit, offset), "relative")
    mentions = []
    for start, end, value, kind in sorted(found):
        original_start, original_end = doc.normalized.original_span(start, end)
        mentions.append(
            DateMention(original_start, original_end, _sentence_at(doc, original_start), value, kind)
        )
    return mentions


def _sentence_at(doc: Doc, offset: int) -> int:
    for sentence in doc.sentences:
        if sentence.start <= offset < sentence.end or offset < sentence.start:
            return sentence.index
    return len(doc.sentences) - 1 if doc.sentences else 0
