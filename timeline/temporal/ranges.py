"""Ranges: dates joined into one interval ("since 2015", "from 2015 to 2018", "between ... and").

Spans stay as TimeML marks them (one expression per date, prepositions outside); what changes
is earliest/latest, which then cover the whole range on every date of it.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from timeline.models import TemporalExpression, TimexType
from timeline.temporal.rules import load_lexicon

_DATED = (TimexType.DATE, TimexType.TIME)


def _words(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def open_start_pattern() -> re.Pattern[str]:
    """Matches text that ends with an open-range word ("... since ")."""
    return re.compile(rf"\b(?:{_words(load_lexicon().ranges.open_start)})\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def closed_patterns() -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    """(text before the first date, text between the dates) pattern pairs of closed ranges."""
    pairs = []
    for before, between in load_lexicon().ranges.closed:
        before_pattern = rf"\b{re.escape(before)}\s+$" if before else r""
        between_pattern = (
            rf"\s*{re.escape(between)}\s*" if between == "-" else (rf"\s+{re.escape(between)}\s+")
        )
        pairs.append(
            (re.compile(before_pattern, re.IGNORECASE), re.compile(between_pattern, re.IGNORECASE))
        )
    return tuple(pairs)


def _closed_range_with_next(
    text: str, first: TemporalExpression, second: TemporalExpression
) -> bool:
    """Whether two dated expressions form "from X to Y" / "between X and Y" / "X-Y"."""
    if first.type not in _DATED or second.type not in _DATED:
        return False
    if first.earliest is None or second.latest is None or first.earliest > second.latest:
        return False
    gap = text[first.end : second.start]
    before = text[max(0, first.start - 12) : first.start]
    for before_pattern, between_pattern in closed_patterns():
        if between_pattern.fullmatch(gap) and (
            not before_pattern.pattern or before_pattern.search(before)
        ):
            return True
    return False


def link_ranges(
    text: str, expressions: list[TemporalExpression], reference: dt.date | None
) -> list[TemporalExpression]:
    """Expressions with earliest/latest widened to the ranges they are part of."""
    result = list(expressions)
    index = 0
    while index < len(result):
        current = result[index]
        following = result[index + 1] if index + 1 < len(result) else None
        if following is not None and _closed_range_with_next(text, current, following):
            update = {"earliest": current.earliest, "latest": following.latest}
            result[index] = current.model_copy(update=update)
            result[index + 1] = following.model_copy(update=update)
            index += 2
            continue
        if _opens_range(text, current, reference):
            assert reference is not None
            result[index] = current.model_copy(update={"latest": reference})
        index += 1
    return result


def _opens_range(text: str, expression: TemporalExpression, reference: dt.date | None) -> bool:
    """Whether "since <date>" makes the date the start of a range that runs to the reference."""
    if expression.type not in _DATED or reference is None or expression.earliest is None:
        return False
    if expression.latest is not None and expression.latest >= reference:
        return False
    if expression.earliest > reference:
        return False
    before = text[max(0, expression.start - 16) : expression.start]
    return bool(open_start_pattern().search(before))
