"""TempEval-3 scoring on hand-made span sets, and `timeline eval timeml` on the fixture."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.ingest import InputError
from timeline.models import TemporalExpression
from timeline.temporal.evaluation import (
    PRF,
    Annotated,
    MatchCounts,
    Span,
    attribute_f1,
    count_matches,
    evaluate_timeml_dir,
    precision_recall_f1,
    relaxed_matches,
    score_document,
    strict_matches,
    text_shape,
)
from timeline.temporal.timeml import parse_timeml

FIXTURES = Path(__file__).parent / "fixtures" / "timeml"
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "tempeval3-tbaq"

GOLD_PAIRS = re.compile(
    r"(?P<phrase>January 19, 2021|March 3, 2021|yesterday|tomorrow|shareholders)"
)
#: A deliberately imperfect tagger for the fixture: misses "2020", gets "tomorrow" wrong, and
#: tags "shareholders" (a false positive); "March 3" is tagged without its year (relaxed only).
FAKE_VALUES = {
    "January 19, 2021": "2021-01-19",
    "yesterday": "2021-01-19",
    "tomorrow": "2021-03-06",
    "shareholders": "PRESENT_REF",
}


def imperfect_tagger(text: str, reference: dt.date | None) -> list[TemporalExpression]:
    """Known mistakes on the fixture, so every count of the evaluation is predictable."""
    found = []
    for match in GOLD_PAIRS.finditer(text):
        phrase = match.group()
        start, end, value = match.start(), match.end(), FAKE_VALUES.get(phrase, "")
        if phrase == "March 3, 2021":
            end, value = start + len("March 3"), "2021-03-03"
        found.append(
            TemporalExpression(
                start=start,
                end=end,
                text=text[start:end],
                type="DURATION" if phrase == "yesterday" else "DATE",
                value=value,
                rule=f"fake-{phrase.split()[0].lower()}",
            )
        )
    return found


def gold_copy_tagger(text: str, reference: dt.date | None) -> list[TemporalExpression]:
    """Returns the fixture's gold annotation for whichever fixture text it is given."""
    for path in sorted(FIXTURES.glob("*.tml")):
        document = parse_timeml(path)
        if document.text == text:
            return [
                TemporalExpression(
                    start=t.start, end=t.end, text=t.text, type=t.type, value=t.value, rule="gold"
                )
                for t in document.timexes
            ]
    raise AssertionError("unknown text")


def spans(*pairs: tuple[int, int]) -> list[Span]:
    """Spans from (start, end) pairs."""
    return [Span(start, end) for start, end in pairs]


@pytest.mark.parametrize(
    ("correct", "system", "gold", "expected"),
    [
        (0, 0, 0, (0.0, 0.0, 0.0)),
        (0, 3, 0, (0.0, 0.0, 0.0)),
        (2, 4, 2, (0.5, 1.0, 2 / 3)),
        (3, 3, 6, (1.0, 0.5, 2 / 3)),
        (5, 5, 5, (1.0, 1.0, 1.0)),
    ],
)
def test_precision_recall_f1(
    correct: int, system: int, gold: int, expected: tuple[float, float, float]
) -> None:
    result = precision_recall_f1(correct, system, gold)
    assert (result.precision, result.recall, result.f1) == pytest.approx(expected)


def test_strict_matches_need_identical_spans_one_to_one() -> None:
    gold = spans((0, 4), (10, 15), (10, 15))
    system = spans((0, 4), (10, 15), (10, 14))
    assert strict_matches(gold, system) == [(0, 0), (1, 1)]
    assert strict_matches(spans((0, 4)), spans((0, 4), (0, 4))) == [(0, 0)]


@pytest.mark.parametrize(
    ("gold", "system", "expected"),
    [
        pytest.param([(0, 10)], [(0, 3), (5, 10)], 1, id="one-gold-two-system-pieces"),
        pytest.param([(0, 5), (6, 10)], [(0, 10)], 1, id="one-system-over-two-gold"),
        pytest.param([(0, 5)], [(5, 9)], 0, id="touching-is-not-overlapping"),
        pytest.param([(0, 5)], [(4, 9)], 1, id="one-character-overlap"),
        pytest.param([(0, 5), (4, 9)], [(4, 5), (0, 2)], 2, id="maximum-not-first-come"),
        pytest.param([], [(0, 3)], 0, id="no-gold"),
        pytest.param([(0, 3)], [], 0, id="no-system"),
    ],
)
def test_relaxed_matches_are_overlaps_matched_one_to_one(
    gold: list[tuple[int, int]], system: list[tuple[int, int]], expected: int
) -> None:
    pairs = relaxed_matches(spans(*gold), spans(*system))
    assert len(pairs) == expected
    assert len({g for g, _ in pairs}) == len({s for _, s in pairs}) == len(pairs)


def test_relaxed_matches_prefer_the_exact_partner() -> None:
    gold = spans((0, 10), (8, 12))
    system = spans((8, 12), (0, 9))
    assert relaxed_matches(gold, system) == [(0, 1), (1, 0)]


def test_count_matches_counts_attributes_over_relaxed_matches() -> None:
    gold = [
        Annotated(Span(0, 10), "DATE", "2021-01-19"),
        Annotated(Span(20, 25), "DATE", "2020"),
        Annotated(Span(30, 35), "DURATION", "P3D"),
    ]
    system = [
        Annotated(Span(0, 10), "DATE", "2021-01-19"),
        Annotated(Span(22, 25), "DATE", "2021"),
        Annotated(Span(40, 45), "DATE", "2021"),
    ]
    assert count_matches(gold, system) == MatchCounts(
        gold=3, system=3, strict=1, relaxed=2, value_correct=1, type_correct=2
    )


def test_attribute_f1_is_relaxed_f1_times_accuracy() -> None:
    relaxed = precision_recall_f1(4, 5, 8)
    assert attribute_f1(relaxed, 3, 4) == pytest.approx(relaxed.f1 * 0.75)
    attribute_precision, attribute_recall = 3 / 5, 3 / 8
    tempeval = 2 * attribute_precision * attribute_recall / (attribute_precision + attribute_recall)
    assert attribute_f1(relaxed, 3, 4) == pytest.approx(tempeval)
    assert attribute_f1(PRF(precision=0, recall=0, f1=0), 0, 0) == 0.0


def test_match_counts_add_up() -> None:
    first = MatchCounts(gold=1, system=2, strict=1, relaxed=1, value_correct=1, type_correct=1)
    assert first.plus(first) == MatchCounts(
        gold=2, system=4, strict=2, relaxed=2, value_correct=2, type_correct=2
    )


def test_text_shape_groups_phrases_by_digits_and_case() -> None:
    assert text_shape("Nov.  12") == text_shape("nov. 30") == "nov. 99"


def test_score_document_lists_misses_wrong_values_and_false_positives() -> None:
    document = parse_timeml(FIXTURES / "merger.tml")
    result = score_document(document, imperfect_tagger(document.text, document.dct))
    assert result.counts == MatchCounts(
        gold=3, system=3, strict=2, relaxed=2, value_correct=2, type_correct=1
    )
    assert [example.gold_text for example in result.missed] == ["2020"]
    assert [example.system_text for example in result.false_positives] == ["shareholders"]
    assert result.false_positives[0].rule == "fake-shareholders"
    assert result.wrong_values == []
    assert "[2020]" in result.missed[0].context


def test_evaluate_fixture_with_the_gold_gives_perfect_scores() -> None:
    scores = evaluate_timeml_dir(FIXTURES, tagger=gold_copy_tagger)
    assert scores.documents == 2
    assert scores.counts == MatchCounts(
        gold=5, system=5, strict=5, relaxed=5, value_correct=5, type_correct=5
    )
    assert scores.strict.f1 == scores.relaxed.f1 == scores.value_f1 == scores.type_f1 == 1.0
    assert scores.missed == scores.wrong_values == scores.false_positives == []


def test_evaluate_fixture_with_known_mistakes() -> None:
    scores = evaluate_timeml_dir(FIXTURES, tagger=imperfect_tagger)
    # council: "March 3" relaxed only, "tomorrow" wrong value; merger: see score_document test.
    assert scores.counts == MatchCounts(
        gold=5, system=5, strict=3, relaxed=4, value_correct=3, type_correct=3
    )
    assert scores.strict.f1 == pytest.approx(0.6)
    assert scores.relaxed.f1 == pytest.approx(0.8)
    assert scores.value_f1 == pytest.approx(0.8 * 3 / 4)
    assert scores.type_f1 == pytest.approx(0.8 * 3 / 4)
    assert [(e.gold_value, e.system_value) for e in scores.wrong_values] == [
        ("2021-03-05", "2021-03-06")
    ]
    worst = scores.rules[0]
    assert (worst.rule, worst.problems) in {("fake-shareholders", 1), ("fake-tomorrow", 1)}
    report = scores.report()
    assert "strict   P  60.0%  R  60.0%  F1  60.0%" in report
    assert "relaxed  P  80.0%  R  80.0%  F1  80.0%" in report
    assert "value F1  60.0%   type F1  60.0%" in report
    assert "2021-03-05 -> 2021-03-06 [fake-tomorrow]" in report
    assert "fake-shareholders" in report


def test_cli_eval_timeml_prints_the_scores(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import timeline.temporal

    monkeypatch.setattr(timeline.temporal, "tag", imperfect_tagger)
    assert main(["eval", "timeml", str(FIXTURES)]) == 0
    output = capsys.readouterr().out
    assert "2 documents" in output
    assert "gold 5  system 5  strict matches 3  relaxed matches 4" in output


def test_cli_eval_timeml_all_errors_lists_each_error_under_its_rule(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import timeline.temporal

    monkeypatch.setattr(timeline.temporal, "tag", imperfect_tagger)
    assert main(["eval", "timeml", str(FIXTURES), "--all-errors"]) == 0
    listing = capsys.readouterr().out.split("Errors by rule")[1]
    assert "  fake-tomorrow (1)\n    value 2021-03-05 -> 2021-03-06" in listing
    assert "Missed (1):" in listing


def test_cli_eval_timeml_with_the_real_tagger_runs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "timeml", str(FIXTURES)]) == 0
    output = capsys.readouterr().out
    assert "gold 5  system" in output
    assert re.search(r"strict   P +[\d.]+%  R +[\d.]+%  F1 +[\d.]+%", output)


def test_cli_eval_on_a_folder_without_timeml_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", "timeml", str(tmp_path)]) == 1
    assert "no .tml files" in capsys.readouterr().err
    with pytest.raises(InputError):
        evaluate_timeml_dir(tmp_path, tagger=imperfect_tagger)


def test_a_broken_gold_file_is_skipped_and_reported(tmp_path: Path) -> None:
    for path in FIXTURES.glob("*.tml"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    nested = tmp_path / "nested"
    nested.mkdir()
    (nested / "broken.tml").write_text("<TimeML><TEXT>x</TimeML>", encoding="utf-8")
    scores = evaluate_timeml_dir(tmp_path, tagger=gold_copy_tagger)
    assert scores.documents == 2
    assert scores.counts.gold == 5
    assert [Path(item.path).name for item in scores.skipped] == ["broken.tml"]
    assert "skipped" in scores.report()


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpora/tempeval3-tbaq")
def test_corpus_scored_against_its_own_gold_is_perfect() -> None:
    documents = {}
    for path in CORPUS.rglob("*.tml"):
        document = parse_timeml(path)
        documents[document.text] = document

    def gold_tagger(text: str, reference: dt.date | None) -> list[TemporalExpression]:
        return [
            TemporalExpression(
                start=t.start, end=t.end, text=t.text, type=t.type, value=t.value, rule="gold"
            )
            for t in documents[text].timexes
        ]

    scores = evaluate_timeml_dir(CORPUS, tagger=gold_tagger)
    assert scores.documents == 256
    assert scores.counts.gold == 1822
    assert scores.strict.f1 == scores.value_f1 == scores.type_f1 == 1.0
