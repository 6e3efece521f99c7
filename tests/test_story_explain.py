"""`alerts explain --state` and `alerts history` say which story took a report and why
(#16): how it joined (the same page, a re-post, event frames that agree on who and what),
the dates against the window, and whether the rule alerts for it (a copy of a status
already alerted, a development, or the first report). The real CLI as a subprocess, on a
state filled by a real poll of a loopback feed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from tests.conftest import run_cli, write_config
from tests.feeds import rss, rss_item


def _pub(moment: datetime) -> str:
    return format_datetime(moment, usegmt=True)


def _polled(tmp_path, feed_server, webhook):
    from alerts.rulepack import shipped_rules_dir
    from tests.servers import wait_for

    now = datetime.now(UTC)
    wire = feed_server.put("/wire.xml", rss(
        rss_item("Israel and Lebanon agree ceasefire", guid="1", link="https://afp.example/1",
                 pub=_pub(now - timedelta(hours=5))),
        rss_item("Lebanon signs truce deal", guid="2", link="https://nna.example/2",
                 pub=_pub(now - timedelta(hours=4))),
        rss_item("Le cessez-le-feu entre Israël et le Liban entre en vigueur", guid="3",
                 link="https://nna.example/3", pub=_pub(now - timedelta(hours=1)))))
    rule = (shipped_rules_dir() / "ceasefire-agreed.yaml").read_text("utf-8")
    config = write_config(tmp_path, feeds=[{"url": wire, "name": "Wire", "publisher": "Wire"}],
                          channels={"hook": webhook.url}, rules={"c.yaml": rule},
                          defaults={"backfill": True, "channels": ["hook"]})
    polled = run_cli("--config", str(config), "poll", "--once", cwd=tmp_path)
    assert polled.returncode == 0, polled.stdout + polled.stderr
    assert wait_for(lambda: len(webhook.received) == 2, timeout=10)  # agreed, took effect
    return config, wire, tmp_path / "state" / "alerts.db"


def _block(out: str, title: str) -> str:
    """The lines explain printed for one item."""
    start = out.index(f"Item: {title}")
    end = out.find("\nItem: ", start + 1)
    return out[start:end if end > 0 else None]


def test_explain_says_which_story_took_each_polled_report_and_why(tmp_path, feed_server,
                                                                  webhook):
    config, wire, db = _polled(tmp_path, feed_server, webhook)
    shown = run_cli("--config", str(config), "explain", "ceasefire-agreed", "--url", wire,
                    "--state", str(db), cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    first = _block(shown.stdout, "Israel and Lebanon agree ceasefire")
    assert "story: story-1 ('Israel and Lebanon agree ceasefire') took this report" in first
    assert "how: it is the first report of its event" in first
    copy = _block(shown.stdout, "Lebanon signs truce deal")
    assert "story: story-1 ('Israel and Lebanon agree ceasefire') took this report" in copy
    assert "how: joined by event: the same ceasefire event: LB among IL, LB" in copy
    assert "the story's event: ceasefire: IL, LB" in copy
    assert "this report's event: ceasefire: LB, agreed" in copy
    assert "dates: published " in copy and "the story's other 2 report(s) from " in copy
    assert "within 48 h of one another (publication times, never arrival)" in copy
    assert "ceasefire-agreed alerted in this story for: agreed -> took-effect" in copy
    later = _block(shown.stdout, "Le cessez-le-feu entre Israël et le Liban entre en vigueur")
    assert "how: joined by event: the same ceasefire event between IL, LB" in later


def test_explain_says_which_story_would_take_a_text_and_whether_it_alerts(
        tmp_path, feed_server, webhook):
    config, _, db = _polled(tmp_path, feed_server, webhook)
    today = datetime.now(UTC).strftime("%Y-%m-%d")

    def explain(text: str) -> str:
        shown = run_cli("--config", str(config), "explain", "ceasefire-agreed", "--text", text,
                        "--date", today, "--state", str(db), cwd=tmp_path)
        assert shown.returncode == 0, shown.stderr
        return shown.stdout

    copy = explain("Lebanon and Israel reach ceasefire agreement")
    assert "story: story-1 ('Israel and Lebanon agree ceasefire') would take this report" in copy
    assert "how: joined by event: the same ceasefire event between IL, LB" in copy
    assert "alert: none; a copy of 'agreed', already alerted: this report would be listed " \
           "among the story's sources" in copy
    other = explain("Pakistan and Afghanistan agree to ceasefire")
    assert "story: a new one. No story within 48 h of " in other
    assert "agrees with its event (ceasefire: AF, PK)" in other
    assert "ceasefire-agreed would alert for it as the first report of its event" in other


def test_history_says_per_report_how_it_joined_and_what_it_added(tmp_path, feed_server,
                                                                  webhook):
    config, _, _ = _polled(tmp_path, feed_server, webhook)
    shown = run_cli("--config", str(config), "history", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    out = shown.stdout
    assert "Wire: Lebanon signs truce deal  https://nna.example/2  [agreed; joined by event: " \
           "the same ceasefire event: LB among IL, LB; 1 h after the story's first report, " \
           "window 48 h; a copy of 'agreed': no alert]" in out
    assert "[took-effect; joined by event: the same ceasefire event between IL, LB; 4 h " \
           "after the story's first report, window 48 h; a development: alerted as a " \
           "follow-up]" in out
