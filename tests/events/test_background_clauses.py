"""Background told inside a sentence (relative clauses, participles modifying an object, the
past perfect) does not date the main clause or what follows; names and told clauses read
right. End to end through the segmenter and the tagger."""

from __future__ import annotations

import pytest

from tests.events.pipeline_helpers import by_trigger, events_of
from timeline.events.detect import detect
from timeline.events.tokens import tokens_of


def test_a_relative_clause_date_does_not_date_the_next_sentence() -> None:
    text = (
        "Liverpool were crowned champions on Sunday. Arne Slot, who replaced Jurgen Klopp "
        "last summer, became the fifth manager to win the league in his first season. "
        "Mohamed Salah scored his 28th league goal of the campaign."
    )
    events = by_trigger(text, "2025-04-27")
    assert events["replaced"].time.value == "2024-SU"
    assert events["scored"].time.value == "2025-04-27"


def test_a_relative_clause_date_under_a_present_main_clause_goes_on_dating_the_story() -> None:
    text = (
        "Cuba is using rallies to press for the return of Elian, who was rescued on Nov. 25 "
        "off Florida. His mother and 10 others died at sea."
    )
    assert by_trigger(text, "2000-01-28")["died"].time.value == "1999-11-25"


def test_the_range_of_a_relative_clause_is_background_too() -> None:
    text = (
        "A court sentenced Ollanta Humala to 15 years on Tuesday.\n\n"
        "Humala, who governed Peru from 2011 to 2016, was taken into custody. "
        "The Brazilian embassy granted his wife refuge."
    )
    events = by_trigger(text, "2025-04-16")
    assert "granted" not in events or events["granted"].time.value[:4] == "2025"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Police arrested a man wanted in 2019 on Friday.", "arrested"),
        ("The senate passed a bill introduced in March on Friday.", "passed"),
        ("He broke a record set in 1945 on Friday.", "broke"),
    ],
)
def test_a_participle_modifying_the_object_keeps_its_date(text: str, trigger: str) -> None:
    events = by_trigger(text, "2025-01-24")
    assert events[trigger].time.value == "2025-01-24"  # Friday, not the participle's date


def test_a_participle_after_the_object_is_no_clause_of_its_own() -> None:
    found = {d.trigger.text for d in detect("The senate passed a bill introduced in March.")}
    assert "introduced" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Police said the suspect fled on foot on Monday.",
        "The court ordered the man released on bail on Monday.",
        "Susan Dudley assailed the remarks and called on groups to shift tactics on Monday.",
    ],
)
def test_a_verb_after_a_clause_taking_verbs_object_or_a_coordinator_is_a_clause(
    text: str,
) -> None:
    verb = {"said": "fled", "ordered": "released", "assailed": "called"}
    trigger = next(verb[w] for w in verb if w in text)
    assert by_trigger(text, "2025-01-24")[trigger].time.value == "2025-01-20"


def test_the_clause_told_to_someone_has_its_own_subject() -> None:
    events = by_trigger("He told reporters the company collapsed in 2019.", "2025-01-24")
    assert events["collapsed"].actors == ["company"]
    assert events["collapsed"].targets == []


def test_a_contact_clause_without_object_refers_to_its_noun() -> None:
    text = "A cost-reduction program the drugmaker unveiled in March saved money."
    events = by_trigger(text, "2025-01-24")
    assert events["unveiled"].targets == ["cost-reduction program"]
    assert events["unveiled"].title == "Drugmaker unveils cost-reduction program"


def test_a_contact_clause_on_a_time_noun_keeps_its_object() -> None:
    text = (
        "Anheuser-Busch announced its plan at the same time it reported third-quarter net "
        "income rose 5.2% to $238.3 million."
    )
    title = by_trigger(text, "1989-10-30")["reported"].title
    assert "same time" not in title and "net income" in title


def test_an_undated_past_perfect_takes_no_time_from_the_story() -> None:
    text = (
        "A court sentenced Ollanta Humala to 15 years on Tuesday.\n\n"
        "Prosecutors had accused the couple of receiving $3 million for his 2011 campaign."
    )
    events = by_trigger(text, "2025-04-16")
    assert events["sentenced"].time.value == "2025-04-15"
    assert events["accused"].time is None  # before Tuesday, on no day the text tells
    assert events["accused"].reason is not None and "past perfect" in events["accused"].reason


def test_a_reporting_verb_after_a_present_perfect_clause_is_todays_news() -> None:
    text = (
        "Jobs takes medical leave\n\n"
        "He fought cancer in 2004. Jobs has not yet said what prompted his decision, but "
        "said he will still be the company's CEO."
    )
    events = by_trigger(text, "2011-01-17")
    assert events["said"].time.value == "2011-01-17"


def test_an_adjective_coordinated_with_a_participle_adjective_is_no_verb() -> None:
    text = "Ottawa wants Beijing to end the documented and reported crackdown in the region."
    assert "reported" not in {d.trigger.text for d in detect(text)}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("A gust was recorded at Mace Head on Friday, Met Éireann said.", "Met Éireann"),
        ("The WHO declared an emergency on Monday.", "WHO"),
    ],
)
def test_a_name_spelt_like_a_verb_or_pronoun_is_a_name(text: str, actor: str) -> None:
    events = events_of(text, "2025-01-24")
    assert all(e.type != "meet" for e in events)
    assert any(actor in e.actors for e in events)


def test_a_verb_in_title_case_is_still_read_in_a_title_case_headline() -> None:
    assert [d.trigger.text for d in detect("Putin Met Xi In Moscow On Monday")] == ["Met"]


def test_the_acronym_who_is_no_relative_pronoun() -> None:
    assert [t.lower for t in tokens_of("The WHO had ended it, who knew.")][1] == "WHO"
    assert [t.lower for t in tokens_of("The WHO had ended it, who knew.")][-3] == "who"
