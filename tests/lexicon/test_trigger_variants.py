"""Generated verb forms that the segmenter misreads are not triggers ("سنتهم" keys like "سنة", year)."""

from __future__ import annotations

from datetime import date

from hadath.lexicon.compiled import MISREAD_VARIANT, load_compiled
from hadath.pipeline import Pipeline
from hadath.schema import Document


def test_year_and_six_are_not_accusations_and_accusing_still_is():
    pipeline = Pipeline()
    text = "قتل ستة أشخاص العام الماضي، وقال إن السنة المقبلة صعبة. واتهمت الحكومة المعارضة بالتخريب."
    events = pipeline.analyze(Document("t", text, date(2015, 7, 20))).events
    assert [e.trigger for e in events if e.cameo == "112"] == ["اتهمت"]


def test_misread_variants_are_reported_by_lexicon_check():
    dropped = {d.alias for d in load_compiled().dropped if d.reason == MISREAD_VARIANT}
    assert {"سنتهم", "ستتهم"} <= dropped
    assert not {"يتهم", "تتهم", "اتهم"} & dropped
