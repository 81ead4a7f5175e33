"""The command line on good and bad input: errors name the document and the cause, the batch goes on."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = "قال وزير الخارجية السوري إن الجيش السوري استعاد السيطرة على مدينة تدمر."


def hadath(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hadath.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def test_analyze_jsonl_output_one_line_per_document(tmp_path: Path):
    source = tmp_path / "docs.jsonl"
    source.write_text(
        json.dumps({"id": "a", "text": GOOD, "date": "2016-03-16"}, ensure_ascii=False)
        + "\n"
        + json.dumps({"id": "b", "text": GOOD}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    result = hadath("analyze", str(source), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["doc_id"] for d in lines] == ["a", "b"]
    assert lines[0]["date"] == "2016-03-16" and lines[1]["date"] is None


def test_bad_inputs_are_reported_and_good_ones_still_analysed(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (corpus / "latin1.txt").write_bytes("café crème".encode("latin-1"))
    (corpus / "broken.jsonl").write_text(
        json.dumps({"id": "ok1", "text": GOOD}, ensure_ascii=False)
        + "\n{not json\n"
        + json.dumps({"id": "ok2", "text": GOOD}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    (corpus / "dangling.txt").symlink_to(corpus / "missing-target.txt")
    result = hadath("analyze", str(corpus), "--format", "jsonl")
    assert result.returncode == 1  # some documents failed ...
    ids = [json.loads(line)["doc_id"] for line in result.stdout.splitlines()]
    assert sorted(ids) == ["good", "ok1", "ok2"]  # ... and every good one was analysed
    errors = result.stderr
    assert "empty.txt" in errors and "empty document" in errors
    assert "binary.txt" in errors and "binary" in errors
    assert "latin1.txt" in errors and "UTF-8" in errors
    assert "broken.jsonl:2" in errors and "invalid JSON" in errors
    assert "dangling.txt" in errors


def test_huge_single_line_is_refused_with_a_clear_error(tmp_path: Path):
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as handle:
        chunk = "كلمة " * 100_000
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(chunk)
    small = tmp_path / "small.txt"
    small.write_text(GOOD, encoding="utf-8")
    result = hadath("analyze", str(big), str(small), "--format", "jsonl")
    assert result.returncode == 1
    assert "big.txt" in result.stderr and "too large" in result.stderr
    assert [json.loads(x)["doc_id"] for x in result.stdout.splitlines()] == ["small"]


def test_stdin_and_table_format():
    result = hadath("analyze", "-", "--format", "table", "--date", "2016-03-16", stdin=GOOD)
    assert result.returncode == 0, result.stderr
    assert "stdin" in result.stdout and "── actors" in result.stdout


def test_bad_date_argument_is_a_usage_error():
    result = hadath("analyze", "-", "--date", "16/03/2016", stdin=GOOD)
    assert result.returncode == 2
    assert "16/03/2016" in result.stderr


@pytest.mark.parametrize("command", [["lexicon", "check"], ["schema"]])
def test_other_commands(command):
    result = hadath(*command)
    assert result.returncode == 0, result.stderr
