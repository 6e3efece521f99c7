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
    if not folded.isascii():
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
        keys = [key, *arabic_variants(key)]
        for key in keys:
            if wildcard or _CJK.match(key[-2]):
                key = key[:-1]  # no boundary required after the stem or a CJK character
            if _CJK.match(key[1]):
                key = key[1:]  # nor before a CJK character
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

    def prepare(self) -> None:
        """Build the automaton now rather than at the first search."""
        if not self._ready:
            self._build()

    def find(self, tokens: str) -> Iterator[tuple[int, str, list[T]]]:
        """(start offset in `tokens`, matched key, payloads) for each occurrence."""
        if not self._ready:
            self._build()
        if not self._payloads:
            return
        for end, key in self._automaton.iter(tokens):
            yield end - len(key) + 1, key, self._payloads[key]
