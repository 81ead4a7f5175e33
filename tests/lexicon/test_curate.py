"""`hadath lexicon search | add | unknown` on small lexicons and corpora written for the tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import yaml

from hadath.cli import main
from hadath.lexicon import compiled as compiled_module
from hadath.lexicon.compiled import CompiledLexicon
from hadath.lexicon.corpus import find_unknown_names, load_name_triggers
from hadath.lexicon.curate import AddError, NewActor, add_actor, search_lexicon
from hadath.lexicon.loader import DATA_DIR, load_lexicon

MakeLexicon = Callable[[dict[str, str]], Path]  # the conftest fixture

PEOPLE = (
    "provenance: test\nactors:\n"
    "  - {id: mustafa-al-kadhimi, name_en: Mustafa al-Kadhimi, type: person, country: IRQ,\n"
    "     codes: [{code: IRQGOV, from: 2020-05-07, to: 2022-10-27}], names: [مصطفى الكاظمي, الكاظمي]}\n"
    "  - {id: hezbollah, name_en: Hezbollah, type: group, codes: [LBNREB], names: [حزب الله]}\n"
)
ROLES = (
    "roles:\n  - id: head-of-government\n    names: [رئيس الوزراء]\n    code: GOV\n    holders:\n"
    "      IRQ:\n        - {actor: mustafa-al-kadhimi, from: 2020-05-07, to: 2022-10-27}\n"
)


def _compiled(directory: Path) -> CompiledLexicon:
    return CompiledLexicon(load_lexicon(directory))


# ---------------------------------------------------------------------------------------------- search


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("والكاظمي", ["mustafa-al-kadhimi"]),  # the alias's match keys, clitic and all
        ("كاظم", ["mustafa-al-kadhimi"]),  # a normalised substring of a name
        ("kadhimi", ["mustafa-al-kadhimi"]),  # English name, any case
        ("mustafa-al", ["mustafa-al-kadhimi"]),  # id
        ("حزب الله", ["hezbollah"]),
        ("Syria", ["SYR"]),
        ("العراقية", ["IRQ"]),  # an inflected adjective finds its country
    ],
)
def test_search_finds_entries_by_name_alias_english_name_or_id(make_lexicon: MakeLexicon, query, expected):
    directory = make_lexicon({"actors/people.yaml": PEOPLE, "actors/roles.yaml": ROLES})
    assert [hit.ref for hit in search_lexicon(_compiled(directory), query)] == expected


def test_search_prints_codes_dates_tenures_and_provenance(make_lexicon: MakeLexicon, capsys):
    directory = make_lexicon({"actors/people.yaml": PEOPLE, "actors/roles.yaml": ROLES})
    assert main(["lexicon", "search", "الكاظمي", "--data-dir", str(directory)]) == 0
    output = capsys.readouterr().out
    assert "actor mustafa-al-kadhimi  (person)  Mustafa al-Kadhimi" in output
    assert "codes: IRQGOV 2020-05-07..2022-10-27" in output
    assert "names: مصطفى الكاظمي، الكاظمي" in output
    assert "holds: head-of-government IRQ 2020-05-07..2022-10-27  (actors/roles.yaml:7)" in output
    assert "actors/people.yaml:3  provenance: test" in output
    assert main(["lexicon", "search", "nobody", "--data-dir", str(directory)]) == 1


# ------------------------------------------------------------------------------------------------- add

ZURFI = NewActor(
    id="adnan-al-zurfi",
    name_en="Adnan al-Zurfi",
    type="person",
    codes=("IRQGOV",),
    names=("عدنان الزرفي", "الزرفي"),
    start=None,
    end=None,
    country="IRQ",
)


def test_add_creates_the_curator_file_and_appends_to_it(make_lexicon: MakeLexicon):
    directory = make_lexicon({"actors/people.yaml": PEOPLE})
    path = add_actor(_compiled(directory), directory, ZURFI).path
    assert path == directory / "actors" / "local.yaml"
    comment = "# a curator's note, kept\n"
    path.write_text(path.read_text(encoding="utf-8") + comment, encoding="utf-8")
    second = NewActor(
        "x-y", "X Y", "group", ("SYRREB",), ("كتيبة الاختبار",), country="SYR", provenance="notes"
    )
    add_actor(_compiled(directory), directory, second)
    text = path.read_text(encoding="utf-8")
    assert comment in text and text.index(comment) < text.index("id: x-y")
    assert "    codes:\n      - {code: IRQGOV}\n    names: [عدنان الزرفي, الزرفي]\n" in text
    lexicon = load_lexicon(directory)
    assert lexicon.actors["adnan-al-zurfi"].origin == "actors/local.yaml:7"
    assert lexicon.actors["x-y"].provenance == "notes"
    assert yaml.safe_load(text)["provenance"]  # the new file has a header


def test_add_through_the_command_line_with_dates(make_lexicon: MakeLexicon, capsys, monkeypatch):
    directory = make_lexicon({"actors/people.yaml": PEOPLE})
    arguments = [
        "lexicon",
        "add",
        "--data-dir",
        str(directory),
        "--id",
        "adnan-al-zurfi",
        "--name-en",
        "Adnan al-Zurfi",
    ]
    arguments += ["--code", "IRQGOV", "--from", "2020-03-17", "--to", "2020-04-09", "--name", "عدنان الزرفي"]
    assert main([*arguments, "--file", "actors/iraq.yaml"]) == 0
    monkeypatch.setattr(compiled_module, "_LOADED", {})  # a new process would read the file again
    actor = load_lexicon(directory).actors["adnan-al-zurfi"]
    assert [(c.code, str(c.start), str(c.end)) for c in actor.codes] == [
        ("IRQGOV", "2020-03-17", "2020-04-09")
    ]
    assert actor.origin.startswith("actors/iraq.yaml:")
    assert main(arguments) == 1  # the same id again
    assert "actor id 'adnan-al-zurfi' exists already (actors/iraq.yaml:" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("new", "message"),
    [
        (
            NewActor("x", "X", "person", ("IRQGOV",), ("الكاظمي",), start=None),
            "'الكاظمي' is already an alias of mustafa-al-kadhimi",
        ),
        (
            NewActor("x", "X", "person", ("IRQMIL",), ("الكاظمي",)),
            "'الكاظمي' conflicts with mustafa-al-kadhimi (actors/people.yaml:3)",
        ),
        (NewActor("x", "X", "person", ("IRQGOVX",), ("فلان",)), "not a CAMEO actor code"),
        (NewActor("x", "X", "person", ("XYZGOV",), ("فلان",)), "XYZ is neither a country of the lexicon"),
        (NewActor("Bad Id", "X", "person", ("IRQGOV",), ("فلان",)), "must match [a-z0-9][a-z0-9-]*"),
        (NewActor("x", "X", "person", ("IRQGOV",), ("Someone",)), "has no Arabic letters"),
        (
            NewActor("x", "X", "person", ("IRQGOV",), ("فلان",), country="Iraq"),
            "country 'Iraq' is not a country",
        ),
    ],
)
def test_add_refuses_invalid_entries_and_alias_conflicts(
    make_lexicon: MakeLexicon, new: NewActor, message: str
):
    directory = make_lexicon({"actors/people.yaml": PEOPLE})
    with pytest.raises(AddError) as refused:
        add_actor(_compiled(directory), directory, new)
    assert message in str(refused.value)
    assert not (directory / "actors" / "local.yaml").exists()


def test_add_accepts_an_alias_shared_at_other_dates_or_with_another_country(make_lexicon: MakeLexicon):
    directory = make_lexicon({"actors/people.yaml": PEOPLE})
    earlier = NewActor("other-kadhimi", "Other", "person", ("IRQGOV",), ("الكاظمي",), end=date(2010, 1, 1))
    assert add_actor(_compiled(directory), directory, earlier).notes == ()
    iraqi = NewActor("iraqi-hezbollah", "Kataib Hezbollah", "group", ("IRQREB",), ("حزب الله",))
    [note] = add_actor(_compiled(directory), directory, iraqi).notes
    assert note.startswith("name 'حزب الله' is shared with hezbollah (actors/people.yaml:5)")
    assert {"other-kadhimi", "iraqi-hezbollah"} <= set(load_lexicon(directory).actors)


def test_add_refuses_a_file_it_cannot_append_to_and_leaves_it_alone(make_lexicon: MakeLexicon):
    content = "actors:\n  - {id: a, codes: [SYR], names: [ألف]}\nlicence: MIT\n"
    directory = make_lexicon({"actors/local.yaml": content})
    with pytest.raises(AddError, match="must be the last top-level key"):
        add_actor(_compiled(directory), directory, ZURFI)
    with pytest.raises(AddError, match="under actors/"):
        add_actor(_compiled(directory), directory, ZURFI, Path("places/x.yaml"))
    assert (directory / "actors" / "local.yaml").read_text(encoding="utf-8") == content


# --------------------------------------------------------------------------------------------- unknown


def test_unknown_lists_frequent_unresolved_names_with_context(
    make_lexicon: MakeLexicon, tmp_path: Path, capsys
):
    directory = make_lexicon({"actors/people.yaml": PEOPLE, "actors/roles.yaml": ROLES})
    (directory / "curation").mkdir()
    (directory / "curation" / "name_triggers.yaml").write_text(
        (DATA_DIR / "curation" / "name_triggers.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    texts = [
        "قال الرئيس ماكي كيتا إن الكاظمي زار مدينة سوروتش أمس.",
        "واستقبل الرئيس الغاني ماكي كيتا وفدا من حزب الله في مدينة سوروتش.",
        "وأكد الرئيس ماكي كيتا أن المدينة القديمة بخير.",
        "وقالت جماعة بوكو حرام إن الكاظمي تلقى رسالة.",
    ]
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)
        ),
        encoding="utf-8",
    )
    names, stats = find_unknown_names(_compiled(directory), [corpus], load_name_triggers(directory))
    found = {name.surfaces.most_common(1)[0][0]: name for name in names}
    assert stats.documents == 4
    assert found["ماكي كيتا"].count == 3 and found["ماكي كيتا"].kinds.most_common(1)[0][0] == "person"
    assert found["سوروتش"].kinds.most_common(1)[0][0] == "place"
    assert "الكاظمي" not in found and "القديمة" not in found  # known, and an adjective after "المدينة"
    assert found["ماكي كيتا"].example.startswith("0: قال الرئيس [ماكي كيتا] إن")
    assert main(["lexicon", "unknown", str(corpus), "--data-dir", str(directory), "--top", "1"]) == 0
    output = capsys.readouterr().out.splitlines()
    assert output[0].startswith("2 unresolved name-like spans seen at least 2 times in 4 documents")
    assert output[2].startswith("    3  person  ماكي كيتا  [after الرئيس]  0: قال الرئيس [ماكي كيتا]")
