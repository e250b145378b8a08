"""Output: serialize a `TimelineResult` to the supported formats, and load one back.

`serialize` dispatches to one small module per format under `timeline/exporters/`. Every
format is deterministic: the same result gives the same bytes (no clock, stable order).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from timeline.ingest import InputError
from timeline.models import TimelineResult

EXPORT_FORMATS: tuple[str, ...] = ("json", "jsonl", "csv", "timelinejs", "ics")
#: File extension of each format, for `events.<ext>` outputs.
FILE_EXTENSIONS: dict[str, str] = {
    "json": "json",
    "jsonl": "jsonl",
    "csv": "csv",
    "timelinejs": "timelinejs.json",
    "ics": "ics",
}


def to_json(result: TimelineResult) -> str:
    """The events JSON: stable key order, two-space indent, UTF-8 text kept as is."""
    return json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def json_bytes(result: TimelineResult) -> bytes:
    """The events JSON file bytes."""
    return to_json(result).encode("utf-8")


def jsonl_bytes(result: TimelineResult) -> bytes:
    """One event per line."""
    from timeline.exporters.jsonl import to_jsonl

    return to_jsonl(result).encode("utf-8")


def csv_bytes(result: TimelineResult) -> bytes:
    """A flat CSV, UTF-8 with BOM."""
    from timeline.exporters.table import csv_bytes as table_bytes

    return table_bytes(result)


def timelinejs_bytes(result: TimelineResult) -> bytes:
    """Knight Lab TimelineJS3 JSON."""
    from timeline.exporters.timelinejs import timelinejs_text

    return timelinejs_text(result).encode("utf-8")


def ics_bytes(result: TimelineResult) -> bytes:
    """An iCalendar file of all-day events."""
    from timeline.exporters.ics import FormatDependencyError
    from timeline.exporters.ics import ics_bytes as calendar_bytes

    try:
        return calendar_bytes(result)
    except FormatDependencyError as error:
        raise InputError("ics", str(error)) from None


SERIALIZERS: dict[str, Callable[[TimelineResult], bytes]] = {
    "json": json_bytes,
    "jsonl": jsonl_bytes,
    "csv": csv_bytes,
    "timelinejs": timelinejs_bytes,
    "ics": ics_bytes,
}


def serialize(result: TimelineResult, fmt: str) -> bytes:
    """The bytes of `result` in format `fmt` (one of `EXPORT_FORMATS`)."""
    serializer = SERIALIZERS.get(fmt)
    if serializer is None:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(EXPORT_FORMATS)}")
    return serializer(result)


def load_result(path: Path) -> TimelineResult:
    """Load and validate an events JSON file."""
    try:
        return TimelineResult.model_validate_json(path.read_bytes())
    except OSError as error:
        raise InputError(str(path), error.strerror or str(error)) from None
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(root)"
        raise InputError(str(path), f"not a valid events file: {where}: {first['msg']}") from None
