"""The daemon's poll worker reads the user's knowledge folder, as the daemon does.

A feed's first poll is digested in alerts.pollworker's process; the people, aliases and
offices the user added (a `knowledge/` folder beside the rules, or the `knowledge` setting)
must be known there too, or a first poll would miss what the rules name from them (and
record no contact of such a person for later gaps). Real loopback feed, real worker process.
"""

from __future__ import annotations

import asyncio
import textwrap

from alerts.fetch import Fetcher
from alerts.models import Feed
from alerts.pollworker import PollWorker
from alerts.state import Store
from tests.feeds import rss, rss_item
from tests.test_pollworker import configured, poller_for, stored

DESK = """\
people:
  - id: jane-doe
    name: Jane Doe
    aliases: ["J. Doe"]
    roles:
      - {office: other, title: "Special Envoy of Ruritania", country: "RU-X",
         from: "2025-01-01", to: null}
"""
RULE = "id: doe\nnotify: [hook]\nmatch:\n  entities: [Jane Doe]\n"


def test_a_first_poll_in_the_worker_knows_the_users_people(tmp_path, feed_server):
    url = feed_server.put("/wire.xml", rss(
        rss_item("J. Doe arrives in Geneva for consultations", guid="doe",
                 link="https://wire.example.org/doe"),
        rss_item("Markets open higher", guid="m", link="https://wire.example.org/m")))
    runs = {}
    for name in ("here", "away"):
        folder = tmp_path / name / "knowledge"
        folder.mkdir(parents=True)
        (folder / "desk.yaml").write_text(textwrap.dedent(DESK), "utf-8")
        runs[name] = configured(tmp_path / name, url, rules={"doe.yaml": RULE})
    feed = Feed(url, "Wire", 60)

    async def go() -> PollWorker:
        (here_settings, here_rules), (away_settings, away_rules) = runs["here"], runs["away"]
        here_store, away_store = Store(here_settings.state_path), Store(away_settings.state_path)
        fetcher = Fetcher(here_settings.fetch)
        try:
            here = poller_for(here_settings, here_rules, here_store, fetcher)
            away = poller_for(away_settings, away_rules, away_store, fetcher)
            worker = PollWorker(lambda: (away_settings, away_rules, True), away.parse_memo,
                                away.digest, idle_seconds=60)
            away.offload = worker.digest
            try:
                await here.poll(feed)
                await away.poll(feed)
            finally:
                worker.close()
            return worker
        finally:
            await fetcher.aclose()
            here_store.close()
            away_store.close()

    worker = asyncio.run(go())
    assert worker.digested == 1
    here = stored(runs["here"][0].state_path)
    assert here["matches"] == [("g:doe", "doe")]
    assert stored(runs["away"][0].state_path) == here
