"""How completely the shipped knowledge base knows who led every UN member state.

For each UN member state and each of its three seats (head of state, head of government,
foreign minister), the days from FIRST to LAST on which the knowledge base has no holder,
less the days the seat was vacant or did not exist (VACANT, below: a fact, not a gap).
Used by tests/test_knowledge_coverage.py (and, with --history, 2000-2019, by
tests/test_knowledge_history.py); run it to see the gaps:

    .venv/bin/python -m tests.tools.kb_coverage [-v] [--history]
"""

from __future__ import annotations

import sys
from datetime import date, timedelta

from tests.tools.countries_table import TABLE

FIRST = date(2020, 1, 1)
LAST = date(2025, 10, 31)
# The years before (tests/test_knowledge_history.py): the Wikidata tables alone, no vacancies
# of record listed.
HISTORY_FIRST = date(2000, 1, 1)
HISTORY_LAST = date(2019, 12, 31)
SEATS = ("head-of-state", "head-of-government", "foreign-minister")
UN_MEMBERS = tuple(line.split("|")[1] for line in TABLE.splitlines()
                   if line.split("|")[1] not in ("PS", "TW", "VA", "XK"))
# The leaders of the organisations the issue names: (office, code) as the base files them.
ORGANISATION_SEATS = (
    ("secretary-general", "UN"), ("head-of-state", "EU"), ("head-of-government", "EU"),
    ("foreign-minister", "EU"), ("secretary-general", "NATO"),
    ("head-of-state", "AFRICAN-UNION"), ("secretary-general", "AFRICAN-UNION"),
    ("secretary-general", "ASEAN"), ("secretary-general", "ARAB-LEAGUE"),
    ("secretary-general", "GCC"), ("secretary-general", "OSCE"))

# Seats with no single holder, by public record (not gaps in the data): the day ranges (both
# ends included; None: to LAST) and why.
VACANT: dict[tuple[str, str], list[tuple[date, date | None, str]]] = {
    ("head-of-state", "LB"): [(date(2022, 10, 31), date(2025, 1, 8),
                               "no president between Aoun and Joseph Aoun")],
    ("head-of-state", "HT"): [(date(2021, 7, 8), date(2021, 7, 19),
                               "Moïse killed; Henry acting head of state from 20 July"),
                              (date(2024, 4, 26), None,
                               "the Transitional Presidential Council (a body, not a person)")],
    # San Marino's two captains regent head state and government; no single holder.
    ("head-of-government", "SM"): [(FIRST, None, "the captains regent")],
    # No prime minister's office: the president led the government.
    ("head-of-government", "BI"): [(FIRST, date(2020, 6, 9), "no prime minister until 2020")],
    ("head-of-government", "TD"): [(FIRST, date(2021, 4, 19), "office abolished 2018-2021")],
    ("head-of-government", "SN"): [(FIRST, date(2022, 9, 16), "office abolished 2019-2022")],
    # Coups and takeovers: the government dissolved, no one named yet.
    ("head-of-government", "AF"): [(date(2021, 8, 16), date(2021, 9, 6), "Taliban takeover")],
    ("foreign-minister", "AF"): [(date(2021, 8, 16), date(2021, 9, 6), "Taliban takeover")],
    ("head-of-government", "ML"): [(date(2020, 8, 19), date(2020, 9, 26), "coup of 2020"),
                                   (date(2021, 5, 25), date(2021, 6, 5), "coup of 2021")],
    ("foreign-minister", "ML"): [(date(2020, 8, 19), date(2020, 10, 4), "coup of 2020"),
                                 (date(2021, 5, 25), date(2021, 6, 6), "coup of 2021")],
    ("foreign-minister", "BF"): [(date(2022, 1, 24), date(2022, 3, 4), "coup of January 2022")],
    ("foreign-minister", "GN"): [(date(2021, 9, 6), date(2021, 10, 24), "coup of 2021")],
    ("head-of-government", "TN"): [(date(2021, 7, 26), date(2021, 10, 10),
                                    "Saied dismissed Mechichi; no one named until Bouden")],
    ("head-of-government", "BT"): [(date(2023, 11, 2), date(2024, 1, 27),
                                    "the interim government before the elections")],
    # Between governments: the outgoing minister left with the president.
    ("foreign-minister", "NG"): [(date(2023, 5, 30), date(2023, 8, 20),
                                  "no minister until Tinubu's cabinet was sworn in")],
    ("foreign-minister", "PK"): [(date(2022, 4, 11), date(2022, 4, 26),
                                  "Khan ousted; Bhutto Zardari sworn in on 27 April")],
    ("foreign-minister", "BY"): [(date(2022, 11, 27), date(2022, 12, 8),
                                  "Makei died on 26 November; Aleinik named on 9 December")],
    ("foreign-minister", "SY"): [(date(2024, 12, 9), date(2024, 12, 20),
                                  "Assad's fall; al-Shaibani named on 21 December")],
    ("head-of-government", "SD"): [(date(2022, 1, 3), date(2022, 1, 18),
                                    "Hamdok resigned; Osman Hussein acting from 19 January")],
    ("head-of-government", "NE"): [(date(2023, 7, 27), date(2023, 8, 7),
                                    "the coup; Zeine named on 8 August")],
    ("foreign-minister", "MX"): [(date(2023, 6, 13), date(2023, 7, 2),
                                  "Ebrard resigned; an under-secretary in charge")],
    # Acting heads by office, not by a person's tenure.
    ("head-of-state", "MG"): [(date(2023, 9, 10), date(2023, 12, 15),
                               "Rajoelina stood down to run; the government acted collegially")],
    ("head-of-state", "SY"): [(date(2024, 12, 9), date(2025, 1, 28),
                               "al-Sharaa led de facto before he was named president")],
    ("secretary-general", "OSCE"): [(date(2020, 7, 19), date(2020, 12, 3),
                                     "no consensus on renewing Greminger; Schmid from December"),
                                    (date(2024, 9, 4), date(2024, 12, 2),
                                     "no consensus on Schmid's successor until December")],
}


def _vacant(office: str, code: str, day: date) -> bool:
    return any(start <= day <= (end or LAST) for start, end, _ in VACANT.get((office, code), []))


def gaps(kb, seats: tuple[tuple[str, str], ...] | None = None, first: date = FIRST,
         last: date = LAST, step: int = 1) -> dict[tuple[str, str], list[tuple[date, date]]]:
    """(office, state) -> the runs of days without a holder (first and last day of each);
    `seats`: (office, code) pairs, by default every UN member's three; `first`, `last`: the
    period (HISTORY_FIRST, HISTORY_LAST for the years before it); `step`: look at every
    step-th day only (a run then ends on the last day looked at)."""
    out: dict[tuple[str, str], list[tuple[date, date]]] = {}
    days = [first + timedelta(days=n) for n in range(0, (last - first).days + 1, step)]
    if seats is None:
        seats = tuple((office, code) for code in UN_MEMBERS for office in SEATS)
    for office, code in seats:
        runs: list[tuple[date, date]] = []
        for day in days:
            if _vacant(office, code, day) or kb.holder(office, code, day) is not None:
                continue
            if runs and runs[-1][1] == day - timedelta(days=step):
                runs[-1] = (runs[-1][0], day)
            else:
                runs.append((day, day))
        if runs:
            out[(office, code)] = runs
    return out


def summary(found: dict[tuple[str, str], list[tuple[date, date]]]) -> dict[str, tuple[int, int]]:
    """office -> (states with a gap, days of gap summed over states)."""
    out = {}
    for office in SEATS:
        runs = {code: r for (o, code), r in found.items() if o == office}
        out[office] = (len(runs), sum((b - a).days + 1 for r in runs.values() for a, b in r))
    return out


def main() -> None:
    from alerts.knowledge import knowledge_base

    first, last = (HISTORY_FIRST, HISTORY_LAST) if "--history" in sys.argv else (FIRST, LAST)
    found = gaps(knowledge_base(None), first=first, last=last)
    total = (last - first).days + 1
    print(f"{len(UN_MEMBERS)} UN member states, {first} to {last} ({total} days)")
    for office, (states, days) in summary(found).items():
        share = 1 - days / (total * len(UN_MEMBERS))
        print(f"{office}: {states} states with a gap, {days} state-days missing "
              f"({share:.2%} of state-days covered)")
    if "-v" in sys.argv:
        for (office, code), runs in sorted(found.items()):
            print(f"  {code} {office}: " + ", ".join(f"{a}..{b}" for a, b in runs))
    organisations = gaps(knowledge_base(None), ORGANISATION_SEATS)
    print(f"organisations: {len(ORGANISATION_SEATS)} seats, "
          f"{sum((b - a).days + 1 for r in organisations.values() for a, b in r)} days missing")
    for (office, code), runs in sorted(organisations.items()):
        print(f"  {code} {office}: " + ", ".join(f"{a}..{b}" for a, b in runs))


if __name__ == "__main__":
    main()
