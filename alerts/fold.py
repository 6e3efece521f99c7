"""Text folded for comparison, case and accents aside: shared by the rules, the analysis,
the knowledge base and the stories, and so below all of them."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=1)
def _combining_marks() -> dict[int, None]:
    """str.translate table deleting every combining mark (built once, on first non-ASCII
    text: about 130,000 code points looked at, in a few milliseconds)."""
    return {cp: None for cp in range(0x300, 0x20000) if unicodedata.combining(chr(cp))}


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-insensitive form: Élysée -> elysee, Erdoğan -> erdogan, Ёлка -> елка."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = decomposed.translate(_combining_marks())
    return unicodedata.normalize("NFC", stripped).replace("ı", "i")  # Turkish dotless i
