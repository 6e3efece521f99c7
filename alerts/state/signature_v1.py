"""Story word signatures as they were computed until migration 0029 (#17), kept only so that
0029 can tell which stored signature and which stored LSH bands came from which report, and
give each the signature of the current scheme (alerts.stories) instead.

Version 1: each word pair hashed with SHAKE-128 into 64 lanes of 32 bits, a text's signature
the least value per lane over its 64 lowest digests; a band's key the blake2b-64 of the text
`repr((band, its 4 values))`. Nothing else reads it.
"""

from __future__ import annotations

import hashlib
import re
import struct
from itertools import pairwise

PERMUTATIONS = 64
BANDS = 16
ROWS = PERMUTATIONS // BANDS
MIN_SHINGLES = 8
MAX_SHINGLES = 64
_WORD = re.compile(r"[^\W_]+")
_LANES = struct.Struct(f"<{PERMUTATIONS}I")
_BAND = "(%d, (" + ", ".join(["%d"] * ROWS) + "))"


def signature_v1(folded: str) -> tuple[int, ...] | None:
    """The version-1 signature of a folded text (title and summary, folded apart, joined by
    a space), None when it has fewer than MIN_SHINGLES word pairs."""
    words = _WORD.findall(folded)
    grams = set(map(" ".join, pairwise(words))) if len(words) > 1 else set(words)
    digests = [hashlib.shake_128(g.encode()).digest(_LANES.size) for g in grams]
    if len(digests) < MIN_SHINGLES:
        return None
    digests = sorted(digests)[:MAX_SHINGLES]
    return tuple(map(min, *map(_LANES.unpack, digests)))


def bands_v1(sig: tuple[int, ...]) -> list[bytes]:
    """Its band keys as story_bands stores them (8 bytes each)."""
    return [hashlib.blake2b((_BAND % (i, *sig[i * ROWS:(i + 1) * ROWS])).encode(),
                            digest_size=8).digest() for i in range(BANDS)]
