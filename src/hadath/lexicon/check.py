"""Consistency checks of a validated lexicon, beyond what each entry says on its own.

The loader already refuses malformed entries (schema errors, with file and line). These checks look at
entries together:

* **alias conflicts**: one match key (what the automaton matches, so spelling variants that normalise
  alike collide) naming several actors whose codes overlap in time. Curated entries win over imported
  ones when resolved, so only actors of the same standing are compared. Different codes of one country
  on the same day (SYRGOV and SYRMIL) are an error: nothing in the text can tell them apart. Codes of
  different countries are a warning, since the country in the sentence or document decides (see
  extract/mentions.py); the same code is a warning too (the code is right, the person uncertain). An
  alias reused at different times (الأسد for Hafez, then Bashar) is date-disambiguated and fine.
* **overlapping tenures**: two holders of one role in one country on the same day; the handover day,
  when the outgoing ``to`` equals the incoming ``from``, is allowed.
* **tenures outside the holder's codes**: a holder's tenure must lie inside one of the actor's codes
  equal to the country plus the role's code (IGO for IGO roles), else a role phrase and the holder's
  own name would be coded differently for the same day.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date

from hadath.lexicon.compiled import CompiledLexicon, is_trusted, phrase_tokens, stem_key
from hadath.lexicon.model import Actor, DatedCode, Holder, Lexicon, Role

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    severity: str  # error | warning
    origin: str  # file:line
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


def check_lexicon(compiled: CompiledLexicon) -> list[Finding]:
    """Every consistency finding, errors and warnings, in a stable order."""
    findings = [
        *alias_conflicts(compiled),
        *tenure_overlaps(compiled.lexicon),
        *tenures_outside_codes(compiled.lexicon),
    ]
    return sorted(findings, key=lambda f: (f.severity != ERROR, f.origin, f.message))


# ------------------------------------------------------------------------------------ alias conflicts


def alias_conflicts(compiled: CompiledLexicon) -> list[Finding]:
    lexicon = compiled.lexicon
    findings: list[Finding] = []
    for framed, (_, entries) in compiled.stem_automaton.items():
        actor_ids = list(dict.fromkeys(e.ref for e in entries if e.kind == "actor"))
        if len(actor_ids) < 2:
            continue
        actors = [lexicon.actors[actor_id] for actor_id in actor_ids]
        curated = [a for a in actors if is_trusted(a.provenance)]
        # resolution prefers curated entries: an imported duplicate of one is shadowed, not a conflict
        same_standing = curated or actors
        for first, second in itertools.combinations(same_standing, 2):
            finding = alias_finding(framed.strip(), first, second, curated=bool(curated))
            if finding is not None:
                findings.append(finding)
    return findings


@dataclass(frozen=True, slots=True)
class AliasClash:
    """How two actors sharing an alias clash on the dates where both hold a code."""

    kind: str  # conflict (codes of one country differ) | context (countries differ) | same (one code)
    first: DatedCode  # the two codes that show it
    second: DatedCode


def alias_clash(first: Actor, second: Actor) -> AliasClash | None:
    """None when no codes of the two overlap in time (the document date tells them apart)."""
    overlapping = [
        (a, b) for a in first.codes for b in second.codes if _overlap(a.start, a.end, b.start, b.end)
    ]
    for kind, pairs in (
        ("conflict", [(a, b) for a, b in overlapping if a.code != b.code and a.code[:3] == b.code[:3]]),
        ("context", [(a, b) for a, b in overlapping if a.code != b.code]),
        ("same", overlapping),
    ):
        if pairs:
            return AliasClash(kind, *pairs[0])
    return None


def alias_finding(key: str, first: Actor, second: Actor, curated: bool) -> Finding | None:
    """The finding for two actors sharing a match key; imported pairs (kept as imported, and shadowed
    by any curated entry for the key) only warn, and only when their codes differ."""
    clash = alias_clash(first, second)
    if clash is None or (not curated and clash.kind == "same"):
        return None
    alias = _alias_with_key(second, key) or _alias_with_key(first, key) or key
    who = f"alias {alias!r} names {first.id} ({first.origin}) and {second.id}"
    a, b = clash.first, clash.second
    if clash.kind == "conflict":
        return Finding(
            ERROR if curated else WARNING,
            second.origin,
            f"{who} with conflicting codes {a.code} and {b.code} on overlapping dates ({_span(a, b)})",
        )
    if clash.kind == "context":
        return Finding(
            WARNING,
            second.origin,
            f"{who} ({a.code} / {b.code}, {_span(a, b)}): resolved by the country in context",
        )
    return Finding(WARNING, second.origin, f"{who}, both {a.code} ({_span(a, b)}): which one is ambiguous")


def _alias_with_key(actor: Actor, key: str) -> str | None:
    for name in actor.names:
        if " ".join(stem_key(t) for t in phrase_tokens(name)) == key:
            return name
    return None


def _overlap(start_a: date | None, end_a: date | None, start_b: date | None, end_b: date | None) -> bool:
    """Whether two inclusive ranges share more than one boundary day (a handover day is allowed)."""
    latest_start = max(start_a or date.min, start_b or date.min)
    earliest_end = min(end_a or date.max, end_b or date.max)
    return latest_start < earliest_end


def _span(a: DatedCode, b: DatedCode) -> str:
    start = max(a.start or date.min, b.start or date.min)
    end = min(a.end or date.max, b.end or date.max)
    return (
        date_range(None if start == date.min else start, None if end == date.max else end) or "at all dates"
    )


def date_range(start: date | None, end: date | None) -> str:
    """An inclusive range as curators write it: ``from X``, ``to Y``, ``X..Y`` or "" (always)."""
    if start and end:
        return f"{start}..{end}"
    return f"from {start}" if start else f"to {end}" if end else ""


# --------------------------------------------------------------------------------------------- tenures


def tenure_overlaps(lexicon: Lexicon) -> list[Finding]:
    findings: list[Finding] = []
    for role in lexicon.roles.values():
        for country, holders in role.holders.items():
            ordered = sorted(holders, key=lambda h: h.start or date.min)
            for earlier, later in itertools.combinations(ordered, 2):
                if _overlap(earlier.start, earlier.end, later.start, later.end):
                    findings.append(
                        Finding(
                            ERROR,
                            later.origin or role.origin,
                            f"role {role.id} ({country}): {later.actor} from {later.start or 'the start'} "
                            f"overlaps {earlier.actor} (to {earlier.end or 'now'}, {earlier.origin})",
                        )
                    )
    return findings


def tenures_outside_codes(lexicon: Lexicon) -> list[Finding]:
    findings: list[Finding] = []
    for role in lexicon.roles.values():
        for country, holders in role.holders.items():
            wanted = "IGO" if role.code == "IGO" else f"{country}{role.code}"
            for holder in holders:
                actor = lexicon.actors.get(holder.actor)
                if actor is None:
                    continue  # an unknown holder is a schema error, reported by the loader
                if not any(code.code == wanted and _within(holder, code) for code in actor.codes):
                    findings.append(_outside_finding(role, country, holder, actor, wanted))
    return findings


def _within(holder: Holder, code: DatedCode) -> bool:
    starts_inside = code.start is None or (holder.start is not None and code.start <= holder.start)
    ends_inside = code.end is None or (holder.end is not None and holder.end <= code.end)
    return starts_inside and ends_inside


def _outside_finding(role: Role, country: str, holder: Holder, actor: Actor, wanted: str) -> Finding:
    tenure = date_range(holder.start, holder.end) or "(undated)"
    codes = ", ".join(f"{c.code} {date_range(c.start, c.end)}".strip() for c in actor.codes)
    return Finding(
        ERROR,
        holder.origin or role.origin,
        f"role {role.id} ({country}): tenure {tenure} of {actor.id} is not inside any {wanted} code "
        f"of the actor ({actor.origin}: {codes})",
    )
