"""Which sentences are article content: boilerplate, captions, headings, duplicates, lead."""

from __future__ import annotations

import pytest

from timeline.events.content import boilerplate_scope, boilerplate_screen, content_sentences
from timeline.events.lexicon import boilerplate_table
from timeline.segment import segment


def test_headline_counts_once_and_headings_are_dropped() -> None:
    text = (
        "Canada imposes sanctions on officials\n\n"
        "Canada imposes sanctions on officials\n\n"
        "VANCOUVER – Canada has imposed sanctions.\n\n"
        "China pushes back\n\n"
        "China denied it.\n\n"
        "Related report:\n\n"
        "Members of Parliament Pass Motion\n\n"
        "Sign up to receive our latest news!"
    )
    kept = content_sentences(segment(text))
    assert [c.sentence.text for c in kept] == [
        "Canada imposes sanctions on officials",
        "VANCOUVER – Canada has imposed sanctions.",
        "China denied it.",
    ]
    assert [c.headline for c in kept] == [True, False, False]
    assert [c.lead for c in kept] == [True, True, True]


def test_lead_is_the_first_two_body_paragraphs() -> None:
    text = "One happened.\n\nTwo happened.\n\nThree happened."
    kept = content_sentences(segment(text))
    assert [c.lead for c in kept] == [True, True, False]


def test_a_headline_with_its_date_line_is_a_heading_not_the_first_body_paragraph() -> None:
    text = (
        "Boeing agrees to plead guilty\nJuly 8, 2024\n\n"
        "Boeing has agreed to plead guilty.\n\nThe deal needs approval.\n\nFamilies urged."
    )
    kept = content_sentences(segment(text))
    assert [c.sentence.text for c in kept][:2] == ["Boeing agrees to plead guilty", "July 8, 2024"]
    assert [c.headline for c in kept] == [True, True, False, False, False]
    assert [c.lead for c in kept] == [True, True, True, True, False]


def test_photo_caption_paragraph_is_dropped() -> None:
    text = (
        "Police arrested two men.\n\n"
        "Zhao speaks in Beijing on February 24, 2020. (Andy Wong / Associated Press)"
    )
    kept = content_sentences(segment(text))
    assert [c.sentence.text for c in kept] == ["Police arrested two men."]


SCREENED = [t for row in boilerplate_table().rows for t in [*row.positive, *row.negative]] + [
    "Share this",
    "x (AP Photo/Jane Doe)",
    "He said subscribe to our list.",
    "By Jo Li",
    "The minister resigned on Monday.",
    "  Leave a comment  ",
]


@pytest.mark.parametrize("text", SCREENED)
def test_screen_lets_every_boilerplate_sentence_through(text: str) -> None:
    screen = boilerplate_screen()
    branches = screen.branches_for(f"Other text.\n{text}\nMore text.")
    if boilerplate_scope(text) is not None:
        assert screen.may_match(text.strip(), branches)


def test_screen_skips_branches_whose_text_is_absent() -> None:
    screen = boilerplate_screen()
    assert len(screen.branches_for("Police arrested two men.")) == 0
    assert screen.branches_for("Pictures by Getty Images")
    assert not screen.may_match("Police arrested two men.", ())
