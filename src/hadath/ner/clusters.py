"""Word clusters for the NER features: distributional classes of words learnt from unlabelled text.

``hadath/data/ner/clusters.tsv`` (written by ``tools/ner_clusters.py``, which says from what text) has
one line per word: the word as the features key it (``Word.body``) and its cluster ids at a few
granularities, coarse to fine. A word the model never saw labelled may share a cluster with words
it did see, which is what the features use.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

CLUSTERS_PATH = Path(__file__).resolve().parent.parent / "data" / "ner" / "clusters.tsv"


@lru_cache(maxsize=2)
def load_clusters(path: Path = CLUSTERS_PATH) -> dict[str, tuple[str, ...]]:
    """Cluster ids of each word, coarse to fine."""
    clusters: dict[str, tuple[str, ...]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            word, ids = line.rstrip("\n").split("\t")
            clusters[word] = tuple(ids.split())
    return clusters


def word_clusters(clusters: dict[str, tuple[str, ...]], body: str) -> tuple[str, ...]:
    """The clusters of a word, trying it without the article ال when it is not known with it."""
    found = clusters.get(body)
    if found is None and body.startswith("ال") and len(body) > 4:
        found = clusters.get(body[2:])
    return found or ()
