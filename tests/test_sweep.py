"""Every feed file of the shared corpus through the real fetch -> parse -> normalise path.

About 4,900 files (feedparser's well- and ill-formed suite, Feed Validator cases, other
parsers' fixtures, legacy Russian encodings, right-to-left feeds, real news snapshots) are
served from a loopback server. No exception may escape, no entry with a usable title or link
may be dropped, and the run reports items, errors by kind and the slowest files.
"""

from __future__ import annotations

import asyncio
import re
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from alerts.config import FetchSettings
from alerts.errors import FeedError
from alerts.fetch import Fetcher
from alerts.models import Feed
from alerts.normalise import MAX_TITLE, canonical_link, html_to_text, normalise
from alerts.parse import parse_feed
from alerts.parseworker import default_pool
from tests.conftest import CORPUS
from tests.servers import FeedServer

pytestmark = [
    pytest.mark.sweep,
    pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present"),
]

FEED_SUFFIXES = {".xml", ".rss", ".atom", ".rdf"}
DATA_SUFFIXES = {".json", ".jsonl", ".csv", ".tsv", ".md", ".txt", ".config", ".expected",
                 ".html"}
FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf", b"<channel", b"<?xml")
CONTENT_TYPES = {".atom": "application/atom+xml", ".rss": "application/rss+xml"}
# Refusals the daemon makes on purpose; any other kind (parse-budget, parse-error, network...)
# on a corpus file is a bug.
EXPECTED_ERRORS = {"entities", "not-a-feed", "html", "empty"}
# As many files in flight as parse workers: no parse waits for a worker, so each file's time
# is its own, and the workers (the bottleneck) are never idle for long.
CONCURRENCY = default_pool().workers + 1


def corpus_feeds() -> list[Path]:
    """Feed files by extension, plus extension-less or odd ones whose content is a feed."""
    found = []
    for path in sorted(CORPUS.rglob("*")):
        suffix = path.suffix.lower()
        if not path.is_file() or suffix in DATA_SUFFIXES or path.name.startswith("UPSTREAM"):
            continue
        if suffix in FEED_SUFFIXES:
            found.append(path)
            continue
        head = path.read_bytes()[:2048].lower()
        if any(marker in head for marker in FEED_MARKERS):
            found.append(path)
    return found


_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w")


def usable(entry: dict, base: str) -> bool:
    """An entry a person could read or follow, judged without the normaliser's code."""
    title = str(entry.get("title") or "")
    if _WORD.search(_TAG.sub("", title)):
        return True
    link = str(entry.get("link") or "").strip()
    try:
        parts = urlsplit(link)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


@dataclass
class Report:
    files: int = 0
    parsed: int = 0
    entries: int = 0
    items: int = 0
    errors: Counter = field(default_factory=Counter)
    error_files: dict[str, list[str]] = field(default_factory=dict)
    crashes: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    times: list[tuple[float, str]] = field(default_factory=list)


async def sweep(server: FeedServer, routes: dict[str, Path], report: Report) -> None:
    settings = FetchSettings(timeout=30, allow_networks=("127.0.0.0/8",))
    fetcher = Fetcher(settings)
    limit = asyncio.Semaphore(CONCURRENCY)

    async def one(route: str, path: Path) -> None:
        name = str(path.relative_to(CORPUS))
        async with limit:
            started = time.monotonic()
            try:
                fetched = await fetcher.fetch(server.base + route)
                assert fetched.body is not None
                parsed = await asyncio.to_thread(parse_feed, fetched.body, fetched.final_url,
                                                 fetched.content_type)
                entries = list(parsed.entries)[: settings.max_entries]
                feed = Feed(fetched.final_url, name, 60)
                items = normalise(entries, feed, fetched.final_url)
            except FeedError as exc:
                report.errors[exc.kind] += 1
                report.error_files.setdefault(exc.kind, []).append(name)
                return
            except Exception:
                report.crashes.append(f"{name}:\n{traceback.format_exc()}")
                return
            finally:
                report.times.append((time.monotonic() - started, name))
        report.parsed += 1
        report.entries += len(entries)
        report.items += len(items)
        titles = {i.title for i in items}
        links = {i.link for i in items}
        for entry in entries:
            if not usable(entry, fetched.final_url):
                continue
            link = canonical_link(entry.get("link"), fetched.final_url)
            title = html_to_text(entry.get("title"), MAX_TITLE)
            if not ((link and link in links) or (title and title in titles)):
                report.dropped.append(f"{name}: {entry.get('title')!r} {entry.get('link')!r}")

    try:
        await asyncio.gather(*(one(route, path) for route, path in routes.items()))
    finally:
        await fetcher.aclose()


def test_every_corpus_feed_goes_through_fetch_parse_normalise(capsys):
    files = corpus_feeds()
    assert len(files) > 4000, "the corpus looks incomplete"
    server = FeedServer()
    routes: dict[str, Path] = {}
    try:
        for index, path in enumerate(files):
            body = path.read_bytes()
            headers = {"Content-Encoding": "gzip"} if body[:2] == b"\x1f\x8b" else {}
            ctype = CONTENT_TYPES.get(path.suffix.lower(), "application/xml")
            route = f"/{index}{path.suffix}"
            server.put(route, body, content_type=ctype, headers=headers, validators=False)
            routes[route] = path
        report = Report(files=len(files))
        started = time.monotonic()
        asyncio.run(sweep(server, routes, report))
        elapsed = time.monotonic() - started
    finally:
        server.close()

    slowest = sorted(report.times, reverse=True)[:8]
    with capsys.disabled():
        print(f"\ncorpus sweep: {report.files} files in {elapsed:.1f} s; {report.parsed} parsed, "
              f"{report.entries} entries -> {report.items} items; errors by kind: "
              f"{dict(sorted(report.errors.items()))}")
        for kind, names in sorted(report.error_files.items()):
            print(f"  {kind}: {', '.join(names[:4])}{' ...' if len(names) > 4 else ''}")
        print("  slowest: " + ", ".join(f"{name} {seconds:.2f}s" for seconds, name in slowest))
    assert not report.crashes, "\n".join(report.crashes[:5])
    assert not report.dropped, "\n".join(report.dropped[:20])
    assert set(report.errors) <= EXPECTED_ERRORS, report.error_files
    assert report.parsed + sum(report.errors.values()) == report.files
