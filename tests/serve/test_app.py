"""The application in-process: the analysis timeout, the missing-workbench error, and the OpenAPI spec
describing the output records of hadath.schema."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from serve_support import Sample

from hadath import schema
from hadath.serve.app import WorkbenchMissing, create_app


# Starlette's TestClient asks for the httpx2 package (a warning when it is imported); httpx serves here.
@pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")
def test_an_analysis_past_the_timeout_gets_503_and_the_server_goes_on(tmp_path: Path, sample: Sample):
    from fastapi.testclient import TestClient

    # 150,000 characters (under the 200,000 a document may have) take a second or more to analyse: far
    # past the timeout even when the event loop's thread waits for the analysing thread to let go of the
    # interpreter (a busy 2-core CI machine)
    app = create_app(tmp_path / "store.duckdb", analysis_timeout=0.05, workbench=False)
    long_text = "\n\n".join([sample.text] * (150_000 // len(sample.text)))
    with TestClient(app) as client:
        response = client.post("/analyze", json={"text": long_text})
        assert response.status_code == 503
        assert "longer than 0.05 s" in response.json()["detail"]
        assert response.headers["retry-after"] == "10"
        assert client.get("/stats").status_code == 200


def test_the_workbench_needs_its_libraries(tmp_path: Path):
    with pytest.raises(WorkbenchMissing, match="run `make install`"):
        create_app(tmp_path / "store.duckdb", web_modules=tmp_path / "node_modules")
    assert create_app(tmp_path / "store.duckdb", web_modules=tmp_path, workbench=False)


def test_limits_must_be_positive(tmp_path: Path):
    with pytest.raises(ValueError, match="max_body_bytes"):
        create_app(tmp_path / "store.duckdb", max_body_bytes=0)
    with pytest.raises(ValueError, match="analysis_timeout"):
        create_app(tmp_path / "store.duckdb", analysis_timeout=0)


@pytest.mark.parametrize(
    "name", ["ActorRef", "PlaceRef", "DateRef", "Event", "Quotation", "Claim", "Analysis"]
)
def test_the_openapi_spec_describes_the_output_records_field_for_field(tmp_path: Path, name: str):
    spec = create_app(tmp_path / "store.duckdb", workbench=False).openapi()
    schemas = spec["components"]["schemas"]
    described = schemas.get(name) or schemas[f"{name}-Output"]
    assert list(described["properties"]) == [f.name for f in dataclasses.fields(getattr(schema, name))]
