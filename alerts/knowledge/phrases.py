"""Finding many phrases in one pass (Aho-Corasick), on word boundaries, in any script.

Two scripts need more than word boundaries:

* Chinese and Japanese write no spaces between words, so a phrase that begins or ends with
  a CJK character matches inside running text on that side ("普京与马克龙通话" names 普京
  and 马克龙).
* Arabic attaches conjunctions, prepositions and the article to the next word ("وبوتين",
  "لبوتين", "للرئيس"): an Arabic phrase also matches with those prefixes on its first word.
"""

from __future__ import annotations

import marshal
import re
import sys
from array import array
from collections.abc import Iterator, Sequence
from contextlib import suppress
from functools import lru_cache
from typing import Any, Generic, TypeVar

import ahocorasick

from alerts.fold import fold

T = TypeVar("T")
_NON_WORD = re.compile(r"[\W_]+")
# Han, kana and the CJK punctuation/compatibility blocks: scripts written without spaces.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
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


def within_longer(spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The spans that lie inside a longer one of `spans` ("Sudan" in "South Sudan"), found in
    one sweep: sorted by start (the longer first), a span lies inside another exactly when
    one before it ends at or after its end."""
    inside: set[tuple[int, int]] = set()
    reach = -1
    for start, end in sorted(set(spans), key=lambda span: (span[0], -span[1])):
        if reach >= end:
            inside.add((start, end))
        reach = max(reach, end)
    return inside


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


class _Packed(Sequence[Any]):
    """The payloads of a pickled index, each one unpacked (marshal) the first time a search
    finds its key (#17): a steady-state poll finds a few hundred of the knowledge base's
    ~50,000 keys, and unpickling all their payloads was ~17 ms of its knowledge base's
    ~75. Interned strings come back interned: equal ids and countries stay one object."""

    __slots__ = ("_blob", "_ends", "_made")

    def __init__(self, blob: bytes, ends: array) -> None:
        self._blob, self._ends = blob, ends
        self._made: dict[int, Any] = {}

    @classmethod
    def of(cls, values: Sequence[Any]) -> _Packed:
        parts = [marshal.dumps(v) for v in values]
        ends = array("Q")
        at = 0
        for part in parts:
            at += len(part)
            ends.append(at)
        return cls(b"".join(parts), ends)

    def __getitem__(self, number: Any) -> Any:
        made = self._made.get(number)
        if made is None:
            start = self._ends[number - 1] if number else 0
            made = self._made[number] = marshal.loads(self._blob[start:self._ends[number]])
        return made

    def __len__(self) -> int:
        return len(self._ends)

    def __reduce__(self) -> tuple[Any, ...]:
        return _Packed, (self._blob, self._ends)


class PhraseIndex(Generic[T]):
    """Maps phrases to payloads; find() reports every occurrence, overlapping ones included.

    Built, it is compact (the knowledge base's indexes hold about 40,000 keys and stay in
    every daemon's memory): the automaton stores each key's number, not a Python object,
    the keys and their payloads are two tuples, and the strings inside payloads are interned
    (the same office, country or id is one object, in memory and in a pickle).

    Pickled (the knowledge base's cache file), a built index keeps the length of each key
    (a key found is the text it was found in) with its keys in one string, and its payloads
    packed, unpacked when first found (_Packed): reading one back makes no object per key."""

    def __init__(self) -> None:
        # Keys that start with a space (every word-bounded key) in one automaton, and keys
        # that start with a CJK character in another, run only over a text that holds one of
        # their first letters (`_starts`): with both in one, every character of every text
        # that falls back to the root was looked up among the ~250 first letters of the
        # Chinese names, and a pass over a Latin text cost 9 times as much (#17: 25 -> 3 µs
        # for a 430-character item with the shipped knowledge base).
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        self._others: Any = None
        self._starts: str | None = None  # a character class of the others' first letters
        # While phrases are added: key -> payloads. Once built: None, and the same in
        # `_keys` and `_values`, in the automatons' numbering (`_lengths`: each key's).
        self._payloads: dict[str, list[T]] | None = {}
        self._keys: Sequence[str] = ()
        self._lengths: Sequence[int] = ()
        self._values: Sequence[tuple[T, ...]] = ()
        self._ready = False

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        if state["_payloads"] is None:  # built: keys in one string, payloads packed
            state["_keys"] = "\0".join(self._keys).encode("utf-8", "surrogatepass")
            state["_lengths"] = array("I", self._lengths)
            if not isinstance(self._values, _Packed):
                with suppress(ValueError):  # payloads marshal cannot write: pickled as such
                    state["_values"] = _Packed.of(self._values)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        if isinstance(state.get("_keys"), bytes):
            state["_keys"] = _Keys(state["_keys"], len(state["_lengths"]))
        self.__dict__.update(state)

    def _adding(self) -> dict[str, list[T]]:
        if self._payloads is None:  # built already: back to the adding form
            self._payloads = {key: list(self._values[number])
                              for number, key in enumerate(self._keys)}
            self._keys, self._lengths, self._values = (), (), ()
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
            if wildcard or CJK.match(key[-2]):
                key = key[:-1]  # no boundary required after the stem or a CJK character
            if CJK.match(key[1]):
                key = key[1:]  # nor before a CJK character
            payloads.setdefault(key, []).append(payload)
        self._ready = False
        return True

    def __len__(self) -> int:
        return len(self._payloads) if self._payloads is not None else len(self._keys)

    def _build(self) -> None:
        payloads = self._adding()
        self._keys = tuple(payloads)
        self._lengths = tuple(len(key) for key in self._keys)
        self._values = tuple(tuple(_interned(p) for p in values)
                             for values in payloads.values())
        self._payloads = None
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        others = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for number, key in enumerate(self._keys):
            (self._automaton if key.startswith(" ") else others).add_word(key, number)
        for automaton in (self._automaton, others):
            if len(automaton):
                automaton.make_automaton()
        letters = sorted({key[0] for key in self._keys if not key.startswith(" ")})
        self._others = others if letters else None
        self._starts = "[" + "".join(map(re.escape, letters)) + "]" if letters else None
        self._ready = True

    def prepare(self) -> None:
        """Build the automaton now rather than at the first search."""
        if not self._ready:
            self._build()

    def find(self, tokens: str) -> Iterator[tuple[int, str, tuple[T, ...]]]:
        """(start offset in `tokens`, matched key, payloads) for each occurrence."""
        if not self._ready:
            self._build()
        if not self._lengths:
            return
        lengths, values = self._lengths, self._values
        found = self._automaton.iter(tokens) if len(self._automaton) else iter(())
        if self._starts is not None and re.search(self._starts, tokens):
            # In one automaton's order: by where each key ends, the longer first.
            found = iter(sorted((*found, *self._others.iter(tokens)),
                                key=lambda hit: (hit[0], -lengths[hit[1]])))
        for end, number in found:
            start = end - lengths[number] + 1
            yield start, tokens[start:end + 1], values[number]  # the key: what it found


class _Keys(Sequence[str]):
    """A pickled index's keys, kept as one UTF-8 string and split when first needed (only to
    add phrases to a built index: a search reads a key from the text it found it in)."""

    __slots__ = ("_count", "_joined", "_split")

    def __init__(self, joined: bytes, count: int) -> None:
        self._joined, self._count = joined, count
        self._split: list[str] | None = None

    def __getitem__(self, number: Any) -> Any:
        if self._split is None:
            text = self._joined.decode("utf-8", "surrogatepass")
            self._split = text.split("\0") if self._count else []
        return self._split[number]

    def __len__(self) -> int:
        return self._count

    def __reduce__(self) -> tuple[Any, ...]:
        return _Keys, (self._joined, self._count)


def _interned(payload: T) -> T:
    """The payload with its strings (or a tuple's strings) interned."""
    if isinstance(payload, str):
        return sys.intern(payload)  # type: ignore[return-value]
    if isinstance(payload, tuple) and type(payload) is tuple:  # a named one keeps its type
        return tuple(sys.intern(p) if isinstance(p, str) else p  # type: ignore[return-value]
                     for p in payload)
    return payload
