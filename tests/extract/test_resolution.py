"""Actor resolution with a confidence: an alias shared by several actors is decided by the document
date, then the country named in the sentence, then the document's focus country, each lowering the
confidence more; compositions without a named person ("مسؤول عراقي", a role whose holder is unknown,
a bare agent) are coded from their country and carry a lower confidence than a named holder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hadath.pipeline import Pipeline
from hadath.schema import ActorRef, Document

LEXICON = {
    "actors/countries.yaml": "countries:\n"
    "  - {code: SYR, name_en: Syria, names: [سوريا], adjectives: [سوري]}\n"
    "  - {code: IRQ, name_en: Iraq, names: [العراق], adjectives: [عراقي]}\n"
    "  - {code: LBN, name_en: Lebanon, names: [لبنان], adjectives: [لبناني]}\n",
    "actors/people.yaml": "provenance: test\nactors:\n"
    "  - {id: hafez, type: person, codes: [{code: SYRGOV, to: 2000-06-10}], names: [حافظ الأسد, الأسد], country: SYR}\n"
    "  - {id: bashar, type: person, codes: [{code: SYRGOV, from: 2000-07-17}], names: [بشار الأسد, الأسد], country: SYR}\n"
    "  - {id: hezbollah, type: group, codes: [LBNREB], names: [حزب الله], country: LBN}\n"
    "  - {id: iraqi-hezbollah, type: group, codes: [IRQREB], names: [حزب الله], country: IRQ}\n"
    "  - {id: kadhimi, type: person, codes: [{code: IRQGOV, from: 2020-05-07}], names: [الكاظمي]}\n"
    "  - {id: fuad-hussein, type: person, codes: [{code: IRQGOV, from: 2020-05-07}], names: [فؤاد حسين]}\n",
    "actors/imported.yaml": "provenance: 'oeda:test'\nactors:\n  - {id: oeda-1, codes: [IRQ], names: [الكاظمي]}\n",
    "actors/agents.yaml": "provenance: test\nagents:\n"
    "  - {names: [مسؤول, المسؤولون], code: GOV}\n  - {names: [المعارضة], code: OPP}\n",
    "actors/roles.yaml": "roles:\n  - id: foreign-minister\n    names: [وزير الخارجية]\n    code: GOV\n"
    "    holders:\n      IRQ:\n        - {actor: fuad-hussein, from: 2020-05-07}\n",
    "cues/syntax.yaml": "function_words: [في, من, إلى, إن, أن]\npreposition: [في, من, إلى]\n",
}


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    root = tmp_path_factory.mktemp("lexicon")
    for relative, content in LEXICON.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(content, encoding="utf-8")
    return Pipeline(data_dir=Path(root), use_cache=False, event_filter=False)


def actor(pipeline: Pipeline, text: str, surface: str, day: str | None = "2016-03-16") -> ActorRef:
    document = Document(id="t", text=text, date=date.fromisoformat(day) if day else None)
    found = [a for a in pipeline.analyze(document).actors if a.text == surface]
    assert found, f"no actor {surface!r} in {text!r}"
    return found[0]


@pytest.mark.parametrize(("day", "actor_id"), [("1998-01-01", "hafez"), ("2016-03-16", "bashar")])
def test_the_document_date_decides_between_actors_sharing_an_alias(pipeline, day, actor_id):
    resolved = actor(pipeline, "قال الأسد إن الحرب انتهت.", "الأسد", day)
    assert (resolved.actor_id, resolved.code, resolved.confidence) == (actor_id, "SYRGOV", 0.9)


def test_without_a_date_or_a_country_the_choice_is_a_guess(pipeline):
    assert actor(pipeline, "قال الأسد إن الحرب انتهت.", "الأسد", day=None).confidence <= 0.5


def test_a_country_in_the_sentence_decides(pipeline):
    resolved = actor(pipeline, "قال حزب الله في العراق إن الهجوم فشل.", "حزب الله")
    assert (resolved.actor_id, resolved.code) == ("iraqi-hezbollah", "IRQREB")
    assert resolved.confidence == pytest.approx(0.9 * 0.8)  # undated code, decided by the sentence


def test_the_documents_focus_country_decides_when_the_sentence_names_none(pipeline):
    text = "زار الوفد لبنان أمس. وقال حزب الله إن الزيارة مهمة."
    resolved = actor(pipeline, text, "حزب الله")
    assert (resolved.actor_id, resolved.code) == ("hezbollah", "LBNREB")
    assert resolved.confidence == pytest.approx(0.9 * 0.7)


def test_a_curated_actor_wins_over_an_imported_one_without_doubt(pipeline):
    resolved = actor(pipeline, "قال الكاظمي إن الانتخابات ستجري.", "الكاظمي", "2021-01-01")
    assert (resolved.actor_id, resolved.code, resolved.confidence) == ("kadhimi", "IRQGOV", 1.0)


def test_an_iraqi_official_is_the_iraqi_government(pipeline):
    resolved = actor(pipeline, "قال مسؤول عراقي إن الحدود مغلقة.", "مسؤول عراقي")
    assert (resolved.code, resolved.kind, resolved.actor_id) == ("IRQGOV", "agent", None)


@pytest.mark.parametrize(
    ("day", "actor_id", "confidence"), [("2010-01-01", None, 0.8), ("2021-01-01", "fuad-hussein", 0.95)]
)
def test_a_role_without_a_holder_on_the_date_is_coded_with_less_confidence(
    pipeline, day, actor_id, confidence
):
    resolved = actor(pipeline, "انتقد وزير الخارجية العراقي القرار.", "وزير الخارجية العراقي", day)
    assert (resolved.code, resolved.actor_id, resolved.confidence) == ("IRQGOV", actor_id, confidence)


def test_a_bare_agent_takes_the_focus_country_with_low_confidence(pipeline):
    resolved = actor(pipeline, "وصل الوفد إلى العراق. وقالت المعارضة إن الزيارة فاشلة.", "المعارضة")
    assert (resolved.code, resolved.confidence) == ("IRQOPP", 0.6)


def test_an_iraqi_official_in_the_shipped_lexicon():
    document = Document(id="t", text="قال مسؤول عراقي إن الحدود مع سوريا مغلقة.", date=date(2016, 3, 16))
    found = [a for a in Pipeline().analyze(document).actors if a.text == "مسؤول عراقي"]
    assert [(a.code, a.kind) for a in found] == [("IRQGOV", "agent")]


@pytest.mark.parametrize(
    ("text", "day", "actor_id"),
    [
        ("قال المبعوث الأممي إلى سوريا إن المفاوضات ستستأنف.", date(2016, 3, 1), "staffan-de-mistura"),
        ("قال المبعوث الأممي إلى سوريا إن المفاوضات ستستأنف.", date(2019, 3, 1), "geir-pedersen"),
        ("التقى المبعوث الأممي إلى اليمن بالوفد الحكومي.", date(2016, 3, 1), None),
    ],
)
def test_an_envoy_and_the_country_of_the_mission_after_a_preposition(text, day, actor_id):
    found = [
        a for a in Pipeline().analyze(Document(id="t", text=text, date=day)).actors if a.role == "un-envoy"
    ]
    assert found and found[0].code == "IGO" and found[0].text.startswith("المبعوث الأممي إلى")
    if actor_id:
        assert found[0].actor_id == actor_id


def test_a_name_the_lexicon_lacks_after_a_role_phrase_is_read_by_the_ner_model():
    text = "قال وزير الخارجية الايطالي باولو جينتيلوني إن بلاده تدعم الحل السياسي."
    found = [
        a for a in Pipeline().analyze(Document(id="t", text=text, date=date(2015, 7, 20))).actors if a.role
    ]
    assert [(a.text, a.code, a.actor_id, a.confidence) for a in found] == [
        ("وزير الخارجية الايطالي باولو جينتيلوني", "ITAGOV", None, 0.6)
    ]
