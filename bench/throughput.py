"""End-to-end throughput of `hadath analyze` on one core, over the SaudiNewsNet corpus.

    python bench/throughput.py [--corpus ../shared/data/corpus/saudinewsnet/dataset] [--limit 3000]

Prints documents/s, sentences/s and tokens/s (analysis only, after the lexicon is loaded), the
lexicon load time, and the peak resident memory of the process. A benchmark, not a test: it is never
timed by the suite. Results go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from hadath.io.readers import read_documents
from hadath.pipeline import Pipeline
from hadath.schema import Document

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared/data/corpus/saudinewsnet/dataset"


def saudinewsnet(directory: Path) -> Iterator[Document]:
    """Articles of the corpus (one zip per day of JSON arrays), skipping the few without text."""
    for item in read_documents(directory):
        if isinstance(item, Document):
            yield item


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=3000, help="documents to analyse (0 = all)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus} (it lives in ../shared/data); nothing to measure")
        return 2
    started = time.perf_counter()
    pipeline = Pipeline()
    load_seconds = time.perf_counter() - started
    documents = sentences = tokens = events = 0
    started = time.perf_counter()
    for document in saudinewsnet(args.corpus):
        analysis = pipeline.analyze(document)
        documents += 1
        sentences += analysis.sentences
        tokens += analysis.tokens
        events += len(analysis.events)
        if args.limit and documents >= args.limit:
            break
    elapsed = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {
        "documents": documents,
        "sentences": sentences,
        "tokens": tokens,
        "events": events,
        "seconds": round(elapsed, 1),
        "documents_per_s": round(documents / elapsed, 1),
        "sentences_per_s": round(sentences / elapsed, 1),
        "tokens_per_s": round(tokens / elapsed),
        "lexicon_load_s": round(load_seconds, 2),
        "peak_rss_mib": round(peak_mib),
        "python": platform.python_version(),
        "machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
    }
    for key, value in figures.items():
        print(f"{key:18} {value}")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
