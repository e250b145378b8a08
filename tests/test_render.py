"""The renderer without a browser: view data, escaping, lanes, stacking, labels, the figure,
the page, the CLI `render` command and static images."""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM
from tests.browser.fixtures import (
    BOLD_PAYLOAD,
    LINK_PAYLOAD,
    SCRIPT_PAYLOAD,
    XSS_FLAG_PAYLOAD,
    generated_result,
    malicious_result,
    mention,
    small_result,
)
from timeline.cli import main
from timeline.export import to_json
from timeline.models import TimelineResult
from timeline.render import ImageExportError, render_html, write_image
from timeline.render.figure import WEBGL_THRESHOLD, build_figure, x_bounds
from timeline.render.image import find_browser, image_format
from timeline.render.page import escape_script_json
from timeline.render.view import (
    MAX_LABELS,
    MAX_LANES,
    Label,
    LaneMode,
    build_view,
    marker_position,
    place_labels,
    rectangles_overlap,
    safe_url,
    split_mention,
    stack_rows,
    x_number,
)

DATA_BLOCK = re.compile(
    r'<script type="application/json" id="timeline-data">(?P<json>.*?)</script>', re.S
)


def embedded_data(page: str) -> dict:
    """The view data embedded in a rendered page."""
    match = DATA_BLOCK.search(page)
    assert match is not None
    return json.loads(match.group("json"))


# ---- escaping and links ----


@pytest.mark.parametrize(
    "text",
    ["</script><script>alert(1)</script>", "a & b <!-- c -->", "\u2028line\u2029", "plain"],
    ids=["script-end", "entity-comment", "line-separators", "plain"],
)
def test_script_json_has_no_markup_characters_and_parses_back(text: str) -> None:
    escaped = escape_script_json(json.dumps({"t": text}, ensure_ascii=False))
    assert not set("<>&") & set(escaped)
    assert json.loads(escaped) == {"t": text}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("http://example.org", "http://example.org"),
        ("HTTPS://EXAMPLE.ORG/", "HTTPS://EXAMPLE.ORG/"),
        ("javascript:alert(1)", None),
        (" javascript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("//evil.example/path", None),
        ("relative/page.html", None),
        ("https://", None),
        (None, None),
    ],
    ids=[
        "https",
        "http",
        "upper",
        "javascript",
        "space-js",
        "data",
        "scheme-less",
        "relative",
        "no-host",
        "none",
    ],
)
def test_only_absolute_http_urls_become_links(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_hover_texts_escape_every_document_string() -> None:
    view = build_view(malicious_result())
    hover = next(e.hover for e in view.events if e.id == "x1")
    assert "<img" not in hover and "<a " not in hover and "<script" not in hover
    assert html.escape(XSS_FLAG_PAYLOAD, quote=False) in hover
    assert html.escape(BOLD_PAYLOAD, quote=False) in hover.replace("<br>", " ")
    assert hover.startswith("<b>") and "</b><br>" in hover  # our own markup is kept


def test_page_contains_no_document_markup_outside_json() -> None:
    page = render_html(malicious_result())
    for payload in (XSS_FLAG_PAYLOAD, SCRIPT_PAYLOAD, BOLD_PAYLOAD, LINK_PAYLOAD):
        assert payload not in page
    assert "</script><script>window.__xss=4" not in page
    data = embedded_data(page)
    documents = {doc["id"]: doc for doc in data["documents"]}
    assert documents["evil"]["url"] is None  # javascript: scheme dropped
    assert documents["evil"]["url_text"] == "javascript:window.__xss=5"
    assert documents["fine"]["url"] == "https://example.org/fine"
    titles = [event["title"] for event in data["events"]]
    assert f"Attack {XSS_FLAG_PAYLOAD}" in titles  # raw in JSON, set with textContent


def test_plotly_texts_in_the_figure_are_escaped() -> None:
    figure = build_figure(build_view(malicious_result()))
    names = [trace.name for trace in figure.data if trace.name]
    assert html.escape(f"type {BOLD_PAYLOAD}", quote=False) in names
    assert all("<" not in name for name in names)
    for lane_mode in LaneMode:
        for tick in build_view(malicious_result()).lanes[lane_mode.value].ticks:
            assert "<" not in tick


# ---- mentions and reasons ----


def test_mention_is_split_around_its_date_phrase() -> None:
    sentence = "On March 22, Canada imposed sanctions."
    parts = split_mention(mention("star", sentence, "March 22", offset=500))
    assert (parts.before, parts.phrase, parts.after) == (
        "On ",
        "March 22",
        ", Canada imposed sanctions.",
    )


def test_mention_with_astral_characters_keeps_python_offsets() -> None:
    sentence = "😀 Protest 😀 on May 1 in Hong Kong."
    parts = split_mention(mention("d", sentence, "May 1", offset=0))
    assert parts.phrase == "May 1"
    assert parts.before + parts.phrase + parts.after == sentence


def test_mention_with_offsets_outside_the_sentence_has_no_phrase() -> None:
    good = mention("d", "It happened on Monday.", "on Monday", offset=10)
    broken = good.model_copy(update={"time_start": 5, "time_end": 200})
    parts = split_mention(broken)
    assert parts.phrase == "" and parts.before == "It happened on Monday."


def test_uncertain_list_gives_a_reason_for_each_event() -> None:
    view = build_view(small_result())
    reasons = {view.events[i].id: view.events[i].reason for i in view.uncertain}
    assert reasons == {
        "e5": "only the year is known (2019)",
        "e6": "no date near the event; the publication date is used; low confidence (0.40)",
        "u1": "no date phrase in the sentence and the document date is unknown",
        "u2": "no date found for this event",
    }


# ---- lanes, stacking, labels ----


def test_events_are_chronological_and_undated_ones_come_last() -> None:
    view = build_view(small_result())
    assert [e.id for e in view.events] == ["e5", "e3", "e1", "e2", "e6", "e4", "u1", "u2"]
    assert view.dated_count == 6
    assert [e.dated for e in view.events].count(False) == 2


def test_points_and_spans_cover_their_interval() -> None:
    view = build_view(small_result())
    by_id = {e.id: e for e in view.events}
    assert by_id["e1"].is_span is False and by_id["e1"].x == "2021-03-22 12:00"
    assert (by_id["e3"].x0, by_id["e3"].x1) == ("2021-02-01", "2021-03-01")
    assert (by_id["e5"].x0, by_id["e5"].x1) == ("2019-01-01", "2020-01-01")
    assert by_id["e5"].x == "2019-07-02 12:00"  # the middle of the year (182.5 days in)


@pytest.mark.parametrize(
    ("mod", "expected"),
    [(None, "2019-07-02 12:00"), ("START", "2019-01-01 12:00"), ("END", "2019-12-31 12:00")],
    ids=["middle", "start", "end"],
)
def test_span_marker_sits_at_the_bounded_end(mod: str | None, expected: str) -> None:
    earliest, latest = dt.date(2019, 1, 1), dt.date(2019, 12, 31)
    assert marker_position(earliest, latest, True, mod) == expected


def test_same_day_events_in_one_lane_are_stacked_apart() -> None:
    view = build_view(small_result())
    by_id = {e.id: e for e in view.events}
    for mode in ("type", "document"):
        assert by_id["e1"].y[mode] != by_id["e2"].y[mode]
        assert round(by_id["e1"].y["type"]) == round(by_id["e2"].y["type"])


@pytest.mark.parametrize(
    ("intervals", "rows"),
    [
        ([(0, 1), (0, 1), (0, 1)], [0, 1, 2]),
        ([(0, 1), (1, 2), (2, 3)], [0, 0, 0]),
        ([(0, 10), (2, 3), (5, 6), (10, 11)], [0, 1, 1, 0]),
    ],
    ids=["same-day", "consecutive", "span-with-points"],
)
def test_stack_rows_first_fit(intervals: list[tuple[int, int]], rows: list[int]) -> None:
    assert stack_rows(intervals) == rows


def test_stack_rows_never_exceeds_the_row_cap() -> None:
    assert max(stack_rows([(0, 1)] * 50, max_rows=7)) == 6


def test_lanes_follow_frequency_and_are_capped() -> None:
    view = build_view(generated_result(2000))
    for mode in LaneMode:
        lanes = view.lanes[mode.value]
        assert len(lanes.names) <= MAX_LANES
        assert all(0 <= round(e.y[mode.value]) < len(lanes.names) for e in view.events)
    assert view.lanes["actor"].names[-1].startswith("other (")
    assert build_view(small_result()).lanes["type"].names == [
        "sanction",
        "statement",
        "detention",
        "vote",
    ]


def test_placed_labels_never_overlap_and_respect_the_limit() -> None:
    view = build_view(generated_result(3000))
    numbers = {e.index: x_number(e.x) for e in view.events if e.x}
    bounds = x_bounds(view.events)
    assert bounds is not None
    low, high = (x_number(b.strftime("%Y-%m-%d %H:%M")) for b in bounds)
    width, height, lanes = 900.0, 600.0, len(view.lanes["type"].names)
    labels = place_labels(view.events, "type", (low, high), (width, height), lanes, numbers)
    assert 10 <= len(labels) <= MAX_LABELS
    rects = []
    for label in labels:
        event = view.events[label.index]
        x = (numbers[label.index] - low) * width / (high - low)
        y = (event.y["type"] + 0.5) * height / lanes
        w = len(html.unescape(event.label)) * 6.3 + 6
        x0 = x + 8 if label.side == "right" else x - 8 - w
        assert x0 >= 0 and x0 + w <= width
        rects.append((x0, y - 7.5, x0 + w, y + 7.5))
    assert not any(rectangles_overlap(a, b) for i, a in enumerate(rects) for b in rects[i + 1 :])


def test_labels_go_left_when_there_is_no_room_on_the_right() -> None:
    view = build_view(small_result())
    numbers = {e.index: x_number(e.x) for e in view.events if e.x}
    last = max(numbers.values())
    labels = place_labels(view.events, "type", (last - 30, last + 0.5), (500.0, 400.0), 4, numbers)
    assert Label(max(numbers, key=numbers.get), "left") in labels


# ---- figure ----


def test_figure_plots_every_dated_event_once() -> None:
    result = small_result()
    figure = build_figure(build_view(result))
    events = [t for t in figure.data if t.meta and t.meta["role"] == "events"]
    assert sum(len(t.x) for t in events) == 6
    assert {t.type for t in events} == {"scatter"}
    spans = [t for t in figure.data if t.meta and t.meta["role"] == "spans"]
    assert sum(list(t.x).count(None) for t in spans) == 2
    assert figure.layout.xaxis.rangeslider.visible is True
    assert [b.label for b in figure.layout.updatemenus[0].buttons] == [
        "Lanes: event type",
        "Lanes: actor",
        "Lanes: source document",
    ]


def test_large_figures_use_webgl_and_a_density_profile_for_the_slider() -> None:
    figure = build_figure(build_view(generated_result(WEBGL_THRESHOLD + 1)))
    events = [t for t in figure.data if t.meta and t.meta["role"] == "events"]
    assert {t.type for t in events} == {"scattergl"}
    assert sum(len(t.x) for t in events) == WEBGL_THRESHOLD + 1
    density = [t for t in figure.data if t.meta and t.meta["role"] == "density"]
    assert len(density) == 1 and sum(density[0].y) == WEBGL_THRESHOLD + 1


def test_static_figure_has_a_title_and_no_interactive_controls() -> None:
    figure = build_figure(build_view(small_result()), interactive=False)
    assert figure.layout.title.text.startswith("Timeline: 6 dated events from 4 documents")
    assert not figure.layout.updatemenus
    assert figure.layout.xaxis.rangeslider.visible is None


def test_empty_result_renders_a_page_with_a_message() -> None:
    page = render_html(TimelineResult())
    assert "No dated events to plot" in page
    assert embedded_data(page)["events"] == []


# ---- page ----


def test_inline_page_embeds_plotly_and_cdn_page_links_it() -> None:
    inline = render_html(small_result())
    cdn = render_html(small_result(), plotlyjs="cdn")
    assert len(inline) > 3_000_000 and '<script src="https://cdn.plot.ly' not in inline
    assert len(cdn) < 200_000
    assert re.search(r'<script src="https://cdn\.plot\.ly/plotly-[\d.]+\.min\.js"', cdn)
    with pytest.raises(ValueError, match="plotlyjs"):
        render_html(small_result(), plotlyjs="local")  # type: ignore[arg-type]


def test_page_has_print_css_title_and_sections() -> None:
    page = render_html(small_result(), plotlyjs="cdn")
    assert "@media print" in page
    assert "<title>Timeline: 6 dated events from 4 documents, 2019–2021</title>" in page
    for section in ("tl-uncertain", "tl-documents", "tl-details", "tl-search", "tl-actor"):
        assert f'id="{section}"' in page


def test_cli_render_writes_html_from_a_saved_json(tmp_path: Path) -> None:
    events = tmp_path / "events.json"
    events.write_text(to_json(small_result()), encoding="utf-8")
    output = tmp_path / "timeline.html"
    assert main(["render", str(events), "-o", str(output), "--cdn"]) == 0
    page = output.read_text(encoding="utf-8")
    assert len(embedded_data(page)["events"]) == 8


# ---- static images ----


def test_find_browser_honours_browser_path(tmp_path: Path) -> None:
    assert find_browser({"BROWSER_PATH": str(tmp_path / "missing"), "PATH": ""}) is None
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    assert find_browser({"BROWSER_PATH": str(fake)}) == str(fake)


def test_image_without_a_browser_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("timeline.render.image.find_browser", lambda: None)
    with pytest.raises(ImageExportError, match="no Chromium browser found"):
        write_image(small_result(), tmp_path / "timeline.png")


def test_image_with_an_unknown_extension_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ImageExportError, match=r"unknown image type '\.gif'"):
        image_format(tmp_path / "timeline.gif")


def test_cli_reports_a_missing_browser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    events = tmp_path / "events.json"
    events.write_text(to_json(small_result()), encoding="utf-8")
    monkeypatch.setattr("timeline.render.image.find_browser", lambda: None)
    assert main(["render", str(events), "--image", str(tmp_path / "t.png")]) == 1
    assert "no Chromium browser found" in capsys.readouterr().err


@pytest.mark.browser
@pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("TIMELINE_REQUIRE_BROWSER"),
    reason=f"Chromium not found at {CHROMIUM}",
)
def test_png_and_svg_images_are_written_with_the_system_chromium(tmp_path: Path) -> None:
    png = write_image(small_result(), tmp_path / "timeline.png", browser=str(CHROMIUM))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = write_image(small_result(), tmp_path / "timeline.svg", browser=str(CHROMIUM))
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<svg") and "Canada sanctions four" in text


def test_rendering_does_not_pull_in_plotly_express_numpy_or_pandas() -> None:
    code = (
        "import sys\n"
        "from tests.browser.fixtures import small_result\n"
        "from timeline.render import render_html\n"
        "render_html(small_result())\n"
        "print(sorted(m for m in ('numpy', 'pandas', 'plotly.express') if m in sys.modules))\n"
    )
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
