"""One story per real-world event: reports from many outlets, edits and re-posts, clustered.

An item that matched a rule joins a story when, within a time window around its
PUBLICATION time (never its arrival: a 2022 item fetched with --backfill is far from a 2025
story), any of these holds:
  1. the same canonical link (scheme, "www." and trailing slash aside) is already in a story;
  2. the same text (a re-post under a new GUID, in this feed or another);
  3. `by: event` (the default): the event frames agree — same event type, the same kind of
     report (a preview never absorbs the event it announces, nor the reverse), and
     compatible participants: one set contains the other ("Yemen" joins "the UN and
     Yemen"); a report with one named actor joins one with the same actor only when they
     name the same place ("Guterres calls for a truce in Gaza");
     `by: people`: the same rule fired on the same people (or countries);
  4. the words are close: MinHash over word pairs, looked up through LSH bands; with
     `by: event` only when the frames do not disagree (one signal, never the only one).
Otherwise it starts a new story. Every lookup is an indexed query on (kind, key), bounded
in time on both sides: the cost per item does not grow with the stories stored.

Within a story, a new status of its event (talks announced -> begin -> collapse; a ceasefire
called for -> agreed -> took effect -> violated) is a development: `Development` decides
whether it alerts (as a follow-up threaded to the first alert); a copy of a status already
alerted does not.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import combinations, pairwise
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urlsplit

from alerts.fold import fold
from alerts.models import Item, Match

if TYPE_CHECKING:
    from alerts.analysis import Analysis, EventFrame, Participant, Sentence

PERMUTATIONS = 64  # lanes of a signature (the bins of one-permutation hashing)
BANDS = 16  # of 4 rows: pairs above ~0.5 similarity share a band with high probability
ROWS = PERMUTATIONS // BANDS
# Short headlines built on one template ("UN urges ceasefire in Sudan" / "... in Gaza") share
# most of their word pairs: only longer texts, and close ones, join by wording alone.
SIMILAR = 0.7
MIN_SHINGLES = 8
_WORD = re.compile(r"[^\W_]+")
# One-permutation MinHash (#17: one 64-bit hash per word pair instead of 64 lanes of 32 bits
# from an extendable-output hash, a quarter of the cost): a pair's hash picks its lane (top
# 6 bits) and is its value there (low 32 bits); a lane keeps its least value. A lane no pair
# fell in borrows the value of the first filled lane in its own fixed order of the others
# ("optimal densification", Shrivastava 2017), so two texts agree on a lane about as often
# as their word pairs overlap (Jaccard), as with 64 independent minima. Fixed hashing and
# orders: signatures stored today compare with those computed after a restart.
_LANE_SHIFT = 64 - (PERMUTATIONS - 1).bit_length()
_VALUE = 0xFFFFFFFF
_EMPTY = _VALUE + 1  # above every value: a lane nothing fell in
_SIGNATURE_VERSION = 2  # 1: 64 SHAKE-128 lanes per pair (before migration 0029)


def _donor_order(lane: int) -> tuple[int, ...]:
    """The other lanes in the order an empty `lane` looks for a value: fixed by a hash (not
    by `random`, whose algorithms may change between Python versions)."""
    def rank(other: int) -> bytes:
        return hashlib.blake2b(f"{lane}:{other}".encode(), digest_size=8).digest()
    return tuple(sorted((o for o in range(PERMUTATIONS) if o != lane), key=rank))


_DONORS = tuple(_donor_order(lane) for lane in range(PERMUTATIONS))


def _grams(folded: str) -> set[str]:
    """Each pair of neighbouring words; a text of one word is its own gram."""
    words = _WORD.findall(folded)
    return set(map(" ".join, pairwise(words))) if len(words) > 1 else set(words)


def _gram_hashes(grams: set[str]) -> tuple[int, ...]:
    blake2b = hashlib.blake2b
    joined = b"".join([blake2b(g.encode(), digest_size=8).digest() for g in grams])
    return struct.unpack(f"<{len(grams)}Q", joined)


def signature(text: str) -> tuple[int, ...] | None:
    return folded_signature(fold(text))


def item_signature(item: Item) -> tuple[int, ...] | None:
    """signature(f"{item.title} {item.summary}"), from each field folded apart (folding
    does not reach across a space, and matching folded both already: fold remembers)."""
    return folded_signature(f"{fold(item.title)} {fold(item.summary)}")


def folded_signature(folded: str) -> tuple[int, ...] | None:
    """The signature of a text folded already (None: too few word pairs to compare)."""
    return _signature(_grams(folded))


def _signature(grams: set[str]) -> tuple[int, ...] | None:
    if len(grams) < MIN_SHINGLES:
        return None  # too short to compare by words
    lanes = [_EMPTY] * PERMUTATIONS
    shift, value = _LANE_SHIFT, _VALUE
    for h in _gram_hashes(grams):
        lane = h >> shift
        if h & value < lanes[lane]:
            lanes[lane] = h & value
    if _EMPTY in lanes:  # fewer pairs than lanes, or a lane missed: each empty one borrows
        filled = lanes[:]
        for i, v in enumerate(filled):
            if v == _EMPTY:
                for donor in _DONORS[i]:
                    if filled[donor] != _EMPTY:
                        lanes[i] = filled[donor]
                        break
    return tuple(lanes)


def similarity(one: tuple[int, ...], two: tuple[int, ...]) -> float:
    return sum(x == y for x, y in zip(one, two, strict=True)) / PERMUTATIONS


_BAND = struct.Struct(f"<B{ROWS}I")


def bands(sig: tuple[int, ...]) -> list[str]:
    """A band's key: the hash of its number and its ROWS values."""
    blake2b, pack = hashlib.blake2b, _BAND.pack
    return [blake2b(pack(i, *sig[i * ROWS:(i + 1) * ROWS]), digest_size=8).hexdigest()
            for i in range(BANDS)]


# A plain absolute link (lower-case host, no user, port, query or fragment, a path of
# unreserved characters and escapes): what urlsplit would make of it, read at once.
_PLAIN_LINK = re.compile(r"https?://([a-z0-9](?:[a-z0-9.-]{0,250}[a-z0-9])?)"
                         r"(/[A-Za-z0-9_~.%/-]*)?")


def link_key(link: str | None) -> str | None:
    """The same page whatever the scheme, "www." or a trailing slash."""
    if not link:
        return None
    plain = _PLAIN_LINK.fullmatch(link)
    if plain is not None:
        host, path = plain.groups()
        return host.removeprefix("www.") + ((path or "").rstrip("/") or "/")
    return _split_link_key(link)


def _split_link_key(link: str) -> str:
    parts = urlsplit(link)
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    return f"{host}{path}?{parts.query}" if parts.query else f"{host}{path}"


def text_key(item: Item) -> str:
    # fold(f"{title}\x1f{summary}"), each field folded apart (see item_signature)
    return hashlib.blake2b(f"{fold(item.title)}\x1f{fold(item.summary)}".encode(),
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
    joined_by: str  # "new", "link", "text", "event", "entities" or "words"
    why: str = ""  # the join in words, stored with the member and shown by explain/history


# -- the event a report is about --------------------------------------------------------

BY = ("event", "people", "text")
# Prepositions before a place the knowledge base does not name ("in Gaza", "à Gaza").
_PLACE_BEFORE = frozenset({"in", "for", "on", "over", "across", "en", "au", "aux", "a", "à",
                           "dans", "im", "für", "fur", "para", "sobre", "в", "во",
                           "на", "у", "في"})
_REPORTED = ("happened", "happening")
_POSITIONS = ("headline", "lead", "body")
# A place entry ">FR" says France did the act, for acts one state does to another (expelling
# or recalling envoys): "Paris expels Algerian agents in turn" is not Algeria's expulsion of
# French agents the day before, though both name the same two states.
ACTOR = ">"
# A place entry "~US" says the report's talks are a meeting of named people (who met whom,
# so who was at the table is said) and the United States took part as a mediator of the war
# whose side it met (states.yaml, on the report's date): a mediator meeting one side
# (Witkoff and Putin in Moscow, Ukraine named) is not its meeting with the other side, or
# both, days before (in Florida).
MEDIATOR = "~"
# A place entry "=call" or "=person" says how the people of a contact met, when the report
# says so unmistakably: a phone call and a meeting in person of the same two leaders a day
# apart are two events ("Biden and Xi speak by phone", then "Biden and Xi meet in
# Woodside"). A conversation ("разговор") said without a phone or video word sets no mode,
# and a report without one joins either.
MODE = "="
MARKS = (ACTOR, MEDIATOR, MODE)
# Word stems that make a contact remote, in the eight languages (lower-cased text).
_REMOTE_STEMS = ("phone", "telefon", "téléfon", "teléfon", "téléphon", "телефон", "video",
                 "vidéo", "visio", "видео", "відео", "هاتف", "电话", "视频", "通话")
MAX_ACTORS = 6  # pairs of at most this many actors are keys (15 at most)


@dataclass(frozen=True)
class EventKey:
    """What makes two reports one event: type, kind of report, who, where; and its status.

    `kind`: "a" reports it happened (or is happening), "p" plans or previews it, "o" anything
    else (denied, refused, hypothetical). `actors`: states (people, for contacts) taking
    part; `places`: where, for events with one named actor ("a truce in Gaza"). Stored as a
    short text (`encode`) on the story and as one index key per actor."""

    type: str
    kind: str
    actors: frozenset[str]
    places: frozenset[str]
    status: str = ""
    demand: bool = False  # a call by one actor (Guterres calls for...): joins by actor+place
    # The report's events of the other types its rules test ("Trump and Putin speak, agree
    # to start talks": a contact and peace talks): a report of either finds the story.
    also: tuple[EventKey, ...] = ()
    # Places inferred, not named, in words ("UA inferred: ..."); shown, never stored.
    inferred: str = ""

    def each(self) -> tuple[EventKey, ...]:
        return (self, *self.also)

    def encode(self) -> str:
        if not self.also:
            return "|".join((self.type, self.kind + ("d" if self.demand else ""),
                             ",".join(sorted(self.actors)), ",".join(sorted(self.places))))
        return ";".join("|".join((e.type, e.kind + ("d" if e.demand else ""),
                                  ",".join(sorted(e.actors)), ",".join(sorted(e.places))))
                        for e in self.each())

    @classmethod
    def decode(cls, text: str) -> EventKey | None:
        return _decode(text)

    @classmethod
    def _parse(cls, text: str) -> EventKey | None:
        events = []
        for one in text.split(";"):
            parts = one.split("|")
            if len(parts) != 4:
                return None
            events.append(cls(parts[0], parts[1][:1], _set(parts[2]), _set(parts[3]),
                              demand=parts[1].endswith("d")))
        return replace(events[0], also=tuple(events[1:]))

    def stored_keys(self) -> list[str]:
        if not self.also:
            return self._stored_keys()
        return [key for e in self.each() for key in e._stored_keys()]

    def lookup_keys(self) -> list[str]:
        if not self.also:
            return self._lookup_keys()
        return [key for e in self.each() for key in e._lookup_keys()]

    def _stored_keys(self) -> list[str]:
        """The keys that find a story of this event: each actor; its sole actor, marked;
        each pair of actors (a report naming two of them looks up only those pairs)."""
        head = f"{self.type}|{self.kind}{'d' if self.demand else ''}|"
        actors = sorted(self.actors)
        keys = [head + actor for actor in actors]
        if len(actors) == 1:
            keys.append(f"{head}={actors[0]}")
        elif not self.demand:
            keys += [f"{head}{a}+{b}" for a, b in combinations(actors[:MAX_ACTORS], 2)]
        return keys

    def _lookup_keys(self) -> list[str]:
        """What a report of this event looks up: with one actor (or a call), stories with
        that actor; with several, stories sharing a pair of them, and stories whose sole
        actor is one of them (a subset either way, found by indexed keys alone)."""
        head = f"{self.type}|{self.kind}{'d' if self.demand else ''}|"
        actors = sorted(self.actors)
        if len(actors) == 1 or self.demand:
            return [head + actor for actor in actors]
        return ([f"{head}{a}+{b}" for a, b in combinations(actors[:MAX_ACTORS], 2)]
                + [f"{head}={actor}" for actor in actors])

    def merged(self, other: EventKey) -> EventKey:
        """The story's event widened by a report's: each type by the same type."""
        theirs = {e.type: e for e in other.each()}
        mine = [EventKey(e.type, e.kind, e.actors | theirs[e.type].actors,
                         e.places | theirs[e.type].places, e.status, e.demand)
                if e.type in theirs and theirs[e.type].kind == e.kind
                and theirs[e.type].demand == e.demand else replace(e, also=())
                for e in self.each()]
        known = {e.type for e in mine}
        mine += [replace(e, also=()) for e in other.each() if e.type not in known]
        return replace(mine[0], also=tuple(mine[1:]))

    def describe(self) -> str:
        return "; ".join(e._describe() for e in self.each())

    def _describe(self) -> str:
        who = ", ".join(sorted(self.actors)) or "no one named"
        doers = _doers(self)
        if doers:
            who += f" (done by {', '.join(sorted(doers))})"
        shown = sorted(p for p in self.places if not p.startswith(MARKS))
        where = f" in {', '.join(shown)}" if shown else ""
        mediators = _mediators(self)
        if mediators:
            who += f" ({', '.join(sorted(mediators))} mediating)"
        kind = {"a": "", "p": " (planned)", "o": " (not asserted)"}[self.kind]
        note = f" ({self.inferred})" if self.inferred else ""
        return f"{self.type}{kind}: {who}{where}{note}"


@lru_cache(maxsize=4096)
def _decode(text: str) -> EventKey | None:
    """Stored events, decoded once: the same stories are candidates for many reports."""
    return EventKey._parse(text)


def _set(text: str) -> frozenset[str]:
    return frozenset(x for x in text.split(",") if x)


def agreement(new: EventKey, story: EventKey) -> str | None:
    """Why a report of `new` is a report of the story's event, in words; None: it is not.
    A false merge costs more than a duplicate: only agreement on who and what joins.
    Reports of several events (a call in which talks were agreed) agree on any one type."""
    if not new.also and not story.also:
        return _agreement(new, story)
    for one in new.each():
        for other in story.each():
            if one.type == other.type:
                why = _agreement(replace(one, also=()), replace(other, also=()))
                if why:
                    return why
    return None


def conflict(new: EventKey, story: EventKey) -> bool:
    """Plainly another event: no pair of their events has the same type and kind with
    overlapping actors and places (the test for a shared page, which needs no agreement)."""
    return all(_conflict(one, other) for one in new.each() for other in story.each())


def _doers(event: EventKey) -> frozenset[str]:
    """The states a report says did the act (see ACTOR), when it says so."""
    return frozenset(p[len(ACTOR):] for p in event.places if p.startswith(ACTOR))


def _mediators(event: EventKey) -> frozenset[str]:
    """The actors a report of talks says took part as mediators (see MEDIATOR)."""
    return frozenset(p[len(MEDIATOR):] for p in event.places if p.startswith(MEDIATOR))


def _undirected(event: EventKey) -> EventKey:
    """The event without its marked places (who acted, mediators, how they met): the same
    event when it has none, as most have (#17: no copy to make)."""
    places = frozenset(p for p in event.places if not p.startswith(MARKS))
    return event if len(places) == len(event.places) else replace(event, places=places)


def _other_round(one: EventKey, other: EventKey) -> bool:
    """One report is a meeting of a mediator with one side of its war, naming a state that
    was not at the table, which the other report seats beside the same mediator: the
    mediator's meeting with one side ("Witkoff and Kushner meet Putin", Ukraine named) is
    another round than its meeting with the other side, or both, days before. The mediator
    both share is no evidence that two meetings are one. Only a meeting says who was at the
    table: talks named by a noun ("Rubio and Lavrov hold talks on ending the war in Ukraine")
    may seat a topic, so a state they name and do not seat says nothing."""
    return any(mediators & theirs.actors and (_absent(mine) & theirs.actors) - mediators
               for mine, theirs in ((one, other), (other, one))
               for mediators in (_mediators(mine) & mine.actors,))


def _absent(event: EventKey) -> frozenset[str]:
    """The states and bodies a report names that are not among its actors."""
    return frozenset(p for p in event.places if not p.startswith(("@", *MARKS)))


def _modes(event: EventKey) -> frozenset[str]:
    return frozenset(p for p in event.places if p.startswith(MODE))


def _other_mode(one: EventKey, other: EventKey) -> bool:
    """Both reports say how the people met (see MODE), and not in the same way."""
    mine, theirs = _modes(one), _modes(other)
    return bool(mine and theirs and mine != theirs)


def _contact_mode(frame: EventFrame, sentence: Sentence) -> str:
    """"call" when the frame's sentence says phone or video, "person" for a meeting or a
    visit said without either, "" when the report does not say."""
    text = sentence.text.lower()
    if any(stem in text for stem in _REMOTE_STEMS):
        return "call"
    return "person" if frame.kind in ("meeting", "visit") else ""


def _reply(one: EventKey, other: EventKey) -> bool:
    """Both reports say who did the act and no state did it in both: a reply ("expels in
    turn"), not the same act. A report that does not say who acted may join either."""
    mine, theirs = _doers(one), _doers(other)
    return bool(mine and theirs and not mine & theirs)


def _conflict(one: EventKey, other: EventKey) -> bool:
    if one.type != other.type or one.kind != other.kind or one.demand != other.demand:
        return True
    if _reply(one, other) or _other_mode(one, other):
        return True
    one, other = _undirected(one), _undirected(other)
    if one.actors and other.actors and not one.actors & other.actors:
        return True
    named = ({p for p in one.places if not p.startswith("@")},
             {p for p in other.places if not p.startswith("@")})
    return bool(named[0] and named[1] and not named[0] & named[1])


def _agreement(new: EventKey, story: EventKey) -> str | None:
    why = _agreeing(new, story)
    notes = "".join(f" ({e.inferred})" for e in (new, story) if e.inferred)
    return why + notes if why else None


def _agreeing(new: EventKey, story: EventKey) -> str | None:
    if new.type != story.type or new.kind != story.kind or new.demand != story.demand:
        return None
    if _reply(new, story) or _other_round(new, story) or _other_mode(new, story):
        return None
    new, story = _undirected(new), _undirected(story)
    if not new.actors or not story.actors:
        return None
    if new.demand:
        return _same_call(new, story)
    small, large = sorted((new.actors, story.actors), key=len)
    if not small <= large:
        return None
    if len(large) == 1 and not _same_place(new.places, story.places):
        return None  # one actor on each side: the place decides
    if len(small) == 1 < len(large):
        # One party of several: not when it names a state or body the other does not
        # ("Sudan talks resume" in Kenya is not the Abuja round of Sudan and Nigeria).
        # Both naming the same place words ("in Berlin") agree on where, so the states one
        # names that the other does not are the parties its frames missed ("talks between
        # Germany, France, Ukraine and Russia" in the body), not another venue. Words that
        # differ ("in North Kivu" / "in North Darfur", sharing "north") say no such thing.
        one, other = (new, story) if new.actors == small else (story, new)
        named = {p for p in one.places if not p.startswith("@")}
        words = [frozenset(p for p in e.places if p.startswith("@")) for e in (one, other)]
        venue = bool(words[0] and words[1]) and _same_place(*words)
        if named - other.actors - other.places and not venue:
            return None
    if len(large) == 1:
        shared = sorted(p.lstrip("@") for p in new.places & story.places)
        return (f"the same {new.type} event by {next(iter(large))}, "
                + (f"in {', '.join(shared)}" if shared else "naming no place"))
    if small == large:
        return f"the same {new.type} event between {', '.join(sorted(large))}"
    return (f"the same {new.type} event: {', '.join(sorted(small))} among "
            f"{', '.join(sorted(large))}")


def _same_call(new: EventKey, story: EventKey) -> str | None:
    """Two calls (for a ceasefire...) are one when a caller is the same and they name the
    same states and bodies; when they name none but the callers, the same place words
    ("Guterres calls for a truce in Gaza" / "UN chief urges truce in Gaza")."""
    callers = new.actors & story.actors
    if not callers:
        return None
    one, two = _entities(new), _entities(story)
    small = min(one, two, key=len)
    if one == two:
        if not one - callers:
            words = (frozenset(p for p in new.places if p.startswith("@")),
                     frozenset(p for p in story.places if p.startswith("@")))
            if not _same_place(*words):
                return None
    elif not ((one < two or two < one) and small - callers):
        return None
    named = sorted((one | two) - callers) or sorted(p[1:] for p in new.places
                                                     if p.startswith("@"))
    return (f"the same call ({new.type}) by {', '.join(sorted(callers))}, naming "
            f"{', '.join(named) or 'no one else'}")


def _entities(event: EventKey) -> frozenset[str]:
    return frozenset(x for x in event.actors | event.places if not x.startswith(("@", *MARKS)))


def _same_place(one: frozenset[str], two: frozenset[str]) -> bool:
    if not one and not two:
        return True
    return bool(one & two) and (one <= two or two <= one)


def event_of(item: Item, types: list[str] | None = None,
             analysis: Analysis | None = None) -> EventKey | None:
    """The event an item reports: its main frame (of `types` when given: the event types of
    the rules it matched), or None when its analysis found none with a participant.
    `analysis`: the item's analysis when the caller has it (the poller carries the one
    matching made); else it is made here."""
    if analysis is None:
        from alerts.analysis import analyse

        analysis = analyse(item)
    frames = [f for f in analysis.frames if (not types or f.type in types)
              and not f.flags & {"backdrop", "metaphor", "anniversary"}]
    if not frames:
        return None
    main = _event(analysis, frames)
    # The other types the rules test, each from its own frames: one story for the report,
    # found by a report of any of its events.
    others = [_event(analysis, [f for f in frames if f.type == kind])
              for kind in dict.fromkeys(f.type for f in frames) if kind != main.type]
    return replace(main, also=tuple(others)) if types and others else main


def _event(analysis: Analysis, frames: list[EventFrame]) -> EventKey:
    """The event of the main one of `frames` (reported before planned, headline first)."""

    def rank(f: EventFrame) -> tuple[int, int, int]:
        return (0 if f.modality in _REPORTED else 1,
                _POSITIONS.index(f.position) if f.position in _POSITIONS else 3,
                0 if f.participants else 1)

    frame = min(frames, key=rank)
    kind = _kind(frame)

    def unit(p: Participant) -> str:
        if frame.type == "contact" and p.kind == "person":
            return p.entity_id
        return p.country or p.entity_id

    # Who takes part is read from every frame of the same event in the headline and lead
    # (the same type, status and kind of report): a headline often names the event and
    # its lead the parties ("Third round in Istanbul ends" / "Russian and Ukrainian
    # negotiators..."). A frame that says no act only fills in a headline that names no
    # one: "Bahrain and the UAE have kept their ties with Israel" under "Turkey downgrades
    # ties with Israel" is another event. Entities are the same in every language, so two
    # reports of one event agree on them whatever words each used.
    said = ("", frame.status) if not frame.participants else (frame.status,)
    same = [f for f in frames if f.position in _POSITIONS[:2] and f.status in said
            and _kind(f) == _kind(frame)] or [frame]
    participants = [p for f in same for p in f.participants]
    demanders = [p for p in participants if p.role == "demander"]
    if demanders:
        actors = frozenset(unit(p) for p in demanders)
        others = {unit(p) for p in participants if p.role != "demander"}
    else:
        actors = frozenset(unit(p) for p in participants)
        others = set()
    countries = {m.entity.id for m in analysis.mentions if m.entity.kind == "country"}
    if not actors and frame.type != "contact":
        # No frame names a party: the states the report names stand for them ("Sudan's
        # warring sides resume talks in Jeddah"), as they would in any language.
        actors = frozenset(countries)
    places = others | countries - actors
    places |= _named_places(analysis.sentences[frame.sentence])
    inferred = ""
    if frame.type in INFERRED_PLACE and len(actors) == 1 and not demanders \
            and not {p for p in places if not p.startswith("@")}:
        places, inferred = _conflict_place(next(iter(actors)), analysis.day, places)
    places |= {ACTOR + unit(p) for p in participants if p.role == "actor"}
    if frame.type == "contact":
        mode = _contact_mode(frame, analysis.sentences[frame.sentence])
        if mode:
            places.add(MODE + mode)
    if frame.type == "peace-talks" and frame.kind == "meeting":
        places |= {MEDIATOR + m for m in _talks_mediators(actors, countries, analysis.day)}
    return EventKey(frame.type, kind, actors, frozenset(places - actors), frame.status,
                    demand=bool(demanders), inferred=inferred)


# Event types whose place a sole party's one armed conflict tells: a ceasefire is made in a
# war, so "Putin orders a ceasefire for Christmas" (no place named) is about the war Russia
# is a party to on that day, as "Putin orders a Christmas truce in Ukraine" says.
INFERRED_PLACE = frozenset({"ceasefire"})


def _conflict_place(actor: str, day: date | None, places: set[str]) -> tuple[set[str], str]:
    """`places` with the other parties and the theatre of the one armed conflict `actor` is a
    party to on `day` (states.yaml), and the inference in words; unchanged with none or with
    several (Israel at war in Gaza and in Lebanon: which one is not said)."""
    from alerts.knowledge import knowledge_base

    kb = knowledge_base()
    wars = kb.conflicts_of(actor, day)
    if len(wars) != 1:
        return places, ""
    war = wars[0]
    added = (set(war.parties) | set(war.theatre)) - {actor} - places
    if not added:
        return places, ""
    names = ", ".join(kb.entities[c].name if c in kb.entities else c for c in sorted(added))
    who = kb.entities[actor].name if actor in kb.entities else actor
    when = day.isoformat() if day else "an undated report"
    return places | added, (f"{names} inferred: {who} is a party to one armed conflict on "
                            f"{when}, {war.name}, and the report names no place")


def _talks_mediators(actors: frozenset[str], named: set[str], day: date | None) -> set[str]:
    """The actors who, on `day`, mediate (states.yaml) a war a side of which the report names
    (`named`: the states it names, at the table or not), and are no side of it."""
    from alerts.knowledge import knowledge_base

    if day is None:
        return set()
    found: set[str] = set()
    for war in knowledge_base().conflicts:
        if not war.mediators or not war.covers(day):
            continue
        sides = {code for side in war.sides for code in side}
        if sides & (actors | named):
            found |= {a for a in actors - sides if war.mediates(a, day)}
    return found


def _kind(frame: EventFrame) -> str:
    """"a": reported as happened; "p": planned or previewed; "o": anything else."""
    if frame.modality in _REPORTED and "preview" not in frame.flags:
        return "a"
    if frame.modality == "planned" or "preview" in frame.flags:
        return "p"
    return "o"


def _named_places(sentence: Sentence) -> set[str]:
    """Capitalised words after a preposition ("in Gaza"): places the knowledge base may not
    know, which tell apart two calls by one actor. A month, a weekday or a feast is a time,
    in every language ("on Monday", "на Рождество", "zu Weihnachten": calendar.yaml)."""
    found: set[str] = set()
    tokens = sentence.tokens
    times = None
    for i in range(1, len(tokens)):
        if tokens[i - 1] not in _PLACE_BEFORE:
            continue  # most words: no preposition before them
        word = sentence.text[sentence.spans[i][0]:sentence.spans[i][1]]
        if not word[:1].isupper():
            continue
        if times is None:
            times = _time_phrases()
        if not any(tokens[i:i + len(p)] == p for p in times.get(tokens[i], ())):
            found.add("@" + tokens[i])  # a word, not a known entity
            # And the whole name ("North Kivu" is not "North Darfur"; "Gaza City" keeps
            # "@gaza" too, so it still agrees with "Gaza").
            end = i + 1
            while end < len(tokens) and sentence.text[
                    sentence.spans[end][0]:sentence.spans[end][1]][:1].isupper():
                end += 1
            if end > i + 1:
                found.add("@" + "-".join(tokens[i:end]))
    return found


def _time_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The calendar's phrases as folded words, by their first word (for the base in use)."""
    from alerts.knowledge import knowledge_base

    kb = knowledge_base()
    key = id(kb)
    if _TIMES[0] != key:
        from alerts.analysis.sentences import tokens

        by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in kb.calendar:
            words = tokens(phrase)[0]
            if words:
                by_first.setdefault(words[0], []).append(words)
        _TIMES[:] = [key, {w: tuple(ps) for w, ps in by_first.items()}]
    return _TIMES[1]  # type: ignore[return-value]


_TIMES: list = [None, {}]


# Where a status stands in the life of its event. A development is a status at a stage not
# yet alerted and later than those alerted (a late report of an earlier stage, or another
# wording of the same stage, "begin" / "held", is a copy), or a restart ("resume").
STAGES = {
    # One side accepting ("Hamas accepts the proposal") comes before both agreeing.
    "ceasefire": {"called-for": 0, "rejected": 1, "accepted": 2, "agreed": 3,
                  "took-effect": 4, "extended": 5, "violated": 6, "collapsed": 7},
    "peace-talks": {"announced": 0, "begin": 1, "held": 1, "resume": 2, "stalled": 3,
                    "collapse": 4, "concluded": 4},
}
RESTARTS = frozenset({"resume"})
# Relations move down (severed, envoys recalled or expelled...) or up (established,
# restored...): a turn the other way is a development, another step the same way is not.
RELATIONS_UP = frozenset({"established", "restored", "upgraded", "embassy-reopened",
                          "embassy-opened"})


def development(event_type: str, status: str, alerted: list[str]) -> bool:
    """Whether a report with `status` is news in a story that already alerted `alerted`.
    Contacts (a call, a meeting) have no developments: another kind is another wording."""
    if not status or not alerted:
        return False
    stages = STAGES.get(event_type, {})
    if (status in RESTARTS and alerted[-1] != status
            and stages.get(alerted[-1], -1) > stages[status]):
        return True  # talks resume after they stalled or collapsed: a new round
    if status in alerted:
        return False  # a copy of a status already alerted
    if event_type == "relations":
        return (status in RELATIONS_UP) != (alerted[-1] in RELATIONS_UP)
    if not stages or status not in stages:
        return False
    # The stages of the current round: since the last restart ("resume") alerted.
    restart = max((n for n, s in enumerate(alerted) if s in RESTARTS), default=0)
    known = [stages[s] for s in alerted[restart:] if s in stages]
    if not known:
        return True
    if stages[status] in known:
        return False
    return stages[status] > max(known) or status in RESTARTS


def already_alerted(match: Match, story: StoryRef, rule: object, event: EventKey | None,
                    done: list[str]) -> tuple[Match, bool]:
    """A new report of a story the rule already alerted for, and whether it is a follow-up:
    one per development of its event (a status not in `done`, the statuses alerted before,
    in order) unless the rule says `updates: false`, every report under `updates: true`;
    otherwise the match, suppressed as already alerted."""
    status = event.status if event else ""
    updates = getattr(rule, "updates", None)
    if (updates is not False and event is not None and done
            and development(event.type, status, done)):
        # A follow-up threaded to the first alert of the story: a new status.
        return replace(match, explanation=f"{match.explanation}; a development of "
                                          f"story-{story.id}: {status} (alerted "
                                          f"before: {', '.join(done)})"), True
    if updates is True:
        return match, True  # `updates: true`: every new report, with its sources
    copy = f" (a copy of '{status}')" if status and status in done else ""
    if status and done and status not in done and updates is False:
        copy = f" ('{status}' is a development, and the rule says updates: false)"
    return replace(match, suppressed=f"already alerted for story-{story.id} "
                                     f"({story.title!r}){copy}; this report is "
                                     "listed among its sources"), False


def corroborated(match: Match, publishers: Sequence[str], rule: object) -> Match:
    """The first alert of a story, once as many publishers as the rule's `corroborate:`
    (default 1) reported it, naming them when more than one did; until then the match,
    suppressed as waiting. `publishers`: those of the story's reports, oldest first."""
    distinct = list(dict.fromkeys(publishers))
    needed = getattr(rule, "corroborate", 1) or 1
    if len(distinct) < needed:
        return replace(match, suppressed=f"waiting for {needed} sources, {len(distinct)} "
                                         "so far")
    if len(distinct) > 1:
        match = replace(match, explanation=f"{match.explanation}; reported by "
                                           f"{len(distinct)} sources: "
                                           f"{', '.join(distinct)}")
    return match


@dataclass(frozen=True)
class StorySettings:
    """A rule's `story:`: how far apart two reports of one event may be, and what joins."""

    window: timedelta = timedelta(hours=48)
    by: str = "event"


def story_settings(rule: object, default: timedelta) -> StorySettings:
    """The `story:` of a rule (the first an item matched), the daemon's window otherwise."""
    seconds = getattr(rule, "story_window", None)
    return StorySettings(timedelta(seconds=seconds) if seconds else default,
                         getattr(rule, "story_by", "event") or "event")


def event_types(rules: Sequence[object]) -> list[str]:
    """The event types the rules' `event:` conditions test (none: any event of the item)."""
    found: list[str] = []

    def walk(node: object) -> None:
        kind = getattr(node, "type", None)
        if type(node).__name__ == "EventCondition" and isinstance(kind, str):
            found.append(kind)
        for child in getattr(node, "children", ()) or ():
            walk(child)
        child = getattr(node, "child", None)
        if child is not None:
            walk(child)

    for rule in rules:
        walk(getattr(rule, "condition", None))
    return list(dict.fromkeys(found))


class StoryStore(Protocol):
    def story_by_copy(self, link: str | None, text: str, since: datetime,
                      until: datetime) -> StoryRef | None: ...
    def story_by_link(self, key: str, since: datetime,
                      until: datetime | None = None) -> StoryRef | None: ...
    def story_by_text(self, key: str, since: datetime,
                      until: datetime | None = None) -> StoryRef | None: ...
    def story_by_entities(self, rule_id: str, key: str, since: datetime,
                          until: datetime | None = None) -> StoryRef | None: ...
    def stories_by_bands(self, bands: list[str], since: datetime,
                         until: datetime | None = None
                         ) -> list[tuple[StoryRef, tuple[int, ...], str | None]]: ...
    def stories_by_event(self, keys: list[str], since: datetime, until: datetime
                         ) -> list[tuple[StoryRef, str | None]]: ...
    def story_sources(self, story_id: int, rule_id: str | None = None) -> list[dict]: ...
    def story_member(self, feed_url: str, item_key: str) -> dict | None: ...
    def add_to_story(self, story: StoryRef | None, item: Item, at: datetime, *,
                     rule_ids: list[str], entity_keys: list[str], link: str | None, text: str,
                     sig: tuple[int, ...] | None, band_keys: list[str],
                     publisher: str, event: EventKey | None = None,
                     story_event: EventKey | None = None) -> StoryRef: ...


@dataclass(frozen=True)
class WordKeys:
    """The keys a report's words give its story: its page, its text, and the signature of
    its word pairs with their bands (None and none when too short to compare; `signed`
    False: not made, as a report placed by its event needs none). Pure: made before a
    poll's write transaction (#17)."""

    link: str | None
    text: str
    sig: tuple[int, ...] | None
    band_keys: list[str]
    signed: bool


def word_keys(item: Item, signed: bool = True) -> WordKeys:
    sig = item_signature(item) if signed else None
    return WordKeys(link_key(item.link), text_key(item), sig, bands(sig) if sig else [],
                    signed)


@dataclass(frozen=True)
class Placement:
    """Where a report goes: the story it joins (None: a new one) and the keys it brings."""

    story: StoryRef | None
    story_event: EventKey | None
    window: timedelta
    rule_ids: list[str]
    entity_keys: list[str]
    link: str | None
    text: str
    sig: tuple[int, ...] | None
    band_keys: list[str]


class StoryDesk:
    """Assigns matched items to stories; the store does the remembering."""

    def __init__(self, store: StoryStore, window: timedelta = timedelta(hours=48)):
        self.store = store
        self.window = window

    def assign(self, item: Item, rule_ids: list[str] | str,
               entity_keys: list[str] | str | None, at: datetime,
               publisher_name: str, *, event: EventKey | None = None,
               settings: StorySettings | None = None,
               words: WordKeys | None = None) -> StoryRef:
        """`at`: when the report was published (its arrival only when it gives no date);
        `entity_keys`: who the report is about (pairs of people, else pairs of countries),
        for `by: people`; `event`: the event it reports (`event_of`), for `by: event`;
        `words`: the item's word_keys, when made already."""
        found = self.find(item, rule_ids, entity_keys, at, event=event, settings=settings,
                          words=words)
        return self.store.add_to_story(found.story, item, at, rule_ids=found.rule_ids,
                                       entity_keys=found.entity_keys, link=found.link,
                                       text=found.text, sig=found.sig,
                                       band_keys=found.band_keys, publisher=publisher_name,
                                       event=event, story_event=found.story_event)

    def find(self, item: Item, rule_ids: list[str] | str,
             entity_keys: list[str] | str | None, at: datetime, *,
             event: EventKey | None = None,
             settings: StorySettings | None = None,
             words: WordKeys | None = None) -> Placement:
        """The story this report would join, and why (None: it would start one); reads
        only, so `alerts explain` can say it without changing the state."""
        if isinstance(rule_ids, str):
            rule_ids = [rule_ids]
        if isinstance(entity_keys, str):
            entity_keys = [entity_keys]
        entity_keys = entity_keys or []
        window = settings.window if settings else self.window
        by = settings.by if settings else "event"
        since, until = at - window, at + window
        # With `by: event`, a report with an event joins by its frames, and close wording
        # joins only reports whose frames agree, which the event keys find already: no word
        # signature, no people keys (a report without an event never joins one with it).
        keyed = by == "event" and event is not None
        words = words or word_keys(item, signed=not keyed)
        link, text = words.link, words.text
        if keyed:
            sig, band_keys = None, []
        elif words.signed:
            sig, band_keys = words.sig, words.band_keys
        else:
            sig = item_signature(item)
            band_keys = bands(sig) if sig else []
        if keyed:
            entity_keys = []
        found: StoryRef | None = None
        story_event: EventKey | None = None
        found = self.store.story_by_copy(link, text, since, until)
        if found and found.joined_by == "link" and event is not None:
            # The same page, another event (a live page, one address for the day's
            # entries): the page is no reason to join, nor to silence this report.
            # Only a plain conflict parts them: an edited entry at the same address whose
            # frames are too thin to agree positively ("UN urges ceasefire, updated") stays.
            theirs = self._event_of_story(found.id)
            if theirs is not None and conflict(event, theirs):
                found = None
        if found:
            found = replace(found, why="the same page" if found.joined_by == "link"
                            else "the same text (a re-post)")
        if not found and by == "event" and event is not None:
            found, story_event = self._by_event(event, since, until)
        if not found and (by == "people" or (by == "event" and event is None)):
            for rule_id in rule_ids:
                for key in entity_keys:
                    if found:
                        break
                    found = self.store.story_by_entities(rule_id, key, since, until)
            if found:
                found = replace(found, why=f"the same rule on the same people ({key})")
        if not found and sig:
            found = self._by_words(sig, band_keys, since, until, event if by == "event"
                                   else None, check=by == "event")
        return Placement(found, story_event, window, rule_ids, entity_keys, link, text, sig,
                         band_keys)

    def _event_of_story(self, story_id: int) -> EventKey | None:
        """The event stored on a story (through its first report: joins on the same page
        are rare, so two small queries cost nothing)."""
        sources = self.store.story_sources(story_id)
        member = self.store.story_member(sources[0]["feed_url"],
                                         sources[0]["item_key"]) if sources else None
        stored = member.get("event") if member else None
        return EventKey.decode(stored) if stored else None

    def _by_event(self, event: EventKey, since: datetime, until: datetime
                  ) -> tuple[StoryRef | None, EventKey | None]:
        for ref, stored in self.store.stories_by_event(event.lookup_keys(), since, until):
            other = EventKey.decode(stored) if stored else None
            why = agreement(event, other) if other else None
            if why:
                return replace(ref, joined_by="event", why=why), other
        return None, None

    def _by_words(self, sig: tuple[int, ...], band_keys: list[str], since: datetime,
                  until: datetime, event: EventKey | None, *, check: bool) -> StoryRef | None:
        scored = []
        for ref, other, stored in self.store.stories_by_bands(band_keys, since, until):
            if check:
                theirs = EventKey.decode(stored) if stored else None
                # Close words join only reports whose frames do not disagree: both without
                # an event, or the same event.
                if (event is None) != (theirs is None) or (
                        event and theirs and not agreement(event, theirs)):
                    continue
            scored.append((similarity(sig, other), ref))
        best = max(scored, key=lambda pair: pair[0], default=None)
        if best and best[0] >= SIMILAR:
            return replace(best[1], joined_by="words",
                           why=f"close wording ({best[0]:.2f} of word pairs alike)")
        return None
