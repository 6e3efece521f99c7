"""The condition kinds a rule's `match` is built of.

Each kind evaluates itself against an item (returning the evidence that made it true, or
None), explains itself for `alerts explain`, and names the literal words that must appear for
it to hold (for the prefilter). How each kind is read from YAML, with its problems and their
lines, is alerts.rules.reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from alerts.rules.context import Evidence, MatchContext
from alerts.rules.history import RECORD_FEED, HistoryEntry, is_contact
from alerts.rules.text import TermSet

if TYPE_CHECKING:
    from alerts.analysis import Analysis, EventFrame, Participant


@dataclass
class Trace:
    """How one condition fared on one item, for `alerts explain`."""

    label: str
    ok: bool
    detail: str = ""
    children: list[Trace] = field(default_factory=list)

    def lines(self, indent: int = 0) -> Iterator[str]:
        mark = "yes" if self.ok else "no "
        detail = f": {self.detail}" if self.detail else ""
        yield f"{'  ' * indent}[{mark}] {self.label}{detail}"
        for child in self.children:
            yield from child.lines(indent + 1)


class Condition:
    stateful = False  # reads or writes history: evaluated after its plain siblings
    # What evaluating it costs, to try the cheap siblings of an `all` first: 0 the item's
    # text (its automaton hits, a regex), 1 the item's analysis or the knowledge base,
    # 2 stored history.
    cost = 0

    def evaluate(self, ctx: MatchContext) -> list[Evidence] | None:
        """Evidence when the condition holds (possibly empty), None when it does not."""
        raise NotImplementedError

    def possible(self, ctx: MatchContext) -> bool:
        """False only when the condition certainly does not hold, found without building
        evidence; True when it may (then evaluate() decides)."""
        return True

    def holds(self, ctx: MatchContext) -> bool:
        """Whether it holds, when its evidence is not wanted (under `not`)."""
        return self.evaluate(ctx) is not None

    def trace(self, ctx: MatchContext) -> Trace:
        evidence = self.evaluate(ctx)
        detail = ", ".join(str(e) for e in evidence) if evidence else "not found"
        return Trace(self.label(), evidence is not None, detail if evidence is not None
                     else self.miss(ctx))

    def label(self) -> str:
        return type(self).__name__

    def miss(self, ctx: MatchContext) -> str:
        return "not found"

    def anchors(self) -> set[str] | None:
        """Folded substrings one of which must occur for this to hold; None: cannot tell."""
        return None


def _short(items: tuple[str, ...], limit: int = 4) -> str:
    shown = ", ".join(repr(t) for t in items[:limit])
    return f"[{shown}{', …' if len(items) > limit else ''}]"


# -- leaves on text ----------------------------------------------------------------------

@dataclass
class TermsCondition(Condition):
    terms: tuple[str, ...]
    fields: tuple[str, ...]
    termset: TermSet

    def __post_init__(self) -> None:
        self._lookups = tuple(term.lookup for term in self.termset.terms)
        self._exact = all(term.exact for term in self.termset.terms)

    def evaluate(self, ctx: MatchContext) -> list[Evidence] | None:
        hits = ctx.term_hits
        for name in self.fields:
            scanned = hits.get(name) if hits is not None else None
            if scanned is not None:
                # Most candidates fail here, on a few dictionary lookups.
                for lookup in self._lookups:
                    if lookup in scanned:
                        break
                else:
                    continue
                text = ctx.field(name)
                hit = self.termset.first_hit(scanned, text)
            else:
                text = ctx.field(name)
                hit = self.termset.first(text)
            if hit is not None:
                return [Evidence(text.quote(*hit), name)]
        return None

    def possible(self, ctx: MatchContext) -> bool:
        # One set of what the automaton found in these fields, made once per item, against
        # this condition's keys (None: no hits, or a field it did not scan: cannot tell).
        seen = ctx.seen_terms(self.fields)
        return seen is None or not seen.isdisjoint(self._lookups)

    def holds(self, ctx: MatchContext) -> bool:
        if not self._exact:
            return self.evaluate(ctx) is not None
        # Whole words and phrases (no wildcard inside): a hit of the automaton is a match.
        hits = ctx.term_hits
        for name in self.fields:
            scanned = hits.get(name) if hits is not None else None
            if scanned is None:
                if self.termset.first(ctx.field(name)) is not None:
                    return True
                continue
            for lookup in self._lookups:
                if lookup in scanned:
                    return True
        return False

    def label(self) -> str:
        return f"terms {_short(self.terms)} in {', '.join(self.fields)}"

    def anchors(self) -> set[str] | None:
        return {term.anchor for term in self.termset.terms}


# Pattern syntax Python's parser reads differently from RE2 (POSIX classes, \p, \Q...\E,
# \C, \z, \x{...}): no literal is taken from such a pattern.
_RE2_ONLY = ("[:", "\\p", "\\P", "\\Q", "\\E", "\\C", "\\z", "\\x{")


def required_literal(source: str) -> str | None:
    """The longest run of plain ASCII characters every match of the pattern contains, lower
    case; None when none can be told. The pattern is read with Python's parser, and only its
    top-level sequence counts: no alternative, repetition or class contributes."""
    import re._parser as sre_parse  # the parser of `re`, which reads RE2's common syntax

    if any(marker in source for marker in _RE2_ONLY):
        return None
    try:
        parsed = sre_parse.parse(source)
    except (re.error, RecursionError, OverflowError, ValueError):
        return None
    best, run = "", ""
    for op, value in parsed:
        if op is sre_parse.LITERAL and value < 128 and chr(value).isprintable():
            run += chr(value).lower()
            continue
        if op is sre_parse.AT:
            continue  # \b, ^, $: zero width, the run goes on
        best, run = max(best, run, key=len), ""
    best = max(best, run, key=len)
    return best or None


@dataclass
class RegexCondition(Condition):
    source: str
    fields: tuple[str, ...]
    compiled: Any

    def __post_init__(self) -> None:
        # Most texts lack the pattern's fixed words: an `in` test spares RE2's call.
        self._required = required_literal(self.source)

    def evaluate(self, ctx: MatchContext) -> list[Evidence] | None:
        required = self._required
        for name in self.fields:
            text = ctx.field(name)
            if required is not None and required not in text.lowered:
                continue
            m = self.compiled.search(text.original)
            if m:
                return [Evidence(m.group(0), name)]
        return None

    def label(self) -> str:
        return f"regex {self.source!r} in {', '.join(self.fields)}"


@dataclass
class NearCondition(Condition):
    groups: tuple[TermsCondition, TermsCondition]
    within: int | None  # words apart; None: in the same sentence
    fields: tuple[str, ...]

    def evaluate(self, ctx: MatchContext) -> list[Evidence] | None:
        first, second = self.groups
        hits = ctx.term_hits
        for name in self.fields:
            # Where the automaton looked, its hits say which terms occur and where the first
            # one is: no search for the others, none before it.
            scanned = hits.get(name) if hits is not None else None
            if scanned is not None and not (first.termset.present(scanned)
                                            and second.termset.present(scanned)):
                continue
            text = ctx.field(name)
            a = list(first.termset.occurrences(text, scanned))
            if not a:
                continue
            b = list(second.termset.occurrences(text, scanned))
            if not b:
                continue
            if self.within is None:
                place = text.sentences()  # word numbers become sentence numbers
                limit = 0
            else:
                place = None
                limit = self.within
            for span_a in a:
                for span_b in b:
                    # Words between the two: the gap from the end of one to the start of the other.
                    if span_a[0] <= span_b[0]:
                        start, end = span_b[0], span_a[1]
                    else:
                        start, end = span_a[0], span_b[1]
                    distance = start - end if place is None else place[start] - place[end]
                    if distance <= limit:
                        text_a, text_b = text.quote(*span_a), text.quote(*span_b)
                        how = "same sentence" if self.within is None else \
                            f"within {self.within} words"
                        return [Evidence(text_a, name), Evidence(text_b, f"{name}, {how}")]
        return None

    def possible(self, ctx: MatchContext) -> bool:
        hits = ctx.term_hits
        if hits is None:
            return True
        first, second = self.groups
        seen = ctx.seen_terms(self.fields)
        if seen is not None and (seen.isdisjoint(first._lookups)
                                 or seen.isdisjoint(second._lookups)):
            return False  # one of the two groups is in none of the fields
        for name in self.fields:
            scanned = hits.get(name)
            if scanned is None or (first.termset.present(scanned)
                                   and second.termset.present(scanned)):
                return True
        return False

    def label(self) -> str:
        how = "in the same sentence" if self.within is None else f"within {self.within} words"
        return f"near {_short(self.groups[0].terms, 2)} and {_short(self.groups[1].terms, 2)} {how}"

    def anchors(self) -> set[str] | None:
        return self.groups[0].anchors()


# -- leaves on the knowledge base --------------------------------------------------------

@dataclass
class EntitiesCondition(Condition):
    cost = 1  # the knowledge base
    wanted: tuple[str, ...]  # entity ids
    mode: str  # "all" | "any"

    def evaluate(self, ctx: MatchContext) -> list[Evidence] | None:
        found = {m.entity.id: m for m in ctx.mentions()}
        hits = [found[e] for e in self.wanted if e in found]
        if (self.mode == "all" and len(hits) < len(self.wanted)) or not hits:
            return None
        return [Evidence(m.alias, m.entity.describe(ctx.day)) for m in hits]

    def label(self) -> str:
        return f"entities ({self.mode}) {_short(self.wanted)}"


@dataclass
class EntityCountCondition(Condition):
    cost = 1  # the knowledge base
    kind: str  # "person" | "country"
    at_least: int

    def evaluate(self, ctx: MatchContext) -> list[Evidence] | None:
        hits = [m for m in ctx.mentions() if m.entity.kind == self.kind]
        if len(hits) < self.at_least:
            return None
        return [Evidence(m.alias, m.entity.describe(ctx.day)) for m in hits]

    def label(self) -> str:
        what = "people" if self.kind == "person" else "countries"
        return f"at least {self.at_least} known {what}"

    def miss(self, ctx: MatchContext) -> str:
        names = [m.entity.name for m in ctx.mentions() if m.entity.kind == self.kind]
        return f"found {len(names)}" + (f" ({', '.join(names)})" if names else "")


@dataclass
class EventsCondition(Condition):
    cost = 1  # the knowledge base
    wanted: tuple[str, ...]

    def evaluate(self, ctx: MatchContext) -> list[Evidence] | None:
        hits = [e for e in ctx.events() if e.event.id in self.wanted]
        if not hits:
            return None
        return [Evidence(e.phrase, e.event.title) for e in hits[:1]]

    def label(self) -> str:
        return f"events {_short(self.wanted)}"


@dataclass
class ContactCondition(Condition):
    """Two known people of different countries in direct contact, asserted, not denied."""

    cost = 1  # the knowledge base

    def evaluate(self, ctx: MatchContext) -> list[Evidence] | None:
        contact = ctx.contact()
        if contact is None:
            return None
        return [Evidence(contact.first.alias, contact.first.entity.describe(ctx.day)),
                Evidence(contact.second.alias, contact.second.entity.describe(ctx.day)),
                Evidence(contact.phrase, "direct contact")]

    def label(self) -> str:
        return "direct contact between two known people of different countries"

    def miss(self, ctx: MatchContext) -> str:
        people = [m.entity.name for m in ctx.mentions() if m.entity.kind == "person"]
        phrases = [e.phrase for e in ctx.events() if e.event.id == "contact"]
        return (f"people: {', '.join(people) or 'none'}; contact phrases (not planned or "
                f"denied): {', '.join(phrases) or 'none'}")


_ACT_WORDS = {"call": "spoke with", "meeting": "met", "visit": "visited",
              "talks": "held talks with"}
_KIND_WORDS = {"call": "a phone call", "meeting": "a meeting", "visit": "a visit",
               "talks": "talks"}


@dataclass
class EventCondition(Condition):
    """Event frames of the item's analysis: type, status, modality, position, people, flags."""

    cost = 1  # the item's analysis

    type: str
    statuses: tuple[str, ...] = ()  # empty: any (an event with no act word never passes one)
    modalities: tuple[str, ...] = ("happened",)
    positions: tuple[str, ...] = ()  # empty: anywhere
    people: int = 0  # contact: a pair of known people of different states
    roles: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (role, entity ids)
    flags: tuple[str, ...] = ()
    not_flags: tuple[str, ...] = ()
    anchor_keys: frozenset[str] = frozenset()
    fields: tuple[str, ...] = ("title", "summary")
    # Keys one of which the item must hold for a frame with a wanted status (the words of
    # the acts that give it: vocabulary.status_keys); None when words cannot tell. The
    # engine's automaton looks for them, so an item without one is not analysed for this.
    status_keys: frozenset[str] | None = None

    def _failure(self, frame: EventFrame, analysis: Analysis, say: bool = True) -> str | None:
        """The first part of the frame this condition rejects, in words; None: accepted.
        `say=False` when matching: a frame without a pair of leaders is rejected without
        reading whom the item names."""
        if self.statuses and frame.status not in self.statuses:
            said = frame.words("status")
            return (f"status: {frame.status or 'none said'}" + (f" ('{said}')" if said else "")
                    + f", not {' or '.join(self.statuses)}")
        if frame.modality not in self.modalities:
            cue = frame.words("modality")
            return f"modality: {frame.modality}" + (f" ('{cue}')" if cue else "")
        if self.positions and frame.position not in self.positions:
            return f"background: {frame.where(analysis)}"
        for flag in self.not_flags:
            if flag in frame.flags:
                words = next((e.words for e in frame.evidence
                              if e.part == "flag" and e.words.startswith(flag)), flag)
                return f"flag: {words}"
        for flag in self.flags:
            if flag not in frame.flags:
                return f"flag: not {flag}"
        if self.people and not _leader_pairs(frame, analysis):
            if not say:
                return "people"
            named = [p.name for p in frame.participants] or [
                m.entity.name for m in analysis.mentions if m.entity.kind == "person"]
            why = (" in office on the day (the head of an international organisation, a "
                   "former minister or a minister of another portfolio than foreign affairs "
                   "is no leader of a state)" if frame.pairs else "")
            return ("people: no pair of known people of different states" + why + " on either "
                    f"side of '{frame.words('event')}' (named: {', '.join(named) or 'none'})")
        for role, wanted in self.roles:
            if not any(p.role == role and p.entity_id in wanted for p in frame.participants):
                return f"roles: no {role} among {', '.join(wanted)}"
        return None

    def accepted(self, ctx: MatchContext) -> list[EventFrame]:
        analysis = ctx.analysis()
        return [f for f in analysis.frames_of(self.type)
                if self._failure(f, analysis, say=False) is None]

    def possible(self, ctx: MatchContext) -> bool:
        if not self.status_keys:
            return True
        seen = ctx.seen_terms(self.fields)
        return seen is None or not seen.isdisjoint(self.status_keys)

    def evaluate(self, ctx: MatchContext) -> list[Evidence] | None:
        if not self.possible(ctx):
            return None  # no word of a wanted act: no need to analyse the item
        frames = self.accepted(ctx)
        if not frames:
            return None
        if self.people:
            # Who made contact with whom, for history: the leaders of states only.
            analysis = ctx.analysis()
            frames = [replace(f, pairs=tuple(_leader_pairs(f, analysis))) for f in frames]
        ctx.frames = (ctx.frames or []) + frames
        return [Evidence(describe_frame(frames[0], ctx.analysis()), quote=False)]

    def label(self) -> str:
        parts = [f"type {self.type}"]
        if self.statuses:
            parts.append(f"status {' or '.join(self.statuses)}")
        parts.append(f"modality {' or '.join(self.modalities)}")
        if self.positions:
            parts.append(f"in the {' or '.join(self.positions)}")
        if self.people:
            parts.append("between known people of different states")
        if self.not_flags:
            parts.append(f"not {', '.join(self.not_flags)}")
        return "event: " + "; ".join(parts)

    def miss(self, ctx: MatchContext) -> str:
        analysis = ctx.analysis()
        frames = analysis.frames_of(self.type)
        if not frames:
            return f"no {self.type} event in the text (no event word of the lexicon)"
        return "; ".join(f"'{f.words('event')}' ({f.where(analysis)}): "
                         f"{self._failure(f, analysis)}" for f in frames[:4])

    def anchors(self) -> set[str] | None:
        return set(self.anchor_keys) or None


def _leader_pairs(frame: EventFrame, analysis: Analysis
                  ) -> list[tuple[Participant, Participant]]:
    """The frame's pairs of people who lead two different states on the item's day (heads
    of state or government, foreign ministers: contacts.speaks_for_the_state): not heads of
    international organisations, not former office holders, not defence ministers."""
    from alerts.knowledge.contacts import leader_pairs

    if not frame.pairs:
        return []  # no pair at all: the item's mentions need not be read
    entities = {m.entity.id: m.entity for m in analysis.mentions}
    if any(p.entity_id not in entities for pair in frame.pairs for p in pair):
        from alerts.knowledge import knowledge_base

        entities = {**knowledge_base().entities, **entities}
    return leader_pairs(frame.pairs, analysis.day, entities)


def _quoted(p: Participant) -> str:
    return f"'{p.alias}' ({p.description})"


def describe_frame(frame: EventFrame, analysis: Analysis) -> str:
    """A frame in one sentence: who did what, whether it happened, and where it was said."""
    where = frame.where(analysis)
    modality = frame.modality + (" (not planned, not denied)" if frame.modality == "happened"
                                 else "")
    if frame.type == "contact" and frame.pairs:
        a, b = frame.pairs[0]
        verb = "hosted" if a.role == "host" else ("called" if a.role == "caller"
                                                   else _ACT_WORDS.get(frame.status, "met"))
        more = f" (and {len(frame.pairs) - 1} more pair{'s' if len(frame.pairs) > 2 else ''})" \
            if len(frame.pairs) > 1 else ""
        return (f"{_quoted(a)} {verb} {_quoted(b)}{more}: "
                f"{_KIND_WORDS.get(frame.status, 'a contact')} that {modality} "
                f"('{frame.words('event')}', {where})")
    status = f" {frame.status}" if frame.status else ""
    said = frame.words("status")
    who = ", ".join(_quoted(p) for p in frame.participants[:4])
    return (f"{frame.type}{status}: '{frame.words('event')}'" + (f" + '{said}'" if said else "")
            + f", {modality}, in {where}" + (f"; named: {who}" if who else ""))


# -- leaves on history -------------------------------------------------------------------

def _record(ctx: MatchContext, scope: str, keys: list[tuple[str, str]],
            at: datetime | None = None) -> None:
    """Remember this item under every key (held until the poll's transaction writes it)."""
    if ctx.record and ctx.history is not None:
        for key, _ in keys:
            ctx.history.add(HistoryEntry(scope, key, at or ctx.now, ctx.item.feed_url,
                                         ctx.item.title))


def _origin(entry: HistoryEntry) -> str:
    """Where a last contact comes from, for explain: a shipped record (its title says which
    and what), or what this daemon saw, kept in the user's state."""
    if entry.feed_url.startswith(RECORD_FEED):
        return entry.title
    return f"seen by this daemon, in your state: {entry.title!r} from {entry.feed_url}"


def _pair_key(a: Participant, b: Participant) -> str:
    return "+".join(sorted((a.entity_id, b.entity_id)))


# The words of "since" that make a contact the backdrop of the news: the start of a gap
_SINCE = re.compile(r"'(?:since|ever since|depuis|depuis que|seit|seitdem|desde|desde que|"
                    r"с тех пор как|с момента|відтоді як|з моменту|منذ|以来)'")
# Words of a telephone, in the words of a contact's event: a call is never in person
_PHONE = ("phone", "telephon", "téléphon", "telefon", "teléfon", "телефон", "هاتف", "电话")


def _other_contact_told(ctx: MatchContext, keys: set[str]) -> str | None:
    """The words of a contact of the same two (or of two the report leaves unnamed) that the
    item tells besides the news: one told as what came before it ("وتأتي بعد لقاء جمع
    الرئيسين", "after their meeting at the G20"), or a phone call ("بعد نحو ثلاثة أشهر من
    اتصال هاتفي جرى بين الجانبين"). Every pair of the news must have one (of three at a
    meeting, one pair's call says nothing of the others)."""
    told: set[str] = set()
    words = ""
    for f in ctx.analysis().frames:
        if f.type != "contact" or f.modality != "happened":
            continue
        if any(e.part == "flag" and e.words.startswith("backdrop") and _SINCE.search(e.words)
               for e in f.evidence):
            continue  # "first meeting since the G20 summit in Bali": the gap's start, not since
        paired = {_pair_key(a, b) for a, b in f.pairs} & keys
        event = f.words("event")
        phone = any(word in event.casefold() for word in _PHONE)
        if (paired and "backdrop" in f.flags) or (phone and paired):
            told |= paired
        elif phone and not f.pairs:
            told |= keys  # "between the two sides": the two the news is about
        else:
            continue
        words = words or event
    return words if keys and keys <= told else None


def _weak_pairs(ctx: MatchContext) -> dict[str, str]:
    """The pairs an item does not assert plainly enough for history alone to make a gap of
    them, with why. A gap the report states is evidence of its own; a gap from history
    (what this daemon saw, the shipped records) rests wholly on the reading of who had
    contact with whom, and on the contact having happened:
    - a pair the reader formed among three or more people of one contact ('Trump and Putin
      speak ahead of Zelensky meeting', 'after a call with Putin and a meeting with
      Zelensky'): who had contact with whom there is an inference from roles and order,
      unless the sentence's shape says it (the frame's 'pairing': one person with each of a
      list, a list as the subject, "the leaders" the headline names together);
    - a contact told only in someone's words (reported speech: 'any new talks must be
      initiated by Kim, Yoon said'): one side's account, not the report's;
    - a contact whose happening rests on no words of its own (a noun: 'Trump pitches
      meeting with Kim'; not a verb: 'met at the State Department') while the headline or
      lead says in words that the same pair's contact is planned, hypothetical, refused or
      denied.
    Such a pair is neither given a gap from history nor recorded as a contact."""
    found: dict[str, list[EventFrame]] = {}
    for frame in ctx.frames or []:
        for a, b in frame.pairs:
            found.setdefault(_pair_key(a, b), []).append(frame)
    if not found:
        return {}
    analysis = ctx.analysis()
    weak: dict[str, str] = {}
    for key, frames in found.items():
        if all(len({p.entity_id for p in f.participants}) > 2 and not f.words("pairing")
               for f in frames):
            names = ", ".join(f"'{p.alias}'" for p in frames[0].participants)
            weak[key] = (f"the reader paired them among {names} in one contact "
                         f"('{frames[0].words('event')}'): who had contact with whom is "
                         "inferred there")
        elif all("reported" in f.flags for f in frames):
            weak[key] = (f"the contact ('{frames[0].words('event')}') is told only in "
                         "someone's words (reported speech), not by the report")
        elif not any(f.words("modality") or f.words("asserted") for f in frames):
            said = next((g for g in analysis.frames if g.type == "contact"
                         and g.modality != "happened" and g.words("modality")
                         and g.position in ("headline", "lead")
                         and any(_pair_key(a, b) == key for a, b in g.pairs)), None)
            if said is not None:
                weak[key] = (f"nothing says '{frames[0].words('event')}' happened, while "
                             f"{said.where(analysis)} says their contact is {said.modality} "
                             f"('{said.words('modality')}')")
    return weak


def _scope(ctx: MatchContext, shared: str | None) -> str:
    return f"shared:{shared}" if shared else f"rule:{ctx.rule_id}"


class _HistoryCondition(Condition):
    """A condition on stored history: its check says what it found either way."""

    stateful = True
    cost = 2

    def _check(self, ctx: MatchContext) -> tuple[list[Evidence] | None, str]:
        raise NotImplementedError

    def evaluate(self, ctx: MatchContext) -> list[Evidence] | None:
        return self._check(ctx)[0]

    def trace(self, ctx: MatchContext) -> Trace:
        evidence, notes = self._check(ctx)
        return Trace(self.label(), evidence is not None, notes)


# A contact on the shipped record this many days or fewer before a report that states a gap
# is the contact reported, not one since the gap's start
SAME_CONTACT_DAYS = 3
GAPS_SHOWN = 3  # pairs over a gap's threshold named in the evidence; the rest are counted


@dataclass
class GapCondition(_HistoryCondition):
    days: int
    key: str
    shared: str | None
    stated: bool = False  # also believe the report: "first call since September 2022"

    def _check(self, ctx: MatchContext) -> tuple[list[Evidence] | None, str]:
        keys = ctx.keys(self.key)
        if not keys:
            return None, f"no {self.key} to key the history on"
        scope = _scope(ctx, self.shared)
        result: list[Evidence] | None = None
        notes = []
        # Gaps run from when the reported event happened (the publication date, or the date
        # the user gave), never from the moment of matching.
        when = ctx.when
        day = ctx.day
        stated = ctx.stated_gaps() if self.stated else []
        if self.stated and not stated:
            for phrase in ctx.undated_gaps()[:1]:
                # "first visit since the Khashoggi murder": a gap counted from an event the
                # reader cannot date has no length; it cannot show more than the rule's days.
                notes.append(f"the report states a gap of unknown length ('{phrase}'): no "
                             f"date is known for what it counts from, so it cannot show more "
                             f"than {self.days} days; the history decides")
        records = {key: (ctx.history.last(scope, key, when) if ctx.history else None)
                   for key, _ in keys}
        # A visit whose host the reader inferred from the place ("MBS visits Turkey": its
        # leader on the day): another frame may pair the two ("... and met Erdogan").
        inferred = {"+".join(sorted((a.entity_id, b.entity_id)))
                    for f in ctx.frames or [] if f.words("host") for a, b in f.pairs}
        named = {"+".join(sorted((a.entity_id, b.entity_id)))
                 for f in ctx.frames or [] if not f.words("host") for a, b in f.pairs}
        # A gap the report states is about contact with that leader only when the report
        # names them (by name or office) somewhere; history alone never makes a gap of an
        # inferred host (below).
        mentioned = {m.entity.id for m in ctx.analysis().mentions}
        unnamed = {"+".join(sorted((a.entity_id, b.entity_id)))
                   for f in ctx.frames or [] if f.words("host") for a, b in f.pairs
                   if not {a.entity_id, b.entity_id} <= mentioned}
        visit_only = False
        if stated and all(key in unnamed - named for key, _ in keys):
            # "MBS visits Turkey for the first time since the Khashoggi murder": a visit to a
            # country whose leader the report neither names nor says the visitor met. The
            # gap it states is in visits to the country, not in contact between two leaders.
            notes.append("the report states a gap ('" + max(stated, key=lambda g: g.since).phrase
                         + "'), but the visit's host is inferred from the place, not named, "
                         "and the report does not say they met: a first visit to a country "
                         "is no first contact with its leader")
            stated, visit_only = [], True
        if stated:
            # The report knows better than our history (which may miss contacts, or hold a
            # detected one that was not): the most recent contact it implies wins, except
            # that a month without a day is a range in which history's exact date wins.
            latest = max(stated, key=lambda g: g.since)
            since = latest.since
            exact = ""
            for last in records.values():
                if (last is not None and is_contact(last) and latest.earliest is not None
                        and latest.earliest <= last.at.date() <= latest.since):
                    since = last.at.date()
                    exact = f"; history's exact date {since.isoformat()}, {_origin(last)}"
            gap = (day - since).days
            what = ("the report says" if latest.kind == "first-since"
                    else "the report says they last met")
            note = (f"{what}: '{latest.phrase}' ({latest.since.isoformat()}{exact}); "
                    f"gap {gap:,} days")
            if latest.kind == "first-ever":
                note = f"the report says it is their first contact ever: '{latest.phrase}'"
            # (not the shipped record's entry of the contact reported: "Kim Jong Un's visit to
            # China of 25-28 March" is on record on the 26th, two days before the report)
            recent = [r for r in records.values() if r is not None and is_contact(r)
                      and (when - r.at).days <= self.days
                      and not (r.feed_url.startswith(RECORD_FEED)
                               and (when - r.at).days <= SAME_CONTACT_DAYS)]
            if latest.contact and recent:
                # "first in-person meeting since 2019" while history holds a recent call: a
                # gap in one kind of contact, not in contact.
                note += (f"; a gap in {latest.contact} contact only: their last contact on "
                         f"record was {recent[0].at.date().isoformat()} ({_origin(recent[0])}), "
                         "so no gap in contact")
                notes.append(note)
                _record(ctx, scope, keys, when)
                return None, "; ".join(notes)
            # (a host inferred from the place and not named is no pair the report speaks of)
            told = _other_contact_told(ctx, set(records) - (inferred - named)) \
                if latest.contact else None
            if told is not None:
                # "first visit to Egypt since 2012 ... comes after a meeting between the two
                # presidents on the sidelines of the G20": the report names a contact of
                # theirs since, so the gap is in one kind of contact only
                note += (f"; a gap in {latest.contact} contact only: the report itself names "
                         f"another contact of theirs ('{told}'), so no gap in contact")
                notes.append(note)
                _record(ctx, scope, keys, when)
                return None, "; ".join(notes)
            if latest.contact:
                note += f" (a gap in {latest.contact} contact)"
            if gap > self.days:
                result = [Evidence(f"{note} > {self.days}", quote=False)]
            notes.append(note if gap > self.days else f"{note} <= {self.days}")
        weak = _weak_pairs(ctx) if not stated else {}
        for key, spoken in keys if not stated else []:
            if key in weak:
                notes.append(f"{spoken}: {weak[key]}; history alone does not make a gap of "
                             "it, and it is not recorded as a contact")
                continue
            last = records[key]
            if last is None:
                notes.append(f"no earlier record for {spoken}")
                continue
            if key in inferred - named:
                # "Putin is embarking on a visit to India": that he met Modi is inferred from
                # the place; a gap in contact is claimed on it only when the report states one.
                if not visit_only:
                    notes.append(f"{spoken}: the host is inferred, not named, and the report "
                                 "states no gap; history alone does not make a gap of it")
                continue
            gap = (when - last.at).days
            note = (f"their last contact: last on record for {spoken}: "
                    f"{last.at.date().isoformat()} ({_origin(last)}); gap {gap:,} days")
            if gap > self.days:
                # Every pair over the threshold: which of them is the news is the reader's
                # call ("Xi, Putin and Kim" after years apart for one pair only).
                result = [*(result or []), Evidence(f"{note} > {self.days}", quote=False)]
            notes.append(f"{note} <= {self.days}" if gap <= self.days else note)
        if result is not None and len(result) > GAPS_SHOWN:
            more = len(result) - GAPS_SHOWN
            result = [*result[:GAPS_SHOWN - 1], Evidence(
                f"{result[GAPS_SHOWN - 1].found} (and {more} more pair"
                f"{'s' if more > 1 else ''} over {self.days} days)", quote=False)]
        _record(ctx, scope, [k for k in keys if k[0] not in weak], when)
        return result, "; ".join(notes)

    def label(self) -> str:
        return f"gap of more than {self.days} days per {self.key}"


@dataclass
class CountCondition(_HistoryCondition):
    at_least: int
    feeds: int
    within: timedelta
    key: str
    shared: str | None

    def _check(self, ctx: MatchContext) -> tuple[list[Evidence] | None, str]:
        keys = ctx.keys(self.key)
        if not keys:
            return None, f"no {self.key} to key the history on"
        scope = _scope(ctx, self.shared)
        result: list[Evidence] | None = None
        notes = []
        for key, spoken in keys:
            seen = (ctx.history.window(scope, key, ctx.now - self.within, ctx.now)
                    if ctx.history else [])
            items = len(seen) + 1  # this item counts
            feeds = len({e.feed_url for e in seen} | {ctx.item.feed_url})
            note = (f"{items} matching items from {feeds} feeds for {spoken} in the last "
                    f"{_span(self.within)}")
            notes.append(note)
            if items >= self.at_least and feeds >= self.feeds and result is None:
                result = [Evidence(note, quote=False)]
        _record(ctx, scope, keys)
        return result, "; ".join(notes)


    def label(self) -> str:
        return (f"at least {self.at_least} items from {self.feeds} feeds within "
                f"{_span(self.within)} per {self.key}")


def _span(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0 and seconds >= size:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


# -- composites --------------------------------------------------------------------------

def _can_refuse(condition: Condition) -> bool:
    return type(condition).possible is not Condition.possible


def _ordered(children: tuple[Condition, ...]) -> list[Condition]:
    # History is read and written only once the plain conditions hold.
    return sorted(children, key=lambda c: c.stateful)


@dataclass
class AllCondition(Condition):
    children: tuple[Condition, ...]

    def __post_init__(self) -> None:
        self.stateful = any(c.stateful for c in self.children)
        self.cost = max(c.cost for c in self.children)
        self._order = _ordered(self.children)
        # Evaluated cheapest first (text, then the analysis and the knowledge base, history
        # last); the evidence is still told in the order above.
        self._by_cost = sorted(range(len(self._order)), key=lambda i: self._order[i].cost)
        # The children that can say "certainly not" (the others' possible() is always True):
        # terms by their keys and fields (TermsCondition.possible, inline), then the rest.
        # The child whose words selected the rule (anchors()) is checked last: when the
        # rule is a candidate through them, they are there.
        chosen = self.anchors()
        self._terms = tuple((c.fields, c._lookups) for c in sorted(
            (c for c in self._order if type(c) is TermsCondition),
            key=lambda c: c.anchors() == chosen))
        self._checked = tuple(c for c in self._order
                              if type(c) is not TermsCondition and _can_refuse(c))

    def evaluate(self, ctx: MatchContext) -> list[Evidence] | None:
        # Most candidate rules fail on a later term: find that out before quoting earlier ones.
        for fields, lookups in self._terms:
            seen = ctx.seen_terms(fields)
            if seen is not None and seen.isdisjoint(lookups):
                return None
        for child in self._checked:
            if not child.possible(ctx):
                return None
        order = self._order
        found: list[list[Evidence]] = [[]] * len(order)
        for index in self._by_cost:
            evidence = order[index].evaluate(ctx)
            if evidence is None:
                return None
            found[index] = evidence
        return [e for evidence in found for e in evidence]

    def trace(self, ctx: MatchContext) -> Trace:
        children = []
        ok = True
        for child in _ordered(self.children):
            if not ok and child.stateful:
                children.append(Trace(child.label(), False, "not reached"))
                continue
            children.append(child.trace(ctx))
            ok = ok and children[-1].ok
        return Trace("all of", ok, children=children)

    def possible(self, ctx: MatchContext) -> bool:
        return all(child.possible(ctx) for child in self.children)

    def anchors(self) -> set[str] | None:
        known = [a for a in (c.anchors() for c in self.children) if a]
        # Any child's anchors will do; the fewest (then the longest) select the fewest items.
        return min(known, key=lambda s: (len(s), -min(map(len, s))), default=None)


@dataclass
class AnyCondition(Condition):
    children: tuple[Condition, ...]

    def __post_init__(self) -> None:
        self.stateful = any(c.stateful for c in self.children)
        self.cost = max(c.cost for c in self.children)
        self._order = _ordered(self.children)

    def evaluate(self, ctx: MatchContext) -> list[Evidence] | None:
        for child in self._order:
            found = child.evaluate(ctx)
            if found is not None:
                return found
        return None

    def trace(self, ctx: MatchContext) -> Trace:
        children = [child.trace(ctx) for child in _ordered(self.children)]
        return Trace("any of", any(c.ok for c in children), children=children)

    def possible(self, ctx: MatchContext) -> bool:
        return any(child.possible(ctx) for child in self.children)

    def anchors(self) -> set[str] | None:
        union: set[str] = set()
        for child in self.children:
            found = child.anchors()
            if not found:
                return None
            union |= found
        return union


@dataclass
class NotCondition(Condition):
    child: Condition

    def __post_init__(self) -> None:
        self.cost = self.child.cost

    def evaluate(self, ctx: MatchContext) -> list[Evidence] | None:
        return None if self.child.holds(ctx) else []

    def trace(self, ctx: MatchContext) -> Trace:
        inner = self.child.trace(ctx)
        return Trace("not", not inner.ok, children=[inner])
