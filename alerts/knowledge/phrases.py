"""Finding many phrases in one pass (Aho-Corasick), on word boundaries, in any script."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Generic, TypeVar

import ahocorasick

from alerts.rules.text import fold

T = TypeVar("T")
_NON_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=4096)
def token_text(text: str) -> str:
    """Folded text with every run of punctuation or space turned into one space, padded.

    Padding makes " word " a whole-word key; "phone-call" and "phone call" become one form.
    """
    return " " + _NON_WORD.sub(" ", fold(text)).strip() + " "


class PhraseIndex(Generic[T]):
    """Maps phrases to payloads; find() reports every occurrence, overlapping ones included."""

    def __init__(self) -> None:
        self._automaton = ahocorasick.Automaton()
        self._payloads: dict[str, list[T]] = {}
        self._ready = False

    def add(self, phrase: str, payload: T) -> bool:
        """Whole-word phrase; a trailing '*' on the last word allows any ending."""
        wildcard = phrase.strip().endswith("*")
        key = token_text(phrase.strip().rstrip("*"))
        if key.strip() == "":
            return False
        if wildcard:
            key = key.rstrip()  # no boundary required after the stem
        self._payloads.setdefault(key, []).append(payload)
        self._ready = False
        return True

    def __len__(self) -> int:
        return len(self._payloads)

    def _build(self) -> None:
        self._automaton = ahocorasick.Automaton()
        for key in self._payloads:
            self._automaton.add_word(key, key)
        if self._payloads:
            self._automaton.make_automaton()
        self._ready = True

    def find(self, tokens: str) -> Iterator[tuple[int, str, list[T]]]:
        """(start offset in `tokens`, matched key, payloads) for each occurrence."""
        if not self._ready:
            self._build()
        if not self._payloads:
            return
        for end, key in self._automaton.iter(tokens):
            yield end - len(key) + 1, key, self._payloads[key]
