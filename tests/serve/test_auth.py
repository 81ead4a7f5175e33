"""With HADATH_TOKEN set, every route of the application (the API, the workbench's files, the OpenAPI
spec, and paths that do not exist) refuses a request without the token, and accepts it with the token."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from serve_support import Server, copy_store, start_server
from starlette.routing import Mount, Route

from hadath.serve.app import create_app

TOKEN = "s3cret-token-for-tests"
BODIES = {
    "/analyze": {"text": "شنت الطائرات الروسية غارات على ريف حلب."},
    "/documents": {"documents": [{"id": "auth", "text": "قال وزير الخارجية الروسي إن موسكو تدعم الحل."}]},
}


@pytest.fixture(scope="module")
def guarded(example_store: Path, tmp_path_factory) -> Iterator[Server]:
    directory = tmp_path_factory.mktemp("guarded")
    running = start_server(copy_store(example_store, directory), directory / "server.log", token=TOKEN)
    yield running
    running.stop()


def _leaves(routes: list) -> Iterator:
    """The routes, with those of included routers (FastAPI includes a router as one entry) spelt out."""
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:
            yield from _leaves(included.routes)
        else:
            yield route


def _requests(doc_key: str) -> list[tuple[str, str]]:
    """(method, path) of every route of the application, path parameters filled in."""
    app = create_app("unused.duckdb")  # the routes only: the store is opened at startup, which never runs
    documented = {(m.upper(), p) for p, item in app.openapi()["paths"].items() for m in item}
    requests: list[tuple[str, str]] = []
    for route in _leaves(app.routes):
        if isinstance(route, Mount):
            requests.append(("GET", f"{route.path}/style.css"))
            continue
        assert isinstance(route, Route), route
        path = route.path.replace("{code}", "RUS").replace("{doc_key}", doc_key)
        requests += [(method, path) for method in sorted(route.methods or ()) if method != "HEAD"]
        documented -= {(method, route.path) for method in route.methods or ()}
    assert not documented, f"operations of the spec that no route serves: {documented}"
    return requests


def _basic(password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"analyst:{password}".encode()).decode()}


def test_every_route_refuses_without_the_token_and_accepts_it(guarded: Server):
    doc_key = guarded.client.get("/documents", params={"limit": 1}).json()["items"][0]["doc_key"]
    requests = _requests(doc_key) + [("GET", "/no/such/path")]
    assert {path for _, path in requests} >= {
        "/",
        "/openapi.json",
        "/analyze",
        "/events",
        "/static/style.css",
    }
    with httpx.Client(base_url=guarded.base_url, timeout=60) as anonymous:
        for method, path in requests:
            body = BODIES.get(path)
            for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}, _basic("wrong")):
                refused = anonymous.request(method, path, json=body, headers=headers)
                assert refused.status_code == 401, (method, path, headers, refused.text)
                assert "token" in refused.json()["detail"]
                challenges = refused.headers.get_list("www-authenticate")
                assert challenges == ['Basic realm="Hadath", charset="UTF-8"', "Bearer"]
            # the browser's log-in prompt sends HTTP Basic with the token as the password
            for headers in ({"Authorization": f"Bearer {TOKEN}"}, _basic(TOKEN)):
                accepted = anonymous.request(method, path, json=body, headers=headers)
                expected = 404 if path == "/no/such/path" else 200
                assert accepted.status_code == expected, (method, path, accepted.text)


def test_a_request_without_the_token_is_refused_before_its_body_is_read(guarded: Server):
    oversized = b"x" * (3 * 1024 * 1024)
    with httpx.Client(base_url=guarded.base_url) as anonymous:
        response = anonymous.post("/analyze", content=oversized, headers={"content-type": "application/json"})
    assert response.status_code == 401
