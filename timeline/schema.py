"""The JSON Schema of the events file, generated from the models, and validation against it.

The schema is committed as `timeline/schema/events.schema.json` (shipped in the package) and a
test checks it against the models. After changing `timeline/models.py`, regenerate it with
``python -m timeline.schema --write``.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from timeline.models import SCHEMA_VERSION, TimelineResult

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FILE_NAME = "events.schema.json"


def generated_schema() -> dict[str, Any]:
    """The events JSON Schema as generated from `TimelineResult`, with its dialect and version."""
    schema = TimelineResult.model_json_schema()
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$comment": f"timeline events file, schema_version {SCHEMA_VERSION}",
        **schema,
    }


def render_schema(schema: dict[str, Any]) -> str:
    """A schema as committed: two-space indent, UTF-8, newline at the end."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def committed_schema_path() -> Path:
    """Where the committed schema lives in the source tree."""
    return Path(__file__).with_name("schema") / SCHEMA_FILE_NAME


@lru_cache(maxsize=1)
def schema_text() -> str:
    """The JSON Schema of `events.json`, as shipped in `timeline/schema/events.schema.json`."""
    shipped = resources.files("timeline").joinpath("schema", SCHEMA_FILE_NAME)
    if shipped.is_file():
        return shipped.read_text(encoding="utf-8")
    return render_schema(generated_schema())


def write_schema_file(path: Path | None = None) -> Path:
    """Regenerate the committed schema file from the models."""
    from timeline.fileio import write_text_atomic

    target = path or committed_schema_path()
    write_text_atomic(target, render_schema(generated_schema()))
    return target


def problem_path(location: tuple[int | str, ...]) -> str:
    """A pydantic error location as `path.to.field` (list indexes as numbers)."""
    return ".".join(str(part) for part in location) or "(root)"


def json_syntax_problem(data: bytes) -> str | None:
    """The JSON syntax error of `data` with its line and column, or None when it parses."""
    try:
        json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        return f"(root): not UTF-8 text (byte {error.start})"
    except json.JSONDecodeError as error:
        return f"(root): invalid JSON at line {error.lineno} column {error.colno}: {error.msg}"
    return None


def consistency_problems(result: TimelineResult) -> list[str]:
    """What the schema cannot say: unique event ids, mentions of listed documents."""
    problems: list[str] = []
    known_documents = {document.id for document in result.documents}
    seen_ids: set[str] = set()
    for section in ("events", "undated"):
        for index, event in enumerate(getattr(result, section)):
            if event.id in seen_ids:
                problems.append(f"{section}.{index}.id: duplicate event id {event.id!r}")
            seen_ids.add(event.id)
            if section == "events" and event.time is None:
                problems.append(f"{section}.{index}.time: a dated event needs a time")
            if section == "undated" and event.time is not None:
                problems.append(f"{section}.{index}.time: an undated event has a time")
            for position, mention in enumerate(event.mentions):
                if known_documents and mention.document not in known_documents:
                    problems.append(
                        f"{section}.{index}.mentions.{position}.document: "
                        f"unknown document {mention.document!r}"
                    )
    return problems


def validate_events_bytes(data: bytes) -> list[str]:
    """Problems of events JSON bytes, each as `path.to.field: message`; empty when valid."""
    syntax = json_syntax_problem(data)
    if syntax is not None:
        return [syntax]
    try:
        result = TimelineResult.model_validate_json(data.decode("utf-8-sig"))
    except ValidationError as error:
        return [f"{problem_path(problem['loc'])}: {problem['msg']}" for problem in error.errors()]
    return consistency_problems(result)


def validate_events_file(path: Path) -> list[str]:
    """Problems of an events JSON file, each as `path.to.field: message`; empty when valid."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return [f"{path}: {error.strerror or error}"]
    return validate_events_bytes(data)


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        print(f"wrote {write_schema_file()}")
    else:
        sys.stdout.write(render_schema(generated_schema()))
