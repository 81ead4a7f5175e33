#!/usr/bin/env python3
"""Import the CAMEO event ontology into ``src/hadath/data/ontology/``.

Sources (read from ``--shared``, default ``../shared`` relative to the repository root):

* ``data/ontology/cameo/eventcodes.tsv`` and ``goldstein.tsv``: GDELT CAMEO lookup tables (public);
* ``data/ontology/plover/CAMEO2PLOVER-2021.txt``: CAMEO -> PLOVER "EVENT, mode, context" (CC BY-SA 4.0);
* ``data/ontology/plover/plover_reference.html``: PLOVER category index (CC BY-SA 4.0).

Outputs ``cameo.csv`` (one row per CAMEO code) and ``plover.csv`` (one row per PLOVER type). Only facts
(codes, labels, scores, category names) are imported; no upstream prose is copied. The output is
deterministic: running the importer twice gives identical bytes.

    python tools/import_ontology.py [--shared PATH] [--out PATH]
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from _cli import importer_arguments

CAMEO_DIR = Path("data/ontology/cameo")
PLOVER_DIR = Path("data/ontology/plover")
PLOVER_TABLE = "CAMEO2PLOVER-2021.txt"
PLOVER_REFERENCE = "plover_reference.html"

CAMEO_COLUMNS = [
    "code",
    "label",
    "goldstein",
    "quad_class",
    "plover_type",
    "plover_mode",
    "plover_context",
    "provenance",
]
PLOVER_COLUMNS = ["type", "quad_class", "quad_source", "cameo_quad_class", "cameo_codes", "provenance"]

QUAD_CLASSES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")

_CODE_RE = re.compile(r"\d{2,4}")


def quad_class(code: str) -> str:
    """QuadClass of a CAMEO event code from its root (first two digits).

    01-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal conflict, 14-20 material conflict.
    """
    if not _CODE_RE.fullmatch(code):
        raise ValueError(f"not a CAMEO event code: {code!r}")
    root = int(code[:2])
    if 1 <= root <= 5:
        return "verbal_cooperation"
    if 6 <= root <= 8:
        return "material_cooperation"
    if 9 <= root <= 13:
        return "verbal_conflict"
    if 14 <= root <= 20:
        return "material_conflict"
    raise ValueError(f"CAMEO root out of range 01-20: {code!r}")


def parse_tsv(text: str, header: tuple[str, str]) -> dict[str, tuple[str, int]]:
    """Parse a two-column GDELT lookup table into ``{code: (value, line_number)}``.

    Codes are kept as strings (leading zeros matter: ``010`` is not ``10``).
    """
    rows: dict[str, tuple[str, int]] = {}
    lines = text.splitlines()
    if not lines or tuple(c.strip() for c in lines[0].split("\t")) != header:
        raise ValueError(f"expected header {header!r}")
    for lineno, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise ValueError(f"line {lineno}: expected 2 tab-separated columns: {line!r}")
        code, value = parts[0].strip(), parts[1].strip()
        if not _CODE_RE.fullmatch(code):
            raise ValueError(f"line {lineno}: not a CAMEO code: {code!r}")
        if code in rows:
            raise ValueError(f"line {lineno}: duplicate code {code}")
        rows[code] = (value, lineno)
    return rows


@dataclass(frozen=True)
class PloverRow:
    """One line of CAMEO2PLOVER: ``CODE: TYPE, mode, context # comment``."""

    code: str
    type: str
    mode: str
    context: str
    line: int


@dataclass
class PloverTable:
    rows: dict[str, PloverRow] = field(default_factory=dict)
    # (line, message) for lines that were ignored or overridden
    warnings: list[tuple[int, str]] = field(default_factory=list)


_PLOVER_LINE_RE = re.compile(r"(?P<code>\d{2,4})\s*:\s*(?P<rest>.*)")
_PLOVER_TYPE_RE = re.compile(r"[A-Z][A-Z_-]*")
_MODE_RE = re.compile(r"[a-z][a-z_-]*")


def _clean_multi(value: str) -> str:
    """Normalise a PLOVER mode/context field: strip blanks, ``a; b`` -> ``a;b``."""
    parts = [p.strip() for p in value.split(";")]
    return ";".join(p for p in parts if p)


def parse_plover_table(text: str) -> PloverTable:
    """Parse CAMEO2PLOVER-2021.txt.

    Format, one code per line: ``030: AGREE,  , diplomatic # comment``; root lines have only a type
    (``03: AGREE``); fields are padded with blanks; context may list several values (``crime; corruption``).
    The first line for a code wins; later lines for the same code are recorded as warnings.
    """
    table = PloverTable()
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line or set(line) <= {"~"}:
            continue
        m = _PLOVER_LINE_RE.fullmatch(line)
        if not m:
            table.warnings.append((lineno, f"unparsed line {raw.strip()!r}"))
            continue
        code = m.group("code")
        fields = [f.strip() for f in m.group("rest").split(",")]
        if len(fields) > 3:
            table.warnings.append((lineno, f"{code}: more than 3 fields, extra ignored"))
        fields += [""] * (3 - len(fields))
        ptype, mode, context = fields[0], _clean_multi(fields[1]), _clean_multi(fields[2])
        if not _PLOVER_TYPE_RE.fullmatch(ptype):
            table.warnings.append((lineno, f"{code}: bad PLOVER type {ptype!r}"))
            continue
        for name, value in (("mode", mode), ("context", context)):
            if value and not all(_MODE_RE.fullmatch(v) for v in value.split(";")):
                table.warnings.append((lineno, f"{code}: bad PLOVER {name} {value!r}"))
        if code in table.rows:
            first = table.rows[code]
            same = (first.type, first.mode, first.context) == (ptype, mode, context)
            what = "repeats" if same else "conflicts with"
            table.warnings.append(
                (lineno, f"{code}: {ptype}/{mode}/{context} {what} line {first.line}; line {first.line} kept")
            )
            continue
        table.rows[code] = PloverRow(code, ptype, mode, context, lineno)
    return table


def plover_for(code: str, table: PloverTable) -> tuple[PloverRow | None, bool]:
    """The PLOVER row for ``code``, else the nearest parent's (1951 -> 195 -> 19); (row, inherited)."""
    for length in range(len(code), 1, -1):
        row = table.rows.get(code[:length])
        if row is not None:
            return row, length != len(code)
    return None, False


_INDEX_TABLE_RE = re.compile(r'<h2 id="top">.*?<table[^>]*>(?P<body>.*?)</table>', re.S | re.I)
_ROW_RE = re.compile(r"<tr[^>]*>(.*?)</tr>", re.S | re.I)
_ANCHOR_RE = re.compile(r'<a href="#([A-Z]+)">\s*([A-Z]+)\s*</a>')


def parse_plover_index(html: str) -> list[list[str]]:
    """The PLOVER category names of the reference's index table, row by row.

    The index lays the categories out four to a row in PLOVER's quad order: verbal cooperation, material
    cooperation, verbal conflict, then material conflict (which spills onto a fifth row).
    """
    m = _INDEX_TABLE_RE.search(html)
    if not m:
        raise ValueError('no index table after <h2 id="top">')
    rows: list[list[str]] = []
    for row_html in _ROW_RE.findall(m.group("body")):
        names = []
        for anchor, label in _ANCHOR_RE.findall(row_html):
            if anchor != label:
                raise ValueError(f"index anchor {anchor!r} labelled {label!r}")
            names.append(label)
        if names:
            rows.append(names)
    return rows


def plover_quads_from_index(rows: list[list[str]]) -> dict[str, str]:
    """Map PLOVER types to quad classes from the index layout (rows 1-3 one quad each, the rest the 4th).

    Refuses layouts that do not have exactly four types in each of the first three rows, so a changed
    reference page fails loudly instead of producing a wrong grouping.
    """
    if len(rows) < 4 or any(len(r) != 4 for r in rows[:3]):
        raise ValueError(f"unexpected PLOVER index layout: {rows!r}")
    quads: dict[str, str] = {}
    for i, row in enumerate(rows):
        for name in row:
            quads[name] = QUAD_CLASSES[min(i, 3)]
    return quads


def _csv_text(columns: list[str], rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


@dataclass
class OntologyImport:
    cameo_csv: str
    plover_csv: str
    stats: Counter[str]
    warnings: list[str]


def build(shared: Path) -> OntologyImport:
    """Read the sources under ``shared`` and return the generated files' text."""
    cameo_dir = shared / CAMEO_DIR
    plover_dir = shared / PLOVER_DIR
    labels = parse_tsv(
        (cameo_dir / "eventcodes.tsv").read_text(encoding="utf-8"), ("CAMEOEVENTCODE", "EVENTDESCRIPTION")
    )
    scores = parse_tsv(
        (cameo_dir / "goldstein.tsv").read_text(encoding="utf-8"), ("CAMEOEVENTCODE", "GOLDSTEINSCALE")
    )
    table = parse_plover_table((plover_dir / PLOVER_TABLE).read_text(encoding="utf-8"))
    index_rows = parse_plover_index((plover_dir / PLOVER_REFERENCE).read_text(encoding="utf-8"))
    index_quads = plover_quads_from_index(index_rows)

    stats: Counter[str] = Counter()
    warnings = [f"{PLOVER_TABLE}:{line}: {msg}" for line, msg in table.warnings]
    if set(labels) != set(scores):
        raise ValueError(f"eventcodes/goldstein code sets differ: {sorted(set(labels) ^ set(scores))}")
    for code in sorted(set(table.rows) - set(labels)):
        warnings.append(f"{PLOVER_TABLE}:{table.rows[code].line}: {code} is not a CAMEO code; ignored")

    rows: list[dict[str, str]] = []
    type_quads: dict[str, Counter[str]] = {}
    for code in sorted(labels):  # string order is CAMEO's order: 01, 010, ..., 0211, 022
        label, label_line = labels[code]
        score_text, score_line = scores[code]
        score = float(score_text)
        if not -10.0 <= score <= 10.0:
            raise ValueError(f"goldstein.tsv:{score_line}: score out of range: {score_text}")
        quad = quad_class(code)
        prov = [f"gdelt:eventcodes.tsv:{label_line}", f"gdelt:goldstein.tsv:{score_line}"]
        prow, inherited = plover_for(code, table)
        if prow is None:
            stats["codes without PLOVER mapping"] += 1
            ptype = pmode = pcontext = ""
        else:
            ptype, pmode, pcontext = prow.type, prow.mode, prow.context
            src = f"plover:{PLOVER_TABLE}:{prow.line}"
            if inherited:
                src += f" (inherited from {prow.code})"
                stats["codes with inherited PLOVER mapping"] += 1
            else:
                stats["codes with own PLOVER mapping"] += 1
                type_quads.setdefault(ptype, Counter())[quad] += 1
            prov.append(src)
        rows.append(
            {
                "code": code,
                "label": label,
                "goldstein": f"{score:.1f}",
                "quad_class": quad,
                "plover_type": ptype,
                "plover_mode": pmode,
                "plover_context": pcontext,
                "provenance": "; ".join(prov),
            }
        )
    stats["codes"] = len(rows)

    plover_rows: list[dict[str, str]] = []
    for ptype in sorted(set(index_quads) | set(type_quads)):
        counts = type_quads.get(ptype, Counter())
        majority = ""
        if counts:
            best = max(counts.values())
            tied = sorted(q for q, n in counts.items() if n == best)
            majority = tied[0] if len(tied) == 1 else ""
            if len(tied) > 1:
                warnings.append(f"PLOVER {ptype}: CAMEO quad classes tie {tied}; cameo_quad_class left empty")
        if ptype in index_quads:
            quad, source = index_quads[ptype], "plover_reference"
            prov = f"plover:{PLOVER_REFERENCE} (index table)"
        else:
            quad, source = majority, "cameo_majority"
            prov = f"plover:{PLOVER_TABLE} (type used in table, absent from the reference)"
        plover_rows.append(
            {
                "type": ptype,
                "quad_class": quad,
                "quad_source": source,
                "cameo_quad_class": majority,
                "cameo_codes": str(sum(counts.values())),
                "provenance": prov,
            }
        )
    stats["plover types"] = len(plover_rows)
    return OntologyImport(
        _csv_text(CAMEO_COLUMNS, rows), _csv_text(PLOVER_COLUMNS, plover_rows), stats, warnings
    )


def write(result: OntologyImport, out: Path) -> list[Path]:
    target = out / "ontology"
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in (("cameo.csv", result.cameo_csv), ("plover.csv", result.plover_csv)):
        path = target / name
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    args = importer_arguments(__doc__.split("\n\n")[0], argv)
    if not (args.shared / CAMEO_DIR).is_dir():
        print(f"error: {args.shared / CAMEO_DIR} not found (use --shared)", file=sys.stderr)
        return 2
    result = build(args.shared)
    for path in write(result, args.out):
        print(f"wrote {path}")
    for key, n in sorted(result.stats.items()):
        print(f"  {key}: {n}")
    for warning in result.warnings:
        print(f"  warning: {warning}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
