"""The per-document cache: keyed by content and tool fingerprint, atomic, only new work re-done."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.fake_pipeline import fake_process_document, write_corpus
from timeline import parallel
from timeline.cache import DocumentCache, document_key, fingerprint_of
from timeline.cli import main
from timeline.ingest import publication_date_from_iso
from timeline.models import DateSource, Document
from timeline.parallel import run_with_report
from timeline.pipeline import DocumentResult
from timeline.settings import Settings


def make_document(text: str = "EVENT a 2020-01-02\n", published: str = "2021-01-01") -> Document:
    return Document(
        id="d1",
        path="/corpus/d1.txt",
        text=text,
        published=publication_date_from_iso(published, DateSource.option),
    )


class CountingPipeline:
    """The stand-in pipeline, counting the documents it really processes."""

    def __init__(self) -> None:
        self.processed: list[str] = []

    def __call__(self, document: Document) -> DocumentResult:
        self.processed.append(document.id)
        return fake_process_document(document)


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch) -> CountingPipeline:
    pipeline = CountingPipeline()
    monkeypatch.setattr(parallel, "process_document", pipeline)
    return pipeline


# ----------------------------------------------------------------------------- keys


def test_key_is_stable_for_the_same_document_and_fingerprint() -> None:
    assert document_key(make_document(), "f1") == document_key(make_document(), "f1")


@pytest.mark.parametrize(
    "changed",
    [
        make_document(text="EVENT a 2020-01-03\n"),
        make_document(published="2021-01-02"),
        make_document().model_copy(update={"path": "/elsewhere/d1.txt"}),
        make_document().model_copy(update={"title": "A title"}),
    ],
    ids=["text", "publication-date", "path", "title"],
)
def test_key_changes_with_anything_the_result_depends_on(changed: Document) -> None:
    assert document_key(changed, "f1") != document_key(make_document(), "f1")


def test_key_changes_with_the_tool_fingerprint() -> None:
    assert document_key(make_document(), "f1") != document_key(make_document(), "f2")


def test_fingerprint_changes_with_a_rule_file_or_the_version(tmp_path: Path) -> None:
    (tmp_path / "resources").mkdir()
    rules = tmp_path / "resources" / "rules.json"
    rules.write_text('{"rules": []}', encoding="utf-8")
    (tmp_path / "tagger.py").write_text("X = 1\n", encoding="utf-8")
    before = fingerprint_of(tmp_path, "1.0")
    assert fingerprint_of(tmp_path, "1.0") == before
    assert fingerprint_of(tmp_path, "1.1") != before
    (tmp_path / "notes.pyc").write_bytes(b"\0compiled")  # not a source: ignored
    assert fingerprint_of(tmp_path, "1.0") == before
    rules.write_text('{"rules": [1]}', encoding="utf-8")
    assert fingerprint_of(tmp_path, "1.0") != before


# ----------------------------------------------------------------------------- storage


def test_store_then_load_gives_the_same_result(tmp_path: Path) -> None:
    cache = DocumentCache(tmp_path, fingerprint="f" * 64)
    result = fake_process_document(make_document())
    key = cache.key(make_document())
    assert cache.load(key) is None
    cache.store(key, result)
    assert cache.load(key) == result
    stored = list(tmp_path.rglob("*"))
    assert [p.name for p in stored if p.is_file()] == [f"{key}.json"]  # no temporary left
    assert cache.entry_path(key).parent.parent == tmp_path / ("f" * 16)


def test_a_damaged_entry_is_a_miss(tmp_path: Path) -> None:
    cache = DocumentCache(tmp_path, fingerprint="f" * 64)
    key = cache.key(make_document())
    cache.store(key, fake_process_document(make_document()))
    cache.entry_path(key).write_bytes(b'{"document": {"id": "d1"')  # torn by a disk error
    assert cache.load(key) is None


# ----------------------------------------------------------------------------- runs


@pytest.mark.parametrize("workers", [1, 2])
def test_rerun_over_a_grown_corpus_processes_only_new_documents(
    tmp_path: Path, counting: CountingPipeline, workers: int
) -> None:
    corpus, cache_dir = tmp_path / "corpus", tmp_path / "cache"
    write_corpus(corpus, 12)
    first = run_with_report([corpus], Settings(), workers=1, cache_dir=cache_dir, progress=False)
    assert (first.stats.documents, first.stats.cached) == (12, 0)
    assert len(counting.processed) == 12

    (corpus / "new").mkdir()
    (corpus / "new" / "late.txt").write_text("EVENT late 2022-02-02\n", encoding="utf-8")
    counting.processed.clear()
    second = run_with_report(
        [corpus], Settings(), workers=workers, cache_dir=cache_dir, progress=False
    )
    assert (second.stats.documents, second.stats.cached) == (13, 12)
    if workers == 1:  # in-process: the spy sees exactly the new document
        assert counting.processed == ["late"]
    uncached = run_with_report([corpus], Settings(), workers=1, progress=False)
    assert second.result == uncached.result


def test_a_tool_change_invalidates_the_cache(
    tmp_path: Path, counting: CountingPipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, cache_dir = tmp_path / "corpus", tmp_path / "cache"
    write_corpus(corpus, 3)
    run_with_report([corpus], Settings(), workers=1, cache_dir=cache_dir, progress=False)
    monkeypatch.setattr(parallel, "tool_fingerprint", lambda: "a-changed-rule-file" * 4)
    again = run_with_report([corpus], Settings(), workers=1, cache_dir=cache_dir, progress=False)
    assert again.stats.cached == 0
    assert len(counting.processed) == 6


def test_changed_settings_are_not_served_from_the_cache(
    tmp_path: Path, counting: CountingPipeline
) -> None:
    corpus, cache_dir = tmp_path / "corpus", tmp_path / "cache"
    write_corpus(corpus, 3)
    run_with_report([corpus], Settings(), workers=1, cache_dir=cache_dir, progress=False)
    dated = run_with_report(
        [corpus], Settings(dct=dt.date(2020, 5, 4)), workers=1, cache_dir=cache_dir, progress=False
    )
    assert dated.stats.cached == 0
    assert {d.published.value for d in dated.result.documents} == {"2020-05-04"}


def test_cli_uses_no_cache_by_default_and_no_cache_wins(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, cache_dir = tmp_path / "out", tmp_path / "cache"
    assert main(["extract", str(seeds_dir), "--out", str(out), "-q", "--workers", "1"]) == 0
    assert not (out / ".timeline-cache").exists() and not cache_dir.exists()
    args = ["extract", str(seeds_dir), "--out", str(out), "-q", "--workers", "1"]
    assert main([*args, "--cache", str(cache_dir), "--no-cache"]) == 0
    assert not cache_dir.exists()
    assert main([*args, "--cache", str(cache_dir)]) == 0
    capsys.readouterr()
    assert main([*args, "--cache", str(cache_dir)]) == 0
    assert "5 document(s) (5 from cache)" in capsys.readouterr().out


def test_a_cache_that_cannot_be_written_costs_no_document(
    tmp_path: Path, counting: CountingPipeline
) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 3)
    not_a_folder = tmp_path / "cache-is-a-file"
    not_a_folder.write_text("", encoding="utf-8")
    report = run_with_report(
        [corpus], Settings(), workers=1, cache_dir=not_a_folder, progress=False
    )
    assert report.stats.documents == 3
    assert report.result.skipped == []
