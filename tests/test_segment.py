"""Sentence and paragraph segmentation keeps exact offsets and respects abbreviations."""

from __future__ import annotations

import pytest

from timeline.segment import (
    MAX_SENTENCE_CHARS,
    abbreviations,
    phrase_final_abbreviations,
    segment,
    two_word_surnames,
)

SPLIT_EXAMPLES = [
    pytest.param(
        "Pompeo spoke on Jan. 19 in Washington. He left.",
        ["Pompeo spoke on Jan. 19 in Washington.", "He left."],
        id="month-abbreviation-does-not-split",
    ),
    pytest.param(
        "The U.S. Congressional Executive Committee met. It ended.",
        ["The U.S. Congressional Executive Committee met.", "It ended."],
        id="country-abbreviation-does-not-split",
    ),
    pytest.param(
        "“The facts have proven it.” This is a lie, he said.",
        ["“The facts have proven it.”", "This is a lie, he said."],
        id="closing-quote-stays-with-sentence",
    ),
    pytest.param(
        "Michael J. Fox arrived. Dr. Wong spoke!  Why? Nobody knows",
        ["Michael J. Fox arrived.", "Dr. Wong spoke!", "Why?", "Nobody knows"],
        id="initials-and-titles",
    ),
    pytest.param(
        "sent to headquarters. of Human Rights in Geneva.",
        ["sent to headquarters. of Human Rights in Geneva."],
        id="lowercase-continuation-does-not-split",
    ),
    pytest.param(
        "Steve Jobs spoke. Users surf in the U.S. Jobs also noted sales. Later, Jobs said so.",
        [
            "Steve Jobs spoke.",
            "Users surf in the U.S.",
            "Jobs also noted sales.",
            "Later, Jobs said so.",
        ],
        id="surname-opening-a-clause-after-a-phrase-final-abbreviation-splits",
    ),
    pytest.param(
        "The American Embassy was hit. The U.S. Embassy in Nairobi, officials said, moved.",
        ["The American Embassy was hit.", "The U.S. Embassy in Nairobi, officials said, moved."],
        id="name-after-a-phrase-final-abbreviation-goes-on",
    ),
    pytest.param(
        "Steve Jobs spoke. Later, Jobs said so. Apple Inc. CEO Steve Jobs smiled at Dr. Jobs then.",
        [
            "Steve Jobs spoke.",
            "Later, Jobs said so.",
            "Apple Inc. CEO Steve Jobs smiled at Dr. Jobs then.",
        ],
        id="title-or-capitalized-word-after-an-abbreviation-goes-on",
    ),
    pytest.param(
        "China pushes back\nIn February, the House voted.",
        ["China pushes back", "In February, the House voted."],
        id="line-break-ends-a-heading",
    ),
    pytest.param(
        "SANTA CLARA, Calif. — Nvidia reported on Tuesday that revenue tripled. It rose.",
        ["SANTA CLARA, Calif. — Nvidia reported on Tuesday that revenue tripled.", "It rose."],
        id="a-dash-after-a-period-goes-on",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SPLIT_EXAMPLES)
def test_sentences_split_as_a_reader_would(text: str, expected: list[str]) -> None:
    assert [s.text for s in segment(text)] == expected


def test_offsets_point_into_the_original_text() -> None:
    text = "  First one.   Second one!\n\n\nThird paragraph here.  "
    sentences = segment(text)
    assert [s.text for s in sentences] == ["First one.", "Second one!", "Third paragraph here."]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert [s.paragraph for s in sentences] == [0, 0, 1]
    assert [s.index for s in sentences] == [0, 1, 2]


def test_body_start_skips_leading_metadata() -> None:
    text = " date 2021-06-18 Canada leads. China objects."
    sentences = segment(text, body_start=17)
    assert [s.text for s in sentences] == ["Canada leads.", "China objects."]
    assert sentences[0].start == 17


def test_empty_text_has_no_sentences() -> None:
    assert segment("") == []
    assert segment(" \n\n \n") == []


def test_phrase_final_abbreviations_are_abbreviations() -> None:
    assert phrase_final_abbreviations() <= abbreviations()
    assert "u.s" in phrase_final_abbreviations()
    assert "dr" not in phrase_final_abbreviations()


@pytest.mark.parametrize(
    ("text", "surnames"),
    [
        pytest.param("Steve Jobs spoke. Later, Jobs said so.", {"Jobs"}, id="named-then-alone"),
        pytest.param("Steve Jobs spoke.", set(), id="never-alone"),
        pytest.param("The Embassy closed. Then, Embassy staff left.", set(), id="not-a-name"),
        pytest.param("The American Embassy opened. At the Embassy said", set(), id="determiner"),
    ],
)
def test_two_word_surnames(text: str, surnames: set[str]) -> None:
    assert two_word_surnames(text) == surnames


def test_abbreviation_table_is_lowercase_and_has_months() -> None:
    table = abbreviations()
    assert {"jan", "sept", "dr", "u.s"} <= table
    assert all(entry == entry.lower() for entry in table)


def test_overlong_sentences_are_cut_at_whitespace() -> None:
    text = "word " * 1_000 + "end."
    sentences = segment(text)
    assert len(sentences) > 1
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert "".join(s.text + " " for s in sentences).split() == text.split()


def test_overlong_text_without_spaces_is_cut_at_the_limit() -> None:
    text = "x" * (MAX_SENTENCE_CHARS * 2 + 5)
    assert [len(s.text) for s in segment(text)] == [MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, 5]
