"""Throughput on one long document: checks that analysis time grows linearly with document length.

    python bench/long_document.py [--chars 1000000]

Joins SaudiNewsNet articles into one document of about ``--chars`` characters and times two analyses
(cold and warm segmentation cache). A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import sys
import time

from throughput import DEFAULT_CORPUS, saudinewsnet

from hadath.pipeline import Pipeline
from hadath.schema import Document


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    args = parser.parse_args()
    if not DEFAULT_CORPUS.is_dir():
        print(f"corpus not found at {DEFAULT_CORPUS}; nothing to measure")
        return 2
    texts: list[str] = []
    size = 0
    for document in saudinewsnet(DEFAULT_CORPUS):
        texts.append(document.text)
        size += len(document.text)
        if size >= args.chars:
            break
    text = "\n".join(texts)
    pipeline = Pipeline()
    for label in ("cold", "warm"):
        started = time.perf_counter()
        analysis = pipeline.analyze(Document(id="long", text=text))
        elapsed = time.perf_counter() - started
        print(
            f"{label}: {len(text):,} characters, {analysis.sentences:,} sentences in {elapsed:.1f} s "
            f"({analysis.sentences / elapsed:.0f} sentences/s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
