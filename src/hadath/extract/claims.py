"""The author's reading: claims, hedges, negation and because/therefore links.

A document is read as *opinion* when its author speaks in the first person or hedges (أرى، اعتبر،
لا شك، يمكن اعتبار ...). In an opinion text every sentence is the author's argument; it is cut into
claim units at causal connectives (لأن starts a premise: relation ``because``; لهذا، لذلك start a
conclusion: relation ``therefore``). In a news text only sentences with an explicit first-person
opinion cue become claims. For each unit: hedged (a hedge cue inside), negated (a negation cue
inside, with the negated part running to the next contrast cue or clause end), and what it is about
(the actor codes it mentions).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hadath.doc import Doc
from hadath.extract.clauses import Clause
from hadath.extract.events import EventMention

_RELATION = {"cause": "because", "consequence": "therefore"}
_OPINION_HEDGE_THRESHOLD = 2
_ANTECEDENT_WINDOW = 40  # recent events only: a demonstrative points to what was just told


@dataclass(slots=True)
class ClaimMention:
    first: int  # token range
    last: int
    hedged: bool
    negated: bool
    about: list[str] = field(default_factory=list)
    hedge: str | None = None
    negated_part: tuple[int, int] | None = None  # token range
    relation: str | None = None
    relation_cue: str | None = None


def detect_genre(doc: Doc) -> str:
    opinions = sum(1 for c in doc.cues if c.category == "opinion")
    hedges = sum(1 for c in doc.cues if c.category == "hedge")
    return "opinion" if opinions or hedges >= _OPINION_HEDGE_THRESHOLD else "news"


def extract_claims(doc: Doc, clauses: list[Clause], events: list[EventMention]) -> list[ClaimMention]:
    claims: list[ClaimMention] = []
    by_sentence: dict[int, list[Clause]] = {}
    for clause in clauses:
        by_sentence.setdefault(clause.sentence, []).append(clause)
    for sentence in doc.sentences:
        units = _units(by_sentence.get(sentence.index, []))
        for first, last, opener in units:
            has_opinion = bool(doc.cues_in("opinion", first, last))
            if doc.genre != "opinion" and not has_opinion:
                continue
            if _content_tokens(doc, first, last) < 3:
                continue
            claims.append(_claim(doc, first, last, opener, events))
    return claims


def _units(clauses: list[Clause]) -> list[tuple[int, int, str | None]]:
    """The clauses of one sentence merged into units that only break at causal connectives."""
    units: list[tuple[int, int, str | None]] = []
    for clause in clauses:
        if units and clause.opener not in _RELATION:
            first, _, opener = units[-1]
            units[-1] = (first, clause.last, opener)
        else:
            units.append((clause.first, clause.last, clause.opener))
    return units


def _demonstrative_referents(doc: Doc, first: int, last: int, events: list[EventMention]) -> list[str]:
    """ "هذا القرار"، "هذا التصريح": a demonstrative + noun points back to the latest earlier event whose
    clause has that noun; the claim is then also about that event's source."""
    codes: list[str] = []
    for position in range(first, last - 1):
        if not doc.cue_starts_at(position, "demonstrative"):
            continue
        noun = doc.tokens[position + 1]
        if "ال" not in noun.prefixes:
            continue
        earlier = [
            e
            for e in events[-_ANTECEDENT_WINDOW:]
            if e.source is not None
            and e.source.code
            and e.clause.last <= first
            and any(t.key == noun.key for t in doc.tokens[e.clause.first : e.clause.last])
        ]
        if earlier:
            codes.append(max(earlier, key=lambda e: e.first).source.code)
    return codes


def _content_tokens(doc: Doc, first: int, last: int) -> int:
    return sum(1 for t in doc.tokens[first:last] if t.kind != "punct")


def _claim(doc: Doc, first: int, last: int, opener: str | None, events: list[EventMention]) -> ClaimMention:
    hedges = doc.cues_in("hedge", first, last)
    negations = doc.cues_in("negation", first, last)
    codes = [m.code for m in doc.actors_in(first, last) if m.code]
    codes += _demonstrative_referents(doc, first, last, events)
    about = list(dict.fromkeys(codes))
    claim = ClaimMention(first, last, bool(hedges), bool(negations), about)
    if hedges:
        claim.hedge = doc.surface(hedges[0].first, hedges[0].last, body=False)
    if negations:
        negation = negations[0]
        end = negation.last
        contrasts = [c.first for c in doc.cues_in("contrast", negation.last, last)]
        limit = contrasts[0] if contrasts else last
        while end < limit and doc.tokens[end].kind != "punct":
            end += 1
        claim.negated_part = (negation.first, end)
    if opener in _RELATION:
        cue = next(c for c in doc.cues if c.first == first and c.category == opener)
        claim.relation = _RELATION[opener]
        claim.relation_cue = doc.surface(cue.first, cue.last, body=False)
    return claim
