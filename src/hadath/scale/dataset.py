"""A run's Parquet dataset, partitioned by document date, with the checkpoint manifest that makes a killed
run resume where it stopped.

Layout of ``--out DIR``::

    DIR/_run.json                      inputs, their fingerprint, chunk size, versions
    DIR/_chunks.jsonl                  one line per finished chunk (the checkpoint manifest)
    DIR/<table>/day=YYYY-MM-DD/chunk-000012.parquet   documents, mentions, event_sources, quotations, claims
    DIR/errors/chunk-000012.parquet
    DIR/actors/chunk-000012.parquet
    DIR/events/day=YYYY-MM-DD/events.parquet            deduplicated at the end of the run

A chunk's files are written under temporary names and renamed into place, then the chunk is appended to
the manifest and the manifest flushed to disk: a chunk is in the manifest only when all its files are
complete. Resuming skips the chunks of the manifest; files of a chunk that was cut short are rewritten
(same name, same content: the output depends on the input only).

Partitions are Hive-style ``day=`` directories (the document's date, ``undated`` when it has none), read
by DuckDB (``read_parquet('DIR/events/*/*.parquet', hive_partitioning = true)``), pyarrow, Spark and
pandas.
"""

from __future__ import annotations

import json
import os
import shutil
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from hadath import __version__
from hadath.store.database import EVIDENCE_COLUMNS, ROW_TABLES, TableRows, arrow_schema, evidence_from_row
from hadath.store.dedup import DEFAULT_WINDOW_DAYS, deduplicate
from hadath.store.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from hadath.scale.work import ChunkResult

MANIFEST = "_chunks.jsonl"
RUN_FILE = "_run.json"
UNDATED = "undated"
# run-independent output: ingestion timestamps live in the manifest, not in the rows
_TIMESTAMP_COLUMNS = {"documents": "ingested_at", "errors": "recorded_at"}
_PARTITIONED = ("documents", "mentions", "event_sources", "quotations", "claims")


class DatasetError(Exception):
    """The output directory cannot be used for this run."""


class ParquetDataset:
    def __init__(self, directory: str | Path, run: dict[str, Any]) -> None:
        """Open ``directory`` for the run described by ``run`` (inputs, fingerprint, chunk size).

        A directory holding a run of other inputs or another chunk size is refused: resuming it would
        mix two corpora."""
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        run_file = self.directory / RUN_FILE
        expected = {**run, "schema_version": SCHEMA_VERSION}
        if run_file.exists():
            previous = json.loads(run_file.read_text(encoding="utf-8"))
            for key in ("fingerprint", "chunk_size", "schema_version"):
                if previous.get(key) != expected.get(key):
                    raise DatasetError(
                        f"{self.directory} holds a run with another {key.replace('_', ' ')} "
                        f"({previous.get(key)!r}, now {expected.get(key)!r}); use a new --out directory"
                    )
        else:
            _write_atomically(run_file, json.dumps({**expected, "hadath": __version__}, indent=2))
        self.done = self._read_manifest()

    def _read_manifest(self) -> set[int]:
        path = self.directory / MANIFEST
        if not path.exists():
            return set()
        done = set()
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                done.add(int(json.loads(line)["chunk"]))
            except (ValueError, KeyError, TypeError):
                continue  # a line cut short by a kill: its chunk is simply redone
        return done

    def write_chunk(self, result: ChunkResult) -> None:
        """Write the chunk's files (unless its worker did) and record the chunk in the manifest."""
        if not result.written:
            write_chunk_files(self.directory, result.number, result.rows)
        record = {
            "chunk": result.number,
            "documents": result.documents,
            "errors": result.errors,
            "sentences": result.sentences,
            "seconds": round(result.seconds, 3),
            "worker": result.worker,
            "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        with (self.directory / MANIFEST).open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        self.done.add(result.number)

    def finish(self, window_days: int = DEFAULT_WINDOW_DAYS) -> int:
        """Deduplicate every chunk's evidence into ``events/day=*/events.parquet``; returns the count."""
        sources = self.directory / "event_sources"
        documents = self.directory / "documents"
        if not sources.exists() or not documents.exists():
            return 0
        with duckdb.connect() as scratch:
            rows = scratch.execute(
                f"""
                SELECT {", ".join("e." + column for column in EVIDENCE_COLUMNS)}, d.source, d.url
                FROM read_parquet('{_glob(sources)}', hive_partitioning = false) e
                JOIN read_parquet('{_glob(documents)}', hive_partitioning = false) d USING (doc_key)
                WHERE e.modality <> 'negated'
                """
            ).fetchall()
        events = deduplicate((evidence_from_row(row) for row in rows), window_days)
        target = self.directory / "events"
        staging = self.directory / "events.tmp"
        shutil.rmtree(staging, ignore_errors=True)
        by_date: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for event in events:
            row = event.row()
            by_date[row["event_date"].isoformat() if row["event_date"] else UNDATED].append(row)
        for day, day_rows in sorted(by_date.items()):
            _write_table("events", day_rows, staging / f"day={day}" / "events.parquet")
        shutil.rmtree(target, ignore_errors=True)
        if by_date:
            os.replace(staging, target)
        return len(events)


def write_chunk_files(directory: Path, number: int, rows: TableRows) -> None:
    """The Parquet files of chunk ``number`` under ``directory``, each written under a temporary name and
    renamed into place. Called by a local worker (which then returns no rows) or by the coordinator."""
    dates = {row["doc_key"]: row["date"] for row in rows.tables["documents"]}
    name = f"chunk-{number:06d}.parquet"
    for table in ROW_TABLES:
        table_rows = rows.tables[table]
        if not table_rows:
            continue
        if table in _PARTITIONED:
            by_date: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for row in table_rows:
                day = dates.get(row["doc_key"])
                by_date[day.isoformat() if day else UNDATED].append(row)
            for day, day_rows in sorted(by_date.items()):
                _write_table(table, day_rows, directory / table / f"day={day}" / name)
        else:
            _write_table(table, table_rows, directory / table / name)


def _write_table(table: str, rows: list[dict[str, Any]], path: Path) -> None:
    dropped = _TIMESTAMP_COLUMNS.get(table)
    columns = [c for c in rows[0] if c != dropped]
    arrow = pa.Table.from_pylist(
        [{c: row[c] for c in columns} for row in rows], schema=arrow_schema(table, columns)
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".parquet.tmp")
    pq.write_table(arrow, temporary)
    os.replace(temporary, path)


def _glob(directory: Path) -> str:
    return str(directory / "**" / "*.parquet").replace("'", "''")


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def read_table(directory: str | Path, table: str) -> pa.Table:
    """A table of a run's dataset (all partitions), for tests and tools."""
    files: Iterable[Path] = sorted((Path(directory) / table).rglob("*.parquet"))
    tables = [pq.read_table(path) for path in files]
    return pa.concat_tables(tables) if tables else pa.table({})
