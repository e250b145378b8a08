"""Arguments of a clause: its subject and object spans, actors, targets and the object text.

Subjects are read backwards from the verb to a clause boundary (punctuation, subordinator,
another verb), cut to their first noun phrase; objects forwards to the next boundary, keeping
appositive name lists ("two Canadians, Michael Kovrig and Michael Spavor"). Actors and targets
are the names in those spans (titles stripped), or the phrase itself when its head is a common
noun ("Chinese government").
"""

from __future__ import annotations

import re
from functools import lru_cache

from timeline.events.clause import (
    MAX_OBJECT_TOKENS,
    MAX_SUBJECT_TOKENS,
    MODAL_OR_TO,
    PREPOSITIONS,
    VERBLIKE,
    TokenizedSentence,
    cues,
    ends_sentence,
    is_ly_adverb,
    object_key,
    singular,
    verb_stops,
)
from timeline.events.lexicon import cue_table, generic_table, ontology, trigger_forms
from timeline.events.names import (
    PERSON_PARTICLES,
    company_suffixes,
    descriptor_words,
    names_in,
    principal_names,
    word_sets,
)
from timeline.events.tokens import CLAUSE_PUNCTUATION, Token, reporting_forms

SUBJECT_PUNCTUATION = CLAUSE_PUNCTUATION - {"(", ")"}
PREPOSITIONS_OR_VERBLIKE = PREPOSITIONS | VERBLIKE
#: Words that introduce a date phrase (dropped with it from an object).
DATE_INTRODUCERS = PREPOSITIONS | {"since", "during", "last", "until", "till"}
#: Words that qualify a date phrase from outside it ("early on Wednesday", "late Friday").
DATE_QUALIFIERS = frozenset({"early", "late", "earlier", "later", "shortly", "just"})


SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
#: Adverbs of order between a subject and its verb ("Liverpool last won", "it first appeared").
ORDER_ADVERBS = frozenset({"last", "first"})


#: Determiners before a date that modifies the subject's noun ("The 2006 coup"); not "that"
#: ("said that last week a customer").
MODIFIER_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our"})


def subject_range(sentence: TokenizedSentence, chain_start: int) -> tuple[int, int, bool]:
    """Token range of the subject before the auxiliary chain; flag for VP coordination."""
    c = cues()
    end = chain_start
    if end == 0:
        return 0, 0, False
    if sentence.lower(end - 1) in {"and", "but", "or"}:
        return 0, 0, True
    run = sentence.date_run_start(end)
    if (
        end - 1 in sentence.blocked
        and run > 1
        and sentence.lower(run - 1) in DATE_INTRODUCERS
        and sentence.tokens[run - 2].text == ","
        and region_opening(sentence, run - 2) is not None
    ):
        end = run - 1  # "A judge in Miami, Florida, on Monday sentenced": past the date
    if sentence.tokens[end - 1].text == ",":
        # an appositive between commas: "The Coalition, an organization of ten groups, issued"
        opening = opening_name(sentence, end - 1)
        if opening is not None:
            return dateline_end(sentence.tokens), opening, False
        region = region_opening(sentence, end - 1)
        position = (region if region is not None else end - 1) - 1
        while position >= 0 and sentence.tokens[position].text != ",":
            position -= 1
        if region is not None and position <= 0:
            end = region  # "A jury in San Jose, California, ruled": the jury in San Jose
        elif position <= 0:
            finite = finite_before(sentence, end - 1)
            if finite is None or not any(  # "Musk completes ..., fires"; not "Bin Laden,
                kind == "third" for _, kind in trigger_forms().get(sentence.lower(end), [])
            ):  # indicted as the architect": a participle after a name
                return 0, 0, False
            start, finish, _ = subject_range(sentence, finite)  # "Musk completes ..., fires"
            return start, finish, False
        elif region is None and names_appositive(sentence, position, end - 1):
            return position + 1, end - 1, False  # "a former employee, Frances Haugen, accused"
        else:
            end = position  # "The company, based in Austin, Texas, sold": the company
        run = end
        while run > 1 and run - 1 in sentence.blocked:
            run -= 1
        if (
            run < end
            and sentence.lower(run - 1) in DATE_INTRODUCERS
            and is_noun_like(sentence, run - 2)
        ):
            end = run - 1  # "revenue for the second quarter, which ended July 27, rose": revenue
    if end == chain_start:
        # "President Bill Clinton Saturday vowed": the date is not the subject
        end = sentence.date_run_start(end)
        if end > 1 and compares_amounts(sentence, end - 1):
            end -= 2  # "revenue more than tripled": the subject is revenue
        if (
            end > 1
            and sentence.lower(end - 1) in ORDER_ADVERBS
            and end - 1 not in sentence.blocked
            and sentence.lower(end - 2) not in cues().determiners
        ):
            end -= 1  # "Liverpool last won the title": an adverb, not the subject
    if sentence.lower(end - 1) in SUBJECT_PRONOUNS or sentence.lower(end - 1) == "it":
        return end - 1, end, False  # "During his speech he stated", "a share it reported"
    start = end
    stops = c.subject_stops
    stop_words = verb_stops()
    while start > 0 and end - start < MAX_SUBJECT_TOKENS:
        previous = start - 1
        token = sentence.tokens[previous]
        if previous in sentence.blocked and start < end:
            run = sentence.date_run_start(previous)
            if run > 0 and sentence.lower(run - 1) in MODIFIER_DETERMINERS:
                start = run  # "The 2006 coup ousted": the year modifies the subject's noun
                continue
            if (
                run > 1
                and sentence.lower(run - 1) in DATE_INTRODUCERS
                and is_noun_like(sentence, run - 2)
            ):
                start = run - 1  # "The shooting on Monday killed": the subject goes on
                continue
        if (
            previous in sentence.blocked
            or sentence.is_quoted(previous)
            or token.lower in c.temporal
        ):
            break
        if token.text == "," and is_list_comma(sentence, previous):
            start -= 1
            continue
        if token.lower in {"and", "or"} and (
            ends_clause(sentence, previous - 1) or previous - 1 in sentence.blocked
        ):
            break  # "... were arrested and police were forced", "on April 30 and its sale"
        if token.text in SUBJECT_PUNCTUATION or token.lower in stops:
            break
        if token.lower in PERSON_PARTICLES and joins_name_words(sentence, previous):
            start -= 1  # "Rio Grande do Sul": the particle of a name, not `do`
            continue
        if (
            (token.lower in VERBLIKE or token.lower in stop_words)
            and not (token.is_capitalized and previous > 0)  # "for Investigating Moon": a name
            and not is_noun_gerund(sentence, previous, after_name=True)
            and not is_reduced_relative(sentence, previous)
            and not (start == end and finite_verb_follows(sentence, previous))
        ):
            break
        if (
            previous > 0
            and sentence.lower(previous - 1) in MODAL_OR_TO
            and (token.lower in trigger_forms())
            and not modifies_noun_before(sentence, previous - 2)
        ):
            break  # "will make its request": a verb after a modal ends the subject
        start -= 1
        if starts_contact_clause(sentence, start) or starts_told_clause(sentence, start):
            break  # "a program [the drugmaker] unveiled", "told reporters [the company]"
    while start < end and (
        (sentence.lower(start) in PREPOSITIONS and not starts_quantity_phrase(sentence, start))
        or sentence.lower(start) in CLAUSE_COORDINATORS
    ):
        start += 1  # "in a joint statement expected to...", ", and unemployment reached": drop
    before_relative = subject_before_relative(sentence, start, end, chain_start)
    if before_relative is not None:
        return before_relative[0], before_relative[1], False
    return start, first_noun_phrase_end(sentence, start, end), False


def starts_quantity_phrase(sentence: TokenizedSentence, index: int) -> bool:
    """Whether the preposition at `index` opens an amount ("at least 11 people")."""
    return sentence.lower(index) == "at" and sentence.lower(index + 1) in {"least", "most"}


#: Conjunctions that join clauses; one opening a subject belongs to neither clause's subject.
CLAUSE_COORDINATORS = frozenset({"and", "but", "or", "yet"})


def joins_name_words(sentence: TokenizedSentence, index: int) -> bool:
    """Whether the lower-case word at `index` stands between two capitalized words."""
    return (
        0 < index < len(sentence.tokens) - 1
        and sentence.tokens[index].text.islower()
        and sentence.tokens[index - 1].is_capitalized
        and sentence.tokens[index + 1].is_capitalized
    )


#: Pronouns that may be the subject of a relative clause without `that` ("a share it
#: reported last year").
CONTACT_PRONOUNS = frozenset({"it", "he", "she", "they", "we"})
#: Words that may stand before a determiner inside one noun phrase ("all the men").
PREDETERMINERS = frozenset({"all", "both", "half", "twice", "such", "quite", "what", "many"})


#: Words opening the subject of a clause right after a noun ("a program [the] drugmaker
#: unveiled", "told reporters [it] would").
CLAUSE_SUBJECT_OPENERS = MODIFIER_DETERMINERS | CONTACT_PRONOUNS


def starts_contact_clause(sentence: TokenizedSentence, index: int) -> bool:
    """Whether the determiner at `index` opens the subject of a relative clause without `that`
    right after a noun ("a cost-reduction program [the drugmaker] unveiled")."""
    if index < 1 or sentence.lower(index) not in CLAUSE_SUBJECT_OPENERS:
        return False
    before = index - 1
    word = sentence.lower(before)
    if word in trigger_forms() or sentence.lower(before - 1) in MODAL_OR_TO:
        return False  # "expected to win the contract": a verb's object
    if in_opening_phrase(sentence, before):
        return False  # "During his speech he stated", "In the meeting the minister said"
    if follows_telling_verb(sentence, before):
        return False  # "told reporters the company collapsed": what he told them
    return (
        before not in sentence.blocked  # "Last week the company presented"
        and word not in PREDETERMINERS
        and word not in NOT_CLAUSE_NOUNS
        and word not in cues().subordinators
        and word not in GERUND_FOLLOWING_PREPOSITIONS
        and word not in PHRASE_CUTTING_PREPOSITIONS
        and is_noun_like(sentence, before)
        and not word.endswith(("ed", "ing"))
    )


#: How many words the noun phrase after a verb of telling may have ("told the court's judges").
REPORTED_TO_WORDS = 4


@lru_cache(maxsize=1)
def telling_verbs() -> frozenset[str]:
    return frozenset(cue_table().telling_verbs)


def follows_telling_verb(sentence: TokenizedSentence, index: int) -> bool:
    """Whether the noun at `index` ends the noun phrase right after a verb of telling ("told
    [reporters]", "assured [the court]"): who was told, before the clause told."""
    position = index
    while position > 0 and index - position < REPORTED_TO_WORDS:
        position -= 1
        token = sentence.tokens[position]
        if token.lower in telling_verbs():
            return token.text.islower()
        if token.lower in PREPOSITIONS or not (token.text.isalnum() or token.is_possessive):
            return False
    return False


def starts_told_clause(sentence: TokenizedSentence, index: int) -> bool:
    """Whether the determiner or pronoun at `index` opens the subject of the clause told to
    someone ("told reporters [the company] collapsed", "assured the court [it] would")."""
    return (
        index > 1
        and sentence.lower(index) in CLAUSE_SUBJECT_OPENERS
        and follows_telling_verb(sentence, index - 1)
    )


def in_opening_phrase(sentence: TokenizedSentence, index: int) -> bool:
    """Whether the token at `index` ends a phrase that opens its sentence or clause with a
    preposition or subordinator ("During his 2 hour speech", "After the vote")."""
    start = index
    while start > 0 and sentence.tokens[start - 1].text not in CLAUSE_PUNCTUATION:
        start -= 1
    first = sentence.lower(start)
    return first in PREPOSITIONS or first in cues().subordinators or first in ADVERBIAL_OPENERS


#: Words opening an adverbial phrase before a clause's subject, besides the prepositions.
ADVERBIAL_OPENERS = frozenset({"since", "until", "following", "despite", "like", "unlike"})
#: Lower-case words before a determiner that are no noun a contact clause may follow.
NOT_CLAUSE_NOUNS = frozenset(
    {"where", "why", "how", "whom", "whose", "what", "when", "whether", "once", "since"}
    | {"between", "among", "beside", "besides", "beyond", "behind", "past", "via", "per"}
    | {"then", "now", "here", "there", "today", "yesterday", "tonight", "meanwhile"}
)


def finite_before(sentence: TokenizedSentence, comma: int) -> int | None:
    """The first finite verb after a subject before the sentence's only comma, else None: a
    verb right after the comma goes on with that subject, as headlines write it ("Musk
    completes Twitter takeover, fires top executives")."""
    forms = trigger_forms()
    for position in range(1, comma):
        if sentence.tokens[position].text.islower() and any(
            kind in {"third", "past"} for _, kind in forms.get(sentence.lower(position), [])
        ):
            return position
    return None


def names_appositive(sentence: TokenizedSentence, comma: int, closing: int) -> bool:
    """Whether the tokens between the commas at `comma` and `closing` are a short name that
    renames the common noun right before the first comma ("NASA's previous rover,
    Curiosity,", "a former employee, Frances Haugen,"): the name is the subject."""
    name = sentence.tokens[comma + 1 : closing]
    if not 0 < len(name) <= MAX_APPOSITIVE_NAME or comma < 1:
        return False
    if not sentence.blocked.isdisjoint(range(comma + 1, closing)):
        return False
    if not all(token.is_capitalized or token.lower in NAME_JOINERS for token in name):
        return False
    head = sentence.tokens[comma - 1].text
    if not name[0].is_capitalized or not (
        is_noun_like(sentence, comma - 1) or (head.islower() and head.replace("-", "").isalpha())
    ):  # "the boy's great-uncle, Lazaro Gonzalez,"
        return False
    if comma > 1 and sentence.tokens[comma - 2].is_capitalized:
        return False  # "the board of Loudon county, Virginia,": a place
    for position in range(comma - 1, max(-1, comma - 1 - MAX_RENAMED_NOUN), -1):
        lower = sentence.lower(position)
        if lower == "," or lower in cues().subordinators - {"and", "or"}:
            return True
        if lower in {"and", "or", "by", "with"} or position in sentence.blocked:
            return False  # "led by Giant Group Ltd. and its chairman, Burt Sugarman,"
    return comma - 1 < MAX_RENAMED_NOUN  # the noun phrase opens the sentence


#: The longest name read as an appositive subject, the longest noun phrase it renames, and
#: the lower-case words inside a name.
MAX_APPOSITIVE_NAME = 4
MAX_RENAMED_NOUN = 8
NAME_JOINERS = frozenset({"of", "de", "van", "von", "al", "bin"})


def opening_name(sentence: TokenizedSentence, before: int) -> int | None:
    """End of a short name opening the sentence (after its dateline) and followed by a comma
    ("Pompeo, a ...,")."""
    opening = dateline_end(sentence.tokens)
    for index in range(opening, min(before, opening + 7, len(sentence.tokens))):
        token = sentence.tokens[index]
        if token.text == ",":
            names = sentence.tokens[opening:index]
            if (
                names
                and names[0].lower not in PREPOSITIONS  # "On Sunday, a former employee, ..."
                and sentence.blocked.isdisjoint(range(opening, index))
                and all(t.is_capitalized or t.lower in {"of", "the"} for t in names)
            ):
                return index
            return None
    return None


#: Prepositions that may follow an -ing noun or participle heading a subject ("A car
#: bombing outside", "Protesters marching through").
GERUND_FOLLOWING_PREPOSITIONS = frozenset(
    {"outside", "near", "inside", "across", "through", "along", "toward", "towards", "into"}
    | {"over", "under", "against", "after", "before", "during", "around", "throughout"}
)
NOT_NOUNS = frozenset({"and", "or", "but", "that", "who", "which", "when", "while", "as"})


def is_noun_like(sentence: TokenizedSentence, index: int) -> bool:
    """Whether the token at `index` may end a noun phrase: a lower-case word that is no verb,
    preposition, conjunction, determiner or adverb ("The shooting [on Monday]")."""
    token = sentence.tokens[index]
    lower = token.lower
    c = cues()
    return (
        token.text.isalpha()
        and token.text.islower()
        and lower not in VERBLIKE
        and (lower not in verb_stops() or is_noun_gerund(sentence, index))
        and lower not in PREPOSITIONS
        and lower not in NOT_NOUNS
        and lower not in c.determiners
        and lower not in c.adverbs
        and not lower.endswith("ly")
    )


#: Participles of planning cues that may modify a noun without an auxiliary ("An alliance
#: expected to include ... will make").
MODIFYING_PLAN_PARTICIPLES = frozenset({"expected", "set", "scheduled", "due", "planned"})


def modifies_noun_before(sentence: TokenizedSentence, participle: int) -> bool:
    """Whether a planning participle before `to` modifies the noun before it ("The company
    [expected to win the contract]"), not a verb's auxiliary ("is expected to")."""
    if participle < 1 or sentence.lower(participle) not in MODIFYING_PLAN_PARTICIPLES:
        return False
    before = sentence.tokens[participle - 1]
    return before.text.isalpha() and before.lower not in cues().auxiliary_chain


#: Words between a relative pronoun and the verb phrase its clause ends with ("who was not
#: vaccinated died"): auxiliaries and negation.
RELATIVE_CHAIN_WORDS = frozenset(
    {"was", "were", "is", "are", "had", "has", "have", "been", "not", "never", "being"}
)


def before_relative_chain(sentence: TokenizedSentence, position: int) -> int:
    """The position before the auxiliaries and negation read back from `position` ("who [was
    not] vaccinated": the position of "who")."""
    while position > 0 and sentence.lower(position) in RELATIVE_CHAIN_WORDS:
        position -= 1
    return position


def ends_relative_clause(sentence: TokenizedSentence, index: int) -> bool:
    """Whether the verb at `index` is the last of a relative clause's verb phrase ("who was
    arrested", "which had been delayed")."""
    return sentence.lower(before_relative_chain(sentence, index - 1)) in {"who", "which"}


def is_main_verb_after(sentence: TokenizedSentence, index: int) -> bool:
    """Whether the word at `index` is a verb in the past tense that goes on with the main
    clause after a relative clause ("who was arrested [fled]")."""
    if index >= len(sentence.tokens) or not sentence.tokens[index].text.islower():
        return False
    lower = sentence.lower(index)
    irregular = generic_table().irregular_pasts
    return lower in irregular or (lower.endswith("ed") and len(lower) > 4)


def subject_before_relative(
    sentence: TokenizedSentence, start: int, end: int, chain_start: int
) -> tuple[int, int] | None:
    """The subject before a relative clause that ends right before the verb, when the walk
    back stopped inside that clause ("A child who was not vaccinated died": a child; "A
    woman who was watching her clothes dry was killed": a woman). Before a verb without
    auxiliaries, only when the words read back are the clause's verb phrase (not "a case that
    has blocked [the trial of two Libyans] suspected")."""
    auxiliary = sentence.lower(chain_start) in RELATIVE_CHAIN_WORDS | MODAL_OR_TO
    if not auxiliary and any(
        sentence.lower(i) not in RELATIVE_CHAIN_WORDS and not is_main_verb_after(sentence, i)
        for i in range(start, end)
    ):
        return None
    position = start - 1
    if is_main_verb_after(sentence, position):
        position -= 1  # "the man who was arrested [fled]": the relative clause's own verb
    first = position
    position = before_relative_chain(sentence, position)
    if position == first or sentence.lower(position) not in {"who", "which", "that"}:
        return None
    if sentence.lower(position) == "that" and not is_noun_like(sentence, position - 1):
        return None  # "said that ...": a reported clause
    return antecedent_range(sentence, position)


def is_reduced_relative(sentence: TokenizedSentence, index: int) -> bool:
    """Whether a participle with its agent modifies the noun before it ("A coalition [led by
    France] will present"): a past participle right after a noun or name and before `by`."""
    if index == 0 or index + 1 >= len(sentence.tokens) or sentence.lower(index + 1) != "by":
        return False
    lower = sentence.lower(index)
    participle = lower.endswith("ed") or any(
        kind in {"past", "participle"} for _, kind in trigger_forms().get(lower, [])
    )
    previous = index - 1
    return participle and (
        sentence.tokens[previous].is_capitalized
        or sentence.tokens[previous].text == ")"  # "Party for Freedom (PVV) led by"
        or is_noun_like(sentence, previous)
    )


@lru_cache(maxsize=1)
def _clause_taking_verbs() -> frozenset[str]:
    return frozenset(generic_table().clause_taking_verbs)


#: Determiners opening the object before a participle that modifies it.
OBJECT_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "its", "their"})
OBJECT_NOUN_WORDS = 3


def is_object_participle(tokens: list[Token] | tuple[Token, ...], index: int) -> bool:
    """Whether the past participle at `index`, before a preposition, modifies the object of the
    verb before it ("passed a bill [introduced in March]", "breaking a record [set in 1945]"):
    a reduced relative, not a clause; not after a verb that takes a clause ("said the suspect
    fled on foot", "ordered the man released on bail")."""
    if index < 3 or index + 1 >= len(tokens) or tokens[index + 1].lower not in PREPOSITIONS:
        return False
    irregular = generic_table().irregular_pasts
    participle = tokens[index]
    if not participle.text.islower() or not (
        participle.lower.endswith("ed") or participle.lower in irregular
    ):
        return False
    position = index - 1
    pronouns = cues().pronouns
    while (
        position > 0
        and index - position <= OBJECT_NOUN_WORDS
        and tokens[position].lower not in OBJECT_DETERMINERS
        and tokens[position].text.islower()
        and tokens[position].lower not in pronouns
        and tokens[position].lower not in NOT_NOUNS
        and tokens[position].lower not in PREPOSITIONS
    ):
        position -= 1
    if position == index - 1 or tokens[position].lower not in OBJECT_DETERMINERS:
        return False  # no noun between determiner and participle, or no determiner
    verb = tokens[position - 1]
    return (
        verb.text.islower()
        and (verb.lower.endswith(("ed", "ing")) or verb.lower in irregular)
        and verb.lower not in _clause_taking_verbs()
        and verb.lower not in reporting_forms()
    )


def finite_verb_follows(sentence: TokenizedSentence, index: int) -> bool:
    """Whether the word after the trigger (past a date phrase) is a finite verb: a form of be,
    have or a modal, or a verb of the lexicon in the third person ("The man arrested Monday
    says", "the bill passed last week was"); right after the trigger only `is`/`are`/`says`
    count ("the man arrested says"), not an auxiliary that may start another clause."""
    position = index + 1
    while position in sentence.blocked:
        position += 1
    lower = sentence.lower(position)
    if position == index + 1:
        return lower in {"is", "are", "says", "say"}
    if lower in VERBLIKE or lower in cues().be_forms or lower in cues().have_forms:
        return True
    return any(kind == "third" for _, kind in trigger_forms().get(lower, []))


def is_noun_gerund(sentence: TokenizedSentence, index: int, after_name: bool = False) -> bool:
    """Whether an -ing form belongs to a subject's noun phrase: after a determiner or a noun
    or adjective ("A nearly simultaneous car bombing ... killed", "the shooting"), or with
    `after_name` after a capitalized word too ("Protesters marching through the city")."""
    lower = sentence.lower(index)
    if not lower.endswith("ing") or index == 0:
        return False
    if sentence.lower(index - 1) in MODIFIER_DETERMINERS:
        return True  # "The shooting", "the voting power", "the ruling party"
    preposition_after = False
    if index + 1 < len(sentence.tokens):
        following = sentence.tokens[index + 1]
        after = following.lower
        preposition_after = after in PREPOSITIONS or after in GERUND_FOLLOWING_PREPOSITIONS
        if following.text.isalnum() and not (
            after in PREPOSITIONS
            or after in GERUND_FOLLOWING_PREPOSITIONS
            or after in DATE_QUALIFIERS  # "in a court filing late on Sunday"
            or index + 1 in sentence.blocked
            or after in VERBLIKE
            or after in verb_stops()
            or after in trigger_forms()
            or after in {"and", "or"}
        ):
            return False  # "groups supporting human rights": a participle with its object
    previous = sentence.tokens[index - 1]
    return (
        previous.text.isalpha()
        and (
            previous.text.islower()
            or after_name
            or (index == 1 and not preposition_after)  # "Personal spending rose"
        )
        and previous.lower not in VERBLIKE
        and previous.lower not in verb_stops()
        and previous.lower not in PREPOSITIONS
        and previous.lower not in {"and", "or", "but", "that", "who", "which"}
    )


def inserted_after_opening_name(sentence: TokenizedSentence) -> int | None:
    """End of a name opening the sentence before a clause set off by commas and beginning
    with a lower-case word ("GM, founded in 1908, will", "Pompeo, a former CIA director,
    said"); None for an introductory phrase ("In June, Airbus") or a list ("Sweden, Norway")."""
    begin = dateline_end(sentence.tokens)
    end = opening_name(sentence, begin + 8)
    if end is None or end + 1 >= len(sentence.tokens):
        return None
    first = sentence.lower(begin)
    if first in word_sets()[3] or any(index in sentence.blocked for index in range(begin, end)):
        return None  # "Meanwhile,", "In June,"
    after = sentence.tokens[end + 1].text
    if not (after[:1].islower() or after.isdigit()):
        return None  # "Pompeo, a former CIA director,", "Ghosn, 70,"
    closing = next(
        (i for i in range(end + 2, len(sentence.tokens)) if sentence.tokens[i].text == ","), None
    )
    return end if closing is not None else None


def ends_clause(sentence: TokenizedSentence, index: int) -> bool:
    """Whether the word at `index` (before an `and`) ends a clause: a verb or its particle."""
    if index < 0:
        return False
    token = sentence.tokens[index]
    lower = token.lower
    if token.is_capitalized or index in sentence.blocked:
        return False
    return (
        lower in VERBLIKE
        or lower in verb_stops()
        or (lower in trigger_forms() and not is_plural_noun(sentence, index))
        or (lower.endswith("ed") and len(lower) > 4)
        or lower in {"off", "up", "out", "down", "away", "back"}
        or (sentence.lower(index - 1) in MODAL_OR_TO and sentence.lower(index - 1) != "to")
    )  # "deliveries would slip and shares fell": a verb after a modal


def is_plural_noun(sentence: TokenizedSentence, index: int) -> bool:
    """Whether a verb's third-person form is a plural noun here: after a determiner, a
    possessive, a number or a name ("Canada's G7 partners and Sweden", "its allies and")."""
    lower = sentence.lower(index)
    if not lower.endswith("s") or index == 0:
        return False
    if not any(kind == "third" for _, kind in trigger_forms().get(lower, [])):
        return False
    previous = sentence.tokens[index - 1]
    return (
        previous.lower in cues().determiners
        or previous.is_possessive
        or previous.is_capitalized
        or previous.text[:1].isdigit()
    )


#: Prepositions before a place that a region after a comma qualifies ("in San Jose,
#: California,").
PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "outside", "of"})
#: How many words a place or the region after it may have ("New South Wales").
PLACE_WORDS = 3


def place_appositive_end(sentence: TokenizedSentence, comma: int) -> int | None:
    """The closing comma of a region that qualifies the place before `comma` ("a jury in San
    Jose, California, ruled": the comma after California), or None: the place must follow a
    locative preposition and both be short runs of capitalized words."""
    tokens = sentence.tokens
    start = comma
    while (
        start > 0
        and comma - start < PLACE_WORDS
        and tokens[start - 1].is_capitalized
        and tokens[start - 1].lower not in PLACE_PREPOSITIONS
    ):
        start -= 1
    if start == comma or start == 0 or tokens[start - 1].lower not in PLACE_PREPOSITIONS:
        return None
    position = comma + 1
    while position < len(tokens) and position - comma <= PLACE_WORDS:
        token = tokens[position]
        if token.text == ",":
            return position if position > comma + 1 else None
        if not (token.is_capitalized and token.text.isalpha()):
            return None
        position += 1
    return None


def region_opening(sentence: TokenizedSentence, closing: int) -> int | None:
    """The comma that opens the region the comma at `closing` closes (`place_appositive_end`),
    or None."""
    for comma in range(closing - 2, max(0, closing - 2 - PLACE_WORDS), -1):
        if sentence.tokens[comma].text == ",":
            return comma if place_appositive_end(sentence, comma) == closing else None
    return None


def is_list_comma(sentence: TokenizedSentence, index: int) -> bool:
    """A comma inside a list of names: "Sweden, Switzerland, the Netherlands"."""
    before = sentence.tokens[index - 1] if index > 0 else None
    after = [t for t in sentence.tokens[index + 1 : index + 3] if t.lower != "the"]
    if before is None or index - 1 in sentence.blocked or before.lower in cues().temporal:
        return False
    if not (before.is_capitalized and after and after[0].is_capitalized):
        return False
    for token in sentence.tokens[index + 1 : index + 12]:
        if token.lower in {"and", "or"}:
            return True
        if token.text.islower() and (
            token.lower in VERBLIKE or token.lower in verb_stops() or token.lower.endswith("ed")
        ):
            return False  # "Born ... in Plains, Carter graduated ... and served": no list
    return False


#: Prepositions that end the first noun phrase of a subject ("A car bombing outside the
#: embassy": the bombing).
PHRASE_CUTTING_PREPOSITIONS = frozenset(
    {"from", "in", "with", "at", "on", "outside", "near", "inside", "across"}
)
#: Words after which such a preposition is an adjective ("a panel of outside experts", "an
#: inside job"; not "those on board").
ADJECTIVE_PREPOSITION_OPENERS = frozenset({"of", "a", "an", "the", "its", "his", "her", "their"})


def names_an_organisation(sentence: TokenizedSentence, start: int, end: int) -> bool:
    """Whether the words in [start, end) hold an organisation's head word ("Coalition")."""
    heads = word_sets()[2]
    return any(sentence.lower(index) in heads for index in range(start, end))


def first_noun_phrase_end(sentence: TokenizedSentence, start: int, end: int) -> int:
    """End of the first noun phrase of a subject: cut at a participle, `including`, `in`..."""
    for index in range(start + 1, end):
        token = sentence.tokens[index]
        lower = token.lower
        if token.is_capitalized or sentence.is_quoted(index):
            continue
        joins_names = (
            sentence.tokens[index - 1].is_capitalized
            and index + 1 < end
            and sentence.tokens[index + 1].is_capitalized
            and (lower not in {"in", "on"} or names_an_organisation(sentence, start, index))
        )  # "Bank of America"; "Coalition on Human Rights in China", not "Voters in Ireland"
        adjective = sentence.lower(index - 1) in ADJECTIVE_PREPOSITION_OPENERS  # "of outside
        if lower in PHRASE_CUTTING_PREPOSITIONS and not joins_names and not adjective:  # experts"
            return index
        if lower in {"including", "who", "which", "that"} or is_reduced_relative(sentence, index):
            return index  # "A coalition led by France"
        if (
            lower.endswith(("ed", "ing"))
            and len(lower) > 4
            and (
                index > start + 1
                or (lower.endswith("ing") and sentence.lower(start) not in cues().determiners)
            )  # "Protesters marching through"; not "An accompanying statement"
            and not is_noun_gerund(sentence, index)
        ):
            if sentence.lower(index - 1) in {"and", "or"} and index - 1 > start:
                return index - 1  # "its automotive financing and leasing business"
            return index
    return end


#: Dashes that end a dateline ("WASHINGTON (Reuters) -", "BUDAPEST, Hungary (AP)_"), and how
#: many tokens into a sentence one may stand.
DATELINE_DASHES = frozenset({"—", "–", "-", "--", "_"})
DATELINE_TOKENS = 12


def dateline_end(tokens: list[Token]) -> int:
    """Where a sentence starts after its dateline ("PORTO ALEGRE, Brazil (AP) — Rains"): the
    token after the dash; 0 without one (the first word is not in capitals)."""
    if not tokens or len(tokens[0].text) < 3 or not tokens[0].text.isupper():
        return 0
    for index, token in enumerate(tokens[:DATELINE_TOKENS]):
        if token.text in DATELINE_DASHES or token.text.endswith(")_"):
            return index + 1
    return 0


def sentence_subject(sentence: TokenizedSentence) -> tuple[int, int]:
    """The subject at the start of the sentence (after an introductory phrase and comma), or
    the name before an inserted clause ("GM, founded in 1908, will close ... and cut")."""
    inserted = inserted_after_opening_name(sentence)
    opening = dateline_end(sentence.tokens)  # "BUENOS AIRES (Reuters) - Argentina's ..."
    if inserted is not None:
        return opening, inserted
    start = opening
    for index, token in enumerate(sentence.tokens[opening : opening + 8]):
        if token.text == "," and index < 7:
            region_end = place_appositive_end(sentence, opening + index)
            if region_end is not None and sentence.lower(opening) not in PREPOSITIONS:
                break  # "A jury in San Jose, California, ruled": the jury
            if region_end is not None:
                start = region_end + 1  # "In Austin, Texas, the company said"
            elif sentence.lower(opening + index + 1) not in {"and", "but", "or"} and not (
                has_finite_verb(sentence, opening, opening + index)
            ):  # not "Police arrested a man, Tetsuya Yamagami, ... and seized": the police
                start = opening + index + 1  # "In June, Airbus", not "GM will sell it, and took"
            break
    if sentence.lower(start) in SUBJECT_PRONOUNS:
        return start, start + 1  # "He faces 40 years and will be sentenced": he
    end = start
    irregular = generic_table().irregular_pasts
    while end < len(sentence.tokens) and end - start < 8:
        token = sentence.tokens[end]
        lower = token.lower
        if token.text in CLAUSE_PUNCTUATION or (
            (lower in VERBLIKE or lower in verb_stops()) and not is_noun_gerund(sentence, end)
        ):
            break
        if (
            not token.is_capitalized
            and end > start
            and (lower.endswith("ed") or lower in irregular)
        ):
            break  # "Britain became the first ...": the subject ends at its verb
        if lower in cues().adverbs:
            break
        end += 1
    return start, first_noun_phrase_end(sentence, start, end)


def clause_subject(sentence: TokenizedSentence, index: int) -> tuple[int, int]:
    """The subject of the clause a participle hangs on ("the bomb went off, killing ...")."""
    c = cues()
    comma = index - 1
    while comma > 0 and sentence.tokens[comma].text != ",":
        comma -= 1
    start = comma
    while start > 0:
        token = sentence.tokens[start - 1]
        if token.text == "," and is_offset_phrase(sentence, start, comma):
            start -= 1  # "crashed into the sea on Monday, 13 minutes after taking off, killing"
            continue
        if token.text in CLAUSE_PUNCTUATION or (
            token.lower in c.object_stops
            and not is_role_complement(sentence, start - 1)
            and not (
                token.lower in SUBORDINATING_PREPOSITIONS
                and not has_finite_verb(sentence, start, comma)
            )  # "crashed shortly after takeoff from Addis Ababa on Sunday, killing": the jet
        ):  # "was sworn in as president on Friday, taking the oath": Trump, not the president
            break
        start -= 1
    while start < comma and sentence.lower(start) in CLAUSE_COORDINATORS:
        start += 1  # ", and an Ethiopian Airlines jet crashed ..., killing": the jet
    end = start
    irregular = generic_table().irregular_pasts
    while end < comma and end - start < 10:
        token = sentence.tokens[end]
        lower = token.lower
        if lower in VERBLIKE or lower in verb_stops() or lower in irregular:
            break
        if not token.is_capitalized and lower.endswith(("ed", "ing")) and end > start:
            break  # "A plane carrying 72 people crashed ..., killing": the plane
        if (
            end > start
            and end + 1 == comma
            and any(kind == "third" for _, kind in trigger_forms().get(lower, []))
        ):
            break  # "Ethiopian Airlines jet crashes, killing all 157": the jet
        if end > start and is_headline_verb(sentence, end):
            break  # "Massive explosion rocks Beirut, killing at least 100": the explosion
        if end in sentence.blocked or (lower in DATE_INTRODUCERS and end + 1 in sentence.blocked):
            break  # "The Supreme Court on Thursday struck down ..., ruling": the court
        end += 1
    return start, end


def is_headline_verb(sentence: TokenizedSentence, index: int) -> bool:
    """Whether a lower-case -s word after a noun and before a name or determiner is a present
    verb, as headlines write it ("explosion rocks Beirut", "quake hits the coast")."""
    word = sentence.lower(index)
    if not sentence.tokens[index].text.islower() or not word.endswith("s") or word.endswith("ss"):
        return False
    if index + 1 >= len(sentence.tokens) or index + 1 in sentence.blocked:
        return False
    following = sentence.tokens[index + 1]
    return is_noun_like(sentence, index - 1) and (
        following.is_capitalized or following.lower in cues().determiners
    )


def is_offset_phrase(sentence: TokenizedSentence, start: int, end: int) -> bool:
    """Whether the tokens in [start, end) are an offset set off by commas ("13 minutes after
    taking off", "a day after the vote"), not a clause with its own subject."""
    position = start
    while position < end and is_offset_amount(sentence.tokens[position]):
        position += 1
    return (
        start < position < end - 1
        and sentence.lower(position) in OFFSET_UNITS | {"day", "week", "month", "hour", "minute"}
        and sentence.lower(position + 1) in OFFSET_WORDS
    )


def clean_phrase(tokens: list[Token]) -> str:
    """A phrase without determiners, parentheses or quotes, as a string."""
    c = cues()
    kept: list[Token] = []
    depth = 0
    for token in tokens:
        if token.text == "(":
            depth += 1
            continue
        if token.text == ")":
            depth = max(0, depth - 1)
            continue
        if depth or token.text in {"“", "”", '"', "‘", "’"}:
            continue
        if token.lower in c.determiners and (not kept or kept[-1].lower in {"of", "to", "on"}):
            continue
        if not kept and not any(char.isalnum() for char in token.text):
            continue
        kept.append(token)
    return " ".join(
        token.text if not index or token.start != kept[index - 1].end else "\0" + token.text
        for index, token in enumerate(kept)
    ).replace(" \0", "")


def is_document(tokens: list[Token]) -> bool:
    """Whether a phrase names a document or is a quotation ("the statement", "“We urge")."""
    if tokens[0].text in {"“", '"', "``"}:
        return True
    words = {singular(t.lower) for t in tokens if not t.is_capitalized}
    return bool(words & cues().document_subject)


def outside_parentheses(tokens: list[Token]) -> list[Token]:
    """Tokens not inside parentheses."""
    kept: list[Token] = []
    depth = 0
    for token in tokens:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
        elif not depth:
            kept.append(token)
    return kept


def after_last_title(tokens: list[Token]) -> list[str]:
    """Names after the last lower-case title word ("Ministry spokesman Yuri G." -> "Yuri G."),
    or after a descriptor right before a name in an uncoordinated phrase ("South Korean firm
    Samsung" -> "Samsung"; "Apple and its rival Samsung" stays two)."""
    titles = word_sets()[0]
    descriptors = descriptor_words()
    coordinated = any(t.lower in {"and", "or", ",", "&"} for t in tokens)
    positions = [
        i
        for i, t in enumerate(tokens)
        if t.text.islower()
        and (
            t.lower in titles
            or (
                not coordinated
                and t.lower in descriptors
                and i + 1 < len(tokens)
                and tokens[i + 1].is_capitalized
            )
        )
    ]
    if not positions or positions[-1] == len(tokens) - 1:
        return []
    return names_in(tokens[positions[-1] + 1 :])


#: Prepositions after a common head noun that keep the subject phrase whole.
HEAD_PREPOSITIONS = frozenset(
    {"for", "of", "to", "from", "over", "about", "between", "with", "against", "on"}
)


def actors_of(tokens: list[Token]) -> list[str]:
    """Actors from a subject phrase: its names, or the phrase when its head is a common noun."""
    content = outside_parentheses(tokens)
    while content and not any(char.isalnum() for char in content[-1].text):
        content = content[:-1]
    if not content:
        return []
    first = next((i for i, t in enumerate(content) if t.lower not in cues().determiners), 0)
    if (
        first + 1 < len(content)
        and content[first + 1].lower in HEAD_PREPOSITIONS
        and (
            names_in(content[first : first + 1]) == []
            or is_common_plural(content[first])
            or (content[first].start == 0 and content[first].lower.endswith("s"))  # "Talks
        )  # over a return to Barcelona"
    ):
        phrase = clean_phrase(content)  # "Lawyers for the boy's family", "its sale to Fiat"
        if phrase and len(phrase.split()) <= 7:
            return [phrase]
    names = principal_names(content)
    head = content[-1]
    if len(names) > 1 and head.is_capitalized:
        owned = owned_name(content)
        if owned is not None:
            return [owned]
    if names and head.is_capitalized:
        return after_last_title(content) or names
    phrase = clean_phrase(content)
    if not phrase or len(phrase.split()) > 7:
        return names
    return [phrase]


def is_common_plural(token: Token) -> bool:
    """Whether a capitalized word is a plural common noun that opens the sentence
    ("Negotiators from Israel and Hamas", "Officials from the WHO"), not a name."""
    word = token.text
    return word[:1].isupper() and word[1:].islower() and word.endswith(COMMON_PLURAL_ENDINGS)


#: Endings of plural common nouns for people ("Negotiators", "Officials", "Lawmakers").
COMMON_PLURAL_ENDINGS = (
    "ors",
    "ers",
    "als",
    "ants",
    "ents",
    "ists",
    "ians",
    "ives",
    "ees",
    "ops",
    "ies",
)


def owned_name(content: list[Token]) -> str | None:
    """The name a possessive name qualifies, when the subject ends with it: "Russia's
    Gazprom" is Gazprom and "Apple's Steve Jobs" Steve Jobs, but "China's Foreign Ministry"
    (an organisation named by its head word) stays whole; None without such a possessive."""
    marks = (
        index
        for index in range(len(content) - 2, -1, -1)
        if content[index].is_possessive or (index and content[index].text in {"'", "’"})
    )
    mark = next(marks, None)
    if mark is None or not content[mark + 1].is_capitalized:
        return None
    owner = mark if content[mark].is_possessive else mark - 1  # "Netherlands ' Ministry"
    if not content[owner].is_capitalized:
        return None
    owned = names_in(content[mark + 1 :])
    if len(owned) != 1:
        return None
    if content[-1].lower in word_sets()[2] or content[-1].lower in company_suffixes():
        return clean_phrase(content[owner:])  # "China's Foreign Ministry", "Hudson's Bay Co."
    return owned[0]


def apposition_end(sentence: TokenizedSentence, comma: int) -> int | None:
    """End of an appositive list of names after a comma ("two Canadians, Michael X and ...")."""
    titles = word_sets()[0]
    position = comma + 1
    saw_name = False
    while position < len(sentence.tokens):
        token = sentence.tokens[position]
        if token.text in {",", ".", ";"}:
            return position if saw_name else None
        if token.is_capitalized:
            saw_name = True
        elif token.lower not in titles and token.lower != "and":
            return position if saw_name and token.lower in PREPOSITIONS else None
        position += 1
    return position if saw_name else None


def object_range(sentence: TokenizedSentence, start: int, keep_that: bool) -> tuple[int, int]:
    """Token range of the object after the trigger, cut at the clause boundary."""
    c = cues()
    forms = trigger_forms()
    position = start
    begin = position
    content = 0
    if ends_relative_clause(sentence, start - 1) and is_main_verb_after(sentence, start):
        return begin, begin  # "The man who was arrested fled on Monday": no object
    while position < len(sentence.tokens) and content < MAX_OBJECT_TOKENS:
        token = sentence.tokens[position]
        lower = token.lower
        if position in sentence.blocked or (
            lower in PREPOSITIONS
            and position + 1 in sentence.blocked
            and not date_modifies_next_noun(sentence, position + 1)  # "in Wednesday's vote"
        ):
            position += 1
            continue
        if lower == "that" and content == 0 and keep_that:
            position += 1
            continue
        if (
            content == 0
            and SCORE.fullmatch(token.text)
            and sentence.lower(position + 1) in TALLY_FOLLOWERS
        ):
            position += 1  # "ruling 5-4 that the state", "voted 52-48 to confirm": a tally
            begin = position
            continue
        if token.text == ",":
            if content and in_score_list(sentence, position):
                position += 1  # "beat Medvedev 6-3, 7-6 (5), 6-3 in the final"
                continue
            if content and region_opening(sentence, position) is not None:
                position += 1  # "addressed supporters in Wilmington, Delaware, on Saturday"
                continue
            end = apposition_end(sentence, position) if content else None
            if end is None:
                break
            position = end
            continue
        if token.text == "." and not ends_sentence(sentence, position):
            position += 1
            continue
        if token.text == "(" and content:
            after = parenthesis_end(sentence, position)
            if after is not None:  # "a 10 billion euro ($13 billion) bailout": read on
                position = after
                continue
        if token.text in {";", ":", "–", "—", "(", ".", "!", "?"}:
            break
        following = sentence.lower(position + 1)
        if (
            lower in c.object_stops
            and content
            and not compares_amounts(sentence, position)
            and not (
                is_role_complement(sentence, position)
                and not has_finite_verb(sentence, begin, position)  # "showed the company
            )  # passed Wal-Mart as the top seller at the beginning of the year": passed's
        ):
            break
        if (
            lower in OFFSET_UNITS
            and following in OFFSET_WORDS
            and sentence.lower(position - 1) != "of"  # "a matter of days before": the object
        ):
            while position > begin and is_offset_amount(sentence.tokens[position - 1]):
                position -= 1  # "ten days before the shooting", "about 20 minutes later"
            break  # "issued a mayday call moments before the crash": when, not what
        if lower in {"and", "but"} and is_ly_adverb(following):
            following = sentence.lower(position + 2)  # "and severely wounded a nurse"
        if lower in {"and", "but"} and (
            following in forms
            or following.endswith("ed")
            or following in verb_stops()
            or is_third_person_verb(following)
            or opens_clause(sentence, position + 1)
        ):
            break  # "resigns and flees country": a second verb, not the object
        if (
            lower in SUBORDINATING_PREPOSITIONS
            and sentence.lower(position + 1) in CLAUSE_OPENERS
            and has_finite_verb(sentence, position + 2, position + 5)
        ):
            break  # "have been killed since the protests began": a clause of its own
        if lower in {"according", "citing"} or (
            content
            and lower.endswith("ing")
            and is_trigger_gerund(sentence, position)
            and not is_noun_gerund(sentence, position)  # "in a court filing"
        ):
            break
        content += 1
        position += 1
    return begin, position


#: How far after "as" a finite verb makes it a clause ("as the storm approached").
ROLE_CLAUSE_WINDOW = 5


def is_role_complement(sentence: TokenizedSentence, position: int) -> bool:
    """Whether the "as" at `position` opens a role, not a clause ("joined Random House as an
    editor in 1967", "named him as chief executive"; not "as the storm approached", "as it
    did")."""
    if sentence.lower(position) != "as":
        return False
    following = sentence.lower(position + 1)
    if (
        not following.isalpha()
        or following in cues().pronouns
        or following in NOT_ROLES
        or following in PREPOSITIONS  # "as of January 2008"
        or (following in {"a", "an"} and sentence.lower(position + 2) in NOT_ROLES)
    ):
        return False
    return not has_finite_verb(sentence, position + 1, position + 1 + ROLE_CLAUSE_WINDOW)


#: Words after "as" that make an amount, a comparison or a manner, not a role ("as many as",
#: "as well as", "as part of", "as a result of", "as expected").
NOT_ROLES = frozenset(
    {"much", "many", "well", "long", "soon", "far", "if", "though", "part", "result"}
    | {"expected", "usual", "such", "little", "few", "high", "low", "recently", "early"}
)


#: How many words after a gerund its required object may stand ("taking office", "taking a
#: 60 percent stake").
GERUND_OBJECT_WINDOW = 4


def is_trigger_gerund(sentence: TokenizedSentence, position: int) -> bool:
    """Whether the word at `position` is the gerund of a trigger: of a row that needs no
    object, or with its row's object right after ("killing 12 and taking 251 hostages" has
    none of `take`'s, "to continue taking risks" neither)."""
    for row, kind in trigger_forms().get(sentence.lower(position), []):
        if kind != "gerund":
            continue
        if not row.object_required:
            return True
        last = min(position + 1 + GERUND_OBJECT_WINDOW, len(sentence.tokens))
        if any(object_key(row, sentence.lower(after)) for after in range(position + 1, last)):
            return True
    return False


#: Units of a short offset after an object, and the words that make them one ("a mayday call
#: moments before the crash", "the report hours after").
OFFSET_UNITS = frozenset({"seconds", "minutes", "moments", "hours", "days", "weeks", "months"})
OFFSET_WORDS = frozenset({"before", "after", "later", "earlier"})


#: Words of the amount of an offset ("ten days before", "about 20 minutes later").
OFFSET_AMOUNT_WORDS = frozenset(
    {"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
    | {"few", "several", "some", "about", "nearly", "almost", "just", "only", "around"}
)


def is_offset_amount(token: Token) -> bool:
    """Whether a token is part of the amount of an offset: a number or an amount word."""
    return token.text.isdigit() or token.lower in OFFSET_AMOUNT_WORDS


#: Prepositions that may also open a clause ("since the protests began").
SUBORDINATING_PREPOSITIONS = frozenset({"since", "after", "before", "until", "as"})


@lru_cache(maxsize=1)
def irregular_bases() -> frozenset[str]:
    """Base forms of the irregular verbs of the generic table ("flee" of "fled")."""
    return frozenset(generic_table().irregular_pasts.values())


def is_third_person_verb(word: str) -> bool:
    """Whether a lower-case word is the third person of an irregular verb ("flees",
    "leaves", "goes"), which can be no noun of an object."""
    if not word.endswith("s") or len(word) < 4:
        return False
    bases = irregular_bases()
    return word[:-1] in bases or (word.endswith("es") and word[:-2] in bases)


def date_modifies_next_noun(sentence: TokenizedSentence, index: int) -> bool:
    """Whether the date starting at token `index` modifies the noun after it, so that the
    preposition before it stays in the object: a possessive ("in Wednesday's election") or a
    hyphenated period before a noun ("a 47% decline in fourth-quarter earnings")."""
    while index + 1 < len(sentence.tokens) and index + 1 in sentence.blocked:
        index += 1
    token = sentence.tokens[index]
    if token.is_possessive:
        return True
    if "-" not in token.text or index + 1 >= len(sentence.tokens):
        return False
    following = sentence.tokens[index + 1]
    return is_noun_like(sentence, index + 1) and not following.lower.endswith(("ed", "ing"))


#: A set score ("6-3", "7-6").
SCORE = re.compile(r"\d{1,2}-\d{1,2}")
#: Words after a vote's tally that go on with what was decided ("ruled 5-4 that", "voted
#: 52-48 to confirm", "voted 7-2 in favor of", "ruled 6-3 against").
TALLY_FOLLOWERS = frozenset({"that", "to", "in", "for", "against", "on"})


def in_score_list(sentence: TokenizedSentence, comma: int) -> bool:
    """Whether the comma at `comma` separates the scores of a match ("6-3, 7-6 (5), 6-3")."""
    if comma + 1 >= len(sentence.tokens):
        return False
    before = sentence.tokens[comma - 1].text
    return bool(SCORE.fullmatch(sentence.tokens[comma + 1].text)) and (
        bool(SCORE.fullmatch(before)) or before == ")"
    )


#: Words before `than` in an amount ("more than 50 people", "fewer than 10").
AMOUNT_COMPARATIVES = frozenset({"more", "less", "fewer", "over", "under", "greater"})


#: Words that may open the number after `more than` ("more than a dozen", "than two").
NUMBER_WORDS = frozenset(
    {"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
    | {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "half", "twice"}
)


def compares_amounts(sentence: TokenizedSentence, index: int) -> bool:
    """Whether the `than` at `index` is inside an amount ("killed more than 50 people")."""
    if sentence.lower(index) != "than" or index + 1 >= len(sentence.tokens):
        return False
    number = sentence.tokens[index + 1]
    return sentence.lower(index - 1) in AMOUNT_COMPARATIVES and (
        number.text[:1].isdigit()
        or number.lower in NUMBER_WORDS
        or number.lower in MULTIPLYING_VERBS  # "revenue more than tripled"
    )


#: Verbs of multiplying that `more than` modifies ("more than tripled", "more than doubled").
MULTIPLYING_VERBS = frozenset(
    {"doubled", "tripled", "trebled", "quadrupled", "halved", "double", "triple", "halve"}
)


#: Words that open a new clause after `and` when an auxiliary follows within a few words.
CLAUSE_OPENERS = frozenset({"its", "his", "her", "their", "the", "it", "he", "she", "they"})
CLAUSE_AUXILIARIES = frozenset(
    {"was", "were", "is", "are", "has", "have", "had", "will", "would", "could"}
)


def opens_clause(sentence: TokenizedSentence, index: int) -> bool:
    """Whether a new clause starts at `index` after a conjunction: "filed for bankruptcy
    and its sale to Fiat was approved" (a subject, then an auxiliary within five words); not
    "sanctions on four officials and the entity that ran the camps"."""
    if sentence.lower(index) not in CLAUSE_OPENERS:
        return opens_named_clause(sentence, index)
    for position in range(index + 1, min(index + 6, len(sentence.tokens))):
        token = sentence.tokens[position]
        if token.lower in CLAUSE_AUXILIARIES:
            return True
        if token.text in CLAUSE_PUNCTUATION or token.lower in {"that", "which", "who"}:
            return False
    return False


def opens_named_clause(sentence: TokenizedSentence, index: int) -> bool:
    """Whether a name at `index` is the subject of a new clause: its words, then an auxiliary
    or a verb of the lexicon in the past or present with no preposition after it ("released
    16 captives and Israel has freed", "and Israel freed 200"; not "Russia and China imposed
    by")."""
    tokens = sentence.tokens
    if index >= 2 and tokens[index - 2].is_capitalized and index - 2 not in sentence.blocked:
        return False  # "that Altman and Brockman would join": one subject of two names
    position = index
    while position < len(tokens) and tokens[position].is_capitalized and position - index < 4:
        position += 1
    if position == index or position >= len(tokens) or position in sentence.blocked:
        return False
    lower = tokens[position].lower
    if lower in CLAUSE_AUXILIARIES:
        return True
    finite = any(kind in {"past", "third"} for _, kind in trigger_forms().get(lower, []))
    return finite and sentence.lower(position + 1) not in PREPOSITIONS


def span_text(sentence: TokenizedSentence, tokens: list[Token]) -> str:
    """Tokens joined as written: a space only where the sentence had one."""
    parts: list[str] = []
    for index, token in enumerate(tokens):
        if index and token.start != tokens[index - 1].end:
            parts.append(" ")
        parts.append(token.text)
    return "".join(parts)


COMPLEMENT_VERBS = frozenset(
    {"would", "will", "could", "might", "had", "has", "have", "was", "were", "is", "are"}
)


def complement_start(
    sentence: TokenizedSentence, begin: int, end: int, keep_that: bool, speech: bool = False
) -> int | None:
    """Where a reported clause starts ("announced that X would ..."): its dates are its own."""
    if not keep_that:
        return None
    c = cues()
    for index in range(begin, min(end, len(sentence.tokens))):
        token = sentence.tokens[index]
        if index in sentence.blocked:
            continue
        if (token.lower == "that" and (speech or has_finite_verb(sentence, index + 1, end))) or (
            token.lower in COMPLEMENT_VERBS and index > begin
        ):
            return token.start  # not "rejected that map in September 2023": a demonstrative
        if speech and index > begin + 5 and has_finite_verb(sentence, begin, index):
            return token.start  # a reporting verb's own date sits right after it
        if speech and token.lower in c.pronouns:
            return token.start  # "said it would": the reported clause starts
        if (
            speech
            and all(
                i in sentence.blocked and "-" in sentence.tokens[i].text
                for i in range(begin, index)
            )  # past a period adjective ("second-quarter"), not a day ("said Monday prices")
            and token.text.islower()
            and sentence.lower(begin - 1) in CLAUSE_REPORTING_VERBS
            and token.lower not in PREPOSITIONS
            and token.lower not in NOT_CLAUSE_NOUNS
            and is_noun_like(sentence, index)
            and has_finite_verb(sentence, index + 1, clause_end(sentence, index + 1))
        ):  # "said revenue for the second quarter ... rose", "said second-quarter profit rose"
            return sentence.tokens[begin].start
        opener = (token.lower in c.determiners or token.is_capitalized) and sentence.lower(
            index - 1
        ) not in PREPOSITIONS
        if speech and opener and has_finite_verb(sentence, index + 1, end):
            return token.start  # "said the sanctions were", "said Mohammed founded"
    return None


#: Reporting verbs that take a clause, not a noun phrase, right after them ("said revenue
#: rose"; "reported record revenue" is a noun phrase).
CLAUSE_REPORTING_VERBS = frozenset({"said", "says", "say", "added", "adds", "noted", "notes"})


def clause_end(sentence: TokenizedSentence, start: int) -> int:
    """Where the clause from `start` ends: at a comma, semicolon or dash, past a relative
    clause set off by commas ("revenue for the quarter, which ended July 27, rose")."""
    tokens = sentence.tokens
    position = start
    while position < len(tokens):
        text = tokens[position].text
        if text in {";", ":", "–", "—"}:
            return position
        if text == ",":
            if sentence.lower(position + 1) not in {"which", "who", "whose"}:
                return position
            closing = next(
                (i for i in range(position + 2, len(tokens)) if tokens[i].text == ","), None
            )
            if closing is None:
                return position
            position = closing
        position += 1
    return position


#: Present-tense verbs that open what a reported clause says ("said it expects to").
PRESENT_VERBS = frozenset({"expects", "hopes", "wants", "intends", "aims", "believes", "needs"})


@lru_cache(maxsize=1)
def finite_words() -> frozenset[str]:
    """Words that are finite verbs wherever they stand (built once, not per clause read)."""
    c = cues()
    return VERBLIKE | c.be_forms | c.have_forms | c.future | c.irrealis | PRESENT_VERBS


def has_finite_verb(sentence: TokenizedSentence, begin: int, end: int) -> bool:
    """Whether the tokens in [begin, end) hold a finite verb, as a reported clause does ("said
    the company would cut"), not a noun phrase ("reported infections in dairy cattle")."""
    finite = finite_words()
    irregular = generic_table().irregular_pasts
    hyphen_prefixes = generic_table().hyphen_verb_prefixes
    forms = trigger_forms()
    for index in range(begin, min(end, len(sentence.tokens))):
        lower = sentence.lower(index)
        if lower in finite or lower in irregular:
            return True
        if any(kind == "third" for _, kind in forms.get(lower, ())) and not is_plural_noun(
            sentence, index
        ):
            return True  # "said the company plans", not "said the sanctions"
        if (
            lower.endswith("ed")
            and len(lower) > 4
            and index not in sentence.blocked
            and ("-" not in lower or lower.split("-", 1)[0] in hyphen_prefixes)
        ):  # not "a better-than-expected rise", "state-owned": adjectives
            return True
    return False


def is_relative(sentence: TokenizedSentence, position: int) -> bool:
    """Whether a clause starting at `position` is a relative clause (not `said that ...`),
    with or without its pronoun ("a program the drugmaker unveiled")."""
    if starts_contact_clause(sentence, position):
        return True
    marker = sentence.lower(position - 1)
    if marker in {"who", "which", "whom"}:
        return True
    if marker != "that" or position < 2:
        return False
    before = sentence.tokens[position - 2].lower
    return not (before in VERBLIKE or before in trigger_forms() or before.endswith("ed"))


def relative_antecedent(sentence: TokenizedSentence, subject_start: int) -> list[Token]:
    """The noun phrase a `which`/`that` clause refers to, when the clause's subject follows it."""
    if starts_contact_clause(sentence, subject_start):
        found = antecedent_range(sentence, subject_start)  # "a program [the drugmaker] unveiled"
    elif subject_start < 2 or sentence.lower(subject_start - 1) not in {"which", "that", "whom"}:
        return []
    else:
        found = antecedent_range(sentence, subject_start - 1)
    if found is None:
        return []
    start, end = found
    return [t for t in sentence.tokens[start:end] if t.lower not in cues().determiners]


def subject_antecedent(sentence: TokenizedSentence, chain_start: int) -> tuple[int, int] | None:
    """The token range a relative pronoun subject stands for: "the Senate, which will vote",
    "the firefighters, who rescued" (None when the verb's subject is not such a pronoun)."""
    if chain_start < 2 or sentence.lower(chain_start - 1) not in {"which", "who", "that"}:
        return None
    if not is_relative(sentence, chain_start):
        return None  # "said that ... ": a reported clause
    return antecedent_range(sentence, chain_start - 1)


def antecedent_range(sentence: TokenizedSentence, pronoun: int) -> tuple[int, int] | None:
    """The noun phrase before a relative pronoun at token `pronoun` (through a comma, back to a
    determiner, a preposition, a verb or punctuation; at most six words)."""
    end = pronoun
    after_comma = end > 0 and sentence.tokens[end - 1].text == ","
    if after_comma:
        end -= 1
    if end <= 0:
        return None
    if (
        end >= 3
        and sentence.tokens[end - 1].text.isdigit()
        and len(sentence.tokens[end - 1].text) <= 3
        and sentence.tokens[end - 2].text == ","
    ):
        end -= 2  # "Humala, 62, who governed": Humala, not his age
    elif sentence.tokens[end - 1].text.replace(",", "").isdigit():
        return None  # "up from 3, which surprised analysts": the rise did
    if end - 1 in sentence.blocked:
        return None  # "fell 8.4% from a year ago, which hurt": the fall did, not the date
    before = sentence.tokens[end - 1].lower
    verb = (
        before in trigger_forms()
        and not is_plural_noun(sentence, end - 1)  # "its shares"
        and not (after_comma and sentence.tokens[end - 1].is_capitalized)  # "Air Show, which"
        and not (after_comma and sentence.lower(end - 2) in cues().determiners)  # "the show,"
    )
    if before in VERBLIKE or verb or before.endswith("ed"):
        return None  # "reported that China had hit back": a reported clause, not a relative one
    start = end
    while start > 0 and end - start < 6:
        token = sentence.tokens[start - 1]
        if token.text in CLAUSE_PUNCTUATION or token.lower in PREPOSITIONS_OR_VERBLIKE:
            break
        start -= 1
        if token.lower in cues().determiners:
            break
    while sentence.lower(pronoun) == "who" and end - start < MAX_NAME_TOKENS:
        of = start - 2 if sentence.lower(start - 1) == "the" else start - 1
        if of < 1 or sentence.lower(of) != "of" or not sentence.tokens[of - 1].is_capitalized:
            break  # "Senator Joe Manchin of West Virginia, who had blocked": the senator;
        start = of  # "Joan Brown Campbell of the National Council of Churches, who": Campbell
        while (
            start > 0
            and end - start < MAX_NAME_TOKENS
            and sentence.tokens[start - 1].is_capitalized
        ):
            start -= 1
        first_of = next(i for i in range(start, end) if sentence.lower(i) == "of")
        named = [i for i in range(start, first_of) if sentence.lower(i) not in cues().determiners]
        if len(named) >= 2:
            end = first_of  # the person named before the first `of` (not "The Duke of York")
    return (start, end) if start < end else None


#: The most tokens of a name with its `of` places ("Senator Joe Manchin of West Virginia").
MAX_NAME_TOKENS = 12


#: How many tokens a parenthesis inside an object may hold ("($13 billion)", "(600 kgs)").
MAX_PARENTHESIS_TOKENS = 8


def parenthesis_end(sentence: TokenizedSentence, opening: int) -> int | None:
    """The index after the `)` closing the `(` at `opening`, if it closes soon; else None."""
    last = min(len(sentence.tokens), opening + MAX_PARENTHESIS_TOKENS + 2)
    for index in range(opening + 1, last):
        text = sentence.tokens[index].text
        if text == ")":
            return index + 1
        if text == "(":
            return None
    return None


def object_tokens(sentence: TokenizedSentence, begin: int, end: int) -> list[Token]:
    """Object tokens without date phrases, the preposition that introduces them, and short
    parentheses ("($13 billion)")."""
    kept: list[Token] = []
    skip_to = begin
    for index in range(begin, end):
        token = sentence.tokens[index]
        if index < skip_to or index in sentence.blocked:
            continue
        if token.text == "(" and kept:
            skip_to = parenthesis_end(sentence, index) or index
            if skip_to > index:
                continue
        if (
            token.lower in DATE_INTRODUCERS
            and index + 1 in sentence.blocked
            and not date_modifies_next_noun(sentence, index + 1)
        ):
            continue
        if token.lower in DATE_QUALIFIERS and (
            index + 1 in sentence.blocked
            or (sentence.lower(index + 1) in DATE_INTRODUCERS and index + 2 in sentence.blocked)
        ):
            continue  # "early on Wednesday": the tagger's phrase is "Wednesday"
        if not kept and token.lower == "that":
            continue
        if (
            token.lower in PERIOD_LINKS
            and index - 1 in sentence.blocked
            and (index + 1 in sentence.blocked)
        ):
            continue  # "in the quarter ended Oct. 29": part of the date phrase
        kept.append(token)
    return kept


#: Words joining two date phrases into one period ("the quarter ended Oct. 29").
PERIOD_LINKS = frozenset({"ended", "ending", "ends", "through"})


#: How many words may follow the cue noun of an object in its noun phrase.
CUE_PHRASE_WORDS = 2


def targets_of(
    row_type: str,
    sentence: TokenizedSentence,
    obj: list[Token],
    cue_index: int | None,
    places: list[str],
) -> list[str]:
    """Who the event is done to: names in the object, else its first noun phrase."""
    if not ontology().by_id[row_type].object_is_target:
        against = [i for i, t in enumerate(obj) if t.lower == "against"]
        if not against:
            return []
        obj = obj[against[0] + 1 :]
    if cue_index is not None:
        cue = sentence.tokens[cue_index]
        after = [t for t in obj if t.start > cue.start]
        before = [t for t in obj if t.start < cue.start or (t is cue and cue.is_capitalized)]
        skip = 0  # the rest of the cue's noun phrase: "cruise missile strikes against"
        while (
            skip < min(len(after), CUE_PHRASE_WORDS)
            and after[skip].text.islower()
            and after[skip].lower not in PREPOSITIONS
        ):
            skip += 1
        marked = skip < len(after) and after[skip].lower in {"on", "against", "to", "at"}
        if marked:
            obj = after[skip + 1 :]
        elif after and after[0].is_capitalized and not cue.is_capitalized:
            obj = after  # "signed Argentina midfielder Enzo Fernandez": the name after the role
        else:
            obj = [t for t in before if t.is_capitalized]
    while obj and obj[0].lower in OBJECT_PARTICLES:
        obj = obj[1:]  # "struck down a key part of the act": the part
    phrase: list[Token] = []
    for index, token in enumerate(obj):
        following = obj[index + 1] if index + 1 < len(obj) else None
        if token.lower == "of" and following is not None and following.is_capitalized:
            phrase.append(token)
            continue
        if token.lower in PREPOSITIONS or token.lower in {"that", "who", "which", "to"}:
            break
        if len(phrase) == 1 and phrase[0].lower in OBJECT_PRONOUNS and token.lower.endswith("ing"):
            break  # "allegations against him spanning three decades": him
        phrase.append(token)
    while phrase and phrase[-1].lower in CLAUSE_COORDINATORS:
        phrase.pop()  # "investigated him in 2013 and 2014": him, the dates left out
    names = [name for name in principal_names(phrase) if name not in places]
    if names:
        return names
    cleaned = clean_phrase([t for t in phrase if t.text != ","])
    if not cleaned or len(cleaned.split()) > 6 or cleaned.lower() in ADVERB_OBJECTS:
        return []  # "came off the bench to score twice": no one scored
    demonyms = word_sets()[1]
    if all(word.lower() in demonyms and not word.endswith("s") for word in cleaned.split()):
        return []  # "raised 180 million Canadian dollars": an adjective; not "urged Iraqis"
    return [cleaned]


#: Object pronouns, which a participle after them does not continue.
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "it", "us", "me"})
#: Particles of phrasal verbs ("striking down", "setting up", "handing over").
VERB_PARTICLES = frozenset({"down", "up", "off", "out", "over", "back"})
#: The particles that open an object and are dropped from a target ("struck down a key
#: part"); not "over", which opens an amount as often ("won over 50% of the vote").
OBJECT_PARTICLES = VERB_PARTICLES - {"over"}
#: Adverbs read where an object stands ("scored twice", "won again"): no target.
ADVERB_OBJECTS = frozenset({"twice", "once", "again", "home", "abroad", "back", "late", "early"})


@lru_cache(maxsize=256)
def opening_person(text: str) -> str | None:
    """A person named by title at the start of a sentence ("Britain's foreign minister ...")."""
    sentence = TokenizedSentence(text, [])
    start, end = sentence_subject(sentence)
    tokens = sentence.tokens[start:end]
    titles = word_sets()[0]
    if not tokens or tokens[0].lower in cues().pronouns:
        return None
    if not any(t.text.islower() and t.lower in titles for t in tokens):
        return None
    found = actors_of(tokens)
    return found[0] if found else None
