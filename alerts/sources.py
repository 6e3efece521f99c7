"""Items from places other than a scheduled poll: feed files, JSON Lines, URLs, plain text.

`alerts replay` and `alerts explain` read their input here, through the same parse and
normalise stages as the daemon.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from alerts.config import FetchSettings
from alerts.errors import AlertsError, FeedError
from alerts.fetch import Fetcher
from alerts.models import Feed, Item
from alerts.normalise import canonical_link, html_to_text, normalise
from alerts.parse import parse_feed


@dataclass(frozen=True)
class Source:
    feed: Feed
    items: list[Item]


def _feed_identity(parsed: Any, fallback: str) -> tuple[str, str]:
    """Snapshots of one feed share its identity: its self link, else its site link."""
    meta = parsed.get("feed", {})
    for link in meta.get("links", []):
        if link.get("rel") == "self" and link.get("href"):
            return str(link["href"]), str(meta.get("title") or fallback)
    url = str(meta.get("link") or fallback)
    return url, str(meta.get("title") or fallback)


def from_feed_bytes(body: bytes, location: str, name_hint: str) -> Source:
    parsed = parse_feed(body, location)
    url, name = _feed_identity(parsed, location)
    feed = Feed(url=url, name=name, interval=0)
    return Source(feed, normalise(list(parsed.entries), feed, location,
                                  parsed.get("version") or ""))


def _parse_time(value: Any) -> datetime | None:
    if not value:
        return None
    text = str(value)
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return None
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def from_jsonl(path: Path) -> list[Source]:
    """One item per line, with keys as feeds and archives name them (title, description,
    link, guid, pubDate, feed...)."""
    feeds: dict[str, Source] = {}
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise AlertsError(f"{path}:{number}: not a JSON object ({exc.msg}); each line "
                              "must be one item") from None
        feed_name = str(row.get("feed") or row.get("source") or path.stem)
        source = feeds.setdefault(feed_name, Source(
            Feed(url=f"file://{path.resolve()}#{feed_name}", name=feed_name, interval=0), []))
        title = html_to_text(row.get("title"))
        summary = html_to_text(row.get("summary") or row.get("description") or "")
        guid = str(row.get("guid") or row.get("id") or "").strip() or None
        link = canonical_link(row.get("link") or row.get("url"))
        published = _parse_time(row.get("published") or row.get("pubDate") or row.get("date"))
        entry = {"id": guid, "title": title, "summary": summary, "link": link}
        found = normalise([entry], source.feed, link or source.feed.url)
        if not found:
            continue
        (item,) = found
        source.items.append(_with_time(item, published))
    return list(feeds.values())


def _with_time(item: Item, published: datetime | None) -> Item:
    from dataclasses import replace

    return replace(item, published=published) if published else item


def from_text(text: str, name: str = "text") -> Source:
    feed = Feed(url=f"text:{name}", name=name, interval=0)
    title, _, rest = text.strip().partition("\n")
    entry = {"title": title, "summary": rest.strip()}
    return Source(feed, normalise([entry], feed, feed.url))


def read_path(path: Path) -> list[Source]:
    if not path.exists():
        raise AlertsError(f"{path} does not exist; give a feed file, a .jsonl file or a URL")
    if path.is_dir():
        sources: list[Source] = []
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if child.suffix.lower() in (".xml", ".rss", ".atom", ".rdf", ".jsonl"):
                sources.extend(read_path(child))
        return sources
    if path.suffix.lower() == ".jsonl":
        return from_jsonl(path)
    body = path.read_bytes()
    try:
        return [from_feed_bytes(body, f"file://{path.resolve()}", path.stem)]
    except FeedError:
        if path.suffix.lower() in (".txt", ".md", ""):
            return [from_text(body.decode("utf-8", "replace"), path.name)]
        raise


def read_url(url: str, settings: FetchSettings) -> Source:
    async def go() -> Source:
        fetcher = Fetcher(settings)
        try:
            fetched = await fetcher.fetch(url)
        finally:
            await fetcher.aclose()
        assert fetched.body is not None
        return from_feed_bytes(fetched.body, fetched.final_url, url)
    return asyncio.run(go())


def from_store(path: Path) -> list[Source]:
    """Items already stored by the daemon, feed by feed."""
    from alerts.state import Store

    if not path.exists():
        raise AlertsError(f"no state database at {path}; give stored:PATH or --config")
    store = Store(path)
    try:
        sources = []
        for feed_url, name, rows in store.stored_items():
            feed = Feed(url=feed_url, name=name or feed_url, interval=0)
            items = [Item(feed_url=feed_url, feed_name=feed.name, key=row["key"],
                          guid=row["guid"], link=row["link"], title=row["title"],
                          summary=row["summary"],
                          published=_parse_time(row["published"]), language=row["language"],
                          content_hash=row["content_hash"], content=row["content"],
                          author=row["author"], categories=row["categories"])
                     for row in rows]
            sources.append(Source(feed, items))
        return sources
    finally:
        store.close()


def read_inputs(inputs: list[str], settings: FetchSettings,
                stored: Path | None = None) -> list[Source]:
    """Paths, URLs, and `stored` (the configured state database) or `stored:PATH`."""
    sources: list[Source] = []
    for value in inputs:
        if value == "stored" or value.startswith("stored:"):
            path = Path(value[len("stored:"):]) if value.startswith("stored:") else stored
            if path is None:
                raise AlertsError("'stored' needs a configuration (--config) to find the state "
                                  "database, or write stored:PATH")
            sources.extend(from_store(path))
        elif value.startswith(("http://", "https://")):
            sources.append(read_url(value, settings))
        else:
            sources.extend(read_path(Path(value)))
    return sources
