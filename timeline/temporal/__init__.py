"""Temporal expressions: find them by rules, normalize them against a reference date."""

from __future__ import annotations

import datetime as dt

from timeline.models import TemporalExpression
from timeline.temporal.tagger import tag_text


def tag(text: str, reference_date: dt.date | None) -> list[TemporalExpression]:
    """Temporal expressions in `text`, sorted by start, resolved against `reference_date`.

    Relative expressions get X placeholders (``XXXX-01-19``) and no bounds when there is no
    reference date.
    """
    return tag_text(text, reference_date)
