"""The API's endpoints. Query parameters are read into models that forbid unknown names, so a misspelt
filter (``?actr=SYR``) is a 422 naming it rather than a silently unfiltered answer."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from starlette.concurrency import run_in_threadpool

from hadath.schema import Analysis, Document, InputError
from hadath.serve import queries
from hadath.serve.app import ServerState
from hadath.serve.models import (
    CODE_PATTERN,
    DOC_KEY_PATTERN,
    ActorProfile,
    ActorSummary,
    AnalyzeRequest,
    AnalyzeResponse,
    DocumentIn,
    DocumentSummary,
    DocumentView,
    ErrorResponse,
    IngestRequest,
    IngestResponse,
    MosaicResponse,
    Page,
    QuadClass,
    StoreClaim,
    StoreEvent,
    StoreQuotation,
    StoreStats,
)
from hadath.store.database import content_key

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000_000

router = APIRouter()


def _state(request: Request) -> ServerState:
    return request.app.state.hadath


State = Annotated[ServerState, Depends(_state)]
Code = Annotated[str, Field(pattern=CODE_PATTERN), AfterValidator(str.upper)]
Dyad = Annotated[
    str,
    Field(pattern=r"^[A-Za-z0-9]{1,32},[A-Za-z0-9]{1,32}$", description="two code prefixes: RUS,SYR"),
    AfterValidator(str.upper),
]
SearchText = Annotated[str, Field(min_length=1, max_length=200)]
NOT_FOUND = {404: {"model": ErrorResponse, "description": "Nothing of that name in the store"}}


# ------------------------------------------------------------------------------------------ query models


class _Query(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _PageQuery(_Query):
    limit: int = Field(50, ge=1, le=MAX_LIMIT, description=f"items per page (at most {MAX_LIMIT})")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="items to skip")


class _DateRange(_Query):
    start: dt.date | None = Field(None, alias="from", description="first day (YYYY-MM-DD), included")
    end: dt.date | None = Field(None, alias="to", description="last day (YYYY-MM-DD), included")

    @model_validator(mode="after")
    def _ordered(self) -> _DateRange:
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"'from' ({self.start}) is after 'to' ({self.end})")
        return self


class _DatedPageQuery(_PageQuery, _DateRange):
    pass


FiltersT = TypeVar("FiltersT")


def _filters_of(query: BaseModel, filters: type[FiltersT], **converted: Any) -> FiltersT:
    """The store filters a query names: each field of the filters dataclass from the query field of the
    same name, or from ``converted`` where the query holds another form (a dyad as "SYR,RUS")."""
    names = [f.name for f in dataclasses.fields(filters)]  # type: ignore[arg-type]
    named = {name: getattr(query, name) for name in names if name not in converted}
    return filters(**named, **converted)


class EventQuery(_DatedPageQuery):
    actor: Code | None = Field(None, description="source or target code prefix (SYR matches SYRGOV ...)")
    source: Code | None = None
    target: Code | None = None
    dyad: Dyad | None = Field(None, description="events between two code prefixes, either direction")
    cameo: Annotated[str, Field(pattern=r"^[0-9]{2,4}$")] | None = Field(
        None, description="CAMEO code prefix: 19 matches 190, 193, 195 ..."
    )
    cameo_root: Annotated[str, Field(pattern=r"^[0-9]{2}$")] | None = None
    plover: Annotated[str, Field(pattern=r"^[A-Za-z_]{1,40}$"), AfterValidator(str.upper)] | None = None
    quad_class: QuadClass | None = None
    place: SearchText | None = Field(None, description="place id, country code, or part of the place name")
    factual: bool | None = Field(None, description="true: asserted and reported events only")
    min_confidence: float | None = Field(None, ge=0, le=1)
    doc_key: Annotated[str, Field(pattern=DOC_KEY_PATTERN)] | None = None
    sort: Literal["-date", "date", "-documents", "-confidence"] = "-date"

    def filters(self) -> queries.EventFilters:
        dyad = tuple(self.dyad.split(",", 1)) if self.dyad else None
        return _filters_of(self, queries.EventFilters, dyad=dyad)


class QuotationQuery(_DatedPageQuery):
    actor: Code | None = Field(None, description="speaker code prefix")
    doc_key: Annotated[str, Field(pattern=DOC_KEY_PATTERN)] | None = None
    direct: bool | None = Field(None, description="true: inside quotation marks only")
    contains: SearchText | None = Field(None, description="text the quoted content contains")

    def filters(self) -> queries.QuotationFilters:
        return _filters_of(self, queries.QuotationFilters)


class ClaimQuery(_DatedPageQuery):
    actor: Code | None = Field(None, description="a code prefix of what the claim is about")
    doc_key: Annotated[str, Field(pattern=DOC_KEY_PATTERN)] | None = None
    hedged: bool | None = None
    negated: bool | None = None
    relation: Literal["because", "therefore"] | None = None

    def filters(self) -> queries.ClaimFilters:
        return _filters_of(self, queries.ClaimFilters)


class ActorQuery(_PageQuery):
    prefix: Code | None = Field(None, description="codes starting with this")


class DocumentQuery(_DatedPageQuery):
    contains: SearchText | None = Field(None, description="text the title or the id contains")


class MosaicQuery(_DateRange):
    period: Literal["day", "week", "month", "year", "all"] = "month"
    level: Literal["code", "country"] = Field("code", description="country: SYRGOV, SYRMIL ... count as SYR")
    actor: Code | None = Field(None, description="dyads with a side whose code starts with this")
    factual: bool = Field(False, description="asserted and reported events only")
    top: int = Field(200, ge=1, le=2000, description="keep the strongest dyads (by events) only")


def _page(total: int, query: _PageQuery, items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"total": total, "limit": query.limit, "offset": query.offset, "items": items}


# ------------------------------------------------------------------------------------------ analysis


def _document(given: DocumentIn, origin: str) -> Document:
    return Document(
        id=given.id,
        text=given.text,
        date=given.date,
        source=given.source,
        url=given.url,
        title=given.title,
        country=given.country,
        origin=origin,
    )


@router.post(
    "/analyze",
    response_model=AnalyzeResponse,
    tags=["analysis"],
    responses={503: {"model": ErrorResponse, "description": "The analysis took longer than the timeout"}},
)
async def analyze(body: AnalyzeRequest, state: State) -> dict[str, Any]:
    """Analyse one text or several documents; nothing is stored. Each analysis is the JSON contract of
    ``hadath analyze`` (docs/analysis.schema.json)."""
    started = time.perf_counter()
    documents = [_document(given, "api:/analyze") for given in body.to_documents()]
    results = await state.analyse(documents)
    for result in results:
        if isinstance(result, InputError):
            raise HTTPException(500, f"document {result.doc_id!r}: {result.cause}")
    elapsed_ms = round((time.perf_counter() - started) * 1000, 2)
    return {"analyses": [result.to_dict() for result in results], "elapsed_ms": elapsed_ms}


@router.post(
    "/documents",
    response_model=IngestResponse,
    tags=["store"],
    responses={503: {"model": ErrorResponse, "description": "The analysis took longer than the timeout"}},
)
async def ingest_documents(body: IngestRequest, state: State) -> dict[str, Any]:
    """Analyse documents and store them with their records, in one transaction (as ``hadath ingest``).
    A document whose text the store already has is skipped; a failing analysis is reported and recorded
    in the store's ``errors`` table, and the others are stored."""
    documents = [_document(given, "api:/documents") for given in body.documents]
    keys = [content_key(document.text) for document in documents]
    known = await run_in_threadpool(_stored_keys, state, keys)
    skipped: list[dict[str, Any]] = []
    todo: list[tuple[str, Document]] = []
    seen: set[str] = set()
    for key, document in zip(keys, documents, strict=True):
        if key in known or key in seen:
            reason = "already in the store" if key in known else "same text as an earlier document"
            skipped.append({"doc_id": document.id, "doc_key": key, "reason": reason})
            continue
        seen.add(key)
        todo.append((key, document))
    results = await state.analyse([document for _, document in todo])
    analysed = [(key, document, result) for (key, document), result in zip(todo, results, strict=True)]
    stored, raced = await run_in_threadpool(_write, state, analysed)
    skipped += [
        {"doc_id": document.id, "doc_key": key, "reason": "already in the store"} for key, document in raced
    ]
    errors = [
        {"doc_id": document.id, "cause": result.cause}
        for _, document, result in analysed
        if isinstance(result, InputError)
    ]
    return {"stored": stored, "skipped": skipped, "errors": errors}


def _stored_keys(state: ServerState, keys: list[str]) -> set[str]:
    with state.cursor() as cursor:
        marks = ", ".join("?" for _ in keys)
        found = cursor.execute(f"SELECT doc_key FROM documents WHERE doc_key IN ({marks})", keys).fetchall()
    return {row[0] for row in found}


def _write(
    state: ServerState, analysed: list[tuple[str, Document, Analysis | InputError]]
) -> tuple[list[dict[str, Any]], list[tuple[str, Document]]]:
    """Write under the lock; what another request stored meanwhile comes back as the second list."""
    with state.write_lock:
        present = state.store.document_keys_among(
            [key for key, _, result in analysed if isinstance(result, Analysis)]
        )
        batch: list[tuple[Document, Analysis] | InputError] = []
        stored: list[dict[str, Any]] = []
        raced: list[tuple[str, Document]] = []
        for key, document, result in analysed:
            if isinstance(result, InputError):
                batch.append(result)
            elif key in present:
                raced.append((key, document))
            else:
                batch.append((document, result))
                stored.append(
                    {
                        "doc_id": document.id,
                        "doc_key": key,
                        "events": len(result.events),
                        "quotations": len(result.quotations),
                        "claims": len(result.claims),
                    }
                )
        if batch:
            state.store.write(batch)
    return stored, raced


# ------------------------------------------------------------------------------------------ reads


@router.get("/events", response_model=Page[StoreEvent], tags=["store"])
def list_events(query: Annotated[EventQuery, Query()], state: State) -> dict[str, Any]:
    """Deduplicated events, newest first by default, each with its first evidence records (the
    document and the span of its text that tells the event)."""
    with state.cursor() as cursor:
        total, items = queries.events_page(
            cursor, query.filters(), sort=query.sort, limit=query.limit, offset=query.offset
        )
    return _page(total, query, items)


@router.get("/quotations", response_model=Page[StoreQuotation], tags=["store"])
def list_quotations(query: Annotated[QuotationQuery, Query()], state: State) -> dict[str, Any]:
    """Quotations, newest document first."""
    with state.cursor() as cursor:
        total, items = queries.quotations_page(
            cursor, query.filters(), limit=query.limit, offset=query.offset
        )
    return _page(total, query, items)


@router.get("/claims", response_model=Page[StoreClaim], tags=["store"])
def list_claims(query: Annotated[ClaimQuery, Query()], state: State) -> dict[str, Any]:
    """Claims of opinion writers, newest document first."""
    with state.cursor() as cursor:
        total, items = queries.claims_page(cursor, query.filters(), limit=query.limit, offset=query.offset)
    return _page(total, query, items)


@router.get("/actors", response_model=Page[ActorSummary], tags=["store"])
def list_actors(query: Annotated[ActorQuery, Query()], state: State) -> dict[str, Any]:
    """Actor codes the texts mention, most mentioned first."""
    with state.cursor() as cursor:
        total, items = queries.actors_page(cursor, query.prefix, limit=query.limit, offset=query.offset)
    return _page(total, query, items)


@router.get("/actors/{code}", response_model=ActorProfile, tags=["store"], responses=NOT_FOUND)
def actor(code: Annotated[str, Path(pattern=CODE_PATTERN)], state: State) -> dict[str, Any]:
    """An actor code or code prefix (``SYR`` covers SYRGOV, SYRMIL ...): its names, how often it is
    mentioned, quoted and involved in events, and its allies and adversaries in the actor network."""
    with state.cursor() as cursor:
        profile = queries.actor_profile(cursor, code.upper())
    if profile is None:
        raise HTTPException(404, f"no actor with a code starting with {code.upper()!r} in the store")
    return profile


@router.get("/documents", response_model=Page[DocumentSummary], tags=["store"])
def list_documents(query: Annotated[DocumentQuery, Query()], state: State) -> dict[str, Any]:
    """Stored documents, newest first."""
    with state.cursor() as cursor:
        total, items = queries.documents_page(
            cursor,
            start=query.start,
            end=query.end,
            contains=query.contains,
            limit=query.limit,
            offset=query.offset,
        )
    return _page(total, query, items)


@router.get("/documents/{doc_key}", response_model=DocumentView, tags=["store"], responses=NOT_FOUND)
def document(doc_key: Annotated[str, Path(pattern=DOC_KEY_PATTERN)], state: State) -> dict[str, Any]:
    """A stored document (``doc_key``: the SHA-256 of its text): the original text and its mentions,
    event records, quotations and claims, with their offsets into that text."""
    with state.cursor() as cursor:
        found = queries.document_view(cursor, doc_key)
    if found is None:
        raise HTTPException(404, f"no document with key {doc_key} in the store")
    return found


@router.get("/mosaic", response_model=MosaicResponse, tags=["store"])
def mosaic(query: Annotated[MosaicQuery, Query()], state: State) -> dict[str, Any]:
    """Dyads per period (QuadClass counts, Goldstein sum and mean, balance) and the signed actor network
    of the deduplicated events in a date range, as ``hadath mosaic`` computes them."""
    request = queries.MosaicQuery(
        period=query.period,
        level=query.level,
        actor=query.actor,
        start=query.start,
        end=query.end,
        factual=query.factual,
        top=query.top,
        role_blocks=state.role_blocks,
    )
    with state.cursor() as cursor:
        return queries.mosaic(cursor, request)


@router.get("/stats", response_model=StoreStats, tags=["store"])
def store_stats(state: State) -> dict[str, Any]:
    """How much the store holds, and the dates its events span."""
    with state.cursor() as cursor:
        return queries.stats(cursor)
