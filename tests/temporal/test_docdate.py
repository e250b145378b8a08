"""Publication-date inference: the pattern table's examples, the year choice, whole texts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.models import DateSource
from timeline.temporal.docdate import (
    DateClue,
    YearRange,
    case_folded,
    choose_weekday_date,
    date_line,
    docdate_tables,
    find_date_clues,
    infer_publication_date,
    interval_value,
    lowercase_pattern,
    match_pattern,
    weekday_dates,
)

SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"

PATTERNS = docdate_tables().patterns
POSITIVE_CASES = [
    pytest.param(row, example.text, example.value, id=f"{row.id}:{example.text[:30]}")
    for row in PATTERNS
    for example in row.examples
]
NEGATIVE_CASES = [
    pytest.param(row, text, id=f"{row.id}:not:{text[:30]}")
    for row in PATTERNS
    for text in row.negative
]


@pytest.mark.parametrize(("row", "text", "value"), POSITIVE_CASES)
def test_pattern_finds_its_example(row, text: str, value: str) -> None:
    found = [clue.canonical() for clue in match_pattern(row, text)]
    assert value in found


@pytest.mark.parametrize(("row", "text"), NEGATIVE_CASES)
def test_pattern_rejects_its_negative_example(row, text: str) -> None:
    assert match_pattern(row, text) == []


def test_every_pattern_has_a_lowercase_form() -> None:
    assert all(lowercase_pattern(row.id) is not None for row in PATTERNS)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("On MONDAY, Jan. 5 2020 “he” left", "on monday, jan. 5 2020 “he” left"),
        ("Édouard, 5 mai 2020", "édouard, 5 mai 2020"),
        ("ſeptember 5, 2020", None),  # the long s is an "s" to a case-insensitive pattern
        ("ı", None),
        ("5 \u212a", None),  # the Kelvin sign is a "k"
        ("İstanbul", None),  # lowercases to two characters: offsets would move
    ],
)
def test_case_folded_only_when_it_finds_the_same(text: str, folded: str | None) -> None:
    assert case_folded(text) == folded


def same_clues_folded_or_not(text: str) -> None:
    folded = case_folded(text)
    if folded is None:
        return
    for row in PATTERNS:
        assert match_pattern(row, text, folded) == match_pattern(row, text), row.id


@pytest.mark.parametrize(
    "text",
    [example.text for row in PATTERNS for example in row.examples]
    + [text for row in PATTERNS for text in row.negative]
    + [example.text.upper() for row in PATTERNS for example in row.examples],
)
def test_lowercase_patterns_find_the_same_clues(text: str) -> None:
    same_clues_folded_or_not(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Jan.",
                "SEPT",
                "March",
                "may",
                "Tues",
                "Sunday",
                " ",
                ", ",
                "\n",
                "of",
                "5",
                "21st",
                "2020",
                "1999",
                "-",
                "’",
                "É",
                "ſ",
                "is",
                "km",
                "people",
                "$",
                "0",
                "3",
            ]
        ),
        max_size=14,
    )
)
def test_lowercase_patterns_find_the_same_clues_anywhere(words: list[str]) -> None:
    same_clues_folded_or_not(" ".join(words))
    same_clues_folded_or_not("".join(words))


FUTURE_CUES = docdate_tables().future_cues


@pytest.mark.parametrize("text", FUTURE_CUES.examples)
def test_future_cue_marks_a_date_announced_for_later(text: str) -> None:
    clues = [c for c in find_date_clues(text) if c.kind == "full_date"]
    assert [c.future for c in clues] == [True]


@pytest.mark.parametrize("text", FUTURE_CUES.negative)
def test_past_dates_are_not_marked_future(text: str) -> None:
    clues = [c for c in find_date_clues(text) if c.kind == "full_date"]
    assert clues and not any(c.future for c in clues)


def test_every_pattern_has_positive_and_negative_examples() -> None:
    for row in PATTERNS:
        assert row.examples and row.negative, row.id


def test_full_date_claims_its_span_before_month_and_year_patterns() -> None:
    clues = find_date_clues("It was issued on November 20, 2020 and again in July 2019.")
    assert [(c.canonical(), c.rule) for c in clues] == [
        ("2020-11-20", "month_day_year"),
        ("2019-07", "month_year"),
    ]


def test_impossible_day_is_not_a_date() -> None:
    clues = find_date_clues("on February 30, 2020 nothing happened")
    assert [(c.kind, c.canonical()) for c in clues] == [("year", "2020")]


def test_weekday_dates_are_those_where_the_day_falls_on_the_weekday() -> None:
    clue = DateClue(
        kind="weekday_date", month=1, day=21, weekday=2, start=0, end=0, text="", rule="t"
    )
    days = weekday_dates(clue, YearRange(earliest=2010, latest=2026))
    assert days == [dt.date(2014, 1, 21), dt.date(2020, 1, 21), dt.date(2025, 1, 21)]


@pytest.mark.parametrize(
    ("candidates", "mentioned", "lower_bound", "expected"),
    [
        pytest.param([2014, 2020, 2025], [2019], None, 2020, id="first-fit-from-latest-year"),
        pytest.param([2014, 2020, 2025], [2013], None, 2014, id="first-fit-after-year"),
        pytest.param([2014, 2020, 2025], [2013], dt.date(2019, 7, 1), 2020, id="bounded-below"),
        pytest.param([2014, 2020, 2025], [2019], dt.date(2020, 6, 1), 2025, id="bounded-by-day"),
        pytest.param([2014, 2020], [2017], None, 2020, id="first-fit-after-gap"),
        pytest.param([2014, 2020, 2025], [], None, None, id="no-year-mentioned"),
        pytest.param([1992, 1998, 2009], [1982, 1994], None, 1998, id="not-before-latest-year"),
        pytest.param([2014, 2020], [2026], None, 2020, id="all-before-latest-year"),
    ],
)
def test_choose_weekday_date(candidates, mentioned, lower_bound, expected) -> None:
    days = [dt.date(year, 1, 21) for year in candidates]
    chosen = choose_weekday_date(days, mentioned, lower_bound)
    assert (chosen.year if chosen else None) == expected


@pytest.mark.parametrize(
    ("earliest", "latest", "expected"),
    [
        (dt.date(2020, 1, 21), dt.date(2020, 1, 21), "2020-01-21"),
        (dt.date(2020, 1, 21), dt.date(2020, 1, 27), "2020-01"),
        (dt.date(2020, 1, 28), dt.date(2020, 2, 3), "2020"),
    ],
)
def test_interval_value_is_the_finest_unit_covering_it(earliest, latest, expected) -> None:
    assert interval_value(earliest, latest) == expected


INFERENCE_CASES = [
    pytest.param(
        "At a press conference on Tuesday, Jan. 21, the group spoke. In July 2019, others "
        "acted. On Jan. 8 it issued its annual report for 2019.",
        "2020-01",
        DateSource.inferred,
        dt.date(2020, 1, 21),
        dt.date(2020, 1, 27),
        id="weekday-fixes-the-year",
    ),
    pytest.param(
        "The coalition issued a statement on November 20, 2020, demanding action.",
        "2020-11",
        DateSource.inferred,
        dt.date(2020, 11, 20),
        dt.date(2020, 11, 27),
        id="latest-explicit-date-bounds-below",
    ),
    pytest.param(
        "It met on March 3, 2019. It met again on 12 April 2019 and on March 30, 2019.",
        "2019-04",
        DateSource.inferred,
        dt.date(2019, 4, 12),
        dt.date(2019, 4, 19),
        id="latest-not-last-in-text",
    ),
    pytest.param(
        "On Monday, March 2, the vote was held, months after the June 4, 2019 hearing.",
        "2020-03",
        DateSource.inferred,
        dt.date(2020, 3, 2),
        dt.date(2020, 3, 8),
        id="weekday-year-not-before-explicit-date",
    ),
    pytest.param(
        "The trial is scheduled for March 3, 2022, the court said on January 5, 2022.",
        "2022-01",
        DateSource.inferred,
        dt.date(2022, 1, 5),
        dt.date(2022, 1, 12),
        id="future-date-does-not-bound",
    ),
    pytest.param(
        "Churchill spoke on March 5, 1946. NATO grew, admitting Spain in 1982.",
        None,
        DateSource.unknown,
        dt.date(1982, 1, 1),
        None,
        id="historical-full-date-before-a-later-year",
    ),
    pytest.param(
        "It met on March 3, 2021 and again later in 2021.",
        "2021-03",
        DateSource.inferred,
        dt.date(2021, 3, 3),
        dt.date(2021, 3, 10),
        id="same-year-mention-is-not-later",
    ),
    pytest.param(
        "The minister spoke to reporters and then left the building.",
        None,
        DateSource.unknown,
        None,
        None,
        id="no-date-is-unknown",
    ),
    pytest.param(
        "Relations have been strained from December 2018 onward.",
        None,
        DateSource.unknown,
        dt.date(2018, 12, 1),
        None,
        id="month-only-bounds-below-but-stays-unknown",
    ),
    pytest.param(
        "At a press conference on Tuesday, Jan. 21, the group spoke.",
        None,
        DateSource.unknown,
        None,
        None,
        id="weekday-without-any-year-is-unknown",
    ),
]


@pytest.mark.parametrize(("text", "value", "source", "earliest", "latest"), INFERENCE_CASES)
def test_infer_publication_date(text, value, source, earliest, latest) -> None:
    published = infer_publication_date(text, tagger_dates=None)
    assert (published.value, published.source, published.earliest, published.latest) == (
        value,
        source,
        earliest,
        latest,
    )
    assert published.evidence


def test_unknown_date_says_why() -> None:
    published = infer_publication_date("Nothing dated here.", tagger_dates=None)
    assert published.evidence == "no date in the text"
    assert published.confidence == 0.0
    assert published.reference is None


def test_seed_003_is_dated_by_its_weekday() -> None:
    text = (SEEDS_DIR / "003_db31121065a7fdf0.txt").read_text(encoding="utf-8")
    published = infer_publication_date(text)
    assert published.source is DateSource.inferred
    assert published.earliest == dt.date(2020, 1, 21)
    assert published.reference == dt.date(2020, 1, 27)
    assert "2020" in (published.evidence or "")


def test_tagger_dates_add_to_the_patterns() -> None:
    def tagger_dates(text: str) -> list[DateClue]:
        start = text.index("the 5th")
        return [
            DateClue(
                kind="full_date",
                year=2019,
                month=3,
                day=5,
                start=start,
                end=start + 7,
                text="the 5th",
                rule="tagger:test",
            )
        ]

    published = infer_publication_date("It happened on the 5th, as said.", tagger_dates)
    assert (published.value, published.earliest) == ("2019-03", dt.date(2019, 3, 5))
    assert "the 5th" in (published.evidence or "")


def test_seed_004_is_bounded_by_its_explicit_date() -> None:
    text = (SEEDS_DIR / "004_1a3367c2707addb4.txt").read_text(encoding="utf-8")
    published = infer_publication_date(text)
    assert published.source is DateSource.inferred
    assert published.value == "2020-11"
    assert published.earliest == dt.date(2020, 11, 20)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "On Tuesday, Jan. 21,",
                "Monday, 29 February",
                "November 20, 2020",
                "2021-13-40",
                "in July 2019",
                "by March 3, 2030",
                "since 1989",
                "the men",
                "Feb. 30, 2020",
                ". ",
                "scheduled for",
            ]
        ),
        max_size=12,
    )
)
def test_inference_never_fails_and_always_says_why(parts: list[str]) -> None:
    published = infer_publication_date(" ".join(parts), tagger_dates=None)
    assert published.source in (DateSource.text, DateSource.inferred, DateSource.unknown)
    assert published.evidence
    if published.source is DateSource.text:  # the whole text is a date line
        line = date_line(" ".join(parts))
        assert line is not None
        assert published.earliest == published.latest == dt.date.fromisoformat(line[0])
    elif published.source is DateSource.inferred:
        assert published.earliest is not None and published.latest is not None
        assert published.earliest <= published.latest
    else:
        assert published.value is None and published.latest is None


DATE_LINE = docdate_tables().date_line


@pytest.mark.parametrize(("text", "value"), [(e.text, e.value) for e in DATE_LINE.examples])
def test_date_line_dates_the_text(text: str, value: str) -> None:
    assert date_line(text) is not None
    published = infer_publication_date(text)
    assert (published.value, published.source, published.earliest) == (
        value,
        DateSource.text,
        dt.date.fromisoformat(value),
    )
    assert published.evidence and "date line" in published.evidence


@pytest.mark.parametrize("text", DATE_LINE.negative)
def test_a_line_with_more_than_a_date_is_not_a_date_line(text: str) -> None:
    assert date_line(text) is None


def test_a_date_line_overrides_later_years_in_the_text() -> None:
    text = "Airbus delays A380\n\nTuesday, October 3, 2006\n\nIt will cut costs from 2010."
    assert infer_publication_date(text).value == "2006-10-03"
