"""The unit of work of a corpus run: a chunk of documents, analysed in a worker into table rows.

A chunk is a run of consecutive items (documents and reading errors) of the input stream; its number is
its position in that stream, so the same inputs always give the same chunks. Workers return table rows
(:class:`~hadath.store.database.TableRows`), built where the analysis ran, so the coordinating process
only writes.
"""

from __future__ import annotations

import os
import resource
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from hadath.guarded import analyse_or_error
from hadath.pipeline import Pipeline
from hadath.scale.dataset import write_chunk_files
from hadath.schema import Document, InputError
from hadath.store.database import TableRows

# ingested_at / recorded_at of rows made by a run: a fixed instant, so that the same input gives the same
# output bytes; the manifest records when each chunk really ran
RUN_EPOCH = datetime(1970, 1, 1)

_pipeline: Pipeline | None = None  # one per worker process, loaded once (or inherited through fork)


def set_worker_pipeline(pipeline: Pipeline) -> None:
    global _pipeline
    _pipeline = pipeline


def worker_pipeline() -> Pipeline:
    global _pipeline
    if _pipeline is None:
        _pipeline = Pipeline()
    return _pipeline


@dataclass(slots=True)
class Chunk:
    number: int
    items: list[Document | InputError]

    @property
    def documents(self) -> int:
        return sum(1 for item in self.items if isinstance(item, Document))


@dataclass(slots=True)
class ChunkResult:
    number: int
    rows: TableRows
    documents: int  # documents analysed (not counting reading errors)
    sentences: int
    errors: int
    seconds: float = 0.0
    worker: str = ""  # host:pid
    peak_rss_mib: float = 0.0
    items: int = 0  # documents and reading errors of the chunk
    evidence: int = 0  # event records (rows of event_sources)
    written: bool = False  # the worker wrote the chunk's Parquet files itself (then ``rows`` may be empty)


def analyse_chunk(
    chunk: Chunk, timeout: float | None, out_dir: str | None = None, keep_rows: bool = True
) -> ChunkResult:
    """Analyse every document of ``chunk`` with this worker's pipeline; never raises for a document.

    With ``out_dir`` the worker writes the chunk's Parquet files itself, and returns its rows only when
    ``keep_rows`` (a store needs them): the coordinator then has almost nothing to do per chunk."""
    started = time.perf_counter()
    pipeline = worker_pipeline()
    rows = TableRows()
    sentences = errors = documents = 0
    for item in chunk.items:
        if isinstance(item, InputError):
            rows.add(item, RUN_EPOCH)
            errors += 1
            continue
        documents += 1
        result = analyse_or_error(pipeline, item, timeout)
        if isinstance(result, InputError):
            rows.add(result, RUN_EPOCH)
            errors += 1
            continue
        rows.add((item, result), RUN_EPOCH)
        sentences += result.sentences
    evidence = len(rows.tables["event_sources"])
    if out_dir is not None:
        write_chunk_files(Path(out_dir), chunk.number, rows)
        if not keep_rows:
            rows = TableRows()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return ChunkResult(
        chunk.number,
        rows,
        documents,
        sentences,
        errors,
        time.perf_counter() - started,
        f"{os.uname().nodename}:{os.getpid()}",
        peak_kib / 1024,
        len(chunk.items),
        evidence,
        out_dir is not None,
    )
