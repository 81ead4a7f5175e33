"""Office holders since 2000 (actors/officials.yaml + actors/roles.yaml): a role phrase with a country on a
document date resolves to the holder of that date, across countries, roles and handover days.

The structural checks (holder ids exist, tenures inside the holder's codes, no overlaps, one actor per
name) are in test_actor_lexicon_data.py, which reads core.yaml and officials.yaml together.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from hadath.pipeline import Pipeline
from hadath.schema import Analysis, Document

ACTORS_DIR = Path(__file__).resolve().parents[2] / "src" / "hadath" / "data" / "actors"


def _load(name: str) -> dict:
    with (ACTORS_DIR / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def analyze(pipeline: Pipeline, text: str, day: str) -> Analysis:
    return pipeline.analyze(Document(id="t", text=text, date=date.fromisoformat(day)))


# (role phrase as written, document date, expected holder id, expected code)
CASES = [
    # the same phrase on two dates
    ("وزير الخارجية العراقي", "2016-03-01", "ibrahim-al-jaafari", "IRQGOV"),
    ("وزير الخارجية العراقي", "2005-03-01", "hoshyar-zebari", "IRQGOV"),
    ("وزير الداخلية اللبناني", "2012-05-01", "marwan-charbel", "LBNGOV"),
    ("وزير الداخلية اللبناني", "2015-05-01", "nohad-machnouk", "LBNGOV"),
    ("الرئيس الجزائري", "2018-06-01", "abdelaziz-bouteflika", "DZAGOV"),
    ("الرئيس الجزائري", "2020-06-01", "abdelmadjid-tebboune", "DZAGOV"),
    ("أمير الكويت", "2018-01-01", "sabah-al-ahmad", "KWTGOV"),
    ("أمير الكويت", "2021-01-01", "nawaf-al-ahmad", "KWTGOV"),
    ("المبعوث الأممي لليمن", "2017-06-01", "ismail-ould-cheikh-ahmed", "IGO"),
    ("المبعوث الأممي لليمن", "2023-06-01", "hans-grundberg", "IGO"),
    # handover days: the incoming holder wins on the day itself
    ("رئيس الحكومة التونسي", "2013-03-13", "hamadi-jebali", "TUNGOV"),
    ("رئيس الحكومة التونسي", "2013-03-14", "ali-laarayedh", "TUNGOV"),
    ("رئيس الوزراء البريطاني", "2019-07-23", "theresa-may", "GBRGOV"),
    ("رئيس الوزراء البريطاني", "2019-07-24", "boris-johnson", "GBRGOV"),
    # roles and countries across the knowledge base
    ("وزير الداخلية السوري", "2015-01-01", "mohammad-al-shaar", "SYRGOV"),
    ("رئيس الوزراء الأردني", "2008-06-01", "nader-al-dahabi", "JORGOV"),
    ("وزير الدفاع الأردني", "2017-01-01", "hani-mulki", "JORGOV"),
    ("رئيس الوزراء الكويتي", "2015-01-01", "jaber-al-mubarak", "KWTGOV"),
    ("وزير الخارجية الليبي", "2010-01-01", "moussa-koussa", "LBYGOV"),
    ("وزير الخارجية المغربي", "2020-01-01", "nasser-bourita", "MARGOV"),
    ("وزير الداخلية المصري", "2012-01-01", "mohamed-ibrahim-youssef", "EGYGOV"),
    ("رئيس أركان الجيش الجزائري", "2019-06-01", "ahmed-gaid-salah", "DZAMIL"),
    ("قائد الجيش السوداني", "2020-06-01", "abdel-fattah-al-burhan", "SDNMIL"),
    ("قائد الحرس الثوري الإيراني", "2019-06-01", "hossein-salami", "IRNMIL"),
    ("وزير الدفاع التركي", "2010-01-01", "vecdi-gonul", "TURGOV"),
    ("وزير الدفاع الإسرائيلي", "2004-01-01", "shaul-mofaz", "ISRGOV"),
    ("رئيس هيئة الأركان المشتركة الأمريكية", "2010-01-01", "mike-mullen", "USAMIL"),
    ("وزيرة الداخلية البريطانية", "2016-06-01", "theresa-may", "GBRGOV"),
    ("وزير الدفاع الفرنسي", "2015-01-01", "jean-yves-le-drian", "FRAGOV"),
    ("المستشارة الألمانية", "2010-01-01", "angela-merkel", "DEUGOV"),
    ("الرئيس الصيني", "2010-01-01", "hu-jintao", "CHNGOV"),
    ("وزير الداخلية الروسي", "2005-01-01", "rashid-nurgaliyev", "RUSGOV"),
    ("السلطان العماني", "2015-01-01", "qaboos-bin-said", "OMNGOV"),
    (
        "المنسق الخاص للأمم المتحدة لعملية السلام في الشرق الأوسط",
        "2018-06-01",
        "nickolay-mladenov",
        "IGO",
    ),
    ("المنسقة الخاصة للأمم المتحدة في لبنان", "2022-06-01", "joanna-wronecka", "IGO"),
]


@pytest.mark.parametrize(("phrase", "day", "holder", "code"), CASES)
def test_role_phrase_resolves_to_holder_on_date(pipeline, phrase, day, holder, code):
    analysis = analyze(pipeline, f"قال {phrase} إن الوضع مستقر.", day)
    found = [a for a in analysis.actors if a.text == phrase]
    assert found, f"{phrase!r} not found as one mention in {[a.text for a in analysis.actors]}"
    actor = found[0]
    assert (actor.actor_id, actor.code) == (holder, code)
    assert actor.kind == "role"


@pytest.mark.parametrize(
    ("text", "name", "day", "actor_id", "code"),
    [
        (
            "استقبل عبد العزيز بوتفليقة الوفد.",
            "عبد العزيز بوتفليقة",
            "2015-01-01",
            "abdelaziz-bouteflika",
            "DZAGOV",
        ),
        ("استقبلت أنجيلا ميركل الوفد.", "أنجيلا ميركل", "2015-01-01", "angela-merkel", "DEUGOV"),
        (
            "استقبل الباجي قائد السبسي الوفد.",
            "الباجي قائد السبسي",
            "2011-06-01",
            "beji-caid-essebsi",
            "TUNGOV",
        ),
    ],
)
def test_official_named_by_name(pipeline, text, name, day, actor_id, code):
    analysis = analyze(pipeline, text, day)
    found = [a for a in analysis.actors if a.text == name]
    assert found, f"{name!r} not found in {[a.text for a in analysis.actors]}"
    assert (found[0].actor_id, found[0].code) == (actor_id, code)


# people kept in officials.yaml without a role tenure, and why
NOT_HOLDERS = {"sami-anan": "chief of staff 2005-2012, but the month he took office is not recorded"}


def test_officials_file_holds_office_holders_only():
    """Every person in officials.yaml holds at least one role (or is listed in NOT_HOLDERS), and none
    repeats a core.yaml id."""
    officials = _load("officials.yaml")
    assert officials.get("provenance") and officials.get("licence")
    core_ids = {actor["id"] for actor in _load("core.yaml")["actors"]}
    holders = {
        holder["actor"]
        for role in _load("roles.yaml")["roles"]
        for tenures in role["holders"].values()
        for holder in tenures
    }
    ids = [actor["id"] for actor in officials["actors"]]
    assert not set(ids) & core_ids
    assert all(actor["type"] == "person" for actor in officials["actors"])
    assert sorted(set(ids) - holders) == sorted(NOT_HOLDERS)
