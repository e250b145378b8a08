"""The view of a timeline: what the page and the chart show, computed from a `TimelineResult`.

Pure functions only (no plotly): lanes, stacking of dense days, hover text, label placement,
reasons for uncertainty and the typed records embedded in the page as JSON. Strings meant for
plotly (hover, tick and legend text) are HTML-escaped here; strings meant for the page script
stay raw because the script only ever sets them with `textContent`.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap
from collections import Counter
from collections.abc import Iterable, Sequence
from enum import Enum
from pathlib import PurePath
from typing import Literal, NamedTuple
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field

from timeline.models import (
    DateSource,
    DocumentSummary,
    Event,
    Granularity,
    Mention,
    TimeBasis,
    TimelineResult,
)

#: Grains drawn as a point; every coarser grain is drawn as a span over its whole interval.
POINT_GRAINS = frozenset({Granularity.time, Granularity.day})
#: Grains too coarse to place an event on a day: listed as "uncertain" below the chart.
UNCERTAIN_GRAINS = frozenset(
    {
        Granularity.season,
        Granularity.quarter,
        Granularity.half,
        Granularity.year,
        Granularity.decade,
        Granularity.century,
    }
)
#: Bases that mean the date is not written next to the event.
UNCERTAIN_BASES = {
    TimeBasis.document_date: "no date near the event; the publication date is used",
    TimeBasis.inferred: "date inferred from context",
}
LOW_CONFIDENCE = 0.5
#: How a document date source reads in the documents list.
DATE_SOURCE_LABELS = {
    DateSource.option: "given on the command line (--dct)",
    DateSource.dates_file: "from the dates file",
    DateSource.metadata: "from the page metadata",
    DateSource.text: "found in the text",
    DateSource.inferred: "inferred from dates in the text",
    DateSource.unknown: "unknown",
}
#: Okabe & Ito (2008) colours, safe for the common colour-vision deficiencies.
OKABE_ITO = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
    "#F0E442",
    "#000000",
)
STATUS_SYMBOLS = {"occurred": "circle", "planned": "circle-open", "ongoing": "diamond"}
NO_ACTOR = "(no actor)"
MAX_LANES = 14
MAX_ROWS_PER_LANE = 7
#: A marker occupies this share of the whole date range when stacking (about 8 px of 1000).
MIN_MARK_SHARE = 0.008
LANE_BAND = 0.72
HOVER_WIDTH = 60
LABEL_CHARS = 34
TICK_CHARS = 26
#: Estimated width of one label character at the label font size, in pixels.
LABEL_CHAR_PX = 6.3
LABEL_HEIGHT_PX = 15.0
LABEL_OFFSET_PX = 8.0
MAX_LABELS = 40

Rect = tuple[float, float, float, float]


class LaneMode(str, Enum):
    """What the rows of the chart group events by."""

    type = "type"
    actor = "actor"
    document = "document"


LANE_MODE_LABELS = {
    LaneMode.type: "Lanes: event type",
    LaneMode.actor: "Lanes: actor",
    LaneMode.document: "Lanes: source document",
}


class ViewModel(BaseModel):
    """Base of the records embedded in the page: strict and immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ViewMention(ViewModel):
    """A source sentence split around its date phrase, and where it comes from."""

    document: str = Field(description="Document id (see `TimelineView.documents`).")
    before: str
    phrase: str
    after: str
    trigger: str | None = None


class ViewEvent(ViewModel):
    """One event as the page script needs it (raw strings, set with textContent)."""

    index: int
    id: str
    title: str
    summary: str
    type: str
    status: str
    actors: list[str]
    targets: list[str]
    places: list[str]
    sources: int
    confidence: float
    dated: bool
    date_text: str | None = None
    date_value: str | None = None
    granularity: str | None = None
    basis: str | None = None
    mod: str | None = None
    earliest: str | None = None
    latest: str | None = None
    is_span: bool = False
    x: str | None = Field(default=None, description="Where the marker sits (ISO datetime).")
    x0: str | None = Field(default=None, description="Span start (ISO date), spans only.")
    x1: str | None = Field(default=None, description="Span end, exclusive (ISO date).")
    y: dict[str, float] = Field(default_factory=dict, description="Lane position per lane mode.")
    label: str = ""
    hover: str = Field(default="", exclude=True, description="Plotly hover text (escaped).")
    reason: str | None = Field(default=None, description="Why it is undated or uncertain.")
    mentions: list[ViewMention]


class ViewDocument(ViewModel):
    """A document row of the documents list."""

    id: str
    name: str
    path: str
    url: str | None = Field(default=None, description="Only http(s) URLs; others are dropped.")
    url_text: str | None = Field(default=None, description="The URL as given, shown as text.")
    published: str | None = None
    source: str
    source_label: str
    confidence: float
    evidence: str | None = None
    events: int = 0


class ViewLanes(ViewModel):
    """The lanes of one lane mode: tick labels top to bottom."""

    mode: str
    label: str
    names: list[str]
    ticks: list[str] = Field(description="Escaped, shortened names for the axis.")


class ViewSkipped(ViewModel):
    """An input that could not be read."""

    path: str
    reason: str


class TimelineView(ViewModel):
    """Everything the page shows, in one record."""

    title: str
    events: list[ViewEvent]
    dated_count: int
    documents: list[ViewDocument]
    lanes: dict[str, ViewLanes]
    types: list[str]
    type_colors: dict[str, str]
    actors: list[str]
    uncertain: list[int] = Field(description="Indices of undated or uncertain events.")
    skipped: list[ViewSkipped]


def escape_text(text: str) -> str:
    """Text shown by plotly as literal characters: `<`, `>` and `&` escaped."""
    return html.escape(text, quote=False)


def shorten(text: str, width: int) -> str:
    """`text` on one line, cut to `width` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def wrap_escaped(text: str, width: int = HOVER_WIDTH, max_lines: int = 3) -> str:
    """`text` wrapped to lines of `width`, each escaped, joined by `<br>` for plotly."""
    lines = textwrap.wrap(" ".join(text.split()), width=width) or [""]
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], shorten(" ".join(lines[max_lines - 1 :]), width)]
    return "<br>".join(escape_text(line) for line in lines)


def safe_url(url: str | None) -> str | None:
    """`url` when it is an absolute http(s) URL with a host, else None (never a live link)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    return url.strip()


def document_name(document: DocumentSummary) -> str:
    """A readable name for a document: its title, its outlet, or its file name."""
    if document.title and document.outlet:
        return f"{document.outlet}: {document.title}"
    return document.title or document.outlet or PurePath(document.path).name or document.id


def split_mention(mention: Mention) -> ViewMention:
    """A mention's sentence split into before / date phrase / after (phrase may be empty)."""
    document = mention.document
    text = mention.text
    if mention.time_start is None or mention.time_end is None:
        return ViewMention(
            document=document, before=text, phrase="", after="", trigger=mention.trigger
        )
    start = mention.time_start - mention.start
    end = mention.time_end - mention.start
    if not 0 <= start <= end <= len(text):
        return ViewMention(
            document=document, before=text, phrase="", after="", trigger=mention.trigger
        )
    return ViewMention(
        document=document,
        before=text[:start],
        phrase=text[start:end],
        after=text[end:],
        trigger=mention.trigger,
    )


def uncertainty_reason(event: Event) -> str | None:
    """Why an event's date is missing or uncertain, or None when it is precise enough."""
    if event.time is None:
        return event.reason or "no date found for this event"
    reasons: list[str] = []
    time = event.time
    if time.granularity in UNCERTAIN_GRAINS:
        reasons.append(f"only the {time.granularity.value} is known ({time.value})")
    if time.basis in UNCERTAIN_BASES:
        reasons.append(UNCERTAIN_BASES[time.basis])
    if time.mod:
        reasons.append(f"approximate ({time.mod.lower()})")
    if event.confidence < LOW_CONFIDENCE:
        reasons.append(f"low confidence ({event.confidence:.2f})")
    if event.reason:
        reasons.append(event.reason)
    return "; ".join(reasons) or None


def marker_position(
    earliest: dt.date, latest: dt.date, is_span: bool, mod: str | None = None
) -> str:
    """Where an event's marker sits: noon of its day, or the middle of its span; a span
    that only bounds a START (or END) has its marker at that end."""
    if not is_span or (mod or "").upper() == "START":
        return f"{earliest.isoformat()} 12:00"
    if (mod or "").upper() == "END":
        return f"{latest.isoformat()} 12:00"
    start = dt.datetime.combine(earliest, dt.time())
    end = dt.datetime.combine(latest + dt.timedelta(days=1), dt.time())
    middle = start + (end - start) / 2
    return middle.strftime("%Y-%m-%d %H:%M")


def x_number(x: str) -> float:
    """A marker position ("YYYY-MM-DD HH:MM") as days since 0001-01-01, for pixel maths."""
    moment = dt.datetime.strptime(x, "%Y-%m-%d %H:%M")
    return moment.toordinal() + (moment.hour * 60 + moment.minute) / 1440


def lane_key(event: Event, mode: LaneMode) -> str:
    """The lane an event goes in, for one lane mode (its first actor, its first source)."""
    if mode is LaneMode.type:
        return event.type
    if mode is LaneMode.actor:
        return event.actors[0] if event.actors else NO_ACTOR
    return event.mentions[0].document


def order_lanes(keys: Iterable[str], last: Sequence[str] = ()) -> list[str]:
    """Distinct keys by frequency (most first, ties by name); keys in `last` go to the end."""
    counts = Counter(keys)
    ordered = sorted((key for key in counts if key not in last), key=lambda k: (-counts[k], k))
    return ordered + [key for key in last if key in counts]


def cap_lanes(ordered: list[str], limit: int = MAX_LANES) -> tuple[list[str], str | None]:
    """At most `limit` lanes: the rest share one "other" lane (returned as its name)."""
    if len(ordered) <= limit:
        return ordered, None
    other = f"other ({len(ordered) - limit + 1})"
    return [*ordered[: limit - 1], other], other


def stack_rows(
    intervals: Sequence[tuple[int, int]], max_rows: int = MAX_ROWS_PER_LANE
) -> list[int]:
    """First-fit rows so that intervals (start, end-exclusive) in a row never overlap.

    Beyond `max_rows` rows an interval goes in the row that frees up first.
    """
    rows_end: list[int] = []
    result = [0] * len(intervals)
    for position in sorted(range(len(intervals)), key=lambda i: intervals[i]):
        start, end = intervals[position]
        row = next((r for r, row_end in enumerate(rows_end) if row_end <= start), None)
        if row is None and len(rows_end) < max_rows:
            rows_end.append(end)
            row = len(rows_end) - 1
        elif row is None:
            row = min(range(len(rows_end)), key=rows_end.__getitem__)
        rows_end[row] = max(rows_end[row], end)
        result[position] = row
    return result


def row_offsets(rows: Sequence[int], band: float = LANE_BAND) -> list[float]:
    """Vertical offsets (lane units, centred on 0) for stacked rows of one lane."""
    count = max(rows, default=0) + 1
    if count == 1:
        return [0.0] * len(rows)
    step = min(0.26, band / (count - 1))
    return [round((row - (count - 1) / 2) * step, 4) for row in rows]


def visual_intervals(events: Sequence[Event]) -> list[tuple[int, int]]:
    """Day intervals (end exclusive) as drawn at full zoom: at least `MIN_MARK_SHARE` of the
    whole range wide, so events a few days apart stack instead of hiding each other."""
    days = [
        (event.time.earliest.toordinal(), event.time.latest.toordinal() + 1)
        for event in events
        if event.time is not None
    ]
    if not days:
        return []
    whole = max(end for _, end in days) - min(start for start, _ in days)
    least = max(1, round(whole * MIN_MARK_SHARE))
    return [(start, max(end, start + least)) for start, end in days]


def lane_positions(
    events: Sequence[Event], mode: LaneMode
) -> tuple[list[float], list[str], list[str]]:
    """Per dated event its y (lane index + stacking offset), the lane names and tick texts."""
    keys = [lane_key(event, mode) for event in events]
    last = [NO_ACTOR] if mode is LaneMode.actor else []
    lanes, other = cap_lanes(order_lanes(keys, last))
    index = {name: i for i, name in enumerate(lanes)}
    lane_of = [index.get(key, index.get(other or "", 0)) for key in keys]
    intervals = visual_intervals(events)
    ys = [0.0] * len(events)
    for lane in range(len(lanes)):
        members = [i for i, lane_index in enumerate(lane_of) if lane_index == lane]
        offsets = row_offsets(stack_rows([intervals[i] for i in members]))
        for member, offset in zip(members, offsets, strict=True):
            ys[member] = lane + offset
    return ys, lanes, [escape_text(shorten(name, TICK_CHARS)) for name in lanes]


def hover_text(event: Event) -> str:
    """Plotly hover text: title, date as written and normalized, status, actors, sources."""
    time = event.time
    lines = [f"<b>{wrap_escaped(event.title)}</b>"]
    if time is not None:
        written = f"“{escape_text(shorten(time.text, 60))}”" if time.text else "(no date phrase)"
        interval = (
            time.earliest.isoformat()
            if time.earliest == time.latest
            else f"{time.earliest.isoformat()} to {time.latest.isoformat()}"
        )
        mod = f", {escape_text(time.mod.lower())}" if time.mod else ""
        lines.append(f"Date: {written} → {escape_text(time.value)}")
        lines.append(f"Precision: {time.granularity.value}{mod} ({interval})")
    lines.append(f"Status: {event.status.value} · Type: {escape_text(shorten(event.type, 40))}")
    if event.actors:
        lines.append("Actors: " + wrap_escaped(", ".join(event.actors), max_lines=2))
    lines.append(f"Sources: {event.sources} document{'s' if event.sources != 1 else ''}")
    return "<br>".join(lines)


def view_event(index: int, event: Event, y: dict[str, float] | None = None) -> ViewEvent:
    """The page record of one event; `y` is its lane position per lane mode (dated only)."""
    time = event.time
    is_span = time is not None and time.granularity not in POINT_GRAINS
    fields: dict[str, object] = {}
    if time is not None:
        fields = {
            "date_text": time.text,
            "date_value": time.value,
            "granularity": time.granularity.value,
            "basis": time.basis.value,
            "mod": time.mod,
            "earliest": time.earliest.isoformat(),
            "latest": time.latest.isoformat(),
            "is_span": is_span,
            "x": marker_position(time.earliest, time.latest, is_span, time.mod),
            "x0": time.earliest.isoformat() if is_span else None,
            "x1": (time.latest + dt.timedelta(days=1)).isoformat() if is_span else None,
        }
    return ViewEvent(
        index=index,
        id=event.id,
        title=event.title,
        summary=event.summary,
        type=event.type,
        status=event.status.value,
        actors=list(event.actors),
        targets=list(event.targets),
        places=list(event.places),
        sources=event.sources,
        confidence=event.confidence,
        dated=time is not None,
        y=y or {},
        label=escape_text(shorten(event.title, LABEL_CHARS)),
        hover=hover_text(event),
        reason=uncertainty_reason(event),
        mentions=[split_mention(mention) for mention in event.mentions],
        **fields,
    )


def view_document(document: DocumentSummary, events: int) -> ViewDocument:
    """The documents-list row of one document."""
    published = document.published
    return ViewDocument(
        id=document.id,
        name=document_name(document),
        path=document.path,
        url=safe_url(document.url),
        url_text=document.url,
        published=published.value,
        source=published.source.value,
        source_label=DATE_SOURCE_LABELS[published.source],
        confidence=published.confidence,
        evidence=published.evidence,
        events=events,
    )


def type_colors(types: Sequence[str]) -> dict[str, str]:
    """One Okabe-Ito colour per type, in order (cycling beyond eight types)."""
    return {name: OKABE_ITO[i % len(OKABE_ITO)] for i, name in enumerate(types)}


def chronological(events: Iterable[Event]) -> list[Event]:
    """Dated events by earliest date, then latest, then id."""
    dated = [event for event in events if event.time is not None]
    return sorted(dated, key=lambda e: (e.time.earliest, e.time.latest, e.id))  # type: ignore[union-attr]


def page_title(result: TimelineResult) -> str:
    """The chart title: how many events from how many documents, and the date range."""
    dated = [event.time for event in result.events if event.time is not None]
    span = ""
    if dated:
        first = min(time.earliest for time in dated)
        last = max(time.latest for time in dated)
        span = f", {first.year}" if first.year == last.year else f", {first.year}–{last.year}"
    return (
        f"Timeline: {len(dated)} dated event{'s' if len(dated) != 1 else ''} from "
        f"{len(result.documents)} document{'s' if len(result.documents) != 1 else ''}{span}"
    )


def build_view(result: TimelineResult) -> TimelineView:
    """The whole view of a result: dated events first (chronological), then undated ones."""
    dated = chronological(result.events)
    undated = [event for event in result.events if event.time is None] + list(result.undated)
    names = {document.id: document_name(document) for document in result.documents}
    lanes: dict[str, ViewLanes] = {}
    positions: list[dict[str, float]] = [{} for _ in dated]
    for mode in LaneMode:
        ys, lane_names, ticks = lane_positions(dated, mode)
        if mode is LaneMode.document:
            lane_names = [names.get(name, name) for name in lane_names]
            ticks = [escape_text(shorten(name, TICK_CHARS)) for name in lane_names]
        lanes[mode.value] = ViewLanes(
            mode=mode.value, label=LANE_MODE_LABELS[mode], names=lane_names, ticks=ticks
        )
        for position, y in zip(positions, ys, strict=True):
            position[mode.value] = y
    events = [
        view_event(i, event, positions[i] if i < len(dated) else None)
        for i, event in enumerate([*dated, *undated])
    ]
    types = order_lanes(event.type for event in dated)
    types += sorted({event.type for event in undated} - set(types))
    mentioned = Counter(
        document
        for event in [*dated, *undated]
        for document in {m.document for m in event.mentions}
    )
    return TimelineView(
        title=page_title(result),
        events=events,
        dated_count=len(dated),
        documents=[view_document(d, mentioned[d.id]) for d in result.documents],
        lanes=lanes,
        types=types,
        type_colors=type_colors(types),
        actors=order_lanes(actor for event in [*dated, *undated] for actor in event.actors),
        uncertain=[event.index for event in events if event.reason is not None],
        skipped=[ViewSkipped(path=s.path, reason=s.reason) for s in result.skipped],
    )


class Label(NamedTuple):
    """A label to draw: the event it names and the side of the marker it sits on."""

    index: int
    side: Literal["right", "left"]


def rectangles_overlap(a: Rect, b: Rect) -> bool:
    """Whether two (x0, y0, x1, y1) rectangles overlap."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def label_priority(event: ViewEvent, x: float) -> tuple[float, float, float]:
    """Labels go to the best-sourced, most confident events first, then left to right."""
    return (-event.sources, -event.confidence, x)


def place_labels(
    events: Sequence[ViewEvent],
    mode: str,
    x_range: tuple[float, float],
    plot_size: tuple[float, float],
    lane_count: int,
    to_number: dict[int, float],
    limit: int = MAX_LABELS,
) -> list[Label]:
    """Labels that fit without overlapping each other, right of their marker or else left.

    `to_number` maps an event index to its x as a number (e.g. days); `plot_size` is the
    plot area (width, height) in pixels and lanes run top to bottom from y = 0.
    The page script places labels again with the same rules after every zoom.
    """
    low, high = x_range
    width, height = plot_size
    if high <= low or width <= 0 or height <= 0:
        return []
    scale_x = width / (high - low)
    scale_y = height / max(lane_count, 1)
    visible = sorted(
        (e for e in events if e.dated and low <= to_number[e.index] <= high),
        key=lambda e: label_priority(e, to_number[e.index]),
    )
    placed: list[Rect] = []
    chosen: list[Label] = []
    for event in visible:
        x = (to_number[event.index] - low) * scale_x
        y = (event.y[mode] + 0.5) * scale_y
        label_width = len(html.unescape(event.label)) * LABEL_CHAR_PX + 6
        for side in ("right", "left"):
            x0 = x + LABEL_OFFSET_PX if side == "right" else x - LABEL_OFFSET_PX - label_width
            rect = (x0, y - LABEL_HEIGHT_PX / 2, x0 + label_width, y + LABEL_HEIGHT_PX / 2)
            if x0 < 0 or rect[2] > width or any(rectangles_overlap(rect, r) for r in placed):
                continue
            placed.append(rect)
            chosen.append(Label(event.index, side))
            break
        if len(chosen) >= limit:
            break
    return chosen
