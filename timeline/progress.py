"""Progress of a run: a rich progress bar on a terminal, short log lines otherwise, or nothing.

The runner calls `advance(inputs, documents, skipped)` as results arrive and `close()` at the
end; which reporter it gets is decided once, by `make_progress`.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Protocol, TextIO

#: Line-based progress: a line at most every this many seconds...
LINE_INTERVAL_SECONDS = 5.0
#: ...or whenever this many more inputs are done, whichever comes first.
LINE_EVERY_INPUTS = 1000


class Progress(Protocol):
    """What the runner needs from a progress reporter."""

    def advance(self, inputs: int, documents: int, skipped: int) -> None:
        """`inputs` more input files are done, with `documents` documents and `skipped` skips."""

    def close(self) -> None:
        """The run is over (also on error)."""


class NoProgress:
    """Reports nothing (`-q`, or when progress is not wanted)."""

    def advance(self, inputs: int, documents: int, skipped: int) -> None:
        """Ignore progress."""

    def close(self) -> None:
        """Nothing to close."""


class LineProgress:
    """Plain lines on a stream (stderr when not a terminal): every few seconds or N inputs."""

    def __init__(
        self,
        total: int,
        stream: TextIO,
        interval: float = LINE_INTERVAL_SECONDS,
        every: int = LINE_EVERY_INPUTS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.stream = stream
        self.interval = interval
        self.every = every
        self.clock = clock
        self.started = clock()
        self.last_time = self.started
        self.last_inputs = 0
        self.inputs = 0
        self.documents = 0
        self.skipped = 0

    def line(self) -> str:
        """The progress line for the counts so far."""
        elapsed = max(self.clock() - self.started, 1e-9)
        share = 100.0 * self.inputs / self.total if self.total else 100.0
        return (
            f"progress: {self.inputs}/{self.total} inputs ({share:.0f}%), "
            f"{self.documents} documents, {self.skipped} skipped, "
            f"{self.documents / elapsed:.1f} documents/s"
        )

    def advance(self, inputs: int, documents: int, skipped: int) -> None:
        """Count, and print a line when enough time or enough inputs have passed."""
        self.inputs += inputs
        self.documents += documents
        self.skipped += skipped
        now = self.clock()
        if now - self.last_time >= self.interval or self.inputs - self.last_inputs >= self.every:
            self.emit(now)

    def emit(self, now: float) -> None:
        """Print the current line."""
        print(self.line(), file=self.stream, flush=True)
        self.last_time = now
        self.last_inputs = self.inputs

    def close(self) -> None:
        """A final line, so a log always ends with the totals."""
        if self.inputs != self.last_inputs or self.inputs == 0:
            self.emit(self.clock())


class RichProgress:
    """A rich progress bar (inputs done, documents, rate, time left) on a terminal."""

    def __init__(self, total: int, stream: TextIO) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.documents = 0
        self.skipped = 0
        self.bar = Progress(
            TextColumn("extracting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[counts]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(file=stream),
            transient=False,
        )
        self.task = self.bar.add_task("extract", total=total, counts="")
        self.bar.start()

    def advance(self, inputs: int, documents: int, skipped: int) -> None:
        """Move the bar."""
        self.documents += documents
        self.skipped += skipped
        counts = f"{self.documents} docs, {self.skipped} skipped"
        self.bar.update(self.task, advance=inputs, counts=counts)

    def close(self) -> None:
        """Stop the bar (leaves the last state on screen)."""
        self.bar.stop()


def make_progress(enabled: bool, total: int, stream: TextIO | None = None) -> Progress:
    """A bar on a terminal, lines when not a terminal, nothing when disabled."""
    stream = stream if stream is not None else sys.stderr
    if not enabled:
        return NoProgress()
    if stream.isatty():
        return RichProgress(total, stream)
    return LineProgress(total, stream)
