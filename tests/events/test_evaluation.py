"""SemEval-2015 timeline scoring: gold parsing, reading TimeML sentences, matching, the corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.events.evaluation import (
    EmittedTime,
    GoldDatedMention,
    detokenize,
    emitted_times,
    evaluate_semeval_dir,
    gold_interval,
    parse_timeline,
    read_gold_timelines,
    read_semeval_document,
    score,
    sentence_at,
    split_by_document,
    to_document,
)
from timeline.ingest import InputError
from timeline.models import (
    Event,
    EventStatus,
    EventTime,
    Granularity,
    Mention,
    TimeBasis,
    TimelineResult,
)

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "semeval2015-timeline-trial"

TML = """<?xml version='1.0' encoding='utf-8'?>
<TimeML><DOCID>999</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2008-01-09">2008-01-09</TIMEX3></DCT>
<EXTRAINFO>Apple to lower prices</EXTRAINFO>
<TEXT><s id="0">Apple to lower prices</s><s id="1">January 09 , 2008</s><s id="2">Apple \
<EVENT eid="e1">launched</EVENT> the store on April 28 , 2003 .</s><s id="3">It cost \
&#163; 0.79 , Apple 's shop said .</s></TEXT>
</TimeML>
"""


def gold(document: str, sentence: int, date: str) -> GoldDatedMention:
    interval = gold_interval(date)
    assert interval is not None
    return GoldDatedMention(
        document=document, sentence=sentence, date=date, earliest=interval[0], latest=interval[1]
    )


def emitted(document: str, sentence: int, earliest: dt.date, latest: dt.date) -> EmittedTime:
    return EmittedTime(
        document=document,
        sentence=sentence,
        value=earliest.isoformat(),
        earliest=earliest,
        latest=latest,
        event_id="e",
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2005-06-06", (dt.date(2005, 6, 6), dt.date(2005, 6, 6))),
        ("2007-09-XX", (dt.date(2007, 9, 1), dt.date(2007, 9, 30))),
        ("2008-02", (dt.date(2008, 2, 1), dt.date(2008, 2, 29))),
        ("2005-XX-XX", (dt.date(2005, 1, 1), dt.date(2005, 12, 31))),
        ("1976", (dt.date(1976, 1, 1), dt.date(1976, 12, 31))),
        ("XXXX-XX-XX", None),
        ("XXX-XX-XX", None),
    ],
)
def test_gold_interval(value: str, expected) -> None:
    assert gold_interval(value) == expected


def test_parse_timeline_keeps_dated_mentions_only() -> None:
    text = (
        "iPhone 3G\n1\t2008-06-09\t12315-2-launched\t12315-3-launching\n2\tXXX-XX-XX\t12315-4-x\n"
    )
    triples = [(g.document, g.sentence, g.date, g.words) for g in parse_timeline(text)]
    assert triples == [
        ("12315", 2, "2008-06-09", ["launched"]),
        ("12315", 3, "2008-06-09", ["launching"]),
    ]


def test_read_gold_timelines_counts_each_sentence_and_date_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A\n1\t2008-06-09\t1-2-launched\t1-2-launch\n", "utf-8")
    (tmp_path / "b.txt").write_text("B\n1\t2008-06-09\t1-2-promoted\n2\t2008\t1-2-x\n", "utf-8")
    golds = read_gold_timelines(tmp_path)
    assert [(g.sentence, g.date, g.words) for g in golds] == [
        (2, "2008-06-09", ["launched", "launch", "promoted"]),
        (2, "2008", ["x"]),
    ]


@pytest.mark.parametrize(
    ("tokens", "text"),
    [
        ("January 09 , 2008", "January 09, 2008"),
        ("Apple 's shop ( UK ) .", "Apple's shop (UK)."),
        ("paying $ 80,000 and 10 % more", "paying $80,000 and 10% more"),
        ("Beatles ' Apple Corps", "Beatles' Apple Corps"),
        ("it does n't", "it doesn't"),
    ],
)
def test_detokenize(tokens: str, text: str) -> None:
    assert detokenize(tokens) == text


def test_read_semeval_document_maps_sentences_to_offsets(tmp_path: Path) -> None:
    path = tmp_path / "999_test.tml"
    path.write_text(TML, encoding="utf-8")
    corpus_document = read_semeval_document(path)
    document = to_document(corpus_document)
    assert corpus_document.id == "999"
    assert document.published.value == "2008-01-09"
    assert [s.id for s in corpus_document.sentences] == [0, 1, 2, 3]
    for sentence in corpus_document.sentences:
        assert document.text[sentence.start : sentence.end] == sentence.text
    assert corpus_document.sentences[2].text == "Apple launched the store on April 28, 2003."
    assert corpus_document.sentences[3].text == "It cost £0.79, Apple's shop said."
    start = corpus_document.sentences[2].start
    assert sentence_at(corpus_document, start + 3, start + 10) == 2


def test_score_counts_inside_and_precision() -> None:
    golds = [
        gold("1", 2, "2005-06-06"),  # found at day precision
        gold("1", 3, "2005-XX-XX"),  # found, but emitted a day: finer than gold
        gold("1", 4, "2007-09"),  # wrong date emitted: a miss with what we said
        gold("2", 5, "2006"),  # nothing emitted
    ]
    emissions = [
        emitted("1", 2, dt.date(2005, 6, 6), dt.date(2005, 6, 6)),
        emitted("1", 3, dt.date(2005, 3, 1), dt.date(2005, 3, 1)),
        emitted("1", 4, dt.date(2007, 8, 1), dt.date(2007, 9, 30)),
        emitted("1", 9, dt.date(2001, 1, 1), dt.date(2001, 1, 1)),
    ]
    scores = score(golds, emissions, {("2", 5): "It was 2006."}, documents=2)
    assert (scores.gold, scores.found, scores.found_at_precision) == (4, 2, 1)
    assert scores.recall == pytest.approx(0.5)
    assert scores.precision_share == pytest.approx(0.5)
    assert (scores.emitted_dated_mentions, scores.emitted_in_gold_sentences) == (4, 3)
    assert scores.precision_proxy == pytest.approx(0.75)
    assert [(m.document, m.sentence, m.emitted) for m in scores.misses] == [
        ("1", 4, ["2007-08-01"]),
        ("2", 5, []),
    ]
    assert scores.misses[1].text == "It was 2006."
    assert scores.model_dump()["recall"] == pytest.approx(0.5)
    report = scores.report()
    assert "recall (sentence level): 0.500 (2/4)" in report
    assert "nothing dated" in report


def test_score_of_nothing_is_zero() -> None:
    scores = score([], [], {})
    assert (scores.recall, scores.precision_share, scores.precision_proxy) == (0.0, 0.0, 0.0)


def test_emitted_times_places_mentions_in_their_sentences(tmp_path: Path) -> None:
    path = tmp_path / "999_test.tml"
    path.write_text(TML, encoding="utf-8")
    corpus_document = read_semeval_document(path)
    sentence = corpus_document.sentences[2]
    event = Event(
        id="ev1",
        title="Apple launched the store",
        summary="",
        time=EventTime(
            value="2003-04-28",
            earliest=dt.date(2003, 4, 28),
            latest=dt.date(2003, 4, 28),
            granularity=Granularity.day,
            basis=TimeBasis.explicit,
        ),
        status=EventStatus.occurred,
        type="launch",
        mentions=[
            Mention(document="999", start=sentence.start, end=sentence.end, text=sentence.text),
            Mention(document="other", start=0, end=5, text="other"),
        ],
        confidence=0.8,
    )
    times = emitted_times(TimelineResult(events=[event]), {"999": corpus_document})
    assert [(t.document, t.sentence, t.value) for t in times] == [("999", 2, "2003-04-28")]


def test_evaluate_semeval_dir_rejects_a_folder_without_corpus(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no documents"):
        evaluate_semeval_dir(tmp_path)


@pytest.mark.corpus
def test_semeval_trial_corpus_end_to_end() -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpora is absent")
    scores = evaluate_semeval_dir(CORPUS)
    assert scores.documents == 30
    assert scores.gold > 100
    for value in (scores.recall, scores.precision_share, scores.precision_proxy):
        assert 0.0 <= value <= 1.0
    assert "dated-event recall" in scores.report()


def test_headings_stand_apart_and_body_sentences_share_one_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "999_test.tml"
    path.write_text(TML, encoding="utf-8")
    document = to_document(read_semeval_document(path))
    assert document.text == (
        "Apple to lower prices\n\nJanuary 09, 2008\n\n"
        "Apple launched the store on April 28, 2003.\nIt cost £0.79, Apple's shop said."
    )


def test_gold_citing_a_document_outside_the_corpus_is_reported_apart() -> None:
    golds = [gold("1", 2, "2005-06-06"), gold("9590", 10, "2007-09-05")]
    present, absent = split_by_document(golds, {"1"})
    assert [g.document for g in present] == ["1"]
    assert [g.document for g in absent] == ["9590"]
    scores = score(present, [], {}).model_copy(
        update={"gold_in_missing_documents": 1, "missing_documents": ["9590"]}
    )
    assert scores.gold == 1
    assert "1 gold dated mention(s) cite document(s) not in the corpus (9590)" in scores.report()


@pytest.mark.corpus
def test_the_trial_corpus_leaves_out_the_missing_document() -> None:
    if not CORPUS.is_dir():
        pytest.skip("SemEval trial corpus not available")
    scores = evaluate_semeval_dir(CORPUS)
    assert scores.missing_documents == ["9590"]
    assert scores.gold + scores.gold_in_missing_documents == 123


def test_a_continuing_event_is_scored_by_its_start(tmp_path: Path) -> None:
    path = tmp_path / "999_test.tml"
    path.write_text(TML, encoding="utf-8")
    corpus_document = read_semeval_document(path)
    sentence = corpus_document.sentences[2]
    event = Event(
        id="ev1",
        title="He has been fighting cancer",
        summary="",
        time=EventTime(
            value="2004",
            earliest=dt.date(2004, 1, 1),
            latest=dt.date(2008, 1, 9),
            granularity=Granularity.year,
            basis=TimeBasis.explicit,
            mod="START",
        ),
        status=EventStatus.ongoing,
        type="other",
        mentions=[
            Mention(document="999", start=sentence.start, end=sentence.end, text=sentence.text)
        ],
        confidence=0.8,
    )
    times = emitted_times(TimelineResult(events=[event]), {"999": corpus_document})
    assert [(t.earliest, t.latest) for t in times] == [(dt.date(2004, 1, 1), dt.date(2004, 12, 31))]
