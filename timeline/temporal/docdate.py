"""Infer a document's publication date from its text when nothing else gives it.

The evidence, from strongest to weakest:

0. a date line at the top ("Tuesday, October 3, 2006" under the headline, or a wire dateline
   "BRUSSELS, Dec 9, 2023 (Reuters) - ..." opening the story): the date itself;
1. explicit full dates ("November 20, 2020"): the latest one bounds publication from below;
2. a weekday with a day and month but no year ("Tuesday, Jan. 21"): the year is the one in
   which that day falls on that weekday, chosen nearest to the years the text mentions and not
   before what the other dates allow; publication then follows within the week;
3. months of a year and bare years ("July 2019", "for 2019"): used only to choose that year and
   to bound publication from below. Alone they cannot date a text: the result is unknown.

Patterns and word tables live in `resources/en/docdate.json`. The tagger (`timeline.temporal.tag`
with no reference date) adds the absolute full dates it finds. Nothing here looks at today's date.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from timeline.models import DateSource, PublicationDate
from timeline.resources import read_resource_text

PatternKind = Literal["full_date", "weekday_date", "month", "year"]
FULL_DATE_VALUE = re.compile(r"\A(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\Z")
#: A TIMEX3 value on a day: a date or a clock time of that day.
DAY_VALUE = re.compile(r"\A(?P<day>\d{4}-\d{2}-\d{2})(?:T|\Z)")
LABEL_WORD = re.compile(r"[^\W\d_]+")
#: A place opening a date line ("Brussels, May 10, 2010", "NEW YORK — June 1, 2009").
DATE_LINE_PLACE = re.compile(r"\A[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s*(?:,|—|–|-)\s*")
#: Confidence of an inferred date by the evidence that fixed it.
DATE_LINE_CONFIDENCE = 0.9
WEEKDAY_CONFIDENCE = 0.6
EXPLICIT_DATE_CONFIDENCE = 0.3


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PatternExample(_Model):
    """A text a pattern must match, and the canonical value it must find (`XXXX` = no year)."""

    text: str
    value: str


class DocdatePattern(_Model):
    """One row of the table: a regular expression over named groups and its examples."""

    id: str
    kind: PatternKind
    regex: str
    examples: list[PatternExample] = Field(min_length=1)
    negative: list[str] = Field(min_length=1)


class DocdateWindows(_Model):
    """How many days after its lower bound a text is assumed to be published."""

    weekday_days: int = Field(ge=0)
    explicit_date_days: int = Field(ge=0)
    description: str = ""


class FutureCues(_Model):
    """Words that mark a date as announced for later (see `docdate.json`)."""

    description: str
    words: list[str]
    prepositions: list[str]
    window_chars: int = Field(ge=0)
    examples: list[str] = Field(min_length=1)
    negative: list[str] = Field(min_length=1)


class DateLine(_Model):
    """What makes a line at the top of a text its date line (see `docdate.json`)."""

    description: str
    lines: int = Field(ge=1)
    max_chars: int = Field(ge=1)
    labels: frozenset[str]
    examples: list[PatternExample] = Field(min_length=1)
    negative: list[str] = Field(min_length=1)


class YearRange(_Model):
    """Years a weekday date may fall in."""

    earliest: int
    latest: int


class DocdateTables(_Model):
    """The whole `docdate.json` resource."""

    description: str
    tables: dict[str, dict[str, int]]
    windows: DocdateWindows
    year_range: YearRange
    future_cues: FutureCues
    date_line: DateLine
    patterns: list[DocdatePattern]


class DateClue(_Model):
    """A date found in the text: known fields (year may be missing), its kind and where."""

    kind: PatternKind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = Field(default=None, ge=1, le=7)
    start: int
    end: int
    text: str
    rule: str
    future: bool = Field(default=False, description="Announced for later ('scheduled for').")

    def canonical(self) -> str:
        """`2020-11-20`, `XXXX-01-21`, `2019-07` or `2019`: what example tables compare."""
        year = f"{self.year:04d}" if self.year is not None else "XXXX"
        if self.kind == "year":
            return year
        if self.kind == "month":
            return f"{year}-{self.month:02d}"
        return f"{year}-{self.month:02d}-{self.day:02d}"


@lru_cache(maxsize=1)
def docdate_tables() -> DocdateTables:
    """The validated pattern table (loaded once, on first use)."""
    return DocdateTables.model_validate(json.loads(read_resource_text("en", "docdate.json")))


def table_alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first so that `sept` wins over `sep`."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=16)
def compiled_pattern(pattern_id: str) -> re.Pattern[str]:
    """The regex of a pattern row with its `{table}` placeholders expanded."""
    tables = docdate_tables()
    row = next(p for p in tables.patterns if p.id == pattern_id)
    regex = row.regex
    for name, table in tables.tables.items():
        regex = regex.replace("{" + name + "}", f"(?:{table_alternation(table)})")
    return re.compile(regex, re.IGNORECASE)


#: Single-character escapes and group names, which say nothing about the letters matched.
PLAIN_ESCAPES = re.compile(r"\\[^xuUN0-9]|\(\?P<\w+>")


@lru_cache(maxsize=16)
def lowercase_pattern(pattern_id: str) -> re.Pattern[str] | None:
    """The pattern row's regex matching case-sensitively, for lowercased text (see
    `case_folded`), or None if it names an uppercase letter or a character by number.

    Case-sensitive matching is about twice as fast: `re` compares characters directly.
    """
    regex = compiled_pattern(pattern_id).pattern
    letters = PLAIN_ESCAPES.sub("", regex)
    if "\\" in letters or letters != letters.lower():
        return None
    return re.compile(regex)


#: An ASCII letter ignoring case: a character it matches besides them ("ſ" for "s", the
#: Kelvin sign for "k") is a case variant of an ASCII letter.
ASCII_LETTER = re.compile(r"[a-z]", re.IGNORECASE)


def case_folded(text: str) -> str | None:
    """The text lowercased, if a lowercase pattern finds in it exactly what the pattern finds
    ignoring case in the text: each character lowercases to one character (so offsets hold)
    and none but ASCII letters is a case variant of an ASCII letter. Else None."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return None
    if not text.isascii() and any(
        ASCII_LETTER.match(char) for char in set(text) if not char.isascii()
    ):
        return None
    return lowered


def lookup(table: str, word: str) -> int:
    """The number a table gives a word (case and a trailing period ignored)."""
    return docdate_tables().tables[table][word.lower().rstrip(".")]


def clue_from_match(
    row: DocdatePattern, match: re.Match[str], text: str | None = None
) -> DateClue | None:
    """The date clue a match describes (in `text`, by default the matched text itself), or
    None if its fields make no calendar sense."""
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if groups.get("month"):
        month: int | None = lookup("month", groups["month"])
    elif groups.get("month_number"):
        month = int(groups["month_number"])
    else:
        month = None
    day = int(groups["day"]) if groups.get("day") else None
    weekday = lookup("weekday", groups["weekday"]) if groups.get("weekday") else None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= (calendar.monthrange(year or 2000, month or 1)[1]):
        return None
    return DateClue(
        kind=row.kind,
        year=year,
        month=month,
        day=day,
        weekday=weekday,
        start=match.start(),
        end=match.end(),
        text=match.group(0) if text is None else text[match.start() : match.end()],
        rule=row.id,
    )


def match_pattern(row: DocdatePattern, text: str, lowered: str | None = None) -> list[DateClue]:
    """Every clue one pattern row finds in a text (`lowered`: its `case_folded` form, if any,
    searched instead when the row has a `lowercase_pattern`)."""
    lowercase = lowercase_pattern(row.id) if lowered is not None else None
    if lowercase is None or lowered is None:
        matches = compiled_pattern(row.id).finditer(text)
    else:
        matches = lowercase.finditer(lowered)
    found = (clue_from_match(row, match, text) for match in matches)
    return [clue for clue in found if clue is not None]


class ClaimedSpans:
    """Non-overlapping spans kept sorted, so an overlap check costs O(log n), not O(n)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a claimed span."""
        position = bisect.bisect_right(self.starts, start)
        if position and self.ends[position - 1] > start:
            return True
        return position < len(self.starts) and self.starts[position] < end

    def claim(self, start: int, end: int) -> None:
        """Claim [start, end), which must not overlap a claimed span."""
        position = bisect.bisect_right(self.starts, start)
        self.starts.insert(position, start)
        self.ends.insert(position, end)


@lru_cache(maxsize=1)
def future_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Regexes for a future cue word anywhere in a window, and a preposition right at its end."""
    cues = docdate_tables().future_cues
    words = re.compile(rf"\b(?:{table_alternation(cues.words)})\b", re.IGNORECASE)
    prepositions = re.compile(
        rf"\b(?:{table_alternation(cues.prepositions)})\s+(?:the\s+)?\Z", re.IGNORECASE
    )
    return words, prepositions


def is_future_date(text: str, start: int) -> bool:
    """Whether the date starting at `start` is announced for later ("scheduled for ...")."""
    window = text[max(0, start - docdate_tables().future_cues.window_chars) : start]
    window = re.split(r"[.!?]\s", window)[-1]
    words, prepositions = future_patterns()
    return bool(words.search(window) or prepositions.search(window))


def find_date_clues(text: str) -> list[DateClue]:
    """Date clues by pattern priority (table order); a span claimed once is not reused."""
    kept: list[DateClue] = []
    claimed = ClaimedSpans()
    lowered = case_folded(text)
    for row in docdate_tables().patterns:
        for clue in match_pattern(row, text, lowered):
            if not claimed.overlaps(clue.start, clue.end):
                claimed.claim(clue.start, clue.end)
                kept.append(clue)
    marked = [
        clue.model_copy(update={"future": True}) if is_future_date(text, clue.start) else clue
        for clue in kept
    ]
    return sorted(marked, key=lambda c: (c.start, c.end))


def tagger_full_dates(text: str) -> list[DateClue]:
    """Absolute full dates the temporal tagger finds (it runs without a reference date)."""
    from timeline.temporal import tag

    clues = []
    for expression in tag(text, None):
        match = FULL_DATE_VALUE.match(expression.value)
        if expression.anchor != "none" or match is None:
            continue
        try:
            dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
        except ValueError:
            continue
        clues.append(
            DateClue(
                kind="full_date",
                year=int(match["year"]),
                month=int(match["month"]),
                day=int(match["day"]),
                start=expression.start,
                end=expression.end,
                text=expression.text,
                rule=f"tagger:{expression.rule}",
            )
        )
    return clues


def clue_earliest(clue: DateClue) -> dt.date | None:
    """The first day a clue with a year can denote."""
    if clue.year is None:
        return None
    return dt.date(clue.year, clue.month or 1, clue.day or 1)


def weekday_dates(clue: DateClue, year_range: YearRange) -> list[dt.date]:
    """The days, over the year range, on which the clue's day and month fall on its weekday."""
    days = []
    for year in range(year_range.earliest, year_range.latest + 1):
        try:
            day = dt.date(year, clue.month or 1, clue.day or 1)
        except ValueError:
            continue
        if day.isoweekday() == clue.weekday:
            days.append(day)
    return days


def choose_weekday_date(
    candidates: list[dt.date], mentioned_years: list[int], lower_bound: dt.date | None
) -> dt.date | None:
    """The first candidate from the latest year the text mentions on, not before the lower bound.

    News tells the present and its past, so the latest year it names (plans excluded) is the
    publication year or before it; failing that, the latest candidate allowed.
    """
    allowed = [d for d in candidates if lower_bound is None or d >= lower_bound]
    if not allowed or not mentioned_years:
        return None
    hint = max(mentioned_years)
    from_hint = [d for d in allowed if d.year >= hint]
    return min(from_hint) if from_hint else max(allowed)


def interval_value(earliest: dt.date, latest: dt.date) -> str:
    """The finest ISO value covering an interval: a day, a month or a year."""
    if earliest == latest:
        return earliest.isoformat()
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return f"{earliest.year:04d}-{earliest.month:02d}"
    return f"{earliest.year:04d}"


def inferred_date(
    earliest: dt.date, window_days: int, confidence: float, evidence: str
) -> PublicationDate:
    """An inferred publication date: on or within `window_days` after `earliest`."""
    latest = earliest + dt.timedelta(days=window_days)
    return PublicationDate(
        value=interval_value(earliest, latest),
        earliest=earliest,
        latest=latest,
        source=DateSource.inferred,
        confidence=confidence,
        evidence=evidence,
    )


def unknown_date(reason: str, earliest: dt.date | None = None) -> PublicationDate:
    """No usable publication date; `earliest` keeps a lower bound if the text gave one."""
    return PublicationDate(
        value=None, earliest=earliest, source=DateSource.unknown, confidence=0.0, evidence=reason
    )


def latest_clue(clues: list[DateClue]) -> DateClue | None:
    """The clue denoting the latest first day (ties: the earlier in the text)."""
    dated = [c for c in clues if c.year is not None]
    if not dated:
        return None
    return max(dated, key=lambda c: (clue_earliest(c), -c.start))


def later_period(partial: list[DateClue], bound: dt.date | None) -> DateClue | None:
    """A month or year mentioned (not as a plan) that starts after `bound`, if any: then the
    date giving `bound` tells of the past, not of the days before publication."""
    if bound is None:
        return None
    later = [c for c in partial if not c.future and (clue_earliest(c) or bound) > bound]
    return latest_clue(later)


def infer_from_clues(clues: list[DateClue]) -> PublicationDate:
    """The publication date the clues support (see the module docstring for the order)."""
    tables = docdate_tables()
    windows = tables.windows
    full_dates = [c for c in clues if c.kind == "full_date"]
    partial = [c for c in clues if c.kind in ("month", "year")]
    weekday_clues = [c for c in clues if c.kind == "weekday_date"]
    latest_full = latest_clue([c for c in full_dates if not c.future])
    full_bound = clue_earliest(latest_full) if latest_full else None
    mentioned_years = sorted(
        {c.year for c in full_dates + partial if c.year is not None and not c.future}
    )
    # A month mentioned bounds publication from below; a bare year might be a plan ("by 2030").
    months = [c for c in partial if c.kind == "month"]
    latest_month = latest_clue([c for c in months if not c.future])
    month_bound = clue_earliest(latest_month) if latest_month else None
    lower_bound = max((d for d in (full_bound, month_bound) if d is not None), default=None)

    for clue in reversed(sorted(weekday_clues, key=lambda c: c.start)):
        day = choose_weekday_date(
            weekday_dates(clue, tables.year_range), mentioned_years, lower_bound
        )
        if day is None:
            continue
        earliest = max(day, full_bound) if full_bound else day
        if earliest > day + dt.timedelta(days=windows.weekday_days):
            break  # explicit dates are later than the week the weekday names: trust them
        evidence = (
            f'"{clue.text.strip()}" falls on that weekday in {day.year} '
            f"(first fit from the years mentioned: {', '.join(map(str, mentioned_years))}); "
            f"published on or within {windows.weekday_days} days after {earliest.isoformat()}"
        )
        return inferred_date(earliest, windows.weekday_days, WEEKDAY_CONFIDENCE, evidence)

    later = later_period(partial, full_bound)
    if latest_full is not None and full_bound is not None and later is not None:
        return unknown_date(
            f'latest explicit date "{latest_full.text.strip()}" is history: the text also '
            f'mentions "{later.text.strip()}", which starts later; nothing bounds it from above',
            clue_earliest(later),
        )
    if latest_full is not None and full_bound is not None:
        evidence = (
            f'latest explicit date "{latest_full.text.strip()}" bounds it from below; '
            f"published on or within {windows.explicit_date_days} days after "
            f"{full_bound.isoformat()}"
        )
        return inferred_date(
            full_bound, windows.explicit_date_days, EXPLICIT_DATE_CONFIDENCE, evidence
        )
    if weekday_clues:
        return unknown_date(
            f'weekday date "{weekday_clues[0].text.strip()}" but no year mentioned to choose '
            "among the years it fits",
            lower_bound,
        )
    if latest_month is not None:
        return unknown_date(
            f'only months and years mentioned; "{latest_month.text.strip()}" bounds it from '
            "below but nothing bounds it from above",
            lower_bound,
        )
    if mentioned_years:
        return unknown_date("only bare years mentioned, which do not fix a publication date")
    return unknown_date("no date in the text")


def opening_lines(text: str, count: int) -> list[str]:
    """The first `count` non-blank lines of `text`, stripped."""
    lines: list[str] = []
    for line in text.splitlines():
        if line.strip():
            lines.append(line.strip())
            if len(lines) == count:
                break
    return lines


def date_line(text: str) -> tuple[str, str] | None:
    """The day (ISO) and the text of the date line at the top of `text`, if it has one: a line
    of one full date and nothing else but a place before it, a clock time, punctuation and
    label words; or a wire dateline opening a line of the story (`wire_dateline`)."""
    from timeline.temporal import tag

    rule = docdate_tables().date_line
    for line in opening_lines(text, rule.lines):
        wire = wire_dateline(line)
        if wire is not None:
            return wire  # "BRUSSELS, Dec 9, 2023 (Reuters) - European Union negotiators ..."
        if len(line) > rule.max_chars:
            continue
        expressions = tag(line, None)
        days = {
            match["day"]
            for e in expressions
            if e.anchor == "none" and (match := DAY_VALUE.match(e.value))
        }
        full_dates = [e for e in expressions if FULL_DATE_VALUE.match(e.value)]
        if len(full_dates) != 1 or len(days) != 1:
            continue
        rest = list(line)
        place = DATE_LINE_PLACE.match(line)
        if place and any(e.start == place.end() for e in full_dates):
            rest[: place.end()] = " " * place.end()  # "Brussels, May 10, 2010"
        for expression in expressions:
            rest[expression.start : expression.end] = " " * (expression.end - expression.start)
        words = LABEL_WORD.findall("".join(rest).lower())
        if all(word in rule.labels for word in words):
            return days.pop(), line
    return None


#: What follows the date of a wire dateline before the story: an agency's credit in
#: parentheses, then a dash ("BRUSSELS, Dec 9, 2023 (Reuters) - ").
WIRE_DATELINE_END = re.compile(r"\s*(?:\([A-Za-z][A-Za-z .&-]{0,30}\)\s*)?(?:--|[-–—])\s")


def wire_dateline(line: str) -> tuple[str, str] | None:
    """The day and the dateline of a line that opens with a wire dateline: a place, a full
    date, an optional agency credit and a dash, then the story ("LIMA, April 15, 2025 (AFP) -
    A Peruvian court ...")."""
    from timeline.temporal import tag

    place = DATE_LINE_PLACE.match(line)
    if place is None:
        return None
    head = line[place.end() : place.end() + 40]
    expressions = [e for e in tag(head, None) if e.start == 0 and e.anchor == "none"]
    if not expressions:
        return None
    date = max(expressions, key=lambda e: e.end)
    day = DAY_VALUE.match(date.value)
    end = WIRE_DATELINE_END.match(head, date.end)
    if day is None or end is None or not FULL_DATE_VALUE.match(day["day"]):
        return None
    return day["day"], line[: place.end() + end.end()].strip()


def infer_publication_date(
    text: str, tagger_dates: Callable[[str], list[DateClue]] | None = tagger_full_dates
) -> PublicationDate:
    """The publication date implied by the text, or an unknown date with the reason.

    A date line at the top settles it. Else `tagger_dates` adds the full dates another finder
    sees (default: the temporal tagger); None uses this module's own patterns only.
    """
    found_line = date_line(text)
    if found_line is not None:
        day, line = found_line
        return PublicationDate(
            value=day,
            earliest=dt.date.fromisoformat(day),
            latest=dt.date.fromisoformat(day),
            source=DateSource.text,
            confidence=DATE_LINE_CONFIDENCE,
            evidence=f'date line "{line}" at the top of the text',
        )
    clues = find_date_clues(text)
    claimed = ClaimedSpans()
    for clue in clues:
        claimed.claim(clue.start, clue.end)
    for clue in tagger_dates(text) if tagger_dates else []:
        if not claimed.overlaps(clue.start, clue.end):
            claimed.claim(clue.start, clue.end)
            clues.append(clue.model_copy(update={"future": is_future_date(text, clue.start)}))
    return infer_from_clues(sorted(clues, key=lambda c: (c.start, c.end)))
