"""The DuckDB store: creation, idempotent writes, transactions, schema versions, refusing foreign files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from hadath.pipeline import Pipeline
from hadath.schema import Document, InputError
from hadath.store import SCHEMA_VERSION, Store, StoreError, content_key
from hadath.store import schema as store_schema

TEXTS = [
    "شنت الطائرات الروسية غارات على مواقع المعارضة السورية في حلب. وقال وزير الخارجية الروسي إن موسكو ستواصل دعم الجيش السوري.",
    "قصفت الطائرات الروسية مواقع المعارضة السورية في حلب أمس.",
    "تظاهر آلاف العراقيين في بغداد احتجاجا على الفساد، وأطلقت قوات الأمن الغاز المسيل للدموع على المحتجين.",
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def batch(pipeline):
    documents = [Document(f"d{i}", text, date(2016, 3, 15), source="test") for i, text in enumerate(TEXTS)]
    return [(d, pipeline.analyze(d)) for d in documents]


def test_a_new_store_has_every_table_and_the_current_version(tmp_path: Path):
    with Store(tmp_path / "s.duckdb") as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert set(store.counts()) == set(store_schema.TABLES) - {"meta"}
        assert store.meta("dedup_window_days") == "1"


def test_write_stores_every_record_with_original_spans_and_is_idempotent(tmp_path: Path, batch):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        first = store.write(batch)
        counts = store.counts()
        assert first.documents == 3 and counts["documents"] == 3
        assert counts["event_sources"] == sum(len(a.events) for _, a in batch) > 0
        assert counts["mentions"] == sum(len(a.actors) + len(a.places) for _, a in batch)
        assert counts["quotations"] == sum(len(a.quotations) for _, a in batch)
        again = store.write(batch)
        assert again.documents == 0 and store.counts() == counts
        # every span points into the original text
        _, rows = store.query(
            'SELECT d.text, e.start, e."end", e.text, e.trigger_start, e.trigger_end, e.trigger '
            "FROM event_sources e JOIN documents d USING (doc_key)"
        )
        for text, start, end, evidence, t_start, t_end, trigger in rows:
            assert text[start:end] == evidence and text[t_start:t_end] == trigger
    with Store(path) as reopened:  # and it survives closing
        assert reopened.counts() == counts


def test_the_same_strike_in_two_documents_is_one_event_with_two_sources(tmp_path: Path, batch):
    with Store(tmp_path / "s.duckdb") as store:
        store.write(batch)
        _, rows = store.query(
            "SELECT source_code, target_code, cameo_root, mentions, documents FROM events "
            "WHERE source_code LIKE 'RUS%' AND cameo_root IN ('19', '18') ORDER BY documents DESC"
        )
        assert rows and rows[0][4] == 2, rows
        # every non-negated evidence row belongs to an existing event
        _, orphans = store.query(
            "SELECT count(*) FROM event_sources s LEFT JOIN events e USING (event_id) "
            "WHERE s.modality <> 'negated' AND e.event_id IS NULL"
        )
        assert orphans == [(0,)]


def test_events_are_the_same_whatever_the_batching(tmp_path: Path, batch):
    with Store(tmp_path / "one.duckdb") as one, Store(tmp_path / "many.duckdb") as many:
        one.write(batch)
        for item in reversed(batch):
            many.write([item])
        sql = "SELECT * EXCLUDE (first_doc_key, url) FROM events ORDER BY event_id"
        assert one.query(sql) == many.query(sql)


def test_input_errors_are_recorded_once(tmp_path: Path):
    error = InputError("corpus.jsonl:7", "invalid JSON: Expecting value at column 1", "doc-7")
    with Store(tmp_path / "s.duckdb") as store:
        store.write([error])
        store.write([error])
        assert store.query("SELECT origin, doc_id, cause FROM errors")[1] == [
            ("corpus.jsonl:7", "doc-7", "invalid JSON: Expecting value at column 1")
        ]


def test_a_failed_write_leaves_the_store_as_it_was(tmp_path: Path, batch, monkeypatch):
    with Store(tmp_path / "s.duckdb") as store:
        store.write(batch[:1])
        before = store.counts()

        def broken(groups):
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(store, "_rededuplicate", broken)  # fails after the rows were inserted
        with pytest.raises(RuntimeError):
            store.write(batch[1:])
        assert store.counts() == before


def test_content_hash_not_id_decides_what_is_already_stored(tmp_path: Path, batch):
    document, analysis = batch[0]
    renamed = Document("another-id", document.text, document.date)
    with Store(tmp_path / "s.duckdb") as store:
        store.write([(document, analysis)])
        assert store.write([(renamed, analysis)]).documents == 0
        assert store.document_keys() == {content_key(document.text)}


def test_newer_and_unmigratable_versions_are_refused(tmp_path: Path):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    with duckdb.connect(str(path)) as connection:
        connection.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)]
        )
    with pytest.raises(StoreError, match="newer Hadath"):
        Store(path)
    with duckdb.connect(str(path)) as connection:
        connection.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="cannot be migrated"):
        Store(path)


def test_an_older_store_is_migrated_in_one_transaction(tmp_path: Path, monkeypatch):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    with duckdb.connect(str(path)) as connection:  # make it look like a version-0 store without 'errors'
        connection.execute("DROP TABLE errors")
        connection.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    monkeypatch.setitem(store_schema.MIGRATIONS, 0, [store_schema.TABLES["errors"]])
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION and "errors" in store.counts()


def test_read_only_opening_needs_migration_first(tmp_path: Path, monkeypatch):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    with duckdb.connect(str(path)) as connection:
        connection.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    monkeypatch.setitem(store_schema.MIGRATIONS, 0, [])
    with pytest.raises(StoreError, match="open it once for writing"):
        Store(path, read_only=True)


def test_foreign_files_are_refused_and_left_untouched(tmp_path: Path):
    other = tmp_path / "other.duckdb"
    with duckdb.connect(str(other)) as connection:
        connection.execute("CREATE TABLE sales (id INTEGER)")
    with pytest.raises(StoreError, match="not a Hadath store"):
        Store(other)
    with duckdb.connect(str(other)) as connection:
        assert connection.execute("SELECT table_name FROM duckdb_tables()").fetchall() == [("sales",)]
    text_file = tmp_path / "notes.duckdb"
    text_file.write_text("just some notes\n" * 100)
    with pytest.raises(StoreError, match="cannot open as a DuckDB database"):
        Store(text_file)
    assert text_file.read_text() == "just some notes\n" * 100
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "absent.duckdb", read_only=True)


def test_read_only_store_refuses_writes(tmp_path: Path, batch):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    with Store(path, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.write(batch)
