"""Render: the interactive Plotly HTML timeline (the only module that imports plotly)."""

from __future__ import annotations

import html
from typing import Literal

import plotly.graph_objects as go

from timeline.models import TimelineResult


def render_html(result: TimelineResult, plotlyjs: Literal["inline", "cdn"] = "inline") -> str:
    """A self-contained (or CDN-linked) HTML page plotting every dated event."""
    events = result.events
    figure = go.Figure(
        go.Scatter(
            x=[event.time.earliest.isoformat() for event in events if event.time],
            y=[event.type for event in events if event.time],
            mode="markers",
            hovertext=[
                "<br>".join(
                    html.escape(part, quote=False)
                    for part in (event.title, event.time.value, event.mentions[0].text[:200])
                )
                for event in events
                if event.time
            ],
            hoverinfo="text",
        )
    )
    figure.update_layout(title="Timeline", xaxis={"type": "date"})
    return figure.to_html(include_plotlyjs=True if plotlyjs == "inline" else "cdn", full_html=True)
