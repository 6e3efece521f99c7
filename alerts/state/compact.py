"""How story signatures and their LSH bands are stored (#17), compactly.

- A story's word signature (`alerts.stories.signature`: PERMUTATIONS 32-bit values): packed
  little-endian in a BLOB, 256 bytes, where its decimal text took about 590.
- Each LSH band (`alerts.stories.bands`: 16 hex digits of a 64-bit hash): its 8 bytes, in
  `story_bands`, which sort as the hex text did (so lookups meet stories in the same order).
- The time a band was last seen: microseconds since the epoch (UTC) in an INTEGER, the
  order of the ISO text `ts()` writes, exactly, in 8 bytes instead of 25 to 32.
"""

from __future__ import annotations

import struct
from datetime import UTC, datetime, timedelta

from alerts.stories import PERMUTATIONS

_SIGNATURE = struct.Struct(f"<{PERMUTATIONS}I")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
END_OF_TIME = 2 ** 63 - 1  # later than any moment()


def pack_signature(sig: tuple[int, ...]) -> bytes:
    return _SIGNATURE.pack(*sig)


def unpack_signature(stored: bytes) -> tuple[int, ...]:
    return _SIGNATURE.unpack(stored)


def band_value(band: str) -> bytes:
    return bytes.fromhex(band)


def moment(when: datetime) -> int:
    """Microseconds since the epoch: a naive time is local, as for `ts()`."""
    return (when.astimezone(UTC) - _EPOCH) // timedelta(microseconds=1)
