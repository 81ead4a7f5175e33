"""GSR evaluation (eval/gsr.py) on a tiny gold directory in the OEDA format: detection counts per
PLOVER type, ambiguous rows left out, argument country accuracy from the span records, errors file."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from hadath.eval.gold import document_date
from hadath.eval.gsr import cross_validated_detection, evaluate_gsr, uncountried_blocks
from hadath.pipeline import Pipeline

# (id, event_type, label, text): sentences written for this test
ROWS = [
    ("p-tp", "PROTEST", "yes", "تظاهر آلاف العراقيين في البصرة للمطالبة بتحسين الخدمات."),
    ("p-fn", "PROTEST", "yes", "أعلنت وزارة التربية موعد الامتحانات النهائية."),
    ("p-tn-negated", "PROTEST", "easy no", "لم يتظاهر أحد في البصرة اليوم."),
    ("p-fp-call", "PROTEST", "difficult no", "دعا ناشطون إلى التظاهر في البصرة يوم الجمعة المقبل."),
    ("p-ambiguous", "PROTEST", "ambiguous", "تظاهر آلاف العراقيين في البصرة."),
    ("a-tp-air", "ASSAULT", "yes", "قصفت الطائرات الروسية مواقع لتنظيم داعش في إدلب."),
    ("a-tp-ground", "ASSAULT", "yes", "هاجم الجيش السوري مواقع جبهة النصرة في إدلب."),
    ("a-tn-trade", "ASSAULT", "easy no", "وقعت الحكومة العراقية اتفاقا تجاريا مع تركيا."),
    ("a-tn-denied", "ASSAULT", "difficult no", "لم تقصف الطائرات الروسية مواقع المعارضة في إدلب."),
]


# (accepted, rejected) as the OEDA labels are derived from them: yes = nobody rejected, easy no = nobody
# accepted, difficult no = two or more rejected and someone accepted, ambiguous = one rejection
VOTES = {"yes": (3, 0), "easy no": (0, 3), "difficult no": (1, 2), "ambiguous": (2, 1)}


def role(main: str | None) -> dict[str, str | None]:
    return {"main": main}


SPANS = [
    {
        "event_type": "ASSAULT",
        "source": "a-tp-air",
        "spans": [
            {"source_role": role("RUS"), "target_role": role("IMG")},
            {"source_role": role("RUS"), "target_role": role("None")},
        ],
    },
    {
        # annotators (wrongly, for the test) put Turkey as the source: a miss; the target is a hit
        "event_type": "ASSAULT",
        "source": "a-tp-ground",
        "spans": [
            {"source_role": role("TUR"), "target_role": role("SYR")},
            {"source_role": role("TUR"), "target_role": role("SYR")},
            {"source_role": role("SYR"), "target_role": None},
        ],
    },
    {
        # no country on either side: not counted
        "event_type": "PROTEST",
        "source": "p-tp",
        "spans": [{"source_role": role("None"), "target_role": role(None)}],
    },
    # an ambiguous row has no prediction: ignored
    {"event_type": "PROTEST", "source": "p-ambiguous", "spans": [{"source_role": role("IRQ")}]},
    # a type with no sentences in the csv: ignored
    {"event_type": "COERCE", "source": "a-tp-air", "spans": [{"source_role": role("RUS")}]},
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    # the dictionary and rules alone: detection does not depend on the learned filter's weights
    return Pipeline(event_filter=False)


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    directory = tmp_path / "gsr"
    directory.mkdir()
    with (directory / "test_gsr.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["accept", "event_type", "id", "label", "reject", "text", "total"])
        for row_id, event_type, label, text in ROWS:
            accepted, rejected = VOTES[label]
            writer.writerow([accepted, event_type, row_id, label, rejected, text, accepted + rejected])
    (directory / "test_spans.json").write_text(json.dumps(SPANS, ensure_ascii=False), encoding="utf-8")
    return directory


def test_detection_counts_per_type(gold, pipeline):
    report = evaluate_gsr(gold, pipeline)
    assert set(report.scores) == {"PROTEST", "ASSAULT"}
    protest = report.scores["PROTEST"]
    assert (protest.tp, protest.fp, protest.fn, protest.tn) == (1, 1, 1, 1)
    assert protest.precision == pytest.approx(0.5)
    assert protest.recall == pytest.approx(0.5)
    assert protest.f1 == pytest.approx(0.5)
    assault = report.scores["ASSAULT"]
    assert (assault.tp, assault.fp, assault.fn, assault.tn) == (2, 0, 0, 2)
    assert assault.f1 == pytest.approx(1.0)


def test_ambiguous_rows_are_left_out(gold, pipeline, tmp_path):
    # the ambiguous sentence is a clear protest: were it counted it would change tp or fp
    report = evaluate_gsr(gold, pipeline)
    protest = report.scores["PROTEST"]
    assert protest.tp + protest.fp + protest.fn + protest.tn == 4
    errors = tmp_path / "errors.jsonl"
    evaluate_gsr(gold, pipeline, errors_path=errors)
    assert "p-ambiguous" not in errors.read_text(encoding="utf-8")


def test_argument_country_accuracy_from_span_records(gold, pipeline):
    assault = evaluate_gsr(gold, pipeline).scores["ASSAULT"].as_dict()
    assert assault["span_records_with_gold_source"] == 2
    assert assault["source_country_accuracy"] == pytest.approx(0.5)  # RUS hit, TUR miss
    assert assault["span_records_with_gold_target"] == 2
    assert assault["target_country_accuracy"] == pytest.approx(1.0)  # IMG and SYR
    protest = evaluate_gsr(gold, pipeline).scores["PROTEST"].as_dict()
    assert protest["source_country_accuracy"] is None
    assert protest["span_records_with_gold_source"] == 0


def test_errors_file_lists_false_positives_and_negatives(gold, pipeline, tmp_path):
    errors = tmp_path / "errors.jsonl"
    evaluate_gsr(gold, pipeline, errors_path=errors)
    records = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    records = [r for r in records if r["kind"] in ("false_negative", "false_positive")]
    assert [(r["kind"], r["id"], r["event_type"], r["label"]) for r in records] == [
        ("false_negative", "p-fn", "PROTEST", "yes"),
        ("false_positive", "p-fp-call", "PROTEST", "difficult no"),
    ]
    false_positive = records[1]
    assert false_positive["text"] == ROWS[3][3]
    assert [f["plover"] for f in false_positive["fired"]] == ["PROTEST"]
    assert false_positive["fired"][0]["trigger"] == "التظاهر"
    assert false_positive["fired"][0]["modality"] != "negated"
    # a false negative lists everything that did fire in the sentence, none of it a protest
    assert all(f["plover"] != "PROTEST" for f in records[0]["fired"])


def test_report_lines_and_summary(gold, pipeline):
    report = evaluate_gsr(gold, pipeline)
    lines = report.lines()
    assert lines[0].split()[:4] == ["type", "P", "R", "F1"]
    assert [line.split()[0] for line in lines[1:3]] == ["ASSAULT", "PROTEST"]
    assert lines[3].startswith("src/tgt-acc: the argument's country")
    assert lines[4].startswith("F1 against one annotator")
    assert [line.split()[0] for line in lines[5:]] == ["ASSAULT", "PROTEST"]
    assert "1/1/1" in lines[2]
    assert lines[2].split()[-2:] == ["0.000", "1.000"]  # src-none, tgt-none of the protest
    summary = report.summary()["gsr"]
    assert summary["ASSAULT"]["tp"] == 2 and summary["PROTEST"]["fn"] == 1


def test_agreement_with_one_annotator_beside_the_annotators_own(gold, pipeline):
    protest = evaluate_gsr(gold, pipeline).scores["PROTEST"].agreement()
    # Hadath finds p-tp and the call to protest (accepted by 1 of 3), misses p-fn
    hadath = protest["hadath_vs_one_annotator"]
    assert (hadath["tp"], hadath["fp"], hadath["fn"]) == (1.33, 0.67, 1.0)  # rounded to 2 places
    assert hadath["precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert hadath["recall"] == pytest.approx(4 / 7, abs=1e-3)
    # an annotator accepts every `yes` and, one time in three, the disputed call
    assert protest["one_annotator_vs_label"]["f1"] == pytest.approx(12 / 13, abs=1e-3)
    # two annotators of the disputed sentence disagree one time in three
    assert protest["annotator_vs_annotator"]["f1"] == pytest.approx(6 / 7, abs=1e-3)
    lines = evaluate_gsr(gold, pipeline).lines()
    assert lines[-1].split()[0] == "PROTEST" and "0.923" in lines[-1]


def test_directory_without_gsr_files_is_an_error(tmp_path, pipeline):
    with pytest.raises(FileNotFoundError, match=r"_gsr\.csv"):
        evaluate_gsr(tmp_path, pipeline)


def test_errors_file_lists_wrong_and_missing_argument_countries(gold, pipeline, tmp_path):
    errors = tmp_path / "errors.jsonl"
    evaluate_gsr(gold, pipeline, errors_path=errors)
    records = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    [wrong] = [r for r in records if r["kind"].startswith(("wrong_", "missing_"))]
    # the annotators' TUR against Hadath's Syrian army: the curator sees both, with spans
    assert (wrong["kind"], wrong["id"], wrong["gold_country"]) == (
        "wrong_source_country",
        "a-tp-ground",
        "TUR",
    )
    assert wrong["found"]["code"] == "SYRMIL"
    text = ROWS[6][3]
    start, end = wrong["found"]["span"]
    assert text[start:end] == wrong["found"]["text"] == "الجيش السوري"
    assert wrong["event"]["trigger"] == "هاجم"
    # a country where the annotators named none is listed too
    where_none = sorted(
        (r["kind"], r["id"], r["found"]["code"]) for r in records if r["kind"].endswith("_where_none")
    )
    assert where_none == [("source_country_where_none", "p-tp", "IRQ")]


@pytest.mark.parametrize(
    ("sentence_id", "expected"),
    [
        ("AAW_ARB_20071208.0036-23", date(2007, 12, 8)),
        ("AAW_ARB_20080231.0001-1", None),  # no such day
        ("2015-07-21/17@240", date(2015, 7, 21)),  # gold/saudinewsnet-2015: the article's date
        ("p-tp", None),
    ],
)
def test_document_date_from_gigaword_ids(sentence_id, expected):
    assert document_date(sentence_id) == expected


def test_cross_validated_detection_judges_every_sentence_once_out_of_fold(gold):
    validation = cross_validated_detection(gold, folds=2)
    figures = validation.out_of_fold
    assert set(figures) == {"ASSAULT", "PROTEST"}
    # every positive is judged exactly once, by a model trained without it
    positives = {t: sum(1 for _, e, label, _ in ROWS if e == t and label == "yes") for t in figures}
    for event_type, d in figures.items():
        assert d["tp"] + d["fn"] == positives[event_type]
        assert 0.0 <= d["precision"] <= 1.0 and 0.0 <= d["recall"] <= 1.0
        # the clear-cut view keeps every positive and drops the difficult negatives only
        clear = validation.clear_cases[event_type]
        assert (clear["tp"], clear["fn"]) == (d["tp"], d["fn"])
        assert clear["fp"] <= d["fp"]
        # against one annotator, a `yes` counts whole and a disputed sentence a third
        annotator = validation.against_one_annotator[event_type]
        assert annotator["tp"] + annotator["fn"] == pytest.approx(positives[event_type] + 1 / 3, abs=0.01)


def test_clear_cut_sentences_are_the_unanimous_ones():
    from hadath.extract.event_filter_training import Sentence, is_clear_cut

    assert is_clear_cut(Sentence("a", "ASSAULT", True, [], accepted=1.0))  # yes
    assert is_clear_cut(Sentence("b", "ASSAULT", False, [], accepted=0.0))  # easy no
    assert not is_clear_cut(Sentence("c", "ASSAULT", False, [], accepted=0.4))  # difficult no


def test_cli_prints_out_of_fold_detection(gold, capsys):
    from hadath.cli import main

    assert main(["eval", "gsr", str(gold), "--cross-validate", "2"]) == 0
    out = capsys.readouterr().out
    assert "out of fold (2 folds" in out
    assert "clear-cut sentences only" in out
    assert "against one annotator drawn from each sentence's panel" in out
    summary = json.loads(out.strip().splitlines()[-1])
    assert summary["gsr_out_of_fold"]["folds"] == 2
    assert set(summary["gsr_out_of_fold"]["clear_cases"]) == {"ASSAULT", "PROTEST"}
    assert set(summary["gsr_out_of_fold"]) == {
        "folds",
        "ASSAULT",
        "PROTEST",
        "clear_cases",
        "against_one_annotator",
    }
    assert summary["gsr"]["PROTEST"]["agreement"]["one_annotator_vs_label"]["recall"] == 1.0


def test_a_country_where_the_annotators_named_none_is_counted_apart(gold, pipeline):
    protest = evaluate_gsr(gold, pipeline).scores["PROTEST"].as_dict()
    # "تظاهر آلاف العراقيين في البصرة": the annotators coded both roles without a country; Hadath names
    # the Iraqis as the source (a miss here) and no target (a hit)
    assert protest["span_records_without_gold_source_country"] == 1
    assert protest["source_no_country_accuracy"] == 0.0
    assert protest["span_records_without_gold_target_country"] == 1
    assert protest["target_no_country_accuracy"] == 1.0
    # a role no annotator coded ({} or absent) says nothing either way
    assault = evaluate_gsr(gold, pipeline).scores["ASSAULT"].as_dict()
    assert assault["span_records_without_gold_source_country"] == 0
    assert assault["source_no_country_accuracy"] is None


def test_which_code_blocks_name_no_country(pipeline):
    blocks = uncountried_blocks(pipeline.compiled.lexicon)
    assert {"MIL", "REB", "CVL", "GOV", "COP"} <= blocks
    assert not {"SYR", "IRQ", "IMG", "IGO"} & blocks


def test_a_lower_confidence_cut_counts_more_events_as_reported(gold):
    filtered = Pipeline()
    nothing = evaluate_gsr(gold, filtered, min_confidence=1.0).scores["ASSAULT"]
    everything = evaluate_gsr(gold, filtered, min_confidence=0.0).scores["ASSAULT"]
    shipped = evaluate_gsr(gold, filtered).scores["ASSAULT"]
    assert (nothing.tp, nothing.fp) == (0, 0)
    assert (everything.tp, everything.fp, everything.fn) == (2, 0, 0)  # as the rules alone
    assert nothing.tp <= shipped.tp <= everything.tp


def test_cli_checks_the_confidence_cut(gold, capsys):
    from hadath.cli import main

    assert main(["eval", "gsr", str(gold), "--min-confidence", "0.0"]) == 0
    assert capsys.readouterr().out.splitlines()[1].split()[4] == "2/0/0"
    with pytest.raises(SystemExit):
        main(["eval", "gsr", str(gold), "--min-confidence", "1.5"])
    assert "between 0 and 1" in capsys.readouterr().err
