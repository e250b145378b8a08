"""Anchoring: the date phrase that governs an event, and the event's time at honest precision.

A date phrase governs an event when it lies in the event's clause (subject to object), or opens
the sentence as an adverbial ("In February, ..."). Phrases that only modify a noun ("the 1948
Convention", "its report for 2019") never govern; `since X` governs only continuing events.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.events.arguments import SCORE, is_object_participle
from timeline.events.clause import TOKEN_START
from timeline.events.detect import Detection
from timeline.events.lexicon import cue_table, generic_table, trigger_forms
from timeline.events.tokens import tokens_of
from timeline.models import (
    GRANULARITY_RANK,
    Document,
    EventStatus,
    EventTime,
    Granularity,
    PartialDate,
    TemporalExpression,
    TimeBasis,
    TimexType,
)
from timeline.temporal.calendar import add_months, day_date, month_date, week_date
from timeline.temporal.calendar import bounds as calendar_bounds

DATE_VALUE = re.compile(r"\A(?:\d{4}|XXXX)")
SINCE_BEFORE = re.compile(r"\b(?:since|from)\s+$", re.IGNORECASE)
ONWARD_AFTER = re.compile(r"\A\s+(?:onwards?|on)\b", re.IGNORECASE)
ATTRIBUTIVE_BEFORE = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)\s+$|\b[a-z]+\s+(?:for|of)\s+$"
    r"|\w[’']s\s+$)"
)
POSSESSIVE_AFTER = re.compile(r"\A[’']s\b")
WEEKDAY_ONLY = re.compile(
    r"\A(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\Z", re.IGNORECASE
)
MONTH_OR_DIGIT = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE
)
BOUNDARY_CHARACTERS = frozenset(';:–—“”"')
SINCE_RIGHT_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
TERM_BEFORE = re.compile(r"\b(?:due|payable|expiring|maturing|dated)\s+$")
#: An occasion and "for" right before a date phrase ("a referendum for July 5").
OCCASION_FOR_BEFORE = re.compile(r"\b([a-z]+)\s+for\s+\Z")
DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their)\s+$", re.IGNORECASE)
LOWERCASE_AFTER = re.compile(r"\A\s?[a-z]")
BARE_YEAR = re.compile(r"\d{4}s?")
OCCASION_WORD = re.compile(r"[A-Za-z][\w'-]*|[^\w\s]")
VALUE_DATE = re.compile(r"\A(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
BASIS_FROM_ANCHOR = {
    "none": TimeBasis.explicit,
    "document": TimeBasis.relative,
    "previous": TimeBasis.anaphoric,
}


@dataclass(frozen=True)
class Governing:
    """The expression governing an event, and whether it is a `since X` start."""

    expression: TemporalExpression
    since: bool
    penalty: float = 0.0


def is_date_like(expression: TemporalExpression) -> bool:
    """Whether an expression names a date or time (not a duration, set or PRESENT_REF)."""
    return expression.type in (TimexType.DATE, TimexType.TIME) and bool(
        DATE_VALUE.match(expression.value)
    )


#: "later"/"earlier" right after a duration: an offset from the narrative's last date.
FOR_BEFORE = re.compile(r"\bfor\s+\Z", re.IGNORECASE)
OFFSET_WORD = re.compile(r"\s+(?P<word>later|earlier)\b")
#: A duration with a number: days, weeks or months (hours keep the reference's day).
COUNTED_DURATION = re.compile(r"\AP(?:T(?P<hours>\d+)H|(?P<amount>\d+)(?P<unit>[DWM]))\Z")


def offset_dates(
    text: str,
    expressions: list[tuple[int, int, TemporalExpression]],
    reference: EventTime | None,
) -> list[tuple[int, int, TemporalExpression]]:
    """The expressions of a sentence (offsets in it), with each counted duration told as an
    offset ("Four days later", "two weeks earlier") replaced by the date it gives from the
    narrative's last day: 1990-08-02, "Four days later" is 1990-08-06 (a week or month offset
    gives its week or month). TimeML tags such a duration as a DURATION; a timeline needs the
    date. A day told before it in the same sentence is the day it counts from ("arrested on
    Dec. 12 and extradited nine days later": Dec. 21); without one, unchanged unless the
    reference is a single day."""
    if not any(expression.type is TimexType.DURATION for _, _, expression in expressions):
        return expressions  # no duration: nothing told as an offset
    result = []
    starts = {start for start, _, _ in expressions}
    last_day = (
        reference.earliest
        if reference is not None and reference.earliest == reference.latest
        else None
    )
    for start, end, expression in expressions:
        if is_date_like(expression) and expression.granularity is Granularity.day:
            last_day = expression.earliest or last_day
        offset = OFFSET_WORD.match(text, end) if expression.type is TimexType.DURATION else None
        if offset is not None and (
            FOR_BEFORE.search(text, max(0, start - 5), start) or offset.end() + 1 in starts
        ):
            offset = None  # "for five weeks earlier this year": a duration, then the date
        amount = COUNTED_DURATION.match(expression.value) if offset else None
        if offset is None or amount is None or last_day is None:
            result.append((start, end, expression))
            continue
        sign = -1 if offset.group("word") == "earlier" else 1
        date = offset_date(last_day, amount, sign)
        days = calendar_bounds(date)
        if days is None:  # a known day always gives known bounds; kept as written otherwise
            result.append((start, end, expression))
            continue
        span = offset.end() - end
        dated = expression.model_copy(
            update={
                "type": TimexType.DATE,
                "value": date.timex_value(),
                "granularity": date.grain,
                "earliest": days[0],
                "latest": days[1],
                "anchor": "previous",
                "end": expression.end + span,
                "text": text[start : offset.end()],
                "rule": "duration_offset",
            }
        )
        result.append((start, offset.end(), dated))
    return result


def offset_date(day: dt.date, amount: re.Match[str], sign: int) -> PartialDate:
    """The day, week or month a counted duration away from `day`."""
    if amount.group("hours"):
        return day_date(day)
    count = sign * int(amount.group("amount"))
    unit = amount.group("unit")
    if unit == "D":
        return day_date(day + dt.timedelta(days=count))
    if unit == "W":
        return week_date(day + dt.timedelta(weeks=count))
    moved = add_months(day, count)
    return month_date(moved.year, moved.month)


def is_since(text: str, start: int, end: int) -> bool:
    """Whether the phrase at [start, end) of `text` starts a period: `since X`, `from X on`."""
    before = text[max(0, start - 12) : start]
    if SINCE_RIGHT_BEFORE.search(before):
        return True
    return bool(SINCE_BEFORE.search(before) and ONWARD_AFTER.match(text[end : end + 12]))


#: A superlative before `since X` ("the highest turnout since 1992", "its lowest level since
#: 1985", "the worst earthquake to hit Nepal since"): X is a point of comparison.
SUPERLATIVE_SINCE_BEFORE = re.compile(
    r"\b(?:highest|lowest|worst|best|biggest|largest|smallest|strongest|weakest|deadliest|"
    r"fastest|slowest|sharpest|steepest|hottest|coldest|wettest|driest|longest|shortest|"
    r"greatest|fewest|first|most|least)\b[^.;:]{0,60}\bsince\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
#: A when-clause right after a date ("since 1934, when some 8,500 people died"): the
#: clause's event is at that date, which the story may go on from.
WHEN_AFTER = re.compile(r"\s*,?\s*when\b", re.IGNORECASE)


def is_compared_since(text: str, start: int, end: int) -> bool:
    """Whether the phrase at [start, end) is the `since X` of a superlative, a point of
    comparison that moves no narrative time (unless a when-clause tells what happened then)."""
    return bool(SUPERLATIVE_SINCE_BEFORE.search(text, max(0, start - 80), start)) and not (
        WHEN_AFTER.match(text, end)
    )


def is_attributive(text: str, start: int, end: int, expression: TemporalExpression) -> bool:
    """Whether the phrase only modifies a noun: `the 1948 Convention`, `report for 2019`."""
    possessive = POSSESSIVE_AFTER.match(text[end : end + 3])
    if possessive:  # "last week's report", but "won in Wednesday's election": that day
        return not (
            POSSESSIVE_OCCASION_BEFORE.search(text[max(0, start - 10) : start])
            and occasion_noun_follows(text, end + possessive.end())
        )
    if TERM_BEFORE.search(text[max(0, start - 12) : start]):
        return True  # "notes due Oct. 15, 1999": a term of the object, not the event's date
    occasion = OCCASION_FOR_BEFORE.search(text, max(0, start - 30), start)
    if (
        occasion is not None
        and occasion.group(1).lower() in gathering_nouns()
        and text[start : start + 1].isupper()
    ):  # "called a referendum for July 5": the vote's day, not the calling's (not "scheduled
        return True  # a news conference for later today": it is the day of both)
    if follows_object_participle(text, start):
        return True  # "breaking a record set in 1945": when the record was set
    if PERIOD_ENDED_BEFORE.search(text, max(0, start - 40), start):
        return True  # "for the quarter ended Sept. 30": the period's last day, not the event's
    if DECLARING_VERB_BEFORE.search(text, max(0, start - 14), start) and ARTICLE_AFTER.match(
        text, end
    ):
        return True  # "declared Monday a national day of mourning": the day declared
    if is_period_adjective_object(text, start, end, expression):
        return True  # "reported second-quarter profit of $4.26 billion on Thursday"
    if (
        FOR_BEFORE_PERIOD.search(text, max(0, start - 10), start)
        and expression.granularity in FIGURE_PERIODS
        and DAY_PHRASE_RIGHT_AFTER.match(text, end)
    ):
        return True  # "reported a net loss for the third quarter on Thursday": the figures'
    if DETERMINER_BEFORE.search(text[max(0, start - 8) : start]) and LOWERCASE_AFTER.match(
        text[end : end + 2]
    ):  # "the August 1988 cease-fire"; not "lost his 1980 re-election bid": its occasion
        return not (
            is_occasion_phrase(text, start, end)
            or (verb_object_before(text, start) and occasion_noun_follows(text, end))
        )
    bare_year = expression.granularity in (Granularity.year, Granularity.decade) and bool(
        BARE_YEAR.fullmatch(expression.text)
    )
    return bare_year and bool(ATTRIBUTIVE_BEFORE.search(text[max(0, start - 20) : start]))


#: A verb that makes its object something ("declared Monday a day of mourning"), and the
#: article of the complement after the object.
DECLARING_VERB_BEFORE = re.compile(
    r"\b(?:declared?|declares|named?|names|designated?|designates|proclaimed?|proclaims)\s+\Z",
    re.IGNORECASE,
)
ARTICLE_AFTER = re.compile(r"\s+(?:a|an|the)\s", re.IGNORECASE)


#: A verb and the determiner of its object right before a date phrase ("lost his", "won the").
VERB_DETERMINER_BEFORE = re.compile(r"\b([a-z]+)\s+(?:the|a|an|its|his|her|their)\s+\Z")


def verb_object_before(text: str, start: int) -> bool:
    """Whether a date phrase opens the object of a verb in the past ("lost his 1980
    re-election bid", "won the 2020 election"): with an occasion noun, the verb's date."""
    match = VERB_DETERMINER_BEFORE.search(text, max(0, start - 24), start)
    if match is None:
        return False
    word = match.group(1)
    return word.endswith("ed") or word in generic_table().irregular_pasts


#: "for" before the period of reported figures, and the grains such a period has.
FOR_BEFORE_PERIOD = re.compile(r"\bfor\s+(?:the\s+|its\s+|their\s+)?\Z", re.IGNORECASE)
FIGURE_PERIODS = frozenset(
    {Granularity.quarter, Granularity.half, Granularity.year, Granularity.month}
)
#: A day the verb has of its own after its object ("... profit of $4.26 billion on Thursday"),
#: and how far after the period adjective it is looked for.
DAY_PHRASE_AFTER = re.compile(r"\bon\s+(?:[A-Z][a-z]+|\d)")
DAY_PHRASE_RIGHT_AFTER = re.compile(r"\s*,?\s+on\s+(?:[A-Z][a-z]+|\d)")
DAY_PHRASE_WINDOW = 80
#: How many words after a period adjective's noun are read for the verb of a clause.
PERIOD_CLAUSE_WORDS = 4
#: A lower-case word right before a date phrase, and a lower-case noun right after it.
WORD_BEFORE = re.compile(r"\b([a-z]+)\s+\Z")
NOUN_AFTER = re.compile(r"\s+[a-z]")


def is_period_adjective_object(
    text: str, start: int, end: int, expression: TemporalExpression
) -> bool:
    """Whether a hyphenated period adjective opens the object of a verb that has a day of its
    own after it ("reported second-quarter profit ... on Thursday", "will report third-quarter
    results on Oct. 30"): the period of the figures, not the time of the report (without such
    a day, "reported lower third-quarter earnings" keeps the quarter, which the figures told
    next go on with)."""
    if "-" not in expression.text or not NOUN_AFTER.match(text, end):
        return False
    match = WORD_BEFORE.search(text, max(0, start - 16), start)
    if match is None:
        return False
    word = match.group(1)
    irregular = generic_table().irregular_pasts
    verb_before = (
        word.endswith("ed")
        or word in irregular
        or any(kind in {"past", "base", "third"} for _, kind in trigger_forms().get(word, []))
    )
    following = text[end:].split()[1:PERIOD_CLAUSE_WORDS]
    clause = any(w.endswith("ed") or w.strip(".,") in irregular for w in following)
    own_day = DAY_PHRASE_AFTER.search(text, end, end + DAY_PHRASE_WINDOW) is not None
    return verb_before and own_day and not clause  # not "said second-quarter profit rose"


def follows_object_participle(text: str, start: int) -> bool:
    """Whether a date phrase at `start` follows a participle and its preposition that modify
    the object of a verb ("breaking a record set in 1945"; see `is_object_participle`)."""
    tokens = tokens_of(text)
    index = bisect.bisect_left(tokens, start, key=TOKEN_START)
    return index >= 2 and is_object_participle(tokens, index - 2)


OCCASION_BEFORE = re.compile(
    r"\b(?:in|at|during|on|after|before|from|since)\s+(?:the|a|an|its|his|her|their)\s+$",
    re.IGNORECASE,
)
OCCASION_WORDS = 3


@lru_cache(maxsize=1)
def gathering_nouns() -> frozenset[str]:
    """Nouns of occasions held at one time (`cues.json` `gathering_nouns`)."""
    return frozenset(cue_table().gathering_nouns)


def in_opening_participle(text: str, end: int) -> bool:
    """Whether a date phrase ending at `end` stands in a participle clause opening the
    sentence ("Born in Lorain, Ohio, in 1931, Morrison ..."): the participle's date."""
    match = OPENING_WORD.match(text)
    return (
        match is not None
        and match.group(1).lower() in generic_table().opening_participles
        and not CLAUSE_SEPARATOR.search(text, match.end(), end)
    )


OPENING_WORD = re.compile(r"\s*([A-Z][a-z]+)\b")
CLAUSE_SEPARATOR = re.compile(r"[;:—]")


def after_occasion(text: str, trigger_end: int, start: int) -> bool:
    """Whether "after" and an occasion held at one time stand right before a date phrase
    ("will receive the trophy after its home game against Everton on Saturday"): the clause
    happens that day too."""
    match = AFTER_OCCASION_BEFORE.search(text, max(trigger_end, start - 60), start)
    if match is None:
        return False
    words = match.group("words").lower().split()
    nouns = gathering_nouns()
    return any(
        word in nouns or f"{word} {following}" in nouns
        for word, following in zip(words, [*words[1:], ""], strict=True)
    )


AFTER_OCCASION_BEFORE = re.compile(
    r"\b(?:after|following)\s+(?:the|its|his|her|their|a|an)\s+(?P<words>(?:[\w'’-]+\s+){1,5})"
    r"(?:on|at|in)?\s*\Z",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def event_nouns() -> frozenset[str]:
    """Nouns of occasions (conference, speech, memo): see `cues.json`."""
    return frozenset(cue_table().event_nouns)


def is_occasion_phrase(text: str, start: int, end: int) -> bool:
    """Whether a date modifies an occasion in a prepositional phrase: `In a July 16 press
    conference`, `at a Wednesday media event`. Such a phrase dates the clause it opens."""
    if not OCCASION_BEFORE.search(text[max(0, start - 20) : start]):
        return False
    return occasion_noun_follows(text, end)


#: Before a possessive date that dates its clause: "in Wednesday's election".
POSSESSIVE_OCCASION_BEFORE = re.compile(r"\b(?:in|at|during)\s+\Z", re.IGNORECASE)


def occasion_noun_follows(text: str, end: int) -> bool:
    """Whether an occasion noun is among the first words after offset `end`."""
    nouns = event_nouns()
    words = OCCASION_WORD.findall(text[end : end + 60])[:OCCASION_WORDS]
    for count, word in enumerate(words):
        if not word[:1].isalpha():
            return False
        lower = word.lower()
        two = " ".join(w.lower() for w in words[count : count + 2])
        if lower in nouns or two in nouns:
            return True
    return False


def _boundaries_between(text: str, start: int, end: int) -> int:
    """Clause boundaries in text[start:end]: strong punctuation, commas not inside names."""
    count = sum(1 for char in text[start:end] if char in BOUNDARY_CHARACTERS)
    for position in comma_positions(text, start, end):
        before = text[max(0, position - 20) : position].split()
        after = text[position + 1 : position + 21].split()
        if before and after and before[-1][:1].isupper() and after[0][:1].isupper():
            continue  # "Geneva, Switzerland", "Tuesday, Jan. 21"
        if before and after and SCORE.fullmatch(after[0]):
            continue  # "beat Medvedev 6-3, 7-6 (5), 6-3 in the final on Sunday"
        rest = LIST_REST.match(text, position + 1, end)
        if rest is not None and not any(
            word.endswith(("ing", "ed")) and "-" not in word for word in rest.group().split()
        ):
            continue  # "convicted him of second-degree murder, third-degree murder and
        count += 1  # manslaughter on April 20": a list of nouns, not another clause
    return count


#: What follows a comma inside a list of lower-case nouns up to its last item ("third-degree
#: murder and manslaughter").
LIST_REST = re.compile(r"\s+(?:[a-z][\w-]*\s+){1,3}(?:and|or)\s+[a-z][\w-]*\b")


def comma_positions(text: str, start: int, end: int) -> list[int]:
    """Offsets of the commas in text[start:end]."""
    positions: list[int] = []
    position = text.find(",", start, end)
    while position >= 0:
        positions.append(position)
        position = text.find(",", position + 1, end)
    return positions


@dataclass(frozen=True)
class DatePhrase:
    """A date phrase of a sentence that may govern an event, read once per sentence."""

    start: int
    end: int
    expression: TemporalExpression
    since: bool
    opening: bool


class SentenceDates:
    """The date phrases and detections of one sentence, indexed once for every trigger.

    Looking up the phrases near a trigger by offset keeps anchoring linear in the length of
    the sentence, even for one enormous sentence full of dates and triggers.
    """

    def __init__(
        self,
        detections: list[Detection],
        text: str,
        expressions: list[tuple[int, int, TemporalExpression]],
    ) -> None:
        self.text = text
        self.first_subject = min((d.subject_start for d in detections), default=0)
        self.phrases = [
            DatePhrase(
                start,
                end,
                expression,
                is_since(text, start, end),
                is_opening_adverbial(text, start, end, self.first_subject),
            )
            for start, end, expression in expressions
            if is_date_like(expression) and not is_attributive(text, start, end, expression)
        ]
        self.phrases.sort(key=lambda phrase: phrase.start)
        self.starts = [phrase.start for phrase in self.phrases]
        self.longest = max((p.end - p.start for p in self.phrases), default=0)
        self.openings = [phrase for phrase in self.phrases if phrase.opening]
        triggers = sorted(
            ((d.trigger.start, position) for position, d in enumerate(detections) if not d.generic)
        )
        self.trigger_starts = [start for start, _ in triggers]
        self.trigger_detections = [detections[position] for _, position in triggers]
        self.subject_starts = sorted(d.subject_start for d in detections)

    def opens_a_clause(self, phrase: DatePhrase) -> bool:
        """Whether a date phrase opens the clause of the next subject ("and in 1984 X was")."""
        index = bisect.bisect_left(self.subject_starts, phrase.end)
        if index == len(self.subject_starts):
            return False
        return opens_clause_of(self.text, phrase.start, phrase.end, self.subject_starts[index])

    def near(self, low: int, high: int) -> list[DatePhrase]:
        """Phrases ending at or after `low` and starting at or before `high`, plus openings."""
        first = bisect.bisect_left(self.starts, low - self.longest)
        last = bisect.bisect_right(self.starts, high)
        window = [p for p in self.phrases[first:last] if p.end >= low]
        seen = {id(p) for p in window}
        extra = [p for p in self.openings if id(p) not in seen]
        return sorted([*window, *extra], key=lambda phrase: phrase.start)

    def coordinated_with(self, expression: TemporalExpression) -> list[TemporalExpression]:
        """Date phrases joined to `expression` by `and` ("in March and June")."""
        found: list[TemporalExpression] = []
        index = next((i for i, p in enumerate(self.phrases) if p.expression is expression), None)
        if index is None or RANGE_BEFORE.search(self.text[: self.phrases[index].start]):
            return found  # "between 2004 and 2006": one period, not two times
        for step in (-1, 1):
            position = index
            while 0 <= position + step < len(self.phrases):
                left, right = sorted(
                    (self.phrases[position], self.phrases[position + step]), key=lambda p: p.start
                )
                if not COORDINATED_DATES.match(self.text[left.end : right.start]):
                    break
                if self.opens_a_clause(right):
                    break  # "in 1976, and in 1984 the Macintosh was released": two clauses
                position += step
                found.append(self.phrases[position].expression)
        return found

    def triggers_between(self, low: int, high: int) -> list[Detection]:
        """Detections (not generic) whose trigger starts in [low, high)."""
        first = bisect.bisect_left(self.trigger_starts, low)
        last = bisect.bisect_left(self.trigger_starts, high)
        return self.trigger_detections[first:last]


MAX_GAP = 60
#: `since` opening a clause before a date phrase ("since it emerged in"), not a date's own.
SINCE_CLAUSE = re.compile(
    r"\bsince\s+(?:it|he|she|they|we|the|a|an|its|his|her|their|(?-i:[A-Z])\w*)\b[^,;:]*\Z",
    re.IGNORECASE,
)
#: A complementizer or relative pronoun: a date after it is in another clause.
THAT_WORD = re.compile(r"\bthat\b", re.IGNORECASE)
RANGE_BEFORE = re.compile(r"\b(?:between|from)\s+(?:\S+\s+){0,3}$", re.IGNORECASE)
COORDINATED_DATES = re.compile(
    r"\A\s*(?:,\s*)?and\s+(?:again\s+)?(?:(?:in|on)\s+)?\Z", re.IGNORECASE
)  # "in March and June", "in 2001 and again in 2014"
APPOSITIVE_THEN_ADJUNCT = re.compile(
    r"\A\s*,\s*(?:(?:a|an|the|its|his|her|their)\s[^,;:()\"“”]{1,60}"
    r"|(?:or|up|down|about|nearly|almost|roughly)\s[^,;:()\"“”]{0,20}\d[^,;:()\"“”]{0,30}"
    r"|(?-i:[A-Z][\w.'’-]*)(?:\s+(?-i:[A-Z][\w.'’-]*)){0,3}"
    r"|[\"“][^\"“”,;:]{1,60}[\"”]),\s*"
    r"(?:on|in|at|during|from)?\s*\Z",
    re.IGNORECASE,
)


INSERTED_CLAUSE_OPEN = re.compile(
    r",\s*(?:(?:a|an|the)\s[^,;:]*?\b(?=who|which|whose))?"  # ", a consultant who ..."
    r"(?:(?:first|originally|initially|later|previously|once|recently|also)\s+)?"
    r"(?:born|aged|founded|established|created|[a-z]+ed|who|which|whose)\b[^,;:]*\Z",
    re.IGNORECASE,
)


def in_inserted_clause(text: str, start: int, end: int, trigger_start: int) -> bool:
    """Whether a date before the verb lies in a participial appositive or a relative clause
    set off by commas (`Jobs, born ... on February 24, 1955, has built`; `The minister, who was
    appointed in 2019, resigned`): it dates that clause only."""
    opening = text.rfind(",", 0, start)
    if opening < 0 or not INSERTED_CLAUSE_OPEN.search(text[opening:start]):
        return False
    return "," in text[end:trigger_start]


#: A date phrase set off by a comma at the end of its sentence ("fell 10 percent in early
#: trading, on Monday."): an adjunct of the sentence's main clause.
FINAL_ADJUNCT_BEFORE = re.compile(r",\s*(?:on|in|at|during)?\s*\Z", re.IGNORECASE)
SENTENCE_END = re.compile(r"\s*[.!?]?[\"”’']?\s*\Z")


#: Words that make a date after them the time of a comparison ("up from $100 million, or
#: $2.03 a share, a year earlier"), not of the event.
COMPARISON_WORDS = re.compile(r"\b(?:from|compared|versus|than|against)\b", re.IGNORECASE)


#: The last comparison word before a date and what follows it ("from $680 million ", "below
#: the year-earlier"); not the `than` of an amount ("for more than four hours").
LAST_COMPARISON = re.compile(
    r"\b(?:from|compared\s+(?:with|to)|versus|below|above|(?<!more\s)(?<!less\s)(?<!fewer\s)than)\b"
    r"(?P<rest>(?:(?!\b(?:from|compared|versus|below|above|than)\b).)*)\Z",
    re.IGNORECASE | re.DOTALL,
)
#: A preposition ending the words between a comparison and a date: the date's own.
COMPARED_REST_END = re.compile(r"\b(?:in|on|at|during|for)\s*\Z", re.IGNORECASE)
#: Words after a comparison that end it before the date ("from a year earlier in the third
#: quarter", "from $1 billion in 2019 to $2 billion in 2020").
COMPARED_REST_BREAK = re.compile(r"\b(?:to|in|on|at|during|for|and|but)\b|[,;]", re.IGNORECASE)
#: An amount compared with ("from $680 million", "than 5%").
AMOUNT = re.compile(r"[\d$%#£€¥]")
#: A date phrase that is a point of comparison by itself ("from a year earlier").
COMPARISON_DATE = re.compile(r"\b(?:earlier|ago|before|previous|prior|year-ago)\b", re.IGNORECASE)


def is_compared_date(text: str, trigger_end: int, start: int, date_starts: list[int]) -> bool:
    """Whether the date phrase starting at `start` dates the point of comparison after the
    verb ("rose to $9.24 billion from $680 million a year earlier", "fell 5% from a year
    earlier"), not the event: a comparison word before it with an amount between (or the
    date itself a past point), and neither another date nor a `to` after the comparison
    ("from $1 billion in 2019 to $2 billion in 2020": 2020 is the event's; "plucked from the
    Atlantic on Thanksgiving Day", "lived in London from 1968": no comparison);
    `date_starts` are the sentence's date phrases."""
    found = LAST_COMPARISON.search(text, trigger_end, start)
    if found is None:
        return False
    if any(found.start() < other < start for other in date_starts):
        return False  # "from a year earlier in the third quarter": the first date compares
    rest = COMPARED_REST_END.sub("", found["rest"])  # the date's own "in"
    if COMPARED_REST_BREAK.search(rest):
        return False
    if rest.strip() and rest.strip().lower() not in COMPARED_DETERMINERS:
        return bool(AMOUNT.search(rest))
    return bool(COMPARISON_DATE.search(text, start, start + 40))  # "below the year-earlier"


#: Determiners between a comparison word and its date ("below the year-earlier $4.5 million").
COMPARED_DETERMINERS = frozenset({"the", "a", "its", "their", "his", "her"})


def is_final_adjunct(text: str, trigger_end: int, start: int, end: int) -> bool:
    """Whether the date phrase at text[start:end] closes its sentence after a comma, and no
    comparison stands between the verb ending at `trigger_end` and it."""
    return bool(
        SENTENCE_END.match(text, end)
        and FINAL_ADJUNCT_BEFORE.search(text[max(0, start - 12) : start])
        and not COMPARISON_WORDS.search(text, trigger_end, start)
    )


def skips_appositive(text: str, object_end: int, start: int) -> bool:
    """Whether only a comma-delimited appositive of the object stands between the object and
    a date adjunct: `launched the iTunes Music Store, an online music store, on April 28`,
    `the death of his girlfriend, Reeva Steenkamp, on Feb. 14`, `rose 221 points, or 2.6
    percent, on Monday`, `published her first novel, "The Bluest Eye", three years later`."""
    return bool(APPOSITIVE_THEN_ADJUNCT.match(text[object_end:start]))


def governing_expression(
    detection: Detection,
    detections: list[Detection],
    text: str,
    expressions: list[tuple[int, int, TemporalExpression]],
    dates: SentenceDates | None = None,
) -> Governing | None:
    """The date phrase that governs `detection` in its sentence (offsets in the sentence).

    `dates` is the sentence's index of date phrases; pass it when anchoring several detections
    of one sentence so that it is built once.
    """
    if dates is None:
        dates = SentenceDates(detections, text, expressions)
    if not dates.phrases:
        return None  # no date phrase: the clause's extent need not be read
    first_subject = dates.first_subject
    trigger = detection.trigger
    anchor_end, object_end = detection.anchor_end, detection.object_end
    low_bound = min(detection.subject_start, trigger.start) - MAX_GAP
    high_bound = max(anchor_end, trigger.end, object_end) + MAX_GAP
    best: tuple[float, Governing] | None = None
    for phrase in dates.near(low_bound, high_bound):
        start, end, expression, since = phrase.start, phrase.end, phrase.expression, phrase.since
        if (
            not since
            and start >= trigger.end
            and _can_continue(detection)
            and SINCE_CLAUSE.search(text, trigger.end, start)
        ):
            since = True  # "has killed millions since it emerged in 2020": from then on
        if (
            since
            and end <= detection.subject_start
            and WHEN_CLAUSE.match(text, end, detection.subject_start)
        ):
            since = False  # "since 1934, when some 8,500 people died": they died in 1934
        if since and not _can_continue(detection):
            continue
        if detection.nominal and end <= trigger.start:
            continue  # "arrested on May 29 after the death of X": the arrest's date, not X's
        if end <= detection.subject_start and in_opening_participle(text, end):
            continue  # "Born in Lorain, Ohio, in 1931, Morrison studied": the birth's year
        if end <= trigger.start and in_inserted_clause(text, start, end, trigger.start):
            continue  # "Jobs, born in San Francisco on February 24, 1955, has built": not `built`
        if detection.subject_start <= start and end <= max(anchor_end, trigger.end):
            if start >= trigger.end and any(
                other.nominal and not other.possessed
                for other in dates.triggers_between(trigger.end, start)
            ):
                continue  # "charged in the death of X on Feb. 14": the death's date
            if start >= trigger.end and is_compared_date(text, trigger.end, start, dates.starts):
                continue  # "climbed to $9.24 billion from $680 million a year earlier"
            penalty = 0.0
        elif opens_clause_of(text, start, end, detection.subject_start):
            penalty = 0.25  # "showed that as of January 2008, iTunes held": it opens the clause
        elif WHEN_CLAUSE.match(text, end, detection.subject_start):
            penalty = 0.25  # "began on Aug. 2, 1990, when Iraqi troops invaded": that day
        elif detection.relative:
            continue
        elif start >= trigger.end and CLOSE_OFFSET_BEFORE.search(text, trigger.end, start):
            penalty = 0.25  # "completed minutes before the deadline on Tuesday night": then
        elif start >= trigger.end and after_occasion(text, trigger.end, start):
            penalty = 0.25  # "will receive the trophy after its game on Saturday": that day
        elif phrase.opening and (
            not detection.generic
            or detection.subject_start <= first_subject
            or detection.coordinated  # "During the quarter, Delta issued ..., and repurchased"
        ):
            penalty = 0.5  # an opening adverbial governs the whole sentence
        else:
            low, high = (end, trigger.start) if end <= trigger.start else (trigger.end, start)
            if anchor_end < object_end and start >= anchor_end:
                continue  # inside a reported clause: it dates that clause's event
            if start >= object_end and THAT_WORD.search(text, object_end, start):
                continue  # "told analysts ... that the company expects to grow in 2024"
            gap = start - object_end if start >= trigger.end else detection.subject_start - end
            appositive = (
                start >= trigger.end
                and skips_appositive(text, object_end, start)
                and not COMPARISON_WORDS.search(text, trigger.end, start)
            )
            if appositive:
                high = object_end  # "launched the store, an online shop, on April 28"
            final = (
                start >= trigger.end
                and detection.subject_start <= first_subject
                and is_final_adjunct(text, trigger.end, start, end)
            )  # "The Dow fell 10 percent in early trading, on Monday."
            if not final and (
                (gap > MAX_GAP and not appositive) or _boundaries_between(text, low, high)
            ):
                continue
            others = [
                d
                for d in dates.triggers_between(low, high)
                if d is not detection and not (d.status is detection.status is EventStatus.planned)
            ]
            if others:
                continue
            penalty = 0.5 if appositive else 1.0  # "published a novel, "X", in 1970": its date
        distance = abs(start - trigger.start) / 1000
        if detection.coordinated and end <= trigger.start:
            distance += EARLIER_CONJUNCT_COST  # "joined X in 1967 and published Y three years
        candidate = (  # later": the date after the verb is its own
            penalty + distance,
            Governing(expression=expression, since=since, penalty=penalty),
        )
        if best is None or candidate[0] < best[0]:
            best = candidate
    return best[1] if best else None


#: What a date phrase before a coordinated verb costs more than one after it: it is most
#: likely the earlier conjunct's.
EARLIER_CONJUNCT_COST = 0.2


#: A short offset from an occasion and the occasion, right before its date phrase ("minutes
#: before the transfer deadline on", "hours after the vote on"): the same day.
CLOSE_OFFSET_BEFORE = re.compile(
    r"\b(?:seconds|minutes|moments|hours|shortly|just|soon)\s+(?:before|after)\s+"
    r"(?:the|a|an|its|his|her|their)\s+(?:[\w'’-]+\s+){0,4}(?:on|at|in)?\s*\Z"
)


CLAUSE_OPENER_BEFORE = re.compile(
    r"(?:\A|[,;:]|\b(?:that|when|after|before|while|because|but|and))\s+"
    r"(?:(?:as\s+of|in|on|at|during|by|until|from|early|late|last)\s+)*\Z",
    re.IGNORECASE,
)
COMMA_ONLY = re.compile(r"\A\s*,?\s*\Z")
#: Between a date and the subject of a clause it dates: "on Aug. 2, 1990, when Iraqi troops".
WHEN_CLAUSE = re.compile(
    r"\s*,?\s*(?:[\w-]+\s+(?:days?|weeks?|hours?|months?)\s+(?:after|before)\s+[^,;]*,\s*)?"
    r"when\s+\Z",
    re.IGNORECASE,
)  # "began on Oct. 8, 2023, [a day after Hamas attacked Israel,] when Hezbollah fired"


def opens_clause_of(text: str, start: int, end: int, subject_start: int) -> bool:
    """Whether a date phrase opens the clause whose subject follows it: after a conjunction or
    a comma, and only a comma between it and the subject ("that as of January 2008, iTunes
    held", "and in 1984 the first Macintosh was released")."""
    if end > subject_start or not COMMA_ONLY.match(text[end:subject_start]):
        return False
    return bool(CLAUSE_OPENER_BEFORE.search(text[max(0, start - 30) : start]))


OPENING_WORDS = re.compile(
    r"\A(?:[A-Z][A-Z .]+\s[–—-]\s)?(?:(?:in|on|at|during|by|since|after|before|early|late|last|"
    r"earlier|later|this|next|until|for)\b[^,;:]{0,60})?\Z",
    re.IGNORECASE,
)
#: A quarter and the word telling its last day ("the quarter ended", "the fourth quarter,
#: which ended"): the day after it bounds the quarter, a date of its own, not the event's
#: ("the year ended Sept. 30" is a duration: its last day is the only date there is).
PERIOD_ENDED_BEFORE = re.compile(
    r"\bquarter\s*,?\s+(?:which\s+|that\s+)?(?:ended|ending|ends)\s+\Z", re.IGNORECASE
)


def is_opening_adverbial(text: str, start: int, end: int, first_subject: int) -> bool:
    """A date phrase in an introductory phrase before the sentence's first subject."""
    if end > first_subject or _boundaries_between(text, end, first_subject) > 2:
        return False
    return bool(OPENING_WORDS.match(text[:start].strip()))


def _can_continue(detection: Detection) -> bool:
    """Whether the event can be a continuing state that a `since X` phrase dates, or a
    present perfect that a `since` phrase bounds ("has killed millions since 2020")."""
    return (
        detection.status is EventStatus.ongoing
        or (detection.passive and detection.perfect)
        or (detection.perfect and detection.tense == "present")
    )


@lru_cache(maxsize=1024)
def _bounds_of_value(value: str) -> tuple[dt.date, dt.date, Granularity] | None:
    match = VALUE_DATE.match(value)
    if not match:
        return None
    year = int(match[1])
    if match[3]:
        day = dt.date(year, int(match[2]), int(match[3]))
        return day, day, Granularity.day
    if match[2]:
        month = int(match[2])
        last = calendar.monthrange(year, month)[1]
        return dt.date(year, month, 1), dt.date(year, month, last), Granularity.month
    return dt.date(year, 1, 1), dt.date(year, 12, 31), Granularity.year


def document_time(document: Document) -> EventTime | None:
    """The document's publication date as an event time (basis `document_date`)."""
    published = document.published
    return _publication_time(published.value, published.earliest, published.latest)


@lru_cache(maxsize=64)
def _publication_time(
    value: str | None, earliest: dt.date | None, latest: dt.date | None
) -> EventTime | None:
    if value is None or earliest is None or latest is None:
        return None
    bounds = _bounds_of_value(value)
    if bounds is None:
        return None
    return EventTime(
        value=value,
        earliest=earliest,
        latest=latest,
        granularity=bounds[2],
        basis=TimeBasis.document_date,
    )


def _document_grain(document: Document) -> Granularity | None:
    value = document.published.value
    bounds = _bounds_of_value(value) if value else None
    return bounds[2] if bounds else None


def expression_time(
    expression: TemporalExpression, document: Document, status: EventStatus, since: bool
) -> EventTime | str:
    """The event time an expression gives, or the reason it gives none."""
    if expression.earliest is None or expression.latest is None or "X" in expression.value[:4]:
        return f"the year of {expression.text!r} is unknown (no publication date)"
    earliest, latest = expression.earliest, expression.latest
    value = expression.value
    granularity = expression.granularity or Granularity.day
    if granularity is Granularity.time:
        value, granularity = value[:10], Granularity.day
    mod = expression.mod
    basis = BASIS_FROM_ANCHOR[expression.anchor]
    reference = document.published.reference
    if (
        status is EventStatus.planned
        and WEEKDAY_ONLY.match(expression.text.strip())
        and reference is not None
        and latest < reference
    ):
        earliest = latest = earliest + dt.timedelta(days=7)  # "will ... on Monday": the next one
        value = earliest.isoformat()
    document_grain = _document_grain(document)
    published = document.published
    if (
        expression.anchor == "document"
        and document_grain is not None
        and GRANULARITY_RANK[granularity] < GRANULARITY_RANK[document_grain]
        and not MONTH_OR_DIGIT.search(expression.text)
        and published.earliest is not None
        and published.latest is not None
        and published.value is not None
    ):
        # "last week" in an article dated only to a month: the day is not known
        spread = published.latest - published.earliest
        earliest = earliest - spread
        value, granularity, mod = published.value, document_grain, "APPROX"
    if since:
        mod = "START"
    return EventTime(
        value=value,
        earliest=earliest,
        latest=latest,
        granularity=granularity,
        text=expression.text,
        basis=basis,
        mod=mod,
    )
