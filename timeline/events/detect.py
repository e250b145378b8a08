"""Detection: which words of a sentence report an event, with status, tense and arguments.

Sentence-level and pure: `detect(text, blocked)` finds trigger words (lexicon rows), then keeps
the ones in a finite, affirmative, factual clause outside quotation marks. Negated, modal,
hypothetical, infinitive and quoted clauses are not events; `will`/`plan to` make an event
planned, a progressive makes it ongoing. `blocked` spans (temporal expressions) are skipped when
reading subjects and objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from timeline.events.lexicon import TriggerRow, cue_table, generic_table, ontology, trigger_forms
from timeline.events.names import names_in, places_in
from timeline.events.tokens import CLAUSE_PUNCTUATION, Token, quoted_of, tokens_of
from timeline.models import EventStatus

Tense = Literal["past", "present", "future"]
PREPOSITIONS = frozenset(
    {"of", "by", "with", "in", "for", "at", "on", "to", "from", "against", "over", "into", "about"}
)
OBJECT_WINDOW = 12
MODAL_OR_TO = frozenset(
    {"will", "would", "shall", "can", "could", "may", "might", "must", "should", "to", "did"}
)
MAX_OBJECT_TOKENS = 18
MAX_SUBJECT_TOKENS = 30
VERBLIKE = frozenset(
    {
        "said",
        "says",
        "made",
        "went",
        "took",
        "gave",
        "came",
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "did",
        "does",
        "told",
        "held",
        "sent",
        "put",
        "met",
    }
)


@dataclass(frozen=True)
class Detection:
    """A trigger that reports an event, with its clause read off the sentence."""

    row: TriggerRow
    trigger: Token
    status: EventStatus
    tense: Tense
    type: str
    passive: bool = False
    perfect: bool = False
    participial: bool = False
    nominal: bool = False
    relative: bool = False
    subject: str = ""
    subject_start: int = 0
    object_text: str = ""
    object_end: int = 0
    anchor_end: int = 0
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    background: bool = False
    continuation: bool = False
    coordinated: bool = False
    particle: str = ""
    generic: bool = False

    @property
    def speech(self) -> bool:
        """Whether the trigger is a reporting verb (said, told)."""
        return self.row.speech


@dataclass(frozen=True)
class _Cues:
    negation: frozenset[str]
    irrealis: frozenset[str]
    hypothetical: frozenset[str]
    future: frozenset[str]
    planning: frozenset[str]
    failure: frozenset[str]
    document_subject: frozenset[str]
    gerund_preposition: frozenset[str]
    present_be: frozenset[str]
    past_be: frozenset[str]
    be: frozenset[str]
    present_have: frozenset[str]
    past_have: frozenset[str]
    present_do: frozenset[str]
    past_do: frozenset[str]
    adverbs: frozenset[str]
    subordinators: frozenset[str]
    background: frozenset[str]
    continuation: frozenset[str]
    pronouns: frozenset[str]
    determiners: frozenset[str]
    temporal: frozenset[str]

    @property
    def auxiliary_chain(self) -> frozenset[str]:
        return (
            self.present_be
            | self.past_be
            | self.be
            | self.present_have
            | self.past_have
            | self.present_do
            | self.past_do
            | self.future
            | self.irrealis
            | self.negation
            | self.adverbs
            | {"to", "going", "not"}
        )


@lru_cache(maxsize=1)
def cues() -> _Cues:
    """The cue lists as sets."""
    table = cue_table()
    aux = table.auxiliaries
    return _Cues(
        negation=table.words("negation"),
        irrealis=table.words("irrealis_modal"),
        hypothetical=table.words("hypothetical"),
        future=table.words("future"),
        planning=table.words("planning"),
        failure=table.words("failure"),
        document_subject=table.words("document_subject"),
        gerund_preposition=table.words("gerund_preposition"),
        present_be=frozenset(aux.present_be),
        past_be=frozenset(aux.past_be),
        be=frozenset(aux.be),
        present_have=frozenset(aux.present_have),
        past_have=frozenset(aux.past_have),
        present_do=frozenset(aux.present_do),
        past_do=frozenset(aux.past_do),
        adverbs=frozenset(table.adverbs),
        subordinators=frozenset(table.subordinators),
        background=frozenset(table.background_adverbs),
        continuation=frozenset(table.continuation_adverbs),
        pronouns=frozenset(table.pronouns),
        determiners=frozenset(table.determiners),
        temporal=frozenset(table.temporal_words),
    )


def singular(word: str) -> str:
    """A crude singular for matching object nouns."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _object_key(row: TriggerRow, word: str) -> str | None:
    lower = word.lower()
    for key in (lower, singular(lower)):
        if key in row.objects:
            return key
    return None


class _Sentence:
    """A tokenized sentence with its quote mask and blocked (temporal) token indexes."""

    def __init__(self, text: str, blocked: list[tuple[int, int]]) -> None:
        self.text = text
        self.tokens = list(tokens_of(text))
        self.quoted = quoted_of(text)
        self.blocked = (
            {
                index
                for index, token in enumerate(self.tokens)
                if any(start <= token.start < end for start, end in blocked)
            }
            if blocked
            else set()
        )

    def is_quoted(self, index: int) -> bool:
        return bool(self.quoted) and self.quoted[self.tokens[index].start]

    def is_boundary(self, index: int) -> bool:
        token = self.tokens[index]
        return token.text in CLAUSE_PUNCTUATION or token.lower in cues().subordinators

    def lower(self, index: int) -> str:
        return self.tokens[index].lower if 0 <= index < len(self.tokens) else ""


NOT_ADVERBS = frozenset(
    {
        "family",
        "assembly",
        "rally",
        "ally",
        "supply",
        "reply",
        "anomaly",
        "monopoly",
        "bully",
        "folly",
        "tally",
        "belly",
        "jelly",
        "holly",
        "lily",
        "homily",
        "italy",
        "july",
    }
)


def is_ly_adverb(word: str) -> bool:
    """A lower-case -ly word that is an adverb ("officially"), not a noun ("family")."""
    return word.islower() and word.endswith("ly") and len(word) > 4 and word not in NOT_ADVERBS


def auxiliary_chain(sentence: _Sentence, index: int) -> tuple[int, list[str]]:
    """Index of the first auxiliary/adverb before the trigger and those words, in order."""
    allowed = cues().auxiliary_chain
    start = index
    while start > 0:
        previous = sentence.tokens[start - 1]
        lower = previous.lower
        if lower in allowed or is_ly_adverb(previous.text) or lower.endswith(("n't", "n’t")):
            start -= 1
            continue
        break
    return start, [token.lower for token in sentence.tokens[start:index]]


def _infinitive_status(
    sentence: _Sentence, chain_start: int, chain: list[str]
) -> EventStatus | Literal["reject"] | None:
    """Planned when `to V` follows a planning cue ("plan to"), else rejected; None: no `to`."""
    if "to" not in chain:
        return None
    c = cues()
    to_index = chain_start + chain.index("to")
    before = sentence.lower(to_index - 1)
    two_before = sentence.lower(to_index - 2)
    for phrase in (f"{before} to", f"{two_before} {before} to"):
        if phrase in c.failure:
            return "reject"
        if phrase in c.planning:
            return EventStatus.planned
    return "reject"


def is_hypothetical(sentence: _Sentence, index: int) -> bool:
    """Whether the trigger's clause starts with if/unless/whether."""
    c = cues()
    position = index - 1
    while position >= 0:
        token = sentence.tokens[position]
        if token.lower in c.hypothetical:
            return True
        if token.text in CLAUSE_PUNCTUATION:
            return False
        position -= 1
    return False


def _ends_sentence(sentence: _Sentence, index: int) -> bool:
    """Whether a period ends the sentence (not `Jan. 19` or a stray mid-sentence period)."""
    following = sentence.tokens[index + 1 :][:1]
    return not following or following[0].is_capitalized


def _object_type(row: TriggerRow, sentence: _Sentence, start: int) -> tuple[str | None, int | None]:
    """The type given by an object noun after the trigger, and that noun's index."""
    seen = 0
    position = start
    while position < len(sentence.tokens) and seen < OBJECT_WINDOW:
        token = sentence.tokens[position]
        if position in sentence.blocked:
            position += 1
            continue
        if token.text == "." and not _ends_sentence(sentence, position):
            position += 1
            continue
        if token.text in {",", ";", ":", "–", "—", "."}:
            break
        key = _object_key(row, token.text)
        if key is not None:
            return row.objects[key], position
        seen += 1
        position += 1
    return None, None


@lru_cache(maxsize=1)
def _verb_stops() -> frozenset[str]:
    """Words that end a subject read backwards: auxiliaries and inflected trigger verbs."""
    c = cues()
    inflected = {
        form
        for form, rows in trigger_forms().items()
        if any(kind in {"past", "participle", "gerund"} for _, kind in rows)
    }
    return (c.auxiliary_chain - c.adverbs - {"to", "not"}) | inflected


def _subject_range(sentence: _Sentence, chain_start: int) -> tuple[int, int, bool]:
    """Token range of the subject before the auxiliary chain; flag for VP coordination."""
    c = cues()
    end = chain_start
    if end == 0:
        return 0, 0, False
    if sentence.lower(end - 1) in {"and", "but", "or"}:
        return 0, 0, True
    if sentence.tokens[end - 1].text == ",":
        # an appositive between commas: "The Coalition, an organization of ten groups, issued"
        opening = _opening_name(sentence, end - 1)
        if opening is not None:
            return 0, opening, False
        position = end - 2
        while position >= 0 and sentence.tokens[position].text != ",":
            position -= 1
        if position <= 0:
            return 0, 0, False
        end = position
    if end == chain_start:
        while end > 0 and end - 1 in sentence.blocked:
            end -= 1  # "President Bill Clinton Saturday vowed": the date is not the subject
    start = end
    stops = c.subordinators - {"and", "or", "than"}
    verb_stops = _verb_stops()
    while start > 0 and end - start < MAX_SUBJECT_TOKENS:
        previous = start - 1
        token = sentence.tokens[previous]
        if (
            previous in sentence.blocked
            or sentence.is_quoted(previous)
            or token.lower in c.temporal
        ):
            break
        if token.text == "," and _is_list_comma(sentence, previous):
            start -= 1
            continue
        if token.lower in {"and", "or"} and _ends_clause(sentence, previous - 1):
            break  # "... were arrested and police were forced": clauses, not one subject
        if token.text in CLAUSE_PUNCTUATION - {"(", ")"} or token.lower in stops:
            break
        if token.lower in VERBLIKE or token.lower in verb_stops:
            break
        if (
            previous > 0
            and sentence.lower(previous - 1) in MODAL_OR_TO
            and (token.lower in trigger_forms())
        ):
            break  # "will make its request": a verb after a modal ends the subject
        start -= 1
    while start < end and sentence.lower(start) in PREPOSITIONS:
        start += 1  # "in a joint statement expected to be submitted": drop the preposition
    return start, _first_noun_phrase_end(sentence, start, end), False


def _opening_name(sentence: _Sentence, before: int) -> int | None:
    """End of a short name opening the sentence and followed by a comma ("Pompeo, a ...,")."""
    for index, token in enumerate(sentence.tokens[: min(before, 7)]):
        if token.text == ",":
            names = sentence.tokens[:index]
            if names and all(t.is_capitalized or t.lower in {"of", "the"} for t in names):
                return index
            return None
    return None


def _ends_clause(sentence: _Sentence, index: int) -> bool:
    """Whether the word at `index` (before an `and`) ends a clause: a verb or its particle."""
    if index < 0:
        return False
    token = sentence.tokens[index]
    lower = token.lower
    if token.is_capitalized or index in sentence.blocked:
        return False
    return (
        lower in VERBLIKE
        or lower in _verb_stops()
        or lower in trigger_forms()
        or (lower.endswith("ed") and len(lower) > 4)
        or lower in {"off", "up", "out", "down", "away", "back"}
    )


def _is_list_comma(sentence: _Sentence, index: int) -> bool:
    """A comma inside a list of names: "Sweden, Switzerland, the Netherlands"."""
    before = sentence.tokens[index - 1] if index > 0 else None
    after = [t for t in sentence.tokens[index + 1 : index + 3] if t.lower != "the"]
    if before is None or index - 1 in sentence.blocked or before.lower in cues().temporal:
        return False
    if not (before.is_capitalized and after and after[0].is_capitalized):
        return False
    rest = sentence.tokens[index + 1 : index + 12]
    return any(token.lower in {"and", "or"} for token in rest)


def _first_noun_phrase_end(sentence: _Sentence, start: int, end: int) -> int:
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
        )
        if lower in {"from", "in", "with", "at", "on"} and not joins_names:
            return index
        if lower in {"including", "who", "which", "that"}:
            return index
        if lower.endswith(("ed", "ing")) and len(lower) > 4 and index > start + 1:
            return index
    return end


def _sentence_subject(sentence: _Sentence) -> tuple[int, int]:
    """The subject at the start of the sentence (after an introductory phrase and comma)."""
    start = 0
    for index, token in enumerate(sentence.tokens[:8]):
        if token.text == "," and index < 7:
            start = index + 1
            break
    end = start
    while end < len(sentence.tokens) and end - start < 8:
        token = sentence.tokens[end]
        lower = token.lower
        if token.text in CLAUSE_PUNCTUATION or lower in VERBLIKE or lower in _verb_stops():
            break
        if not token.is_capitalized and lower.endswith("ed") and end > start:
            break
        if lower in cues().adverbs:
            break
        end += 1
    return start, end


def _clause_subject(sentence: _Sentence, index: int) -> tuple[int, int]:
    """The subject of the clause a participle hangs on ("the bomb went off, killing ...")."""
    c = cues()
    comma = index - 1
    while comma > 0 and sentence.tokens[comma].text != ",":
        comma -= 1
    start = comma
    while start > 0:
        token = sentence.tokens[start - 1]
        if token.text in CLAUSE_PUNCTUATION or token.lower in c.subordinators - {"and", "or"}:
            break
        start -= 1
    end = start
    while end < comma and end - start < 10:
        token = sentence.tokens[end]
        lower = token.lower
        if lower in VERBLIKE or lower in _verb_stops():
            break
        if not token.is_capitalized and lower.endswith("ed") and end > start:
            break
        end += 1
    return start, end


def _clean_phrase(tokens: list[Token]) -> str:
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


def _is_document(tokens: list[Token]) -> bool:
    """Whether a phrase names a document or is a quotation ("the statement", "“We urge")."""
    if tokens[0].text in {"“", '"', "``"}:
        return True
    words = {singular(t.lower) for t in tokens if not t.is_capitalized}
    return bool(words & cues().document_subject)


def _outside_parentheses(tokens: list[Token]) -> list[Token]:
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


def _after_last_title(tokens: list[Token]) -> list[str]:
    """Names after the last lower-case title word ("Ministry spokesman Yuri G." -> "Yuri G.")."""
    from timeline.events.names import _tables

    titles = _tables()[0]
    positions = [i for i, t in enumerate(tokens) if t.text.islower() and t.lower in titles]
    if not positions or positions[-1] == len(tokens) - 1:
        return []
    return names_in(tokens[positions[-1] + 1 :])


def _actors(tokens: list[Token]) -> list[str]:
    """Actors from a subject phrase: its names, or the phrase when its head is a common noun."""
    content = _outside_parentheses(tokens)
    while content and not any(char.isalnum() for char in content[-1].text):
        content = content[:-1]
    if not content:
        return []
    first = next((i for i, t in enumerate(content) if t.lower not in cues().determiners), 0)
    if (
        first + 1 < len(content)
        and content[first + 1].lower in {"for", "of"}
        and names_in(content[first : first + 1]) == []
    ):
        phrase = _clean_phrase(content)  # "Lawyers for the boy's family in Miami"
        if phrase and len(phrase.split()) <= 7:
            return [phrase]
    names = names_in(content)
    head = content[-1]
    if names and head.is_capitalized:
        return _after_last_title(content) or names
    phrase = _clean_phrase(content)
    if not phrase or len(phrase.split()) > 7:
        return names
    return [phrase]


def _apposition_end(sentence: _Sentence, comma: int) -> int | None:
    """End of an appositive list of names after a comma ("two Canadians, Michael X and ...")."""
    from timeline.events.names import _tables

    titles = _tables()[0]
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


def _object_range(sentence: _Sentence, start: int, keep_that: bool) -> tuple[int, int]:
    """Token range of the object after the trigger, cut at the clause boundary."""
    c = cues()
    forms = trigger_forms()
    position = start
    begin = position
    content = 0
    while position < len(sentence.tokens) and content < MAX_OBJECT_TOKENS:
        token = sentence.tokens[position]
        lower = token.lower
        if position in sentence.blocked or (
            lower in PREPOSITIONS and position + 1 in sentence.blocked
        ):
            position += 1
            continue
        if lower == "that" and content == 0 and keep_that:
            position += 1
            continue
        if token.text == ",":
            end = _apposition_end(sentence, position) if content else None
            if end is None:
                break
            position = end
            continue
        if token.text == "." and not _ends_sentence(sentence, position):
            position += 1
            continue
        if token.text in {";", ":", "–", "—", "(", ".", "!", "?"}:
            break
        if lower in c.subordinators - {"and", "or"} and content:
            break
        following = sentence.lower(position + 1)
        if lower in {"and", "but"} and (
            following in forms or following.endswith("ed") or following in _verb_stops()
        ):
            break
        if lower in {"according", "citing"} or (
            content
            and lower.endswith("ing")
            and any(k == "gerund" for _, k in forms.get(lower, []))
        ):
            break
        content += 1
        position += 1
    return begin, position


def span_text(sentence: _Sentence, tokens: list[Token]) -> str:
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


def _complement_start(
    sentence: _Sentence, begin: int, end: int, keep_that: bool, speech: bool = False
) -> int | None:
    """Where a reported clause starts ("announced that X would ..."): its dates are its own."""
    if not keep_that:
        return None
    c = cues()
    for index in range(begin, min(end, len(sentence.tokens))):
        token = sentence.tokens[index]
        if index in sentence.blocked:
            continue
        if token.lower == "that" or (token.lower in COMPLEMENT_VERBS and index > begin):
            return token.start
        if speech and index > begin + 5:
            return token.start  # a reporting verb's own date sits right after it
        if speech and (
            token.lower in c.pronouns
            or (token.lower in c.determiners and sentence.lower(index - 1) not in PREPOSITIONS)
        ):
            return token.start  # "said the sanctions were...": the reported clause starts
    return None


def _relative_antecedent(sentence: _Sentence, subject_start: int) -> list[Token]:
    """The noun phrase a `which`/`that` clause refers to, when the clause's subject follows it."""
    if subject_start < 2 or sentence.lower(subject_start - 1) not in {"which", "that", "whom"}:
        return []
    end = subject_start - 1
    if sentence.tokens[end - 1].text == ",":
        end -= 1
    start = end
    while start > 0 and end - start < 6:
        token = sentence.tokens[start - 1]
        if token.text in CLAUSE_PUNCTUATION or token.lower in PREPOSITIONS | VERBLIKE:
            break
        start -= 1
        if token.lower in cues().determiners:
            break
    return [t for t in sentence.tokens[start:end] if t.lower not in cues().determiners]


def _object_tokens(sentence: _Sentence, begin: int, end: int) -> list[Token]:
    """Object tokens without date phrases and the preposition that introduces them."""
    kept: list[Token] = []
    for index in range(begin, end):
        token = sentence.tokens[index]
        if index in sentence.blocked:
            continue
        if (
            token.lower in PREPOSITIONS | {"since", "during", "last"}
            and index + 1 in sentence.blocked
        ):
            continue
        if not kept and token.lower == "that":
            continue
        kept.append(token)
    return kept


def _targets(
    row_type: str, sentence: _Sentence, obj: list[Token], cue_index: int | None, places: list[str]
) -> list[str]:
    """Who the event is done to: names in the object, else its first noun phrase."""
    if not ontology().by_id[row_type].object_is_target:
        against = [i for i, t in enumerate(obj) if t.lower == "against"]
        if not against:
            return []
        obj = obj[against[0] + 1 :]
    if cue_index is not None:
        after = [t for t in obj if t.start > sentence.tokens[cue_index].start]
        before = [t for t in obj if t.start < sentence.tokens[cue_index].start]
        marked = bool(after) and after[0].lower in {"on", "against", "to", "at"}
        obj = after[1:] if marked else [t for t in before if t.is_capitalized]
    phrase: list[Token] = []
    for index, token in enumerate(obj):
        following = obj[index + 1] if index + 1 < len(obj) else None
        if token.lower == "of" and following is not None and following.is_capitalized:
            phrase.append(token)
            continue
        if token.lower in PREPOSITIONS or token.lower in {"that", "who", "which", "to"}:
            break
        phrase.append(token)
    names = [name for name in names_in(phrase) if name not in places]
    if names:
        return names
    cleaned = _clean_phrase([t for t in phrase if t.text != ","])
    return [cleaned] if cleaned and len(cleaned.split()) <= 6 else []


def _is_noun_use(sentence: _Sentence, index: int) -> bool:
    """Whether an -s form is a plural noun ("imposes sanctions", "a U.S. sanctions list")."""
    c = cues()
    forms = trigger_forms()
    previous = sentence.lower(index - 1)
    following = sentence.lower(index + 1)
    if index == 0 or previous in c.determiners or previous in PREPOSITIONS:
        return True
    if previous in forms or previous in VERBLIKE or previous.endswith("ed") or previous.isdigit():
        return True
    if previous in {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "new"}:
        return True
    if following in VERBLIKE or (following.endswith("ed") and following not in PREPOSITIONS):
        return True
    if sentence.tokens[index - 1].text.islower() and sentence.lower(index - 2) in (
        PREPOSITIONS | c.determiners
    ):
        return True  # "hit with gasoline bombs"
    if (
        following in {".", ","}
        and sentence.tokens[index - 1].text.islower()
        and (previous not in c.pronouns)
    ):
        return True  # "from possible attacks."
    if sentence.tokens[index - 1].is_possessive:
        return True
    if sentence.tokens[index - 1].is_capitalized:
        start = index - 1
        while start > 0 and sentence.tokens[start - 1].is_capitalized:
            start -= 1
        if start > 0 and sentence.lower(start - 1) in {"a", "an"} | PREPOSITIONS:
            return True
    return False


def _status_and_tense(
    sentence: _Sentence,
    index: int,
    kind: str,
    chain_start: int,
    chain: list[str],
    row: TriggerRow,
) -> tuple[EventStatus, Tense, bool, bool, bool] | None:
    """Status, tense, passive, perfect and participial flags; None when not an event."""
    c = cues()
    words = set(chain)
    if words & c.negation or any(w.endswith(("n't", "n’t")) for w in chain):
        return None
    if words & c.irrealis:
        return None
    infinitive = _infinitive_status(sentence, chain_start, chain)
    if infinitive == "reject":
        return None
    planned = infinitive is EventStatus.planned or bool(words & c.future) or "going" in words
    has_be = bool(words & (c.present_be | c.past_be | c.be))
    has_have = bool(words & (c.present_have | c.past_have))
    present = bool(words & (c.present_be | c.present_have | c.present_do))
    tense: Tense = "future" if planned else ("present" if present else "past")
    if kind == "gerund":
        if has_be:
            return (
                (EventStatus.planned if planned else EventStatus.ongoing),
                tense,
                False,
                has_have,
                False,
            )
        previous = sentence.lower(index - 1)
        communication = row.type in {"request", "accuse", "statement", "deny", "threaten"}
        if previous != "," and not (previous in {"and", "or"} and communication):
            return None  # a gerund used as a noun or after a preposition: "bombing specialists"
        return EventStatus.occurred, "past", False, False, True
    if kind == "base":
        if has_be:
            return None  # "will be free to anyone": an adjective, not a verb
        if planned:
            return EventStatus.planned, "future", has_be, False, False
        if words & c.past_do:
            return EventStatus.occurred, "past", False, False, False
        if words & c.present_do or sentence.lower(chain_start - 1) in {"they", "we", "i", "you"}:
            return EventStatus.occurred, "present", False, False, False
        return None
    if kind == "third":
        if not chain and _is_noun_use(sentence, index):
            return None
        return EventStatus.occurred, "present", False, False, False
    if kind == "noun":
        return EventStatus.occurred, "past", False, False, False
    # past / participle forms
    if planned:
        return EventStatus.planned, "future", has_be, has_have, False
    if chain and chain[0] == "being" and sentence.lower(chain_start - 1) in c.gerund_preposition:
        return None  # "after being accused of"
    if has_be:
        ongoing = bool(words & c.present_be) and not has_have and "being" not in words
        progressive = "being" in words
        status = EventStatus.ongoing if (ongoing or progressive) else EventStatus.occurred
        return status, tense, True, has_have, False
    if has_have:
        return EventStatus.occurred, tense, False, True, False
    if kind == "participle":
        return None
    previous = sentence.lower(index - 1)
    after = index + 1
    while after in sentence.blocked:
        after += 1
    following = sentence.lower(after)
    if (previous == "," or previous.isdigit()) and following in PREPOSITIONS:
        return None  # a reduced relative: "two Canadians, accused of spying"
    while following in PREPOSITIONS and after + 1 in sentence.blocked:
        after += 1  # "declared on Jan. 19 that": skip the date adjunct
        while after in sentence.blocked:
            after += 1
        following = sentence.lower(after)
    if following in PREPOSITIONS and sentence.lower(after + 1) in c.temporal:
        following = ""  # "reported on Monday": a date adjunct, not a passive's complement
    transitive = (
        row.id != "generic" and not row.intransitive and not row.particles and not row.speech
    )
    subject_end = sentence.tokens[chain_start - 1] if chain_start > 0 else None
    if (
        transitive
        and following in PREPOSITIONS - {"to"}
        and subject_end is not None
        and subject_end.text.islower()
        and subject_end.lower not in c.pronouns
    ):
        return None  # "two killings blamed on the army": a passive participle
    if following == "by" and previous not in c.pronouns:
        return None  # "the documents requested by the court"
    return EventStatus.occurred, "past", False, False, False


def _verb_detection(
    sentence: _Sentence, index: int, row: TriggerRow, kind: str
) -> Detection | None:
    """A detection for a verb trigger at `index`, or None when the clause is not an event."""
    c = cues()
    token = sentence.tokens[index]
    if sentence.is_quoted(index) or index in sentence.blocked:
        return None
    next_index = index + 1
    if f"{token.lower} {sentence.lower(next_index)}" in c.failure:
        return None
    if row.particles:
        if sentence.lower(next_index) not in row.particles:
            return None
        next_index += 1
    previous = sentence.tokens[index - 1] if index > 0 else None
    if previous is not None and row.objects and _object_key(row, previous.text):
        return None  # "a statement released Monday", "the sanctions imposed by Ottawa"
    object_type, cue_index = _object_type(row, sentence, next_index)
    if row.object_required and object_type is None:
        return None
    chain_start, chain = auxiliary_chain(sentence, index)
    if kind in {"base", "third"} and chain_start == 0 and not chain:
        return None  # imperative or a headline fragment without subject
    if sentence.lower(chain_start - 1) in c.determiners and kind in {"past", "participle"}:
        return None  # "the recently announced iPhone": an adjective
    verdict = _status_and_tense(sentence, index, kind, chain_start, chain, row)
    if verdict is None or is_hypothetical(sentence, chain_start):
        return None
    status, tense, passive, perfect, participial = verdict
    if passive and row.speech:
        return None  # "the king was said to be carrying": hearsay, not an event
    if passive and perfect and "since" in {t.lower for t in sentence.tokens[index + 1 :]}:
        status = EventStatus.ongoing  # "have been detained since December 2018"
    if (
        passive
        and status is EventStatus.ongoing
        and sentence.lower(chain_start - 1) in {"who", "which", "that"}
    ):
        return None  # a state in a relative clause: "all those who are detained"
    event_type = object_type or row.type
    subject_anchor = chain_start
    if "to" in chain:
        # "60 lawmakers plan to issue": the subject stands before the planning verb
        planning_verb = chain_start + chain.index("to") - 1
        subject_anchor, _ = auxiliary_chain(sentence, max(0, planning_verb))
    start, end, coordinated = _subject_range(sentence, subject_anchor)
    if participial:
        start, end = _clause_subject(sentence, index)
        coordinated = True
    elif coordinated:
        start, end = _sentence_subject(sentence)
    subject_tokens = sentence.tokens[start:end]
    if subject_tokens and (
        subject_tokens[0].lower in c.negation
        or " ".join(t.lower for t in subject_tokens[:2]) in c.negation
    ):
        return None  # "Nobody died", "No one was arrested"
    inverted = False
    if not subject_tokens and row.speech:
        start, end = next_index, next_index
        while end < len(sentence.tokens) and sentence.tokens[end].text not in CLAUSE_PUNCTUATION | {
            "."
        }:
            end += 1
        subject_tokens = sentence.tokens[start:end]
        inverted = True
    if participial and (not subject_tokens or _is_document(subject_tokens)):
        return None  # "..., the statement said, calling for ...": no actor of its own
    if (
        not passive
        and subject_tokens
        and singular(subject_tokens[-1].lower) in c.document_subject
        and (event_type in {"statement", "request", "accuse", "deny", "threaten"})
    ):
        return None
    keep_that = row.speech or event_type in {"statement", "accuse", "deny", "threaten"}
    begin, finish = (end, end) if inverted else _object_range(sentence, next_index, keep_that)
    obj = _object_tokens(sentence, begin, finish)
    antecedent = _relative_antecedent(sentence, start)
    if antecedent and (not obj or obj[0].lower in PREPOSITIONS):
        obj = antecedent + obj  # "the law, which Beijing imposed on the city": the law
    sentence_places = places_in(sentence.tokens)
    relative = sentence.lower(start - 1) in {"who", "which", "that", "whom"} or sentence.lower(
        chain_start - 1
    ) in {"who", "which", "that"}
    chain_words = set(chain)
    return Detection(
        row=row,
        trigger=token,
        status=status,
        tense=tense,
        type=event_type,
        passive=passive,
        perfect=perfect,
        participial=participial,
        relative=relative,
        subject=_clean_phrase(subject_tokens),
        subject_start=(
            subject_tokens[0].start if subject_tokens and not coordinated else token.start
        ),
        object_text=span_text(sentence, _outside_parentheses(obj)),
        object_end=sentence.tokens[finish - 1].end if finish > begin else token.end,
        anchor_end=_complement_start(sentence, next_index, finish, keep_that, row.speech)
        or (sentence.tokens[finish - 1].end if finish > begin else token.end),
        actors=[] if passive and not inverted else _actors(subject_tokens),
        targets=(
            _actors(subject_tokens)
            if passive
            else _targets(event_type, sentence, obj, cue_index, sentence_places)
        ),
        places=sentence_places,
        background=bool(chain_words & c.background),
        continuation=bool(chain_words & c.continuation),
        coordinated=coordinated,
        particle=sentence.lower(index + 1) if row.particles else "",
    )


def _noun_detection(sentence: _Sentence, index: int, row: TriggerRow) -> Detection | None:
    """A nominal event in the frames `X's arrest of Y` or `the arrest of Name`."""
    if sentence.is_quoted(index) or sentence.lower(index + 1) != "of":
        return None
    object_start = index + 2
    if object_start >= len(sentence.tokens) or not sentence.tokens[object_start].is_capitalized:
        return None
    previous = sentence.tokens[index - 1] if index > 0 else None
    actors: list[str] = []
    if previous is not None and previous.is_possessive:
        start = index - 1
        while start > 0 and sentence.tokens[start - 1].is_capitalized:
            start -= 1
        actors = names_in(sentence.tokens[start:index])
    elif previous is None or previous.lower != "the":
        return None
    finish = object_start
    while finish < len(sentence.tokens) and (
        sentence.tokens[finish].is_capitalized
        or sentence.tokens[finish].lower in {"of", "and"}
        or sentence.tokens[finish].text in {"-", "’s", "'s"}
    ):
        finish += 1
    obj = sentence.tokens[object_start:finish]
    return Detection(
        row=row,
        trigger=sentence.tokens[index],
        status=EventStatus.occurred,
        tense="past",
        type=row.type,
        nominal=True,
        subject=" ".join(actors),
        subject_start=sentence.tokens[index].start,
        object_text=" ".join(names_in(obj)) or _clean_phrase(obj),
        object_end=obj[-1].end if obj else sentence.tokens[index].end,
        actors=actors,
        targets=names_in(obj),
        places=places_in(sentence.tokens),
    )


WORD = re.compile(r"\w+")
GENERIC_ENDINGS = ("ed",)
E_ENDINGS = ("v", "c", "g", "z", "u", "at", "ir", "ur", "or", "os", "iz", "ag", "ar", "ok", "id")


def lemma_of_past(word: str) -> str:
    """A base form for a past-tense verb (irregular table, then -ed rules)."""
    irregular = generic_table().irregular_pasts
    if word in irregular:
        return irregular[word]
    if word.endswith("ied"):
        return word[:-3] + "y"
    base = word[:-2]
    if len(base) > 2 and base[-1] == base[-2] and base[-1] not in "lsfz":
        return base[:-1]
    if base.endswith(E_ENDINGS):
        return base + "e"
    return base


@lru_cache(maxsize=1)
def _stative() -> frozenset[str]:
    return frozenset(generic_table().stative)


def _generic_detection(sentence: _Sentence, index: int) -> Detection | None:
    """A past-tense verb outside the lexicon; kept later only if its clause has a date."""
    token = sentence.tokens[index]
    lower = token.lower
    irregular = generic_table().irregular_pasts
    if not token.text.islower() or lower in _stative():
        return None
    if lower not in irregular and not (lower.endswith(GENERIC_ENDINGS) and len(lower) > 4):
        return None
    chain_start, chain = auxiliary_chain(sentence, index)
    previous = sentence.tokens[chain_start - 1] if chain_start > 0 else None
    if not chain:
        named = previous is not None and (
            previous.is_capitalized or previous.lower in cues().pronouns
        )
        if not named and not _subject_starts_clause(sentence, chain_start):
            return None
        if _later_finite_verb(sentence, index):
            return None  # "A report published in 2004 was wrong": a reduced relative
    lemma = lemma_of_past(lower)
    row = TriggerRow.model_construct(
        id="generic",
        lemma=lemma,
        pos="verb",
        forms={"past": lower, "participle": lower},
        particles=[],
        objects={},
        object_required=False,
        type="other",
        speech=False,
        positive=[],
        negative=[],
    )
    detection = _verb_detection(sentence, index, row, "past")
    if detection is None:
        return None
    return Detection(**{**detection.__dict__, "generic": True})


def _subject_starts_clause(sentence: _Sentence, chain_start: int) -> bool:
    """Whether the words before the verb are a noun phrase opening the sentence or clause."""
    c = cues()
    position = chain_start - 1
    while position >= 0:
        token = sentence.tokens[position]
        if token.text in CLAUSE_PUNCTUATION or token.lower in c.subordinators:
            return True
        if token.lower in _verb_stops() or token.lower in VERBLIKE or token.lower in PREPOSITIONS:
            return False
        position -= 1
    return True


def _later_finite_verb(sentence: _Sentence, index: int) -> bool:
    """Whether a finite verb follows in the same clause (the -ed form was a modifier)."""
    finite = VERBLIKE | {"was", "were", "is", "are", "has", "have", "had", "will", "would"}
    for token in sentence.tokens[index + 1 :]:
        if token.text in CLAUSE_PUNCTUATION or token.lower in {"and", "but", "which", "who"}:
            return False
        if token.lower in finite:
            return True
    return False


@lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    return frozenset(trigger_forms())


def has_trigger_word(text: str) -> bool:
    """A quick test for any trigger form in a text (skips most sentences cheaply)."""
    return not _trigger_words().isdisjoint(WORD.findall(text.lower()))


def detect(text: str, blocked: list[tuple[int, int]] | None = None) -> list[Detection]:
    """Event detections in a sentence, in order; `blocked` are date-phrase spans to skip."""
    if text.rstrip().endswith("?"):
        return []
    dated = bool(blocked)  # a verb outside the lexicon needs a date phrase in its sentence
    if not dated and not has_trigger_word(text):
        return []
    sentence = _Sentence(text, blocked or [])
    forms = trigger_forms()
    irregular = generic_table().irregular_pasts
    found: list[Detection] = []
    for index, token in enumerate(sentence.tokens):
        if token.lower not in forms:
            lower = token.lower
            if dated and (lower.endswith("ed") or lower in irregular):
                generic = _generic_detection(sentence, index)
                if generic is not None:
                    found.append(generic)
            continue
        for row, kind in forms.get(token.lower, []):
            if kind == "noun":
                detection = _noun_detection(sentence, index, row)
            else:
                detection = _verb_detection(sentence, index, row, kind)
            if detection is not None:
                found.append(detection)
                break
    finite = [d for d in found if not d.participial and not d.nominal and not d.generic]
    if finite:
        found = [d for d in found if not d.participial]
    return found
