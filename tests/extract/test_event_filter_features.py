"""Context features of the event filter: word groups, casualty counts, frames, quotes, soft targets."""

from datetime import date

import pytest

from hadath.extract import event_filter_training as trainer
from hadath.extract.event_filter import (
    event_features,
    group_features,
    has_casualty_count,
    in_quotation,
    word_groups,
)
from hadath.pipeline import Pipeline
from hadath.schema import Document
from hadath.text.normalize import normalize
from hadath.text.tokens import tokenize


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(event_filter=False)


def _tokens(text: str):
    return tokenize(normalize(text))[1]


def test_word_groups_match_words_with_clitics_and_ta_marbuta():
    groups = word_groups()
    keys = {t.key for t in _tokens("والمتظاهرين بسيارة مفخخة")}
    assert any("protest_agent" in groups.get(k, ()) for k in keys)
    assert any("means" in groups.get(k, ()) for k in keys)


def test_group_features_mark_near_only_within_the_window():
    tokens = _tokens(
        "هاجم مسلحون القرية وفي نهاية اليوم بعد ساعات طويلة جدا من الانتظار رفع المتظاهرون لافتات"
    )
    features = group_features(tokens, 0, len(tokens), 0, 1)
    assert "g=armed_agent" in features and "near=armed_agent" in features
    assert "g=protest_act" in features and "near=protest_act" not in features  # لافتات is far away


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أسفر الهجوم عن مقتل 12 شخصا", True),
        ("قتل 5 من الجنود", True),  # one word may stand between the number and the noun
        ("قتل 5 من بين الجنود", False),  # two may not
        ("أوقع الانفجار 68 قتيلا", True),
        ("وقعت 12 حادثة في الشهر الماضي", False),
    ],
)
def test_casualty_count(text, expected):
    tokens = _tokens(text)
    assert has_casualty_count(tokens, 0, len(tokens), set()) is expected


def test_casualty_count_accepts_cardinal_words(pipeline):
    extraction = pipeline.extract(Document(id="c", text="قتل ثلاثة أشخاص في انفجار ببغداد."))
    doc = extraction.doc
    cardinals = {c.first for c in doc.cues if c.category == "cardinal"}
    assert cardinals  # ثلاثة
    assert has_casualty_count(doc.tokens, 0, len(doc.tokens), cardinals)
    assert not has_casualty_count(doc.tokens, 0, len(doc.tokens), set())


def test_in_quotation():
    assert in_quotation("وقال «إن")
    assert not in_quotation("وقال «إن الوضع هادئ» ثم")
    assert in_quotation('وقال "إن')


def test_event_features_name_abstract_objects_and_unreal_frames(pipeline):
    abstract = pipeline.extract(Document(id="a", text="ويتواصل الهجوم على الحريات الاجتماعية في البلاد."))
    attempt = pipeline.extract(Document(id="b", text="كشفت الشرطة خطة لشن هجمات على المدينة."))
    real = pipeline.extract(
        Document(id="r", text="قتل 12 شخصا أمس في انفجار سيارة مفخخة في بغداد.", date=date(2008, 1, 2))
    )

    def features(extraction, word):
        events = [e for e in extraction.events if word in extraction.doc.tokens[e.first].key]
        assert events, [extraction.doc.tokens[e.first].key for e in extraction.events]
        return event_features(extraction.doc, events[0], extraction.dates)

    assert "abstract_after" in features(abstract, "هجوم")
    assert "unreal_frame_before" in features(attempt, "هجم")
    concrete = features(real, "انفجار")
    assert "count_casualty" in concrete and "near=means" in concrete
    assert "abstract_after" not in concrete and "unreal_frame_before" not in concrete


def test_soft_target_lies_between_the_hard_labels():
    yes = trainer.Sentence("y", "ASSAULT", True, [], accepted=1.0)
    difficult = trainer.Sentence("d", "ASSAULT", False, [], accepted=0.5)
    easy = trainer.Sentence("e", "ASSAULT", False, [], accepted=0.0)
    assert [trainer.target(s) for s in (yes, difficult, easy)] == [1.0, 0.25, 0.0]
    assert trainer.target(difficult, "hard") == 0.0 and trainer.target(difficult, "soft") == 0.5
    assert trainer.target(trainer.Sentence("n", "ASSAULT", True, []), "soft") == 1.0  # no votes known
