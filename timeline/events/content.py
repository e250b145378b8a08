"""Article content: which sentences are the article, which are boilerplate, headings or the lead.

Comment and newsletter forms, photo captions, bylines and related-link blocks are matched by the
boilerplate table; short unpunctuated paragraphs are headings (the first one is the headline);
a headline with its date line ("July 8, 2024") is a heading too; a sentence repeated verbatim
(a headline printed twice) counts once.

Most sentences are no boilerplate, and the table's patterns are screened first
(`BoilerplateScreen`): the branches anchored at a sentence's start are tried together, once,
and a branch that must contain some text is only tried in documents that contain it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.events.lexicon import GLOBAL_FLAGS, boilerplate_patterns, leading_literal
from timeline.models import Sentence
from timeline.temporal.docdate import date_line

TERMINAL_PUNCTUATION = tuple(".!?\"”’)'…")
MAX_HEADING_WORDS = 16
LEAD_PARAGRAPHS = 2
#: The opening paragraphs where a date line may stand (under the headline or above it).
DATE_LINE_PARAGRAPHS = 2
#: The most lines a heading with its date lines holds ("Title", "By X", "July 8, 2024").
MAX_HEADING_LINES = 3


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


@dataclass(frozen=True)
class BoilerplateScreen:
    """What a sentence must match for some boilerplate row to match it (`boilerplate_scope`).

    `opening` holds every branch anchored at the start (`^`) as one pattern, tried at the
    start only; `anywhere` the other branches, each with the text its matches begin with
    (None: unknown), so that documents without that text skip the branch.
    """

    opening: re.Pattern[str]
    anywhere: tuple[tuple[str | None, re.Pattern[str]], ...]

    def branches_for(self, text: str) -> tuple[re.Pattern[str], ...]:
        """The unanchored branches that may match somewhere in `text` (a whole document)."""
        return tuple(
            branch for literal, branch in self.anywhere if literal is None or literal in text
        )

    def may_match(self, stripped: str, branches: tuple[re.Pattern[str], ...]) -> bool:
        """Whether a stripped sentence may be boilerplate (`branches`: from `branches_for`)."""
        return self.opening.match(stripped) is not None or any(
            branch.search(stripped) for branch in branches
        )


def is_opening(branch: re.Pattern[str]) -> bool:
    """Whether a branch can only match at the start of a text (`^` first, not multi-line)."""
    flags = GLOBAL_FLAGS.match(branch.pattern)
    body = branch.pattern[flags.end() :] if flags else branch.pattern
    return body.startswith("^") and not branch.flags & re.MULTILINE


def scoped(branch: re.Pattern[str]) -> str:
    """A branch as a group keeping its own flags, to join with others: `(?i)^x` -> `(?i:^x)`."""
    flags = GLOBAL_FLAGS.match(branch.pattern)
    if flags is None:
        return f"(?:{branch.pattern})"
    return f"(?{flags.group()[2:-1]}:{branch.pattern[flags.end() :]})"


@lru_cache(maxsize=1)
def boilerplate_screen() -> BoilerplateScreen:
    """The screen of the boilerplate table (built once)."""
    branches = [branch for _, row_branches in boilerplate_patterns() for branch in row_branches]
    openings = [scoped(branch) for branch in branches if is_opening(branch)]
    return BoilerplateScreen(
        opening=re.compile("|".join(openings) if openings else "(?!)"),
        anywhere=tuple(
            (leading_literal(branch.pattern), branch)
            for branch in branches
            if not is_opening(branch)
        ),
    )


def is_heading(paragraph: list[Sentence]) -> bool:
    """A one-sentence paragraph without terminal punctuation and with few words."""
    if len(paragraph) != 1:
        return False
    text = paragraph[0].text.strip()
    return not text.endswith(TERMINAL_PUNCTUATION) and len(text.split()) <= MAX_HEADING_WORDS


def without_date_lines(paragraph: list[Sentence]) -> list[Sentence]:
    """A paragraph without its date lines ("July 8, 2024" under a headline): a headline and
    its date line are a heading, not the first paragraph of the body. Only a paragraph of a
    few lines is read (a body paragraph stays whole, and the tagger untouched)."""
    if not 1 < len(paragraph) <= MAX_HEADING_LINES:
        return paragraph
    return [sentence for sentence in paragraph if date_line(sentence.text) is None]


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
    screen = boilerplate_screen()
    branches = screen.branches_for("\n".join(sentence.text for sentence in sentences))
    for position, paragraph in enumerate(_paragraphs(sentences)):
        if skip_next:
            skip_next = False
            continue
        scopes = [
            boilerplate_scope(sentence.text)
            if screen.may_match(sentence.text.strip(), branches)
            else None
            for sentence in paragraph
        ]
        if "paragraph_and_next" in scopes:
            skip_next = True
            continue
        if "paragraph" in scopes:
            continue
        heading = is_heading(
            without_date_lines(paragraph) if position < DATE_LINE_PARAGRAPHS else paragraph
        )
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
