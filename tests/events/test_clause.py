"""The clause primitives: cue sets built once, the continuation search."""

from __future__ import annotations

import re

from timeline.events.clause import (
    PREPOSITIONS,
    TokenizedSentence,
    continues_episode,
    cues,
    ends_sentence,
)
from timeline.events.lexicon import cue_table


def test_combined_cue_sets_are_the_unions_they_name() -> None:
    c = cues()
    assert c.be_forms == c.present_be | c.past_be | c.be
    assert c.have_forms == c.present_have | c.past_have
    assert c.present_forms == c.present_be | c.present_have | c.present_do
    assert c.unreal_or_future == c.negation | c.irrealis | c.future
    assert c.object_stops == c.subordinators - {"and", "or"}
    assert c.subject_stops == c.subordinators - {"and", "or", "than"}
    assert c.determiners_or_prepositions == PREPOSITIONS | c.determiners
    assert "was" in c.be_forms and "had" in c.have_forms
    assert c.auxiliary_chain is c.auxiliary_chain  # built once


def test_continuation_search_matches_each_phrase_in_any_case_and_whole_words_only() -> None:
    phrases = cue_table().continuation_phrases
    assert phrases
    for phrase in phrases:
        assert continues_episode(f"And {phrase}, troops moved in.")
        assert continues_episode(f"{phrase.upper()} troops moved in.")
        assert not continues_episode(f"x{phrase}x troops moved in.")
    plain = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.I)
    text = "Troops moved in. Within hours the city fell; shortly afterwards it burned."
    assert continues_episode(text) == bool(plain.search(text))


def test_a_period_after_a_middle_initial_does_not_end_the_sentence() -> None:
    sentence = TokenizedSentence("He left Timothy D. Cook in charge. Then he left.", [])
    periods = [i for i, token in enumerate(sentence.tokens) if token.text == "."]
    assert [ends_sentence(sentence, i) for i in periods] == [False, True, True]
