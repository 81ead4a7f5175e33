"""Worked-example scoring (eval/example.py): must / should / must_not tiers over a hand-made
expected.yaml, and the shipped worked example in ../shared (skipped when it is absent)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from hadath.eval.example import ExampleReport, evaluate_example, load_expected
from hadath.pipeline import Pipeline

ARTICLE = (
    "قصفت الطائرات الروسية مواقع لتنظيم داعش في إدلب. "
    "وقال وزير الخارجية السوري: «سنواصل الحرب على الإرهاب حتى النهاية». "
    "ولم تقصف الطائرات التركية مواقع المعارضة. "
    "وتظاهر آلاف العراقيين في البصرة.\n"
)

EXPECTED: dict[str, Any] = {
    "document": {"id": "tiny-news", "language": "ar", "date": "2016-03-16", "genre": "news"},
    "actors": {
        "must": [
            {"text": "الطائرات الروسية", "code": "RUSMIL"},
            {"text": "وزير الخارجية السوري", "code": "SYRGOV", "person": "Walid al-Muallem"},
            {"text": "تنظيم داعش", "code": ["IMG", "SYRREB"]},
        ],
        "should": [{"text": "العراقيين", "code": ["IRQ", "IRQCVL"]}],
    },
    "places": {
        "must": [
            {"text": "إدلب", "name": "Idlib", "country": "SYR", "lat": 35.93, "lon": 36.63},
            {"text": "البصرة", "name": "Basra", "country": "IRQ", "lat": 30.5, "lon": 47.8},
        ]
    },
    "events": {
        "must": [
            {
                "id": "airstrike",
                "evidence": "قصفت الطائرات الروسية مواقع لتنظيم داعش",
                "source": "RUSMIL",
                "target": "IMG",
                "cameo": ["195", "190"],
                "plover": "ASSAULT",
                "quad_class": "material_conflict",
                "modality": "asserted",
                "nominal": False,
                "time": "past",
                "place": "إدلب",
            },
            {
                "id": "statement",
                "evidence": "وقال وزير الخارجية السوري",
                "source": "SYRGOV",
                "cameo": "01",  # root form: 010 is the root "make public statement"
                "modality": "reported",
            },
            {
                "id": "protest",
                "evidence": "تظاهر آلاف العراقيين في البصرة",
                "source": ["IRQ", "IRQCVL"],
                "target": [None],
                "plover": "PROTEST",
                "place": "البصرة",
            },
        ],
        "must_not": [
            {
                "id": "denied-strike-as-fact",
                "evidence": "ولم تقصف الطائرات التركية مواقع المعارضة",
                "plover": "ASSAULT",
                "modality": "asserted",
            }
        ],
    },
    "quotations": {
        "must": [
            {"speaker": "SYRGOV", "cue": "قال", "content": "سنواصل الحرب على الإرهاب حتى النهاية"},
        ],
    },
    "mosaic": {
        "must": [{"dyad": ["RUS", "IMG"], "balance": "conflict"}],
        "must_not": [{"dyad": ["TUR", "SYR"], "balance": "conflict"}],  # the strike was denied
    },
}


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def write_example(directory: Path, expected: dict[str, Any], article: str = ARTICLE) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "article.txt").write_text(article, encoding="utf-8")
    (directory / "expected.yaml").write_text(yaml.safe_dump(expected, allow_unicode=True), encoding="utf-8")
    return directory


def score(tmp_path: Path, pipeline: Pipeline, expected: dict[str, Any]) -> ExampleReport:
    return evaluate_example(write_example(tmp_path / "example", expected), pipeline)


def item(report: ExampleReport, section: str, tier: str, label_start: str = ""):
    found = [
        i for i in report.items if i.section == section and i.tier == tier and i.label.startswith(label_start)
    ]
    assert len(found) == 1, [(i.section, i.tier, i.label) for i in report.items]
    return found[0]


def test_load_expected_reads_document_metadata(tmp_path):
    document, expected = load_expected(write_example(tmp_path / "ex", EXPECTED))
    assert document.id == "tiny-news"
    assert document.date is not None and document.date.isoformat() == "2016-03-16"
    assert document.text == ARTICLE
    assert expected["actors"]["must"][0]["code"] == "RUSMIL"


def test_load_expected_needs_both_files(tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(FileNotFoundError):
        load_expected(tmp_path)


def test_every_tier_of_the_tiny_example(tmp_path, pipeline):
    report = score(tmp_path, pipeline, EXPECTED)
    failures = [(i.section, i.tier, i.label, i.why) for i in report.items if not i.found]
    assert failures == []
    assert report.passed is True
    assert report.doc_id == "tiny-news"
    assert report.tier_counts("must") == (10, 10)
    assert report.tier_counts("should") == (1, 1)
    assert report.tier_counts("must_not") == (2, 2)
    summary = report.summary()
    assert summary["passed"] is True
    assert summary["must"] == {"ok": 10, "total": 10}
    assert summary["sections"]["events"] == {"must": "3/3", "must_not": "1/1"}
    assert summary["sections"]["mosaic"] == {"must": "1/1", "must_not": "1/1"}


def test_missed_must_makes_the_example_fail(tmp_path, pipeline):
    expected = copy.deepcopy(EXPECTED)
    expected["actors"]["must"][0]["code"] = "USAMIL"
    report = score(tmp_path, pipeline, expected)
    assert report.passed is False
    missed = item(report, "actors", "must", "الطائرات الروسية")
    assert missed.found is False
    assert missed.why == "codes found: RUSMIL"
    assert report.tier_counts("must") == (9, 10)


def test_wrong_person_is_a_miss(tmp_path, pipeline):
    expected = copy.deepcopy(EXPECTED)
    expected["actors"]["must"][1]["person"] = "Faisal Mekdad"
    report = score(tmp_path, pipeline, expected)
    missed = item(report, "actors", "must", "وزير الخارجية السوري")
    assert missed.found is False
    assert missed.why == "person found: Walid al-Muallem"
    assert report.passed is False


def test_present_must_not_item_fails(tmp_path, pipeline):
    expected = copy.deepcopy(EXPECTED)
    expected["events"]["must_not"].append(
        {"id": "real-strike", "evidence": "قصفت الطائرات الروسية مواقع", "plover": "ASSAULT"}
    )
    report = score(tmp_path, pipeline, expected)
    present = item(report, "events", "must_not", "real-strike")
    assert present.found is False
    assert report.passed is False
    assert report.tier_counts("must_not") == (2, 3)


def test_missed_should_item_does_not_fail_the_example(tmp_path, pipeline):
    expected = copy.deepcopy(EXPECTED)
    expected["actors"]["should"] = [{"text": "العراقيين", "code": "IRQGOV"}]
    report = score(tmp_path, pipeline, expected)
    assert report.tier_counts("should") == (0, 1)
    assert report.passed is True


def test_event_attribute_mismatch_is_explained(tmp_path, pipeline):
    expected = copy.deepcopy(EXPECTED)
    expected["events"]["must"][0]["modality"] = "negated"
    expected["events"]["must"][2]["target"] = "IRQGOV"
    report = score(tmp_path, pipeline, expected)
    airstrike = item(report, "events", "must", "airstrike")
    assert airstrike.found is False
    assert airstrike.why == "قصفت/195: modality is 'asserted', expected 'negated'"
    protest = item(report, "events", "must", "protest")
    assert protest.found is False
    assert "target is None, expected 'IRQGOV'" in protest.why


def test_evidence_missing_from_the_text(tmp_path, pipeline):
    expected = copy.deepcopy(EXPECTED)
    expected["events"]["must"].append(
        {"id": "ghost", "evidence": "اجتمع الوفدان في جنيف", "plover": "CONSULT"}
    )
    report = score(tmp_path, pipeline, expected)
    ghost = item(report, "events", "must", "ghost")
    assert (ghost.found, ghost.why) == (False, "evidence not in document")
    assert report.passed is False


def test_place_coordinates_outside_tolerance_fail(tmp_path, pipeline):
    expected = copy.deepcopy(EXPECTED)
    expected["places"]["must"][0]["lat"] = 36.5  # more than 0.2° from Idlib
    report = score(tmp_path, pipeline, expected)
    idlib = item(report, "places", "must", "إدلب")
    assert idlib.found is False
    assert idlib.why.startswith("found: Idlib/SYR/")


def test_quotation_speaker_and_must_not_attribution(tmp_path, pipeline):
    expected = copy.deepcopy(EXPECTED)
    expected["quotations"]["must"][0]["speaker"] = "RUSGOV"
    expected["quotations"]["must_not"] = [
        {"content": "سنواصل الحرب على الإرهاب", "speaker": "any political actor"}
    ]
    report = score(tmp_path, pipeline, expected)
    wrong_speaker = item(report, "quotations", "must")
    assert wrong_speaker.found is False
    attributed = item(report, "quotations", "must_not")
    assert attributed.found is False  # it IS attributed to a political actor, so the must_not fails
    assert attributed.why == "attributed to SYRGOV"


def test_mosaic_balance_mismatch(tmp_path, pipeline):
    expected = copy.deepcopy(EXPECTED)
    expected["mosaic"]["must"] = [{"dyad": ["RUS", "IMG"], "balance": "cooperation"}]
    report = score(tmp_path, pipeline, expected)
    dyad = item(report, "mosaic", "must")
    assert dyad.found is False
    assert dyad.why == "found: IMG–RUSMIL: conflict"


SHARED_EXAMPLE = Path(__file__).resolve().parents[3] / "shared" / "examples" / "syria-2016-withdrawal"


@pytest.mark.shared
@pytest.mark.skipif(
    not (SHARED_EXAMPLE / "expected.yaml").exists(),
    reason=f"worked example not available at {SHARED_EXAMPLE} (needs the ../shared checkout)",
)
def test_shared_worked_example_passes(pipeline):
    report = evaluate_example(SHARED_EXAMPLE, pipeline)
    missed = [(i.section, i.label, i.why) for i in report.items if i.tier == "must" and not i.found]
    assert missed == []
    found, total = report.tier_counts("must")
    assert total > 0 and found == total
    assert report.passed is True
    # issue 4: the should items too
    missed_should = [(i.section, i.label, i.why) for i in report.items if i.tier == "should" and not i.found]
    assert missed_should == []
