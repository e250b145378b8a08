"""Segment: split a document's text into paragraphs and sentences with exact character offsets."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from timeline.models import Sentence
from timeline.resources import read_resource_lines

LINE = re.compile(r"[^\n]+")
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
#: A candidate sentence end: terminal punctuation, closing quotes/brackets, then whitespace.
SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
WORD_BEFORE_PERIOD = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
NEXT_START = re.compile(r"\s+([\"'“‘(\[]*)(\S)")
#: A surname followed by a lowercase word: "Jobs also noted", "Jobs said".
NAME_THEN_LOWERCASE = re.compile(r"\s+([A-Z][a-z]+)\s+[a-z]")
#: Runs of capitalized words; a run of exactly two is a "First Last" name.
CAPITALIZED_RUN = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*\b")
#: A capitalized word alone after a lowercase word or a comma and before a past-tense or
#: reporting verb (", Jobs said", "when Jobs introduced"), as a person's surname is used once
#: the article has named them.
LONE_CAPITALIZED = re.compile(
    r"(?:\b([a-z]+)|,) ([A-Z][a-z]+) (?:[a-z]+ly |also |then )?(?:said|says|told|[a-z]+ed)\b"
)
#: Words before a capitalized word that make it a common noun's title ("the Embassy").
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "his", "her", "their", "our"})
#: Dashes after a period that continue the sentence ("Calif. — Nvidia", "Inc. — a rival").
DASHES = frozenset("—–-")
#: Longer "sentences" (tables, lists run together, garbage) are cut at whitespace near this
#: length, so that per-sentence work stays bounded and the pipeline linear on any input.
MAX_SENTENCE_CHARS = 2_000


@lru_cache(maxsize=4)
def abbreviations(language: str = "en") -> frozenset[str]:
    """Lower-cased abbreviations (without the last period) that do not end a sentence."""
    return frozenset(line.lower() for line in read_resource_lines(language, "abbreviations.txt"))


@lru_cache(maxsize=4)
def phrase_final_abbreviations(language: str = "en") -> frozenset[str]:
    """Lower-cased abbreviations that often end a phrase ("in the U.S.", "Apple Inc.")."""
    return frozenset(
        line.lower() for line in read_resource_lines(language, "phrase_final_abbreviations.txt")
    )


def two_word_surnames(text: str) -> frozenset[str]:
    """Surnames of a text: last words of its two-word capitalized names ("Jobs" of "Steve
    Jobs") that it also uses alone after a lowercase word or a comma ("said Jobs"), as a
    person is referred to ("the Embassy" is not)."""
    runs = (match.group(0).split(" ") for match in CAPITALIZED_RUN.finditer(text))
    last_words = {
        words[1] for words in runs if len(words) == 2 and words[0].lower() not in DETERMINERS
    }
    alone = {
        match.group(2)
        for match in LONE_CAPITALIZED.finditer(text)
        if match.group(1) not in DETERMINERS
    }
    return frozenset(last_words & alone)


def starts_with_named_clause(text: str, end: int, surnames: Callable[[], frozenset[str]]) -> bool:
    """Whether the text after `end` opens a clause with a surname of the document and a
    lowercase word ("Jobs also noted"), not a capitalized name going on ("U.S. Senate")."""
    following = NAME_THEN_LOWERCASE.match(text, end)
    return following is not None and following.group(1) in surnames()


def is_sentence_end(
    text: str,
    end: int,
    known_abbreviations: frozenset[str],
    surnames: Callable[[], frozenset[str]] | None = None,
    language: str = "en",
) -> bool:
    """Whether the punctuation ending at `end` closes a sentence (`surnames`: the document's
    two-word surnames, read when an abbreviation that often ends a phrase needs them)."""
    following = NEXT_START.match(text, end)
    if following is None:
        return True
    next_char = following.group(2)
    if next_char.islower():
        return False
    dash_at = following.start(2)
    if next_char in DASHES and text[dash_at + 1 : dash_at + 2] not in DASHES:
        return False  # "SANTA CLARA, Calif. — Nvidia reported": a dateline goes on (not "---")
    if text[end - 1] != ".":
        return True
    word = WORD_BEFORE_PERIOD.search(text, max(0, end - 20), end)
    if word is None:
        return True
    token = word.group(1).lower()
    if len(token) == 1 and token.isalpha():
        return False  # an initial: "Michael J. Fox"
    # "Jan. 19" or "Dr. Wong" continue the sentence: after an abbreviation, a digit or a capital
    # letter is far more often its continuation than a new sentence, except a surname of the
    # document opening a clause after a phrase-final abbreviation ("the U.S. Jobs also noted").
    if token not in known_abbreviations:
        return True
    return (
        surnames is not None
        and token in phrase_final_abbreviations(language)
        and starts_with_named_clause(text, end, surnames)
    )


def trim_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans with surrounding whitespace removed; blank spans dropped."""
    trimmed = []
    for begin, end in spans:
        segment_text = text[begin:end]
        stripped = segment_text.strip()
        if stripped:
            offset = begin + (len(segment_text) - len(segment_text.lstrip()))
            trimmed.append((offset, offset + len(stripped)))
    return trimmed


def cap_span_length(
    text: str, spans: list[tuple[int, int]], limit: int = MAX_SENTENCE_CHARS
) -> list[tuple[int, int]]:
    """Spans no longer than `limit`: overlong ones cut at the last whitespace before the limit."""
    capped: list[tuple[int, int]] = []
    for begin, end in spans:
        while end - begin > limit:
            cut = text.rfind(" ", begin + limit // 2, begin + limit)
            cut = cut + 1 if cut > begin else begin + limit
            capped.append((begin, cut))
            begin = cut
        capped.append((begin, end))
    return capped


def paragraph_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Spans of paragraphs (separated by blank lines), whitespace trimmed, from `start` on."""
    spans: list[tuple[int, int]] = []
    position = start
    for match in PARAGRAPH_BREAK.finditer(text, start):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    return trim_spans(text, spans)


def sentence_spans(
    text: str,
    start: int,
    end: int,
    language: str = "en",
    surnames: Callable[[], frozenset[str]] | None = None,
) -> list[tuple[int, int]]:
    """Spans of sentences within `text[start:end]` (a paragraph), lines counted as breaks."""
    known = abbreviations(language)
    spans: list[tuple[int, int]] = []
    for line in LINE.finditer(text, start, end):
        line_start, line_end = line.start(), line.end()
        position = line_start
        for match in SENTENCE_END.finditer(text, line_start, line_end):
            if is_sentence_end(text, match.end(), known, surnames, language):
                spans.append((position, match.end()))
                position = match.end()
        spans.append((position, line_end))
    return trim_spans(text, cap_span_length(text, spans))


def segment(text: str, body_start: int = 0, language: str = "en") -> list[Sentence]:
    """Sentences of `text` from `body_start` on, with paragraph numbers and offsets."""
    sentences: list[Sentence] = []
    surnames = lru_cache(maxsize=1)(lambda: two_word_surnames(text))
    for paragraph_index, (p_start, p_end) in enumerate(paragraph_spans(text, body_start)):
        for s_start, s_end in sentence_spans(text, p_start, p_end, language, surnames):
            sentences.append(
                Sentence(
                    index=len(sentences),
                    paragraph=paragraph_index,
                    start=s_start,
                    end=s_end,
                    text=text[s_start:s_end],
                )
            )
    return sentences
