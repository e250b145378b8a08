"""TimeML reading and writing, and `timeline tag` end to end on the fixture documents."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.ingest import InputError
from timeline.models import TemporalExpression
from timeline.temporal.timeml import (
    first_free_tid,
    non_overlapping,
    parse_timeml,
    tag_file,
    timeml_with_expressions,
)

FIXTURES = Path(__file__).parent / "fixtures" / "timeml"
MERGER = FIXTURES / "merger.tml"
COUNCIL = FIXTURES / "council.tml"
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "tempeval3-tbaq"
REPOSITORY = Path(__file__).resolve().parents[2]

MERGER_TEXT = (
    "\nThe company said yesterday that profits rose. The merger, announced on "
    "January 19, 2021, was approved by AT&T shareholders.\n\nSales in 2020 were flat.\n"
)
COUNCIL_TEXT = (
    "\nThe city council met on March 3, 2021 & will vote tomorrow on a budget of "
    "<5 million euros.\n"
)

FAKE_PATTERN = re.compile(
    r"(?P<date>(?:January|March) \d{1,2}, \d{4})|(?P<year>\b\d{4}\b)"
    r"|(?P<yesterday>yesterday)|(?P<tomorrow>tomorrow)"
)


def fake_tagger(text: str, reference: dt.date | None) -> list[TemporalExpression]:
    """A tiny stand-in for the real tagger: full dates, years, yesterday, tomorrow."""
    found = []
    for match in FAKE_PATTERN.finditer(text):
        kind = match.lastgroup or ""
        phrase = match.group()
        if kind == "date":
            value = dt.datetime.strptime(phrase, "%B %d, %Y").date().isoformat()
        elif kind == "year":
            value = phrase
        elif reference is None:
            continue
        else:
            shift = -1 if kind == "yesterday" else 1
            value = (reference + dt.timedelta(days=shift)).isoformat()
        found.append(
            TemporalExpression(
                start=match.start(),
                end=match.end(),
                text=phrase,
                type="DATE",
                value=value,
                rule=f"fake-{kind}",
            )
        )
    return found


def outside_text(source: str) -> tuple[str, str]:
    """What comes before the TEXT content and after it."""
    start = source.index("<TEXT>") + len("<TEXT>")
    end = source.index("</TEXT>")
    return source[:start], source[end:]


def expression(start: int, end: int, text: str, value: str = "2021") -> TemporalExpression:
    """A DATE expression for hand-made cases."""
    return TemporalExpression(start=start, end=end, text=text, type="DATE", value=value, rule="r")


def test_parse_timeml_gives_plain_text_dct_and_gold_spans() -> None:
    document = parse_timeml(MERGER)
    assert document.text == MERGER_TEXT
    assert document.dct == dt.date(2021, 1, 20)
    assert document.dct_value == "2021-01-20"
    assert [(t.text, t.type, t.value, t.tid) for t in document.timexes] == [
        ("yesterday", "DATE", "2021-01-19", "t1"),
        ("January 19, 2021", "DATE", "2021-01-19", "t2"),
        ("2020", "DATE", "2020", "t3"),
    ]
    for timex in document.timexes:
        assert document.text[timex.start : timex.end] == timex.text


def test_parse_timeml_decodes_references_and_reads_a_time_dct() -> None:
    document = parse_timeml(COUNCIL)
    assert document.text == COUNCIL_TEXT
    assert document.dct == dt.date(2021, 3, 4)
    assert document.dct_value == "2021-03-04T10:30"
    assert [t.text for t in document.timexes] == ["March 3, 2021", "tomorrow"]


def test_plain_text_matches_an_xml_parser() -> None:
    for path in (MERGER, COUNCIL):
        root = ElementTree.parse(path).getroot()
        text_element = root.find("TEXT")
        assert text_element is not None
        assert parse_timeml(path).text == "".join(text_element.itertext())


def test_line_endings_and_character_references_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "crlf.tml"
    source = (
        '<?xml version="1.0" ?>\r\n<TimeML>\r\n<DCT><TIMEX3 tid="t0" type="DATE" '
        'value="2020-05-01" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>\r\n'
        "<TEXT>\r\nCaf&#233; opened in 2019.\r\n</TEXT>\r\n</TimeML>\r\n"
    )
    path.write_bytes(source.encode("utf-8"))
    document = parse_timeml(path)
    assert document.text == "\r\nCafé opened in 2019.\r\n"
    written = tag_file(path, None, "timeml", tagger=fake_tagger)
    assert written == source.replace(
        "in 2019", 'in <TIMEX3 tid="t1" type="DATE" value="2019">2019</TIMEX3>'
    )


def test_tag_file_json_for_timeml_uses_its_dct() -> None:
    record = json.loads(tag_file(MERGER, None, "json", tagger=fake_tagger))
    assert record["file"] == str(MERGER)
    assert record["dct"] == "2021-01-20"
    assert [(e["text"], e["value"], e["start"]) for e in record["expressions"]] == [
        ("yesterday", "2021-01-19", 18),
        ("January 19, 2021", "2021-01-19", 72),
        ("2020", "2020", 135),
    ]


def test_dct_option_overrides_the_file_dct() -> None:
    record = json.loads(tag_file(MERGER, dt.date(2000, 1, 2), "json", tagger=fake_tagger))
    assert record["dct"] == "2000-01-02"
    assert record["expressions"][0]["value"] == "2000-01-01"


def test_tag_file_timeml_replaces_tags_and_keeps_everything_else() -> None:
    original = MERGER.read_text(encoding="utf-8")
    written = tag_file(MERGER, None, "timeml", tagger=fake_tagger)
    assert outside_text(written) == outside_text(original)
    content = written[len(outside_text(written)[0]) : written.index("</TEXT>")]
    assert content == (
        '\nThe company said <TIMEX3 tid="t4" type="DATE" value="2021-01-19">yesterday</TIMEX3> '
        "that profits rose. The merger, announced on "
        '<TIMEX3 tid="t5" type="DATE" value="2021-01-19">January 19, 2021</TIMEX3>, '
        "was approved by AT&amp;T shareholders.\n\nSales in "
        '<TIMEX3 tid="t6" type="DATE" value="2020">2020</TIMEX3> were flat.\n'
    )
    ElementTree.fromstring(written.encode("utf-8"))


def test_round_trip_gives_back_the_plain_text_and_our_spans() -> None:
    for path in (MERGER, COUNCIL):
        document = parse_timeml(path)
        expressions = fake_tagger(document.text, document.dct)
        written = timeml_with_expressions(document, expressions)
        again = parse_timeml(path, written)
        assert again.text == document.text
        assert [(t.start, t.end, t.value) for t in again.timexes] == [
            (e.start, e.end, e.value) for e in expressions
        ]


def test_escaped_characters_stay_escaped_as_in_the_original() -> None:
    written = tag_file(COUNCIL, None, "timeml", tagger=fake_tagger)
    assert "&amp; will vote" in written
    assert "budget of &lt;5 million" in written


def test_new_tids_do_not_clash_with_existing_ones() -> None:
    assert first_free_tid('<TIMEX3 tid="t0"/> <TIMEX3 tid="t12"/>') == 13
    assert first_free_tid("<TimeML></TimeML>") == 0
    written = tag_file(COUNCIL, None, "timeml", tagger=fake_tagger)
    assert re.findall(r'tid="(t\d+)"', written) == ["t0", "t3", "t4"]


def test_overlapping_expressions_are_flattened_for_inline_tags() -> None:
    kept = non_overlapping(
        [expression(5, 9, "2021"), expression(0, 9, "May, 2021"), expression(10, 14, "2022")]
    )
    assert [(e.start, e.end) for e in kept] == [(0, 9), (10, 14)]


def test_plain_text_becomes_a_minimal_timeml_document(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    text = "Shares of A&B <fell> yesterday, after a rally in 2020.\n"
    path.write_text(text, encoding="utf-8")
    written = tag_file(path, dt.date(2021, 6, 2), "timeml", tagger=fake_tagger)
    root = ElementTree.fromstring(written.encode("utf-8"))
    assert root.findtext("DOCID") == "note"
    dct = root.find("DCT/TIMEX3")
    assert dct is not None
    assert dct.get("value") == "2021-06-02"
    assert dct.get("functionInDocument") == "CREATION_TIME"
    reparsed_path = tmp_path / "note.tml"
    reparsed_path.write_text(written, encoding="utf-8")
    document = parse_timeml(reparsed_path)
    assert document.text == text
    assert document.dct == dt.date(2021, 6, 2)
    assert [(t.text, t.value, t.tid) for t in document.timexes] == [
        ("yesterday", "2021-06-01", "t1"),
        ("2020", "2020", "t2"),
    ]


def test_plain_text_without_dct_gives_null_dct(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("It rained yesterday, as in 2020.", encoding="utf-8")
    record = json.loads(tag_file(path, None, "json", tagger=fake_tagger))
    assert record["dct"] is None
    assert [e["text"] for e in record["expressions"]] == ["2020"]
    written = tag_file(path, None, "timeml", tagger=fake_tagger)
    assert "<DCT>" not in written
    ElementTree.fromstring(written.encode("utf-8"))


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("broken.tml", b"<TimeML><TEXT>unclosed</TimeML>", "not well-formed"),
        ("notext.tml", b"<TimeML><DOCID>x</DOCID></TimeML>", "no <TEXT>"),
        # What counts as unreadable text is ingest's policy (`decode_text`); any reason will do.
        ("binary.txt", b"\x00\x01\x02\x03" * 100, ""),
        ("empty.txt", b"", ""),
    ],
)
def test_invalid_inputs_raise_input_error(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=re.escape(reason) if reason else None) as raised:
        tag_file(path, None, "json", tagger=fake_tagger)
    assert raised.value.path == str(path)


def test_missing_file_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        tag_file(tmp_path / "absent.tml", None, "json", tagger=fake_tagger)


def test_cli_tag_json_with_the_fake_tagger(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import timeline.temporal

    monkeypatch.setattr(timeline.temporal, "tag", fake_tagger)
    assert main(["tag", str(MERGER), str(COUNCIL)]) == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["dct"] for r in records] == ["2021-01-20", "2021-03-04"]
    assert [len(r["expressions"]) for r in records] == [3, 2]
    assert records[1]["expressions"][1]["value"] == "2021-03-05"


def test_cli_tag_reports_bad_files_and_continues(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.tml"
    broken.write_text("<TimeML>", encoding="utf-8")
    assert main(["tag", str(broken), str(MERGER)]) == 1
    captured = capsys.readouterr()
    assert f"error: {broken}" in captured.err
    assert json.loads(captured.out)["dct"] == "2021-01-20"


def test_cli_tag_timeml_with_the_real_tagger_is_valid_and_round_trips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["tag", str(MERGER), "--format", "timeml"]) == 0
    written = capsys.readouterr().out
    original = MERGER.read_text(encoding="utf-8")
    assert outside_text(written) == outside_text(original)
    copy = tmp_path / "merger.tml"
    copy.write_text(written, encoding="utf-8")
    assert parse_timeml(copy).text == MERGER_TEXT


def test_real_tagger_finds_the_explicit_dates_of_the_fixture(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["tag", str(MERGER), str(COUNCIL)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    found = {(e["text"], e["value"]) for r in records for e in r["expressions"]}
    assert ("January 19, 2021", "2021-01-19") in found
    assert ("March 3, 2021", "2021-03-03") in found
    assert ("yesterday", "2021-01-19") in found


def test_python_m_timeline_tag_round_trips_in_a_subprocess(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "timeline", "tag", str(COUNCIL), "--format", "timeml"],
        capture_output=True,
        cwd=REPOSITORY,
        check=True,
    )
    written = completed.stdout.decode("utf-8")
    assert outside_text(written) == outside_text(COUNCIL.read_text(encoding="utf-8"))
    copy = tmp_path / "council.tml"
    copy.write_bytes(completed.stdout)
    assert parse_timeml(copy).text == COUNCIL_TEXT


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpora/tempeval3-tbaq")
def test_every_corpus_file_round_trips_with_its_gold_expressions() -> None:
    paths = sorted(CORPUS.rglob("*.tml"))
    assert len(paths) > 200
    for path in paths:
        document = parse_timeml(path)
        assert document.dct is not None, path
        gold = [
            TemporalExpression(
                start=t.start, end=t.end, text=t.text, type=t.type, value=t.value, rule="gold"
            )
            for t in document.timexes
        ]
        written = timeml_with_expressions(document, gold)
        assert outside_text(written) == outside_text(document.source), path
        again = parse_timeml(path, written)
        assert again.text == document.text, path
        assert [(t.start, t.end, t.value) for t in again.timexes] == [
            (t.start, t.end, t.value) for t in document.timexes
        ], path
