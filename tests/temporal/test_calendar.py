"""Calendar arithmetic on partial dates."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.models import Granularity, PartialDate
from timeline.temporal import calendar as cal

D = dt.date


@pytest.mark.parametrize(
    ("date", "earliest", "latest"),
    [
        (PartialDate(year=2021, grain=Granularity.year), D(2021, 1, 1), D(2021, 12, 31)),
        (PartialDate(year=2020, month=2, grain=Granularity.month), D(2020, 2, 1), D(2020, 2, 29)),
        (
            PartialDate(year=2020, quarter=3, grain=Granularity.quarter),
            D(2020, 7, 1),
            D(2020, 9, 30),
        ),
        (PartialDate(year=2020, half=2, grain=Granularity.half), D(2020, 7, 1), D(2020, 12, 31)),
        (
            PartialDate(year=2019, season="WI", grain=Granularity.season),
            D(2019, 12, 1),
            D(2020, 2, 29),
        ),
        (PartialDate(year=2021, week=3, grain=Granularity.week), D(2021, 1, 18), D(2021, 1, 24)),
        (PartialDate(decade=199, grain=Granularity.decade), D(1990, 1, 1), D(1999, 12, 31)),
        (PartialDate(century=19, grain=Granularity.century), D(1900, 1, 1), D(1999, 12, 31)),
    ],
    ids=str,
)
def test_bounds_cover_the_whole_unit(date: PartialDate, earliest: dt.date, latest: dt.date) -> None:
    assert cal.bounds(date) == (earliest, latest)


def test_bounds_of_a_date_without_year_are_unknown() -> None:
    assert cal.bounds(PartialDate(month=1, day=19, grain=Granularity.day)) is None


def test_bounds_of_an_impossible_day_are_unknown() -> None:
    assert cal.bounds(PartialDate(year=2021, month=2, day=30, grain=Granularity.day)) is None


@pytest.mark.parametrize(
    ("mod", "expected"),
    [
        ("START", (D(2019, 1, 1), D(2019, 5, 1))),
        ("MID", (D(2019, 5, 2), D(2019, 9, 1))),
        ("END", (D(2019, 9, 2), D(2019, 12, 31))),
        ("APPROX", (D(2019, 1, 1), D(2019, 12, 31))),
        (None, (D(2019, 1, 1), D(2019, 12, 31))),
    ],
)
def test_narrow_keeps_the_third_a_modifier_names(
    mod: str | None, expected: tuple[dt.date, dt.date]
) -> None:
    assert cal.narrow(D(2019, 1, 1), D(2019, 12, 31), mod) == expected


@pytest.mark.parametrize(
    ("month", "day", "reference", "year"),
    [
        (1, 19, D(2021, 1, 20), 2021),
        (1, 25, D(2021, 1, 20), 2021),  # a few days ahead: still this year
        (3, 3, D(2021, 1, 20), 2020),  # weeks ahead: news reports the past
        (12, 28, D(2021, 1, 20), 2020),
        (1, 3, D(2020, 12, 28), 2021),  # written just before New Year
    ],
)
def test_nearest_year_for_month_day(month: int, day: int, reference: dt.date, year: int) -> None:
    assert cal.nearest_year_for_month_day(month, day, reference, 31) == year


@pytest.mark.parametrize(
    ("weekday", "direction", "expected"),
    [
        (1, -1, D(2021, 1, 18)),
        (1, 1, D(2021, 1, 25)),
        (3, -1, D(2021, 1, 20)),
        (3, 1, D(2021, 1, 20)),
    ],
)
def test_weekday_near_a_wednesday(weekday: int, direction: int, expected: dt.date) -> None:
    assert cal.weekday_near(D(2021, 1, 20), weekday, direction) == expected


@pytest.mark.parametrize(
    ("unit", "steps", "value"),
    [
        ("day", -1, "2021-01-19"),
        ("week", -1, "2021-W02"),
        ("month", -1, "2020-12"),
        ("quarter", -1, "2020-Q4"),
        ("half", 1, "2021-H2"),
        ("season", 0, "2020-WI"),
        ("year", 1, "2022"),
        ("decade", 0, "202X"),
    ],
)
def test_unit_containing_a_day(unit: str, steps: int, value: str) -> None:
    assert str(cal.unit_containing(D(2021, 1, 20), unit, steps)) == value


@pytest.mark.parametrize(
    ("month", "weekday", "nth", "expected"),
    [(11, 4, 4, D(2020, 11, 26)), (9, 1, 1, D(2020, 9, 7)), (5, 1, -1, D(2020, 5, 25))],
)
def test_nth_weekday_of_a_month(month: int, weekday: int, nth: int, expected: dt.date) -> None:
    assert cal.nth_weekday(2020, month, weekday, nth) == expected


def test_add_months_clamps_to_the_end_of_short_months() -> None:
    assert cal.add_months(D(2021, 1, 31), 1) == D(2021, 2, 28)
    assert cal.add_months(D(2021, 1, 15), -13) == D(2019, 12, 15)
