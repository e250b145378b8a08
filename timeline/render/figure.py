"""The Plotly figure of a timeline view: lanes, points, spans, labels, legend and controls.

Only `plotly.graph_objects` is used (plotly.express would pull in numpy and pandas). Every
text that reaches plotly was escaped in `timeline.render.view`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

import plotly.graph_objects as go
import plotly.io as pio

from timeline.render.view import (
    LABEL_OFFSET_PX,
    LANE_MODE_LABELS,
    STATUS_SYMBOLS,
    Label,
    LaneMode,
    TimelineView,
    ViewEvent,
    escape_text,
    place_labels,
    x_number,
)

#: Above this many dated events the markers and spans are drawn with WebGL.
WEBGL_THRESHOLD = 1000
FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
TEXT_COLOR = "#222222"
GRID_COLOR = "#e6e6e6"
LANE_BAND_COLOR = "rgba(0, 0, 0, 0.035)"
SPAN_WIDTH = 7
MARKER_SIZE = 10
#: The width the static image is drawn at, and the plot width assumed for first labels.
IMAGE_WIDTH = 1400
#: Periods in the range-slider density profile.
DENSITY_BINS = 160
ASSUMED_PLOT_WIDTH = 1000
#: Height taken by margins, axis and range slider, to estimate the plot area for labels.
PLOT_CHROME_PX = 150


def figure_height(lane_count: int) -> int:
    """Chart height in pixels: enough room per lane for stacked rows and labels."""
    return max(480, min(1100, 200 + 58 * max(lane_count, 1)))


def x_bounds(events: Sequence[ViewEvent]) -> tuple[dt.datetime, dt.datetime] | None:
    """The x range showing every dated event with a margin, or None without dated events."""
    starts = [dt.date.fromisoformat(e.x0 or e.earliest or "") for e in events if e.dated]
    ends = [dt.date.fromisoformat(e.x1 or e.latest or "") for e in events if e.dated]
    if not starts:
        return None
    low = dt.datetime.combine(min(starts), dt.time())
    high = dt.datetime.combine(max(ends), dt.time()) + dt.timedelta(days=1)
    pad = max((high - low) * 0.04, dt.timedelta(days=10))
    return low - pad, high + pad


def lane_bands(lane_count: int) -> list[dict[str, object]]:
    """Light bands behind every other lane, so rows read across the chart."""
    return [
        {
            "type": "rect",
            "xref": "paper",
            "yref": "y",
            "x0": 0,
            "x1": 1,
            "y0": lane - 0.5,
            "y1": lane + 0.5,
            "fillcolor": LANE_BAND_COLOR,
            "line": {"width": 0},
            "layer": "below",
        }
        for lane in range(0, lane_count, 2)
    ]


def yaxis_for(view: TimelineView, mode: str) -> dict[str, object]:
    """The y axis of one lane mode: lane names top to bottom, fixed range."""
    lanes = view.lanes[mode]
    count = max(len(lanes.ticks), 1)
    return {
        "tickmode": "array",
        "tickvals": list(range(len(lanes.ticks))),
        "ticktext": lanes.ticks,
        "range": [count - 0.5, -0.5],
        "fixedrange": True,
        "showgrid": False,
        "zeroline": False,
        "automargin": True,
        "ticks": "",
        "tickfont": {"size": 12},
    }


def event_trace(
    events: Sequence[ViewEvent], name: str, color: str, mode: str, webgl: bool
) -> go.Scatter | go.Scattergl:
    """The markers of one event type (points at their day, spans at their middle)."""
    trace_class = go.Scattergl if webgl else go.Scatter
    return trace_class(
        x=[e.x for e in events],
        y=[e.y[mode] for e in events],
        customdata=[e.index for e in events],
        hovertext=[e.hover for e in events],
        hoverinfo="text",
        mode="markers",
        name=escape_text(name),
        showlegend=False,
        legendgroup=f"type:{name}",
        marker={
            "color": color,
            "size": MARKER_SIZE,
            "symbol": [STATUS_SYMBOLS.get(e.status, "circle") for e in events],
            "line": {"color": color if webgl else "white", "width": 1.5 if webgl else 1},
        },
        meta={"role": "events", "type": name},
    )


def span_trace(
    events: Sequence[ViewEvent], name: str, color: str, mode: str, webgl: bool
) -> go.Scatter | go.Scattergl:
    """Bars covering each coarse event's whole interval (a month, a year)."""
    xs: list[str | None] = []
    ys: list[float | None] = []
    for event in events:
        xs += [event.x0, event.x1, None]
        ys += [event.y[mode], event.y[mode], None]
    trace_class = go.Scattergl if webgl else go.Scatter
    return trace_class(
        x=xs,
        y=ys,
        mode="lines",
        line={"color": color, "width": SPAN_WIDTH},
        opacity=0.3 if webgl else 0.45,
        hoverinfo="skip",
        showlegend=False,
        legendgroup=f"type:{name}",
        connectgaps=False,
        meta={"role": "spans", "type": name, "events": [e.index for e in events]},
    )


def label_annotations(
    events: Sequence[ViewEvent], labels: Sequence[Label], mode: str
) -> list[dict[str, object]]:
    """Text labels beside the markers that have room for one (annotations, so they stay out
    of the range slider), on a faint white box so they read over bars and grid lines."""
    by_index = {e.index: e for e in events}
    return [
        {
            "x": by_index[label.index].x,
            "y": by_index[label.index].y[mode],
            "text": by_index[label.index].label,
            "xanchor": "left" if label.side == "right" else "right",
            "xshift": LABEL_OFFSET_PX if label.side == "right" else -LABEL_OFFSET_PX,
            "showarrow": False,
            "font": {"size": 11, "color": "#333333"},
            "bgcolor": "rgba(255, 255, 255, 0.75)",
            "borderpad": 1,
        }
        for label in labels
    ]


def type_legend_trace(name: str, color: str) -> go.Scatter:
    """The legend entry of one event type: a plain dot in its colour (the marker traces mix
    shapes, and a legend shows only the first one); clicking it toggles the whole type."""
    return go.Scatter(
        x=[None],
        y=[None],
        mode="markers",
        name=escape_text(name),
        legendgroup=f"type:{name}",
        marker={"color": color, "size": MARKER_SIZE, "symbol": "circle"},
        hoverinfo="skip",
        meta={"role": "legend", "type": name},
    )


def density_trace(events: Sequence[ViewEvent], bins: int = DENSITY_BINS) -> go.Scatter:
    """Events per period, drawn only in the range slider (WebGL traces are not drawn there).

    It sits on a hidden y axis whose range keeps it out of the main plot.
    """
    numbers = [x_number(e.x) for e in events if e.dated and e.x]
    low, high = min(numbers), max(numbers)
    width = max((high - low) / bins, 1.0)
    counts = Counter(int((n - low) / width) for n in numbers)
    origin = dt.date.fromordinal(int(low))
    xs = [
        (origin + dt.timedelta(days=(low - int(low)) + (b + 0.5) * width)).isoformat()
        for b in range(max(counts) + 1)
    ]
    return go.Scatter(
        x=xs,
        y=[counts.get(b, 0) for b in range(len(xs))],
        yaxis="y2",
        mode="lines",
        line={"color": "#777777", "width": 1, "shape": "hvh"},
        fill="tozeroy",
        fillcolor="rgba(0, 0, 0, 0.15)",
        hoverinfo="skip",
        showlegend=False,
        meta={"role": "density"},
    )


def key_traces() -> list[go.Scatter]:
    """Legend-only entries explaining marker shapes (status) and bars (coarse dates)."""
    entries: list[go.Scatter] = [
        go.Scatter(
            x=[None],
            y=[None],
            mode="markers",
            name=status,
            marker={"symbol": symbol, "color": "#555555", "size": MARKER_SIZE},
            legend="legend2",
            hoverinfo="skip",
            meta={"role": "key"},
        )
        for status, symbol in STATUS_SYMBOLS.items()
    ]
    entries.append(
        go.Scatter(
            x=[None],
            y=[None],
            mode="lines",
            name="known to month/year",
            line={"color": "#555555", "width": SPAN_WIDTH},
            opacity=0.45,
            legend="legend2",
            hoverinfo="skip",
            meta={"role": "key"},
        )
    )
    return entries


def lane_menu(active: str) -> dict[str, object]:
    """The lane dropdown. Its buttons only emit an event: the page script redraws the lanes,
    so that lanes, filters and search always agree."""
    modes = list(LaneMode)
    return {
        "type": "dropdown",
        "direction": "down",
        "active": [mode.value for mode in modes].index(active),
        "showactive": True,
        "buttons": [
            {"label": LANE_MODE_LABELS[mode], "method": "skip", "args": [mode.value]}
            for mode in modes
        ],
        "x": 1.0,
        "xanchor": "right",
        "y": 1.0,
        "yanchor": "bottom",
        "pad": {"b": 6},
        "bgcolor": "white",
        "bordercolor": "#999999",
        "font": {"size": 12},
    }


def initial_labels(view: TimelineView, mode: str, plot_size: tuple[float, float]) -> list[Label]:
    """Labels for the full x range, before the page script places them for the real size."""
    bounds = x_bounds(view.events)
    if bounds is None:
        return []
    numbers = {e.index: x_number(e.x) for e in view.events if e.dated and e.x}
    low, high = (x_number(b.strftime("%Y-%m-%d %H:%M")) for b in bounds)
    lane_count = len(view.lanes[mode].ticks)
    return place_labels(view.events, mode, (low, high), plot_size, lane_count, numbers)


def chart_title(view: TimelineView, interactive: bool) -> dict[str, object]:
    """The title drawn in the chart: only in static images (the page has its own heading)."""
    if interactive:
        return {"text": ""}
    return {"text": escape_text(view.title), "x": 0.01, "xanchor": "left", "font": {"size": 20}}


def build_figure(
    view: TimelineView,
    *,
    interactive: bool = True,
    webgl: bool | None = None,
    mode: str = LaneMode.type.value,
    plot_width: float = ASSUMED_PLOT_WIDTH,
) -> go.Figure:
    """The chart: one marker trace (and one span trace) per event type, labels, and a key.

    `interactive` adds the range slider, range buttons and the lane dropdown (not wanted in a
    static image); `webgl` defaults to WebGL above `WEBGL_THRESHOLD` dated events.
    """
    dated = [e for e in view.events if e.dated]
    use_webgl = len(dated) > WEBGL_THRESHOLD if webgl is None else webgl
    spans: list[go.Scatter | go.Scattergl] = []
    markers: list[go.Scatter | go.Scattergl] = []
    for name in view.types:
        members = [e for e in dated if e.type == name]
        if not members:
            continue
        color = view.type_colors[name]
        span_members = [e for e in members if e.is_span]
        if span_members:
            spans.append(span_trace(span_members, name, color, mode, use_webgl))
        markers.append(event_trace(members, name, color, mode, use_webgl))
    lane_count = len(view.lanes[mode].ticks)
    # Interactive: room for the mode with the most lanes, so switching never resizes (slow).
    most_lanes = max(len(lanes.ticks) for lanes in view.lanes.values())
    height = figure_height(most_lanes if interactive else lane_count)
    plot_size = (plot_width, height - PLOT_CHROME_PX)
    labels = label_annotations(dated, initial_labels(view, mode, plot_size), mode)
    legend = [
        type_legend_trace(name, view.type_colors[name])
        for name in view.types
        if any(e.type == name for e in dated)
    ]
    density = [density_trace(dated)] if use_webgl and dated else []
    key = key_traces() if dated else []
    figure = go.Figure([*density, *spans, *markers, *legend, *key])
    bounds = x_bounds(view.events)
    xaxis: dict[str, object] = {
        "type": "date",
        "showgrid": True,
        "gridcolor": GRID_COLOR,
        "linecolor": "#999999",
        "ticks": "outside",
        "automargin": True,
    }
    if bounds is not None:
        xaxis["range"] = [b.strftime("%Y-%m-%d %H:%M") for b in bounds]
    if not dated:
        xaxis.update(showticklabels=False, showgrid=False, ticks="")
    if interactive and dated:
        xaxis["rangeslider"] = {"visible": True, "thickness": 0.07, "bgcolor": "#f4f4f4"}
        xaxis["rangeselector"] = {
            "buttons": [
                {"count": 1, "label": "1m", "step": "month", "stepmode": "backward"},
                {"count": 6, "label": "6m", "step": "month", "stepmode": "backward"},
                {"count": 1, "label": "1y", "step": "year", "stepmode": "backward"},
                {"label": "all", "step": "all"},
            ],
            "x": 0,
            "y": 1.0,
            "yanchor": "bottom",
            "bgcolor": "#eeeeee",
            "activecolor": "#cccccc",
        }
    figure.update_layout(
        title=chart_title(view, interactive),
        font={"family": FONT_FAMILY, "size": 13, "color": TEXT_COLOR},
        xaxis=xaxis,
        yaxis=yaxis_for(view, mode),
        shapes=lane_bands(lane_count),
        annotations=labels,
        height=height,
        margin={"l": 10, "r": 10, "t": 48 if interactive else 80, "b": 40},
        plot_bgcolor="white",
        paper_bgcolor="white",
        hovermode="closest",
        hoverlabel={"bgcolor": "white", "bordercolor": "#777777", "align": "left"},
        legend={"x": 1.01, "y": 1.0, "yanchor": "top", "title": {"text": "Event type"}},
        legend2={"x": 1.01, "y": 0.0, "yanchor": "bottom", "title": {"text": "Shape"}},
        dragmode="zoom",
        uirevision="timeline",
        meta={"lane_mode": mode},
    )
    if interactive and dated:
        figure.update_layout(updatemenus=[lane_menu(mode)])
    if density:
        figure.update_layout(
            yaxis2={"overlaying": "y", "visible": False, "range": [-2, -1], "fixedrange": True},
        )

    if not dated:
        figure.add_annotation(
            text="No dated events to plot",
            xref="paper",
            yref="paper",
            x=0.5,
            y=0.5,
            showarrow=False,
            font={"size": 16, "color": "#666666"},
        )
    return figure


def figure_json(figure: go.Figure) -> str:
    """The figure as JSON for plotly.js, with what plotly.py cannot validate added: the
    range slider scales the hidden density axis on its own (`rangeslider.yaxis2`)."""
    spec = figure.to_plotly_json()
    rangeslider = spec["layout"].get("xaxis", {}).get("rangeslider")
    if rangeslider is not None and "yaxis2" in spec["layout"]:
        rangeslider["yaxis2"] = {"rangemode": "auto"}
    return pio.to_json(spec, validate=False, engine="json")
