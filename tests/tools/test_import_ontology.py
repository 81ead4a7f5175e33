"""Tests of tools/import_ontology.py on inline samples, plus a regeneration check against ../shared."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import import_ontology as io_mod
import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(__file__).resolve().parents[3] / "shared"

PLOVER_SAMPLE = """\
# CAMEO to PLOVER conversion table
# Edited by: someone

03: AGREE
030: AGREE,  , diplomatic # Express intent to cooperate
0311: AGREE,  ,   economic # padded field
08: CONCEDE
080: CONCEDE,   ,  # empty mode and context
08: RETREAT
0861: RETREAT, access , peacekeeping # blank inside the mode field
091: ACCUSE, investigate, crime; corruption # two contexts
175: ASSAULT, pro_autocracy , military # a context word in the mode field
175: ASSAULT, pro_autocracy , military # exact repeat
19: ASSAULT
195: ASSAULT, heavy-weapons, military # Employ aerial weapons
~~~~~
"""

INDEX_HTML = """<html><body><h1>x</h1>
<h2 id="top">Index</h2>
<table cellpadding="12">
 <tr><td><a href="#AGREE">AGREE</a></td><td><a href="#CONSULT">CONSULT</a></td>
     <td><a href="#SUPPORT">SUPPORT</a></td><td><a href="#CONCEDE">CONCEDE</a></td></tr>
 <tr><td><a href="#COOPERATE">COOPERATE</a></td><td><a href="#AID">AID</a></td>
     <td><a href="#RETREAT">RETREAT</a></td><td><a href="#INVESTIGATE">INVESTIGATE</a></td></tr>
 <tr><td><a href="#DEMAND">DEMAND</a></td><td><a href="#DISAPPROVE">DISAPPROVE</a></td>
     <td><a href="#REJECT">REJECT</a></td><td><a href="#THREATEN">THREATEN</a></td></tr>
 <tr><td><a href="#PROTEST">PROTEST</a></td><td><a href="#SANCTION">SANCTION</a></td></tr>
 <tr><td><a href="#ASSAULT">ASSAULT</a></td></tr>
</table>
<h2 id="AGREE">AGREE</h2><p>text</p>
</body></html>
"""


@pytest.mark.parametrize(
    ("code", "quad"),
    [
        ("01", "verbal_cooperation"),
        ("057", "verbal_cooperation"),
        ("0211", "verbal_cooperation"),
        ("06", "material_cooperation"),
        ("0874", "material_cooperation"),
        ("09", "verbal_conflict"),
        ("139", "verbal_conflict"),
        ("14", "material_conflict"),
        ("1951", "material_conflict"),
        ("2042", "material_conflict"),
    ],
)
def test_quad_class_by_root(code: str, quad: str) -> None:
    assert io_mod.quad_class(code) == quad


@pytest.mark.parametrize("code", ["00", "21", "1", "1a", "01234"])
def test_quad_class_rejects_non_codes(code: str) -> None:
    with pytest.raises(ValueError):
        io_mod.quad_class(code)


def test_parse_tsv_keeps_codes_as_strings() -> None:
    text = "CAMEOEVENTCODE\tEVENTDESCRIPTION\n01\tMAKE PUBLIC STATEMENT\n010\tMake statement\n10\tDEMAND\n"
    rows = io_mod.parse_tsv(text, ("CAMEOEVENTCODE", "EVENTDESCRIPTION"))
    assert rows == {"01": ("MAKE PUBLIC STATEMENT", 2), "010": ("Make statement", 3), "10": ("DEMAND", 4)}


def test_parse_tsv_errors() -> None:
    header = ("CAMEOEVENTCODE", "GOLDSTEINSCALE")
    with pytest.raises(ValueError, match="header"):
        io_mod.parse_tsv("CODE\tX\n01\t0.0\n", header)
    with pytest.raises(ValueError, match="duplicate"):
        io_mod.parse_tsv("CAMEOEVENTCODE\tGOLDSTEINSCALE\n01\t0.0\n01\t1.0\n", header)
    with pytest.raises(ValueError, match="2 tab-separated"):
        io_mod.parse_tsv("CAMEOEVENTCODE\tGOLDSTEINSCALE\n01 0.0\n", header)


def test_parse_plover_table_fields() -> None:
    table = io_mod.parse_plover_table(PLOVER_SAMPLE)
    rows = table.rows
    assert (rows["03"].type, rows["03"].mode, rows["03"].context) == ("AGREE", "", "")
    assert (rows["030"].type, rows["030"].mode, rows["030"].context) == ("AGREE", "", "diplomatic")
    assert rows["0311"].context == "economic"
    assert (rows["080"].mode, rows["080"].context) == ("", "")
    assert (rows["0861"].mode, rows["0861"].context) == ("access", "peacekeeping")
    assert (rows["091"].mode, rows["091"].context) == ("investigate", "crime;corruption")
    assert (rows["175"].mode, rows["175"].context) == ("pro_autocracy", "military")
    assert rows["030"].line == 5


def test_parse_plover_table_duplicates_keep_first_and_warn() -> None:
    table = io_mod.parse_plover_table(PLOVER_SAMPLE)
    assert table.rows["08"].type == "CONCEDE"
    messages = dict(table.warnings)
    assert "conflicts with line 7" in messages[9]
    assert "repeats line 12" in messages[13]
    assert len(table.warnings) == 2


def test_parse_plover_table_reports_bad_lines() -> None:
    table = io_mod.parse_plover_table("030 AGREE\n031: agree, , diplomatic\n032: AGREE, Bad Mode, x\n")
    lines = [line for line, _ in table.warnings]
    assert lines == [1, 2, 3]
    assert "031" not in table.rows
    assert table.rows["032"].mode == "Bad Mode"  # kept, but flagged


def test_plover_inheritance_walks_up_to_the_root() -> None:
    table = io_mod.parse_plover_table(PLOVER_SAMPLE)
    row, inherited = io_mod.plover_for("1951", table)
    assert row is not None and row.code == "195" and inherited
    row, inherited = io_mod.plover_for("196", table)
    assert row is not None and row.code == "19" and inherited
    row, inherited = io_mod.plover_for("195", table)
    assert row is not None and row.code == "195" and not inherited
    assert io_mod.plover_for("0211", table) == (None, False)


def test_plover_index_quads() -> None:
    rows = io_mod.parse_plover_index(INDEX_HTML)
    assert rows[0] == ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"]
    quads = io_mod.plover_quads_from_index(rows)
    assert quads["CONCEDE"] == "verbal_cooperation"
    assert quads["INVESTIGATE"] == "material_cooperation"
    assert quads["THREATEN"] == "verbal_conflict"
    assert quads["ASSAULT"] == "material_conflict"  # the fifth row still belongs to material conflict


def test_plover_index_rejects_unexpected_layout() -> None:
    with pytest.raises(ValueError, match="layout"):
        io_mod.plover_quads_from_index([["AGREE", "CONSULT"], ["AID"], ["DEMAND"], ["ASSAULT"]])
    with pytest.raises(ValueError, match="index table"):
        io_mod.parse_plover_index("<html><table><tr><td>AGREE</td></tr></table></html>")


def _fake_shared(root: Path) -> Path:
    cameo = root / "data/ontology/cameo"
    plover = root / "data/ontology/plover"
    cameo.mkdir(parents=True)
    plover.mkdir(parents=True)
    codes = [
        ("01", "MAKE PUBLIC STATEMENT", "0.0"),
        ("010", "Make statement, not specified below", "0.0"),
        ("03", "EXPRESS INTENT TO COOPERATE", "4.0"),
        ("030", "Express intent to cooperate", "4.0"),
        ("091", "Investigate crime, corruption", "-2.0"),
        ("19", "FIGHT", "-10.0"),
        ("195", "Employ aerial weapons", "-10"),
        ("1951", "Employ precision-guided aerial munitions", "-10.0"),
    ]
    (cameo / "eventcodes.tsv").write_text(
        "CAMEOEVENTCODE\tEVENTDESCRIPTION\n" + "".join(f"{c}\t{label}\n" for c, label, _ in codes)
    )
    (cameo / "goldstein.tsv").write_text(
        "CAMEOEVENTCODE\tGOLDSTEINSCALE\n" + "".join(f"{c}\t{g}\n" for c, _, g in codes)
    )
    (plover / io_mod.PLOVER_TABLE).write_text(PLOVER_SAMPLE)
    (plover / io_mod.PLOVER_REFERENCE).write_text(INDEX_HTML)
    return root


def test_build_on_a_small_tree(tmp_path: Path) -> None:
    result = io_mod.build(_fake_shared(tmp_path / "shared"))
    rows = {r["code"]: r for r in csv.DictReader(io.StringIO(result.cameo_csv))}
    assert list(rows) == ["01", "010", "03", "030", "091", "19", "195", "1951"]
    assert rows["010"]["label"] == "Make statement, not specified below"
    assert rows["010"]["plover_type"] == ""
    assert rows["195"]["goldstein"] == "-10.0"
    assert rows["030"]["quad_class"] == "verbal_cooperation"
    assert rows["1951"]["quad_class"] == "material_conflict"
    assert (rows["1951"]["plover_type"], rows["1951"]["plover_mode"]) == ("ASSAULT", "heavy-weapons")
    assert rows["1951"]["provenance"].endswith("(inherited from 195)")
    assert rows["030"]["provenance"] == (
        "gdelt:eventcodes.tsv:5; gdelt:goldstein.tsv:5; plover:CAMEO2PLOVER-2021.txt:5"
    )
    assert result.stats["codes"] == 8
    assert result.stats["codes with inherited PLOVER mapping"] == 1
    assert any("0311 is not a CAMEO code" in w for w in result.warnings)

    plover = {r["type"]: r for r in csv.DictReader(io.StringIO(result.plover_csv))}
    assert plover["AGREE"]["quad_class"] == "verbal_cooperation"
    assert plover["AGREE"]["cameo_codes"] == "2"  # 03 and 030 by their own lines
    accuse = plover["ACCUSE"]  # used by the table, absent from the reference index
    assert (accuse["quad_source"], accuse["quad_class"], accuse["cameo_codes"]) == (
        "cameo_majority",
        "verbal_conflict",
        "1",
    )
    assert plover["CONCEDE"]["quad_class"] == "verbal_cooperation"  # PLOVER's, although CAMEO 08 is material
    assert plover["CONSULT"]["cameo_quad_class"] == ""


def test_build_rejects_mismatched_tables(tmp_path: Path) -> None:
    shared = _fake_shared(tmp_path / "shared")
    path = shared / "data/ontology/cameo/goldstein.tsv"
    path.write_text(path.read_text() + "20\t-10.0\n")
    with pytest.raises(ValueError, match="differ"):
        io_mod.build(shared)


def test_write_and_main(tmp_path: Path) -> None:
    shared = _fake_shared(tmp_path / "shared")
    out = tmp_path / "data"
    assert io_mod.main(["--shared", str(shared), "--out", str(out)]) == 0
    text = (out / "ontology" / "cameo.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == ",".join(io_mod.CAMEO_COLUMNS)
    assert io_mod.main(["--shared", str(tmp_path / "missing"), "--out", str(out)]) == 2


@pytest.mark.shared
@pytest.mark.skipif(
    not (SHARED / "data").is_dir(),
    reason=f"shared data not found at {SHARED / 'data'} (third-party data, not in the repo)",
)
def test_shipped_ontology_matches_a_fresh_import() -> None:
    result = io_mod.build(SHARED)
    shipped = REPO / "src" / "hadath" / "data" / "ontology"
    assert (shipped / "cameo.csv").read_text(encoding="utf-8") == result.cameo_csv, (
        "ontology/cameo.csv is stale: run python tools/import_ontology.py"
    )
    assert (shipped / "plover.csv").read_text(encoding="utf-8") == result.plover_csv, (
        "ontology/plover.csv is stale: run python tools/import_ontology.py"
    )
    rows = list(csv.DictReader(io.StringIO(result.cameo_csv)))
    assert len(rows) == 311
    assert len({r["code"] for r in rows}) == len(rows)
    assert {r["quad_class"] for r in rows} == set(io_mod.QUAD_CLASSES)
