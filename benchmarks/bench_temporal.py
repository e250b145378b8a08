"""Throughput of `timeline.temporal.tag` against `dateparser.search.search_dates`, in one run.

Usage: python benchmarks/bench_temporal.py [CORPUS_DIR] [--peer-docs N] [--scale-size N]

Times our tagger over every TBAQ text (with its DCT), then both taggers over the same subset
(the first N documents in path order, default 60, since dateparser is slow) and prints MB/s for
each and the ratio on that subset. Then times our tagger on adversarial inputs of n and 4n
characters: a ratio near 4 means linear time, near 16 quadratic.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

from timeline.temporal import tag  # noqa: E402
from timeline.temporal.timeml import parse_timeml  # noqa: E402

DEFAULT_CORPUS = REPOSITORY.parent / "shared" / "corpora" / "tempeval3-tbaq"
REQUIRED_RATIO = 20.0
REQUIRED_MEGABYTES_PER_SECOND = 1.0

Text = tuple[str, dt.date | None]

ADVERSARIAL_UNITS = {
    "digits": "7",
    "May ": "May ",
    "May 1, ": "May 1, ",
    "punctuation": ".,;:!?/-'\"()",
    "dashes": "-",
    "12/": "12/",
    "last week ago ": "last week ago ",
}


def load_texts(corpus: Path) -> list[Text]:
    """Plain text and DCT of every .tml file under `corpus`, in path order."""
    documents = [parse_timeml(path) for path in sorted(corpus.rglob("*.tml"))]
    return [(document.text, document.dct) for document in documents]


def megabytes(texts: Sequence[Text]) -> float:
    """Size of the texts in MB of UTF-8."""
    return sum(len(text.encode("utf-8")) for text, _ in texts) / 1_000_000


def time_over(texts: Sequence[Text], function: Callable[[str, dt.date | None], object]) -> float:
    """Seconds to run `function` over every text once."""
    started = time.perf_counter()
    for text, reference in texts:
        function(text, reference)
    return time.perf_counter() - started


def dateparser_search(text: str, reference: dt.date | None) -> object:
    """The peer: dateparser's search with English only and the DCT as base."""
    from dateparser.search import search_dates

    settings = {}
    if reference is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(reference, dt.time())
    return search_dates(text, languages=["en"], settings=settings)


def scaling(size: int) -> Iterator[tuple[str, float, float]]:
    """Seconds for n and 4n characters of each adversarial input, one input at a time."""
    for name, unit in ADVERSARIAL_UNITS.items():
        small = unit * (size // len(unit))
        large = unit * (4 * size // len(unit))
        seconds_small = time_over([(small, dt.date(2021, 1, 20))], tag)
        seconds_large = time_over([(large, dt.date(2021, 1, 20))], tag)
        yield name, seconds_small, seconds_large


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--peer-docs", type=int, default=60, help="documents timed for both")
    parser.add_argument("--rounds", type=int, default=3, help="best of N passes for the ratio")
    parser.add_argument("--scale-size", type=int, default=250_000, help="n for the scaling test")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"error: corpus folder not found: {args.corpus}", file=sys.stderr)
        return 2
    texts = load_texts(args.corpus)
    subset = texts[: args.peer_docs]
    tag("Warm-up on January 19, 2021, a week ago.", dt.date(2021, 1, 20))
    dateparser_search("Warm-up on January 19, 2021, a week ago.", dt.date(2021, 1, 20))

    all_seconds = time_over(texts, tag)
    all_rate = megabytes(texts) / all_seconds
    print(
        f"timeline.temporal.tag, all {len(texts)} documents ({megabytes(texts):.3f} MB): "
        f"{all_seconds:.3f} s, {all_rate:.2f} MB/s "
        f"({'ok' if all_rate >= REQUIRED_MEGABYTES_PER_SECOND else 'BELOW'} "
        f"the {REQUIRED_MEGABYTES_PER_SECOND:g} MB/s target)"
    )
    ours_seconds, peer_seconds = float("inf"), float("inf")
    for _ in range(args.rounds):  # taking turns: a slow moment of the machine falls on both
        ours_seconds = min(ours_seconds, time_over(subset, tag))
        peer_seconds = min(peer_seconds, time_over(subset, dateparser_search))
    ours = megabytes(subset) / ours_seconds
    peer = megabytes(subset) / peer_seconds
    ratio = ours / peer
    print(
        f"same subset, first {len(subset)} documents ({megabytes(subset):.3f} MB): "
        f"timeline {ours:.2f} MB/s, dateparser.search_dates {peer:.3f} MB/s"
    )
    print(
        f"ratio timeline/dateparser: {ratio:.1f}x "
        f"({'ok' if ratio >= REQUIRED_RATIO else 'BELOW'} the {REQUIRED_RATIO:g}x target)"
    )
    print(
        f"scaling on adversarial input (n = {args.scale_size} characters; ~4 is linear):",
        flush=True,
    )
    for name, seconds_small, seconds_large in scaling(args.scale_size):
        factor = seconds_large / seconds_small if seconds_small > 0 else float("inf")
        rate = 4 * args.scale_size / seconds_large / 1_000_000 if seconds_large > 0 else 0.0
        print(
            f"  {name!r:18} n {seconds_small:8.3f} s   4n {seconds_large:8.3f} s   "
            f"ratio {factor:5.1f}   ({rate:.2f} M characters/s at 4n)",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
