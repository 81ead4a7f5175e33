"""A readable terminal rendering of an analysis."""

from __future__ import annotations

from hadath.schema import ActorRef, Analysis

_WIDTH = 60


def _clip(text: str, width: int = _WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _actor(ref: ActorRef | None) -> str:
    if ref is None:
        return "—"
    who = f" ({ref.name_en})" if ref.name_en else ""
    return f"{ref.code or '?'}{who}"


def render_table(analysis: Analysis) -> str:
    lines = [
        f"═══ {analysis.doc_id}  date={analysis.date or '—'}  genre={analysis.genre}  "
        f"{analysis.sentences} sentences, {analysis.tokens} tokens",
    ]
    if analysis.actors:
        lines.append("── actors")
        for actor in analysis.actors:
            lines.append(f"  [{actor.start}:{actor.end}] {_clip(actor.text, 40)}  →  {_actor(actor)}")
    if analysis.places:
        lines.append("── places")
        for place in analysis.places:
            where = (
                f"{place.lat:.2f},{place.lon:.2f}" if place.lat is not None and place.lon is not None else "—"
            )
            country = place.country or ""
            lines.append(f"  [{place.start}:{place.end}] {place.text}  →  {place.name_en} {country} {where}")
    if analysis.dates:
        lines.append("── dates")
        for ref in analysis.dates:
            lines.append(f"  [{ref.start}:{ref.end}] {ref.text}  →  {ref.value} ({ref.kind})")
    if analysis.events:
        lines.append("── events  (source → target: CAMEO PLOVER Goldstein, modality)")
        for event in analysis.events:
            place = f" @{event.place.name_en}" if event.place else ""
            lines.append(
                f"  [{event.trigger_start}:{event.trigger_end}] {event.trigger}: {_actor(event.source)} → "
                f"{_actor(event.target)}  {event.cameo} {event.plover or '?'} {event.goldstein}  "
                f"{event.modality}{place}  conf={event.confidence}"
            )
    if analysis.quotations:
        lines.append("── quotations")
        for quote in analysis.quotations:
            lines.append(f"  {_actor(quote.speaker)} [{quote.cue}]: «{_clip(quote.content)}»")
    if analysis.claims:
        lines.append("── author's claims")
        for claim in analysis.claims:
            flags = [name for name, on in (("hedged", claim.hedged), ("negated", claim.negated)) if on]
            if claim.relation:
                flags.append(f"{claim.relation}:{claim.relation_cue}")
            about = ",".join(claim.about) or "—"
            lines.append(
                f"  [{claim.start}:{claim.end}] {_clip(claim.text)}  about={about} {' '.join(flags)}"
            )
    return "\n".join(lines)
