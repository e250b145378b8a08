"""Detection fixes: generic fallback, appositive subjects, negated plans, dated appositives,
participle adjectives in subjects, and linear time on one enormous sentence."""

from __future__ import annotations

import pytest

from tests.workcount import executed_lines, growth
from timeline.events.clause import TokenizedSentence, blocked_indexes
from timeline.events.detect import detect
from timeline.events.tokens import tokens_of


def found(text: str, *phrases: str) -> dict[str, tuple[str, bool]]:
    """trigger -> (status, generic) with `phrases` blocked as date phrases."""
    blocked = [(text.index(p), text.index(p) + len(p)) for p in phrases]
    return {d.trigger.text: (d.status.value, d.generic) for d in detect(text, blocked)}


def test_a_lexicon_word_every_row_rejects_falls_back_to_the_generic_detector() -> None:
    text = "Federal agents took the child from the house on April 22."
    assert found(text, "April 22") == {"took": ("occurred", True)}


def test_a_date_after_the_verb_of_an_appositive_subject_is_an_adjunct() -> None:
    text = (
        "Steve Jobs, the chief executive officer of Apple Inc., announced Monday in an "
        "internal memo that he would take leave."
    )
    assert found(text, "Monday")["announced"] == ("occurred", False)


def test_a_reduced_relative_stays_rejected() -> None:
    assert "accused" not in found(
        "Two Canadians, accused of spying in 2018, remain in jail.", "2018"
    )


@pytest.mark.parametrize(
    "text",
    [
        "The company does not plan to lay off workers.",
        "The company did not plan to lay off workers.",
        "The company never planned to sell the unit.",
    ],
)
def test_a_negated_plan_is_not_an_event(text: str) -> None:
    assert found(text) == {}


def test_an_affirmative_plan_is_planned() -> None:
    assert found("Apple plans to lay off 200 workers.") == {"lay": ("planned", False)}


def test_a_dated_participial_appositive_is_its_own_event() -> None:
    text = "Jobs, born in San Francisco on February 24, 1955, has built a company."
    assert found(text, "February 24, 1955")["born"] == ("occurred", True)


def test_a_participle_after_a_determiner_is_an_adjective_in_the_subject() -> None:
    text = "Pre-orders of the recently announced iPhone 4 began Tuesday."
    assert found(text, "Tuesday") == {"began": ("occurred", True)}


def test_blocked_indexes_marks_tokens_starting_inside_spans() -> None:
    text = "On May 5, 2021 and on Monday he left."
    spans = [(text.index("Monday"), text.index("Monday") + 6), (3, 14)]
    tokens = list(tokens_of(text))
    marked = {tokens[i].text for i in blocked_indexes(tokens, spans)}
    assert marked == {"May", "5", ",", "2021", "Monday"}
    assert TokenizedSentence(text, []).blocked == set()


def detect_work(repeats: int) -> int:
    unit = "Apple announced the deal on January 5, 2021, and Jobs said he sold shares on Monday, "
    text = unit * repeats
    blocked = []
    for phrase in ("January 5, 2021", "Monday"):
        start = text.find(phrase)
        while start >= 0:
            blocked.append((start, start + len(phrase)))
            start = text.find(phrase, start + 1)
    return executed_lines(detect, text, blocked)


def test_detection_takes_linear_work_on_one_enormous_sentence() -> None:
    """8x the sentence may take about 8x the work; per-trigger work over the whole sentence
    would take 64x."""
    assert growth(detect_work, 10) < 12


@pytest.mark.parametrize(
    ("text", "phrases", "expected"),
    [
        ("Jobs returned to the stage to reveal the iCloud service.", (), "occurred"),
        (
            "He made an appearance in March and June to unveil the iPad 2.",
            ("March", "June"),
            "occurred",
        ),
        ("Jobs asked Tim Cook to unveil the product.", (), None),
        ("She pledged to ask Congress to approve the funding.", (), None),
        ("The relatives filed a federal lawsuit to overturn the decision.", (), None),
        ("Apple will return to the stage to unveil it.", (), None),
        ("The company did not return to the stage to unveil it.", (), None),
        ("This set of tests could enable officials to declare a match.", (), None),
    ],
)
def test_a_purpose_clause_of_a_past_event_happened(
    text: str, phrases: tuple[str, ...], expected: str | None
) -> None:
    trigger = next(w for w in ("reveal", "unveil", "approve", "overturn", "declare") if w in text)
    assert found(text, *phrases).get(trigger, (None,))[0] == expected


def test_a_gerund_after_by_in_a_past_clause_happened() -> None:
    text = "Jobs rounded the services off by unveiling a new iTunes feature."
    detections = [d for d in detect(text) if d.trigger.text == "unveiling"]
    assert len(detections) == 1
    assert detections[0].participial and detections[0].actors == ["Jobs"]
    assert detect("The bombing specialists arrived.") == []


def test_a_dated_participial_appositive_names_the_noun_before_it() -> None:
    text = "Jobs, born in San Francisco on February 24, 1955, has built a company."
    start = text.index("February")
    born = [d for d in detect(text, [(start, start + 17)]) if d.trigger.text == "born"]
    assert len(born) == 1 and born[0].actors == ["Jobs"]


def test_a_pronoun_before_the_verb_is_the_whole_subject() -> None:
    text = "During his long speech he stated that the company would reinvent the phone."
    (detection,) = [d for d in detect(text, []) if d.trigger.text == "stated"]
    assert detection.actors == ["he"]


def test_an_s_form_before_of_is_a_noun() -> None:
    assert found("It has bugs, such as reports of issues with file sharing.") == {}


def test_an_s_form_after_a_quantifier_is_a_noun() -> None:
    assert "states" not in found("Turkey urged all Balkan states to sign a declaration.")
    assert "claims" not in found("The insurer has started processing claims from the quake.")


def test_a_verb_detection_reads_its_arguments_off_the_clause_only_when_asked() -> None:
    (detection,) = detect("The ministry imposed sanctions on four officials in Beijing.")
    unread = {"subject", "object_text", "actors", "targets", "continuation"}
    assert unread.isdisjoint(vars(detection.arguments))
    assert detection.actors == ["ministry"]
    assert detection.object_text == "sanctions on four officials in Beijing"
    assert detection.places == ["Beijing"]
    assert {"actors", "object_text"} <= vars(detection.arguments).keys()
    assert "targets" not in vars(detection.arguments)


def test_detections_come_in_text_order() -> None:
    text = "On Monday the ministry imposed sanctions and said on Tuesday it had arrested two men."
    dates = [(text.index(day), text.index(day) + len(day)) for day in ("Monday", "Tuesday")]
    starts = [d.trigger.start for d in detect(text, dates)]
    assert len(starts) >= 2
    assert starts == sorted(starts)


def arguments(text: str, *phrases: str) -> dict[str, tuple[list[str], list[str]]]:
    """trigger -> (actors, targets) with `phrases` blocked as date phrases."""
    blocked = [(text.index(p), text.index(p) + len(p)) for p in phrases]
    return {d.trigger.text: (d.actors, d.targets) for d in detect(text, blocked)}


@pytest.mark.parametrize(
    ("text", "trigger", "actors", "targets"),
    [
        ("Police found the man stabbed on Monday.", "stabbed", [], ["man"]),
        ("He was found murdered on Monday.", "murdered", [], ["He"]),
        ("Five soldiers were reported killed on Monday.", "killed", [], ["Five soldiers"]),
        ("The attack left two soldiers wounded on Monday.", "wounded", [], ["two soldiers"]),
        # a past verb that takes no such complement, or an object after the participle
        ("Protesters cheered the minister, who resigned on Monday.", "resigned", ["minister"], []),
        (
            "Police said the gunman killed four people on Monday.",
            "killed",
            ["gunman"],
            ["four people"],
        ),
    ],
)
def test_a_participle_after_the_object_of_found_or_left_describes_that_object(
    text: str, trigger: str, actors: list[str], targets: list[str]
) -> None:
    assert arguments(text, "Monday")[trigger] == (actors, targets)


def test_a_generic_verb_right_before_a_trigger_participle_is_not_an_event_of_its_own() -> None:
    assert set(found("He was found murdered on Monday.", "Monday")) == {"murdered"}


@pytest.mark.parametrize(
    "text",
    [
        "Sarris flew to Moscow, but returned empty-handed on Friday.",
        "The delegation arrived exhausted on Friday.",
    ],
)
def test_a_past_form_right_after_a_past_verb_is_its_complement(text: str) -> None:
    assert set(found(text, "Friday")) <= {"flew", "returned", "arrived"}


def test_a_participle_clause_after_a_finite_event_is_kept_unless_it_is_speech() -> None:
    assert set(found("A bomb exploded in the market on Monday, killing 12 people.", "Monday")) == {
        "exploded",
        "killing",
    }
    assert set(
        found("The ministry announced new measures on Friday, saying it was needed.", "Friday")
    ) == {"announced"}


def test_a_conjunction_opening_a_clause_is_not_part_of_its_subject() -> None:
    text = "In 2012, the economy shrank 2.4 percent, and unemployment reached 14 percent in 2013."
    assert arguments(text, "2012", "2013")["reached"][0] == ["unemployment"]
