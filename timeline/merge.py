"""Merge: the same event reported in several sentences or documents becomes one event."""

from __future__ import annotations

from timeline.models import Event


def merge_events(events: list[Event]) -> list[Event]:
    """Events with duplicates folded together, every mention kept."""
    return list(events)
