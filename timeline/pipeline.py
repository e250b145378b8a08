"""The whole flow in one place: ingest -> segment -> temporal -> events -> merge -> output.

`process_document` is the pure per-document step (parallel-safe); `merge_documents` is the only
global step; `run` strings them together for a list of paths.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from timeline.events import extract_events
from timeline.ingest import IngestResult, ingest
from timeline.merge import merge_events
from timeline.models import (
    Document,
    DocumentSummary,
    Event,
    SkippedInput,
    TemporalExpression,
    TimelineResult,
)
from timeline.segment import segment
from timeline.settings import Settings
from timeline.temporal import tag
from timeline.temporal.docdate import infer_publication_date


class DocumentResult(BaseModel):
    """What one document yields: its summary and its (unmerged) events."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    document: DocumentSummary
    events: list[Event] = Field(default_factory=list)


def summarize(document: Document) -> DocumentSummary:
    """A document as listed in the output, without its text."""
    return DocumentSummary(
        id=document.id,
        path=document.path,
        published=document.published,
        title=document.title,
        url=document.url,
        outlet=document.outlet,
    )


def tag_document(document: Document) -> list[TemporalExpression]:
    """Temporal expressions of the document body, offsets into the whole document text."""
    body = document.text[document.body_start :]
    found = tag(body, document.published.reference)
    if document.body_start == 0:
        return found
    shift = document.body_start
    return [
        expression.model_copy(
            update={"start": expression.start + shift, "end": expression.end + shift}
        )
        for expression in found
    ]


def process_document(document: Document) -> DocumentResult:
    """The per-document step: sentences, temporal expressions, events. Pure and picklable."""
    sentences = segment(document.text, document.body_start)
    expressions = tag_document(document)
    events = extract_events(document, sentences, expressions)
    return DocumentResult(document=summarize(document), events=events)


def merge_documents(results: list[DocumentResult], skipped: list[SkippedInput]) -> TimelineResult:
    """The global step: merge events across documents, split dated from undated, sort."""
    merged = merge_events([event for result in results for event in result.events])
    dated = [event for event in merged if event.time is not None]
    undated = [event for event in merged if event.time is None]
    dated.sort(key=lambda e: (e.time.earliest, e.time.latest, e.id))  # type: ignore[union-attr]
    undated.sort(key=lambda e: e.id)
    documents = sorted((r.document for r in results), key=lambda d: d.id)
    return TimelineResult(documents=documents, events=dated, undated=undated, skipped=skipped)


def read_documents(paths: list[Path], settings: Settings) -> IngestResult:
    """Ingest with the project's publication-date inference."""
    return ingest(paths, settings, infer=infer_publication_date)


def run(paths: list[Path], settings: Settings) -> TimelineResult:
    """Extract a timeline from files and folders."""
    ingested = read_documents(paths, settings)
    results = [process_document(document) for document in ingested.documents]
    return merge_documents(results, ingested.skipped)
