"""feedparser in worker processes, each under a memory and a time budget.

feedparser's loose parser can expand one document into gigabytes (measured: a 190 KB feed
took 7 GB and 57 s). The entity check in alerts.parse refuses the known forms before parsing;
this is the net under it: whatever gets through costs one failed poll ("parse-budget"), not
the daemon. A worker is a `python -m alerts.parseworker` process started on first use and
reused; its address space is capped with RLIMIT_AS, its CPU time with RLIMIT_CPU, and the
caller kills it when the wall-clock budget runs out. If workers cannot be started at all,
parsing falls back to this process, without a budget, and says so once in the log.

Protocol on the worker's stdin/stdout: an 8-byte big-endian length, then a pickle.
"""

from __future__ import annotations

import atexit
import datetime as _dt
import io
import logging
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from alerts import childpipe
from alerts.errors import FeedError

if TYPE_CHECKING:
    from alerts.entryscan import Scan

log = logging.getLogger(__name__)

MEMORY_LIMIT = 1024 * 1024 * 1024  # address space of one worker, bytes
TIME_LIMIT = 20.0  # wall-clock seconds for one document
MAX_WORKERS = max(1, min(4, os.cpu_count() or 1))
JOBS_PER_WORKER = 1000  # then the worker is replaced, so fragmentation cannot pile up
# A worker left without a document this long ends (its memory returns): long enough to serve
# a burst of polls (8 feeds at a time, one after another), short enough that a daemon idle
# between polls holds no worker (each holds about 26 MiB).
IDLE_SECONDS = 1.0
START_TIMEOUT = 30.0  # seconds for a new worker to import feedparser and say it is ready
MAX_FEED_TITLE = 120  # characters of a feed's own title kept (it names the publisher)
# Entries of a plain RSS 2.0 / Atom document are read by alerts.fastparse (feedparser's
# reading, repeated for the elements it knows); False sends every document to feedparser.
FAST_PATH = True
# ... and read in the daemon's own process, without a worker, when the document is small and
# plain enough for that reading to be bounded (parse_facts_here); False: always in a worker.
IN_PROCESS = True
HERE_MAX_BYTES = 1024 * 1024  # the largest document read in this process
HERE_MAX_FIELD = 1000  # characters of a date or an author name read in this process
HERE_MAX_META = 4096  # bytes around the entries (feedparser reads them) read in this process
HERE_MAX_TAGS = 100  # categories of one entry read in this process (de-duplication is quadratic)
# Sum of the squared lengths of a document's authors read in this process (feedparser's e-mail
# pattern is quadratic in one's length): four of HERE_MAX_FIELD characters, about 20 ms.
HERE_MAX_AUTHOR_COST = 4 * HERE_MAX_FIELD ** 2
# Elements of a document read in this process (its element tree is built whole: 1 MiB of
# empty elements made 61 MiB); the largest of the shared corpus read here has 1,808.
HERE_MAX_ELEMENTS = 20_000
_READY = b"ready\n"  # with its memory limit in place
_READY_UNLIMITED = b"unlim\n"  # setrlimit was refused: only the wall clock applies
# What parse_facts_here's reading of a document without its entries gave: (version, encoding,
# complaint, ttl, title), the last three as its answer gives them. Only that reading (the
# fast reader's, in this process) makes it: the answer's "header".
Known = tuple[str, str, str, Any, "str | None"]


# -- the parse itself (runs in the worker, or here as the fallback) ------------------------

def parse_bytes(body: bytes, final_url: str, content_type: str | None,
                check_entities: bool = True) -> Any:
    """feedparser on a byte stream (never a str or bytes: it would open them as a path)."""
    import feedparser

    headers = {"content-location": final_url}
    if content_type:
        headers["content-type"] = content_type
    _remember_joins()
    _expat_by_name()
    if check_entities and not _entity_guard_installed():
        _refuse_declared_entities(body, headers)
    try:
        return feedparser.parse(
            io.BytesIO(body),
            response_headers=headers,
            # We make plain text ourselves, so feedparser's HTML passes are wasted work.
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    except _EntitiesDeclared:
        raise _entities_error(final_url) from None


def parse_and_normalise(body: bytes, final_url: str, content_type: str | None,
                        feed: tuple, max_entries: int, check_entities: bool = True) -> dict:
    """parse_bytes, then the entries as Items (alerts.normalise), as plain data: the HTML of
    titles, summaries and full texts is taken apart here too, under the same budget. `feed`
    holds the fields of an alerts.models.Feed; each item comes back as the fields of an
    Item."""
    from dataclasses import astuple

    from alerts.models import Feed
    from alerts.normalise import html_to_text, newest_entries, normalise

    parsed = parse_bytes(body, final_url, content_type, check_entities)
    entries = list(parsed.entries)
    # The cap keeps the newest entries, wherever the document lists them (some feeds are
    # oldest first: taking the first ones would drop every new item once they pass the cap).
    kept, ascending = newest_entries(entries, max_entries)
    items = normalise(kept, Feed(*feed), final_url, parsed.get("version") or "")
    return {"version": parsed.get("version") or "", "entries": len(entries),
            "ttl": _plain(parsed.get("feed", {}).get("ttl")),
            # The feed's own name, as plain text: who publishes it, for corroboration.
            "title": html_to_text(_plain(parsed.get("feed", {}).get("title")) or None,
                                  MAX_FEED_TITLE) or None,
            "dropped": len(entries) - len(kept), "oldest_first": ascending,
            "items": [astuple(item) for item in items]}


def parse_facts(body: bytes, final_url: str, content_type: str | None, feed: tuple,
                max_entries: int, check_entities: bool = True) -> dict:
    """parse_bytes, then each entry as alerts.normalise.EntryFacts fields (guid, hash key,
    fields), in document order, without keys: the caller keys them over the whole document,
    entries it has seen before included (alerts.parse). A document with more entries than
    `max_entries` is answered as parse_and_normalise answers (its newest entries as items)."""
    fast = None
    if FAST_PATH:
        from alerts import fastparse

        fast = fastparse.read(body, final_url, content_type,
                              lambda data, url, kind: parse_bytes(data, url, kind,
                                                                  check_entities))
    if fast is not None:  # feedparser read the document without its entries
        parsed, entries = fast
    else:
        parsed = parse_bytes(body, final_url, content_type, check_entities)
        entries = list(parsed.entries)
    if len(entries) > max_entries:
        return parse_and_normalise(body, final_url, content_type, feed, max_entries,
                                   check_entities)
    return _facts_answer(parsed, entries, final_url, feed)


def parse_facts_here(body: bytes, final_url: str, content_type: str | None, feed: tuple,
                     max_entries: int, scanned: Scan | None = None) -> dict | None:
    """parse_facts in this process, for the plain document the fast reader reads whole and
    whose reading is bounded; None for any other (a worker parses it, under its budget).

    Bounded: a body of at most HERE_MAX_BYTES, already refused if it declares entities and
    read by expat without a DOCTYPE (alerts.parse, alerts.entryscan); feedparser runs here
    only on the document without its entries, at most HERE_MAX_META bytes, with its strict
    (expat) parser alone (the loose parser, whose expansion and regular expressions are what
    the workers' budget is for, is refused in this thread); dates and author names past
    HERE_MAX_FIELD characters are not given to feedparser's regular expressions, nor
    authors whose squared lengths add up past HERE_MAX_AUTHOR_COST, nor an entry with more
    than HERE_MAX_TAGS categories, nor a document of more than HERE_MAX_ELEMENTS elements
    (alerts.fastparse: each is linear in the document's size
    only within those bounds); and every text field is plain or simple markup, which
    alerts.normalise takes apart with linear regular expressions, never with html.parser
    (but for a name or category whose decoded text reveals markup, cut to four times its
    limit first: at most 1,200 characters). So the work is bounded by the document's size
    and cannot hang the daemon. The answer is a worker's (the same functions). `scanned`:
    alerts.entryscan.scan(body), when the caller made it already."""
    read = facts_and_header_here(body, final_url, content_type, feed, max_entries, scanned)
    return read[0] if read is not None else None


def facts_and_header_here(body: bytes, final_url: str, content_type: str | None,
                          feed: tuple, max_entries: int, scanned: Scan | None = None,
                          known: Known | None = None) -> tuple[dict, Known] | None:
    """parse_facts_here's answer, with what its reading of the document without its
    entries gave (Known). `known`: that, when the caller knows it from the feed's last
    document in the same surroundings (alerts.parse, FeedMemo.header): feedparser does not
    read it again (#17: about 0.35 ms a document)."""
    if not (FAST_PATH and IN_PROCESS) or len(body) > HERE_MAX_BYTES:
        return None
    from alerts import fastparse
    from alerts.normalise import plain_or_simple

    _refuse_loose_parser_here()
    _strict_only.on = True
    try:
        fast = fastparse.read(body, final_url, content_type,
                              lambda data, url, kind: parse_bytes(data, url, kind),
                              max_field=HERE_MAX_FIELD, max_meta=HERE_MAX_META,
                              max_tags=HERE_MAX_TAGS, max_author_cost=HERE_MAX_AUTHOR_COST,
                              max_elements=HERE_MAX_ELEMENTS, found=scanned,
                              header=known[:3] if known else None)
    finally:
        _strict_only.on = False
    if fast is None:
        return None
    parsed, entries = fast
    if len(entries) > max_entries or not all(
            plain_or_simple(text) for entry in entries for text in _texts(entry)):
        return None
    answer = _facts_answer(parsed, entries, final_url, feed, known)
    if parsed is not None:  # feedparser read the document without its entries
        known = (answer["version"], parsed.get("encoding") or "", answer["bozo"],
                 answer["ttl"], answer["title"])
    assert known is not None
    return answer, known


def _texts(entry: dict) -> Any:
    """Every text of a fast-read entry that alerts.normalise takes markup out of."""
    yield entry.get("title")
    yield entry.get("summary")
    for content in entry.get("content") or ():
        yield content.get("value")
    for person in entry.get("authors") or ():
        yield person.get("name")
    yield (entry.get("author_detail") or {}).get("name")
    yield entry.get("author")
    for tag in entry.get("tags") or ():
        yield tag.get("label")
        yield tag.get("term")


_strict_only = threading.local()  # set while parse_facts_here runs feedparser in this thread


class _LooseRefused(Exception):
    """feedparser's strict parser refused the document: not read in this process."""


def _refuse_loose_parser_here() -> None:
    """feedparser falls back to its loose parser when its strict one refuses a document; in
    a thread that parse_facts_here marked, that raises instead (the document then goes to a
    worker). Other threads, and workers, are unaffected."""
    import feedparser.api as api

    with _guard_lock:
        original = api.LooseFeedParser
        if getattr(original, "alerts_guard", False):
            return

        def loose(*args: Any, **kwargs: Any) -> Any:
            if getattr(_strict_only, "on", False):
                raise _LooseRefused
            return original(*args, **kwargs)

        loose.alerts_guard = True  # type: ignore[attr-defined]
        api.LooseFeedParser = loose


def _facts_answer(parsed: Any, entries: list, final_url: str, feed: tuple,
                  known: Known | None = None) -> dict:
    """The answer for `entries` of a document feedparser (or the fast reader) read: its
    feed-level fields from `parsed`, or from `known` (see Known) when `parsed` is None."""
    from alerts.models import Feed
    from alerts.normalise import entry_facts, html_to_text

    if parsed is None:
        assert known is not None, "the fast reader skips the header only when it is known"
        version, _, complaint, ttl, title = known
        answer = {"version": version, "entries": len(entries), "ttl": ttl, "title": title,
                  "bozo": complaint}
    else:
        feed_part = parsed.get("feed", {})
        answer = {"version": parsed.get("version") or "", "entries": len(entries),
                  "ttl": _plain(feed_part.get("ttl")),
                  "title": html_to_text(_plain(feed_part.get("title")) or None,
                                        MAX_FEED_TITLE) or None,
                  # Which of feedparser's complaints, if any: a document its strict (XML)
                  # parser refused was read by the loose one, whose reading can depend on
                  # what surrounds an entry.
                  "bozo": type(parsed.get("bozo_exception")).__name__ if parsed.get("bozo")
                  else ""}
    atom = answer["version"].startswith("atom")
    settings = Feed(*feed)
    answer["facts"] = [
        (f.guid, f.hkey, f.fields)
        for f in (entry_facts(e, settings, final_url, atom) for e in entries)]
    return answer


_joins_remembered = False


def _remember_joins() -> None:
    """feedparser joins every element's base with the document's address (`content-location`)
    through urllib's urljoin: about a fifth of its time on a plain feed, nearly always the
    same two strings. Both functions are pure (strings in, a string out, over a constant
    list of schemes), so their answers are remembered: the same links, far fewer joins."""
    global _joins_remembered
    if _joins_remembered:
        return
    import feedparser.mixin as mixin

    with _guard_lock:
        if not _joins_remembered:
            mixin.make_safe_absolute_uri = _remembered(mixin.make_safe_absolute_uri)
            mixin._urljoin = _remembered(mixin._urljoin)
            _joins_remembered = True


def _expat_by_name() -> None:
    """feedparser's strict parser is Python's expat reader, asked for by name. feedparser
    asks xml.sax for "drv_libxml2" first: where that is not installed (nearly everywhere)
    each document tried to import it again, searching sys.path (about 0.17 ms a document,
    35 ms of a steady-state poll of 200 feeds, #17); where it is, feedparser would read with
    libxml2, not the parser that parse_facts_here's bounds and the fast reader's equality
    with feedparser were established with."""
    import feedparser.api as api

    api.PREFERRED_XML_PARSERS = ["xml.sax.expatreader"]


def _remembered(function: Callable[..., Any]) -> Callable[..., Any]:
    from functools import lru_cache

    cached = lru_cache(maxsize=1024)(function)

    def join(*args: Any) -> Any:
        try:
            return cached(*args)
        except TypeError:  # an unhashable argument: not seen in feedparser, but never fail
            return function(*args)

    join.__wrapped__ = function  # type: ignore[attr-defined]
    return join


class _EntitiesDeclared(Exception):
    pass


def _entities_error(url: str) -> FeedError:
    return FeedError(f"{url} declares XML entities (found once its character encoding was "
                     "decoded); feeds do not need them and they can exhaust memory, so it was "
                     "not parsed", kind="entities")


_guard_lock = threading.Lock()


def _entity_guard_installed() -> bool:
    """Refuse entity declarations where feedparser itself reads them.

    feedparser first converts the document to UTF-8 from whatever the HTTP header or the XML
    declaration says (UTF-16, UTF-7, EBCDIC...), then replace_doctype() collects the entity
    declarations both of its parsers will expand. Checking its answer sees exactly what the
    parsers would, whatever the encoding, at no extra cost. If a feedparser release moves
    that function, _refuse_declared_entities() does the conversion once more instead.
    """
    import feedparser.api as api

    with _guard_lock:
        original = getattr(api, "replace_doctype", None)
        if original is None:
            return False
        if getattr(original, "alerts_guard", False):
            return True

        def guarded(data: bytes) -> Any:
            version, data, entities = original(data)
            if entities:
                raise _EntitiesDeclared
            return version, data, entities

        guarded.alerts_guard = True  # type: ignore[attr-defined]
        api.replace_doctype = guarded
        return True


def _refuse_declared_entities(body: bytes, headers: dict[str, str]) -> None:
    """The same check as the guard, on feedparser's own UTF-8 conversion of the document."""
    try:
        from feedparser.encodings import convert_to_utf8
        from feedparser.util import FeedParserDict
        converted = convert_to_utf8(dict(headers), body, FeedParserDict())
    except Exception:  # an internal API that may change; the budget still holds
        return
    if b"<!ENTITY" in converted:
        raise _entities_error(headers["content-location"])


_PLAIN = (str, bytes, int, float, bool, type(None), time.struct_time, _dt.datetime, _dt.date,
          _dt.time, _dt.timedelta, _dt.timezone)


def _plain(value: Any) -> Any:
    """Only types the parent's unpickler accepts; anything else (exceptions...) as text."""
    if isinstance(value, dict):
        out = value.__class__() if value.__class__.__module__.startswith("feedparser") else {}
        for k, v in value.items():
            dict.__setitem__(out, str(k), _plain(v))  # FeedParserDict would remap some keys
        return out
    if isinstance(value, list | tuple) and not isinstance(value, time.struct_time):
        return [_plain(v) for v in value]
    if isinstance(value, _PLAIN):
        return value
    return str(value)


_ALLOWED_GLOBALS = {
    ("feedparser.util", "FeedParserDict"), ("time", "struct_time"),
    ("datetime", "datetime"), ("datetime", "date"), ("datetime", "time"),
    ("datetime", "timedelta"), ("datetime", "timezone"),
}


class _Unpickler(pickle.Unpickler):
    """A worker's answer can only rebuild feedparser data, never call anything else."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED_GLOBALS:
            raise pickle.UnpicklingError(f"{module}.{name} is not feed data")
        return super().find_class(module, name)


# -- the worker process -------------------------------------------------------------------

def serve(memory: int, seconds: float, check_entities: bool = True,
          limits: bool = True) -> None:
    """The worker's loop: one request at a time until its stdin closes (the parent is gone)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on POSIX: only the wall clock applies
        resource = None  # type: ignore[assignment]
    import feedparser  # noqa: F401 - imported before the limit, and before saying ready

    # Ctrl-C in a terminal reaches the whole process group; the parent decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    requests = sys.stdin.buffer
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print must not corrupt the protocol
    limited = limits and resource is not None and _limit_memory(resource, memory)
    replies.write(_READY if limited else _READY_UNLIMITED)
    replies.flush()
    while True:
        payload = childpipe.read_frame(requests)
        if payload is None:
            return
        if limited:
            # CPU backstop should the parent die mid-parse: the soft limit is raised before
            # each document, and going past it sends SIGXCPU, which ends the worker.
            used = resource.getrusage(resource.RUSAGE_SELF)
            cpu = int(used.ru_utime + used.ru_stime + seconds) + 2
            _, cpu_hard = resource.getrlimit(resource.RLIMIT_CPU)
            if cpu_hard == resource.RLIM_INFINITY or cpu < cpu_hard:
                resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu_hard))
        reply = _handle(payload, check_entities)
        try:
            replies.write(childpipe.framed(reply))
            replies.flush()
        except (BrokenPipeError, OSError):
            return


def _limit_memory(resource: Any, memory: int) -> bool:
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        soft = memory if hard == resource.RLIM_INFINITY else min(memory, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    except (OSError, ValueError, OverflowError):  # refused (EPERM from seccomp) or nonsense
        return False
    return True


# Made in advance: after a MemoryError there may be no memory left to make them.
_MEMORY_REPLY = pickle.dumps(("memory", ""))
_RECURSION_REPLY = pickle.dumps(("error", "the document is nested too deeply"))


def _handle(payload: bytes, check_entities: bool) -> bytes:
    try:
        request = pickle.loads(payload)
        if len(request) == 6:  # the same, answered as entry facts (see parse_facts)
            body, final_url, content_type, feed, max_entries, _ = request
            answer = parse_facts(body, final_url, content_type, feed, max_entries,
                                 check_entities=check_entities)
            return pickle.dumps(("ok", answer), protocol=pickle.HIGHEST_PROTOCOL)
        if len(request) == 5:  # body, url, content type, feed fields, max entries
            body, final_url, content_type, feed, max_entries = request
            answer = parse_and_normalise(body, final_url, content_type, feed, max_entries,
                                         check_entities=check_entities)
            return pickle.dumps(("ok", answer), protocol=pickle.HIGHEST_PROTOCOL)
        body, final_url, content_type = request
        parsed = parse_bytes(body, final_url, content_type, check_entities)
        return pickle.dumps(("ok", _plain(parsed)), protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        return _MEMORY_REPLY
    except FeedError as exc:
        return pickle.dumps(("feed-error", exc.kind, str(exc)))
    except RecursionError:
        return _RECURSION_REPLY
    except Exception as exc:  # reported to the parent as a parse failure
        return pickle.dumps(("error", f"{type(exc).__name__}: {exc}"[:500]))


# -- the parent's side --------------------------------------------------------------------

class _WorkerLost(Exception):
    """The worker died, or its answer was unreadable."""

    def __init__(self, message: str, before_start: bool = False):
        super().__init__(message)
        self.before_start = before_start  # the document never reached it


class _Worker:
    def __init__(self, memory: int, seconds: float, check_entities: bool, limits: bool):
        self.proc = childpipe.start("alerts.parseworker", str(memory), str(seconds),
                                    "check" if check_entities else "no-check",
                                    "limits" if limits else "no-limits")
        self.jobs = 0
        self.idle_since = time.monotonic()
        try:
            ready = self._read(len(_READY), time.monotonic() + START_TIMEOUT)
        except (_WorkerLost, TimeoutError):
            self.kill()
            raise _WorkerLost("the parse worker did not start") from None
        if ready not in (_READY, _READY_UNLIMITED):
            self.kill()
            raise _WorkerLost("the parse worker did not start")
        self.limited = ready == _READY

    def _read(self, n: int, deadline: float) -> bytes:
        assert self.proc.stdout is not None
        try:
            return childpipe.read_exact(self.proc.stdout, n, deadline)
        except EOFError:
            raise _WorkerLost("the parse worker ended") from None

    def call(self, payload: bytes, seconds: float) -> tuple:
        assert self.proc.stdin is not None
        self.jobs += 1
        try:
            self.proc.stdin.write(childpipe.framed(payload))
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError) as exc:
            raise _WorkerLost("the parse worker is gone", before_start=True) from exc
        deadline = time.monotonic() + seconds
        size = int.from_bytes(self._read(childpipe.HEADER, deadline), "big")
        try:
            return _Unpickler(io.BytesIO(self._read(size, deadline))).load()
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError) as exc:
            raise _WorkerLost(f"unreadable answer from the parse worker: {exc}") from exc

    def kill(self) -> None:
        childpipe.kill(self.proc)

    def close(self) -> None:
        childpipe.close(self.proc)


class ParsePool(childpipe.IdlePool[_Worker]):
    """Up to `workers` reusable worker processes, started on demand, shared by threads."""

    def __init__(self, workers: int = MAX_WORKERS, memory: int = MEMORY_LIMIT,
                 seconds: float = TIME_LIMIT, *, check_entities: bool = True,
                 idle_seconds: float = IDLE_SECONDS):
        # Workers start when a document needs feedparser and end when none has for this long.
        super().__init__(workers, idle_seconds, "parse")
        self.memory = memory
        self.seconds = seconds
        # Off only in tests that prove the budget holds against a real expansion bomb.
        self.check_entities = check_entities
        self.starts = 0  # worker processes started so far (each import of feedparser)
        self._unavailable = False
        self._limits = True  # ask workers for RLIMIT_AS/RLIMIT_CPU until that proves fatal
        self._warned_unlimited = False

    def parse(self, body: bytes, final_url: str, content_type: str | None = None) -> Any:
        """Parse in a worker; raise FeedError(kind="parse-budget") when the budget runs out."""
        return self._run((body, final_url, content_type), final_url,
                         lambda: parse_bytes(body, final_url, content_type,
                                             self.check_entities))

    def parse_items(self, body: bytes, final_url: str, content_type: str | None,
                    feed: tuple, max_entries: int) -> dict:
        """parse_and_normalise in a worker, under the same budget."""
        return self._run((body, final_url, content_type, feed, max_entries), final_url,
                         lambda: parse_and_normalise(body, final_url, content_type, feed,
                                                     max_entries, self.check_entities))

    def parse_facts(self, body: bytes, final_url: str, content_type: str | None,
                    feed: tuple, max_entries: int) -> dict:
        """parse_facts in a worker, under the same budget."""
        return self._run((body, final_url, content_type, feed, max_entries, "facts"),
                         final_url,
                         lambda: parse_facts(body, final_url, content_type, feed,
                                             max_entries, self.check_entities))

    def _run(self, request: tuple, final_url: str, here: Callable[[], Any]) -> Any:
        payload = pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL)
        for attempt in (1, 2):
            worker = self._acquire()
            if worker is None:
                return here()
            keep = False
            try:
                reply = worker.call(payload, self.seconds)
                keep = reply[0] in ("ok", "feed-error") and worker.jobs < JOBS_PER_WORKER
            except TimeoutError:
                raise FeedError(
                    f"parsing {final_url} took longer than {self.seconds:g} seconds and was "
                    "stopped; the document is pathological or far too large, so it will "
                    "fail until the feed changes; tell its owner or remove the feed",
                    kind="parse-budget") from None
            except _WorkerLost as exc:
                if exc.before_start and attempt == 1:
                    continue  # it died between jobs (say, killed by an operator): try another
                raise FeedError(
                    f"parsing {final_url} ended the parse worker ({exc}); the document is "
                    "pathological and will fail until the feed changes; tell its owner or "
                    "remove the feed", kind="parse-budget") from None
            finally:
                self._release(worker, keep)
            return self._answer(reply, final_url)
        raise AssertionError("unreachable")  # pragma: no cover

    def _answer(self, reply: tuple, final_url: str) -> Any:
        status = reply[0]
        if status == "ok":
            return reply[1]
        if status == "feed-error":
            raise FeedError(reply[2], kind=reply[1])
        if status == "memory":
            raise FeedError(f"parsing {final_url} needed more than {self.memory // 2**20} MiB "
                            "and was stopped; the document is pathological or far too large, "
                            "so it will fail until the feed changes; tell its owner or remove "
                            "the feed", kind="parse-budget")
        raise FeedError(f"{final_url} could not be parsed ({reply[1]}); it will be tried again "
                        "at the next poll", kind="parse-error")

    def _acquire(self) -> _Worker | None:
        taken = self._take(lambda: self._unavailable, wait=True)
        if not isinstance(taken, str):  # an idle worker, or none to be had
            return taken
        try:
            return self._start()
        except (OSError, _WorkerLost, TimeoutError) as exc:
            with self._cond:
                warn, self._unavailable = not self._unavailable, True
            self._unstarted()
            if warn:
                log.warning("cannot start a parse worker (%s); feeds are parsed in this "
                            "process without a memory or time budget", exc)
            return None

    def _start(self) -> _Worker:
        with self._cond:
            self.starts += 1
        try:
            worker = _Worker(self.memory, self.seconds, self.check_entities, self._limits)
        except _WorkerLost:
            if not self._limits:
                raise
            # A seccomp filter that forbids setrlimit (systemd's SystemCallFilter=~@resources)
            # kills the worker outright; without the limit it still has the wall clock.
            worker = _Worker(self.memory, self.seconds, self.check_entities, False)
            self._limits = False
        if not worker.limited and not self._warned_unlimited:
            self._warned_unlimited = True
            log.warning("parse workers cannot limit their memory (setrlimit is not permitted "
                        "here, e.g. by a systemd SystemCallFilter); only the %g s time budget "
                        "applies: allow setrlimit and prlimit64 to the service", self.seconds)
        return worker

    @property
    def using_workers(self) -> bool:
        return not self._unavailable


_default: ParsePool | None = None
_default_lock = threading.Lock()


def default_pool() -> ParsePool:
    """The process-wide pool, created on first use and closed at exit."""
    global _default
    with _default_lock:
        if _default is None:
            _default = ParsePool()
            atexit.register(_default.close)
        return _default


if __name__ == "__main__":
    serve(int(sys.argv[1]), float(sys.argv[2]), sys.argv[3:4] != ["no-check"],
          sys.argv[4:5] != ["no-limits"])
