"""iCalendar: one all-day VEVENT per dated event, through the `icalendar` library.

DTSTART is the event's earliest day and DTEND the day after its latest (all-day events end
exclusively), SUMMARY the title, DESCRIPTION the summary and source sentences, CATEGORIES the
type, STATUS TENTATIVE for planned events. UIDs come from event ids and DTSTAMP from the newest
publication date among the documents (never the clock), so the same input gives the same bytes.
Undated events have no place in a calendar and are left out.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from timeline import __version__
from timeline.models import Event, EventStatus, EventTime, TimelineResult

if TYPE_CHECKING:
    from icalendar import Event as CalendarEvent

UID_DOMAIN = "timeline.invalid"
#: DTSTAMP when no document has a known publication date.
FALLBACK_STAMP = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


class FormatDependencyError(RuntimeError):
    """An export format whose optional dependency is not installed."""


def calendar_stamp(result: TimelineResult) -> dt.datetime:
    """A deterministic DTSTAMP: midnight UTC of the newest publication day, else 1970-01-01."""
    days = [d.published.latest for d in result.documents if d.published.latest is not None]
    if not days:
        return FALLBACK_STAMP
    newest = max(days)
    return dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.UTC)


def description(event: Event) -> str:
    """The summary, then each source sentence with its document id."""
    lines = [event.summary, "", "Sources:"]
    lines += [f"- {mention.document}: {mention.text}" for mention in event.mentions]
    return "\n".join(lines)


def vevent(
    event: Event, time: EventTime, stamp: dt.datetime, urls: dict[str, str]
) -> CalendarEvent:
    """The VEVENT of a dated event."""
    from icalendar import Event as CalendarEvent

    item = CalendarEvent()
    item.add("uid", f"{event.id}@{UID_DOMAIN}")
    item.add("dtstamp", stamp)
    item.add("dtstart", time.earliest)
    item.add("dtend", time.latest + dt.timedelta(days=1))
    item.add("summary", event.title)
    item.add("description", description(event))
    item.add("categories", [event.type])
    item.add("status", "TENTATIVE" if event.status is EventStatus.planned else "CONFIRMED")
    item.add("transp", "TRANSPARENT")
    documents = sorted({mention.document for mention in event.mentions})
    if len(documents) == 1 and documents[0] in urls:
        item.add("url", urls[documents[0]])
    return item


def ics_bytes(result: TimelineResult) -> bytes:
    """The iCalendar file bytes (CRLF lines, folded at 75 octets by `icalendar`)."""
    try:
        from icalendar import Calendar
    except ImportError:  # pragma: no cover - depends on the environment
        raise FormatDependencyError(
            "the ics format needs icalendar: pip install 'timeline[formats]'"
        ) from None
    calendar = Calendar()
    calendar.add("prodid", f"-//timeline//timeline {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    stamp = calendar_stamp(result)
    urls = {document.id: document.url for document in result.documents if document.url}
    for event in result.events:
        if event.time is not None:
            calendar.add_component(vevent(event, event.time, stamp, urls))
    return calendar.to_ical()
