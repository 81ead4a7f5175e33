"""Clause boundaries inside a sentence.

A clause ends at clause punctuation (، ؛ : and brackets) and before a subordinating or discourse
connective (بعد ما، لأن، لذلك، بل ... from the cue lexicon). Arguments of an event and the scope of
modality cues stay inside the clause of their trigger.
"""

from __future__ import annotations

from dataclasses import dataclass

from hadath.doc import Doc

CLAUSE_PUNCTUATION = frozenset("،,؛;:()[]")
BREAK_CUES = frozenset({"subordinator", "cause", "consequence", "contrast"})


@dataclass(frozen=True, slots=True)
class Clause:
    first: int  # token range, end exclusive
    last: int
    sentence: int
    opener: str | None  # the cue category that opened it (cause, consequence, contrast, subordinator)


def split_clauses(doc: Doc) -> list[Clause]:
    starts_by_cue: dict[int, str] = {}
    for cue in doc.cues:
        if cue.category in BREAK_CUES:
            starts_by_cue.setdefault(cue.first, cue.category)
    clauses: list[Clause] = []
    for sentence in doc.sentences:
        start = sentence.first_token
        opener: str | None = None
        for position in range(sentence.first_token, sentence.last_token):
            token = doc.tokens[position]
            if token.kind == "punct" and token.norm in CLAUSE_PUNCTUATION:
                if position > start:
                    clauses.append(Clause(start, position, sentence.index, opener))
                start, opener = position + 1, None
            elif position in starts_by_cue and position > start:
                clauses.append(Clause(start, position, sentence.index, opener))
                start, opener = position, starts_by_cue[position]
            elif position in starts_by_cue:
                opener = starts_by_cue[position]
        if start < sentence.last_token:
            clauses.append(Clause(start, sentence.last_token, sentence.index, opener))
    return clauses


def clause_of(clauses: list[Clause], token: int) -> Clause:
    """The clause containing ``token`` (clauses are sorted and cover all non-punctuation tokens)."""
    low, high = 0, len(clauses) - 1
    while low <= high:
        middle = (low + high) // 2
        clause = clauses[middle]
        if token < clause.first:
            high = middle - 1
        elif token >= clause.last:
            low = middle + 1
        else:
            return clause
    # a punctuation token between clauses: attach it to the clause before it
    return clauses[max(0, min(low, len(clauses)) - 1)]
