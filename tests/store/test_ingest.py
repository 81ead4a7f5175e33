"""Ingest end to end: real documents, errors recorded, idempotent, and resumable after SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from hadath.store import Store
from hadath.store.ingest import ingest


def test_ingest_records_errors_and_a_second_run_adds_nothing(tmp_path: Path, write_corpus):
    source = write_corpus(tmp_path / "c.jsonl", 12, broken=True)
    db = tmp_path / "s.duckdb"
    first = ingest([source], db, batch_size=4, progress=False)
    assert (first.read, first.stored, first.errors) == (12, 12, 2)  # the empty text is a reading error
    assert first.events > 0 and first.sentences > 12
    second = ingest([source], db, batch_size=4, progress=False)
    assert (second.stored, second.already_stored, second.errors) == (0, 12, 2)
    with Store(db, read_only=True) as store:
        counts = store.counts()
        assert counts["documents"] == 12 and counts["errors"] == 2
        causes = sorted(row[0] for row in store.query("SELECT cause FROM errors")[1])
        assert causes[0] == "empty document" and causes[1].startswith("invalid JSON")


def test_a_document_whose_analysis_crashes_is_recorded_and_the_rest_is_stored(
    tmp_path: Path, monkeypatch, write_corpus
):
    from hadath.pipeline import Pipeline

    pipeline = Pipeline()
    real = pipeline.analyze

    def flaky(document):
        if document.id == "n2":
            raise ValueError("synthetic failure")
        return real(document)

    monkeypatch.setattr(pipeline, "analyze", flaky)
    summary = ingest(
        [write_corpus(tmp_path / "c.jsonl", 5)], tmp_path / "s.duckdb", pipeline=pipeline, progress=False
    )
    assert (summary.stored, summary.errors) == (4, 1)
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        [(doc_id, cause)] = store.query("SELECT doc_id, cause FROM errors")[1]
        assert doc_id == "n2" and "analysis failed: ValueError: synthetic failure" in cause


def _snapshot(db: Path) -> dict[str, list]:
    with Store(db, read_only=True) as store:
        return {
            "documents": store.query(
                "SELECT * EXCLUDE (ingested_at, origin) FROM documents ORDER BY doc_key"
            )[1],
            "event_sources": store.query("SELECT * FROM event_sources ORDER BY doc_key, event_no")[1],
            "events": store.query("SELECT * FROM events ORDER BY event_id")[1],
            "mentions": store.query("SELECT count(*) FROM mentions")[1],
            "quotations": store.query("SELECT * FROM quotations ORDER BY doc_key, quote_no")[1],
        }


@pytest.mark.slow
def test_sigkill_midway_then_resume_equals_an_uninterrupted_ingest(tmp_path: Path, write_corpus):
    source = write_corpus(tmp_path / "c.jsonl", 150)
    killed_db, clean_db = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    command = [
        sys.executable,
        "-m",
        "hadath.cli",
        "ingest",
        str(source),
        "--batch-size",
        "5",
        "--no-progress",
        "-v",
    ]
    process = subprocess.Popen(
        [*command, "--db", str(killed_db)], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith("committed batch 4:"):
            os.kill(process.pid, signal.SIGKILL)
            break
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    with Store(killed_db, read_only=True) as store:  # consistent after the kill: whole batches only
        stored = store.counts()["documents"]
        assert 20 <= stored < 150 and stored % 5 == 0
    resumed = subprocess.run([*command, "--db", str(killed_db)], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{150 - stored} stored, {stored} already in the store" in resumed.stdout
    clean = subprocess.run([*command, "--db", str(clean_db)], capture_output=True, text=True, timeout=300)
    assert clean.returncode == 0, clean.stderr
    assert _snapshot(killed_db) == _snapshot(clean_db)
