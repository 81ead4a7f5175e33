"""The analysis pipeline: text layer → lexicon matches → mentions → events, quotations, claims."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hadath.doc import ActorMention, CueMention, Doc, PlaceMention
from hadath.extract.claims import ClaimMention, detect_genre, extract_claims
from hadath.extract.clauses import split_clauses
from hadath.extract.dates import DateMention, extract_dates
from hadath.extract.event_filter import EventFilter, event_features, load_event_filter
from hadath.extract.events import PLACE_STAND_INS, EventMention, extract_events
from hadath.extract.mentions import add_recognised_names, extract_mentions
from hadath.extract.quotations import QuotationMention, extract_quotations, extract_speech_acts
from hadath.lexicon.compiled import CompiledLexicon, load_compiled, written_form
from hadath.lexicon.loader import DATA_DIR
from hadath.lexicon.model import Lexicon
from hadath.schema import (
    ActorRef,
    Analysis,
    Claim,
    DateRef,
    Document,
    Event,
    PlaceRef,
    Quotation,
)
from hadath.text.normalize import normalize
from hadath.text.tokens import tokenize


class Pipeline:
    """Load the lexicon once, then analyse any number of documents."""

    def __init__(
        self,
        data_dir: Path = DATA_DIR,
        use_cache: bool = True,
        event_filter: bool = True,
        compiled: CompiledLexicon | None = None,
    ):
        """``compiled`` reuses a lexicon compiled elsewhere (shipped to Dask workers) instead of loading."""
        self.compiled: CompiledLexicon = compiled or load_compiled(data_dir, use_cache=use_cache)
        self.event_filter = load_event_filter() if event_filter else None

    def parse(self, document: Document) -> Doc:
        """Run every stage and return the annotated :class:`Doc` (for tools that need token detail)."""
        normalized = normalize(document.text)
        sentences, tokens = tokenize(normalized)
        doc = Doc(document, normalized, sentences, tokens, document.date)
        for sentence in sentences:
            sentence_tokens = tokens[sentence.first_token : sentence.last_token]
            self.compiled.split_missed_clitics(sentence_tokens, normalized.original)
            doc.stem_matches.append(self.compiled.find(sentence_tokens))
            for match in self.compiled.find(sentence_tokens, surface=True):
                for entry in match.entries:
                    if entry.spelling and entry.spelling != written_form(
                        doc.surface(match.first, match.last, body=False)
                    ):
                        continue  # "وكان" is "and was", not the hedge "وكأن" (as if)
                    doc.cues.append(CueMention(match.first, match.last, sentence.index, entry.ref))
        doc.cues = _outermost(doc.cues)
        doc.index_cues()
        extract_mentions(doc, self.compiled)
        doc.genre = detect_genre(doc)
        return doc

    def extract(self, document: Document) -> Extraction:
        """Every stage up to the token-level records (what training and error analysis need)."""
        doc = self.parse(document)
        clauses = split_clauses(doc)
        dates = extract_dates(doc)
        quote_pairs = self.compiled.lexicon.quote_pairs
        acts = extract_speech_acts(doc, clauses, quote_pairs)
        quotations = extract_quotations(doc, acts, quote_pairs)
        events = extract_events(doc, self.compiled, clauses, acts, quotations)
        # names the lexicon lacks, where an event misses an argument: then find the arguments again
        incomplete = _clauses_missing_arguments(events)
        if incomplete:
            triggers = {i for e in events for i in range(e.first, e.last)}
            if add_recognised_names(doc, self.compiled, incomplete, triggers):
                events = extract_events(doc, self.compiled, clauses, acts, quotations)
        claims = extract_claims(doc, clauses, events)
        return Extraction(doc, dates, events, quotations, claims)

    def analyze(self, document: Document) -> Analysis:
        extraction = self.extract(document)
        if self.event_filter is not None:
            _apply_event_filter(self.event_filter, self.compiled.lexicon, extraction)
        return _AnalysisBuilder(extraction.doc, self.compiled, extraction.quotations).build(
            extraction.dates, extraction.events, extraction.quotations, extraction.claims
        )


@dataclass(slots=True)
class Extraction:
    doc: Doc
    dates: list[DateMention]
    events: list[EventMention]
    quotations: list[QuotationMention]
    claims: list[ClaimMention]


# events whose missing source or target is worth a run of the NER model: material conflict and protest
_NAME_HUNGRY_ROOTS = frozenset({"14", "17", "18", "19", "20"})
# at most this many clauses per document are tagged, which bounds the model's cost (about 1 ms each)
_NER_CLAUSES_PER_DOCUMENT = 3


def _clauses_missing_arguments(events: list[EventMention]) -> list[tuple[int, int]]:
    clauses: list[tuple[int, int]] = []
    for event in events:
        if event.entry.cameo[:2] not in _NAME_HUNGRY_ROOTS or (_named(event.source) and _named(event.target)):
            continue
        span = (event.clause.first, event.clause.last)
        if span not in clauses:
            clauses.append(span)
        if len(clauses) == _NER_CLAUSES_PER_DOCUMENT:
            break
    return clauses


def _named(argument: ActorMention | None) -> bool:
    """An argument the text names, not one that stands in for it by a place ("victims-at-place")."""
    return argument is not None and argument.role not in PLACE_STAND_INS


def _apply_event_filter(event_filter: EventFilter, lexicon: Lexicon, extraction: Extraction) -> None:
    """For the event types the model knows, its probability is the event's confidence."""
    for event in extraction.events:
        plover = lexicon.plover_of(event.entry)
        if plover in event_filter.types:
            features = event_features(extraction.doc, event, extraction.dates)
            event.confidence = round(event_filter.probability(plover, features), 2)


def _outermost(cues: list[CueMention]) -> list[CueMention]:
    """One cue per stretch of text and category: "ربما يكون" is one hedge, not two."""
    cues.sort(key=lambda c: (c.first, -c.last))
    kept: list[CueMention] = []
    reach: dict[str, int] = {}
    for cue in cues:
        if reach.get(cue.category, -1) >= cue.last:
            continue
        kept.append(cue)
        reach[cue.category] = max(reach.get(cue.category, -1), cue.last)
    return kept


class _AnalysisBuilder:
    """Turns token-level mentions into the output records, with ORIGINAL character spans."""

    def __init__(self, doc: Doc, compiled: CompiledLexicon, quotations: list[QuotationMention]):
        self.doc = doc
        self.compiled = compiled
        self.quotations = quotations

    def actor(self, mention: ActorMention) -> ActorRef:
        start, end = self.doc.span(mention.first, mention.last)
        return ActorRef(
            text=self.doc.text[start:end],
            start=start,
            end=end,
            code=mention.code,
            actor_id=mention.actor_id,
            name_en=mention.name_en,
            kind=mention.kind,
            role=mention.role,
            confidence=round(mention.confidence, 2),
        )

    def place(self, mention: PlaceMention) -> PlaceRef:
        start, end = self.doc.span(mention.first, mention.last)
        return PlaceRef(
            text=self.doc.text[start:end],
            start=start,
            end=end,
            place_id=mention.place_id,
            name_en=mention.name_en,
            country=mention.country,
            lat=mention.lat,
            lon=mention.lon,
            kind=mention.kind,
        )

    def event(self, mention: EventMention, dates: list[DateMention]) -> Event:
        doc = self.doc
        start, end = doc.span(mention.clause.first, mention.clause.last, body=False)
        trigger_start, trigger_end = doc.span(mention.first, mention.last)
        info = self.compiled.lexicon.cameo_info(mention.cameo)
        sentence = doc.tokens[mention.first].sentence
        return Event(
            text=doc.text[start:end],
            start=start,
            end=end,
            trigger=doc.text[trigger_start:trigger_end],
            trigger_start=trigger_start,
            trigger_end=trigger_end,
            source=self.actor(mention.source) if mention.source else None,
            target=self.actor(mention.target) if mention.target else None,
            cameo=mention.cameo,
            cameo_label=info.label if info else "",
            plover=self.compiled.lexicon.plover_of(mention.entry),
            plover_mode=info.plover_mode if info else None,
            goldstein=info.goldstein if info else None,
            quad_class=info.quad_class if info else None,
            modality=mention.modality.value,
            nominal=mention.nominal,
            place=self.place(mention.place) if mention.place else None,
            date=self._event_date(mention, sentence, trigger_start, dates),
            confidence=mention.confidence,
            sentence=sentence,
            tense=mention.modality.tense,
        )

    def _event_date(
        self, mention: EventMention, sentence: int, trigger_start: int, dates: list[DateMention]
    ) -> str | None:
        """The date expression nearest the trigger in its sentence, else the document date. A statement's
        date is never taken from what it reports ("وأضاف أن الانسحاب سيبدأ غدا" was said today)."""
        reported = [(q.content_start, q.content_end) for q in self.quotations if q.cue.first == mention.first]
        candidates = [
            d
            for d in dates
            if d.sentence == sentence and not any(start <= d.start < end for start, end in reported)
        ]
        if candidates:
            return min(candidates, key=lambda d: abs(d.start - trigger_start)).value
        return self.doc.day.isoformat() if self.doc.day else None

    def quotation(self, mention: QuotationMention) -> Quotation:
        cue_start, cue_end = self.doc.span(mention.cue.first, mention.cue.last)
        return Quotation(
            speaker=self.actor(mention.speaker) if mention.speaker else None,
            cue=self.doc.text[cue_start:cue_end],
            cue_start=cue_start,
            cue_end=cue_end,
            content=self.doc.text[mention.content_start : mention.content_end],
            start=mention.content_start,
            end=mention.content_end,
            direct=mention.direct,
        )

    def claim(self, mention: ClaimMention) -> Claim:
        start, end = self.doc.span(mention.first, mention.last, body=False)
        negated_part = None
        if mention.negated_part:
            negated_part = self.doc.surface(*mention.negated_part, body=False)
        return Claim(
            holder="author",
            text=self.doc.text[start:end],
            start=start,
            end=end,
            hedged=mention.hedged,
            negated=mention.negated,
            about=mention.about,
            hedge=mention.hedge,
            negated_part=negated_part,
            relation=mention.relation,
            relation_cue=mention.relation_cue,
        )

    def build(
        self,
        dates: list[DateMention],
        events: list[EventMention],
        quotations: list[QuotationMention],
        claims: list[ClaimMention],
    ) -> Analysis:
        doc = self.doc
        document = doc.document
        return Analysis(
            doc_id=document.id,
            date=document.date.isoformat() if document.date else None,
            text_length=len(document.text),
            sentences=len(doc.sentences),
            tokens=len(doc.tokens),
            genre=doc.genre,
            actors=[self.actor(m) for m in doc.actors],
            places=[self.place(m) for m in doc.places],
            dates=[DateRef(doc.text[d.start : d.end], d.start, d.end, d.value, d.kind) for d in dates],
            events=[self.event(m, dates) for m in events],
            quotations=[self.quotation(q) for q in quotations],
            claims=[self.claim(c) for c in claims],
            title=document.title,
            source=document.source,
            url=document.url,
        )
