"""The one object that flows through the pipeline: a document, its text layers and what was found.

Each extraction stage reads what earlier stages put on the :class:`Doc` and adds its own layer, in
the spirit of spaCy's ``Doc``. Internal mentions are token ranges; they become character spans of
the original text only when the :class:`~hadath.schema.Analysis` is built.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date

from hadath.lexicon.compiled import Match
from hadath.schema import Document
from hadath.text.normalize import NormalizedText
from hadath.text.tokens import Sentence, Token


@dataclass(slots=True)
class ActorMention:
    first: int  # token range, end exclusive
    last: int
    sentence: int
    code: str | None
    kind: str  # person | organisation | group | state | agent | role | people
    actor_id: str | None = None
    name_en: str | None = None
    country: str | None = None
    role: str | None = None
    confidence: float = 1.0

    @property
    def role_blocks(self) -> str:
        """The code without its country block (``SYRGOV`` → ``GOV``)."""
        if not self.code:
            return ""
        return self.code[3:] if self.country and self.code.startswith(self.country) else self.code


@dataclass(slots=True)
class PlaceMention:
    first: int
    last: int
    sentence: int
    place_id: str
    name_en: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str


@dataclass(slots=True)
class CueMention:
    first: int
    last: int
    sentence: int
    category: str


@dataclass(slots=True)
class Doc:
    document: Document
    normalized: NormalizedText
    sentences: list[Sentence]
    tokens: list[Token]
    day: date | None
    stem_matches: list[list[Match]] = field(default_factory=list)  # per sentence
    cues: list[CueMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    focus_country: str | None = None
    _cues_by_sentence: dict[int, list[CueMention]] = field(default_factory=dict)
    _cue_starts: set[tuple[int, str]] = field(default_factory=set)
    _cue_ends: set[tuple[int, str]] = field(default_factory=set)
    _actor_starts: list[int] = field(default_factory=list)
    genre: str = "news"  # news | opinion

    @property
    def text(self) -> str:
        return self.document.text

    def normalized_offset(self, token: int, end: bool = False) -> int:
        """Offset in the normalised text of a token's start (or end)."""
        return self.tokens[token].norm_end if end else self.tokens[token].norm_start

    def span(self, first: int, last: int, body: bool = True) -> tuple[int, int]:
        """Original character span of tokens ``first:last`` (without a leading و/ب/ل clitic if ``body``)."""
        start = self.tokens[first].body_start if body else self.tokens[first].start
        return start, self.tokens[last - 1].end

    def surface(self, first: int, last: int, body: bool = True) -> str:
        start, end = self.span(first, last, body)
        return self.text[start:end]

    def sentence_tokens(self, index: int) -> list[Token]:
        sentence = self.sentences[index]
        return self.tokens[sentence.first_token : sentence.last_token]

    def index_cues(self) -> None:
        """Build the look-up tables over ``cues`` (call once the cues are complete)."""
        self._cues_by_sentence: dict[int, list[CueMention]] = {}
        self._cue_starts: set[tuple[int, str]] = set()
        self._cue_ends: set[tuple[int, str]] = set()
        for cue in self.cues:
            self._cues_by_sentence.setdefault(cue.sentence, []).append(cue)
            self._cue_starts.add((cue.first, cue.category))
            self._cue_ends.add((cue.last, cue.category))

    def sentence_cues(self, sentence: int) -> list[CueMention]:
        return self._cues_by_sentence.get(sentence, [])

    def cue_starts_at(self, position: int, category: str) -> bool:
        return (position, category) in self._cue_starts

    def cue_ends_at(self, position: int, category: str) -> bool:
        return (position, category) in self._cue_ends

    def cues_in(self, category: str, first: int, last: int) -> list[CueMention]:
        """Cues of ``category`` inside tokens ``first:last`` (looked up by sentence, not by scanning)."""
        if first >= last:
            return []
        found: list[CueMention] = []
        for sentence in range(self.tokens[first].sentence, self.tokens[last - 1].sentence + 1):
            found.extend(
                c
                for c in self.sentence_cues(sentence)
                if c.category == category and first <= c.first and c.last <= last
            )
        return found

    def actors_in(self, first: int, last: int) -> list[ActorMention]:
        """Actor mentions starting inside tokens ``first:last``, in text order."""
        low = bisect_left(self._actor_starts, first)
        high = bisect_left(self._actor_starts, last)
        return self.actors[low:high]

    def index_actors(self) -> None:
        """Build the look-up over ``actors`` (found in text order; call once they are complete)."""
        self._actor_starts = [m.first for m in self.actors]
