"""Which sentences are article content: boilerplate, captions, headings, duplicates, lead."""

from __future__ import annotations

from timeline.events.content import content_sentences
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


def test_photo_caption_paragraph_is_dropped() -> None:
    text = (
        "Police arrested two men.\n\n"
        "Zhao speaks in Beijing on February 24, 2020. (Andy Wong / Associated Press)"
    )
    kept = content_sentences(segment(text))
    assert [c.sentence.text for c in kept] == ["Police arrested two men."]
