"""OPML 2.0, the format every feed reader speaks: read with listparser, written here."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.etree import ElementTree as ET

from alerts.errors import AlertsError
from alerts.feedlist import FeedEntry


class OpmlError(AlertsError):
    """The file is not an OPML subscription list."""


def read_opml(data: bytes, source: str) -> list[FeedEntry]:
    """Every feed in the file, folders (nested outlines, `category`) kept as tags."""
    import listparser

    result = listparser.parse(_as_utf8(data, source))
    if not result.feeds:
        why = f" ({result.bozo_exception})" if result.bozo else ""
        raise OpmlError(f"{source} lists no feeds{why}; export your subscriptions from the "
                        "other reader as OPML and try again")
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for feed in result.feeds:
        url = (feed.get("url") or "").strip()
        if not url.startswith(("http://", "https://")) or url in seen:
            continue
        seen.add(url)
        tags: list[str] = []
        for path in feed.get("categories") or []:
            for part in path:
                if part and part not in tags:
                    tags.append(part)
        for tag in feed.get("tags") or []:
            if tag and tag not in tags:
                tags.append(tag)
        title = (feed.get("title") or "").strip() or None
        entries.append(FeedEntry(url, title if title != url else None, tags=tuple(tags)))
    if not entries:
        raise OpmlError(f"{source} lists no http(s) feed addresses")
    return entries


_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def _as_utf8(data: bytes, source: str) -> bytes:
    """listparser reads bytes as UTF-8 only; exports in Latin-1 or UTF-16 are common."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            text = data.decode(codec)
            break
    else:
        declared = _DECLARED.match(data[:200])
        codec = declared.group(1).decode("ascii") if declared else "utf-8"
        try:
            text = data.decode(codec)
        except (LookupError, UnicodeDecodeError) as exc:
            raise OpmlError(f"{source} is not readable as {codec} ({exc}); save it as UTF-8 "
                            "and import it again") from None
    text = re.sub(r"""^(\s*<\?xml[^>]*encoding\s*=\s*["'])[^"']+""", r"\1utf-8", text)
    return text.encode("utf-8")


def write_opml(entries: Iterable[FeedEntry], title: str = "alerts feeds") -> bytes:
    """Feeds in folders named by their first tag; every tag also in `category`.

    The feeds keep their order: a run of feeds with the same first tag shares one folder, so
    a folder name can recur when the list goes back to it (readers merge such folders), and
    importing the file gives back the list as it was."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC), usegmt=True)
    body = ET.SubElement(root, "body")
    folder: ET.Element | None = None
    for entry in entries:
        parent = body
        if entry.tags:
            if folder is None or folder.get("text") != entry.tags[0]:
                folder = ET.SubElement(body, "outline", text=entry.tags[0], title=entry.tags[0])
            parent = folder
        else:
            folder = None
        attrs = {"type": "rss", "text": entry.name or entry.url, "title": entry.name or entry.url,
                 "xmlUrl": entry.url}
        if entry.tags:
            attrs["category"] = ",".join(entry.tags)
        if entry.language:
            attrs["language"] = entry.language
        ET.SubElement(parent, "outline", attrs)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8")
