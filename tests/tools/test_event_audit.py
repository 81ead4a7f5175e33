"""tools/event_audit.py: a sample of every coded event with its sentence, votes kept without text, and
scoring that keeps a judgement only where the current code still codes what was judged."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import event_audit
import pytest
from event_audit import main, merge, score, sheet, verdict
from saudinewsnet_gold import text_hash

ARTICLE = {
    "source": "test",
    "url": "https://example.org/1",
    "date_extracted": "2015-07-21 10:00:00",
    "title": "هجوم في عدن",
    "content": "قصفت الطائرات السعودية مواقع للحوثيين في عدن. وتظاهر مئات اليمنيين في تعز أمس.",
}


@pytest.fixture
def shared(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setattr(event_audit, "ARTICLE_SHARE", 1)  # every article of the tiny corpus is in slice 0
    dataset = tmp_path / "shared" / "data/corpus/saudinewsnet/dataset"
    dataset.mkdir(parents=True)
    with zipfile.ZipFile(dataset / "2015-07-21.zip", "w") as archive:
        archive.writestr("2015-07-21.json", json.dumps([ARTICLE], ensure_ascii=False))
    return tmp_path / "shared"


@pytest.fixture
def drawn(shared: Path, tmp_path: Path) -> Path:
    out = tmp_path / "sample.jsonl"
    assert main(["sample", "--shared", str(shared), "--slice", "0", "--out", str(out)]) == 0
    return out


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_sample_holds_every_event_with_its_sentence_and_codes(drawn):
    items = {item["cameo"][:2]: item for item in read(drawn)}
    assert set(items) == {"19", "14"}
    strike, protest = items["19"], items["14"]
    assert strike["text"] == "قصفت الطائرات السعودية مواقع للحوثيين في عدن."
    assert ARTICLE["content"][slice(*strike["trigger"])] == "قصفت"
    assert strike["source"]["code"] == "SAUMIL" and strike["target"]["code"] == "YEMREB"
    assert protest["text"] == "وتظاهر مئات اليمنيين في تعز أمس."
    assert ARTICLE["content"][protest["start"] : protest["end"]] == protest["text"]
    assert len({item["id"] for item in read(drawn)}) == 2


def test_article_skip_draws_from_other_articles(shared, tmp_path):
    every, rest = tmp_path / "every.jsonl", tmp_path / "rest.jsonl"
    assert main(["sample", "--shared", str(shared), "--slice", "0", "--out", str(every)]) == 0
    assert (
        main(["sample", "--shared", str(shared), "--slice", "0", "--article-skip", "1", "--out", str(rest)])
        == 0
    )
    assert read(every) and read(rest) == []  # the tiny corpus has one article


def test_the_sheet_marks_the_trigger_and_shows_what_was_coded(drawn):
    text = sheet(read(drawn))
    assert "⟦قصفت⟧ الطائرات السعودية" in text
    assert "- source: «الطائرات السعودية» → SAUMIL" in text
    assert text.count("## ") == 2


def votes_file(path: Path, items: list[dict], **answers) -> Path:
    lines = [
        {"id": item["id"], "event": "yes", "source": "right", "target": "right", "modality": "right"}
        for item in items
    ]
    for line in lines:
        line.update(answers)
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def test_merge_keeps_the_coded_event_and_votes_but_no_text(drawn, tmp_path):
    items = read(drawn)
    first = votes_file(tmp_path / "a.jsonl", items)
    second = votes_file(tmp_path / "b.jsonl", items, event="no", source="right")  # a "no" judges nothing else
    merged = merge(drawn, [first, second])
    assert [record["id"] for record in merged] == [item["id"] for item in items]
    for record, item in zip(merged, items, strict=True):
        assert "text" not in record and record["sha256"] == text_hash(item["text"])[:16]
        assert record["source"] == {k: v for k, v in item["source"].items() if k != "text"}
        assert record["cameo"] == item["cameo"]
        assert record["votes"][1] == {"event": "no", "source": None, "target": None, "modality": None}
    votes_file(second, items, source="maybe")
    with pytest.raises(ValueError, match="source 'maybe' is not one of"):
        merge(drawn, [first, second])
    votes_file(second, items[:1])
    with pytest.raises(ValueError, match="its events are not those of"):
        merge(drawn, [first, second])


@pytest.mark.parametrize(
    ("answers", "part", "expected"),
    [
        (["right", "right"], "source", "right"),
        (["right", "wrong"], "source", "split"),
        (["wrong", None], "source", None),  # one annotator rejected the event: its arguments are not judged
    ],
)
def test_verdict_is_the_annotators_joint_answer(answers, part, expected):
    assert verdict([{part: answer} for answer in answers], part) == expected


def test_score_keeps_judgements_only_for_what_is_still_coded(shared, drawn, tmp_path):
    items = read(drawn)
    merged = merge(drawn, [votes_file(tmp_path / "a.jsonl", items), votes_file(tmp_path / "b.jsonl", items)])
    tallies = score(shared, merged)
    assert tallies["event"] == {"yes": 2}
    assert tallies["source"]["right"] == 2
    strike = next(record for record in merged if record["cameo"].startswith("19"))
    # what the annotators judged differs from what the code now finds: a changed source is not judged
    changed = {**strike, "source": {**strike["source"], "code": "IRNMIL"}}
    # an event no longer coded is counted as removed, with the verdict it had
    gone = {
        **strike,
        "id": strike["id"].replace("#", "#1000"),
        "trigger": [1000, 1004],
        "votes": [{**v, "event": "no"} for v in strike["votes"]],
    }
    tallies = score(shared, [changed, gone])
    assert tallies["event"] == {"yes": 1, "removed (no)": 1}
    assert tallies["source"] == {"changed": 1}
    assert tallies["target"] == {"right": 1}
    with pytest.raises(ValueError, match="the corpus text is not the audited one"):
        score(shared, [{**strike, "sha256": "0" * 16}])


def test_a_confidence_cut_sets_aside_the_events_below_it(shared, drawn, tmp_path):
    items = read(drawn)
    merged = merge(drawn, [votes_file(tmp_path / "a.jsonl", items), votes_file(tmp_path / "b.jsonl", items)])
    assert score(shared, merged, min_confidence=1.01)["event"] == {"below cut (yes)": 2}
    assert score(shared, merged, min_confidence=0.0)["event"] == {"yes": 2}


SHARED = Path(__file__).resolve().parents[3] / "shared"


@pytest.mark.skipif(
    not (SHARED / "data/corpus/saudinewsnet/dataset").is_dir(),
    reason="../shared/data/corpus/saudinewsnet is not there (the audited sentences are read from it)",
)
def test_the_shipped_audit_matches_the_corpus_and_is_scored():
    from event_audit import DEFAULT_AUDIT

    records = [json.loads(line) for line in DEFAULT_AUDIT.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 1050 and all(len(r["votes"]) == 2 for r in records)
    tallies = score(SHARED, records)  # every sentence is found again with the audited text
    assert sum(tallies["event"].values()) == 1050


def _judged_strike(drawn: Path, tmp_path: Path) -> dict:
    """The audited air strike of the drawn sample, judged right in every part by two annotators."""
    items = read(drawn)
    merged = merge(drawn, [votes_file(tmp_path / "a.jsonl", items), votes_file(tmp_path / "b.jsonl", items)])
    return next(record for record in merged if record["cameo"].startswith("19"))


def _from_a_shorter_phrase(strike: dict) -> dict:
    """The strike as if it had been audited from its trigger word without the first letter."""
    first, last = strike["trigger"]
    return {
        **strike,
        "trigger": [first + 1, last],
        "id": strike["id"].replace(f"#{first}-", f"#{first + 1}-"),
    }


def _rejudged_wrong(again: dict, tmp_path: Path) -> list[dict]:
    """``again`` (as ``changed`` draws it) judged again by two annotators, its source wrong."""
    sample = tmp_path / "again.jsonl"
    sample.write_text(json.dumps(again, ensure_ascii=False) + "\n", encoding="utf-8")
    return merge(sample, [votes_file(tmp_path / f"{n}.jsonl", [again], source="wrong") for n in ("c", "d")])


def test_changed_arguments_are_drawn_again_and_their_new_votes_count(shared, drawn, tmp_path):
    strike = _judged_strike(drawn, tmp_path)
    # as if the audited code had coded another source than the current code does
    judged_then = {**strike, "source": {**strike["source"], "code": "IRNMIL"}}
    [again] = event_audit.changed(shared, [judged_then])
    assert again["source"]["code"] == "SAUMIL" and again["text"].startswith("قصفت")
    rejudged = _rejudged_wrong(again, tmp_path)
    assert score(shared, [judged_then])["source"] == {"changed": 1}
    assert score(shared, [judged_then], rejudged=rejudged)["source"] == {"wrong": 1}


def test_an_event_coded_from_a_longer_or_shorter_phrase_is_the_same_event(shared, drawn, tmp_path):
    strike = _judged_strike(drawn, tmp_path)
    shorter = _from_a_shorter_phrase(strike)
    assert score(shared, [shorter])["event"] == {"yes": 1}
    first, last = strike["trigger"]
    elsewhere = {
        **shorter,
        "trigger": [last + 40, last + 44],
        "id": strike["id"].replace(f"#{first}-", "#999-"),
    }
    assert score(shared, [elsewhere])["event"] == {"removed (yes)": 1}


def test_votes_drawn_for_a_trigger_that_has_grown_since_count(shared, drawn, tmp_path):
    strike = _judged_strike(drawn, tmp_path)
    # audited from a shorter phrase, with another source than the current code gives
    judged_then = {**_from_a_shorter_phrase(strike), "source": {**strike["source"], "code": "IRNMIL"}}
    [again] = event_audit.changed(shared, [judged_then])
    assert again["id"].rpartition("@")[0] != judged_then["id"].rpartition("@")[0]  # drawn as coded now
    rejudged = _rejudged_wrong(again, tmp_path)
    assert score(shared, [judged_then])["source"] == {"changed": 1}
    assert score(shared, [judged_then], rejudged=rejudged)["source"] == {"wrong": 1}
