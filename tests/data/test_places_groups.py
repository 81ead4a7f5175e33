"""The administrative divisions (places/governorates.yaml), the strategic sites (places/sites.yaml) and the
armed groups, parties and movements (actors/groups.yaml): invariants over the files, and sentences in which
a group, a renamed group, a site or a governorate must resolve to the expected code or place."""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_actor_lexicon_data import (
    ISO3,
    actor_problems,
    codes_on,
    key,
    predecessor_problems,
    shared_name_problems,
)

from hadath.lexicon.compiled import load_compiled, phrase_tokens
from hadath.pipeline import Pipeline
from hadath.schema import Analysis, Document
from hadath.text.normalize import normalize

DATA = Path(__file__).resolve().parents[2] / "src" / "hadath" / "data"
PLACES = DATA / "places"
ACTORS = DATA / "actors"
ARABIC_NAME_RE = re.compile("^[\u0621-\u063a\u0641-\u064a]+(?: [\u0621-\u063a\u0641-\u064a]+)*$")

# Coarse boxes (lat_min, lat_max, lon_min, lon_max), a few tenths of a degree wider than each state, to
# catch swapped or mistyped coordinates. Morocco's box takes in Western Sahara (its southern regions and
# the Guerguerat crossing are coded MAR); Israel's leaves out the Golan (coded SYR).
BBOX: dict[str, tuple[float, float, float, float]] = {
    "SYR": (32.3, 37.4, 35.6, 42.4),
    "IRQ": (29.0, 37.4, 38.7, 48.7),
    "LBN": (33.0, 34.7, 35.0, 36.7),
    "PSE": (31.2, 32.6, 34.2, 35.6),
    "ISR": (29.4, 33.4, 34.2, 35.9),
    "JOR": (28.5, 33.4, 34.4, 39.4),  # with the Gulf of Aqaba
    "EGY": (21.7, 31.8, 24.6, 37.0),
    "SAU": (16.3, 32.3, 34.4, 55.7),
    "YEM": (12.0, 19.1, 41.8, 54.6),
    "KWT": (28.5, 30.2, 46.5, 48.5),
    "BHR": (25.7, 26.4, 50.3, 50.9),
    "QAT": (24.4, 26.3, 50.7, 51.7),
    "ARE": (22.6, 26.1, 51.5, 56.4),
    "OMN": (16.6, 26.5, 51.8, 59.9),
    "LBY": (19.5, 33.2, 9.3, 25.2),
    "SDN": (8.6, 22.3, 21.8, 38.6),
    "DZA": (18.9, 37.2, -8.7, 12.0),
    "TUN": (30.2, 37.6, 7.5, 11.7),
    "MAR": (20.7, 36.0, -17.2, -0.9),
    "MRT": (14.7, 27.3, -17.1, -4.8),
    "SOM": (-1.7, 12.0, 40.9, 51.5),
    "DJI": (10.9, 12.8, 41.7, 43.5),
    "COM": (-12.5, -11.3, 43.2, 44.6),
    "IRN": (25.0, 39.8, 44.0, 63.4),
    "TUR": (35.8, 42.2, 25.6, 44.9),
}
# Prefixed division names that several states really share (compared folded, see fold()); each state may
# hold such a name once.
SHARED_DIVISION_NAMES = {
    "محافظة العاصمة": {"JOR", "KWT", "BHR"},  # the Amman, Kuwait City and Manama governorates
    "المحافظة الوسطى": {"PSE", "OMN"},  # Gaza's Middle Area and Oman's al-Wusta (محافظة الوسطى)
    "ولاية أدرار": {"DZA", "MRT"},  # Algeria's Adrar and Mauritania's Adrar (ولاية آدرار)
}


def _yaml(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        content = yaml.safe_load(handle)
    assert isinstance(content, dict), path
    assert content.get("provenance") and content.get("licence"), f"{path.name}: provenance/licence"
    return content


def fold(name: str) -> str:
    """The spelling-insensitive form the gazetteer checks use: normalised, ال dropped from each word."""
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in key(name).split())


@pytest.fixture(scope="module")
def divisions() -> list[dict[str, Any]]:
    return _yaml(PLACES / "governorates.yaml")["places"]


@pytest.fixture(scope="module")
def sites() -> list[dict[str, Any]]:
    return _yaml(PLACES / "sites.yaml")["places"]


@pytest.fixture(scope="module")
def groups() -> list[dict[str, Any]]:
    return _yaml(ACTORS / "groups.yaml")["actors"]


@pytest.fixture(scope="module")
def core_actors() -> list[dict[str, Any]]:
    return _yaml(ACTORS / "core.yaml")["actors"]


@pytest.fixture(scope="module")
def geonames_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for file in ("geonames.csv", "countries.csv"):
        with (PLACES / file).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for name in row["names_ar"].split("|"):
                    names.setdefault(fold(name), row["id"])
    return names


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def analyze(pipeline: Pipeline, text: str, day: str) -> Analysis:
    return pipeline.analyze(Document(id="t", text=text, date=date.fromisoformat(day)))


# ------------------------------------------------------------------------------------- places: files


def place_problems(places: list[dict[str, Any]]) -> list[str]:
    problems = []
    for place in places:
        where = place.get("id")
        if place.get("kind") not in {"country", "region", "city", "site"}:
            problems.append(f"{where}: kind {place.get('kind')!r}")
        if place.get("country") not in ISO3:
            problems.append(f"{where}: country {place.get('country')!r} is not ISO alpha-3")
        names = place.get("names_ar")
        if not isinstance(names, list) or not names:
            problems.append(f"{where}: no names")
            continue
        for name in names:
            if not isinstance(name, str) or not ARABIC_NAME_RE.fullmatch(name):
                problems.append(f"{where}: name {name!r} is not plain Arabic script")
        folded = [fold(n) for n in names]
        problems += [f"{where}: name {n!r} listed twice" for n in {n for n in folded if folded.count(n) > 1}]
        lat, lon = place.get("lat"), place.get("lon")
        if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)):
            problems.append(f"{where}: coordinates missing")
            continue
        if round(lat, 2) != lat or round(lon, 2) != lon:
            problems.append(f"{where}: coordinates have more than 2 decimals")
        box = BBOX.get(place["country"])
        if box and not (box[0] <= lat <= box[1] and box[2] <= lon <= box[3]):
            problems.append(f"{where}: ({lat}, {lon}) is outside {place['country']}'s box {box}")
    return problems


def test_division_file_is_well_formed(divisions) -> None:
    problems = place_problems(divisions)
    assert not problems, "\n".join(problems)
    assert all(p["kind"] == "region" for p in divisions)
    assert {p["country"] for p in divisions} <= BBOX.keys(), "every division's state needs a box"


def test_sites_are_well_formed(sites) -> None:
    problems = place_problems(sites)
    assert not problems, "\n".join(problems)


def test_place_ids_are_unique_across_files(divisions, sites) -> None:
    ids = [p["id"] for p in divisions + sites]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]


def test_division_coverage(divisions, sites) -> None:
    """The first-level divisions of every Arab League state (and Iran, Turkey's border provinces, Israel)
    are either here or in sites.yaml; the counts are the number of divisions each file lists."""
    per_country = Counter(p["country"] for p in divisions)
    for code, at_least in {
        "EGY": 24,
        "JOR": 11,
        "LBN": 9,
        "PSE": 16,
        "SAU": 13,
        "KWT": 6,
        "BHR": 4,
        "QAT": 8,
        "ARE": 6,
        "OMN": 11,
        "LBY": 19,
        "SDN": 12,
        "DZA": 45,
        "TUN": 23,
        "MAR": 12,
        "MRT": 15,
        "SOM": 20,
        "DJI": 6,
        "COM": 3,
        "IRN": 29,
        "TUR": 15,
        "ISR": 5,
        "YEM": 8,
    }.items():
        assert per_country[code] >= at_least, (code, per_country[code])
    # Syria's 14 and Iraq's 19 governorates are in sites.yaml
    site_ids = {p["id"] for p in sites}
    assert sum(i.startswith("syr-gov-") for i in site_ids) == 14
    assert sum(i.startswith("irq-gov-") for i in site_ids) == 19


def alias_repeat_problems(places: list[dict[str, Any]]) -> list[str]:
    """Names (folded) given to more than one place, unless shared by divisions of different states."""
    shared = {fold(name): states for name, states in SHARED_DIVISION_NAMES.items()}
    owners: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for place in places:
        for name in place["names_ar"]:
            owners[fold(name)].append((place["id"], place["country"]))
    problems = []
    for name, found in owners.items():
        countries = [country for _, country in found]
        if len(found) == 1:
            continue
        if name in shared and set(countries) <= shared[name] and len(countries) == len(set(countries)):
            continue
        problems.append(f"{name}: {sorted(found)}")
    return problems


def test_no_alias_repeats_in_curated_places(divisions, sites) -> None:
    problems = alias_repeat_problems(divisions + sites)
    assert not problems, "\n".join(problems)


def test_place_checks_catch_bad_data() -> None:
    good = {
        "id": "x",
        "names_ar": ["محافظة حلب"],
        "country": "SYR",
        "lat": 36.2,
        "lon": 37.16,
        "kind": "region",
    }
    assert not place_problems([good])
    assert place_problems([{**good, "lat": 37.16, "lon": 36.2 + 10}])  # outside Syria's box
    assert place_problems([{**good, "lat": 36.123}])  # false precision
    assert place_problems([{**good, "names_ar": ["Aleppo"]}])
    assert place_problems([{**good, "names_ar": ["محافظة حلب", "محافظه حلب"]}])  # same name twice
    assert place_problems([{**good, "kind": "governorate"}])
    assert alias_repeat_problems([good, {**good, "id": "y"}])
    capital = {**good, "names_ar": ["محافظة العاصمة"], "country": "JOR", "lat": 31.95, "lon": 35.93}
    assert not alias_repeat_problems([capital, {**capital, "id": "y", "country": "KWT"}])
    assert alias_repeat_problems([capital, {**capital, "id": "y", "country": "JOR"}])


def test_division_names_are_not_geonames_names(divisions, geonames_names) -> None:
    """One owner per name: a division never takes a name that geonames.csv gives a city."""
    clashes = [
        f"{p['id']}: {n} (also {geonames_names[fold(n)]})"
        for p in divisions
        for n in p["names_ar"]
        if fold(n) in geonames_names
    ]
    assert not clashes, "\n".join(clashes)


def test_a_division_named_like_its_capital_is_prefixed(divisions, geonames_names) -> None:
    """A bare one-word division name must not be a city's name (the region would shadow the city)."""
    for place in divisions:
        for name in place["names_ar"]:
            if " " not in name:
                assert fold(name) not in geonames_names, (place["id"], name)


def test_every_curated_name_compiles_to_its_place(divisions, sites) -> None:
    compiled = load_compiled()
    excluded = compiled.lexicon.excluded_aliases  # measured noisy on a corpus: left out on purpose
    missing = []
    for place in divisions + sites:
        for name in place["names_ar"]:
            if normalize(name).text in excluded:
                continue
            tokens = phrase_tokens(name)
            matches = compiled.find(tokens)
            if not any(
                m.first == tokens[0].index
                and m.last == tokens[-1].index + 1
                and any(e.kind == "place" and e.ref == place["id"] for e in m.entries)
                for m in matches
            ):
                missing.append(f"{place['id']}: {name}")
    assert not missing, "\n".join(missing[:30])


# ------------------------------------------------------------------------------------- groups: file


def test_groups_are_well_formed(groups) -> None:
    problems = actor_problems(groups)
    assert not problems, "\n".join(problems)
    assert all(g["type"] in {"group", "organisation"} for g in groups)
    assert all(g.get("codes") for g in groups), "every group has at least one code"


def test_groups_do_not_repeat_core_actors(groups, core_actors) -> None:
    core_ids = {a["id"] for a in core_actors}
    assert not core_ids & {g["id"] for g in groups}
    problems = shared_name_problems(core_actors + groups)
    assert not problems, "\n".join(problems)


def test_no_alias_repeats_within_groups(groups) -> None:
    keys = [key(name) for g in groups for name in g["names"]]
    assert not [k for k, n in Counter(keys).items() if n > 1]


def test_group_predecessors_exist(groups, core_actors) -> None:
    problems = predecessor_problems(core_actors + groups)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("group_id", "predecessor"),
    [
        ("wilayat-sinai", "ansar-bayt-al-maqdis"),
        ("aqim", "gspc"),
        ("saraya-al-salam", "mahdi-army"),
        ("badr-organization", "badr-corps"),
        ("rapid-support-forces", "janjaweed"),
        ("al-shabaab", "islamic-courts-union"),
        ("government-of-national-unity", "government-of-national-accord"),
        ("hikma-movement", "isci"),
        ("isci", "sciri"),
    ],
)
def test_renamings_are_linked(groups, group_id, predecessor) -> None:
    by_id = {g["id"]: g for g in groups}
    assert by_id[group_id]["predecessor"] == predecessor


@pytest.mark.parametrize(
    ("group_id", "day", "expected"),
    [
        ("rapid-support-forces", date(2019, 6, 3), "SDNMIL"),
        ("rapid-support-forces", date(2023, 4, 15), "SDNREB"),
        ("taliban", date(2010, 1, 1), "AFGREB"),
        ("taliban", date(2021, 8, 15), "AFGGOV"),
        ("freedom-and-justice-party", date(2012, 9, 1), "EGYGOV"),
        ("freedom-and-justice-party", date(2013, 9, 1), "EGYOPP"),
        ("southern-transitional-council", date(2019, 8, 10), "YEMSEP"),
        ("southern-transitional-council", date(2023, 1, 1), "YEMGOV"),
        ("ennahda", date(2012, 6, 1), "TUNGOV"),
        ("ennahda", date(2022, 6, 1), "TUNOPP"),
    ],
)
def test_dated_codes(groups, group_id, day, expected) -> None:
    group = next(g for g in groups if g["id"] == group_id)
    assert expected in codes_on(group, day)


def test_generic_role_nouns_exist() -> None:
    agents = _yaml(ACTORS / "agents.yaml")["agents"]
    code_of = {key(name): agent["code"] for agent in agents for name in agent["names"]}
    expected = {
        "النظام": "GOV",
        "المعارضة": "OPP",
        "المتمردون": "REB",
        "الجيش": "MIL",
        "الشرطة": "COP",
        "المحتجون": "CVL",
        "المسلحون": "REB",
    }
    assert {noun: code_of.get(key(noun)) for noun in expected} == expected


# ------------------------------------------------------------------------------------- in context


@pytest.mark.parametrize(
    ("day", "text", "mention", "actor_id", "code"),
    [
        (
            "2015-06-01",
            "هاجمت حركة الشباب المجاهدين مواقع الجيش في إقليم شبيلي السفلى",
            "حركة الشباب المجاهدين",
            "al-shabaab",
            "IMG",
        ),
        (
            "2013-10-01",
            "أعلنت جماعة أنصار بيت المقدس مسؤوليتها عن الهجوم في شمال سيناء",
            "جماعة أنصار بيت المقدس",
            "ansar-bayt-al-maqdis",
            "EGYREB",
        ),
        (
            "2016-10-01",
            "أعلن تنظيم ولاية سيناء مسؤوليته عن الهجوم",
            "تنظيم ولاية سيناء",
            "wilayat-sinai",
            "EGYREB",
        ),
        (
            "2022-01-01",
            "انتشرت قوات الدعم السريع في ولاية الخرطوم",
            "قوات الدعم السريع",
            "rapid-support-forces",
            "SDNMIL",
        ),
        (
            "2023-06-01",
            "اشتبكت قوات الدعم السريع مع الجيش في ولاية الخرطوم",
            "قوات الدعم السريع",
            "rapid-support-forces",
            "SDNREB",
        ),
        (
            "2010-01-01",
            "هاجمت عصائب أهل الحق القوات الأمريكية",
            "عصائب أهل الحق",
            "asaib-ahl-al-haq",
            "IRQREB",
        ),
        (
            "2018-01-01",
            "هاجمت عصائب أهل الحق القوات الأمريكية",
            "عصائب أهل الحق",
            "asaib-ahl-al-haq",
            "IRQMIL",
        ),
        ("2022-01-01", "اعتقلت حركة طالبان صحفيين في كابل", "حركة طالبان", "taliban", "AFGGOV"),
        (
            "2014-01-01",
            "استهدفت كتائب شهداء الأقصى حاجز زعترة",
            "كتائب شهداء الأقصى",
            "al-aqsa-martyrs-brigades",
            "PSEREB",
        ),
        (
            "2021-01-01",
            "اجتمع وفد المجلس الانتقالي الجنوبي في منطقة الرياض",
            "المجلس الانتقالي الجنوبي",
            "southern-transitional-council",
            "YEMGOV",
        ),
        (
            "2024-12-20",
            "دخلت إدارة العمليات العسكرية إلى دمشق",
            "إدارة العمليات العسكرية",
            "military-operations-command-syria",
            "SYRGOV",
        ),
        (
            "2008-01-01",
            "قصف تنظيم القاعدة في بلاد المغرب الإسلامي ثكنة في ولاية بومرداس",
            "تنظيم القاعدة في بلاد المغرب الإسلامي",
            "aqim",
            "IMG",  # al-Qaeda's branches: the transnational group first, as AQAP
        ),
        ("2017-06-01", "هاجمت قوات قسد مواقع داعش", "قوات قسد", "syrian-democratic-forces", "SYRREB"),
        ("2020-01-01", "هاجمت ميليشيا الحوثي مواقع الجيش", "ميليشيا الحوثي", "houthis", "YEMREB"),
    ],
)
def test_group_in_context(pipeline, day, text, mention, actor_id, code) -> None:
    analysis = analyze(pipeline, text, day)
    found = [a for a in analysis.actors if a.text == mention]
    assert found, f"no actor {mention!r} in {[(a.text, a.code) for a in analysis.actors]}"
    assert (found[0].actor_id, found[0].code) == (actor_id, code)


@pytest.mark.parametrize(
    ("text", "mention", "place_id", "lat", "lon"),
    [
        (
            "هاجمت حركة الشباب المجاهدين مواقع الجيش في إقليم شبيلي السفلى",
            "إقليم شبيلي السفلى",
            "som-gov-lower-shabelle",
            1.71,
            44.77,
        ),
        ("سقطت طائرة مسيرة قرب قاعدة حرير الجوية", "قاعدة حرير الجوية", "harir-air-base", 36.54, 44.35),
        ("تظاهر المئات في ولاية سيدي بوزيد", "ولاية سيدي بوزيد", "tun-gov-sidi-bouzid", 35.04, 9.48),
        (
            "قصفت المدفعية التركية مواقع حزب العمال الكردستاني في ولاية هكاري",
            "ولاية هكاري",
            "tur-gov-hakkari",
            37.58,
            43.74,
        ),
        ("قصفت الطائرات الإسرائيلية شمال قطاع غزة", "شمال قطاع غزة", "pse-gov-north-gaza", 31.53, 34.48),
        ("وصلت التعزيزات إلى منطقة القصيم", "منطقة القصيم", "sau-gov-qassim", 26.33, 43.97),
        (
            "سيطرت قوات سوريا الديمقراطية على حقل العمر النفطي",
            "حقل العمر النفطي",
            "al-omar-oil-field",
            34.96,
            40.58,
        ),
        ("أغلقت السلطات معبر جرابلس", "معبر جرابلس", "jarablus-crossing", 36.82, 38.01),
        ("قصفت الطائرات حي الشجاعية", "حي الشجاعية", "shujaiya", 31.50, 34.48),
        ("وصلت شحنة الوقود إلى ميناء رأس عيسى", "ميناء رأس عيسى", "ras-isa-port", 15.12, 42.60),
        ("نزح الآلاف إلى مخيم روج", "مخيم روج", "roj-camp", 37.00, 42.10),
        ("اندلعت اشتباكات في ولاية بومرداس", "ولاية بومرداس", "dza-gov-boumerdes", 36.76, 3.48),
    ],
)
def test_place_in_context(pipeline, text, mention, place_id, lat, lon) -> None:
    analysis = analyze(pipeline, text, "2020-01-01")
    found = [p for p in analysis.places if p.text == mention]
    assert found, f"no place {mention!r} in {[(p.text, p.place_id) for p in analysis.places]}"
    assert (found[0].place_id, found[0].lat, found[0].lon) == (place_id, lat, lon)


@pytest.mark.parametrize(
    ("text", "mention", "place_id"),
    [
        ("قصفت الطائرات مواقع في محافظة إدلب", "محافظة إدلب", "syr-gov-idlib"),
        ("وقع انفجار في محافظة البصرة", "محافظة البصرة", "irq-gov-basra"),
        ("نقل الجرحى إلى مستشفى كمال عدوان", "مستشفى كمال عدوان", "kamal-adwan-hospital"),
    ],
)
def test_a_longer_place_beats_an_agent_noun_at_the_same_word(pipeline, text, mention, place_id) -> None:
    analysis = analyze(pipeline, text, "2020-01-01")
    assert [p.place_id for p in analysis.places if p.text == mention] == [place_id]
