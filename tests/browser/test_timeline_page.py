"""The rendered timeline page in a real (headless) Chromium: plots, hover, click, filters,
lists, safety against hostile documents, and a screenshot for a human to look at."""

from __future__ import annotations

from tests.browser.conftest import ARTIFACTS, launch_chromium
from tests.browser.fixtures import (
    BOLD_PAYLOAD,
    LINK_PAYLOAD,
    SCRIPT_PAYLOAD,
    XSS_FLAG_PAYLOAD,
    generated_result,
    malicious_result,
    small_result,
)
from timeline.render import render_html

SMALL_DATED_IDS = {"e1", "e2", "e3", "e4", "e5", "e6"}


def event_index(loaded, event_id: str) -> int:
    """The page's index of an event."""
    return loaded.page.evaluate(
        "id => window.timelineApp.data.events.findIndex(e => e.id === id)", event_id
    )


def point_of(loaded, event_id: str) -> tuple[float, float]:
    """Where an event's marker is on screen (client coordinates)."""
    position = loaded.page.evaluate(
        "i => window.timelineApp.pointPosition(i)", event_index(loaded, event_id)
    )
    return position["x"], position["y"]


def hover_event(loaded, event_id: str) -> str:
    """Move the mouse onto an event's marker and return the hover label's text."""
    x, y = point_of(loaded, event_id)
    loaded.page.mouse.move(x - 30, y - 30)
    loaded.page.mouse.move(x, y, steps=4)
    loaded.page.wait_for_selector(".hoverlayer .hovertext", timeout=5_000)
    return loaded.page.evaluate(
        "[...document.querySelectorAll('.hoverlayer .hovertext tspan.line')]"
        ".map(line => line.textContent).join('\\n')"
    )


def click_event(loaded, event_id: str) -> None:
    """Click an event's marker and wait for the details panel to show it."""
    hover_event(loaded, event_id)  # plotly clicks the point it hovers: hover first
    x, y = point_of(loaded, event_id)
    loaded.page.mouse.click(x, y)
    loaded.page.wait_for_selector("#tl-details h2", timeout=5_000)


def test_small_page_plots_every_dated_event_without_console_errors(open_timeline) -> None:
    loaded = open_timeline(small_result())
    assert sorted(loaded.plotted_event_ids()) == sorted(SMALL_DATED_IDS)
    assert loaded.errors == []
    spans = loaded.page.evaluate(
        """() => document.querySelector('.js-plotly-plot').data
            .filter(t => t.meta && t.meta.role === 'spans')
            .reduce((n, t) => n + t.x.filter(x => x === null).length, 0)"""
    )
    assert spans == 2  # the month (e3) and the year (e5) are drawn as bars
    assert "Showing 6 of 6 dated events" in loaded.page.inner_text("#tl-count")
    buttons = loaded.page.eval_on_selector_all(
        ".modebar-btn", "buttons => buttons.map(b => b.getAttribute('data-title'))"
    )
    assert "Box Select" in buttons
    assert not any("Share" in title or "Cloud" in title for title in buttons)


def test_hover_shows_title_dates_status_actors_and_sources(open_timeline) -> None:
    loaded = open_timeline(small_result())
    text = hover_event(loaded, "e1")
    assert "Canada sanctions four Chinese officials" in text
    assert "“March 22”" in text and "2021-03-22" in text
    assert "occurred" in text
    assert "Canada, European Union" in text
    assert "Sources: 2 documents" in text


def test_click_shows_every_source_sentence_with_the_date_phrase_marked(open_timeline) -> None:
    loaded = open_timeline(small_result())
    click_event(loaded, "e1")
    page = loaded.page
    assert page.inner_text("#tl-details h2") == "Canada sanctions four Chinese officials"
    assert page.locator("#tl-details figure.source").count() == 2
    assert page.locator("#tl-details mark").all_inner_texts() == ["March 22", "March 22"]
    link = page.locator("#tl-details a")
    assert link.count() == 1  # the Toronto Star has no URL; CBC has an https one
    assert link.get_attribute("href") == "https://www.cbc.ca/news/politics/xinjiang-statement"
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert "Toronto Star: Canada sanctions Chinese officials" in page.inner_text("#tl-details")


def test_type_filter_search_and_actor_filter_change_what_is_plotted(open_timeline) -> None:
    loaded = open_timeline(small_result())
    page = loaded.page
    page.locator("#tl-types input[value='sanction']").uncheck()
    page.wait_for_function("window.timelineApp.shownIndices().length === 4")
    assert set(loaded.plotted_event_ids()) == SMALL_DATED_IDS - {"e1", "e2"}
    page.fill("#tl-search", "geneva")
    page.wait_for_function("window.timelineApp.shownIndices().length === 1")
    assert loaded.plotted_event_ids() == ["e4"]
    page.click("#tl-reset")
    page.wait_for_function("window.timelineApp.shownIndices().length === 6")
    page.select_option("#tl-actor", "China")
    page.wait_for_function("window.timelineApp.shownIndices().length === 2")
    assert sorted(loaded.plotted_event_ids()) == ["e2", "e5"]
    assert "Showing 2 of 6" in page.inner_text("#tl-count")
    assert loaded.errors == []


def test_lane_dropdown_switches_to_actor_and_document_lanes(open_timeline) -> None:
    loaded = open_timeline(small_result())
    page = loaded.page
    page.click(".updatemenu-header-group")
    page.locator(".updatemenu-dropdown-button", has_text="Lanes: actor").click()
    page.wait_for_function("window.timelineApp.state.mode === 'actor'")
    ticks = page.evaluate("document.querySelector('.js-plotly-plot').layout.yaxis.ticktext")
    assert ticks[0] == "Canada"  # three events, the most frequent first actor
    assert "China" in ticks
    page.click(".updatemenu-header-group")
    page.locator(".updatemenu-dropdown-button", has_text="Lanes: source document").click()
    page.wait_for_function("window.timelineApp.state.mode === 'document'")
    ticks = page.evaluate("document.querySelector('.js-plotly-plot').layout.yaxis.ticktext")
    assert "CBC News" in ticks
    assert sorted(loaded.plotted_event_ids()) == sorted(SMALL_DATED_IDS)
    assert loaded.errors == []


def test_zooming_places_labels_again_for_the_visible_events(open_timeline) -> None:
    loaded = open_timeline(small_result())
    page = loaded.page
    labels = "document.querySelector('.js-plotly-plot').layout.annotations.map(a => a.text)"
    assert len(page.evaluate(labels)) == 6  # everything fits at full range
    page.evaluate(
        "Plotly.relayout(document.querySelector('.js-plotly-plot'),"
        " {'xaxis.range': ['2021-03-01', '2021-04-30']})"
    )
    page.wait_for_function(f"{labels}.length === 2")
    assert sorted(page.evaluate(labels)) == [  # titles shortened to fit
        "Canada sanctions four Chinese off…",
        "China retaliates with counter-san…",
    ]


def test_box_selection_lists_the_selected_events(open_timeline) -> None:
    loaded = open_timeline(small_result())
    page = loaded.page
    page.evaluate(
        "Plotly.relayout(document.querySelector('.js-plotly-plot'), {dragmode: 'select'})"
    )
    x1, y1 = point_of(loaded, "e1")
    _, y2 = point_of(loaded, "e2")
    page.mouse.move(x1 - 15, min(y1, y2) - 15)
    page.mouse.down()
    page.mouse.move(x1 + 15, max(y1, y2) + 15, steps=8)
    page.mouse.up()
    page.wait_for_selector("#tl-details .selected-list")
    assert page.inner_text("#tl-details h2") == "2 selected events"
    page.locator("#tl-details .selected-list button", has_text="China retaliates").click()
    assert page.inner_text("#tl-details h2") == "China retaliates with counter-sanctions"


def test_undated_list_documents_list_and_skipped_inputs(open_timeline) -> None:
    loaded = open_timeline(small_result())
    page = loaded.page
    rows = page.locator("#tl-uncertain tbody tr")
    assert rows.count() == 4  # two undated, the year-only one, the document-dated one
    uncertain = page.inner_text("#tl-uncertain")
    assert "only the year is known (2019)" in uncertain
    assert "the document date is unknown" in uncertain
    assert "no date near the event; the publication date is used" in uncertain
    documents = page.inner_text("#tl-documents")
    assert "from the page metadata: article:published_time" in documents
    assert "inferred from dates in the text: latest date in the text" in documents
    assert page.locator("#tl-documents a").count() == 1  # javascript: URL stays text
    assert "javascript:alert(1)" in documents
    assert "not a text file" in page.inner_text("#tl-skipped")
    page.locator("#tl-uncertain button", has_text="Beijing denies the accusations").click()
    assert page.inner_text("#tl-details h2") == "Beijing denies the accusations"


def test_hostile_document_strings_stay_literal_text(open_timeline) -> None:
    loaded = open_timeline(malicious_result())
    page = loaded.page
    hover = hover_event(loaded, "x1")
    assert XSS_FLAG_PAYLOAD in hover and BOLD_PAYLOAD in hover
    assert page.locator(".hoverlayer a, .hoverlayer b").count() == 0
    click_event(loaded, "x1")
    details = page.inner_text("#tl-details")
    for payload in (XSS_FLAG_PAYLOAD, SCRIPT_PAYLOAD, BOLD_PAYLOAD, LINK_PAYLOAD):
        assert payload in details
    assert "</script><script>window.__xss=4</script>" in details
    page.locator("#tl-uncertain button").first.click()
    assert page.inner_text("#tl-details h2") == f"Undated {SCRIPT_PAYLOAD}"
    assert f"reason {BOLD_PAYLOAD}" in page.inner_text("#tl-uncertain")
    assert f"Title {XSS_FLAG_PAYLOAD}" in page.inner_text("#tl-documents")
    assert SCRIPT_PAYLOAD in page.inner_text("#tl-skipped")
    page.mouse.move(5, 5)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    assert page.evaluate("document.querySelectorAll('img[src=\"x\"], b[onmouseover]').length") == 0
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    assert all(href.startswith(("https://", "http://")) for href in hrefs)
    assert not any("evil.example" in href for href in hrefs)
    assert sorted(loaded.plotted_event_ids()) == ["x1", "x2"]
    assert loaded.errors == []


def test_five_thousand_events_load_and_are_all_plotted(open_timeline) -> None:
    loaded = open_timeline(generated_result(5000))
    assert len(loaded.plotted_event_ids()) == 5000
    assert loaded.errors == []


def test_screenshot_of_the_small_timeline_with_an_event_open(open_timeline) -> None:
    loaded = open_timeline(small_result())
    click_event(loaded, "e3")
    loaded.page.mouse.move(5, 5)
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "timeline.png"
    loaded.page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 20_000
    assert loaded.page.locator("#tl-details mark").all_inner_texts() == ["In February"]


def test_without_webgl_the_page_falls_back_to_svg_traces(playwright_session, tmp_path) -> None:
    path = tmp_path / "timeline.html"
    path.write_text(render_html(generated_result(1200)), encoding="utf-8")
    browser = launch_chromium(playwright_session, ("--disable-webgl",))
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri())
    page.wait_for_selector("#timeline-chart[data-ready=true]", timeout=60_000)
    types = page.evaluate(
        "[...new Set(document.querySelector('.js-plotly-plot').data.map(t => t.type))]"
    )
    count = page.evaluate("window.timelineApp.shownIndices().length")
    browser.close()
    assert types == ["scatter"]
    assert count == 1200
    assert errors == []
