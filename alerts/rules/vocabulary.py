"""What reading an `event:` condition needs of the event lexicon (issue #17): the event types,
each type's statuses and prefilter anchors, and the names of modalities, positions and flags.

Kept on disk beside the built lexicon (alerts.buildcache), keyed by frames.yaml and the code
that reads it, so reading the rules (every `poll --once`, every start) loads neither the
analysis nor the lexicon: they are loaded when the first item is analysed, which a cycle in
which nothing changed never does.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from functools import lru_cache

from alerts import buildcache

# frames.yaml, and the code whose answers are kept here: a change to any builds it again.
FRAMES = buildcache.PACKAGE / "knowledge" / "data" / "frames.yaml"
SOURCES = ("analysis/__init__.py", "analysis/lexicon.py", "analysis/model.py",
           "analysis/sentences.py", "fold.py", "knowledge/phrases.py", "rules/vocabulary.py")
_CODE_DIGEST = buildcache.code_digest(SOURCES)


@dataclass(frozen=True)
class EventVocabulary:
    types: tuple[str, ...]  # in frames.yaml's order
    statuses: dict[str, tuple[str, ...]]  # type -> its acts
    anchors: dict[str, frozenset[str]]  # type -> prefilter keys
    flags: tuple[str, ...]
    modalities: tuple[str, ...]
    positions: tuple[str, ...]
    # type -> status -> the prefilter keys of its acts, for the types whose frames take
    # their status only from an act's word (lexicon.STATUS_FROM_ACTS)
    act_keys: dict[str, dict[str, frozenset[str]]]

    def status_keys(self, event_type: str, statuses: tuple[str, ...]) -> frozenset[str] | None:
        """Keys one of which an item must hold for a frame of `event_type` with one of
        `statuses` to be read in it; None when words alone cannot tell."""
        acts = self.act_keys.get(event_type)
        if not statuses or acts is None:
            return None
        return frozenset(key for status in statuses for key in acts.get(status, ()))


def from_lexicon() -> EventVocabulary:
    """The vocabulary as the analysis and its lexicon say it (loads both)."""
    from alerts.analysis import FLAGS, MODALITIES, POSITIONS
    from alerts.analysis.lexicon import STATUS_FROM_ACTS, lexicon

    lex = lexicon()
    return EventVocabulary(tuple(lex.types), dict(lex.statuses),
                           {t: frozenset(keys) for t, keys in lex.anchors.items()},
                           tuple(FLAGS), tuple(MODALITIES), tuple(POSITIONS),
                           {t: {status: frozenset(keys) for status, keys in acts.items()}
                            for t, acts in lex.act_anchors.items() if t in STATUS_FROM_ACTS})


def vocabulary_key(text: bytes) -> str:
    digest = hashlib.blake2b(digest_size=16)
    digest.update(text + b"\0" + _CODE_DIGEST + sys.version.encode())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def event_vocabulary() -> EventVocabulary:
    """The vocabulary, from the cache folder when this frames.yaml and this code made it
    before; from the lexicon (and kept) otherwise."""
    try:
        key = vocabulary_key(FRAMES.read_bytes())
    except OSError:
        return from_lexicon()
    return buildcache.built(buildcache.cache_root() / "analysis", "vocabulary", key,
                            from_lexicon, EventVocabulary)
