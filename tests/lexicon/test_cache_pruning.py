"""The on-disk cache keeps the few most recently used compiled lexicons, not one per data edit."""

from __future__ import annotations

import os
import time

from hadath.lexicon import compiled as compiled_module
from hadath.lexicon.compiled import KEPT_CACHE_FILES, load_compiled


def test_old_compiled_lexicons_are_pruned(make_lexicon, tmp_path, monkeypatch):
    root = make_lexicon({})
    cache = tmp_path / "cache"
    cache.mkdir(exist_ok=True)
    now = time.time()
    for age in range(6):
        stale = cache / f"lexicon-old{age}.pickle"
        stale.write_bytes(b"x")
        os.utime(stale, (now - 100 - age, now - 100 - age))
    monkeypatch.setattr(compiled_module, "_LOADED", {})
    load_compiled(root)
    left = sorted(p.name for p in cache.glob("lexicon-*.pickle"))
    assert len(left) == KEPT_CACHE_FILES
    assert {"lexicon-old0.pickle", "lexicon-old1.pickle", "lexicon-old2.pickle"} < set(left)
