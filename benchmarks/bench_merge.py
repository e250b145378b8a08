"""Benchmark `timeline.merge.merge_events` at corpus scale: seconds and memory per size.

    .venv/bin/python benchmarks/bench_merge.py [SIZE ...] [--seed N] [--no-memory]
        [--implementation PATH]

Synthetic but realistic events (default sizes 1,000, 10,000 and 50,000): articles of about
eight events published over four years, a vocabulary of 300 people (named in full or by
surname), 40 countries and organisations and a few generic names ("the government"), 40 event
types, 80 trigger verbs plus light verbs ("said"), times that are explicit days, months, years,
document-date guesses, context days or missing, and about 10% true duplicates: an event
reported again by a later article in other words. Printed per size: merge seconds (wall and
CPU), events in and out, peak memory of the merge (tracemalloc), and the ratio t(10k)/t(1k)
(about 10 is linear, about 100 quadratic). `--implementation PATH` times the `merge_events` of
another file (an older merge.py) on the same events. Numbers are printed, never asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib.util
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from timeline.models import (  # noqa: E402
    Event,
    EventStatus,
    EventTime,
    Granularity,
    Mention,
    TimeBasis,
)

FIRST_NAMES = [
    "Anna", "Boris", "Carla", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas",
    "Karim", "Lena", "Marco", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Samir", "Tanya",
]  # fmt: skip
SURNAME_STARTS = ["Ab", "Bel", "Cor", "Dan", "Ek", "Fal", "Gor", "Hal", "Ive", "Jor"]
SURNAME_MIDDLES = ["ar", "ben", "cas", "dor", "el", "fin"]
SURNAME_ENDS = ["bott", "ski", "sen", "ova", "ez"]
COUNTRIES = [
    "Canada", "China", "the US", "the EU", "Russia", "India", "Brazil", "Japan", "Germany",
    "France", "Mexico", "Nigeria", "Kenya", "Egypt", "Turkey", "Iran", "Israel", "Ukraine",
    "Poland", "Spain", "Italy", "Australia", "Indonesia", "Vietnam", "Chile", "Peru", "NATO",
    "the UN", "the WHO", "the IMF", "Apple", "Google", "Huawei", "Tesla", "Amazon", "Pfizer",
    "Boeing", "Airbus", "Samsung", "Shell",
]  # fmt: skip
GENERIC_NAMES = ["the government", "officials", "the police", "the company", "he", "they"]
TYPES = [
    "statement", "accuse", "request", "deny", "warn", "sanction", "arrest", "detention",
    "trial", "charge", "sue", "launch", "unveil", "meeting", "visit", "election", "vote",
    "protest", "attack", "strike", "agreement", "treaty", "merger", "acquisition", "release",
    "appointment", "resignation", "death", "disaster", "investigation", "ruling", "fine",
    "ban", "tariff", "loan", "aid", "deployment", "ceasefire", "summit", "other",
]  # fmt: skip
TRIGGERS = [
    "imposed", "arrested", "detained", "sued", "launched", "unveiled", "met", "visited",
    "elected", "voted", "protested", "attacked", "struck", "signed", "agreed", "merged",
    "acquired", "released", "appointed", "resigned", "died", "flooded", "investigated",
    "ruled", "fined", "banned", "raised", "lent", "pledged", "deployed", "withdrew", "warned",
    "accused", "denied", "requested", "condemned", "praised", "rejected", "approved",
    "blocked", "closed", "opened", "cut", "hired", "fired", "sold", "bought", "built",
    "destroyed", "captured", "freed", "expelled", "recalled", "summoned", "threatened",
    "criticized", "welcomed", "hosted", "cancelled", "postponed", "extended", "suspended",
    "resumed", "ended", "started", "invaded", "bombed", "evacuated", "rescued", "charged",
    "convicted", "acquitted", "sentenced", "pardoned", "nominated", "confirmed", "vetoed",
    "passed", "overturned", "upheld",
]  # fmt: skip
LIGHT_TRIGGERS = ["said", "announced", "told", "made", "held"]
OBJECT_WORDS = [
    "sanctions", "officials", "border", "trade", "deal", "talks", "election", "court",
    "ministers", "troops", "vaccine", "oil", "gas", "pipeline", "bank", "loan", "budget",
    "reform", "strike", "workers", "tariffs", "steel", "chips", "phone", "plant", "factory",
    "summit", "treaty", "ceasefire", "refugees", "embassy", "diplomats", "spies", "hackers",
    "data", "privacy", "climate", "emissions", "flood", "earthquake", "hospital", "virus",
    "lockdown", "protesters", "police", "students", "journalists", "newspaper", "licence",
    "merger", "shares", "market", "currency", "inflation", "rates", "exports", "imports",
    "grain", "wheat", "rice", "fishing", "airline", "airport", "railway", "port", "bridge",
    "dam", "mine", "satellite", "rocket", "missile", "drone", "navy", "army", "general",
    "judge", "verdict", "appeal", "charges", "prison", "bail", "hostages", "ransom",
]  # fmt: skip
FIRST_DAY = dt.date(2018, 1, 1)
YEARS = 4
EVENTS_PER_ARTICLE = 8
DUPLICATE_SHARE = 0.1


def people() -> list[str]:
    """The 300 people of the vocabulary, by full name (300 different surnames)."""
    surnames = [
        f"{start}{middle}{end}"
        for start in SURNAME_STARTS
        for middle in SURNAME_MIDDLES
        for end in SURNAME_ENDS
    ]
    return [f"{FIRST_NAMES[n % len(FIRST_NAMES)]} {last}" for n, last in enumerate(surnames)]


def surname(name: str) -> str:
    """How a later sentence or article names a person: by surname (countries stay as they are)."""
    words = name.split()
    return words[-1] if len(words) == 2 and words[0] in FIRST_NAMES else name


def event_time(rng: random.Random, published: dt.date) -> EventTime | None:
    """A time as the events stage gives it, relative to the article's publication date."""
    roll = rng.random()
    if roll < 0.10:
        return None
    if roll < 0.25:
        return EventTime(
            value=published.isoformat(),
            earliest=published,
            latest=published,
            granularity=Granularity.day,
            basis=TimeBasis.document_date,
        )
    if roll < 0.37:
        month = (published - dt.timedelta(days=rng.randrange(90))).replace(day=1)
        following = (month + dt.timedelta(days=32)).replace(day=1)
        return EventTime(
            value=month.strftime("%Y-%m"),
            earliest=month,
            latest=following - dt.timedelta(days=1),
            granularity=Granularity.month,
            basis=TimeBasis.explicit,
        )
    if roll < 0.42:
        year = published.year - rng.randrange(3)
        return EventTime(
            value=str(year),
            earliest=dt.date(year, 1, 1),
            latest=dt.date(year, 12, 31),
            granularity=Granularity.year,
            basis=TimeBasis.explicit,
        )
    day = published - dt.timedelta(days=rng.randrange(45))
    basis = rng.choice([TimeBasis.explicit, TimeBasis.relative, TimeBasis.context])
    return EventTime(
        value=day.isoformat(),
        earliest=day,
        latest=day,
        granularity=Granularity.day,
        basis=basis,
    )


def new_event(rng: random.Random, document: str, number: int, published: dt.date) -> Event:
    """A fresh event of an article: participants, type, trigger, title and time drawn at random."""
    population = people()
    named = population + COUNTRIES * 3
    actors = [rng.choice(named)] if rng.random() < 0.85 else [rng.choice(GENERIC_NAMES)]
    targets = [rng.choice(named) for _ in range(rng.randrange(2))]
    trigger = rng.choice(LIGHT_TRIGGERS) if rng.random() < 0.25 else rng.choice(TRIGGERS)
    words = rng.sample(OBJECT_WORDS, 3)
    title = f"{actors[0]} {trigger} {' '.join(words)}"
    return Event(
        id=f"{document}-e{number}",
        title=title,
        summary=title,
        time=event_time(rng, published),
        status=EventStatus.occurred,
        type=rng.choice(TYPES),
        actors=actors,
        targets=targets,
        mentions=[
            Mention(
                document=document,
                start=number * 200,
                end=number * 200 + len(title),
                text=title,
                trigger=trigger,
            )
        ],
        confidence=round(rng.uniform(0.4, 0.9), 2),
    )


def retold_event(
    rng: random.Random, original: Event, document: str, number: int, published: dt.date
) -> Event:
    """The same event reported by a later article: surnames, words reordered, time kept or
    replaced by the later article's date."""
    words = original.title.split()
    trigger = original.mentions[0].trigger or "said"
    objects = [w for w in words if w in OBJECT_WORDS]
    rng.shuffle(objects)
    actors = [surname(name) for name in original.actors]
    title = f"{actors[0] if actors else 'They'} {trigger} {' '.join(objects)} again"
    retold_time = original.time
    if rng.random() < 0.2:
        retold_time = EventTime(
            value=published.isoformat(),
            earliest=published,
            latest=published,
            granularity=Granularity.day,
            basis=TimeBasis.document_date,
        )
    return Event(
        id=f"{document}-e{number}",
        title=title,
        summary=title,
        time=retold_time,
        status=original.status,
        type=original.type,
        actors=actors,
        targets=[surname(name) for name in original.targets],
        mentions=[
            Mention(
                document=document,
                start=number * 200,
                end=number * 200 + len(title),
                text=title,
                trigger=trigger,
            )
        ],
        confidence=original.confidence,
    )


def synthetic_events(count: int, seed: int = 0, years: float = YEARS) -> list[Event]:
    """`count` events in articles published over `years` years, about 10% retold from earlier
    articles (published up to three weeks before)."""
    rng = random.Random(seed)
    articles = max(1, count // EVENTS_PER_ARTICLE)
    published_days = sorted(
        FIRST_DAY + dt.timedelta(days=rng.randrange(int(365 * years))) for _ in range(articles)
    )
    events: list[Event] = []
    recent: list[tuple[dt.date, Event]] = []
    for article, published in enumerate(published_days):
        document = f"doc{article:06d}"
        for number in range(EVENTS_PER_ARTICLE):
            if len(events) >= count:
                break
            candidates = [e for day, e in recent if (published - day).days <= 21]
            if candidates and rng.random() < DUPLICATE_SHARE:
                made = retold_event(rng, rng.choice(candidates), document, number, published)
            else:
                made = new_event(rng, document, number, published)
            events.append(made)
            recent.append((published, made))
        recent = recent[-400:]
    rng.shuffle(events)
    return events


def load_merge(path: Path | None) -> Callable[[list[Event]], list[Event]]:
    """`merge_events` of the package, or of another merge.py file."""
    if path is None:
        from timeline.merge import merge_events

        return merge_events
    spec = importlib.util.spec_from_file_location("merge_under_test", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.merge_events


def measure(
    merge: Callable[[list[Event]], list[Event]], events: list[Event], memory: bool
) -> dict[str, float]:
    """Wall and CPU seconds of one merge, its output size, and (optionally) its peak memory."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    merged = merge(events)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    figures = {"wall": wall, "cpu": cpu, "out": float(len(merged))}
    if memory:
        gc.collect()
        tracemalloc.start()
        merge(events)
        figures["peak_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    return figures


def main() -> None:
    """Parse options, merge each size once (after a small warm-up) and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000, 10_000, 50_000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--years", type=float, default=YEARS, help="years the articles span (default 4)"
    )
    parser.add_argument(
        "--constant-density",
        action="store_true",
        help="span years in proportion to size (--years per 10,000 events)",
    )
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc pass")
    parser.add_argument("--implementation", type=Path, help="merge.py file to time instead")
    options = parser.parse_args()
    merge = load_merge(options.implementation)
    merge(synthetic_events(200, seed=options.seed + 1))
    print(f"{'events':>8} {'merged':>8} {'wall s':>8} {'cpu s':>8} {'us/event':>9} {'peak MB':>8}")
    cpu_by_size: dict[int, float] = {}
    for size in options.sizes:
        years = options.years * size / 10_000 if options.constant_density else options.years
        events = synthetic_events(size, seed=options.seed, years=years)
        figures = measure(merge, events, memory=not options.no_memory)
        cpu_by_size[size] = figures["cpu"]
        peak = f"{figures['peak_mb']:8.1f}" if "peak_mb" in figures else f"{'-':>8}"
        print(
            f"{size:8d} {int(figures['out']):8d} {figures['wall']:8.2f} {figures['cpu']:8.2f} "
            f"{1e6 * figures['cpu'] / size:9.1f} {peak}",
            flush=True,
        )
    if 1_000 in cpu_by_size and 10_000 in cpu_by_size:
        ratio = cpu_by_size[10_000] / cpu_by_size[1_000]
        print(f"t(10k)/t(1k) = {ratio:.1f} (CPU time; ~10 is linear, ~100 quadratic)")


if __name__ == "__main__":
    main()
