"""Whole-pipeline throughput, parallel efficiency, peak memory and robustness, in one run.

Usage: python benchmarks/bench_pipeline.py [--quick] [--size-mb N] [--peer-mb N] [--workers N]
                                           [--messy-files N] [--messy-big-mb N] [--no-messy]
                                           [--repeat N] [--peer-rounds N]

1. Builds a corpus in a temporary folder by repeating real texts (the TBAQ plain texts of
   ../shared/corpora/tempeval3-tbaq, each with its DCT as a `date YYYY-MM-DD` dateline, and the
   seed articles, without dates, so that date inference runs) until it holds `--size-mb` MB
   (default 20, `--quick` 2). One file per document.
2. Runs `timeline.parallel.run_with_report` over it with 1 worker and with all cores, each in a
   fresh Python process so that its peak memory (getrusage RUSAGE_SELF and RUSAGE_CHILDREN
   maxrss) is its own: documents/s, MB/s, MB/s per core, parallel efficiency t1 / (n * tn), and
   the CPU-time ratio of the two runs (parallel overhead alone; wall time on a shared machine
   also counts other people's load), and a calibration: the efficiency a plain process pool
   gets on pure CPU work on the machine at that moment. `--repeat N` keeps the fastest of N.
3. Times `timeline.temporal.tag` and the peer a user would otherwise reach for,
   `dateparser.search.search_dates(text, languages=['en'], settings={'RELATIVE_BASE': DCT})`,
   on the same subset: the first TBAQ texts in path order up to `--peer-mb` MB (default 1,
   `--quick` 0.2). Prints both rates and the ratio, each the fastest of `--peer-rounds` passes
   (default 3), the two taking turns.
4. Robustness at scale: a messy corpus (default 10,000 tiny files and a 50 MB file, plus binary,
   invalid UTF-8, empty, deeply nested HTML and broken JSONL inputs; `--quick`: 1,000 files and
   5 MB) on all cores: seconds, documents, skipped inputs, peak memory.

MB means 10^6 bytes of input files. Nothing here fails a build; the targets are printed with
PASS/MISS next to the measures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

DEFAULT_TBAQ = REPOSITORY.parent / "shared" / "corpora" / "tempeval3-tbaq"
SEEDS = REPOSITORY / "seeds"
MB = 1_000_000

TARGET_TAG_RATIO = 20.0
TARGET_MB_PER_CORE = 1.0
TARGET_EFFICIENCY = 0.85
TARGET_PEAK_MB = 1024.0
#: A run that takes longer than this is reported as unfinished (e.g. a quadratic step).
RUN_TIMEOUT_SECONDS = 1800


# ----------------------------------------------------------------------------- corpus


def real_texts(tbaq: Path) -> list[tuple[str, str, dt.date | None]]:
    """(name, plain text, DCT) of every TBAQ document, then of every seed article."""
    from timeline.temporal.timeml import parse_timeml

    texts = []
    if tbaq.is_dir():
        for path in sorted(tbaq.rglob("*.tml")):
            document = parse_timeml(path)
            texts.append((path.stem.replace(".", "_"), document.text, document.dct))
    for path in sorted(SEEDS.glob("*.txt")):
        texts.append((path.stem, path.read_text(encoding="utf-8"), None))
    return texts


def article_file_text(text: str, dct: dt.date | None) -> str:
    """A file's content: the text, behind a dateline when the date is known."""
    return f"date {dct.isoformat()}\n\n{text}" if dct is not None else text


def build_corpus(folder: Path, texts: list[tuple[str, str, dt.date | None]], size: int) -> int:
    """Write copies of `texts` (one file each, 500 per folder) until `size` bytes; the bytes."""
    written = 0
    copy = 0
    count = 0
    while written < size:
        for name, text, dct in texts:
            data = article_file_text(text, dct).encode("utf-8")
            path = folder / f"{count // 500:04d}" / f"c{copy:03d}_{name}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written += len(data)
            count += 1
            if written >= size:
                break
        copy += 1
    return written


# ----------------------------------------------------------------------------- one run


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory (MB) of this process and of its largest finished child."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def cpu_seconds_so_far() -> float:
    """CPU seconds (user + system) of this process and its finished children."""
    return sum(
        usage.ru_utime + usage.ru_stime
        for usage in (
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN),
        )
    )


def measure_run(corpus: Path, workers: int) -> dict[str, object]:
    """Run the pipeline once (in this process) and return its figures."""
    from timeline.parallel import run_with_report
    from timeline.settings import Settings

    cpu_before = cpu_seconds_so_far()  # leaves out Python's start-up and the imports
    started = time.perf_counter()
    report = run_with_report([corpus], Settings(), workers=workers, progress=False)
    seconds = time.perf_counter() - started
    own, children = peak_rss_mb()
    cpu = cpu_seconds_so_far() - cpu_before
    reasons = Counter(
        re.sub(r"^document '[^']*': ", "", item.reason)[:120] for item in report.result.skipped
    )
    return {
        "top_skip_reasons": reasons.most_common(3),
        "seconds": seconds,
        "plan_seconds": report.stats.plan_seconds,
        "merge_seconds": report.stats.merge_seconds,
        "cpu_seconds": cpu,
        "inputs": report.stats.inputs,
        "documents": report.stats.documents,
        "skipped": len(report.result.skipped),
        "events": len(report.result.events) + len(report.result.undated),
        "bytes": report.stats.bytes,
        "peak_self_mb": own,
        "peak_child_mb": children,
    }


def run_in_fresh_process(corpus: Path, workers: int, repeat: int = 1) -> dict | None:
    """`measure_run` in new Python processes (clean peak memory), the fastest of `repeat` runs.

    None when a run timed out.
    """
    runs = [run_once_in_fresh_process(corpus, workers) for _ in range(repeat)]
    if any(run is None for run in runs):
        return None
    return min(runs, key=lambda run: run["seconds"])  # type: ignore[index]


def run_once_in_fresh_process(corpus: Path, workers: int) -> dict | None:
    """One `measure_run` in a new Python process; None when it timed out."""
    command = [sys.executable, __file__, "--measure", str(corpus), "--workers", str(workers)]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=RUN_TIMEOUT_SECONDS, check=True
        )
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as error:
        print(error.stderr, file=sys.stderr)
        raise
    return json.loads(done.stdout.strip().splitlines()[-1])


def burn_cpu(seconds: float) -> None:
    """Spin for `seconds` of this thread's CPU time (the calibration task)."""
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def machine_efficiency(workers: int, tasks: int = 200, task_seconds: float = 0.01) -> float:
    """Parallel efficiency of a plain process pool on pure CPU work, on this machine, now.

    On a shared machine (or a VM whose host is busy) this is well under 100%; the pipeline's
    efficiency is best read against it.
    """
    from concurrent.futures import ProcessPoolExecutor

    timings = []
    for count in (1, workers):
        started = time.perf_counter()
        with ProcessPoolExecutor(count) as pool:
            list(pool.map(burn_cpu, [task_seconds] * tasks, chunksize=10))
        timings.append(time.perf_counter() - started)
    return timings[0] / (workers * timings[1])


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def print_skips(figures: dict) -> None:
    """The commonest skip reasons, when inputs were skipped."""
    for reason, count in figures["top_skip_reasons"]:
        print(f"      skipped {count}x: {reason}")


def report_throughput(corpus: Path, workers: int, repeat: int) -> None:
    """Section 2: 1 worker against all cores."""
    best = f", best of {repeat}" if repeat > 1 else ""
    print(f"\n## Pipeline, 1 worker vs {workers} (each run in a fresh process{best})")
    one = run_in_fresh_process(corpus, 1, repeat)
    many = run_in_fresh_process(corpus, workers, repeat) if workers > 1 else one
    if one is None or many is None:
        print(f"  a run did not finish in {RUN_TIMEOUT_SECONDS} s")
        return
    for label, figures, cores in (("1 worker", one, 1), (f"{workers} workers", many, workers)):
        seconds, megabytes = figures["seconds"], figures["bytes"] / MB
        print(
            f"  {label:>10}: {seconds:7.2f} s, {figures['documents'] / seconds:8.1f}"
            f" documents/s, {megabytes / seconds:6.2f} MB/s"
            f" ({megabytes / seconds / cores:.2f} MB/s per core); peak memory"
            f" {figures['peak_self_mb']:.0f} MB main"
            f" + {figures['peak_child_mb']:.0f} MB per worker;"
            f" {figures['documents']:.0f} documents, {figures['events']:.0f} events,"
            f" {figures['skipped']:.0f} skipped"
        )
        print(
            f"      of which serial, in the main process: finding inputs"
            f" {figures['plan_seconds']:.2f} s, merge {figures['merge_seconds']:.2f} s"
        )
        print_skips(figures)
    efficiency = one["seconds"] / (workers * many["seconds"])
    parallel_one = one["seconds"] - one["plan_seconds"] - one["merge_seconds"]
    parallel_many = many["seconds"] - many["plan_seconds"] - many["merge_seconds"]
    phase_efficiency = parallel_one / (workers * parallel_many)
    cpu_efficiency = one["cpu_seconds"] / many["cpu_seconds"]
    per_core = one["bytes"] / MB / one["seconds"]
    peak = many["peak_self_mb"] + workers * many["peak_child_mb"]
    peak = max(peak, one["peak_self_mb"])
    print(
        f"  parallel efficiency t1/(n*tn) on {workers} cores: {efficiency:.0%}"
        f" [target >= {TARGET_EFFICIENCY:.0%}: {verdict(efficiency >= TARGET_EFFICIENCY)}]"
    )
    if workers > 1:
        baseline = machine_efficiency(workers)
        print(
            f"  calibration: a plain process pool burning CPU gets {baseline:.0%} on this"
            f" machine right now; the pipeline's efficiency relative to it:"
            f" {efficiency / baseline:.0%}"
        )
    print(
        f"  the same for the per-document phase alone (without the serial input finding and"
        f" merge): {phase_efficiency:.0%}"
    )
    print(
        f"  CPU time 1 worker / {workers} workers: {cpu_efficiency:.0%} (the share of CPU work"
        " not spent on parallel overhead; unlike wall time, not skewed by other load)"
    )
    print(
        f"  whole pipeline on 1 core: {per_core:.2f} MB/s"
        f" [target >= {TARGET_MB_PER_CORE} MB/s per core:"
        f" {verdict(per_core >= TARGET_MB_PER_CORE)}]"
    )
    print(
        f"  the 1-worker run took {one['cpu_seconds']:.2f} CPU seconds:"
        f" {one['bytes'] / MB / one['cpu_seconds']:.2f} MB per CPU second (wall time also counts"
        " waiting for a core that others use; CPU time much less so)"
    )
    print(
        f"  peak memory (main + n x worker, an upper bound): {peak:.0f} MB"
        f" [target < {TARGET_PEAK_MB:.0f} MB: {verdict(peak < TARGET_PEAK_MB)}]"
    )


# ----------------------------------------------------------------------------- peer


def peer_subset(
    texts: list[tuple[str, str, dt.date | None]], size: int
) -> list[tuple[str, dt.date | None]]:
    """The first texts (path order) up to `size` bytes."""
    subset, total = [], 0
    for _, text, dct in texts:
        if total >= size:
            break
        subset.append((text, dct))
        total += len(text.encode("utf-8"))
    return subset


def dateparser_search(text: str, reference: dt.date | None) -> object:
    """The peer: dateparser's search, English only, the DCT as base."""
    from dateparser.search import search_dates

    settings = {}
    if reference is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(reference, dt.time())
    return search_dates(text, languages=["en"], settings=settings)


def seconds_over(subset: list[tuple[str, dt.date | None]], function: object) -> float:
    started = time.perf_counter()
    for text, reference in subset:
        function(text, reference)  # type: ignore[operator]
    return time.perf_counter() - started


def fastest_interleaved(
    subset: list[tuple[str, dt.date | None]], functions: list[object], rounds: int
) -> list[float]:
    """The fastest of `rounds` passes of each function over `subset`, the functions taking turns
    (so that a slow moment of the machine falls on both, not on one)."""
    best = [float("inf")] * len(functions)
    for _ in range(rounds):
        for index, function in enumerate(functions):
            best[index] = min(best[index], seconds_over(subset, function))
    return best


def report_peer(texts: list[tuple[str, str, dt.date | None]], size: int, rounds: int) -> None:
    """Section 3: our tagger against dateparser.search.search_dates on the same text."""
    from timeline.temporal import tag

    subset = peer_subset(texts, size)
    megabytes = sum(len(text.encode("utf-8")) for text, _ in subset) / MB
    print("\n## Temporal tagging alone vs dateparser.search.search_dates, 1 core")
    print(
        f"  subset: the first {len(subset)} texts in path order, {megabytes:.2f} MB;"
        f" fastest of {rounds} passes each, taking turns"
    )
    tag("warm-up on May 5, 2021", dt.date(2021, 5, 5))
    dateparser_search("warm-up on May 5, 2021", dt.date(2021, 5, 5))
    ours, peer = fastest_interleaved(subset, [tag, dateparser_search], rounds)
    ratio = peer / ours
    print(f"  timeline.temporal.tag: {ours:6.2f} s, {megabytes / ours:6.2f} MB/s")
    print(f"  search_dates:          {peer:6.2f} s, {megabytes / peer:6.2f} MB/s")
    print(
        f"  ratio: {ratio:.1f}x faster [target >= {TARGET_TAG_RATIO:.0f}x:"
        f" {verdict(ratio >= TARGET_TAG_RATIO)}]"
    )


# ----------------------------------------------------------------------------- messy corpus


def report_messy(folder: Path, tiny_files: int, big_mb: int, workers: int) -> None:
    """Section 4: the messy corpus at scale, on all cores."""
    from tests import test_robust_corpus as robust

    robust.TINY_FILES = tiny_files
    robust.BIG_FILE_BYTES = big_mb * MB
    print(
        f"\n## Messy corpus: {tiny_files} tiny files, a {big_mb} MB file, bad inputs;"
        f" {workers} workers"
    )
    robust.build_messy_corpus(folder)
    figures = run_in_fresh_process(folder, workers)
    if figures is None:
        print(f"  did not finish in {RUN_TIMEOUT_SECONDS} s")
        return
    print(
        f"  {figures['seconds']:.1f} s for {figures['inputs']:.0f} inputs"
        f" ({figures['bytes'] / MB:.1f} MB): {figures['documents']:.0f} documents,"
        f" {figures['skipped']:.0f} skipped with reasons; peak memory"
        f" {figures['peak_self_mb']:.0f} MB main + {figures['peak_child_mb']:.0f} MB per worker"
    )
    print_skips(figures)


# ----------------------------------------------------------------------------- main


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a smaller run (about a minute)")
    parser.add_argument("--size-mb", type=float, help="corpus size (default 20, quick 2)")
    parser.add_argument("--peer-mb", type=float, help="dateparser subset (default 1, quick 0.2)")
    parser.add_argument("--workers", type=int, help="cores for the parallel run (default: all)")
    parser.add_argument("--tbaq", type=Path, default=DEFAULT_TBAQ, help="TBAQ folder")
    parser.add_argument("--messy-files", type=int, help="tiny files (default 10000, quick 1000)")
    parser.add_argument("--messy-big-mb", type=int, help="big file MB (default 50, quick 5)")
    parser.add_argument("--repeat", type=int, default=1, help="best of N pipeline runs")
    parser.add_argument("--peer-rounds", type=int, default=3, help="best of N tagging passes")
    parser.add_argument("--no-messy", action="store_true", help="skip the messy corpus section")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args()


def main() -> int:
    args = parse_arguments()
    from timeline.parallel import default_workers

    workers = args.workers or default_workers()
    if args.measure is not None:
        print(json.dumps(measure_run(args.measure, workers)))
        return 0
    size_mb = args.size_mb or (2.0 if args.quick else 20.0)
    peer_mb = args.peer_mb or (0.2 if args.quick else 1.0)
    texts = real_texts(args.tbaq)
    print(f"# timeline pipeline benchmark ({'quick' if args.quick else 'full'} run)")
    print(
        f"  {len(texts)} real texts ({'with' if args.tbaq.is_dir() else 'WITHOUT'} TBAQ),"
        f" {os.cpu_count()} CPUs, {workers} cores used, Python {sys.version.split()[0]}"
    )
    print(f"  load average {os.getloadavg()[0]:.2f} at start (other work skews the timings)")
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as temporary:
        corpus = Path(temporary) / "corpus"
        started = time.perf_counter()
        written = build_corpus(corpus, texts, int(size_mb * MB))
        files = sum(1 for _ in corpus.rglob("*.txt"))
        print(
            f"  corpus: {files} files, {written / MB:.1f} MB"
            f" (built in {time.perf_counter() - started:.1f} s)"
        )
        report_throughput(corpus, workers, args.repeat)
        report_peer(texts, int(peer_mb * MB), args.peer_rounds)
        if not args.no_messy:
            report_messy(
                Path(temporary) / "messy",
                args.messy_files or (1_000 if args.quick else 10_000),
                args.messy_big_mb or (5 if args.quick else 50),
                workers,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
