"""The temporal tagger of another checkout against this one, in one process, runs interleaved.

Usage: python benchmarks/ab_tagger.py BASE_CHECKOUT [--rounds N] [--corpus DIR]

On a shared VM whose speed drifts by up to 2x in an evening, timings of two versions taken in
separate processes minutes apart compare the machine's moods more than the code. Here the base
checkout's ``timeline/temporal/rules.py`` and ``tagger.py`` are loaded next to this checkout's
(the rest of the package, normalizers included, is this checkout's), both tag every TBAQ text
and seed article with its reference date in alternation, `--rounds` times (default 10), and the
CPU seconds (`time.process_time`) of each round are compared: fastest and median of each, and
their ratios. The outputs of both are checked equal first. Then this checkout's tagging time is
split by stage: the anchor scan, the rules' regexes in their windows, the overlap policy and
normalization (`select_longest`), anaphora resolution (`annotate`) and range linking.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

from timeline.temporal import tagger  # noqa: E402
from timeline.temporal.ranges import link_ranges  # noqa: E402
from timeline.temporal.rules import anchor_positions  # noqa: E402

DEFAULT_TBAQ = REPOSITORY.parent / "shared" / "corpora" / "tempeval3-tbaq"
SEEDS = REPOSITORY / "seeds"

Text = tuple[str, dt.date | None]


def load_module(name: str, path: Path, replacements: tuple[tuple[str, str], ...] = ()) -> object:
    """A module from a source file under a name of its own (imports rewritten as given)."""
    source = path.read_text(encoding="utf-8")
    for old, new in replacements:
        source = source.replace(old, new)
    module = types.ModuleType(name)
    module.__file__ = str(path)
    sys.modules[name] = module
    exec(compile(source, str(path), "exec"), module.__dict__)
    return module


def base_tag_text(base: Path) -> Callable[[str, dt.date | None], list]:
    """`tag_text` of the base checkout's tagger and rules (the rest is this checkout's)."""
    temporal = base / "timeline" / "temporal"
    load_module("base_rules", temporal / "rules.py")
    rewrite = (("from timeline.temporal.rules import", "from base_rules import"),)
    module = load_module("base_tagger", temporal / "tagger.py", rewrite)
    return module.tag_text  # type: ignore[attr-defined]


def corpus_texts(tbaq: Path) -> list[Text]:
    """(text, reference date) of every TBAQ document, then of every seed article (no date)."""
    from timeline.temporal.timeml import parse_timeml

    texts: list[Text] = []
    for path in sorted(tbaq.rglob("*.tml")):
        document = parse_timeml(path)
        texts.append((document.text, document.dct))
    texts += [(path.read_text(encoding="utf-8"), None) for path in sorted(SEEDS.glob("*.txt"))]
    return texts


def cpu_seconds(work: Callable[[], object]) -> float:
    """CPU seconds one call of `work` takes."""
    start = time.process_time()
    work()
    return time.process_time() - start


def interleaved(
    base: Callable[[str, dt.date | None], list],
    ours: Callable[[str, dt.date | None], list],
    texts: list[Text],
    rounds: int,
) -> tuple[list[float], list[float]]:
    """CPU seconds of each round of each tagger over all texts, the two taking turns."""
    base_times: list[float] = []
    our_times: list[float] = []
    for _ in range(rounds):
        base_times.append(cpu_seconds(lambda: [base(text, day) for text, day in texts]))
        our_times.append(cpu_seconds(lambda: [ours(text, day) for text, day in texts]))
    return base_times, our_times


def stage_times(texts: list[Text], rounds: int) -> dict[str, float]:
    """Fastest CPU seconds of each stage of this checkout's tagger over all texts."""
    candidates = [list(tagger.find_candidates(text)) for text, _ in texts]
    chosen = [
        tagger.select_longest(found, text, day)
        for found, (text, day) in zip(candidates, texts, strict=True)
    ]
    annotated = [
        tagger.annotate(picked, text, day)
        for picked, (text, day) in zip(chosen, texts, strict=True)
    ]
    stages: dict[str, Callable[[], object]] = {
        "anchor scan": lambda: [anchor_positions(text) for text, _ in texts],
        "find_candidates (scan included)": lambda: [
            list(tagger.find_candidates(text)) for text, _ in texts
        ],
        "select_longest": lambda: [
            tagger.select_longest(found, text, day)
            for found, (text, day) in zip(candidates, texts, strict=True)
        ],
        "annotate": lambda: [
            tagger.annotate(picked, text, day)
            for picked, (text, day) in zip(chosen, texts, strict=True)
        ],
        "link_ranges": lambda: [
            link_ranges(text, found, day)
            for found, (text, day) in zip(annotated, texts, strict=True)
        ],
        "tag_text": lambda: [tagger.tag_text(text, day) for text, day in texts],
    }
    return {name: min(cpu_seconds(work) for _ in range(rounds)) for name, work in stages.items()}


def main(argv: list[str] | None = None) -> int:
    """Compare, print, return 1 when the two taggers' outputs differ."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path, help="checkout to compare with (e.g. a main worktree)")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_TBAQ)
    args = parser.parse_args(argv)
    texts = corpus_texts(args.corpus)
    size = sum(len(text.encode("utf-8")) for text, _ in texts) / 1e6
    base = base_tag_text(args.base)
    if any(base(text, day) != tagger.tag_text(text, day) for text, day in texts):
        print("the two taggers' outputs differ")
        return 1
    base_times, our_times = interleaved(base, tagger.tag_text, texts, args.rounds)
    print(f"{len(texts)} texts, {size:.2f} MB, {args.rounds} interleaved rounds (CPU seconds)")
    for name, times in (("base", base_times), ("this", our_times)):
        fastest, median = min(times), statistics.median(times)
        rate = size / fastest
        print(f"  {name}: fastest {fastest:.3f} s ({rate:.2f} MB/s), median {median:.3f} s")
    print(
        f"  speed-up: {min(base_times) / min(our_times):.3f}x fastest, "
        f"{statistics.median(base_times) / statistics.median(our_times):.3f}x median"
    )
    print("this checkout's stages (fastest round):")
    for name, seconds in stage_times(texts, args.rounds).items():
        print(f"  {name:32s} {seconds * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
