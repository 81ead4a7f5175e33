"""tools/lexicon_coverage.py: ANERcorp spans are read despite the file's malformed lines, and a span
counts as resolved when one lexicon match covers it."""

from __future__ import annotations

from pathlib import Path

from lexicon_coverage import anercorp_coverage, anercorp_sentences, lexicon_counts

from hadath.lexicon.compiled import CompiledLexicon
from hadath.lexicon.loader import load_lexicon

ANERCORP = """\
قال B-ORG
وزير O
الخارجية O
الفرنسي B-LOC
لوران B-PERS
فابيوس I-PERS
في O
دمشق b-loc
. O
وزار B-PERs
بشار B-PERS
الأسد I-PERS
مدينة O
حلب B-LOC
. O
"""


def test_spans_are_read_from_iob_lines(tmp_path: Path):
    path = tmp_path / "train.txt"
    path.write_text(ANERCORP, encoding="utf-8")
    sentences = list(anercorp_sentences(path))
    assert [[(s.label, s.text) for s in spans] for _, spans in sentences] == [
        [("ORG", "قال"), ("LOC", "الفرنسي"), ("PERS", "لوران فابيوس"), ("LOC", "دمشق")],
        [("PERS", "وزار"), ("PERS", "بشار الأسد"), ("LOC", "حلب")],
    ]


def test_a_span_is_resolved_when_a_match_covers_it(tmp_path: Path):
    data = tmp_path / "data"
    (data / "actors").mkdir(parents=True)
    (data / "actors" / "a.yaml").write_text(
        "countries:\n  - {code: FRA, name_en: France, names: [فرنسا], adjectives: [فرنسي]}\n"
        "  - {code: SYR, name_en: Syria, names: [سوريا], capital: [دمشق]}\n"
        "actors:\n  - {id: bashar, type: person, codes: [SYRGOV], names: [بشار الأسد]}\n",
        encoding="utf-8",
    )
    path = tmp_path / "train.txt"
    path.write_text(ANERCORP, encoding="utf-8")
    compiled = CompiledLexicon(load_lexicon(data))
    coverage = anercorp_coverage(compiled, path)
    assert (coverage["LOC"]["spans"], coverage["LOC"]["resolved"]) == (3, 2)  # الفرنسي، دمشق; not حلب
    assert (coverage["PERS"]["spans"], coverage["PERS"]["resolved"]) == (3, 1)  # بشار الأسد
    assert coverage["all"]["resolved"] == 3
    assert lexicon_counts(compiled)["actors_by_type"] == {"person": 1}
