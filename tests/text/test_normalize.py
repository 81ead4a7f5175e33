"""Normalisation: what it folds, and that every offset maps back to the original."""

from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.text.normalize import normalize

# letters, diacritics, tatweel, bidi/zero-width controls, presentation forms, digits, spaces, Latin
ALPHABET = st.sampled_from(
    list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآؤئىة")
    + ["\u064b", "\u064e", "\u0651", "\u0652", "\u0670", "\u0640"]
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202b", "\u2067", "\ufeff", "\u00ad"]
    + ["\ufefb", "\ufe8e", "\ufdf2", "\ufb50"]
    + list("٠١٢٣٤٥٦٧٨٩۱۲")
    + [" ", "\u00a0", "\n", "،", ".", "«", "»"]
    + list("AbZ09")
)


def test_folds_spelling_variants():
    assert normalize("أإآٱ").text == "اااا"
    assert normalize("مستشفى").text == "مستشفي"
    assert normalize("مدرسة").text == "مدرسه"
    assert normalize("مسؤول شيئ").text == "مسوول شيي"
    assert normalize("٢٠١٦").text == "2016"
    assert normalize("a\u00a0b").text == "a b"


def test_removes_marks_and_controls_and_keeps_offsets():
    original = "قالَ\u200f الـرئيس"
    result = normalize(original)
    assert result.text == "قال الرييس"
    start = result.text.index("الرييس")
    s, e = result.original_span(start, start + len("الرييس"))
    assert original[s:e] == "الـرئيس"


def test_presentation_forms_expand_to_the_same_original_character():
    original = "\ufefb بد"  # the lam-alef ligature
    result = normalize(original)
    assert result.text.startswith("لا")
    assert result.original_span(0, 2) == (0, 1)
    assert result.original_span(0, 1) == (0, 1)


@settings(max_examples=400, deadline=None)
@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_every_normalised_span_maps_back_inside_the_original(original):
    result = normalize(original)
    n = len(result.text)
    previous = 0
    for index in range(n):
        o = result.original_offset(index)
        assert 0 <= o < len(original)
        assert o >= previous  # monotone
        previous = o
    for start in range(0, n + 1, 3):
        for end in range(start, n + 1, 4):
            s, e = result.original_span(start, end)
            assert 0 <= s <= e <= len(original)
            # normalising the original span gives back at least the normalised characters
            assert result.text[start:end] in normalize(original[s:e]).text


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_normalisation_is_idempotent(original):
    once = normalize(original).text
    assert normalize(once).text == once
