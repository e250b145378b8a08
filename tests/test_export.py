"""Export formats: round trips, format checks, determinism, CSV/ICS/TimelineJS read back."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.export import EXPORT_FORMATS, FILE_EXTENSIONS, load_result, serialize
from timeline.exporters.jsonl import events_from_jsonl
from timeline.exporters.table import CSV_COLUMNS, defuse_formula
from timeline.exporters.timelinejs import to_timelinejs
from timeline.fileio import write_bytes_atomic
from timeline.models import (
    DateSource,
    DocumentSummary,
    Event,
    EventStatus,
    EventTime,
    Granularity,
    Mention,
    PublicationDate,
    TimeBasis,
    TimelineResult,
)
from timeline.schema import validate_events_file

D = dt.date


def make_time(
    value: str, earliest: dt.date, latest: dt.date, grain: Granularity, mod: str | None = None
) -> EventTime:
    return EventTime(
        value=value,
        earliest=earliest,
        latest=latest,
        granularity=grain,
        basis=TimeBasis.explicit,
        mod=mod,
    )


def make_event(
    event_id: str,
    title: str,
    time: EventTime | None,
    sentence: str,
    document: str = "doc-a",
    status: EventStatus = EventStatus.occurred,
    event_type: str = "statement",
) -> Event:
    return Event(
        id=event_id,
        title=title,
        summary=f"{title}.",
        time=time,
        status=status,
        type=event_type,
        actors=["Canada", "Québec"],
        targets=["China"],
        places=["Ottawa"],
        mentions=[Mention(document=document, start=0, end=len(sentence), text=sentence)],
        confidence=0.8,
        reason=None if time else "no date in the sentence",
    )


@pytest.fixture
def result() -> TimelineResult:
    """A small result covering day, month, season, quarter, decade, week and undated events."""
    events = [
        make_event(
            "e-decade",
            "Camps built",
            make_time("199X", D(1990, 1, 1), D(1999, 12, 31), Granularity.decade),
            "In the 1990s camps were built.",
        ),
        make_event(
            "e-spring",
            "Talks held",
            make_time("2019-SP", D(2019, 3, 1), D(2019, 5, 31), Granularity.season),
            "Talks were held in spring 2019.",
        ),
        make_event(
            "e-week",
            "Protest",
            make_time("2021-W03", D(2021, 1, 18), D(2021, 1, 24), Granularity.week),
            "A protest took place that week.",
        ),
        make_event(
            "e-month",
            '=HYPERLINK("http://x")',
            make_time("2021-02", D(2021, 2, 1), D(2021, 2, 28), Granularity.month, mod="APPROX"),
            'MPs voted, saying "<b>genocide</b>" & more,\nthen left.',
            document="doc-b",
        ),
        make_event(
            "e-day",
            "Sanctions imposed",
            make_time("2021-03-22", D(2021, 3, 22), D(2021, 3, 22), Granularity.day),
            "Sanctions were imposed on 22 March.",
            event_type="sanction",
        ),
        make_event(
            "e-quarter",
            "Summit planned",
            make_time("2021-Q3", D(2021, 7, 1), D(2021, 9, 30), Granularity.quarter),
            "A summit is planned for Q3.",
            status=EventStatus.planned,
            event_type="meeting",
        ),
    ]
    undated = [make_event("e-undated", "-Report issued", None, "A report was issued.")]
    documents = [
        DocumentSummary(
            id="doc-a",
            path="doc-a.txt",
            published=PublicationDate(
                value="2021-03-22",
                earliest=D(2021, 3, 22),
                latest=D(2021, 3, 22),
                source=DateSource.dates_file,
            ),
        ),
        DocumentSummary(
            id="doc-b",
            path="doc-b.html",
            url="https://example.org/b?x=1&y=2",
            title="Vote",
            published=PublicationDate(
                value="2021-02",
                earliest=D(2021, 2, 1),
                latest=D(2021, 2, 28),
                source=DateSource.metadata,
            ),
        ),
    ]
    return TimelineResult(documents=documents, events=events, undated=undated)


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_every_format_is_deterministic(result: TimelineResult, fmt: str) -> None:
    again = TimelineResult.model_validate_json(result.model_dump_json())
    assert serialize(result, fmt) == serialize(again, fmt)


def test_every_format_has_a_file_extension() -> None:
    assert set(FILE_EXTENSIONS) == set(EXPORT_FORMATS)


def test_unknown_format_is_rejected(result: TimelineResult) -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        serialize(result, "xml")


def test_json_round_trip_loads_and_validates(result: TimelineResult, tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    write_bytes_atomic(path, serialize(result, "json"))
    assert load_result(path) == result
    assert validate_events_file(path) == []
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] == "1"
    assert data["events"][1]["time"]["edtf"] == "2019-21"


def test_jsonl_has_one_event_per_line_dated_then_undated(result: TimelineResult) -> None:
    text = serialize(result, "jsonl").decode("utf-8")
    lines = text.splitlines()
    assert len(lines) == 7
    assert [json.loads(line)["id"] for line in lines] == [
        "e-decade",
        "e-spring",
        "e-week",
        "e-month",
        "e-day",
        "e-quarter",
        "e-undated",
    ]
    assert events_from_jsonl(text) == [*result.events, *result.undated]


def read_csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_reads_back_with_the_csv_module(result: TimelineResult) -> None:
    data = serialize(result, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = read_csv_rows(data)
    assert len(rows) == 7
    assert tuple(rows[0]) == CSV_COLUMNS
    spring = rows[1]
    assert spring["date"] == "2019-SP"
    assert spring["edtf"] == "2019-21"
    assert spring["earliest"] == "2019-03-01"
    assert spring["latest"] == "2019-05-31"
    assert spring["granularity"] == "season"
    assert spring["actors"] == "Canada; Québec"
    assert spring["sources"] == "1"
    month = rows[3]
    assert month["source_sentence"] == 'MPs voted, saying "<b>genocide</b>" & more,\nthen left.'
    assert month["edtf"] == "2021-02~"
    assert rows[6]["date"] == ""
    assert rows[6]["id"] == "e-undated"


def test_csv_defuses_spreadsheet_formulas(result: TimelineResult) -> None:
    rows = read_csv_rows(serialize(result, "csv"))
    assert rows[3]["title"] == '\'=HYPERLINK("http://x")'
    assert rows[6]["title"] == "'-Report issued"
    assert rows[4]["title"] == "Sanctions imposed"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("a=1", "a=1"),
        ("", ""),
    ],
)
def test_defuse_formula(cell: str, expected: str) -> None:
    assert defuse_formula(cell) == expected


def check_timelinejs(data: dict) -> None:
    """The required fields and types of a TimelineJS3 JSON file (knightlab JSON format)."""
    assert isinstance(data["events"], list)
    ids = set()
    for slide in data["events"]:
        for key in ("start_date", "end_date"):
            if key not in slide:
                assert key == "end_date", "start_date is required"
                continue
            date = slide[key]
            assert set(date) <= {
                "year",
                "month",
                "day",
                "hour",
                "minute",
                "second",
                "millisecond",
                "display_date",
            }
            assert isinstance(date["year"], int)
            assert 1 <= date.get("month", 1) <= 12
            assert 1 <= date.get("day", 1) <= 31
            assert "day" not in date or "month" in date
        assert isinstance(slide["text"]["headline"], str)
        assert isinstance(slide["text"]["text"], str)
        assert slide["unique_id"] not in ids
        ids.add(slide["unique_id"])


def test_timelinejs_has_required_fields_and_real_precision(result: TimelineResult) -> None:
    data = json.loads(serialize(result, "timelinejs"))
    check_timelinejs(data)
    slides = {slide["unique_id"]: slide for slide in data["events"]}
    assert "e-undated" not in slides
    assert slides["e-day"]["start_date"] == {"year": 2021, "month": 3, "day": 22}
    assert "end_date" not in slides["e-day"]
    assert "display_date" not in slides["e-day"]
    assert slides["e-month"]["start_date"] == {"year": 2021, "month": 2}
    assert slides["e-month"]["display_date"] == "about February 2021"
    assert slides["e-spring"]["start_date"] == {"year": 2019, "month": 3}
    assert slides["e-spring"]["end_date"] == {"year": 2019, "month": 5}
    assert slides["e-spring"]["display_date"] == "Spring 2019"
    assert slides["e-quarter"]["display_date"] == "Q3 2021"
    assert slides["e-decade"]["start_date"] == {"year": 1990}
    assert slides["e-decade"]["end_date"] == {"year": 1999}
    assert slides["e-decade"]["display_date"] == "1990s"
    assert slides["e-week"]["end_date"] == {"year": 2021, "month": 1, "day": 24}
    assert slides["e-day"]["group"] == "sanction"


def test_timelinejs_escapes_html_and_links_sources(result: TimelineResult) -> None:
    slide = next(s for s in to_timelinejs(result)["events"] if s["unique_id"] == "e-month")
    text = slide["text"]["text"]
    assert "&lt;b&gt;genocide&lt;/b&gt;" in text
    assert "<b>" not in text
    assert '<a href="https://example.org/b?x=1&amp;y=2">doc-b</a>' in text
    assert slide["text"]["headline"] == "=HYPERLINK(&quot;http://x&quot;)"


def test_ics_parses_back_with_all_day_events(result: TimelineResult) -> None:
    icalendar = pytest.importorskip("icalendar")
    data = serialize(result, "ics")
    assert b"\r\n" in data
    calendar = icalendar.Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 6
    by_uid = {str(e["UID"]): e for e in events}
    spring = by_uid["e-spring@timeline.invalid"]
    assert spring.decoded("DTSTART") == D(2019, 3, 1)
    assert spring.decoded("DTEND") == D(2019, 6, 1)
    assert str(spring["SUMMARY"]) == "Talks held"
    assert "Talks were held in spring 2019." in str(spring["DESCRIPTION"])
    assert spring.decoded("DTSTAMP") == dt.datetime(2021, 3, 22, tzinfo=dt.UTC)
    assert str(by_uid["e-quarter@timeline.invalid"]["STATUS"]) == "TENTATIVE"
    assert str(by_uid["e-month@timeline.invalid"]["URL"]) == "https://example.org/b?x=1&y=2"
    day = by_uid["e-day@timeline.invalid"]
    assert day.decoded("DTEND") - day.decoded("DTSTART") == dt.timedelta(days=1)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "timelinejs", "ics"])
def test_cli_export_writes_the_file(result: TimelineResult, tmp_path: Path, fmt: str) -> None:
    events = tmp_path / "events.json"
    write_bytes_atomic(events, serialize(result, "json"))
    out = tmp_path / f"out.{FILE_EXTENSIONS[fmt]}"
    assert main(["export", str(events), "--to", fmt, "-o", str(out)]) == 0
    assert out.read_bytes() == serialize(result, fmt)


def test_extract_writes_every_format_from_mixed_inputs(tmp_path: Path) -> None:
    inputs = Path(__file__).parent / "fixtures" / "inputs"
    out = tmp_path / "out"
    args = ["extract", str(inputs / "article_meta.html"), str(inputs / "corpus.jsonl")]
    args += [str(inputs / "tempeval_sample.tml"), "--out", str(out), "-q", "--workers", "1"]
    for fmt in ("jsonl", "csv", "timelinejs", "ics"):
        args += ["--format", fmt]
    assert main(args) == 0
    assert validate_events_file(out / "events.json") == []
    result = load_result(out / "events.json")
    assert {d.id for d in result.documents} == {
        "article_meta",
        "cbc-1",
        "corpus-2",
        "42",
        "tempeval_sample",
    }
    meta = next(d for d in result.documents if d.id == "article_meta")
    assert meta.url == "https://news.example.org/world/canada-uyghur-vote"
    assert meta.title == "Canadian MPs vote on Uyghur motion"
    for fmt in ("jsonl", "csv", "timelinejs", "ics"):
        assert (out / f"events.{FILE_EXTENSIONS[fmt]}").read_bytes() == serialize(result, fmt)
    check_timelinejs(json.loads((out / "events.timelinejs.json").read_bytes()))
    assert all(event.time.edtf for event in result.events if event.time is not None)
