"""Tests of tools/import_oeda.py on inline PETRARCH-format samples, plus a regeneration check."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import import_oeda as oeda
import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(__file__).resolve().parents[3] / "shared"
D = dt.date


# --- Arabic cleanup -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("وزارة_دفاع_أميركي_", "وزارة دفاع أميركي"),
        ("ملك_عبد_اللٰه_ثاني_", "ملك عبد الله ثاني"),  # dagger alef
        ("سَمَحَ", "سمح"),  # harakat
        ("سيستان_ـ_بلوشستان_", "سيستان بلوشستان"),  # a lone tatweel used as a dash
        ("صادق_المهدي_\u200e\u200e_", "صادق المهدي"),  # LRM marks
        ("أمة_متحد،_", "أمة متحد"),  # stray Arabic comma
        ("+قوة_حفظ_السلام_", "قوة حفظ السلام"),  # synset member
        ("_دكتاتور+", "دكتاتور"),  # synset member written back to front
    ],
)
def test_clean_phrase(raw: str, clean: str) -> None:
    assert oeda.clean_phrase(raw) == clean


# --- actor codes and dates ------------------------------------------------------------------------


def test_code_spec_formats() -> None:
    assert oeda.parse_code_spec("SYRGOV") == (oeda.DatedCode("SYRGOV"), [])
    assert oeda.parse_code_spec("RUSGOV >19990809") == (oeda.DatedCode("RUSGOV", start=D(1999, 8, 9)), [])
    assert oeda.parse_code_spec("USAMIL <19610101") == (oeda.DatedCode("USAMIL", end=D(1961, 1, 1)), [])
    code, notes = oeda.parse_code_spec("IRQGOV 20060520-20150811")
    assert code == oeda.DatedCode("IRQGOV", D(2006, 5, 20), D(2015, 8, 11)) and notes == []
    # a single-day range is a valid inclusive range
    assert oeda.parse_code_spec("LBNGOVLEG 19700101-19700101")[0].end == D(1970, 1, 1)


def test_code_spec_range_ending_before_start_is_kept_undated_with_a_note() -> None:
    code, notes = oeda.parse_code_spec("IGO 19700101-19640922")
    assert code == oeda.DatedCode("IGO")
    assert len(notes) == 1 and "ends before it starts" in notes[0] and "19700101-19640922" in notes[0]


@pytest.mark.parametrize("spec", ["EGYGOV 20110230-20120101", "EGYGOV >2011013", "EGYGOV soon"])
def test_code_spec_bad_dates_are_kept_undated_with_a_note(spec: str) -> None:
    code, notes = oeda.parse_code_spec(spec)
    assert code == oeda.DatedCode("EGYGOV")
    assert len(notes) == 1 and "invalid" in notes[0]


def test_code_spec_repairs_a_stray_underscore() -> None:
    code, notes = oeda.parse_code_spec("TURPTY_  >20010814")
    assert code == oeda.DatedCode("TURPTY", start=D(2001, 8, 14))
    assert "stray" in notes[0]


@pytest.mark.parametrize("spec", ["MIL?", "SAUMIL?", "SYRGO", "syrgov", "ISLAMIC_EXTREMIST", ""])
def test_code_spec_rejects_implausible_codes(spec: str) -> None:
    with pytest.raises(oeda.ImportIssue):
        oeda.parse_code_spec(spec)


# --- actor dictionary -----------------------------------------------------------------------------

ACTOR_SAMPLE = """\
# LAST UPDATED: 22 Jan 2019
غزة  [PSE]
نوري_المالكي_
\t[IRQGOV 20060520-20150811]
\t[IRQGOV 20060520-20150811]
\t[IRQELI >20150811]
حركة_حماس_
\t[PSEREB >19870101]
الديوان_ملكي_أردني_
\t[JORGOV 19700101-19640922]
فلاديمير_بوتين_  [RUSGOV >19990809]  # Vladimir Putin
+بوتين_
+ف._بوتين_
مدير_إدارة_تعاون_  [MIL?]
شخص_ما_
\t[MIL?]
\t[SYRMIL]

\t[SYRGOV]
"""


def test_parse_actor_dict() -> None:
    parse = oeda.parse_actor_dict(ACTOR_SAMPLE)
    by_line = {a.line: a for a in parse.actors}
    assert sorted(by_line) == [2, 3, 7, 9, 11, 15]
    assert by_line[2].names == ["غزة"] and by_line[2].codes == [oeda.DatedCode("PSE")]
    maliki = by_line[3]
    assert maliki.names == ["نوري المالكي"]
    assert maliki.codes == [
        oeda.DatedCode("IRQGOV", D(2006, 5, 20), D(2015, 8, 11)),
        oeda.DatedCode("IRQELI", start=D(2015, 8, 11)),
    ]
    assert parse.stats["duplicate code lines"] == 1
    putin = by_line[11]
    assert putin.names == ["فلاديمير بوتين", "بوتين", "ف. بوتين"]
    assert putin.comment == "Vladimir Putin"
    assert by_line[9].codes == [oeda.DatedCode("JORGOV")] and "ends before it starts" in by_line[9].notes[0]
    # the entry whose only code is implausible is skipped; the other keeps its good codes with a note
    # (an indented code line after a blank line still belongs to the last actor)
    assert by_line[15].codes == [oeda.DatedCode("SYRMIL"), oeda.DatedCode("SYRGOV")]
    assert any("MIL?" in n for n in by_line[15].notes)
    assert parse.skipped["no plausible actor code"] == 1
    assert (14, "no plausible actor code; implausible actor code 'MIL?'") in parse.skipped_lines
    assert parse.skipped["code line without an actor"] == 0


def test_orphan_code_lines_are_counted() -> None:
    parse = oeda.parse_actor_dict("\t[SYRGOV]\n+بوتين_\nغزة [PSE]\n\tnot a bracket\n")
    assert parse.skipped["code line without an actor"] == 1
    assert parse.skipped["synonym line without an actor"] == 1
    assert parse.skipped["unparsed indented line"] == 1
    assert [a.names for a in parse.actors] == [["غزة"]]


def test_actor_types_and_entries() -> None:
    parse = oeda.parse_actor_dict(ACTOR_SAMPLE)
    entries = {e["id"]: e for e in oeda.actor_entries(parse, "actor_dict_ar_v5.txt")}
    assert entries["oeda-a3"]["type"] == "person"  # dated codes
    assert entries["oeda-a7"]["type"] == "organisation"  # حركة wins over the dates
    assert entries["oeda-a2"]["type"] == "group"
    assert entries["oeda-a9"]["type"] == "group"  # its only date was an upstream error
    assert entries["oeda-a11"]["name_en"] == "Vladimir Putin"
    assert entries["oeda-a2"]["name_en"] is None
    assert entries["oeda-a3"]["provenance"] == "oeda:actor_dict_ar_v5.txt:3"
    assert entries["oeda-a3"]["codes"] == [
        {"code": "IRQELI", "from": D(2015, 8, 11)},
        {"code": "IRQGOV", "from": D(2006, 5, 20), "to": D(2015, 8, 11)},
    ]
    assert "note" in entries["oeda-a9"] and "note" not in entries["oeda-a2"]
    assert len(entries) == len(parse.actors)


# --- agents ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "name", "code", "notes"),
    [
        ("جيش_ [~MIL]", "جيش", "MIL", []),
        ("متمرد_سنة [~REBMUS]", "متمرد سنة", "REBMUS", []),
        ("رئيس_ركن_جيش [~MILGOV رئيس ركن جيش]", "رئيس ركن جيش", "MILGOV", ["repaired"]),
        ("قسم_بيئة [~ENV} قسم بيئة]", "قسم بيئة", "ENV", ["repaired"]),
        ("وزارة_رياضة [~GOV]وزارة_رياضة [~GOV]", "وزارة رياضة", "GOV", ["repaired"]),
    ],
)
def test_parse_agent_line(line: str, name: str, code: str, notes: list[str]) -> None:
    assert oeda.parse_agent_line(line) == (name, code, notes)


def test_parse_agent_line_prefix_agent() -> None:
    name, code, notes = oeda.parse_agent_line("مراقبة_هدنة [IGO~]")
    assert (name, code) == ("مراقبة هدنة", "IGO")
    assert "prefix" in notes[0]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("جمهور_", "no code"),
        (" [~GOVوزارة شب و رياضة]", "no name before the code"),
        ("تطرف_إسلامي [ISLAMIC_EXTREMIST تطرف إسلامي ]", "no '~' agent marker"),
        ("شيء [~]", "implausible agent code"),
        ("شيء [~MI]", "implausible agent code"),
    ],
)
def test_parse_agent_line_errors(line: str, reason: str) -> None:
    with pytest.raises(oeda.ImportIssue) as info:
        oeda.parse_agent_line(line)
    assert info.value.reason == reason


def test_parse_agents_counts() -> None:
    text = "# header\nجيش [~MIL]\nجمهور_\nجيش [~MIL]\nقوات [~MIL]\n\nمراقب [IGO~]\n"
    parse = oeda.parse_agents(text, "agents.all.ar_v4.txt")
    assert parse.agents == [
        {"names": ["جيش"], "code": "MIL", "provenance": "oeda:agents.all.ar_v4.txt:2"},
        {"names": ["قوات"], "code": "MIL", "provenance": "oeda:agents.all.ar_v4.txt:5"},
        {
            "names": ["مراقب"],
            "code": "IGO",
            "provenance": "oeda:agents.all.ar_v4.txt:7",
            "note": "upstream 'IGO~' is a prefix agent (the role comes before the country)",
        },
    ]
    assert parse.skipped == Counter({"no code": 1, "duplicate of an earlier line": 1})
    assert (4, "duplicate of line 2") in parse.skipped_lines


# --- verb dictionary ------------------------------------------------------------------------------

VERB_SAMPLE = """\
# LAST UPDATED: 10 August 2018

####### SYNONYM SETS #######

&MILITARY
+جيش_
+قوات_مسلحة_

&LEADER
+رئيس_
_دكتاتور+

####### VERB PATTERNS #######
--- شن [---] ---
شن                              # launch
شنَّ                            # launch (diacritics)
حصل+على                         # obtain
أ حرق                           # broken lemma
- * &MILITARY (ل حد) [154] # launch
- * (ب اتجاه) {موعد نهائي}   [139]  # launch
- * [190] # bare verb
- * (ل) [111] # clitic only
- $ * (ك &LEADER) [045] # source marker only before the verb
- جندي * هجوم [190] # a word before the verb
- * &NOSUCH [190] # unknown synset
- * RESERVE [153] # untranslated
- * هجوم [176] # not a CAMEO code
- * &MILITARY (ل حد) [154] # duplicate line

--- قصف [195] ---
قصف                             # shell
دك                    [194]     # pound
ما+زال                          # still
"""


def test_parse_synsets_and_merge() -> None:
    synsets = oeda.parse_synsets(VERB_SAMPLE)
    assert synsets == {"&MILITARY": ["جيش", "قوات مسلحة"], "&LEADER": ["رئيس", "دكتاتور"]}
    merged = oeda.merge_synsets(synsets, {"&MILITARY": ["جيش", "جنود"], "&PKO": ["قوة حفظ السلام"]})
    assert merged["&MILITARY"] == ["جيش", "قوات مسلحة", "جنود"]
    assert merged["&PKO"] == ["قوة حفظ السلام"]


@pytest.mark.parametrize(
    ("text", "lemmas"),
    [
        ("قال", [("قال", ())]),
        ("حصل+على", [("حصل", (("على",),))]),
        ("اضرم+نار+في", [("اضرم", (("نار",), ("في",)))]),
        ("قام+ب بناء", [("قام", (("بناء",),))]),  # the one-letter clitic ب is dropped
        ("ندد+ب", [("ندد", ())]),
        ("وضع هوو", [("وضع", ())]),  # pronoun slot
        ("ما+زال", [("ما زال", ())]),  # particle + verb: a phrase trigger
        ("عرض،+وعد،+عبر", [("عرض", ()), ("وعد", ()), ("عبر", ())]),
        ("سَمَحَ+لِ", [("سمح", ())]),
    ],
)
def test_parse_lemma(text: str, lemmas: list[tuple[str, tuple[tuple[str, ...], ...]]]) -> None:
    assert [(lemma.trigger, lemma.context) for lemma in oeda.parse_lemma(text)] == lemmas


@pytest.mark.parametrize("text", ["أ حرق", "تصادم والتصادم", "هوو", "shoot"])
def test_parse_lemma_errors(text: str) -> None:
    with pytest.raises(oeda.ImportIssue):
        oeda.parse_lemma(text)


SYNSETS = {"&MILITARY": ["جيش", "قوات مسلحة"], "&LEADER": ["رئيس", "دكتاتور"]}


@pytest.mark.parametrize(
    ("line", "code", "groups"),
    [
        ("- * &MILITARY (ل حد) [154] # x", "154", [("جيش", "قوات مسلحة"), ("حد",)]),
        ("- * (إلى {عقوبة جديد}) [1312] # x", "1312", [("إلى",), ("عقوبة",), ("جديد",)]),
        ("- *منزل [1712] # no blank after the star", "1712", [("منزل",)]),
        ("- * (إلى مستقبل)(بتفاول) [013]", "013", [("إلى",), ("مستقبل",), ("بتفاول",)]),
        ("- $ * (ك &LEADER) (مع +) [045]", "045", [("رئيس", "دكتاتور"), ("مع",)]),
        ("- * ادعاء ذٰلك [100]", "100", [("ادعاء",), ("ذلك",)]),
        ("- * نفس هوو (ب نار) [145]", "145", [("نفس",), ("نار",)]),
        ("- * [0831] # the bare verb", "0831", []),
    ],
)
def test_parse_pattern(line: str, code: str, groups: list[tuple[str, ...]]) -> None:
    assert oeda.parse_pattern(line, SYNSETS) == (code, groups)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("- * (ل) [111]", "only one-letter clitics after the verb"),
        ("- جندي * هجوم [190]", "words before the verb"),
        ("- خلال المظاهرات*   [175]", "words before the verb"),
        ("- * &NOSUCH [190]", "unknown synset"),
        ("- * {&MILITARY RESERVE} [153]", "non-Arabic (untranslated) word"),
        ("- * هجوم [---]", "no event code"),
        ("- * هجوم", "not exactly one code"),
        ("- هجوم [190]", "no verb placeholder '*'"),
    ],
)
def test_parse_pattern_errors(line: str, reason: str) -> None:
    with pytest.raises(oeda.ImportIssue) as info:
        oeda.parse_pattern(line, SYNSETS)
    assert info.value.reason == reason


def test_verb_entries() -> None:
    synsets = oeda.parse_synsets(VERB_SAMPLE)
    parse = oeda.parse_verb_patterns(VERB_SAMPLE, synsets)
    assert [b.line for b in parse.blocks] == [14, 30]
    assert parse.skipped["lemma: multi-word lemma that is not verb+preposition (segmentation artefact)"] == 1
    assert parse.skipped["pattern: words before the verb"] == 1
    assert parse.skipped["pattern: unknown synset"] == 1
    assert parse.skipped["pattern: non-Arabic (untranslated) word"] == 1
    assert parse.skipped["pattern: only one-letter clitics after the verb"] == 1

    known = {"045", "139", "154", "190", "194", "195"}
    entries, skipped = oeda.verb_entries(parse, known, "CAMEO.ar.0.5.txt")
    assert skipped == Counter(
        {"pattern: code 176 not in ontology/cameo.csv": 1, "pattern: duplicate entry": 2}
    )
    shn = ["شن"]  # شن and شنَّ are one lemma once diacritics are gone
    # lemmas with a preposition get their own entry, with the preposition as the first context group
    assert [e for e in entries if e["provenance"].endswith(":19")] == [
        {
            "cameo": "154",
            "triggers": shn,
            "pos": "verb",
            "context": [["جيش", "قوات مسلحة"], ["حد"]],
            "provenance": "oeda:CAMEO.ar.0.5.txt:19",
        },
        {
            "cameo": "154",
            "triggers": ["حصل"],
            "pos": "verb",
            "context": [["على"], ["جيش", "قوات مسلحة"], ["حد"]],
            "provenance": "oeda:CAMEO.ar.0.5.txt:19",
        },
    ]
    bare = [e for e in entries if e["provenance"].endswith(":21")]
    assert [(e["triggers"], e.get("context")) for e in bare] == [(shn, None), (["حصل"], [["على"]])]
    # header code for the block's lemmas, a lemma's own code for itself
    by_code = {e["cameo"]: e for e in entries if e["provenance"].endswith((":30", ":31", ":32", ":33"))}
    assert by_code["195"]["triggers"] == ["قصف", "ما زال"]
    assert by_code["194"]["triggers"] == ["دك"]
    assert all(e["pos"] == "verb" for e in entries)
    assert all(e["cameo"] in known for e in entries)


def test_render_yaml_round_trip_and_aliases() -> None:
    military = ["جيش", "قوات مسلحة", "جنود", "عسكريون"]
    triggers = ["قال", "أكد", "صرح", "أعلن", "شدد"]
    entries = [
        {
            "cameo": "010",
            "triggers": triggers,
            "pos": "verb",
            "context": [military, ["حد"]],
            "provenance": "x:1",
        },
        {"cameo": "195", "triggers": triggers, "pos": "verb", "context": [military], "provenance": "x:2"},
        {"cameo": "195", "triggers": ["قصف"], "pos": "verb", "context": [["حد"]], "provenance": "x:3"},
    ]
    text = oeda.render_yaml(
        ["header"], {"licence": "MIT"}, "events", entries, anchors={tuple(military): "MILITARY"}, alias=True
    )
    assert text.startswith("# header\nlicence: MIT\nevents:\n")
    assert text.count("&MILITARY [جيش, قوات مسلحة, جنود, عسكريون]") == 1 and text.count("*MILITARY") == 1
    assert text.count("&L1 [قال, أكد, صرح, أعلن, شدد]") == 1 and text.count("*L1") == 1
    assert "[حد]" in text and "&L2" not in text  # short lists are not worth an alias
    loaded = yaml.load(text, Loader=yaml.SafeLoader)
    assert loaded["events"] == entries
    assert loaded["events"][0]["cameo"] == "010"  # stays a string with its leading zero


@pytest.mark.parametrize(
    "value", ["NO", "ON", "null", "010", "oeda:x:1", "a, b", "[x]", "قوة 14 آذار", "سي.أي.أيه", "اف/اي-18"]
)
def test_yaml_scalar_round_trips(value: str) -> None:
    assert yaml.safe_load(f"k: {oeda.yaml_scalar(value)}")["k"] == value


def test_yaml_dates_load_as_dates() -> None:
    entry = {"code": "RUSGOV", "from": D(1999, 8, 9)}
    assert yaml.safe_load(f"x: {oeda.yaml_flow(entry)}")["x"] == entry


# --- whole import ---------------------------------------------------------------------------------


def _fake_shared(root: Path) -> Path:
    src = root / oeda.OEDA_DIR
    src.mkdir(parents=True)
    (src / "SOURCE_COMMIT").write_text("openeventdata/arabic_dictionaries 0123456789abcdef0123 x/\n")
    (src / oeda.ACTOR_FILE).write_text(ACTOR_SAMPLE, encoding="utf-8")
    (src / oeda.AGENT_FILE).write_text("جيش [~MIL]\nقوات [~MIL]\n", encoding="utf-8")
    (src / oeda.VERB_FILE).write_text(VERB_SAMPLE, encoding="utf-8")
    (src / oeda.SYNSET_FILE).write_text("&MILITARY\n+جنود_\n", encoding="utf-8")
    return root


def test_build_and_main(tmp_path: Path) -> None:
    shared = _fake_shared(tmp_path / "shared")
    out = tmp_path / "data"
    (out / "ontology").mkdir(parents=True)
    (out / "ontology" / "cameo.csv").write_text("code,label\n154,x\n190,x\n195,x\n", encoding="utf-8")
    assert oeda.main(["--shared", str(shared), "--out", str(out)]) == 0
    actors = yaml.load((out / "actors/oeda_actors.yaml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    assert actors["licence"] == "MIT"
    assert len(actors["actors"]) == 6
    assert len({a["id"] for a in actors["actors"]}) == 6
    verbs_text = (out / "events/oeda_verbs.yaml").read_text(encoding="utf-8")
    assert verbs_text.startswith("# events/oeda_verbs.yaml: generated by tools/import_oeda.py")
    assert "do not edit by hand" in verbs_text.splitlines()[2]
    verbs = yaml.load(verbs_text, Loader=yaml.SafeLoader)
    military = next(e for e in verbs["events"] if e["cameo"] == "154")["context"][0]
    assert military == ["جيش", "قوات مسلحة", "جنود"]  # synsets.ar.txt members are merged in
    assert {e["cameo"] for e in verbs["events"]} == {"154", "190", "195"}
    # a second run writes the same bytes
    before = {p: p.read_bytes() for p in out.rglob("*.yaml")}
    assert oeda.main(["--shared", str(shared), "--out", str(out)]) == 0
    assert before == {p: p.read_bytes() for p in out.rglob("*.yaml")}


def test_main_needs_the_ontology(tmp_path: Path) -> None:
    shared = _fake_shared(tmp_path / "shared")
    assert oeda.main(["--shared", str(shared), "--out", str(tmp_path / "empty")]) == 2


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.skipif(
    not (SHARED / "data").is_dir(),
    reason=f"shared data not found at {SHARED / 'data'} (third-party data, not in the repo)",
)
def test_shipped_oeda_files_match_a_fresh_import() -> None:
    data = REPO / "src" / "hadath" / "data"
    result = oeda.build(SHARED, data / "ontology" / "cameo.csv")
    assert sorted(result.files) == [
        "actors/oeda_actors.yaml",
        "actors/oeda_agents.yaml",
        "events/oeda_verbs.yaml",
    ]
    for rel, text in result.files.items():
        shipped = (data / rel).read_text(encoding="utf-8")
        assert shipped == text, f"{rel} is stale: run python tools/import_oeda.py"
    actors = yaml.load(result.files["actors/oeda_actors.yaml"], Loader=yaml.CSafeLoader)["actors"]
    assert len({a["id"] for a in actors}) == len(actors) > 4000
    assert all(oeda.is_actor_code(c["code"]) for a in actors for c in a["codes"])
