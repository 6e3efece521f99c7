"""The knowledge base's phrase indexes stay in every daemon's memory (issue #17): built, an
index keeps no dictionary of payload lists, its automaton stores numbers rather than Python
objects, and equal strings in payloads are one object."""

from __future__ import annotations

import pickle
from collections import defaultdict

import ahocorasick

from alerts.knowledge import knowledge_base
from alerts.knowledge.phrases import PhraseIndex, token_text


def test_the_built_indexes_hold_compact_structures():
    kb = knowledge_base()
    indexes = (kb._names, kb._offices, kb._triggers, kb._denials)
    for index in indexes:
        index.prepare()
        assert index._payloads is None  # no key -> list dictionary once built
        assert index._automaton.store == ahocorasick.STORE_INTS
        assert len(index._keys) == len(index._values) == len(index) > 0
    # Every office payload naming the same country holds the very same string.
    by_value: dict[str, set[int]] = defaultdict(set)
    for payloads in kb._offices._values:
        for _, country, _ in payloads:
            by_value[country].add(id(country))
    assert by_value and all(len(ids) == 1 for ids in by_value.values())


def test_an_index_finds_the_same_after_more_phrases_and_a_pickle():
    index: PhraseIndex[tuple[str, str]] = PhraseIndex()
    index.add("Sergei Lavrov", ("lavrov", "name"))
    index.add("Lavrov", ("lavrov", "short"))
    text = token_text("Sergei Lavrov met Antony Blinken")
    assert [(s, k, p) for s, k, p in index.find(text)] == [
        (0, " sergei lavrov ", (("lavrov", "name"),)), (7, " lavrov ", (("lavrov", "short"),))]
    index.add("Antony Blinken", ("blinken", "name"))  # added after it was built
    again = pickle.loads(pickle.dumps(index))
    assert [p for _, _, p in again.find(text)] == [
        (("lavrov", "name"),), (("lavrov", "short"),), (("blinken", "name"),)]
    assert len(again) == 3
