"""The lexicon's commands: ``hadath lexicon check | search | add | unknown``.

Every command reads the lexicon of ``--data-dir`` (the package's data directory by default), so a
curator can check a copy, or an older version, of the data.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from hadath.cli_common import date_arg, error
from hadath.lexicon.loader import DATA_DIR, LexiconError

if TYPE_CHECKING:
    from hadath.lexicon.compiled import CompiledLexicon

DEFAULT_CORPUS_LIMIT = 2000  # documents: about 40 s of segmentation on one core


def register(commands: argparse._SubParsersAction) -> None:
    lexicon = commands.add_parser("lexicon", help="lexicon tools: check, search, add, unknown")
    subcommands = lexicon.add_subparsers(dest="lexicon_command", required=True)

    check = subcommands.add_parser(
        "check", help="validate the lexicon, check it for conflicts, and measure its aliases on a corpus"
    )
    _data_dir_option(check)
    check.add_argument("--dropped", action="store_true", help="list every alias left out as noisy, and why")
    check.add_argument(
        "--corpus",
        nargs="+",
        metavar="PATH",
        help="measure one-word aliases on these documents (any input of `hadath analyze`, or the "
        "SaudiNewsNet directory of daily zips) and list the noisy ones",
    )
    _limit_option(check)
    check.add_argument(
        "--min-per-million",
        type=float,
        default=30.0,
        help="an alias firing less often is never noisy (default 30 per million tokens)",
    )
    check.add_argument(
        "--min-unnamelike-share",
        type=float,
        default=0.25,
        help="share of hits in forms a name does not take that makes a frequent alias noisy (default 0.25)",
    )
    check.set_defaults(handler=cmd_check)

    search = subcommands.add_parser("search", help="find entries by Arabic name, English name or id")
    search.add_argument("text")
    _data_dir_option(search)
    search.add_argument("--top", type=int, default=50, help="show at most this many entries (default 50)")
    search.set_defaults(handler=cmd_search)

    add = subcommands.add_parser("add", help="add an actor to a curator file, after checking it")
    _data_dir_option(add)
    add.add_argument("--id", required=True, help="new actor id, [a-z0-9][a-z0-9-]*")
    add.add_argument("--name-en", required=True, help="English name")
    add.add_argument("--type", default="person", choices=("person", "organisation", "group", "state"))
    add.add_argument("--code", action="append", required=True, help="CAMEO actor code (repeatable)")
    add.add_argument("--from", dest="start", type=date_arg, help="first day of the codes (YYYY-MM-DD)")
    add.add_argument("--to", dest="end", type=date_arg, help="last day of the codes (YYYY-MM-DD)")
    add.add_argument("--name", action="append", required=True, help="Arabic name as written (repeatable)")
    add.add_argument("--country", help="ISO alpha-3 code of the actor's state")
    add.add_argument("--qid", help="Wikidata QID")
    add.add_argument("--provenance", help="where the facts come from (default: the file's)")
    add.add_argument(
        "--file",
        type=Path,
        default=None,
        help="YAML file under the data directory to append to (default actors/local.yaml)",
    )
    add.set_defaults(handler=cmd_add)

    unknown = subcommands.add_parser(
        "unknown", help="the most frequent name-like spans of a corpus that the lexicon does not resolve"
    )
    unknown.add_argument(
        "paths", nargs="+", help="any input of `hadath analyze`, or the SaudiNewsNet directory of daily zips"
    )
    _data_dir_option(unknown)
    _limit_option(unknown)
    unknown.add_argument("--top", type=int, default=50, help="show this many spans (default 50)")
    unknown.add_argument("--min-count", type=int, default=2, help="ignore spans seen fewer times (default 2)")
    unknown.set_defaults(handler=cmd_unknown)


def _data_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir", type=Path, default=DATA_DIR, help="lexicon data directory (default: the package's)"
    )


def _limit_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_CORPUS_LIMIT,
        help=f"read at most this many documents (default {DEFAULT_CORPUS_LIMIT}; 0 = all)",
    )


# ----------------------------------------------------------------------------------------------- check


def cmd_check(args: argparse.Namespace) -> int:
    from hadath.lexicon.check import ERROR, check_lexicon
    from hadath.lexicon.compiled import load_compiled

    try:
        compiled = load_compiled(args.data_dir)
    except LexiconError as problem:
        error(str(problem))
        return 1
    lexicon = compiled.lexicon
    print(
        f"schema ok: {len(lexicon.actors)} actors, {len(lexicon.countries)} countries, "
        f"{len(lexicon.agents)} agents, {len(lexicon.roles)} roles, {len(lexicon.places)} places, "
        f"{len(lexicon.events)} event entries, {sum(len(v) for v in lexicon.cues.values())} cues, "
        f"{len(lexicon.cameo)} CAMEO codes"
    )
    reasons = Counter(d.reason for d in compiled.dropped)
    print(f"{len(compiled.dropped)} aliases left out of the automata as noisy:")
    for reason, count in reasons.most_common():
        print(f"  {count:6}  {reason}")
    if args.dropped:
        for dropped in compiled.dropped:
            print(f"{dropped.origin}\t{dropped.alias}\t{dropped.reason}")
    findings = check_lexicon(compiled)
    errors = [f for f in findings if f.severity == ERROR]
    warnings = [f for f in findings if f.severity != ERROR]
    print(f"{len(errors)} errors (conflicting aliases, overlapping tenures, tenures outside codes):")
    for finding in errors:
        print(f"  {finding}")
    print(f"{len(warnings)} warnings:")
    for finding in warnings:
        print(f"  {finding}")
    if args.corpus:
        _print_noisy_aliases(compiled, args)
    return 1 if errors else 0


def _print_noisy_aliases(compiled: CompiledLexicon, args: argparse.Namespace) -> None:
    from hadath.lexicon.corpus import entry_origin, measure_aliases

    started = time.perf_counter()
    report = measure_aliases(
        compiled, args.corpus, args.limit, args.min_per_million, args.min_unnamelike_share
    )
    stats = report.stats
    print(
        f"{len(report.noisy)} noisy aliases (warnings) on {stats.documents} documents, {stats.tokens} tokens "
        f"({time.perf_counter() - started:.0f} s): one-word aliases firing at least "
        f"{args.min_per_million:g} times per million tokens with at least {args.min_unnamelike_share:.0%} "
        "of their hits in forms a name does not take"
    )
    print("  rank  per_million   hits  unnamelike  alias  →  entries")
    for rank, alias in enumerate(report.noisy, start=1):
        entries = "; ".join(entry_origin(compiled, e) for e in alias.name_entries)
        print(
            f"  {rank:4}  {alias.per_million:11.1f}  {alias.hits:5}  {alias.unnamelike_share:10.0%}  "
            f"{'، '.join(alias.aliases) or alias.key}  →  {entries}"
        )


# ---------------------------------------------------------------------------------------------- search


def cmd_search(args: argparse.Namespace) -> int:
    from hadath.lexicon.compiled import load_compiled
    from hadath.lexicon.curate import search_lexicon

    try:
        compiled = load_compiled(args.data_dir)
    except LexiconError as problem:
        error(str(problem))
        return 1
    hits = search_lexicon(compiled, args.text)
    for hit in hits[: args.top]:
        print("\n".join(hit.lines))
    shown = min(len(hits), args.top)
    print(
        f"{len(hits)} entries match {args.text!r}" + (f" (first {shown} shown)" if shown < len(hits) else "")
    )
    return 0 if hits else 1


# ------------------------------------------------------------------------------------------------- add


def cmd_add(args: argparse.Namespace) -> int:
    from hadath.lexicon.compiled import load_compiled
    from hadath.lexicon.curate import DEFAULT_ADD_FILE, AddError, NewActor, add_actor

    try:
        compiled = load_compiled(args.data_dir)
    except LexiconError as problem:
        error(f"the lexicon does not load; fix it first:\n{problem}")
        return 1
    new = NewActor(
        id=args.id,
        name_en=args.name_en,
        type=args.type,
        codes=tuple(args.code),
        names=tuple(args.name),
        start=args.start,
        end=args.end,
        country=args.country,
        qid=args.qid,
        provenance=args.provenance,
    )
    try:
        added = add_actor(compiled, args.data_dir, new, args.file or DEFAULT_ADD_FILE)
    except AddError as problem:
        error(f"{args.id} not added:\n{problem}")
        return 1
    print(f"added {args.id} to {added.path}")
    for note in added.notes:
        print(f"  note: {note}")
    return 0


# --------------------------------------------------------------------------------------------- unknown


def cmd_unknown(args: argparse.Namespace) -> int:
    from hadath.lexicon.compiled import load_compiled
    from hadath.lexicon.corpus import find_unknown_names, load_name_triggers

    try:
        compiled = load_compiled(args.data_dir)
        triggers = load_name_triggers(args.data_dir)
    except (LexiconError, OSError) as problem:
        error(str(problem))
        return 1
    names, stats = find_unknown_names(compiled, args.paths, triggers, args.limit, args.min_count)
    print(
        f"{len(names)} unresolved name-like spans seen at least {args.min_count} times in {stats.documents} "
        f"documents ({stats.tokens} tokens; {stats.unreadable} unreadable records skipped)"
    )
    print("count  kind    name  [after]  example")
    for name in names[: args.top]:
        kind = name.kinds.most_common(1)[0][0]
        surface = name.surfaces.most_common(1)[0][0]
        after = f"  [after {name.triggers.most_common(1)[0][0]}]" if name.triggers else ""
        print(f"{name.count:5}  {kind:6}  {surface}{after}  {name.example}")
    return 0 if stats.documents else 1
