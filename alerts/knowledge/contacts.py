"""Leaders' contacts on record (alerts/knowledge/data/contacts.yaml): the newest call or
meeting of a pair before a day, and, where a source records one leader's contacts completely,
the fact that a pair had none in that window.

A first contact after a gap is a fact about the past that a news stream often cannot see: it
starts empty, and outlets do not report every routine call. The record seeds what the stream
has not seen; the stream's own history adds what the record lacks.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from alerts.knowledge.base import Entity, Role

DATA = Path(__file__).with_name("data") / "contacts.yaml"
CONTACT_SCOPE = "shared:contact"  # `history: contact`: the history the record seeds


def yaml_loader() -> type:
    """libyaml's safe loader when present: the pure-Python parser took about 90 ms of every
    poll that reads the record (the same objects, a tenth of the time). PyYAML is loaded
    here, when a record is read (#17: a poll whose rules never ask for it does not load
    PyYAML)."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # type: ignore[no-any-return]


def yaml_data(text: str) -> Any:
    """A record file's YAML (yaml_loader)."""
    import yaml

    return yaml.load(text, Loader=yaml_loader())


# International organisations have codes beside the states' (people.yaml): their heads are
# not leaders of a country (the first-contact rule's definition, tests/data/real/README.md).
ORGANISATIONS = frozenset({"UN", "EU", "NATO", "AFRICAN-UNION", "ARAB-LEAGUE", "ASEAN", "GCC",
                           "OSCE"})


def state_office(entity: Entity | None, day: date | None) -> Role | None:
    """The office of a state the person holds on the day: not one of an international
    organisation, nor one they left before it (the Council of Europe's Secretary General in
    2022 is no longer Croatia's foreign minister)."""
    if entity is None or entity.kind != "person":
        return None
    return next((r for r in entity.roles if r.covers(day) and r.country
                 and r.country not in ORGANISATIONS), None)


# The offices whose holders speak for a state abroad by virtue of office: heads of state and
# of government and foreign ministers (the Vienna Convention on the Law of Treaties, art.
# 7(2)(a)), a ruling crown prince, and the leader of a ruling party where the party leads the
# state (people.yaml's "party-leader": Xi as General Secretary).
LEADER_OFFICES = frozenset({"head-of-state", "head-of-government", "foreign-minister",
                            "crown-prince", "party-leader"})


def speaks_for_the_state(office: str) -> bool:
    """Whether an office's holder is a leader in the first-contact rule's sense
    (LEADER_OFFICES). Not a minister of another portfolio ("defence-minister": a defence
    secretary's visit to a president is the routine of a portfolio, not contact between two
    states' leaders), nor an adviser, envoy, spokesperson or vice president ("other": Yermak
    and Sullivan speaking is no contact between Ukraine's and America's leaders); the
    knowledge base does not cover those offices well enough for a gap in their contacts to
    mean anything."""
    return office in LEADER_OFFICES


def leader_office(entity: Entity | None, day: date | None) -> Role | None:
    """The office of a state the person holds on the day that makes them a leader: as
    state_office, but never a sectoral minister's (speaks_for_the_state)."""
    if entity is None or entity.kind != "person":
        return None
    return next((r for r in entity.roles if r.covers(day) and r.country
                 and r.country not in ORGANISATIONS and speaks_for_the_state(r.office)), None)


class _Named(Protocol):
    """What a participant of an event frame is here: an entity of the knowledge base."""

    @property
    def entity_id(self) -> str: ...

    @property
    def country(self) -> str: ...


_P = TypeVar("_P", bound=_Named)


def leader_pairs(pairs: Iterable[tuple[_P, _P]], day: date | None,
                 entities: dict[str, Entity]) -> list[tuple[_P, _P]]:
    """The pairs whose two people lead two different states on the day (leader_office: not
    a sectoral minister). A person the entities do not hold counts by the state the analysis
    gave them. One who leads two states counts for both: France's president, co-prince of
    Andorra, and France's prime minister lead no two different states."""
    def states(p: _P) -> frozenset[str]:
        entity = entities.get(p.entity_id)
        if entity is None:
            return frozenset({p.country} if p.country and p.country not in ORGANISATIONS
                             else ())
        if leader_office(entity, day) is None:
            return frozenset()
        return frozenset(r.country for r in entity.roles if r.covers(day) and r.country
                         and r.country not in ORGANISATIONS and speaks_for_the_state(r.office))

    out = []
    for a, b in pairs:
        first, second = states(a), states(b)
        if first and second and first.isdisjoint(second):
            out.append((a, b))
    return out


class ContactRecordError(ValueError):
    """contacts.yaml is not as tests/tools/contact_record.py writes it."""


@dataclass(frozen=True)
class Source:
    id: str
    leader: str
    what: str
    start: date
    end: date
    complete: bool


@dataclass(frozen=True)
class RecordedContact:
    day: date
    kind: str
    source: Source

    def describe(self) -> str:
        return f"a {self.kind} on the record of {self.source.what}"


@dataclass(frozen=True)
class NoContact:
    """No contact of the pair in a complete record: their last contact was before `since`."""

    since: date
    source: Source

    @property
    def day(self) -> date:
        return self.since

    def describe(self) -> str:
        return (f"none in {self.source.what}, which records every call and meeting of "
                f"{self.source.leader} from {self.source.start.isoformat()}")


def _date(value: object, where: str) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ContactRecordError(f"{where}: '{value}' is not a date (YYYY-MM-DD); rebuild the "
                                 "file with tests/tools/contact_record.py") from None


class ContactRecord:
    def __init__(self, sources: list[Source],
                 contacts: dict[tuple[str, str], list[RecordedContact]]):
        self.sources = sources
        self._pairs = {pair: sorted(found, key=lambda c: c.day)
                       for pair, found in contacts.items()}
        self._days = {pair: [c.day for c in found] for pair, found in self._pairs.items()}

    @classmethod
    def load(cls, path: Path = DATA) -> ContactRecord:
        data = yaml_data(path.read_text("utf-8")) or {}
        sources: dict[str, Source] = {}
        for number, row in enumerate(data.get("sources") or [], start=1):
            where = f"{path}: source {number}"
            try:
                sources[row["id"]] = Source(row["id"], row["leader"], row["what"],
                                            _date(row["from"], where), _date(row["to"], where),
                                            row["complete"] is True)
            except (KeyError, TypeError):
                raise ContactRecordError(f"{where} needs id, leader, what, from, to and "
                                         "complete; rebuild the file with "
                                         "tests/tools/contact_record.py") from None
        contacts: dict[tuple[str, str], list[RecordedContact]] = {}
        for number, row in enumerate(data.get("contacts") or [], start=1):
            where = f"{path}: contact {number}"
            if not isinstance(row, list) or len(row) != 5 or row[4] not in sources:
                raise ContactRecordError(f"{where} must be [date, person, person, kind, "
                                         "source] with a source listed under sources; rebuild "
                                         "the file with tests/tools/contact_record.py")
            day, a, b, kind, source = row
            pair = tuple(sorted((str(a), str(b))))
            contacts.setdefault(pair, []).append(  # type: ignore[arg-type]
                RecordedContact(_date(day, where), str(kind), sources[source]))
        return cls(list(sources.values()), contacts)

    def last(self, first: str, second: str, day: date) -> RecordedContact | NoContact | None:
        """The pair's newest contact on record before `day` (a contact on the day itself is
        the one being reported); else, when a complete source of one of them covers the days
        up to `day`, that there was none since the source starts; else None.

        A source speaks only for the days it covers: after its last day a contact it
        recorded long ago says nothing about a gap (they may have spoken since)."""
        low, high = sorted((first, second))
        pair = (low, high)
        covering = [s for s in self.sources if s.leader in pair
                    and s.start < day <= s.end + timedelta(days=1)]
        if not covering:
            return None
        days = self._days.get(pair, [])
        index = bisect.bisect_left(days, day)
        while index:
            found = self._pairs[pair][index - 1]
            if found.source in covering:
                return found
            index -= 1
        for source in covering:
            if source.complete:
                return NoContact(source.start, source)
        return None


@functools.cache
def contact_record() -> ContactRecord:
    return ContactRecord.load()
