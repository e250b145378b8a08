"""Rules found reading fresh wire-style business and technology articles (product launches,
groundings, recalls, market crashes, air shows, patent verdicts, bankruptcies, resignations,
share offerings, airline mergers), end to end through the segmenter and the tagger."""

from __future__ import annotations

from tests.events.pipeline_helpers import by_trigger, events_of
from timeline.models import EventStatus


def test_an_order_to_act_is_a_request_and_a_grounded_fleet_a_business_event() -> None:
    text = (
        "The Federal Aviation Administration (FAA) on Wednesday ordered airlines to stop "
        "flying the 787 until the risk of battery fires is addressed.\n\n"
        "Japan Airlines grounded its fleet of 787 jets on Wednesday."
    )
    events = by_trigger(text, "2013-01-17")
    ordered, grounded = events["ordered"], events["grounded"]
    assert (ordered.type, ordered.time.value) == ("request", "2013-01-16")
    assert ordered.actors == ["Federal Aviation Administration"]
    assert (grounded.type, grounded.time.value, grounded.actors) == (
        "business",
        "2013-01-16",
        ["Japan Airlines"],
    )


def test_ordering_online_is_no_order_given() -> None:
    events = by_trigger("Customers who ordered online on Monday waited.", "2013-01-17")
    assert "ordered" not in events or events["ordered"].type != "request"


def test_a_descriptor_before_a_name_is_no_actor() -> None:
    text = (
        "Malaysian low-cost carrier AirAsia agreed on Thursday to buy 200 A320neo jets.\n\n"
        "Rival Boeing took orders for 142 planes at the show on Friday.\n\n"
        "South Korean firm Samsung unveiled a phone on Monday."
    )
    events = by_trigger(text, "2011-06-21")
    assert events["agreed"].actors == ["AirAsia"]
    assert (events["took"].actors, events["took"].type) == (["Boeing"], "business")
    assert events["unveiled"].actors == ["Samsung"]
    both = by_trigger("Apple and its rival Samsung unveiled phones on Monday.", "2011-06-21")
    assert both["unveiled"].actors == ["Apple", "Samsung"]


def test_a_region_after_a_place_is_part_of_the_subject() -> None:
    text = (
        "A jury in San Jose, California, ruled on Friday that Samsung Electronics had infringed "
        "six of Apple's patents and awarded Apple $1.05 billion in damages."
    )
    events = by_trigger(text, "2012-08-25")
    assert events["ruled"].actors == ["jury"]
    awarded = events["awarded"]
    assert (awarded.actors, awarded.time.value) == (["jury"], "2012-08-24")  # ruled's Friday
    based = "The company, based in Austin, Texas, sold the unit on Monday."
    assert by_trigger(based, "2012-08-25")["sold"].actors == ["company"]
    judge = "A judge in Miami, Florida, on Monday sentenced him to 10 years in prison."
    assert by_trigger(judge, "2012-08-25")["sentenced"].actors == ["judge"]


def test_a_verb_joined_to_a_dated_one_does_not_take_a_date_across_an_adverbial_clause() -> None:
    text = (
        "The bombings on Aug. 7 killed 259 people, including 12 Americans, and injured more "
        "than 5,500."
    )
    assert by_trigger(text, "1998-09-30")["injured"].time.value == "1998-08-07"


def test_a_schedule_told_in_the_present_is_planned() -> None:
    text = "Apple unveiled the iPhone 5 on Wednesday.\n\nPre-orders begin on Friday."
    begin = by_trigger(text, "2012-09-13")["begin"]
    assert (begin.status, begin.time.value) == (EventStatus.planned, "2012-09-14")
    assert begin.title == "Pre-orders to begin"
    opens = by_trigger("Apple opens a new store in Paris on Saturday.", "2012-09-13")["opens"]
    assert (opens.status, opens.time.value) == (EventStatus.planned, "2012-09-15")
    bound = "The fiscal year ends Sept. 30. The offer is set to begin on Monday."
    assert "ends" not in by_trigger(bound, "2012-09-13")


def test_money_raised_is_a_business_event_without_a_demonym_target() -> None:
    text = "The company raised $16 billion in its initial public offering on Friday."
    raised = by_trigger(text, "2012-05-19")["raised"]
    assert (raised.type, raised.time.value) == ("business", "2012-05-18")
    text = "Rogers Communications Inc. raised 180 million Canadian dollars on Monday."
    assert by_trigger(text, "1989-11-02")["raised"].targets == []
    split = "The split will raise the number of shares outstanding to about 10.2 million."
    assert "raise" not in by_trigger(split, "1989-11-02")  # no money raised


def test_named_to_replace_is_an_appointment() -> None:
    text = (
        "Steve Jobs resigned as chief executive of Apple on Wednesday.\n\n"
        "Tim Cook, the company's chief operating officer, was named to replace him."
    )
    named = by_trigger(text, "2011-08-25")["named"]
    assert (named.type, named.targets) == ("personnel", ["Tim Cook"])
    assert named.time.value == "2011-08-24"


def test_a_gerund_of_a_row_needing_an_object_does_not_cut_the_title() -> None:
    text = "Mr. Gore called on Israel on Friday to continue taking risks for peace."
    (event,) = events_of(text, "1998-05-01")
    assert "taking risks" in event.title


def test_a_demonym_before_a_title_leaves_the_headline_with_it() -> None:
    text = "Real Madrid signed Portuguese striker Goncalo Ramos from Benfica on Saturday."
    assert by_trigger(text, "2026-08-30")["signed"].title.startswith(
        "Real Madrid signs Goncalo Ramos"
    )


def test_a_relative_clause_after_a_name_ending_in_a_verb_form_has_that_name_as_actor() -> None:
    text = "Airbus announced orders at the Paris Air Show, which ended on Sunday."
    assert by_trigger(text, "2011-06-21")["ended"].actors == ["Paris Air Show"]
    text = "The show, which began on Sunday, drew record crowds."
    assert by_trigger(text, "2011-06-21")["began"].actors == ["show"]


def test_a_present_perfect_in_a_later_paragraph_is_the_news_of_the_day() -> None:
    text = (
        "A huge fire swept through Notre-Dame cathedral in Paris on Monday evening.\n\n"
        "The cathedral, completed in 1345, was undergoing renovation work. Prosecutors have "
        "opened an investigation."
    )
    opened = by_trigger(text, "2019-04-16")["opened"]
    assert (opened.type, opened.time.value) == ("investigate", "2019-04-16")
    text = (
        "NATO was founded in Washington in April 1949.\n\n"
        "Its first secretary general was appointed in 1952.\n\n"
        "West Germany joined the alliance in 1955.\n\n"
        "The summit was long. The alliance has expanded three times before."
    )
    assert "expanded" not in by_trigger(text, "1999-03-12")  # an experience, on no one day


def test_the_since_of_a_superlative_dates_nothing_after_it() -> None:
    text = (
        "Britain voted to leave the European Union on Thursday.\n\n"
        "Turnout was 72.2 per cent, the highest in a UK-wide vote since the 1992 general "
        "election. Scotland and Northern Ireland voted to remain."
    )
    remain = [e for e in events_of(text, "2016-06-25") if "remain" in e.title]
    assert all(event.time is None or event.time.value != "1992" for event in remain)


def test_a_when_clause_after_a_since_date_happened_then_and_is_background() -> None:
    text = "It was the worst earthquake to hit Nepal since 1934, when some 8,500 people died."
    assert by_trigger(text, "2015-04-26")["died"].time.value == "1934"
    text = (
        "The price of Columbia shares has been cut nearly in half since August, when they "
        "traded at about $10. Columbia officials also said the thrift faces no problems."
    )
    events = by_trigger(text, "1989-10-26")
    assert events["traded"].time.value == "1989-08"
    said = events.get("said")  # the August trade dates nothing after it
    assert said is None or said.time is None or said.time.value != "1989-08"


def test_a_headline_keeps_the_article_of_a_rate_and_no_dangling_between() -> None:
    text = "OPEC agreed on Wednesday to cut oil production by 1.2 million barrels a day."
    assert by_trigger(text, "2016-11-30")["agreed"].title.endswith("barrels a day")
    text = "The company said the breach took place between mid-May and July."
    assert not by_trigger(text, "2017-09-08")["took"].title.endswith("between")


def test_a_plural_after_a_phrasal_verb_particle_is_its_object() -> None:
    text = "The court ruled on Friday, striking down bans in 14 states."
    assert "bans" not in by_trigger(text, "2015-06-27")


def test_a_place_between_a_verb_and_its_particle_keeps_the_verb_in_the_lexicon() -> None:
    text = "OPEC members agreed in Vienna on Wednesday to cut oil production."
    agreed = by_trigger(text, "2016-11-30")["agreed"]
    assert (agreed.type, agreed.time.value) == ("agree", "2016-11-30")
    assert agreed.title == "OPEC members agree to cut oil production"


def test_a_clock_time_in_local_time_leaves_no_fragment_in_the_headline() -> None:
    text = "The quake hit at 11:56 local time on Saturday, about 80 km from the city."
    assert by_trigger(text, "2015-04-26")["hit"].title == "Quake hit"


def test_a_particle_or_an_adverb_after_the_verb_is_no_target() -> None:
    text = "In June 2013 the court struck down a key part of the Defense of Marriage Act."
    assert by_trigger(text, "2015-06-27")["struck"].targets == ["key part"]
    text = "Gareth Bale came off the bench on Saturday to score twice."
    assert by_trigger(text, "2018-05-27")["score"].targets == []
    text = "The company said on Monday it will buy back up to one million shares."
    assert by_trigger(text, "1989-10-30")["buy"].targets == []
