"""``hadath serve``: the HTTP API and the web workbench of a store, served by uvicorn."""

from __future__ import annotations

import argparse
import ipaddress
import os

from hadath.cli_common import error
from hadath.serve import DEFAULT_ANALYSIS_TIMEOUT, DEFAULT_MAX_BODY_BYTES

LOOPBACK_NAMES = ("localhost",)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from hadath.serve.app import WorkbenchMissing, create_app
    from hadath.store.database import Store, StoreError

    token = args.token or os.environ.get("HADATH_TOKEN") or None
    try:
        # Open once here so that a wrong file is a one-line error, not a traceback from the startup.
        Store(args.db).close()
        app = create_app(
            args.db,
            token=token,
            max_body_bytes=args.max_body_bytes,
            analysis_timeout=args.analysis_timeout,
            cors_origins=args.cors_origin or (),
            workbench=not args.no_workbench,
        )
    except (StoreError, WorkbenchMissing, ValueError) as problem:
        error(str(problem))
        return 2
    if token is None and not _is_loopback(args.host):
        error(
            f"warning: serving {args.host} without a token: whoever reaches it can read and write the store"
        )
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        server_header=False,
        timeout_keep_alive=5,
        limit_concurrency=args.limit_concurrency,
    )
    return 0


def _is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def register(commands: argparse._SubParsersAction) -> None:
    serve = commands.add_parser("serve", help="serve the HTTP API and the web workbench of a store")
    serve.add_argument("--db", required=True, help="the store file (created when absent)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--token",
        help="require 'Authorization: Bearer TOKEN' on every request (default: $HADATH_TOKEN, else none)",
    )
    serve.add_argument(
        "--max-body-bytes",
        type=int,
        default=DEFAULT_MAX_BODY_BYTES,
        help=f"larger request bodies get 413 (default {DEFAULT_MAX_BODY_BYTES})",
    )
    serve.add_argument(
        "--analysis-timeout",
        type=float,
        default=DEFAULT_ANALYSIS_TIMEOUT,
        help=f"seconds one request may analyse (default {DEFAULT_ANALYSIS_TIMEOUT:g})",
    )
    serve.add_argument(
        "--cors-origin",
        action="append",
        help="allow cross-origin requests from this origin (repeatable; none by default)",
    )
    serve.add_argument("--no-workbench", action="store_true", help="serve the API only, no workbench")
    serve.add_argument(
        "--limit-concurrency",
        type=int,
        default=64,
        help="connections served at once; more get 503 (default 64)",
    )
    serve.add_argument(
        "--log-level", default="info", choices=("critical", "error", "warning", "info", "debug")
    )
    serve.set_defaults(handler=cmd_serve)
