"""The frame reader's phrase scan (looked up by a token and the token after it) finds what
comparing every phrase of the lexicon that starts with each token finds, in the same order:
the reader's choices depend on the order of its hits."""

from __future__ import annotations

from pathlib import Path

from alerts.analysis.frames import Hit, phrase_hits
from alerts.analysis.lexicon import lexicon
from alerts.analysis.sentences import split_sentences, tokens
from alerts.quality.blind import load_blind
from alerts.quality.contrast import edited
from alerts.quality.labelled import load_labelled

DATA = Path(__file__).parent / "data"


def by_comparison(words: tuple[str, ...]) -> list[Hit]:
    """At each token, every phrase of the index that starts with it (longest first), compared
    word by word."""
    lex = lexicon()
    out = []
    for i, word in enumerate(words):
        for phrase, entry in lex.index.get(word, ()):
            last = i + len(phrase) - 1
            if last < len(words) and words[i:last + 1] == phrase:
                out.append(Hit(i, last, entry))
    return out


def sentences() -> list[tuple[str, ...]]:
    items = [row.item for row in load_labelled(DATA / "labelled")]
    items += [edited(case, {}) for case in load_blind(DATA / "blind3").cases]
    found = []
    for item in items:
        for text in (item.title, item.summary):
            for start, end in split_sentences(text):
                words = tokens(text[start:end])[0]
                if words and not any("\u0600" <= c <= "\u06ff" for w in words for c in w):
                    found.append(words)  # Arabic has a scan of its own (its candidates)
    return found


def test_the_same_hits_as_comparing_every_phrase():
    lex = lexicon()
    found = sentences()
    assert len(found) > 500
    for words in found:
        assert phrase_hits(lex, words) == by_comparison(words), " ".join(words)
