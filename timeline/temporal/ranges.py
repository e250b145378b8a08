"""Ranges: dates joined into one interval ("since 2015", "from 2015 to 2018", "between ... and").

Spans stay as TimeML marks them (one expression per date, prepositions outside); what changes
is earliest/latest, which then cover the whole range on every date of it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
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
def open_from_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """("from" ending the text before a date, an open-range word starting the text after it)."""
    words = _words(load_lexicon().ranges.open_from_until_words)
    return (
        re.compile(r"\bfrom\s+$", re.IGNORECASE),
        re.compile(rf"\s+(?:{words})\b", re.IGNORECASE),
    )


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
    return _closed_range_gap(text, first, second)


def _closed_range_gap(text: str, first: TemporalExpression, second: TemporalExpression) -> bool:
    """Whether the words around two expressions make a closed range of them ("from ... to")."""
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
        if following is not None:
            current, following = _ordered_range(text, current, following, reference)
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


def _ordered_range(
    text: str, first: TemporalExpression, second: TemporalExpression, reference: dt.date | None
) -> tuple[TemporalExpression, TemporalExpression]:
    """The two dates of "from Monday to Friday" or "from November to February", when the
    second has no week or year of its own, put in order: the second is the first such day or
    month on or after the first date (a week or a year later or earlier than it was resolved);
    or, when that would carry a past end beyond the reference date ("The strike lasted from
    Monday to Friday"), the first goes a week or a year earlier instead. Dates that form no
    such range come back unchanged."""
    step = load_lexicon().ranges.end_moved_forward.get(second.rule)
    if (
        step is None
        or second.anchor == "none"
        or first.type not in _DATED
        or first.earliest is None
        or second.latest is None
        or not _DATE_PREFIX.match(second.value)
        or not _closed_range_gap(text, first, second)
    ):
        return first, second
    start = first.earliest
    if second.latest >= start:
        if step == "week" and first.rule != second.rule:
            return first, second  # "from Sept. 14 to Thursday": the week nearest the reference
        end_of_start = first.latest or start
        earlier = second  # "from May 2 to June 9", May 2 read as last year's
        for _ in range(_MOST_STEPS[step]):
            shifted = _shifted(earlier, step, -1)
            if shifted is None or shifted.latest is None or shifted.latest < end_of_start:
                break
            earlier = shifted
        return first, earlier
    later = _shifted_until(second, step, 1, lambda moved: moved.latest >= start)
    if later is None:
        return first, second
    first_past = first.latest is not None and reference is not None and first.latest <= reference
    if first_past and second.latest <= reference < later.earliest:  # type: ignore[operator]
        if first.anchor == "none" or first.rule != second.rule:
            return first, second
        earlier = _shifted_until(first, step, -1, lambda moved: moved.earliest <= second.latest)
        return (earlier, second) if earlier is not None else (first, second)
    return first, later


def _shifted_until(
    expression: TemporalExpression,
    step: str,
    direction: int,
    done: Callable[[TemporalExpression], bool],
) -> TemporalExpression | None:
    """The expression moved by whole weeks or years until `done` holds (None if it never does)."""
    moved = expression
    for _ in range(_MOST_STEPS[step]):
        shifted = _shifted(moved, step, direction)
        if shifted is None:
            return None
        moved = shifted
        if done(moved):
            return moved
    return None


#: How far a range's date may be moved: a year in weeks, a century in years.
_MOST_STEPS = {"week": 53, "year": 100}

_DATE_PREFIX = re.compile(r"(\d{4})(-\d\d(?:-\d\d)?)?")


def _shifted(
    expression: TemporalExpression, step: str, direction: int
) -> TemporalExpression | None:
    """The expression a week or a year later (direction 1) or earlier (-1), its value
    rewritten; None when it has no such value or a date would be invalid (29 February)."""
    match = _DATE_PREFIX.match(expression.value)
    if match is None or expression.earliest is None or expression.latest is None:
        return None
    try:
        if step == "week":
            if match.group(2) is None or len(match.group(2)) != 6:
                return None  # a weekday's value is a whole date
            delta = dt.timedelta(days=7 * direction)
            earliest, latest = expression.earliest + delta, expression.latest + delta
            head = earliest.isoformat()
        else:
            earliest = expression.earliest.replace(year=expression.earliest.year + direction)
            latest = expression.latest.replace(year=expression.latest.year + direction)
            head = f"{int(match.group(1)) + direction:04d}{match.group(2) or ''}"
    except ValueError:
        return None
    value = head + expression.value[match.end() :]
    return expression.model_copy(update={"value": value, "earliest": earliest, "latest": latest})


def _opens_range(text: str, expression: TemporalExpression, reference: dt.date | None) -> bool:
    """Whether "since <date>" or "from <date> on" makes the date the start of a range that
    runs to the reference."""
    if expression.type not in _DATED or reference is None or expression.earliest is None:
        return False
    if expression.latest is not None and expression.latest >= reference:
        return False
    if expression.earliest > reference:
        return False
    before = text[max(0, expression.start - 16) : expression.start]
    if open_start_pattern().search(before):
        return True
    from_before, open_after = open_from_patterns()
    return bool(from_before.search(before)) and bool(open_after.match(text, expression.end))
