"""Finding many phrases in one pass (Aho-Corasick), on word boundaries, in any script.

Two scripts need more than word boundaries:

* Chinese and Japanese write no spaces between words, so a phrase that begins or ends with
  a CJK character matches inside running text on that side ("普京与马克龙通话" names 普京
  and 马克龙).
* Arabic attaches conjunctions, prepositions and the article to the next word ("وبوتين",
  "لبوتين", "للرئيس"): an Arabic phrase also matches with those prefixes on its first word.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from typing import Generic, TypeVar

import ahocorasick

from alerts.fold import fold

T = TypeVar("T")
_NON_WORD = re.compile(r"[\W_]+")
# Han, kana and the CJK punctuation/compatibility blocks: scripts written without spaces.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")
# Arabic letter forms that writers use interchangeably, and the tatweel (a stretching stroke).
_ARABIC_FORMS = str.maketrans({"ى": "ي", "ة": "ه", "ـ": None, "ٱ": "ا"})
_ARABIC_FORM_LETTERS = re.compile("[" + "".join(map(chr, _ARABIC_FORMS)) + "]")
# One-letter proclitics and their common pairs: and, so, with/by, for/to, like.
_ARABIC_PREFIXES = ("و", "ف", "ب", "ل", "ك", "وب", "ول")
# ل before the article drops its alif: ل + الرئيس -> للرئيس.
_ARABIC_ARTICLE_PREFIXES = ("ل", "ول")


@lru_cache(maxsize=4096)
def token_text(text: str) -> str:
    """Folded text with every run of punctuation or space turned into one space, padded.

    Padding makes " word " a whole-word key; "phone-call" and "phone call" become one form.
    """
    folded = fold(text)
    # str.translate looks every character up in the table (and fails, for nearly all of
    # them): only text holding one of its four letters needs it
    if not folded.isascii() and _ARABIC_FORM_LETTERS.search(folded):
        folded = folded.translate(_ARABIC_FORMS)
    return " " + _NON_WORD.sub(" ", folded).strip() + " "


def arabic_variants(key: str) -> list[str]:
    """A padded key whose first word is Arabic, with the prefixes writers attach to it."""
    word = key[1:]
    if not _ARABIC_LETTER.match(word):
        return []
    if word.startswith("ال"):
        prefixes = [p for p in _ARABIC_PREFIXES if not p.endswith("ل")]
        return [" " + p + word for p in prefixes] + [" " + p + word[1:]
                                                      for p in _ARABIC_ARTICLE_PREFIXES]
    return [" " + p + word for p in _ARABIC_PREFIXES]


class PhraseIndex(Generic[T]):
    """Maps phrases to payloads; find() reports every occurrence, overlapping ones included.

    Built, it is compact (the knowledge base's indexes hold about 40,000 keys and stay in
    every daemon's memory): the automaton stores each key's number, not a Python object,
    the keys and their payloads are two tuples, and the strings inside payloads are interned
    (the same office, country or id is one object, in memory and in a pickle)."""

    def __init__(self) -> None:
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        # While phrases are added: key -> payloads. Once built: None, and the same in
        # `_keys` and `_values`, in the automaton's numbering.
        self._payloads: dict[str, list[T]] | None = {}
        self._keys: tuple[str, ...] = ()
        self._values: tuple[tuple[T, ...], ...] = ()
        self._ready = False

    def _adding(self) -> dict[str, list[T]]:
        if self._payloads is None:  # built already: back to the adding form
            self._payloads = {key: list(values)
                              for key, values in zip(self._keys, self._values, strict=True)}
            self._keys, self._values = (), ()
        return self._payloads

    def add(self, phrase: str, payload: T) -> bool:
        """Whole-word phrase; a trailing '*' on the last word allows any ending."""
        wildcard = phrase.strip().endswith("*")
        key = token_text(phrase.strip().rstrip("*"))
        if key.strip() == "":
            return False
        keys = [key, *arabic_variants(key)]
        payloads = self._adding()
        for key in keys:
            if wildcard or _CJK.match(key[-2]):
                key = key[:-1]  # no boundary required after the stem or a CJK character
            if _CJK.match(key[1]):
                key = key[1:]  # nor before a CJK character
            payloads.setdefault(key, []).append(payload)
        self._ready = False
        return True

    def __len__(self) -> int:
        return len(self._payloads) if self._payloads is not None else len(self._keys)

    def _build(self) -> None:
        payloads = self._adding()
        self._keys = tuple(payloads)
        self._values = tuple(tuple(_interned(p) for p in values)
                             for values in payloads.values())
        self._payloads = None
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for number, key in enumerate(self._keys):
            self._automaton.add_word(key, number)
        if self._keys:
            self._automaton.make_automaton()
        self._ready = True

    def prepare(self) -> None:
        """Build the automaton now rather than at the first search."""
        if not self._ready:
            self._build()

    def find(self, tokens: str) -> Iterator[tuple[int, str, tuple[T, ...]]]:
        """(start offset in `tokens`, matched key, payloads) for each occurrence."""
        if not self._ready:
            self._build()
        if not self._keys:
            return
        keys, values = self._keys, self._values
        for end, number in self._automaton.iter(tokens):
            key = keys[number]
            yield end - len(key) + 1, key, values[number]


def _interned(payload: T) -> T:
    """The payload with its strings (or a tuple's strings) interned."""
    if isinstance(payload, str):
        return sys.intern(payload)  # type: ignore[return-value]
    if isinstance(payload, tuple) and type(payload) is tuple:  # a named one keeps its type
        return tuple(sys.intern(p) if isinstance(p, str) else p  # type: ignore[return-value]
                     for p in payload)
    return payload
