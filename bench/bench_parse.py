"""Parsing the 200 generated feeds (10,000 items): ours beside stock feedparser and lxml.

    .venv/bin/pip install lxml && .venv/bin/python bench/bench_parse.py
    # writes bench/results/parse.md

Target (the issue): feedparser stays the parser, made cheap: HTML sanitising and
relative-URI passes off as long as links still resolve (asserted here on the generated feeds
and on variants with relative links and xml:base); parsing in worker processes so both
cores work and a pathological feed is isolated; no parsing at all when the body is
byte-identical to the last one. Reported in items per second beside `lxml.etree.fromstring`
on the same bytes (the floor) and beside stock `feedparser.parse`.

The feeds are bench_cycle's (same seed, same bytes). Each figure is the median of
BENCH_RUNS runs (3 by default).
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import feedparser  # noqa: E402
from bench_cycle import FEEDS, ITEMS, make_feed  # noqa: E402
from bench_matching import vocabulary  # noqa: E402
from report import publish  # noqa: E402 - bench/ is on sys.path when a script runs

from alerts.entryscan import scan  # noqa: E402
from alerts.models import Feed, Fetched  # noqa: E402
from alerts.normalise import normalise  # noqa: E402
from alerts.parse import ParseMemo, parse_feed, parse_items  # noqa: E402
from alerts.parseworker import default_pool, parse_bytes  # noqa: E402
from alerts.state import Store  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
CONCURRENCY = 8  # as `alerts poll --once` (alerts.daemon.poll_once)
CONTENT_TYPE = "application/xml"


def feed_url(n: int) -> str:
    return f"http://127.0.0.1:8000/f{n}.xml"  # where bench_cycle serves them


def make_bodies() -> list[bytes]:
    """bench_cycle's 200 feed bodies, byte for byte (same seed, same order of draws)."""
    rng = random.Random(7)
    words = vocabulary(rng, 20_000)
    shared = [" ".join(rng.choices(words[:2000], k=10)).capitalize() for _ in range(5)]
    return [make_feed(n, rng, words, shared) for n in range(FEEDS)]


def expected_link(n: int, i: int) -> str:
    return f"https://site{n}.example/f{n}-i{i}"


# -- links still resolve with our settings ------------------------------------------------

def check_links(n: int, parsed: object, base: str | None = None,
                expect: Callable[[int, int], str] = expected_link) -> None:
    entries = list(parsed.entries)  # type: ignore[attr-defined]
    assert len(entries) == ITEMS, (n, len(entries))
    for i, entry in enumerate(entries):
        # Absolute from feedparser, or relative to the document (normalise joins it).
        link = entry.get("link")
        assert urljoin(base or feed_url(n), link) == expect(n, i), (n, i, link, expect(n, i))
    feed = Feed(url=feed_url(n), name=f"Feed {n}", interval=3600)
    items = normalise(entries, feed, base or feed_url(n))
    assert len(items) == ITEMS, (n, len(items))
    for i, item in enumerate(items):
        assert item.link == expect(n, i), (n, i, item.link)


def relative_variants(bodies: list[bytes]) -> list[tuple[int, bytes, str, Callable]]:
    """The same feeds with relative item links: against the document's address (RSS and
    Atom), and against an Atom xml:base."""
    variants: list[tuple[int, bytes, str, Callable]] = []
    for n in (0, 1, 3, 7):  # Atom, RSS utf-8, Atom, RSS windows-1252
        site = f"https://site{n}.example/".encode()
        body = bodies[n].replace(b"<link>" + site, b"<link>/").replace(b"href='" + site,
                                                                         b"href='/")
        assert body != bodies[n]
        variants.append((n, body, f"https://site{n}.example/feed.xml", expected_link))
        if n % 3 == 0:
            based = body.replace(b"<feed xmlns=", f"<feed xml:base='https://cdn{n}.example/"
                                 "news/' xmlns=".encode(), 1).replace(b"href='/", b"href='")
            variants.append((n, based, f"https://site{n}.example/feed.xml",
                             lambda n, i: f"https://cdn{n}.example/news/f{n}-i{i}"))
    return variants


def verify(bodies: list[bytes]) -> None:
    """Through the worker pool (the real path) for the 200 feeds; the relative variants
    through the pool and in this process."""
    for n, parsed in enumerate(pooled(bodies, keep=True)):
        check_links(n, parsed)
    for n, body, base, expect in relative_variants(bodies):
        check_links(n, parse_bytes(body, base, CONTENT_TYPE), base, expect)
        check_links(n, parse_feed(body, base, CONTENT_TYPE), base, expect)


# -- the ways of parsing ------------------------------------------------------------------

def lxml_floor(bodies: list[bytes]) -> int:
    from lxml import etree

    for body in bodies:
        etree.fromstring(body)
    return FEEDS * ITEMS


def stock(bodies: list[bytes]) -> int:
    return sum(len(feedparser.parse(io.BytesIO(body)).entries) for body in bodies)


def stock_with_headers(bodies: list[bytes]) -> int:
    """Stock settings, given the response headers parse_bytes gives (a base URI and the
    content type): the difference from ours is the settings alone."""
    return sum(len(feedparser.parse(io.BytesIO(body), response_headers={
        "content-location": feed_url(n), "content-type": CONTENT_TYPE}).entries)
        for n, body in enumerate(bodies))


def in_process(bodies: list[bytes]) -> int:
    return sum(len(parse_bytes(body, feed_url(n), CONTENT_TYPE).entries)
               for n, body in enumerate(bodies))


def pooled(bodies: list[bytes], keep: bool = False) -> Any:
    """parse_feed through the worker pool, from many tasks at once, as Poller.poll does:
    the number of entries, or (keep) every result."""
    async def run() -> list[Any]:
        limit = asyncio.Semaphore(CONCURRENCY)

        async def one(n: int, body: bytes) -> Any:
            async with limit:
                parsed = await asyncio.to_thread(parse_feed, body, feed_url(n), CONTENT_TYPE)
                return parsed if keep else len(parsed.entries)

        return await asyncio.gather(*(one(n, body) for n, body in enumerate(bodies)))

    results = asyncio.run(run())
    return results if keep else sum(results)


def settings(n: int) -> Feed:
    return Feed(url=feed_url(n), name=f"Feed {n}", interval=3600)


def remembered(bodies: list[bytes], new: int) -> ParseMemo:
    """A memo of each feed's last poll, before its `new` last entries arrived (issue #17)."""
    memo = ParseMemo()
    for n, body in enumerate(bodies):
        found = scan(body)
        assert found is not None, n
        before = found.rebuild(list(range(len(found.entries) - new)))
        answer = parse_items(before, feed_url(n), CONTENT_TYPE, settings(n), 500, memo)
        assert answer.memo is not None, n
        memo.keep(feed_url(n), answer.memo)
    return memo


def only_new(bodies: list[bytes], memo: ParseMemo) -> int:
    """parse_items with the memo, from many tasks at once as Poller.poll calls it: the items
    parsed plus those remembered."""
    async def run() -> list[int]:
        limit = asyncio.Semaphore(CONCURRENCY)

        async def one(n: int, body: bytes) -> int:
            async with limit:
                answer = await asyncio.to_thread(parse_items, body, feed_url(n), CONTENT_TYPE,
                                                 settings(n), 500, memo)
                return len(answer.items) + len(answer.unchanged)

        return await asyncio.gather(*(one(n, body) for n, body in enumerate(bodies)))

    return sum(asyncio.run(run()))


def skipped(bodies: list[bytes], stored: list[str]) -> int:
    """The identical-body check of Poller.poll: sha256 of the body against the stored one."""
    items = 0
    for body, last in zip(bodies, stored, strict=True):
        if hashlib.sha256(body).hexdigest() == last:
            items += ITEMS  # all of them, without parsing
    return items


def skipped_recorded(bodies: list[bytes], stored: list[str], store: Store) -> int:
    """The same, with the write Poller.poll makes for an unchanged feed (record_unchanged)."""
    items = 0
    now = datetime.now(UTC)
    for n, (body, last) in enumerate(zip(bodies, stored, strict=True)):
        if hashlib.sha256(body).hexdigest() == last:
            store.record_unchanged(feed_url(n), f"Feed {n}", now,
                                   Fetched(feed_url(n), feed_url(n), 200, body))
            items += ITEMS
    return items


def children_cpu() -> float:
    """CPU seconds used so far by this process's live children (the parse workers); 0 where
    /proc is not there."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    for children in Path(f"/proc/{os.getpid()}/task").glob("*/children"):
        for pid in children.read_text().split():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # ended meanwhile
            total += (int(fields[11]) + int(fields[12])) / tick  # utime + stime
    return total


def measure(func: Callable[[], int]) -> tuple[float, float, float]:
    """One run: items/s, CPU seconds of this process, and CPU seconds of its children (the
    workers) per wall-clock second."""
    started, cpu_started = time.perf_counter(), time.process_time()
    children_started = children_cpu()
    items = func()
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    workers = (children_cpu() - children_started) / elapsed
    assert items == FEEDS * ITEMS, items
    return items / elapsed, cpu, workers


def median_runs(ways: dict[str, Callable[[], int]]
                ) -> tuple[dict[str, tuple[float, float, float]], list[float]]:
    """Each figure the median of RUNS runs; every way runs once per round, so that noise on
    a shared machine falls on all of them alike. Also the pool's speed over in-process
    parsing in each round."""
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in ways}
    for run in range(RUNS):
        for name, func in ways.items():
            runs[name].append(measure(func))
        print(f"run {run + 1}: " + ", ".join(f"{name.split(' (')[0]} {got[-1][0]:,.0f}"
                                             for name, got in runs.items()), flush=True)
    pool, alone = (next(got for name, got in runs.items() if name.startswith(prefix))
                   for prefix in ("ours through", "ours in-process"))
    return ({name: (statistics.median(v[0] for v in got), statistics.median(v[1] for v in got),
                    statistics.median(v[2] for v in got)) for name, got in runs.items()},
            [p[0] / a[0] for p, a in zip(pool, alone, strict=True)])


def main() -> None:
    bodies = make_bodies()
    megabytes = sum(map(len, bodies)) / 1e6
    pool = default_pool()
    started = time.perf_counter()
    pooled(bodies[:pool.workers * 2])  # every worker started before the clock runs
    warm = time.perf_counter() - started
    assert pool.using_workers, "the parse workers did not start"
    verify(bodies)
    print(f"{FEEDS} feeds, {FEEDS * ITEMS:,} items, {megabytes:.1f} MB; links resolve with "
          "our settings", flush=True)

    stored = [hashlib.sha256(body).hexdigest() for body in bodies]
    one_new, none_new = remembered(bodies, 1), remembered(bodies, 0)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        for n in range(FEEDS):
            store.record_unchanged(feed_url(n), f"Feed {n}", datetime.now(UTC),
                                   Fetched(feed_url(n), feed_url(n), 200, bodies[n]))
        ways: dict[str, Callable[[], int]] = {
            "lxml.etree.fromstring (floor)": lambda: lxml_floor(bodies),
            "stock feedparser.parse": lambda: stock(bodies),
            "stock feedparser.parse, given our response headers": lambda: stock_with_headers(
                bodies),
            "ours in-process (parse_bytes)": lambda: in_process(bodies),
            f"ours through the worker pool ({pool.workers} workers, parse_feed from "
            f"{CONCURRENCY} tasks)": lambda: pooled(bodies),
            "changed body, one new entry in each feed: only it parsed (memo)":
                lambda: only_new(bodies, one_new),
            "changed body, nothing new (memo): no parse": lambda: only_new(bodies, none_new),
            "identical body skipped (sha256 compared)": lambda: skipped(bodies, stored),
            "identical body skipped, with record_unchanged": lambda: skipped_recorded(
                bodies, stored, store),
        }
        rows, pool_speedups = median_runs(ways)
        store.close()

    floor = rows["lxml.etree.fromstring (floor)"][0]
    base = rows["stock feedparser.parse"][0]
    ours = rows["ours in-process (parse_bytes)"][0]
    same_headers = rows["stock feedparser.parse, given our response headers"][0]
    pool_name = next(name for name in rows if name.startswith("ours through"))
    _, pool_cpu, busy = rows[pool_name]
    speedup = statistics.median(pool_speedups)  # within each round, then the median
    lines = [
        f"{FEEDS} feeds x {ITEMS} items ({megabytes:.1f} MB, bench_cycle's corpus) on "
        f"{os.cpu_count()} cores. Median of {RUNS}.",
        "",
        "| path | items/s | speed vs stock feedparser | time vs the lxml floor |",
        "|---|---:|---:|---:|",
        *(f"| {name} | {rate:,.0f} | {rate / base:.2f}x | {floor / rate:.2f}x |"
          for name, (rate, _, _) in rows.items()),
        "",
        f"Our settings (sanitize_html and resolve_relative_uris off), in one process: "
        f"{ours / same_headers:.2f}x the speed of stock settings given the same headers, "
        f"{ours / base:.2f}x plain stock (which, given no base URI, skips the xml:base work "
        f"feedparser does on every element). The worker pool: {speedup:.2f}x "
        f"the in-process speed on {os.cpu_count()} cores: the workers kept {busy:.2f} cores "
        f"busy and the parent spent {pool_cpu / FEEDS * 1000:.1f} ms of CPU per feed (entity "
        f"check, threads, reading and unpickling the answer); starting the workers (the "
        f"first parses included) took {warm:.2f} s, once. Links: every item link "
        "of the 200 feeds, and of variants with relative links (against the document's "
        "address, and against an Atom xml:base), comes out absolute and correct after "
        "parse and normalise.",
        "",
        f"Target: settings off with links still resolving (asserted: met); both cores at work "
        f"(the workers keep at least 1.5 of the {os.cpu_count()} cores busy: {busy:.2f}, "
        f"{'met' if busy >= 1.5 else 'missed'}; {speedup:.2f}x the in-process speed, the "
        "rest being the parent's share and the machine's other load); identical bodies not "
        "parsed "
        f"({rows['identical body skipped (sha256 compared)'][0] / ours:,.0f}x the parse speed: "
        "met).",
    ]
    table = "\n".join(lines)
    publish("parse", table)


if __name__ == "__main__":
    main()
