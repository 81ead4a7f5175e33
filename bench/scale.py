"""Corpus-scale throughput of `hadath run`: 1 vs N workers (scaling ratio), local vs Dask, peak memory.

    python bench/scale.py [--corpus DIR] [--days K] [--workers 1 2] [--engines local dask] [--out DIR]

Runs the SaudiNewsNet corpus (or its first K days: one zip a day) through `hadath run` once per
(engine, workers) pair, each into a fresh Parquet dataset, and prints documents/s, sentences/s, the
scaling ratio against the first worker count, and the peak memory per worker and of the coordinator.
A benchmark, not a test; results go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path

from hadath.scale.runner import run

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared/data/corpus/saudinewsnet/dataset"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--days", type=int, default=0, help="first K daily zips only (0 = all)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--engines", nargs="+", default=["local"], choices=["local", "dask"])
    parser.add_argument("--chunk-size", type=int, default=50)
    parser.add_argument("--out", type=Path, help="keep the datasets here (default: a temporary directory)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus} (it lives in ../shared/data); nothing to measure")
        return 2
    zips = sorted(str(p) for p in args.corpus.glob("*.zip"))
    if args.days:
        zips = zips[: args.days]
    base = args.out or Path(tempfile.mkdtemp(prefix="hadath-bench-"))
    results = []
    for engine in args.engines:
        for workers in args.workers:
            out = base / f"{engine}-{workers}"
            shutil.rmtree(out, ignore_errors=True)
            summary = run(
                zips, out=out, workers=workers, engine=engine, chunk_size=args.chunk_size, progress=False
            )
            figures = {
                "engine": engine,
                "workers": workers,
                "documents": summary.documents,
                "errors": summary.errors,
                "sentences": summary.sentences,
                "events": summary.events,
                "seconds": round(summary.seconds, 1),
                "documents_per_s": round(summary.documents / summary.seconds, 1),
                "sentences_per_s": round(summary.sentences / summary.seconds),
                "peak_rss_per_worker_mib": round(max(summary.worker_peak_rss_mib.values(), default=0)),
                "coordinator_peak_rss_mib": round(summary.coordinator_peak_rss_mib),
            }
            results.append(figures)
            print(json.dumps(figures), flush=True)
    first = {r["engine"]: r for r in results if r["workers"] == args.workers[0]}
    for r in results:
        r["scaling"] = round(r["documents_per_s"] / first[r["engine"]]["documents_per_s"], 2)
    print(f"\nmachine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"corpus: {len(zips)} daily zips of {args.corpus}")
    header = (
        "engine",
        "workers",
        "documents",
        "errors",
        "seconds",
        "documents_per_s",
        "sentences_per_s",
        "scaling",
        "peak_rss_per_worker_mib",
        "coordinator_peak_rss_mib",
    )
    print(" | ".join(header))
    for r in results:
        print(" | ".join(str(r[h]) for h in header))
    if not args.out:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
