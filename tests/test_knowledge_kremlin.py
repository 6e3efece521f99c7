"""Every counterpart of a Kremlin or Zelenskyy telephone readout is known to the knowledge base.

Reads ../shared/corpus/kremlin-zelenskyy-press-releases in place; skipped without it."""

from __future__ import annotations

import csv
import re
from datetime import date, datetime

import pytest

from alerts.knowledge import knowledge_base
from alerts.knowledge.phrases import token_text
from tests.conftest import CORPUS

READOUTS = CORPUS / "kremlin-zelenskyy-press-releases"
# Private citizens Putin phoned (a New Year wish campaign), not office holders.
PRIVATE = {"Mark Koblenev", "Tatyana Trotsenko"}
# Calls by aides or the first lady: the counterpart is an adviser, not a leader.
AIDES = re.compile(r"^(Andriy Yermak|Ihor Zhovkva|Deputy Head|Olena Zelenska)")
pytestmark = pytest.mark.skipif(not READOUTS.is_dir(), reason="../shared/corpus is not here")


def rows(name: str) -> list[dict]:
    csv.field_size_limit(10**8)
    with (READOUTS / name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def day(row: dict) -> date:
    return datetime.fromisoformat(row["date"].replace("Z", "+00:00")).date()


def counterparts(text: str, when: date) -> list[str]:
    return [m.entity.id for m in knowledge_base().mentions(token_text(text), when)
            if m.entity.kind == "person"]


# " and " between two counterparts, not inside a country's name.
JOINED = re.compile(r" and (?!Herzegovina|Barbuda|Tobago|Nevis|the Grenadines|Principe|Príncipe)"
                    r"(?=[A-Z]|the )")
# Counterparts who held no office that day, by the readout's own words: Merkel's farewell call
# the day after she left office, Nazarbayev as Elbasy, a president-elect.
FORMER = {"Angela Merkel", "Nursultan Nazarbayev"}


def test_every_kremlin_telephone_counterpart_resolves():
    """Every named counterpart of every call ("X and Y" are two), also in an aide's briefing
    on a call ("a telephone conversation between Vladimir Putin and Joseph Biden"), is someone
    other than Putin, holding an office on the day unless the readout says otherwise."""
    readouts = []
    for row in rows("putin.csv"):
        found = re.match(r"Telephone conversations? with (.*)", row["headline"]) or \
            re.search(r"telephone conversation between Vladimir Putin and (.*)", row["headline"])
        if found:
            readouts.append((row, found.group(1)))
    assert len(readouts) > 100
    missing, parts = [], 0
    for row, text in readouts:
        if text in PRIVATE:
            continue
        for part in JOINED.split(text):
            parts += 1
            people = [knowledge_base().resolve(p) for p in counterparts(part, day(row))
                      if p != "vladimir-putin"]
            in_office = [p for p in people if p and any(r.covers(day(row)) for r in p.roles)]
            if not people or not (in_office or part in FORMER or "Elect" in part):
                missing.append(f"{row['date'][:10]} {part}")
    assert missing == []
    assert parts > len(readouts)  # the calls with two counterparts are read as two


def test_named_kremlin_counterparts_are_the_right_people():
    cases = {
        "African Union Chairperson, President of Senegal Macky Sall": "macky-sall",
        "King Hamad bin Isa Al Khalifa of Bahrain": "hamad-bin-isa-al-khalifa",
        "Nursultan Nazarbayev": "nursultan-nazarbayev",
        "President of Angola Joao Lourenco": "joao-lourenco",
        "President of Central African Republic Faustin-Archange Touadera":
            "faustin-archange-touadera",
        "President of South Ossetia Anatoly Bibilov": "anatoly-bibilov",
        "Prime Minister of Luxembourg Xavier Bettel": "xavier-bettel",
    }
    for text, person in cases.items():
        assert person in counterparts(text, date(2022, 5, 1)), text


# A call or conversation and whom with; the rest of the headline is its counterparts.
CALL = re.compile(r"(?:(?:tele)?phone |video )?(?:conversation|talk)s? (?:with|between) (.*)")
# Not a call of the president's office: appeals, conference calls, negotiations with Russia,
# a conversation of others.
NOT_A_CALL = re.compile(r"conference call|talks with (?:Russia|representatives)|"
                        r"the conversation between the Presidents|student community|"
                        r"will hold talks|during a conversation")
# Counterparts that are no one the base should know: a private person, officials by title.
UNNAMED = re.compile(r"^(Angelina Jolie|the (State Secretary|First Lady|diplomatic adviser|"
                     r"Adviser|Director)\b)")


def test_every_zelenskyy_call_counterpart_resolves():
    """The president's calls and his aides' (Yermak with Sullivan and Milley): every named
    counterpart ("X and Y" are two) is someone the base knows, other than Zelensky."""
    readouts = [(r, CALL.search(r["headline"])) for r in rows("zelenskyy.csv")
                if not NOT_A_CALL.search(r["headline"])]
    readouts = [(r, m.group(1)) for r, m in readouts if m]
    assert len(readouts) > 40
    missing = []
    for row, text in readouts:
        text = re.sub(r"^the President of Ukraine and ", "", text)
        for part in JOINED.split(text):
            if UNNAMED.match(part):
                continue
            found = [p for p in counterparts(part, day(row)) if p != "volodymyr-zelensky"]
            if not found:
                missing.append(f"{row['date'][:10]} {row['headline']}: {part}")
    assert missing == []
