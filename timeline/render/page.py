"""The HTML page: the Plotly chart, the page script, and the view data as inert JSON."""

from __future__ import annotations

import html
import json
from functools import cache
from importlib import resources
from string import Template
from typing import Literal

from plotly.offline import get_plotlyjs, get_plotlyjs_version

from timeline.models import TimelineResult
from timeline.render.figure import build_figure, figure_json
from timeline.render.view import TimelineView, build_view

#: Characters that could end a <script> block or start markup, and their JSON escapes.
SCRIPT_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


@cache
def page_resource(name: str) -> str:
    """A page asset (template, CSS, script) from timeline/resources/render, read once."""
    return resources.files("timeline.resources").joinpath("render", name).read_text("utf-8")


def escape_script_json(text: str) -> str:
    """JSON text safe inside <script type="application/json">: no `<`, `>` or `&` left.

    The escapes are valid inside JSON strings, and these characters never occur outside
    strings in JSON, so the text still parses to the same value.
    """
    for character, escape in SCRIPT_JSON_ESCAPES.items():
        text = text.replace(character, escape)
    return text


def view_json(view: TimelineView) -> str:
    """The view data as compact JSON for the page script."""
    return json.dumps(view.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":"))


def plotly_script(plotlyjs: Literal["inline", "cdn"]) -> str:
    """The <script> that loads plotly.js: embedded (works offline) or from the plotly CDN."""
    if plotlyjs == "cdn":
        url = f"https://cdn.plot.ly/plotly-{get_plotlyjs_version()}.min.js"
        return f'<script src="{url}" charset="utf-8"></script>'
    return f'<script type="text/javascript">{get_plotlyjs()}</script>'


def subtitle(view: TimelineView) -> str:
    """The line under the page title: what is shown and how to read it."""
    undated = len(view.events) - view.dated_count
    return (
        f"{view.dated_count} dated events, {undated} undated, {len(view.documents)} documents. "
        "Dots are events dated to the day; bars cover events known only to the month or year."
    )


def render_html(result: TimelineResult, plotlyjs: Literal["inline", "cdn"] = "inline") -> str:
    """The interactive timeline page: self-contained (`inline`, ~4.8 MB) or CDN-linked."""
    if plotlyjs not in ("inline", "cdn"):
        raise ValueError(f"plotlyjs must be 'inline' or 'cdn', not {plotlyjs!r}")
    view = build_view(result)
    figure = build_figure(view, interactive=True)
    template = Template(page_resource("page.html"))
    return template.substitute(
        title=html.escape(view.title),
        subtitle=html.escape(subtitle(view)),
        css=page_resource("timeline.css"),
        plotly_script=plotly_script(plotlyjs),
        figure_json=escape_script_json(figure_json(figure)),
        data_json=escape_script_json(view_json(view)),
        page_js=page_resource("timeline.js"),
    )
