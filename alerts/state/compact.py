"""How story signatures and their LSH bands are stored (#17), compactly.

- A story's word signature (`alerts.stories.signature`: PERMUTATIONS 32-bit values): packed
  little-endian in a BLOB, 256 bytes, where its decimal text took about 590.
- Each LSH band (`alerts.stories.bands`: 16 hex digits of a 64-bit hash): its 8 bytes, in
  `story_bands`, which sort as the hex text did (so lookups meet stories in the same order).
- A story's 'text' key (`alerts.stories.text_key`: 32 hex digits of a 128-bit hash): its
  16 bytes, in `story_keys` (`text_key_value`, since migration 0031).
- The time a band was last seen: microseconds since the epoch (UTC) in an INTEGER, the
  order of the ISO text `ts()` writes, exactly, in 8 bytes instead of 25 to 32. Since
  migration 0017 an item's first_seen, last_seen and published are stored so too, and its
  content hash as its 8 or 12 bytes (`pack_hash`); readers get back the text they had.
- An item's summary and full text (since migration 0023): compressed in a BLOB when that is
  shorter than the text's UTF-8 bytes, else the text as it was; a TEXT value is always the
  text itself, a BLOB always its compressed bytes (`pack_text`, `unpack_text`). Since
  migration 0026 a BLOB's first byte says how: 0 raw deflate (level 9) as 0023 wrote it,
  n > 0 zstd (level 3, a magicless frame without checksum or size) with the state's text
  dictionary number n (`text_dictionaries`, alerts.state.textdict: trained from the
  state's own stored texts when it holds TRAIN_AFTER items, and once more, every text packed
  again, at TRAIN_AGAIN_AFTER; never changed, deleted only when no text names it). A
  dictionary holds the words and phrases the state's feeds use again and again, so a short
  text, which alone has nothing to repeat, packs to half what deflate makes of it.
  Since migration 0033 an item's title is packed so too (76.6 -> about 40 bytes an item on
  the bench's items); SQL reads it through `alerts_text(title)`, a function every state
  connection has (`TEXT_SQL`, `read_texts_in_sql`), as Datasette's have.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import struct
import zlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from alerts.errors import StateError
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


_TEXT_KEY = re.compile(r"[0-9a-f]{32}")

# A story key as the text it was (every stored 'text' key since 0031), for SQL reading
# `story_keys` (tests, the migration's checks): a BLOB is always such a key's 16 bytes.
STORY_KEY_TEXT = "CASE WHEN typeof(key) = 'blob' THEN lower(hex(key)) ELSE key END"


def text_key_value(key: str) -> str | bytes:
    """A story's 'text' key as stored (migration 0031): the 16 bytes of its hash
    (`alerts.stories.text_key`, 32 lower-case hex digits) where its hex text took 33; any
    other key as it is (a TEXT value is always the key itself)."""
    return bytes.fromhex(key) if len(key) == 32 and _TEXT_KEY.fullmatch(key) else key


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
PACKED_TEXTS = frozenset({("items", "summary"), ("items", "content"), ("items", "title")})

# The SQL function that gives a packed text back as its text (a TEXT value as it is, NULL as
# NULL): `alerts_text(i.title)`. Every state connection has it (alerts.state.db.Database, the
# web view's connections); in your own connection, call read_texts_in_sql(conn) first.
TEXT_SQL = "alerts_text"


def text_sql(column: str) -> str:
    """SQL for a packed column's text, as `unpack_text` gives it: `text_sql('i.title')`."""
    return f"{TEXT_SQL}({column})"

NO_DICTIONARY = 0  # the first byte of a text packed with raw deflate
LEVEL = 3  # zstd's level with a dictionary: as small as 19 on news-sized texts, 15x faster


def _deflate(raw: bytes) -> bytes:
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    return deflate.compress(raw) + deflate.flush()


def deflate_text(text: str) -> str | bytes:
    """A text as migration 0023 packed it: raw deflate when shorter, without the first byte
    0026 adds (0026 adds it to every such value)."""
    raw = text.encode("utf-8")
    packed = _deflate(raw)
    return packed if len(packed) < len(raw) else text


def inflate(packed: bytes) -> str:
    """A text 0023 packed (raw deflate, without the first byte 0026 adds)."""
    return zlib.decompress(packed, -15).decode("utf-8")


def digest(dictionary: bytes) -> bytes:
    """What names a dictionary's bytes, kept beside them (its cached copy is found by it)."""
    return hashlib.blake2b(dictionary, digest_size=8).digest()


class _Coder:
    """zstd's compressor and decompressor for one dictionary (its tables are built once)."""

    def __init__(self, dictionary: bytes):
        import zstandard

        trained = zstandard.ZstdCompressionDict(dictionary)
        params = zstandard.ZstdCompressionParameters.from_level(
            LEVEL, format=zstandard.FORMAT_ZSTD1_MAGICLESS, write_checksum=0,
            write_content_size=0, write_dict_id=0)
        self.compressor = zstandard.ZstdCompressor(dict_data=trained,
                                                   compression_params=params)
        self.decompressor = zstandard.ZstdDecompressor(
            dict_data=trained, format=zstandard.FORMAT_ZSTD1_MAGICLESS)


# Coders by their dictionary's digest: the same bytes in any state, any connection, so a
# copy stays right whatever a state does (a dictionary made in a transaction rolled back).
_CODERS: dict[bytes, _Coder] = {}


class TextPacker:
    """Packs and unpacks items' texts for one state, with its dictionary once it has one.

    Made for one read or one write (it reads the state's dictionaries' numbers once, at the
    first text that needs them); without a connection, it packs without a dictionary and
    unpacks only what was packed so."""

    def __init__(self, conn: sqlite3.Connection | None = None):
        self.conn = conn
        self._digests: dict[int, bytes] | None = None
        self._unstored: dict[int, _Coder] = {}  # see beside()

    def beside(self, number: int, dictionary: bytes) -> TextPacker:
        """A packer for the same state whose newest dictionary is `dictionary`, as number
        `number`, before the state holds it (alerts.state.textdict.train_outside)."""
        packer = TextPacker(self.conn)
        packer._digests = {**self._known(), number: digest(dictionary)}
        packer._unstored[number] = _Coder(dictionary)
        return packer

    def _known(self) -> dict[int, bytes]:
        if self._digests is None:
            self._digests = {}
            if self.conn is not None:
                try:
                    rows = self.conn.execute("SELECT id, digest FROM text_dictionaries").fetchall()
                except sqlite3.OperationalError:  # a schema before 0026: none
                    rows = []
                self._digests = {int(number): bytes(found) for number, found in rows}
        return self._digests

    def forget(self) -> None:
        """Read the dictionaries' numbers again (one was just made)."""
        self._digests = None

    @property
    def newest(self) -> int | None:
        """The number of the dictionary new texts are packed with (None: there is none)."""
        return max(self._known(), default=None)

    @property
    def newest_digest(self) -> bytes | None:
        """That dictionary's digest: which bytes new texts are packed with (None: none)."""
        number = self.newest
        return None if number is None else self._known()[number]

    def _coder(self, number: int) -> _Coder:
        if number in self._unstored:
            return self._unstored[number]
        found = self._known().get(number)
        if found is None or self.conn is None:
            raise StateError(
                f"an item's text in the state database was packed with its text dictionary "
                f"number {number}, which the state does not hold; the state is damaged: "
                "restore it from a backup, or point 'state' at a new file")
        coder = _CODERS.get(found)
        if coder is None:
            (dictionary,) = self.conn.execute(
                "SELECT dictionary FROM text_dictionaries WHERE id = ?", (number,)).fetchone()
            if len(_CODERS) >= 8:
                _CODERS.clear()
            coder = _CODERS[found] = _Coder(bytes(dictionary))
        return coder

    def pack(self, text: str | None, *, deflate: bool = True) -> str | bytes | None:
        """An item's summary or full text as stored: packed when that is shorter, with the
        newest dictionary when there is one (else, or when that is no shorter, with raw
        deflate). `deflate=False` (titles, 0033): with the dictionary only, as deflate alone
        seldom shortens a line (a state without a dictionary keeps its titles as text)."""
        if not text:
            return text
        raw = text.encode("utf-8")
        number = self.newest
        if number is not None:
            packed = bytes((number,)) + self._coder(number).compressor.compress(raw)
            if len(packed) < len(raw):
                return packed
        if not deflate:
            return text
        packed = bytes((NO_DICTIONARY,)) + _deflate(raw)
        return packed if len(packed) < len(raw) else text

    def unpack(self, stored: object) -> str | None:
        """A stored summary or full text back as the text it was."""
        if not isinstance(stored, bytes):
            return None if stored is None else str(stored)
        if not stored:
            raise StateError("an item's packed text in the state database is empty; the state "
                             "is damaged: restore it from a backup")
        if stored[0] == NO_DICTIONARY:
            return inflate(stored[1:])
        coder = self._coder(stored[0])
        return bytes(coder.decompressor.decompressobj().decompress(stored[1:])).decode("utf-8")


def pack_text(text: str | None, conn: sqlite3.Connection | None = None) -> str | bytes | None:
    """An item's summary or full text as stored (`TextPacker.pack`); with the state's
    connection, packed with its dictionary when it has one."""
    return TextPacker(conn).pack(text)


def unpack_text(stored: object, conn: sqlite3.Connection | None = None) -> str | None:
    """A stored summary or full text back as the text it was (`TextPacker.unpack`). A text
    packed with the state's dictionary needs the state's connection: in your own queries,
    `unpack_text(value, conn)`."""
    return TextPacker(conn).unpack(stored)


def read_texts_in_sql(conn: sqlite3.Connection) -> None:
    """Give the connection the SQL function `alerts_text` (TEXT_SQL): a stored text back as
    the text it was, unpacked with the connection's own state's dictionaries."""
    packer = TextPacker(conn)
    coders: dict[int, _Coder] = {}  # by dictionary number, as this connection last read them

    def read(stored: object) -> str | None:
        if not isinstance(stored, bytes):  # short titles, stored as text
            return None if stored is None else str(stored)
        coder = coders.get(stored[0]) if stored else None
        if coder is not None:  # the common case, without the packer's checks
            return bytes(coder.decompressor.decompressobj().decompress(stored[1:])).decode()
        if stored[:1] not in (b"", bytes((NO_DICTIONARY,))):
            if stored[0] not in packer._known():
                packer.forget()  # a dictionary made since it last looked (another process's)
            coders[stored[0]] = packer._coder(stored[0])
        return packer.unpack(stored)

    def forget() -> None:
        packer.forget()
        coders.clear()

    conn.create_function(TEXT_SQL, 1, read, deterministic=True)
    _SQL_READERS[id(conn)] = forget


# What each connection's alerts_text() knows of its dictionaries, to forget when its own
# transaction makes one or rolls back (a number rolled back may be another dictionary's next).
_SQL_READERS: dict[int, Callable[[], None]] = {}


def forget_texts_in_sql(conn: sqlite3.Connection, *, closed: bool = False) -> None:
    """The connection's alerts_text() reads the state's dictionaries again at its next text
    (one was made, deleted or rolled back); `closed`: the connection is gone."""
    forget = _SQL_READERS.pop(id(conn), None) if closed else _SQL_READERS.get(id(conn))
    if forget is not None:
        forget()


def needs_dictionary(stored: Any) -> bool:
    """Whether a stored text can be unpacked only with the state's dictionary."""
    return isinstance(stored, bytes) and bool(stored) and stored[0] != NO_DICTIONARY
