"""Merge: the same event reported in several sentences or documents becomes one event.

Two mentions describe one event when their types are compatible, their times are compatible
(their intervals overlap; an undated or document-date-based mention may attach to a dated one
of the same episode), a plan and what happened share one stated date (not a guessed one), their
participants do not contradict each other (different actors, or the roles reversed, mean
different events), and enough ties them:

- a shared participant (names normalized so that "Pompeo" matches "Mike Pompeo") and one more
  sign: the same or synonymous specific type, the same trigger, similar title words, a shared
  word about what happened ("genocide"), or, with a shared target, triggers of one group
  ("Jobs unveiled iPhone 4" ~ "iPhone 4 was introduced");
- or, for two dated mentions of the same interval, the same trigger and similar title words;
- or, for an undated or document-date-based mention within one article, the same trigger.

Across articles a mention whose date is only borrowed from its context ("When Jobs first
introduced iPhone 4" in a July article) may take another article's own, finer date of the same
happening shortly before, when a participant, the object and the trigger (or title) are shared.

Events are clustered greedily in a fixed order (well-dated first, then by document and offset),
so the same input always gives the same ids and order. Each event is compared only with the
clusters an index finds for it (see "blocking": shared names and signs, months its time can
reach, its own articles), a superset of those it fits, so the result is that of comparing it
with every cluster, in near-linear time. What the rules read of an event is read once
(`EventFacts`); the blocking keys and the rules' answers depend only on the events' comparison
signatures (and whether they share a document), so they are computed once per signature or
pair of signatures, which copies of a story share. A merged event keeps the id of its
earliest mention, the best-dated member's time, title and summary, the union of names (full
names preferred), every mention, and a confidence raised by corroboration from other documents.
Every rule table lives in `resources/en/merge.json` with its examples.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import combinations
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from timeline.models import GRANULARITY_RANK, Event, EventStatus, EventTime, Mention, TimeBasis
from timeline.resources import read_resource_text

WORD_PATTERN = re.compile(r"[\w'-]+")
POSSESSIVE_PATTERN = re.compile(r"'s?\b|'$")
#: Finest first: a finer time is a better time for a merged event.
#: Most trustworthy first.
BASIS_ORDER = [
    TimeBasis.explicit,
    TimeBasis.relative,
    TimeBasis.anaphoric,
    TimeBasis.context,
    TimeBasis.inferred,
    TimeBasis.document_date,
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TypeGroup(_Model):
    """Event types that may describe one event: all of them (mutual) or one umbrella and any."""

    id: str
    kind: Literal["mutual", "umbrella"]
    umbrella: str | None
    types: list[str] = Field(min_length=1)
    examples: list[tuple[str, str]] = Field(min_length=1)
    negative: list[tuple[str, str]] = Field(min_length=1)


class TriggerGroup(_Model):
    """Trigger words that tell one happening ("introduced" ~ "unveiled" a product), with pairs
    of triggers that are (examples) and are not (negative) of one group."""

    id: str
    words: list[str] = Field(min_length=2)
    examples: list[tuple[str, str]] = Field(min_length=1)
    negative: list[tuple[str, str]] = Field(min_length=1)


class NameExample(_Model):
    """Two names and whether they denote the same participant."""

    a: str
    b: str
    match: bool


class MergeThresholds(_Model):
    """Numbers of the merge rules."""

    words_jaccard: float = Field(ge=0.0, le=1.0)
    stem_length: int = Field(ge=3)
    weak_time_window_days: int = Field(ge=0)
    corroboration_gain: float = Field(ge=0.0, le=1.0)


class MergeTables(_Model):
    """The whole `merge.json` resource."""

    description: str
    determiners: list[str]
    number_words: list[str]
    titles: list[str]
    company_suffixes: list[str]
    generic_name_words: list[str]
    measure_words: list[str] = Field(
        default_factory=list,
        description="Heads of what is measured of a participant ('Shares of Spotify', 'Apple's "
        "revenue'): such a name is not the participant itself.",
    )
    pronouns: list[str]
    conjunctions: list[str]
    stopwords: list[str]
    generic_types: list[str]
    broad_types: list[str]
    light_triggers: list[str]
    weak_time_bases: list[TimeBasis]
    borrowed_time_bases: list[TimeBasis]
    type_groups: list[TypeGroup]
    trigger_groups: list[TriggerGroup]
    name_examples: list[NameExample] = Field(min_length=1)
    compatible_name_examples: list[NameExample] = Field(min_length=1)
    thresholds: MergeThresholds


@lru_cache(maxsize=1)
def merge_tables() -> MergeTables:
    """The validated merge tables (loaded once, on first use)."""
    return MergeTables.model_validate(json.loads(read_resource_text("en", "merge.json")))


# --- names ---------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def name_words(name: str, keep_suffix: bool = False) -> tuple[str, ...]:
    """A name's words: lowercased; possessives, numbers, determiners, leading titles and a
    closing company suffix dropped."""
    tables = merge_tables()
    numbers = set(tables.number_words)
    text = name.replace("’", "'").replace("‘", "'").lower()
    words = [POSSESSIVE_PATTERN.sub("", w).strip("'-") for w in WORD_PATTERN.findall(text)]
    words = [w for w in words if w and not w.isdigit() and w not in numbers]
    while words and words[0] in tables.determiners:
        words.pop(0)
    while not keep_suffix and len(words) > 1 and words[-1] in tables.company_suffixes:
        words.pop()  # "Boeing Co." is Boeing
    titles = set(tables.titles)
    first_name_word = 0
    while first_name_word < len(words) - 1 and words[first_name_word] in titles:
        first_name_word += 1
    return tuple(words[first_name_word:])


@lru_cache(maxsize=65536)
def split_names(name: str) -> tuple[str, ...]:
    """A name listing several participants, split: "Kovrig and Spavor" -> Kovrig, Spavor."""
    conjunctions = "|".join(re.escape(c) for c in merge_tables().conjunctions)
    parts = re.split(rf"\s*,\s*|\s+(?:{conjunctions})\s+", name)
    return tuple(part.strip() for part in parts if part.strip())


def is_generic_name(words: tuple[str, ...]) -> bool:
    """Whether a name is made only of generic words ("the government", "officials")."""
    generic = generic_name_words()
    return all(word in generic for word in words)


@lru_cache(maxsize=1)
def generic_name_words() -> frozenset[str]:
    """Words that name no one in particular ("government", "officials")."""
    return frozenset(merge_tables().generic_name_words)


def is_measure(words: tuple[str, ...]) -> bool:
    """Whether a name is a measure of a participant ("shares of spotify", "apple revenue")."""
    return not measure_words().isdisjoint(words)


@lru_cache(maxsize=1)
def measure_words() -> frozenset[str]:
    """The `measure_words` of `merge.json`."""
    return frozenset(merge_tables().measure_words)


def is_pronoun(words: tuple[str, ...]) -> bool:
    """Whether a "name" is only a pronoun ("he", "they"): it names nobody by itself."""
    return len(words) == 1 and words[0] in merge_tables().pronouns


@lru_cache(maxsize=65536)
def names_match(a: str, b: str, same_document: bool = True) -> bool:
    """Whether two names denote the same participant ("Pompeo" ~ "Mike Pompeo").

    Pronouns match nothing; generic names ("the government") match only the same words, and
    only within one document (two articles' "government" may be two governments).
    """
    if is_acronym_of(a, b) or is_acronym_of(b, a):
        return True  # "WHO" ~ "World Health Organization" (not the pronoun "who")
    words_a, words_b = name_words(a), name_words(b)
    if not words_a or not words_b or is_pronoun(words_a) or is_pronoun(words_b):
        return False
    if is_generic_name(words_a) or is_generic_name(words_b):
        return same_document and words_a == words_b
    if words_a == words_b:
        return True
    if is_measure(words_a) != is_measure(words_b):
        return False  # "Shares of Spotify" rising is not Spotify raising its prices
    shorter, longer = sorted((words_a, words_b), key=len)
    return set(shorter) <= set(longer) and shorter[-1] == longer[-1]


#: Words an acronym leaves out ("Centers for Disease Control": CDC).
ACRONYM_SKIPPED_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "de", "&"})


def is_acronym_of(short: str, name: str) -> bool:
    """Whether a name written in capitals is the initials of the first words of another name
    ("WHO" ~ "World Health Organization", "EU" ~ "European Union negotiators", "U.S." ~
    "United States")."""
    letters = short.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return False
    words = [w for w in name.replace("-", " ").split() if w.lower() not in ACRONYM_SKIPPED_WORDS]
    if len(words) < len(letters) or not all(w[:1].isupper() for w in words[: len(letters)]):
        return False
    return "".join(w[0] for w in words[: len(letters)]).upper() == letters


@lru_cache(maxsize=65536)
def names_compatible(a: str, b: str, same_document: bool = True) -> bool:
    """Whether two names may denote the same participant: they match or, in two articles,
    one's words begin the other's ("Apple" ~ "Apple Computer", "Steve" ~ "Steve Jobs": one
    writer's short form of another's name). Within one article a writer who uses two names
    means two participants ("Apple Corps" and "Apple Computer"). Only names that are not
    compatible tell two doers apart."""
    if names_match(a, b, same_document):
        return True
    if same_document:
        return False
    # with their suffixes: "Apple Inc" is no short form of "Apple Computer" or "Apple Corps"
    words_a, words_b = name_words(a, keep_suffix=True), name_words(b, keep_suffix=True)
    shorter, longer = sorted((words_a, words_b), key=len)
    if not shorter or is_pronoun(shorter) or is_generic_name(shorter):
        return False
    return longer[: len(shorter)] == shorter


@lru_cache(maxsize=65536)
def parts_compatible(
    parts_a: tuple[str, ...], parts_b: tuple[str, ...], same_document: bool = True
) -> bool:
    """Whether some participant of the first tuple may be one of the second."""
    return any(
        names_compatible(name, other, same_document) for name in parts_a for other in parts_b
    )


def participant_names(names: list[str]) -> list[str]:
    """Every single participant named in a list of (possibly conjoined) names."""
    return [part for name in names for part in split_names(name)]


@lru_cache(maxsize=65536)
def parts_overlap(
    parts_a: tuple[str, ...], parts_b: tuple[str, ...], same_document: bool = True
) -> int:
    """How many single participants of the first tuple match one of the second (cached: the
    same participants meet again and again in a corpus)."""
    if not (parts_a and parts_b):
        return 0
    return sum(
        1 for name in parts_a if any(names_match(name, other, same_document) for other in parts_b)
    )


def participants(event: Event) -> list[str]:
    """Actors and targets of an event."""
    return [*event.actors, *event.targets]


def participants_overlap(a: Event | EventFacts, b: Event | EventFacts) -> int:
    """How many participants of `a` also take part in `b` (in any role)."""
    first, second = facts_of(a), facts_of(b)
    same_document = not first.documents.isdisjoint(second.documents)
    return parts_overlap(first.participants, second.participants, same_document)


def participants_conflict(a: Event | EventFacts, b: Event | EventFacts) -> bool:
    """Both events name their actors and none may be the same: different doers, different
    events ("Canada issued a statement" is not "the Conservatives urged Canada"; "Apple" and
    "Apple Computer" may be one doer, see `names_compatible`).

    One exception: events of agreeing types where one's actors are the other's targets, as
    when the detained are reported as the subject ("the men have been detained").
    """
    first, second = facts_of(a), facts_of(b)
    if not (first.event.actors and second.event.actors):
        return False
    same_document = not first.documents.isdisjoint(second.documents)
    if parts_compatible(first.actors, second.actors, same_document):
        return False
    crossed = (
        parts_overlap(first.actors, second.targets, same_document) > 0
        or parts_overlap(first.targets, second.actors, same_document) > 0
    )
    return not (crossed and specific_types_agree(first, second))


def roles_reversed(a: Event | EventFacts, b: Event | EventFacts) -> bool:
    """`a`'s actors are `b`'s targets and vice versa, with no shared actor: a reply, not a copy."""
    first, second = facts_of(a), facts_of(b)
    if not (
        first.event.actors and first.event.targets and second.event.actors and second.event.targets
    ):
        return False
    return (
        parts_overlap(first.actors, second.actors) == 0
        and parts_overlap(first.actors, second.targets) > 0
        and parts_overlap(first.targets, second.actors) > 0
    )


def merge_names(lists: list[list[str]]) -> list[str]:
    """Union of names in order of first appearance, one per participant, full names preferred."""
    merged: list[str] = []
    for name in (name for names in lists for name in names):
        for index, kept in enumerate(merged):
            if names_match(name, kept):
                if len(name_words(name)) > len(name_words(kept)):
                    merged[index] = name
                break
        else:
            merged.append(name)
    return merged


# --- types and words -----------------------------------------------------------------------


@lru_cache(maxsize=4096)
def types_compatible(a: str, b: str) -> bool:
    """Whether two event types may describe one event (same, generic, or grouped together)."""
    tables = merge_tables()
    a, b = a.lower(), b.lower()
    if a == b or a in tables.generic_types or b in tables.generic_types:
        return True
    for group in tables.type_groups:
        if group.kind == "mutual" and a in group.types and b in group.types:
            return True
        if group.kind == "umbrella" and {a, b} & {group.umbrella} and {a, b} & set(group.types):
            return True
    return False


def specific_types_agree(a: Event | EventFacts, b: Event | EventFacts) -> bool:
    """Whether both types say something and are the same or synonyms (a mutual group such as
    arrest ~ detention). Generic ("other") and broad types ("statement", "business": one
    actor makes many a day) are no sign, nor is an umbrella such as statement ~ accuse."""
    tables = merge_tables()
    kind_a, kind_b = a.type.lower(), b.type.lower()
    vague = {*tables.generic_types, *tables.broad_types}
    if kind_a in vague or kind_b in vague:
        return False
    return kind_a == kind_b or any(
        group.kind == "mutual" and kind_a in group.types and kind_b in group.types
        for group in tables.type_groups
    )


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem: the first letters of a lowercased word ("imposed", "imposes" -> "impos")."""
    return word.lower()[: merge_tables().thresholds.stem_length]


@lru_cache(maxsize=131072)
def content_stems(text: str) -> frozenset[str]:
    """Stems of the content words of a text (stopwords and numbers dropped)."""
    stopwords = set(merge_tables().stopwords)
    words = (w.lower().strip("'-") for w in WORD_PATTERN.findall(text.replace("’", "'")))
    return frozenset(stem(w) for w in words if w and w not in stopwords and not w.isdigit())


def object_stems(event: Event) -> frozenset[str]:
    """Stems of the title's content words that are neither a participant's name nor a trigger:
    what the event is about ("genocide" in "Pompeo declares CCP is perpetrating genocide")."""
    names = frozenset(
        stem(word) for part in participant_names(participants(event)) for word in name_words(part)
    )
    return content_stems(event.title) - names - triggers(event)


def shares_object_word(a: Event | EventFacts, b: Event | EventFacts) -> bool:
    """Whether two events' titles share a word about what happened (not a name, not a trigger)."""
    return not facts_of(a).object_stems.isdisjoint(facts_of(b).object_stems)


def triggers(event: Event) -> frozenset[str]:
    """Stems of the trigger words of an event's mentions."""
    return frozenset(stem(m.trigger) for m in event.mentions if m.trigger)


@lru_cache(maxsize=1)
def light_trigger_stems() -> frozenset[str]:
    """Stems of the light verbs."""
    return frozenset(stem(word) for word in merge_tables().light_triggers)


@lru_cache(maxsize=1)
def trigger_group_stems() -> dict[str, frozenset[str]]:
    """Each trigger group's id and the stems of its words."""
    return {group.id: frozenset(map(stem, group.words)) for group in merge_tables().trigger_groups}


@lru_cache(maxsize=4096)
def trigger_groups_of(trigger_stems: frozenset[str]) -> frozenset[str]:
    """The ids of the trigger groups these trigger stems belong to."""
    return frozenset(
        group for group, stems in trigger_group_stems().items() if trigger_stems & stems
    )


def triggers_synonymous(a: Event | EventFacts, b: Event | EventFacts) -> bool:
    """Whether the events' telling triggers fall in one trigger group ("introduced" ~
    "unveiled")."""
    groups_a = trigger_groups_of(facts_of(a).telling_triggers)
    return bool(groups_a) and not groups_a.isdisjoint(
        trigger_groups_of(facts_of(b).telling_triggers)
    )


def targets_overlap(a: Event | EventFacts, b: Event | EventFacts) -> bool:
    """Whether the events share a target: the same thing was acted on ("iPhone 4")."""
    first, second = facts_of(a), facts_of(b)
    same_document = not first.documents.isdisjoint(second.documents)
    return parts_overlap(first.targets, second.targets, same_document) > 0


def triggers_similar(a: Event | EventFacts, b: Event | EventFacts) -> bool:
    """Whether the events share a telling trigger stem ("imposed" ~ "imposes")."""
    return not facts_of(a).telling_triggers.isdisjoint(facts_of(b).telling_triggers)


def words_similar(a: Event | EventFacts, b: Event | EventFacts) -> bool:
    """Whether the titles share most of their content words (Jaccard over stems)."""
    stems_a, stems_b = facts_of(a).title_stems, facts_of(b).title_stems
    if not stems_a or not stems_b:
        return False
    jaccard = len(stems_a & stems_b) / len(stems_a | stems_b)
    return jaccard >= merge_tables().thresholds.words_jaccard


# --- times ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def weak_time_window() -> dt.timedelta:
    """How far a weak time may stand from a dated one of the same happening (`merge.json`)."""
    return dt.timedelta(days=merge_tables().thresholds.weak_time_window_days)


def is_weak_time(time: EventTime | None) -> bool:
    """Whether a time is missing or only a guess (the document date)."""
    return time is None or time.basis in weak_time_bases()


@lru_cache(maxsize=1)
def weak_time_bases() -> frozenset[TimeBasis]:
    """The time bases that are only a guess, as a set."""
    return frozenset(merge_tables().weak_time_bases)


@lru_cache(maxsize=1)
def borrowed_time_bases() -> frozenset[TimeBasis]:
    """The time bases of a date borrowed from the sentences around, as a set."""
    return frozenset(merge_tables().borrowed_time_bases)


def is_borrowed_time(time: EventTime | None) -> bool:
    """Whether a time was borrowed from the context ("When Jobs first introduced iPhone 4" takes
    the month the article is about): the sentence itself gives no date."""
    return time is not None and time.basis in borrowed_time_bases()


def borrowed_time_fits(a: EventTime, b: EventTime) -> bool:
    """Whether, across articles, a borrowed time and another article's own date that it does
    not overlap may still be one event's: the own date is at least as fine, not later than the
    borrowed time and at most the window before it (the article tells again, later, what
    another dated). Same-strength times otherwise must overlap."""
    if is_borrowed_time(a) == is_borrowed_time(b):
        return False
    borrowed, own = (a, b) if is_borrowed_time(a) else (b, a)
    if (
        is_weak_time(own)
        or GRANULARITY_RANK[own.granularity] > GRANULARITY_RANK[borrowed.granularity]
    ):
        return False
    window = weak_time_window()
    return borrowed.earliest - window <= own.latest and own.earliest <= borrowed.latest


def intervals_overlap(a: EventTime, b: EventTime) -> bool:
    """Whether two time intervals share a day (one containing the other included)."""
    return a.earliest <= b.latest and b.earliest <= a.latest


def times_compatible(a: EventTime | None, b: EventTime | None, same_document: bool) -> bool:
    """Whether two times can be the time of one event.

    A missing time fits anything. Two times of the same strength must overlap, except, across
    documents, a borrowed time and another article's own date (`borrowed_time_fits`). A dated time
    fits a document-date guess if it is not later than it, does not merely contain it at a
    coarser grain (the guess would be more precise than the date it is traded for) and, across
    documents, is recent.
    """
    if a is None or b is None:
        return True
    if is_weak_time(a) == is_weak_time(b):
        return intervals_overlap(a, b) or (not same_document and borrowed_time_fits(a, b))
    strong, weak = (b, a) if is_weak_time(a) else (a, b)
    if strong.earliest > weak.latest or coarser_container(strong, weak):
        return False
    if same_document:
        return True
    window = weak_time_window()
    return strong.latest >= weak.latest - window


def guess_long_after(a: EventTime | None, b: EventTime | None) -> bool:
    """Whether one time is a document-date guess and the other a date ending more than the
    weak-time window before it (a compatible pair within one article)."""
    if a is None or b is None or is_weak_time(a) == is_weak_time(b):
        return False
    strong, weak = (b, a) if is_weak_time(a) else (a, b)
    window = weak_time_window()
    return strong.latest < weak.earliest - window


def same_interval(a: EventTime, b: EventTime) -> bool:
    """Whether two times cover exactly the same days."""
    return (a.earliest, a.latest) == (b.earliest, b.latest)


def coarser_container(outer: EventTime, inner: EventTime) -> bool:
    """Whether `outer` strictly contains `inner` at a coarser grain (2005 around 2005-06-06)."""
    return (
        outer.earliest <= inner.earliest
        and inner.latest <= outer.latest
        and (outer.earliest, outer.latest) != (inner.earliest, inner.latest)
        and GRANULARITY_RANK[outer.granularity] > GRANULARITY_RANK[inner.granularity]
    )


def time_rank(time: EventTime | None) -> tuple[int, int, int]:
    """Sort key of a time, best first: dated, fine granularity, trustworthy basis."""
    if time is None:
        return (2, len(GRANULARITY_RANK), len(BASIS_ORDER))
    return (
        int(is_weak_time(time)),
        GRANULARITY_RANK[time.granularity],
        BASIS_ORDER.index(time.basis),
    )


# --- deciding ------------------------------------------------------------------------------


def documents_of(event: Event) -> frozenset[str]:
    """The documents an event is mentioned in."""
    return frozenset([m.document for m in event.mentions])


class EventFacts:
    """What the deciding rules read of an event, read off it once: a merge compares each event
    with several others, and events are immutable. Every rule takes an `Event` or its facts."""

    __slots__ = (
        "_object_stems",
        "_signature",
        "actors",
        "documents",
        "event",
        "participants",
        "signature_id",
        "status",
        "targets",
        "telling_triggers",
        "time",
        "title_stems",
        "triggers",
        "type",
        "weak",
    )

    def __init__(self, event: Event, signature: Signature | None = None) -> None:
        """`signature`: the event's `comparison_signature` when the caller has it already."""
        self.event = event
        self.type = event.type
        self.status = event.status
        self.time = event.time
        self.documents = documents_of(event)
        self.weak = is_weak_time(event.time)
        self.actors = tuple(participant_names(event.actors))
        self.targets = tuple(participant_names(event.targets))
        self.participants = self.actors + self.targets
        self.triggers = triggers(event)
        # trigger stems other than light verbs ("said", "announced"), which any event may have
        self.telling_triggers = self.triggers - light_trigger_stems()
        self.title_stems = content_stems(event.title)
        self._object_stems: frozenset[str] | None = None
        self._signature: Signature | None = signature
        self.signature_id: int | None = None

    def for_copy(self, event: Event, signature: Signature) -> EventFacts:
        """The facts of an event with the same `signature`: what the rules read of it is read
        off this one (it depends only on the signature), but for its documents."""
        copy = EventFacts.__new__(EventFacts)
        copy.event, copy.time, copy.documents = event, event.time, documents_of(event)
        copy.type, copy.weak, copy.title_stems = self.type, self.weak, self.title_stems
        copy.status = self.status
        copy.actors, copy.targets, copy.participants = self.actors, self.targets, self.participants
        copy.triggers, copy.telling_triggers = self.triggers, self.telling_triggers
        copy._object_stems, copy._signature = self._object_stems, signature
        copy.signature_id = self.signature_id
        return copy

    @property
    def object_stems(self) -> frozenset[str]:
        """`object_stems` of the event (read when first needed)."""
        if self._object_stems is None:
            self._object_stems = object_stems(self.event)
        return self._object_stems

    @property
    def signature(self) -> Signature:
        """`comparison_signature` of the event (read when first needed)."""
        if self._signature is None:
            self._signature = comparison_signature(self.event)
        return self._signature


def facts_of(item: Event | EventFacts) -> EventFacts:
    """The facts of an event (or the facts themselves)."""
    return item if isinstance(item, EventFacts) else EventFacts(item)


def same_event(a: Event | EventFacts, b: Event | EventFacts) -> bool:
    """Whether two events are one real-world event (see the module docstring)."""
    first, second = facts_of(a), facts_of(b)
    same_document = bool(first.documents & second.documents)
    if not types_compatible(first.type, second.type):
        return False
    if not times_compatible(first.time, second.time, same_document):
        return False
    if not statuses_compatible(first, second):
        return False
    if participants_conflict(first, second) or roles_reversed(first, second):
        return False
    if same_document and coordinated_in_one_sentence(first.event, second.event):
        return False
    similar_trigger = triggers_similar(first, second)
    similar_words = words_similar(first, second)
    if (
        same_document
        and dated_at_other_grains(first.time, second.time)
        and not (similar_trigger or similar_words)
    ):
        # "Nvidia reported record revenue on Wednesday" is not "Nvidia agreed in August to pay
        # the U.S. 15% of its revenue": one article's own dates of two grains tell two events
        return False
    if times_apart(first.time, second.time):
        return tells_same_happening(first, second, similar_trigger or similar_words)
    if guess_long_after(first.time, second.time):
        # "Boeing has agreed to plead guilty" (the news of the day) is not "Boeing paid to
        # settle the charges in 2018": a far earlier date needs the same happening told
        return participants_overlap(first, second) > 0 and (similar_trigger or similar_words)
    if participants_overlap(first, second) > 0 and (
        specific_types_agree(first, second)
        or similar_trigger
        or similar_words
        or shares_object_word(first, second)
        or (triggers_synonymous(first, second) and targets_overlap(first, second))
    ):
        return True
    if not (first.weak or second.weak):
        a_time, b_time = first.time, second.time
        both_dated = a_time is not None and b_time is not None
        return both_dated and same_interval(a_time, b_time) and similar_trigger and similar_words
    return same_document and similar_trigger


def coordinated_in_one_sentence(a: Event, b: Event) -> bool:
    """Whether the two events are finite verbs joined by `and`/`but` in one sentence ("signed
    a disaster declaration on Sunday and said he would visit", "pleaded guilty and testified"):
    two things done, not one told twice ("attacked Israel, killing 1,200" is one happening, and
    so is "cut rates in February, when it lowered borrowing costs"; harm told verb by verb is
    one happening: "killed three soldiers and wounded six")."""
    if a.type in HARM_TYPES and b.type in HARM_TYPES:
        return False
    for first in a.mentions:
        for second in b.mentions:
            if (first.document, first.start) != (second.document, second.start):
                continue
            if first.trigger is None or second.trigger is None or first.trigger == second.trigger:
                continue
            if first.trigger.endswith("ing") or second.trigger.endswith("ing"):
                continue
            text = first.text
            one, other = text.find(first.trigger), text.find(second.trigger)
            if one < 0 or other < 0:
                continue
            low, high = sorted((one, other))
            between = text[low:high]
            if (
                COORDINATED_VERBS.search(between)
                and not SUBORDINATE_BETWEEN.search(between)
                and not INFINITIVE_BEFORE.search(text, 0, high)
            ):
                return True
    return False


#: Event types of harm, whose coordinated verbs count one happening's victims.
HARM_TYPES = frozenset({"assault", "disaster", "death", "health"})
#: `and` or `but` joining two verb phrases, unless a relative or time clause stands between.
COORDINATED_VERBS = re.compile(r"\b(?:and|but)\b")
SUBORDINATE_BETWEEN = re.compile(r"\b(?:when|who|which|after|before|as|while)\b")
#: A `to` right before the later verb: its infinitive, told with the first ("set to begin").
INFINITIVE_BEFORE = re.compile(r"\bto\s+\Z")


#: Time bases of a date phrase of the event's own sentence.
OWN_DATE_BASES = frozenset({TimeBasis.explicit, TimeBasis.relative, TimeBasis.anaphoric})


def dated_at_other_grains(a: EventTime | None, b: EventTime | None) -> bool:
    """Whether both times come from date phrases of their own sentences, at different grains
    (a month and a day)."""
    return (
        a is not None
        and b is not None
        and a.basis in OWN_DATE_BASES
        and b.basis in OWN_DATE_BASES
        and a.granularity is not b.granularity
    )


def statuses_compatible(a: EventFacts, b: EventFacts) -> bool:
    """Whether a plan and what happened can be one event: only on one stated date ("will visit
    on Friday", "visited on Friday"), not when a date is a guess ("X will be sentenced", dated
    by the publication, is not "the jury convicted X on Tuesday")."""
    if (a.status is EventStatus.planned) == (b.status is EventStatus.planned):
        return True
    if a.time is None or b.time is None or a.weak or b.weak:
        return False
    return same_interval(a.time, b.time)


def times_apart(a: EventTime | None, b: EventTime | None) -> bool:
    """Whether two compatible dated times do not overlap (a borrowed time and another
    article's own date, see `borrowed_time_fits`)."""
    if a is None or b is None or is_weak_time(a) or is_weak_time(b):
        return False
    return not intervals_overlap(a, b)


def tells_same_happening(
    a: Event | EventFacts, b: Event | EventFacts, similar_trigger_or_words: bool
) -> bool:
    """The strong tie a borrowed time needs to take another article's date: a shared
    participant, the same object (a shared target or object word) and the same happening
    (a shared telling trigger, synonymous types, or similar titles)."""
    first, second = facts_of(a), facts_of(b)
    if participants_overlap(first, second) == 0:
        return False
    same_object = parts_overlap(first.targets, second.targets, False) > 0 or shares_object_word(
        first, second
    )
    return same_object and (similar_trigger_or_words or specific_types_agree(first, second))


def attachment_score(
    event: Event | EventFacts, cluster: Cluster, verdicts: PairVerdicts | None = None
) -> tuple[int, int]:
    """How strongly an event belongs to a cluster: shared participants, shared triggers."""
    facts = facts_of(event)
    members = cluster.representative_facts(facts.documents)
    ask = verdicts.answer if verdicts is not None else ask_rule
    return (
        max(ask(participants_overlap, facts, member) for member in members),
        int(any(ask(triggers_similar, facts, member) for member in members)),
    )


def contradicts(a: Event | EventFacts, b: Event | EventFacts) -> bool:
    """Whether `b` has other actors than `a` or reversed roles."""
    first, second = facts_of(a), facts_of(b)
    return participants_conflict(first, second) or roles_reversed(first, second)


Answer = TypeVar("Answer")
PairRule = Callable[[EventFacts, EventFacts], Answer]


def ask_rule(rule: PairRule[Answer], a: EventFacts, b: EventFacts) -> Answer:
    """A deciding rule's answer for two events (no `PairVerdicts` at hand)."""
    return rule(a, b)


class PairVerdicts:
    """The deciding rules' answers for pairs of events, kept during one merge.

    An answer depends only on the two events' comparison signatures and on whether they share
    a document, and the copies of a story (syndicated articles, a corpus with duplicates) ask
    the same questions again and again. At most `limit` answers are kept (then they are
    forgotten and asked again), so memory stays bounded.
    """

    def __init__(self, limit: int = 200_000) -> None:
        self.limit = limit
        self.signature_ids: dict[Signature, int] = {}
        self.answers: dict[tuple[object, int, int, bool], object] = {}

    def signature_id(self, facts: EventFacts) -> int:
        """A number standing for the event's signature (equal signatures, equal numbers)."""
        if facts.signature_id is None:
            facts.signature_id = self.signature_ids.setdefault(
                facts.signature, len(self.signature_ids)
            )
        return facts.signature_id

    def answer(self, rule: PairRule[Answer], a: EventFacts, b: EventFacts) -> Answer:
        """`rule(a, b)`, asked once per pair of signatures and document sharing."""
        key = (
            rule,
            self.signature_id(a),
            self.signature_id(b),
            not a.documents.isdisjoint(b.documents),
        )
        found = self.answers.get(key, self)
        if found is self:
            if len(self.answers) >= self.limit:
                self.answers.clear()
            found = self.answers[key] = rule(a, b)
        return found  # type: ignore[return-value]


#: Every field of an event time, in a plain tuple (hashed and compared without Python code).
TimeFields = tuple[object, ...]
#: What the deciding rules read of an event, besides its documents.
Signature = tuple[str, str, TimeFields | None, tuple[str, ...], tuple[str, ...], frozenset[str]]


def time_fields(time: EventTime | None) -> TimeFields | None:
    """The fields of a time (equal times, equal tuples), or None."""
    if time is None:
        return None
    return (  # enum members by value: their hash is computed in Python, a string's in C
        time.value,
        time.earliest,
        time.latest,
        time.granularity.value,
        time.text,
        time.basis.value,
        time.mod,
        time.edtf,
    )


def comparison_signature(event: Event) -> Signature:
    """Title, type, status, time, participants and triggers: two events with the same
    signature give the same answers in every comparison with a third, given whether they share
    its document (the same story in many articles, or a corpus with copies, has many such
    members)."""
    return (
        event.title,
        event.type,
        event.status,
        time_fields(event.time),
        tuple(event.actors),
        tuple(event.targets),
        triggers(event),
    )


def best_time_key(event: Event) -> tuple[tuple[int, int, int], tuple[str, int, int], str]:
    """Sort key for the member whose time a merged event keeps: best time, then first mention."""
    return (time_rank(event.time), min(map(mention_key, event.mentions)), event.id)


def best_member(cluster: list[Event]) -> Event:
    """The member whose time is best (ties: the earliest mention)."""
    return min(cluster, key=best_time_key)


@dataclass
class Cluster:
    """Events found to be one, with what the next comparisons need kept at hand.

    `firsts` holds the first member of each signature (what an event of another article is
    compared with) and `scores` the `cluster_score` of such events by signature id, forgotten
    whenever what they read changes: a new signature, type or best time.
    """

    members: list[Event]
    best: Event
    documents: set[str]
    types: set[str]
    alike: dict[Signature, list[EventFacts]]
    alike_documents: dict[Signature, set[str]]
    best_key: tuple[tuple[int, int, int], tuple[str, int, int], str] | None = None
    firsts: list[EventFacts] = field(default_factory=list)
    scores: dict[int, tuple[int, int] | None] = field(default_factory=dict)

    @classmethod
    def of(cls, event: Event | EventFacts) -> Cluster:
        """A cluster holding one event."""
        facts = facts_of(event)
        cluster = cls([], facts.event, set(), set(), {}, {})
        cluster.add(facts)
        return cluster

    def add(self, event: Event | EventFacts) -> None:
        """Add a member, keeping the best-dated one and the documents and types up to date."""
        facts = facts_of(event)
        event = facts.event
        self.members.append(event)
        documents = facts.documents
        self.documents |= documents
        kind = event.type.lower()
        if kind not in self.types:
            self.types.add(kind)
            self.scores.clear()
        signature = facts.signature
        alike = self.alike.get(signature)
        if alike is None:
            alike = self.alike[signature] = []
            self.alike_documents[signature] = set()
            self.firsts.append(facts)
            self.scores.clear()
        alike.append(facts)
        self.alike_documents[signature].update(documents)
        if self.best_key is None:
            self.best_key = best_time_key(self.best)
        key = best_time_key(event)
        if key < self.best_key:
            self.best, self.best_key = event, key
            self.scores.clear()

    def representative_facts(self, documents: frozenset[str]) -> list[EventFacts]:
        """The facts of the members an event in `documents` must be compared with: of the
        members with one signature, one that shares a document with it and one that does not
        (comparing the others would give the same answers). Not to be modified."""
        if documents.isdisjoint(self.documents):
            return self.firsts
        chosen: list[EventFacts] = []
        for members, alike_documents in zip(
            self.alike.values(), self.alike_documents.values(), strict=True
        ):
            if documents.isdisjoint(alike_documents):
                chosen.append(members[0])
                continue
            sharing: EventFacts | None = None
            other: EventFacts | None = None
            for member in members:  # the first member sharing a document, the first not
                if documents.isdisjoint(member.documents):
                    other = other or member
                else:
                    sharing = sharing or member
                if sharing is not None and other is not None:
                    break
            chosen.extend(member for member in (sharing, other) if member is not None)
        return chosen


def cluster_score(
    facts: EventFacts, cluster: Cluster, verdicts: PairVerdicts
) -> tuple[int, int] | None:
    """`attachment_score` of an event that fits the cluster (`fits_cluster`), else None.

    For an event sharing no document with the cluster both read only its signature and the
    cluster's types, best time and first member of each signature, so the answer is kept per
    signature until one of those changes (copies of a story ask it again and again).
    """
    if not facts.documents.isdisjoint(cluster.documents):
        if not fits_cluster(facts, cluster, verdicts=verdicts):
            return None
        return attachment_score(facts, cluster, verdicts)
    signature_id = verdicts.signature_id(facts)
    if signature_id in cluster.scores:
        return cluster.scores[signature_id]
    score = (
        attachment_score(facts, cluster, verdicts)
        if fits_cluster(facts, cluster, verdicts=verdicts)
        else None
    )
    cluster.scores[signature_id] = score
    return score


def fits_cluster(
    event: Event | EventFacts,
    cluster: Cluster,
    documents: frozenset[str] | None = None,
    verdicts: PairVerdicts | None = None,
) -> bool:
    """Whether an event (in `documents`, by default its own) is the same as some member and
    contradicts none: it fits the best time and every member's type, and no member has other
    actors or reversed roles (so that chains of look-alikes do not drift). `verdicts` keeps
    the answers for the next events."""
    facts = facts_of(event)
    if documents is None:
        documents = facts.documents
    same_document = not documents.isdisjoint(cluster.documents)
    if not times_compatible(facts.time, cluster.best.time, same_document):
        return False
    if not all(types_compatible(facts.type, kind) for kind in cluster.types):
        return False
    members = cluster.representative_facts(documents)
    ask = verdicts.answer if verdicts is not None else ask_rule
    if not any(ask(same_event, facts, member) for member in members):
        return False
    return not any(ask(contradicts, facts, member) for member in members)


def mention_key(mention: Mention) -> tuple[str, int, int]:
    """Mentions sort by document, then position."""
    return (mention.document, mention.start, mention.end)


def event_order(event: Event) -> tuple[int, tuple[str, int, int], str]:
    """Clustering order: well-dated events first, then by first mention and id."""
    return (int(is_weak_time(event.time)), min(map(mention_key, event.mentions)), event.id)


# --- blocking ------------------------------------------------------------------------------
#
# Comparing every event with every cluster is quadratic. Every rule of `same_event` needs a
# shared participant (names that match end with the same word) and one more sign, or a shared
# telling trigger, and `fits_cluster` needs a time compatible with the cluster's best time.
# So clusters are indexed by keys that two events must share to be one, and by the months of
# their best time; an event is compared only with clusters found under its keys in the months
# its time can reach, and with the clusters of its own articles. The candidates are a superset
# of the clusters that fit, so the result is the same as comparing with every cluster.

#: A time spanning more months than this is indexed once as "wide" instead of month by month.
MAX_INDEXED_MONTHS = 24
#: Bucket of clusters without a time (they fit any time) and of clusters with a wide time.
UNDATED_BUCKET = -1
WIDE_BUCKET = -2


def month_number(day: dt.date) -> int:
    """Months since year 0: consecutive months have consecutive numbers."""
    return day.year * 12 + day.month - 1


def months_between(first: dt.date, last: dt.date) -> range:
    """Month numbers from the month of `first` to the month of `last`."""
    return range(month_number(first), month_number(last) + 1)


def time_buckets(time: EventTime | None) -> range | list[int]:
    """Buckets a cluster with this best time is indexed under."""
    if time is None:
        return [UNDATED_BUCKET]
    months = months_between(time.earliest, time.latest)
    return months if len(months) <= MAX_INDEXED_MONTHS else [WIDE_BUCKET]


def reachable_months(time: EventTime) -> range | None:
    """Months in which the best time of another article's cluster this time fits must have a
    day (None: too many to list). A dated time fits overlapping times and document-date
    guesses up to the window after it; a guess fits times up to the window before it."""
    window = weak_time_window()
    if is_weak_time(time):
        months = months_between(min(time.earliest, time.latest - window), time.latest)
    elif is_borrowed_time(time):
        months = months_between(time.earliest - window, time.latest + window)
    else:
        months = months_between(time.earliest, time.latest + window)
    return months if len(months) <= MAX_INDEXED_MONTHS + 2 else None


@lru_cache(maxsize=65536)
def name_key(name: str) -> str | None:
    """Last word of a (single) participant's name (names that match end alike), or None for
    a pronoun, which matches nothing."""
    words = name_words(name)
    return None if not words or is_pronoun(words) else words[-1]


def local_keys(event: Event | EventFacts) -> frozenset[str]:
    """What two events of one article must share to be one: a participant's last name word
    (generic names included) or a telling trigger."""
    facts = facts_of(event)
    names = (name_key(part) for part in facts.participants)
    return frozenset(f"name:{key}" for key in names if key) | frozenset(
        f"trigger:{trigger}" for trigger in facts.telling_triggers
    )


def similar_title_keys(event: Event | EventFacts, stem_order: dict[str, int]) -> frozenset[str]:
    """Keys that any two titles similar enough for `words_similar` share (prefix filtering).

    Title stems are ordered rarest first. A title that must share at least o >= 2 stems with a
    similar one gives every pair of its first n - o + 2 stems: the two smallest stems the
    titles share are in both prefixes. A title that must share only one stem gives each stem
    and every pair of its stems (so it still meets a longer title keyed by pairs).
    """
    stems = sorted(facts_of(event).title_stems, key=lambda s: (stem_order.get(s, 0), s))
    threshold = merge_tables().thresholds.words_jaccard
    if threshold <= 0:
        return frozenset({"words:any"})
    shared_at_least = max(1, math.ceil(round(threshold * len(stems), 9)))
    if shared_at_least == 1:
        singles = {f"words:{word}" for word in stems}
        return frozenset(singles | {f"words:{a}+{b}" for a, b in combinations(stems, 2)})
    prefix = stems[: len(stems) - shared_at_least + 2]
    return frozenset(f"words:{a}+{b}" for a, b in combinations(prefix, 2))


def sign_keys(event: Event | EventFacts, stem_order: dict[str, int]) -> frozenset[str]:
    """Keys for the sign besides a shared participant that `same_event` needs: a specific
    type or its synonym group, a telling trigger or its trigger group, an object word, or
    similar title words."""
    tables = merge_tables()
    facts = facts_of(event)
    kind = facts.type.lower()
    keys: set[str] = set()
    if kind not in {*tables.generic_types, *tables.broad_types}:
        keys.add(f"type:{kind}")
        keys.update(
            f"group:{group.id}"
            for group in tables.type_groups
            if group.kind == "mutual" and kind in group.types
        )
    keys.update(f"trigger:{trigger}" for trigger in facts.telling_triggers)
    keys.update(f"synonym:{group}" for group in trigger_groups_of(facts.telling_triggers))
    keys.update(f"object:{word}" for word in facts.object_stems)
    return frozenset(keys) | similar_title_keys(facts, stem_order)


def shared_names(event: Event | EventFacts) -> frozenset[str]:
    """Last name words of the participants that can match a participant of another article's
    event (not pronouns; generic names match only within an article)."""
    return frozenset(
        key
        for part in facts_of(event).participants
        if (key := name_key(part)) and not is_generic_name(name_words(part))
    )


@lru_cache(maxsize=4096)
def type_tags(kind: str) -> frozenset[str]:
    """Tags two compatible types share (the type, its groups), or "*" for a generic type,
    which is compatible with any."""
    tables = merge_tables()
    kind = kind.lower()
    if kind in tables.generic_types:
        return frozenset({"*"})
    groups = (g.id for g in tables.type_groups if kind in g.types or kind == g.umbrella)
    return frozenset({f"type:{kind}", *(f"group:{group}" for group in groups)})


def title_stem_order(events: list[Event]) -> dict[str, int]:
    """Title stems numbered from the rarest to the commonest in these events (ties by stem),
    so that prefix filtering keys titles by their rarest words."""
    titles = Counter(event.title for event in events)  # copies of a story share their titles
    counts: Counter[str] = Counter()
    for title, copies in titles.items():
        for title_stem in content_stems(title):
            counts[title_stem] += copies
    ordered = sorted(counts, key=lambda stem: (counts[stem], stem))
    return {stem: number for number, stem in enumerate(ordered)}


@dataclass(frozen=True)
class EventKeys:
    """What an event must share with another to be the same event, computed once.

    Within an article: a local key (a name's last word or a telling trigger). Across articles:
    a name and a sign, or (both well-dated) a telling trigger.
    """

    local: frozenset[str]
    names: frozenset[str]
    signs: frozenset[str]
    dated_triggers: frozenset[str]
    type_tags: frozenset[str]
    #: The month buckets to look up the event's anchors in (with the undated and wide ones), or
    #: None when its time reaches too many months (the all-time index is asked instead).
    buckets: tuple[int, ...] | None = field(default=None, compare=False)

    @classmethod
    def of(cls, event: Event | EventFacts, stem_order: dict[str, int]) -> EventKeys:
        """The keys of an event."""
        facts = facts_of(event)
        names = shared_names(facts)
        months = reachable_months(facts.time) if facts.time is not None else None
        return cls(
            local=local_keys(facts),
            names=names,
            signs=sign_keys(facts, stem_order) if names else frozenset(),
            dated_triggers=frozenset() if facts.weak else facts.telling_triggers,
            type_tags=type_tags(facts.type),
            buckets=None if months is None else (*months, UNDATED_BUCKET, WIDE_BUCKET),
        )

    @cached_property
    def lookups(self) -> tuple[tuple[str, int], ...] | None:
        """(anchor, month bucket) pairs to look up in the global index (read once for all the
        copies of a story, which share their keys), or None (see `buckets`)."""
        if self.buckets is None:
            return None
        return tuple((anchor, bucket) for anchor in self.anchors for bucket in self.buckets)

    @cached_property
    def anchors(self) -> frozenset[str]:
        """Keys the global index files an event under: its names and dated triggers."""
        return frozenset(f"name:{name}" for name in self.names) | frozenset(
            f"trigger:{trigger}" for trigger in self.dated_triggers
        )

    @cached_property
    def timeless_anchors(self) -> frozenset[str]:
        """Keys the all-time index files an event under: its names, alone and with each tag of
        its type, and its dated triggers."""
        return (
            frozenset(f"name:{name}" for name in self.names)
            | frozenset(f"name:{name}#{tag}" for name in self.names for tag in self.type_tags)
            | frozenset(f"trigger:{trigger}" for trigger in self.dated_triggers)
        )

    @cached_property
    def timeless_queries(self) -> frozenset[str]:
        """Keys to look up in the all-time index: names with a tag of a compatible type (any
        name for a generic type), and dated triggers."""
        if "*" in self.type_tags:
            names = frozenset(f"name:{name}" for name in self.names)
        else:
            tags = self.type_tags | {"*"}
            names = frozenset(f"name:{name}#{tag}" for name in self.names for tag in tags)
        return names | frozenset(f"trigger:{trigger}" for trigger in self.dated_triggers)

    def links(self, other: EventKeys) -> bool:
        """Whether two events of different articles share what `same_event` needs."""
        if not self.dated_triggers.isdisjoint(other.dated_triggers):
            return True
        return not (self.names.isdisjoint(other.names) or self.signs.isdisjoint(other.signs))


@dataclass
class ClusterIndex:
    """Which clusters an event could join: those of its own articles sharing a local key, and
    those filed under one of its anchors in a month its time can reach whose members share
    a name and a sign (or a dated trigger) with it.

    Lists of positions may repeat a position, and entries under a former best time of a
    cluster are kept: they add candidates, never lose one. `linked` keeps, per cluster,
    whether its members link with the events of a signature (by signature id), until a
    member with new keys joins.
    """

    by_anchor_and_month: dict[tuple[str, int], list[int]]
    by_anchor: dict[str, list[int]]
    by_document: dict[str, set[int]]
    local: list[set[str]]
    anchors: list[set[str]]
    timeless_anchors: list[set[str]]
    members: list[set[EventKeys]]
    linked: list[dict[int, bool]]

    @classmethod
    def empty(cls) -> ClusterIndex:
        """An index of no clusters."""
        return cls(defaultdict(list), defaultdict(list), defaultdict(set), [], [], [], [], [])

    def candidates(
        self, event: Event | EventFacts, keys: EventKeys, signature_id: int
    ) -> list[int]:
        """Positions of the clusters worth comparing with the event (whose keys and signature
        id are given), in creation order."""
        facts = facts_of(event)
        found: set[int] = set()
        for document in facts.documents:
            found.update(
                position
                for position in self.by_document.get(document, ())
                if not keys.local.isdisjoint(self.local[position])
            )
        anchored: set[int] = set()
        if keys.lookups is None:
            for anchor in keys.timeless_queries:
                anchored.update(self.by_anchor.get(anchor, ()))
        else:
            for lookup in keys.lookups:
                anchored.update(self.by_anchor_and_month.get(lookup, ()))
        for position in anchored - found:
            linked = self.linked[position]
            links = linked.get(signature_id)
            if links is None:
                links = linked[signature_id] = any(
                    keys.links(member) for member in self.members[position]
                )
            if links:
                found.add(position)
        return sorted(found)

    def add(
        self, position: int, event: Event | EventFacts, keys: EventKeys, cluster: Cluster
    ) -> None:
        """Record that the cluster at `position` now holds the event (when its best time
        changes, every anchor of the cluster is filed under the months of the new one)."""
        facts = facts_of(event)
        if position == len(self.local):
            self.local.append(set())
            self.anchors.append(set())
            self.timeless_anchors.append(set())
            self.members.append(set())
            self.linked.append({})
        for document in facts.documents:
            self.by_document[document].add(position)
        if keys in self.members[position] and cluster.best is not facts.event:
            return  # a member with these keys filed them all already
        self.local[position] |= keys.local
        if keys not in self.members[position]:
            self.members[position].add(keys)
            self.linked[position].clear()
        new_anchors = keys.anchors - self.anchors[position]
        self.anchors[position] |= new_anchors
        for anchor in keys.timeless_anchors - self.timeless_anchors[position]:
            self.timeless_anchors[position].add(anchor)
            self.by_anchor[anchor].append(position)
        filed = self.anchors[position] if cluster.best is facts.event else new_anchors
        if not filed:
            return
        buckets = time_buckets(cluster.best.time)
        for anchor in filed:
            for bucket in buckets:
                self.by_anchor_and_month[anchor, bucket].append(position)


def cluster_events(events: list[Event]) -> list[list[Event]]:
    """Greedy clustering in a fixed order: an event joins its best-fitting cluster or starts one."""
    return [cluster.members for cluster in clusters_of(events)]


def clusters_of(events: list[Event]) -> list[Cluster]:
    """The clusters of `cluster_events`, each with its best-dated member."""
    clusters: list[Cluster] = []
    index = ClusterIndex.empty()
    stem_order = title_stem_order(events)
    # The facts and keys depend only on what the signature holds: copies of a story share them.
    first_facts: dict[Signature, tuple[EventFacts, EventKeys]] = {}
    verdicts = PairVerdicts()
    for event in sorted(events, key=event_order):
        signature = comparison_signature(event)
        known = first_facts.get(signature)
        if known is None:
            facts = EventFacts(event, signature)
            verdicts.signature_id(facts)  # before copies take the facts
            keys = EventKeys.of(facts, stem_order)
            first_facts[signature] = facts, keys
        else:
            facts, keys = known[0].for_copy(event, signature), known[1]
        candidates = [
            (score, -position)
            for position in index.candidates(facts, keys, verdicts.signature_id(facts))
            if (score := cluster_score(facts, clusters[position], verdicts)) is not None
        ]
        if candidates:
            position = -max(candidates)[1]
            clusters[position].add(facts)
        else:
            position = len(clusters)
            clusters.append(Cluster.of(facts))
        index.add(position, facts, keys, clusters[position])
    return clusters


# --- building ------------------------------------------------------------------------------


def corroborated_confidence(confidence: float, sources: int) -> float:
    """Confidence raised by each further document reporting the event."""
    gain = merge_tables().thresholds.corroboration_gain
    return round(1.0 - (1.0 - confidence) * (1.0 - gain) ** (sources - 1), 4)


def merged_type(best: Event, cluster: list[Event]) -> str:
    """The best member's type, or the first specific one if it is generic."""
    generic = set(merge_tables().generic_types)
    if best.type.lower() not in generic:
        return best.type
    return next((e.type for e in cluster if e.type.lower() not in generic), best.type)


def unique_mentions(cluster: list[Event]) -> list[Mention]:
    """Every mention of the cluster once, sorted by document and position."""
    seen: dict[tuple[str, int, int, str | None], Mention] = {}
    for mention in (m for event in cluster for m in event.mentions):
        seen.setdefault((*mention_key(mention), mention.trigger), mention)
    return sorted(seen.values(), key=lambda m: (*mention_key(m), m.trigger or ""))


def build_event(cluster: list[Event], best: Event | None = None) -> Event:
    """One event from a cluster of mentions of it (`best`: its `best_member`, if known)."""
    if len(cluster) == 1 and cluster[0].sources == len(documents_of(cluster[0])):
        return cluster[0]
    if best is None:
        best = best_member(cluster)
    ordered = sorted(cluster, key=lambda e: (min(map(mention_key, e.mentions)), e.id))
    mentions = unique_mentions(cluster)
    sources = len({m.document for m in mentions})
    others = [e for e in ordered if e is not best]
    return Event(
        id=ordered[0].id,
        title=best.title,
        summary=best.summary,
        time=best.time,
        status=best.status,
        type=merged_type(best, ordered),
        actors=merge_names([best.actors, *(e.actors for e in others)]),
        targets=merge_names([best.targets, *(e.targets for e in others)]),
        places=merge_names([best.places, *(e.places for e in others)]),
        mentions=mentions,
        sources=sources,
        confidence=corroborated_confidence(max(e.confidence for e in cluster), sources),
        reason=best.reason if best.time is None else None,
    )


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a while (`gc.disable`), then restore it.

    The merge holds a whole corpus's events and builds indexes of them, all without reference
    cycles: the collector would scan them again and again and find nothing (a quarter to a
    third of the merge's time). Reference counting still frees whatever the merge drops.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def merge_events(events: list[Event]) -> list[Event]:
    """Events with duplicates folded together, every mention kept, in first-mention order."""
    with collector_paused():
        merged = [build_event(c.members, c.best) for c in clusters_of(events)]
        return sorted(merged, key=lambda e: (mention_key(e.mentions[0]), e.id))
