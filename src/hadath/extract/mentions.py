"""Actor and place mentions: dictionary matches composed into resolved mentions.

Composition rules, tried at each token, longest first:

* role phrase + country ("وزير خارجية سوريا", "وزير الخارجية السوري") → the role's holder on the
  document date; + a following person name extends the mention;
* role phrase + named person ("الرئيس بوتين") → that person, the span covering both;
* role phrase + agent ("كبير مفاوضي النظام") → the holder for the context country;
* agent noun + country adjective/name, at most one word between ("القوات الروسية",
  "المستشارين العسكرين الإيرانيين", "حلفاء إيران") → country code + the agent's role block;
* a named actor; a people name ("الروس" → RUS), or a country adjective counted by a number ("13
  عراقيا"); a definite group noun ("الحركة", "التنظيم") is the group named last (anaphora);
* a bare agent noun ("المعارضة", "الجيش") takes its country from, in turn: the actor a pronoun clitic
  points to ("جنوده" after "الجيش الأمريكي": the nearest earlier actor with a country), the last
  compatible actor (same role block, within the last sentences: "النظام" after "الحكومة السورية"),
  the document's focus country (where its places are), the countries named in the sentence. An
  indefinite agent adjective after an event noun is not an actor ("هجوم مسلح", an armed attack).

An alias shared by several actors is resolved by, in turn: curated entries over imported ones; the
actor whose codes cover the document date (الأسد is Hafez before 2000, Bashar after); the actor of a
country named in the same sentence; the actor of the document's focus country. The mention's
confidence records how the choice was made (``_AMBIGUITY_FACTOR``).

Places are the gazetteer matches not inside an actor mention, disambiguated by the document's
countries, then by kind and population.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import lru_cache
from urllib.parse import urlsplit

from hadath.doc import ActorMention, Doc, PlaceMention
from hadath.extract.morphology import (
    NISBA_ENDINGS,
    PERSONAL_PRONOUNS,
    ends_in_written_ta,
    has_pronoun_suffix,
    looks_finite,
)
from hadath.lexicon.compiled import (
    NAME_ENDINGS,
    CompiledLexicon,
    Entry,
    Match,
    has_plural_ending,
    is_trusted,
    phrase_tokens,
    stem_key,
)
from hadath.lexicon.model import Actor, Place
from hadath.ner.iob import spans as iob_spans
from hadath.ner.model import load_ner_tagger
from hadath.schema import Document
from hadath.text.clitics import TA_MARBUTA
from hadath.text.normalize import normalize
from hadath.text.tokens import Token

_MAX_NAME_TOKENS = 3
_LONGEST_LISTED_PLACE = 3  # words of a place name a listed country may follow ("المملكة العربية السعودية")
_PLACE_KIND_PRIORITY = {"site": 0, "region": 1, "city": 2, "country": 3}
# a town this big is a reading of its name worth weighing against a country or capital of that name
_SIZEABLE_TOWN = 50_000
# agents whose country is the state where the story happens when none is named
_DOMESTIC_BLOCKS = {"GOV", "OPP", "REB", "MIL", "COP", "CVL", "JUD", "LEG", "SPY", "PTY", "REF", "CRM"}
# agents whose construct with a person is his forces or his government ("قوات الأسد", "حكومة نتنياهو")
_PERSONAL_AGENT_CODES = {"MIL", "COP", "REB", "SPY", "GOV"}
_NON_STATE_BLOCKS = {"REB", "OPP", "IMG", "INS"}
# agents for people who may be named by the country they come from ("عمال من الهند", "لاجئون من سوريا");
# forces and officials are not: "سحب قواته من سوريا" is where they leave
PEOPLE_BLOCKS = {"CVL", "LAB", "REF", "EDU", "BUS", "MED", "HLH", "REL", "AGR"}
# the confidence of an agent whose country is only the story's or the sentence's ("مدنيا" in a story
# about Yemen), not told with it ("مدنيا يمنيا") nor taken from the agent it refers back to
CONTEXT_COUNTRY_CONFIDENCE = 0.6
_NATIONALITY_KEY = "جنسي"  # "من الجنسية السورية", "من جنسية هندية"
# titles whose bearer gives places and institutions his name (keys: الملك، الأمير، الشيخ، الإمام)
_NAMESAKE_TITLES = frozenset({"ملك", "امير", "شيخ", "امام"})
# a group's nisba after an agent, the accusative too ("قتل مسلحين حوثيين", "حوثيا")
_GROUP_NISBA_ENDINGS = (*NISBA_ENDINGS, "يا")
# one adjective of another country does not move a story that names no place away from home; two do
# ("قالت الخارجية الإيرانية ... المتحدث الإيراني")
_FOREIGN_ADJECTIVES = 2
# endings of a nisba adjective on a word sharing the key of a state's name in ي (normalised)
_ADJECTIVE_ENDINGS = ("يه", "يا")
# titles of courtesy between an office and its holder's name (keys of الأستاذ، الدكتور، المهندس، السيد)
_HONORIFICS = frozenset({"استاذ", "دكتور", "مهندس", "سيد"})
# what an ambiguous alias's confidence is multiplied by, by what decided between its actors: nothing
# to decide (one actor, or one curated actor over imported duplicates), the document date, a country
# named in the sentence, the document's focus country, or nothing (the first actor listed)
_AMBIGUITY_FACTOR = {"unique": 1.0, "date": 0.9, "sentence": 0.8, "focus": 0.7, "guess": 0.5}
# how many sentences back an anaphor ("الحركة") or a bare agent ("النظام") looks for its antecedent
_ANAPHORA_SENTENCES = 3
CLOSING_QUOTES = frozenset({"»", '"', "”", "'", ")"})
_NAME_PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك"})


class _Index:
    """Matches of one sentence by first token and kind."""

    def __init__(self, doc: Doc, matches: Iterable[Match]):
        self.doc = doc
        self.matches = list(matches)
        self.by_start: dict[int, list[tuple[int, Entry]]] = {}
        for match in self.matches:
            plural = has_plural_ending(doc.tokens[match.last - 1])
            for entry in match.entries:
                if entry.plural_only and not plural:
                    continue
                self.by_start.setdefault(match.first, []).append((match.last, entry))
        for pairs in self.by_start.values():
            pairs.sort(key=lambda pair: -pair[0])  # longest first (stable: lexicon order among equals)

    def definite(self, position: int) -> bool:
        return "ال" in self.doc.tokens[position].prefixes

    def at(self, position: int, *kinds: str) -> list[tuple[int, Entry]]:
        """(end, entry) pairs starting at ``position``, longest first."""
        pairs = self.by_start.get(position)
        if not pairs:
            return []
        return [(end, e) for end, e in pairs if e.kind in kinds]


def extract_mentions(doc: Doc, compiled: CompiledLexicon) -> None:
    # per sentence: the matches that may name places, and where adjectives qualify event nouns
    place_matches = [_outside_event_phrases(matches) for matches in doc.stem_matches]
    attributive = [_event_adjectives(compiled, matches) for matches in doc.stem_matches]
    indexes = [_Index(doc, matches) for matches in doc.stem_matches]
    no_country = [_no_country_positions(doc, compiled, index) for index in indexes]
    doc.focus_country = _focus_country(doc, compiled, place_matches, attributive, no_country)
    for sentence in doc.sentences:
        index = indexes[sentence.index]
        sentence_countries = _sentence_countries(
            doc, compiled, index, attributive[sentence.index], no_country[sentence.index]
        )
        position = sentence.first_token
        while position < sentence.last_token:
            mention = _actor_at(doc, compiled, index, position, sentence.index, sentence_countries)
            if mention is None:
                position += 1
                continue
            if _describes_previous(doc, mention) or _inside_chaired_by(doc, mention):
                position = mention.last
                continue
            if _names_a_namesake(doc, mention):
                named_after = _named_after(doc, mention)
                position = mention.last
                if named_after is not None:
                    doc.actors.append(named_after)
                continue
            owned = _owned_agent(doc, mention)
            if owned is not None:
                doc.actors[-1] = owned  # "طائرات حربية تابعة للائتلاف الدولي": the owner's aircraft
                position = owned.last
                continue
            member = _member_of(doc, mention)
            if member is not None:
                if doc.actors and (doc.actors[-1].first, doc.actors[-1].sentence) == (
                    member.first,
                    member.sentence,
                ):
                    doc.actors.pop()  # the title alone had been read as an actor ("أمين عام", imported)
                mention = member
            doc.actors.append(mention)
            position = mention.last
            shared = _shared_head(doc, index, mention, sentence.last_token)
            if shared is not None:  # "الطائرات الروسية والسورية": Syrian aircraft too
                doc.actors.append(shared)
                position = shared.last
    doc.index_actors()
    _extract_places(doc, compiled, place_matches)
    added = [*_capitals_as_states(doc, compiled, place_matches), *_home_names(doc, compiled)]
    if added:
        doc.actors = sorted([*doc.actors, *added], key=lambda m: (m.first, m.last))
        doc.index_actors()


def _home_names(doc: Doc, compiled: CompiledLexicon) -> list[ActorMention]:
    """ "المملكة" alone is Saudi Arabia in a Saudi paper, Jordan in a Jordanian one: a state's home
    name (countries.yaml ``home_names``) not inside another mention names the state the document is
    published in, and nothing elsewhere. As other states' names, it is the state acting, or after a
    preposition the place ("في المملكة", "بالمملكة"; added to the places)."""
    home = publication_country(doc.document, compiled)
    country = compiled.lexicon.countries.get(home) if home else None
    if country is None or not country.home_names:
        return []
    names = {normalize(name).text for name in country.home_names}
    endings = tuple(names)
    taken = {i for m in (*doc.actors, *doc.places) for i in range(m.first, m.last)}
    found: list[ActorMention] = []
    place = compiled.country_places.get(country.code)
    for i, token in enumerate(doc.tokens):
        # the normalised token keeps its clitics ("بالمملكه"): a cheap test before normalising its body
        if i in taken or not token.norm.endswith(endings):
            continue
        if normalize(doc.surface(i, i + 1)).text not in names:
            continue
        if not _governed_by_preposition(doc, i):
            found.append(ActorMention(i, i + 1, token.sentence, home, "state", country=home, confidence=0.8))
        elif place is not None:
            doc.places.append(
                PlaceMention(
                    i, i + 1, token.sentence, place.id, place.name_en, home, place.lat, place.lon, place.kind
                )
            )
    doc.places.sort(key=lambda p: p.first)
    return found


def _capitals_as_states(
    doc: Doc, compiled: CompiledLexicon, place_matches: list[list[Match]]
) -> list[ActorMention]:
    """A capital that acts or is acted on stands for its state's government, as news writes it ("أعلنت
    طهران", "اتهمت أنقرة دمشق", "قال إن واشنطن ستفرض"): right after a verb with the feminine ت, after
    أن/إن, or after another such capital; never after a preposition or in construct ("مطار دمشق"), nor
    after شهد ("شهدت بغداد انفجارا": where it happened). It stays a place too."""
    capital_of = {
        (match.first, match.last): entry.ref
        for matches in place_matches
        for match in matches
        for entry in match.entries
        if entry.kind == "capital"
    }
    found: list[ActorMention] = []
    for place in doc.places:
        country = capital_of.get((place.first, place.last))
        if country is None or doc.tokens[place.first].has_prefix("ب", "ل", "ك"):
            continue
        before = place.first - 1
        if before < doc.sentences[place.sentence].first_token:
            continue
        previous = doc.tokens[before]
        acting = (
            (ends_in_written_ta(previous, doc.surface(before, place.first)) and looks_finite(previous))
            or previous.is_complementiser
            or any(m.last == place.first for m in found)
        )
        if (
            not acting
            or doc.cue_ends_at(place.first, "witness")
            or doc.cue_ends_at(place.first, "preposition")
        ):
            continue
        found.append(
            ActorMention(
                place.first, place.last, place.sentence, country, "state", country=country, confidence=0.7
            )
        )
    return found


def _inside_chaired_by(doc: Doc, mention: ActorMention) -> bool:
    """ "برئاسة" (chaired by) is no presidency."""
    return any(
        c.first <= mention.first and mention.last <= c.last
        for c in doc.cues_in("chaired_by", max(mention.first - 1, 0), mention.last)
    )


def _names_a_namesake(doc: Doc, mention: ActorMention) -> bool:
    """A person, or a royal or religious title standing for one ("مطار الملك خالد" where the king is not
    in the lexicon), right after the head noun of a place or institution named after them; or a group's
    one-word name right after a district's head noun ("منطقة القاعدة", a place in Taiz)."""
    if doc.cue_ends_at(mention.first, "district_head"):
        return mention.kind == "group" and mention.last - mention.first == 1
    if not doc.cue_ends_at(mention.first, "namesake_head"):
        return False
    return mention.kind in ("person", "role") or doc.tokens[mention.first].key in _NAMESAKE_TITLES


def _named_after(doc: Doc, person: ActorMention) -> ActorMention | None:
    """ "كلية الملك فهد الأمنية", "مطار الملك خالد": an institution or place named after a person is of
    the person's country (its role unknown), and is not the person."""
    head = next(
        (
            c
            for c in doc.sentence_cues(person.sentence)
            if c.category == "namesake_head" and c.last == person.first
        ),
        None,
    )
    if person.country is None or head is None:
        return None  # no country to give, or a district so named ("منطقة القاعدة"), which is a place
    return ActorMention(
        head.first,
        person.last,
        person.sentence,
        person.country,
        "organisation",
        country=person.country,
        confidence=0.6,
    )


def _describes_previous(doc: Doc, mention: ActorMention) -> bool:
    """ "تنظيم «داعش» المتطرف", "حركة الشباب المتشددة": a one-word definite agent noun right after a named
    group or organisation (a closing quotation mark may come between) is an adjective of it, not
    another actor; a plural ("الحوثيون المتمردون") is left as it is. Likewise a nationality right after
    a group of that nation, agreeing with it ("مستوطنون إسرائيليون": settlers, not settlers and Israelis)."""
    if mention.last - mention.first != 1 or not doc.actors:
        return False
    previous = doc.actors[-1]  # mentions are appended in text order
    if previous.sentence != mention.sentence or previous.kind not in ("group", "organisation"):
        return False
    if mention.kind == "people":
        return (
            previous.last == mention.first
            and previous.country is not None
            and previous.country == mention.country
            and agree_in_definiteness(doc, previous.last - 1, mention.first)
        )
    if mention.kind != "agent":
        return False
    token = doc.tokens[mention.first]
    between = doc.tokens[previous.last : mention.first]
    return (
        "ال" in token.prefixes
        and not has_plural_ending(token)
        and all(t.norm in CLOSING_QUOTES for t in between)
    )


def agree_in_definiteness(doc: Doc, *positions: int) -> bool:
    """Whether the words at ``positions`` all have the article or all lack it (a noun and its adjectives)."""
    return len({doc.tokens[p].has_prefix("ال") for p in positions}) == 1


def _owned_agent(doc: Doc, owner: ActorMention) -> ActorMention | None:
    """ "طائرات حربية تابعة للائتلاف الدولي", "القوات التابعة للحكومة اليمنية", "2076 مقاتلا من الفصائل
    المقاتلة", "القوات التي يقودها خليفة حفتر": an agent noun, then تابعة ل and its owner, partitive من
    and its group, or التي يقودها and its leader, is one mention
    of the owner's forces: the owner's country with the agent's role, or the owner's own code when it
    has no country (a group). The owner is then no actor of its own, which an argument search would take
    for a counterpart. A partitive needs a bare agent noun: "مسلحين أكراد من سوريا" already has a people."""
    previous = doc.actors[-1] if doc.actors else None  # mentions are appended in text order
    if previous is None or previous.kind != "agent" or previous.sentence != owner.sentence or not owner.code:
        return None
    led = doc.cues_in("led_by", previous.last, owner.first)
    if any(c.first == previous.last and c.last == owner.first for c in led):
        # "القوات التي يقودها خليفة حفتر": the forces a person or group leads are theirs
        leader = _forces_of(owner, previous.role or "") if owner.kind == "person" else owner
        return replace(leader, first=previous.first, last=owner.last, kind="agent", role=previous.role)
    if doc.tokens[owner.first].has_prefix("ل"):
        cues = doc.cues_in("belonging", previous.last, owner.first)
        if not any(c.first == previous.last and c.last == owner.first for c in cues):
            return None
        # what a body owns has the body's country and its own role ("القوات التابعة للحكومة اليمنية")
        owned = owner.country is not None
    elif (
        owner.first == previous.last + 1
        and previous.last - previous.first == 1
        and doc.tokens[previous.last].norm == "من"
        and owner.kind != "state"  # "جنود من إيران": where they come from (read as a place)
    ):
        owned = False  # a part of a group is the group ("مقاتلا من الحوثيين")
    else:
        return None
    return ActorMention(
        previous.first,
        owner.last,
        owner.sentence,
        (owner.country or "") + (previous.role or "") if owned else owner.code,
        "agent",
        actor_id=owner.actor_id,
        country=owner.country,
        role=previous.role,
        confidence=owner.confidence,
    )


def _member_of(doc: Doc, group: ActorMention) -> ActorMention | None:
    """ "القيادي في تنظيم القاعدة", "زعيم حركة طالبان": a member cue right before a group (not a state)
    makes the mention one person of that group, coded as the group."""
    if group.kind not in ("group", "organisation") or not group.code:
        return None
    cue = next(
        (c for c in doc.sentence_cues(group.sentence) if c.category == "member" and c.last == group.first),
        None,
    )
    if cue is None:
        return None
    previous = doc.actors[-1] if doc.actors else None  # mentions are appended in text order
    if (
        previous is not None
        and previous.sentence == group.sentence
        and previous.last > cue.first
        and (previous.first, previous.last) != (cue.first, cue.last)
    ):
        return None  # the cue's words belong to the mention before (a title read alone is replaced)
    return ActorMention(
        cue.first,
        group.last,
        group.sentence,
        group.code,
        "person",
        actor_id=group.actor_id,  # the group the person speaks or acts for, which "الحركة" may name again
        name_en=group.name_en,
        country=group.country,
        role="member",
        confidence=group.confidence,
    )


def _focus_country(
    doc: Doc,
    compiled: CompiledLexicon,
    place_matches: list[list[Match]],
    attributive: list[set[int]],
    no_country: list[frozenset[int]],
) -> str | None:
    """The country where the story happens: the most frequent country among place mentions."""
    counts: Counter[str] = Counter()
    adjective_counts: Counter[str] = Counter()
    ambiguous: list[list[str]] = []
    for matches, candidates, event_adjectives, left_out in zip(
        doc.stem_matches, place_matches, attributive, no_country, strict=True
    ):
        # a place name inside a longer name of something else ("حركة النهضة") says nothing about where;
        # a name that is the place's own ("كركوك" as an imported actor too) does not hide it
        names = [
            (m.first, m.last + (1 if any(e.kind == "name_head" for e in m.entries) else 0))
            for m in matches
            if any(e.kind in ("actor", "role", "name_head") for e in m.entries)
        ]
        # "دير" inside "دير الزور" is no place of its own (the longer name is the one resolved)
        place_spans = [
            (m.first, m.last)
            for m in candidates
            if any(e.kind in ("place", "country", "capital") for e in m.entries)
        ]
        for match in candidates:
            if match.first in left_out:
                continue
            if any(
                first <= match.first and match.last <= last and last - first > match.last - match.first
                for first, last in place_spans
            ):
                continue
            inside_name = any(
                first < match.last and match.first < last and last - first > match.last - match.first
                for first, last in names
            )
            readings = _country_readings(doc, compiled, match, inside_name)
            if len(readings) > 1:
                ambiguous.append(readings)
            elif readings:
                counts[readings[0]] += 1
            for entry in match.entries:
                if entry.kind == "adjective" and match.first not in event_adjectives:
                    adjective_counts[entry.ref] += 1
    # one vote per place name; a name read in several countries ("عمان": Oman, or Amman in Jordan;
    # "طرابلس": Libya's capital, or a city of Lebanon) votes for the one the unambiguous names or the
    # country adjectives point to, else for its first reading
    named = set(counts)
    for readings in ambiguous:
        counts[max(readings, key=lambda c: (c in named, adjective_counts[c], -readings.index(c)))] += 1
    # a story that names no place and one foreign adjective at most happens at home: a Saudi paper's
    # ministry is Saudi, even beside "كالتجربة التركية" (like the Turkish experience)
    home = publication_country(doc.document, compiled)
    if home is not None and not counts and max(adjective_counts.values(), default=0) < _FOREIGN_ADJECTIVES:
        return home
    # country adjectives break ties between places ("آذان المغرب" beside "العاصمة الباكستانية اسلام أباد")
    # and decide when no place is named
    ranked = sorted(counts or adjective_counts, key=lambda c: (-counts[c], -adjective_counts[c]))
    return ranked[0] if ranked else None


def publication_country(document: Document, compiled: CompiledLexicon) -> str | None:
    """Where the document is published: its own ``country``, else the outlet table's entry for its
    ``source`` or the domain of its ``url``."""
    if document.country:
        return document.country
    outlets = compiled.lexicon.outlet_countries
    if document.source and (country := outlets.get(document.source.strip().lower())):
        return country
    if document.url:
        host = urlsplit(document.url).hostname or ""
        return outlets.get(host.removeprefix("www."))
    return None


def _no_country_positions(doc: Doc, compiled: CompiledLexicon, index: _Index) -> frozenset[int]:
    """Where the names and adjectives that say nothing about where the story is start: where people come
    from ("عمال من الهند"), a nisba surname ("منصور التركي" is a Saudi official)."""
    return _origin_positions(doc, compiled, index) | _surname_adjectives(doc, compiled, index.matches)


def _state_lookalike(doc: Doc, compiled: CompiledLexicon, match: Match) -> bool:
    """A word sharing the key of a state's name in ي but ending as its adjective ("دعما ماليا",
    financially; "مالية"), or without the article that state's name always takes ("منطقة صينة", a
    district of Taiz, is not الصين): its country and capital readings name no place. (A definite
    adjective such as "السورية" still votes for its state, as a place would.)"""
    if match.last - match.first != 1:
        return False
    bare = "ال" not in doc.tokens[match.first].prefixes
    return any(
        e.kind == "country"
        and (
            _feminine_of_name(doc, compiled, match.first, e.ref)
            or (bare and e.ref in compiled.definite_countries)
        )
        for e in match.entries
    )


def _origin_positions(doc: Doc, compiled: CompiledLexicon, index: _Index) -> frozenset[int]:
    """Where a sentence's names of origin start: the country people come from (_people_origin: "سياح من
    ألمانيا"), and any nationality after "الجنسية" ("يحمل الجنسية الأمريكية")."""
    people_ends = {
        m.last
        for m in index.matches
        for e in m.entries
        if e.kind == "agent" and compiled.lexicon.agents[int(e.ref)].code[:3] in PEOPLE_BLOCKS
    }
    origins = {origin[1] for end in people_ends if (origin := _people_origin(doc, index, end))}
    origins.update(
        m.first for m in index.matches if m.first > 0 and doc.tokens[m.first - 1].key == _NATIONALITY_KEY
    )
    return frozenset(origins)


def _surname_adjectives(doc: Doc, compiled: CompiledLexicon, matches: list[Match]) -> frozenset[int]:
    """Where a country adjective inside a longer actor name starts when that name's actors are of
    another country: a nisba surname ("اللواء منصور التركي", a Saudi official, is not Turkish), not the
    actor's own country ("الحرس الثوري الإيراني")."""
    names = [
        (m, _actor_countries(doc, compiled, m)) for m in matches if any(e.kind == "actor" for e in m.entries)
    ]
    return frozenset(
        match.first
        for match in matches
        for entry in match.entries
        if entry.kind == "adjective"
        and any(
            name.first <= match.first
            and match.last <= name.last
            and name.last - name.first > match.last - match.first
            and entry.ref not in countries
            for name, countries in names
        )
    )


def _actor_countries(doc: Doc, compiled: CompiledLexicon, match: Match) -> set[str]:
    """The countries of the actors a match names, on the document's date."""
    codes = (compiled.lexicon.actors[e.ref].code_on(doc.day)[0] for e in match.entries if e.kind == "actor")
    return {code[:3] for code in codes if code}


def _misread_place(doc: Doc, compiled: CompiledLexicon, match: Match, place: Place) -> bool:
    """A match whose spelling the place's name does not have, which keys hide: a ta marbuta or hamza
    the name lacks ("الطائفة" is no الطائف), a missing article the name always has ("قريتين" is no
    القريات), an article before a name whose first letter the key took for a clitic ("العقوبة" is no
    بعقوبة), or, for a small imported place, a verb or pronoun ending ("تبنته", adopted it, is no تبنة); or a
    one-word town or region right after a speech verb, which is the speaker's surname."""
    if _spelling_mismatch(doc, match.first, match.last, place.names, pronoun_allowed=False):
        return True
    if match.last - match.first != 1:
        return False
    capital = any(e.kind == "capital" for e in match.entries)
    if place.kind in ("city", "region") and not capital and doc.cue_ends_at(match.first, "speech"):
        return True  # "وأشار الأحمدي إلى": the speaker's nisba surname, not the town (a capital may speak)
    token = doc.tokens[match.first]
    if place.id in compiled.definite_places and "ال" not in token.prefixes:
        return True
    if "ال" in token.prefixes and all(name.startswith(tuple(_NAME_PROCLITICS)) for name in place.names):
        return True  # "العقوبة" (the penalty) is no بعقوبة, whose ب the key read as a preposition
    # a curated place is named as news writes it ("تكريت" reads as a word with a verb ending)
    small = place.population < _SIZEABLE_TOWN and not is_trusted(place.provenance)
    return small and any(s not in NAME_ENDINGS for s in token.suffixes)


def _country_readings(doc: Doc, compiled: CompiledLexicon, match: Match, inside_name: bool) -> list[str]:
    """The countries a place name may stand for, likeliest first: a country's own name, a capital,
    then towns of some size ("إسلام آباد" is Pakistan's capital, not the Iranian villages of that
    name; "الهند" is India whatever village shares it)."""
    if _state_lookalike(doc, compiled, match):
        return []
    readings = [e.ref for e in match.entries if e.kind == "country"]
    readings += [e.ref for e in match.entries if e.kind == "capital"]
    if inside_name:
        return readings
    places = [
        place
        for place in (compiled.lexicon.places[e.ref] for e in match.entries if e.kind == "place")
        if not _misread_place(doc, compiled, match, place)
    ]
    sizeable = [p for p in places if p.kind != "city" or p.population >= _SIZEABLE_TOWN]
    for place in sorted(sizeable or places, key=lambda p: -p.population):
        if place.country and place.country not in readings and (not readings or place in sizeable):
            readings.append(place.country)
    return readings


def _outside_event_phrases(matches: list[Match]) -> list[Match]:
    """The matches not inside a longer event phrase that goes on after them: "المسيل" in "الغاز المسيل
    للدموع" (tear gas) is not M'Sila; a word that ends the phrase still names where ("مفاوضات جنيف")."""
    phrases = [
        (m.first, m.last)
        for m in matches
        if m.last - m.first > 1 and any(e.kind == "event" for e in m.entries)
    ]
    return [m for m in matches if not any(first <= m.first and m.last < last for first, last in phrases)]


def _event_adjectives(compiled: CompiledLexicon, matches: list[Match]) -> set[int]:
    """Where country adjectives qualify an event noun ("قصف إسرائيلي", "غارة جوية أمريكية"): they
    name who did it, not where the story is or whose the unnamed people in it are."""
    noun_ends = {
        m.last
        for m in matches
        if any(e.kind == "event" and compiled.lexicon.events[int(e.ref)].pos == "noun" for e in m.entries)
    }
    return {
        m.first
        for m in matches
        if (m.first in noun_ends or m.first - 1 in noun_ends)
        and any(e.kind == "adjective" for e in m.entries)
    }


def _country_of_place_at(
    doc: Doc, compiled: CompiledLexicon, index: _Index, position: int, story_countries: frozenset[str]
) -> str | None:
    """The country of the longest place name starting at ``position`` that is no misreading (as place
    extraction judges it, ``_misread_place``): the one country all its places share, else the story's
    among them."""
    readings = [
        (match.last, place.country)
        for match in index.matches
        if match.first == position
        for place in (compiled.lexicon.places[e.ref] for e in match.entries if e.kind == "place")
        if not _misread_place(doc, compiled, match, place)
    ]
    if not readings:
        return None
    longest = max(end for end, _ in readings)
    countries = {country for end, country in readings if end == longest and country}
    if len(countries) == 1:
        return next(iter(countries))
    shared = countries & story_countries
    return next(iter(shared)) if len(shared) == 1 else None


def _sentence_countries(
    doc: Doc, compiled: CompiledLexicon, index: _Index, attributive: set[int], left_out: frozenset[int]
) -> list[str]:
    """The countries a sentence names, but for the adjectives of event nouns (``attributive``), the
    names and adjectives starting at ``left_out`` (see extract_mentions) and the state names of words
    that only share their key ("دعما ماليا")."""
    lookalikes = {m.first for m in index.matches if _state_lookalike(doc, compiled, m)}
    countries = []
    for start, pairs in index.by_start.items():
        if start in left_out:
            continue
        for _, entry in pairs:
            if (entry.kind in ("country", "people") and start not in lookalikes) or (
                entry.kind == "adjective" and start not in attributive
            ):
                countries.append(entry.ref)
    return countries


def _actor_at(
    doc: Doc,
    compiled: CompiledLexicon,
    index: _Index,
    position: int,
    sentence: int,
    sentence_countries: list[str],
) -> ActorMention | None:
    lexicon = compiled.lexicon
    for role_end, role_entry in index.at(position, "role"):
        role = lexicon.roles[role_entry.ref]
        # role + country
        for country_end, country_entry in index.at(role_end, "country", "adjective"):
            if (
                country_entry.kind == "adjective"
                and index.definite(role_end - 1)
                and not index.definite(role_end)
            ):
                continue  # an adjective agrees in definiteness: "الأمير تركي" is Prince Turki, not Turkish
            mention = _role_mention(
                doc, compiled, position, country_end, sentence, role.id, country_entry.ref
            )
            return _extend_with_person(doc, compiled, index, mention)
        # role + named person ("الرئيس بوتين", "وزير الخارجية الأستاذ عادل الجبير")
        people = _actors_at(doc, compiled, index, role_end, persons_only=True)
        if people is None and role_end < len(doc.tokens) and doc.tokens[role_end].key in _HONORIFICS:
            people = _actors_at(doc, compiled, index, role_end + 1, persons_only=True)
        if people is not None:
            person_end, candidates = people
            mention = _named_mention(
                doc, compiled, position, person_end, sentence, candidates, sentence_countries
            )
            mention.role = role.id
            return mention
        # role + agent ("كبير مفاوضي النظام"): the agent's country from context
        for agent_end, _ in index.at(role_end, "agent"):
            if "ال" not in doc.tokens[role_end].prefixes:
                continue  # the genitive is the regime or the opposition, not another office ("وزير")
            country = _context_country(sentence_countries, doc.focus_country)
            if country:
                mention = _role_mention(doc, compiled, position, agent_end, sentence, role.id, country)
                mention.confidence = 0.7
                return _extend_with_person(doc, compiled, index, mention)
        # an organisation's envoy and the country of the mission ("المبعوث الأممي إلى سوريا"); holders of
        # such roles are keyed by that country
        if role.code == "IGO" and doc.cue_starts_at(role_end, "mission"):
            for country_end, country_entry in index.at(role_end + 1, "country"):
                if country_entry.ref in role.holders:
                    mention = _role_mention(
                        doc, compiled, position, country_end, sentence, role.id, country_entry.ref
                    )
                    return _extend_with_person(doc, compiled, index, mention)
        # a role that names its country or organisation itself ("خادم الحرمين الشريفين" is Saudi,
        # "الأمين العام للأمم المتحدة" is the UN's)
        own = role.country or ("IGO" if "IGO" in role.holders else None)
        if own:
            mention = _role_mention(doc, compiled, position, role_end, sentence, role.id, own)
            return _extend_with_person(doc, compiled, index, mention)
        # the office alone, after its holder was named ("وزير الخارجية عادل الجبير ... ورأى وزير
        # الخارجية"): the same person, not the office of the country the story is about
        named_before = (
            next((m for m in reversed(doc.actors) if m.role == role.id and m.country), None)
            if _bare_office(doc, role_end)
            else None
        )
        if named_before is not None:
            confidence = round(named_before.confidence * 0.8, 2)
            return _referring_to(named_before, position, role_end, sentence, role.id, confidence)
    longest_place = max(
        (
            end
            for end, entry in index.at(position, "place")
            # a name whose spelling the place's names do not allow is read as no place here either
            if not _spelling_mismatch(
                doc, position, end, lexicon.places[entry.ref].names, pronoun_allowed=False
            )
        ),
        default=position,
    )
    story_countries = frozenset(filter(None, [doc.focus_country, *sentence_countries]))
    named = _actors_at(doc, compiled, index, position, story_countries=story_countries)
    # a longer name starting here is more specific than a generic noun: "قوات سوريا الديمقراطية" is the
    # SDF, not Syrian forces; "محافظة إدلب" and "مستشفى كمال عدوان" are places, not agents
    longest_name = max(longest_place, named[0] if named else position)
    for agent_end, agent_entry in _agents_at(doc, compiled, index, position):
        agent = lexicon.agents[int(agent_entry.ref)]
        for gap in (0, 1):
            for country_end, country_entry in index.at(agent_end + gap, "adjective", "country", "people"):
                if (gap and _is_blocked(doc, compiled, index, agent_end)) or country_end < longest_name:
                    continue
                # "قدمت الحكومة دعما ماليا": an object and its adjective, not the agent's; but a head in
                # construct is definite by its genitive ("وزارة الخزانة الأمريكية": the US Treasury)
                if gap and not (
                    agree_in_definiteness(doc, agent_end - 1, agent_end, agent_end + 1)
                    or (
                        _in_construct(doc.tokens[agent_end - 1])
                        and agree_in_definiteness(doc, agent_end, agent_end + 1)
                        and doc.tokens[agent_end].has_prefix("ال")
                    )
                ):
                    continue
                code = country_entry.ref + agent.code
                return ActorMention(
                    position, country_end, sentence, code, "agent", country=country_entry.ref, role=agent.code
                )
        country = _country_of_place_at(doc, compiled, index, agent_end, story_countries)
        if country is not None and agent_end >= longest_name:
            # "محافظ البصرة", "شرطة الرياض": the agent of the place named after it
            return ActorMention(
                position, agent_end, sentence, country + agent.code, "agent", country=country, role=agent.code
            )
        # an agent and a group's nisba ("متمردون حوثيون", "الميليشيات الحوثية") are that group's men
        after = _actors_at(doc, compiled, index, agent_end, story_countries=story_countries)
        groups = [a for a in after[1] if a.type == "group"] if after is not None else []
        if (
            groups
            and after[0] == agent_end + 1
            and doc.text[doc.tokens[agent_end].start : doc.tokens[agent_end].end].endswith(
                _GROUP_NISBA_ENDINGS
            )
        ):
            return _named_mention(doc, compiled, position, after[0], sentence, groups, sentence_countries)
        origin = _people_origin(doc, index, agent_end) if agent.code[:3] in PEOPLE_BLOCKS else None
        if origin is not None and origin[2] >= longest_name:
            country, _, origin_end = origin
            return ActorMention(
                position,
                origin_end,
                sentence,
                country + agent.code,
                "agent",
                country=country,
                role=agent.code,
            )
        # an agent noun in construct with a named group ("مقاتلي داعش", "عناصر حزب الله") is that group
        construct = is_trusted(agent.provenance) and _in_construct(doc.tokens[agent_end - 1])
        group = (
            _actors_at(doc, compiled, index, agent_end, story_countries=story_countries)
            if construct
            else None
        )
        if group is not None and group[0] > longest_place:
            named_group = _named_mention(
                doc, compiled, position, group[0], sentence, group[1], sentence_countries
            )
            if all(a.type != "person" for a in group[1]):
                return named_group
            if agent.code in _PERSONAL_AGENT_CODES and named_group.country:
                return _forces_of(named_group, agent.code)
    if named is not None:
        actor_end, candidates = named
        trusted = any(is_trusted(actor.provenance) for actor in candidates)
        # a curated generic noun as long as an imported name is generic ("وزارة الداخلية" is the
        # focus country's ministry, not the one an imported dictionary tied to Afghanistan)
        curated_ends = [
            end
            for end, entry in _agents_at(doc, compiled, index, position)
            if is_trusted(lexicon.agents[int(entry.ref)].provenance)
        ]
        curated_agent = any(end >= actor_end for end in curated_ends)
        # "قاعدة حميميم" is the base, not القاعدة; an imported "بغداد → IRQ" is the city, and an imported
        # "غرب بغداد → IRQ" the west of it; "القاعدة الجوية", a longer curated noun, is an air base
        if (
            (trusted or not curated_agent)
            and not any(end > actor_end for end in curated_ends)
            and (longest_place < actor_end or (longest_place == actor_end and trusted))
            and (trusted or not _part_of_place(doc, index, position, actor_end))
        ):
            return _named_mention(
                doc, compiled, position, actor_end, sentence, candidates, sentence_countries
            )
    pattern_mention = _name_pattern_at(doc, compiled, index, position, sentence, sentence_countries)
    if pattern_mention is not None:
        return pattern_mention
    for country_end, country_entry in index.at(position, "country"):
        if _governed_by_preposition(doc, position) or _listed_after_preposition(doc, index, position):
            break  # "في سوريا", "من سوريا", "في الكويت وتونس": a place (see _extract_places)
        if _not_the_state_name(doc, compiled, position, country_end, country_entry.ref):
            break  # "السوري" is the adjective, "يمن" a verb, "مالية" financial
        # a state named as subject, object or genitive ("حلفاء إيران") acts as an actor
        return ActorMention(
            position,
            country_end,
            sentence,
            country_entry.ref,
            "state",
            country=country_entry.ref,
            name_en=lexicon.countries[country_entry.ref].name_en,
            confidence=0.8,
        )
    for people_end, people_entry in index.at(position, "people"):
        return ActorMention(
            position, people_end, sentence, people_entry.ref, "people", country=people_entry.ref
        )
    if _counted(doc, position) or "ان" in doc.tokens[position].suffixes:
        # "قتل 13 عراقيا", "قتل عراقيان": a country adjective counted by a number, or in the dual,
        # names people of that country
        for adjective_end, adjective_entry in index.at(position, "adjective"):
            return ActorMention(
                position, adjective_end, sentence, adjective_entry.ref, "people", country=adjective_entry.ref
            )
    anaphor = _group_anaphor(doc, compiled, position, sentence)
    if anaphor is not None:
        return anaphor
    for agent_end, agent_entry in _agents_at(doc, compiled, index, position):
        agent = lexicon.agents[int(agent_entry.ref)]
        if not agent.bare:
            break  # "صاروخ", "طائرات بدون طيار" alone: a thing, not a shorter agent inside it
        if not agent.code or not is_trusted(agent.provenance):
            # an imported generic noun with no country named ("العسكرية", "دبلوماسية") is too vague
            continue
        if agent_end < longest_place:
            break  # the head of a place's name ("محافظة إدلب"), left to the places
        if agent_end - position == 1 and _modifies_event_noun(doc, compiled, index, position):
            break  # "هجوم مسلح": an armed attack, not armed men
        group = _possessing_group(doc, agent_end, sentence)
        if group is not None:
            return _referring_to(group, position, agent_end, sentence, "member", 0.65)
        first_block = agent.code[:3]
        country, confidence = None, 0.5
        if first_block in _DOMESTIC_BLOCKS:
            # "القوات الموالية للحكومة", "القوات التابعة للتحالف": described anew, not the forces told before
            described = any(doc.cue_starts_at(agent_end, c) for c in ("loyal", "belonging"))
            antecedent = (
                None
                if described
                else _agent_antecedent(doc, position, agent_end, sentence, agent.serves or first_block)
            )
            if antecedent is not None:
                country, confidence = antecedent, 0.65
            else:
                country = _context_country(sentence_countries, doc.focus_country)
                confidence = CONTEXT_COUNTRY_CONFIDENCE if country else 0.5
        code = (country or "") + agent.code
        return ActorMention(
            position,
            agent_end,
            sentence,
            code,
            "agent",
            country=country,
            role=agent.code,
            confidence=confidence,
        )
    return None


def _agents_at(doc: Doc, compiled: CompiledLexicon, index: _Index, position: int) -> list[tuple[int, Entry]]:
    """Agent matches at ``position``, without those whose last word carries a ta marbuta the agent's
    name lacks: "مدنية" (civil), "مسلحة" (armed), "مستوطنة" (a settlement) are not مدني، مسلح، مستوطن;
    nor one word without the article that every one-word name of the agent has ("مقاومة"); nor a word
    ending in a written ت with nothing after it, a verb ("وسلطت الضوء": shed light, not السلطة) where a
    noun would keep its ta marbuta ("سلطة") or take a pronoun ("حكومتنا"), or ending in the past
    plural's وا ("أسروا": they captured, not الأسر, families); nor the media after a word for a
    statement or conference ("تصريح صحفي", a press statement); nor an adverb of manner ("سترد بقوة":
    forcefully, no force)."""
    if doc.cue_starts_at(position, "manner"):
        return []
    press = doc.cue_ends_at(position, "press_format")
    return [
        (end, entry)
        for end, entry in index.at(position, "agent")
        if not (press and compiled.lexicon.agents[int(entry.ref)].code == "MED")
        and not _spelling_mismatch(doc, position, end, compiled.lexicon.agents[int(entry.ref)].names)
        and not _lacks_article(index, position, end, entry.ref, compiled.definite_agents)
        and not ends_in_written_ta(doc.tokens[end - 1], doc.surface(end - 1, end, body=False))
        and "وا" not in doc.tokens[end - 1].suffixes
    ]


def _people_origin(doc: Doc, index: _Index, position: int) -> tuple[str, int, int] | None:
    """The country people come from, told right after them: "من" and a country's name ("سياح من
    ألمانيا"), "من الجنسية" and a nationality ("ثلاثة أشخاص من الجنسية السورية") or where they are
    based ("شركات مقرها الإمارات"); (country, where its name starts, where it ends)."""
    based = _based_in(doc, index, position)
    if based is not None:
        return based
    if position + 1 >= len(doc.tokens) or doc.tokens[position].norm != "من":
        return None
    for country_end, country_entry in index.at(position + 1, "country"):
        return country_entry.ref, position + 1, country_end
    if doc.tokens[position + 1].key == _NATIONALITY_KEY and not doc.tokens[position + 1].has_prefix("و"):
        for adjective_end, adjective in index.at(position + 2, "adjective"):
            return adjective.ref, position + 2, adjective_end
    return None


def _based_in(doc: Doc, index: _Index, position: int) -> tuple[str, int, int] | None:
    """ "ثلاث شركات شحن مقرها الإمارات": the country where companies or organisations are based, told
    right after them (one noun of theirs may come between: "شحن")."""
    for start in (position, position + 1):
        if start >= len(doc.tokens) or doc.tokens[start].sentence != doc.tokens[position - 1].sentence:
            return None
        # "مقرها في الإمارات" as well as "مقرها الإمارات"
        ends = [
            c.last
            for c in doc.sentence_cues(doc.tokens[start].sentence)
            if c.category == "based_in" and c.first == start
        ]
        for end in ends:
            for country_end, country_entry in index.at(end, "country"):
                return country_entry.ref, end, country_end
        if ends:
            return None
    return None


def _shared_head(doc: Doc, index: _Index, mention: ActorMention, end: int) -> ActorMention | None:
    """A country adjective joined by و to an agent + country mention shares its head noun: "القوات
    الروسية والسورية" names Syrian forces as well (the mention covers the adjective alone)."""
    if mention.kind != "agent" or not mention.country or mention.last >= end:
        return None
    token = doc.tokens[mention.last]
    if not token.has_prefix("و"):
        return None
    for adjective_end, adjective in index.at(mention.last, "adjective"):
        if adjective.ref == mention.country:
            return None
        return ActorMention(
            mention.last,
            adjective_end,
            mention.sentence,
            adjective.ref + mention.role_blocks,
            "agent",
            country=adjective.ref,
            role=mention.role,
            confidence=mention.confidence,
        )
    return None


def _counted(doc: Doc, position: int) -> bool:
    """Whether a number or a number word comes right before ``position`` ("13 عراقيا", "ثلاثة عراقيين")."""
    if position == 0 or doc.tokens[position - 1].sentence != doc.tokens[position].sentence:
        return False
    before = doc.tokens[position - 1]
    return before.kind == "number" or doc.cue_starts_at(position - 1, "cardinal")


def _bare_office(doc: Doc, end: int) -> bool:
    """An office named alone and definite ("وزير الخارجية", "الرئيس"), not the head of something in
    construct ("رئيس نادي الباطن", "رئيس مركز الدراسات") nor described by a definite word after it
    ("الرئيس السابق", "الرئيس الاتحادي", "الرئيس المؤسس"), so that it may name again the holder told
    before."""
    if "ال" not in doc.tokens[end - 1].prefixes:
        return False
    if end >= len(doc.tokens) or doc.tokens[end].sentence != doc.tokens[end - 1].sentence:
        return True
    return "ال" not in doc.tokens[end].prefixes


def _referring_to(
    antecedent: ActorMention, first: int, last: int, sentence: int, role: str, confidence: float
) -> ActorMention:
    """A mention at ``first:last`` of the actor ``antecedent`` names ("الحركة" after حركة حماس, "مقاتليه"
    after تنظيم داعش)."""
    return ActorMention(
        first,
        last,
        sentence,
        antecedent.code,
        antecedent.kind,
        actor_id=antecedent.actor_id,
        name_en=antecedent.name_en,
        country=antecedent.country,
        role=role,
        confidence=confidence,
    )


def _possessing_group(doc: Doc, last: int, sentence: int) -> ActorMention | None:
    """ "قال تنظيم داعش إن مقاتليه هاجموا", "قال حزب الله إن مقاتليه": an agent noun with a pronoun
    clitic whose nearest earlier actor (this sentence or the one before) is an armed group, or another
    organisation of no state, is that group's own men (a state's "قواتها" are its forces, below)."""
    if not has_pronoun_suffix(doc, last - 1):
        return None
    for mention in reversed(doc.actors):
        if mention.sentence < sentence - 1:
            return None
        if mention.confidence < 0.6:
            continue
        own_men = mention.kind == "group" or (mention.kind == "organisation" and not mention.country)
        return mention if own_men and mention.code else None
    return None


def _agent_antecedent(doc: Doc, first: int, last: int, sentence: int, block: str) -> str | None:
    """The country of the actor a bare agent noun refers back to: with a pronoun clitic ("جنوده") the
    nearest earlier actor with a country; otherwise the last one with the same role block."""
    possessed = has_pronoun_suffix(doc, last - 1)
    for mention in reversed(doc.actors):
        if mention.sentence < sentence - (1 if possessed else _ANAPHORA_SENTENCES):
            break
        if not mention.country or mention.confidence < 0.6:
            continue  # only what was named, not what was itself guessed from context
        if possessed or mention.role_blocks[:3] == block:
            return mention.country
    return None


def _group_anaphor(doc: Doc, compiled: CompiledLexicon, position: int, sentence: int) -> ActorMention | None:
    """ "الحركة", "التنظيم" alone: the last group named with that head noun ("حركة حماس", or "حماس"
    when one of its names is "حركة حماس"), within the last sentences."""
    if not doc.cue_starts_at(position, "group_anaphor"):
        return None
    head = doc.tokens[position].norm.removeprefix("ال")
    for mention in reversed(doc.actors):
        if mention.sentence < sentence - _ANAPHORA_SENTENCES:
            break
        names_group = mention.kind in ("group", "organisation") or mention.role == "member"
        if mention.actor_id is None or not names_group:
            continue
        actor = compiled.lexicon.actors[mention.actor_id]
        if any(normalize(name).text.split()[0] == head for name in actor.names):
            return _referring_to(
                mention, position, position + 1, sentence, "anaphor", round(mention.confidence * 0.8, 2)
            )
    return None


def _in_construct(token: Token) -> bool:
    """Whether a noun can head a genitive: no article, and no plural or dual ن, which the construct
    drops ("مقاتلي داعش", not "مسلحون القاعدة")."""
    return "ال" not in token.prefixes and not any(s in ("ون", "ين", "ان", "ا") for s in token.suffixes)


def _modifies_event_noun(doc: Doc, compiled: CompiledLexicon, index: _Index, position: int) -> bool:
    """An indefinite agent word right after an indefinite event noun is its adjective ("هجوم مسلح"),
    not after a verb ("هاجم مسلحون": its subject), nor a dual or plural after a singular noun, which
    an adjective would agree with ("مقتل جنديين": two soldiers killed), nor after a noun whose genitive
    is the one it is done to ("مقتل شرطي": a policeman killed)."""
    token = doc.tokens[position]
    if position == 0 or token.prefixes or "ون" in token.suffixes:
        return False
    before = doc.tokens[position - 1]
    if before.sentence != token.sentence or "ال" in before.prefixes or looks_finite(before):
        return False
    if {"ين", "ان"} & set(token.suffixes) and not {"ين", "ان"} & set(before.suffixes):
        return False
    events = compiled.lexicon.events
    return any(
        end == position
        and entry.kind == "event"
        and events[int(entry.ref)].pos == "noun"
        and events[int(entry.ref)].genitive != "target"
        and events[int(entry.ref)].subject == "agent"
        for start in range(max(0, position - 3), position)
        for end, entry in index.by_start.get(start, [])
    )


def _name_pattern_at(
    doc: Doc, compiled: CompiledLexicon, index: _Index, position: int, sentence: int, countries: list[str]
) -> ActorMention | None:
    """ "جبهة X", "حزب X", "كتائب X" with X unknown to the lexicon: the head noun in construct state (no
    article) and a definite genitive name after it. A country adjective right after the name gives the
    country ("حزب البعث السوري"); otherwise the context does."""
    for head_end, head_entry in index.at(position, "name_head"):
        head = doc.tokens[position]
        if "ال" in head.prefixes or head_end >= doc.sentences[sentence].last_token:
            return None
        pattern = compiled.lexicon.name_patterns[int(head_entry.ref)]
        last = head_end
        while last < doc.sentences[sentence].last_token and last - head_end < _MAX_NAME_TOKENS:
            token = doc.tokens[last]
            if (
                token.kind != "arabic"
                or "ال" not in token.prefixes
                or token.has_prefix("و", "ف", "ب", "ل", "ك")
            ):
                break
            if index.at(last, "actor", "role", "country", "adjective", "people", "event"):
                break
            # a party is named after the people it speaks for ("حزب الشعب الديمقراطي", "حزب العمال"):
            # there a civilian or labour word is part of the name; any other agent ends it
            agents = index.at(last, "agent")
            if agents and not (pattern.code == "PTY" and all(_civilian_word(compiled, e) for _, e in agents)):
                break
            last += 1
        if last == head_end:
            return None
        country = None
        for adjective_end, adjective in index.at(last, "adjective"):
            country, last = adjective.ref, adjective_end
            break
        country = country or _context_country(countries, doc.focus_country)
        return ActorMention(
            position,
            last,
            sentence,
            (country or "") + pattern.code,
            pattern.kind,
            country=country,
            role="name-pattern",
            confidence=0.5,
        )
    return None


def _forces_of(person: ActorMention, agent_code: str) -> ActorMention:
    """ "قوات الأسد", "قوات المخلوع صالح": the forces of a person are his state's forces of that kind
    (SYRGOV → SYRMIL), or his side's when he leads rebels (YEMREB stays YEMREB)."""
    blocks = person.role_blocks[:3]
    code = person.code if blocks in _NON_STATE_BLOCKS else f"{person.country}{agent_code}"
    return ActorMention(
        person.first,
        person.last,
        person.sentence,
        code,
        "agent",
        country=person.country,
        role=agent_code,
        confidence=person.confidence,
    )


def _civilian_word(compiled: CompiledLexicon, entry: Entry) -> bool:
    return compiled.lexicon.agents[int(entry.ref)].code in ("CVL", "LAB")


def _governed_by_preposition(doc: Doc, position: int) -> bool:
    """ "في سوريا", "لسوريا", "جنوب لبنان", "في دول مثل مصر": a place, not the state acting. Not after
    بين: "مباحثات بين السعودية ومصر" names the parties."""
    token = doc.tokens[position]
    if token.has_prefix("ب", "ل", "ك"):
        return True
    if position > 1 and doc.tokens[position - 1].norm == "مثل":
        # "في بلاد مثل باكستان": an example of the places a preposition governs is one of them
        return _governed_by_preposition(doc, position - 2)
    return (
        position > 0
        and (doc.cue_starts_at(position - 1, "preposition") or doc.cue_starts_at(position - 1, "locative"))
        and not doc.cue_starts_at(position - 1, "reciprocal")
    )


def _listed_after_preposition(doc: Doc, index: _Index, position: int) -> bool:
    """ "في الكويت وتونس وفرنسا", "في مصر، ليبيا": a country joined by و or a comma to a country or place
    that a preposition governs is a place too, not a state acting."""
    token = doc.tokens[position]
    end = position
    if position > 0 and doc.tokens[position - 1].norm in {"،", ","}:
        end = position - 1  # "في مصر، ليبيا", "في باكستان، وأفغانستان"
    elif not token.has_prefix("و"):
        return False
    for start in range(end - 1, max(-1, end - _LONGEST_LISTED_PLACE - 1), -1):
        if doc.tokens[start].sentence != token.sentence:
            return False
        if any(place_end == end for place_end, _ in index.at(start, "country", "place")):
            return _governed_by_preposition(doc, start) or _listed_after_preposition(doc, index, start)
    return False


def _is_blocked(doc: Doc, compiled: CompiledLexicon, index: _Index, position: int) -> bool:
    """The word between an agent and its country must be a modifier ("المستشارين العسكريين الإيرانيين"),
    not a preposition ("قواتهم في سوريا"), punctuation, or the start of another mention."""
    token = doc.tokens[position]
    if token.kind != "arabic" or token.norm in compiled.function_words:
        return True
    return bool(index.at(position, "actor", "agent", "role", "place", "event"))


def _context_country(sentence_countries: list[str], focus: str | None) -> str | None:
    if focus:
        return focus
    return Counter(sentence_countries).most_common(1)[0][0] if sentence_countries else None


def _role_mention(
    doc: Doc, compiled: CompiledLexicon, first: int, last: int, sentence: int, role_id: str, country: str
) -> ActorMention:
    role = compiled.lexicon.roles[role_id]
    code = country + role.code if role.code != "IGO" else "IGO"
    mention = ActorMention(first, last, sentence, code, "role", country=country, role=role_id, confidence=0.8)
    holder = role.holder_on(country, doc.day)
    if holder is not None:
        actor = compiled.lexicon.actors[holder.actor]
        mention.actor_id = actor.id
        mention.name_en = actor.name_en
        mention.confidence = 0.95
    return mention


def _extend_with_person(
    doc: Doc, compiled: CompiledLexicon, index: _Index, mention: ActorMention
) -> ActorMention:
    """ "وزير الخارجية السوري وليد المعلم": the name that follows a role phrase is the holder."""
    for position in (mention.last, mention.last + 1):
        people = _actors_at(doc, compiled, index, position, persons_only=True)
        if people is None:
            continue
        person_end, candidates = people
        countries = [mention.country] if mention.country else []
        actor, decided_by = _choose_actor(compiled, candidates, doc.day, countries, doc.focus_country)
        code, confidence = actor.code_on(doc.day)
        mention.last = person_end
        mention.actor_id = actor.id
        mention.name_en = actor.name_en
        mention.code = code or mention.code
        mention.confidence = max(mention.confidence, confidence * _AMBIGUITY_FACTOR[decided_by])
        return mention
    if mention.kind == "role" and mention.actor_id is None:
        name_end = _unknown_name_after(doc, compiled, index, mention)
        if name_end is not None:  # "وزير الداخلية الموريتاني محمد ولد أحمد": a person the lexicon lacks
            mention.last = name_end
            mention.confidence = min(mention.confidence, UNKNOWN_NAME_CONFIDENCE)
    return mention


UNKNOWN_NAME_CONFIDENCE = 0.6  # the role and country are certain; who holds it is the NER model's reading
# a name only the NER model found, of a person or organisation whose country is the context's guess
RECOGNISED_NAME_CONFIDENCE = 0.4
_RECOGNISED_KINDS = {"PER": "person", "ORG": "organisation"}


def _names_a_medium(doc: Doc, compiled: CompiledLexicon, first: int, last: int) -> bool:
    """A news medium, which reports events and takes part in none: after وكالة/صحيفة/قناة ("وكالة
    رويترز"), quoted after the لـ of a statement ("قال لـ«الشرق الأوسط»"), or quoted in a dateline
    ("لندن ـ «الشرق الأوسط»: ...")."""
    if doc.cue_ends_at(first, "media_head"):
        return True
    tokens = doc.tokens
    closers = dict(compiled.lexicon.quote_pairs)
    if first == 0 or tokens[first - 1].norm not in closers or last >= len(tokens):
        return False
    if first >= 2 and tokens[first - 2].norm == "ل":
        return True
    sentence = doc.sentences[tokens[first].sentence]
    closing = last + 1 if tokens[last].norm == closers[tokens[first - 1].norm] else last
    return first - 1 - sentence.first_token <= 2 and closing < len(tokens) and tokens[closing].norm == ":"


def add_recognised_names(
    doc: Doc, compiled: CompiledLexicon, spans: list[tuple[int, int]], taken: set[int]
) -> int:
    """Persons and organisations the lexicon does not know, found by the NER model in the token ranges
    ``spans`` (the clauses where an event lacks an argument: the model runs where it can help) and in
    no other mention or ``taken`` token. Each becomes an actor of kind person or organisation whose
    country is only what the text says: a nationality adjective next to the name ("الياباني X", "X
    الغاني"), else the one country the sentence names or places things in; otherwise no code (a
    foreign name in a story about somewhere else is not from there). Returns how many were added."""
    occupied = set(taken)
    occupied.update(i for m in doc.actors for i in range(m.first, m.last))
    occupied.update(i for p in doc.places for i in range(p.first, p.last))
    tagger = load_ner_tagger()
    ranges = [(first, last) for first, last in spans if last > first]
    labels_by_range = tagger.tag_tokens(doc.text, [doc.tokens[first:last] for first, last in ranges])
    added: list[ActorMention] = []
    for (first, _last), labels in zip(ranges, labels_by_range, strict=True):
        sentence = doc.tokens[first].sentence
        index = _Index(doc, doc.stem_matches[sentence])
        attributive = _event_adjectives(compiled, index.matches)
        left_out = _no_country_positions(doc, compiled, index)
        named = set(_sentence_countries(doc, compiled, index, attributive, left_out)) | {
            p.country for p in doc.places if p.sentence == sentence
        }
        named.discard(None)
        for start, end, entity_type in iob_spans(labels):
            kind = _RECOGNISED_KINDS.get(entity_type)
            tokens = range(first + start, first + end)
            if kind is None or any(i in occupied for i in tokens):
                continue
            if all(doc.tokens[i].norm in compiled.function_words for i in tokens):
                continue
            if _names_a_medium(doc, compiled, first + start, first + end):
                continue
            if doc.cue_ends_at(first + start, "naming"):
                continue  # "شاب يدعى محمد": the name of someone told just before, no other actor
            # a name right after a group's member is that member ("العضو البارز في تنظيم القاعدة X")
            member = next((m for m in doc.actors if m.last == first + start and m.role == "member"), None)
            if member is not None:
                code, country = member.code, member.country
            else:
                country = _nationality_next_to(doc, index, first + start, first + end) or (
                    next(iter(named)) if len(named) == 1 else None
                )
                code = country
            added.append(
                ActorMention(
                    first + start,
                    first + end,
                    sentence,
                    code,
                    kind,
                    country=country,
                    role="recognised-name",
                    confidence=RECOGNISED_NAME_CONFIDENCE,
                )
            )
            occupied.update(tokens)
    if added:
        doc.actors = sorted(doc.actors + added, key=lambda m: m.first)
        doc.index_actors()
    return len(added)


def _nationality_next_to(doc: Doc, index: _Index, first: int, last: int) -> str | None:
    """A country adjective right before a name ("الياباني X") or right after it ("X الغاني"), not
    one that opens the next item of a list ("X والغابوني Y")."""
    for start in (first - 1, first - 2):
        for end, entry in index.at(start, "adjective") if start >= 0 else []:
            if end == first:
                return entry.ref
    if last < len(doc.tokens) and not doc.tokens[last].has_prefix("و"):
        for _, entry in index.at(last, "adjective"):
            return entry.ref
    return None


def _unknown_name_after(
    doc: Doc, compiled: CompiledLexicon, index: _Index, mention: ActorMention
) -> int | None:
    """The end of a person's name that the NER model finds right after a role phrase whose holder the
    lexicon does not know. The model runs on that sentence only, so its cost is paid where it can help."""
    position = mention.last
    sentence = doc.sentences[mention.sentence]
    if position >= sentence.last_token or _is_blocked(doc, compiled, index, position):
        return None
    tokens = doc.tokens[sentence.first_token : sentence.last_token]
    labels = load_ner_tagger().tag_tokens(doc.text, [tokens])[0]
    offset = position - sentence.first_token
    if labels[offset] != "B-PER":
        return None
    end = offset + 1
    while end < len(labels) and labels[end] == "I-PER":
        end += 1
    return sentence.first_token + end


def _actors_at(
    doc: Doc,
    compiled: CompiledLexicon,
    index: _Index,
    position: int,
    persons_only: bool = False,
    story_countries: frozenset[str] = frozenset(),
) -> tuple[int, list[Actor]] | None:
    """The longest actor alias starting at ``position`` and every actor it names; a name that stands for
    an actor only in some theatres counts when ``story_countries`` (the focus and the sentence's
    countries) include one of them. An actor is never a word with a ta marbuta its names lack
    ("السليمانية" is the Iraqi city, not سليماني; "مستوطنة" a settlement, not settlers), except a group's
    feminine nisba ("الميليشيات الحوثية")."""
    found = []
    for end, entry in index.at(position, "actor"):
        actor = compiled.lexicon.actors[entry.ref]
        if (
            (not persons_only or actor.type == "person")
            and not _lacks_article(index, position, end, entry.ref, compiled.definite_actors)
            and (not entry.theatre_only or not story_countries.isdisjoint(actor.theatres))
            and not (
                (actor.type == "person" or not _group_nisba(doc, position, end))
                and _spelling_mismatch(doc, position, end, actor.names)
            )
            and not (
                actor.type == "person" and end - position == 1 and _not_a_name_of(doc.tokens[position], actor)
            )
        ):
            found.append((end, actor))
    if not found:
        return None
    longest = found[0][0]
    return longest, [actor for end, actor in found if end == longest]


def _part_of_place(doc: Doc, index: _Index, first: int, last: int) -> bool:
    """A locative word and a place or country up to ``last`` ("غرب بغداد", "شمال مالي"): where, not who."""
    return doc.cue_starts_at(first, "locative") and any(
        end == last for end, _ in index.at(first + 1, "place", "country")
    )


def _not_a_name_of(token: Token, actor: Actor) -> bool:
    """A one-word match on a person that is not written as one of the person's one-word names once a
    conjunction or preposition clitic is set aside: stems hide endings and articles a name does not
    take, so "ماكينات" (machines) met ماكين, "سادت" (prevailed) السادات and "السلمان" سلمان."""
    names = _one_word_names(actor.names)
    if not names:
        return False
    body = token.norm
    for prefix in token.prefixes:
        if prefix not in _NAME_PROCLITICS or not body.startswith(prefix):
            break
        body = body[len(prefix) :]
    if "ال" in token.prefixes and body.startswith("ل") and not body.startswith("ال"):
        body = "ا" + body  # "للبشير": the article's alif is not written after ل
    return body not in names


@lru_cache(maxsize=4096)
def _one_word_names(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalize(name).text for name in names if len(name.split()) == 1)


def _group_nisba(doc: Doc, first: int, end: int) -> bool:
    """A name ending in a feminine nisba that still names the group: a longer name ("المنطقة القبلية
    الباكستانية"), or one word right after an agent or event noun ("الميليشيات الحوثية", "الاحتجاجات
    الفلسطينية"); after any other noun one such word is a manner or a style ("على الطريقة الداعشية":
    ISIS-style), no actor."""
    if not _feminine_nisba(doc, end - 1):
        return False
    if end - first > 1:
        return True
    sentence = doc.tokens[first].sentence
    return any(
        m.last == first and any(e.kind in ("agent", "event") for e in m.entries)
        for m in doc.stem_matches[sentence]
    )


def _feminine_nisba(doc: Doc, position: int) -> bool:
    token = doc.tokens[position]
    return doc.text[token.start : token.end].endswith(("ية", "يه"))


def _lacks_article(index: _Index, position: int, end: int, ref: str, definite_only: frozenset[str]) -> bool:
    """One word without the article where every one-word name of the entry has it."""
    return end - position == 1 and ref in definite_only and not index.definite(position)


def _choose_actor(
    compiled: CompiledLexicon,
    candidates: list[Actor],
    day: date | None,
    sentence_countries: list[str],
    focus: str | None,
) -> tuple[Actor, str]:
    """The actor an alias names here, and what decided it (a key of ``_AMBIGUITY_FACTOR``)."""
    pool = [a for a in candidates if is_trusted(a.provenance)] or candidates
    if len(pool) == 1:
        return pool[0], "unique"
    if day is not None:
        in_office = [a for a in pool if any(code.covers(day) for code in a.codes)]
        if len(in_office) == 1:
            return in_office[0], "date"
        pool = in_office or pool
    for decided_by, countries in (("sentence", set(sentence_countries)), ("focus", {focus})):
        local = [a for a in pool if _actor_country(compiled, a, day) in countries]
        if len(local) == 1:
            return local[0], decided_by
    return pool[0], "guess"


def _actor_country(compiled: CompiledLexicon, actor: Actor, day: date | None) -> str | None:
    code, _ = actor.code_on(day)
    return actor.country or (code[:3] if code and code[:3] in compiled.lexicon.countries else None)


def _named_mention(
    doc: Doc,
    compiled: CompiledLexicon,
    first: int,
    last: int,
    sentence: int,
    candidates: list[Actor],
    sentence_countries: list[str],
) -> ActorMention:
    actor, decided_by = _choose_actor(compiled, candidates, doc.day, sentence_countries, doc.focus_country)
    code, confidence = actor.code_on(doc.day)
    country = _actor_country(compiled, actor, doc.day)
    if code and code[:3] in _DOMESTIC_BLOCKS and country is None:
        # a name coded by its role alone (an imported "الجيش الوطني" → MIL) is a generic noun: like an
        # agent, it is the army of the country the context is about
        country = _context_country(sentence_countries, doc.focus_country)
        code = (country or "") + code
    return ActorMention(
        first,
        last,
        sentence,
        code,
        actor.type,
        actor_id=actor.id,
        name_en=actor.name_en,
        country=country,
        confidence=confidence * _AMBIGUITY_FACTOR[decided_by],
    )


def _extract_places(doc: Doc, compiled: CompiledLexicon, place_matches: list[list[Match]]) -> None:
    taken = {i for m in doc.actors for i in range(m.first, m.last)}
    document_countries = {m.country for m in doc.actors if m.country}
    if doc.focus_country:
        document_countries.add(doc.focus_country)
    for sentence in doc.sentences:
        candidates: list[tuple[int, int, list[Place]]] = []
        by_span: dict[tuple[int, int], list[Place]] = {}
        for match in place_matches[sentence.index]:
            for entry in match.entries:
                if entry.kind == "place":
                    place = compiled.lexicon.places[entry.ref]
                    if place.kind == "country" and _not_the_state_name(
                        doc, compiled, match.first, match.last, place.country
                    ):
                        continue
                    if _misread_place(doc, compiled, match, place):
                        continue
                    by_span.setdefault((match.first, match.last), []).append(place)
        for (first, last), places in by_span.items():
            candidates.append((first, last, places))
        # a name read in several countries follows the other places of its sentence first ("زنجبار
        # عاصمة أبين": Zinjibar in Yemen, not Zanzibar), then the document's countries
        here = {places[0].country for places in by_span.values() if len({p.country for p in places}) == 1}
        # longest first, then leftmost; a place never overlaps an actor or another place
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        for first, last, places in candidates:
            if any(i in taken for i in range(first, last)):
                continue
            place = _best_place(places, here, document_countries)
            doc.places.append(
                PlaceMention(
                    first,
                    last,
                    sentence.index,
                    place.id,
                    place.name_en,
                    place.country,
                    place.lat,
                    place.lon,
                    place.kind,
                )
            )
            taken.update(range(first, last))
    doc.places.sort(key=lambda p: p.first)


def _spelling_mismatch(
    doc: Doc, first: int, last: int, names: tuple[str, ...], pronoun_allowed: bool = True
) -> bool:
    """Keys ignore the ta marbuta and hamzas, so "الطائفة" (the sect) meets "الطائف" (Taif), "مستوطنة" (a
    settlement) "مستوطن" (a settler), "الآمنة" (safe) "الأمن" (security) and "الأعلام" (flags)
    "الإعلام" (the media). Among the names as long as the match: a last word ending in ta marbuta is
    not a name whose last words all lack it, and a one-word match whose first letter after the
    article is a hamza or madda is not a name spelt with another one; nor is a word without ta marbuta
    or a pronoun after it ("طلب", requested; "جدا", very) a name whose one-word spellings all end in
    ta marbuta ("طلبة"; "جدة", Jeddah), nor, in a longer match, a last word without it and without
    an ending a name whose last words all have it ("مدينة جنين" is not "مدينة الجنينة", Geneina), nor
    a first word without it one whose first words all have it."""
    same_length = [n for n in names if len(n.split()) == last - first] or list(names)
    token = doc.tokens[last - 1]
    if TA_MARBUTA in token.suffixes and not any(
        name.split()[-1].endswith(("ة", "ه")) for name in same_length
    ):
        return True
    if last - first != 1:
        # a first word a construct keeps its ta marbuta in ("محافظ البصرة", its governor, is not
        # "محافظة البصرة", the governorate)
        head = doc.tokens[first]
        first_words = _names_with_key(tuple(name.split()[0] for name in same_length), stem_key(head))
        if first_words and not head.suffixes and _lacks_final_letter(head, first_words, False):
            return True
        if token.suffixes:
            return False  # "مقاتلين معارضين" is "مقاتلي المعارضة" in the plural
        last_words = _names_with_key(tuple(name.split()[-1] for name in same_length), stem_key(token))
        return bool(last_words) and _lacks_final_letter(token, last_words, pronoun_allowed)
    surface = doc.text[token.body_start : token.end]
    spellings = _names_with_key(tuple(same_length), stem_key(token))
    if spellings and _lacks_final_letter(token, spellings, pronoun_allowed):
        return True
    written = _initial_after_article(surface)
    if written not in _HAMZA_FORMS:
        return False
    spelt = {_initial_after_article(name) for name in spellings}
    return bool(spelt) and spelt <= _HAMZA_FORMS and written not in spelt


_HAMZA_FORMS = frozenset("أإآ")
# final letters that keys leave out, in the classes a word may write for one another
_FINAL_LETTERS = (("ة", "ه"), ("ا",))


def _lacks_final_letter(token: Token, spellings: tuple[str, ...], pronoun_allowed: bool) -> bool:
    """Every spelling of the name ends in a letter the key leaves out (a ta marbuta: "طلبة", "جدة"; a
    final alif: "صبيا") and the word does not: "طلب", "جدا", "صبي" (a boy, not Sabya). A ta marbuta
    may become ت before a pronoun ("حكومتها"), where ``pronoun_allowed`` (not for places). The word is
    read normalised (no diacritics: "حوثياً" ends in alif; ta marbuta written as ه)."""
    for letters in _FINAL_LETTERS:
        if not all(name.endswith(letters) for name in spellings) or token.norm.endswith(letters):
            continue
        pronoun = next((s for s in token.suffixes if s in PERSONAL_PRONOUNS), None)
        written_ta = pronoun is not None and token.norm[: -len(pronoun)].endswith("ت")
        return not (pronoun_allowed and letters[0] == "ة" and written_ta)
    return False


@lru_cache(maxsize=4096)
def _names_with_key(names: tuple[str, ...], key: str) -> tuple[str, ...]:
    """The one-word names whose key is ``key`` (cached: the same few agent names meet the same words
    over and over)."""
    return tuple(name for name in names if [stem_key(t) for t in phrase_tokens(name)] == [key])


def _initial_after_article(word: str) -> str:
    word = word.strip()
    return word[2:3] if word.startswith("ال") else word[:1]


def _not_the_state_name(
    doc: Doc, compiled: CompiledLexicon, first: int, last: int, country: str | None
) -> bool:
    """A one-word match on a state's name that is another word sharing its key (below)."""
    if country is None or last - first > 1:
        return False  # a name of several words is no adjective ("الولايات المتحدة", "المملكة المتحدة")
    return _article_mismatch(doc, compiled, first, country) or _feminine_of_name(
        doc, compiled, first, country
    )


def _article_mismatch(doc: Doc, compiled: CompiledLexicon, first: int, country: str) -> bool:
    """ "السوري"/"السورية" share the key of "سورية", but a state's name takes ال only when it has one
    (العراق، السعودية): with the article it is the nisba adjective, not the country; and a state whose
    one-word names all take it is not named without it ("يمن" is a verb, not اليمن)."""
    if "ال" not in doc.tokens[first].prefixes:
        return country in compiled.definite_countries
    return country not in compiled.article_countries


def _feminine_of_name(doc: Doc, compiled: CompiledLexicon, first: int, country: str) -> bool:
    """A state's name ending in ي ("مالي") is not a word ending in ية ("مالية", financial or Malian)
    or in يا ("دعما ماليا", financially): that is the adjective, feminine or accusative, unless the
    state is also so named ("سورية", "سوريا")."""
    ending = next((e for e in _ADJECTIVE_ENDINGS if doc.tokens[first].norm.endswith(e)), None)
    if ending is None:
        return False
    return not any(n.endswith(ending) for n in _one_word_names(compiled.lexicon.countries[country].names))


def _best_place(
    places: list[Place], sentence_countries: set[str | None], document_countries: set[str]
) -> Place:
    return min(
        places,
        key=lambda p: (
            p.country not in sentence_countries,
            p.country not in document_countries,
            _PLACE_KIND_PRIORITY.get(p.kind, 9),
            -p.population,
            p.id,
        ),
    )
