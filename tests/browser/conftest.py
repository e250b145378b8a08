"""Browser fixtures: Debian's Chromium driven by Playwright (no browser download needed)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from timeline.models import TimelineResult
from timeline.render import render_html

CHROMIUM = Path(os.environ.get("TIMELINE_TEST_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
#: Console messages that are the software GL driver talking, not the page failing.
IGNORED_CONSOLE = ("GL Driver Message", "GPU stall due to ReadPixels")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in tests/browser is a browser test."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def playwright_session() -> Iterator[object]:
    """One Playwright driver for the session; skips when Chromium or Playwright is missing."""
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM} (install chromium to run browser tests)"
        if os.environ.get("TIMELINE_REQUIRE_BROWSER"):
            pytest.fail(message + "; TIMELINE_REQUIRE_BROWSER is set (as in CI)")
        pytest.skip(message)
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        yield playwright


def launch_chromium(playwright: object, extra_args: tuple[str, ...] = ()) -> object:
    """A headless Debian Chromium with the usual quiet, offline flags."""
    return playwright.chromium.launch(  # type: ignore[attr-defined]
        executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, *extra_args]
    )


@pytest.fixture(scope="session")
def browser(playwright_session: object) -> Iterator[object]:
    """A headless Chromium shared by the session's tests."""
    chromium = launch_chromium(playwright_session)
    yield chromium
    chromium.close()  # type: ignore[attr-defined]


class LoadedPage:
    """A page showing a rendered timeline, with the console errors it produced."""

    def __init__(self, page: object, errors: list[str]) -> None:
        self.page = page
        self.errors = errors

    def plotted_event_ids(self) -> list[str]:
        """Ids of the events drawn as markers right now."""
        return self.page.evaluate(  # type: ignore[attr-defined]
            """() => {
                const gd = document.querySelector('.js-plotly-plot');
                const ids = [];
                gd.data.filter(t => t.meta && t.meta.role === 'events').forEach(t =>
                    t.customdata.forEach(i => ids.push(window.timelineApp.data.events[i].id)));
                return ids;
            }"""
        )


@pytest.fixture
def open_timeline(
    browser: object, tmp_path: Path
) -> Iterator[Callable[[TimelineResult], LoadedPage]]:
    """Render a result to a file, open it from disk (offline) and wait until it is ready."""
    pages: list[object] = []

    def open_result(result: TimelineResult, width: int = 1500, height: int = 1000) -> LoadedPage:
        path = tmp_path / f"timeline{len(pages)}.html"
        path.write_text(render_html(result), encoding="utf-8")
        page = browser.new_page(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
        pages.append(page)
        errors: list[str] = []
        page.on(
            "console",
            lambda message: (
                errors.append(message.text)
                if message.type == "error" and not any(s in message.text for s in IGNORED_CONSOLE)
                else None
            ),
        )
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(path.as_uri())
        page.wait_for_selector("#timeline-chart[data-ready=true]", timeout=60_000)
        return LoadedPage(page, errors)

    yield open_result
    for page in pages:
        page.close()  # type: ignore[attr-defined]
