#!/usr/bin/env python3
"""How much the lexicon holds, and how many of the names of real news text it resolves.

Prints a Markdown report (the coverage section of docs/lexicon.md is made with it):

* counts of actors by type, countries, agents, roles and role holders (tenures), places by kind;
* the share of the person, organisation and location name spans of ANERcorp (``token label`` lines,
  IOB tags PERS/ORG/LOC; ../shared/data/ner/anercorp-train/train.txt) that the lexicon resolves. A span
  is resolved when one match of the compiled lexicon, of an actor, state, nisba, demonym, capital,
  place, role or agent entry, covers all of it (a longer match counts: "وزير الخارجية الفرنسي" covers
  the span "الفرنسي"). Matching runs on whole ANERcorp sentences, exactly as analysis matches text.

Run from the repository root, on the current data or any other data directory (an older commit's
checked out with ``git worktree add /tmp/lex-before <commit>``)::

    .venv/bin/python tools/lexicon_coverage.py
    .venv/bin/python tools/lexicon_coverage.py --data-dir /tmp/lex-before/src/hadath/data
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from hadath.lexicon.compiled import CompiledLexicon, load_compiled
from hadath.lexicon.loader import DATA_DIR
from hadath.text.normalize import normalize
from hadath.text.tokens import tokenize

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ANERCORP = REPO_ROOT.parent / "shared" / "data" / "ner" / "anercorp-train" / "train.txt"
SPAN_TYPES = ("PERS", "ORG", "LOC")
RESOLVING_KINDS = frozenset({"actor", "country", "adjective", "people", "capital", "place", "role", "agent"})
_SENTENCE_ENDS = frozenset({".", "؟", "?", "!"})


@dataclass(frozen=True, slots=True)
class NameSpan:
    label: str  # PERS | ORG | LOC
    start: int  # character offsets in the sentence text (tokens joined by spaces)
    end: int
    text: str


def anercorp_sentences(path: Path) -> Iterator[tuple[str, list[NameSpan]]]:
    """Sentences of an ANERcorp file as text (tokens joined by spaces) with their name spans.

    The file has a few malformed lines (a label in lower case, a missing space, a stray token): a
    label is the last field, upper-cased; anything but B-/I- of PERS, ORG and LOC is outside a span.
    """
    words: list[str] = []
    labels: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            fields = line.split()
            if len(fields) < 2:
                continue
            words.append(fields[0])
            labels.append(fields[-1].upper())
            if fields[0] in _SENTENCE_ENDS:
                yield _sentence(words, labels)
                words, labels = [], []
    if words:
        yield _sentence(words, labels)


def _sentence(words: list[str], labels: list[str]) -> tuple[str, list[NameSpan]]:
    text = " ".join(words)
    spans: list[NameSpan] = []
    offset = 0
    current: tuple[str, int, int] | None = None  # label, start, end
    for word, label in zip(words, labels, strict=True):
        prefix, _, kind = label.partition("-")
        inside = prefix in ("B", "I") and kind in SPAN_TYPES
        continues = inside and prefix == "I" and current is not None and current[0] == kind
        if current is not None and not continues:
            spans.append(NameSpan(current[0], current[1], current[2], text[current[1] : current[2]]))
            current = None
        if continues and current is not None:
            current = (kind, current[1], offset + len(word))
        elif inside:
            current = (kind, offset, offset + len(word))
        offset += len(word) + 1
    if current is not None:
        spans.append(NameSpan(current[0], current[1], current[2], text[current[1] : current[2]]))
    return text, spans


def resolved_spans(compiled: CompiledLexicon, text: str, spans: list[NameSpan]) -> list[bool]:
    """For each span, whether a lexicon match of a resolving kind covers it."""
    normalized = normalize(text)
    sentences, tokens = tokenize(normalized)
    covered: list[tuple[int, int]] = []
    for sentence in sentences:
        sentence_tokens = tokens[sentence.first_token : sentence.last_token]
        compiled.split_missed_clitics(sentence_tokens, normalized.original)  # as the pipeline matches
        for match in compiled.find(sentence_tokens):
            if any(entry.kind in RESOLVING_KINDS for entry in match.entries):
                covered.append((tokens[match.first].start, tokens[match.last - 1].end))
    return [any(start <= span.start and span.end <= end for start, end in covered) for span in spans]


def lexicon_counts(compiled: CompiledLexicon) -> dict[str, object]:
    lexicon = compiled.lexicon
    return {
        "actors": len(lexicon.actors),
        "actors_by_type": dict(Counter(a.type for a in lexicon.actors.values()).most_common()),
        "countries": len(lexicon.countries),
        "agents": len(lexicon.agents),
        "roles": len(lexicon.roles),
        "role_holders": sum(len(h) for role in lexicon.roles.values() for h in role.holders.values()),
        "places": len(lexicon.places),
        "places_by_kind": dict(Counter(p.kind for p in lexicon.places.values()).most_common()),
    }


def anercorp_coverage(compiled: CompiledLexicon, path: Path) -> dict[str, dict[str, float | int]]:
    spans_seen: Counter[str] = Counter()
    spans_resolved: Counter[str] = Counter()
    names_seen: dict[str, set[str]] = {label: set() for label in SPAN_TYPES}
    names_resolved: dict[str, set[str]] = {label: set() for label in SPAN_TYPES}
    for text, spans in anercorp_sentences(path):
        for span, resolved in zip(spans, resolved_spans(compiled, text, spans), strict=True):
            name = normalize(span.text).text
            spans_seen[span.label] += 1
            names_seen[span.label].add(name)
            if resolved:
                spans_resolved[span.label] += 1
                names_resolved[span.label].add(name)
    report: dict[str, dict[str, float | int]] = {}
    for label in (*SPAN_TYPES, "all"):
        labels = SPAN_TYPES if label == "all" else (label,)
        seen = sum(spans_seen[x] for x in labels)
        resolved = sum(spans_resolved[x] for x in labels)
        distinct = sum(len(names_seen[x]) for x in labels)
        distinct_resolved = sum(len(names_resolved[x]) for x in labels)
        report[label] = {
            "spans": seen,
            "resolved": resolved,
            "share": round(resolved / seen, 3) if seen else 0.0,
            "distinct_names": distinct,
            "distinct_resolved": distinct_resolved,
            "distinct_share": round(distinct_resolved / distinct, 3) if distinct else 0.0,
        }
    return report


def markdown(counts: dict[str, object], coverage: dict[str, dict[str, float | int]] | None) -> str:
    by_type = ", ".join(f"{k} {v}" for k, v in counts["actors_by_type"].items())  # type: ignore[union-attr]
    by_kind = ", ".join(f"{k} {v}" for k, v in counts["places_by_kind"].items())  # type: ignore[union-attr]
    lines = [
        "| what | count |",
        "|---|---|",
        f"| actors | {counts['actors']} ({by_type}) |",
        f"| countries | {counts['countries']} |",
        f"| agent entries | {counts['agents']} |",
        f"| roles | {counts['roles']} |",
        f"| role holders (tenures) | {counts['role_holders']} |",
        f"| places | {counts['places']} ({by_kind}) |",
    ]
    if coverage:
        lines += ["", "| ANERcorp spans | spans | resolved | share | distinct names | resolved | share |"]
        lines.append("|---|---|---|---|---|---|---|")
        for label, row in coverage.items():
            lines.append(
                f"| {label} | {row['spans']} | {row['resolved']} | {row['share']:.1%} | "
                f"{row['distinct_names']} | {row['distinct_resolved']} | {row['distinct_share']:.1%} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="lexicon data directory")
    parser.add_argument("--anercorp", type=Path, default=DEFAULT_ANERCORP, help="ANERcorp file (token label)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    args = parser.parse_args(argv)
    compiled = load_compiled(args.data_dir)
    counts = lexicon_counts(compiled)
    coverage = anercorp_coverage(compiled, args.anercorp) if args.anercorp.is_file() else None
    if coverage is None:
        print(f"{args.anercorp} not found (it lives in ../shared/data): counts only", file=sys.stderr)
    if args.json:
        print(json.dumps({"counts": counts, "anercorp": coverage}, ensure_ascii=False, indent=2))
    else:
        print(markdown(counts, coverage))
    return 0


if __name__ == "__main__":
    sys.exit(main())
