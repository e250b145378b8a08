"""The real tagger on generated and adversarial text: valid spans, valid values, determinism.

No timing asserts here: the size-scaling measurements (n vs 4n characters) are in
benchmarks/bench_temporal.py. These tests only require that adversarial inputs of moderate
size complete with valid output.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.models import TemporalExpression
from timeline.temporal import tag
from timeline.temporal.timeml import is_timex_value, parse_timeml

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "tempeval3-tbaq"

DATE_WORDS = [
    "January", "Jan.", "Feb", "May", "june", "Sept.", "December", "Monday", "Fri.", "sunday",
    "yesterday", "today", "tomorrow", "tonight", "now", "last", "next", "this", "that", "week",
    "month", "year", "years", "decade", "century", "quarter", "third-quarter", "fiscal", "ago",
    "earlier", "later", "since", "until", "early", "mid-", "late", "the", "a", "an", "of", "in",
    "on", "spring", "summer", "fall", "winter", "morning", "evening", "noon", "midnight",
    "a.m.", "p.m.", "1", "3", "12", "19", "31", "32", "99", "1990s", "'80s", "2021", "1998",
    "0", "00", "2021-01-19", "1998-13-45", "12/31/2020", "31/12/20", "10:30", "25:99", "Q3",
    "H1", "two", "twenty", "several", "few", "days", "hours", "minutes", "weekend", "every",
    "each", "annual", "past", "future", "recent", "recently", "former", "current", "-", "/",
    ",", ".", ":", "'", '"', "(", ")", "&", "\n", "\t", " ", "  ", "\u00a0", "é", "年",
]  # fmt: skip

TYPES = {"DATE", "TIME", "DURATION", "SET"}


def date_like_texts() -> st.SearchStrategy[str]:
    """Texts made of date words, numbers and punctuation, joined by spaces or nothing."""
    words = st.lists(st.sampled_from(DATE_WORDS), max_size=40)
    joiners = st.sampled_from([" ", "", " ,", "\n"])
    return st.builds(lambda parts, joiner: joiner.join(parts), words, joiners)


texts = st.one_of(date_like_texts(), st.text(max_size=200))
reference_dates = st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))


def assert_valid(text: str, expressions: list[TemporalExpression]) -> None:
    """Spans inside the text and equal to `.text`, sorted, and values well-formed TIMEX3."""
    starts = [expression.start for expression in expressions]
    assert starts == sorted(starts)
    for expression in expressions:
        assert 0 <= expression.start < expression.end <= len(text), expression
        assert text[expression.start : expression.end] == expression.text, expression
        assert is_timex_value(expression.value), expression
        assert expression.type.value in TYPES
        assert expression.rule


@settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, reference=reference_dates)
def test_spans_are_valid_and_values_well_formed(text: str, reference: dt.date | None) -> None:
    assert_valid(text, tag(text, reference))


@settings(deadline=None, max_examples=100)
@given(text=texts, reference=reference_dates)
def test_tagging_is_deterministic(text: str, reference: dt.date | None) -> None:
    assert tag(text, reference) == tag(text, reference)


@settings(deadline=None, max_examples=100)
@given(prefix=st.text(max_size=30), reference=st.dates(dt.date(1950, 1, 1), dt.date(2050, 1, 1)))
def test_an_explicit_date_after_any_prefix_keeps_valid_spans(
    prefix: str, reference: dt.date
) -> None:
    text = f"{prefix} on January 19, 2021."
    assert_valid(text, tag(text, reference))


ADVERSARIAL_INPUTS = {
    "digits": "7" * 200_000,
    "digit-groups": "1234 " * 40_000,
    "may": "May " * 25_000,
    "may-no-space": "May" * 25_000,
    "month-day-runs": "May 1, " * 20_000,
    "dashes": "-" * 200_000,
    "punctuation": ".,;:!?/-'\"()" * 15_000,
    "slashes-and-digits": "12/" * 50_000,
    "dots-and-digits": "1." * 80_000,
    "whitespace": " \n\t" * 50_000,
    "relative-words": "last next this week year ago " * 5_000,
    "no-spaces-letters": "a" * 200_000,
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL_INPUTS))
def test_adversarial_inputs_complete_with_valid_output(name: str) -> None:
    text = ADVERSARIAL_INPUTS[name]
    assert_valid(text, tag(text, dt.date(2021, 1, 20)))


@pytest.mark.parametrize(
    "value",
    [
        "2021", "2021-01", "2021-01-19", "199X", "19XX", "19", "198", "2021-W03", "2021-W03-WE",
        "XXXX-WXX-1", "2020-Q3", "2020-QX", "2020-H1", "2019-SP", "XXXX-SU", "XXXX-XX-XX",
        "2021-01-19T10:30", "2021-01-19T10:30:15", "2021-01-19TMO", "XXXX-WXX-5TNI", "P3D",
        "P1.5Y", "PXY", "P2DE", "PT2H30M", "P1DT12H", "PRESENT_REF", "PAST_REF", "FUTURE_REF",
    ],
)  # fmt: skip
def test_timex_value_grammar_accepts(value: str) -> None:
    assert is_timex_value(value)


@pytest.mark.parametrize(
    "value",
    [
        "", "2021-13", "2021-1-19", "2021-01-32", "21-01-19", "2021/01/19", "P", "PT", "P3",
        "T10:30", "2021-01-19T25:00", "2021-W54", "2021-Q5", "NOW", "2021-01-19 ", "X",
        "TODAY_REF", "P3d",
    ],
)  # fmt: skip
def test_timex_value_grammar_rejects(value: str) -> None:
    assert not is_timex_value(value)


#: Annotator slips in the gold values that break the grammar: unpadded weeks, "PXX".
KNOWN_GOLD_SLIPS = re.compile(r"\d{4}-W\d|PXX")


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpora/tempeval3-tbaq")
def test_timex_value_grammar_accepts_the_corpus_gold_values() -> None:
    values = []
    for path in CORPUS.rglob("*.tml"):
        document = parse_timeml(path)
        values += [timex.value for timex in document.timexes]
        values.append(document.dct_value or "")
    rejected = {value for value in values if not is_timex_value(value)}
    assert len(values) > 2000
    assert all(KNOWN_GOLD_SLIPS.fullmatch(value) for value in rejected), rejected
