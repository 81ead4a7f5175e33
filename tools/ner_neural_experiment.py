"""Does a neural tagger beat the shipped CRF on ANERcorp? An experiment, not a shipped model.

    python tools/ner_neural_experiment.py prepare --shared ../shared --out .nn/anercorp.npz   # here (CPU)
    python3 tools/ner_neural_experiment.py train --data .nn/anercorp.npz --out DIR          # GPU, PyTorch

``prepare`` writes, for every sentence of ANERcorp's training portion, the first-pass CRF features of
each token (hadath.ner.features, the shipped groups) as ids, the characters of its normalised form and
its IOB2 label, with the split of tools/train_ner.py (last 20 % held out) and the screening split of
docs/evaluation.md §3 (the training part's first 2,590 sentences against its last 647). Feature and
character vocabularies come from the training part only (no labels are read for them); a feature seen
once there is dropped.

``train`` (needs PyTorch; run on the device machine) trains taggers that read those features through a
summed embedding, add a character CNN and a sentence encoder (BiLSTM or dilated CNN) under a CRF
layer. Settings are chosen on the screening split only; the chosen ones are then trained on the whole
training part and scored once on the held-out part, with the CoNLL span scorer of hadath.eval.ner
re-implemented here (the device machine has no Hadath install). Results go to DIR/results.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ANERCORP = Path("data/ner/anercorp-train/train.txt")
SCREENING_CUT = 2590
TYPES = ("PER", "LOC", "ORG", "MISC")
TAGS = ("O", *(f"{prefix}-{kind}" for kind in TYPES for prefix in ("B", "I")))


def prepare(shared: Path, out: Path) -> None:
    from hadath.lexicon.compiled import load_compiled
    from hadath.ner.features import FEATURE_GROUPS, FeatureExtractor, analyse_sentence
    from hadath.ner.iob import read_iob

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from train_ner import TUNED, split

    corpus = read_iob(shared / ANERCORP)
    training, heldout = split(corpus)
    sentences = training + heldout
    extractor = FeatureExtractor(load_compiled(), TUNED.feature_groups or FEATURE_GROUPS)
    words = [analyse_sentence(s.words) for s in sentences]
    features = [extractor.sentence(w) for w in words]
    counts = Counter(f for sentence in features[: len(training)] for token in sentence for f in token)
    vocabulary = {f: i + 1 for i, f in enumerate(sorted(f for f, c in counts.items() if c >= 2))}
    chars = Counter(ch for sentence in words[: len(training)] for w in sentence for ch in w.token.norm)
    char_ids = {ch: i + 2 for i, ch in enumerate(sorted(c for c, n in chars.items() if n >= 2))}  # 1: unknown
    flat_features: list[int] = []
    feature_offsets = [0]
    flat_chars: list[int] = []
    char_offsets = [0]
    labels: list[int] = []
    sentence_lengths: list[int] = []
    for sentence, sentence_words, sentence_features in zip(sentences, words, features, strict=True):
        sentence_lengths.append(len(sentence.words))
        for word, items, label in zip(sentence_words, sentence_features, sentence.labels, strict=True):
            flat_features.extend(vocabulary[f] for f in items if f in vocabulary)
            feature_offsets.append(len(flat_features))
            flat_chars.extend(char_ids.get(ch, 1) for ch in word.token.norm[:24] or "_")
            char_offsets.append(len(flat_chars))
            labels.append(TAGS.index(label) if label in TAGS else 0)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out,
        features=np.array(flat_features, dtype=np.int32),
        feature_offsets=np.array(feature_offsets, dtype=np.int64),
        chars=np.array(flat_chars, dtype=np.int16),
        char_offsets=np.array(char_offsets, dtype=np.int64),
        labels=np.array(labels, dtype=np.int8),
        sentence_lengths=np.array(sentence_lengths, dtype=np.int32),
        training_sentences=np.array(len(training)),
        feature_vocabulary=np.array(len(vocabulary) + 1),
        char_vocabulary=np.array(len(char_ids) + 2),
    )
    print(
        f"{len(sentences)} sentences ({len(training)} training), {len(labels)} tokens, "
        f"{len(vocabulary)} features, {len(char_ids)} characters -> {out}"
    )


def conll_spans(tags: list[int]) -> set[tuple[int, int, str]]:
    """Spans of an IOB2 sequence, the CoNLL way (an I- after O or another type opens a span)."""
    spans: set[tuple[int, int, str]] = set()
    start, kind = None, None
    for index, tag in enumerate([*tags, 0]):
        name = TAGS[tag]
        inside = name.startswith("I-") and kind == name[2:]
        if start is not None and not inside:
            spans.add((start, index, kind))
            start, kind = None, None
        if name != "O" and not inside:
            start, kind = index, name[2:]
    return spans


def score(gold: list[list[int]], predicted: list[list[int]]) -> dict[str, dict[str, float]]:
    counts = {kind: [0, 0, 0] for kind in (*TYPES, "micro")}  # true positives, found, gold
    for g, p in zip(gold, predicted, strict=True):
        gold_spans, found_spans = conll_spans(g), conll_spans(p)
        for kind in (*TYPES, "micro"):
            gs = {s for s in gold_spans if kind in ("micro", s[2])}
            fs = {s for s in found_spans if kind in ("micro", s[2])}
            counts[kind][0] += len(gs & fs)
            counts[kind][1] += len(fs)
            counts[kind][2] += len(gs)
    report = {}
    for kind, (tp, found, total) in counts.items():
        precision = tp / found if found else 0.0
        recall = tp / total if total else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        report[kind] = {"p": round(precision, 4), "r": round(recall, 4), "f1": round(f1, 4), "gold": total}
    return report


def train(data_path: Path, out: Path, budget_s: float, epochs: int, settings: int) -> None:
    import torch
    from torch import nn

    started = time.perf_counter()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    with np.load(data_path) as archive:
        data = {name: archive[name] for name in archive.files}  # an NpzFile decompresses on every access
    lengths = data["sentence_lengths"]
    token_starts = np.concatenate([[0], np.cumsum(lengths)])
    n_training = int(data["training_sentences"])
    feature_offsets, char_offsets = data["feature_offsets"], data["char_offsets"]

    def batch_of(sentence_ids: list[int]) -> dict[str, torch.Tensor]:
        width = max(int(lengths[i]) for i in sentence_ids)
        tokens = [list(range(token_starts[i], token_starts[i + 1])) for i in sentence_ids]
        max_features = max(int(feature_offsets[t + 1] - feature_offsets[t]) for ts in tokens for t in ts)
        max_chars = max(int(char_offsets[t + 1] - char_offsets[t]) for ts in tokens for t in ts)
        f = np.zeros((len(tokens), width, max_features), dtype=np.int64)
        c = np.zeros((len(tokens), width, max_chars), dtype=np.int64)
        y = np.zeros((len(tokens), width), dtype=np.int64)
        mask = np.zeros((len(tokens), width), dtype=bool)
        for row, ts in enumerate(tokens):
            for column, t in enumerate(ts):
                ids = data["features"][feature_offsets[t] : feature_offsets[t + 1]]
                f[row, column, : len(ids)] = ids
                cs = data["chars"][char_offsets[t] : char_offsets[t + 1]]
                c[row, column, : len(cs)] = cs
                y[row, column] = data["labels"][t]
                mask[row, column] = True
        return {
            name: torch.from_numpy(array).to(device)
            for name, array in (("f", f), ("c", c), ("y", y), ("mask", mask))
        }

    class Crf(nn.Module):
        def __init__(self, n_tags: int):
            super().__init__()
            self.transitions = nn.Parameter(torch.zeros(n_tags, n_tags))
            self.start = nn.Parameter(torch.zeros(n_tags))

        def nll(self, emissions: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            width = emissions.shape[1]
            score = self.start[tags[:, 0]] + emissions[:, 0].gather(1, tags[:, :1]).squeeze(1)
            alpha = self.start + emissions[:, 0]
            for i in range(1, width):
                on = mask[:, i]
                step = self.transitions[tags[:, i - 1], tags[:, i]] + emissions[:, i].gather(
                    1, tags[:, i : i + 1]
                ).squeeze(1)
                score = score + step * on
                new_alpha = torch.logsumexp(
                    alpha.unsqueeze(2) + self.transitions + emissions[:, i].unsqueeze(1), 1
                )
                alpha = torch.where(on.unsqueeze(1), new_alpha, alpha)
            return (torch.logsumexp(alpha, 1) - score).sum()

        def decode(self, emissions: torch.Tensor, mask: torch.Tensor) -> list[list[int]]:
            width = emissions.shape[1]
            best = self.start + emissions[:, 0]
            back = []
            for i in range(1, width):
                candidate = best.unsqueeze(2) + self.transitions
                value, index = candidate.max(1)
                new_best = value + emissions[:, i]
                on = mask[:, i].unsqueeze(1)
                best = torch.where(on, new_best, best)
                back.append(torch.where(on, index, torch.arange(best.shape[1], device=best.device)))
            last = best.argmax(1)
            paths = [last]
            for index in reversed(back):
                last = index.gather(1, last.unsqueeze(1)).squeeze(1)
                paths.append(last)
            paths.reverse()
            tags = torch.stack(paths, 1).tolist()
            sizes = mask.sum(1).tolist()
            return [row[:size] for row, size in zip(tags, sizes, strict=True)]

    class Tagger(nn.Module):
        def __init__(self, setting: dict):
            super().__init__()
            self.setting = setting
            dim = setting["feature_dim"]
            self.features = nn.EmbeddingBag(int(data["feature_vocabulary"]), dim, mode="sum", padding_idx=0)
            # a token has about 100 features: small vectors keep their sum near unit scale
            nn.init.normal_(self.features.weight, std=0.1)
            with torch.no_grad():
                self.features.weight[0].zero_()
            self.char_embedding = nn.Embedding(int(data["char_vocabulary"]), 32, padding_idx=0)
            self.char_cnn = nn.Conv1d(32, 64, 3, padding=1)
            size = dim + 64
            self.dropout = nn.Dropout(setting["dropout"])
            if setting["encoder"] == "lstm":
                self.encoder = nn.LSTM(size, setting["hidden"], batch_first=True, bidirectional=True)
                out_size = 2 * setting["hidden"]
            elif setting["encoder"] == "cnn":
                layers = []
                width = size
                for dilation in (1, 2, 1):
                    layers += [
                        nn.Conv1d(width, setting["hidden"], 3, padding=dilation, dilation=dilation),
                        nn.ReLU(),
                    ]
                    width = setting["hidden"]
                self.encoder = nn.Sequential(*layers)
                out_size = setting["hidden"]
            else:
                self.encoder = None
                out_size = size
            self.output = nn.Linear(out_size, len(TAGS))
            self.crf = Crf(len(TAGS))

        def emissions(self, batch: dict[str, torch.Tensor]) -> torch.Tensor:
            f = batch["f"]
            b, w, k = f.shape
            x = self.features(f.view(b * w, k)).view(b, w, -1)
            c = batch["c"]
            ce = self.char_embedding(c.view(b * w, -1)).transpose(1, 2)
            ch = torch.relu(self.char_cnn(ce)).max(2).values.view(b, w, -1)
            h = self.dropout(torch.cat([x, ch], 2))
            if self.setting["encoder"] == "lstm":
                h, _ = self.encoder(h)
            elif self.setting["encoder"] == "cnn":
                h = self.encoder(h.transpose(1, 2)).transpose(1, 2)
            return self.output(self.dropout(h))

    def batches(sentence_ids: list[int], size: int) -> list[list[int]]:
        ordered = sorted(sentence_ids, key=lambda i: lengths[i])  # similar lengths together
        return [ordered[i : i + size] for i in range(0, len(ordered), size)]

    def gold_of(sentence_ids: list[int]) -> list[list[int]]:
        return [list(data["labels"][token_starts[i] : token_starts[i + 1]]) for i in sentence_ids]

    def run(setting: dict, train_ids: list[int], eval_ids: list[int], epochs: int, seed: int) -> tuple:
        torch.manual_seed(seed)
        rng = np.random.default_rng(seed)
        model = Tagger(setting).to(device)
        optimiser = torch.optim.Adam(model.parameters(), lr=setting["lr"], weight_decay=0.0)
        eval_batches = [batch_of(b) for b in batches(eval_ids, 128)]
        eval_order = [i for b in batches(eval_ids, 128) for i in b]
        gold = gold_of(eval_order)
        train_batches = [batch_of(b) for b in batches(train_ids, setting["batch"])]
        history = []
        for _ in range(epochs):
            model.train()
            for index in rng.permutation(len(train_batches)):
                batch = train_batches[index]
                loss = model.crf.nll(model.emissions(batch), batch["y"], batch["mask"]) / batch["mask"].sum()
                optimiser.zero_grad()
                loss.backward()
                nn.utils.clip_grad_norm_(model.parameters(), 5.0)
                optimiser.step()
            model.eval()
            with torch.no_grad():
                predicted = [p for b in eval_batches for p in model.crf.decode(model.emissions(b), b["mask"])]
            history.append(score(gold, predicted)["micro"]["f1"])
        return history, score(gold, predicted), model

    training_ids = list(range(n_training))
    screening_train, screening_eval = training_ids[:SCREENING_CUT], training_ids[SCREENING_CUT:]
    heldout_ids = list(range(n_training, len(lengths)))
    base = {"feature_dim": 128, "hidden": 128, "dropout": 0.5, "lr": 2e-3, "batch": 32, "encoder": "lstm"}
    grid = [
        dict(base),
        dict(base, encoder="cnn", hidden=256),
        dict(base, encoder="none"),
        dict(base, feature_dim=256, hidden=200),
        dict(base, dropout=0.3),
    ]
    results: dict[str, object] = {"device": str(device), "grid": []}
    for setting in grid[:settings]:
        if time.perf_counter() - started > budget_s * 0.6:
            break
        t = time.perf_counter()
        history, report, _ = run(setting, screening_train, screening_eval, epochs, seed=1)
        entry = {
            "setting": setting,
            "history": history,
            "best_epoch": int(np.argmax(history)) + 1,
            "last": report,
            "seconds": round(time.perf_counter() - t, 1),
        }
        results["grid"].append(entry)
        print(json.dumps(entry), flush=True)
        out.mkdir(parents=True, exist_ok=True)
        (out / "results.json").write_text(json.dumps(results, indent=1))
    # the best setting by its mean F1 over the last 5 epochs (no early stopping on the held-out part)
    chosen = max(results["grid"], key=lambda e: float(np.mean(e["history"][-5:])))
    final = []
    for seed in (1, 2, 3):
        if time.perf_counter() - started > budget_s * 0.9:
            break
        history, report, _ = run(chosen["setting"], training_ids, heldout_ids, epochs, seed)
        final.append({"seed": seed, "heldout": report, "history": history})
        print(json.dumps(final[-1]), flush=True)
    results["chosen"] = chosen["setting"]
    results["heldout"] = final
    results["seconds"] = round(time.perf_counter() - started)
    (out / "results.json").write_text(json.dumps(results, indent=1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("prepare")
    p.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    p.add_argument("--out", type=Path, required=True)
    t = commands.add_parser("train")
    t.add_argument("--data", type=Path, required=True)
    t.add_argument("--out", type=Path, required=True)
    t.add_argument("--budget", type=float, default=420.0, help="seconds")
    t.add_argument("--epochs", type=int, default=20)
    t.add_argument("--settings", type=int, default=5, help="how many settings of the grid to screen")
    args = parser.parse_args(argv)
    if args.command == "prepare":
        prepare(args.shared, args.out)
    else:
        train(args.data, args.out, args.budget, args.epochs, args.settings)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
