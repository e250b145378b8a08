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

from timeline.events.arguments import (
    actors_of,
    clause_subject,
    clean_phrase,
    complement_start,
    is_document,
    is_relative,
    object_range,
    object_tokens,
    outside_parentheses,
    relative_antecedent,
    sentence_subject,
    span_text,
    subject_range,
    targets_of,
)
from timeline.events.clause import (
    OBJECT_WINDOW,
    PREPOSITIONS,
    VERBLIKE,
    TokenizedSentence,
    auxiliary_chain,
    cues,
    ends_sentence,
    object_key,
    singular,
    verb_stops,
)
from timeline.events.lexicon import TriggerRow, cue_table, generic_table, trigger_forms
from timeline.events.names import names_in, places_in
from timeline.events.tokens import CLAUSE_PUNCTUATION, Token
from timeline.models import EventStatus

Tense = Literal["past", "present", "future"]


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


def _infinitive_status(
    sentence: TokenizedSentence, chain_start: int, chain: list[str]
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


def is_hypothetical(sentence: TokenizedSentence, index: int) -> bool:
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


def _object_type(
    row: TriggerRow, sentence: TokenizedSentence, start: int
) -> tuple[str | None, int | None]:
    """The type given by an object noun after the trigger, and that noun's index."""
    seen = 0
    position = start
    while position < len(sentence.tokens) and seen < OBJECT_WINDOW:
        token = sentence.tokens[position]
        if position in sentence.blocked:
            position += 1
            continue
        if token.text == "." and not ends_sentence(sentence, position):
            position += 1
            continue
        if token.text in {",", ";", ":", "–", "—", "."}:
            break
        key = object_key(row, token.text)
        if key is not None:
            return row.objects[key], position
        seen += 1
        position += 1
    return None, None


def _is_noun_use(sentence: TokenizedSentence, index: int) -> bool:
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
    next_token = sentence.tokens[index + 1] if index + 1 < len(sentence.tokens) else None
    gerund_next = next_token is not None and next_token.text.islower() and following.endswith("ing")
    if gerund_next or following in {"--", "–", "—"}:
        return True  # "U.S. ships carrying Iraqi goods"
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
    sentence: TokenizedSentence,
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
    sentence: TokenizedSentence, index: int, row: TriggerRow, kind: str
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
    if previous is not None and row.objects and object_key(row, previous.text):
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
    start, end, coordinated = subject_range(sentence, subject_anchor)
    if participial:
        start, end = clause_subject(sentence, index)
        coordinated = True
    elif coordinated:
        start, end = sentence_subject(sentence)
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
    if participial and (not subject_tokens or is_document(subject_tokens)):
        return None  # "..., the statement said, calling for ...": no actor of its own
    if (
        not passive
        and subject_tokens
        and singular(subject_tokens[-1].lower) in c.document_subject
        and (event_type in {"statement", "request", "accuse", "deny", "threaten"})
    ):
        return None
    keep_that = row.speech or event_type in {"statement", "accuse", "deny", "threaten"}
    begin, finish = (end, end) if inverted else object_range(sentence, next_index, keep_that)
    obj = object_tokens(sentence, begin, finish)
    while obj and obj[0].lower in c.adverbs:
        obj = obj[1:]  # "meet again to discuss"
    antecedent = relative_antecedent(sentence, start)
    if antecedent and (not obj or obj[0].lower in PREPOSITIONS):
        obj = antecedent + obj  # "the law, which Beijing imposed on the city": the law
    sentence_places = places_in(sentence.tokens)
    relative = is_relative(sentence, start) or is_relative(sentence, chain_start)
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
        subject=clean_phrase(subject_tokens),
        subject_start=(
            subject_tokens[0].start if subject_tokens and not coordinated else token.start
        ),
        object_text=span_text(sentence, outside_parentheses(obj)),
        object_end=sentence.tokens[finish - 1].end if finish > begin else token.end,
        anchor_end=complement_start(sentence, next_index, finish, keep_that, row.speech)
        or (sentence.tokens[finish - 1].end if finish > begin else token.end),
        actors=[] if passive and not inverted else actors_of(subject_tokens),
        targets=(
            actors_of(subject_tokens)
            if passive
            else targets_of(event_type, sentence, obj, cue_index, sentence_places)
        ),
        places=sentence_places,
        background=bool(chain_words & c.background),
        continuation=bool(chain_words & c.continuation) or continues_episode(sentence.text),
        coordinated=coordinated,
        particle=sentence.lower(index + 1) if row.particles else "",
    )


@lru_cache(maxsize=1)
def _continuation_pattern() -> re.Pattern[str]:
    phrases = sorted(cue_table().continuation_phrases, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)


def continues_episode(text: str) -> bool:
    """Whether a sentence says it follows what was just told ("within hours", "in response")."""
    return bool(_continuation_pattern().search(text))


def _noun_detection(sentence: TokenizedSentence, index: int, row: TriggerRow) -> Detection | None:
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
        object_text=" ".join(names_in(obj)) or clean_phrase(obj),
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


def _generic_detection(sentence: TokenizedSentence, index: int) -> Detection | None:
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


def _subject_starts_clause(sentence: TokenizedSentence, chain_start: int) -> bool:
    """Whether the words before the verb are a noun phrase opening the sentence or clause."""
    c = cues()
    position = chain_start - 1
    while position >= 0:
        token = sentence.tokens[position]
        if token.text in CLAUSE_PUNCTUATION or token.lower in c.subordinators:
            return True
        if token.lower in verb_stops() or token.lower in VERBLIKE or token.lower in PREPOSITIONS:
            return False
        position -= 1
    return True


def _later_finite_verb(sentence: TokenizedSentence, index: int) -> bool:
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
    sentence = TokenizedSentence(text, blocked or [])
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
