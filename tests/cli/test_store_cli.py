"""`hadath ingest`, `query`, `export` and `mosaic` on the project's own example texts (and the worked
example from ../shared when present)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from hadath.cli import main
from hadath.eval.example import load_expected
from hadath.store import Store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
WORKED = ROOT.parent / "shared" / "examples" / "syria-2016-withdrawal"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("store") / "news.duckdb"
    assert main(["ingest", str(EXAMPLES), "--db", str(db), "--no-progress"]) == 0
    return db


def test_ingest_prints_a_summary_and_is_idempotent(store: Path, capsys):
    assert main(["ingest", str(EXAMPLES), "--db", str(store), "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "0 stored" in out and "already in the store" in out


def test_query_formats_and_read_only(store: Path, capsys):
    assert (
        main(
            [
                "query",
                "--db",
                str(store),
                "SELECT doc_id, genre FROM documents ORDER BY doc_id",
                "--format",
                "jsonl",
            ]
        )
        == 0
    )
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["doc_id"] for r in records] == ["hadath-demo-001", "hadath-demo-002", "hadath-demo-003"]
    assert main(["query", "--db", str(store), "SELECT count(*) AS n FROM events"]) == 0
    assert "(1 rows)" in capsys.readouterr().out
    assert main(["query", "--db", str(store), "DROP TABLE events"]) == 2
    assert "query failed" in capsys.readouterr().err
    assert main(["query", "--db", str(store), "SELEC nonsense"]) == 2
    with Store(store, read_only=True) as opened:
        assert opened.counts()["events"] > 0


def test_export_events_as_gdelt_csv_and_parquet(store: Path, tmp_path: Path, capsys):
    gdelt = tmp_path / "events.tsv"
    assert main(["export", str(gdelt), "--db", str(store), "--format", "gdelt"]) == 0
    rows = [line.split("\t") for line in gdelt.read_text(encoding="utf-8").splitlines()]
    assert rows and all(len(r) == 58 for r in rows)
    assert all(r[26][:2] == r[28] and r[29] in "1234" for r in rows)  # EventCode, EventRootCode, QuadClass
    table = tmp_path / "sources.csv"
    assert (
        main(["export", str(table), "--db", str(store), "--table", "event_sources", "--from", "2019-01-01"])
        == 0
    )
    with table.open(encoding="utf-8") as handle:
        dates = {r["event_date"] for r in csv.DictReader(handle)}
    assert dates and min(dates) >= "2019-01-01"
    assert (
        main(
            ["export", str(tmp_path / "x.tsv"), "--db", str(store), "--table", "claims", "--format", "gdelt"]
        )
        == 2
    )
    assert "events only" in capsys.readouterr().err


def test_mosaic_table_plot_and_outputs(store: Path, tmp_path: Path, capsys):
    plot, graph = tmp_path / "m.png", tmp_path / "m.gexf"
    code = main(
        [
            "mosaic",
            "--db",
            str(store),
            "--period",
            "month",
            "--plot",
            str(plot),
            "--out",
            str(graph),
            "--out",
            str(tmp_path / "m.parquet"),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0 and "dyad-periods" in out and "balance" in out
    assert plot.read_bytes()[:4] == b"\x89PNG" and graph.exists() and (tmp_path / "m.parquet").exists()
    assert main(["mosaic", "--db", str(store), "--actor", "RUS"]) == 0
    assert "adversaries of RUS" in capsys.readouterr().out
    assert main(["mosaic", "--db", str(tmp_path / "absent.duckdb")]) == 2


@pytest.mark.shared
@pytest.mark.skipif(not WORKED.is_dir(), reason=f"worked example not available at {WORKED} (needs ../shared)")
def test_worked_example_mosaic_from_the_store_has_the_expected_dyads(tmp_path: Path, capsys):
    document, expected = load_expected(WORKED)
    db = tmp_path / "worked.duckdb"
    date = document.date.isoformat()
    assert (
        main(["ingest", str(WORKED / "article.txt"), "--db", str(db), "--date", date, "--no-progress"]) == 0
    )
    capsys.readouterr()
    assert main(["mosaic", "--db", str(db), "--limit", "0", "--out", str(tmp_path / "d.csv")]) == 0
    with (tmp_path / "d.csv").open(encoding="utf-8") as handle:
        found = {(r["actor1"], r["actor2"]): r["balance"] for r in csv.DictReader(handle)}
    for item in expected["mosaic"]["must"] + expected["mosaic"].get("should", []):
        first, second = item["dyad"]
        balances = {
            balance
            for (a, b), balance in found.items()
            if (a.startswith(first) and b.startswith(second))
            or (a.startswith(second) and b.startswith(first))
        }
        assert item["balance"] in balances, (item, found)
