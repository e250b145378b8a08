"""JSON Lines: one `Event` per line (dated events in timeline order, then undated)."""

from __future__ import annotations

import json

from timeline.models import Event, TimelineResult


def event_line(event: Event) -> str:
    """One event as a single JSON line (same fields as in events.json)."""
    return json.dumps(event.model_dump(mode="json"), ensure_ascii=False) + "\n"


def to_jsonl(result: TimelineResult) -> str:
    """Every event of `result`, one JSON object per line."""
    return "".join(event_line(event) for event in [*result.events, *result.undated])


def events_from_jsonl(text: str) -> list[Event]:
    """Load events back from JSON Lines text (blank lines ignored)."""
    return [Event.model_validate_json(line) for line in text.splitlines() if line.strip()]
