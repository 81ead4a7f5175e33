"""The author's claims (extract/claims.py): genre detection, claim units cut at causal connectives,
hedges, negation with its scope, what a claim is about, and because/therefore links."""

from __future__ import annotations

from datetime import date

import pytest

from hadath.pipeline import Pipeline
from hadath.schema import Analysis, Document

OP_ED = (
    "أرى أن الانسحاب الروسي لن يغير موازين القوى في سوريا. "
    "يمكن القول إن الكرملين يضغط على النظام السوري لأن المفاوضات في جنيف تعثرت. "
    "ولهذا فإن المعارضة مطالبة بالصبر."
)

NEWS = (
    "أعلنت الحكومة العراقية أمس عن خطة جديدة لإعادة إعمار البصرة. "
    "وقال المتحدث باسم الحكومة إن الخطة تشمل بناء المدارس."
)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def analyze(pipeline: Pipeline, text: str) -> Analysis:
    return pipeline.analyze(Document(id="t", text=text, date=date(2016, 3, 20)))


@pytest.fixture(scope="module")
def op_ed(pipeline) -> Analysis:
    return analyze(pipeline, OP_ED)


def test_first_person_opinion_makes_an_opinion_text(op_ed):
    assert op_ed.genre == "opinion"


def test_op_ed_claim_units(op_ed):
    assert [c.text for c in op_ed.claims] == [
        "أرى أن الانسحاب الروسي لن يغير موازين القوى في سوريا.",
        "يمكن القول إن الكرملين يضغط على النظام السوري",
        "لأن المفاوضات في جنيف تعثرت.",
        "ولهذا فإن المعارضة مطالبة بالصبر.",
    ]
    for claim in op_ed.claims:
        assert claim.holder == "author"
        assert OP_ED[claim.start : claim.end] == claim.text


def test_negated_claim_and_its_scope(op_ed):
    first = op_ed.claims[0]
    assert first.negated is True
    assert first.hedged is False
    assert first.negated_part == "لن يغير موازين القوى في سوريا"
    assert first.relation is None


def test_hedged_claim_and_what_it_is_about(op_ed):
    second = op_ed.claims[1]
    assert second.hedged is True
    assert second.hedge == "يمكن القول"
    assert second.negated is False
    assert "SYRGOV" in second.about


def test_because_and_therefore_relations(op_ed):
    premise, conclusion = op_ed.claims[2], op_ed.claims[3]
    assert (premise.relation, premise.relation_cue) == ("because", "لأن")
    assert (conclusion.relation, conclusion.relation_cue) == ("therefore", "ولهذا")
    assert conclusion.about == ["SYROPP"]
    assert premise.hedged is False and premise.negated is False


def test_negated_part_stops_at_a_contrast_cue(pipeline):
    text = "أعتقد أن الحكومة العراقية ليست جادة في الإصلاح بل تحاول كسب الوقت."
    analysis = analyze(pipeline, text)
    [claim] = analysis.claims
    assert claim.negated is True
    assert claim.negated_part == "ليست جادة في الإصلاح"
    assert claim.about == ["IRQGOV"]


def test_two_hedges_without_first_person_make_an_opinion_text(pipeline):
    text = "ربما يكون الانسحاب الروسي مجرد مناورة. وقد يكون الهدف الضغط على النظام السوري."
    analysis = analyze(pipeline, text)
    assert analysis.genre == "opinion"
    assert [c.hedged for c in analysis.claims] == [True, True]
    assert analysis.claims[0].hedge == "ربما يكون"
    assert analysis.claims[1].about == ["SYRGOV"]


def test_plain_news_has_no_author_claims(pipeline):
    analysis = analyze(pipeline, NEWS)
    assert analysis.genre == "news"
    assert analysis.claims == []
    # what the spokesman said is a quotation, not the author's claim
    assert [q.content for q in analysis.quotations] == ["الخطة تشمل بناء المدارس"]


def test_a_demonstrative_points_back_to_the_earlier_event_and_its_actor(pipeline):
    text = "أعلن الرئيس الروسي قرار سحب القوات من سوريا أمس. وأرى أن هذا القرار لن يغير شيئا على الأرض."
    analysis = analyze(pipeline, text)
    claim = next(c for c in analysis.claims if "هذا القرار" in c.text)
    assert "RUSGOV" in claim.about  # nobody Russian is named in the claim itself
