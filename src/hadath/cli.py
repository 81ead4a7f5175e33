"""``hadath``: a thin command line over the pipeline, the evaluators and the lexicon.

    hadath analyze PATH... [--date YYYY-MM-DD] [--format json|jsonl|table]
    hadath eval example DIR [--json]
    hadath eval gsr DIR [--errors FILE] [--rules-only] [--min-confidence C] [--cross-validate K]
    hadath eval ner FILE [--json]
    hadath eval challenge FILE [--split dev|test] [--failures] [--json] [--passing]
    hadath schema [--out FILE]
    hadath lexicon check [--corpus PATH...] | search TEXT | add --id ... | unknown PATH...
    hadath ingest PATH... --db FILE
    hadath query --db FILE SQL
    hadath export OUT --db FILE [--table T] [--format csv|parquet|gdelt]
    hadath run INPUT... --out DIR|--db FILE [--workers N] [--engine local|dask]
    hadath mosaic --db FILE [--actor CODE] [--from D --to D] [--period month] [--plot PNG] [--out FILE]

Exit status: 0 on success, 1 when some documents could not be read or analysed (the others are
still processed and printed), 2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from hadath.cli_common import confidence_arg, date_arg, error
from hadath.io.readers import read_documents
from hadath.lexicon import commands as lexicon_commands
from hadath.mosaic import commands as mosaic_commands
from hadath.scale import commands as scale_commands
from hadath.schema import Analysis, InputError
from hadath.serve import commands as serve_commands
from hadath.store import commands as store_commands


def cmd_analyze(args: argparse.Namespace) -> int:
    from hadath.output import render_table
    from hadath.pipeline import Pipeline

    pipeline = Pipeline()
    failures = 0
    collected: list[dict] = []
    for item in read_documents(args.paths, default_date=args.date):
        if isinstance(item, InputError):
            error(str(item))
            failures += 1
            continue
        if args.date is not None:
            item.date = args.date
        try:
            analysis: Analysis = pipeline.analyze(item)
        except Exception as problem:
            error(
                f"document {item.id!r} ({item.origin}): analysis failed: {type(problem).__name__}: {problem}"
            )
            if args.debug:
                traceback.print_exc()
            failures += 1
            continue
        if args.format == "jsonl":
            print(json.dumps(analysis.to_dict(), ensure_ascii=False), flush=True)
        elif args.format == "table":
            print(render_table(analysis), flush=True)
        else:
            collected.append(analysis.to_dict())
    if args.format == "json":
        payload = collected[0] if len(collected) == 1 else collected
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    return 1 if failures else 0


def cmd_eval_example(args: argparse.Namespace) -> int:
    from hadath.eval.example import evaluate_example

    directory = Path(args.directory)
    try:
        report = evaluate_example(directory)
    except (FileNotFoundError, KeyError, ValueError) as problem:
        error(f"{directory}: {problem}")
        return 2
    if not args.json:
        for item in report.items:
            mark = "ok " if item.found else "MISS"
            why = f"  ({item.why})" if item.why and not item.found else ""
            print(f"{mark} {item.tier:8} {item.section:10} {item.label}{why}")
    print(json.dumps(report.summary(), ensure_ascii=False))
    return 0 if report.passed else 1


def cmd_eval_gsr(args: argparse.Namespace) -> int:
    from hadath.eval.gsr import (
        DETECTION_CONFIDENCE,
        cross_validated_detection,
        cross_validated_lines,
        evaluate_gsr,
    )
    from hadath.pipeline import Pipeline

    try:
        report = evaluate_gsr(
            Path(args.directory),
            pipeline=Pipeline(event_filter=not args.rules_only),
            errors_path=Path(args.errors) if args.errors else None,
            min_confidence=DETECTION_CONFIDENCE if args.min_confidence is None else args.min_confidence,
        )
        validation = (
            cross_validated_detection(Path(args.directory), args.cross_validate)
            if args.cross_validate
            else None
        )
    except FileNotFoundError as problem:
        error(str(problem))
        return 2
    for line in report.lines():
        print(line)
    summary = report.summary()
    if validation is not None:
        for line in cross_validated_lines(validation):
            print(line)
        summary["gsr_out_of_fold"] = {
            "folds": validation.folds,
            **validation.out_of_fold,
            "clear_cases": validation.clear_cases,
            "against_one_annotator": validation.against_one_annotator,
        }
    print(json.dumps(summary, ensure_ascii=False))
    return 0


def cmd_eval_ner(args: argparse.Namespace) -> int:
    from hadath.eval.ner import evaluate_ner

    try:
        report = evaluate_ner(Path(args.file))
    except FileNotFoundError as problem:
        error(str(problem))
        return 2
    if args.json:
        print(json.dumps(report.summary(), ensure_ascii=False))
    else:
        print("\n".join(report.lines()))
    return 0


def cmd_eval_challenge(args: argparse.Namespace) -> int:
    from hadath.eval.challenge import ChallengeFormatError, evaluate_challenge

    try:
        report = evaluate_challenge(Path(args.file))
    except (FileNotFoundError, ChallengeFormatError) as problem:
        error(str(problem))
        return 2
    if args.split:
        report.items = report.select(args.split)
    if args.passing:
        print("\n".join(o.item.id for o in report.items if o.passed))
        return 0
    if not args.json:
        print("\n".join(report.lines()))
        if args.failures and (failures := report.failures()):
            print("\n".join(failures))
    print(json.dumps(report.summary(), ensure_ascii=False))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from hadath.schema import output_json_schema

    text = json.dumps(output_json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hadath", description="Arabic political event data from text.")
    commands = parser.add_subparsers(dest="command", required=True)

    analyze = commands.add_parser("analyze", help="analyse documents and print the results")
    analyze.add_argument(
        "paths", nargs="+", help="files (.txt .jsonl .json .csv), directories, or - for stdin"
    )
    analyze.add_argument("--date", type=date_arg, help="document date (YYYY-MM-DD) for documents without one")
    analyze.add_argument("--format", choices=("json", "jsonl", "table"), default="json")
    analyze.add_argument("--debug", action="store_true", help="print tracebacks of failed documents")
    analyze.set_defaults(handler=cmd_analyze)

    evaluate = commands.add_parser("eval", help="evaluate against gold data")
    kinds = evaluate.add_subparsers(dest="kind", required=True)
    example = kinds.add_parser("example", help="score a worked example (article.txt + expected.yaml)")
    example.add_argument("directory")
    example.add_argument("--json", action="store_true", help="print only the JSON summary")
    example.set_defaults(handler=cmd_eval_example)
    gsr = kinds.add_parser("gsr", help="score event detection on the Arabic PLOVER gold format")
    gsr.add_argument("directory")
    gsr.add_argument("--errors", help="write false positives and negatives to this JSONL file")
    gsr.add_argument(
        "--rules-only",
        action="store_true",
        help="without the learned event filter (dictionary and rules alone)",
    )
    gsr.add_argument(
        "--min-confidence",
        type=confidence_arg,
        metavar="C",
        help="with the filter, the confidence an event needs to count as reported (default: the filter's "
        "own cut, 0.5; a lower one trades precision for recall)",
    )
    gsr.add_argument(
        "--cross-validate",
        type=int,
        metavar="K",
        help="also print out-of-fold detection: the event filter retrained K times without each fold "
        "(the shipped filter is trained on the development set; this is the untuned estimate)",
    )
    gsr.set_defaults(handler=cmd_eval_gsr)
    ner = kinds.add_parser("ner", help="score the NER model on a `token label` IOB file (CoNLL exact spans)")
    ner.add_argument("file")
    ner.add_argument("--json", action="store_true", help="print the scores as JSON instead of a table")
    ner.set_defaults(handler=cmd_eval_ner)

    challenge = kinds.add_parser(
        "challenge", help="score the challenge set: sentences of our own, one phenomenon each"
    )
    challenge.add_argument("file", help="the challenge YAML (gold/challenge/items.yaml)")
    challenge.add_argument("--split", choices=("dev", "test"), help="score only this half")
    challenge.add_argument(
        "--failures", action="store_true", help="also list every event not coded exactly, with why"
    )
    challenge.add_argument("--json", action="store_true", help="print only the JSON summary")
    challenge.add_argument(
        "--passing",
        action="store_true",
        help="print only the ids of the items that pass (gold/challenge/passing.txt is this list)",
    )
    challenge.set_defaults(handler=cmd_eval_challenge)

    schema = commands.add_parser("schema", help="print the JSON Schema of the output")
    schema.add_argument("--out", help="write to this file instead of stdout")
    schema.set_defaults(handler=cmd_schema)

    lexicon_commands.register(commands)
    store_commands.register(commands)
    scale_commands.register(commands)
    serve_commands.register(commands)
    mosaic_commands.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except BrokenPipeError:  # `hadath analyze ... | head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
