"""Normalizers: turn the named groups of a rule match into a TIMEX3 value and a partial date.

Each normalizer is a small pure function ``(groups, params, context) -> Resolution | None``
registered by name in `NORMALIZERS`; rule rows name the one they use. Returning None rejects
the match (e.g. "Feb. 30", or a bare "May" with no date context).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from dateutil.easter import easter

from timeline.models import Granularity, PartialDate, TimexType
from timeline.temporal import calendar as cal
from timeline.temporal.rules import load_lexicon, lookup, table_index, table_key, trie_regex

Groups = Mapping[str, str]


@dataclass
class Context:
    """What a normalizer may look at besides the match: the text and the reference times.

    Reading `previous` (or `previous_quarter`) is recorded in `read_previous`: a result that
    never read them stays valid whatever dates come before the match, so the tagger reuses it.
    """

    text: str
    start: int
    end: int
    reference: dt.date | None
    previous_date: PartialDate | None = None
    previous_quarter_date: PartialDate | None = None
    read_previous: bool = field(default=False, compare=False)

    @property
    def previous(self) -> PartialDate | None:
        """The last explicit date before the match."""
        self.read_previous = True
        return self.previous_date

    @property
    def previous_quarter(self) -> PartialDate | None:
        """The last explicit quarter before the match ("the third quarter ... a year ago")."""
        self.read_previous = True
        return self.previous_quarter_date


@dataclass(frozen=True)
class Resolution:
    """A normalized expression: its TIMEX3 value and, for dates, the partial date behind it."""

    value: str
    date: PartialDate | None = None
    type: TimexType | None = None
    mod: str | None = None
    granularity: Granularity | None = None
    anchor: str = "none"
    last_day: dt.date | None = None
    """For a written range of days ("Jan. 5-7"): the last day it covers."""


Normalizer = Callable[[Groups, Mapping[str, Any], Context], "Resolution | None"]


@lru_cache(maxsize=1)
def sentence_end_pattern() -> re.Pattern[str]:
    """Where a sentence ends: a period, '!' or '?' before a capital, except after an initial
    ("Daniel P. Davison") or an abbreviation of the lexicon ("Mr.", "Corp."); or a blank line."""
    abbreviations = "".join(
        rf"(?<!\b{re.escape(word)}\.)" for word in load_lexicon().sentence_abbreviations
    )
    return re.compile(rf"[.!?](?<!\b[A-Z]\.){abbreviations}\s+[A-Z\"']|\n\s*\n")


def _sentence_before(context: Context, words: int) -> str:
    """Up to `words` words before the match, within its sentence."""
    window = context.text[max(0, context.start - 160) : context.start]
    ends = list(sentence_end_pattern().finditer(window))
    if ends:
        window = window[ends[-1].start() + 1 :]
    return " ".join(window.split()[-words:])


def _words_pattern(words: list[str], suffix: str = "") -> re.Pattern[str]:
    """Any of `words` (or a word ending in `suffix`) as a whole word, case-insensitively, and
    not as part of a hyphenated compound ("lower-than-expected earnings" is no plan) nor as a
    possessive ("this year's third quarter" is a quarter, not the year), nor after "than" or
    "as" ("fell more than expected", "as planned": a comparison)."""
    words_with_letters = [word for word in words if word[:1].isalnum()]
    pieces = [([re.escape(char) for char in word.lower()], r"\b") for word in words_with_letters]
    alternatives = [trie_regex(pieces)]
    if suffix:
        alternatives.append(rf"(?-i:[a-z]+{re.escape(suffix)})\b")  # "United" is no verb
    pattern = rf"(?<![\w'-])(?<!\bthan\s)(?<!\bas\s)(?:{'|'.join(alternatives)})(?!-\w)(?!['’]s\b)"
    others = [re.escape(word) + r"\b" for word in words if not word[:1].isalnum()]
    return re.compile("|".join([pattern, *others]), re.IGNORECASE)


@lru_cache(maxsize=1)
def tense_patterns() -> dict[str, re.Pattern[str]]:
    """The tense cue word lists of the lexicon, compiled (once)."""
    cues = load_lexicon().tense_cues
    return {
        "future": _words_pattern(cues.future),
        "strong_future": _words_pattern(cues.strong_future),
        "past": _words_pattern(cues.past, cues.past_suffix),
        "past_words": _words_pattern(cues.past),
        "passive": _words_pattern(cues.passive),
        "past_perfect_plan": _past_perfect_plan_pattern(cues.past_perfect, cues.strong_future),
        "scheduled_present": _words_pattern(cues.scheduled_present),
    }


def _past_perfect_plan_pattern(perfect: list[str], plans: list[str]) -> re.Pattern[str]:
    """A future cue right after a past perfect ("had been due to", "had (originally) planned"):
    a plan the clause tells in the past."""
    if not perfect:
        return re.compile(r"(?!)")
    pieces = [([re.escape(char) for char in word.lower()], r"\b") for word in plans]
    heads = [([re.escape(char) for char in word.lower()], r"\b") for word in perfect]
    return re.compile(
        rf"(?<![\w'])(?:{trie_regex(heads)})\s+(?:[a-z]+ly\s+)?(?:{trie_regex(pieces)})",
        re.IGNORECASE,
    )


def is_future(context: Context) -> bool:
    """Whether the clause around the match speaks of the future ("will ... on Monday")."""
    return clause_tense(context) == "future"


def clause_tense(context: Context) -> str | None:
    """ "future", "past" or None (no cue) for the clause before the match.

    The last three words decide when they hold a future cue or a past verb ("said Monday");
    otherwise a future cue anywhere earlier in the sentence ("is scheduled ... on Monday").
    """
    words_before = _sentence_before(context, 12)
    before = _clause_tense(words_before)
    if before == "past" and _is_deadline(context, words_before):
        return None
    return before or _tense_after(_sentence_after(context, 5))


_UNTIL_AT_END = re.compile(r"\buntil$", re.IGNORECASE)
_TO_VERB = re.compile(r"\s+to\s+[a-z]+\b")


def _is_deadline(context: Context, words_before: str) -> bool:
    """Whether the match is a deadline ("gave them until Friday to leave"): a past verb before
    it dates the giving, not the deadline, which may lie either side of the reference."""
    return bool(_UNTIL_AT_END.search(words_before)) and bool(
        _TO_VERB.match(context.text, context.end)
    )


def is_told_in_past(context: Context) -> bool:
    """Whether the clause tells the match in the past: `clause_tense` says so, or, with no
    cue near, a past verb comes earlier in the sentence ("reported a 47% decline in ...")."""
    tense = clause_tense(context)
    if tense is not None:
        return tense == "past"
    before = _sentence_before(context, 12)
    patterns = tense_patterns()
    return bool(patterns["past"].search(before)) and not patterns["passive"].search(before)


_CLAUSE_AFTER_END = re.compile(r"[.!?;:]")


def _sentence_after(context: Context, words: int) -> str:
    """Up to `words` words after the match, within its clause ("In February, sales fell")."""
    window = context.text[context.end : context.end + 80]
    end = _CLAUSE_AFTER_END.search(window)
    return " ".join(window[: end.start() if end else None].split()[:words])


@lru_cache(maxsize=4096)
def _tense_after(after: str) -> str | None:
    """ "past" when the words after a match show a past verb and those before it show no
    tense ("In February, sales fell"); "future" only when `will` is the first or second word
    after it ("The vote on May 5 will decide", "the May 5 vote will"): other future cues after
    a match are too loose to count."""
    if WILL_RIGHT_AFTER.match(after):
        return "future"
    if ATTRIBUTION_AFTER.match(after):
        return None  # "... starting in October, the company said": the saying's tense
    patterns = tense_patterns()
    if patterns["past"].search(after) and not patterns["passive"].search(after):
        return "past"
    return None


#: A trailing attribution after a date phrase (", the company said", ", officials told
#: reporters"): its verb is another clause's, telling nothing of the date's tense.
ATTRIBUTION_AFTER = re.compile(
    r",\s*(?:[\w.'’-]+\s+){1,3}(?:said|says|reported|reports|announced|told|added)\b",
    re.IGNORECASE,
)
#: `will` as the first or second word after a date phrase, not after a conjunction ("left
#: rates unchanged on Tuesday and will meet again": another predicate's future).
WILL_RIGHT_AFTER = re.compile(r",?\s*(?:(?!(?:and|but|or)\b)[a-z]+\s+)?will\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _clause_tense(before: str) -> str | None:
    """`clause_tense` on the words before the match (cached: normalizers ask more than once)."""
    patterns = tense_patterns()
    plans = list(patterns["past_perfect_plan"].finditer(before))
    if plans:
        rest = before[plans[-1].end() :]
        if not patterns["strong_future"].search(rest) and not patterns["future"].search(rest):
            return "past"
    near = " ".join(before.split()[-3:])
    strong = "future" if patterns["strong_future"].search(before) else None
    if strong is None:
        scheduled = list(patterns["scheduled_present"].finditer(before))
        if scheduled and not patterns["past"].search(before, scheduled[-1].end()):
            strong = "future"  # "Apple opens a new store on Saturday"
    cues = [match.group().lower() for match in patterns["future"].finditer(near)]
    past = bool(patterns["past"].search(near)) and not patterns["passive"].search(near)
    if cues:
        weak = load_lexicon().tense_cues.weak_future
        if not all(cue in weak for cue in cues):
            return "future"
        if strong or near.lower().startswith(tuple(weak)):  # "Until Monday, they had ..."
            return strong
        return "past" if patterns["past_words"].search(before) else "future"
    if past and strong and not patterns["past_words"].search(near):
        return strong  # "would be paid on a still unspecified date in January"
    return "past" if past else strong


def _is_possessive(context: Context) -> bool:
    """Whether the match is a possessive ("Wednesday's ruling"): it names a past occasion
    whatever the tense of the clause around it."""
    return context.text.startswith(("'s", "’s"), context.end)


@lru_cache(maxsize=4096)
def parse_number(word: str) -> float | None:
    """A count written in digits or words ("12", "1,500", "twenty four", "a"), else None."""
    key = " ".join(word.lower().replace("-", " ").split())
    digits = key.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        return float(digits)
    half = re.fullmatch(r"(\d+) 1/2", digits)
    if half:
        return float(half.group(1)) + 0.5
    if key in ("hundred", "hundreds"):
        return 100.0
    if key in ("thousand", "thousands"):
        return 1000.0
    parts = key.split()
    for table in ("small_number", "tens"):
        try:
            return float(lookup(table, key))
        except KeyError:
            pass
    if len(parts) == 2:
        try:
            return float(lookup("tens", parts[0]) + lookup("units_digit", parts[1]))
        except KeyError:
            return None
    return None


def _count(groups: Groups, params: Mapping[str, Any]) -> float | str | None:
    """The count of a duration or offset: a number, "X" for vague counts, None if unreadable."""
    if "vague" in groups:
        return "X"
    if "count" in groups:
        return parse_number(groups["count"])
    fixed_count = params.get("count_value", 1)
    return fixed_count if fixed_count == "X" else float(fixed_count)


def _fmt(number: float) -> str:
    return str(int(number)) if number == int(number) else f"{number:g}"


def _mod(groups: Groups, params: Mapping[str, Any]) -> str | None:
    """The TIMEX3 mod from a fuzzy or approximate modifier word, or the rule's fixed mod."""
    if "fuzzy" in groups:
        return lookup("fuzzy_mod", groups["fuzzy"])
    if "approx" in groups:
        return lookup("approx_mod", groups["approx"])
    return params.get("mod")


def _dated(date: PartialDate, anchor: str, **extra: Any) -> Resolution:
    return Resolution(value=date.timex_value(), date=date, anchor=anchor, **extra)


def _anchor(reference: dt.date | None) -> str:
    return "document" if reference else "none"


def _year(groups: Groups, name: str = "year") -> int | None:
    text = groups.get(name)
    if text is None:
        return _spelled_year(groups) if name == "year" and "spelled_year" in groups else None
    digits = text.strip("'’")
    if len(digits) == 2:
        return (1900 if int(digits) > 30 else 2000) + int(digits)
    return int(digits)


def _month(groups: Groups) -> int | None:
    if "month" in groups:
        return lookup("month", groups["month"])
    if "month_num" in groups:
        return int(groups["month_num"])
    return None


def _day_of_month(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def calendar_date(groups: Groups, params: Mapping[str, Any], context: Context) -> Resolution | None:
    """A day given by month and day, with or without a year ("Jan. 19, 2021", "Jan. 19")."""
    month = _month(groups)
    day = _day_of_month(groups["day"])
    if month is None or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    year = _year(groups)
    anchor = "none"
    if "year_shift" in groups and context.reference:  # "Feb. 1 last year"
        year = context.reference.year + lookup("relative_shift", groups["year_shift"])
        anchor = "document"
    if year is None and context.reference:
        anchor = "document"
        if "weekday" in groups:
            year = _year_matching_weekday(month, day, lookup("weekday", groups["weekday"]), context)
        if year is None and clause_tense(context) != "future":  # "His trial is scheduled
            year = _year_of_earlier_story(month, day, context)  # to begin on Oct. 2": ahead
            if year is not None:
                anchor = "previous"  # "on May 29, 2020, after the death of X on May 25"
        if year is None:
            year = cal.nearest_year_for_month_day(
                month, day, context.reference, _slack_days(params, clause_tense(context))
            )
    try:
        dt.date(year if year is not None else 2000, month, day)
    except ValueError:
        return None
    date = PartialDate(year=year, month=month, day=day, grain=Granularity.day)
    if params.get("week_of") and year is not None:  # "the week of March 6"
        date = cal.week_date(dt.date(year, month, day))
    return _dated(date, anchor, mod=_mod(groups, params))


#: How many days from the last explicit date of an earlier year a day without a year may lie
#: and take that year ("on May 29, 2020, after the death of George Floyd on May 25").
EARLIER_STORY_DAYS = 62


def _year_of_earlier_story(month: int, day: int, context: Context) -> int | None:
    """The year of the last explicit date when it is a day of an earlier year than the
    reference's and the day without a year lies within two months of it, else None."""
    previous = context.previous
    reference = context.reference
    if previous is None or reference is None or previous.year is None:
        return None
    if previous.day is None or previous.month is None or previous.year >= reference.year:
        return None
    try:
        before = dt.date(previous.year, previous.month, previous.day)
        candidate = dt.date(previous.year, month, day)
    except ValueError:
        return None
    return previous.year if abs((candidate - before).days) <= EARLIER_STORY_DAYS else None


def _slack_days(params: Mapping[str, Any], tense: str | None) -> int:
    """How far after the reference a day written without a year may lie and keep the
    reference year: far in a future clause, little in a past one, some when no cue says."""
    if tense == "future":
        return 330
    if tense == "past":
        return int(params.get("slack_days", 31))
    return int(params.get("slack_days_untensed", params.get("slack_days", 31)))


def day_range(groups: Groups, params: Mapping[str, Any], context: Context) -> Resolution | None:
    """Days of one month written as a range ("Jan. 5-7, 2021"): the first day's value, with
    bounds reaching the last day."""
    first = calendar_date(groups, params, context)
    if first is None or first.date is None:
        return None
    last = _day_of_month(groups["day_end"])
    if first.date.day is None or last <= first.date.day:
        return None
    if first.date.year is None:
        return first
    try:
        last_day = dt.date(first.date.year, first.date.month or 1, last)
    except ValueError:
        return None
    return Resolution(
        value=first.value, date=first.date, mod=first.mod, anchor=first.anchor, last_day=last_day
    )


def _year_matching_weekday(month: int, day: int, weekday: int, context: Context) -> int | None:
    """The year near the reference in which month-day falls on the written weekday."""
    assert context.reference
    for year in (context.reference.year, context.reference.year - 1, context.reference.year + 1):
        try:
            if dt.date(year, month, day).isoweekday() == weekday:
                return year
        except ValueError:
            return None
    return None


def month_of_year(groups: Groups, params: Mapping[str, Any], context: Context) -> Resolution:
    """A month with its year ("December 2018")."""
    date = cal.month_date(_year(groups), _month(groups) or 1)
    return _dated(date, "none", mod=_mod(groups, params))


def month_of_previous_year(
    groups: Groups, params: Mapping[str, Any], context: Context
) -> Resolution | None:
    """A month in the year last written ("in June of that year", "May of the same year")."""
    month = _month(groups)
    if month is None:
        return None
    previous = context.previous
    if previous is not None and previous.year is not None:
        return _dated(cal.month_date(previous.year, month), "previous", mod=_mod(groups, params))
    if context.reference is None:
        return _dated(cal.month_date(None, month), "none", mod=_mod(groups, params))
    return _dated(
        cal.month_date(context.reference.year, month), "document", mod=_mod(groups, params)
    )


def month_name(groups: Groups, params: Mapping[str, Any], context: Context) -> Resolution | None:
    """A month without a year ("in February", "last July", "late November")."""
    month = _month(groups)
    if month is None:
        return None
    mod = _mod(groups, params)
    if context.reference is None:
        return _dated(cal.month_date(None, month), "none", mod=mod)
    ref = context.reference
    shift = groups.get("shift")
    step = lookup("relative_shift", shift) if shift else None
    if "year_shift" in groups:
        year = ref.year + lookup("relative_shift", groups["year_shift"])
    elif step == 0:
        year = ref.year
    elif step is not None:
        year = cal.nearest_year_for_month(month, ref, step)
        if step < 0 and month == ref.month:
            year -= 1
        if step > 0 and month == ref.month:
            year += 1
    else:
        tense = clause_tense(context)
        ahead = (month - ref.month) % 12 <= int(params.get("months_ahead", 1))
        future = tense == "future" or (tense is None and ahead and month != ref.month)
        year = cal.nearest_year_for_month(month, ref, 1 if future else -1)
    return _dated(cal.month_date(year, month), "document", mod=mod)


def year_number(groups: Groups, params: Mapping[str, Any], context: Context) -> Resolution:
    """A year written as digits ("1989", "fiscal 1990", "'98"); in a report on a numbered
    quarter, "the 1988 period" is that quarter of 1988."""
    year = _year(groups)
    reported = context.previous_quarter if "report_period" in groups else None
    if reported is not None and reported.quarter is not None:
        date = PartialDate(year=year, quarter=reported.quarter, grain=Granularity.quarter)
        return _dated(date, "previous", mod=_mod(groups, params))
    return _dated(cal.year_date(year), "none", mod=_mod(groups, params))


def year_span(groups: Groups, params: Mapping[str, Any], context: Context) -> Resolution | None:
    """Two consecutive years written as one ("the 2012-13 season", "the 2020/21 budget"):
    valued as the first year, covering both; None unless the second year follows the first."""
    first = int(groups["year"])
    second = first - first % 100 + int(groups["end_year"])
    if second < first:
        second += 100  # "1999-00"
    if second != first + 1:
        return None
    date = cal.year_date(first)
    return _dated(date, "none", mod=_mod(groups, params), last_day=dt.date(second, 12, 31))


def decade(groups: Groups, params: Mapping[str, Any], context: Context) -> Resolution | None:
    """A decade ("the 1990s", "the '80s", "the nineties"); its first or last half ("the last
    half of the '80s") is the decade with the mod START or END."""
    if "decade_digits" in groups:
        digits = groups["decade_digits"].strip("'’")
        if len(digits) == 4:
            number = int(digits) // 10
        else:
            century = 19 if int(digits) > 20 else 20
            number = century * 10 + int(digits) // 10
    elif "decade_word" in groups:
        number = 190 + lookup("decade_word", groups["decade_word"])
    else:
        return None
    date = PartialDate(decade=number, grain=Granularity.decade)
    mod = lookup("half_mod", groups["half"]) if "half" in groups else _mod(groups, params)
    if mod is not None or "decade_word" in groups:
        # TimeBank writes "the late 1970s", "the nineties" as the TIMEX3 decade "197", "199";
        # a plain "1990s" mostly as "199X".
        return Resolution(value=f"{number:03d}", date=date, mod=mod, anchor="none")
    return _dated(date, "none", mod=mod)


def century(groups: Groups, params: Mapping[str, Any], context: Context) -> Resolution | None:
    """A century written as an ordinal ("the 20th century" -> 19, the years 1900-1999)."""
    number = int(groups["century_number"])
    if number < 1:
        return None
    date = PartialDate(century=number - 1, grain=Granularity.century)
    return _dated(date, "none", mod=_mod(groups, params))


def season(groups: Groups, params: Mapping[str, Any], context: Context) -> Resolution:
    """A season, absolute ("summer 2019") or relative ("this spring", "last fall")."""
    name = lookup("season", groups["season"])
    year = _year(groups)
    anchor = "none"
    if year is None and context.reference:
        anchor = "document"
        current_year, current = cal.season_of(context.reference)
        shift = groups.get("shift")
        step = lookup("relative_shift", shift) if shift else (1 if is_future(context) else -1)
        year = current_year if name != "WI" or current == "WI" else context.reference.year
        if step == 0:
            year = current_year if current == name else context.reference.year
        else:
            order = ("SP", "SU", "FA", "WI")
            distance = (order.index(name) - order.index(current)) % 4
            steps = distance if step > 0 else distance - 4
            if step > 0 and distance == 0:
                steps = 4
            if step < 0 and distance == 0:
                steps = -4 if shift else 0
            year, _ = cal.shift_season(current_year, current, steps)
    date = PartialDate(year=year, season=name, grain=Granularity.season)
    return _dated(date, anchor, mod=_mod(groups, params))


def quarter(groups: Groups, params: Mapping[str, Any], context: Context) -> Resolution | None:
    """A quarter or half ("the third quarter", "third-quarter", "the first half of 1998")."""
    unit = params.get("unit", "quarter")
    year = _year(groups)
    anchor = "none"
    if "ordinal" in groups:
        last = table_key(groups["ordinal"]) in ("last", "final")  # "the last half of 1989"
        number = -1 if last else lookup("ordinal", groups["ordinal"])
        if number < 0:
            number = 4 if unit == "quarter" else 2
    else:
        number = None
    if number is not None and number > (4 if unit == "quarter" else 2):
        return None
    ref = context.reference
    if number is None:
        if ref is None:
            return Resolution(value="XXXX-QX" if unit == "quarter" else "XXXX-HX")
        if "end_month" in groups and unit == "quarter" and params.get("named_by_month"):
            end_month = lookup("month", groups["end_month"])
            return _quarter_ending_in(end_month, ref, year, _mod(groups, params))
        if "end_month" in groups and unit == "quarter":
            return _quarter_ended(lookup("month", groups["end_month"]), ref, _mod(groups, params))
        step = int(params.get("step", -1))
        date = cal.unit_containing(ref, unit, step)
        written = context.previous_quarter if unit == "quarter" else None
        if "latest" in groups and written is not None and _order(written) < _order(date):
            written = None  # "the latest quarter": the last one complete, or a later one reported
        if written is not None and written.year is not None and written.year >= ref.year - 1:
            return _dated(written, "previous", mod=_mod(groups, params))  # "the quarter"
        return _dated(date, "document", mod=_mod(groups, params))
    if year is None and ref is not None:
        anchor = "document"
        year = ref.year
        months = 3 if unit == "quarter" else 6
        start = dt.date(year, (number - 1) * months + 1, 1)
        if "year_shift" in groups:  # "the second half of last year": the shift says the year
            year += lookup("relative_shift", groups["year_shift"])
        elif (start - ref).days > int(params.get("slack_days", 100)) and not is_future(context):
            year -= 1  # "fourth-quarter profit", reported in February; not "expected in the"
    if unit == "quarter":
        date = PartialDate(year=year, quarter=number, grain=Granularity.quarter)
    else:
        date = PartialDate(year=year, half=number, grain=Granularity.half)
    return _dated(date, anchor, mod=_mod(groups, params))


def _quarter_ending_in(
    end_month: int, reference: dt.date, year: int | None, mod: str | None
) -> Resolution:
    """A quarter named by the month it ends in ("the December quarter": October-December), as
    the calendar quarter holding most of its months; ending in `year` when one is written,
    else the latest such quarter begun by the reference ("the March quarter", said in March,
    is the current one)."""
    start_month = (end_month - 3) % 12 + 1
    end_year = year if year is not None else reference.year
    if year is None:
        start_year = end_year if start_month <= end_month else end_year - 1
        if dt.date(start_year, start_month, 1) > reference:
            end_year -= 1
    middle = end_month - 1 or 12
    middle_year = end_year if middle < end_month else end_year - 1
    date = PartialDate(year=middle_year, quarter=(middle - 1) // 3 + 1, grain=Granularity.quarter)
    return _dated(date, "document" if year is None else "none", mod=mod)


def _quarter_ended(end_month: int, reference: dt.date, mod: str | None) -> Resolution:
    """The quarter that ended in `end_month` (a fiscal one: "the quarter ended July 31"), as the
    calendar quarter holding most of its months (May-July: the second), in the last year
    where that month is not after the reference."""
    middle = end_month - 1 or 12
    year = reference.year - (1 if end_month > reference.month or middle == 12 else 0)
    date = PartialDate(year=year, quarter=(middle - 1) // 3 + 1, grain=Granularity.quarter)
    return _dated(date, "document", mod=mod)


def _order(date: PartialDate) -> tuple[int, int]:
    """A quarter's place in time, for comparing two quarters."""
    return (date.year or 0, date.quarter or 0)


def weekday(groups: Groups, params: Mapping[str, Any], context: Context) -> Resolution:
    """A weekday ("Monday": past by default, future when "will" governs; "next Friday")."""
    number = lookup("weekday", groups["weekday"])
    part = lookup("day_part", groups["day_part"]) if "day_part" in groups else None
    mod = _mod(groups, params)
    kind = TimexType.DATE if part else None
    if context.reference is None:
        value = f"XXXX-WXX-{number}" + (f"T{part}" if part else "")
        return Resolution(value=value, type=kind, mod=mod, granularity=Granularity.day)
    shift = groups.get("shift")
    step = lookup("relative_shift", shift) if shift else None
    ref = context.reference
    if step is None or step == 0:
        future = is_future(context) and not _is_possessive(context)
        day = cal.weekday_near(ref, number, 1 if future else -1)
    elif step < 0:
        day = cal.weekday_near(ref - dt.timedelta(days=1), number, -1)
    else:
        day = cal.weekday_near(ref + dt.timedelta(days=1), number, 1)
    date = cal.day_date(day)
    return _with_part(date, part, "document", mod, TimexType.DATE)


def weekday_from_previous(
    groups: Groups, params: Mapping[str, Any], context: Context
) -> Resolution:
    """A weekday before or after the last explicit date ("the previous Friday"), else the
    reference."""
    number = lookup("weekday", groups["weekday"])
    step = lookup("relative_shift", groups["shift"])
    base, anchor = _anaphor_base(context)
    if base is None:
        return Resolution(value=f"XXXX-WXX-{number}", granularity=Granularity.day)
    if step < 0:
        day = cal.weekday_near(base - dt.timedelta(days=1), number, -1)
    else:
        day = cal.weekday_near(base + dt.timedelta(days=1), number, 1)
    return _dated(cal.day_date(day), anchor)


def _with_part(
    date: PartialDate,
    part: str | None,
    anchor: str,
    mod: str | None,
    kind: TimexType = TimexType.TIME,
) -> Resolution:
    """A day, or a part of it ("Friday night" -> ...TNI) when one is written."""
    if part is None:
        return _dated(date, anchor, mod=mod)
    return Resolution(
        value=f"{date.timex_value()}T{part}",
        date=date,
        type=kind,
        mod=mod,
        granularity=Granularity.time,
        anchor=anchor,
    )


def day_word(groups: Groups, params: Mapping[str, Any], context: Context) -> Resolution:
    """Yesterday, today, tomorrow (optionally with a part of the day: "yesterday morning")."""
    offset = int(params["offset"]) if "offset" in params else lookup("day_word", groups["day"])
    part = lookup("day_part", groups["day_part"]) if "day_part" in groups else params.get("part")
    mod = _mod(groups, params)
    if context.reference is None:
        value = "XXXX-XX-XX" + (f"T{part}" if part else "")
        kind = TimexType.TIME if part else None
        return Resolution(value=value, type=kind, mod=mod, granularity=Granularity.day)
    date = cal.day_date(context.reference + dt.timedelta(days=offset))
    return _with_part(date, part, "document", mod)


def relative_unit(groups: Groups, params: Mapping[str, Any], context: Context) -> Resolution:
    """A calendar unit relative to the reference ("last week", "this year", "next month")."""
    unit = lookup("calendar_unit", groups["unit"]) if "unit" in groups else params["unit"]
    step = lookup("relative_shift", groups["shift"]) if "shift" in groups else params["step"]
    mod = _mod(groups, params)
    if unit in ("SP", "SU", "FA", "WI"):
        season_groups = {"season": groups["unit"]}
        if "shift" in groups:
            season_groups["shift"] = groups["shift"]
        return season(season_groups, params, context)
    if context.reference is None:
        value = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX"}.get(unit, "XXXX")
        return Resolution(value=value, mod=mod)
    if unit == "weekend":
        return _weekend(context, step, mod)
    if unit == "year" and step == -1 and is_compared_amount(context):
        quarter = _same_period_earlier(_reported_quarter(context), "Y", 1)
        if quarter is not None:  # "up from $3 million last year" in a quarter's report
            return _dated(quarter, "previous", mod=mod)
    date = cal.unit_containing(context.reference, unit, step)
    return _dated(date, "document", mod=mod)


_AMOUNT_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|cents?|pence|from|with|than))\s+$", re.IGNORECASE
)
_AMOUNT_AFTER = re.compile(r"['’]s\s+(?:[A-Z]{0,2}[$#£€]|\d)")


def is_compared_amount(context: Context) -> bool:
    """Whether the match is the date of an amount compared with ("up from $3 million last
    year", "compared with last year's $1.55 billion")."""
    before = context.text[max(0, context.start - 12) : context.start]
    return bool(_AMOUNT_BEFORE.search(before) or _AMOUNT_AFTER.match(context.text, context.end))


def _weekend(context: Context, step: int, mod: str | None) -> Resolution:
    """The weekend meant: the last one (past tense, "last weekend") or the next one."""
    assert context.reference
    if step > 0 or (step == 0 and is_future(context)):
        saturday = cal.weekday_near(context.reference + dt.timedelta(days=1), 6, 1)
    else:
        saturday = cal.weekday_near(context.reference, 6, -1)
    week = cal.week_date(saturday)
    return Resolution(value=f"{week.timex_value()}-WE", date=week, mod=mod, anchor="document")


def _shifted(base: dt.date, unit: str, amount: float) -> PartialDate | None:
    """`base` moved by `amount` units, at the grain the unit suggests."""
    whole = int(amount)
    if unit in ("S", "H") or whole != amount:
        return None
    if unit == "D":
        return cal.day_date(base + dt.timedelta(days=whole))
    if unit in ("W", "WE"):
        return cal.day_date(base + dt.timedelta(weeks=whole))
    if unit == "2W":
        return cal.day_date(base + dt.timedelta(weeks=2 * whole))
    if unit == "M":
        moved = cal.add_months(base, whole)
        return cal.month_date(moved.year, moved.month)
    if unit == "Q":
        return cal.unit_containing(base, "quarter", whole)
    if unit == "Y":
        return cal.year_date(base.year + whole)
    if unit == "DE":
        return cal.year_date(base.year + 10 * whole)
    if unit == "CE":
        return cal.year_date(base.year + 100 * whole)
    return None


def ago(groups: Groups, params: Mapping[str, Any], context: Context) -> Resolution | None:
    """A point some time before the reference ("two years ago", "a week ago"), or after it
    with the rule's `sign` 1 ("two months from now")."""
    amount = _count(groups, params)
    unit_word = groups.get("unit", params.get("unit_word", "year"))
    unit = lookup("unit", unit_word)
    mod = _mod(groups, params)
    sign = int(params.get("sign", -1))
    if amount == "X":
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Resolution(value=value, mod=mod, anchor=_anchor(context.reference))
    if amount is None or context.reference is None:
        return Resolution(value="XXXX", mod=mod) if amount is not None else None
    if unit_word.lower().startswith(("sec", "min", "hour")):
        return _dated(cal.day_date(context.reference), "document", mod=mod)
    earlier = _same_period_earlier(_reported_quarter(context), unit, float(amount))
    date = (earlier if sign < 0 else None) or _shifted(
        context.reference, unit, sign * float(amount)
    )
    if date is None:
        return None
    if mod == "LESS_THAN" and sign < 0:  # "less than two weeks ago": from then to the reference
        return _dated(date, "document", mod=mod, last_day=context.reference)
    return _dated(date, "document", mod=mod)


def offset_from_previous(
    groups: Groups, params: Mapping[str, Any], context: Context
) -> Resolution | None:
    """A point some time after or before the last explicit date ("a week later")."""
    amount = _count(groups, params)
    unit = lookup("unit", groups["unit"])
    sign = int(params.get("sign", 1))
    if "direction" in groups:
        sign = -1 if groups["direction"].lower() in ("earlier", "before", "previously") else 1
    mod = _mod(groups, params)
    base, anchor = _anaphor_base(context)
    if base is None or amount in (None, "X"):
        return Resolution(value="XXXX-XX-XX", mod=mod, anchor=anchor)
    if unit in ("S", "M", "H") and groups["unit"].lower().startswith(("sec", "min", "hour")):
        return _dated(cal.day_date(base), anchor, mod=mod)
    date = None
    if sign < 0:
        date = _same_period_earlier(_reported_quarter(context), unit, float(amount))
    date = date or _shifted(base, unit, sign * float(amount))
    if date is None:
        return None
    return _dated(date, anchor, mod=mod)


def _reported_quarter(context: Context) -> PartialDate | None:
    """The quarter a report's "a year earlier" compares with: the last numbered quarter, unless
    the sentence speaks of a longer period ("in the first nine months, ... a year earlier" is
    the year before)."""
    quarter = context.previous_quarter
    if quarter is not None and longer_period_pattern().search(_sentence_before(context, 40)):
        return None
    return quarter


@lru_cache(maxsize=1)
def longer_period_pattern() -> re.Pattern[str]:
    """Phrases of a report period longer than a quarter (lexicon `longer_periods`)."""
    return _words_pattern(load_lexicon().longer_periods)


def _same_period_earlier(
    previous: PartialDate | None, unit: str, amount: float
) -> PartialDate | None:
    """After a quarter ("the third quarter ... a year earlier"), the same quarter years before:
    earnings reports compare a quarter with the same quarter a year before."""
    if previous is None or unit != "Y" or previous.grain is not Granularity.quarter:
        return None
    if previous.year is None or amount != int(amount):
        return None
    return PartialDate(
        year=previous.year - int(amount), quarter=previous.quarter, grain=previous.grain
    )


@lru_cache(maxsize=1)
def comparison_before_pattern() -> re.Pattern[str]:
    """A comparison word ending the text before a quarter, with an article and one adjective
    at most between ("than the", "after a flat")."""
    words = [
        ([re.escape(char) for char in word.lower()], "") for word in load_lexicon().comparison_words
    ]
    if not words:
        return re.compile(r"(?!)")
    return re.compile(
        rf"(?<![\w.])(?:{trie_regex(words)})\s+(?:(?:a|an|the|its|their)\s+)?(?:[a-z]+\s+)?$",
        re.IGNORECASE,
    )


def is_compared(text: str, start: int) -> bool:
    """Whether the expression starting at `start` follows a comparison word ("after a flat
    second quarter"): a point of comparison, not what the text reports on."""
    return comparison_before_pattern().search(text, max(0, start - 30), start) is not None


def is_reported_quarter(date: PartialDate | None, reference: dt.date | None) -> bool:
    """Whether `date` is a quarter a report can give results for: one that has ended by the
    reference ("losses through the fourth quarter" is an outlook, not the report's)."""
    if date is None or date.grain is not Granularity.quarter or not date.year:
        return False
    found = cal.bounds(date)
    return reference is None or not found or found[1] < reference


def year_ago_quarter(
    groups: Groups, params: Mapping[str, Any], context: Context
) -> Resolution | None:
    """The same quarter a year before ("the year-ago quarter", "the year-earlier period"): the
    quarter last written (else the last numbered one, also past a quarter only compared with:
    "after a flat second quarter"), else the written ordinal, else the last complete quarter,
    minus a year."""
    previous = context.previous
    reported = is_reported_quarter(previous, context.reference)
    report = context.previous_quarter
    if reported and report is not None and previous != report and "ordinal" not in groups:
        reported = False  # "after a flat second quarter ... the year-earlier period"
    if not reported and "ordinal" not in groups:
        previous = context.previous_quarter  # the report's quarter, past an outlook's
        reported = previous is not None and previous.year is not None
    if reported:
        assert previous is not None and previous.year is not None
        date = PartialDate(year=previous.year - 1, quarter=previous.quarter, grain=previous.grain)
        return _dated(date, "previous")
    if context.reference is None:
        return Resolution(value="XXXX-QX")
    if "ordinal" in groups:
        number = lookup("ordinal", groups["ordinal"])
        year = context.reference.year - 1
        if (dt.date(year + 1, 3 * number - 2, 1) - context.reference).days > 100:
            year -= 1
        date = PartialDate(year=year, quarter=number, grain=Granularity.quarter)
    else:
        date = cal.unit_containing(context.reference, "quarter", -5)
    return _dated(date, "document")


def _anaphor_base(context: Context) -> tuple[dt.date | None, str]:
    """The day anaphoric expressions count from: the last explicit date, else the reference."""
    if context.previous is not None:
        found = cal.bounds(context.previous)
        if found:
            return found[0], "previous"
    return context.reference, _anchor(context.reference)


def anaphoric_unit(
    groups: Groups, params: Mapping[str, Any], context: Context
) -> Resolution | None:
    """A unit relative to the last explicit date ("the following day", "that month")."""
    unit = lookup("calendar_unit", groups["unit"]) if "unit" in groups else params["unit"]
    step = int(params.get("step", 0))
    if "shift" in groups:
        step = lookup("relative_shift", groups["shift"])
    base, anchor = _anaphor_base(context)
    mod = _mod(groups, params)
    if base is None:
        return Resolution(value="XXXX-XX-XX" if unit == "day" else "XXXX", mod=mod)
    if context.previous is not None:
        previous_grain = context.previous.grain
        finer = ("day", "week", "month", "quarter", "season", "half", "year", "decade")
        coarser_previous = (
            unit in finer
            and previous_grain.value in finer
            and finer.index(previous_grain.value) > finer.index(unit)
        )
        if coarser_previous and unit in ("day", "week", "month"):
            unknown = PartialDate(year=context.previous.year, grain=Granularity(unit))
            return Resolution(value=unknown.timex_value(), mod=mod, anchor="previous")
    return _dated(cal.unit_containing(base, unit, step), anchor, mod=mod)


def around_previous(
    groups: Groups, params: Mapping[str, Any], context: Context
) -> Resolution | None:
    """A vague stretch around the last explicit date ("the weeks before the shooting"): that
    date's month (its year for "months")."""
    base, anchor = _anaphor_base(context)
    if base is None:
        return Resolution(value="XXXX-XX", anchor=anchor)
    unit = "year" if groups["unit"].lower() == "months" else "month"
    return _dated(cal.unit_containing(base, unit), anchor, mod="APPROX")


def duration(groups: Groups, params: Mapping[str, Any], context: Context) -> Resolution | None:
    """An amount of time ("three years", "the past 10 days", "a five-year plan", "hours")."""
    amount = _count(groups, params)
    if amount is None:
        return None
    if params.get("plus_half") and amount != "X":  # "two and a half years", "a year and a half"
        amount = float(amount) + 0.5
    unit = lookup("unit", groups["unit"]) if "unit" in groups else params["unit_code"]
    word = groups.get("unit", "").lower()
    time_unit = word.startswith(("sec", "min", "hour"))
    number = amount if amount == "X" else _fmt(float(amount))
    if unit == "DE":
        number = number if number == "X" else _fmt(float(amount) * 10)
        unit = "Y"
    elif unit == "CE":
        number = number if number == "X" else _fmt(float(amount) * 100)
        unit = "Y"
    elif unit == "2W":
        number = number if number == "X" else _fmt(float(amount) * 2)
        unit = "W"
    elif unit == "WE":
        number = number if number == "X" else _fmt(float(amount) * 2)
        unit = "D"
    return Resolution(value=duration_value(number, unit, time_unit), mod=_mod(groups, params))


def duration_value(number: str, unit: str, time_unit: bool) -> str:
    """The TIMEX3 duration: P3Y, PT24H, PXD; a fraction goes to the smaller unit (P2Y6M)."""
    prefix = "PT" if time_unit else "P"
    whole, _, fraction = number.partition(".")
    key = "T" + unit if time_unit and unit == "M" else unit
    smaller = load_lexicon().duration_fractions.get(key)
    if not fraction or smaller is None:
        return f"{prefix}{number}{unit}"
    smaller_unit, per_unit = smaller
    rest = _fmt(float("0." + fraction) * per_unit)
    whole_part = f"{whole}{unit}" if whole != "0" else ""
    if time_unit:
        return f"PT{whole_part}{rest}{smaller_unit}"
    if smaller_unit == "H":
        return f"P{whole_part}T{rest}H"
    return f"P{whole_part}{rest}{smaller_unit}"


def reference_word(groups: Groups, params: Mapping[str, Any], context: Context) -> Resolution:
    """A vague reference to the present, past or future ("now", "recently", "the future")."""
    value = params.get("value") or lookup("ref_word", groups["ref"])
    return Resolution(value=value, anchor=_anchor(context.reference))


def set_value(groups: Groups, params: Mapping[str, Any], context: Context) -> Resolution | None:
    """A recurring time ("daily", "every week", "each July", "every summer", "on Mondays")."""
    if "adverb" in groups:
        return Resolution(value=lookup("set_adverb", groups["adverb"]))
    if "weekday" in groups:
        word = groups["weekday"]
        number = lookup("weekday_plural" if word.lower().endswith("s") else "weekday", word)
        return Resolution(value=f"XXXX-WXX-{number}")
    if "month" in groups:
        return Resolution(value=f"XXXX-{_month(groups):02d}")
    if "season" in groups:
        return Resolution(value=f"XXXX-{lookup('season', groups['season'])}")
    unit = lookup("unit", groups["unit"])
    step = lookup("set_quantifier", groups["quantifier"]) if "quantifier" in groups else 1
    if "count" in groups:  # "every six weeks"
        count = parse_number(groups["count"])
        if count is None or count != int(count):
            return None
        step = int(count)
    time_unit = groups["unit"].lower().startswith(("sec", "min", "hour"))
    if unit in ("DE", "CE", "2W", "WE"):
        return None
    return Resolution(value=f"PT{step}{unit}" if time_unit else f"P{step}{unit}")


def clock_time(groups: Groups, params: Mapping[str, Any], context: Context) -> Resolution | None:
    """A time of day ("10:30 a.m.", "3 p.m. Monday", "noon"), on a day if one is written."""
    if "named" in groups:
        hour_minute = lookup("named_time", groups["named"])
        hour, minute = (int(x) for x in hour_minute.split(":"))
    else:
        hour = _hour(groups["hour"])
        minute = int(groups.get("minute", "0"))
        ampm = _DAY_PART_HALF.get(groups.get("ampm", "").lower(), groups.get("ampm", "").lower())
        if hour > 24 or minute > 59 or (ampm and not 1 <= hour <= 12):
            return None
        if ampm.startswith("p") and hour < 12:
            hour += 12
        if ampm.startswith("a") and hour == 12:
            hour = 0
    clock = f"T{hour:02d}:{minute:02d}"
    date, anchor = _time_day(groups, context)
    day_value = date.timex_value() if date else "XXXX-XX-XX"
    return Resolution(
        value=day_value + clock,
        date=date,
        type=TimexType.TIME,
        mod=_mod(groups, params),
        granularity=Granularity.time,
        anchor=anchor,
    )


_DAY_PART_HALF = {"morning": "am", "afternoon": "pm", "evening": "pm"}
"""A part of the day written instead of a.m./p.m. ("4 in the morning")."""


def _hour(word: str) -> int:
    """An hour written in digits or as a word ("4", "four")."""
    number = parse_number(word)
    return int(number) if number is not None else 99


def _time_day(groups: Groups, context: Context) -> tuple[PartialDate | None, str]:
    """The day a clock time is on: a written date, weekday or day word; else the last explicit
    day in the text (a narrative's "at 10 p.m."); else the reference day."""
    if ("month" in groups or "month_num" in groups) and "day" in groups:
        found_date = calendar_date(groups, {}, context)
        if found_date is not None:
            return found_date.date, found_date.anchor
    if "weekday" in groups:
        found = weekday({"weekday": groups["weekday"]}, {}, context)
        return found.date, found.anchor
    if "dayword" in groups:
        offset = lookup("day_word", groups["dayword"])
        if context.reference:
            return cal.day_date(context.reference + dt.timedelta(days=offset)), "document"
        return None, "none"
    previous = context.previous
    if previous is not None and previous.grain is Granularity.day:
        return previous, "previous"
    if context.reference:
        return cal.day_date(context.reference), "document"
    return None, "none"


def day_part_time(groups: Groups, params: Mapping[str, Any], context: Context) -> Resolution:
    """A part of the day written alone ("by mid-afternoon", "in the morning"): that part of
    the last explicit day in the text, else of the reference day."""
    part = lookup("day_part", groups["day_part"])
    date, anchor = _time_day(groups, context)
    if date is None:
        return Resolution(
            value=f"XXXX-XX-XXT{part}", type=TimexType.TIME, granularity=Granularity.time
        )
    return _with_part(date, part, anchor, None)


def holiday(groups: Groups, params: Mapping[str, Any], context: Context) -> Resolution:
    """A fixed-date holiday ("Christmas", "New Year's Eve 1999")."""
    month, day = (int(x) for x in lookup("holiday", groups["holiday"]).split("-"))
    year = _year(groups)
    anchor = "none"
    if year is None and context.reference:
        anchor = "document"
        year = cal.nearest_year_for_month_day(month, day, context.reference, 31)
    date = PartialDate(year=year, month=month, day=day, grain=Granularity.day)
    return _dated(date, anchor)


def _spelled_year(groups: Groups) -> int:
    """The year of the lexicon's `spelled_year` macro ("nineteen ninety-six", "two thousand")."""
    if "century_word" in groups:
        year = lookup("year_word_century", groups["century_word"]) * 100
        year += lookup("tens", groups["tens_word"])
    else:
        year = 2000
    if "unit_word" in groups:
        year += lookup("units_digit", groups["unit_word"])
    return year


def year_words(groups: Groups, params: Mapping[str, Any], context: Context) -> Resolution:
    """A year spelled out ("nineteen ninety-six", "two thousand and one")."""
    return _dated(cal.year_date(_spelled_year(groups)), "none")


def holiday_day(spec: str, year: int) -> dt.date:
    """The day of a floating holiday in a year, from its table value: ``month-weekday-n`` (the
    n-th ISO weekday of the month, n = -1 for the last one; ``+k`` adds k days), or ``easter``
    with an offset in days (``easter-2``: Good Friday)."""
    if spec.startswith("easter"):
        return easter(year) + dt.timedelta(days=int(spec[len("easter") :] or 0))
    base, _, extra = spec.partition("+")
    month_text, weekday_text, nth_text = base.split("-", 2)
    day = cal.nth_weekday(year, int(month_text), int(weekday_text), int(nth_text))
    return day + dt.timedelta(days=int(extra or 0))


def floating_holiday(groups: Groups, params: Mapping[str, Any], context: Context) -> Resolution:
    """A holiday whose day moves with the year ("Thanksgiving": the fourth Thursday of November;
    "Good Friday": two days before Easter), in the year written, else the nearest past one."""
    spec = lookup("floating_holiday", groups["holiday"])
    year = _year(groups)
    anchor = "none"
    if year is None and context.reference is None:
        month = "XX" if spec.startswith("easter") else f"{int(spec.split('-', 1)[0]):02d}"
        return Resolution(value=f"XXXX-{month}-XX", granularity=Granularity.day)
    if year is None:
        assert context.reference
        anchor = "document"
        year = context.reference.year
        if (holiday_day(spec, year) - context.reference).days > 31 and not is_future(context):
            year -= 1
    return _dated(cal.day_date(holiday_day(spec, year)), anchor)


def holiday_weekend(groups: Groups, params: Mapping[str, Any], context: Context) -> Resolution:
    """The weekend of a holiday ("the Fourth of July weekend", "Memorial Day weekend"): the
    Saturday and Sunday nearest the holiday (before a Monday holiday, after a Friday one)."""
    fixed = table_key(groups["holiday"]) in table_index()["holiday"]
    resolution = (holiday if fixed else floating_holiday)(groups, params, context)
    date = resolution.date
    if date is None or date.year is None or date.month is None or date.day is None:
        return Resolution(value="XXXX-WXX-WE", anchor=resolution.anchor)
    day = dt.date(date.year, date.month, date.day)
    saturday = day + dt.timedelta(days=NEAREST_SATURDAY[day.weekday()])
    week = cal.week_date(saturday)
    return Resolution(value=f"{week.timex_value()}-WE", date=week, anchor=resolution.anchor)


#: Days from each weekday (Monday 0) to the Saturday of its nearest weekend.
NEAREST_SATURDAY = {0: -2, 1: -3, 2: 3, 3: 2, 4: 1, 5: 0, 6: -1}


def weekday_of_month(
    groups: Groups, params: Mapping[str, Any], context: Context
) -> Resolution | None:
    """An ordinal weekday of a month ("the last Friday of April", "the second Tuesday in
    May 2013"): in the year written, else the nearest year as for a month-day."""
    month = _month(groups)
    weekday = lookup("weekday_full", groups["weekday"])
    ordinal = groups["ordinal"].lower()
    nth = -1 if ordinal == "last" else lookup("ordinal", ordinal)
    if month is None or not -1 <= nth <= 5 or nth == 0:
        return None
    year = _year(groups)
    anchor = "none"
    if year is None:
        if context.reference is None:
            return None
        anchor = "document"
        year = cal.nearest_year_for_month_day(
            month, 15, context.reference, _slack_days(params, clause_tense(context))
        )
    day = cal.nth_weekday(year, month, weekday, nth)
    if day.month != month:
        return None  # no fifth Monday that month
    return _dated(cal.day_date(day), anchor)


def fixed(groups: Groups, params: Mapping[str, Any], context: Context) -> Resolution:
    """A fixed value given by the rule row (e.g. "the weekend" as P2D)."""
    return Resolution(value=params["value"], mod=_mod(groups, params))


NORMALIZERS: dict[str, Normalizer] = {
    "calendar_date": calendar_date,
    "day_range": day_range,
    "month_of_year": month_of_year,
    "month_of_previous_year": month_of_previous_year,
    "month_name": month_name,
    "year_number": year_number,
    "year_span": year_span,
    "decade": decade,
    "season": season,
    "century": century,
    "quarter": quarter,
    "weekday": weekday,
    "weekday_from_previous": weekday_from_previous,
    "day_word": day_word,
    "relative_unit": relative_unit,
    "ago": ago,
    "offset_from_previous": offset_from_previous,
    "anaphoric_unit": anaphoric_unit,
    "duration": duration,
    "reference_word": reference_word,
    "set_value": set_value,
    "clock_time": clock_time,
    "holiday": holiday,
    "day_part_time": day_part_time,
    "year_ago_quarter": year_ago_quarter,
    "fixed": fixed,
    "year_words": year_words,
    "around_previous": around_previous,
    "floating_holiday": floating_holiday,
    "holiday_weekend": holiday_weekend,
    "weekday_of_month": weekday_of_month,
}
