"""Calendar arithmetic on typed partial dates: bounds, shifts, and picking the right year."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from functools import lru_cache

from timeline.models import Granularity, PartialDate

SEASON_MONTHS: dict[str, tuple[int, int]] = {
    "SP": (3, 5),
    "SU": (6, 8),
    "FA": (9, 11),
    "WI": (12, 2),
}
SEASONS = ("WI", "SP", "SU", "FA")


def last_day_of_month(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, _calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months, clamped to the end of shorter months."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = _calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def bounds(date: PartialDate) -> tuple[dt.date, dt.date] | None:
    """The first and last day a partial date covers, or None when its year is unknown."""
    g = date.grain
    try:
        if g is Granularity.century and date.century is not None:
            return dt.date(date.century * 100, 1, 1), dt.date(date.century * 100 + 99, 12, 31)
        if g is Granularity.decade and date.decade is not None:
            return dt.date(date.decade * 10, 1, 1), dt.date(date.decade * 10 + 9, 12, 31)
        if date.year is None:
            return None
        y = date.year
        if g is Granularity.year:
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if g is Granularity.half and date.half:
            first = 1 if date.half == 1 else 7
            return dt.date(y, first, 1), last_day_of_month(y, first + 5)
        if g is Granularity.quarter and date.quarter:
            first = 3 * date.quarter - 2
            return dt.date(y, first, 1), last_day_of_month(y, first + 2)
        if g is Granularity.season and date.season:
            start, end = SEASON_MONTHS[date.season]
            end_year = y + 1 if start > end else y
            return dt.date(y, start, 1), last_day_of_month(end_year, end)
        if g is Granularity.week and date.week:
            return dt.date.fromisocalendar(y, date.week, 1), dt.date.fromisocalendar(
                y, date.week, 7
            )
        if g is Granularity.month and date.month:
            return dt.date(y, date.month, 1), last_day_of_month(y, date.month)
        if g in (Granularity.day, Granularity.time) and date.month and date.day:
            day = dt.date(y, date.month, date.day)
            return day, day
    except ValueError:
        return None
    return None


def narrow(earliest: dt.date, latest: dt.date, mod: str | None) -> tuple[dt.date, dt.date]:
    """Bounds narrowed by a START/MID/END modifier to the first, middle or last third."""
    span = (latest - earliest).days + 1
    if span < 3 or mod not in ("START", "MID", "END"):
        return earliest, latest
    third = span // 3
    if mod == "START":
        return earliest, earliest + dt.timedelta(days=third - 1)
    if mod == "END":
        return latest - dt.timedelta(days=third - 1), latest
    return earliest + dt.timedelta(days=third), latest - dt.timedelta(days=third)


@lru_cache(maxsize=4096)
def day_date(day: dt.date) -> PartialDate:
    """A whole day as a partial date (cached, like `month_date` and `year_date`: partial
    dates are immutable, and the same few days, months and years come up again and again)."""
    return PartialDate(year=day.year, month=day.month, day=day.day, grain=Granularity.day)


@lru_cache(maxsize=4096)
def month_date(year: int | None, month: int) -> PartialDate:
    """A month (of a known or unknown year)."""
    return PartialDate(year=year, month=month, grain=Granularity.month)


@lru_cache(maxsize=4096)
def year_date(year: int | None) -> PartialDate:
    """A year."""
    return PartialDate(year=year, grain=Granularity.year)


def week_date(day: dt.date) -> PartialDate:
    """The ISO week holding `day`."""
    iso = day.isocalendar()
    return PartialDate(year=iso[0], week=iso[1], grain=Granularity.week)


def quarter_of(day: dt.date) -> int:
    """The calendar quarter (1..4) of a day."""
    return (day.month - 1) // 3 + 1


def season_of(day: dt.date) -> tuple[int, str]:
    """The (year, season) holding `day`; winter belongs to the year of its December."""
    season = SEASONS[(day.month % 12) // 3]
    year = day.year - 1 if day.month < 3 else day.year
    return year, season


def shift_season(year: int, season: str, steps: int) -> tuple[int, str]:
    """The season `steps` seasons after (year, season)."""
    index = year * 4 + ("SP", "SU", "FA", "WI").index(season) + steps
    return index // 4, ("SP", "SU", "FA", "WI")[index % 4]


def unit_containing(day: dt.date, unit: str, steps: int = 0) -> PartialDate:
    """The calendar unit (day, week, month, quarter, half, year, decade, century) holding `day`,
    moved by `steps` units."""
    if unit == "day":
        return day_date(day + dt.timedelta(days=steps))
    if unit in ("week", "weekend"):
        return week_date(day + dt.timedelta(weeks=steps))
    if unit == "month":
        moved = add_months(day, steps)
        return month_date(moved.year, moved.month)
    if unit == "quarter":
        index = day.year * 4 + quarter_of(day) - 1 + steps
        return PartialDate(year=index // 4, quarter=index % 4 + 1, grain=Granularity.quarter)
    if unit == "half":
        index = day.year * 2 + (day.month > 6) + steps
        return PartialDate(year=index // 2, half=index % 2 + 1, grain=Granularity.half)
    if unit == "season":
        year, season = shift_season(*season_of(day), steps)
        return PartialDate(year=year, season=season, grain=Granularity.season)
    if unit == "decade":
        return PartialDate(decade=day.year // 10 + steps, grain=Granularity.decade)
    if unit == "century":
        return PartialDate(century=day.year // 100 + steps, grain=Granularity.century)
    return year_date(day.year + steps)


def nearest_year_for_month_day(month: int, day: int, reference: dt.date, slack_days: int) -> int:
    """The year of a month-day written without one: the reference year, unless that puts the day
    more than `slack_days` after the reference (news reports the past), or so far before it that
    next year is nearer (e.g. "Jan. 3" written on Dec. 28)."""
    year = reference.year
    try:
        candidate = dt.date(year, month, day)
    except ValueError:
        candidate = dt.date(year, month, 28)
    if (candidate - reference).days > slack_days:
        return year - 1
    if (reference - candidate).days > 365 - slack_days:
        return year + 1
    return year


def nearest_year_for_month(month: int, reference: dt.date, direction: int) -> int:
    """The year of a month written without one: the most recent such month at or before the
    reference (`direction` <= 0) or the next one at or after it (`direction` > 0)."""
    if direction > 0:
        return reference.year if month >= reference.month else reference.year + 1
    return reference.year if month <= reference.month else reference.year - 1


def weekday_near(reference: dt.date, weekday: int, direction: int) -> dt.date:
    """The ISO weekday (1=Monday) nearest the reference: on or before it when `direction` < 0,
    on or after it when > 0."""
    delta = weekday - reference.isoweekday()
    if direction < 0:
        return reference + dt.timedelta(days=delta if delta <= 0 else delta - 7)
    return reference + dt.timedelta(days=delta if delta >= 0 else delta + 7)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The `nth` ISO weekday (1=Monday) of a month; nth=-1 is the last one."""
    if nth < 0:
        last = last_day_of_month(year, month)
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
