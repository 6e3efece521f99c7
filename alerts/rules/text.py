"""Text folding and term matching shared by every term-based condition."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import ahocorasick

from alerts.fold import fold

_NOT_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=16384)
def _words(term: str) -> tuple[tuple[str, bool], ...]:
    """(word, wildcard) pairs of a folded term; '*' may end any word: "call* for", negotiat*.
    Remembered: a rule file's terms are read twice (term_problem, then Term), and many
    rules share terms (#17: loading 1,000 rules)."""
    out: list[tuple[str, bool]] = []
    for chunk in fold(term).split():
        wildcard = chunk.endswith("*")
        out.extend((w, False) for w in _NOT_WORD.split(chunk.rstrip("*")) if w)
        if wildcard and out:
            out[-1] = (out[-1][0], True)
    return tuple(out)


def term_problem(term: str) -> str | None:
    """Why a term can never match, or None when it is fine."""
    if not term.strip():
        return "empty term; remove it or write a word"
    words = _words(term)
    if not words:
        return f"term {term!r} has no letters or digits; write a word"
    if any("*" in chunk.rstrip("*") for chunk in term.split()):
        return f"term {term!r}: '*' is allowed only at the end of a word, as in negotiat*"
    if any(wild and len(word) < 3 for word, wild in words):
        return f"term {term!r}: a wildcard needs at least 3 letters before '*'"
    return None


_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[.!?;。؟…]+(?:\s+|$)")


def _ascii_words() -> bytes:
    """bytes.translate table: ASCII letters lower-cased, digits kept, every other byte a
    space. For ASCII text, where folding is lower() and a word is a run of letters and
    digits, it makes the token form in two C passes (translate, split) instead of fold(),
    a regular expression and a join: about half the prefilter's cost per item (#17)."""
    table = bytearray(b" " * 256)
    for code in range(128):
        char = chr(code)
        if char.isalnum():
            table[code] = ord(char.lower())
    return bytes(table)


_ASCII_WORDS = _ascii_words()


# Characters beyond ASCII that English news writes between its ASCII words (curly quotes,
# dashes, the ellipsis, a no-break space, bullets, currency signs): none is, or folds to, a
# letter or digit, or combines with a neighbour. Text whose only non-ASCII characters are
# these (86% of the non-ASCII titles and summaries of the real labelled set) takes the
# ASCII way to its token form, each of them a space: 12.5 -> about 2 us a text (#17).
_SEPARATORS = "\u00a0\u00a3\u00ab\u00b7\u00bb\u2010\u2011\u2013\u2014\u2018\u2019\u201c" \
    "\u201d\u201e\u2022\u2026\u20ac"
_NOT_ASCII_OR_SEPARATOR = re.compile(f"[^\\x00-\\x7f{_SEPARATORS}]")


def token_form(original: str) -> str:
    """" word word ": the folded words of a text, each after one space, padded."""
    if original.isascii() or _NOT_ASCII_OR_SEPARATOR.search(original) is None:
        return _ascii_token_form(original)
    folded = fold(original)
    if folded.isascii():  # French, Polish...: accents folded away, the quick way again
        return _ascii_token_form(folded)
    return " " + " ".join(_WORD.findall(folded)) + " "


def _ascii_token_form(text: str) -> str:
    """token_form of ASCII text, or of text whose other characters all separate words:
    "replace" makes each of those a "?", which the table makes a space."""
    return " " + " ".join(text.encode("ascii", "replace").translate(_ASCII_WORDS)
                          .decode("ascii").split()) + " "


class FieldText:
    """A field's text three ways: as written, folded, and as tokens (" word word ").

    In the token form a whole-word phrase is a plain substring (" phone call "), so terms
    need no regular expression, and a match's position is a word number. Built once per
    item and field (MatchContext.field), shared by every rule; the prefilter reads only the
    tokens, so what only some conditions need (the folded text, where each word is in it,
    each word's sentence) is worked out on first use.
    """

    __slots__ = ("_folded", "_lowered", "_sentences", "_spans", "original", "tokens")

    def __init__(self, original: str):
        self.original = original
        self.tokens = token_form(original)
        self._folded: str | None = None
        self._spans: list[tuple[int, int]] | None = None
        self._sentences: list[int] | None = None
        self._lowered: str | None = None

    @property
    def folded(self) -> str:
        """The text folded (alerts.fold): case and accents aside."""
        if self._folded is None:
            self._folded = fold(self.original)
        return self._folded

    @property
    def lowered(self) -> str:
        """The text as written, lower-cased, long s as s: where a case-insensitive pattern's
        ASCII letters can be looked for with `in` (RE2 also folds the Kelvin sign to k, which
        lower() does, and the long s to s, which it does not)."""
        if self._lowered is None:
            self._lowered = self.original.lower().replace("ſ", "s")
        return self._lowered

    @property
    def spans(self) -> list[tuple[int, int]]:
        """(start, end) of each word in the folded text."""
        if self._spans is None:
            # ASCII text folds to its lower case, letter for letter: its words are where
            # they are as written, and need no folding to be found.
            text = self.original if self.original.isascii() else self.folded
            self._spans = [m.span() for m in _WORD.finditer(text)]
        return self._spans

    def sentences(self) -> list[int]:
        """Each word's sentence number (for `near ... within: sentence`)."""
        if self._sentences is None:
            ends = [m.end() for m in _SENTENCE_END.finditer(self.folded)]
            self._sentences = [bisect.bisect_right(ends, start) for start, _ in self.spans]
        return self._sentences

    def word_index(self, token_offset: int) -> int:
        """The number of the word whose first letter is at `token_offset` in the token text
        (the offset of its leading space + 1): each word before it has one space before it."""
        return self.tokens.count(" ", 0, token_offset) - 1

    def quote(self, first: int, last: int) -> str:
        """Words first..last as written, or as folded when folding changed the length."""
        start, end = self.spans[first][0], self.spans[last][1]
        original = self.original
        text = original if original.isascii() or len(original) == len(self.folded) \
            else self.folded
        return text[start:end]


class Term:
    """One word or phrase; a trailing '*' on a word allows any ending."""

    def __init__(self, source: str):
        self.source = source
        words = _words(source)
        self.length = len(words)
        self.exact = False
        if any(wild for _, wild in words[:-1]):
            # "call* for": a wildcard inside a phrase needs a (tiny) pattern.
            body = " ".join(re.escape(w) + ("[^ ]*" if wild else "") for w, wild in words)
            self._pattern: re.Pattern[str] | None = re.compile(f" {body} ")
            self._key = ""
            self.anchor = " " + max((w for w, _ in words), key=len)
            self.lookup = self.anchor
        else:
            self._pattern = None
            # Found wherever the automaton finds its key: no pattern to check after it.
            self.exact = True
            self._key = " " + " ".join(w for w, _ in words) + ("" if words[-1][1] else " ")
            self.anchor = self._key  # exact: the prefilter selects just the items it occurs in
            self.lookup = self._key

    def offsets(self, text: FieldText, first: int = 0) -> Iterator[int]:
        """Token offsets of the leading space of each occurrence (none before `first`, where
        an automaton pass found the first one)."""
        if self._pattern is not None:
            # Overlapping search: each match consumes its trailing space.
            position = first
            while (m := self._pattern.search(text.tokens, position)) is not None:
                yield m.start()
                position = m.end() - 1
            return
        position = text.tokens.find(self._key, first)
        while position != -1:
            yield position
            position = text.tokens.find(self._key, position + 1)


class TermSet:
    """Several terms; finds the earliest occurrence of any, or all occurrences."""

    def __init__(self, sources: list[str]):
        self.terms = [Term(t) for t in dict.fromkeys(sources)]
        self._lookups = tuple(term.lookup for term in self.terms)

    def occurrences(self, text: FieldText, hits: dict[str, int] | None = None
                    ) -> Iterator[tuple[int, int]]:
        """(first word, last word) of every occurrence of every term. With `hits` (the first
        offset of each term the automaton found in this text), terms it did not find are not
        searched for, and the others only from their first occurrence on."""
        for term in self.terms:
            if hits is None:
                offsets = term.offsets(text)
            else:
                start = hits.get(term.lookup, -1)
                if start == -1:
                    continue
                # A phrase with an inner wildcard may begin before its (longest) anchor word.
                offsets = term.offsets(text, start if term._pattern is None else 0)
            for offset in offsets:
                first = text.word_index(offset + 1)
                yield first, first + term.length - 1

    def present(self, hits: dict[str, int]) -> bool:
        """Whether any term may occur, by the automaton's hits (a wildcard phrase's anchor
        word may occur without the phrase)."""
        return not hits.keys().isdisjoint(self._lookups)

    def first_hit(self, hits: dict[str, int], text: FieldText) -> tuple[int, int] | None:
        """first(), from the offsets one automaton pass found for every term of every rule."""
        found = []
        for term in self.terms:
            offset = hits.get(term.lookup, -1)
            if offset != -1 and term._pattern is not None:  # the anchor is there; the phrase?
                offset = next(term.offsets(text), -1)
            found.append((offset, term.length))
        return _leftmost(found, text)

    def first(self, text: FieldText) -> tuple[int, int] | None:
        """The leftmost occurrence, the longest term winning a tie."""
        tokens = text.tokens
        found = [(tokens.find(term._key) if term._pattern is None
                  else next(term.offsets(text), -1), term.length) for term in self.terms]
        return _leftmost(found, text)


def _leftmost(found: list[tuple[int, int]], text: FieldText) -> tuple[int, int] | None:
    """(first word, last word) of the leftmost (offset, length) found, longest on a tie."""
    present = [(offset, -length) for offset, length in found if offset != -1]
    if not present:
        return None
    offset, negative_length = min(present)
    first = text.word_index(offset + 1)
    return first, first - negative_length - 1


class KeyScanner:
    """Where each of many keys first occurs in a token text (" word word "), in one pass of
    an Aho-Corasick automaton.

    Keys that start with a space (" word ", " two words ", a wildcard's " negotiat") are in
    one automaton, and keys that do not (Chinese, written without spaces) in another, run
    only over a text holding one of their first letters: with them in the first, every
    letter of every text is looked up among their many first letters, and a pass cost three
    times as much (1.5 -> 4.5 µs a title or summary with the shipped rules, #17)."""

    def __init__(self, keys: Iterable[str]):
        spaced = [key for key in keys if key.startswith(" ")]
        others = [key for key in keys if not key.startswith(" ")]
        self._spaced = _automaton(spaced)
        self._others = _automaton(others)
        # A key without a leading space is only in a text that holds its first letter.
        letters = "".join(map(re.escape, sorted({key[0] for key in others})))
        self._starts = re.compile(f"[{letters}]") if others else None

    def __bool__(self) -> bool:
        return self._spaced is not None or self._others is not None

    def first_offsets(self, tokens: str) -> dict[str, int]:
        """{key: the offset of its first occurrence} for every key that occurs in `tokens`
        (a FieldText's token form)."""
        # Later occurrences, listed first, are overwritten by earlier ones.
        found = ({key: end - length + 1 for end, (key, length)
                  in reversed(list(self._spaced.iter(tokens)))}
                 if self._spaced is not None else {})
        if self._starts is not None and self._starts.search(tokens):
            assert self._others is not None
            for end, (key, length) in reversed(list(self._others.iter(tokens))):
                found[key] = end - length + 1
        return found


def _automaton(keys: list[str]) -> ahocorasick.Automaton | None:
    """An automaton finding each key, with (the key, its length); None without keys."""
    if not keys:
        return None
    automaton = ahocorasick.Automaton()
    for key in keys:
        automaton.add_word(key, (key, len(key)))
    automaton.make_automaton()
    return automaton
