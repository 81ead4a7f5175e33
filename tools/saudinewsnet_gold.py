"""An event gold standard on 2015 Saudi news that Hadath was never tuned on (gold/saudinewsnet-2015/).

    python tools/saudinewsnet_gold.py sample [--shared DIR] [--assault N] [--protest N] [--slice K] --out S
    python tools/saudinewsnet_gold.py merge --sample S.jsonl --votes A.jsonl B.jsonl [--out ANNOTATIONS]
    python tools/saudinewsnet_gold.py build [--shared ../shared] [--annotations A.jsonl] --out DIR
    hadath eval gsr DIR

``sample`` draws sentences in which Hadath's rules (dictionary + arguments, no learned filter) find an
ASSAULT or PROTEST event that is not negated, from a fixed hash-chosen eighth of the SaudiNewsNet
articles; it writes them, with their text, for the annotators (keep that file outside the repository:
the corpus is CC BY-NC-SA and its text stays in ../shared). ``merge`` joins the annotators' files (one
JSON line per sample line: id, event_type, label yes/no, source, target) into the repository's
annotations: one line per sentence with every annotator's vote and a hash of the text, no text.
``build`` turns those annotations back into the OEDA gold format (``*_gsr.csv`` + ``*_spans.json``),
reading the sentences from ../shared, so that ``hadath eval gsr`` scores it as it scores the OEDA
development third. A sentence whose text no longer hashes the same is an error naming it.

The sample is drawn from the rules' candidates, so it measures precision and argument countries, not
the rules' recall (every sentence has a candidate). How the annotations were made is in
gold/saudinewsnet-2015/README.md.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path

from hadath.io.readers import read_documents
from hadath.pipeline import Pipeline
from hadath.schema import Document

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO_ROOT.parent / "shared"
DEFAULT_ANNOTATIONS = REPO_ROOT / "gold" / "saudinewsnet-2015" / "annotations.jsonl"
CORPUS = Path("data/corpus/saudinewsnet/dataset")
TYPES = ("ASSAULT", "PROTEST")
ARTICLE_SHARE = 8  # one article in this many is read (by a hash of its id)
MAX_SENTENCE_CHARS = 500  # longer "sentences" are lists or run-on paragraphs


def text_hash(text: str) -> str:
    """The SHA-256 of a text (its leading 16 hex digits identify an annotated sentence)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_jsonl(path: Path, items: list[dict[str, object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")


def sentence_id(article: str, start: int) -> str:
    """The gold id of a sentence: its article's id and where it starts (``2015-07-21/17@240``); it begins
    with the article's date, which ``hadath eval gsr`` uses as the document date."""
    return f"{article}@{start}"


def articles(shared: Path) -> dict[str, Document]:
    directory = shared / CORPUS
    if not directory.is_dir():
        raise FileNotFoundError(f"{directory}: the SaudiNewsNet corpus is not there")
    return {item.id: item for item in read_documents(directory) if isinstance(item, Document)}


def sample(shared: Path, quota: dict[str, int], article_slice: int = 0) -> list[dict[str, object]]:
    """Candidate sentences per type, the first ``quota[type]`` in the order of a hash of their ids, from
    the articles whose id hashes to ``article_slice`` modulo ARTICLE_SHARE (another slice, other text)."""
    pipeline = Pipeline(event_filter=False)
    lexicon = pipeline.compiled.lexicon
    found: dict[str, list[dict[str, object]]] = {t: [] for t in TYPES}
    for article_id, document in sorted(articles(shared).items()):
        if int(text_hash(article_id), 16) % ARTICLE_SHARE != article_slice:
            continue
        extraction = pipeline.extract(document)
        doc = extraction.doc
        types_by_sentence: dict[int, set[str]] = {}
        for event in extraction.events:
            plover = lexicon.plover_of(event.entry)
            if plover in TYPES and event.modality.value != "negated":
                types_by_sentence.setdefault(doc.tokens[event.first].sentence, set()).add(plover)
        for index, types in sorted(types_by_sentence.items()):
            sentence = doc.sentences[index]
            start, end = doc.span(sentence.first_token, sentence.last_token, body=False)
            text = doc.text[start:end]
            if len(text) > MAX_SENTENCE_CHARS:
                continue
            for event_type in sorted(types):
                found[event_type].append(
                    {
                        "id": sentence_id(article_id, start),
                        "article": article_id,
                        "start": start,
                        "end": end,
                        "event_type": event_type,
                        "title": document.title or "",
                        "text": text,
                    }
                )
    chosen: list[dict[str, object]] = []
    for event_type in TYPES:
        ranked = sorted(found[event_type], key=lambda s: text_hash(f"{event_type}|{s['id']}"))
        chosen.extend(ranked[: quota[event_type]])
    return chosen


def merge(sample_path: Path, vote_paths: list[Path]) -> list[dict[str, object]]:
    """One record per sample sentence with each annotator's vote (in the order of ``vote_paths``)."""
    drawn = [json.loads(line) for line in sample_path.read_text(encoding="utf-8").splitlines() if line]
    keys = [(item["id"], item["event_type"]) for item in drawn]
    votes_by_annotator = []
    for path in vote_paths:
        votes = {
            (vote["id"], vote["event_type"]): vote
            for vote in map(json.loads, path.read_text(encoding="utf-8").splitlines())
        }
        if set(votes) != set(keys):
            raise ValueError(f"{path}: its sentences are not those of {sample_path}")
        votes_by_annotator.append(votes)
    merged: list[dict[str, object]] = []
    for item, key in zip(drawn, keys, strict=True):
        record_votes = []
        for votes in votes_by_annotator:
            vote = votes[key]
            if vote["label"] not in ("yes", "no"):
                raise ValueError(f"{key[0]}: label {vote['label']!r} is neither yes nor no")
            positive = vote["label"] == "yes"
            record_votes.append(
                {
                    "label": vote["label"],
                    "source": vote.get("source") if positive else None,
                    "target": vote.get("target") if positive else None,
                }
            )
        merged.append(
            {
                "article": item["article"],
                "start": item["start"],
                "end": item["end"],
                "event_type": item["event_type"],
                "sha256": text_hash(str(item["text"]))[:16],
                "votes": record_votes,
            }
        )
    return merged


def part_of(identifier: str) -> str:
    """``dev`` or ``test``, by a hash of the sentence id: errors may be read on ``dev`` only, so that
    ``test`` stays text Hadath was never tuned on."""
    return "dev" if int(text_hash(identifier), 16) % 2 == 0 else "test"


def oeda_label(accept: int, reject: int) -> str:
    """The OEDA label of a sentence from its votes: ``yes`` when nobody rejected, ``easy no`` when nobody
    accepted, ``ambiguous`` with exactly one rejection, otherwise ``difficult no``."""
    if reject == 0:
        return "yes" if accept else "ambiguous"
    if accept == 0:
        return "easy no"
    return "ambiguous" if reject == 1 else "difficult no"


def build(shared: Path, annotations: Path, out: Path, part: str = "all") -> dict[str, int]:
    """Write the OEDA gold format for the annotations (those of ``part``: dev, test or all) into
    ``out``; returns sentences per type."""
    records = [json.loads(line) for line in annotations.read_text(encoding="utf-8").splitlines() if line]
    corpus = articles(shared)
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for event_type in TYPES:
        rows: list[list[object]] = []
        spans: list[dict[str, object]] = []
        for record in records:
            if record["event_type"] != event_type:
                continue
            article = corpus.get(record["article"])
            identifier = sentence_id(record["article"], record["start"])
            if part != "all" and part_of(identifier) != part:
                continue
            if article is None:
                raise ValueError(f"{annotations}: {identifier}: its article is not in the corpus")
            text = article.text[record["start"] : record["end"]]
            if text_hash(text)[: len(record["sha256"])] != record["sha256"]:
                raise ValueError(f"{annotations}: {identifier}: the corpus text is not the annotated one")
            accepting = [vote for vote in record["votes"] if vote["label"] == "yes"]
            accept, reject = len(accepting), len(record["votes"]) - len(accepting)
            label = oeda_label(accept, reject)
            rows.append([accept, event_type, identifier, label, reject, text, accept + reject])
            if label == "yes":
                roles = [
                    {"source_role": {"main": vote.get("source")}, "target_role": {"main": vote.get("target")}}
                    for vote in accepting
                ]
                spans.append({"event_type": event_type, "source": identifier, "text": text, "spans": roles})
        name = event_type.lower()
        with (out / f"{name}_gsr.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["accept", "event_type", "id", "label", "reject", "text", "total"])
            writer.writerows(rows)
        (out / f"{name}_spans.json").write_text(json.dumps(spans, ensure_ascii=False), encoding="utf-8")
        counts[event_type] = len(rows)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    sampling = commands.add_parser("sample", help="draw candidate sentences for annotation (with text)")
    sampling.add_argument("--assault", type=int, default=100)
    sampling.add_argument("--protest", type=int, default=50)
    sampling.add_argument(
        "--slice", type=int, default=0, help=f"which eighth of the articles (0-{ARTICLE_SHARE - 1})"
    )
    merging = commands.add_parser("merge", help="join the annotators' votes (no text is kept)")
    merging.add_argument("--sample", type=Path, required=True)
    merging.add_argument("--votes", type=Path, nargs="+", required=True)
    merging.add_argument("--out", type=Path, default=DEFAULT_ANNOTATIONS)
    building = commands.add_parser("build", help="write the gold format from the annotations")
    building.add_argument("--annotations", type=Path, default=DEFAULT_ANNOTATIONS)
    building.add_argument("--part", choices=("all", "dev", "test"), default="all")
    for command in (sampling, building):
        command.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
        command.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    try:
        if args.command == "sample":
            chosen = sample(args.shared, {"ASSAULT": args.assault, "PROTEST": args.protest}, args.slice)
            write_jsonl(args.out, chosen)
            print(f"{len(chosen)} sentences written to {args.out}")
        elif args.command == "merge":
            merged = merge(args.sample, args.votes)
            write_jsonl(args.out, merged)
            print(f"{len(merged)} sentences with {len(args.votes)} votes each written to {args.out}")
        else:
            counts = build(args.shared, args.annotations, args.out, args.part)
            print(f"gold written to {args.out}: {counts}")
    except (FileNotFoundError, ValueError) as problem:
        print(f"saudinewsnet_gold: {problem}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
