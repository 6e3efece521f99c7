"""Small RSS/Atom documents built in tests."""

from __future__ import annotations

from xml.sax.saxutils import escape


def rss_item(title: str, *, guid: str | None = None, link: str | None = None,
             summary: str = "", pub: str = "Tue, 01 Jul 2025 14:05:00 GMT") -> str:
    parts = [f"<title>{escape(title)}</title>"]
    if link is not None:
        parts.append(f"<link>{escape(link)}</link>")
    if guid is not None:
        parts.append(f'<guid isPermaLink="false">{escape(guid)}</guid>')
    parts.append(f"<description>{escape(summary)}</description><pubDate>{pub}</pubDate>")
    return "<item>" + "".join(parts) + "</item>"


def rss(*items: str, title: str = "Test Wire") -> str:
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{escape(title)}</title><link>https://wire.example.org/</link>"
            f"<description>test</description>{''.join(items)}</channel></rss>")
