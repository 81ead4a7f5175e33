"""Small lexicon directories written into tmp_path, for the curation-tool tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

BASE_FILES = {
    "actors/countries.yaml": "countries:\n"
    "  - {code: SYR, name_en: Syria, names: [سوريا], adjectives: [سوري], capital: [دمشق]}\n"
    "  - {code: IRQ, name_en: Iraq, names: [العراق], adjectives: [عراقي], capital: [بغداد]}\n"
    "  - {code: LBN, name_en: Lebanon, names: [لبنان], adjectives: [لبناني], capital: [بيروت]}\n",
    "cues/syntax.yaml": "function_words: [في, من, إلى, على, أن, إن]\npreposition: [في, من, إلى, على]\n",
}


@pytest.fixture
def make_lexicon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[dict[str, str]], Path]:
    """Write the base files plus ``files`` (relative path → content) and return the directory."""
    monkeypatch.setenv("HADATH_CACHE_DIR", str(tmp_path / "cache"))

    def make(files: dict[str, str]) -> Path:
        root = tmp_path / "data"
        for relative, content in {**BASE_FILES, **files}.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
        return root

    return make
