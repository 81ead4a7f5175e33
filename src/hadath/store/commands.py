"""The store's commands: ``hadath ingest``, ``hadath query`` and ``hadath export``."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from hadath.cli_common import date_arg, error
from hadath.schema import InputError
from hadath.store.database import Store, StoreError

QUERY_FORMATS = ("table", "csv", "jsonl")


def cmd_ingest(args: argparse.Namespace) -> int:
    from hadath.store.ingest import ingest

    def report(problem: InputError) -> None:
        if args.verbose:
            error(str(problem))

    try:
        summary = ingest(
            args.paths,
            args.db,
            default_date=args.date,
            batch_size=args.batch_size,
            progress=not args.no_progress,
            log=sys.stderr if args.verbose else None,
            on_error=report,
        )
    except StoreError as problem:
        error(str(problem))
        return 2
    print(summary)
    if summary.errors:
        print(f'{summary.errors} errors recorded: hadath query --db {args.db} "SELECT * FROM errors"')
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    import duckdb

    from hadath.output import render_rows

    try:
        with Store(args.db, read_only=True) as store:
            columns, rows = store.query(args.sql)
    except StoreError as problem:
        error(str(problem))
        return 2
    except duckdb.Error as problem:
        error(f"query failed: {str(problem).strip().splitlines()[0]}")
        return 2
    if args.format == "table":
        print(render_rows(columns, rows))
        print(f"({len(rows)} rows)")
    elif args.format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        for row in rows:
            record = dict(zip(columns, row, strict=True))
            print(json.dumps(record, ensure_ascii=False, default=str))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from hadath.mosaic.export import export_table

    try:
        with Store(args.db, read_only=True) as store:
            count = export_table(store, args.table, args.format, args.out, start=args.start, end=args.end)
    except (StoreError, ValueError) as problem:
        error(str(problem))
        return 2
    print(f"{count} rows of {args.table} written to {args.out} ({args.format})")
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    ingest = commands.add_parser("ingest", help="analyse documents into a DuckDB store (resumable)")
    ingest.add_argument(
        "paths", nargs="+", help="files, directories, zip archives (.txt .jsonl .json .csv .gz)"
    )
    ingest.add_argument("--db", required=True, help="the store file (created when absent)")
    ingest.add_argument("--date", type=date_arg, help="date (YYYY-MM-DD) for documents without one")
    ingest.add_argument("--batch-size", type=int, default=100, help="documents per transaction")
    ingest.add_argument("--no-progress", action="store_true", help="no progress bar")
    ingest.add_argument("--verbose", "-v", action="store_true", help="log each batch and error to stderr")
    ingest.set_defaults(handler=cmd_ingest)

    query = commands.add_parser("query", help="run read-only SQL on a store (docs/store.md has examples)")
    query.add_argument("sql")
    query.add_argument("--db", required=True)
    query.add_argument("--format", choices=QUERY_FORMATS, default="table")
    query.set_defaults(handler=cmd_query)

    export = commands.add_parser("export", help="write a store table as CSV, Parquet or a GDELT event file")
    export.add_argument("out", help="the file to write")
    export.add_argument("--db", required=True)
    export.add_argument("--table", default="events", help="events (default), event_sources, documents ...")
    export.add_argument("--format", choices=("csv", "parquet", "gdelt"), default="csv")
    export.add_argument("--from", dest="start", type=date_arg, help="first day (YYYY-MM-DD)")
    export.add_argument("--to", dest="end", type=date_arg, help="last day (YYYY-MM-DD)")
    export.set_defaults(handler=cmd_export)
