"""Aliases measured noisy on a corpus (curation/noisy_aliases.yaml) are left out of the automata."""

from __future__ import annotations

from datetime import date

import pytest

from hadath.lexicon.compiled import CompiledLexicon
from hadath.lexicon.loader import LexiconError, load_lexicon
from hadath.pipeline import Pipeline
from hadath.schema import Document

ACTORS = "actors:\n  - {id: x-person, name_en: X, type: person, codes: [{code: IRQGOV}], names: [أحمد مبارك, مبارك]}\n"


def test_an_excluded_alias_is_dropped_and_the_others_of_the_actor_stay(make_lexicon):
    root = make_lexicon(
        {
            "actors/people.yaml": ACTORS,
            "curation/noisy_aliases.yaml": "excluded_aliases:\n  - {alias: مبارك, reason: blessed}\n",
        }
    )
    lexicon = load_lexicon(root)
    assert lexicon.excluded_aliases == {"مبارك": "blessed"}
    compiled = CompiledLexicon(lexicon)
    dropped = [(d.alias, d.reason) for d in compiled.dropped]
    assert ("مبارك", "measured noisy on a corpus (curation/noisy_aliases.yaml)") in dropped
    assert "أحمد مبارك" not in [alias for alias, _ in dropped]


def test_an_excluded_alias_needs_a_reason(make_lexicon):
    root = make_lexicon({"curation/noisy_aliases.yaml": "excluded_aliases:\n  - {alias: مبارك}\n"})
    with pytest.raises(LexiconError, match="needs a 'reason'"):
        load_lexicon(root)


def test_shipped_exclusions_stop_common_words_and_keep_the_full_names():
    pipeline = Pipeline()
    greeting = pipeline.analyze(
        Document("g", "تبادل المواطنون التهنئة بعيد الفطر المبارك وقالوا عيد مبارك.", date(2015, 7, 17))
    )
    assert not [a for a in greeting.actors if a.actor_id == "hosni-mubarak"]
    named = pipeline.analyze(
        Document("n", "ألقى الرئيس المصري حسني مبارك خطابا في القاهرة.", date(2005, 7, 17))
    )
    assert [a.actor_id for a in named.actors if a.actor_id == "hosni-mubarak"]
    # مدنين (Medenine) keys like مدن "cities"
    cities = pipeline.analyze(Document("c", "زار الوفد عدة مدن سعودية خلال الأسبوع.", date(2015, 7, 17)))
    assert not [p for p in cities.places if p.text == "مدن"]


def test_every_shipped_exclusion_names_an_alias_of_the_lexicon():
    from hadath.lexicon.compiled import load_compiled
    from hadath.text.normalize import normalize

    compiled = load_compiled()
    measured = {normalize(d.alias).text for d in compiled.dropped if d.reason.startswith("measured noisy")}
    stale = set(compiled.lexicon.excluded_aliases) - measured
    assert not stale, f"excluded aliases no entry has (remove them from curation/noisy_aliases.yaml): {stale}"
