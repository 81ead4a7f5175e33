"""Data checks on the curated event lexicon (events/core.yaml) and the discourse cues (cues/cues.yaml).

The files are read with PyYAML directly, so these checks do not depend on the loader: they pin what the
curated files promise (codes are CAMEO strings with their leading zeros, triggers are bare Arabic,
no trigger is ambiguous between two codes without a context to decide, every CAMEO root is covered,
every cue category is filled). The checker functions are themselves tested on broken samples, so a
check that silently passes everything would fail here.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

import hadath
from hadath.lexicon.model import DISCOURSE_CUES
from hadath.text.normalize import normalize

DATA = Path(hadath.__file__).resolve().parent / "data"
EVENTS = DATA / "events" / "core.yaml"
CUES = DATA / "cues" / "cues.yaml"
ONTOLOGY = DATA / "ontology" / "cameo.csv"

ROOTS = [f"{n:02d}" for n in range(1, 21)]
MIN_TRIGGERS_PER_ROOT = 5
CODE_RE = re.compile(r"^\d{2,4}$")
# Arabic letters only (U+0621-U+063A, U+0641-U+064A): no diacritics (U+064B-U+065F), no tatweel
# (U+0640), no dagger alef, no Persian letters, no digits or punctuation; words separated by one space.
ARABIC_PHRASE_RE = re.compile(r"^[\u0621-\u063a\u0641-\u064a]+(?: [\u0621-\u063a\u0641-\u064a]+)*$")
ENTRY_KEYS = {
    "cameo",
    "triggers",
    "pos",
    "plover",
    "context",
    "note",
    "provenance",
    "source_roles",
    "genitive",
    "subject",
    "light_verb",
    "needs_target",
    "mutual",
}
CUE_KEYS = DISCOURSE_CUES


def _norm(phrase: str) -> str:
    return " ".join(normalize(phrase).text.split())


def _load(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def header_problems(doc: dict) -> list[str]:
    """Every data file names where its facts come from and under which licence."""
    return [
        f"missing top-level {key!r}"
        for key in ("provenance", "licence")
        if not isinstance(doc.get(key), str) or not doc[key].strip()
    ]


def event_problems(doc: object, known_codes: set[str] | None = None) -> list[str]:
    """Everything wrong with an events document, one message per fault (empty when it is clean)."""
    if not isinstance(doc, dict):
        return ["top level must be a mapping"]
    problems = header_problems(doc)
    entries = doc.get("events")
    if not isinstance(entries, list) or not entries:
        return [*problems, "'events' must be a non-empty list"]
    seen: dict[tuple[str, str, str], int] = {}
    free_codes: dict[str, dict[str, int]] = defaultdict(dict)  # trigger -> code -> entry, no context
    for number, entry in enumerate(entries, 1):
        where = f"entry {number}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: must be a mapping")
            continue
        unknown = set(entry) - ENTRY_KEYS
        if unknown:
            problems.append(f"{where}: unknown keys {sorted(unknown)}")
        code = entry.get("cameo")
        if not isinstance(code, str):
            problems.append(f"{where}: cameo {code!r} must be a quoted string (else leading zeros are lost)")
            continue
        where = f"entry {number} ({code})"
        if not CODE_RE.match(code) or code[:2] not in ROOTS:
            problems.append(f"{where}: cameo {code!r} is not a 2-4 digit CAMEO code with root 01-20")
        elif known_codes is not None and code not in known_codes:
            problems.append(f"{where}: cameo {code!r} is not in ontology/cameo.csv")
        if entry.get("pos") not in ("verb", "noun"):
            problems.append(f"{where}: pos {entry.get('pos')!r} must be verb or noun")
        if "note" in entry and not isinstance(entry["note"], str):
            problems.append(f"{where}: note must be a string")
        context = entry.get("context")
        if context is not None:
            if not isinstance(context, list) or not context:
                problems.append(f"{where}: context must be a non-empty list of word groups")
                context = []
            for group in context:
                if not isinstance(group, list) or not group:
                    problems.append(f"{where}: context group {group!r} must be a non-empty list")
                    continue
                for word in group:
                    if not isinstance(word, str) or not ARABIC_PHRASE_RE.match(word):
                        problems.append(f"{where}: context word {word!r} is not bare Arabic")
        triggers = entry.get("triggers")
        if not isinstance(triggers, list) or not triggers:
            problems.append(f"{where}: triggers must be a non-empty list")
            continue
        for trigger in triggers:
            if not isinstance(trigger, str) or not ARABIC_PHRASE_RE.match(trigger):
                problems.append(f"{where}: trigger {trigger!r} is not bare Arabic (letters, single spaces)")
                continue
            # the same word may be listed as a noun and as a verb (قصف: the noun, and the verb whose
            # imperfect forms are derived); twice with the same part of speech it is a duplicate
            key = _norm(trigger)
            listed = (key, entry.get("pos", "noun"), code)
            if listed in seen:
                problems.append(f"{where}: trigger {trigger!r} -> {code} duplicates entry {seen[listed]}")
            else:
                seen[listed] = number
            if not context:
                free_codes[key].setdefault(code, number)
    for trigger, codes in sorted(free_codes.items()):
        if len(codes) > 1:
            listed = ", ".join(f"{code} (entry {number})" for code, number in sorted(codes.items()))
            problems.append(f"trigger {trigger!r} has several codes and no context to choose: {listed}")
    return problems


def cue_problems(doc: object) -> list[str]:
    """Everything wrong with a cues document (empty when it is clean)."""
    if not isinstance(doc, dict):
        return ["top level must be a mapping"]
    problems = header_problems(doc)
    for category in CUE_KEYS:
        values = doc.get(category)
        if not isinstance(values, list) or not values:
            problems.append(f"cue category {category!r} is missing or empty")
            continue
        seen: set[str] = set()
        for value in values:
            if not isinstance(value, str) or not ARABIC_PHRASE_RE.match(value):
                problems.append(f"{category}: {value!r} is not bare Arabic")
                continue
            if _norm(value) in seen:
                problems.append(f"{category}: {value!r} is listed twice (after normalisation)")
            seen.add(_norm(value))
    pairs = doc.get("quote_pairs")
    if not isinstance(pairs, list) or not pairs:
        problems.append("quote_pairs is missing or empty")
    else:
        for pair in pairs:
            if (
                not isinstance(pair, list)
                or len(pair) != 2
                or not all(isinstance(mark, str) and mark and not mark.isalnum() for mark in pair)
            ):
                problems.append(f"quote pair {pair!r} must be [opening mark, closing mark]")
    extra = set(doc) - {*CUE_KEYS, "quote_pairs", "provenance", "licence"}
    if extra:
        problems.append(f"unknown keys {sorted(extra)} (the loader ignores them)")
    return problems


# --------------------------------------------------------------------------------------------------
# the shipped files


@pytest.fixture(scope="module")
def events_doc() -> dict:
    return _load(EVENTS)


@pytest.fixture(scope="module")
def cues_doc() -> dict:
    return _load(CUES)


def test_event_lexicon_is_clean(events_doc):
    problems = event_problems(events_doc)
    assert not problems, "events/core.yaml:\n  " + "\n  ".join(problems)


def test_cameo_codes_are_quoted_in_the_source():
    # YAML reads an unquoted 046 as the octal integer 38 and 0874 as the string "0874": quote them all.
    unquoted = [
        f"line {number}: {line.strip()}"
        for number, line in enumerate(EVENTS.read_text(encoding="utf-8").splitlines(), 1)
        if re.match(r"\s*-?\s*cameo:", line) and not re.search(r"cameo:\s*\"\d{2,4}\"", line)
    ]
    assert not unquoted, "unquoted cameo codes:\n  " + "\n  ".join(unquoted)


def test_cameo_codes_exist_in_the_ontology(events_doc):
    if not ONTOLOGY.exists():
        pytest.skip("src/hadath/data/ontology/cameo.csv is not generated yet (tools/import_ontology.py)")
    with ONTOLOGY.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        column = "code" if "code" in (reader.fieldnames or []) else (reader.fieldnames or [""])[0]
        known = {row[column].strip() for row in reader}
    assert "010" in known and "0874" in known, "ontology/cameo.csv lost its leading zeros"
    problems = [p for p in event_problems(events_doc, known) if "ontology" in p]
    assert not problems, "\n  ".join(problems)


def test_every_cameo_root_has_triggers(events_doc):
    per_root: dict[str, set[str]] = defaultdict(set)
    for entry in events_doc["events"]:
        per_root[entry["cameo"][:2]].update(_norm(t) for t in entry["triggers"])
    thin = {root: len(per_root[root]) for root in ROOTS if len(per_root[root]) < MIN_TRIGGERS_PER_ROOT}
    assert not thin, f"CAMEO roots with fewer than {MIN_TRIGGERS_PER_ROOT} triggers: {thin}"


@pytest.mark.parametrize(
    ("trigger", "code"),
    [
        # the worked example (shared/examples/syria-2016-withdrawal) and the core assault/protest vocabulary
        ("غارة", "195"),
        ("هدنة", "0871"),
        ("وقف إطلاق النار", "0871"),
        ("سحب", "0874"),
        ("انسحاب", "0874"),
        ("مفاوضات جنيف", "046"),
        ("تنسيق", "062"),
        ("رفض", "120"),
        ("هدد", "130"),
        ("تهديد", "130"),
        ("اغتيال", "186"),
        ("سيارة مفخخة", "1832"),
        ("عبوة ناسفة", "1833"),
        ("انتحاري", "1831"),
        ("اعتقل", "173"),
        ("تظاهر", "141"),
        ("اعتصام", "141"),
        ("إضراب", "143"),
        ("إضراب عن الطعام", "142"),
    ],
)
def test_key_triggers_are_present(events_doc, trigger, code):
    pairs = {(_norm(t), e["cameo"]) for e in events_doc["events"] for t in e["triggers"]}
    assert (_norm(trigger), code) in pairs


def test_cues_are_clean(cues_doc):
    problems = cue_problems(cues_doc)
    assert not problems, "cues/cues.yaml:\n  " + "\n  ".join(problems)


def test_cue_keys_are_loader_categories():
    from hadath.lexicon.model import CUE_CATEGORIES

    assert set(CUE_KEYS) <= set(CUE_CATEGORIES)


# --------------------------------------------------------------------------------------------------
# the checkers catch what they claim to catch

GOOD_ENTRY = {"cameo": "195", "triggers": ["غارة"], "pos": "noun"}


def _events(*entries: dict) -> dict:
    return {"provenance": "test", "licence": "MIT", "events": list(entries)}


def test_checker_accepts_a_clean_sample():
    refined = {"cameo": "194", "triggers": ["غارة"], "pos": "noun", "context": [["مدفعية"]]}
    assert event_problems(_events(GOOD_ENTRY, refined), {"195", "194"}) == []


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"cameo": 46, "triggers": ["مفاوضات"], "pos": "noun"}, "quoted string"),
        ({"cameo": "46", "triggers": ["مفاوضات"], "pos": "noun"}, "root 01-20"),
        ({"cameo": "19500", "triggers": ["غارة"], "pos": "noun"}, "2-4 digit"),
        ({"cameo": "195", "triggers": ["غَارة"], "pos": "noun"}, "not bare Arabic"),
        ({"cameo": "195", "triggers": ["غارة جوية "], "pos": "noun"}, "not bare Arabic"),
        ({"cameo": "195", "triggers": ["raid"], "pos": "noun"}, "not bare Arabic"),
        ({"cameo": "195", "triggers": ["غارة"], "pos": "adjective"}, "pos"),
        ({"cameo": "195", "triggers": [], "pos": "noun"}, "non-empty"),
        ({"cameo": "195", "triggers": ["قصف"], "pos": "verb", "context": [["جوّي"]]}, "context word"),
        ({"cameo": "195", "triggers": ["قصف"], "pos": "verb", "context": [[]]}, "context group"),
        ({"cameo": "195", "triggers": ["قصف"], "pos": "verb", "weight": 2}, "unknown keys"),
        ({"cameo": "195", "triggers": ["غاره"], "pos": "noun"}, "duplicates"),  # ة/ه normalise alike
        ({"cameo": "190", "triggers": ["غارة"], "pos": "noun"}, "no context to choose"),
    ],
)
def test_checker_reports_broken_entries(entry, message):
    problems = event_problems(_events(GOOD_ENTRY, entry))
    assert any(message in p for p in problems), problems


def test_checker_reports_codes_missing_from_the_ontology():
    assert any("ontology" in p for p in event_problems(_events(GOOD_ENTRY), {"190"}))


def test_cue_checker_reports_faults():
    doc = {key: ["لا"] for key in CUE_KEYS}
    doc.update(provenance="test", licence="MIT", quote_pairs=[["«", "»"]])
    assert cue_problems(doc) == []
    broken = dict(doc, hedge=[], negation=["لا", "لا"], opinion=["أرَى"], quote_pairs=[["«"]])
    broken["quote_open"] = ["«"]
    del broken["scripture"]
    problems = "\n".join(cue_problems(broken))
    for message in (
        "'hedge' is missing or empty",
        "listed twice",
        "not bare Arabic",
        "'scripture'",
        "quote pair",
        "unknown keys",
    ):
        assert message in problems
