"""EDTF (Library of Congress Extended Date/Time Format, ISO 8601-2) strings for event times.

A TIMEX3 value such as ``2019-SP`` or ``2021-Q3`` is not understood by most software; its EDTF
form (``2019-21``, ``2021-35``) is, and so are EDTF's approximate (``~``), uncertain (``?``) and
unspecified-digit (``199X``) markers. This module only imports the standard library, so the
models can call it while validating.

Mapping (TIMEX3 value -> EDTF):

- ``2021-02-19``, ``2021-02``, ``2021`` -> unchanged (level 0);
- ``2021-02-19T14:30`` -> ``2021-02-19T14:30:00``; ``2021-02-19TMO`` (a part of day) -> the day;
- ``2021-W03`` -> ``2021-01-18/2021-01-24`` (EDTF has no weeks: the ISO week as an interval),
  ``2021-W03-WE`` -> the Saturday..Sunday interval;
- seasons ``SP SU FA WI`` -> ``21 22 23 24`` (level 1), quarters ``Q1..Q4`` -> ``33..36`` and
  halves ``H1 H2`` -> ``40 41`` (level 2 sub-year groupings);
- decade ``199X`` and century ``19`` -> ``199X`` and ``19XX`` (unspecified digits);
- mod ``APPROX`` -> ``~``; an uncertain date (guessed, e.g. from the document date) -> ``?``,
  both -> ``%``; ``BEFORE``/``ON_OR_BEFORE`` -> ``[..V]`` and ``AFTER``/``ON_OR_AFTER`` ->
  ``[V..]`` (level 2 "one of a set": some single date on or before/after V). Qualifiers and
  sets only apply to plain dates, so a span (week, season, quarter) is qualified at both ends
  (``2019-03~/2019-05~``) and bounded by its last or first month (``[..2019-05]``);
- ``START``/``MID``/``END`` (early/mid/late X) -> the ``earliest/latest`` interval when the
  bounds are given, else the whole unit (true, if less precise);
- a plain year, month or day whose bounds reach beyond it (a range: "from 2015 to 2018", "since
  2015", "the 2012-13 season") -> the interval of the bounds at the coarsest exact precision
  (``2015/2018``, ``2019-03/2019-05``, ``2015-01-01/2019-06-01``);
- anything else (``PRESENT_REF``, durations) -> the ``earliest/latest`` bounds when given, else
  ``None``.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum

SEASON_CODES: dict[str, int] = {"SP": 21, "SU": 22, "FA": 23, "WI": 24}
QUARTER_CODES: dict[str, int] = {"1": 33, "2": 34, "3": 35, "4": 36}
HALF_CODES: dict[str, int] = {"1": 40, "2": 41}

APPROXIMATE_MODS = frozenset({"APPROX"})
BEFORE_MODS = frozenset({"BEFORE", "ON_OR_BEFORE", "LESS_THAN", "EQUAL_OR_LESS"})
AFTER_MODS = frozenset({"AFTER", "ON_OR_AFTER", "MORE_THAN", "EQUAL_OR_MORE"})
PART_MODS = frozenset({"START", "MID", "END"})

YEAR = r"(?P<year>\d{4}|XXXX)"
DAY_PATTERN = re.compile(
    YEAR + r"-(?P<month>\d{2}|XX)-(?P<day>\d{2}|XX)"
    r"(?:T(?:(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?|[A-Z]{2}))?\Z"
)
MONTH_PATTERN = re.compile(YEAR + r"-(?P<month>\d{2}|XX)\Z")
YEAR_PATTERN = re.compile(r"(?P<year>\d{4}|\d{3}X|\d{2}XX)\Z")
CENTURY_PATTERN = re.compile(r"(?P<century>\d{2})\Z")
WEEK_PATTERN = re.compile(r"(?P<year>\d{4})-W(?P<week>\d{2})(?P<weekend>-WE)?\Z")
SEASON_PATTERN = re.compile(YEAR + r"-(?P<season>SP|SU|FA|WI)\Z")
QUARTER_PATTERN = re.compile(YEAR + r"-Q(?P<quarter>[1-4])\Z")
HALF_PATTERN = re.compile(YEAR + r"-H(?P<half>[12])\Z")


def _name(value: str | Enum | None) -> str | None:
    """The plain string of an enum member or string (granularities may come as either)."""
    if isinstance(value, Enum):
        return str(value.value)
    return value


def interval(earliest: dt.date, latest: dt.date) -> str:
    """An EDTF day interval, or a single day when both ends are the same day."""
    if earliest == latest:
        return earliest.isoformat()
    return f"{earliest.isoformat()}/{latest.isoformat()}"


def compact_interval(earliest: dt.date, latest: dt.date) -> str:
    """An EDTF interval at the coarsest precision that states it exactly: whole years
    (``2015/2018``), whole months (``2019-03/2019-05``), else days."""
    after_latest = latest + dt.timedelta(days=1)
    if (earliest.month, earliest.day, after_latest.month, after_latest.day) == (1, 1, 1, 1):
        first, last = f"{earliest.year:04d}", f"{latest.year:04d}"
    elif earliest.day == 1 and after_latest.day == 1:
        first, last = earliest.isoformat()[:7], latest.isoformat()[:7]
    else:
        first, last = earliest.isoformat(), latest.isoformat()
    return first if first == last else f"{first}/{last}"


#: Plain calendar dates (a year, a month, a day; not the groupings ``2019-21``), which bounds
#: wider than themselves widen.
PLAIN_DATE_PATTERN = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?)?\Z")


def widened(base: str, earliest: dt.date, latest: dt.date) -> str:
    """A plain date's EDTF widened to bounds that hold it and reach beyond it, as a range's
    dates do ("from 2015 to 2018": ``2015/2018``; "since 2015": ``2015-01-01/2019-06-01``); any
    other base unchanged."""
    if not PLAIN_DATE_PATTERN.match(base):
        return base
    parts = [int(part) for part in base.split("-")]
    first_day = dt.date(parts[0], *[*parts[1:], 1, 1][:2])
    if len(parts) == 1:
        last_day = dt.date(parts[0], 12, 31)
    elif len(parts) == 2:
        following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        last_day = following - dt.timedelta(days=1)
    else:
        last_day = first_day
    if earliest > first_day or latest < last_day or (earliest, latest) == (first_day, last_day):
        return base
    return compact_interval(earliest, latest)


def base_edtf(value: str, granularity: str | None) -> str | None:
    """The EDTF form of a TIMEX3 date value, without qualifiers; None if it has none."""
    value = value.strip()
    if match := DAY_PATTERN.match(value):
        date = f"{match['year']}-{match['month']}-{match['day']}"
        if match["hour"] and "X" not in date:
            return f"{date}T{match['hour']}:{match['minute']}:{match['second'] or '00'}"
        return date
    if MONTH_PATTERN.match(value):
        return value
    if CENTURY_PATTERN.match(value) and granularity in (None, "century"):
        return f"{value}XX"
    if YEAR_PATTERN.match(value):
        return value
    if match := WEEK_PATTERN.match(value):
        try:
            monday = dt.date.fromisocalendar(int(match["year"]), int(match["week"]), 1)
        except ValueError:
            return None
        if match["weekend"]:
            return interval(monday + dt.timedelta(days=5), monday + dt.timedelta(days=6))
        return interval(monday, monday + dt.timedelta(days=6))
    if match := SEASON_PATTERN.match(value):
        return f"{match['year']}-{SEASON_CODES[match['season']]}"
    if match := QUARTER_PATTERN.match(value):
        return f"{match['year']}-{QUARTER_CODES[match['quarter']]}"
    if match := HALF_PATTERN.match(value):
        return f"{match['year']}-{HALF_CODES[match['half']]}"
    return None


#: First and last month of each sub-year grouping code (winter runs into the next year).
GROUPING_MONTHS: dict[int, tuple[int, int]] = {
    21: (3, 5),
    22: (6, 8),
    23: (9, 11),
    24: (12, 2),
    33: (1, 3),
    34: (4, 6),
    35: (7, 9),
    36: (10, 12),
    40: (1, 6),
    41: (7, 12),
}
GROUPING_PATTERN = re.compile(r"(?P<year>\d{4})-(?P<code>\d{2})\Z")
DECADE_PATTERN = re.compile(r"(?P<decade>\d{3})X\Z")
CENTURY_EDTF_PATTERN = re.compile(r"(?P<century>\d{2})XX\Z")
UNSPECIFIED_IN_YEAR_PATTERN = re.compile(r"(?P<year>\d{4})-XX(?:-XX)?\Z")


def endpoints(base: str) -> tuple[str, str] | None:
    """First and last EDTF date of a span (interval, grouping, decade, date-time), else None.

    EDTF qualifiers and sets apply to plain dates only, so spans are qualified or bounded
    through their ends: ``2021-35~`` is written ``2021-07~/2021-09~``.
    """
    if "/" in base:
        first, last = base.split("/", 1)
        return first, last
    if "T" in base:
        day = base.split("T", 1)[0]
        return day, day
    if (match := GROUPING_PATTERN.match(base)) and int(match["code"]) in GROUPING_MONTHS:
        year = int(match["year"])
        first, last = GROUPING_MONTHS[int(match["code"])]
        last_year = year + 1 if last < first else year
        return f"{year:04d}-{first:02d}", f"{last_year:04d}-{last:02d}"
    if match := DECADE_PATTERN.match(base):
        return f"{match['decade']}0", f"{match['decade']}9"
    if match := CENTURY_EDTF_PATTERN.match(base):
        return f"{match['century']}00", f"{match['century']}99"
    if match := UNSPECIFIED_IN_YEAR_PATTERN.match(base):
        return match["year"], match["year"]
    return None


def qualifier(approximate: bool, uncertain: bool) -> str:
    """EDTF's qualifier: ``~`` approximate, ``?`` uncertain, ``%`` both, else nothing."""
    if approximate and uncertain:
        return "%"
    if approximate:
        return "~"
    return "?" if uncertain else ""


def qualify(base: str, approximate: bool, uncertain: bool) -> str:
    """Qualify a date; a span is qualified at both ends; a date-time only by its day."""
    mark = qualifier(approximate, uncertain)
    if not mark or base.startswith("X"):
        return base
    if "T" in base and not uncertain:
        return base  # "about 2:30 pm" leaves the day itself certain
    plain = DECADE_PATTERN.match(base) or CENTURY_EDTF_PATTERN.match(base)
    ends = None if plain else endpoints(base)
    if ends is None:
        return f"{base}{mark}"
    first, last = ends
    return f"{first}{mark}" if first == last else f"{first}{mark}/{last}{mark}"


def on_or_before(base: str) -> str:
    """EDTF "one of a set": a single date on or before `base` (its last day for a span)."""
    ends = endpoints(base)
    last = ends[1] if ends else base
    return base if "X" in last else f"[..{last}]"


def on_or_after(base: str) -> str:
    """EDTF "one of a set": a single date on or after `base` (its first day for a span)."""
    ends = endpoints(base)
    first = ends[0] if ends else base
    return base if "X" in first else f"[{first}..]"


def edtf_for(
    value: str | None,
    granularity: str | Enum | None = None,
    mod: str | None = None,
    *,
    earliest: dt.date | None = None,
    latest: dt.date | None = None,
    uncertain: bool = False,
) -> str | None:
    """The EDTF string for a TIMEX3 value at its granularity with its TIMEX3 mod, or None.

    `earliest`/`latest` (the value's bounds) let parts of units (``START``/``MID``/``END``) and
    values with no calendar form be written as intervals; `uncertain` adds ``?``.
    """
    grain = _name(granularity)
    mod_name = (_name(mod) or "").upper() or None
    bounds = interval(earliest, latest) if earliest and latest and earliest <= latest else None
    base = base_edtf(value, grain) if value else None
    if mod_name in PART_MODS and bounds is not None:
        base = bounds
    if base is None:
        base = bounds
    if base is None:
        return None
    if (mod_name is None or mod_name in APPROXIMATE_MODS) and earliest and latest:
        base = widened(base, earliest, latest)
    if mod_name in BEFORE_MODS:
        return on_or_before(base)
    if mod_name in AFTER_MODS:
        return on_or_after(base)
    return qualify(base, approximate=mod_name in APPROXIMATE_MODS, uncertain=uncertain)
