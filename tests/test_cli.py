"""End to end: the `timeline` command on the seed articles and on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, SEEDS_DIR
from timeline.cli import main
from timeline.models import Event, TimelineResult


@pytest.fixture(scope="module")
def seeds_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run `timeline extract seeds --out DIR` once for the module."""
    out = tmp_path_factory.mktemp("reports")
    assert main(["extract", str(SEEDS_DIR), "--out", str(out), "-q", "--workers", "1"]) == 0
    return out


@pytest.fixture(scope="module")
def seeds_result(seeds_output: Path) -> TimelineResult:
    return TimelineResult.model_validate_json((seeds_output / "events.json").read_bytes())


def seed_text(document_id: str) -> str:
    return (SEEDS_DIR / f"{document_id}.txt").read_text(encoding="utf-8")


def find_events(result: TimelineResult, sentence_part: str) -> list[Event]:
    """Dated events with a mention whose sentence contains `sentence_part`."""
    return [e for e in result.events if any(sentence_part in m.text for m in e.mentions)]


def test_extract_writes_json_and_html(seeds_output: Path) -> None:
    assert (seeds_output / "events.json").stat().st_size > 0
    html_text = (seeds_output / "timeline.html").read_text(encoding="utf-8")
    assert "plotly" in html_text.lower()
    assert '<script src="https://cdn' not in html_text  # self-contained by default


def test_seed_documents_have_dates_with_their_sources(seeds_result: TimelineResult) -> None:
    published = {d.id: d.published for d in seeds_result.documents}
    assert published["000_0e92c7fee4375c19"].value == "2021-01"
    assert published["000_0e92c7fee4375c19"].source == "dates_file"
    assert published["001_0fd6dabae75b067a"].value == "2021-06-18"
    assert published["002_3a2675eb8fccc671"].value == "2021-03-22"
    inferred = published["003_db31121065a7fdf0"]
    assert inferred.source == "inferred"
    assert inferred.earliest is not None and inferred.earliest.year == 2020
    assert published["004_1a3367c2707addb4"].source in {"inferred", "unknown"}


def test_pompeo_genocide_declaration(seeds_result: TimelineResult) -> None:
    (event,) = find_events(seeds_result, "officially declared on Jan. 19")
    assert event.time is not None
    assert (event.time.value, event.time.granularity) == ("2021-01-19", "day")
    assert event.time.basis in {"explicit", "relative"}  # the year comes from the document
    assert "Pompeo" in event.title
    assert "declar" in event.title.lower()
    assert "Mike Pompeo" in event.actors
    mention = next(m for m in event.mentions if "officially declared" in m.text)
    text = seed_text(mention.document)
    assert text[mention.start : mention.end] == mention.text
    assert text[mention.time_start : mention.time_end] == "Jan. 19"


def test_commons_genocide_vote_is_month_precise(seeds_result: TimelineResult) -> None:
    events = [
        e for e in find_events(seeds_result, "House of Commons voted") if "vot" in e.title.lower()
    ]
    assert len(events) == 1
    event = events[0]
    assert event.time is not None
    assert (event.time.value, event.time.granularity) == ("2021-02", "month")
    assert "Commons" in event.title
    mention = next(m for m in event.mentions if "House of Commons voted" in m.text)
    assert seed_text(mention.document)[mention.time_start : mention.time_end] == "February"


def test_canada_sanctions_on_the_monday(seeds_result: TimelineResult) -> None:
    events = [
        e
        for e in find_events(seeds_result, "Canada has imposed sanctions on four senior")
        if "sanction" in e.title.lower()
    ]
    assert len(events) == 1
    event = events[0]
    assert event.time is not None
    assert event.time.value == "2021-03-22"
    assert "Canada" in event.title
    assert "Canada" in event.actors


def test_kovrig_spavor_detention_merged_across_articles(seeds_result: TimelineResult) -> None:
    events = [
        e
        for e in seeds_result.events
        if {m.document for m in e.mentions} >= {"000_0e92c7fee4375c19", "002_3a2675eb8fccc671"}
        and any("Kovrig" in m.text or "detained" in m.text for m in e.mentions)
    ]
    assert len(events) == 1
    event = events[0]
    assert event.time is not None
    assert (event.time.value, event.time.granularity) == ("2018-12", "month")
    assert event.sources == 2
    assert any(name in event.title for name in ("Kovrig", "Spavor", "Canadians"))


def test_every_mention_points_at_its_exact_sentence(seeds_result: TimelineResult) -> None:
    for event in [*seeds_result.events, *seeds_result.undated]:
        for mention in event.mentions:
            text = seed_text(mention.document)
            assert text[mention.start : mention.end] == mention.text
            if mention.time_start is not None:
                assert mention.time_end is not None
                assert mention.start <= mention.time_start < mention.time_end <= mention.end


def test_dateline_is_metadata_not_an_event(seeds_result: TimelineResult) -> None:
    dateline_end = len(" date 2021-06-18 ")
    for event in [*seeds_result.events, *seeds_result.undated]:
        for mention in event.mentions:
            assert "date 2021-06-18" not in mention.text
            if mention.document == "001_0fd6dabae75b067a":
                assert mention.start >= dateline_end
                assert mention.time_start is None or mention.time_start >= dateline_end


def test_events_are_sorted_by_time(seeds_result: TimelineResult) -> None:
    keys = [(e.time.earliest, e.time.latest) for e in seeds_result.events if e.time]
    assert keys == sorted(keys)
    assert all(e.time is None and e.reason for e in seeds_result.undated)


def test_same_input_gives_same_bytes(seeds_output: Path, tmp_path: Path) -> None:
    assert main(["extract", str(SEEDS_DIR), "--out", str(tmp_path), "-q", "--workers", "1"]) == 0
    assert (tmp_path / "events.json").read_bytes() == (seeds_output / "events.json").read_bytes()


def test_committed_report_matches_a_fresh_run(seeds_output: Path) -> None:
    committed = json.loads((REPO_ROOT / "reports" / "events.json").read_text(encoding="utf-8"))
    fresh = json.loads((seeds_output / "events.json").read_text(encoding="utf-8"))
    # Paths differ only by where the seeds were read from.
    for document in [*committed["documents"], *fresh["documents"]]:
        document["path"] = Path(document["path"]).name
    assert committed == fresh, "reports/ is stale: run the README's first command"


def test_dct_option_overrides_every_date(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The minister resigned on Friday.", encoding="utf-8")
    assert (
        main(
            [
                "extract",
                str(article),
                "--out",
                str(tmp_path / "out"),
                "--dct",
                "2020-05-04",
                "-q",
                "--workers",
                "1",
            ]
        )
        == 0
    )
    result = TimelineResult.model_validate_json((tmp_path / "out" / "events.json").read_bytes())
    (document,) = result.documents
    assert (document.published.value, document.published.source) == ("2020-05-04", "option")


def test_bad_inputs_are_reported_and_the_rest_processed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text("On Jan. 19, 2021, the minister resigned.", encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "binary.txt").write_bytes(bytes(range(256)) * 4)
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out"
    status = main(
        [
            "extract",
            str(tmp_path / "in"),
            str(missing),
            str(empty_dir),
            "--out",
            str(out),
            "-q",
            "--workers",
            "1",
        ]
    )
    err = capsys.readouterr().err
    assert status == 0
    assert f"{tmp_path / 'in' / 'empty.txt'}: empty file" in err
    assert f"{tmp_path / 'in' / 'binary.txt'}: " in err
    assert f"{missing}: no such file or directory" in err
    assert f"{empty_dir}: directory holds no readable documents" in err
    assert "Traceback" not in err
    result = TimelineResult.model_validate_json((out / "events.json").read_bytes())
    assert [d.id for d in result.documents] == ["good"]
    assert len(result.skipped) == 4


def test_nothing_processable_exits_non_zero_and_keeps_old_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "events.json").write_text("previous", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["extract", str(tmp_path / "empty.txt"), "--out", str(out), "-q"]) == 1
    err = capsys.readouterr().err
    assert "empty file" in err and "no document could be processed" in err
    assert (out / "events.json").read_text(encoding="utf-8") == "previous"
    assert [p.name for p in out.iterdir()] == ["events.json"]  # no temporary files left


def test_python_dash_m_runs_the_cli() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "timeline", "--version"], capture_output=True, text=True, check=True
    )
    assert completed.stdout.startswith("timeline ")


def test_tag_out_writes_one_timeml_file_per_input(tmp_path: Path) -> None:
    fixtures = sorted((REPO_ROOT / "tests" / "temporal" / "fixtures" / "timeml").glob("*.tml"))
    assert main(["tag", *map(str, fixtures), "--format", "timeml", "--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [p.name for p in fixtures]
    for fixture in fixtures:
        assert "<TIMEX3" in (tmp_path / fixture.name).read_text(encoding="utf-8")
