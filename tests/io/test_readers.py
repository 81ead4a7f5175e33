"""Tests for hadath.io.readers: every input format, bad input of every kind, and size limits."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import signal
import sys
import threading
import time
import tracemalloc
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hadath.io import MAX_DOCUMENT_CHARS, parse_date, read_documents
from hadath.schema import Document, InputError

ARABIC = "قال الرئيس إن الحكومة ستعقد اجتماعا طارئا في القاهرة."


def read(*inputs: str | Path, **kwargs: object) -> list[Document | InputError]:
    return list(read_documents(list(inputs), **kwargs))  # type: ignore[arg-type]


def docs(results: list[Document | InputError]) -> list[Document]:
    return [r for r in results if isinstance(r, Document)]


def errors(results: list[Document | InputError]) -> list[InputError]:
    return [r for r in results if isinstance(r, InputError)]


def only_error(results: list[Document | InputError]) -> InputError:
    assert len(results) == 1 and isinstance(results[0], InputError), results
    return results[0]


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def fill_file(path: Path, size: int, line: bytes = b"a" * 1024) -> None:
    """Write ``size`` bytes of one long line, a block at a time."""
    with open(path, "wb") as handle:
        for _ in range(size // len(line)):
            handle.write(line)


@pytest.fixture
def deadline() -> Iterator[None]:
    """Fail (rather than hang) if a test that opens pipes blocks."""

    def _expired(signum: int, frame: object) -> None:
        raise TimeoutError("reading blocked")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# ---------------------------------------------------------------------------------------------- txt


def test_txt_file_is_one_document(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes("\ufeff".encode() + f"{ARABIC}\r\nسطر ثان\n".encode())
    [doc] = read(path, default_date=date(2016, 3, 16))
    assert doc == Document(
        id="report", text=f"{ARABIC}\r\nسطر ثان\n", date=date(2016, 3, 16), origin=str(path)
    )


def test_explicit_file_with_other_extension_is_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(ARABIC, encoding="utf-8")
    [doc] = read(path)
    assert (doc.id, doc.text) == ("notes", ARABIC)


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n", "\ufeff".encode(), "\u00a0\u2003\n".encode()])
def test_empty_txt_is_an_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    error = only_error(read(path))
    assert error.cause == "empty document"
    assert (error.origin, error.doc_id) == (str(path), "empty")


# -------------------------------------------------------------------------------------------- jsonl


def test_jsonl_fields(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text(
        json.dumps({"id": 7, "text": ARABIC, "date": "2016-03-16", "source": "sana", "extra": [1]})
        + "\n\n   \n"
        + json.dumps({"id": "b", "text": "نص", "date": "2016-03-17T23:30:00+03:00", "title": "T", "url": "u"})
        + "\n"
        + json.dumps({"id": "c", "text": "نص آخر", "source": "", "date": None})  # no final newline
        + "\n",
        encoding="utf-8",
    )
    got = read(path, default_date=date(2000, 1, 1))
    assert got == [
        Document("7", ARABIC, date(2016, 3, 16), source="sana", origin=f"{path}:1"),
        Document("b", "نص", date(2016, 3, 17), title="T", url="u", origin=f"{path}:4"),
        Document("c", "نص آخر", date(2000, 1, 1), origin=f"{path}:5"),
    ]


def test_jsonl_publication_country(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "home.jsonl", [{"id": "h", "text": "نص", "country": "SAU"}])
    assert read(path) == [Document("h", "نص", country="SAU", origin=f"{path}:1")]


def test_jsonl_malformed_line_among_good_lines(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "1", "text": "one"}),
        '{"id": "2", "text" "two"}',
        json.dumps({"id": "3", "text": "three"}),
        '{"id": "4", "text": "four"',
        "[1, 2]",
        json.dumps({"id": "6", "text": "six"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = read(path)
    assert [d.id for d in docs(got)] == ["1", "3", "6"]
    assert [(e.origin, e.cause) for e in errors(got)] == [
        (f"{path}:2", "invalid JSON: Expecting ':' delimiter at column 20"),
        (f"{path}:4", "invalid JSON: Expecting ',' delimiter at column 27"),
        (f"{path}:5", "expected a JSON object, got array"),
    ]
    assert [type(r).__name__ for r in got] == ["Document", "InputError"] * 2 + ["InputError", "Document"]


@pytest.mark.parametrize(
    ("record", "cause"),
    [
        ({"text": "x"}, "missing field 'id'"),
        ({"id": None, "text": "x"}, "missing field 'id'"),
        ({"id": " ", "text": "x"}, "field 'id' is empty"),
        ({"id": 1.5, "text": "x"}, "field 'id' must be a string or an integer, got number"),
        ({"id": True, "text": "x"}, "field 'id' must be a string or an integer, got boolean"),
        ({"id": "a"}, "missing field 'text'"),
        ({"id": "a", "text": ["x"]}, "field 'text' must be a string, got array"),
        ({"id": "a", "text": " \n "}, "empty document"),
        ({"id": "a", "text": "x", "date": "16/03/2016"}, "field 'date' is not a date: '16/03/2016'"),
        ({"id": "a", "text": "x", "date": "2016-02-30"}, "field 'date' is not a date: '2016-02-30'"),
        ({"id": "a", "text": "x", "date": 20160316}, "field 'date' must be a string, got integer"),
        ({"id": "a", "text": "x", "title": 3}, "field 'title' must be a string, got integer"),
        ({"id": "a", "text": "x", "country": "sau"}, "field 'country' must be an ISO 3166 alpha-3 code"),
        ({"id": "a", "text": "x", "country": "Saudi Arabia"}, "field 'country' must be an ISO 3166 alpha-3"),
    ],
)
def test_jsonl_bad_records(tmp_path: Path, record: dict[str, object], cause: str) -> None:
    path = write_jsonl(tmp_path / "bad.jsonl", [record, {"id": "ok", "text": "fine"}])
    got = read(path)
    error = got[0]
    assert isinstance(error, InputError)
    assert error.origin == f"{path}:1"
    assert error.cause.startswith(cause)
    if isinstance(record.get("id"), str) and record["id"].strip():  # type: ignore[union-attr]
        assert error.doc_id == record["id"]
    assert got[1:] == [Document("ok", "fine", origin=f"{path}:2")]


def test_jsonl_nested_too_deeply_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"id": "a", "text": "x"}) + "\n")
    got = read(path)
    assert isinstance(got[0], InputError) and got[0].cause.startswith("invalid JSON")
    assert [d.id for d in docs(got)] == ["a"]


def test_jsonl_duplicate_ids(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "dup.jsonl",
        [{"id": 1, "text": "a"}, {"id": "2", "text": "b"}, {"id": "1", "text": "c"}, {"id": 2, "text": "d"}],
    )
    got = read(path)
    assert [(d.id, d.text) for d in docs(got)] == [("1", "a"), ("2", "b")]
    assert [(e.origin, e.doc_id, e.cause) for e in errors(got)] == [
        (f"{path}:3", "1", "duplicate id '1' (first used on line 1)"),
        (f"{path}:4", "2", "duplicate id '2' (first used on line 2)"),
    ]


def test_ids_may_repeat_across_files(tmp_path: Path) -> None:
    a = write_jsonl(tmp_path / "a.jsonl", [{"id": 1, "text": "a"}])
    b = write_jsonl(tmp_path / "b.jsonl", [{"id": 1, "text": "b"}])
    assert [d.text for d in docs(read(a, b))] == ["a", "b"]


@pytest.mark.parametrize("content", ["", "\n\n  \n"])
def test_empty_jsonl_is_reported(tmp_path: Path, content: str) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text(content)
    error = only_error(read(path))
    assert (error.origin, error.cause) == (str(path), "empty file (no records)")


# --------------------------------------------------------------------------------------------- json


def test_json_array_and_single_object(tmp_path: Path) -> None:
    array = tmp_path / "array.json"
    array.write_text(
        json.dumps([{"id": 1, "text": "a", "date": "2016-03-16"}, {"id": 2, "text": "b"}], indent=2)
    )
    single = tmp_path / "single.json"
    single.write_text(json.dumps({"id": "s", "text": ARABIC, "source": "x"}, ensure_ascii=False))
    got = read(array, single)
    assert [(d.id, d.text, d.date) for d in docs(got)] == [
        ("1", "a", date(2016, 3, 16)),
        ("2", "b", None),
        ("s", ARABIC, None),
    ]
    assert [d.origin for d in docs(got)] == [f"{array}:2", f"{array}:7", f"{single}:1"]
    assert not errors(got)


def test_json_bad_items_are_skipped_and_syntax_errors_end_the_file(tmp_path: Path) -> None:
    path = tmp_path / "items.json"
    path.write_text(
        '[{"id": 1, "text": "a"},\n {"id": 2},\n 5,\n {"id": 4, "text": "d"},\n {"id": 5 "text": "e"}]'
    )
    got = read(path, tmp_path / "items.json")
    first = got[: len(got) // 2]
    assert first == got[len(got) // 2 :]  # reading is repeatable
    assert [d.id for d in docs(first)] == ["1", "4"]
    assert [(e.origin, e.doc_id, e.cause) for e in errors(first)] == [
        (f"{path}:2", "2", "item 2: missing field 'text'"),
        (f"{path}:3", None, "item 3: expected a JSON object, got integer"),
        (f"{path}:5", None, "invalid JSON: Expecting ',' delimiter at line 5 column 11"),
    ]


@pytest.mark.parametrize(
    ("content", "cause"),
    [
        ("[]", "empty file (no records)"),
        ("  ", "empty file (no records)"),
        ('"text"', "invalid JSON: expected a JSON array or object at line 1 column 1"),
        ('[{"id": 1, "text": "a"}', "invalid JSON: unexpected end of file at line 1 column 24"),
        ('{"id": 1, "text": "a"} {}', "invalid JSON: Extra data at line 1 column 24"),
        ('[{"id": 1, "text": "a"},]', "invalid JSON: Expecting value at line 1 column 25"),
        ("[" * 100_000, "invalid JSON: nested too deeply at line 1 column 2"),
    ],
)
def test_json_file_level_errors(tmp_path: Path, content: str, cause: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content)
    got = read(path)
    assert [e.cause for e in errors(got)] == [cause]
    assert len(docs(got)) == (1 if content.startswith(('[{"id": 1', '{"id"')) else 0)


def test_json_large_minified_array_is_read_across_chunks(tmp_path: Path) -> None:
    # ~3 MB on one line: items and numbers straddle the 1 MiB read chunks
    records = [{"id": i, "text": f"{ARABIC} {i}", "n": 10**12 + i} for i in range(30_000)]
    path = tmp_path / "big.json"
    path.write_text(json.dumps(records, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    got = read(path)
    assert not errors(got)
    assert [d.id for d in got] == [str(i) for i in range(30_000)]
    assert all(d.text == f"{ARABIC} {i}" for i, d in enumerate(docs(got)))


# ---------------------------------------------------------------------------------------------- csv


def test_csv_with_id_column(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ID", " Text ", "date", "source", "other"])
        writer.writerow(["a1", f"{ARABIC}\nسطر, ثان", "2016-03-16", "sana", "ignored"])
        writer.writerow([])
        writer.writerow(["a2", "نص", "", "", ""])
    got = read(path)
    assert got == [
        Document("a1", f"{ARABIC}\nسطر, ثان", date(2016, 3, 16), source="sana", origin=f"{path}:2"),
        Document("a2", "نص", origin=f"{path}:5"),
    ]


def test_csv_without_id_column(tmp_path: Path) -> None:
    path = tmp_path / "wire.csv"
    path.write_bytes("text,title\r\nأول,t1\r\n\r\nثان,t2\r\n".encode())
    got = read(path, default_date=date(2020, 1, 1))
    assert [(d.id, d.text, d.title, d.date) for d in docs(got)] == [
        ("wire:1", "أول", "t1", date(2020, 1, 1)),
        ("wire:2", "ثان", "t2", date(2020, 1, 1)),
    ]


def test_csv_with_old_mac_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "mac.csv"
    path.write_bytes(b'id,text\r1,"one\rtwo"\r2,three\r')
    assert [(d.id, d.text) for d in docs(read(path))] == [("1", "one\rtwo"), ("2", "three")]


def test_csv_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("id,text,date\n1,good,\n2,,\n3,x,16/03/2016\n4,x,,extra\n1,again,\n5,last,\n")
    got = read(path)
    assert [d.id for d in docs(got)] == ["1", "5"]
    assert [(e.origin, e.doc_id, e.cause.split(" (")[0]) for e in errors(got)] == [
        (f"{path}:3", "2", "empty document"),
        (f"{path}:4", "3", "field 'date' is not a date: '16/03/2016'"),
        (f"{path}:5", None, "row has 4 fields but the header has 3"),
        (f"{path}:6", "1", "duplicate id '1'"),
    ]


@pytest.mark.parametrize(
    ("content", "cause"),
    [
        ("id,body\n1,x\n", "CSV header has no 'text' column (columns: 'id', 'body')"),
        ("id,text,Text\n1,x,y\n", "CSV header repeats column(s) 'text'"),
        ("", "empty file (no header row)"),
        ("id,text\n", "empty file (no records)"),
    ],
)
def test_csv_file_level_errors(tmp_path: Path, content: str, cause: str) -> None:
    path = tmp_path / "h.csv"
    path.write_text(content)
    assert only_error(read(path)).cause == cause


def test_csv_unterminated_quote_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text('id,text\n1,ok\n2,"never closed\n3,more\n')
    got = read(path)
    assert [d.id for d in docs(got)] == ["1"]
    assert [e.cause for e in errors(got)] == ["invalid CSV: unexpected end of data"]


def test_csv_runaway_record_stops_at_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "runaway.csv"
    path.write_text('id,text\n1,ok\n2,"never closed\n' + "more text\n" * 20_000)
    got = read(path, max_chars=1000)
    assert [d.id for d in docs(got)] == ["1"]
    [error] = errors(got)
    assert error.cause.startswith("document too large")


# ------------------------------------------------------------------------------------- directories


def test_directory_recursion_order_and_relative_ids(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "2016" / "03").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "b.txt").write_text("بي")
    (root / "a.TXT").write_text("أ")
    (root / "2016" / "03" / "16.txt").write_text("يوم")
    (root / "2016" / "wire.csv").write_text("text\nسطر\n")
    write_jsonl(root / "2016" / "feed.jsonl", [{"id": "f1", "text": "خبر"}])
    (root / "2016" / "arr.json").write_text(json.dumps([{"id": "j1", "text": "ج"}]))
    (root / ".hidden.txt").write_text("secret")
    (root / ".git" / "x.txt").write_text("secret")
    (root / "readme.md").write_text("not read")
    (root / "image.png").write_bytes(b"\x89PNG\x00\x00")
    got = read(root)
    assert not errors(got)
    assert [(d.id, d.origin) for d in docs(got)] == [
        ("2016/03/16", str(root / "2016" / "03" / "16.txt")),
        ("j1", f"{root / '2016' / 'arr.json'}:1"),
        ("f1", f"{root / '2016' / 'feed.jsonl'}:1"),
        ("2016/wire:1", f"{root / '2016' / 'wire.csv'}:2"),
        ("a", str(root / "a.TXT")),
        ("b", str(root / "b.txt")),
    ]


def test_directory_named_like_a_file_is_read_as_a_directory(tmp_path: Path) -> None:
    odd = tmp_path / "x.txt"
    odd.mkdir()
    (odd / "inner.txt").write_text("داخل")
    assert [(d.id, d.text) for d in docs(read(odd))] == [("inner", "داخل")]
    assert [d.id for d in docs(read(tmp_path))] == ["x.txt/inner"]  # only a file loses its suffix


def test_unreadable_entries_are_reported_and_the_rest_read(tmp_path: Path, deadline: None) -> None:
    # chmod 000 does not stop root, so use failures that do: dangling and looping links, a FIFO
    # (opening one would block forever), a link loop between directories, and a file whose read fails.
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("أول")
    (root / "broken.txt").symlink_to(root / "missing.txt")
    (root / "loop.jsonl").symlink_to(root / "loop.jsonl")
    os.mkfifo(root / "pipe.txt")
    (root / "sub" / "up").symlink_to(root)
    (root / "z.txt").write_text("أخير")
    unreadable = Path("/proc/self/mem")
    if unreadable.exists():  # reading /proc/self/mem at offset 0 fails with EIO, even for root
        (root / "mem.txt").symlink_to(unreadable)
    got = read(root)
    assert [d.id for d in docs(got)] == ["a", "z"]
    causes = {Path(e.origin).name: e.cause for e in errors(got)}
    assert causes["broken.txt"].startswith("broken symbolic link")
    assert causes["loop.jsonl"] == "symbolic link loop"
    assert causes["pipe.txt"] == "not a regular file (named pipe); skipped"
    assert causes["up"].startswith("symbolic link loop")
    if unreadable.exists():
        assert causes["mem.txt"].startswith("cannot read: ")
    assert all(e.origin.startswith(str(root)) for e in errors(got))


def test_missing_paths_are_reported(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("نص")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere")
    got = read(tmp_path / "absent.txt", tmp_path / "no_dir", tmp_path / "dangling.txt", good)
    assert [(Path(e.origin).name, e.cause.split(" (")[0]) for e in errors(got)] == [
        ("absent.txt", "no such file or directory"),
        ("no_dir", "no such file or directory"),
        ("dangling.txt", "broken symbolic link"),
    ]
    assert [d.id for d in docs(got)] == ["good"]


def test_explicit_fifo_is_read_like_stdin(tmp_path: Path, deadline: None) -> None:
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)
    payload = "".join(json.dumps({"id": i, "text": f"نص {i}"}) + "\n" for i in range(3)).encode()

    def writer() -> None:
        with open(fifo, "wb") as handle:
            handle.write(payload)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    got = read(fifo)
    thread.join(5)
    assert [(d.id, d.text) for d in docs(got)] == [(str(i), f"نص {i}") for i in range(3)]


# -------------------------------------------------------------------------------------------- stdin


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [
        json.dumps({"id": "s1", "text": ARABIC}, ensure_ascii=False),
        "{bad",
        json.dumps({"id": 2, "text": "b"}),
    ]
    set_stdin(monkeypatch, ("\ufeff\n" + "\n".join(lines) + "\n").encode())
    got = read("-")
    assert [(d.id, d.origin) for d in docs(got)] == [("s1", "<stdin>:2"), ("2", "<stdin>:4")]
    assert [e.origin for e in errors(got)] == ["<stdin>:3"]


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, f"\n  {ARABIC}\n{{not json}}".encode())
    assert read("-", default_date=date(2016, 1, 1)) == [
        Document("stdin", f"\n  {ARABIC}\n{{not json}}", date(2016, 1, 1), origin="<stdin>")
    ]


def test_stdin_without_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps({"id": "x", "text": ARABIC}) + "\n"))
    assert [(d.id, d.text) for d in docs(read("-"))] == [("x", ARABIC)]


@pytest.mark.parametrize(
    ("data", "cause"),
    [
        (b"", "empty document"),
        (b"  \n ", "empty document"),
        (b"abc\x00def", "binary file"),
        (f"caf\u00e9 {ARABIC}".encode()[:-2], "not valid UTF-8"),
    ],
)
def test_stdin_errors(monkeypatch: pytest.MonkeyPatch, data: bytes, cause: str) -> None:
    set_stdin(monkeypatch, data)
    error = only_error(read("-"))
    assert error.cause.startswith(cause)
    assert (error.origin, error.doc_id) == ("<stdin>", "stdin")


def test_stdin_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, b"x" * 500)
    assert only_error(read("-", max_chars=100)).cause.startswith("document too large (401 bytes > limit 400")


# ---------------------------------------------------------------------------------------- encodings


def test_binary_file(tmp_path: Path) -> None:
    rng = random.Random(1)
    data = bytes(rng.randrange(256) for _ in range(20_000)) + b"\x00\x00"
    data = data[:100] + b"\x00" + data[100:]
    for name in ("blob.txt", "blob.jsonl", "blob.json", "blob.csv"):
        (tmp_path / name).write_bytes(data)
    got = read(*sorted(tmp_path.iterdir()))
    assert len(got) == 4 and not docs(got)
    assert all(e.cause.startswith("binary file") for e in errors(got))
    assert [e.origin for e in errors(got)] == [str(p) for p in sorted(tmp_path.iterdir())]


def test_binary_file_without_nul_bytes(tmp_path: Path) -> None:
    rng = random.Random(2)
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(rng.randrange(1, 256) for _ in range(20_000)))
    assert only_error(read(path)).cause.startswith("binary file")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-32"])
def test_utf16_file_is_named(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(ARABIC.encode(codec))
    cause = only_error(read(path)).cause
    assert codec.split("-")[1] in cause and "not UTF-8" in cause


def test_latin1_file(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_bytes("Le café est fermé.".encode("latin-1"))
    error = only_error(read(path))
    assert (error.origin, error.doc_id) == (str(path), "fr")
    assert error.cause.startswith("not valid UTF-8: byte 0xe9 at byte offset 6;")
    assert "Latin-1" in error.cause and "1256" not in error.cause
    assert str(path) in str(error)


def test_spanish_latin1_is_not_taken_for_arabic(tmp_path: Path) -> None:
    path = tmp_path / "es.txt"
    path.write_bytes("La reunión del día sí continuó mañana en Túnez.".encode("latin-1"))
    cause = only_error(read(path)).cause
    assert "Latin-1" in cause and "1256" not in cause


def test_cp1256_arabic_file(tmp_path: Path) -> None:
    path = tmp_path / "ar.txt"
    path.write_bytes(("Reuters - " + ARABIC).encode("cp1256"))
    error = only_error(read(path))
    assert (error.origin, error.doc_id) == (str(path), "ar")
    assert error.cause.startswith("not valid UTF-8: byte 0xde at byte offset 10;")
    assert "Windows-1256" in error.cause


def test_mostly_utf8_file_with_a_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "damaged.txt"
    good = ARABIC.encode()
    path.write_bytes(good + b"\xff" + good)
    cause = only_error(read(path)).cause
    assert cause.startswith(f"not valid UTF-8: byte 0xff at byte offset {len(good)};")
    assert "damaged" in cause


def test_bom_offset_is_counted(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfab\xe9")
    assert "at byte offset 5" in only_error(read(path)).cause


def test_mis_encoded_jsonl_line_only_loses_that_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = (json.dumps({"id": "1", "text": ARABIC}, ensure_ascii=False) + "\n").encode()
    bad = (json.dumps({"id": "2", "text": ARABIC}, ensure_ascii=False) + "\n").encode("cp1256")
    last = (json.dumps({"id": "3", "text": ARABIC}, ensure_ascii=False) + "\n").encode()
    path.write_bytes(good + bad + last)
    got = read(path)
    assert [d.id for d in docs(got)] == ["1", "3"]
    [error] = errors(got)
    assert error.origin == f"{path}:2"
    assert error.cause.startswith(f"not valid UTF-8: byte 0xde at byte offset {len(good) + 21};")
    assert "Windows-1256" in error.cause


def test_mis_encoded_json_and_csv(tmp_path: Path) -> None:
    array = tmp_path / "a.json"
    array.write_bytes(json.dumps([{"id": 1, "text": ARABIC}], ensure_ascii=False).encode("cp1256"))
    table = tmp_path / "t.csv"
    table.write_bytes(f"id,text\n1,ok\n2,{ARABIC}\n3,never read\n".encode("cp1256"))
    got = read(array, table)
    assert [d.id for d in docs(got)] == ["1"]
    assert [(e.origin, e.cause.split(";")[0]) for e in errors(got)] == [
        (str(array), "not valid UTF-8: byte 0xde at byte offset 20"),
        (f"{table}:3", "not valid UTF-8: byte 0xde at byte offset 15"),
    ]


# -------------------------------------------------------------------------------------------- sizes


def test_txt_too_large_by_size_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 401)
    monkeypatch.setattr("builtins.open", _forbidden_open)
    error = only_error(read(path, max_chars=100))
    assert error.cause == "document too large (401 bytes > limit 400 bytes, the most 100 characters can take)"
    assert error.doc_id == "big" and "'big'" in str(error)


def _forbidden_open(*args: object, **kwargs: object) -> None:
    raise AssertionError("the file was opened")


def test_txt_too_large_in_characters(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("ب" * 101, encoding="utf-8")  # 202 bytes: under the byte bound, over in characters
    error = only_error(read(path, max_chars=100))
    assert error.cause == "document too large (101 characters > limit 100)"
    path.write_text("ب" * 100, encoding="utf-8")
    assert docs(read(path, max_chars=100))[0].text == "ب" * 100


def test_jsonl_record_too_large(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "big.jsonl",
        [{"id": "small", "text": "x"}, {"id": "huge", "text": "ب" * 150}, {"id": "next", "text": "y"}],
    )
    got = read(path, max_chars=100)
    assert [d.id for d in docs(got)] == ["small", "next"]
    [error] = errors(got)
    assert (error.origin, error.doc_id) == (f"{path}:2", "huge")
    assert error.cause == "document too large (150 characters > limit 100)"
    assert "'huge'" in str(error)


def test_jsonl_line_over_the_byte_limit_is_skipped_unparsed(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "a", "text": "x"}) + "\n")
        handle.write(json.dumps({"id": "vast", "text": "y" * 300_000}) + "\n")
        handle.write(json.dumps({"id": "b", "text": "z"}) + "\n")
    got = read(path, max_chars=100)
    assert [d.id for d in docs(got)] == ["a", "b"]
    [error] = errors(got)
    assert (error.origin, error.doc_id) == (f"{path}:2", "vast")
    assert error.cause.startswith("document too large (300027 bytes > limit 66136 bytes")


def test_max_chars_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_chars"):
        read_documents(["x"], max_chars=0)


def test_default_limit() -> None:
    assert MAX_DOCUMENT_CHARS == 5_000_000


@pytest.mark.slow
def test_50mb_single_line_txt_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    fill_file(path, 50 * 2**20)
    assert path.stat().st_size == 50 * 2**20
    tracemalloc.start()
    started = time.perf_counter()
    try:
        error = only_error(read(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 1.0
    assert peak < 2**20  # nothing of the file was read
    assert error.cause.startswith("document too large (52428800 bytes > limit 20000000 bytes")
    assert error.doc_id == "huge"


@pytest.mark.slow
def test_50mb_jsonl_line_is_skipped_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with open(path, "wb") as handle:
        handle.write(b'{"id": "whale", "text": "')
        for _ in range(50 * 2**10):
            handle.write(b"a" * 1024)
        handle.write(b'"}\n' + json.dumps({"id": "minnow", "text": "small"}).encode() + b"\n")
    tracemalloc.start()
    try:
        got = read(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [d.id for d in docs(got)] == ["minnow"]
    [error] = errors(got)
    assert error.doc_id == "whale" and error.cause.startswith("document too large (52428828 bytes")
    assert peak < 40 * 2**20  # at most one record's worth (6 bytes a character), never the whole line


# -------------------------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-03-16", date(2016, 3, 16)),
        (" 2016-03-16 ", date(2016, 3, 16)),
        ("2016-03-16T09:30:00Z", date(2016, 3, 16)),
        ("2016-03-16T23:30:00-05:00", date(2016, 3, 16)),  # the date as written, not converted to UTC
        ("2016-03-16 09:30", date(2016, 3, 16)),
        ("2016-03-16T09:30:00.123456+0300", date(2016, 3, 16)),
    ],
)
def test_parse_date(value: str, expected: date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "16/03/2016",
        "20160316",
        "2016-3-16",
        "2016-W11-3",
        "2016-03-16T",
        "2016-02-30",
        "",
        "yesterday",
        "٢٠١٦-٠٣-١٦",
    ],
)
def test_parse_date_is_strict(value: str) -> None:
    with pytest.raises(ValueError, match="not a date"):
        parse_date(value)


def test_default_date_only_fills_missing_dates(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "d.jsonl", [{"id": 1, "text": "a", "date": "2010-01-02"}, {"id": 2, "text": "b"}]
    )
    got = read(path, default_date=date(2016, 3, 16))
    assert [d.date for d in docs(got)] == [date(2010, 1, 2), date(2016, 3, 16)]


# -------------------------------------------------------------------------------------------- misc


def test_reading_is_lazy(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "s.jsonl", [{"id": i, "text": "x"} for i in range(3)])
    stream = read_documents([path])
    assert isinstance(next(stream), Document)
    path.unlink()  # the open file is still read to its end
    assert len(list(stream)) == 2


def test_a_single_path_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text("نص")
    assert [d.id for d in docs(list(read_documents(path)))] == ["one"]  # type: ignore[arg-type]
    assert [d.id for d in docs(list(read_documents(str(path))))] == ["one"]  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------- properties

TEXTS = st.text(st.characters(exclude_categories=("Cs",)), min_size=1).filter(lambda s: s.strip() != "")
RECORDS = st.lists(st.tuples(TEXTS, TEXTS), max_size=20, unique_by=lambda record: record[0])
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("property")


@PROPERTY
@given(records=RECORDS, ascii_only=st.booleans())
def test_jsonl_round_trip(scratch: Path, records: list[tuple[str, str]], ascii_only: bool) -> None:
    path = scratch / "round.jsonl"
    lines = (json.dumps({"id": i, "text": t}, ensure_ascii=ascii_only) + "\n" for i, t in records)
    path.write_text("".join(lines), encoding="utf-8")
    got = read(path)
    if not records:
        assert [e.cause for e in errors(got)] == ["empty file (no records)"]
    else:
        assert [(d.id, d.text) for d in got] == records  # type: ignore[union-attr]


@PROPERTY
@given(records=RECORDS)
def test_json_round_trip(scratch: Path, records: list[tuple[str, str]]) -> None:
    path = scratch / "round.json"
    path.write_text(
        json.dumps([{"id": i, "text": t} for i, t in records], ensure_ascii=False), encoding="utf-8"
    )
    got = read(path)
    if records:
        assert [(d.id, d.text) for d in got] == records  # type: ignore[union-attr]


CSV_TEXTS = st.text(
    st.characters(exclude_categories=("Cs", "Cf"), exclude_characters="\x00"), min_size=1
).filter(lambda s: s.strip() != "")


@PROPERTY
@given(records=st.lists(st.tuples(CSV_TEXTS, CSV_TEXTS), max_size=20, unique_by=lambda record: record[0]))
def test_csv_round_trip(scratch: Path, records: list[tuple[str, str]]) -> None:
    path = scratch / "round.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        writer.writerows(records)
    got = read(path)
    if records:
        assert [(d.id, d.text) for d in got] == records  # type: ignore[union-attr]
