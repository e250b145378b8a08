"""The whole pipeline on a generated messy corpus: it finishes, reports every skipped input with
its reason, and loses no good document.

Kept light for the test suite (2,000 tiny files, a 5 MB file); the 10,000-file / 50 MB case is in
benchmarks/bench_pipeline.py. Which bad inputs become documents and which are skipped depends on
the readers (encoding detection may rescue a Latin-1 file, an HTML reader may read deep nesting):
the test asks that each is one or the other, with a reason when skipped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import SEEDS_DIR
from tests.workcount import executed_lines, growth
from timeline.ingest import default_readers, publication_date_from_iso
from timeline.models import DateSource, Document, TimelineResult
from timeline.parallel import RunReport, run_with_report
from timeline.pipeline import process_document
from timeline.settings import Settings
from timeline.temporal.docdate import infer_publication_date

pytestmark = pytest.mark.slow

TINY_FILES = 2_000
BIG_FILE_BYTES = 5 * 1024 * 1024
PATHOLOGICAL_SEGMENT_BYTES = 50_000


@dataclass
class MessyCorpus:
    """A generated corpus and what each input is expected to become."""

    root: Path
    good: list[Path] = field(default_factory=list)
    must_skip: dict[Path, str] = field(default_factory=dict)  # path -> words in the reason
    either: list[Path] = field(default_factory=list)  # document or skipped, never lost
    jsonl: Path | None = None
    jsonl_good_records: int = 0


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))]


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


#: Syllables and reports for many distinct tiny articles (a newsroom's briefs are not copies).
SYLLABLES = ("ka", "lo", "ren", "mi", "ba", "si", "tor", "vel", "dun", "pra")
REPORTS = (
    "resigned on Monday",
    "was elected mayor last week",
    "signed the agreement on March 3",
    "visited the flooded villages yesterday",
    "announced a new budget in February",
    "was arrested on Friday",
    "opened the bridge two days ago",
)


def tiny_article(number: int) -> str:
    """A one-sentence article about one of 1,000 invented people."""
    name = "".join(SYLLABLES[number // 10**k % 10] for k in range(3)).capitalize()
    return f"{name} {REPORTS[number % len(REPORTS)]}, officials said (brief {number})."


def build_messy_corpus(root: Path) -> MessyCorpus:
    """Tiny files, a big file, pathological text, binary, bad UTF-8, empty files, HTML, JSONL."""
    corpus = MessyCorpus(root=root)
    for number in range(TINY_FILES):
        text = f"date 2021-03-{1 + number % 28:02d}\n{tiny_article(number)}\n"
        folder = root / "tiny" / f"{number % 7}" / f"{number % 3}"
        corpus.good.append(write(folder / f"t{number:05d}.txt", text))
    texts = "\n\n".join(seed_texts())
    repeats = BIG_FILE_BYTES // len(texts.encode("utf-8")) + 1
    corpus.good.append(write(root / "big" / "big.txt", "\n\n".join([texts] * repeats)))
    # Odd but valid text, one long line each (about 400 KB in all: the linear-time tests below
    # check the scaling; here the point is that such files finish and count as documents).
    pathological = "".join(
        unit * (PATHOLOGICAL_SEGMENT_BYTES // len(unit))
        for unit in ("1", "2021-", "January ", "(", "on the ", "\n", ". ")
    )
    corpus.good.append(write(root / "odd" / "pathological.txt", pathological))
    corpus.good.append(write(root / "odd" / "no-newline-ünïcode.txt", "Le 5 mai 2021 — ✓ " * 3000))
    corpus.must_skip[write(root / "bad" / "empty.txt", b"")] = "empty"
    corpus.must_skip[write(root / "bad" / "blank.txt", b"  \n\t\n")] = "empty"
    binary = bytes(range(256)) * 400
    corpus.must_skip[write(root / "bad" / "binary.txt", binary)] = "binary"
    corpus.either.append(
        write(root / "bad" / "latin1.txt", "Caf\xe9 ferm\xe9 le 3 mai.".encode("latin-1"))
    )
    corpus.either.append(
        write(root / "bad" / "truncated-utf8.txt", "Nice \u00e9t\u00e9".encode()[:-1])
    )
    nested = "<html><body>" + "<div>" * 50_000 + "Deep text on May 5, 2021." + "</div>" * 50_000
    corpus.either.append(write(root / "web" / "nested.html", nested + "</body></html>"))
    records = [
        json.dumps({"id": "j1", "text": "The vote was held on May 3, 2021."}),
        "{broken json",
        json.dumps({"id": "j2", "text": "Talks resumed last week."}),
        "[1, 2, 3]",
        "",
        json.dumps({"id": "j3", "text": "The plant closed in 2019."}),
    ]
    corpus.jsonl = write(root / "feeds" / "feed.jsonl", "\n".join(records) + "\n")
    corpus.jsonl_good_records = 3
    corpus.either.append(corpus.jsonl)
    (root / "empty-folder").mkdir()
    return corpus


@pytest.fixture(scope="module")
def messy(tmp_path_factory: pytest.TempPathFactory) -> MessyCorpus:
    return build_messy_corpus(tmp_path_factory.mktemp("messy"))


@pytest.fixture(scope="module")
def report(messy: MessyCorpus) -> RunReport:
    inputs = [messy.root, messy.root / "empty-folder", messy.root / "does-not-exist.txt"]
    return run_with_report(inputs, Settings(), workers=2, progress=False)


def document_paths(result: TimelineResult) -> set[str]:
    return {d.path for d in result.documents}


def skipped_reasons(result: TimelineResult) -> dict[str, str]:
    return {s.path: s.reason for s in result.skipped}


def test_every_good_document_is_processed(messy: MessyCorpus, report: RunReport) -> None:
    missing = {str(p) for p in messy.good} - document_paths(report.result)
    assert not missing
    assert report.stats.documents >= len(messy.good)


def test_every_bad_input_is_reported_with_its_reason(messy: MessyCorpus, report: RunReport) -> None:
    reasons = skipped_reasons(report.result)
    for path, words in messy.must_skip.items():
        assert words in reasons[str(path)]
    assert reasons[str(messy.root / "does-not-exist.txt")] == "no such file or directory"
    assert "no readable documents" in reasons[str(messy.root / "empty-folder")]
    assert all(reason.strip() for reason in reasons.values())


def test_no_input_is_lost_without_a_word(messy: MessyCorpus, report: RunReport) -> None:
    accounted = document_paths(report.result) | set(skipped_reasons(report.result))
    for path in messy.either:
        assert str(path) in accounted


def test_good_jsonl_records_survive_broken_lines(messy: MessyCorpus, report: RunReport) -> None:
    if ".jsonl" not in default_readers():
        pytest.skip("no JSONL reader yet")
    records = [d for d in report.result.documents if d.path == str(messy.jsonl)]
    assert len(records) == messy.jsonl_good_records


def test_no_document_is_counted_twice(report: RunReport) -> None:
    ids = [d.id for d in report.result.documents]
    assert len(ids) == len(set(ids))
    assert report.stats.inputs == TINY_FILES + 10


#: Dense, repetitive inputs that make naive overlap checks and backtracking regexes blow up.
PATHOLOGICAL_UNITS = {
    "dates-on-one-line": "Le 5 mai 2021 — ✓ ",
    "dates-in-sentences": "It happened on January 5, 2021. ",
    "relative-dates": "next week ",
    "times-and-weekdays": "at 5 p.m. on Monday, ",
    "number-runs": "12 ",
    "open-brackets": "(",
}


def pipeline_work(text: str) -> int:
    """Python lines executed by the per-document work (date inference and `process_document`)."""
    document = Document(
        id="p",
        path="p",
        text=text,
        published=publication_date_from_iso("2021-01-01", DateSource.option),
    )

    def per_document_work() -> None:
        infer_publication_date(text)
        process_document(document)

    executed_lines(per_document_work)  # warm the lazily loaded tables first
    return executed_lines(per_document_work)


@pytest.mark.parametrize("unit", PATHOLOGICAL_UNITS.values(), ids=PATHOLOGICAL_UNITS.keys())
def test_the_pipeline_takes_linear_work_on_pathological_text(unit: str) -> None:
    """8x the text may take about 8x the work; a quadratic step would take 64x.

    Work is counted in executed lines, not seconds, so machine load cannot change the result.
    """
    repeats = 3_000 // len(unit)
    assert growth(lambda factor: pipeline_work(unit * repeats * factor), 1) < 12
