"""`alerts feeds import` on real exports of other feed readers (tests/data/opml, sources in its
README): every feed of each is read, with its folder and title, and `feeds export` -> `feeds
import` gives back the same list. The expected feeds are counted here with the standard
library's XML parser, independently of listparser, which the import uses."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from alerts.opml import read_opml
from tests.conftest import ROOT, run_cli

OPML = ROOT / "tests" / "data" / "opml"
EXPORTS = sorted(OPML.glob("*.opml"))

# What each export holds, so that a fixture swapped for another or cut short is noticed.
FEEDS = {
    "categories-donthypeme.opml": 78,
    "feedly-french-devops.opml": 97,
    "inoreader-oh-my-rss.opml": 17,
    "netnewswire-no-title-attributes.opml": 207,
    "netnewswire-subs.opml": 207,
    "news-explorer-icloud.opml": 225,
}


def _expected(path: Path) -> dict[str, tuple[str | None, list[str]]]:
    """url -> (title, folders from the root) of every http(s) feed outline, first one wins."""
    found: dict[str, tuple[str | None, list[str]]] = {}

    def walk(element: ET.Element, folders: list[str]) -> None:
        for outline in element.findall("outline"):
            url = (outline.get("xmlUrl") or "").strip()
            if url:
                if url.startswith(("http://", "https://")) and url not in found:
                    title = (outline.get("title") or outline.get("text") or "").strip()
                    found[url] = (title or None, folders)
            else:
                name = (outline.get("title") or outline.get("text") or "").strip()
                walk(outline, [*folders, name] if name else folders)

    body = ET.fromstring(path.read_bytes()).find("body")
    assert body is not None, path
    walk(body, [])
    return found


def test_every_real_export_is_listed_in_the_readme():
    readme = (OPML / "README.md").read_text(encoding="utf-8")
    assert sorted(p.name for p in EXPORTS) == sorted(FEEDS)
    for path in EXPORTS:
        assert f"`{path.name}`" in readme, f"{path.name}: say where it comes from in the README"


@pytest.mark.parametrize("path", EXPORTS, ids=lambda p: p.name)
def test_import_reads_every_feed_with_its_title_and_folders(path):
    expected = _expected(path)
    assert len(expected) == FEEDS[path.name]
    entries = read_opml(path.read_bytes(), path.name)
    got = {e.url: e for e in entries}
    assert len(entries) == len(got), "a feed was imported twice"
    assert set(got) == set(expected)
    for url, (title, folders) in expected.items():
        entry = got[url]
        assert entry.name == (title if title != url else None), url
        # Every folder the feed sits in is one of its tags, outermost first.
        tags = list(entry.tags)
        assert [t for t in tags if t in folders] == folders, (url, tags, folders)


@pytest.mark.parametrize("path", EXPORTS, ids=lambda p: p.name)
def test_a_real_export_saved_as_utf16_or_with_a_bom_reads_the_same(path):
    text = path.read_bytes().decode("utf-8")
    first = read_opml(path.read_bytes(), path.name)
    declared = text.replace('encoding="UTF-8"', 'encoding="UTF-16"').replace(
        "encoding='utf-8'", "encoding='UTF-16'").replace('encoding="utf-8"', 'encoding="UTF-16"')
    assert read_opml(declared.encode("utf-16"), path.name) == first
    assert read_opml(b"\xef\xbb\xbf" + path.read_bytes(), path.name) == first


RULE = "id: r\ntitle: R\nmatch:\n  terms: [ceasefire]\n"
CONFIG = """\
# A desk that starts with no feeds.
state: state/alerts.db
rules: [rules]
defaults:
  channels: [terminal]
channels:
  terminal: console://
feeds: []
"""


def _desk(directory: Path) -> Path:
    (directory / "rules").mkdir(parents=True)
    (directory / "rules" / "r.yaml").write_text(RULE)
    config = directory / "alerts.yaml"
    config.write_text(CONFIG)
    return config


def _feeds(config: Path, *args: str):
    done = run_cli("--config", str(config), "feeds", *args)
    assert done.returncode == 0, done.stderr
    return done


@pytest.mark.parametrize("path", EXPORTS, ids=lambda p: p.name)
def test_import_then_export_then_import_round_trips(path, tmp_path):
    first = _desk(tmp_path / "first")
    done = _feeds(first, "import", str(path))
    assert f"imported {FEEDS[path.name]} feed(s)" in done.stdout
    listed = json.loads(_feeds(first, "list", "--json").stdout)
    assert {e["url"] for e in listed} == set(_expected(path))

    exported = tmp_path / "export.opml"
    _feeds(first, "export", "-o", str(exported))
    second = _desk(tmp_path / "second")
    _feeds(second, "import", str(exported))
    again = json.loads(_feeds(second, "list", "--json").stdout)
    assert [(e["url"], e["name"], e["tags"]) for e in again] == \
        [(e["url"], e["name"], e["tags"]) for e in listed]
