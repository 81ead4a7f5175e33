"""Date expressions (extract/dates.py): explicit dates in several notations, relative ones against the
document date, and spans on the original text."""

from __future__ import annotations

from datetime import date

import pytest

from hadath.pipeline import Pipeline
from hadath.schema import Analysis, Document


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def analyze(pipeline: Pipeline, text: str, day: str | None = "2016-03-20") -> Analysis:
    return pipeline.analyze(Document(id="t", text=text, date=date.fromisoformat(day) if day else None))


def dates_of(pipeline: Pipeline, text: str, day: str | None = "2016-03-20"):
    analysis = analyze(pipeline, text, day)
    for d in analysis.dates:
        assert text[d.start : d.end] == d.text
    return [(d.text, d.value, d.kind) for d in analysis.dates]


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("14 آذار/مارس 2016", "2016-03-14"),
        ("14 مارس 2016", "2016-03-14"),
        ("2016-03-14", "2016-03-14"),
        ("14/3/2016", "2016-03-14"),
        ("١٤ مارس ٢٠١٦", "2016-03-14"),
        ("١٤/٣/٢٠١٦", "2016-03-14"),
        ("3 كانون الثاني 2015", "2015-01-03"),
    ],
)
def test_explicit_dates(pipeline, expression, value):
    text = f"وقع الهجوم في {expression} قرب الحدود."
    assert dates_of(pipeline, text) == [(expression, value, "explicit")]
    # explicit dates need no document date
    assert dates_of(pipeline, text, None) == [(expression, value, "explicit")]


def test_explicit_date_offsets(pipeline):
    text = "وقع الهجوم في 14 آذار/مارس 2016 قرب الحدود."
    [found] = analyze(pipeline, text).dates
    assert (found.start, found.end) == (14, 31)


def test_impossible_calendar_date_is_ignored(pipeline):
    assert dates_of(pipeline, "وقع الهجوم في 31/2/2016 قرب الحدود.") == []


def test_month_and_year_and_year_alone(pipeline):
    text = "وصل الوفد في شهر أيار من عام 2015 ثم غادر عام 2016."
    assert dates_of(pipeline, text) == [
        ("أيار من عام 2015", "2015-05", "explicit"),
        ("عام 2016", "2016", "explicit"),
    ]


def test_day_and_month_without_year_take_the_document_year(pipeline):
    assert dates_of(pipeline, "وقع الهجوم في 14 آذار قرب الحدود.") == [("14 آذار", "2016-03-14", "explicit")]


def test_day_and_month_late_in_the_year_before_a_january_document_is_last_year(pipeline):
    text = "وقع الهجوم في 20 كانون الأول قرب الحدود."
    assert dates_of(pipeline, text, "2016-01-05") == [("20 كانون الأول", "2015-12-20", "explicit")]


def test_day_and_month_without_year_or_document_date_is_not_resolved(pipeline):
    assert dates_of(pipeline, "وقع الهجوم في 14 آذار قرب الحدود.", None) == []


@pytest.mark.parametrize(
    ("expression", "day", "value"),
    [
        ("أمس", "2016-03-20", "2016-03-19"),
        ("أمس", "2016-03-01", "2016-02-29"),
        ("صباح أمس", "2016-01-01", "2015-12-31"),
        ("اليوم", "2016-03-20", "2016-03-20"),
        ("غدا", "2016-12-31", "2017-01-01"),
        ("الشهر الماضي", "2016-03-20", "2016-02"),
        ("الشهر الماضي", "2016-01-15", "2015-12"),
        ("الأسبوع الماضي", "2016-03-16", "2016-W10"),
        ("العام الماضي", "2016-03-20", "2015"),
    ],
)
def test_relative_dates_against_document_date(pipeline, expression, day, value):
    text = f"وقع الهجوم {expression} قرب الحدود."
    assert dates_of(pipeline, text, day) == [(expression, value, "relative")]


def test_no_relative_dates_without_a_document_date(pipeline):
    text = "وقع الهجوم أمس وتوقف اليوم ثم تجدد الشهر الماضي."
    assert dates_of(pipeline, text, None) == []


def test_event_takes_the_date_of_its_sentence_else_the_document_date(pipeline):
    text = "قصفت الطائرات الروسية مواقع داعش أمس. وقصفت الطائرات الروسية مواقع المعارضة."
    analysis = analyze(pipeline, text)
    assert [e.date for e in analysis.events] == ["2016-03-19", "2016-03-20"]


def test_relative_date_inside_a_word_is_not_matched(pipeline):
    # اليومية ("daily") contains اليوم
    assert dates_of(pipeline, "نشرت الصحيفة اليومية تقريرا عن الهجوم.") == []
