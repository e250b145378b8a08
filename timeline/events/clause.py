"""Reading a clause: tokens with quotes and date phrases marked, auxiliaries, cue word sets.

The primitives the detector and the argument reader share: `TokenizedSentence` (tokens, quote
mask, blocked date-phrase tokens), the cue lists as sets (`cues()`), the auxiliary chain before a
verb, and small word tests.
"""

from __future__ import annotations

import bisect
import operator
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from timeline.events.lexicon import TriggerRow, cue_table, generic_table, trigger_forms
from timeline.events.names import places_in
from timeline.events.tokens import CLAUSE_PUNCTUATION, Token, quoted_of, tokens_of
from timeline.segment import abbreviations

PREPOSITIONS = frozenset(
    {
        "of",
        "by",
        "with",
        "in",
        "for",
        "at",
        "on",
        "to",
        "from",
        "against",
        "over",
        "into",
        "about",
        "within",
        "during",
        "amid",
        "across",
        "under",
        "through",
        "despite",
        "toward",
        "towards",
        "without",
        "after",
        "before",
    }
)
OBJECT_WINDOW = 12
TOKEN_START = operator.attrgetter("start")
MODAL_OR_TO = frozenset(
    {"will", "would", "shall", "can", "could", "may", "might", "must", "should", "to", "did"}
)
MAX_OBJECT_TOKENS = 18
MAX_SUBJECT_TOKENS = 30
VERBLIKE = frozenset(
    {
        "said",
        "says",
        "say",  # "supporters say his mother died": a verb, never a noun after a noun
        "believe",
        "insist",
        "argue",
        "made",
        "went",
        "took",
        "gave",
        "came",
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "did",
        "does",
        "told",
        "held",
        "sent",
        "put",
        "met",
    }
)


@dataclass(frozen=True)
class Cues:
    negation: frozenset[str]
    irrealis: frozenset[str]
    hypothetical: frozenset[str]
    future: frozenset[str]
    planning: frozenset[str]
    failure: frozenset[str]
    object_control: frozenset[str]
    causative: frozenset[str]
    document_subject: frozenset[str]
    announced_things: frozenset[str]
    gerund_preposition: frozenset[str]
    noun_modifiers: frozenset[str]
    present_be: frozenset[str]
    past_be: frozenset[str]
    be: frozenset[str]
    present_have: frozenset[str]
    past_have: frozenset[str]
    present_do: frozenset[str]
    past_do: frozenset[str]
    adverbs: frozenset[str]
    subordinators: frozenset[str]
    background: frozenset[str]
    continuation: frozenset[str]
    pronouns: frozenset[str]
    determiners: frozenset[str]
    temporal: frozenset[str]

    @cached_property
    def be_forms(self) -> frozenset[str]:
        """Every form of `be` (present, past, other)."""
        return self.present_be | self.past_be | self.be

    @cached_property
    def have_forms(self) -> frozenset[str]:
        """Every form of `have`."""
        return self.present_have | self.past_have

    @cached_property
    def present_forms(self) -> frozenset[str]:
        """Present-tense auxiliaries (be, have, do)."""
        return self.present_be | self.present_have | self.present_do

    @cached_property
    def unreal_or_future(self) -> frozenset[str]:
        """Negation, irrealis modals and future auxiliaries."""
        return self.negation | self.irrealis | self.future

    @cached_property
    def object_stops(self) -> frozenset[str]:
        """Subordinators that end an object (not `and`, `or`)."""
        return self.subordinators - {"and", "or"}

    @cached_property
    def subject_stops(self) -> frozenset[str]:
        """Subordinators that end a subject read backwards (not `and`, `or`, `than`)."""
        return self.subordinators - {"and", "or", "than"}

    @cached_property
    def determiners_or_prepositions(self) -> frozenset[str]:
        """Determiners and prepositions."""
        return PREPOSITIONS | self.determiners

    @cached_property
    def auxiliary_chain(self) -> frozenset[str]:
        """Words that may stand between a subject and its verb (built once, not per verb)."""
        return (
            self.present_be
            | self.past_be
            | self.be
            | self.present_have
            | self.past_have
            | self.present_do
            | self.past_do
            | self.future
            | self.irrealis
            | self.negation
            | self.adverbs
            | {"to", "going", "not"}
        )


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The cue lists as sets."""
    table = cue_table()
    aux = table.auxiliaries
    return Cues(
        negation=table.words("negation"),
        irrealis=table.words("irrealis_modal"),
        hypothetical=table.words("hypothetical"),
        future=table.words("future"),
        planning=table.words("planning"),
        failure=table.words("failure"),
        object_control=table.words("object_control"),
        causative=table.words("causative"),
        document_subject=table.words("document_subject"),
        announced_things=table.words("announced_things"),
        gerund_preposition=table.words("gerund_preposition"),
        noun_modifiers=table.words("noun_modifiers"),
        present_be=frozenset(aux.present_be),
        past_be=frozenset(aux.past_be),
        be=frozenset(aux.be),
        present_have=frozenset(aux.present_have),
        past_have=frozenset(aux.past_have),
        present_do=frozenset(aux.present_do),
        past_do=frozenset(aux.past_do),
        adverbs=frozenset(table.adverbs),
        subordinators=frozenset(table.subordinators),
        background=frozenset(table.background_adverbs),
        continuation=frozenset(table.continuation_adverbs),
        pronouns=frozenset(table.pronouns),
        determiners=frozenset(table.determiners),
        temporal=frozenset(table.temporal_words),
    )


def singular(word: str) -> str:
    """A crude singular for matching object nouns."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def object_key(row: TriggerRow, lower: str) -> str | None:
    """The object noun of `row` a lower-case word stands for: the word, else its singular
    (only a word ending in -s has one other than itself)."""
    objects = row.objects
    if lower in objects:
        return lower
    if lower.endswith("s"):
        single = singular(lower)
        if single in objects:
            return single
    return None


def blocked_indexes(tokens: list[Token], spans: list[tuple[int, int]]) -> set[int]:
    """Indexes of tokens starting inside any span, found by bisection on the token starts
    (tokens come in order) rather than by reading every token."""
    found: set[int] = set()
    for start, end in spans:
        first = bisect.bisect_left(tokens, start, key=TOKEN_START)
        found.update(range(first, bisect.bisect_left(tokens, end, lo=first, key=TOKEN_START)))
    return found


@lru_cache(maxsize=1)
def _continuation_pattern() -> re.Pattern[str]:
    phrases = sorted(cue_table().continuation_phrases, key=len, reverse=True)
    # the lookahead on first characters only lets the search skip most positions quickly
    firsts = "".join(sorted({re.escape(phrase[0]) for phrase in phrases if phrase}))
    return re.compile(
        (rf"(?=[{firsts}])" if firsts else "")
        + r"\b(?:"
        + "|".join(re.escape(p) for p in phrases)
        + r")\b",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _continuation_phrases() -> tuple[str, ...] | None:
    """The continuation phrases in lower case, when all are ASCII (else None)."""
    phrases = cue_table().continuation_phrases
    if not all(phrase.isascii() for phrase in phrases):
        return None
    return tuple(phrase.lower() for phrase in phrases)


def continues_episode(text: str) -> bool:
    """Whether a sentence says it follows what was just told ("within hours", "in response").

    Most sentences hold none of the phrases: in an ASCII sentence, substring tests on its
    lower-cased text rule them out before the pattern runs."""
    phrases = _continuation_phrases()
    if phrases is not None and text.isascii():
        lowered = text.lower()
        if not any(phrase in lowered for phrase in phrases):
            return False
    return bool(_continuation_pattern().search(text))


#: What separates the date of a timeline entry from its event.
TIMELINE_DASHES = frozenset({"-", "–", "—", ":"})


class TokenizedSentence:
    """A tokenized sentence with its quote mask and blocked (temporal) token indexes."""

    def __init__(self, text: str, blocked: list[tuple[int, int]]) -> None:
        self.text = text
        self.tokens = list(tokens_of(text))
        self.quoted = quoted_of(text)
        self.blocked = blocked_indexes(self.tokens, blocked)
        self._last_index: dict[str, int] | None = None
        self._places: list[str] | None = None
        self._continues: bool | None = None

    @property
    def places(self) -> list[str]:
        """Places named in the sentence (read once per sentence, not once per trigger)."""
        if self._places is None:
            self._places = places_in(self.tokens)
        return self._places

    @cached_property
    def timeline_dash(self) -> int | None:
        """Where the dash of a timeline entry stands, if the sentence is one: a date, a dash,
        then what happened, told in the present ("May 20, 2023 - The warring sides sign")."""
        position = 0
        while position in self.blocked:
            position += 1
        if 0 < position < len(self.tokens) and self.tokens[position].text in TIMELINE_DASHES:
            return position
        return None

    @property
    def is_timeline_entry(self) -> bool:
        return self.timeline_dash is not None

    @property
    def continues_episode(self) -> bool:
        """Whether the sentence says it follows what was just told (read once per sentence)."""
        if self._continues is None:
            self._continues = continues_episode(self.text)
        return self._continues

    def is_quoted(self, index: int) -> bool:
        return bool(self.quoted) and self.quoted[self.tokens[index].start]

    def is_boundary(self, index: int) -> bool:
        token = self.tokens[index]
        return token.text in CLAUSE_PUNCTUATION or token.lower in cues().subordinators

    def occurs_after(self, word: str, index: int) -> bool:
        """Whether a (lower-case) word occurs after token `index`."""
        if self._last_index is None:
            self._last_index = {token.lower: i for i, token in enumerate(self.tokens)}
        return self._last_index.get(word, -1) > index

    def lower(self, index: int) -> str:
        return self.tokens[index].lower if 0 <= index < len(self.tokens) else ""

    def date_run_start(self, index: int) -> int:
        """Where the run of date-phrase (blocked) tokens right before `index` starts; `index`
        itself when the token before it is no date's."""
        while index > 0 and index - 1 in self.blocked:
            index -= 1
        return index


NOT_ADVERBS = frozenset(
    {
        "family",
        "assembly",
        "rally",
        "ally",
        "supply",
        "reply",
        "anomaly",
        "monopoly",
        "bully",
        "folly",
        "tally",
        "belly",
        "jelly",
        "holly",
        "lily",
        "homily",
        "italy",
        "july",
    }
)


def is_ly_adverb(word: str) -> bool:
    """A lower-case -ly word that is an adverb ("officially"), not a noun ("family")."""
    return word.islower() and word.endswith("ly") and len(word) > 4 and word not in NOT_ADVERBS


#: Words before `than` that make an adverb of degree before a verb ("more than tripled").
AMOUNT_ADVERBS = frozenset({"more", "less"})


def auxiliary_chain(sentence: TokenizedSentence, index: int) -> tuple[int, list[str]]:
    """Index of the first auxiliary/adverb before the trigger and those words, in order; a
    date is none ("in May found": the month, not the modal)."""
    allowed = cues().auxiliary_chain
    start = index
    blocked = sentence.blocked
    while start > 0 and start - 1 not in blocked:
        previous = sentence.tokens[start - 1]
        lower = previous.lower
        if lower == "than" and start > 1 and sentence.lower(start - 2) in AMOUNT_ADVERBS:
            start -= 2  # "have more than tripled": an adverb of degree
            continue
        if previous.text[:1].isupper() and start > 1 and sentence.tokens[start - 2].is_capitalized:
            break  # "Theresa May triggers", "Gen. Will Smith": a surname, not a modal
        if lower in allowed or is_ly_adverb(previous.text) or lower.endswith(("n't", "n’t")):
            start -= 1
            continue
        break
    return start, [token.lower for token in sentence.tokens[start:index]]


def ends_sentence(sentence: TokenizedSentence, index: int) -> bool:
    """Whether a period ends the sentence (not `Jan. 19`, an initial `Timothy D. Cook` or a
    stray mid-sentence period)."""
    following = sentence.tokens[index + 1 :][:1]
    initial = index > 0 and len(sentence.tokens[index - 1].text) == 1
    if initial and sentence.tokens[index - 1].text.isupper():
        return False
    if following and index > 0 and sentence.lower(index - 1) in abbreviations():
        return False  # "killed Dr. Barnett Slepian": an abbreviation's period
    return not following or following[0].is_capitalized


@lru_cache(maxsize=1)
def verb_stops() -> frozenset[str]:
    """Words that end a subject read backwards: auxiliaries, inflected trigger verbs and
    irregular past forms unlike their base ("Police found the man stabbed": not a subject
    "Police found the man"), except those that also modify nouns ("the left", "spent fuel")."""
    c = cues()
    inflected = {
        form
        for form, rows in trigger_forms().items()
        if any(kind in {"past", "participle", "gerund"} for _, kind in rows)
    }
    irregular = {
        form
        for form, lemma in generic_table().irregular_pasts.items()
        if form != lemma and form not in NOUN_MODIFYING_PASTS
    }
    return (c.auxiliary_chain - c.adverbs - {"to", "not"}) | inflected | irregular


#: Irregular past forms that also stand before or for nouns in a subject ("the left", "a born
#: leader", "spent fuel", "lost files", "stolen cars" has its own form).
NOUN_MODIFYING_PASTS = frozenset({"left", "born", "spent", "lost", "laid", "lit", "bit"})
