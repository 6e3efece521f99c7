"""Text folded for comparison, case and accents aside: shared by the rules, the analysis,
the knowledge base and the stories, and so below all of them."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path


def _marks() -> list[int]:
    """Every combining mark's code point: about 130,000 looked at (13 ms)."""
    return [cp for cp in range(0x300, 0x20000) if unicodedata.combining(chr(cp))]


@lru_cache(maxsize=1)
def _combining_marks() -> dict[int, None]:
    """str.translate table deleting every combining mark (on first non-ASCII text; the
    marks are found once per Python and kept in the cache folder: alerts.unicodetables)."""
    from alerts.unicodetables import table

    return dict.fromkeys(table("combining-marks", _marks, list))


@lru_cache(maxsize=1)
def _bmp_marks() -> re.Pattern[str]:
    """The same marks below U+10000 as one character class: deleting them with a regular
    expression takes a fifth of the time str.translate takes, which looks every character
    up in the table (and fails, for nearly all of them)."""
    marks = "".join(chr(cp) for cp in _combining_marks() if cp < 0x10000)
    return re.compile(f"[{re.escape(marks)}]+")


@lru_cache(maxsize=1)
def _simplified() -> dict[int, int]:
    """str.translate table from each traditional Chinese character to its simplified form
    (hanzi-t2s.txt, from OpenCC), read at the first Chinese text."""
    lines = [line for line in (Path(__file__).parent / "hanzi-t2s.txt").read_text(
        "utf-8").splitlines() if not line.startswith("#")]
    return str.maketrans(lines[0], lines[1])


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-insensitive form: Élysée -> elysee, Erdoğan -> erdogan, Ёлка -> елка;
    traditional Chinese as simplified: 斷交 -> 断交 (Taiwan's and Hong Kong's news read as
    the lexicon and the knowledge base write Chinese)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    highest = max(decomposed)
    if highest < "\U00010000":
        stripped = _bmp_marks().sub("", decomposed)
    else:  # astral characters (emoji, rare scripts): their marks are in the table only
        stripped = decomposed.translate(_combining_marks())
    folded = unicodedata.normalize("NFC", stripped).replace("ı", "i")  # Turkish dotless i
    return folded.translate(_simplified()) if highest >= "\u3400" else folded
