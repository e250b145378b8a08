"""Clause edges found reading fresh articles: a demonstrative `that`, an age between a name and
its relative clause, an adverb of order before the verb, a name opening a coordinated clause.
End to end through the segmenter and the tagger."""

from __future__ import annotations

import pytest

from tests.events.pipeline_helpers import by_trigger
from timeline.temporal.docdate import infer_publication_date


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


@pytest.mark.parametrize(
    ("text", "trigger", "event_type"),
    [
        ("Gunmen attacked a police station in the north on Monday.", "attacked", "assault"),
        ("Drones attacked two oil tankers in the Black Sea on Monday.", "attacked", "assault"),
        (
            "Spitzer attacked him for failing to enforce a court order on Monday.",
            "attacked",
            "accuse",
        ),
        (
            "The Chinese government attacked Canada after the House of Commons voted on Monday.",
            "attacked",
            "accuse",
        ),
        ("Huang said the company would launch the chips in 2026.", "launch", "business"),
        ("Hamas launched rockets at Israel on Monday.", "launched", "assault"),
        ("SpaceX launched a rocket on Monday.", "launched", "science"),
        ("On April 4, 1949, Dean Acheson signed the Washington Treaty.", "signed", "agree"),
    ],
)
def test_the_object_types_the_event_but_not_inside_a_longer_name(
    text: str, trigger: str, event_type: str
) -> None:
    assert by_trigger(text, "2025-06-12")[trigger].type == event_type


def test_a_tally_after_a_verb_is_not_its_object_and_a_date_not_its_subject() -> None:
    text = (
        "The Supreme Court on Thursday struck down Alabama's congressional map, ruling 5-4 "
        "that the state had diluted the voting power of Black residents."
    )
    ruling = by_trigger(text, "2025-06-12")["ruling"]
    assert ruling.actors == ["Supreme Court"]
    assert ruling.targets == []  # no "5-4", no "Black"
    assert ruling.title == "Supreme Court rules state had diluted voting power of Black residents"


def test_a_target_after_the_rest_of_the_cue_phrase() -> None:
    text = (
        "U.S. forces Thursday launched cruise missile strikes against alleged terrorist camps "
        "in Afghanistan."
    )
    assert by_trigger(text, "1998-08-20")["launched"].targets == ["alleged terrorist camps"]


def test_a_reported_subject_with_a_date_and_a_relative_insertion() -> None:
    text = (
        "Nvidia reported record revenue on Wednesday.\n\n"
        "The company said revenue for the second quarter, which ended July 27, rose 56% to "
        "$46.7 billion from a year earlier."
    )
    events = by_trigger(text, "2025-08-28")
    assert events["reported"].time.value == "2025-08-27"  # a noun phrase object, not a clause
    assert events["rose"].actors == ["revenue"]
    assert events["rose"].time.value == "2025-Q2"
    assert "ended" not in events  # the quarter that ended: a period, not an event
    assert "said" not in events  # its date phrases are the reported clause's


def test_said_here_on_a_day_keeps_its_day() -> None:
    text = "FBI Director Louis Freeh said here Friday that the raid is not linked to the probe."
    assert by_trigger(text, "1998-08-21")["said"].time.value == "1998-08-21"
