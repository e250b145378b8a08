"""Segment: split a document's text into paragraphs and sentences with exact character offsets."""

from __future__ import annotations

import re
from functools import lru_cache

from timeline.models import Sentence
from timeline.resources import read_resource_lines

PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
#: A candidate sentence end: terminal punctuation, closing quotes/brackets, then whitespace.
SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
WORD_BEFORE_PERIOD = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
NEXT_START = re.compile(r"\s+([\"'“‘(\[]*)(\S)")
#: Longer "sentences" (tables, lists run together, garbage) are cut at whitespace near this
#: length, so that per-sentence work stays bounded and the pipeline linear on any input.
MAX_SENTENCE_CHARS = 2_000


@lru_cache(maxsize=4)
def abbreviations(language: str = "en") -> frozenset[str]:
    """Lower-cased abbreviations (without the last period) that do not end a sentence."""
    return frozenset(line.lower() for line in read_resource_lines(language, "abbreviations.txt"))


def is_sentence_end(text: str, end: int, known_abbreviations: frozenset[str]) -> bool:
    """Whether the punctuation ending at `end` closes a sentence."""
    following = NEXT_START.match(text, end)
    if following is None:
        return True
    next_char = following.group(2)
    if next_char.islower():
        return False
    if text[end - 1] != ".":
        return True
    word = WORD_BEFORE_PERIOD.search(text, max(0, end - 20), end)
    if word is None:
        return True
    token = word.group(1).lower()
    if len(token) == 1 and token.isalpha():
        return False  # an initial: "Michael J. Fox"
    # "Jan. 19" or "Dr. Wong" continue the sentence: after an abbreviation, a digit or a capital
    # letter is far more often its continuation than a new sentence.
    return token not in known_abbreviations


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


def sentence_spans(text: str, start: int, end: int, language: str = "en") -> list[tuple[int, int]]:
    """Spans of sentences within `text[start:end]` (a paragraph), lines counted as breaks."""
    known = abbreviations(language)
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        line_start, line_end = start + line.start(), start + line.end()
        position = line_start
        for match in SENTENCE_END.finditer(text, line_start, line_end):
            if is_sentence_end(text, match.end(), known):
                spans.append((position, match.end()))
                position = match.end()
        spans.append((position, line_end))
    return trim_spans(text, cap_span_length(text, spans))


def segment(text: str, body_start: int = 0, language: str = "en") -> list[Sentence]:
    """Sentences of `text` from `body_start` on, with paragraph numbers and offsets."""
    sentences: list[Sentence] = []
    for paragraph_index, (p_start, p_end) in enumerate(paragraph_spans(text, body_start)):
        for s_start, s_end in sentence_spans(text, p_start, p_end, language):
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
