"""Headlines: actor + verb in headline tense + object, at most ~90 characters.

"Canada has imposed sanctions on four senior Chinese officials for what Ottawa describes..."
becomes "Canada imposes sanctions on four senior Chinese officials": present tense for what
happened, `to` + verb for what is planned, a bare participle for passives ("Michael Spavor and
Michael Kovrig detained"). Articles are dropped, titles before names removed, the object cut
at a word boundary without a dangling function word.
"""

from __future__ import annotations

import re

from timeline.events.clause import PREPOSITIONS
from timeline.events.detect import SCHEDULED_PARTICIPLES, Detection
from timeline.events.lexicon import inflect
from timeline.events.names import word_sets
from timeline.models import EventStatus

MAX_TITLE = 90
ARTICLES = frozenset({"a", "an", "the", "its", "their"})
#: Units after the "a" of a rate, which stays ("barrels a day", "$500 a year").
RATE_UNITS = frozenset({"day", "week", "month", "year", "hour", "share", "barrel", "head"})
COLLECTIVE_PLURALS = frozenset({"police", "people", "staff", "clergy"})
#: Plurals without -s, and the endings of compounds of them ("gunmen", "servicewomen").
IRREGULAR_PLURALS = frozenset({"men", "women", "children", "mice", "geese", "feet", "teeth"})
IRREGULAR_PLURAL_ENDINGS = (
    *("gunmen", "policemen", "fishermen", "firemen", "servicemen", "businessmen", "women"),
    *("congressmen", "tribesmen", "spokesmen", "militiamen", "chairmen", "crewmen"),
    *("guardsmen", "lawmen", "linemen", "countrymen", "clansmen", "horsemen", "workmen"),
)
#: Endings of plural nouns ("militants", "analysts", "rebels", "troops"; not "Brussels").
PLURAL_ENDINGS = (
    *("ians", "ans", "sts", "ives", "ers", "ors", "ees", "ents", "ies"),
    *("ants", "ats", "bels", "ops", "kets", "ares"),
    *("ashes", "ches", "ights", "ikes"),  # "Clashes", "Marches", "Fights", "Strikes"
    *("urses", "nesses", "ouses"),  # "Nurses", "Witnesses", "Businesses", "Spouses"
)
#: Prepositions after the head noun of an actor phrase.
HEAD_ENDING_PREPOSITIONS = frozenset(
    {"of", "in", "around", "at", "from", "across", "on", "for", "with", "near"}
)
DANGLING = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "but",
        "with",
        "by",
        "from",
        "as",
        "that",
        "which",
        "who",
        "its",
        "their",
        "his",
        "her",
        "against",
        "shortly",
        "soon",
        "starting",
        "beginning",
        "other",
        "about",
        "over",
        "into",
        "is",
        "are",
        "was",
        "were",
        "-",
        "–",
        "than",
        "least",
        "being",
        "having",
        "after",
        "before",
        "while",
        "during",
        "until",
        "between",
        "without",
        "despite",
    }
)
QUOTES = re.compile(r"[“”\"‘]|(?<!\w)’|’(?!\w)")


def verb_forms(detection: Detection) -> tuple[str, str, str]:
    """Base, third-person present and past participle of the trigger's verb (with particle)."""
    row = detection.row
    forms = inflect(row.lemma)
    forms.update(row.forms)
    particle = detection.particle
    base, third, participle = row.lemma, forms["third"], forms["participle"]
    if detection.generic:
        third = detection.trigger.text  # an out-of-lexicon verb keeps its past tense
        if third.endswith("ing"):
            third = f"has been {third}"  # a continuing activity: "has been fighting cancer"
    if particle:
        base, third, participle = (f"{word} {particle}" for word in (base, third, participle))
    return base, third, participle


def _strip_titles(words: list[str]) -> list[str]:
    """Drop lowercase person titles and articles right before a capitalized name, and a name
    that only qualifies those titles ("Minneapolis police officer Derek Chauvin": Derek
    Chauvin)."""
    titles, demonyms = word_sets()[0], word_sets()[1]
    kept: list[str] = []  # from the last word back
    after_title = False  # the word read just before (to the right) was a dropped title
    for word in reversed(words):
        following = kept[-1] if kept else ""
        rate = word in {"a", "an"} and following.lower() in RATE_UNITS
        if word.lower() in ARTICLES and word.islower() and not rate:
            after_title = False
            continue  # not the "a" of a rate ("1.2 million barrels a day")
        before_name = following[:1].isupper() and following.lower() not in demonyms
        if word.islower() and word in titles and (before_name or after_title):
            after_title = True
            continue
        qualifier = word[:1].isupper() and word[-1].isalnum()
        if after_title and qualifier:
            continue  # the place or body the title belongs to
        after_title = False
        kept.append(word)
    kept.reverse()
    return kept


#: Words that open an amount with `than` ("more than 500,000").
AMOUNT_STARTS = frozenset({"more", "less", "fewer"})
#: Lower-case words inside a name ("Securities and Exchange Commission").
NAME_CONNECTORS = frozenset({"and", "of", "&", "for", "de", "du", "da", "do"})
#: The longest start of a name a cut title drops; a longer one names enough.
MAX_DROPPED_NAME_WORDS = 3


def without_name_start(words: list[str]) -> list[str]:
    """The words without a short capitalized run at their end, the start of a name the cut
    broke ("on New York Stock", "by Securities and Exchange", "Nabisco Inc.'s Del"); a run
    after a comma ends nothing ("chancellor of the Exchequer,") and a long one stays
    ("Blackstone Capital Partners Limited")."""
    run = len(words)
    while run > 0:
        word = words[run - 1]
        if word[-1] in ",;:" or (run < len(words) and word.endswith(("'s", "’s"))):
            break
        if not word[:1].isupper() and word not in NAME_CONNECTORS:
            break
        run -= 1
    while run < len(words) and words[run] in NAME_CONNECTORS:
        run += 1  # "and Exchange": the run starts with a capital
    if run == len(words) or len(words) - run > MAX_DROPPED_NAME_WORDS or run < 2:
        return words
    kept = words[:run]
    if kept[-1].endswith(("'s", "’s")):
        kept[-1] = kept[-1][:-2]  # "of RJR Nabisco Inc.'s [Del Monte]": the owner
    return kept


def shorten(text: str, limit: int = MAX_TITLE) -> str:
    """Cut at a word boundary within `limit`, without a dangling function word."""
    words = text.split()
    cut: list[str] = []
    while words and len(" ".join(words)) > limit:
        cut.append(words.pop())
    if cut and cut[-1][:1].isupper():
        words = without_name_start(words)  # "at United [Nations]": not half a name
    if cut and (cut[-1] == "than" or words[-1:] == ["than"]):
        while len(words) > 2 and words[-1] in {"than", *AMOUNT_STARTS}:
            words.pop()  # "genocide of more than [500,000]": not half an amount
    while len(words) > 2 and (
        words[-1].lower() in DANGLING
        or words[-1].endswith(",")
        or (words[-1] == "again" and words[-2] in {"and", "or"})  # "in 2001 and again [in 2014]"
        or (words[-1].endswith("ing") and words[-2].endswith(","))  # "in Sevastopol, killing"
    ):
        if words[-1].endswith(",") and words[-1].lower().rstrip(",") not in DANGLING | {""}:
            words[-1] = words[-1].rstrip(",")
            break
        if words.pop() == "by" and len(words) > 3 and is_bare_participle(words[-1]):
            words.pop()  # "vaccine developed [by Pfizer]": no participle without its agent
    return " ".join(words)


def is_bare_participle(word: str) -> bool:
    """Whether a lower-case word is a regular past participle ("developed")."""
    return word.islower() and word.endswith("ed") and len(word) > 4


#: Numbers heading a subject before "of" ("Four of the board members", "Many of them").
COUNT_WORDS = frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens"}
    | {"many", "most", "some", "several", "all", "both", "few", "hundreds", "thousands"}
)


def is_name_with_and(words: list[str]) -> bool:
    """Whether words joined by "and" are one capitalized name ("Food and Drug
    Administration"), not two actors (split apart before) or a phrase cut after "and"."""
    return (
        len(words) >= 3
        and words[0] != "and" != words[-1]
        and all(word[:1].isupper() for word in words if word != "and")
    )


def is_plural(actors: list[str]) -> bool:
    """Whether the actors take a plural verb ("Conservatives urge", "China and Russia meet")."""
    if len(actors) > 1:
        return True
    if not actors:
        return False
    words = actors[0].split()
    head = next(
        (i for i, word in enumerate(words) if i and word in HEAD_ENDING_PREPOSITIONS), len(words)
    )  # "Stock markets around the world", "Shares of GM": the noun before the preposition
    last = words[head - 1]
    if " and " in f" {actors[0]} " and not is_name_with_and(words):
        return True
    if head == 1 < len(words) and (last.isdigit() or last.lower() in COUNT_WORDS):
        return True  # "Four of the company's board members resign"
    if head < len(words) and last[:1].isupper() and head == 1:
        last = last.lower()  # "Shares of GM" opening the sentence: a common noun
    if last.lower() in COLLECTIVE_PLURALS or last.lower() in COMMON_PLURAL_STARTS:
        return True
    if last.lower() in IRREGULAR_PLURALS or last.lower().endswith(IRREGULAR_PLURAL_ENDINGS):
        return True  # "Gunmen storm", "Women march"; not "Yemen launches"
    if not last.endswith("s") or last.endswith("ss") or last.lower() in {"us", "news", "states"}:
        return False
    capitalized_name = head == len(words) > 1 and all(word[:1].isupper() for word in words)
    if capitalized_name and (words[0].lower() in word_sets()[0] or last.endswith("ers")):
        return False  # "Mr Wilders", "Geert Wilders", "Bernie Sanders": a person
    if last.lower() in word_sets()[1]:
        return True  # "Britons vote", "Canadians": a people
    return last.islower() or last.lower().endswith(PLURAL_ENDINGS)


def _reported(clause: str) -> str:
    """A reported clause as a headline's object, without a leading article and with a first
    word that is not a name in lower case ("The talks failed" -> "talks failed"; "Cyprus
    will" stays)."""
    first, _, rest = clause.partition(" ")
    if first.lower() in ARTICLES_AND_DETERMINERS:
        first, _, rest = rest.partition(" ")
    if not first or not rest:
        return ""
    if first.lower() in COMMON_CLAUSE_STARTS:
        first = first.lower()
    return f"{first} {rest}"


ARTICLES_AND_DETERMINERS = frozenset({"the", "a", "an"})
#: Plural common nouns that often open a sentence, capitalized ("Sales rose").
COMMON_PLURAL_STARTS = frozenset(
    {"prices", "talks", "banks", "sales", "shares", "profits", "officials", "police"}
    | {"thousands", "hundreds", "dozens", "millions", "scores"}
)
#: Capitalized first words of a reported clause that are not names.
COMMON_CLAUSE_STARTS = frozenset(
    {"it", "this", "that", "these", "those", "there", "we", "they", "he", "she", "i"}
    | COMMON_PLURAL_STARTS
    | {"another", "some", "many", "most", "all", "both", "no", "one", "dozens", "hundreds"}
    | {"at", "more", "about", "nearly", "almost", "over", "up", "only", "thousands"}
)


def is_schedule_state(detection: Detection) -> bool:
    """Whether a planned passive tells what is already set ("is scheduled for January"),
    not what will be done ("will be sentenced")."""
    return detection.tense == "present" and detection.trigger.lower in SCHEDULED_PARTICIPLES


def headline(
    detection: Detection, actors: list[str], targets: list[str], status: EventStatus
) -> str:
    """A headline naming actor, action and object."""
    base, third, participle = verb_forms(detection)
    actor = " and ".join(actors[:2])
    object_words = _strip_titles(QUOTES.sub("", detection.object_text).split())
    obj = " ".join(object_words)
    if (
        (not obj or obj.split()[0].lower() in PREPOSITIONS - {"to"})
        and actors
        and not detection.participial
        and (detection.row.speech or detection.type == "statement")
    ):
        # "Banks will stay shut, the bank said [in a statement]", "said in an interview that
        # he would never return": what was said
        obj = _reported(detection.reported_before) or _reported(detection.reported_after) or obj
    if detection.nominal:
        target = " and ".join(targets[:2]) or obj
        noun = detection.row.lemma if detection.row.pos == "noun" else detection.trigger.text
        text = f"{actor} {third} {target}" if actor else f"{noun} of {target}"  # "Death of X"
    elif detection.passive:
        subject = " and ".join(targets[:2]) or detection.subject
        by_actor = f" by {actor}" if actor else ""
        planned = status is EventStatus.planned and not is_schedule_state(detection)
        verb = f"to be {participle}" if planned else participle  # not "to be scheduled"
        text = f"{subject} {verb}{by_actor} {obj}"
    elif status is EventStatus.planned:
        text = f"{actor} to {base} {obj}"
    else:
        verb = base if is_plural(actors) and not detection.generic else third
        text = f"{actor} {verb} {obj}"
    text = " ".join(QUOTES.sub("", text).split()).replace(" , ", ", ")  # "7-6 (5), 6-3"
    text = shorten(text)
    if text[:1].islower() and text[1:2].isupper():
        return text  # "iPhone 4 slated", "eBay buys": a name written so
    return text[:1].upper() + text[1:]
