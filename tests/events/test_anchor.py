"""Which date phrase governs an event, and the time it gives."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.events.helpers import expression, make_document
from timeline.events import Narrative, continued_speech_time
from timeline.events.anchor import (
    expression_time,
    governing_expression,
    is_attributive,
    is_since,
    opens_clause_of,
)
from timeline.events.detect import detect
from timeline.models import EventStatus, Granularity

D = dt.date


def governing_text(text: str, phrases: list[tuple[str, str]]) -> dict[str, str | None]:
    """trigger -> text of its governing phrase, for phrases given as (phrase, value)."""
    built = [
        expression(
            text,
            phrase,
            value,
            Granularity.year if len(value) == 4 else Granularity.day,
            D(int(value[:4]), 1, 1),
            D(int(value[:4]), 12, 31),
        )
        for phrase, value in phrases
    ]
    spans = [(e.start, e.end, e) for e in built]
    detections = detect(text, [(s, e) for s, e, _ in spans])
    result = {}
    for detection in detections:
        governing = governing_expression(detection, detections, text, spans)
        result[detection.trigger.text] = governing.expression.text if governing else None
    return result


def test_opening_adverbial_governs_main_and_subordinate_clause() -> None:
    text = "In February, the Chinese government attacked Canada after the House of Commons voted."
    found = governing_text(text, [("February", "2021-02-01")])
    assert found == {"attacked": "February", "voted": "February"}


def test_noun_modifier_year_does_not_govern() -> None:
    text = "On Jan. 8, the commission issued its annual report for 2019."
    found = governing_text(text, [("Jan. 8", "2020-01-08"), ("2019", "2019")])
    assert found == {"issued": "Jan. 8"}


def test_date_inside_a_reported_clause_dates_that_clause_not_the_report() -> None:
    text = "Steve Jobs announced that the system would be released in 2007."
    assert governing_text(text, [("2007", "2007")]) == {"announced": None, "released": "2007"}


def test_since_governs_only_continuing_events() -> None:
    text = "This is the first time that Canada has imposed sanctions on China since June 1989."
    assert governing_text(text, [("June 1989", "1989-06-01")]) == {"imposed": None}


def test_date_of_an_attribution_after_a_comma_does_not_govern_the_report() -> None:
    text = "The minister was unavailable for an interview on Monday, his office said."
    assert governing_text(text, [("Monday", "2021-03-22")]) == {"said": None}


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("the 1948 UN Genocide Convention", "1948", True),
        ("its annual report for 2019", "2019", True),
        ("the company's 2010 conference", "2010", True),
        ("In 2019, the council voted.", "2019", False),
        ("The 1991 agreement was that Apple would not sell music.", "1991", True),
        ("Their 2019 report was late.", "2019", True),
    ],
)
def test_attributive_phrases(text: str, phrase: str, expected: bool) -> None:
    built = expression(
        text, phrase, phrase, Granularity.year, D(int(phrase), 1, 1), D(int(phrase), 12, 31)
    )
    assert is_attributive(text, built.start, built.end, built) is expected


def test_since_and_from_onward_start_a_period() -> None:
    text = "strained from December 2018 onward"
    start = text.index("December")
    assert is_since(text, start, start + len("December 2018"))
    assert not is_since("arrested in December 2018", 12, 25)


def test_expression_time_keeps_the_phrase_precision_and_basis() -> None:
    text = "In February, MPs voted."
    document = make_document(text, "2021-06-18")
    phrase = expression(
        text, "February", "2021-02", Granularity.month, D(2021, 2, 1), D(2021, 2, 28), "document"
    )
    time = expression_time(phrase, document, EventStatus.occurred, since=False)
    assert not isinstance(time, str)
    assert (time.value, time.granularity, time.basis.value) == (
        "2021-02",
        Granularity.month,
        "relative",
    )
    assert (time.earliest, time.latest) == (D(2021, 2, 1), D(2021, 2, 28))


@pytest.mark.parametrize(
    ("text", "phrase", "trigger", "governs"),
    [
        (
            "In a July 16 press conference, Jobs said that buyers get a case.",
            "July 16",
            "said",
            True,
        ),
        ("At a Wednesday media event, Apple released new laptops.", "Wednesday", "released", True),
        ("Apple released the 2010 edition of its laptops.", "2010", "released", False),
    ],
)
def test_a_date_modifying_an_occasion_dates_the_clause(
    text: str, phrase: str, trigger: str, governs: bool
) -> None:
    value = "2010" if phrase == "2010" else "2010-07-16"
    found = governing_text(text, [(phrase, value)])
    assert (found[trigger] == phrase) is governs


def test_a_date_after_the_objects_appositive_governs() -> None:
    text = "Apple launched the iTunes Music Store, an online music store, on April 28, 2003."
    assert governing_text(text, [("April 28, 2003", "2003-04-28")]) == {
        "launched": "April 28, 2003"
    }


def test_a_date_in_a_participial_appositive_dates_the_participle_only() -> None:
    text = "Jobs, born in San Francisco on February 24, 1955, has built a great company."
    found = governing_text(text, [("February 24, 1955", "1955-02-24")])
    assert found == {"born": "February 24, 1955", "built": None}


@pytest.mark.parametrize(
    ("text", "phrase", "subject", "expected"),
    [
        pytest.param(
            "Projections showed that as of January 2008, iTunes held 19 percent.",
            "January 2008",
            "iTunes",
            True,
            id="after-that-and-before-a-comma",
        ),
        pytest.param(
            "He started Apple in 1976, and in 1984 the Macintosh was released.",
            "1984",
            "the Macintosh",
            True,
            id="after-and-without-comma",
        ),
        pytest.param(
            "The report of 2004 board members resigned.",
            "2004",
            "board",
            False,
            id="inside-a-noun-phrase",
        ),
        pytest.param(
            "Apple said in 2004 that sales rose.",
            "2004",
            "sales",
            False,
            id="a-word-between-the-date-and-the-subject",
        ),
    ],
)
def test_a_date_phrase_opening_a_clause(
    text: str, phrase: str, subject: str, expected: bool
) -> None:
    start = text.index(phrase)
    assert opens_clause_of(text, start, start + len(phrase), text.index(subject)) is expected


def test_a_date_opening_a_clause_governs_it_and_is_not_coordinated_with_the_last() -> None:
    text = "He started Apple in 1976, and in 1984 the first Macintosh was released."
    found = governing_text(text, [("1976", "1976"), ("1984", "1984")])
    assert found == {"started": "1976", "released": "1984"}


def test_a_lone_said_with_nothing_to_continue_leaves_its_speaker_unread() -> None:
    (detection,) = detect("The spokesman said the talks had failed.")
    assert continued_speech_time(detection, 3, Narrative()) is None
    assert "actors" not in vars(detection.arguments)
