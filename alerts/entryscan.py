"""A cheap pass over a feed document: where its entries are, and what each one's bytes are.

feedparser is the parser of record and costs about a millisecond per entry; expat, which
this pass runs, reads the same document in a fraction of that. What it finds lets a poll
hand feedparser only the entries it has not seen before (alerts.parse): the document is
rebuilt from its header, those entries' bytes and its footer, and parsed as it stands.

Only the plain, common shape is read: an ASCII-compatible, well-formed document without a
DOCTYPE whose root is `<rss>` (entries `<rss><channel><item>`), `<rdf:RDF>` (`<item>`) or
`<feed>` (`<entry>`), with the entries next to each other (whitespace between them). Anything
else (another encoding, a DTD, broken XML, prefixed or oddly cased entry elements, anything
that looks like an entry where the pass found none) gives None, and the whole document goes
to feedparser as before.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Container
from dataclasses import dataclass
from hashlib import blake2b
from itertools import pairwise
from xml.parsers import expat

# What marks an entry wherever it is, whatever its case or prefix, even inside CDATA: if the
# pass did not find exactly these, it does not understand the document.
_ENTRY_LIKE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)\b", re.IGNORECASE)
# Channel-level dates change at every update of a feed and say nothing about its entries;
# they are left out of what identifies the entries' surroundings.
_VOLATILE = re.compile(rb"<(lastBuildDate|pubDate|updated|dc:date)>[^<]{0,200}</\1>")
_ROOTS = {"rss": ("item", 3), "rdf:RDF": ("item", 2), "feed": ("entry", 2)}


@dataclass(frozen=True)
class Scan:
    header: bytes  # everything before the first entry
    footer: bytes  # everything after the last one
    entries: tuple[bytes, ...]  # each entry's bytes, in document order

    def context(self, *parts: str) -> bytes:
        """What the entries are read within: the header without its volatile dates, the
        footer, and `parts` (the document's address, content type, the feed's settings)."""
        digest = hashlib.blake2b(digest_size=16)
        for part in (_VOLATILE.sub(rb"<\1></\1>", self.header), self.footer,
                     *(p.encode("utf-8", "surrogatepass") for p in parts)):
            digest.update(len(part).to_bytes(8, "big"))
            digest.update(part)
        return digest.digest()

    def rebuild(self, indexes: list[int]) -> bytes:
        """The document with only the entries at `indexes`."""
        return self.header + b"\n".join(self.entries[i] for i in indexes) + self.footer


def entry_id(entry: bytes) -> bytes:
    """An entry's identity: a hash of its bytes (an edit is a different entry)."""
    return hashlib.blake2b(entry, digest_size=16).digest()


class _Unreadable(Exception):
    pass


def scan(body: bytes) -> Scan | None:
    """The document's header, entries and footer; None when it is not plain enough."""
    spans = _spans(body)
    if not spans:
        return None
    return Scan(body[:spans[0][0]], body[spans[-1][1]:],
                tuple(body[s:e] for s, e in spans))


def _spans(body: bytes) -> list[tuple[int, int]] | None:
    """Where each entry of a plain enough document is (none: a document without entries,
    which scan() refuses and scan_known() checks its known entries' surroundings with);
    None when the document is not plain enough."""
    if body[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in body[:4] or not body:
        return None  # UTF-16/32: byte offsets would need care; feedparser reads it whole
    parser = expat.ParserCreate()
    spans: list[tuple[int, int]] = []
    depth = 0
    want: tuple[str, int] | None = None
    parent = ""
    start = -1

    def doctype(*_: object) -> None:
        raise _Unreadable

    def open_(name: str, _attrs: object) -> None:
        nonlocal depth, want, start, parent
        depth += 1
        if depth == 1:
            want = _ROOTS.get(name)
            if want is None:
                raise _Unreadable
        elif depth == 2:
            parent = name
        if (want is not None and depth == want[1] and name == want[0]
                and (depth == 2 or parent == "channel")):
            start = parser.CurrentByteIndex
            # Inside the entry only its end matters: no call for each element it holds (#17:
            # half the calls of a pass). The first end of an element of the entry's name
            # ends it: an entry holding another such element holds one more `<item`, and
            # the count of those below refuses the document.
            parser.StartElementHandler = None
            parser.EndElementHandler = close_entry

    def close(name: str) -> None:
        nonlocal depth
        depth -= 1

    def close_entry(name: str) -> None:
        nonlocal depth, start
        if name != want[0]:  # type: ignore[index]
            return  # an element inside the entry
        at = parser.CurrentByteIndex
        tag = b"</" + name.encode()
        end = body.find(b">", at)
        if not body.startswith(tag, at) or end < 0 or body[at + len(tag):end].strip():
            raise _Unreadable  # <item/> (expat is then already past it): nothing to cut
        spans.append((start, end + 1))
        start = -1
        depth -= 1
        parser.StartElementHandler = open_
        parser.EndElementHandler = close

    parser.StartDoctypeDeclHandler = doctype
    parser.StartElementHandler = open_
    parser.EndElementHandler = close
    try:
        parser.Parse(body, True)
    except (expat.ExpatError, _Unreadable, ValueError, LookupError):
        return None
    if want is None or len(_ENTRY_LIKE.findall(body)) != len(spans):
        return None
    for (_, end), (start_next, _) in pairwise(spans):
        if body[end:start_next].strip():
            return None  # something else between entries (comments, other elements)
    return spans


@dataclass(frozen=True)
class KnownScan:
    """scan_known's answer: the document as scan() reads it, each entry's identity, the
    entries not known, and scan() of the document rebuilt from those (None: all known)."""

    scan: Scan
    ids: tuple[bytes, ...]
    fresh: tuple[int, ...]
    rebuilt: Scan | None


# What may stand between two entries, and after an entry's name in its tags: XML's white
# space (bytes.strip() also takes \x0b and \x0c, which XML refuses).
_XML_SPACE = b" \t\r\n"
# Where an entry may begin, as scan_known cuts: the exact tag of either kind.
_ENTRY_TAG = re.compile(rb"<(?:item|entry)[ \t\r\n>/]")


def scan_known(body: bytes, known: Container[bytes]) -> KnownScan | None:
    """scan(body) without expat reading the entries whose identity (entry_id) is `known`,
    or None: the caller then scans the whole document.

    The entries are cut where their tags are (`<item` ... the last `</item>` before the
    next one), and only the document rebuilt from the header, the entries not known and the
    footer is scanned, which must give back exactly those pieces. A known entry is bytes that
    a scan read as one whole entry holding no other entry-like tag; put back among entries in
    the same surroundings (the caller compares Scan.context with that of the document those
    entries were read in), it is read as that same entry again, and the whole document is as
    well-formed as the rebuilt one. A cut in the wrong place (an entry-like tag inside a new
    entry's text, a closing tag in a comment after the last entry) gives pieces the rebuilt
    document's scan does not give back, or an identity no entry had: None."""
    if body[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in body[:4] or not body:
        return None
    starts = [m.start() for m in _ENTRY_TAG.finditer(body)]
    if not starts:
        return None
    opening = body[starts[0]:starts[0] + 6]
    name = b"entry" if opening == b"<entry" else b"item"
    closing = b"</" + name
    entries: list[bytes] = []
    last = 0
    for k, start in enumerate(starts):
        limit = starts[k + 1] if k + 1 < len(starts) else len(body)
        close = body.rfind(closing, start, limit)
        end = body.find(b">", close, limit) if close >= 0 else -1
        if end < 0:
            return None
        last = end + 1
        if k + 1 < len(starts) and body[last:limit].strip(_XML_SPACE):
            return None  # something else between entries
        entries.append(body[start:last])
    whole = Scan(body[:starts[0]], body[last:], tuple(entries))
    ids = tuple([blake2b(e, digest_size=16).digest() for e in entries])  # entry_id's
    fresh = tuple([k for k, ident in enumerate(ids) if ident not in known])
    rebuilt_body = whole.rebuild(list(fresh))
    spans = _spans(rebuilt_body)
    if spans is None:
        return None
    rebuilt = Scan(rebuilt_body[:spans[0][0]], rebuilt_body[spans[-1][1]:],
                   tuple(rebuilt_body[s:e] for s, e in spans)) if spans else None
    if rebuilt is not None and (rebuilt.header != whole.header
                                or rebuilt.footer != whole.footer
                                or rebuilt.entries != tuple(entries[k] for k in fresh)):
        return None
    return KnownScan(whole, ids, fresh, rebuilt)
