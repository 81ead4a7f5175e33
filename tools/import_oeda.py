#!/usr/bin/env python3
"""Import the OEDA Arabic CAMEO dictionaries into Hadath's lexicon format.

Sources (``--shared``, default ``../shared`` relative to the repository root), all MIT, Open Event Data
Alliance (github openeventdata/arabic_dictionaries), under ``data/dictionaries/oeda-arabic-cameo/``:

* ``actor_dict_ar_v5.txt``  -> ``actors/oeda_actors.yaml``
* ``agents.all.ar_v4.txt``  -> ``actors/oeda_agents.yaml``
* ``CAMEO.ar.0.5.txt`` (VERB PATTERNS, with the synonym sets of its header and ``synsets.ar.txt``)
  -> ``events/oeda_verbs.yaml``

Every entry carries ``provenance: "oeda:<file>:<line>"``. Arabic is stripped of diacritics, tatweel and
bidi marks; letters are otherwise kept as written (the matcher normalises). Event codes are checked
against ``ontology/cameo.csv`` of the output data folder, so run ``tools/import_ontology.py`` first.
The output is deterministic. Parsing is split into small functions that the tests call on inline
samples.

    python tools/import_oeda.py [--shared PATH] [--out PATH]
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from _cli import importer_arguments

OEDA_DIR = Path("data/dictionaries/oeda-arabic-cameo")

ACTOR_FILE = "actor_dict_ar_v5.txt"
AGENT_FILE = "agents.all.ar_v4.txt"
VERB_FILE = "CAMEO.ar.0.5.txt"
SYNSET_FILE = "synsets.ar.txt"

# ---------------------------------------------------------------------------------------------------
# Arabic cleanup

# Diacritics (harakat, tanwin, shadda, sukun, Qur'anic marks, dagger alef), tatweel, bidi and zero-width
# controls, soft hyphen. Letters are NOT folded (no alef/yeh/teh-marbuta unification): the lexicon keeps
# names as written and the matcher normalises both sides.
_DELETE_RE = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u0640\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]"
)
_SPACES_RE = re.compile(r"\s+")
_ARABIC_WORD_RE = re.compile(r"[\u0621-\u063a\u0641-\u064a]+")
# One-letter proclitics. As separate pattern words they can never match: the matcher's keys drop them.
CLITICS = frozenset("بلكوف")
# PETRARCH's Arabic dictionaries write an object/reflexive pronoun slot as "هوو".
PRONOUN_SLOT = "هوو"
# A "+"-joined lemma whose first part is one of these is a fixed expression (ما+زال), not verb+preposition.
PARTICLES = frozenset({"ما", "لا", "لم", "لن", "قد"})


def strip_diacritics(text: str) -> str:
    """Remove diacritics, tatweel and invisible controls."""
    return _DELETE_RE.sub("", text)


def clean_phrase(raw: str) -> str:
    """A PETRARCH lemma phrase as text: ``وزارة_دفاع_أميركي_`` -> ``وزارة دفاع أميركي``.

    ``_`` becomes a space, leading/trailing ``_``/``+`` go, diacritics go, the Arabic comma (a stray
    separator in a few upstream names) becomes a space, and blanks are collapsed.
    """
    text = strip_diacritics(raw).strip().strip("+_").replace("_", " ").replace("،", " ")
    return _SPACES_RE.sub(" ", text).strip()


# ---------------------------------------------------------------------------------------------------
# Actors

_ACTOR_CODE_RE = re.compile(r"(?:[A-Z]{3})+")
_BRACKET_RE = re.compile(r"\[([^\]]*)\]")
_DATE8_RE = re.compile(r"\d{8}")


def is_actor_code(code: str) -> bool:
    """A plausible CAMEO actor code: one or more 3-letter uppercase blocks."""
    return bool(_ACTOR_CODE_RE.fullmatch(code))


def _date8(text: str) -> dt.date:
    if not _DATE8_RE.fullmatch(text):
        raise ValueError(f"not a YYYYMMDD date: {text!r}")
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))


@dataclass(frozen=True)
class DatedCode:
    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code}
        if self.start is not None:
            out["from"] = self.start
        if self.end is not None:
            out["to"] = self.end
        return out


class ImportIssue(ValueError):
    """An upstream line (or part of one) that cannot be imported: a short ``reason`` used for counting
    and a ``detail`` naming the offending text."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason} ({detail})" if detail else reason)
        self.reason = reason
        self.detail = detail


def parse_dates(text: str) -> tuple[dt.date | None, dt.date | None]:
    """``>YYYYMMDD`` (from), ``<YYYYMMDD`` (to), ``YYYYMMDD-YYYYMMDD`` -> ``(start, end)``.

    Raises ValueError for anything else and for impossible dates.
    """
    text = text.strip()
    if text.startswith(">"):
        return _date8(text[1:].strip()), None
    if text.startswith("<"):
        return None, _date8(text[1:].strip())
    first, dash, last = text.partition("-")
    if not dash:
        raise ValueError(f"unknown date format {text!r}")
    return _date8(first.strip()), _date8(last.strip())


def parse_code_spec(spec: str) -> tuple[DatedCode, list[str]]:
    """Parse the inside of an actor code bracket into ``(code, notes)``.

    Formats: ``CODE``, ``CODE >YYYYMMDD`` (from), ``CODE <YYYYMMDD`` (to), ``CODE YYYYMMDD-YYYYMMDD``.
    Upstream errors keep the code but drop its dates, with a note: a range whose end precedes its start,
    an impossible or unreadable date. A stray trailing ``_`` on the code is repaired with a note.
    Raises :class:`ImportIssue` for an implausible code.
    """
    parts = spec.split()
    if not parts:
        raise ImportIssue("empty code bracket")
    code, rest = parts[0], " ".join(parts[1:])
    notes: list[str] = []
    if code.endswith("_") and is_actor_code(code.rstrip("_")):
        notes.append(f"upstream code {code!r} has a stray '_'")
        code = code.rstrip("_")
    if not is_actor_code(code):
        raise ImportIssue("implausible actor code", code)
    if not rest:
        return DatedCode(code), notes
    try:
        start, end = parse_dates(rest)
    except ValueError as exc:
        notes.append(f"upstream date {rest!r} of {code} is invalid ({exc}); kept undated")
        return DatedCode(code), notes
    if start is not None and end is not None and end < start:
        notes.append(f"upstream range {rest} of {code} ends before it starts; kept undated")
        return DatedCode(code), notes
    return DatedCode(code, start=start, end=end), notes


@dataclass
class RawActor:
    line: int
    names: list[str] = field(default_factory=list)
    codes: list[DatedCode] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    comment: str | None = None
    dated: bool = False
    bad_codes: list[str] = field(default_factory=list)


@dataclass
class ActorParse:
    actors: list[RawActor]
    skipped: Counter[str]
    skipped_lines: list[tuple[int, str]]
    stats: Counter[str]


def _split_comment(line: str) -> tuple[str, str | None]:
    body, sep, comment = line.partition("#")
    return body, (comment.strip() or None) if sep else None


def parse_actor_dict(text: str) -> ActorParse:
    """Parse a PETRARCH actor dictionary.

    * ``NAME [CODE]`` or ``NAME`` followed by indented ``[CODE DATES]`` lines: one actor;
    * ``+NAME`` lines right after an actor add synonyms of it;
    * ``# ...`` after a name is an (English) comment, used as ``name_en``.

    Codes that are not plausible are dropped with a note; an actor left without any code is skipped.
    """
    actors: list[RawActor] = []
    current: RawActor | None = None
    skipped: Counter[str] = Counter()
    skipped_lines: list[tuple[int, str]] = []
    stats: Counter[str] = Counter()

    def add_code(actor: RawActor, spec: str) -> None:
        try:
            code, notes = parse_code_spec(spec)
        except ImportIssue as exc:
            actor.bad_codes.append(f"{exc.reason} {exc.detail!r}")
            return
        # a date dropped as an upstream error does not make the entry look like an office holder
        actor.dated = actor.dated or code.start is not None or code.end is not None
        actor.notes.extend(notes)
        for note in notes:
            if "ends before it starts" in note:
                stats["code ranges ending before they start (kept undated)"] += 1
            elif "invalid" in note:
                stats["invalid dates (kept undated)"] += 1
            elif "stray" in note:
                stats["codes repaired (stray '_')"] += 1
        if code.start is not None and code.start == code.end:
            stats["single-day ranges (kept as upstream)"] += 1
        if code not in actor.codes:
            actor.codes.append(code)
        else:
            stats["duplicate code lines"] += 1

    for lineno, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        body, comment = _split_comment(raw)
        if raw[0].isspace():  # indented: a code line of the current actor
            spec = _BRACKET_RE.fullmatch(body.strip())
            if current is None or spec is None:
                reason = "code line without an actor" if spec else "unparsed indented line"
                skipped[reason] += 1
                skipped_lines.append((lineno, reason))
                continue
            add_code(current, spec.group(1))
            continue
        if body.startswith("+"):  # synonym of the current actor
            name = clean_phrase(body.split("[", 1)[0])
            if current is None or not name:
                skipped["synonym line without an actor"] += 1
                skipped_lines.append((lineno, "synonym line without an actor"))
                continue
            if name not in current.names:
                current.names.append(name)
            for spec in _BRACKET_RE.findall(body):
                add_code(current, spec)
            continue
        name_part, _, code_part = body.partition("[")
        name = clean_phrase(name_part)
        if not name:
            skipped["empty name"] += 1
            skipped_lines.append((lineno, "empty name"))
            current = None
            continue
        current = RawActor(line=lineno, names=[name], comment=comment)
        actors.append(current)
        if code_part:
            for spec in _BRACKET_RE.findall("[" + code_part):
                add_code(current, spec)

    kept: list[RawActor] = []
    for actor in actors:
        if not actor.codes:
            reason = "no plausible actor code" if actor.bad_codes else "no code"
            skipped[reason] += 1
            skipped_lines.append((actor.line, "; ".join([reason, *actor.bad_codes])))
            continue
        for bad in actor.bad_codes:
            actor.notes.append(f"dropped {bad}")
            stats["implausible codes dropped from kept actors"] += 1
        kept.append(actor)
    return ActorParse(kept, skipped, skipped_lines, stats)


ORGANISATION_WORDS = frozenset(
    {
        "حزب",
        "حركة",
        "منظمة",
        "جبهة",
        "وزارة",
        "مجلس",
        "جامعة",
        "اتحاد",
        "هيئة",
        "لجنة",
        "جمعية",
        "شركة",
        "وكالة",
        "مؤسسة",
        "محكمة",
        "برلمان",
        "بنك",
        "مصرف",
    }
)


def actor_type(actor: RawActor) -> str:
    """``organisation`` if a name contains an organisation word, else ``person`` if any code is dated
    (dated role codes are how PETRARCH dictionaries code office holders), else ``group``.

    The organisation test comes first because upstream also dates organisations (حركة حماس >19870101).
    """
    for name in actor.names:
        for word in name.split():
            bare = word[2:] if word.startswith("ال") and len(word) > 4 else word
            if word in ORGANISATION_WORDS or bare in ORGANISATION_WORDS:
                return "organisation"
    return "person" if actor.dated else "group"


def actor_entries(parse: ActorParse, source: str) -> list[dict[str, Any]]:
    entries = []
    for actor in parse.actors:
        entry: dict[str, Any] = {
            "id": f"oeda-a{actor.line}",
            "name_en": actor.comment,
            "type": actor_type(actor),
            "codes": [
                c.as_dict()
                for c in sorted(
                    actor.codes, key=lambda c: (c.code, c.start or dt.date.min, c.end or dt.date.max)
                )
            ],
            "names": actor.names,
            "provenance": f"oeda:{source}:{actor.line}",
        }
        if actor.notes:
            entry["note"] = "; ".join(actor.notes)
        entries.append(entry)
    return entries


# ---------------------------------------------------------------------------------------------------
# Agents

_AGENT_CODE_RE = re.compile(r"[A-Z]+")


@dataclass
class AgentParse:
    agents: list[dict[str, Any]]
    skipped: Counter[str]
    skipped_lines: list[tuple[int, str]]
    stats: Counter[str]


def parse_agent_line(line: str) -> tuple[str, str, list[str]]:
    """Parse ``NAME [~CODE]`` (suffix agent) or ``NAME [CODE~]`` (prefix agent).

    Returns ``(name, code, notes)``. Tolerates upstream damage: text after the code inside the bracket,
    ``}`` instead of ``]``, a line pasted twice. Raises :class:`ImportIssue` when no name or no agent code
    can be read.
    """
    name_part, bracket, rest = line.partition("[")
    if not bracket:
        raise ImportIssue("no code")
    name = clean_phrase(name_part)
    if not name:
        raise ImportIssue("no name before the code")
    inner = re.split(r"[\]}]", rest, maxsplit=1)
    notes: list[str] = []
    tokens = inner[0].split()
    if not tokens:
        raise ImportIssue("empty code bracket")
    token = tokens[0]
    if token.startswith("~"):
        body, prefix = token[1:], False
    elif token.endswith("~"):
        body, prefix = token[:-1], True
    else:
        raise ImportIssue("no '~' agent marker", token)
    m = _AGENT_CODE_RE.match(body)
    if not m or not is_actor_code(m.group(0)):
        raise ImportIssue("implausible agent code", token)
    code = m.group(0)
    if m.group(0) != body or len(tokens) > 1 or (len(inner) > 1 and inner[1].strip()):
        notes.append("repaired")
    if prefix:
        notes.append(f"upstream '{code}~' is a prefix agent (the role comes before the country)")
    return name, code, notes


def parse_agents(text: str, source: str) -> AgentParse:
    agents: list[dict[str, Any]] = []
    seen: dict[tuple[str, str], int] = {}
    skipped: Counter[str] = Counter()
    skipped_lines: list[tuple[int, str]] = []
    stats: Counter[str] = Counter()
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            name, code, notes = parse_agent_line(raw)
        except ImportIssue as exc:
            skipped[exc.reason] += 1
            skipped_lines.append((lineno, str(exc)))
            continue
        if (name, code) in seen:
            skipped["duplicate of an earlier line"] += 1
            skipped_lines.append((lineno, f"duplicate of line {seen[name, code]}"))
            continue
        seen[name, code] = lineno
        if "repaired" in notes:
            stats["damaged lines repaired"] += 1
        entry: dict[str, Any] = {"names": [name], "code": code, "provenance": f"oeda:{source}:{lineno}"}
        notes = [n for n in notes if n != "repaired"]
        if notes:
            stats["prefix agents"] += 1
            entry["note"] = "; ".join(notes)
        agents.append(entry)
    names = Counter(e["names"][0] for e in agents)
    stats["names with several codes"] = sum(1 for n in names.values() if n > 1)
    return AgentParse(agents, skipped, skipped_lines, stats)


# ---------------------------------------------------------------------------------------------------
# Verb patterns


def parse_synsets(text: str) -> dict[str, list[str]]:
    """``&NAME`` sections with ``+member_words_`` lines (until ``VERB PATTERNS``) -> {"&NAME": [...]}.

    Members become phrases (``+قوة_حفظ_السلام_`` -> ``قوة حفظ السلام``); a few upstream lines are written
    right-to-left-damaged as ``_word+`` and are read the same way. Duplicates are dropped, order kept.
    """
    synsets: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.startswith("#") else ""
        if "VERB PATTERNS" in raw:
            break
        if not line:
            continue
        if line.startswith("&"):
            current = synsets.setdefault(line.split()[0], [])
            continue
        if current is None:
            continue
        member = clean_phrase(line)
        if member and member not in current:
            current.append(member)
    return synsets


def merge_synsets(*sources: dict[str, list[str]]) -> dict[str, list[str]]:
    merged: dict[str, list[str]] = {}
    for source in sources:
        for name, members in source.items():
            target = merged.setdefault(name, [])
            target.extend(m for m in members if m not in target)
    return merged


Context = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Lemma:
    trigger: str
    context: Context  # prepositions/objects that belong to the lemma (حصل+على -> (("على",),))


def _word_groups(words: list[str], stats: Counter[str]) -> list[tuple[str, ...]]:
    groups = []
    for word in words:
        if not word or word == PRONOUN_SLOT:
            continue
        if word in CLITICS:
            stats["one-letter clitic context words dropped"] += 1
            continue
        if not _ARABIC_WORD_RE.fullmatch(word):
            raise ImportIssue("non-Arabic (untranslated) word", word)
        groups.append((word,))
    return groups


def parse_lemma(text: str, stats: Counter[str] | None = None) -> list[Lemma]:
    """Parse a verb lemma: ``قال``, ``حصل+على`` (verb + preposition), ``قام+ب بناء``, ``ما+زال``
    (a fixed expression, kept as a phrase trigger), ``عرض،+وعد`` (Arabic-comma alternatives),
    ``وضع هوو`` (pronoun slot, dropped).

    Raises :class:`ImportIssue` for multi-word lemmas that are not verb phrases (upstream segmentation
    artefacts such as ``أ حرق``) and for non-Arabic text.
    """
    stats = stats if stats is not None else Counter()
    text = strip_diacritics(text).strip()
    if "،" in text:
        out: list[Lemma] = []
        for alternative in text.split("،"):
            alternative = alternative.strip(" +")
            if alternative:
                out.extend(parse_lemma(alternative, stats))
        return out
    tokens = [t for t in text.split() if t != PRONOUN_SLOT]
    if not tokens:
        raise ImportIssue("empty lemma")
    if len(tokens) > 1 and "+" not in tokens[0]:
        raise ImportIssue("multi-word lemma that is not verb+preposition (segmentation artefact)", text)
    parts = [p for token in tokens for p in re.split(r"[+_]", token) if p]
    if not parts:
        raise ImportIssue("empty lemma")
    if parts[0] in PARTICLES and len(parts) > 1:
        trigger, rest = f"{parts[0]} {parts[1]}", parts[2:]
    else:
        trigger, rest = parts[0], parts[1:]
    if not all(_ARABIC_WORD_RE.fullmatch(w) for w in trigger.split()):
        raise ImportIssue("non-Arabic lemma", trigger)
    return [Lemma(trigger, tuple(_word_groups(rest, stats)))]


_PATTERN_TOKEN_RE = re.compile(r"[(){}*]|[^\s(){}*]+")
_MARKERS = frozenset({"$", "+", "-", "^", "%", "|", "(", ")", "{", "}"})


def parse_pattern(
    line: str, synsets: dict[str, list[str]], stats: Counter[str] | None = None
) -> tuple[str, list[tuple[str, ...]]]:
    """Parse ``- * WORDS [CODE] # comment`` into ``(code, context_groups)``.

    Literal words become one-word groups, ``&SYNSET`` a group of its members, ``(...)``/``{...}`` are
    flattened, ``*`` and the source/target markers ``$ + -`` go, ``هوو`` and one-letter proclitics go.
    ``- * [CODE]`` (the bare verb) gives no groups. Raises :class:`ImportIssue` for what cannot be
    expressed as following context.
    """
    stats = stats if stats is not None else Counter()
    body = line.split("#", 1)[0].strip()
    if not body.startswith("-"):
        raise ImportIssue("not a pattern line")
    codes = _BRACKET_RE.findall(body)
    if len(codes) != 1:
        raise ImportIssue("not exactly one code", str(len(codes)))
    code = codes[0].strip()
    if not re.fullmatch(r"\d{2,4}", code):
        raise ImportIssue("no event code", code)
    tokens = _PATTERN_TOKEN_RE.findall(_BRACKET_RE.sub(" ", body)[1:])
    if "*" not in tokens:
        raise ImportIssue("no verb placeholder '*'")
    star = tokens.index("*")
    if any(t not in _MARKERS for t in tokens[:star]):
        raise ImportIssue("words before the verb")
    groups: list[tuple[str, ...]] = []
    words = 0
    for token in tokens[star + 1 :]:
        if token in _MARKERS or token == "*":
            continue
        words += 1
        if token.startswith("&"):
            members = synsets.get(token)
            if not members:
                raise ImportIssue("unknown synset", token)
            groups.append(tuple(members))
            continue
        word = strip_diacritics(token)
        groups.extend(_word_groups(re.split(r"[_+]", word), stats))
    if words and not groups:  # "- * (ل) [111]": dropping the clitic would widen the pattern to the bare verb
        raise ImportIssue("only one-letter clitics after the verb")
    return code, groups


@dataclass
class VerbBlock:
    line: int
    code: str | None  # the header code; None for [---]
    lemmas: list[tuple[Lemma, str | None, int]] = field(default_factory=list)  # lemma, own code, line
    patterns: list[tuple[str, list[tuple[str, ...]], int]] = field(default_factory=list)


@dataclass
class VerbParse:
    blocks: list[VerbBlock]
    skipped: Counter[str]
    skipped_lines: list[tuple[int, str]]
    stats: Counter[str]


_HEADER_RE = re.compile(r"---\s*(?P<verb>.*?)\s*\[(?P<code>[^\]]*)\]\s*---")


def parse_verb_patterns(text: str, synsets: dict[str, list[str]]) -> VerbParse:
    """Parse the VERB PATTERNS section (everything after its ``####### VERB PATTERNS #######`` line, or the
    whole text when there is none) into blocks of lemmas and patterns."""
    lines = text.splitlines()
    start = next((i + 1 for i, line in enumerate(lines) if "VERB PATTERNS" in line), 0)
    blocks: list[VerbBlock] = []
    block: VerbBlock | None = None
    skipped: Counter[str] = Counter()
    skipped_lines: list[tuple[int, str]] = []
    stats: Counter[str] = Counter()

    def skip(lineno: int, issue: ImportIssue, kind: str) -> None:
        skipped[f"{kind}: {issue.reason}"] += 1
        skipped_lines.append((lineno, f"{kind}: {issue}"))

    def add_lemma(lineno: int, text: str, code: str | None) -> None:
        assert block is not None
        try:
            for lemma in parse_lemma(text, stats):
                block.lemmas.append((lemma, code, lineno))
        except ImportIssue as exc:
            skip(lineno, exc, "lemma")

    for lineno, raw in enumerate(lines[start:], start=start + 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("---"):
            m = _HEADER_RE.fullmatch(line.split("#", 1)[0].strip())
            if not m:
                skip(lineno, ImportIssue("unparsed block header", line), "header")
                block = VerbBlock(lineno, None)
                blocks.append(block)
                continue
            code = m.group("code").strip()
            block = VerbBlock(lineno, None if code == "---" else code)
            blocks.append(block)
            add_lemma(lineno, m.group("verb"), block.code)
            continue
        if block is None:
            skip(lineno, ImportIssue("line before the first block"), "line")
            continue
        if line.startswith("-"):
            try:
                code, groups = parse_pattern(line, synsets, stats)
            except ImportIssue as exc:
                skip(lineno, exc, "pattern")
                continue
            block.patterns.append((code, groups, lineno))
            continue
        body = line.split("#", 1)[0]
        codes = _BRACKET_RE.findall(body)
        own = codes[0].strip() if codes else None
        if own == "---":
            own = None
        add_lemma(lineno, _BRACKET_RE.sub(" ", body), own if own is not None else block.code)
    return VerbParse(blocks, skipped, skipped_lines, stats)


def verb_entries(
    parse: VerbParse, known_codes: set[str], source: str
) -> tuple[list[dict[str, Any]], Counter[str]]:
    """Event entries from parsed blocks: one per (code, lemma context) for coded lemmas, and one per
    (pattern, lemma context) for patterns. Unknown codes and exact duplicates are skipped (counted)."""
    entries: list[dict[str, Any]] = []
    skipped: Counter[str] = Counter()
    seen: set[tuple[str, tuple[str, ...], Context]] = set()

    def known(code: str, kind: str) -> bool:
        if code not in known_codes:
            skipped[f"{kind}: code {code} not in ontology/cameo.csv"] += 1
        return code in known_codes

    def emit(code: str, triggers: list[str], context: Context, line: int, kind: str) -> None:
        key = (code, tuple(triggers), context)
        if key in seen:
            skipped[f"{kind}: duplicate entry"] += 1
            return
        seen.add(key)
        entry: dict[str, Any] = {"cameo": code, "triggers": triggers, "pos": "verb"}
        if context:
            entry["context"] = [list(g) for g in context]
        entry["provenance"] = f"oeda:{source}:{line}"
        entries.append(entry)

    for block in parse.blocks:
        # lemmas grouped by their own context, upstream order kept
        by_context: dict[Context, list[str]] = {}
        coded: dict[tuple[str, Context], tuple[list[str], int]] = {}
        for lemma, code, line in block.lemmas:
            triggers = by_context.setdefault(lemma.context, [])
            if lemma.trigger not in triggers:
                triggers.append(lemma.trigger)
            if code is not None:
                group = coded.setdefault((code, lemma.context), ([], line))
                if lemma.trigger not in group[0]:
                    group[0].append(lemma.trigger)
        for (code, context), (triggers, line) in coded.items():
            if known(code, "lemma"):
                emit(code, triggers, context, line, "lemma")
        for code, groups, line in block.patterns:
            if not by_context:
                skipped["pattern: block without usable lemmas"] += 1
                continue
            if not known(code, "pattern"):
                continue
            for context, triggers in by_context.items():
                emit(code, triggers, context + tuple(groups), line, "pattern")
    return entries, skipped


# ---------------------------------------------------------------------------------------------------
# YAML output: compact flow style, one entry per line, checked by reloading

_PLAIN_RE = re.compile(r"[\u0621-\u064a][\u0621-\u064a0-9 .]*[\u0621-\u064a0-9.]|[\u0621-\u064a]")
_CODE_PLAIN_RE = re.compile(r"[A-Z]{3,}|[a-z][a-z0-9-]*")
_YAML_WORDS = frozenset({"null", "true", "false", "yes", "no", "on", "off", "y", "n", "nan", "inf"})


def yaml_scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    text = str(value)
    plain = _PLAIN_RE.fullmatch(text) or _CODE_PLAIN_RE.fullmatch(text)
    if plain and text.lower() not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


class _Aliaser:
    """Emits repeated lists of scalars once with a YAML anchor (``&NAME [...]``) and then as aliases
    (``*NAME``). Lists named in ``names`` (the synonym sets) keep their upstream name; others are
    numbered ``L1, L2, ...`` in order of first appearance, so the output stays deterministic."""

    MIN_CHARS = 24  # shorter lists cost less inline than as an alias

    def __init__(self, entries: list[dict[str, Any]], names: dict[tuple[str, ...], str] | None) -> None:
        counts: Counter[tuple[str, ...]] = Counter()

        def walk(value: Any) -> None:
            if isinstance(value, dict):
                for v in value.values():
                    walk(v)
            elif isinstance(value, list | tuple):
                if value and all(isinstance(v, str) for v in value):
                    counts[tuple(value)] += 1
                else:
                    for v in value:
                        walk(v)

        for entry in entries:
            walk(entry)
        self.eligible = {t for t, n in counts.items() if n > 1 and len(_flow_list(t, None)) >= self.MIN_CHARS}
        self.names = dict(names or {})
        self.emitted: dict[tuple[str, ...], str] = {}
        self.taken = set(self.names.values())
        self.counter = 0

    def list(self, items: tuple[str, ...]) -> str:
        if items not in self.eligible:
            return _flow_list(items, None)
        if items in self.emitted:
            return f"*{self.emitted[items]}"
        name = self.names.get(items)
        if name is None:
            while name is None or name in self.taken:
                self.counter += 1
                name = f"L{self.counter}"
            self.taken.add(name)
        self.emitted[items] = name
        return f"&{name} {_flow_list(items, None)}"


def _flow_list(items: Any, aliaser: _Aliaser | None) -> str:
    return "[" + ", ".join(yaml_flow(v, aliaser) for v in items) + "]"


def yaml_flow(value: Any, aliaser: _Aliaser | None = None) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {yaml_flow(v, aliaser)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        if aliaser is not None and value and all(isinstance(v, str) for v in value):
            return aliaser.list(tuple(value))
        return _flow_list(value, aliaser)
    return yaml_scalar(value)


def render_yaml(
    header: list[str],
    top: dict[str, Any],
    key: str,
    entries: list[dict[str, Any]],
    anchors: dict[tuple[str, ...], str] | None = None,
    alias: bool = False,
) -> str:
    """YAML text with one flow-style entry per line; with ``alias``, repeated word lists become anchors
    and aliases. The text is reloaded with the safe loader and must give back exactly ``entries``."""
    aliaser = _Aliaser(entries, anchors) if alias else None
    out = [f"# {line}" if line else "#" for line in header]
    out.extend(f"{k}: {yaml_scalar(v)}" for k, v in top.items())
    out.append(f"{key}:")
    out.extend(f"  - {yaml_flow(entry, aliaser)}" for entry in entries)
    text = "\n".join(out) + "\n"
    loaded = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    expected = dict(top, **{key: json.loads(json.dumps(entries, default=str, ensure_ascii=False))})
    got = json.loads(json.dumps(loaded, default=str, ensure_ascii=False))
    if got != expected:
        raise AssertionError(f"YAML round trip changed the data of {key!r}")
    return text


def _header(target: str, source: str, commit: str) -> list[str]:
    return [
        f"{target}: generated by tools/import_oeda.py from {source}",
        f"(MIT, Open Event Data Alliance; {commit});",
        "do not edit by hand, edit the importer or override in a curated file.",
    ]


# ---------------------------------------------------------------------------------------------------
# Driver


@dataclass
class OedaImport:
    files: dict[str, str]  # path relative to the data folder -> text
    report: list[str]


def _read_known_codes(path: Path) -> set[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["code"] for row in csv.DictReader(fh)}


def _summary(title: str, kept: int, skipped: Counter[str], stats: Counter[str]) -> list[str]:
    lines = [f"{title}: {kept} imported, {sum(skipped.values())} skipped"]
    by_count = sorted(skipped.items(), key=lambda item: (-item[1], item[0]))
    lines += [f"  skipped {n}: {reason}" for reason, n in by_count]
    lines += [f"  {reason}: {n}" for reason, n in sorted(stats.items())]
    return lines


def build(shared: Path, ontology_csv: Path) -> OedaImport:
    src = shared / OEDA_DIR
    commit_words = (src / "SOURCE_COMMIT").read_text(encoding="utf-8").split()
    commit = f"{commit_words[0]}@{commit_words[1][:12]}" if len(commit_words) >= 2 else "unknown commit"
    known = _read_known_codes(ontology_csv)
    files: dict[str, str] = {}
    report: list[str] = []

    actors = parse_actor_dict((src / ACTOR_FILE).read_text(encoding="utf-8"))
    actor_list = actor_entries(actors, ACTOR_FILE)
    types = Counter(e["type"] for e in actor_list)
    files["actors/oeda_actors.yaml"] = render_yaml(
        _header("actors/oeda_actors.yaml", ACTOR_FILE, commit),
        {"provenance": f"OEDA Arabic CAMEO dictionaries, {ACTOR_FILE} ({commit})", "licence": "MIT"},
        "actors",
        actor_list,
    )
    report += _summary(
        "actors",
        len(actor_list),
        actors.skipped,
        actors.stats + Counter({f"type {t}": n for t, n in types.items()}),
    )

    agents = parse_agents((src / AGENT_FILE).read_text(encoding="utf-8"), AGENT_FILE)
    files["actors/oeda_agents.yaml"] = render_yaml(
        _header("actors/oeda_agents.yaml", AGENT_FILE, commit),
        {"provenance": f"OEDA Arabic CAMEO dictionaries, {AGENT_FILE} ({commit})", "licence": "MIT"},
        "agents",
        agents.agents,
    )
    report += _summary("agents", len(agents.agents), agents.skipped, agents.stats)

    verb_text = (src / VERB_FILE).read_text(encoding="utf-8")
    synset_text = (src / SYNSET_FILE).read_text(encoding="utf-8")
    synsets = merge_synsets(parse_synsets(verb_text), parse_synsets(synset_text))
    verbs = parse_verb_patterns(verb_text, synsets)
    verb_list, verb_skipped = verb_entries(verbs, known, VERB_FILE)
    files["events/oeda_verbs.yaml"] = render_yaml(
        _header("events/oeda_verbs.yaml", f"{VERB_FILE} and {SYNSET_FILE}", commit),
        {
            "provenance": f"OEDA Arabic CAMEO dictionaries, {VERB_FILE} verb patterns ({commit})",
            "licence": "MIT",
        },
        "events",
        verb_list,
        anchors={tuple(m): name.lstrip("&") for name, m in synsets.items()},
        alias=True,
    )
    n_patterns = sum(len(b.patterns) for b in verbs.blocks)
    stats = verbs.stats + Counter(
        {"blocks": len(verbs.blocks), "patterns parsed": n_patterns, "synsets": len(synsets)}
    )
    report += _summary("verb entries", len(verb_list), verbs.skipped + verb_skipped, stats)
    return OedaImport(files, report)


def main(argv: list[str] | None = None) -> int:
    args = importer_arguments(__doc__.split("\n\n")[0], argv)
    if not (args.shared / OEDA_DIR).is_dir():
        print(f"error: {args.shared / OEDA_DIR} not found (use --shared)", file=sys.stderr)
        return 2
    ontology = args.out / "ontology" / "cameo.csv"
    if not ontology.is_file():
        print(f"error: {ontology} missing: run tools/import_ontology.py first", file=sys.stderr)
        return 2
    result = build(args.shared, ontology)
    for rel, text in result.files.items():
        path = args.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {path} ({len(text.encode()) // 1024} KiB)")
    print("\n".join(result.report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
