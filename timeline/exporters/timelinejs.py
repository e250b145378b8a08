"""Knight Lab TimelineJS3 JSON: a slide per dated event, dates at their real precision.

Format: https://timeline.knightlab.com/docs/json-format.html. Each slide has ``start_date``
(and ``end_date`` when the event spans more than one unit) with only the fields the event's
precision supports (a month-precise event gets ``year`` and ``month``, no ``day``), a
``display_date`` for vague or qualified dates (``Spring 2019``, ``about February 2021``),
``text.headline``/``text.text`` as escaped HTML, ``group`` = event type and ``unique_id`` = the
event id. Undated events cannot be placed on a TimelineJS timeline and are left out.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
import json
from typing import Any

from timeline.models import Event, EventTime, Granularity, Mention, TimelineResult

#: How many date fields a granularity supports on a TimelineJS slide.
DAY_PRECISE = frozenset({Granularity.time, Granularity.day, Granularity.week})
MONTH_PRECISE = frozenset(
    {Granularity.month, Granularity.season, Granularity.quarter, Granularity.half}
)
#: Granularities written exactly by their date fields (no display_date needed).
PLAIN_GRANULARITIES = frozenset(
    {Granularity.time, Granularity.day, Granularity.month, Granularity.year}
)
SEASON_NAMES = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "WI": "Winter"}
MOD_WORDS = {
    "APPROX": "about {}",
    "START": "early {}",
    "MID": "mid-{}",
    "END": "late {}",
    "BEFORE": "before {}",
    "ON_OR_BEFORE": "by {}",
    "AFTER": "after {}",
    "ON_OR_AFTER": "from {}",
}


def date_fields(day: dt.date, granularity: Granularity) -> dict[str, int]:
    """A TimelineJS date object with only the fields the granularity supports."""
    if granularity in DAY_PRECISE:
        return {"year": day.year, "month": day.month, "day": day.day}
    if granularity in MONTH_PRECISE:
        return {"year": day.year, "month": day.month}
    return {"year": day.year}


def describe_time(time: EventTime) -> str:
    """A human phrase for a time: ``Spring 2019``, ``Q3 2021``, ``1990s``, ``February 2021``."""
    earliest, grain, value = time.earliest, time.granularity, time.value
    if grain is Granularity.season and value[-2:] in SEASON_NAMES:
        phrase = f"{SEASON_NAMES[value[-2:]]} {earliest.year}"
    elif grain is Granularity.quarter:
        phrase = f"Q{(earliest.month - 1) // 3 + 1} {earliest.year}"
    elif grain is Granularity.half:
        phrase = f"{'First' if earliest.month <= 6 else 'Second'} half of {earliest.year}"
    elif grain is Granularity.week:
        phrase = f"Week of {earliest.day} {calendar.month_name[earliest.month]} {earliest.year}"
    elif grain is Granularity.decade:
        phrase = f"{earliest.year // 10 * 10}s"
    elif grain is Granularity.century:
        phrase = f"{earliest.year // 100 * 100}s"
    elif grain is Granularity.month:
        phrase = f"{calendar.month_name[earliest.month]} {earliest.year}"
    elif grain is Granularity.year:
        phrase = str(earliest.year)
    else:
        phrase = f"{earliest.day} {calendar.month_name[earliest.month]} {earliest.year}"
    template = MOD_WORDS.get((time.mod or "").upper())
    return template.format(phrase) if template else phrase


def mention_html(mention: Mention, urls: dict[str, str]) -> str:
    """A source sentence as an escaped HTML quote, with its document (linked if it has a URL)."""
    document = html.escape(mention.document)
    url = urls.get(mention.document)
    source = f'<a href="{html.escape(url, quote=True)}">{document}</a>' if url else document
    return f"<blockquote>{html.escape(mention.text)}</blockquote><p>— {source}</p>"


def slide(event: Event, time: EventTime, urls: dict[str, str]) -> dict[str, Any]:
    """The TimelineJS slide of a dated event."""
    start = date_fields(time.earliest, time.granularity)
    end = date_fields(time.latest, time.granularity)
    text = f"<p>{html.escape(event.summary)}</p>" + "".join(
        mention_html(mention, urls) for mention in event.mentions
    )
    result: dict[str, Any] = {"start_date": start}
    if end != start:
        result["end_date"] = end
    if time.granularity not in PLAIN_GRANULARITIES or time.mod:
        result["display_date"] = describe_time(time)
    result["text"] = {"headline": html.escape(event.title), "text": text}
    result["group"] = event.type
    result["unique_id"] = event.id
    return result


def to_timelinejs(result: TimelineResult) -> dict[str, Any]:
    """The TimelineJS3 JSON object of `result` (dated events only, in timeline order)."""
    urls = {document.id: document.url for document in result.documents if document.url}
    return {
        "events": [
            slide(event, event.time, urls) for event in result.events if event.time is not None
        ]
    }


def timelinejs_text(result: TimelineResult) -> str:
    """The TimelineJS3 JSON file text."""
    return json.dumps(to_timelinejs(result), ensure_ascii=False, indent=2) + "\n"
