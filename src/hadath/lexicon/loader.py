"""Load and validate the lexicon files; every error names its file and line."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from hadath.lexicon.model import (
    ACTOR_CODE_RE,
    ACTOR_TYPES,
    CAMEO_EVENT_RE,
    CUE_CATEGORIES,
    QUAD_CLASSES,
    ROLE_CODE_RE,
    SUBJECT_ROLES,
    Actor,
    Agent,
    CameoCode,
    Country,
    DatedCode,
    EventEntry,
    Holder,
    Lexicon,
    NamePattern,
    Place,
    Role,
)
from hadath.schema import COUNTRY_CODE_RE
from hadath.text.normalize import normalize

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_ARABIC_RE = re.compile(r"[\u0600-\u06ff]")
_LINE = "__line__"

try:  # libyaml makes the big imported files load several times faster
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe YAML loader that records each mapping's line number under ``__line__``."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[str, Any]:
    # YAML keeps the last of two equal keys without a word: a second `note:` would silently replace
    # the first (or a second `codes:` an actor's codes), so a repeated key is an error
    seen: set[str] = set()
    for key_node, _ in node.value:
        key = key_node.value
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} in one entry", key_node.start_mark
            )
        seen.add(key)
    mapping = loader.construct_mapping(node, deep=True)
    mapping[_LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# dates stay strings: validation parses them itself so that errors can say which field was wrong
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _LineLoader.construct_yaml_str)


class LexiconError(ValueError):
    """One or more invalid lexicon entries; ``problems`` lists them as ``file:line: message``."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        shown = "\n  ".join(problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} problem(s) in the lexicon:\n  {shown}{more}")


class _Problems:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")


def data_files(data_dir: Path) -> list[Path]:
    """All lexicon files, in a stable order (the cache key is computed over them)."""
    return sorted(p for p in data_dir.rglob("*") if p.suffix in {".yaml", ".yml", ".csv"} and p.is_file())


def _read_yaml(path: Path, problems: _Problems) -> dict[str, Any] | None:
    try:
        with path.open(encoding="utf-8") as handle:
            content = yaml.load(handle, Loader=_LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problems.add(
            f"{path.parent.name}/{path.name}{line}", f"invalid YAML: {getattr(error, 'problem', error)}"
        )
        return None
    except (OSError, UnicodeDecodeError) as error:
        problems.add(str(path), f"cannot read: {error}")
        return None
    if not isinstance(content, dict):
        problems.add(f"{path.name}:1", "expected a mapping at the top level")
        return None
    return content


def _date(value: Any, where: str, field_name: str, problems: _Problems) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        problems.add(where, f"{field_name} {value!r} is not a YYYY-MM-DD date")
        return None


def _names(
    entry: dict[str, Any], key: str, where: str, problems: _Problems, required: bool = True
) -> tuple[str, ...]:
    raw = entry.get(key)
    if raw is None:
        if required:
            problems.add(where, f"missing '{key}'")
        return ()
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list):
        problems.add(where, f"'{key}' must be a list of strings")
        return ()
    names: list[str] = []
    for name in raw:
        if not isinstance(name, str) or not name.strip():
            problems.add(where, f"'{key}' has an empty or non-string name: {name!r}")
        elif not _ARABIC_RE.search(name):
            problems.add(where, f"'{key}' entry {name!r} has no Arabic letters")
        else:
            names.append(name.strip())
    return tuple(names)


def _entries(
    content: dict[str, Any], key: str, path: Path, problems: _Problems
) -> Iterator[tuple[str, dict]]:
    items = content.get(key)
    if items is None:
        return
    if not isinstance(items, list):
        problems.add(f"{path.name}:{content.get(_LINE, 1)}", f"'{key}' must be a list")
        return
    for item in items:
        if not isinstance(item, dict):
            problems.add(f"{path.name}", f"an item of '{key}' is not a mapping: {item!r}")
            continue
        yield f"{path.parent.name}/{path.name}:{item.get(_LINE, '?')}", item


def _load_actor(where: str, entry: dict, default_provenance: str, problems: _Problems) -> Actor | None:
    actor_id = entry.get("id")
    if not isinstance(actor_id, str) or not _ID_RE.match(actor_id):
        problems.add(where, f"actor id {actor_id!r} must match [a-z0-9][a-z0-9-]*")
        return None
    actor_type = entry.get("type", "group")
    if actor_type not in ACTOR_TYPES:
        problems.add(where, f"type {actor_type!r} is not one of {sorted(ACTOR_TYPES)}")
    codes: list[DatedCode] = []
    for raw in entry.get("codes") or []:
        raw = raw if isinstance(raw, dict) else {"code": raw}
        code = raw.get("code")
        if not isinstance(code, str) or not ACTOR_CODE_RE.match(code):
            problems.add(where, f"code {code!r} is not a CAMEO actor code (3-letter uppercase blocks)")
            continue
        start = _date(raw.get("from"), where, "from", problems)
        end = _date(raw.get("to"), where, "to", problems)
        if start and end and start > end:
            problems.add(where, f"code {code}: from {start} is after to {end}")
        codes.append(DatedCode(code, start, end))
    if not codes:
        problems.add(where, f"actor {actor_id!r} has no code")
    theatres = tuple(entry.get("theatres") or ())
    if any(not isinstance(t, str) or not COUNTRY_CODE_RE.fullmatch(t) for t in theatres):
        problems.add(where, f"theatres {list(theatres)!r} must be 3-letter country codes")
    theatre_names = _names(entry, "theatre_names", where, problems, required=False)
    if theatre_names and not theatres:
        problems.add(where, "theatre_names need theatres (the countries where they name this actor)")
    return Actor(
        id=actor_id,
        name_en=entry.get("name_en"),
        type=actor_type,
        codes=tuple(codes),
        names=_names(entry, "names", where, problems),
        origin=where,
        provenance=str(entry.get("provenance", default_provenance)),
        country=entry.get("country"),
        qid=entry.get("qid"),
        predecessor=entry.get("predecessor"),
        theatre_names=theatre_names,
        theatres=theatres,
    )


def parse_actor(entry: dict[str, Any], where: str, provenance: str = "") -> Actor:
    """One actor entry validated exactly as the loader validates it; raises LexiconError."""
    problems = _Problems()
    actor = _load_actor(where, entry, provenance, problems)
    if actor is None or problems.items:
        raise LexiconError(problems.items)
    return actor


def _load_actors_file(path: Path, content: dict, lexicon: Lexicon, problems: _Problems) -> None:
    provenance = str(content.get("provenance", ""))
    for where, entry in _entries(content, "actors", path, problems):
        actor = _load_actor(where, entry, provenance, problems)
        if actor is None:
            continue
        if actor.id in lexicon.actors:
            problems.add(
                where, f"duplicate actor id {actor.id!r} (first at {lexicon.actors[actor.id].origin})"
            )
            continue
        lexicon.actors[actor.id] = actor
    for where, entry in _entries(content, "countries", path, problems):
        code = entry.get("code")
        if not isinstance(code, str) or not COUNTRY_CODE_RE.fullmatch(code):
            problems.add(where, f"country code {code!r} must be 3 uppercase letters")
            continue
        lexicon.countries[code] = Country(
            code=code,
            name_en=str(entry.get("name_en", code)),
            names=_names(entry, "names", where, problems),
            adjectives=_names(entry, "adjectives", where, problems, required=False),
            people=_names(entry, "people", where, problems, required=False),
            capital=_names(entry, "capital", where, problems, required=False),
            origin=where,
            qid=entry.get("qid"),
            home_names=_names(entry, "home_names", where, problems, required=False),
        )
    for where, entry in _entries(content, "agents", path, problems):
        code = entry.get("code", "")
        code = "" if code is None else str(code)
        if not ROLE_CODE_RE.match(code):
            problems.add(where, f"agent code {code!r} must be 3-letter uppercase blocks")
            continue
        bare = entry.get("bare", True)
        if not isinstance(bare, bool):
            problems.add(where, f"agent bare {bare!r} must be true or false")
            continue
        serves = entry.get("serves")
        if serves is not None and not (isinstance(serves, str) and serves and ROLE_CODE_RE.match(serves)):
            problems.add(where, f"agent serves {serves!r} must be a 3-letter uppercase role block")
            continue
        lexicon.agents.append(
            Agent(
                _names(entry, "names", where, problems),
                code,
                where,
                str(entry.get("provenance", provenance)),
                bare,
                serves,
            )
        )
    for where, entry in _entries(content, "name_patterns", path, problems):
        code = str(entry.get("code", ""))
        kind = entry.get("kind", "group")
        if not ROLE_CODE_RE.match(code) or not code:
            problems.add(where, f"name pattern code {code!r} must be 3-letter uppercase blocks")
            continue
        if kind not in ACTOR_TYPES:
            problems.add(where, f"name pattern kind {kind!r} is not one of {sorted(ACTOR_TYPES)}")
            continue
        lexicon.name_patterns.append(NamePattern(_names(entry, "heads", where, problems), code, kind, where))
    for where, entry in _entries(content, "roles", path, problems):
        _load_role(where, entry, lexicon, problems)


def _load_role(where: str, entry: dict, lexicon: Lexicon, problems: _Problems) -> None:
    role_id = entry.get("id")
    if not isinstance(role_id, str) or not _ID_RE.match(role_id):
        problems.add(where, f"role id {role_id!r} must match [a-z0-9][a-z0-9-]*")
        return
    code = str(entry.get("code", ""))
    if not ROLE_CODE_RE.match(code):
        problems.add(where, f"role code {code!r} must be 3-letter uppercase blocks")
    holders: dict[str, tuple[Holder, ...]] = {}
    raw_holders = entry.get("holders") or {}
    if not isinstance(raw_holders, dict):
        problems.add(where, "holders must map country codes to lists")
        raw_holders = {}
    for country, items in raw_holders.items():
        if country == _LINE:
            continue
        parsed: list[Holder] = []
        for item in items or []:
            item_where = (
                f"{where.rsplit(':', 1)[0]}:{item.get(_LINE, '?')}" if isinstance(item, dict) else where
            )
            if not isinstance(item, dict) or not isinstance(item.get("actor"), str):
                problems.add(item_where, f"holder of {role_id} in {country} needs an 'actor' id")
                continue
            start = _date(item.get("from"), item_where, "from", problems)
            end = _date(item.get("to"), item_where, "to", problems)
            if start and end and start > end:
                problems.add(item_where, f"holder {item['actor']}: from {start} is after to {end}")
            parsed.append(Holder(item["actor"], start, end, item_where))
        holders[str(country)] = tuple(parsed)
    if role_id in lexicon.roles:
        problems.add(where, f"duplicate role id {role_id!r}")
        return
    country = entry.get("country")
    if country is not None and not COUNTRY_CODE_RE.fullmatch(str(country)):
        problems.add(where, f"role country {country!r} must be an ISO alpha-3 code")
        country = None
    lexicon.roles[role_id] = Role(
        role_id, _names(entry, "names", where, problems), code, holders, where, country
    )


def _load_events_file(path: Path, content: dict, lexicon: Lexicon, problems: _Problems) -> None:
    provenance = str(content.get("provenance", ""))
    for where, entry in _entries(content, "events", path, problems):
        cameo = entry.get("cameo")
        cameo = str(cameo) if cameo is not None else None
        if cameo is None or not CAMEO_EVENT_RE.match(cameo):
            problems.add(where, f"cameo {cameo!r} must be a 2-4 digit code written as a string")
            continue
        if lexicon.cameo and cameo not in lexicon.cameo:
            problems.add(where, f"cameo {cameo!r} is not in ontology/cameo.csv")
            continue
        pos = entry.get("pos", "noun")
        if pos not in {"verb", "noun"}:
            problems.add(where, f"pos {pos!r} must be verb or noun")
            continue
        genitive = entry.get("genitive", "source")
        if genitive not in {"source", "target"}:
            problems.add(where, f"genitive {genitive!r} must be source or target")
            continue
        subject = entry.get("subject", "agent")
        if subject not in SUBJECT_ROLES:
            problems.add(where, f"subject {subject!r} must be one of {', '.join(SUBJECT_ROLES)}")
            continue
        context_groups: list[tuple[str, ...]] = []
        for group in entry.get("context") or []:
            group = [group] if isinstance(group, str) else group
            if not isinstance(group, list) or not group or not all(isinstance(w, str) for w in group):
                problems.add(where, f"context group {group!r} must be a non-empty list of words")
                continue
            context_groups.append(tuple(group))
        light_verb = entry.get("light_verb", False)
        if not isinstance(light_verb, bool) or (light_verb and (pos != "verb" or not context_groups)):
            problems.add(where, "light_verb must be true or false, and true only for a verb with a context")
            continue
        flags = {name: entry.get(name, False) for name in ("needs_target", "mutual")}
        wrong = [name for name, value in flags.items() if not isinstance(value, bool)]
        if wrong:
            problems.add(where, f"{', '.join(wrong)} must be true or false")
            continue
        lexicon.events.append(
            EventEntry(
                cameo=cameo,
                triggers=_names(entry, "triggers", where, problems),
                pos=pos,
                origin=where,
                provenance=str(entry.get("provenance", provenance)),
                plover=entry.get("plover"),
                context=tuple(context_groups),
                source_roles=tuple(entry.get("source_roles") or ()),
                genitive=genitive,
                subject=subject,
                light_verb=light_verb,
                needs_target=flags["needs_target"],
                mutual=flags["mutual"],
                note=entry.get("note"),
            )
        )


def _non_empty_strings(value: object) -> bool:
    """Whether ``value`` is a list of non-empty strings (as YAML gives a list of words)."""
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _load_cues_file(path: Path, content: dict, lexicon: Lexicon, problems: _Problems) -> None:
    where = f"{path.parent.name}/{path.name}"
    for category in CUE_CATEGORIES:
        values = content.get(category)
        if values is None:
            continue
        if not _non_empty_strings(values):
            problems.add(where, f"cue list '{category}' must be a list of non-empty strings")
            continue
        lexicon.cues[category] = tuple(dict.fromkeys(lexicon.cues.get(category, ()) + tuple(values)))
    pairs = []
    for raw in content.get("quote_pairs") or []:
        if isinstance(raw, list) and len(raw) == 2 and all(isinstance(c, str) and c for c in raw):
            pairs.append((raw[0], raw[1]))
        else:
            problems.add(where, f"quote pair {raw!r} must be [open, close]")
    if pairs:
        lexicon.quote_pairs = tuple(pairs)


def _load_places_yaml(path: Path, content: dict, lexicon: Lexicon, problems: _Problems) -> None:
    provenance = str(content.get("provenance", ""))
    for where, entry in _entries(content, "places", path, problems):
        _add_place(where, entry, provenance, lexicon, problems)


def _add_place(where: str, entry: dict, provenance: str, lexicon: Lexicon, problems: _Problems) -> None:
    place_id = entry.get("id")
    if not isinstance(place_id, str) or not place_id:
        problems.add(where, "place without id")
        return
    names = entry.get("names_ar")
    if isinstance(names, str):
        names = [n for n in names.split("|") if n.strip()]
    entry = {**entry, "names_ar": names}
    lat = _float(entry.get("lat"), where, "lat", problems, -90, 90)
    lon = _float(entry.get("lon"), where, "lon", problems, -180, 180)
    country = entry.get("country") or None
    if country is not None and not COUNTRY_CODE_RE.fullmatch(str(country)):
        problems.add(where, f"country {country!r} must be an ISO alpha-3 code")
    kind = entry.get("kind") or "city"
    if kind not in {"country", "region", "city", "site"}:
        problems.add(where, f"kind {kind!r} must be country, region, city or site")
    if place_id in lexicon.places:
        problems.add(where, f"duplicate place id {place_id!r} (first at {lexicon.places[place_id].origin})")
        return
    population = entry.get("population") or 0
    lexicon.places[place_id] = Place(
        id=place_id,
        name_en=str(entry.get("name_en") or place_id),
        names=_names(entry, "names_ar", where, problems),
        country=country,
        lat=lat,
        lon=lon,
        kind=kind,
        origin=where,
        provenance=str(entry.get("provenance") or provenance),
        population=int(float(population)) if str(population).strip() else 0,
    )


def _float(value: Any, where: str, name: str, problems: _Problems, low: float, high: float) -> float | None:
    if value in (None, ""):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        problems.add(where, f"{name} {value!r} is not a number")
        return None
    if not low <= number <= high:
        problems.add(where, f"{name} {number} outside [{low}, {high}]")
        return None
    return number


def _load_places_csv(path: Path, lexicon: Lexicon, problems: _Problems) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        for line_number, row in enumerate(csv.DictReader(handle), start=2):
            _add_place(f"{path.parent.name}/{path.name}:{line_number}", row, "", lexicon, problems)


def _load_cameo_csv(path: Path, lexicon: Lexicon, problems: _Problems) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        for line_number, row in enumerate(csv.DictReader(handle), start=2):
            where = f"{path.parent.name}/{path.name}:{line_number}"
            code = (row.get("code") or "").strip()
            if not CAMEO_EVENT_RE.match(code):
                problems.add(where, f"CAMEO code {code!r} must be 2-4 digits")
                continue
            quad = row.get("quad_class") or None
            if quad is not None and quad not in QUAD_CLASSES:
                problems.add(where, f"quad_class {quad!r} must be one of {QUAD_CLASSES}")
            goldstein = _float(row.get("goldstein"), where, "goldstein", problems, -10, 10)
            lexicon.cameo[code] = CameoCode(
                code=code,
                label=row.get("label") or "",
                goldstein=goldstein,
                quad_class=quad,
                plover_type=row.get("plover_type") or None,
                plover_mode=row.get("plover_mode") or None,
                plover_context=row.get("plover_context") or None,
            )


def _check_references(lexicon: Lexicon, problems: _Problems) -> None:
    for role in lexicon.roles.values():
        for country, holders in role.holders.items():
            if country not in lexicon.countries and country != "IGO":
                problems.add(role.origin, f"role {role.id}: unknown country {country!r}")
            for holder in holders:
                if holder.actor not in lexicon.actors:
                    where = holder.origin or role.origin
                    problems.add(where, f"role {role.id} ({country}): unknown actor {holder.actor!r}")
    for actor in lexicon.actors.values():
        if actor.predecessor and actor.predecessor not in lexicon.actors:
            problems.add(actor.origin, f"predecessor {actor.predecessor!r} is not an actor id")
    for outlet, country in lexicon.outlet_countries.items():
        if country not in lexicon.countries:
            problems.add("sources/outlets.yaml", f"outlet {outlet!r}: unknown country {country!r}")


def _load_curation_file(path: Path, content: dict, lexicon: Lexicon, problems: _Problems) -> None:
    """``excluded_aliases``: aliases that fire like common words on real text; other curation files
    (name_triggers.yaml) are read by the tools that use them."""
    for where, entry in _entries(content, "excluded_aliases", path, problems):
        alias, reason = entry.get("alias"), entry.get("reason")
        if not isinstance(alias, str) or not _ARABIC_RE.search(alias):
            problems.add(where, f"'alias' must be an Arabic string, got {alias!r}")
        elif not isinstance(reason, str) or not reason.strip():
            problems.add(where, f"excluded alias {alias!r} needs a 'reason'")
        else:
            lexicon.excluded_aliases[normalize(alias).text] = reason.strip()


def _load_sources_file(path: Path, content: dict, lexicon: Lexicon, problems: _Problems) -> None:
    """``outlets``: news outlets whose home country is known, by the names a document's ``source`` gives."""
    for where, entry in _entries(content, "outlets", path, problems):
        names, country = entry.get("names"), entry.get("country")
        if not names or not _non_empty_strings(names):
            problems.add(where, "'names' must be a non-empty list of strings")
        elif not isinstance(country, str) or not COUNTRY_CODE_RE.fullmatch(country):
            problems.add(where, f"'country' must be an ISO 3166 alpha-3 code, got {country!r}")
        else:
            for name in names:
                key = name.strip().lower()
                if lexicon.outlet_countries.get(key, country) != country:
                    problems.add(where, f"outlet {name!r} is listed with two countries")
                lexicon.outlet_countries[key] = country


def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    """Read and validate every lexicon file under ``data_dir``; raise LexiconError listing all problems."""
    problems = _Problems()
    lexicon = Lexicon()
    cameo_csv = data_dir / "ontology" / "cameo.csv"
    if cameo_csv.exists():
        _load_cameo_csv(cameo_csv, lexicon, problems)
    handlers: dict[str, Callable[[Path, dict, Lexicon, _Problems], None]] = {
        "actors": _load_actors_file,
        "events": _load_events_file,
        "cues": _load_cues_file,
        "places": _load_places_yaml,
        "curation": _load_curation_file,
        "sources": _load_sources_file,
    }
    for path in data_files(data_dir):
        folder = path.relative_to(data_dir).parts[0]
        if path.suffix == ".csv":
            if folder == "places":
                _load_places_csv(path, lexicon, problems)
            continue
        handler = handlers.get(folder)
        if handler is None:
            continue
        content = _read_yaml(path, problems)
        if content is not None:
            handler(path, content, lexicon, problems)
    _check_references(lexicon, problems)
    if problems.items:
        raise LexiconError(problems.items)
    return lexicon
