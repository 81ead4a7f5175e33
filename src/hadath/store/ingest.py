"""Ingest: read documents, analyse the ones the store lacks, and write them in transactional batches.

Resumable by construction: a document is stored with its whole analysis in one transaction and keyed
by the hash of its text, so after an interruption (Ctrl-C, SIGKILL, power loss) the next ingest of the
same inputs skips what was committed and analyses the rest. A document that cannot be read, is not Arabic,
or whose analysis fails or times out is recorded in the ``errors`` table and the run goes on.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TextIO

from tqdm import tqdm

from hadath.guarded import analyse_or_error
from hadath.io.readers import read_documents
from hadath.pipeline import Pipeline
from hadath.schema import Analysis, Document, InputError
from hadath.store.database import Store, content_key

DEFAULT_BATCH_SIZE = 100
DEFAULT_TIMEOUT_S = 120.0  # a 1 MB document takes about 15 s (docs/benchmarks.md)


@dataclass(slots=True)
class IngestSummary:
    read: int = 0  # documents read (errors not counted)
    stored: int = 0
    already_stored: int = 0
    errors: int = 0
    sentences: int = 0
    events: int = 0
    seconds: float = 0.0

    def __str__(self) -> str:
        rate = self.stored / self.seconds if self.seconds else 0.0
        return (
            f"{self.read} documents read: {self.stored} stored, {self.already_stored} already in the store, "
            f"{self.errors} errors; {self.sentences} sentences, {self.events} event records; "
            f"{self.seconds:.1f} s ({rate:.1f} documents/s)"
        )


def ingest(
    inputs: Sequence[str | Path],
    db: str | Path,
    *,
    pipeline: Pipeline | None = None,
    default_date: date | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool = True,
    log: TextIO | None = None,
    on_error: Callable[[InputError], None] | None = None,
    timeout: float | None = DEFAULT_TIMEOUT_S,
) -> IngestSummary:
    """Ingest ``inputs`` (anything :func:`read_documents` reads) into the store at ``db``.

    ``log`` receives one line per committed batch; ``on_error`` is called for each error as it happens;
    a document whose analysis takes longer than ``timeout`` seconds is recorded as an error.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, not {batch_size}")
    started = time.perf_counter()
    summary = IngestSummary()
    with Store(db) as store:
        pipeline = pipeline or Pipeline()
        known = store.document_keys()
        batch: list[tuple[Document, Analysis] | InputError] = []
        documents_in_batch = 0
        batches = 0
        bar = tqdm(unit=" docs", disable=not progress, file=sys.stderr, dynamic_ncols=True, smoothing=0.05)
        with bar:
            for item in read_documents(list(inputs), default_date=default_date):
                result = _analyse(pipeline, item, known, summary, timeout)
                if result is None:
                    bar.update()
                    continue
                batch.append(result)
                if isinstance(result, InputError):
                    summary.errors += 1
                    if on_error:
                        on_error(result)
                else:
                    documents_in_batch += 1
                    bar.update()
                if documents_in_batch >= batch_size or len(batch) >= 10 * batch_size:
                    batches += 1
                    _commit(store, batch, batches, summary, log)
                    bar.set_postfix(stored=summary.stored, events=summary.events, errors=summary.errors)
                    batch, documents_in_batch = [], 0
            if batch:
                _commit(store, batch, batches + 1, summary, log)
    summary.seconds = time.perf_counter() - started
    return summary


def _analyse(
    pipeline: Pipeline,
    item: Document | InputError,
    known: set[str],
    summary: IngestSummary,
    timeout: float | None,
) -> tuple[Document, Analysis] | InputError | None:
    """The document with its analysis, an error, or None when the store already has the text."""
    if isinstance(item, InputError):
        return item
    summary.read += 1
    key = content_key(item.text)
    if key in known:
        summary.already_stored += 1
        return None
    known.add(key)  # the same text twice in one run is stored once
    result = analyse_or_error(pipeline, item, timeout)
    return result if isinstance(result, InputError) else (item, result)


def _commit(
    store: Store,
    batch: list[tuple[Document, Analysis] | InputError],
    number: int,
    summary: IngestSummary,
    log: TextIO | None,
) -> None:
    written = store.write(batch)
    summary.stored += written.documents
    summary.events += written.events
    summary.sentences += sum(item[1].sentences for item in batch if not isinstance(item, InputError))
    if log is not None:
        print(f"committed batch {number}: {written.documents} documents, {written.errors} errors", file=log)
        log.flush()
