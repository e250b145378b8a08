"""Every row of the event tables runs its positive and negative examples."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from timeline.events import is_person_name
from timeline.events.content import boilerplate_scope
from timeline.events.detect import detect
from timeline.events.lexicon import (
    DetectionExample,
    GenericExample,
    NameExample,
    boilerplate_table,
    cue_table,
    generic_table,
    leading_literal,
    name_tables,
    ontology,
    top_level_alternatives,
    trigger_table,
)
from timeline.events.names import (
    first_name_sexes,
    name_from_phrase,
    person_genders,
    principal_names,
)
from timeline.events.tokens import tokens_of
from timeline.resources import read_resource_text
from timeline.temporal import tag


def _detection_cases(kind: str) -> list[tuple[str, str | None, DetectionExample]]:
    """(row id, row id to match or None for any row, example) for triggers and cues."""
    cases = []
    for row in trigger_table().rows:
        for example in getattr(row, kind):
            cases.append((row.id, row.id, example))
    for cue in cue_table().rows:
        for example in getattr(cue, kind):
            cases.append((cue.id, None, example))
    for example in getattr(cue_table().hazard_subjects, kind):
        cases.append(("hazard_subjects", None, example))
    for example in getattr(cue_table().disease_subjects, kind):
        cases.append(("disease_subjects", None, example))
    for example in getattr(cue_table().weapon_subjects, kind):
        cases.append(("weapon_subjects", None, example))
    for example in getattr(cue_table().court_subjects, kind):
        cases.append(("court_subjects", None, example))
    for example in getattr(cue_table().abstract_subjects, kind):
        cases.append(("abstract_subjects", None, example))
    return cases


#: Tables whose examples need their date phrases tagged: they retype verbs outside the
#: lexicon, which are events only in a sentence with a date.
DATED_TABLES = frozenset({"court_subjects"})


def _check(row_id: str | None, example: DetectionExample, dated: bool = False) -> None:
    blocked = (
        [(found.start, found.end) for found in tag(example.text, dt.date(2021, 1, 20))]
        if dated
        else None
    )
    detections = [
        d
        for d in detect(example.text, blocked)
        if d.trigger.text == example.trigger and (row_id is None or d.row.id == row_id)
    ]
    if example.status is None:
        assert not detections, f"unexpected event for {example.trigger!r} in {example.text!r}"
        return
    assert detections, f"no event for {example.trigger!r} in {example.text!r}"
    found = detections[0]
    assert found.status.value == example.status
    if example.type is not None:
        assert found.type == example.type
    if example.actor is not None:
        assert example.actor in found.actors, found.actors


POSITIVE = _detection_cases("positive")
NEGATIVE = _detection_cases("negative")


@pytest.mark.parametrize(
    ("row", "match", "example"), POSITIVE, ids=[f"{r}-{e.trigger}" for r, _, e in POSITIVE]
)
def test_positive_example_is_detected(
    row: str, match: str | None, example: DetectionExample
) -> None:
    _check(match, example, row in DATED_TABLES)


@pytest.mark.parametrize(
    ("row", "match", "example"), NEGATIVE, ids=[f"{r}-{e.trigger}" for r, _, e in NEGATIVE]
)
def test_negative_example_is_not_an_event(
    row: str, match: str | None, example: DetectionExample
) -> None:
    _check(match, example, row in DATED_TABLES)


def test_every_row_has_positive_and_negative_examples() -> None:
    for row in trigger_table().rows:
        assert row.positive and row.negative, row.id
    for cue in cue_table().rows:
        assert cue.positive and cue.negative, cue.id
    for boiler in boilerplate_table().rows:
        assert boiler.positive and boiler.negative, boiler.id
    tables = name_tables()
    for table in (
        tables.titles,
        tables.demonyms,
        tables.organisation_heads,
        tables.company_suffixes,
        tables.places,
        tables.event_names,
        tables.descriptors,
        tables.opening_descriptors,
        tables.female_words,
        tables.male_words,
        tables.female_first_names,
        tables.male_first_names,
    ):
        assert table.examples


def test_every_trigger_type_is_in_the_ontology_and_documented() -> None:
    known = ontology().by_id
    readme = read_resource_text("en", "events/README.md")
    for row in trigger_table().rows:
        assert row.type in known
    for event_type in known:
        assert re.search(rf"\|\s*`{event_type}`\s*\|", readme), event_type


BOILERPLATE = [
    (row.id, text, True) for row in boilerplate_table().rows for text in row.positive
] + [(row.id, text, False) for row in boilerplate_table().rows for text in row.negative]


@pytest.mark.parametrize(
    ("row", "text", "is_boilerplate"), BOILERPLATE, ids=[f"{r}-{t[:25]}" for r, t, _ in BOILERPLATE]
)
def test_boilerplate_examples(row: str, text: str, is_boilerplate: bool) -> None:
    assert (boilerplate_scope(text) is not None) is is_boilerplate


SPLIT_EXAMPLES = [
    ("a|b", ["a", "b"]),
    ("(?i)^x|y", ["(?i)^x", "(?i)y"]),
    ("(?:a|b)c|d", ["(?:a|b)c", "d"]),
    (r"\||[|]|[]|]|[^]|]", [r"\|", "[|]", "[]|]", "[^]|]"]),
    (r"[\]|]x|\(|y", [r"[\]|]x", r"\(", "y"]),
    ("plain", ["plain"]),
]


@pytest.mark.parametrize(("pattern", "branches"), SPLIT_EXAMPLES)
def test_top_level_alternatives(pattern: str, branches: list[str]) -> None:
    assert top_level_alternatives(pattern) == branches


LEADING_LITERALS = [
    (r"\bsubscribe to our\b", "subscribe to our"),
    (r"\((?:Photo|Image)[^)]*\)", "("),
    ("AP Photo", "AP Photo"),
    ("REUTERS/", "REUTERS/"),
    (r"Tags?:", "Tag"),
    (r"ab{1,2}", "a"),
    (r"ab+c", "ab"),
    (r"^By", None),
    (r"(?:a|b)c", None),
    (r"\wx", None),
    ("(?i)subscribe", None),
]


@pytest.mark.parametrize(("branch", "literal"), LEADING_LITERALS)
def test_leading_literal(branch: str, literal: str | None) -> None:
    assert leading_literal(branch) == literal
    if literal is not None:  # every match begins with it
        for text in ["subscribe to our list", "x (Photo: AP)", "AP Photo", "REUTERS/x", "Tag:"]:
            found = re.search(branch, text)
            assert found is None or found.group().startswith(literal)


def test_branches_match_as_the_whole_pattern() -> None:
    texts = [t for row in boilerplate_table().rows for t in [*row.positive, *row.negative]]
    texts += ["Share this", "x (AP Photo/Jane Doe)", "subscribe to our list", "By Jo Li"]
    for row in boilerplate_table().rows:
        whole = re.compile(row.pattern)
        branches = [re.compile(b) for b in top_level_alternatives(row.pattern)]
        for text in texts:
            assert bool(whole.search(text)) is any(b.search(text) for b in branches), (row.id, text)


NAME_EXAMPLES = [
    (table_name, example.text, example.name)
    for table_name in (
        "titles",
        "demonyms",
        "organisation_heads",
        "company_suffixes",
        "places",
        "not_name_starts",
        "event_names",
        "opening_descriptors",
    )
    for example in getattr(name_tables(), table_name).examples
]


@pytest.mark.parametrize("example", name_tables().event_names.examples, ids=lambda e: e.text)
def test_an_event_name_is_no_person(example: NameExample) -> None:
    assert example.name is not None and not is_person_name(example.name)


@pytest.mark.parametrize(
    ("table", "text", "name"), NAME_EXAMPLES, ids=[f"{t}-{x[:25]}" for t, x, _ in NAME_EXAMPLES]
)
def test_name_examples(table: str, text: str, name: str | None) -> None:
    assert name_from_phrase(text) == name


GENDER_EXAMPLES = [("female", e) for e in name_tables().female_words.examples] + [
    ("male", e) for e in name_tables().male_words.examples
]


@pytest.mark.parametrize(
    ("sex", "example"), GENDER_EXAMPLES, ids=[f"{s}-{e.text[:25]}" for s, e in GENDER_EXAMPLES]
)
def test_a_title_or_kinship_word_tells_the_sex_of_the_name_after_it(
    sex: str, example: NameExample
) -> None:
    assert person_genders(example.text) == {example.name: sex}


FIRST_NAME_EXAMPLES = [("female", e) for e in name_tables().female_first_names.examples] + [
    ("male", e) for e in name_tables().male_first_names.examples
]


@pytest.mark.parametrize(
    ("sex", "example"),
    FIRST_NAME_EXAMPLES,
    ids=[f"{s}-{e.text[:25]}" for s, e in FIRST_NAME_EXAMPLES],
)
def test_a_common_first_name_tells_the_sex_of_the_full_name(sex: str, example: NameExample) -> None:
    assert first_name_sexes(example.text) == {example.name: sex}


def test_a_first_name_alone_or_as_a_surname_tells_nothing() -> None:
    """A first name alone is no full name, and "May" here is a surname."""
    assert first_name_sexes("Theresa arrived.") == {}
    assert first_name_sexes("Prime Minister May arrived with Jeremy Corbyn.") == {
        "Jeremy Corbyn": "male"
    }


def test_a_kinship_word_without_a_name_set_off_tells_nothing() -> None:
    assert person_genders("His son died in 2001 and his wife moved to Paris.") == {}


@pytest.mark.parametrize("example", name_tables().descriptors.examples, ids=lambda e: e.text)
def test_a_descriptor_is_no_part_of_the_name_it_describes(example: NameExample) -> None:
    """The principal name of a phrase with a descriptor: the described name alone."""
    found = principal_names(list(tokens_of(example.text)))
    assert (found[0] if found else None) == example.name


GENERIC = [(True, e) for e in generic_table().positive] + [
    (False, e) for e in generic_table().negative
]


@pytest.mark.parametrize(
    ("positive", "example"), GENERIC, ids=[f"{p}-{e.trigger}" for p, e in GENERIC]
)
def test_generic_examples(positive: bool, example: GenericExample) -> None:
    blocked = []
    if example.date:
        start = example.text.index(example.date)
        blocked = [(start, start + len(example.date))]
    found = [
        d for d in detect(example.text, blocked) if d.generic and d.trigger.text == example.trigger
    ]
    assert bool(found) is positive, found
    if positive and example.actor:
        assert example.actor in found[0].actors


def test_reaction_types_are_event_types() -> None:
    assert set(cue_table().reaction_types) <= set(ontology().by_id)
    assert set(cue_table().consequence_types) <= set(ontology().by_id)
    assert set(cue_table().consequence_types) <= set(ontology().by_id)
    assert cue_table().reaction_types and cue_table().nominal_other_time
