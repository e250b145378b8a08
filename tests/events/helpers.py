"""Builders for hand-made documents and temporal expressions (no dependency on the tagger)."""

from __future__ import annotations

import datetime as dt

from timeline.ingest import publication_date_from_iso, unknown_publication_date
from timeline.models import DateSource, Document, Granularity, TemporalExpression, TimexType


def make_document(text: str, published: str | None, document_id: str = "doc") -> Document:
    """A document with a publication date at any precision (None: unknown)."""
    date = (
        publication_date_from_iso(published, DateSource.option)
        if published
        else unknown_publication_date("test")
    )
    return Document(id=document_id, path=f"{document_id}.txt", text=text, published=date)


def expression(
    text: str,
    phrase: str,
    value: str,
    granularity: Granularity,
    earliest: dt.date | None,
    latest: dt.date | None,
    anchor: str = "none",
    occurrence: int = 0,
) -> TemporalExpression:
    """A temporal expression for the `occurrence`-th `phrase` in `text`."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return TemporalExpression(
        start=start,
        end=start + len(phrase),
        text=phrase,
        type=TimexType.DATE,
        value=value,
        granularity=granularity,
        earliest=earliest,
        latest=latest,
        anchor=anchor,  # type: ignore[arg-type]
        rule="test",
    )
