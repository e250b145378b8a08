"""Temporal expressions: find them by rules, normalize them against a reference date.

The engine (`tagger`) is generic; what it finds lives in data: rule rows in
``resources/en/temporal/rules.json`` (pattern, normalizer, anchors, examples) and word tables in
``lexicon.json``. `rules` loads and compiles them, `normalize` turns matches into TIMEX3 values
and typed partial dates, `calendar` does the date arithmetic, `ranges` joins "from X to Y".
"""

from __future__ import annotations

import datetime as dt

from timeline.models import TemporalExpression
from timeline.temporal.tagger import tag_text


def tag(text: str, reference_date: dt.date | None) -> list[TemporalExpression]:
    """Temporal expressions in `text`, sorted by start, resolved against `reference_date`.

    Relative expressions get X placeholders (``XXXX-01-19``) and no bounds when there is no
    reference date.
    """
    if isinstance(reference_date, dt.datetime):
        reference_date = reference_date.date()
    return tag_text(text, reference_date)
