"""Entity expansion and other parser blow-ups cost one failed poll, never the daemon."""

from __future__ import annotations

import io
import logging
import os
import pickle
import resource
import sqlite3
import sys
import threading
import time

import pytest

from alerts.errors import FeedError
from alerts.parse import parse_feed
from alerts.parseworker import ParsePool, _Unpickler
from tests.feeds import rss, rss_item
from tests.test_hostile_text import poll_feed


def bomb(refs: int, size: int) -> str:
    """One large entity referenced many times: expat refuses it, feedparser's loose parser
    then expands it without limit (refs * size characters)."""
    return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE rss [\n<!ENTITY big "'
            + "x" * size + '">\n]>\n<rss version="2.0"><channel><title>' + "&big;" * refs
            + "</title><item><title>a</title></item></channel></rss>")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


SMALL_BOMB = bomb(200, 1000)  # 200,000 characters when expanded: quick either way


@pytest.mark.parametrize(("encoding", "content_type"), [
    ("utf-8", None),
    ("utf-16", None),  # with a byte order mark
    ("utf-16-be", "application/xml; charset=utf-16be"),
    ("utf-32", None),
    ("cp037", "application/xml; charset=cp037"),  # EBCDIC
    ("cp500", "text/xml; charset=cp500"),  # EBCDIC where '!' differs: only the worker sees it
    ("utf-7-shifted", "application/xml; charset=utf-7"),  # "<!" written as +ADwAIQ-
])
def test_entity_declarations_are_refused_in_any_encoding(encoding, content_type):
    text = SMALL_BOMB.replace('encoding="utf-8"', f'encoding="{encoding.split("-shifted")[0]}"')
    if encoding == "utf-7-shifted":
        body = b"+ADwAIQ-".join(part.encode("utf-7") for part in text.split("<!"))
        assert b"<!ENTITY" not in body
    else:
        body = text.encode(encoding)
    # Without the checks feedparser expands this (measured: a 200,000-character title).
    with pytest.raises(FeedError) as info:
        parse_feed(body, "https://x.org/rss", content_type)
    assert info.value.kind == "entities" and "entities" in str(info.value)


def test_an_expansion_bomb_that_gets_through_costs_one_failed_parse():
    # With the entity checks off, the budget is what stops a real bomb: 300 million
    # characters, far beyond the worker's 256 MiB.
    pool = ParsePool(workers=1, memory=256 * 2**20, seconds=30, check_entities=False)
    try:
        before = peak_mb()
        started = time.monotonic()
        with pytest.raises(FeedError) as info:
            pool.parse(bomb(3000, 100_000).encode(), "https://x.org/rss")
        elapsed = time.monotonic() - started
        assert info.value.kind == "parse-budget" and "256 MiB" in str(info.value)
        assert elapsed < 20  # measured about 0.2 s; the bound only guards against a hang
        assert peak_mb() - before < 100  # the memory was spent in the worker, not here
        # The pool replaced the worker: the next feed parses normally.
        parsed = pool.parse(rss(rss_item("After", guid="1")).encode(), "https://x.org/rss")
        assert [e.title for e in parsed.entries] == ["After"]
    finally:
        pool.close()


def test_a_parse_past_its_time_budget_is_stopped_and_the_worker_replaced():
    # idle_seconds: the worker must still be there when the test looks at it
    pool = ParsePool(workers=1, memory=4 * 2**30, seconds=1.0, check_entities=False,
                     idle_seconds=60)
    try:
        pool.parse(rss().encode(), "https://x.org/rss")  # start the worker
        (worker,) = pool._idle
        started = time.monotonic()
        with pytest.raises(FeedError) as info:
            pool.parse(bomb(3000, 30_000).encode(), "https://x.org/rss")  # about 3 s of work
        assert info.value.kind == "parse-budget" and "1 seconds" in str(info.value)
        assert time.monotonic() - started < 10
        assert worker.proc.poll() is not None  # killed, not left running
        assert pool.parse(rss().encode(), "https://x.org/rss").version == "rss20"
    finally:
        pool.close()


def test_workers_are_reused_and_shared_by_threads():
    pool = ParsePool(workers=2)
    results: list[list[str]] = []
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(10):
                body = rss(rss_item(f"T{n}-{i}", guid=f"{n}-{i}")).encode()
                results.append([e.title for e in pool.parse(body, "https://x.org/rss").entries])
        except BaseException as exc:  # reported below; a thread must not swallow it
            errors.append(exc)

    try:
        threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        assert not errors and len(results) == 60
        assert sorted(r[0] for r in results) == sorted(f"T{n}-{i}" for n in range(6)
                                                       for i in range(10))
        pids = {w.proc.pid for w in pool._idle}
        assert len(pids) <= 2  # sixty documents, at most two processes
    finally:
        pool.close()


def test_a_worker_killed_between_documents_is_replaced():
    pool = ParsePool(workers=1, idle_seconds=60)
    try:
        pool.parse(rss().encode(), "https://x.org/rss")
        (worker,) = pool._idle
        worker.proc.kill()
        worker.proc.wait()
        parsed = pool.parse(rss(rss_item("A", guid="1")).encode(), "https://x.org/rss")
        assert len(parsed.entries) == 1
    finally:
        pool.close()


def test_parsing_falls_back_to_this_process_when_workers_cannot_start(monkeypatch, caplog):
    monkeypatch.setattr(sys, "executable", os.path.join(os.sep, "nonexistent", "python3"))
    pool = ParsePool(workers=1)
    with caplog.at_level(logging.WARNING, logger="alerts.parseworker"):
        for _ in range(3):
            parsed = pool.parse(rss(rss_item("A", guid="1")).encode(), "https://x.org/rss")
            assert len(parsed.entries) == 1
    assert not pool.using_workers
    warnings = [r for r in caplog.records if "without a memory or time budget" in r.message]
    assert len(warnings) == 1  # said once, not on every feed


def test_a_worker_answer_cannot_call_anything():
    evil = pickle.dumps(("ok", os.system))
    with pytest.raises(pickle.UnpicklingError):
        _Unpickler(io.BytesIO(evil)).load()


def test_a_pathological_feed_costs_one_failed_poll_and_the_next_feed_is_fine(tmp_path,
                                                                            feed_server):
    body = SMALL_BOMB.replace('encoding="utf-8"', 'encoding="cp500"').encode("cp500")
    bad = feed_server.put("/bad.xml", body, content_type="text/xml; charset=cp500")
    good = feed_server.put("/good.xml", rss(rss_item("UN urges ceasefire", guid="1")))
    db = tmp_path / "state.db"
    assert poll_feed(db, bad).status == "error"
    assert poll_feed(db, good).status == "new"
    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("SELECT url, error_kind FROM feeds").fetchall())
    assert rows == {bad: "entities", good: None}


def test_the_fallback_entity_check_sees_through_encodings():
    # Used if a feedparser release moves replace_doctype(): the same decision, made on
    # feedparser's own UTF-8 conversion of the document.
    from alerts.parseworker import _refuse_declared_entities

    body = SMALL_BOMB.replace('encoding="utf-8"', 'encoding="cp500"').encode("cp500")
    with pytest.raises(FeedError) as info:
        _refuse_declared_entities(body, {"content-location": "https://x.org/rss",
                                         "content-type": "text/xml; charset=cp500"})
    assert info.value.kind == "entities"
    _refuse_declared_entities(rss().encode("cp500"), {"content-location": "https://x.org/rss",
                                                      "content-type": "text/xml; charset=cp500"})


def test_a_worker_that_may_not_limit_its_memory_still_parses_and_says_so(caplog):
    # Stands for a seccomp filter refusing setrlimit (the value is one the kernel refuses):
    # the worker still runs, under the wall-clock budget, and the log says what to allow.
    pool = ParsePool(workers=1, memory=2**64)
    try:
        with caplog.at_level(logging.WARNING, logger="alerts.parseworker"):
            parsed = pool.parse(rss(rss_item("A", guid="1")).encode(), "https://x.org/rss")
        assert len(parsed.entries) == 1 and pool.using_workers
        (worker,) = pool._idle
        assert not worker.limited
        assert any("cannot limit their memory" in r.message for r in caplog.records)
    finally:
        pool.close()
