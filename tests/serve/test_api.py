"""The HTTP API against a real `hadath serve` (uvicorn on 127.0.0.1) over a store of the example texts:
every endpoint, its filters and pagination, and the 4xx answers to bad input."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import jsonschema
import pytest
from serve_support import ROOT, Sample, Server

ANALYSIS_SCHEMA = json.loads((ROOT / "docs" / "analysis.schema.json").read_text(encoding="utf-8"))
ALEPPO_RAID = "شنت الطائرات الحربية الروسية أمس غارات على مواقع لتنظيم داعش في ريف حلب."


def _problem(response: httpx.Response, status: int) -> str:
    """The error message of a JSON error answer with ``status``."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail
    return detail


def _all_pages(server: Server, path: str, **params) -> list[dict]:
    items: list[dict] = []
    offset = 0
    while True:
        page = server.client.get(path, params={**params, "limit": 3, "offset": offset}).json()
        items += page["items"]
        offset += 3
        if offset >= page["total"]:
            assert len(items) == page["total"]
            return items


def _spans_index(text: str, record: dict, *pairs: tuple[str, str, str]) -> None:
    for field, start, end in pairs:
        if record.get(start) is not None:
            assert text[record[start] : record[end]] == record[field], (field, record)


# ------------------------------------------------------------------------------------------ analysis


def test_analyze_returns_the_json_contract_and_stores_nothing(server: Server, sample: Sample):
    before = server.client.get("/stats").json()
    response = server.client.post("/analyze", json={"text": sample.text, "date": sample.date, "id": "worked"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["elapsed_ms"] > 0
    [analysis] = body["analyses"]
    jsonschema.validate(analysis, ANALYSIS_SCHEMA)
    assert analysis["doc_id"] == "worked" and analysis["date"] == sample.date
    assert analysis["events"] and analysis["actors"]
    for actor in analysis["actors"]:
        _spans_index(sample.text, actor, ("text", "start", "end"))
    for event in analysis["events"]:
        _spans_index(
            sample.text, event, ("text", "start", "end"), ("trigger", "trigger_start", "trigger_end")
        )
    assert server.client.get("/stats").json() == before


def test_analyze_several_documents(server: Server):
    documents = [
        {"id": "a", "text": ALEPPO_RAID, "date": "2016-02-10"},
        {"id": "b", "text": "تظاهر آلاف العراقيين في ساحة التحرير وسط بغداد."},
        {"id": "c", "text": "وقال وزير العمل إن الوزارة ستطبق القرار.", "country": "SAU"},
    ]
    response = server.client.post("/analyze", json={"documents": documents})
    assert response.status_code == 200, response.text
    analyses = response.json()["analyses"]
    assert [a["doc_id"] for a in analyses] == ["a", "b", "c"]
    assert analyses[0]["date"] == "2016-02-10" and analyses[1]["date"] is None
    assert any(e["cameo"].startswith("19") for e in analyses[0]["events"])
    # a story that names no place happens where it is published
    assert {a["code"] for a in analyses[2]["actors"]} == {"SAUGOV"}


@pytest.mark.parametrize(
    ("body", "location", "words"),
    [
        ({}, "body", "either 'text' or 'documents'"),
        ({"text": "نص", "documents": [{"text": "نص"}]}, "body", "not both"),
        ({"text": "   \n"}, "body.text", "empty"),
        ({"text": "نص", "date": "16/03/2016"}, "body.date", "date"),
        ({"text": "نص", "lang": "ar"}, "body.lang", "Extra inputs"),
        ({"documents": []}, "body.documents", "at least 1"),
        ({"documents": [{"id": "x"}]}, "body.documents.0.text", "Field required"),
        ({"text": 42}, "body.text", "string"),
        ({"documents": [{"text": "نص", "country": "Saudi"}]}, "body.documents.0.country", "pattern"),
        ({"text": "ب" * 200_001}, "body.text", "at most 200000 characters"),
        ({"documents": [{"text": "نص"}] * 101}, "body.documents", "at most 100 items"),
    ],
    ids=lambda value: str(value)[:40] if isinstance(value, dict) else None,
)
def test_analyze_names_the_problem_of_bad_input(server: Server, body: dict, location: str, words: str):
    response = server.client.post("/analyze", json=body)
    detail = _problem(response, 422)
    assert words in detail and location in detail
    assert location in [p["location"] for p in response.json()["problems"]]


def test_analyze_refuses_broken_json_lone_surrogates_and_other_media_types(server: Server):
    broken = server.client.post(
        "/analyze", content=b'{"text": ', headers={"content-type": "application/json"}
    )
    assert "not valid JSON" in _problem(broken, 400)
    surrogate = server.client.post(
        "/analyze", content=b'{"text": "abc \\ud800 def"}', headers={"content-type": "application/json"}
    )
    assert "surrogate" in _problem(surrogate, 422)
    form = server.client.post("/analyze", content="text=abc", headers={"content-type": "text/plain"})
    assert _problem(form, 422)


def test_bodies_over_the_limit_get_413(server: Server):
    limit = 2 * 1024 * 1024
    oversized = json.dumps({"text": "ب" * limit}).encode()
    declared = server.client.post("/analyze", content=oversized, headers={"content-type": "application/json"})
    assert "at most 2097152 bytes" in _problem(declared, 413)

    def chunks():  # no Content-Length: the server finds out while reading
        for start in range(0, len(oversized), 65536):
            yield oversized[start : start + 65536]

    streamed = server.client.post("/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert "too large" in _problem(streamed, 413)
    assert server.client.get("/stats").status_code == 200  # and it goes on serving


# ------------------------------------------------------------------------------------------ ingest


def test_post_documents_stores_skips_and_reports(server: Server):
    before = server.client.get("/stats").json()["documents"]
    text = ALEPPO_RAID + " (خبر للاختبار)"
    documents = [
        {"id": "api-1", "text": text, "date": "2016-02-10", "source": "test", "title": "غارات"},
        {"id": "api-1-again", "text": text},
    ]
    first = server.client.post("/documents", json={"documents": documents})
    assert first.status_code == 200, first.text
    body = first.json()
    [stored] = body["stored"]
    assert stored["doc_id"] == "api-1" and stored["events"] >= 1 and len(stored["doc_key"]) == 64
    assert body["skipped"] == [
        {"doc_id": "api-1-again", "doc_key": stored["doc_key"], "reason": "same text as an earlier document"}
    ]
    assert body["errors"] == []
    again = server.client.post("/documents", json={"documents": documents[:1]}).json()
    assert again["stored"] == [] and again["skipped"][0]["reason"] == "already in the store"
    assert server.client.get("/stats").json()["documents"] == before + 1

    view = server.client.get(f"/documents/{stored['doc_key']}").json()
    assert view["text"] == text and view["doc_id"] == "api-1" and view["date"] == "2016-02-10"
    assert len(view["events"]) == stored["events"]
    events = server.client.get("/events", params={"doc_key": stored["doc_key"]}).json()
    assert events["total"] >= 1
    assert all(any(e["doc_key"] == stored["doc_key"] for e in item["evidence"]) for item in events["items"])


def test_post_documents_refuses_bad_input(server: Server):
    assert "body.documents" in _problem(server.client.post("/documents", json={"documents": []}), 422)
    assert "body.documents.0.text" in _problem(
        server.client.post("/documents", json={"documents": [{"id": "x", "text": ""}]}), 422
    )


# ------------------------------------------------------------------------------------------ events


def test_events_pages_cover_every_event_once(server: Server):
    first = server.client.get("/events", params={"limit": 3}).json()
    assert first["limit"] == 3 and first["offset"] == 0 and len(first["items"]) == 3
    everything = _all_pages(server, "/events")
    ids = [e["event_id"] for e in everything]
    assert len(ids) == len(set(ids)) == first["total"]
    dates = [e["event_date"] for e in everything if e["event_date"]]
    assert dates == sorted(dates, reverse=True)  # newest first by default


def test_event_evidence_points_into_its_document(server: Server):
    event = server.client.get("/events", params={"limit": 1, "actor": "RUSMIL"}).json()["items"][0]
    evidence = event["evidence"][0]
    document = server.client.get(f"/documents/{evidence['doc_key']}").json()
    _spans_index(
        document["text"], evidence, ("text", "start", "end"), ("trigger", "trigger_start", "trigger_end")
    )
    record = next(e for e in document["events"] if e["event_no"] == evidence["event_no"])
    assert record["event_id"] == event["event_id"]


@pytest.mark.parametrize(
    ("params", "holds"),
    [
        ({"actor": "rus"}, lambda e: "RUS" in ((e["source_code"] or "")[:3], (e["target_code"] or "")[:3])),
        ({"source": "RUSMIL"}, lambda e: e["source_code"] == "RUSMIL"),
        ({"target": "SYR"}, lambda e: e["target_code"].startswith("SYR")),
        (
            {"dyad": "SYRREB,RUSMIL"},
            lambda e: {e["source_code"], e["target_code"]} == {"RUSMIL", "SYRREB"},
        ),
        ({"cameo": "19"}, lambda e: e["cameo"].startswith("19")),
        ({"cameo_root": "19"}, lambda e: e["cameo_root"] == "19"),
        ({"plover": "assault"}, lambda e: e["plover"] == "ASSAULT"),
        ({"quad_class": "material_conflict"}, lambda e: e["quad_class"] == "material_conflict"),
        ({"place": "aleppo"}, lambda e: "aleppo" in e["place_name"].lower()),
        ({"place": "IRQ"}, lambda e: e["place_country"] == "IRQ"),
        (
            {"from": "2016-02-01", "to": "2016-02-29"},
            lambda e: "2016-02-01" <= e["event_date"] <= "2016-02-29",
        ),
        ({"factual": "false"}, lambda e: not e["factual"]),
        ({"min_confidence": 0.5}, lambda e: e["confidence"] >= 0.5),
    ],
)
def test_event_filters(server: Server, params: dict, holds):
    found = _all_pages(server, "/events", **params)
    assert found, f"the example store has events matching {params}"
    assert all(holds(e) for e in found), [e for e in found if not holds(e)]
    assert len(found) < server.client.get("/events").json()["total"]


def test_event_sorts(server: Server):
    by_documents = _all_pages(server, "/events", sort="-documents")
    assert [e["documents"] for e in by_documents] == sorted(
        (e["documents"] for e in by_documents), reverse=True
    )
    oldest = server.client.get("/events", params={"sort": "date", "limit": 1}).json()["items"][0]
    assert oldest["event_date"] == server.client.get("/stats").json()["first_date"]


@pytest.mark.parametrize(
    ("params", "location"),
    [
        ({"limit": 0}, "query.limit"),
        ({"limit": 501}, "query.limit"),
        ({"offset": -1}, "query.offset"),
        ({"actor": "SY R"}, "query.actor"),
        ({"dyad": "RUS"}, "query.dyad"),
        ({"cameo": "abc"}, "query.cameo"),
        ({"from": "2016-13-01"}, "query.from"),
        ({"from": "2016-03-01", "to": "2016-02-01"}, "query"),
        ({"quad_class": "war"}, "query.quad_class"),
        ({"sort": "random"}, "query.sort"),
        ({"actr": "SYR"}, "query.actr"),
    ],
)
def test_event_filters_refuse_bad_values(server: Server, params: dict, location: str):
    response = server.client.get("/events", params=params)
    _problem(response, 422)
    assert location in [p["location"] for p in response.json()["problems"]]


# ------------------------------------------------------------------------------------------ actors, quotes, claims


def test_actor_profile_by_code_prefix(server: Server):
    profile = server.client.get("/actors/rus").json()
    assert profile["code"] == "RUS"
    assert {"RUSMIL", "RUSGOV"} <= set(profile["codes"])
    assert profile["mentions"] >= 2 and profile["documents"] >= 1
    assert profile["events_as_source"] >= 1
    assert any(r["partner"] in ("IMG", "SYRREB") for r in profile["adversaries"])
    assert any(form["name"] == "الطائرات الحربية الروسية" for form in profile["surface_forms"])
    assert "ZZZZ" in _problem(server.client.get("/actors/ZZZZ"), 404)
    assert _problem(server.client.get("/actors/not-a-code"), 422)


def test_actor_list(server: Server):
    page = server.client.get("/actors", params={"prefix": "SYR", "limit": 50}).json()
    assert page["items"] and all(a["code"].startswith("SYR") for a in page["items"])
    mentions = [a["mentions"] for a in page["items"]]
    assert mentions == sorted(mentions, reverse=True)


def test_quotations_with_filters(server: Server):
    everything = _all_pages(server, "/quotations")
    assert everything
    for quote in everything:
        document = server.client.get(f"/documents/{quote['doc_key']}").json()
        _spans_index(document["text"], quote, ("content", "start", "end"), ("cue", "cue_start", "cue_end"))
    observatory = _all_pages(server, "/quotations", actor="SYRHRI")
    assert observatory and all(q["speaker_code"] == "SYRHRI" for q in observatory)
    assert all("القصف" in q["content"] for q in _all_pages(server, "/quotations", contains="القصف"))
    direct = _all_pages(server, "/quotations", direct="true")
    assert all(q["direct"] for q in direct)
    assert _all_pages(server, "/quotations", **{"from": "2019-01-01", "to": "2019-12-31"})[0][
        "date"
    ].startswith("2019")


def test_claims_with_filters(server: Server):
    everything = _all_pages(server, "/claims")
    assert everything and all(c["holder"] == "author" for c in everything)
    about_syria = _all_pages(server, "/claims", actor="SYR")
    assert about_syria and all(any(code.startswith("SYR") for code in c["about"]) for c in about_syria)
    hedged = _all_pages(server, "/claims", hedged="true")
    assert all(c["hedged"] for c in hedged)
    assert _problem(server.client.get("/claims", params={"relation": "since"}), 422)


# ------------------------------------------------------------------------------------------ documents


def test_document_list_and_view(server: Server):
    documents = _all_pages(server, "/documents")
    assert {"hadath-demo-001", "hadath-demo-002", "hadath-demo-003"} <= {d["doc_id"] for d in documents}
    demo = next(d for d in documents if d["doc_id"] == "hadath-demo-001")
    view = server.client.get(f"/documents/{demo['doc_key']}").json()
    assert view["title"] == "غارات روسية على ريف حلب" and len(view["text"]) == view["text_length"]
    text = view["text"]
    for mention in view["mentions"]:
        _spans_index(text, mention, ("text", "start", "end"))
    for event in view["events"]:
        _spans_index(
            text,
            event,
            ("text", "start", "end"),
            ("trigger", "trigger_start", "trigger_end"),
            ("source_text", "source_start", "source_end"),
        )
    for claim in server.client.get("/claims", params={"limit": 500}).json()["items"]:
        if claim["doc_key"] == demo["doc_key"]:
            _spans_index(text, claim, ("text", "start", "end"))
    titled = server.client.get("/documents", params={"contains": "بغداد"}).json()["items"]
    assert [d["doc_id"] for d in titled] == ["hadath-demo-002"]
    assert "no document" in _problem(server.client.get(f"/documents/{'0' * 64}"), 404)
    assert _problem(server.client.get("/documents/not-a-key"), 422)


# ------------------------------------------------------------------------------------------ mosaic


def test_mosaic_dyads_and_network(server: Server):
    mosaic = server.client.get("/mosaic", params={"period": "month"}).json()
    assert mosaic["period"] == "month" and mosaic["dyads"] and mosaic["dyads_left_out"] == 0
    assert {d["period"] for d in mosaic["dyads"]} <= set(mosaic["periods"])
    months = mosaic["periods"]
    assert months == sorted(months) and len(set(months)) == len(months)
    nodes = {n["id"] for n in mosaic["network"]["nodes"]}
    pairs = {(d["actor1"], d["actor2"]) for d in mosaic["dyads"]}
    assert {(e["source"], e["target"]) for e in mosaic["network"]["edges"]} == pairs
    assert nodes == {code for pair in pairs for code in pair}
    raid = next(d for d in mosaic["dyads"] if (d["actor1"], d["actor2"]) == ("IMG", "RUSMIL"))
    assert raid["material_conflict"] >= 1 and raid["goldstein_sum"] < 0 and raid["balance"] == "conflict"


def test_mosaic_options(server: Server):
    country = server.client.get("/mosaic", params={"level": "country", "period": "all"}).json()
    assert all(len(n["id"]) == 3 for n in country["network"]["nodes"])
    assert "IMG" not in {n["id"] for n in country["network"]["nodes"]}  # a role block names no country
    assert country["periods"] == ["all"]
    russia = server.client.get("/mosaic", params={"actor": "RUS"}).json()
    assert all(d["actor1"].startswith("RUS") or d["actor2"].startswith("RUS") for d in russia["dyads"])
    strongest = server.client.get("/mosaic", params={"top": 1, "period": "all"}).json()
    assert len(strongest["dyads"]) == 1 and strongest["dyads_left_out"] >= 1
    empty = server.client.get("/mosaic", params={"from": "2000-01-01", "to": "2000-12-31"}).json()
    assert empty["dyads"] == [] and empty["network"] == {"nodes": [], "edges": []}
    assert _problem(server.client.get("/mosaic", params={"period": "fortnight"}), 422)
    assert _problem(server.client.get("/mosaic", params={"from": "2017-01-01", "to": "2016-01-01"}), 422)


# ------------------------------------------------------------------------------------------ the server


def test_openapi_spec_documents_every_endpoint(server: Server):
    spec = server.client.get("/openapi.json").json()
    assert set(spec["paths"]) == {
        "/analyze",
        "/documents",
        "/documents/{doc_key}",
        "/events",
        "/actors",
        "/actors/{code}",
        "/quotations",
        "/claims",
        "/mosaic",
        "/stats",
    }
    events = spec["paths"]["/events"]["get"]
    assert {p["name"] for p in events["parameters"]} >= {
        "actor",
        "dyad",
        "cameo",
        "place",
        "from",
        "to",
        "limit",
    }
    assert events["responses"]["422"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "ErrorResponse"
    )


def test_workbench_is_served_offline_with_a_strict_policy(server: Server):
    page = server.client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "default-src 'self'" in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "http" not in page.text.replace("http://www.w3.org", "")  # nothing loaded from elsewhere
    library = server.client.get("/vendor/cytoscape.min.js")
    assert library.status_code == 200 and "cytoscape" in library.text[:2000].lower()
    for asset in ("style.css", "js/main.js", "js/reading.js", "js/corpus.js", "js/dom.js"):
        assert server.client.get(f"/static/{asset}").status_code == 200


def test_cors_is_off_by_default(server: Server):
    response = server.client.get("/stats", headers={"Origin": "http://example.org"})
    assert "access-control-allow-origin" not in response.headers
    preflight = server.client.options(
        "/analyze", headers={"Origin": "http://example.org", "Access-Control-Request-Method": "POST"}
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_unknown_paths_and_methods(server: Server):
    assert _problem(server.client.get("/nowhere"), 404)
    assert _problem(server.client.delete("/events"), 405)


def test_serve_refuses_a_file_that_is_not_a_store(tmp_path: Path, capsys):
    from hadath.cli import main

    not_a_store = tmp_path / "notes.duckdb"
    not_a_store.write_text("not a database")
    assert main(["serve", "--db", str(not_a_store), "--port", "1"]) == 2
    assert "cannot open as a DuckDB database" in capsys.readouterr().err
