"""Request and response models of the HTTP API: what the OpenAPI spec at ``/openapi.json`` describes.

The analysis records are the dataclasses of :mod:`hadath.schema` themselves, so a client generated from
the spec reads exactly what ``hadath analyze --format json`` prints. The store records mirror the columns of
:mod:`hadath.store.schema` that a reader of the API needs.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from hadath.schema import COUNTRY_CODE_RE, Analysis

Modality = Literal["asserted", "reported", "hypothetical", "intended", "future", "negated"]
QuadClass = Literal["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
Balance = Literal["cooperation", "conflict", "pressure", "neutral"]

# A request's analysis is bounded by these (beside the byte limit of the body): a few seconds at most.
MAX_DOCUMENTS = 100
MAX_DOCUMENT_CHARS = 200_000

# An actor code or code prefix as the lexicon writes them (RUS, RUSGOV, IMG ...); lower case is accepted
# and upper-cased, since codes are case-free identifiers.
CODE_PATTERN = r"^[A-Za-z0-9]{1,32}$"
DOC_KEY_PATTERN = r"^[0-9a-f]{64}$"


def _encodable(text: object) -> object:
    """Refuse lone surrogates (JSON allows ``"\\ud800"``): they cannot be stored nor sent back as UTF-8."""
    if not isinstance(text, str):
        return text  # the type check that follows names the problem
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as problem:
        raise ValueError(f"contains a lone surrogate code point at character {problem.start}") from None
    return text


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("is empty (only white space)")
    return text


# The length constraints first (they then apply to the string itself, and their messages speak of
# characters); the before-validator wraps them, so it sees the input first.
DocumentText = Annotated[
    str,
    Field(min_length=1, max_length=MAX_DOCUMENT_CHARS),
    BeforeValidator(_encodable),
    AfterValidator(_not_blank),
]
DocumentId = Annotated[str, Field(min_length=1, max_length=500), BeforeValidator(_encodable)]
ShortText = Annotated[str, Field(max_length=2000), BeforeValidator(_encodable)]


# ------------------------------------------------------------------------------------------ input


class DocumentIn(BaseModel):
    """One document to analyse or ingest (the fields the JSONL reader takes)."""

    model_config = ConfigDict(extra="forbid")

    id: DocumentId = "text"
    text: DocumentText
    date: dt.date | None = Field(None, description="document date: resolves relative dates and role holders")
    source: ShortText | None = None
    url: ShortText | None = None
    title: ShortText | None = None
    country: str | None = Field(
        None,
        pattern=f"^{COUNTRY_CODE_RE.pattern}$",
        description="the publication's home country (ISO 3166 alpha-3)",
    )


class AnalyzeRequest(BaseModel):
    """Either ``text`` (one document, with optional ``id`` and ``date``) or ``documents``."""

    model_config = ConfigDict(extra="forbid")

    text: DocumentText | None = None
    id: DocumentId = "text"
    date: dt.date | None = None
    documents: list[DocumentIn] | None = Field(None, min_length=1, max_length=MAX_DOCUMENTS)

    @model_validator(mode="after")
    def _text_or_documents(self) -> AnalyzeRequest:
        if (self.text is None) == (self.documents is None):
            raise ValueError("give either 'text' or 'documents' (one of them, not both)")
        return self

    def to_documents(self) -> list[DocumentIn]:
        if self.documents is not None:
            return self.documents
        return [DocumentIn(id=self.id, text=self.text or "", date=self.date)]


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[DocumentIn] = Field(min_length=1, max_length=MAX_DOCUMENTS)


# ------------------------------------------------------------------------------------------ analysis


# The output records (ActorRef, PlaceRef, DateRef, Event, Quotation, Claim, Analysis) are the pipeline's own
# dataclasses of hadath.schema: the API answers exactly the JSON contract of `hadath analyze`.


class AnalyzeResponse(BaseModel):
    analyses: list[Analysis]
    elapsed_ms: float = Field(description="analysis time on the server, queueing included")


# ------------------------------------------------------------------------------------------ ingest


class StoredDocument(BaseModel):
    doc_id: str
    doc_key: str
    events: int
    quotations: int
    claims: int


class SkippedDocument(BaseModel):
    doc_id: str
    doc_key: str
    reason: str


class FailedDocument(BaseModel):
    doc_id: str
    cause: str


class IngestResponse(BaseModel):
    stored: list[StoredDocument]
    skipped: list[SkippedDocument]
    errors: list[FailedDocument] = Field(description="also recorded in the store's errors table")


# ------------------------------------------------------------------------------------------ store reads

ItemT = TypeVar("ItemT")


class Page(BaseModel, Generic[ItemT]):
    total: int = Field(description="rows matching the filters, all pages together")
    limit: int
    offset: int
    items: list[ItemT]


class _InDocument(BaseModel):
    """Where a stored record comes from, for the corpus-wide lists."""

    doc_key: str
    doc_id: str
    title: str | None
    date: dt.date | None


class Evidence(_InDocument):
    """An event record of a stored document: where in its text the event is told."""

    event_no: int
    sentence: int
    start: int
    end: int
    text: str
    trigger: str
    trigger_start: int
    trigger_end: int
    modality: Modality


class StoreEvent(BaseModel):
    """A deduplicated event (docs/store.md) with its first evidence records."""

    event_id: str
    event_date: dt.date | None
    source_code: str | None
    target_code: str | None
    cameo: str
    cameo_root: str
    cameo_label: str | None
    plover: str | None
    goldstein: float | None
    quad_class: QuadClass | None
    factual: bool
    place_id: str | None
    place_name: str | None
    place_country: str | None
    lat: float | None
    lon: float | None
    mentions: int
    documents: int
    sources: int
    confidence: float
    evidence: list[Evidence] = Field(description="the first evidence records (by date), at most 10")


class ActorSummary(BaseModel):
    code: str
    name_en: str | None = Field(description="the English name most of its mentions carry")
    mentions: int
    documents: int


class NameCount(BaseModel):
    name: str
    count: int


class Relation(BaseModel):
    actor: str = Field(description="the actor of the relation (a code that starts with the one asked for)")
    partner: str
    events: int
    goldstein_sum: float
    balance: Balance


class ActorProfile(BaseModel):
    """An actor code (or code prefix: ``SYR`` covers SYRGOV, SYRMIL ...) across the store."""

    code: str
    codes: list[str] = Field(description="the codes under this prefix that the store has seen")
    names: list[NameCount] = Field(description="English names of its mentions, most frequent first")
    surface_forms: list[NameCount] = Field(description="how the texts name it, most frequent first")
    mentions: int
    documents: int
    events_as_source: int
    events_as_target: int
    quotations: int
    allies: list[Relation]
    adversaries: list[Relation]


class DocumentSummary(BaseModel):
    doc_key: str
    doc_id: str
    title: str | None
    date: dt.date | None
    source: str | None
    url: str | None
    genre: str
    text_length: int


class StoredMention(BaseModel):
    mention_no: int
    kind: Literal["actor", "place"]
    start: int
    end: int
    text: str
    code: str | None
    actor_id: str | None
    place_id: str | None
    name_en: str | None
    actor_kind: str | None
    role: str | None
    confidence: float | None
    lat: float | None
    lon: float | None


class StoredEvent(BaseModel):
    """An event record of the document, with the id of the deduplicated event it belongs to."""

    event_no: int
    event_id: str | None
    sentence: int
    start: int
    end: int
    text: str
    trigger: str
    trigger_start: int
    trigger_end: int
    source_code: str | None
    source_actor_id: str | None
    source_text: str | None
    source_start: int | None
    source_end: int | None
    target_code: str | None
    target_actor_id: str | None
    target_text: str | None
    target_start: int | None
    target_end: int | None
    cameo: str
    cameo_label: str | None
    plover: str | None
    goldstein: float | None
    quad_class: QuadClass | None
    modality: Modality
    nominal: bool
    place_id: str | None
    place_name: str | None
    place_country: str | None
    date_text: str | None
    event_date: dt.date | None
    confidence: float


class StoredQuotation(BaseModel):
    quote_no: int
    speaker_code: str | None
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str
    cue_start: int
    cue_end: int
    content: str
    start: int
    end: int
    direct: bool


class StoredClaim(BaseModel):
    claim_no: int
    holder: str
    text: str
    start: int
    end: int
    hedged: bool
    negated: bool
    about: list[str]
    hedge: str | None
    negated_part: str | None
    relation: str | None
    relation_cue: str | None


class StoreQuotation(_InDocument, StoredQuotation):
    speaker_actor_id: str | None


class StoreClaim(_InDocument, StoredClaim):
    pass


class DocumentView(DocumentSummary):
    """A stored document: its original text and every record, offsets into that text."""

    text: str
    mentions: list[StoredMention]
    events: list[StoredEvent]
    quotations: list[StoredQuotation]
    claims: list[StoredClaim]


class DyadRow(BaseModel):
    period: str
    actor1: str
    actor2: str
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    pressure_events: int
    goldstein_sum: float
    goldstein_mean: float
    balance: Balance
    balance_score: float


class NetworkNode(BaseModel):
    id: str
    degree: int
    events: int
    weighted_balance: float
    community: int


class NetworkEdge(BaseModel):
    source: str
    target: str
    events: int
    goldstein_sum: float
    goldstein_mean: float
    balance: Balance
    balance_score: float
    sign: Literal[-1, 0, 1]


class Network(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class MosaicResponse(BaseModel):
    period: str
    level: str
    periods: list[str] = Field(description="the period labels of the dyads, in order")
    dyads: list[DyadRow]
    network: Network
    dyads_left_out: int = Field(description="dyads beyond the `top` strongest, not returned")


class StoreStats(BaseModel):
    schema_version: int
    documents: int
    events: int
    event_records: int
    quotations: int
    claims: int
    errors: int
    first_date: dt.date | None = Field(description="earliest event date")
    last_date: dt.date | None


# ------------------------------------------------------------------------------------------ errors


class FieldProblem(BaseModel):
    location: str = Field(description="where the problem is: body.text, query.limit ...")
    message: str


class ErrorResponse(BaseModel):
    detail: str = Field(description="what is wrong, in one sentence")
    problems: list[FieldProblem] | None = None
