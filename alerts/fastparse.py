"""feedparser's entries for the plain, well-formed feed, read in one ElementTree pass.

feedparser stays the parser of record: this module repeats, for the elements it knows, what
feedparser's strict (XML) parser does with each entry (RSS 2.0 `<item>`, Atom `<entry>`),
using feedparser's own helpers for the parts that are subtle (the character encoding, URL
joins, dates, the cp1252 table), and gives up (None) on anything else, which then goes to
feedparser as before. The feed-level fields (version, title, ttl, complaints) come from
feedparser itself, run on the document without its entries.

What it reads, per entry, is what alerts.normalise.entry_facts asks for: id, link, title,
summary, content, dates, authors, categories and the title's language. It gives up on a
document with a DOCTYPE, comments or processing instructions among its entries, xml:base or
`base` attributes, an encoding feedparser complained about differently, entry attributes,
any entry child it does not know whose handling by feedparser could touch those fields,
children inside text fields (except Atom's xhtml), base64 or unusual content types, a
namespace prefix used two ways, and a feed title after the entries. tests/test_parse_fast.py
checks, on every feed of the shared corpus, that the items are those of a full parse.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
import xml.etree.ElementTree as ET
from typing import Any

from alerts.entryscan import Scan, scan

ATOM = "http://www.w3.org/2005/Atom"
_XML = "http://www.w3.org/XML/1998/namespace"
_XHTML = "http://www.w3.org/1999/xhtml"
# What normalise reads, and what the emulated handlers keep: an unknown element of one of
# these names would overwrite them (FeedParserDict renames some keys on the way in).
_PROTECTED = frozenset({
    "id", "title", "title_detail", "link", "links", "summary", "summary_detail", "content",
    "published", "published_parsed", "updated", "updated_parsed", "created",
    "created_parsed", "author", "authors", "author_detail", "tags", "guidislink", "href",
    "source", "category", "enclosures", "license",
})
_DATES = {
    "pubdate": "published", "published": "published", "issued": "published",
    "dcterms_issued": "published", "updated": "updated", "modified": "updated",
    "lastbuilddate": "updated", "dc_date": "updated", "dcterms_modified": "updated",
    "created": "created", "dcterms_created": "created",
}
_AUTHORS = frozenset({"author", "dc_creator", "dc_author"})
_CATEGORIES = frozenset({"category", "dc_subject"})
# Handled elements that never touch what normalise reads (when they have no children).
_INERT_HANDLED = frozenset({"enclosure", "source", "media_content", "media_thumbnail"})
_TEXT_TYPES = frozenset({"text/plain", "text/html", "application/xhtml+xml"})
# An absolute http(s) link without userinfo, query, parameters or fragment, whose path is
# unreserved characters and escapes: feedparser's join (urllib's urljoin) leaves it as it is.
_ABSOLUTE = re.compile(r"https?://[A-Za-z0-9](?:[A-Za-z0-9.-]{0,250}[A-Za-z0-9])?"
                       r"(?::[0-9]{1,5})?(?:/[A-Za-z0-9_~.%/-]*)?")
# One relative path segment of unreserved characters and escapes, not a dot segment ("." or
# ".."): joined to a base, it replaces the base's last segment and nothing else changes
# (GUIDs that are not links but are taken for them: <guid>item-123</guid>).
_SEGMENT = re.compile(r"[A-Za-z0-9_~%-][A-Za-z0-9_~.%-]*")
_C1 = re.compile("[\x80-\x9f]")  # what feedparser's cp1252 table maps
_LANG_NAMES = (f"{{{_XML}}}lang", "lang")
_COMMENT_OR_PI = re.compile(rb"<!--|<\?")
_FOOTER_TITLE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?title\b", re.IGNORECASE)
_EMAIL = re.compile(r"""(([a-zA-Z0-9\_\-\.\+]+)@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.)|"""
                    r"""(([a-zA-Z0-9\-]+\.)+))([a-zA-Z]{2,4}|[0-9]{1,3})(\]?))(\?subject=\S+)?""")


class _Unsure(Exception):
    """Something feedparser might read otherwise: leave the document to it."""


class _Feedparser:
    """The pieces of feedparser this module uses, imported once."""

    def __init__(self) -> None:
        import feedparser
        from feedparser.api import replace_doctype
        from feedparser.datetimes import _parse_date
        from feedparser.encodings import convert_to_utf8
        from feedparser.html import _cp1252
        from feedparser.mixin import _FeedParserMixin
        from feedparser.parsers.strict import _StrictFeedParser
        from feedparser.urls import _urljoin, make_safe_absolute_uri
        from feedparser.util import FeedParserDict

        self.module = sys.modules[_FeedParserMixin.__module__]
        self.parse = feedparser.parse
        self.replace_doctype = replace_doctype
        self.parse_date = _parse_date
        self.convert_to_utf8 = convert_to_utf8
        self.cp1252 = _cp1252
        self.mixin = _FeedParserMixin
        self.FeedParserDict = FeedParserDict
        self.make_safe_absolute_uri = make_safe_absolute_uri
        self._urljoin = _urljoin
        self.namespaces = {k.lower(): v for k, v in _FeedParserMixin.namespaces.items()}
        self.keymap = frozenset(FeedParserDict.keymap)
        self._folders: dict[str, str] = {}  # base -> what a segment is appended to ("": no)
        parser = type("_Probe", (_StrictFeedParser, _FeedParserMixin), {})
        self.handled = frozenset(
            name[len(kind):] for name in dir(parser)
            for kind in ("_start_", "_end_") if name.startswith(kind))

    def urljoin(self, base: str, uri: str) -> str:
        if _ABSOLUTE.fullmatch(uri):
            return uri  # urljoin gives a plain absolute link back as it is
        if _SEGMENT.fullmatch(uri):
            folder = self._folder(base)
            if folder:
                return folder + uri
        # feedparser.mixin's name, which alerts.parseworker may have wrapped in a cache
        return self.module._urljoin(base, uri)  # type: ignore[no-any-return]

    def _folder(self, base: str) -> str:
        """What feedparser's join appends a relative segment to, found by joining one: urljoin
        puts a lone segment last, after the base's scheme, host and resolved folder. ""
        when there is none (a scheme it does not join gives the segment back alone; a base
        it refuses, "")."""
        folder = self._folders.get(base)
        if folder is None:
            joined: str = self.module._urljoin(base, "x")
            folder = joined[:-1]
            if len(self._folders) >= 4096:  # one per feed address: bounded all the same
                self._folders.clear()
            self._folders[base] = folder
        return folder


_fp: _Feedparser | None = None


def _feedparser() -> _Feedparser:
    global _fp
    if _fp is None:
        _fp = _Feedparser()
    return _fp


def read(body: bytes, final_url: str, content_type: str | None,
         parse: Any = None, max_field: int | None = None,
         max_meta: int | None = None, max_tags: int | None = None,
         max_author_cost: int | None = None,
         max_elements: int | None = None,
         found: Scan | None = None,
         header: tuple[str, str, str] | None = None) -> tuple[Any, list[dict]] | None:
    """(feedparser's result for the document without its entries, each entry as feedparser
    would give it), or None when the document is not plain enough to be sure. `parse` runs
    feedparser on bytes (alerts.parseworker.parse_bytes). With `max_field`, a date or an
    author longer than that many characters is not read (feedparser's regular expressions
    for them are quadratic at worst: 8,000 characters of an author took a second), and with
    `max_meta`, neither is a document whose bytes around its entries (what `parse` reads)
    are longer: the reading is bounded, for a caller without a worker's budget. With
    `max_tags`, neither is an entry with more categories (feedparser compares each new one
    with every earlier one: 40,000 took 34 s), and with `max_author_cost`, a document whose
    authors' lengths squared add up to more (the e-mail pattern again: 1,000 authors of
    1,000 letters, each within `max_field`, took 5.4 s). With `max_elements`, a document
    of more elements is given up as soon as the tree holds that many (1 MiB of empty
    elements made a 61 MiB tree). `found`: scan(body), when the caller made it already.
    `header`: (version, encoding, complaint) of feedparser's reading of this document
    without its entries, when the caller knows it (alerts.parse: the feed's last document
    had the same surroundings); `parse` is then not run and the first item of the answer
    is None."""
    if found is None:
        found = scan(body)
    if found is None:
        return None
    if max_meta is not None and len(found.header) + len(found.footer) > max_meta:
        return None
    try:
        return _read(body, found, final_url, content_type, parse, max_field, max_tags,
                     max_author_cost, max_elements, header)
    except MemoryError:
        raise  # the worker's budget answers for it
    except Exception:  # unsure, or deeper than this reader recurses: feedparser reads it
        return None


def _read(body: bytes, found: Scan, final_url: str, content_type: str | None,
          parse: Any, max_field: int | None = None, max_tags: int | None = None,
          max_author_cost: int | None = None,
          max_elements: int | None = None,
          header: tuple[str, str, str] | None = None) -> tuple[Any, list[dict]] | None:
    fp = _feedparser()
    if any(_COMMENT_OR_PI.search(e) for e in found.entries) \
            or _FOOTER_TITLE.search(found.footer):
        return None
    headers = {"content-location": final_url}
    if content_type:
        headers["content-type"] = content_type
    result = fp.FeedParserDict(bozo=False, entries=[], feed=fp.FeedParserDict(), headers={})
    data = fp.convert_to_utf8(dict(headers), body, result)
    if not result.get("encoding"):
        return None
    version, data, entities = fp.replace_doctype(data)
    if version or entities:
        return None
    complaint = type(result.get("bozo_exception")).__name__ if result.get("bozo") else ""
    meta = None
    if header is None:
        meta = parse(found.header + found.footer, final_url, content_type)
        header = (meta.get("version"), meta.get("encoding"),
                  type(meta.get("bozo_exception")).__name__ if meta.get("bozo") else "")
        if meta.get("entries"):
            return None
    meta_version, meta_encoding, meta_complaint = header
    if (meta_version not in ("rss20", "atom10") or meta_encoding != result["encoding"]
            or complaint != meta_complaint):
        return None
    events = ET.iterparse(io.BytesIO(data), events=("start-ns", "start"))
    declared: dict[str, set[str]] = {}
    elements = 0
    for kind, value in events:
        if kind == "start-ns":
            prefix, uri = value
            declared.setdefault(uri, set()).add(prefix)
        elif max_elements is not None:
            elements += 1
            if elements > max_elements:
                return None  # see read()
    root = events.root  # type: ignore[attr-defined]
    reader = _Reader(fp, declared, meta_version, final_url, max_field, max_tags,
                     max_author_cost)
    if meta_version == "rss20":
        if root.tag != "rss":
            return None
        channels = [c for c in root if c.tag == "channel"]
        if len(channels) != 1:
            return None
        parents = [root, channels[0]]
        entries = [c for c in channels[0] if c.tag == "item"]
    else:
        if root.tag != f"{{{ATOM}}}feed":
            return None
        parents = [root]
        entries = [c for c in root if c.tag == f"{{{ATOM}}}entry"]
    if len(entries) != len(found.entries):
        return None
    for element in root.iter():
        for name in element.attrib:
            local = name.rpartition("}")[2].lower()
            if local == "base" or (local == "lang" and name not in _LANG_NAMES):
                return None
    lang = None
    for parent in parents:
        lang = _lang(parent, lang)
    return meta, [reader.entry(e, lang) for e in entries]


def _lang(element: ET.Element, inherited: str | None) -> str | None:
    value = element.attrib.get(f"{{{_XML}}}lang", element.attrib.get("lang"))
    if value == "":
        return None
    return inherited if value is None else value


def _map_type(value: str) -> str:
    value = value.lower()
    return {"text": "text/plain", "plain": "text/plain", "html": "text/html",
            "xhtml": "application/xhtml+xml"}.get(value, value)


class _Reader:
    def __init__(self, fp: _Feedparser, declared: dict[str, set[str]], version: str,
                 final_url: str, max_field: int | None = None, max_tags: int | None = None,
                 max_author_cost: int | None = None):
        self.fp = fp
        self.max_field = max_field
        self.max_tags = max_tags
        self.author_cost = max_author_cost  # what is left of it
        self.version = version
        base = (fp.make_safe_absolute_uri("", final_url)
                or fp.make_safe_absolute_uri(final_url) or "")
        if not base:
            raise _Unsure
        # feedparser re-joins the base with itself at every element; it must settle at once
        settled = fp.make_safe_absolute_uri(base, base) or base
        if (fp.make_safe_absolute_uri(settled, settled) or settled) != settled:
            raise _Unsure
        self.base = settled
        # A prefix a document binds to one of feedparser's known namespaces is mapped to
        # feedparser's own name for it; one used two ways (or as another known name) is not
        # worth the risk.
        self.prefix_of: dict[str, str] = {}
        canonical = set(fp.namespaces.values())
        mapped: dict[str, str] = {}
        for uri, prefixes in declared.items():
            lower = uri.lower()
            if "backend.userland.com/rss" in lower:
                lower = "http://backend.userland.com/rss"
            if lower in fp.namespaces:
                for prefix in prefixes:
                    if not prefix:
                        continue
                    name = fp.namespaces[lower]
                    if mapped.setdefault(prefix, name) != name or (
                            prefix in canonical and prefix != name):
                        raise _Unsure
            elif len(prefixes) != 1 or "" in prefixes:
                continue  # only an element in it makes this matter (see key())
            else:
                self.prefix_of[uri] = next(iter(prefixes))
        self.mapped_lower = {p.lower() for p in mapped}

    def key(self, tag: str) -> str:
        """feedparser's name for an element: its known prefix and the local name."""
        if tag[:1] != "{":
            return tag.lower()
        uri, _, local = tag[1:].partition("}")
        lower = uri.lower()
        if "backend.userland.com/rss" in lower:
            lower = "http://backend.userland.com/rss"
        local = local.lower()
        if lower in self.fp.namespaces:
            prefix = self.fp.namespaces[lower]
            return f"{prefix}_{local}" if prefix else local
        prefix = self.prefix_of.get(uri)
        if prefix is None or prefix.lower() in self.mapped_lower:
            raise _Unsure
        return f"{prefix.lower()}_{local}"

    def attrs(self, element: ET.Element) -> dict[str, str]:
        out: dict[str, str] = {}
        for name, value in element.attrib.items():
            if name[:1] == "{":
                if not name.startswith(f"{{{_XML}}}"):
                    raise _Unsure
                name = "xml:" + name.partition("}")[2]
            name = name.lower()
            out[name] = value.lower() if name in ("rel", "type") else value
        return out

    # -- feedparser's pop(), for an element of the entry ---------------------------------------

    def finish(self, output: str, element: str, guidislink: bool = False) -> str:
        output = output.strip()
        if element in self.fp.mixin.can_be_relative_uri and output and (
                element != "id" or guidislink):
            output = self.fp.urljoin(self.base, output)
        if output.isascii():  # both steps below leave ASCII as it is
            return output
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            output = output.encode("iso-8859-1").decode("utf-8")
        return output.translate(self.fp.cp1252) if _C1.search(output) else output

    def text(self, element: ET.Element) -> str:
        if len(element):
            raise _Unsure  # markup that is not escaped: feedparser re-serialises it
        return element.text or ""

    def content(self, element: ET.Element, attrs: dict[str, str], default: str,
                lang: str | None) -> tuple[dict, str]:
        """push_content's parameters and the element's value (before finish())."""
        if attrs.get("mode", "") == "base64":
            raise _Unsure
        kind = _map_type(attrs.get("type", default))
        if not (kind.startswith("text/") or kind.endswith("+xml") or kind.endswith("/xml")):
            raise _Unsure  # base64 content
        params = {"type": kind, "language": lang.replace("_", "-") if lang else lang,
                  "base": self.base}
        raw = self.xhtml(element) if kind == "application/xhtml+xml" else self.text(element)
        return params, raw

    def xhtml(self, element: ET.Element) -> str:
        pieces: list[str] = []
        if element.text:
            pieces.append(_escape(element.text))
        for child in element:
            self._serialise(child, pieces)
            if child.tail:
                pieces.append(_escape(child.tail))
        if self.version == "atom10":
            while pieces and len(pieces) > 1 and not pieces[-1].strip():
                del pieces[-1]
            while pieces and len(pieces) > 1 and not pieces[0].strip():
                del pieces[0]
            if pieces and (pieces[0] == "<div>" or pieces[0].startswith("<div ")) \
                    and pieces[-1] == "</div>":
                depth = 0
                for piece in pieces[:-1]:
                    if piece.startswith("</"):
                        depth -= 1
                        if depth == 0:
                            break
                    elif piece.startswith("<") and not piece.endswith("/>"):
                        depth += 1
                else:
                    pieces = pieces[1:-1]
        return "".join(pieces)

    def _serialise(self, element: ET.Element, pieces: list[str]) -> None:
        tag = element.tag
        if tag[:1] == "{":
            uri, _, tag = tag[1:].partition("}")
            if uri != _XHTML:
                raise _Unsure
        tag = tag.lower()
        # feedparser calls its end handler for an element inside xhtml content too (the
        # one for <title> clears the content's parameters): only plain markup is read here
        if tag in ("svg", "math") or tag in self.fp.handled \
                or f"xhtml_{tag}" in self.fp.handled:
            raise _Unsure
        attrs = self.attrs(element)
        quoted = "".join(f' {k}="{_escape(v).replace(chr(34), "&quot;")}"'
                         for k, v in attrs.items())
        pieces.append(f"<{tag}{quoted}>")
        if element.text:
            pieces.append(_escape(element.text))
        for child in element:
            self._serialise(child, pieces)
            if child.tail:
                pieces.append(_escape(child.tail))
        pieces.append(f"</{tag}>")

    # -- one entry -----------------------------------------------------------------------------

    def entry(self, element: ET.Element, lang: str | None) -> dict:
        attrs = element.attrib
        if any(name not in (f"{{{_XML}}}lang", "lang") for name in attrs):
            raise _Unsure  # rdf:about, lastmod, href... set fields of their own
        lang = _lang(element, lang)
        entry: dict[str, Any] = {}
        state = {"guidislink": False, "title_set": False, "has_content": False}
        for child in element:
            self.child(entry, state, child, _lang(child, lang))
        return entry

    def child(self, entry: dict, state: dict, child: ET.Element, lang: str | None) -> None:
        key = self.key(child.tag)
        attrs = self.attrs(child)
        if key in ("title", "dc_title"):
            params, raw = self.content(child, attrs, "text/plain", lang)
            value = self.finish(raw, "title")
            if not state["title_set"]:
                entry["title"] = value
                entry["title_detail"] = {**params, "value": value}
            if value:
                state["title_set"] = True
        elif key == "link":
            attrs.setdefault("rel", "alternate")
            attrs.setdefault("type", "application/atom+xml" if attrs["rel"] == "self"
                             else "text/html")
            href = attrs.get("url", attrs.get("uri", attrs.get("href")))
            if href:
                attrs.pop("url", None)
                attrs.pop("uri", None)
                attrs["href"] = href
            if "href" in attrs:
                if attrs["rel"] == "alternate" and _map_type(attrs["type"]) in (
                        "application/xhtml+xml", "text/html"):
                    entry["link"] = self.fp.urljoin(self.base, attrs["href"])
            else:
                value = self.finish(self.text(child), "link")
                value = value.replace("&amp;", "&")
                entry["link"] = re.sub("&([A-Za-z0-9_]+);", r"&\g<1>", value)
        elif key in ("guid", "id"):
            state["guidislink"] = attrs.get("ispermalink", "true") == "true"
            value = self.finish(self.text(child), "id", state["guidislink"])
            entry["id"] = value
            if state["guidislink"]:
                entry.setdefault("link", value)
        elif key in ("description", "dc_description", "summary"):
            if "summary" in entry and not state["has_content"]:
                raise _Unsure  # feedparser files it as content
            params, raw = self.content(child, attrs, "text/html" if key != "summary"
                                       else "text/plain", lang)
            value = self.finish(raw, "summary")
            entry["summary"] = value
            entry["summary_detail"] = {**params, "value": value}
        elif key in ("content", "content_encoded"):
            state["has_content"] = True
            params, raw = self.content(child, attrs, "text/plain" if key == "content"
                                       else "text/html", lang)
            if key == "content" and attrs.get("src"):
                params["src"] = attrs["src"]
            copy_to_summary = params["type"] in _TEXT_TYPES
            value = self.finish(raw, "content")
            if not self.version.startswith("atom") and params["type"] == "text/plain" \
                    and self.fp.mixin.looks_like_html(value):
                params["type"] = "text/html"
            entry.setdefault("content", []).append({**params, "value": value})
            if copy_to_summary:
                entry.setdefault("summary", value)
        elif key in _DATES:
            kind = _DATES[key]
            value = self.finish(self.text(child), kind)
            self.bounded(value)
            entry[kind] = value
            entry[f"{kind}_parsed"] = self.fp.parse_date(value)
        elif key in _AUTHORS:
            self.author(entry, child)
        elif key in _CATEGORIES:
            if self.max_tags is not None and len(entry.get("tags", ())) >= self.max_tags:
                raise _Unsure  # see read()
            term, scheme = attrs.get("term"), attrs.get("scheme", attrs.get("domain"))
            _add_tag(entry, term, scheme, attrs.get("label"))
            value = self.finish(self.text(child), "category")
            if value:
                tags = entry["tags"]
                if tags and not tags[-1]["term"]:
                    tags[-1]["term"] = value
                else:
                    _add_tag(entry, value, None, None)
        elif key in _INERT_HANDLED:
            if len(child):
                raise _Unsure
            if key == "source":
                state["title_set"] = False  # feedparser resets the title depth
        elif key in self.fp.handled or key in _PROTECTED or key in self.fp.keymap \
                or len(child):
            raise _Unsure
        # else: an element feedparser has no handler for, stored under its own name

    def bounded(self, value: str) -> None:
        """A date or author within max_field characters (see read())."""
        if self.max_field is not None and len(value) > self.max_field:
            raise _Unsure

    def author(self, entry: dict, element: ET.Element) -> None:
        entry.setdefault("authors", []).append({})
        text = "".join(element.itertext())
        self.bounded(text)
        if self.author_cost is not None:  # see read()
            self.author_cost -= len(text) ** 2
            if self.author_cost < 0:
                raise _Unsure
        for child in element:
            key = self.key(child.tag)
            if len(child) or self.attrs(child):
                raise _Unsure
            if key in ("name", "email"):
                _save_author(entry, key, (child.text or "").strip())
            elif key in ("uri", "url", "homepage"):
                _save_author(entry, "href", self.finish(child.text or "", "href"))
            else:
                raise _Unsure
        raw = (element.text or "") + "".join(c.tail or "" for c in element)
        entry["author"] = self.finish(raw, "author")
        _sync_author_detail(entry)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _add_tag(entry: dict, term: str | None, scheme: str | None, label: str | None) -> None:
    tags = entry.setdefault("tags", [])
    if not term and not scheme and not label:
        return
    value = {"term": term, "scheme": scheme, "label": label}
    if value not in tags:
        tags.append(value)


def _save_author(entry: dict, key: str, value: str) -> None:
    entry.setdefault("author_detail", {})[key] = value
    _sync_author_detail(entry)
    entry.setdefault("authors", [{}])
    entry["authors"][-1][key] = value


def _sync_author_detail(entry: dict) -> None:
    """feedparser's _sync_author_detail, on an entry."""
    detail = entry.get("authors", [{}])[-1]
    if detail:
        name, email = detail.get("name"), detail.get("email")
        if name and email:
            entry["author"] = f"{name} ({email})"
        elif name:
            entry["author"] = name
        elif email:
            entry["author"] = email
        return
    author, email = entry.get("author"), None
    if not author:
        return
    found = _EMAIL.search(author)
    if found:
        email = found.group(0)
        author = author.replace(email, "").replace("()", "").replace("<>", "")
        author = author.replace("&lt;&gt;", "").strip()
        if author and author[0] == "(":
            author = author[1:]
        if author and author[-1] == ")":
            author = author[:-1]
        author = author.strip()
    if author or email:
        entry.setdefault("author_detail", detail)
    if author:
        detail["name"] = author
    if email:
        detail["email"] = email
