"""Typed records shared by all stages, and the JSON Schema of Hadath's output.

Input: :class:`Document` (what readers produce) and :class:`InputError` (what they report instead of
crashing). Output: :class:`Analysis` and the records it holds, serialised by :meth:`Analysis.to_dict`
to the JSON contract described by :func:`output_json_schema` (shipped as
``hadath/data/schema/analysis.schema.json`` and ``docs/analysis.schema.json``).
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

MODALITIES = ("asserted", "reported", "hypothetical", "intended", "future", "negated")
QUAD_CLASS_VALUES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")

# a country code: ISO 3166 alpha-3 ("SAU"), as the lexicon's countries and a document's ``country`` give it
COUNTRY_CODE_RE = re.compile(r"[A-Z]{3}")


@dataclass(slots=True)
class Document:
    """One input document. ``origin`` says where it came from (``file`` or ``file:line``)."""

    id: str
    text: str
    date: date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    origin: str = ""
    # the publication's home country (ISO 3166 alpha-3): where a story that names no place happens;
    # when absent, the outlet table (data/sources/outlets.yaml) may know it from ``source``
    country: str | None = None


@dataclass(slots=True)
class InputError:
    """A document (or file) that could not be read; the batch goes on without it."""

    origin: str
    cause: str
    doc_id: str | None = None

    def __str__(self) -> str:
        who = f"document {self.doc_id!r} ({self.origin})" if self.doc_id else self.origin
        return f"{who}: {self.cause}"


@dataclass(slots=True)
class ActorRef:
    """An actor as mentioned in the text, with the code it resolves to on the document date."""

    text: str
    start: int
    end: int
    code: str | None
    actor_id: str | None = None
    name_en: str | None = None
    kind: str | None = None  # person | organisation | group | state | agent | role
    role: str | None = None
    confidence: float = 1.0


@dataclass(slots=True)
class PlaceRef:
    """A place mentioned in the text, resolved in the gazetteer (coordinates in WGS84 degrees)."""

    text: str
    start: int
    end: int
    place_id: str
    name_en: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str | None = None


@dataclass(slots=True)
class DateRef:
    """A date expression and its value (ISO date, YYYY-MM, YYYY-Www week or YYYY)."""

    text: str
    start: int
    end: int
    value: str  # ISO date (or YYYY-MM / YYYY when that is all the text says)
    kind: str  # explicit | relative | document


@dataclass(slots=True)
class Event:
    """Who did what to whom: CAMEO/PLOVER codes, Goldstein score, QuadClass, modality, evidence span."""

    text: str  # the evidence: the clause span that carries the event
    start: int
    end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    source: ActorRef | None
    target: ActorRef | None
    cameo: str
    cameo_label: str
    plover: str | None
    plover_mode: str | None
    goldstein: float | None
    quad_class: str | None
    modality: str
    nominal: bool
    place: PlaceRef | None
    date: str | None
    confidence: float
    sentence: int
    tense: str | None = None  # past | present | future (grammatical, for the time of the event)


@dataclass(slots=True)
class Quotation:
    """Who said what: speaker, the cue word, and the content span (direct quotes or reported speech)."""

    speaker: ActorRef | None
    cue: str
    cue_start: int
    cue_end: int
    content: str
    start: int  # span of the content
    end: int
    direct: bool  # inside quotation marks


@dataclass(slots=True)
class Claim:
    """A claim of the author (opinion texts): hedged or negated, what it is about, and its argument link."""

    holder: str  # "author" or an actor code
    text: str
    start: int
    end: int
    hedged: bool
    negated: bool
    about: list[str] = field(default_factory=list)
    hedge: str | None = None
    negated_part: str | None = None
    relation: str | None = None  # because | therefore: this claim's link to the previous one
    relation_cue: str | None = None


@dataclass(slots=True)
class Analysis:
    """Everything Hadath found in one document; every start/end is an offset into the ORIGINAL text."""

    doc_id: str
    date: str | None
    text_length: int
    sentences: int
    tokens: int
    genre: str  # news | opinion
    actors: list[ActorRef] = field(default_factory=list)
    places: list[PlaceRef] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotations: list[Quotation] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    title: str | None = None
    source: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# Modalities of events that happened by the text's account (the others: hypothetical, intended, future,
# negated).
FACTUAL_MODALITIES = frozenset({"asserted", "reported"})


def iso_day(value: str | None) -> date | None:
    """The day of a full ISO date (``2016-03-16``); None for partial dates (``2016``, ``2016-03``)."""
    if value and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


SCHEMA_ID = "https://hadath.invalid/schema/analysis-0.1.json"
_OUTPUT_RECORDS = (ActorRef, PlaceRef, DateRef, Event, Quotation, Claim, Analysis)


def _type_schema(annotation: Any) -> dict[str, Any]:
    origin = typing.get_origin(annotation)
    if origin in (types.UnionType, typing.Union):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        inner = _type_schema(members[0])
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is list:
        return {"type": "array", "items": _type_schema(typing.get_args(annotation)[0])}
    if dataclasses.is_dataclass(annotation):
        return {"$ref": f"#/$defs/{annotation.__name__}"}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    return {"type": simple[annotation]}


def _record_schema(record: type) -> dict[str, Any]:
    hints = typing.get_type_hints(record)
    properties = {f.name: _type_schema(hints[f.name]) for f in dataclasses.fields(record)}
    return {
        "type": "object",
        "description": (record.__doc__ or record.__name__).strip().splitlines()[0],
        "properties": properties,
        "required": [f.name for f in dataclasses.fields(record)],
        "additionalProperties": False,
    }


def output_json_schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of one analysed document, derived from the record types above."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Hadath analysis of one document",
        **_record_schema(Analysis),
        "$defs": {r.__name__: _record_schema(r) for r in _OUTPUT_RECORDS if r is not Analysis},
    }
    modality = schema["$defs"]["Event"]["properties"]["modality"]
    modality["enum"] = list(MODALITIES)
    quad = schema["$defs"]["Event"]["properties"]["quad_class"]
    quad["anyOf"][0]["enum"] = list(QUAD_CLASS_VALUES)
    return schema
