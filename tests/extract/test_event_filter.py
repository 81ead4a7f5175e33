"""The learned event filter: shipped model, features, deterministic training."""

from datetime import date

import pytest

from hadath.extract import event_filter_training as trainer
from hadath.extract.event_filter import event_features, load_event_filter
from hadath.pipeline import Pipeline
from hadath.schema import Document


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def test_shipped_model_loads_with_its_types():
    model = load_event_filter()
    assert model is not None
    assert model.types == frozenset({"ASSAULT", "PROTEST"})
    assert model.threshold == 0.5
    assert any(key.startswith("ASSAULT|") for key in model.weights)


def test_filter_sets_confidence_of_known_types_only(pipeline):
    text = "قصفت الطائرات الروسية مواقع لتنظيم داعش في إدلب أمس. وقال الوزير إن الحكومة ستدعم الجيش."
    document = Document(id="f", text=text, date=date(2016, 3, 16))
    analysis = pipeline.analyze(document)
    extraction = Pipeline(event_filter=False).extract(document)
    rules = Pipeline(event_filter=False).analyze(document)
    model = load_event_filter()
    kinds = set()
    for filtered, unfiltered, mention in zip(analysis.events, rules.events, extraction.events, strict=True):
        if filtered.plover in model.types:
            expected = model.probability(
                filtered.plover, event_features(extraction.doc, mention, extraction.dates)
            )
            assert filtered.confidence == round(expected, 2)
            kinds.add("filtered")
        else:
            assert filtered.confidence == unfiltered.confidence
            kinds.add("rule")
    assert kinds == {"filtered", "rule"}  # both branches were exercised


def test_features_are_deterministic_and_name_the_trigger(pipeline):
    text = "قتل عشرة أشخاص أمس في هجوم انتحاري في بغداد."
    extraction = pipeline.extract(Document(id="x", text=text, date=date(2008, 1, 2)))
    event = extraction.events[0]
    first = event_features(extraction.doc, event, extraction.dates)
    assert first == event_features(extraction.doc, event, extraction.dates) == sorted(set(first))
    assert "bias" in first and "relative_time" in first  # أمس
    assert any(f.startswith("trigger=") for f in first)


def _toy(n: int) -> list[trainer.Sentence]:
    sentences = []
    for i in range(n):
        positive = i % 3 == 0
        features = ["ASSAULT|bias", "ASSAULT|relative_time" if positive else "ASSAULT|reference_preposition"]
        sentences.append(trainer.Sentence(f"s{i}", "ASSAULT", positive, [features]))
    return sentences


def test_training_is_deterministic_and_learns_a_separable_toy_set():
    data = _toy(30)
    first = trainer.train(data, l2=0.01, iterations=100)
    second = trainer.train(data, l2=0.01, iterations=100)
    assert first == second
    assert first["ASSAULT|relative_time"] > 0 > first["ASSAULT|reference_preposition"]
    probabilities = [(trainer.sentence_probability(first, s), s.label) for s in data]
    assert trainer.scores(probabilities, 0.5)["f1"] == 1.0
