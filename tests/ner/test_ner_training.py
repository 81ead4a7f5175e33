"""tools/train_ner.py on a tiny corpus in the ANERcorp layout, written for the test: the split, the files
it writes, and that training twice gives the same model."""

from __future__ import annotations

import json
from pathlib import Path

import train_ner

# made-up sentences in ANERcorp's format: no sentence breaks, IOB with PERS
SENTENCES = [
    ("قال الرئيس سمير حداد في بيروت .", "O O B-PERS I-PERS O B-LOC O"),
    ("وصل وزير الخارجية نادر سليم إلى عمان .", "O O O B-PERS I-PERS O B-LOC O"),
    ("أعلنت شركة النور للطاقة أرباحها .", "O B-ORG I-ORG I-ORG O O"),
    ("التقى سمير حداد وفدا من القاهرة .", "O B-PERS I-PERS O O B-LOC O"),
    ("قالت منظمة الأمل إن الوضع صعب .", "O B-ORG I-ORG O O O O"),
    ("زار نادر سليم مدينة دمشق .", "O B-PERS I-PERS O B-LOC O"),
    ("ارتفع سعر الدولار في بيروت .", "O O B-MISC O B-LOC O"),
    ("أكد حداد أن شركة النور ستبني مصنعا .", "O B-PERS O B-ORG I-ORG O O O"),
    ("عاد سليم إلى عمان أمس .", "O B-PERS O B-LOC O O"),
    ("تحدث الرئيس حداد في القاهرة .", "O O B-PERS O B-LOC O"),
]


def write_corpus(shared: Path) -> None:
    path = shared / train_ner.ANERCORP
    path.parent.mkdir(parents=True)
    lines = [
        f"{word} {label}"
        for text, labels in SENTENCES
        for word, label in zip(text.split(), labels.split(), strict=True)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def train(shared: Path, out: Path) -> list[str]:
    return [
        "--shared",
        str(shared),
        "--out",
        str(out / "ner.crfsuite"),
        "--first-pass",
        str(out / "first-pass.crfsuite"),
        "--metadata",
        str(out / "model.json"),
    ]


def test_training_writes_the_model_and_is_deterministic(tmp_path, capsys):
    shared = tmp_path / "shared"
    write_corpus(shared)
    first, second = tmp_path / "first", tmp_path / "second"
    assert train_ner.main(train(shared, first)) == 0
    assert train_ner.main(train(shared, second)) == 0
    for name in ("ner.crfsuite", "first-pass.crfsuite"):
        assert (first / name).read_bytes() == (second / name).read_bytes()
    metadata = json.loads((first / "model.json").read_text(encoding="utf-8"))
    assert metadata["feature_groups"] == list(train_ner.TUNED.feature_groups)
    assert metadata["document_window"] == train_ner.TUNED.document_window
    assert metadata["heldout"].startswith("last 2 sentences")  # 20 % of 10, by file order
    assert metadata["trained_on"]["aqmar"] == "not used"
    assert set(metadata["heldout_scores"]) >= {"per_type", "micro", "micro_per_loc_org"}
    assert "held-out:" in capsys.readouterr().out


def test_heldout_part_is_written_for_the_evaluator(tmp_path, capsys):
    shared = tmp_path / "shared"
    write_corpus(shared)
    heldout = tmp_path / "heldout.txt"
    assert train_ner.main(["--shared", str(shared), "--write-heldout", str(heldout)]) == 0
    blocks = heldout.read_text(encoding="utf-8").strip().split("\n\n")
    assert len(blocks) == 2
    assert blocks[0].splitlines()[:2] == ["عاد O", "سليم B-PER"]  # labels as the evaluator reads them
    assert blocks[1].splitlines()[0] == "تحدث O"


def test_missing_corpus_is_reported(tmp_path):
    assert train_ner.main(["--shared", str(tmp_path)]) == 2
