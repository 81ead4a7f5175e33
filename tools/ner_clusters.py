"""Compute the word clusters of the NER features (hadath/data/ner/clusters.tsv) from unlabelled text.

    python tools/ner_clusters.py [--shared ../shared]

Words are keyed as the features key them (``Word.body``: normalised, conjunction and preposition
clitics removed, ال kept). Each word seen at least MIN_COUNT times is described by the words to its
left and right (the CONTEXTS most frequent words, left and right apart), weighted by positive
pointwise mutual information, reduced to DIMENSIONS by an eigen-decomposition, and clustered by
spherical k-means at several granularities (K), so that the features see coarse and fine classes as
Brown-cluster prefixes would give them. The run is deterministic (fixed seed, sorted vocabulary;
checked by re-running on the same numpy build, another BLAS may round differently); the file is
shipped, so `make train-ner` reads it and never recomputes it.

Text (read as plain words; the file keeps the clusters only, no text): the Wojood sample (MIT; its
labels are not read), the ANS headlines and claims (Apache-2.0), the sentences of the OEDA PLOVER gold
standard's development third (MIT). ANERcorp's text is NOT used: the clusters would then know the
words of the cross-validation's test folds, which made them look better than they are (docs/evaluation.md
§3). SaudiNewsNet (CC BY-NC-SA) and NewsFANE are never read.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

from hadath.ner.clusters import CLUSTERS_PATH
from hadath.ner.features import analyse_sentence

ROOT = Path(__file__).resolve().parents[1]

WOJOOD = Path("data/ner/wojood-sample")
ANS = Path("data/stance/ans")
PLOVER = Path("data/events/plover-gsr-ar-dev")
HEADER = (
    "word clusters of the NER features, written by tools/ner_clusters.py from the unlabelled text of the "
    "Wojood sample (MIT), ANS (Apache-2.0) and the PLOVER GSR development third (MIT)"
)
MIN_COUNT = 3
CONTEXTS = 1000
DIMENSIONS = 64
K = (32, 128, 512)
ITERATIONS = 25
SEED = 13


def _token_lines(path: Path) -> Iterator[list[str]]:
    """Sentences of a ``token TAG...`` file (blank lines and ``$#$`` lines break them)."""
    sentence: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if not fields or fields[0] == "$#$":
            if sentence:
                yield sentence
            sentence = []
        else:
            sentence.append(fields[0])
    if sentence:
        yield sentence


def texts(shared: Path) -> Iterator[list[str]]:
    """Whitespace-tokenised sentences of the unlabelled text."""
    for part in ("train", "val", "test"):
        yield from _token_lines(shared / WOJOOD / f"{part}.txt")
    for name, columns in (("stance", ("s1", "s2")), ("claim", ("claim_s",))):
        for path in sorted((shared / ANS / name).glob("*.csv")):
            with path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    yield from (row[column].split() for column in columns)
    for path in sorted((shared / PLOVER).glob("*_gsr.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            yield from (row["text"].split() for row in csv.DictReader(handle))


def cluster(sentences: Sequence[Sequence[str]]) -> dict[str, tuple[int, ...]]:
    """Cluster ids (one per granularity in K) of the frequent words."""
    counts = Counter(word for sentence in sentences for word in sentence)
    vocabulary = sorted(word for word, count in counts.items() if count >= MIN_COUNT and word)
    index = {word: position for position, word in enumerate(vocabulary)}
    contexts = sorted(counts, key=lambda word: (-counts[word], word))[:CONTEXTS]
    context_index = {word: position for position, word in enumerate(contexts)}
    matrix = np.zeros((len(vocabulary), 2 * CONTEXTS), dtype=np.float64)
    for sentence in sentences:
        for position, word in enumerate(sentence):
            row = index.get(word)
            if row is None:
                continue
            left = context_index.get(sentence[position - 1]) if position else None
            right = context_index.get(sentence[position + 1]) if position + 1 < len(sentence) else None
            if left is not None:
                matrix[row, left] += 1
            if right is not None:
                matrix[row, CONTEXTS + right] += 1
    total = matrix.sum()
    expected = np.outer(matrix.sum(axis=1), matrix.sum(axis=0)) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        ppmi = np.where(matrix > 0, np.log(matrix / expected), 0.0)
    ppmi = np.maximum(ppmi, 0.0)
    eigenvalues, eigenvectors = np.linalg.eigh(ppmi.T @ ppmi)
    top = eigenvectors[:, np.argsort(eigenvalues)[::-1][:DIMENSIONS]]
    # a fixed sign for each axis (an eigenvector's sign is arbitrary)
    top *= np.sign(top[np.abs(top).argmax(axis=0), np.arange(DIMENSIONS)])
    vectors = ppmi @ top
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    ids = [_kmeans(vectors, k) for k in K]
    return {word: tuple(int(level[row]) for level in ids) for word, row in index.items()}


def _kmeans(vectors: np.ndarray, k: int) -> np.ndarray:
    """Spherical k-means (cosine), seeded: the cluster of each row."""
    k = min(k, len(vectors))
    rng = np.random.default_rng(SEED)
    centres = vectors[rng.choice(len(vectors), size=k, replace=False)]
    assignment = np.zeros(len(vectors), dtype=np.int64)
    for _ in range(ITERATIONS):
        assignment = (vectors @ centres.T).argmax(axis=1)
        for cluster_id in range(k):
            members = vectors[assignment == cluster_id]
            if len(members):
                centre = members.sum(axis=0)
                centres[cluster_id] = centre / max(float(np.linalg.norm(centre)), 1e-12)
    return assignment


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=CLUSTERS_PATH)
    args = parser.parse_args(argv)
    if not (args.shared / WOJOOD / "train.txt").is_file():
        print(f"the Wojood sample was not found under {args.shared}", file=sys.stderr)
        return 2
    sentences = [[word.body for word in analyse_sentence(words)] for words in texts(args.shared)]
    clusters = cluster(sentences)
    with args.out.open("w", encoding="utf-8") as handle:
        handle.write(f"# {HEADER}; k = {', '.join(map(str, K))}\n")
        handle.writelines(f"{word}\t{' '.join(map(str, ids))}\n" for word, ids in sorted(clusters.items()))
    tokens = sum(len(sentence) for sentence in sentences)
    print(f"{len(clusters)} words clustered from {len(sentences)} sentences ({tokens} tokens) -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
