"""EDTF strings for event times: a table of TIMEX3 values and what they become."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.edtf import edtf_for
from timeline.models import EventTime, Granularity, PartialDate, TimeBasis

D = dt.date

#: (TIMEX3 value, granularity, mod, earliest, latest, uncertain, expected EDTF)
EDTF_TABLE: list[tuple[str, str, str | None, dt.date | None, dt.date | None, bool, str | None]] = [
    ("2021-02-19", "day", None, None, None, False, "2021-02-19"),
    ("2021-06-21", "day", None, None, None, False, "2021-06-21"),
    ("2021-02", "month", None, None, None, False, "2021-02"),
    ("2021", "year", None, None, None, False, "2021"),
    ("2019-SP", "season", None, None, None, False, "2019-21"),
    ("2019-SU", "season", None, None, None, False, "2019-22"),
    ("2019-FA", "season", None, None, None, False, "2019-23"),
    ("2019-WI", "season", None, None, None, False, "2019-24"),
    ("2021-Q1", "quarter", None, None, None, False, "2021-33"),
    ("2021-Q3", "quarter", None, None, None, False, "2021-35"),
    ("2020-H1", "half", None, None, None, False, "2020-40"),
    ("2020-H2", "half", None, None, None, False, "2020-41"),
    ("199X", "decade", None, None, None, False, "199X"),
    ("19", "century", None, None, None, False, "19XX"),
    ("2021-W03", "week", None, None, None, False, "2021-01-18/2021-01-24"),
    ("2021-W03-WE", "week", None, None, None, False, "2021-01-23/2021-01-24"),
    ("2021-02-19T14:30", "time", None, None, None, False, "2021-02-19T14:30:00"),
    ("2021-02-19TMO", "time", None, None, None, False, "2021-02-19"),
    ("2021-XX-XX", "day", None, None, None, False, "2021-XX-XX"),
    ("2021-02", "month", "APPROX", None, None, False, "2021-02~"),
    ("2021-02", "month", None, None, None, True, "2021-02?"),
    ("2021-02", "month", "APPROX", None, None, True, "2021-02%"),
    ("2021-03", "month", "BEFORE", None, None, False, "[..2021-03]"),
    ("2021-03", "month", "AFTER", None, None, False, "[2021-03..]"),
    ("2021", "year", "START", D(2021, 1, 1), D(2021, 4, 30), False, "2021-01-01/2021-04-30"),
    ("2021", "year", "END", None, None, False, "2021"),
    ("2019-SP", "season", "APPROX", None, None, False, "2019-03~/2019-05~"),
    ("2019-WI", "season", "BEFORE", None, None, False, "[..2020-02]"),
    ("2021-Q3", "quarter", "AFTER", None, None, False, "[2021-07..]"),
    ("199X", "decade", "BEFORE", None, None, False, "[..1999]"),
    ("199X", "decade", "APPROX", None, None, True, "199X%"),
    ("2021-W03", "week", "APPROX", None, None, False, "2021-01-18~/2021-01-24~"),
    ("2021-02-19T14:30", "time", "APPROX", None, None, False, "2021-02-19T14:30:00"),
    ("2021-02-19T14:30", "time", None, None, None, True, "2021-02-19?"),
    ("2021-02-19T14:30", "time", "BEFORE", None, None, False, "[..2021-02-19]"),
    ("XXXX-12-XX", "day", "APPROX", None, None, False, "XXXX-12-XX"),
    ("PRESENT_REF", "day", None, D(2021, 3, 22), D(2021, 3, 22), False, "2021-03-22"),
    ("PAST_REF", "year", None, None, None, False, None),
    ("P3D", "day", None, None, None, False, None),
    ("2015", "year", None, D(2015, 1, 1), D(2018, 12, 31), False, "2015/2018"),
    ("2019-03", "month", None, D(2019, 3, 1), D(2019, 5, 31), False, "2019-03/2019-05"),
    ("2015", "year", None, D(2015, 1, 1), D(2019, 6, 1), False, "2015-01-01/2019-06-01"),
    ("2021-02-19", "day", None, D(2021, 2, 19), D(2021, 2, 21), False, "2021-02-19/2021-02-21"),
    ("2012", "year", None, D(2012, 1, 1), D(2013, 12, 31), True, "2012?/2013?"),
    ("2015", "year", "APPROX", D(2015, 1, 1), D(2018, 12, 31), False, "2015~/2018~"),
    ("2015", "year", "BEFORE", D(2015, 1, 1), D(2018, 12, 31), False, "[..2015]"),
    ("2021", "year", None, D(2021, 1, 1), D(2021, 12, 31), False, "2021"),
]


@pytest.mark.parametrize(
    ("value", "granularity", "mod", "earliest", "latest", "uncertain", "expected"),
    EDTF_TABLE,
    ids=[f"{row[0]}-{row[2] or 'plain'}{'-uncertain' if row[5] else ''}" for row in EDTF_TABLE],
)
def test_edtf_for_maps_timex_values(
    value: str,
    granularity: str,
    mod: str | None,
    earliest: dt.date | None,
    latest: dt.date | None,
    uncertain: bool,
    expected: str | None,
) -> None:
    got = edtf_for(value, granularity, mod, earliest=earliest, latest=latest, uncertain=uncertain)
    assert got == expected


@pytest.mark.parametrize(
    "expected", sorted({row[6] for row in EDTF_TABLE if row[6] is not None}), ids=str
)
def test_every_edtf_string_parses_with_an_edtf_library(expected: str) -> None:
    edtf = pytest.importorskip("edtf")
    assert str(edtf.parse_edtf(expected)) == expected


def test_edtf_for_accepts_granularity_enum() -> None:
    assert edtf_for("19", Granularity.century, None) == "19XX"


def test_event_time_fills_edtf_when_not_given() -> None:
    time = EventTime(
        value="2019-SP",
        earliest=D(2019, 3, 1),
        latest=D(2019, 5, 31),
        granularity=Granularity.season,
        basis=TimeBasis.explicit,
    )
    assert time.edtf == "2019-21"


def test_event_time_from_document_date_is_uncertain() -> None:
    time = EventTime(
        value="2021-06-18",
        earliest=D(2021, 6, 18),
        latest=D(2021, 6, 18),
        granularity=Granularity.day,
        basis=TimeBasis.document_date,
    )
    assert time.edtf == "2021-06-18?"


def test_event_time_keeps_a_given_edtf_and_round_trips() -> None:
    time = EventTime(
        value="2021-02",
        earliest=D(2021, 2, 1),
        latest=D(2021, 2, 28),
        granularity=Granularity.month,
        basis=TimeBasis.explicit,
        edtf="2021-02~",
    )
    again = EventTime.model_validate_json(time.model_dump_json())
    assert again.edtf == "2021-02~"
    assert again == time


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """Partial dates of every grain, as the temporal normalizer produces them."""
    grain = draw(st.sampled_from([g for g in Granularity if g is not Granularity.time]))
    year = draw(st.integers(1000, 2100))
    fields: dict[str, object] = {"grain": grain, "year": year}
    if grain is Granularity.day:
        day = draw(st.dates(dt.date(1000, 1, 1), dt.date(2100, 12, 31)))
        fields.update(year=day.year, month=day.month, day=day.day)
    elif grain is Granularity.month:
        fields["month"] = draw(st.integers(1, 12))
    elif grain is Granularity.week:
        fields["week"] = draw(st.integers(1, 52))
    elif grain is Granularity.season:
        fields["season"] = draw(st.sampled_from(["SP", "SU", "FA", "WI"]))
    elif grain is Granularity.quarter:
        fields["quarter"] = draw(st.integers(1, 4))
    elif grain is Granularity.half:
        fields["half"] = draw(st.integers(1, 2))
    elif grain is Granularity.decade:
        fields = {"grain": grain, "decade": year // 10}
    elif grain is Granularity.century:
        fields = {"grain": grain, "century": year // 100}
    return PartialDate.model_validate(fields)


@given(
    partial=partial_dates(),
    mod=st.sampled_from([None, "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE"]),
    uncertain=st.booleans(),
)
@settings(max_examples=300, deadline=None)
def test_every_partial_date_has_a_parseable_edtf(
    partial: PartialDate, mod: str | None, uncertain: bool
) -> None:
    edtf = pytest.importorskip("edtf")
    value = edtf_for(partial.timex_value(), partial.grain, mod, uncertain=uncertain)
    assert value is not None
    assert str(edtf.parse_edtf(value)) == value
