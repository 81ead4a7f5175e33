"""``hadath run``: batch coding of a corpus on all cores or on a Dask cluster."""

from __future__ import annotations

import argparse
import os

from hadath.cli_common import error
from hadath.scale.runner import DEFAULT_CHUNK_SIZE, DEFAULT_TIMEOUT_S, ENGINES


def cmd_run(args: argparse.Namespace) -> int:
    from hadath.scale.dataset import DatasetError
    from hadath.scale.runner import run
    from hadath.store.database import StoreError

    try:
        summary = run(
            args.inputs,
            out=args.out,
            db=args.db,
            workers=args.workers,
            engine=args.engine,
            scheduler=args.scheduler,
            chunk_size=args.chunk_size,
            timeout=args.timeout or None,
            progress=not args.no_progress,
        )
    except (StoreError, DatasetError, ValueError) as problem:
        error(str(problem))
        return 2
    for line in summary.lines():
        print(line)
    where = f'hadath query --db {args.db} "SELECT * FROM errors"' if args.db else f"{args.out}/errors/"
    if summary.errors:
        print(f"errors recorded: {where}")
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    run = commands.add_parser("run", help="code a corpus on all cores or a Dask cluster (resumable)")
    run.add_argument("inputs", nargs="+", help="files, directories, globs, .zip archives, .jsonl(.gz), .csv")
    run.add_argument("--out", help="write a Parquet dataset partitioned by date into this directory")
    run.add_argument("--db", help="write into this DuckDB store")
    run.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)"
    )
    run.add_argument("--engine", choices=ENGINES, default="local")
    run.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://host:8786)")
    run.add_argument("--chunk-size", type=int, default=DEFAULT_CHUNK_SIZE, help="documents per task")
    run.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT_S, help="seconds one document may take (0: no limit)"
    )
    run.add_argument("--no-progress", action="store_true")
    run.set_defaults(handler=cmd_run)
