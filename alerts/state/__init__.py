"""Everything stored in SQLite: every SQL statement of the program lives in this package.

`Store` is the one entry point; each part is a small module over the same connection:

- `db`: the connection and its write transaction (BEGIN IMMEDIATE, nested blocks join), the bottom
- `schema`: the named migrations, applied when a Store opens (`rekey`: one of them, shared)
- `feeds`: validators, health, the poll log; `items`: items, matches and a poll's one transaction
- `stories`, `history`, `outbox`, `desk` (feedback, mutes), `upkeep` (pruning, clock steps),
  `summary` (whole tables and counts)
- `integrity`: quick_check, recovery advice and backups, on the file rather than a Store
"""

from alerts.state.feeds import FeedHealth
from alerts.state.integrity import (
    backup,
    ensure_intact,
    integrity_problems,
    is_damage,
    recovery_advice,
)
from alerts.state.items import KnownItem, QueuedAlert, last_seen_due
from alerts.state.outbox import SHOWN_STATUS
from alerts.state.schema import migrations
from alerts.state.store import Store

__all__ = ["SHOWN_STATUS", "FeedHealth", "KnownItem", "QueuedAlert", "Store", "backup",
           "ensure_intact", "integrity_problems", "is_damage", "last_seen_due", "migrations",
           "recovery_advice"]
