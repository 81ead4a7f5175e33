"""`hadath lexicon check`: each kind of fault in a small broken lexicon is caught, with its file and
line, errors fail the command and warnings do not; the shipped lexicon passes."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from hadath.cli import main
from hadath.lexicon.check import ERROR, WARNING, check_lexicon
from hadath.lexicon.compiled import CompiledLexicon, load_compiled
from hadath.lexicon.corpus import measure_aliases
from hadath.lexicon.loader import load_lexicon

MakeLexicon = Callable[[dict[str, str]], Path]  # the conftest fixture

HAFEZ = "  - {id: hafez, type: person, codes: [{code: SYRGOV, to: 2000-06-10}], names: [حافظ الأسد, الأسد]}\n"
BASHAR = (
    "  - {id: bashar, type: person, codes: [{code: SYRGOV, from: 2000-07-17}], names: [بشار الأسد, الأسد]}\n"
)


def _compiled(directory: Path) -> CompiledLexicon:
    return CompiledLexicon(load_lexicon(directory))


def _findings(directory: Path) -> list[tuple[str, str]]:
    return [(f.severity, str(f)) for f in check_lexicon(_compiled(directory))]


def test_schema_errors_fail_with_file_and_line(make_lexicon: MakeLexicon, capsys: pytest.CaptureFixture[str]):
    directory = make_lexicon(
        {"actors/a.yaml": "actors:\n  - id: x\n    codes: [SYRGOVX1]\n    names: [سوريا]\n"}
    )
    assert main(["lexicon", "check", "--data-dir", str(directory)]) == 1
    assert "actors/a.yaml:2: code 'SYRGOVX1' is not a CAMEO actor code" in capsys.readouterr().err


def test_alias_reused_at_different_dates_is_fine(make_lexicon: MakeLexicon):
    directory = make_lexicon({"actors/a.yaml": "provenance: test\nactors:\n" + HAFEZ + BASHAR})
    assert _findings(directory) == []


def test_alias_with_conflicting_codes_on_overlapping_dates_is_an_error(make_lexicon: MakeLexicon):
    maher = "  - {id: maher, type: person, codes: [{code: SYRMIL, from: 2000-01-01}], names: [ماهر الأسد, الأسد]}\n"
    directory = make_lexicon({"actors/a.yaml": "provenance: test\nactors:\n" + BASHAR + maher})
    [(severity, message)] = _findings(directory)
    assert severity == ERROR
    assert message.startswith("actors/a.yaml:4: alias 'الأسد' names bashar (actors/a.yaml:3) and maher")
    assert "SYRGOV and SYRMIL" in message and "from 2000-07-17" in message


def test_shared_alias_of_different_countries_or_imported_entries_only_warns(make_lexicon: MakeLexicon):
    lebanese = "  - {id: hezbollah, codes: [LBNREB], names: [حزب الله]}\n"
    iraqi = "  - {id: iraqi-hezbollah, codes: [IRQREB], names: [حزب الله]}\n"
    imported = (
        "provenance: 'oeda:test'\nactors:\n"
        "  - {id: oeda-1, codes: [IRQGOV], names: [مجلس النواب]}\n"
        "  - {id: oeda-2, codes: [IRQLEG], names: [مجلس النواب]}\n"
        "  - {id: oeda-3, codes: [LBNGOV], names: [حزب الله]}\n"  # shadowed by the curated ones
    )
    directory = make_lexicon(
        {"actors/a.yaml": "provenance: test\nactors:\n" + lebanese + iraqi, "actors/oeda.yaml": imported}
    )
    findings = _findings(directory)
    assert [severity for severity, _ in findings] == [WARNING, WARNING]
    assert main(["lexicon", "check", "--data-dir", str(directory)]) == 0  # warnings do not fail
    assert any("hezbollah" in m and "resolved by the country in context" in m for _, m in findings)
    assert any("oeda-1" in m and "oeda-2" in m for _, m in findings)
    assert not any("oeda-3" in m for _, m in findings)


ROLE_ACTORS = (
    "provenance: test\nactors:\n"
    "  - {id: a, type: person, codes: [{code: SYRGOV, from: 2000-01-01, to: 2010-01-01}], names: [ألف باء]}\n"
    "  - {id: b, type: person, codes: [{code: SYRGOV, from: 2005-01-01}], names: [جيم دال]}\n"
)


def _role(*tenures: str, code: str = "GOV") -> str:
    lines = "".join(f"        - {tenure}\n" for tenure in tenures)
    return (
        f"roles:\n  - id: fm\n    names: [وزير الخارجية]\n    code: {code}\n    holders:\n      SYR:\n{lines}"
    )


def test_overlapping_tenures_are_an_error_but_the_handover_day_is_not(make_lexicon: MakeLexicon, capsys):
    handover = _role("{actor: a, from: 2001-01-01, to: 2006-01-01}", "{actor: b, from: 2006-01-01}")
    assert _findings(make_lexicon({"actors/people.yaml": ROLE_ACTORS, "actors/roles.yaml": handover})) == []
    overlap = _role("{actor: a, from: 2001-01-01, to: 2006-01-01}", "{actor: b, from: 2005-06-01}")
    directory = make_lexicon({"actors/people.yaml": ROLE_ACTORS, "actors/roles.yaml": overlap})
    [(severity, message)] = _findings(directory)
    assert severity == ERROR
    assert message.startswith(
        "actors/roles.yaml:8: role fm (SYR): b from 2005-06-01 overlaps a (to 2006-01-01"
    )
    assert main(["lexicon", "check", "--data-dir", str(directory)]) == 1
    assert f"1 errors (conflicting aliases, overlapping tenures, tenures outside codes):\n  {message}\n" in (
        capsys.readouterr().out
    )


def test_tenure_outside_the_holders_codes_is_an_error(make_lexicon: MakeLexicon):
    beyond = _role("{actor: a, from: 2001-01-01, to: 2012-01-01}")  # a is SYRGOV only until 2010
    [(severity, message)] = _findings(
        make_lexicon({"actors/people.yaml": ROLE_ACTORS, "actors/roles.yaml": beyond})
    )
    assert severity == ERROR
    assert message.startswith("actors/roles.yaml:7: role fm (SYR): tenure 2001-01-01..2012-01-01 of a")
    military = _role("{actor: b, from: 2006-01-01}", code="MIL")  # b has no SYRMIL code
    [(_, message)] = _findings(
        make_lexicon({"actors/people.yaml": ROLE_ACTORS, "actors/roles.yaml": military})
    )
    assert "not inside any SYRMIL code" in message


def test_holder_dates_in_the_wrong_order_are_a_schema_error(make_lexicon: MakeLexicon, capsys):
    reversed_dates = _role("{actor: a, from: 2006-01-01, to: 2001-01-01}")
    directory = make_lexicon({"actors/people.yaml": ROLE_ACTORS, "actors/roles.yaml": reversed_dates})
    assert main(["lexicon", "check", "--data-dir", str(directory)]) == 1
    assert "actors/roles.yaml:7: holder a: from 2006-01-01 is after to 2001-01-01" in capsys.readouterr().err


def _saudinewsnet(root: Path, texts: list[str]) -> Path:
    """A corpus in the SaudiNewsNet layout: dataset/<day>.zip holding <day>.json, an array of articles."""
    articles = [
        {
            "source": "test",
            "url": f"u{i}",
            "date_extracted": "2015-07-21 10:00:00",
            "title": "",
            "content": text,
        }
        for i, text in enumerate(texts)
    ]
    (root / "dataset").mkdir(parents=True)
    with zipfile.ZipFile(root / "dataset" / "2015-07-21.zip", "w") as bundle:
        bundle.writestr("2015-07-21.json", json.dumps(articles, ensure_ascii=False))
    return root


NOISY_PLACES = (
    "provenance: test\nplaces:\n"
    "  - {id: khums, name_en: Al Khums, names_ar: [الخمس], country: LBY, lat: 32.6, lon: 14.3, kind: city}\n"
    "  - {id: damascus, name_en: Damascus, names_ar: [دمشق], country: SYR, lat: 33.5, lon: 36.3, kind: city}\n"
)


def test_noisy_aliases_are_measured_on_a_corpus(make_lexicon: MakeLexicon, tmp_path: Path):
    directory = make_lexicon({"places/curated.yaml": NOISY_PLACES})
    corpus = _saudinewsnet(
        tmp_path / "saudinewsnet",
        [
            "وصل خمسة وزراء إلى دمشق بعد خمس ساعات من المحادثات.",
            "قتل خمسة أشخاص في الخمس الليبية، وعاد الوفد إلى دمشق.",
            "استمرت الزيارة خمس ساعات في دمشق.",
        ],
    )
    report = measure_aliases(_compiled(directory), [corpus], limit=0)
    assert report.stats.documents == 3
    frequencies = {f.key: f for f in report.frequencies}
    assert frequencies["دمشق"].hits == 3 and frequencies["دمشق"].unnamelike_share == 0
    assert frequencies["خمس"].hits == 5
    assert [(f.aliases, f.unnamelike_share) for f in report.noisy] == [(("الخمس",), 0.8)]


def test_check_with_a_corpus_lists_noisy_aliases_as_warnings(
    make_lexicon: MakeLexicon, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    directory = make_lexicon({"places/curated.yaml": NOISY_PLACES})
    corpus = _saudinewsnet(tmp_path / "saudinewsnet", ["مضت خمس سنوات وخمسة أشهر على زيارته دمشق."])
    assert main(["lexicon", "check", "--data-dir", str(directory), "--corpus", str(corpus)]) == 0
    output = capsys.readouterr().out
    assert "1 noisy aliases (warnings) on 1 documents" in output
    assert "الخمس  →  place:khums (places/curated.yaml:3)" in output


def test_shipped_lexicon_passes():
    findings = check_lexicon(load_compiled())
    errors = [str(f) for f in findings if f.severity == ERROR]
    assert not errors, "\n".join(errors[:20])
