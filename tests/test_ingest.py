"""Ingest: every input kind becomes documents with metadata; bad input is reported, not fatal."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from timeline.ingest import (
    InputError,
    decode_text,
    default_readers,
    discover_inputs,
    ingest,
    load_dates_file,
    normalize_published,
    sniff_suffix,
    to_document,
)
from timeline.models import DateSource, Document
from timeline.settings import Settings

INPUTS = Path(__file__).parent / "fixtures" / "inputs"


def ingest_one(path: Path, **settings: object) -> tuple[list[Document], list[tuple[str, str]]]:
    """Documents and (path, reason) of skipped inputs for one path, without date inference."""
    result = ingest([path], Settings(**settings))
    return result.documents, [(item.path, item.reason) for item in result.skipped]


# ----------------------------------------------------------------------------- plain text


def test_plain_text_keeps_text_and_reads_a_dateline(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text(" date 2021-06-18 Canada spoke on Monday.\n", encoding="utf-8")
    (document,), skipped = ingest_one(path)
    assert skipped == []
    assert document.id == "note"
    assert document.text == " date 2021-06-18 Canada spoke on Monday.\n"
    assert document.published.value == "2021-06-18"
    assert document.published.source is DateSource.text
    assert document.text[document.body_start :] == "Canada spoke on Monday.\n"


# ----------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("name", "expected_start"),
    [
        ("french_cp1252.txt", "Ottawa, 22 février 2021 – Les députés ont voté"),
        ("german_latin1.txt", "Berlin, 3. März 2021. Der Bundestag hat über"),
    ],
)
def test_legacy_encodings_are_detected_and_decoded(name: str, expected_start: str) -> None:
    (document,), skipped = ingest_one(INPUTS / name)
    assert skipped == []
    assert document.text.startswith(expected_start)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Депутаты проголосовали 22 февраля 2021 года.", "cp1251"),
        ("Zażółć gęślą jaźń, powiedział minister w Warszawie.", "cp1250"),
        ("The MPs voted on Feb. 22 – “genocide”, he said.", "cp1252"),
        ("Text in UTF-16 with a byte-order mark.", "utf-16"),
        ("UTF-8 with a mark: café.", "utf-8-sig"),
    ],
    ids=["cp1251", "cp1250", "cp1252-quotes", "utf-16-bom", "utf-8-bom"],
)
def test_decode_text_detects_the_encoding(text: str, encoding: str) -> None:
    assert decode_text("x.txt", text.encode(encoding)) == text


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("random_binary.txt", "binary file (contains NUL bytes), not text"),
        ("random_no_nul.txt", "not text: not UTF-8 and no known encoding decodes it cleanly"),
    ],
)
def test_random_binary_is_rejected_with_a_reason(name: str, reason: str) -> None:
    documents, skipped = ingest_one(INPUTS / name)
    assert documents == []
    assert skipped == [(str(INPUTS / name), reason)]


def test_empty_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n")
    assert ingest_one(path) == ([], [(str(path), "empty file")])


# ----------------------------------------------------------------------------- HTML


def test_html_with_published_time_metadata() -> None:
    (document,), skipped = ingest_one(INPUTS / "article_meta.html")
    assert skipped == []
    assert document.id == "article_meta"
    assert document.title == "Canadian MPs vote on Uyghur motion"
    assert document.url == "https://news.example.org/world/canada-uyghur-vote"
    assert document.outlet == "World News"
    assert document.published.value == "2021-02-22"
    assert document.published.source is DateSource.metadata
    assert document.text.startswith("OTTAWA — Canada's House of Commons voted on Monday")
    assert "\n\nThe non-binding motion passed by 266 votes to zero." in document.text
    for boilerplate in ("Subscribe", "Leave a comment", "Great article", "Privacy policy"):
        assert boilerplate not in document.text


def test_html_with_a_visible_dateline_only() -> None:
    (document,), skipped = ingest_one(INPUTS / "article_dateline.html")
    assert skipped == []
    assert document.title == "Sanctions announced over Xinjiang"
    assert document.published.value == "2021-03-22"
    assert document.published.source is DateSource.metadata
    assert "imposed sanctions on Chinese officials on Monday" in document.text
    assert "Most read" not in document.text
    assert "Local football results" not in document.text


def test_dates_file_overrides_html_metadata(tmp_path: Path) -> None:
    dates = tmp_path / "dates.json"
    dates.write_text('{"article_meta.html": {"published": "2021-02-23"}}', encoding="utf-8")
    (document,), _ = ingest_one(INPUTS / "article_meta.html", dates_file=dates)
    assert document.published.value == "2021-02-23"
    assert document.published.source is DateSource.dates_file
    assert document.url == "https://news.example.org/world/canada-uyghur-vote"


def test_html_without_trafilatura_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    documents, skipped = ingest_one(INPUTS / "article_meta.html")
    assert documents == []
    assert len(skipped) == 1
    assert skipped[0][0] == str(INPUTS / "article_meta.html")
    assert "install the 'html' extra (pip install 'timeline[html]')" in skipped[0][1]


def test_html_without_article_text_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>T</title></head><body></body></html>", "utf-8")
    assert ingest_one(path) == ([], [(str(path), "no article text found in the page")])


# ----------------------------------------------------------------------------- JSON Lines


def test_jsonl_reads_good_lines_and_reports_broken_ones() -> None:
    documents, skipped = ingest_one(INPUTS / "corpus.jsonl")
    assert [d.id for d in documents] == ["cbc-1", "corpus-2", "42"]
    first, second, third = documents
    assert first.title == "Canada leads call for UN access"
    assert first.url == "https://www.cbc.ca/news/1"
    assert first.outlet == "CBC News"
    assert first.published.value == "2021-06-18"
    assert first.published.source is DateSource.metadata
    assert second.published.value == "2021-03"
    assert third.published.source is DateSource.unknown
    path = str(INPUTS / "corpus.jsonl")
    assert skipped == [
        (path, "line 3: not valid JSON: Unterminated string starting at (column 26)"),
        (path, "line 4: text: Field required"),
    ]


def test_jsonl_line_with_a_bad_date_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        '{"text": "A.", "published": "22/03/2021"}\n["not", "an", "object"]\n{"text": "B."}\n',
        encoding="utf-8",
    )
    documents, skipped = ingest_one(path)
    assert [d.id for d in documents] == ["c-3"]
    assert skipped[0][1].startswith("line 1: published: Value error, not an ISO date")
    assert skipped[1][1] == "line 2: expected a JSON object, got list"


def test_duplicate_ids_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"id": "a", "text": "One."}\n{"id": "a", "text": "Two."}\n', "utf-8")
    documents, skipped = ingest_one(path)
    assert [d.text for d in documents] == ["One."]
    assert skipped == [(str(path), "duplicate document id 'a'")]


# ----------------------------------------------------------------------------- TimeML


def test_timeml_text_and_dct() -> None:
    (document,), skipped = ingest_one(INPUTS / "tempeval_sample.tml")
    assert skipped == []
    assert document.id == "tempeval_sample"
    assert document.text == (
        "\nThe company said yesterday that profits & sales rose in the third quarter.\n"
    )
    assert document.published.value == "1989-11-02"
    assert document.published.source is DateSource.metadata
    assert document.published.evidence == "TimeML DCT"


def test_timeml_sentence_elements_that_touch_are_read_as_separate_lines(tmp_path: Path) -> None:
    path = tmp_path / "semeval.tml"
    path.write_text(
        '<TimeML><DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" '
        'value="2010-06-08">2010-06-08</TIMEX3></DCT><TEXT><s id="0">June 8 , 2010</s>'
        '<s id="1">Yesterday , Jobs <EVENT eid="e1">unveiled</EVENT> iPhone 4 .</s>'
        "<s>It ships soon .</s> <s>A spaced one .</s></TEXT></TimeML>",
        encoding="utf-8",
    )
    (document,), skipped = ingest_one(path)
    assert skipped == []
    assert document.text == (
        "June 8 , 2010\nYesterday , Jobs unveiled iPhone 4 .\nIt ships soon . A spaced one ."
    )


def test_broken_timeml_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "bad.tml"
    path.write_text("<TimeML><TEXT>Open", encoding="utf-8")
    documents, skipped = ingest_one(path)
    assert documents == []
    assert skipped[0][1].startswith("not well-formed TimeML")


# ----------------------------------------------------------------------------- standard input


def test_stdin_is_one_document_with_id_stdin() -> None:
    stdin = io.BytesIO(b"date 2021-03-22 Sanctions were imposed on Monday.")
    result = ingest([Path("-")], Settings(), stdin=stdin)
    (document,) = result.documents
    assert (document.id, document.path) == ("stdin", "-")
    assert document.published.value == "2021-03-22"
    assert document.text == "date 2021-03-22 Sanctions were imposed on Monday."


def test_stdin_html_is_recognised() -> None:
    stdin = io.BytesIO((INPUTS / "article_meta.html").read_bytes())
    result = ingest([Path("-")], Settings(), stdin=stdin)
    (document,) = result.documents
    assert document.id == "stdin"
    assert document.title == "Canadian MPs vote on Uyghur motion"


def test_stdin_given_twice_is_reported() -> None:
    result = ingest([Path("-"), Path("-")], Settings(), stdin=io.BytesIO(b"Text."))
    assert [d.id for d in result.documents] == ["stdin"]
    assert [(s.path, s.reason) for s in result.skipped] == [("-", "standard input given twice")]


@pytest.mark.parametrize(
    ("data", "suffix"),
    [
        (b"<!DOCTYPE html><html><body>x</body></html>", ".html"),
        (b"\n  <html lang='en'>", ".html"),
        (b'<?xml version="1.0"?>\n<TimeML><TEXT>x</TEXT></TimeML>', ".tml"),
        (b'{"text": "A.", "id": "1"}\n{"text": "B."}\n', ".jsonl"),
        (b"{not json} said the minister.", ".txt"),
        (b"Plain words about html.", ".txt"),
    ],
    ids=["doctype", "html-tag", "timeml", "jsonl", "brace-text", "plain"],
)
def test_sniff_suffix(data: bytes, suffix: str) -> None:
    assert sniff_suffix(data) == suffix


# ----------------------------------------------------------------------------- metadata files


def test_csv_metadata_flows_into_documents(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Canada spoke.", encoding="utf-8")
    dates = tmp_path / "meta.csv"
    dates.write_text(
        "file,published,title,url,outlet\n"
        'a.txt,2021-03-22T10:00:00Z,"Canada, speaking",https://example.org/a,Example News\n',
        encoding="utf-8-sig",
    )
    result = ingest([tmp_path / "a.txt"], Settings(dates_file=dates))
    (document,) = result.documents
    assert document.published.value == "2021-03-22"
    assert document.published.source is DateSource.dates_file
    assert document.title == "Canada, speaking"
    assert document.url == "https://example.org/a"
    assert document.outlet == "Example News"


def test_csv_metadata_with_semicolons_and_ids(tmp_path: Path) -> None:
    dates = tmp_path / "meta.csv"
    dates.write_text("id;published;outlet\ncbc-1;2021-06;\n", encoding="utf-8")
    metadata = load_dates_file(dates)
    assert metadata["cbc-1"].published == "2021-06"
    assert metadata["cbc-1"].outlet is None


def test_csv_metadata_with_an_unknown_column_is_reported(tmp_path: Path) -> None:
    dates = tmp_path / "meta.csv"
    dates.write_text("file,published,author\na.txt,2021,Me\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown column"):
        load_dates_file(dates)


def test_jsonl_documents_take_metadata_by_id(tmp_path: Path) -> None:
    dates = tmp_path / "dates.json"
    dates.write_text('{"cbc-1": {"title": "Renamed"}, "corpus.jsonl": "2020"}', "utf-8")
    documents, _ = ingest_one(INPUTS / "corpus.jsonl", dates_file=dates)
    by_id = {d.id: d for d in documents}
    assert by_id["cbc-1"].title == "Renamed"
    assert by_id["corpus-2"].published.value == "2021-03"


def test_bad_dates_file_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Canada spoke.", encoding="utf-8")
    dates = tmp_path / "dates.json"
    dates.write_text('{"a.txt": {"published": "2021-02-30"}}', encoding="utf-8")
    result = ingest([tmp_path / "a.txt"], Settings(dates_file=dates))
    assert [d.id for d in result.documents] == ["a"]
    assert result.skipped[0].path == str(dates)
    assert "entry 'a.txt': published" in result.skipped[0].reason


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021", "2021"),
        ("2021-03", "2021-03"),
        ("2021-03-22", "2021-03-22"),
        ("2021-03-22T10:00:00Z", "2021-03-22"),
        ("2021-03-22 10:00", "2021-03-22"),
        ("2021-03-22T10:00:00.123+02:00", "2021-03-22"),
    ],
)
def test_normalize_published(value: str, expected: str) -> None:
    assert normalize_published(value) == expected


@pytest.mark.parametrize("value", ["22/03/2021", "March 2021", "2021-02-30", "2021-13", ""])
def test_normalize_published_rejects(value: str) -> None:
    with pytest.raises(ValueError):
        normalize_published(value)


# ----------------------------------------------------------------------------- folders


def test_folder_mixes_kinds_and_skips_unknown_files(tmp_path: Path) -> None:
    for name in ("article_meta.html", "corpus.jsonl", "tempeval_sample.tml"):
        (tmp_path / name).write_bytes((INPUTS / name).read_bytes())
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "publication_dates.csv").write_text(
        "file,outlet\narticle_meta.html,Folder Outlet\n", encoding="utf-8"
    )
    found = list(discover_inputs([tmp_path], default_readers()))
    assert [p.name for p in found] == [  # type: ignore[union-attr]
        "article_meta.html",
        "corpus.jsonl",
        "tempeval_sample.tml",
    ]
    result = ingest([tmp_path, tmp_path / "missing.txt"], Settings())
    assert len(result.documents) == 5
    assert {d.id: d.outlet for d in result.documents}["article_meta"] == "Folder Outlet"
    assert (str(tmp_path / "missing.txt"), "no such file or directory") in [
        (s.path, s.reason) for s in result.skipped
    ]


def test_to_document_reports_a_problem_record() -> None:
    from timeline.ingest import RawDocument

    raw = RawDocument(id="x-1", path="x.jsonl", text="", problem="line 1: broken")
    with pytest.raises(InputError, match="line 1: broken"):
        to_document(raw, {}, None, None)


def test_html_in_a_legacy_encoding_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "vote.html"
    page = (
        "<html><head><title>Vote</title></head><body><article>"
        "<p>Les députés ont voté le 22 février 2021 une motion sur le «génocide» des Ouïghours, "
        "a déclaré le ministre à Québec.</p>"
        "<p>La Chine a réagi très vivement à cette décision du Parlement canadien.</p>"
        "</article></body></html>"
    )
    path.write_bytes(page.encode("cp1252"))
    (document,), skipped = ingest_one(path)
    assert skipped == []
    assert document.text.startswith("Les députés ont voté le 22 février 2021")
