"""Bad text, absurd dates, broken keys and non-feeds, through the real pipeline.

What a notification shows is what render() put in the outbox; these tests read it there (and,
once, from a webhook after a real delivery through Apprise).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from alerts.config import FetchSettings
from alerts.models import Feed, PollResult
from alerts.rules import RuleSet, load_rules
from alerts.state.compact import iso
from tests.conftest import (
    CEASEFIRE_RULE,
    outbox_messages,
    poll_once,
    query,
    run_cli,
    write_config,
)
from tests.feeds import rss, rss_item

LOOPBACK = ("127.0.0.0/8",)


def poll_feed(db: Path, url: str, *, backfill: bool = True, max_entries: int = 500,
              max_bytes: int = 10 * 2**20) -> PollResult:
    """One real poll: loopback HTTP, the parse worker, SQLite, the ceasefire rule."""
    folder = db.parent / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "ceasefire.yaml").write_text(CEASEFIRE_RULE)
    rules = RuleSet(load_rules([folder], {"chat"}, ("chat",)), ("chat",))

    return poll_once(db, Feed(url, "Wire", 60), rules,
                     fetch=FetchSettings(timeout=5, max_bytes=max_bytes,
                                         allow_networks=LOOPBACK),
                     max_entries=max_entries, force_backfill=backfill)


def outbox(db: Path) -> list[tuple[str, str]]:
    return [(m.title, m.body) for m in outbox_messages(db)]  # as they are sent


def rows(db: Path, sql: str) -> list[tuple]:
    return query(db, sql)


# -- bad text ----------------------------------------------------------------------------------

HOSTILE_SUMMARY = (
    '<p>UN <b>urges</b> a ceasefire.</p>'
    '<img src="https://track.example/pixel.gif?u=42" width="1" height="1">'
    '<form action="https://evil.example/login"><input name="password" value="hunter2">'
    '<button>Sign in</button></form>'
    '<script>steal(document.cookie)</script><style>p{}</style>'
    '<iframe src="javascript:alert(1)"></iframe>'
    '<a href="javascript:alert(2)" onclick="evil()">details</a>'
    '<svg onload="alert(3)"><text>svgtext</text></svg>'
)


def hostile_feed() -> bytes:
    items = [
        # Escaped markup in a plain-text title, a terminal escape, NUL as a character
        # reference, a bidi override and a header-injection attempt.
        ("<item><title>&lt;b&gt;UN&lt;/b&gt; urges ceasefire &lt;script&gt;alert(1)"
         "&lt;/script&gt; \x1b[31mred&#0;\u202etxt.exe\r\nBcc: victim@example.org</title>"
         "<link>javascript:alert(document.domain)</link><guid>t1</guid>"
         f"<description><![CDATA[{HOSTILE_SUMMARY}]]></description></item>"),
        ("<item><title>Envoys urge ceasefire\x07\x08 \u200b\u2066now\u2069</title>"
         "<link>data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==</link>"
         "<guid>t2</guid><description>&lt;img src=x onerror=alert(1)&gt;Plain</description>"
         "</item>"),
        ("<item><title>Leaders urge ceasefire</title>"
         "<link>https://news.example.org/a\u202egnp.exe?utm_source=rss&amp;id=3</link>"
         "<guid>t3</guid><description>ok</description></item>"),
    ]
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            "<title>Wire</title><link>https://news.example.org/</link>"
            + "".join(items) + "</channel></rss>").encode("utf-8")


FORBIDDEN = ("<script", "<img", "<form", "<iframe", "<svg", "<style", "onclick", "onerror",
             "javascript:", "data:", "pixel.gif", "evil.example", "hunter2", "steal(",
             "alert(", "Sign in", "svgtext")


def assert_clean(text: str, *, newlines: bool) -> None:
    for ch in text:
        if ch == "\n" and newlines:
            continue
        assert unicodedata.category(ch)[0] != "C", f"{ch!r} in {text!r}"
    for bad in FORBIDDEN:
        assert bad not in text, f"{bad!r} in {text!r}"


def test_no_markup_control_character_or_script_link_reaches_a_notification(tmp_path,
                                                                           feed_server):
    url = feed_server.put("/f.xml", hostile_feed())
    db = tmp_path / "state.db"
    result = poll_feed(db, url)
    assert result.status == "new" and result.alerts_queued == 3  # every item still alerts
    messages = outbox(db)
    for title, body in messages:
        assert_clean(title, newlines=False)  # a subject line: one line, no injected headers
        assert_clean(body, newlines=True)
    first_title, first_body = messages[0]
    assert "UN urges ceasefire" in first_title and "Bcc: victim" in first_title
    assert "UN urges a ceasefire. details" in first_body
    links = [r[0] for r in rows(db, "SELECT link FROM items ORDER BY id")]
    assert links == [None, None, "https://news.example.org/a%E2%80%AEgnp.exe?id=3"]


def test_hostile_text_is_clean_after_a_real_delivery(tmp_path, feed_server, webhook):
    url = feed_server.put("/f.xml", hostile_feed())
    config = write_config(tmp_path, feeds=[{"url": url, "name": "Wire"}],
                          channels={"hook": webhook.url})
    proc = run_cli("-c", str(config), "poll", "--once", "--backfill")
    assert proc.returncode == 0, proc.stderr
    assert len(webhook.received) == 3
    for message in webhook.received:
        assert_clean(message["title"], newlines=False)
        assert_clean(message["message"], newlines=True)


def test_soft_hyphens_do_not_split_words_for_rules(tmp_path, feed_server):
    url = feed_server.put("/f.xml", rss(rss_item("UN urges cease\u00adfire", guid="1")))
    db = tmp_path / "state.db"
    assert poll_feed(db, url).alerts_queued == 1


# -- absurd dates ------------------------------------------------------------------------------

ABSURD_DATES = [
    "Sat, 01 Jan 0000 00:00:00 GMT", "0000-00-00T00:00:00Z", "Fri, 31 Dec 9999 23:59:59 GMT",
    "Mon, 01 Jan 2150 00:00:00 GMT", "Fri, 30 Feb 2024 10:00:00 GMT", "yesterday-ish",
    "1 janvier 2025", "", "Thu, 01 Jan 1970 00:00:00 GMT",
]


def test_absurd_dates_never_hide_an_item_new_is_decided_by_key(tmp_path, feed_server):
    items = [rss_item(f"UN urges ceasefire in Zone{i}", guid=f"d{i}", pub=pub)
             for i, pub in enumerate(ABSURD_DATES)]
    url = feed_server.put("/f.xml", rss(*items))
    db = tmp_path / "state.db"
    result = poll_feed(db, url)
    assert result.new_items == len(ABSURD_DATES)
    assert result.alerts_queued == len(ABSURD_DATES)  # each alerts, once
    published = [(iso(p),) for (p,) in rows(db, "SELECT published FROM items")]  # stored as µs
    assert all(p is None or p[0] is None or p[0][:4] in ("2024", "2025") for p in published)

    # Same items in another order, plus one with an old date: only that one is new.
    late = rss_item("Envoy urges ceasefire again", guid="late",
                    pub="Mon, 01 Jan 1990 00:00:00 GMT")
    feed_server.put("/f.xml", rss(late, *reversed(items)))
    result = poll_feed(db, url)
    assert (result.new_items, result.alerts_queued) == (1, 1)
    assert len(outbox(db)) == len(ABSURD_DATES) + 1


# -- keys --------------------------------------------------------------------------------------

def test_missing_blank_and_duplicate_guids_never_merge_items(tmp_path, feed_server):
    items = [
        rss_item("UN urges ceasefire in ZoneA", guid="same", link="https://x.org/a"),
        rss_item("UN urges ceasefire in ZoneB", guid="same", link="https://x.org/b"),
        rss_item("UN urges ceasefire in ZoneC", guid="", link="https://x.org/c"),
        rss_item("UN urges ceasefire in ZoneC", guid=" ", link="https://x.org/c2"),
        rss_item("UN urges ceasefire in ZoneD", link="https://x.org/d"),
        rss_item("UN urges ceasefire in ZoneD, updated", link="https://x.org/d"),  # same link
        rss_item("UN urges ceasefire in ZoneE"),  # neither GUID nor link
        rss_item("UN urges ceasefire in ZoneF"),
        rss_item("UN urges ceasefire in ZoneA", guid="same", link="https://x.org/a"),  # true repeat
    ]
    url = feed_server.put("/f.xml", rss(*items))
    db = tmp_path / "state.db"
    result = poll_feed(db, url)
    # Eight items, none merged; the two re-posts (same text under another GUID, same link)
    # join their story, which alerts once.
    assert result.new_items == 8 and result.alerts_queued == 6
    assert len(rows(db, "SELECT DISTINCT key FROM items")) == 8
    # The same document again: nothing is new, nothing alerts twice.
    feed_server.put("/f.xml", rss(*items), validators=False)
    result = poll_feed(db, url)
    assert (result.new_items, result.alerts_queued) == (0, 0)


# -- non-feeds and oversized feeds -------------------------------------------------------------

LOGIN_PAGE = (b"<!DOCTYPE html><html><head><title>Sign in</title></head><body>"
              b"<form method=post><input name=user><input type=password></form></body></html>")


def test_non_feeds_are_feed_errors_through_the_pipeline(tmp_path, feed_server):
    cases = {"/login": (LOGIN_PAGE, "text/html", "html"),
             "/empty": (b"", "application/rss+xml", "empty"),
             "/blank": (b"\n\n   \n", "application/rss+xml", "empty"),
             "/json": (b'{"items": []}', "application/json", "not-a-feed")}
    db = tmp_path / "state.db"
    for path, (body, ctype, kind) in cases.items():
        url = feed_server.put(path, body, content_type=ctype)
        result = poll_feed(db, url)
        assert result.status == "error", path
        assert rows(db, f"SELECT error_kind, error_count FROM feeds WHERE url = '{url}'") \
            == [(kind, 1)]
    assert rows(db, "SELECT count(*) FROM items") == [(0,)]


def test_non_feeds_fail_poll_once_with_a_message(tmp_path, feed_server):
    login = feed_server.put("/login", LOGIN_PAGE, content_type="text/html")
    empty = feed_server.put("/empty", b"")
    config = write_config(tmp_path, feeds=[{"url": login, "name": "Login"},
                                           {"url": empty, "name": "Empty"}],
                          channels={"terminal": "console://"})
    proc = run_cli("-c", str(config), "poll", "--once")
    assert proc.returncode == 3, proc.stderr
    assert "Login: failed:" in proc.stdout and "an HTML page where a feed was expected" \
        in proc.stdout
    assert "Empty: failed:" in proc.stdout and "empty body" in proc.stdout


def test_entries_taken_from_one_document_are_capped(tmp_path, feed_server):
    items = [rss_item(f"Item {i}", guid=str(i)) for i in range(1200)]
    url = feed_server.put("/f.xml", rss(*items))
    db = tmp_path / "state.db"
    result = poll_feed(db, url, max_entries=100)
    assert result.entries == 100
    assert rows(db, "SELECT count(*) FROM items") == [(100,)]
