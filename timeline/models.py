"""The data contract: typed pydantic models passed between pipeline stages and written as JSON.

Every stage reads and returns these models; `TimelineResult` is what `events.json` holds and
what its JSON Schema (``timeline schema``) is generated from.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1"


class Strict(BaseModel):
    """Base for every model: unknown fields are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Granularity(str, Enum):
    """How precise a date is: the unit that its earliest..latest interval covers."""

    time = "time"
    day = "day"
    week = "week"
    month = "month"
    season = "season"
    quarter = "quarter"
    half = "half"
    year = "year"
    decade = "decade"
    century = "century"


#: Rank of each granularity, finest (time) to coarsest (century): the enum's declaration order.
GRANULARITY_RANK: dict[Granularity, int] = {grain: rank for rank, grain in enumerate(Granularity)}


class TimexType(str, Enum):
    """The TIMEX3 type of a temporal expression."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class PartialDate(Strict):
    """A calendar date known only down to some unit: optional fields plus a grain.

    Its canonical one-line form (`str()`) is what test tables use: ``2021``, ``2021-02``,
    ``2021-02-19``, ``2021-W03``, ``2019-SP``, ``2020-Q3``, ``2020-H1``, ``199X``, ``19XX``.
    """

    year: int | None = None
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    week: int | None = Field(default=None, ge=1, le=53)
    season: Literal["SP", "SU", "FA", "WI"] | None = None
    quarter: int | None = Field(default=None, ge=1, le=4)
    half: int | None = Field(default=None, ge=1, le=2)
    decade: int | None = None
    century: int | None = None
    grain: Granularity

    def __str__(self) -> str:
        return self.timex_value()

    def timex_value(self) -> str:
        """The TIMEX3 value for this partial date."""
        g = self.grain
        if g is Granularity.century:
            return f"{self.century:02d}" if self.century is not None else "XX"
        if g is Granularity.decade:
            return f"{self.decade:03d}X" if self.decade is not None else "XXXX"
        year = f"{self.year:04d}" if self.year is not None else "XXXX"
        if g is Granularity.year:
            return year
        if g is Granularity.season:
            return f"{year}-{self.season}"
        if g is Granularity.quarter:
            return f"{year}-Q{self.quarter}"
        if g is Granularity.half:
            return f"{year}-H{self.half}"
        if g is Granularity.week:
            return f"{year}-W{self.week:02d}" if self.week else f"{year}-WXX"
        month = f"{self.month:02d}" if self.month is not None else "XX"
        if g is Granularity.month:
            return f"{year}-{month}"
        day = f"{self.day:02d}" if self.day is not None else "XX"
        return f"{year}-{month}-{day}"


class TemporalExpression(Strict):
    """A temporal expression found in a text and normalized against a reference date."""

    start: int = Field(ge=0, description="Character offset of the first character.")
    end: int = Field(ge=0, description="Character offset after the last character.")
    text: str
    type: TimexType
    value: str = Field(description="TIMEX3 value, e.g. 2021-01-19, 2021-02, P3D, PAST_REF.")
    mod: str | None = Field(default=None, description="TIMEX3 mod: START, MID, END, APPROX...")
    granularity: Granularity | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    anchor: Literal["none", "document", "previous"] = Field(
        default="none",
        description="What the value was resolved against: nothing (absolute), the document "
        "date, or the last explicit date in the text.",
    )
    rule: str = Field(description="Id of the rule that produced this expression.")


class DateSource(str, Enum):
    """Where a document's publication date came from."""

    option = "option"
    dates_file = "dates_file"
    metadata = "metadata"
    text = "text"
    inferred = "inferred"
    unknown = "unknown"


class PublicationDate(Strict):
    """A document's publication date, with its precision and where it came from."""

    value: str | None = Field(description="ISO date at its real precision: 2021-01 or 2021-01-19.")
    earliest: dt.date | None = None
    latest: dt.date | None = None
    source: DateSource
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    evidence: str | None = Field(default=None, description="Why this date, in a few words.")

    @property
    def reference(self) -> dt.date | None:
        """The single day to resolve relative expressions against (the latest possible day)."""
        return self.latest


class Document(Strict):
    """An input article: text exactly as read, and what is known about it."""

    id: str
    path: str
    text: str
    published: PublicationDate
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    body_start: int = Field(
        default=0, ge=0, description="Offset where article content starts (after a dateline)."
    )


class Sentence(Strict):
    """A sentence of a document with character offsets into the document text."""

    index: int = Field(ge=0)
    paragraph: int = Field(ge=0)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class EventStatus(str, Enum):
    """Whether an event happened, is announced for later, or is continuing."""

    occurred = "occurred"
    planned = "planned"
    ongoing = "ongoing"


class TimeBasis(str, Enum):
    """How an event's time was obtained."""

    explicit = "explicit"
    relative = "relative"
    anaphoric = "anaphoric"
    context = "context"
    document_date = "document_date"
    inferred = "inferred"


class EventTime(Strict):
    """When an event happened, at its honest precision."""

    value: str = Field(description="TIMEX3/ISO value at its precision: 2021-01-19, 2021-02, 2019.")
    earliest: dt.date
    latest: dt.date
    granularity: Granularity
    text: str | None = Field(default=None, description="The date phrase as written, if any.")
    basis: TimeBasis
    mod: str | None = None
    edtf: str | None = Field(
        default=None,
        description="The same time in EDTF (ISO 8601-2): 2021-02, 2019-21, 199X, 2021-02~. "
        "Filled from value, granularity and mod when not given.",
    )

    @model_validator(mode="after")
    def _ordered(self) -> EventTime:
        if self.earliest > self.latest:
            raise ValueError(f"earliest {self.earliest} is after latest {self.latest}")
        return self

    @model_validator(mode="after")
    def _fill_edtf(self) -> EventTime:
        if self.edtf is None:
            from timeline.edtf import edtf_for

            uncertain = self.basis in (TimeBasis.inferred, TimeBasis.document_date)
            edtf = edtf_for(
                self.value,
                self.granularity,
                self.mod,
                earliest=self.earliest,
                latest=self.latest,
                uncertain=uncertain,
            )
            object.__setattr__(self, "edtf", edtf)
        return self


class Mention(Strict):
    """Where an event is reported: a sentence of a document, and the date phrase in it."""

    document: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(description="The whole sentence, exactly as in the document.")
    time_start: int | None = Field(default=None, ge=0)
    time_end: int | None = Field(default=None, ge=0)
    trigger: str | None = Field(default=None, description="The word that signals the event.")


class Event(Strict):
    """Something that happened (or is planned, or continues), with when, who, and where from."""

    id: str
    title: str
    summary: str
    time: EventTime | None
    status: EventStatus
    type: str = Field(description="Event type from the ontology, e.g. statement, sanction.")
    actors: list[str] = Field(default_factory=list)
    targets: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(min_length=1)
    sources: int = Field(default=1, ge=1, description="Number of distinct documents reporting it.")
    confidence: float = Field(ge=0.0, le=1.0)
    reason: str | None = Field(default=None, description="Why an undated event has no time.")


class DocumentSummary(Strict):
    """A document as listed in the output (without its text)."""

    id: str
    path: str
    published: PublicationDate
    title: str | None = None
    url: str | None = None
    outlet: str | None = None


class SkippedInput(Strict):
    """An input that could not be processed, and why."""

    path: str
    reason: str


class TimelineResult(Strict):
    """The whole output: what `events.json` holds."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    documents: list[DocumentSummary] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    undated: list[Event] = Field(default_factory=list)
    skipped: list[SkippedInput] = Field(default_factory=list)
