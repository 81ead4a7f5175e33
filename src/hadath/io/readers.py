"""Read documents from .txt, .jsonl, .json and .csv files, from directories and from stdin.

:func:`read_documents` streams :class:`~hadath.schema.Document` records. It never raises for bad
input: a file or record that cannot be read becomes an :class:`~hadath.schema.InputError` naming the
file (and line) and the cause, and reading goes on with the next record or file.

Formats (chosen by file extension, case-insensitive):

* ``.txt`` -- the whole file is one document. Its id is the file stem, or, inside a directory, the
  path relative to that directory without its suffix (``news/2016/a.txt`` -> ``2016/a``).
* ``.jsonl`` -- one JSON object per line: ``id`` (string or integer) and ``text`` are required;
  ``date`` (``YYYY-MM-DD`` or an ISO 8601 datetime, of which the date part is kept), ``source``,
  ``url`` and ``title`` are optional; other fields are ignored. Blank lines are skipped.
* ``.json`` -- a JSON array of such objects (read incrementally), or a single object.
* ``.csv`` -- a header row naming at least ``text``; without an ``id`` column a record's id is
  ``<stem>:<row>`` (1-based data row, not counting the header or blank rows).
* ``-`` -- stdin: JSONL when its first non-blank character is ``{``, otherwise one document ``stdin``.
* ``.gz`` -- a gzip-compressed file of one of the kinds above, chosen by the suffix before ``.gz``
  (``corpus.jsonl.gz``).
* ``.zip`` -- an archive whose members (sorted by name; ``.txt .jsonl .json .csv``, gzipped or not) are
  read as if they were files; their origin is ``archive.zip!member``. News-corpus archives such as
  SaudiNewsNet (one JSON array a day) follow looser conventions, accepted inside archives only: the text
  may be in ``content`` and the date in ``date_extracted``, and a record without ``id`` gets
  ``<archive>/<member>/<item>`` (``<archive>/<item>`` when the member is named like the archive). A member
  that is not a readable archive entry (corrupt, encrypted) is reported and the next one is read.

A file named explicitly with any other extension is read as plain text; a pipe named explicitly
(``<(zcat corpus.jsonl.gz)``) is read like stdin. Directories are read recursively in sorted order,
taking only the extensions above and skipping hidden names (``.*``); symbolic links are followed
(a link loop is reported, not followed forever); pipes, sockets and devices inside a directory are
reported and skipped, never opened.

Text must be UTF-8 (a leading byte order mark is removed). Other encodings are reported, with the byte
offset of the first bad byte and the likely encoding (Windows-1256 Arabic, Latin-1), never guessed.
"""

from __future__ import annotations

import codecs
import csv
import errno
import gzip
import json
import os
import re
import stat
import sys
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, Protocol

from hadath.schema import COUNTRY_CODE_RE, Document, InputError

__all__ = ["MAX_DOCUMENT_CHARS", "STDIN", "SUPPORTED_SUFFIXES", "parse_date", "read_documents"]

MAX_DOCUMENT_CHARS = 5_000_000
STDIN = "-"
SUPPORTED_SUFFIXES = (".txt", ".jsonl", ".json", ".csv", ".gz", ".zip")

_KINDS = {".txt": "text", ".jsonl": "jsonl", ".json": "json", ".csv": "csv"}
_OPTIONAL_FIELDS = ("source", "url", "title", "country")
# Field names of news-corpus archives (SaudiNewsNet), used inside archives when the standard one is absent.
_ARCHIVE_FIELD_ALIASES = {"text": "content", "date": "date_extracted"}
_STDIN_ORIGIN = "<stdin>"
_STDIN_ID = "stdin"

_SNIFF_BYTES = 8192  # the head that is checked for NUL bytes
_CHUNK_BYTES = 1 << 20
_RECORD_OVERHEAD_BYTES = 1 << 16  # room for the id, date, title ... around the text of one record
_ID_SNIFF_BYTES = 1 << 16  # how far into an over-long record to look for its id
_SAMPLE_BYTES = 1 << 15  # how much around an undecodable byte to look at to guess the encoding
_BINARY_CONTROL_RATIO = 0.05

_BOM = codecs.BOM_UTF8
_UTF16_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
# C0 control bytes that do not occur in text (tab, line feed, vertical tab, form feed, carriage return
# and escape do), and DEL.
_CONTROL_BYTES = bytes(sorted(set(range(32)) - set(b"\t\n\x0b\x0c\r\x1b"))) + b"\x7f"
_JSON_WS = re.compile(r"[ \t\n\r]*")
_BARE_CR = re.compile(r"(?<=\r)(?!\n)")
_UTF16_TEXT = re.compile(r"[\t\n\r\x20-\x7e\xa0-\xff\u0600-\u06ff]")
_ARABIC_RUN = re.compile(r"[\u0600-\u06ff]{2,}")
_SNIFF_ID = re.compile(rb'"id"\s*:\s*(?:"((?:[^"\\]|\\.){1,200})"|(-?\d{1,40})\b)')
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)  # ASCII digits only
_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}(?::\d{2}(?::\d{2}(?:[.,]\d+)?)?)?"  # date, hour[:minute[:second[.fraction]]]
    r"(?:Z|[+-]\d{2}(?::?\d{2})?)?",  # UTC offset
    re.ASCII,
)

Result = Document | InputError


# ----------------------------------------------------------------------------------------------- API


def read_documents(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    default_date: date | None = None,
    max_chars: int = MAX_DOCUMENT_CHARS,
) -> Iterator[Document | InputError]:
    """Stream the documents of ``inputs`` (files, directories, or ``"-"`` for stdin), in order.

    Bad input never raises: it yields an :class:`InputError` and reading continues. ``default_date`` is
    given to documents that have no date; a document longer than ``max_chars`` characters is an error.
    A single path (a ``str`` or ``Path`` rather than a list of them) is accepted as a list of one.
    """
    if isinstance(inputs, str | os.PathLike):
        inputs = [inputs]
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
        raise ValueError(f"max_chars must be a positive integer, not {max_chars!r}")
    return _read_all(inputs, _Options(default_date, max_chars))


def parse_date(value: str) -> date:
    """Parse ``YYYY-MM-DD`` or an ISO 8601 datetime (``2016-03-16T09:30:00Z``), keeping the date part.

    Strict: anything else (``16/03/2016``, ``20160316``, week dates) raises :class:`ValueError`.
    """
    if not isinstance(value, str):
        raise TypeError(f"parse_date() needs a string, not {type(value).__name__}")
    text = value.strip()
    try:
        if _DATE.fullmatch(text):
            return date.fromisoformat(text)
        if _DATETIME.fullmatch(text):
            return datetime.fromisoformat(text).date()
    except ValueError as exc:
        raise ValueError(f"not a date: {value!r} ({exc})") from None
    raise ValueError(f"not a date: {value!r} (expected YYYY-MM-DD or an ISO 8601 datetime)")


# ------------------------------------------------------------------------------------------ plumbing


@dataclass(frozen=True, slots=True)
class _Options:
    default_date: date | None
    max_chars: int
    in_archive: bool = False  # records follow the looser news-corpus conventions (module docstring)

    @property
    def max_text_bytes(self) -> int:
        """The most bytes a text of ``max_chars`` characters can take in UTF-8."""
        return 4 * self.max_chars

    @property
    def max_record_bytes(self) -> int:
        """The most bytes one JSON record can take (``\\uXXXX`` escapes take 6 bytes a character)."""
        return 6 * self.max_chars + _RECORD_OVERHEAD_BYTES

    def too_large(self, chars: int) -> str:
        return f"document too large ({chars} characters > limit {self.max_chars})"

    def too_many_bytes(self, size: int, limit: int) -> str:
        return (
            f"document too large ({size} bytes > limit {limit} bytes, "
            f"the most {self.max_chars} characters can take)"
        )


class _Bad(Exception):
    """A problem with the input; where it is caught decides whether it ends a record or a file."""

    def __init__(self, cause: str, doc_id: str | None = None, line: int | None = None) -> None:
        super().__init__(cause)
        self.cause = cause
        self.doc_id = doc_id
        self.line = line


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...

    def readline(self, size: int = -1, /) -> bytes: ...


class _TextAsBytes:
    """Bytes from a text stream that has no ``.buffer`` (a replaced ``sys.stdin``)."""

    def __init__(self, text: IO[str]) -> None:
        self._text = text

    def read(self, size: int = -1, /) -> bytes:
        return self._text.read(size).encode("utf-8", "surrogateescape")

    def readline(self, size: int = -1, /) -> bytes:
        return self._text.readline(size).encode("utf-8", "surrogateescape")


class _ByteStream:
    """A binary stream that can look ahead at its first bytes without seeking (pipes cannot seek)."""

    def __init__(self, raw: _Readable) -> None:
        self._raw = raw
        self._ahead = b""
        self.offset = 0  # bytes consumed so far

    def peek(self, size: int) -> bytes:
        while len(self._ahead) < size:
            chunk = self._raw.read(size - len(self._ahead))
            if not chunk:
                break
            self._ahead += chunk
        return self._ahead[:size]

    def read(self, size: int) -> bytes | bytearray:
        """Up to ``size`` bytes, read in chunks so that a large ``size`` allocates nothing in advance."""
        data = bytearray(self._ahead[:size])
        self._ahead = self._ahead[size:]
        while len(data) < size:
            chunk = self._raw.read(min(size - len(data), _CHUNK_BYTES))
            if not chunk:
                break
            data += chunk
        self.offset += len(data)
        return data

    def readline(self, limit: int) -> bytes | bytearray:
        """One line (with its ``\\n``), or its first ``limit`` bytes; a long line is read in chunks."""
        step = min(limit, _CHUNK_BYTES)
        data = self._readline(step)
        if len(data) < step or data.endswith(b"\n"):
            return data
        line = bytearray(data)  # grows in place: no second copy of a long line
        while len(line) < limit and (part := self._readline(min(limit - len(line), _CHUNK_BYTES))):
            line += part
            if part.endswith(b"\n"):
                break
        return line

    def _readline(self, limit: int) -> bytes:
        if not self._ahead:
            data = self._raw.readline(limit)
        else:
            end = self._ahead.find(b"\n", 0, limit)
            if end >= 0 or len(self._ahead) >= limit:
                cut = end + 1 if end >= 0 else limit
                data, self._ahead = self._ahead[:cut], self._ahead[cut:]
            else:
                data = self._ahead + self._raw.readline(limit - len(self._ahead))
                self._ahead = b""
        self.offset += len(data)
        return data


def _read_all(inputs: Sequence[str | os.PathLike[str]], opts: _Options) -> Iterator[Result]:
    for item in inputs:
        if isinstance(item, str) and item == STDIN:  # Path("-") would be a file named "-"
            yield from _read_stdin(opts)
        else:
            yield from _read_path(Path(item), opts)


def _read_path(path: Path, opts: _Options) -> Iterator[Result]:
    try:
        info = path.stat()
    except OSError as exc:
        yield InputError(str(path), _os_error_cause(path, exc))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _walk(path, path, opts, frozenset())
    elif stat.S_ISREG(info.st_mode):
        yield from _read_regular_file(path, info.st_size, _stem(path), opts)
    else:  # a pipe or device named explicitly, e.g. bash's <(zcat corpus.jsonl.gz)
        yield from _read_opened(path, path.stem, _kind_of(path, "auto"), opts)


_DirKey = tuple[int, int]  # (device, inode): tells a directory reached again through a link


def _walk(directory: Path, root: Path, opts: _Options, ancestors: frozenset[_DirKey]) -> Iterator[Result]:
    try:
        info = directory.stat()
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield InputError(str(directory), _os_error_cause(directory, exc))
        return
    key = (info.st_dev, info.st_ino)
    if key in ancestors:
        yield InputError(str(directory), "symbolic link loop (this directory is already being read); skipped")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if _is_dir(entry):
            yield from _walk(path, root, opts, ancestors | {key})
        elif path.suffix.lower() in SUPPORTED_SUFFIXES:
            relative = path.relative_to(root)
            yield from _read_directory_file(path, (relative.parent / _stem(relative)).as_posix(), opts)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _read_directory_file(path: Path, doc_id: str, opts: _Options) -> Iterator[Result]:
    who = doc_id if _kind_of(path, "text") == "text" else None  # other files name ids inside them
    try:
        info = path.stat()
    except OSError as exc:
        yield InputError(str(path), _os_error_cause(path, exc), who)
        return
    if not stat.S_ISREG(info.st_mode):
        yield InputError(str(path), f"not a regular file ({_file_type(info.st_mode)}); skipped", who)
        return
    yield from _read_regular_file(path, info.st_size, doc_id, opts)


def _read_regular_file(path: Path, size: int, name: str, opts: _Options) -> Iterator[Result]:
    suffix = path.suffix.lower()
    if suffix == ".zip":
        yield from _read_zip(path, name, opts)
        return
    if suffix == ".gz":
        yield from _read_gzip(path, name, opts)
        return
    kind = _kind_of(path, "text")
    if kind == "text" and size > opts.max_text_bytes:  # refuse before reading any of it
        yield InputError(str(path), opts.too_many_bytes(size, opts.max_text_bytes), name)
        return
    yield from _read_opened(path, name, kind, opts)


def _read_opened(path: Path, name: str, kind: str, opts: _Options) -> Iterator[Result]:
    try:
        with open(path, "rb") as handle:
            yield from _read_stream(_ByteStream(handle), kind, str(path), name, opts)
    except OSError as exc:
        yield InputError(str(path), _os_error_cause(path, exc), name if kind == "text" else None)


def _read_stdin(opts: _Options) -> Iterator[Result]:
    stdin = sys.stdin
    if stdin is None:
        yield InputError(_STDIN_ORIGIN, "standard input is not available")
        return
    raw = getattr(stdin, "buffer", None) or _TextAsBytes(stdin)
    try:
        yield from _read_stream(_ByteStream(raw), "auto", _STDIN_ORIGIN, _STDIN_ID, opts)
    except OSError as exc:
        yield InputError(_STDIN_ORIGIN, f"cannot read: {exc.strerror or exc}")


def _read_stream(stream: _ByteStream, kind: str, origin: str, name: str, opts: _Options) -> Iterator[Result]:
    problem = _sniff_binary(stream.peek(_SNIFF_BYTES))
    if problem:
        yield InputError(origin, problem, name if kind in ("text", "auto") else None)
        return
    if kind == "auto":
        kind = "jsonl" if _first_non_blank(stream) == b"{" else "text"
    readers = {"text": _read_text, "jsonl": _read_jsonl, "json": _read_json, "csv": _read_csv}
    yield from readers[kind](stream, origin, name, opts)


def _kind_of(path: Path, default: str) -> str:
    suffix = path.suffix.lower()
    if suffix == ".gz":
        suffix = Path(path.stem).suffix.lower()
    return _KINDS.get(suffix, default)


def _stem(path: Path) -> str:
    """The name without its suffix, and without the inner one of a gzipped file (a.jsonl.gz -> a)."""
    return Path(path.stem).stem if path.suffix.lower() == ".gz" else path.stem


def _first_non_blank(stream: _ByteStream) -> bytes:
    size = _SNIFF_BYTES
    while True:
        head = stream.peek(size)
        rest = head.removeprefix(_BOM).lstrip()
        if rest or len(head) < size or size >= _CHUNK_BYTES:
            return rest[:1]
        size *= 4


def _file_type(mode: int) -> str:
    kinds = {stat.S_ISFIFO: "named pipe", stat.S_ISSOCK: "socket", stat.S_ISCHR: "character device"}
    kinds |= {stat.S_ISBLK: "block device", stat.S_ISDIR: "directory"}
    return next((name for test, name in kinds.items() if test(mode)), "special file")


def _os_error_cause(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if isinstance(exc, FileNotFoundError):
        if os.path.islink(path):
            try:
                return f"broken symbolic link (its target {os.readlink(path)!r} does not exist)"
            except OSError:
                return "broken symbolic link"
        return "no such file or directory"
    return f"cannot read: {exc.strerror or exc}"


# ----------------------------------------------------------------------------------------- archives


def _read_gzip(path: Path, name: str, opts: _Options) -> Iterator[Result]:
    kind = _kind_of(path, "text")
    try:
        with gzip.open(path, "rb") as handle:
            yield from _read_stream(_ByteStream(_Decompressed(handle)), kind, str(path), name, opts)
    except _Bad as bad:
        yield InputError(str(path), bad.cause, name if kind == "text" else None)
    except OSError as exc:
        yield InputError(str(path), _os_error_cause(path, exc), name if kind == "text" else None)


class _Decompressed:
    """A stream of compressed data whose corruption errors become :class:`_Bad` (reported, not raised)."""

    def __init__(self, raw: Any) -> None:
        self._raw = raw

    def read(self, size: int = -1, /) -> bytes:
        return self._guard(self._raw.read, size)

    def readline(self, size: int = -1, /) -> bytes:
        return self._guard(self._raw.readline, size)

    @staticmethod
    def _guard(method: Any, size: int) -> bytes:
        try:
            return method(size)
        except (gzip.BadGzipFile, EOFError, zlib.error, zipfile.BadZipFile) as exc:
            raise _Bad(f"corrupt compressed data: {exc or type(exc).__name__}") from None


def _read_zip(path: Path, name: str, opts: _Options) -> Iterator[Result]:
    try:
        bundle = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        yield InputError(str(path), f"not a readable zip archive: {exc}")
        return
    archive_opts = replace(opts, in_archive=True)
    with bundle:
        members = sorted(
            (info for info in bundle.infolist() if not info.is_dir()), key=lambda info: info.filename
        )
        data_members = [
            info
            for info in members
            if not Path(info.filename).name.startswith(".") and _kind_of(Path(info.filename), "") != ""
        ]
        for info in data_members:
            member = Path(info.filename)
            origin = f"{path}!{info.filename}"
            member_name = _stem(member)
            doc_name = name if member_name == name else f"{name}/{(member.parent / member_name).as_posix()}"
            kind = _kind_of(member, "text")
            if kind == "text" and info.file_size > opts.max_text_bytes:
                yield InputError(origin, opts.too_many_bytes(info.file_size, opts.max_text_bytes), doc_name)
                continue
            yield from _read_zip_member(bundle, info, origin, doc_name, kind, archive_opts)


def _read_zip_member(
    bundle: zipfile.ZipFile, info: zipfile.ZipInfo, origin: str, name: str, kind: str, opts: _Options
) -> Iterator[Result]:
    who = name if kind == "text" else None
    try:
        with bundle.open(info) as raw:
            handle: Any = raw
            if info.filename.lower().endswith(".gz"):
                handle = gzip.GzipFile(fileobj=raw)
            yield from _read_stream(_ByteStream(_Decompressed(handle)), kind, origin, name, opts)
    except _Bad as bad:
        yield InputError(origin, bad.cause, who)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError, zlib.error) as exc:
        # corrupt member (bad CRC, truncated), unsupported compression, or an encrypted member
        yield InputError(origin, f"unreadable archive member: {exc or type(exc).__name__}", who)


# ---------------------------------------------------------------------------------------- encodings


def _sniff_binary(head: bytes) -> str | None:
    """Why the head of a file shows it is not UTF-8 text (UTF-16, binary), or None."""
    for bom, name in _UTF16_BOMS:
        if head.startswith(bom):
            return f"file is {name} (byte order mark found), not UTF-8; convert it to UTF-8 first"
    if b"\x00" not in head:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        if _looks_like_text(head[: len(head) // 2 * 2], codec):
            return f"file is {codec.upper()} (no byte order mark), not UTF-8; convert it to UTF-8 first"
    return "binary file (NUL bytes in the first 8 KB), not UTF-8 text"


def _looks_like_text(data: bytes, codec: str) -> bool:
    """Whether ``data`` decodes in ``codec`` to (mostly) ASCII, Latin-1 or Arabic characters."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return False
    common = sum(1 for char in text if _UTF16_TEXT.match(char))
    return len(text) >= 8 and common >= 0.9 * len(text)


def _decode(data: bytes | bytearray, offset: int = 0) -> str:
    """UTF-8 text of ``data`` (which starts at byte ``offset`` of its file), without a leading BOM."""
    start = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return str(memoryview(data)[start:], "utf-8")
    except UnicodeDecodeError as exc:
        raise _Bad(_encoding_cause(data, start + exc.start, offset + start + exc.start)) from None


def _encoding_cause(data: bytes | bytearray, index: int, offset: int) -> str:
    """Explain why ``data`` is not UTF-8: its first bad byte is ``data[index]``, at file offset ``offset``."""
    sample = data[max(0, index - _SAMPLE_BYTES) : index + _SAMPLE_BYTES]
    if _control_ratio(sample) > _BINARY_CONTROL_RATIO:
        return f"binary file (not UTF-8 text: undecodable byte 0x{data[index]:02x} and many control bytes)"
    cause = f"not valid UTF-8: byte 0x{data[index]:02x} at byte offset {offset}"
    return f"{cause}; {_encoding_hint(sample)}"


def _control_ratio(sample: bytes) -> float:
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / max(len(sample), 1)


def _encoding_hint(sample: bytes) -> str:
    as_utf8 = sample.decode("utf-8", "replace")
    bad = as_utf8.count("\ufffd")
    if sum(1 for char in as_utf8 if ord(char) > 0x7F) - bad > bad:
        return "the rest looks like UTF-8, so the file is damaged or mixes encodings"
    as_cp1256 = sample.decode("cp1256", "replace")
    beyond_ascii = sum(1 for char in as_cp1256 if ord(char) > 0x7F)
    in_arabic_words = sum(len(run) for run in _ARABIC_RUN.findall(as_cp1256))
    if beyond_ascii and in_arabic_words >= 0.6 * beyond_ascii:
        return "it looks like Windows-1256 (cp1256, Arabic Windows); convert it: iconv -f CP1256 -t UTF-8"
    as_latin1 = sample.decode("latin-1")
    letters = [char for char in as_latin1 if ord(char) > 0x7F]
    if letters and sum(unicodedata.category(c).startswith("L") for c in letters) >= 0.6 * len(letters):
        return "it looks like Latin-1 (ISO-8859-1) or Windows-1252; convert it: iconv -f LATIN1 -t UTF-8"
    return "convert it to UTF-8"


# --------------------------------------------------------------------------------------------- text


def _read_text(stream: _ByteStream, origin: str, name: str, opts: _Options) -> Iterator[Result]:
    data = stream.read(opts.max_text_bytes + 1)
    if len(data) > opts.max_text_bytes:
        yield InputError(origin, opts.too_many_bytes(len(data), opts.max_text_bytes), name)
        return
    try:
        text = _decode(data)
    except _Bad as bad:
        yield InputError(origin, bad.cause, name)
        return
    del data
    if not text.strip():
        yield InputError(origin, "empty document", name)
    elif len(text) > opts.max_chars:
        yield InputError(origin, opts.too_large(len(text)), name)
    else:
        yield Document(id=name, text=text, date=opts.default_date, origin=origin)


# ------------------------------------------------------------------------------------------ records


def _to_document(record: Any, origin: str, opts: _Options, fallback_id: str | None = None) -> Document:
    """The document a JSON object (or CSV row) describes; raises :class:`_Bad` naming the problem."""
    if not isinstance(record, dict):
        raise _Bad(f"expected a JSON object, got {_json_type(record)}")
    if opts.in_archive:
        record = {**record}
        for standard, alias in _ARCHIVE_FIELD_ALIASES.items():
            if record.get(standard) is None and alias in record:
                record[standard] = record[alias]
    doc_id = _id_field(record, fallback_id)
    try:
        text = _text_field(record, opts)
        when = _date_field(record)
        extras = {name: _optional_field(record, name) for name in _OPTIONAL_FIELDS}
        country = extras["country"]
        if country is not None and not COUNTRY_CODE_RE.fullmatch(country):
            raise _Bad(f"field 'country' must be an ISO 3166 alpha-3 code such as 'SAU', got {country!r}")
    except _Bad as bad:
        bad.doc_id = doc_id
        raise
    return Document(
        id=doc_id, text=text, date=opts.default_date if when is None else when, origin=origin, **extras
    )


def _id_field(record: dict[str, Any], fallback: str | None) -> str:
    value = record.get("id")
    if value is None:
        if fallback is not None and "id" not in record:
            return fallback
        raise _Bad("missing field 'id'")
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise _Bad(f"field 'id' must be a string or an integer, got {_json_type(value)}")
    doc_id = str(value)
    if not doc_id.strip():
        raise _Bad("field 'id' is empty")
    return doc_id


def _text_field(record: dict[str, Any], opts: _Options) -> str:
    text = record.get("text")
    if text is None:
        raise _Bad("missing field 'text'")
    if not isinstance(text, str):
        raise _Bad(f"field 'text' must be a string, got {_json_type(text)}")
    if not text.strip():
        raise _Bad("empty document")
    if len(text) > opts.max_chars:
        raise _Bad(opts.too_large(len(text)))
    return text


def _date_field(record: dict[str, Any]) -> date | None:
    value = record.get("date")
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise _Bad(f"field 'date' must be a string, got {_json_type(value)}")
    try:
        return parse_date(value)
    except ValueError as exc:
        raise _Bad(f"field 'date' is {exc}") from None


def _optional_field(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise _Bad(f"field {name!r} must be a string, got {_json_type(value)}")
    return value


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "integer", float: "number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


class _UniqueIds:
    """Remembers the ids of one file, to report the later of two records that share one."""

    def __init__(self) -> None:
        self._first: dict[str, int] = {}

    def error(self, doc: Document, line: int) -> InputError | None:
        first = self._first.setdefault(doc.id, line)
        if first == line:
            return None
        return InputError(doc.origin, f"duplicate id {doc.id!r} (first used on line {first})", doc.id)


def _checked(doc: Document, line: int, ids: _UniqueIds) -> Result:
    return ids.error(doc, line) or doc


# -------------------------------------------------------------------------------------------- jsonl


@dataclass(slots=True)
class _Line:
    number: int
    offset: int
    data: bytes | bytearray  # the line, or only its first bytes when it is longer than the limit
    size: int
    too_long: bool = False


def _lines(stream: _ByteStream, limit: int) -> Iterator[_Line]:
    """The lines of ``stream``; a line over ``limit`` bytes is skipped (reading it in chunks)."""
    number = 0
    while True:
        offset = stream.offset
        data = stream.readline(limit + 1)
        if not data:
            return
        number += 1
        if len(data) <= limit or data.endswith(b"\n"):
            yield _Line(number, offset, data, len(data))
            continue
        size = len(data)
        head = data[:_ID_SNIFF_BYTES]
        del data
        while not (chunk := stream.readline(_CHUNK_BYTES)).endswith(b"\n") and chunk:
            size += len(chunk)
        yield _Line(number, offset, head, size + len(chunk), too_long=True)


def _read_jsonl(stream: _ByteStream, origin: str, name: str, opts: _Options) -> Iterator[Result]:
    ids = _UniqueIds()
    records = 0
    for line in _lines(stream, opts.max_record_bytes):
        where = f"{origin}:{line.number}"
        if line.too_long:
            records += 1
            cause = opts.too_many_bytes(line.size, opts.max_record_bytes)
            yield InputError(where, cause, _sniff_id(line.data))
            continue
        if not line.data.removeprefix(_BOM).strip():
            continue
        records += 1
        try:
            doc = _to_document(_loads(_decode(line.data, line.offset).rstrip("\r\n")), where, opts)
        except _Bad as bad:
            yield InputError(where, bad.cause, bad.doc_id)
            continue
        yield _checked(doc, line.number, ids)
    if not records:
        yield InputError(origin, "empty file (no records)")


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Bad(f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise _Bad("invalid JSON: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise _Bad(f"invalid JSON: {exc}") from None


def _sniff_id(head: bytes | bytearray) -> str | None:
    """The id of a record too large to parse, when it shows near the start of the line."""
    match = _SNIFF_ID.search(head)
    if not match:
        return None
    if match.group(2) is not None:
        return match.group(2).decode("ascii")
    try:
        return json.loads(b'"' + match.group(1) + b'"')
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------- json


def _read_json(stream: _ByteStream, origin: str, name: str, opts: _Options) -> Iterator[Result]:
    ids = _UniqueIds()
    records = 0
    reader = _JsonItems(_decoded_chunks(stream), opts)
    try:
        for index, line, value in reader.items():
            records += 1
            where = f"{origin}:{line}"
            fallback_id = f"{name}/{index if index is not None else 1}" if opts.in_archive else None
            try:
                doc = _to_document(value, where, opts, fallback_id)
            except _Bad as bad:
                cause = bad.cause if index is None else f"item {index}: {bad.cause}"
                yield InputError(where, cause, bad.doc_id)
                continue
            yield _checked(doc, line, ids)
    except _Bad as bad:
        yield InputError(origin if bad.line is None else f"{origin}:{bad.line}", bad.cause, bad.doc_id)
        return
    if not records:
        yield InputError(origin, "empty file (no records)")


def _decoded_chunks(stream: _ByteStream) -> Iterator[str]:
    """The UTF-8 text of ``stream`` in chunks; raises :class:`_Bad` at the first undecodable byte."""
    if stream.peek(len(_BOM)) == _BOM:
        stream.read(len(_BOM))
    decoder = codecs.getincrementaldecoder("utf-8")()
    while True:
        pending = len(decoder.getstate()[0])
        start = stream.offset - pending
        chunk = stream.read(_CHUNK_BYTES)
        try:
            text = decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            raise _Bad(_encoding_cause(exc.object, exc.start, start + exc.start)) from None
        if text:
            yield text
        if not chunk:
            return


class _JsonItems:
    """The objects of a JSON array (or one JSON object), parsed one at a time from text chunks.

    Memory is bounded by the largest item (a top-level array is never held whole). A syntax error ends
    the file, since there is no telling where the next item starts.
    """

    def __init__(self, chunks: Iterator[str], opts: _Options) -> None:
        self._chunks = chunks
        self._opts = opts
        self._decoder = json.JSONDecoder()
        self._buf = ""
        self._pos = 0
        self._eof = False
        self._line = 1  # line and 0-based column of self._buf[0]
        self._column = 0

    def items(self) -> Iterator[tuple[int | None, int, Any]]:
        """``(index, line, value)`` for each item; index is None for a single top-level object."""
        first = self._next_char()
        if first == "{":
            yield (None, *self._value())
        elif first == "[":
            self._pos += 1
            yield from self._array()
        elif first is not None:
            raise self._syntax("expected a JSON array or object", self._pos)
        if self._next_char() is not None:
            raise self._syntax("Extra data", self._pos)

    def _array(self) -> Iterator[tuple[int | None, int, Any]]:
        if self._next_char() == "]":
            self._pos += 1
            return
        index = 0
        while True:
            index += 1
            yield (index, *self._value())
            char = self._next_char()
            self._pos += 1
            if char == "]":
                return
            if char != ",":
                message = "Expecting ',' delimiter" if char else "unexpected end of file"
                raise self._syntax(message, self._pos - 1)

    def _value(self) -> tuple[int, Any]:
        self._next_char()
        self._compact()
        line = self._where(self._pos)[0]
        while True:
            try:
                value, end = self._decoder.raw_decode(self._buf, self._pos)
            except json.JSONDecodeError as exc:
                if self._grow():
                    continue
                raise self._syntax(exc.msg, exc.pos) from None
            except RecursionError:
                raise self._syntax("nested too deeply", self._pos) from None
            except ValueError as exc:
                raise self._syntax(str(exc), self._pos) from None
            if end == len(self._buf) and self._grow():  # a number may go on in the next chunk
                continue
            self._pos = end
            return line, value

    def _next_char(self) -> str | None:
        while True:
            self._pos = _JSON_WS.match(self._buf, self._pos).end()  # type: ignore[union-attr]
            if self._pos < len(self._buf):
                return self._buf[self._pos]
            if not self._fill():
                return None

    def _grow(self) -> bool:
        """Read at least as much again as is held of the current item; False at end of file."""
        held = len(self._buf) - self._pos
        if held > self._opts.max_record_bytes:
            limit = self._opts.max_record_bytes
            cause = f"document too large (item of more than {held} characters of JSON > limit {limit})"
            raise _Bad(cause, line=self._where(self._pos)[0])
        target = len(self._buf) + max(held, 1)
        grown = False
        while len(self._buf) < target and self._fill():
            grown = True
        return grown

    def _fill(self) -> bool:
        if self._eof:
            return False
        self._compact()
        chunk = next(self._chunks, None)
        if chunk is None:
            self._eof = True
            return False
        self._buf += chunk
        return True

    def _compact(self) -> None:
        if not self._pos:
            return
        self._line, self._column = self._where(self._pos)
        self._column -= 1
        self._buf = self._buf[self._pos :]
        self._pos = 0

    def _where(self, pos: int) -> tuple[int, int]:
        """1-based line and column of ``self._buf[pos]``."""
        last = self._buf.rfind("\n", 0, pos)
        column = pos - last if last >= 0 else self._column + pos + 1
        return self._line + self._buf.count("\n", 0, pos), column

    def _syntax(self, message: str, pos: int) -> _Bad:
        line, column = self._where(pos)
        return _Bad(f"invalid JSON: {message} at line {line} column {column}", line=line)


# ---------------------------------------------------------------------------------------------- csv


class _CsvLines:
    """Decoded lines of a CSV byte stream for :func:`csv.reader`, which reads records across lines.

    Raises :class:`_Bad` (ending the file) at an undecodable byte or when one record grows past the
    size limit, so that an unterminated quote cannot make it read a whole corpus into one field.
    """

    def __init__(self, stream: _ByteStream, opts: _Options) -> None:
        self._stream = stream
        self._opts = opts
        self._limit = opts.max_text_bytes + _RECORD_OVERHEAD_BYTES
        self._pieces: list[str] = []
        self._record_bytes = 0
        self.lines = 0  # lines handed to csv.reader so far

    def start_record(self) -> None:
        self._record_bytes = 0

    def __iter__(self) -> _CsvLines:
        return self

    def __next__(self) -> str:
        if not self._pieces:
            offset = self._stream.offset
            data = self._stream.readline(self._limit + 1)
            if not data:
                raise StopIteration
            self._record_bytes += len(data)
            if self._record_bytes > self._limit:
                raise _Bad(self._opts.too_many_bytes(self._record_bytes, self._limit), line=self.lines + 1)
            try:
                text = _decode(data, offset)
            except _Bad as bad:
                bad.line = self.lines + 1
                raise
            # csv.reader wants lines; split at a lone CR too (old Mac line ends) as open(newline="") does
            self._pieces = [piece for piece in _BARE_CR.split(text) if piece][::-1]
        self.lines += 1
        return self._pieces.pop()


def _read_csv(stream: _ByteStream, origin: str, name: str, opts: _Options) -> Iterator[Result]:
    _raise_csv_field_limit()
    lines = _CsvLines(stream, opts)
    reader = csv.reader(lines, strict=True)  # report an unclosed quote rather than swallow the rest
    try:
        header = _csv_header(reader)
        yield from _csv_records(reader, lines, header, origin, name, opts)
    except _Bad as bad:
        yield InputError(origin if bad.line is None else f"{origin}:{bad.line}", bad.cause, bad.doc_id)


def _csv_header(reader: Any) -> list[str]:
    for row in reader:
        if any(cell.strip() for cell in row):
            break
    else:
        raise _Bad("empty file (no header row)")
    header = [cell.strip().lstrip("\ufeff").lower() for cell in row]
    if "text" not in header:
        columns = ", ".join(map(repr, row))
        raise _Bad(f"CSV header has no 'text' column (columns: {columns})", line=reader.line_num)
    repeated = sorted({cell for cell in header if cell and header.count(cell) > 1})
    if repeated:
        raise _Bad(f"CSV header repeats column(s) {', '.join(map(repr, repeated))}", line=reader.line_num)
    return header


def _csv_records(
    reader: Any, lines: _CsvLines, header: list[str], origin: str, name: str, opts: _Options
) -> Iterator[Result]:
    ids = _UniqueIds()
    row_number = 0
    while True:
        lines.start_record()
        line = reader.line_num + 1
        where = f"{origin}:{line}"
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield InputError(where, f"invalid CSV: {exc}")
            continue
        if not any(cell.strip() for cell in row):
            continue
        row_number += 1
        try:
            doc = _to_document(_csv_record(header, row), where, opts, fallback_id=f"{name}:{row_number}")
        except _Bad as bad:
            yield InputError(where, bad.cause, bad.doc_id)
            continue
        yield _checked(doc, line, ids)
    if not row_number:
        yield InputError(origin, "empty file (no records)")


def _csv_record(header: list[str], row: list[str]) -> dict[str, str]:
    if len(row) > len(header) and any(cell.strip() for cell in row[len(header) :]):
        raise _Bad(f"row has {len(row)} fields but the header has {len(header)}")
    return {column: cell for column, cell in zip(header, row, strict=False) if column}


def _raise_csv_field_limit() -> None:
    """Let csv read fields as long as documents may be (its default limit is 128 KiB)."""
    limit = sys.maxsize
    while limit > csv.field_size_limit():
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:  # a C long is 32 bits on Windows
            limit //= 2
