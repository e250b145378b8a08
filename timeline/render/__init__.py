"""Render: the interactive Plotly HTML timeline and static images (the only plotly user).

`render_html` builds the page; `write_image` writes a PNG/SVG through kaleido.
"""

from __future__ import annotations

from timeline.render.image import ImageExportError, write_image
from timeline.render.page import render_html

__all__ = ["ImageExportError", "render_html", "write_image"]
