"""The event lexicon read from its cache file in parts (#17): each first token's phrases are
unpacked when a sentence first holds that token, and the index (read only for Arabic
sentences) when one is first read. The phrase scan finds the same hits in every sentence of
tests/data's labelled and blind items, Arabic ones included, as with the lexicon as built;
an English sentence leaves the index packed."""

from __future__ import annotations

import pickle
from pathlib import Path

from alerts.analysis.frames import phrase_hits
from alerts.analysis.lexicon import Lexicon, _from_yaml, frames_text
from alerts.analysis.sentences import split_sentences, tokens
from alerts.quality.blind import load_blind
from alerts.quality.contrast import edited
from alerts.quality.labelled import load_labelled

DATA = Path(__file__).parent / "data"


def _read_back(lex: Lexicon) -> Lexicon:
    """As a process reads it from the cache folder."""
    found = pickle.loads(pickle.dumps(lex, protocol=pickle.HIGHEST_PROTOCOL))
    assert isinstance(found, Lexicon)
    return found


def _sentences() -> list[tuple[str, ...]]:
    items = [row.item for row in load_labelled(DATA / "labelled")]
    for folder in ("blind", "blind2", "blind3", "blind4"):
        items += [edited(case, {}) for case in load_blind(DATA / folder).cases]
    found = []
    for item in items:
        for text in (item.title, item.summary):
            for start, end in split_sentences(text):
                words = tokens(text[start:end])[0]
                if words:
                    found.append(words)
    return found


def test_every_sentence_has_the_same_hits_read_back():
    built = _from_yaml(frames_text())
    parts = _read_back(built)
    found = _sentences()
    arabic = [w for w in found if any("\u0600" <= c <= "\u06ff" for word in w for c in word)]
    assert len(found) > 1500 and len(arabic) > 50
    for words in found:
        assert phrase_hits(parts, words) == phrase_hits(built, words), " ".join(words)
    assert parts == built and _read_back(parts) == built


def test_a_sentence_unpacks_only_the_phrases_of_its_tokens():
    parts = _read_back(_from_yaml(frames_text()))
    assert all(isinstance(tail, bytes) for tail in parts.tails.values())
    words = tokens("Russia and Ukraine agree a ceasefire")[0]
    assert phrase_hits(parts, words)
    unpacked = {word for word, tail in parts.tails.items() if not isinstance(tail, bytes)}
    assert unpacked and unpacked <= set(words)
    assert "_index_packed" in vars(parts)  # the index is for Arabic sentences only
    phrase_hits(parts, tokens("اتفاق على وقف إطلاق النار في غزة")[0])
    assert "_index_packed" not in vars(parts) and isinstance(parts.index, dict)
