"""The JSON Schema of the events file, generated from the models, and validation against it."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from timeline.models import TimelineResult


def schema_text() -> str:
    """The JSON Schema of `events.json`, as committed in `timeline/schema/events.schema.json`."""
    return json.dumps(TimelineResult.model_json_schema(), indent=2, ensure_ascii=False) + "\n"


def validate_events_file(path: Path) -> list[str]:
    """Problems of an events JSON file, each as `path.to.field: message`; empty when valid."""
    try:
        TimelineResult.model_validate_json(path.read_bytes())
    except OSError as error:
        return [f"{path}: {error.strerror or error}"]
    except ValidationError as error:
        return [
            f"{'.'.join(str(part) for part in problem['loc']) or '(root)'}: {problem['msg']}"
            for problem in error.errors()
        ]
    return []
