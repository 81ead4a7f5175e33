"""Helpers of the serve tests: a real ``python -m hadath.cli serve`` on 127.0.0.1 in a subprocess, and
where the example texts are."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "news.jsonl"
WORKED = ROOT.parent / "shared" / "examples" / "syria-2016-withdrawal" / "article.txt"
WORKED_DATE = date(2016, 3, 16)
STARTUP_SECONDS = 90  # a cold lexicon cache is compiled at the first start (about 10 s, more on a busy CI)


@dataclass
class Server:
    """A running ``hadath serve``; ``client`` sends the token when the server has one."""

    base_url: str
    process: subprocess.Popen
    log: Path
    token: str | None = None
    client: httpx.Client = field(init=False)

    def __post_init__(self) -> None:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        self.client = httpx.Client(base_url=self.base_url, headers=headers, timeout=60)

    def stop(self) -> None:
        self.client.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(db: Path, log: Path, *, token: str | None = None, args: tuple[str, ...] = ()) -> Server:
    """Start ``hadath serve`` on a free port and wait until it answers; fail with its log otherwise."""
    env = {k: v for k, v in os.environ.items() if k != "HADATH_TOKEN"}
    if token:
        env["HADATH_TOKEN"] = token
    for _ in range(3):  # another process may take the free port before the server binds it
        port = _free_port()
        command = [sys.executable, "-m", "hadath.cli", "serve", "--db", str(db), "--port", str(port)]
        with log.open("w") as output:
            process = subprocess.Popen(
                [*command, "--log-level", "warning", *args], stdout=output, stderr=subprocess.STDOUT, env=env
            )
        server = Server(f"http://127.0.0.1:{port}", process, log, token)
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if server.client.get("/stats").status_code == 200:
                    return server
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        server.stop()
        if "address already in use" not in log.read_text():
            break
    pytest.fail(f"hadath serve did not start:\n{log.read_text()}")


def copy_store(source: Path, directory: Path) -> Path:
    target = directory / source.name
    shutil.copyfile(source, target)
    return target


@dataclass(frozen=True)
class Sample:
    text: str
    date: str
