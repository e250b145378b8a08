"""Events: clauses that report something happening, with who, what, whom and when."""

from __future__ import annotations

from timeline.models import Document, Event, Sentence, TemporalExpression


def extract_events(
    document: Document, sentences: list[Sentence], expressions: list[TemporalExpression]
) -> list[Event]:
    """The events a document reports, one mention each, not yet merged."""
    return []
