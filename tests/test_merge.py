"""Merging event mentions: rule tables, the deciding rules, and merged events built from them."""

from __future__ import annotations

import datetime as dt
import itertools
import random

import pytest

from timeline.merge import (
    WIDE_BUCKET,
    Cluster,
    cluster_events,
    coarser_container,
    content_stems,
    corroborated_confidence,
    documents_of,
    event_order,
    merge_events,
    merge_names,
    merge_tables,
    name_words,
    names_compatible,
    names_match,
    participants_conflict,
    participants_overlap,
    reachable_months,
    roles_reversed,
    same_event,
    shares_object_word,
    similar_title_keys,
    split_names,
    time_buckets,
    times_compatible,
    title_stem_order,
    triggers_similar,
    triggers_synonymous,
    type_tags,
    types_compatible,
    words_similar,
)
from timeline.models import Event, EventStatus, EventTime, Granularity, Mention, TimeBasis

MONDAY = dt.date(2021, 3, 22)


def time(
    earliest: dt.date,
    latest: dt.date | None = None,
    granularity: Granularity = Granularity.day,
    basis: TimeBasis = TimeBasis.explicit,
) -> EventTime:
    latest = latest or earliest
    formats = {Granularity.day: "%Y-%m-%d", Granularity.month: "%Y-%m", Granularity.year: "%Y"}
    value = earliest.strftime(formats[granularity])
    return EventTime(
        value=value, earliest=earliest, latest=latest, granularity=granularity, basis=basis
    )


DECEMBER_2018 = time(dt.date(2018, 12, 1), dt.date(2018, 12, 31), Granularity.month)
YEAR_2003 = time(dt.date(2003, 1, 1), dt.date(2003, 12, 31), Granularity.year)


def event(
    id: str,
    document: str,
    start: int,
    title: str,
    when: EventTime | None,
    type: str = "statement",
    actors: list[str] | None = None,
    targets: list[str] | None = None,
    trigger: str | None = None,
    confidence: float = 0.6,
) -> Event:
    return Event(
        id=id,
        title=title,
        summary=title,
        time=when,
        status=EventStatus.occurred,
        type=type,
        actors=actors or [],
        targets=targets or [],
        mentions=[
            Mention(
                document=document, start=start, end=start + len(title), text=title, trigger=trigger
            )
        ],
        confidence=confidence,
        reason=None if when else "no date in or around the sentence",
    )


# --- rule tables ---------------------------------------------------------------------------

NAME_CASES = [
    pytest.param(row.a, row.b, row.match, id=f"{row.a}~{row.b}:{row.match}")
    for row in merge_tables().name_examples
]


@pytest.mark.parametrize(("a", "b", "expected"), NAME_CASES)
def test_names_match_table(a: str, b: str, expected: bool) -> None:
    assert names_match(a, b) is expected
    assert names_match(b, a) is expected


COMPATIBLE_NAME_CASES = [
    pytest.param(row.a, row.b, row.match, id=f"compatible:{row.a}~{row.b}:{row.match}")
    for row in merge_tables().compatible_name_examples
]


@pytest.mark.parametrize(("a", "b", "expected"), COMPATIBLE_NAME_CASES)
def test_names_compatible_table(a: str, b: str, expected: bool) -> None:
    assert names_compatible(a, b, same_document=False) is expected
    assert names_compatible(b, a, same_document=False) is expected


def test_names_compatible_within_one_article_only_when_they_match() -> None:
    assert not names_compatible("Apple", "Apple Computer", same_document=True)
    assert names_compatible("Jobs", "Steve Jobs", same_document=True)


TYPE_CASES = [
    pytest.param(a, b, True, id=f"{group.id}:{a}~{b}")
    for group in merge_tables().type_groups
    for a, b in group.examples
] + [
    pytest.param(a, b, False, id=f"{group.id}:not:{a}~{b}")
    for group in merge_tables().type_groups
    for a, b in group.negative
]


@pytest.mark.parametrize(("a", "b", "expected"), TYPE_CASES)
def test_types_compatible_table(a: str, b: str, expected: bool) -> None:
    assert types_compatible(a, b) is expected
    assert types_compatible(b, a) is expected


TRIGGER_GROUP_CASES = [
    pytest.param(a, b, True, id=f"{group.id}:{a}~{b}")
    for group in merge_tables().trigger_groups
    for a, b in group.examples
] + [
    pytest.param(a, b, False, id=f"{group.id}:not:{a}~{b}")
    for group in merge_tables().trigger_groups
    for a, b in group.negative
]


@pytest.mark.parametrize(("a", "b", "expected"), TRIGGER_GROUP_CASES)
def test_trigger_groups_table(a: str, b: str, expected: bool) -> None:
    first = event("a", "a", 0, "Apple", None, trigger=a)
    second = event("b", "b", 0, "Apple", None, trigger=b)
    assert triggers_synonymous(first, second) is expected
    assert triggers_synonymous(second, first) is expected


def test_every_type_group_has_examples_both_ways() -> None:
    for group in merge_tables().type_groups:
        assert group.examples and group.negative, group.id


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("Secretary of State Mike Pompeo", ("mike", "pompeo")),
        ("Canada’s Liberal government", ("canada", "liberal", "government")),
        ("two Canadians", ("canadians",)),
        ("the CCP", ("ccp",)),
        ("Opposition Leader Erin O'Toole", ("erin", "otoole")),
        ("Prime Minister", ("minister",)),
    ],
)
def test_name_words(name: str, words: tuple[str, ...]) -> None:
    assert name_words(name) == words


def test_generic_names_match_only_within_one_document() -> None:
    assert names_match("the government", "The government", same_document=True)
    assert not names_match("the government", "The government", same_document=False)
    assert names_match("Mike Pompeo", "Pompeo", same_document=False)


def test_split_names_splits_conjoined_names() -> None:
    assert split_names("Kovrig and Spavor") == ("Kovrig", "Spavor")
    assert split_names("the UK, EU and US") == ("the UK", "EU", "US")


def test_generic_types_match_anything() -> None:
    assert types_compatible("other", "sanction")
    assert not types_compatible("sanction", "statement")


def test_content_stems_drop_stopwords_and_share_inflections() -> None:
    assert content_stems("Canada imposed the sanctions") == content_stems("Canada imposes sanction")


@pytest.mark.parametrize(
    ("a", "b", "same_document", "expected"),
    [
        pytest.param(time(MONDAY), time(MONDAY), False, True, id="same-day"),
        pytest.param(time(MONDAY), time(dt.date(2021, 3, 23)), False, False, id="other-day"),
        pytest.param(
            time(MONDAY),
            time(dt.date(2021, 3, 1), dt.date(2021, 3, 31), Granularity.month),
            False,
            True,
            id="month-contains-day",
        ),
        pytest.param(time(MONDAY), None, False, True, id="undated-fits"),
        pytest.param(
            DECEMBER_2018,
            time(MONDAY, basis=TimeBasis.document_date),
            True,
            True,
            id="document-date-guess-same-document",
        ),
        pytest.param(
            DECEMBER_2018,
            time(MONDAY, basis=TimeBasis.document_date),
            False,
            False,
            id="document-date-guess-other-document-too-old",
        ),
        pytest.param(
            time(dt.date(2021, 3, 20)),
            time(MONDAY, basis=TimeBasis.document_date),
            False,
            True,
            id="document-date-guess-other-document-recent",
        ),
        pytest.param(
            time(dt.date(2021, 4, 1)),
            time(MONDAY, basis=TimeBasis.document_date),
            True,
            False,
            id="not-after-the-report",
        ),
        pytest.param(
            time(dt.date(2021, 3, 1)),
            time(dt.date(2021, 3, 23), basis=TimeBasis.context),
            False,
            True,
            id="borrowed-time-takes-an-earlier-date-of-another-article",
        ),
        pytest.param(
            time(dt.date(2021, 3, 1)),
            time(dt.date(2021, 3, 23), basis=TimeBasis.context),
            True,
            False,
            id="borrowed-time-apart-in-one-article",
        ),
        pytest.param(
            time(dt.date(2021, 3, 24)),
            time(dt.date(2021, 3, 23), basis=TimeBasis.context),
            False,
            False,
            id="borrowed-time-not-after-it",
        ),
        pytest.param(
            time(dt.date(2021, 1, 5)),
            time(dt.date(2021, 3, 23), basis=TimeBasis.context),
            False,
            False,
            id="borrowed-time-not-long-before-it",
        ),
        pytest.param(
            YEAR_2003,
            time(dt.date(2003, 3, 23), basis=TimeBasis.context),
            False,
            True,
            id="borrowed-time-inside-a-year",
        ),
        pytest.param(
            time(dt.date(2021, 1, 1), dt.date(2021, 12, 31), Granularity.year),
            time(dt.date(2022, 1, 10), basis=TimeBasis.context),
            False,
            False,
            id="borrowed-day-not-traded-for-a-coarser-date",
        ),
    ],
)
def test_times_compatible(a, b, same_document: bool, expected: bool) -> None:
    assert times_compatible(a, b, same_document) is expected
    assert times_compatible(b, a, same_document) is expected


def test_merge_names_prefers_full_names_and_keeps_first_order() -> None:
    merged = merge_names([["Pompeo", "the CCP"], ["Mike Pompeo", "CCP", "Uighurs"]])
    assert merged == ["Mike Pompeo", "the CCP", "Uighurs"]


def test_corroboration_raises_confidence() -> None:
    assert corroborated_confidence(0.6, 1) == pytest.approx(0.6)
    assert corroborated_confidence(0.6, 2) == pytest.approx(0.72)
    assert corroborated_confidence(0.6, 3) > corroborated_confidence(0.6, 2)


# --- deciding and merging ------------------------------------------------------------------

KOVRIG_LOCKED_UP = event(
    "000-e9",
    "000",
    3000,
    "CCP locked up two Canadians, Michael Kovrig and Michael Spavor",
    DECEMBER_2018,
    type="arrest",
    actors=["the CCP"],
    targets=["two Canadians", "former diplomat Michael Kovrig", "businessman Michael Spavor"],
    trigger="locked up",
    confidence=0.6,
)
MEN_DETAINED = event(
    "002-e4",
    "002",
    1500,
    "The men have been detained in this country since December 2018",
    DECEMBER_2018,
    type="detention",
    actors=["Michael Spavor", "Michael Kovrig"],
    trigger="detained",
    confidence=0.5,
)
CANADA_SANCTIONS = event(
    "002-e1",
    "002",
    100,
    "Canada imposes sanctions on four Chinese officials",
    time(MONDAY),
    type="sanction",
    actors=["Canada"],
    targets=["four Chinese officials"],
    trigger="imposes",
)
CHINA_HITS_BACK = event(
    "002-e20",
    "002",
    4000,
    "China hits back with sanctions against EU officials",
    time(MONDAY),
    type="sanction",
    actors=["China"],
    targets=["EU officials"],
    trigger="hit back",
)


def test_same_episode_in_two_articles_merges() -> None:
    merged = merge_events([MEN_DETAINED, KOVRIG_LOCKED_UP])
    assert len(merged) == 1
    only = merged[0]
    assert only.sources == 2
    assert [(m.document, m.start) for m in only.mentions] == [("000", 3000), ("002", 1500)]
    assert only.id == "000-e9"
    assert only.time == DECEMBER_2018
    assert "Michael Kovrig" in only.actors + only.targets
    assert only.confidence == pytest.approx(corroborated_confidence(0.6, 2))


def test_distinct_events_on_one_day_stay_apart() -> None:
    assert not same_event(CANADA_SANCTIONS, CHINA_HITS_BACK)
    merged = merge_events([CHINA_HITS_BACK, CANADA_SANCTIONS])
    assert [e.id for e in merged] == ["002-e1", "002-e20"]
    assert all(e.sources == 1 for e in merged)


def test_an_actor_of_one_event_as_target_of_another_is_not_the_same_event() -> None:
    issued = event(
        "000-e7",
        "000",
        900,
        "Canada's Liberal government issues statement",
        time(dt.date(2021, 1, 1), dt.date(2021, 1, 31), Granularity.month),
        actors=["Canada’s Liberal government"],
    )
    urged = event(
        "000-e6",
        "000",
        700,
        "Conservatives urge the liberal government to follow suit",
        time(dt.date(2021, 1, 1), dt.date(2021, 1, 31), Granularity.month),
        type="request",
        actors=["Conservatives"],
        targets=["liberal government"],
    )
    assert participants_conflict(issued, urged)
    assert len(merge_events([issued, urged])) == 2


def test_reciprocal_sanctions_are_two_events() -> None:
    canada = CANADA_SANCTIONS.model_copy(update={"targets": ["China"]})
    china = CHINA_HITS_BACK.model_copy(update={"targets": ["Canada"]})
    assert roles_reversed(canada, china)
    assert len(merge_events([canada, china])) == 2


def test_surname_links_a_later_report_of_the_same_event() -> None:
    declared = event(
        "000-e3",
        "000",
        400,
        "Mike Pompeo declared genocide",
        time(dt.date(2021, 1, 19)),
        type="accuse",
        actors=["former Secretary of State Mike Pompeo"],
        trigger="declared",
    )
    said = event(
        "005-e1",
        "005",
        50,
        "Pompeo's statement on genocide",
        time(dt.date(2021, 1, 19)),
        type="statement",
        actors=["Pompeo's"],
        trigger="said",
    )
    merged = merge_events([said, declared])
    assert len(merged) == 1
    assert merged[0].actors == ["former Secretary of State Mike Pompeo"]
    assert merged[0].sources == 2


def test_undated_later_sentence_attaches_within_the_article() -> None:
    imposed = CANADA_SANCTIONS
    later = event(
        "002-e3",
        "002",
        900,
        "The sanctions have been imposed in parallel with the UK, EU and US",
        None,
        type="sanction",
        trigger="imposed",
    )
    merged = merge_events([later, imposed])
    assert len(merged) == 1
    assert merged[0].time == imposed.time
    assert merged[0].sources == 1
    assert [m.start for m in merged[0].mentions] == [100, 900]
    assert merged[0].title == imposed.title


def test_undated_mention_does_not_attach_across_articles_on_words_alone() -> None:
    elsewhere = event(
        "009-e3", "009", 900, "Sanctions imposed", None, type="sanction", trigger="imposed"
    )
    assert len(merge_events([CANADA_SANCTIONS, elsewhere])) == 2


def test_document_date_guess_is_not_redated_by_an_old_event_of_another_article() -> None:
    old = event(
        "004-e1",
        "004",
        0,
        "Apple launched the store",
        time(dt.date(2003, 4, 28)),
        type="launch",
        actors=["Apple"],
        trigger="launched",
    )
    today = event(
        "010-e2",
        "010",
        0,
        "Apple launched the phone",
        time(dt.date(2008, 6, 9), basis=TimeBasis.document_date),
        type="launch",
        actors=["Apple"],
        trigger="launched",
    )
    assert len(merge_events([old, today])) == 2


def test_a_document_date_guess_takes_a_far_earlier_date_of_its_article_only_when_told_again() -> (
    None
):
    # the news of the day shares an actor and an object word with a past event, nothing more
    news = event(
        "b1-e1",
        "b1",
        0,
        "Boeing agrees to plead guilty to criminal fraud conspiracy charge",
        time(dt.date(2024, 7, 8), basis=TimeBasis.document_date),
        type="agree",
        actors=["Boeing"],
        trigger="agreed",
    )
    settled = event(
        "b1-e2",
        "b1",
        900,
        "Boeing paid $2.5 billion to settle original charges",
        time(dt.date(2018, 1, 1), dt.date(2018, 12, 31), Granularity.year),
        type="other",
        actors=["Boeing"],
        trigger="paid",
    )
    assert len(merge_events([news, settled])) == 2
    # the same happening told again, undated, takes the article's own date
    again = event(
        "b1-e3",
        "b1",
        1200,
        "Boeing paid $2.5 billion",
        time(dt.date(2024, 7, 8), basis=TimeBasis.document_date),
        type="other",
        actors=["Boeing"],
        trigger="paid",
    )
    (merged,) = merge_events([settled, again])
    assert merged.time == settled.time


def test_a_company_with_and_without_its_suffix_is_one_actor() -> None:
    one = event(
        "m1-e1",
        "m1",
        0,
        "Boeing agrees to plead guilty",
        time(dt.date(2024, 7, 8), basis=TimeBasis.document_date),
        type="agree",
        actors=["Boeing"],
        trigger="agreed",
    )
    other = event(
        "m2-e1",
        "m2",
        0,
        "Boeing Co agrees to plead guilty",
        time(dt.date(2024, 7, 7)),
        type="agree",
        actors=["Boeing Co"],
        trigger="agreed",
    )
    (merged,) = merge_events([one, other])
    assert merged.time == other.time and merged.sources == 2


def test_merge_is_stable_under_input_order() -> None:
    events = [KOVRIG_LOCKED_UP, MEN_DETAINED, CANADA_SANCTIONS, CHINA_HITS_BACK]
    expected = merge_events(events)
    shuffled = list(events)
    random.Random(7).shuffle(shuffled)
    assert merge_events(shuffled) == expected
    assert merge_events(list(reversed(events))) == expected


def test_single_events_pass_through_unchanged() -> None:
    assert merge_events([CANADA_SANCTIONS]) == [CANADA_SANCTIONS]
    assert merge_events([]) == []


def test_coarser_container_is_strictly_coarser_and_around() -> None:
    year_2005 = time(dt.date(2005, 1, 1), dt.date(2005, 12, 31), Granularity.year)
    june_6 = time(dt.date(2005, 6, 6))
    assert coarser_container(year_2005, june_6)
    assert not coarser_container(june_6, year_2005)
    assert not coarser_container(june_6, june_6)


def test_document_date_guess_is_not_traded_for_a_coarser_year() -> None:
    this_year = event(
        "1664-e1",
        "1664",
        0,
        "Apple opened stores in 2005",
        time(dt.date(2005, 1, 1), dt.date(2005, 12, 31), Granularity.year),
        type="other",
        actors=["Jobs"],
        trigger="opened",
    )
    keynote = event(
        "1664-e4",
        "1664",
        500,
        "Jobs welcomed everyone",
        time(dt.date(2005, 6, 6), basis=TimeBasis.document_date),
        type="other",
        actors=["Jobs"],
        trigger="welcomed",
    )
    merged = merge_events([this_year, keynote])
    assert [e.time.value for e in merged if e.time] == ["2005", "2005-06-06"]


def test_finer_time_wins_over_coarser_one_in_a_merged_event() -> None:
    monthly = event(
        "a-1",
        "a",
        0,
        "Canada imposes sanctions on China",
        time(dt.date(2021, 3, 1), dt.date(2021, 3, 31), Granularity.month),
        type="sanction",
        actors=["Canada"],
        trigger="imposes",
    )
    daily = event(
        "b-1",
        "b",
        0,
        "Canada imposed sanctions on Monday",
        time(MONDAY, basis=TimeBasis.relative),
        type="sanction",
        actors=["Canada"],
        trigger="imposed",
    )
    (merged,) = merge_events([monthly, daily])
    assert merged.time == daily.time
    assert merged.title == daily.title
    assert merged.id == "a-1"


def test_generic_type_is_no_evidence_for_an_undated_mention() -> None:
    dated = event("d-1", "d", 0, "Jobs spoke", time(MONDAY), type="other", actors=["Jobs"])
    undated = event("d-2", "d", 90, "Jobs left", None, type="other", actors=["Steve Jobs"])
    assert not same_event(dated, undated)


def test_fuzzy_overlapping_ranges_need_more_than_a_shared_name() -> None:
    late_1980s = time(dt.date(1986, 9, 2), dt.date(1989, 12, 31), Granularity.year)
    in_1986 = time(dt.date(1986, 1, 1), dt.date(1986, 12, 31), Granularity.year)
    added = event(
        "a-1",
        "a",
        0,
        "Apple Computer added audio",
        late_1980s,
        type="other",
        actors=["Apple Computer"],
        trigger="added",
    )
    bought = event(
        "b-1",
        "b",
        0,
        "Apple Computer bought Pixar",
        in_1986,
        type="other",
        actors=["Apple Computer"],
        trigger="bought",
    )
    assert not same_event(added, bought)
    assert same_event(added, bought.model_copy(update={"title": "Apple Computer added audio"}))


def test_month_and_ongoing_range_merge_on_names_and_agreeing_types() -> None:
    since = time(dt.date(2018, 12, 1), dt.date(2021, 3, 22), Granularity.month)
    detained = MEN_DETAINED.model_copy(update={"time": since})
    assert same_event(KOVRIG_LOCKED_UP, detained)


POMPEO_DECLARED = event(
    "000-e3",
    "000",
    400,
    "Mike Pompeo declares CCP is perpetrating genocide against Uighur minority",
    time(dt.date(2021, 1, 19)),
    type="accuse",
    actors=["Mike Pompeo"],
    targets=["CCP"],
    trigger="declared",
)


def test_same_actor_same_day_different_statement_stays_apart() -> None:
    tweeted = event(
        "000-e12",
        "000",
        2500,
        "Pompeo makes controversial statement on Twitter directed at multilateral organizations",
        time(dt.date(2021, 1, 19), basis=TimeBasis.context),
        actors=["Pompeo"],
        trigger="made",
    )
    assert not same_event(POMPEO_DECLARED, tweeted)


def test_same_statement_in_other_words_merges_on_what_it_is_about() -> None:
    reported = event(
        "007-e1",
        "007",
        10,
        "Pompeo says CCP committed genocide in Xinjiang",
        time(dt.date(2021, 1, 19)),
        actors=["Pompeo"],
        trigger="says",
    )
    assert shares_object_word(POMPEO_DECLARED, reported)
    (merged,) = merge_events([reported, POMPEO_DECLARED])
    assert merged.sources == 2
    assert merged.actors == ["Mike Pompeo"]


NAMES = ["Canada", "China", "Mike Pompeo", "Pompeo", "the government", "He", "EU officials"]
TYPES = ["statement", "accuse", "sanction", "arrest", "detention", "other"]
TRIGGERS = ["said", "imposed", "detained", "declared", None]


def random_events(seed: int, count: int) -> list[Event]:
    """Small random events over a few documents, days, names and types."""
    rng = random.Random(seed)
    events = []
    for number in range(count):
        day = MONDAY + dt.timedelta(days=rng.randrange(4))
        basis = rng.choice([TimeBasis.explicit, TimeBasis.document_date, TimeBasis.context])
        when = None if rng.random() < 0.2 else time(day, basis=basis)
        events.append(
            event(
                f"e{number:03d}",
                f"doc{rng.randrange(3)}",
                rng.randrange(0, 5000, 10),
                f"{rng.choice(NAMES)} {rng.choice(TRIGGERS) or 'did'} something {rng.randrange(5)}",
                when,
                type=rng.choice(TYPES),
                actors=rng.sample(NAMES, rng.randrange(2)),
                targets=rng.sample(NAMES, rng.randrange(2)),
                trigger=rng.choice(TRIGGERS),
            )
        )
    return events


@pytest.mark.parametrize("seed", range(5))
def test_merge_keeps_every_mention_once_and_ignores_input_order(seed: int) -> None:
    events = random_events(seed, 60)
    merged = merge_events(events)
    mentions_in = sorted(m.model_dump_json() for e in events for m in e.mentions)
    mentions_out = sorted(m.model_dump_json() for e in merged for m in e.mentions)
    assert mentions_out == mentions_in
    assert len({e.id for e in merged}) == len(merged)
    assert all(e.sources == len({m.document for m in e.mentions}) for e in merged)
    shuffled = list(events)
    random.Random(seed + 100).shuffle(shuffled)
    assert merge_events(shuffled) == merged


def test_a_cluster_does_not_drift_to_other_actors() -> None:
    canada = event(
        "a-1",
        "a",
        0,
        "Canada imposed sanctions",
        time(MONDAY),
        type="sanction",
        actors=["Canada"],
        targets=["four Chinese officials"],
        trigger="imposed",
    )
    unnamed = event(
        "a-2",
        "a",
        100,
        "Sanctions imposed on Chinese officials",
        time(MONDAY),
        type="sanction",
        targets=["four Chinese officials"],
        trigger="imposed",
    )
    china = event(
        "a-3",
        "a",
        200,
        "China imposed sanctions on Chinese officials",
        time(MONDAY),
        type="sanction",
        actors=["China"],
        targets=["four Chinese officials"],
        trigger="imposed",
    )
    merged = merge_events([canada, unnamed, china])
    assert [[m.start for m in e.mentions] for e in merged] == [[0, 100], [200]]


KEYNOTE = time(dt.date(2005, 6, 6))


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        pytest.param(
            ("Jobs announces podcasting in iTunes", "announced"),
            ("Jobs announces QuickTime 7 for Windows", "announced"),
            False,
            id="two-announcements-one-keynote",
        ),
        pytest.param(
            ("Jobs says Apple will offer free case", "said"),
            ("Jobs says iPhone 4 buyers get free case", "said"),
            True,
            id="same-offer-reported-twice",
        ),
        pytest.param(
            ("Apple unveils iPod nano", "unveils"),
            ("Apple unveiled its latest addition to the iPod line", "unveiled"),
            True,
            id="headline-and-lead",
        ),
    ],
)
def test_broad_types_and_light_verbs_need_a_shared_subject_matter(
    first: tuple[str, str], second: tuple[str, str], expected: bool
) -> None:
    kind = "statement" if first[1] in ("announced", "said") else "business"
    a = event("k-1", "k", 0, first[0], KEYNOTE, type=kind, actors=["Steve Jobs"], trigger=first[1])
    b = event("k-2", "k", 300, second[0], KEYNOTE, type=kind, actors=["Jobs"], trigger=second[1])
    assert same_event(a, b) is expected


# --- blocking: the index must find every cluster an event fits ---------------------------

BLOCKING_NAMES = [
    "Canada", "China", "Mike Pompeo", "Pompeo", "Secretary of State Mike Pompeo",
    "Michael Kovrig", "Kovrig", "Michael Spavor", "the government", "officials", "He", "they",
    "EU officials", "four Chinese officials", "Kovrig and Spavor", "Apple", "Steve Jobs", "Jobs",
]  # fmt: skip
BLOCKING_TYPES = [
    "statement", "accuse", "request", "sanction", "arrest", "detention", "trial", "charge",
    "launch", "unveil", "other", "business",
]  # fmt: skip
BLOCKING_TRIGGERS = [
    "said", "imposed", "imposes", "detained", "declared", "launched", "unveiled", "introduced",
    None,
]  # fmt: skip
BLOCKING_WORDS = ["sanctions", "genocide", "trade", "phone", "store", "border", "talks", "case"]


def blocking_time(rng: random.Random) -> EventTime | None:
    """A time from a mix that exercises the index: days, months, years, ranges longer than the
    indexed months, document-date guesses near month ends, and no time."""
    day = dt.date(2020, 11, 20) + dt.timedelta(days=rng.randrange(120))
    roll = rng.random()
    if roll < 0.15:
        return None
    if roll < 0.35:
        return time(day, basis=rng.choice([TimeBasis.document_date, TimeBasis.inferred]))
    if roll < 0.5:
        first = day.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return time(first, last, Granularity.month)
    if roll < 0.57:
        return time(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), Granularity.year)
    if roll < 0.62:
        return time(dt.date(2018, 12, 1), day, Granularity.month)
    if roll < 0.7:
        return time(day, basis=TimeBasis.context)
    return time(day, basis=rng.choice([TimeBasis.explicit, TimeBasis.relative]))


def blocking_events(seed: int, count: int) -> list[Event]:
    """Random events over many documents, names, types, triggers and times; some are copies of
    an earlier event in another document (as when a corpus holds an article twice)."""
    rng = random.Random(seed)
    events: list[Event] = []
    for number in range(count):
        if events and rng.random() < 0.15:
            copied = rng.choice(events)
            mention = copied.mentions[0].model_copy(update={"document": f"copy{number % 7}"})
            update = {"id": f"b{number:03d}", "mentions": [mention]}
            if rng.random() < 0.5:
                update["time"] = blocking_time(rng)
            events.append(copied.model_copy(update=update))
            continue
        trigger = rng.choice(BLOCKING_TRIGGERS)
        actors = rng.sample(BLOCKING_NAMES, rng.randrange(3))
        words = " ".join(rng.sample(BLOCKING_WORDS, rng.randrange(1, 4)))
        events.append(
            event(
                f"b{number:03d}",
                f"doc{rng.randrange(25):02d}",
                rng.randrange(0, 5000, 10),
                f"{actors[0] if actors else 'Someone'} {trigger or 'did'} {words}",
                blocking_time(rng),
                type=rng.choice(BLOCKING_TYPES),
                actors=actors,
                targets=rng.sample(BLOCKING_NAMES, rng.randrange(2)),
                trigger=trigger,
            )
        )
    return events


def brute_force_fits(item: Event, cluster: Cluster) -> bool:
    """`fits_cluster` as first written: the item against every member, one by one."""
    same_document = not documents_of(item).isdisjoint(cluster.documents)
    return (
        times_compatible(item.time, cluster.best.time, same_document)
        and all(types_compatible(item.type, kind) for kind in cluster.types)
        and any(same_event(item, member) for member in cluster.members)
        and not any(
            participants_conflict(item, member) or roles_reversed(item, member)
            for member in cluster.members
        )
    )


def brute_force_score(item: Event, cluster: Cluster) -> tuple[int, int]:
    """`attachment_score` over every member."""
    return (
        max(participants_overlap(item, member) for member in cluster.members),
        int(any(triggers_similar(item, member) for member in cluster.members)),
    )


def brute_force_clusters(events: list[Event]) -> list[list[str]]:
    """The reference clustering: the same greedy rule, comparing each event with every member
    of every cluster."""
    clusters: list[Cluster] = []
    for item in sorted(events, key=event_order):
        fitting = [
            (brute_force_score(item, cluster), -position)
            for position, cluster in enumerate(clusters)
            if brute_force_fits(item, cluster)
        ]
        if fitting:
            clusters[-max(fitting)[1]].add(item)
        else:
            clusters.append(Cluster.of(item))
    return [[member.id for member in cluster.members] for cluster in clusters]


@pytest.mark.parametrize("seed", range(3))
def test_blocked_clustering_equals_brute_force(seed: int) -> None:
    events = blocking_events(seed, 300)
    expected = brute_force_clusters(events)
    assert sum(len(cluster) > 1 for cluster in expected) >= 10
    assert [[e.id for e in cluster] for cluster in cluster_events(events)] == expected
    shuffled = list(events)
    random.Random(seed).shuffle(shuffled)
    assert [[e.id for e in cluster] for cluster in cluster_events(shuffled)] == expected


def test_similar_titles_always_share_a_title_key() -> None:
    rng = random.Random(3)
    vocabulary = [f"word{n:02d}" for n in range(12)]
    titles = [" ".join(rng.sample(vocabulary, rng.randrange(1, 8))) for _ in range(150)]
    order = title_stem_order(
        [event(f"t{n}", "d", 0, title, None) for n, title in enumerate(titles)]
    )
    similar_pairs = 0
    for a, b in itertools.combinations(titles, 2):
        first, second = event("a", "d", 0, a, None), event("b", "e", 0, b, None)
        keys_a, keys_b = similar_title_keys(first, order), similar_title_keys(second, order)
        if words_similar(first, second):
            similar_pairs += 1
            assert not keys_a.isdisjoint(keys_b), (a, b)
    assert similar_pairs >= 20


def test_similar_titles_sharing_only_their_commonest_words_share_a_title_key() -> None:
    frequent = [event(f"f{n}", "d", 0, "alpha beta", None) for n in range(5)]
    longer = event("a", "d", 0, "gamma delta alpha beta", None)
    shorter = event("b", "e", 0, "alpha beta", None)
    order = title_stem_order([*frequent, longer, shorter])
    assert words_similar(longer, shorter)
    assert similar_title_keys(longer, order) & similar_title_keys(shorter, order)


@pytest.mark.parametrize(("a", "b"), [(a, b) for a in BLOCKING_TYPES for b in BLOCKING_TYPES])
def test_compatible_types_share_a_type_tag(a: str, b: str) -> None:
    if types_compatible(a, b):
        tags_a, tags_b = type_tags(a), type_tags(b)
        assert "*" in tags_a | tags_b or not tags_a.isdisjoint(tags_b)


def test_times_of_other_articles_fit_only_in_reachable_months() -> None:
    rng = random.Random(5)
    dated = [t for t in (blocking_time(rng) for _ in range(150)) if t is not None]
    compatible = 0
    for a, b in itertools.permutations(dated, 2):
        months = reachable_months(a)
        if months is not None and times_compatible(a, b, same_document=False):
            compatible += 1
            assert set(months) & set(time_buckets(b)) or time_buckets(b) == [WIDE_BUCKET]
    assert compatible >= 100


def store_launch(id: str, document: str, actor: str, when: EventTime) -> Event:
    return event(
        id,
        document,
        100,
        f"{actor} launches iTunes Music Store",
        when,
        type="business",
        actors=[actor],
        targets=["iTunes Music Store"],
        trigger="launched",
    )


def test_a_short_company_name_in_another_article_is_the_same_doer() -> None:
    day = store_launch("a-e1", "a", "Apple", time(dt.date(2003, 4, 28)))
    year = store_launch("b-e1", "b", "Apple Computer", YEAR_2003)
    assert not participants_conflict(day, year)
    merged = merge_events([year, day])
    assert len(merged) == 1
    assert merged[0].time is not None and merged[0].time.value == "2003-04-28"


def test_two_names_of_one_article_beginning_alike_are_two_doers() -> None:
    corps = store_launch("a-e1", "a", "Apple Corps", YEAR_2003)
    computer = store_launch("a-e2", "a", "Apple", YEAR_2003)
    assert participants_conflict(corps, computer)
    other_company = store_launch("b-e1", "b", "Apple Computer", YEAR_2003)
    assert participants_conflict(corps, other_company)


JUNE_7_2010 = time(dt.date(2010, 6, 7), basis=TimeBasis.relative)
JULY_2010_CONTEXT = time(
    dt.date(2010, 7, 1), dt.date(2010, 7, 31), Granularity.month, basis=TimeBasis.context
)


def test_a_borrowed_time_takes_another_articles_date_of_the_same_happening() -> None:
    unveiled = event(
        "a-e2",
        "a",
        300,
        "Steve Jobs unveils iPhone 4",
        JUNE_7_2010,
        type="business",
        actors=["Steve Jobs"],
        targets=["iPhone 4"],
        trigger="unveiled",
    )
    introduced = event(
        "b-e7",
        "b",
        900,
        "Steve Jobs introduces iPhone 4",
        JULY_2010_CONTEXT,
        type="business",
        actors=["Apple CEO Steve Jobs"],
        targets=["iPhone 4"],
        trigger="introduced",
    )
    merged = merge_events([introduced, unveiled])
    assert len(merged) == 1
    assert merged[0].time == JUNE_7_2010
    assert {m.document for m in merged[0].mentions} == {"a", "b"}


def test_a_borrowed_time_keeps_its_own_date_for_another_object_or_happening() -> None:
    unveiled = event(
        "a-e2",
        "a",
        300,
        "Steve Jobs unveils iPhone 4",
        JUNE_7_2010,
        type="business",
        actors=["Steve Jobs"],
        targets=["iPhone 4"],
        trigger="unveiled",
    )
    other_object = event(
        "b-e7",
        "b",
        900,
        "Steve Jobs introduces iPad",
        JULY_2010_CONTEXT,
        type="business",
        actors=["Steve Jobs"],
        targets=["iPad"],
        trigger="introduced",
    )
    praised = event(
        "b-e8",
        "b",
        950,
        "Steve Jobs praises iPhone 4 design",
        JULY_2010_CONTEXT,
        type="statement",
        actors=["Steve Jobs"],
        targets=["iPhone 4"],
        trigger="praised",
    )
    assert not same_event(unveiled, other_object)
    assert not same_event(unveiled, praised)
    assert len(merge_events([unveiled, other_object, praised])) == 3
    in_one_article = other_object.model_copy(
        update={
            "title": "Steve Jobs introduces iPhone 4",
            "targets": ["iPhone 4"],
            "mentions": [unveiled.mentions[0].model_copy(update={"start": 900, "end": 920})],
        }
    )
    assert len(merge_events([unveiled, in_one_article])) == 2


def test_synonymous_triggers_on_one_target_are_one_event() -> None:
    unveiled = event(
        "a-e2",
        "a",
        300,
        "Steve Jobs unveils iPhone 4",
        JUNE_7_2010,
        type="business",
        actors=["Steve Jobs"],
        targets=["iPhone 4"],
        trigger="unveiled",
    )
    introduced = event(
        "b-e11",
        "b",
        900,
        "IPhone 4 introduced at conference",
        time(dt.date(2010, 6, 2), dt.date(2010, 6, 16), basis=TimeBasis.relative),
        type="business",
        targets=["iPhone 4"],
        trigger="introduced",
    )
    assert same_event(unveiled, introduced)
    merged = merge_events([introduced, unveiled])
    assert len(merged) == 1
    assert merged[0].time == JUNE_7_2010


def test_synonymous_triggers_on_other_targets_stay_apart() -> None:
    unveiled = event(
        "a-e2",
        "a",
        300,
        "Apple unveils iPod nano",
        JUNE_7_2010,
        type="business",
        actors=["Apple"],
        targets=["iPod nano"],
        trigger="unveiled",
    )
    introduced = event(
        "b-e3",
        "b",
        500,
        "Apple introduces new iTunes",
        JUNE_7_2010,
        type="business",
        actors=["Apple"],
        targets=["iTunes"],
        trigger="introduced",
    )
    assert triggers_synonymous(unveiled, introduced)
    assert not same_event(unveiled, introduced)
    assert len(merge_events([unveiled, introduced])) == 2


@pytest.mark.parametrize("seed", range(2))
def test_clustering_of_a_corpus_held_several_times_equals_brute_force(seed: int) -> None:
    # every event again in three other documents: the scores kept per signature are reused
    originals = blocking_events(seed, 120)
    events = list(originals)
    for copy in range(3):
        for item in originals:
            mentions = [
                m.model_copy(update={"document": f"c{copy}-{m.document}"}) for m in item.mentions
            ]
            events.append(
                item.model_copy(update={"id": f"c{copy}-{item.id}", "mentions": mentions})
            )
    expected = brute_force_clusters(events)
    assert sum(len(cluster) >= 4 for cluster in expected) >= 20
    assert [[e.id for e in cluster] for cluster in cluster_events(events)] == expected


def test_a_plan_and_what_happened_are_one_event_only_on_one_stated_date() -> None:
    friday = time(dt.date(2021, 3, 26), basis=TimeBasis.relative)
    planned = event(
        "a-1", "a", 0, "Blinken to visit Brussels", friday, "meet", ["Antony Blinken"], ["Brussels"]
    ).model_copy(update={"status": EventStatus.planned})
    visited = event(
        "b-1", "b", 0, "Blinken visits Brussels", friday, "meet", ["Antony Blinken"], ["Brussels"]
    )
    assert same_event(planned, visited)
    guessed = planned.model_copy(update={"time": time(MONDAY, basis=TimeBasis.document_date)})
    monday_visit = visited.model_copy(update={"time": time(MONDAY)})
    assert same_event(guessed.model_copy(update={"status": EventStatus.occurred}), monday_visit)
    assert not same_event(guessed, monday_visit)


def test_one_articles_own_dates_of_two_grains_tell_two_events_of_one_actor() -> None:
    august = time(dt.date(2025, 8, 1), dt.date(2025, 8, 31), Granularity.month)
    wednesday = time(dt.date(2025, 8, 27))
    reported = event(
        "a",
        "d",
        0,
        "Nvidia reports record quarterly revenue",
        wednesday,
        "statement",
        ["Nvidia"],
        trigger="reported",
    )
    agreed = event(
        "b",
        "d",
        200,
        "Nvidia agrees to pay U.S. 15% of revenue from China sales",
        august,
        "agree",
        ["Nvidia"],
        trigger="agreed",
    )
    assert not same_event(reported, agreed)
    headline = event(
        "c",
        "d",
        0,
        "Nvidia posts record revenue",
        time(dt.date(2025, 8, 28), basis=TimeBasis.document_date),
        "economy",
        ["Nvidia"],
        trigger="posts",
    )
    assert same_event(headline, reported)  # a statement of an economic fact: one event
