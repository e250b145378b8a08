"""extract_events end to end on hand-made documents and hand-built temporal expressions."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.events.helpers import expression, make_document
from tests.workcount import executed_lines, growth
from timeline.events import (
    Narrative,
    could_name_person,
    extract_events,
    is_person_actor,
    persons_in,
)
from timeline.models import EventStatus, EventTime, Granularity, Sentence, TimeBasis
from timeline.segment import segment

D = dt.date


def run(text: str, published: str | None, expressions: list) -> list:
    document = make_document(text, published)
    return extract_events(document, segment(text), expressions)


def test_month_phrase_gives_a_month_not_a_day() -> None:
    text = (
        "Canada leads an effort at the UN.\n\n"
        "In February, the House of Commons voted to declare a genocide in Xinjiang."
    )
    phrase = expression(
        text, "February", "2021-02", Granularity.month, D(2021, 2, 1), D(2021, 2, 28), "document"
    )
    events = run(text, "2021-06-18", [phrase])
    vote = [e for e in events if e.type == "vote"]
    assert len(vote) == 1
    assert vote[0].time is not None
    assert vote[0].time.value == "2021-02"
    assert vote[0].time.granularity is Granularity.month
    assert vote[0].time.basis is TimeBasis.relative
    assert vote[0].actors == ["House of Commons"]
    mention = vote[0].mentions[0]
    assert text[mention.start : mention.end] == mention.text
    assert text[mention.time_start : mention.time_end] == "February"


def test_lead_present_perfect_takes_the_document_date_with_lower_confidence() -> None:
    text = "Canada has imposed sanctions on four senior Chinese officials over abuses."
    events = run(text, "2021-03-22", [])
    assert len(events) == 1
    event = events[0]
    assert event.time is not None and event.time.value == "2021-03-22"
    assert event.time.basis is TimeBasis.document_date
    assert event.type == "sanction"
    assert event.title == "Canada imposes sanctions on four senior Chinese officials over abuses"
    assert event.confidence < 0.6


def test_undated_clause_continuing_an_episode_takes_context_time() -> None:
    text = (
        "Relations have been strained from December 2018 onward. It all started when the CCP "
        "locked up two Canadians, former diplomat Michael Kovrig and businessman Michael Spavor."
    )
    phrase = expression(
        text, "December 2018", "2018-12", Granularity.month, D(2018, 12, 1), D(2018, 12, 31)
    )
    events = run(text, "2021-01", [phrase])
    locked = [e for e in events if e.mentions[0].trigger == "locked"]
    assert len(locked) == 1
    assert locked[0].time is not None and locked[0].time.value == "2018-12"
    assert locked[0].time.basis is TimeBasis.context
    assert locked[0].targets == ["Michael Kovrig", "Michael Spavor"]
    assert locked[0].actors == ["CCP"]


def test_since_phrase_makes_a_continuing_event_dated_at_its_start() -> None:
    text = "The men have been detained in this country since December 2018."
    phrase = expression(
        text, "December 2018", "2018-12", Granularity.month, D(2018, 12, 1), D(2018, 12, 31)
    )
    events = run(text, "2021-03-22", [phrase])
    assert len(events) == 1
    assert events[0].status is EventStatus.ongoing
    assert events[0].time is not None and events[0].time.value == "2018-12"
    assert events[0].time.mod == "START"


def test_unknown_year_gives_an_undated_event_with_a_reason() -> None:
    text = "On Jan. 8, the commission issued its annual report."
    phrase = expression(text, "Jan. 8", "XXXX-01-08", Granularity.day, None, None, "document")
    events = run(text, None, [phrase])
    assert len(events) == 1
    assert events[0].time is None
    assert events[0].reason and "year" in events[0].reason


def test_negated_hypothetical_and_quoted_clauses_are_not_events() -> None:
    text = (
        "The embassy did not comment on the sanctions. "
        "If these countries think they can deceive us, they are wrong, he said. "
        "“We condemn the arrests,” the group said."
    )
    assert run(text, "2021-03-22", []) == []


def test_boilerplate_and_captions_are_not_article_content() -> None:
    text = (
        "Police arrested three activists on Sunday.\n\n"
        "A man holds a child in Urumqi in April. (Associated Press / Mark Schiefelbein)\n\n"
        "Please enter your comment!\n\n"
        "By submitting this form, I agree to the terms."
    )
    sunday = expression(
        text, "Sunday", "2021-03-21", Granularity.day, D(2021, 3, 21), D(2021, 3, 21), "document"
    )
    events = run(text, "2021-03-22", [sunday])
    assert [e.mentions[0].trigger for e in events] == ["arrested"]


def test_event_ids_are_stable() -> None:
    text = "Canada has imposed sanctions on four officials."
    first = run(text, "2021-03-22", [])
    second = run(text, "2021-03-22", [])
    assert [e.id for e in first] == [e.id for e in second]
    assert len(first[0].id) == 16


def test_planned_event_on_a_weekday_is_the_next_one() -> None:
    text = "The alliance will submit a joint statement to the council on Monday."
    monday = expression(
        text, "Monday", "2021-06-14", Granularity.day, D(2021, 6, 14), D(2021, 6, 14), "document"
    )
    events = run(text, "2021-06-18", [monday])
    assert len(events) == 1
    assert events[0].status is EventStatus.planned
    assert events[0].time is not None and events[0].time.value == "2021-06-21"


def test_two_events_in_one_sentence() -> None:
    text = (
        "It all started when the CCP locked up two Canadians in apparent retaliation for "
        "Ottawa’s arrest of Huawei CFO Meng Wanzhou."
    )
    events = run(text, "2021-01", [])
    assert {e.mentions[0].trigger for e in events} == {"locked", "arrest"}
    arrest = next(e for e in events if e.mentions[0].trigger == "arrest")
    assert arrest.actors == ["Ottawa"]
    assert arrest.targets == ["Meng Wanzhou"]
    assert arrest.title == "Ottawa arrests Meng Wanzhou"


def test_background_past_without_date_or_episode_is_dropped() -> None:
    text = (
        "Canada has imposed sanctions on four officials.\n\n"
        "Officials met in Geneva in 2019.\n\n"
        "The officials toured the region.\n\n"
        "The commission sold its building."
    )
    year = expression(text, "2019", "2019", Granularity.year, D(2019, 1, 1), D(2019, 12, 31))
    events = run(text, "2021-03-22", [year])
    assert [e.mentions[0].trigger for e in events] == ["imposed", "met"]


def test_relative_phrase_in_a_month_dated_article_stays_at_month_precision() -> None:
    text = "Last week the government issued a statement warning companies."
    phrase = expression(
        text, "Last week", "2021-W03", Granularity.week, D(2021, 1, 18), D(2021, 1, 24), "document"
    )
    events = run(text, "2021-01", [phrase])
    assert events[0].time is not None
    assert events[0].time.value == "2021-01"
    assert events[0].time.granularity is Granularity.month
    assert events[0].time.earliest < D(2021, 1, 1)


def test_past_event_with_a_month_day_after_publication_is_a_year_earlier() -> None:
    text = "The military seized power in a coup on Feb. 1, detaining Suu Kyi."
    phrase = expression(
        text, "Feb. 1", "2022-02-01", Granularity.day, D(2022, 2, 1), D(2022, 2, 1), "document"
    )
    events = run(text, "2022-01-10", [phrase])
    dates = {e.mentions[0].trigger: e.time.value for e in events if e.time}
    assert dates == {"seized": "2021-02-01", "detaining": "2021-02-01"}


def test_present_tense_event_dated_after_publication_is_planned() -> None:
    text = "The minister will raise the issue when he visits Beijing next month."
    phrase = expression(
        text, "next month", "2022-02", Granularity.month, D(2022, 2, 1), D(2022, 2, 28), "document"
    )
    events = run(text, "2022-01-10", [phrase])
    assert [(e.status, e.time.value if e.time else None) for e in events] == [
        (EventStatus.planned, "2022-02")
    ]


def test_verb_outside_the_lexicon_counts_only_with_its_own_date() -> None:
    text = "Police raided the homes of six suspects on Tuesday.\n\nThe suspects fled."
    phrase = expression(
        text, "Tuesday", "2022-01-04", Granularity.day, D(2022, 1, 4), D(2022, 1, 4), "document"
    )
    events = run(text, "2022-01-05", [phrase])
    assert [(e.type, e.mentions[0].trigger) for e in events] == [("other", "raided")]
    assert events[0].title == "Police raided homes of six suspects"


def test_relative_clause_event_names_its_antecedent() -> None:
    text = "The national security law, which Beijing imposed on the city in June 2020, is harsh."
    phrase = expression(
        text, "June 2020", "2020-06", Granularity.month, D(2020, 6, 1), D(2020, 6, 30)
    )
    events = run(text, "2022-01-05", [phrase])
    assert len(events) == 1
    assert events[0].title == "Beijing imposes national security law on city"
    assert events[0].time is not None and events[0].time.value == "2020-06"


def test_he_refers_to_the_titled_subject_of_the_sentence() -> None:
    text = (
        "Ned Price said the arrests were unjust.\n\n"
        "Britain's foreign minister will raise the issue when he visits Beijing next month."
    )
    phrase = expression(
        text, "next month", "2022-02", Granularity.month, D(2022, 2, 1), D(2022, 2, 28), "document"
    )
    events = run(text, "2022-01-10", [phrase])
    assert [e.actors for e in events] == [["Britain's foreign minister"]]


def test_a_past_event_this_week_ends_at_the_publication_date() -> None:
    text = "Apple Corps has filed a lawsuit against Apple Computer this week."
    phrase = expression(
        text, "this week", "2006-W13", Granularity.week, D(2006, 3, 27), D(2006, 4, 2), "document"
    )
    events = run(text, "2006-03-28", [phrase])
    assert len(events) == 1 and events[0].time is not None
    assert (events[0].time.earliest, events[0].time.latest) == (D(2006, 3, 27), D(2006, 3, 28))
    assert events[0].time.value == "2006-W13"


def test_a_future_date_does_not_become_the_narratives_reference() -> None:
    text = (
        "Apple CEO Steve Jobs spoke to reporters on Wednesday.\n"
        "The event also included a preview of a system to be released in mid-2011.\n"
        "Jobs unveiled the new products at the event."
    )
    wednesday = expression(
        text,
        "Wednesday",
        "2010-10-20",
        Granularity.day,
        D(2010, 10, 20),
        D(2010, 10, 20),
        "document",
    )
    later = expression(
        text, "mid-2011", "2011", Granularity.year, D(2011, 1, 1), D(2011, 12, 31), "document"
    )
    events = run(text, "2010-10-23", [wednesday, later])
    unveiled = [e for e in events if e.mentions[0].trigger == "unveiled"]
    assert len(unveiled) == 1 and unveiled[0].time is not None
    assert unveiled[0].time.value == "2010-10-20"
    assert unveiled[0].time.basis is TimeBasis.context


def test_a_nominal_event_without_actor_is_titled_noun_of_target() -> None:
    text = "A bomb exploded on May 29, 2020, causing the death of George Floyd."
    day = D(2020, 5, 29)
    may = expression(text, "May 29, 2020", "2020-05-29", Granularity.day, day, day)
    events = run(text, "2021-06-18", [may])
    deaths = [(e.title, e.time.value) for e in events if e.type == "death" and e.time]
    assert deaths == [("Death of George Floyd", "2020-05-29")]


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested four officers on May 29, 2020 after the death of George Floyd.",
        "A jury convicted Derek Chauvin on April 20, 2021 of murder in the death of George Floyd.",
        "Thousands protested on May 29, 2020 over the death of George Floyd.",
    ],
)
def test_an_event_noun_at_another_time_than_its_clause_does_not_take_its_date(text: str) -> None:
    phrase = next(p for p in ("May 29, 2020", "April 20, 2021") if p in text)
    day = dt.date.fromisoformat("2020-05-29" if "May" in phrase else "2021-04-20")
    date = expression(text, phrase, day.isoformat(), Granularity.day, day, day)
    events = run(text, "2021-06-18", [date])
    assert events and not [e for e in events if e.type == "death" and e.time is not None]


def extract_work(repeats: int) -> int:
    unit = "Apple announced the deal on January 5, 2021, and Jobs said he sold shares on Monday, "
    text = unit * repeats
    phrases = []
    for phrase, value in (("January 5, 2021", D(2021, 1, 5)), ("Monday", D(2020, 12, 28))):
        for occurrence in range(repeats):
            phrases.append(
                expression(
                    text,
                    phrase,
                    value.isoformat(),
                    Granularity.day,
                    value,
                    value,
                    "none",
                    occurrence,
                )
            )
    phrases.sort(key=lambda e: e.start)
    document = make_document(text, "2021-01-10")
    sentence = Sentence(index=0, paragraph=0, start=0, end=len(text), text=text)
    return executed_lines(extract_events, document, [sentence], phrases)


def test_extraction_takes_linear_work_on_one_enormous_sentence_full_of_dates() -> None:
    """8x the sentence may take about 8x the work (anchoring indexes date phrases once)."""
    assert growth(extract_work, 10) < 12


def test_its_launch_takes_the_time_of_the_launch_told_before() -> None:
    text = (
        "Apple launched the iTunes Music Store on April 28, 2003.\n"
        "Since its launch the store has sold more than 3 billion songs."
    )
    phrase = expression(
        text, "April 28, 2003", "2003-04-28", Granularity.day, D(2003, 4, 28), D(2003, 4, 28)
    )
    events = run(text, "2008-01-09", [phrase])
    launch = [e for e in events if e.mentions[0].trigger == "launch"]
    assert len(launch) == 1 and launch[0].time is not None
    assert launch[0].time.value == "2003-04-28"
    assert launch[0].time.basis is TimeBasis.context


def test_a_possessed_noun_with_nothing_told_before_is_dropped() -> None:
    events = run("Since its launch the store has sold more than 3 billion songs.", "2008-01-09", [])
    assert [e for e in events if e.mentions[0].trigger == "launch"] == []


def test_death_refers_back_to_the_dying() -> None:
    text = (
        "Steve Jobs died yesterday at the age of 56.\n"
        "Bill Gates responded to Jobs' death with a statement on his blog."
    )
    phrase = expression(
        text, "yesterday", "2011-10-05", Granularity.day, D(2011, 10, 5), D(2011, 10, 5), "document"
    )
    events = run(text, "2011-10-06", [phrase])
    death = [e for e in events if e.mentions[0].trigger == "death"]
    assert len(death) == 1 and death[0].time is not None
    assert death[0].time.value == "2011-10-05"


def test_a_continuing_activity_outside_the_lexicon_is_dated_by_its_since_phrase() -> None:
    text = "He has been fighting pancreatic cancer since 2004."
    phrase = expression(text, "2004", "2004", Granularity.year, D(2004, 1, 1), D(2011, 10, 6))
    events = run(text, "2011-10-06", [phrase])
    assert len(events) == 1 and events[0].time is not None
    assert events[0].status is EventStatus.ongoing
    assert (events[0].time.value, events[0].time.mod) == ("2004", "START")
    assert events[0].title == "He has been fighting pancreatic cancer"


def test_an_undated_progressive_outside_the_lexicon_is_not_an_event() -> None:
    assert run("He has been working on the plan.", "2011-10-06", []) == []


def test_a_speakers_undated_said_continues_their_dated_occasion() -> None:
    text = (
        "Steve Jobs unveiled the new laptops on Wednesday.\n"
        "There are two models.\n"
        "Jobs said that the store will open soon."
    )
    phrase = expression(
        text,
        "Wednesday",
        "2010-10-20",
        Granularity.day,
        D(2010, 10, 20),
        D(2010, 10, 20),
        "document",
    )
    events = run(text, "2010-10-23", [phrase])
    said = [e for e in events if e.mentions[0].trigger == "said"]
    assert len(said) == 1 and said[0].time is not None
    assert (said[0].time.value, said[0].time.basis) == ("2010-10-20", TimeBasis.context)


def test_a_lone_undated_said_is_not_put_on_the_timeline() -> None:
    text = "Apple unveiled the new laptops on Wednesday.\nJobs said that the store will open soon."
    phrase = expression(
        text,
        "Wednesday",
        "2010-10-20",
        Granularity.day,
        D(2010, 10, 20),
        D(2010, 10, 20),
        "document",
    )
    events = run(text, "2010-10-23", [phrase])
    assert [e for e in events if e.mentions[0].trigger == "said"] == []


def test_he_said_continues_the_occasion_of_the_person_who_last_acted() -> None:
    text = (
        "Steve Jobs unveiled the new laptops on Wednesday.\n"
        "He talked about the new software.\n"
        "Current PowerPC programs can be run on Intel processors.\n"
        "He said that Apple is getting ready."
    )
    phrase = expression(
        text,
        "Wednesday",
        "2010-10-20",
        Granularity.day,
        D(2010, 10, 20),
        D(2010, 10, 20),
        "document",
    )
    events = run(text, "2010-10-23", [phrase])
    said = [e for e in events if e.mentions[0].trigger == "said"]
    assert len(said) == 1 and said[0].time is not None
    assert said[0].time.value == "2010-10-20"


def test_coordinated_dates_give_the_event_at_each_time() -> None:
    text = "He made an appearance in March and June to unveil the iPad 2."
    march = expression(text, "March", "2011-03", Granularity.month, D(2011, 3, 1), D(2011, 3, 31))
    june = expression(text, "June", "2011-06", Granularity.month, D(2011, 6, 1), D(2011, 6, 30))
    events = run(text, "2011-08-25", [march, june])
    unveil = sorted(e.time.value for e in events if e.mentions[0].trigger == "unveil" and e.time)
    assert unveil == ["2011-03", "2011-06"]
    assert len({e.id for e in events}) == len(events)


def test_a_range_is_not_two_times() -> None:
    text = "The company sold the unit between 2004 and 2006."
    first = expression(text, "2004", "2004", Granularity.year, D(2004, 1, 1), D(2004, 12, 31))
    second = expression(text, "2006", "2006", Granularity.year, D(2006, 1, 1), D(2006, 12, 31))
    events = run(text, "2011-08-25", [first, second])
    assert len([e for e in events if e.mentions[0].trigger == "sold"]) <= 1


def test_expressions_are_read_per_sentence_in_text_order_sorted_or_not() -> None:
    from timeline.events import _sentence_expressions, sorted_starts

    text = "On May 1 it began. On May 2 and May 3 it went on. Nothing on May 9."
    phrases = [
        expression(text, phrase, "2021-05-0" + phrase[-1], Granularity.day, None, None)
        for phrase in ("May 1", "May 2", "May 3", "May 9")
    ]
    sentences = segment(text)
    starts = sorted_starts(phrases)
    assert starts == [p.start for p in phrases]
    assert sorted_starts(phrases[::-1]) is None
    second = _sentence_expressions(sentences[1], phrases, starts)
    assert [e.text for _, _, e in second] == ["May 2", "May 3"]
    assert [text[sentences[1].start + s : sentences[1].start + e] for s, e, _ in second] == [
        "May 2",
        "May 3",
    ]
    for sentence in sentences:  # the index gives what a scan of every expression gives
        assert _sentence_expressions(sentence, phrases, starts) == _sentence_expressions(
            sentence, phrases
        )


def test_auxiliary_search_finds_every_auxiliary_word_in_any_case() -> None:
    import re

    from timeline.events import AUXILIARY_PATTERN, PAST_AUXILIARIES, PRESENT_AUXILIARIES

    plain = re.compile(
        r"\b(?:" + "|".join(sorted(PRESENT_AUXILIARIES | PAST_AUXILIARIES)) + r")\b", re.I
    )
    # `isn't` holds no whole auxiliary word
    text = "Is it true? HAS he? She isn't, was not, Does; whereas Dido had. Were they? AM I?"
    found = [m.span() for m in AUXILIARY_PATTERN.finditer(text)]
    assert found == [m.span() for m in plain.finditer(text)]
    assert [text[a:b] for a, b in found] == ["Is", "HAS", "was", "Does", "had", "Were", "AM"]


def test_the_last_time_of_an_actor_is_the_latest_entry_sharing_a_word() -> None:
    from timeline.events import Narrative

    narrative = Narrative()
    narrative.add_actor_time(frozenset({"police"}), None, "first", 0)
    narrative.add_actor_time(frozenset({"army", "china"}), None, "second", 0)
    narrative.add_actor_time(frozenset({"police", "hong"}), None, "third", 0)
    assert narrative.last_actor_time(frozenset({"police"})) == (None, "third")
    assert narrative.last_actor_time(frozenset({"china", "hong"})) == (None, "third")
    assert narrative.last_actor_time(frozenset({"army"})) == (None, "second")
    assert narrative.last_actor_time(frozenset({"navy"})) is None
    assert narrative.last_actor_time(frozenset()) is None


def test_a_year_an_actor_acted_in_another_paragraph_is_background() -> None:
    from timeline.events import Narrative

    year = EventTime(
        value="2025",
        earliest=dt.date(2025, 1, 1),
        latest=dt.date(2025, 12, 31),
        granularity=Granularity.year,
        basis=TimeBasis.relative,
    )
    narrative = Narrative()
    narrative.add_actor_time(frozenset({"apple"}), year, None, 1)
    assert narrative.last_actor_time(frozenset({"apple"}), 1) == (year, None)
    assert narrative.last_actor_time(frozenset({"apple"}), 2) is None
    assert narrative.last_actor_time(frozenset({"apple"})) == (year, None)


def test_an_event_noun_alone_takes_no_date_from_the_narrative() -> None:
    text = (
        "Canada imposed sanctions on Monday.\n\n"
        "“They have problems,” Zhao said, citing the death of George Floyd in police custody."
    )
    document = make_document(text, "2021-03-22")
    events = extract_events(document, segment(text), [])
    assert not [e for e in events if e.mentions[0].trigger == "death"]


def test_an_event_noun_takes_the_time_of_its_main_clause() -> None:
    text = (
        "Relations have been strained since December 2018. "
        "It started when China detained two Canadians in retaliation for Canada's arrest "
        "of Meng Wanzhou."
    )
    since = expression(
        text, "December 2018", "2018-12", Granularity.month, D(2018, 12, 1), D(2021, 1, 31)
    )
    document = make_document(text, "2021-01")
    events = extract_events(document, segment(text), [since])
    by_trigger = {e.mentions[0].trigger: e for e in events}
    assert "arrest" in by_trigger and "detained" in by_trigger
    assert by_trigger["arrest"].time == by_trigger["detained"].time


def test_a_speakers_also_said_continues_their_last_occasion_however_far_back() -> None:
    filler = "".join(f"The model number {n} has a larger screen.\n" for n in range(12))
    opening = "Steve Jobs unveiled the new laptops on Wednesday.\n" + filler
    times = []
    for last in ("Jobs also said that stores will open.", "Jobs said that prices will fall."):
        text = opening + last
        phrase = expression(
            text,
            "Wednesday",
            "2010-10-20",
            Granularity.day,
            D(2010, 10, 20),
            D(2010, 10, 20),
            "document",
        )
        events = run(text, "2010-10-23", [phrase])
        times.append([e.time.value for e in events if e.mentions[0].trigger == "said" and e.time])
    assert times == [["2010-10-20"], []]


def test_a_first_name_alone_is_the_person_who_acted_with_it() -> None:
    text = (
        "Steve Jobs unveiled the new laptops on Wednesday.\n"
        'Steve called the new laptops "the best we ever made".\n'
        "He said that the store will open soon."
    )
    phrase = expression(
        text,
        "Wednesday",
        "2010-10-20",
        Granularity.day,
        D(2010, 10, 20),
        D(2010, 10, 20),
        "document",
    )
    events = run(text, "2010-10-23", [phrase])
    spoken = [(e.mentions[0].trigger, e.time.value if e.time else None) for e in events[1:]]
    assert spoken == [("called", "2010-10-20"), ("said", "2010-10-20")]


def test_a_first_name_shared_by_two_people_is_not_resolved() -> None:
    narrative = Narrative()
    narrative.remember_persons(["Steve Jobs", "Steve Ballmer", "Tim Cook"])
    assert narrative.by_surname(["Steve", "Tim", "Apple"]) == ["Steve", "Cook", "Apple"]


def test_an_undated_plan_takes_the_date_of_the_plan_just_told() -> None:
    text = (
        "The new phone will be available on June 24.\n"
        "The old model will be discontinued.\n"
        "There are two colours.\n"
        "There are two sizes.\n"
        "There are two prices.\n"
        "The old charger will be discontinued."
    )
    phrase = expression(
        text, "June 24", "2010-06-24", Granularity.day, D(2010, 6, 24), D(2010, 6, 24), "document"
    )
    events = run(text, "2010-06-08", [phrase])
    plans = [
        (e.status, e.time.value if e.time else None, e.time.basis if e.time else None)
        for e in events
    ]
    assert plans == [
        (EventStatus.planned, "2010-06-24", TimeBasis.context),
        (EventStatus.planned, "2010-06-08", TimeBasis.document_date),
    ]


def test_an_undated_present_perfect_report_is_news_of_the_document_date() -> None:
    text = (
        "The trial opened in London on Wednesday.\n\n"
        "Judge Martin Mann has stated that he owns an iPod.\n\n"
        "China has previously said that the camps are schools."
    )
    phrase = expression(
        text, "Wednesday", "2006-03-29", Granularity.day, D(2006, 3, 29), D(2006, 3, 29), "document"
    )
    events = run(text, "2006-03-28", [phrase])
    spoken = [(e.mentions[0].trigger, e.time.value, e.time.basis) for e in events if e.time]
    assert ("stated", "2006-03-28", TimeBasis.document_date) in spoken
    assert [s for s in spoken if s[0] == "said"] == []


def test_and_in_a_year_opening_a_clause_is_not_a_second_time_of_the_first_event() -> None:
    text = "He started Apple in 1976, and in 1984 the first Macintosh was released."
    phrases = [
        expression(text, year, year, Granularity.year, D(int(year), 1, 1), D(int(year), 12, 31))
        for year in ("1976", "1984")
    ]
    events = run(text, "2011-10-06", phrases)
    assert sorted((e.mentions[0].trigger, e.time.value) for e in events if e.time) == [
        ("released", "1984"),
        ("started", "1976"),
    ]


def test_a_present_report_in_the_lead_is_dated_by_the_document() -> None:
    body = "Apple Corps claims that the store violates an agreement."
    filler = "".join(f"Paragraph {n} has more detail.\n\n" for n in range(3))
    dated = []
    for text in (body, filler + body):
        events = run(text, "2006-03-28", [])
        dated.append([(e.mentions[0].trigger, e.time.value) for e in events if e.time])
    assert dated == [[("claims", "2006-03-28")], []]


def test_a_maturity_date_is_not_a_plan_that_dates_the_next_plan() -> None:
    text = "The notes mature in 1999.\nThe issue will be sold through underwriters."
    phrase = expression(text, "1999", "1999", Granularity.year, D(1999, 1, 1), D(1999, 12, 31))
    events = run(text, "1989-10-30", [phrase])
    assert [(e.mentions[0].trigger, e.time.value) for e in events if e.time] == [
        ("sold", "1989-10-30")
    ]


def test_a_correspondents_sign_off_reports_nothing() -> None:
    events = run("Lisa Schlein reports from Geneva.", "1998-03-05", [])
    assert [e for e in events if e.mentions[0].trigger == "reports"] == []


@pytest.mark.parametrize(
    ("actor", "possible"),
    [
        ("Steve Jobs", True),
        ("Jobs", True),
        ("Michael J. Fox", True),
        ("company", False),
        ("the company", False),  # "the" never stands in a person's name
        ("the Kremlin", False),
        ("Most of Compaq", False),
        ("Ursula Leyen", True),
        ("Chinese officials", False),
        ("Apple board of directors today", False),
        ("Steve  Jobs", False),
    ],
)
def test_could_name_person_rules_out_only_what_no_person_name_can_be(
    actor: str, possible: bool
) -> None:
    assert could_name_person(actor) is possible


def test_person_actor_is_found_in_the_sentences_before() -> None:
    narrative = Narrative(previous_texts=["Steve Jobs unveiled the iPad.", "Sales rose."])
    assert persons_in("Steve Jobs unveiled the iPad.") == ["Steve Jobs"]
    assert is_person_actor(["Jobs"], narrative, "Jobs said it would ship soon.")
    assert not is_person_actor(["Sales"], narrative, "Sales rose sharply.")
    assert not is_person_actor(["company"], narrative, "The company said so.")


def pipeline_events(text: str, published: str) -> list:
    """The merged events of one document, through the real segmenter and tagger."""
    from timeline.pipeline import merge_documents, process_document

    result = merge_documents([process_document(make_document(text, published))], [])
    return result.events + result.undated


def test_a_pronoun_is_not_a_person_the_sentence_names_after_it() -> None:
    text = (
        "A jury convicted former officer Derek Chauvin of murder on Tuesday.\n\n"
        "Chauvin was taken into custody after the verdict was read. "
        "He will be sentenced on June 25, Judge Peter Cahill said."
    )
    events = pipeline_events(text, "2021-04-21")
    sentenced = [e for e in events if e.mentions[0].trigger == "sentenced"]
    assert [e.targets for e in sentenced] == [["Derek Chauvin"]]


def test_a_name_after_in_is_a_place_not_the_person_a_pronoun_means() -> None:
    text = (
        "Steve Jobs, born in San Francisco in 1955, has died.\n\n"
        "Jobs, raised in Los Altos, built the most valuable company in the world. "
        "In 1986 he bought Pixar."
    )
    events = pipeline_events(text, "2011-10-06")
    bought = [e for e in events if e.mentions[0].trigger == "bought"]
    assert [e.actors for e in bought] == [["Steve Jobs"]]


def test_a_plan_dated_by_the_publication_is_not_merged_with_what_happened() -> None:
    text = (
        "A jury on Tuesday convicted Derek Chauvin of murder.\n\n"
        "Derek Chauvin will be sentenced in eight weeks."
    )
    events = pipeline_events(text, "2021-04-21")
    statuses = sorted(e.status.value for e in events if e.type == "trial")
    assert statuses == ["occurred", "planned"]


def test_a_verb_after_a_relative_clause_is_the_main_verb_and_not_dated_by_it() -> None:
    text = "The minister, who was appointed in 2019, resigned on Monday."
    events = pipeline_events(text, "2022-12-21")
    times = {e.mentions[0].trigger: e.time.value for e in events if e.time}
    assert times == {"appointed": "2019", "resigned": "2022-12-19"}


def test_a_date_in_a_relative_clause_does_not_date_the_main_verb() -> None:
    text = "Former prime minister Paul Keating, who lost the election in 1996, welcomed the result."
    events = pipeline_events(text, "1998-02-13")
    assert [e.mentions[0].trigger for e in events if e.time and e.time.value == "1996"] == ["lost"]


def test_a_duration_told_as_an_offset_dates_the_event_from_the_last_date() -> None:
    text = (
        "Iraqi troops invaded Kuwait on Aug. 2, 1990. Four days later, the Security Council "
        "imposed sanctions on Iraq. Two weeks later, the Security Council met again."
    )
    events = pipeline_events(text, "1991-03-01")
    times = {e.mentions[0].trigger: (e.time.value, e.time.basis.value) for e in events if e.time}
    assert times["imposed"] == ("1990-08-06", "anaphoric")
    assert times["met"] == ("1990-W34", "anaphoric")  # 1990-08-20, from Aug. 6


def test_a_when_clause_takes_the_date_before_it() -> None:
    text = "The crisis began on Aug. 2, 1990, when Iraqi troops invaded Kuwait."
    events = pipeline_events(text, "1991-03-01")
    invaded = [e for e in events if e.mentions[0].trigger == "invaded"]
    assert [(e.time.value, e.time.basis.value) for e in invaded if e.time] == [
        ("1990-08-02", "explicit")
    ]


@pytest.mark.parametrize(
    ("text", "title", "value"),
    [
        ("The trial will start on March 8.", "Trial to start", "2021-03-08"),
        ("The new law will take effect on Jan. 1.", "New law to take effect", "2022-01-01"),
        ("China plans to land its rover in May.", "China to land rover", "2021-05"),
    ],
)
def test_a_dated_plan_with_a_verb_outside_the_lexicon_is_a_planned_event(
    text: str, title: str, value: str
) -> None:
    events = pipeline_events(text, "2021-02-19")
    assert [(e.title, e.status.value, e.time.value) for e in events if e.time] == [
        (title, "planned", value)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Qantas will almost double its flights by August.",  # the adverb is not the verb
        "Voting will begin on Monday.",  # no subject to name
        "The drop will result in lower earnings in 2022.",  # a consequence, not a happening
    ],
)
def test_no_planned_event_without_a_verb_and_a_subject_to_name(text: str) -> None:
    assert [e.title for e in pipeline_events(text, "2021-02-19")] == []


def test_he_after_a_named_speaker_is_the_speaker() -> None:
    text = (
        "In a letter to President Hashemi Rafsanjani of Iran, Saddam said he will begin "
        "withdrawing troops on Friday."
    )
    events = pipeline_events(text, "1990-08-15")
    begin = [e for e in events if e.mentions[0].trigger == "begin"]
    assert [e.actors for e in begin] == [["Saddam"]]


def test_a_present_perfect_is_not_dated_by_the_plan_it_tells_of() -> None:
    text = "The chief executive has promised to return the carrier to profit by 2023."
    events = pipeline_events(text, "2022-06-14")
    assert [e.title for e in events if e.mentions[0].trigger == "promised"] == []


@pytest.mark.parametrize(
    ("past", "base"),
    [("promised", "promise"), ("raised", "raise"), ("visited", "visit"), ("dismissed", "dismiss")],
)
def test_the_base_form_of_a_past_verb_outside_the_lexicon(past: str, base: str) -> None:
    from timeline.events.detect import lemma_of_past

    assert lemma_of_past(past) == base


def test_a_possessive_pronoun_names_whose_event_it_is() -> None:
    text = (
        "Prime Minister Mario Draghi resigned on Thursday.\n\n"
        "Draghi had led the government since February 2021. "
        "He tendered his resignation on Thursday morning."
    )
    events = pipeline_events(text, "2022-07-22")
    assert not [e.title for e in events if e.title.startswith("Resignation of")]
    resigned = [e for e in events if e.type == "personnel"]
    assert [e.actors for e in resigned] == [["Mario Draghi"]]


def tagged_events(text: str, published: str) -> list:
    """Events of a one-sentence document through the whole per-document step (tagger too)."""
    from timeline.pipeline import process_document

    return process_document(make_document(text, published)).events


@pytest.mark.parametrize(
    ("text", "title", "actors"),
    [
        # a date between a verb and its particle is not the particle
        (
            "Ministers agreed on Saturday to a 10 billion euro ($13 billion) bailout.",
            "Ministers agree to 10 billion euro bailout",
            ["Ministers"],
        ),
        # a possessive name qualifies the name after it...
        ("Russia's Gazprom signed the deal on Monday.", "Gazprom signs deal", ["Gazprom"]),
        (
            "Apple's Steve Jobs unveiled the iPhone on Monday.",
            "Steve Jobs unveils iPhone",
            ["Steve Jobs"],
        ),
        # ...unless that name is an organisation's head word
        (
            "China's Foreign Ministry condemned the vote on Monday.",
            "China's Foreign Ministry condemns vote",
            ["China's Foreign Ministry"],
        ),
        ("Rebels shelled the town on Monday.", "Rebels shell town", ["Rebels"]),
        # a company name that holds a possessive is one name
        (
            "Hudson's Bay Co. announced the terms on Monday.",
            "Hudson's Bay Co announces terms",
            ["Hudson's Bay Co"],
        ),
        # a statement after what it reports says what it reported...
        (
            "Banks will stay shut until next Tuesday, the central bank announced Wednesday.",
            "Central bank announces banks will stay shut",
            ["central bank"],
        ),
        (
            "But discussions have been renewed, a Justice official said Thursday.",
            "Justice official says discussions have been renewed",
            ["Justice official"],
        ),
        # ...but not a subordinate clause
        ("While he spoke, the minister said Monday.", "Minister says", ["minister"]),
        # a quantity after the verb is its object, not a passive's complement
        (
            "The earthquake killed at least 150 people on Monday.",
            "Earthquake kills at least 150 people",
            ["earthquake"],
        ),
        # an -ing noun heads the subject ("car bombing", "The shooting on Monday")...
        (
            "A car bombing outside the embassy killed 10 people on Friday.",
            "Car bombing kills 10 people",
            ["car bombing"],
        ),
        (
            "The shooting on Monday killed three people.",
            "Shooting kills three people",
            ["shooting"],
        ),
        # ...but a participle with its object does not ("groups supporting human rights")
        (
            "Protesters marching through the city clashed with police on Monday.",
            "Protesters clash with police",
            ["Protesters"],
        ),
        # a date between a determiner and the subject's noun belongs to the subject
        (
            "The 2006 coup ousted Thaksin Shinawatra on Monday.",
            "2006 coup ousts Thaksin Shinawatra",
            ["2006 coup"],
        ),
        # a participle with its agent modifies the noun before it: the noun is the subject
        (
            "A coalition led by France and Germany will present its plan on Monday.",
            "Coalition to present plan",
            ["coalition"],
        ),
        (
            "Police said the man shot by officers died on Monday.",
            "Man dies",
            ["man"],
        ),
        # a verb's -s form after a possessive or a name is a plural noun, not a clause's end
        (
            "An alliance expected to include Canada's G7 partners and Sweden will make its"
            " request on Monday.",
            "Alliance to make request",
            ["alliance"],
        ),
        # a month between subject and verb is no modal ("in May found"); a clause after
        # `that` does not make the verb a modifier
        (
            "The Justice Department in May found that Boeing had breached an agreement.",
            "Justice Department found Boeing had breached agreement",
            ["Justice Department"],
        ),
        (
            "FBI officials on Saturday played down the likelihood that either man was involved.",
            "FBI officials played down likelihood",
            ["FBI officials"],
        ),
        # irregular past forms outside the lexicon ("blew")
        ("A door panel blew off the jet on Jan. 5.", "Door panel blew off jet", ["door panel"]),
        # a plural's speech verb in the present ends the subject read backwards
        ("Relatives say his mother died on Monday.", "Mother dies", ["mother"]),
        # a parenthesized acronym before a participle with its agent
        (
            "The far-right Party for Freedom (PVV) led by Geert Wilders won the most seats in"
            " Wednesday's general election.",
            "Party for Freedom wins most seats in general election",
            ["Party for Freedom"],
        ),
        # particles inside names: not `do`, and the title before the name goes
        (
            "Torrential rains in the state of Rio Grande do Sul killed at least 39 people on"
            " Friday.",
            "Torrential rains kill at least 39 people",
            ["Torrential rains"],
        ),
        (
            "President Luiz Inácio Lula da Silva visited the region on Thursday.",
            "Luiz Inácio Lula da Silva visits region",
            ["Luiz Inácio Lula da Silva"],
        ),
        # an appositive after the opening name closes before the main verb
        (
            "Prime Minister Mark Rutte, the country's longest-serving leader, announced in July"
            " that he would leave politics.",
            "Mark Rutte announces he would leave politics",
            ["Mark Rutte"],
        ),
        # an amount keeps its comparison
        (
            "Last September, a cyclone killed more than 50 people in the same state.",
            "Cyclone kills more than 50 people in same state",
            ["cyclone"],
        ),
        # "in" between capitalized words joins them only inside an organisation's name
        (
            "Voters in Ireland rejected two changes on Friday.",
            "Voters reject two changes",
            ["Voters"],
        ),
        # a planning participle modifying the subject's noun is no plan of its own
        (
            "The company expected to win the contract will announce the deal on Monday.",
            "Company to announce deal",
            ["company"],
        ),
    ],
)
def test_titles_and_actors_of_news_sentences(text: str, title: str, actors: list[str]) -> None:
    (event,) = tagged_events(text, "2013-03-21")
    assert (event.title, event.actors) == (title, actors)


def test_it_refers_to_the_last_actor_that_is_no_person() -> None:
    text = (
        "Chief Executive Tim Cook spoke on Wednesday. The iPhone maker sold 47.8 million "
        "iPhones in the December quarter. It will release a new iPad in April."
    )
    events = {e.mentions[0].trigger: e for e in tagged_events(text, "2013-03-22")}
    assert events["release"].actors == ["iPhone maker"]
    assert events["sold"].time is not None and events["sold"].time.value == "2012-Q4"


def test_an_attribution_is_titled_with_what_was_said() -> None:
    # a verb's -s form after a number opening its noun phrase is a plural noun ("crashes");
    # the attribution's prepositional phrase gives way to what was said
    text = (
        "Boeing agreed to resolve an investigation into two fatal 737 MAX crashes, the"
        " department said in a court filing late on Sunday."
    )
    events = {e.mentions[0].trigger: e for e in tagged_events(text, "2024-07-08")}
    assert set(events) == {"agreed", "said"}
    assert events["said"].title.startswith("Department says Boeing agreed to resolve")


@pytest.mark.parametrize(
    ("text", "trigger", "value"),
    [
        # a noun phrase after a reporting verb is no reported clause: the date is the verb's
        (
            "Federal officials first reported infections in dairy cattle in Texas and Kansas"
            " last week.",
            "reported",
            "2024-W13",
        ),
        ("The company reported a third-quarter loss of $2.38 billion on Monday.", "reported", None),
        # a date after `that` belongs to the clause it opens, not to the reporting verb
        (
            "Albert Bourla told analysts in a conference call that the company expects to"
            " return to growth in 2025.",
            "return",
            "2025",
        ),
    ],
)
def test_a_reporting_verbs_date_is_its_own_unless_a_clause_holds_it(
    text: str, trigger: str, value: str | None
) -> None:
    events = {e.mentions[0].trigger: e for e in tagged_events(text, "2024-04-02")}
    assert events[trigger].time is not None
    assert events[trigger].time.value == (value or "2024-04-01")
    if trigger == "return":
        assert "told" not in events or events["told"].time.value != "2025"


def test_a_relative_clause_without_that_has_its_own_subject_and_object() -> None:
    text = (
        "Pfizer said on Monday it would cut 500 jobs, part of a cost-reduction program the"
        " drugmaker unveiled earlier this month."
    )
    events = {e.mentions[0].trigger: e for e in tagged_events(text, "2023-10-30")}
    assert events["unveiled"].title == "Drugmaker unveils cost-reduction program"
    assert events["unveiled"].time is not None and events["unveiled"].time.value == "2023-10"
    # an opening phrase ending with a noun is no antecedent: "During his speech he stated"
    speech = "During his speech he stated on Monday that prices rose."
    (event,) = tagged_events(speech, "2023-10-30")
    assert event.mentions[0].trigger == "stated"


def test_a_relative_clauses_date_does_not_date_what_follows() -> None:
    text = (
        "The Supreme Court took a detour this week from the principle it vindicated two years"
        " ago in its ruling. By a 6-3 vote, the court upheld a law."
    )
    events = {e.mentions[0].trigger: e for e in tagged_events(text, "1998-04-24")}
    assert events["vindicated"].time is not None and events["vindicated"].time.value == "1996"
    assert events["upheld"].time is not None and events["upheld"].time.value == "1998-W17"


def test_a_present_perfect_since_a_clause_runs_from_its_date() -> None:
    text = "The H5N1 strain has killed millions of birds worldwide since it emerged in 2020."
    events = {e.mentions[0].trigger: e for e in tagged_events(text, "2024-04-02")}
    killed = events["killed"]
    assert killed.type == "health"  # a disease's harm, not an assault
    assert killed.time is not None and (killed.time.value, killed.time.mod) == ("2020", "START")
    assert events["emerged"].time is not None and events["emerged"].time.mod is None


def test_an_amount_keeps_at_least() -> None:
    (event,) = tagged_events("At least 20 people were killed on Monday.", "2024-04-17")
    assert event.title == "At least 20 people killed"


@pytest.mark.parametrize(
    ("text", "title", "value"),
    [
        # an age after the name opens no reduced relative; what was said follows `that`
        (
            "Ghosn, 70, said in an interview last year that he would never return to Japan.",
            "Ghosn says he would never return to Japan",
            "2023",
        ),
        # a date opening the clause after `but` leaves the subject after it
        (
            "The case is open, but on Tuesday a Tokyo court ordered Ghosn to pay damages.",
            "Tokyo court orders Ghosn to pay damages",
            "2024-03-05",
        ),
        # scores of a match are one object; a year before an occasion noun dates the clause
        (
            "Djokovic beat Medvedev 6-3, 7-6 (5), 6-3 in the final on Sunday.",
            "Djokovic beats Medvedev 6-3, 7-6, 6-3 in final",
            "2024-03-03",
        ),
        (
            "Medvedev had beaten Djokovic in the 2021 final.",
            "Medvedev beats Djokovic in final",
            "2021",
        ),
    ],
)
def test_titles_and_dates_of_reports_courts_and_matches(text: str, title: str, value: str) -> None:
    (event,) = tagged_events(text, "2024-03-05")
    assert event.title == title
    assert event.time is not None and event.time.value == value


def test_a_verb_joined_to_the_first_takes_its_subject_after_a_dateline() -> None:
    text = (
        "BUENOS AIRES (Reuters) - Argentina's new government devalued the peso on Tuesday and"
        " announced sharp spending cuts."
    )
    events = {e.mentions[0].trigger: e for e in tagged_events(text, "2023-12-13")}
    assert events["announced"].actors == ["Argentina's new government"]


def test_dates_joined_by_and_again_are_each_a_time_of_the_event() -> None:
    text = "Argentina defaulted on its sovereign debt in 2001 and again in 2014 and 2020."
    events = tagged_events(text, "2023-12-13")
    assert [e.time.value for e in events if e.time] == ["2001", "2014", "2020"]
    assert {e.title for e in events} == {"Argentina defaulted on sovereign debt"}


def test_a_crash_killing_people_is_one_disaster_and_a_model_number_joins_its_name() -> None:
    text = (
        "A Lion Air 737 MAX crashed off Indonesia in October 2018, and an Ethiopian Airlines jet"
        " crashed in March 2019, killing 346 people in all."
    )
    events = tagged_events(text, "2024-07-09")
    assert [(e.actors, e.type) for e in events] == [
        (["Lion Air 737 MAX"], "disaster"),
        (["Ethiopian Airlines jet"], "disaster"),
        (["Ethiopian Airlines jet"], "disaster"),
    ]


def test_a_participle_with_a_later_finite_verb_after_joined_names_is_a_modifier() -> None:
    text = (
        "Relatives of the 346 people killed in the crashes in Indonesia in 2018 and Ethiopia in"
        " 2019 said they would ask the judge to reject the deal."
    )
    assert "killed" not in {e.mentions[0].trigger for e in tagged_events(text, "2024-07-08")}


def test_it_standing_for_an_infinitive_refers_to_no_one() -> None:
    text = (
        "The Party for Freedom won the most seats on Wednesday."
        " In 2021 it took a record 271 days to form a government. In 2021 it took a new name."
    )
    events = [e for e in tagged_events(text, "2023-11-23") if e.mentions[0].trigger == "took"]
    assert [e.actors for e in events] == [["it"], ["Party for Freedom"]]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the date of a point of comparison is not the event's
        ("Net income climbed to $9.24 billion from $680 million a year earlier.", "2023-11-21"),
        ("Profit fell 5% from a year earlier in the third quarter.", "2023-Q3"),
        ("Sales rose from $1 billion in 2019 to $2 billion in 2020.", "2020"),
        # "from" without an amount compares nothing
        ("The boy was plucked from the Atlantic on Thursday.", "2023-11-16"),
        ("She took the stand for more than four hours Friday in a Tel Aviv court.", "2023-11-17"),
    ],
)
def test_a_compared_date_does_not_date_the_event(text: str, value: str) -> None:
    (event,) = tagged_events(text, "2023-11-21")
    assert event.time is not None and event.time.value == value


def test_a_participle_joined_to_a_passive_is_passive() -> None:
    text = (
        "Bankman-Fried was arrested in the Bahamas in December 2022 and extradited to the"
        " United States. Police were called at 5 p.m. and arrested the man."
    )
    events = {
        e.mentions[0].trigger + e.mentions[0].text[:4]: e for e in tagged_events(text, "2023-11-03")
    }
    extradited = events["extraditedBank"]
    assert (extradited.actors, extradited.targets) == ([], ["Bankman-Fried"])
    assert events["arrestedPoli"].actors == ["Police"]


def test_a_verdict_after_a_dateline_names_its_defendant() -> None:
    text = (
        "NEW YORK, Nov 2 (Reuters) - Sam Bankman-Fried, the founder of the FTX exchange, was"
        " found guilty on Thursday of stealing billions of dollars from customers."
    )
    (event,) = tagged_events(text, "2023-11-03")
    assert (event.type, event.targets) == ("trial", ["Sam Bankman-Fried"])


def test_more_than_before_a_verb_modifies_it() -> None:
    text = "Nvidia reported on Tuesday that revenue more than tripled in the quarter ended Oct. 29."
    events = {e.mentions[0].trigger: e for e in tagged_events(text, "2023-11-21")}
    assert events["tripled"].actors == ["revenue"]
    assert events["reported"].title.startswith("Nvidia reports revenue more than tripled")
    # ...also after an auxiliary, in a relative clause on a possessed plural
    text = "Nvidia's shares, which have more than tripled this year, fell 1% on Monday."
    events = {e.mentions[0].trigger: e for e in tagged_events(text, "2023-11-21")}
    assert events["tripled"].actors == ["Nvidia's shares"]


def test_he_is_the_story_s_subject_rather_than_a_person_named_once() -> None:
    text = (
        "Henry Kissinger died on Wednesday. Kissinger fled Germany in 1938."
        " Kissinger served in the Army in 1944. President Richard Nixon named him adviser."
        " He became secretary of state in 1973."
    )
    events = {e.mentions[0].trigger: e for e in tagged_events(text, "2023-11-30")}
    assert events["became"].actors == ["Henry Kissinger"]
    # ...but "he said" after a quote is its speaker, the last person named
    quoted = (
        "Henry Kissinger met Richard Nixon in 1969. Henry Kissinger spoke in 1970. Henry"
        ' Kissinger left in 1971. Gerald Ford spoke on Monday. "It is over," he said on Monday.'
    )
    said = [e for e in tagged_events(quoted, "1977-01-05") if e.mentions[0].trigger == "said"]
    assert [e.actors for e in said] == [["Gerald Ford"]]


def test_a_common_first_name_tells_whom_he_or_she_stands_for() -> None:
    """With no title or kin word, "Theresa" and "Emmanuel" tell the sex of their names."""
    text = "Jeremy Corbyn met Theresa May on Monday. She resigned on Friday."
    events = {e.mentions[0].trigger: e for e in tagged_events(text, "2019-05-22")}
    assert events["resigned"].actors == ["Theresa May"]
    text = "Angela Merkel welcomed Emmanuel Macron on Sunday. He flew to Rome on Monday."
    events = {e.mentions[0].trigger: e for e in tagged_events(text, "2019-05-22")}
    assert events["flew"].actors == ["Emmanuel Macron"]


def test_things_announced_are_announced_not_announcers() -> None:
    text = "Kress said sales would fall because of new U.S. export rules announced in October."
    events = {e.mentions[0].trigger: e for e in tagged_events(text, "2023-11-21")}
    announced = events["announced"]
    assert (announced.title, announced.targets) == (
        "New U.S. export rules announced",
        ["new U.S. export rules"],
    )
    assert announced.time is not None and announced.time.value == "2023-10"
    # the plan is not dated by the rules' month
    assert events["fall"].time is not None and events["fall"].time.value == "2023-11-21"
    # "new export rules" after a verb are a noun, not "rules" as a verb
    plain = tagged_events("The ministry announced new export rules in October.", "2023-11-21")
    assert [e.mentions[0].trigger for e in plain] == ["announced"]


@pytest.mark.parametrize(
    ("text", "title", "targets"),
    [
        (
            "Derek Chauvin sentenced to 22.5 years on Friday",
            "Derek Chauvin sentenced to 22.5 years",
            ["Derek Chauvin"],
        ),
        (
            "The national security law, which Beijing imposed on the city in June 2020, is harsh.",
            "Beijing imposes national security law on city",
            ["national security law"],
        ),
    ],
)
def test_a_verb_that_takes_an_object_without_one_is_passive(
    text: str, title: str, targets: list[str]
) -> None:
    (event,) = tagged_events(text, "2021-06-28")
    assert (event.title, event.targets) == (title, targets)


def test_a_participle_before_guilty_or_dead_is_passive() -> None:
    (event,) = tagged_events(
        "Former FTX chief Sam Bankman-Fried found guilty of fraud", "2023-11-03"
    )
    assert (event.type, event.actors, event.targets) == ("trial", [], ["Sam Bankman-Fried"])


def test_an_opening_participle_with_a_date_tells_what_befell_the_subject() -> None:
    text = "Born in Fuerth, Germany, in 1923, Kissinger fled Nazi persecution in 1938."
    events = {e.mentions[0].trigger: e for e in tagged_events(text, "2023-11-30")}
    born = events["Born"]
    assert (born.title, born.targets, born.time and born.time.value) == (
        "Kissinger born in Fuerth, Germany",
        ["Kissinger"],
        "1923",
    )
    assert events["fled"].time is not None and events["fled"].time.value == "1938"


def test_a_capitalized_gerund_inside_a_name_is_no_verb() -> None:
    text = "The Smart Lander for Investigating Moon (SLIM) touched down on Saturday."
    (event,) = tagged_events(text, "2024-01-20")
    assert event.actors == ["Smart Lander for Investigating Moon"]


def test_a_person_is_no_event_name_and_a_place_after_in_is_no_they() -> None:
    text = (
        "Novak Djokovic won his 24th Grand Slam title on Sunday."
        " He lost the Wimbledon final to Carlos Alcaraz in July."
    )
    events = {e.mentions[0].trigger: e for e in tagged_events(text, "2023-09-11")}
    assert events["lost"].actors == ["Novak Djokovic"]
    (event,) = tagged_events("In Revolution Square, they put up a giant cross today.", "1998-01-20")
    assert event.actors == ["they"]


def test_a_period_modifying_a_noun_keeps_its_preposition_in_the_title() -> None:
    text = "Ralston Purina Co. reported a 47% decline in fourth-quarter earnings on Monday."
    (event,) = tagged_events(text, "1989-10-27")
    assert event.title == "Ralston Purina Co reports 47% decline in earnings"


@pytest.mark.parametrize(
    "text",
    [
        "U.S. District Judge Lewis Kaplan scheduled sentencing for March 28, 2024.",
        "The ministers announced plans to travel to the region next week.",
    ],
)
def test_a_date_after_publication_does_not_date_what_has_happened(text: str) -> None:
    events = tagged_events(text, "2023-11-03")
    assert all(e.time is not None and e.time.earliest <= D(2023, 11, 3) for e in events)
    assert len(events) == (1 if "announced" in text else 0)  # a verb outside the lexicon
    # needs a date of its own


def test_a_past_date_in_a_plan_dates_its_object_not_the_plan() -> None:
    text = "The group said Friday it would investigate the killings of 500 people four years ago."
    events = {e.mentions[0].trigger: e for e in tagged_events(text, "1998-02-27")}
    assert events["investigate"].time is not None
    assert events["investigate"].time.value == "1998-02-27"


def test_a_possessive_date_of_an_occasion_dates_its_clause() -> None:
    text = "The party won the most seats in Wednesday's election, officials said on Thursday."
    events = {e.mentions[0].trigger: e for e in tagged_events(text, "2023-11-23")}
    assert events["won"].time is not None and events["won"].time.value == "2023-11-22"
    # ...but not a report's: "criticized last week's report on Monday" is Monday's
    (event,) = tagged_events("Analysts criticized last week's report on Monday.", "2023-11-23")
    assert event.time is not None and event.time.value == "2023-11-20"


def test_a_weekday_with_the_date_keeps_its_year_after_publication() -> None:
    (event,) = tagged_events(
        "The New York Times said in an editorial on Saturday, April 25.", "1998-04-24"
    )
    assert event.time is not None and event.time.value == "1998-04-25"


@pytest.mark.parametrize(
    ("text", "title", "value"),
    [
        (
            "He is charged with murder in the shooting death of his girlfriend, Reeva "
            "Steenkamp, on Feb. 14.",
            "Death of Reeva Steenkamp",
            "2013-02-14",
        ),
        (
            "Protests followed the arrest of Meng Wanzhou on Dec. 1.",
            "Arrest of Meng Wanzhou",
            "2012-12-01",
        ),
    ],
)
def test_an_event_noun_takes_the_date_after_its_object(text: str, title: str, value: str) -> None:
    events = {e.title: e for e in tagged_events(text, "2013-03-21")}
    assert events[title].time is not None and events[title].time.value == value


def test_an_event_noun_does_not_take_the_date_of_the_clause_before_it() -> None:
    text = (
        "Police arrested four officers on May 29, 2020 after the death of George Floyd on May 25."
    )
    events = {e.mentions[0].trigger: e for e in tagged_events(text, "2021-06-01")}
    assert events["arrested"].time.value == "2020-05-29"
    assert events["death"].time.value == "2020-05-25"


def test_a_date_after_an_event_noun_in_the_object_dates_the_noun_not_the_verb() -> None:
    text = "Oscar Pistorius was charged in the death of his girlfriend on Feb. 14."
    day = D(2013, 2, 14)
    date = expression(text, "Feb. 14", day.isoformat(), Granularity.day, day, day)
    events = run(text, "2013-02-20", [date])
    dated = {e.type: e.time.value for e in events if e.time is not None}
    assert dated == {"death": "2013-02-14"}
    death = next(e for e in events if e.type == "death")
    assert death.title == "Death of girlfriend"


def test_a_capitalized_name_before_a_past_form_is_its_subject_not_a_verb() -> None:
    text = "Police said Mohammed founded the group in 2009."
    date = expression(text, "2009", "2009", Granularity.year, D(2009, 1, 1), D(2009, 12, 31))
    events = run(text, "2013-02-20", [date])
    assert [(e.actors, e.time.value) for e in events if e.time] == [(["Mohammed"], "2009")]


def events_by_trigger(text: str, published: str) -> dict[str, tuple]:
    """(time value, status, title, actors) of each event by its trigger word."""
    return {
        e.mentions[0].trigger: (
            e.time.value if e.time else None,
            e.status.value,
            e.title,
            e.actors,
        )
        for e in tagged_events(text, published)
    }


@pytest.mark.parametrize(
    "text",
    [
        "Chrysler filed for bankruptcy on April 30. The Dow rose 221 points, or 2.6 percent, "
        "on Monday.",
        "Chrysler filed for bankruptcy on April 30. The Dow rose 221 points, up 2.6 percent, "
        "on Monday.",
        "Chrysler filed for bankruptcy on April 30. Shares of GM fell 10 percent in early "
        "trading, on Monday.",
    ],
)
def test_a_date_closing_the_sentence_after_a_comma_dates_its_main_clause(text: str) -> None:
    events = events_by_trigger(text, "2009-06-01")
    assert events["filed"][0] == "2009-04-30"
    assert next(v for k, v in events.items() if k != "filed")[0] == "2009-06-01"


def test_a_comparison_date_at_the_end_of_the_sentence_is_not_the_events() -> None:
    text = (
        "Delta posted a profit in the quarter ended Sept. 30. Revenue rose to $2.2 billion, "
        "up from $1.9 billion, a year earlier."
    )
    events = events_by_trigger(text, "1989-10-20")
    assert events["rose"][0] == "1989-Q3"  # the quarter told before, not the year before


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a bare verb after `and` takes the modal of the verb it is joined to...
        (
            "GM, founded in 1908, will close 14 plants and cut about 21,000 jobs by 2010.",
            "cut",
            ("2010", "planned", "GM to cut about 21,000 jobs", ["GM"]),
        ),
        (
            "GM will close 14 plants and fire 21,000 workers by 2010.",
            "fire",
            ("2010", "planned", "GM to fire 21,000 workers", ["GM"]),
        ),
        # ...and its subject
        (
            "In a letter read on radio, Saddam said he will begin withdrawing troops on "
            "Friday and release Iranian prisoners of war.",
            "release",
            ("1990-08-17", "planned", "Saddam to release Iranian prisoners of war", ["Saddam"]),
        ),
        # ...but not a past form, nor across a comma
        (
            "Ocean Drilling will sell its business, and took a loss in the third quarter.",
            "took",
            ("1990-Q3", "occurred", "Ocean Drilling took loss", ["Ocean Drilling"]),
        ),
        # a `would` a past reporting verb frames is a plan
        (
            "The company said it would sell its Hummer brand in 2010.",
            "sell",
            ("2010", "planned", "Company to sell Hummer brand", ["company"]),
        ),
        # the subject is the name before an inserted clause; a modal ends a subject
        (
            "In June, Airbus said deliveries would slip and shares fell 26 percent.",
            "fell",
            ("1990-06", "occurred", "Shares fall 26 percent", ["shares"]),
        ),
        # a company's name keeps a title-like first word
        (
            "General Motors Corp. filed for bankruptcy on Monday.",
            "filed",
            (
                "1990-08-13",
                "occurred",
                "General Motors Corp filed for bankruptcy",
                ["General Motors Corp"],
            ),
        ),
    ],
)
def test_coordinated_and_reported_verbs(text: str, trigger: str, expected: tuple) -> None:
    assert events_by_trigger(text, "1990-08-15")[trigger] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The deal would cost $5 billion and close 14 plants in 2010.",
        "GM could close 14 plants and fire 21,000 workers in 2010.",
    ],
)
def test_a_verb_joined_to_a_hypothetical_is_not_an_event(text: str) -> None:
    assert not tagged_events(text, "2009-06-01")


def test_a_past_event_on_a_weekday_after_publication_is_the_week_before() -> None:
    text = "The committee left its benchmark rate unchanged at 5.25 percent on Tuesday."
    tuesday_next = D(2007, 8, 14)
    date = expression(
        text,
        "Tuesday",
        tuesday_next.isoformat(),
        Granularity.day,
        tuesday_next,
        tuesday_next,
        "document",
    )
    (event,) = run(text, "2007-08-09", [date])
    assert event.time is not None and event.time.value == "2007-08-07"


def test_a_weekday_before_and_will_is_told_in_the_past_of_its_own_clause() -> None:
    text = (
        "The central bank's policy committee left its benchmark rate unchanged at 5.25 "
        "percent on Tuesday and will meet again on September 18."
    )
    events = events_by_trigger(text, "2007-08-09")
    assert events["left"][:2] == ("2007-08-07", "occurred")
    assert events["meet"][:2] == ("2007-09-18", "planned")


def test_an_object_ends_where_a_new_clause_starts_after_and() -> None:
    text = (
        "Chrysler filed for bankruptcy on April 30 and its sale to Fiat SpA was approved by a "
        "judge last week."
    )
    events = events_by_trigger(text, "2009-06-01")
    assert events["filed"][2] == "Chrysler filed for bankruptcy"
    assert events["approved"][:3] == ("2009-W22", "occurred", "Sale to Fiat SpA approved by judge")


def test_an_object_list_with_a_relative_clause_stays_whole() -> None:
    text = "Canada imposed sanctions on four officials and the entity that ran the camps on Monday."
    (event,) = tagged_events(text, "2021-03-24")
    assert event.targets == ["four officials and the entity"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The turmoil follows the collapse of two Bear Stearns hedge funds in July.",
            {"collapse": ("2007-07", "occurred", "Collapse of two Bear Stearns hedge funds", [])},
        ),
        # the noun's date is not the clause's
        (
            "Markets fell after the collapse of two hedge funds in July.",
            {
                "fell": (
                    "2007-08-09",
                    "occurred",
                    "Markets fall after collapse of two hedge funds",
                    ["Markets"],
                ),
                "collapse": ("2007-07", "occurred", "Collapse of two hedge funds", []),
            },
        ),
    ],
)
def test_an_event_noun_of_a_counted_noun_phrase_takes_its_date(text: str, expected: dict) -> None:
    assert events_by_trigger(text, "2007-08-09") == expected


def test_an_event_noun_of_a_bare_plural_is_not_an_event() -> None:
    events = events_by_trigger("Officials mourned the death of thousands in July.", "2007-08-09")
    assert "death" not in events


def test_a_natural_hazard_makes_a_killing_a_disaster() -> None:
    events = events_by_trigger(
        "A powerful earthquake struck central Italy on Monday, killing at least 150 people.",
        "2009-04-06",
    )
    assert {trigger: value[2] for trigger, value in events.items()} == {
        "struck": "Powerful earthquake struck central Italy",
        "killing": "Powerful earthquake kills at least 150 people",
    }
    assert all(
        e.type == "disaster"
        for e in tagged_events(
            "A powerful earthquake killed at least 150 people on Monday.", "2009-04-06"
        )
    )


def test_a_particle_verb_needs_its_particle_after_a_date() -> None:
    events = events_by_trigger(
        "The last big earthquake in the area hit in 1915 and killed 30,000 people.", "2009-04-06"
    )
    assert events.get("hit", (None, None, "", []))[2] != "Earthquake hits back"
    assert all(
        e.type != "accuse"
        for e in tagged_events("The last big earthquake in the area hit in 1915.", "2009-04-06")
    )
