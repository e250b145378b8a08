"""The tagger end to end: spans, values, bounds, anaphora, ranges, negatives, linear time."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from timeline.models import TemporalExpression, TimexType
from timeline.temporal import tag

REFERENCE = dt.date(2021, 1, 20)  # a Wednesday
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "tempeval3-tbaq"


def by_text(text: str, reference: dt.date | None = REFERENCE) -> dict[str, TemporalExpression]:
    return {expression.text: expression for expression in tag(text, reference)}


def test_spans_slice_the_text_and_are_sorted() -> None:
    text = "On Tuesday, Jan. 19, 2021, police said they will return Friday; in 1989 it rained."
    found = tag(text, REFERENCE)
    assert [e.text for e in found] == ["Tuesday, Jan. 19, 2021", "Friday", "1989"]
    assert all(text[e.start : e.end] == e.text for e in found)
    assert [e.value for e in found] == ["2021-01-19", "2021-01-22", "1989"]


def test_bounds_follow_the_granularity() -> None:
    found = by_text("Sales fell in December 2018 and in the third quarter of 2019.")
    month = found["December 2018"]
    assert (month.earliest, month.latest) == (dt.date(2018, 12, 1), dt.date(2018, 12, 31))
    assert month.granularity.value == "month"
    quarter = found["the third quarter of 2019"]
    assert (quarter.value, quarter.earliest, quarter.latest) == (
        "2019-Q3",
        dt.date(2019, 7, 1),
        dt.date(2019, 9, 30),
    )


def test_without_reference_relative_values_get_placeholders_and_no_bounds() -> None:
    found = by_text("Talks ended Jan. 19. Yesterday and last week were calm; Monday too.", None)
    assert found["Jan. 19"].value == "XXXX-01-19"
    assert found["Yesterday"].value == "XXXX-XX-XX"
    assert found["last week"].value == "XXXX-WXX"
    assert found["Monday"].value == "XXXX-WXX-1"
    for expression in found.values():
        assert (expression.earliest, expression.latest) == (None, None)
        assert str(dt.date.today().year) not in expression.value


def test_absolute_dates_keep_bounds_without_reference() -> None:
    found = by_text("It opened on Jan. 5, 2020.", None)
    assert found["Jan. 5, 2020"].earliest == dt.date(2020, 1, 5)
    assert found["Jan. 5, 2020"].anchor == "none"


def test_anaphora_resolve_against_the_last_explicit_date_not_the_document_date() -> None:
    text = (
        "The plant opened on March 3, 2015. The following day it closed; a year later it reopened."
    )
    found = by_text(text)
    assert found["The following day"].value == "2015-03-04"
    assert found["The following day"].anchor == "previous"
    assert found["a year later"].value == "2016"  # the following day is no explicit date
    assert found["a year later"].anchor == "previous"


def test_an_offset_shorter_than_a_year_is_a_duration_as_timebank_marks_it() -> None:
    found = by_text("The plant opened on March 3, 2015. Three days later it closed.")
    assert found["Three days"].value == "P3D"
    assert found["Three days"].type is TimexType.DURATION
    assert "Three days later" not in found


def test_a_month_and_day_with_a_relative_year_is_one_date() -> None:
    found = by_text("The talks began Feb. 1 last year.")
    assert list(found) == ["Feb. 1 last year"]
    assert found["Feb. 1 last year"].value == "2020-02-01"
    assert found["Feb. 1 last year"].type is TimexType.DATE


def test_less_than_some_time_ago_is_a_range_up_to_the_reference() -> None:
    found = by_text("He left less than two weeks ago.")
    expression = found["less than two weeks ago"]
    assert expression.mod == "LESS_THAN"
    assert (expression.earliest, expression.latest) == (dt.date(2021, 1, 6), dt.date(2021, 1, 20))


def test_in_recent_days_is_a_past_reference() -> None:
    found = by_text("Security has been tightened in recent days.")
    assert found["recent days"].value == "PAST_REF"


def test_a_report_compares_with_the_last_numbered_quarter_despite_later_dates() -> None:
    text = (
        "Third-quarter profit rose. On Oct. 5, 2020, it said the quarter was strong and "
        "sales beat those of a year ago."
    )
    found = by_text(text)
    assert found["Third-quarter"].value == "2020-Q3"
    assert found["the quarter"].value == "2020-Q3"
    assert found["a year ago"].value == "2019-Q3"
    assert by_text("Profit beat that of a year ago.")["a year ago"].value == "2020"


def test_anaphora_without_a_previous_date_use_the_reference() -> None:
    found = by_text("Two years later the talks ended.")
    assert found["Two years later"].value == "2023"
    assert found["Two years later"].anchor == "document"


def test_relative_expressions_are_anchored_on_the_document_date() -> None:
    found = by_text(
        "Yesterday he left; last week it rained; two years ago it began; next month too."
    )
    assert {text: e.value for text, e in found.items()} == {
        "Yesterday": "2021-01-19",
        "last week": "2021-W02",
        "two years ago": "2019",
        "next month": "2021-02",
    }
    assert {e.anchor for e in found.values()} == {"document"}


def test_weekday_tense_past_by_default_future_when_will_governs() -> None:
    assert by_text("The council met on Monday.")["Monday"].value == "2021-01-18"
    assert by_text("The council will meet on Monday.")["Monday"].value == "2021-01-25"
    assert by_text("The vote is expected Friday.")["Friday"].value == "2021-01-22"


def test_fuzzy_modifiers_set_mod_and_narrow_bounds() -> None:
    found = by_text("Prices rose in late 2019, early last year and mid-March.")
    assert found["late 2019"].mod == "END"
    assert found["late 2019"].earliest > dt.date(2019, 6, 30)
    assert (found["early last year"].value, found["early last year"].mod) == ("2020", "START")
    assert (found["mid-March"].value, found["mid-March"].mod) == ("2020-03", "MID")


def test_since_makes_an_open_range_up_to_the_reference() -> None:
    since = by_text("Prices have risen since 2015.")["2015"]
    assert (since.value, since.earliest, since.latest) == ("2015", dt.date(2015, 1, 1), REFERENCE)


@pytest.mark.parametrize(
    ("text", "latest"),
    [
        ("From 2015 on, prices rose.", REFERENCE),
        ("Prices have risen from 2015 onwards.", REFERENCE),
        ("He showed a poster from 2015.", dt.date(2015, 12, 31)),
        ("Shares fell 6% from 2015.", dt.date(2015, 12, 31)),
    ],
)
def test_from_opens_a_range_only_with_on_or_onwards_after_the_date(
    text: str, latest: dt.date
) -> None:
    assert by_text(text)["2015"].latest == latest


def test_from_to_makes_both_dates_cover_the_range() -> None:
    found = by_text("The program ran from 2015 to 2018.")
    for text in ("2015", "2018"):
        assert (found[text].earliest, found[text].latest) == (
            dt.date(2015, 1, 1),
            dt.date(2018, 12, 31),
        )
    assert (found["2015"].value, found["2018"].value) == ("2015", "2018")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # Thursday 14 March 2013: a future start takes the following Friday...
        ("The museum is open from Monday to Friday.", "2013-03-18", "2013-03-22"),
        # ...a past range stays before the reference, its start a week earlier
        ("The strike lasted from Monday to Friday.", "2013-03-04", "2013-03-08"),
        ("The show will run from Nov. 28 through Jan. 3.", "2013-11-28", "2014-01-03"),
        ("The season runs from November to February.", "2012-11", "2013-02"),
        ("It ran from May 2 to June 9.", "2012-05-02", "2012-06-09"),
        ("It ran from May 2, 2011 to June 9.", "2011-05-02", "2011-06-09"),
        ("It ran from 2011 to June 9.", "2011", "2012-06-09"),
    ],
)
def test_a_range_without_years_or_weeks_ends_after_it_starts(
    text: str, start: str, end: str
) -> None:
    first, second = tag(text, dt.date(2013, 3, 14))
    assert (first.value, second.value) == (start, end)
    assert first.earliest == second.earliest and first.latest == second.latest


@pytest.mark.parametrize(
    "text",
    [
        "You may go if you march quickly.",
        "Sun Microsystems and August Wilson met.",
        "He came second in the race.",
        "It costs $2,019 and 1,998 people paid 2020 pounds.",
        "The score was 3-2 and rates rose 12.5%.",
        "Call 555-2015 or order no. 1/19/99-7.",
        "He is 45 years old and a 6-year-old boy.",
    ],
)
def test_negatives_are_not_dates(text: str) -> None:
    dates = [e for e in tag(text, REFERENCE) if e.type.value in ("DATE", "TIME")]
    assert dates == [], [(e.text, e.rule) for e in dates]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Now prices are high.", "Now", "PRESENT_REF"),
        ("in recent days", "recent days", "PAST_REF"),
        ("in the future", "the future", "FUTURE_REF"),
        ("in the 1990s", "the 1990s", "199X"),
        ("this spring", "this spring", "2021-SP"),
        ("for three years", "three years", "P3Y"),
        ("the last twenty four hours", "the last twenty four hours", "PT24H"),
        ("Dividends are paid quarterly.", "quarterly", "P1Q"),
        ("at 10:30 a.m.", "10:30 a.m.", "2021-01-20T10:30"),
        ("He spoke this morning.", "this morning", "2021-01-20TMO"),
        ("It airs tonight.", "tonight", "2021-01-20TNI"),
        ("in 2021-W03", "2021", "2021"),
    ],
)
def test_issue_examples(text: str, span: str, value: str) -> None:
    assert by_text(text)[span].value == value


@pytest.mark.parametrize(
    "text",
    ['Baker said on ABC\'s "This Week" that talks failed.', "He spoke on CBS's ''60 Minutes.''"],
)
def test_a_quoted_title_is_a_name_not_a_time(text: str) -> None:
    assert tag(text, REFERENCE) == []


def test_a_quoted_time_is_still_a_time() -> None:
    assert [e.text for e in tag('He said: "Last week we met."', REFERENCE)] == ["Last week"]


def test_a_range_of_days_spans_from_first_to_last_day() -> None:
    found = by_text("The talks ran Jan. 5-7, 2021, in Geneva.")["Jan. 5-7, 2021"]
    assert (found.value, found.earliest, found.latest) == (
        "2021-01-05",
        dt.date(2021, 1, 5),
        dt.date(2021, 1, 7),
    )


@pytest.mark.parametrize(
    "text", ["999,999,999 days ago", "It happened 999,999 weeks later.", "9,999 years ago"]
)
def test_offsets_beyond_the_calendar_are_not_resolved_to_dates(text: str) -> None:
    found = tag(text, REFERENCE)
    assert all(e.earliest is None and not e.value.startswith("-") for e in found), found


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["7" * 1_000_000, "May " * 100_000, ".,;:!?-'\"()" * 100_000, "May 1, " * 50_000],
    ids=["digits", "May", "punctuation", "May 1"],
)
def test_adversarial_inputs_finish_quickly(text: str) -> None:
    start = time.perf_counter()
    found = tag(text, REFERENCE)
    assert time.perf_counter() - start < 30  # linear: about a second each on one core
    assert all(text[e.start : e.end] == e.text for e in found)


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpora/tempeval3-tbaq")
def test_tempeval3_tbaq_scores_do_not_regress() -> None:
    from timeline.temporal.evaluation import evaluate_timeml_dir

    scores = evaluate_timeml_dir(CORPUS)
    assert scores.relaxed.f1 >= 0.942
    assert scores.strict.f1 >= 0.885
    assert scores.type_f1 >= 0.910
    assert scores.value_f1 >= 0.814


def test_a_year_ago_period_skips_a_quarter_still_to_come() -> None:
    text = (
        "Third-quarter profit fell. Analysts expect losses through the third quarter of 2022. "
        "In the year-ago period, it earned $5 million, up from a year ago."
    )
    found = by_text(text)
    assert found["Third-quarter"].value == "2020-Q3"
    assert found["the third quarter of 2022"].value == "2022-Q3"
    assert found["the year-ago period"].value == "2019-Q3"
    assert found["a year ago"].value == "2019-Q3"


def test_rule_windows_merge_overlapping_reaches_and_stay_inside_the_text() -> None:
    from timeline.temporal.tagger import rule_windows

    spans = [(2, 5), (10, 12), (30, 33), (95, 99)]
    assert rule_windows(spans, (4, 6), 100) == [(0, 18), (26, 39), (91, 100)]
    assert rule_windows([], (4, 6), 100) == []
    assert rule_windows([(0, 3)], (0, 0), 3) == [(0, 3)]


def test_tagging_a_text_again_with_another_reference_resolves_it_anew() -> None:
    # The candidates of the last text are kept; what they resolve to is not.
    text = "They met on Monday, and will meet again next week."
    without = tag(text, None)
    first = tag(text, REFERENCE)
    second = tag(text, dt.date(2022, 6, 1))
    assert [e.value for e in without] == ["XXXX-WXX-1", "XXXX-WXX"]
    assert [e.value for e in first] == ["2021-01-18", "2021-W04"]
    assert [e.value for e in second] == ["2022-05-30", "2022-W23"]
    assert tag(text, REFERENCE) == first


def test_rule_windows_take_a_lone_anchor_shortcut_within_the_text() -> None:
    from timeline.temporal.tagger import rule_windows

    assert rule_windows([(5, 8)], (10, 10), 12) == [(0, 12)]
    assert rule_windows([(50, 58)], (10, 4), 100) == [(40, 62)]


@pytest.mark.parametrize(
    ("text", "mod"),
    [
        ("Gains averaged 175,000 over the past three months.", None),
        ("Over the last 20 years, the city grew.", None),
        ("The search took over three months.", "MORE_THAN"),
    ],
)
def test_over_is_more_than_only_right_before_the_count(text: str, mod: str | None) -> None:
    (found,) = [e for e in tag(text, dt.date(2013, 3, 14)) if e.type == "DURATION"]
    assert found.mod == mod
