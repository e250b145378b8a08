"""Language resources (rule and lexicon tables), loaded lazily by the modules that use them."""

from __future__ import annotations

from importlib import resources


def read_resource_lines(language: str, name: str) -> list[str]:
    """Non-empty, non-comment lines of `resources/<language>/<name>`."""
    text = resources.files("timeline.resources").joinpath(language, name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def read_resource_text(language: str, name: str) -> str:
    """The whole text of `resources/<language>/<name>`."""
    return resources.files("timeline.resources").joinpath(language, name).read_text("utf-8")
