"""Challenge-set scoring (eval/challenge.py): the file's checks name the broken item, expected events
are judged by CAMEO root, arguments and modality, unexpected events and must_not items count against
the coder, and the shipped set in gold/challenge loads and is balanced across its halves."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from hadath.cli import main
from hadath.eval.challenge import (
    ChallengeFormatError,
    ChallengeReport,
    evaluate_challenge,
    load_challenge,
    score_item,
)
from hadath.pipeline import Pipeline

SHIPPED = Path(__file__).resolve().parents[2] / "gold" / "challenge" / "items.yaml"
PASSING = SHIPPED.with_name("passing.txt")

STRIKE = "قصفت الطائرات الروسية مواقع المعارضة في إدلب."
FOILED = "أحبطت الشرطة العراقية هجوما انتحاريا في بغداد."


def _item(**changes: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": "strike",
        "phenomenon": "word_order",
        "split": "dev",
        "text": STRIKE,
        "events": [
            {
                "evidence": "قصفت",
                "cameo": "195",
                "source": ["RUSMIL", "RUS"],
                "target": ["SYRREB", "SYROPP"],
                "modality": "asserted",
            }
        ],
    }
    item.update(changes)
    return item


def _write(tmp_path: Path, items: list[dict[str, Any]]) -> Path:
    path = tmp_path / "items.yaml"
    path.write_text(yaml.safe_dump(items, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def test_a_right_expectation_is_exact_and_the_item_passes(tmp_path: Path, pipeline: Pipeline) -> None:
    [outcome] = evaluate_challenge(_write(tmp_path, [_item()]), pipeline).items
    assert [e.exact for e in outcome.events] == [True]
    assert outcome.passed


def test_a_wrong_source_fails_by_code_and_by_country_and_says_what_was_found(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    item = _item()
    item["events"][0]["source"] = ["TURMIL"]
    report = evaluate_challenge(_write(tmp_path, [item]), pipeline)
    [event] = report.items[0].events
    assert event.detected and event.target and event.modality
    assert not event.source and not event.source_country and not event.exact
    assert "RUSMIL" in event.found
    assert report.failures() == [f"strike: 'قصفت': {event.found}"]


def test_the_country_is_right_when_only_the_role_differs(tmp_path: Path, pipeline: Pipeline) -> None:
    item = _item()
    item["events"][0]["source"] = ["RUSGOV"]
    [event] = evaluate_challenge(_write(tmp_path, [item]), pipeline).items[0].events
    assert event.source_country and not event.source


def test_a_different_cameo_root_is_not_detected_and_the_coders_event_is_unexpected(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    item = _item()
    item["events"][0]["cameo"] = "141"
    [outcome] = evaluate_challenge(_write(tmp_path, [item]), pipeline).items
    assert [e.detected for e in outcome.events] == [False]
    assert outcome.unexpected and outcome.unexpected[0].startswith("قصفت/19")
    scores = ChallengeReport.scores([outcome])
    assert scores["recall"] == 0.0 and scores["precision"] == 0.0


def test_a_trigger_just_after_a_light_verb_evidence_is_detected(tmp_path: Path, pipeline: Pipeline) -> None:
    text = "شنت أمس الأحد طائرات حربية روسية غارات على مواقع المعارضة في ريف حماة."
    event = {"cameo": "195", "source": ["RUSMIL"], "target": ["SYROPP", "SYRREB"], "modality": "asserted"}
    near = _item(text=text, events=[{**event, "evidence": "شنت أمس الأحد طائرات"}])
    far = _item(text=text, events=[{**event, "evidence": "شنت أمس"}])
    [found, missed] = evaluate_challenge(_write(tmp_path, [near, {**far, "id": "far"}]), pipeline).items
    assert found.events[0].exact
    assert not missed.events[0].detected  # four words lie between "أمس" and the trigger "غارات"


def test_an_event_listed_under_may_is_neither_asked_for_nor_held_against(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    [outcome] = evaluate_challenge(
        _write(tmp_path, [_item(events=[], may=[{"evidence": "قصفت", "cameo": "190"}])]), pipeline
    ).items
    assert outcome.passed and not outcome.unexpected
    [without] = evaluate_challenge(_write(tmp_path, [_item(events=[])]), pipeline).items
    assert without.unexpected and not without.passed


def test_a_foiled_attack_is_negated_and_a_must_not_asserted_is_kept(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    attack = {"evidence": "هجوما انتحاريا", "cameo": "180"}
    foiled = _item(
        id="foiled",
        phenomenon="thwarted",
        text=FOILED,
        events=[{**attack, "source": [None], "target": ["IRQ", "IRQCVL", None], "modality": "negated"}],
        must_not=[{**attack, "modality": "asserted", "why": "it was foiled"}],
    )
    [outcome] = evaluate_challenge(_write(tmp_path, [foiled]), pipeline).items
    assert outcome.events[0].modality and not outcome.violations
    forbidding_negated = {**foiled, "must_not": [{**attack, "modality": "negated"}]}
    [violated] = evaluate_challenge(_write(tmp_path, [forbidding_negated]), pipeline).items
    assert violated.violations and not violated.passed


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"split": "train"}, "split must be one of dev, test"),
        ({"text": ""}, "'text' is missing"),
        ({"date": "2016-13-01"}, "date:"),
        ({"events": [{"evidence": "غارة", "cameo": "195"}]}, "evidence 'غارة' is not in the text"),
        (
            {"events": [{"evidence": "قصفت", "cameo": "195", "source": None, "target": None}]},
            "lacks 'modality'",
        ),
        (
            {
                "events": [
                    {"evidence": "قصفت", "cameo": "195", "source": None, "target": None, "modality": "done"}
                ]
            },
            "unknown modality 'done'",
        ),
    ],
)
def test_a_broken_item_is_named_with_its_cause(tmp_path: Path, change: dict[str, Any], message: str) -> None:
    path = _write(tmp_path, [_item(id="fine"), _item(id="broken", **change)])
    with pytest.raises(ChallengeFormatError, match=message) as raised:
        load_challenge(path)
    assert "item broken" in str(raised.value)


def test_an_id_used_twice_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ChallengeFormatError, match="the id is used twice"):
        load_challenge(_write(tmp_path, [_item(), _item()]))


def test_the_command_prints_the_table_and_exits_2_on_a_broken_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _write(tmp_path, [_item()])
    assert main(["eval", "challenge", str(good), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary["dev"]["all"]["exact"] == 1.0 and "test" not in summary
    assert main(["eval", "challenge", str(good), "--passing"]) == 0
    assert capsys.readouterr().out.split() == ["strike"]
    broken = tmp_path / "broken.yaml"
    broken.write_text("- id: x\n  split: dev\n", encoding="utf-8")
    assert main(["eval", "challenge", str(broken)]) == 2
    assert "item x: 'phenomenon' is missing" in capsys.readouterr().err


def test_the_shipped_set_loads_and_every_phenomenon_has_both_halves() -> None:
    items = load_challenge(SHIPPED)
    halves = Counter((item.phenomenon, item.split) for item in items)
    for phenomenon in {item.phenomenon for item in items}:
        assert halves[(phenomenon, "dev")] and halves[(phenomenon, "test")], phenomenon
    assert len(items) >= 150


def test_the_items_recorded_as_passing_still_pass(pipeline: Pipeline) -> None:
    """A regression suite: gold/challenge/passing.txt lists the items that passed when it was last
    written (`hadath eval challenge gold/challenge/items.yaml --passing`). A change that breaks one
    fails here; one that makes another pass should add it to the list."""
    recorded = set(PASSING.read_text(encoding="utf-8").split())
    items = {item.id: item for item in load_challenge(SHIPPED)}
    assert recorded <= set(items)
    broken = [name for name in sorted(recorded) if not score_item(items[name], pipeline).passed]
    assert not broken, f"challenge items that passed and now fail: {broken}"
