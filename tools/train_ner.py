"""Train the NER model (hadath/data/models/ner.crfsuite, hadath/data/ner/first-pass.crfsuite, model.json).

    python tools/train_ner.py [--shared ../shared]            # train with the tuned settings (TUNED)
    python tools/train_ner.py --tune [--round 2] [--folds 4] [--jobs 2]  # re-run a tuning round first
    python tools/train_ner.py --eval-only                     # score the shipped model on the held-out part
    python tools/train_ner.py --write-heldout /tmp/heldout.txt  # then: hadath eval ner /tmp/heldout.txt

Data (../shared/data/ner): ANERcorp's training portion, and optionally AQMAR (Wikipedia; its
article-specific MIS0-MIS3 classes are not ANERcorp's MISC, so they become O). NewsFANE is never read:
it re-annotates the text of the ANERcorp test split.

Word clusters (hadath/data/ner/clusters.tsv, the ``clusters`` feature group) are computed once by
tools/ner_clusters.py from unlabelled text that is not ANERcorp; training reads them as it reads the
lexicon.

Split: the sentences of ANERcorp-train in file (document) order; the last 20 % are held out, never used
for training or tuning. Tuning (feature groups, L1/L2 coefficients, the second pass, AQMAR) is a grid
scored by k-fold cross-validation on the first 80 % only, with contiguous folds so that the sentences
of one article stay together (``tuning_grid`` holds the grids of both rounds, docs/evaluation.md their
tables); the choice is the best micro F1 over all types. The shipped model is
trained on the whole first 80 % with the choice recorded in TUNED, so the held-out figures are those of
the shipped files. The second pass (stacking) is trained on first-pass labels that come from models
which did not see the sentence (jackknife over contiguous parts). CRFsuite's L-BFGS is deterministic:
the same data and settings give the same files.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import pycrfsuite

from hadath.eval.ner import NerReport, SpanCounts, evaluate_corpus, score
from hadath.lexicon.compiled import load_compiled
from hadath.ner.features import FEATURE_GROUPS, FeatureExtractor, Word, analyse_sentence, document_features
from hadath.ner.iob import IobCorpus, IobSentence, keep_types, read_iob
from hadath.ner.model import FIRST_PASS_PATH, METADATA_PATH, MODEL_PATH, NerTagger

ROOT = Path(__file__).resolve().parents[1]
ANERCORP = Path("data/ner/anercorp-train/train.txt")
AQMAR = Path("data/ner/aqmar/AQMAR_Arabic_NER_corpus-1.0.txt")
HELDOUT_FRACTION = 0.2
# L-BFGS stopped at 150 iterations scored as well as 300 on a split of the training part, in half the time
MAX_ITERATIONS = 150
JACKKNIFE_PARTS = 3
AQMAR_TYPES = ("PER", "LOC", "ORG")


@dataclass(frozen=True, slots=True)
class Setting:
    feature_groups: tuple[str, ...]
    c1: float
    c2: float
    document_window: int = 0  # sentences each side for the second pass; 0: one pass
    aqmar: bool = False

    def label(self) -> str:
        groups = "+".join(self.feature_groups) or "base"
        second = f" 2nd-pass±{self.document_window}" if self.document_window else ""
        return f"{groups} c1={self.c1} c2={self.c2}{second}{' +AQMAR' if self.aqmar else ''}"


# chosen by `--tune` (cross-validation on the training part; the tables are in docs/evaluation.md)
TUNED = Setting(FEATURE_GROUPS, c1=0.02, c2=0.1, document_window=10)


WITHOUT_CLUSTERS = tuple(g for g in FEATURE_GROUPS if g != "clusters")


def tuning_grid(round_number: int = 2) -> list[Setting]:
    """The settings of a tuning round (docs/evaluation.md has the tables of both).

    Round 1: regularisation on the feature groups of the time, each group left out, the second pass,
    AQMAR. Round 2: its choice (two passes), with and without word clusters, at its coefficients and at
    less L1 and more L2 (the better second pass on a split of the training part).
    """
    if round_number == 1:
        groups = WITHOUT_CLUSTERS
        grid = [Setting(groups, c1, c2) for c1, c2 in ((0.02, 0.02), (0.05, 0.05), (0.2, 0.01))]
        grid += [Setting(tuple(g for g in groups if g != left_out), 0.05, 0.05) for left_out in groups]
        grid.append(Setting(groups, 0.05, 0.05, document_window=10))
        grid.append(Setting(groups, 0.05, 0.05, aqmar=True))
        return grid
    return [
        Setting(groups, c1, c2, document_window=10)
        for groups in (WITHOUT_CLUSTERS, FEATURE_GROUPS)
        for c1, c2 in ((0.05, 0.05), (0.02, 0.1))
    ]


def split(corpus: IobCorpus) -> tuple[list[IobSentence], list[IobSentence]]:
    """(training part, held-out part): the last HELDOUT_FRACTION of the sentences is held out."""
    cut = round(len(corpus.sentences) * (1 - HELDOUT_FRACTION))
    return corpus.sentences[:cut], corpus.sentences[cut:]


@dataclass(slots=True)
class Block:
    """Consecutive sentences (a run of documents), analysed once, with features per group set."""

    words: list[list[Word]]
    labels: list[list[str]]
    features: dict[tuple[str, ...], list[list[list[str]]]]

    @classmethod
    def of(cls, sentences: Sequence[IobSentence], types: Sequence[str] | None = None) -> Block:
        labels = [keep_types(s.labels, types) if types else s.labels for s in sentences]
        return cls([analyse_sentence(s.words) for s in sentences], labels, {})

    def features_for(self, groups: tuple[str, ...]) -> list[list[list[str]]]:
        if groups not in self.features:
            extractor = FeatureExtractor(load_compiled(), groups)
            self.features[groups] = [extractor.sentence(words) for words in self.words]
        return self.features[groups]

    def part(self, start: int, end: int) -> Block:
        return Block(
            self.words[start:end],
            self.labels[start:end],
            {groups: features[start:end] for groups, features in self.features.items()},
        )


def train_crf(
    features: Sequence[list[list[str]]], labels: Sequence[list[str]], setting: Setting, path: Path
) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence_features, sentence_labels in zip(features, labels, strict=True):
        trainer.append(sentence_features, sentence_labels)
    trainer.set_params(
        {
            "c1": setting.c1,
            "c2": setting.c2,
            "max_iterations": MAX_ITERATIONS,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(path))


def tag_crf(path: Path, features: Sequence[list[list[str]]]) -> list[list[str]]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return [list(tagger.tag(items)) if items else [] for items in features]


def with_document_features(
    block: Block, groups: tuple[str, ...], first_pass: list[list[str]], window: int
) -> list[list[list[str]]]:
    extra = document_features(block.words, first_pass, window)
    return [
        [base + added for base, added in zip(sentence, more, strict=True)]
        for sentence, more in zip(block.features_for(groups), extra, strict=True)
    ]


def train_system(blocks: Sequence[Block], setting: Setting, model_path: Path, first_pass_path: Path) -> None:
    """Train the model (and, for two passes, the first-pass model) on ``blocks``."""
    groups = setting.feature_groups
    features = [f for block in blocks for f in block.features_for(groups)]
    labels = [labels for block in blocks for labels in block.labels]
    if not setting.document_window:
        train_crf(features, labels, setting, model_path)
        return
    train_crf(features, labels, setting, first_pass_path)
    # first-pass labels for the training sentences from models that did not see them
    jackknifed: list[list[str]] = []
    with tempfile.TemporaryDirectory() as directory:
        part_path = Path(directory) / "part.crfsuite"
        for part in range(JACKKNIFE_PARTS):
            start, end = (
                len(features) * part // JACKKNIFE_PARTS,
                len(features) * (part + 1) // JACKKNIFE_PARTS,
            )
            train_crf(features[:start] + features[end:], labels[:start] + labels[end:], setting, part_path)
            jackknifed += tag_crf(part_path, features[start:end])
    second: list[list[list[str]]] = []
    position = 0
    for block in blocks:
        first_pass = jackknifed[position : position + len(block.words)]
        second += with_document_features(block, groups, first_pass, setting.document_window)
        position += len(block.words)
    train_crf(second, labels, setting, model_path)


def tag_system(block: Block, setting: Setting, model_path: Path, first_pass_path: Path) -> list[list[str]]:
    features = block.features_for(setting.feature_groups)
    if not setting.document_window:
        return tag_crf(model_path, features)
    first_pass = tag_crf(first_pass_path, features)
    return tag_crf(
        model_path, with_document_features(block, setting.feature_groups, first_pass, setting.document_window)
    )


@dataclass(slots=True)
class _CrossValidation:
    settings: list[Setting]
    training: Block
    aqmar: Block | None
    folds: int


# set before the worker processes fork, so that the features are shared with them, not pickled
_CV: _CrossValidation | None = None


def _fold_counts(job: tuple[int, int]) -> dict[str, dict[str, int]]:
    assert _CV is not None
    setting_index, fold = job
    setting, training = _CV.settings[setting_index], _CV.training
    size = len(training.words)
    start, end = size * fold // _CV.folds, size * (fold + 1) // _CV.folds
    blocks = [b for b in (training.part(0, start), training.part(end, size)) if b.words]
    if setting.aqmar and _CV.aqmar is not None:
        blocks.append(_CV.aqmar)
    test = training.part(start, end)
    with tempfile.TemporaryDirectory() as directory:
        model_path, first_pass_path = Path(directory) / "model", Path(directory) / "first"
        train_system(blocks, setting, model_path, first_pass_path)
        predicted = tag_system(test, setting, model_path, first_pass_path)
    report = score(test.labels, predicted)
    return {t: {"tp": c.tp, "fp": c.fp, "fn": c.fn} for t, c in report.by_type.items()}


def cross_validate(
    training: Block, aqmar: Block | None, settings: list[Setting], folds: int, jobs: int
) -> list[dict[str, object]]:
    """Per-type and micro scores of each setting, counts pooled over contiguous folds."""
    for setting in settings:  # features computed once, before the workers fork
        training.features_for(setting.feature_groups)
        if setting.aqmar and aqmar is not None:
            aqmar.features_for(setting.feature_groups)
    global _CV
    _CV = _CrossValidation(settings, training, aqmar, folds)
    work = [(index, fold) for index in range(len(settings)) for fold in range(folds)]
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            counts = list(pool.map(_fold_counts, work))
    else:
        counts = [_fold_counts(job) for job in work]
    results = []
    for index, setting in enumerate(settings):
        pooled = NerReport()
        for fold_counts in counts[index * folds : (index + 1) * folds]:
            for entity_type, numbers in fold_counts.items():
                pooled.by_type.setdefault(entity_type, SpanCounts()).add(SpanCounts(**numbers))
        results.append({"setting": asdict(setting), "label": setting.label(), **pooled.summary()})
        print(f"  {setting.label():70} micro F1 {pooled.micro().f1:.4f}", file=sys.stderr, flush=True)
    return results


def write_iob(sentences: Sequence[IobSentence], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for sentence in sentences:
            handle.writelines(f"{w} {tag}\n" for w, tag in zip(sentence.words, sentence.labels, strict=True))
            handle.write("\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--tune", action="store_true", help="choose the settings by cross-validation first")
    parser.add_argument("--round", type=int, choices=(1, 2), default=2, help="which tuning grid --tune runs")
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--jobs", type=int, default=1, help="parallel trainings during --tune")
    parser.add_argument(
        "--eval-only", action="store_true", help="score the shipped model on the held-out part"
    )
    parser.add_argument("--write-heldout", type=Path, help="write the held-out part as an IOB file and stop")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--first-pass", type=Path, default=FIRST_PASS_PATH)
    parser.add_argument("--metadata", type=Path, default=METADATA_PATH)
    args = parser.parse_args(argv)
    anercorp_path = args.shared / ANERCORP
    if not anercorp_path.is_file():
        print(f"ANERcorp training portion not found at {anercorp_path}", file=sys.stderr)
        return 2
    anercorp = read_iob(anercorp_path)
    training_sentences, heldout_sentences = split(anercorp)
    heldout = IobCorpus(heldout_sentences)
    if args.write_heldout:
        write_iob(heldout_sentences, args.write_heldout)
        print(f"{len(heldout_sentences)} held-out sentences written to {args.write_heldout}")
        return 0
    if args.eval_only:
        report = evaluate_corpus(heldout, NerTagger(args.out, args.metadata, args.first_pass))
        print("\n".join(report.lines()))
        print(json.dumps(report.summary(), ensure_ascii=False))
        return 0

    training = Block.of(training_sentences)
    aqmar_path = args.shared / AQMAR
    aqmar = Block.of(read_iob(aqmar_path).sentences, AQMAR_TYPES) if aqmar_path.is_file() else None
    setting = TUNED
    tuning: dict[str, object] = {}
    if args.tune:
        started = time.perf_counter()
        grid = [s for s in tuning_grid(args.round) if aqmar or not s.aqmar]
        print(f"cross-validating {len(grid)} settings x {args.folds} folds", file=sys.stderr)
        results = cross_validate(training, aqmar, grid, args.folds, args.jobs)
        best = max(range(len(grid)), key=lambda i: results[i]["micro"]["f1"])  # type: ignore[index]
        setting = grid[best]
        tuning = {
            "round": args.round,
            "folds": args.folds,
            "seconds": round(time.perf_counter() - started),
            "grid": results,
        }
    elif args.metadata.exists():
        # keep the record of the cross-validation that chose TUNED
        tuning = json.loads(args.metadata.read_text(encoding="utf-8")).get("tuning", {})

    started = time.perf_counter()
    blocks = [training]
    if setting.aqmar:
        if aqmar is None:
            print(f"AQMAR not found at {aqmar_path}", file=sys.stderr)
            return 2
        blocks.append(aqmar)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.first_pass.parent.mkdir(parents=True, exist_ok=True)
    train_system(blocks, setting, args.out, args.first_pass)
    if not setting.document_window:
        args.first_pass.unlink(missing_ok=True)  # a one-pass model has none; a stale one must not linger
    training_seconds = time.perf_counter() - started

    metadata: dict[str, object] = {
        "description": "Hadath NER: linear-chain CRF (CRFsuite, L-BFGS) over hadath.ner.features",
        "types": ["PER", "LOC", "ORG", "MISC"],
        "feature_groups": list(setting.feature_groups),
        "document_window": setting.document_window,
        "hyperparameters": {"c1": setting.c1, "c2": setting.c2, "max_iterations": MAX_ITERATIONS},
        "trained_on": {
            "anercorp_train": f"first {len(training_sentences)} of {len(anercorp.sentences)} sentences "
            f"({sum(len(s.words) for s in training_sentences)} tokens) of ../shared/{ANERCORP}",
            "aqmar": f"all of ../shared/{AQMAR} (MIS0-3 as O)" if setting.aqmar else "not used",
        },
        "word_clusters": "hadath/data/ner/clusters.tsv (tools/ner_clusters.py: unlabelled Wojood sample, "
        "ANS and PLOVER GSR text; no ANERcorp)"
        if "clusters" in setting.feature_groups
        else "not used",
        "heldout": f"last {len(heldout_sentences)} sentences ({heldout.tokens} tokens) "
        f"of ../shared/{ANERCORP}",
        "training_seconds": round(training_seconds),
        "tuning": tuning,
    }
    args.metadata.parent.mkdir(parents=True, exist_ok=True)
    args.metadata.write_text(json.dumps(metadata, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    report = evaluate_corpus(heldout, NerTagger(args.out, args.metadata, args.first_pass))
    metadata["heldout_scores"] = report.summary()
    args.metadata.write_text(json.dumps(metadata, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"setting: {setting.label()}; trained in {training_seconds:.0f} s")
    print("held-out:")
    print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
