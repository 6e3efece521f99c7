"""`alerts poll --once --feed NAME`: one feed now, whatever its backoff; the others wait."""

from __future__ import annotations

from tests.conftest import run_cli, write_config
from tests.feeds import rss, rss_item


def test_one_feed_now_whatever_its_backoff(tmp_path, feed_server, webhook):
    a = feed_server.put("/a.xml", "server error", status=500)
    b = feed_server.put("/b.xml", rss(rss_item("Markets open", guid="b0")))
    config = write_config(tmp_path, feeds=[{"url": a, "name": "A", "interval": 3600},
                                           {"url": b, "name": "B", "interval": 3600}],
                          channels={"hook": webhook.url})
    first = run_cli("--config", str(config), "poll", "--once")
    assert first.returncode == 3 and len(feed_server.statuses("/a.xml")) == 1, first.stdout
    feed_server.put("/a.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="a1")))
    # A is in backoff: a plain poll leaves it alone.
    run_cli("--config", str(config), "poll", "--once")
    assert len(feed_server.statuses("/a.xml")) == 1
    b_polls = len(feed_server.statuses("/b.xml"))
    named = run_cli("--config", str(config), "poll", "--once", "--feed", "A", "--backfill")
    assert named.returncode == 0, named.stdout + named.stderr
    assert len(feed_server.statuses("/a.xml")) == 2
    assert len(feed_server.statuses("/b.xml")) == b_polls  # only the feed asked for
    assert "alerts delivered: 1" in named.stdout
    unknown = run_cli("--config", str(config), "poll", "--once", "--feed", "Nope")
    assert unknown.returncode == 1 and "no feed named 'Nope'" in unknown.stderr
