"""The event store: one DuckDB database file holding documents, their analyses and the deduplicated events.

Writes go through :meth:`Store.write`, one transaction per batch of documents: the documents, all their
records, and the re-deduplicated events of the dyads they touch are committed together or not at all, so
a process killed mid-batch (even by SIGKILL) leaves the store as it was after the previous batch, and the
next ingest resumes from there (documents are keyed by the hash of their text and skipped when present).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from hadath import __version__
from hadath.schema import ActorRef, Analysis, Document, InputError, iso_day
from hadath.store.dedup import DEFAULT_WINDOW_DAYS, Evidence, GroupKey, deduplicate, group_key, window_starts
from hadath.store.schema import INDEXES, MIGRATIONS, SCHEMA_VERSION, TABLES


class StoreError(Exception):
    """The store cannot be opened or written; the message names the file and the cause."""


def content_key(text: str) -> str:
    """The key of a document: the SHA-256 of its text (the same article fetched twice is one document)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(slots=True)
class WriteResult:
    documents: int = 0
    events: int = 0  # evidence rows written
    errors: int = 0


class Store:
    """A Hadath store in a DuckDB file. Use as a context manager; ``read_only`` for queries."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such store")
        try:
            self.connection = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as error:
            raise StoreError(f"{self.path}: cannot open as a DuckDB database: {_first_line(error)}") from None
        try:
            self._prepare()
        except BaseException:
            self.connection.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    # ------------------------------------------------------------------------------------ schema

    def _prepare(self) -> None:
        tables = {
            row[0] for row in self.connection.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        }
        if not tables:
            if self.read_only:
                raise StoreError(f"{self.path}: empty database, not a Hadath store")
            self._create()
            return
        if "meta" not in tables:
            raise StoreError(
                f"{self.path}: not a Hadath store (tables {', '.join(sorted(tables))}, no 'meta'); "
                "refusing to write into it"
            )
        version = self.schema_version()
        if version == SCHEMA_VERSION:
            return
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer Hadath (store schema version {version}, this Hadath "
                f"knows up to {SCHEMA_VERSION}); upgrade Hadath to use it"
            )
        missing = [v for v in range(version, SCHEMA_VERSION) if v not in MIGRATIONS]
        if missing:
            raise StoreError(
                f"{self.path}: store schema version {version} cannot be migrated to {SCHEMA_VERSION} "
                f"(no migration from version {missing[0]}); re-ingest the documents into a new store"
            )
        if self.read_only:
            raise StoreError(
                f"{self.path}: store schema version {version} needs migrating to {SCHEMA_VERSION}; "
                "open it once for writing (hadath ingest) to migrate it"
            )
        self._migrate(version)

    def _create(self) -> None:
        with self._transaction():
            for ddl in TABLES.values():
                self.connection.execute(ddl)
            for ddl in INDEXES:
                self.connection.execute(ddl)
            self._set_meta("schema_version", str(SCHEMA_VERSION))
            self._set_meta("dedup_window_days", str(DEFAULT_WINDOW_DAYS))
            self._set_meta("created_by", f"hadath {__version__}")

    def _migrate(self, version: int) -> None:
        with self._transaction():
            for step in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[step]:
                    self.connection.execute(statement)
            self._set_meta("schema_version", str(SCHEMA_VERSION))

    def schema_version(self) -> int:
        value = self.meta("schema_version")
        if value is None or not value.isdigit():
            raise StoreError(f"{self.path}: the store has no valid schema_version in its meta table")
        return int(value)

    def meta(self, key: str) -> str | None:
        # fetchall, not fetchone: DuckDB keeps a half-read result open and refuses the next statement
        rows = self.connection.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchall()
        return str(rows[0][0]) if rows else None

    def _set_meta(self, key: str, value: str) -> None:
        self.connection.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    # ------------------------------------------------------------------------------------ reading

    def document_keys(self) -> set[str]:
        return {row[0] for row in self.connection.execute("SELECT doc_key FROM documents").fetchall()}

    def counts(self) -> dict[str, int]:
        return {
            table: int(self.connection.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0])
            for table in TABLES
            if table != "meta"
        }

    def query(self, sql: str, parameters: Sequence[Any] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Column names and rows of ``sql``."""
        cursor = self.connection.execute(sql, list(parameters))
        columns = [column[0] for column in cursor.description or []]
        return columns, cursor.fetchall()

    # ------------------------------------------------------------------------------------ writing

    def write(
        self, batch: Sequence[tuple[Document, Analysis] | InputError], *, ingested_at: datetime | None = None
    ) -> WriteResult:
        """Store analysed documents and input errors in one transaction; documents already stored
        (same text) are skipped; the events of every dyad they touch are deduplicated again."""
        now = ingested_at or datetime.now(UTC).replace(tzinfo=None)
        rows = TableRows()
        for item in batch:
            rows.add(item, now)
        return self.write_rows(rows)

    def write_rows(self, rows: TableRows) -> WriteResult:
        """Store the rows of analysed documents (built where they were analysed, e.g. in a worker
        process) in one transaction, skipping documents already stored."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        rows = rows.without(self.document_keys_among(sorted(rows.keys)))
        with self._transaction():
            for table, records in rows.tables.items():
                self._insert(table, records)
            self._rededuplicate([_evidence_of_row(row) for row in rows.tables["event_sources"]])
        return WriteResult(len(rows.keys), len(rows.tables["event_sources"]), len(rows.tables["errors"]))

    def document_keys_among(self, keys: list[str]) -> set[str]:
        """Those of ``keys`` that are already stored."""
        if not keys:
            return set()
        table = pa.table({"doc_key": pa.array(keys, pa.string())})
        self.connection.register("_candidate_keys", table)
        try:
            found = self.connection.execute(
                "SELECT d.doc_key FROM documents d JOIN _candidate_keys c USING (doc_key)"
            ).fetchall()
        finally:
            self.connection.unregister("_candidate_keys")
        return {row[0] for row in found}

    def _insert(self, table: str, records: list[dict[str, Any]]) -> None:
        if not records:
            return
        columns = list(records[0])
        arrow = pa.Table.from_pylist(records, schema=arrow_schema(table, columns))
        self.connection.register("_incoming", arrow)
        try:
            quoted = ", ".join(f'"{c}"' for c in columns)
            conflict = "OR IGNORE " if table in ("actors", "errors") else ""
            self.connection.execute(
                f'INSERT {conflict}INTO "{table}" ({quoted}) SELECT {quoted} FROM _incoming'
            )
        finally:
            self.connection.unregister("_incoming")

    def _rededuplicate(self, new_evidence: list[Evidence]) -> None:
        """Bring the events up to date with ``new_evidence`` (already inserted into event_sources).

        Only the date windows that changed are rebuilt: within each touched group (dyad + CAMEO root +
        factuality), the windows are recomputed from the group's distinct dates; a window whose start
        was already an event's date and that gets no new evidence keeps its events, every other window
        is rebuilt from all its evidence. The result equals deduplicating everything from scratch (the
        windows depend on the dates alone), at a cost that does not grow with the store."""
        window_days = int(self.meta("dedup_window_days") or DEFAULT_WINDOW_DAYS)
        new_days: dict[GroupKey, set[date | None]] = defaultdict(set)
        for item in new_evidence:
            key = group_key(item)
            if key is not None:
                new_days[key].add(item.event_date)
        if not new_days:
            return
        with self._registered(
            "_groups", [dict(zip("strf", key, strict=True)) for key in new_days], _GROUP_SCHEMA
        ):
            days = self._group_values(
                "SELECT DISTINCT {group}, e.event_date FROM event_sources e JOIN _groups g ON {match_e} "
                "WHERE e.modality <> 'negated' AND e.event_date IS NOT NULL"
            )
            old_starts = self._group_values(
                "SELECT DISTINCT {group}, v.event_date FROM events v JOIN _groups g ON {match_v}"
            )
        ranges, stale = [], []
        for key, added in new_days.items():
            starts = window_starts(days.get(key, ()), window_days)
            rebuilt = set()
            for start in starts:
                end = start + timedelta(days=window_days)
                if start not in old_starts.get(key, ()) or any(
                    d is not None and start <= d <= end for d in added
                ):
                    rebuilt.add(start)
                    ranges.append(
                        {**dict(zip("strf", key, strict=True)), "lo": start, "hi": end, "undated": False}
                    )
            if None in added:
                rebuilt.add(None)
                ranges.append(
                    {**dict(zip("strf", key, strict=True)), "lo": None, "hi": None, "undated": True}
                )
            kept = ({*starts, None} - rebuilt) if None in old_starts.get(key, ()) else set(starts) - rebuilt
            stale += [
                {**dict(zip("strf", key, strict=True)), "day": day}
                for day in old_starts.get(key, ())
                if day not in kept
            ]
        with (
            self._registered("_ranges", ranges, _RANGE_SCHEMA),
            self._registered("_stale", stale, _STALE_SCHEMA),
        ):
            evidence = [
                evidence_from_row(row)
                for row in self.connection.execute(
                    f"""
                    SELECT {", ".join("e." + c for c in EVIDENCE_COLUMNS)}, d.source, d.url
                    FROM event_sources e JOIN documents d USING (doc_key)
                    JOIN _ranges g ON {_MATCH_SOURCES}
                    WHERE e.modality <> 'negated' AND (
                        (g.undated AND e.event_date IS NULL)
                        OR (NOT g.undated AND e.event_date BETWEEN g.lo AND g.hi))
                    """
                ).fetchall()
            ]
            self.connection.execute(
                f"""
                DELETE FROM events WHERE event_id IN (
                    SELECT v.event_id FROM events v
                    JOIN _stale g ON {_MATCH_EVENTS}
                        AND v.event_date IS NOT DISTINCT FROM g.day)
                """
            )
        events = deduplicate(evidence, window_days)
        self._insert("events", [event.row() for event in events])
        links = [
            {"doc_key": e.doc_key, "event_no": e.event_no, "event_id": event.event_id}
            for event in events
            for e in event.evidence
        ]
        if links:
            with self._registered("_links", links, _LINK_SCHEMA):
                self.connection.execute(
                    """
                    UPDATE event_sources SET event_id = l.event_id FROM _links l
                    WHERE event_sources.doc_key = l.doc_key AND event_sources.event_no = l.event_no
                    """
                )

    @contextlib.contextmanager
    def _registered(self, name: str, rows: list[dict[str, Any]], schema: pa.Schema) -> Iterator[None]:
        """``rows`` visible to SQL as the table ``name`` for the duration of the block."""
        self.connection.register(name, pa.Table.from_pylist(rows, schema=schema))
        try:
            yield
        finally:
            self.connection.unregister(name)

    def _group_values(self, sql: str) -> dict[GroupKey, set[date]]:
        """Rows of (group key columns, value) from ``sql`` (with {group}, {match_e}, {match_v} filled in)."""
        query = sql.format(
            group="g.s, g.t, g.r, g.f",
            match_e=_MATCH_SOURCES,
            match_v=_MATCH_EVENTS,
        )
        values: dict[GroupKey, set[date]] = defaultdict(set)
        for s, t, r, f, value in self.connection.execute(query).fetchall():
            values[(s, t, r, f)].add(value)
        return values

    def _transaction(self) -> _Transaction:
        return _Transaction(self.connection)


class _Transaction:
    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self.connection = connection

    def __enter__(self) -> None:
        self.connection.execute("BEGIN TRANSACTION")

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        self.connection.execute("ROLLBACK" if kind else "COMMIT")


# how a group (dyad, CAMEO root, factuality) of the registered table g matches a row of events (v) or
# event_sources (e)
_MATCH = (
    "coalesce({alias}.source_code, '') = g.s AND coalesce({alias}.target_code, '') = g.t "
    "AND {root} = g.r AND {factual} = g.f"
)
_MATCH_SOURCES = _MATCH.format(
    alias="e", root="left(e.cameo, 2)", factual="(e.modality IN ('asserted', 'reported'))"
)
_MATCH_EVENTS = _MATCH.format(alias="v", root="v.cameo_root", factual="v.factual")
_GROUP_FIELDS = [("s", pa.string()), ("t", pa.string()), ("r", pa.string()), ("f", pa.bool_())]
_GROUP_SCHEMA = pa.schema(_GROUP_FIELDS)
_RANGE_SCHEMA = pa.schema([*_GROUP_FIELDS, ("lo", pa.date32()), ("hi", pa.date32()), ("undated", pa.bool_())])
_STALE_SCHEMA = pa.schema([*_GROUP_FIELDS, ("day", pa.date32())])
_LINK_SCHEMA = pa.schema([("doc_key", pa.string()), ("event_no", pa.int32()), ("event_id", pa.string())])

EVIDENCE_COLUMNS = [
    "doc_key",
    "event_no",
    "source_code",
    "target_code",
    "cameo",
    "cameo_label",
    "plover",
    "goldstein",
    "quad_class",
    "modality",
    "place_id",
    "place_name",
    "place_kind",
    "place_country",
    "lat",
    "lon",
    "event_date",
    "confidence",
]


def evidence_from_row(row: tuple[Any, ...]) -> Evidence:
    """Evidence from a row of EVIDENCE_COLUMNS followed by the document's source and url."""
    values = dict(zip(EVIDENCE_COLUMNS, row, strict=False))
    publisher, url = row[len(EVIDENCE_COLUMNS) :]
    return Evidence(**values, publisher=publisher, url=url)


_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "VARCHAR[]": pa.list_(pa.string()),
}


@functools.cache
def _column_types() -> dict[str, dict[str, str]]:
    """Column name -> DuckDB type of every table, read from the DDL itself (an in-memory database)."""
    with duckdb.connect() as scratch:
        for ddl in TABLES.values():
            scratch.execute(ddl)
        types: dict[str, dict[str, str]] = {}
        for table, column, kind in scratch.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns"
        ).fetchall():
            types.setdefault(table, {})[column] = kind
    return types


def arrow_schema(table: str, columns: Sequence[str] | None = None) -> pa.Schema:
    """The Arrow schema of a store table (or of some of its columns, in the given order)."""
    types = _column_types()[table]
    return pa.schema([(column, _ARROW_TYPES[types[column]]) for column in columns or types])


ROW_TABLES = ("documents", "mentions", "actors", "event_sources", "quotations", "claims", "errors")


class TableRows:
    """The rows some analysed documents and errors add to each table (all but ``events``, which
    deduplication derives from ``event_sources``)."""

    def __init__(self) -> None:
        self.keys: set[str] = set()
        self.tables: dict[str, list[dict[str, Any]]] = {name: [] for name in ROW_TABLES}
        self._actor_ids: set[str] = set()

    def add(self, item: tuple[Document, Analysis] | InputError, now: datetime) -> None:
        """Add an analysed document (skipped when its text is already here) or an error."""
        if isinstance(item, InputError):
            self.error(item, now)
            return
        document, analysis = item
        key = content_key(document.text)
        if key not in self.keys:
            self.document(key, document, analysis, now)

    def without(self, keys: set[str]) -> TableRows:
        """These rows less those of the documents ``keys``."""
        if not keys & self.keys:
            return self
        kept = TableRows()
        kept.keys = self.keys - keys
        kept._actor_ids = set(self._actor_ids)
        kept.tables = {
            name: [row for row in rows if row.get("doc_key") not in keys]
            for name, rows in self.tables.items()
        }
        return kept

    def error(self, error: InputError, now: datetime) -> None:
        self.tables["errors"].append(
            {"origin": error.origin, "doc_id": error.doc_id or "", "cause": error.cause, "recorded_at": now}
        )

    def document(self, key: str, document: Document, analysis: Analysis, now: datetime) -> None:
        self.keys.add(key)
        self.tables["documents"].append(
            {
                "doc_key": key,
                "doc_id": document.id,
                "origin": document.origin or None,
                "source": document.source,
                "url": document.url,
                "title": document.title,
                "date": document.date,
                "genre": analysis.genre,
                "text_length": analysis.text_length,
                "sentences": analysis.sentences,
                "tokens": analysis.tokens,
                "text": document.text,
                "ingested_at": now,
            }
        )
        mentions = self.tables["mentions"]
        for number, actor in enumerate(analysis.actors):
            mentions.append(
                {
                    "doc_key": key,
                    "mention_no": number,
                    "kind": "actor",
                    "start": actor.start,
                    "end": actor.end,
                    "text": actor.text,
                    "code": actor.code,
                    "actor_id": actor.actor_id,
                    "place_id": None,
                    "name_en": actor.name_en,
                    "actor_kind": actor.kind,
                    "role": actor.role,
                    "confidence": actor.confidence,
                    "lat": None,
                    "lon": None,
                }
            )
            self._actor(actor)
        for number, place in enumerate(analysis.places, start=len(analysis.actors)):
            mentions.append(
                {
                    "doc_key": key,
                    "mention_no": number,
                    "kind": "place",
                    "start": place.start,
                    "end": place.end,
                    "text": place.text,
                    "code": place.country,
                    "actor_id": None,
                    "place_id": place.place_id,
                    "name_en": place.name_en,
                    "actor_kind": place.kind,
                    "role": None,
                    "confidence": None,
                    "lat": place.lat,
                    "lon": place.lon,
                }
            )
        for number, event in enumerate(analysis.events):
            day = iso_day(event.date) or document.date
            self.tables["event_sources"].append(
                {
                    "doc_key": key,
                    "event_no": number,
                    "event_id": None,
                    "sentence": event.sentence,
                    "start": event.start,
                    "end": event.end,
                    "text": event.text,
                    "trigger": event.trigger,
                    "trigger_start": event.trigger_start,
                    "trigger_end": event.trigger_end,
                    **_actor_columns("source", event.source),
                    **_actor_columns("target", event.target),
                    "cameo": event.cameo,
                    "cameo_label": event.cameo_label,
                    "plover": event.plover,
                    "goldstein": event.goldstein,
                    "quad_class": event.quad_class,
                    "modality": event.modality,
                    "nominal": event.nominal,
                    "place_id": event.place.place_id if event.place else None,
                    "place_name": event.place.name_en if event.place else None,
                    "place_kind": event.place.kind if event.place else None,
                    "place_country": event.place.country if event.place else None,
                    "lat": event.place.lat if event.place else None,
                    "lon": event.place.lon if event.place else None,
                    "date_text": event.date,
                    "event_date": day,
                    "confidence": event.confidence,
                }
            )
            for actor in (event.source, event.target):
                if actor is not None:
                    self._actor(actor)
        for number, quote in enumerate(analysis.quotations):
            self.tables["quotations"].append(
                {
                    "doc_key": key,
                    "quote_no": number,
                    **_actor_columns("speaker", quote.speaker),
                    "cue": quote.cue,
                    "cue_start": quote.cue_start,
                    "cue_end": quote.cue_end,
                    "content": quote.content,
                    "start": quote.start,
                    "end": quote.end,
                    "direct": quote.direct,
                }
            )
        for number, claim in enumerate(analysis.claims):
            self.tables["claims"].append(
                {
                    "doc_key": key,
                    "claim_no": number,
                    "holder": claim.holder,
                    "text": claim.text,
                    "start": claim.start,
                    "end": claim.end,
                    "hedged": claim.hedged,
                    "negated": claim.negated,
                    "about": list(claim.about),
                    "hedge": claim.hedge,
                    "negated_part": claim.negated_part,
                    "relation": claim.relation,
                    "relation_cue": claim.relation_cue,
                }
            )

    def _actor(self, actor: ActorRef) -> None:
        if actor.actor_id and actor.actor_id not in self._actor_ids:
            self._actor_ids.add(actor.actor_id)
            self.tables["actors"].append(
                {"actor_id": actor.actor_id, "name_en": actor.name_en, "kind": actor.kind}
            )


def _actor_columns(prefix: str, actor: ActorRef | None) -> dict[str, Any]:
    return {
        f"{prefix}_code": actor.code if actor else None,
        f"{prefix}_actor_id": actor.actor_id if actor else None,
        f"{prefix}_text": actor.text if actor else None,
        f"{prefix}_start": actor.start if actor else None,
        f"{prefix}_end": actor.end if actor else None,
    }


def _evidence_of_row(row: dict[str, Any]) -> Evidence:
    return Evidence(**{c: row[c] for c in EVIDENCE_COLUMNS})


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def iter_rows(store: Store, sql: str, parameters: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
    columns, rows = store.query(sql, parameters)
    for row in rows:
        yield dict(zip(columns, row, strict=True))
