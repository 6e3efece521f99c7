"""Feed bytes -> feedparser's result, refusing what is not a feed or could blow up.

Cheap checks run here; feedparser itself runs in a worker process under a memory and time
budget (alerts.parseworker), always on a byte stream, never on a URL, a path or a string.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from alerts.entryscan import Scan, entry_id, scan, scan_known
from alerts.errors import FeedError
from alerts.models import Feed, Item
from alerts.normalise import EntryFacts, assign_keys, build_item
from alerts.parsememo import FeedMemo as FeedMemo
from alerts.parsememo import ParseMemo as ParseMemo
from alerts.parsememo import _Seen
from alerts.parsememo import code_fingerprint as code_fingerprint
from alerts.parsememo import memo_path as memo_path
from alerts.parseworker import Known, default_pool, facts_and_header_here

log = logging.getLogger(__name__)

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
# In any case: a literal "<!" before it lets the search skip to each "<!" (#17: the flag on
# the whole pattern made it try every byte, ~60 µs of a 40 KB document).
_ENTITY_ANY_CASE = re.compile(rb"<!(?i:entity)")
_EBCDIC_ENTITY = "<!ENTITY".encode("cp037")
# UTF-16 and UTF-32 write every ASCII character with zero bytes: a body without a zero byte
# holds none of these, and is not searched four more times.
_WIDE_ENTITY_NEEDLES = tuple(
    "<!ENTITY".encode(codec) for codec in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))


def parse_feed(body: bytes, final_url: str, content_type: str | None = None) -> Any:
    """Parse feed bytes; raise FeedError when they are not a feed at all."""
    _refuse_early(body, final_url)
    parsed = default_pool().parse(body, final_url, content_type)
    _refuse_non_feed(body, final_url, parsed.get("version"), bool(parsed.get("entries")))
    return parsed


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


class NeedsWorker(Exception):
    """parse_items(here_only=True) met a document only a parse worker reads."""


def parse_items(body: bytes, final_url: str, content_type: str | None, feed: Feed,
                max_entries: int, memo: ParseMemo | None = None,
                reuse: bool = True, here_only: bool = False) -> ParsedItems:
    """Feed bytes -> Items, parsed and normalised in a worker (see parse_feed).

    With `memo`, entries remembered from the feed's last stored document (same bytes, same
    surroundings) are not parsed again: feedparser gets a document rebuilt from the header,
    the new entries and the footer, or nothing at all when nothing is new; they come back in
    `unchanged`. `reuse=False` parses everything (and still fills the memo). `here_only`:
    raise NeedsWorker rather than wait for a parse worker (the caller is the event loop,
    which must not wait; it asks again from a thread)."""
    _refuse_early(body, final_url)
    settings = feed_settings(feed)
    surroundings = (final_url, content_type or "", repr(settings), str(max_entries))
    previous = memo.get(feed.url) if memo is not None and reuse else None
    remembered = previous.entries if previous is not None else {}
    # The entries remembered are not read again by the scan either (#17: the scan was about
    # 0.5 ms of a 50-entry document): only when their surroundings are the same.
    quick = None
    if previous is not None and remembered:
        quick = scan_known(body, remembered)
        if quick is not None and quick.scan.context(*surroundings) != previous.context:
            quick = None
    scanned = quick.scan if quick is not None else scan(body) if memo is not None else None
    if memo is None or scanned is None or len(scanned.entries) > max_entries:
        if here_only:
            raise NeedsWorker
        return _parse_whole(body, final_url, content_type, feed, max_entries)
    context = scanned.context(*surroundings)
    ids = list(quick.ids) if quick is not None else [entry_id(e) for e in scanned.entries]
    seen = remembered if previous is not None and previous.context == context else {}
    fresh = [i for i, ident in enumerate(ids) if ident not in seen]
    answer: dict | None = None
    if seen and fresh:
        answer = _facts(scanned.rebuild(fresh), final_url, content_type, settings,
                        max_entries, quick.rebuilt if quick is not None else None,
                        known=previous.header, here_only=here_only)  # type: ignore[union-attr]
        if ("facts" not in answer or answer["entries"] != len(fresh)
                or answer["version"] != previous.version  # type: ignore[union-attr]
                or answer["bozo"] != previous.complaint):  # type: ignore[union-attr]
            answer = None  # read differently out of its document: parse the whole one
            fresh = list(range(len(ids)))
    elif not seen:
        fresh = list(range(len(ids)))
    cacheable = True
    if answer is None and (fresh or not seen):
        answer = _facts(body, final_url, content_type, settings, max_entries, scanned,
                        here_only=here_only)
        _refuse_non_feed(body, final_url, answer["version"], bool(answer["entries"]))
        if "facts" not in answer:  # more entries than the cap: its newest, as items
            return _items_answer(answer)
        cacheable = answer["bozo"] in _STRICT_COMPLAINTS and answer["entries"] == len(ids)
    if answer is None:  # nothing new: feedparser is not needed at all
        assert previous is not None
        version, ttl, title = previous.version, previous.ttl, previous.title
        complaint, encoding = previous.complaint, previous.encoding
    else:
        version, ttl, title = answer["version"], answer["ttl"], answer["title"]
        complaint = answer["bozo"]
        # Known only when the fast reader's feedparser read the document without its
        # entries (parseworker.Known); "" has feedparser read it again next time.
        encoding = answer["header"][1] if "header" in answer else ""
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
    keep = FeedMemo.of(context, version, complaint, ttl, title, encoding, {
        ident: fact if isinstance(fact, _Seen) else _Seen(
            fact.guid, fact.hkey, fact.readable, fact.fields[6] if fact.fields else None)
        for ident, fact in zip(ids, facts, strict=True)}) if cacheable else None
    return ParsedItems(items, ttl, title=title, unchanged=tuple(unchanged), memo=keep,
                       parsed=len(fresh) if answer is not None else 0)


def _facts(body: bytes, final_url: str, content_type: str | None, settings: tuple,
           max_entries: int, scanned: Scan | None = None, known: Known | None = None,
           here_only: bool = False) -> dict:
    """The entry facts of a document: read here when the fast reader can do it within
    bounds (no parse worker is started for a plain feed), else in a worker (`here_only`:
    NeedsWorker instead). `scanned`: scan(body), when made already (the fast reader scans
    it otherwise); `known`: the reading of the document without its entries, when the
    feed's last one had the same surroundings (parse_facts_here)."""
    here = facts_and_header_here(body, final_url, content_type, settings, max_entries,
                                 scanned, known)
    if here is not None:
        answer, header = here
        return answer | {"header": header}
    if here_only:
        raise NeedsWorker
    return default_pool().parse_facts(body, final_url, content_type, settings, max_entries)


def _parse_whole(body: bytes, final_url: str, content_type: str | None, feed: Feed,
                 max_entries: int) -> ParsedItems:
    answer = default_pool().parse_items(body, final_url, content_type, feed_settings(feed),
                                        max_entries)
    _refuse_non_feed(body, final_url, answer["version"], bool(answer["entries"]))
    return _items_answer(answer)


def _items_answer(answer: dict) -> ParsedItems:
    return ParsedItems([Item(*fields) for fields in answer["items"]], answer["ttl"],
                       answer.get("dropped", 0), answer.get("oldest_first", False),
                       answer.get("title"))


def feed_settings(feed: Feed) -> tuple[Any, ...]:
    """dataclasses.astuple(feed) without its deep copy (#17: ~30 µs a document): a feed's
    fields are strings, numbers and tuples of strings, which it gives back equal."""
    return tuple(getattr(feed, f.name) for f in fields(feed))


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
    if _ENTITY_ANY_CASE.search(body) or _EBCDIC_ENTITY in body:
        return True
    return b"\x00" in body and any(needle in body for needle in _WIDE_ENTITY_NEEDLES)


def _looks_like_html(body: bytes) -> bool:
    head = body[:2048].lower()
    return b"<html" in head or b"<!doctype html" in head
