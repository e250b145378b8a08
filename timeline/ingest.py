"""Ingest: paths become `Document`s with their text exactly as read and a publication date.

Finding inputs, reading them, and dating them are separate small functions. A bad input never
stops the run: it becomes a `SkippedInput` naming the file and the problem.

Readers by extension: ``.txt`` (the file is the article), ``.html``/``.htm`` (main text, title,
URL, site name and publication date through trafilatura/htmldate: the ``html`` extra),
``.jsonl``/``.ndjson`` (one article per line), ``.tml`` (TimeML: ``TEXT`` and ``DCT``). The path
``-`` reads one document from standard input (id ``stdin``; HTML, TimeML and JSON Lines are
recognised by their first bytes, anything else is plain text). Text in an unknown encoding is
decoded after detection by charset-normalizer, or rejected with the reason.
"""

from __future__ import annotations

import atexit
import calendar
import codecs
import csv
import datetime as dt
import io
import json
import re
import shutil
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from timeline.models import DateSource, Document, PublicationDate, SkippedInput
from timeline.settings import Settings

DATES_FILE_NAME = "publication_dates.json"
#: Files a folder may hold next to its articles that give their dates and metadata.
DATES_FILE_NAMES = frozenset({DATES_FILE_NAME, "publication_dates.csv"})

#: A dateline such as " date 2021-06-18 " at the very start of a text is metadata, not content.
DATELINE_PATTERN = re.compile(r"\A\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\b[ \t]*")

ISO_PARTIAL_PATTERN = re.compile(r"\A(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?\Z")
#: An ISO date or date-time as found in metadata: its date part is the publication date.
ISO_DATE_TIME_PATTERN = re.compile(
    r"\A(?P<date>\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
    r"(?:Z|[+-]\d{2}:?\d{2})?)?\Z"
)

STDIN_PATH = "-"
STDIN_ID = "stdin"
#: Prefix of the temporary folder that holds standard input while a run reads it.
STDIN_SPOOL_PREFIX = "timeline-stdin-"

#: When several single-byte encodings decode a file equally cleanly, prefer the common ones.
PREFERRED_ENCODINGS: tuple[str, ...] = (
    "utf_8",
    "cp1252",
    "latin_1",
    "iso8859_15",
    "cp1251",
    "cp1250",
    "gb18030",
    "cp932",
    "euc_kr",
    "big5",
)
#: Single-byte encodings always tried, as charset-normalizer may miss them on short texts.
LEGACY_ENCODINGS: tuple[str, ...] = ("cp1252", "latin_1", "iso8859_15", "cp1250", "cp1251")
#: Decodings this close (in percent) to the least chaotic one count as equally clean.
CHAOS_TOLERANCE = 0.5
#: Share of control characters above which decoded bytes are taken for binary data.
MAX_CONTROL_SHARE = 0.01
BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
HTML_EXTRA_HINT = (
    "HTML input needs trafilatura: install the 'html' extra (pip install 'timeline[html]')"
)


class InputError(Exception):
    """A user input that cannot be used; the message names the problem, `path` the input."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def normalize_published(value: str) -> str:
    """The ISO date (at its precision) of a metadata date or date-time; ValueError if none."""
    match = ISO_DATE_TIME_PATTERN.match(value.strip())
    if not match:
        raise ValueError(
            f"not an ISO date (YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time): {value!r}"
        )
    date = match["date"]
    publication_date_from_iso(date, DateSource.metadata)  # a real calendar date?
    return date


class DocumentMetadata(BaseModel):
    """What a dates/metadata file may say about one document."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    published: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None

    @field_validator("published")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        return normalize_published(value) if value else None


class RawDocument(BaseModel):
    """A document as read from its source, before its publication date is settled.

    A record that could not be read (a broken JSON Lines line) is a `RawDocument` with a
    `problem`: `to_document` reports it as skipped, so one bad line never loses its file.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    path: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_source: DateSource | None = None
    published_evidence: str | None = None
    problem: str | None = None


class JsonlArticle(BaseModel):
    """One line of a JSON Lines corpus.

    Fields other than these are ignored: exports from news databases carry many (authors,
    section, language...) and refusing them would refuse the whole corpus.
    """

    model_config = ConfigDict(extra="ignore", frozen=True)

    text: str
    id: str | int | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is empty")
        return value

    @field_validator("published")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        return normalize_published(value) if value else None


@dataclass
class IngestResult:
    """Documents read, and inputs skipped with their reasons."""

    documents: list[Document] = field(default_factory=list)
    skipped: list[SkippedInput] = field(default_factory=list)


Reader = Callable[[Path], list[RawDocument]]
#: A parser of one input's bytes: (bytes, path shown to the user, document id) -> documents.
Parser = Callable[[bytes, str, str], list[RawDocument]]


# ----------------------------------------------------------------------------- dates


def publication_date_from_iso(
    value: str, source: DateSource, confidence: float = 1.0, evidence: str | None = None
) -> PublicationDate:
    """A `PublicationDate` from an ISO date at any precision: 2021, 2021-01 or 2021-01-19."""
    match = ISO_PARTIAL_PATTERN.match(value.strip())
    if not match:
        raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    year = int(match["year"])
    if match["day"]:
        day = dt.date(year, int(match["month"]), int(match["day"]))
        earliest, latest = day, day
    elif match["month"]:
        month = int(match["month"])
        earliest = dt.date(year, month, 1)
        latest = dt.date(year, month, calendar.monthrange(year, month)[1])
    else:
        earliest, latest = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return PublicationDate(
        value=value.strip(),
        earliest=earliest,
        latest=latest,
        source=source,
        confidence=confidence,
        evidence=evidence,
    )


def unknown_publication_date(reason: str) -> PublicationDate:
    """The publication date of a document whose date could not be worked out."""
    return PublicationDate(value=None, source=DateSource.unknown, confidence=0.0, evidence=reason)


def split_dateline(text: str) -> tuple[str | None, int]:
    """The date of a leading `date YYYY-MM-DD` dateline and the offset where content starts."""
    match = DATELINE_PATTERN.match(text)
    if not match:
        return None, 0
    return match["date"], match.end()


# ----------------------------------------------------------------------------- decoding


def byte_order_mark_encoding(data: bytes) -> str | None:
    """The encoding a leading byte-order mark announces, if any."""
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return encoding
    return None


def control_share(text: str) -> float:
    """Share of control characters (other than tab, newlines, form feed) in `text`."""
    if not text:
        return 0.0
    controls = sum(
        1 for char in text if unicodedata.category(char) == "Cc" and char not in "\t\n\r\f\v"
    )
    return controls / len(text)


def detect_encoding(data: bytes) -> tuple[str, str] | None:
    """(encoding, text) of the cleanest decoding charset-normalizer finds, or None.

    charset-normalizer is asked twice: freely, and among the common legacy encodings (short
    texts otherwise drift to exotic code pages). Of the decodings with the least chaos, the
    one whose possible encodings include the most common (`PREFERRED_ENCODINGS`) wins.
    """
    from charset_normalizer import from_bytes

    matches = [*from_bytes(data), *from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS))]
    if not matches:
        return None
    least_chaos = min(match.percent_chaos for match in matches)
    candidates: list[tuple[int, int, str]] = []
    for position, match in enumerate(matches):
        if match.percent_chaos > least_chaos + CHAOS_TOLERANCE:
            continue
        for encoding in [match.encoding, *match.could_be_from_charset]:
            preference = (
                PREFERRED_ENCODINGS.index(encoding)
                if encoding in PREFERRED_ENCODINGS
                else len(PREFERRED_ENCODINGS)
            )
            candidates.append((preference, position, encoding))
    for _, _, encoding in sorted(candidates):
        try:
            return encoding, data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def decode_text(path: Path | str, data: bytes) -> str:
    """Decode file bytes as text: a byte-order mark, else UTF-8, else the detected encoding.

    Binary data and bytes that no encoding decodes cleanly are rejected with the reason.
    """
    if not data.strip():
        raise InputError(str(path), "empty file")
    announced = byte_order_mark_encoding(data)
    if announced is not None:
        try:
            return data.decode(announced)
        except UnicodeDecodeError:
            reason = f"starts with a {announced} byte-order mark but is not {announced}"
            raise InputError(str(path), reason) from None
    if b"\x00" in data[:8192]:
        raise InputError(str(path), "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    detected = detect_encoding(data)
    if detected is None:
        raise InputError(str(path), "not text: not UTF-8 and no known encoding decodes it cleanly")
    encoding, text = detected
    if control_share(text) > MAX_CONTROL_SHARE:
        raise InputError(
            str(path), f"not text: binary data (control characters even as {encoding})"
        )
    return text


# ----------------------------------------------------------------------------- parsers


def parse_plain_text(data: bytes, source: str, document_id: str) -> list[RawDocument]:
    """A plain-text article: the whole input is the text."""
    return [RawDocument(id=document_id, path=source, text=decode_text(source, data))]


def looks_binary(data: bytes) -> bool:
    """NUL bytes without a UTF-16/32 byte-order mark: not a text file."""
    return b"\x00" in data[:8192] and byte_order_mark_encoding(data) is None


def html_paragraphs(text: str, title: str | None) -> str:
    """Extracted page text as blank-line separated paragraphs, without a repeated headline."""
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    if title and lines and lines[0] == title.strip():
        lines = lines[1:]
    return "\n\n".join(lines)


def parse_html(data: bytes, source: str, document_id: str) -> list[RawDocument]:
    """A web page: its main text, title, URL, site name and publication date.

    trafilatura drops menus, boilerplate and comments; htmldate (through trafilatura) reads
    the date from the page metadata or, failing that, from a visible dateline.
    """
    if not data.strip():
        raise InputError(source, "empty file")
    if looks_binary(data):
        raise InputError(source, "binary file (contains NUL bytes), not an HTML page")
    try:
        import trafilatura
    except ImportError:
        raise InputError(source, HTML_EXTRA_HINT) from None
    tree = trafilatura.load_html(data)
    if tree is None:
        raise InputError(source, "not an HTML page (cannot be parsed)")
    extracted = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={"extensive_search": True, "original_date": True},
    )
    if extracted is None:
        raise InputError(source, "no article text found in the page")
    found = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    title = (found.get("title") or "").strip() or None
    text = html_paragraphs(found.get("text") or "", title)
    if not text:
        raise InputError(source, "no article text found in the page")
    published = found.get("date")
    try:
        published = normalize_published(published) if published else None
    except ValueError:
        published = None
    return [
        RawDocument(
            id=document_id,
            path=source,
            text=text,
            title=title,
            url=found.get("url") or None,
            outlet=found.get("sitename") or None,
            published=published,
            published_source=DateSource.metadata if published else None,
            published_evidence="page metadata or dateline (htmldate)" if published else None,
        )
    ]


def jsonl_line_document(line: str, number: int, source: str, file_id: str) -> RawDocument:
    """One JSON Lines record as a document, or a document with the line's problem."""

    def problem(reason: str) -> RawDocument:
        return RawDocument(
            id=f"{file_id}-{number}", path=source, text="", problem=f"line {number}: {reason}"
        )

    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return problem(f"not valid JSON: {error.msg} (column {error.colno})")
    if not isinstance(record, dict):
        return problem(f"expected a JSON object, got {type(record).__name__}")
    try:
        article = JsonlArticle.model_validate(record)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(line)"
        return problem(f"{where}: {first['msg']}")
    return RawDocument(
        id=str(article.id) if article.id is not None else f"{file_id}-{number}",
        path=source,
        text=article.text,
        title=article.title,
        url=article.url,
        outlet=article.outlet,
        published=article.published,
        published_source=DateSource.metadata if article.published else None,
        published_evidence="'published' field of the JSON Lines record"
        if article.published
        else None,
    )


def parse_jsonl(data: bytes, source: str, document_id: str) -> list[RawDocument]:
    """A JSON Lines corpus: one article per line; a broken line becomes a reported problem."""
    text = decode_text(source, data)
    documents = [
        jsonl_line_document(line, number, source, document_id)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip()
    ]
    if not documents:
        raise InputError(source, "no JSON Lines records")
    return documents


#: A sentence element closed right where the next one opens (`...thick .</s><s id="8">`, as in
#: the NewsReader/SemEval TimeML files): with the tags removed, the two sentences would run
#: together ("June 8 , 2010Yesterday").
ADJACENT_SENTENCES = re.compile(r"</s>(?=<s[\s>])")


def parse_timeml_document(data: bytes, source: str, document_id: str) -> list[RawDocument]:
    """A TimeML (TempEval) file: the `TEXT` content and the `DCT` as publication date.

    Sentence elements that touch are read with a line break between them (the file's own
    characters are otherwise kept, as `timeline tag` keeps them)."""
    from timeline.temporal.timeml import parse_timeml

    text = ADJACENT_SENTENCES.sub("</s>\n", decode_text(source, data))
    parsed = parse_timeml(Path(source), text)
    published = None
    if parsed.dct_value:
        try:
            published = normalize_published(parsed.dct_value)
        except ValueError:
            published = parsed.dct.isoformat() if parsed.dct else None
    return [
        RawDocument(
            id=document_id,
            path=source,
            text=parsed.text,
            published=published,
            published_source=DateSource.metadata if published else None,
            published_evidence="TimeML DCT" if published else None,
        )
    ]


def default_parsers() -> dict[str, Parser]:
    """Parsers of input bytes by file extension."""
    return {
        ".txt": parse_plain_text,
        ".html": parse_html,
        ".htm": parse_html,
        ".jsonl": parse_jsonl,
        ".ndjson": parse_jsonl,
        ".tml": parse_timeml_document,
    }


# ----------------------------------------------------------------------------- readers


def spooled_stdin_source(path: Path) -> bool:
    """Whether `path` is standard input saved to a temporary file for this run."""
    return path.stem == STDIN_ID and path.parent.name.startswith(STDIN_SPOOL_PREFIX)


def reader_for(parser: Parser) -> Reader:
    """A path reader for a bytes parser (standard input, once saved, is shown as `-`)."""

    def read(path: Path) -> list[RawDocument]:
        if spooled_stdin_source(path):
            return parser(path.read_bytes(), STDIN_PATH, STDIN_ID)
        return parser(path.read_bytes(), str(path), path.stem)

    read.__name__ = f"read_{parser.__name__.removeprefix('parse_')}"
    read.__doc__ = f"Read a file with `{parser.__name__}`."
    return read


def read_plain_text(path: Path) -> list[RawDocument]:
    """Read a `.txt` article: the whole file is the text, its name (sans extension) the id."""
    return reader_for(parse_plain_text)(path)


def default_readers() -> dict[str, Reader]:
    """Readers by file extension."""
    return {suffix: reader_for(parser) for suffix, parser in default_parsers().items()}


def sniff_suffix(data: bytes) -> str:
    """The extension whose parser fits bytes of unknown origin (standard input)."""
    head = data[:4096].lstrip(codecs.BOM_UTF8).lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:1024]:
        return ".html"
    if b"<timeml" in head:
        return ".tml"
    if head.startswith(b"{"):
        first_line = head.split(b"\n", 1)[0]
        try:
            record = json.loads(first_line)
        except (json.JSONDecodeError, UnicodeDecodeError):
            return ".txt"
        if isinstance(record, dict) and "text" in record:
            return ".jsonl"
    return ".txt"


def spool_stdin(stdin: BinaryIO) -> Path:
    """Save standard input to a temporary `stdin.<ext>` file (removed at exit), so workers
    in other processes can read it like any file."""
    data = stdin.read()
    folder = Path(tempfile.mkdtemp(prefix=STDIN_SPOOL_PREFIX))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = folder / f"{STDIN_ID}{sniff_suffix(data)}"
    path.write_bytes(data)
    return path


def discover_inputs(
    paths: Iterable[Path], readers: dict[str, Reader], stdin: BinaryIO | None = None
) -> Iterator[Path | SkippedInput]:
    """Expand folders (recursively, sorted) into readable files; report what cannot be used.

    The path `-` is standard input (`stdin`, default `sys.stdin.buffer`), read once.
    """
    stdin_read = False
    for path in paths:
        if str(path) == STDIN_PATH:
            if stdin_read:
                yield SkippedInput(path=STDIN_PATH, reason="standard input given twice")
                continue
            stdin_read = True
            yield spool_stdin(stdin if stdin is not None else sys.stdin.buffer)
        elif not path.exists():
            yield SkippedInput(path=str(path), reason="no such file or directory")
        elif path.is_dir():
            found = False
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name in DATES_FILE_NAMES or child.name.startswith("."):
                    continue
                if child.suffix.lower() in readers:
                    found = True
                    yield child
            if not found:
                yield SkippedInput(path=str(path), reason="directory holds no readable documents")
        else:
            yield path


# ----------------------------------------------------------------------------- metadata files


def metadata_entry(key: str, entry: object, path: Path) -> DocumentMetadata:
    """One validated metadata entry; a bad one is an `InputError` naming the key and field."""
    if isinstance(entry, str | None):
        entry = {"published": entry}
    try:
        return DocumentMetadata.model_validate(entry)
    except ValidationError as error:
        problem = error.errors()[0]
        where = ".".join(str(part) for part in problem["loc"]) or "(entry)"
        raise InputError(str(path), f"entry {key!r}: {where}: {problem['msg']}") from None


def load_dates_json(path: Path, text: str) -> dict[str, DocumentMetadata]:
    """Metadata from a JSON object keyed by file name or document id."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            str(path),
            f"cannot read dates file: line {error.lineno} column {error.colno}: {error.msg}",
        ) from None
    if not isinstance(raw, dict):
        raise InputError(str(path), "dates file must be a JSON object keyed by file name")
    return {key: metadata_entry(key, entry, path) for key, entry in raw.items()}


#: Header names accepted for the column that says which document a CSV row is about.
CSV_KEY_COLUMNS: tuple[str, ...] = ("file", "id", "document", "path", "name")


def load_dates_csv(path: Path, text: str) -> dict[str, DocumentMetadata]:
    """Metadata from a CSV with a header: a key column (file or id) and metadata columns."""
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel  # type: ignore[assignment]
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    header = [name.strip().lower() for name in reader.fieldnames or []]
    key_column = next((name for name in CSV_KEY_COLUMNS if name in header), None)
    if key_column is None:
        raise InputError(
            str(path), f"dates CSV needs a key column named one of {', '.join(CSV_KEY_COLUMNS)}"
        )
    allowed = set(DocumentMetadata.model_fields)
    unknown = [name for name in header if name != key_column and name not in allowed]
    if unknown:
        raise InputError(
            str(path),
            f"unknown column(s) {', '.join(unknown)}; expected {', '.join(sorted(allowed))}",
        )
    metadata: dict[str, DocumentMetadata] = {}
    for row in reader:
        cells = {
            (name or "").strip().lower(): (value or "").strip() or None
            for name, value in row.items()
            if name is not None
        }
        key = cells.pop(key_column, None)
        if key is None:
            continue
        metadata[key] = metadata_entry(key, cells, path)
    return metadata


def load_dates_file(path: Path) -> dict[str, DocumentMetadata]:
    """Load per-document metadata from a JSON object or a CSV keyed by file name or id."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(str(path), f"cannot read dates file: {error.strerror or error}") from None
    text = decode_text(path, data)
    if path.suffix.lower() in (".csv", ".tsv"):
        return load_dates_csv(path, text)
    return load_dates_json(path, text)


def metadata_for(raw: RawDocument, metadata: dict[str, DocumentMetadata]) -> DocumentMetadata:
    """The metadata entry for a document: by file name, then by id.

    A document from a many-document file (JSON Lines) is looked up by its id only.
    """
    source = Path(raw.path)
    if source.stem == raw.id or raw.path == STDIN_PATH:
        found = metadata.get(source.name) or metadata.get(raw.id)
    else:
        found = metadata.get(raw.id)
    return found or DocumentMetadata()


def settle_publication_date(
    raw: RawDocument,
    meta: DocumentMetadata,
    dct: dt.date | None,
    infer: Callable[[str], PublicationDate] | None,
) -> tuple[PublicationDate, int]:
    """The publication date and body start.

    In order: the option, the dates file, the source's metadata, a dateline, inference.
    """
    dateline, body_start = split_dateline(raw.text)
    if dct is not None:
        return publication_date_from_iso(dct.isoformat(), DateSource.option), body_start
    if meta.published:
        return publication_date_from_iso(meta.published, DateSource.dates_file), body_start
    if raw.published:
        source = raw.published_source or DateSource.metadata
        return (
            publication_date_from_iso(raw.published, source, evidence=raw.published_evidence),
            body_start,
        )
    if dateline:
        return (
            publication_date_from_iso(dateline, DateSource.text, evidence="dateline"),
            body_start,
        )
    if infer is not None:
        return infer(raw.text[body_start:]), body_start
    return unknown_publication_date("no date given and none found in the text"), body_start


def to_document(
    raw: RawDocument,
    metadata: dict[str, DocumentMetadata],
    dct: dt.date | None,
    infer: Callable[[str], PublicationDate] | None,
) -> Document:
    """Turn a raw document into a `Document` with its publication date and metadata settled."""
    if raw.problem is not None:
        raise InputError(raw.path, raw.problem)
    meta = metadata_for(raw, metadata)
    try:
        published, body_start = settle_publication_date(raw, meta, dct, infer)
    except ValueError as error:
        raise InputError(raw.path, f"bad publication date: {error}") from None
    return Document(
        id=raw.id,
        path=raw.path,
        text=raw.text,
        published=published,
        title=meta.title or raw.title,
        url=meta.url or raw.url,
        outlet=meta.outlet or raw.outlet,
        body_start=body_start,
    )


def folder_dates_files(paths: Iterable[Path]) -> list[Path]:
    """The `publication_dates.json`/`.csv` files of the given folders (used automatically)."""
    return [
        p / name
        for p in paths
        if p.is_dir()
        for name in sorted(DATES_FILE_NAMES)
        if (p / name).is_file()
    ]


def read_raw_documents(path: Path, readers: dict[str, Reader]) -> Sequence[RawDocument]:
    """The raw documents of one input file (raises `InputError` or `OSError`)."""
    reader = readers.get(path.suffix.lower())
    if reader is None:
        raise InputError(str(path), f"unsupported file type {path.suffix!r}")
    return reader(path)


def load_metadata(
    paths: list[Path], settings: Settings
) -> tuple[dict[str, DocumentMetadata], list[SkippedInput]]:
    """Metadata from the folders' `publication_dates.json` and `--dates`, loaded once."""
    metadata: dict[str, DocumentMetadata] = {}
    skipped: list[SkippedInput] = []
    dates_files = folder_dates_files(paths)
    if settings.dates_file is not None:
        dates_files.append(settings.dates_file)
    for dates_file in dates_files:
        try:
            metadata.update(load_dates_file(dates_file))
        except InputError as error:
            skipped.append(SkippedInput(path=error.path, reason=error.reason))
    return metadata, skipped


def describe_error(error: BaseException) -> str:
    """`Type: message`, on one line and not too long."""
    message = " ".join(str(error).split())
    if len(message) > 300:
        message = message[:297] + "..."
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def read_documents(
    path: Path,
    metadata: dict[str, DocumentMetadata],
    dct: dt.date | None,
    infer: Callable[[str], PublicationDate] | None,
    readers: dict[str, Reader],
) -> tuple[list[Document], list[SkippedInput]]:
    """The dated documents of one input file, and what in it could not be used (per document)."""
    try:
        raws = read_raw_documents(path, readers)
    except InputError as error:
        return [], [SkippedInput(path=error.path, reason=error.reason)]
    except OSError as error:
        return [], [SkippedInput(path=str(path), reason=error.strerror or str(error))]
    documents: list[Document] = []
    skipped: list[SkippedInput] = []
    for raw in raws:
        try:
            documents.append(to_document(raw, metadata, dct, infer))
        except InputError as error:
            skipped.append(SkippedInput(path=error.path, reason=error.reason))
        except Exception as error:  # a bug in date inference must not stop the run
            reason = f"document {raw.id!r}: internal error while dating: {describe_error(error)}"
            skipped.append(SkippedInput(path=raw.path, reason=reason))
    return documents, skipped


def ingest(
    paths: list[Path],
    settings: Settings,
    infer: Callable[[str], PublicationDate] | None = None,
    readers: dict[str, Reader] | None = None,
    stdin: BinaryIO | None = None,
) -> IngestResult:
    """Read every input into `Document`s; never raise for a bad input, report it instead."""
    readers = readers or default_readers()
    result = IngestResult()
    metadata, result.skipped = load_metadata(paths, settings)
    seen_ids: set[str] = set()
    for item in discover_inputs(paths, readers, stdin):
        if isinstance(item, SkippedInput):
            result.skipped.append(item)
            continue
        documents, skipped = read_documents(item, metadata, settings.dct, infer, readers)
        result.skipped.extend(skipped)
        for document in documents:
            if document.id in seen_ids:
                reason = f"duplicate document id {document.id!r}"
                result.skipped.append(SkippedInput(path=document.path, reason=reason))
            else:
                seen_ids.add(document.id)
                result.documents.append(document)
    return result
