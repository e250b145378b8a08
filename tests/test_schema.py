"""The committed JSON Schema matches the models; `timeline validate` reports problems by path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.models import SCHEMA_VERSION, TimelineResult
from timeline.schema import (
    committed_schema_path,
    generated_schema,
    schema_text,
    validate_events_bytes,
    validate_events_file,
)

VALID_EVENT = {
    "id": "e1",
    "title": "Vote held",
    "summary": "MPs voted.",
    "time": {
        "value": "2021-02",
        "earliest": "2021-02-01",
        "latest": "2021-02-28",
        "granularity": "month",
        "basis": "explicit",
    },
    "status": "occurred",
    "type": "vote",
    "mentions": [{"document": "d1", "start": 0, "end": 11, "text": "MPs voted."}],
    "confidence": 0.9,
}
VALID_DOCUMENT = {
    "id": "d1",
    "path": "d1.txt",
    "published": {"value": "2021-02", "source": "dates_file"},
}


def events_bytes(**changes: object) -> bytes:
    data = {"schema_version": "1", "documents": [VALID_DOCUMENT], "events": [VALID_EVENT]}
    data.update(changes)
    return json.dumps(data).encode("utf-8")


def test_committed_schema_has_not_drifted_from_the_models() -> None:
    committed = json.loads(committed_schema_path().read_text(encoding="utf-8"))
    generated = TimelineResult.model_json_schema()
    assert {k: v for k, v in committed.items() if k not in ("$schema", "$comment")} == generated
    assert committed == generated_schema()


def test_schema_text_is_the_committed_file() -> None:
    assert schema_text() == committed_schema_path().read_text(encoding="utf-8")


def test_schema_declares_version_and_edtf() -> None:
    schema = json.loads(schema_text())
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    assert "edtf" in schema["$defs"]["EventTime"]["properties"]
    assert schema["additionalProperties"] is False


def test_valid_file_has_no_problems() -> None:
    assert validate_events_bytes(events_bytes()) == []


def test_invalid_json_syntax_reports_line_and_column() -> None:
    problems = validate_events_bytes(b'{\n  "events": [1,]\n}')
    assert problems == ["(root): invalid JSON at line 2 column 16: Expecting value"]


def test_problems_name_the_field_path() -> None:
    bad_time = {**VALID_EVENT, "time": {**VALID_EVENT["time"], "earliest": "2021-13-01"}}
    problems = validate_events_bytes(events_bytes(events=[bad_time], schema_version="9"))
    assert problems[0] == "schema_version: Input should be '1'"
    assert problems[1].startswith("events.0.time.earliest: Input should be a valid date")
    assert len(problems) == 2


def test_unknown_fields_are_problems() -> None:
    problems = validate_events_bytes(events_bytes(extra_field=1))
    assert problems == ["extra_field: Extra inputs are not permitted"]


def test_consistency_problems_are_reported() -> None:
    stray = {**VALID_EVENT, "mentions": [{**VALID_EVENT["mentions"][0], "document": "d9"}]}
    problems = validate_events_bytes(events_bytes(events=[VALID_EVENT, stray]))
    assert problems == [
        "events.1.id: duplicate event id 'e1'",
        "events.1.mentions.0.document: unknown document 'd9'",
    ]


def test_validate_command_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.json"
    good.write_bytes(events_bytes())
    assert main(["validate", str(good)]) == 0
    bad = tmp_path / "bad.json"
    bad.write_bytes(events_bytes(events=[{**VALID_EVENT, "status": "maybe"}]))
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "events.0.status: Input should be 'occurred', 'planned' or 'ongoing'" in out
    assert validate_events_file(tmp_path / "missing.json")[0].endswith("No such file or directory")


def test_schema_command_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == generated_schema()
