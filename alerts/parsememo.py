"""What `poll --once` and the daemon remember of each feed's last parsed document (issue #17,
"parse only what is new"): kept apart from the parsing itself (alerts.parse, with the entry
scanner and the normaliser), so that a cycle in which nothing is parsed (every feed 304)
does not load those."""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import marshal
import os
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)
_MEMO_FORMAT = 3  # 2: each feed's entries saved packed (marshal), with a digest; 3: encoding


@dataclass(frozen=True, slots=True)
class _Seen:
    """What is remembered of an entry already parsed: enough to key it again."""

    guid: str
    hkey: str
    readable: bool
    content_hash: str | None


@dataclass(frozen=True)
class FeedMemo:
    """A feed's last stored document, as far as parsing goes: the surroundings its entries
    were read in (alerts.entryscan.Scan.context), its feed-level fields and each entry's
    identity (the hash of its bytes) with what it gave (`entries`).

    The entries are kept packed in one bytes object (`of` packs them, `entries` unpacks
    them when the feed's next document is read, about 30 µs for 50): a daemon keeps the memo
    of every feed, and as some 250 small objects per feed, made during the first poll among
    its short-lived ones, they held Python's allocator arenas that could not be given back
    once the poll was over (issue #17, idle memory)."""

    context: bytes
    version: str
    complaint: str  # feedparser's bozo exception class, "" for none
    ttl: Any
    title: str | None
    packed: bytes  # marshal of {identity: (guid, hkey, readable, content_hash)}
    # The encoding feedparser found reading the document without its entries in this
    # process (alerts.parseworker.Known); "" when that is not how it was read.
    encoding: str = ""

    @classmethod
    def of(cls, context: bytes, version: str, complaint: str, ttl: Any, title: str | None,
           encoding: str, entries: Mapping[bytes, _Seen]) -> FeedMemo:
        # Format 0: the same bytes for the same entries, however their strings were made
        # (later formats mark interned and shared objects), so equal memos compare equal.
        return cls(context, version, complaint, ttl, title, marshal.dumps(
            {ident: (seen.guid, seen.hkey, seen.readable, seen.content_hash)
             for ident, seen in entries.items()}, 0), encoding)

    @property
    def header(self) -> tuple[str, str, str, Any, str | None] | None:
        """What feedparser's reading of the document without its entries gave (version,
        encoding, complaint, ttl, title), when it was read so; else None. The next
        document in the same surroundings (the header without its volatile channel dates,
        the footer, address, content type and settings: `context`) gives the same: those
        dates are the only bytes of it that may differ, and none of these depends on them
        (a document whose dates would change its decoding is refused by the fast reader,
        which still compares this encoding and complaint with the new document's own)."""
        if not self.encoding:
            return None
        return self.version, self.encoding, self.complaint, self.ttl, self.title

    @property
    def entries(self) -> dict[bytes, _Seen]:
        return {ident: _Seen(*fields) for ident, fields in marshal.loads(self.packed).items()}


class ParseMemo:
    """Per feed, the last document whose poll was stored (FeedMemo). An entry whose bytes and
    surroundings are the same as then gives the same item (feedparser and normalise are
    pure), so it is not parsed again; the caller still checks the store holds that item."""

    def __init__(self) -> None:
        self._feeds: dict[str, FeedMemo] = {}
        self._lock = threading.Lock()
        self.changed = False  # since it was made or loaded (save() skips an unchanged one)
        self._unread: Path | None = None  # a saved memo read at first use (load())

    def _read_saved(self) -> None:
        """The saved memo, read when it is first needed (with the lock held): a cycle in
        which no document is parsed (every feed 304) never reads it."""
        path, self._unread = self._unread, None
        if path is None:
            return
        try:
            saved = json.loads(path.read_text("utf-8"))
            if saved.get("code") != code_fingerprint():
                return
            for url, (context, version, complaint, ttl, title, packed, check,
                      encoding) in saved["feeds"].items():
                entries = base64.b64decode(packed, validate=True)
                if _check(entries) != check:
                    raise ValueError(f"the entries of {url} are damaged")
                self._feeds[url] = FeedMemo(bytes.fromhex(context), version, complaint, ttl,
                                            title, entries, str(encoding))
        except FileNotFoundError:
            pass
        except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
            log.info("the parse memo %s could not be read (%s); every feed is parsed whole "
                     "once", path, exc)
            self._feeds.clear()

    def get(self, feed_url: str) -> FeedMemo | None:
        with self._lock:
            self._read_saved()
            return self._feeds.get(feed_url)

    def keep(self, feed_url: str, memo: FeedMemo | None) -> None:
        """After the poll that parsed it was stored (never before: the store must hold
        every item the memo lets a later poll skip)."""
        if memo is None:
            return
        with self._lock:
            self._read_saved()  # before: what this run keeps is newer than what was saved
            self._feeds[feed_url] = memo
            self.changed = True

    def forget(self, feed_url: str) -> None:
        with self._lock:
            self._read_saved()
            self._feeds.pop(feed_url, None)

    # -- kept on disk between `poll --once` runs ------------------------------------------------

    @classmethod
    def load(cls, path: Path) -> ParseMemo:
        """The memo saved at `path` by the same code, or an empty one; the file is read at
        the memo's first use. It is only a cache: whatever is wrong with the file (missing,
        damaged, written by another version) costs one full parse per feed, and the store is
        still asked about every entry it skips."""
        memo = cls()
        memo._unread = path
        return memo

    def save(self, path: Path) -> None:
        """Written whole to a temporary file, then moved into place; not at all when nothing
        was kept since it was loaded (a cycle of 304s)."""
        if not self.changed:
            return
        with self._lock:
            # Each feed's entries as they are kept, packed (FeedMemo), with a digest that
            # tells damage from data: unpacking 10,000 entries to write them one by one,
            # and packing them again at the next run, was ~70 ms of a steady-state
            # `poll --once` of 200 feeds (#17).
            feeds = {
                url: [m.context.hex(), m.version, m.complaint, m.ttl, m.title,
                      base64.b64encode(m.packed).decode("ascii"), _check(m.packed),
                      m.encoding]
                for url, m in self._feeds.items()
                if isinstance(m.ttl, str | None) and isinstance(m.title, str | None)}
        temporary = path.with_name(path.name + f".{os.getpid()}.tmp")
        try:
            temporary.write_text(json.dumps({"code": code_fingerprint(), "feeds": feeds},
                                            separators=(",", ":")), "utf-8")
            os.replace(temporary, path)
            self.changed = False
        except OSError as exc:  # a cache: the next run parses whole, nothing is lost
            log.info("the parse memo %s could not be written (%s)", path, exc)
            temporary.unlink(missing_ok=True)


def _check(packed: bytes) -> str:
    """A packed memo's digest, saved beside it."""
    return hashlib.blake2b(packed, digest_size=12).hexdigest()


def memo_path(state_path: Path) -> Path:
    """Where `poll --once` keeps the parse memo: beside the state database."""
    return state_path.with_name(state_path.name + ".parse-memo.json")


_fingerprint: str | None = None


def code_fingerprint() -> str:
    """What the remembered facts were computed by: our parsing and normalising code and
    feedparser's version. Another version of either reads the memo as empty."""
    global _fingerprint
    if _fingerprint is None:
        from importlib.util import find_spec

        # The format, and Python's: the entries are saved in marshal's format.
        digest = hashlib.sha256(f"{_MEMO_FORMAT} {sys.version} {marshal.version}".encode())
        spec = find_spec("feedparser")  # its __init__ names its version; not imported here
        # Ours by their specs: none is imported here (a cycle of 304s parses nothing).
        ours = [find_spec(f"alerts.{name}") for name in (
            "entryscan", "normalise", "parseworker", "fastparse", "parse")]
        files = [spec.origin if spec else None,
                 *(found.origin if found else None for found in ours), __file__]
        for name in files:
            digest.update(Path(name).read_bytes() if name else b"-")
        _fingerprint = digest.hexdigest()[:24]
    return _fingerprint
