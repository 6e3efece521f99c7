"""Feed entries -> Items: stable keys, canonical links and plain text."""

from __future__ import annotations

import calendar
import hashlib
import html
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from html.parser import HTMLParser
from itertools import pairwise
from typing import Any, Protocol
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

from alerts.models import Feed, Item

MAX_TITLE = 1_000
MAX_SUMMARY = 10_000
MAX_CONTENT = 20_000  # an article's full text; longer ones are cut (the start says what happened)
MAX_AUTHOR = 300
MAX_CATEGORY = 200
MAX_CATEGORIES = 50

_TRACKING_PREFIXES = ("utm_", "at_", "ns_", "pk_", "mtm_", "itm_")
_TRACKING_NAMES = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid",
    "igshid", "_ga", "_gl", "ocid", "cmpid", "cmp", "smid", "smtyp", "ref_src", "ref_url",
    "taid", "xtor", "icid", "campaign_id", "rss", "feature", "soc_src", "soc_trk", "sr_share",
})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
    "table", "blockquote", "pre", "hr", "section", "article", "header", "footer", "figure",
    "figcaption", "dd", "dt",
})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "iframe",
                        "object", "svg", "math", "form", "button", "select", "textarea"})
_WHITESPACE = re.compile(r"\s+")
_SHORT_WAYS = True  # html_to_text's and canonical_link's short ways (tests close them)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def _bmp_classes(*groups: str) -> list[str]:
    """For each group of category initials, a regex class body of every BMP character in it.
    Built once, on first use (about 15 ms); scanning text with the classes is far faster
    than asking unicodedata about every character."""
    initials = "".join(unicodedata.category(chr(cp))[0] for cp in range(0x10000))
    return ["".join(f"\\u{m.start():04x}-\\u{m.end() - 1:04x}"
                    for m in re.finditer(f"[{group}]+", initials)) for group in groups]


def _control_classes() -> list[str]:
    return _bmp_classes("C", "CZ")


# Astral characters are in both classes and checked one by one: they are rare in news text.
_ASTRAL = r"\U00010000-\U0010ffff"
_BROWSER_ESCAPED = re.escape('<>"`{}|\\^')


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Control, format, unassigned... characters; and those plus separators and what browsers
    percent-encode in a link."""
    from alerts.unicodetables import table

    # Found once per Python and kept in the cache folder (alerts.unicodetables: 15 ms).
    control_bmp, link_unsafe_bmp = table("bmp-classes", _control_classes, list,
                                         uses=(_bmp_classes,))
    return (re.compile("[" + control_bmp + _ASTRAL + "]"),
            re.compile("[" + link_unsafe_bmp + _BROWSER_ESCAPED + _ASTRAL + "]"))
# Soft hyphen, zero-width (non-)joiners, word joiner, BOM, left/right-to-left and Arabic marks.
_INSIDE_WORDS = frozenset("\xad\u200c\u200d\u2060\ufeff\u200e\u200f\u061c")


def _is_astral_visible(ch: str, categories: str) -> bool:
    return ch >= "\U00010000" and unicodedata.category(ch)[0] not in categories


def _control_to_space(m: re.Match[str]) -> str:
    ch = m.group()
    if _is_astral_visible(ch, "C"):
        return ch
    return "" if ch in _INSIDE_WORDS else " "


def _clean(text: str) -> str:
    # Control and format characters (NUL, bidi overrides...) never reach a notification: they
    # become spaces, except the invisible ones that sit inside words, which are removed so that
    # "Verhand\xadlungen" (a soft hyphen) stays one word a rule can match.
    # " ".join(split()) is the same as replacing each run of \s with a space and stripping:
    # str.split and the \s of a str pattern know the same whitespace
    return " ".join(_patterns()[0].sub(_control_to_space, text).split())


def _escape_in_link(m: re.Match[str]) -> str:
    ch = m.group()
    return ch if _is_astral_visible(ch, "CZ") else quote(ch, safe="")


# Start and end tags of the plainest form (a name of letters and digits; at most 64
# attributes with a value quoted without < or >, or unquoted): html.parser reads each as one
# tag of that name. The bound keeps re's backtracking stack small (400 bytes an attribute:
# a 1 MiB tag of attributes took 200 MiB); a tag with more goes to html.parser.
_SIMPLE_TAG = re.compile(
    r"<(?:/([a-zA-Z][a-zA-Z0-9]*)\s*|([a-zA-Z][a-zA-Z0-9]*)(?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*"
    r"""(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'=<>`]+))?){0,64}\s*/?)>""")


def _simple_text(value: str) -> str | None:
    """What _TextExtractor makes of `value` when every "<" in it opens a simple tag of no
    skipped element; None otherwise. html.parser hands the text between two tags to
    handle_data whole, its references decoded (convert_charrefs): so is it here."""
    parts: list[str] = []
    position = 0
    for tag in _SIMPLE_TAG.finditer(value):
        data = value[position:tag.start()]
        if "<" in data:
            return None
        if data:
            parts.append(html.unescape(data))
        name = (tag.group(1) or tag.group(2)).lower()
        if name in _SKIP_TAGS:
            return None
        if name in _BLOCK_TAGS:
            parts.append(" ")
        position = tag.end()
    rest = value[position:]
    if "<" in rest:
        return None
    if rest:
        parts.append(html.unescape(rest))
    return "".join(parts)


def plain_or_simple(value: str | None) -> bool:
    """Whether html_to_text reads `value` without html.parser (plain text, or simple markup
    taken apart by linear regular expressions): bounded work, whatever the input."""
    return not value or ("<" not in value and "&" not in value) or (
        _SHORT_WAYS and _simple_text(value) is not None)


def html_to_text(value: str | None, limit: int = MAX_SUMMARY) -> str:
    """Markup stripped, entities decoded, whitespace folded."""
    if not value:
        return ""
    if "<" not in value and "&" not in value:
        return _clean(value)[:limit]
    simple = _simple_text(value) if _SHORT_WAYS else None
    if simple is not None:
        return _clean(simple)[:limit]
    parser = _TextExtractor()
    try:
        parser.feed(value)
        parser.close()
    except Exception:  # html.parser is lenient, but a plain-text field must never crash us
        return _clean(value)[:limit]
    return _clean("".join(parser.parts))[:limit]


# An absolute http(s) link with a lower-case host name, no port, query or fragment, and a
# path of unreserved characters and escapes: the joins, splits and filters of canonical_link
# give it back unchanged (a path "/" added when it has none).
_PLAIN_LINK = re.compile(r"https?://[a-z0-9](?:[a-z0-9.-]{0,250}[a-z0-9])?(/[A-Za-z0-9_~.%/-]*)?")


def canonical_link(link: str | None, base: str | None = None) -> str | None:
    """An absolute http(s) link without tracking parameters, fragment or default port."""
    if not link:
        return None
    link = link.strip()
    plain = _PLAIN_LINK.fullmatch(link) if _SHORT_WAYS else None
    if plain is not None:  # what the steps below leave as it is, but for an empty path
        return link if plain.group(1) else link + "/"
    if base:
        link = urljoin(base, link)
    try:
        parts = urlsplit(link)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None  # javascript:, data:, mailto: and the like are never links we pass on
    host = parts.hostname.lower()
    if any(not _is_astral_visible(m.group(), "CZ") for m in _patterns()[1].finditer(host)):
        return None  # a bidi override or a space in a host name is a disguise, not a site
    if ":" in host:
        host = f"[{host}]"
    if port and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING_PREFIXES) and k.lower() not in _TRACKING_NAMES
    ]
    path = _patterns()[1].sub(_escape_in_link, parts.path) or "/"
    return urlunsplit((scheme, host, path, urlencode(query, doseq=True), ""))


def _published(entry: Any) -> datetime | None:
    for field in ("published_parsed", "updated_parsed", "created_parsed"):
        # dict.get skips feedparser's deprecated updated->published key mapping.
        value = dict.get(entry, field)
        if not value:
            continue
        try:
            stamp = datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
        except (OverflowError, ValueError, OSError, TypeError):
            continue
        # Year 0, 9999 and the like are feed bugs: treat as unknown rather than reorder items.
        if 1990 <= stamp.year <= datetime.now(UTC).year + 1:
            return stamp
    return None


_TRAILING_NUMBER = re.compile(r"(\d+)\D*$")


def oldest_first(entries: list[Any]) -> bool:
    """Whether the document lists its entries oldest first: told by the dates of neighbouring
    dated entries, else by numbers at the end of their ids (item-17, ?p=1234). RSS and Atom
    are newest first by custom, which is the answer when neither says."""
    for values in ([_published(e) for e in entries], [_id_number(e) for e in entries]):
        known = [v for v in values if v is not None]
        # Dates with dates, numbers with numbers: `known` is one kind at a time.
        rising = sum(1 for a, b in pairwise(known) if b > a)  # type: ignore[operator, misc]
        falling = sum(1 for a, b in pairwise(known) if b < a)  # type: ignore[operator, misc]
        if rising != falling:
            return rising > falling
    return False


def _id_number(entry: Any) -> int | None:
    found = _TRAILING_NUMBER.search(str(entry.get("id") or ""))
    return int(found.group(1)[-18:]) if found else None


def newest_entries(entries: list[Any], limit: int) -> tuple[list[Any], bool]:
    """The `limit` newest entries, in document order, and whether the document was found to
    be oldest first. Newest by date; an undated entry counts as recent as the nearest dated
    entry before it in the document's reading order (newest to oldest), and between equal
    dates the position decides. A feed of 600 listed oldest first keeps its last 500."""
    count = len(entries)
    if count <= limit:
        return entries, False  # nothing to choose; the order does not matter
    ascending = oldest_first(entries)
    # Recency by position: 0 for the oldest entry of the document, count - 1 for the newest.
    recency = list(range(count)) if ascending else list(range(count - 1, -1, -1))
    reading = sorted(range(count), key=lambda i: -recency[i])  # newest first
    dates = [_published(e) for e in entries]
    floor = datetime.min.replace(tzinfo=UTC)
    effective: list[datetime] = [floor] * count
    last: datetime | None = next((dates[i] for i in reading if dates[i] is not None), None)
    for i in reading:
        last = dates[i] or last
        effective[i] = last or floor
    chosen = sorted(range(count), key=lambda i: (effective[i], recency[i]), reverse=True)[:limit]
    return [entries[i] for i in sorted(chosen)], ascending


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _summary_html(entry: Any) -> str:
    summary = entry.get("summary") or ""
    if not summary:
        for content in entry.get("content") or []:
            if content.get("value"):
                return str(content["value"])
    return str(summary)


_MARKUP_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def _content_html(entry: Any, atom: bool) -> str:
    """The entry's full text as given: RSS <content:encoded> or <xhtml:body>, an Atom
    <content> of a text type. The longest if several. A plain-text content of an RSS entry is
    never its article: feedparser files a second <description> (a photo caption in
    <media:description>, in many news feeds) there."""
    best = ""
    for content in entry.get("content") or []:
        if not hasattr(content, "get") or not content.get("value"):
            continue
        kind = str(content.get("type") or "text/plain").lower()
        if kind in _MARKUP_TYPES or (atom and kind == "text/plain"):
            value = str(content["value"])
            if len(value) > len(best):
                best = value
    return best


def _content(entry: Any, summary: str, atom: bool) -> str:
    """The full text when the entry has some beyond its summary; "" when it is the summary
    again (feedparser copies a lone content:encoded into the summary)."""
    text = html_to_text(_content_html(entry, atom), MAX_CONTENT)
    if not text or text == summary:
        return ""
    return text


def _plain_name(value: str, limit: int) -> str:
    """A name or category as plain text. Feedparser's loose parser (a feed that is not
    well-formed XML) leaves these escaped ("&lt;b&gt;Jane&lt;/b&gt;"): markup that
    decoding reveals is taken out too."""
    text = html_to_text(value, limit * 4)
    if "<" in text or "&" in text:
        text = html_to_text(text, limit * 4)
    return text[:limit]


def _author(entry: Any) -> str:
    """Every author's name, as plain text: Atom <author><name>, <dc:creator>, RSS <author>
    ("jane@example.org (Jane Doe)" gives "Jane Doe"). E-mail addresses are left out."""
    names: list[str] = []
    for person in entry.get("authors") or []:
        if hasattr(person, "get") and person.get("name"):
            names.append(str(person["name"]))
    if not names:
        detail = entry.get("author_detail")
        if hasattr(detail, "get") and detail.get("name"):
            names.append(str(detail["name"]))
    if not names and entry.get("author") and "@" not in str(entry["author"]):
        names.append(str(entry["author"]))
    unique = dict.fromkeys(t for t in (_plain_name(n, MAX_AUTHOR) for n in names) if t)
    return ", ".join(unique)[:MAX_AUTHOR]


def _categories(entry: Any) -> tuple[str, ...]:
    """The entry's own <category> / <dc:subject> values as plain text, each once: an Atom
    category's label when it has one (its term is often a URI), else its term."""
    found: dict[str, str] = {}
    for tag in entry.get("tags") or []:
        if not hasattr(tag, "get"):
            continue
        value = tag.get("label") or tag.get("term")
        text = _plain_name(str(value), MAX_CATEGORY) if value else ""
        if text and text.casefold() not in found:
            found[text.casefold()] = text
            if len(found) == MAX_CATEGORIES:
                break
    return tuple(found.values())


def normalise(entries: list[Any], feed: Feed, base_url: str, version: str = "") -> list[Item]:
    """Turn parsed entries into Items; keys are unique within the returned list.
    `version`: feedparser's name of the format ("rss20", "atom10"...), which tells what a
    plain-text <content> is."""
    atom = version.startswith("atom")
    facts = [entry_facts(e, feed, base_url, atom) for e in entries]
    return [build_item(facts[i], key, feed) for i, key in assign_keys(facts)]


@dataclass(frozen=True, slots=True)
class EntryFacts:
    """What one entry gives, before its key: the key depends on the whole document (a GUID
    identifies an entry only when it is unique there). `fields` is None when the entry has
    nothing a person could read or follow."""

    guid: str
    hkey: str  # the key when the GUID does not identify the entry
    fields: tuple[Any, ...] | None  # guid, link, title, summary, published, language,
    #                                 content_hash, content, author, categories

    @property
    def readable(self) -> bool:
        return self.fields is not None


def entry_facts(entry: Any, feed: Feed, base_url: str, atom: bool) -> EntryFacts:
    """One parsed entry as plain data (see EntryFacts)."""
    guid = str(entry.get("id") or "").strip()
    title = html_to_text(entry.get("title"), MAX_TITLE)
    summary = html_to_text(_summary_html(entry), MAX_SUMMARY)
    content = _content(entry, summary, atom)
    link = canonical_link(entry.get("link"), base_url)
    if not (title or summary or link):
        return EntryFacts(guid, "", None)
    hkey = "h:" + _digest(guid, link or "", title, "" if (link or title) else summary)
    return EntryFacts(guid, hkey, (
        guid or None, link, title, summary, _published(entry), feed.language or _language(entry),
        content_hash(title, summary, content), content, _author(entry), _categories(entry)))


class _Keyed(Protocol):
    @property
    def guid(self) -> str: ...

    @property
    def hkey(self) -> str: ...

    @property
    def readable(self) -> bool: ...


def assign_keys(facts: Sequence[_Keyed]) -> list[tuple[int, str]]:
    """(position, key) of each entry that makes an item, in document order: its GUID when
    present and unique in the document, else its hash key; the same key twice keeps the
    first."""
    guid_counts = Counter(f.guid for f in facts if f.guid)
    keys: set[str] = set()
    chosen: list[tuple[int, str]] = []
    for position, fact in enumerate(facts):
        if not fact.readable:
            continue  # nothing a person could read or follow
        guid = fact.guid
        # A GUID identifies an entry only when the feed keeps it unique.
        if guid and guid_counts[guid] == 1:
            key = "g:" + (guid if len(guid) <= 200 else _digest(guid))
        else:
            key = fact.hkey
        if key in keys:
            continue  # the same entry twice in one document
        keys.add(key)
        chosen.append((position, key))
    return chosen


def build_item(facts: EntryFacts, key: str, feed: Feed) -> Item:
    assert facts.fields is not None
    (guid, link, title, summary, published, language, digest, content, author,
     categories) = facts.fields
    return Item(feed_url=feed.url, feed_name=feed.name, key=key, guid=guid, link=link,
                title=title, summary=summary, published=published, language=language,
                feed_tags=feed.tags, content_hash=digest, content=content, author=author,
                categories=categories)


def content_hash(title: str, summary: str, content: str = "") -> str:
    """What tells an edit: title and summary (16 hex digits, as before content was read),
    then 8 more for the full text when the entry has one."""
    digest = _digest(title, summary)[:16]
    return digest + _digest(content)[:8] if content else digest


def _language(entry: Any) -> str | None:
    detail = entry.get("title_detail") or entry.get("summary_detail") or {}
    lang = detail.get("language") if hasattr(detail, "get") else None
    return str(lang).split("-")[0].lower() if lang else None
