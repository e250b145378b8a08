"""Events: clauses that report something happening, with who, what, whom and when.

`extract_events` reads a document's content sentences in order (boilerplate, captions and
headings dropped), detects event clauses in each (`detect`), anchors each in time (`anchor`)
and builds one `Event` per mention. Time comes from, in order:

1. the date phrase governing the clause (basis from the phrase's anchor: explicit, relative,
   anaphoric);
2. for a past-tense clause without one, the reference time of the narrative: the last event of
   the same actor, or the last date of the same paragraph, or (across paragraphs) the last
   point in time when the text stayed in the same episode (basis `context`);
3. for the lead's present, present-perfect, continuing or planned news, the document date
   (basis `document_date`, lower confidence);
4. for a reporting verb without a date phrase, the time of what the same speaker did in the
   last few sentences of the paragraph (marked `also`: anywhere before), the document date for
   a present-perfect report in the lead or a simple-present one in the opening sentences (else
   it is dropped); for an
   undated plan, the date of the plan told just before; for a noun naming an event by its
   possessor (`its launch`), the time of the same verb's last dated event told before.

A clause whose only time is a vague reference ("recently scored", "scored 40 goals last
season") is kept undated with its reason, whatever the narrative's time. Anything else
(background present tense, undated past tense outside any episode) is not put on the
timeline. A governing phrase whose year cannot be known yields an undated event with a
`reason`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import itertools
import operator
import re
from dataclasses import dataclass, field
from functools import lru_cache

from timeline.events.anchor import (
    COUNTED_DURATION,
    WHEN_AFTER,
    Governing,
    SentenceDates,
    document_time,
    expression_time,
    gathering_nouns,
    governing_expression,
    in_inserted_clause,
    is_attributive,
    is_compared_since,
    is_date_like,
    is_since,
    offset_date,
    offset_dates,
)
from timeline.events.arguments import opening_person
from timeline.events.clause import PREPOSITIONS, VERBLIKE, cues
from timeline.events.content import ContentSentence, content_sentences
from timeline.events.detect import Detection, detect
from timeline.events.headline import headline, is_plural
from timeline.events.lexicon import cue_table, name_tables, trigger_forms
from timeline.events.names import (
    clean_run,
    first_name_sexes,
    name_runs,
    names_in,
    person_genders,
    word_sets,
)
from timeline.events.tokens import (
    Token,
    is_quoted_at,
    lower_words,
    quoted_of,
    tokenize,
    tokens_of,
)
from timeline.models import (
    GRANULARITY_RANK,
    Document,
    Event,
    EventStatus,
    EventTime,
    Granularity,
    Mention,
    Sentence,
    TemporalExpression,
    TimeBasis,
    TimexType,
)
from timeline.temporal.calendar import bounds as calendar_bounds

PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "him", "her", "them"})
PERSONAL_PRONOUNS = frozenset({"he", "she"})
BASIS_CONFIDENCE = {
    TimeBasis.explicit: 0.9,
    TimeBasis.relative: 0.85,
    TimeBasis.anaphoric: 0.75,
    TimeBasis.context: 0.65,
    TimeBasis.document_date: 0.5,
    TimeBasis.inferred: 0.4,
}
UNDATED_CONFIDENCE = 0.3
PRESENT_AUXILIARIES = frozenset({"is", "are", "has", "have", "does", "do", "am"})
PAST_AUXILIARIES = frozenset({"was", "were", "had", "did"})
#: The lookahead on first letters only makes the search skip most positions quickly.
AUXILIARY_PATTERN = re.compile(
    r"(?=["
    + "".join(sorted({word[0] for word in PRESENT_AUXILIARIES | PAST_AUXILIARIES}))
    + r"])\b(?:"
    + "|".join(sorted(PRESENT_AUXILIARIES | PAST_AUXILIARIES))
    + r")\b",
    re.IGNORECASE,
)


@dataclass
class Reference:
    """A reference time of the narrative and where it was set."""

    time: EventTime | None
    reason: str | None
    paragraph: int
    since: bool = False
    from_document: bool = False
    explicit: bool = False


@dataclass
class Narrative:
    """What the reading so far tells about time and participants."""

    reference: Reference | None = None
    point_reference: Reference | None = None
    #: What actors did: (actor key, time, reason, paragraph).
    actor_times: list[tuple[frozenset[str], EventTime | None, str | None, int]] = field(
        default_factory=list
    )
    last_actor: str | None = None
    last_thing: str | None = None
    """The last actor that is no person ("The iPhone maker sold ...": what "it" refers to)."""
    sentence_text: str = ""
    clause_actors: list[str] = field(default_factory=list)
    speaker: str | None = None
    """The named speaker of a reporting verb just before the detection ("Saddam said he")."""
    previous_texts: list[str] = field(default_factory=list)
    named_texts: list[str] = field(default_factory=list)
    """The last `NAMED_SENTENCES` sentences, where a surname alone finds its full name."""
    document_times: dict[str, EventTime | None] = field(default_factory=dict)
    lemma_times: dict[str, EventTime] = field(default_factory=dict)
    sentence_number: int = 0
    recent_actor_times: list[tuple[int, int, frozenset[str], EventTime, bool]] = field(
        default_factory=list
    )
    #: For each actor-key word, the index in `actor_times` of the last entry holding it.
    actor_word_latest: dict[str, int] = field(default_factory=dict)
    #: The last dated plan: (sentence number, paragraph, time) of "will be available on June 24".
    last_plan: tuple[int, int, EventTime] | None = None
    #: First names of the people who acted so far -> their surnames ("Steve" -> {"Jobs"}).
    surnames: dict[str, set[str]] = field(default_factory=dict)
    #: The paragraph of the last disaster told ("Hurricane Helene slammed into Florida").
    disaster_paragraph: int | None = None
    #: The person a personal pronoun of a sentence stood for, by sentence number.
    pronoun_referents: dict[int, str] = field(default_factory=dict)
    #: The sex told of the people named so far (`person_genders`), by name and its words.
    genders: dict[str, str] = field(default_factory=dict)
    #: Sentences (with the one before each) whose sex of names is not read yet.
    unread_gender_texts: list[tuple[str, str | None]] = field(default_factory=list)
    #: Occasions of clauses with a date of their own -> that time ("was sworn in on Monday at
    #: a ceremony": ceremony -> Monday), for a later undated clause about "the ceremony".
    occasion_times: dict[str, EventTime] = field(default_factory=dict)

    def remember_persons(self, names: list[str]) -> None:
        """Remember the first name and surname of each person's name among `names`."""
        not_person = organisation_or_demonym_words()
        for name in names:
            parts = name.split()
            if 2 <= len(parts) <= 3 and not any(p.lower() in not_person for p in parts):
                self.surnames.setdefault(parts[0], set()).add(parts[-1])

    def by_surname(self, names: list[str]) -> list[str]:
        """A lone first name replaced by the surname of the one person who acted with it."""
        found = []
        for name in names:
            surnames = self.surnames.get(name, set()) if " " not in name else set()
            found.append(next(iter(surnames)) if len(surnames) == 1 else name)
        return found

    def add_actor_time(
        self, key: frozenset[str], time: EventTime | None, reason: str | None, paragraph: int
    ) -> None:
        """Remember the time of what an actor did (indexed by the words of its key)."""
        self.actor_times.append((key, time, reason, paragraph))
        for word in key:
            self.actor_word_latest[word] = len(self.actor_times) - 1

    def last_actor_time(
        self, key: frozenset[str], paragraph: int | None = None
    ) -> tuple[EventTime | None, str | None] | None:
        """The last remembered time of an actor sharing a word with `key`, without scanning
        every actor remembered so far; None when there is none. With `paragraph`, a year or
        longer told in another paragraph is background, none ("Apple delayed the new Siri last
        year. [¶] The company also announced a partnership": not last year)."""
        latest = [self.actor_word_latest[word] for word in key if word in self.actor_word_latest]
        if not latest:
            return None
        _, time, reason, told_in = self.actor_times[max(latest)]
        if (
            paragraph is not None
            and told_in != paragraph
            and time is not None
            and GRANULARITY_RANK[time.granularity] >= GRANULARITY_RANK[Granularity.year]
        ):
            return None
        return time, reason

    @property
    def sentence_persons(self) -> list[str]:
        """People named in the current sentence."""
        return persons_in(self.sentence_text)

    @property
    def sentence_actor(self) -> str | None:
        """The first organisation or country named in the current sentence, if any."""
        return organisation_before_pronoun(self.sentence_text)

    def surname_names(self) -> dict[str, str]:
        """Full names by surname, of the people named in the last few sentences."""
        return {
            person.split()[-1]: person for text in self.named_texts for person in persons_in(text)
        }

    def people_named(self, text: str, before: int | None = None) -> list[str]:
        """The people a sentence names (before offset `before`), in order, each once: by full
        name, or by the surname of someone named in full in the last few sentences ("Derek
        Chauvin ... Chauvin, 45, was taken into custody": Derek Chauvin)."""
        by_surname: dict[str, str] | None = None
        found: list[str] = []
        for start, name, person in named_people(text):
            if before is not None and start >= before:
                break
            if not person:
                if by_surname is None:
                    by_surname = self.surname_names()
                name = by_surname.get(name, "")
            if name and name not in found:
                found.append(name)
        return found

    @property
    def last_persons(self) -> list[str]:
        """People named in the last sentence that named any (`people_named`)."""
        for text in reversed(self.previous_texts):
            found = self.people_named(text)
            if found:
                return found
        return []

    def remember_genders(self, text: str, previous: str | None) -> None:
        """Keep a sentence (and the one before it) to learn the sex of the people it names
        when a pronoun first needs it (`learn_genders`): most sentences are never asked."""
        self.unread_gender_texts.append((text, previous))

    def learn_genders(self) -> None:
        """Learn the sex told in the sentences kept since the last call."""
        pending, self.unread_gender_texts = self.unread_gender_texts, []
        for text, previous in pending:
            self.learn_genders_of(text, previous)

    def learn_genders_of(self, text: str, previous: str | None) -> None:
        """Learn the sex of the people a sentence names (`person_genders`), and of the one
        person the sentence before named when this one opens with "she" or "he"."""
        for name, gender in first_name_sexes(text).items():
            for key in (name, *name.split()):
                self.genders.setdefault(key, gender)  # a title or kin word read later wins
        for name, gender in person_genders(text).items():
            for key in (name, *name.split()):
                self.genders[key] = gender
        named_here = self.people_named(text) if OWN_POSSESSIVE.search(text) else []
        if len(named_here) == 1 and self.gender_of(named_here[0]) is None:
            own = re.search(rf"\b{re.escape(named_here[0])}\s+[a-z]+\s+(his|her)\b", text)
            if own is not None:  # "Theresa May lost her parliamentary majority": she
                self.genders[named_here[0]] = PRONOUN_GENDERS[own.group(1)]
        opening = OPENING_PRONOUN.match(text)
        if opening is not None and previous is not None:
            named = self.people_named(previous)
            if len(named) == 1 and self.gender_of(named[0]) is None:
                self.genders[named[0]] = PRONOUN_GENDERS[opening.group(1).lower()]

    def gender_of(self, person: str) -> str | None:
        """The sex told of a person (by full name, else by a word of it), if any."""
        if self.unread_gender_texts:
            self.learn_genders()
        found = self.genders.get(person)
        if found is not None or not self.genders:
            return found
        return next((self.genders[w] for w in person.split() if w in self.genders), None)

    def fits(self, person: str, gender: str | None) -> bool:
        """Whether a person may be the one a pronoun of `gender` refers to."""
        known = self.gender_of(person) if gender is not None else None
        return known is None or known == gender

    def last_person_for(self, gender: str | None) -> str | None:
        """`last_person`, among the people a pronoun of `gender` may refer to: "She
        celebrated" after "her father, George VI" is not George VI."""
        if gender is None:
            return self.last_person
        if self.unread_gender_texts:
            self.learn_genders()
        for back, text in enumerate(reversed(self.previous_texts)):
            referent = self.pronoun_referents.get(self.sentence_number - 1 - back)
            if (
                referent is not None
                and self.fits(referent, gender)
                and not any(start == 0 for start, _, _ in named_people(text))
            ):
                return referent  # "said that he had been charged with conspiring with
            if not self.genders:  # Chelsea Manning. [...] He will appear": not Manning
                found = self.people_named(text)
                if found:
                    return found[0]
                continue
            told = [name for name, sex in person_genders(text).items() if sex == gender]
            if told:  # "Her eldest son, Charles, became king. He will address"
                return self.surname_names().get(told[0], told[0])  # "Mr. Reupke": in full
            found = [
                name
                for name in self.people_named(text) + self.gendered_names(text)
                if self.fits(name, gender)
            ]
            if found:
                return found[0]
        return None

    def gendered_names(self, text: str) -> list[str]:
        """The names of a sentence whose sex is known, though not read as people's names
        alone ("Elizabeth came to the throne")."""
        return [name for _, name, _ in named_people(text) if self.gender_of(name) is not None]

    @property
    def last_person(self) -> str | None:
        """The person "he" or "she" most likely is, of those the last sentence naming people
        names: the first, who is most often its subject ("Carter lost his bid to Ronald
        Reagan. He founded the Carter Center": Carter)."""
        found = self.last_persons
        return found[0] if found else None

    def salient_person(self, last: str) -> str:
        """The person "he" or "she" most likely is when no one is quoted: `last`, the last one
        named, unless a person named in the last few sentences is named much more often lately
        (the story's subject: "Nixon named him adviser. He became secretary of state" is
        Kissinger when the story is his)."""
        floor = max(SALIENT_MENTIONS, 2 * self.mentions(last))  # much more talked about
        best, best_count = last, 0
        for text in self.previous_texts[-SALIENT_SENTENCES:]:
            for name in self.people_named(text):
                count = self.mentions(name)
                if name != last and count >= floor and count > best_count:
                    best, best_count = name, count
        return best

    def mentions(self, person: str) -> int:
        """How many of the last few sentences name the person (in full or by surname)."""
        surname = person.split()[-1]
        return sum(1 for text in self.named_texts if surname in text)


@dataclass(frozen=True)
class Anchored:
    """A detection with its time (or the reason it has none) and governing phrase."""

    detection: Detection
    time: EventTime | None
    reason: str | None
    governing: TemporalExpression | None
    status: EventStatus
    occurrence: int = 0  # the n-th of coordinated date phrases ("in March and June")


@lru_cache(maxsize=1)
def actor_stop_words() -> frozenset[str]:
    """Words left out of actor keys: determiners and generic organisation words."""
    return cues().determiners | {"of", "and", "for", "in", "on", "government", "party"}


@lru_cache(maxsize=1)
def organisation_or_demonym_words() -> frozenset[str]:
    """Organisation heads, demonyms and words of event names ("Grand Slam", "U.S. Open"): a
    name with one of them is not a person's."""
    _, demonyms, heads, _ = word_sets()
    return heads | demonyms | frozenset(name_tables().event_names.words)


def actor_key(names: list[str]) -> frozenset[str]:
    """Content words of actor names, crudely stemmed, for same-actor matching."""
    stop = actor_stop_words()
    words: set[str] = set()
    not_person = organisation_or_demonym_words()
    for name in names:
        parts = name.split()
        if (
            2 <= len(parts) <= 3
            and all(p[:1].isupper() for p in parts)
            and not any(p.lower() in not_person for p in parts)
        ):
            name = parts[-1]  # a person: "Steve Jobs" and "Steve Ballmer" share only a first name
        for word in name.lower().replace("’s", "").replace("'s", "").split():
            if word not in stop and len(word) > 2:
                words.add(word.rstrip("s"))
    return frozenset(words)


@lru_cache(maxsize=1)
def place_set() -> frozenset[str]:
    """Gazetteer place names."""
    return frozenset(name_tables().places.words)


@lru_cache(maxsize=256)
def organisation_before_pronoun(text: str) -> str | None:
    """The first organisation or country named before the first `it`/`they`, if any; not a
    place named after `in` ("In Revolution Square, they put up")."""
    persons = set(persons_in(text))
    tokens = list(tokens_of(text))
    first_pronoun = next((i for i, t in enumerate(tokens) if t.lower in {"it", "they", "them"}), 0)
    position = {token.start: index for index, token in enumerate(tokens)}
    place_end = -1  # the end of the last place named after `in` ("in Gaines County, Texas")
    for run in name_runs(tokens[:first_pronoun]):
        name = clean_run(run)
        index = position[run[0].start]
        if not name or name in persons:
            continue
        if index > 0 and tokens[index - 1].lower in PLACE_PREPOSITIONS:
            place_end = index + len(run)
            continue
        if index == place_end + 1 and tokens[index - 1].text == ",":
            place_end = index + len(run)
            continue  # "in Gaines County, Texas,": the place goes on
        if index == 0 and len(run) == 1 and opens_common_plural(tokens):
            continue  # "Health officials ... since it began": no name
        return name
    return None


def opens_common_plural(tokens: list[Token]) -> bool:
    """Whether a sentence opens with a capitalized word before a lower-case plural noun
    ("Health officials", "Hospital bosses"): a common noun phrase, not a name."""
    if len(tokens) < 2 or not tokens[1].text.isalpha() or not tokens[1].text.islower():
        return False
    word = tokens[1].lower
    c = cues()
    if word in c.auxiliary_chain or word in VERBLIKE or word in trigger_forms():
        return False  # "Provigo was", "Apple says", "Tesla rises": a verb
    return is_plural([f"{tokens[0].text} {tokens[1].text}"])


def is_person_name(name: str) -> bool:
    """Whether a name is a person's: two or three words, no organisation word or demonym, not a
    gazetteer place."""
    words = name.split()
    if not 2 <= len(words) <= 3 or name in place_set() or name.isupper():
        return False  # "BUENOS AIRES": a dateline in capitals
    if any(word in NOT_IN_PERSON_NAMES for word in words):
        return False  # "Most of Compaq", "Bank of America"
    not_person = organisation_or_demonym_words()
    return not any(word.lower() in not_person for word in words)


#: Lower-case words that join names of things, never a person's ("Most of Compaq").
NOT_IN_PERSON_NAMES = frozenset({"of", "for", "and", "the", "&", "in", "on"})


#: Words before a name that make it a place, not a person ("born in San Francisco").
PLACE_PREPOSITIONS = frozenset({"in", "near", "outside"})


@lru_cache(maxsize=256)
def named_people(text: str) -> tuple[tuple[int, str, bool], ...]:
    """The names of a sentence in order, each once: its offset, the name, and whether it is a
    person's (`is_person_name`, and not after `in`: "born in San Francisco" is a place).
    Cached: the events of a sentence, and of the next few, ask again."""
    tokens = list(tokens_of(text))
    index_at = {token.start: index for index, token in enumerate(tokens)}
    found: dict[str, tuple[int, bool]] = {}
    for run in name_runs(tokens):
        name = clean_run(run)
        if not name or name in found:
            continue
        index = index_at[run[0].start]
        after_place_word = index > 0 and tokens[index - 1].text in PLACE_PREPOSITIONS
        found[name] = (run[0].start, not after_place_word and is_person_name(name))
    return tuple((start, name, person) for name, (start, person) in found.items())


def persons_in(text: str) -> list[str]:
    """Names of people in a sentence, in order."""
    return [name for _, name, person in named_people(text) if person]


@lru_cache(maxsize=1)
def plural_reference_set() -> frozenset[str]:
    """Phrases that refer back to several people (`the men`), as a set."""
    return frozenset(cue_table().plural_references)


def resolve_references(
    names: list[str], narrative: Narrative, before: int | None = None, salient: bool = False
) -> list[str]:
    """Pronouns and `the men` replaced by the people they most likely refer to; with `before`
    (the pronoun's offset in the sentence), a person named later in the sentence is not one
    ("He will be sentenced, Judge Peter Cahill said": not the judge); with `salient`, "he"
    may be the story's subject rather than the last person named (`Narrative.salient_person`)."""
    table = cue_table()
    resolved: list[str] = []
    plural_references = plural_reference_set()
    for name in names:
        lower = name.lower()
        kind = table.pronouns.get(lower)
        if f"the {lower}" in plural_references:
            lower = f"the {lower}"
        if (lower in plural_references or kind == "group") and len(narrative.last_persons) >= 2:
            resolved.extend(narrative.last_persons)
        elif kind == "person" and (
            (speaker := narrative.speaker)
            and could_name_person(speaker)
            and narrative.fits(speaker, gender := PRONOUN_GENDERS.get(lower))
        ):
            resolved.append(speaker)  # "Saddam said he will begin": Saddam
        elif kind == "person" and opening_person(narrative.sentence_text):
            resolved.append(opening_person(narrative.sentence_text) or name)
        elif kind == "person" and (
            persons := [
                person
                for person in (
                    narrative.sentence_persons
                    if before is None
                    else narrative.people_named(narrative.sentence_text, before)
                )
                if narrative.fits(person, PRONOUN_GENDERS.get(lower))
            ]
        ):
            resolved.append(persons[0])
            if before is not None:  # as the event is told, not a lookup for its actor's key
                narrative.pronoun_referents[narrative.sentence_number] = persons[0]
        elif kind == "person" and (
            last := narrative.last_person_for(gender := PRONOUN_GENDERS.get(lower))
        ):
            salient_one = narrative.salient_person(last) if salient else last
            person = salient_one if narrative.fits(salient_one, gender) else last
            if (
                gender is not None
                and narrative.gender_of(last) == gender
                and narrative.gender_of(person) is None
            ):
                person = last  # told of that sex, when the story's subject is not
            resolved.append(person)
            if before is not None:
                narrative.pronoun_referents[narrative.sentence_number] = person
        elif kind == "group" and narrative.clause_actors:
            resolved.extend(narrative.clause_actors)
        elif kind == "thing" and (singular := singular_actors(narrative.clause_actors)):
            resolved.extend(singular)  # "it": not "Health officials" of the clause before
        elif can_refer(kind, sentence_actor := narrative.sentence_actor):
            resolved.append(sentence_actor)
        elif kind == "thing" and narrative.last_thing:
            resolved.append(narrative.last_thing)  # not a person named since
        elif can_refer(kind, narrative.last_actor):
            resolved.append(narrative.last_actor)
        else:
            resolved.append(name)
    return list(dict.fromkeys(resolved))


def pronoun_offset(text: str, actors: list[str], subject_start: int) -> int:
    """Where a pronoun actor stands in its sentence: its first use before `subject_start`
    when the subject was taken from an earlier clause ("she turned to her rabbi in ... Beit El
    and told him": the "she" at the start, not the verb after "and"), else `subject_start`."""
    for actor in actors:
        if actor.lower() in PRONOUN_GENDERS:
            found = re.search(rf"\b{re.escape(actor)}\b", text[:subject_start], re.IGNORECASE)
            if found is not None:
                return found.start()
    return subject_start


#: The sex a personal pronoun tells, and a sentence opening with one.
PRONOUN_GENDERS = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}
OPENING_PRONOUN = re.compile(r"\s*(She|He)\b")
OWN_POSSESSIVE = re.compile(r"\b(?:his|her)\b")


def can_refer(kind: str | None, actor: str | None) -> bool:
    """Whether "they" (`group`) or "it" (`thing`) can stand for an actor: "it" for one thing,
    not "Health officials"."""
    if not actor:
        return False
    return kind == "group" or (kind == "thing" and not is_plural([actor]))


def singular_actors(actors: list[str]) -> list[str]:
    """The actors that "it" can stand for: one thing each, not "officials" or "China and
    Russia"."""
    return [actor for actor in actors if can_refer("thing", actor)]


def _sentence_expressions(
    sentence: Sentence, expressions: list[TemporalExpression], starts: list[int] | None = None
) -> list[tuple[int, int, TemporalExpression]]:
    """The expressions inside a sentence, offsets relative to it, in the given order.

    With `starts` (the expressions' start offsets, sorted as the expressions are), only the
    expressions starting inside the sentence are looked at: linear over a whole document.
    """
    first = 0 if starts is None else bisect.bisect_left(starts, sentence.start)
    found: list[tuple[int, int, TemporalExpression]] = []
    for index in range(first, len(expressions)):
        e = expressions[index]
        if starts is not None and e.start > sentence.end:
            break
        if sentence.start <= e.start and e.end <= sentence.end:
            found.append((e.start - sentence.start, e.end - sentence.start, e))
    return found


def sorted_starts(expressions: list[TemporalExpression]) -> list[int] | None:
    """The start offsets of the expressions when they come sorted by start, else None."""
    starts = [e.start for e in expressions]
    return starts if all(a <= b for a, b in itertools.pairwise(starts)) else None


@lru_cache(maxsize=256)
def _sentence_is_present(text: str, before: int | None = None) -> bool:
    """Whether the first auxiliary outside quotation marks (before offset `before`, if given)
    is in the present tense."""
    mask = quoted_of(text)
    for match in AUXILIARY_PATTERN.finditer(text, 0, len(text) if before is None else before):
        if is_quoted_at(mask, match.start()):
            continue
        return match.group().lower() in PRESENT_AUXILIARIES
    return False


def is_past_perfect(detection: Detection) -> bool:
    """Whether a clause that happened is told in the past perfect ("Prosecutors had accused
    the couple"): before the story's time, so the narrative's times do not date it."""
    return (
        detection.tense == "past" and detection.perfect and detection.status is EventStatus.occurred
    )


@lru_cache(maxsize=1)
def session_phrases() -> tuple[str, ...]:
    """Phrases of the day's trading session (`cues.json` session_phrases)."""
    return tuple(cue_table().session_phrases)


def tells_trading_session(text: str) -> bool:
    """Whether a sentence tells what happened in the day's trading ("rose 2% in early
    trading"): the news day, not the time of a paragraph before."""
    lower = text.lower()
    return "trading" in lower and any(phrase in lower for phrase in session_phrases())


def carries_over(point: Reference) -> bool:
    """Whether an explicit reference time of the paragraph before dates the next one's undated
    events: a day, week, month or quarter does; a year or longer is background ("Policymakers
    cut rates ... last year." does not date "U.S. stocks rose after the announcement.")."""
    return (
        point.time is not None
        and GRANULARITY_RANK[point.time.granularity] < GRANULARITY_RANK[Granularity.year]
    )


def _context_time(
    detection: Detection,
    paragraph: int,
    lead: bool,
    narrative: Narrative,
    document: Document,
) -> tuple[EventTime | None, str | None, bool]:
    """Time of an undated clause from the narrative; the flag says whether to keep the event.

    The tense of the sentence's frame and the clause's actors are read only for a past-tense
    clause, the only one they can date."""
    if (
        detection.tense == "past"
        and not detection.background
        and not _sentence_is_present(narrative.sentence_text, detection.trigger.start)
    ):
        if tells_trading_session(narrative.sentence_text):
            reference = narrative.reference  # "It reported on Wednesday. Its shares fell ...
            if reference is not None and reference.paragraph == paragraph:  # after hours"
                return _as_context(reference.time), reference.reason, True
            published = document_time(document)  # "Shell's shares rose 2% in early trading"
            if published is not None:
                return published, None, True
        occasion = occasion_time(detection, narrative)
        if occasion is not None:  # "Sharif attended the ceremony": the ceremony told before
            return _as_context(occasion), None, True
        key = actor_key(resolve_references(detection.actors, narrative))
        same_actor = narrative.last_actor_time(key, paragraph)
        if same_actor is not None:
            return _as_context(same_actor[0]), same_actor[1], True
        reference = narrative.reference
        if reference is not None and reference.paragraph == paragraph:
            return _as_context(reference.time), reference.reason, True
        point = narrative.point_reference
        if point is not None and (
            point.from_document
            or (detection.continuation and (point.paragraph == paragraph or carries_over(point)))
            or _is_news_day(point, document)
            or (
                point.explicit
                and point.paragraph == paragraph - 1
                and carries_over(point)
                and is_recent(point, document)
            )
        ):
            return _as_context(point.time), point.reason, True
        if detection.continuation and point is not None and (published := document_time(document)):
            return published, None, True  # "[last year. ¶] The company also announced": news
    plan = narrative.last_plan
    if (
        detection.status is EventStatus.planned
        and plan is not None
        and (plan[1] == paragraph or (detection.continuation and plan[1] == paragraph - 1))
        and narrative.sentence_number - plan[0] <= PLAN_CONTINUATION_SENTENCES
    ):  # "The deal is expected to close by the end of 2024. [¶] Novo will then acquire"
        return _as_context(plan[2]), None, True  # "... available on June 24. X will be dropped"
    if (
        lead
        or detection.status is EventStatus.planned
        or (detection.status is EventStatus.ongoing and detection.tense == "present")
        or (
            detection.perfect
            and detection.tense == "present"
            and not detection.relative
            and not tells_experience(narrative.sentence_text, detection)
        )  # "Prosecutors have opened an investigation": news of the day, wherever it is told
    ):
        time = document_time(document)
        if time is None:
            return None, "no date phrase and the publication date is unknown", True
        return time, None, True
    return None, None, False


#: Words that make a present perfect an experience or a running total, on no one day ("has
#: expanded three times before", "has previously denied", "has detained more than a million").
EXPERIENCE_WORDS = re.compile(
    r"\b(?:times|twice|before|previously|ever|never|repeatedly|often|already|long|"
    r"millions|thousands|hundreds|a\s+(?:million|billion))\b",
    re.IGNORECASE,
)
#: Punctuation that ends the clause after a verb.
CLAUSE_BREAK = re.compile(r"[,;:.!?]")


def tells_experience(text: str, detection: Detection) -> bool:
    """Whether a present perfect tells an experience rather than the news: an experience word
    in its auxiliaries or in its clause after it."""
    start = max(0, detection.trigger.start - 24)
    clause = CLAUSE_BREAK.search(text, detection.trigger.end)
    end = clause.start() if clause else len(text)
    return bool(EXPERIENCE_WORDS.search(text, start, end))


PLAN_CONTINUATION_SENTENCES = 3
#: How many sentences back "he" may find a person more talked about than the last named,
#: and how many of the last sentences must name that person.
SALIENT_SENTENCES = 3
SALIENT_MENTIONS = 3
#: How many sentences back a surname alone finds the full name of a person ("Jobs").
NAMED_SENTENCES = 8


def remember_plan(
    anchored: list[Anchored],
    expressions: list[tuple[int, int, TemporalExpression]],
    text: str,
    paragraph: int,
    narrative: Narrative,
    document: Document,
) -> None:
    """Remember the last plan dated by its own date phrase, for the undated plans that follow:
    a planned event's time, else a date phrase after publication in a sentence in the future
    tense ("will be available on June 24"; not "notes due 1999")."""
    for item in anchored:
        if item.status is EventStatus.planned and item.governing is not None and item.time:
            narrative.last_plan = (narrative.sentence_number, paragraph, item.time)
    published = document.published.reference
    if anchored or published is None or cues().future.isdisjoint(text.lower().split()):
        return  # only a sentence that tells a plan ("will be available on June 24")
    for start, end, expression in expressions:
        if (
            is_date_like(expression)
            and expression.earliest is not None
            and expression.earliest > published
            and not is_attributive(text, start, end, expression)
        ):
            result = expression_time(expression, document, EventStatus.planned, False)
            if not isinstance(result, str):
                narrative.last_plan = (narrative.sentence_number, paragraph, result)


#: A weekday written with a date ("Saturday, April 25"): the tagger chose the year it fits.
WEEKDAY_WITH_DATE = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


def previous_year(time: EventTime, expression: TemporalExpression) -> EventTime:
    """A past event dated after publication by a month-day phrase took place a year earlier
    (not when a weekday with the date fixes its year: "said on Saturday, April 25"); by a
    weekday alone, a week earlier."""
    if expression.anchor != "document" or time.granularity not in (
        Granularity.day,
        Granularity.month,
    ):
        return time
    if WEEKDAY_WITH_DATE.search(expression.text):
        if any(ch.isdigit() for ch in expression.text) or time.granularity is not Granularity.day:
            return time
        week = dt.timedelta(days=7)  # "left rates unchanged on Tuesday": the Tuesday before
        earliest, latest = time.earliest - week, time.latest - week
        value = earliest.isoformat() + time.value[10:]
        return time.model_copy(
            update={"earliest": earliest, "latest": latest, "value": value, "edtf": None}
        )
    try:
        earliest = time.earliest.replace(year=time.earliest.year - 1)
        latest = time.latest.replace(year=time.latest.year - 1)
    except ValueError:  # 29 February
        return time
    value = f"{int(time.value[:4]) - 1:04d}{time.value[4:]}"
    return time.model_copy(
        update={"earliest": earliest, "latest": latest, "value": value, "edtf": None}
    )


def governed(
    detection: Detection,
    expression: TemporalExpression,
    since: bool,
    status: EventStatus,
    document: Document,
    occurrence: int = 0,
) -> Anchored:
    """A detection anchored by its governing date phrase, with tense corrections."""
    if since:
        status = EventStatus.ongoing
    result = expression_time(expression, document, status, since)
    time, reason = (None, result) if isinstance(result, str) else (result, None)
    reference = document.published.reference
    if (
        time is not None
        and reference is not None
        and status is EventStatus.occurred
        and time.earliest > reference
    ):
        if detection.tense == "past":
            time = previous_year(time, expression)
        elif detection.perfect:  # "has promised to return to profit by 2023": not the promise
            time, reason = None, "its only date phrase is after publication: a plan it tells of"
        else:
            status = EventStatus.planned  # "when he visits Beijing next month"
    if detection.tense == "past" or detection.perfect:
        time = clipped_to_publication(time, status, reference)
    return Anchored(detection, time, reason, expression, status, occurrence)


def clipped_to_publication(
    time: EventTime | None, status: EventStatus, reference: dt.date | None
) -> EventTime | None:
    """A past event dated `this week`/`this month` happened by the publication date: the
    interval ends there (the value keeps the phrase's own period)."""
    if (
        time is None
        or reference is None
        or status is not EventStatus.occurred
        or not time.earliest <= reference < time.latest
    ):
        return time
    return time.model_copy(update={"latest": reference})


def is_recent(reference: Reference, document: Document) -> bool:
    """Whether a reference time lies within `RECENT_DAYS` of the publication (or there is no
    publication date): an older one closing a paragraph of background ("He stepped down in
    August 2020.") does not date the next paragraph's news ("Kishida condemned the attack")."""
    published = document_time(document)
    if reference.time is None or published is None or published.earliest is None:
        return True
    latest = reference.time.latest
    return latest is None or (published.earliest - latest).days <= RECENT_DAYS


#: How many days before the publication a paragraph's last date still dates the next one.
RECENT_DAYS = 92


def _is_news_day(reference: Reference, document: Document) -> bool:
    """Whether a reference time is the publication day itself (the article's news day)."""
    published = document_time(document)
    return (
        reference.time is not None
        and published is not None
        and reference.time.value == published.value
    )


def _as_context(time: EventTime | None) -> EventTime | None:
    if time is None or time.basis is TimeBasis.document_date:
        return time
    return time.model_copy(update={"basis": TimeBasis.context, "text": None, "edtf": None})


@lru_cache(maxsize=1)
def _nominal_time_cues() -> tuple[frozenset[str], frozenset[str]]:
    """Words that put an event noun at another time, and the types of reacting clauses."""
    table = cue_table()
    return frozenset(table.nominal_other_time), frozenset(table.reaction_types)


def shares_clause_time(detection: Detection, main: Detection) -> bool:
    """Whether an undated participle or event noun happened at its main clause's time: a
    participle does (", detaining Suu Kyi"); a noun does unless it is introduced as another
    time ("after the death of X") or the clause reacts to it ("convicted in the death of X")."""
    if not detection.nominal:
        return True
    other_time, reaction_types = _nominal_time_cues()
    return detection.introducer not in other_time and main.type not in reaction_types


def conjunct_governing(
    detection: Detection, anchored: list[Anchored], text: str
) -> Governing | None:
    """For a verb joined by `and` to an earlier one of its sentence with the same actors and
    status, the date phrase that earlier verb had (when it was no `since`), else None; not
    across an adverbial clause ("headed Tuesday to Africa ... after the bombings that targeted
    embassies and claimed lives": the bombings' verb)."""
    for earlier in reversed(anchored):
        if (
            earlier.governing is not None
            and earlier.detection.actors == detection.actors
            and earlier.status is detection.status
            and earlier.detection.trigger.start < detection.trigger.start
            and not (earlier.time is not None and earlier.time.mod == "START")
        ):
            between = text[earlier.detection.trigger.end : detection.trigger.start]
            if ADVERBIAL_CLAUSE_WORD.search(between):
                return None
            return Governing(expression=earlier.governing, since=False, penalty=0.5)
    return None


def sentence_clause_time(
    detection: Detection,
    anchored: list[Anchored],
    text: str,
    expressions: list[tuple[int, int, TemporalExpression]],
) -> EventTime | None:
    """For an undated past clause after a clause of its sentence with a date of its own
    ("declared herself interim president on Tuesday night, although lawmakers boycotted the
    session"), that clause's time, else None; not across a clause of another time ("after",
    "before", "since", "when", ...) nor for a verb outside the lexicon."""
    if (
        detection.tense != "past"
        or detection.generic
        or detection.status is not EventStatus.occurred
    ):
        return None
    main = next(
        (
            item
            for item in reversed(anchored[-RECENT_CLAUSES:])
            if item.governing is not None
            and item.time is not None
            and item.status is EventStatus.occurred
            and item.detection.trigger.end <= detection.trigger.start
        ),
        None,
    )
    if main is None or main.time is None or main.governing is None:
        return None
    phrase = phrase_of(main.governing, expressions)
    if phrase is None or in_inserted_clause(text, phrase[0], phrase[1], detection.trigger.start):
        return None  # "Coach Mike Macdonald, hired in January 2024, became": not the hiring's
    between = text[main.detection.trigger.end : detection.trigger.start]
    if OTHER_TIME_CLAUSE.search(between) or THAT_OR_SAID.search(between):
        return None
    return _as_context(main.time)


#: Words opening a clause of another time than the one before it; a concessive one
#: ("although", "while") tells what went on then.
OTHER_TIME_CLAUSE = re.compile(
    r"\b(?:after|before|because|when|since|until|unless|if|once)\b", re.IGNORECASE
)
#: How many of the clauses anchored last in a sentence another clause may take its time from
#: (bounded: the work per clause stays constant in an enormous sentence).
RECENT_CLAUSES = 6


def phrase_of(
    expression: TemporalExpression, expressions: list[tuple[int, int, TemporalExpression]]
) -> tuple[int, int, TemporalExpression] | None:
    """The entry (offsets in the sentence) of a date phrase of the sentence, found by its
    start: entries come sorted by start, and every phrase of a sentence lies the same distance
    from its offset in the document."""
    if not expressions:
        return None
    shift = expressions[0][2].start - expressions[0][0]
    index = bisect.bisect_left(expressions, expression.start - shift, key=PHRASE_START)
    for entry in expressions[index : index + 2]:
        if entry[2] is expression:
            return entry
    return None


#: Words between two clauses that make the second a reported one ("said that", "told").
THAT_OR_SAID = re.compile(r"\b(?:that|said|says|told)\b", re.IGNORECASE)


def in_future_condition(detection: Detection, text: str) -> bool:
    """Whether a perfect clause is the condition or time of a future one ("will enter into
    force once 55 countries have ratified it"): no event yet."""
    if not detection.perfect:
        return False  # "when he visits Beijing next month": a plan of its own, dated later
    subject = min(detection.subject_start, detection.trigger.start)
    opener = CONDITION_BEFORE.search(text, max(0, subject - CONDITION_REACH), subject)
    return opener is not None and FUTURE_MODAL.search(text, 0, opener.start()) is not None


#: A subordinator of condition or time right before a clause's subject, how far before it
#: may stand, and a future modal of the clause it depends on.
CONDITION_BEFORE = re.compile(
    r"\b(?:once|if|unless|until|when|whenever|as\s+soon\s+as)\s+(?:[\w'’-]+\s+){0,4}\Z",
    re.IGNORECASE,
)
CONDITION_REACH = 60
FUTURE_MODAL = re.compile(r"\b(?:will|shall|'ll|won't)\b", re.IGNORECASE)


def is_present_for_plan(
    detection: Detection, governing: Governing | None, document: Document, text: str
) -> bool:
    """Whether a present-tense clause told as going on is dated wholly after the publication
    ("when they are sworn in on Jan. 20", "They are meeting on Friday"): a plan."""
    if detection.status is not EventStatus.ongoing or detection.tense != "present":
        return False
    if governing is None or governing.since or detection.perfect:
        return False
    if detection.type in REPORTING_TYPES or INFINITIVE_AFTER.match(text, detection.trigger.end):
        return False  # "is calling for the redemption on Dec. 7", "is intended to launch"
    published = document_time(document)
    earliest = governing.expression.earliest
    return published is not None and earliest is not None and earliest > published.latest


#: A `to` infinitive right after a verb ("is intended to launch"): the plan is its verb's.
INFINITIVE_AFTER = re.compile(r"\s+to\s+[a-z]")


def later_conjunct_governing(
    detection: Detection,
    later: Detection | None,
    detections: list[Detection],
    text: str,
    expressions: list[tuple[int, int, TemporalExpression]],
    dates: SentenceDates,
) -> Governing | None:
    """For a verb without a date of its own joined by `and` to the next verb of its sentence
    (`later`; same actors, same status), the date phrase after that verb, else None: "Troops
    arrested two men and seized weapons on Monday" arrested them on Monday too; not across a
    date phrase or an adverbial clause."""
    if (
        later is None
        or not later.coordinated
        or later.trigger.start <= detection.trigger.end
        or later.status is not detection.status
        or later.actors != detection.actors
    ):
        return None
    between = text[detection.trigger.end : later.trigger.start]
    first = bisect.bisect_left(expressions, detection.trigger.end, key=PHRASE_START)
    if ADVERBIAL_CLAUSE_WORD.search(between) or (
        first < len(expressions) and expressions[first][0] < later.trigger.start
    ):
        return None
    governing = governing_expression(later, detections, text, expressions, dates)
    if governing is None or governing.since or governing.penalty > 0:
        return None
    phrase = phrase_of(governing.expression, expressions)
    if phrase is None or phrase[0] < later.trigger.end:
        return None  # "and on Monday seized": a date before the later verb is its own
    return Governing(expression=governing.expression, since=False, penalty=0.5)


#: Words opening an adverbial clause, which a verb after them may belong to.
ADVERBIAL_CLAUSE_WORD = re.compile(
    r"\b(?:after|before|because|when|while|since|until|although|though|unless|if|once)\b",
    re.IGNORECASE,
)


def anchor_detections(
    item: ContentSentence,
    detections: list[Detection],
    expressions: list[tuple[int, int, TemporalExpression]],
    narrative: Narrative,
    document: Document,
) -> list[Anchored]:
    """Anchor each detection of a sentence in time (or drop it)."""
    anchored: list[Anchored] = []
    text = item.sentence.text
    dates = SentenceDates(detections, text, expressions)
    vague_phrases = [entry for entry in expressions if entry[2].value in VAGUE_VALUES]
    for position, detection in enumerate(detections):
        governing: Governing | None = governing_expression(
            detection, detections, text, expressions, dates
        )
        if governing is None and detection.coordinated and not detection.generic:
            governing = conjunct_governing(detection, anchored, text)  # "ruled on Friday that ...
        status = detection.status  # and awarded Apple $1.05 billion": Friday
        if status is EventStatus.occurred and in_future_condition(detection, text):
            continue  # "will enter into force once 55 countries have ratified it": not yet
        if governing is None and not detection.generic and not detection.relative:
            following = detections[position + 1] if position + 1 < len(detections) else None
            governing = later_conjunct_governing(
                detection, following, detections, text, expressions, dates
            )
        if is_present_for_plan(detection, governing, document, text):
            status = EventStatus.planned  # "when they are sworn in on Jan. 20": ahead
        if governing is not None and (
            is_past_for_plan(detection, governing, text, document)
            or is_future_for_past(detection, governing, document)
        ):
            governing = None  # "would investigate the genocide ... four years ago": not then
        reporter = reporting_before(detection, anchored)
        if (
            governing is not None
            and reporter is not None
            and detection.status is EventStatus.planned
            and governing.expression.start - item.sentence.start < detection.subject_start
        ):
            governing = None  # "said on Wednesday it would cut": the saying's Wednesday
        if (
            governing is None
            and reporter is not None
            and detection.status is EventStatus.planned
            and told_before_publication(reporter, document)
        ):
            continue  # "In July, the company announced it would cut jobs": the July statement
        vague = vague_reference(detection, text, vague_phrases) if vague_phrases else None
        if vague is not None and (governing is None or governing.penalty > 0):
            if not (
                detection.generic or detection.relative or detection.nominal or detection.speech
            ):
                reason = f"told only as '{vague.text}', on no day"  # "scored 40 goals last
                anchored.append(Anchored(detection, None, reason, None, status))  # season"
            continue
        if not detection.relative:
            dated_by = governing.expression if governing is not None else None
            counted = clause_offset(detection, anchored, text, expressions, document, dated_by)
            if counted is not None:  # "two days after a drone strike killed its top general"
                anchored.append(Anchored(detection, counted, None, None, status))
                continue
        if detection.possessed:
            referred = referred_time(detection, governing, narrative, document)
            if referred is not None:
                anchored.append(Anchored(detection, referred, None, None, status))
            continue  # "its launch" with nothing told before: no time of its own
        continuing = (
            governing is not None and governing.since and detection.status is EventStatus.ongoing
        )  # "has been fighting cancer since 2004"
        if detection.generic and (
            governing is None
            or (governing.penalty > 0.5 and not continuing)
            or (governing.since and not continuing)
        ):
            continue  # a verb outside the lexicon counts only with its own date phrase
        if governing is not None:
            expressions_here = [governing.expression]
            if not governing.since:  # "in March and June": the event at both times
                expressions_here += dates.coordinated_with(governing.expression)
            for occurrence, expression in enumerate(expressions_here):
                expression = calendar_quarter(expression, text, expressions)
                item_governed = governed(
                    detection, expression, governing.since, status, document, occurrence
                )
                if item_governed.time is None and detection.generic:
                    continue  # a verb outside the lexicon counts only with a date of its own
                anchored.append(item_governed)
            continue
        offset = offset_from_date(detection, text, expressions, document)
        if offset is not None:  # "on Oct. 8, 2023, a day after Hamas attacked Israel"
            anchored.append(Anchored(detection, offset, None, None, status))
            continue
        if (
            detection.tense == "past"
            and not detection.relative
            and detection.actors
            and detection.type in REPORTING_TYPES
            and announces_future(detection, expressions, document)
        ):  # "Biden announced a state funeral would be held on Jan. 9": today's news
            anchored.append(Anchored(detection, document_time(document), None, None, status))
            continue
        if detection.speech and not detection.relative:
            time = (
                document_time(document)  # "Apple Corps claims that": what it says now
                if is_present_report(detection, item.lead, narrative.sentence_number)
                or follows_present_clause(detection, text)
                else continued_speech_time(detection, item.sentence.paragraph, narrative)
            )
            if time is None and item.lead and is_news_of_the_day(detection):
                time = document_time(document)  # "the judge has stated that": today's news
            if time is None and announces_reaction(detection):
                time = document_time(document)  # "Harvest Foods said it would appeal": today's
            if time is not None:  # "Jobs also said ...": the same speaker, the same occasion
                anchored.append(Anchored(detection, time, None, None, status))
            continue
        if detection.relative:
            continue  # a relative clause without its own date
        if (
            (detection.participial or detection.nominal or detection.caused)
            and anchored
            and anchored[-1].time
            and shares_clause_time(detection, anchored[-1].detection)
        ):
            main = anchored[-1]  # ", detaining Suu Kyi", "causing the span to collapse"
            anchored.append(Anchored(detection, _as_context(main.time), None, None, status))
            continue
        if detection.nominal:
            continue  # "citing the death of X": a noun alone does not say when it happened
        same_sentence = sentence_clause_time(detection, anchored, text, expressions)
        if same_sentence is not None:  # "declared herself president on Tuesday night,
            anchored.append(Anchored(detection, same_sentence, None, None, status))
            continue  # although lawmakers boycotted the session": that night too
        time, reason, keep = _context_time(
            detection, item.sentence.paragraph, item.lead, narrative, document
        )
        if keep and time is not None and is_past_perfect(detection):
            time, keep = None, item.lead  # kept undated in the opening only
            reason = "told in the past perfect, before the story, on no day it tells"
        if keep:
            anchored.append(Anchored(detection, time, reason, None, status))
    return anchored


#: What joins a quarter to the day it ended ("the fiscal first quarter, which ended Sept. 30").
QUARTER_ENDED = re.compile(r"\s*,?\s*(?:which\s+|that\s+)?(?:ended|ending)\s+\Z")
#: How many days before a calendar quarter's end a fiscal quarter may end and still be it
#: (52/53-week years end on the last Saturday or so: "the quarter ended Sept. 29").
QUARTER_END_SLACK_DAYS = 7


def since_when_phrases(
    text: str, expressions: list[tuple[int, int, TemporalExpression]]
) -> frozenset[int]:
    """Ids of the date phrases of a sentence told as `since X, when ...` ("cut in half since
    August, when they traded at $10"): the when-clause's event is background to the story."""
    return frozenset(
        id(e)
        for start, end, e in expressions
        if is_since(text, start, end) and WHEN_AFTER.match(text, end)
    )


def is_year_ago_period(expression: TemporalExpression | None) -> bool:
    """Whether a date phrase is the same period a year before ("For the quarter a year ago,
    Columbia reported"): a point of comparison that dates none of the news after it."""
    return expression is not None and expression.rule.startswith("year_ago")


def calendar_quarter(
    expression: TemporalExpression,
    text: str,
    expressions: list[tuple[int, int, TemporalExpression]],
) -> TemporalExpression:
    """A fiscal quarter named by its number but told with the day it ended ("in the fiscal
    first quarter, which ended Sept. 30"): the calendar quarter it covers (2026-Q3), else
    the expression itself."""
    if expression.granularity is not Granularity.quarter:
        return expression
    following = itertools.dropwhile(lambda item: item[2] is not expression, expressions)
    own = next(following, None)
    after = next(following, None)
    if own is None or after is None or after[2].granularity is not Granularity.day:
        return expression
    if after[2].earliest is None or not QUARTER_ENDED.match(text, own[1], after[0]):
        return expression
    day = after[2].earliest
    quarter = (day.month - 1) // 3 + 1
    last_month = quarter * 3
    quarter_end = dt.date(day.year + last_month // 12, last_month % 12 + 1, 1) - dt.timedelta(1)
    if (quarter_end - day).days > QUARTER_END_SLACK_DAYS:
        return expression  # "the quarter ended Aug. 26": three months of no calendar quarter
    return expression.model_copy(
        update={
            "value": f"{day.year}-Q{quarter}",
            "earliest": dt.date(day.year, last_month - 2, 1),
            "latest": quarter_end,
        }
    )


def reporting_before(detection: Detection, anchored: list[Anchored]) -> Anchored | None:
    """The reporting verb, anchored just before in the sentence, whose reported clause holds
    the detection ("announced it would cut": the announcement), if any."""
    if not anchored:
        return None
    last = anchored[-1]
    reporter = last.detection
    if (
        reporter.type in REPORTING_TYPES
        and reporter.trigger.end <= detection.subject_start
        and reporter.tense == "past"
    ):
        return last
    return None


def told_before_publication(reporter: Anchored, document: Document) -> bool:
    """Whether a reporting verb has a date of its own before the publication date ("In July,
    the company announced"): what it reported was news then, not today."""
    published = document.published.earliest
    return (
        reporter.governing is not None
        and reporter.time is not None
        and published is not None
        and reporter.time.latest < published
    )


#: Vague references that place a past or planned clause at no day ("recently", "last season",
#: "in the coming years"); "now" and "currently" tell a present state.
VAGUE_VALUES = frozenset({"PAST_REF", "FUTURE_REF"})


def vague_reference(
    detection: Detection, text: str, vague_phrases: list[tuple[int, int, TemporalExpression]]
) -> TemporalExpression | None:
    """The vague past or future reference (of `vague_phrases`, the sentence's) inside the
    clause of a past or planned event ("He recently scored", "scored 40 goals last season"):
    the clause's own time, which no date of the narrative or of another clause replaces; None
    without one."""
    if detection.tense != "past" and detection.status is not EventStatus.planned:
        return None
    low = min(detection.subject_start, detection.trigger.start)
    high = (
        detection.trigger.end  # "said the machines were removed a few years ago": not the saying
        if detection.speech
        else max(detection.anchor_end, detection.object_end, detection.trigger.end)
    )
    for start, end, expression in vague_phrases:
        if (low <= start and end <= high) or (
            end <= detection.trigger.start and not text[end : detection.trigger.start].strip()
        ):  # "and recently scored": the adverb right before the verb
            return expression
    return None


SPEECH_CONTINUATION_SENTENCES = 10
#: The comma between a date and the duration counted from it, and the word after the
#: duration that makes it an offset opening a clause ("Oct. 8, 2023, [a day] after Hamas").
ATTRIBUTION_BETWEEN = r"(?:[A-Z][^,;]{0,60}?\s(?:said|says|reported|announced|told\s+\w+)\s*,\s*)?"
DATE_THEN_DURATION = re.compile(
    rf"\s*,\s*{ATTRIBUTION_BETWEEN}\Z"
)  # "on Tuesday, [Egyptian officials said,] a day after"
#: Hours or minutes after or before a clause, right after a day: that same day ("struck
#: targets on Tuesday, hours after the group fired rockets").
SAME_DAY_OFFSET = re.compile(
    rf"\s*,\s*{ATTRIBUTION_BETWEEN}(?:just\s+|only\s+|a\s+few\s+|several\s+)?"
    r"(?:hours|minutes)\s+(?:after|before)\s+\Z",
    re.IGNORECASE,
)
OFFSET_DIRECTION_BEFORE = re.compile(r"\s+(?P<direction>after|before)\s+\Z", re.IGNORECASE)
#: Days in a counted duration's unit, for the units an offset clause counts in.
OFFSET_UNIT_DAYS = {"D": 1, "W": 7}


def offset_from_date(
    detection: Detection,
    text: str,
    expressions: list[tuple[int, int, TemporalExpression]],
    document: Document,
) -> EventTime | None:
    """The day of an undated clause told as an offset from the day just before it ("began on
    Oct. 8, 2023, a day after Hamas attacked Israel": Oct. 7, 2023; "on Tuesday, hours after
    the group fired": Tuesday), else None; the offset is the duration the tagger read ("a
    day": P1D)."""
    subject = min(detection.subject_start, detection.trigger.start)
    first = bisect.bisect_left(expressions, subject - OFFSET_REACH, key=PHRASE_END)
    for index in range(first, len(expressions)):
        _, date_end, date = expressions[index]
        if date_end > subject:
            break  # phrases do not overlap: ends come in order
        if date.granularity is not Granularity.day:
            continue
        if SAME_DAY_OFFSET.match(text, date_end, subject):
            result = expression_time(date, document, EventStatus.occurred, False)
            return None if isinstance(result, str) else _as_context(result)
        if index + 1 == len(expressions):
            break
        start, end, duration = expressions[index + 1]
        direction = OFFSET_DIRECTION_BEFORE.match(text, end, subject)
        amount = COUNTED_DURATION.match(duration.value) if direction else None
        if (
            amount is None
            or amount["unit"] not in OFFSET_UNIT_DAYS
            or not DATE_THEN_DURATION.match(text, date_end, start)
        ):
            continue
        result = expression_time(date, document, EventStatus.occurred, False)
        if isinstance(result, str):
            return None
        days = int(amount["amount"]) * OFFSET_UNIT_DAYS[amount["unit"]]
        day = result.earliest + dt.timedelta(
            days=-days if direction["direction"].lower() == "after" else days
        )
        return EventTime(
            value=day.isoformat(),
            earliest=day,
            latest=day,
            granularity=Granularity.day,
            basis=TimeBasis.relative,
        )
    return None


def clause_offset(
    detection: Detection,
    anchored: list[Anchored],
    text: str,
    expressions: list[tuple[int, int, TemporalExpression]],
    document: Document,
    dated_by: TemporalExpression | None,
) -> EventTime | None:
    """The time of a clause counted from another clause of its sentence, else None.

    Opened by a counted duration, an undated clause counts from the day of the clause before
    it ("said on Sunday ..., two days after a drone strike killed its top general": Jan. 3 for
    Jan. 5) or of the event noun after the duration ("Two days before her death, she
    appointed"); "hours after" keeps that day. Followed by one, a clause counts from the day
    the next clause gives, even when that day is the phrase found to date it (`dated_by`):
    "resigned five days after the agency announced its findings on Sept. 18" is Sept. 23. A
    week or month offset gives its week or month.
    """
    subject = min(detection.subject_start, detection.trigger.start)
    if dated_by is None:
        opened = same_day_after(anchored, text, subject) or offset_opening(
            anchored, text, expressions, subject
        )
        if opened is not None:
            return opened
    return offset_to_next_clause(detection, text, expressions, document, dated_by)


def same_day_after(anchored: list[Anchored], text: str, subject: int) -> EventTime | None:
    """The day of the clause before, for a clause opened by "hours after" ("said on Thursday
    ..., hours after the Times published"), else None."""
    if not ("hours" in text or "minutes" in text or "moments" in text):
        return None
    if not SAME_DAY_CLAUSE.search(text, max(0, subject - 40), subject):
        return None
    main = next(
        (item for item in reversed(anchored[-RECENT_CLAUSES:]) if item.time is not None), None
    )
    if main is None or main.time is None or main.time.earliest != main.time.latest:
        return None
    return _as_context(main.time)


def offset_opening(
    anchored: list[Anchored],
    text: str,
    expressions: list[tuple[int, int, TemporalExpression]],
    subject: int,
) -> EventTime | None:
    """The time of a clause opened by a counted duration: from the clause before it ("two
    days after a drone strike killed") or from the event noun after the duration ("Two days
    before her death, she appointed"), else None."""
    last = bisect.bisect_left(expressions, subject, key=PHRASE_END)
    if last == 0:
        return None
    start, end, duration = expressions[last - 1]  # the duration right before the subject
    direction = OFFSET_DIRECTION_BEFORE.match(text, end, subject)
    amount = COUNTED_DURATION.match(duration.value) if direction else None
    if direction is not None and amount is not None:
        main = next(
            (
                item
                for item in reversed(anchored[-RECENT_CLAUSES:])
                if item.detection.trigger.end <= start and item.time is not None
            ),
            None,
        )
        if main is not None and main.time is not None:
            sign = -1 if direction["direction"].lower() == "after" else 1
            return _offset_time(main.time, amount, sign)
    occasion = OFFSET_FROM_NOUN.match(text, end)
    amount = COUNTED_DURATION.match(duration.value) if occasion else None
    if occasion is None or amount is None or occasion.end() != subject:
        return None
    noun = next(
        (
            item
            for item in anchored[-RECENT_CLAUSES:]
            if item.detection.nominal
            and occasion.start() <= item.detection.trigger.start < occasion.end()
            and item.time is not None
        ),
        None,
    )
    if noun is None or noun.time is None:
        return None
    sign = -1 if occasion["direction"].lower() == "before" else 1
    return _offset_time(noun.time, amount, sign)


def offset_to_next_clause(
    detection: Detection,
    text: str,
    expressions: list[tuple[int, int, TemporalExpression]],
    document: Document,
    dated_by: TemporalExpression | None,
) -> EventTime | None:
    """The time of a clause followed by a counted duration and the clause it counts to, from
    that clause's day ("resigned five days after the agency announced ... on Sept. 18"), else
    None; when a date phrase dates the clause (`dated_by`), only if it is that day."""
    after_trigger = bisect.bisect_left(expressions, detection.trigger.end, key=PHRASE_START)
    if not any(
        expression.type is TimexType.DURATION
        for _, _, expression in expressions[after_trigger : after_trigger + 2]
    ):
        return None  # no duration after the verb: its object's extent need not be read
    first = bisect.bisect_left(expressions, detection.object_end, key=PHRASE_START)
    if first + 1 >= len(expressions):
        return None
    start, end, duration = expressions[first]
    direction = OFFSET_DIRECTION_AFTER.match(text, end)
    amount = COUNTED_DURATION.match(duration.value) if direction else None
    if direction is None or amount is None:
        return None
    if not OFFSET_OPENS.match(text, detection.object_end, start):
        return None
    date_start, _, date = expressions[first + 1]
    if dated_by is not None and dated_by is not date:
        return None
    if date_start - direction.end() > OFFSET_CLAUSE_REACH or OFFSET_CLAUSE_BREAK.search(
        text, direction.end(), date_start
    ):
        return None
    result = expression_time(date, document, EventStatus.occurred, False)
    if isinstance(result, str):
        return None
    sign = 1 if direction["direction"].lower() == "after" else -1
    return _offset_time(result, amount, sign)


def _offset_time(time: EventTime, amount: re.Match[str], sign: int) -> EventTime | None:
    """The time a counted duration away from a single day, else None."""
    if time.earliest is None or time.earliest != time.latest:
        return None
    date = offset_date(time.earliest, amount, sign)
    bounds = calendar_bounds(date)
    if bounds is None:
        return None
    return EventTime(
        value=date.timex_value(),
        earliest=bounds[0],
        latest=bounds[1],
        granularity=date.grain,
        basis=TimeBasis.relative,
    )


#: Hours or minutes after or before, opening a clause after the main one: its day.
SAME_DAY_CLAUSE = re.compile(
    r",\s*(?:just\s+|only\s+|a\s+few\s+|several\s+)?(?:hours|minutes|moments)\s+"
    r"(?:after|before)\s+\Z",
    re.IGNORECASE,
)
#: A duration's offset from an event noun, opening the clause after it ("[Two days] before
#: her death, she").
OFFSET_FROM_NOUN = re.compile(
    r"\s+(?P<direction>before|after)\s+(?:the|his|her|its|their|[A-Z][\w.-]*'s)\s+"
    r"(?:[\w-]+\s+){0,2}?[\w-]+\s*,\s*",
    re.IGNORECASE,
)
#: The word after a duration that makes it an offset to the clause after it ("five days
#: [after] the agency announced").
OFFSET_DIRECTION_AFTER = re.compile(r"\s+(?P<direction>after|before)\s+", re.IGNORECASE)
#: What may stand between a verb's object and the duration it is counted by.
OFFSET_OPENS = re.compile(r"\s*,?\s*(?:just|only|about|some|nearly|almost)?\s*\Z", re.IGNORECASE)
#: How far into the clause after the duration its date phrase may start.
OFFSET_CLAUSE_REACH = 120
#: What ends that clause before a date phrase (not the periods of "U.S.").
OFFSET_CLAUSE_BREAK = re.compile(r"[;:!?()—]")
#: How far before a clause the day of its offset may end ("on Oct. 8, 2023, a day after").
OFFSET_REACH = 120

#: Sort keys of date phrase entries (start, end, expression) by their offsets.
PHRASE_START = operator.itemgetter(0)
PHRASE_END = operator.itemgetter(1)


#: Event types of verbs that report or announce what their clause tells.
REPORTING_TYPES = frozenset({"statement", "request", "threaten"})


def announces_future(
    detection: Detection,
    expressions: list[tuple[int, int, TemporalExpression]],
    document: Document,
) -> bool:
    """Whether the clause an undated reporting verb tells holds a date after publication
    ("announced a state funeral would be held on Jan. 9"): the announcement is recent news,
    not the time of the story told just before."""
    published = document.published.latest
    if published is None:
        return False
    first = bisect.bisect_left(expressions, detection.trigger.end, key=PHRASE_START)
    last = bisect.bisect_right(
        expressions, detection.trigger.end + ANNOUNCED_REACH, lo=first, key=PHRASE_START
    )
    return any(
        is_date_like(expression)
        and expression.anchor == "document"
        and expression.earliest is not None
        and expression.earliest > published
        for _, _, expression in expressions[first:last]
    )


#: How far after a reporting verb the date of what it announces may start.
ANNOUNCED_REACH = 240


def is_past_for_plan(
    detection: Detection, governing: Governing, text: str, document: Document
) -> bool:
    """Whether the date phrase in the object of a plan told with `will`/`would` counts back
    from the publication date to before it ("would investigate the genocide ... four years
    ago") or is a month or longer period before it ("would fall because of rules announced in
    October"): it dates the object, not the plan ("was due to expire yesterday" keeps its
    date; a weekday may point either way: "will submit on Monday")."""
    expression = governing.expression
    published = document.published.earliest
    return (
        detection.status is EventStatus.planned
        and FUTURE_BEFORE.search(text, 0, detection.trigger.start) is not None
        and expression.anchor == "document"
        and expression.latest is not None
        and published is not None
        and expression.latest < published
        and (
            not PAST_WORDS.isdisjoint(expression.text.lower().split())
            or GRANULARITY_RANK[expression.granularity] >= GRANULARITY_RANK[Granularity.month]
        )  # "would fall because of rules announced in October"; not "will submit on Monday"
    )


def is_future_for_past(detection: Detection, governing: Governing, document: Document) -> bool:
    """Whether the date phrase of a verb in the past tense lies wholly after the
    publication date ("scheduled sentencing for March 28, 2024", "announced plans to travel
    next week"): it dates what the verb's object plans, not the verb."""
    expression = governing.expression
    published = document.published.latest
    return (
        detection.status is EventStatus.occurred
        and detection.tense == "past"  # "when he visits Beijing next month" is a plan
        and published is not None
        and expression.earliest is not None
        and expression.earliest > published
        and (
            expression.anchor == "none"  # written in full: "March 28, 2024"
            or not FUTURE_WORDS.isdisjoint(expression.text.lower().split())  # "next week"
        )  # not "on Feb. 1" read forward, which a past verb moves to the year before
    )


#: Words that make a date phrase counted from the publication date a future one.
FUTURE_WORDS = frozenset({"next", "coming", "tomorrow", "later"})


#: A future auxiliary right before a verb (one adverb between at most): "would investigate".
FUTURE_BEFORE = re.compile(r"\b(?:will|would|shall|'ll|’ll)\s+(?:[a-z]+ly\s+)?\Z", re.IGNORECASE)
#: Words that make a date phrase counted from the publication date a past one ("four years
#: ago", "last year"); a weekday alone points either way ("will submit on Monday").
PAST_WORDS = frozenset({"ago", "last", "yesterday", "earlier", "previous", "past"})


def follows_present_clause(detection: Detection, text: str) -> bool:
    """Whether a reporting verb shares its subject with a clause in the present perfect or
    present before it ("Jobs has not yet mentioned why, but said he will stay"): today's news."""
    return (
        detection.coordinated
        and not detection.participial
        and detection.tense == "past"
        and not detection.background
        and COORDINATOR_BEFORE.search(text, 0, detection.trigger.start) is not None
        and _sentence_is_present(text, detection.trigger.start)
        and cues().background.isdisjoint(text[: detection.trigger.start].lower().split())
    )  # not "China has previously denied it and said"


#: `and` or `but` right before a verb (one adverb between at most): "but said", "and also said".
COORDINATOR_BEFORE = re.compile(r"\b(?:and|but)\s+(?:[a-z]+ly\s+|also\s+)?\Z")


def is_news_of_the_day(detection: Detection) -> bool:
    """Whether an undated reporting verb tells the article's own news, dated by the document:
    the present perfect ("has stated that"), not background ("has previously said")."""
    return detection.tense == "present" and detection.perfect and not detection.background


OPENING_SENTENCES = 5  # headline, dateline and the first body sentences


@lru_cache(maxsize=1)
def reaction_plan_pattern() -> re.Pattern[str]:
    """`would`/`will` and a verb of `cues.json` reaction_plans ("would appeal")."""
    verbs = "|".join(re.escape(word) for word in cue_table().reaction_plans)
    return re.compile(rf"\b(?:would|will|'ll)\s+(?:\w+ly\s+)?(?:{verbs})\b", re.IGNORECASE)


def announces_reaction(detection: Detection) -> bool:
    """Whether an undated past reporting verb tells what its speaker will do in answer to the
    news ("said it would appeal the decision", "said they would oppose the deal")."""
    return (
        detection.tense == "past"
        and not detection.relative
        and not detection.background
        and bool(cue_table().reaction_plans)
        and reaction_plan_pattern().search(detection.arguments.sentence.text, detection.trigger.end)
        is not None
    )  # the whole rest of the sentence: "said it was disappointed and would appeal"


def is_present_report(detection: Detection, lead: bool, sentence_number: int) -> bool:
    """Whether a reporting verb in the simple present tells, in the article's opening, what
    someone holds at the time of writing ("Apple Corps claims that"): dated by the document.
    A correspondent's sign-off ("Lisa Schlein reports from Geneva.") reports nothing."""
    if not lead or sentence_number >= OPENING_SENTENCES:
        return False
    if detection.tense != "present" or detection.perfect or detection.background:
        return False
    words = detection.object_text.split()
    return bool(words) and words[0].lower() not in PREPOSITIONS


def continued_speech_time(
    detection: Detection, paragraph: int, narrative: Narrative
) -> EventTime | None:
    """The time of a reporting verb without a date phrase that goes on telling what the same
    speaker did in the sentences just before, in the same paragraph ("Jobs unveiled the iPad on
    Wednesday. He said that..."); None otherwise (a lone `said` is not put on the timeline)."""
    recent = []
    for entry in reversed(narrative.recent_actor_times):
        if narrative.sentence_number - entry[0] > SPEECH_CONTINUATION_SENTENCES:
            break
        if entry[1] == paragraph:
            recent.append(entry)
    if not recent and not detection.continuation:
        return None  # nothing to continue: the speaker need not be read
    key = actor_key(narrative.by_surname(resolve_references(detection.actors, narrative)))
    personal = bool(detection.actors) and detection.actors[0].lower() in PERSONAL_PRONOUNS
    if not key and not personal:
        return None
    for _, _, other_key, time, person in recent:
        if key & other_key:
            return _as_context(time)
        if personal and person:
            return _as_context(time)  # "He said": the person who last acted
    if detection.continuation and key:
        earlier = narrative.last_actor_time(key, paragraph)
        if earlier is not None and earlier[0] is not None:
            return _as_context(earlier[0])  # "Jobs also noted": where Jobs last spoke or acted
    return None


def is_person_actor(actors: list[str], narrative: Narrative, text: str) -> bool:
    """Whether the first actor is a person: he/she, or a person named (or their surname) in
    the current sentence or the last few, read only when the actor is not a pronoun."""
    if not actors:
        return False
    first = actors[0]
    if first.lower() in PERSONAL_PRONOUNS or first in narrative.surnames:
        return True  # "he", or the first name of a person who acted ("Steve")
    if not could_name_person(first):
        return False  # no name `persons_in` finds can be it: no need to read the sentences
    words = first.split()
    # the current sentence (where the actor is usually named) first, earlier ones only if needed;
    # a sentence without each of the actor's words names no such person
    for known in (text, *reversed(narrative.previous_texts)):
        if not all(word in known for word in words):
            continue
        if any(first == name or first == name.split()[-1] for name in persons_in(known)):
            return True
    return False


def could_name_person(actor: str) -> bool:
    """Whether an actor can be a name `persons_in` finds (`is_person_name`) or the last word of
    one (a capitalized word, no organisation word or demonym)."""
    words = actor.split()
    if actor != " ".join(words):
        return False  # names come with single spaces
    if len(words) == 1:
        return actor[:1].isupper() and actor.lower() not in organisation_or_demonym_words()
    return is_person_name(actor)


def referred_time(
    detection: Detection,
    governing: Governing | None,
    narrative: Narrative,
    document: Document,
) -> EventTime | None:
    """The time of the earlier event a possessed noun refers to (`its launch`: the launch told
    before), kept only when it fits the noun's own date phrase (`its launch in 2003`)."""
    earlier = narrative.lemma_times.get(detection.row.verb or detection.row.lemma)
    if governing is None or earlier is None:
        return _as_context(earlier)
    result = expression_time(governing.expression, document, EventStatus.occurred, False)
    if isinstance(result, str):
        return _as_context(earlier)
    if result.earliest <= earlier.earliest and earlier.latest <= result.latest:
        return _as_context(earlier)
    return result


def occasion_words(tokens: list[Token]) -> list[tuple[int, str]]:
    """The gathering nouns among a phrase's tokens, with their positions ("news conference"
    as one)."""
    nouns = gathering_nouns()
    found = []
    for index, token in enumerate(tokens):
        pair = f"{token.lower} {tokens[index + 1].lower}" if index + 1 < len(tokens) else ""
        if pair in nouns:
            found.append((index + 1, pair))
        elif token.lower in nouns and token.text.islower():
            found.append((index, token.lower))
    return found


def remember_occasion_times(anchored: list[Anchored], narrative: Narrative, text: str) -> None:
    """The time of each occasion named in a clause (of the sentence `text`) with a date of
    its own."""
    if not any(item.governing is not None for item in anchored):
        return  # no clause with a date of its own
    if lower_words(text).isdisjoint(gathering_nouns()):
        return  # no occasion named: no clause to read ("news conference" holds "conference")
    for item in anchored:
        detection = item.detection
        if item.time is None or item.governing is None or detection.nominal:
            continue
        phrases = f"{detection.subject} {detection.object_text}"
        for _, noun in occasion_words(tokenize(phrases)):
            narrative.occasion_times[noun] = item.time


def occasion_time(detection: Detection, narrative: Narrative) -> EventTime | None:
    """The time of the occasion an undated clause names with "the" ("attended the
    ceremony", "at the summit") when a dated clause named it before, else None."""
    told = narrative.occasion_times
    if not told:
        return None
    heads = {noun.rsplit(" ", 1)[-1] for noun in told}  # "news conference": conference
    if lower_words(narrative.sentence_text).isdisjoint(heads):
        return None
    tokens = tokenize(detection.object_text)
    for index, noun in occasion_words(tokens):
        start = index - len(noun.split()) + 1
        before = [token.lower for token in tokens[max(0, start - OCCASION_MODIFIERS - 1) : start]]
        if "the" in before and noun in narrative.occasion_times:
            return narrative.occasion_times[noun]
    return None


#: How many words may stand between "the" and the occasion ("the swearing-in ceremony").
OCCASION_MODIFIERS = 2


def remember_lemma_times(anchored: list[Anchored], narrative: Narrative) -> None:
    """The last explicitly dated event of each trigger lemma, for nouns that refer back."""
    for item in anchored:
        if item.time is not None and item.governing is not None and not item.detection.nominal:
            narrative.lemma_times[item.detection.row.lemma] = item.time


def _present_or_headline(item: ContentSentence) -> bool:
    """Whether a sentence is told in the present tense, or is the headline (read only on the
    paths of `update_reference` that need it)."""
    return item.headline or _sentence_is_present(item.sentence.text)


def _document_reference(document: Document, paragraph: int) -> Reference:
    """The publication date as the narrative's reference time."""
    return Reference(
        document_time(document),
        None if document.published.value else "the publication date is unknown",
        paragraph,
        from_document=True,
    )


RELATIVE_WORD = re.compile(r"\b(?:who|whom|whose|which|that)\b")
RELATIVE_WORD_WINDOW = 60


def relative_clause_span(text: str, detection: Detection) -> tuple[int, int]:
    """Character span of a relative clause, from its relative word (when one stands within a
    few words before the trigger) to the end of its date phrases."""
    trigger = detection.trigger.start
    words = list(RELATIVE_WORD.finditer(text, max(0, trigger - RELATIVE_WORD_WINDOW), trigger))
    return (words[-1].start() if words else trigger), detection.anchor_end


def update_reference(
    item: ContentSentence,
    expressions: list[tuple[int, int, TemporalExpression]],
    anchored: list[Anchored],
    narrative: Narrative,
    document: Document,
    since_when: frozenset[int],
) -> None:
    """Move the narrative's reference time after reading a sentence; `since_when` are the ids
    of its `since X, when ...` phrases (`since_when_phrases`), whose events move nothing."""
    if anchored and all(a.status is EventStatus.planned for a in anchored):
        return  # what is planned does not move the narrative's reference time
    text = item.sentence.text
    paragraph = item.sentence.paragraph
    background = (
        []
        if _sentence_is_present(text)  # "Elian, who was rescued Nov. 25, is ...": the story
        else [relative_clause_span(text, a.detection) for a in anchored if a.detection.relative]
    )  # "Slot, who replaced Klopp last summer, became": background to the main clause
    anchored = [
        a
        for a in anchored
        if not a.detection.possessed
        and not (background and a.detection.relative)
        and id(a.governing) not in since_when
    ]  # "its launch" looks back; "since August, when they traded at $10": background
    if anchored and all(is_year_ago_period(a.governing) for a in anchored):
        return  # "For the quarter a year ago, Columbia reported": a comparison, not the story
    main = next(
        (a for a in anchored if a.time is not None and a.status is not EventStatus.planned), None
    )  # a plan beside what happened ("said he will begin on Friday") moves nothing either
    if main is not None and main.time is not None:
        since = main.status is EventStatus.ongoing and main.time.mod == "START"
        from_document = main.time.basis is TimeBasis.document_date
        narrative.reference = Reference(
            main.time,
            None,
            paragraph,
            since=since,
            from_document=from_document,
            explicit=main.governing is not None,
        )
        if not since:
            narrative.point_reference = narrative.reference
        elif _present_or_headline(item):
            narrative.point_reference = _document_reference(document, paragraph)
        return
    mask = quoted_of(text)
    published = document.published.reference
    usable = [
        (start, end, e)
        for start, end, e in expressions
        if is_date_like(e)
        and not is_attributive(text, start, end, e)
        and not is_quoted_at(mask, start)
        and not any(first <= start < last for first, last in background)
        and not is_compared_since(text, start, end)  # "the highest turnout since 1992"
        and not in_inserted_clause(text, start, end, len(text))  # "The AI Act, first ...
        and not (published is not None and e.earliest is not None and e.earliest > published)
    ]  # a date after publication is a plan, not the narrative's reference time; one in an
    # insertion is background ("The AI Act, first proposed in April 2021, still needs")
    if usable:
        start, end, expression = usable[-1]
        since = is_since(text, start, end)
        result = expression_time(expression, document, EventStatus.occurred, since)
        time, reason = (None, result) if isinstance(result, str) else (result, None)
        narrative.reference = Reference(time, reason, paragraph, since=since, explicit=True)
        if not since:
            narrative.point_reference = narrative.reference
        elif _present_or_headline(item):
            narrative.point_reference = _document_reference(document, paragraph)
        return
    dated = [
        a for a in anchored if a.time is not None and a.time.basis is not TimeBasis.document_date
    ]
    if dated and not any(d.detection.tense == "present" for d in anchored):
        last = dated[-1]
        narrative.reference = narrative.point_reference = Reference(
            last.time, last.reason, paragraph
        )
        return
    if _present_or_headline(item):
        narrative.reference = narrative.point_reference = _document_reference(document, paragraph)


@lru_cache(maxsize=64)
def summary_of(text: str) -> str:
    """A sentence with its whitespace normalized (once per sentence, not once per event)."""
    return " ".join(text.split())


def event_id(
    document: Document, sentence: Sentence, detection: Detection, occurrence: int = 0
) -> str:
    """A stable id: a short hash of document, mention offsets, trigger (and occurrence)."""
    start = sentence.start + detection.trigger.start
    key = f"{document.id}:{sentence.start}:{sentence.end}:{start}:{detection.trigger.text}"
    if occurrence:
        key += f":{occurrence}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def confidence(anchored: Anchored) -> float:
    """Confidence from the time basis and the strength of the detection."""
    detection = anchored.detection
    base = BASIS_CONFIDENCE[anchored.time.basis] if anchored.time else UNDATED_CONFIDENCE
    if detection.speech:
        base *= 0.85
    if detection.nominal or detection.participial:
        base *= 0.85
    return round(base, 3)


def build_event(
    document: Document, sentence: Sentence, anchored: Anchored, narrative: Narrative
) -> Event:
    """The `Event` for one anchored detection."""
    detection = anchored.detection
    actors = (
        detection.actors  # "it took 271 days to form a government": no one took anything
        if is_expletive_it(detection)
        else resolve_references(
            detection.actors,
            narrative,
            pronoun_offset(sentence.text, detection.actors, detection.subject_start),
            salient=not detection.speech,
        )  # "he said" after a quote is its speaker; "He became" the story's subject
    )
    targets = resolve_references(detection.targets, narrative, detection.trigger.start)
    governing = anchored.governing
    mention = Mention(
        document=document.id,
        start=sentence.start,
        end=sentence.end,
        text=sentence.text,
        time_start=governing.start if governing else None,
        time_end=governing.end if governing else None,
        trigger=detection.trigger.text,
    )
    return Event(
        id=event_id(document, sentence, detection, anchored.occurrence),
        title=headline(detection, actors, targets, anchored.status),
        summary=summary_of(sentence.text),
        time=anchored.time,
        status=anchored.status,
        type=harm_type(detection, sentence.paragraph, narrative),
        actors=actors,
        targets=[t for t in targets if t not in actors],
        places=detection.places,
        mentions=[mention],
        confidence=confidence(anchored),
        reason=None if anchored.time else (anchored.reason or "no date could be established"),
    )


#: Verbs whose subject `it` may stand for the infinitive after them ("it took 271 days to
#: form a government", "it cost $5 million to build").
EXPLETIVE_VERBS = frozenset({"take", "cost"})


@lru_cache(maxsize=1)
def hazard_words() -> frozenset[str]:
    """Words of natural hazards and accidents (`cues.json` hazard_subjects)."""
    return frozenset(cue_table().hazard_subjects.words)


def names_hazard(actors: list[str]) -> bool:
    """Whether an actor is a natural hazard or an accident ("Hurricane Helene", "the quake");
    not a bomb that went off."""
    return any(
        word.lower().strip(".,") in hazard_words() for actor in actors for word in actor.split()
    )


#: How many paragraphs after a disaster a harm told without its doer is the disaster's.
DISASTER_CONTEXT_PARAGRAPHS = 1


def harm_type(detection: Detection, paragraph: int, narrative: Narrative) -> str:
    """The type of a detection; harm in the passive without its doer, just after a disaster
    is told, is the disaster's ("Hurricane Helene slammed into Florida ... At least 30 people
    were killed": a disaster, not an assault)."""
    if (
        detection.type == "assault"
        and detection.passive
        and not detection.actors
        and narrative.disaster_paragraph is not None
        and paragraph - narrative.disaster_paragraph <= DISASTER_CONTEXT_PARAGRAPHS
    ):
        return "disaster"
    return detection.type


def is_expletive_it(detection: Detection) -> bool:
    """Whether the subject `it` stands for an infinitive after the object, not for a thing."""
    actors = detection.actors
    if len(actors) != 1 or actors[0].lower() != "it":
        return False
    if detection.row.lemma not in EXPLETIVE_VERBS:
        return False
    return " to " in f" {detection.object_text} "


def remember(
    narrative: Narrative,
    sentence: Sentence,
    events: list[Event],
    background: frozenset[str] = frozenset(),
) -> None:
    """Remember the participants of a sentence for the next ones; the times of events told in
    relative clauses (ids in `background`: "the principle it vindicated two years ago") date
    nothing that follows."""
    if any(event.type == "disaster" and names_hazard(event.actors) for event in events):
        narrative.disaster_paragraph = sentence.paragraph
    for event in events:
        point = (
            event.time is not None
            and event.time.mod != "START"
            and event.status is not EventStatus.planned  # a plan is not what was just done
            and event.id not in background
        )
        key = actor_key(event.actors) if event.actors else frozenset()
        if event.actors and point and event.time is not None:
            narrative.recent_actor_times.append(
                (
                    narrative.sentence_number,
                    sentence.paragraph,
                    key,
                    event.time,
                    is_person_actor(event.actors, narrative, sentence.text),
                )
            )
        if event.actors:
            narrative.remember_persons(event.actors)
            if (
                not (event.time is not None and event.time.mod == "START")
                and event.status is not EventStatus.planned
                and event.id not in background
            ):
                # a continuing state ("fighting cancer since 2004") dates nothing that follows,
                # nor does a plan ("will begin on Friday": not what the actor last did)
                narrative.add_actor_time(key, event.time, event.reason, sentence.paragraph)
            first = event.actors[0]
            if first[:1].isupper():  # only names: "they" is not "the move"
                narrative.last_actor = named_actor(first)
            if (
                first.lower() not in PRONOUNS
                and any(char.isupper() for char in first)
                and not is_plural([first])  # "it" is not "Health officials"
                and not is_person_actor(event.actors, narrative, sentence.text)
            ):
                narrative.last_thing = named_actor(first)  # "the iPhone maker", "Tesla"
    narrative.remember_genders(
        sentence.text, narrative.previous_texts[-1] if narrative.previous_texts else None
    )
    narrative.previous_texts = [*narrative.previous_texts[-2:], sentence.text]
    narrative.named_texts = [*narrative.named_texts[1 - NAMED_SENTENCES :], sentence.text]
    narrative.recent_actor_times = narrative.recent_actor_times[-8:]
    narrative.sentence_number += 1


@lru_cache(maxsize=256)
def named_actor(actor: str) -> str:
    """The name an actor phrase holds, for "it" to refer to ("Tesla Inc. shares rose ... it
    delivered": Tesla Inc.), else the phrase."""
    words = actor.split()
    if len(words) < 2 or words[-1][:1].isupper():
        return actor
    names = names_in(list(tokens_of(actor)))
    if not names or (names[0] == words[0] and is_plural([actor])):
        return actor  # "Health officials": a sentence's first word is no name of its own
    return names[0]


def reporting_speaker(detections: list[Detection], position: int) -> str | None:
    """The named speaker of the reporting verb right before the detection at `position`, or
    before the verbs it is joined to ("Saddam said he will begin ... and release": Saddam),
    else None."""
    current = detections[position] if position < len(detections) else None
    for detection in reversed(detections[:position]):
        if detection.speech:
            actors = detection.actors
            return actors[0] if actors and actors[0].lower() not in PRONOUNS else None
        if current is None or not current.coordinated:
            return None
        current = detection
    return None


def nearest_named_actors(earlier: list[Detection]) -> list[str]:
    """The actors of the last of `earlier` detections (in text order) whose subject is a name,
    not a pronoun: "the United States said it had sanctioned", `it` is the United States. Read
    backwards, so the actors of the detections before it are never read."""
    for detection in reversed(earlier):
        actors = detection.actors
        if actors and actors[0].lower() not in PRONOUNS:
            return actors
    return []


def extract_events(
    document: Document, sentences: list[Sentence], expressions: list[TemporalExpression]
) -> list[Event]:
    """The events a document reports, one mention each, not yet merged."""
    narrative = Narrative()
    events: list[Event] = []
    starts = sorted_starts(expressions)
    for item in content_sentences(sentences):
        sentence = item.sentence
        narrative.sentence_text = sentence.text
        narrative.speaker = None  # set for each event built below, never left from before
        in_sentence = _sentence_expressions(sentence, expressions, starts)
        reference = narrative.point_reference
        if in_sentence:
            reference_time = reference.time if reference is not None else None
            in_sentence = offset_dates(sentence.text, in_sentence, reference_time)  # "days later"
        blocked = [(start, end) for start, end, e in in_sentence if is_date_like(e)]
        detections = detect(sentence.text, blocked)
        anchored = (
            anchor_detections(item, detections, in_sentence, narrative, document)
            if detections
            else []
        )
        built = []
        if anchored:  # detections come in text order
            trigger_starts = [d.trigger.start for d in detections]
        for item_anchored in anchored:
            position = bisect.bisect_left(trigger_starts, item_anchored.detection.trigger.start)
            narrative.clause_actors = nearest_named_actors(detections[:position])
            narrative.speaker = reporting_speaker(detections, position)
            built.append(build_event(document, sentence, item_anchored, narrative))
        events.extend(built)
        since_when = since_when_phrases(sentence.text, in_sentence) if anchored else frozenset()
        update_reference(item, in_sentence, anchored, narrative, document, since_when)
        remember_lemma_times(anchored, narrative)
        remember_occasion_times(anchored, narrative, sentence.text)
        remember_plan(anchored, in_sentence, sentence.text, sentence.paragraph, narrative, document)
        background = frozenset(
            event.id
            for event, item_anchored in zip(built, anchored, strict=True)
            if item_anchored.detection.relative
            or is_year_ago_period(item_anchored.governing)
            or id(item_anchored.governing) in since_when
        )
        remember(narrative, sentence, built, background)
    return events
