"""extract_events end to end on hand-made documents and hand-built temporal expressions."""

from __future__ import annotations

import datetime as dt

from tests.events.helpers import expression, make_document
from timeline.events import extract_events
from timeline.models import EventStatus, Granularity, TimeBasis
from timeline.segment import segment

D = dt.date


def run(text: str, published: str | None, expressions: list) -> list:
    document = make_document(text, published)
    return extract_events(document, segment(text), expressions)


def test_month_phrase_gives_a_month_not_a_day() -> None:
    text = (
        "Canada leads an effort at the UN.\n\n"
        "In February, the House of Commons voted to declare a genocide in Xinjiang."
    )
    phrase = expression(
        text, "February", "2021-02", Granularity.month, D(2021, 2, 1), D(2021, 2, 28), "document"
    )
    events = run(text, "2021-06-18", [phrase])
    vote = [e for e in events if e.type == "vote"]
    assert len(vote) == 1
    assert vote[0].time is not None
    assert vote[0].time.value == "2021-02"
    assert vote[0].time.granularity is Granularity.month
    assert vote[0].time.basis is TimeBasis.relative
    assert vote[0].actors == ["House of Commons"]
    mention = vote[0].mentions[0]
    assert text[mention.start : mention.end] == mention.text
    assert text[mention.time_start : mention.time_end] == "February"


def test_lead_present_perfect_takes_the_document_date_with_lower_confidence() -> None:
    text = "Canada has imposed sanctions on four senior Chinese officials over abuses."
    events = run(text, "2021-03-22", [])
    assert len(events) == 1
    event = events[0]
    assert event.time is not None and event.time.value == "2021-03-22"
    assert event.time.basis is TimeBasis.document_date
    assert event.type == "sanction"
    assert event.title == "Canada imposes sanctions on four senior Chinese officials over abuses"
    assert event.confidence < 0.6


def test_undated_clause_continuing_an_episode_takes_context_time() -> None:
    text = (
        "Relations have been strained from December 2018 onward. It all started when the CCP "
        "locked up two Canadians, former diplomat Michael Kovrig and businessman Michael Spavor."
    )
    phrase = expression(
        text, "December 2018", "2018-12", Granularity.month, D(2018, 12, 1), D(2018, 12, 31)
    )
    events = run(text, "2021-01", [phrase])
    locked = [e for e in events if e.mentions[0].trigger == "locked"]
    assert len(locked) == 1
    assert locked[0].time is not None and locked[0].time.value == "2018-12"
    assert locked[0].time.basis is TimeBasis.context
    assert locked[0].targets == ["Michael Kovrig", "Michael Spavor"]
    assert locked[0].actors == ["CCP"]


def test_since_phrase_makes_a_continuing_event_dated_at_its_start() -> None:
    text = "The men have been detained in this country since December 2018."
    phrase = expression(
        text, "December 2018", "2018-12", Granularity.month, D(2018, 12, 1), D(2018, 12, 31)
    )
    events = run(text, "2021-03-22", [phrase])
    assert len(events) == 1
    assert events[0].status is EventStatus.ongoing
    assert events[0].time is not None and events[0].time.value == "2018-12"
    assert events[0].time.mod == "START"


def test_unknown_year_gives_an_undated_event_with_a_reason() -> None:
    text = "On Jan. 8, the commission issued its annual report."
    phrase = expression(text, "Jan. 8", "XXXX-01-08", Granularity.day, None, None, "document")
    events = run(text, None, [phrase])
    assert len(events) == 1
    assert events[0].time is None
    assert events[0].reason and "year" in events[0].reason


def test_negated_hypothetical_and_quoted_clauses_are_not_events() -> None:
    text = (
        "The embassy did not comment on the sanctions. "
        "If these countries think they can deceive us, they are wrong, he said. "
        "“We condemn the arrests,” the group said."
    )
    assert run(text, "2021-03-22", []) == []


def test_boilerplate_and_captions_are_not_article_content() -> None:
    text = (
        "Police arrested three activists on Sunday.\n\n"
        "A man holds a child in Urumqi in April. (Associated Press / Mark Schiefelbein)\n\n"
        "Please enter your comment!\n\n"
        "By submitting this form, I agree to the terms."
    )
    sunday = expression(
        text, "Sunday", "2021-03-21", Granularity.day, D(2021, 3, 21), D(2021, 3, 21), "document"
    )
    events = run(text, "2021-03-22", [sunday])
    assert [e.mentions[0].trigger for e in events] == ["arrested"]


def test_event_ids_are_stable() -> None:
    text = "Canada has imposed sanctions on four officials."
    first = run(text, "2021-03-22", [])
    second = run(text, "2021-03-22", [])
    assert [e.id for e in first] == [e.id for e in second]
    assert len(first[0].id) == 16


def test_planned_event_on_a_weekday_is_the_next_one() -> None:
    text = "The alliance will submit a joint statement to the council on Monday."
    monday = expression(
        text, "Monday", "2021-06-14", Granularity.day, D(2021, 6, 14), D(2021, 6, 14), "document"
    )
    events = run(text, "2021-06-18", [monday])
    assert len(events) == 1
    assert events[0].status is EventStatus.planned
    assert events[0].time is not None and events[0].time.value == "2021-06-21"


def test_two_events_in_one_sentence() -> None:
    text = (
        "It all started when the CCP locked up two Canadians in apparent retaliation for "
        "Ottawa’s arrest of Huawei CFO Meng Wanzhou."
    )
    events = run(text, "2021-01", [])
    assert {e.mentions[0].trigger for e in events} == {"locked", "arrest"}
    arrest = next(e for e in events if e.mentions[0].trigger == "arrest")
    assert arrest.actors == ["Ottawa"]
    assert arrest.targets == ["Meng Wanzhou"]
    assert arrest.title == "Ottawa arrests Meng Wanzhou"


def test_background_past_without_date_or_episode_is_dropped() -> None:
    text = (
        "Canada has imposed sanctions on four officials.\n\n"
        "Officials met in Geneva in 2019.\n\n"
        "The officials toured the region.\n\n"
        "The commission sold its building."
    )
    year = expression(text, "2019", "2019", Granularity.year, D(2019, 1, 1), D(2019, 12, 31))
    events = run(text, "2021-03-22", [year])
    assert [e.mentions[0].trigger for e in events] == ["imposed", "met"]


def test_relative_phrase_in_a_month_dated_article_stays_at_month_precision() -> None:
    text = "Last week the government issued a statement warning companies."
    phrase = expression(
        text, "Last week", "2021-W03", Granularity.week, D(2021, 1, 18), D(2021, 1, 24), "document"
    )
    events = run(text, "2021-01", [phrase])
    assert events[0].time is not None
    assert events[0].time.value == "2021-01"
    assert events[0].time.granularity is Granularity.month
    assert events[0].time.earliest < D(2021, 1, 1)


def test_past_event_with_a_month_day_after_publication_is_a_year_earlier() -> None:
    text = "The military seized power in a coup on Feb. 1, detaining Suu Kyi."
    phrase = expression(
        text, "Feb. 1", "2022-02-01", Granularity.day, D(2022, 2, 1), D(2022, 2, 1), "document"
    )
    events = run(text, "2022-01-10", [phrase])
    dates = {e.mentions[0].trigger: e.time.value for e in events if e.time}
    assert dates == {"seized": "2021-02-01", "detaining": "2021-02-01"}


def test_present_tense_event_dated_after_publication_is_planned() -> None:
    text = "The minister will raise the issue when he visits Beijing next month."
    phrase = expression(
        text, "next month", "2022-02", Granularity.month, D(2022, 2, 1), D(2022, 2, 28), "document"
    )
    events = run(text, "2022-01-10", [phrase])
    assert [(e.status, e.time.value if e.time else None) for e in events] == [
        (EventStatus.planned, "2022-02")
    ]


def test_verb_outside_the_lexicon_counts_only_with_its_own_date() -> None:
    text = "Police raided the homes of six suspects on Tuesday.\n\nThe suspects fled."
    phrase = expression(
        text, "Tuesday", "2022-01-04", Granularity.day, D(2022, 1, 4), D(2022, 1, 4), "document"
    )
    events = run(text, "2022-01-05", [phrase])
    assert [(e.type, e.mentions[0].trigger) for e in events] == [("other", "raided")]
    assert events[0].title == "Police raided homes of six suspects"


def test_relative_clause_event_names_its_antecedent() -> None:
    text = "The national security law, which Beijing imposed on the city in June 2020, is harsh."
    phrase = expression(
        text, "June 2020", "2020-06", Granularity.month, D(2020, 6, 1), D(2020, 6, 30)
    )
    events = run(text, "2022-01-05", [phrase])
    assert len(events) == 1
    assert events[0].title == "Beijing imposes national security law on city"
    assert events[0].time is not None and events[0].time.value == "2020-06"


def test_he_refers_to_the_titled_subject_of_the_sentence() -> None:
    text = (
        "Ned Price said the arrests were unjust.\n\n"
        "Britain's foreign minister will raise the issue when he visits Beijing next month."
    )
    phrase = expression(
        text, "next month", "2022-02", Granularity.month, D(2022, 2, 1), D(2022, 2, 28), "document"
    )
    events = run(text, "2022-01-10", [phrase])
    assert [e.actors for e in events] == [["Britain's foreign minister"]]
