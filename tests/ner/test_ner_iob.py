"""Reading ``token label`` IOB files: label spellings, IOB1/IOB2 chunking, sentence breaks, bad lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.ner.iob import keep_types, normalize_label, parse_iob, read_iob, spans, to_iob2

ANERCORP = Path(__file__).resolve().parents[3] / "shared" / "data" / "ner" / "anercorp-train" / "train.txt"


@pytest.mark.parametrize(
    ("raw", "label"),
    [
        ("B-PERS", "B-PER"),
        ("I-PERS", "I-PER"),
        ("B-PERs", "B-PER"),
        ("IPERS", "I-PER"),
        ("I--ORG", "I-ORG"),
        ("B-ORF", "B-ORG"),
        ("b-misc", "B-MISC"),
        ("B-MIS1", "B-MISC"),
        ("B-MIS-2", "B-MISC"),
        ("B-LOCI-PERS", "B-LOC"),
        ("B-ENGLISH", "O"),
        ("o", "O"),
        ("OO", "O"),
        ("IO", "O"),
    ],
)
def test_label_spellings_are_normalised(raw, label):
    assert normalize_label(raw) == label


def test_iob1_and_iob2_give_the_same_chunks():
    iob1 = ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"]
    iob2 = ["B-PER", "I-PER", "B-PER", "O", "B-LOC", "B-ORG"]
    assert to_iob2(iob1) == iob2
    assert spans(iob1) == spans(iob2) == [(0, 2, "PER"), (2, 3, "PER"), (4, 5, "LOC"), (5, 6, "ORG")]


def test_keep_types_turns_other_types_into_o():
    assert keep_types(["B-MISC", "I-MISC", "B-PER"], ["PER"]) == ["O", "O", "B-PER"]


def test_sentences_break_at_blank_lines_and_final_punctuation():
    lines = [
        "زار O",
        "الرئيس O",
        "باريس B-LOC",
        ". O",
        "ثم O",
        "عاد O",
        "",
        "قال O",
        "محمد I-PERS",  # IOB1 start
        "علي I-PERS",
    ]
    corpus = parse_iob(lines)
    assert [s.words for s in corpus.sentences] == [
        ["زار", "الرئيس", "باريس", "."],
        ["ثم", "عاد"],
        ["قال", "محمد", "علي"],
    ]
    assert corpus.sentences[2].labels == ["O", "B-PER", "I-PER"]
    assert corpus.tokens == 9


def test_lines_without_a_label_are_skipped_and_counted():
    corpus = parse_iob(["  O", ".O", "كلمة O", "الأمن\u200f1706 \u200f I-ORG"])
    assert corpus.skipped_lines == 2
    assert corpus.sentences[0].words == ["كلمة", "الأمن\u200f1706"]
    assert corpus.sentences[0].labels == ["O", "B-ORG"]


@pytest.mark.shared
@pytest.mark.skipif(
    not ANERCORP.exists(), reason=f"ANERcorp not available at {ANERCORP} (needs the ../shared checkout)"
)
def test_anercorp_training_portion_reads_into_sentences():
    corpus = read_iob(ANERCORP)
    assert corpus.tokens > 125_000
    assert len(corpus.sentences) > 4_000
    labels = {label for sentence in corpus.sentences for label in sentence.labels}
    assert labels == {"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}
