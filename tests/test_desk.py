"""The desk: `alerts feedback`, `alerts quality`, `alerts mute` / `unmute`, end to end through
the CLI against the loopback feed server, a webhook receiver and a real state file."""

from __future__ import annotations

import sqlite3

from alerts.state.texts import SUPPRESSED
from tests.conftest import run_cli, write_config
from tests.feeds import rss, rss_item
from tests.servers import wait_for

FOLLOWED = """\
id: ceasefire-call
title: Someone calls for a ceasefire
severity: high
updates: true
match:
  all:
    - terms: [ceasefire, truce]
    - terms: ["call* for", urge*]
"""


def _alert_ids(config) -> dict[str, str]:
    state = config.parent / "state" / "alerts.db"
    rows = sqlite3.connect(state).execute(
        "SELECT o.alert_id, i.title FROM outbox o JOIN matches m ON m.id = o.match_id "
        "JOIN items i ON i.id = m.item_id WHERE o.kind = 'alert'").fetchall()
    return {title: alert_id for alert_id, title in rows}


def test_feedback_quality_and_export_to_examples(tmp_path, feed_server, webhook):
    url = feed_server.put("/f.xml", rss(
        rss_item("UN urges ceasefire in Sudan", guid="1"),
        rss_item("Price war: airlines urge a truce on fares", guid="2"),
        rss_item("Markets open higher", guid="3")))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire"}],
                          channels={"hook": webhook.url})
    assert run_cli("--config", str(config), "poll", "--once", "--backfill").returncode == 0
    ids = _alert_ids(config)
    assert set(ids) == {"UN urges ceasefire in Sudan", "Price war: airlines urge a truce on fares"}
    wrong = run_cli("--config", str(config), "feedback",
                    ids["Price war: airlines urge a truce on fares"], "wrong",
                    "--note", "a price war is no war")
    assert wrong.returncode == 0, wrong.stderr
    assert "recorded" in wrong.stdout and "ceasefire-call" in wrong.stdout
    right = run_cli("--config", str(config), "feedback", ids["UN urges ceasefire in Sudan"],
                    "right")
    assert right.returncode == 0, right.stderr
    table = run_cli("--config", str(config), "quality").stdout
    row = next(line for line in table.splitlines() if line.startswith("ceasefire-call"))
    assert row.split()[1:5] == ["2", "1", "1", "0.50"]
    changed = run_cli("--config", str(config), "feedback", ids["UN urges ceasefire in Sudan"],
                      "wrong")
    assert "changed" in changed.stdout
    assert run_cli("--config", str(config), "quality").stdout.count(" 0.00 ") >= 1
    unknown = run_cli("--config", str(config), "feedback", "nope123", "wrong")
    assert unknown.returncode == 1 and "no alert with the id" in unknown.stderr

    exported = run_cli("--config", str(config), "feedback", "--export")
    assert exported.returncode == 0, exported.stderr
    out = exported.stdout
    assert "# ceasefire-call" in out and "paste under examples: no_match" in out
    assert '- "Price war: airlines urge a truce on fares"  # a price war is no war' in out
    # Pasted into the rule, the judgement is checked by `alerts check` from then on.
    entries = [line for line in exported.stdout.splitlines() if line.startswith("- ")]
    rule = tmp_path / "rules" / "ceasefire.yaml"
    rule.write_text(rule.read_text() + "examples:\n  no_match:\n"
                    + "".join(f"    {e}\n" for e in entries))
    checked = run_cli("--config", str(config), "check")
    assert checked.returncode == 2
    assert "matches this example but should not" in checked.stderr
    assert "Price war" in checked.stderr


def test_a_muted_story_gets_no_follow_up_and_unmute_restores_it(tmp_path, feed_server, webhook):
    first = feed_server.put("/a.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="a1",
                                                   link="https://a.example/sudan")))
    second = feed_server.put("/b.xml", rss(rss_item("Markets open", guid="b0")))
    config = write_config(tmp_path, feeds=[{"url": first, "name": "A", "publisher": "A"},
                                           {"url": second, "name": "B", "publisher": "B"}],
                          channels={"hook": webhook.url}, rules={"c.yaml": FOLLOWED})
    assert run_cli("--config", str(config), "poll", "--once", "--backfill").returncode == 0
    assert wait_for(lambda: len(webhook.received) == 1, timeout=10)
    story = sqlite3.connect(config.parent / "state" / "alerts.db").execute(
        "SELECT id FROM stories").fetchone()[0]
    muted = run_cli("--config", str(config), "mute", f"story-{story}", "--for", "3d")
    assert muted.returncode == 0 and "muted story-" in muted.stdout, muted.stderr
    listed = run_cli("--config", str(config), "mute", "--list").stdout
    assert f"story-{story}" in listed and "until" in listed
    # Another outlet reports the same story: a follow-up, which the mute silences.
    feed_server.put("/b.xml", rss(rss_item("Markets open", guid="b0"),
                                  rss_item("UN urges ceasefire in Sudan", guid="b1",
                                           link="https://b.example/sudan")))
    assert run_cli("--config", str(config), "poll", "--once").returncode == 0
    assert len(webhook.received) == 1
    db = sqlite3.connect(config.parent / "state" / "alerts.db")
    suppressed = db.execute(f"SELECT {SUPPRESSED} FROM matches m WHERE story_id = ? "
                            "AND alerted = 0", (story,)).fetchall()
    assert suppressed and "muted (story-" in suppressed[0][0]
    assert run_cli("--config", str(config), "unmute", f"story-{story}").stdout.startswith(
        "unmuted")
    assert "nothing is muted" in run_cli("--config", str(config), "mute", "--list").stdout
    feed_server.put("/a.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="a1",
                                           link="https://a.example/sudan"),
                                  rss_item("UN urges ceasefire in Sudan", guid="a2",
                                           link="https://a.example/sudan-2")))
    assert run_cli("--config", str(config), "poll", "--once").returncode == 0
    assert wait_for(lambda: len(webhook.received) == 2, timeout=10)


def test_a_muted_rule_keeps_its_history(tmp_path, feed_server, webhook):
    gap_rule = ("id: talks\ntitle: Talks\nseverity: high\nmatch:\n  all:\n"
                "    - entities: [Macron, Putin]\n    - gap: {days: 30, key: people}\n")
    url = feed_server.put("/f.xml", rss(rss_item("Macron and Putin speak by phone", guid="1")))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire"}],
                          channels={"hook": webhook.url},
                          rules={"c.yaml": FOLLOWED, "t.yaml": gap_rule})
    assert run_cli("--config", str(config), "mute", "ceasefire-call").returncode == 0
    assert run_cli("--config", str(config), "mute", "talks", "--for", "1h").returncode == 0
    bad = run_cli("--config", str(config), "mute", "no-such-rule")
    assert bad.returncode == 1 and "no rule 'no-such-rule'" in bad.stderr
    bad = run_cli("--config", str(config), "mute", "talks", "--for", "soon")
    assert bad.returncode == 1 and "not a duration" in bad.stderr
    feed_server.put("/f.xml", rss(rss_item("Macron and Putin speak by phone", guid="1"),
                                  rss_item("UN urges ceasefire in Sudan", guid="2")))
    assert run_cli("--config", str(config), "poll", "--once", "--backfill").returncode == 0
    db = sqlite3.connect(config.parent / "state" / "alerts.db")
    assert db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
    assert db.execute(f"SELECT count(*) FROM matches m WHERE {SUPPRESSED} "
                      "LIKE 'muted (ceasefire-call%'").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM history WHERE key LIKE '%macron%'").fetchone()[0] == 1
    run_cli("--config", str(config), "unmute", "ceasefire-call")
    feed_server.put("/f.xml", rss(rss_item("UN urges ceasefire in Gaza", guid="3")))
    assert run_cli("--config", str(config), "poll", "--once").returncode == 0
    assert wait_for(lambda: len(webhook.received) == 1, timeout=10)
