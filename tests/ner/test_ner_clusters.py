"""Word clusters of the NER features: the file's format, the lookup without the article, the shipped
file, and the clustering itself on a made-up corpus."""

from __future__ import annotations

from pathlib import Path

import ner_clusters

from hadath.ner.clusters import CLUSTERS_PATH, load_clusters, word_clusters


def test_clusters_file_is_read_and_looked_up_with_or_without_the_article(tmp_path: Path):
    path = tmp_path / "clusters.tsv"
    path.write_text("# comment\nباريس\t3 17 40\nالقاهره\t3 17 41\n\n", encoding="utf-8")
    clusters = load_clusters(path)
    assert clusters == {"باريس": ("3", "17", "40"), "القاهره": ("3", "17", "41")}
    assert word_clusters(clusters, "باريس") == ("3", "17", "40")
    assert word_clusters(clusters, "الباريس") == ("3", "17", "40")  # known without ال only
    assert word_clusters(clusters, "القاهره") == ("3", "17", "41")
    assert word_clusters(clusters, "لندن") == ()


def test_shipped_clusters_are_small_and_well_formed():
    assert CLUSTERS_PATH.stat().st_size < 3_000_000
    clusters = load_clusters()
    assert len(clusters) > 5_000
    assert {len(ids) for ids in clusters.values()} == {len(ner_clusters.K)}


def test_words_in_the_same_contexts_share_a_cluster(monkeypatch):
    monkeypatch.setattr(ner_clusters, "K", (2,))
    monkeypatch.setattr(ner_clusters, "DIMENSIONS", 4)
    monkeypatch.setattr(ner_clusters, "MIN_COUNT", 1)
    cities = ["باريس", "لندن", "روما"]
    people = ["احمد", "سمير", "نادر"]
    sentences = [["وصل", "الى", city, "امس"] for city in cities for _ in range(5)]
    sentences += [["قال", "السيد", person, "ان"] for person in people for _ in range(5)]
    clusters = ner_clusters.cluster(sentences)
    assert len({clusters[city] for city in cities}) == 1
    assert len({clusters[person] for person in people}) == 1
    assert clusters["باريس"] != clusters["احمد"]
    assert ner_clusters.cluster(sentences) == clusters  # deterministic
