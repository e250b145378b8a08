"""Ingest: paths become `Document`s with their text exactly as read and a publication date.

Finding inputs, reading them, and dating them are separate small functions. A bad input never
stops the run: it becomes a `SkippedInput` naming the file and the problem.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from timeline.models import DateSource, Document, PublicationDate, SkippedInput
from timeline.settings import Settings

DATES_FILE_NAME = "publication_dates.json"

#: A dateline such as " date 2021-06-18 " at the very start of a text is metadata, not content.
DATELINE_PATTERN = re.compile(r"\A\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\b[ \t]*")

ISO_PARTIAL_PATTERN = re.compile(r"\A(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?\Z")


class InputError(Exception):
    """A user input that cannot be used; the message names the problem, `path` the input."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class DocumentMetadata(BaseModel):
    """What a dates/metadata file may say about one document."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    published: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None


class RawDocument(BaseModel):
    """A document as read from its source, before its publication date is settled."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    path: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_source: DateSource | None = None


@dataclass
class IngestResult:
    """Documents read, and inputs skipped with their reasons."""

    documents: list[Document] = field(default_factory=list)
    skipped: list[SkippedInput] = field(default_factory=list)


Reader = Callable[[Path], list[RawDocument]]


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


def decode_text(path: Path, data: bytes) -> str:
    """Decode file bytes as UTF-8 text, rejecting binary and undecodable content clearly."""
    if not data.strip():
        raise InputError(str(path), "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(str(path), "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            str(path), f"not valid UTF-8 (byte {error.start}: {data[error.start:error.start + 1]!r})"
        ) from None


def read_plain_text(path: Path) -> list[RawDocument]:
    """Read a `.txt` article: the whole file is the text, its name (sans extension) the id."""
    text = decode_text(path, path.read_bytes())
    return [RawDocument(id=path.stem, path=str(path), text=text)]


def default_readers() -> dict[str, Reader]:
    """Readers by file extension."""
    return {".txt": read_plain_text}


def discover_inputs(
    paths: Iterable[Path], readers: dict[str, Reader]
) -> Iterator[Path | SkippedInput]:
    """Expand folders (recursively, sorted) into readable files; report what cannot be used."""
    for path in paths:
        if not path.exists():
            yield SkippedInput(path=str(path), reason="no such file or directory")
        elif path.is_dir():
            found = False
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name == DATES_FILE_NAME or child.name.startswith("."):
                    continue
                if child.suffix.lower() in readers:
                    found = True
                    yield child
            if not found:
                yield SkippedInput(path=str(path), reason="directory holds no readable documents")
        else:
            yield path


def load_dates_file(path: Path) -> dict[str, DocumentMetadata]:
    """Load per-document metadata from a JSON object keyed by file name or document id."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(str(path), f"cannot read dates file: {error}") from None
    if not isinstance(raw, dict):
        raise InputError(str(path), "dates file must be a JSON object keyed by file name")
    metadata: dict[str, DocumentMetadata] = {}
    for key, entry in raw.items():
        if isinstance(entry, str | None):
            entry = {"published": entry}
        try:
            metadata[key] = DocumentMetadata.model_validate(entry)
        except ValidationError as error:
            problem = error.errors()[0]
            where = ".".join(str(part) for part in problem["loc"])
            raise InputError(str(path), f"entry {key!r}: {where}: {problem['msg']}") from None
    return metadata


def metadata_for(raw: RawDocument, metadata: dict[str, DocumentMetadata]) -> DocumentMetadata:
    """The metadata entry for a document: by file name, then by id."""
    return metadata.get(Path(raw.path).name) or metadata.get(raw.id) or DocumentMetadata()


def settle_publication_date(
    raw: RawDocument,
    meta: DocumentMetadata,
    dct: dt.date | None,
    infer: Callable[[str], PublicationDate] | None,
) -> tuple[PublicationDate, int]:
    """The publication date (option, dates file, source metadata, dateline, inferred) and body start."""
    dateline, body_start = split_dateline(raw.text)
    if dct is not None:
        return publication_date_from_iso(dct.isoformat(), DateSource.option), body_start
    if meta.published:
        return publication_date_from_iso(meta.published, DateSource.dates_file), body_start
    if raw.published:
        source = raw.published_source or DateSource.metadata
        return publication_date_from_iso(raw.published, source), body_start
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
    """The `publication_dates.json` files of the given folders (used automatically)."""
    return [p / DATES_FILE_NAME for p in paths if p.is_dir() and (p / DATES_FILE_NAME).is_file()]


def ingest(
    paths: list[Path],
    settings: Settings,
    infer: Callable[[str], PublicationDate] | None = None,
    readers: dict[str, Reader] | None = None,
) -> IngestResult:
    """Read every input into `Document`s; never raise for a bad input, report it instead."""
    readers = readers or default_readers()
    result = IngestResult()
    metadata: dict[str, DocumentMetadata] = {}
    dates_files = folder_dates_files(paths)
    if settings.dates_file is not None:
        dates_files.append(settings.dates_file)
    for dates_file in dates_files:
        try:
            metadata.update(load_dates_file(dates_file))
        except InputError as error:
            result.skipped.append(SkippedInput(path=error.path, reason=error.reason))
    seen_ids: set[str] = set()
    for item in discover_inputs(paths, readers):
        if isinstance(item, SkippedInput):
            result.skipped.append(item)
            continue
        reader = readers.get(item.suffix.lower())
        if reader is None:
            result.skipped.append(
                SkippedInput(path=str(item), reason=f"unsupported file type {item.suffix!r}")
            )
            continue
        try:
            raws = reader(item)
            for raw in raws:
                if raw.id in seen_ids:
                    raise InputError(raw.path, f"duplicate document id {raw.id!r}")
                seen_ids.add(raw.id)
                result.documents.append(to_document(raw, metadata, settings.dct, infer))
        except InputError as error:
            result.skipped.append(SkippedInput(path=error.path, reason=error.reason))
        except OSError as error:
            result.skipped.append(SkippedInput(path=str(item), reason=error.strerror or str(error)))
    return result
