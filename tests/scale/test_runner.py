"""`hadath run`: local and Dask engines give the same output, a killed run resumes to the same output,
broken entries end in the errors table, and nothing else is lost."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pyarrow as pa
import pytest

from hadath.scale.dataset import DatasetError, read_table
from hadath.scale.runner import expand_inputs, run
from hadath.store import Store

TABLES = ("documents", "mentions", "event_sources", "events", "quotations", "claims", "errors", "actors")
SORT_KEYS = {
    "documents": ["doc_key"],
    "mentions": ["doc_key", "mention_no"],
    "event_sources": ["doc_key", "event_no"],
    "events": ["event_id"],
    "quotations": ["doc_key", "quote_no"],
    "claims": ["doc_key", "claim_no"],
    "errors": ["origin", "doc_id", "cause"],
    "actors": ["actor_id"],
}


def dataset(directory: Path) -> dict[str, pa.Table]:
    tables = {}
    for table in TABLES:
        loaded = read_table(directory, table)
        if loaded.num_columns:
            if table == "actors":  # each chunk lists the actors it saw: compare the set
                loaded = pa.Table.from_pylist(
                    sorted({tuple(r.values()): r for r in loaded.to_pylist()}.values(), key=str)
                )
            tables[table] = loaded.sort_by([(key, "ascending") for key in SORT_KEYS[table]])
    return tables


def test_the_same_input_twice_gives_the_same_output_and_store(tmp_path: Path, write_corpus):
    source = write_corpus(tmp_path / "c.jsonl", 24, broken=True)
    first = run(
        [str(source)], out=tmp_path / "a", db=tmp_path / "a.duckdb", workers=2, chunk_size=5, progress=False
    )
    second = run([str(source)], out=tmp_path / "b", workers=1, chunk_size=5, progress=False)
    assert (first.documents, first.errors) == (24, 2)  # invalid JSON and the empty text
    assert first.events == second.events > 0
    assert dataset(tmp_path / "a") == dataset(tmp_path / "b")
    with Store(tmp_path / "a.duckdb", read_only=True) as store:
        assert store.counts()["documents"] == 24
        assert store.counts()["events"] == read_table(tmp_path / "a", "events").num_rows
    # partitions by document date, Hive style
    assert (tmp_path / "a" / "documents" / "day=2016-03-01").is_dir()


def test_a_finished_run_resumes_to_nothing_and_other_inputs_are_refused(tmp_path: Path, write_corpus):
    source = write_corpus(tmp_path / "c.jsonl", 10)
    run(
        [str(source)], out=tmp_path / "out", db=tmp_path / "s.duckdb", workers=1, chunk_size=4, progress=False
    )
    again = run([str(source)], out=tmp_path / "out", workers=1, chunk_size=4, progress=False)
    assert (again.documents, again.skipped) == (0, 10)
    store_only = run([str(source)], db=tmp_path / "s.duckdb", workers=1, chunk_size=4, progress=False)
    assert (store_only.documents, store_only.skipped) == (0, 10)
    other = write_corpus(tmp_path / "other.jsonl", 3)
    with pytest.raises(DatasetError, match="another fingerprint"):
        run([str(other)], out=tmp_path / "out", workers=1, progress=False)


def test_broken_entries_end_in_the_errors_table_and_nothing_else_is_lost(tmp_path: Path, write_corpus):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_corpus(corpus / "good.jsonl", 6)
    with zipfile.ZipFile(corpus / "day.zip", "w", zipfile.ZIP_STORED) as bundle:
        bundle.writestr(
            "a.json", json.dumps([{"content": "قصفت الطائرات مواقع في حلب."}] * 40, ensure_ascii=False)
        )
        bundle.writestr("b.json", json.dumps([{"content": "تظاهر المحتجون في بغداد."}], ensure_ascii=False))
    raw = bytearray((corpus / "day.zip").read_bytes())
    raw[120] ^= 0xFF  # corrupt member a.json: its CRC no longer matches
    (corpus / "day.zip").write_bytes(bytes(raw))
    lines = [
        "{invalid json",
        json.dumps({"id": "english", "text": "The army shelled rebel positions near Aleppo on Monday."}),
        json.dumps({"id": "huge", "text": "قصف " * 5_000_000}, ensure_ascii=False),  # 20 MB of text
        json.dumps(
            {"id": "fine", "text": "اجتمع وزير الخارجية المصري بنظيره السعودي في الرياض."}, ensure_ascii=False
        ),
    ]
    (corpus / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = run([str(corpus)], out=tmp_path / "out", workers=2, chunk_size=3, progress=False)
    errors = read_table(tmp_path / "out", "errors").to_pylist()
    causes = {(e["doc_id"], e["cause"].split(":")[0].split(" (")[0]) for e in errors}
    assert ("english", "not Arabic text") in causes
    assert ("huge", "document too large") in causes
    assert any(
        e["origin"].endswith("mixed.jsonl:1") and e["cause"].startswith("invalid JSON") for e in errors
    )
    assert any("day.zip!a.json" in e["origin"] for e in errors)
    stored = {d["doc_id"] for d in read_table(tmp_path / "out", "documents").to_pylist()}
    assert {f"n{i}" for i in range(6)} | {"fine", "day/b/1"} == stored
    assert summary.errors == len(errors) == 4


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_events_as_the_local_engine(tmp_path: Path, write_corpus):
    source = write_corpus(tmp_path / "c.jsonl", 30)
    run([str(source)], out=tmp_path / "local", workers=2, chunk_size=6, progress=False)
    notes: list[str] = []
    run(
        [str(source)],
        out=tmp_path / "dask",
        workers=2,
        engine="dask",
        chunk_size=6,
        progress=False,
        note=notes.append,
    )
    assert any("dashboard http://127.0.0.1:" in n for n in notes)
    assert dataset(tmp_path / "local") == dataset(tmp_path / "dask")


@pytest.mark.slow
def test_sigkill_midway_then_resume_equals_an_uninterrupted_run(tmp_path: Path, write_corpus):
    source = write_corpus(tmp_path / "c.jsonl", 240)
    command = [
        sys.executable,
        "-m",
        "hadath.cli",
        "run",
        str(source),
        "--workers",
        "2",
        "--chunk-size",
        "6",
        "--no-progress",
    ]
    killed = tmp_path / "killed"
    process = subprocess.Popen(
        [*command, "--out", str(killed)],
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    manifest = killed / "_chunks.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if manifest.exists() and len(manifest.read_text().splitlines()) >= 6:
            os.killpg(process.pid, signal.SIGKILL)  # the coordinator and its workers
            break
        time.sleep(0.05)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    done = len(manifest.read_text().splitlines())
    assert 6 <= done < 40
    resumed = subprocess.run([*command, "--out", str(killed)], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert "skipped: done before" in resumed.stdout
    clean = subprocess.run(
        [*command, "--out", str(tmp_path / "clean")], capture_output=True, text=True, timeout=300
    )
    assert clean.returncode == 0, clean.stderr
    assert dataset(killed) == dataset(tmp_path / "clean")


def test_globs_expand_and_unmatched_patterns_are_errors(tmp_path: Path, write_corpus):
    write_corpus(tmp_path / "a.jsonl", 1)
    write_corpus(tmp_path / "b.jsonl", 1)
    paths, errors = expand_inputs([str(tmp_path / "*.jsonl"), str(tmp_path / "nothing-*.zip")])
    assert paths == [str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")]
    assert len(errors) == 1 and errors[0].cause == "no file matches this pattern"
