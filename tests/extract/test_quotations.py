"""Speech acts and quotations (extract/quotations.py): direct quotes governed by a speech cue before or
right after them, indirect speech after a complementiser, and quoted words nobody is said to have said."""

from __future__ import annotations

from datetime import date

import pytest

from hadath.pipeline import Pipeline
from hadath.schema import Analysis, Document


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def analyze(pipeline: Pipeline, text: str) -> Analysis:
    return pipeline.analyze(Document(id="t", text=text, date=date(2016, 3, 16)))


def test_direct_quote_after_speech_verb_and_colon(pipeline):
    text = "قال وزير الخارجية السوري: «لن نقبل بأي شروط مسبقة في المفاوضات»."
    [quote] = analyze(pipeline, text).quotations
    assert quote.direct is True
    assert quote.content == "لن نقبل بأي شروط مسبقة في المفاوضات"
    assert (quote.start, quote.end) == (text.index("«") + 1, text.index("»"))
    assert quote.cue == "قال"
    assert (quote.cue_start, quote.cue_end) == (0, 3)
    assert quote.speaker is not None
    assert quote.speaker.code == "SYRGOV"
    assert quote.speaker.name_en == "Walid al-Muallem"
    assert quote.speaker.text == "وزير الخارجية السوري"


@pytest.mark.parametrize("separator", ["، ", " "])
def test_quote_followed_by_speech_verb_and_speaker(pipeline, separator):
    text = f"«سنواصل دعم الحكومة الشرعية»{separator}قال وزير الخارجية الروسي."
    [quote] = analyze(pipeline, text).quotations
    assert quote.direct is True
    assert quote.content == "سنواصل دعم الحكومة الشرعية"
    assert (quote.start, quote.end) == (1, text.index("»"))
    assert quote.cue == "قال"
    assert quote.speaker.code == "RUSGOV"
    assert quote.speaker.name_en == "Sergey Lavrov"


def test_indirect_speech_after_anna(pipeline):
    text = "أكد وزير الخارجية الروسي أن بلاده ستواصل دعم الحكومة السورية."
    [quote] = analyze(pipeline, text).quotations
    assert quote.direct is False
    assert quote.cue == "أكد"
    assert quote.speaker.code == "RUSGOV"
    assert quote.content == "بلاده ستواصل دعم الحكومة السورية"
    assert quote.end == text.index(".")


def test_indirect_speech_with_bare_minister_as_speaker(pipeline):
    text = "أكد الوزير أن الحكومة السورية ستشارك في المفاوضات."
    [quote] = analyze(pipeline, text).quotations
    assert quote.speaker.text == "الوزير"
    assert quote.speaker.code == "SYRGOV"  # the country of the story (the only one named)
    assert quote.content == "الحكومة السورية ستشارك في المفاوضات"


def test_the_subject_between_kana_and_qad_is_the_speaker(pipeline):
    text = "وكانت المعارضة قد أعلنت بدء هجوم على مواقع النظام في درعا."
    [statement] = [e for e in analyze(pipeline, text).events if e.cameo.startswith("01")]
    assert statement.source.text == "المعارضة"  # not النظام, which the search after the verb reaches


def test_ala_anna_after_the_speaker(pipeline):
    text = "أكد وزير الخارجية الروسي على أن بلاده ستواصل دعم الحكومة السورية."
    [quote] = analyze(pipeline, text).quotations
    assert quote.content == "بلاده ستواصل دعم الحكومة السورية"
    assert quote.speaker.code == "RUSGOV"


def test_anna_with_pronoun_starts_the_content(pipeline):
    text = "أكد وزير الخارجية الروسي أنه سيزور طهران قريبا."
    [quote] = analyze(pipeline, text).quotations
    assert quote.content == "أنه سيزور طهران قريبا"
    assert quote.start == text.index("أنه")


def test_colon_introduces_indirect_content(pipeline):
    text = "أعلن الرئيس بوتين: سنسحب القسم الأكبر من قواتنا."
    [quote] = analyze(pipeline, text).quotations
    assert quote.direct is False
    assert quote.cue == "أعلن"
    assert quote.speaker.name_en == "Vladimir Putin"
    assert quote.content == "سنسحب القسم الأكبر من قواتنا"


def test_conjoined_speech_verb_continues_previous_speaker(pipeline):
    text = "قال الرئيس بوتين إن المهمة أنجزت. وأضاف أن الانسحاب سيبدأ غدا."
    quotes = analyze(pipeline, text).quotations
    assert [(q.cue, q.content) for q in quotes] == [
        ("قال", "المهمة أنجزت"),
        ("أضاف", "الانسحاب سيبدأ غدا"),
    ]
    assert [q.speaker.name_en for q in quotes] == ["Vladimir Putin", "Vladimir Putin"]


def test_conjoined_speech_verb_takes_the_latest_speaker(pipeline):
    text = "قال الرئيس بوتين إن المهمة أنجزت. قال الرئيس الأمريكي إن المهمة لم تنجز. وأضاف أن الخلاف مستمر."
    quotes = analyze(pipeline, text).quotations
    assert quotes[-1].content == "الخلاف مستمر"
    assert quotes[-1].speaker.code == "USAGOV"
    assert quotes[-1].speaker.name_en == "Barack Obama"


def test_quoted_idiom_without_speech_cue_is_not_a_quotation(pipeline):
    analysis = analyze(pipeline, "وأصبحت المدينة «ساحة مفتوحة» للمقاتلين من كل مكان.")
    assert analysis.quotations == []
    assert all(e.cameo != "010" for e in analysis.events)


@pytest.mark.parametrize(
    "text",
    [
        "قال تعالى «وأوفوا بالعهد إن العهد كان مسؤولا».",
        "وكما يقول المثل «الصبر مفتاح الفرج» فإن المعارضة مطالبة بالانتظار.",
    ],
)
def test_scripture_or_proverb_quote_is_never_attributed(pipeline, text):
    analysis = analyze(pipeline, text)
    assert analysis.quotations == []
    assert all(e.cameo not in ("010", "120") for e in analysis.events)


def test_scripture_quote_inside_a_political_text_is_left_alone(pipeline):
    text = "قال وزير الخارجية السوري: «لن نقبل بأي شروط». وقد قال تعالى «وأوفوا بالعهد إن العهد كان مسؤولا»."
    quotes = analyze(pipeline, text).quotations
    assert [q.content for q in quotes] == ["لن نقبل بأي شروط"]


def test_a_verb_with_a_plural_ending_has_no_speaker_after_it(pipeline):
    text = "سلم المتظاهرون رسالة طالبوا فيها باستمرار الضغوط على الحكومة السودانية."
    analysis = pipeline.analyze(Document(id="t", text=text, date=date(2007, 4, 30)))
    request = next(e for e in analysis.events if e.trigger == "طالبوا")
    assert request.source is not None and request.source.text == "المتظاهرون"  # not the government


def test_words_qualifying_the_speaker_before_the_complementiser(pipeline):
    text = "وقال المسؤول الصحي في عدن إن مدنيين قتلوا بانفجار ألغام أرضية."
    analysis = pipeline.analyze(Document(id="t", text=text, date=date(2015, 8, 3)))
    assert [q.content for q in analysis.quotations] == ["مدنيين قتلوا بانفجار ألغام أرضية"]
    # the official reports the deaths; he did not cause them
    assert all(e.source is None for e in analysis.events if e.plover == "ASSAULT")
    # a spokesman's title may be long ("الناطق الإعلامي لشرطة منطقة عسير")
    text = (
        "وأوضح الرائد زيد القحطاني الناطق الإعلامي لشرطة منطقة عسير أنه ورد بلاغ عن حدوث إطلاق نار"
        " نتج عنه مقتل ثلاثة أشخاص."
    )
    analysis = pipeline.analyze(Document(id="t", text=text, date=date(2015, 8, 3)))
    assert [q.content for q in analysis.quotations] == [text[text.index("أنه") : -1]]
    assert all(e.source is None for e in analysis.events if e.plover == "ASSAULT")


def test_an_after_a_time_word_does_not_open_what_was_said(pipeline):
    text = "وقال الوزير في مؤتمر عقده في الرياض بعد أن التقى نظيره الفرنسي."
    analysis = pipeline.analyze(Document(id="t", text=text, date=date(2015, 8, 3)))
    assert analysis.quotations == []


def test_a_speech_verb_after_an_indefinite_noun_opens_its_relative_clause(pipeline):
    text = "ورفع المحتجون شعارات تطالب الحكومة بالاستقالة."
    analysis = pipeline.analyze(Document(id="t", text=text, date=date(2019, 10, 20)))
    demand = next(e for e in analysis.events if e.trigger == "تطالب")
    assert demand.source is not None and demand.source.text == "المحتجون"  # the government is asked


def test_a_joined_speech_verb_shares_the_subject_of_its_sentence_s_first_verb(pipeline):
    text = "طالب إسماعيل هنية بالإفراج عن الأسرى. وترفض إسرائيل ذلك، وتقول إنهم عادوا إلى نشاطهم."
    [quote] = analyze(pipeline, text).quotations
    assert quote.speaker is not None and quote.speaker.code == "ISR"


def test_a_joined_speech_verb_with_a_subject_named_in_quotation_marks_is_not_the_sentence_s(pipeline):
    text = "أعلنت الحكومة الفلسطينية برنامجا جديدا، وتقول «أستون» إنه سهل الاستخدام."
    said = [q for q in analyze(pipeline, text).quotations if q.cue == "تقول"]
    assert all(q.speaker is None or q.speaker.code != "PSEGOV" for q in said)
