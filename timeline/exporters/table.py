"""CSV: one flat row per event, ready for a spreadsheet or `pandas.read_csv`.

Written as UTF-8 *with* a byte-order mark so Excel shows accents and non-Latin names correctly
(LibreOffice, pandas and Python's ``csv`` with ``encoding="utf-8-sig"`` read it as well), with
CRLF line ends and minimal RFC 4180 quoting. List cells are joined with ``"; "``. A text cell
that a spreadsheet would run as a formula (starting with ``= + - @``, tab or carriage return)
gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import io

from timeline.models import Event, TimelineResult

CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "date",
    "edtf",
    "earliest",
    "latest",
    "granularity",
    "title",
    "type",
    "status",
    "actors",
    "targets",
    "places",
    "sources",
    "documents",
    "source_sentence",
)
LIST_SEPARATOR = "; "
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def defuse_formula(cell: str) -> str:
    """Prefix an apostrophe to a cell a spreadsheet would evaluate as a formula."""
    return f"'{cell}" if cell.startswith(FORMULA_PREFIXES) else cell


def event_row(event: Event) -> list[str]:
    """The CSV cells of one event, in `CSV_COLUMNS` order."""
    time = event.time
    documents = sorted({mention.document for mention in event.mentions})
    cells = [
        event.id,
        time.value if time else "",
        (time.edtf or "") if time else "",
        time.earliest.isoformat() if time else "",
        time.latest.isoformat() if time else "",
        time.granularity.value if time else "",
        event.title,
        event.type,
        event.status.value,
        LIST_SEPARATOR.join(event.actors),
        LIST_SEPARATOR.join(event.targets),
        LIST_SEPARATOR.join(event.places),
        str(event.sources),
        LIST_SEPARATOR.join(documents),
        event.mentions[0].text,
    ]
    return [defuse_formula(cell) for cell in cells]


def to_csv(result: TimelineResult) -> str:
    """The CSV text (header and one row per event: dated in order, then undated)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for event in [*result.events, *result.undated]:
        writer.writerow(event_row(event))
    return buffer.getvalue()


def csv_bytes(result: TimelineResult) -> bytes:
    """The CSV file bytes: UTF-8 with a byte-order mark."""
    return to_csv(result).encode("utf-8-sig")
