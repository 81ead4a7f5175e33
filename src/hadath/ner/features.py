"""Features of each token for the NER model (a linear-chain CRF, see model.py).

A token is described by its normalised form, its clitic analysis (the stem Hadath's lexicon keys on,
the proclitics, the suffixes), character affixes, its shape, and what it is known to be:

* ``lexicon``: whether it begins or continues a name in Hadath's compiled lexicon (actor by type,
  country, nisba adjective, capital, GeoNames place, agent, role, name-pattern head), and in which kinds
  of lexicon name the word occurs at all (a known first name before an unknown family name);
* ``farasa``: whether it is in the person, location and gazetteer lists shipped with the Farasa
  segmenter, in its general-vocabulary list, and how frequent the word is in Farasa's counts (a word
  that is rare and not in the general vocabulary is most often a foreign name);
* ``triggers``: whether it is a word that announces a person, place or organisation
  (hadath/data/ner/triggers.yaml);
* ``clusters``: the word's distributional class at three granularities (hadath/data/ner/clusters.tsv,
  see clusters.py), so that a word never seen labelled shares evidence with the words of its class.

The same features are computed for the neighbours (``window`` adds the second word on each side and word
bigrams), so the model sees "الرئيس X" and "مدينة X". Which groups are on is part of the trained model
(model.json), because the trainer chooses them by cross-validation.

:func:`document_features` feeds the second pass: what a first pass said about the same word in nearby
sentences of the document.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from hadath.lexicon.compiled import CompiledLexicon
from hadath.ner.clusters import load_clusters, word_clusters
from hadath.text.clitics import segment_word
from hadath.text.normalize import normalize
from hadath.text.tokens import ARABIC_LETTERS, Token

TRIGGERS_PATH = Path(__file__).resolve().parent.parent / "data" / "ner" / "triggers.yaml"
FEATURE_GROUPS = ("window", "lexicon", "farasa", "triggers", "clusters")

_ARABIC_RE = re.compile(f"^[{ARABIC_LETTERS}]+$")
_NUMBER_RE = re.compile(r"^\d+(?:[.,:/]\d+)*$")
_PUNCTUATION_EDGES = re.compile(r"^[^\w]+|[^\w]+$")
# lexicon entry kinds that name something (events and cues say nothing about names)
_NAME_KINDS = frozenset(
    {"actor", "country", "adjective", "people", "capital", "agent", "role", "name_head", "place"}
)


@dataclass(frozen=True, slots=True)
class Word:
    """A token as the features see it."""

    token: Token  # normalised form and clitics, in the shape the lexicon matcher takes
    shape: str  # arabic | latin | number | punct | mixed
    body: str  # normalised form after conjunction/preposition clitics ("وباريس" → "باريس"; ال kept)
    body_surface: str  # the same in original letters (hamzas kept, marks gone), for Farasa's lists
    punct_edges: bool  # punctuation glued to the word in the source ("(د", "أ)")


def analyse_sentence(texts: Sequence[str]) -> list[Word]:
    """Analyse the tokens of one sentence (whitespace tokens of an IOB file or of running text)."""
    return [analyse_word(text, index) for index, text in enumerate(texts)]


def analyse_word(text: str, index: int) -> Word:
    """Analyse one token; ``index`` is its position in its sentence."""
    letters = "".join(ch for ch in text if unicodedata.category(ch) not in ("Mn", "Cf") and ch != "\u0640")
    core = _PUNCTUATION_EDGES.sub("", letters) or letters
    norm = normalize(core).text
    shape = _shape(norm)
    prefixes: tuple[str, ...] = ()
    stem = ""
    suffixes: tuple[str, ...] = ()
    body_surface = core
    if shape == "arabic":
        # Farasa's statistics are over standard spelling, so it gets the original letters when
        # they align one to one with the normalised form (as hadath.text.tokens does)
        surface = core if len(core) == len(norm) else norm
        analysis = segment_word(surface)
        prefixes, stem, suffixes = analysis.prefixes, analysis.stem, analysis.suffixes
        body_surface = surface[analysis.conjunction_length :]
    token = Token(index, 0, shape, 0, 0, norm, prefixes, stem, suffixes, norm_start=0, norm_end=len(norm))
    return Word(token, shape, normalize(body_surface).text, body_surface, core != letters)


def _shape(norm: str) -> str:
    if _ARABIC_RE.match(norm):
        return "arabic"
    if _NUMBER_RE.match(norm):
        return "number"
    if norm.isalpha() and norm.isascii():
        return "latin"
    if not any(ch.isalnum() for ch in norm):
        return "punct"
    return "mixed"


@lru_cache(maxsize=4)
def load_triggers(path: Path = TRIGGERS_PATH) -> dict[str, frozenset[str]]:
    """Trigger keys by entity type (``person``, ``location``, ``organisation``)."""
    with path.open(encoding="utf-8") as handle:
        content: dict[str, list[str]] = yaml.safe_load(handle)
    return {
        kind: frozenset(analyse_word(word, 0).token.key for word in words) for kind, words in content.items()
    }


def _name_words(lexicon: CompiledLexicon) -> dict[str, frozenset[str]]:
    """Normalised words of the lexicon's actor and place names (also without ال), with the kinds of
    name they occur in: ``person.first`` for the first word of a person's name, ``person`` for the
    others, ``organisation``, ``group``, ``state``, ``place``."""
    kinds: dict[str, set[str]] = {}

    def add(name: str, kind: str, first_kind: str) -> None:
        for index, word in enumerate(normalize(name).text.split()):
            for form in (word, word[2:]) if word.startswith("ال") and len(word) > 4 else (word,):
                kinds.setdefault(form, set()).add(first_kind if index == 0 else kind)

    for actor in lexicon.lexicon.actors.values():
        for name in actor.names:
            add(name, actor.type, f"{actor.type}.first" if actor.type == "person" else actor.type)
    for place in lexicon.lexicon.places.values():
        for name in place.names:
            add(name, "place", "place")
    return {word: frozenset(found) for word, found in kinds.items()}


@dataclass(frozen=True, slots=True)
class _FarasaLists:
    """Farasa's own tables, keyed by surface spelling (hamzas kept)."""

    people: Mapping[str, object]
    locations: Mapping[str, object]
    gazetteer: Mapping[str, object]
    vocabulary: Mapping[str, object]
    log_frequency: Mapping[str, float]


@lru_cache(maxsize=1)
def _farasa_lists() -> _FarasaLists:
    from farasa import segmentation as farasa

    return _FarasaLists(
        farasa.hmPeople, farasa.hmLocations, farasa.hmListGaz, farasa.hmAraLexCom, farasa.wordCount
    )


class FeatureExtractor:
    """Token features of whole sentences, for a given set of feature groups."""

    def __init__(self, lexicon: CompiledLexicon, groups: Sequence[str] = FEATURE_GROUPS):
        unknown = set(groups) - set(FEATURE_GROUPS)
        if unknown:
            raise ValueError(f"unknown feature groups: {sorted(unknown)}")
        self.lexicon = lexicon
        self.groups = frozenset(groups)
        self.triggers = load_triggers()
        self.farasa = _farasa_lists()
        self.name_words = _name_words(lexicon) if "lexicon" in self.groups else {}
        self.clusters = load_clusters() if "clusters" in self.groups else {}

    def sentence(self, words: Sequence[Word]) -> list[list[str]]:
        """One feature list per word of one sentence (words analysed with indices 0, 1, 2 ...)."""
        surface = [self._surface(word) for word in words]
        knowledge = self._lexicon_tags(words) if "lexicon" in self.groups else [[] for _ in words]
        for position, word in enumerate(words):
            knowledge[position].extend(self._knowledge(word))
        offsets = (-2, -1, 1, 2) if "window" in self.groups else (-1, 1)
        features: list[list[str]] = []
        for position, word in enumerate(words):
            items = ["bias", *surface[position], *knowledge[position]]
            for offset in offsets:
                other = position + offset
                if not 0 <= other < len(words):
                    items.append(f"{offset}:{'BOS' if other < 0 else 'EOS'}")
                    continue
                neighbour = words[other].token
                items.append(f"{offset}:w={neighbour.norm}")
                items.append(f"{offset}:stem={neighbour.key}")
                if abs(offset) == 1:
                    # what is known about the next words decides most names: "الرئيس X", "مدينة X"
                    items.extend(f"{offset}:{feature}" for feature in knowledge[other])
                    items.append(f"{offset}:pre={'+'.join(neighbour.prefixes)}")
            if "window" in self.groups:
                previous = words[position - 1].token.norm if position else "BOS"
                following = words[position + 1].token.norm if position + 1 < len(words) else "EOS"
                items.append(f"bi-1={previous}|{word.token.norm}")
                items.append(f"bi+1={word.token.norm}|{following}")
            features.append(items)
        return features

    def _surface(self, word: Word) -> list[str]:
        token = word.token
        stem = token.key
        items = [
            f"w={token.norm}",
            f"body={word.body}",
            f"stem={stem}",
            f"shape={word.shape}",
            f"pre={'+'.join(token.prefixes)}",
            f"suf={'+'.join(token.suffixes)}",
            f"len={min(len(stem), 8)}",
        ]
        if "ال" in token.prefixes:
            items.append("al")
        if word.punct_edges:
            items.append("punct_edges")
        for size in (1, 2, 3):
            if len(stem) > size:
                items.append(f"stem<{size}={stem[:size]}")
                items.append(f"stem>{size}={stem[-size:]}")
        for size in (2, 3, 4):
            if len(word.body) > size:
                items.append(f"body<{size}={word.body[:size]}")
                items.append(f"body>{size}={word.body[-size:]}")
        return items

    def _knowledge(self, word: Word) -> list[str]:
        """What the trigger lists and Farasa's lists say about the word."""
        items: list[str] = []
        if "triggers" in self.groups:
            items.extend(f"kt={kind}" for kind, keys in self.triggers.items() if word.token.key in keys)
        if "farasa" in self.groups and word.shape == "arabic":
            lists = self.farasa
            forms = {word.body_surface}
            if word.body_surface.startswith("ال") and len(word.body_surface) > 4:
                forms.add(word.body_surface[2:])
            for name, table in (
                ("per", lists.people),
                ("loc", lists.locations),
                ("gaz", lists.gazetteer),
                ("voc", lists.vocabulary),
            ):
                if any(form in table for form in forms):
                    items.append(f"kf={name}")
            log_frequency = max((lists.log_frequency.get(form, -99.0) for form in forms), default=-99.0)
            items.append(f"kfreq={min(int(-log_frequency), 9)}")
        if "clusters" in self.groups:
            items.extend(
                f"kc{level}={cluster}"
                for level, cluster in enumerate(word_clusters(self.clusters, word.body))
            )
        return items

    def _lexicon_tags(self, words: Sequence[Word]) -> list[list[str]]:
        """``kl=<kind>:B|I`` for every lexicon name the token begins or continues, and ``kw=<kind>`` for
        every kind of name the word occurs in, matched or not (a known first name before an unknown
        family name)."""
        tags: list[set[str]] = [set() for _ in words]
        for position, word in enumerate(words):
            forms = (word.body, word.body[2:]) if word.body.startswith("ال") else (word.body,)
            for form in forms:
                tags[position].update(f"kw={kind}" for kind in self.name_words.get(form, ()))
        tokens = [word.token for word in words]
        first_index = tokens[0].index if tokens else 0
        for match in self.lexicon.find(tokens):
            for entry in match.entries:
                if entry.kind not in _NAME_KINDS:
                    continue
                kind = entry.kind
                if kind == "actor":
                    actor = self.lexicon.lexicon.actors.get(entry.ref)
                    kind = f"actor.{actor.type}" if actor else kind
                elif kind == "place":
                    place = self.lexicon.lexicon.places.get(entry.ref)
                    kind = f"place.{place.kind}" if place else kind
                for index in range(match.first, match.last):
                    tags[index - first_index].add(f"kl={kind}:{'B' if index == match.first else 'I'}")
        return [sorted(found) for found in tags]


def document_features(
    words: Sequence[Sequence[Word]], first_pass: Sequence[Sequence[str]], window: int
) -> list[list[list[str]]]:
    """Second-pass features: the first pass's label of the token and of its neighbours, and how the
    first pass labelled the same word elsewhere in the document (the ``window`` sentences before and
    after): a name is usually written in full once and then repeated in a context that says less.

    ``words`` and ``first_pass`` are the sentences of one document, in order.
    """
    types_by_sentence: list[dict[str, Counter[str]]] = []
    for sentence, labels in zip(words, first_pass, strict=True):
        counts: dict[str, Counter[str]] = {}
        for word, label in zip(sentence, labels, strict=True):
            counts.setdefault(word.token.key, Counter())[label[2:] or "O"] += 1
        types_by_sentence.append(counts)
    # label counts per key over the sliding window of sentences, updated as it moves (linear time)
    in_window: dict[str, Counter[str]] = {}

    def slide(index: int, sign: int) -> None:
        if 0 <= index < len(types_by_sentence):
            for key, counts in types_by_sentence[index].items():
                total = in_window.setdefault(key, Counter())
                for kind, count in counts.items():
                    total[kind] += sign * count

    for index in range(window + 1):
        slide(index, 1)
    features: list[list[list[str]]] = []
    for index, (sentence, labels) in enumerate(zip(words, first_pass, strict=True)):
        if index:
            slide(index + window, 1)
            slide(index - window - 1, -1)
        own: list[list[str]] = []
        for word, label in zip(sentence, labels, strict=True):
            kind_of_token = label[2:] or "O"
            elsewhere = sorted(
                kind
                for kind, count in in_window[word.token.key].items()
                if count - (kind == kind_of_token) > 0  # the token itself does not count
            )
            own.append([f"s1={label}", *(f"kd={kind}" for kind in elsewhere)])
        sentence_features = []
        for position, items in enumerate(own):
            items = list(items)
            for offset in (-1, 1):
                if 0 <= position + offset < len(own):
                    items.extend(f"{offset}:{feature}" for feature in own[position + offset])
            sentence_features.append(items)
        features.append(sentence_features)
    return features
