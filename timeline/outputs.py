"""Write a run's outputs into a folder: events.json, timeline.html and any extra formats."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from timeline.export import FILE_EXTENSIONS, serialize
from timeline.fileio import write_bytes_atomic, write_text_atomic
from timeline.models import TimelineResult
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
