"""Article content: which sentences are the article, which are boilerplate, headings or the lead.

Comment and newsletter forms, photo captions, bylines and related-link blocks are matched by the
boilerplate table; short unpunctuated paragraphs are headings (the first one is the headline);
a sentence repeated verbatim (a headline printed twice) counts once.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.events.lexicon import boilerplate_patterns
from timeline.models import Sentence

TERMINAL_PUNCTUATION = tuple(".!?\"”’)'…")
MAX_HEADING_WORDS = 16
LEAD_PARAGRAPHS = 2


@dataclass(frozen=True)
class ContentSentence:
    """A sentence of article content, with whether it is the headline or in the lead."""

    sentence: Sentence
    headline: bool
    lead: bool


def boilerplate_scope(text: str) -> str | None:
    """The scope of the first boilerplate pattern matching a sentence, or None."""
    stripped = text.strip()
    for row, branches in boilerplate_patterns():
        if any(branch.search(stripped) for branch in branches):
            return row.scope
    return None


def is_heading(paragraph: list[Sentence]) -> bool:
    """A one-sentence paragraph without terminal punctuation and with few words."""
    if len(paragraph) != 1:
        return False
    text = paragraph[0].text.strip()
    return not text.endswith(TERMINAL_PUNCTUATION) and len(text.split()) <= MAX_HEADING_WORDS


def _paragraphs(sentences: list[Sentence]) -> list[list[Sentence]]:
    grouped: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        grouped.setdefault(sentence.paragraph, []).append(sentence)
    return [grouped[key] for key in sorted(grouped)]


def content_sentences(sentences: list[Sentence]) -> list[ContentSentence]:
    """The sentences that are article content, in order, with headline and lead flags."""
    kept: list[ContentSentence] = []
    seen: set[str] = set()
    skip_next = False
    body_paragraphs = 0
    for position, paragraph in enumerate(_paragraphs(sentences)):
        if skip_next:
            skip_next = False
            continue
        scopes = [boilerplate_scope(sentence.text) for sentence in paragraph]
        if "paragraph_and_next" in scopes:
            skip_next = True
            continue
        if "paragraph" in scopes:
            continue
        heading = is_heading(paragraph)
        if heading and position > 0:
            continue
        is_lead = heading or body_paragraphs < LEAD_PARAGRAPHS
        added = False
        for sentence, scope in zip(paragraph, scopes, strict=True):
            key = " ".join(sentence.text.split())
            if scope is not None or key in seen:
                continue
            seen.add(key)
            kept.append(ContentSentence(sentence=sentence, headline=heading, lead=is_lead))
            added = True
        if added and not heading:
            body_paragraphs += 1
    return kept
