"""Exports: the dyad table (CSV, Parquet), the network (GraphML, GEXF), and store tables (CSV, Parquet,
and a GDELT 1.0-style tab-separated event file that tools written for GDELT read)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import duckdb
import networkx as nx
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from hadath.mosaic.dyads import QUAD_CLASSES, Dyad, EventRow
from hadath.store.database import Store

DYAD_SUFFIXES = (".csv", ".parquet")
NETWORK_SUFFIXES = (".graphml", ".gexf")
TABLE_FORMATS = ("csv", "parquet", "gdelt")
EXPORTABLE_TABLES = ("events", "event_sources", "documents", "mentions", "quotations", "claims", "errors")


def store_event_rows(
    connection: duckdb.DuckDBPyConnection, start: date | None = None, end: date | None = None
) -> list[EventRow]:
    """A store's deduplicated events with both sides coded (between ``start`` and ``end`` when given), as
    mosaic rows. ``connection`` is the store's connection or a cursor of it (one per server request)."""
    where, parameters = _date_filter(
        "event_date", start, end, ["source_code IS NOT NULL", "target_code IS NOT NULL"]
    )
    rows = connection.execute(
        "SELECT source_code, target_code, event_date, quad_class, goldstein, plover, factual FROM events "
        f"{where} ORDER BY event_id",
        parameters,
    ).fetchall()
    return [EventRow(*row) for row in rows]


def dyad_table(dyads: Iterable[Dyad]) -> pa.Table:
    records = [d.record() for d in sorted(dyads, key=lambda d: (d.period, d.actors))]
    schema = pa.schema(
        [("period", pa.string()), ("actor1", pa.string()), ("actor2", pa.string()), ("events", pa.int64())]
        + [(quad, pa.int64()) for quad in QUAD_CLASSES]
        + [("pressure_events", pa.int64()), ("goldstein_sum", pa.float64()), ("goldstein_mean", pa.float64())]
        + [("balance", pa.string()), ("balance_score", pa.float64())]
    )
    return pa.Table.from_pylist(records, schema=schema)


def write_output(path: str | Path, dyads: list[Dyad], graph: nx.Graph) -> Path:
    """Write the dyad table (.csv, .parquet) or the network (.graphml, .gexf), chosen by suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        pa_csv.write_csv(dyad_table(dyads), path)
    elif suffix == ".parquet":
        pq.write_table(dyad_table(dyads), path)
    elif suffix == ".graphml":
        nx.write_graphml(graph, path)
    elif suffix == ".gexf":
        nx.write_gexf(graph, path)
    else:
        known = ", ".join(DYAD_SUFFIXES + NETWORK_SUFFIXES)
        raise ValueError(f"{path}: unknown output kind {suffix or '(no suffix)'}; use one of {known}")
    return path


def export_table(
    store: Store,
    table: str,
    fmt: str,
    path: str | Path,
    *,
    start: date | None = None,
    end: date | None = None,
) -> int:
    """Write a store table to ``path``; ``start``/``end`` filter dated tables. Returns the row count."""
    if table not in EXPORTABLE_TABLES:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(EXPORTABLE_TABLES)}")
    if fmt not in TABLE_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(TABLE_FORMATS)}")
    if fmt == "gdelt":
        if table != "events":
            raise ValueError("the GDELT format holds events only (--table events)")
        return _write_gdelt(store, Path(path), start, end)
    date_column = {"events": "event_date", "event_sources": "event_date", "documents": "date"}.get(table)
    where, parameters = _date_filter(date_column, start, end) if date_column else ("", [])
    if (start or end) and not date_column:
        raise ValueError(f"table {table} has no date to filter on")
    arrow = store.connection.sql(f'SELECT * FROM "{table}" {where}', params=parameters).to_arrow_table()
    if fmt == "csv":
        pa_csv.write_csv(arrow, path)
    else:
        pq.write_table(arrow, path)
    return arrow.num_rows


def _date_filter(
    column: str, start: date | None, end: date | None, clauses: list[str] | None = None
) -> tuple[str, list[date]]:
    """A WHERE clause of ``clauses`` and the date range on ``column`` (empty when there is nothing)."""
    conditions, parameters = list(clauses or []), []
    if start:
        conditions.append(f"{column} >= ?")
        parameters.append(start)
    if end:
        conditions.append(f"{column} <= ?")
        parameters.append(end)
    return ("WHERE " + " AND ".join(conditions) if conditions else ""), parameters


# GDELT 1.0 event file columns (58, the daily files since April 2013), in order.
_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _ACTOR]
    + [f"Actor2{c}" for c in _ACTOR]
    + [
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    ]
    + [f"Actor1Geo_{c}" for c in _GEO]
    + [f"Actor2Geo_{c}" for c in _GEO]
    + [f"ActionGeo_{c}" for c in _GEO]
    + ["DATEADDED", "SOURCEURL"]
)
_QUAD_NUMBERS = {quad: str(number) for number, quad in enumerate(QUAD_CLASSES, start=1)}


def _write_gdelt(store: Store, path: Path, start: date | None, end: date | None) -> int:
    """Events as GDELT 1.0 rows. Differences, documented in docs/store.md: country codes are ISO 3166
    alpha-3 (CAMEO's, as in the actor codes) rather than FIPS; AvgTone is empty (no tone is measured);
    IsRootEvent is 1 when some evidence lies in a document's first sentence."""
    where, parameters = _date_filter("e.event_date", start, end)
    _, rows = store.query(
        f"""
        SELECT e.event_id, e.event_date, e.source_code, e.target_code, e.cameo, e.cameo_root, e.quad_class,
               e.goldstein, e.mentions, e.sources, e.documents, e.place_name, e.place_country, e.lat, e.lon,
               e.place_id, e.place_kind, e.url, min(s.sentence) = 0 AS in_lead,
               (SELECT name_en FROM actors a WHERE a.actor_id = mode(s.source_actor_id)) AS source_name,
               (SELECT name_en FROM actors a WHERE a.actor_id = mode(s.target_actor_id)) AS target_name,
               min(d.ingested_at) AS added
        FROM events e JOIN event_sources s USING (event_id) JOIN documents d ON d.doc_key = s.doc_key
        {where}
        GROUP BY ALL ORDER BY e.event_date NULLS LAST, e.event_id
        """,
        parameters,
    )
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(
            handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\"
        )
        for row in rows:
            writer.writerow(_gdelt_row(*row))
    return len(rows)


def _gdelt_row(
    event_id: str,
    day: date | None,
    source: str | None,
    target: str | None,
    cameo: str,
    root: str,
    quad: str | None,
    goldstein: float | None,
    mentions: int,
    sources: int,
    documents: int,
    place: str | None,
    country: str | None,
    lat: float | None,
    lon: float | None,
    place_id: str | None,
    place_kind: str | None,
    url: str | None,
    in_lead: bool,
    source_name: str | None,
    target_name: str | None,
    added: object,
) -> list[str]:
    def number(value: float | None) -> str:
        return "" if value is None else f"{value:g}"

    def actor(code: str | None, name: str | None) -> list[str]:
        if not code:
            return [""] * len(_ACTOR)
        country, roles = (code[:3], code[3:]) if len(code) >= 3 else (code, "")
        types = [roles[i : i + 3] for i in range(0, 9, 3)]
        return [code, name or "", country, "", "", "", "", *types]

    # GDELT geo types: 1 country, 4 world city / landmark (5 and others are US-specific)
    geo_type = "" if not place else ("1" if place_kind == "country" else "4")
    action_geo = [geo_type, place or "", country or "", "", number(lat), number(lon), place_id or ""]
    empty_geo = [""] * len(_GEO)
    return [
        str(int(event_id[:15], 16)),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        str(day.year) if day else "",
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        *actor(source, source_name),
        *actor(target, target_name),
        "1" if in_lead else "0",
        cameo,
        cameo[:3],
        root,
        _QUAD_NUMBERS.get(quad or "", ""),
        number(goldstein),
        str(mentions),
        str(sources),
        str(documents),
        "",
        *empty_geo,
        *empty_geo,
        *action_geo,
        added.strftime("%Y%m%d") if hasattr(added, "strftime") else "",
        (url or "").replace("\t", " "),
    ]
