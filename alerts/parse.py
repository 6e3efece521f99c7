"""Feed bytes -> feedparser's result, refusing what is not a feed or could blow up.

Cheap checks run here; feedparser itself runs in a worker process under a memory and time
budget (alerts.parseworker), always on a byte stream, never on a URL, a path or a string.
"""

from __future__ import annotations

import hashlib
import json
import logging
import marshal
import os
import re
import threading
from collections.abc import Mapping
from dataclasses import astuple, dataclass, field
from pathlib import Path
from typing import Any

from alerts.entryscan import entry_id, scan
from alerts.errors import FeedError
from alerts.models import Feed, Item
from alerts.normalise import EntryFacts, assign_keys, build_item
from alerts.parseworker import default_pool, parse_facts_here

log = logging.getLogger(__name__)
_MEMO_FORMAT = 1

# Real feeds need no DTD internal subset; entity declarations are how a feed expands itself
# into gigabytes (feedparser's loose parser expands one large entity without limit).
_PROLOG_LIMIT = 4096
_DANGEROUS_PROLOG = re.compile(rb"<!ENTITY|<!DOCTYPE[^>\[]*\[", re.IGNORECASE)
# The same declaration in the encodings feedparser detects from the bytes alone; a charset
# named in a header or declaration is checked in the worker, after feedparser's conversion.
# feedparser's complaints that leave its strict XML parser in charge (a content type it did
# not expect, a charset the document's declaration overrides): the reading of each entry is
# its own, so entries can be remembered.
_STRICT_COMPLAINTS = frozenset({"", "NonXMLContentType", "CharacterEncodingOverride"})
_ENTITY_NEEDLES = tuple(
    "<!ENTITY".encode(codec)
    for codec in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "cp037")
)


def parse_feed(body: bytes, final_url: str, content_type: str | None = None) -> Any:
    """Parse feed bytes; raise FeedError when they are not a feed at all."""
    _refuse_early(body, final_url)
    parsed = default_pool().parse(body, final_url, content_type)
    _refuse_non_feed(body, final_url, parsed.get("version"), bool(parsed.get("entries")))
    return parsed


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

    @classmethod
    def of(cls, context: bytes, version: str, complaint: str, ttl: Any, title: str | None,
           entries: Mapping[bytes, _Seen]) -> FeedMemo:
        # Format 0: the same bytes for the same entries, however their strings were made
        # (later formats mark interned and shared objects), so equal memos compare equal.
        return cls(context, version, complaint, ttl, title, marshal.dumps(
            {ident: (seen.guid, seen.hkey, seen.readable, seen.content_hash)
             for ident, seen in entries.items()}, 0))

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
            for url, (context, version, complaint, ttl, title, entries) in saved[
                    "feeds"].items():
                self._feeds[url] = FeedMemo.of(
                    bytes.fromhex(context), version, complaint, ttl, title,
                    {bytes.fromhex(ident): _Seen(guid, hkey, bool(readable), digest)
                     for ident, (guid, hkey, readable, digest) in entries.items()})
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
            feeds = {
                url: [m.context.hex(), m.version, m.complaint, m.ttl, m.title,
                      {ident.hex(): [f.guid, f.hkey, int(f.readable), f.content_hash]
                       for ident, f in m.entries.items()}]
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

        from alerts import entryscan, normalise, parseworker
        digest = hashlib.sha256(str(_MEMO_FORMAT).encode())
        spec = find_spec("feedparser")  # its __init__ names its version; not imported here
        fast = find_spec("alerts.fastparse")  # run in the workers; not imported here
        files = [spec.origin if spec else None, entryscan.__file__, normalise.__file__,
                 parseworker.__file__, fast.origin if fast else None, __file__]
        for name in files:
            digest.update(Path(name).read_bytes() if name else b"-")
        _fingerprint = digest.hexdigest()[:24]
    return _fingerprint


@dataclass(frozen=True)
class ParsedItems:
    items: list[Item]
    ttl: Any  # the feed's <ttl>, as given
    dropped: int = 0  # older entries left out by the max_entries cap
    oldest_first: bool = False  # the document lists its entries oldest first
    title: str | None = None  # the feed's own title (<channel><title>), as plain text
    # (key, content hash) of the entries unchanged since the remembered document: not parsed
    # again, so not in `items`; the caller checks the store holds each as it is.
    unchanged: tuple[tuple[str, str], ...] = ()
    memo: FeedMemo | None = field(default=None, repr=False)  # to keep once the poll is stored
    parsed: int = -1  # entries feedparser read for this answer (-1: the whole document)

    def stale(self, known: Mapping[str, Any]) -> bool:
        """Whether an unchanged entry's item is missing from the store or stored otherwise
        (another process polled the feed, retention pruned it...): then parse it all."""
        for key, digest in self.unchanged:
            stored = known.get(key)
            if stored is None or stored.content_hash != (
                    digest[:16] if stored.without_content else digest):
                return True
        return False


def parse_items(body: bytes, final_url: str, content_type: str | None, feed: Feed,
                max_entries: int, memo: ParseMemo | None = None,
                reuse: bool = True) -> ParsedItems:
    """Feed bytes -> Items, parsed and normalised in a worker (see parse_feed).

    With `memo`, entries remembered from the feed's last stored document (same bytes, same
    surroundings) are not parsed again: feedparser gets a document rebuilt from the header,
    the new entries and the footer, or nothing at all when nothing is new; they come back in
    `unchanged`. `reuse=False` parses everything (and still fills the memo)."""
    _refuse_early(body, final_url)
    scanned = scan(body) if memo is not None else None
    if memo is None or scanned is None or len(scanned.entries) > max_entries:
        return _parse_whole(body, final_url, content_type, feed, max_entries)
    settings = astuple(feed)
    context = scanned.context(final_url, content_type or "", repr(settings), str(max_entries))
    ids = [entry_id(e) for e in scanned.entries]
    previous = memo.get(feed.url) if reuse else None
    seen = previous.entries if previous is not None and previous.context == context else {}
    fresh = [i for i, ident in enumerate(ids) if ident not in seen]
    answer: dict | None = None
    if seen and fresh:
        answer = _facts(scanned.rebuild(fresh), final_url, content_type, settings,
                        max_entries)
        if ("facts" not in answer or answer["entries"] != len(fresh)
                or answer["version"] != previous.version  # type: ignore[union-attr]
                or answer["bozo"] != previous.complaint):  # type: ignore[union-attr]
            answer = None  # read differently out of its document: parse the whole one
            fresh = list(range(len(ids)))
    elif not seen:
        fresh = list(range(len(ids)))
    cacheable = True
    if answer is None and (fresh or not seen):
        answer = _facts(body, final_url, content_type, settings, max_entries)
        _refuse_non_feed(body, final_url, answer["version"], bool(answer["entries"]))
        if "facts" not in answer:  # more entries than the cap: its newest, as items
            return _items_answer(answer)
        cacheable = answer["bozo"] in _STRICT_COMPLAINTS and answer["entries"] == len(ids)
    if answer is None:  # nothing new: feedparser is not needed at all
        assert previous is not None
        version, ttl, title = previous.version, previous.ttl, previous.title
        complaint = previous.complaint
    else:
        version, ttl, title = answer["version"], answer["ttl"], answer["title"]
        complaint = answer["bozo"]
    new_facts = [EntryFacts(*f) for f in (answer["facts"] if answer else ())]
    facts: list[EntryFacts | _Seen]
    if len(fresh) == len(ids):  # the whole document was parsed
        facts = list(new_facts)
    else:  # the entries parsed again, each in its place among those remembered
        parsed_again = iter(new_facts)
        fresh_set = set(fresh)
        facts = [next(parsed_again) if i in fresh_set else seen[ident]
                 for i, ident in enumerate(ids)]
    items: list[Item] = []
    unchanged: list[tuple[str, str]] = []
    for position, key in assign_keys(facts):
        fact = facts[position]
        if isinstance(fact, EntryFacts):
            items.append(build_item(fact, key, feed))
        else:
            unchanged.append((key, fact.content_hash or ""))
    keep = FeedMemo.of(context, version, complaint, ttl, title, {
        ident: fact if isinstance(fact, _Seen) else _Seen(
            fact.guid, fact.hkey, fact.readable, fact.fields[6] if fact.fields else None)
        for ident, fact in zip(ids, facts, strict=True)}) if cacheable else None
    return ParsedItems(items, ttl, title=title, unchanged=tuple(unchanged), memo=keep,
                       parsed=len(fresh) if answer is not None else 0)


def _facts(body: bytes, final_url: str, content_type: str | None, settings: tuple,
           max_entries: int) -> dict:
    """The entry facts of a document: read here when the fast reader can do it within
    bounds (no parse worker is started for a plain feed), else in a worker."""
    here = parse_facts_here(body, final_url, content_type, settings, max_entries)
    if here is not None:
        return here
    return default_pool().parse_facts(body, final_url, content_type, settings, max_entries)


def _parse_whole(body: bytes, final_url: str, content_type: str | None, feed: Feed,
                 max_entries: int) -> ParsedItems:
    answer = default_pool().parse_items(body, final_url, content_type, astuple(feed),
                                        max_entries)
    _refuse_non_feed(body, final_url, answer["version"], bool(answer["entries"]))
    return _items_answer(answer)


def _items_answer(answer: dict) -> ParsedItems:
    return ParsedItems([Item(*fields) for fields in answer["items"]], answer["ttl"],
                       answer.get("dropped", 0), answer.get("oldest_first", False),
                       answer.get("title"))


def _refuse_early(body: bytes, final_url: str) -> None:
    if not body.strip():
        raise FeedError(f"{final_url} returned an empty body where a feed was expected",
                        kind="empty")
    if _declares_entities(body):
        raise FeedError(f"{final_url} declares XML entities (a DTD internal subset); feeds do "
                        "not need them and they can exhaust memory, so it was not parsed",
                        kind="entities")


def _refuse_non_feed(body: bytes, final_url: str, version: str | None, entries: bool) -> None:
    if not version and not entries:
        kind = "html" if _looks_like_html(body) else "not-a-feed"
        what = "an HTML page" if kind == "html" else "something that is not RSS or Atom"
        raise FeedError(f"{final_url} returned {what} where a feed was expected; check that the "
                        "URL points at the feed itself", kind=kind)


def _declares_entities(body: bytes) -> bool:
    if _DANGEROUS_PROLOG.search(body[:_PROLOG_LIMIT]):
        return True
    if re.search(rb"<!ENTITY", body, re.IGNORECASE):
        return True
    return any(needle in body for needle in _ENTITY_NEEDLES)


def _looks_like_html(body: bytes) -> bool:
    head = body[:2048].lower()
    return b"<html" in head or b"<!doctype html" in head
