"""Curation of the lexicon: find what it says about a name, and add an actor to a curator file.

``search`` matches Arabic text the way analysis does (an entry whose alias has the same match keys as
the query: "والكاظمي" finds الكاظمي) and also by normalised substring ("كاظم" finds مصطفى الكاظمي);
Latin text is a case-insensitive substring of ids, English names and codes.

``add`` appends an actor to a YAML file under the data directory (``actors/local.yaml`` unless told
otherwise), after validating it like the loader does and refusing an id that exists or an alias that
an existing curated actor of the same country already has on overlapping dates. The
file is appended to, never re-dumped, so its comments and layout stay as the curator wrote them; if the
lexicon does not load afterwards the file is restored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from hadath.lexicon.check import alias_clash, date_range
from hadath.lexicon.compiled import CompiledLexicon, is_trusted, phrase_tokens
from hadath.lexicon.loader import LexiconError, load_lexicon, parse_actor
from hadath.lexicon.model import Actor, DatedCode, Holder
from hadath.text.normalize import normalize

DEFAULT_ADD_FILE = Path("actors") / "local.yaml"
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_COUNTRY_KINDS = frozenset({"country", "adjective", "people", "capital"})
_NEW_FILE_HEADER = """\
# Actors added with `hadath lexicon add` (docs/lexicon.md, "Curation tools"). Edit freely: the tool
# only appends entries to the `actors:` list, which must stay the last key of this file.
provenance: "Hadath curators (hadath lexicon add)"
licence: MIT
actors:
"""


# ---------------------------------------------------------------------------------------------- search


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str  # actor | country | role | place | agent
    ref: str  # id, code or index
    lines: tuple[str, ...]  # the description, first line first


def search_lexicon(compiled: CompiledLexicon, text: str) -> list[SearchHit]:
    """Entries whose names, aliases, English names or ids match ``text`` (module docstring)."""
    arabic = bool(_ARABIC.search(text))
    keyed = _entries_with_keys_of(compiled, text) if arabic else set()
    query = normalize(text).text.strip() if arabic else text.strip().lower()

    def matches(names: tuple[str, ...], *latin: str | None) -> bool:
        if arabic:
            return any(query in normalize(name).text for name in names)
        return any(query in (s or "").lower() for s in latin)

    lexicon = compiled.lexicon
    hits: list[SearchHit] = []
    tenures = _tenures_by_actor(compiled)
    for actor in lexicon.actors.values():
        if ("actor", actor.id) in keyed or matches(actor.names, actor.id, actor.name_en, actor.qid):
            hits.append(SearchHit("actor", actor.id, _describe_actor(actor, tenures.get(actor.id, []))))
    for country in lexicon.countries.values():
        names = country.names + country.adjectives + country.people + country.capital
        keyed_here = any(kind in _COUNTRY_KINDS and ref == country.code for kind, ref in keyed)
        if keyed_here or matches(names, country.code, country.name_en):
            hits.append(
                SearchHit(
                    "country",
                    country.code,
                    (
                        f"country {country.code}  {country.name_en}",
                        f"  names: {'، '.join(names)}",
                        f"  {country.origin}",
                    ),
                )
            )
    for role in lexicon.roles.values():
        if ("role", role.id) in keyed or matches(role.names, role.id):
            countries = ", ".join(f"{c} ({len(h)})" for c, h in role.holders.items())
            hits.append(
                SearchHit(
                    "role",
                    role.id,
                    (
                        f"role {role.id}  code +{role.code}",
                        f"  names: {'، '.join(role.names)}",
                        f"  holders by country: {countries or 'none'}",
                        f"  {role.origin}",
                    ),
                )
            )
    for index, agent in enumerate(lexicon.agents):
        if ("agent", str(index)) in keyed or matches(agent.names, agent.code):
            hits.append(
                SearchHit(
                    "agent",
                    str(index),
                    (
                        f"agent +{agent.code or '(country only)'}",
                        f"  names: {'، '.join(agent.names)}",
                        f"  {agent.origin}  provenance: {agent.provenance}",
                    ),
                )
            )
    for place in lexicon.places.values():
        if ("place", place.id) in keyed or matches(place.names, place.id, place.name_en):
            where = (
                f"{place.lat:.2f},{place.lon:.2f}" if place.lat is not None and place.lon is not None else ""
            )
            hits.append(
                SearchHit(
                    "place",
                    place.id,
                    (
                        f"place {place.id}  ({place.kind})  {place.name_en}  {place.country or ''} {where}",
                        f"  names: {'، '.join(place.names)}",
                        f"  {place.origin}  provenance: {place.provenance}",
                    ),
                )
            )
    return hits


def _entries_with_keys_of(compiled: CompiledLexicon, text: str) -> set[tuple[str, str]]:
    """(kind, ref) of the entries whose alias has exactly the match keys of ``text``."""
    tokens = phrase_tokens(text)
    return {
        (entry.kind, entry.ref)
        for match in compiled.find(tokens)
        if match.first == 0 and match.last == len(tokens)
        for entry in match.entries
    }


def _tenures_by_actor(compiled: CompiledLexicon) -> dict[str, list[tuple[str, str, Holder]]]:
    tenures: dict[str, list[tuple[str, str, Holder]]] = {}
    for role in compiled.lexicon.roles.values():
        for country, holders in role.holders.items():
            for holder in holders:
                tenures.setdefault(holder.actor, []).append((role.id, country, holder))
    return tenures


def _describe_actor(actor: Actor, tenures: list[tuple[str, str, Holder]]) -> tuple[str, ...]:
    extras = "  ".join(x for x in (actor.name_en or "", actor.qid or "", actor.country or "") if x)
    lines = [
        f"actor {actor.id}  ({actor.type})  {extras}",
        f"  codes: {', '.join(_dated(c.code, c.start, c.end) for c in actor.codes)}",
        f"  names: {'، '.join(actor.names)}",
    ]
    for role_id, country, holder in tenures:
        lines.append(
            f"  holds: {_dated(f'{role_id} {country}', holder.start, holder.end)}  ({holder.origin})"
        )
    lines.append(f"  {actor.origin}  provenance: {actor.provenance}")
    return tuple(lines)


def _dated(what: str, start: date | None, end: date | None) -> str:
    return f"{what} {date_range(start, end)}".strip()


# ------------------------------------------------------------------------------------------------- add


@dataclass(frozen=True, slots=True)
class NewActor:
    id: str
    name_en: str
    type: str
    codes: tuple[str, ...]
    names: tuple[str, ...]
    start: date | None = None  # the dates of every code given
    end: date | None = None
    country: str | None = None
    qid: str | None = None
    provenance: str | None = None

    def entry(self) -> dict[str, Any]:
        """The YAML mapping, keys in the order the shipped files use."""
        entry: dict[str, Any] = {"id": self.id, "name_en": self.name_en, "type": self.type}
        if self.qid:
            entry["qid"] = self.qid
        entry["codes"] = [
            {
                "code": code,
                **({"from": self.start} if self.start else {}),
                **({"to": self.end} if self.end else {}),
            }
            for code in self.codes
        ]
        entry["names"] = list(self.names)
        if self.country:
            entry["country"] = self.country
        if self.provenance:
            entry["provenance"] = self.provenance
        return entry


class AddError(ValueError):
    """The actor was not added; the message says why."""


@dataclass(frozen=True, slots=True)
class Added:
    path: Path
    notes: tuple[str, ...]  # aliases shared with actors of other countries: the context will decide


def add_actor(
    compiled: CompiledLexicon, data_dir: Path, new: NewActor, relative: Path = DEFAULT_ADD_FILE
) -> Added:
    """Validate ``new`` against the lexicon, append it to ``data_dir/relative`` and check the result."""
    path = _target(data_dir, relative)
    actor, notes = _validated(compiled, new, f"{relative.parent.name}/{relative.name}")
    original = path.read_text(encoding="utf-8") if path.exists() else None
    if original is not None:
        _check_appendable(original, path)
    prefix = _NEW_FILE_HEADER if original is None else ("" if original.endswith("\n") else "\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text((original or "") + prefix + _entry_yaml(new.entry()), encoding="utf-8")
    try:
        reloaded = load_lexicon(data_dir)
    except LexiconError as error:
        _restore(path, original)
        raise AddError(
            f"{path}: the lexicon did not load with the new entry, file restored:\n{error}"
        ) from None
    if actor.id not in reloaded.actors:
        _restore(path, original)
        raise AddError(f"{path}: the new entry was not read back as an actor, file restored")
    return Added(path, notes)


def _target(data_dir: Path, relative: Path) -> Path:
    if (
        relative.is_absolute()
        or relative.parts[:1] != ("actors",)
        or relative.suffix not in (".yaml", ".yml")
    ):
        raise AddError(f"{relative}: actors are added to a YAML file under actors/ of the data directory")
    return data_dir / relative


def _validated(compiled: CompiledLexicon, new: NewActor, where: str) -> tuple[Actor, tuple[str, ...]]:
    lexicon = compiled.lexicon
    try:
        actor = parse_actor(new.entry(), where)
    except LexiconError as error:
        raise AddError("\n".join(error.problems)) from None
    problems: list[str] = []
    if actor.id in lexicon.actors:
        problems.append(f"actor id {actor.id!r} exists already ({lexicon.actors[actor.id].origin})")
    if new.country and new.country not in lexicon.countries:
        problems.append(f"country {new.country!r} is not a country of the lexicon")
    for code in actor.codes:
        block = code.code[:3]
        if block not in lexicon.countries and block not in _TRANSNATIONAL_BLOCKS:
            problems.append(
                f"code {code.code}: {block} is neither a country of the lexicon nor {_TRANSNATIONAL_BLOCKS}"
            )
    refusals, notes = _alias_clashes(compiled, actor)
    problems += refusals
    if problems:
        raise AddError("\n".join(problems))
    return actor, notes


# the blocks that stand where a country would in a CAMEO actor code (international and transnational)
_TRANSNATIONAL_BLOCKS = ("IGO", "IMG", "NGO", "NGM", "MNC", "UIS")


def _alias_clashes(compiled: CompiledLexicon, actor: Actor) -> tuple[list[str], tuple[str, ...]]:
    """Refusals for an alias a curated actor already has on overlapping dates, with another code of the
    same country (a conflict) or the same code (the actor entered twice); notes for one an actor of
    another country has (the country in context decides). Imported actors are shadowed instead."""
    refusals: list[str] = []
    notes: list[str] = []
    for name in actor.names:
        for existing in _curated_actors_named(compiled, name):
            clash = alias_clash(existing, actor)
            if clash is None:
                continue
            where = f"{existing.id} ({existing.origin}): {_codes(existing.codes)}"
            if clash.kind == "context":
                notes.append(f"name {name!r} is shared with {where}; the country in context will decide")
            else:
                why = "conflicts with" if clash.kind == "conflict" else "is already an alias of"
                refusals.append(f"name {name!r} {why} {where} (drop the alias, or date the codes apart)")
    return refusals, tuple(notes)


def _curated_actors_named(compiled: CompiledLexicon, name: str) -> list[Actor]:
    """The curated actors with an alias of exactly the match keys of ``name``."""
    tokens = phrase_tokens(name)
    return [
        compiled.lexicon.actors[entry.ref]
        for match in compiled.find(tokens)
        if match.first == 0 and match.last == len(tokens)
        for entry in match.entries
        if entry.kind == "actor" and is_trusted(compiled.lexicon.actors[entry.ref].provenance)
    ]


def _codes(codes: tuple[DatedCode, ...]) -> str:
    return ", ".join(_dated(c.code, c.start, c.end) for c in codes)


def _check_appendable(text: str, path: Path) -> None:
    """Appending an item is only safe when ``actors:`` is a block list and the file's last key."""
    top_level = [line for line in text.splitlines() if re.match(r"[^\s#][^:]*:", line)]
    if not top_level or not re.fullmatch(r"actors:\s*(#.*)?", top_level[-1]):
        raise AddError(f"{path}: `actors:` must be the last top-level key, written as a block list")


def _entry_yaml(entry: dict[str, Any]) -> str:
    """One list item, two-space indented like the shipped files, codes and names in flow style."""
    lines = [f"\n  - id: {entry['id']}"]
    for key, value in entry.items():
        if key == "id":
            continue
        if key == "codes":
            lines.append("    codes:")
            lines += [f"      - {_flow(code)}" for code in value]
        else:
            lines.append(f"    {key}: {_flow(value)}")
    return "\n".join(lines) + "\n"


def _flow(value: Any) -> str:
    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000, sort_keys=False)
    return dumped.strip().removesuffix("...").strip()


def _restore(path: Path, original: str | None) -> None:
    if original is None:
        path.unlink()
    else:
        path.write_text(original, encoding="utf-8")
