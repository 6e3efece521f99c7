"""A report published before the story's first report can arrive after it (feeds are polled
together, a slow outlet, `--backfill`): `alerts history` measures its time from the report
that opened the story, before or after, and says it added no alert; `alerts explain
--state` says, for a polled report, what the rule did with it as recorded: the story's
alert, a follow-up, or none and why (#16). The real CLI as a subprocess, on a state filled
by two real polls of a loopback feed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from tests.conftest import run_cli, write_config
from tests.feeds import rss, rss_item

COLLAPSE = "Peace talks between Russia and Ukraine collapse"
COPY = "Talks between Russia and Ukraine broke down, negotiators say"


def _pub(moment: datetime) -> str:
    return format_datetime(moment, usegmt=True)


def _block(out: str, title: str) -> str:
    start = out.index(f"Item: {title}")
    end = out.find("\nItem: ", start + 1)
    return out[start:end if end > 0 else None]


def test_a_late_report_of_an_earlier_stage_is_placed_before_and_adds_no_alert(
        tmp_path, feed_server, webhook):
    from alerts.rulepack import shipped_rules_dir
    from tests.servers import wait_for

    now = datetime.now(UTC)
    collapse = rss_item(COLLAPSE, guid="2", link="https://kyiv.example/2",
                        pub=_pub(now - timedelta(hours=2)))
    copy = rss_item(COPY, guid="3", link="https://afp.example/3",
                    pub=_pub(now - timedelta(hours=1)))
    wire = feed_server.put("/wire.xml", rss(collapse))
    rule = (shipped_rules_dir() / "peace-talks.yaml").read_text("utf-8")
    config = write_config(tmp_path, feeds=[{"url": wire, "name": "Wire", "publisher": "Wire"}],
                          channels={"hook": webhook.url}, rules={"t.yaml": rule},
                          defaults={"backfill": True, "channels": ["hook"]})
    first = run_cli("--config", str(config), "poll", "--once", cwd=tmp_path)
    assert first.returncode == 0, first.stdout + first.stderr
    # Then the older report of the start of the talks arrives, and a copy of the collapse.
    begin = rss_item("Russia and Ukraine begin peace talks in Istanbul", guid="1",
                     link="https://tass.example/1", pub=_pub(now - timedelta(hours=28)))
    feed_server.put("/wire.xml", rss(collapse, begin, copy))
    second = run_cli("--config", str(config), "poll", "--once", cwd=tmp_path)
    assert second.returncode == 0, second.stdout + second.stderr
    assert wait_for(lambda: len(webhook.received) >= 1, timeout=10)

    shown = run_cli("--config", str(config), "history", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    out = shown.stdout
    assert "developments: collapse (" in out and "begin (" not in out
    assert f"Wire: {COLLAPSE}  https://kyiv.example/2  [collapse; first report; alerted]" in out
    line = next(x for x in out.splitlines() if "tass.example/1" in x)
    assert "[begin; joined by event: the same peace-talks event between RU, UA; 26 h before " \
           "the story's first report, window 48 h; no alert; the story alerted for " \
           "collapse]" in line
    line = next(x for x in out.splitlines() if "afp.example/3" in x)
    assert "1 h after the story's first report" in line and "a copy of 'collapse'" in line

    db = tmp_path / "state" / "alerts.db"
    explained = run_cli("--config", str(config), "explain", "peace-talks", "--url", wire,
                        "--state", str(db), cwd=tmp_path)
    assert explained.returncode == 0, explained.stderr
    out = explained.stdout
    assert "alert: this report raised the story's alert for peace-talks" in _block(out,
                                                                                  COLLAPSE)
    late = _block(out, "Russia and Ukraine begin peace talks in Istanbul")
    assert "took this report when it was polled" in late
    assert "alert: none; already alerted for story-1" in late
    assert "alert: none; already alerted for story-1" in _block(out, COPY)
    assert "(a copy of 'collapse')" in _block(out, COPY)


def test_history_gives_the_window_of_the_rule_that_alerted(tmp_path, feed_server, webhook):
    """A rule's own `story: {window: 72h}` is the window its stories were grouped in."""
    from alerts.rulepack import shipped_rules_dir
    from tests.servers import wait_for

    now = datetime.now(UTC)
    wire = feed_server.put("/wire.xml", rss(
        rss_item(COLLAPSE, guid="2", link="https://kyiv.example/2",
                 pub=_pub(now - timedelta(hours=2))),
        rss_item(COPY, guid="3", link="https://afp.example/3",
                 pub=_pub(now - timedelta(hours=1)))))
    rule = (shipped_rules_dir() / "peace-talks.yaml").read_text("utf-8")
    config = write_config(tmp_path, feeds=[{"url": wire, "name": "Wire", "publisher": "Wire"}],
                          channels={"hook": webhook.url},
                          rules={"t.yaml": rule + "story: {window: 72h}\n"},
                          defaults={"backfill": True, "channels": ["hook"]})
    polled = run_cli("--config", str(config), "poll", "--once", cwd=tmp_path)
    assert polled.returncode == 0, polled.stdout + polled.stderr
    assert wait_for(lambda: len(webhook.received) == 1, timeout=10)
    shown = run_cli("--config", str(config), "history", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    line = next(x for x in shown.stdout.splitlines() if "afp.example/3" in x)
    assert "1 h after the story's first report, window 3 days; a copy of 'collapse'" in line
