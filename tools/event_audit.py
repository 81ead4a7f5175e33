"""A precision audit of every event Hadath codes in 2015 Saudi news (gold/event-audit-2015/).

    python tools/event_audit.py sample [--shared DIR] [--slice K] [--articles N] [--events N] [--skip N]
                                       --out S.jsonl
    python tools/event_audit.py sheet --sample S.jsonl --out SHEET.md
    python tools/event_audit.py merge --sample S.jsonl --votes A.jsonl B.jsonl [--out AUDIT.jsonl]
    python tools/event_audit.py score [--shared DIR] [--audit AUDIT.jsonl] [--slice K] [--rejudged R.jsonl]
    python tools/event_audit.py changed [--shared DIR] [--audit AUDIT.jsonl] [--slice K] --out S.jsonl

The gold standards of ``hadath eval gsr`` judge two PLOVER types; an analyst reads every event. This
audit judges a random sample of all of them, as Hadath outputs them (shipped pipeline, learned filter
included), the way GDELT's output has been audited: annotators read each coded event beside its
sentence and say whether the event, its source, its target and its modality are right.

``sample`` analyses the first ``--articles`` articles (in the order of a hash of their ids) of a
hash-chosen eighth of SaudiNewsNet (the eighths 0-5 hold the ASSAULT/PROTEST gold) and draws
``--events`` of their events in the order of a hash of their ids. Its file holds the text, for the
annotators only (keep it outside the repository: the corpus is CC BY-NC-SA). ``sheet`` writes what the
annotators read. ``merge`` keeps, per event, the coded event (offsets and codes), a hash of its sentence
and every annotator's votes, no text. ``score`` analyses the audited articles again with the current
code: an event still coded the same keeps its judgement, a changed argument or modality is reported as
changed (not judged), an event no longer coded as removed, with what the annotators had said of it.
``changed`` draws the events whose arguments or modality the current code answers differently, as it
codes them now; their votes, merged like a sample's into ``rejudged.jsonl``, judge the new answers, so
that ``score`` counts them instead of ``changed``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from saudinewsnet_gold import (
    DEFAULT_SHARED,
    MAX_SENTENCE_CHARS,
    articles,
    read_jsonl,
    text_hash,
    write_jsonl,
)

from hadath.doc import Doc
from hadath.pipeline import Pipeline
from hadath.schema import ActorRef, Document, Event
from hadath.text.normalize import normalize
from hadath.text.tokens import tokenize

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_AUDIT = REPO_ROOT / "gold" / "event-audit-2015" / "audit.jsonl"
# votes on events whose arguments a later change of the code answered differently (``changed``)
DEFAULT_REJUDGED = REPO_ROOT / "gold" / "event-audit-2015" / "rejudged.jsonl"
ARTICLE_SHARE = 8
PARTS = ("event", "source", "target", "modality")
# what an annotator may answer: the event (its CAMEO root and that it is an action between actors),
# each argument (Hadath's choice, or its choice of none) and the modality; arguments and modality are
# judged only when the event is right
ANSWERS = {"event": ("yes", "no"), "source": ("right", "wrong"), "target": ("right", "wrong")}
ANSWERS["modality"] = ANSWERS["source"]


def trigger_key(article: str, event: Event) -> str:
    """Where an event is coded: its article, its trigger's span and its CAMEO code."""
    return f"{article}#{event.trigger_start}-{event.trigger_end}:{event.cameo}"


def event_id(article: str, event: Event) -> str:
    """An audited event: its trigger key and where its source and target start (one trigger gives one
    event per coordinated source or target)."""
    ends = [str(actor.start) if actor else "-" for actor in (event.source, event.target)]
    return f"{trigger_key(article, event)}@{'/'.join(ends)}"


def _argument(actor: ActorRef | None) -> dict[str, object] | None:
    if actor is None:
        return None
    return {"text": actor.text, "start": actor.start, "end": actor.end, "code": actor.code}


def _sentence_spans(document: Document) -> list[tuple[int, int]]:
    """Each sentence's span in the original text (the tokeniser's sentences, as the pipeline's)."""
    normalized = normalize(document.text)
    sentences, tokens = tokenize(normalized)
    doc = Doc(document, normalized, sentences, tokens, document.date)
    return [doc.span(s.first_token, s.last_token, body=False) for s in sentences]


def coded(event: Event) -> dict[str, object]:
    """What the audit judges of an event: its code, arguments and modality (offsets into the article)."""
    return {
        "trigger": [event.trigger_start, event.trigger_end],
        "cameo": event.cameo,
        "plover": event.plover,
        "source": _argument(event.source),
        "target": _argument(event.target),
        "modality": event.modality,
        "confidence": event.confidence,
    }


def in_slice(article_id: str, article_slice: int) -> bool:
    return int(text_hash(article_id), 16) % ARTICLE_SHARE == article_slice


def sample(
    shared: Path,
    article_slice: int,
    article_count: int,
    event_count: int,
    skip: int = 0,
    article_skip: int = 0,
) -> list[dict[str, object]]:
    """``event_count`` events of ``article_count`` articles of the slice (both by hash order), after the
    first ``skip`` events (a second sample of the same articles) and the first ``article_skip`` articles
    (articles no earlier sample drew from)."""
    pipeline = Pipeline()
    corpus = articles(shared)
    in_order = sorted((a for a in corpus if in_slice(a, article_slice)), key=text_hash)
    chosen_articles = in_order[article_skip : article_skip + article_count]
    found: list[dict[str, object]] = []
    for article_id in chosen_articles:
        document = corpus[article_id]
        analysis = pipeline.analyze(document)
        spans = _sentence_spans(document)
        for event in analysis.events:
            start, end = spans[event.sentence]
            if end - start > MAX_SENTENCE_CHARS:
                continue
            found.append(_drawn(article_id, document, event, start, end))
    found.sort(key=lambda item: text_hash(str(item["id"])))
    return found[skip : skip + event_count]


def _drawn(article_id: str, document: Document, event: Event, start: int, end: int) -> dict[str, object]:
    """An event as the annotators read it: its sentence (``start``-``end``), title and what was coded."""
    return {
        "id": event_id(article_id, event),
        "article": article_id,
        "title": document.title or "",
        "start": start,
        "end": end,
        "text": document.text[start:end],
        "trigger_text": event.trigger,
        "cameo_label": event.cameo_label,
        **coded(event),
    }


def _argument_line(role: str, argument: dict[str, object] | None) -> str:
    if argument is None:
        return f"- {role}: (none)"
    return f"- {role}: «{argument['text']}» → {argument['code'] or '(no code)'}"


def sheet(drawn: list[dict[str, object]]) -> str:
    """The annotators' reading: each event's sentence with the trigger marked, and what was coded."""
    blocks = []
    for number, item in enumerate(drawn, 1):
        text = str(item["text"])
        first, last = (int(x) - int(item["start"]) for x in item["trigger"])  # type: ignore[union-attr]
        marked = f"{text[:first]}⟦{text[first:last]}⟧{text[last:]}"
        blocks.append(
            "\n".join(
                [
                    f"## {number}. {item['id']}",
                    f"title: {item['title']}",
                    "",
                    marked,
                    "",
                    f"- event: {item['cameo']} {item['cameo_label']} (trigger «{item['trigger_text']}»)",
                    _argument_line("source", item["source"]),  # type: ignore[arg-type]
                    _argument_line("target", item["target"]),  # type: ignore[arg-type]
                    f"- modality: {item['modality']}",
                ]
            )
        )
    return "\n\n".join(blocks) + "\n"


def _check_vote(path: Path, vote: dict[str, object]) -> dict[str, object]:
    identifier = vote.get("id")
    if vote.get("event") not in ANSWERS["event"]:
        raise ValueError(f"{path}: {identifier}: event {vote.get('event')!r} is neither yes nor no")
    kept: dict[str, object] = {"event": vote["event"]}
    for part in PARTS[1:]:
        answer = vote.get(part) if vote["event"] == "yes" else None
        if vote["event"] == "yes" and answer not in ANSWERS[part]:
            raise ValueError(f"{path}: {identifier}: {part} {answer!r} is not one of {ANSWERS[part]}")
        kept[part] = answer
    return kept


def merge(sample_path: Path, vote_paths: list[Path]) -> list[dict[str, object]]:
    """One record per sampled event: the coded event, its sentence's span and hash, every vote."""
    drawn = read_jsonl(sample_path)
    votes_by_annotator = []
    for path in vote_paths:
        votes = {str(v["id"]): v for v in read_jsonl(path)}
        if set(votes) != {str(item["id"]) for item in drawn}:
            raise ValueError(f"{path}: its events are not those of {sample_path}")
        votes_by_annotator.append(votes)
    merged = []
    for item in drawn:
        merged.append(
            {
                "id": item["id"],
                "article": item["article"],
                "start": item["start"],
                "end": item["end"],
                "sha256": text_hash(str(item["text"]))[:16],
                **{key: item[key] for key in ("trigger", "cameo", "plover", "modality")},
                # arguments by offsets and code: no text of the corpus is kept
                **{role: _without_text(item[role]) for role in ("source", "target")},
                "votes": [
                    _check_vote(path, votes[str(item["id"])])
                    for path, votes in zip(vote_paths, votes_by_annotator, strict=True)
                ],
            }
        )
    return merged


def _without_text(argument: dict[str, object] | None) -> dict[str, object] | None:
    return None if argument is None else {k: v for k, v in argument.items() if k != "text"}


def verdict(votes: list[dict[str, object]], part: str) -> str | None:
    """The annotators' joint answer on ``part``: theirs when they agree, ``split`` otherwise, None where
    the part was not judged (the event was rejected by someone)."""
    answers = [vote[part] for vote in votes]
    if any(answer is None for answer in answers):
        return None
    return str(answers[0]) if len(set(answers)) == 1 else "split"


def _as_coded_now(
    shared: Path, records: list[dict[str, object]], pipeline: Pipeline
) -> Iterator[tuple[dict[str, object], Event | None, Document]]:
    """Each audited record with the event the current code codes for it (the one of that trigger with
    the same arguments, else the same source, else the first: one trigger gives one event per
    coordinated source or target); None where it is no longer coded."""
    corpus = articles(shared)
    by_article: dict[str, list[dict[str, object]]] = {}
    for record in records:
        by_article.setdefault(str(record["article"]), []).append(record)
    for article_id, audited in sorted(by_article.items()):
        document = corpus.get(article_id)
        if document is None:
            raise ValueError(f"{audited[0]['id']}: its article is not in the corpus")
        current: dict[str, list[Event]] = {}
        for event in pipeline.analyze(document).events:
            current.setdefault(trigger_key(article_id, event), []).append(event)
        for record in audited:
            sentence = document.text[int(record["start"]) : int(record["end"])]
            if text_hash(sentence)[: len(str(record["sha256"]))] != record["sha256"]:
                raise ValueError(f"{record['id']}: the corpus text is not the audited one")
            same_trigger = current.get(_trigger_key_of(record), []) or _overlapping(current, record)
            if not same_trigger:
                yield record, None, document
                continue
            event = max(
                same_trigger,
                key=lambda e: (
                    _same(record["source"], _argument(e.source)),
                    _same(record["target"], _argument(e.target)),
                ),
            )
            yield record, event, document


def _overlapping(current: dict[str, list[Event]], record: dict[str, object]) -> list[Event]:
    """Events of the same code (``_same_act``) whose trigger now covers more or less of the audited one
    ("قذائف" then, "قذائف هاون" now): the same event, coded from a longer or shorter phrase."""
    first, last = record["trigger"]  # type: ignore[misc]
    return [
        event
        for events in current.values()
        for event in events
        if _same_act(event.cameo, str(record["cameo"]))
        and event.trigger_start < last
        and first < event.trigger_end
    ]


def _same_act(now: str, audited: str) -> bool:
    """The same code, or the generic attack recoded: since the challenge-set round an army's attack,
    or armed men's on an army, is conventional military force (190) where it had been coded 180; the
    annotators judged the attack, not the root."""
    generic = {"180", "190"}
    return now == audited or {now, audited} <= generic


def _trigger_key_of(record: dict[str, object]) -> str:
    return str(record["id"]).rpartition("@")[0]


def score(
    shared: Path,
    records: list[dict[str, object]],
    pipeline: Pipeline | None = None,
    rejudged: list[dict[str, object]] | None = None,
    min_confidence: float = 0.0,
) -> dict[str, Counter]:
    """Each part's verdicts over the audited events as the current code codes them: ``yes``/``no``,
    ``right``/``wrong``, ``split``; ``changed`` where the current code answers differently than what was
    judged and no ``rejudged`` record judged the new answer, ``removed`` (with the verdict it had) where
    the event is no longer coded, ``below cut`` (with its verdict) where its confidence is below
    ``min_confidence`` (what an analyst keeping events from that confidence would not see)."""
    again: dict[str, list[dict[str, object]]] = {}
    for record in rejudged or []:
        again.setdefault(_trigger_key_of(record), []).append(record)
    tallies: dict[str, Counter] = {part: Counter() for part in PARTS}
    for record, event, _ in _as_coded_now(shared, records, pipeline or Pipeline()):
        event_verdict = verdict(record["votes"], "event")  # type: ignore[arg-type]
        if event is None:
            tallies["event"][f"removed ({event_verdict})"] += 1
            continue
        if event.confidence < min_confidence:
            tallies["event"][f"below cut ({event_verdict})"] += 1
            continue
        tallies["event"][str(event_verdict)] += 1
        now = coded(event)
        for part in PARTS[1:]:
            part_verdict = verdict(record["votes"], part)  # type: ignore[arg-type]
            if part_verdict is None:
                continue
            if not _same(record[part], now[part]):
                # re-judged under the audited trigger or, when the trigger phrase has grown or shrunk
                # since, under the one coded now (which is what ``changed`` draws)
                keys = {_trigger_key_of(record), trigger_key(str(record["article"]), event)}
                later = [
                    verdict(r["votes"], part)
                    for key in sorted(keys)
                    for r in again.get(key, [])
                    if _same(r[part], now[part])
                ]
                part_verdict = next((v for v in later if v is not None), "changed")
            tallies[part][part_verdict] += 1
    return tallies


def changed(shared: Path, records: list[dict[str, object]]) -> list[dict[str, object]]:
    """The audited events whose source, target or modality the current code answers differently, as it
    codes them now, in the sample format (with text, for the annotators)."""
    drawn = []
    for record, event, document in _as_coded_now(shared, records, Pipeline()):
        if event is None:
            continue
        now = coded(event)
        judged = [p for p in PARTS[1:] if verdict(record["votes"], p) is not None]  # type: ignore[arg-type]
        if any(not _same(record[p], now[p]) for p in judged):
            drawn.append(
                _drawn(str(record["article"]), document, event, int(record["start"]), int(record["end"]))
            )
    return drawn


def _same(judged: object, now: object) -> bool:
    if isinstance(judged, dict) and isinstance(now, dict):
        return (judged["start"], judged["end"], judged["code"]) == (now["start"], now["end"], now["code"])
    return judged == now


def report(tallies: dict[str, Counter]) -> str:
    """Per part: the share judged right among the unanimous verdicts, and every count."""
    lines = []
    for part, tally in tallies.items():
        good, bad = ("yes", "no") if part == "event" else ("right", "wrong")
        judged = tally[good] + tally[bad]
        share = f"{tally[good] / judged:.3f}" if judged else "n/a"
        counts = ", ".join(f"{key} {value}" for key, value in sorted(tally.items()))
        lines.append(f"{part:9} {good} {tally[good]} of {judged} unanimous = {share}   ({counts})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    sampling = commands.add_parser("sample", help="draw coded events for the annotators (with text)")
    sampling.add_argument(
        "--slice", type=int, default=6, help=f"which eighth of the articles (0-{ARTICLE_SHARE - 1})"
    )
    sampling.add_argument("--articles", type=int, default=400)
    sampling.add_argument("--events", type=int, default=150)
    sampling.add_argument("--skip", type=int, default=0, help="leave out the first events (a further sample)")
    sampling.add_argument(
        "--article-skip", type=int, default=0, help="leave out the first articles (for a sample of others)"
    )
    sampling.add_argument("--out", type=Path, required=True)
    sheeting = commands.add_parser("sheet", help="write the annotators' reading of a sample")
    sheeting.add_argument("--sample", type=Path, required=True)
    sheeting.add_argument("--out", type=Path, required=True)
    merging = commands.add_parser("merge", help="join the annotators' votes (no text is kept)")
    merging.add_argument("--sample", type=Path, required=True)
    merging.add_argument("--votes", type=Path, nargs="+", required=True)
    merging.add_argument("--out", type=Path, default=DEFAULT_AUDIT)
    scoring = commands.add_parser("score", help="the audit's verdicts on what the current code codes")
    scoring.add_argument("--audit", type=Path, default=DEFAULT_AUDIT)
    scoring.add_argument("--slice", type=int, help="only the audited events of this eighth")
    scoring.add_argument(
        "--rejudged", type=Path, default=DEFAULT_REJUDGED, help="votes on arguments that changed since"
    )
    scoring.add_argument(
        "--min-confidence", type=float, default=0.0, help="count only events coded at least this confidently"
    )
    changing = commands.add_parser("changed", help="the audited events whose arguments the code now changes")
    changing.add_argument("--audit", type=Path, default=DEFAULT_AUDIT)
    changing.add_argument("--slice", type=int, help="only the audited events of this eighth")
    changing.add_argument("--out", type=Path, required=True)
    for command in (sampling, scoring, changing):
        command.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = parser.parse_args(argv)
    try:
        if args.command == "sample":
            drawn = sample(args.shared, args.slice, args.articles, args.events, args.skip, args.article_skip)
            write_jsonl(args.out, drawn)
            print(f"{len(drawn)} events written to {args.out}")
        elif args.command == "sheet":
            args.out.write_text(sheet(read_jsonl(args.sample)), encoding="utf-8")
            print(f"sheet written to {args.out}")
        elif args.command == "merge":
            merged = merge(args.sample, args.votes)
            write_jsonl(args.out, merged)
            print(f"{len(merged)} events with {len(args.votes)} votes each written to {args.out}")
        else:
            records = read_jsonl(args.audit)
            if args.slice is not None:
                records = [r for r in records if in_slice(str(r["article"]), args.slice)]
            if args.command == "changed":
                drawn = changed(args.shared, records)
                write_jsonl(args.out, drawn)
                print(f"{len(drawn)} events written to {args.out}")
            else:
                rejudged = read_jsonl(args.rejudged) if args.rejudged.is_file() else []
                tallies = score(args.shared, records, rejudged=rejudged, min_confidence=args.min_confidence)
                print(report(tallies))
    except (FileNotFoundError, ValueError) as problem:
        print(f"event_audit: {problem}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
