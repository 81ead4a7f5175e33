"""The lexicon measured on a corpus: which aliases fire too often, and which names it does not know.

Both measurements read the corpus the way analysis does (normalisation, clitic segmentation, the
compiled automata over match keys), so what is counted is what fires.

**Noisy aliases.** A one-word alias of a named actor, place or country is *noisy* when it fires at
least ``min_per_million`` times per million corpus tokens **and** at least ``min_unnamelike_share`` of
its hits are in a form that a name does not take: with a pronoun or verb ending (قاعدته، أملها), with
the article when every spelling of the alias has none or without it when every spelling has it
(خمس for الخمس), or with an ending that no spelling has (العقوبات for a place عقوبة). A name keeps its
form; a common word is inflected, so the share separates the two on the corpus itself, where word lists
cannot (Farasa's general vocabulary lists most place names too). Keys shared with a nisba or a demonym
(سوري، السوريون) are inflected by design and judged on pronoun and verb endings only. Multi-word aliases
are specific enough not to be measured; aliases inside a longer name are not counted (that longer name
is what the mention resolves to).

**Unknown names.** Name-like spans that the lexicon does not resolve: the words after a trigger of
data/curation/name_triggers.yaml (a title announces a person, a head noun in construct state a place or
a group; the trigger's article must be as written there, since "المدينة" is followed by an adjective and
"مدينة" by a name), after a role phrase or a name-pattern head of the lexicon, past any country
adjective ("الرئيس الغاني X"); and repeated runs of two to four name-like words starting without the
article (فرنسوا هولاند; two definite words in a row are a noun and its adjective). A word is name-like
when it is Arabic, not a function word or cue, carries no conjunction, preposition, pronoun or
sound-plural ending, and neither it, its stem, nor (for an imperfect verb) its past form is a common
word (:func:`~hadath.lexicon.compiled.is_common_word`).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from hadath.io.readers import read_documents
from hadath.lexicon.compiled import (
    NAME_ENDINGS,
    CompiledLexicon,
    Entry,
    Match,
    farasa_lists,
    is_common_word,
    phrase_tokens,
    stem_key,
)
from hadath.lexicon.loader import DATA_DIR, LexiconError
from hadath.schema import Document
from hadath.text.normalize import normalize
from hadath.text.tokens import Token, tokenize

NAME_KINDS = frozenset({"actor", "place", "country", "capital"})
# kinds whose words are known to the lexicon: an unknown name is never inside one of them
_KNOWN_KINDS = NAME_KINDS | {"people", "adjective", "agent", "role", "name_head"}
_MODIFIER_KINDS = frozenset({"adjective", "country"})  # "الرئيس الغاني X": skipped before the name
_CLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "س"})
_MAX_NAME_WORDS = 4
# a sound plural (مذكرات، المسؤولين) is a common noun or adjective; an unknown name rarely is one
_SINGULAR_NAME_ENDINGS = NAME_ENDINGS - {"ات", "ين", "ون"}
_IMPERFECT_PREFIXES = frozenset("يتن")
_CONTEXT_CHARS = 50


@dataclass(slots=True)
class CorpusStats:
    documents: int = 0
    tokens: int = 0
    unreadable: int = 0  # records the readers reported as errors


def corpus_sentences(
    paths: Sequence[str | os.PathLike[str]], compiled: CompiledLexicon, limit: int, stats: CorpusStats
) -> Iterator[tuple[Document, list[Token], list[Match]]]:
    """Each sentence of the first ``limit`` documents (0: all) with its stem matches."""
    for item in read_documents(paths):
        if not isinstance(item, Document):
            stats.unreadable += 1
            continue
        if limit and stats.documents >= limit:
            return
        stats.documents += 1
        normalized = normalize(item.text)
        sentences, tokens = tokenize(normalized)
        stats.tokens += len(tokens)
        for sentence in sentences:
            sentence_tokens = tokens[sentence.first_token : sentence.last_token]
            compiled.split_missed_clitics(sentence_tokens, normalized.original)  # as the pipeline matches
            yield item, sentence_tokens, compiled.find(sentence_tokens)


def _maximal(matches: list[Match], kinds: frozenset[str]) -> list[Match]:
    """Matches with an entry of ``kinds`` that no longer such match contains."""
    relevant = [m for m in matches if any(e.kind in kinds for e in m.entries)]
    return [
        m
        for m in relevant
        if not any(
            o is not m and o.first <= m.first and m.last <= o.last and o.last - o.first > m.last - m.first
            for o in relevant
        )
    ]


# ------------------------------------------------------------------------------------- noisy aliases


# the form of a word that tells a name from a common word: whether it has the article, and its endings
WordForm = tuple[bool, tuple[str, ...]]


def word_form(token: Token) -> WordForm:
    return "ال" in token.prefixes, token.suffixes


@dataclass(slots=True)
class AliasFrequency:
    key: str  # the match key of the one-word alias
    hits: int
    forms: Counter[WordForm]  # how the hits were written
    entries: tuple[Entry, ...]
    per_million: float = 0.0
    aliases: tuple[str, ...] = ()  # the lexicon spellings with this key
    unnamelike_share: float = 0.0  # share of hits in a form a name does not take

    @property
    def name_entries(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.kind in NAME_KINDS)


@dataclass(slots=True)
class AliasReport:
    stats: CorpusStats
    frequencies: list[AliasFrequency] = field(default_factory=list)  # most frequent first
    noisy: list[AliasFrequency] = field(default_factory=list)  # most frequent first


def measure_aliases(
    compiled: CompiledLexicon,
    paths: Sequence[str | os.PathLike[str]],
    limit: int = 0,
    min_per_million: float = 30.0,
    min_unnamelike_share: float = 0.25,
) -> AliasReport:
    """Count every one-word name alias on the corpus and flag the noisy ones (module docstring)."""
    stats = CorpusStats()
    forms: dict[str, Counter[WordForm]] = {}
    entries_of: dict[str, tuple[Entry, ...]] = {}
    for _, tokens, matches in corpus_sentences(paths, compiled, limit, stats):
        offset = tokens[0].index if tokens else 0
        for match in _maximal(matches, _KNOWN_KINDS):
            if match.last - match.first != 1 or not any(e.kind in NAME_KINDS for e in match.entries):
                continue
            token = tokens[match.first - offset]
            key = stem_key(token)
            forms.setdefault(key, Counter())[word_form(token)] += 1
            entries_of[key] = match.entries
    report = AliasReport(stats)
    by_frequency = sorted(forms.items(), key=lambda item: (-item[1].total(), item[0]))
    for key, key_forms in by_frequency:
        frequency = AliasFrequency(key, key_forms.total(), key_forms, entries_of[key])
        frequency.per_million = 1e6 * frequency.hits / max(stats.tokens, 1)
        report.frequencies.append(frequency)
        if frequency.per_million < min_per_million:
            continue
        frequency.aliases = _aliases_with_key(compiled, frequency)
        frequency.unnamelike_share = _unnamelike_share(frequency)
        if frequency.unnamelike_share >= min_unnamelike_share:
            report.noisy.append(frequency)
    return report


def _unnamelike_share(frequency: AliasFrequency) -> float:
    alias_forms = {word_form(phrase_tokens(alias)[0]) for alias in frequency.aliases}
    articles = {article for article, _ in alias_forms}
    endings = {suffixes for _, suffixes in alias_forms}
    # a nisba or demonym shares the key: its inflected forms are the adjective, not a misread name
    inflected_by_design = any(e.kind in ("adjective", "people") for e in frequency.entries)

    def unnamelike(form: WordForm) -> bool:
        article, suffixes = form
        if any(s not in NAME_ENDINGS for s in suffixes):
            return True
        if inflected_by_design or not alias_forms:
            return False
        return (len(articles) == 1 and article not in articles) or suffixes not in endings

    return sum(n for form, n in frequency.forms.items() if unnamelike(form)) / frequency.hits


def _aliases_with_key(compiled: CompiledLexicon, frequency: AliasFrequency) -> tuple[str, ...]:
    names = [n for e in frequency.name_entries for n in _entry_names(compiled, e)]
    return tuple(
        n for n in dict.fromkeys(names) if [stem_key(t) for t in phrase_tokens(n)] == [frequency.key]
    )


def _entry_names(compiled: CompiledLexicon, entry: Entry) -> tuple[str, ...]:
    lexicon = compiled.lexicon
    if entry.kind == "actor":
        return lexicon.actors[entry.ref].names
    if entry.kind == "place":
        return lexicon.places[entry.ref].names
    country = lexicon.countries[entry.ref]
    return country.capital if entry.kind == "capital" else country.names


def entry_origin(compiled: CompiledLexicon, entry: Entry) -> str:
    """``kind:ref (file:line)`` of a name entry."""
    lexicon = compiled.lexicon
    if entry.kind == "actor":
        origin = lexicon.actors[entry.ref].origin
    elif entry.kind == "place":
        origin = lexicon.places[entry.ref].origin
    else:
        origin = lexicon.countries[entry.ref].origin
    return f"{entry.kind}:{entry.ref} ({origin})"


# ------------------------------------------------------------------------------------- unknown names

TRIGGERS_FILE = Path("curation") / "name_triggers.yaml"
TRIGGER_KINDS = ("person", "place", "group")


@dataclass(slots=True)
class UnknownName:
    words: tuple[str, ...]  # match keys of the span, what the counts are grouped by
    count: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    surfaces: Counter[str] = field(default_factory=Counter)
    triggers: Counter[str] = field(default_factory=Counter)
    example: str = ""  # document id and the text around the first occurrence


@dataclass(frozen=True, slots=True)
class Trigger:
    kind: str  # person | place | group: what the name after it is
    definite: bool  # whether its first word is written with the article (it must be so in the text)


def load_name_triggers(data_dir: Path = DATA_DIR) -> dict[tuple[str, ...], Trigger]:
    """The trigger phrases of data/curation/name_triggers.yaml, by their match keys."""
    path = data_dir / TRIGGERS_FILE
    with path.open(encoding="utf-8") as handle:
        content = yaml.safe_load(handle)
    problems = []
    triggers: dict[tuple[str, ...], Trigger] = {}
    for kind, phrases in (content or {}).get("triggers", {}).items():
        if kind not in TRIGGER_KINDS or not isinstance(phrases, list):
            problems.append(
                f"{TRIGGERS_FILE}: '{kind}' must be one of {TRIGGER_KINDS} with a list of phrases"
            )
            continue
        for phrase in phrases:
            tokens = phrase_tokens(str(phrase))
            if tokens:
                keys = tuple(stem_key(t) for t in tokens)
                triggers.setdefault(keys, Trigger(kind, "ال" in tokens[0].prefixes))
    if problems or not triggers:
        raise LexiconError(problems or [f"{TRIGGERS_FILE}: no triggers"])
    return triggers


def find_unknown_names(
    compiled: CompiledLexicon,
    paths: Sequence[str | os.PathLike[str]],
    triggers: dict[tuple[str, ...], Trigger],
    limit: int = 0,
    min_count: int = 2,
) -> tuple[list[UnknownName], CorpusStats]:
    """Unresolved name-like spans seen at least ``min_count`` times, most frequent first."""
    stats = CorpusStats()
    found: dict[tuple[str, ...], UnknownName] = {}
    trigger_lengths = sorted({len(k) for k in triggers}, reverse=True)
    for document, tokens, matches in corpus_sentences(paths, compiled, limit, stats):
        offset = tokens[0].index if tokens else 0
        # function words and discourse cues (فيما، عندما) are never part of a name
        cues = {i - offset for m in compiled.find(tokens, surface=True) for i in range(m.first, m.last)}
        known = _covered(matches, _KNOWN_KINDS, offset) | cues
        modifiers = _covered(matches, _MODIFIER_KINDS, offset)
        announced = _announcements(document.text, tokens, matches, triggers, trigger_lengths, offset)
        claimed: set[int] = set()
        for end, (kind, trigger) in sorted(announced.items()):
            start = end
            while start < len(tokens) and start in modifiers:
                start += 1
            span = _name_run(compiled, tokens, start, known)
            if 0 < len(span) <= _MAX_NAME_WORDS:
                _record(found, document, tokens, span, kind, trigger)
                claimed.update(span)
        position = 0
        while position < len(tokens):
            span = _name_run(compiled, tokens, position, known | claimed)
            # a full name starts without the article (وائل كفوري، فهد الكبيسي); two definite words in a
            # row are a noun and its adjective (الفشل الكلوي)
            if 2 <= len(span) <= _MAX_NAME_WORDS and "ال" not in tokens[span[0]].prefixes:
                _record(found, document, tokens, span, "name", "")
            position += len(span) + 1
    ranked = sorted((n for n in found.values() if n.count >= min_count), key=lambda n: (-n.count, n.words))
    return ranked, stats


def _covered(matches: list[Match], kinds: frozenset[str], offset: int) -> set[int]:
    return {
        i - offset for m in matches if any(e.kind in kinds for e in m.entries) for i in range(m.first, m.last)
    }


def _announcements(
    text: str,
    tokens: list[Token],
    matches: list[Match],
    triggers: dict[tuple[str, ...], Trigger],
    lengths: list[int],
    offset: int,
) -> dict[int, tuple[str, str]]:
    """Sentence positions right after a trigger → (the kind of name announced, the trigger's text)."""
    announced: dict[int, tuple[str, str]] = {}
    for match in matches:
        first, last = match.first - offset, match.last - offset
        for entry in match.entries:
            # a one-word role in construct state heads a body ("رئيس الديوان"), it does not title a name
            if entry.kind == "role" and (last - first > 1 or "ال" in tokens[first].prefixes):
                announced[last] = ("person", _surface(text, tokens, first, last))
            elif entry.kind == "name_head":
                announced[last] = ("group", _surface(text, tokens, first, last))
    keys = [stem_key(t) for t in tokens]
    for start in range(len(tokens)):
        for length in lengths:
            trigger = triggers.get(tuple(keys[start : start + length]))
            if trigger is None:
                continue
            if trigger.definite == ("ال" in tokens[start].prefixes):
                surface = _surface(text, tokens, start, start + length)
                announced.setdefault(start + length, (trigger.kind, surface))
            break
    return announced


def _name_run(compiled: CompiledLexicon, tokens: list[Token], start: int, excluded: set[int]) -> list[int]:
    """The positions of the name-like words from ``start`` on (a run longer than a name is prose)."""
    position = start
    while position < len(tokens) and position not in excluded and _is_name_like(compiled, tokens[position]):
        position += 1
    return list(range(start, position))


def _is_name_like(compiled: CompiledLexicon, token: Token) -> bool:
    if token.kind != "arabic" or len(token.stem) < 2 or token.norm in compiled.function_words:
        return False
    if any(p in _CLITICS for p in token.prefixes) or any(
        s not in _SINGULAR_NAME_ENDINGS for s in token.suffixes
    ):
        return False
    # the word lists hold some words whole (جديده) and some as their stem (جديد), and verbs in the
    # past tense only: an imperfect whose past form is a common word is a verb (يتعلق، يقول)
    if _is_common(token.norm) or _is_common(token.stem):
        return False
    return not (
        token.norm[0] in _IMPERFECT_PREFIXES and _is_common(token.norm[1:]) and not _is_name(token.norm)
    )


@lru_cache(maxsize=100_000)
def _is_common(word: str) -> bool:
    return is_common_word(word)


def _is_name(word: str) -> bool:
    return word in farasa_lists().names


def _surface(text: str, tokens: list[Token], first: int, last: int) -> str:
    """The original text of tokens ``first:last`` without a leading conjunction or preposition."""
    return text[tokens[first].body_start : tokens[last - 1].end]


def _record(
    found: dict[tuple[str, ...], UnknownName],
    document: Document,
    tokens: list[Token],
    span: list[int],
    kind: str,
    trigger: str,
) -> None:
    first, last = tokens[span[0]], tokens[span[-1]]
    words = tuple(stem_key(tokens[i]) for i in span)
    name = found.setdefault(words, UnknownName(words))
    name.count += 1
    name.kinds[kind] += 1
    name.surfaces[_surface(document.text, tokens, span[0], span[-1] + 1)] += 1
    if trigger:
        name.triggers[trigger] += 1
    if not name.example:
        text = document.text
        before = text[max(0, first.start - _CONTEXT_CHARS) : first.start]
        after = text[last.end : last.end + _CONTEXT_CHARS]
        snippet = f"{before}[{text[first.start : last.end]}]{after}"
        name.example = f"{document.id}: {' '.join(snippet.split())}"
