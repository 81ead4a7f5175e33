"""Consistency of the actor lexicon data: actors/core.yaml, actors/agents.yaml, actors/roles.yaml.

These tests read the YAML directly (no loader), so they keep the data honest while the loader is being
written. Each check is a function returning a list of problems; the tests assert the lists are empty,
and ``test_checks_catch_bad_data`` feeds each check broken data to show it can fail.
"""

from __future__ import annotations

import itertools
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from hadath.text.normalize import normalize

ACTORS_DIR = Path(__file__).resolve().parents[2] / "src" / "hadath" / "data" / "actors"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# ISO 3166-1 alpha-3 (all officially assigned codes).
ISO3 = _words(
    """
    ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR
    BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL
    COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK
    FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV
    HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO
    LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG
    MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN
    PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE
    SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO
    TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE
    """
)
# CAMEO blocks that stand where a country would: international / transnational actors.
TRANSNATIONAL = frozenset({"IGO", "IMG", "NGO", "NGM", "MNC", "UIS"})
# CAMEO role blocks (domestic and "other" roles), REL as used by the OEDA Arabic agent dictionary, and the
# main religion blocks.
ROLE_BLOCKS = _words(
    """
    COP GOV INS JUD MIL OPP PTY REB SEP SPY UAF
    AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED MOD RAD REF REL
    MUS SHI SUN CHR JEW BUD HIN
    """
)
ACTOR_TYPES = frozenset({"person", "organisation", "group", "state"})
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
# Arabic letters only (hamza .. yeh without tatweel), words separated by single spaces: no diacritics,
# no tatweel, no Persian/Urdu letters, no Latin, no digits or punctuation.
ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a"
ARABIC_NAME_RE = re.compile(f"^[{ARABIC_LETTERS}]+(?: [{ARABIC_LETTERS}]+)*$")

EXAMPLE_DATE = date(2016, 3, 16)  # the worked example (shared/examples/syria-2016-withdrawal)


# ----------------------------------------------------------------------------------------------- loading


def _load(name: str) -> dict[str, Any]:
    with (ACTORS_DIR / name).open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    assert isinstance(data, dict), f"{name}: top level must be a mapping"
    return data


@pytest.fixture(scope="module")
def core() -> dict[str, Any]:
    return _load("core.yaml")


@pytest.fixture(scope="module")
def agents() -> dict[str, Any]:
    return _load("agents.yaml")


@pytest.fixture(scope="module")
def roles() -> dict[str, Any]:
    return _load("roles.yaml")


@pytest.fixture(scope="module")
def actors(core: dict[str, Any]) -> list[dict[str, Any]]:
    # the curated actor files; roles.yaml draws its holders from both (office holders since 2000 live in
    # officials.yaml)
    return core["actors"] + _load("officials.yaml")["actors"]


@pytest.fixture(scope="module")
def by_id(actors: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {actor["id"]: actor for actor in actors}


# ---------------------------------------------------------------------------------------------- helpers


def as_date(value: Any) -> date | None:
    """YAML gives unquoted ISO dates as ``date``; quoted ones arrive as strings."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def covers(span: dict[str, Any], day: date) -> bool:
    start, end = as_date(span.get("from")), as_date(span.get("to"))
    return (start is None or start <= day) and (end is None or day <= end)


def codes_on(actor: dict[str, Any], day: date) -> list[str]:
    return [entry["code"] for entry in actor.get("codes", []) if covers(entry, day)]


def holder_on(role: dict[str, Any], country: str, day: date) -> str | None:
    """The holder on ``day``; on a handover day the incoming holder wins."""
    current = [h for h in role["holders"].get(country, []) if covers(h, day)]
    if not current:
        return None
    return max(current, key=lambda h: as_date(h.get("from")) or date.min)["actor"]


def key(name: str) -> str:
    return normalize(name).text


def _fmt(problems: list[str], limit: int = 25) -> str:
    more = f"\n... and {len(problems) - limit} more" if len(problems) > limit else ""
    return "\n".join(problems[:limit]) + more


# ----------------------------------------------------------------------------------------------- checks


def code_problems(code: Any, *, role_only: bool = False) -> list[str]:
    """Problems with one CAMEO actor code (``role_only``: role blocks without a country, as in agents)."""
    if not isinstance(code, str) or not re.fullmatch(r"(?:[A-Z]{3})+", code):
        return [f"{code!r} is not a sequence of 3-letter upper-case blocks"]
    blocks = [code[i : i + 3] for i in range(0, len(code), 3)]
    problems = []
    if not role_only:
        head, blocks = blocks[0], blocks[1:]
        if head not in ISO3 and head not in TRANSNATIONAL:
            problems.append(f"{code}: first block {head} is neither ISO alpha-3 nor {sorted(TRANSNATIONAL)}")
    problems += [f"{code}: unknown role block {block}" for block in blocks if block not in ROLE_BLOCKS]
    return problems


def span_problems(span: dict[str, Any], where: str) -> list[str]:
    try:
        start, end = as_date(span.get("from")), as_date(span.get("to"))
    except (TypeError, ValueError) as error:
        return [f"{where}: invalid date ({error})"]
    if start and end and start > end:
        return [f"{where}: from {start} is after to {end}"]
    return []


def name_problems(names: Any, where: str) -> list[str]:
    if not isinstance(names, list) or not names:
        return [f"{where}: names must be a non-empty list"]
    return [
        f"{where}: name {name!r} is not plain Arabic script"
        for name in names
        if not isinstance(name, str) or not ARABIC_NAME_RE.fullmatch(name)
    ]


def actor_problems(actors: list[dict[str, Any]]) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    for index, actor in enumerate(actors):
        ident = actor.get("id")
        where = f"actors[{index}] ({ident})"
        if not isinstance(ident, str) or not ID_RE.fullmatch(ident):
            problems.append(f"{where}: bad id")
        elif ident in seen:
            problems.append(f"{where}: duplicate id")
        else:
            seen.add(ident)
        if not isinstance(actor.get("name_en"), str) or not actor["name_en"].strip():
            problems.append(f"{where}: name_en missing")
        if actor.get("type") not in ACTOR_TYPES:
            problems.append(f"{where}: type {actor.get('type')!r} not in {sorted(ACTOR_TYPES)}")
        if "qid" in actor and not QID_RE.fullmatch(str(actor["qid"])):
            problems.append(f"{where}: bad qid {actor['qid']!r}")
        if "country" in actor and actor["country"] not in ISO3:
            problems.append(f"{where}: country {actor['country']!r} is not ISO alpha-3")
        codes = actor.get("codes")
        if not isinstance(codes, list) or not codes:
            problems.append(f"{where}: codes must be a non-empty list")
            codes = []
        for entry in codes:
            problems += [f"{where}: {p}" for p in code_problems(entry.get("code"))]
            problems += span_problems(entry, f"{where} code {entry.get('code')}")
        problems += name_problems(actor.get("names"), where)
        keys = [key(name) for name in actor.get("names") or [] if isinstance(name, str)]
        problems += [f"{where}: name {k!r} listed twice" for k in {k for k in keys if keys.count(k) > 1}]
    return problems


def predecessor_problems(actors: list[dict[str, Any]]) -> list[str]:
    ids = {actor.get("id") for actor in actors}
    return [
        f"{actor['id']}: predecessor {actor['predecessor']!r} is not an actor id"
        for actor in actors
        if "predecessor" in actor and actor["predecessor"] not in ids
    ]


def shared_name_problems(actors: list[dict[str, Any]]) -> list[str]:
    """A name (after normalisation) must point at one actor; date-based disambiguation is not allowed."""
    owners: dict[str, set[str]] = {}
    for actor in actors:
        for name in actor.get("names") or []:
            owners.setdefault(key(name), set()).add(actor["id"])
    return [
        f"name {name!r} belongs to several actors: {sorted(ids)}"
        for name, ids in sorted(owners.items())
        if len(ids) > 1
    ]


def agent_problems(agents: list[dict[str, Any]]) -> list[str]:
    problems: list[str] = []
    owner: dict[str, str] = {}
    for index, agent in enumerate(agents):
        where = f"agents[{index}]"
        problems += [f"{where}: {p}" for p in code_problems(agent.get("code"), role_only=True)]
        problems += name_problems(agent.get("names"), where)
        for name in agent.get("names") or []:
            if not isinstance(name, str):
                continue
            previous = owner.setdefault(key(name), agent.get("code"))
            if previous != agent.get("code"):
                problems.append(f"{where}: {name!r} is both {previous} and {agent.get('code')}")
    return problems


def _within(start: date | None, end: date | None, outer: dict[str, Any]) -> bool:
    """Whether the span start..end (None = open) lies inside ``outer``'s from..to."""
    outer_start, outer_end = as_date(outer.get("from")), as_date(outer.get("to"))
    starts_inside = outer_start is None or (start is not None and outer_start <= start)
    ends_inside = outer_end is None or (end is not None and end <= outer_end)
    return starts_inside and ends_inside


def role_problems(roles: list[dict[str, Any]], by_id: dict[str, dict[str, Any]]) -> list[str]:
    """Structure, holder ids, dates, overlaps, and tenures inside the holder's actor codes."""
    problems: list[str] = []
    seen: set[str] = set()
    for role in roles:
        rid = role.get("id")
        if not isinstance(rid, str) or not ID_RE.fullmatch(rid) or rid in seen:
            problems.append(f"role {rid!r}: bad or duplicate id")
        seen.add(rid)
        problems += name_problems(role.get("names"), f"role {rid}")
        code = role.get("code")
        if code != "IGO":
            problems += [f"role {rid}: {p}" for p in code_problems(code, role_only=True)]
        if "country" in role and role["country"] not in ISO3:
            problems.append(f"role {rid}: country {role['country']!r} is not ISO alpha-3")
        holders = role.get("holders")
        if not isinstance(holders, dict) or not holders:
            problems.append(f"role {rid}: holders must be a non-empty mapping")
            continue
        for country, tenures in holders.items():
            where = f"role {rid} {country}"
            if country not in ISO3 and country != "IGO":
                problems.append(f"{where}: holder key is neither ISO alpha-3 nor IGO")
            dated: list[tuple[date, date, str]] = []
            for tenure in tenures:
                actor_id = tenure.get("actor")
                span_where = f"{where} {actor_id}"
                span_issues = span_problems(tenure, span_where)
                problems += span_issues
                actor = by_id.get(actor_id)
                if actor is None:
                    problems.append(f"{span_where}: not an actor id in core.yaml")
                    continue
                if span_issues:
                    continue
                start, end = as_date(tenure.get("from")), as_date(tenure.get("to"))
                dated.append((start or date.min, end or date.max, actor_id))
                # the tenure must lie inside one of the actor's codes for this country and role
                wanted = "IGO" if code == "IGO" else f"{country}{code}"
                inside = [
                    entry
                    for entry in actor.get("codes", [])
                    if entry.get("code") == wanted and _within(start, end, entry)
                ]
                if not inside:
                    problems.append(
                        f"{span_where}: tenure {start}..{end} is not inside any {wanted} code of the actor"
                    )
            dated.sort()
            for (_, prev_end, prev_id), (next_start, _, next_id) in itertools.pairwise(dated):
                # inclusive ranges; sharing the handover day is allowed, anything more is an overlap
                if next_start < prev_end:
                    problems.append(
                        f"{where}: {prev_id} (to {prev_end}) overlaps {next_id} (from {next_start})"
                    )
    return problems


# ------------------------------------------------------------------------------------------------ tests


def test_files_parse_with_provenance_and_licence(core, agents, roles) -> None:
    files = (("core", core, "actors"), ("agents", agents, "agents"), ("roles", roles, "roles"))
    for name, data, section in files:
        assert data.get("provenance"), f"{name}.yaml: provenance missing"
        assert data.get("licence"), f"{name}.yaml: licence missing"
        assert isinstance(data.get(section), list) and data[section], f"{name}.yaml: {section} missing"


def test_actors_are_well_formed(actors) -> None:
    problems = actor_problems(actors)
    assert not problems, _fmt(problems)


def test_actor_ids_are_unique(actors) -> None:
    ids = [actor["id"] for actor in actors]
    duplicates = sorted({ident for ident in ids if ids.count(ident) > 1})
    assert not duplicates, duplicates


def test_predecessors_exist(actors) -> None:
    problems = predecessor_problems(actors)
    assert not problems, _fmt(problems)


def test_each_name_points_at_one_actor(actors) -> None:
    problems = shared_name_problems(actors)
    assert not problems, _fmt(problems)


def test_agents_are_well_formed(agents) -> None:
    problems = agent_problems(agents["agents"])
    assert not problems, _fmt(problems)


def test_roles_are_consistent_with_actors(roles, by_id) -> None:
    problems = role_problems(roles["roles"], by_id)
    assert not problems, _fmt(problems)


def test_actor_and_agent_names_do_not_collide(actors, agents) -> None:
    """A named actor must not share its exact key with a generic agent noun (the agent would shadow it).
    Agents that are actors only with a country next to them (``bare: false``: "القاعدة الأمريكية" is a
    base) shadow nothing said alone ("القاعدة" is still al-Qaeda)."""
    agent_keys = {
        key(name) for agent in agents["agents"] if agent.get("bare", True) for name in agent["names"]
    }
    clashes = sorted(
        f"{actor['id']}: {name}" for actor in actors for name in actor["names"] if key(name) in agent_keys
    )
    assert not clashes, _fmt(clashes)


# The worked example: a 2016 op-ed on Russia's announced withdrawal from Syria. Each must-have actor is
# looked up by its English name, must carry one of the expected codes on the document date, and must
# list the surface form the article uses (after normalisation).
MUST_HAVE = [
    ("Vladimir Putin", {"RUSGOV"}, "بوتين"),
    ("Bashar al-Assad", {"SYRGOV"}, "بشار الأسد"),
    ("Walid al-Muallem", {"SYRGOV"}, "وليد المعلم"),
    ("Bashar al-Jaafari", {"SYRGOV"}, "الجعفري"),
    ("Islamic State (ISIS)", {"IMG", "SYRREB", "IRQREB"}, "داعش"),
    ("al-Nusra Front", {"IMG", "SYRREB"}, "جبهة النصرة"),
    ("Ahrar al-Sham", {"SYRREB"}, "احرار الشام"),
    ("Free Syrian Army", {"SYRREB"}, "الجيش الحر"),
    ("Islamic Front", {"SYRREB"}, "الجبهة الاسلامية"),
]


@pytest.mark.parametrize(("name_en", "expected_codes", "mention"), MUST_HAVE)
def test_worked_example_actors(actors, name_en, expected_codes, mention) -> None:
    found = [actor for actor in actors if actor["name_en"] == name_en]
    assert len(found) == 1, f"{name_en}: expected exactly one actor, found {len(found)}"
    actor = found[0]
    on_date = set(codes_on(actor, EXAMPLE_DATE))
    assert on_date & expected_codes, f"{name_en}: codes on {EXAMPLE_DATE} are {sorted(on_date)}"
    assert key(mention) in {key(name) for name in actor["names"]}, f"{name_en}: no name matching {mention}"


@pytest.mark.parametrize(
    ("role_id", "country", "expected"),
    [
        ("foreign-minister", "SYR", "walid-muallem"),  # "وزير خارجية سوريا"
        ("chief-negotiator", "SYR", "bashar-al-jaafari"),  # "كبير مفاوضي النظام"
        ("head-of-state", "RUS", "vladimir-putin"),  # "الرئيس بوتين"
        ("head-of-state", "SYR", "bashar-al-assad"),
        ("un-envoy", "SYR", "staffan-de-mistura"),
    ],
)
def test_worked_example_roles(roles, role_id, country, expected) -> None:
    role = next(r for r in roles["roles"] if r["id"] == role_id)
    assert holder_on(role, country, EXAMPLE_DATE) == expected


def test_handover_day_goes_to_the_incoming_holder(roles) -> None:
    role = next(r for r in roles["roles"] if r["id"] == "head-of-state")
    assert holder_on(role, "RUS", date(2008, 5, 7)) == "dmitry-medvedev"
    assert holder_on(role, "RUS", date(2008, 5, 6)) == "vladimir-putin"


def test_checks_catch_bad_data() -> None:
    """Every check above must be able to fail."""
    assert code_problems("SYRGOVX")
    assert code_problems("XXXGOV")
    assert code_problems("SYRFOO")
    assert code_problems("GOV", role_only=False)  # a role block is not a country
    assert not code_problems("SYRGOV")
    assert not code_problems("IGO")
    assert not code_problems("MIL", role_only=True)
    assert span_problems({"from": date(2020, 1, 2), "to": date(2020, 1, 1)}, "x")
    assert span_problems({"from": "2020-13-01"}, "x")
    assert name_problems(["بَشَّار"], "x")  # diacritics
    assert name_problems(["Assad"], "x")
    assert name_problems(["لافروڤ"], "x")  # non-Arabic letter
    assert name_problems(["بشار  الأسد"], "x")  # double space
    assert name_problems([], "x")

    good = {"id": "a", "name_en": "A", "type": "person", "codes": [{"code": "SYRGOV"}], "names": ["ألف"]}
    assert not actor_problems([good])
    assert actor_problems([good, dict(good)])  # duplicate id
    assert actor_problems([{**good, "type": "robot"}])
    assert actor_problems([{**good, "country": "XX"}])
    assert actor_problems([{**good, "names": ["ألف", "الف"]}])  # same name twice after normalisation
    assert predecessor_problems([{**good, "predecessor": "nobody"}])
    assert shared_name_problems([good, {**good, "id": "b"}])
    assert agent_problems([{"names": ["الأمن"], "code": "COP"}, {"names": ["الامن"], "code": "GOV"}])

    actors_by_id = {
        "a": {**good, "codes": [{"code": "SYRGOV", "from": date(2000, 1, 1), "to": date(2010, 1, 1)}]},
        "b": {**good, "id": "b", "codes": [{"code": "SYRGOV"}]},
    }

    def role(*tenures: dict[str, Any], code: str = "GOV") -> list[dict[str, Any]]:
        return [{"id": "r", "names": ["رئيس"], "code": code, "holders": {"SYR": list(tenures)}}]

    fine = role(
        {"actor": "a", "from": date(2001, 1, 1), "to": date(2005, 1, 1)},
        {"actor": "b", "from": date(2005, 1, 1)},
    )
    assert not role_problems(fine, actors_by_id)
    assert role_problems(role({"actor": "ghost"}), actors_by_id)  # unknown holder
    assert role_problems(  # overlap
        role(
            {"actor": "a", "from": date(2001, 1, 1), "to": date(2005, 1, 1)},
            {"actor": "b", "from": date(2004, 1, 1)},
        ),
        actors_by_id,
    )
    assert role_problems(  # tenure outside the actor's code
        role({"actor": "a", "from": date(2001, 1, 1), "to": date(2012, 1, 1)}), actors_by_id
    )
    assert role_problems(role({"actor": "b"}, code="MIL"), actors_by_id)  # no SYRMIL code
