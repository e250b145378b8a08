"""TimeML in and out: read a TempEval-3 `.tml` file, tag its text, write it back with our TIMEX3s.

A `.tml` file keeps its document date in the `CREATION_TIME` TIMEX3 and the article in `TEXT`.
The plain text is the content of `TEXT` with every tag removed and every character reference
decoded, character for character (line endings included), so offsets into it are the offsets
the gold annotation and the tagger agree on. Writing back replaces only the content of `TEXT`:
each stretch of text is copied from the original file in its original (escaped) form, with our
`<TIMEX3>` tags inserted between stretches, so everything else stays byte for byte.
"""

from __future__ import annotations

import bisect
import datetime as dt
import html
import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Sequence
from pathlib import Path

from timeline.ingest import InputError, decode_text
from timeline.models import Strict, TemporalExpression

Tagger = Callable[[str, "dt.date | None"], list[TemporalExpression]]

TEXT_ELEMENT_PATTERN = re.compile(r"<TEXT(?:\s[^>]*)?>(?P<content>.*?)</TEXT\s*>", re.DOTALL)
#: Markup inside TEXT: comments, CDATA sections (their content is text), and tags.
MARKUP_PATTERN = re.compile(
    r"<!--.*?-->|<!\[CDATA\[(?P<cdata>.*?)\]\]>|<(?P<closing>/?)(?P<name>[A-Za-z_][\w.:-]*)"
    r"(?P<attributes>[^>]*?)(?P<empty>/?)>",
    re.DOTALL,
)
ENTITY_PATTERN = re.compile(r"&(?:#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
ATTRIBUTE_PATTERN = re.compile(r"(?P<name>[\w.:-]+)\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)')")
TIMEX_TAG_PATTERN = re.compile(r"<TIMEX3\b(?P<attributes>[^>]*?)/?>")
TID_PATTERN = re.compile(r"\btid\s*=\s*[\"']t(?P<number>\d+)[\"']")
DCT_DATE_PATTERN = re.compile(r"\A(?P<date>\d{4}-\d{2}-\d{2})")

TIMEML_EXTENSION = ".tml"
OUTPUT_FORMATS = ("json", "timeml")


class TimexAnnotation(Strict):
    """A TIMEX3 inside TEXT: its span in the plain text and its attributes."""

    start: int
    end: int
    text: str
    tid: str | None = None
    type: str
    value: str
    mod: str | None = None


class TimemlDocument(Strict):
    """A parsed `.tml` file: its raw source, where TEXT sits in it, plain text, DCT, TIMEX3s."""

    path: str
    source: str
    content_start: int
    content_end: int
    text: str
    dct: dt.date | None
    dct_value: str | None
    timexes: list[TimexAnnotation]
    #: Where each stretch of the plain text starts in the plain text and in `source`, and
    #: whether it is a single decoded character (a character reference) or copied verbatim.
    stretch_plain_starts: list[int]
    stretch_source_starts: list[int]
    stretch_is_reference: list[bool]


def tag_attributes(attributes: str) -> dict[str, str]:
    """The attributes of a start tag, values decoded."""
    found: dict[str, str] = {}
    for match in ATTRIBUTE_PATTERN.finditer(attributes):
        raw = match.group("dq") if match.group("dq") is not None else match.group("sq")
        found[match.group("name")] = html.unescape(raw)
    return found


def decode_reference(reference: str) -> str:
    """The character an XML character or entity reference stands for."""
    body = reference[1:-1]
    if body.startswith("#x"):
        return chr(int(body[2:], 16))
    if body.startswith("#"):
        return chr(int(body[1:]))
    decoded = html.unescape(reference)
    if decoded == reference or len(decoded) != 1:
        raise ValueError(f"unknown entity {reference}")
    return decoded


def read_source(path: Path) -> str:
    """A file's characters, decoded as ingest decodes text, with line endings left as they are."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(str(path), f"cannot read: {error.strerror or error}") from None
    return decode_text(path, data)


def check_well_formed(path: Path, source: str) -> None:
    """Raise `InputError` unless `source` is well-formed XML."""
    try:
        ElementTree.fromstring(source.encode("utf-8"))
    except ElementTree.ParseError as error:
        raise InputError(str(path), f"not well-formed TimeML: {error}") from None


def dct_of(source: str) -> tuple[dt.date | None, str | None]:
    """The document creation time: the CREATION_TIME TIMEX3's value and the day it names."""
    for match in TIMEX_TAG_PATTERN.finditer(source):
        attributes = tag_attributes(match.group("attributes"))
        if attributes.get("functionInDocument") != "CREATION_TIME":
            continue
        value = attributes.get("value")
        date_match = DCT_DATE_PATTERN.match(value or "")
        if date_match is None:
            return None, value
        try:
            return dt.date.fromisoformat(date_match.group("date")), value
        except ValueError:
            return None, value
    return None, None


def parse_timeml(path: Path, source: str | None = None) -> TimemlDocument:
    """Parse a `.tml` file (or its already-read `source`) into a `TimemlDocument`."""
    if source is None:
        source = read_source(path)
    check_well_formed(path, source)
    element = TEXT_ELEMENT_PATTERN.search(source)
    if element is None:
        raise InputError(str(path), "no <TEXT> element")
    content_start, content_end = element.span("content")
    pieces: list[str] = []
    plain_starts: list[int] = []
    source_starts: list[int] = []
    is_reference: list[bool] = []
    plain_length = 0
    open_timexes: list[tuple[int, dict[str, str]]] = []
    closed: list[tuple[int, int, dict[str, str]]] = []

    def add_text(start: int, end: int) -> None:
        """Append source[start:end] (text with references) to the plain text."""
        nonlocal plain_length
        position = start
        for reference in ENTITY_PATTERN.finditer(source, start, end):
            add_verbatim(position, reference.start())
            try:
                character = decode_reference(reference.group())
            except ValueError as error:
                raise InputError(str(path), str(error)) from None
            pieces.append(character)
            plain_starts.append(plain_length)
            source_starts.append(reference.start())
            is_reference.append(True)
            plain_length += 1
            position = reference.end()
        add_verbatim(position, end)

    def add_verbatim(start: int, end: int) -> None:
        nonlocal plain_length
        if start >= end:
            return
        pieces.append(source[start:end])
        plain_starts.append(plain_length)
        source_starts.append(start)
        is_reference.append(False)
        plain_length += end - start

    position = content_start
    for markup in MARKUP_PATTERN.finditer(source, content_start, content_end):
        add_text(position, markup.start())
        position = markup.end()
        if markup.group("cdata") is not None:
            add_verbatim(markup.start("cdata"), markup.end("cdata"))
        elif markup.group("name") == "TIMEX3":
            if markup.group("closing"):
                if open_timexes:
                    begin, attributes = open_timexes.pop()
                    closed.append((begin, plain_length, attributes))
            elif not markup.group("empty"):
                open_timexes.append((plain_length, tag_attributes(markup.group("attributes"))))
    add_text(position, content_end)
    text = "".join(pieces)
    dct, dct_value = dct_of(source)
    timexes = [
        TimexAnnotation(
            start=begin,
            end=end,
            text=text[begin:end],
            tid=attributes.get("tid"),
            type=attributes.get("type", ""),
            value=attributes.get("value", ""),
            mod=attributes.get("mod"),
        )
        for begin, end, attributes in sorted(closed, key=lambda item: (item[0], item[1]))
    ]
    return TimemlDocument(
        path=str(path),
        source=source,
        content_start=content_start,
        content_end=content_end,
        text=text,
        dct=dct,
        dct_value=dct_value,
        timexes=timexes,
        stretch_plain_starts=plain_starts,
        stretch_source_starts=source_starts,
        stretch_is_reference=is_reference,
    )


def source_offset(document: TimemlDocument, plain_offset: int) -> int:
    """Where the character at `plain_offset` of the plain text starts in the source."""
    if plain_offset >= len(document.text):
        return document.content_end
    index = bisect.bisect_right(document.stretch_plain_starts, plain_offset) - 1
    start = document.stretch_source_starts[index]
    if document.stretch_is_reference[index]:
        return start
    return start + plain_offset - document.stretch_plain_starts[index]


def copy_text(document: TimemlDocument, plain_start: int, plain_end: int) -> str:
    """The plain text between two offsets, as written in the source but without any tag."""
    if plain_start >= plain_end:
        return ""
    first = bisect.bisect_right(document.stretch_plain_starts, plain_start) - 1
    parts: list[str] = []
    index = first
    while index < len(document.stretch_plain_starts):
        stretch_start = document.stretch_plain_starts[index]
        if stretch_start >= plain_end:
            break
        source_start = document.stretch_source_starts[index]
        if document.stretch_is_reference[index]:
            reference = ENTITY_PATTERN.match(document.source, source_start)
            assert reference is not None
            parts.append(reference.group())
        else:
            next_start = (
                document.stretch_plain_starts[index + 1]
                if index + 1 < len(document.stretch_plain_starts)
                else len(document.text)
            )
            low = max(plain_start, stretch_start) - stretch_start
            high = min(plain_end, next_start) - stretch_start
            parts.append(document.source[source_start + low : source_start + high])
        index += 1
    return "".join(parts)


def escape_text(text: str) -> str:
    """XML character data: &, < and > escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attribute(value: str) -> str:
    """An XML attribute value for double quotes."""
    return escape_text(value).replace('"', "&quot;")


def non_overlapping(expressions: Sequence[TemporalExpression]) -> list[TemporalExpression]:
    """Expressions that can be written as flat inline tags: earliest first, longest on ties."""
    ordered = sorted(expressions, key=lambda item: (item.start, -item.end))
    kept: list[TemporalExpression] = []
    for expression in ordered:
        if expression.end <= expression.start:
            continue
        if kept and expression.start < kept[-1].end:
            continue
        kept.append(expression)
    return kept


def timex_start_tag(expression: TemporalExpression, tid: str) -> str:
    """Our inline TIMEX3 start tag."""
    mod = f' mod="{escape_attribute(expression.mod)}"' if expression.mod else ""
    return (
        f'<TIMEX3 tid="{tid}" type="{expression.type.value}" '
        f'value="{escape_attribute(expression.value)}"{mod}>'
    )


def first_free_tid(source: str) -> int:
    """The first `tN` number above every tid already used anywhere in the file."""
    numbers = [int(match.group("number")) for match in TID_PATTERN.finditer(source)]
    return max(numbers, default=-1) + 1


def tagged_content(
    expressions: Sequence[TemporalExpression],
    text_length: int,
    copy: Callable[[int, int], str],
    first_tid: int,
) -> str:
    """TEXT content: stretches of text (via `copy`) with our TIMEX3 tags inserted."""
    parts: list[str] = []
    position = 0
    for number, expression in enumerate(non_overlapping(expressions), start=first_tid):
        parts.append(copy(position, expression.start))
        parts.append(timex_start_tag(expression, f"t{number}"))
        parts.append(copy(expression.start, expression.end))
        parts.append("</TIMEX3>")
        position = expression.end
    parts.append(copy(position, text_length))
    return "".join(parts)


def timeml_with_expressions(
    document: TimemlDocument, expressions: Sequence[TemporalExpression]
) -> str:
    """The original file with TEXT's tags replaced by ours; everything else byte for byte."""
    content = tagged_content(
        expressions,
        len(document.text),
        lambda start, end: copy_text(document, start, end),
        first_free_tid(document.source),
    )
    source = document.source
    return source[: document.content_start] + content + source[document.content_end :]


def document_id_for(path: Path) -> str:
    """A DOCID for a plain text file: its name without extension."""
    return path.stem


def timeml_for_plain_text(
    path: Path, text: str, dct: dt.date | None, expressions: Sequence[TemporalExpression]
) -> str:
    """A minimal TempEval-3 style TimeML document for a plain text and our expressions."""
    dct_element = ""
    if dct is not None:
        iso = dct.isoformat()
        dct_element = (
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{iso}" temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{iso}</TIMEX3></DCT>\n\n'
        )
    content = tagged_content(
        expressions, len(text), lambda start, end: escape_text(text[start:end]), 1
    )
    return (
        '<?xml version="1.0" ?>\n'
        '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
        f"<DOCID>{escape_text(document_id_for(path))}</DOCID>\n\n"
        f"{dct_element}"
        f"<TEXT>{content}</TEXT>\n\n"
        "</TimeML>\n"
    )


def json_for(path: Path, dct: dt.date | None, expressions: Sequence[TemporalExpression]) -> str:
    """One JSON object (one line) for a tagged file."""
    record = {
        "file": str(path),
        "dct": dct.isoformat() if dct is not None else None,
        "expressions": [expression.model_dump(mode="json") for expression in expressions],
    }
    return json.dumps(record, ensure_ascii=False) + "\n"


def default_tagger() -> Tagger:
    """The project's temporal tagger (imported late so tests can pass another)."""
    from timeline.temporal import tag

    return tag


def tag_file(path: Path, dct: dt.date | None, fmt: str, tagger: Tagger | None = None) -> str:
    """Tag a `.tml` file (its DCT unless `dct` is given) or a plain text file (with `dct`).

    `fmt` is ``json`` (one JSON object) or ``timeml`` (the TimeML with our TIMEX3 tags).
    """
    if fmt not in OUTPUT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {OUTPUT_FORMATS}")
    tag = tagger or default_tagger()
    source = read_source(path)
    if path.suffix.lower() == TIMEML_EXTENSION:
        document = parse_timeml(path, source)
        reference = dct if dct is not None else document.dct
        expressions = tag(document.text, reference)
        if fmt == "json":
            return json_for(path, reference, expressions)
        return timeml_with_expressions(document, expressions)
    expressions = tag(source, dct)
    if fmt == "json":
        return json_for(path, dct, expressions)
    return timeml_for_plain_text(path, source, dct, expressions)


_YEAR = r"(?:\d{4}|\d{3}X|\d{2}XX|XXXX)"
_MONTH = r"(?:0[1-9]|1[0-2]|XX)"
_DAY = r"(?:0[1-9]|[12]\d|3[01]|XX)"
_WEEK = r"(?:0[1-9]|[1-4]\d|5[0-3]|XX)"
_TIME_OF_DAY = (
    r"T(?:(?:[01]\d|2[0-4]|XX)(?::[0-5]\d(?::[0-5]\d(?:\.\d+)?)?)?|MO|MI|AF|EV|NI|DT)"
    r"(?:Z|[+-]\d{2}(?::?\d{2})?)?"
)
_DAY_DATE = rf"{_YEAR}-(?:{_MONTH}-{_DAY}|W{_WEEK}-(?:[1-7X]|WE))"
_CALENDAR = (
    rf"(?:{_DAY_DATE}(?:{_TIME_OF_DAY})?"
    rf"|{_YEAR}(?:-(?:{_MONTH}|W{_WEEK}|SP|SU|FA|WI|Q[1-4X]|H[12X]|T[1-3X]))?"
    r"|\d{2}|\d{3}|XX|XXX)"
)
_AMOUNT = r"(?:\d+(?:\.\d+)?|X+)"
_DURATION = (
    rf"P(?:(?:{_AMOUNT}(?:Y|M|W|D|Q|H|DE|CE|ML|L|E|C))+(?:T(?:{_AMOUNT}[HMS])+)?"
    rf"|T(?:{_AMOUNT}[HMS])+)"
)
#: The TIMEX3 value grammar (TimeML 1.2.1 as used in TempEval-3): calendar dates at any
#: precision with X for unknown digits, weeks, seasons, quarters, halves, times of day,
#: durations, and the three reference points.
TIMEX_VALUE_PATTERN = re.compile(rf"(?:{_CALENDAR}|{_DURATION}|PRESENT_REF|PAST_REF|FUTURE_REF)")


def is_timex_value(value: str) -> bool:
    """Whether `value` is a well-formed TIMEX3 value."""
    return TIMEX_VALUE_PATTERN.fullmatch(value) is not None
