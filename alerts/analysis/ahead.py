"""Analysis ahead: the items of a document analysed in worker processes (issue #17).

A document that brings many new items to match (a first poll, a backfill) spent most of the
poll's main-thread time in the analysis (about 0.8 ms an item) while the machine's other
cores idled. `Poller.digest` hands such a document's analysis inputs to worker processes and
awaits their answers (the event loop digests other feeds meanwhile); each answer is kept as
if the analysis had been made here (alerts.analysis.remember, at the item's turn), so
matching, stories and messages read the very same analysis. The answers cross as
alerts.analysis.wire describes.

Workers (`python -m alerts.analysis.aheadworker`, one fewer than the cores) start on first use
and end IDLE_SECONDS after their last job, so an idle daemon holds none. Whatever goes wrong
with one (it cannot start, dies, answers late or unreadably) costs nothing but time: the
items it had are analysed here, when matching asks, as before; that is logged once.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import logging
import os
import pickle
import sys
import threading
import time
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeVar

from alerts import childpipe
from alerts.analysis import Analysis, item_mentions_of, wire
from alerts.analysis.aheadworker import READY

log = logging.getLogger(__name__)

# One core is left to the polling process itself, which matches and records while the
# workers analyse: on 2 cores, a second worker only competed with it (all-new cycle under
# load, median of 3: 12.9 s wall with two workers, 10.1 s with one).
MAX_WORKERS = max(1, (os.cpu_count() or 1) - 1)
IDLE_SECONDS = 1.0  # as the parse workers: a burst of polls keeps them, an idle daemon not
START_TIMEOUT = 60.0  # seconds for a worker to load the knowledge base and say it is ready
CALL_TIMEOUT = 120.0  # seconds for one share of a document (500 items take about 0.5 s)
SHARE_MIN = 16  # a document is split between workers in shares of at least this many items
# Items of shares that may wait for a busy worker (about 0.4 s of its work: 8 documents of
# 50 items, as many polls as `poll --once` has in flight); a share that would make more wait
# is analysed here. With none waiting (every share finding the worker busy analysed here),
# a third of the all-new cycle's documents were analysed in the polling process (#17: 1,650
# analyses, 0.96 s of its main thread's 4.30 s of CPU), whose CPU sets the pace; without a
# bound, every poll in flight could wait for one worker while the polling process idled.
BACKLOG = 400

T = TypeVar("T")
Job = tuple[str, str, date | None]  # title, summary, the day analyse_text is asked for


class WorkerLost(Exception):
    """The worker did not start, ended, was too slow, or answered something unreadable."""


class _Worker:
    def __init__(self, python: str):
        try:
            self.proc = childpipe.start("alerts.analysis.aheadworker", python=python)
        except OSError as exc:
            raise WorkerLost(f"it could not be started: {exc}") from exc
        self.idle_since = time.monotonic()
        try:
            if self._read(len(READY), time.monotonic() + START_TIMEOUT) != READY:
                raise WorkerLost("it did not say it was ready")
        except WorkerLost:
            self.kill()
            raise
        log.debug("analysis worker started (process %d)", self.proc.pid)

    def _read(self, n: int, deadline: float) -> bytes:
        assert self.proc.stdout is not None
        try:
            return childpipe.read_exact(self.proc.stdout, n, deadline)
        except TimeoutError:
            raise WorkerLost("it did not answer in time") from None
        except EOFError:
            raise WorkerLost("it ended") from None

    def send(self, payload: bytes) -> None:
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(childpipe.framed(payload))
            self.proc.stdin.flush()
        except OSError as exc:
            raise WorkerLost("it is gone") from exc

    def receive(self, seconds: float) -> Any:
        deadline = time.monotonic() + seconds
        size = int.from_bytes(self._read(childpipe.HEADER, deadline), "big")
        try:
            return wire.loads(self._read(size, deadline))
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError,
                AttributeError) as exc:
            raise WorkerLost(f"its answer was unreadable: {exc}") from exc

    def kill(self) -> None:
        childpipe.kill(self.proc)

    def close(self) -> None:
        childpipe.close(self.proc)


class AnalysisPool(childpipe.IdlePool[_Worker]):
    """Up to `workers` worker processes, started on demand, shared by threads."""

    def __init__(self, workers: int = MAX_WORKERS, *, python: str = sys.executable,
                 idle_seconds: float = IDLE_SECONDS, seconds: float = CALL_TIMEOUT,
                 backlog: int = BACKLOG):
        super().__init__(workers, idle_seconds, "analysis")
        self.python = python
        self.seconds = seconds
        self.backlog = backlog
        self._waiting = 0  # items of the shares waiting for a busy worker now
        self.starts = 0  # worker processes started so far
        self.unavailable = False  # a worker could not start: everything is analysed here
        self._warned_lost = False

    def share(self, jobs: Sequence[Job], folder: str, stamp: str) -> list[wire.Fields] | None:
        """One share of a document analysed in a worker (blocking: run it in a thread);
        None when it is to be analysed here (every worker busy and the backlog full, or none
        can work)."""
        worker = self._acquire(len(jobs))
        if worker is None:
            return None
        keep = False
        try:
            worker.send(pickle.dumps((folder, stamp, list(jobs)),
                                     protocol=pickle.HIGHEST_PROTOCOL))
            status, answer = worker.receive(self.seconds)
            keep = True
        except WorkerLost as exc:
            self._lost(exc)
            return None
        finally:
            self._release(worker, keep)
        if status == "ok" and isinstance(answer, list) and len(answer) == len(jobs):
            return answer
        log.debug("an analysis worker answered %s (%s); %d items are analysed here",
                  status, answer, len(jobs))
        return None

    def _lost(self, exc: WorkerLost) -> None:
        with self._cond:
            warn, self._warned_lost = not self._warned_lost, True
        (log.warning if warn else log.debug)(
            "an analysis worker was lost (%s); its items were analysed in this process, "
            "which is slower but loses nothing", exc)

    def _acquire(self, items: int = 1) -> _Worker | None:
        # Every worker busy: the share waits for one while the backlog has room for its
        # items, else it is analysed here, so that the polling process keeps working instead
        # of waiting for them (the two share the load).
        with self._cond:
            wait = self._waiting + items <= self.backlog
            if wait:
                self._waiting += items
        try:
            taken = self._take(lambda: self.unavailable, wait=wait)
        finally:
            if wait:
                with self._cond:
                    self._waiting -= items
        if not isinstance(taken, str):  # an idle worker, or none to be had
            return taken
        with self._cond:
            self.starts += 1
        try:
            return _Worker(self.python)
        except WorkerLost as exc:
            with self._cond:
                warn, self.unavailable = not self.unavailable, True
            self._unstarted()
            if warn:
                log.warning("cannot start an analysis worker (%s); items are analysed in this "
                            "process, which is slower but loses nothing", exc)
            return None


_default: AnalysisPool | None = None
_default_lock = threading.Lock()


def default_pool() -> AnalysisPool:
    """The process-wide pool, made on first use and closed at exit."""
    global _default
    with _default_lock:
        if _default is None:
            _default = AnalysisPool()
            atexit.register(_default.close)
        return _default


def warm(pool: AnalysisPool | None = None) -> bool:
    """Whether `pool` (None: the process-wide one, if made) has a worker alive now, which a
    share of any size may use without starting one."""
    pool = pool or _default
    return pool is not None and not pool.unavailable and pool.running > 0


async def _in_thread(function: Callable[..., T], *args: Any) -> T:
    """function(*args) in a thread of its own (a daemon thread). Not asyncio.to_thread: a
    share waiting for its worker's answer would hold one of the loop's few executor threads,
    which the polls of other feeds need for their parsing."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: BaseException | None) -> None:
        if future.done():  # the poll was cancelled meanwhile
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    def run() -> None:
        try:
            result, error = function(*args), None
        except Exception as exc:
            result, error = None, exc
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=run, daemon=True, name="analysis-ahead").start()
    return await future


async def analyse_ahead(jobs: Sequence[Job], pool: AnalysisPool | None = None
                        ) -> list[Analysis | None]:
    """Each job's analysis made in the workers (None for those to be made here), to be kept
    with alerts.analysis.remember when its item's turn comes."""
    from alerts.knowledge import choice
    from alerts.knowledge.base import knowledge_base

    pool = pool or default_pool()
    with choice.lock:
        folder, stamp = choice.current()
    kb = knowledge_base()
    parts = max(1, min(pool.workers, len(jobs) // SHARE_MIN))
    size = -(-len(jobs) // parts)
    shares = [jobs[k:k + size] for k in range(0, len(jobs), size)]
    answers = await asyncio.gather(*(
        _in_thread(pool.share, share, str(folder) if folder else "", stamp)
        for share in shares))
    out: list[Analysis | None] = []
    for share, answer in zip(shares, answers, strict=True):
        if answer is None:
            out.extend(None for _ in share)
            continue
        for (title, summary, day), fields in zip(share, answer, strict=True):
            try:
                analysis = wire.analysis_of(fields, title, summary, day, kb, item_mentions_of)
            except (KeyError, TypeError, ValueError):  # not this base's: made here instead
                out.append(None)
                continue
            out.append(analysis)
    return out
