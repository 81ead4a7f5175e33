"""schemathesis against the OpenAPI spec the real server serves: generated requests for every operation,
valid and invalid ones, never get a 5xx, and every answer matches the spec (status, media type, schema)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from serve_support import Server, copy_store, start_server

from hadath.serve.app import create_app

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES_PER_OPERATION = 20
SPEC = create_app("unused.duckdb", workbench=False).openapi()  # the served spec, built without a store
# (method, path, mode): invalid requests only for operations that take some input
CASES = [
    (method.upper(), path, mode)
    for path, item in SPEC["paths"].items()
    for method, operation in item.items()
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    if mode is GenerationMode.POSITIVE or "parameters" in operation or "requestBody" in operation
]


@pytest.fixture(scope="module")
def api_schema(example_store: Path, tmp_path_factory) -> Iterator[schemathesis.BaseSchema]:
    """The spec of a server of its own: the generated POST /documents requests write into its store."""
    directory = tmp_path_factory.mktemp("fuzzed")
    running: Server = start_server(copy_store(example_store, directory), directory / "server.log")
    yield schemathesis.openapi.from_url(f"{running.base_url}/openapi.json")
    running.stop()


@pytest.mark.parametrize(("method", "path", "mode"), CASES, ids=[f"{m} {p} {g.value}" for m, p, g in CASES])
def test_generated_requests_get_no_5xx_and_answers_as_specified(api_schema, method, path, mode):
    operation = api_schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    def answers_as_specified(case) -> None:
        case.call_and_validate(checks=CHECKS, timeout=60)

    answers_as_specified()
