"""Output: serialize a `TimelineResult` to the supported formats, and load one back."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from timeline.ingest import InputError
from timeline.models import TimelineResult

EXPORT_FORMATS: tuple[str, ...] = ("json",)
#: File extension of each format, for `events.<ext>` outputs.
FILE_EXTENSIONS: dict[str, str] = {"json": "json"}


def to_json(result: TimelineResult) -> str:
    """The events JSON: stable key order, two-space indent, UTF-8 text kept as is."""
    return json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def serialize(result: TimelineResult, fmt: str) -> bytes:
    """The bytes of `result` in format `fmt` (one of `EXPORT_FORMATS`)."""
    if fmt == "json":
        return to_json(result).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(EXPORT_FORMATS)}")


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
