"""The rules engine: find candidate matches, pick non-overlapping ones, then normalize in order.

Find, then annotate: `find_candidates` runs each rule only near its anchor words, `select_longest`
is the overlap policy, `annotate` resolves each chosen match against the reference date and
the last explicit date before it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from timeline.models import Granularity, PartialDate, TemporalExpression, TimexType
from timeline.temporal import calendar as cal
from timeline.temporal.normalize import NORMALIZERS, Context, Resolution
from timeline.temporal.ranges import link_ranges
from timeline.temporal.rules import Rule, anchor_positions, compiled_rules

WINDOW_BEFORE = 36
"""Characters before an anchor word in which its rules may match: more than any modifier
("more than four decades ago", "the comparable year-ago quarter")."""
WINDOW_AFTER = 40
"""Characters after an anchor word in which its rules may match: more than any complement
("Friday, Oct. 23, 1998", "10:30 a.m. EST Tuesday", "quarter of fiscal year 1998")."""


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
    anchors: list[str], positions: dict[str, list[tuple[int, int]]], text_length: int
) -> list[tuple[int, int]]:
    """Merged stretches of text around the given anchors, where a rule is worth running."""
    spans = sorted(span for name in anchors for span in positions.get(name, ()))
    windows: list[tuple[int, int]] = []
    for anchor_start, anchor_end in spans:
        start = max(0, anchor_start - WINDOW_BEFORE)
        end = min(text_length, anchor_end + WINDOW_AFTER)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows


def find_candidates(text: str) -> Iterator[Candidate]:
    """Every match of every rule near one of its anchors, with its span (the `span` group when
    it took part in the match, else the whole match)."""
    positions = anchor_positions(text)
    windows_by_anchors: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for priority, (rule, pattern) in enumerate(compiled_rules()):
        has_span_group = "span" in pattern.groupindex
        anchors = tuple(rule.anchors)
        if anchors not in windows_by_anchors:
            windows_by_anchors[anchors] = rule_windows(rule.anchors, positions, len(text))
        for window_start, window_end in windows_by_anchors[anchors]:
            for match in pattern.finditer(text, window_start, window_end):
                start, end = match.span("span") if has_span_group else (-1, -1)
                if start < 0:
                    start, end = match.span()
                if end <= start:
                    continue
                groups = tuple(
                    (name.rstrip("0123456789"), value)
                    for name, value in match.groupdict().items()
                    if value is not None and name != "span"
                )
                yield Candidate(start, end, rule, priority, groups)


def resolve(
    candidate: Candidate, text: str, reference: dt.date | None, previous: PartialDate | None
) -> Resolution | None:
    """The normalizer's reading of a candidate, or None if the normalizer rejects it."""
    context = Context(text, candidate.start, candidate.end, reference, previous)
    normalizer = NORMALIZERS[candidate.rule.normalizer]
    try:
        resolution = normalizer(dict(candidate.groups), candidate.rule.params, context)
    except (OverflowError, ValueError):  # e.g. "999,999,999 days ago": no calendar date
        return None
    if resolution is not None and resolution.date is not None:
        year = resolution.date.year
        if year is not None and not 1 <= year <= 9999:
            return None
    return resolution


def select_longest(
    candidates: list[Candidate], text: str, reference: dt.date | None
) -> list[Candidate]:
    """Overlap policy: longest span first, then rule priority; drop overlapping and rejected."""
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), c.priority, c.start))
    taken = bytearray(len(text))
    chosen: list[Candidate] = []
    for candidate in ordered:
        if taken.find(1, candidate.start, candidate.end) != -1:
            continue
        if resolve(candidate, text, reference, None) is None:
            continue
        taken[candidate.start : candidate.end] = b"\x01" * (candidate.end - candidate.start)
        chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)


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
    chosen: list[Candidate], text: str, reference: dt.date | None
) -> list[TemporalExpression]:
    """Resolve chosen matches in text order, each anaphor against the last explicit date."""
    previous: PartialDate | None = None
    expressions: list[TemporalExpression] = []
    for candidate in chosen:
        resolution = resolve(candidate, text, reference, previous)
        if resolution is None:
            continue
        expressions.append(to_expression(candidate, resolution, text))
        if is_explicit_date(resolution, candidate):
            previous = resolution.date
    return expressions


def tag_text(text: str, reference: dt.date | None) -> list[TemporalExpression]:
    """Temporal expressions in `text`, sorted by start, resolved against `reference`."""
    candidates = list(find_candidates(text))
    expressions = annotate(select_longest(candidates, text, reference), text, reference)
    return link_ranges(text, expressions, reference)
