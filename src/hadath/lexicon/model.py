"""Entry types of the Hadath lexicon (validated, immutable after loading)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

ACTOR_CODE_RE = re.compile(r"^(?:[A-Z]{3})+$")
ROLE_CODE_RE = re.compile(r"^(?:[A-Z]{3})*$")
CAMEO_EVENT_RE = re.compile(r"^\d{2,4}$")
ACTOR_TYPES = frozenset({"person", "organisation", "group", "state"})
SUBJECT_ROLES = ("agent", "patient", "either")  # EventEntry.subject
QUAD_CLASSES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
# discourse cues (cues/cues.yaml) and the function words the argument finder relies on (cues/syntax.yaml)
DISCOURSE_CUES = (
    "speech",
    "reported",
    "hedge",
    "negation",
    "negation_nouns",
    "thwart",  # إحباط، أحبط: the event after it did not happen, and the thwarter did not do it
    "future",
    "intention",
    "hypothetical",
    "cause",
    "consequence",
    "opinion",
    "contrast",
    "scripture",
    "sports",  # مباراة، الدوري، المنتخب: a document with several is a sports story
    "arts",  # رواية، الشاعر، الفيلم: a document with several is about literature, film or music
    "business",  # الشركة، الأسهم، الأرباح: a document with several is business news
    "idiom",  # قلم رصاص، بارك الله: set phrases whose words are no event ("رصاص" gunfire, "بارك" praise)
)
SYNTAX_CUES = (
    "subordinator",  # opens a clause: بعد ما، عندما، الذي
    "preposition",  # free-standing prepositions: an actor after one is not a subject
    "partitive",  # قسم كبير من / عدد من: the actor after من is still the subject
    "members",  # عناصر من / أفراد من: members of the group after من, who act as it does
    "passive_agent",  # من قبل، على يد: the actor after it is the source of a passive verb
    "reciprocal",  # بين: "التنسيق بين X وY"
    "side_marker",  # من جهة: "بين X وY من جهة وZ من جهة أخرى" ends the first side of a two-sided list
    "impersonal_passive",  # تم، جرى before a verbal noun: "تم الإفراج" names no doer
    "function_words",  # never an imported actor, place or trigger on their own
    "temporal_frame",  # خلال المفاوضات: a time frame has no doer in the sentence
    "locative",  # في X: where an event happened
    "directional",  # من/إلى/على X: where a move goes, what it is aimed at
    "demonstrative",  # هذا القرار: points back to something told before
    "reference",  # عقب اغتيال ...: a reference to an earlier event
    "mission",  # المبعوث الأممي إلى سوريا: the country an envoy of an organisation is sent to
    "cardinal",  # number words: "ثلاثة عراقيين" counts people; "قتل ثلاثة" is a passive
    "lam_count",  # لعشرات after a verbal noun's genitive: its object, so the genitive is the doer
    "undergo",  # تعرض ل، نجا من: the subject is the one the following event is done to
    "witness",  # شهدت X هجوما: X is where it happened, hit by an attack, never the doer
    "agent_relative",  # هجوم نفذته/تبنته X: X did the attack
    "past_copula",  # كان، كانت: "وكانت المعارضة قد أعلنت" puts the subject before قد and the verb
    "be_copula",  # يكون، تكون after أن: its person is the speaker's, who did the verb after it
    "among_them",  # بينهم، منهم: what follows is some of the mention before
    "conduct",  # شنت، نفذت، واصلت before an attack noun: the subject carried it out ("شنت المعارضة هجوما")
    "operation_of",  # في عمليات before an actor: whose operations a killing told passively was in
    "media_head",  # وكالة، صحيفة: the name after it is a news medium
    "part_of",  # أجزاء من X: a part of the place X, not where something comes from
    "suspected_of",  # مشتبه به في before an act: what someone is suspected of, not the subject's act
    "where",  # حيث after a visit: "زار طهران، حيث التقى المرشد", the visitor met whom the verb names
    "district_head",  # منطقة، مديرية before a one-word group name: a place so named ("منطقة القاعدة")
    "led_by",  # التي يقودها: the forces before it are the leader's after it
    "based_in",  # مقرها: the country after it is where the companies or organisations before are based
    "occurrence",  # وقوع، حدوث before an act: told as something that happened, not the subject's act
    "campaign",  # في حملة before an act of the kind just told: the campaign it was part of, the same act
    "in_protest",  # احتجاجا على after an act: why it was done, not a second protest
    "counterpart",  # مع: the state after it is the other party of a joint act ("اتفاقية مع مصر")
    "manner",  # بقوة: an adverb of manner, no agent ("سترد بقوة")
    "press_format",  # تصريح، مؤتمر: a صحفي after it describes the format ("تصريح صحفي"), no journalist
    "namesake_head",  # كلية، مطار، شارع before a person's name: a place or institution named after them
    "chaired_by",  # برئاسة X: X chairs what comes before; the word is no presidency
    "target_site",  # قصف مواقع X: the places hit are X's, so X is the target
    "naming",  # شاب يدعى X: X names the person just told of
    "belonging",  # تابعة ل X: X owns the thing before and stands for it
    "near",  # قرب X: a landmark, not what was hit
    "fighting_with",  # مواجهات مع X: X is the other side of the fight
    "aimed_at",  # غارة استهدفت X: X is what the attack hit
    "time_of_day",  # بعد ظهر، صباح: a parenthetical time between a verb's subject and object
    "behind",  # X وراء الهجوم، X المسؤولة عن الهجوم: X did the event after it
    "mishap",  # تحطم، حادث سير، سيول: deaths in a mishap, not violence
    "partner",  # بالتنسيق مع، بمرافقة: the actor after it acted with the doer, it is no target
    "member",  # القيادي في، زعيم: before a group, a person of that group
    "attribution",  # بحسب، وفقا ل: the actor after it is where the news comes from
    "others",  # وأصيب خمسة آخرون: more of the victims just told
    "group_anaphor",  # الحركة، التنظيم: the group named last
    "protest_object",  # ضد، احتجاجا على، أمام مقر: what a protest is aimed at follows
    "attitude",  # أعرب عن، أبدى: the verbal nouns after it are what the attitude is about
    "relative",  # الذي، التي: the noun before it is the subject of the verb after it
    "doer_noun",  # الانتحاري: an event noun that names the one who did it, whose doer is no one else
    "intention_head",  # قرار، محاولة، خطة: its genitive does the verbal noun after it
    "any_of",  # أي جهة، أية جماعة: after a verb, an indefinite subject no actor names ("لم تعلن أي جهة")
    "person_title",  # رئيس، سموه، الدكتور: right after a statement verb, the start of its subject
    "loyal",  # الموالية، المؤيدة: after an agent, whose side it is on (no anaphor)
    "claim",  # أعلن، تبنى: with "المسؤولية" after the actor that follows, the actor did the attack
    "responsibility",  # المسؤولية، مسؤوليته: what is claimed
    "claimed_act",  # الهجوم، التفجير after a claiming verb and its actor: the attack told before is claimed
)
CUE_CATEGORIES = DISCOURSE_CUES + SYNTAX_CUES


@dataclass(frozen=True, slots=True)
class DatedCode:
    code: str
    start: date | None = None
    end: date | None = None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name_en: str | None
    type: str
    codes: tuple[DatedCode, ...]
    names: tuple[str, ...]
    origin: str  # file:line of the entry
    provenance: str
    country: str | None = None
    qid: str | None = None
    predecessor: str | None = None
    # names that stand for this actor only in a story about one of ``theatres`` ("التحالف" is the
    # Saudi-led coalition in Yemen, the US-led one in Iraq and Syria, an alliance elsewhere)
    theatre_names: tuple[str, ...] = ()
    theatres: tuple[str, ...] = ()

    def code_on(self, day: date | None) -> tuple[str | None, float]:
        """The actor's code on ``day`` and how sure that is.

        A dated code that covers the day wins; without a date, or when no dated code covers it,
        the undated codes, then the most recent dated one (with lower confidence).
        """
        if not self.codes:
            return None, 0.0
        if day is not None:
            covering = [c for c in self.codes if (c.start or c.end) and c.covers(day)]
            if covering:
                # the narrowest range is the most specific statement about that day
                covering.sort(key=lambda c: ((c.end or date.max) - (c.start or date.min)).days)
                return covering[0].code, 1.0
        undated = [c for c in self.codes if c.start is None and c.end is None]
        if undated:
            return undated[0].code, 0.9
        latest = max(self.codes, key=lambda c: c.end or date.max)
        return latest.code, 0.6


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name_en: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    people: tuple[str, ...]
    capital: tuple[str, ...]
    origin: str
    qid: str | None = None
    # what its own press calls it alone: "المملكة" in a Saudi, Jordanian, Moroccan or Bahraini paper
    home_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Agent:
    names: tuple[str, ...]
    code: str  # role block(s), may be empty ("حلفاء" takes the country alone)
    origin: str
    provenance: str
    # False: an actor only with a country next to it ("صاروخ إسرائيلي"); alone it is a thing ("صاروخ")
    bare: bool = True
    # the role block of whom these forces serve ("قوات النظام": GOV): alone, they take the country of the
    # last actor of that block, not of the last forces named (the coalition's, before "قوات النظام")
    serves: str | None = None


@dataclass(frozen=True, slots=True)
class NamePattern:
    """A head noun that makes the unknown name after it an actor ("جبهة X" → a rebel group)."""

    heads: tuple[str, ...]
    code: str  # role block(s), appended to the context country
    kind: str
    origin: str


@dataclass(frozen=True, slots=True)
class Holder:
    actor: str
    start: date | None
    end: date | None
    origin: str = ""  # file:line of the tenure

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Role:
    id: str
    names: tuple[str, ...]
    code: str
    holders: dict[str, tuple[Holder, ...]]
    origin: str
    country: str | None = None  # the country implied when none follows (خادم الحرمين الشريفين → SAU)

    def holder_on(self, country: str, day: date | None) -> Holder | None:
        holders = self.holders.get(country, ())
        if day is None:
            return None
        covering = [h for h in holders if h.covers(day)]
        # on a handover day the outgoing `to` equals the incoming `from`: the incoming holder wins
        return max(covering, key=lambda h: h.start or date.min) if covering else None


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name_en: str
    names: tuple[str, ...]
    country: str | None
    lat: float | None
    lon: float | None
    kind: str
    origin: str
    provenance: str
    population: int = 0


@dataclass(frozen=True, slots=True)
class EventEntry:
    cameo: str
    triggers: tuple[str, ...]
    pos: str  # verb | noun
    origin: str
    provenance: str
    plover: str | None = None
    context: tuple[tuple[str, ...], ...] = ()
    source_roles: tuple[str, ...] = ()  # fire only when the source actor has one of these role blocks
    # what the genitive of the verbal noun is: the doer ("تصريح الرئيس") or the one it is done to
    # ("مقتل عشرين مسلحا", "اغتيال الحريري")
    genitive: str = "source"
    # who the grammatical subject of a verb is: the doer (default), the one it is done to ("أصيب"،
    # "لقي مصرعه"), or either (undiacritised "قتل" is also the passive "قُتل"; the context decides)
    subject: str = "agent"
    # a light verb whose act is its object noun, given as the context ("ألقى القبض على"): a trigger on
    # that noun ("القبض على") is this event again, not a second one
    light_verb: bool = False
    # an act that is one only when done to someone: "استقبل" hosts a visitor, not aid, bodies or returning
    # citizens; "زار" visits a state or an official, not a park. Without a target the entry does not fire
    needs_target: bool = False
    # a fight between sides ("معارك", "اشتباكات"): a place it is fought in is where, not whom it hits
    mutual: bool = False
    note: str | None = None


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    label: str
    goldstein: float | None
    quad_class: str | None
    plover_type: str | None
    plover_mode: str | None
    plover_context: str | None


@dataclass(slots=True)
class Lexicon:
    """Everything loaded from the data directory, validated."""

    actors: dict[str, Actor] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    agents: list[Agent] = field(default_factory=list)
    name_patterns: list[NamePattern] = field(default_factory=list)
    roles: dict[str, Role] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    events: list[EventEntry] = field(default_factory=list)
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    cameo: dict[str, CameoCode] = field(default_factory=dict)
    quote_pairs: tuple[tuple[str, str], ...] = ()
    # aliases measured noisy on a corpus and reviewed (curation/noisy_aliases.yaml): normalised alias -> why
    excluded_aliases: dict[str, str] = field(default_factory=dict)
    # news outlets' home countries (sources/outlets.yaml): lower-case source name or domain -> ISO3
    outlet_countries: dict[str, str] = field(default_factory=dict)

    def plover_of(self, entry: EventEntry) -> str | None:
        """The entry's PLOVER type: its own override, else the ontology's mapping of its CAMEO code."""
        if entry.plover:
            return entry.plover
        info = self.cameo_info(entry.cameo)
        return info.plover_type if info else None

    def cameo_info(self, code: str) -> CameoCode | None:
        """The ontology row for ``code``, inheriting from parent codes when the row is missing."""
        while code:
            if code in self.cameo:
                return self.cameo[code]
            code = code[:-1]
        return None
