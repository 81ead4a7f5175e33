"""A readable terminal rendering of an analysis."""

from __future__ import annotations

from hadath.schema import ActorRef, Analysis, Claim, Event, PlaceRef

_WIDTH = 60


def _clip(text: str, width: int = _WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _actor(ref: ActorRef | None) -> str:
    if ref is None:
        return "—"
    who = f" ({ref.name_en})" if ref.name_en else ""
    return f"{ref.code or '?'}{who}"


def _place_line(place: PlaceRef) -> str:
    where = f"{place.lat:.2f},{place.lon:.2f}" if place.lat is not None and place.lon is not None else "—"
    return f"  [{place.start}:{place.end}] {place.text}  →  {place.name_en} {place.country or ''} {where}"


def _event_line(event: Event) -> str:
    place = f" @{event.place.name_en}" if event.place else ""
    return (
        f"  [{event.trigger_start}:{event.trigger_end}] {event.trigger}: {_actor(event.source)} → "
        f"{_actor(event.target)}  {event.cameo} {event.plover or '?'} {event.goldstein}  "
        f"{event.modality}{place}  conf={event.confidence}"
    )


def _claim_line(claim: Claim) -> str:
    flags = [name for name, on in (("hedged", claim.hedged), ("negated", claim.negated)) if on]
    if claim.relation:
        flags.append(f"{claim.relation}:{claim.relation_cue}")
    about = ",".join(claim.about) or "—"
    return f"  [{claim.start}:{claim.end}] {_clip(claim.text)}  about={about} {' '.join(flags)}"


def render_table(analysis: Analysis) -> str:
    lines = [
        f"═══ {analysis.doc_id}  date={analysis.date or '—'}  genre={analysis.genre}  "
        f"{analysis.sentences} sentences, {analysis.tokens} tokens",
    ]
    sections: list[tuple[str, list[str]]] = [
        ("actors", [f"  [{a.start}:{a.end}] {_clip(a.text, 40)}  →  {_actor(a)}" for a in analysis.actors]),
        ("places", [_place_line(p) for p in analysis.places]),
        ("dates", [f"  [{d.start}:{d.end}] {d.text}  →  {d.value} ({d.kind})" for d in analysis.dates]),
        (
            "events  (source → target: CAMEO PLOVER Goldstein, modality)",
            [_event_line(e) for e in analysis.events],
        ),
        (
            "quotations",
            [f"  {_actor(q.speaker)} [{q.cue}]: «{_clip(q.content)}»" for q in analysis.quotations],
        ),
        ("author's claims", [_claim_line(c) for c in analysis.claims]),
    ]
    for title, rows in sections:
        if rows:
            lines.append(f"── {title}")
            lines.extend(rows)
    return "\n".join(lines)


def render_rows(columns: list[str], rows: list[tuple], max_width: int = 48) -> str:
    """Rows as an aligned plain-text table (query results, the mosaic); long cells are clipped."""
    cells = [[_cell(value, max_width) for value in row] for row in rows]
    widths = [max([len(name)] + [len(row[i]) for row in cells]) for i, name in enumerate(columns)]
    lines = ["  ".join(name.ljust(w) for name, w in zip(columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells)
    return "\n".join(lines)


def _cell(value: object, max_width: int) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:.0f}"
    return _clip(str(value), max_width)
