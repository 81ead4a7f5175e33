"""Sentences, tokens and clitics over original offsets."""

from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.text.clitics import segment_word
from hadath.text.normalize import normalize
from hadath.text.tokens import tokenize


def _tokens(text):
    return tokenize(normalize(text))


def test_sentences_split_at_stops_not_decimals_or_initials():
    sentences, _ = _tokens("ارتفع المؤشر 3.5 بالمئة. وقال د. أحمد إن ذلك جيد؟ نعم\nسطر جديد")
    assert len(sentences) == 4


def test_a_free_standing_asterisk_ends_a_headline():
    text = "إسرائيل تغتال 5 في غزة  * لندن ـ «الشرق الأوسط»: اغتال الطيران الإسرائيلي خمسة."
    sentences, _ = _tokens(text)
    assert len(sentences) == 2
    assert text[sentences[0].start : sentences[0].end].strip() == "إسرائيل تغتال 5 في غزة  *"
    assert len(_tokens("2*3 = 6")[0]) == 1


def test_complementisers_include_ban_without_hamza():
    _, tokens = _tokens("أفادت الشرطة بأن رجلا وبان آخر")
    assert [t.is_complementiser for t in tokens] == [False, False, True, False, True, False]


def test_clitics_are_split_and_body_excludes_conjunction():
    text = "والقوات الروسية للنظام"
    _, tokens = _tokens(text)
    forces, russian, regime = tokens
    assert forces.prefixes == ("و", "ال") and forces.stem == "قو"
    assert text[forces.body_start : forces.end] == "القوات"
    assert russian.stem == "روسي"
    assert regime.prefixes[0] == "ل" and regime.stem == "نظام"


def test_segmentation_of_lam_lam():
    analysis = segment_word("للنظام")
    assert analysis.prefixes == ("ل", "ال")
    assert analysis.stem == "نظام"
    assert analysis.conjunction_length == 1


def test_future_prefix_and_suffixes():
    analysis = segment_word("سيبقون")
    assert "س" in analysis.prefixes
    assert analysis.suffixes == ("ون",)


def test_a_ta_marbuta_is_a_suffix_of_its_own_not_the_pronoun_it_is_normalised_to():
    # normalisation spells ة as ه: only the segmentation of the written word tells a visit from his visit
    assert segment_word("زيارة").suffixes == ("ة",)
    assert segment_word("الحكومة").suffixes == ("ة",)
    assert segment_word("زيارته").suffixes == ("ت", "ه")
    assert segment_word("جنوده").suffixes[-1] == "ه"
    _, tokens = _tokens("وصلت القوة إلى مدينته")
    assert [t.suffixes[-1:] for t in tokens[1:]] == [("ة",), (), ("ه",)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("وبالقتسنمريةأإ ،.«»\u064e\u0640") + ["\u200f"]), max_size=60))
def test_token_spans_are_original_substrings_that_normalise_to_the_token(text):
    normalized = normalize(text)
    sentences, tokens = tokenize(normalized)
    for token in tokens:
        assert 0 <= token.start <= token.body_start <= token.end <= len(text)
        assert normalize(text[token.start : token.end]).text == token.norm
    for sentence in sentences:
        assert sentence.first_token < sentence.last_token


def test_a_word_span_keeps_its_final_diacritics():
    text = "قَصَفَتْ الجيشُ السوريُّ"
    _, tokens = _tokens(text)
    assert [text[t.start : t.end] for t in tokens] == ["قَصَفَتْ", "الجيشُ", "السوريُّ"]
