"""Look up the contacts of alerts/knowledge/data/contacts_public.yaml in the real-news corpora
of ../shared/corpus, read in place: for each contact whose days a corpus covers, the items
published from the day before it to three days after its last day that name both people (as
the analysis pass resolves names, aliases and offices on the item's date). Prints one line
per contact: CHECKED with the first such item, NOT REPORTED when the corpus covers the days
but no item names both, or nothing for contacts outside every corpus; then the counts the
file's header quotes.

    .venv/bin/python tests/tools/check_public_record.py [CORPUS]

A contact NOT REPORTED is not a wrong one (the outlets did not headline every meeting), and
an item CHECKED may preview or comment on the contact: read it before trusting it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from alerts.knowledge.public_record import PublicContact, public_record
from alerts.models import Item
from alerts.quality.real import DEFAULT_CORPUS, kremlin, rss2022, wsj, zelenskyy
from alerts.rules.context import MatchContext

# (reader, path in the corpus folder, first day, last day) of each corpus read
CORPORA: list[tuple[Callable[[Path], list[tuple[str, Item]]], str, date, date]] = [
    (wsj, "wsj-world-snapshots/items-2025-04-to-2026-02.jsonl", date(2025, 4, 19),
     date(2026, 2, 21)),
    (rss2022, "rss-link-database-2022", date(2022, 1, 1), date(2022, 8, 31)),
    (kremlin, "kremlin-zelenskyy-press-releases/putin.csv", date(2021, 10, 24),
     date(2022, 6, 24)),
    (zelenskyy, "kremlin-zelenskyy-press-releases/zelenskyy.csv", date(2021, 10, 25),
     date(2022, 6, 24)),
]


def _named(item: Item, cache: dict[int, set[str]]) -> set[str]:
    """The people the item names, resolved on its date by the analysis pass (by name, alias
    or office: "Syria's president" in May 2025 is al-Sharaa)."""
    if id(item) not in cache:
        ctx = MatchContext(item, now=item.published or datetime.now(UTC), history=None,
                           record=False, rule_id="check")
        cache[id(item)] = {m.entity.id for m in ctx.analysis().mentions}
    return cache[id(item)]


def check(corpus: Path) -> tuple[int, int, int]:
    record = public_record()
    contacts: list[PublicContact] = sorted(
        {c for found in record._pairs.values() for c in found}, key=lambda c: c.first)
    items: list[tuple[date, str, Item]] = []
    for reader, where, _, _ in CORPORA:
        path = corpus / where
        if not path.exists():
            print(f"{path} is absent: its days are not checked", file=sys.stderr)
            continue
        for item_id, item in reader(path):
            if item.published is not None:
                items.append((item.published.date(), item_id, item))
    covered = checked = 0
    cache: dict[int, set[str]] = {}
    for contact in contacts:
        if not any(low <= contact.first and contact.last <= high and (corpus / where).exists()
                   for _, where, low, high in CORPORA):
            continue
        covered += 1
        low, high = contact.first - timedelta(days=1), contact.last + timedelta(days=3)
        found = next((item_id for day, item_id, item in items if low <= day <= high
                      and set(contact.people) <= _named(item, cache)), None)
        what = f"{contact.first.isoformat()} {contact.people[0]} {contact.people[1]}"
        if found:
            checked += 1
            print(f"CHECKED       {what}: {found}")
        else:
            print(f"NOT REPORTED  {what}")
    print(f"{len(contacts)} contacts; {covered} in the days of a corpus; {checked} of them "
          "named there (both leaders within the day before to three days after)")
    return len(contacts), covered, checked


if __name__ == "__main__":
    check(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS)
