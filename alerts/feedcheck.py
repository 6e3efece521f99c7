"""`alerts check`: feeds whose address the fetcher's guard will refuse, said before any poll."""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

from alerts.config import Settings
from alerts.errors import FeedError
from alerts.netguard import AddressPolicy

RESOLVE_BUDGET = 5.0  # seconds for every host together; a slow resolver makes no warning


async def _refused(settings: Settings) -> list[str]:
    policy = AddressPolicy(settings.fetch.allow_networks)

    async def one(name: str, url: str) -> str | None:
        parts = urlsplit(url)
        if not parts.hostname:
            return None
        try:
            await policy.resolve(parts.hostname, parts.port or 443)  # checks every address
        except FeedError as exc:
            if exc.kind != "blocked-address":
                return None  # unresolvable now: the poll will say so; not the guard's doing
            return f"{settings.path}: feed '{name}' will never be fetched: {exc}"
        return None

    tasks = [asyncio.ensure_future(one(feed.name, feed.url)) for feed in settings.feeds]
    if not tasks:
        return []
    done, pending = await asyncio.wait(tasks, timeout=RESOLVE_BUDGET)
    for task in pending:
        task.cancel()
    return [w for t in tasks if t in done and (w := t.result()) is not None]


def refused_feed_warnings(settings: Settings) -> list[str]:
    return asyncio.run(_refused(settings))
