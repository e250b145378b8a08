"""Rules found reading fresh news articles (schedules, declarations, crashes, elections,
transfers, discoveries), end to end through the segmenter and the tagger."""

from __future__ import annotations

import pytest

from tests.events.helpers import make_document
from tests.events.pipeline_helpers import by_trigger
from timeline.events.names import clean_name
from timeline.models import EventStatus
from timeline.pipeline import process_document


def test_what_is_scheduled_is_planned_and_titled_as_set() -> None:
    text = "A second defamation trial is scheduled for January 2024."
    event = by_trigger(text, "2023-05-09")["scheduled"]
    assert event.status is EventStatus.planned
    assert event.time.value == "2024-01"
    assert event.title == "Second defamation trial scheduled"


def test_a_date_declared_something_is_the_object_not_the_time() -> None:
    text = "Plane crash kills 68\n\nThe government declared Monday a national day of mourning."
    assert by_trigger(text, "2023-01-15")["declared"].time.value == "2023-01-15"


def test_a_killing_after_a_crash_is_part_of_the_disaster() -> None:
    text = (
        "In 1992, a Pakistan International Airlines plane crashed into a hill as it "
        "approached Kathmandu, killing all 167 people on board."
    )
    events = by_trigger(text, "2023-01-15")
    assert events["killing"].type == "disaster"
    assert events["killing"].actors == ["Pakistan International Airlines plane"]


def test_a_participles_subject_stops_before_a_modifying_participle() -> None:
    text = "A Yeti Airlines plane carrying 72 people crashed on Sunday, killing at least 68."
    assert (
        by_trigger(text, "2023-01-15")["killing"].title == "Yeti Airlines plane kills at least 68"
    )


def test_a_year_of_the_paragraph_before_does_not_date_the_next_one() -> None:
    text = (
        "The Federal Reserve held rates steady on Wednesday.\n\n"
        "Policymakers cut rates by a full percentage point last year.\n\n"
        "U.S. stocks rose after the announcement."
    )
    events = by_trigger(text, "2025-03-19")
    assert events["cut"].time.value == "2024"
    assert "rose" not in events or events["rose"].time.value != "2024"


def test_a_quarter_of_the_paragraph_before_still_dates_the_next_one() -> None:
    text = (
        "Scott Paper said third-quarter net rose 20%.\n\n"
        "In the third quarter, the company said net rose to $108.8 million.\n\n"
        "Sales rose 6.2% to $1.45 billion."
    )
    assert by_trigger(text, "1989-11-01")["rose"].time.value == "1989-Q3"


@pytest.mark.parametrize(
    ("text", "trigger", "value"),
    [
        ("Carroll first made the accusation in a 2019 book.", "made", "2019"),
        ("She said in a 2020 interview that she was afraid.", "said", "2020"),
    ],
)
def test_a_year_before_a_publication_noun_dates_the_clause(
    text: str, trigger: str, value: str
) -> None:
    events = by_trigger("Jury finds Trump liable\n\n" + text, "2023-05-09")
    assert events[trigger].time.value == value


def test_a_short_offset_from_a_dated_occasion_takes_its_day() -> None:
    text = "The deal was completed minutes before the transfer deadline on Tuesday night."
    assert by_trigger(text, "2023-02-01")["completed"].time.value[:10] == "2023-01-31"


@pytest.mark.parametrize(
    ("words", "name"),
    [
        ("Prime Minister Pushpa Kamal Dahal", "Pushpa Kamal Dahal"),
        ("Egyptian President Abdel Fattah al-Sisi", "Abdel Fattah al-Sisi"),
        ("Puerto Rico Police Superintendent Pedro Toledo", "Pedro Toledo"),
        ("Director of Investigation Louis Freeh", "Louis Freeh"),
    ],
)
def test_a_name_after_a_known_title_keeps_all_its_words(words: str, name: str) -> None:
    assert clean_name(tuple(words.split())) == name


@pytest.mark.parametrize(
    ("text", "trigger", "event_type", "actors", "targets"),
    [
        (
            "Libertarian economist Javier Milei won Argentina's presidential runoff on Sunday.",
            "won",
            "vote",
            ["Javier Milei"],
            [],
        ),
        (
            "Chelsea have signed Argentina midfielder Enzo Fernandez from Benfica on Tuesday.",
            "signed",
            "sport",
            ["Chelsea"],
            ["Enzo Fernandez"],
        ),
        (
            "The 22-year-old, who won the World Cup with Argentina in December, left.",
            "won",
            "sport",
            ["22-year-old"],
            ["World Cup"],
        ),
        (
            "Astronomers have detected water vapour in the atmosphere of a distant planet.",
            "detected",
            "science",
            ["Astronomers"],
            [],
        ),
    ],
)
def test_types_actors_and_targets_of_fresh_sentences(
    text: str, trigger: str, event_type: str, actors: list[str], targets: list[str]
) -> None:
    event = by_trigger(text, "2023-02-01")[trigger]
    assert (event.type, event.actors, event.targets) == (event_type, actors, targets)


def test_he_is_the_first_person_the_last_sentence_names() -> None:
    text = (
        "Jimmy Carter died on Sunday.\n\n"
        "Carter lost his 1980 re-election bid to Ronald Reagan. "
        "He founded the Carter Center in 1982."
    )
    assert by_trigger(text, "2024-12-29")["founded"].actors == ["Jimmy Carter"]


def test_a_causatives_object_does_the_next_verb_at_the_main_clauses_time() -> None:
    text = (
        "A container ship struck a support of the Francis Scott Key Bridge early Tuesday, "
        "causing the 2.6-km span to collapse into the Patapsco River."
    )
    collapse = by_trigger(text, "2024-03-27")["collapse"]
    assert collapse.actors == ["2.6-km span"]
    assert collapse.time.value == "2024-03-26"


def test_a_transitive_agree_in_a_headline_and_a_noun_after_it() -> None:
    text = (
        "EU agrees landmark rules on artificial intelligence\n\n"
        "BRUSSELS, Dec 9, 2023 (Reuters) - European Union negotiators clinched a deal on "
        "Friday on the world's first rules governing artificial intelligence."
    )
    events = by_trigger(text, "2023-12-09")
    assert events["agrees"].type == "agree"
    assert "rules" not in events  # a noun of the object, not a verb
    assert events["clinched"].type == "agree"
    assert events["clinched"].time.value == "2023-12-08"


def test_a_participle_modifying_the_subject_before_its_verb() -> None:
    events = by_trigger("The man arrested Monday says he is innocent.", "2023-12-09")
    assert "arrested" not in events
    assert events["says"].actors == ["man"]


def test_a_speaker_that_is_no_person_is_not_he() -> None:
    text = (
        "Jimmy Carter died on Sunday at his home.\n\n"
        "The Carter Center said he died peacefully, surrounded by his family."
    )
    events = [e for e in process_document(make_document(text, "2024-12-29")).events]
    assert [e.actors for e in events if e.mentions[0].trigger == "died"] == [
        ["Jimmy Carter"],
        ["Jimmy Carter"],
    ]


def test_an_opening_participles_commas_are_no_list_of_subjects() -> None:
    text = "Born on Oct. 1, 1924, in Plains, Carter graduated from the Naval Academy in 1946."
    events = by_trigger(text, "2024-12-29")
    assert events["graduated"].actors == ["Carter"]
    assert events["Born"].title == "Carter born in Plains"


def test_a_year_before_an_occasion_object_dates_the_verb() -> None:
    text = (
        "Carter died on Sunday.\n\nCarter won the presidency in 1976. "
        "Carter lost his 1980 re-election bid to Ronald Reagan."
    )
    lost = by_trigger(text, "2024-12-29")["lost"]
    assert (lost.time.value, lost.type) == ("1980", "vote")


def test_a_date_in_an_insertion_does_not_date_the_next_paragraph() -> None:
    text = (
        "EU agrees AI rules\n\n"
        "European Union negotiators clinched a deal on Friday.\n\n"
        "The AI Act, first proposed by the European Commission in April 2021, still needs to "
        "be approved.\n\n"
        "Lawmakers agreed to ban some uses of the technology."
    )
    events = by_trigger(text, "2023-12-09")
    assert "agreed" not in events or events["agreed"].time.value != "2021-04"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Its crew issued a mayday call moments before the crash on Tuesday.",
            "Crew issues mayday call",
        ),
        (
            "The plane crashed into a river gorge about 20 minutes later on Sunday.",
            "Plane crashes into river gorge",
        ),
        (
            "Castro declared on Wednesday that it is just a matter of days before Elian returns.",
            "Castro declares it is just matter of days",
        ),
    ],
)
def test_a_short_offset_ends_the_object(text: str, title: str) -> None:
    assert next(iter(by_trigger(text, "2024-03-27").values())).title == title


def test_an_announcement_of_something_later_is_todays_news_and_the_plan_is_dated() -> None:
    text = (
        "Carter died on Sunday.\n\n"
        "His wife Rosalynn died in November 2023. President Joe Biden announced a state "
        "funeral would be held in Washington on Jan. 9."
    )
    events = by_trigger(text, "2024-12-29")
    assert events["announced"].time.value == "2024-12-29"
    held = events["held"]
    assert (held.status, held.time.value, held.targets) == (
        EventStatus.planned,
        "2025-01-09",
        ["state funeral"],
    )


def test_a_negated_subject_is_no_event() -> None:
    assert by_trigger("No successor was named on Monday.", "1989-11-02") == {}


@pytest.mark.parametrize(
    ("text", "trigger", "actors", "value"),
    [
        (
            "A school-aged child who was not vaccinated died in Lubbock in late February.",
            "died",
            ["school-aged child"],
            "2025-02",
        ),
        ("The man who was arrested fled on Monday.", "fled", ["man"], "2025-03-17"),
        (
            "The World Court rejected objections to a case that has blocked the trial of two "
            "Libyans suspected of blowing up a Pan Am jet in 1988.",
            "suspected",
            ["Libyans"],
            "1988",
        ),
    ],
)
def test_the_subject_before_a_relative_clause_that_ends_at_the_verb(
    text: str, trigger: str, actors: list[str], value: str
) -> None:
    event = by_trigger(text, "2025-03-18")[trigger]
    assert (event.actors, event.time.value) == (actors, value)


def test_a_relative_clause_verb_followed_by_the_main_verb_takes_no_object() -> None:
    assert "arrested" not in by_trigger("The man who was arrested fled on Monday.", "2025-03-18")


def test_an_organisation_name_with_a_plural_head_keeps_its_and() -> None:
    text = "The Centers for Disease Control and Prevention sent a team to Texas last week."
    event = by_trigger(text, "2025-03-18")["sent"]
    assert event.actors == ["Centers for Disease Control and Prevention"]


def test_two_names_before_an_auxiliary_are_one_subject() -> None:
    text = (
        "On Sunday night, Microsoft chief executive Satya Nadella announced that Altman and "
        "Brockman would join Microsoft."
    )
    event = by_trigger(text, "2023-11-22")["announced"]
    assert event.title == "Satya Nadella announces Altman and Brockman would join Microsoft"


def test_a_perfect_participle_is_an_earlier_event_of_the_subject() -> None:
    text = "Sinner has now won three major titles, having also claimed the US Open in September."
    claimed = by_trigger(text, "2025-01-26")["claimed"]
    assert (claimed.actors, claimed.type, claimed.time.value) == (["Sinner"], "sport", "2024-09")


@pytest.mark.parametrize(
    ("text", "trigger", "event_type"),
    [
        ("The storm claimed 12 lives on Monday.", "claimed", "death"),
        ("Hamas claimed responsibility for the attack on Monday.", "claimed", "statement"),
        (
            "The crashes, in Indonesia in October 2018 and Ethiopia in March 2019, killed "
            "346 people.",
            "killed",
            "disaster",
        ),
    ],
)
def test_claims_and_crashes_are_typed_by_their_words(
    text: str, trigger: str, event_type: str
) -> None:
    assert by_trigger(text, "2025-01-26")[trigger].type == event_type


def test_a_name_after_a_date_and_and_opens_a_new_clause() -> None:
    text = (
        "Governor Gavin Newsom declared a state of emergency on Tuesday and President Joe "
        "Biden approved a major disaster declaration on Wednesday."
    )
    events = by_trigger(text, "2025-01-10")
    assert events["declared"].title == "Gavin Newsom declares state of emergency"
    assert events["approved"].time.value == "2025-01-08"


@pytest.mark.parametrize(
    ("text", "trigger", "targets"),
    [
        (
            "Kopp fled days after a sniper killed Dr. Barnett Slepian in his kitchen on Friday.",
            "killed",
            ["Barnett Slepian"],
        ),
        ("In that suit, the SEC accused Mr. Antar of fraud in September.", "accused", ["Antar"]),
    ],
)
def test_a_title_abbreviation_does_not_end_the_object(
    text: str, trigger: str, targets: list[str]
) -> None:
    assert by_trigger(text, "1998-11-20")[trigger].targets == targets


def test_a_feeling_is_no_event() -> None:
    assert by_trigger(
        "I was pleased this morning that the lawyers agreed.", "1998-02-06"
    ).keys() <= {"agreed"}


def test_police_opening_fire_is_an_assault() -> None:
    text = "Protesters stormed the parliament on Tuesday, and police opened fire on the crowds."
    opened = by_trigger(text, "2024-06-25")["opened"]
    assert (opened.type, opened.actors, opened.targets) == ("assault", ["police"], ["crowds"])


def test_a_relative_clause_in_the_future_is_a_plan_of_its_noun() -> None:
    text = (
        "Apple also announced new versions of its operating systems that will be released "
        "in the fall."
    )
    released = by_trigger(text, "2023-06-05")["released"]
    assert (released.status, released.time.value) == (EventStatus.planned, "2023-FA")


def test_a_month_to_month_range_dates_the_event_as_an_interval() -> None:
    text = "Revenue fell 9% to $21.3 billion in the January-March period."
    time = by_trigger(text, "2024-04-24")["fell"].time
    assert (time.edtf, str(time.earliest), str(time.latest)) == (
        "2024-01/2024-03",
        "2024-01-01",
        "2024-03-31",
    )


def test_harm_without_its_doer_after_a_disaster_is_the_disasters() -> None:
    text = (
        "Helene hits Florida\n\n"
        "Hurricane Helene slammed into Florida's Big Bend region late Thursday as a Category 4 "
        "storm.\n\n"
        "At least 30 people were killed across four states, officials said Friday."
    )
    events = by_trigger(text, "2024-09-27")
    assert events["killed"].type == "disaster"
    assert events["said"].title == "Officials say at least 30 people were killed across four states"
    attack = by_trigger(
        "Gunmen stormed a market on Friday.\n\nAt least 30 people were killed.", "2024-09-27"
    )
    assert attack["killed"].type == "assault"
    assert attack["stormed"].title == "Gunmen storm market"


def test_a_plan_told_with_then_continues_the_plan_of_the_paragraph_before() -> None:
    text = (
        "Novo to buy Catalent\n\n"
        "Novo Holdings agreed on Monday to buy Catalent. The deal is expected to close by the "
        "end of 2024.\n\n"
        "Novo Nordisk will then acquire three Catalent factories for $11 billion."
    )
    acquire = by_trigger(text, "2024-02-05")["acquire"]
    assert acquire.time.value == by_trigger(text, "2024-02-05")["close"].time.value


@pytest.mark.parametrize(
    ("text", "trigger", "title", "value"),
    [
        (
            "April 15, 2023 - Clashes break out in Khartoum between the army and the RSF.",
            "break",
            "Clashes break out in Khartoum between army and RSF",
            "2023-04-15",
        ),
        (
            "May 20, 2023 - The warring sides sign a week-long ceasefire deal in Jeddah.",
            "sign",
            "Warring sides sign week-long ceasefire deal in Jeddah",
            "2023-05-20",
        ),
        (
            "June 14, 2023 - The governor of West Darfur is killed hours after accusing the RSF.",
            "killed",
            "Governor of West Darfur killed",
            "2023-06-14",
        ),
    ],
)
def test_a_timeline_entry_tells_what_happened_in_the_present(
    text: str, trigger: str, title: str, value: str
) -> None:
    event = by_trigger("Timeline of the war in Sudan\n\n" + text, "2024-04-15")[trigger]
    assert (event.status, event.title, event.time.value) == (EventStatus.occurred, title, value)


def test_a_word_after_a_timeline_entrys_subject_is_no_verb() -> None:
    text = (
        "Timeline\n\nDec. 18, 2023 - The RSF takes control of Wad Madani, the capital of "
        "Gezira state."
    )
    assert "state" not in by_trigger(text, "2024-04-15")


def test_fighting_that_erupts_is_an_assault() -> None:
    event = by_trigger("Fighting erupted between the army and the RSF on Saturday.", "2023-04-17")
    assert event["erupted"].type == "assault"


def test_a_clause_told_as_an_offset_from_a_date_and_a_when_clause_after_it() -> None:
    text = (
        "The fighting began on Oct. 8, 2023, a day after Hamas attacked Israel, when Hezbollah "
        "fired rockets in support of the Palestinian group."
    )
    events = by_trigger(text, "2024-11-26")
    assert events["attacked"].time.value == "2023-10-07"
    assert events["fired"].time.value == "2023-10-08"


@pytest.mark.parametrize(
    ("text", "trigger", "title"),
    [
        (
            "Bangladesh PM Sheikh Hasina resigns and flees country amid protests",
            "resigns",
            "Sheikh Hasina resigns",
        ),
        (
            "About 300 people have been killed since the protests began in July.",
            "killed",
            "300 people killed",
        ),
        (
            "Hasina resigned on Monday after weeks of deadly protests against her government.",
            "resigned",
            "Hasina resigns after weeks of deadly protests against her government",
        ),
    ],
)
def test_a_second_verb_or_a_clause_ends_the_object(text: str, trigger: str, title: str) -> None:
    events = by_trigger(text, "2024-08-05")
    assert events[trigger].title == title
    assert "protests" not in events  # "weeks of deadly protests": a noun


@pytest.mark.parametrize(
    ("text", "trigger", "value"),
    [
        (
            "Shell reported second-quarter profit of $4.26 billion on Thursday.",
            "reported",
            "2025-07-31",
        ),
        ("The company will report third-quarter results on Oct. 30.", "report", "2025-10-30"),
        ("Kellogg reported lower third-quarter earnings.", "reported", "2025-Q3"),
        ("Shell said second-quarter profit rose 10%.", "rose", "2025-Q2"),
        ("Officials said Monday prices rose.", "said", "2025-07-28"),
    ],
)
def test_a_period_adjective_dates_the_figures_not_a_report_with_its_own_day(
    text: str, trigger: str, value: str
) -> None:
    assert by_trigger(text, "2025-07-31")[trigger].time.value == value


def test_a_move_in_the_days_trading_is_the_news_day() -> None:
    text = (
        "Shell profit beats forecasts\n\n"
        "Shell reported second-quarter profit on Thursday.\n\n"
        "Shell said in June it had no intention of making an offer for BP.\n\n"
        "Shell's shares rose 2% in early trading in London."
    )
    events = by_trigger(text, "2025-07-31")
    assert events["rose"].time.value == "2025-07-31"
    assert events["beats"].type == "economy"


def test_a_duration_before_a_date_phrase_is_no_offset() -> None:
    text = (
        "Pope Francis died on Monday.\n\n"
        "Francis had been hospitalized for five weeks earlier this year with double pneumonia. "
        "He suffered a stroke early Monday and fell into a coma."
    )
    events = by_trigger(text, "2025-04-21")
    assert events["hospitalized"].time.value == "2025"
    assert events["fell"].type == "health"
    offset = by_trigger(
        "He was arrested on Monday. Two days earlier, police searched his home.", "2025-04-21"
    )
    assert offset["searched"].time.value == "2025-04-19"


def test_firing_a_minister_is_personnel_and_than_scheduled_is_no_event() -> None:
    text = (
        "Scholz fires finance minister\n\n"
        "German Chancellor Olaf Scholz fired his finance minister Christian Lindner on "
        "Wednesday. An election could then be held by the end of March, six months earlier "
        "than scheduled."
    )
    events = by_trigger(text, "2024-11-07")
    assert (events["fired"].type, events["fired"].targets) == ("personnel", ["Christian Lindner"])
    assert "scheduled" not in events
    collapsed = by_trigger("His fourth coalition collapsed over migration in July.", "2024-11-07")
    assert collapsed["collapsed"].type == "other"
