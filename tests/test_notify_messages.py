"""What a message says and how it is escaped, delivered to real receivers on loopback.

A feed headline may hold `<`, `_`, `#`, `-`, `*` or `[`: each must reach a chat service as
text, never as markup (Telegram answers a broken message with a permanent 400), and only
http/https links may appear.
"""

from __future__ import annotations

import re

import pytest

from alerts.render import Renderer, escape_markdown, safe_link
from alerts.routing import ChannelStyle, Composer, alert_facts
from tests.conftest import deliver
from tests.notify_support import HookReceiver, channel, item, match, queue

HOSTILE = "UN <b>urges</b> _ceasefire_ #1 - [draft] *now* 3.5! (see) `x` a|b ~c"


@pytest.fixture
def receiver():
    server = HookReceiver()
    yield server
    server.close()


def test_default_text_message_says_what_who_when_sources_rule_and_why():
    facts = alert_facts(item(1, "Macron speaks with Putin by phone"), match())
    title, body = Renderer("text").alert(facts)
    assert title == "[high] Someone calls for a ceasefire: Macron speaks with Putin by phone"
    lines = body.splitlines()
    assert lines[0] == "Macron speaks with Putin by phone"  # what happened, in one line
    assert "Who: Emmanuel Macron, President of France; Vladimir Putin, President of Russia" \
        in body
    assert "When: 2025-07-01 15:00 UTC" in body
    assert "- Wire: Macron speaks with Putin by phone https://wire.example.org/1" in body
    assert "Rule: Someone calls for a ceasefire (ceasefire-call, high)" in body
    assert "matched because: 'ceasefire' (title), 'urge' (title)" in body
    assert lines[-1] == f"-- alert {facts['alert_id']}"


def test_every_source_of_a_story_is_listed():
    facts = alert_facts(item(1), match(), sources=(
        ("Other Wire", "Envoys call for truce", "https://other.example.org/2"),
        ("Bad Wire", "Scripted", "javascript:alert(1)")))
    _, body = Renderer("text").alert(facts)
    assert "- Other Wire: Envoys call for truce https://other.example.org/2" in body
    assert "- Bad Wire: Scripted" in body and "javascript" not in body


def test_alert_ids_are_stable_per_rule_and_story_and_updates_point_to_the_first():
    first = alert_facts(item(1), match())
    again = alert_facts(item(1), match())
    other_rule = alert_facts(item(1), match(rule_id="other"))
    update = alert_facts(item(1, "Leaders urge ceasefire, now agreed", content_hash="h1b"),
                         match(), update=True)
    assert first["alert_id"] == again["alert_id"] != other_rule["alert_id"]
    assert update["thread"] == first["alert_id"]
    assert update["alert_id"].startswith(first["alert_id"] + "-")
    title, body = Renderer("text").alert(update)
    assert title.startswith("Update: [high]")
    assert f"This is an update to alert {first['alert_id']}." in body


@pytest.mark.parametrize("link", ["javascript:alert(1)", "data:text/html,x", "ftp://x.org/f",
                                  "file:///etc/passwd", "mailto:a@b.org", "//no-scheme.org/",
                                  "https://", "vbscript:x"])
def test_only_http_and_https_links_are_ever_included(link):
    assert safe_link(link) is None
    facts = alert_facts(item(1, link=link), match())
    for fmt in ("text", "markdown", "html"):
        _, body = Renderer(fmt).alert(facts)
        assert link not in body and "javascript" not in body


def test_links_are_encoded_so_they_cannot_break_out():
    url = 'https://x.org/a(1)?q=<b>&r="y" z'
    assert safe_link(url) == "https://x.org/a%281%29?q=%3Cb%3E&r=%22y%22%20z"
    facts = alert_facts(item(1, link=url), match())
    _, md = Renderer("markdown").alert(facts)
    assert "(https://x.org/a%281%29?q=%3Cb%3E&r=%22y%22%20z)" in md
    _, html = Renderer("html").alert(facts)
    assert 'href="https://x.org/a%281%29?q=%3Cb%3E&amp;r=%22y%22%20z"' in html


def test_markdown_escapes_every_feed_field():
    facts = alert_facts(item(1, HOSTILE, summary="Summary_with *stars* and <tags>"), match())
    _, body = Renderer("markdown").alert(facts)
    headline = body.splitlines()[0]
    assert headline == "**" + escape_markdown(HOSTILE) + "**"
    # Inside the bold markers, every punctuation character is escaped.
    assert not re.search(r"(?<!\\)[_*\[\]()#<>`|~!.-]", headline[2:-2].replace("\\\\", ""))
    assert r"Summary\_with \*stars\* and \<tags\>" in body


def test_html_escapes_every_feed_field_and_keeps_its_own_markup():
    facts = alert_facts(item(1, HOSTILE, summary="<script>alert(1)</script>"), match())
    _, body = Renderer("html").alert(facts)
    assert "&lt;b&gt;urges&lt;/b&gt;" in body and "<script" not in body
    tags = set(re.findall(r"</?([a-z]+)", body))
    assert tags <= {"p", "b", "br", "ul", "li", "a", "small", "i"}


def test_json_webhook_gets_the_alert_with_its_id_header_and_footer(store, receiver):
    channels = {"hook": channel("hook", receiver.json_url)}
    queue(store, channels, [item(1, HOSTILE)])
    assert deliver(store, channels).sent == 1
    got = receiver.received[0]
    alert_id = store.outbox_list(["sent"])[0].alert_id
    assert got.headers["x-alert-id"] == alert_id
    assert got.body["title"] == f"[high] Someone calls for a ceasefire: {HOSTILE}"
    assert got.text.rstrip().endswith(f"-- alert {alert_id}")


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_mattermost_style_incoming_webhook_gets_escaped_text(store, receiver, fmt):
    channels = {"chat": channel("chat", receiver.mattermost_url(), fmt=fmt)}
    queue(store, channels, [item(1, HOSTILE)])
    assert deliver(store, channels).sent == 1
    got = receiver.received[0]
    assert got.path == "/hooks/incomingtoken123"
    text = got.text
    # Every Markdown-significant character of the headline arrives escaped.
    assert escape_markdown(HOSTILE) in text
    assert "_ceasefire_" not in text and "<b>" not in text and "[draft]" not in text
    assert "https://wire.example.org/1" in text
    assert re.search(r"alert [0-9a-f]{10}$", text.rstrip())


class TelegramRedirect:
    """Apprise's real Telegram plugin, its API endpoint moved to a loopback receiver."""

    def __init__(self, monkeypatch, receiver: HookReceiver):
        from apprise.plugins.telegram import NotifyTelegram

        monkeypatch.setattr(NotifyTelegram, "notify_url", f"{receiver.base}/bot")
        receiver.default.body = b'{"ok": true, "result": {}}'
        self.url = "tgram://123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/12345"


MDV2_RESERVED = set("_*[]()~`>#+-=|{}.!")


def markdown_v2_problems(text: str) -> list[str]:
    """Reserved characters Telegram would reject: not escaped and not part of entity markup."""
    text = re.sub(r"\\.", "", text)  # escaped characters
    text = re.sub(r"\]\([^)\s]*\)", "", text)  # the (url) part of links
    text = re.sub(r"^(\s*)\*(.*)\*$", r"\1\2", text, flags=re.M)  # whole-line bold
    text = re.sub(r"\*[^*\n]+?\*", "", text)  # bold spans
    text = text.replace("[", "")  # link text openers
    return sorted({ch for ch in text if ch in MDV2_RESERVED})


@pytest.mark.parametrize("fmt,url_suffix,mode", [("text", "", "HTML"), ("html", "", "HTML"),
                                                 ("markdown", "?mdv=2", "MarkdownV2")])
def test_telegram_gets_a_message_it_can_parse(store, receiver, monkeypatch, fmt, url_suffix,
                                              mode):
    telegram = TelegramRedirect(monkeypatch, receiver)
    channels = {"tg": channel("tg", telegram.url + url_suffix, fmt=fmt)}
    queue(store, channels, [item(1, HOSTILE)])
    assert deliver(store, channels).sent == 1
    payload = receiver.received[0].body
    assert payload["parse_mode"] == mode
    text = payload["text"]
    if mode == "HTML":
        assert "&lt;b&gt;urges&lt;/b&gt;" in text
        tags = set(re.findall(r"</?([a-z]+)", text))
        assert tags <= {"b", "i", "a", "code", "pre"}, tags
    else:
        assert markdown_v2_problems(text) == []
        assert r"\_ceasefire\_ \#1 \- \[draft\]" in text


def test_custom_templates_per_channel(tmp_path):
    (tmp_path / "brief.md.j2").write_text(
        "{{ title }} ({{ severity }}) {% for s in sources %}{{ s.link | link }}{% endfor %}\n")
    style = ChannelStyle("markdown", title="{{ rule_id }}: {{ title }}", template="brief.md.j2",
                         folder=str(tmp_path))
    composer = Composer({"chat": style})
    [message] = composer.compose(item(1, "A_b"), match(channels=("chat",)))
    assert message.title == "ceasefire-call: A_b"
    assert message.body == "A\\_b (high) https://wire.example.org/1\n"
    assert style.renderer().check() == []


def test_a_broken_template_is_reported_and_never_loses_an_alert(tmp_path, caplog):
    (tmp_path / "bad.txt.j2").write_text("{{ title }\n")
    (tmp_path / "typo.txt.j2").write_text("{{ titel }}\n")
    bad = ChannelStyle("text", template="bad.txt.j2", folder=str(tmp_path))
    typo = ChannelStyle("text", template="typo.txt.j2", folder=str(tmp_path))
    assert "bad.txt.j2:1" in bad.renderer().check()[0]
    assert "'titel' is undefined" in typo.renderer().check()[0]
    [message] = Composer({"c": typo}).compose(item(1), match(channels=("c",)))
    assert "Leaders urge ceasefire #1" in message.body  # the default template took over
    assert "the default template was used" in caplog.text


def test_a_clustered_story_has_one_alert_id_and_lists_every_source():
    from dataclasses import replace

    first_report = replace(match(), story_id=7)
    first = alert_facts(item(1), first_report)
    later = alert_facts(item(2, "Envoys call for a truce"), first_report, update=True,
                        sources=[{"publisher": "Wire", "title": "Leaders urge ceasefire #1",
                                  "link": "https://wire.example.org/1"},
                                 {"publisher": "Other", "title": "Envoys call for a truce",
                                  "link": "https://wire.example.org/2"}])
    assert later["thread"] == first["alert_id"]  # the update refers to the story's first alert
    assert [s["link"] for s in later["sources"]] == ["https://wire.example.org/2",
                                                     "https://wire.example.org/1"]
