"""The runners: in-process, process pool and Dask give the same timeline, and survive failures."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fake_pipeline import fake_process_document, write_corpus
from timeline import parallel
from timeline.cli import main
from timeline.models import SkippedInput, TimelineResult
from timeline.outputs import EventStreamWriter
from timeline.parallel import (
    InputJob,
    RunPlan,
    chunk_jobs,
    chunk_target_bytes,
    default_workers,
    largest_first,
    plan_run,
    rechunk,
    resolve_workers,
    run_parallel,
    run_with_report,
    time_bucket,
)
from timeline.pipeline import DocumentResult
from timeline.progress import LineProgress, NoProgress, make_progress
from timeline.settings import Settings


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the runners over the predictable stand-in pipeline (forked workers inherit it)."""
    monkeypatch.setattr(parallel, "process_document", fake_process_document)
    monkeypatch.setattr(parallel, "warm_up", lambda: None)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    write_corpus(folder, 40)
    return folder


@pytest.fixture(scope="module")
def dask_scheduler() -> Iterator[str]:
    """A light in-process Dask cluster (one worker thread)."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0"
    ) as cluster:
        yield cluster.scheduler_address


def jobs(*sizes: int) -> list[InputJob]:
    return [InputJob(index=i, path=Path(f"f{i}.txt"), size=size) for i, size in enumerate(sizes)]


def run(paths: list[Path], **options: object) -> TimelineResult:
    return run_parallel(paths, Settings(), progress=False, **options)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- planning


def test_chunks_keep_input_order_and_respect_the_byte_target() -> None:
    chunks = chunk_jobs(jobs(40, 40, 40, 500, 10, 10), target_bytes=100, max_inputs=10)
    assert [[job.index for job in chunk] for chunk in chunks] == [[0, 1], [2], [3], [4, 5]]


def test_chunks_respect_the_input_count_limit() -> None:
    chunks = chunk_jobs(jobs(*[1] * 10), target_bytes=1000, max_inputs=4)
    assert [len(chunk) for chunk in chunks] == [4, 4, 2]


def test_a_big_file_gets_a_chunk_of_its_own() -> None:
    chunks = chunk_jobs(jobs(10, 50_000_000, 10), target_bytes=1 << 20, max_inputs=64)
    assert [[job.index for job in chunk] for chunk in chunks] == [[0], [1], [2]]


def test_chunk_target_gives_each_worker_several_chunks() -> None:
    assert chunk_target_bytes(20 << 20, workers=2) == 1 << 20
    assert chunk_target_bytes(160_000, workers=2) == 10_000
    assert chunk_target_bytes(0, workers=2) == 1


def test_plan_sends_paths_not_texts(corpus: Path) -> None:
    plan: RunPlan = plan_run([corpus, corpus / "missing"], Settings(), workers=2, cache_dir=None)
    assert plan.inputs == 40
    assert all(isinstance(job.path, Path) for chunk in plan.chunks for job in chunk)
    assert [job.index for chunk in plan.chunks for job in chunk] == list(range(40))
    assert plan.skipped == [
        SkippedInput(path=str(corpus / "missing"), reason="no such file or directory")
    ]


# ----------------------------------------------------------------------------- same result


@pytest.mark.usefixtures("fake_pipeline")
def test_pool_gives_the_same_timeline_as_one_process(corpus: Path) -> None:
    one = run([corpus], workers=1)
    two = run([corpus], workers=2)
    assert len(one.documents) == 40
    assert len(one.events) == 80 and len(one.undated) == 40
    assert two == one
    assert [e.time.earliest for e in one.events] == sorted(e.time.earliest for e in one.events)


def test_pool_gives_the_same_timeline_as_one_process_on_the_seeds(seeds_dir: Path) -> None:
    """With the real pipeline: a worker process computes exactly what this process does."""
    plan = plan_run([seeds_dir], Settings(), workers=2, cache_dir=None)
    assert len(plan.chunks) > 1  # so the pool is really used
    assert run([seeds_dir], workers=2) == run([seeds_dir], workers=1)


@pytest.mark.usefixtures("fake_pipeline")
def test_dask_gives_the_same_timeline_as_one_process(corpus: Path, dask_scheduler: str) -> None:
    local = run([corpus, corpus / "missing"], workers=1)
    on_dask = run([corpus, corpus / "missing"], engine="dask", scheduler=dask_scheduler)
    assert on_dask == local
    assert len(on_dask.events) == 80
    assert on_dask.skipped[0].reason == "no such file or directory"


def test_dask_without_an_address_starts_a_local_cluster(seeds_dir: Path) -> None:
    pytest.importorskip("distributed")
    report = run_with_report([seeds_dir], Settings(), workers=1, engine="dask", progress=False)
    assert report.stats.engine == "dask"
    assert report.result == run([seeds_dir], workers=1)


def test_time_bucket_is_the_start_year_or_undated(corpus: Path) -> None:
    text = "EVENT a 2020-12-31\nEVENT b undated\n"
    (corpus / "x.txt").write_text(text, encoding="utf-8")
    from timeline.ingest import unknown_publication_date
    from timeline.models import Document

    document = Document(id="x", path="x", text=text, published=unknown_publication_date("t"))
    dated, undated = fake_process_document(document).events
    assert (time_bucket(dated), time_bucket(undated)) == ("2020", "undated")


# ----------------------------------------------------------------------------- failures


@pytest.mark.usefixtures("fake_pipeline")
@pytest.mark.parametrize("workers", [1, 2])
def test_a_pipeline_bug_skips_one_document_and_keeps_the_rest(corpus: Path, workers: int) -> None:
    bad = corpus / "part0" / "doc0004.txt"
    bad.write_text("BOOM\nEVENT lost 2020-01-01\n", encoding="utf-8")
    result = run([corpus], workers=workers)
    assert len(result.documents) == 39
    (skipped,) = result.skipped
    assert skipped.path == str(bad)
    assert "internal error while processing" in skipped.reason
    assert "ValueError: boom in the pipeline" in skipped.reason


@pytest.mark.usefixtures("fake_pipeline")
def test_a_crashing_worker_skips_its_input_and_keeps_the_rest(corpus: Path) -> None:
    bad = corpus / "part1" / "doc0007.txt"
    bad.write_text("CRASH\n", encoding="utf-8")
    result = run([corpus], workers=2)
    assert len(result.documents) == 39
    assert str(bad) not in {d.path for d in result.documents}
    (skipped,) = result.skipped
    assert skipped.path == str(bad)
    assert "worker process died" in skipped.reason


@pytest.mark.usefixtures("fake_pipeline")
@pytest.mark.parametrize("workers", [1, 2])
def test_a_repeated_document_id_keeps_the_first_input(tmp_path: Path, workers: int) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(f"EVENT {folder} 2020-01-01\n", "utf-8")
    result = run([tmp_path / "a", tmp_path / "b"], workers=workers)
    assert [d.path for d in result.documents] == [str(tmp_path / "a" / "same.txt")]
    assert [e.title for e in result.events] == ["a"]
    assert result.skipped == [
        SkippedInput(path=str(tmp_path / "b" / "same.txt"), reason="duplicate document id 'same'")
    ]


# ----------------------------------------------------------------------------- streaming


class RecordingSink:
    """Remembers what was streamed, and whether the partial file already held it."""

    def __init__(self, writer: EventStreamWriter) -> None:
        self.writer = writer
        self.documents: list[str] = []
        self.lines_seen_while_running = 0

    def write_document(self, result: DocumentResult) -> None:
        self.writer.write_document(result)
        self.documents.append(result.document.id)
        self.lines_seen_while_running = len(
            self.writer.partial_path.read_text(encoding="utf-8").splitlines()
        )

    def write_skipped(self, skipped: SkippedInput) -> None:
        self.writer.write_skipped(skipped)


@pytest.mark.usefixtures("fake_pipeline")
@pytest.mark.parametrize("workers", [1, 2])
def test_events_stream_to_disk_as_documents_finish(
    corpus: Path, tmp_path: Path, workers: int
) -> None:
    out = tmp_path / "out"
    with EventStreamWriter(out) as writer:
        sink = RecordingSink(writer)
        result = run([corpus], workers=workers, sink=sink)
        assert not writer.path.exists()  # only the .partial file while running
    assert sorted(sink.documents) == sorted(d.id for d in result.documents)
    assert sink.lines_seen_while_running == 120  # every line was on disk before the end
    streamed = writer.path.read_text(encoding="utf-8").splitlines()
    assert len(streamed) == 120
    assert not writer.partial_path.exists()


def test_a_failed_run_leaves_no_stream_file(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), EventStreamWriter(tmp_path) as writer:
        raise RuntimeError("interrupted")
    assert list(tmp_path.iterdir()) == []
    assert not writer.path.exists()


@pytest.mark.usefixtures("fake_pipeline")
def test_cli_format_jsonl_writes_the_stream_and_the_merged_file(
    corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert (
        main(
            ["extract", str(corpus), "--out", str(out), "--format", "jsonl", "-q", "--workers", "2"]
        )
        == 0
    )
    assert len((out / "events.stream.jsonl").read_text(encoding="utf-8").splitlines()) == 120
    assert len((out / "events.jsonl").read_text(encoding="utf-8").splitlines()) == 120
    assert not list(out.glob("*.partial"))


# ----------------------------------------------------------------------------- progress


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_line_progress_prints_every_n_inputs_and_every_few_seconds() -> None:
    stream, clock = io.StringIO(), FakeClock()
    progress = LineProgress(total=10, stream=stream, interval=5.0, every=4, clock=clock)
    for _ in range(4):
        progress.advance(1, 1, 0)
    assert stream.getvalue().count("\n") == 1  # after 4 inputs
    progress.advance(1, 0, 1)
    clock.now = 6.0
    progress.advance(1, 1, 0)  # 6 seconds later
    assert stream.getvalue().count("\n") == 2
    progress.close()
    lines = stream.getvalue().splitlines()
    assert lines[-1].startswith("progress: 6/10 inputs (60%), 5 documents, 1 skipped")


def test_progress_is_lines_when_not_a_terminal_and_nothing_when_disabled() -> None:
    assert isinstance(make_progress(True, 3, io.StringIO()), LineProgress)
    assert isinstance(make_progress(False, 3, io.StringIO()), NoProgress)


def test_cli_reports_progress_on_stderr_unless_quiet(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(seeds_dir), "--out", str(tmp_path / "a"), "--workers", "1"]) == 0
    assert "progress: 5/5 inputs (100%), 5 documents, 0 skipped" in capsys.readouterr().err
    assert (
        main(["extract", str(seeds_dir), "--out", str(tmp_path / "b"), "-q", "--workers", "1"]) == 0
    )
    assert "progress" not in capsys.readouterr().err


def test_cli_rejects_zero_workers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--out", str(tmp_path), "--workers", "0"]) == 2
    assert "--workers must be at least 1" in capsys.readouterr().err


def test_dask_with_no_readable_input_reports_it(tmp_path: Path, dask_scheduler: str) -> None:
    result = run([tmp_path], engine="dask", scheduler=dask_scheduler)
    assert result.documents == []
    assert result.skipped == [
        SkippedInput(path=str(tmp_path), reason="directory holds no readable documents")
    ]


def test_rechunk_cuts_finer_for_a_bigger_cluster(corpus: Path) -> None:
    plan = plan_run([corpus], Settings(), workers=1, cache_dir=None)
    finer = rechunk(plan, workers=8)
    assert len(finer.chunks) > len(plan.chunks)
    flat = [job for chunk in finer.chunks for job in chunk]
    assert flat == [job for chunk in plan.chunks for job in chunk]


def test_big_chunks_are_handed_out_first() -> None:
    chunks = chunk_jobs(jobs(10, 10, 5_000, 10, 900), target_bytes=100, max_inputs=64)
    assert [[job.index for job in chunk] for chunk in largest_first(chunks)] == [
        [2],
        [4],
        [0, 1],
        [3],
    ]


def test_workers_default_to_every_core_unless_settings_say() -> None:
    assert resolve_workers(Settings()) == default_workers()
    assert resolve_workers(Settings(workers=3)) == 3
    assert resolve_workers(Settings(workers=1)) == 1


def test_collector_relaxed_raises_the_youngest_threshold_and_restores_all() -> None:
    import gc

    before = gc.get_threshold()
    with parallel.collector_relaxed(12_345):
        assert gc.get_threshold() == (12_345, *before[1:])
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError), parallel.collector_relaxed(999):
        raise RuntimeError("boom")
    assert gc.get_threshold() == before
