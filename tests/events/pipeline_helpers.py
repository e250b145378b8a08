"""Events of a hand-made document through the real per-document step (segmenter, tagger)."""

from __future__ import annotations

from tests.events.helpers import make_document
from timeline.models import Event
from timeline.pipeline import process_document


def events_of(text: str, published: str) -> list[Event]:
    """The document's events, unmerged, in text order."""
    return process_document(make_document(text, published)).events


def by_trigger(text: str, published: str) -> dict[str, Event]:
    """The document's events by the trigger word of their mention (the last one wins)."""
    return {event.mentions[0].trigger or "": event for event in events_of(text, published)}
