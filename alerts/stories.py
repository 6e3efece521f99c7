"""One story per real-world event: reports from many outlets, edits and re-posts, clustered.

An item that matched a rule joins a story when, within a time window, any of these holds:
  1. the same canonical link (scheme, "www." and trailing slash aside) is already in a story;
  2. the same text (a re-post under a new GUID, in this feed or another);
  3. the same rule fired on the same people (or countries) — differently worded reports of
     one event ("Macron phones Putin" / "French president calls Kremlin leader");
  4. the words are close: MinHash over word pairs, looked up through LSH bands, so finding
     candidates is a few indexed queries however many stories are stored.
Otherwise it starts a new story. A call in March and a visit in June by the same pair fall
in different windows and stay separate.
"""

from __future__ import annotations

import hashlib
import re
import struct
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol
from urllib.parse import urlsplit

from alerts.models import Item
from alerts.rules.text import fold

PERMUTATIONS = 64
BANDS = 16  # of 4 rows: pairs above ~0.5 similarity share a band with high probability
ROWS = PERMUTATIONS // BANDS
# Short headlines built on one template ("UN urges ceasefire in Sudan" / "... in Gaza") share
# most of their word pairs: only longer texts, and close ones, join by wording alone.
SIMILAR = 0.7
MIN_SHINGLES = 8
MAX_SHINGLES = 64  # bounds the cost of a signature for long summaries
_WORD = re.compile(r"[^\W_]+")
# Each word pair is hashed once into PERMUTATIONS 32-bit values (one extendable-output hash
# instead of 64 multiply-mod passes in Python); the signature is the minimum per position,
# taken in C by map(min, ...). Fixed hashing, so signatures stored today compare with those
# computed after a restart.
_LANES = struct.Struct(f"<{PERMUTATIONS}I")


def _gram_hashes(text: str) -> list[bytes]:
    words = _WORD.findall(fold(text))
    grams = {" ".join(words[i:i + 2]) for i in range(max(1, len(words) - 1))} if words else set()
    return [hashlib.shake_128(g.encode()).digest(_LANES.size) for g in grams]


def signature(text: str) -> tuple[int, ...] | None:
    digests = _gram_hashes(text)
    if len(digests) < MIN_SHINGLES:
        return None  # too short to compare by words
    if len(digests) > MAX_SHINGLES:
        # The lowest hashes stand for a long text: the same sample for two copies of it.
        digests = sorted(digests)[:MAX_SHINGLES]
    return tuple(map(min, *map(_LANES.unpack, digests)))


def similarity(one: tuple[int, ...], two: tuple[int, ...]) -> float:
    return sum(x == y for x, y in zip(one, two, strict=True)) / PERMUTATIONS


def bands(sig: tuple[int, ...]) -> list[str]:
    return [hashlib.blake2b(repr((i, sig[i * ROWS:(i + 1) * ROWS])).encode(),
                            digest_size=8).hexdigest() for i in range(BANDS)]


def link_key(link: str | None) -> str | None:
    """The same page whatever the scheme, "www." or a trailing slash."""
    if not link:
        return None
    parts = urlsplit(link)
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    return f"{host}{path}?{parts.query}" if parts.query else f"{host}{path}"


def text_key(item: Item) -> str:
    return hashlib.blake2b(fold(f"{item.title}\x1f{item.summary}").encode(),
                           digest_size=16).hexdigest()


def publisher(feed_url: str, configured: str | None = None) -> str:
    """Who publishes a feed; several feeds of one outlet count once for corroboration.
    `configured`: the feed's `publisher:`, else its own title; without either, its host
    name, less a "www." or "feeds." in front."""
    if configured:
        return configured
    host = (urlsplit(feed_url).hostname or feed_url).lower()
    for prefix in ("www.", "feeds.", "rss.", "feed."):
        host = host.removeprefix(prefix)
    return host


@dataclass(frozen=True)
class StoryRef:
    id: int
    title: str
    joined_by: str  # "new", "link", "text", "entities" or "words"


class StoryStore(Protocol):
    def story_by_link(self, key: str, since: datetime) -> StoryRef | None: ...
    def story_by_text(self, key: str, since: datetime) -> StoryRef | None: ...
    def story_by_entities(self, rule_id: str, key: str, since: datetime) -> StoryRef | None: ...
    def stories_by_bands(self, bands: list[str], since: datetime
                         ) -> list[tuple[StoryRef, tuple[int, ...]]]: ...
    def add_to_story(self, story: StoryRef | None, item: Item, at: datetime, *,
                     rule_ids: list[str], entity_keys: list[str], link: str | None, text: str,
                     sig: tuple[int, ...] | None, band_keys: list[str],
                     publisher: str) -> StoryRef: ...


class StoryDesk:
    """Assigns matched items to stories; the store does the remembering."""

    def __init__(self, store: StoryStore, window: timedelta = timedelta(hours=48)):
        self.store = store
        self.window = window

    def assign(self, item: Item, rule_ids: list[str] | str,
               entity_keys: list[str] | str | None, at: datetime,
               publisher_name: str) -> StoryRef:
        """`entity_keys`: who the report is about (pairs of people, else pairs of countries);
        any one shared with a story of the same rule in the window joins it."""
        if isinstance(rule_ids, str):
            rule_ids = [rule_ids]
        if isinstance(entity_keys, str):
            entity_keys = [entity_keys]
        entity_keys = entity_keys or []
        since = at - self.window
        link = link_key(item.link)
        text = text_key(item)
        sig = signature(f"{item.title} {item.summary}")
        band_keys = bands(sig) if sig else []
        found = (link and self.store.story_by_link(link, since)) or \
            self.store.story_by_text(text, since)
        for rule_id in rule_ids:
            for key in entity_keys:
                if found:
                    break
                found = self.store.story_by_entities(rule_id, key, since)
        if not found and sig:
            scored = [(similarity(sig, other), ref) for ref, other in
                      self.store.stories_by_bands(band_keys, since)]
            best = max(scored, key=lambda pair: pair[0], default=None)
            if best and best[0] >= SIMILAR:
                found = StoryRef(best[1].id, best[1].title, "words")
        return self.store.add_to_story(found or None, item, at, rule_ids=rule_ids,
                                       entity_keys=entity_keys, link=link, text=text, sig=sig,
                                       band_keys=band_keys, publisher=publisher_name)
