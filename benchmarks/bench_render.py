"""Benchmark the renderer: Python render time, and time until the page is interactive in
headless Chromium, for 5 and 5,000 events (or the counts given on the command line).

    .venv/bin/python benchmarks/bench_render.py [COUNT ...]

Uses Debian's /usr/bin/chromium through Playwright (no browser download). Numbers are
printed, not asserted: the machine is shared and timings vary.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.browser.fixtures import generated_result, small_result  # noqa: E402
from timeline.models import TimelineResult  # noqa: E402
from timeline.render import render_html  # noqa: E402
from timeline.render.figure import build_figure  # noqa: E402
from timeline.render.view import build_view  # noqa: E402

REPEATS = 3


def fixture_for(count: int) -> TimelineResult:
    """The small realistic fixture for tiny counts, generated events otherwise."""
    return small_result() if count <= 8 else generated_result(count)


def time_python(result: TimelineResult) -> dict[str, float]:
    """Median seconds for the view, the figure and the whole page."""
    view_times, figure_times, page_times = [], [], []
    for _ in range(REPEATS):
        start = time.perf_counter()
        view = build_view(result)
        view_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        build_figure(view)
        figure_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        render_html(result)
        page_times.append(time.perf_counter() - start)
    return {
        "view": statistics.median(view_times),
        "figure": statistics.median(figure_times),
        "page": statistics.median(page_times),
    }


def time_browser(page_path: Path) -> dict[str, float]:
    """Seconds from navigation until the chart is interactive, and for two interactions."""
    from playwright.sync_api import sync_playwright

    results: dict[str, list[float]] = {"interactive": [], "search": [], "lanes": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for _ in range(REPEATS):
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            start = time.perf_counter()
            page.goto(page_path.as_uri())
            page.wait_for_selector("#timeline-chart[data-ready=true]", timeout=120_000)
            results["interactive"].append(time.perf_counter() - start)
            results["search"].append(
                page.evaluate(
                    """async () => {
                        const t = performance.now();
                        window.timelineApp.state.query = ['number', '1'];
                        await window.timelineApp.setMode('type');  // redraws with the query
                        return (performance.now() - t) / 1000;
                    }"""
                )
            )
            results["lanes"].append(
                page.evaluate(
                    """async () => {
                        const t = performance.now();
                        await window.timelineApp.setMode('actor');
                        return (performance.now() - t) / 1000;
                    }"""
                )
            )
            page.close()
        browser.close()
    return {name: statistics.median(values) for name, values in results.items()}


def main(counts: list[int]) -> None:
    """Print one line per event count."""
    if not CHROMIUM.exists():
        print(f"Chromium not found at {CHROMIUM}: browser timings skipped")
    for count in counts:
        result = fixture_for(count)
        python = time_python(result)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "timeline.html"
            path.write_text(render_html(result), encoding="utf-8")
            size = path.stat().st_size / 1e6
            browser = time_browser(path) if CHROMIUM.exists() else {}
        dated = sum(event.time is not None for event in result.events)
        line = (
            f"{dated:>6} events: view {python['view']:.2f}s, figure {python['figure']:.2f}s, "
            f"page {python['page']:.2f}s, {size:.1f} MB"
        )
        if browser:
            line += (
                f" | interactive after {browser['interactive']:.2f}s, search redraw "
                f"{browser['search']:.2f}s, lane switch {browser['lanes']:.2f}s"
            )
        print(line, flush=True)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [5, 5000])
