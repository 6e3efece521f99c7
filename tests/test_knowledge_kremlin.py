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


def test_every_kremlin_telephone_counterpart_resolves():
    readouts = [r for r in rows("putin.csv")
                if re.match(r"Telephone conversations? with ", r["headline"])]
    assert len(readouts) > 100
    missing = []
    for row in readouts:
        text = re.sub(r"^Telephone conversations? with ", "", row["headline"])
        if text in PRIVATE:
            continue
        # Each named counterpart ("X and Y") must resolve, to someone other than Putin.
        for part in re.split(r" and (?=President|Prime|Federal|Acting|UAE|US)", text):
            found = counterparts(part, day(row))
            if not found or found == ["vladimir-putin"]:
                missing.append(f"{row['date'][:10]} {part}")
    assert missing == []


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


def test_every_zelenskyy_leader_call_counterpart_resolves():
    readouts = [r for r in rows("zelenskyy.csv")
                if re.search(r"(tele)?phone (conversation|talk) with", r["headline"])
                and not AIDES.match(r["headline"])]
    assert len(readouts) > 30
    missing = []
    for row in readouts:
        text = re.split(r"(?:tele)?phone (?:conversation|talk) with", row["headline"])[1]
        found = [p for p in counterparts(text, day(row)) if p != "volodymyr-zelensky"]
        if not found:
            missing.append(f"{row['date'][:10]} {row['headline']}")
    assert missing == []
