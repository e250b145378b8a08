"""The general-news trigger table: merged with triggers.json, examples run, no duplicates."""

from __future__ import annotations

import json

import pytest

from tests.events.test_lexicon import NEGATIVE, POSITIVE
from timeline.events.detect import detect
from timeline.events.lexicon import (
    DetectionExample,
    TriggerRow,
    TriggerTable,
    merge_trigger_tables,
    trigger_forms,
    trigger_table,
)
from timeline.resources import read_resource_text

#: Verbs too general to report an event on their own; they must never be trigger rows here.
NEVER_TRIGGERS = frozenset({"be", "have", "do", "say", "make", "get", "go", "tell", "use"})


def _general_table() -> TriggerTable:
    return TriggerTable.model_validate(
        json.loads(read_resource_text("en", "events/triggers_general.json"))
    )


def _row(row_id: str, lemma: str, particles: list[str] | None = None) -> TriggerRow:
    example = DetectionExample(text="x", trigger="x", status=None)
    return TriggerRow(
        id=row_id,
        lemma=lemma,
        type="business",
        particles=particles or [],
        positive=[example],
        negative=[example],
    )


def test_general_rows_are_loaded_with_the_core_rows() -> None:
    loaded = {row.id for row in trigger_table().rows}
    general = {row.id for row in _general_table().rows}
    assert len(general) >= 80
    assert general <= loaded
    assert {"announce", "arrest"} <= loaded  # the core rows are still there


def test_general_rows_run_their_examples_in_the_lexicon_tests() -> None:
    general = _general_table().rows
    positive_rows = {row for row, _, _ in POSITIVE}
    negative_rows = {row for row, _, _ in NEGATIVE}
    for row in general:
        assert row.positive and row.negative, row.id
        assert row.id in positive_rows and row.id in negative_rows, row.id


def test_a_general_verb_form_maps_to_its_row() -> None:
    rows = {row.id for row, _ in trigger_forms()["laid"]}
    assert "lay_off" in rows
    found = detect("The mill laid off 400 workers in the autumn.")
    assert [(d.row.id, d.type, d.actors) for d in found] == [("lay_off", "personnel", ["mill"])]


def test_object_nouns_refine_the_type_of_a_general_row() -> None:
    found = detect("Prosecutors opened an investigation into the bank.")
    assert [(d.trigger.text, d.type) for d in found] == [("opened", "investigate")]
    assert detect("She opened the door and left.") == []


def test_general_rows_never_use_verbs_of_saying_being_or_having() -> None:
    for row in _general_table().rows:
        if row.pos == "verb" and not row.particles:
            assert row.lemma not in NEVER_TRIGGERS, row.id


def test_a_lemma_listed_twice_is_an_error() -> None:
    first = TriggerTable(description="a", rows=[_row("sell", "sell")])
    second = TriggerTable(description="b", rows=[_row("sell_again", "sell")])
    with pytest.raises(ValueError, match="listed twice"):
        merge_trigger_tables([first, second])


def test_a_row_id_listed_twice_is_an_error() -> None:
    first = TriggerTable(description="a", rows=[_row("sell", "sell")])
    second = TriggerTable(description="b", rows=[_row("sell", "vend")])
    with pytest.raises(ValueError, match="duplicate trigger row ids"):
        merge_trigger_tables([first, second])


def test_a_phrasal_verb_is_a_distinct_entry() -> None:
    first = TriggerTable(description="a", rows=[_row("take", "take")])
    second = TriggerTable(description="b", rows=[_row("take_over", "take", ["over"])])
    merged = merge_trigger_tables([first, second])
    assert [row.id for row in merged.rows] == ["take", "take_over"]
