"""Detection: which words of a sentence report an event, with status, tense and arguments.

Sentence-level and pure: `detect(text, blocked)` finds trigger words (lexicon rows), then keeps
the ones in a finite, affirmative, factual clause outside quotation marks. Negated, modal,
hypothetical, infinitive and quoted clauses are not events (a purpose clause of a past event,
"returned to the stage to reveal", is one); `will`/`plan to` make an event planned, a
progressive makes it ongoing. A word every lexicon row rejects still reaches the generic
(out-of-lexicon, dated) detector. Everything read off the whole sentence is read once per
sentence (`TokenizedSentence`), so detection stays linear in the sentence's length. `blocked`
spans (temporal expressions) are skipped when reading subjects and objects.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

from timeline.events.arguments import (
    CLAUSE_COORDINATORS,
    DATE_INTRODUCERS,
    DATE_QUALIFIERS,
    PLACE_WORDS,
    VERB_PARTICLES,
    actors_of,
    clause_subject,
    clean_phrase,
    complement_start,
    dateline_end,
    ends_relative_clause,
    finite_verb_follows,
    inserted_after_opening_name,
    is_document,
    is_noun_like,
    is_object_participle,
    is_relative,
    modifies_noun_before,
    names_appositive,
    object_range,
    object_tokens,
    outside_parentheses,
    relative_antecedent,
    sentence_subject,
    span_text,
    starts_contact_clause,
    subject_antecedent,
    subject_range,
    targets_of,
)
from timeline.events.clause import (
    OBJECT_WINDOW,
    PREPOSITIONS,
    VERBLIKE,
    TokenizedSentence,
    auxiliary_chain,
    cues,
    ends_sentence,
    is_ly_adverb,
    object_key,
    singular,
    verb_stops,
)
from timeline.events.lexicon import TriggerRow, cue_table, generic_table, trigger_forms
from timeline.events.names import names_in
from timeline.events.tokens import CLAUSE_PUNCTUATION, QUOTE_MARKS, Token, reporting_forms
from timeline.lazy import lazy_property
from timeline.models import EventStatus

Tense = Literal["past", "present", "future"]
CLAUSE_END = CLAUSE_PUNCTUATION | {"."}
PREPOSITIONS_BUT_TO = PREPOSITIONS - {"to"}
ARTICLES_OR_PREPOSITIONS = PREPOSITIONS | {"a", "an"}
QUANTIFIERS = frozenset(
    {"all", "some", "many", "several", "both", "other", "these", "those", "such", "most", "few"}
)
NEGATED = ("n't", "n’t")
#: Subjects that take a present verb in its base form ("they agree").
BASE_SUBJECTS = frozenset({"they", "we", "i", "you"})
FINITE_VERBS = VERBLIKE | {"was", "were", "is", "are", "has", "have", "had", "will", "would"}


#: Adjectives right after a past participle that make it a passive ("found guilty", "found
#: dead", "declared dead"): an active verb would have its object first ("found him guilty").
PASSIVE_COMPLEMENTS = frozenset({"guilty", "dead", "innocent", "liable", "missing", "alive"})
#: How far after a reporting verb the `that` of what was said may stand.
REPORTED_THAT_WINDOW = 12


@dataclass(frozen=True)
class FixedArguments:
    """A detection's arguments, read when it was made (nominal detections)."""

    subject: str = ""
    object_text: str = ""
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    continuation: bool = False
    object_end: int = 0
    anchor_end: int = 0
    reported_before: str = ""
    reported_after: str = ""


class ClauseArguments:
    """A verb detection's arguments, read off its clause on first use.

    Anchoring drops about half of the detections (an undated generic verb, a lone `said`),
    most of them before their actors, targets or places are read, and the object's extent is
    read only to find a governing date phrase or to tell the event.
    """

    def __init__(
        self,
        sentence: TokenizedSentence,
        trigger: Token,
        subject: tuple[int, int],
        object_start: int,
        keep_that: bool,
        speech: bool,
        cue_index: int | None,
        event_type: str,
        passive: bool,
        inverted: bool,
        chain_words: set[str],
    ) -> None:
        self.sentence = sentence
        self.trigger = trigger
        self.subject_start, self.subject_end = subject
        self.subject_tokens = sentence.tokens[self.subject_start : self.subject_end]
        self.object_start = object_start
        self.keep_that = keep_that
        self.speech = speech
        self.cue_index = cue_index
        self.event_type = event_type
        self.passive = passive
        self.inverted = inverted
        self.chain_words = chain_words

    @lazy_property
    def object_range(self) -> tuple[int, int]:
        """Token range of the object, cut at the clause boundary (none after an inverted
        subject: "..., said Jobs")."""
        if self.inverted:
            return self.subject_end, self.subject_end
        return object_range(self.sentence, self.object_start, self.keep_that)

    @lazy_property
    def object_tokens(self) -> list[Token]:
        """The object's tokens without date phrases and leading adverbs; for a relative
        clause without an object of its own, the noun phrase it refers to."""
        sentence = self.sentence
        obj = object_tokens(sentence, *self.object_range)
        adverbs = cues().adverbs
        while obj and obj[0].lower in adverbs:
            obj = obj[1:]  # "meet again to discuss"
        if obj and obj[0].lower in {"and", "but", "or"}:
            obj = []  # "retired in 2001 and later taught": the next clause, no object
        antecedent = relative_antecedent(sentence, self.subject_start)
        if antecedent and (not obj or obj[0].lower in PREPOSITIONS):
            obj = antecedent + obj  # "the law, which Beijing imposed on the city": the law
        elif (
            antecedent
            and starts_with_date(sentence, self.object_start)
            and antecedent[-1].lower not in ADVERBIAL_GAP_NOUNS
            and antecedent[-1].lower not in cues().temporal
            and starts_contact_clause(sentence, self.subject_start)
        ):
            obj = antecedent  # "a program the drugmaker unveiled in March saved": the program
        return obj

    @lazy_property
    def object_end(self) -> int:
        """Where the object ends in the sentence (the trigger's end without an object)."""
        begin, finish = self.object_range
        return self.sentence.tokens[finish - 1].end if finish > begin else self.trigger.end

    @lazy_property
    def anchor_end(self) -> int:
        """Where the clause's own date phrases end: a reported clause's start, else the
        object's end."""
        _, finish = self.object_range
        start = complement_start(
            self.sentence, self.object_start, finish, self.keep_that, self.speech
        )
        return start or self.object_end

    @lazy_property
    def subject(self) -> str:
        return clean_phrase(self.subject_tokens)

    @lazy_property
    def reported_before(self) -> str:
        """For speech, the unquoted clause before a trailing attribution ("Banks will stay
        shut until Tuesday, the central bank announced": "Banks will stay shut"), without its
        date phrases; else ""."""
        sentence = self.sentence
        attribution = self.subject_start - 1 if self.inverted else self.subject_start
        if attribution < 3 or sentence.tokens[attribution - 1].text != ",":
            return ""
        closing = closing_comma(sentence, attribution)
        if not self.inverted and names_appositive(sentence, attribution - 1, closing):
            return ""  # "The company's founder, Mark Zuckerberg, apologized": the subject
        begin = dateline_end(sentence.tokens[: attribution - 1])  # "BUDAPEST, Hungary (AP)_"
        before = sentence.tokens[begin : attribution - 1]
        if any(token.text in QUOTE_MARKS or token.text in "‘’'_—–" for token in before):
            return ""  # a quotation, or a dash inside
        clause = reported_clause(object_tokens(sentence, begin, attribution - 1))
        return span_text(sentence, clause) if len(clause) > 1 else ""

    @lazy_property
    def reported_after(self) -> str:
        """For speech, the clause after `that` following a prepositional phrase ("said in an
        interview last year that he would never return": "he would never return"), without
        its date phrases; else ""."""
        sentence = self.sentence
        if not self.speech:
            return ""
        last = min(len(sentence.tokens), self.object_start + REPORTED_THAT_WINDOW)
        for index in range(self.object_start, last):
            lower = sentence.lower(index)
            if lower == "that":
                begin, finish = object_range(sentence, index + 1, False)
                clause = object_tokens(sentence, begin, finish)
                return span_text(sentence, clause) if len(clause) > 1 else ""
            if lower in {";", ":", "."} or sentence.is_quoted(index):
                return ""
        return ""

    @lazy_property
    def object_text(self) -> str:
        return span_text(self.sentence, outside_parentheses(self.object_tokens))

    @lazy_property
    def actors(self) -> list[str]:
        return [] if self.passive and not self.inverted else actors_of(self.subject_tokens)

    @lazy_property
    def targets(self) -> list[str]:
        if self.passive:
            return actors_of(self.subject_tokens)
        sentence = self.sentence
        return targets_of(
            self.event_type, sentence, self.object_tokens, self.cue_index, sentence.places
        )

    @property
    def places(self) -> list[str]:
        return self.sentence.places

    @lazy_property
    def continuation(self) -> bool:
        """Whether the clause goes on telling what was just told ("also", "within hours")."""
        continuing = bool(self.chain_words & cues().continuation)
        return continuing or self.sentence.continues_episode


def on_date_antecedent(sentence: TokenizedSentence, chain_start: int) -> bool:
    """Whether a relative clause whose pronoun stands right before `chain_start` refers to a
    date phrase ("the quarter, which ended Sept. 30", "the week that followed")."""
    pronoun = chain_start - 1
    if sentence.lower(pronoun) not in {"which", "that"}:
        return False
    before = pronoun - 1
    if sentence.lower(before) == ",":
        before -= 1
    return before in sentence.blocked


#: Participles that, in the present passive, tell what is planned ("is scheduled for").
SCHEDULED_PARTICIPLES = frozenset(
    {
        "scheduled",
        "slated",
        "planned",
        "set",
        "due",
        "timetabled",
        "forecast",
        "projected",
        "predicted",
    }
)


#: Adjectives between a determiner and a plural noun spelt like a verb ("the world's first
#: rules", "the EU's new rules", "its latest plans").
NOUN_ADJECTIVES = frozenset({"first", "new", "latest", "last", "proposed", "draft", "final"})


def follows_noun_determiner(sentence: TokenizedSentence, index: int) -> bool:
    """Whether a word that may be a verb in the third person follows a determiner or a
    possessive, with at most one of `NOUN_ADJECTIVES` between: a plural noun."""
    previous = sentence.tokens[index - 1] if index > 0 else None
    if previous is None:
        return False
    if previous.lower in cues().determiners or (previous.is_possessive and index > 1):
        return True
    adjective = previous.text.islower() and (
        previous.lower.endswith("ly") or previous.lower in NOUN_ADJECTIVES
    )
    if previous.lower == "of" or (adjective and sentence.lower(index - 2) == "of"):
        return True  # "weeks of protests", "weeks of deadly protests" (not "head of security says")
    if previous.lower not in NOUN_ADJECTIVES or index < 2:
        return False
    before = sentence.tokens[index - 2]
    return before.lower in cues().determiners or before.is_possessive


def takes_noun_object(sentence: TokenizedSentence, index: int) -> bool:
    """Whether a noun phrase object starts at `index`: a lower-case word that is no
    preposition, adverb or date."""
    if index >= len(sentence.tokens) or index in sentence.blocked:
        return False
    token = sentence.tokens[index]
    return (
        token.text.isalpha()
        and token.text.islower()
        and token.lower not in PREPOSITIONS
        and token.lower not in cues().adverbs
        and not token.lower.endswith("ly")
    )


def opens_clause_at(sentence: TokenizedSentence, index: int) -> bool:
    """Whether a word opens its sentence, or the event of a timeline entry after its dash."""
    return index == 0 or (
        sentence.timeline_dash is not None and index == sentence.timeline_dash + 1
    )


#: How many words a timeline entry's subject may have before its verb.
TIMELINE_SUBJECT_WORDS = 6


def opens_timeline_entry(sentence: TokenizedSentence, chain_start: int) -> bool:
    """Whether a verb at `chain_start` follows the subject that opens a timeline entry ("May
    20, 2023 - The warring sides sign"; not "..., the capital of Gezira state")."""
    dash = sentence.timeline_dash
    if dash is None or not 1 < chain_start - dash <= TIMELINE_SUBJECT_WORDS + 1:
        return False
    return all(
        sentence.tokens[i].text not in CLAUSE_PUNCTUATION for i in range(dash + 1, chain_start)
    )


def has_finite_trigger(tokens: list[Token]) -> bool:
    """Whether a lower-case word of the tokens is a verb of the lexicon in the third person
    present, as the verb of a clause is ("EU agrees landmark"; not "The man arrested
    Monday says": a participle)."""
    forms = trigger_forms()
    return any(
        token.text.islower() and any(kind == "third" for _, kind in forms.get(token.lower, []))
        for token in tokens
    )


def object_key_at(row: TriggerRow, sentence: TokenizedSentence, index: int) -> str | None:
    """The object noun of `row` the word at `index` stands for (`object_key`); none for a
    capitalized word going on into a longer name ("House" of "the House of Commons")."""
    if heads_longer_name(sentence, index):
        return None
    return object_key(row, sentence.tokens[index].lower)


def heads_longer_name(sentence: TokenizedSentence, index: int) -> bool:
    """Whether a capitalized word goes on into a longer name ("House of Commons", "White
    House Press Office"), not ending one ("signed the Washington Treaty")."""
    if not sentence.tokens[index].is_capitalized or index + 1 >= len(sentence.tokens):
        return False
    following = sentence.tokens[index + 1]
    return following.lower == "of" or (following.is_capitalized and following.text.isalpha())


def starts_with_date(sentence: TokenizedSentence, index: int) -> bool:
    """Whether a date phrase (with its preposition) starts at token `index` ("in March")."""
    if sentence.lower(index) in DATE_INTRODUCERS:
        index += 1
    return index in sentence.blocked


#: Nouns a contact clause tells the time, place or manner of, not its object ("at the same
#: time it reported net income rose", "the way it ran the company").
ADVERBIAL_GAP_NOUNS = frozenset(
    {"time", "day", "moment", "hour", "minute", "period", "point", "way", "reason", "place"}
)


@dataclass(frozen=True)
class Detection:
    """A trigger that reports an event, with its clause read off the sentence."""

    row: TriggerRow
    trigger: Token
    status: EventStatus
    tense: Tense
    type: str
    passive: bool = False
    perfect: bool = False
    participial: bool = False
    nominal: bool = False
    relative: bool = False
    subject_start: int = 0
    background: bool = False
    coordinated: bool = False
    particle: str = ""
    generic: bool = False
    possessed: bool = False
    introducer: str = ""
    """The word before `the <noun> of` of a nominal detection (`after` in `after the death of`)."""
    caused: bool = False
    """Whether a causative before it made the event happen ("causing the span to collapse")."""
    arguments: FixedArguments | ClauseArguments = field(default_factory=FixedArguments)

    @property
    def speech(self) -> bool:
        """Whether the trigger is a reporting verb (said, told)."""
        return self.row.speech

    @property
    def object_end(self) -> int:
        """Where the clause's object ends (offset in the sentence)."""
        return self.arguments.object_end

    @property
    def anchor_end(self) -> int:
        """Where the date phrases of the clause itself end (offset in the sentence)."""
        return self.arguments.anchor_end

    @property
    def subject(self) -> str:
        return self.arguments.subject

    @property
    def object_text(self) -> str:
        return self.arguments.object_text

    @property
    def reported_before(self) -> str:
        return self.arguments.reported_before

    @property
    def reported_after(self) -> str:
        return self.arguments.reported_after

    @property
    def actors(self) -> list[str]:
        return self.arguments.actors

    @property
    def targets(self) -> list[str]:
        return self.arguments.targets

    @property
    def places(self) -> list[str]:
        return self.arguments.places

    @property
    def continuation(self) -> bool:
        return self.arguments.continuation


def _infinitive_status(
    sentence: TokenizedSentence, chain_start: int, chain: list[str]
) -> EventStatus | Literal["reject"] | None:
    """Planned when `to V` follows a planning cue ("plan to"), occurred for the purpose clause
    of a past event, else rejected; None: no `to`."""
    if "to" not in chain:
        return None
    c = cues()
    to_index = chain_start + chain.index("to")
    before = sentence.lower(to_index - 1)
    two_before = sentence.lower(to_index - 2)
    for phrase, cue_start in (
        (f"{before} to", to_index - 1),
        (f"{two_before} {before} to", to_index - 2),
    ):
        if phrase in c.failure:
            return "reject"
        if phrase in c.planning:
            return "reject" if _is_negated_before(sentence, cue_start) else EventStatus.planned
    if chain == ["to"] and causative_verb(sentence, to_index) is not None:
        return EventStatus.occurred  # "prompting Apple Corps to file suit": it filed
    if chain == ["to"] and purpose_verb(sentence, to_index) is not None:
        return EventStatus.occurred  # "returned to the stage to reveal": it happened then
    return "reject"


PURPOSE_WINDOW = 12
CAUSATIVE_OBJECT_WINDOW = 6


def causative_verb(sentence: TokenizedSentence, to_index: int) -> int | None:
    """The index of an implicative causative whose object the `to V` makes act ("prompting
    Apple Corps to file", "led the firm to recall"), or None. Only a short noun phrase
    stands between them; a negated or modal causative does not count."""
    c = cues()
    position = to_index - 1
    while position > 0 and to_index - position <= CAUSATIVE_OBJECT_WINDOW:
        token = sentence.tokens[position - 1]
        if token.lower in c.causative and token.text.islower():
            _, chain = auxiliary_chain(sentence, position - 1)
            if set(chain) & (c.negation | c.irrealis | c.future):
                return None
            return position - 1
        if sentence.is_boundary(position - 1) or token.lower in VERBLIKE:
            return None
        position -= 1
    return None


PAST_VERBLIKE = frozenset({"made", "went", "took", "gave", "came", "held", "sent", "put", "met"})


def purpose_verb(sentence: TokenizedSentence, to_index: int) -> int | None:
    """The past-tense main verb a `to V` purpose clause belongs to ("made an appearance in
    March to unveil", "returned to the stage to reveal"), or None.

    An object must stand between the verb and `to` ("agreed to sell" is not a purpose); verbs
    that make their object act ("asked Tim Cook to unveil") do not count, nor negated, modal
    or future verbs."""
    c = cues()
    irregular = generic_table().irregular_pasts
    position = to_index - 1
    while position >= 0 and to_index - position <= PURPOSE_WINDOW:
        token = sentence.tokens[position]
        lower = token.lower
        if position in sentence.blocked or (
            lower in {"and", "or"} and position + 1 in sentence.blocked
        ):
            position -= 1  # date phrases, "in March and June"
            continue
        if lower == "to" and not _preposition_to(sentence, position):
            return None  # "pledged to ask Congress to approve": an infinitive within
        if sentence.is_boundary(position) or lower in {".", "and", "or", "but"}:
            return None
        if lower in c.object_control:
            return None
        past = token.text.islower() and (
            lower in irregular
            or lower in PAST_VERBLIKE
            or (lower.endswith("ed") and len(lower) > 4)
        )
        noun_like = _after_determiner(sentence, position) or sentence.lower(position + 1) == "of"
        if past and lower not in _stative() and not noun_like:  # not "a set of tests"
            if position == to_index - 1:
                return None
            _, chain = auxiliary_chain(sentence, position)
            words = set(chain)
            if words & c.unreal_or_future or words & c.be_forms:
                return None
            return position
        position -= 1
    return None


def _preposition_to(sentence: TokenizedSentence, index: int) -> bool:
    """Whether `to` is a preposition ("to the stage", "to Paris", "to 12 first-graders")."""
    following = sentence.tokens[index + 1] if index + 1 < len(sentence.tokens) else None
    if following is None:
        return False
    return (
        following.lower in cues().determiners
        or following.is_capitalized
        or following.text[:1].isdigit()
        or index + 1 in sentence.blocked
    )


def _is_negated_before(sentence: TokenizedSentence, index: int) -> bool:
    """Whether the auxiliaries before `index` negate it ("does not plan to", "never planned")."""
    c = cues()
    _, chain = auxiliary_chain(sentence, index)
    return bool(set(chain) & c.negation) or any(w.endswith(("n't", "n’t")) for w in chain)


def is_hypothetical(sentence: TokenizedSentence, index: int) -> bool:
    """Whether the trigger's clause starts with if/unless/whether."""
    c = cues()
    position = index - 1
    while position >= 0:
        token = sentence.tokens[position]
        if token.lower in c.hypothetical:
            return True
        if token.text in CLAUSE_PUNCTUATION:
            return False
        position -= 1
    return False


def _object_type(
    row: TriggerRow, sentence: TokenizedSentence, start: int
) -> tuple[str | None, int | None]:
    """The type given by an object noun after the trigger (`object_key`), and that noun's
    index."""
    objects = row.objects
    if not objects:
        return None, None
    tokens, blocked = sentence.tokens, sentence.blocked
    seen = 0
    position = start
    while position < len(tokens) and seen < OBJECT_WINDOW:
        token = tokens[position]
        if position in blocked:
            position += 1
            continue
        if token.text == "." and not ends_sentence(sentence, position):
            position += 1
            continue
        if token.text == ",":
            resumed = appositive_as(sentence, position)
            if resumed is None:
                break
            position = resumed  # "named X, the bishop of San Diego, as the new archbishop"
            continue
        if token.text in {";", ":", "–", "—", "."}:
            break
        key = object_key_at(row, sentence, position)
        if key is not None:
            return objects[key], position
        seen += 1
        position += 1
    return None, None


def is_bodily_move(
    row: TriggerRow, sentence: TokenizedSentence, subject: list[Token], index: int
) -> bool:
    """Whether a verb of rise or fall tells a move of people or things, not of a market: no
    amount follows and no market is its subject ("Delegates rose", "Felix Baumgartner jumped
    from a capsule", "Swedish prosecutors dropped the investigation"; not "Shares rose", "The
    Dow fell 500 points", "Tesla jumped 5%")."""
    if row.lemma not in MOVE_VERBS or not subject:
        return False
    markets = cue_table().abstract_subjects.words
    if any(token.lower in market_names() or markets.get(token.lower) for token in subject):
        return False  # "Tesla shares", "the Dow", "Shares rose", "Oil fell"
    last = min(index + 1 + AMOUNT_WINDOW, len(sentence.tokens))
    for position in range(index + 1, last):
        word = sentence.lower(position)
        if position in sentence.blocked:
            continue  # "in 2017": a date, no amount
        if word[:1].isdigit() or word in AMOUNT_WORDS or word.startswith(("$", "€", "£")):
            return False
    return True


#: Verbs of rise or fall, how far after one its amount is looked for, and words of an amount.
MOVE_VERBS = frozenset({"rise", "fall", "jump", "climb", "drop", "plunge", "soar", "surge"})
AMOUNT_WINDOW = 10
AMOUNT_WORDS = frozenset(
    {"percent", "%", "points", "point", "record", "sharply", "slightly", "modestly", "steeply"}
    | {"high", "low", "cents", "dollars", "euros", "yen", "fold", "half", "double"}
)


@lru_cache(maxsize=1)
def market_names() -> frozenset[str]:
    """Names of markets and indexes, which move as markets (`cues.json` `market_names`)."""
    return frozenset(cue_table().market_names)


def tells_election(sentence: TokenizedSentence, cue_index: int) -> bool:
    """Whether an election is named within a few words after a win or a victory ("victory
    in India's general election", "won the race for governor"; `cues.json` `election_words`)."""
    words = election_words()
    last = min(cue_index + 1 + ELECTION_WINDOW, len(sentence.tokens))
    return any(sentence.lower(position) in words for position in range(cue_index + 1, last))


#: How many words after a victory an election may be named.
ELECTION_WINDOW = 6


@lru_cache(maxsize=1)
def election_words() -> frozenset[str]:
    """Nouns of elections (`cues.json` `election_words`)."""
    return frozenset(cue_table().election_words)


def appositive_as(sentence: TokenizedSentence, comma: int) -> int | None:
    """Where the object goes on after an appositive opened by the comma at `comma`: the `as`
    after its closing comma ("named Robert McElroy, the bishop of San Diego, as the new
    archbishop"), None when no such `as` follows within a few words."""
    for position in range(comma + 1, min(comma + APPOSITIVE_WINDOW, len(sentence.tokens) - 1)):
        text = sentence.tokens[position].text
        if text in CLAUSE_END and text != ",":
            return None
        if text == "," and position > comma + 1:
            return position + 1 if sentence.lower(position + 1) == "as" else None
    return None


#: How many words an appositive may hold before the object goes on.
APPOSITIVE_WINDOW = 10
#: How many words before a passive's auxiliaries its subject's head may stand.
PASSIVE_SUBJECT_WINDOW = 7


def _subject_object_type(
    row: TriggerRow, sentence: TokenizedSentence, chain_start: int
) -> tuple[str | None, int | None]:
    """For a passive, the type its subject gives as the verb's object ("a state funeral would
    be held": a funeral is held), and that noun's index."""
    for position in range(chain_start - 1, max(-1, chain_start - 1 - PASSIVE_SUBJECT_WINDOW), -1):
        token = sentence.tokens[position]
        if token.text in CLAUSE_PUNCTUATION:
            break
        key = object_key_at(row, sentence, position)
        if key is not None:
            return row.objects[key], position
    return None, None


#: Types of the rows whose -s form with its object right after is always a verb ("takes
#: effect", "takes office"); not "raises questions", which may be a noun phrase or a remark.
TAKING_EFFECT_TYPES = frozenset({"personnel", "other"})


#: Adjectives that open a noun phrase of new things ("new export rules", "further cuts").
NEW_WORDS = frozenset(
    {"new", "further", "fresh", "tougher", "stricter", "more", "additional", "harsher"}
    | {"stronger", "broader", "wider", "sweeping", "targeted", "stiffer", "heavier", "punitive"}
)


def _is_noun_use(sentence: TokenizedSentence, index: int) -> bool:
    """Whether an -s form is a plural noun ("imposes sanctions", "a U.S. sanctions list")."""
    c = cues()
    forms = trigger_forms()
    previous = sentence.lower(index - 1)
    following = sentence.lower(index + 1)
    if index == 0 or previous in c.determiners or previous in PREPOSITIONS:
        return True
    if any(
        kind == "third"
        and row.object_required
        and row.type in TAKING_EFFECT_TYPES
        and object_key(row, following)
        for row, kind in forms.get(sentence.lower(index), [])
    ):
        return False  # "The law takes effect", "the mayor takes office": the verb and its object
    if previous in VERB_PARTICLES and sentence.lower(index - 2).endswith(("ing", "ed")):
        return True  # "striking down bans in 14 states": the object of a phrasal verb
    if previous in QUANTIFIERS or (previous.endswith("ing") and previous.isalpha()):
        return True  # "all states", "processing claims from": a plural noun
    if previous in forms or previous in VERBLIKE or previous.endswith("ed") or is_number(previous):
        return True  # "by fewer than 5,000 votes"
    if previous in {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "new"}:
        return True
    if sentence.tokens[index - 1].text.islower() and (
        previous in NEW_WORDS or sentence.lower(index - 2) in NEW_WORDS
    ):
        return True  # "impose tougher sanctions", "announced new export rules"
    if following in VERBLIKE or (following.endswith("ed") and following not in PREPOSITIONS):
        return True
    if following in generic_table().irregular_pasts and following not in c.determiners:
        return True  # "Flash floods tore through", "protests broke out"
    if following == "of":
        return True  # "such as reports of issues", "claims of harm": a noun with its complement
    if following in PREPOSITIONS and is_plural_modifier(sentence, index - 1):
        return True  # "fraud involving public works contracts in": no -s verb after a plural
    next_token = sentence.tokens[index + 1] if index + 1 < len(sentence.tokens) else None
    gerund_next = next_token is not None and next_token.text.islower() and following.endswith("ing")
    if gerund_next or following in {"--", "–", "—"}:
        return True  # "U.S. ships carrying Iraqi goods"
    if (
        sentence.tokens[index - 1].text.islower()
        and sentence.lower(index - 2) in c.determiners_or_prepositions
    ):
        return True  # "hit with gasoline bombs"
    if (
        following in {".", ","}
        and sentence.tokens[index - 1].text.islower()
        and (previous not in c.pronouns)
        and not (following == "," and sentence.lower(index + 2).endswith("ing"))
    ):  # not "Ethiopian Airlines jet crashes, killing all 157": the verb, then its result
        return True  # "from possible attacks."
    if sentence.tokens[index - 1].is_possessive:
        return True
    if sentence.tokens[index - 1].is_capitalized:
        start = index - 1
        while start > 0 and sentence.tokens[start - 1].is_capitalized:
            start -= 1
        return noun_phrase_opens_before(sentence, start)  # "the Balkan states"
    return False


#: Number words that open a noun phrase ("two fatal 737 MAX crashes").
NUMBER_OPENERS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})


def noun_phrase_opens_before(sentence: TokenizedSentence, start: int) -> bool:
    """Whether an article, preposition, quantifier or number opens a noun phrase within a few
    modifiers before token `start` ("all Balkan states", "two fatal 737 MAX crashes")."""
    openers = ARTICLES_OR_PREPOSITIONS | QUANTIFIERS
    position = start - 1
    for _ in range(NOUN_PHRASE_MODIFIERS):
        if position < 0:
            return False
        token = sentence.tokens[position]
        word = token.lower
        if word in openers or word in NUMBER_OPENERS or word.isdigit():
            return True
        if not token.text.isalpha() or not token.text.islower() or word in VERBLIKE:
            return False
        if word in CLAUSE_WORDS or word in cues().subordinators:
            return False  # "for what Ottawa describes": a clause's subject
        if word in trigger_forms() or word in verb_stops():
            return False
        position -= 1
    return False


NOUN_PHRASE_MODIFIERS = 3
#: Words that open a clause whose subject may be the name after them.
CLAUSE_WORDS = frozenset({"what", "how", "where", "whom", "whose", "who", "which", "that"})


#: Words that open a clause or phrase set off by commas after a subject ("The minister, who
#: was appointed in 2019, resigned"; "The firm, a unit of X, sold").
INSERTION_OPENERS = frozenset({"who", "which", "whose", "a", "an"})


def closes_insertion(sentence: TokenizedSentence, comma: int) -> bool:
    """Whether the comma at token `comma` closes a relative clause or appositive set off after
    the subject, so that the verb after it is the main verb, not a reduced relative ("two
    Canadians, accused of spying")."""
    position = comma - 1
    while position > 0 and sentence.tokens[position].text != ",":
        position -= 1
    if position <= 0:
        return False
    return (
        sentence.lower(position + 1) in INSERTION_OPENERS
        or inserted_after_opening_name(sentence) == position  # "Mark Rutte, the ... leader,"
        or dated_participle_insertion(sentence, position, comma)  # ", appointed in 2019,"
        or names_appositive(sentence, position, comma)  # "the company's founder, Mark Zuckerberg,"
    )


def closing_comma(sentence: TokenizedSentence, index: int) -> int:
    """The position of the first comma after token `index` (the sentence's end if none)."""
    for position in range(index + 1, len(sentence.tokens)):
        if sentence.tokens[position].text == ",":
            return position
    return len(sentence.tokens)


@lru_cache(maxsize=1)
def participles() -> frozenset[str]:
    """Irregular past participles ("born", "held", "taken") and the lexicon's own."""
    lexicon = {
        word for word, rows in trigger_forms().items() for _, kind in rows if kind == "participle"
    }
    return frozenset(generic_table().irregular_pasts) | frozenset(lexicon)


def dated_participle_insertion(sentence: TokenizedSentence, opening: int, closing: int) -> bool:
    """Whether the words between the commas at `opening` and `closing` are a participle
    phrase with a date phrase of its own, set off after a subject ("The minister, appointed in
    2019, resigned"): the verb after it is the main verb."""
    if opening <= 0 or closing - opening < 3:
        return False
    word = sentence.tokens[opening + 1]
    if not word.text.islower() or not (word.lower.endswith("ed") or word.lower in participles()):
        return False
    if not any(position in sentence.blocked for position in range(opening + 2, closing)):
        return False
    verb = sentence.tokens[closing + 1] if closing + 1 < len(sentence.tokens) else None
    return verb is not None and is_verb_form(verb.lower)  # ", resigned": the main verb


def modifies_last_noun(sentence: TokenizedSentence, start: int, index: int) -> bool:
    """Whether the participle at `index`, after the object of another verb that ends at its
    `of` phrase, describes the noun of that phrase ("blocked the trial of two Libyans suspected
    of": the Libyans are suspected), not the whole object."""
    previous = sentence.lower(start - 1)
    return (
        sentence.lower(index + 1) in PREPOSITIONS
        and previous not in VERBLIKE
        and previous not in cues().auxiliary_chain
        and (previous.endswith("ed") or previous in trigger_forms())
        and any(sentence.lower(p) == "of" for p in range(start, index))
    )


def is_verb_form(word: str) -> bool:
    """Whether a word is a finite verb or an auxiliary: a past form, `said`, `has`, `will`."""
    return (
        word.endswith("ed")
        or word in participles()
        or word in VERBLIKE
        or word in cues().auxiliary_chain
        or word in trigger_forms()
    )


@lru_cache(maxsize=1)
def subject_retypings() -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """(event type, subject words, types they retype) of the hazard, disease, weapon and
    court tables."""
    table = cue_table()
    tables = (
        table.hazard_subjects,
        table.disease_subjects,
        table.weapon_subjects,
        table.court_subjects,
    )
    return tuple((t.type, frozenset(t.words), frozenset(t.retyped)) for t in tables)


def subject_type(subject: list[Token], event_type: str) -> str | None:
    """The type a natural hazard, a disease or a weapon in a subject makes of a verb of harm
    or force ("A powerful earthquake killed": disaster; "The virus has killed": health; "Two
    bombs exploded": assault), None otherwise."""
    for retyped_to, words, retyped in subject_retypings():
        if event_type in retyped and any(token.lower in words for token in subject):
            return retyped_to
    return None


#: Words after the head noun of a subject besides the prepositions ("Talks between ...").
HEAD_ENDING_WORDS = frozenset({"between", "among", "near", "outside", "inside", "who", "that"})


@lru_cache(maxsize=1)
def abstract_retyped() -> frozenset[str]:
    """The event types an institution or market as subject retypes (`abstract_subjects`)."""
    return frozenset(cue_table().abstract_subjects.retyped)


def abstract_subject_type(subject: list[Token]) -> str | None:
    """The event type an institution or market heading a subject makes of a disaster verb
    ("His fourth coalition collapsed": other; "The stock market crashed": economy), None for
    anything else ("A government building collapsed")."""
    head = None
    for token in subject:
        if token.lower in PREPOSITIONS or token.lower in HEAD_ENDING_WORDS:
            break
        if token.text.isalpha():
            head = token.lower
    return cue_table().abstract_subjects.words.get(head) if head else None


#: How far back a coordinated verb looks for the modal of the verb it is joined to.
COORDINATION_WINDOW = 14
COORDINATION_STOPS = frozenset({",", ";", ":", ".", "that", "which", "who", "but", "and", "or"})


def status_chain(
    sentence: TokenizedSentence,
    chain_start: int,
    chain: list[str],
    kind: str,
    transitive: bool = False,
) -> list[str]:
    """The auxiliaries that give a verb its status: its own, or for a bare verb joined by
    `and` the modal of the verb before it ("will close 14 plants and cut 21,000 jobs": will
    cut), for a `transitive` participle joined to a passive its `be` ("was arrested and
    extradited"); a `would` a past reporting verb frames tells a plan ("said it would sell":
    will)."""
    if not chain and bare_form(sentence, chain_start, kind):
        modal = coordinated_modal(sentence, chain_start - 1)
        if modal is not None:
            chain = modal_chain(sentence, modal, chain_start - 1)
            chain_start = auxiliary_chain(sentence, modal)[0]
    elif (
        transitive
        and not chain
        and kind in {"past", "participle"}
        and sentence.lower(chain_start - 1) == "and"
        and (
            sentence.lower(chain_start + 1) in PREPOSITIONS
            or chain_start + 1 in sentence.blocked
            or chain_start + 1 >= len(sentence.tokens)
        )  # no object after it: "and extradited to the United States", not "and arrested him"
    ):
        be = coordinated_passive(sentence, chain_start - 1)
        if be is not None:
            chain = [be]  # "was arrested in the Bahamas and extradited": was extradited
    if "would" in chain and reported_by_past_verb(sentence, chain_start):
        chain = ["will" if word == "would" else word for word in chain]
    return chain


def bare_form(sentence: TokenizedSentence, index: int, kind: str) -> bool:
    """Whether the verb at `index` follows `and`/`or` in a form that may be its base ("and
    release", "and cut": not "and took")."""
    if sentence.lower(index - 1) not in {"and", "or"}:
        return False
    lower = sentence.lower(index)
    return kind == "base" or generic_table().irregular_pasts.get(lower) == lower


def coordinated_modal(sentence: TokenizedSentence, conjunction: int) -> int | None:
    """Where the modal of the verb that the bare verb after `conjunction` is joined to stands
    ("GM will close 14 plants and cut": will), if that verb has one."""
    c = cues()
    for position in range(conjunction - 1, max(-1, conjunction - COORDINATION_WINDOW), -1):
        lower = sentence.tokens[position].lower
        if lower in COORDINATION_STOPS:
            return None
        if lower in c.future or lower in c.irrealis:
            return position
    return None


def coordinated_passive(sentence: TokenizedSentence, conjunction: int) -> str | None:
    """The `be` of the passive verb that a participle after `conjunction` is joined to ("was
    arrested in the Bahamas in December 2022 and extradited": was), if that verb is one."""
    c = cues()
    irregular = generic_table().irregular_pasts
    for position in range(conjunction - 1, max(0, conjunction - COORDINATION_WINDOW), -1):
        lower = sentence.tokens[position].lower
        if lower in COORDINATION_STOPS:
            return None
        if lower in c.be_forms:
            following = sentence.lower(position + 1)
            participle = following.endswith("ed") or following in irregular
            return lower if participle else None
    return None


def modal_chain(sentence: TokenizedSentence, modal: int, limit: int) -> list[str]:
    """The auxiliaries around the modal at `modal` ("would also", "will not"), up to `limit`."""
    allowed = cues().auxiliary_chain
    _, words = auxiliary_chain(sentence, modal)
    end = modal + 1
    while end < limit and sentence.tokens[end].lower in allowed:
        end += 1
    return [*words, *(t.lower for t in sentence.tokens[modal:end])]


@lru_cache(maxsize=1)
def statement_pasts() -> frozenset[str]:
    """The reporting forms (`said`, `told`), and the past forms of the lexicon's verbs of
    statement ("announced", "confirmed", "warned"), which report a clause as `said` does
    (built once: read for every `would`)."""
    return reporting_forms() | frozenset(
        form
        for form, rows in trigger_forms().items()
        if any(kind == "past" and row.type in {"statement", "threaten"} for row, kind in rows)
    )


def reported_by_past_verb(sentence: TokenizedSentence, chain_start: int) -> bool:
    """Whether the clause whose auxiliaries start at `chain_start` is reported by a verb in
    the past just before it ("said it would", "announced on Monday that the company would")."""
    reporting = statement_pasts()
    subject = False  # "said it would"; not "employees that X said a month ago would be"
    for position in range(chain_start - 1, max(-1, chain_start - 10), -1):
        token = sentence.tokens[position]
        if token.text in CLAUSE_END and token.text != ",":
            return False
        lower = token.lower
        if lower in reporting and (lower.endswith("ed") or lower in {"said", "told", "wrote"}):
            return subject
        subject = subject or (position not in sentence.blocked and lower not in {"that", ","})
    return False


def _status_and_tense(
    sentence: TokenizedSentence,
    index: int,
    kind: str,
    chain_start: int,
    chain: list[str],
    row: TriggerRow,
) -> tuple[EventStatus, Tense, bool, bool, bool] | None:
    """Status, tense, passive, perfect and participial flags; None when not an event."""
    c = cues()
    words = set(chain)  # tested with `isdisjoint`: no intersection set is built
    if not c.negation.isdisjoint(words) or (chain and any(w.endswith(NEGATED) for w in chain)):
        return None
    if not c.irrealis.isdisjoint(words):
        return None
    infinitive = _infinitive_status(sentence, chain_start, chain)
    if infinitive == "reject":
        return None
    if infinitive is EventStatus.occurred:
        return EventStatus.occurred, "past", False, False, False
    planned = (
        infinitive is EventStatus.planned or not c.future.isdisjoint(words) or "going" in words
    )
    has_be = not c.be_forms.isdisjoint(words)
    has_have = not c.have_forms.isdisjoint(words)
    present = not c.present_forms.isdisjoint(words)
    tense: Tense = "future" if planned else ("present" if present else "past")
    if kind == "gerund":
        if has_be:
            return (
                (EventStatus.planned if planned else EventStatus.ongoing),
                tense,
                False,
                has_have,
                False,
            )
        previous = sentence.lower(index - 1)
        communication = row.type in {"request", "accuse", "statement", "deny", "threaten"}
        if previous == "by" and purpose_verb(sentence, index - 1) is not None:
            return EventStatus.occurred, "past", False, False, True  # "rounded off by unveiling"
        if previous != "," and not (previous in {"and", "or"} and communication):
            return None  # a gerund used as a noun or after a preposition: "bombing specialists"
        return EventStatus.occurred, "past", False, False, True
    if kind == "base" and not chain and opens_timeline_entry(sentence, chain_start):
        return EventStatus.occurred, "past", False, False, False  # "May 20, 2023 - They sign"
    if kind == "base":
        if has_be:
            return None  # "will be free to anyone": an adjective, not a verb
        if planned:
            return EventStatus.planned, "future", has_be, False, False
        if not c.past_do.isdisjoint(words):
            return EventStatus.occurred, "past", False, False, False
        if not c.present_do.isdisjoint(words) or sentence.lower(chain_start - 1) in BASE_SUBJECTS:
            return EventStatus.occurred, "present", False, False, False
        return None
    if kind == "third":
        if not chain and _is_noun_use(sentence, index):
            return None
        return EventStatus.occurred, "present", False, False, False
    if kind == "scheduled":  # "Pre-orders begin on Friday": planned once the date is read
        return EventStatus.occurred, "present", False, False, False
    if kind == "noun":
        return EventStatus.occurred, "past", False, False, False
    # past / participle forms
    if planned:
        return EventStatus.planned, "future", has_be, has_have, False
    if chain and chain[0] == "being" and sentence.lower(chain_start - 1) in c.gerund_preposition:
        return None  # "after being accused of"
    if has_be:
        ongoing = (
            not c.present_be.isdisjoint(words)
            and not has_have
            and "being" not in words
            and not sentence.is_timeline_entry  # "June 14, 2023 - The governor is killed"
        )
        progressive = "being" in words
        status = EventStatus.ongoing if (ongoing or progressive) else EventStatus.occurred
        return status, tense, True, has_have, False
    having = chain_start - 1 if sentence.lower(chain_start - 1) == "having" else chain_start
    if sentence.lower(having) == "having" and sentence.lower(having - 1) == ",":
        return EventStatus.occurred, "past", False, True, True  # ", having also claimed"
    if has_have:
        return EventStatus.occurred, tense, False, True, False
    if kind == "participle":
        return None
    previous = sentence.lower(index - 1)
    after = index + 1
    if (
        (previous == "," or previous.isdigit())
        and sentence.lower(after) in PREPOSITIONS
        and not (previous == "," and closes_insertion(sentence, index - 1))
    ):
        if previous == "," and sentence.lower(after) != "of":  # not "accused of spying": a state
            closing = closing_comma(sentence, index)
            if closing < len(sentence.tokens) and dated_participle_insertion(
                sentence, index - 1, closing
            ):  # "The minister, appointed in 2019, resigned": the minister was appointed
                return EventStatus.occurred, "past", row.id != "generic", False, False
            if (row.id == "generic" or closing == len(sentence.tokens)) and _dated_appositive(
                sentence, index
            ):  # "Jobs, born ... 1955,"; "X, the Saudi ambassador, said over the weekend"
                return EventStatus.occurred, "past", False, False, False
        return None  # a reduced relative: "two Canadians, accused of spying"
    while after in sentence.blocked:
        after += 1  # "X, the chief executive, announced Monday in a memo": a date adjunct
    following = sentence.lower(after)
    while following in PREPOSITIONS and after + 1 in sentence.blocked:
        after += 1  # "declared on Jan. 19 that": skip the date adjunct
        while after in sentence.blocked:
            after += 1
        following = sentence.lower(after)
    if following in PREPOSITIONS and sentence.lower(after + 1) in c.temporal:
        following = ""  # "reported on Monday": a date adjunct, not a passive's complement
    if following in PREPOSITIONS and starts_quantity(sentence, after):
        following = ""  # "killed at least 150 people", "killed about 30": an object
    transitive = (
        row.id != "generic" and not row.intransitive and not row.particles and not row.speech
    )
    subject_end = sentence.tokens[chain_start - 1] if chain_start > 0 else None
    if (
        transitive
        and following in PREPOSITIONS_BUT_TO
        and subject_end is not None
        and subject_end.text.islower()
        and subject_end.lower not in c.pronouns
    ):
        return None  # "two killings blamed on the army": a passive participle
    if following == "by" and previous not in c.pronouns:
        return None  # "the documents requested by the court"
    if (
        transitive
        and (row.type in OBJECT_TAKING_TYPES or row.lemma in OBJECT_TAKING_LEMMAS)
        and (
            following in PREPOSITIONS
            or following in ADVERBIAL_OPENERS
            or after >= len(sentence.tokens)
        )
        and subject_end is not None
        and subject_end.lower not in c.pronouns
        and not in_relative_clause(sentence, chain_start)  # "which Beijing imposed on the city"
        and not (following == "to" and infinitive_with_object(sentence, after + 1))
    ):
        return EventStatus.occurred, "past", True, False, False  # "Chauvin sentenced to 22 years"
    return EventStatus.occurred, "past", False, False, False


def coordinated_relative_antecedent(
    sentence: TokenizedSentence, conjunction: int
) -> tuple[int, int] | None:
    """The noun a relative clause stands for when the verb after the `and` at `conjunction`
    goes on that clause ("a shooting that killed two people and wounded four": the
    shooting), else None."""
    for position in range(conjunction - 1, max(0, conjunction - RELATIVE_REACH), -1):
        token = sentence.tokens[position]
        if token.text in CLAUSE_END:
            return None
        if token.lower in {"that", "which", "who"}:
            found = subject_antecedent(sentence, position + 1)
            if found is None or found[1] <= found[0]:
                return None
            owner = found[0] - 1
            if owner > 0 and sentence.lower(owner) in LOCATIVE_PREPOSITIONS:
                head = owner - 1  # "a shooting at a mall that killed": the shooting killed
                while (
                    head > 0
                    and sentence.lower(head) not in cues().determiners
                    and (owner - head < 3 and sentence.tokens[head].text.isalpha())
                ):
                    head -= 1
                if sentence.lower(head) in cues().determiners:
                    return head, found[1]
            return found
    return None


#: Prepositions of place: the noun phrase before one is what happened there.
LOCATIVE_PREPOSITIONS = frozenset({"at", "in", "near", "outside", "inside", "on"})


#: How many words before an `and` the relative pronoun of its first verb may stand.
RELATIVE_REACH = 10


def relative_that_with_object(sentence: TokenizedSentence, that: int, after: int) -> bool:
    """Whether the `that` at `that` opens a relative clause whose verb takes an object
    ("a shooting that killed two people", "the storm that destroyed the town"), not a
    demonstrative before an adjective ("that damaged car")."""
    if sentence.lower(that) != "that" or that == 0:
        return False
    word = sentence.lower(after)
    return (
        word in cues().determiners
        or word in QUANTIFIERS
        or word in NUMBER_OPENERS
        or is_number(word)
        or word in {"at", "more", "nearly", "about", "dozens", "hundreds", "thousands"}
    )


def is_plural_modifier(sentence: TokenizedSentence, index: int) -> bool:
    """Whether the word at `index` is a lower-case plural noun ("works", "goods"), which no
    verb in -s can follow as its subject."""
    token = sentence.tokens[index] if index >= 0 else None
    if token is None or not token.text.isalpha() or not token.text.islower():
        return False
    word = token.lower
    c = cues()
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ous"))
        and word not in c.auxiliary_chain
        and word not in c.pronouns
        and word not in VERBLIKE
        and word not in trigger_forms()
    )


def is_number(word: str) -> bool:
    """Whether a word is a number written in digits ("12", "5,000", "2.5")."""
    return word.replace(",", "").replace(".", "").isdigit()


def to_noun_phrase(sentence: TokenizedSentence, index: int) -> bool:
    """Whether the words from `index`, after a `to`, are a noun phrase, not a verb: a
    determiner, a name, a number or an office ("elected to the Senate", "to a third term",
    "elected to parliament")."""
    if index >= len(sentence.tokens):
        return False
    token = sentence.tokens[index]
    return (
        token.lower in cues().determiners
        or token.is_capitalized
        or token.text[:1].isdigit()
        or token.lower in OFFICE_NOUNS
    )


#: Offices and bodies one is elected or appointed to, written without a determiner.
OFFICE_NOUNS = frozenset({"office", "parliament", "congress", "power"})


def infinitive_with_object(sentence: TokenizedSentence, index: int) -> bool:
    """Whether the words from `index` (after a `to`) are a verb and the start of its object
    ("sued to stop the deal", "moved to block Apple"), not a noun ("sentenced to life in
    prison", "sentenced to a year", "sentenced to 22 years")."""
    word = sentence.tokens[index] if index < len(sentence.tokens) else None
    if word is None or not word.text.isalpha() or not word.text.islower():
        return False
    c = cues()
    if word.lower in c.determiners or word.lower in QUANTIFIERS or word.lower in NUMBER_OPENERS:
        return False
    following = sentence.tokens[index + 1] if index + 1 < len(sentence.tokens) else None
    return following is not None and (following.lower in c.determiners or following.is_capitalized)


#: Words opening a relative clause, whose object may be missing after its verb.
RELATIVE_WORDS = frozenset({"which", "that", "whom", "who", "whose"})


def in_relative_clause(sentence: TokenizedSentence, chain_start: int) -> bool:
    """Whether the clause before `chain_start` opens with a relative word ("which Beijing")."""
    for position in range(chain_start - 1, -1, -1):
        token = sentence.tokens[position]
        if token.text in CLAUSE_PUNCTUATION:
            return False
        if token.lower in RELATIVE_WORDS:
            return True
    return False


#: Event types whose verbs always take their object ("sentence", "arrest", "appoint"): a past
#: form with a preposition or nothing after it is a passive, as headlines write it ("Derek
#: Chauvin sentenced to 22.5 years", "Opposition leader arrested").
OBJECT_TAKING_TYPES = frozenset({"arrest", "trial", "sanction", "personnel", "release"})
#: Verbs of other types that always take their object ("Jovenel Moise assassinated at home",
#: "Merrill sold to Bank of America"); not "fired at protesters", "shot at the car".
OBJECT_TAKING_LEMMAS = frozenset(
    {"kill", "assassinate", "murder", "wound", "injure", "kidnap", "abduct", "execute"}
    | {"sell", "acquire", "buy", "evacuate", "rescue"}
)


#: Prepositions that open a quantity ("at least 150", "about 30", "over 100 people").
QUANTITY_PREPOSITIONS = frozenset({"about", "around", "over", "under", "nearly", "almost", "up"})


def starts_quantity(sentence: TokenizedSentence, index: int) -> bool:
    """Whether the preposition at `index` opens a quantity rather than a phrase of its own."""
    word, following = sentence.lower(index), sentence.lower(index + 1)
    if word == "at":
        return following in {"least", "most"}
    return word in QUANTITY_PREPOSITIONS and following[:1].isdigit()


def quotation_follows(sentence: TokenizedSentence, index: int) -> bool:
    """Whether a quoted word follows token `index` in the sentence ("called it \"a leap\"")."""
    return any(sentence.is_quoted(position) for position in range(index, len(sentence.tokens)))


def _dated_appositive(sentence: TokenizedSentence, index: int) -> bool:
    """Whether a participle after a comma carries a date phrase before the clause ends
    ("Jobs, born in San Francisco on February 24, 1955, has built"): its own dated event."""
    position = index + 1
    while position < len(sentence.tokens):
        if position in sentence.blocked:
            return True
        if sentence.tokens[position].text in CLAUSE_END:
            return False
        position += 1
    return False


def _verb_detection(
    sentence: TokenizedSentence, index: int, row: TriggerRow, kind: str, generic: bool = False
) -> Detection | None:
    """A detection for a verb trigger at `index`, or None when the clause is not an event;
    `generic` marks a verb outside the lexicon (set here, not by copying the detection)."""
    c = cues()
    token = sentence.tokens[index]
    if sentence.is_quoted(index) or index in sentence.blocked:
        return None
    next_index = index + 1
    if f"{token.lower} {sentence.lower(next_index)}" in c.failure and not to_noun_phrase(
        sentence, next_index + 1
    ):
        return None  # "declined to comment"; not "was elected to the Senate"
    particle = ""
    if row.particles:
        particle_index = _particle_index(sentence, next_index, row.particles)
        if particle_index is None:
            return None
        if particle_index >= 0:
            particle = sentence.lower(particle_index)
            next_index = particle_index + 1
        if row.ends_at_particle and takes_noun_object(sentence, next_index):
            return None  # "broke out unemployment by education level": not "fighting broke out"
    if row.quote_required and not quotation_follows(sentence, next_index):
        return None
    previous = sentence.tokens[index - 1] if index > 0 else None
    if (
        previous is not None
        and row.objects
        and not row.intransitive  # "His coalition collapsed": the noun is its subject
        and object_key(row, previous.lower)
    ):
        return None  # "a statement released Monday", "the sanctions imposed by Ottawa"
    chain_start, chain = auxiliary_chain(sentence, index)
    if row.object_required:
        if sentence.lower(next_index) == "no":
            return None  # "has reached no agreement": none was reached
        object_type, cue_index = _object_type(row, sentence, next_index)
        if object_type is None and kind in {"past", "participle"} and cues().be_forms & set(chain):
            object_type, cue_index = _subject_object_type(row, sentence, chain_start)
        if object_type is None or names_object_as(sentence, cue_index):
            return None
    if kind in {"base", "third"} and not chain and opens_clause_at(sentence, chain_start):
        return None  # imperative or a headline fragment without subject ("May 5 - Clashes")
    if (
        sentence.lower(chain_start - 1) in c.determiners
        and kind in {"past", "participle"}
        and not (c.future & set(chain) and sentence.lower(chain_start - 1) in RELATIVE_WORDS)
        and not (
            not chain
            and row.id != "generic"
            and relative_that_with_object(sentence, chain_start - 1, next_index)
        )  # "a shooting that killed two people"
    ):
        return None  # "the recently announced iPhone": an adjective; not "that will be"
    if sentence.lower(index - 1) in c.noun_modifiers and sentence.lower(index - 2) in c.determiners:
        return None  # "the next cut", "a deeper cut": a noun after a determiner and its modifier
    if kind == "third" and follows_noun_determiner(sentence, index):
        return None  # "its plans", "the world's first rules": a noun
    if (
        kind in {"past", "participle"}
        and sentence.lower(index - 1) in {"and", "or"}
        and sentence.lower(index - 2).endswith("ed")
        and sentence.lower(index - 3) in c.determiners
    ):
        return None  # "the documented and reported crackdown": an adjective too
    if not chain and kind in {"past", "participle"} and _adjective_position(sentence, index):
        return None  # "the amount of dropped calls", "has caused dropped calls"
    if (
        not chain
        and kind in {"past", "participle"}
        and is_object_participle(sentence.tokens, index)
    ):
        return None  # "passed a bill introduced in March": the bill's, not a clause
    if not chain and kind in {"past", "participle"} and finite_verb_follows(sentence, index):
        return None  # "The man arrested Monday says": a participle modifying the subject
    if not chain and kind in {"past", "participle"} and sentence.lower(index - 1) in {"than", "as"}:
        return None  # "six months earlier than scheduled", "as planned": a comparison
    verdict = _status_and_tense(
        sentence,
        index,
        kind,
        chain_start,
        status_chain(
            sentence, chain_start, chain, kind, not row.intransitive and row.id != "generic"
        ),
        row,
    )
    if verdict is None or is_hypothetical(sentence, chain_start):
        return None
    status, tense, passive, perfect, participial = verdict
    if passive and status is EventStatus.ongoing and token.lower in SCHEDULED_PARTICIPLES:
        status = EventStatus.planned  # "A second trial is scheduled for January 2024"
    if (
        not passive
        and not chain
        and kind in {"past", "participle"}
        and sentence.lower(next_index) in PASSIVE_COMPLEMENTS
    ):
        passive = True  # "Sam Bankman-Fried found guilty": no object before the complement
    if passive and row.speech:
        return None  # "the king was said to be carrying": hearsay, not an event
    if passive and perfect and sentence.occurs_after("since", index):
        status = EventStatus.ongoing  # "have been detained since December 2018"
    if (
        passive
        and status is EventStatus.ongoing
        and sentence.lower(chain_start - 1) in {"who", "which", "that"}
    ):
        return None  # a state in a relative clause: "all those who are detained"
    if not row.object_required:  # read only for clauses that are events
        object_type, cue_index = _object_type(row, sentence, next_index)
    event_type = object_type or row.type
    if event_type == "sport" and cue_index is not None and tells_election(sentence, cue_index):
        event_type = "vote"  # "claimed victory in India's general election": no match won
    subject_anchor = chain_start
    causative = None
    if "to" in chain:
        # "60 lawmakers plan to issue": the subject stands before the planning verb
        to_index = chain_start + chain.index("to")
        planning_verb = to_index - 1
        causative = causative_verb(sentence, to_index) if chain == ["to"] else None
        if status is EventStatus.occurred:
            planning_verb = purpose_verb(sentence, to_index) or planning_verb
        subject_anchor, _ = auxiliary_chain(sentence, max(0, planning_verb))
        if causative is not None:
            subject_anchor = to_index  # "prompting Apple Corps to file": Apple Corps files
    start, end, coordinated = subject_range(sentence, subject_anchor)
    if causative is not None:
        start = max(start, causative + 1)  # "causing the span to collapse": the span
    if generic and not chain and 0 < start < end and modifies_last_noun(sentence, start, index):
        start = max(p for p in range(start, end) if sentence.lower(p) == "of") + 1
    if (
        start == end
        and sentence.lower(index - 1) == ","
        and (row.id == "generic" or passive or sentence.lower(index + 1) in PREPOSITIONS)
    ):
        start, end = clause_subject(sentence, index)  # "Jobs, born in ... 1955,": Jobs
    if participial:
        start, end = clause_subject(sentence, index)
        main_verb = purpose_verb(sentence, index - 1) if sentence.lower(index - 1) == "by" else None
        if main_verb is not None:  # "Jobs rounded the services off by unveiling": Jobs
            start, end, _ = subject_range(sentence, auxiliary_chain(sentence, main_verb)[0])
        coordinated = True
    elif coordinated:
        modal = (
            coordinated_modal(sentence, chain_start - 1)
            if not chain and bare_form(sentence, index, kind)
            else None
        )
        if modal is not None:  # "Saddam said he will begin ... and release": he
            start, end, _ = subject_range(sentence, auxiliary_chain(sentence, modal)[0])
        if modal is None or start == end:
            relative = coordinated_relative_antecedent(sentence, chain_start - 1)
            start, end = relative if relative is not None else sentence_subject(sentence)
    if (
        not chain
        and not participial
        and not row.intransitive
        and _is_participle(row, token.lower)
        and _ends_without_object(sentence, next_index)
    ):  # passive already when a headline's participle ends its clause ("X jailed pending")
        complement = _complement_subject(sentence, (start, end), index)
        if complement is not None:  # "Police found the man stabbed": the man was stabbed
            start, end = complement
            passive = True
    if start == end and not coordinated:
        antecedent = subject_antecedent(sentence, subject_anchor)
        if antecedent is not None:  # "the Senate, which will vote": the Senate votes
            start, end = antecedent
    subject_tokens = sentence.tokens[start:end]
    if (
        subject_tokens
        and (
            subject_tokens[0].lower in c.negation
            or subject_tokens[0].lower == "no"  # "No successor was named"
            or " ".join(t.lower for t in subject_tokens[:2]) in c.negation
        )
    ):
        return None  # "Nobody died", "No one was arrested"
    if kind == "third" and not chain and has_finite_trigger(subject_tokens):
        return None  # "EU agrees landmark rules on AI": a noun of the object, not a verb
    inverted = False
    if not subject_tokens and row.speech:
        start, end = next_index, next_index
        while end < len(sentence.tokens) and sentence.tokens[end].text not in CLAUSE_END:
            end += 1
        subject_tokens = sentence.tokens[start:end]
        inverted = True
    if participial and (not subject_tokens or is_document(subject_tokens)):
        return None  # "..., the statement said, calling for ...": no actor of its own
    if (
        not passive
        and subject_tokens
        and singular(subject_tokens[-1].lower) in c.document_subject
        and (event_type in {"statement", "request", "accuse", "deny", "threaten"})
    ):
        return None
    if (
        not passive
        and not chain
        and (row.speech or row.type == "statement")
        and kind in {"past", "participle"}
        and subject_tokens
        and end == index
        and singular(subject_tokens[-1].lower) in c.announced_things
    ):
        passive = True  # "new export rules announced in October": the rules were announced
    retyped_to = subject_type(subject_tokens, event_type) if not passive else None
    if retyped_to is not None:
        event_type = retyped_to  # "An earthquake killed 150 people": not an assault
    elif not passive and event_type in abstract_retyped():
        event_type = abstract_subject_type(subject_tokens) or event_type  # "Talks collapsed"
    if event_type == "economy" and is_bodily_move(row, sentence, subject_tokens, index):
        event_type = "other"  # "Delegates rose and cheered", "Baumgartner jumped from a capsule"
    keep_that = row.speech or event_type in {"statement", "accuse", "deny", "threaten"}
    relative = is_relative(sentence, start) or is_relative(sentence, chain_start)
    if relative and on_date_antecedent(sentence, chain_start):
        return None  # "the second quarter, which ended July 27": a period, not an event
    return Detection(
        row=row,
        trigger=token,
        status=status,
        tense=tense,
        type=event_type,
        passive=passive,
        perfect=perfect,
        participial=participial,
        relative=relative,
        subject_start=(
            subject_tokens[0].start if subject_tokens and not coordinated else token.start
        ),
        background=not c.background.isdisjoint(chain),
        coordinated=coordinated,
        particle=particle,
        generic=generic,
        caused=causative is not None,
        arguments=ClauseArguments(
            sentence,
            token,
            (start, end),
            next_index,
            keep_that,
            row.speech,
            cue_index,
            event_type,
            passive,
            inverted,
            set(chain),
        ),
    )


POSSESSIVE_DETERMINERS = frozenset({"its", "his", "her", "their"})


@lru_cache(maxsize=1)
def possessed_followers() -> frozenset[str]:
    """Words that may follow a possessed event noun (`its launch in`, `his death and`)."""
    return PREPOSITIONS | cues().determiners | {"and", "or"}


#: The personal pronoun a possessive determiner stands for ("his resignation": he resigned).
POSSESSIVE_PRONOUN_SUBJECTS = {"his": "he", "her": "she", "their": "they", "its": "it"}


def _possessed_noun_detection(
    sentence: TokenizedSentence, index: int, row: TriggerRow
) -> Detection | None:
    """A nominal event named by its possessor, `its launch`, `Jobs' death`: it refers back to
    an event the text told before (anchoring dates it by that event or drops it)."""
    previous = sentence.tokens[index - 1] if index > 0 else None
    if previous is None or sentence.is_quoted(index):
        return None
    following = sentence.lower(index + 1)
    allowed = possessed_followers()
    if following and following[:1].isalpha() and following not in allowed:
        return None  # "its launch event", "his death toll": a modifier of another noun
    if previous.lower in POSSESSIVE_DETERMINERS:
        # "his resignation": the pronoun `he`, for references to resolve like a subject's
        possessor = POSSESSIVE_PRONOUN_SUBJECTS.get(previous.lower, previous.lower)
    elif previous.is_possessive and previous.is_capitalized:
        possessor = previous.bare
    elif previous.text in {"'", "’"} and index > 1 and sentence.tokens[index - 2].is_capitalized:
        possessor = sentence.tokens[index - 2].text  # "Jobs' death"
    else:
        return None
    token = sentence.tokens[index]
    return Detection(
        row=row,
        trigger=token,
        status=EventStatus.occurred,
        tense="past",
        type=row.type,
        nominal=True,
        possessed=True,
        subject_start=token.start,
        arguments=FixedArguments(
            object_text=possessor,
            targets=[possessor],
            places=sentence.places,
            object_end=token.end,
        ),
    )


def _noun_detection(sentence: TokenizedSentence, index: int, row: TriggerRow) -> Detection | None:
    """A nominal event in the frames `X's arrest of Y`, `the arrest of Name`, `its launch`."""
    if sentence.is_quoted(index):
        return None
    if sentence.lower(index + 1) != "of":
        return _possessed_noun_detection(sentence, index, row)
    object_start = index + 2
    if object_start >= len(sentence.tokens):
        return None
    described = None
    if not sentence.tokens[object_start].is_capitalized:
        described = _described_person(sentence, object_start) or _common_object(
            sentence, object_start
        )
        if described is None:
            return None
    previous = sentence.tokens[index - 1] if index > 0 else None
    actors: list[str] = []
    if previous is not None and previous.is_possessive:
        start = index - 1
        while start > 0 and sentence.tokens[start - 1].is_capitalized:
            start -= 1
        actors = names_in(sentence.tokens[start:index])
    elif previous is None or not (
        previous.lower == "the"
        or (previous.lower in NOUN_EVENT_MODIFIERS and sentence.lower(index - 2) == "the")
    ):
        return None
    noun_phrase_end = None
    common = False
    if described is not None:
        common = sentence.lower(object_start) not in PERSON_POSSESSIVES
        object_start, finish, noun_phrase_end = described
    else:
        finish = object_start
        while finish < len(sentence.tokens) and (
            sentence.tokens[finish].is_capitalized
            or sentence.tokens[finish].lower in {"of", "and"}
            or sentence.tokens[finish].text in {"-", "’s", "'s"}
        ):
            finish += 1
    obj = sentence.tokens[object_start:finish]
    if noun_phrase_end is not None:
        object_end = noun_phrase_end
    else:
        object_end = obj[-1].end if obj else sentence.tokens[index].end
    return Detection(
        row=row,
        trigger=sentence.tokens[index],
        status=EventStatus.occurred,
        tense="past",
        type=row.type,
        nominal=True,
        subject_start=sentence.tokens[index].start,
        introducer=sentence.lower(index - 2) if not actors else "",
        arguments=FixedArguments(
            subject=" ".join(actors),
            object_text=clean_phrase(obj)
            if common
            else " ".join(names_in(obj)) or clean_phrase(obj),
            actors=actors,
            targets=[] if common else names_in(obj),  # "two Bear Stearns hedge funds": no name
            places=sentence.places,
            object_end=object_end,
            anchor_end=object_end,  # "the arrest of Meng Wanzhou in December 2018": its date
        ),
    )


#: Words between `the` and an event noun that keep the frame ("the shooting death of").
NOUN_EVENT_MODIFIERS = frozenset({"shooting", "stabbing", "beating", "sudden", "violent"})
#: Possessive determiners that open a described person ("the death of his girlfriend").
PERSON_POSSESSIVES = frozenset({"his", "her", "their"})


def _described_person(sentence: TokenizedSentence, start: int) -> tuple[int, int, int] | None:
    """The token range of a person an event noun's `of` phrase describes, when it starts with
    a possessive determiner: the name in apposition ("his girlfriend, Reeva Steenkamp,"),
    else the noun phrase ("his wife"); with where that noun phrase ends (the appositive is
    read past when dating the noun); None otherwise."""
    if sentence.lower(start) not in PERSON_POSSESSIVES:
        return None
    end = start + 1
    while (
        end < len(sentence.tokens)
        and end - start <= 3
        and sentence.tokens[end].text.islower()
        and sentence.tokens[end].lower not in PREPOSITIONS
        and end not in sentence.blocked
    ):
        end += 1  # "his former girlfriend", not "his girlfriend on"
    if end == start + 1:
        return None
    if end < len(sentence.tokens) and sentence.tokens[end].text == ",":
        name_end = end + 1
        while name_end < len(sentence.tokens) and sentence.tokens[name_end].is_capitalized:
            name_end += 1
        if name_end > end + 1:
            return end + 1, name_end, sentence.tokens[end - 1].end  # "his girlfriend, Reeva S."
    return start, end, sentence.tokens[end - 1].end


#: How many words the common noun phrase of an event noun's `of` phrase may hold.
COMMON_OBJECT_WORDS = 6
COMMON_OBJECT_STARTS = frozenset({"a", "an", "two", "three", "four", "five", "several", "its"})


def _common_object(sentence: TokenizedSentence, start: int) -> tuple[int, int, int] | None:
    """The token range of a counted or indefinite noun phrase after an event noun's `of`
    ("the collapse of two Bear Stearns hedge funds in July", "the arrest of a banker"), with
    where it ends; None for other phrases ("the death of thousands", "the launch of what")."""
    first = sentence.tokens[start]
    if first.lower not in COMMON_OBJECT_STARTS and not first.text.isdigit():
        return None
    end = start + 1
    while (
        end < len(sentence.tokens)
        and end - start < COMMON_OBJECT_WORDS
        and sentence.tokens[end].text.isalnum()
        and sentence.tokens[end].lower not in PREPOSITIONS
        and sentence.tokens[end].lower not in FINITE_VERBS
        and sentence.tokens[end].lower not in {"and", "or", "who", "which", "that"}
        and end not in sentence.blocked
    ):
        end += 1
    if end == start + 1:
        return None
    return start, end, sentence.tokens[end - 1].end


WORD = re.compile(r"\w+")
GENERIC_ENDINGS = ("ed",)
E_ENDINGS = (
    *("v", "c", "g", "z", "u", "at", "ir", "ur", "or", "os", "iz", "ag", "ar", "ok", "id"),
    "is",  # "promised", "raised", "advised"
)


def lemma_of_past(word: str) -> str:
    """A base form for a past-tense verb (irregular table, then -ed rules)."""
    irregular = generic_table().irregular_pasts
    if word in irregular:
        return irregular[word]
    if word.endswith("ied"):
        return word[:-3] + "y"
    base = word[:-2]
    if len(base) > 2 and base[-1] == base[-2] and base[-1] not in "lsfz":
        return base[:-1]
    if base.endswith(E_ENDINGS):
        return base + "e"
    return base


@lru_cache(maxsize=1)
def _stative() -> frozenset[str]:
    return frozenset(generic_table().stative)


def _generic_detection(sentence: TokenizedSentence, index: int) -> Detection | None:
    """A past-tense verb outside the lexicon; kept later only if its clause has a date."""
    token = sentence.tokens[index]
    lower = token.lower
    irregular = generic_table().irregular_pasts
    if index == 0 and lower in _opening_participles():
        return _opening_participle(sentence)
    if not token.text.islower() or lower in _stative():
        return None
    if lower in PERIOD_END_VERBS and sentence.lower(index - 1) in PERIOD_NOUNS:
        return None  # "the second quarter ended Oct. 31": a period's bound, not an event
    chain_start, chain = auxiliary_chain(sentence, index)
    if _is_perfect_progressive(lower, chain):
        return _generic_progressive(sentence, index)
    passive_participle = (
        lower in generic_table().irregular_participles and not cues().be_forms.isdisjoint(chain)
    )
    if (
        lower not in irregular
        and not passive_participle  # "were flown to Atlanta last week"
        and not (lower.endswith(GENERIC_ENDINGS) and len(lower) > 4)
    ):
        return None
    if "-" in lower and lower.split("-", 1)[0] not in _hyphen_verb_prefixes():
        return None  # "lower-than-expected", "state-owned": an adjective
    previous = sentence.tokens[chain_start - 1] if chain_start > 0 else None
    if (
        not chain
        and previous is not None
        and previous.text.islower()
        and _is_past_form(previous.lower, irregular)
        and not ends_relative_clause(sentence, chain_start - 1)  # "who was arrested fled"
    ):
        return None  # "returned empty-handed", "arrived armed": a complement, not a verb
    if not chain:
        named = previous is not None and (
            previous.is_capitalized
            or previous.lower in cues().pronouns
            or ends_relative_clause(sentence, chain_start - 1)  # "the man who was arrested fled"
        )
        if not named and not _subject_starts_clause(sentence, chain_start):
            return None
        if _later_finite_verb(sentence, index):
            return None  # "A report published in 2004 was wrong": a reduced relative
    return _verb_detection(sentence, index, _generic_past_row(lower), "past", generic=True)


#: Verbs that tell where a reporting period ends, and the periods they follow.
PERIOD_END_VERBS = frozenset({"ended", "ending", "ends"})
PERIOD_NOUNS = frozenset({"quarter", "year", "period", "months", "half", "weeks", "term"})


@lru_cache(maxsize=1)
def _opening_participles() -> frozenset[str]:
    """Participles opening a sentence with what befell its subject (`generic.json`)."""
    return frozenset(generic_table().opening_participles)


#: How far into a sentence the comma closing an opening participle's phrase may stand.
OPENING_PHRASE_TOKENS = 16


def _opening_participle(sentence: TokenizedSentence) -> Detection | None:
    """What an opening participle tells of the subject after its phrase ("Born in Fuerth,
    Germany, in 1923, Kissinger fled": Kissinger born in 1923), when the phrase holds a date;
    a passive event of that subject."""
    tokens = sentence.tokens
    for comma in range(2, min(len(tokens) - 2, OPENING_PHRASE_TOKENS)):
        if tokens[comma].text != "," or not tokens[comma + 1].is_capitalized:
            continue
        end = comma + 1
        while end < len(tokens) and tokens[end].is_capitalized:
            end += 1
        if end >= len(tokens) or not tokens[end].text.islower():
            continue  # "Fuerth, Germany, in": a place goes on
        if not any(index in sentence.blocked for index in range(1, comma)):
            return None  # no date of its own
        subject = names_in(tokens[comma + 1 : end])
        if not subject:
            return None
        trigger = tokens[0]
        obj = object_tokens(sentence, 1, comma)
        while obj and obj[0].text == ",":
            obj = obj[1:]  # "Born on Oct. 1, 1924, in Plains": the comma after the date
        return Detection(
            row=_generic_past_row(trigger.lower),
            trigger=trigger,
            status=EventStatus.occurred,
            tense="past",
            type="other",
            passive=True,
            generic=True,
            subject_start=trigger.start,
            arguments=FixedArguments(
                subject=subject[0],
                object_text=span_text(sentence, obj),
                targets=[subject[0]],
                places=sentence.places,
                object_end=tokens[comma - 1].end,
                anchor_end=tokens[comma - 1].end,
            ),
        )
    return None


@lru_cache(maxsize=1)
def _hyphen_verb_prefixes() -> frozenset[str]:
    """First parts of hyphenated words that are verbs (`generic.json`)."""
    return frozenset(generic_table().hyphen_verb_prefixes)


def _is_past_form(word: str, irregular: Mapping[str, str]) -> bool:
    """Whether a lower-case word is a past-tense verb form (regular or irregular)."""
    return word in irregular or (word.endswith(GENERIC_ENDINGS) and len(word) > 4)


#: Base forms that do not report a happening after `will`/`to` ("will be", "will have").
NOT_PLANNED_EVENTS = frozenset(
    {"be", "have", "do", "become", "continue", "stay", "keep", "get", "try", "seem", "let"}
    | {"result", "allow", "require", "enable", "affect", "depend", "mean", "help", "need"}
)
#: Adverbs that stand between `will` and its verb ("will almost double") besides `cues.json`'s.
ADVERBS_BEFORE_VERBS = frozenset(
    {"almost", "nearly", "soon", "even", "only", "rather", "quite", "certainly", "probably"}
)
#: Words that mark a base form right after them as a planned verb.
FUTURE_MARKERS = frozenset({"will", "shall", "to"})


@lru_cache(maxsize=1)
def _stative_bases() -> frozenset[str]:
    """Base forms of the stative verbs (`generic.json` lists their past forms)."""
    return frozenset(lemma_of_past(word) for word in _stative()) | NOT_PLANNED_EVENTS


def future_marked(sentence: TokenizedSentence) -> frozenset[int]:
    """The token indexes right after `will`/`shall` (or after one adverb past them: "will also
    start") and after the `to` of a planning cue ("plans to land"): where a verb outside the
    lexicon may be a plan. One pass over the sentence, a cheap test before reading a clause."""
    c = cues()
    marked: set[int] = set()
    for index, token in enumerate(sentence.tokens):
        word = token.lower
        if word == "to":
            before = sentence.lower(index - 1)
            two_before = f"{sentence.lower(index - 2)} {before} to"
            if f"{before} to" not in c.planning and two_before not in c.planning:
                continue
        elif word not in ("will", "shall"):
            continue
        marked.add(index + 1)
        if sentence.lower(index + 1) in c.adverbs:
            marked.add(index + 2)
    return frozenset(marked)


@lru_cache(maxsize=1)
def _scheduled_presents() -> dict[str, str]:
    """Present forms of schedule verbs outside the lexicon and their base (`generic.json`)."""
    return generic_table().scheduled_presents


#: How many words may stand between a schedule verb and its date ("begin in the U.S. on").
SCHEDULE_DATE_WINDOW = 5


@lru_cache(maxsize=1)
def generic_words() -> frozenset[str]:
    """Irregular pasts and participles and schedule presents (`generic.json`)."""
    table = generic_table()
    return (
        frozenset(table.irregular_pasts)
        | frozenset(table.irregular_participles)
        | frozenset(table.scheduled_presents)
    )


def _generic_at(sentence: TokenizedSentence, index: int, planned: bool) -> Detection | None:
    """The event a word outside the lexicon (or one every row rejects) of a dated sentence
    tells: a past verb, a planned verb (`planned`: a future marker before it), a schedule, or a
    timeline entry's historical present."""
    lower = sentence.tokens[index].lower
    table = generic_table()
    if (
        lower.endswith(("ed", "ing"))
        or lower in table.irregular_pasts
        or lower in table.irregular_participles
    ):
        return _generic_detection(sentence, index)
    if planned:
        return _generic_planned(sentence, index)
    if sentence.timeline_dash is not None and is_timeline_present(sentence, index):
        row = generic_row(present_base(lower), {"third": lower})
        return _verb_detection(sentence, index, row, "third", generic=True)
    if lower in _scheduled_presents():
        return _generic_scheduled(sentence, index)
    return None


def object_complement(sentence: TokenizedSentence, index: int) -> bool:
    """Whether the word at `index` follows a past verb's object ("declared the Games open",
    "found the door closed"): a complement of that object, not its own verb."""
    position = index - 1
    while position > 0 and sentence.tokens[position].is_capitalized:
        position -= 1  # the object's name
    while position > 0 and sentence.lower(position) in cues().determiners:
        position -= 1
    if position == index - 1 or position < 0:
        return False
    word = sentence.lower(position)
    return _is_past_form(word, generic_table().irregular_pasts) and word.isalpha()


def is_timeline_present(sentence: TokenizedSentence, index: int) -> bool:
    """Whether a lower-case -s verb follows the subject of a timeline entry ("March 29, 2017 -
    Theresa May triggers Article 50"): the historical present of what happened that day."""
    token = sentence.tokens[index]
    lower = token.lower
    if not token.text.isalpha() or not token.text.islower() or not lower.endswith("s"):
        return False
    if lower.endswith(("ss", "us", "is")) or lower in _stative_presents():
        return False
    return opens_timeline_entry(sentence, auxiliary_chain(sentence, index)[0])


def present_base(word: str) -> str:
    """The base of a regular -s present ("triggers" -> trigger, "reaches" -> reach)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    return word[:-1]


@lru_cache(maxsize=1)
def _stative_presents() -> frozenset[str]:
    """-s forms of the stative verbs ("seems", "remains"), never events."""
    presents = frozenset(f"{base}s" for base in _stative_bases()) - {"becomes"}
    return presents | {"has", "does", "goes"}  # "Boris Johnson becomes prime minister"


def _generic_scheduled(sentence: TokenizedSentence, index: int) -> Detection | None:
    """A present verb of a schedule outside the lexicon with a date phrase just after it
    ("Pre-orders begin on Friday", "The trial starts in Boston on Monday"); not a period's
    bound ("the fiscal year ends Sept. 30") nor another verb's complement ("set to begin")."""
    token = sentence.tokens[index]
    lower = token.lower
    base = _scheduled_presents()[lower]
    previous = sentence.tokens[index - 1] if index > 0 else None
    if not token.text.islower() or previous is None:
        return None
    if previous.lower == "to" or _is_past_form(previous.lower, generic_table().irregular_pasts):
        return None  # "set to begin", "helped end the war": another verb's complement
    if object_complement(sentence, index):
        return None  # "declared the Games open": what the Games were declared
    if lower == base and not (previous.lower.endswith("s") or previous.is_capitalized):
        return None  # "let the ground offensive begin": a bare verb needs a plural subject
    _, chain = auxiliary_chain(sentence, index)
    if chain:
        return None  # "will begin", "has started": read by the planned and past detectors
    last = min(index + 1 + SCHEDULE_DATE_WINDOW, len(sentence.tokens))
    for position in range(index + 1, last):
        if position in sentence.blocked:
            break
        if sentence.tokens[position].text in CLAUSE_PUNCTUATION:
            return None
    else:
        return None
    detection = _verb_detection(sentence, index, generic_row(base, {}), "scheduled", generic=True)
    if detection is None or detection.coordinated:
        return None
    subject = detection.subject.split()
    if any(word.lower() in PERIOD_NOUNS for word in subject):
        return None  # "the fiscal year ends", "the quarter, which ends June 26": a calendar
    return detection if subject and _plausible_subject(subject) else None


def _generic_planned(sentence: TokenizedSentence, index: int) -> Detection | None:
    """A planned verb outside the lexicon ("The trial will start on March 8", "China plans to
    land its rover in May"); kept later only if its clause has a date, like a past one."""
    token = sentence.tokens[index]
    lower = token.lower
    if not token.text.isalpha() or not token.text.islower() or lower in _stative_bases():
        return None
    c = cues()
    if lower in c.auxiliary_chain or lower in c.adverbs or lower in ADVERBS_BEFORE_VERBS:
        return None  # "will almost double", "will then travel": not the verb
    if is_ly_adverb(lower):
        return None
    _, chain = auxiliary_chain(sentence, index)
    if FUTURE_MARKERS.isdisjoint(chain) or in_subject_modifier(sentence, index):
        return None
    row = generic_row(lower, {})
    detection = _verb_detection(sentence, index, row, "base", generic=True)
    if detection is None or detection.status is not EventStatus.planned:
        return None
    subject = detection.subject.split()
    if detection.coordinated or not subject or not _plausible_subject(subject):
        return None  # no one to name in the headline ("To begin", "Effective and the company")
    return detection


#: Tokens that end the clause a subject belongs to.
CLAUSE_ENDS = frozenset({";", ":", "—", "which", "who", "that", "because", "while"})


def in_subject_modifier(sentence: TokenizedSentence, index: int) -> bool:
    """Whether the verb at `index` follows a planning participle modifying the noun before it,
    inside the subject of a modal verb further on ("An alliance [expected to include 20
    countries] will make its request"): what the subject does is the modal verb's event."""
    if index < 3 or sentence.lower(index - 1) != "to":
        return False
    if not modifies_noun_before(sentence, index - 2):
        return False
    modals = cues().future | cues().irrealis
    for token in sentence.tokens[index + 1 : index + 40]:
        if token.lower in CLAUSE_ENDS:
            return False
        if token.lower in modals:
            return True
    return False


def _plausible_subject(words: list[str]) -> bool:
    """Whether the words read as a subject a generic planned verb can take: not opening with a
    preposition, not ending with a conjunction ("Moving even faster than")."""
    return words[0].lower() not in PREPOSITIONS and words[-1].lower() not in SUBJECT_ENDS_NOT


#: Words a subject cannot end with: the clause before it was cut short.
SUBJECT_ENDS_NOT = frozenset({"and", "or", "but", "than", "nor"})


@lru_cache(maxsize=4096)
def _generic_past_row(word: str) -> TriggerRow:
    """The lexicon row standing for a past-tense verb outside the lexicon (made once per word)."""
    return generic_row(lemma_of_past(word), {"past": word, "participle": word})


def generic_row(lemma: str, forms: dict[str, str]) -> TriggerRow:
    """A lexicon row of type `other` for a verb outside the lexicon, with the given forms."""
    return TriggerRow.model_construct(
        id="generic",
        lemma=lemma,
        pos="verb",
        forms=forms,
        particles=[],
        objects={},
        object_required=False,
        type="other",
        speech=False,
        positive=[],
        negative=[],
    )


def _is_perfect_progressive(word: str, chain: list[str]) -> bool:
    """`has been fighting`: an -ing verb after `been` and a form of `have`."""
    c = cues()
    return (
        word.endswith("ing")
        and len(word) > 5
        and bool(chain)
        and chain[-1] == "been"
        and bool(set(chain) & c.have_forms)
    )


def lemma_of_gerund(word: str) -> str:
    """A base form for an -ing verb ("fighting" -> "fight", "running" -> "run")."""
    base = word[:-3]
    if len(base) > 2 and base[-1] == base[-2] and base[-1] not in "lsz":
        return base[:-1]
    if base.endswith(E_ENDINGS):
        return base + "e"
    return base


def _generic_progressive(sentence: TokenizedSentence, index: int) -> Detection | None:
    """A continuing activity outside the lexicon (`has been fighting cancer since 2004`); kept
    later only with its own `since` phrase."""
    lower = sentence.tokens[index].lower
    row = generic_row(lemma_of_gerund(lower), {"gerund": lower})
    detection = _verb_detection(sentence, index, row, "gerund", generic=True)
    if detection is None or detection.status is not EventStatus.ongoing:
        return None
    return detection


#: Prepositions that go on a noun phrase after its head noun ("teams from six countries").
NOUN_PHRASE_PREPOSITIONS = frozenset({"from"})


def _subject_starts_clause(sentence: TokenizedSentence, chain_start: int) -> bool:
    """Whether the words before the verb are a noun phrase opening the sentence or clause."""
    c = cues()
    position = chain_start - 1
    while position >= 0:
        token = sentence.tokens[position]
        if token.text in CLAUSE_PUNCTUATION or token.lower in c.subordinators:
            return True
        if position in sentence.blocked:
            intro = sentence.date_run_start(position) - 1
            if (
                intro >= 0
                and sentence.lower(intro) in DATE_INTRODUCERS
                and (intro == 0 or sentence.lower(intro - 1) in CLAUSE_COORDINATORS | {","})
            ):
                # "but on Tuesday [a court] ordered"; "For the third quarter ended": no subject
                return position < chain_start - 1
            position -= 1
            continue
        if token.lower == "of" or (
            token.lower in NOUN_PHRASE_PREPOSITIONS
            and position > 0
            and is_noun_like(sentence, position - 1)
            and (
                sentence.tokens[chain_start - 1].is_capitalized
                or sentence.lower(chain_start - 1).endswith("s")
            )  # the head of the phrase before the verb: "six countries", not "convertible"
        ):
            position -= 1  # "Pre-orders of the iPhone", "Search teams from six countries"
            continue
        if token.lower in verb_stops() and _after_determiner(sentence, position):
            position -= 1  # "the recently announced iPhone": an adjective in the subject
            continue
        if token.text.islower() and (
            token.lower in reporting_forms()
            or token.lower in cue_table().complement_verbs.get("active", ())
        ):  # "said the suspect fled": a reported clause; "ordered the man released"
            return position < chain_start - 1
        if token.lower in verb_stops() or token.lower in VERBLIKE or token.lower in PREPOSITIONS:
            return False
        position -= 1
    return True


def _after_determiner(sentence: TokenizedSentence, index: int) -> bool:
    """Whether a word follows a determiner, perhaps through -ly adverbs ("the newly elected")."""
    position = index - 1
    while position >= 0 and is_ly_adverb(sentence.tokens[position].text):
        position -= 1
    return sentence.lower(position) in cues().determiners


#: Words that end the clause of a verb read forwards ("found [that] Boeing had breached").
FORWARD_CLAUSE_ENDS = frozenset({"and", "but", "which", "who", "that"})


def _later_finite_verb(sentence: TokenizedSentence, index: int) -> bool:
    """Whether a finite verb follows in the same clause (the -ed form was a modifier); not
    one of a clause it introduces ("found that Boeing had breached")."""
    finite = FINITE_VERBS
    tokens = sentence.tokens
    for position in range(index + 1, len(tokens)):
        token = tokens[position]
        if token.lower == "and" and joins_names(sentence, position):
            continue  # "people killed in Indonesia in 2018 and Ethiopia in 2019 said"
        if token.text in CLAUSE_PUNCTUATION or token.lower in FORWARD_CLAUSE_ENDS:
            return False
        if token.lower in finite:
            return True
    return False


def joins_names(sentence: TokenizedSentence, index: int) -> bool:
    """Whether the `and` at `index` joins two names or dates, not two clauses: "on Monday and
    Tuesday", "Kenya and Tanzania", "in Indonesia in 2018 and Ethiopia in 2019"."""
    tokens = sentence.tokens
    if index + 1 >= len(tokens) or index == 0:
        return False
    following, previous = tokens[index + 1], tokens[index - 1]
    if index + 1 in sentence.blocked:
        return True
    if not following.is_capitalized:
        return False
    if previous.is_capitalized and index - 1 not in sentence.blocked:
        return True
    if index - 1 not in sentence.blocked:
        return False
    after = index + 2  # a name, then a date of its own: the same frame twice
    while after < len(tokens) and tokens[after].is_capitalized:
        after += 1
    return sentence.lower(after) in DATE_INTRODUCERS and after + 1 in sentence.blocked


@lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    return frozenset(trigger_forms())


def has_trigger_word(text: str) -> bool:
    """A quick test for any trigger form in a text (skips most sentences cheaply)."""
    return not _trigger_words().isdisjoint(words_of(text.lower()))


#: Every ASCII character that is not a word character (`\w`), mapped to a space.
ASCII_NOT_WORD = str.maketrans(
    {chr(code): " " for code in range(128) if not WORD.fullmatch(chr(code))}
)


def words_of(text: str) -> list[str]:
    r"""The words (`\w+`) of a text; an ASCII text by a character table and a split, not by
    the pattern, which tests every character's Unicode category."""
    if text.isascii():
        return text.translate(ASCII_NOT_WORD).split()
    return WORD.findall(text)


def detect(text: str, blocked: list[tuple[int, int]] | None = None) -> list[Detection]:
    """Event detections in a sentence, in order; `blocked` are date-phrase spans to skip."""
    if text.rstrip().endswith("?"):
        return []
    dated = bool(blocked)  # a verb outside the lexicon needs a date phrase in its sentence
    if not dated and not has_trigger_word(text):
        return []
    sentence = TokenizedSentence(text, blocked or [])
    planned_at = future_marked(sentence) if dated else frozenset()
    forms = trigger_forms()
    found: list[Detection] = []
    for index, token in enumerate(sentence.tokens):
        if token.lower in forms and is_inside_name(sentence, index):
            continue  # "..., Met Éireann said": a word of a name, not "met"
        if token.lower not in forms:
            if dated and (
                token.lower.endswith(("ed", "ing"))
                or token.lower in generic_words()
                or index in planned_at
                or sentence.timeline_dash is not None
            ):  # most words outside the lexicon are none of a generic reading's
                generic = _generic_at(sentence, index, index in planned_at)
                if generic is not None:
                    found.append(generic)
            continue
        for row, kind in forms.get(token.lower, []):
            if kind == "noun":
                detection = _noun_detection(sentence, index, row)
            else:
                detection = _verb_detection(sentence, index, row, kind)
                if (
                    detection is not None
                    and detection.status is EventStatus.planned
                    and in_subject_modifier(sentence, index)
                ):
                    detection = None  # "The company [expected to win the contract] will"
            if detection is not None:
                found.append(detection)
                break
        else:  # every row rejects the word: it may still be a dated past or planned event
            generic = _generic_at(sentence, index, index in planned_at) if dated else None
            if generic is not None:
                found.append(generic)
    triggers = {d.trigger.start for d in found if not d.generic}
    found = [d for d in found if not (d.generic and _next_start(sentence, d) in triggers)]
    finite = [d for d in found if not d.participial and not d.nominal and not d.generic]
    if finite:  # "said Monday, adding that": the participle elaborates the finite verb...
        kept = frozenset(cue_table().consequence_types)  # ...unless ", killing 12 people"
        found = [
            d
            for d in found
            if not d.participial or d.perfect or (d.type in kept and not d.row.speech)
        ]  # ", having also claimed the US Open": an earlier event of its own
    return [consequence_of_disaster(d, found) for d in found]


#: Short words that stay lower-case in a headline written in title case.
TITLE_CASE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "as"}
)


def is_inside_name(sentence: TokenizedSentence, index: int) -> bool:
    """Whether a capitalized trigger word inside a sentence, after a word or a comma and
    before another capitalized word, is a word of a name ("..., Met Éireann said", "actor Will
    Smith"), in a sentence not written in title case ("Storm Kills Five In Texas")."""
    tokens = sentence.tokens
    if index == 0 or index + 1 >= len(tokens) or not tokens[index].is_capitalized:
        return False
    following, previous = tokens[index + 1], tokens[index - 1]
    if not following.is_capitalized or not following.text.isalpha():
        return False
    if not (previous.text.isalnum() or previous.text == ","):
        return False
    return any(
        t.text.isalpha() and t.text.islower() and t.lower not in TITLE_CASE_SMALL_WORDS
        for t in tokens
    )


def consequence_of_disaster(detection: Detection, found: list[Detection]) -> Detection:
    """A participle of harm after a disaster is part of it ("a jet crashed, killing 346
    people": a disaster, not an assault)."""
    if not detection.participial or detection.type != "assault":
        return detection
    before = [d for d in found if d.trigger.start < detection.trigger.start and not d.participial]
    if any(d.type == "disaster" for d in before):  # "crashed into a hill as it approached"
        return replace(detection, type="disaster")
    return detection


def _next_start(sentence: TokenizedSentence, detection: Detection) -> int | None:
    """Where the token after a detection's trigger starts ("found" in "was found murdered":
    where "murdered" starts); None at the end of the sentence."""
    for token in sentence.tokens:
        if token.start > detection.trigger.start:
            return token.start
    return None


def _is_participle(row: TriggerRow, word: str) -> bool:
    """Whether a trigger's word may be its past participle ("stabbed", "shot")."""
    return word.endswith("ed") or word == row.forms.get("participle")


#: Words opening a reported clause that lead it into a sentence ("But", "However,") or an
#: adverbial phrase before its subject ("Since then,", "Last week,").
CLAUSE_LEADS = frozenset({"but", "and", "yet", "so", "still", "however", "meanwhile"})
ADVERBIAL_STARTS = frozenset(
    {"since", "after", "before", "in", "on", "at", "during", "earlier", "later", "then"}
)
#: Words opening a subordinate clause, which is not what was reported.
SUBORDINATE_STARTS = frozenset(
    {"while", "if", "when", "although", "though", "as", "because", "unless", "whether"}
)


def reported_clause(tokens: list[Token]) -> list[Token]:
    """The reported clause of the tokens before an attribution, from its subject on: without
    a leading conjunction, adverbial phrase or stray comma; empty when it is a subordinate
    clause or starts with a capitalized dateline word ("BUDAPEST")."""
    start = 0
    while start < len(tokens) and (
        not tokens[start].text.isalnum() or tokens[start].lower in CLAUSE_LEADS
    ):
        start += 1
    quantity = (
        start + 1 < len(tokens)
        and tokens[start].lower == "at"
        and tokens[start + 1].lower in {"least", "most"}
    )  # "At least 30 people were killed": a quantity, not an adverbial phrase
    if start < len(tokens) and tokens[start].lower in ADVERBIAL_STARTS and not quantity:
        comma = next(
            (i for i in range(start, min(start + 6, len(tokens))) if tokens[i].text == ","), None
        )
        if comma is not None:
            start = comma + 1
    clause = tokens[start:]
    if not clause or clause[0].lower in SUBORDINATE_STARTS:
        return []
    if clause[0].lower in ADVERBIAL_STARTS and not quantity:
        return []
    if len(clause[0].text) > 2 and clause[0].text.isupper():
        return []
    return clause


#: Prepositions of a place between a verb and its particle ("agreed in Vienna to cut").
LOCATIVE_INTRODUCERS = frozenset({"in", "at"})


def _particle_index(sentence: TokenizedSentence, index: int, particles: list[str]) -> int | None:
    """Where a trigger's particle is, the trigger's next token being at `index`: there, or
    after a date phrase that a preposition introduces ("agreed on Saturday to a bailout": the
    `to`) or a place ("agreed in Vienna on Wednesday to cut"); -1 for a date phrase introduced
    by a particle and no particle after it ("agreed on Saturday": the `on` is the date's); None
    when no particle follows ("hit in 1915")."""
    if sentence.lower(index) in DATE_QUALIFIERS and (
        index + 1 in sentence.blocked
        or (sentence.lower(index + 1) in DATE_INTRODUCERS and index + 2 in sentence.blocked)
    ):  # "agreed early on Sunday to", "agreed late Friday to": the date phrase's qualifier
        after = index + 1 if index + 1 in sentence.blocked else index + 2
        while after in sentence.blocked:
            after += 1
        return after if sentence.lower(after) in particles else None
    word = sentence.lower(index)
    if word in LOCATIVE_INTRODUCERS and word not in particles:
        after = index + 1
        while after < len(sentence.tokens) and after - index <= PLACE_WORDS:
            if not sentence.tokens[after].is_capitalized or after in sentence.blocked:
                break
            after += 1
        if after > index + 1:  # "agreed in Vienna on Wednesday to cut": past the place
            return _particle_index(sentence, after, particles)
    if word in DATE_INTRODUCERS and index + 1 in sentence.blocked:
        after = index + 1
        while after in sentence.blocked:
            after += 1
        if sentence.lower(after) in particles:
            return after
        return -1 if word in particles else None  # "hit in 1915": not "hit back"
    return index if word in particles else None


#: Adverbs of place that may follow a participle ("1,643 wounded there").
PLACE_ADVERBS = frozenset({"there", "here", "nearby", "abroad", "overseas", "inside", "outside"})


def names_object_as(sentence: TokenizedSentence, cue_index: int | None) -> bool:
    """Whether the object noun at `cue_index` is followed by what it is called ("called the
    election a sham"): a naming, not the act the noun names (not "held the meeting a day
    after the attack")."""
    if cue_index is None or sentence.lower(cue_index - 1) not in DEFINITE_DETERMINERS:
        return False
    return (
        sentence.lower(cue_index + 1) in {"a", "an"}
        and sentence.lower(cue_index + 2) not in TIME_UNIT_WORDS
    )


#: Determiners of a noun already known ("the election"), and the words of an offset after an
#: object ("a day after").
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "its", "his", "her", "their"})
TIME_UNIT_WORDS = frozenset(
    {"day", "week", "month", "year", "decade", "hour", "minute", "few", "second", "time"}
)


def _adjective_position(sentence: TokenizedSentence, index: int) -> bool:
    """Whether a past form at `index` stands where only an adjective can: right after a
    preposition or after another past verb that is no auxiliary, before a word that may be
    the noun it modifies ("of dropped calls", "caused dropped calls"), or after a number
    ("the 543 elected seats")."""
    if index == 0 or index + 1 >= len(sentence.tokens) or index - 1 in sentence.blocked:
        return False
    following = sentence.tokens[index + 1]
    if (
        not following.text.isalpha()
        or following.lower in PREPOSITIONS
        or index + 1 in sentence.blocked
    ):
        return False  # "was found murdered on Monday": a participle, no noun after it
    previous = sentence.tokens[index - 1]
    if previous.lower in PREPOSITIONS_BUT_TO:
        return True
    if (
        is_number(previous.lower)
        and following.text.islower()
        and following.lower not in cues().adverbs
        and following.lower not in PLACE_ADVERBS
        and not is_ly_adverb(following.lower)  # "a Boeing 737 MAX 8 crashed shortly after"
        and following.lower not in VERBLIKE
    ):
        return True  # "282 of the 543 elected seats", "12 elected members"
    return (
        not previous.is_capitalized
        and previous.lower not in cues().auxiliary_chain
        and _is_past_form(previous.lower, generic_table().irregular_pasts)
    )


def _ends_without_object(sentence: TokenizedSentence, index: int) -> bool:
    """Whether no object follows a verb whose next token is at `index`: the sentence or clause
    ends, or a preposition or date phrase comes ("stabbed on Monday", "killed in 2009")."""
    if index >= len(sentence.tokens) or index in sentence.blocked:
        return True
    word = sentence.tokens[index]
    return (
        word.lower in PREPOSITIONS
        or word.lower in ADVERBIAL_OPENERS
        or (not word.text.isalnum() and word.text != "$")
    )


#: Words that join or open clauses: no complement's noun phrase holds one.
CLAUSE_JOINERS = frozenset({"that", "and", "but", "or", "which", "who"})
#: Words that open an adverbial after a verb as a preposition does ("jailed ahead of the vote",
#: "ordered him jailed pending trial").
ADVERBIAL_OPENERS = frozenset({"ahead", "pending", "while", "as"})


def _complement_subject(
    sentence: TokenizedSentence, subject: tuple[int, int], index: int
) -> tuple[int, int] | None:
    """What a participle describes when a complement verb (`cues.json`) stands before its
    would-be subject or, after a form of be, before the participle itself: "Police found the
    man stabbed" (the man was stabbed; not the man's act), "He was found murdered" (He, the
    subject of "was found"); else None."""
    start, end = subject
    verbs = cue_table().complement_verbs
    active = verbs.get("active", ())
    verb = (start if end > start else index) - 1
    if end > start:
        if verb >= 0 and sentence.tokens[verb].lower in active:
            return start, end
        inside = [p for p in range(start, index - 1) if sentence.lower(p) in active]
        if not inside or any(
            sentence.tokens[p].text in CLAUSE_PUNCTUATION
            or sentence.lower(p) in CLAUSE_JOINERS
            or p in sentence.blocked
            for p in range(inside[-1] + 1, index)
        ):
            return None  # only a plain noun phrase between: "had ruled that Elian ... set"
        return inside[-1] + 1, index  # "A court ordered Imamoglu jailed"
    if verb < 0:
        return None
    word = sentence.tokens[verb].lower
    if word not in verbs.get("passive", ()):
        return None
    verb_start, verb_chain = auxiliary_chain(sentence, verb)
    if cues().be_forms.isdisjoint(verb_chain):
        return None
    found_start, found_end, _ = subject_range(sentence, verb_start)
    return (found_start, found_end) if found_end > found_start else None
