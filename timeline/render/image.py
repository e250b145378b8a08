"""Static images (PNG, SVG, PDF) of a timeline through kaleido and a local Chromium."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from timeline.ingest import InputError
from timeline.models import TimelineResult
from timeline.render.figure import IMAGE_WIDTH, build_figure
from timeline.render.view import build_view

IMAGE_FORMATS = ("png", "svg", "pdf", "jpeg", "webp")
#: Browser executables tried in order when BROWSER_PATH is not set.
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
BROWSER_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")


class ImageExportError(InputError):
    """A static image cannot be written (no browser, unknown format, kaleido failure).

    A subclass of `InputError`, so the CLI prints it as ``error: PATH: reason`` and exits 1.
    """


@contextmanager
def quiet_logger(name: str, level: int = logging.CRITICAL) -> Iterator[None]:
    """Silence a chatty library logger for a block (choreographer logs harmless tracebacks
    when Chromium writes a partial message on its pipe), then restore it."""
    logger = logging.getLogger(name)
    previous = logger.level
    logger.setLevel(level)
    try:
        yield
    finally:
        logger.setLevel(previous)


def find_browser(environ: Mapping[str, str] | None = None) -> str | None:
    """The Chromium to drive: $BROWSER_PATH if executable, else the first one on PATH or in
    the usual places; None when there is none."""
    env = os.environ if environ is None else environ
    override = env.get("BROWSER_PATH")
    if override:
        return override if os.access(override, os.X_OK) else None
    for name in BROWSER_NAMES:
        found = shutil.which(name, path=env.get("PATH"))
        if found:
            return found
    return next((path for path in BROWSER_PATHS if os.access(path, os.X_OK)), None)


def image_format(path: Path) -> str:
    """The image format named by a file extension (.png, .svg, ...)."""
    fmt = path.suffix.lower().lstrip(".").replace("jpg", "jpeg")
    if fmt not in IMAGE_FORMATS:
        raise ImageExportError(
            str(path), f"unknown image type {path.suffix or '(none)'!r}; use .png or .svg"
        )
    return fmt


def write_image(result: TimelineResult, path: Path, browser: str | None = None) -> Path:
    """Write a static image of the timeline (format from the extension) and return its path.

    Kaleido drives a local Chromium (`browser`, else `find_browser()`); MathJax is off so
    nothing is fetched from the network. Raises `ImageExportError` with a clear reason.
    """
    path = Path(path)
    fmt = image_format(path)
    executable = browser or find_browser()
    if executable is None:
        override = os.environ.get("BROWSER_PATH")
        where = f" (BROWSER_PATH={override!r} is not executable)" if override else ""
        raise ImageExportError(
            str(path),
            f"no Chromium browser found for static images{where}; install chromium or set "
            "BROWSER_PATH to a Chrome/Chromium executable",
        )
    try:
        import kaleido
    except ImportError:
        raise ImageExportError(
            str(path), "static images need kaleido: pip install 'timeline[image]'"
        ) from None
    view = build_view(result)
    figure = build_figure(view, interactive=False, webgl=False, plot_width=IMAGE_WIDTH - 300)
    height = int(figure.layout.height or 600)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with quiet_logger("choreographer"):
            data = kaleido.calc_fig_sync(
                figure,
                opts={"format": fmt, "width": IMAGE_WIDTH, "height": height, "scale": 1},
                kopts={"path": executable, "mathjax": False},
            )
    except Exception as error:  # kaleido/choreographer raise many types; report them plainly
        raise ImageExportError(str(path), f"image export failed: {error}".strip()) from None
    path.write_bytes(data)
    return path
