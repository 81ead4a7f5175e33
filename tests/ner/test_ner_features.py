"""NER features: word analysis, trigger words, lexicon and Farasa knowledge, context, the second pass."""

from __future__ import annotations

import pytest

from hadath.lexicon.compiled import load_compiled
from hadath.ner.features import (
    FEATURE_GROUPS,
    FeatureExtractor,
    analyse_sentence,
    analyse_word,
    document_features,
    load_triggers,
)


@pytest.fixture(scope="module")
def extractor() -> FeatureExtractor:
    return FeatureExtractor(load_compiled())


def test_clitics_are_split_off_the_body():
    word = analyse_word("وباريس", 0)
    assert word.shape == "arabic"
    assert word.token.prefixes == ("و",)
    assert word.body == "باريس" and word.body_surface == "باريس"
    assert analyse_word("بالقاهرة", 0).token.prefixes == ("ب", "ال")


def test_normalisation_and_diacritics():
    word = analyse_word("إِيمانويل", 0)
    assert word.token.norm == "ايمانويل"
    assert word.body_surface == "إيمانويل"  # hamza kept for Farasa's lists


def test_glued_punctuation_and_shapes():
    quote = analyse_word("(د", 0)
    assert quote.token.norm == "د" and quote.punct_edges
    assert analyse_word("2002", 0).shape == "number"
    assert analyse_word("Reuters", 0).shape == "latin"
    assert analyse_word("،", 0).shape == "punct"


def test_triggers_are_keyed_like_the_lexicon():
    triggers = load_triggers()
    assert set(triggers) == {"person", "location", "organisation"}
    # "رئيسة" and "والرئيس" share the key of the listed "الرئيس"
    assert analyse_word("والرئيس", 0).token.key in triggers["person"]
    assert analyse_word("بمدينة", 0).token.key in triggers["location"]


def test_sentence_features(extractor):
    words = analyse_sentence(["قال", "الرئيس", "الفرنسي", "في", "باريس"])
    features = extractor.sentence(words)
    assert len(features) == len(words)
    first, president, _, _, paris = features
    assert "w=قال" in first and "-1:BOS" in first and "-2:BOS" in first
    assert "kt=person" in president and "al" in president
    assert "-1:kt=person" in features[2]  # the word after a title knows it
    assert "kl=capital:B" in paris and "1:EOS" in paris
    assert "-1:w=في" in paris and "bi-1=في|باريس" in paris


def test_feature_groups_can_be_left_out():
    bare = FeatureExtractor(load_compiled(), groups=()).sentence(analyse_sentence(["الرئيس", "في", "باريس"]))
    assert not any(
        f.startswith(("kl=", "kw=", "kf", "kt=", "kc", "-2:", "bi-1", "bi+1"))
        for items in bare
        for f in items
    )
    with pytest.raises(ValueError, match="unknown feature groups"):
        FeatureExtractor(load_compiled(), groups=("nonsense",))
    assert set(FEATURE_GROUPS) == {"window", "lexicon", "farasa", "triggers", "clusters"}


def test_cluster_features_of_the_word_and_its_neighbours(extractor):
    features = extractor.sentence(analyse_sentence(["وصل", "الى", "باريس", "امس"]))
    clusters = [f for f in features[2] if f.startswith("kc")]
    assert [f.split("=")[0] for f in clusters] == ["kc0", "kc1", "kc2"]  # the shipped file knows Paris
    assert all(f"-1:{f}" in features[3] for f in clusters)


def test_document_features_look_at_the_same_word_elsewhere():
    sentences = [["وصل", "ألونسو"], ["فاز", "ألونسو"], ["ألونسو"]]
    words = [analyse_sentence(s) for s in sentences]
    first_pass = [["O", "B-PER"], ["O", "O"], ["O"]]
    features = document_features(words, first_pass, window=1)
    # the token itself is not counted: only sentence 1 says something about the first ألونسو
    assert features[0][1][:2] == ["s1=B-PER", "kd=O"]
    assert features[1][1][:3] == ["s1=O", "kd=O", "kd=PER"]
    assert features[2][0] == ["s1=O", "kd=O"]  # the window (1) does not reach sentence 0
    assert "1:s1=B-PER" in features[0][0]  # a neighbour's first-pass label
