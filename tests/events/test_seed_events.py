"""The seed articles against a careful reader's list of their events: recall and precision.

Run `python tests/events/test_seed_events.py` from the repository root to print the numbers,
the misses and every emitted event that is not on the list.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict, Field

from timeline.models import Event, TimelineResult
from timeline.pipeline import run
from timeline.settings import Settings

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[1] / "seeds"
MIN_RECALL = 0.9
MIN_PRECISION = 0.9


class ExpectedEvent(BaseModel):
    """An event of the careful reader's list."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    event: str
    sentence: str
    dates: list[str] = Field(min_length=1)
    trigger: str | None = None
    undated_ok: bool = False


class SeedEvents(BaseModel):
    """Expected and acceptable events of one seed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    expected: list[ExpectedEvent]
    acceptable: list[ExpectedEvent] = Field(default_factory=list)


class SeedTable(BaseModel):
    """The careful-reader lists of all seeds."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str
    seeds: dict[str, SeedEvents]


@dataclass
class SeedScore:
    """Counts and details of one run against the lists."""

    expected: int = 0
    found: int = 0
    emitted: int = 0
    correct: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    listing: dict[str, list[str]] = field(default_factory=dict)

    @property
    def recall(self) -> float:
        """Share of expected events found with the right date."""
        return self.found / self.expected if self.expected else 0.0

    @property
    def precision(self) -> float:
        """Share of emitted (event, mention) pairs that are real, correctly dated events."""
        return self.correct / self.emitted if self.emitted else 0.0

    def report(self) -> str:
        """The numbers, the misses, the wrong emissions and the events per seed."""
        lines = [
            f"seed recall: {self.recall:.3f} ({self.found}/{self.expected})",
            f"seed precision: {self.precision:.3f} ({self.correct}/{self.emitted})",
        ]
        lines += [f"  MISS {miss}" for miss in self.misses]
        lines += [f"  WRONG {wrong}" for wrong in self.wrong]
        for document, events in sorted(self.listing.items()):
            lines.append(f"{document}:")
            lines += [f"  {line}" for line in events]
        return "\n".join(lines)


@lru_cache(maxsize=1)
def seed_table() -> SeedTable:
    """The careful-reader lists."""
    return SeedTable.model_validate(json.loads((HERE / "seed_events.json").read_text("utf-8")))


def _matches(entry: ExpectedEvent, event: Event, mention_index: int, undated_allowed: bool) -> bool:
    mention = event.mentions[mention_index]
    if entry.sentence not in mention.text:
        return False
    if entry.trigger is not None and mention.trigger != entry.trigger:
        return False
    if event.time is None:
        return entry.undated_ok and undated_allowed
    return event.time.value in entry.dates


def score(result: TimelineResult) -> SeedScore:
    """Recall and precision of a pipeline result against the seed lists."""
    table = seed_table()
    unknown_dates = {d.id for d in result.documents if d.published.value is None}
    events = [*result.events, *result.undated]
    outcome = SeedScore()
    pairs = [(event, index) for event in events for index in range(len(event.mentions))]
    for document, lists in table.seeds.items():
        undated_allowed = document in unknown_dates
        mine = [(e, i) for e, i in pairs if e.mentions[i].document == document]
        for entry in lists.expected:
            outcome.expected += 1
            if any(_matches(entry, e, i, undated_allowed) for e, i in mine):
                outcome.found += 1
            else:
                outcome.misses.append(f"{document}: {entry.event} ({', '.join(entry.dates)})")
        for event, index in mine:
            outcome.emitted += 1
            entries = [*lists.expected, *lists.acceptable]
            when = event.time.value if event.time else f"undated ({event.reason})"
            line = f"{when:>10}  {event.title}  [{event.type}, {event.status.value}]"
            outcome.listing.setdefault(document, []).append(line)
            if any(_matches(entry, event, index, undated_allowed) for entry in entries):
                outcome.correct += 1
            else:
                outcome.wrong.append(
                    f"{document}: {when} {event.title!r} <- {event.mentions[index].text[:90]!r}"
                )
    return outcome


@lru_cache(maxsize=1)
def seed_result() -> TimelineResult:
    """The real pipeline on the seed folder."""
    return run([SEEDS], Settings())


def test_seed_lists_cover_every_seed() -> None:
    names = {path.stem for path in SEEDS.glob("*.txt")}
    assert names == set(seed_table().seeds)


@pytest.mark.slow
def test_seed_recall_and_precision() -> None:
    outcome = score(seed_result())
    print(outcome.report())
    assert outcome.recall >= MIN_RECALL, outcome.report()
    assert outcome.precision >= MIN_PRECISION, outcome.report()


DESIGN_CARD = [
    ("000_0e92c7fee4375c19", "the CCP locked up two Canadians", "2018-12", "arrest"),
    ("002_3a2675eb8fccc671", "The men have been detained in this country", "2018-12", "arrest"),
    ("000_0e92c7fee4375c19", "officially declared on Jan. 19", "2021-01-19", None),
    ("001_0fd6dabae75b067a", "after the House of Commons voted", "2021-02", "vote"),
    (
        "002_3a2675eb8fccc671",
        "Canada has imposed sanctions on four senior",
        "2021-03-22",
        "sanction",
    ),
]


@pytest.mark.parametrize(
    ("document", "sentence", "date", "event_type"),
    DESIGN_CARD,
    ids=[d[3] or "declare" for d in DESIGN_CARD],
)
def test_design_card_events(
    document: str, sentence: str, date: str, event_type: str | None
) -> None:
    found = [
        event
        for event in seed_result().events
        if event.time is not None
        and event.time.value == date
        and any(m.document == document and sentence in m.text for m in event.mentions)
        and (event_type is None or event.type == event_type)
    ]
    assert found, f"no {event_type or 'event'} dated {date} in {document}: {sentence!r}"
    assert all(len(event.title) <= 90 and (event.actors or event.targets) for event in found)


if __name__ == "__main__":
    print(score(seed_result()).report())
