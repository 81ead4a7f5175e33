"""``hadath run``: a corpus through the pipeline on all cores (or a Dask cluster), into a DuckDB store
and/or a Parquet dataset, resumable after any interruption.

The coordinating process reads the inputs, cuts them into chunks (:mod:`hadath.scale.work`), hands the
chunks to an engine, and writes each finished chunk: into the store (one transaction; documents keyed by
the hash of their text) and/or into the dataset (files renamed into place, then the checkpoint manifest).
A resumed run skips the chunks of the manifest, or, with a store alone, the documents already stored.
"""

from __future__ import annotations

import glob
import hashlib
import os
import resource
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tqdm import tqdm

from hadath.io.readers import read_documents
from hadath.pipeline import Pipeline
from hadath.scale.dataset import ParquetDataset
from hadath.scale.engines import LocalEngine
from hadath.scale.work import Chunk, ChunkResult
from hadath.schema import Document, InputError
from hadath.store.database import Store, content_key

if TYPE_CHECKING:
    from hadath.scale.dask_engine import DaskEngine

DEFAULT_CHUNK_SIZE = 50
DEFAULT_TIMEOUT_S = 120.0
ENGINES = ("local", "dask")


@dataclass(slots=True)
class RunSummary:
    engine: str
    workers: int
    documents: int = 0  # analysed in this run
    skipped: int = 0  # documents done by an earlier run (resumed) or already in the store
    sentences: int = 0
    evidence: int = 0  # event records (event_sources rows)
    events: int = 0  # deduplicated events in the output
    errors: int = 0
    seconds: float = 0.0
    worker_peak_rss_mib: dict[str, float] = field(default_factory=dict)
    coordinator_peak_rss_mib: float = 0.0

    def lines(self) -> list[str]:
        rate = self.documents / self.seconds if self.seconds else 0.0
        sentence_rate = self.sentences / self.seconds if self.seconds else 0.0
        peak = max(self.worker_peak_rss_mib.values(), default=0.0)
        return [
            f"{self.documents} documents analysed ({self.skipped} skipped: done before), {self.sentences} "
            f"sentences, {self.evidence} event records, {self.events} events after deduplication, "
            f"{self.errors} errors",
            f"{self.seconds:.1f} s, {rate:.1f} documents/s, {sentence_rate:.0f} sentences/s "
            f"on {self.workers} {self.engine} worker(s)",
            f"peak memory: {peak:.0f} MiB per worker (max of {len(self.worker_peak_rss_mib)}), "
            f"{self.coordinator_peak_rss_mib:.0f} MiB coordinator",
        ]


def expand_inputs(patterns: Sequence[str]) -> tuple[list[str], list[InputError]]:
    """Paths for ``patterns`` (globs are expanded, sorted); a pattern matching nothing is an error."""
    paths: list[str] = []
    errors: list[InputError] = []
    for pattern in patterns:
        if pattern == "-" or os.path.exists(pattern) or not glob.has_magic(pattern):
            paths.append(pattern)
            continue
        matches = sorted(glob.glob(pattern, recursive=True))
        if matches:
            paths.extend(matches)
        else:
            errors.append(InputError(pattern, "no file matches this pattern"))
    return paths, errors


def fingerprint(paths: Sequence[str]) -> str:
    """A hash of the inputs' names, sizes and modification times (files under directories included)."""
    digest = hashlib.sha256()
    for path in paths:
        files = (
            [Path(path)]
            if not Path(path).is_dir()
            else sorted(p for p in Path(path).rglob("*") if p.is_file())
        )
        for file in files:
            try:
                info = file.stat()
                digest.update(f"{file}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
            except OSError:
                digest.update(f"{file}\0missing\n".encode())
    return digest.hexdigest()[:32]


def run(
    inputs: Sequence[str],
    *,
    out: str | Path | None = None,
    db: str | Path | None = None,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    timeout: float | None = DEFAULT_TIMEOUT_S,
    progress: bool = True,
    note: Callable[[str], None] | None = None,
) -> RunSummary:
    if out is None and db is None:
        raise ValueError("give --out DIR, --db FILE or both")
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if chunk_size < 1:
        raise ValueError(f"chunk size must be >= 1, not {chunk_size}")
    note = note or (lambda message: print(message, file=sys.stderr))
    started = time.perf_counter()
    summary = RunSummary(engine, workers)
    paths, pattern_errors = expand_inputs(inputs)
    dataset = None
    if out is not None:
        run_description = {
            "inputs": [str(p) for p in paths],
            "fingerprint": fingerprint(paths),
            "chunk_size": chunk_size,
        }
        dataset = ParquetDataset(out, run_description)
    pipeline = Pipeline()
    total = len(pattern_errors) + sum(1 for _ in read_documents(paths))
    runner = _engine(engine, workers, pipeline, timeout, scheduler, out, keep_rows=db is not None)
    runner.note = note
    store = Store(db) if db is not None else None  # opened after the pipeline, before the workers start
    try:
        known = store.document_keys() if store is not None and dataset is None else set()
        bar = tqdm(
            total=total,
            unit=" docs",
            disable=not progress,
            file=sys.stderr,
            dynamic_ncols=True,
            smoothing=0.1,
        )
        with bar:
            chunks = _chunks(
                paths, pattern_errors, chunk_size, dataset.done if dataset else set(), known, summary, bar
            )
            for result in runner.run(chunks):
                _write(result, store, dataset, summary)
                bar.update(result.items)
                bar.set_postfix(events=summary.evidence, errors=summary.errors)
        if dataset is not None:
            summary.events = dataset.finish()
        if store is not None:
            summary.events = store.counts()["events"]
    finally:
        if store is not None:
            store.close()
    summary.seconds = time.perf_counter() - started
    summary.coordinator_peak_rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return summary


def _engine(
    engine: str,
    workers: int,
    pipeline: Pipeline,
    timeout: float | None,
    scheduler: str | None,
    out: str | Path | None,
    keep_rows: bool,
) -> LocalEngine | DaskEngine:
    if engine == "dask":  # remote workers may not see the output directory: the coordinator writes
        from hadath.scale.dask_engine import DaskEngine

        return DaskEngine(workers, pipeline, timeout, scheduler)
    return LocalEngine(workers, pipeline, timeout, str(out) if out is not None else None, keep_rows)


def _chunks(
    paths: list[str],
    pattern_errors: list[InputError],
    size: int,
    done: set[int],
    known: set[str],
    summary: RunSummary,
    bar: tqdm,
) -> Iterator[Chunk]:
    number = 0
    items: list[Document | InputError] = list(pattern_errors)
    for item in read_documents(paths):
        items.append(item)
        if len(items) >= size:
            yield from _chunk(number, items, done, known, summary, bar)
            number, items = number + 1, []
    if items:
        yield from _chunk(number, items, done, known, summary, bar)


def _chunk(
    number: int,
    items: list[Document | InputError],
    done: set[int],
    known: set[str],
    summary: RunSummary,
    bar: tqdm,
) -> Iterator[Chunk]:
    if number in done:
        skipped = sum(1 for item in items if isinstance(item, Document))
        summary.skipped += skipped
        bar.update(len(items))
        return
    if known:  # a store alone: documents it holds are not analysed again
        fresh = [
            item for item in items if isinstance(item, InputError) or content_key(item.text) not in known
        ]
        summary.skipped += len(items) - len(fresh)
        bar.update(len(items) - len(fresh))
        items = fresh
    if items:
        yield Chunk(number, items)


def _write(
    result: ChunkResult, store: Store | None, dataset: ParquetDataset | None, summary: RunSummary
) -> None:
    if store is not None:
        store.write_rows(result.rows)
    if dataset is not None:
        dataset.write_chunk(result)
    summary.documents += result.documents
    summary.sentences += result.sentences
    summary.evidence += result.evidence
    summary.errors += result.errors
    if result.worker:
        previous = summary.worker_peak_rss_mib.get(result.worker, 0.0)
        summary.worker_peak_rss_mib[result.worker] = max(previous, result.peak_rss_mib)
