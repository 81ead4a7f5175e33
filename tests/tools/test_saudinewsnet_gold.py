"""tools/saudinewsnet_gold.py: annotations kept without text become the OEDA gold format again, read
from the corpus (a corpus of our own here, in SaudiNewsNet's layout), with labels derived from the votes
as OEDA derives them; a changed sentence is an error naming it; ``hadath eval gsr`` scores the result."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest
from saudinewsnet_gold import DEFAULT_ANNOTATIONS, build, main, oeda_label, text_hash

from hadath.eval.gsr import evaluate_gsr
from hadath.pipeline import Pipeline

ARTICLES = [
    {
        "source": "test",
        "url": "https://example.org/1",
        "date_extracted": "2015-07-21 10:00:00",
        "title": "هجوم في عدن",
        "content": "قصفت الطائرات السعودية مواقع للحوثيين في عدن. وتظاهر مئات اليمنيين في تعز أمس.",
    },
    {
        "source": "test",
        "url": "https://example.org/2",
        "date_extracted": "2015-07-21 11:00:00",
        "title": "اقتصاد",
        "content": "ارتفعت أسعار النفط اليوم.",
    },
]


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    dataset = tmp_path / "shared" / "data/corpus/saudinewsnet/dataset"
    dataset.mkdir(parents=True)
    with zipfile.ZipFile(dataset / "2015-07-21.zip", "w") as archive:
        archive.writestr("2015-07-21.json", json.dumps(ARTICLES, ensure_ascii=False))
    return tmp_path / "shared"


def record(article: str, text: str, sentence: str, event_type: str, votes: list[dict]) -> dict:
    start = text.index(sentence)
    return {
        "article": article,
        "start": start,
        "end": start + len(sentence),
        "event_type": event_type,
        "sha256": text_hash(sentence)[:16],
        "votes": votes,
    }


def yes(source: str | None = None, target: str | None = None) -> dict:
    return {"label": "yes", "source": source, "target": target}


NO = {"label": "no", "source": None, "target": None}


@pytest.fixture
def annotations(tmp_path: Path) -> Path:
    first = ARTICLES[0]["content"]
    strike = "قصفت الطائرات السعودية مواقع للحوثيين في عدن."
    protest = "وتظاهر مئات اليمنيين في تعز أمس."
    records = [
        record("2015-07-21/1", first, strike, "ASSAULT", [yes("SAU", "YEM"), yes("SAU", None)]),
        record("2015-07-21/1", first, protest, "PROTEST", [yes("YEM"), NO]),  # split: ambiguous
        record("2015-07-21/2", ARTICLES[1]["content"], "ارتفعت أسعار النفط اليوم.", "ASSAULT", [NO, NO]),
    ]
    path = tmp_path / "annotations.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("accept", "reject", "label"),
    [(2, 0, "yes"), (0, 2, "easy no"), (1, 1, "ambiguous"), (1, 2, "difficult no"), (0, 0, "ambiguous")],
)
def test_labels_follow_the_oeda_rule(accept, reject, label):
    assert oeda_label(accept, reject) == label


def test_build_writes_the_oeda_format_from_the_corpus(shared, annotations, tmp_path):
    out = tmp_path / "gold"
    assert build(shared, annotations, out) == {"ASSAULT": 2, "PROTEST": 1}
    with (out / "assault_gsr.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["id"], r["label"], r["accept"], r["reject"]) for r in rows] == [
        ("2015-07-21/1@0", "yes", "2", "0"),
        ("2015-07-21/2@0", "easy no", "0", "2"),
    ]
    assert rows[0]["text"] == "قصفت الطائرات السعودية مواقع للحوثيين في عدن."
    [spans] = json.loads((out / "assault_spans.json").read_text(encoding="utf-8"))
    assert [s["source_role"]["main"] for s in spans["spans"]] == ["SAU", "SAU"]
    with (out / "protest_gsr.csv").open(encoding="utf-8") as handle:
        assert [r["label"] for r in csv.DictReader(handle)] == ["ambiguous"]
    assert json.loads((out / "protest_spans.json").read_text(encoding="utf-8")) == []
    # the result is scored like the OEDA development third, dated from the article
    assault = evaluate_gsr(out, Pipeline(event_filter=False)).scores["ASSAULT"]
    assert (assault.tp, assault.fn) == (1, 0)
    assert assault.as_dict()["source_country_accuracy"] == 1.0


def test_a_changed_sentence_is_an_error_naming_it(shared, annotations, tmp_path, capsys):
    lines = annotations.read_text(encoding="utf-8").splitlines()
    changed = json.loads(lines[2])
    changed["end"] -= 1
    annotations.write_text("\n".join([*lines[:2], json.dumps(changed)]) + "\n", encoding="utf-8")
    args = ["build", "--shared", str(shared), "--annotations", str(annotations), "--out", str(tmp_path / "g")]
    assert main(args) == 2
    assert "2015-07-21/2@0: the corpus text is not the annotated one" in capsys.readouterr().err


def test_a_missing_corpus_is_an_error(annotations, tmp_path, capsys):
    args = [
        "build",
        "--shared",
        str(tmp_path),
        "--annotations",
        str(annotations),
        "--out",
        str(tmp_path / "g"),
    ]
    assert main(args) == 2
    assert "SaudiNewsNet corpus is not there" in capsys.readouterr().err


def test_sample_draws_rule_candidates_with_their_spans(shared, tmp_path, monkeypatch):
    import saudinewsnet_gold

    monkeypatch.setattr(saudinewsnet_gold, "ARTICLE_SHARE", 1)  # read every article of the tiny corpus
    out = tmp_path / "sample.jsonl"
    assert main(["sample", "--shared", str(shared), "--out", str(out)]) == 0
    drawn = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted((d["id"], d["event_type"], d["text"]) for d in drawn) == [
        ("2015-07-21/1@0", "ASSAULT", "قصفت الطائرات السعودية مواقع للحوثيين في عدن."),
        ("2015-07-21/1@46", "PROTEST", "وتظاهر مئات اليمنيين في تعز أمس."),
    ]
    for item in drawn:
        assert ARTICLES[0]["content"][item["start"] : item["end"]] == item["text"]


SHARED = Path(__file__).resolve().parents[3] / "shared"


@pytest.mark.skipif(
    not (SHARED / "data/corpus/saudinewsnet/dataset").is_dir(),
    reason="../shared/data/corpus/saudinewsnet is not there (the gold's text is read from it)",
)
def test_the_shipped_annotations_match_the_corpus(tmp_path):
    # every sentence of the six rounds is found again with the text that was annotated
    assert build(SHARED, DEFAULT_ANNOTATIONS, tmp_path / "gold") == {"ASSAULT": 600, "PROTEST": 300}


def test_merge_keeps_every_vote_and_no_text(tmp_path):
    from saudinewsnet_gold import merge

    sentence = "قصفت الطائرات السعودية مواقع للحوثيين في عدن."
    drawn = {"id": "2015-07-21/1@0", "article": "2015-07-21/1", "start": 0, "end": len(sentence)}
    sample = tmp_path / "sample.jsonl"
    sample.write_text(
        json.dumps({**drawn, "event_type": "ASSAULT", "text": sentence}) + "\n", encoding="utf-8"
    )
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps({"id": drawn["id"], "event_type": "ASSAULT", **yes("SAU", "YEM")}) + "\n")
    # a "no" vote keeps no countries even if the annotator left some
    second.write_text(
        json.dumps({"id": drawn["id"], "event_type": "ASSAULT", **{**NO, "source": "SAU"}}) + "\n"
    )
    [merged] = merge(sample, [first, second])
    assert merged == {
        "article": "2015-07-21/1",
        "start": 0,
        "end": len(sentence),
        "event_type": "ASSAULT",
        "sha256": text_hash(sentence)[:16],
        "votes": [yes("SAU", "YEM"), NO],
    }
    second.write_text(json.dumps({"id": "2015-07-21/9@0", "event_type": "ASSAULT", **NO}) + "\n")
    with pytest.raises(ValueError, match="its sentences are not those of"):
        merge(sample, [first, second])


def test_dev_and_test_parts_divide_the_sentences(shared, annotations, tmp_path):
    from saudinewsnet_gold import part_of

    parts = {part: build(shared, annotations, tmp_path / part, part) for part in ("dev", "test")}
    whole = build(shared, annotations, tmp_path / "all")
    for event_type, count in whole.items():
        assert parts["dev"][event_type] + parts["test"][event_type] == count
    assert {part_of(f"2015-07-21/{n}@0") for n in range(1, 20)} == {"dev", "test"}
