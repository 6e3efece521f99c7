"""The knowledge base read from its cache file in parts (#17): the entities and office holders
are unpacked one by one when first asked for, the phrase indexes' payloads when a search
first finds their key, and their keys are read from the text they were found in. Every
answer is the one of the base as built, never pickled: the mentions and the analyses of
every labelled item of tests/data, and each table read every way a dict is read."""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

from alerts.analysis import analyse_text
from alerts.knowledge import base
from alerts.knowledge.phrases import PhraseIndex, token_text

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def bases() -> tuple[base.KnowledgeBase, base.KnowledgeBase]:
    """The shipped base as built, and as a process reads it from the cache file."""
    whole = base._prepared(base._construct(None))
    parts = pickle.loads(pickle.dumps(whole, protocol=pickle.HIGHEST_PROTOCOL))
    assert isinstance(parts.entities, base._Unpacked)
    assert not isinstance(whole.entities, base._Unpacked)
    return whole, parts


def _labelled() -> list[tuple[str, str, date | None]]:
    """(title, summary, day) of every item written in tests/data's YAML files."""
    found: list[tuple[str, str, date | None]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("title"), str):
                published = node.get("published")
                day = (published.date() if isinstance(published, datetime)
                       else date.fromisoformat(published[:10]) if isinstance(published, str)
                       else published if isinstance(published, date) else None)
                found.append((node["title"], str(node.get("summary") or ""), day))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted(DATA.rglob("*.yaml")):
        walk(yaml.safe_load(path.read_text("utf-8")))
    return found


def test_every_labelled_item_reads_the_same_from_the_parts(bases):
    whole, parts = bases
    items = _labelled()
    assert len(items) > 1000
    for title, summary, day in items:
        text = f"{title}. {summary}"
        assert parts.text_mentions(text, day) == whole.text_mentions(text, day), text
        tokens = token_text(text)
        assert parts.event_mentions(tokens) == whole.event_mentions(tokens), text
        assert parts.contact(tokens, day) == whole.contact(tokens, day), text
        assert repr(analyse_text(title, summary, day, parts)) == repr(
            analyse_text(title, summary, day, whole)), text


def test_the_unpacked_tables_read_as_the_built_ones(bases):
    whole, _ = bases
    cached = pickle.dumps(whole, protocol=pickle.HIGHEST_PROTOCOL)
    for read in (
            lambda kb: kb.entities["emmanuel-macron"],
            lambda kb: kb.entities.get("emmanuel-macron"),
            lambda kb: kb.entities.get("no-such-person", "none"),
            lambda kb: ("FR" in kb.entities, "no-such-person" in kb.entities),
            lambda kb: len(kb.entities),
            lambda kb: sorted(kb.entities),
            lambda kb: sorted(kb.entities.keys()),
            lambda kb: sorted(e.id for e in kb.entities.values()),
            lambda kb: sorted(kb.entities.items()) == sorted(whole.entities.items()),
            lambda kb: {**kb.entities} == whole.entities,
            lambda kb: dict(kb.entities) == whole.entities,
            lambda kb: kb.entities == whole.entities,
            lambda kb: repr(kb.entities),
            lambda kb: kb.holder("head-of-state", "FR", date(2024, 6, 1)),
            lambda kb: kb.holder("head-of-government", "GB", date(2019, 6, 1)),
            lambda kb: kb.resolve("Macron"),
            lambda kb: kb.suggest("Macronn"),
    ):
        # A fresh read of the cache file for each: nothing unpacked before the question.
        parts = pickle.loads(cached)
        assert read(parts) == read(whole)
    parts = pickle.loads(cached)
    with pytest.raises(KeyError):
        parts.entities["no-such-person"]


def test_mentions_leave_the_table_of_names_packed(bases):
    """The lookup table of every name (rules and `alerts check` resolve names with it) is
    unpacked at its first use, not by reading text."""
    whole, _ = bases
    parts = pickle.loads(pickle.dumps(whole, protocol=pickle.HIGHEST_PROTOCOL))
    assert parts.text_mentions("Macron met Xi Jinping in Beijing", date(2024, 5, 6))
    assert "_lookup_packed" in vars(parts)
    assert parts.resolve("Xi Jinping") == whole.resolve("Xi Jinping")
    assert "_lookup_packed" not in vars(parts) and parts._lookup == whole._lookup


def test_an_entity_is_unpacked_once_and_stays_the_same_object(bases):
    _, parts = bases
    first = parts.entities["xi-jinping"]
    assert parts.entities["xi-jinping"] is first
    assert parts.entities.get("xi-jinping") is first
    assert parts.holder("head-of-state", "CN", date(2024, 6, 1)) is first
    again = pickle.loads(pickle.dumps(parts, protocol=pickle.HIGHEST_PROTOCOL))
    assert again.entities == parts.entities and again.entities is not parts.entities


@dataclass(frozen=True)
class _Odd:
    """A payload marshal cannot write."""

    name: str


def test_an_index_read_back_finds_adds_and_keeps_any_payload():
    index: PhraseIndex[object] = PhraseIndex()
    index.add("Sergei Lavrov", ("lavrov", "name"))
    index.add("Lavrov", ("lavrov", "short"))
    odd: PhraseIndex[object] = PhraseIndex()
    odd.add("Sergei Lavrov", _Odd("lavrov"))
    text = token_text("Sergei Lavrov met Wang Yi today")
    for made in (index, odd):
        made.prepare()
        again = pickle.loads(pickle.dumps(made))
        assert list(again.find(text)) == list(made.find(text))
        assert len(again) == len(made)
    again = pickle.loads(pickle.dumps(index))
    again.add("Antony Blinken", ("blinken", "name"))  # added after it was read back
    assert [p for _, _, p in again.find(token_text("Lavrov and Antony Blinken"))] == [
        (("lavrov", "short"),), (("blinken", "name"),)]
    assert len(again) == 3


def test_an_entity_unpacked_twice_at_once_is_still_one_object(bases, monkeypatch):
    """Two threads asking for the same entity at once (the daemon's) keep one object: the
    second unpacking, done while the first is under way, gives the one stored first."""
    whole, _ = bases
    parts = pickle.loads(pickle.dumps(whole, protocol=pickle.HIGHEST_PROTOCOL))
    real = pickle.loads
    inner: list[object] = []

    def racing(blob: bytes) -> object:
        if not inner:
            inner.append(None)
            inner[0] = parts.entities.__missing__("olaf-scholz")  # the other thread, first
        return real(blob)

    monkeypatch.setattr(base.pickle, "loads", racing)
    outer = parts.entities["olaf-scholz"]
    assert outer is inner[0] is parts.entities["olaf-scholz"]
