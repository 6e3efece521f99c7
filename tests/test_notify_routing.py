"""Routing by rule, severity and tags; channel settings checked with file:line; follow-ups
through the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from alerts.config import load_settings
from alerts.errors import ConfigError
from alerts.models import Feed
from alerts.routing import Composer, Route, channels_for
from alerts.rules import RuleSet, load_rules
from alerts.state import Store
from tests.conftest import poll_once, query, run_cli, write_config
from tests.feeds import rss, rss_item

ROUTES = (
    Route(channels=("chat", "email"), severity=("critical",)),
    Route(channels=("daily",), severity=("low", "info")),
    Route(channels=("desk",), tags=("sanctions",)),
    Route(channels=("chat",), min_severity="high", rules=("embassy",)),
)


@pytest.mark.parametrize("severity,rule_id,own,tags,expected", [
    ("critical", "r", (), (), ("chat", "email")),
    ("low", "r", (), (), ("daily",)),  # low goes to the daily digest only
    ("medium", "r", (), (), ("email",)),  # no route: defaults
    ("medium", "r", (), ("sanctions",), ("desk",)),
    ("critical", "r", ("pager",), ("sanctions",), ("pager", "chat", "email", "desk")),
    ("high", "embassy", (), (), ("chat",)),
    ("medium", "embassy", (), (), ("email",)),
])
def test_routes_add_channels_by_severity_tags_and_rule(severity, rule_id, own, tags, expected):
    assert channels_for(severity, rule_id, own, tags, ROUTES, ("email",)) == expected


def test_channel_settings_are_read_and_checked_with_lines(tmp_path):
    config = write_config(
        tmp_path, feeds=[], channels={
            "chat": {"urls": ["json://127.0.0.1:9/x"], "format": "markdown",
                     "rate_limit": {"count": 20, "per": "1m", "excess": "digest"}},
            "daily": {"urls": ["json://127.0.0.1:9/y"], "format": "html",
                      "digest": {"at": ["08:00", "18:00"]}, "timezone": "Europe/Paris",
                      "quiet_hours": {"from": "22:00", "to": "07:00", "urgent": "high"}}},
        routes=[{"severity": "low", "channels": ["daily"]}])
    # An unquoted 18:00 is the base-60 number 1080 to YAML 1.1: still read as a time.
    config.write_text(config.read_text().replace("'18:00'", "18:00"))
    settings = load_settings(config)
    daily = settings.channels["daily"]
    assert daily.style.format == "html"
    assert [t.strftime("%H:%M") for t in daily.policy.digest.at] == ["08:00", "18:00"]
    assert daily.policy.quiet.timezone == "Europe/Paris" and daily.policy.quiet.urgent == "high"
    assert settings.channels["chat"].policy.rate.per == 60
    assert settings.routes == (Route(channels=("daily",), severity=("low",)),)

    config.write_text(config.read_text().replace("format: html", "format: pdf"))
    with pytest.raises(ConfigError) as exc:
        load_settings(config)
    line = next(i for i, text in enumerate(config.read_text().splitlines(), 1)
                if "format: pdf" in text)
    assert [str(p) for p in exc.value.problems] == [
        f"{config}:{line}: at 'channels.daily.format': 'pdf' is not one of "
        "['text', 'markdown', 'html']"]


def test_route_and_fallback_channels_must_exist(tmp_path):
    config = write_config(tmp_path, feeds=[], channels={"chat": "json://127.0.0.1:9/x"},
                          routes=[{"min_severity": "high", "channels": ["pager"]}])
    config.write_text(config.read_text().replace("notify:\n", "notify:\n  fallback: ops\n  "
                                                 "timezone: Mars/Olympus\n"))
    result = run_cli("--config", str(config), "check")
    assert result.returncode == 2
    lines = config.read_text().splitlines()
    pager = next(i for i, line in enumerate(lines, 1) if "pager" in line)
    fallback = next(i for i, line in enumerate(lines, 1) if "fallback" in line)
    zone = next(i for i, line in enumerate(lines, 1) if "timezone" in line)
    assert f"{config}:{pager}: route 1 sends to channel 'pager', which is not defined" \
        in result.stderr
    assert f"{config}:{fallback}: fallback channel 'ops' is not defined" in result.stderr
    assert f"{config}:{zone}: unknown time zone 'Mars/Olympus'" in result.stderr


def test_digest_needs_every_or_at_and_quiet_hours_need_times(tmp_path):
    config = write_config(tmp_path, feeds=[], channels={
        "a": {"urls": ["json://127.0.0.1:9/x"], "digest": {"every": "30m", "at": ["08:00"]}},
        "b": {"urls": ["json://127.0.0.1:9/x"], "quiet_hours": {"from": "25:00", "to": "7"}}})
    with pytest.raises(ConfigError) as exc:
        load_settings(config)
    text = str(exc.value)
    assert "channel 'a': a digest needs either 'every'" in text
    assert "channel 'b': quiet hours need 'from' and 'to' times of day" in text


def test_a_broken_template_fails_check_with_what_to_fix(tmp_path):
    (tmp_path / "mine.md.j2").write_text("{% for s in sources %}{{ s.link | link }}\n")
    config = write_config(tmp_path, feeds=[], channels={
        "chat": {"urls": ["json://127.0.0.1:9/x"], "format": "markdown",
                 "template": "mine.md.j2"}})
    result = run_cli("--config", str(config), "check")
    assert result.returncode == 2
    assert f"channel 'chat': alert template {tmp_path / 'mine.md.j2'}:1: Unexpected end of " \
        "template" in result.stderr
    assert "fix the template" in result.stderr


def test_rule_updates_key_must_be_a_boolean(tmp_path):
    config = write_config(tmp_path, feeds=[], channels={"chat": "json://127.0.0.1:9/x"},
                          rules={"r.yaml": "id: r\nupdates: yes\nmatch: {terms: [x]}\n"})
    result = run_cli("--config", str(config), "check")
    assert result.returncode == 2
    assert f"{tmp_path / 'rules' / 'r.yaml'}:2: 'updates' must be true or false" in result.stderr


# -- through the real pipeline ----------------------------------------------------------------

RULES = {
    "ceasefire.yaml": "id: ceasefire-call\ntitle: Someone calls for a ceasefire\n"
                      "severity: high\nupdates: true\ntags: [conflict]\n"
                      "match: {all: [{terms: [ceasefire, truce]}, {terms: [urge*]}]}\n",
    "talks.yaml": "id: talks\ntitle: Talks\nseverity: low\n"
                  "match: {terms: [talks]}\n",
}


def poll(db: Path, url: str, settings, backfill: bool = False):
    rules = RuleSet(load_rules(settings.rule_paths, set(settings.channels),
                               settings.default_channels), settings.default_channels)

    return poll_once(db, Feed(url, "Wire", 60), rules, force_backfill=backfill,
                     composer=Composer.from_settings(settings))


def outbox(db: Path) -> list[tuple]:
    """channel, kind, alert_id, thread_id, format and title of every row, the title as the
    store reads it (a default alert title is made again from its facts)."""
    rows = query(db, "SELECT id, channel, kind, alert_id, thread_id, format FROM outbox "
                     "ORDER BY id")
    store = Store(db)
    try:
        titles = {row.id: row.title for row in store.outbox_rows([r[0] for r in rows])}
    finally:
        store.close()
    return [(*row[1:], titles[row[0]]) for row in rows]


def test_pipeline_routes_renders_per_channel_and_threads_follow_ups(tmp_path, feed_server):
    url = feed_server.put("/f.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="1"),
                                        rss_item("Peace talks resume", guid="2")))
    config = write_config(
        tmp_path, feeds=[{"url": url}], rules=RULES,
        channels={"email": "json://127.0.0.1:9/e", "chat": {"urls": ["json://127.0.0.1:9/c"],
                                                            "format": "markdown"},
                  "daily": {"urls": ["json://127.0.0.1:9/d"], "digest": {"every": "1d"}}},
        routes=[{"tags": ["conflict"], "channels": ["chat"]},
                {"severity": ["low", "info"], "channels": ["daily"]}])
    config.write_text(config.read_text().replace("channels:\n  - chat\n  - daily\n  - email",
                                                 "channels: [email]"))
    settings = load_settings(config)
    assert settings.default_channels == ("email",)
    db = tmp_path / "state.db"
    result = poll(db, url, settings, backfill=True)
    # The ceasefire rule is tagged conflict: chat (a route matched, so not the defaults);
    # the low "talks" rule: the daily digest only.
    assert result.alerts_queued == 2
    rows = outbox(db)
    assert [(r[0], r[1], r[4]) for r in rows] == [("chat", "alert", "markdown"),
                                                   ("daily", "alert", "text")]
    first_id = rows[0][2]

    # The same GUID edited: the ceasefire rule asks for updates, the talks rule does not.
    feed_server.put("/f.xml", rss(rss_item("UN urges ceasefire in Sudan as army pauses",
                                           guid="1"),
                                  rss_item("Peace talks resume in Geneva", guid="2")))
    result = poll(db, url, settings)
    assert result.alerts_queued == 1
    update = outbox(db)[-1]
    assert update[:2] == ("chat", "update") and update[3] == first_id
    assert update[2].startswith(first_id + "-") and update[5].startswith("Update: [high]")
