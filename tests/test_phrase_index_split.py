"""A phrase index keeps its keys in two automatons (#17): the word-bounded keys (each starts
with a space) in one, the keys that start with a CJK character in another, run only over a
text that holds one of their first letters. Its finds must be those of one automaton holding
every key, in the same order: the knowledge base reads its hits in that order."""

from __future__ import annotations

import pickle
import re
from collections.abc import Callable

import ahocorasick
import pytest

from alerts.knowledge import base
from alerts.knowledge.phrases import PhraseIndex, token_text
from tests.test_knowledge_parts import _labelled


def _one_automaton(index: PhraseIndex) -> Callable[[str], list[tuple[int, str, tuple]]]:
    """find() as it would be with every key in a single automaton (the index as it was)."""
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for number in range(len(index._keys)):
        automaton.add_word(index._keys[number], number)
    automaton.make_automaton()

    def find(tokens: str) -> list[tuple[int, str, tuple]]:
        out = []
        for end, number in automaton.iter(tokens):
            start = end - index._lengths[number] + 1
            out.append((start, tokens[start:end + 1], tuple(index._values[number])))
        return out
    return find


@pytest.fixture(scope="module")
def shipped() -> base.KnowledgeBase:
    return pickle.loads(pickle.dumps(base._prepared(base._construct(None)),
                                     protocol=pickle.HIGHEST_PROTOCOL))


def test_the_knowledge_bases_indexes_find_what_one_automaton_finds(shipped):
    texts = [token_text(f"{title} . {summary}") for title, summary, _ in _labelled()]
    assert sum(any("\u4e00" <= c <= "\u9fff" for c in t) for t in texts) >= 20  # Chinese too
    indexes = {"names": shipped._names, "offices": shipped._offices,
               "triggers": shipped._triggers, "denials": shipped._denials}
    compared = chinese = 0
    for name, index in indexes.items():
        index.prepare()
        reference = _one_automaton(index)
        for text in texts:
            got = [(s, k, tuple(p)) for s, k, p in index.find(text)]
            assert got == reference(text), (name, text)
            compared += len(got)
            chinese += sum(not k.startswith(" ") for _, k, _ in got)
    assert compared > 4000 and chinese > 20


def test_keys_ending_together_come_longer_first_across_the_two_automatons():
    index: PhraseIndex[str] = PhraseIndex()
    for phrase in ("putin 普京", "普京", "京", "putin", "普京 与", "马克龙", "与马克龙通话"):
        index.add(phrase, phrase)
    index.prepare()
    reference = _one_automaton(index)
    for text in ("putin 普京 met", "普京与马克龙通话", "putin 普京与马克龙通话 putin",
                 "no chinese here", "京"):
        tokens = token_text(text)
        assert [(s, k, tuple(p)) for s, k, p in index.find(tokens)] == \
            reference(tokens)
    assert [k for _, k, _ in index.find(token_text("putin 普京"))] == \
        [" putin ", " putin 普京", "普京", "京"]


def test_a_latin_text_runs_only_the_automaton_of_word_bounded_keys(shipped):
    """The split itself: the Chinese names' first letters are not among the root's choices
    of the automaton every text runs through, and a text without them skips the other."""
    index = shipped._names
    index.prepare()
    spaced, others = index._automaton.keys(), index._others.keys()
    assert all(key.startswith(" ") for key in spaced)
    assert index._others is not None and len(index._others) > 500
    assert all(not key.startswith(" ") for key in others)
    assert index._starts is not None
    assert not re.search(index._starts, token_text("Macron called Putin"))


def test_an_index_without_chinese_keys_or_without_any_key_finds_as_before():
    latin: PhraseIndex[int] = PhraseIndex()
    latin.add("cease fire", 1)
    latin.prepare()
    assert latin._others is None and latin._starts is None
    assert [k for _, k, _ in latin.find(token_text("a cease-fire now"))] == [" cease fire "]
    chinese: PhraseIndex[int] = PhraseIndex()
    chinese.add("停火", 2)
    assert [k for _, k, _ in chinese.find(token_text("宣布停火"))] == ["停火"]
    assert list(chinese.find(token_text("no fire"))) == []
    empty: PhraseIndex[int] = PhraseIndex()
    assert list(empty.find(token_text("anything"))) == []
