"""Events: triggers from the lexicon, arguments from the clause, modality from the cues.

For every trigger (a verb, a verbal noun or a phrase) not inside an actor or place mention:

* **source** — verb first in its clause (VSO): the first actor after it, before any preposition and
  unless a plural ending on the verb is itself the subject ("شنوا"); otherwise (SVO) the nearest actor
  before it in the clause; a passive agent (من قبل، على يد) overrides. A verbal noun takes its genitive
  ("تصريح الرئيس بوتين"), unless its entry says the genitive is the victim ("مقتل X"). With none of
  these the source is inherited (see :func:`_inherited_source`).
* **targets** — the first actor after the trigger (and after the source) in the clause, plus every
  actor coordinated with it ("من داعش وجبهة النصرة والجيش الحر"); an actor is never its own target
  and a state's own forces are not its target (a government withdrawing its army). With no actor, a
  place after من/إلى/على gives the target country. "بين X وY" makes X the source and Y the targets.
* **patient subjects** — when the grammatical subject is the one the event is done to, it is the
  target, and the source is only a passive agent or an actor the event is credited to: verbs whose
  entry says so ("أصيب", "لقي مصرعه", "اغتيل"), an ambiguous verb read as a passive ("قتل 13 عراقيا":
  a number right after it; "جندي عراقي قتل في هجوم": a subject before it and nothing after it), an
  event noun after تعرض/نجا ("نجا من محاولة اغتيال");
* **credited doers** — "هجوم نفذته/تبنته X": X is the source of the event noun before it;
* a victim's death or injury whose doer the clause does not name ("مقتل", a patient subject) takes
  the doer of the nearest attack in the sentence that names one ("قتل 150 مدنيا في الضربات الجوية
  الأمريكية"), not the speaker who announced it ("أعلن الجيش مقتل أحد جنوده");
* one event record per (source, target) pair, as event data conventionally has it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from hadath.doc import ActorMention, CueMention, Doc, PlaceMention
from hadath.extract.clauses import CLAUSE_PUNCTUATION, Clause, clause_of
from hadath.extract.dates import relative_time_re
from hadath.extract.mentions import (
    CLOSING_QUOTES,
    CONTEXT_COUNTRY_CONFIDENCE,
    PEOPLE_BLOCKS,
    agree_in_definiteness,
)
from hadath.extract.modality import Modality, modality_of
from hadath.extract.morphology import (
    NISBA_ENDINGS,
    PAST_PERSON_ENDINGS,
    PERSONAL_PRONOUNS,
    ends_in_written_ta,
    has_pronoun_suffix,
    has_subject_ending,
    looks_finite,
    looks_nominal,
)
from hadath.extract.quotations import QuotationMention, SpeechAct, claimant_after
from hadath.lexicon.compiled import CompiledLexicon
from hadath.lexicon.model import EventEntry
from hadath.text.normalize import normalize
from hadath.text.tokens import tokenize

_STATE_BLOCKS = {"", "GOV", "MIL", "COP", "SPY"}
# "أنه قتل": the pronoun on أن is the verb's subject, so the verb is active
_PRONOUN_COMPLEMENTISERS = frozenset({"انه", "انها", "انهم", "بانه", "بانها", "بانهم", "وانه", "وانها"})
# events whose doer is also the doer of the verbal noun they govern: statements, intentions and
# concessions ("أعلن ... بسحب القوات"); a condemnation's object is somebody else's act ("ندد بالهجوم")
_CHAINING_ROOTS = frozenset({"01", "03", "08"})
# events whose doer also does the verbal noun with ل told as their purpose ("تظاهروا للمطالبة بالإفراج")
_PURPOSEFUL_ROOTS = frozenset({"14", "17"})
_RESPONDED_ROOTS = frozenset({"14", "18"})  # protests and attacks after إثر/بعد/ردا على are what was answered
_ANTECEDENT_WINDOW = 40  # events looked back at for "الغارات" → the strikes told before
_PREPOSITION_CLITICS = ("ب", "ل", "ك")
_RELATIVE_HEAD_REACH = 2  # definite adjectives or closing quotes between a relative's head and the pronoun
_RESUMPTIVE_WHERE = frozenset({"فيه", "فيها"})  # "الوقت الذي هاجم فيه": the head is when, not who
_CONTEXT_WINDOW = 6
_OBJECT_REACH = 3  # words after a verb's subject where its object's context is looked for
_RESTATED_REACH = 12  # words between an act and a noun that tells it again ("احتجاجا على", "في حملة مداهمات")
_CONDUCT_REACH = 7  # tokens from a verb of carrying out to its object noun ("شن طيران التحالف عدة غارات")
_UNREAL = frozenset({"negated", "hypothetical", "intended"})
# acts that parties named together do with each other: consult, cooperate; normalise, sign
_JOINT_ROOTS = frozenset({"04", "06"})
_JOINT_CODES = frozenset({"050", "057"})
_JOINT_PARTIES = 3
_MEDIATE = "045"  # a mediator acts between the others, not with them
# what a speech verb does when its context says so: appeal (02), demand (10), threaten (13: "حذر من أن
# بلاده سترد بقوة")
_PERFORMED_ROOTS = frozenset({"02", "10", "13"})
_ATTRIBUTION_NAME_WORDS = 8  # words after an attribution that still tell who the news comes from
_GENITIVE_WINDOW = 2
_VSO_WINDOW = 3
_UNDERGO_WINDOW = 4  # tokens between تعرض/نجا and the event noun ("تعرضت قافلته الدبلوماسية لهجوم")
_DATELINE_SOURCE_TOKENS = 8  # "(باكستان) «الشرق الاوسط» :"
_BEHIND_WINDOW = 5  # tokens from وراء to the event noun ("وراء سلسلة من اعمال الخطف")
_CREDIT_WINDOW = 3  # tokens between an event noun and نفذته ("هجوم انتحاري بسيارة مفخخة نفذته")
_AIMED_VERB_WINDOW = 14  # tokens from an attack noun to the استهدف it is the subject of
_AIMED_OBJECT_WORDS = 4  # from that verb to the actor in its object ("مركز تدريب لداعش")
_RELATIVE_AFTER_EVENT = 3  # words from an event noun to its relative pronoun ("الهجمات الإرهابية التي")
_RELATIVE_PLACE_WORDS = 5  # from that pronoun to the place ("التي وقعت مؤخرا في أبها")
_PROTEST_ROOT = "14"
_DEMAND_ROOT = "10"
_GENERIC_ASSAULT = "180"
_GENERIC_FIGHT = "190"
_COERCE_ROOT = "17"
_REDUCE_RELATIONS_ROOT = "16"
_DESTROY_PROPERTY = "1712"  # arson, demolition: the owners are the people of the place
_PROTEST_OBJECT_GAP = 3
_AIMED_PREPOSITIONS = frozenset({"ضد", "علي"})  # normalised: على → علي
_ACCUSE_CODE = "112"
_DISAPPROVE_ROOT = "11"
_CONSULT_ROOT = "04"
_STATEMENT_ROOT = "01"
_PRAISE_CODE = "051"
# a sports story has at least this many sports words, of at least this many kinds; so has a story
# about the arts, and business news
_OFF_POLITICS_DOMAINS = ("sports", "arts", "business")
_DOMAIN_WORDS = 3
_DOMAIN_WORD_KINDS = 2
_DOMAIN_OWNER_GAP = 2  # "رئيس نادي", "نائب رئيس النادي": the domain word a title belongs to
_POLITICAL_BLOCKS = frozenset(
    {
        "GOV",
        "MIL",
        "COP",
        "REB",
        "IGO",
        "IMG",
        "JUD",
        "LEG",
        "SPY",
        "OPP",
        "PTY",
        "INS",
        "SEP",
        "UAF",
        "NGO",
        "HRI",
    }
)
_VISIT_CODE = "042"  # a visit is made to the state of the place visited
# a violent event noun's genitive is its victim when it cannot be a combatant ("قصف المدنيين")
_NONCOMBATANT_BLOCKS = frozenset({"CVL", "REF", "EDU", "MED", "HLH", "LAB", "REL", "HRI", "BUS", "AGR"})
# violence whose victim may be the clause's subject and whose doer may be told by another attack
_VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# who carries out attacks (with states): the doer an attack told again may take from its first telling
_ARMED_BLOCKS = frozenset({"MIL", "REB", "IMG", "INS", "COP", "SPY"})
# "then", between a verb and its counted subject like أمس ("وقتل حينها 14 ضابطا")
_THEN_WORDS = frozenset({"حينها", "حينذاك", "انذاك", "وقتها", "يومها", "عندها"})
# a relative clause's pronoun pointing back to its head, between a verb and its counted subject
# ("الطائرة التي قتل فيها 30 أميركيا")
_RESUMPTIVE_PREPOSITIONS = frozenset({"في", "علي", "ب"})
_ASSAULT_ROOT = "18"  # unconventional violence: killings, injuries, bombings
# roles of arguments that stand in for an unnamed party by where things happened: the people of the
# place an attack hit, the state of the place it came from
VICTIMS_AT_PLACE = "victims-at-place"
ORIGIN = "origin"
PLACE_STAND_INS = frozenset({VICTIMS_AT_PLACE, ORIGIN})


@dataclass(slots=True)
class EventMention:
    first: int  # trigger tokens, end exclusive
    last: int
    clause: Clause
    entry: EventEntry
    source: ActorMention | None
    target: ActorMention | None
    place: PlaceMention | None
    modality: Modality
    nominal: bool
    confidence: float
    # a victim's death or injury, whose victims an attack told with it hit (see _credit_attackers)
    toll: bool = False
    # a toll whose doer may be told elsewhere in the sentence
    creditable: bool = False
    # the CAMEO code when the arguments refine the entry's (an army's generic attack is 190, not 180);
    # the entry itself, which the event filter reads, is left as the lexicon has it
    refined_cameo: str | None = None

    @property
    def cameo(self) -> str:
        return self.refined_cameo or self.entry.cameo


@dataclass(slots=True)
class _Trigger:
    first: int
    last: int
    entry: EventEntry
    nominal: bool = False


def extract_events(
    doc: Doc,
    compiled: CompiledLexicon,
    clauses: list[Clause],
    acts: list[SpeechAct],
    quotations: list[QuotationMention],
) -> list[EventMention]:
    occupied = {i for m in doc.actors for i in range(m.first, m.last)}
    occupied |= {i for a in acts if a.speaker for i in range(a.cue.first, a.cue.last)}
    occupied |= {i for c in doc.cues if c.category == "passive_agent" for i in range(c.first, c.last)}
    content_of = {q.cue.first: q for q in quotations}
    actors_by_sentence: dict[int, list[ActorMention]] = {}
    for mention in doc.actors:
        if not _attributed(doc, mention):  # "بحسب المسؤولين": where the news comes from
            actors_by_sentence.setdefault(mention.sentence, []).append(mention)
    events = [
        event
        for act in acts
        if act.speaker
        for event in _speech_events(doc, compiled, clauses, act, content_of.get(act.cue.first))
    ]
    by_clause: dict[Clause, list[EventMention]] = {}
    for event in events:
        by_clause.setdefault(event.clause, []).append(event)
    last_subject: ActorMention | None = None
    for sentence in doc.sentences:
        actors = actors_by_sentence.get(sentence.index, [])
        triggers = _triggers(doc, compiled, sentence.index, occupied)
        # the mentions some event here is done to ("مقتل 4 أشخاص", "قتل 13 عراقيا") are nobody's doer
        patients_of = {
            t.first: _patient_subjects(doc, actors, t, clause_of(clauses, t.first)) for t in triggers
        }
        # where the استهدف whose subject an attack noun is ends, and what it hit ("الهجوم استهدف حاجزا
        # للجيش"); that verb tells the same attack again and has no event of its own ("هجوم استهدف دورية")
        aimed_ends = {t.first: _aimed_verb(doc, actors, t.first, t.last) for t in triggers if t.nominal}
        hit = {t.first: _aimed_object(doc, actors, t, aimed_ends.get(t.first)) for t in triggers}
        triggers = [t for t in triggers if t.nominal or t.last not in aimed_ends.values()]
        victims, genitive_doers = _victims(doc, actors, clauses, triggers, patients_of, hit)
        doers = [m for m in actors if id(m) not in victims]
        # a verbal noun's doer is its genitive ("ندد باحتجاز الحوثيين لعشرات"), not the sentence's subject
        subject = _sentence_subject(doc, [m for m in doers if id(m) not in genitive_doers]) or last_subject
        # speech acts and events whose source a later verbal noun in the same clause inherits
        governors: list[tuple[int, Clause, ActorMention]] = [
            (a.cue.first, clause_of(clauses, a.cue.first), a.speaker)
            for a in acts
            if a.cue.sentence == sentence.index and a.speaker is not None
        ]
        speech_governors = list(governors)
        objects: set[int] = set()  # ids of the targets of the sentence's events so far
        for trigger in triggers:
            clause = clause_of(clauses, trigger.first)
            if _in_a_mishap(doc, trigger, clauses, clause, triggers):
                continue  # "قتل 17 شخصا في تحطم مروحية": a toll, but nobody attacked
            quotation = _enclosing_quotation(doc, quotations, trigger.first)
            patients = patients_of[trigger.first]
            victim_noun = _is_victim_noun(trigger)
            impersonal = _impersonal(doc, trigger)
            if quotation is not None and _speaker_did_it(doc, quotation, trigger):
                source = quotation.speaker  # "نفت الجماعة أن تكون قد استهدفت ناقلة": the group itself
            elif impersonal:
                # "تم الإفراج عنه": by nobody named
                source = _passive_agent(doc, actors, trigger, clause) or _operation_agent(
                    doc, actors, trigger, clause
                )
            elif patients is not None:
                source = (
                    _passive_agent(doc, actors, trigger, clause)
                    or _operation_agent(doc, actors, trigger, clause)
                    or _credited_doer(doc, actors, trigger)
                    or _responsible(doc, actors, trigger, clause)
                    or _opponent(doc, actors, trigger, clause)
                )
                if source is None and trigger.nominal and trigger.entry.cameo[:2] in _VIOLENT_ROOTS:
                    source = _national_agent(doc, trigger, "MIL")  # "تعرضت القرية لقصف روسي"
                if (
                    source is None
                    and patients
                    and subject is not None
                    and _feminine_conjoined(doc, trigger)
                    and trigger.last < len(doc.tokens)
                    and _count_at(doc, trigger.last)
                    and not any(_same_state(subject, m) for m in patients)
                ):
                    # "داهمت الشرطة منزلا، واعتقلت ثلاثة مشتبه بهم": the feminine verb joined to the one
                    # before, a count after it, has that verb's subject (she arrested three), not a
                    # passive one (اعتقل ثلاثة)
                    source = subject
            else:
                doers_here = actors if trigger.nominal else _content_actors(doc, actors, quotation)
                source = _source(doc, doers_here, trigger, clause, hit[trigger.first])
            restated = _restated_event(doc, events, trigger)
            if restated is not None:
                source = restated.source
            governed = quotation is not None or any(
                position < trigger.first and governing_clause == clause
                for position, governing_clause, _ in speech_governors
            )
            thwarted_by = _thwarting_cue(doc, trigger, clause)  # "أحبطت القوات هجوما": it did not happen
            # a reported death is not the reporter's doing ("أعلن الجيش مقتل أحد جنوده"); a light verb's
            # subject is the doer ("قامت الشرطة باعتقال")
            # unless a verb of carrying out governs the noun ("قال إن الأسد أقدم على قتل العقيد")
            inherited = (
                source is None
                and patients is None
                and restated is None
                and not impersonal
                and not (victim_noun and governed and not doc.cues_in("conduct", clause.first, trigger.first))
            )
            if inherited:
                context = _Context(
                    [m for m in doers if id(m) not in objects],
                    events,
                    by_clause.get(clause, []),
                    governors,
                    clause,
                    quotation,
                    subject,
                    last_subject,
                    thwarted_by is not None,
                )
                source = _inherited_source(doc, trigger, context)
                if source is not None and _object_right_after(doc, trigger, source):
                    source = None  # "قتل مسلحين": the sentence's first actor is this verb's object
            if source is None and trigger.nominal and trigger.entry.cameo[:2] == _CONSULT_ROOT:
                source = _national_agent(doc, trigger, "GOV")
            if (
                source is None
                and patients is None
                and trigger.nominal
                and trigger.entry.cameo[:2] in _VIOLENT_ROOTS
                and not _is_victim_noun(trigger)
            ):
                source = _national_agent(doc, trigger, "MIL")
            if source is None and patients is None and trigger.entry.cameo[:2] in _VIOLENT_ROOTS:
                source = _origin_source(doc, trigger, clause)
            if trigger.entry.source_roles and not (
                source is not None and any(b in source.role_blocks for b in trigger.entry.source_roles)
            ):
                continue
            # "شنت الطائرات الروسية والجيش السوري غارات": one record per doer and target
            sources = _coordinated_doers(doc, source, trigger) if source is not None else [None]
            last_doer = sources[-1]
            if patients:
                targets = [m for m in patients if source is None or not _same_state(m, source)]
            elif trigger.entry.cameo[:2] == _PROTEST_ROOT:
                aimed_at = _protest_targets(doc, actors, trigger, triggers)
                if source is not None and any(source is m for m in aimed_at):
                    # "المظاهرات ضد القوات الإثيوبية": what it is against is no protester; a verb's
                    # subject may follow it ("وأمام مكتب محافظ البصرة، تظاهر أمس نحو 500 شخص")
                    source = _subject_after_verb(doc, actors, trigger, clause)
                    sources = [source]
                    last_doer = source
                targets = aimed_at or _targets(doc, actors, trigger, clause, last_doer, hit[trigger.first])
            else:
                targets = _targets(doc, actors, trigger, clause, last_doer, hit[trigger.first])
            more_of = _more_victims_of(doc, events, trigger) if patients is not None or victim_noun else None
            if more_of is not None:
                targets = [more_of]  # "وإصابة رابع": the fourth of them, not what follows
            targets = [t for t in targets if not any(t is d for d in sources)]
            reciprocal = _reciprocal(doc, actors, trigger, clause)
            if reciprocal:
                sources, targets = reciprocal
                source = sources[0]
            joint = _joint_pairs(trigger, sources) if not targets else []
            if joint:
                targets = sources  # "وقعت مصر والإمارات اتفاقية": each party did it with the other
            if not targets:
                place_target = _place_target(doc, trigger, clause, source)
                targets = [place_target] if place_target else []
            if not targets:
                counterpart = _implicit_counterpart(doc, compiled, trigger.entry, source)
                targets = [counterpart] if counterpart else []
            if not targets and (patients is not None or victim_noun):
                victims_here = _victims_at_place(doc, trigger, clause)
                targets = [victims_here] if victims_here else []
            if trigger.entry.needs_target and not targets:
                continue
            denied_by = None
            if quotation is not None and doc.cue_starts_at(quotation.cue.first, "negation"):
                denied_by = doc.surface(quotation.cue.first, quotation.cue.last, body=False)
            if thwarted_by is not None:
                denied_by = doc.surface(thwarted_by.first, thwarted_by.last, body=False)
            modality = modality_of(
                doc, trigger.first, trigger.last, clause, governed, trigger.entry, denied_by
            )
            if restated is not None and restated.modality.value in _UNREAL:
                modality = restated.modality  # "أحبطت الشرطة هجوما كان يستهدف دورية": it did not
            elif modality.value == "asserted" and _imperfect(doc, trigger):
                # "سيزور الوزير دمشق، حيث يلتقي الرئيس": an imperfect after a future in its sentence is
                # part of the same plan
                earlier = next(
                    (
                        e
                        for e in reversed(events)
                        if e.clause.sentence == clause.sentence and e.last <= trigger.first
                    ),
                    None,
                )
                if earlier is not None and earlier.modality.value == "future":
                    modality = earlier.modality
            place = _place(doc, trigger, clause)
            confidence = _confidence(trigger.entry, source, bool(targets), inherited)
            toll = (patients is not None or victim_noun) and trigger.entry.cameo[:2] in _VIOLENT_ROOTS
            coded: set[tuple[str | None, str | None]] = set()
            for doer, target in joint or [(d, t) for d in sources for t in targets or [None]]:
                if doer is not source and target is not None and _same_state(doer, target):
                    continue  # a coordinated doer is not its own target
                dyad = (_identity(doer), _identity(target))
                if dyad in coded:
                    continue  # "على تجمعات ميليشيا الحوثي وقوات الحوثيين": one record, not one per name
                coded.add(dyad)
                event = EventMention(
                    trigger.first,
                    trigger.last,
                    clause,
                    trigger.entry,
                    doer,
                    target,
                    place,
                    modality,
                    trigger.nominal,
                    confidence,
                    toll=toll,
                    creditable=toll and doer is None,
                )
                events.append(event)
                by_clause.setdefault(clause, []).append(event)
                if target is not None:
                    objects.add(id(target))
            if source is not None:
                if trigger.entry.cameo[:2] in _CHAINING_ROOTS:
                    governors.append((trigger.first, clause, source))
                if not inherited:
                    subject = source
        if subject is not None:
            last_subject = subject
    _credit_attackers(events)
    _protests_aimed_as_demanded(events)
    _armed_forces_fighting(events)
    _people_at_home(events)
    _victims_where_hit(doc, events)
    _attacks_on_the_place(doc, events)
    _blame_the_condemned(events)
    if _off_politics_story(doc):
        # a match, a transfer, a coach's words, a novel's plot, a company's results: only what involves
        # a political actor is an event, and protests and riots (fans rioting is unrest whoever they are)
        events = [
            e
            for e in events
            if _political(doc, e.source) or _political(doc, e.target) or e.entry.cameo[:2] == _PROTEST_ROOT
        ]
    events.sort(key=lambda e: e.first)
    return events


def _identity(mention: ActorMention | None) -> str | None:
    """Who a mention is for event records: the actor it names, else its code (unnamed officials of one
    government, two wordings of one group's forces are one party)."""
    if mention is None:
        return None
    return mention.actor_id or mention.code


def _protests_aimed_as_demanded(events: list[EventMention]) -> None:
    """A protest with no target of its own is aimed at whom the demand that states its purpose is made
    of, by the same protesters, later in its sentence ("تظاهر آلاف الطلاب للمطالبة برحيل رموز النظام": the
    regime)."""
    for protest in events:
        if protest.entry.cameo[:2] != _PROTEST_ROOT or protest.target is not None:
            continue
        demand = next(
            (
                e
                for e in events
                if e.cameo[:2] == _DEMAND_ROOT
                and e.clause.sentence == protest.clause.sentence
                and e.first > protest.first
                and e.source is protest.source
                and e.target is not None
            ),
            None,
        )
        if demand is not None:
            protest.target = demand.target


def _armed_forces_fighting(events: list[EventMention]) -> None:
    """A generic attack or killing (180, "use unconventional violence") by an army or a state, or by armed
    men on an army or police, is conventional military force in CAMEO (190): "هاجمت القوات العراقية
    مواقع لداعش", "في حال هاجمت إسرائيل المنشآت النووية الإيرانية", "هاجم عناصر من داعش نقطة تفتيش
    للجيش". Bombings, assassinations and the like keep their own codes; an attack on civilians by armed
    men stays 180."""
    for event in events:
        if event.entry.cameo != _GENERIC_ASSAULT or event.source is None:
            continue
        doer = event.source.role_blocks[:3]
        hit = event.target.role_blocks[:3] if event.target is not None else ""
        # a state named as the subject of an attack verb (not one a toll or noun was given from context)
        state = (
            not event.nominal
            and not event.toll
            and event.source.kind == "state"
            and event.source.code == event.source.country
        )
        if doer == "MIL" or state or (doer in _ARMED_BLOCKS and hit in ("MIL", "COP")):
            event.refined_cameo = _GENERIC_FIGHT


def _people_at_home(events: list[EventMention]) -> None:
    """Journalists, students, workers or doctors named without a country take one where the event says
    whose they are: protesters are of the place they protest in ("تظاهر آلاف الطلاب في الجزائر"), and
    those a state arrests or coerces are of the place or else of that state ("اعتقلت الشرطة التركية
    صحفيا"). Elsewhere (a journalist killed abroad) nothing says so, and none is given. Other events of
    the same mention take the same country ("واتهمته بنشر دعاية": the journalist arrested)."""
    countried: dict[int, ActorMention | None] = {}
    for event in events:
        root = event.entry.cameo[:2]
        if root == _PROTEST_ROOT and _uncountried_people(event.source) and event.place is not None:
            countried.setdefault(id(event.source), _of_country(event.source, event.place.country))
        if root == _COERCE_ROOT and _uncountried_people(event.target):
            state = event.source.country if event.source else None
            place = event.place.country if event.place else state
            countried.setdefault(id(event.target), _of_country(event.target, place))
    for event in events:
        event.source = countried.get(id(event.source), event.source)
        event.target = countried.get(id(event.target), event.target)


def _victims_where_hit(doc: Doc, events: list[EventMention]) -> None:
    """People hurt or coerced whose country is only the story's ("مقتل 15 مدنيا" after "التحالف
    بقيادة السعودية", "أطلق الجيش الإسرائيلي قنابل الغاز على الأهالي") are of the place where it was
    done to them ("في محافظة صعدة", "جنوب نابلس"), unless their nationality is told ("مدنيا سوريا");
    only a place told as where ("في", "ب", "جنوب"), not one named for another reason ("انفصاليون
    مؤيدون لروسيا")."""
    for event in events:
        victim, place = event.target, event.place
        if (
            (event.entry.cameo[:2] in _VIOLENT_ROOTS or event.entry.cameo[:2] == _COERCE_ROOT)
            and victim is not None
            and victim.kind == "agent"
            and victim.country is not None
            and victim.confidence <= CONTEXT_COUNTRY_CONFIDENCE
            and victim.role_blocks in PEOPLE_BLOCKS
            and place is not None
            and place.country
            and place.country != victim.country
            and _is_locative(doc, place)
        ):
            event.target = _of_country(victim, place.country)


def _uncountried_people(mention: ActorMention | None) -> bool:
    return mention is not None and mention.code is not None and mention.code[:3] in PEOPLE_BLOCKS


def _of_country(mention: ActorMention | None, country: str | None) -> ActorMention | None:
    """The mention as people of ``country``, in place of the country it had, if any."""
    if mention is None or not country or mention.code is None:
        return mention
    return replace(
        mention,
        code=country + mention.role_blocks,
        country=country,
        confidence=min(mention.confidence, CONTEXT_COUNTRY_CONFIDENCE),
    )


def _off_politics_story(doc: Doc) -> bool:
    """A sports story, one about the arts, or business news: several words of one of those domains, of
    more than one kind (cues/cues.yaml: مباراة، الدوري، المنتخب ...; رواية، الشاعر، الفيلم ...; الشركة،
    الأسهم، الأرباح ...)."""
    for domain in _OFF_POLITICS_DOMAINS:
        words = [doc.surface(c.first, c.last) for c in doc.cues if c.category == domain]
        if len(words) >= _DOMAIN_WORDS and len(set(words)) >= _DOMAIN_WORD_KINDS:
            return True
    return False


def _political(doc: Doc, actor: ActorMention | None) -> bool:
    """An actor of a political role (a government, forces, rebels, an organisation ...); in a sports
    story a state's name alone is its team, in one about the arts a film's or a book's setting, in
    business news a market's or an index's; an official nobody names followed by a word of the domain
    is the club's or the company's ("مسؤولي النادي الأردني", "نائب رئيس مجلس إدارة سابك")."""
    if actor is None:
        return False
    if actor.actor_id is None and any(
        doc.cue_starts_at(position, domain)
        for position in range(actor.first + 1, min(actor.last + _DOMAIN_OWNER_GAP, len(doc.tokens)))
        for domain in _OFF_POLITICS_DOMAINS
    ):
        return False
    blocks = actor.role_blocks
    return any(blocks[i : i + 3] in _POLITICAL_BLOCKS for i in range(0, len(blocks), 3))


def _coordinated_doers(doc: Doc, source: ActorMention, trigger: _Trigger) -> list[ActorMention]:
    """The source and the actors coordinated with it, before it ("روسيا وإيران دعمتا") or after it
    ("قصفت الطائرات الروسية والجيش السوري"), within its sentence (a source may be inherited), never
    across the trigger ("إسرائيل تغتال 5 من جيش الإسلام": the victims' group is no doer)."""
    clause = _sentence_span(doc, source.sentence)
    actors = [m for m in doc.actors if m.sentence == source.sentence]
    chain = [source]
    earlier = [m for m in actors if clause.first <= m.first and m.last <= source.first]
    for mention in reversed(earlier):
        if not _coordinated(doc, mention, chain[0]) or mention.last <= trigger.first < chain[0].first:
            break
        chain.insert(0, mention)
    for mention in actors:
        if chain[-1].last <= mention.first < clause.last:
            if (
                not _coordinated(doc, chain[-1], mention)
                or _is_prepositional(doc, mention)
                or chain[-1].last <= trigger.first < mention.first
            ):
                break
            chain.append(mention)
    return chain


def _blame_the_condemned(events: list[EventMention]) -> None:
    """A condemnation with no target ("أدان الأردن الغارات التي شنتها الطائرات الإسرائيلية") is aimed at
    the doer of the act it condemns: the next event of its sentence that names a doer."""
    for index, event in enumerate(events):
        if event.entry.cameo[:2] != _DISAPPROVE_ROOT or event.target is not None or event.source is None:
            continue
        for later in events[index + 1 :]:
            if later.clause.sentence != event.clause.sentence or later.first < event.last:
                continue
            if later.source is not None and not _same_state(later.source, event.source):
                _take_target(event, later.source)
                break


def _protest_targets(
    doc: Doc, actors: list[ActorMention], trigger: _Trigger, triggers: list[_Trigger]
) -> list[ActorMention]:
    """What a protest is aimed at: the first actor within a few words after ضد، احتجاجا على، أمام مقر،
    هاتفين ... in its sentence (a chant's quotation marks and "أن" may come between); failing that, the
    forces of the state whose attack right after the cue is protested ("احتجاجا على الغارات الجوية
    التركية": Turkey's)."""
    sentence = doc.sentences[doc.tokens[trigger.first].sentence]
    for cue in doc.cues_in("protest_object", sentence.first_token, sentence.last_token):
        for mention in actors:
            if cue.last <= mention.first <= cue.last + _PROTEST_OBJECT_GAP:
                return _with_coordinated(doc, actors, mention, _sentence_span(doc, mention.sentence))
        for attack in triggers:
            if cue.last <= attack.first <= cue.last + 1 and attack.entry.cameo[:2] in _VIOLENT_ROOTS:
                forces = _national_agent(doc, attack, "MIL")
                if forces is not None:
                    return [forces]
    return []


def _sentence_span(doc: Doc, sentence: int) -> Clause:
    span = doc.sentences[sentence]
    return Clause(span.first_token, span.last_token, sentence, None)


def _victims_at_place(doc: Doc, trigger: _Trigger, clause: Clause) -> ActorMention | None:
    """Unnamed victims ("مقتل ثلاثة", "قتل 20 واصيب 70 في الموصل") are people of the country where it
    happened (low confidence: a foreigner killed there is not told apart)."""
    place = _place(doc, trigger, clause)
    return _people_of(doc, place) if place is not None else None


def _attacks_on_the_place(doc: Doc, events: list[EventMention]) -> None:
    """An attack that names no target and takes none from its toll ("انفجرت سيارة مفخخة في بغداد",
    "هجوم بالقذائف ضد مدرسة في صنعاء") hit the people of the country where it happened (low
    confidence, as for unnamed victims); so did homes burnt or demolished there ("أحرقوا عشرات المنازل")."""
    for event in events:
        if event.entry.mutual:
            continue  # "معارك في لحج": a battle is fought there, not against the people there
        violent = event.entry.cameo[:2] in _VIOLENT_ROOTS or event.entry.cameo == _DESTROY_PROPERTY
        if event.target is None and event.place is not None and violent:
            people = _people_of(doc, event.place)
            if people is not None and not (event.source is not None and _same_state(event.source, people)):
                _take_target(event, people)


def _take_target(event: EventMention, target: ActorMention) -> None:
    """A target found after the event was coded: its confidence rises as for one found in its clause."""
    event.target = target
    event.confidence = round(min(event.confidence + 0.1, 0.99), 2)


def _people_of(doc: Doc, place: PlaceMention) -> ActorMention | None:
    if not place.country or _from_place(doc, place):
        return None  # "إطلاق صواريخ من جنوب لبنان": where it came from, not what it hit
    return ActorMention(
        place.first,
        place.last,
        place.sentence,
        place.country,
        "people",
        country=place.country,
        role=VICTIMS_AT_PLACE,
        confidence=0.4,
    )


def _national_agent(doc: Doc, trigger: _Trigger, role: str) -> ActorMention | None:
    """A country adjective right after an event noun (one adjective may come between) names the state
    behind the event when no party is named: talks ("المفاوضات السورية", "مفاوضات جنيف السوري") have
    its government at the table, an attack ("قصف إسرائيلي", "غارة جوية أمريكية") was made by its
    forces. Low confidence: which body of that state is not always certain. Not after the places hit
    ("قصف المدن السعودية": the cities are Saudi, the bombing is not)."""
    sentence = doc.tokens[trigger.first].sentence
    if doc.cue_starts_at(trigger.last, "target_site"):
        return None
    for match in doc.stem_matches[sentence]:
        if not trigger.last <= match.first <= trigger.last + 1:
            continue
        if _event_word_between(doc, sentence, trigger.last, match.first):
            break  # "الاجتماع للقصف الأميركي": the adjective is the next event's
        for entry in match.entries:
            if entry.kind == "adjective":
                return ActorMention(
                    match.first,
                    match.last,
                    sentence,
                    entry.ref + role,
                    "agent",
                    country=entry.ref,
                    role=role,
                    confidence=0.4,
                )
    return None


def _is_victim_noun(trigger: _Trigger) -> bool:
    """ "مقتل X", "إصابة X", "اغتيال X": a verbal noun whose genitive is the one it is done to."""
    return trigger.nominal and (trigger.entry.genitive == "target" or trigger.entry.subject != "agent")


def _victims(
    doc: Doc,
    actors: list[ActorMention],
    clauses: list[Clause],
    triggers: list[_Trigger],
    patients_of: dict[int, list[ActorMention] | None],
    hit: dict[int, ActorMention | None],
) -> tuple[set[int], set[int]]:
    """Ids of the mentions that events of the sentence are done to: patient subjects (``patients_of``,
    by trigger position), the genitives of victim nouns and what attack nouns hit (``hit``); and ids of
    the genitives of victim nouns that are their doers (``_agentive_genitive``)."""
    found: set[int] = {id(m) for m in hit.values() if m is not None}
    doers: set[int] = set()
    for trigger in triggers:
        clause = clause_of(clauses, trigger.first)
        patients = patients_of[trigger.first]
        if patients:
            found.update(id(m) for m in patients)
        elif _is_victim_noun(trigger):
            doer = _agentive_genitive(doc, actors, trigger, clause)
            # with those coordinated with them ("مصرع 20 مقاتلا من الفصائل وجبهة النصرة") and the name
            # right after one ("مقتل العضو البارز بتنظيم القاعدة محسن الفضلي")
            genitives = [
                c
                for m in actors
                if trigger.last <= m.first <= trigger.last + _GENITIVE_WINDOW
                and m.first < clause.last
                and m is not doer
                for c in _with_coordinated(doc, actors, m, clause)
            ]
            found.update(id(m) for m in genitives)
            found.update(
                id(m) for m in actors if m.kind == "person" and any(m.first == g.last for g in genitives)
            )
            # "بمقتل 19 مسلحا من تنظيم داعش بينهم قيادي سوري": those among them are victims too
            found.update(
                id(m)
                for m in actors
                for g in genitives
                if g.last < m.first <= g.last + 1 + _GENITIVE_WINDOW and _among_them(doc, g.last, m.first)
            )
            if doer is not None:
                doers.add(id(doer))
                found.update(id(m) for m in _targets(doc, actors, trigger, clause, doer, hit[trigger.first]))
    return found, doers


def _in_a_mishap(
    doc: Doc, trigger: _Trigger, clauses: list[Clause], clause: Clause, triggers: list[_Trigger]
) -> bool:
    """A killing or wounding whose clause, or the cause clause right after it ("جراء السيول"), tells a
    mishap (a crash, floods, a fire, a road accident) and no other violent event: people died, nobody
    attacked them."""
    if trigger.entry.cameo[:2] != _ASSAULT_ROOT:
        return False
    last = clause.last
    following = clause_of(clauses, last) if last < doc.sentences[clause.sentence].last_token else None
    if following is not None and following.first == last and following.opener == "cause":
        last = following.last
    if not doc.cues_in("mishap", clause.first, last):
        return False
    return not any(
        t is not trigger and clause.first <= t.first < last and t.entry.cameo[:2] in _VIOLENT_ROOTS
        for t in triggers
    )


def _more_victims_of(doc: Doc, events: list[EventMention], trigger: _Trigger) -> ActorMention | None:
    """ "قتل ثلاثة جنود وأصيب خمسة آخرون": the injured are more of the victims of the toll just told."""
    sentence = doc.sentences[doc.tokens[trigger.first].sentence]
    position = trigger.last
    while position < sentence.last_token and _count_at(doc, position):
        position += 1
    if position >= sentence.last_token or not doc.cue_starts_at(position, "others"):
        return None
    for event in reversed(events):
        if (
            event.clause.sentence == sentence.index
            and event.last <= trigger.first
            and event.target is not None
            and event.entry.cameo[:2] in _VIOLENT_ROOTS
        ):
            return event.target
    return None


def _agentive_genitive(
    doc: Doc, actors: list[ActorMention], trigger: _Trigger, clause: Clause
) -> ActorMention | None:
    """The genitive of a victim noun that is its doer because an object follows it: "اعتقال الشرطة
    العراقية عشرات المحتجين" (the police arrested the protesters), not "مقتل عشرين مسلحا"."""
    following = [m for m in actors if trigger.last <= m.first < clause.last and not _is_prepositional(doc, m)]
    if not following or following[0].first - trigger.last > _GENITIVE_WINDOW:
        return None
    if _lam_object_after(doc, actors, following[0]):
        return following[0]
    if len(following) < 2:
        return None
    genitive, obj = following[0], following[1]
    if (
        obj.first - genitive.last > _VSO_WINDOW
        or _preposition_between(doc, genitive.last, obj.first)
        # "مقتل ضابط صف وإصابة عسكريين": the victims of the next event, no object of this one
        or _event_word_between(doc, clause.sentence, genitive.last, obj.first)
        or _coordinated(doc, genitive, obj)  # "مقتل 20 مقاتلا من الفصائل وجبهة النصرة": two victims
        # "مقتل العضو البارز بتنظيم القاعدة محسن الفضلي": a name right after the genitive is its own
        or (obj.first == genitive.last and obj.kind == "person")
        or _in_construct_with(doc, genitive, obj)  # "مقتل صحافي الـ«سي إن إن»": CNN's journalist
        or _among_them(doc, genitive.last, obj.first)  # "مقتل 9 مدنيين بينهم أطفال": some of them
    ):
        return None
    return genitive


_LAM_DOERS = ("state", "group", "organisation", "agent")
_OWNERS = ("state", "group", "organisation")


def _lam_object_after(doc: Doc, actors: list[ActorMention], genitive: ActorMention) -> bool:
    """A state, group or force as the definite genitive of a verbal noun, followed at once by ل and an
    actor or a count: the ل marks the noun's object, so the genitive is its doer ("احتجاز الحوثيين لعشرات
    الموظفين", "اعتقال الشرطة للمحتجين", "اغتيال إسرائيل لقادة الحركة"). After an indefinite noun, a
    person or an office, ل tells whose it is ("مقتل عنصرين لحزب الله", "مقتل القائد العسكري للحركة")."""
    position = genitive.last
    if position >= len(doc.tokens) or doc.tokens[position].sentence != genitive.sentence:
        return False
    if "ل" not in doc.tokens[position].prefixes or genitive.kind not in _LAM_DOERS:
        return False
    named = genitive.kind == "state" or (genitive.actor_id is not None and genitive.kind != "agent")
    if not named and not any("ال" in t.prefixes for t in doc.tokens[genitive.first : genitive.last]):
        return False  # "اعتقال خلية لحماس": a cell of Hamas
    force = genitive.kind == "agent"
    if doc.cue_starts_at(position, "lam_count"):
        return True
    # "للمطالبة", "لتفريق": ل before a verbal noun tells a purpose, not an object
    if _event_word_between(doc, genitive.sentence, position, position + 1):
        return False
    # a force's word may name one of its men ("الضابط", "القائد العسكري"), and a man's ل names his side
    # ("للحوثيين"): after a force, only people or other forces are read as the object
    return any(position <= m.first <= position + 1 and not (force and m.kind in _OWNERS) for m in actors)


def _among_them(doc: Doc, first: int, last: int) -> bool:
    """بينهم / منهم between two mentions: the second is part of the first, not another argument."""
    return bool(doc.cues_in("among_them", first, last))


def _in_construct_with(doc: Doc, head: ActorMention, dependent: ActorMention) -> bool:
    """An indefinite noun followed by nothing but an article or quotation marks before the next
    mention is in construct with it: the next mention is its owner, not another argument."""
    if "ال" in doc.tokens[head.first].prefixes or head.last - head.first != 1:
        return False
    return all(
        doc.tokens[i].kind == "punct" or doc.tokens[i].norm == "ال" for i in range(head.last, dependent.first)
    )


def _credit_attackers(events: list[EventMention]) -> None:
    """An attack and the toll it took, told in one sentence, are one incident.

    A victim's death or injury without a doer ("قتل 150 مدنيا في الضربات الجوية الأمريكية",
    "هجوم نفذته طالبان أسفر عن مقتل سبعة") takes the doer of the nearest attack in the sentence that
    names its own; an attack without a target ("انفجرت سيارة مفخخة ... مما أدى إلى مقتل عشرة أشخاص",
    "تمكن الجيش من مقتل القيادي في ضربة جوية") takes the victims of the nearest toll, whether or not
    that toll has a doer. Never when doer and victim would be the same state.
    """
    attacks = [
        e for e in events if e.source is not None and not e.creditable and e.entry.cameo[:2] in _VIOLENT_ROOTS
    ]
    tolls = [e for e in events if e.toll and e.target is not None]
    for event in events:
        sentence = event.clause.sentence
        if event.creditable and event.source is None:
            nearby = [a for a in attacks if a.clause.sentence == sentence]
            if not nearby:
                continue
            attack = min(nearby, key=lambda a: abs(a.first - event.first))
            if attack.source is None or (
                event.target is not None and _same_state(attack.source, event.target)
            ):
                continue
            event.source = attack.source
            event.confidence = _confidence(
                event.entry, attack.source, event.target is not None, inherited=True
            )
        elif not event.creditable and event.target is None and event.entry.cameo[:2] in _VIOLENT_ROOTS:
            nearby = [t for t in tolls if t.clause.sentence == sentence]
            if not nearby:
                continue
            toll = min(nearby, key=lambda t: abs(t.first - event.first))
            if toll.target is None or (event.source is not None and _same_state(event.source, toll.target)):
                continue
            _take_target(event, toll.target)


def _patient_subjects(
    doc: Doc, actors: list[ActorMention], trigger: _Trigger, clause: Clause
) -> list[ActorMention] | None:
    """The actors a trigger's subject names when that subject is the one the event is done to, or
    None when the subject is the doer. An empty list: a patient subject that names no actor."""
    if trigger.nominal:
        undergo = _undergo_cue(doc, trigger, clause)
        if undergo is None:
            return None
        if _cue_at(doc, undergo, "witness") and trigger.entry.cameo[:2] not in _VIOLENT_ROOTS:
            return []  # "شهدت مصر مظاهرات ضد الحكومة": the place is no doer, nor what they are against
        # "تعرضت قافلته لهجوم" (the subject after تعرض) or "القافلة تعرضت لهجوم" (right before it);
        # not an earlier actor of the clause ("نفذت القوات ضربة إثر تعرض قواتها لإطلاق نار")
        # an owner with ل counts ("تعرضت قافلة للجيش الأمريكي لهجوم": the army's convoy)
        between = [
            m
            for m in actors
            if undergo < m.first < trigger.first
            and (not _is_prepositional(doc, m) or doc.tokens[m.first].prefixes[:1] == ("ل",))
        ]
        before = [m for m in _subjects_before(doc, actors, clause, undergo) if undergo - m.last <= 1]
        return between[:1] or before[-1:]
    subject = trigger.entry.subject
    if subject == "agent":
        return None
    before = _subjects_before(doc, actors, clause, trigger.first)
    # not an argument of another event in between ("جندي قتل في هجوم شنه مسلحون": the gunmen made the
    # attack, they are not the verb's object)
    after = [
        m
        for m in actors
        if trigger.last <= m.first < clause.last
        and m.first - trigger.last <= _VSO_WINDOW
        and not _is_prepositional(doc, m)
        and not _is_credited(doc, m)
        and not _event_word_between(doc, clause.sentence, trigger.last, m.first)
    ]
    if subject == "either":
        if not before and (head := _relative_head(doc, actors, trigger, clause)) is not None:
            before = [head]  # "الجنود الذين قتلوا في الهجوم": the head is the subject, maybe a patient
        if not before and not after and clause.opener is None:
            before = _appositive_subject(doc, actors, trigger, clause)
        reading = _passive_reading(doc, actors, trigger, clause, before, after)
        if reading is None:
            return None
        if reading == "counted":  # "قتل 13 عراقيا": the counted noun; "قتل ثلاثة": nobody named
            return _with_coordinated(doc, actors, after[0], clause) if after else []
        return _list_ending_with(doc, before)
    if before and not after:
        return _list_ending_with(doc, before)
    return _with_coordinated(doc, actors, after[0], clause) if after else []


def _list_ending_with(doc: Doc, before: list[ActorMention]) -> list[ActorMention]:
    """The preverbal subject ``before[-1]`` with those listed before it ("ضابطي شرطة ومدنيا أصيبوا":
    the officers were wounded too, not the ones who wounded the civilian)."""
    chain = [before[-1]]
    for mention in reversed(before[:-1]):
        if mention.last > chain[0].first or not _coordinated(doc, mention, chain[0]):
            break
        chain.insert(0, mention)
    return chain


def _second_count(doc: Doc, actors: list[ActorMention], position: int, clause: Clause) -> bool:
    """Whether another count follows a counted subject at ``position``, with nothing between but the
    group it belongs to ("من حركة الشباب"): that count is the verb's object."""
    if position < clause.last and doc.tokens[position].norm == "من":
        group = next((m for m in actors if m.first == position + 1), None)
        if group is None:
            return False
        position = group.last
    if position >= clause.last or doc.tokens[position].has_prefix("و", "ف"):
        return False  # "قتل 13 عراقيا وخمسة سوريين": more of the killed
    return _count_at(doc, position)


def _appositive_subject(
    doc: Doc, actors: list[ActorMention], trigger: _Trigger, clause: Clause
) -> list[ActorMention]:
    """ "المزارع إبراهيم صالحة، عشرين عاما، قتل بينما ...": the subject stands before an appositive
    set off by commas; the nearest actor of the sentence before the verb's clause, when no other
    event comes between."""
    earlier = [
        m
        for m in actors
        if m.sentence == clause.sentence and m.last <= clause.first and not _is_prepositional(doc, m)
    ]
    if not earlier:
        return []
    nearest = earlier[-1]
    between = range(nearest.last, clause.first)
    if any(doc.tokens[i].kind == "punct" and doc.tokens[i].norm not in {"،", ","} for i in between):
        return []
    if any(doc.cue_starts_at(i, c) for i in between for c in ("speech", "subordinator")):
        return []
    return [nearest]


def _passive_reading(
    doc: Doc,
    actors: list[ActorMention],
    trigger: _Trigger,
    clause: Clause,
    before: list[ActorMention],
    after: list[ActorMention],
) -> str | None:
    """How an undiacritised قتل/اختطف/اعتقل reads as a passive, if it does: "counted" when a number
    follows it ("قتل 13 عراقيا", "قتل أمس سبعة"), "preverbal" when a subject precedes it and nothing
    but a preposition follows ("جندي عراقي قتل في هجوم", "ثلاثة عراقيين قتلوا وأصيب آخرون"). Not
    with an object pronoun ("قتلهم"), after "أنه" ("أكد أنه قتل 150 متمردا"), or when a preverbal
    subject agrees with the verb's plural or feminine ending and a number follows ("شرطيين قتلوا 13
    متظاهرا", "قوات الأمن قتلت ثلاثة مسلحين"), or is no civilian and stands right before it ("الجيش
    يعتقل آلاف الإرهابيين")."""
    verb = doc.tokens[trigger.last - 1]
    if has_pronoun_suffix(doc, trigger.last - 1):
        return None
    if trigger.first > clause.first and doc.tokens[trigger.first - 1].norm in _PRONOUN_COMPLEMENTISERS:
        return None
    following = trigger.last
    if following < clause.last and (
        relative_time_re().fullmatch(doc.tokens[following].norm)
        or doc.tokens[following].norm in _THEN_WORDS
        or _resumptive(doc, following)
    ):
        following += 1
    if following < clause.last and _count_at(doc, following):
        # "قوات الأمن قتلت ثلاثة مسلحين": the feminine ending agrees with the preverbal subject too
        agreeing = has_subject_ending(verb) or ends_in_written_ta(
            verb, doc.surface(trigger.last - 1, trigger.last, body=False)
        )
        if before and agreeing:
            return None
        # "الجيش الباكستاني يعتقل آلاف الإرهابيين": an armed or official subject right before the verb,
        # whose masculine singular shows no agreement, is its doer too
        if before and before[-1].last == trigger.first and not _victim_like(before[-1]):
            return None
        if after and _second_count(doc, actors, after[0].last, clause):
            return None  # "قتل أربعة مسلحين من حركة الشباب 67 شخصا": four gunmen killed 67 people
        return "counted"
    if (
        not before
        and len(after) == 1
        and after[0].first == following
        and (
            _victim_like(after[0])
            or _nominative_without_object(doc, after[0], clause)
            or _bare_indefinite_agent(doc, after[0])
        )
    ):
        # "قتل عراقيان في تفجير", "قتل مدنيون في قصف": civilians right after the verb and no object
        # after them: the ones killed, not the killers; so are any nominative plural or dual with
        # nothing after them that could be an object ("وقتل جنديان أميركيان وأصيب ثلاثة آخرون")
        later = [
            m
            for m in actors
            if after[0].last <= m.first <= after[0].last + 1
            and m.first < clause.last
            and not _is_prepositional(doc, m)
        ]
        return "counted" if not later else None
    if not before or after:
        return None
    if following >= clause.last:
        return "preverbal"
    token = doc.tokens[following]
    if token.kind != "arabic" or token.has_prefix("ب", "و"):
        return "preverbal"
    if _cue_at(doc, following, "preposition"):  # "قتل في هجوم", "قتل نتيجة سقوطه"
        return "preverbal"
    # an adverbial of time or place ("قتل خلال اشتباكات", "قتل بعد ساعات", "قتل شمال بغداد"), with no
    # object later in the clause ("الجيش قتل بعد ساعات من الهجوم ثلاثة مسلحين")
    if any(_cue_at(doc, following, c) for c in ("temporal_frame", "reference", "locative")):
        later_object = any(
            following < m.first < clause.last and not _is_prepositional(doc, m) for m in actors
        )
        return None if later_object else "preverbal"
    return None


def _bare_indefinite_agent(doc: Doc, mention: ActorMention) -> bool:
    """ "اعتقل ناشط حقوقي من منزله": an indefinite agent noun with no article or clitic right after the
    verb, and no object after it (checked by the caller), is the one it was done to."""
    token = doc.tokens[mention.first]
    return mention.kind == "agent" and not token.prefixes and mention.role_blocks[:3] not in _ARMED_BLOCKS


def _nominative_without_object(doc: Doc, mention: ActorMention, clause: Clause) -> bool:
    """A dual or plural in its nominative ending ("جنديان", "مسلحون") followed by nothing that could
    be an object: the clause ends, or a conjunction, preposition or adverbial of time or place
    follows, and no bare accusative or count comes later ("واختطف مسلحون في بغداد أمس مهندسا", "...
    اثنين من العاملين"). Definite adjectives after a definite mention are skipped ("جنديان من قوات
    حفظ السلام الأفريقية في هجوم")."""
    if not {"ان", "ون"} & set(doc.tokens[mention.first].suffixes):
        return False
    later = range(mention.last, clause.last)
    if any(
        ({"ا", "ين"} & set(doc.tokens[i].suffixes) and not doc.tokens[i].prefixes)
        or doc.tokens[i].kind == "number"
        or doc.cue_starts_at(i, "cardinal")
        for i in later
    ):
        return False
    following = mention.last
    if "ال" in doc.tokens[following - 1].prefixes:
        while following < clause.last and doc.tokens[following].prefixes == ("ال",):
            following += 1  # "الأفريقية": an adjective of the mention
    if following >= clause.last:
        return True
    token = doc.tokens[following]
    return (
        token.kind == "punct"
        or token.has_prefix("و", "ف", "ب", "ل")
        or any(_cue_at(doc, following, c) for c in ("preposition", "temporal_frame", "locative"))
    )


def _resumptive(doc: Doc, position: int) -> bool:
    """ "فيها", "عليه": a preposition carrying only a pronoun."""
    return doc.tokens[position].key in _RESUMPTIVE_PREPOSITIONS and has_pronoun_suffix(doc, position)


def _victim_like(mention: ActorMention) -> bool:
    """People named by nationality, non-combatants, or one named person ("قتل رؤوف في ضربة جوية"):
    readily victims, and when a killer they would have an object after them."""
    return mention.kind in ("people", "person") or mention.role_blocks[:3] in _NONCOMBATANT_BLOCKS


def _subjects_before(
    doc: Doc, actors: list[ActorMention], clause: Clause, position: int
) -> list[ActorMention]:
    return [
        m for m in actors if clause.first <= m.first and m.last <= position and not _is_prepositional(doc, m)
    ]


def _with_coordinated(
    doc: Doc, actors: list[ActorMention], head: ActorMention, clause: Clause
) -> list[ActorMention]:
    chain = [head]
    for mention in actors:
        if chain[-1].last <= mention.first < clause.last:
            if not _coordinated(doc, chain[-1], mention):
                break
            chain.append(mention)
    return chain


def _undergo_cue(doc: Doc, trigger: _Trigger, clause: Clause) -> int | None:
    """The position of تعرض/نجا/شهد governing an event noun ("تعرضت قافلته لهجوم"), if any."""
    for position in range(trigger.first - 1, max(clause.first, trigger.first - _UNDERGO_WINDOW) - 1, -1):
        if _cue_at(doc, position, "undergo") or _cue_at(doc, position, "witness"):
            return position
    return None


def _credited_doer(doc: Doc, actors: list[ActorMention], trigger: _Trigger) -> ActorMention | None:
    """ "هجوم انتحاري نفذته امرأة", "تفجير تبنته طالبان": the actor right after نفذته/تبنته, a few words
    after the event, or further on in the sentence when no other event comes between ("أسفر عن مقتل
    ثلاثة جنود، وقد تبناه تنظيم القاعدة")."""
    sentence = doc.sentences[doc.tokens[trigger.first].sentence]
    for cue in doc.cues_in("agent_relative", trigger.last, sentence.last_token):
        near = cue.first - trigger.last <= _CREDIT_WINDOW
        if not near and _event_word_between(doc, sentence.index, trigger.last, cue.first):
            return None
        return _actor_after(doc, actors, cue.last)
    return _claimant(doc, trigger, sentence.last_token)


def _claimant(doc: Doc, trigger: _Trigger, end: int) -> ActorMention | None:
    """ "هجمات أعلنت حركة الشباب المسؤولية عنها", "تفجير أعلن تنظيم داعش مسؤوليته عنه": the actor
    between a claiming verb after the event and the responsibility it claims."""
    for cue in doc.cues_in("claim", trigger.last, end):
        claimant = claimant_after(doc, cue.last, end)
        if claimant is not None:
            return claimant
    return None


def _aimed_verb(doc: Doc, actors: list[ActorMention], first: int, last: int) -> int | None:
    """Where the استهدف/طال whose subject is the attack noun at ``first:last`` ends: right before
    the noun ("وقد استهدف الهجوم حشدا"), or after it ("غارة جوية استهدفت المنطقة القبلية", "الهجوم
    الأخير استهدف المنطقة", "التفجيرات التي وقعت ... في حي الشيخ رضوان، استهدفت 3 سيارات"). Not when
    an actor comes between noun and verb, other than the attack's credited doer or its owner with ل
    ("كمين للمقاومة الشعبية استهدف تعزيزات"), for it is the verb's subject ("بعد الهجوم قال الجيش إنه
    استهدف مواقع"), or the verb has an object pronoun."""
    if doc.cue_ends_at(first, "aimed_at"):
        return last
    sentence = doc.sentences[doc.tokens[first].sentence]
    verbs = doc.cues_in("aimed_at", last, min(last + _AIMED_VERB_WINDOW, sentence.last_token))
    if not verbs:
        return None
    verb = verbs[0]
    between = [
        m
        for m in actors
        if last <= m.first < verb.first
        and not _is_credited(doc, m)
        and not (m.first == last and doc.tokens[m.first].has_prefix("ل"))
    ]
    if between or has_pronoun_suffix(doc, verb.last - 1):
        return None
    return verb.last


def _aimed_object(
    doc: Doc, actors: list[ActorMention], trigger: _Trigger, verb_end: int | None
) -> ActorMention | None:
    """What an attack noun hit when it is the subject of استهدف/طال ending at ``verb_end``
    (``_aimed_verb``): the actor in the verb's object ("مركز تدريب لداعش", "3 سيارات تعود لأعضاء في
    كتائب القسام"). Not so for a verb trigger ("استهدفت الطائرات": its subject follows)."""
    if not trigger.nominal or verb_end is None:
        return None
    sentence_end = doc.sentences[doc.tokens[trigger.first].sentence].last_token
    for mention in actors:
        if verb_end <= mention.first <= verb_end + _AIMED_OBJECT_WORDS and mention.first < sentence_end:
            # not past the object's phrase: a comma, or a word with و/ف that starts the next clause
            if any(
                doc.tokens[i].kind == "punct" or doc.tokens[i].has_prefix("و", "ف")
                for i in range(verb_end, mention.first + 1)
            ):
                return None
            return mention
    return None


def _attributed(doc: Doc, mention: ActorMention) -> bool:
    """Whether the mention tells where the news comes from: right after an attribution ("بحسب
    المسؤولين") or a few words after it, within its clause ("طبقا لما ذكره جول محمد بيدار نائب حاكم
    الإقليم": the name and the title are one source); not past a complementiser, which opens what the
    source said ("نقلا عن قائد عسكري بأن مقاتلي حركة الشباب هاجموا")."""
    for position in range(mention.first, max(mention.first - _ATTRIBUTION_NAME_WORDS, 0) - 1, -1):
        if doc.cue_ends_at(position, "attribution"):
            return True
        if (
            position == 0
            or doc.tokens[position - 1].kind == "punct"
            or doc.tokens[position - 1].is_complementiser
        ):
            return False
    return False


def _opponent(doc: Doc, actors: list[ActorMention], trigger: _Trigger, clause: Clause) -> ActorMention | None:
    """ "ثلاثون متمردا قتلوا في مواجهات مع قوات الأمن": those killed died fighting the actor after
    مواجهات مع, who is the source of their death."""
    for cue in doc.cues_in("fighting_with", trigger.last, clause.last):
        return _actor_after(doc, actors, cue.last)
    return None


def _responsible(
    doc: Doc, actors: list[ActorMention], trigger: _Trigger, clause: Clause
) -> ActorMention | None:
    """ "كان متشددو طالبان وراء سلسلة من أعمال الخطف", "الجماعة المسؤولة عن الهجوم": the actor right
    before وراء / المسؤولة عن did the event noun a few words after it (in "قائد الجماعة المسؤولة عن
    الهجوم" that group is no actor Hadath knows, and the sentence's subject is not it)."""
    for cue in doc.cues_in("behind", max(clause.first, trigger.first - _BEHIND_WINDOW), trigger.first):
        # a comma may come between ("اتهم المسؤولون تنظيم داعش، بالوقوف خلف التفجير")
        sentence_start = doc.sentences[clause.sentence].first_token
        comma = cue.first > sentence_start and doc.tokens[cue.first - 1].norm in {"،", ","}
        before = cue.first - 1 if comma else cue.first
        return next((m for m in actors if m.last == before and not _is_prepositional(doc, m)), None)
    return None


def _owner(doc: Doc, actors: list[ActorMention], trigger: _Trigger) -> ActorMention | None:
    """ "طائرة بدون طيار تابعة لوكالة المخابرات المركزية": the owner of the weapon used it."""
    sentence_end = doc.sentences[doc.tokens[trigger.first].sentence].last_token
    for cue in doc.cues_in("belonging", trigger.last, min(trigger.last + 2, sentence_end)):
        return _actor_after(doc, actors, cue.last)
    return None


def _is_credited(doc: Doc, mention: ActorMention) -> bool:
    """Whether the mention is the one right after نفذته/تبنته, as ``_credited_doer`` reads it."""
    return doc.cue_ends_at(mention.first, "agent_relative") or doc.cue_ends_at(
        mention.first - 1, "agent_relative"
    )


def _enclosing_quotation(doc: Doc, quotations: list[QuotationMention], token: int) -> QuotationMention | None:
    offset = doc.tokens[token].start
    for quotation in quotations:
        if quotation.content_start <= offset < quotation.content_end:
            return quotation
    # "أفادت الشرطة بأن رجلا فجر سيارة، ثم قتل خمسة": a report whose content has its own subject goes
    # on to the end of the sentence, so the reporter is not the doer of what its later clauses tell;
    # after "إنه" the pronoun is mostly the reporter, who then stays the subject
    sentence = doc.tokens[token].sentence
    for quotation in quotations:
        if (
            not quotation.direct
            and quotation.cue.sentence == sentence
            and quotation.content_start <= offset
            and not _opens_with_pronoun(doc, quotation)
        ):
            return quotation
    return None


def _content_actors(
    doc: Doc, actors: list[ActorMention], quotation: QuotationMention | None
) -> list[ActorMention]:
    """The actors a verb inside reported content may take as its subject: those of the content ("ذكرت
    الوكالة أن الجهات الأمنية قبضت على ...": not the agency, when the lexicon misses the subject),
    unless the content opens with a pronoun for the speaker ("أعلنت الشرطة أنها اعتقلت") or with a
    noun that has one ("أوضحت المقاومة أن مقاتليها استهدفوا", "أعلن أن بلاده ستنشر")."""
    if quotation is None or _opens_with_pronoun(doc, quotation) or _opens_with_possessed(doc, quotation):
        return actors
    return [m for m in actors if doc.tokens[m.first].start >= quotation.content_start]


def _opens_with_possessed(doc: Doc, quotation: QuotationMention) -> bool:
    """Whether the content's first word (after a complementiser) carries a possessive pronoun."""
    opening = [doc.tokens[i] for i in _first_tokens_from(doc, quotation.content_start, quotation.cue.last, 2)]
    if opening and opening[0].is_complementiser:
        opening = opening[1:]
    if not opening or opening[0].sentence != quotation.cue.sentence:
        return False
    first = opening[0]
    return has_pronoun_suffix(doc, first.index) or first.norm.endswith(("ها", "هم", "هما"))


def _opens_with_pronoun(doc: Doc, quotation: QuotationMention) -> bool:
    return any(
        token.start == quotation.content_start and token.is_complementiser and bool(token.suffixes)
        for token in doc.sentence_tokens(quotation.cue.sentence)
    )


def _speech_events(
    doc: Doc,
    compiled: CompiledLexicon,
    clauses: list[Clause],
    act: SpeechAct,
    quotation: QuotationMention | None,
) -> list[EventMention]:
    """A statement is an event (CAMEO 010); one whose reported content opens with a negation
    ("لا يوجد ...", "لن نقبل ...") rejects something (120: reject, not specified); an appeal or demand
    made of several addressees is one event for each ("دعا المبعوث حكومة الوحدة الوطنية ومجلس النواب")."""
    negated_content = False
    if quotation is not None:
        opening = _first_tokens_from(doc, quotation.content_start, act.cue.last, 2)
        negated_content = any(
            doc.cue_starts_at(position, category)
            for position in opening
            for category in ("negation", "negation_nouns")
        )
    cue_token = doc.tokens[act.cue.first]
    nominal = looks_nominal(cue_token)  # تصريح، تأكيد، إعلان; قال and أكد are verbs
    performed = None if negated_content else _performed_entry(doc, compiled, act.cue)
    entry = performed or EventEntry(
        cameo="120" if negated_content else "010",
        triggers=(),
        pos="noun" if nominal else "verb",
        origin="speech cue",
        provenance="hadath:speech",
    )
    clause = clause_of(clauses, act.cue.first)
    addressee = _addressee(doc, act, clause) if performed is not None else None
    if negated_content:
        targets = [_implicit_counterpart(doc, compiled, entry, act.speaker)]
    elif addressee is not None:
        targets = [
            m for m in _with_coordinated(doc, doc.actors, addressee, clause) if not _is_prepositional(doc, m)
        ]
    else:
        targets = [_spoken_about(doc, quotation, act.speaker) if quotation is not None else None]
    trigger = _Trigger(act.cue.first, act.cue.last, entry, nominal)
    tense = None if nominal else "past"
    # an appeal, a demand or a threat is made, not reported: asserted unless negated or unreal
    modality = Modality("reported", tense)
    if performed is not None:
        modality = modality_of(doc, act.cue.first, act.cue.last, clause, False, entry, None)
        if modality.value == "reported":
            modality = Modality("asserted", modality.tense)
    place = _place(doc, trigger, clause)
    return [
        EventMention(
            act.cue.first,
            act.cue.last,
            clause,
            entry,
            act.speaker,
            target,
            place,
            modality,
            nominal,
            _confidence(entry, act.speaker, target is not None, inherited=False),
        )
        for target in targets
    ]


def _performed_entry(doc: Doc, compiled: CompiledLexicon, cue: CueMention) -> EventEntry | None:
    """The appeal, demand or threat a speech verb makes when its context names what is asked or
    threatened ("طالبت ... بالإفراج", "دعا ... إلى الحوار", "حذر ... من أن بلاده سترد بقوة"): coded as
    that (02, 10, 13), not as a bare statement. What is asked comes after the speaker and the
    addressee, so their names do not count in the context window."""
    sentence = doc.tokens[cue.first].sentence
    entries = [
        int(entry.ref)
        for match in doc.stem_matches[sentence]
        if (match.first, match.last) == (cue.first, cue.last)
        for entry in match.entries
        if entry.kind == "event"
    ]
    if not entries:
        return None
    window = _context_window(doc, cue.last, doc.sentences[sentence].last_token, past_names=True)
    best = _best_entry(doc, compiled, cue.first, cue.last, entries, window)
    if best is None or best[1].cameo[:2] not in _PERFORMED_ROOTS:
        return None
    if best[1].pos == "verb" and looks_nominal(doc.tokens[cue.first]):
        return None  # "الطالبات": students, not a demand
    return best[1]


def _addressee(doc: Doc, act: SpeechAct, clause: Clause) -> ActorMention | None:
    """Whom an appeal or demand is made of: the actor right after the verb and its speaker (with the
    speakers coordinated with it), in the accusative ("طالبت الأمم المتحدة والاتحاد الأوروبي السلطات
    السودانية بالإفراج"); not one inside what is asked ("طالب البرلمان بخروج القوات الأجنبية")."""
    speakers = _with_coordinated(doc, doc.actors, act.speaker, clause) if act.speaker else []
    start = max([act.cue.last, *(m.last for m in speakers if m.first >= act.cue.last)])
    for mention in doc.actors:
        if mention.first == start and mention.sentence == act.cue.sentence:
            governed = _is_prepositional(doc, mention) or doc.tokens[mention.first].has_prefix("ب", "ل")
            return None if governed else mention
    return None


def _spoken_about(doc: Doc, quotation: QuotationMention, speaker: ActorMention | None) -> ActorMention | None:
    """A statement's target is the first actor its content names that is not the speaker's own side,
    else the first state it names as a place ("قال الجبير إن المملكة حريصة على علاقاتها مع إيران" is
    said about Iran), as event data conventionally codes it. Not an actor a preposition governs ("تم
    الإفراج عن المتهم من محكمة بنها": where things happened) nor one a pronoun owns ("أكدت المقاومة
    أن قواتها وصلت": the speaker's own forces)."""
    for mention in doc.actors:
        start = doc.tokens[mention.first].start
        if not quotation.content_start <= start < quotation.content_end or not mention.code:
            continue
        if speaker is not None and _same_state(mention, speaker):
            continue
        if _is_prepositional(doc, mention) or has_pronoun_suffix(doc, mention.first):
            continue
        return mention
    # a state named as a place ("مع إيران"), not the speaker's own
    for place in doc.places:
        start = doc.tokens[place.first].start
        if (
            quotation.content_start <= start < quotation.content_end
            and place.kind == "country"
            and place.country
            and (speaker is None or place.country != speaker.country)
        ):
            return _state_of(place, role=None, confidence=0.6)
    return None


def _speaker_did_it(doc: Doc, quotation: QuotationMention, trigger: _Trigger) -> bool:
    """Content that opens with "be" and the verb ("نفى أن يكون قد شارك", "أن تكون قد استهدفت"): the
    verb's subject is the speaker, whom the copula's person refers to."""
    opening = _first_tokens_from(doc, quotation.content_start, quotation.cue.last, 3)
    if not opening or not doc.cue_starts_at(opening[0], "be_copula"):
        return False
    rest = opening[1:]
    if rest and doc.tokens[rest[0]].norm == "قد":
        rest = rest[1:]
    return bool(rest) and rest[0] == trigger.first


def _first_tokens_from(doc: Doc, offset: int, after: int, count: int) -> list[int]:
    """The first ``count`` token indices at or after character ``offset``, searching from token ``after``."""
    found: list[int] = []
    for token in doc.tokens[after:]:
        if token.start >= offset:
            found.append(token.index)
            if len(found) == count:
                break
    return found


def _implicit_counterpart(
    doc: Doc, compiled: CompiledLexicon, entry: EventEntry, source: ActorMention | None
) -> ActorMention | None:
    """The unnamed addressee of verbal conflict in a domestic conflict.

    A government that rejects, demands or threatens without naming anyone in the sentence addresses its
    domestic opponents, and they address it: the most mentioned opposition/rebel actor of the same
    country in the document (or its government). Low confidence, and only for verbal conflict.
    """
    info = compiled.lexicon.cameo_info(entry.cameo)
    if source is None or not source.country or info is None or info.quad_class != "verbal_conflict":
        return None
    blocks = source.role_blocks[:3]
    wanted = {"OPP", "REB"} if blocks in _STATE_BLOCKS else {"GOV"} if blocks in {"OPP", "REB"} else set()
    candidates: dict[str, list[ActorMention]] = {}
    for mention in doc.actors:
        if mention.country == source.country and mention.role_blocks[:3] in wanted and mention.code:
            candidates.setdefault(mention.code, []).append(mention)
    if not candidates:
        return None
    code, mentions = max(candidates.items(), key=lambda item: (len(item[1]), item[0]))
    first = mentions[0]
    return ActorMention(
        first.first,
        first.last,
        first.sentence,
        code,
        "implicit",
        country=source.country,
        role="implicit-counterpart",
        confidence=0.4,
    )


def _triggers(doc: Doc, compiled: CompiledLexicon, sentence: int, occupied: set[int]) -> list[_Trigger]:
    """Event triggers of a sentence: longest spans first, no overlaps, best entry per span."""
    by_span: dict[tuple[int, int], list[int]] = {}
    for match in doc.stem_matches[sentence]:
        for entry in match.entries:
            if entry.kind == "event":
                by_span.setdefault((match.first, match.last), []).append(int(entry.ref))
    sentence_end = doc.sentences[sentence].last_token
    sentence_places = [p for p in doc.places if p.sentence == sentence]
    idioms = doc.cues_in("idiom", doc.sentences[sentence].first_token, sentence_end)
    chosen: list[_Trigger] = []
    taken: set[int] = set()
    light_objects: set[int] = set()  # where the object nouns of light verbs are
    for (first, last), entries in sorted(
        by_span.items(), key=lambda item: (-(item[0][1] - item[0][0]), item[0][0])
    ):
        span = set(range(first, last))
        if span & occupied or span & taken:
            continue
        if any(p.first <= first and last <= p.last for p in sentence_places):
            continue  # inside a place name; a trigger may contain one ("مفاوضات جنيف")
        if any(c.first < last and first < c.last for c in idioms):
            continue  # "قلم رصاص" (a pencil), "بارك الله" (a blessing)
        if _counted_doer(doc, first):
            continue  # "قتل 12 عنصرا بينهم ثلاثة انتحاريين": bombers among the dead, no bombing
        window_positions = _context_window(doc, last, sentence_end)
        best = _best_entry(doc, compiled, first, last, entries, window_positions)
        if best is None:
            # no entry fits the words right after the trigger: the object may follow the subject's name
            # ("وقع وزير الدفاع الأمريكي مارك إسبر في الرباط اتفاقية")
            window_positions = _after_subject(doc, last, sentence_end)
            best = _best_entry(doc, compiled, first, last, entries, window_positions)
        if best is None:
            continue
        index, entry = best
        finite = looks_finite(doc.tokens[first])
        # after a preposition a verb's form is its verbal noun ("تمكنت القوات من قتل 20 مسلحا", "بقتل")
        governed = doc.tokens[first].has_prefix("ب", "ل") or (
            first > 0 and _cue_at(doc, first - 1, "preposition")
        )
        nominal = not finite and (
            entry.pos == "noun"
            or governed
            or (looks_nominal(doc.tokens[first]) and not _listed_verb_form(doc, first, entry))
        )
        chosen.append(_Trigger(first, last, entry, nominal))
        taken |= span
        if entry.light_verb:
            groups = compiled.context_groups[index]
            light_objects.update(
                i for i in window_positions if any(doc.tokens[i].key in group for group in groups)
            )
    # "ألقت الشرطة القبض على": the noun the light verb takes is the same event, told once
    ordered = sorted((t for t in chosen if t.first not in light_objects), key=lambda t: t.first)
    for before, trigger in pairwise(ordered):
        if _object_of_verb(doc, before, trigger):
            trigger.nominal = True
    return [
        t
        for index, t in enumerate(ordered)
        if not (
            index
            and t.first - ordered[index - 1].last <= _RESTATED_REACH
            and _restates(doc, ordered[index - 1], t)
        )
    ]


def _counted_doer(doc: Doc, position: int) -> bool:
    """A doer noun ("انتحاري") counted or listed among others ("بينهم انتحاري", "ثلاثة انتحاريين"): people,
    not an act."""
    if not doc.cue_starts_at(position, "doer_noun") or position == 0:
        return False
    return (
        doc.tokens[position - 1].kind == "number"
        or doc.cue_ends_at(position, "cardinal")
        or doc.cue_ends_at(position, "among_them")
    )


def _imperfect(doc: Doc, trigger: _Trigger) -> bool:
    """A verb in the third-person masculine imperfect ("يلتقي", "يبحث"): ي and no past ending. The tense
    read from the lexicon may say past, which lists some imperfects among its triggers; ت is left out,
    since pasts start with it too ("تظاهر", "تعهد")."""
    token = doc.tokens[trigger.first]
    return (
        not trigger.nominal
        and not token.prefixes
        and token.norm.startswith("ي")
        and len(token.norm) > 3
        and not set(token.suffixes) & PAST_PERSON_ENDINGS
    )


def _restates(doc: Doc, before: _Trigger, trigger: _Trigger) -> bool:
    """Whether ``trigger`` tells again the act of the trigger before it: "احتجاجا على" after a protest or a
    complaint is why it was made ("تظاهر الآلاف احتجاجا على", "استدعت السفير احتجاجا على"), where after
    another act it makes that act a protest ("انسحبا من الاجتماع احتجاجا على": a walkout); an act of the
    same kind after "في حملة" is the campaign it was part of ("اعتقلت الشرطة ناشطين في حملة مداهمات")."""
    if doc.cue_starts_at(trigger.first, "in_protest"):
        return before.entry.cameo[:2] in (_PROTEST_ROOT, _DISAPPROVE_ROOT)
    return doc.cue_ends_at(trigger.first, "campaign") and before.entry.cameo[:2] == trigger.entry.cameo[:2]


def _object_of_verb(doc: Doc, verb: _Trigger, trigger: _Trigger) -> bool:
    """A bare word that may be a verb or its verbal noun ("قصف"), right after a verb and its named
    subject, is the verb's object, a verbal noun: two verbs do not follow each other without و/ف, a
    complementiser or a relative ("دان الائتلاف الوطني السوري المعارض قصف الطيران الروسي لمدارس")."""
    token = doc.tokens[trigger.first]
    if verb.nominal or trigger.nominal or token.prefixes or looks_finite(token):
        return False
    named = {i for m in doc.actors_in(verb.last, trigger.first) for i in range(m.first, m.last)}
    # the subject's attributes are definite words after its name ("الائتلاف الوطني السوري المعارض")
    return bool(named) and all(
        i in named or (i > min(named) and doc.tokens[i].prefixes == ("ال",))
        for i in range(verb.last, trigger.first)
    )


def _after_subject(doc: Doc, last: int, sentence_end: int) -> list[int]:
    """The object's place in a verb-first clause: the _OBJECT_REACH words after the names right after the
    verb (its subject, with those joined to it by و), where a place may come first ("في الرباط
    اتفاقية"); nothing if no name follows the verb."""
    position = last
    for mention in doc.actors_in(last, sentence_end):
        if mention.first != position:
            break
        position = mention.last  # "قوات الرئيس اليمني عبد ربه منصور هادي والمقاومة الشعبية على"
    if position == last:
        return []
    return list(range(position, min(position + _OBJECT_REACH, sentence_end)))


def _context_window(doc: Doc, last: int, sentence_end: int, past_names: bool = False) -> list[int]:
    """The positions whose words confirm an entry's context: the _CONTEXT_WINDOW words after the
    trigger. Names count, since an entry's context may be in one ("قصفت طائرات التحالف": aircraft);
    with ``past_names`` they do not, for a speech verb whose speaker and addressee come before what
    it asks for ("طالبت الأمم المتحدة والاتحاد الأوروبي السلطات السودانية بالإفراج")."""
    named = (
        {i for m in doc.actors if last <= m.first < sentence_end for i in range(m.first, m.last)}
        if past_names
        else set()
    )
    positions = [i for i in range(last, sentence_end) if i not in named]
    return positions[:_CONTEXT_WINDOW]


def _best_entry(
    doc: Doc,
    compiled: CompiledLexicon,
    first: int,
    last: int,
    entries: list[int],
    window_positions: list[int],
) -> tuple[int, EventEntry] | None:
    """The entry a trigger span takes among those its context fits: curated entries before imported
    ones; a finite verb form ("قصفت") takes a verb entry; then a context-confirmed entry (more specific)."""
    window = {doc.tokens[i].key for i in window_positions}
    fitting = [
        (index, compiled.lexicon.events[index])
        for index in entries
        if all(group & window for group in compiled.context_groups[index])
        and not (
            last - first == 1
            and (
                _lacks_noun_ending(doc, first, compiled.lexicon.events[index])
                or _nisba_of_trigger(doc, first, compiled.lexicon.events[index])
            )
        )
    ]
    if not fitting:
        return None
    finite = looks_finite(doc.tokens[first])
    return min(
        fitting,
        key=lambda pair: (
            pair[1].provenance.startswith("oeda"),
            finite and pair[1].pos != "verb",
            not pair[1].context,
            -len(pair[1].cameo),
        ),
    )


def _nisba_of_trigger(doc: Doc, position: int, entry: EventEntry) -> bool:
    """ "اجتماعي" (social) shares its key with "اجتماع" (a meeting): a word written with a nisba ending
    is the adjective of a noun trigger whose forms have none."""
    if entry.pos != "noun":
        return False
    token = doc.tokens[position]
    return doc.text[token.body_start : token.end].endswith(NISBA_ENDINGS) and not _nisba_triggers(
        entry.triggers
    )


def _listed_verb_form(doc: Doc, position: int, entry: EventEntry) -> bool:
    """ "حيث التقى": a verb the entry lists as written, which the segmenter split as if it had the
    article (ال + تقى), is that verb, not a verbal noun."""
    token = doc.tokens[position]
    if entry.pos != "verb" or "ال" not in token.prefixes:
        return False
    word = token.norm[1:] if token.prefixes[:1] in (("و",), ("ف",)) else token.norm
    return word in _verb_forms(entry.triggers)


@lru_cache(maxsize=1024)
def _verb_forms(triggers: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalize(t).text for t in triggers if " " not in t)


@lru_cache(maxsize=1024)
def _nisba_triggers(triggers: tuple[str, ...]) -> bool:
    """Whether a one-word trigger itself ends like a nisba (the match is of one word)."""
    return any(" " not in t and normalize(t).text.endswith(("ي", "يه")) for t in triggers)


def _lacks_noun_ending(doc: Doc, position: int, entry: EventEntry) -> bool:
    """ "أصاب" (hit) shares its key with the noun "إصابة" (injury), "مظاهر" (aspects) with "مظاهرة",
    "المباحث" (the investigators) with "مباحثات" (talks): a bare word, with no ending at all or only a
    pronoun ("مظاهرها", its aspects), is not a noun that the lexicon lists only with ta marbuta or the
    plural ات. Other endings keep it: a plural ("غارات"), a ta marbuta become ت before a pronoun
    ("مظاهرتها"), a participle's ("مطالبا"), and ه, which may be a ta marbuta written without its dots."""
    token = doc.tokens[position]
    if entry.pos != "noun" or any(s not in _PRONOUNS_AFTER_A_NOUN for s in token.suffixes):
        return False
    if doc.text[token.start : token.end].endswith("ة"):
        return False
    return token.key in _ending_only_keys(entry)


# ه aside: after a word listed with ta marbuta it may be that ta marbuta, written without its dots
_PRONOUNS_AFTER_A_NOUN = PERSONAL_PRONOUNS - {"ه"}


@lru_cache(maxsize=4096)
def _ending_only_keys(entry: EventEntry) -> frozenset[str]:
    """Keys of the entry's one-word triggers that it lists with a ta marbuta or ات and never without."""
    with_ending: set[str] = set()
    without: set[str] = set()
    for trigger in entry.triggers:
        tokens = tokenize(normalize(trigger))[1]
        if len(tokens) == 1:
            (with_ending if trigger.endswith(("ة", "ات")) else without).add(tokens[0].key)
    return frozenset(with_ending - without)


def _is_prepositional(doc: Doc, mention: ActorMention) -> bool:
    """Whether a preposition governs the mention (then it is not a subject), partitives excepted."""
    first = doc.tokens[mention.first]
    if first.has_prefix(*_PREPOSITION_CLITICS):
        return True
    before = mention.first - 1
    if before < 0 or doc.tokens[before].sentence != mention.sentence:
        return False
    if not _cue_at(doc, before, "preposition"):
        return False
    # "قسم كبير من القوات", "سبعة من عناصر الشرطة", "عناصر من طالبان": the quantity or the members, not
    # the preposition, head the phrase
    if before > 0 and doc.tokens[before - 1].kind == "number":
        return False
    if doc.cue_ends_at(before, "members"):
        return not _members_as_subject(doc, before - 1)
    return not any(
        doc.cue_ends_at(quantity_end, category)
        for quantity_end in (before, before - 1)
        for category in ("partitive", "cardinal")
    )


def _members_as_subject(doc: Doc, position: int) -> bool:
    """Whether the members noun at ``position`` ("عناصر من طالبان") stands where a subject does: first
    in its sentence, after punctuation or a complementiser ("إن عناصر من طالبان هاجموا"), or right
    after an event word ("هاجم أفراد من عصابة"); not as another verb's object ("حافلة تقل عناصر من
    الحرس الثوري")."""
    if position == 0 or doc.tokens[position - 1].sentence != doc.tokens[position].sentence:
        return True
    previous = doc.tokens[position - 1]
    if previous.kind == "punct" or previous.is_complementiser:
        return True
    return _event_word_between(doc, previous.sentence, position - 1, position)


def _cue_at(doc: Doc, position: int, category: str) -> bool:
    return doc.cue_starts_at(position, category)


@dataclass(slots=True)
class _Context:
    """What the source of a trigger may be inherited from."""

    actors: list[ActorMention]
    events: list[EventMention]
    clause_events: list[EventMention]
    governors: list[tuple[int, Clause, ActorMention]]
    clause: Clause
    quotation: QuotationMention | None
    subject: ActorMention | None
    last_subject: ActorMention | None
    thwarted: bool  # the trigger is what a word of thwarting governs (``_thwarting_cue``)


def _inherited_source(doc: Doc, trigger: _Trigger, context: _Context) -> ActorMention | None:
    """The doer of an event whose clause does not name it, tried in this order:

    0. the subject of a verb of carrying out just before an event noun ("أطلق الجيش قنابل الغاز");
    1. a definite verbal noun refers back to the same kind of event told before ("الغارات" after
       "شنت الطائرات الروسية غارات") and takes its doer, for an attack only an armed one or a state;
    2. a thwarted event ("إحباط هجوم") has no doer in the sentence: the thwarter did not do it;
    3. inside what somebody said, the speaker is the reporter, not the doer ("قال المرصد إن القصف"):
       an actor earlier in the content, else nobody (the definite noun of step 1 aside), unless the
       content's subject is a pronoun for the speaker that carried the act out ("أعلن أنه نفذ الهجوم");
    4. a time frame ("خلال المفاوضات") has no doer in the sentence, nor has what an expressed attitude
       is about ("أعرب عن ارتياحه لتطورات العمليات العسكرية"), nor what someone is suspected or accused
       of ("مشتبه به في تفجير المسجد"), nor what is told as having happened ("بلاغ عن حدوث إطلاق نار");
    5. a statement, intention or concession passes its doer down a chain of verbal nouns ("تصريح
       الرئيس ... باتخاذ القرار بسحب"), but not to the attack behind a toll it reports;
    6. the object of another event ("ندد بالهجوم") is somebody else's act: no doer;
    7. otherwise the sentence's subject (pro-drop: "شنوا غارات"); for an attack noun only an armed one.
    Before all, a verb right before a nominative plural or dual noun that names no actor has that noun as
    its subject ("دعا الدائنون إلى"): nobody the lexicon knows.
    """
    if not trigger.nominal and _unnamed_subject_after(doc, context.actors, trigger):
        # "دعا الدائنون إلى": the creditors, whom no actor names, not the subject of the sentence before
        return None
    if not trigger.nominal and trigger.last < len(doc.tokens) and doc.cue_starts_at(trigger.last, "any_of"):
        return None  # "لم تعلن أي جهة مسؤوليتها": no group, not the subject told before
    if not trigger.nominal and _unknown_titled_speaker_after(doc, context.actors, trigger):
        return None  # "وأشاد رئيس جمعية حماية المستهلك": a person no actor names, not the last subject
    if not trigger.nominal and _unnamed_relative_head(doc, trigger, context.clause):
        return None  # "الانتحاري الذي فجر المسجد": the bomber, whom no actor names, set it off
    if not trigger.nominal and _named_place_relative(doc, context.actors, trigger):
        return None  # "تونس التي قتل فيها سياح": the place named, not who killed them
    if trigger.nominal and doc.cue_starts_at(trigger.first, "doer_noun"):
        return None  # "كشفت السلطات هوية الانتحاري": the bomber's act, not the authorities'
    if trigger.first > 0 and doc.cue_starts_at(trigger.first - 1, "doer_noun"):
        return None  # "إيقاف مشتبه به في حادثة انتحاري فجر نفسه": the bomber, not the suspect
    if trigger.nominal and not context.thwarted and context.quotation is None:
        conductor = _conduct_subject(doc, context.actors, trigger, context.clause)
        if conductor is not None:
            return conductor  # "فيما أطلق الجيش الإسرائيلي قنابل الغاز": the army, not the sentence's subject
    antecedent = _antecedent(doc, context.events, trigger)
    if antecedent is not None:
        if trigger.entry.cameo[:2] in _VIOLENT_ROOTS and not _armed(antecedent.source):
            # "هذا العمل الإرهابي" after "ندد الأمير بالعمل الإرهابي": the attack told before, whose
            # doer that event got wrong (a prince, a governor, the victims) or does not name
            return None
        return antecedent.source
    if context.thwarted:
        return None  # "تمكنت الشرطة من إحباط هجوم": the police did not attack
    if _is_victim_noun(trigger) and _attack_told_before(context.events, trigger, context.clause.sentence):
        # "دان مجلس علماء باكستان التفجير ... وأسفر عن مقتل": the toll is the bombing's, whose doer (if
        # it names one) _credit_attackers gives it; not the condemner's
        return None
    if trigger.nominal and trigger.entry.cameo[:2] in _RESPONDED_ROOTS and _responded_to(doc, trigger):
        return None  # "عزل الجيش مرسي إثر احتجاجات حاشدة": what the subject answered, not its own act
    if trigger.nominal and doc.cue_ends_at(trigger.first, "suspected_of"):
        return None  # "لم تعتقل الشرطة أي مشتبه به في تفجير المسجد": the suspects' act, not the police's
    if trigger.nominal and doc.cue_ends_at(trigger.first, "occurrence"):
        # "تلقت الشرطة بلاغا عن حدوث إطلاق نار": what happened, not what the police did, in reported
        # speech too ("أوضح الناطق أنه ورد لشرطة المحافظة بلاغ عن حدوث إطلاق نار")
        return None
    if context.quotation is not None:
        quotation = context.quotation
        subject = _content_subject(doc, context.actors, quotation, trigger.first)
        if (
            subject is None
            and _opens_with_pronoun(doc, quotation)
            and (
                doc.cues_in("conduct", quotation.cue.last, trigger.first)
                or doc.cues_in("intention", quotation.cue.last, trigger.first)
            )
        ):
            # "أعلن التنظيم أنه نفذ الهجوم", "قال إنه يعتزم زيارة إيران": the pronoun on أن is the speaker
            return quotation.speaker
        return subject
    if trigger.nominal and _in_temporal_adjunct(doc, trigger.first):
        # "خلال المفاوضات": nobody in the sentence; but "ناقش المجلس خلال اجتماعه" (its pronoun) and "قال
        # أردوغان خلال زيارة إلى قبرص" (a visit or meeting of no one named) are the subject's
        subject = context.subject
        own = has_pronoun_suffix(doc, trigger.last - 1) or (
            trigger.entry.cameo[:2] == _CONSULT_ROOT and "ال" not in doc.tokens[trigger.first].prefixes
        )
        if own and subject is not None and context.clause.first <= subject.first < trigger.first:
            return subject
        return None
    if trigger.nominal and doc.cues_in("attitude", context.clause.first, trigger.first):
        return None
    governing = _governing_source(context.governors, trigger.first, context.clause)
    if governing is not None:
        if (
            trigger.nominal
            and trigger.entry.cameo[:2] in _VIOLENT_ROOTS
            and _after_reported_toll(context.clause_events, trigger, governing)
        ):
            return None
        return governing
    accused = _accused(context.clause_events, trigger.first)
    if trigger.nominal and accused is not None:
        return accused  # "اتهمت المعارضة النظام بقصف المدنيين": the accused is the doer
    purpose = _purpose_of(doc, context.clause_events, trigger)
    if purpose is not None:
        return purpose  # "تظاهر الآلاف للمطالبة بتسليم السلطة": the protesters demand it
    if trigger.nominal and _object_of_event(context.clause_events, trigger.first, context.clause):
        return None
    subject = context.subject
    if subject is None or trigger.entry.cameo[:2] not in _VIOLENT_ROOTS:
        return subject
    if subject.sentence != doc.tokens[trigger.first].sentence:
        # "وتظهر الصور ... بفعل الانفجار": the subject of an earlier sentence (the Turkish president, jets
        # told of before) did not set off the blast this one tells of
        return None
    if (
        trigger.nominal
        and not _armed(subject)
        and subject.first != trigger.last  # its genitive ("لسيطرة المعارضة") is its own doer
        and not doc.cues_in("conduct", context.clause.first, trigger.first)
    ):
        # "تبنى مجلس الأمن قرارا ... عن هجمات كيميائية", "مددت الرئاسة حالة الطوارئ بسبب الاعتداءات": an
        # attack noun is what an unarmed subject decides, fears or speaks about, not what it did; unless
        # the subject carried it out ("نفذ المتظاهرون هجوما")
        return None
    return subject


def _conduct_subject(
    doc: Doc, actors: list[ActorMention], trigger: _Trigger, clause: Clause
) -> ActorMention | None:
    """The subject of a verb of carrying out (شن، نفذ، أطلق ...) just before the event noun, whose
    object the noun is: right after the verb (a word between allowed) or right before it, with those
    coordinated with it ("وكانت قوات الأسد وحزب الله بدأت هجوما": the first of them)."""
    cues = doc.cues_in("conduct", max(clause.first, trigger.first - _CONDUCT_REACH), trigger.first)
    if not cues:
        return None
    verb = cues[-1]
    for mention in actors:
        if verb.last <= mention.first < trigger.first and mention.first - verb.last <= 1:
            return None if _is_prepositional(doc, mention) else mention
        if (
            clause.first <= mention.first
            and mention.last <= verb.first
            and not _is_prepositional(doc, mention)
            and _with_coordinated(doc, actors, mention, clause)[-1].last == verb.first
        ):
            return mention
    return None


def _after_reported_toll(
    clause_events: list[EventMention], trigger: _Trigger, reporter: ActorMention
) -> bool:
    """Whether the attack noun tells what caused a toll its clause reports with no doer ("أعلن الجيش
    الأميركي مقتل أحد جنوده في انفجار قنبلة"): the reporter did not set it off, unless the dead are its
    armed enemies ("أعلن الجيش مقتل 20 مسلحا في غارات")."""
    for event in clause_events:
        if event.toll and event.source is None and event.last <= trigger.first:
            victim = event.target
            return victim is None or not _armed(victim) or _same_state(victim, reporter)
    return False


def _thwarting_cue(doc: Doc, trigger: _Trigger, clause: Clause) -> CueMention | None:
    """The word of thwarting whose object the trigger is ("إحباط هجوم", "أحبطت القوات العراقية هجوما
    انتحاريا"): earlier in the clause, with no other event word between and no conjunction ("تم إحباط
    مخطط آخر وقتل الإرهابي": the killing happened)."""
    cues = doc.cues_in("thwart", clause.first, trigger.first)
    if not cues:
        return None
    nearest = cues[-1]
    if any(doc.tokens[i].has_prefix("و", "ف") for i in range(nearest.last, trigger.first + 1)):
        return None
    return None if _event_word_between(doc, clause.sentence, nearest.last, trigger.first) else nearest


def _impersonal(doc: Doc, trigger: _Trigger) -> bool:
    """ "تم الإفراج", "جرى توقيفه": a verbal noun after an impersonal passive verb has no subject."""
    return doc.cue_ends_at(trigger.first, "impersonal_passive") or doc.cue_starts_at(
        trigger.first, "impersonal_passive"
    )


def _accused(clause_events: list[EventMention], position: int) -> ActorMention | None:
    for event in reversed(clause_events):
        if event.last <= position and event.entry.cameo.startswith(_ACCUSE_CODE) and event.target is not None:
            return event.target
    return None


def _antecedent(doc: Doc, events: list[EventMention], trigger: _Trigger) -> EventMention | None:
    if not trigger.nominal or "ال" not in doc.tokens[trigger.first].prefixes:
        return None
    root = trigger.entry.cameo[:2]
    for event in reversed(events[-_ANTECEDENT_WINDOW:]):  # recent discourse only
        # told before, in an earlier clause: in its own clause the noun is the verb's object or a
        # different act ("قتلت القوات قائد الجماعة المسؤولة عن الهجوم")
        if event.clause.last <= trigger.first and event.entry.cameo[:2] == root and event.source is not None:
            return event
    return None


def _armed(mention: ActorMention) -> bool:
    """Who carries out attacks: a state, forces, rebels, militants, police or spies."""
    return mention.kind == "state" or mention.role_blocks[:3] in _ARMED_BLOCKS


def _responded_to(doc: Doc, trigger: _Trigger) -> bool:
    """An event noun right after a word of cause or sequence ("إثر", "بعد", "ردا على"; an adjective may not
    come between) and owned by no pronoun: what happened before, others' act."""
    return doc.cue_ends_at(trigger.first, "reference") and not has_pronoun_suffix(doc, trigger.last - 1)


def _attack_told_before(events: list[EventMention], trigger: _Trigger, sentence: int) -> bool:
    """Whether an attack, or a raid ("تتم مداهمة أوكار المتطرفين، مما أسفر عن مقتل أحدهم"), comes before
    the toll in its sentence."""
    return any(
        e.clause.sentence == sentence
        and e.last <= trigger.first
        and (e.entry.cameo[:2] in _VIOLENT_ROOTS or e.entry.cameo[:2] == _COERCE_ROOT)
        and not e.toll
        for e in events
    )


def _unnamed_subject_after(doc: Doc, actors: list[ActorMention], trigger: _Trigger) -> bool:
    """A nominative plural or dual right after a verb ("دعا الدائنون", "فجر انتحاريان") is its subject;
    True when no actor starts there, and none is named as whose they are ("اجتمع مندوبون من الحكومة
    والمعارضة": the parties' delegates, whom the sentence's reading finds)."""
    position = trigger.last
    if position + 1 >= len(doc.tokens) or doc.tokens[position].sentence != doc.tokens[trigger.first].sentence:
        return False
    token = doc.tokens[position]
    if (
        token.kind != "arabic"
        or not {"ون", "ان"} & set(token.suffixes)
        or token.has_prefix("ب", "ل", "ك", "و", "ف")
        or doc.tokens[position + 1].norm == "من"
    ):
        return False
    return not any(m.first == position for m in actors)


def _intending_genitive(doc: Doc, actors: list[ActorMention], trigger: _Trigger) -> ActorMention | None:
    """ "قرار الحكومة العراقية إغلاق المعبر", "محاولة الحوثيين السيطرة": the genitive of a word of
    deciding, planning or trying is the doer of the verbal noun right after it."""
    mention = next((m for m in actors if m.last == trigger.first), None)
    if mention is None or mention.first == 0 or not doc.cue_ends_at(mention.first, "intention_head"):
        return None
    return mention


def _unknown_titled_speaker_after(doc: Doc, actors: list[ActorMention], trigger: _Trigger) -> bool:
    """A title right after a statement or praise verb opens its subject ("أشاد رئيس جمعية", "قال مصدر"); True
    when no actor starts there."""
    code = trigger.entry.cameo
    if not (code.startswith(_STATEMENT_ROOT) or code == _PRAISE_CODE) or trigger.last >= len(doc.tokens):
        return False
    if doc.tokens[trigger.last].sentence != doc.tokens[trigger.first].sentence:
        return False
    return doc.cue_starts_at(trigger.last, "person_title") and not any(
        m.first == trigger.last for m in actors
    )


def _purpose_of(doc: Doc, clause_events: list[EventMention], trigger: _Trigger) -> ActorMention | None:
    """The doer of the event a verbal noun with ل says the purpose of: a protest or repression told
    before it in its clause ("تظاهر الآلاف في الخرطوم للمطالبة بتسليم السلطة", "أطلقت الشرطة الغاز
    لتفريق المتظاهرين"); not a verb with ل ("ليقتل"), nor the same act named again ("للاحتجاج")."""
    token = doc.tokens[trigger.first]
    if not trigger.nominal or not token.has_prefix("ل"):
        return None
    if trigger.entry.pos == "verb" and not looks_nominal(token):
        return None
    earlier = next((e for e in reversed(clause_events) if e.last <= trigger.first), None)
    if earlier is None or earlier.entry.cameo[:2] not in _PURPOSEFUL_ROOTS:
        return None
    return earlier.source if earlier.entry.cameo[:2] != trigger.entry.cameo[:2] else None


def _object_of_event(clause_events: list[EventMention], position: int, clause: Clause) -> bool:
    """A verbal noun after another event in its clause is that event's object ("ندد بالهجوم"): the
    sentence's subject condemned the attack, it did not attack."""
    return any(e.clause == clause and e.last <= position for e in clause_events)


def _in_temporal_adjunct(doc: Doc, position: int) -> bool:
    return position > 0 and doc.cue_starts_at(position - 1, "temporal_frame")


def _content_subject(
    doc: Doc, actors: list[ActorMention], quotation: QuotationMention, position: int
) -> ActorMention | None:
    for mention in reversed(actors):
        start = doc.tokens[mention.first].start
        if (
            quotation.content_start <= start
            and mention.last <= position
            and not _is_prepositional(doc, mention)
        ):
            return mention
    return None


def _sentence_subject(doc: Doc, actors: list[ActorMention]) -> ActorMention | None:
    for mention in actors:
        if not _is_prepositional(doc, mention):
            return mention
    return None


def _source(
    doc: Doc, actors: list[ActorMention], trigger: _Trigger, clause: Clause, aimed: ActorMention | None
) -> ActorMention | None:
    """Who did it, ``aimed`` being what the event hit as the subject of استهدف (``_aimed_object``)."""
    passive = _passive_agent(doc, actors, trigger, clause)
    if passive is not None:
        return passive
    after = [
        m
        for m in actors
        if trigger.last <= m.first < clause.last
        and not _is_prepositional(doc, m)
        and m is not aimed
        and not doc.cue_ends_at(m.first, "partner")
    ]
    window = _GENITIVE_WINDOW if trigger.nominal else _VSO_WINDOW
    # not past a preposition or another event word ("أصدرت المنظمة بيانا يدعو الحكومة": the
    # government is what the statement calls on, not who issued it)
    near_after = [
        m
        for m in after
        if m.first - trigger.last <= window
        and not _preposition_between(doc, trigger.last, m.first)
        and not _event_word_between(doc, clause.sentence, trigger.last, m.first)
    ]
    if trigger.nominal:
        credited = (
            _credited_doer(doc, actors, trigger)
            or _intending_genitive(doc, actors, trigger)
            or _owner(doc, actors, trigger)
            or _responsible(doc, actors, trigger, clause)
            or _armed_possessor(doc, actors, trigger, clause)
        )
        if credited is not None and credited is not aimed:  # "استهدف التفجير مقرا لحزب الله"
            return credited
        if has_pronoun_suffix(doc, trigger.last - 1):
            return None  # "اعتداءاتها": the pronoun is the genitive, the doer told before
        if _is_victim_noun(trigger):
            # "مقتل عشرين مسلحا": the genitive is the victim, found as the target, unless an object
            # follows it ("اعتقال الشرطة العراقية عشرات المحتجين")
            return _agentive_genitive(doc, actors, trigger, clause) or _opponent(doc, actors, trigger, clause)
        if near_after and _noncombatant_victim(trigger, near_after[0]):
            return None  # "قصف المدنيين": bombing of civilians, found as the target
        if near_after and _sites_of(doc, trigger, near_after[0]):
            return None  # "قصف مواقع المتشددين": the militants' positions were hit; they are the target
        if near_after and trigger.entry.cameo == _VISIT_CODE and near_after[0].kind == "state":
            return None  # "يعتزم زيارة إيران": the state visited, found as the target
        return near_after[0] if near_after else None
    head = _relative_head(doc, actors, trigger, clause)
    if head is not None:
        return head
    # "سترد إسرائيل إذا هاجم حزب الله بلدات": a verb right after a conditional opens its own clause
    opening = trigger.first if doc.cue_ends_at(trigger.first, "hypothetical") else clause.first
    before = [
        m for m in actors if opening <= m.first and m.last <= trigger.first and not _is_prepositional(doc, m)
    ]
    verb_first = not before
    if verb_first and _where_the_visitor_met(doc, actors, trigger, clause):
        return None  # the visitor, the subject told before حيث
    # "شنوا": a plural ending on the verb is its (pronoun) subject, so nothing after it is the subject
    pronoun_subject = has_subject_ending(doc.tokens[trigger.last - 1])
    # "وكانت بريم ... قد خطفهما مسلحون": with the object a pronoun on the verb, the noun before it is
    # the topic the pronoun points back to, and the subject follows the verb
    if (
        (verb_first or _topic_object(doc, trigger))
        and near_after
        and not pronoun_subject
        and not _in_accusative(doc, near_after[0])
    ):
        return near_after[0]
    if (
        _conjoined_verb(doc, trigger)
        and after
        and not pronoun_subject
        and has_pronoun_suffix(doc, trigger.last - 1)
    ):
        # "واستقبله في قصر الاتحادية الرئيس المصري": with its object a pronoun, the verb's subject
        # follows it, past a place or a time
        return after[0]
    if before and _conjoined_verb(doc, trigger):
        # "داهمت قوات الأمن منزل ناشط واعتقلته": a verb joined by و/ف with no subject of its own shares
        # the subject of the verb it is joined to, not the object that verb took
        return before[0]
    return before[-1] if before else None


def _where_the_visitor_met(doc: Doc, actors: list[ActorMention], trigger: _Trigger, clause: Clause) -> bool:
    """ "زار السوداني طهران، حيث التقى المرشد الإيراني": a meeting verb right after حيث has the one
    who went there as its subject and the one named after it as its object, unless مع names the
    other party ("حيث التقى السفير الإسرائيلي مع أعضاء مجلس الشيوخ")."""
    if trigger.entry.cameo[:2] != _CONSULT_ROOT or not doc.cue_ends_at(trigger.first, "where"):
        return False
    named = next((m for m in actors if trigger.last <= m.first < clause.last), None)
    return (
        named is not None
        and named.first - trigger.last <= _VSO_WINDOW
        and not doc.cues_in("counterpart", named.last, clause.last)
    )


def _count_at(doc: Doc, position: int) -> bool:
    """A number or a cardinal word ("13", "ثلاثة") at ``position``."""
    return doc.tokens[position].kind == "number" or doc.cue_starts_at(position, "cardinal")


def _feminine_conjoined(doc: Doc, trigger: _Trigger) -> bool:
    token = doc.tokens[trigger.last - 1]
    return _conjoined_verb(doc, trigger) and ends_in_written_ta(
        token, doc.surface(trigger.last - 1, trigger.last, body=False)
    )


def _joint_pairs(
    trigger: _Trigger, sources: list[ActorMention | None]
) -> list[tuple[ActorMention | None, ActorMention | None]]:
    """Two or three parties of different states named together as the doers of a joint act (meeting,
    talks, agreement, normalisation, cooperation) and no one else: each did it with the others. Not
    for more parties (a list of donors, the P5+1), nor for acts that need someone to receive them."""
    parties = [m for m in sources if m is not None]
    if not _joint_act(trigger.entry) or trigger.entry.needs_target or not 1 < len(parties) <= _JOINT_PARTIES:
        return []
    return [(d, t) for d in parties for t in parties if d is not t and not _same_state(d, t)]


def _joint_act(entry: EventEntry) -> bool:
    """Consulting, cooperating, normalising, signing: acts done with another party, not to it."""
    code = entry.cameo
    return (code[:2] in _JOINT_ROOTS or code in _JOINT_CODES) and code != _MEDIATE


def _conjoined_verb(doc: Doc, trigger: _Trigger) -> bool:
    """A verb joined to what comes before by و/ف; a noun's entry rules it out, whatever its ending
    ("ومواساتها": the ت is the ta marbuta, not a verb's ending)."""
    return (
        not trigger.nominal and trigger.entry.pos != "noun" and doc.tokens[trigger.first].has_prefix("و", "ف")
    )


def _object_right_after(doc: Doc, trigger: _Trigger, mention: ActorMention) -> bool:
    """The mention right after a verb is its object ("قتل مسلحين"), so no subject to inherit."""
    return not trigger.nominal and mention.first == trigger.last and _in_accusative(doc, mention)


def _in_accusative(doc: Doc, mention: ActorMention) -> bool:
    """A sound plural or dual in ين, after a verb, is its object, never its subject (which would end in
    ون/ان): "قتل مسلحين" killed gunmen, "قتل مسلحون" gunmen killed (or were killed). Only a bare word:
    with a clitic it may be a genitive ("بالمسلحين")."""
    return "ين" in doc.tokens[mention.first].suffixes and not doc.tokens[mention.first].prefixes


def _sites_of(doc: Doc, trigger: _Trigger, mention: ActorMention) -> bool:
    """An attack noun, then the places hit, then their owner: "قصف مواقع المتشددين"."""
    if trigger.entry.cameo[:2] not in _VIOLENT_ROOTS:
        return False
    sites = doc.cues_in("target_site", trigger.last, mention.first)
    return any(c.first == trigger.last and c.last == mention.first for c in sites)


def _armed_possessor(
    doc: Doc, actors: list[ActorMention], trigger: _Trigger, clause: Clause
) -> ActorMention | None:
    """ "غارات لطيران التحالف", "قصف مدفعي لقوات النظام", "بغارات من طائرات حربية": an actor with the ل
    clitic, or after a free-standing من, right after an attack noun (an adjective may come between) made
    it, unless it is a non-combatant, which is what the attack hit ("قصف للمدنيين"). Not after a noun
    whose genitive is the victim ("مقتل 5 من الجنود")."""
    if trigger.entry.cameo[:2] not in _VIOLENT_ROOTS or _is_victim_noun(trigger):
        return None
    mention = next((m for m in actors if trigger.last <= m.first < clause.last), None)
    if mention is None or _noncombatant_victim(trigger, mention):
        return None
    if mention.first - trigger.last <= 1 and doc.tokens[mention.first].has_prefix("ل"):
        return mention
    if (
        mention.first - trigger.last <= 1
        and doc.tokens[mention.first].has_prefix("ب")
        and mention.role_blocks[:3] == "MIL"
    ):
        return mention  # "غارة بطائرة مسيرة إسرائيلية": the aircraft it was made with is the doer's
    before = mention.first - 1
    if before - trigger.last <= 1 and before >= trigger.last and doc.tokens[before].norm == "من":
        return mention
    return None


def _noncombatant_victim(trigger: _Trigger, mention: ActorMention) -> bool:
    return trigger.entry.cameo[:2] in _VIOLENT_ROOTS and mention.role_blocks[:3] in _NONCOMBATANT_BLOCKS


def _restated_event(doc: Doc, events: list[EventMention], trigger: _Trigger) -> EventMention | None:
    """ "الهجمات التي قتلت 38 شخصا": a verb right after a relative pronoun that follows an event noun,
    or right after an indefinite one, tells more of that event; it has the event's doer (or none), and
    the actor after it is what the event hit, not its subject. Not when the verb's object pronoun points
    back to the noun ("الغارات التي شنتها الطائرات": the subject follows the verb). (A استهدف whose
    subject the noun is tells the same attack and is no trigger at all: extract_events.)"""
    if trigger.nominal or has_pronoun_suffix(doc, trigger.last - 1):
        return None
    relative = trigger.first - 1
    if relative >= 1 and _cue_at(doc, relative, "relative"):
        return next((e for e in reversed(events) if e.last == relative), None)
    # "هجوم مسلح استهدف مركزا للأمن": a verb right after an indefinite event noun is its relative
    # clause, with no relative pronoun (Arabic has none after an indefinite head)
    verb = doc.tokens[trigger.first]
    if verb.has_prefix("و", "ف"):
        return None
    # "هجوما إرهابيا كان يستهدف دورية": كان between them
    start = trigger.first - 1 if _cue_at(doc, trigger.first - 1, "past_copula") else trigger.first
    return next(
        (
            e
            for e in reversed(events)
            if e.last == start and e.nominal and not doc.tokens[e.first].has_prefix("ال")
        ),
        None,
    )


def _topic_object(doc: Doc, trigger: _Trigger) -> bool:
    return not trigger.nominal and has_pronoun_suffix(doc, trigger.last - 1)


def _fronted_topic(
    doc: Doc, actors: list[ActorMention], trigger: _Trigger, clause: Clause
) -> ActorMention | None:
    """The noun an object pronoun on a verb points back to: the head of the relative clause the verb
    opens ("الجنود الذين قتلهم"), else the last actor before the verb in its clause."""
    if trigger.first > 0 and _cue_at(doc, trigger.first - 1, "relative"):
        return _relative_antecedent(doc, actors, trigger)
    before = _subjects_before(doc, actors, clause, trigger.first)
    return before[-1] if before else None


def _relative_head(
    doc: Doc, actors: list[ActorMention], trigger: _Trigger, clause: Clause
) -> ActorMention | None:
    """ "القوات التي قصفت مواقع داعش": the actor before the relative pronoun that opens the verb's
    clause is its subject (see ``_relative_subject_clause``)."""
    if not _relative_subject_clause(doc, trigger, clause):
        return None
    return _relative_antecedent(doc, actors, trigger)


def _unnamed_relative_head(doc: Doc, trigger: _Trigger, clause: Clause) -> bool:
    """Whether the verb's subject is the head of the relative clause it opens and no actor names that
    head ("الانتحاري الذي فجر"); not for a relative joined by و to an earlier one, whose head lies further
    back ("الميليشيات التي لا تزال متحصنة ... والتي ترفض")."""
    relative = trigger.first - 1
    return (
        _relative_subject_clause(doc, trigger, clause)
        and not doc.tokens[relative].has_prefix("و")
        and doc.tokens[relative - 1].kind == "arabic"
    )


def _named_place_relative(doc: Doc, actors: list[ActorMention], trigger: _Trigger) -> bool:
    """ "دولة تونس التي قتل فيها": a relative clause about what happened in an actor's place has some
    other subject than that actor."""
    return (
        trigger.first > 0
        and _cue_at(doc, trigger.first - 1, "relative")
        and _where_it_happened(doc, trigger)
        and _relative_antecedent(doc, actors, trigger) is not None
    )


def _relative_subject_clause(doc: Doc, trigger: _Trigger, clause: Clause) -> bool:
    """Whether the verb opens a relative clause whose head is its subject: right after the relative
    pronoun, with no object pronoun pointing back ("الغارات التي شنتها الطائرات": then the subject
    follows the verb) and not a time or place it happens in ("في الوقت الذي هاجم فيه", "تونس التي قتل
    فيها")."""
    relative = trigger.first - 1
    return (
        relative >= clause.first
        and relative > 0
        and _cue_at(doc, relative, "relative")
        and not has_pronoun_suffix(doc, trigger.last - 1)
        and not _where_it_happened(doc, trigger)
    )


def _where_it_happened(doc: Doc, trigger: _Trigger) -> bool:
    """ "الذي هاجم فيه", "التي قتل فيها": فيه/فيها right after the verb points back to a time or place."""
    return trigger.last < len(doc.tokens) and doc.tokens[trigger.last].norm in _RESUMPTIVE_WHERE


def _relative_antecedent(doc: Doc, actors: list[ActorMention], trigger: _Trigger) -> ActorMention | None:
    """The actor right before the relative pronoun in front of ``trigger`` ("القوات التي قصفت"), also
    after a preposition ("البيان الصادر عن وزارة الخارجية التي دانت التفجير") and past definite
    adjectives or a closing quote ("تنظيم داعش المتطرف الذي يسيطر")."""
    end = trigger.first - 1
    for skipped in range(_RELATIVE_HEAD_REACH + 1):
        head = next((m for m in actors if m.last == end), None)
        if head is not None or skipped == _RELATIVE_HEAD_REACH or end < 2:
            return head
        between = doc.tokens[end - 1]
        if not (between.kind == "punct" and between.norm in CLOSING_QUOTES) and not (
            between.kind == "arabic" and between.prefixes == ("ال",)
        ):
            return None
        end -= 1
    return None


def _preposition_between(doc: Doc, first: int, last: int) -> bool:
    """A preposition, free-standing or a clitic ("لتفريق المتظاهرين"), between an event and an actor:
    the actor is then not the event's genitive or subject."""
    return any(
        _cue_at(doc, i, "preposition") or doc.tokens[i].has_prefix(*_PREPOSITION_CLITICS)
        for i in range(first, last)
    )


def _passive_agent(
    doc: Doc, actors: list[ActorMention], trigger: _Trigger, clause: Clause
) -> ActorMention | None:
    """The actor after من قبل / على يد / من جانب, also past a partitive ("من جانب عناصر من جيش المهدي"),
    for the nearest event before the cue ("ضربة جوية إثر تعرض قواتها لإطلاق نار من جانب ...": the
    firing's agent, not the strike's)."""
    for cue in doc.sentence_cues(clause.sentence):
        if (
            cue.category == "passive_agent"
            and trigger.last <= cue.first < clause.last
            and not _event_word_between(doc, clause.sentence, trigger.last, cue.first)
        ):
            return _actor_after(doc, actors, cue.last, past_partitive=True)
    return None


def _operation_agent(
    doc: Doc, actors: list[ActorMention], trigger: _Trigger, clause: Clause
) -> ActorMention | None:
    """ "تم قتل 11 مسلحا غرب المدينة في عمليات للقوات الأمنية": the actor whose operations a killing
    told passively happened in, later in its clause with no other event between."""
    for cue in doc.cues_in("operation_of", trigger.last, clause.last):
        if _event_word_between(doc, clause.sentence, trigger.last, cue.first):
            return None
        return _actor_after(doc, actors, cue.last)
    return None


def _actor_after(
    doc: Doc, actors: list[ActorMention], position: int, past_partitive: bool = False
) -> ActorMention | None:
    """The actor right after a cue that ends at ``position`` (one word may come between: "نفذته
    امرأة انتحارية"), or past "X من" when ``past_partitive`` ("من جانب عناصر من جيش المهدي")."""
    for mention in actors:
        if position <= mention.first <= position + 1:
            return mention
        if past_partitive and mention.first == position + 2 and doc.tokens[position + 1].norm == "من":
            return mention
    return None


def _subject_after_verb(
    doc: Doc, actors: list[ActorMention], trigger: _Trigger, clause: Clause
) -> ActorMention | None:
    """The first actor a few words after a verb trigger, in its clause and not after a preposition
    (a word like "نحو" between may be "about": "تظاهر أمس نحو 500 شخص")."""
    if trigger.nominal:
        return None
    return next(
        (
            m
            for m in actors
            if trigger.last <= m.first < clause.last
            and m.first - trigger.last <= _VSO_WINDOW
            and not _is_prepositional(doc, m)
        ),
        None,
    )


def _event_word_between(doc: Doc, sentence: int, first: int, last: int) -> bool:
    return any(
        first <= match.first < last and any(e.kind == "event" for e in match.entries)
        for match in doc.stem_matches[sentence]
    )


def _same_state(a: ActorMention, b: ActorMention) -> bool:
    if a.code == b.code:
        return True
    if VICTIMS_AT_PLACE in (a.role, b.role):
        return False  # the people of a place are not its state: its forces may attack them
    return bool(
        a.country
        and a.country == b.country
        and a.role_blocks[:3] in _STATE_BLOCKS
        and b.role_blocks[:3] in _STATE_BLOCKS
    )


def _targets(
    doc: Doc,
    actors: list[ActorMention],
    trigger: _Trigger,
    clause: Clause,
    source: ActorMention | None,
    aimed: ActorMention | None,
) -> list[ActorMention]:
    """Whom it was done to: what it hit as the subject of استهدف (``aimed``), else the actors after it."""
    if aimed is not None and (source is None or (aimed is not source and not _same_state(aimed, source))):
        return _with_coordinated(doc, actors, aimed, _sentence_span(doc, aimed.sentence))
    start = trigger.last
    end = clause.last
    passive = source is not None and _passive_agent(doc, actors, trigger, clause) is source
    if source is not None and source.first >= trigger.last:
        if passive or _is_credited(doc, source):
            # "قُتل ثلاثة مدنيين على يد داعش", "مقتل ثلاثة أطباء في هجوم نفذه متطرف": the patient
            # precedes the agent
            end = source.first
        else:
            start = source.last
    # the one credited with an attack is never what it was done to ("إصابة رابع ... في هجوم نفذه متطرف")
    # nor is a landmark it happened near ("هجوم قرب السفارة الأمريكية") or a partner of the doer
    # ("غارة بالتنسيق مع الحكومة العراقية")
    candidates = [
        m
        for m in actors
        if start <= m.first < end
        and not _is_credited(doc, m)
        and not doc.cue_ends_at(m.first, "near")
        and not doc.cue_ends_at(m.first, "partner")
    ]
    candidates = [m for m in candidates if source is None or (m is not source and not _same_state(m, source))]
    if source is not None and source.first >= trigger.last and _topic_object(doc, trigger):
        # "الجنود الذين قتلهم المسلحون", "بريم ... قد خطفهما مسلحون": the pronoun on the verb is its
        # object and points back to the noun before the verb
        topic = _fronted_topic(doc, actors, trigger, clause)
        if topic is not None and not _same_state(topic, source):
            return [topic]
    if not candidates and source is not None and end == source.first and _is_credited(doc, source):
        # "المعارك التي يخوضها الجيش ضد الحوثيين": what the credited doer fought, after it
        candidates = [
            m
            for m in actors
            if source.last < m.first <= source.last + 1
            and m.sentence == source.sentence
            and doc.tokens[m.first - 1].norm in _AIMED_PREPOSITIONS
            and not _same_state(m, source)
        ][:1]
    if not candidates and not trigger.nominal and end == clause.last:
        # "اغتال الطيران الإسرائيلي، بعد ظهر أمس، خمسة فلسطينيين": a time set off by commas comes
        # between the verb's subject and its object
        after_time = _after_parenthetical_time(doc, clause)
        candidates = [
            m
            for m in actors
            if after_time is not None
            and after_time[0] <= m.first < after_time[1]
            and not _is_prepositional(doc, m)
            and (source is None or not _same_state(m, source))
        ][:1]
    if (
        not candidates
        and source is not None
        and _conjoined_verb(doc, trigger)
        and has_pronoun_suffix(doc, trigger.last - 1)
    ):
        # "اعتقلت الشرطة صحفيا واتهمته", "وصل الوزير القطري ... واستقبله الرئيس": the pronoun on the
        # verb is its object and points back to the last actor before it that is not the doer
        candidates = [
            m
            for m in _subjects_before(doc, actors, _sentence_span(doc, clause.sentence), trigger.first)
            if m is not source and not _same_state(m, source)
        ][-1:]
    if not candidates and passive and not trigger.nominal:
        # "وهذا ثالث فلسطيني يقتل برصاص الجيش": with its agent told, a passive verb's subject before it
        # is the one it was done to
        candidates = _subjects_before(doc, actors, clause, trigger.first)[-1:]
    if not candidates:
        return []
    targets = [candidates[0]]
    for mention in candidates[1:]:
        if _coordinated(doc, targets[-1], mention):
            targets.append(mention)
        else:
            break
    return targets


def _after_parenthetical_time(doc: Doc, clause: Clause) -> tuple[int, int] | None:
    """The tokens after a time expression that opens the comma-delimited stretch following ``clause``
    ("، بعد ظهر أمس خمسة فلسطينيين،", "، أمس، خمسة مسلحين"), up to the next clause punctuation."""
    sentence = doc.sentences[clause.sentence]
    position = clause.last
    if position >= sentence.last_token or doc.tokens[position].norm not in {"،", ","}:
        return None
    position += 1
    start = position
    while position < sentence.last_token:
        time_cue_end = max(
            (
                c.last
                for c in doc.sentence_cues(clause.sentence)
                if c.first == position and c.category == "time_of_day"
            ),
            default=None,
        )
        if time_cue_end is not None:
            position = time_cue_end
        elif relative_time_re().fullmatch(doc.tokens[position].norm):
            position += 1
        else:
            break
    if position == start:
        return None
    if position < sentence.last_token and doc.tokens[position].norm in {"،", ","}:
        position += 1  # "، أمس، خمسة مسلحين": the time alone between commas
    end = position
    while end < sentence.last_token and doc.tokens[end].norm not in CLAUSE_PUNCTUATION:
        end += 1
    return position, end


def _coordinated(doc: Doc, previous: ActorMention, mention: ActorMention) -> bool:
    """Whether ``mention`` continues a list that ``previous`` is in ("X وY", "X، Y", "X من Y وZ")."""
    gap = range(previous.last, mention.first)
    first = doc.tokens[mention.first]
    if len(gap) == 0:
        return first.has_prefix("و")
    between = [doc.tokens[i].norm for i in gap]
    if len(gap) == 1 and between[0] in {"،", ",", "او", "و", "وبين"}:
        return True
    # "الناشطين السياسيين والصحفيين": nisba adjectives of the first, then و and the next
    if (
        first.has_prefix("و")
        and len(gap) <= 2
        and all(doc.tokens[i].norm.endswith(NISBA_ENDINGS) for i in gap)
        and agree_in_definiteness(doc, previous.last - 1, *gap)
    ):
        return True
    joined = doc.tokens[previous.last]
    if len(gap) == 1 and joined.has_prefix("و") and not looks_finite(joined):
        # "... والمستشارين العسكريين الإيرانيين": a conjoined head noun before the mention; not a verb
        # ("نفذتها حركة طالبان واستهدفت الشرطة": the police are its object)
        return True
    # "المعارضة العسكرية بجميع اطيافها من داعش ...": a specifying list after من
    return len(gap) <= 4 and between[-1] == "من"


def _reciprocal(
    doc: Doc, actors: list[ActorMention], trigger: _Trigger, clause: Clause
) -> tuple[list[ActorMention], list[ActorMention]] | None:
    """ "اشتباكات بين X وY": the parties after بين as (sources, targets): the first against the others,
    or, where "من جهة" closes the first side ("بين قوات النظام وحزب الله من جهة، والفصائل وجبهة النصرة
    من جهة أخرى"), that side against the next. A battle's بين may come a few words later ("تجددت المعارك
    العنيفة الخميس في درعا بين قوات النظام وفصائل المعارضة") when no actor comes first; there the parties
    must be armed, so that "المعارك على الحدود بين سوريا وتركيا" (where, not who) has none."""
    cue = trigger.last
    if not (cue < clause.last and _cue_at(doc, cue, "reciprocal")):
        if not trigger.entry.mutual:
            return None
        later = (p for p in range(trigger.last, clause.last) if _cue_at(doc, p, "reciprocal"))
        cue = next(later, clause.last)
        if any(trigger.last <= m.first < cue for m in actors):
            return None
    parties = _genitives_for_heads(doc, [m for m in actors if cue < m.first < clause.last])
    if not parties:
        return None  # one party may be all the clause holds: "بين X من جهة، وY من جهة أخرى"
    first_side = _coordinated_run(doc, parties)
    side_end = first_side[-1].last
    while side_end < clause.last and doc.tokens[side_end].norm.endswith(NISBA_ENDINGS):
        side_end += 1  # "مقاتلي الفصائل الإسلامية من جهة": past the party's adjectives
    if doc.cue_starts_at(side_end, "side_marker"):
        # "من جهة، والفصائل": the second side starts with و after the marker (the comma there ends the
        # clause, not the list)
        sentence_end = doc.sentences[clause.sentence].last_token
        markers = doc.cues_in("side_marker", side_end, sentence_end)
        start = next(c.last for c in markers if c.first == side_end)
        if start < sentence_end and doc.tokens[start].norm in {"،", ","}:
            start += 1
        rest = [m for m in actors if m.sentence == clause.sentence and m.first >= start]
        opens = bool(rest) and rest[0].first == start and doc.tokens[start].has_prefix("و")
        second_side = _coordinated_run(doc, rest) if opens else []
        sides = (first_side, second_side) if second_side else (first_side[:1], first_side[1:])
    else:
        sides = (first_side[:1], first_side[1:])
    if not sides[1]:
        return None
    if cue > trigger.last and not all(m.role_blocks[:3] in _ARMED_BLOCKS for m in sides[0] + sides[1]):
        return None
    return sides


def _genitives_for_heads(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """The mentions, a head noun and its genitive right after it counted once, as the genitive, which
    names whose they are ("مقاتلي الفصائل الإسلامية": one party, the factions)."""
    kept: list[ActorMention] = []
    for mention in mentions:
        if kept and kept[-1].last == mention.first and not doc.tokens[mention.first].has_prefix("و"):
            kept[-1] = mention
        else:
            kept.append(mention)
    return kept


def _coordinated_run(doc: Doc, parties: list[ActorMention]) -> list[ActorMention]:
    """The first of ``parties`` and those coordinated with it in a row ("X وY وZ", "بين X وبين Y")."""
    run = parties[:1]
    for mention in parties[1:]:
        if not (_coordinated(doc, run[-1], mention) or doc.cue_starts_at(mention.first - 1, "reciprocal")):
            break
        run.append(mention)
    return run


def _place_target(
    doc: Doc, trigger: _Trigger, clause: Clause, source: ActorMention | None
) -> ActorMention | None:
    """The state of a place an event is aimed at: after من/إلى/على/ضد or ل ("انسحاب من سوريا"), or after
    مع for a joint act or relations cut ("اتفاقية مع مصر", "تقطع علاقاتها مع المغرب"); for an
    attack also its direct object ("قصفت الطائرات مدينة حلب"), while "من X" is where the attack came
    from (see _origin_source); for a visit the place visited, as object or genitive ("زار الرئيس
    موسكو"، "زيارة موسكو"), or named before it ("وصل إلى موسكو في زيارة")."""
    if trigger.entry.mutual:
        return None  # "المعارك الدائرة في جنوب البلاد": where the sides fight, not whom
    violent = trigger.entry.cameo[:2] in _VIOLENT_ROOTS
    visit = trigger.entry.cameo == _VISIT_CODE
    takes_place_object = (violent and not trigger.nominal) or visit
    # the other party of a joint act or of relations cut ("تقطع علاقاتها مع المملكة المغربية")
    with_party = _joint_act(trigger.entry) or trigger.entry.cameo[:2] == _REDUCE_RELATIONS_ROOT
    object_position = source.last if source is not None and source.first >= trigger.last else trigger.last
    after = clause.first if visit else trigger.last
    for place in doc.places:
        if after <= place.first < clause.last and place.country:
            directional = place.first > 0 and doc.cue_starts_at(place.first - 1, "directional")
            if violent and _from_place(doc, place):
                continue
            # "قصفت الطائرات حلب", "قصفت الطائرات مدينة حلب": the place, or its head noun, is the object
            direct_object = (
                takes_place_object
                and object_position <= place.first <= object_position + 1
                and not doc.tokens[object_position].prefixes
                and not _preposition_between(doc, object_position, place.first + 1)
            )
            # "وقعت تونس اتفاقية مع مصر": the state after مع is the other party
            partner = with_party and doc.cue_ends_at(place.first, "counterpart")
            if not (directional or direct_object or partner or doc.tokens[place.first].has_prefix("ل")):
                continue
            if (
                source is not None
                and source.country == place.country
                and source.role_blocks[:3] in _STATE_BLOCKS
            ):
                if violent and source.code != place.country:
                    # "قصفت الطائرات السورية مدينة حلب": a state's forces attacking a place of their own
                    # country hit the people there, not their state
                    return _people_of(doc, place)
                continue
            return _state_of(place, role=None, confidence=0.6)
    return None


def _state_of(place: PlaceMention, role: str | None, confidence: float) -> ActorMention:
    """The state a place stands for as an event's argument."""
    return ActorMention(
        place.first,
        place.last,
        place.sentence,
        place.country,
        "state",
        country=place.country,
        name_en=place.name_en,
        role=role,
        confidence=confidence,
    )


def _from_place(doc: Doc, place: PlaceMention) -> bool:
    """ "من سوريا", "من جنوب لبنان": where something comes from; not a part of it ("أجزاء واسعة من
    الأراضي العراقية") nor one of a list ("في كل من الكويت وتونس")."""
    before = place.first - 1
    if before > 0 and doc.cue_starts_at(before, "locative"):
        before -= 1
    return (
        before >= 0
        and doc.tokens[before].norm == "من"
        and not doc.cue_ends_at(before, "part_of")
        and not doc.cue_ends_at(before, "partitive")
    )


def _origin_source(doc: Doc, trigger: _Trigger, clause: Clause) -> ActorMention | None:
    """An attack "from" a place whose doer is not named ("إطلاق صواريخ من جنوب لبنان على ...") came
    from that place's state (low confidence)."""
    for place in doc.places:
        if trigger.last <= place.first < clause.last and place.country and _from_place(doc, place):
            return _state_of(place, role=ORIGIN, confidence=0.4)
    return None


def _place(doc: Doc, trigger: _Trigger, clause: Clause) -> PlaceMention | None:
    """Where the event happened: a locative place ("في ريف حلب") in its clause first, then the
    nearest place in the clause or sentence; a dateline ("دمشق -") only names where the report
    was filed."""
    sentence = doc.tokens[trigger.first].sentence
    told_after = _relative_clause_place(doc, trigger)
    if told_after is not None:
        return told_after
    candidates = [p for p in doc.places if p.sentence == sentence and not _is_dateline(doc, p)]
    in_clause = [p for p in candidates if clause.first <= p.first < clause.last]
    locative = [p for p in in_clause if _is_locative(doc, p)]
    for group in (locative, in_clause, candidates):
        if group:
            return min(group, key=lambda p: abs(p.first - trigger.first))
    return None


def _relative_clause_place(doc: Doc, trigger: _Trigger) -> PlaceMention | None:
    """ "عبر المجلس في واشنطن عن إدانته للهجمات التي وقعت مؤخرا في أبها": a locative place in the
    relative clause right after an event noun is where the event happened, whatever place the main
    clause names."""
    if not trigger.nominal:
        return None
    sentence_end = doc.sentences[doc.tokens[trigger.first].sentence].last_token
    relative = next(
        (
            position
            for position in range(trigger.last, min(trigger.last + _RELATIVE_AFTER_EVENT, sentence_end))
            if _cue_at(doc, position, "relative")
        ),
        None,
    )
    if relative is None:
        return None
    for place in doc.places:
        if relative < place.first <= relative + _RELATIVE_PLACE_WORDS and _is_locative(doc, place):
            if any(doc.tokens[i].kind == "punct" for i in range(relative, place.first)):
                return None
            return place
    return None


def _is_locative(doc: Doc, place: PlaceMention) -> bool:
    if doc.tokens[place.first].has_prefix("ب"):
        return True
    return doc.cue_ends_at(place.first, "locative")  # "في ريف حلب", "بالقرب من حلب"


def _is_dateline(doc: Doc, place: PlaceMention) -> bool:
    """ "دمشق -", "لندن ـ «الشرق الأوسط»:", "بيشاور (باكستان) ـ «الشرق الاوسط»:": the place opens the
    sentence and a dash or colon follows it, or a colon closes the bracketed or quoted source after it
    (the tatweel dash is gone after normalisation)."""
    sentence = doc.sentences[place.sentence]
    if place.first != sentence.first_token or place.last >= sentence.last_token:
        return False
    following = doc.tokens[place.last]
    if following.norm in {"-", "–", "—", ":"}:
        return True
    if following.norm not in {"(", "«", '"', "“"}:
        return False
    window = doc.tokens[place.last : min(place.last + _DATELINE_SOURCE_TOKENS, sentence.last_token)]
    return any(token.norm == ":" for token in window)


def _governing_source(
    governors: list[tuple[int, Clause, ActorMention]], position: int, clause: Clause
) -> ActorMention | None:
    """The source of the nearest speech act or event before ``position`` in the same clause."""
    for governor_position, governor_clause, source in reversed(governors):
        if governor_position < position and governor_clause == clause:
            return source
    return None


def _confidence(entry: EventEntry, source: ActorMention | None, has_target: bool, inherited: bool) -> float:
    """A transparent score: trigger reliability plus argument evidence (documented in docs/)."""
    score = 0.45 if entry.provenance.startswith("oeda") else 0.55
    if entry.context:
        score += 0.1
    if source is not None:
        score += 0.1 if inherited else 0.2
        score *= 0.5 + 0.5 * source.confidence
    if has_target:
        score += 0.1
    return round(min(score, 0.99), 2)
