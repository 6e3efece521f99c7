"""`alerts feeds add|list|remove|import|export`: the CLI as a subprocess, real files, the
loopback feed server for discovery."""

from __future__ import annotations

import json

from tests.conftest import cli_env, run_cli
from tests.feeds import rss, rss_item

CONFIG = """\
# The desk's configuration: comments like this one must survive every edit.
state: state/alerts.db
rules: [rules]

defaults:
  interval: 10m          # poll every ten minutes
  channels: [terminal]

fetch:
  allow_networks: [127.0.0.0/8]   # the test feeds are on loopback

channels:
  terminal: console://

feeds:
  # Wire services first.
  - url: https://wire.example.org/world.xml
    name: Wire World     # the main one
  - url: https://desk:${FEED_PASS}@private.example.org/feed
    name: Private Wire
"""

RULE = "id: r\ntitle: R\nmatch:\n  terms: [ceasefire]\n"


def _desk(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "r.yaml").write_text(RULE)
    config = tmp_path / "alerts.yaml"
    config.write_text(CONFIG)
    return config


def _feeds(config, *args, env=None):
    return run_cli("--config", str(config), "feeds", *args, env=env)


def test_add_finds_the_feed_behind_a_page_and_keeps_comments(tmp_path, feed_server):
    config = _desk(tmp_path)
    feed_server.put("/world/rss.xml", rss(rss_item("Hello", guid="1"), title="Loopback Times"))
    page = feed_server.put("/world/", b"<html><head><title>Times</title>"
                           b'<link rel="alternate" type="application/rss+xml" href="rss.xml">'
                           b"</head><body>news</body></html>", content_type="text/html")
    done = _feeds(config, "add", page, "--tags", "europe, wire")
    assert done.returncode == 0, done.stderr
    assert "its feed is " + feed_server.base + "/world/rss.xml" in done.stdout
    text = config.read_text()
    for comment in ("# The desk's configuration", "# poll every ten minutes", "# Wire services",
                    "# the main one", "# the test feeds are on loopback"):
        assert comment in text
    assert "${FEED_PASS}" in text  # secrets stay variables
    listed = json.loads(_feeds(config, "list", "--json").stdout)
    assert listed[-1]["url"] == feed_server.base + "/world/rss.xml"
    assert listed[-1]["name"] == "Loopback Times"
    assert listed[-1]["tags"] == ["europe", "wire"]
    assert [e["name"] for e in listed[:2]] == ["Wire World", "Private Wire"]
    again = _feeds(config, "add", page)
    assert again.returncode == 0 and "already in" in again.stdout
    checked = run_cli("--config", str(config), "check", env=cli_env() | {"FEED_PASS": "x"})
    assert "1 rules" in checked.stdout or checked.returncode == 0, checked.stderr


def test_a_page_without_a_feed_changes_nothing(tmp_path, feed_server):
    config = _desk(tmp_path)
    page = feed_server.put("/about", b"<html><body>about us</body></html>",
                           content_type="text/html")
    before = config.read_text()
    done = _feeds(config, "add", page)
    assert done.returncode == 1
    assert "names no feed" in done.stderr and "<link" in done.stderr
    assert config.read_text() == before


def test_an_edit_that_would_break_the_config_is_not_written(tmp_path):
    config = _desk(tmp_path)
    before = config.read_text()
    done = _feeds(config, "add", "ftp://files.example.org/feed", "--no-discover")
    assert done.returncode == 1
    assert "was not written" in done.stderr and str(config) in done.stderr
    assert config.read_text() == before
    assert not list(tmp_path.glob(".alerts-*"))  # the temporary copy is gone


def test_remove_by_name_or_url(tmp_path):
    config = _desk(tmp_path)
    done = _feeds(config, "remove", "Wire World")
    assert done.returncode == 0, done.stderr
    text = config.read_text()
    assert "wire.example.org" not in text and "Private Wire" in text
    assert "# poll every ten minutes" in text
    missing = _feeds(config, "remove", "Nope")
    assert missing.returncode == 1 and "alerts feeds list" in missing.stderr


# Written in the shapes other readers export (a folder per outline, `category`, no titles,
# a Latin-1 file, OPML 1.0 and 2.0).
NESTED = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>Subscriptions in Feedly</title></head>
  <body>
    <outline text="Europe" title="Europe">
      <outline type="rss" text="Le Monde International" title="Le Monde International"
               xmlUrl="https://www.lemonde.fr/international/rss_full.xml"
               htmlUrl="https://www.lemonde.fr/international/"/>
      <outline text="Germany" title="Germany">
        <outline type="rss" text="DW" xmlUrl="https://rss.dw.com/rdf/rss-en-all"/>
      </outline>
    </outline>
    <outline type="rss" xmlUrl="https://feeds.example.net/untitled.xml"/>
    <outline type="rss" text="Duplicate" xmlUrl="https://rss.dw.com/rdf/rss-en-all"/>
    <outline type="rss" text="Not http" xmlUrl="feed://odd.example/x"/>
  </body>
</opml>
"""

LATIN1 = ('<?xml version="1.0" encoding="ISO-8859-1"?>\n<opml version="2.0"><head>'
          "<title>Abonnements</title></head><body>"
          '<outline type="rss" text="Le Temps \xe9tranger" category="/Suisse,monde" '
          'xmlUrl="https://www.letemps.ch/monde.rss"/></body></opml>').encode("latin-1")


def test_import_keeps_folders_as_tags_and_skips_what_it_cannot_use(tmp_path):
    config = _desk(tmp_path)
    (tmp_path / "feedly.opml").write_text(NESTED)
    (tmp_path / "latin1.opml").write_bytes(LATIN1)
    done = _feeds(config, "import", str(tmp_path / "feedly.opml"))
    assert done.returncode == 0, done.stderr
    assert "imported 3 feed(s)" in done.stdout
    done = _feeds(config, "import", str(tmp_path / "latin1.opml"))
    assert done.returncode == 0 and "imported 1 feed(s)" in done.stdout, done.stderr
    utf16 = NESTED.replace("UTF-8", "UTF-16").replace("lemonde.fr/international/rss",
                                                      "lemonde.fr/europe/rss")
    (tmp_path / "utf16.opml").write_bytes(utf16.encode("utf-16"))
    done = _feeds(config, "import", str(tmp_path / "utf16.opml"))
    assert done.returncode == 0 and "imported 1 feed(s)" in done.stdout, done.stderr
    listed = {e["url"]: e for e in json.loads(_feeds(config, "list", "--json").stdout)}
    assert listed["https://www.lemonde.fr/international/rss_full.xml"]["tags"] == ["Europe"]
    assert listed["https://rss.dw.com/rdf/rss-en-all"]["tags"] == ["Europe", "Germany"]
    assert listed["https://feeds.example.net/untitled.xml"]["name"] is None
    assert listed["https://www.letemps.ch/monde.rss"]["name"] == "Le Temps \xe9tranger"
    assert "feed://odd.example/x" not in listed
    again = _feeds(config, "import", str(tmp_path / "feedly.opml"))
    assert "imported 0 feed(s)" in again.stdout and "3 already there" in again.stdout
    assert len(listed) == 2 + 3 + 1 + 1
    (tmp_path / "empty.opml").write_text("<opml version='2.0'><body/></opml>")
    empty = _feeds(config, "import", str(tmp_path / "empty.opml"))
    assert empty.returncode == 1 and "lists no feeds" in empty.stderr


def test_export_round_trips_through_import(tmp_path):
    config = _desk(tmp_path)
    (tmp_path / "feedly.opml").write_text(NESTED)
    _feeds(config, "import", str(tmp_path / "feedly.opml"))
    out = tmp_path / "export.opml"
    done = _feeds(config, "export", "-o", str(out))
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert b'<opml version="2.0">' in data and b"${FEED_PASS}" in data
    other = tmp_path / "other"
    other.mkdir()
    (other / "rules").mkdir()
    (other / "rules" / "r.yaml").write_text(RULE)
    fresh = other / "alerts.yaml"
    fresh.write_text(CONFIG.split("feeds:")[0] + "feeds: []\n")
    assert _feeds(fresh, "import", str(out)).returncode == 0
    first = json.loads(_feeds(config, "list", "--json").stdout)
    second = json.loads(_feeds(fresh, "list", "--json").stdout)
    assert [(e["url"], e["name"], e["tags"][:1]) for e in first] == \
        [(e["url"], e["name"], e["tags"][:1]) for e in second]
