"""Write a run's outputs into a folder: events.json, timeline.html and any extra formats.

With `--format jsonl` the per-document events are also streamed, as documents finish, to
`events.stream.jsonl` (see `EventStreamWriter`); the merged files are written at the end.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal, TextIO

from timeline.export import FILE_EXTENSIONS, serialize
from timeline.exporters.jsonl import event_line
from timeline.fileio import write_bytes_atomic, write_text_atomic
from timeline.models import SkippedInput, TimelineResult
from timeline.pipeline import DocumentResult
from timeline.render import render_html


def write_outputs(
    result: TimelineResult,
    out_dir: Path,
    formats: list[str] | None = None,
    plotlyjs: Literal["inline", "cdn"] = "inline",
) -> list[Path]:
    """Write events.json, timeline.html and `events.<ext>` per extra format; return the paths."""
    written: list[Path] = []
    for fmt in ["json", *(f for f in formats or [] if f != "json")]:
        path = out_dir / f"events.{FILE_EXTENSIONS[fmt]}"
        write_bytes_atomic(path, serialize(result, fmt))
        written.append(path)
    html_path = out_dir / "timeline.html"
    write_text_atomic(html_path, render_html(result, plotlyjs=plotlyjs))
    written.append(html_path)
    return written


STREAM_FILE_NAME = "events.stream.jsonl"
PARTIAL_SUFFIX = ".partial"


class EventStreamWriter:
    """Writes each document's (unmerged) events as JSON lines the moment the document is done.

    Lines have the shape of `events.jsonl` (one `Event` per line, read back with
    `timeline.exporters.jsonl.events_from_jsonl`) but come in the order documents finish and
    before the merge. The file is written as `events.stream.jsonl.partial` (follow it with
    `tail -f`) and renamed to `events.stream.jsonl` when the run succeeds, so the final name
    never holds a partial stream; a failed run removes the partial file.
    """

    def __init__(self, out_dir: Path, name: str = STREAM_FILE_NAME) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.path = out_dir / name
        self.partial_path = out_dir / f"{name}{PARTIAL_SUFFIX}"
        self.handle: TextIO = self.partial_path.open("w", encoding="utf-8")
        self.events = 0

    def write_document(self, result: DocumentResult) -> None:
        """Append the events of a finished document."""
        self.handle.write("".join(event_line(event) for event in result.events))
        self.handle.flush()
        self.events += len(result.events)

    def write_skipped(self, skipped: SkippedInput) -> None:
        """Skipped inputs are not events; the run reports them."""

    def commit(self) -> Path:
        """Make the stream durable and give it its final name."""
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        os.replace(self.partial_path, self.path)
        return self.path

    def abort(self) -> None:
        """Drop the partial stream."""
        self.handle.close()
        self.partial_path.unlink(missing_ok=True)

    def __enter__(self) -> EventStreamWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.abort()
