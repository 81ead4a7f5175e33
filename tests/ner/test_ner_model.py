"""The shipped NER model: loads offline and fast, tags sentences written for the test, and returns
spans that are exact substrings of the original text."""

from __future__ import annotations

import time

import pytest

from hadath.lexicon.compiled import load_compiled
from hadath.ner.model import FIRST_PASS_PATH, METADATA_PATH, MODEL_PATH, NerTagger, load_ner_tagger
from hadath.text.clitics import segment_word


@pytest.fixture(scope="module")
def tagger() -> NerTagger:
    return load_ner_tagger()


def test_shipped_model_is_small_and_loads_fast():
    assert MODEL_PATH.exists() and METADATA_PATH.exists() and FIRST_PASS_PATH.exists()
    assert MODEL_PATH.stat().st_size + FIRST_PASS_PATH.stat().st_size < 10_000_000
    # the lexicon and Farasa's tables are loaded by any analysis anyway (and timed in docs/evaluation.md);
    # what is timed here is the model itself
    lexicon = load_compiled()
    segment_word("والقوات")
    started = time.perf_counter()
    NerTagger(lexicon=lexicon)
    assert time.perf_counter() - started < 1.0


def test_person_and_place_in_a_news_sentence(tagger):
    text = "قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن بلاده ستدعم الاتفاق."
    entities = tagger.entities(text)
    found = {(e.type, e.text) for e in entities}
    assert ("PER", "إيمانويل ماكرون") in found
    assert ("LOC", "باريس") in found
    for entity in entities:
        assert text[entity.start : entity.end] == entity.text


def test_spans_index_the_original_text_with_diacritics_and_clitics(tagger):
    text = "وَصَلَ وزير الخارجية الأمريكي جون كيري إلى القاهرة وبغداد."
    entities = tagger.entities(text)
    for entity in entities:
        assert text[entity.start : entity.end] == entity.text
        assert not entity.text.startswith("و") or entity.text.startswith("وز")  # no glued conjunction
    assert ("LOC", "القاهرة") in {(e.type, e.text) for e in entities}


def test_tag_words_gives_one_label_per_word(tagger):
    words = ["أعلنت", "شركة", "أرامكو", "السعودية", "أرباحها", "."]
    labels = tagger.tag_words(words)
    assert len(labels) == len(words)
    assert all(label == "O" or label[:2] in ("B-", "I-") for label in labels)
    assert tagger.tag_words([]) == []
    assert tagger.tag_sentences([]) == []
