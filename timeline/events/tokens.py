"""Tokens with offsets, and which characters of a sentence are inside quotation marks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, count
from operator import add

#: Acronyms with periods (U.S.), words with inner apostrophes or hyphens, or single symbols.
#: The leading lookahead lets the search skip whitespace quickly, and a lower-case start is
#: tried first (it can match no other alternative), so the tokens are those of the plain pattern
#: `\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:[A-Z]\.){2,}|\w+(?:[’'\-.]\w+)*|[^\w\s]`. (No possessive
#: repeats: Python 3.10 has none.)
TOKEN_PATTERN = re.compile(
    r"(?=\S)(?:[a-z]\w*(?:[’'\-.]\w+)*|\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:[A-Z]\.){2,}"
    r"|\w+(?:[’'\-.]\w+)*|[^\w\s])"
)
OPENING_QUOTES = "“‘«"
CLOSING_QUOTES = "”’»"
CLAUSE_PUNCTUATION = frozenset(
    {",", ";", ":", "–", "—", "-", "(", ")", "“", "”", '"', "«", "»", "_", "``", "''"}
)
POSSESSIVE_SUFFIXES = ("’s", "'s", "s’", "s'")
#: Acronyms spelt like a function word, kept in capitals as their lower-cased form so that no
#: rule reads them as that word ("The WHO had ended": the organisation, not a relative pronoun).
ACRONYM_HOMOGRAPHS = frozenset({"WHO"})
APOSTROPHE_S = POSSESSIVE_SUFFIXES[:2]


@dataclass(slots=True, unsafe_hash=True)
class Token:
    """A token of a sentence: its text, lower-cased text and offsets in the sentence.

    Never modified once made (tokens are shared through `tokens_of`); not `frozen` only because
    a frozen dataclass's constructor costs half again as much, on the tokenizer's hot path.
    """

    text: str
    start: int
    end: int
    lower: str

    @property
    def is_capitalized(self) -> bool:
        """Whether the token starts with a capital letter (or is an acronym)."""
        return self.text[:1].isupper()

    @property
    def is_possessive(self) -> bool:
        """Whether the token ends with a possessive `'s`."""
        return self.text.endswith(APOSTROPHE_S) and len(self.text) > 2

    @property
    def bare(self) -> str:
        """The token without a possessive ending."""
        text = self.text
        if len(text) > 2 and text.endswith(APOSTROPHE_S):  # `is_possessive`, inlined
            return text[:-2]
        return text


def chunk_starts(text: str, chunks: list[str]) -> list[int]:
    """The offset of each of `chunks` (`text.split()`) in `text`: in a text with single
    spaces between chunks and none around them (most sentences), running sums of the chunk
    lengths; else each chunk is the first occurrence of its text after the previous one."""
    if " ".join(chunks) == text:  # chunk i starts after the i chunks and i spaces before it
        starts = list(map(add, accumulate(map(len, chunks), initial=0), count()))
        starts.pop()  # the text's length plus one
        return starts
    starts: list[int] = []
    end = 0
    for chunk in chunks:
        end = text.find(chunk, end)
        starts.append(end)
        end += len(chunk)
    return starts


def tokenize(text: str) -> list[Token]:
    """Tokens of a sentence with their offsets.

    No token holds or crosses whitespace, so the sentence is read chunk by chunk between
    whitespace (`str.split`); a chunk of letters and digits only (most of them) is one token,
    and so is each part of a word with one symbol after it (`said,`); only the others go
    through the pattern. Each token of such a chunk is the first occurrence of its text after
    the previous one: `str.find` gives the offsets without a match object per token.
    """
    tokens: list[Token] = []
    find = text.find
    findall = TOKEN_PATTERN.findall
    chunks = text.split()
    for chunk, start in zip(chunks, chunk_starts(text, chunks), strict=True):
        if chunk.isalnum():  # `\w+` and nothing else can match it
            lower = chunk if chunk in ACRONYM_HOMOGRAPHS else chunk.lower()
            tokens.append(Token(chunk, start, start + len(chunk), lower))
            continue
        head = chunk[:-1]
        last = chunk[-1]
        if head.isalnum() and not last.isalnum() and last != "_":
            # `\w+` then `[^\w\s]`: no other alternative can match a word and one symbol
            end = start + len(head)
            lower = head if head in ACRONYM_HOMOGRAPHS else head.lower()
            tokens.append(Token(head, start, end, lower))
            tokens.append(Token(last, end, end + 1, last.lower()))
            continue
        word_end = start
        for word in findall(chunk):
            word_start = find(word, word_end)
            word_end = word_start + len(word)
            tokens.append(Token(word, word_start, word_end, word.lower()))
    return tokens


@lru_cache(maxsize=256)
def lower_words(text: str) -> frozenset[str]:
    """The lower-case letter runs of a text, for a quick test of whether any word of a list
    stands in it before its tokens are read ("Mrs." gives "mrs")."""
    return frozenset(LETTER_RUN.findall(text.lower()))


LETTER_RUN = re.compile(r"[a-z]+")


@lru_cache(maxsize=512)
def tokens_of(text: str) -> tuple[Token, ...]:
    """Tokens of a sentence, cached (sentences are tokenized by several stages)."""
    return tuple(tokenize(text))


#: The quotation marks `quoted_mask` reads (PTB-style `` and '' included).
QUOTE_MARKS = ("“", "”", "«", "»", '"', "``", "''")


@lru_cache(maxsize=512)
def quoted_of(text: str) -> tuple[bool, ...]:
    """The quote mask of a sentence, cached; empty when the sentence has no quotation mark."""
    if not any(mark in text for mark in QUOTE_MARKS):  # substring tests: no pattern to run
        return ()
    return tuple(quoted_mask(text))


def is_quoted_at(mask: tuple[bool, ...], position: int) -> bool:
    """Whether the character at `position` is quoted, given a mask from `quoted_of`."""
    return bool(mask) and mask[position]


CONTINUED_QUOTE_CLOSE = re.compile(r'"\s+([a-z]+)\b')


@lru_cache(maxsize=1)
def reporting_forms() -> frozenset[str]:
    """Surface forms of the reporting verbs of the trigger lexicon (said, says, stated...)."""
    from timeline.events.lexicon import trigger_forms

    return frozenset(
        form for form, rows in trigger_forms().items() if any(r.speech for r, _ in rows)
    )


def continued_straight_quote(text: str) -> int | None:
    """The offset of a straight quote that closes a quotation begun in an earlier sentence: an
    odd number of straight quotes, the first one after a comma or stop and before a reporting
    verb (`... into the cloud, " said Jobs`); None otherwise."""
    if text.count('"') % 2 == 0:
        return None
    first = text.index('"')
    if not text[:first].rstrip().endswith((",", ".", "!", "?")):
        return None
    match = CONTINUED_QUOTE_CLOSE.match(text, first)
    if match is None or match.group(1) not in reporting_forms():
        return None
    return first


#: The characters that change the quoting state in `quoted_mask`.
MASK_QUOTES = re.compile('[“«”»"]')


def quoted_mask(text: str) -> list[bool]:
    """For each character, whether it lies inside quotation marks.

    Curly quotes pair by direction; straight double quotes pair in order. A closing quote with
    no opening one (a quotation continued from the previous sentence) quotes everything before
    it; an opening quote never closed quotes the rest of the sentence.
    """
    text = text.replace("``", "““").replace("''", "””")  # PTB-style quotes, same length
    mask = [False] * len(text)
    depth = 0
    straight_open = False
    first_close_seen = False
    continued = continued_straight_quote(text)
    if continued is not None:  # `into the cloud, " said Steve Jobs`: it closes a quotation
        mask[:continued] = [True] * continued
        text = text[:continued] + " " + text[continued + 1 :]
        first_close_seen = True
    # the state changes only at quote characters: fill the stretch up to the next one at once
    quotes = [match.start() for match in MASK_QUOTES.finditer(text)]
    for position, index in enumerate(quotes):
        char = text[index]
        if char == "“" or char == "«":
            depth += 1
        elif char in "”»":
            if depth == 0 and not first_close_seen and not straight_open:
                mask[:index] = [True] * index
            depth = max(0, depth - 1)
            first_close_seen = True
        else:  # a straight double quote
            straight_open = not straight_open
        if depth > 0 or straight_open:
            following = quotes[position + 1] if position + 1 < len(quotes) else len(text)
            mask[index:following] = [True] * (following - index)
    return mask
