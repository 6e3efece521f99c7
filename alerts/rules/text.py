"""Text folding and term patterns shared by every term-based condition."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Punctuation and spaces that may separate the words of a phrase ("phone call", "phone-call").
_PHRASE_GAP = r"[\W_]+"


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-insensitive form: Élysée -> elysee, Erdoğan -> erdogan, Ёлка -> елка."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).replace("ı", "i")  # Turkish dotless i


def _words(term: str) -> list[tuple[str, bool]]:
    """(word, wildcard) pairs of a folded term; '*' may end any word: "call* for", negotiat*."""
    out = []
    for chunk in fold(term).split():
        wildcard = chunk.endswith("*")
        out.extend((w, False) for w in re.split(r"[\W_]+", chunk.rstrip("*")) if w)
        if wildcard and out:
            out[-1] = (out[-1][0], True)
    return out


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


def term_pattern(term: str) -> str:
    """A regex source matching the folded term on word boundaries ('word*' = any ending)."""
    body = _PHRASE_GAP.join(re.escape(w) + (r"\w*" if wild else "") for w, wild in _words(term))
    return rf"(?<!\w){body}(?!\w)"


def anchor_words(term: str) -> list[str]:
    """The term's folded words, longest first: any of them must occur where the term does."""
    return sorted((w for w, _ in _words(term)), key=len, reverse=True)


def compile_terms(terms: list[str]) -> re.Pattern[str]:
    """One alternation for a list of terms, longest first so phrases win over their words."""
    ordered = sorted(set(terms), key=lambda t: -len(t))
    return re.compile("|".join(f"(?:{term_pattern(t)})" for t in ordered))
