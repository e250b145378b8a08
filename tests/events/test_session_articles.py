"""Rules found reading a second batch of fresh articles (rate decisions, wildfires, antitrust
rulings, strikes, finals, outbreaks, elections, product events), end to end through the
segmenter and the tagger."""

from __future__ import annotations

from tests.events.pipeline_helpers import by_trigger, events_of
from timeline.models import EventStatus


def test_a_verb_form_after_a_determiner_and_a_modifier_is_a_noun() -> None:
    text = (
        "The Bank of England kept its key rate unchanged on Thursday.\n\n"
        "Markets now expect the next cut in May."
    )
    assert "cut" not in by_trigger(text, "2026-03-19")
    text = "The Bank of England last cut rates in February."
    assert by_trigger(text, "2026-03-19")["cut"].time.value == "2026-02"


def test_a_forecast_tells_the_future() -> None:
    text = "Temperatures are forecast to reach 40 degrees Celsius on Wednesday."
    event = by_trigger(text, "2026-05-04")["forecast"]
    assert event.status is EventStatus.planned
    assert event.time.value == "2026-05-06"  # the Wednesday after Monday's publication


def test_a_verb_with_an_infinitive_after_it_is_active() -> None:
    event = by_trigger("The FTC sued to stop the deal in February.", "2026-07-15")["sued"]
    assert event.actors == ["FTC"]
    assert event.targets == []
    headline = by_trigger("Chauvin sentenced to 22 years in prison.", "2021-06-26")["sentenced"]
    assert headline.targets == ["Chauvin"]  # "to" + a noun: still the headline passive


def test_walking_out_is_a_protest_with_a_plural_title() -> None:
    text = "Nurses at five London hospitals walked out on Monday over pay and staffing."
    event = by_trigger(text, "2026-09-28")["walked"]
    assert (event.type, event.time.value, event.actors) == ("protest", "2026-09-28", ["Nurses"])
    assert event.title.startswith("Nurses walk out")


def test_a_dated_participle_set_off_after_the_subject_is_its_own_passive_event() -> None:
    text = "The minister, appointed in 2019, resigned on Monday."
    events = by_trigger(text, "2026-02-11")
    appointed, resigned = events["appointed"], events["resigned"]
    assert (appointed.type, appointed.time.value) == ("personnel", "2019")
    assert (appointed.actors, appointed.targets) == ([], ["minister"])
    assert (resigned.type, resigned.time.value, resigned.actors) == (
        "personnel",
        "2026-02-09",
        ["minister"],
    )


def test_a_main_verb_after_an_appositive_is_not_a_participle() -> None:
    text = (
        "Castro spoke less than an hour after Gregory Craig, attorney for the father, "
        "announced in Washington on Monday that the father would fly to the United States."
    )
    event = by_trigger(text, "2000-04-05")["announced"]
    assert (event.type, event.actors, event.targets) == ("statement", ["Gregory Craig"], [])


def test_it_does_not_stand_for_a_plural_actor() -> None:
    text = (
        "Health officials in Gaines County, Texas, reported 12 new measles cases on Tuesday, "
        "bringing the total to 90 since it began in late August."
    )
    began = by_trigger(text, "2026-10-21")["began"]
    assert began.actors == ["it"]  # not "Health officials", nor "Texas" of the place
    text = "Tesla said on Monday it delivered more cars in the quarter."
    assert by_trigger(text, "2026-10-06")["delivered"].actors == ["Tesla"]


def test_they_still_stand_for_a_plural_actor() -> None:
    text = "Health officials met on Monday. They said the outbreak was slowing."
    said = [event for event in events_of(text, "2026-10-21") if event.type == "statement"]
    assert said and said[0].actors == ["Health officials"]


def test_a_continuation_after_a_background_year_is_the_news_of_the_day() -> None:
    text = (
        "Apple on Monday unveiled a redesigned Siri at its developers conference.\n\n"
        "Apple delayed the new Siri last year after engineers found it unreliable.\n\n"
        "The company also announced a partnership with Google."
    )
    events = by_trigger(text, "2026-06-10")
    assert events["delayed"].time.value == "2025"
    assert events["announced"].time.value == "2026-06-10"  # not last year


def test_a_court_as_subject_makes_a_verb_of_no_type_a_ruling() -> None:
    text = "A federal judge on Tuesday blocked the proposed merger of Harvest Foods and Greenleaf."
    event = by_trigger(text, "2026-07-15")["blocked"]
    assert (event.type, event.time.value) == ("trial", "2026-07-14")
    assert event.actors == ["federal judge"]
    protest = by_trigger("Protesters on Tuesday blocked the road to the court.", "2026-07-15")
    assert protest["blocked"].type == "other"


def test_a_vague_past_reference_dates_its_clause_on_no_day() -> None:
    text = "He joined the academy in 2013 and scored 40 goals last season."
    events = by_trigger(text, "2026-08-30")
    assert events["joined"].time.value == "2013"
    assert events["scored"].time is None  # not 2013, nor a calendar spring
    assert "last season" in (events["scored"].reason or "")
    text = "The club signed him in 2013. He recently scored 40 goals."
    assert by_trigger(text, "2026-08-30")["scored"].time is None


def test_people_from_named_places_are_one_actor() -> None:
    text = "Negotiators from Israel and Hamas resumed indirect talks in Cairo on Tuesday."
    event = by_trigger(text, "2026-04-15")["resumed"]
    assert event.actors == ["Negotiators from Israel and Hamas"]


def test_elected_to_an_office_is_no_choice_to_act() -> None:
    text = "He was first elected to the Senate in 1982, defeating the incumbent by 5,000 votes."
    events = by_trigger(text, "2026-01-12")
    assert (events["elected"].type, events["elected"].time.value) == ("personnel", "1982")
    assert "votes" not in events  # a noun after a number
    assert "declined" not in by_trigger("The company declined to comment on Monday.", "2026-01-12")


def test_a_clause_after_the_date_is_no_object() -> None:
    text = "He retired in 2001 and later taught at Georgetown."
    event = by_trigger(text, "2026-01-12")["retired"]
    assert event.targets == []
    assert event.title == "He retires"


def test_a_hyphenated_adjective_in_ed_opens_no_reported_clause() -> None:
    text = "Microsoft reported a better-than-expected rise in quarterly profit on Wednesday."
    event = by_trigger(text, "2026-10-29")["reported"]
    assert (event.time.value, event.actors) == ("2026-10-28", ["Microsoft"])


def test_a_plan_reported_in_a_dated_statement_takes_neither_date() -> None:
    text = (
        "Microsoft reported higher profit on Wednesday.\n\n"
        "In July, the company announced it would cut about 9,000 jobs.\n\n"
        "The company said on Wednesday it would close two offices."
    )
    events = by_trigger(text, "2026-10-29")
    assert events["announced"].time.value == "2026-07"
    assert "cut" not in events  # not today's plan, nor July's
    assert events["said"].time.value == "2026-10-28"
    assert "close" not in events  # not next Wednesday: the Wednesday is the saying's
    planned = by_trigger("The company said it would cut 9,000 jobs next year.", "2026-10-29")
    assert planned["cut"].time.value == "2027"


def test_an_offset_from_a_date_reaches_past_an_attribution() -> None:
    text = (
        "Negotiators resumed indirect talks in Cairo on Tuesday, Egyptian officials said, "
        "a day after Israeli airstrikes killed at least 30 people in southern Gaza."
    )
    assert by_trigger(text, "2026-04-15")["killed"].time.value == "2026-04-13"


def test_a_fiscal_quarter_told_with_its_last_day_is_the_calendar_quarter() -> None:
    text = "Net income rose to $27.7 billion in the fiscal first quarter, which ended Sept. 30."
    assert by_trigger(text, "2026-10-29")["rose"].time.value == "2026-Q3"
    text = "For the quarter ended Sept. 30, Delta posted net income of $133.1 million."
    event = by_trigger(text, "1989-10-27")["posted"]
    assert (event.time.value, event.time.earliest.isoformat()) == ("1989-Q3", "1989-07-01")
    assert "ended" not in by_trigger("The second quarter ended Oct. 31, 1988.", "1989-11-02")


def test_the_same_quarter_a_year_ago_dates_no_later_news() -> None:
    text = (
        "Columbia said its third-quarter loss widened on Thursday.\n\n"
        "For the quarter a year ago, Columbia reported earnings of $16.3 million. "
        "Columbia announced the results after the close of the stock market."
    )
    events = by_trigger(text, "1989-10-27")
    assert events["reported"].time.value == "1988-Q3"
    assert events["announced"].time.value != "1988-Q3"


def test_reaching_an_agreement_is_one_and_reaching_none_is_not() -> None:
    text = "Boeing has reached an agreement with the Justice Department to avoid a trial."
    event = by_trigger(text, "2026-05-20")["reached"]
    assert (event.type, event.actors) == ("agree", ["Boeing"])
    text = "Di Giorgio said it is continuing talks but has reached no agreement on any deals."
    assert "reached" not in by_trigger(text, "1989-10-27")


def test_a_trailing_attribution_does_not_make_a_plan_past() -> None:
    text = (
        "Spotify will raise the price of its premium plan in the United States to $12.99 "
        "a month starting in October, the company said on Monday."
    )
    event = by_trigger(text, "2026-09-15")["raise"]
    assert (event.status, event.time.value) == (EventStatus.planned, "2026-10")


def test_a_headline_passive_before_ahead_and_an_ordered_complement() -> None:
    events = by_trigger("Opposition leader jailed ahead of vote", "2026-03-30")
    assert (events["jailed"].actors, events["jailed"].targets) == ([], ["Opposition leader"])
    text = "A Turkish court on Sunday ordered Istanbul Mayor Ekrem Imamoglu jailed pending trial."
    jailed = by_trigger(text, "2026-03-30")["jailed"]
    assert (jailed.time.value, jailed.targets) == ("2026-03-29", ["Ekrem Imamoglu"])


def test_a_holiday_weekend_dates_what_happened_over_it() -> None:
    text = (
        "Flash floods tore through central Texas over the Fourth of July weekend, killing at "
        "least 80 people, officials said on Monday."
    )
    events = by_trigger(text, "2026-07-08")
    assert events["tore"].time.value == "2026-W27-WE"
    assert events["tore"].actors == ["Flash floods"]  # not "floods" as a verb
    assert events["said"].time.value == "2026-07-06"


def test_naming_someone_as_a_post_after_an_appositive() -> None:
    text = (
        "Pope Francis on Monday named Cardinal Robert McElroy, the bishop of San Diego, as "
        "the new archbishop of Washington."
    )
    event = by_trigger(text, "2026-02-02")["named"]
    assert (event.type, event.time.value, event.actors) == (
        "personnel",
        "2026-02-02",
        ["Pope Francis"],
    )


def test_verbs_joined_in_one_sentence_are_two_events_unless_they_count_harm() -> None:
    from timeline.merge import merge_events

    text = (
        "President Trump signed a federal disaster declaration on Sunday and said he would "
        "visit the area.\n\n"
        "Two developers pleaded guilty last year and testified against him.\n\n"
        "Hezbollah fighters killed three Israeli soldiers on Sunday and wounded six others."
    )
    merged = merge_events(events_of(text, "2026-07-08"))
    triggers = sorted(sorted(m.trigger or "" for m in event.mentions) for event in merged)
    assert ["signed"] in triggers and ["said"] in triggers
    assert ["pleaded"] in triggers and ["testified"] in triggers
    assert ["killed", "wounded"] in triggers


def test_a_company_s_shares_are_not_the_company() -> None:
    from timeline.merge import merge_events

    text = (
        "Spotify raises prices in U.S. for second time in a year\n\n"
        "Shares of Spotify rose 3% on Monday."
    )
    merged = merge_events(events_of(text, "2026-09-15"))
    assert len(merged) == 2


def test_agreeing_early_on_a_day_to_do_something() -> None:
    text = (
        "Negotiators at the climate summit agreed early on Sunday to triple financing for "
        "developing countries."
    )
    event = by_trigger(text, "2026-11-22")["agreed"]
    assert (event.type, event.time.value, event.actors) == ("agree", "2026-11-22", ["Negotiators"])


def test_a_verb_joined_to_a_relative_clause_shares_its_antecedent() -> None:
    text = (
        "Prosecutors on Wednesday charged a man with murder in a shooting at a Denver mall that "
        "killed two people and wounded four over the weekend."
    )
    wounded = by_trigger(text, "2026-04-02")["wounded"]
    assert wounded.actors and "Prosecutors" not in wounded.actors
    assert wounded.actors[0].startswith("shooting")


def test_hours_after_a_clause_is_the_same_day() -> None:
    text = (
        "Israeli jets struck Hezbollah targets in southern Lebanon on Tuesday, hours after the "
        "group fired dozens of rockets at northern Israel, the Israeli military said."
    )
    events = by_trigger(text, "2026-02-25")
    assert (events["struck"].type, events["struck"].time.value) == ("assault", "2026-02-24")
    assert events["fired"].time.value == "2026-02-24"  # not the publication day


def test_a_noun_in_s_after_a_plural_noun_and_a_dateline_in_capitals() -> None:
    text = (
        "BUENOS AIRES — A court on Tuesday sentenced Cristina Kirchner to six years for fraud "
        "involving public works contracts in her home province.\n\n"
        "She was convicted in December 2022."
    )
    events = by_trigger(text, "2026-09-09")
    assert "contracts" not in events
    assert events["convicted"].targets != ["BUENOS AIRES"]


def test_a_party_saying_it_will_appeal_is_the_news_day_s_reaction() -> None:
    text = (
        "A federal judge on Tuesday blocked the merger.\n\n"
        'Harvest Foods said it was "deeply disappointed" and would appeal the decision.\n\n'
        "Reyes said the ruling surprised him."
    )
    events = by_trigger(text, "2026-07-15")
    said = [e for e in events_of(text, "2026-07-15") if e.mentions[0].trigger == "said"]
    assert [e.actors for e in said] == [["Harvest Foods"]]  # the lone "said" stays off
    assert said[0].time.value == "2026-07-15"
    assert events["blocked"].time.value == "2026-07-14"
