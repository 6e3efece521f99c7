"""`Store`: the state database, all its parts behind one object."""

from __future__ import annotations

from pathlib import Path

from alerts.state.desk import Desk
from alerts.state.feeds import Feeds
from alerts.state.history import History
from alerts.state.items import Items
from alerts.state.outbox import Outbox
from alerts.state.schema import migrate
from alerts.state.stories import Stories
from alerts.state.summary import Summary
from alerts.state.upkeep import Upkeep


class Store(Feeds, Items, Stories, History, Outbox, Desk, Upkeep, Summary):
    """The state database. One Store per thread: sqlite3 connections must not be shared.
    Opening it brings its schema up to date."""

    def __init__(self, path: str | Path):
        super().__init__(path)
        migrate(self)
