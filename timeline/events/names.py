"""Names as written: people, organisations, countries and places in a span of tokens.

Capitalized runs make names; `of`, `for`, `the` join them, and `in`, `on`, `and` join them
inside organisation names ("Coalition on Human Rights in China"). Person titles before a name
are stripped ("former Secretary of State Mike Pompeo" -> "Mike Pompeo"); demonyms alone
("Chinese", "Canadians") are not names.
"""

from __future__ import annotations

from functools import lru_cache

from timeline.events.lexicon import name_tables
from timeline.events.tokens import Token, lower_words, tokens_of

ALWAYS_JOIN = frozenset(
    {"of", "for", "de", "du", "des", "la", "le", "von", "van", "der", "den", "al", "bin", "ibn"}
    | {"da", "do", "dos", "das", "di", "del", "della"}  # "Rio Grande do Sul", "Lula da Silva"
)
ORGANISATION_JOIN = frozenset({"in", "on", "and", "&"})
#: Particles inside a person's name ("Luiz Inácio Lula da Silva", "Ursula von der Leyen").
PERSON_PARTICLES = ALWAYS_JOIN - {"of", "for"}
#: Words that may follow a joining word before the next name word.
JOIN_NEXT = frozenset({"the", "der", "den", "la", "de"})


@lru_cache(maxsize=1)
def word_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Titles, demonyms, organisation heads and words that never start a name, as sets."""
    tables = name_tables()
    return (
        frozenset(tables.titles.words),
        frozenset(tables.demonyms.words),
        frozenset(tables.organisation_heads.words),
        frozenset(tables.not_name_starts.words),
    )


@lru_cache(maxsize=1)
def descriptor_words() -> frozenset[str]:
    """Nouns that describe a company or body before its name ("rival Boeing")."""
    return frozenset(name_tables().descriptors.words)


@lru_cache(maxsize=1)
def opening_descriptor_words() -> frozenset[str]:
    """Descriptors that start no company's name ("Rival Boeing"; not "Network Rail")."""
    return frozenset(name_tables().opening_descriptors.words)


#: Compass words before a demonym ("South Korean", "North African"): still no name.
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "central"})


@lru_cache(maxsize=1)
def place_names() -> dict[str, list[tuple[str, ...]]]:
    """Gazetteer entries by first word: first word -> list of token tuples."""
    entries: dict[str, list[tuple[str, ...]]] = {}
    for place in name_tables().places.words:
        words = tuple(token.text for token in tokens_of(place))
        entries.setdefault(words[0], []).append(words)
    for candidates in entries.values():
        candidates.sort(key=len, reverse=True)
    return entries


def is_name_word(token: Token) -> bool:
    """Whether a token can be part of a name (capitalized word or acronym, not a symbol)."""
    return is_name_text(token.text)


@lru_cache(maxsize=8192)
def is_name_text(text: str) -> bool:
    """Whether a token text can be part of a name (cached: the same words recur)."""
    return text[:1].isupper() and any(char.isalnum() for char in text)


@lru_cache(maxsize=1)
def _lower_places() -> frozenset[str]:
    return frozenset(place.lower() for place in name_tables().places.words)


@lru_cache(maxsize=1)
def company_suffixes() -> frozenset[str]:
    """Words that end a company's name ("Corp.", "Inc.", "SpA")."""
    return frozenset(name_tables().company_suffixes.words)


#: How many words a person's name after a title may have.
MAX_NAME_WORDS = 4


def strip_title(words: list[str]) -> list[str]:
    """A name without the person titles before it: the words after a known title (at most
    `MAX_NAME_WORDS`: "Prime Minister Pushpa Kamal Dahal"), else the last two person-like
    words, or three with an initial (an unknown word before them may be a title).
    A company's name keeps its words ("General Motors Corp.": not a general)."""
    if words[-1].lower() in company_suffixes():
        return words
    titles, demonyms, heads, _ = word_sets()
    of_person = titled_person_before_of(words, titles, heads)
    if of_person is not None:
        return strip_title(of_person)  # "Senator Joe Manchin of West Virginia": the senator
    places = _lower_places()
    suffix: list[str] = []
    counts: list[int] = []  # name words in `suffix[i:]`, not particles ("Lula da Silva": two)
    counted = 0
    after_title = False
    for word in reversed(words):
        lower = word.lower()
        if lower in titles:
            after_title = True
            break
        if lower in demonyms or lower in heads or lower in places:
            break
        if lower in PERSON_PARTICLES and suffix and word.islower():
            suffix.insert(0, word)
            counts.insert(0, counted)
            continue
        if lower in ALWAYS_JOIN or lower in ORGANISATION_JOIN or lower == "the":
            break
        if counted == MAX_NAME_WORDS:
            break
        suffix.insert(0, word)
        counted += 1
        counts.insert(0, counted)
    if not after_title:  # an unknown word may be a title: two name words, three with an
        while suffix and counts[0] > 2 and not (len(suffix[1]) <= 2 or suffix[1].endswith(".")):
            suffix.pop(0)  # initial ("Police Superintendent Pedro Toledo", "Michael J. Fox")
            counts.pop(0)
        while suffix and counts[0] > 3:
            suffix.pop(0)
            counts.pop(0)
    counted = counts[0] if counts else 0
    while suffix and suffix[0].lower() in PERSON_PARTICLES and suffix[0].islower():
        suffix.pop(0)
    prefix = words[: len(words) - len(suffix)]
    if counted >= 2 and any(word.lower() in titles for word in prefix):
        return suffix
    return words


def titled_person_before_of(
    words: list[str], titles: frozenset[str], heads: frozenset[str]
) -> list[str] | None:
    """The words up to a titled person's name that an `of` phrase follows ("Senator Joe
    Manchin of West Virginia", "President Xi Jinping of China"), else None; not a title's
    own `of` ("Secretary of State Mike Pompeo") nor an organisation's ("Bank of America")."""
    if "of" not in words:
        return None
    before = words[: len(words) - 1 - words[::-1].index("of")]
    if len(before) < 3 or not any(word.lower() in titles for word in before):
        return None
    name = before[-2:]
    if any(
        word.lower() in titles or word.lower() in heads or not word[:1].isupper() for word in name
    ):
        return None
    return before


def _has_head(words: list[str]) -> bool:
    """Whether a word is an organisation's head, or the plural of one ("Centers")."""
    heads = word_sets()[2]
    return any(
        word.lower() in heads or (word.endswith("s") and word[:-1].lower() in heads)
        for word in words
    )


def name_runs(tokens: list[Token]) -> list[list[Token]]:
    """Runs of capitalized tokens (with joining words) that may be names."""
    runs: list[list[Token]] = []
    _, _, _, not_starts = word_sets()
    # `is_name_text` starts with the same test: most tokens are lower-case and skip the call
    name_word = [token.text[:1].isupper() and is_name_text(token.text) for token in tokens]
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if not name_word[index] or (
            token.lower in not_starts
            and not token.is_possessive
            and not (
                token.lower in NAME_QUANTITY_STARTS
                and is_numbered_name([t.text for t in tokens[index : index + 3]])
            )  # "All Nippon Airways"
        ):
            index += 1
            continue
        run = [token]
        index += 1
        while index < len(tokens) and not run[-1].is_possessive:
            current = tokens[index]
            if name_word[index]:
                run.append(current)
                index += 1
                continue
            if current.text == "." and is_abbreviated_name_part(run[-1], current):
                last = run[-1]  # "William C. Walbrecher Jr.": the period is the initial's
                run[-1] = Token(last.text + ".", last.start, current.end, last.lower + ".")
                index += 1
                continue
            lower = current.lower
            following: list[Token] = []
            look = index + 1
            while lower in ALWAYS_JOIN and look < len(tokens) and tokens[look].lower in JOIN_NEXT:
                look += 1  # "Bank of the West", "Ursula von der Leyen"
            while look < len(tokens) and name_word[look]:
                following.append(tokens[look])
                if tokens[look].is_possessive:
                    break
                look += 1
            if not following:
                break
            joins = (
                lower in ALWAYS_JOIN
                or (lower.isdigit() and len(lower) >= 3)  # "Lion Air 737 MAX", "Airbus 320 Neo"
                or (
                    lower in ORGANISATION_JOIN
                    and _has_head([t.bare for t in run] + [t.bare for t in following])
                )
            )
            if not joins:
                break
            run.extend(tokens[index:look])
            index = look
        runs.append(run)
    return runs


#: Name words a period abbreviates ("Jr.", "Sr."), besides single-letter initials.
ABBREVIATED_NAME_WORDS = frozenset({"Jr", "Sr"})


def is_abbreviated_name_part(last: Token, period: Token) -> bool:
    """Whether a period right after a run's last word ends an initial or `Jr` ("C.")."""
    text = last.text
    adjacent = period.start == last.end
    return adjacent and ((len(text) == 1 and text.isupper()) or text in ABBREVIATED_NAME_WORDS)


def clean_run(run: list[Token]) -> str | None:
    """The name a run stands for, titles stripped; None when it is not a name."""
    return clean_name(tuple(token.bare for token in run))


#: Words of quantity that may start a longer name ("All Nippon Airways", "One World Trade
#: Center").
NAME_QUANTITY_STARTS = frozenset({"all", "one", "two", "three", "first"})


def is_numbered_name(words: list[str]) -> bool:
    """Whether a word of quantity opens a name of at least two more capitalized words
    ("All Nippon Airways"; not "All three", "All Americans")."""
    return (
        words[0].lower() in NAME_QUANTITY_STARTS
        and len(words) >= 3
        and all(word[:1].isupper() and word.isalpha() for word in words[1:])
    )


@lru_cache(maxsize=4096)
def clean_name(run_words: tuple[str, ...]) -> str | None:
    """The name the words of a run stand for (cached: the same names recur in a text)."""
    _, demonyms, _, not_starts = word_sets()
    words = list(run_words)
    while words and words[0].lower() in not_starts and not is_numbered_name(words):
        words = words[1:]
    if (
        len(words) > 1
        and words[0].lower() in opening_descriptor_words()
        and words[1][:1].isupper()
        and words[-1].lower() not in company_suffixes()
    ):
        words = words[1:]  # "Rival Boeing took orders"; not "Carrier Corp", "Bank of America"
    if not words:
        return None
    words = strip_title(words)
    if len(words) == 1:
        lower = words[0].lower()
        if lower in demonyms or lower in not_starts or lower.rstrip("s") in word_sets()[0]:
            return None  # "Chinese", "Officials"
    if words[-1].lower() in demonyms and all(
        word.lower() in demonyms or word.lower() in COMPASS_WORDS for word in words
    ):
        return None  # "South Korean"
    return " ".join(words)


def names_in(tokens: list[Token]) -> list[str]:
    """Names in a span of tokens, in order, without duplicates."""
    found: list[str] = []
    for run in name_runs(tokens):
        name = clean_run(run)
        if name and name not in found:
            found.append(name)
    return found


def principal_names(tokens: list[Token]) -> list[str]:
    """`names_in`, without a name that only qualifies the title of the next one ("former
    Minneapolis police officer Derek Chauvin": Derek Chauvin, not Minneapolis)."""
    titles = word_sets()[0]
    runs = name_runs(tokens)
    if len(runs) == 1:  # most phrases hold one name: nothing qualifies another
        name = clean_run(runs[0])
        return [name] if name else []
    index_at = {token.start: index for index, token in enumerate(tokens)}
    found: list[str] = []
    for position, run in enumerate(runs):
        if position + 1 < len(runs):
            gap = tokens[index_at[run[-1].start] + 1 : index_at[runs[position + 1][0].start]]
            if gap and all(t.text.islower() and t.lower in titles for t in gap):
                continue  # "Minneapolis" in "Minneapolis police officer Derek Chauvin"
            if len(gap) == 1 and gap[0].text.islower() and gap[0].lower in descriptor_words():
                continue  # "South Korean firm Samsung", "Low-cost carrier AirAsia"
            following = runs[position + 1]
            if (
                all(t.text == "." for t in gap)
                and len(following) > 1
                and following[0].lower in titles
                and not run[-1].is_possessive  # "China's Foreign Ministry": its ministry
                and following[-1].lower not in word_sets()[2]
            ):
                continue  # "Tesla Inc. Chief Executive Elon Musk": the chief executive
        name = clean_run(run)
        if name and name not in found:
            found.append(name)
    return found


def places_in(tokens: list[Token]) -> list[str]:
    """Gazetteer places introduced by a locative preposition (in, at, from, near...)."""
    gazetteer = place_names()
    found: list[str] = []
    for index, token in enumerate(tokens):
        if index == 0 or tokens[index - 1].lower not in {"in", "at", "from", "near", "outside"}:
            continue
        for words in gazetteer.get(token.bare, []):
            candidate = tuple(t.bare for t in tokens[index : index + len(words)])
            if candidate == words:
                place = " ".join(words)
                if place not in found:
                    found.append(place)
                break
    return found


def name_from_phrase(text: str) -> str | None:
    """The first name in a phrase (used by the example tests)."""
    found = names_in(list(tokens_of(text)))
    return found[0] if found else None


@lru_cache(maxsize=1)
def gender_words() -> dict[str, str]:
    """Titles and kinship or role words with the sex they tell (`female_words`, `male_words`)."""
    tables = name_tables()
    return {
        **{word: "male" for word in tables.male_words.words},
        **{word: "female" for word in tables.female_words.words},
    }


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """Common first names with the sex they tell (`female_first_names`, `male_first_names`)."""
    tables = name_tables()
    return {
        **{name: "male" for name in tables.male_first_names.words},
        **{name: "female" for name in tables.female_first_names.words},
    }


@lru_cache(maxsize=1)
def gender_letter_runs() -> frozenset[str]:
    """The letter runs of the gendered words ("mrs." -> "mrs"), for `lower_words`."""
    return frozenset(word.rstrip(".") for word in gender_words())


def first_name_sexes(text: str) -> dict[str, str]:
    """The sex a common first name opening a full name tells ("Jeremy Corbyn": male, "British
    Prime Minister Theresa May": female); a weaker sign than a title or kin word."""
    firsts = first_name_genders()
    if lower_words(text).isdisjoint(firsts):
        return {}
    found: dict[str, str] = {}
    for run in name_runs(list(tokens_of(text))):
        name = clean_run(run) if len(run) >= 2 else None
        first = name.split()[0].lower() if name else ""
        if name is not None and " " in name and first in firsts:
            found[name] = firsts[first]
    return found


def person_genders(text: str) -> dict[str, str]:
    """The sex a sentence tells of the people it names: a title right before a name ("Queen
    Elizabeth II", "Mrs. Thatcher") or a word of kinship set off before it ("her eldest son,
    Charles,"); each name as written after the word."""
    words = gender_words()
    found: dict[str, str] = {}
    if lower_words(text).isdisjoint(gender_letter_runs()):
        return found  # most sentences name no title or kin
    tokens = tokens_of(text)
    for index, token in enumerate(tokens):
        gender = words.get(token.lower)
        if gender is None:
            continue
        after = index + 1
        if after < len(tokens) and tokens[after].text == ".":
            after += 1  # "Mrs . Thatcher" as some corpora split it
        if after < len(tokens) and tokens[after].text == ",":
            after += 1  # "her eldest son, Charles"
        elif not token.is_capitalized:
            continue  # "his son died": no name after it
        run: list[str] = []
        while (
            after < len(tokens) and len(run) < GENDERED_NAME_WORDS and is_name_word(tokens[after])
        ):
            run.append(tokens[after].text)
            after += 1
        if run:
            found[" ".join(run)] = gender
    return found


#: The most words of a name read after a gendered title.
GENDERED_NAME_WORDS = 4
