"""The shipped public record of leaders' contacts (alerts/knowledge/data/contacts_public.yaml):
in-person meetings, visits and widely reported calls between leaders of states, dated, for the
state pairs the file lists, over a window of years.

It answers the question the first-contact rule asks of a pair of people on a report's day:
their newest contact on record before it; or, when the two have none on record and both lead
their states (heads of state or government), the newest contact between the leaders of the
two STATES, where the record covers that pair of states (it lists at least one contact of
theirs). A pair of states the record does not list is not covered: there, absence on record
is no evidence of anything, and nothing is said.

The record speaks for the days of its window; after its last day only when the contact history
of this daemon (its state) was already kept before that day, so that together they leave no
stretch of days unwatched. A month without a day is a range: its latest day counts, so a gap
is never made longer than the words allow.
"""

from __future__ import annotations

import bisect
import calendar
import functools
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from alerts.knowledge.contacts import yaml_data

if TYPE_CHECKING:
    from alerts.knowledge.base import Entity

DATA = Path(__file__).with_name("data") / "contacts_public.yaml"
FILE = "contacts_public.yaml"
KINDS = frozenset({"call", "meeting", "visit"})
# Offices whose holders' contacts the record means to cover for a pair of states; a foreign
# minister's contacts are listed only where certain, so they never make a state's absence.
HEAD_OFFICES = frozenset({"head-of-state", "head-of-government", "party-leader",
                          "crown-prince"})
# A contact on record on the report's day or the day before is the one reported: news of a
# meeting is often dated the next day in UTC.
REPORT_LAG = timedelta(days=1)


class PublicRecordError(ValueError):
    """contacts_public.yaml is not as its header describes."""


@dataclass(frozen=True)
class PublicContact:
    first: date  # a month without a day: its first day ...
    last: date  # ... and its last; the same for a dated contact
    people: tuple[str, str]  # knowledge-base ids, or state codes for a contact before the window
    kind: str
    what: str
    line: int


@dataclass(frozen=True)
class Found:
    """What the record says of a pair on a day: the day of their last contact (a state's, or
    the record's first day when the pair of states had none on record), and in words."""

    day: date
    text: str
    contact: bool = True  # False: no contact since `day` (the record's first day)


def _range(value: object, where: str) -> tuple[date, date]:
    text = str(value)
    try:
        if len(text) == 7:  # "2019-06": the whole month
            year, month = int(text[:4]), int(text[5:])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        day = date.fromisoformat(text)
        return day, day
    except ValueError:
        raise PublicRecordError(f"{where}: '{value}' is neither a date (YYYY-MM-DD) nor a month "
                                "(YYYY-MM); write the day of the contact, or its month when "
                                "the day is not certain") from None


def _line_numbers(text: str, key: str) -> list[int]:
    """The line of each row of a top-level list, for messages (yaml.safe_load loses them)."""
    lines, inside = [], False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(f"{key}:"):
            inside = True
        elif line and not line.startswith((" ", "#")):
            inside = False
        elif inside and line.lstrip().startswith("- "):
            lines.append(number)
    return lines


class PublicRecord:
    def __init__(self, start: date, end: date, contacts: list[PublicContact],
                 before: list[PublicContact], entities: dict[str, Entity] | None,
                 names: dict[str, str], path: Path = DATA):
        """`entities`: the people to read offices from; None: the knowledge base of the
        moment, asked each time (the record keeps no reference to it, so that the daemon
        can let it go when idle)."""
        self.start, self.end, self.path = start, end, path
        self.names = names
        self._entities = entities
        self._pairs: dict[tuple[str, str], list[PublicContact]] = {}
        self._states: dict[tuple[str, str], list[PublicContact]] = {}
        for contact in contacts:
            self._pairs.setdefault(_key(*contact.people), []).append(contact)
            for pair in self._state_pairs(contact):
                self._states.setdefault(pair, []).append(contact)
        for contact in before:
            self._states.setdefault(_key(*contact.people), []).append(contact)
        for table in (self._pairs, self._states):
            for found in table.values():
                found.sort(key=lambda c: c.last)
        self._days = {k: [c.last for c in v] for k, v in self._pairs.items()}
        self._state_days = {k: [c.last for c in v] for k, v in self._states.items()}

    # -- loading --------------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path = DATA, entities: dict[str, Entity] | None = None,
             names: dict[str, str] | None = None) -> PublicRecord:
        known = entities
        if known is None or names is None:
            from alerts.knowledge import knowledge_base

            kb = knowledge_base()
            known = known if known is not None else kb.entities
            names = names if names is not None else {
                e.id: e.name for e in kb.entities.values() if e.kind == "country"}
        text = path.read_text("utf-8")
        data = yaml_data(text) or {}
        record = data.get("record") or {}
        try:
            start = _range(record["from"], f"{path}: record")[0]
            end = _range(record["to"], f"{path}: record")[1]
        except (KeyError, TypeError):
            raise PublicRecordError(f"{path}: the file needs a 'record:' with 'from' and 'to' "
                                    "(the first and last day it covers)") from None
        contacts = cls._rows(path, text, data, "contacts", start, end, known, names)
        before = cls._rows(path, text, data, "before", date.min, start - timedelta(days=1),
                           known, names)
        return cls(start, end, contacts, before, entities, names, path)

    @staticmethod
    def _rows(path: Path, text: str, data: dict[str, object], key: str, low: date, high: date,
              entities: dict[str, Entity], names: dict[str, str]) -> list[PublicContact]:
        rows = data.get(key) or []
        if not isinstance(rows, list):
            raise PublicRecordError(f"{path}: '{key}' must be a list of rows")
        lines = _line_numbers(text, key)
        out = []
        for index, row in enumerate(rows):
            line = lines[index] if index < len(lines) else 0
            where = f"{path}:{line}"
            if not isinstance(row, list) or len(row) != 5:
                raise PublicRecordError(f"{where}: a row must be [date, who, who, kind, what] "
                                        "(see the file's header)")
            when, a, b, kind, what = row
            first, last = _range(when, where)
            if not (low <= first and last <= high):
                days = (f"before {(high + timedelta(days=1)).isoformat()}" if key == "before"
                        else f"{low.isoformat()} to {high.isoformat()}")
                raise PublicRecordError(f"{where}: {when} is outside the days of '{key}' "
                                        f"({days}); move the row to the right section or "
                                        "correct its date")
            if kind not in KINDS:
                raise PublicRecordError(f"{where}: kind '{kind}' is not one of "
                                        f"{', '.join(sorted(KINDS))}")
            if not str(what).strip():
                raise PublicRecordError(f"{where}: say in a few words what the contact was")
            known = names if key == "before" else entities
            for who in (a, b):
                if str(who) not in known:
                    thing = "state code" if key == "before" else "person id of the knowledge base"
                    raise PublicRecordError(f"{where}: '{who}' is no {thing}; write it as "
                                            "alerts/knowledge/data/people.yaml or "
                                            "countries.yaml spells it")
            if str(a) == str(b):
                raise PublicRecordError(f"{where}: a contact needs two different parties")
            out.append(PublicContact(first, last, (str(a), str(b)), str(kind), str(what).strip(),
                                     line))
        return out

    # -- reading --------------------------------------------------------------------------

    def _heads(self, person: str, day: date) -> set[str]:
        """The states the person leads on the day (HEAD_OFFICES), empty when none."""
        from alerts.knowledge.contacts import ORGANISATIONS

        if self._entities is not None:
            entity = self._entities.get(person)
        else:
            from alerts.knowledge import knowledge_base

            entity = knowledge_base().entities.get(person)
        if entity is None or entity.kind != "person":
            return set()
        return {r.country for r in entity.roles if r.covers(day) and r.country
                and r.country not in ORGANISATIONS and r.office in HEAD_OFFICES}

    def _state_pairs(self, contact: PublicContact) -> set[tuple[str, str]]:
        a, b = contact.people
        return {_key(x, y) for x in self._heads(a, contact.first)
                for y in self._heads(b, contact.first) if x != y}

    def speaks(self, day: date, watched_since: date | None = None) -> bool:
        """Whether the record speaks for a report of the day: within its window, or after it
        when this daemon's own contact history began before the window ended."""
        if day <= self.start:
            return False
        if day <= self.end + timedelta(days=1):
            return True
        return watched_since is not None and watched_since <= self.end + timedelta(days=1)

    @staticmethod
    def _newest(found: list[PublicContact], days: list[date], day: date) -> PublicContact | None:
        """The newest contact that ended before the report's day (less REPORT_LAG)."""
        index = bisect.bisect_left(days, day - REPORT_LAG)
        return found[index - 1] if index else None

    def _name(self, code: str) -> str:
        return self.names.get(code, code)

    def last(self, first: str, second: str, day: date,
             watched_since: date | None = None) -> Found | None:
        """The last contact of two people before the day, as the record knows it; None where
        the record says nothing (outside its days, or a pair of states it does not cover)."""
        if not self.speaks(day, watched_since):
            return None
        pair = _key(first, second)
        found = self._newest(self._pairs.get(pair, []), self._days.get(pair, []), day)
        if found is not None:
            return Found(found.last, f"a {found.kind} in the shipped public record ({FILE}, "
                                     f"line {found.line}): {found.what}")
        heads = sorted((x, y) for x in self._heads(first, day) for y in self._heads(second, day)
                       if x != y)
        for x, y in heads:
            states = _key(x, y)
            if states not in self._states:
                continue  # a pair of states the record does not cover: absence says nothing
            names = f"{self._name(x)} and {self._name(y)}"
            found = self._newest(self._states[states], self._state_days[states], day)
            if found is not None:
                return Found(found.last, (
                    f"no contact between these two on record; the last between leaders of "
                    f"{names}: a {found.kind} ({found.what}), in the shipped public record "
                    f"({FILE}, line {found.line})"))
            return Found(self.start, (
                f"no contact between these two on record, and none between leaders of {names} "
                f"in the shipped public record ({FILE}), which covers that pair of states "
                f"from {self.start.isoformat()}"), contact=False)
        return None


def _key(a: str, b: str) -> tuple[str, str]:
    low, high = sorted((a, b))
    return low, high


@functools.cache
def public_record() -> PublicRecord:
    return PublicRecord.load()
