"""`alerts outbox`, `alerts outbox retry` and `alerts notify-test`, run as the real CLI."""

from __future__ import annotations

import json

import pytest

from tests.conftest import cli_env, run_cli, write_config
from tests.feeds import rss, rss_item
from tests.notify_support import HookReceiver, Reply

SECRET = "Sup3r-Secret-Token-Value-42"


@pytest.fixture
def hooks():
    servers = [HookReceiver() for _ in range(3)]
    yield servers
    for server in servers:
        server.close()


def test_outbox_lists_failed_and_dead_alerts_and_retry_requeues_them(tmp_path, feed_server,
                                                                     hooks):
    flaky, broken, fine = hooks
    flaky.default, broken.default = Reply(500), Reply(404)
    url = feed_server.put("/f.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="1")))
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire"}],
                          channels={"flaky": flaky.json_url, "broken": broken.json_url,
                                    "fine": fine.json_url})
    polled = run_cli("-c", str(config), "poll", "--once", "--backfill")
    assert polled.returncode == 3  # a delivery failed; the state is saved
    assert len(fine.received) == 1

    listing = run_cli("-c", str(config), "outbox")
    assert listing.returncode == 0, listing.stderr
    out = listing.stdout
    assert "failed   flaky" in out and "dead     broken" in out and "fine" not in out
    assert "last error: JSON #1: HTTP 500" in out
    assert "last error: JSON #1: HTTP 404" in out and "permanent" in out
    assert "1 failed, 1 dead. Send failed or dead ones again with `alerts outbox retry ID`" \
        in out
    rows = json.loads(run_cli("-c", str(config), "outbox", "--json").stdout)
    dead = next(r for r in rows if r["status"] == "dead")
    assert dead["channel"] == "broken" and dead["attempts"] == 1

    broken.default = Reply(200)
    retried = run_cli("-c", str(config), "outbox", "retry", str(dead["id"]))
    assert retried.returncode == 0, retried.stderr
    assert f"requeued 1 message (#{dead['id']})" in retried.stdout
    run_cli("-c", str(config), "poll", "--once")
    assert len(broken.received) == 1

    again = run_cli("-c", str(config), "outbox", "retry", str(dead["id"]), "999")
    assert again.returncode == 1
    assert f"#{dead['id']} was already sent" in again.stdout
    assert "#999 is not in the outbox" in again.stdout

    flaky.default = Reply(200)
    everything = run_cli("-c", str(config), "outbox", "retry", "--all")
    assert "requeued 1 message" in everything.stdout
    run_cli("-c", str(config), "poll", "--once")
    assert len(flaky.received) == 1
    assert "nothing pending, failed or dead" in run_cli("-c", str(config), "outbox").stdout


def test_notify_test_says_plainly_whether_the_message_arrived(tmp_path, hooks):
    good, bad, _ = hooks
    bad.default = Reply(401)
    config = write_config(tmp_path, feeds=[], channels={
        "chat": {"urls": [good.mattermost_url()], "format": "markdown"},
        "ops": f"{bad.json_url}/{SECRET}"})
    ok = run_cli("-c", str(config), "notify-test", "chat")
    assert ok.returncode == 0, ok.stderr
    assert "Mattermost #1: accepted it" in ok.stdout
    assert "The test message arrived at the service of channel 'chat'" in ok.stdout
    assert "Test message for channel 'chat'" in good.received[0].text

    failed = run_cli("-c", str(config), "notify-test", "ops")
    assert failed.returncode == 1
    assert "JSON #1: did NOT accept it: HTTP 401" in failed.stdout
    assert "The test message did NOT arrive at 1 of 1 service(s) of channel 'ops'" \
        in failed.stderr
    assert "Fix the URL, credentials or network" in failed.stderr
    assert SECRET not in failed.stdout + failed.stderr

    unknown = run_cli("-c", str(config), "notify-test", "pager")
    assert unknown.returncode == 1
    assert "there is no channel 'pager'; channels in the configuration: chat, ops" \
        in unknown.stderr


def test_secrets_stay_out_of_the_daemons_output_even_at_debug_level(tmp_path, feed_server):
    url = feed_server.put("/f.xml", rss(rss_item("UN urges ceasefire in Sudan", guid="1")))
    env = cli_env() | {"HOOK_TOKEN": SECRET}
    config = write_config(tmp_path, feeds=[{"url": url}], channels={
        "hook": "json://127.0.0.1:9/hooks/${HOOK_TOKEN}?+X-Api-Key=${HOOK_TOKEN}"})
    result = run_cli("-c", str(config), "--log-level", "debug", "poll", "--once",
                     "--backfill", env=env)
    assert result.returncode == 3
    assert "channel 'hook'" in result.stderr
    assert SECRET not in result.stdout + result.stderr
    listing = run_cli("-c", str(config), "outbox", env=env)
    assert "last error:" in listing.stdout and SECRET not in listing.stdout
