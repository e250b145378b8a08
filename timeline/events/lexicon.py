"""Event lexicons: trigger, cue, name, boilerplate and ontology tables, validated and cached.

The tables live in `timeline/resources/en/events/*.json`; each is validated by a pydantic model
on first use and cached, never loaded at import time.
"""

from __future__ import annotations

import json
import re
from functools import cached_property, lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from timeline.resources import read_resource_text


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DetectionExample(_Table):
    """A sentence and what detection must find for `trigger` (`status` None: no event)."""

    text: str
    trigger: str
    status: Literal["occurred", "planned", "ongoing"] | None
    type: str | None = None
    actor: str | None = None


class EventType(_Table):
    """A type of the event ontology, with its CAMEO and PLOVER counterparts."""

    id: str
    meaning: str
    cameo: str
    plover: str
    headline_verb: str
    object_is_target: bool


class Ontology(_Table):
    """The event types."""

    description: str
    types: list[EventType]

    @cached_property
    def by_id(self) -> dict[str, EventType]:
        """Types by id."""
        return {t.id: t for t in self.types}


class TriggerRow(_Table):
    """A verb (or noun) that reports an event of a type, with runnable examples."""

    model_config = ConfigDict(extra="forbid", frozen=True, ignored_types=(cached_property,))

    id: str
    lemma: str
    pos: Literal["verb", "noun"] = "verb"
    forms: dict[Literal["third", "past", "participle", "gerund"], str] = Field(default_factory=dict)
    particles: list[str] = Field(default_factory=list)
    objects: dict[str, str] = Field(default_factory=dict)
    object_required: bool = False
    type: str
    speech: bool = False
    intransitive: bool = False
    ends_at_particle: bool = Field(
        default=False,
        description="The verb takes no object after its particle ('Fighting broke out in "
        "Khartoum'; 'the department broke out unemployment by education' is another verb).",
    )
    quote_required: bool = Field(
        default=False,
        description='Kept only when a quotation follows in the sentence (called it "a leap").',
    )
    verb: str | None = Field(
        default=None, description="For a noun: the verb lemma of the event it names (death: die)."
    )
    positive: list[DetectionExample] = Field(min_length=1)
    negative: list[DetectionExample] = Field(min_length=1)

    @cached_property
    def inflections(self) -> dict[str, str]:
        """Surface form -> form kind (base, third, past, participle, gerund)."""
        if self.pos == "noun":
            return {self.lemma: "noun", plural(self.lemma): "noun"}
        generated = inflect(self.lemma)
        generated.update(self.forms)
        found: dict[str, str] = {}
        for kind in ("gerund", "third", "participle", "past"):
            found[generated[kind]] = kind
        found.setdefault(self.lemma, "base")
        return found


class TriggerTable(_Table):
    """All trigger rows."""

    description: str
    rows: list[TriggerRow]

    @model_validator(mode="after")
    def _unique_ids(self) -> TriggerTable:
        ids = [row.id for row in self.rows]
        if len(ids) != len(set(ids)):
            raise ValueError("duplicate trigger row ids")
        return self


class CueRow(_Table):
    """A word list with the effect it has on detection, with runnable examples."""

    id: str
    effect: Literal["reject", "planned", "occurred", "passive"]
    words: list[str] = Field(min_length=1)
    positive: list[DetectionExample] = Field(min_length=1)
    negative: list[DetectionExample] = Field(min_length=1)


class Auxiliaries(_Table):
    """Auxiliary verb forms by tense."""

    present_be: list[str]
    past_be: list[str]
    be: list[str]
    present_have: list[str]
    past_have: list[str]
    present_do: list[str]
    past_do: list[str]


class HazardSubjects(_Table):
    """Subjects that make a verb of harm or force an event of their own type: natural hazards
    a disaster, diseases a health event (see `cues.json`)."""

    description: str
    type: str
    words: list[str] = Field(min_length=1)
    retyped: list[str] = Field(min_length=1)
    positive: list[DetectionExample] = Field(min_length=1)
    negative: list[DetectionExample] = Field(min_length=1)


class AbstractSubjects(_Table):
    """Institutions and markets that make a disaster verb another event (see `cues.json`)."""

    description: str
    words: dict[str, str] = Field(min_length=1)
    retyped: list[str] = Field(min_length=1)
    positive: list[DetectionExample] = Field(min_length=1)
    negative: list[DetectionExample] = Field(min_length=1)


class CueTable(_Table):
    """Cue lists for negation, modality, status and clause structure."""

    description: str
    rows: list[CueRow]
    auxiliaries: Auxiliaries
    adverbs: list[str]
    subordinators: list[str]
    background_adverbs: list[str]
    continuation_adverbs: list[str]
    pronouns: dict[str, Literal["person", "group", "thing", "speaker"]]
    plural_references: list[str]
    determiners: list[str]
    temporal_words: list[str]
    continuation_phrases: list[str]
    event_nouns: list[str] = Field(default_factory=list)
    nominal_other_time: list[str] = Field(default_factory=list)
    reaction_types: list[str] = Field(default_factory=list)
    consequence_types: list[str] = Field(
        default_factory=list,
        description="Event types that a participle clause after a finite event reports as an "
        "event of its own ('exploded on Monday, killing 12 people'); a participle of another "
        "type only elaborates the finite event ('issued a statement, demanding that').",
    )
    hazard_subjects: HazardSubjects
    disease_subjects: HazardSubjects
    weapon_subjects: HazardSubjects
    court_subjects: HazardSubjects
    abstract_subjects: AbstractSubjects
    complement_verbs: dict[Literal["active", "passive"], list[str]] = Field(
        default_factory=dict,
        description="Past verbs whose object a past participle after it describes: active "
        "('found the man stabbed': the man was stabbed) and after a form of be ('He was "
        "found murdered', 'Five were reported killed': he, they were).",
    )

    session_phrases: list[str] = Field(
        default_factory=list,
        description="Phrases of a day's trading session ('in early trading'): an undated "
        "market move told with one is the news day's, not the paragraph before's.",
    )
    telling_verbs: list[str] = Field(
        default_factory=list,
        description="Verbs of telling someone something ('told reporters the company "
        "collapsed'): the noun phrase after one is who was told, and a clause's subject follows.",
    )

    reaction_plans: list[str] = Field(
        default_factory=list,
        description="Verbs of what a party says it will do in answer to the news ('said it "
        "would appeal the decision'): an undated report of one is the news day's reaction.",
    )

    market_names: list[str] = Field(
        default_factory=list,
        description="Words of markets, indexes, commodities and economic figures ('the Dow', "
        "'Wall Street', 'oil', 'inflation'; besides the markets of `abstract_subjects`): a rise "
        "or fall they make is the market's, with or without an amount.",
    )
    election_words: list[str] = Field(
        default_factory=list,
        description="Nouns of elections: a win or victory with one named right after it is "
        "a vote, not a match ('claimed victory in the general election').",
    )
    gathering_nouns: list[str] = Field(
        default_factory=list,
        description="Nouns of occasions held at one time ('a ceremony', 'the summit'): an "
        "undated clause about 'the ceremony' after a dated clause held at one is dated by "
        "it ('was sworn in on Monday at a ceremony ... Sharif attended the ceremony').",
    )

    def words(self, row_id: str) -> frozenset[str]:
        """The words of one cue row."""
        for row in self.rows:
            if row.id == row_id:
                return frozenset(row.words)
        raise KeyError(row_id)


class NameExample(_Table):
    """A phrase and the name found in it (None: no name)."""

    text: str
    name: str | None


class WordList(_Table):
    """A word list with examples."""

    words: list[str] = Field(min_length=1)
    examples: list[NameExample] = Field(min_length=1)


class NameTables(_Table):
    """Word tables for actors, targets and places."""

    description: str
    titles: WordList
    demonyms: WordList
    organisation_heads: WordList
    company_suffixes: WordList
    places: WordList
    not_name_starts: WordList
    event_names: WordList
    descriptors: WordList
    opening_descriptors: WordList
    female_words: WordList
    male_words: WordList
    female_first_names: WordList
    male_first_names: WordList


class GenericExample(_Table):
    """A sentence, its date phrase (blocked as a temporal expression) and the expected result."""

    text: str
    trigger: str
    date: str
    status: Literal["occurred", "planned", "ongoing"] | None
    actor: str | None = None


class GenericTable(_Table):
    """Irregular past forms and stative verbs for the generic (out-of-lexicon) detector."""

    description: str
    irregular_pasts: dict[str, str]
    irregular_participles: dict[str, str] = Field(
        default_factory=dict,
        description="Past participles unlike their past form, with their base form: events "
        "only in a passive ('were flown to Atlanta last week').",
    )
    stative: list[str]
    hyphen_verb_prefixes: list[str] = Field(
        default_factory=list,
        description="First parts of hyphenated words that are verbs ('re-elected', "
        "'test-fired'); other hyphenated -ed words are adjectives ('lower-than-expected', "
        "'state-owned', 'U.S.-led').",
    )
    opening_participles: list[str] = Field(
        default_factory=list,
        description="Participles that open a sentence with what befell its subject ('Born in "
        "1923, Kissinger fled').",
    )
    clause_taking_verbs: list[str] = Field(
        default_factory=list,
        description="Past forms of verbs whose object may be the subject of a clause of its "
        "own ('said the suspect fled on foot'); after the object of any other verb, a past "
        "participle modifies that object ('passed a bill introduced in March').",
    )
    scheduled_presents: dict[str, str] = Field(
        default_factory=dict,
        description="Present forms of schedule verbs outside the lexicon, with their base form: "
        "with a date phrase right after them they tell a scheduled event ('Pre-orders begin on "
        "Friday'), planned when the date is after publication.",
    )
    positive: list[GenericExample] = Field(min_length=1)
    negative: list[GenericExample] = Field(min_length=1)


class BoilerplateRow(_Table):
    """A pattern for text that is not article content."""

    id: str
    scope: Literal["sentence", "paragraph", "paragraph_and_next"]
    pattern: str
    positive: list[str] = Field(min_length=1)
    negative: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _compiles(self) -> BoilerplateRow:
        re.compile(self.pattern)
        return self


class BoilerplateTable(_Table):
    """All boilerplate rows."""

    description: str
    rows: list[BoilerplateRow]


def plural(noun: str) -> str:
    """The regular plural of a noun."""
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def inflect(lemma: str) -> dict[str, str]:
    """Regular inflections of a verb: third person, past, past participle, gerund."""
    third = plural(lemma)
    if lemma.endswith("e"):
        past = lemma + "d"
        gerund = lemma[:-2] + "ying" if lemma.endswith("ie") else lemma[:-1] + "ing"
        if lemma.endswith("ee"):
            gerund = lemma + "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        past = lemma[:-1] + "ied"
        gerund = lemma + "ing"
    else:
        past = lemma + "ed"
        gerund = lemma + "ing"
    return {"third": third, "past": past, "participle": past, "gerund": gerund}


def _load(name: str) -> dict[str, object]:
    return json.loads(read_resource_text("en", f"events/{name}"))


@lru_cache(maxsize=1)
def ontology() -> Ontology:
    """The event types (validated on first use)."""
    return Ontology.model_validate(_load("ontology.json"))


TRIGGER_FILES = ("triggers.json", "triggers_general.json")


def merge_trigger_tables(tables: list[TriggerTable]) -> TriggerTable:
    """One table of all rows; a repeated id or entry is an error: the same lemma, part of
    speech and particles, needing an object or a quotation alike (a row for "called a
    referendum" and one for "called it \"a sham\"" are two entries)."""
    rows = [row for table in tables for row in table.rows]
    entries = [
        (row.lemma, row.pos, tuple(row.particles), row.object_required, row.quote_required)
        for row in rows
    ]
    repeated = sorted({entry for entry in entries if entries.count(entry) > 1})
    if repeated:
        raise ValueError(f"trigger lemma listed twice: {repeated}")
    return TriggerTable(description=tables[0].description, rows=rows)


@lru_cache(maxsize=1)
def trigger_table() -> TriggerTable:
    """The rows of every trigger file (validated on first use; types must be in the ontology)."""
    table = merge_trigger_tables(
        [TriggerTable.model_validate(_load(name)) for name in TRIGGER_FILES]
    )
    known = ontology().by_id
    for row in table.rows:
        for type_id in [row.type, *row.objects.values()]:
            if type_id not in known:
                raise ValueError(f"trigger row {row.id!r}: unknown type {type_id!r}")
    return table


@lru_cache(maxsize=1)
def trigger_forms() -> dict[str, list[tuple[TriggerRow, str]]]:
    """Lower-cased surface form -> (row, form kind) for every trigger row."""
    forms: dict[str, list[tuple[TriggerRow, str]]] = {}
    for row in trigger_table().rows:
        for form, kind in row.inflections.items():
            forms.setdefault(form.lower(), []).append((row, kind))
    return forms


@lru_cache(maxsize=1)
def cue_table() -> CueTable:
    """The cue lists (validated on first use)."""
    return CueTable.model_validate(_load("cues.json"))


@lru_cache(maxsize=1)
def name_tables() -> NameTables:
    """The name word tables (validated on first use)."""
    return NameTables.model_validate(_load("names.json"))


@lru_cache(maxsize=1)
def generic_table() -> GenericTable:
    """The generic detector's tables (validated on first use)."""
    return GenericTable.model_validate(_load("generic.json"))


@lru_cache(maxsize=1)
def boilerplate_table() -> BoilerplateTable:
    """The boilerplate patterns (validated on first use)."""
    return BoilerplateTable.model_validate(_load("boilerplate.json"))


GLOBAL_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")


def top_level_alternatives(pattern: str) -> list[str]:
    """The branches of a pattern's top-level `|`, each with the pattern's leading global flags.

    Searching for each branch alone finds a match exactly when the whole pattern does, and
    is much faster: `re` skips ahead to a branch's literal prefix or tries an anchored branch
    at the start only, which it cannot do for an alternation as a whole.
    """
    flags_match = GLOBAL_FLAGS.match(pattern)
    flags = flags_match.group() if flags_match else ""
    body = pattern[len(flags) :]
    branches: list[str] = []
    depth = 0
    in_class = False
    branch_start = 0
    class_start = 0
    position = 0
    while position < len(body):
        char = body[position]
        if char == "\\":
            position += 2
            continue
        if in_class:
            if char == "]" and position > class_start:
                in_class = False
        elif char == "[":
            in_class = True
            class_start = position + 1
            if body[class_start : class_start + 1] == "^":
                class_start += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(flags + body[branch_start:position])
            branch_start = position + 1
        position += 1
    branches.append(flags + body[branch_start:])
    return branches


#: Characters with a meaning of their own in a pattern (everything else stands for itself).
PATTERN_SPECIALS = frozenset("\\.^$*+?{}[]()|")


def leading_literal(branch: str) -> str | None:
    """The text every match of a branch begins with (after leading `\\b`/`\\B`), or None.

    Plain and escaped punctuation characters are read up to the first other token; a last
    character made optional or repeated by a quantifier is left out. A branch with flags
    (case-insensitive, verbose) has none: its matches need not contain the text as written.
    """
    if GLOBAL_FLAGS.match(branch):
        return None
    position = 0
    while branch.startswith(("\\b", "\\B"), position):
        position += 2
    literal = ""
    while position < len(branch):
        char = branch[position]
        if char == "\\" and position + 1 < len(branch) and not branch[position + 1].isalnum():
            literal += branch[position + 1]
            position += 2
        elif char not in PATTERN_SPECIALS:
            literal += char
            position += 1
        else:
            break
    if branch[position : position + 1] in ("?", "*", "{"):
        literal = literal[:-1]
    return literal or None


@lru_cache(maxsize=1)
def boilerplate_patterns() -> list[tuple[BoilerplateRow, tuple[re.Pattern[str], ...]]]:
    """Each row with its pattern compiled per branch (`top_level_alternatives`): same matches."""
    return [
        (row, tuple(re.compile(branch) for branch in top_level_alternatives(row.pattern)))
        for row in boilerplate_table().rows
    ]
