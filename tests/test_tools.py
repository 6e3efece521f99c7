"""`alerts explain`, `alerts replay` and `alerts schema`, run as subprocesses."""

from __future__ import annotations

import json

from tests.conftest import CORPUS, run_cli
from tests.feeds import rss, rss_item

GAP_RULE = """\
id: first-contact
title: First contact after a long gap
match:
  all:
    - people: 2
    - events: [contact]
    - gap: {days: 180, key: people}
"""


def archive(tmp_path):
    """A feed file covering three years, out of order, with a repeated item."""
    items = [
        rss_item("Macron held talks with Putin by phone", guid="a", link="https://x.org/a",
                 pub="Sun, 11 Sep 2022 10:00:00 GMT"),
        rss_item("Macron held talks with Putin again", guid="c", link="https://x.org/c",
                 pub="Tue, 01 Jul 2025 14:05:00 GMT"),
        rss_item("Macron held talks with Putin in Moscow", guid="b", link="https://x.org/b",
                 pub="Mon, 10 Oct 2022 10:00:00 GMT"),
        rss_item("Markets rise", guid="d", pub="Tue, 01 Jul 2025 15:00:00 GMT"),
    ]
    path = tmp_path / "archive.xml"
    path.write_text(rss(*items), "utf-8")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "gap.yaml").write_text(GAP_RULE)
    return path, rules


def test_replay_processes_in_publication_order_and_prints_json(tmp_path):
    path, rules = archive(tmp_path)
    result = run_cli("replay", str(path), "--rules", str(rules), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    # 2022-09 starts the history, 2022-10 is too soon, 2025-07 is 995 days later.
    assert len(lines) == 1
    alert = lines[0]
    assert alert["rule"] == "first-contact" and alert["guid"] == "c"
    assert alert["link"] == "https://x.org/c" and alert["published"].startswith("2025-07-01")
    assert alert["feed"] == "Test Wire" and alert["story"].startswith("story-")
    assert "last on record for Emmanuel Macron and Vladimir Putin: 2022-10-10" in \
        alert["explanation"]
    assert "gap 995 days > 180" in alert["explanation"]
    assert "replayed 4 items from 1 feeds: 1 alerts" in result.stderr


def test_replay_state_builds_history_that_explain_then_uses(tmp_path):
    path, rules = archive(tmp_path)
    db = tmp_path / "history.db"
    text = run_cli("replay", str(path), "--rules", str(rules), "--state", str(db),
                   "--since", "2025-01-01", "--format", "text", cwd=tmp_path)
    assert text.returncode == 0, text.stderr
    assert "first-contact" in text.stdout and "Macron held talks with Putin again" in text.stdout
    explained = run_cli("explain", "first-contact", "--rules", str(rules), "--state", str(db),
                        "--text", "Macron held talks with Putin", cwd=tmp_path)
    assert explained.returncode == 0, explained.stderr
    out = explained.stdout
    # Undated text is judged as of today, against the history the replay stored.
    assert "first-contact: MATCH" in out
    assert "[yes] at least 2 known people" in out
    assert "'Macron' (Emmanuel Macron, President of France)" in out
    assert "last on record for Emmanuel Macron and Vladimir Putin: 2025-07-01" in out


def test_replay_since_reports_only_later_alerts(tmp_path):
    path, rules = archive(tmp_path)
    result = run_cli("replay", str(path), "--rules", str(rules), "--since", "2026-01-01",
                     cwd=tmp_path)
    assert result.returncode == 0 and result.stdout == ""


def test_explain_a_feed_file_item_by_item(tmp_path):
    path, _ = archive(tmp_path)
    result = run_cli("explain", "ceasefire-call", "--file", str(path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("ceasefire-call: no match") == 4
    # A miss names the part that failed: here, no ceasefire in the text at all.
    assert "[no ] event: type ceasefire; status called-for" in result.stdout
    assert "no ceasefire event in the text" in result.stdout
    # The frames found are shown anyway: the phone call, who called whom.
    assert "Emmanuel Macron (caller) with Vladimir Putin (called)" in result.stdout


def test_explain_text_with_the_shipped_pack(tmp_path):
    result = run_cli("explain", "ceasefire-call", "--text",
                     "Macron urges Putin to agree an immediate ceasefire", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "ceasefire-call: MATCH" in result.stdout
    # Explained by its frame: the event, its status and evidence, that it happened, who.
    out = result.stdout
    assert "matched because: ceasefire called-for: 'ceasefire'" in out
    assert "'urges (a demand)'" in out
    assert "happened (not planned, not denied), in the headline" in out
    assert "'Macron' (Emmanuel Macron, President of France)" in out


def test_explain_unknown_rule_and_missing_input(tmp_path):
    unknown = run_cli("explain", "nope", "--text", "x", cwd=tmp_path)
    assert unknown.returncode == 1 and "no rule with id 'nope'" in unknown.stderr
    assert "ceasefire-call" in unknown.stderr
    missing = run_cli("explain", "ceasefire-call", cwd=tmp_path)
    assert missing.returncode == 1 and "exactly one of" in missing.stderr


def test_schema_prints_json():
    result = run_cli("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout)["$defs"]["rule"]["required"] == ["id", "match"]


WSJ = CORPUS / "wsj-world-snapshots" / "items-2025-04-to-2026-02.jsonl"


def test_replay_reads_jsonl_archives(tmp_path):
    if not WSJ.exists():
        import pytest

        pytest.skip("shared corpus not present")
    result = run_cli("replay", str(WSJ), "--format", "json", cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    alerts = [json.loads(line) for line in result.stdout.splitlines()]
    assert "replayed 3540 items" in result.stderr
    assert alerts and all(a["guid"] and a["link"].startswith("https://") for a in alerts)
    published = [a["published"] for a in alerts]
    assert published == sorted(published)


def test_replay_stored_items_and_explain_a_url(tmp_path, feed_server, webhook):
    from tests.conftest import write_config

    url = feed_server.put("/f.xml", rss(
        rss_item("UN urges ceasefire in Sudan", guid="1", pub="Tue, 01 Jul 2025 10:00:00 GMT"),
        rss_item("Markets open higher", guid="2", pub="Tue, 01 Jul 2025 11:00:00 GMT")))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire"}],
                          channels={"hook": webhook.url})
    polled = run_cli("--config", str(config), "poll", "--once", cwd=tmp_path)
    assert polled.returncode == 0, polled.stderr
    assert webhook.received == []  # the first poll records the backlog without alerting
    replayed = run_cli("--config", str(config), "replay", "stored", cwd=tmp_path)
    assert replayed.returncode == 0, replayed.stderr
    (alert,) = [json.loads(line) for line in replayed.stdout.splitlines()]
    assert alert["rule"] == "ceasefire-call" and alert["guid"] == "1" and alert["feed"] == "Wire"
    same = run_cli("--config", str(config), "replay", "stored", "--state",
                   str(tmp_path / "state" / "alerts.db"), cwd=tmp_path)
    assert same.returncode == 1 and "--fresh" in same.stderr

    explained = run_cli("--config", str(config), "explain", "ceasefire-call", "--url", url,
                        cwd=tmp_path)
    assert explained.returncode == 0, explained.stderr
    assert "ceasefire-call: MATCH" in explained.stdout
    assert "ceasefire-call: no match" in explained.stdout
