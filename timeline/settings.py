"""One settings model: every option of a run, with its default, type and allowed values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Settings(BaseModel):
    """Options for a pipeline run; the CLI builds one, tests build their own."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    dct: dt.date | None = Field(
        default=None, description="One publication date for every input (overrides all else)."
    )
    dates_file: Path | None = Field(
        default=None, description="JSON or CSV of per-document publication dates and metadata."
    )
    html_mode: Literal["inline", "cdn"] = Field(
        default="inline", description="Embed plotly.js (works offline) or link it from a CDN."
    )
    min_confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    workers: int = Field(default=1, ge=1, description="Processes for per-document extraction.")
