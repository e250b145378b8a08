"""Headlines: actor + verb in headline tense + object, within ~90 characters."""

from __future__ import annotations

import pytest

from timeline.events.detect import detect
from timeline.events.headline import headline, is_plural, shorten


@pytest.mark.parametrize(
    ("sentence", "trigger", "title"),
    [
        (
            "Canada has imposed sanctions on four senior Chinese officials for what Ottawa "
            "describes as abuses.",
            "imposed",
            "Canada imposes sanctions on four senior Chinese officials",
        ),
        (
            "The Conservatives’ move comes after former Secretary of State Mike Pompeo "
            "officially declared that the CCP is perpetrating genocide.",
            "declared",
            "Mike Pompeo declares CCP is perpetrating genocide",
        ),
        (
            "It all started when the CCP locked up two Canadians, former diplomat Michael "
            "Kovrig and businessman Michael Spavor, in apparent retaliation.",
            "locked",
            "CCP locks up two Canadians, Michael Kovrig and Michael Spavor",
        ),
        (
            "The alliance will submit a joint statement to the council.",
            "submit",
            "Alliance to submit joint statement to council",
        ),
        (
            "The iPhone maker sold 47.8 million iPhones in the quarter.",
            "sold",
            "iPhone maker sells 47.8 million iPhones in quarter",
        ),
        (
            "The newspaper reported that China had hit back with sanctions.",
            "hit",
            "China hits back with sanctions",
        ),
        (
            "Parliamentarians also accused the council of failing to end impunity.",
            "accused",
            "Parliamentarians accuse council of failing to end impunity",
        ),
        (
            "A jury convicted former Minneapolis police officer Derek Chauvin of murder.",
            "convicted",
            "Jury convicts Derek Chauvin of murder",
        ),
    ],
)
def test_headline_names_actor_action_object(sentence: str, trigger: str, title: str) -> None:
    detection = next(d for d in detect(sentence) if d.trigger.text == trigger)
    assert headline(detection, detection.actors, detection.targets, detection.status) == title


def test_shorten_cuts_at_a_word_without_dangling_function_word() -> None:
    text = (
        "House of Commons votes to declare China committing genocide against Uighurs "
        "and other Turkish Muslims"
    )
    short = shorten(text, 80)
    assert len(short) <= 80
    assert short == "House of Commons votes to declare China committing genocide against Uighurs"


def test_shorten_does_not_cut_a_name_in_half() -> None:
    text = "Alliance to submit request to Council of Human Rights at the United Nations in Geneva"
    assert shorten(text, 70) == "Alliance to submit request to Council of Human Rights"
    assert shorten(text, 90) == text
    antar = "Antar charged in civil suit filed in Newark by Securities and Exchange Commission"
    assert shorten(antar, 75) == "Antar charged in civil suit filed in Newark"
    peck = "Polly Peck plans to acquire fruit business of RJR Nabisco Inc.'s Del Monte unit"
    assert shorten(peck, 70) == "Polly Peck plans to acquire fruit business of RJR Nabisco Inc."
    apple = "Apple settles trademark dispute with Beatles' record company , Apple Corps"
    assert shorten(apple, 72) == "Apple settles trademark dispute with Beatles' record company"
    genocide = "Union says it would investigate genocide of more than 500,000 Tutsis"
    assert shorten(genocide, 60) == "Union says it would investigate genocide"
    assert shorten("GM sought clearance to purchase more shares", 36) == (
        "GM sought clearance to purchase more"
    )
    strike = "Ukraine says a missile strike hit the fleet's headquarters in Sevastopol, killing 34"
    assert (
        shorten(strike, 80)
        == "Ukraine says a missile strike hit the fleet's headquarters in Sevastopol"
    )
    flu = "Officials say a worker has tested positive for bird flu after being exposed to cattle"
    assert shorten(flu, 68) == "Officials say a worker has tested positive for bird flu"
    # a long start names enough; a name closed by a comma is whole
    long_name = "CNW agrees to be acquired by investors led by Blackstone Capital Partners Limited"
    assert shorten(f"{long_name} Partnership", 85) == long_name
    assert (
        shorten("Dollar soars after resignation of chancellor of the Exchequer, Nigel Lawson", 70)
        == "Dollar soars after resignation of chancellor of the Exchequer"
    )


@pytest.mark.parametrize(
    ("actors", "plural"),
    [
        (["Conservatives"], True),
        (["Canada"], False),
        (["United States"], False),
        (["China", "Russia"], True),
        (["practitioners of Falun Dafa"], True),
        (["Rebels"], True),
        (["Troops"], True),
        (["Militants"], True),
        (["Democrats"], True),
        (["Brussels"], False),
        (["Sales"], True),
        (["Geert Wilders"], False),
        (["Mr Wilders"], False),
        (["Free Democrats"], True),
        (["Shares"], True),
    ],
)
def test_verb_agreement(actors: list[str], plural: bool) -> None:
    assert is_plural(actors) is plural


def test_a_name_qualifying_a_title_is_not_a_target() -> None:
    sentence = "A jury convicted former Minneapolis police officer Derek Chauvin of murder."
    detection = next(d for d in detect(sentence) if d.trigger.text == "convicted")
    assert detection.targets == ["Derek Chauvin"]


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Rebels attacked the town early on Wednesday.", "Wednesday"),
        ("Rebels attacked the town late Friday.", "Friday"),
    ],
)
def test_a_word_qualifying_the_date_goes_with_it(sentence: str, date: str) -> None:
    start = sentence.index(date)
    detection = next(d for d in detect(sentence, [(start, start + len(date))]))
    assert detection.object_text == "the town"
