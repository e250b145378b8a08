"""A stand-in for `process_document` with predictable events, for testing the runners.

The real pipeline is being built by others; the runners must move, order, merge and cache
whatever it returns. A line `EVENT name 2021-01-05` becomes a dated event, `EVENT name undated`
an undated one; `BOOM` raises (a pipeline bug); `CRASH` kills the worker process (never the
test process itself).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import re
from pathlib import Path

from timeline.models import Document, Event, EventStatus, EventTime, Granularity, Mention
from timeline.pipeline import DocumentResult, summarize

EVENT_LINE = re.compile(r"^EVENT (?P<name>\w+) (?P<when>\d{4}-\d{2}-\d{2}|undated)$", re.M)


def fake_event(document: Document, match: re.Match[str], number: int) -> Event:
    """The event of one `EVENT` line."""
    time = None
    if match["when"] != "undated":
        day = dt.date.fromisoformat(match["when"])
        time = EventTime(
            value=day.isoformat(),
            earliest=day,
            latest=day,
            granularity=Granularity.day,
            basis="explicit",
        )
    return Event(
        id=f"{document.id}-{number}",
        title=match["name"],
        summary=match["name"],
        time=time,
        status=EventStatus.occurred,
        type="other",
        mentions=[
            Mention(document=document.id, start=match.start(), end=match.end(), text=match.group(0))
        ],
        confidence=0.5,
    )


def fake_process_document(document: Document) -> DocumentResult:
    """Events from `EVENT` lines; BOOM raises; CRASH exits the worker process."""
    if "CRASH" in document.text and multiprocessing.parent_process() is not None:
        os._exit(3)
    if "BOOM" in document.text:
        raise ValueError("boom in the pipeline")
    events = [
        fake_event(document, match, number)
        for number, match in enumerate(EVENT_LINE.finditer(document.text))
    ]
    return DocumentResult(document=summarize(document), events=events)


def write_corpus(folder: Path, count: int, events_per_document: int = 2) -> list[Path]:
    """`count` small articles with dated and undated `EVENT` lines, in two subfolders."""
    paths = []
    for number in range(count):
        day = dt.date(2019, 1, 1) + dt.timedelta(days=37 * number)
        lines = [f"date 2021-06-{1 + number % 28:02d}", f"Article {number}."]
        lines += [
            f"EVENT e{number}x{k} {(day + dt.timedelta(days=k)).isoformat()}"
            for k in range(events_per_document)
        ]
        lines.append(f"EVENT u{number} undated")
        path = folder / f"part{number % 2}" / f"doc{number:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths
