"""Latency of ``POST /analyze`` against a real ``hadath serve`` (uvicorn on 127.0.0.1), after warm-up.

    python bench/serve_latency.py [--requests 200] [--warmup 10] [--text FILE --date YYYY-MM-DD]

Analyses the worked example (../shared/examples/syria-2016-withdrawal/article.txt, dated 2016-03-16), or,
when ../shared is absent, the longest of the project's example texts, ``--requests`` times over one
keep-alive connection, one request at a time. Prints the first (cold) request's round trip, then the
median, p95 and worst round trip after warm-up as the client sees it (HTTP, JSON and validation
included) and the server's own analysis time. Target: p95 under 200 ms after warm-up. A benchmark, not
a test. Results go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
WORKED = ROOT.parent / "shared" / "examples" / "syria-2016-withdrawal" / "article.txt"
WORKED_DATE = "2016-03-16"
EXAMPLES = ROOT / "examples" / "news.jsonl"
TARGET_MS = 200.0


def default_text() -> tuple[str, str, str]:
    """(text, date, what it is)."""
    if WORKED.is_file():
        return WORKED.read_text(encoding="utf-8"), WORKED_DATE, str(WORKED)
    records = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    longest = max(records, key=lambda record: len(record["text"]))
    return longest["text"], longest["date"], f"{EXAMPLES} ({longest['id']})"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "hadath.cli", "serve", "--db", str(db), "--port", str(port)]
    process = subprocess.Popen([*command, "--log-level", "warning", "--no-workbench"])
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"{base_url}/stats").status_code == 200:
                return process, base_url
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("hadath serve did not start")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=10, help="requests before measuring (at least 1)")
    parser.add_argument("--text", type=Path, help="a UTF-8 text file to analyse instead")
    parser.add_argument("--date", help="its document date (YYYY-MM-DD)")
    args = parser.parse_args()
    if args.warmup < 1 or args.requests < 1:
        parser.error("--warmup and --requests must be at least 1")
    if args.text:
        text, day, what = args.text.read_text(encoding="utf-8"), args.date, str(args.text)
    else:
        text, day, what = default_text()
    body = {"text": text, "date": day} if day else {"text": text}
    with tempfile.TemporaryDirectory() as directory:
        process, base_url = start_server(Path(directory) / "bench.duckdb")
        try:
            with httpx.Client(base_url=base_url, timeout=60) as client:
                started = time.perf_counter()
                client.post("/analyze", json=body).raise_for_status()
                first_ms = (time.perf_counter() - started) * 1000
                for _ in range(args.warmup - 1):
                    client.post("/analyze", json=body).raise_for_status()
                round_trips: list[float] = []
                server_side: list[float] = []
                for _ in range(args.requests):
                    started = time.perf_counter()
                    response = client.post("/analyze", json=body)
                    round_trips.append((time.perf_counter() - started) * 1000)
                    response.raise_for_status()
                    server_side.append(response.json()["elapsed_ms"])
                events = len(response.json()["analyses"][0]["events"])
        finally:
            process.terminate()
            process.wait(timeout=15)
    figures = {
        "text": what,
        "characters": len(text),
        "events": events,
        "requests": args.requests,
        "warmup": args.warmup,
        "first_request_ms": round(first_ms, 1),
        "median_ms": round(statistics.median(round_trips), 1),
        "p95_ms": round(percentile(round_trips, 0.95), 1),
        "max_ms": round(max(round_trips), 1),
        "server_median_ms": round(statistics.median(server_side), 1),
        "target_ms": TARGET_MS,
        "python": platform.python_version(),
        "cpu": cpu_model(),
    }
    for key, value in figures.items():
        print(f"{key:18} {value}")
    print(json.dumps(figures, ensure_ascii=False))
    return 0 if figures["p95_ms"] < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
