"""The lexicon compiled into Aho-Corasick automata over match keys, built once and cached.

Two automata run over every sentence:

* the *stem* automaton (actors, countries, agents, roles, places, events) over token keys, so that
  clitics and inflection do not matter: "والقوات الروسية" and "قوة روسي" are both ``قو روسي``;
* the *surface* automaton (discourse cues) over normalised surface forms with only a leading و/ف
  removed, because for function words the clitics ARE the meaning (لأن is not أن).

Patterns are space-joined key sequences framed by spaces, so matches always cover whole tokens.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import ahocorasick

from hadath.lexicon.loader import DATA_DIR, data_files, load_lexicon
from hadath.lexicon.model import Lexicon
from hadath.text.clitics import TA_MARBUTA
from hadath.text.normalize import normalize
from hadath.text.tokens import Token, split_conjunction, split_preposition, tokenize

CACHE_FORMAT = 10  # bump when the compiled structure changes


@dataclass(frozen=True, slots=True)
class Entry:
    """What a matched key sequence means."""

    kind: (
        str  # actor | country | adjective | people | capital | agent | role | name_head | place | event | cue
    )
    ref: str  # actor id, country code, agent/role/place id, event index, cue category
    # "العسكريون"/"السوريون" share their key with the adjectives "العسكرية"/"السوري": such a name
    # only matches a word that carries a plural ending too
    plural_only: bool = False
    # a one-word cue that normalises to a function word of another spelling ("كأن" as if, "كان" was):
    # it matches only a word written exactly so (hamzas kept)
    spelling: str | None = None
    # an actor name valid only in a story about one of the actor's theatres (Actor.theatre_names)
    theatre_only: bool = False


@dataclass(frozen=True, slots=True)
class Match:
    first: int  # token indices, end exclusive
    last: int
    entries: tuple[Entry, ...]


def stem_key(token: Token) -> str:
    return token.key


def surface_key(token: Token) -> str:
    if token.prefixes and token.prefixes[0] in ("و", "ف") and len(token.norm) > 2:
        return token.norm[1:]
    return token.norm


_DIACRITICS = re.compile("[\u064b-\u0652\u0640]")  # short vowels, shadda, sukun, tatweel


def written_form(word: str) -> str:
    """A word as written, hamzas kept, without diacritics or a leading و/ف (what ``spelling`` compares)."""
    bare = _DIACRITICS.sub("", word.strip())
    return bare[1:] if bare[:1] in ("و", "ف") and len(bare) > 3 else bare


def phrase_tokens(phrase: str) -> list[Token]:
    """Tokens of a lexicon phrase, analysed exactly as running text is."""
    _, tokens = tokenize(normalize(phrase))
    return [t for t in tokens if t.kind != "punct"]


def _frame(keys: list[str]) -> str:
    return " " + " ".join(keys) + " "


class _AutomatonBuilder:
    def __init__(self) -> None:
        self.patterns: dict[str, tuple[int, list[Entry]]] = {}

    def add(self, keys: list[str], entry: Entry) -> None:
        if not keys or any(not k for k in keys):
            return
        framed = _frame(keys)
        _, entries = self.patterns.setdefault(framed, (len(keys), []))
        if entry not in entries:
            entries.append(entry)

    def build(self) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        for framed, (length, entries) in self.patterns.items():
            automaton.add_word(framed, (length, tuple(entries)))
        if len(automaton):
            automaton.make_automaton()
        return automaton


@dataclass(frozen=True, slots=True)
class DroppedAlias:
    """An imported alias left out of the automaton because it would fire on ordinary words."""

    origin: str
    alias: str
    reason: str


def is_trusted(provenance: str) -> bool:
    """Hand-curated entries are trusted; bulk imports are filtered for noisy aliases."""
    return not provenance.startswith(("oeda:", "geonames:", "geonames"))


class CompiledLexicon:
    """A validated lexicon plus its automata; see :func:`load_compiled`."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.dropped: list[DroppedAlias] = []
        stems = _AutomatonBuilder()
        surfaces = _AutomatonBuilder()
        function_tokens = [t for word in lexicon.cues.get("function_words", ()) for t in phrase_tokens(word)]
        # both the stem (بأن → ان) and the whole normalised word (بان): "بانه" must not key to either
        function_keys = {stem_key(t) for t in function_tokens} | {t.norm for t in function_tokens}
        self.function_words = frozenset(t.norm for t in function_tokens)
        # keys whose one-word names are told from a function word only by their ta marbuta ("جدة", جدا)
        self.ta_marbuta_keys: set[str] = set()

        def add_stem(
            phrase: str, entry: Entry, provenance: str = "", origin: str = "", population: int = 0
        ) -> None:
            excluded = lexicon.excluded_aliases.get(normalize(phrase).text)
            if excluded is not None:
                self.dropped.append(
                    DroppedAlias(origin, phrase, "measured noisy on a corpus (curation/noisy_aliases.yaml)")
                )
                return
            tokens = phrase_tokens(phrase)
            keys = [stem_key(t) for t in tokens]
            if len(keys) == 1:
                reason = _noisy_reason(
                    phrase,
                    tokens[0],
                    function_keys,
                    is_name=entry.kind != "event",
                    trusted=is_trusted(provenance),
                    population=population,
                )
                if reason:
                    self.dropped.append(DroppedAlias(origin, phrase, reason))
                    return
                if keys[0] in function_keys:  # a ta-marbuta name keyed like a function word ("جدة")
                    self.ta_marbuta_keys.add(keys[0])
            last = tokens[-1] if tokens else None
            if last is not None and entry.kind in ("agent", "people") and _is_nisba_plural(last):
                entry = Entry(entry.kind, entry.ref, plural_only=True)
            stems.add(keys, entry)

        for index, event in enumerate(lexicon.events):
            if not is_trusted(event.provenance):
                # The imported OEDA verb patterns are kept as curation material, not matched: their
                # lemma blocks are polysemous (وصل، لقي، طلب share blocks) and their patterns are
                # satisfied by ordinary words, so they coded "arrived in Geneva" as 0356 and "clashed
                # with" as 062, while adding nothing to recall on the gold standard (docs/evaluation.md).
                self.dropped.append(
                    DroppedAlias(
                        event.origin,
                        "، ".join(event.triggers),
                        "imported verb pattern (curation material, not matched)",
                    )
                )
                continue
            for trigger in event.triggers:
                for variant in _trigger_variants(trigger, event.pos, bool(event.context)):
                    if variant != trigger and _misread_variant(variant):
                        # "سنتهم" (we will accuse) segments as سن+ت+هم: its key is that of "سنة" (year)
                        self.dropped.append(DroppedAlias(event.origin, variant, MISREAD_VARIANT))
                        continue
                    add_stem(variant, Entry("event", str(index)), event.provenance, event.origin)
        # a multi-word imported "actor" that starts with an event word ("مفاوضة سوري") names an event
        event_words = {
            stem_key(tokens[0])
            for event in lexicon.events
            if is_trusted(event.provenance)
            for trigger in event.triggers
            if len(tokens := phrase_tokens(trigger)) == 1
        }
        for actor in lexicon.actors.values():
            for name in actor.names:
                if not is_trusted(actor.provenance) and _starts_with(name, event_words):
                    self.dropped.append(DroppedAlias(actor.origin, name, "starts with an event word"))
                    continue
                add_stem(name, Entry("actor", actor.id), actor.provenance, actor.origin)
            for name in actor.theatre_names:
                add_stem(name, Entry("actor", actor.id, theatre_only=True), actor.provenance, actor.origin)
        for country in lexicon.countries.values():
            for kind, names in (
                ("country", country.names),
                ("adjective", country.adjectives),
                ("people", country.people),
                ("capital", country.capital),
            ):
                for name in names:
                    add_stem(name, Entry(kind, country.code))
        for index, agent in enumerate(lexicon.agents):
            for name in agent.names:
                add_stem(name, Entry("agent", str(index)), agent.provenance, agent.origin)
        for role in lexicon.roles.values():
            for name in role.names:
                add_stem(name, Entry("role", role.id))
        for index, pattern in enumerate(lexicon.name_patterns):
            for head in pattern.heads:
                add_stem(head, Entry("name_head", str(index)))
        for place in lexicon.places.values():
            for name in place.names:
                add_stem(name, Entry("place", place.id), place.provenance, place.origin, place.population)
        function_spellings: dict[str, set[str]] = {}
        for word in lexicon.cues.get("function_words", ()):
            for token in phrase_tokens(word):
                function_spellings.setdefault(surface_key(token), set()).add(written_form(word))
        for category, cues in lexicon.cues.items():
            if category == "function_words":
                continue  # used only to filter imported aliases (above), never matched as cues
            for cue in cues:
                keys = [surface_key(t) for t in phrase_tokens(cue)]
                spellings = function_spellings.get(keys[0], set()) if len(keys) == 1 else set()
                spelling = written_form(cue) if spellings - {written_form(cue)} else None
                surfaces.add(keys, Entry("cue", category, spelling=spelling))
        self.stem_automaton = stems.build()
        single_keys = {framed.strip() for framed, (length, _) in stems.patterns.items() if length == 1}
        self.preposed_names = _preposed_names(lexicon, single_keys)
        self.conjoined_triggers = _conjoined_triggers(lexicon, single_keys)
        self.article_countries = frozenset(
            c.code
            for c in lexicon.countries.values()
            if any(" " not in n.strip() and _has_article(n) for n in c.names)
        )
        # actors whose one-word names all carry the article ("القاعدة", "الإخوان", "الأسد"): without it
        # the word is the common noun ("قاعدة للحرس الوطني" is a base, "أسد" a lion); not nisba plurals,
        # which are adjectives without it too ("مسلحين حوثيين")
        self.definite_actors = _definite_only((a.id, a.names) for a in lexicon.actors.values())
        # likewise agents ("المقاومة" is the armed resistance, "أبدى مقاومة" resisted) and places
        # ("القريات" is a Saudi town, "قريتين" two villages)
        self.definite_agents = _definite_only((str(i), a.names) for i, a in enumerate(lexicon.agents))
        self.definite_places = _definite_only((p.id, p.names) for p in lexicon.places.values())
        # each state's place of kind "country", for a state named by a word that is no place name
        self.country_places = {p.country: p for p in lexicon.places.values() if p.kind == "country"}
        # and states ("اليمن"): without it the word is another ("يمن" in "أن يمن الله بالشفاء")
        self.definite_countries = _definite_only((c.code, c.names) for c in lexicon.countries.values())
        self.surface_automaton = surfaces.build()
        # event-context groups, by event index: each group is satisfied by any of these keys
        context_keys: dict[str, frozenset[str]] = {}
        self.context_groups: list[tuple[frozenset[str], ...]] = []
        for event in lexicon.events:
            groups = []
            # imported entries are not matched (above): their groups would never be consulted
            for group in event.context if is_trusted(event.provenance) else ():
                keys: set[str] = set()
                for word in group:
                    if word not in context_keys:
                        context_keys[word] = frozenset(stem_key(t) for t in phrase_tokens(word))
                    keys |= context_keys[word]
                groups.append(frozenset(keys))
            self.context_groups.append(tuple(groups))

    def split_missed_clitics(self, tokens: list[Token], original: str) -> None:
        """Read ب/ل on the names the segmenter does not know ("لداعش" → ل + داعش, "بكيري" → ب +
        كيري), so that they match and read as prepositional, as "لإسرائيل" does; and و/ف on the
        event words it misreads after them ("واتهم" is not وات + هم but و + اتهم)."""
        for token in tokens:
            if token.kind != "arabic" or token.norm[:1] not in _PREPOSED_FIRST_LETTERS:
                continue
            conjoined = self.conjoined_triggers.get(token.norm)
            if conjoined is not None:
                split_conjunction(token, original, *conjoined)
                continue
            conjunctions = tuple(p for p in token.prefixes if p in _CONJUNCTIONS)
            word = token.norm[len(conjunctions) :]
            stem = self.preposed_names.get(word[1:])
            if stem is None or token.stem == stem or word[:1] not in _NAME_PREPOSITIONS:
                continue
            if token.prefixes == conjunctions:
                split_preposition(token, original, word[0], stem)
            elif token.prefixes == (*conjunctions, word[0]):
                token.stem, token.suffixes = stem, ()  # split, but the name misread ("لكيري" as ل+كير+ي)

    def find(self, tokens: list[Token], surface: bool = False) -> list[Match]:
        """All lexicon matches over ``tokens`` (one sentence), as token ranges."""
        automaton = self.surface_automaton if surface else self.stem_automaton
        if not len(automaton) or not tokens:
            return []
        key_of = surface_key if surface else stem_key
        keys = [key_of(t) for t in tokens]
        framed = _frame(keys)
        starts: list[int] = []
        position = 1
        for key in keys:
            starts.append(position)
            position += len(key) + 1
        matches: list[Match] = []
        for end_char, (length, entries) in automaton.iter(framed):
            # the match ends with the space after its last key
            last = bisect_left(starts, end_char + 1) - 1
            first = last - length + 1
            if first == last and self._lacks_ta_marbuta(tokens[first], keys[first]):
                continue  # "جدا" (very) is not Jeddah
            matches.append(Match(tokens[first].index, tokens[last].index + 1, entries))
        return matches

    def _lacks_ta_marbuta(self, token: Token, key: str) -> bool:
        return key in self.ta_marbuta_keys and not token.norm.endswith("ه")


def _misread_after_clitic(
    words: Iterable[str], clitics: tuple[str, ...], min_letters: int, single_keys: set[str]
) -> Iterator[tuple[Token, str, Token]]:
    """(the word alone, the clitic, the word with it) for each one-word ``words`` entry of at least
    ``min_letters`` letters whose form after one of ``clitics`` the segmenter reads otherwise than as
    that clitic + the word (names it has not seen: "لداعش", "بكيري"; misparsed verbs: "واتهم" as وات +
    هم); none whose prefixed form is itself a lexicon key ("لبنان")."""
    for word in words:
        tokens = phrase_tokens(word)
        if len(tokens) != 1 or tokens[0].prefixes or len(tokens[0].norm) < min_letters:
            continue
        alone = tokens[0]
        for clitic in clitics:
            prefixed = phrase_tokens(clitic + word)[0]
            if prefixed.norm in single_keys:
                continue
            if prefixed.prefixes != (clitic,) or stem_key(prefixed) != stem_key(alone):
                yield alone, clitic, prefixed


def _preposed_names(lexicon: Lexicon, single_keys: set[str]) -> dict[str, str]:
    """One-word names of curated actors and of states whose form after ب or ل the segmenter misreads,
    normalised, with their key."""
    names = [n for actor in lexicon.actors.values() if is_trusted(actor.provenance) for n in actor.names]
    names += [n for country in lexicon.countries.values() for n in (*country.names, *country.capital)]
    misread = _misread_after_clitic(names, _NAME_PREPOSITIONS, _PREPOSED_NAME_LETTERS, single_keys)
    return {alone.norm: stem_key(alone) for alone, _, _ in misread}


def _conjoined_triggers(
    lexicon: Lexicon, single_keys: set[str]
) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """One-word triggers of curated event entries whose form after و or ف the segmenter misreads
    ("واتهم" as وات + هم, "وكمين" as و + ك + مين): the normalised conjoined form, with the conjunction
    and the trigger's own stem and suffixes; not of a trigger under four letters, whose conjoined form
    is often a word of its own ("فدان", an acre, is not ف + دان)."""
    triggers = [t for event in lexicon.events if is_trusted(event.provenance) for t in event.triggers]
    return {
        conjoined.norm: (conjunction, alone.stem, alone.suffixes)
        for alone, conjunction, conjoined in _misread_after_clitic(
            triggers, _CONJUNCTIONS, _CONJOINED_TRIGGER_LETTERS, single_keys
        )
    }


def _definite_only(named: Iterable[tuple[str, tuple[str, ...]]]) -> frozenset[str]:
    """Ids whose one-word names all carry the article, nisba plurals aside (those are adjectives
    without it too: "مسلحين حوثيين")."""
    return frozenset(
        ref
        for ref, names in named
        if (one_word := [n.strip() for n in names if " " not in n.strip()])
        and all(_has_article(n) and not n.endswith(("يون", "يين")) for n in one_word)
    )


def _has_article(name: str) -> bool:
    """A name written with the article ("العراق"). Read as written, not normalised: "ألمانيا" normalises
    to a word that starts like ال."""
    return name.strip().startswith("ال")


def _is_nisba_plural(token: Token) -> bool:
    return token.stem.endswith("ي") and any(s in ("ون", "ين") for s in token.suffixes)


def has_plural_ending(token: Token) -> bool:
    return any(s in ("ون", "ين", "ات") for s in token.suffixes)


def _starts_with(phrase: str, first_keys: set[str]) -> bool:
    tokens = phrase_tokens(phrase)
    return len(tokens) > 1 and stem_key(tokens[0]) in first_keys


# endings a name may have that the segmenter splits off (feminine, written ة or, informally, ه; plural,
# dual); anything else (نا، ها، هم، وا ...) means the segmenter read the name as an inflected common word
NAME_ENDINGS = frozenset({TA_MARBUTA, "ه", "ات", "ين", "ون", "ان"})
_TRUSTED_POPULATION = 50_000
_CONJUNCTIONS = ("و", "ف")
_NAME_PREPOSITIONS = ("ب", "ل")
_PREPOSED_FIRST_LETTERS = frozenset(_CONJUNCTIONS + _NAME_PREPOSITIONS)
_PREPOSED_NAME_LETTERS = 3
_CONJOINED_TRIGGER_LETTERS = 4


def _noisy_reason(
    phrase: str, token: Token, function_keys: set[str], is_name: bool, trusted: bool, population: int = 0
) -> str:
    """Why a one-word alias would fire on ordinary text ("" when it is fine).

    For every entry, curated or imported: a name whose key is a function word ("بالاو" segments to
    ب+ال+او, the key of أو) can never be matched safely. For imported names also: very short keys; names
    that the segmenter splits into a preposition or conjunction plus a word (a proper noun has no
    clitics, so the split means it reads as something else); and general-vocabulary words that
    Farasa's word lists do not also know as a person or place name (تهديد، طاقة، قاعدة).
    """
    key = stem_key(token)
    # a name written with ta marbuta only shares its key with a function word ("جدة", Jeddah, and جدا,
    # very): find() tells them apart by that ending (ta_marbuta_keys)
    ta_marbuta_name = phrase.strip().endswith("ة") and all(p == "ال" for p in token.prefixes)
    if token.norm in function_keys or (key in function_keys and not ta_marbuta_name):
        return "function word"
    if trusted or population >= _TRUSTED_POPULATION:
        return ""  # a city of 50,000 is worth its ambiguity (حلب، غزة); a hamlet called وقف is not
    if len(token.norm) - (2 if token.norm.startswith("ال") else 0) < 3:
        return "shorter than three letters"
    if not is_name:  # event triggers are ordinary words by nature
        return ""
    if any(p != "ال" for p in token.prefixes):
        return "reads as clitics plus a word"
    if any(s not in NAME_ENDINGS for s in token.suffixes):
        return "reads as a word plus a pronoun or verb ending"
    if is_common_word(phrase.strip()):
        return "ordinary word (in the general vocabulary, not a name)"
    return ""


def is_common_word(word: str) -> bool:
    """Whether ``word`` (with or without its article) is in Farasa's general vocabulary and its
    person and place lists do not also know it as a name."""
    bare = word[2:] if word.startswith("ال") and len(word) > 4 else word
    forms = {normalize(w).text for w in (word, bare)}
    lists = farasa_lists()
    return not forms & lists.names and bool(forms & lists.vocabulary)


@dataclass(frozen=True)
class FarasaLists:
    vocabulary: frozenset[str]  # normalised general-vocabulary words
    names: frozenset[str]  # normalised person and place names


@lru_cache(maxsize=1)
def farasa_lists() -> FarasaLists:
    """Farasa's shipped word lists, normalised like Hadath's keys."""
    from farasa import segmentation as farasa_data

    def normalised(words: Iterable[str]) -> frozenset[str]:
        return frozenset(normalize(w).text for w in words)

    return FarasaLists(
        vocabulary=normalised(farasa_data.hmAraLexCom) | normalised(farasa_data.hmStop),
        names=normalised(farasa_data.hmPeople) | normalised(farasa_data.hmLocations),
    )


MISREAD_VARIANT = "a generated verb form the segmenter reads as a short common word"


def _misread_variant(variant: str) -> bool:
    """Whether a generated form of a trigger (an imperfect or future form of its verb, the first word)
    keys to fewer than three letters: the segmenter split it into clitics around a short word, which
    fires everywhere."""
    tokens = phrase_tokens(variant)
    return bool(tokens) and len(stem_key(tokens[0])) < 3


def _trigger_variants(trigger: str, pos: str, has_context: bool) -> list[str]:
    """A verb trigger in the past tense also fires in the imperfect (person prefixes ي ت ن ا) and, when
    its last letter is weak (التقى، تبنى، استولى), in the feminine and plural past, whose stem loses it
    (التقت، التقوا: the segmenter's stem is التق). A stem of three letters is a noun too often ("تحدت" is
    keyed as "تحد", a challenge; "أجرت" as "أجر", a wage): it fires only in a phrase or with a context."""
    words = trigger.split()
    if pos != "verb" or not words:
        return [trigger]
    pasts = [
        form
        for form in _weak_pasts(words[0])
        if len(words) > 1 or has_context or len(stem_key(phrase_tokens(form)[0])) > 3
    ]
    return [trigger, *(" ".join([form, *words[1:]]) for form in [*_imperfects(words[0]), *pasts])]


def _weak_pasts(past: str) -> list[str]:
    """The feminine past of a verb whose past ends in ى (its plural has the same stem)."""
    base = normalize(past).text
    return [base[:-1] + "ت"] if base.endswith("ي") and len(base) >= 4 else []


def _imperfects(past: str) -> list[str]:
    base = normalize(past).text
    # Forms IV, VII, VIII, X start with a hamzat/alif that the imperfect drops (أعلن → يعلن, اعتقل → يعتقل)
    stem = base[1:] if base.startswith("ا") and len(base) >= 4 else base
    # the future prefix is not always split off by the segmenter (ستنسحب): list those forms too
    return [future + prefix + stem for future in ("", "س") for prefix in ("ي", "ت", "ن")]


def _cache_key(data_dir: Path) -> str:
    digest = hashlib.sha256()
    digest.update(f"format={CACHE_FORMAT}".encode())
    for package in ("hadath", "farasa", "pyahocorasick"):
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(package.encode())
    package = Path(__file__).resolve().parent.parent
    # segmentation (text/) and the lexicon code itself (model, loader, compiler) decide what is compiled
    for code_file in sorted(
        [*package.joinpath("text").glob("*.py"), *package.joinpath("lexicon").glob("*.py")]
    ):
        digest.update(code_file.read_bytes())
    for path in data_files(data_dir):
        digest.update(str(path.relative_to(data_dir)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def cache_dir() -> Path:
    configured = os.environ.get("HADATH_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "hadath"


_LOADED: dict[Path, CompiledLexicon] = {}


def load_compiled(data_dir: Path = DATA_DIR, use_cache: bool = True) -> CompiledLexicon:
    """The compiled lexicon for ``data_dir``: from memory, else the on-disk cache, else built."""
    data_dir = data_dir.resolve()
    if data_dir in _LOADED:
        return _LOADED[data_dir]
    cache_file = cache_dir() / f"lexicon-{_cache_key(data_dir)}.pickle"
    compiled: CompiledLexicon | None = None
    if use_cache and cache_file.exists():
        try:
            with cache_file.open("rb") as handle:
                compiled = pickle.load(handle)
            os.utime(cache_file)  # recently used: kept by _prune_cache
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            compiled = None  # a stale or broken cache is rebuilt, never trusted
    if compiled is None:
        compiled = CompiledLexicon(load_lexicon(data_dir))
        if use_cache:
            _write_cache(cache_file, compiled)
    _LOADED[data_dir] = compiled
    return compiled


def _write_cache(cache_file: Path, compiled: CompiledLexicon) -> None:
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        # write to a temporary file and rename, so a concurrent reader never sees half a pickle
        with tempfile.NamedTemporaryFile(dir=cache_file.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(compiled, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, cache_file)
        _prune_cache(cache_file)
    except OSError:
        pass  # a read-only home only costs the compile time on the next start


KEPT_CACHE_FILES = 4  # other checkouts or versions on the same machine keep their cache warm


def _prune_cache(newest: Path) -> None:
    """Remove all but the most recently used compiled lexicons (each is ~10 MB; every data edit makes one)."""
    others = sorted(
        (p for p in newest.parent.glob("lexicon-*.pickle") if p != newest),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for stale in others[KEPT_CACHE_FILES - 1 :]:
        stale.unlink(missing_ok=True)
