"""How story signatures and their LSH bands are stored (#17), compactly.

- A story's word signature (`alerts.stories.signature`: PERMUTATIONS 32-bit values): packed
  little-endian in a BLOB, 256 bytes, where its decimal text took about 590.
- Each LSH band (`alerts.stories.bands`: 16 hex digits of a 64-bit hash): its 8 bytes, in
  `story_bands`, which sort as the hex text did (so lookups meet stories in the same order).
- The time a band was last seen: microseconds since the epoch (UTC) in an INTEGER, the
  order of the ISO text `ts()` writes, exactly, in 8 bytes instead of 25 to 32. Since
  migration 0017 an item's first_seen, last_seen and published are stored so too, and its
  content hash as its 8 or 12 bytes (`pack_hash`); readers get back the text they had.
- An item's summary and full text (since migration 0023): compressed (raw deflate, level 9)
  in a BLOB when that is shorter than the text's UTF-8 bytes, else the text as it was; a
  TEXT value is always the text itself, a BLOB always its compressed bytes (`pack_text`,
  `unpack_text`).
"""

from __future__ import annotations

import struct
import zlib
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


def instant(stored: object) -> datetime | None:
    """A stored time back as a UTC datetime: microseconds (`moment`), or ISO text as `ts()`
    wrote it (a value 0017 could not convert exactly stays text)."""
    if stored is None:
        return None
    if isinstance(stored, int):
        return _EPOCH + timedelta(microseconds=stored)
    return datetime.fromisoformat(str(stored))


def iso(stored: object) -> str | None:
    """A stored time as the ISO text `ts()` writes (what readers were given before 0017)."""
    if isinstance(stored, int):
        return (_EPOCH + timedelta(microseconds=stored)).isoformat()
    return None if stored is None else str(stored)


def exact_moment(text: object) -> int | None:
    """The microseconds of an ISO time `ts()` wrote, when they give that text back exactly
    (UTC, from 1970); else None: such a value is kept as it was."""
    if not isinstance(text, str):
        return None
    try:
        value = moment(datetime.fromisoformat(text))
    except (ValueError, OverflowError):
        return None
    return value if value >= 0 and iso(value) == text else None


def pack_hash(digest: str) -> bytes | str:
    """An item's content hash (16 or 24 lower-case hex digits) as its bytes; anything else
    stays text."""
    try:
        packed = bytes.fromhex(digest)
    except ValueError:
        return digest
    return packed if packed.hex() == digest else digest


def unpack_hash(stored: object) -> str:
    return stored.hex() if isinstance(stored, bytes) else str(stored)


def stored_guid(key: str, guid: str | None) -> str | None:
    """An item's GUID as stored since migration 0019: NULL when its key is 'g:' and the GUID,
    '' for no GUID under such a key, else the GUID."""
    if guid and key == "g:" + guid:
        return None
    if guid is None and key.startswith("g:"):
        return ""
    return guid


def read_guid(key: str, stored: str | None) -> str | None:
    if stored is None:
        return key[2:] if key.startswith("g:") else None
    return stored or None

# The columns whose values pack_text writes (a TEXT value there is still plain text).
PACKED_TEXTS = frozenset({("items", "summary"), ("items", "content")})


def pack_text(text: str | None) -> str | bytes | None:
    """An item's summary or full text as stored since migration 0023: its UTF-8 bytes
    compressed (raw deflate, level 9) when that is shorter, else the text unchanged."""
    if not text:
        return text
    raw = text.encode("utf-8")
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = deflate.compress(raw) + deflate.flush()
    return packed if len(packed) < len(raw) else text


def unpack_text(stored: object) -> str | None:
    """A stored summary or full text back as the text it was (`pack_text`)."""
    if isinstance(stored, bytes):
        return zlib.decompress(stored, -15).decode("utf-8")
    return None if stored is None else str(stored)
