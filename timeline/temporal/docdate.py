"""Infer a document's publication date from its text when nothing else gives it."""

from __future__ import annotations

from timeline.models import DateSource, PublicationDate


def infer_publication_date(text: str) -> PublicationDate:
    """The publication date implied by the text, or an unknown date with the reason."""
    return PublicationDate(
        value=None, source=DateSource.unknown, confidence=0.0, evidence="not inferred yet"
    )
