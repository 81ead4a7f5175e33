"""The API's reads of a store, each on a cursor of its own (a DuckDB connection to the same database).

The server holds the one read-write :class:`~hadath.store.database.Store` of its file (DuckDB lets one
process write a file); :meth:`Store.write` uses the store's own connection inside a transaction, so reads
never touch that connection: each request opens ``store.connection.cursor()`` and sees the last committed
state. Every value reaches SQL as a parameter, never spliced into the text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import duckdb

from hadath.mosaic.dyads import EventRow, aggregate, period_label
from hadath.mosaic.export import store_event_rows
from hadath.mosaic.network import build_network, relations
from hadath.store.schema import SCHEMA_VERSION

EVIDENCE_PER_EVENT = 10

EVENT_SORTS = {
    "-date": "e.event_date DESC NULLS LAST, e.event_id",
    "date": "e.event_date ASC NULLS LAST, e.event_id",
    "-documents": "e.documents DESC, e.event_date DESC NULLS LAST, e.event_id",
    "-confidence": "e.confidence DESC, e.event_date DESC NULLS LAST, e.event_id",
}


class _Where:
    """AND-ed SQL conditions with their parameters, in order."""

    def __init__(self) -> None:
        self.conditions: list[str] = []
        self.parameters: list[Any] = []

    def add(self, condition: str, *parameters: Any) -> None:
        self.conditions.append(condition)
        self.parameters.extend(parameters)

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.conditions) if self.conditions else ""


def _dicts(cursor: duckdb.DuckDBPyConnection, sql: str, parameters: list[Any]) -> list[dict[str, Any]]:
    result = cursor.execute(sql, parameters)
    columns = [column[0] for column in result.description or []]
    return [dict(zip(columns, row, strict=True)) for row in result.fetchall()]


def _count(cursor: duckdb.DuckDBPyConnection, sql: str, parameters: list[Any]) -> int:
    row = cursor.execute(sql, parameters).fetchone()
    return int(row[0]) if row else 0


def _date_range(where: _Where, column: str, start: date | None, end: date | None) -> None:
    if start:
        where.add(f"{column} >= ?", start)
    if end:
        where.add(f"{column} <= ?", end)


# ------------------------------------------------------------------------------------------ events


@dataclass(slots=True)
class EventFilters:
    """Filters of ``GET /events``; codes are prefixes (``SYR`` matches SYRGOV, SYRMIL ...)."""

    actor: str | None = None  # source or target
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None  # one side each, either direction
    cameo: str | None = None  # code prefix: 19 matches 190, 195 ...
    cameo_root: str | None = None
    plover: str | None = None
    quad_class: str | None = None
    place: str | None = None  # place id, country code, or part of the English place name
    start: date | None = None
    end: date | None = None
    factual: bool | None = None
    min_confidence: float | None = None
    doc_key: str | None = None  # events with evidence in this document

    def where(self) -> _Where:
        where = _Where()
        if self.actor:
            where.add(
                "(starts_with(e.source_code, ?) OR starts_with(e.target_code, ?))", self.actor, self.actor
            )
        if self.source:
            where.add("starts_with(e.source_code, ?)", self.source)
        if self.target:
            where.add("starts_with(e.target_code, ?)", self.target)
        if self.dyad:
            one, other = self.dyad
            where.add(
                "((starts_with(e.source_code, ?) AND starts_with(e.target_code, ?))"
                " OR (starts_with(e.source_code, ?) AND starts_with(e.target_code, ?)))",
                one,
                other,
                other,
                one,
            )
        if self.cameo:
            where.add("starts_with(e.cameo, ?)", self.cameo)
        if self.cameo_root:
            where.add("e.cameo_root = ?", self.cameo_root)
        if self.plover:
            where.add("e.plover = ?", self.plover)
        if self.quad_class:
            where.add("e.quad_class = ?", self.quad_class)
        if self.place:
            where.add(
                "(e.place_id = ? OR e.place_country = upper(?) OR contains(lower(e.place_name), lower(?)))",
                self.place,
                self.place,
                self.place,
            )
        _date_range(where, "e.event_date", self.start, self.end)
        if self.factual is not None:
            where.add("e.factual = ?", self.factual)
        if self.min_confidence is not None:
            where.add("e.confidence >= ?", self.min_confidence)
        if self.doc_key:
            where.add("e.event_id IN (SELECT event_id FROM event_sources WHERE doc_key = ?)", self.doc_key)
        return where


def events_page(
    cursor: duckdb.DuckDBPyConnection, filters: EventFilters, *, sort: str, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    where = filters.where()
    total = _count(cursor, f"SELECT count(*) FROM events e{where.sql()}", where.parameters)
    events = _dicts(
        cursor,
        f"""SELECT e.event_id, e.event_date, e.source_code, e.target_code, e.cameo, e.cameo_root,
                   e.cameo_label, e.plover, e.goldstein, e.quad_class, e.factual, e.place_id, e.place_name,
                   e.place_country, e.lat, e.lon, e.mentions, e.documents, e.sources, e.confidence
            FROM events e{where.sql()} ORDER BY {EVENT_SORTS[sort]} LIMIT ? OFFSET ?""",
        [*where.parameters, limit, offset],
    )
    evidence: dict[str, list[dict[str, Any]]] = {event["event_id"]: [] for event in events}
    if events:
        marks = ", ".join("?" for _ in events)
        for row in _dicts(
            cursor,
            f"""SELECT * EXCLUDE (rank) FROM (
                    SELECT s.event_id, s.doc_key, d.doc_id, d.title, d.date, s.event_no, s.sentence, s.start,
                           s."end", s.text, s.trigger, s.trigger_start, s.trigger_end, s.modality,
                           row_number() OVER (PARTITION BY s.event_id
                                              ORDER BY d.date NULLS LAST, s.doc_key, s.event_no) AS rank
                    FROM event_sources s JOIN documents d USING (doc_key)
                    WHERE s.event_id IN ({marks}))
                WHERE rank <= ? ORDER BY event_id, date NULLS LAST, doc_key, event_no""",
            [*evidence, EVIDENCE_PER_EVENT],
        ):
            evidence[row.pop("event_id")].append(row)
    for event in events:
        event["evidence"] = evidence[event["event_id"]]
    return total, events


# ------------------------------------------------------------------------------------------ quotations


@dataclass(slots=True)
class QuotationFilters:
    actor: str | None = None  # speaker code prefix
    doc_key: str | None = None
    start: date | None = None  # document date
    end: date | None = None
    direct: bool | None = None
    contains: str | None = None  # part of the quoted content

    def where(self) -> _Where:
        where = _Where()
        if self.actor:
            where.add("starts_with(q.speaker_code, ?)", self.actor)
        if self.doc_key:
            where.add("q.doc_key = ?", self.doc_key)
        _date_range(where, "d.date", self.start, self.end)
        if self.direct is not None:
            where.add("q.direct = ?", self.direct)
        if self.contains:
            where.add("contains(q.content, ?)", self.contains)
        return where


def quotations_page(
    cursor: duckdb.DuckDBPyConnection, filters: QuotationFilters, *, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    where = filters.where()
    source = "FROM quotations q JOIN documents d USING (doc_key)"
    total = _count(cursor, f"SELECT count(*) {source}{where.sql()}", where.parameters)
    rows = _dicts(
        cursor,
        f"""SELECT q.doc_key, q.quote_no, d.doc_id, d.title, d.date, q.speaker_code, q.speaker_actor_id,
                   q.speaker_text, q.speaker_start, q.speaker_end, q.cue, q.cue_start, q.cue_end, q.content,
                   q.start, q."end", q.direct
            {source}{where.sql()} ORDER BY d.date DESC NULLS LAST, q.doc_key, q.quote_no LIMIT ? OFFSET ?""",
        [*where.parameters, limit, offset],
    )
    return total, rows


# ------------------------------------------------------------------------------------------ claims


@dataclass(slots=True)
class ClaimFilters:
    actor: str | None = None  # a code of what the claim is about, by prefix
    doc_key: str | None = None
    start: date | None = None  # document date
    end: date | None = None
    hedged: bool | None = None
    negated: bool | None = None
    relation: str | None = None

    def where(self) -> _Where:
        where = _Where()
        if self.actor:
            where.add("len(list_filter(c.about, lambda code: starts_with(code, ?))) > 0", self.actor)
        if self.doc_key:
            where.add("c.doc_key = ?", self.doc_key)
        _date_range(where, "d.date", self.start, self.end)
        if self.hedged is not None:
            where.add("c.hedged = ?", self.hedged)
        if self.negated is not None:
            where.add("c.negated = ?", self.negated)
        if self.relation:
            where.add("c.relation = ?", self.relation)
        return where


def claims_page(
    cursor: duckdb.DuckDBPyConnection, filters: ClaimFilters, *, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    where = filters.where()
    source = "FROM claims c JOIN documents d USING (doc_key)"
    total = _count(cursor, f"SELECT count(*) {source}{where.sql()}", where.parameters)
    rows = _dicts(
        cursor,
        f"""SELECT c.doc_key, c.claim_no, d.doc_id, d.title, d.date, c.holder, c.text, c.start, c."end",
                   c.hedged, c.negated, c.about, c.hedge, c.negated_part, c.relation, c.relation_cue
            {source}{where.sql()} ORDER BY d.date DESC NULLS LAST, c.doc_key, c.claim_no LIMIT ? OFFSET ?""",
        [*where.parameters, limit, offset],
    )
    return total, rows


# ------------------------------------------------------------------------------------------ actors


def actors_page(
    cursor: duckdb.DuckDBPyConnection, prefix: str | None, *, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    where = _Where()
    where.add("kind = 'actor'")
    where.add("code IS NOT NULL")
    if prefix:
        where.add("starts_with(code, ?)", prefix)
    total = _count(cursor, f"SELECT count(DISTINCT code) FROM mentions{where.sql()}", where.parameters)
    rows = _dicts(
        cursor,
        f"""SELECT code, mode(name_en) AS name_en, count(*) AS mentions, count(DISTINCT doc_key) AS documents
            FROM mentions{where.sql()} GROUP BY code ORDER BY mentions DESC, code LIMIT ? OFFSET ?""",
        [*where.parameters, limit, offset],
    )
    return total, rows


def actor_profile(cursor: duckdb.DuckDBPyConnection, code: str) -> dict[str, Any] | None:
    """What the store knows of the actors whose code starts with ``code``; None when it knows none."""
    mentions = _dicts(
        cursor,
        """SELECT code, name_en, text, doc_key FROM mentions
           WHERE kind = 'actor' AND starts_with(code, ?)""",
        [code],
    )
    as_source = _count(cursor, "SELECT count(*) FROM events WHERE starts_with(source_code, ?)", [code])
    as_target = _count(cursor, "SELECT count(*) FROM events WHERE starts_with(target_code, ?)", [code])
    quotations = _count(cursor, "SELECT count(*) FROM quotations WHERE starts_with(speaker_code, ?)", [code])
    if not (mentions or as_source or as_target or quotations):
        return None
    event_codes = {
        row[0]
        for row in cursor.execute(
            """SELECT source_code FROM events WHERE starts_with(source_code, ?)
               UNION SELECT target_code FROM events WHERE starts_with(target_code, ?)""",
            [code, code],
        ).fetchall()
    }
    graph = build_network(aggregate(event_rows(cursor), actor=code).values())
    allies, adversaries = relations(graph, code)
    return {
        "code": code,
        "codes": sorted({m["code"] for m in mentions} | event_codes),
        "names": _ranked(m["name_en"] for m in mentions if m["name_en"]),
        "surface_forms": _ranked(m["text"] for m in mentions),
        "mentions": len(mentions),
        "documents": len({m["doc_key"] for m in mentions}),
        "events_as_source": as_source,
        "events_as_target": as_target,
        "quotations": quotations,
        "allies": [_relation(r) for r in allies],
        "adversaries": [_relation(r) for r in adversaries],
    }


def _ranked(values: Any, top: int = 10) -> list[dict[str, Any]]:
    counts = Counter(values)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]
    return [{"name": name, "count": count} for name, count in ranked]


def _relation(relation: Any) -> dict[str, Any]:
    return {
        "actor": relation.actor,
        "partner": relation.partner,
        "events": relation.events,
        "goldstein_sum": relation.goldstein_sum,
        "balance": relation.balance,
    }


# ------------------------------------------------------------------------------------------ documents


def documents_page(
    cursor: duckdb.DuckDBPyConnection,
    *,
    start: date | None,
    end: date | None,
    contains: str | None,
    limit: int,
    offset: int,
) -> tuple[int, list[dict[str, Any]]]:
    where = _Where()
    _date_range(where, "date", start, end)
    if contains:
        where.add("(contains(coalesce(title, ''), ?) OR contains(doc_id, ?))", contains, contains)
    total = _count(cursor, f"SELECT count(*) FROM documents{where.sql()}", where.parameters)
    rows = _dicts(
        cursor,
        f"""SELECT doc_key, doc_id, title, date, source, url, genre, text_length FROM documents{where.sql()}
            ORDER BY date DESC NULLS LAST, doc_id, doc_key LIMIT ? OFFSET ?""",
        [*where.parameters, limit, offset],
    )
    return total, rows


def document_view(cursor: duckdb.DuckDBPyConnection, doc_key: str) -> dict[str, Any] | None:
    found = _dicts(
        cursor,
        """SELECT doc_key, doc_id, title, date, source, url, genre, text_length, text FROM documents
           WHERE doc_key = ?""",
        [doc_key],
    )
    if not found:
        return None
    document = found[0]
    for table, number in (
        ("mentions", "mention_no"),
        ("event_sources", "event_no"),
        ("quotations", "quote_no"),
        ("claims", "claim_no"),
    ):
        rows = _dicts(cursor, f"SELECT * FROM {table} WHERE doc_key = ? ORDER BY {number}", [doc_key])
        document["events" if table == "event_sources" else table] = rows
    return document


# ------------------------------------------------------------------------------------------ mosaic


def event_rows(
    cursor: duckdb.DuckDBPyConnection, start: date | None = None, end: date | None = None
) -> list[EventRow]:
    """The deduplicated events with both sides coded, as mosaic rows, read on this request's cursor."""
    return store_event_rows(cursor, start, end)


@dataclass(slots=True)
class MosaicQuery:
    period: str = "month"
    level: str = "code"
    actor: str | None = None
    start: date | None = None
    end: date | None = None
    factual: bool = False
    top: int = 200  # the strongest dyads (by events over the whole range) kept
    role_blocks: frozenset[str] = frozenset()  # first blocks that name no country (GOV, BUS ...)


def mosaic(cursor: duckdb.DuckDBPyConnection, query: MosaicQuery) -> dict[str, Any]:
    table = aggregate(
        event_rows(cursor, query.start, query.end),
        period=query.period,
        level=query.level,
        actor=query.actor,
        start=query.start,
        end=query.end,
        factual_only=query.factual,
        role_blocks=query.role_blocks if query.level == "country" else frozenset(),
    )
    totals: Counter[tuple[str, str]] = Counter()
    for dyad in table.values():
        totals[dyad.actors] += dyad.events
    strongest = sorted(totals, key=lambda pair: (-totals[pair], pair))
    kept = set(strongest[: query.top])
    dyads = sorted(
        (d for d in table.values() if d.actors in kept), key=lambda d: (d.period, -d.events, d.actors)
    )
    graph = build_network(dyads)
    return {
        "period": query.period,
        "level": query.level,
        "periods": _timeline({d.period for d in dyads}, query.period),
        "dyads": [d.record() for d in dyads],
        "network": {
            "nodes": [{"id": node, **data} for node, data in sorted(graph.nodes(data=True))],
            # a dyad is unordered: its edge goes from the first code to the second, as in the dyad rows
            "edges": sorted(
                ({"source": min(a, b), "target": max(a, b), **data} for a, b, data in graph.edges(data=True)),
                key=lambda edge: (edge["source"], edge["target"]),
            ),
        },
        "dyads_left_out": len(strongest) - len(kept),
    }


def _timeline(labels: set[str], period: str) -> list[str]:
    """Every period from the first to the last of ``labels``, the quiet ones included (a timeline with
    gaps closed up would misdraw time), then ``undated`` when some dyad has undated events."""
    dated = sorted(label for label in labels if label != "undated")
    undated = ["undated"] if "undated" in labels else []
    if period == "all" or not dated:
        return dated + undated
    day, last = _period_start(dated[0], period), _period_start(dated[-1], period)
    timeline: list[str] = []
    while day <= last:
        label = period_label(day, period)
        if not timeline or timeline[-1] != label:
            timeline.append(label)
        day += timedelta(days=1)
    return timeline + undated


def _period_start(label: str, period: str) -> date:
    if period == "day":
        return date.fromisoformat(label)
    if period == "week":
        year, week = label.split("-W")
        return date.fromisocalendar(int(year), int(week), 1)
    if period == "month":
        year, month = label.split("-")
        return date(int(year), int(month), 1)
    return date(int(label), 1, 1)


# ------------------------------------------------------------------------------------------ stats


def stats(cursor: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    counts = {
        name: _count(cursor, f"SELECT count(*) FROM {table}", [])
        for name, table in (
            ("documents", "documents"),
            ("events", "events"),
            ("event_records", "event_sources"),
            ("quotations", "quotations"),
            ("claims", "claims"),
            ("errors", "errors"),
        )
    }
    dates = cursor.execute("SELECT min(event_date), max(event_date) FROM events").fetchone()
    first, last = dates if dates else (None, None)
    version = cursor.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return {
        "schema_version": int(version[0]) if version else SCHEMA_VERSION,
        **counts,
        "first_date": first,
        "last_date": last,
    }
