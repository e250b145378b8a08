"""Every rule row of the temporal tagger: its examples tag as written, its negatives do not."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.models import TemporalExpression
from timeline.temporal import tag
from timeline.temporal.normalize import NORMALIZERS
from timeline.temporal.rules import (
    Rule,
    RuleExample,
    anchor_positions,
    compile_rule,
    load_rules,
)

RULES = load_rules().rules
EXAMPLES = [
    pytest.param(rule, example, id=f"{rule.id}:{example.text}")
    for rule in RULES
    for example in rule.examples
]
NEGATIVES = [
    pytest.param(rule, text, id=f"{rule.id}:not:{text}")
    for rule in RULES
    for text in rule.negatives
]


def _reference(example: RuleExample) -> dt.date | None:
    return dt.date.fromisoformat(example.reference) if example.reference else None


def _found_at(found: list[TemporalExpression], span: str, text: str) -> TemporalExpression:
    start = text.index(span)
    matching = [e for e in found if e.start == start and e.end == start + len(span)]
    assert matching, f"{span!r} not tagged in {text!r}; got {[(e.text, e.rule) for e in found]}"
    return matching[0]


@pytest.mark.parametrize(("rule", "example"), EXAMPLES)
def test_rule_example_is_tagged_with_its_value(rule: Rule, example: RuleExample) -> None:
    found = _found_at(tag(example.text, _reference(example)), example.span, example.text)
    assert found.rule == rule.id
    assert found.value == example.value
    assert found.type == (example.type or rule.type)
    if example.mod is not None:
        assert found.mod == example.mod


@pytest.mark.parametrize(("rule", "text"), NEGATIVES)
def test_rule_negative_is_not_tagged_by_it(rule: Rule, text: str) -> None:
    found = tag(text, dt.date(2021, 1, 20))
    assert [e.text for e in found if e.rule == rule.id] == []


def test_every_rule_has_positive_and_negative_examples() -> None:
    assert [rule.id for rule in RULES if not rule.examples or not rule.negatives] == []


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_rule_pattern_compiles_and_names_a_normalizer(rule: Rule) -> None:
    assert compile_rule(rule).pattern
    assert rule.normalizer in NORMALIZERS


@pytest.mark.parametrize(("rule", "example"), EXAMPLES)
def test_rule_example_span_holds_one_of_its_anchors(rule: Rule, example: RuleExample) -> None:
    start = example.text.index(example.span)
    end = start + len(example.span)
    positions = anchor_positions(example.text)
    assert any(
        start <= s and e <= end for name in rule.anchors for s, e in positions.get(name, [])
    ), f"no anchor of {rule.id} in {example.span!r}"


def _texts_of(rule: Rule) -> list[str]:
    return [example.text for example in rule.examples] + list(rule.negatives)


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_rule_matches_in_its_examples_lie_within_its_reach(rule: Rule) -> None:
    """A match holding one of the rule's anchors starts and ends within `reach` of it, so
    running the rule only in windows around its anchors loses nothing."""
    pattern = compile_rule(rule)
    before, after = rule.reach
    texts = [text for other in RULES for text in _texts_of(other)]
    for text in texts:
        positions = anchor_positions(text)
        spans = [span for name in rule.anchors for span in positions.get(name, [])]
        for match in pattern.finditer(text):
            inside = [(s, e) for s, e in spans if match.start() <= s and e <= match.end()]
            if inside:
                assert any(
                    match.start() >= s - before and match.end() <= e + after for s, e in inside
                ), f"{rule.id}: {match.group()!r} in {text!r} exceeds reach {rule.reach}"


def _top_level_alternation(body: str) -> bool:
    """Whether a regex has a '|' outside every group and character class."""
    depth, in_class, escaped = 0, False, False
    for char in body:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


def test_every_text_anchor_regex_starts_with_one_literal_character() -> None:
    """What keeps the whole-text anchor scans fast: the regex engine jumps between occurrences
    of a literal first character (an alternation or a class would try every position)."""
    from timeline.temporal.rules import load_lexicon

    for name, bodies in load_lexicon().text_anchors.items():
        for body in bodies:
            first = body[:2] if body.startswith("\\") else body[:1]
            assert first not in ("(", "[", ".", "^", "\\d", "\\w", "\\s", "\\b"), (name, body)
            assert not _top_level_alternation(body), (name, body)


def test_text_anchors_come_in_text_order() -> None:
    from timeline.temporal.rules import anchor_positions

    spans = anchor_positions("At 10:30 a.m., Q3 and '98 and 2 p.m. and Q4 and ’99")["clock"]
    assert spans == sorted(spans) and len(spans) == 3


@pytest.mark.parametrize("padding", [0, 1000], ids=["many-non-ascii", "few-non-ascii"])
def test_anchor_scan_treats_non_ascii_characters_as_their_regex_class(padding: int) -> None:
    # "Mayé" and "é_May" are no month (é and _ join letters into a word), "—May" and "“May"
    # are; Arabic-Indic digits are a digit run, "²" is a word character and no digit. (Text
    # with few non-ASCII characters is scanned as ASCII bytes, other text as it is.)
    text = "x " * padding + "Mayé é_May —May “May ٢٠ ²5 İMay"
    positions = anchor_positions(text)
    shift = 2 * padding
    assert positions["month"] == [(shift + 12, shift + 15), (shift + 17, shift + 20)]
    assert positions["short_digits"] == [(shift + 21, shift + 23), (shift + 25, shift + 26)]


def test_anchor_scan_finds_words_at_the_start_and_after_any_non_word_character() -> None:
    positions = anchor_positions("May\nJune(July)-March/April")
    assert positions["month"] == [(0, 3), (4, 8), (9, 13), (15, 20), (21, 26)]
