"""The shipped JSON Schema is the one derived from the records, and real output validates against it."""

import json
from datetime import date
from pathlib import Path

import jsonschema

from hadath.pipeline import Pipeline
from hadath.schema import Document, output_json_schema

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "src/hadath/data/schema/analysis.schema.json"
DOCS = ROOT / "docs/analysis.schema.json"


def test_shipped_schema_files_are_current():
    expected = output_json_schema()
    for path in (SHIPPED, DOCS):
        assert json.loads(path.read_text(encoding="utf-8")) == expected, (
            f"regenerate {path}: hadath schema --out"
        )


def test_schema_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(output_json_schema())


def test_output_validates_and_spans_point_into_the_original():
    text = "قال وزير الخارجية الروسي إن القوات الروسية شنت غارات على مواقع تنظيم داعش في حلب أمس."
    analysis = Pipeline().analyze(Document(id="t1", text=text, date=date(2016, 3, 16)))
    payload = analysis.to_dict()
    jsonschema.validate(payload, output_json_schema())
    for actor in payload["actors"]:
        assert text[actor["start"] : actor["end"]] == actor["text"]
    for event in payload["events"]:
        assert text[event["trigger_start"] : event["trigger_end"]] == event["trigger"]
        assert text[event["start"] : event["end"]] == event["text"]
