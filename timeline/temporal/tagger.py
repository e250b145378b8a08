"""The rules engine: find candidate matches, pick non-overlapping ones, then normalize in order.

Find, then annotate: `find_candidates` runs each rule only near its anchor words, `select_longest`
is the overlap policy, `annotate` resolves each chosen match against the reference date and
the last explicit date before it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from timeline.models import Granularity, PartialDate, TemporalExpression, TimexType
from timeline.temporal import calendar as cal
from timeline.temporal.normalize import (
    NORMALIZERS,
    Context,
    Resolution,
    is_compared,
    is_reported_quarter,
    is_told_in_past,
)
from timeline.temporal.ranges import link_ranges
from timeline.temporal.rules import Rule, anchor_positions, compiled_rules

_ANCHOR_GRAINS = (Granularity.day, Granularity.month, Granularity.quarter, Granularity.year)


@dataclass(frozen=True)
class Candidate:
    """A rule match: the expression span and the named groups that matched."""

    start: int
    end: int
    rule: Rule
    priority: int
    groups: tuple[tuple[str, str], ...]


def rule_windows(
    anchor_spans: list[tuple[int, int]], reach: tuple[int, int], text_length: int
) -> list[tuple[int, int]]:
    """Merged stretches of text around sorted anchor spans, where a rule is worth running:
    `reach` characters before each anchor's start and after its end, within the text."""
    if not anchor_spans:
        return []
    before, after = reach
    window_start, window_end = anchor_spans[0][0] - before, anchor_spans[0][1] + after
    windows: list[tuple[int, int]] = []
    for anchor_start, anchor_end in anchor_spans[1:]:  # a lone anchor, the commonest, skips
        start = anchor_start - before
        if start <= window_end:
            end = anchor_end + after
            if end > window_end:
                window_end = end
        else:
            windows.append((max(0, window_start), min(text_length, window_end)))
            window_start, window_end = start, anchor_end + after
    windows.append((max(0, window_start), min(text_length, window_end)))
    return windows


@dataclass(frozen=True)
class RulePlan:
    """A rule ready to run, with what `find_candidates` needs about it worked out once."""

    rule: Rule
    priority: int
    pattern: re.Pattern[str]
    anchors: tuple[str, ...]
    has_span_group: bool
    group_names: tuple[tuple[str, str], ...]
    """(regex group name, name the normalizer reads): ``shift2`` is read as ``shift``."""


@lru_cache(maxsize=1)
def rule_plans() -> tuple[RulePlan, ...]:
    """Every rule's plan, in priority order."""
    return tuple(
        RulePlan(
            rule=rule,
            priority=priority,
            pattern=pattern,
            anchors=tuple(rule.anchors),
            has_span_group="span" in pattern.groupindex,
            group_names=tuple(
                (name, name.rstrip("0123456789")) for name in pattern.groupindex if name != "span"
            ),
        )
        for priority, (rule, pattern) in enumerate(compiled_rules())
    )


@lru_cache(maxsize=1)
def plans_by_window() -> tuple[tuple[frozenset[str], tuple[int, int], tuple[RulePlan, ...]], ...]:
    """Rule plans grouped by where they run (anchor names, reach): one window list each."""
    groups: dict[tuple[frozenset[str], tuple[int, int]], list[RulePlan]] = {}
    for plan in rule_plans():
        groups.setdefault((frozenset(plan.anchors), plan.rule.reach), []).append(plan)
    return tuple((anchors, reach, tuple(plans)) for (anchors, reach), plans in groups.items())


def find_candidates(text: str) -> Iterator[Candidate]:
    """Every match of every rule near one of its anchors, with its span (the `span` group when
    it took part in the match, else the whole match). Candidates carry their rule's priority,
    so the order they come in does not matter."""
    positions = anchor_positions(text)
    found_anchors = positions.keys()
    spans_of: dict[frozenset[str], list[tuple[int, int]]] = {}
    for anchors, reach, plans in plans_by_window():
        if found_anchors.isdisjoint(anchors):
            continue
        spans = spans_of.get(anchors)
        if spans is None:  # anchor spans come in text order: merge only several anchors' lists
            present = [positions[name] for name in anchors if name in positions]
            spans = present[0] if len(present) == 1 else sorted(chain.from_iterable(present))
            spans_of[anchors] = spans
        for window_start, window_end in rule_windows(spans, reach, len(text)):
            for plan in plans:
                for match in plan.pattern.finditer(text, window_start, window_end):
                    start, end = match.span("span") if plan.has_span_group else (-1, -1)
                    if start < 0:
                        start, end = match.span()
                    if end <= start:
                        continue
                    found = match.groupdict()
                    groups = tuple(
                        (base, found[name])
                        for name, base in plan.group_names
                        if found[name] is not None
                    )
                    yield Candidate(start, end, plan.rule, plan.priority, groups)


@dataclass(frozen=True)
class Previous:
    """The dates anaphora count from: the last explicit date, and the last explicit quarter."""

    date: PartialDate | None = None
    quarter: PartialDate | None = None


NO_PREVIOUS = Previous()


@dataclass(frozen=True)
class Reading:
    """A chosen candidate with the normalizer's reading of it, and whether that reading
    depends on the dates before it (then `annotate` reads it again in text order)."""

    candidate: Candidate
    resolution: Resolution
    reads_previous: bool


def read(
    candidate: Candidate, text: str, reference: dt.date | None, previous: Previous
) -> tuple[Resolution | None, bool]:
    """The normalizer's reading of a candidate (None if it rejects it), and whether the
    normalizer looked at the previous dates."""
    context = Context(
        text, candidate.start, candidate.end, reference, previous.date, previous.quarter
    )
    normalizer = NORMALIZERS[candidate.rule.normalizer]
    try:
        resolution = normalizer(dict(candidate.groups), candidate.rule.params, context)
    except (OverflowError, ValueError):  # e.g. "999,999,999 days ago": no calendar date
        return None, context.read_previous
    if resolution is not None and resolution.date is not None:
        year = resolution.date.year
        if year is not None and not 1 <= year <= 9999:
            return None, context.read_previous
    return resolution, context.read_previous


_TITLE_CASE = re.compile(r"[A-Z0-9][^\s]*(?:\s+[A-Z][^\s]*)+")
_OPENING_QUOTES = "\"'`“‘"


def is_quoted_title(text: str, start: int, end: int) -> bool:
    """Whether a match is a title in quotes, every word capitalized (ABC's "This Week", CBS's
    "60 Minutes"): a name, not a time."""
    if start == 0 or text[start - 1] not in _OPENING_QUOTES:
        return False
    return _TITLE_CASE.fullmatch(text, start, end) is not None


def select_longest(
    candidates: list[Candidate], text: str, reference: dt.date | None
) -> list[Reading]:
    """Overlap policy: longest span first, then rule priority; drop overlapping and rejected."""
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), c.priority, c.start))
    taken = bytearray(len(text))
    chosen: list[Reading] = []
    for candidate in ordered:
        if taken.find(1, candidate.start, candidate.end) != -1:
            continue
        if is_quoted_title(text, candidate.start, candidate.end):
            continue
        resolution, reads_previous = read(candidate, text, reference, NO_PREVIOUS)
        if resolution is None:
            continue
        taken[candidate.start : candidate.end] = b"\x01" * (candidate.end - candidate.start)
        chosen.append(Reading(candidate, resolution, reads_previous))
    return sorted(chosen, key=lambda reading: reading.candidate.start)


def is_explicit_date(resolution: Resolution, candidate: Candidate) -> bool:
    """Whether an expression can anchor later anaphora: an absolute or document-relative day,
    month, quarter or year (not a duration, a set, or itself anaphoric)."""
    if resolution.date is None or resolution.anchor == "previous":
        return False
    if not candidate.rule.anchors_anaphora:
        return False
    if candidate.rule.type not in (TimexType.DATE, TimexType.TIME):
        return False
    return resolution.date.grain in _ANCHOR_GRAINS


def is_numbered_quarter(
    resolution: Resolution, candidate: Candidate, text: str, reference: dt.date | None
) -> bool:
    """Whether an expression names a quarter by its number ("the third quarter", "Q3") that has
    ended by the reference: the quarter that "the quarter" and "a year ago" in a report then
    refer to (a later one, "losses through the fourth quarter", is an outlook; one compared
    with, "after a flat second quarter", is not the report's), or a fiscal one told in the past
    ("reported fourth-quarter earnings" in November)."""
    numbered = any(name == "ordinal" for name, _ in candidate.groups)
    if not numbered or is_compared(text, candidate.start):
        return False
    return is_reported_quarter(resolution.date, reference) or is_fiscal_quarter_reported(
        resolution.date, candidate, text, reference
    )


def is_fiscal_quarter_reported(
    date: PartialDate | None, candidate: Candidate, text: str, reference: dt.date | None
) -> bool:
    """Whether a numbered quarter not yet over on the calendar is told in the past tense
    ("reported a decline in fourth-quarter earnings" in November, "the fourth quarter ended
    Aug. 26"): a fiscal quarter that has ended, which the report is about."""
    if date is None or reference is None or date.grain is not Granularity.quarter:
        return False
    found = cal.bounds(date)
    if not found or not found[0] <= reference <= found[1]:
        return False
    context = Context(text, candidate.start, candidate.end, reference)
    return is_told_in_past(context)


def to_expression(candidate: Candidate, resolution: Resolution, text: str) -> TemporalExpression:
    """The public record of one resolved match."""
    kind = resolution.type or candidate.rule.type
    earliest = latest = None
    granularity = resolution.granularity
    if resolution.date is not None and kind in (TimexType.DATE, TimexType.TIME):
        found = cal.bounds(resolution.date)
        if found:
            earliest, latest = cal.narrow(*found, resolution.mod)
        if found and resolution.last_day is not None:
            latest = max(latest, resolution.last_day)
        granularity = granularity or resolution.date.grain
    return TemporalExpression(
        start=candidate.start,
        end=candidate.end,
        text=text[candidate.start : candidate.end],
        type=kind,
        value=resolution.value,
        mod=resolution.mod,
        granularity=granularity,
        earliest=earliest,
        latest=latest,
        anchor=resolution.anchor,  # type: ignore[arg-type]
        rule=candidate.rule.id,
    )


def annotate(
    chosen: list[Reading], text: str, reference: dt.date | None
) -> list[TemporalExpression]:
    """Resolve chosen matches in text order, each anaphor against the last explicit date
    (and the last explicit quarter) before it."""
    previous = NO_PREVIOUS
    expressions: list[TemporalExpression] = []
    for reading in chosen:
        candidate, resolution = reading.candidate, reading.resolution
        if reading.reads_previous and previous != NO_PREVIOUS:
            resolution = read(candidate, text, reference, previous)[0]
            if resolution is None:
                continue
        expressions.append(to_expression(candidate, resolution, text))
        if is_explicit_date(resolution, candidate):
            assert resolution.date is not None
            quarter = previous.quarter
            if is_numbered_quarter(resolution, candidate, text, reference):
                quarter = resolution.date
            previous = Previous(resolution.date, quarter)
    return expressions


@lru_cache(maxsize=1)
def candidates_in(text: str) -> tuple[Candidate, ...]:
    """`find_candidates` of `text`, kept for the last text tagged: they do not depend on the
    reference date, and the pipeline tags a body twice in a row when it infers its publication
    date (without a reference, then with the inferred one)."""
    return tuple(find_candidates(text))


def tag_text(text: str, reference: dt.date | None) -> list[TemporalExpression]:
    """Temporal expressions in `text`, sorted by start, resolved against `reference`."""
    candidates = list(candidates_in(text))
    expressions = annotate(select_longest(candidates, text, reference), text, reference)
    return link_ranges(text, expressions, reference)
