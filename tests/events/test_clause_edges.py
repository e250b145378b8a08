"""Clause edges found reading fresh articles: a demonstrative `that`, an age between a name and
its relative clause, an adverb of order before the verb, a name opening a coordinated clause.
End to end through the segmenter and the tagger."""

from __future__ import annotations

import pytest

from tests.events.helpers import make_document
from timeline.pipeline import process_document
from timeline.temporal.docdate import infer_publication_date


def by_trigger(text: str, published: str) -> dict[str, object]:
    events = process_document(make_document(text, published)).events
    return {e.mentions[0].trigger: e for e in events}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A three-judge panel rejected that map in September 2023.", "2023-09"),
        ("The company announced on Monday that it cut 500 jobs.", "2025-06-09"),
    ],
)
def test_that_opens_a_clause_only_before_a_finite_verb(text: str, value: str) -> None:
    event = next(iter(by_trigger(text, "2025-06-12").values()))
    assert event.time.value == value


def test_an_age_between_a_name_and_its_relative_clause_is_not_the_antecedent() -> None:
    text = "Humala, 62, who governed Peru from 2011 to 2016, was taken into custody."
    governed = by_trigger(text, "2025-04-16")["governed"]
    assert governed.actors == ["Humala"]
    assert (governed.time.earliest.year, governed.time.latest.year) == (2011, 2016)


def test_a_number_is_no_antecedent_of_which() -> None:
    events = by_trigger("Prices rose 5%, up from 3, which surprised analysts in May.", "2025-06-12")
    assert all("3" not in e.actors for e in events.values())


def test_an_adverb_of_order_before_the_verb_is_not_the_subject() -> None:
    won = by_trigger("Liverpool last won the title in 2020.", "2025-04-27")["won"]
    assert won.actors == ["Liverpool"]
    assert won.title == "Liverpool wins title"


@pytest.mark.parametrize(
    "text",
    [
        "Under its first phase, Hamas has released 16 captives and Israel has freed hundreds "
        "of Palestinian prisoners.",
        "Hamas released 16 captives and Israel freed 200 prisoners on Sunday.",
    ],
)
def test_a_name_with_its_own_verb_after_and_opens_a_new_clause(text: str) -> None:
    events = by_trigger(text, "2025-02-09")
    assert events["released"].title == "Hamas releases 16 captives"
    assert events["freed"].actors == ["Israel"]


def test_a_name_list_after_and_stays_in_the_object() -> None:
    text = "The EU imposed sanctions on Russia and China on Monday."
    assert by_trigger(text, "2025-02-09")["imposed"].targets == ["Russia", "China"]


def test_a_date_line_with_a_news_agency_credit_dates_the_document() -> None:
    text = (
        "Former president sentenced\n\nLima, April 15, 2025 (AFP)\n\n"
        "A Peruvian court on Tuesday sentenced former president Ollanta Humala to 15 years."
    )
    assert infer_publication_date(text).value == "2025-04-15"
