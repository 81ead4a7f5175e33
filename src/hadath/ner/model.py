"""The shipped NER model: a linear-chain CRF (CRFsuite) over the features of features.py.

``hadath/data/models/ner.crfsuite`` is the model, ``hadath/data/ner/model.json`` says which feature
groups it was trained with, on what, and how well it did; both are written by ``tools/train_ner.py``
(``make train-ner``). Types: PER, LOC, ORG and MISC (ANERcorp's convention, as in CoNLL).

With a ``document_window`` in model.json the tagger makes two passes (stacking): a first-pass CRF
(``hadath/data/ner/first-pass.crfsuite``) labels every sentence of the document, and the main model
labels them again, knowing what the first pass said about the same word in nearby sentences
(features.document_features). A sentence given alone is its own document.

Entities found in running text are character spans of the ORIGINAL text. A name written with a
conjunction or preposition glued to it ("وباريس", "لماكرون") starts after that clitic, as lexicon
mentions do; the article ال stays inside the name.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycrfsuite

from hadath.lexicon.compiled import CompiledLexicon, load_compiled
from hadath.ner.features import FeatureExtractor, analyse_sentence, document_features
from hadath.ner.iob import spans
from hadath.text.normalize import normalize
from hadath.text.tokens import Token, tokenize

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
MODEL_PATH = DATA_DIR / "models" / "ner.crfsuite"
METADATA_PATH = DATA_DIR / "ner" / "model.json"
FIRST_PASS_PATH = DATA_DIR / "ner" / "first-pass.crfsuite"


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity: its type and its span of the original text."""

    type: str  # PER | LOC | ORG | MISC
    start: int
    end: int
    text: str


class NerTagger:
    """Tags sentences given as words (``tag_words``), as Hadath tokens, or as raw text (``entities``)."""

    def __init__(
        self,
        model_path: Path = MODEL_PATH,
        metadata_path: Path = METADATA_PATH,
        first_pass_path: Path = FIRST_PASS_PATH,
        lexicon: CompiledLexicon | None = None,
    ):
        self.metadata: dict[str, Any] = json.loads(metadata_path.read_text(encoding="utf-8"))
        self.features = FeatureExtractor(
            lexicon if lexicon is not None else load_compiled(), self.metadata["feature_groups"]
        )
        self.document_window = int(self.metadata.get("document_window", 0))
        self._tagger = _open(model_path)
        self._first_pass = _open(first_pass_path) if self.document_window else None

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 labels of the sentences of one document, each given as whitespace tokens."""
        words = [analyse_sentence(sentence) for sentence in sentences]
        features = [self.features.sentence(sentence_words) for sentence_words in words]
        if self._first_pass is not None:
            first_pass = [list(self._first_pass.tag(items)) if items else [] for items in features]
            extra = document_features(words, first_pass, self.document_window)
            features = [
                [base + added for base, added in zip(sentence, more, strict=True)]
                for sentence, more in zip(features, extra, strict=True)
            ]
        return [list(self._tagger.tag(items)) if items else [] for items in features]

    def tag_words(self, words: Sequence[str]) -> list[str]:
        """IOB2 labels of one sentence given as whitespace tokens."""
        return self.tag_sentences([words])[0]

    def tag_tokens(self, original: str, sentences: Sequence[Sequence[Token]]) -> list[list[str]]:
        """IOB2 labels of a document's sentences given as Hadath tokens over ``original``."""
        return self.tag_sentences([[original[t.start : t.end] for t in tokens] for tokens in sentences])

    def entities(self, text: str) -> list[Entity]:
        """The entities of a raw text (one document)."""
        sentences, tokens = tokenize(normalize(text))
        by_sentence = [tokens[s.first_token : s.last_token] for s in sentences]
        found: list[Entity] = []
        for sentence_tokens, labels in zip(by_sentence, self.tag_tokens(text, by_sentence), strict=True):
            for first, last, entity_type in spans(labels):
                start = sentence_tokens[first].body_start
                end = sentence_tokens[last - 1].end
                found.append(Entity(entity_type, start, end, text[start:end]))
        return found


def _open(path: Path) -> pycrfsuite.Tagger:
    if not path.exists():
        raise FileNotFoundError(f"NER model not found at {path} (make train-ner builds it)")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


@lru_cache(maxsize=1)
def load_ner_tagger() -> NerTagger:
    """The shipped tagger, loaded once per process."""
    return NerTagger()
