"""Compiled automata: clitic-insensitive matching, noisy-alias filtering, the on-disk cache."""

from pathlib import Path

import pytest

from hadath.lexicon import compiled as compiled_module
from hadath.lexicon.compiled import CompiledLexicon, load_compiled
from hadath.lexicon.loader import load_lexicon
from hadath.text.normalize import normalize
from hadath.text.tokens import tokenize

CAMEO = "code,label,goldstein,quad_class,plover_type,plover_mode,plover_context,provenance\n195,Employ aerial weapons,-10.0,material_conflict,ASSAULT,,,t\n"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    files = {
        "ontology/cameo.csv": CAMEO,
        "actors/curated.yaml": "provenance: test\nactors:\n"
        "  - {id: rus-forces, name_en: Russian forces, codes: [RUSMIL], names: [قوة روسي]}\n"
        "  - {id: palau-like, name_en: Bad, codes: [PLW], names: [بالاو]}\n"
        "  - {id: jeddah-like, name_en: Jeddah, codes: [SAU], names: [جدة]}\n",
        "actors/imported.yaml": "provenance: 'oeda:test'\nactors:\n"
        "  - {id: noise, codes: [CHNGOV], names: [تهديد], provenance: 'oeda:x:1'}\n"
        "  - {id: name-ok, codes: [SYRGOV], names: [حميميم], provenance: 'oeda:x:2'}\n",
        "events/e.yaml": "provenance: test\nevents:\n  - {cameo: '195', triggers: [غارة], pos: noun}\n"
        "  - {cameo: '195', triggers: [قصف], pos: verb, provenance: 'oeda:x:3'}\n",
        "cues/c.yaml": "function_words: [أو, في, جدا]\nspeech: [قال]\n",
    }
    for relative, content in files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return tmp_path


def _matches(compiled: CompiledLexicon, text: str) -> list[tuple[str, str, str]]:
    _, tokens = tokenize(normalize(text))
    found = []
    for match in compiled.find(tokens):
        surface = text[tokens[match.first].start : tokens[match.last - 1].end]
        found.extend((surface, e.kind, e.ref) for e in match.entries)
    return found


def test_inflected_and_cliticised_forms_match_the_lemma(data_dir: Path):
    compiled = CompiledLexicon(load_lexicon(data_dir))
    found = _matches(compiled, "انسحبت والقوات الروسية من المدينة بعد الغارات")
    assert ("والقوات الروسية", "actor", "rus-forces") in found
    assert ("الغارات", "event", "0") in found


def test_noisy_aliases_are_left_out_and_reported(data_dir: Path):
    compiled = CompiledLexicon(load_lexicon(data_dir))
    dropped = {d.alias: d.reason for d in compiled.dropped}
    assert "تهديد" in dropped and "ordinary word" in dropped["تهديد"]  # imported common noun
    assert dropped.get("بالاو") == "function word"  # even curated: ب+ال+او keys to أو
    assert dropped.get("قصف", "").startswith("imported verb pattern")
    assert "حميميم" not in dropped
    assert not [m for m in _matches(compiled, "هذا تهديد أو ذاك") if m[1] == "actor"]
    assert ("حميميم", "actor", "name-ok") in _matches(compiled, "في حميميم")


def test_a_ta_marbuta_name_keyed_like_a_function_word_needs_its_ending(data_dir: Path):
    compiled = CompiledLexicon(load_lexicon(data_dir))
    assert "جدة" not in {d.alias for d in compiled.dropped}  # Jeddah keys like جدا (very)
    assert ("جدة", "actor", "jeddah-like") in _matches(compiled, "وصل إلى جدة")
    assert _matches(compiled, "كانت قوية جدا") == []


def test_cues_match_surface_forms_not_stems(data_dir: Path):
    compiled = CompiledLexicon(load_lexicon(data_dir))
    _, tokens = tokenize(normalize("وقال الوزير"))
    cues = [(m.first, e.ref) for m in compiled.find(tokens, surface=True) for e in m.entries]
    assert cues == [(0, "speech")]


def test_cache_is_written_and_reused(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("HADATH_CACHE_DIR", str(cache))
    monkeypatch.setattr(compiled_module, "_LOADED", {})
    first = load_compiled(data_dir)
    assert len(list(cache.glob("lexicon-*.pickle"))) == 1
    monkeypatch.setattr(compiled_module, "_LOADED", {})
    second = load_compiled(data_dir)
    assert second is not first and len(second.lexicon.actors) == len(first.lexicon.actors)
    # a change in any data file changes the key: the stale cache is not used
    (data_dir / "cues/c.yaml").write_text("function_words: [أو]\nspeech: [قال, أكد]\n", encoding="utf-8")
    monkeypatch.setattr(compiled_module, "_LOADED", {})
    third = load_compiled(data_dir)
    assert "أكد" in third.lexicon.cues["speech"]
    assert len(list(cache.glob("lexicon-*.pickle"))) == 2


def test_a_corrupt_cache_is_rebuilt(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("HADATH_CACHE_DIR", str(cache))
    monkeypatch.setattr(compiled_module, "_LOADED", {})
    load_compiled(data_dir)
    (cache_file,) = cache.glob("lexicon-*.pickle")
    cache_file.write_bytes(b"not a pickle")
    monkeypatch.setattr(compiled_module, "_LOADED", {})
    assert load_compiled(data_dir).lexicon.actors


def test_a_preposition_on_a_name_the_segmenter_does_not_know_is_split_off(data_dir: Path):
    # Farasa leaves "لداعش" whole (the word postdates its training text): the name would not match,
    # nor would the mention read as prepositional
    path = data_dir / "actors/curated.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "  - {id: isis, name_en: ISIS, codes: [IMG], names: [داعش]}\n",
        encoding="utf-8",
    )
    compiled = CompiledLexicon(load_lexicon(data_dir))
    text = "غارات على مواقع لداعش وبداعش ولبنان"
    normalized = normalize(text)
    _, tokens = tokenize(normalized)
    assert ("لداعش", "actor", "isis") not in _matches(compiled, text)
    compiled.split_missed_clitics(tokens, normalized.original)
    found = [
        (text[tokens[m.first].start : tokens[m.last - 1].end], e.ref)
        for m in compiled.find(tokens)
        for e in m.entries
    ]
    assert ("لداعش", "isis") in found and ("وبداعش", "isis") in found
    lam = next(t for t in tokens if t.norm == "لداعش")
    assert lam.prefixes == ("ل",) and lam.stem == "داعش"
    assert text[lam.body_start : lam.end] == "داعش"  # the mention's span starts after the preposition
    # a word that merely starts with ل or ب is left as it is
    assert next(t for t in tokens if t.norm == "ولبنان").stem != "بنان"


def test_a_conjunction_the_segmenter_misreads_on_a_trigger_is_split_off(data_dir: Path):
    # Farasa reads "واتهم" as وات + هم: the accusation would not match (the fixture has one CAMEO code)
    path = data_dir / "events/e.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "  - {cameo: '195', triggers: [اتهم], pos: verb}\n"
        "  - {cameo: '195', triggers: [دان], pos: verb}\n",
        encoding="utf-8",
    )
    compiled = CompiledLexicon(load_lexicon(data_dir))
    assert compiled.conjoined_triggers["واتهم"] == ("و", "اتهم", ())
    assert "فدان" not in compiled.conjoined_triggers  # an acre: a short trigger's conjoined form is a word
    text = "واتهم الوزير المعارضة"
    normalized = normalize(text)
    _, tokens = tokenize(normalized)
    compiled.split_missed_clitics(tokens, normalized.original)
    accusation = tokens[0]
    assert (accusation.prefixes, accusation.key) == (("و",), "اتهم")
    assert text[accusation.body_start : accusation.end] == "اتهم"  # the trigger's span after و
    assert any(e.ref for m in compiled.find(tokens) if m.first == 0 for e in m.entries if e.kind == "event")
