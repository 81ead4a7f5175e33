"""Zip archives (the SaudiNewsNet layout) and gzipped files are read like the files they hold."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

from hadath.io.readers import read_documents
from hadath.schema import Document, InputError

ARTICLES = [
    {
        "source": "spa",
        "date_extracted": "2015-07-21 02:51:32",
        "title": "ع",
        "content": "قال الوزير إن الاجتماع مهم.",
    },
    {"source": "spa", "date_extracted": "2015-07-21 03:00:00", "content": ""},
    {"source": "spa", "date_extracted": "2015-07-21 04:00:00", "content": "اجتمع الرئيس بالوفد."},
]


def _day_archive(path: Path, articles: list) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr(f"{path.stem}.json", json.dumps(articles, ensure_ascii=False))
    return path


def test_news_archive_records_use_corpus_field_names_and_positional_ids(tmp_path: Path) -> None:
    results = list(read_documents(_day_archive(tmp_path / "2015-07-21.zip", ARTICLES)))
    docs = [r for r in results if isinstance(r, Document)]
    errors = [r for r in results if isinstance(r, InputError)]
    assert [d.id for d in docs] == ["2015-07-21/1", "2015-07-21/3"]
    assert docs[0].text == ARTICLES[0]["content"] and docs[0].date.isoformat() == "2015-07-21"
    assert docs[0].source == "spa" and docs[0].origin.endswith("2015-07-21.zip!2015-07-21.json:1")
    assert (
        len(errors) == 1 and errors[0].cause.endswith("empty document") and errors[0].doc_id == "2015-07-21/2"
    )


def test_archive_with_several_members_names_each_member(tmp_path: Path) -> None:
    path = tmp_path / "bundle.zip"
    with zipfile.ZipFile(path, "w") as bundle:
        bundle.writestr("b/one.jsonl", json.dumps({"id": "x", "text": "نص أول"}, ensure_ascii=False) + "\n")
        bundle.writestr("a.txt", "نص ثان")
        bundle.writestr("notes.pdf", b"%PDF")  # not a document kind: ignored, like in a directory
        bundle.writestr("c.json", json.dumps([{"text": "نص ثالث"}], ensure_ascii=False))
    docs = list(read_documents(path))
    assert [d.id for d in docs] == ["bundle/a", "x", "bundle/c/1"]


def test_broken_archive_and_broken_member_are_reported_and_the_rest_is_read(tmp_path: Path) -> None:
    bad_zip = tmp_path / "broken.zip"
    bad_zip.write_bytes(b"PK\x03\x04 not really a zip")
    good = _day_archive(tmp_path / "2015-07-22.zip", ARTICLES[:1])
    corrupt = tmp_path / "corrupt.zip"
    with zipfile.ZipFile(corrupt, "w", zipfile.ZIP_STORED) as bundle:
        bundle.writestr("a.json", json.dumps([{"text": "نص سليم في البداية"}] * 50, ensure_ascii=False))
        bundle.writestr("b.txt", "نص سليم")
    raw = bytearray(corrupt.read_bytes())
    raw[200] ^= 0xFF  # flip a byte inside the stored data of a.json: its CRC no longer matches
    corrupt.write_bytes(bytes(raw))
    invalid = tmp_path / "invalid.zip"
    with zipfile.ZipFile(invalid, "w") as bundle:
        bundle.writestr("x.json", '[{"text": "نص"}, {oops}]')
    results = list(read_documents([bad_zip, good, corrupt, invalid]))
    errors = {r.origin.split("/")[-1]: r.cause for r in results if isinstance(r, InputError)}
    docs = [r.id for r in results if isinstance(r, Document)]
    assert "not a readable zip archive" in errors["broken.zip"]
    assert any(origin.startswith("corrupt.zip!a.json") for origin in errors)
    assert "corrupt/b" in docs and "2015-07-22/1" in docs and "invalid/x/1" in docs
    assert any(
        origin.startswith("invalid.zip!x.json") and "invalid JSON" in cause
        for origin, cause in errors.items()
    )


def test_gzipped_jsonl_and_truncated_gzip(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl.gz"
    lines = "".join(
        json.dumps({"id": str(i), "text": f"خبر رقم {i}"}, ensure_ascii=False) + "\n" for i in range(3)
    )
    path.write_bytes(gzip.compress(lines.encode()))
    assert [d.id for d in read_documents(path)] == ["0", "1", "2"]
    truncated = tmp_path / "cut.jsonl.gz"
    many = "".join(
        json.dumps({"id": str(i), "text": f"خبر رقم {i}"}, ensure_ascii=False) + "\n" for i in range(600)
    )
    truncated.write_bytes(gzip.compress(many.encode())[:-40])
    results = list(read_documents(truncated))
    assert isinstance(results[-1], InputError) and "corrupt compressed data" in results[-1].cause
    assert all(isinstance(r, Document) for r in results[:-1])


def test_directory_reads_archives_and_gzip_by_stem(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "one.txt.gz").write_bytes(gzip.compress("نص مضغوط".encode()))
    _day_archive(tmp_path / "d" / "2015-07-23.zip", ARTICLES[2:])
    assert [d.id for d in read_documents(tmp_path / "d")] == ["2015-07-23/1", "one"]
