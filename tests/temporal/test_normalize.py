"""Normalizer helpers: counts in words, tense of the clause, registry completeness."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.temporal.normalize import (
    NORMALIZERS,
    Context,
    clause_tense,
    is_future,
    parse_number,
)
from timeline.temporal.rules import load_rules


@pytest.mark.parametrize(
    ("word", "number"),
    [
        ("12", 12.0),
        ("1,500", 1500.0),
        ("2.5", 2.5),
        ("a", 1.0),
        ("an", 1.0),
        ("three", 3.0),
        ("twenty four", 24.0),
        ("twenty-four", 24.0),
        ("forty", 40.0),
        ("a dozen", 12.0),
        ("hundreds", 100.0),
        ("several", None),
        ("blue", None),
    ],
)
def test_parse_number(word: str, number: float | None) -> None:
    assert parse_number(word) == number


def _context(text: str, word: str) -> Context:
    start = text.index(word)
    return Context(text, start, start + len(word), dt.date(2021, 1, 20))


@pytest.mark.parametrize(
    ("text", "future"),
    [
        ("The council will meet on Monday.", True),
        ("The vote is scheduled for Monday.", True),
        ("Talks could resume as soon as Monday.", True),
        ("He'll arrive on Monday.", True),
        ("The council met on Monday.", False),
        ("Officials said Monday that talks failed.", False),
        ("He said he will travel on Friday. He arrived Monday.", False),
        ("Until Monday, they had not spoken.", False),
        ("Mr. Schwarz will succeed Daniel P. Davison Monday.", True),
        ("Members had filed compliance reports by Monday.", False),
        ("The plant will be sold by Monday.", True),
        ("He would fly to the United States Monday.", True),
        ("They announced the plan Monday.", False),
        ("It reported lower-than-expected earnings after the market closed Monday.", False),
        ("It reported earnings, lower than expected, after the market closes Monday.", True),
        ("The vote was postponed until Monday.", True),
        ("The hearing, delayed until Monday, was moved again.", True),
        ("The law, passed in 2010, goes into effect on Monday.", True),
        ("The treaty entered into force on Monday.", False),
        ("They fought until Monday.", False),
        ("INS extended its deadline until Monday.", True),
        ("They have until Monday to decide.", True),
        ("The court gave them until Monday to leave.", False),
    ],
)
def test_is_future_reads_the_clause_before_the_match(text: str, future: bool) -> None:
    assert is_future(_context(text, "Monday")) is future


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("The council will meet on Monday.", "future"),
        ("The council met on Monday.", "past"),
        ("On Monday, the council met.", "past"),
        ("On Monday the council meets.", None),
        ("The court gave them until Monday to leave.", None),
        ("They fought until Monday.", "past"),
    ],
)
def test_clause_tense_reads_past_verbs_after_the_match(text: str, tense: str | None) -> None:
    assert clause_tense(_context(text, "Monday")) == tense


def test_every_normalizer_is_used_by_some_rule() -> None:
    used = {rule.normalizer for rule in load_rules().rules}
    assert set(NORMALIZERS) == used
