"""Not one alert changes (issue #17): the labelled sets and the shared corpora replayed with
the code as it is give exactly the alerts recorded before the faster paths went in.

The record is tests/data/same_alerts.json, written by tests/tools/same_alerts.py from the
code before the change (read that tool for the cases). When alerts are meant to change (a
rule or the analysis changed on purpose), run the tool again and say so in the commit.
Cases that read ../shared/corpus skip when it is absent.
"""

from __future__ import annotations

import json

import pytest

from tests.tools import same_alerts

RECORDED = json.loads(same_alerts.FIXTURE.read_text("utf-8"))["cases"]


@pytest.fixture(scope="module")
def now(run_cache) -> dict:
    """Every case as the code computes it now (one run, shared by the tests below); the real
    set's items as load_items reads them, read once for every file of the run."""
    from tests.conftest import CORPUS
    from tests.shared_work import real_items

    return same_alerts.cases(real_items(run_cache, CORPUS) if CORPUS.is_dir() else None)


def differences(before: dict, after: dict, limit: int = 12) -> list[str]:
    """What changed, item by item, in words."""
    out = []
    for item_id in sorted(set(before) | set(after)):
        old = [tuple(r) for r in before.get(item_id, [])]
        new = [tuple(r) for r in after.get(item_id, [])]
        if old == new:
            continue
        gone = [r for r in old if r not in new]
        added = [r for r in new if r not in old]
        out.append(f"{item_id}: lost {gone or 'nothing'}; gained {added or 'nothing'}"
                   + ("" if gone or added else "; the same alerts in another order"))
        if len(out) == limit:
            out.append("...")
            break
    return out


@pytest.mark.parametrize("case", sorted(RECORDED))
def test_the_same_alerts_as_before(case: str, now: dict):
    if now[case] is None:
        pytest.skip(f"{case} reads the shared corpus, which is not beside the checkout")
    # JSON has no tuples: compare as the record stores them.
    current = json.loads(json.dumps(now[case], ensure_ascii=False))
    changed = differences(RECORDED[case], current)
    assert not changed, f"{case}: {len(changed)} items alert differently:\n" + "\n".join(changed)


def test_the_record_covers_every_kind_of_condition():
    """The generated rules exercise every condition kind, and each kind raised alerts in the
    record (a case that raises nothing proves nothing)."""
    kinds = {"terms", "near", "regex", "not", "any", "all", "countries", "people", "entities",
             "gap", "count", "events", "contact", "event"}
    words = [f"word{n}" for n in range(6000)]
    used: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            used.update(k for k in node if k in kinds)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for doc in same_alerts.rule_docs(words):
        walk(doc["match"])
    assert used == kinds
    if RECORDED.get("real-terms"):
        fired = {int(r[0].split("-")[1]) % 20 for rs in RECORDED["real-terms"].values()
                 for r in rs}
        assert fired == set(range(20)), f"rule shapes that never alerted: {set(range(20)) - fired}"
    assert any(r[1] != "alert" for rs in RECORDED["labelled"].values() for r in rs), \
        "the labelled case holds no held-back alert"


def test_a_changed_alert_is_shown():
    before = {"a": [["r1", "alert", 1, "x"]], "b": [["r2", "alert", None, "y"]]}
    after = {"a": [["r1", "alert", 1, "z"]], "c": [["r3", "alert", None, "w"]]}
    shown = differences(before, after)
    assert shown == [
        "a: lost [('r1', 'alert', 1, 'x')]; gained [('r1', 'alert', 1, 'z')]",
        "b: lost [('r2', 'alert', None, 'y')]; gained nothing",
        "c: lost nothing; gained [('r3', 'alert', None, 'w')]",
    ]


# -- the parse side: only new entries parsed, the same alerts ------------------------------------

PARSE_FILES = 80  # corpus documents replayed as growing feeds (the first, by path, that qualify)
BROAD_RULE = """\
id: any-news
title: Anything with a common word
match:
  any:
    - terms: [the, a, of, le, la, de, der, die, el, и, в, "的"]
    - regex: "[0-9]"
"""


class _NoMemo:
    """A poller that remembers nothing: every document is parsed whole (the path before)."""

    def get(self, feed_url: str) -> None:
        return None

    def keep(self, feed_url: str, memo: object) -> None:
        return None


def _growing_documents(body: bytes) -> list[bytes] | None:
    """A feed as it grows: its older half, then one more entry at the top at a time, then the
    whole document with one entry edited."""
    from alerts.entryscan import scan

    found = scan(body)
    if found is None or len(found.entries) < 4:
        return None
    count = len(found.entries)
    docs = [found.rebuild(list(range(start, count))) for start in (count // 2, count // 2 - 1,
                                                                    count // 2 - 2, 0)]
    edited = found.entries[-1]
    cut = edited.rfind(b"</")
    docs.append(found.rebuild(list(range(count - 1))).replace(
        found.footer, b"\n" + edited[:cut].replace(b"<title>", b"<title>Edited: ", 1)
        + edited[cut:] + found.footer, 1) if b"<title>" in edited else body)
    return docs


def _parse_corpus_files() -> list:
    from tests.test_sweep import corpus_feeds

    chosen = []
    for path in corpus_feeds():
        docs = _growing_documents(path.read_bytes())
        if docs is not None:
            chosen.append((path, docs))
        if len(chosen) == PARSE_FILES:
            break
    return chosen


@pytest.mark.skipif(not same_alerts.ROOT.joinpath("..", "shared", "corpus").is_dir(),
                    reason="shared corpus (../shared) not present")
def test_parsing_only_new_entries_raises_the_same_alerts(tmp_path, feed_server):
    """Shared corpus documents served as feeds that grow one entry at a time (and see an
    edit), polled by two real pollers on two state files with the shipped rules and a rule
    that fires on nearly anything: one parses only new entries, the other every document
    whole. Every poll gives the same alerts (rule, outcome, story, explanation) for the same
    items, and the two states end holding the same items."""
    import asyncio
    import sqlite3

    from alerts.config import FetchSettings
    from alerts.fetch import Fetcher
    from alerts.models import Feed
    from alerts.pipeline import Poller
    from alerts.rulepack import shipped_rules_dir
    from alerts.rules import RuleSet, load_rules
    from alerts.state import Store

    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "broad.yaml").write_text(BROAD_RULE, "utf-8")
    rules = RuleSet(load_rules([shipped_rules_dir(), folder]))
    files = _parse_corpus_files()
    assert len(files) >= 40
    stores = {"fast": Store(tmp_path / "fast.db"), "whole": Store(tmp_path / "whole.db")}
    pollers = {name: Poller(store, None, rules, force_backfill=True)
               for name, store in stores.items()}
    pollers["whole"].parse_memo = _NoMemo()  # type: ignore[assignment]
    fast_parses = 0

    async def run() -> None:
        nonlocal fast_parses
        fetcher = Fetcher(FetchSettings(timeout=10, allow_networks=("127.0.0.0/8",)))
        for poller in pollers.values():
            poller.fetcher = fetcher
        try:
            for n, (path, docs) in enumerate(files):
                feed = Feed(feed_server.put(f"/corpus/{n}.xml", docs[0],
                                            content_type="application/xml"), f"corpus {n}", 900)
                for step, doc in enumerate(docs):
                    feed_server.put(f"/corpus/{n}.xml", doc, content_type="application/xml")
                    seen = {}
                    for name, poller in pollers.items():
                        result = await poller.poll(feed, force=True)
                        seen[name] = (result.status, result.new_items, result.edited_items,
                                      result.entries, sorted(
                                          (item.key, m.rule_id, m.suppressed, m.story_id,
                                           m.explanation) for item, m in result.matches))
                    assert seen["fast"] == seen["whole"], f"{path} step {step}"
                memo = pollers["fast"].parse_memo.get(feed.url)
                fast_parses += memo is not None
        finally:
            await fetcher.aclose()

    try:
        asyncio.run(run())
    finally:
        for store in stores.values():
            store.close()
    columns = "f.url, i.key, i.guid, i.link, i.title, i.summary, i.published, i.content_hash"
    rows = {}
    for name in stores:  # items name their feed by number since 0028
        with sqlite3.connect(tmp_path / f"{name}.db") as conn:
            rows[name] = conn.execute(f"SELECT {columns} FROM items i JOIN feeds f "
                                      "ON f.id = i.feed_id ORDER BY f.url, i.key").fetchall()
    assert rows["fast"] == rows["whole"] and len(rows["fast"]) > 1000
    assert fast_parses >= len(files) // 2  # the fast path really ran on most of them
