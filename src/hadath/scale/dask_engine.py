"""The Dask engine: the same chunks on ``dask.distributed`` (any scheduler, or a LocalCluster)."""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable, Iterator

from distributed import Client, Future, LocalCluster, WorkerPlugin, as_completed

from hadath.pipeline import Pipeline
from hadath.scale.engines import IN_FLIGHT_PER_WORKER, failed_chunk
from hadath.scale.work import Chunk, ChunkResult, analyse_chunk, set_worker_pipeline

TASK_RETRIES = 2


class PipelinePlugin(WorkerPlugin):
    """Dask worker plugin: builds the worker's pipeline once, from the lexicon the client compiled and
    shipped with the plugin (workers need Hadath installed, not its lexicon cache)."""

    name = "hadath-pipeline"

    def __init__(self, compiled: bytes) -> None:
        self.compiled = compiled

    def setup(self, worker: object) -> None:
        set_worker_pipeline(Pipeline(compiled=pickle.loads(self.compiled)))


class DaskEngine:
    """The same work on ``dask.distributed``: a scheduler address, or a LocalCluster of ``workers``
    single-threaded processes. Failed tasks are retried by Dask (``retries``)."""

    name = "dask"

    def __init__(
        self, workers: int, pipeline: Pipeline, timeout: float | None, scheduler: str | None = None
    ) -> None:
        self.workers = workers
        self.pipeline = pipeline
        self.timeout = timeout
        self.scheduler = scheduler
        self.note: Callable[[str], None] = lambda message: None

    def run(self, chunks: Iterable[Chunk]) -> Iterator[ChunkResult]:
        cluster = None
        if self.scheduler:
            client = Client(self.scheduler)
        else:
            cluster = LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address="127.0.0.1:0",
                silence_logs=40,  # errors only: the progress bar owns the terminal
            )
            client = Client(cluster)
        try:
            self.note(f"dask: {client.scheduler.address}, dashboard {client.dashboard_link}")
            client.register_plugin(PipelinePlugin(pickle.dumps(self.pipeline.compiled, protocol=5)))
            slots = IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info()["workers"]))
            futures = as_completed(with_results=False)
            chunk_of: dict[str, Chunk] = {}
            for chunk in chunks:
                while futures.count() >= slots:
                    yield self._result(next(futures), chunk_of)
                future = client.submit(
                    analyse_chunk,
                    chunk,
                    self.timeout,
                    key=f"hadath-chunk-{chunk.number}",
                    retries=TASK_RETRIES,
                    pure=False,
                )
                chunk_of[future.key] = chunk
                futures.add(future)
            for future in futures:
                yield self._result(future, chunk_of)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    def _result(self, future: Future, chunk_of: dict[str, Chunk]) -> ChunkResult:
        chunk = chunk_of.pop(future.key)
        try:
            return future.result()
        except Exception as error:  # the task failed on every retry
            self.note(f"chunk {chunk.number} failed on every retry: {type(error).__name__}: {error}")
            return failed_chunk(chunk, f"task failed after retries: {type(error).__name__}: {error}")
