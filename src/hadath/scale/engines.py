"""Engines that analyse chunks in parallel: a local process pool, or a Dask cluster (dask_engine.py).

Both take an iterator of chunks and yield their results as they complete, keeping at most
``IN_FLIGHT_PER_WORKER`` chunks per worker queued: memory stays bounded however large the corpus.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from hadath.pipeline import Pipeline
from hadath.scale.work import RUN_EPOCH, Chunk, ChunkResult, analyse_chunk, set_worker_pipeline
from hadath.schema import Document, InputError
from hadath.store.database import TableRows

IN_FLIGHT_PER_WORKER = 2
MAX_ATTEMPTS = 3  # a chunk whose worker dies this many times is recorded as errors


def failed_chunk(chunk: Chunk, cause: str) -> ChunkResult:
    """The result of a chunk that could not be analysed: every item becomes an error."""
    rows = TableRows()
    for item in chunk.items:
        if isinstance(item, Document):
            item = InputError(item.origin or item.id, cause, item.id)
        rows.add(item, RUN_EPOCH)
    return ChunkResult(chunk.number, rows, chunk.documents, 0, len(chunk.items), items=len(chunk.items))


class LocalEngine:
    """A pool of worker processes on this machine. The pipeline is loaded once, before the workers are
    forked, so they share its memory pages until they write to them."""

    name = "local"

    def __init__(
        self,
        workers: int,
        pipeline: Pipeline,
        timeout: float | None,
        out_dir: str | None = None,
        keep_rows: bool = True,
    ) -> None:
        """With ``out_dir``, workers write the chunks' Parquet files (the disk is shared: one machine) and
        send rows back only when ``keep_rows``."""
        if workers < 1:
            raise ValueError(f"workers must be >= 1, not {workers}")
        self.workers = workers
        self.pipeline = pipeline
        self.timeout = timeout
        self.task_options = (out_dir, keep_rows)
        self.note: Callable[[str], None] = lambda message: None

    def run(self, chunks: Iterable[Chunk]) -> Iterator[ChunkResult]:
        set_worker_pipeline(self.pipeline)  # inherited by the forked workers
        context = multiprocessing.get_context("fork")
        pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
        pending: dict[Future[ChunkResult], tuple[Chunk, int]] = {}
        source = iter(chunks)
        exhausted = False
        try:
            while True:
                while not exhausted and len(pending) < IN_FLIGHT_PER_WORKER * self.workers:
                    chunk = next(source, None)
                    if chunk is None:
                        exhausted = True
                        break
                    pending[pool.submit(analyse_chunk, chunk, self.timeout, *self.task_options)] = (chunk, 1)
                if not pending:
                    return
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                broken: list[tuple[Chunk, int]] = []
                for future in done:
                    chunk, attempt = pending.pop(future)
                    try:
                        yield future.result()
                    except BrokenProcessPool:
                        broken.append((chunk, attempt))
                if broken:  # a worker died (killed, out of memory): new pool, retry what it held
                    broken += [pending.pop(future) for future in list(pending)]
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context)
                    for chunk, attempt in sorted(broken, key=lambda item: item[0].number):
                        if attempt >= MAX_ATTEMPTS:
                            cause = f"worker process died {attempt} times analysing this chunk"
                            self.note(f"chunk {chunk.number}: {cause}; recorded as errors")
                            yield failed_chunk(chunk, cause)
                        else:
                            retry = pool.submit(analyse_chunk, chunk, self.timeout, *self.task_options)
                            pending[retry] = (chunk, attempt + 1)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
