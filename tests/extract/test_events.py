"""Events (extract/events.py + extract/modality.py): who did what to whom, and how the text asserts it.

Each sentence was run through Hadath and checked by hand; the assertions state the linguistically
right reading. Cases where Hadath is wrong are not here (they are reported to the maintainers)."""

from __future__ import annotations

from datetime import date

import pytest

from hadath.pipeline import Pipeline
from hadath.schema import Analysis, Document, Event


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def analyze(pipeline: Pipeline, text: str, day: str = "2016-03-16") -> Analysis:
    return pipeline.analyze(Document(id="t", text=text, date=date.fromisoformat(day)))


def events_of(analysis: Analysis, plover: str) -> list[Event]:
    found = [e for e in analysis.events if e.plover == plover]
    assert found, f"no {plover} event in {[(e.trigger, e.plover) for e in analysis.events]}"
    return found


def with_trigger(pipeline: Pipeline, text: str, day: str, trigger: str) -> list[Event]:
    """The events of ``text`` (dated ``day``) whose trigger is ``trigger``."""
    return [e for e in analyze(pipeline, text, day).events if e.trigger == trigger]


def code(ref) -> str | None:
    return ref.code if ref is not None else None


# ---------------------------------------------------------------- word order and arguments


def test_vso_airstrike_codes(pipeline):
    text = "قصفت الطائرات الروسية مواقع لتنظيم داعش في إدلب."
    [event] = events_of(analyze(pipeline, text), "ASSAULT")
    assert event.trigger == "قصفت"
    assert (event.trigger_start, event.trigger_end) == (0, 4)
    assert code(event.source) == "RUSMIL"
    assert event.source.text == "الطائرات الروسية"
    assert code(event.target) == "IMG"
    assert event.target.actor_id == "isis"
    assert event.cameo == "195"  # aerial weapons: the context word الطائرات confirms it
    assert event.goldstein == -10.0
    assert event.quad_class == "material_conflict"
    assert event.modality == "asserted"
    assert event.tense == "past"
    assert event.nominal is False
    assert event.place is not None and event.place.name_en == "Idlib"
    assert event.date == "2016-03-16"
    assert event.text == text  # the evidence is the whole one-clause sentence


def test_svo_subject_before_the_verb(pipeline):
    text = "الجيش السوري هاجم مواقع جبهة النصرة في إدلب."
    [event] = events_of(analyze(pipeline, text), "ASSAULT")
    assert event.trigger == "هاجم"
    assert code(event.source) == "SYRMIL"
    assert code(event.target) == "SYRREB"
    assert event.target.actor_id == "jabhat-al-nusra"
    assert event.cameo.startswith("18") or event.cameo.startswith("19")
    assert (event.modality, event.tense, event.nominal) == ("asserted", "past", False)
    assert event.place.name_en == "Idlib"


def test_coordinated_targets_give_one_event_per_target(pipeline):
    text = "هاجم الجيش السوري مواقع داعش وجبهة النصرة وأحرار الشام في ريف إدلب."
    events = events_of(analyze(pipeline, text), "ASSAULT")
    assert [e.target.text for e in events] == ["داعش", "جبهة النصرة", "أحرار الشام"]
    assert [e.target.actor_id for e in events] == ["isis", "jabhat-al-nusra", "ahrar-al-sham"]
    assert {code(e.source) for e in events} == {"SYRMIL"}
    assert len({(e.trigger_start, e.trigger_end, e.cameo) for e in events}) == 1
    assert {e.place.name_en for e in events} == {"Idlib Governorate"}


def test_between_x_and_y_makes_x_source_and_y_target(pipeline):
    text = "اندلعت اشتباكات بين الجيش السوري وتنظيم داعش في ريف إدلب."
    [event] = events_of(analyze(pipeline, text), "ASSAULT")
    assert (code(event.source), code(event.target)) == ("SYRMIL", "IMG")
    assert "اشتباكات" in event.trigger  # "اندلعت اشتباكات": the finite verb makes it verbal, not nominal


def test_a_battles_between_may_come_a_few_words_later_and_the_regimes_forces_are_one_actor(pipeline):
    text = "وفي مدينة درعا تجددت المعارك العنيفة الخميس بين قوات النظام وفصائل المعارضة."
    [event] = events_of(analyze(pipeline, text, "2015-07-24"), "ASSAULT")
    assert (event.source.text, code(event.source), code(event.target)) == ("قوات النظام", "SYRMIL", "SYRREB")


def test_a_state_after_between_is_a_party_not_a_place(pipeline):
    [talks] = analyze(pipeline, "جرت مباحثات بين السعودية ومصر.", "2015-07-24").events
    assert (code(talks.source), code(talks.target)) == ("SAU", "EGY")


def test_a_distant_between_needs_armed_parties(pipeline):
    # where the battle is, not who fights: no parties from the border's two states
    text = "اندلعت المعارك العنيفة على الحدود بين السودان وتشاد."
    assert not any(
        {code(e.source), code(e.target)} == {"SDN", "TCD"}
        for e in analyze(pipeline, text, "2015-07-24").events
    )


def test_two_sides_of_a_battle_marked_min_jiha_fight_each_other_not_their_allies(pipeline):
    text = (
        "وتدور اشتباكات عنيفة بين قوات النظام وحزب الله اللبناني من جهة، وجبهة النصرة وحركة أحرار الشام "
        "من جهة أخرى، في ريف حلب."
    )
    pairs = {
        (code(e.source), code(e.target)) for e in events_of(analyze(pipeline, text, "2015-07-24"), "ASSAULT")
    }
    sides = ({"SYRMIL", "LBNREB"}, {"SYRREB"})
    assert pairs and all(s in sides[0] and t in sides[1] for s, t in pairs)
    assert ("SYRMIL", "SYRREB") in pairs and ("LBNREB", "SYRREB") in pairs


@pytest.mark.parametrize(
    "text",
    [
        "تبنى مجلس الأمن الدولي قرارا بتحديد المسؤولين عن هجمات كيميائية وقعت في سوريا.",
        "مددت الرئاسة التونسية حالة الطوارئ بسبب استمرار خطر الاعتداءات.",
    ],
)
def test_an_unarmed_subject_is_not_the_doer_of_an_attack_noun(pipeline, text):
    assert all(e.source is None for e in events_of(analyze(pipeline, text, "2015-08-08"), "ASSAULT"))


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("نفذ المتظاهرون هجوما على مركز الشرطة في القاهرة.", "المتظاهرون"),  # a verb of carrying out
        ("قتل مدنيون في الغارات التي يشنها الجيش التركي.", "الجيش التركي"),  # an agent relative
    ],
)
def test_who_carries_an_attack_out_is_its_doer_whoever_it_is(pipeline, text, doer):
    [attack] = [e for e in events_of(analyze(pipeline, text, "2015-08-08"), "ASSAULT") if e.nominal]
    assert attack.source.text == doer


def test_an_attack_the_speaker_says_it_carried_out_is_the_speakers(pipeline):
    text = "وقالت جماعة أنصار بيت المقدس إنها نفذت الهجوم."
    [attack] = events_of(analyze(pipeline, text, "2015-08-08"), "ASSAULT")
    assert attack.source.text == "جماعة أنصار بيت المقدس"
    # what the speaker condemns is somebody else's act
    [attack] = events_of(analyze(pipeline, "قال الرئيس إنه يدين الهجوم.", "2015-08-08"), "ASSAULT")
    assert attack.source is None


def test_passive_agent_after_min_qibal_is_the_source(pipeline):
    text = "قُصفت مواقع المعارضة من قبل الطائرات الروسية."
    [event] = events_of(analyze(pipeline, text), "ASSAULT")
    assert event.trigger == "قُصفت"
    assert code(event.source) == "RUSMIL"
    assert event.source.text == "الطائرات الروسية"


def test_nominal_event_takes_its_genitive_as_source(pipeline):
    text = "اعتقال الشرطة العراقية عشرات المحتجين في البصرة."
    [event] = events_of(analyze(pipeline, text, "2019-10-10"), "COERCE")
    assert event.trigger == "اعتقال"
    assert event.cameo == "173"
    assert code(event.source) == "IRQCOP"
    assert code(event.target) == "IRQCVL"
    assert event.place.name_en == "Basrah"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("سحبت الحكومة الروسية القوات الروسية من سوريا.", "RUSGOV"),
        ("سحبت روسيا القوات الروسية من سوريا.", "RUS"),
    ],
)
def test_a_state_withdrawing_its_own_forces_does_not_target_them(pipeline, text, source):
    [event] = events_of(analyze(pipeline, text), "RETREAT")
    assert code(event.source) == source
    # not RUSMIL: the forces are the state's own; the place after من gives the counterpart country
    assert code(event.target) == "SYR"
    assert event.modality == "asserted"


def test_place_after_min_gives_the_target_country(pipeline):
    text = "لن تنسحب القوات الروسية من سوريا."
    [event] = events_of(analyze(pipeline, text), "RETREAT")
    assert code(event.source) == "RUSMIL"
    assert code(event.target) == "SYR"
    assert event.target.text == "سوريا"
    assert event.place.name_en == "Syria"


# ---------------------------------------------------------------- modality


def test_negated_with_lam(pipeline):
    text = "لم تقصف الطائرات الروسية مواقع المعارضة في إدلب."
    [event] = events_of(analyze(pipeline, text), "ASSAULT")
    assert event.modality == "negated"
    assert code(event.source) == "RUSMIL"
    assert code(event.target) == "SYROPP"
    assert event.place.name_en == "Idlib"


def test_lan_negates_a_future(pipeline):
    [event] = events_of(analyze(pipeline, "لن تنسحب القوات الروسية من سوريا."), "RETREAT")
    assert (event.modality, event.tense) == ("negated", "future")


def test_negation_noun_adam(pipeline):
    text = "أعلنت الحكومة الروسية عدم انسحاب القوات الروسية من سوريا."
    [event] = events_of(analyze(pipeline, text), "RETREAT")
    assert event.trigger == "انسحاب"
    assert event.modality == "negated"


@pytest.mark.parametrize(
    ("text", "trigger", "plover", "source", "target"),
    [
        ("سوف تنسحب القوات الروسية من سوريا.", "تنسحب", "RETREAT", "RUSMIL", "SYR"),
        ("ستقصف الطائرات الروسية مواقع داعش.", "تقصف", "ASSAULT", "RUSMIL", "IMG"),
        ("سيزور الرئيس بوتين تركيا.", "يزور", "CONSULT", "RUSGOV", "TUR"),
    ],
)
def test_future_with_sa_or_sawfa(pipeline, text, trigger, plover, source, target):
    [event] = events_of(analyze(pipeline, text), plover)
    assert event.trigger == trigger
    assert (event.modality, event.tense) == ("future", "future")
    assert (code(event.source), code(event.target)) == (source, target)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("يريد الجيش السوري أن يهاجم مواقع داعش.", "SYRMIL", "IMG"),
        ("تنوي تركيا شن هجوم على مواقع داعش.", "TUR", "IMG"),
    ],
)
def test_intention_cue_before_trigger(pipeline, text, source, target):
    [event] = events_of(analyze(pipeline, text), "ASSAULT")
    assert event.modality == "intended"
    assert (code(event.source), code(event.target)) == (source, target)


def test_attribution_cue_makes_it_reported(pipeline):
    text = "بحسب مصادر محلية، قصفت الطائرات الروسية مواقع داعش في إدلب."
    [event] = events_of(analyze(pipeline, text), "ASSAULT")
    assert event.modality == "reported"
    assert (code(event.source), code(event.target)) == ("RUSMIL", "IMG")
    assert event.cameo == "195"


def test_reported_speech_content_is_reported_and_the_statement_is_an_event(pipeline):
    text = "قال وزير الخارجية السوري إن الجيش السوري هاجم مواقع داعش في إدلب."
    analysis = analyze(pipeline, text)
    [statement] = [e for e in analysis.events if e.cameo == "010"]
    assert statement.trigger == "قال"
    assert code(statement.source) == "SYRGOV"
    assert statement.modality == "reported"
    [attack] = events_of(analysis, "ASSAULT")
    assert attack.trigger == "هاجم"
    assert attack.modality == "reported"
    # the doer is the subject of the reported clause, not the speaker
    assert (code(attack.source), code(attack.target)) == ("SYRMIL", "IMG")
    assert attack.place.name_en == "Idlib"


def test_statement_verb_in_the_feminine_is_a_past_verb(pipeline):
    text = "قالت الحكومة العراقية إن الوضع مستقر."
    [statement] = analyze(pipeline, text, "2019-10-10").events
    assert (statement.cameo, statement.trigger) == ("010", "قالت")
    assert code(statement.source) == "IRQGOV"
    assert (statement.modality, statement.tense, statement.nominal) == ("reported", "past", False)


def test_hypothetical_after_idha(pipeline):
    text = "إذا هاجمت القوات التركية مواقع داعش فإن الرد سيكون قاسيا."
    [event] = events_of(analyze(pipeline, text), "ASSAULT")
    assert event.modality == "hypothetical"
    assert (code(event.source), code(event.target)) == ("TURMIL", "IMG")


def test_kana_with_a_perfect_is_a_past_report_not_a_hedge(pipeline):
    # "وكان" (and had) normalises like the hedge "وكأن" (as if): only the latter, spelt with its hamza,
    # makes an event hypothetical
    [event] = events_of(analyze(pipeline, "وكان الجيش السوري قصف مواقع داعش في تدمر."), "ASSAULT")
    assert event.modality == "asserted"
    [event] = events_of(analyze(pipeline, "وكأن الجيش السوري قصف مواقع داعش في تدمر."), "ASSAULT")
    assert event.modality == "hypothetical"


def test_negated_speech_content_is_a_rejection(pipeline):
    text = "قال وزير الخارجية السوري: «لن نقبل بأي شروط مسبقة في المفاوضات»."
    analysis = analyze(pipeline, text)
    [speech] = [e for e in analysis.events if e.trigger == "قال"]
    assert speech.cameo == "120"
    assert speech.plover == "REJECT"
    assert code(speech.source) == "SYRGOV"
    assert speech.source.name_en == "Walid al-Muallem"
    assert speech.modality == "reported"


# ---------------------------------------------------------------- protest


def test_a_community_protests_as_civilians_of_the_country_and_an_organiser_leads_it(pipeline):
    [protest] = events_of(analyze(pipeline, "تظاهر عشرات الأكراد في السليمانية.", "2015-08-01"), "PROTEST")
    assert code(protest.source) == "IRQCVL"
    text = "جاءت المطالبة في وقفة احتجاجية نظمها مسيحيو سهل نينوى في أربيل."
    [vigil] = events_of(analyze(pipeline, text, "2015-08-07"), "PROTEST")
    assert (vigil.source.text, code(vigil.source)) == ("مسيحيو", "IRQCVL")
    # without the article the word is an adjective: Kurdish fighters are not civilians
    analysis = analyze(pipeline, "هاجم مقاتلون أكراد مواقع داعش في الحسكة.", "2015-08-01")
    assert not [a for a in analysis.actors if a.text == "أكراد"]


def test_more_than_a_number_after_undiacritised_verb_is_who_it_was_done_to(pipeline):
    text = "اعتقل أكثر من 200 مدرس إيراني خلال مظاهرة في طهران."
    [arrest] = with_trigger(pipeline, text, "2015-07-23", "اعتقل")
    assert (code(arrest.source), code(arrest.target)) == (None, "IRNEDU")


def test_a_protest_against_a_states_attack_targets_its_forces(pipeline):
    text = "تظاهر عشرات الأكراد في السليمانية احتجاجا على الغارات الجوية التركية على مواقع في شمال العراق."
    [protest] = [
        e for e in events_of(analyze(pipeline, text, "2015-08-01"), "PROTEST") if e.trigger == "تظاهر"
    ]
    assert code(protest.target) == "TURMIL"


def test_protest_by_a_people(pipeline):
    text = "تظاهر آلاف العراقيين في البصرة."
    [event] = events_of(analyze(pipeline, text, "2019-10-10"), "PROTEST")
    assert event.trigger == "تظاهر"
    assert event.cameo.startswith("14")
    assert event.quad_class == "material_conflict"
    assert code(event.source) == "IRQ"
    assert event.source.text == "العراقيين"
    assert event.place.name_en == "Basrah"
    assert event.modality == "asserted"


def test_protest_date_comes_from_relative_expression(pipeline):
    text = "تظاهر العراقيون في البصرة أمس."
    [event] = events_of(analyze(pipeline, text, "2019-10-10"), "PROTEST")
    assert event.date == "2019-10-09"


def test_what_somebody_denies_is_negated(pipeline):
    text = "نفت المعارضة السورية أن تكون الطائرات الروسية قد قصفت مواقعها في إدلب."
    [event] = events_of(analyze(pipeline, text), "ASSAULT")
    assert event.modality == "negated"


def test_a_time_frame_does_not_take_the_sentence_subject_as_its_doer(pipeline):
    text = "أراد الروس أن يظهروا كطرف محايد خلال المفاوضات في جنيف."
    negotiations = [e for e in analyze(pipeline, text).events if "المفاوضات" in e.trigger]
    assert negotiations and all(e.source is None for e in negotiations)


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("تظاهر آلاف العراقيين في بغداد أمس.", "past"),  # starts like an imperfect, but is the past form
        ("يتظاهر الطلاب كل أسبوع في الجامعة.", "present"),
        ("لم تقصف الطائرات الروسية مدينة حلب.", "past"),  # لم + jussive
    ],
)
def test_tense_of_verb_triggers(pipeline, text, tense):
    [event] = analyze(pipeline, text).events
    assert event.tense == tense


def test_a_statement_is_dated_by_when_it_was_made_not_by_what_it_reports(pipeline):
    analysis = analyze(pipeline, "قال وزير الخارجية الروسي أمس إن القوات ستنسحب غدا من حلب.")
    statement = next(e for e in analysis.events if e.cameo == "010")
    assert statement.date == "2016-03-15"  # أمس, not غدا


def test_the_object_of_a_condemnation_is_not_done_by_the_condemner(pipeline):
    analysis = analyze(pipeline, "ندد الأمين العام للأمم المتحدة بالهجوم على المدنيين في حلب.")
    condemnation = next(e for e in analysis.events if e.cameo.startswith("11"))
    attack = next(e for e in analysis.events if e.plover == "ASSAULT")
    assert condemnation.source.code == "IGO" and condemnation.source.name_en == "Ban Ki-moon"
    assert attack.source is None


def test_who_expresses_an_attitude_to_fighting_did_not_fight(pipeline):
    text = "وأعرب وزير الخارجية الألماني عن ارتياحه لتطورات العمليات العسكرية ضد الحوثيين."
    [fighting] = events_of(analyze(pipeline, text, "2015-08-11"), "ASSAULT")
    assert (fighting.source, code(fighting.target)) == (None, "YEMREB")


def test_dan_is_a_condemnation_not_the_israeli_town(pipeline):
    analysis = analyze(pipeline, "دان الأردن التفجير الذي استهدف مسجدا في الكويت.", "2015-07-04")
    [condemnation] = [e for e in analysis.events if e.trigger == "دان"]
    assert (condemnation.cameo, code(condemnation.source)) == ("111", "JOR")
    assert "ISR" not in {code(e.target) for e in analysis.events}
    assert not [p for p in analysis.places if p.text == "دان"]


def test_a_verb_in_a_relative_clause_after_an_attack_noun_tells_what_the_attack_hit(pipeline):
    text = "أدان الرئيس الهجوم الذي استهدف مقر قوات الأمن العراقية."
    events = analyze(pipeline, text, "2015-07-04").events
    [attack] = [e for e in events if e.trigger == "الهجوم"]
    assert (attack.source, code(attack.target)) == (None, "IRQCOP")
    assert not [e for e in events if e.trigger == "استهدف"]  # the same attack, told once


def test_an_armed_actor_after_min_behind_an_attack_noun_made_it(pipeline):
    text = "قتل مدنيان بغارات من طائرات حربية روسية في ريف إدلب."
    [raids] = with_trigger(pipeline, text, "2015-10-10", "غارات")
    assert (code(raids.source), code(raids.target)) == ("RUSMIL", "SYRCVL")
    # but the genitive of a victim noun is among the victims
    text = "أعلن الجيش مقتل خمسة من الجنود في الهجوم."
    [death] = with_trigger(pipeline, text, "2015-10-10", "مقتل")
    assert (death.source, death.target.text, code(death.target)) == (None, "الجنود", "MIL")


@pytest.mark.parametrize(
    "text",
    [
        "وتتواصل المعارك التي يخوضها الجيش اليمني ضد الحوثيين في تعز.",
        "وأدى الهجوم الذي نفذه الجيش اليمني على الحوثيين إلى سقوط قتلى.",
    ],
)
def test_what_the_credited_doer_fought_follows_it(pipeline, text):
    [fight] = [e for e in events_of(analyze(pipeline, text, "2015-08-01"), "ASSAULT") if e.target]
    assert (code(fight.source), code(fight.target)) == ("YEMMIL", "YEMREB")


@pytest.mark.parametrize(
    ("text", "doer", "victim"),
    [
        ("الجنود السوريون الذين قتلهم المسلحون كانوا في إجازة.", "المسلحون", "الجنود السوريون"),
        ("وكان الصحفي الأمريكي قد خطفه مسلحون في حلب.", "مسلحون", "الصحفي الأمريكي"),
    ],
)
def test_with_an_object_pronoun_on_the_verb_its_subject_follows_and_the_topic_is_its_object(
    pipeline, text, doer, victim
):
    [event] = events_of(analyze(pipeline, text, "2015-08-01"), "ASSAULT")
    assert (event.source.text, event.target.text) == (doer, victim)


def test_a_feminine_verb_after_its_subject_and_before_a_number_is_active(pipeline):
    [killing] = events_of(
        analyze(pipeline, "قوات الأمن قتلت ثلاثة مسلحين في سيناء.", "2015-08-01"), "ASSAULT"
    )
    assert (code(killing.source), code(killing.target)) == ("EGYCOP", "EGYREB")
    # with nobody before it, the number after it is still who was killed
    [killing] = events_of(analyze(pipeline, "وقتل ثلاثة مسلحين في سيناء.", "2015-08-01"), "ASSAULT")
    assert (killing.source, code(killing.target)) == (None, "EGYREB")


def test_an_attack_a_place_underwent_was_made_by_the_state_its_adjective_names(pipeline):
    [shelling] = events_of(analyze(pipeline, "تعرضت القرية لقصف روسي عنيف أمس.", "2015-10-10"), "ASSAULT")
    assert (shelling.source.text, code(shelling.source)) == ("روسي", "RUSMIL")
    # the adjective of the next event noun is not the first one's
    text = "وتعرض الاجتماع للقصف الأميركي جنوب إجدابيا."
    analysis = analyze(pipeline, text, "2015-07-21")
    [shelling] = events_of(analysis, "ASSAULT")
    assert code(shelling.source) == "USAMIL"
    assert all(code(e.source) != "USAGOV" for e in analysis.events)


def test_a_second_count_after_an_undiacritised_verb_is_its_object(pipeline):
    text = "وفي عام 2013 قتل أربعة مسلحين من حركة الشباب 67 شخصا في هجوم على مركز تجاري."
    killings = with_trigger(pipeline, text, "2015-08-01", "قتل")
    assert killings and all(e.source is not None and code(e.target) == "CVL" for e in killings)
    # a count joined by و is more of the killed
    text = "قتل 13 عراقيا وخمسة سوريين في التفجير."
    killings = with_trigger(pipeline, text, "2015-08-01", "قتل")
    assert {code(e.target) for e in killings} == {"IRQ", "SYR"} and all(e.source is None for e in killings)


def test_an_operations_command_acts_for_the_forces(pipeline):
    text = "وقال مصدر إن قيادة الفرقة الثامنة نفذت اليوم سلسلة من الغارات الجوية شرقي الرمادي."
    [raids] = events_of(analyze(pipeline, text, "2015-08-06"), "ASSAULT")
    assert (raids.source.text, code(raids.source)) == ("قيادة الفرقة", "IRQMIL")


def test_a_word_inside_a_longer_place_name_gives_no_story_country(pipeline):
    # "دير" alone is a town elsewhere; in "دير الزور" it says nothing
    [raid] = events_of(
        analyze(pipeline, "قصفت طائرات حربية مواقع في دير الزور أمس.", "2015-10-10"), "ASSAULT"
    )
    assert code(raid.source) == "SYRMIL"


def test_a_light_verb_passes_its_subject_to_the_verbal_noun(pipeline):
    [arrest] = analyze(pipeline, "قامت الشرطة باعتقال عشرة ناشطين في القاهرة.").events
    assert (arrest.cameo, arrest.source.code) == ("173", "EGYCOP")


def test_a_definite_verbal_noun_takes_the_doer_of_the_event_it_refers_back_to(pipeline):
    text = (
        "شنت الطائرات الروسية غارات على مواقع لتنظيم داعش في الرقة أمس. "
        "وقالت المعارضة إن الغارات أصابت أحياء سكنية."
    )
    strikes = [e for e in analyze(pipeline, text).events if e.plover == "ASSAULT"]
    assert {e.source.code for e in strikes if e.source} == {"RUSMIL"}
    assert len(strikes) >= 2


# ---------------------------------------------------------------- victims, doers and tolls (coder v2)


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("قتل 12 جنديا عراقيا في هجوم قرب كركوك.", "IRQMIL"),  # a number after قتل: the passive قُتل
        ("ثلاثة جنود أتراك قتلوا في هجوم قرب الحدود.", "TURMIL"),  # subject, verb, nothing done to anyone
        ("أصيب خمسة مدنيين عراقيين بجروح في انفجار عبوة ناسفة في الموصل.", "IRQCVL"),  # أصيب is passive
        ("قتل عراقيان في تفجير صهريج مفخخ.", "IRQ"),  # civilians right after قتل, nobody else: killed
        # a nominative dual with no object after it: the ones killed, soldiers too
        ("وقتل جنديان أميركيان في هجوم بعبوة ناسفة ببغداد.", "USAMIL"),
    ],
)
def test_a_patient_subject_is_the_target_and_not_the_doer(pipeline, text, victim):
    analysis = analyze(pipeline, text)
    [killing] = [e for e in events_of(analysis, "ASSAULT") if e.trigger in ("قتل", "قتلوا", "أصيب")]
    assert code(killing.target) == victim
    assert killing.source is None
    # and the victims are not made the doers of the attack told after them
    assert all(code(e.source) != victim for e in analysis.events)


@pytest.mark.parametrize(
    "text",
    [
        "قتل مسلحان مدنيين في بغداد.",
        "واختطف مسلحان في بغداد أمس مهندسا.",  # an accusative later in the clause
        "واختطف مسلحان في بغداد اثنين من المهندسين.",  # a count later in the clause
    ],
)
def test_a_nominative_dual_with_an_object_after_it_is_the_doer(pipeline, text):
    [act] = [e for e in analyze(pipeline, text).events if e.trigger in ("قتل", "اختطف")]
    assert code(act.source) == "IRQREB"


def test_a_nominative_dual_followed_by_its_adjective_is_still_the_one_killed(pipeline):
    text = "وقتل جنديان من قوات حفظ السلام الأفريقية في هجوم على قاعدتهم في مقديشو."
    [killing] = with_trigger(pipeline, text, "2008-05-10", "قتل")
    assert killing.source is None and killing.target.text.startswith("جنديان")


def test_members_of_a_group_before_the_verb_are_the_group(pipeline):
    text = "وقال مسؤول في الشرطة الأفغانية إن عناصر من طالبان هاجموا مركزا للشرطة في غزني."
    [attack] = with_trigger(pipeline, text, "2008-05-10", "هاجموا")
    assert (attack.source.text, code(attack.source)) == ("طالبان", "AFGREB")  # not the speaker
    # members as another verb's object are not the sentence's subject
    text = "وانفجرت سيارة مفخخة لدى مرور حافلة تقل عناصر من الحرس الثوري."
    [blast] = with_trigger(pipeline, text, "2007-02-19", "انفجرت سيارة مفخخة")
    assert (blast.source, code(blast.target)) == (None, "IRNMIL")


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        # a dual after a singular event noun is no adjective of it, and the genitive of a killing is
        # who was killed ("هجوم مسلح" stays an armed attack)
        ("وأسفرت المواجهات بين الجيش اللبناني ومسلحي فتح الإسلام عن مقتل جنديين.", "LBNMIL"),
        ("وأسفر هجوم مسلح في الموصل عن مقتل شرطي.", "IRQCOP"),
    ],
)
def test_an_agent_noun_after_a_killing_is_its_victim(pipeline, text, victim):
    analysis = analyze(pipeline, text, "2008-05-10")
    deaths = [e for e in analysis.events if e.trigger == "مقتل"]
    assert deaths and all(code(e.target) == victim for e in deaths)
    assert all(code(e.source) != victim for e in deaths)  # the army is not its own soldiers' killer
    assert "هجوم مسلح" not in [a.text for a in analysis.actors]


def test_an_indefinite_genitive_in_construct_with_the_next_mention_is_not_its_doer(pipeline):
    text = "وأثار مقتل صحافي الـ«سي إن إن» في سوريا غضبا واسعا."
    [death] = with_trigger(pipeline, text, "2015-07-21", "مقتل")
    assert death.source is None and death.target.text == "صحافي"


def test_an_active_verb_after_anna_keeps_its_doer(pipeline):
    analysis = analyze(pipeline, "أكدت القوات الأمريكية أنها قتلت 20 مسلحا في غارة على الرقة.")
    [killing] = [e for e in events_of(analysis, "ASSAULT") if e.trigger == "قتلت"]
    assert (code(killing.source), code(killing.target)) == ("USAMIL", "SYRREB")
    # the killed militants did not carry out the air strike
    [strike] = [e for e in events_of(analysis, "ASSAULT") if e.trigger == "غارة"]
    assert code(strike.source) != "SYRREB"


def test_a_preverbal_subject_with_an_object_is_the_doer(pipeline):
    analysis = analyze(pipeline, "قال مسؤول إن شرطيين قتلوا 13 متظاهرا في البصرة.")
    [killing] = events_of(analysis, "ASSAULT")
    assert (code(killing.source), code(killing.target)) == ("IRQCOP", "IRQCVL")


def test_the_passive_agent_of_a_patient_verb_is_the_source(pipeline):
    [event] = events_of(analyze(pipeline, "اغتيل قاض ليبي في بنغازي على يد مسلحين مجهولين."), "ASSAULT")
    assert (event.cameo, code(event.source), code(event.target)) == ("186", "LBYREB", "LBY")


@pytest.mark.parametrize(
    "text",
    [
        "قتل شاب فلسطيني برصاص الجيش الإسرائيلي في الخليل أمس.",
        "استشهد شاب فلسطيني برصاص الجيش الإسرائيلي في الخليل أمس.",
        "أصيب شاب فلسطيني بنيران الجيش الإسرائيلي في الخليل أمس.",
        # the passive subject before the verb is the victim
        "وهذا ثالث فلسطيني يقتل برصاص الجيش الإسرائيلي منذ الثلاثاء الماضي.",
    ],
)
def test_whose_bullets_or_fire_is_the_attacker(pipeline, text):
    # an army's killing is conventional military force (190), not the generic 180 of the entry
    [event] = [e for e in events_of(analyze(pipeline, text, "2015-07-27"), "ASSAULT") if e.cameo == "190"]
    assert (code(event.source), code(event.target)[:3]) == ("ISRMIL", "PSE")


def test_an_armed_actor_with_lam_after_an_attack_noun_made_it(pipeline):
    analysis = analyze(pipeline, "دمرت غارات لطيران التحالف آليات للحوثيين في صعدة.", "2015-08-11")
    [raids] = events_of(analysis, "ASSAULT")
    assert (raids.source.text, code(raids.source), code(raids.target)) == (
        "طيران التحالف",
        "SAUMIL",
        "YEMREB",
    )
    # a civilian one is what the attack hit
    [shelling] = events_of(analyze(pipeline, "أدان البيان القصف للمدنيين في حلب."), "ASSAULT")
    assert (shelling.source, code(shelling.target)) == (None, "SYRCVL")


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # a subject before undiacritised قتل and an adverbial after it: the passive, the subject was killed
        ("قالت الإذاعة إن الشاب الفلسطيني قتل نتيجة سقوطه من سطح مبنى.", None, "PSECVL"),
        ("قالت الشرطة إن الشاب الفلسطيني قتل خلال مواجهات في الخليل.", None, "PSECVL"),
        # ... unless an object follows the adverbial
        ("الجيش العراقي قتل بعد ساعات من الهجوم ثلاثة مسلحين.", "IRQMIL", "IRQREB"),
        # the doer of another event in between is not the verb's object
        ("جندي عراقي قتل في هجوم شنه مسلحون في الموصل.", "IRQREB", "IRQMIL"),
    ],
)
def test_undiacritised_qutila_after_its_subject(pipeline, text, source, target):
    [killing] = [e for e in events_of(analyze(pipeline, text, "2015-07-27"), "ASSAULT") if e.trigger == "قتل"]
    assert (code(killing.source), code(killing.target)) == (source, target)


@pytest.mark.parametrize(
    "text",
    [
        "قتل القيادي في تنظيم القاعدة محسن الفضلي في ضربة جوية أمريكية في سوريا.",
        "قتل زعيم تنظيم القاعدة في اليمن ناصر الوحيشي في غارة أمريكية.",
    ],
)
def test_a_member_of_a_group_is_a_person_coded_as_the_group(pipeline, text):
    [killing] = [e for e in events_of(analyze(pipeline, text, "2015-07-22"), "ASSAULT") if e.trigger == "قتل"]
    assert (code(killing.source), code(killing.target), killing.target.kind) == ("USAMIL", "IMG", "person")


def test_a_name_after_a_member_of_a_group_is_that_member(pipeline):
    analysis = analyze(pipeline, "قتل العضو البارز في تنظيم القاعدة محسن الفضلي في سوريا.", "2015-07-22")
    name = next(a for a in analysis.actors if a.text == "محسن الفضلي")
    assert (name.code, name.role) == ("IMG", "recognised-name")


def test_a_place_after_inda_is_what_was_hit_and_then_words_before_a_count(pipeline):
    text = "تبنت الجبهة تفجيرا انتحاريا عند السفارة الأميركية في أنقرة."
    [bombing] = [e for e in events_of(analyze(pipeline, text, "2013-02-02"), "ASSAULT") if e.cameo == "1831"]
    assert code(bombing.target) == "USAGOV" and code(bombing.source) != "USAGOV"
    text = "وقتل حينها 14 ضابط أمن حين اقتحم مسلحون عددا من المباني في جروزني."
    [killing] = [e for e in events_of(analyze(pipeline, text, "2014-12-04"), "ASSAULT") if e.trigger == "قتل"]
    assert code(killing.target).endswith("MIL") and code(killing.source).endswith("REB")


def test_settlers_are_israeli_in_a_story_about_palestine(pipeline):
    text = "هاجم مستوطنون منزلا فلسطينيا في قرية دوما بالضفة الغربية."
    [arson] = [e for e in analyze(pipeline, text, "2015-07-31").events if e.source is not None]
    assert code(arson.source) == "ISRCVL"


def test_who_stands_behind_an_attack_did_it(pipeline):
    text = "واتهم المسؤولون الأتراك تنظيم داعش، بالوقوف خلف التفجير الذي أوقع 32 قتيلا في سوروج."
    [bombing] = [e for e in events_of(analyze(pipeline, text, "2015-07-26"), "ASSAULT") if e.cameo == "183"]
    assert code(bombing.source) == "IMG"


def test_a_partner_of_the_doer_is_no_target(pipeline):
    text = "نفذ طيران التحالف 22 غارة جوية في العراق بالتنسيق مع الحكومة العراقية."
    [raids] = events_of(analyze(pipeline, text, "2015-07-31"), "ASSAULT")
    assert code(raids.source) == "USAMIL"
    assert code(raids.target) != "IRQGOV"


def test_martyred_is_killed_only_with_an_attack_word(pipeline):
    analysis = analyze(pipeline, "استشهد جندي سعودي في قصف حوثي على جازان.", "2015-08-01")
    [event] = [e for e in events_of(analysis, "ASSAULT") if e.trigger == "استشهد"]
    assert (code(event.source), code(event.target)) == ("YEMREB", "SAUMIL")
    assert event.cameo == "190"  # armed men killing a soldier: conventional military force
    # "استشهد بـ" is also "cited"
    assert not analyze(pipeline, "استشهد الكاتب بآية من القرآن الكريم.").events


def test_an_attack_credited_to_a_group_gives_the_doer_of_its_toll(pipeline):
    analysis = analyze(pipeline, "قتل خمسة جنود سوريين في هجوم نفذه تنظيم داعش في دير الزور.")
    for event in events_of(analysis, "ASSAULT"):
        assert (code(event.source), code(event.target)) == ("IMG", "SYRMIL"), event.trigger


def test_an_attack_without_a_target_takes_the_victims_of_its_toll(pipeline):
    analysis = analyze(pipeline, "انفجرت سيارة مفخخة في سوق ببغداد مما أدى إلى مقتل عشرة أشخاص.")
    [bombing] = [e for e in events_of(analysis, "ASSAULT") if e.cameo == "1832"]
    assert code(bombing.target) == "IRQCVL"


def test_unnamed_victims_are_people_of_the_country_where_it_happened(pipeline):
    [killing, _] = events_of(analyze(pipeline, "قتل ثلاثة في انفجار في مدينة حلب."), "ASSAULT")
    assert killing.trigger == "قتل"
    assert (code(killing.target), killing.target.role, killing.target.confidence) == (
        "SYR",
        "victims-at-place",
        0.4,
    )


def test_a_reported_death_is_not_the_reporters_doing(pipeline):
    analysis = analyze(pipeline, "أعلن الجيش الإسرائيلي مقتل أحد جنوده في اشتباك قرب جنين.")
    [death] = [e for e in events_of(analysis, "ASSAULT") if e.trigger == "مقتل"]
    assert death.source is None
    assert (code(death.target), death.target.text) == ("ISRMIL", "جنوده")  # the clitic: his soldiers


def test_the_attack_behind_a_reported_toll_is_not_the_reporters_unless_its_enemies_died(pipeline):
    text = "أعلن الجيش الأمريكي مقتل أحد جنوده في انفجار قنبلة قرب بعقوبة."
    [blast] = with_trigger(pipeline, text, "2007-12-02", "انفجار")
    assert (blast.source, code(blast.target)) == (None, "USAMIL")
    text = "أعلنت الشرطة مقتل ثلاثة مدنيين في هجوم انتحاري وسط المدينة."
    [attack] = with_trigger(pipeline, text, "2007-12-02", "هجوم انتحاري")
    assert attack.source is None
    # the army that reports its enemies dead is the one that struck them
    text = "وأعلن الجيش العراقي مقتل 20 مسلحا من داعش في غارات جوية على الرمادي."
    [raids] = with_trigger(pipeline, text, "2015-07-20", "غارات")
    assert code(raids.source) == "IRQMIL"


def test_the_accused_is_the_doer_of_the_act_of_the_accusation(pipeline):
    analysis = analyze(pipeline, "واتهمت المعارضة السورية النظام بقصف المدنيين.")
    [bombing] = [e for e in events_of(analysis, "ASSAULT") if e.trigger == "قصف"]
    # the genitive of a violent noun that cannot be a combatant is its victim ("قصف المدنيين")
    assert (code(bombing.source), code(bombing.target)) == ("SYRGOV", "SYRCVL")


def test_an_arrest_noun_with_an_object_takes_its_genitive_as_doer(pipeline):
    [arrest] = events_of(analyze(pipeline, "اعتقال الشرطة العراقية عشرات المحتجين في البصرة."), "COERCE")
    assert (code(arrest.source), code(arrest.target)) == ("IRQCOP", "IRQCVL")


def test_a_light_verb_and_its_object_noun_are_one_arrest(pipeline):
    analysis = analyze(pipeline, "وألقت الشرطة القبض على ثلاثة أشخاص في الرياض.", "2015-08-06")
    [arrest] = events_of(analysis, "COERCE")  # not a second one on "القبض على"
    assert (arrest.trigger, code(arrest.source), code(arrest.target)) == ("ألقت", "SAUCOP", "SAUCVL")
    # the verb before its subject, its preposition after it
    [arrest] = events_of(analyze(pipeline, "وقبضت الشرطة على ثلاثة أشخاص في جدة.", "2015-08-06"), "COERCE")
    assert (arrest.trigger, code(arrest.source), code(arrest.target)) == ("قبضت", "SAUCOP", "SAUCVL")
    # the noun alone is still an arrest
    [arrest] = events_of(analyze(pipeline, "وتم القبض على ثلاثة أشخاص في الرياض.", "2015-08-06"), "COERCE")
    assert arrest.trigger == "القبض على"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("تظاهر مئات الأردنيين أمام السفارة الإسرائيلية في عمان.", "ISRGOV"),
        ("تظاهر آلاف الباكستانيين في كراتشي احتجاجا على قرار بريطانيا.", "GBR"),
    ],
)
def test_a_protest_targets_what_it_is_aimed_at(pipeline, text, target):
    protest = events_of(analyze(pipeline, text), "PROTEST")[0]
    assert (protest.trigger, code(protest.target)) == ("تظاهر", target)


def test_talks_qualified_by_a_country_have_its_government_at_the_table(pipeline):
    analysis = analyze(pipeline, "انسحب الوفد خلال مفاوضات جنيف السوري الأخيرة.")
    [talks] = events_of(analysis, "CONSULT")
    assert (talks.cameo, code(talks.source), talks.source.text, talks.source.confidence) == (
        "046",
        "SYRGOV",
        "السوري",
        0.4,
    )


def test_an_attack_from_a_place_came_from_its_state(pipeline):
    [event] = events_of(analyze(pipeline, "سقطت صواريخ أطلقت من جنوب لبنان على بلدة إسرائيلية."), "ASSAULT")
    assert (code(event.source), event.source.role, event.source.confidence) == ("LBN", "origin", 0.4)


def test_the_place_an_attack_is_aimed_at_directly_is_its_target(pipeline):
    [event] = events_of(analyze(pipeline, "قصفت الطائرات الروسية مدينة حلب."), "ASSAULT")
    assert (code(event.source), code(event.target)) == ("RUSMIL", "SYR")


@pytest.mark.parametrize(
    "text", ["قصفت الطائرات السورية مدينة حلب.", "قصفت الطائرات السورية مواقع في مدينة حلب."]
)
def test_a_state_attacking_a_place_of_its_own_country_hits_the_people_there(pipeline, text):
    [event] = events_of(analyze(pipeline, text, "2015-07-26"), "ASSAULT")
    assert code(event.source) == "SYRMIL"
    assert (code(event.target), event.target.role) == ("SYR", "victims-at-place")


def test_a_toll_in_a_place_takes_the_doer_of_its_attack_even_of_the_same_country(pipeline):
    text = "قتل عشرة في حلب في غارات شنتها الطائرات السورية."
    # the toll of an army's strikes is conventional military force (190)
    [toll] = [e for e in events_of(analyze(pipeline, text, "2015-07-26"), "ASSAULT") if e.cameo == "190"]
    assert (code(toll.source), code(toll.target), toll.target.role) == ("SYRMIL", "SYR", "victims-at-place")


def test_a_state_withdrawing_to_a_place_of_its_own_country_is_not_its_own_target(pipeline):
    [event] = events_of(analyze(pipeline, "انسحبت القوات السورية إلى مدينة حلب.", "2015-07-26"), "RETREAT")
    assert code(event.source) == "SYRMIL" and event.target is None


def test_an_attack_attributed_to_a_group_takes_it_as_source(pipeline):
    analysis = analyze(pipeline, "تعرضت قاعدة للجيش لهجوم انتحاري نسب إلى حركة طالبان.", "2008-01-10")
    [attack] = [e for e in events_of(analysis, "ASSAULT") if e.cameo == "1831"]
    assert code(attack.source) == "AFGREB"


def test_what_a_protest_is_aimed_at_is_not_its_source(pipeline):
    [protest] = events_of(
        analyze(pipeline, "تواصلت المظاهرات ضد وجود القوات الإثيوبية في مقديشو."), "PROTEST"
    )
    assert (protest.source, code(protest.target)) == (None, "ETHMIL")


def test_a_name_the_lexicon_lacks_is_found_by_the_ner_model_where_an_argument_is_missing(pipeline):
    analysis = analyze(pipeline, "اختطف مسلحون المهندس كريم الأنصاري قرب كركوك.", "2008-03-16")
    [kidnapping] = events_of(analysis, "ASSAULT")
    victim = kidnapping.target
    assert (victim.text, victim.kind, victim.role, victim.code) == (
        "كريم الأنصاري",
        "person",
        "recognised-name",
        "IRQ",
    )
    assert victim.confidence == 0.4
    # where every event has its arguments, the model does not run and adds nothing
    complete = analyze(pipeline, "قصفت الطائرات الروسية مواقع لتنظيم داعش في إدلب.")
    assert all(a.role != "recognised-name" for a in complete.actors)


def test_the_noun_before_a_relative_pronoun_is_the_subject_of_its_verb(pipeline):
    analysis = analyze(pipeline, "قال الجيش الأمريكي إن القوات العراقية التي قصفت مواقع داعش انسحبت.")
    [bombing] = [e for e in events_of(analysis, "ASSAULT") if e.trigger == "قصفت"]
    assert (code(bombing.source), code(bombing.target)) == ("IRQMIL", "IMG")


def test_coordinated_doers_each_get_an_event(pipeline):
    analysis = analyze(pipeline, "شنت الطائرات الروسية والجيش السوري غارات على مواقع المعارضة في حلب.")
    pairs = {(code(e.source), code(e.target)) for e in events_of(analysis, "ASSAULT")}
    assert pairs == {("RUSMIL", "SYROPP"), ("SYRMIL", "SYROPP")}


def test_a_shared_head_noun_gives_each_country_its_forces(pipeline):
    analysis = analyze(pipeline, "انسحبت القوات الروسية والإيرانية من حلب.")
    assert [(a.text, a.code) for a in analysis.actors] == [
        ("القوات الروسية", "RUSMIL"),
        ("الإيرانية", "IRNMIL"),
    ]
    # both withdrew: neither is the other's target
    assert {(code(e.source), code(e.target)) for e in analysis.events} == {
        ("RUSMIL", "SYR"),
        ("IRNMIL", "SYR"),
    }


def test_a_condemnation_is_aimed_at_the_doer_of_the_condemned_act(pipeline):
    analysis = analyze(pipeline, "أدان الأردن الغارات التي شنتها الطائرات الإسرائيلية على غزة.")
    [condemnation] = [e for e in analysis.events if e.cameo.startswith("11")]
    assert (code(condemnation.source), code(condemnation.target)) == ("JOR", "ISRMIL")


def test_reported_speech_inside_reported_speech_keeps_each_speaker_and_the_future(pipeline):
    text = "قال وزير الخارجية الروسي إن الرئيس السوري أكد أن الجيش السوري سيقصف مواقع داعش."
    analysis = analyze(pipeline, text)
    speakers = [code(e.source) for e in analysis.events if e.cameo == "010"]
    assert speakers == ["RUSGOV", "SYRGOV"]
    [bombing] = events_of(analysis, "ASSAULT")
    assert (bombing.trigger, code(bombing.source), code(bombing.target), bombing.modality) == (
        "سيقصف",
        "SYRMIL",
        "IMG",
        "future",
    )


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("تظاهر آلاف في كراتشي هاتفين «لتسقط أمريكا».", "USA"),
        ("تظاهر المئات في لاهور غضبا من قرار بريطانيا.", "GBR"),
    ],
)
def test_a_protests_chant_or_the_decision_it_opposes_names_its_target(pipeline, text, target):
    protest = events_of(analyze(pipeline, text), "PROTEST")[0]
    assert code(protest.target) == target


def test_a_recognised_name_takes_its_country_only_from_what_the_text_says(pipeline):
    # a nationality next to the name wins over the place of the event
    analysis = analyze(pipeline, "اغتال مسلحون جون سميث البريطاني في بغداد.", "2015-01-16")
    [killing] = events_of(analysis, "ASSAULT")
    assert (killing.target.text, killing.target.role, code(killing.target)) == (
        "جون سميث",
        "recognised-name",
        "GBR",
    )


def test_a_combatant_right_after_an_ambiguous_verb_stays_its_doer(pipeline):
    [killing] = events_of(analyze(pipeline, "قتلت الشرطة في البصرة مسلحين."), "ASSAULT")
    assert (code(killing.source), code(killing.target)) == ("IRQCOP", "IRQREB")


@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("أصاب صاروخ إسرائيلي سيارة في غزة.", [("أصاب", "190", "ISRMIL")]),  # the verb, not إصابة
        ("تتعدد مظاهر الأزمة في البلاد.", []),  # مظاهر (aspects) is not مظاهرة (a demonstration)
        ("تتعدد مظاهرها في حياة السكان.", []),  # nor with a pronoun: its aspects
        ("خرجت مظاهرتهم في عمان.", [("مظاهرتهم", "141", None)]),  # ة becomes ت before a pronoun
        ("خرجت مظاهرة في عمان.", [("مظاهرة", "141", None)]),
        ("شنت الطائرات الروسية غارات على إدلب.", [("غارات", "195", "RUSMIL")]),  # a plural keeps its noun
    ],
)
def test_a_bare_word_is_not_a_noun_listed_only_with_ta_marbuta(pipeline, text, events):
    found = [(e.trigger, e.cameo, code(e.source)) for e in analyze(pipeline, text).events]
    assert found == events


# ---------------------------------------------------------------- reports, attribution and tolls


def test_the_reporter_is_not_the_doer_of_what_its_report_tells_in_later_clauses(pipeline):
    # "بان" without hamza is the complementiser too; the man, unknown to the lexicon, did it
    text = "أفادت الشرطة العراقية بان رجلا فجر سيارة مفخخة في بغداد، ثم قتل خمسة أشخاص."
    violent = events_of(analyze(pipeline, text, "2008-02-07"), "ASSAULT")
    assert {code(e.source) for e in violent} == {None}
    assert all(e.modality == "reported" for e in violent)


def test_after_a_pronoun_complementiser_the_reporter_stays_the_subject(pipeline):
    text = "قال الجيش الأمريكي إنه قتل عشرة مسلحين في الرمادي."
    [killing] = events_of(analyze(pipeline, text, "2008-02-07"), "ASSAULT")
    assert code(killing.source) == "USAMIL"


def test_a_verb_in_reported_content_with_an_unknown_subject_is_not_the_reporters(pipeline):
    text = "وذكرت وكالة الأنباء السعودية أن الجهات الأمنية قبضت على خلية إرهابية تضم 5 أشخاص في الرياض."
    [arrest] = events_of(analyze(pipeline, text, "2015-08-07"), "COERCE")
    assert arrest.source is None  # the agency reported it; the lexicon does not know the subject


@pytest.mark.parametrize(
    "text",
    [
        "وأعلنت الشرطة العراقية أنها اعتقلت خمسة أشخاص في البصرة.",  # the pronoun is the speaker
        "وأعلنت الشرطة العراقية أن عناصرها اعتقلوا خمسة أشخاص في البصرة.",  # and so is its members' owner
    ],
)
def test_content_that_opens_with_the_speakers_pronoun_keeps_the_speaker_as_doer(pipeline, text):
    [arrest] = events_of(analyze(pipeline, text, "2015-08-07"), "COERCE")
    assert code(arrest.source) == "IRQCOP"


def test_who_the_news_comes_from_is_no_argument(pipeline):
    text = "قتل ثلاثة جنود أمريكيين، حسب مصادر في الشرطة العراقية."
    [killing] = events_of(analyze(pipeline, text, "2008-02-07"), "ASSAULT")
    assert (code(killing.source), code(killing.target)) == (None, "USAMIL")


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        ("قتل ثلاثة جنود عراقيين وأصيب خمسة آخرون في انفجار عبوة ناسفة في الموصل.", "أصيب"),
        ("مقتل ثلاثة أطباء أمريكيين وإصابة رابع في هجوم مسلح نفذه متطرف ضد مستشفى في صنعاء.", "إصابة"),
    ],
)
def test_others_wounded_are_more_of_the_victims_just_told(pipeline, text, injured):
    violent = events_of(analyze(pipeline, text, "2008-02-07"), "ASSAULT")
    killed = next(e for e in violent if e.trigger in ("قتل", "مقتل"))
    wounded = next(e for e in violent if e.trigger == injured)
    assert code(wounded.target) == code(killed.target) != None  # noqa: E711


def test_the_one_credited_with_an_attack_is_not_its_victim(pipeline):
    text = "مقتل ثلاثة أطباء أمريكيين في هجوم مسلح نفذه متطرف يمني."
    violent = events_of(analyze(pipeline, text, "2008-02-07"), "ASSAULT")
    death = next(e for e in violent if e.trigger == "مقتل")
    assert (code(death.source), code(death.target)) == ("YEMREB", "USAHLH")


def test_a_country_adjective_after_an_attack_noun_names_its_forces(pipeline):
    text = "قتل ثلاثة مدنيين في قصف إسرائيلي على غزة."
    violent = events_of(analyze(pipeline, text, "2008-02-07"), "ASSAULT")
    shelling = next(e for e in violent if e.trigger == "قصف")
    assert (code(shelling.source), shelling.source.confidence) == ("ISRMIL", 0.4)
    killing = next(e for e in violent if e.trigger == "قتل")
    assert code(killing.source) == "ISRMIL"
    assert code(killing.target) == "PSECVL"  # the attacker's adjective does not make the victims Israeli


def test_what_an_attack_noun_hit_in_its_relative_clause_is_its_target(pipeline):
    text = "قتل ثلاثة أشخاص في ضربة جوية استهدفت المنطقة القبلية الباكستانية."
    violent = events_of(analyze(pipeline, text, "2008-11-25"), "ASSAULT")
    strike = next(e for e in violent if e.trigger == "ضربة جوية")
    assert (code(strike.source), code(strike.target)) == (None, "PAK")


def test_a_subject_set_off_by_an_appositive_is_the_one_killed(pipeline):
    text = "المزارع إبراهيم، عشرين عاما، قتل بينما كان يعمل في أرضه."
    [killing] = events_of(analyze(pipeline, text, "2008-05-15"), "ASSAULT")
    assert (code(killing.source), code(killing.target)) == (None, "AGR")


def test_a_hollow_form_viii_perfect_is_a_verb(pipeline):
    # اغتال looks like a masdar (إفعال) but is the verb: its subject follows, the victims later
    text = "اغتال الطيران الإسرائيلي خمسة فلسطينيين في خان يونس."
    [killing] = events_of(analyze(pipeline, text, "2008-06-18"), "ASSAULT")
    assert killing.nominal is False
    assert (code(killing.source), code(killing.target)) == ("ISRMIL", "PSE")


def test_the_victims_group_after_the_verb_is_no_coordinated_doer(pipeline):
    text = "إسرائيل تغتال خمسة من كتائب القسام في غزة."
    [killing] = events_of(analyze(pipeline, text, "2008-06-18"), "ASSAULT")
    assert code(killing.source) == "ISR"
    assert code(killing.target).startswith("PSE")


def test_an_attack_with_no_named_target_hit_the_people_of_its_place(pipeline):
    [bombing] = events_of(analyze(pipeline, "انفجرت سيارة مفخخة في بغداد.", "2008-02-07"), "ASSAULT")
    assert (code(bombing.target), bombing.target.role, bombing.target.confidence) == (
        "IRQ",
        "victims-at-place",
        0.4,
    )
    # not the place it came from
    text = "أطلقت صواريخ كاتيوشا من جنوب لبنان."
    assert all(code(e.target) != "LBN" for e in analyze(pipeline, text, "2007-06-25").events)


def test_a_dateline_with_its_quoted_source_is_not_where_things_happened(pipeline):
    text = "لندن ـ «الشرق الأوسط»: انفجرت سيارة مفخخة أمس."
    [bombing] = events_of(analyze(pipeline, text, "2008-06-18"), "ASSAULT")
    assert bombing.place is None and bombing.target is None


@pytest.mark.parametrize(
    "text",
    [
        "قال شاهد لوكالة رويترز إن مسلحين هاجموا القافلة.",
        "وقال شاهد لـ«الشرق الأوسط» إن مسلحين هاجموا القافلة.",
    ],
)
def test_a_news_medium_is_never_a_recognised_party(pipeline, text):
    analysis = analyze(pipeline, text, "2008-12-23")
    assert all(a.role != "recognised-name" for a in analysis.actors)


def test_the_owner_of_a_weapon_used_it(pipeline):
    text = "أطلقت طائرة بدون طيار تابعة لوكالة المخابرات المركزية الأمريكية صواريخ على منزل."
    strike = events_of(analyze(pipeline, text, "2008-09-30"), "ASSAULT")[0]
    assert code(strike.source) == "USASPY"


def test_those_who_died_fighting_an_actor_were_killed_by_it(pipeline):
    text = "قتل ثلاثون متمردا في مواجهات مع قوات الأمن الأفغانية."
    [killing] = events_of(analyze(pipeline, text, "2008-08-24"), "ASSAULT")
    assert (code(killing.source), code(killing.target)) == ("AFGCOP", "AFGREB")


def test_an_attack_noun_with_a_possessive_pronoun_keeps_the_doer_told_before(pipeline):
    text = "واصلت إسرائيل عملياتها في غزة، وراح ضحية اعتداءاتها أمس سبعة فلسطينيين."
    attacks = [
        e for e in events_of(analyze(pipeline, text, "2008-01-17"), "ASSAULT") if e.trigger == "اعتداءاتها"
    ]
    assert [(code(e.source), code(e.target)) for e in attacks] == [("ISR", "PSE")]


def test_a_landmark_an_attack_happened_near_is_not_its_target(pipeline):
    text = "أطلق مسلحون قذائف على مدرسة بالقرب من السفارة الأمريكية في صنعاء."
    analysis = analyze(pipeline, text, "2008-03-19")
    assert all(code(e.target) != "USAGOV" for e in events_of(analysis, "ASSAULT"))


def test_firing_in_the_imperfect_is_an_attack(pipeline):
    text = "شاهد مسلحين من القبائل يطلقون النار على الطائرات الأمريكية."
    [firing] = events_of(analyze(pipeline, text, "2008-12-23"), "ASSAULT")
    assert (firing.cameo, code(firing.target)) == ("193", "USAMIL")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("اغتال الطيران الإسرائيلي، بعد ظهر امس خمسة فلسطينيين، في خان يونس.", "PSE"),
        ("قتلت القوات الأمريكية، أمس، خمسة مسلحين في الرمادي.", "IRQREB"),
    ],
)
def test_a_parenthetical_time_between_subject_and_object_is_skipped(pipeline, text, target):
    [killing] = events_of(analyze(pipeline, text, "2008-06-18"), "ASSAULT")
    assert code(killing.target) == target


def test_the_actor_behind_an_act_did_it(pipeline):
    text = "كان متشددو طالبان وراء خطف 23 متطوعا من كوريا الجنوبية."
    [kidnapping] = events_of(analyze(pipeline, text, "2008-04-23"), "ASSAULT")
    assert code(kidnapping.source) == "AFGREB"
    # a group the lexicon does not know is responsible: not the sentence's subject, who killed its leader
    text = "قتلت القوات الأمريكية قائد الجماعة المسؤولة عن الهجوم على السفارة."
    attack = next(e for e in events_of(analyze(pipeline, text), "ASSAULT") if e.trigger == "الهجوم")
    assert attack.source is None


@pytest.mark.parametrize(
    "text",
    [
        "قتل 17 شخصا أمس في تحطم مروحية عسكرية أفغانية في جنوب البلاد.",
        "لقي ثلاثة أشخاص مصرعهم في حادث سير على طريق الرياض.",
        "مقتل عشرة أشخاص جراء السيول في جدة.",
        "وقتلت أمطار موسمية غزيرة عشرات الأشخاص في الهند.",
        "مصرع شخصين بحريق في منزل بتبوك.",  # with ب, a fire
        "وأعلنت السلطات السيطرة على حرائق غابات أسفرت عن مقتل شرطي.",
    ],
)
def test_deaths_in_a_mishap_are_no_assault(pipeline, text):
    assert [e for e in analyze(pipeline, text, "2015-08-03").events if e.plover == "ASSAULT"] == []


def test_deaths_beside_an_attack_in_their_clause_stay_an_assault(pipeline):
    text = "قتل خمسة جنود جراء انفجار عبوة ناسفة قرب مكان تحطم مروحية."
    assert events_of(analyze(pipeline, text, "2015-08-03"), "ASSAULT")


def test_tear_gas_is_no_place_and_its_firers_are_its_source(pipeline):
    text = "وأطلقت قوات الأمن الغاز المسيل للدموع لتفريق المتظاهرين في بغداد."
    analysis = analyze(pipeline, text, "2019-10-20")
    assert [p.text for p in analysis.places] == ["بغداد"]  # "المسيل" is not M'Sila
    [gas] = [e for e in analysis.events if e.trigger == "الغاز المسيل للدموع"]
    assert (code(gas.source), code(gas.target)) == ("IRQCOP", "IRQCVL")


def test_a_claim_later_in_the_sentence_credits_the_toll_when_no_other_event_comes_between(pipeline):
    text = "قتل ثلاثة جنود في كمين، وقد تبنته حركة الشباب."
    analysis = analyze(pipeline, text, "2015-08-03")
    assert analysis.places == []  # "تبنته" (adopted it) is not the village تبنة
    killing = next(e for e in events_of(analysis, "ASSAULT") if e.trigger == "قتل")
    assert killing.source is not None and killing.source.text == "حركة الشباب"


def test_an_event_noun_at_the_very_end_of_the_text_has_no_owner_after_it(pipeline):
    # the owner is looked for right after the noun, never past the end of the document
    events = events_of(analyze(pipeline, "قتل ثلاثة في هجوم", "2015-08-03"), "ASSAULT")
    assert [e.source for e in events if e.trigger == "هجوم"] == [None]


def test_the_owner_is_the_one_after_the_weapons_own_belonging_word(pipeline):
    # an earlier "تابعة ل" in the sentence names the owner of something else
    text = "كانت آلية تابعة للجيش الأمريكي قرب طائرة بدون طيار تابعة لحركة الشباب أطلقت صواريخ."
    drone = next(e for e in analyze(pipeline, text, "2015-08-03").events if e.trigger == "طائرة بدون طيار")
    assert drone.source.text == "حركة الشباب"


def test_air_defences_are_the_forces_that_shoot_down(pipeline):
    analysis = analyze(pipeline, "وأسقطت الدفاعات الجوية السعودية طائرة مسيرة للحوثيين.", "2015-08-06")
    [downing] = events_of(analysis, "ASSAULT")
    assert (code(downing.source), code(downing.target)) == ("SAUMIL", "YEMREB")


# ---------------------------------------------------------------- from the audit of every coded event


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("زار الرئيس المصري موسكو أمس.", "RUS"),  # the place visited is the host
        ("وصل الرئيس المصري إلى موسكو في زيارة رسمية.", "RUS"),  # named before the visit noun
        ("استقبل الملك سلمان الرئيس اليمني عبدربه منصور هادي.", "YEMGOV"),
    ],
)
def test_a_visit_or_reception_is_made_to_someone(pipeline, text, target):
    [event] = [e for e in analyze(pipeline, text, "2015-08-06").events if e.cameo in ("042", "043")]
    assert code(event.target) == target


@pytest.mark.parametrize(
    "text",
    [
        "أصبحت عدن تستقبل المساعدات الإنسانية القادمة من المنظمات.",  # aid is received, nobody hosted
        "وحذرت السلطات السياح الذين يزورون المتنزه كل عام.",  # tourism
        "وأعرب عن تقديره لكرم الضيافة وحسن الاستقبال.",
    ],
)
def test_a_visit_or_reception_without_anyone_received_is_no_event(pipeline, text):
    assert [e.cameo for e in analyze(pipeline, text, "2015-08-06").events if e.cameo[:2] == "04"] == []


def test_achieving_is_not_investigating_but_the_police_investigate(pipeline):
    achieved = "الانتصارات التي حققتها المقاومة الشعبية في عدن أسعدت اليمنيين."
    assert [e.cameo for e in analyze(pipeline, achieved, "2015-08-06").events if e.cameo == "090"] == []
    [inquiry] = [
        e for e in analyze(pipeline, "وحققت الشرطة في الحادث.", "2015-08-06").events if e.cameo == "090"
    ]
    assert code(inquiry.source).endswith("COP")


def test_a_nisba_adjective_is_not_the_event_noun(pipeline):
    # "اجتماعي" (social) shares its key with "اجتماع" (a meeting)
    text = "وأكد أن الرياضة مطلب نفسي واجتماعي للشباب."
    assert [e.cameo for e in analyze(pipeline, text, "2015-08-06").events if e.cameo[:2] == "04"] == []
    assert [e.cameo for e in analyze(pipeline, "وعقد المجلس اجتماعا طارئا.", "2015-08-06").events] == ["040"]


SPORTS_STORY = (
    "فاز المنتخب السعودي على نظيره الياباني في المباراة التي أقيمت على ملعب الملك فهد. "
    "وقال المدرب إن اللقاء كان صعبا، وأعلن اللاعب اعتزاله بعد المباراة. "
    "واعتقلت الشرطة عشرات المشجعين بعد أعمال شغب في الملعب."
)


BUSINESS_STORY = (
    "أعلنت الشركة أن أرباحها ارتفعت في الربع الثاني، وارتفعت الأسهم في البورصة. "
    "وقال الرئيس التنفيذي للشركة إن المستثمرين رحبوا بالنتائج. "
    "وأكد وزير المالية السعودي أن الحكومة ستدعم السوق."
)


@pytest.mark.parametrize(
    ("story", "kept"),
    [
        # the match, the coach's words and the player's retirement are not political events; the arrest
        # and the riot are
        (SPORTS_STORY, [("17", "SAUCOP"), ("14", None)]),
        # the company's announcement and its chief executive's words are not; the minister's are
        (BUSINESS_STORY, [("01", "SAUGOV")]),
    ],
    ids=["sports", "business"],
)
def test_an_off_politics_story_keeps_only_what_involves_a_political_actor(pipeline, story, kept):
    events = analyze(pipeline, story, "2015-08-06").events
    assert [(e.cameo[:2], code(e.source)) for e in events] == kept


def test_a_match_is_a_meeting_only_outside_a_sports_story(pipeline):
    alone = analyze(pipeline, "وقال المدرب إن اللقاء كان صعبا.", "2015-08-06").events
    assert [e.cameo for e in alone] == ["040"]


def test_the_shells_fired_by_rebels_hit_the_resident(pipeline):
    # "أطلقها" credits the shells to the rebels after it; "متمردون حوثيون" is one mention, the Houthis';
    # "قذائف هاون" is one trigger; "مقيم يمني" is a Yemeni resident
    text = "أصيب مقيم يمني بشظايا قذائف هاون أطلقها متمردون حوثيون على حي القابل بنجران."
    events = analyze(pipeline, text, "2015-07-31").events
    assert [(e.trigger, code(e.source), code(e.target)) for e in events] == [
        ("أصيب", "YEMREB", "YEMCVL"),
        ("قذائف هاون", "YEMREB", "YEMCVL"),
    ]


def test_the_owner_of_the_positions_shelled_is_the_target(pipeline):
    text = "وأضاف أن الجيش المصري يواصل قصف مواقع المتشددين في العريش."
    [shelling] = with_trigger(pipeline, text, "2015-07-31", "قصف")
    assert (code(shelling.source), code(shelling.target)) == ("EGYMIL", "EGYREB")


def test_the_investigators_are_no_talks(pipeline):
    # "المباحث" shares its key with "مباحثات", which the lexicon lists only with its plural ending
    text = "وقبض رجال المباحث على المتهم."
    assert [e.cameo for e in analyze(pipeline, text, "2015-07-31").events if e.cameo[:2] == "04"] == []
    assert [e.cameo for e in analyze(pipeline, "وجرت مباحثات بين الوزيرين.", "2015-07-31").events] == ["040"]


def test_a_story_about_a_novel_codes_nothing_of_its_plot(pipeline):
    text = (
        "صدرت للروائي المصري رواية جديدة بعنوان الظل. وفي الرواية يقتل البطل شقيقه ثم يهرب إلى الصحراء. "
        "ويقول الشاعر إن الأدب مرآة المجتمع."
    )
    # (a plot's police or army would still be coded: the rule keeps events with a political actor)
    assert analyze(pipeline, text, "2015-07-31").events == []
    plot = "وفي الرواية يقتل البطل شقيقه ثم يهرب إلى الصحراء."
    assert [e.cameo[:2] for e in analyze(pipeline, plot, "2015-07-31").events] == ["18"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # about the state named as a place, not the speaker's own state named first
        ("أكد وزير الخارجية السعودي أن المملكة حريصة على علاقاتها مع إيران.", "IRN"),
        ("وقال مسؤول أمريكي إن جبهة النصرة هاجمت مقاتلين معارضين.", "SYRREB"),
    ],
)
def test_a_statement_is_about_the_first_actor_its_content_names(pipeline, text, target):
    [statement] = [e for e in analyze(pipeline, text, "2015-07-31").events if e.cameo == "010"]
    assert code(statement.target) == target


def test_is_called_is_no_statement_and_the_army_achieves(pipeline):
    # "يدعى" (is called) is written with alif maqsura; the speech verb "يدعي" (claims) with ya
    named = analyze(pipeline, "وقتل شاب يدعى محمد في الحادث.", "2015-07-31").events
    assert [e.cameo for e in named if e.cameo == "010"] == []
    claims = analyze(pipeline, "ويدعي الحوثيون أن القوات انسحبت.", "2015-07-31").events
    assert [e.cameo for e in claims if e.cameo == "010"] == ["010"]
    achieved = analyze(pipeline, "وأشاد بالانتصارات التي حققها الجيش اليمني في عدن.", "2015-07-31").events
    assert [e.cameo for e in achieved if e.cameo == "090"] == []


def test_a_plural_in_the_accusative_after_the_verb_is_its_object(pipeline):
    # "قتل مسلحين": gunmen (accusative) were killed; "قتل مسلحون ... جنود": gunmen (nominative) killed
    [killed] = analyze(pipeline, "قتل مسلحين حوثيين في صعدة.", "2015-07-31").events
    assert (killed.source, code(killed.target)) == (None, "YEMREB")
    [killing] = analyze(pipeline, "قتل مسلحون حوثيون ثلاثة جنود في صعدة.", "2015-07-31").events
    assert code(killing.source) == "YEMREB"


def test_the_name_after_is_called_is_no_other_actor(pipeline):
    [killing] = analyze(pipeline, "وقتل شاب يدعى محمد في الحادث.", "2015-07-31").events
    assert killing.source is None


# ---------------------------------------------------------------- the third sample of the audit's dev half


def test_a_pronoun_after_the_verb_leaves_the_counted_nouns_its_victims(pipeline):
    # "قتل فيها 30 أميركيا": thirty Americans were killed in it (the helicopter), they killed nobody
    text = "وأسقط المتمردون طائرة أمريكية عام 2011 قتل فيها 30 أميركيا."
    [killing] = [e for e in analyze(pipeline, text, "2015-08-07").events if e.cameo == "180"]
    assert code(killing.target) == "USA"
    assert code(killing.source) != "USA"


def test_a_verb_right_after_an_indefinite_attack_noun_tells_more_of_that_attack(pipeline):
    # "هجوم مسلح استهدف مركزا": an armed attack that targeted a centre; the wounded did not target it
    # (the attack noun carries what the verb says it hit; the verb is no second attack)
    text = "أصيب سبعة أشخاص بجروح في هجوم مسلح استهدف مركزا للشرطة في إسطنبول."
    events = analyze(pipeline, text, "2015-08-10").events
    [attack] = [e for e in events if e.trigger == "هجوم مسلح"]
    assert attack.source is None
    assert code(attack.target) == "TURCOP"
    assert not [e for e in events if e.trigger == "استهدف"]
    # after a definite noun in a prepositional phrase the verb opens a clause of its own
    later = analyze(pipeline, "وبعد الهجوم قصفت الطائرات الروسية مواقع داعش.", "2015-08-10").events
    assert [code(e.source) for e in later if e.trigger == "قصفت"] == ["RUSMIL"]


def test_the_head_of_a_relative_clause_may_be_the_one_killed(pipeline):
    [killed] = [
        e
        for e in analyze(pipeline, "وشيع الأهالي الجنود الذين قتلوا في الهجوم.").events
        if e.trigger == "قتلوا"
    ]
    assert killed.source is None and killed.target is not None and killed.target.text == "الجنود"
    [killing] = [
        e
        for e in analyze(pipeline, "واعتقل الجيش المسلحين الذين قتلوا خمسة جنود.").events
        if e.trigger == "قتلوا"
    ]
    assert killing.source is not None and killing.source.text == "المسلحين"


def test_an_aside_between_the_speaker_and_the_complementiser_keeps_the_speech(pipeline):
    text = "قال مسؤولون في قطاع الصحة، اليوم (الخميس)، إن انفجارا وقع في رفح."
    [blast] = [e for e in analyze(pipeline, text, "2015-08-06").events if e.cameo == "183"]
    assert blast.modality == "reported"
    assert blast.source is None  # the officials tell of the blast, they did not set it off


@pytest.mark.parametrize(
    "text",
    [
        "واستخدم الطالب قلم رصاص وورقة بيضاء.",  # a pencil, not gunfire
        "وقال سموه: بارك الله لكم وبكم.",  # a blessing, not praise
        "فهل يطور الوزير الصناعة كما يقال.",  # "as is said": nobody's statement
        "وينتظر أن يحدد الاجتماع موعدا قاطعا لبدء الحوار.",  # "decisive", not a boycott
        "ووجد المدنيون أنفسهم بين مطرقة الحكومة وسندان داعش.",  # an anvil, not "دان" (condemned)
        "واستعرضت اللجنة التحديات التي واجهتها.",  # challenges, not defiance
    ],
)
def test_set_phrases_hold_no_event(pipeline, text):
    assert [
        (e.trigger, e.cameo) for e in analyze(pipeline, text, "2015-08-06").events if e.cameo[:2] != "04"
    ] == []


def test_a_club_official_in_a_sports_story_is_no_political_actor(pipeline):
    text = SPORTS_STORY + " ورفض مسؤولي النادي الأردني العرض."
    assert [e.cameo[:2] for e in analyze(pipeline, text, "2015-08-06").events] == ["17", "14"]


@pytest.mark.parametrize(
    "text",
    [
        "وأكدت مصادر المقاومة أن قواتها وصلت إلى مشارف قاعدة العند.",  # its own forces
        "وقال مصدر أمني مصري إنه تم الإفراج عن المتهم من محكمة بنها.",  # where he was released from
    ],
)
def test_a_statement_is_not_about_its_own_side_or_a_place_of_its_content(pipeline, text):
    [statement] = [e for e in analyze(pipeline, text, "2015-07-31").events if e.cameo[:2] == "01"]
    assert statement.target is None


def test_an_armed_subject_right_before_a_verb_and_a_count_is_its_doer(pipeline):
    # the masculine singular verb shows no agreement; an army is no victim of "يعتقل"
    [arrest] = analyze(
        pipeline, "الجيش الباكستاني يعتقل آلاف الإرهابيين في عملية عسكرية.", "2015-07-25"
    ).events[:1]
    assert (code(arrest.source), code(arrest.target)) == ("PAKMIL", "PAKREB")
    # a civilian before the verb is still the one killed
    [killed] = [
        e for e in analyze(pipeline, "مدني قتل في الهجوم.", "2015-07-25").events if e.trigger == "قتل"
    ]
    assert killed.source is None


def test_the_doer_after_nafadhatha_and_a_verb_joined_after_it(pipeline):
    text = "قتل ستة أشخاص في عملية انتحارية نفذتها حركة طالبان واستهدفت الشرطة الأفغانية."
    events = analyze(pipeline, text, "2015-08-07").events
    assert {code(e.source) for e in events if e.cameo == "1831"} == {"AFGREB"}  # not the police it targeted


@pytest.mark.parametrize(
    "text",
    [
        "وقتل عضوان من قوات الأمن وفقا لما أعلنته الشرطة.",
        "وقتل عضوان من قوات الأمن طبقا لما ذكره جول محمد بيدار نائب حاكم إقليم باداخشان.",
    ],
)
def test_who_the_news_comes_from_after_what_it_said_is_no_argument(pipeline, text):
    [killing] = with_trigger(pipeline, text, "2015-07-26", "قتل")
    assert killing.source is None
    assert killing.target is not None and killing.target.text == "قوات الأمن"


def test_a_speech_verb_inside_an_attribution_is_no_statement(pipeline):
    events = analyze(pipeline, "وقتل ثلاثة جنود بحسب ما ذكرت وكالة الأنباء.", "2015-07-26").events
    assert [e.trigger for e in events] == ["قتل"]


def test_who_claims_an_attack_did_it(pipeline):
    text = "وتعرضت كينيا لسلسلة من هجمات أعلنت حركة الشباب الصومالية المسؤولية عنها."
    events = analyze(pipeline, text, "2015-07-25").events
    [attacks] = [e for e in events if e.trigger == "هجمات"]
    assert (code(attacks.source), code(attacks.target)) == ("IMG", "KEN")
    # the claim is the group's statement, not Kenya's
    assert [code(e.source) for e in events if e.cameo == "010"] == ["IMG"]


def test_a_quotation_after_the_speech_verb_holds_no_speaker(pipeline):
    text = "وقال المتحدث باسم الجيش الأفغاني إن الاشتباكات مستمرة. وتابع «أصيب خمسة جنود في الاشتباكات»."
    statements = [e for e in analyze(pipeline, text, "2015-07-26").events if e.cameo[:2] == "01"]
    # the spokesman goes on speaking; the wounded soldiers are what he said
    assert [(e.trigger, e.source.text) for e in statements] == [
        ("قال", "الجيش الأفغاني"),
        ("تابع", "الجيش الأفغاني"),
    ]
    # a few words in quotation marks after the verb are the speaker's name
    named = analyze(pipeline, "وقال «ولد الشيخ أحمد» في مؤتمر صحافي إن الحل السياسي هو الوحيد.", "2015-07-31")
    assert [e.source.text for e in named.events if e.trigger == "قال"] == ["ولد الشيخ أحمد"]


def test_violence_does_not_take_the_subject_of_an_earlier_sentence(pipeline):
    text = "وزار الرئيس التركي مدينة سوروتش. وتظهر الصور جثثا ممددة على الأرض بفعل الانفجار."
    [blast] = with_trigger(pipeline, text, "2015-07-21", "الانفجار")
    assert blast.source is None
    # the strikes told before are still the strikes' own doer's
    again = "شنت الطائرات الروسية غارات على حلب. وأسفرت الغارات عن مقتل عشرة مدنيين."
    [strikes] = with_trigger(pipeline, again, "2015-10-01", "الغارات")
    assert code(strikes.source) == "RUSMIL"


def test_an_attack_told_again_is_not_done_by_who_condemned_it(pipeline):
    text = "الأمير نايف: العمل الإرهابي في المسجد عمل جبان. وقال سموه إن هذا العمل الإرهابي يتنافى مع الدين."
    again = with_trigger(pipeline, text, "2015-08-10", "العمل الإرهابي")[-1]
    # the attack told before is the same attack; the prince who spoke of it did not carry it out
    assert again.source is None
    strikes = "شنت الطائرات الروسية غارات على حلب. وأسفرت الغارات عن مقتل عشرة مدنيين."
    [told_again] = with_trigger(pipeline, strikes, "2015-10-01", "الغارات")
    assert code(told_again.source) == "RUSMIL"  # forces told before keep their attack


def test_a_statement_to_the_press_is_not_made_by_a_journalist(pipeline):
    text = "وقال مصدر أمني مصري في تصريح صحفي إنه تم الإفراج عن المتهم."
    analysis = analyze(pipeline, text, "2015-07-23")
    assert "MED" not in {a.code for a in analysis.actors}
    # the release is told in the impersonal passive: by nobody the sentence names
    [release] = [e for e in analysis.events if e.cameo == "0841"]
    assert release.source is None
    # a journalist killed is one
    killed = analyze(pipeline, "وقتل صحفي في بغداد.", "2015-07-23")
    assert [code(e.target) for e in killed.events] == ["MED"]


def test_the_impersonal_passive_keeps_an_agent_phrase(pipeline):
    text = "وقالت الشرطة إنه تم اعتقال ثلاثة مسلحين من قبل قوات الأمن."
    [arrest] = [e for e in analyze(pipeline, text, "2015-07-24").events if e.cameo == "173"]
    assert arrest.source is not None and arrest.source.text == "قوات الأمن"


def test_a_battle_in_a_place_is_not_fought_against_its_people(pipeline):
    [battle] = analyze(pipeline, "اندلعت معارك عنيفة في مدينة حلب أمس.", "2015-07-26").events
    assert battle.target is None
    # a bombing of a town hits its people
    [bombing] = analyze(pipeline, "انفجرت سيارة مفخخة في مدينة حلب أمس.", "2015-07-26").events
    assert code(bombing.target) == "SYR"


def test_what_an_attack_noun_hit_as_the_subject_of_istahdafa_is_its_target(pipeline):
    # the verb after the noun, with words between, and the actor inside its object phrase
    text = "وقالت الشرطة إن الهجوم الأخير استهدف حاجزا للجيش العراقي شمال بغداد."
    violent = events_of(analyze(pipeline, text, "2015-07-21"), "ASSAULT")
    attack = next(e for e in violent if e.trigger == "الهجوم")
    assert (code(attack.source), code(attack.target)) == (None, "IRQMIL")
    # the verb tells the same attack: no second event (nor the speaker before it as its subject)
    assert not [e for e in violent if e.trigger == "استهدف"]
    # the verb before the noun: the owner in the object is what was hit, not who bombed
    text = "وقد استهدف التفجير مقرا لحزب الله في الضاحية الجنوبية."
    bombing = next(
        e for e in events_of(analyze(pipeline, text, "2015-07-21"), "ASSAULT") if e.trigger == "التفجير"
    )
    assert (code(bombing.source), code(bombing.target)) == (None, "LBNREB")
    text = (
        "وأضاف أن التفجيرات التي وقعت صباح أمس، في حي الزهراء، استهدفت سيارات تعود لعناصر في الشرطة العراقية."
    )
    [bombing] = events_of(analyze(pipeline, text, "2015-07-21"), "ASSAULT")
    assert code(bombing.target) == "IRQCOP"


def test_the_object_of_istahdafa_ends_before_the_next_clause(pipeline):
    text = "ووقع الانفجار الذي استهدف المسجد وأحالت النيابة المتهمين إلى المحكمة."
    blast = next(e for e in analyze(pipeline, text, "2015-08-07").events if e.trigger == "الانفجار")
    assert blast.target is None  # the mosque is no actor; the court and the accused are the next clause's


def test_fighters_of_a_group_are_the_group_and_all_coordinated_victims_are_victims(pipeline):
    text = "أسفرت الغارات عن مصرع 2076 مقاتلا من الفصائل المقاتلة وجبهة النصرة."
    violent = events_of(analyze(pipeline, text, "2015-07-21"), "ASSAULT")
    deaths = [e for e in violent if e.trigger == "مصرع"]
    assert {code(e.source) for e in deaths} == {None}
    assert [e.target.text for e in deaths] == ["مقاتلا من الفصائل المقاتلة", "جبهة النصرة"]
    assert all(code(e.source) is None for e in violent)  # the fighters killed are nobody's doers


def test_laqiya_masra_ahu_is_one_death(pipeline):
    text = "لقي خمسة أشخاص مصرعهم في هجوم للمسلحين على قرية."
    violent = events_of(analyze(pipeline, text, "2015-07-21"), "ASSAULT")
    assert [e.trigger for e in violent if e.trigger.startswith("مصرع")] == []
    assert [e.trigger for e in violent if e.trigger.startswith("لقي")] == ["لقي"]


def test_a_protest_against_an_actor_fronted_before_the_verb_is_done_by_the_subject_after_it(pipeline):
    text = "وأمام مكتب محافظ البصرة، تظاهر أمس نحو 500 شخص يرفعون الأعلام العراقية."
    [protest] = events_of(analyze(pipeline, text, "2015-08-02"), "PROTEST")
    assert (protest.source.text, code(protest.source)) == ("شخص", "IRQCVL")
    assert (protest.target.text, code(protest.target)) == ("محافظ", "IRQGOV")


def test_a_killing_told_passively_in_an_actors_operations_is_that_actors(pipeline):
    text = "وتم قتل 11 مسلحا غرب المدينة في عمليات للقوات الأمنية العراقية."
    [killing] = events_of(analyze(pipeline, text, "2015-07-24"), "ASSAULT")
    assert (code(killing.source), code(killing.target)) == ("IRQMIL", "IRQREB")
    text = "قتل خمسة مسلحين في حملة للجيش المصري في سيناء."
    [killing] = events_of(analyze(pipeline, text, "2015-07-24"), "ASSAULT")
    assert code(killing.source) == "EGYMIL"


def test_a_member_named_after_the_victim_noun_is_the_victim_not_the_doer(pipeline):
    text = (
        "قال الجيش الأمريكي إنه تمكن من مقتل العضو البارز بتنظيم القاعدة محسن الفضلي في ضربة جوية في سوريا."
    )
    violent = events_of(analyze(pipeline, text, "2015-07-22"), "ASSAULT")
    # "تمكن من": the speaker (the pronoun on إن) carried it out
    killing = next(e for e in violent if e.trigger == "مقتل")
    assert (code(killing.source), killing.target.text) == ("USAMIL", "العضو البارز بتنظيم القاعدة")
    # the strike hit the one its toll names, not the people of the place
    strike = next(e for e in violent if e.trigger == "ضربة جوية")
    assert (code(strike.source), strike.target.text) == ("USAMIL", "العضو البارز بتنظيم القاعدة")


def test_a_verb_after_a_preposition_is_its_verbal_noun_done_by_the_subject_who_managed_it(pipeline):
    text = "تمكنت القوات العراقية من قتل 20 مسلحا في الأنبار."
    [killing] = events_of(analyze(pipeline, text, "2015-07-24"), "ASSAULT")
    assert killing.nominal is True
    assert (code(killing.source), code(killing.target)) == ("IRQMIL", "IRQREB")
    # its genitive is the victim, not a doer of the victims' nationality
    text = "وقال الوزير إن قادة الاحتلال يحرضون على قتل الأطفال الفلسطينيين."
    [killing] = events_of(analyze(pipeline, text, "2015-08-01"), "ASSAULT")
    assert (killing.source, code(killing.target)) == (None, "PSECVL")
    # in reported speech a verb of carrying out keeps the doer ("أقدم على", "متورطين في")
    text = "وقالت اللجنة إن المسلحين كانوا متورطين في قتل شرطيين في غروزني."
    [killing] = events_of(analyze(pipeline, text, "2015-08-02"), "ASSAULT")
    assert killing.source.text == "المسلحين"


def test_the_place_in_an_event_nouns_relative_clause_is_where_it_happened(pipeline):
    text = "عبر مجلس الأمن الوطني الأمريكي في واشنطن عن إدانته للهجمات التي وقعت مؤخرا في أبها."
    attack = next(e for e in analyze(pipeline, text, "2015-08-07").events if e.trigger == "لهجمات")
    assert attack.place is not None and attack.place.text == "أبها"
    assert code(attack.target) == "SAU"


@pytest.mark.parametrize(
    "text",
    [
        "وقالت الشرطة إنها تمكنت من إحباط هجوم إرهابي في الرياض.",
        "وأحبطت القوات العراقية هجوما انتحاريا في الرمادي.",
    ],
)
def test_a_thwarted_attack_did_not_happen_and_the_thwarter_did_not_do_it(pipeline, text):
    [attack] = [e for e in analyze(pipeline, text, "2015-08-07").events if e.trigger.startswith("هجوم")]
    assert attack.modality == "negated" and attack.source is None


def test_who_planned_a_thwarted_attack_is_its_doer_and_a_conjoined_event_is_not_thwarted(pipeline):
    text = "وأكد المتحدث الأمني إحباط عمليات إرهابية خطط لها تنظيم داعش في الرياض."
    [plot] = with_trigger(pipeline, text, "2015-07-21", "عمليات إرهابية")
    assert (plot.modality, code(plot.source)) == ("negated", "IMG")
    text = "كما تم إحباط مخطط آخر في الطائف وقتل الإرهابي المطلوب."
    [killing] = with_trigger(pipeline, text, "2015-07-21", "قتل")
    assert killing.modality == "asserted"


def test_a_threatened_bombing_of_a_states_cities_targets_that_state(pipeline):
    text = "وهدد الحوثيون بقصف المدن السعودية."
    [bombing] = with_trigger(pipeline, text, "2015-07-21", "قصف")
    # the adjective describes the cities hit, not the forces that would bomb them
    assert (bombing.source, code(bombing.target), bombing.modality) == (None, "SAU", "intended")


def test_the_genitive_of_an_attempted_assassination_is_its_target(pipeline):
    text = "وفشلت محاولة لاغتيال وزير الداخلية اليمني في عدن."
    [attempt] = [e for e in analyze(pipeline, text, "2015-07-21").events if e.cameo == "185"]
    assert (attempt.source, code(attempt.target)) == (None, "YEMGOV")


def test_preparing_for_an_attack_is_an_intention(pipeline):
    text = "وتستعد القوات العراقية لشن هجوم على الموصل."
    [attack] = with_trigger(pipeline, text, "2016-10-01", "هجوم")
    assert (attack.modality, code(attack.source)) == ("intended", "IRQMIL")


# ---------------------------------------------------------------- verbs joined by و


def test_a_conjoined_verb_shares_the_subject_not_the_object_of_the_verb_before(pipeline):
    text = "داهمت قوات الأمن العراقية منزل ناشط مدني في الناصرية واعتقلته."
    arrests = with_trigger(pipeline, text, "2020-02-16", "اعتقلته")
    assert [(code(e.source), code(e.target)) for e in arrests] == [("IRQCOP", "IRQCVL")]


def test_the_object_pronoun_of_a_conjoined_verb_is_the_last_actor_before_it(pipeline):
    text = "اعتقلت الشرطة التركية صحفيا في إسطنبول، واتهمته بنشر دعاية لمنظمة إرهابية."
    [accusation] = [e for e in analyze(pipeline, text, "2022-10-25").events if e.cameo.startswith("11")]
    assert code(accusation.source) == "TURCOP"
    assert accusation.target is not None and accusation.target.text == "صحفيا"


def test_with_its_object_a_pronoun_a_conjoined_verbs_subject_follows_it_past_a_place(pipeline):
    text = "وصل وزير الخارجية القطري إلى القاهرة، واستقبله في قصر الاتحادية الرئيس المصري."
    [hosting] = [e for e in analyze(pipeline, text, "2021-05-25").events if e.cameo == "043"]
    assert (code(hosting.source), code(hosting.target)) == ("EGYGOV", "QATGOV")


# ---------------------------------------------------------------- appeals and demands made by speech verbs


def test_a_demand_is_coded_as_a_demand_of_its_addressee_past_coordinated_speakers(pipeline):
    text = "طالبت الأمم المتحدة والاتحاد الأوروبي السلطات السودانية بالإفراج الفوري عن المعتقلين."
    demands = [e for e in analyze(pipeline, text, "2019-01-20").events if e.cameo.startswith("10")]
    assert [(e.cameo, code(e.source), code(e.target), e.modality) for e in demands] == [
        ("1053", "IGO", "SDNGOV", "asserted")
    ]


def test_an_appeal_with_ila_is_an_appeal_and_what_is_asked_is_no_addressee(pipeline):
    analysis = analyze(pipeline, "دعا الكونغرس الأميركي إلى رفع الحظر التجاري عن كوبا.", "2015-07-21")
    [appeal] = [e for e in analysis.events if e.trigger == "دعا"]
    assert (appeal.cameo, code(appeal.source), appeal.target, appeal.modality) == (
        "020",
        "USALEG",
        None,
        "asserted",
    )
    text = "طالب مجلس النواب الليبي بخروج جميع القوات الأجنبية من الأراضي الليبية."
    [demand] = with_trigger(pipeline, text, "2021-03-20", "طالب")
    assert (demand.cameo, code(demand.source), demand.target) == ("100", "LBYLEG", None)


def test_a_speech_verb_without_what_it_asks_stays_a_statement(pipeline):
    analysis = analyze(pipeline, "وطالبت المعارضة الحكومة بأن تستقيل.", "2015-07-21")
    assert [e.cameo for e in analysis.events if e.trigger == "طالبت"] == ["010"]


# ---------------------------------------------------------------- schedules, "any" under negation, counterparts


def test_a_schedule_before_the_verb_makes_it_future_and_a_counterpart_takes_its_nisba(pipeline):
    text = "من المقرر أن يستقبل الرئيس التركي نظيره الإيراني في أنقرة غدا الثلاثاء."
    [hosting] = [e for e in analyze(pipeline, text, "2023-03-01").events if e.cameo == "043"]
    assert (code(hosting.source), code(hosting.target), hosting.modality) == ("TURGOV", "IRNGOV", "future")


def test_a_bare_counterpart_is_no_actor_of_the_contexts_country(pipeline):
    analysis = analyze(pipeline, "التقى وزير الخارجية السعودي نظيره في الرياض.", "2023-03-01")
    assert [a.text for a in analysis.actors] == ["وزير الخارجية السعودي"]


def test_a_noun_after_ay_is_under_the_negation_before_it(pipeline):
    text = "لم تشن الطائرات الروسية أي غارات على ريف إدلب الجنوبي منذ مطلع الشهر الجاري."
    [strikes] = events_of(analyze(pipeline, text), "ASSAULT")
    assert strikes.modality == "negated"
    [asserted] = events_of(analyze(pipeline, "شنت الطائرات الروسية غارات على أي هدف يتحرك."), "ASSAULT")
    assert asserted.modality == "asserted"


# ---------------------------------------------------------------- tolls, instruments, people of a country


def test_those_among_the_killed_are_victims_not_the_doer(pipeline):
    text = "مقتل 9 مدنيين بينهم أطفال في غارة لطائرات التحالف الدولي على بلدة هجين شرقي دير الزور."
    [toll] = with_trigger(pipeline, text, "2018-11-20", "مقتل")
    assert (code(toll.source), code(toll.target)) == ("USAMIL", "SYRCVL")


def test_the_aircraft_an_air_strike_was_made_with_is_the_doers(pipeline):
    text = "قتل ثلاثة عناصر من حزب الله في غارة بطائرة مسيرة إسرائيلية استهدفت سيارتهم جنوبي لبنان."
    events = analyze(pipeline, text, "2024-03-12").events
    assert {code(e.source) for e in events if e.cameo.startswith(("18", "19"))} == {"ISRMIL"}
    [toll] = [e for e in events if e.trigger == "قتل"]
    assert code(toll.target) == "LBNREB"


def test_people_arrested_or_protesting_are_of_the_place_or_the_arresting_state(pipeline):
    [arrest] = analyze(pipeline, "اعتقلت الشرطة التركية صحفيا.", "2022-10-25").events
    assert code(arrest.target) == "TURMED"
    text = "تظاهر آلاف الطلاب في الجزائر العاصمة."
    [protest] = events_of(analyze(pipeline, text, "2019-03-26"), "PROTEST")
    assert code(protest.source) == "DZAEDU"
    [killing] = events_of(analyze(pipeline, "قتل مسلحون صحفيا.", "2019-03-26"), "ASSAULT")
    assert code(killing.target) == "MED"  # nothing says whose journalist he was


def test_a_feminine_verb_joined_after_a_comma_with_a_count_after_it_is_active(pipeline):
    text = "داهمت الشرطة التونسية منزلا، واعتقلت ثلاثة مشتبه بهم."
    [arrest] = with_trigger(pipeline, text, "2016-01-01", "اعتقلت")
    assert (code(arrest.source), code(arrest.target)) == ("TUNCOP", "TUNCRM")


def test_the_verb_restating_a_foiled_attack_is_no_second_attack(pipeline):
    text = "أحبطت الشرطة التونسية هجوما إرهابيا كان يستهدف دورية أمنية في القصرين."
    attacks = events_of(analyze(pipeline, text, "2016-01-01"), "ASSAULT")
    assert {e.trigger for e in attacks} == {"هجوما إرهابيا"}
    assert {e.modality for e in attacks} == {"negated"}


def test_an_event_noun_after_a_verb_of_carrying_out_is_that_verbs_subjects(pipeline):
    text = "هاجم مستوطنون بلدة حوارة، فيما أطلق الجيش الإسرائيلي قنابل الغاز المسيل للدموع على الأهالي."
    [gas] = [e for e in analyze(pipeline, text, "2023-02-26").events if e.cameo == "175"]
    assert code(gas.source) == "ISRMIL"
    text = "وكانت قوات الأسد وحزب الله بدأت هجوما واسعا على الزبداني."
    attackers = {code(e.source) for e in events_of(analyze(pipeline, text, "2015-07-21"), "ASSAULT")}
    assert attackers == {"SYRMIL", "LBNREB"}


def test_a_bare_indefinite_person_after_an_arrest_verb_with_no_object_was_arrested(pipeline):
    text = "اعتقل ناشط حقوقي مصري بارز من منزله في القاهرة فجر الخميس."
    [arrest] = analyze(pipeline, text, "2016-01-01").events
    assert (arrest.source, code(arrest.target)) == (None, "EGYOPP")
    [killing] = analyze(pipeline, "قتل مسلح شرطيا في بغداد.", "2016-01-01").events
    assert (code(killing.source), code(killing.target)) == ("IRQREB", "IRQCOP")


def test_what_a_speaker_denies_having_done_with_be_is_the_speakers(pipeline):
    text = "نفت جماعة الحوثيين أن تكون قد استهدفت ناقلة نفط سعودية قبالة سواحل جازان."
    [attack] = events_of(analyze(pipeline, text, "2020-01-01"), "ASSAULT")
    assert (code(attack.source), code(attack.target), attack.modality) == ("YEMREB", "SAUBUS", "negated")
    [shelling] = events_of(analyze(pipeline, "نفى الجيش الإسرائيلي أن يكون قد قصف المستشفى."), "ASSAULT")
    assert (code(shelling.source), shelling.modality) == ("ISRMIL", "negated")


def test_an_armies_attack_or_one_on_an_army_is_military_force_and_one_on_a_market_is_not(pipeline):
    text = "هاجم عناصر من تنظيم داعش نقطة تفتيش للجيش العراقي في محافظة ديالى."
    assert [e.cameo for e in events_of(analyze(pipeline, text, "2021-01-25"), "ASSAULT")] == ["190"]
    text = "هاجم مسلحون سوقا شعبيا في بغداد."
    assert [e.cameo for e in events_of(analyze(pipeline, text, "2021-01-25"), "ASSAULT")] == ["180"]


def test_parties_named_together_as_doers_of_a_joint_act_do_it_with_each_other(pipeline):
    text = "وقعت مصر والإمارات اتفاقية لتطوير مدينة رأس الحكمة."
    signed = [e for e in analyze(pipeline, text, "2024-02-23").events if e.cameo == "057"]
    assert {(code(e.source), code(e.target)) for e in signed} == {("EGY", "ARE"), ("ARE", "EGY")}
    # four parties or more (a conference, a list of donors) are not paired off
    text = "اجتمع ممثلو روسيا والصين وإيران وتركيا في جنيف."
    meetings = analyze(pipeline, text, "2024-02-23").events
    assert len(meetings) == 4 and all(e.target is None for e in meetings)


def test_a_protest_is_aimed_at_whom_its_stated_demand_is_made_of(pipeline):
    text = "تظاهر آلاف الطلاب في الجزائر العاصمة، للمطالبة برحيل رموز النظام."
    [protest] = events_of(analyze(pipeline, text, "2019-03-26"), "PROTEST")
    assert (code(protest.source), code(protest.target)) == ("DZAEDU", "DZAGOV")


def test_lam_after_the_genitive_of_a_verbal_noun_marks_its_object_and_the_genitive_its_doer(pipeline):
    text = "ندد المبعوث الأممي باحتجاز الحوثيين لعشرات الموظفين في صنعاء."
    events = analyze(pipeline, text, "2021-06-05").events
    [detention] = [e for e in events if e.cameo == "173"]
    assert code(detention.source) == "YEMREB"
    # the doer of the condemned act is not the subject of the condemnation
    assert all(code(e.source) != "YEMREB" for e in events if e.cameo[:2] == "11")
    [killing] = events_of(analyze(pipeline, "أدان الوزير اغتيال إسرائيل لقادة حركة حماس."), "ASSAULT")
    assert (code(killing.source), code(killing.target)) == ("ISR", "PSEGOV")


def test_lam_after_an_indefinite_noun_or_one_man_of_a_force_tells_whose_he_is(pipeline):
    text = "أعلن الجيش مقتل القائد العسكري لحزب الله في الجنوب."
    [killing] = events_of(analyze(pipeline, text, "2021-06-05"), "ASSAULT")
    assert code(killing.source) != "MIL"
    text = "أعلن الجيش مقتل عنصرين لحزب الله في الجنوب."
    [killing] = events_of(analyze(pipeline, text, "2021-06-05"), "ASSAULT")
    assert (killing.source, code(killing.target)) == (None, "LBNREB")


def test_a_bare_verbal_noun_after_a_verb_and_its_subject_is_its_object(pipeline):
    text = "دان الائتلاف الوطني السوري المعارض قصف الطيران الروسي لمدارس في ريف إدلب."
    [bombing] = events_of(analyze(pipeline, text, "2019-06-05"), "ASSAULT")
    assert (code(bombing.source), bombing.nominal) == ("RUSMIL", True)


def test_homes_burnt_belong_to_the_people_of_the_place_and_a_nationality_describes_the_settlers(pipeline):
    text = "هاجم مستوطنون إسرائيليون بلدة حوارة جنوب نابلس وأحرقوا عشرات المنازل والسيارات."
    analysis = analyze(pipeline, text, "2023-02-26")
    assert [a.text for a in analysis.actors] == ["مستوطنون"]
    coded = {(e.cameo, code(e.source), code(e.target)) for e in analysis.events}
    assert coded == {("180", "ISRCVL", "PSE"), ("1712", "ISRCVL", "PSE")}


def test_a_verb_right_after_a_conditional_takes_the_subject_after_it(pipeline):
    text = "قال الوزير إن إسرائيل سترد بقوة إذا هاجم حزب الله بلدات في شمال إسرائيل."
    analysis = analyze(pipeline, text, "2023-01-01")
    [attack] = events_of(analysis, "ASSAULT")
    assert (code(attack.source), attack.modality) == ("LBNREB", "hypothetical")
    # "بقوة" is forcefully: no force among the actors
    assert [a.text for a in analysis.actors] == ["الوزير", "إسرائيل", "حزب الله"]


def test_the_object_that_confirms_a_verb_may_follow_its_long_subject(pipeline):
    text = "وقع وزير الدفاع الأمريكي مارك إسبر في الرباط اتفاقية إطار للتعاون العسكري مع المغرب."
    [signing] = [e for e in analyze(pipeline, text, "2020-10-02").events if e.cameo == "057"]
    assert code(signing.source) == "USAGOV"
    # the object is what follows the subject, not any word further on ("قرارا", not "هجمات")
    text = "تبنى مجلس الأمن الدولي قرارا بتحديد المسؤولين عن هجمات كيميائية وقعت في سوريا."
    assert all(e.cameo != "015" for e in analyze(pipeline, text, "2015-08-08").events)


def test_a_state_after_with_is_the_other_party_of_a_joint_act(pipeline):
    text = "وقعت تونس اتفاقية للتعاون الأمني مع مصر."
    [signing] = [e for e in analyze(pipeline, text, "2020-10-02").events if e.cameo == "057"]
    assert (code(signing.source), code(signing.target)) == ("TUN", "EGY")
    text = "وأكد الرئيس الأمريكي استعداده للانخراط في محادثات جديدة مع إيران."
    [talks] = [e for e in analyze(pipeline, text, "2015-07-21").events if e.cameo == "040"]
    assert code(talks.target) == "IRN"
    text = "قالت الحكومة الجزائرية إن الجزائر تقطع علاقاتها الدبلوماسية مع المملكة المغربية."
    [cut] = [e for e in analyze(pipeline, text, "2021-08-24").events if e.cameo.startswith("16")]
    assert (code(cut.source), code(cut.target)) == ("DZA", "MAR")


def test_a_march_told_with_its_light_verb_is_one_event(pipeline):
    text = "خرج آلاف الفلسطينيين في مسيرة حاشدة وسط مدينة رام الله تضامنا مع الأسرى."
    [march] = events_of(analyze(pipeline, text, "2022-01-01"), "PROTEST")
    assert (march.trigger, code(march.source)) == ("خرج", "PSE")


def test_unnamed_parties_of_one_code_make_one_record_per_dyad(pipeline):
    text = "وتوقف النظام عن قتل الشعب السوري وقصف المدنيين بالبراميل."
    killings = [e for e in analyze(pipeline, text, "2015-07-21").events if e.cameo[:2] == "18"]
    assert [code(e.target) for e in killings] == ["SYRCVL"]
    # named parties of one code stay apart (see test_coordinated_targets_give_one_event_per_target)


def test_what_a_proposal_stipulates_is_only_intended(pipeline):
    text = "رفض حزب الله مقترحا فرنسيا يقضي بانسحاب مقاتليه من الحدود الجنوبية."
    analysis = analyze(pipeline, text, "2024-02-15")
    [withdrawal] = [e for e in analysis.events if e.cameo.startswith("087")]
    assert withdrawal.modality == "intended"


def test_spreading_control_is_one_takeover_and_spreading_stability_none(pipeline):
    text = "قالت القوات الموالية للحكومة اليمنية إنها بسطت سيطرتها على حي التواهي في عدن."
    takeovers = [e for e in analyze(pipeline, text, "2015-07-21").events if e.cameo == "192"]
    assert [e.trigger for e in takeovers] == ["بسطت"]
    text = "أشاد الوزير بدوره في بسط الاستقرار في المنطقة."
    assert all(e.cameo != "192" for e in analyze(pipeline, text, "2015-07-21").events)


def test_parts_of_a_country_are_taken_not_where_the_taker_comes_from(pipeline):
    text = "ويسيطر تنظيم داعش على أجزاء واسعة من العراق."
    [takeover] = [e for e in analyze(pipeline, text, "2015-07-21").events if e.cameo == "192"]
    assert (code(takeover.source), code(takeover.target)) == ("IMG", "IRQ")


def test_what_someone_was_prevented_from_doing_did_not_happen(pipeline):
    text = "وأصيب الانتحاري الثاني بجروح منعته من تفجير نفسه."
    [bombing] = [e for e in analyze(pipeline, text, "2015-07-21").events if e.cameo == "183"]
    assert bombing.modality == "negated"


@pytest.mark.parametrize(
    "text",
    [
        "لقي شخصان مصرعهما واصيب 7 آخرون باصابات مختلفة في حادث انقلاب على طريق الطائف.",
        "لقي شخص أمس مصرعه غرقا إثر انحراف مركبته في البحر.",
    ],
)
def test_deaths_in_a_rollover_or_by_drowning_are_no_violence(pipeline, text):
    assert not [e for e in analyze(pipeline, text, "2015-07-21").events if e.cameo[:2] == "18"]


def test_reopening_an_embassy_and_asking_for_arms_are_events_of_their_doer(pipeline):
    text = "تعتزم المملكة العربية السعودية إعادة فتح سفارتها في طهران خلال الشهرين المقبلين."
    [reopening] = [e for e in analyze(pipeline, text, "2023-04-10").events if e.cameo == "050"]
    assert (code(reopening.source), reopening.modality) == ("SAU", "intended")
    text = "تنوي الحكومة الصومالية طلب مساعدات عسكرية إضافية من الاتحاد الأفريقي."
    [request] = [e for e in analyze(pipeline, text, "2023-04-10").events if e.cameo == "0232"]
    assert (code(request.source), code(request.target), request.modality) == ("SOMGOV", "IGO", "intended")


def test_a_summons_in_protest_is_one_complaint_and_a_demonstration_in_protest_one_protest(pipeline):
    text = "استدعت وزارة الخارجية الكويتية السفير العراقي لدى الكويت احتجاجا على تصريحات نواب عراقيين."
    events = analyze(pipeline, text, "2023-09-10").events
    assert [(e.cameo, code(e.source), code(e.target)) for e in events if e.cameo[:2] != "01"] == [
        ("114", "KWTGOV", "IRQGOV")
    ]
    text = "تظاهر آلاف الطلاب في الجزائر احتجاجا على غلاء الأسعار."
    assert [e.trigger for e in events_of(analyze(pipeline, text, "2019-03-26"), "PROTEST")] == ["تظاهر"]


def test_feminine_and_plural_pasts_of_verbs_ending_in_alif_maqsura_are_triggers(pipeline):
    text = "التقت وزيرة الخارجية الألمانية نظيرها الفرنسي في باريس."
    [meeting] = [e for e in analyze(pipeline, text, "2020-01-01").events if e.cameo == "040"]
    assert (code(meeting.source), code(meeting.target)) == ("DEUGOV", "FRAGOV")
    text = "تبنت جماعة بوكو حرام الهجوم على القرية."
    assert [e.trigger for e in analyze(pipeline, text, "2020-01-01").events if e.cameo == "015"] == ["تبنت"]
    # a three-letter stem without a context is a noun too often: "تحد" is a challenge, "تحدها" borders it
    text = "تحدها من الشمال المملكة العربية السعودية، وهو تحد كبير للحكومة."
    assert not [e for e in analyze(pipeline, text, "2020-01-01").events if e.cameo == "128"]


def test_a_ministry_in_construct_takes_the_adjective_after_its_genitive_and_sanctions_are_told_once(pipeline):
    text = "فرضت وزارة الخزانة الأمريكية عقوبات جديدة على وزير النفط الإيراني."
    sanctions = [e for e in analyze(pipeline, text, "2023-01-01").events if e.cameo == "163"]
    assert [(e.trigger, code(e.source), code(e.target)) for e in sanctions] == [("فرضت", "USAGOV", "IRNGOV")]


def test_the_second_of_coordinated_objects_after_an_adjective_is_a_target_too(pipeline):
    text = "اعتقلت قوات الأمن المصرية عددا من الناشطين السياسيين والصحفيين في القاهرة."
    arrests = [e for e in analyze(pipeline, text, "2023-01-01").events if e.cameo == "173"]
    assert {code(e.target) for e in arrests} >= {"EGYOPP", "EGYMED"}


def test_raids_in_a_campaign_after_arrests_are_the_arrests_told_again(pipeline):
    text = "اعتقلت قوات الأمن المصرية عشرات الناشطين في حملة مداهمات بالقاهرة."
    arrests = [e for e in analyze(pipeline, text, "2023-01-01").events if e.cameo == "173"]
    assert [e.trigger for e in arrests] == ["اعتقلت"]


def test_an_appeal_to_two_addressees_is_one_event_for_each(pipeline):
    text = "دعا المبعوث الأممي إلى ليبيا حكومة الوحدة الوطنية ومجلس النواب إلى الاتفاق على قاعدة دستورية."
    appeals = [e for e in analyze(pipeline, text, "2023-01-01").events if e.cameo.startswith("02")]
    assert [code(e.target) for e in appeals] == ["LBYGOV", "LBYLEG"]


def test_a_navy_with_its_country_acts_and_a_past_verb_after_a_demand_is_asserted(pipeline):
    text = (
        "احتجزت البحرية الإيرانية ناقلة نفط في مضيق هرمز، فطالبت واشنطن طهران بالإفراج عنها فورا "
        "واتهمتها بممارسة القرصنة."
    )
    events = analyze(pipeline, text, "2023-01-01").events
    [seizure] = [e for e in events if e.cameo == "173"]
    assert code(seizure.source) == "IRNMIL"
    [accusation] = [e for e in events if e.cameo.startswith("112")]
    assert accusation.modality != "intended"


def test_the_saudi_aid_agency_is_named_and_gives_aid(pipeline):
    text = "قدم مركز الملك سلمان للإغاثة والأعمال الإنسانية مساعدات غذائية لآلاف الأسر النازحة في مأرب."
    [aid] = [e for e in analyze(pipeline, text, "2021-05-25").events if e.cameo.startswith("07")]
    assert code(aid.source) == "SAUGOV"


def test_what_suspects_are_suspected_of_is_not_the_police_s_act(pipeline):
    text = "لم تعتقل الشرطة الباكستانية حتى الآن أي مشتبه به في تفجير مسجد بمدينة بيشاور."
    [bombing] = [e for e in analyze(pipeline, text, "2023-01-01").events if e.cameo.startswith("18")]
    assert code(bombing.source) != "PAKCOP"


def test_an_imperfect_after_a_future_in_its_sentence_is_part_of_the_plan(pipeline):
    text = "سيزور وزير الخارجية الروسي دمشق الأسبوع المقبل، حيث يلتقي الرئيس السوري."
    [meeting] = [e for e in analyze(pipeline, text, "2020-01-01").events if e.cameo == "040"]
    assert meeting.modality == "future"


def test_an_act_done_in_protest_that_is_no_protest_itself_keeps_its_protest(pipeline):
    text = "انسحب ممثلو المعارضة من الاجتماع احتجاجا على انتخاب رئيس المجلس."
    assert [e.trigger for e in events_of(analyze(pipeline, text, "2015-08-03"), "PROTEST")] == ["احتجاجا"]


def test_an_attack_told_as_having_happened_is_not_the_reporter_s_act(pipeline):
    text = "تلقت الشرطة السعودية بلاغا عن حدوث إطلاق نار في أحد أحياء الرياض."
    [shooting] = [e for e in analyze(pipeline, text, "2015-07-23").events if e.cameo.startswith("19")]
    assert shooting.source is None


def test_officers_listed_before_a_wounded_civilian_were_wounded_too(pipeline):
    text = "قال متحدث باسم وزارة الصحة المصرية إن ضابطي شرطة ومدنيا أصيبوا في انفجار أمام محكمة."
    wounded = with_trigger(pipeline, text, "2015-08-10", "أصيبوا")
    assert sorted(code(e.target) for e in wounded) == ["EGYCOP", "EGYCVL"]
    assert all(e.source is None for e in wounded)


def test_a_word_sharing_the_key_of_a_state_always_named_with_the_article_is_no_state(pipeline):
    # "صينة" is a district of Taiz; China is always "الصين"
    text = "وقعت اشتباكات عنيفة في منطقة صينة، مما أسفر عن مصرع 16 متمردا."
    analysis = analyze(pipeline, text, "2015-08-07")
    assert not [m for m in analysis.actors if (m.code or "").startswith("CHN")]


def test_civilians_of_no_told_nationality_are_of_the_place_where_they_were_hit(pipeline):
    text = (
        "أسفرت الغارة التي شنتها طائرات التحالف بقيادة السعودية على سوق شعبي في محافظة صعدة "
        "عن مقتل 15 مدنيا على الأقل."
    )
    [strike] = with_trigger(pipeline, text, "2018-08-09", "الغارة")
    assert code(strike.target) == "YEMCVL"


def test_civilians_whose_nationality_is_told_keep_it_where_they_were_hit(pipeline):
    text = "قتل 15 مدنيا سوريا في غارة على مخيم في لبنان."
    victims = {code(e.target) for e in analyze(pipeline, text, "2018-08-09").events if e.target}
    assert victims == {"SYRCVL"}


def test_a_journalist_arrested_in_a_country_is_of_it_in_the_next_event_too(pipeline):
    text = "اعتقلت الشرطة التركية صحفيا في إسطنبول، واتهمته بنشر دعاية لمنظمة إرهابية."
    events = analyze(pipeline, text, "2022-10-25").events
    assert [code(e.target) for e in events if e.trigger == "اتهمته"] == ["TURMED"]


def test_the_one_who_went_there_met_whom_the_verb_after_where_names(pipeline):
    text = "زار رئيس الوزراء العراقي محمد شياع السوداني طهران، حيث التقى المرشد الإيراني علي خامنئي."
    [meeting] = with_trigger(pipeline, text, "2022-11-29", "التقى")
    assert (code(meeting.source), code(meeting.target)) == ("IRQGOV", "IRNGOV")


def test_after_where_a_meeting_with_mu_a_keeps_its_own_subject(pipeline):
    text = (
        "واصلت الحكومة الإسرائيلية الضغط على الكونجرس حيث التقى السفير الإسرائيلي في الولايات المتحدة "
        "رون ديرمر مع أعضاء مجلس الشيوخ."
    )
    [meeting] = with_trigger(pipeline, text, "2015-07-21", "التقى")
    assert code(meeting.source) == "ISRGOV"


def test_an_air_base_is_not_al_qaeda(pipeline):
    text = "سيزور وزير الدفاع الأمريكي القاعدة الجوية التي انطلق منها الطيار الأردني."
    analysis = analyze(pipeline, text, "2015-07-21")
    assert not [m for m in analysis.actors if m.code == "IMG"]


def test_the_head_of_a_group_s_political_bureau_speaks_for_the_group(pipeline):
    text = "قال رئيس المكتب السياسي لحركة حماس خالد مشعل إن الحركة مستعدة للحوار."
    events = analyze(pipeline, text, "2015-07-25").events
    assert [code(e.source) for e in events if e.trigger == "قال"] == ["PSEGOV"]
    # "الحركة" names again the group its leader spoke for
    assert [code(e.source) for e in events if e.cameo == "036"] == ["PSEGOV"]


def test_a_vice_president_of_a_movement_is_the_movement_not_a_government(pipeline):
    text = "قال نائب رئيس حركة النضال العربي لتحرير الأحواز أحمد مولى إن الشعب اختار المقاومة."
    [said] = with_trigger(pipeline, text, "2015-07-24", "قال")
    assert code(said.source) == "IRNSEP"


def test_an_office_named_alone_is_its_holder_told_before(pipeline):
    text = (
        "أكد وزير الخارجية الأستاذ عادل بن أحمد الجبير أن المملكة العربية السعودية حريصة على علاقات جيدة "
        "مع إيران. وقال إن إيران تتدخل في شؤون الدول وإن طهران تدعم الإرهاب. ورأى وزير الخارجية أن "
        "امتناع إيران عن دخول المفتشين يعني عزم طهران تصنيع سلاح نووي."
    )
    analysis = analyze(pipeline, text, "2015-08-10")
    [later] = [m for m in analysis.actors if m.text == "وزير الخارجية"]
    assert later.code == "SAUGOV"


def test_the_head_of_a_club_is_not_the_president_told_before(pipeline):
    text = "قال الرئيس الأمريكي باراك أوباما إن الاتفاق جيد. وقال رئيس نادي الباطن إن الفريق مستعد."
    analysis = analyze(pipeline, text, "2015-07-21")
    assert not [m for m in analysis.actors if m.text.startswith("رئيس نادي")]


def test_aid_handed_out_to_displaced_families_is_humanitarian_aid_to_refugees(pipeline):
    text = "وزع الهلال الأحمر مساعدات غذائية على الأسر النازحة في إدلب."
    [aid] = [e for e in analyze(pipeline, text, "2021-05-25").events if e.cameo.startswith("07")]
    assert aid.cameo == "073" and code(aid.target) == "SYRREF"


def test_inflaming_the_situation_is_no_bombing(pipeline):
    text = "اتهم الرئيس التونسي حركة النهضة بالتآمر على أمن الدولة والسعي إلى تفجير الأوضاع."
    assert not [e for e in analyze(pipeline, text, "2023-02-22").events if e.cameo.startswith("18")]


def test_the_head_of_a_relative_clause_after_a_preposition_is_its_subject(pipeline):
    text = "نقلت الصحيفة البيان الصادر عن وزارة الخارجية الكويتية التي دانت التفجير."
    [condemn] = with_trigger(pipeline, text, "2015-07-21", "دانت")
    assert code(condemn.source) == "KWTGOV"


def test_a_warning_that_the_speaker_s_side_will_answer_with_force_is_a_threat(pipeline):
    text = "حذر وزير الدفاع الإسرائيلي من أن بلاده سترد بقوة إذا هاجم حزب الله بلدات في شمال إسرائيل."
    [warning] = with_trigger(pipeline, text, "2019-01-01", "حذر")
    assert (warning.cameo, warning.modality) == ("138", "asserted")


def test_the_verb_that_says_what_an_attack_hit_is_not_a_second_attack(pipeline):
    text = "قتل ثلاثة جنود في هجوم استهدف دورية للجيش المصري في سيناء."
    events = analyze(pipeline, text, "2015-07-21").events
    assert [e.trigger for e in events if e.trigger == "استهدف"] == []
    [attack] = [e for e in events if e.trigger == "هجوم"]
    assert code(attack.target) == "EGYMIL"


def test_a_base_targeted_is_an_attack(pipeline):
    text = "قال قائد في الحرس الثوري إن طهران ستستهدف القواعد الأمريكية في المنطقة."
    [attack] = [e for e in analyze(pipeline, text, "2019-01-01").events if e.cameo[:2] in ("18", "19")]
    assert (code(attack.target), attack.modality) == ("USAMIL", "future")


def test_companies_based_in_a_country_are_of_it(pipeline):
    text = "فرضت وزارة الخزانة الأمريكية عقوبات جديدة على وزير النفط الإيراني وثلاث شركات شحن مقرها الإمارات."
    targets = {code(e.target) for e in analyze(pipeline, text, "2019-09-04").events if e.cameo == "163"}
    assert targets == {"IRNGOV", "AREBUS"}


def test_what_protesters_march_for_they_demand(pipeline):
    text = "تظاهر آلاف السودانيين في الخرطوم للمطالبة بتسليم السلطة إلى المدنيين."
    [demand] = [e for e in analyze(pipeline, text, "2019-06-29").events if e.cameo.startswith("10")]
    assert code(demand.source) is not None and code(demand.source).startswith("SDN")


def test_the_toll_of_a_bombing_a_state_condemns_is_not_the_state_s_doing(pipeline):
    text = "دان الأردن التفجير الذي استهدف مسجدا في أبها وأسفر عن مقتل عدد من المصلين."
    [toll] = with_trigger(pipeline, text, "2015-08-07", "مقتل")
    assert code(toll.source) != "JOR"


def test_soldiers_captured_in_fighting_are_taken_by_the_fighters(pipeline):
    text = (
        "أعلنت حركة طالبان سيطرتها على مديرية يمكان في ولاية بدخشان شمال شرقي أفغانستان. وقالت الحركة "
        "إن مقاتليها أسروا "
        "عشرين جنديا من القوات الحكومية خلال المعارك."
    )
    analysis = analyze(pipeline, text, "2021-07-06")
    [capture] = [e for e in analysis.events if e.trigger == "أسروا"]
    assert (capture.cameo, code(capture.source), code(capture.target)) == ("181", "AFGREB", "AFGMIL")
    assert not [m for m in analysis.actors if m.text == "أسروا"]  # a verb, not الأسر (families)


def test_a_plural_after_a_verb_is_its_subject_even_when_no_actor_names_it(pipeline):
    text = (
        "قال وزير المالية الألماني فولفغانغ شويبله إن اليونان يجب أن تصلح اقتصادها. "
        "ودعا الدائنون إلى الإلغاء التدريجي للعقوبات الجديدة."
    )
    called = with_trigger(pipeline, text, "2015-07-21", "دعا")
    assert all(code(e.source) != "DEUGOV" for e in called)
    text = "رحب اقتصاديون بإعلان وزارة الإسكان السعودية عن البدء بتوزيع منتجات الدعم السكني."
    [welcome] = with_trigger(pipeline, text, "2015-07-21", "رحب")
    assert (welcome.source, code(welcome.target)) == (None, "SAUGOV")


def test_what_a_source_quoted_by_an_agency_said_is_not_the_attribution(pipeline):
    text = (
        "أفادت وكالة الأنباء الصومالية الرسمية نقلا عن قائد عسكري بأن مقاتلي حركة الشباب هاجموا قاعدة "
        "للجيش الصومالي في إقليم شبيلي السفلى."
    )
    [attack] = with_trigger(pipeline, text, "2019-09-01", "هاجموا")
    assert (code(attack.source), code(attack.target)) == ("IMG", "SOMMIL")


def test_a_state_s_attack_is_conventional_military_force(pipeline):
    text = "في حال هاجمت إسرائيل المنشآت النووية الإيرانية، فإن طهران سترد."
    [attack] = with_trigger(pipeline, text, "2019-01-01", "هاجمت")
    assert (attack.cameo, code(attack.source), attack.modality) == ("190", "ISR", "hypothetical")


def test_al_qaeda_in_the_maghreb_without_islamic_is_aqim_not_morocco(pipeline):
    text = "تبنى تنظيم القاعدة في بلاد المغرب قتل 14 جنديا جزائريا في كمين."
    [killing] = with_trigger(pipeline, text, "2015-07-21", "قتل")
    assert code(killing.source) == "IMG"


def test_countries_listed_after_a_preposition_are_places_not_doers(pipeline):
    # "في الكويت وتونس وفرنسا": the second and third are where, like the first; "في بلاد مثل باكستان"
    for text in (
        "ثلاث هجمات إرهابية وعشرات القتلى والجرحى في الكويت وتونس وفرنسا.",
        "وقع هجوم في كل من الكويت وتونس.",
        "وهناك هجمات على صحافيين في بلاد مثل باكستان، وأفغانستان، والفلبين.",
    ):
        analysis = analyze(pipeline, text, "2015-07-21")
        assert analysis.events
        assert all(e.source is None for e in analysis.events), text
        assert not [m for m in analysis.actors if m.kind == "state"], text


def test_parties_named_after_between_stay_parties(pipeline):
    [talks] = analyze(pipeline, "جرت مباحثات بين السعودية ومصر.", "2015-07-21").events
    assert (code(talks.source), code(talks.target)) == ("SAU", "EGY")


def test_a_relative_clause_s_head_may_carry_adjectives(pipeline):
    text = "ناقش الوزيران قضايا مثل تنظيم داعش المتطرف الذي يسيطر الآن على أراضي العراق."
    [control] = with_trigger(pipeline, text, "2015-07-21", "يسيطر")
    assert (code(control.source), code(control.target)) == ("IMG", "IRQ")


def test_a_relative_clause_of_time_or_place_keeps_the_sentence_s_subject(pipeline):
    text = (
        "واستغل تنظيم داعش فراغا أمنيا للتوسع في ليبيا في الوقت الذي هاجم فيه أيضا سفارات أجنبية في طرابلس."
    )
    [attack] = with_trigger(pipeline, text, "2015-07-21", "هاجم")
    assert code(attack.source) == "IMG"
    text = "كان آخرها دولة تونس الشقيقة التي قتل فيها عدد كبير من السياح الأجانب."
    [killing] = with_trigger(pipeline, text, "2015-07-21", "قتل")
    assert code(killing.source) != "TUN"  # where they were killed, not who killed them


def test_set_phrases_with_a_trigger_word_are_no_events(pipeline):
    for text in (
        "يحجم ذلك من رؤية علم الاجتماع للحقل الديني.",
        "لا سامح الله من علمنا ذلك.",
        "تجول الرئيس أوباما في سنترال بارك.",
        "احتجنا إلى وقت طويل لفهم ذلك.",  # we needed (احتاج), not we protested (احتججنا)
    ):
        assert not analyze(pipeline, text, "2015-07-21").events, text


def test_clashes_between_the_fighters_of_a_group_and_forces_have_both_parties(pipeline):
    text = "استعرت الاشتباكات بين مقاتلي الفصائل الإسلامية وقوات النظام في ريف اللاذقية."
    [clash] = analyze(pipeline, text, "2015-07-26").events
    assert (code(clash.source), code(clash.target)) == ("SYRREB", "SYRMIL")
    text = (
        "قصفت قوات النظام قرى في ريف اللاذقية، في حين استعرت الاشتباكات بين مقاتلي الفصائل الإسلامية من "
        "جهة، وقوات النظام من جهة أخرى."
    )
    [clash] = with_trigger(pipeline, text, "2015-07-26", "الاشتباكات")
    assert (code(clash.source), code(clash.target)) == ("SYRREB", "SYRMIL")


def test_who_lays_a_siege_besieges(pipeline):
    text = (
        "سيطرت ميليشيات الحوثي على قاعدة العند. ولا يزال رجال المقاومة يطبقون الحصار على قاعدة العند "
        "العسكرية."
    )
    [siege] = with_trigger(pipeline, text, "2015-07-31", "الحصار")
    assert siege.source.text == "رجال المقاومة"  # not the militias that took the base


def test_a_titled_speaker_no_actor_names_is_not_the_last_subject(pipeline):
    text = (
        "أعلنت وزارة التجارة السعودية خطة جديدة لمراقبة الأسعار. وبدوره أشاد رئيس جمعية حماية المستهلك "
        "بالخطة."
    )
    [praise] = with_trigger(pipeline, text, "2015-07-21", "أشاد")
    assert praise.source is None
    text = "افتتح الأمير سلمان المستشفى الجديد. وأشاد سموه بدور الأطباء."
    [praise] = with_trigger(pipeline, text, "2015-07-21", "أشاد")
    assert praise.source is not None  # سموه: his highness, the prince named before


def test_a_ta_marbuta_is_not_a_pronoun(pipeline):
    # "زيارة" ends like the pronoun ه once normalised; it owns nothing, so its genitive is its doer
    text = "وكان ذلك أثناء زيارة وليد المعلم لموسكو الأسبوع الماضي."
    [visit] = analyze(pipeline, text, "2015-07-21").events
    assert (code(visit.source), code(visit.target)) == ("SYRGOV", "RUS")
    text = "وقالت المصادر إن العملية جاءت بعد مصادرة السلطات الفرنسية نحو 60 جواز سفر."
    [seizure] = with_trigger(pipeline, text, "2015-07-21", "مصادرة")
    assert code(seizure.source) == "FRAGOV"
    # content opening with "الآلية" does not open with a pronoun for the speakers: they did not blow it up
    text = "وقالت الشرطة الكينية ان الآلية انفجرت بعد مرورها فوق لغم."
    [blast] = with_trigger(pipeline, text, "2015-07-21", "انفجرت")
    assert blast.source is None


def test_a_state_after_a_visit_noun_is_visited(pipeline):
    text = "قال وزير الخارجية النمساوي سباستيان كورتس لإذاعة محلية أمس إنه يعتزم زيارة إيران في سبتمبر."
    [visit] = with_trigger(pipeline, text, "2015-07-21", "زيارة")
    assert (code(visit.source), code(visit.target), visit.modality) == ("AUTGOV", "IRN", "intended")


def test_the_subject_s_own_meeting_or_visit_in_a_time_frame(pipeline):
    text = "ناقش مجلس الوزراء السعودي خلال اجتماعه الأسبوعي الأوضاع في اليمن."
    [meeting] = analyze(pipeline, text, "2015-07-21").events
    assert code(meeting.source) == "SAUGOV"
    text = "وقال اردوغان خلال زيارة إلى الشطر الشمالي من قبرص إن تركيا لن تسمح بذلك."
    [visit] = with_trigger(pipeline, text, "2015-07-21", "زيارة")
    assert (code(visit.source), code(visit.target)) == ("TURGOV", "CYP")
    text = "قتل عشرة أشخاص خلال المفاوضات."
    assert all(e.source is None for e in analyze(pipeline, text, "2015-07-21").events)


def test_who_decides_an_act_does_it(pipeline):
    text = (
        "أكد رئيس الوزراء الأردني حرص حكومته على دعم الصادرات بعد قرار الحكومة العراقية إغلاق معبر "
        "الكرامة الحدودي."
    )
    [closure] = [e for e in analyze(pipeline, text, "2015-07-22").events if e.cameo == "191"]
    assert code(closure.source) == "IRQGOV"


def test_bombers_counted_among_the_dead_are_no_bombing(pipeline):
    text = "قتلت القوات الأمنية 10 من عناصر تنظيم داعش، بينهم انتحاري وثلاثة قناصين."
    assert not with_trigger(pipeline, text, "2015-07-21", "انتحاري")
    text = "وتمت تصفية 12 عنصرا من داعش بينهم ثلاثة انتحاريين في كمين للشرطة."
    assert not [e for e in analyze(pipeline, text, "2015-07-21").events if e.cameo == "1831"]


def test_figurative_raids_and_incursions_are_no_events(pipeline):
    for text in (
        "نأمل أن تؤهلنا سمعتنا لاقتحام أجواء المنافسة العالمية.",
        "يحب الكاتب قراءة المجتمعات والتوغل في قضاياها.",
    ):
        assert not analyze(pipeline, text, "2015-07-21").events, text


def test_whose_life_an_attack_took_is_its_victim(pipeline):
    text = "فجر انتحاري نفسه في سوق ببغداد مما أودى بحياة عشرة مدنيين."
    [toll] = with_trigger(pipeline, text, "2015-07-21", "أودى بحياة")
    assert toll.source is None and code(toll.target) == "IRQCVL"


def test_a_toll_after_an_impersonal_raid_is_not_the_raided_s_doing(pipeline):
    text = "تمت محاصرة الجبل لأكثر من ثلاث ساعات، قبل أن تتم مداهمة أوكار المتطرفين، مما أسفر عن مقتل أحدهم."
    events = analyze(pipeline, text, "2015-07-25").events
    [raid] = [e for e in events if e.trigger == "مداهمة"]
    [toll] = [e for e in events if e.trigger == "مقتل"]
    assert raid.source is None and code(raid.target) == "REB"
    assert toll.source is None


def test_an_attack_claimed_by_name_after_it_is_the_claimant_s(pipeline):
    text = (
        "أسفر تفجير انتحاري استهدف تجمعا انتخابيا لحزب جمعية علماء الإسلام في منطقة باجور شمال غربي "
        "باكستان عن مقتل 40 شخصا على الأقل، وتبنى تنظيم داعش الهجوم."
    )
    [bombing] = [e for e in analyze(pipeline, text, "2023-07-30").events if e.cameo == "1831"]
    assert code(bombing.source) == "IMG"


@pytest.mark.parametrize(
    ("text", "date", "trigger"),
    [
        pytest.param(
            "كشفت السلطات الكويتية عن هوية الانتحاري الذي فجّر مسجد الإمام الصادق.",
            "2015-07-21",
            "فجّر",
            id="a relative clause's unnamed head is its verb's subject, not the revealing authorities",
        ),
        pytest.param(
            "وأوضح الناطق الإعلامي لشرطة منطقة عسير أنه ورد لشرطة محافظة خميس مشيط بلاغ عن حدوث إطلاق نار، "
            "نتج عنه مقتل ثلاثة أشخاص.",
            "2015-07-23",
            "إطلاق نار",
            id="what is reported as having happened has no doer, in reported speech too",
        ),
        pytest.param(
            "وأوضحت المصادر أن التحقيقات الأولية قادت إلى إيقاف مشتبه به في حادثة انتحاري فجر نفسه داخل "
            "مسجد في أبها.",
            "2015-08-08",
            "فجر نفسه",
            id="a bomber named right before the act did it, not the suspect",
        ),
        pytest.param(
            "أعلن الجيش عزل الرئيس محمد مرسي في يوليو 2013 إثر احتجاجات حاشدة على حكمه.",
            "2015-07-26",
            "احتجاجات",
            id="a protest the subject answered is not its own act",
        ),
        pytest.param(
            "ذكر الجيش النيجيري أن 50 شخصا قتلوا بعد تفجيرين انتحاريين استهدفا مسلمين.",
            "2015-07-21",
            "تفجيرين انتحاريين",
            id="an attack the subject's report follows is not the reporter's",
        ),
    ],
)
def test_no_doer_is_taken_from_elsewhere(pipeline, text, date, trigger):
    [event] = [e for e in analyze(pipeline, text, date).events if e.trigger == trigger]
    assert event.source is None


def test_any_group_after_a_verb_is_no_actor_told_before(pipeline):
    text = (
        "قتل عشرة أشخاص في هجوم شنه مسلحون من بوكو حرام على قرية في ولاية بورنو. ولم تعلن أي جهة مسؤوليتها."
    )
    [claim] = with_trigger(pipeline, text, "2015-07-21", "تعلن")
    assert claim.source is None and claim.modality == "negated"


def test_any_thing_after_a_verb_guards_the_subject_rule(pipeline):
    # "أي بيان" is no doer: the statement that was not issued is still Hamas's
    text = (
        "وقعت ثلاثة تفجيرات في مدينة غزة. ولم يصدر أي بيان رسمي من حركة حماس أو وزارة الداخلية حول التفجيرات."
    )
    statements = with_trigger(pipeline, text, "2015-07-21", "يصدر")
    assert statements and all(code(e.source) and code(e.source).startswith("PSE") for e in statements)
