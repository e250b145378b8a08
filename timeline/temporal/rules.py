"""Rule and lexicon tables of the temporal tagger: schemas, loading and pattern compilation.

Rules live in ``resources/en/temporal/rules.json`` and word tables in ``lexicon.json``. A rule
pattern refers to tables by name: ``{month}`` becomes a named group ``month`` matching any word
of the ``month`` table, ``{month:end_month}`` names the group ``end_month``, ``{~month}`` is a
non-capturing group, and ``{@number}`` / ``{@number:count}`` expand a macro of the lexicon.
A group named ``span`` (when present) is the expression's span; the rest of the match is context.
A trailing digit tells apart alternatives of one group (``shift2`` is read as ``shift``).
A rule runs only in windows of its `reach` around its anchors (words, digit runs or text
anchors found in one scan of the text), which keeps tagging fast and linear.
"""

from __future__ import annotations

import codecs
import json
import re
import string
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt

from timeline.models import TimexType
from timeline.resources import read_resource_text

LANGUAGE = "en"
_PLACEHOLDER = re.compile(r"\{([~@]?)([a-z_][a-z_0-9]*)(?::([a-z_0-9]+))?\}")


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleExample(_Row):
    """A text the rule must tag: the expected span and TIMEX3 value (and optionally more)."""

    text: str
    span: str
    value: str
    type: TimexType | None = None
    mod: str | None = None
    reference: str | None = Field(
        default="2021-01-20", description="ISO reference date, or null for no reference."
    )


class Rule(_Row):
    """One rule row: a pattern over the text, the normalizer that turns a match into a value."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    description: str
    pattern: str
    type: TimexType
    normalizer: str
    params: dict[str, Any] = Field(default_factory=dict)
    anchors: list[str] = Field(
        min_length=1,
        description="Where the rule can match: table names, digit or text anchor classes of "
        "the lexicon, or literal words. Every match holds one; the rule only runs near them.",
    )
    reach: tuple[NonNegativeInt, NonNegativeInt] = Field(
        default=(36, 40),
        description="Characters a match can reach before an anchor word's start and after its "
        "end, lookaheads included: the rule runs in that window around each anchor (the "
        "default fits any modifier; a tighter one makes the rule cheaper).",
    )
    anchors_anaphora: bool = Field(
        default=True,
        description="Whether a date this rule finds is an explicit date that later anaphora "
        "('the following day') count from. False for offsets like 'a year ago'.",
    )
    examples: list[RuleExample] = Field(min_length=1)
    negatives: list[str] = Field(default_factory=list)


class RuleTable(_Row):
    """The whole rules file."""

    description: str
    rules: list[Rule]


class RangeWords(_Row):
    """Words that make dates into ranges: "since 2015" (open), "from 2015 to 2018" (closed)."""

    open_start: list[str] = Field(description="Words before a date that starts an open range.")
    open_from_until_words: list[str] = Field(
        description="Words after a date that, with 'from' before it, start an open range "
        "('from 2015 on'); 'from' alone is as often a source or a point of comparison ('a "
        "poster from 1989', 'down 6% from Oct. 13')."
    )
    closed: list[tuple[str, str]] = Field(
        description="(word before the first date, word between the two dates); '' for none."
    )
    end_moved_forward: dict[str, Literal["week", "year"]] = Field(
        description="Rules whose dates, resolved without a year or week of their own, end a "
        "range a week or a year later when they would fall before its start ('from Monday to "
        "Friday', 'from November to February')."
    )


class TenseCues(_Row):
    """Words that tell whether a clause speaks of the future ("will ... on Monday")."""

    future: list[str] = Field(
        description="Future cues anywhere in the last three words (present tense counts: "
        "'the vote is Tuesday', 'they meet Monday' are planned, as in HeidelTime)."
    )
    strong_future: list[str] = Field(description="Future cues anywhere earlier in the sentence.")
    weak_future: list[str] = Field(
        description="Future cues that need a strong cue too ('by Monday' after 'had filed')."
    )
    past: list[str] = Field(description="Past verbs that make the clause past when near.")
    past_suffix: str = Field(description="Suffix of regular past verbs.")
    passive: list[str] = Field(description="Auxiliaries before a past participle (not past).")
    past_perfect: list[str] = Field(
        default_factory=list,
        description="Words that, right before a future cue, put the plan in the past ('had "
        "been due to expire Friday' is last Friday).",
    )
    scheduled_present: list[str] = Field(
        default_factory=list,
        description="Present verbs of a schedule that tell the future anywhere earlier in the "
        "clause when no past verb follows them ('Apple opens a new store on Saturday').",
    )


class Lexicon(_Row):
    """Word tables (lowercase word -> meaning) and pattern macros."""

    description: str
    tables: dict[str, dict[str, Any]]
    macros: dict[str, str]
    ranges: RangeWords
    duration_fractions: dict[str, tuple[str, int]] = Field(
        default_factory=dict,
        description="Unit -> (smaller unit, how many in one): a fractional count is written "
        "with the smaller unit (2.5 years -> P2Y6M). 'TM' is minutes (time part).",
    )
    tense_cues: TenseCues
    comparison_words: list[str] = Field(
        default_factory=list,
        description="Words that make the quarter right after them a point of comparison "
        "('after a flat second quarter'), not the quarter a report is about.",
    )
    longer_periods: list[str] = Field(
        default_factory=list,
        description="Report periods longer than a quarter ('nine months'): in their sentence "
        "'a year earlier' is the year before, not the quarter before.",
    )
    digit_anchors: dict[str, str] = Field(
        description="Anchor classes of digit runs (name -> regex a whole run must match)."
    )
    table_guards: dict[str, str] = Field(
        default_factory=dict,
        description="A lookahead appended to a table's words wherever they match (e.g. 'May' "
        "followed by a verb is the modal, not the month).",
    )
    text_anchors: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Anchor classes found by regexes over the whole text (e.g. 'p.m.', '10:30'); "
        "each regex starts with one literal character (the regex engine then jumps from one "
        "occurrence of it to the next: an alternation of several would try every position).",
    )
    sentence_abbreviations: list[str] = Field(
        default_factory=list,
        description="Words whose trailing period ends no sentence ('Mr.', 'Corp.').",
    )
    capitalized_tables: list[str] = Field(
        default_factory=list, description="Tables whose words must start with a capital letter."
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The word tables, validated (loaded once, on first use)."""
    return Lexicon.model_validate(json.loads(read_resource_text(LANGUAGE, "temporal/lexicon.json")))


@lru_cache(maxsize=1)
def load_rules() -> RuleTable:
    """The rule rows, validated (loaded once, on first use)."""
    table = RuleTable.model_validate(
        json.loads(read_resource_text(LANGUAGE, "temporal/rules.json"))
    )
    lexicon = load_lexicon()
    for rule in table.rules:
        for anchor in rule.anchors:
            known = (
                anchor in lexicon.tables
                or anchor in lexicon.digit_anchors
                or anchor in lexicon.text_anchors
            )
            if not known and not re.fullmatch(r"[a-z]{3,}", anchor):
                raise ValueError(f"rule {rule.id}: anchor {anchor!r} is no table or word")
    ids = [rule.id for rule in table.rules]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise ValueError(f"duplicate rule ids: {sorted(duplicates)}")
    return table


@lru_cache(maxsize=4096)
def table_key(word: str) -> str:
    """The lookup key of a matched word: lowercase, single spaces, no trailing period."""
    return " ".join(word.lower().replace("-", " ").split()).rstrip(".")


@lru_cache(maxsize=1)
def table_index() -> dict[str, dict[str, Any]]:
    """Tables keyed by `table_key`, for looking up matched words."""
    return {
        name: {table_key(word): value for word, value in table.items()}
        for name, table in load_lexicon().tables.items()
    }


def lookup(table: str, word: str) -> Any:
    """The meaning of `word` in `table` (KeyError when absent)."""
    return table_index()[table][table_key(word)]


Atoms = list[str]


def trie_regex(words: list[tuple[Atoms, str]]) -> str:
    """One regex for many words, folded into a prefix tree: matching a position then costs a
    few character tests instead of one test per word. Each word is its atoms (one regex piece
    per character) and the regex that must follow its last atom."""
    tree: dict[str, dict] = {}
    for atoms, end in words:
        node = tree
        for atom in atoms:
            node = node.setdefault(atom, {})
        node.setdefault("", {})[end] = {}

    def render(node: dict[str, dict]) -> str:
        branches = [atom + render(child) for atom, child in node.items() if atom]
        branches += list(node.get("", {}))  # word ends after longer continuations
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return render(tree)


def _word_atoms(word: str) -> tuple[Atoms, str]:
    """A table word as trie atoms: flexible whitespace and hyphens, a word boundary at the end,
    and an optional period after abbreviations (written with a trailing '.' in the table)."""
    core = word.rstrip(".").lower()
    atoms = [
        r"\s+" if char == " " else r"[-\s]?" if char == "-" else re.escape(char) for char in core
    ]
    end = (r"\b" if core[-1:].isalnum() else "") + (r"\.?" if word.endswith(".") else "")
    return atoms, end


@cache
def table_pattern(name: str) -> str:
    """A non-capturing regex matching any word of a table (case-insensitively)."""
    lexicon = load_lexicon()
    words = list(lexicon.tables[name])
    body = trie_regex([_word_atoms(word) for word in words])
    if all(word[:1].isalnum() for word in words):
        body = r"\b" + body
    if name in lexicon.capitalized_tables:
        body = f"(?=(?-i:[A-Z])){body}"
    return f"(?:{body}){lexicon.table_guards.get(name, '')}"


def expand_pattern(pattern: str, depth: int = 0) -> str:
    """Replace table and macro placeholders of a rule pattern by regex."""
    if depth > 5:
        raise ValueError(f"macro nesting too deep in {pattern!r}")

    def replace(match: re.Match[str]) -> str:
        kind, name, group = match.groups()
        if kind == "@":
            body = f"(?:{expand_pattern(load_lexicon().macros[name], depth + 1)})"
            return f"(?P<{group}>{body})" if group else body
        body = table_pattern(name)
        if kind == "~":
            return body
        return f"(?P<{group or name}>{body})"

    return _PLACEHOLDER.sub(replace, pattern)


MATCH_START = r"(?<!\w)(?=[\w'’])"
"""Every match starts a word (or an abbreviated year like '98): checking this first lets the
regex engine skip most positions of a window at once."""


@lru_cache(maxsize=1)
def compiled_rules() -> tuple[tuple[Rule, re.Pattern[str]], ...]:
    """Every rule with its compiled pattern, in priority order (compiled once)."""
    return tuple((rule, compile_rule(rule)) for rule in load_rules().rules)


def compile_rule(rule: Rule) -> re.Pattern[str]:
    """A rule's expanded pattern, compiled case-insensitively."""
    try:
        return re.compile(MATCH_START + expand_pattern(rule.pattern), re.IGNORECASE)
    except re.error as error:
        raise ValueError(f"rule {rule.id}: bad pattern: {error}") from error


_TOKEN = re.compile(r"[^\W\d_]{3,}|\d+")


def _anchor_part(word: str) -> str:
    """The part of a table word that anchors it: its first word of three letters or more
    other than "the" (one is enough: the whole word is inside any match; "new year's day"
    anchors on "new", not on the frequent "year" and "day")."""
    parts = re.findall(r"[^\W\d_]{3,}", word)
    return next((part for part in parts if part != "the"), parts[0] if parts else word)


@lru_cache(maxsize=1)
def anchor_index() -> dict[str, frozenset[str]]:
    """Word -> the anchor names it stands for (a table's words, or a literal anchor word)."""
    index: dict[str, set[str]] = {}
    lexicon = load_lexicon()
    for rule in load_rules().rules:
        for anchor in rule.anchors:
            if anchor in lexicon.digit_anchors or anchor in lexicon.text_anchors:
                continue
            table = load_lexicon().tables.get(anchor)
            words = [anchor] if table is None else [table_key(word) for word in table]
            for word in words:
                index.setdefault(_anchor_part(word), set()).add(anchor)
    return {word: frozenset(names) for word, names in index.items()}


@lru_cache(maxsize=1)
def digit_anchor_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The digit-run anchor classes (e.g. year-like runs), compiled."""
    return tuple((name, re.compile(body)) for name, body in load_lexicon().digit_anchors.items())


@lru_cache(maxsize=1)
def text_anchor_patterns() -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    """The text anchor classes, compiled. Each regex starts with a literal character (checks on
    what comes before are lookbehinds), which lets the regex engine skip to candidates quickly."""
    return tuple(
        (name, tuple(re.compile(body) for body in bodies))
        for name, bodies in load_lexicon().text_anchors.items()
    )


@lru_cache(maxsize=1)
def anchor_word_trie() -> str:
    """One regex of all anchor words (lowercase ASCII letters), each ending a word."""
    words = sorted(anchor_index())
    if not all(word.isascii() and word.isalpha() for word in words):
        raise ValueError("anchor words must be ASCII letters (the anchor scan relies on it)")
    return trie_regex([([re.escape(char) for char in word], r"\b") for word in words])


@lru_cache(maxsize=1)
def anchor_word_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Find anchor words in case-folded text (see `fold_case`): matching lowercase text
    case-sensitively is about twice as fast as IGNORECASE. The first pattern finds a word at
    the start of the text; the second one after a non-word character, which it takes too
    (anchor words start with a letter, so that is the word boundary before them): starting
    with a character class lets the regex engine jump from one non-word character to the
    next instead of trying every position (group ``word`` is the word)."""
    trie = anchor_word_trie()
    return re.compile(trie), re.compile(rf"\W(?P<word>{trie})")


@lru_cache(maxsize=1)
def ascii_anchor_word_patterns() -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """`anchor_word_patterns` for an ASCII view whose non-word bytes are all spaces (see
    `ascii_view`): the second pattern starts with one literal character, a space, which lets
    the regex engine jump from one space to the next as fast as a string search."""
    trie = anchor_word_trie().encode()
    return re.compile(trie), re.compile(rb" (?P<word>" + trie + rb")")


_DIGIT_RUN = re.compile(r"\d+")
_ZERO_RUN = re.compile(rb"00*")
"""A digit run in an ASCII view whose digits are all zeros (see `_DIGITS_AS_ZEROS`)."""

_WORD_BYTES = frozenset((string.ascii_letters + string.digits + "_").encode())
_NON_WORD_AS_SPACE = bytes(byte if byte in _WORD_BYTES else 0x20 for byte in range(256))
_DIGITS_AS_ZEROS = bytes(0x30 if byte in string.digits.encode() else 0x20 for byte in range(256))

_STAND_IN_ERRORS = "timeline-anchor-stand-in"


def _ascii_stand_ins(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: each non-ASCII character as one ASCII character that plays its
    part in the anchor scan: '0' for a decimal digit (\\d), '_' for another word character
    (\\w: it joins letters into a word but belongs to no anchor word), ' ' for the rest."""
    assert isinstance(error, UnicodeEncodeError)
    chars = error.object[error.start : error.end]
    stand_ins = ("0" if c.isdecimal() else "_" if c.isalnum() else " " for c in chars)
    return "".join(stand_ins), error.end


@cache
def _stand_in_errors() -> str:
    """The name of the `_ascii_stand_ins` error handler, registered on first use."""
    codecs.register_error(_STAND_IN_ERRORS, _ascii_stand_ins)
    return _STAND_IN_ERRORS


def ascii_view(folded: str) -> bytes | None:
    """Case-folded text (see `fold_case`) as ASCII bytes, one per character: non-ASCII
    characters become stand-ins of the same regex class (see `_ascii_stand_ins`). Anchor words
    are ASCII, so the view has the same anchor words and digit runs at the same offsets, and
    scans much faster. None for text with many non-ASCII characters (more than about one in
    50): each run of them costs a call of the error handler, and scanning the text as it is
    is then faster."""
    if folded.isascii():
        return folded.encode("ascii")
    extra_bytes = len(folded.encode("utf-8", "surrogatepass")) - len(folded)
    if extra_bytes > len(folded) // 32:
        return None
    return folded.encode("ascii", _stand_in_errors())


def fold_case(text: str) -> str:
    """`text` lowercased with its length kept (the one letter whose lowercase is two
    characters, dotted capital I, becomes a plain i), so offsets stay valid."""
    return text.replace("\u0130", "i").lower()


def digit_anchor_names(run: str) -> tuple[str, ...]:
    """The digit anchor classes a whole digit run belongs to."""
    return tuple(name for name, pattern in digit_anchor_patterns() if pattern.fullmatch(run))


short_digit_anchor_names = lru_cache(maxsize=4096)(digit_anchor_names)
"""`digit_anchor_names` cached, for the short runs that repeat (years, days, amounts)."""


def anchor_word_spans(folded: str) -> Iterator[tuple[str, tuple[int, int]]]:
    """Anchor words of case-folded text with their spans, in text order: each a whole word (a
    letter run of its own: "mayday" holds no "may")."""
    at_start, after_non_word = anchor_word_patterns()
    first = at_start.match(folded)
    if first is not None:
        yield first.group(), first.span()
    for token in after_non_word.finditer(folded):
        yield token.group("word"), token.span("word")


def ascii_anchor_word_spans(view: bytes) -> Iterator[tuple[bytes, tuple[int, int]]]:
    """`anchor_word_spans` of an ASCII view (see `ascii_view`)."""
    at_start, after_space = ascii_anchor_word_patterns()
    words = view.translate(_NON_WORD_AS_SPACE)  # a word starts at 0 or after a space
    first = at_start.match(words)
    if first is not None:
        yield first.group(), first.span()
    for token in after_space.finditer(words):
        yield token.group("word"), token.span("word")


@lru_cache(maxsize=1)
def anchor_bytes_index() -> dict[bytes, frozenset[str]]:
    """`anchor_index` keyed by the ASCII bytes of each word, as an ASCII view holds it."""
    return {word.encode(): names for word, names in anchor_index().items()}


def anchor_positions(text: str) -> dict[str, list[tuple[int, int]]]:
    """Spans of the anchor words and digit runs of `text`, grouped by anchor name.

    Linear scans (words, digit runs, text anchors), of an ASCII view of the text when it has
    few non-ASCII characters; rules then only run in small windows around their own anchors.
    Word and digit anchor names differ, so each name's spans come in text order.
    """
    found: dict[str, list[tuple[int, int]]] = {}
    folded = fold_case(text)
    view = ascii_view(folded)
    words: Iterator[tuple[Any, tuple[int, int]]]
    runs: Iterator[re.Match[Any]]
    if view is not None:
        index: dict[Any, frozenset[str]] = anchor_bytes_index()
        words = ascii_anchor_word_spans(view)
        runs = _ZERO_RUN.finditer(view.translate(_DIGITS_AS_ZEROS))
    else:
        index = anchor_index()
        words = anchor_word_spans(folded)
        runs = _DIGIT_RUN.finditer(folded)
    for word, span in words:
        for name in index[word]:
            found.setdefault(name, []).append(span)
    for token in runs:
        start, end = token.span()
        run = text[start:end]
        names = short_digit_anchor_names(run) if len(run) <= 8 else digit_anchor_names(run)
        for name in names:
            found.setdefault(name, []).append((start, end))
    for name, patterns in text_anchor_patterns():
        spans = [match.span() for pattern in patterns for match in pattern.finditer(text)]
        if spans:
            found[name] = sorted(spans) if len(patterns) > 1 else spans
    return found
