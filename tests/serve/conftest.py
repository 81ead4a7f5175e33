"""Fixtures of the serve tests: a store holding the project's example texts (and the worked example from
../shared when present), and a real server over a copy of it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_support import EXAMPLES, WORKED, WORKED_DATE, Sample, Server, copy_store, start_server

from hadath.store.ingest import ingest


@pytest.fixture(scope="session")
def example_store(tmp_path_factory) -> Path:
    """A store of examples/news.jsonl and the worked example (when ../shared is present), closed so that
    each server can take a copy of it."""
    db = tmp_path_factory.mktemp("serve-store") / "examples.duckdb"
    ingest([EXAMPLES], db, progress=False)
    if WORKED.is_file():
        ingest([WORKED], db, default_date=WORKED_DATE, progress=False)
    return db


@pytest.fixture(scope="session")
def server(example_store: Path, tmp_path_factory) -> Iterator[Server]:
    """A server without a token over a copy of the example store (shared by the API and browser tests)."""
    directory = tmp_path_factory.mktemp("server")
    running = start_server(copy_store(example_store, directory), directory / "server.log")
    yield running
    running.stop()


@pytest.fixture(scope="session")
def sample() -> Sample:
    """The worked example when ../shared is present, else the longest of the project's example texts."""
    if WORKED.is_file():
        return Sample(WORKED.read_text(encoding="utf-8"), WORKED_DATE.isoformat())
    lines = EXAMPLES.read_text(encoding="utf-8").splitlines()
    longest = max((json.loads(line) for line in lines if line.strip()), key=lambda r: len(r["text"]))
    return Sample(longest["text"], longest["date"])
