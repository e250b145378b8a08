"""Run the per-document step over many inputs: in this process, a process pool, or Dask.

The flow, whatever the engine:

1. *plan* (this process): find the input files, load the dates files once, cut the file list
   into chunks of a few hundred kilobytes so that inter-process traffic stays low. Only paths
   travel to the workers, never texts.
2. *per input* (a worker): read the file, settle each document's publication date, look the
   document up in the cache, otherwise run `process_document`. Every failure, including a bug
   raising inside the pipeline, becomes a `SkippedInput` with its reason; nothing stops the run.
   The document text is dropped here: what comes back (`DocumentResult`) holds no text.
3. *collect* (this process): results arrive as workers finish them; each is streamed to the
   sink (e.g. `events.stream.jsonl`) and counted on the progress display. Only the results,
   which the merge needs, are kept.
4. *merge*: `merge_documents`, the only global step. With Dask the events are first folded
   on the cluster into time buckets (the year an event starts), then merged here.

Results do not depend on the engine or the number of workers: they are put back in input order
before the merge, and a duplicate document id keeps the first input (in input order).
"""

from __future__ import annotations

import gc
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict

from timeline.cache import DocumentCache, tool_fingerprint
from timeline.ingest import (
    DocumentMetadata,
    InputError,
    Reader,
    default_readers,
    describe_error,
    discover_inputs,
    load_metadata,
    read_documents,
)
from timeline.models import Document, Event, SkippedInput, TimelineResult
from timeline.pipeline import DocumentResult, merge_documents, process_document
from timeline.progress import Progress, make_progress
from timeline.settings import Settings
from timeline.temporal.docdate import infer_publication_date

Engine = Literal["local", "dask"]

#: A chunk holds inputs up to about this many bytes...
CHUNK_TARGET_BYTES = 1 << 20
#: ...and at most this many inputs (10,000 tiny files make ~160 chunks, not 10,000 tasks).
CHUNK_MAX_INPUTS = 64
#: Aim for at least this many chunks per worker, so that a slow chunk does not idle the rest.
CHUNKS_PER_WORKER = 8
#: Chunks in flight per worker in the process pool (bounds memory held by pending results).
IN_FLIGHT_PER_WORKER = 4
#: Bucket of an undated event in the Dask merge fold.
UNDATED_BUCKET = "undated"
#: During a run, container allocations between two collections of the cyclic garbage
#: collector's youngest generation (Python's default is 700; see `collector_relaxed`).
RUN_COLLECTOR_THRESHOLD = 50_000


class RunContext(BaseModel):
    """What every worker needs besides its paths: sent once per worker, not per chunk."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    settings: Settings
    metadata: dict[str, DocumentMetadata]
    cache_dir: Path | None = None
    fingerprint: str = ""


@dataclass(frozen=True)
class InputJob:
    """One input file to process: its position in the input order, path and size in bytes."""

    index: int
    path: Path
    size: int


@dataclass(frozen=True)
class InputOutcome:
    """What one input file yielded: results (without text), skips, and how many were cached."""

    job: InputJob
    results: list[DocumentResult] = field(default_factory=list)
    skipped: list[SkippedInput] = field(default_factory=list)
    cached: int = 0


@dataclass(frozen=True)
class RunPlan:
    """The inputs of a run, cut into chunks, and what was skipped while finding them."""

    chunks: list[list[InputJob]]
    skipped: list[SkippedInput]
    context: RunContext

    @property
    def inputs(self) -> int:
        """Number of input files to process."""
        return sum(len(chunk) for chunk in self.chunks)

    @property
    def total_bytes(self) -> int:
        """Size of all input files."""
        return sum(job.size for chunk in self.chunks for job in chunk)


@dataclass
class RunStats:
    """Counts and timing of a run (for the CLI summary and the benchmark)."""

    inputs: int = 0
    documents: int = 0
    cached: int = 0
    skipped: int = 0
    bytes: int = 0
    seconds: float = 0.0
    plan_seconds: float = 0.0
    merge_seconds: float = 0.0
    engine: str = "local"
    workers: int = 1


@dataclass(frozen=True)
class RunReport:
    """A run's merged result and its statistics."""

    result: TimelineResult
    stats: RunStats


class ResultSink(Protocol):
    """Receives each document result and skipped input as soon as it is known."""

    def write_document(self, result: DocumentResult) -> None:
        """A document is done."""

    def write_skipped(self, skipped: SkippedInput) -> None:
        """An input (or a document of it) was skipped."""


# ----------------------------------------------------------------------------- planning


def default_workers() -> int:
    """The cores this process may use (CPU affinity, else the CPU count)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def resolve_workers(settings: Settings) -> int:
    """`settings.workers` when it was set explicitly, else every core."""
    return settings.workers if "workers" in settings.model_fields_set else default_workers()


def file_size(path: Path) -> int:
    """Size in bytes, 0 when it cannot be read (the worker then reports the real error)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def chunk_jobs(
    jobs: Iterable[InputJob], target_bytes: int, max_inputs: int
) -> list[list[InputJob]]:
    """Consecutive jobs grouped into chunks of about `target_bytes` and at most `max_inputs`."""
    chunks: list[list[InputJob]] = []
    current: list[InputJob] = []
    current_bytes = 0
    for job in jobs:
        if current and (current_bytes + job.size > target_bytes or len(current) >= max_inputs):
            chunks.append(current)
            current, current_bytes = [], 0
        current.append(job)
        current_bytes += job.size
    if current:
        chunks.append(current)
    return chunks


def chunk_target_bytes(total_bytes: int, workers: int) -> int:
    """Chunk size: at most CHUNK_TARGET_BYTES, small enough for CHUNKS_PER_WORKER per worker."""
    return max(1, min(CHUNK_TARGET_BYTES, total_bytes // max(1, workers * CHUNKS_PER_WORKER)))


def plan_run(
    paths: list[Path], settings: Settings, workers: int, cache_dir: Path | None
) -> RunPlan:
    """Find the inputs, load metadata once, and cut the inputs into chunks."""
    metadata, skipped = load_metadata(paths, settings)
    jobs: list[InputJob] = []
    for item in discover_inputs(paths, default_readers()):
        if isinstance(item, SkippedInput):
            skipped.append(item)
        else:
            jobs.append(InputJob(index=len(jobs), path=item, size=file_size(item)))
    total = sum(job.size for job in jobs)
    chunks = chunk_jobs(jobs, chunk_target_bytes(total, workers), CHUNK_MAX_INPUTS)
    context = RunContext(
        settings=settings,
        metadata=metadata,
        cache_dir=cache_dir.absolute() if cache_dir is not None else None,
        fingerprint=tool_fingerprint() if cache_dir is not None else "",
    )
    return RunPlan(chunks=chunks, skipped=skipped, context=context)


def chunk_bytes(chunk: list[InputJob]) -> int:
    """Total size of a chunk's inputs."""
    return sum(job.size for job in chunk)


def largest_first(chunks: list[list[InputJob]]) -> list[list[InputJob]]:
    """Chunks in the order to hand them out: biggest first, so that no big file starts last
    and runs alone at the end (results are put back in input order before the merge)."""
    return sorted(chunks, key=chunk_bytes, reverse=True)


def rechunk(plan: RunPlan, workers: int) -> RunPlan:
    """The plan cut for `workers` (a cluster may have many more than this machine's cores)."""
    jobs = [job for chunk in plan.chunks for job in chunk]
    target = chunk_target_bytes(sum(job.size for job in jobs), max(1, workers))
    return replace(plan, chunks=chunk_jobs(jobs, target, CHUNK_MAX_INPUTS))


# ----------------------------------------------------------------------------- per input


def read_input(
    path: Path, context: RunContext, readers: dict[str, Reader]
) -> tuple[list[Document], list[SkippedInput]]:
    """The documents of one input file, and what in it could not be used (per document)."""
    return read_documents(
        path, context.metadata, context.settings.dct, infer_publication_date, readers
    )


def process_cached(document: Document, cache: DocumentCache | None) -> tuple[DocumentResult, bool]:
    """The result of `document`, from the cache when there; whether it came from the cache."""
    if cache is None:
        return process_document(document), False
    key = cache.key(document)
    cached = cache.load(key)
    if cached is not None:
        return cached, True
    result = process_document(document)
    with suppress(OSError):  # a full or read-only cache disk costs speed, never a document
        cache.store(key, result)
    return result, False


def process_input(job: InputJob, context: RunContext, readers: dict[str, Reader]) -> InputOutcome:
    """Read and process one input file; every failure becomes a skipped input."""
    cache = (
        DocumentCache(context.cache_dir, context.fingerprint)
        if context.cache_dir is not None
        else None
    )
    try:
        documents, skipped = read_input(job.path, context, readers)
    except Exception as error:  # a bug in a reader must not stop the run
        reason = f"internal error while reading: {describe_error(error)}"
        return InputOutcome(job=job, skipped=[SkippedInput(path=str(job.path), reason=reason)])
    results: list[DocumentResult] = []
    cached = 0
    documents.reverse()
    while documents:
        document = documents.pop()  # drop each text as soon as it is processed
        try:
            result, hit = process_cached(document, cache)
        except Exception as error:  # a bug in the pipeline: report it, keep going
            reason = (
                f"document {document.id!r}: internal error while processing "
                f"(please report): {describe_error(error)}"
            )
            skipped.append(SkippedInput(path=document.path, reason=reason))
            continue
        results.append(result)
        cached += hit
    return InputOutcome(job=job, results=results, skipped=skipped, cached=cached)


def process_chunk(chunk: list[InputJob], context: RunContext) -> list[InputOutcome]:
    """Process a chunk of inputs (the unit of work sent to a worker)."""
    readers = default_readers()
    return [process_input(job, context, readers) for job in chunk]


# ----------------------------------------------------------------------------- engines

#: The run context of a pool worker process, set once by `set_worker_context`.
_worker_context: RunContext | None = None


def set_worker_context(context: RunContext) -> None:
    """Pool initializer: keep the run context in the worker (sent once, not per chunk)."""
    global _worker_context
    _worker_context = context


@contextmanager
def collector_relaxed(threshold: int = RUN_COLLECTOR_THRESHOLD) -> Iterator[None]:
    """Collect the cyclic garbage collector's youngest generation every `threshold` container
    allocations for a while (`gc.set_threshold`), then restore the thresholds.

    A run keeps every document's results until the merge, and they make no reference cycles:
    with Python's default (700) the collector scanned them again and again, 19% of a 1-worker
    run over 20 MB (7.8 of 41.3 CPU seconds), against 1.0 s with 50,000. Reference counting
    still frees everything else at once; garbage cycles wait for at most `threshold` more
    allocations.
    """
    previous = gc.get_threshold()
    gc.set_threshold(threshold, *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)


def process_chunk_in_worker(chunk: list[InputJob]) -> list[InputOutcome]:
    """Process a chunk with the worker's run context."""
    assert _worker_context is not None, "pool worker started without set_worker_context"
    with collector_relaxed():
        return process_chunk(chunk, _worker_context)


def crashed_outcome(job: InputJob) -> InputOutcome:
    """The outcome of an input whose worker process died (a crash or out of memory)."""
    reason = "the worker process died while processing this input (crash or out of memory)"
    return InputOutcome(job=job, skipped=[SkippedInput(path=str(job.path), reason=reason)])


def warm_up() -> None:
    """Load the lazily loaded rules and lexicons here, so forked workers share them."""
    from timeline.ingest import unknown_publication_date

    document = Document(
        id="warm-up",
        path="warm-up",
        text="On January 5, 2021, the minister resigned. Talks resume next week.",
        published=unknown_publication_date("warm-up"),
    )
    try:
        process_document(document)
    except Exception:  # a broken pipeline shows up per document, with its reason
        return


def run_in_process(chunks: list[list[InputJob]], context: RunContext) -> Iterator[InputOutcome]:
    """The per-document step in this process, one chunk after another."""
    for chunk in chunks:
        yield from process_chunk(chunk, context)


class PoolBroken(Exception):
    """A worker process died; `unfinished` are the chunks that were in flight."""

    def __init__(self, unfinished: list[list[InputJob]]) -> None:
        super().__init__(f"a worker died with {len(unfinished)} chunk(s) in flight")
        self.unfinished = unfinished


def run_pool_round(
    chunks: deque[list[InputJob]], context: RunContext, workers: int, window: int
) -> Iterator[InputOutcome]:
    """Run `chunks` on a fresh pool, at most `window` in flight, yielding results as they finish.

    Submitted chunks are taken off `chunks`. When a worker dies the pool breaks, and the round
    ends with PoolBroken naming the chunks that were in flight.
    """
    in_flight: dict[Future[list[InputOutcome]], list[InputJob]] = {}
    with ProcessPoolExecutor(
        max_workers=workers, initializer=set_worker_context, initargs=(context,)
    ) as pool:
        try:
            while chunks or in_flight:
                while chunks and len(in_flight) < window:
                    chunk = chunks.popleft()
                    in_flight[pool.submit(process_chunk_in_worker, chunk)] = chunk
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in done:
                    outcomes = future.result()
                    del in_flight[future]
                    yield from outcomes
        except BrokenProcessPool:
            raise PoolBroken(list(in_flight.values())) from None
        except BaseException:  # Ctrl-C or a failing sink: do not run what is still queued
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def run_pool(
    chunks: list[list[InputJob]], context: RunContext, workers: int
) -> Iterator[InputOutcome]:
    """The per-document step on a process pool, surviving worker crashes.

    After a crash, the inputs that were in flight are retried one at a time on a single
    worker, which pins the crash on one input; that input is reported as skipped, and the
    remaining chunks go on in parallel again.
    """
    warm_up()
    queue: deque[list[InputJob]] = deque(largest_first(chunks))
    suspects: deque[list[InputJob]] = deque()
    while queue or suspects:
        if suspects:
            try:
                yield from run_pool_round(suspects, context, workers=1, window=1)
            except PoolBroken as broken:
                for chunk in broken.unfinished:
                    yield from (crashed_outcome(job) for job in chunk)
            continue
        try:
            yield from run_pool_round(queue, context, workers, workers * IN_FLIGHT_PER_WORKER)
        except PoolBroken as broken:
            suspects.extend([job] for chunk in broken.unfinished for job in chunk)


# ----------------------------------------------------------------------------- merge


def time_bucket(event: Event) -> str:
    """The fold key of the Dask merge: the year an event starts, or `undated`."""
    return f"{event.time.earliest.year:04d}" if event.time is not None else UNDATED_BUCKET


def kept_results(
    outcomes: list[InputOutcome],
) -> tuple[list[DocumentResult], list[SkippedInput]]:
    """Results in input order, and the skips of repeated document ids (the first one is kept)."""
    seen: set[str] = set()
    kept: list[DocumentResult] = []
    duplicates: list[SkippedInput] = []
    for outcome in sorted(outcomes, key=lambda o: o.job.index):
        for result in outcome.results:
            if result.document.id in seen:
                reason = f"duplicate document id {result.document.id!r}"
                duplicates.append(SkippedInput(path=result.document.path, reason=reason))
                continue
            seen.add(result.document.id)
            kept.append(result)
    return kept, duplicates


def ordered_skips(
    plan_skipped: list[SkippedInput], outcomes: list[InputOutcome]
) -> list[SkippedInput]:
    """Skipped inputs: those found while planning, then per input in input order."""
    skipped = list(plan_skipped)
    for outcome in sorted(outcomes, key=lambda o: o.job.index):
        skipped.extend(outcome.skipped)
    return skipped


# ----------------------------------------------------------------------------- collecting


@dataclass
class Collector:
    """Gathers outcomes as they arrive: streams them, counts them, keeps what the merge needs."""

    progress: Progress
    sink: ResultSink | None
    stats: RunStats
    keep_events: bool = True
    outcomes: list[InputOutcome] = field(default_factory=list)

    def add(self, outcome: InputOutcome) -> None:
        """Take one input's outcome."""
        if self.sink is not None:
            for result in outcome.results:
                self.sink.write_document(result)
            for item in outcome.skipped:
                self.sink.write_skipped(item)
        self.stats.inputs += 1
        self.stats.documents += len(outcome.results)
        self.stats.cached += outcome.cached
        self.stats.bytes += outcome.job.size
        self.progress.advance(1, len(outcome.results), len(outcome.skipped))
        if not self.keep_events:
            outcome = InputOutcome(
                job=outcome.job,
                results=[r.model_copy(update={"events": []}) for r in outcome.results],
                skipped=outcome.skipped,
                cached=outcome.cached,
            )
        self.outcomes.append(outcome)


def finish(
    collector: Collector,
    plan: RunPlan,
    events: Callable[[], list[Event]] | None = None,
) -> TimelineResult:
    """Order, de-duplicate and merge what was collected.

    `events`, when given, supplies the events of all kept documents, in input order;
    the Dask engine uses it to bring in the result of its fold.
    """
    results, duplicates = kept_results(collector.outcomes)
    skipped = [*ordered_skips(plan.skipped, collector.outcomes), *duplicates]
    if collector.sink is not None:
        for item in duplicates:
            collector.sink.write_skipped(item)
    if events is not None and results:
        first, *rest = results
        results = [first.model_copy(update={"events": events()}), *rest]
    collector.stats.skipped = len(skipped)
    started = time.perf_counter()
    merged = merge_documents(results, skipped)
    collector.stats.merge_seconds = time.perf_counter() - started
    return merged


# ----------------------------------------------------------------------------- dask


#: An event with its place in the input order: (input index, document, event) positions.
OrderedEvent = tuple[tuple[int, int, int], Event]


def ordered_bucket(item: OrderedEvent) -> str:
    """The fold key of an ordered event: its time bucket."""
    return time_bucket(item[1])


def fold_add(bucket: list[OrderedEvent], item: OrderedEvent) -> list[OrderedEvent]:
    """Fold step: add an event to its bucket."""
    return [*bucket, item]


def fold_combine(left: list[OrderedEvent], right: list[OrderedEvent]) -> list[OrderedEvent]:
    """Fold combine: two partial buckets become one."""
    return [*left, *right]


def kept_events(
    outcomes: list[InputOutcome], keep: frozenset[tuple[int, str]]
) -> list[OrderedEvent]:
    """The events of the documents that the de-duplication kept, with their input order."""
    return [
        ((outcome.job.index, position, number), event)
        for outcome in outcomes
        for position, result in enumerate(outcome.results)
        if (outcome.job.index, result.document.id) in keep
        for number, event in enumerate(result.events)
    ]


def events_in_input_order(buckets: list[tuple[str, list[OrderedEvent]]]) -> list[Event]:
    """The folded buckets' events, back in input order (the order the local engine merges in)."""
    ordered = sorted((item for _, bucket in buckets for item in bucket), key=lambda i: i[0])
    return [event for _, event in ordered]


def kept_keys(outcomes: list[InputOutcome]) -> frozenset[tuple[int, str]]:
    """(input index, document id) of the documents kept by the de-duplication."""
    seen: set[str] = set()
    keep: set[tuple[int, str]] = set()
    for outcome in sorted(outcomes, key=lambda o: o.job.index):
        for result in outcome.results:
            if result.document.id not in seen:
                seen.add(result.document.id)
                keep.add((outcome.job.index, result.document.id))
    return frozenset(keep)


def run_dask(
    plan: RunPlan, workers: int, scheduler: str | None, collector: Collector
) -> TimelineResult:
    """The per-document step as a Dask bag map; the merge as a fold keyed by time bucket.

    Each chunk of paths is one bag partition. Partitions are gathered as they finish (for the
    stream and the progress display) while their results stay on the cluster. The events of
    the kept documents are then folded on the cluster into one list per time bucket (the year
    an event starts, or undated), and `merge_documents` merges them here, once, in input order.
    The merge itself is not split by bucket: `merge_events` links undated mentions to dated
    events and compares time windows across year boundaries, and clusters greedily, so a
    merge per bucket would give a different timeline than the local engine.
    """
    try:
        import dask
        import dask.bag as db
        from distributed import Client, LocalCluster, as_completed
    except ImportError as error:
        raise InputError(
            "--engine dask", f"needs the dask extra (pip install 'timeline[dask]'): {error}"
        ) from None

    if not plan.chunks:
        return finish(collector, plan)
    cluster = None
    if scheduler is None:
        # ":0": the scheduler's HTTP server on a free port, never a clash on 8787.
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, dashboard_address=":0", silence_logs=40
        )
    try:
        client = Client(scheduler if scheduler is not None else cluster, timeout="20s")
    except OSError as error:
        if cluster is not None:
            cluster.close()
        raise InputError(str(scheduler), f"cannot reach the Dask scheduler: {error}") from None
    try:
        plan = rechunk(plan, sum(client.nthreads().values()))
        chunks = largest_first(plan.chunks)
        bag = db.from_sequence(chunks, npartitions=max(1, len(chunks)))
        # One graph node for the context (dates metadata), not a copy in every task.
        context = dask.delayed(plan.context, pure=True)
        outcome_bag = bag.map(process_chunk, context).flatten()
        partitions = outcome_bag.to_delayed()
        futures = client.compute(partitions)
        chunk_of = {future.key: chunk for future, chunk in zip(futures, chunks, strict=True)}
        finished: list = []
        for future in as_completed(futures):
            try:
                outcomes = future.result()
            except Exception as error:  # a worker died repeatedly on this partition
                reason = f"the Dask task failed: {describe_error(error)}"
                outcomes = [
                    InputOutcome(job=job, skipped=[SkippedInput(path=str(job.path), reason=reason)])
                    for job in chunk_of[future.key]
                ]
            else:
                finished.append(future)
            for outcome in outcomes:
                collector.add(outcome)
        keep = kept_keys(collector.outcomes)
        events_bag = db.from_delayed([dask.delayed(f) for f in finished]) if finished else None

        def folded_events() -> list[Event]:
            if events_bag is None:
                return []
            buckets = (
                events_bag.map_partitions(kept_events, keep)
                .foldby(ordered_bucket, fold_add, [], fold_combine, [])
                .compute()
            )
            return events_in_input_order(buckets)

        return finish(collector, plan, folded_events)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# ----------------------------------------------------------------------------- entry points


def run_with_report(
    paths: list[Path],
    settings: Settings,
    workers: int | None = None,
    engine: Engine = "local",
    scheduler: str | None = None,
    cache_dir: Path | None = None,
    progress: bool | Progress = True,
    sink: ResultSink | None = None,
) -> RunReport:
    """Extract a timeline from `paths` on `engine`, and say how the run went."""
    started = time.perf_counter()
    workers = workers or resolve_workers(settings)
    plan = plan_run(paths, settings, workers, cache_dir)
    plan_seconds = time.perf_counter() - started
    reporter = make_progress(progress, plan.inputs) if isinstance(progress, bool) else progress
    stats = RunStats(engine=engine, workers=workers, plan_seconds=plan_seconds)
    collector = Collector(progress=reporter, sink=sink, stats=stats, keep_events=engine != "dask")
    if sink is not None:
        for item in plan.skipped:
            sink.write_skipped(item)
    try:
        if engine == "dask":
            result = run_dask(plan, workers, scheduler, collector)
        else:
            with collector_relaxed():
                if workers == 1 or len(plan.chunks) <= 1:
                    outcomes = run_in_process(plan.chunks, plan.context)
                else:
                    outcomes = run_pool(plan.chunks, plan.context, workers)
                for outcome in outcomes:
                    collector.add(outcome)
                result = finish(collector, plan)
    finally:
        reporter.close()
    stats.seconds = time.perf_counter() - started
    return RunReport(result=result, stats=stats)


def run_parallel(
    paths: list[Path],
    settings: Settings,
    workers: int | None = None,
    engine: Engine = "local",
    scheduler: str | None = None,
    cache_dir: Path | None = None,
    progress: bool | Progress = True,
    sink: ResultSink | None = None,
) -> TimelineResult:
    """Extract a timeline from `paths`, spreading documents over `workers` (default: all cores)."""
    return run_with_report(
        paths, settings, workers, engine, scheduler, cache_dir, progress, sink
    ).result
