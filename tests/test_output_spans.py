"""Every span in the output is a span of the ORIGINAL text, for every kind of record."""

import json
from datetime import date
from pathlib import Path

import pytest

from hadath.pipeline import Pipeline
from hadath.schema import Analysis, Document

ROOT = Path(__file__).resolve().parents[1]
WORKED_EXAMPLE = ROOT.parent / "shared" / "examples" / "syria-2016-withdrawal" / "article.txt"


def _documents() -> list[Document]:
    documents = []
    for line in (ROOT / "examples" / "news.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        documents.append(Document(record["id"], record["text"], date.fromisoformat(record["date"])))
    # the same texts disguised: diacritics, tatweel and invisible controls must not shift any span
    disguised = documents[0].text.replace("غارات", "غـاراتٌ").replace("الروسية", "الروسية\u200f")
    documents.append(Document("disguised", disguised, date(2016, 2, 10)))
    if WORKED_EXAMPLE.exists():
        documents.append(Document("worked", WORKED_EXAMPLE.read_text(encoding="utf-8"), date(2016, 3, 16)))
    return documents


@pytest.fixture(scope="module")
def analyses() -> list[tuple[Document, Analysis]]:
    pipeline = Pipeline()
    return [(document, pipeline.analyze(document)) for document in _documents()]


def test_every_record_points_at_its_text(analyses):
    for document, analysis in analyses:
        text = document.text
        spans = [(a.start, a.end, a.text) for a in analysis.actors]
        spans += [(p.start, p.end, p.text) for p in analysis.places]
        spans += [(d.start, d.end, d.text) for d in analysis.dates]
        spans += [(e.start, e.end, e.text) for e in analysis.events]
        spans += [(e.trigger_start, e.trigger_end, e.trigger) for e in analysis.events]
        spans += [(q.start, q.end, q.content) for q in analysis.quotations]
        spans += [(q.cue_start, q.cue_end, q.cue) for q in analysis.quotations]
        spans += [(c.start, c.end, c.text) for c in analysis.claims]
        for event in analysis.events:
            for ref in (event.source, event.target, event.place):
                if ref is not None:
                    spans.append((ref.start, ref.end, ref.text))
        assert spans, document.id
        for start, end, shown in spans:
            assert 0 <= start <= end <= len(text)
            assert text[start:end] == shown, (document.id, start, end, shown)


def test_disguised_text_gives_the_same_analysis(analyses):
    by_id = {document.id: analysis for document, analysis in analyses}
    plain, disguised = by_id["hadath-demo-001"], by_id["disguised"]
    assert [(e.cameo, e.source and e.source.code) for e in plain.events] == [
        (e.cameo, e.source and e.source.code) for e in disguised.events
    ]
    assert [a.code for a in plain.actors] == [a.code for a in disguised.actors]
